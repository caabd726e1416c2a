# Pesan sakip dalam bahasa Indonesia. Setiap pesan punya id yang sama di en.ftl.
# Nilai ditulis `{ $nama }`; `.help` adalah cara memperbaikinya.

severity-error = kesalahan
severity-warning = peringatan
severity-info = info

help-label = saran

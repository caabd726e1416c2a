# Kata-kata server bahasa (sakip lsp) dalam bahasa Indonesia, di samping
# kodenya; katalog inti (crates/sakip-core/i18n) memuat kata-kata yang dipakai
# bersama. Setiap pesan punya id yang sama di en.ftl.

lsp-explain-no-indikator = letakkan kursor pada id indikator untuk melihat penjelasannya
lsp-needs-unit = penjelasan dan pratinjau hanya untuk berkas satker; `{ $path }` bukan milik satker mana pun
lsp-no-year = satker belum punya perjanjian atau data untuk tahun mana pun

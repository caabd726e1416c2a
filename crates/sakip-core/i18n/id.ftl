# Pesan sakip dalam bahasa Indonesia. Setiap pesan punya id yang sama di en.ftl.
# Nilai ditulis `{ $nama }`; `.help` adalah cara memperbaikinya.

severity-error = kesalahan
severity-warning = peringatan
severity-info = info

help-label = saran

## Temuan evaluasi (sakip eval)

target-zero = targetnya 0, jadi capaian mengikuti aturan untuk target nol: { $formula }
capaian-overflow = capaian dari realisasi { $r } terhadap target { $t } terlalu besar untuk angka desimal
script-band = { $source } mengembalikan kategori `{ $value }`, yang tidak ada di klasifikasi
script-band-help = kembalikan salah satu dari { $ids }
band-missing = capaian { $rounded } tidak masuk kategori mana pun di klasifikasi
band-missing-help = lengkapi klasifikasi agar kategorinya mencakup setiap capaian, atau tetapkan batas `konversi efisiensi`
tier-realisasi = `{ $id }` ({ $tier }) melaporkan realisasi { $rb }, tetapi indikator yang sama `{ $id2 }` ({ $tier2 }) melaporkan { $ra }
tier-realisasi-help = satu pengukuran punya satu realisasi: perbaiki yang keliru
realisasi-unused = data memuat realisasi untuk `{ $indicator }`, yang tidak ada di Perjanjian Kinerja { $year }
realisasi-unused-help = tambahkan target indikator itu ke perjanjian, atau hapus realisasinya
formula-error = rumus { $what } gagal dihitung: { $message }
perjanjian-missing = tidak ada Perjanjian Kinerja untuk { $year }
perjanjian-missing-help = tambahkan blok `perjanjian { $year } {"{"} ... {"}"}` berisi target tahun itu ke aturan satker
unknown-indicator = aturan tidak memuat indikator `{ $id }`
script-error = fungsi `{ $hook }` di skrip gagal: { $message }
script-error-2 = fungsi `nilai_satker` di skrip gagal: { $message }
realisasi-missing = indikator `{ $id }` tidak punya realisasi untuk { $year }
realisasi-missing-help = tambahkan `{ $id } = <nilai>` ke blok `realisasi { $year }` di data satker
satuan-mismatch = realisasi ditulis dalam { $s } padahal indikator `{ $id }` diukur dalam { $satuan }{ $target-text }; capaian hanya membandingkan angkanya
satuan-mismatch-help = tulis realisasi dalam { $satuan }, atau perbaiki `satuan` indikator jika targetlah yang keliru
period-mix = realisasi `{ $id }` mencampur jenis periode yang berbeda
period-mix-help = berikan satu nilai untuk setahun (`= 30`), atau nilai per triwulan, atau per semester
realisasi-empty = realisasi `{ $id }` tidak berisi nilai
period-kind = aturan menggabungkan `{ $id }` per { $expected }, tetapi data memberi nilai per { $jenis }
agregasi-missing = `{ $id }` punya nilai per { $jenis } tetapi aturannya tidak menyebut cara menggabungkannya
agregasi-missing-help = tambahkan `realisasi jumlah`, `rata`, `terakhir`, `tertinggi` atau `terendah` pada indikator
realisasi-overflow = realisasi `{ $id }` terlalu besar
target-satuan = target `{ $value }` dalam { $s } padahal indikator diukur dalam { $satuan }
target-satuan-help = tulis target dalam { $satuan }, atau perbaiki `satuan` indikator
target-missing = indikator `{ $id }` tidak punya target untuk { $year }
target-missing-help = tambahkan `target { $id } = <nilai>` ke blok `perjanjian { $year }`
target-national = target satker { $value } untuk { $year } di bawah target nasional { $national } yang ditetapkan `{ $source }`
target-above-national = target satker { $value } untuk { $year } di atas target nasional { $national } yang ditetapkan `{ $source }`
anggaran-missing = tidak ada pagu atau realisasi anggaran untuk { $year }
anggaran-missing-help = tambahkan blok `anggaran { $year } {"{"} ... {"}"}` dengan satu baris `belanja` per jenis belanja
anggaran-overflow = jumlah anggaran terlalu besar untuk angka desimal
anggaran-overflow-2 = penyerapan `{ $name }` terlalu besar
pagu-zero = `{ $name }` membelanjakan { $realisasi } dengan pagu 0, sehingga penyerapannya tidak bermakna
pagu-zero-help = periksa pagu di DIPA (atau revisinya) dan perbaiki `pagu` baris ini
realisasi-above-pagu = `{ $name }` membelanjakan { $realisasi } dari pagu { $pagu }
pk-kegiatan = kegiatan `{ $name }` berjumlah { $sum }, tetapi anggaran programnya { $amount }
pk-budget = Perjanjian Kinerja { $year } menganggarkan { $sum } untuk program-programnya, tetapi pagu per jenis belanja berjumlah { $pagu }
pk-budget-help = DIPA revisi mengubah pagu: cantumkan revisinya di data, atau perbaiki anggaran perjanjian
printed-capaian = laporan mencetak capaian { $printed }%, padahal realisasi { $realisasi } terhadap target { $target } dengan `pembulatan capaian { $rounding }` menghasilkan { $computed }%
printed-capaian-precision = laporan mencetak capaian { $printed }%, padahal realisasi { $realisasi } terhadap target { $target } dengan `pembulatan capaian { $rounding }` menghasilkan { $computed }%; angka tercetak memakai desimal lebih sedikit daripada pembulatan aturan
printed-capaian-rumus = laporan mencetak capaian { $printed }%, padahal rumus capaian dengan `pembulatan capaian { $rounding }` menghasilkan { $computed }%
printed-capaian-rumus-precision = laporan mencetak capaian { $printed }%, padahal rumus capaian dengan `pembulatan capaian { $rounding }` menghasilkan { $computed }%; angka tercetak memakai desimal lebih sedikit daripada pembulatan aturan
printed-penyerapan = `{ $name }`: laporan mencetak penyerapan { $printed }%, padahal { $realisasi } / { $pagu } x 100 dengan `pembulatan anggaran { $rounding }` adalah { $computed }%
printed-penyerapan-precision = `{ $name }`: laporan mencetak penyerapan { $printed }%, padahal { $realisasi } / { $pagu } x 100 dengan `pembulatan anggaran { $rounding }` adalah { $computed }%; angka tercetak memakai desimal lebih sedikit daripada pembulatan aturan
printed-wrong-help = angka tercetak keliru: perbaiki laporan, atau realisasinya jika itu yang salah ketik
printed-precision-help = cetak angka dengan jumlah desimal sesuai aturan

## Kata-kata tabel dan laporan

word-title = Capaian Kinerja
word-year = Tahun
word-rules = Aturan
word-legend = Klasifikasi capaian
word-no = No
word-sasaran = Sasaran
word-indikator = Indikator
word-target = Target
word-realisasi = Realisasi
word-capaian = Capaian (%)
word-band = Klasifikasi
word-last-year = Capaian
word-renstra = Progres ke target Renstra
word-budget = Realisasi anggaran per jenis belanja
word-jenis = Jenis Belanja
word-pagu = Pagu
word-penyerapan = Penyerapan (%)
word-chart = Capaian per indikator (garis: 100%)
word-budget-chart = Penyerapan anggaran
word-notes = Yang perlu diperhatikan
word-none = Tidak ada catatan.
word-score = Nilai kinerja satker
word-tier-strategis = Sasaran Strategis
word-tier-program = Sasaran Program
word-tier-kegiatan = Sasaran Kegiatan
word-tier-output = Output (Nilai Kinerja Anggaran)

## Tabel di terminal (sakip eval)

table-no-satker = (tanpa satker)
table-pk-budget = Anggaran dalam Perjanjian Kinerja { $year }
table-notes = Catatan ((!) di tabel menandai indikator yang disebut di sini): { $errors } kesalahan, { $warnings } peringatan, { $infos } info
at-label = di

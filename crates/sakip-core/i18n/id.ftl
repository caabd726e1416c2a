# Pesan sakip dalam bahasa Indonesia. Setiap pesan punya id yang sama di en.ftl.
# Nilai ditulis `{ $nama }`; `.help` adalah cara memperbaikinya.

severity-error = kesalahan
severity-warning = peringatan
severity-info = info

help-label = saran

## Temuan evaluasi (sakip eval)

target-zero = targetnya 0, jadi capaian mengikuti aturan untuk target nol: { $formula }
capaian-overflow = capaian dari realisasi { $realisasi } terhadap target { $target } terlalu besar untuk angka desimal
script-band = { $source } mengembalikan kategori `{ $value }`, yang tidak ada di klasifikasi
script-band-help = kembalikan salah satu dari { $ids }
klasifikasi-none = tidak ada klasifikasi yang berlaku untuk { $year }: tidak ada capaian yang diklasifikasikan
klasifikasi-none-help = tambahkan tabel `klasifikasi {"{"} ... {"}"}` ke aturan (GRAMMAR.md, Settings) agar setiap capaian mendapat predikat
band-missing = capaian { $rounded } tidak masuk kategori mana pun di klasifikasi
band-missing-help = lengkapi klasifikasi agar kategorinya mencakup setiap capaian, atau tetapkan batas `konversi efisiensi`
tier-realisasi = `{ $id }` ({ $tier }) melaporkan realisasi { $realisasi }, tetapi indikator yang sama `{ $other-id }` ({ $other-tier }) melaporkan { $other-realisasi }
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
satuan-mismatch = realisasi ditulis dalam { $written-in } padahal indikator `{ $id }` diukur dalam { $satuan }{ $target-text }; capaian hanya membandingkan angkanya
satuan-mismatch-help = tulis realisasi dalam { $satuan }, atau perbaiki `satuan` indikator jika targetlah yang keliru
period-mix = realisasi `{ $id }` mencampur jenis periode yang berbeda
period-mix-help = berikan satu nilai untuk setahun (`= 30`), atau nilai per triwulan, atau per semester
realisasi-empty = realisasi `{ $id }` tidak berisi nilai
period-kind = aturan menggabungkan `{ $id }` per { $expected }, tetapi data memberi nilai per { $jenis }
agregasi-missing = `{ $id }` punya nilai per { $jenis } tetapi aturannya tidak menyebut cara menggabungkannya
agregasi-missing-help = tambahkan `realisasi jumlah`, `rata`, `terakhir`, `tertinggi` atau `terendah` pada indikator
realisasi-overflow = realisasi `{ $id }` terlalu besar
target-satuan = target `{ $value }` dalam { $written-in } padahal indikator diukur dalam { $satuan }
skala-not-on-scale = `{ $value }` bukan nilai skala { $id }
skala-not-on-scale-help = tulis salah satu nilainya: { $scale }
skala-word-for-number = { $id } diukur dengan angka, bukan skala: `{ $value }` adalah kata
skala-word-for-number-help = tulis angka, atau beri { $id } skala (`skala WTP > WDP > TW > TMP`) di aturan
skala-number-for-scale = { $id } diukur dengan skala: `{ $value }` adalah angka
explain-units-counted = Satker yang dihitung ({ $n }):
explain-units-not-counted = Satker yang tidak dihitung ({ $n }):
explain-unit-meets = memenuhi syarat
explain-unit-not-meets = tidak memenuhi
explain-unit-failed = gagal: { $error }
explain-unit-no-figure = tidak memiliki angka itu tahun ini
explain-unit-not-measured = tidak diukur tahun ini
wilayah-unit-failed = { $n } satker tidak dihitung (gagal), { $counted } dihitung: { $units }
wilayah-unit-failed-help = angkanya bertumpu pada satker yang dihitung; lihat sebab tiap kegagalan dengan `sakip explain <aturan> { $id } --units ... --year { $year }`, perbaiki lalu jalankan lagi
wilayah-unit-not-evaluated = tidak dapat dievaluasi
wilayah-unit-errors = { $n } angka tidak dapat dihitung
wilayah-none = aturan `{ $id }` tidak memiliki indikator yang dihitung dari satkernya
wilayah-none-help = `--units` mengevaluasi indikator aturan kanwil atau nasional yang ditulis `realisasi dari satker = persen(nilai >= 89)`; untuk satu satker, jangan pakai `--units`
wilayah-units-help = dengan `--units`, berikan aturan kanwil atau nasional; satker dievaluasi tanpanya
dari-satker-level = { $id } dihitung dari satker di bawahnya: hanya aturan nasional atau kanwil yang memiliki indikator seperti ini
dari-satker-level-help = pindahkan indikator ke aturan wilayah (`aturan kanwil ...`) atau kementerian (`aturan nasional ...`)
dari-satker-fungsi = `{ $name }` bukan fungsi atas satker
dari-satker-fungsi-help = tulis salah satu: `jumlah(nilai >= 89)` (berapa satker), `persen(nilai >= 89)` (persentasenya), `rata(ikpa.capaian)`, `median(ikpa.capaian)`, `rasio(ikpa.realisasi, ikpa.target)` (jumlah dibagi jumlah, %)
dari-satker-needs-condition = `{ $name }` menghitung satker yang memenuhi syarat: tuliskan syaratnya, `{ $name }(nilai >= 89)`
dari-satker-needs-one = `{ $name }` menerima satu angka tanpa syarat: `{ $name }(ikpa.capaian)`
dari-satker-needs-two = `rasio` menerima dua angka, yang dijumlah di atas garis dan di bawahnya: `rasio(ikpa.realisasi, ikpa.target)`
dari-satker-skala = `{ $name }` menjumlahkan `{ $figure }`, nilai pada skala: nilai skala dihitung banyaknya, tidak dijumlah atau dirata-rata
dari-satker-skala-help = hitung satker yang mencapai suatu nilai atau lebih: `jumlah({ $figure } >= { $value })` (berapa), `persen({ $figure } >= { $value })` (bagiannya, %)
dari-satker-word = `{ $figure }` adalah angka: `{ $value }` adalah kata
dari-satker-word-help = bandingkan dengan angka (`nilai >= 89`); nilai skala membandingkan realisasi atau target indikator kualitatif (`nilai_sakip.realisasi >= BB`)
dari-satker-twice = realisasi { $id } dihitung dari satker: tidak ada `rumus realisasi` atau `realisasi jumlah|rata|...` lain
dari-satker-twice-help = pertahankan satu cara menghitung realisasinya
dari-satker-agreement = { $id } dihitung dari satker di wilayahnya: tidak masuk perjanjian kinerja satker
dari-satker-agreement-help = hapus dari perjanjian; wilayahnya yang melaporkannya (`sakip report <aturan> --units ...`)
step-target-period = target { $period }: { $value } (Rencana Aksi dalam perjanjian)
step-target-prorata = target { $period }: { $yearly } x { $months }/12 = { $value } (`target berjalan prorata`)
step-target-tahunan = target { $period }: target setahun (`target berjalan tahunan`)
target-berjalan-none = { $id } tidak memiliki target { $period } dan aturan tidak menyebut cara menentukannya
target-berjalan-none-help = tuliskan di perjanjian (`target { $id } = 75 tw1 = 20 tw2 = 40 tw3 = 60`), atau nyatakan aturannya: `target berjalan prorata` (target setahun dikali bagian tahun yang telah lewat) atau `target berjalan tahunan` (target setahun)
realisasi-belum = belum dilaporkan sampai akhir { $period }: data memberikannya untuk periode sesudahnya, atau indikator diukur sekali setahun
realisasi-belum-alasan = belum ada realisasi s.d. { $period }
until-no-data = tidak ada indikator yang memiliki realisasi sampai akhir { $period } { $year }: belum ada yang dapat dievaluasi
until-no-data-help = laporkan realisasi per periode (`iku_kamtib tw1 = 30 tw2 = 45`), atau evaluasi periode sesudahnya (`--until tw3`) atau setahun penuh (tanpa `--until`)
target-period-yearly = { $id } diukur sekali setahun: tidak memiliki target per periode
target-period-yearly-help = hapus periodenya, atau nyatakan di aturan bagaimana periode { $id } membentuk nilai setahun (`realisasi jumlah triwulan`, `realisasi terakhir semester`, ...)
target-period-kind = target `{ $period }` untuk { $id } bukan periode { $kind } seperti yang lain
target-period-twice = { $id } memiliki target `{ $period }` dua kali
target-period-kind-help = berikan satu target per periode, semuanya triwulan (`tw1` sampai `tw4`) atau semuanya semester (`smt1`, `smt2`), sesuai cara indikator diukur
uji-until = uji sampai `{ $period }` adalah uji setahun penuh
uji-until-help = tulis `tw1`, `tw2`, `tw3` atau `smt1` sesudah tahun, atau kosongkan untuk setahun penuh
uji-satker-gagal = ditulis gagal dalam uji
uji-satker-none = uji ini memberi satker, tetapi `{ $id }` tidak punya indikator yang dihitung dari satkernya
uji-satker-none-help = satker dalam uji untuk indikator dengan `realisasi dari satker = ...`; data satker sendiri ditulis `<id> = <nilai>`
uji-satker-twice = satker `{ $satker }` ditulis dua kali dalam uji ini
uji-satker-twice-help = tulis tiap satker sekali, dengan semua angkanya dalam satu blok
uji-satker-figur-twice = satker `{ $satker }` memberi `{ $figure }` dua kali
uji-satker-figur-twice-help = pertahankan angka yang dimaksud dan hapus yang lain
uji-satker-entry = `{ $id }` dihitung dari satker dalam uji ini; realisasinya tidak dapat diberikan juga
uji-satker-entry-help = hapus baris `{ $id } = ...`, atau satkernya, untuk menguji salah satunya
uji-satker-until = uji dengan satker tidak dapat sampai suatu periode
uji-satker-until-help = indikator wilayah dihitung dari angka satkernya sampai saat ini: tulis angka itu dan kosongkan periodenya
skala-value-twice = skala { $id } memuat `{ $value }` dua kali
skala-value-twice-help = tiap nilai skala ditulis sekali, dari yang terbaik: `skala WTP > WDP > TW > TMP` (huruf besar atau kecil tidak membedakan dua nilai)
skala-langkah = `langkah` { $id } harus lebih dari 0
skala-langkah-help = `langkah 25` mengurangi capaian 25 untuk tiap langkah di bawah target; hapus bila di bawah target bernilai 0
skala-polaritas = { $id } memiliki `skala` dan `polaritas`
skala-polaritas-help = skala ditulis dari yang terbaik, sehingga arahnya sudah jelas: hapus baris `polaritas`
skala-agregasi = realisasi { $id } berupa skala: tidak dapat digabung dengan `{ $agregasi }`
skala-agregasi-help = nilai skala tidak dapat dijumlah atau dirata-rata; pakai `realisasi terakhir`, `tertinggi` atau `terendah`
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
printed-cause = angka tercetak { $printed } adalah hasil { $causes }; perbaiki laporan, atau angka yang salah ketik
printed-cause-none = tidak ada kekeliruan sederhana yang menghasilkan angka tercetak { $printed } (pembulatan, realisasi yang dibulatkan, target lain, batas konversi, angka tertukar, polaritas lain, satu digit salah ketik): perbaiki laporan
printed-cause-rounding = pembulatan `{ $mode }` padahal aturan berkata lain
printed-cause-rounded-realisasi = dari realisasi { $realisasi } yang dibulatkan menjadi { $whole }
printed-cause-year-target = terhadap target { $year } sebesar { $other }
printed-cause-national-target = terhadap target nasional { $other }
printed-cause-before-cap = tanpa batas (`konversi efisiensi`)
printed-cause-swapped = dengan target dan realisasi tertukar
printed-cause-polaritas = dengan polaritas `{ $polaritas }`
printed-cause-target-digit = dengan target { $written }, satu digit berbeda dari { $target }
printed-cause-realisasi-digit = dengan realisasi { $written }, satu digit berbeda dari { $realisasi }
printed-cause-transposed = dengan dua digit berdampingan dari { $computed } tertukar
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
word-capaian-short = capaian
word-until = s.d. { $period }
word-projection = Proyeksi akhir tahun
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

## Berkas dan folder aturan (sakip check)

unit-dir = `{ $dir }` bukan folder
path-missing = `{ $path }` tidak ada
path-missing-2 = `{ $path }` tidak ada
file-unreadable = `{ $dir }` tidak dapat dibaca: { $error }
file-unreadable-2 = `{ $path }` tidak dapat dibaca: { $error }
file-unreadable-3 = `{ $dir }` tidak dapat dibaca: { $error }
rename-not-indikator = hanya id indikator yang dapat diganti namanya; `{ $name }` bukan id indikator
rename-not-id = `{ $name }` bukan id: huruf, angka dan `_`, tidak diawali angka
rename-keyword = `{ $name }` adalah kata kunci; id harus berbeda dari setiap kata kunci
rename-exists = indikator `{ $name }` sudah ada
report-receipt = SHA-256 hasil (periksa dengan `sakip verify` dan tanda terimanya): { $hash }
receipt-invalid = `{ $path }` bukan tanda terima sakip: { $error }
receipt-invalid-help = tanda terima adalah berkas JSON yang ditulis `sakip eval` atau `sakip report` dengan `--receipt <berkas>`
file-deleted = `{ $path }` tidak ada lagi di disk; yang diperiksa adalah isi di editor
file-deleted-help = simpan untuk menulisnya kembali, atau tutup berkasnya
no-header = `{ $dir }` tidak punya berkas yang memulai suatu aturan
no-header-help = satu berkas di folder itu harus menyebut dirinya: `aturan nasional <id> "<nama>"`, `aturan kanwil ...` atau `satker <id> "<nama>"`
many-headers = `{ $dir }` memuat beberapa aturan ({ $list }), sehingga berkas ini tidak termasuk aturan mana pun
many-headers-help = simpan satu aturan per folder, atau beri berkas-berkas yang sejalan folder sendiri
berdasarkan-twice = satu aturan hanya berdasarkan satu aturan
berdasarkan-twice-label = `berdasarkan` yang kedua
berdasarkan-twice-help = satker berdasarkan aturan Kanwil-nya, dan Kanwil berdasarkan aturan nasional: sisakan satu `berdasarkan`
berdasarkan-missing = `{ $target }` tidak ada
berdasarkan-missing-label = berkas atau folder ini tidak ada
berdasarkan-missing-help = `berdasarkan` memakai jalur relatif terhadap berkas ini, misalnya `"../../rules/kanwil-sumsel"`
berdasarkan-cycle = aturan-aturan saling berdasarkan dalam lingkaran
berdasarkan-cycle-label = kembali ke aturan yang sudah ada di rantai
path-kind = `{ $keyword }` menyebut `{ $path }`, yang bukan berkas { $kind }; berkas itu tidak dibaca
path-kind-label = bukan berkas { $kind }
outside-tree = `{ $path }` berada di luar folder yang dilayani meja kerja (`{ $root }`); berkas itu tidak dibuka
outside-tree-label = di luar folder yang dilayani
outside-tree-help = simpan berkas aturan dan skrip di dalam folder yang dilayani dan sebut relatif terhadap berkas ini; baris perintah (`sakip check`) membaca berkas di mana saja
script-missing = skrip `{ $path }` tidak dapat dibaca: { $error }
script-missing-label = skrip ini
script-missing-help = `skrip` memakai jalur relatif terhadap berkas ini, misalnya `"sumsel.rhai"`
not-a-unit = folder ini memuat aturan, bukan satker
not-a-unit-help = `eval` menerima folder satker, yang aturannya dimulai dengan `satker <id> "<nama>"`
perjanjian-level = `perjanjian` hanya ada di aturan satker (`satker`)
perjanjian-level-help = aturan nasional dan Kanwil menetapkan target di dalam setiap `indikator` dengan `target <tahun> = <nilai>`
data-level = realisasi ada di folder satker, bukan di aturan nasional atau Kanwil
data-level-2 = anggaran ada di folder satker, bukan di aturan nasional atau Kanwil
header-twice = satu aturan punya satu kepala
header-twice-help = aturan ini sudah dimulai di { $at }
setting-twice = `{ $what }` ditetapkan dua kali di aturan ini
setting-twice-from = `{ $what }` mulai { $year } ditetapkan dua kali di aturan ini
setting-twice-help = yang pertama di { $at }; sisakan satu, atau beri yang ini tahun sendiri dengan `mulai <tahun>`
decimals-range = { $decimals } desimal melebihi { $max } yang dapat dipakai laporan
decimals-range-help = laporan mencetak capaian dan penyerapan dengan 2 desimal
klasifikasi-empty = klasifikasi tidak punya kategori
klasifikasi-empty-help = tulis satu kategori per baris, misalnya `80 ..< 100 "Memuaskan" good biru`
band-twice = id kategori `{ $band }` dipakai dua kali
band-twice-help = pertama dipakai di { $at }
colour-unknown = `{ $colour }` bukan warna yang dikenal sakip
colour-unknown-label = warna tidak dikenal
colour-unknown-help = { $hint }pakai salah satu dari { $names } atau kode `#rrggbb`
band-range = kategori `{ $band }` tidak memuat nilai apa pun: batas bawahnya tidak di bawah batas atasnya
band-gap = tidak ada kategori untuk capaian di atas { $from } dan di bawah { $to }: antara `{ $below }` dan `{ $above }`
band-gap-up-to = tidak ada kategori untuk capaian di atas { $from } sampai { $to }: antara `{ $below }` dan `{ $above }`
band-gap-from = tidak ada kategori untuk capaian dari { $from } sampai di bawah { $to }: antara `{ $below }` dan `{ $above }`
band-gap-from-up-to = tidak ada kategori untuk capaian dari { $from } sampai { $to }: antara `{ $below }` dan `{ $above }`
band-gap-at = tidak ada kategori untuk capaian tepat { $from }: antara `{ $below }` dan `{ $above }`
band-gap-at-help = biarkan salah satunya memuat { $value }: akhiri `{ $below }` dengan `..= { $value }`, atau mulai `{ $above }` dari `{ $value } ..`
band-gap-label = kategori di atas celah
band-gap-help = mulailah satu kategori tepat di ujung yang lain: `{ $lower } ..< { $value }` lalu `{ $value } ..= ...`
band-overlap = kategori `{ $band }` dan `{ $other-band }` sama-sama memuat sebagian capaian
band-overlap-label = tumpang tindih dengan kategori lain
band-overlap-help = akhiri satu kategori tepat di awal kategori berikutnya, dengan `..<` untuk yang di bawah
sasaran-unused = sasaran `{ $sasaran }` tidak punya indikator
sasaran-unused-label = tidak diukur apa pun
sasaran-unused-help = tambahkan indikator yang mengukurnya, atau hapus sasarannya
sasaran-tier = sasaran `{ $sasaran }` berjenjang { $tier } di { $at }, bukan { $other-tier }
sasaran-tier-help = sasaran tetap di jenjangnya; beri yang ini kode lain
indikator-twice = indikator `{ $id }` dideklarasikan dua kali
indikator-twice-label = deklarasi kedua
indikator-twice-help = yang pertama di { $at }; id harus unik di seluruh aturan nasional, Kanwil dan satker
target-twice = indikator `{ $id }` punya dua target untuk { $year }
target-twice-help = yang pertama di { $at }; sisakan satu
komponen-capaian = `{ $id }` adalah `komponen`, yang tidak punya capaian, tetapi diberi { $what }
komponen-capaian-help = hapus { $what } itu, atau baris `komponen` bila `{ $id }` dinilai sendiri
rumus-twice = indikator `{ $id }` punya dua `rumus { $what }` untuk tahun yang sama
rumus-twice-help = yang pertama di { $at }; pakai `mulai <tahun>` untuk rumus yang menggantikannya sejak tahun tertentu
satuan-missing = indikator `{ $id }` tidak punya satuan
satuan-missing-label = diukur dalam apa?
satuan-missing-help = tambahkan baris seperti `satuan %`, `satuan indeks`, `satuan layanan` atau `satuan orang`
target-satuan-2 = target { $year } `{ $value }` tidak dalam satuan indikator `{ $satuan }`
target-satuan-2-help = tulis target dalam { $satuan } (atau sebagai angka saja)
percent-above-100 = target { $year } untuk `{ $id }` adalah { $value }, lebih dari 100%
percent-above-100-label = di atas 100%
percent-above-100-help = target persentase paling tinggi 100%; periksa angkanya, atau satuan indikatornya
target-below-national = target satker { $year } untuk `{ $id }`, { $value }, lebih ringan daripada target nasional { $national }
target-below-national-label = di bawah target nasional
target-below-national-help = aturan nasional `{ $source }` menetapkan { $value } untuk { $year }; perjanjian satker biasanya memenuhi atau melampauinya
rumus-polarity = `rumus capaian` pada `{ $id }` turun ketika realisasi naik, padahal polaritasnya `naik` (makin tinggi makin baik): pada target { $target }, realisasi { $low } memberi capaian { $low-capaian } dan { $high } memberi { $high-capaian }
rumus-polarity-label = turun ketika realisasi naik
rumus-polarity-help = jika makin tinggi makin baik, capaian semestinya naik bersama realisasi, seperti `realisasi / target * 100`; jika makin rendah makin baik, tulis `polaritas turun`
rumus-polarity-turun = `rumus capaian` pada `{ $id }` naik ketika realisasi naik, padahal polaritasnya `turun` (makin rendah makin baik): pada target { $target }, realisasi { $low } memberi capaian { $low-capaian } dan { $high } memberi { $high-capaian }
rumus-polarity-turun-label = naik ketika realisasi naik
rumus-polarity-turun-help = jika makin rendah makin baik, capaian semestinya turun ketika realisasi naik, seperti `(2 * target - realisasi) / target * 100`; jika makin tinggi makin baik, tulis `polaritas naik` atau hapus baris polaritas
formula-cycle = rumus-rumus saling membaca dalam lingkaran: { $shown }
formula-cycle-label = bagian dari lingkaran
formula-cycle-help = salah satunya harus dihitung dari data, bukan dari yang lain
reference-other-year = pada { $year } rumus `{ $id }` membaca `{ $reads }`, yang tidak diukur Perjanjian Kinerja { $year }
reference-other-year-label = tidak diukur tahun itu
reference-other-year-help = tambahkan `{ $reads }` ke perjanjian { $year }, atau beri `{ $id }` rumus `mulai` tahun `{ $reads }` diukur
line-twice = indikator `{ $id }` punya dua baris `{ $what }`
line-twice-help = yang pertama di { $at }; sisakan satu
formula-type = rumus ini menghasilkan benar/salah, padahal rumus harus menghasilkan angka
formula-type-help = pakai `jika <perbandingan> maka <angka> lain <angka>`
formula-self = `rumus realisasi` tidak boleh membaca realisasinya sendiri
formula-self-help = bacalah periodenya: `jumlah(triwulan)`, `terakhir(semester)`, `tw4`
formula-type-2 = kedua cabang `jika` menghasilkan jenis nilai yang berbeda
formula-type-2-help = `maka` dan `lain` sama-sama harus menghasilkan angka
function-arity = fungsi skrip `{ $name }` menerima { $takes } nilai, bukan { $given }
unknown-function = tidak ada fungsi `{ $name }`
unknown-function-label = tidak didefinisikan skrip mana pun
unknown-function-help = { $hint }fungsi bawaan adalah { $builtins }; { $scripts }
unknown-function-no-scripts = tidak ada skrip di aturan ini yang mendefinisikan fungsi
unknown-function-scripts = skrip mendefinisikan { $names }
nothing = {""}
function-arity-2 = `{ $name }` menerima { $want }, bukan { $given }
perjanjian-twice = ada dua blok `perjanjian { $year }`
perjanjian-twice-help = satu Perjanjian Kinerja per tahun: gabungkan keduanya
pk-indikator-needs-target = `{ $id }` dicantumkan tanpa target, padahal capaiannya memerlukan target untuk { $year }
pk-indikator-needs-target-help = tulis `target { $id } = ...`; hanya indikator yang `rumus capaian`-nya tidak memakai target boleh dicantumkan sebagai `indikator { $id }`
target-twice-2 = perjanjian { $year } menetapkan `{ $id }` dua kali
target-twice-2-help = yang pertama di { $at }; sisakan satu
target-unfilled = target { $year } untuk `{ $id }` belum diisi
target-unfilled-label = harus diisi
target-unfilled-help = ganti `?` dengan target yang disepakati dalam Perjanjian Kinerja
target-satuan-3 = target dalam { $written-in } padahal indikator `{ $id }` diukur dalam { $want }
target-satuan-3-help = tulis target dalam { $want }, atau perbaiki satuan indikator
dicetak-unit = capaian tercetak adalah persentase, bukan `{ $written-in }`
dicetak-unit-help = tulis seperti tercetak, misalnya `dicetak 53.33%`
target-unfilled-2 = target dalam uji harus angka, bukan `?`
uji-empty = uji "{ $name }" tidak mengharapkan apa pun
uji-empty-help = tambahkan apa yang harus dihasilkan aturan, misalnya `harap iku_kamtib capaian 87.50 "Memuaskan"`
realisasi-twice = realisasi { $year } untuk `{ $id }` diberikan dua kali
realisasi-twice-help = yang pertama di { $at }; sisakan satu
realisasi-twice-2 = realisasi { $year } untuk `{ $id }` diberikan di dua blok
period-twice = `{ $period }` diberikan dua kali untuk `{ $id }`
period-twice-help = yang pertama di { $at }
anggaran-twice = `{ $name }` tercantum dua kali di anggaran { $year }
anggaran-twice-help = yang pertama di { $at }
anggaran-total = total dihitung, bukan ditulis
anggaran-total-help = hapus baris ini: sakip menambahkan baris `Total` sendiri
internal-error = id berkas tidak dikenal
internal-error-2 = internal: pohon sintaks tidak memuat { $what }
renstra-order = Renstra berakhir sebelum dimulai
renstra-order-help = tulis `renstra { $start } ..= { $end }`
syntax = `{ $value }` bukan jumlah desimal
number-range = `{ $text }` punya lebih banyak digit daripada yang dapat ditampung suatu angka (28)
number-range-help = tulis angkanya dengan digit lebih sedikit
syntax-2 = `{ $text }` bukan tahun
number-range-2 = `{ $text }` punya lebih banyak digit daripada yang dapat ditampung suatu angka
rentang-order = batas bawah rentang di atas batas atasnya
rentang-order-help = tulis `rentang { $low } ..= { $high }`
syntax-keyword-name = kata kunci di sini, bukan nama
syntax-keyword-name-help = `{ $word }` adalah kata kunci bahasa aturan dan tidak dapat menjadi nama; beri nama misalnya `nilai_{ $word }` atau `{ $word }_1`
syntax-3 = `{ $word }` bukan periode
syntax-3-label = bukan periode
syntax-3-help = periodenya adalah `tw1`, `tw2`, `tw3`, `tw4` (triwulan) dan `smt1`, `smt2` (semester)
year-missing = satker tidak punya Perjanjian Kinerja atau realisasi untuk { $year }
year-missing-help = { $known }; tambahkan blok `perjanjian { $year } {"{"} ... {"}"}` dan `realisasi { $year } {"{"} ... {"}"}`
year-missing-none = satker tidak punya blok `perjanjian` atau `realisasi` untuk tahun mana pun
year-missing-has = satker punya { $years }
rules-national-twice = aturan nasional kedua
rules-national-twice-help = berikan satu aturan nasional dengan `--rules`, dan aturan Kanwil di sampingnya
rules-level = ini aturan satker
rules-level-help = `--rules` menerima aturan nasional dan aturan Kanwil; baris satker berasal dari `--data`
rules-national-missing = aturan nasional tidak diberikan
rules-national-missing-help = tambahkan aturan nasional: `--rules rules/ditjenpas`
perjanjian-missing-2 = satker tidak punya Perjanjian Kinerja { $last-year } untuk memulai { $year }
perjanjian-twice-2 = satker sudah punya Perjanjian Kinerja { $year }
file-exists = `{ $path }` sudah ada
file-exists-help = sakip tidak pernah menimpa berkas: pindahkan, atau sunting berkas itu

## Kesalahan sintaks

syntax-end-of-file = akhir berkas
syntax-unexpected = { $found } tidak diharapkan di sini
syntax-not-understood = tidak dipahami
syntax-expected = seharusnya { $expected }, tetapi ditemukan { $found }
syntax-here = di sini
syntax-decimal-comma = koma desimal
syntax-decimal-comma-help = berkas aturan menulis desimal dengan titik: `{ $int }.{ $frac }`, bukan `{ $int },{ $frac }` (jumlah uang ditulis `Rp 1.938.261.000`)
syntax-thousands = pemisah ribuan?
syntax-thousands-help = jumlah uang diawali `Rp` dan ribuannya dipisah titik: `Rp 1.938.261.000`; angka lain ditulis tanpa pemisah
did-you-mean = maksudnya `{ $word }`?
did-you-mean-then = maksudnya `{ $word }`?{" "}
syntax-needs-equals-help = nilai perlu `=` di depannya, misalnya `target 2022 = 75`
syntax-quoted-id-help = id ditulis tanpa tanda kutip, misalnya `ss5_kamtib`; teks dalam kutip adalah nama yang mengikutinya
syntax-unclosed-help = `{"{"}` di baris { $line }, kolom { $col } (`{ $opener } {"{"}`) tidak pernah ditutup: tambahkan `{"}"}` di akhir blok itu
syntax-unclosed-somewhere-help = ada blok yang dibuka dengan `{"{"}` tetapi tidak ditutup: tambahkan `{"}"}` yang kurang
syntax-file-ends = berkas berakhir di sini

## Yang dikatakan baris perintah dan meja kerja (import, new-year, diff)

nothing-written = tidak ada yang ditulis
import-wrote = ditulis { $path }: { $realisasi } realisasi, { $lines } baris anggaran
new-year-wrote = ditulis { $path }: { $filled } target dari aturan, { $open } perlu diisi (`?`)
diff-changes = { $n } perubahan

## Angka di lembar kerja dan tabel panjang

number-not-finite = sel tidak berisi angka yang berhingga
number-too-many-digits = { $text } punya lebih banyak digit daripada yang disimpan sakip (28)
number-not-a-number = `{ $text }` bukan angka
number-two-commas = `{ $text }` punya dua koma desimal
number-too-large = `{ $text }` terlalu besar
number-bad-grouping = `{ $text }`: titiknya tidak memisahkan digit per ribuan
number-ambiguous = `{ $text }` bermakna ganda: { $grouped } jika titik memisahkan ribuan, { $decimal } jika titik adalah tanda desimal
number-after-word = `{ $text }`: setelah angka, sakip mengharapkan `%` atau satu kata seperti `Orang`

## Lembar kerja (sakip import)

raw = { $text }
place-cell = sel { $cell }:{" "}
place-sheet = lembar `{ $sheet }`:{" "}
place-sheet-cell = lembar `{ $sheet }`, sel { $cell }:{" "}
sheet-unreadable-help = berikan buku kerja .xlsx atau berkas .csv (dipisah `,` atau `;`)
sheet-unopenable = tidak dapat dibuka: { $error }
sheet-not-a-file = berkas itu tidak ada
sheet-kind = sakip mengimpor berkas .xlsx dan .csv; simpan lembar kerja dalam salah satu format itu
sheet-damaged = buku kerja rusak (pembacanya menyerah); buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx
sheet-not-xlsx = tidak dapat dibaca sebagai buku kerja .xlsx ({ $error }); buka di Excel atau LibreOffice lalu simpan sebagai .xlsx
sheet-unreadable-sheet = lembar `{ $sheet }` tidak dapat dibaca: { $error }
sheet-csv-not-utf8 = berkas ini bukan teks UTF-8; simpan sebagai "CSV UTF-8"
sheet-csv-row = baris { $row } tidak dapat dibaca: { $error }
sheet-too-big = berkas ini { $size }, lebih dari { $max } yang diizinkan untuk lembar kerja; simpan hanya tabel tahun itu di dalamnya
sheet-too-many-parts = buku kerja ini berisi { $count } bagian, lebih dari { $max } yang diizinkan; simpan ulang dari Excel atau LibreOffice
sheet-part-too-big = `{ $part }` mengembang menjadi lebih dari { $max }; buku kerja rusak atau bom zip
sheet-parts-too-big = buku kerja ini mengembang menjadi lebih dari { $max } seluruhnya; buku kerja rusak atau bom zip
sheet-too-many-rows = `{ $part }` membentang { $count } baris, lebih dari { $max } yang diizinkan; hapus baris kosong jauh di bawah tabel (Ctrl-End menunjukkan ujung lembar)
sheet-too-many-columns = `{ $part }` membentang { $count } kolom, lebih dari { $max } yang diizinkan; hapus kolom kosong jauh di kanan tabel (Ctrl-End menunjukkan ujung lembar)
sheet-too-many-cells = `{ $part }` membentang { $count } sel, lebih dari { $max } yang diizinkan; hapus baris dan kolom kosong di sekitar tabel (Ctrl-End menunjukkan ujung lembar)
import-more-problems = …dan { $count } masalah lain, tidak dicantumkan; perbaiki yang ini dulu
sheet-no-table = tidak ada tabel realisasi atau anggaran
sheet-no-table-help = beri tabel baris judul: `Indikator` (atau `Kode`) dan `Realisasi` (atau `TW I`..`TW IV`, `Semester I`, `Semester II`); untuk anggaran `Jenis Belanja`, `Pagu`, `Realisasi`
sheet-figure-help = tulis angka secara Indonesia: `77,5`, `45%`, `144 Orang`, atau biarkan kosong / `-` bila tidak dilaporkan
sheet-realisasi-twice = `{ $id }` juga punya realisasi di baris sebelumnya
sheet-realisasi-twice-file = `{ $id }` juga punya realisasi di berkas sebelumnya
sheet-realisasi-twice-help = satu baris per indikator
sheet-year-and-periods = `{ $id }` punya realisasi setahun dan realisasi per periode sekaligus
sheet-year-and-periods-help = kosongkan salah satunya: aturan menggabungkan periode menjadi angka setahun
sheet-unknown-id = tidak ada indikator dengan id `{ $id }` di aturan satker ini
sheet-unknown-id-help = id-nya sama dengan di `sakip eval --format json`
sheet-no-indicator = baris yang berisi realisasi tidak menyebut indikator
sheet-unknown-name = tidak ada indikator bernama "{ $name }" di aturan satker ini
sheet-unknown-name-tier = tidak ada indikator jenjang { $tier } yang bernama "{ $name }" di aturan satker ini
did-you-mean-name = maksudnya "{ $name }"?
sheet-unknown-name-help = tulis namanya seperti di aturan, atau tambahkan kolom `Kode` berisi id indikator
sheet-name-ambiguous = "{ $name }" adalah nama { $ids }
sheet-name-ambiguous-help = tambahkan kolom `Kode` berisi id, atau taruh tiap jenjang di lembar (atau berkas CSV) bernama jenjangnya: Strategis, Program, Kegiatan, Output
sheet-no-realisasi-column = tabel anggaran tidak punya kolom `Realisasi`
sheet-money-help = tulis uang sebagai `Rp 1.938.261.000` atau sebagai sel angka
sheet-budget-twice = "{ $jenis }" juga ada di baris sebelumnya
sheet-budget-twice-file = "{ $jenis }" juga punya baris anggaran di berkas sebelumnya
sheet-budget-twice-help = satu baris per jenis belanja
sheet-budget-twice-program-help = satu baris per program

## Tabel panjang (sakip rollup --data)

row-column = kolom `{ $column }`: { $message }
row-not-plain = `{ $text }` bukan angka dalam notasi biasa
row-number-plain-help = tulis angka dengan titik desimal dan tanpa pemisah ribuan: `77.5`, `1938261000` (atau berikan --angka indonesia untuk `77,5`)
row-number-indonesia-help = tulis angka secara Indonesia: `77,5`, `1.938.261.000`
row-target-plain-help = tulis angka dengan titik desimal dan tanpa pemisah ribuan: `77.5`, `1938261000` (atau berikan --angka indonesia untuk `77,5`); atau kosongkan sel untuk memakai target aturan
row-target-indonesia-help = tulis angka secara Indonesia: `77,5`, `1.938.261.000`; atau kosongkan sel untuk memakai target aturan
table-no-column = baris judul tidak punya kolom `{ $name }`
table-columns-help = kolomnya `satker,kanwil,indikator`, lalu `satker_name` dan `target` bila perlu, lalu `realisasi` atau `tw1..tw4` atau `smt1,smt2`
table-empty = berkas kosong: tidak ada baris judul
table-empty-help = baris pertama menyebut nama kolom: `satker,kanwil,indikator,realisasi`
row-satker-scattered = baris-baris satker `{ $satker }` tidak berurutan: satker ini sudah muncul sebelumnya di berkas
row-satker-scattered-help = urutkan baris menurut satker (`ORDER BY satker`), agar baris tiap satker berdampingan
table-not-utf8 = berkas bukan teks UTF-8
table-not-utf8-help = ekspor tabel sebagai CSV UTF-8 (di Excel: Save As > CSV UTF-8)
table-cells = baris ini punya { $len } sel padahal judulnya { $expected }
table-cells-help = setiap baris perlu satu sel per kolom; beri tanda kutip pada sel yang berisi koma
table-not-csv-help = periksa bahwa berkasnya tabel CSV
row-other-kanwil = satker `{ $satker }` berada di bawah Kanwil `{ $kanwil }` di baris pertamanya
row-other-kanwil-help = satu satker berada di bawah satu Kanwil: beri semua barisnya `kanwil` yang sama
row-unknown-indicator = tidak ada indikator `{ $id }` di aturan
row-unknown-indicator-help = pakai id `indikator` dari aturan yang diberikan dengan `--rules`
row-twice = `{ $id }` untuk satker `{ $satker }` sudah diberikan di baris { $line }
row-twice-help = satu baris per satker dan indikator
gabungan-incomplete-sasaran = capaian sasaran `{ $sasaran }` tidak dihitung: `{ $id }` tidak punya capaian
gabungan-incomplete-jenjang = capaian { $tier } tidak dihitung: `{ $id }` tidak punya capaian
gabungan-incomplete-help = lengkapi yang diperlukan capaian `{ $id }` (lihat catatannya), atau tulis `{ $id } tidak diukur` bila tahun ini tidak diukur
tidak-diukur = `{ $id }` tidak diukur pada { $year }: ditampilkan n/a, tidak ikut dalam rata-rata dan hitungan
tidak-diukur-alasan = alasannya menurut data: { $alasan }
step-tidak-diukur = tidak diukur tahun ini: tanpa realisasi, tanpa capaian
step-tidak-diukur-alasan = tidak diukur tahun ini ({ $alasan }): tanpa realisasi, tanpa capaian
row-not-measured-and-values = baris ini menyatakan realisasi tidak diukur (`n/a`) tetapi juga memberi nilai
row-not-measured-and-values-help = tulis hanya `n/a` (atau `tidak diukur`) bila tidak diukur, atau hanya nilainya bila diukur
row-year-and-periods = baris ini memberi realisasi setahun sekaligus nilai per periode
row-year-and-periods-help = berikan `realisasi` atau periodenya (`tw1..tw4`, `smt1,smt2`), jangan keduanya

unit-dir-help = berikan folder yang memuat berkas `.sakip` satker, misalnya `examples/lapas-sarolangun-rawas`
berdasarkan-depth = lebih dari { $max } tingkat `berdasarkan`
script-syntax-help = skrip ditulis dalam Rhai: lihat docs/SCRIPTS.md untuk fungsi-fungsinya dan apa yang boleh dilakukan skrip
tingkat-order = aturan { $level } tidak dapat berdasarkan aturan { $base }
tingkat-order-help = rantainya dari `aturan nasional` melalui `aturan kanwil` ke `satker`
unknown-indicator-rules = tidak ada indikator `{ $id }`
unknown-indicator-label = id tidak dikenal
unknown-indicator-help = id indikator dideklarasikan di blok `sasaran` pada aturan nasional, Kanwil atau satker
formula-needs-number = di sini diperlukan angka, tetapi ini perbandingan
formula-needs-number-help = perbandingan ditulis setelah `jika`
formula-needs-comparison = di sini diperlukan perbandingan, tetapi ini angka
formula-needs-comparison-help = bandingkan, misalnya `realisasi >= target`
band-range-open = rentang dengan batas atas memerlukan `..=` (batas termasuk) atau `..<` (batas tidak termasuk)
band-range-open-label = `..=` atau `..<`?
band-range-open-help = tulis `80 ..< 100` untuk 80 sampai sebelum 100, atau `100 ..= 120` agar 120 termasuk
band-range-no-upper = rentang ini tidak punya batas atas setelah operatornya
band-range-no-upper-label = batas atas tidak ada
band-range-no-upper-help = tulis `100 ..` untuk 100 ke atas, atau berikan batas atasnya: `100 ..= 120`
band-range-above-nothing = `<..` memulai rentang tepat di atas batas bawahnya, dan rentang ini tidak punya batas bawah
band-range-above-nothing-label = di atas apa?
band-range-above-nothing-help = tulis batas bawahnya lebih dulu: `80 <..= 90` memuat lebih dari 80 sampai 90; atau hapus `<`: `..< 60` memuat semua di bawah 60
import-replace-help = berikan --replace untuk menimpanya (komentarnya akan hilang), atau pindahkan dulu
import-year-elsewhere = `{ $dir }` sudah punya realisasi atau anggaran { $year } di berkas lain
import-year-elsewhere-help = hapus blok itu dulu, agar data setahun ada di satu tempat

## Langkah-langkah satu indikator (sakip explain)

step-rule = indikator `{ $id }` pada sasaran { $sasaran } ({ $tier }), dideklarasikan oleh `{ $source }`; satuan { $satuan }, polaritas { $polaritas }
step-rule-skala = indikator `{ $id }` pada sasaran { $sasaran } ({ $tier }), dideklarasikan oleh `{ $source }`; satuan { $satuan }, skala { $skala }
step-target-none = tanpa target untuk { $year }: rumus capaian yang berlaku tidak memakainya
step-target = { $year }: { $value } (ditetapkan aturan { $level } `{ $source }`)
step-target-dasar = { $year }: { $value } (ditetapkan aturan { $level } `{ $source }`, dasar: { $dasar })
step-realisasi-year = { $value } untuk setahun, seperti dilaporkan
step-realisasi-wilayah = { $value }: `{ $rule }` atas satker di bawahnya, dibulatkan menurut `pembulatan realisasi` (atau seperti capaian); satkernya tercantum di bawah
step-realisasi-periods = { $agregasi }({ $jenis }) dari { $periods } = { $value }
step-rumus = { $expr } = { $value }
step-capaian-script = skrip { $source }: { $value }
step-capaian-polaritas = polaritas { $polaritas }: { $formula } = { $value }
step-capaian-skala = skala: { $realisasi } terhadap target { $target }, { $rule } = { $value }
step-capaian-skala-reached = mencapai atau melampaui target
step-capaian-skala-below = di bawah target (tanpa `langkah`)
step-capaian-skala-steps = { $steps } langkah di bawah target, dikurangi { $langkah } per langkah
step-konversi = Konversi Efisiensi: { $value } di atas { $cap }, dikonversi menjadi { $cap }
step-pembulatan = pembulatan capaian { $rounding }: { $value } -> { $rounded }
step-klasifikasi-script = skrip { $source }: { $value } adalah `{ $label }` ({ $id })
step-klasifikasi = { $value } berada di { $range } `{ $label }` ({ $id })
explain-result = capaian { $capaian }% · { $band }
explain-result-no-band = capaian { $capaian }% · tanpa kategori
explain-no-capaian = tidak ada capaian
explain-not-in-pk = indikator `{ $id }` tidak ada di Perjanjian Kinerja { $year }

## Tabel rekap di terminal (sakip rollup)

rekap-failed = Gagal
rekap-mean-median = rata-rata{"\u000A"}median
rekap-absorption = Serapan{"\u000A"}(%)
rekap-title = Rekapitulasi { $year }: { $units } satker, { $kanwil } Kanwil
rekap-legend = Satker per klasifikasi nilainya (nilai_satker skrip, atau rata-rata capaian bila tidak ada): { $legend }.
rekap-explained = Capaian (%) per tingkat: rata-rata dan median atas semua indikator satker. Serapan: jumlah realisasi / jumlah pagu.
rekap-mixed-nasional = peringatan: satker ini berada di bawah aturan nasional yang berbeda: { $rules }; baris nasional, klasifikasi dan sasaran di bawah menjumlahkan angka yang dinilai dengan aturan berbeda. Tambahkan `--nasional <id>` untuk menjumlahkan satu.
rekap-failure-line = { $at }: kesalahan[{ $code }]: { $message }
rekap-unit-errors = { $n } angka tidak dapat dihitung: lihat `sakip eval { $path } --year { $year }`
rekap-failures = { $n } satker gagal:
rekap-wilayah = Indikator { $name } sendiri, dari satkernya dalam rekap ini:
rekap-wilayah-line = realisasi { $realisasi } terhadap { $target }, capaian { $capaian }; { $counted } satker dihitung, { $not } tidak (lihat `sakip explain <aturan> <id> --units ...`)
rekap-off-track = Belum sesuai rencana (capaian s.d. periode di bawah 100), per indikator:
rekap-off-track-more = , dan { $n } lainnya
rekap-sasaran = Capaian per sasaran, atas semua satker:
rekap-sasaran-line = rata-rata { $mean }, median { $median } ({ $n } satker)

## Skrip

script-import-refused = `import` tidak diizinkan: skrip tidak boleh membaca berkas atau skrip lain; yang diperlukannya datang lewat argumen fungsinya
script-eval-refused = `eval` tidak diizinkan: skrip tidak boleh menjalankan kode yang disusun dari teks
script-runaway = skrip menjalankan lebih dari { $max } operasi (perulangan yang tak pernah berhenti?) dan dihentikan
script-not-a-number = `{ $name }` mengembalikan { $type } (`{ $value }`) padahal seharusnya angka
script-no-function = tidak ada skrip yang mendefinisikan `{ $name }` dengan { $n } nilai
script-nothing = `{ $name }` tidak mengembalikan apa pun padahal seharusnya angka
script-not-a-band = `klasifikasi` mengembalikan { $type } (`{ $value }`) padahal seharusnya id kategori

## Batas

limit-file = berkas lebih besar dari { $mib } MiB
limit-file-help = bagi aturan ke beberapa berkas
limit-tidak = lebih dari { $max } `tidak` berturut-turut
limit-tidak-help = hapus `tidak` yang berulang
limit-jika = rumus dengan lebih dari { $max } `jika`
limit-split-help = bagi rumus ke beberapa indikator
limit-nesting = lebih dari { $max } tingkat kurung bersarang
limit-nesting-help = tulis rumus dalam langkah yang lebih sederhana: `rumus realisasi` di indikator lain dapat memuat sebagiannya
limit-signs = lebih dari { $max } tanda berturut-turut
limit-signs-help = hapus `-` yang berulang
limit-operators = rumus dengan lebih dari { $max } operator

## Yang diharapkan oleh kesalahan sintaks

expect-header = `aturan` atau `satker`
expect-harap-indikator = `<indikator> capaian <angka>`, `<indikator> realisasi <angka>` atau `nilai <angka>`
expect-tingkat = `nasional` atau `kanwil`
expect-pembulatan-objek = `capaian`, `anggaran`, `nilai`, `sasaran` atau `realisasi`
expect-pembulatan-cara = `potong` (dipotong) atau `bulat` (dibulatkan setengah ke atas)
expect-band = kategori seperti `80 ..< 100 "Memuaskan" good biru`
expect-colour = warna (`hijau`, `biru`, `kuning`, `oranye`, `merah`, `abu` atau `#rrggbb`)
expect-code = kode sasaran seperti `SS5`
expect-tier = jenjang: `strategis`, `program`, `kegiatan` atau `output`
expect-polaritas = `naik`, `turun` atau `rentang a ..= b`
expect-rumus-objek = `realisasi` atau `capaian`
expect-realisasi-entry = id indikator beserta realisasinya (`ss5_kamtib = 30`)
expect-period-value = periode (`tw1` .. `tw4`, `smt1`, `smt2`)
expect-belanja-line = `belanja "..."` atau `program "..."`
expect-expr = rumus
expect-operator = operator
expect-field = `target`, `realisasi` atau `capaian`
expect-quantity = nilai seperti `75`, `77.5`, `40%` atau `1 layanan`
expect-skala-value = nilai skala, seperti `WTP` atau `"Belum WBK"`
expect-unit = satuan seperti `%`, `indeks` atau `layanan`
expect-money = jumlah uang seperti `Rp 1.938.261.000` atau `0`
expect-number = angka
expect-integer = bilangan bulat
expect-year = tahun seperti `2022`
expect-string = teks dalam tanda kutip ganda
expect-ident = nama (huruf, angka dan `_`, diawali huruf)
expect-agg-fn = `jumlah`, `rata`, `terakhir`, `tertinggi` atau `terendah`
expect-jenis-periode = `triwulan` atau `semester`
expect-declaration = deklarasi (`aturan`, `satker`, `berdasarkan`, `skrip`, `renstra`, `dasar`, `pembulatan`, `konversi efisiensi`, `klasifikasi`, `sasaran`, `perjanjian`, `realisasi`, `anggaran`)
expect-indikator-line = baris indikator (`satuan`, `polaritas`, `realisasi`, `target`, `rumus`, `bobot`, `dasar`, `sama_dengan`, sub-`indikator`) atau `{"}"}`
list-or = { $a } atau { $b }
list-comma = { $a }, { $b }

## Uji aturan (sakip test)

uji-capaian = capaian { $id }: diharapkan { $want }, didapat { $got }{ $at }
uji-band = kategori { $id }: diharapkan "{ $want }", didapat { $got }{ $at }
uji-realisasi = realisasi { $id }: diharapkan { $want }, didapat { $got }{ $at }
uji-nilai = nilai satker: diharapkan { $want }, didapat { $got }{ $at }
uji-because = karena: [{ $code }] { $message }
uji-at = {" "}(di { $at })
uji-nothing = tidak ada
uji-not-measured = n/a (data menyatakan `tidak diukur`)
uji-none = tidak ada
sum-too-large = lebih dari yang dapat ditampung angka desimal
whatif-unknown = tahun ini tidak mengukur indikator `{ $id }`
whatif-set-form = `{ $text }` bukan perubahan: tulis `id=nilai` (realisasi) atau `id.target=nilai`
whatif-set-number = `{ $text }` bukan angka: tulis dengan titik desimal, seperti di aturan (`77.5`)
why-unknown = indikator `{ $id }` tidak diukur pada { $from } dan { $to } sekaligus
import-no-agreement = { $year } belum punya Perjanjian Kinerja: realisasi tanpa target tidak menghasilkan capaian, jadi tidak ada yang diimpor
import-no-agreement-help = tulis dulu perjanjian { $year }: `sakip new-year { $dir } { $year }` menyusunnya dari perjanjian { $last }
import-no-agreement-help-none = tulis dulu perjanjian { $year }, sebagai perjanjian-{ $year }.sakip di folder satker
rekap-html-title = Rekapitulasi Capaian Kinerja { $year }
rekap-html-meta = { $units } satker, { $kanwil } Kanwil, { $failed } gagal
rekap-html-by-band = Satker per klasifikasi nilai
rekap-html-tier-mean-median = { $tier } rata-rata / median
rekap-html-budget = Realisasi anggaran per Kanwil
rekap-html-budget-note = Penyerapan = jumlah realisasi / jumlah pagu (bukan rata-rata persentase).
rekap-html-absorption = Penyerapan (%)
rekap-html-per-indicator = Per indikator: sebaran klasifikasi dan rata-rata capaian
rekap-html-per-sasaran = Per sasaran: sebaran klasifikasi dan rata-rata capaian
rekap-html-counted = Satker dihitung
rekap-html-not-counted = Tidak dihitung
rekap-html-not-counted-list = { $id }: { $n } satker tidak dihitung, dan alasannya
rekap-html-more = dan { $n } lainnya (semuanya dalam JSON dan buku kerja)
rekap-html-off-track-units = Satker, capaian s.d. periode terendah lebih dulu
rekap-html-indicator = Indikator
rekap-html-mean = Rata-rata (%)
rekap-html-median = Median (%)
rekap-html-ranking = Peringkat satker menurut nilai
rekap-html-score = Nilai
rekap-html-band = Klasifikasi
rekap-html-failures = Satker yang gagal dihitung
rekap-html-footer = Dihitung dengan sakip dari aturan dan data tiap satker; setiap angka dihitung eksak.
number-unit-keyword = `{ $text }`: `{ $word }` adalah kata bahasa aturan, bukan satuan; tulis satuan ukuran indikatornya (`144 orang`), atau angkanya saja
wb-step-rule = aturan
file-not-utf8 = isinya bukan teks UTF-8 (baris { $line }, bita { $byte }); simpan sebagai UTF-8 (di Notepad: Save As, Encoding UTF-8)
script-not-utf8 = isinya bukan teks UTF-8; simpan sebagai UTF-8 (di Notepad: Save As, Encoding UTF-8)
file-not-found = berkas itu tidak ada
file-no-permission = izin ditolak: mintalah hak untuk membacanya

## Bagian-bagian satu run disatukan kembali (sakip rollup --merge)

merge-bad-line = { $place }: { $message }
    .help = --merge membaca baris satker yang ditulis `sakip rollup --format jsonl`
merge-not-unit-line = bukan baris satker dari jsonl sebuah rollup ({ $reason })
merge-no-satker = baris ini tidak menyebut `satker`
merge-not-number = `{ $field }` bukan angka: `{ $text }`
merge-not-tier = `{ $text }` bukan tingkat sasaran (strategis, program, kegiatan, output)
merge-not-rounding = `{ $text }` bukan pembulatan (`potong 2`, `bulat 2`)

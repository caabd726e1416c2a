# sakip's messages in English. Each message has the same id in id.ftl.
# Values are `{ $name }`; `.help` is how to fix a problem.

severity-error = error
severity-warning = warning
severity-info = info

help-label = help
## Findings of an evaluation (sakip eval)

target-zero = the target is 0, so capaian follows the rule for a zero target: { $formula }
capaian-overflow = the capaian of realisasi { $r } against target { $t } is too large for a decimal figure
script-band = { $source } returned the band `{ $value }`, which the klasifikasi does not have
script-band-help = return one of { $ids }
band-missing = capaian { $rounded } falls in no band of the klasifikasi
band-missing-help = extend the klasifikasi so that its bands cover every capaian, or set a `konversi efisiensi` cap
tier-realisasi = `{ $id }` ({ $tier }) reports a realisasi of { $rb }, but the same indicator `{ $id2 }` ({ $tier2 }) reports { $ra }
tier-realisasi-help = one measurement has one realisasi: correct the one that is wrong
realisasi-unused = the data has a realisasi for `{ $indicator }`, which is not in the Perjanjian Kinerja { $year }
realisasi-unused-help = add the indikator's target to the perjanjian, or remove the realisasi
formula-error = the rumus { $what } failed: { $message }
perjanjian-missing = there is no Perjanjian Kinerja for { $year }
perjanjian-missing-help = add a `perjanjian { $year } {"{"} ... {"}"}` block with the year's targets to the unit's rules
unknown-indicator = the rules have no indikator `{ $id }`
script-error = the script's `{ $hook }` failed: { $message }
script-error-2 = the script's `nilai_satker` failed: { $message }
realisasi-missing = indikator `{ $id }` has no realisasi for { $year }
realisasi-missing-help = add `{ $id } = <value>` to the `realisasi { $year }` block of the unit's data
satuan-mismatch = the realisasi is written in { $s } but indikator `{ $id }` is measured in { $satuan }{ $target-text }; capaian compares the numbers alone
satuan-mismatch-help = write the realisasi in { $satuan }, or correct the indikator's `satuan` if the target is the mistake
period-mix = the realisasi of `{ $id }` mixes periods of different kinds
period-mix-help = give either one value for the year (`= 30`) or values for the triwulan, or for the semester
realisasi-empty = the realisasi of `{ $id }` has no values
period-kind = the rules combine `{ $id }` per { $expected }, but the data gives { $jenis } values
agregasi-missing = `{ $id }` has { $jenis } values but its rules do not say how to combine them
agregasi-missing-help = add `realisasi jumlah`, `rata`, `terakhir`, `tertinggi` or `terendah` to the indikator
realisasi-overflow = the realisasi of `{ $id }` is too large
target-satuan = the target `{ $value }` is in { $s } but the indikator is measured in { $satuan }
target-satuan-help = write the target in { $satuan }, or correct the indikator's `satuan`
target-missing = indikator `{ $id }` has no target for { $year }
target-missing-help = add `target { $id } = <value>` to the `perjanjian { $year }` block
anggaran-missing = no pagu or realisasi anggaran for { $year }
anggaran-missing-help = add an `anggaran { $year } {"{"} ... {"}"}` block with one `belanja` line per jenis belanja
anggaran-overflow = the budget totals are too large for a decimal figure
pagu-zero = `{ $name }` spent { $realisasi } against a pagu of 0, so its penyerapan has no meaning
pagu-zero-help = check the pagu in the DIPA (or its revision) and correct the `pagu` of this line
anggaran-overflow-2 = the penyerapan of `{ $name }` is too large
realisasi-above-pagu = `{ $name }` spent { $realisasi } of a pagu of { $pagu }
pk-kegiatan = the kegiatan of `{ $name }` add up to { $sum }, but the programme's anggaran is { $amount }
pk-budget = the Perjanjian Kinerja { $year } budgets { $sum } over its programmes, but the pagu per jenis belanja adds up to { $pagu }
pk-budget-help = a revised DIPA changes the pagu: state the revision in the data, or correct the agreement's anggaran
printed-capaian = the report prints a capaian of { $printed }%, but realisasi { $realisasi } against target { $target } under `pembulatan capaian { $rounding }` gives { $computed }%
printed-capaian-precision = the report prints a capaian of { $printed }%, but realisasi { $realisasi } against target { $target } under `pembulatan capaian { $rounding }` gives { $computed }%; the printed figure has fewer decimals than the rule set's rounding
printed-capaian-rumus = the report prints a capaian of { $printed }%, but the rumus capaian under `pembulatan capaian { $rounding }` gives { $computed }%
printed-capaian-rumus-precision = the report prints a capaian of { $printed }%, but the rumus capaian under `pembulatan capaian { $rounding }` gives { $computed }%; the printed figure has fewer decimals than the rule set's rounding
printed-penyerapan = `{ $name }`: the report prints a penyerapan of { $printed }%, but { $realisasi } / { $pagu } x 100 under `pembulatan anggaran { $rounding }` is { $computed }%
printed-penyerapan-precision = `{ $name }`: the report prints a penyerapan of { $printed }%, but { $realisasi } / { $pagu } x 100 under `pembulatan anggaran { $rounding }` is { $computed }%; the printed figure has fewer decimals than the rule set's rounding
printed-wrong-help = the printed figure is wrong: correct the report, or the realisasi if that is what was mistyped
printed-precision-help = print the figure with the rule set's decimals
target-national = the unit's target { $value } for { $year } is below the national target { $national } set by `{ $source }`
target-above-national = the unit's target { $value } for { $year } is above the national target { $national } set by `{ $source }`

## Words of tables and reports

word-title = Performance
word-year = Year
word-rules = Rules
word-legend = Achievement bands
word-no = No
word-sasaran = Objective
word-indikator = Indicator
word-target = Target
word-realisasi = Actual
word-capaian = Achievement (%)
word-band = Band
word-last-year = Achievement
word-renstra = Progress to the Renstra target
word-budget = Budget spending by type
word-jenis = Type of spending
word-pagu = Ceiling
word-penyerapan = Absorption (%)
word-chart = Achievement per indicator (line: 100%)
word-budget-chart = Budget absorption
word-notes = Needs attention
word-none = Nothing to note.
word-score = Unit score
word-tier-strategis = Strategic objectives
word-tier-program = Programme objectives
word-tier-kegiatan = Activity objectives
word-tier-output = Outputs (budget performance)

## The terminal tables (sakip eval)

table-no-satker = (no satker)
table-pk-budget = Budget in the Perjanjian Kinerja { $year }
table-notes = Notes ((!) in the tables marks an indicator named here): { $errors } error, { $warnings } warning, { $infos } info
at-label = at

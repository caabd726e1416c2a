# sakip's messages in English. Each message has the same id in id.ftl.
# Values are `{ $name }`; `.help` is how to fix a problem.

severity-error = error
severity-warning = warning
severity-info = info

help-label = help
## Findings of an evaluation (sakip eval)

target-zero = the target is 0, so capaian follows the rule for a zero target: { $formula }
capaian-overflow = the capaian of realisasi { $realisasi } against target { $target } is too large for a decimal figure
script-band = { $source } returned the band `{ $value }`, which the klasifikasi does not have
script-band-help = return one of { $ids }
klasifikasi-none = no klasifikasi is in force for { $year }: no capaian is classified
klasifikasi-none-help = add a `klasifikasi {"{"} ... {"}"}` table to the rules (GRAMMAR.md, Settings) to give each capaian a band
band-missing = capaian { $rounded } falls in no band of the klasifikasi
band-missing-help = extend the klasifikasi so that its bands cover every capaian, or set a `konversi efisiensi` cap
tier-realisasi = `{ $id }` ({ $tier }) reports a realisasi of { $realisasi }, but the same indicator `{ $other-id }` ({ $other-tier }) reports { $other-realisasi }
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
satuan-mismatch = the realisasi is written in { $written-in } but indikator `{ $id }` is measured in { $satuan }{ $target-text }; capaian compares the numbers alone
satuan-mismatch-help = write the realisasi in { $satuan }, or correct the indikator's `satuan` if the target is the mistake
period-mix = the realisasi of `{ $id }` mixes periods of different kinds
period-mix-help = give either one value for the year (`= 30`) or values for the triwulan, or for the semester
realisasi-empty = the realisasi of `{ $id }` has no values
period-kind = the rules combine `{ $id }` per { $expected }, but the data gives { $jenis } values
agregasi-missing = `{ $id }` has { $jenis } values but its rules do not say how to combine them
agregasi-missing-help = add `realisasi jumlah`, `rata`, `terakhir`, `tertinggi` or `terendah` to the indikator
realisasi-overflow = the realisasi of `{ $id }` is too large
target-satuan = the target `{ $value }` is in { $written-in } but the indikator is measured in { $satuan }
skala-not-on-scale = `{ $value }` is not a value of the scale of { $id }
skala-not-on-scale-help = write one of its values: { $scale }
skala-word-for-number = { $id } is measured in numbers, not on a scale: `{ $value }` is a word
skala-word-for-number-help = write a number, or give { $id } a scale (`skala WTP > WDP > TW > TMP`) in the rules
skala-number-for-scale = { $id } is measured on a scale: `{ $value }` is a number
explain-units-counted = Satker counted ({ $n }):
explain-units-not-counted = Satker not counted ({ $n }):
explain-unit-meets = meets the condition
explain-unit-not-meets = does not meet it
explain-unit-failed = failed: { $error }
explain-unit-no-figure = has no such figure this year
explain-unit-not-measured = not measured this year (tidak diukur)
wilayah-unit-failed = { $n } satker not counted (they failed), { $counted } counted: { $units }
wilayah-unit-failed-help = the figure stands on the satker counted; see why each failed with `sakip explain <rules> { $id } --units ... --year { $year }`, correct them and run again
wilayah-unit-not-evaluated = it could not be evaluated
wilayah-unit-errors = { $n } figure(s) could not be computed
wilayah-none = the rule set `{ $id }` has no indikator computed from its units
wilayah-none-help = `--units` evaluates a Kanwil or national rule set's indikator written `realisasi dari satker = persen(nilai >= 89)`; for a unit, leave `--units` out
wilayah-units-help = with `--units`, give a Kanwil or national rule set; a unit is evaluated without it
dari-satker-level = { $id } is computed from the units below it: only a national or Kanwil rule set has such an indikator
dari-satker-level-help = move the indikator to the rule set of the region (`aturan kanwil ...`) or the ministry (`aturan nasional ...`)
dari-satker-fungsi = `{ $name }` is not a function over units
dari-satker-fungsi-help = write one of: `jumlah(nilai >= 89)` (how many), `persen(nilai >= 89)` (their share, %), `rata(ikpa.capaian)`, `median(ikpa.capaian)`, `rasio(ikpa.realisasi, ikpa.target)` (a sum over a sum, %)
dari-satker-needs-condition = `{ $name }` counts the units that meet a condition: write one, `{ $name }(nilai >= 89)`
dari-satker-needs-one = `{ $name }` takes one figure and no condition: `{ $name }(ikpa.capaian)`
dari-satker-needs-two = `rasio` takes two figures, the one summed above the line and the one below: `rasio(ikpa.realisasi, ikpa.target)`
dari-satker-skala = `{ $name }` adds up `{ $figure }`, a value on a scale: a scale's values are counted, not added up or averaged
dari-satker-skala-help = count the units at or above a value: `jumlah({ $figure } >= { $value })` (how many), `persen({ $figure } >= { $value })` (their share, %)
dari-satker-word = `{ $figure }` is a number: `{ $value }` is a word
dari-satker-word-help = compare it with a number (`nilai >= 89`); a value of a scale compares a qualitative indikator's realisasi or target (`nilai_sakip.realisasi >= BB`)
dari-satker-twice = the realisasi of { $id } is computed from the units: it has no other `rumus realisasi` or `realisasi jumlah|rata|...`
dari-satker-twice-help = keep one way to its realisasi
dari-satker-agreement = { $id } is computed from the units below its region: it is not in a unit's agreement
dari-satker-agreement-help = remove it from the agreement; the region reports it (`sakip report <rules> --units ...`)
step-target-period = target for { $period }: { $value } (the agreement's Rencana Aksi)
step-target-prorata = target for { $period }: { $yearly } x { $months }/12 = { $value } (`target berjalan prorata`)
step-target-tahunan = target for { $period }: the year's (`target berjalan tahunan`)
target-berjalan-none = { $id } has no target for { $period } and the rules say nothing of one
target-berjalan-none-help = give it in the agreement (`target { $id } = 75 tw1 = 20 tw2 = 40 tw3 = 60`), or state the rule in the rules: `target berjalan prorata` (the year's target times the share of the year gone) or `target berjalan tahunan` (the year's)
realisasi-belum = not reported by the end of { $period }: the data gives it for later periods, or it is measured once a year
realisasi-belum-alasan = belum ada realisasi s.d. { $period }
until-no-data = no indikator has a realisasi by the end of { $period } { $year }: there is nothing to evaluate yet
until-no-data-help = report the realisasi per period (`iku_kamtib tw1 = 30 tw2 = 45`), or evaluate a later period (`--until tw3`) or the whole year (no `--until`)
target-period-yearly = { $id } is measured once a year: it has no targets per period
target-period-yearly-help = remove the periods, or say how { $id }'s periods make its year in the rules (`realisasi jumlah triwulan`, `realisasi terakhir semester`, ...)
target-period-kind = the target for `{ $period }` of { $id } is not a { $kind } period like the others
target-period-twice = { $id } has a target for `{ $period }` twice
target-period-kind-help = give one target per period, all quarters (`tw1` to `tw4`) or all semesters (`smt1`, `smt2`), as the indikator is measured
uji-until = a rule test up to `{ $period }` is a test of the whole year
uji-until-help = write `tw1`, `tw2`, `tw3` or `smt1` after the year, or nothing for the whole year
uji-satker-gagal = written as failed in the rule test
uji-satker-none = this rule test gives units, but `{ $id }` has no indikator computed from its units
uji-satker-none-help = units in a rule test are for an indikator with `realisasi dari satker = ...`; give a unit's own data as `<id> = <value>` instead
uji-satker-twice = unit `{ $satker }` is written twice in this rule test
uji-satker-twice-help = write each unit once, with all its figures in one block
uji-satker-figur-twice = unit `{ $satker }` gives `{ $figure }` twice
uji-satker-figur-twice-help = keep the figure you mean and delete the other
uji-satker-entry = `{ $id }` is computed from the units of this rule test; its realisasi cannot also be given
uji-satker-entry-help = delete the line `{ $id } = ...`, or the units, to test one or the other
uji-satker-until = a rule test with units cannot be up to a period
uji-satker-until-help = a region's indikator is computed from its units' figures to date: write those and leave the period out
skala-value-twice = the scale of { $id } has `{ $value }` twice
skala-value-twice-help = each value of a scale is written once, best first: `skala WTP > WDP > TW > TMP` (case does not tell two values apart)
skala-langkah = the `langkah` of { $id } must be above 0
skala-langkah-help = `langkah 25` takes 25 off the capaian for each step below the target; leave it out for 0 below the target
skala-polaritas = { $id } has a `skala` and a `polaritas`
skala-polaritas-help = a scale is written best first, which says which way is better: remove the `polaritas` line
skala-agregasi = the realisasi of { $id } is on a scale: it cannot be combined with `{ $agregasi }`
skala-agregasi-help = a scale value cannot be added up or averaged; use `realisasi terakhir`, `tertinggi` or `terendah`
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
printed-cause = the printed { $printed } is what you get { $causes }; correct the report, or the figure that was mistyped
printed-cause-none = no simple slip gives the printed { $printed } (rounding, a rounded realisasi, another target, the cap, swapped figures, the other polarity, one mistyped digit): correct the report
printed-cause-rounding = rounding `{ $mode }` where the rules say otherwise
printed-cause-rounded-realisasi = from the realisasi { $realisasi } rounded to { $whole }
printed-cause-year-target = against the { $year } target { $other }
printed-cause-national-target = against the national target { $other }
printed-cause-before-cap = without the cap (`konversi efisiensi`)
printed-cause-swapped = with target and realisasi swapped
printed-cause-polaritas = with polaritas `{ $polaritas }`
printed-cause-target-digit = with target { $written }, one digit off { $target }
printed-cause-realisasi-digit = with realisasi { $written }, one digit off { $realisasi }
printed-cause-transposed = with two adjacent digits of { $computed } swapped
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
word-capaian-short = achievement
word-until = up to the end of { $period }
word-projection = Year-end projection
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
## Rule files and folders (sakip check)

unit-dir = `{ $dir }` is not a folder
path-missing = `{ $path }` does not exist
path-missing-2 = `{ $path }` does not exist
file-unreadable = cannot read `{ $dir }`: { $error }
file-unreadable-2 = cannot read `{ $path }`: { $error }
file-unreadable-3 = cannot read `{ $dir }`: { $error }
rename-not-indikator = only an indikator id can be renamed; `{ $name }` is not one
rename-not-id = `{ $name }` is not an id: letters, digits and `_`, not starting with a digit
rename-keyword = `{ $name }` is a keyword; an id must differ from every keyword
rename-exists = an indikator `{ $name }` exists already
report-receipt = Result SHA-256 (check with `sakip verify` and the receipt): { $hash }
receipt-invalid = `{ $path }` is not a sakip receipt: { $error }
receipt-invalid-help = a receipt is the JSON file `sakip eval` or `sakip report` writes with `--receipt <file>`
file-deleted = `{ $path }` no longer exists on disk; what the editor shows is checked
file-deleted-help = save it to write it again, or close it
no-header = `{ $dir }` has no file that starts a rule set
no-header-help = one file of the folder must say what it is: `aturan nasional <id> "<name>"`, `aturan kanwil ...` or `satker <id> "<name>"`
many-headers = `{ $dir }` holds several rule sets ({ $list }), so this file belongs to none
many-headers-help = keep one rule set per folder, or give the files that belong together a folder of their own
berdasarkan-twice = a rule set builds on one rule set only
berdasarkan-twice-label = second `berdasarkan`
berdasarkan-twice-help = a unit builds on its Kanwil, and the Kanwil on the national rules: keep one `berdasarkan`
berdasarkan-missing = `{ $target }` does not exist
berdasarkan-missing-label = no such file or folder
berdasarkan-missing-help = `berdasarkan` takes a path relative to this file, e.g. `"../../rules/kanwil-sumsel"`
berdasarkan-cycle = the rule sets build on each other in a circle
berdasarkan-cycle-label = leads back to a rule set already in the chain
path-kind = `{ $keyword }` names `{ $path }`, which is not a { $kind } file; it was not read
path-kind-label = not a { $kind } file
outside-tree = `{ $path }` is outside the folder the workbench serves (`{ $root }`); it was not opened
outside-tree-label = outside the served folder
outside-tree-help = keep rule files and scripts inside the served folder and name them relative to this file; the command line (`sakip check`) reads files anywhere
script-missing = cannot read the script `{ $path }`: { $error }
script-missing-label = this script
script-missing-help = `skrip` takes a path relative to this file, e.g. `"sumsel.rhai"`
not-a-unit = this folder holds rules, not a unit
not-a-unit-help = `eval` takes a unit's folder, whose rule set starts with `satker <id> "<name>"`
perjanjian-level = a `perjanjian` belongs to a unit's rules (`satker`)
perjanjian-level-help = national and Kanwil rules set targets inside each `indikator` with `target <tahun> = <value>`
data-level = realisasi belongs to a unit's folder, not to national or Kanwil rules
data-level-2 = anggaran belongs to a unit's folder, not to national or Kanwil rules
header-twice = a rule set has one header
header-twice-help = the rule set already started at { $at }
setting-twice = `{ $what }` is set twice in this rule set
setting-twice-from = `{ $what }` from { $year } is set twice in this rule set
setting-twice-help = the first is at { $at }; keep one, or give this one its own year with `mulai <tahun>`
decimals-range = { $decimals } decimals is more than the { $max } a report can use
decimals-range-help = reports print capaian and penyerapan with 2 decimals
klasifikasi-empty = the klasifikasi has no bands
klasifikasi-empty-help = list one band per line, e.g. `80 ..< 100 "Memuaskan" good biru`
band-twice = the band id `{ $band }` is used twice
band-twice-help = first used at { $at }
colour-unknown = `{ $colour }` is not a colour sakip knows
colour-unknown-label = unknown colour
colour-unknown-help = { $hint }use one of { $names } or a `#rrggbb` code
band-range = the band `{ $band }` holds no value: its lower bound is not below its upper bound
band-gap = no band holds a capaian above { $from } and below { $to }: between `{ $below }` and `{ $above }`
band-gap-up-to = no band holds a capaian above { $from } and up to { $to }: between `{ $below }` and `{ $above }`
band-gap-from = no band holds a capaian from { $from } and below { $to }: between `{ $below }` and `{ $above }`
band-gap-from-up-to = no band holds a capaian from { $from } and up to { $to }: between `{ $below }` and `{ $above }`
band-gap-at = no band holds a capaian of exactly { $from }: between `{ $below }` and `{ $above }`
band-gap-at-help = let one of them hold { $value }: end `{ $below }` with `..= { $value }`, or start `{ $above }` at `{ $value } ..`
band-gap-label = the band above the gap
band-gap-help = let one band start where the other ends: `{ $lower } ..< { $value }` then `{ $value } ..= ...`
band-overlap = the bands `{ $band }` and `{ $other-band }` both hold some capaian
band-overlap-label = overlaps another band
band-overlap-help = end one band where the next begins, with `..<` for the one below
sasaran-unused = sasaran `{ $sasaran }` has no indikator
sasaran-unused-label = measured by nothing
sasaran-unused-help = add the indikator that measure it, or remove the sasaran
sasaran-tier = sasaran `{ $sasaran }` is { $tier } at { $at }, not { $other-tier }
sasaran-tier-help = a sasaran keeps its tier; give this one another code
indikator-twice = indikator `{ $id }` is declared twice
indikator-twice-label = second declaration
indikator-twice-help = the first is at { $at }; ids are unique across the national, Kanwil and unit rules
target-twice = indikator `{ $id }` has two targets for { $year }
target-twice-help = the first is at { $at }; keep one
komponen-capaian = `{ $id }` is a `komponen`, which has no capaian, yet it is given a { $what }
komponen-capaian-help = remove the { $what }, or the `komponen` line if `{ $id }` is assessed on its own
rumus-twice = indikator `{ $id }` has two `rumus { $what }` for the same years
rumus-twice-help = the first is at { $at }; use `mulai <tahun>` for a formula that replaces it from a year on
satuan-missing = indikator `{ $id }` has no satuan
satuan-missing-label = what is it measured in?
satuan-missing-help = add a line such as `satuan %`, `satuan indeks`, `satuan layanan` or `satuan orang`
target-satuan-2 = the { $year } target `{ $value }` is not in the indikator's satuan `{ $satuan }`
target-satuan-2-help = write the target in { $satuan } (or as a plain number)
percent-above-100 = the { $year } target of `{ $id }` is { $value }, more than 100%
percent-above-100-label = above 100%
percent-above-100-help = a percentage target is at most 100%; check the number, or the indikator's satuan
target-below-national = the unit's { $year } target for `{ $id }`, { $value }, asks less than the national target { $national }
target-below-national-label = below the national target
target-below-national-help = the national rules `{ $source }` set { $value } for { $year }; a unit's agreement usually meets or exceeds it
rumus-polarity = the `rumus capaian` of `{ $id }` falls as the realisasi rises, while its polaritas is `naik` (higher is better): at target { $target }, realisasi { $low } gives a capaian of { $low-capaian } and { $high } gives { $high-capaian }
rumus-polarity-label = falls as the realisasi rises
rumus-polarity-help = if higher is better, the capaian should rise with the realisasi, as `realisasi / target * 100` does; if lower is better, write `polaritas turun`
rumus-polarity-turun = the `rumus capaian` of `{ $id }` rises as the realisasi rises, while its polaritas is `turun` (lower is better): at target { $target }, realisasi { $low } gives a capaian of { $low-capaian } and { $high } gives { $high-capaian }
rumus-polarity-turun-label = rises as the realisasi rises
rumus-polarity-turun-help = if lower is better, the capaian should fall as the realisasi rises, as `(2 * target - realisasi) / target * 100` does; if higher is better, write `polaritas naik` or leave the polaritas out
formula-cycle = the formulas read each other in a circle: { $shown }
formula-cycle-label = part of the circle
formula-cycle-help = one of them must be computed from the data, not from the others
reference-other-year = in { $year } the rumus of `{ $id }` reads `{ $reads }`, which the Perjanjian Kinerja { $year } does not measure
reference-other-year-label = not measured that year
reference-other-year-help = add `{ $reads }` to the perjanjian { $year }, or give `{ $id }` a rumus `mulai` the year `{ $reads }` is measured
line-twice = indikator `{ $id }` has two `{ $what }` lines
line-twice-help = the first is at { $at }; keep one
formula-type = this formula gives benar/salah, but a rumus must give a number
formula-type-help = use `jika <comparison> maka <number> lain <number>`
formula-self = a `rumus realisasi` cannot read its own realisasi
formula-self-help = read the periods instead: `jumlah(triwulan)`, `terakhir(semester)`, `tw4`
formula-type-2 = the two branches of `jika` give different kinds of value
formula-type-2-help = both `maka` and `lain` must give a number
function-arity = the script function `{ $name }` takes { $takes } values, not { $given }
unknown-function = there is no function `{ $name }`
unknown-function-label = no script defines it
unknown-function-help = { $hint }the built-in functions are { $builtins }; { $scripts }
unknown-function-no-scripts = no script of this rule set defines functions
unknown-function-scripts = the scripts define { $names }
nothing = {""}
function-arity-2 = `{ $name }` takes { $want }, not { $given }
perjanjian-twice = there are two `perjanjian { $year }` blocks
perjanjian-twice-help = one Perjanjian Kinerja per year: merge the two
pk-indikator-needs-target = `{ $id }` is listed without a target, but its capaian needs one for { $year }
pk-indikator-needs-target-help = write `target { $id } = ...`; only an indikator whose `rumus capaian` reads no target may be listed as `indikator { $id }`
target-twice-2 = the perjanjian { $year } sets `{ $id }` twice
target-twice-2-help = the first is at { $at }; keep one
target-unfilled = the { $year } target of `{ $id }` is not filled in yet
target-unfilled-label = to fill in
target-unfilled-help = replace `?` with the target agreed in the Perjanjian Kinerja
target-satuan-3 = the target is in { $written-in } but indikator `{ $id }` is measured in { $want }
target-satuan-3-help = write the target in { $want }, or correct the indikator's satuan
dicetak-unit = a printed capaian is a percentage, not `{ $written-in }`
dicetak-unit-help = write it as printed, e.g. `dicetak 53.33%`
target-unfilled-2 = a test's target must be a number, not `?`
uji-empty = the test "{ $name }" expects nothing
uji-empty-help = add what the rules must give, e.g. `harap iku_kamtib capaian 87.50 "Memuaskan"`
realisasi-twice = the realisasi { $year } of `{ $id }` is given twice
realisasi-twice-help = the first is at { $at }; keep one
realisasi-twice-2 = the realisasi { $year } of `{ $id }` is given in two blocks
period-twice = `{ $period }` is given twice for `{ $id }`
period-twice-help = the first is at { $at }
anggaran-twice = `{ $name }` is listed twice in anggaran { $year }
anggaran-twice-help = the first is at { $at }
anggaran-total = the total is computed, not written
anggaran-total-help = remove this line: sakip adds the `Total` row itself
internal-error = unknown file id
internal-error-2 = internal: the parse tree lacks { $what }
renstra-order = the Renstra ends before it starts
renstra-order-help = write `renstra { $start } ..= { $end }`
syntax = `{ $value }` is not a number of decimals
number-range = `{ $text }` has more digits than a figure can hold (28)
number-range-help = write the number with fewer digits
syntax-2 = `{ $text }` is not a year
number-range-2 = `{ $text }` has more digits than a figure can hold
rentang-order = the range's lower bound is above its upper bound
rentang-order-help = write `rentang { $low } ..= { $high }`
syntax-keyword-name = a keyword here, not a name
syntax-keyword-name-help = `{ $word }` is a keyword of the language and cannot be a name; name it e.g. `nilai_{ $word }` or `{ $word }_1`
syntax-3 = `{ $word }` is not a period
syntax-3-label = not a period
syntax-3-help = the periods are `tw1`, `tw2`, `tw3`, `tw4` (triwulan) and `smt1`, `smt2` (semester)
year-missing = the unit has no Perjanjian Kinerja or realisasi for { $year }
year-missing-help = { $known }; add `perjanjian { $year } {"{"} ... {"}"}` and `realisasi { $year } {"{"} ... {"}"}` blocks
year-missing-none = it has no `perjanjian` or `realisasi` block for any year
year-missing-has = it has { $years }
rules-national-twice = a second national rule set
rules-national-twice-help = give one national rule set with `--rules`, and Kanwil rule sets beside it
rules-level = this is a unit's rule set
rules-level-help = `--rules` takes the national rule set and Kanwil rule sets; a unit's rows come from `--data`
rules-national-missing = no national rule set was given
rules-national-missing-help = add the national rule set: `--rules rules/ditjenpas`
perjanjian-missing-2 = the unit has no Perjanjian Kinerja { $last-year } to start { $year } from
perjanjian-twice-2 = the unit already has a Perjanjian Kinerja { $year }
file-exists = `{ $path }` exists
file-exists-help = sakip never overwrites a file: move it away, or edit it

## Syntax errors

syntax-end-of-file = the end of the file
syntax-unexpected = unexpected { $found }
syntax-not-understood = not understood
syntax-expected = expected { $expected }, found { $found }
syntax-here = here
syntax-decimal-comma = decimal comma
syntax-decimal-comma-help = rule files write decimals with a point: `{ $int }.{ $frac }`, not `{ $int },{ $frac }` (amounts of money are written `Rp 1.938.261.000`)
syntax-thousands = thousands separator?
syntax-thousands-help = amounts of money start with `Rp` and group thousands with dots: `Rp 1.938.261.000`; other numbers are written without grouping
did-you-mean = did you mean `{ $word }`?
did-you-mean-then = did you mean `{ $word }`?{" "}
syntax-needs-equals-help = a value needs `=` before it, e.g. `target 2022 = 75`
syntax-quoted-id-help = an id is written without quotes, e.g. `ss5_kamtib`; the quoted text is the name that follows it
syntax-unclosed-help = the `{"{"}` at line { $line }, column { $col } (`{ $opener } {"{"}`) is never closed: add a `{"}"}` where that block ends
syntax-unclosed-somewhere-help = a block opened with `{"{"}` is not closed: add the missing `{"}"}`
syntax-file-ends = the file ends here

## What the command line and the workbench both say (import, new-year, diff)

nothing-written = nothing was written
import-wrote = wrote { $path }: { $realisasi } realisasi, { $lines ->
        [one] { $lines } budget line
       *[other] { $lines } budget lines
    }
new-year-wrote = wrote { $path }: { $filled } targets from the rules, { $open } to fill in (`?`)
diff-changes = { $n ->
        [one] { $n } change
       *[other] { $n } changes
    }

## Numbers in spreadsheets and long tables

number-not-finite = the cell holds no finite number
number-too-many-digits = { $text } has more digits than sakip keeps (28)
number-not-a-number = `{ $text }` is not a number
number-two-commas = `{ $text }` has two decimal commas
number-too-large = `{ $text }` is too large
number-bad-grouping = `{ $text }`: the dots do not group the digits by thousands
number-ambiguous = `{ $text }` is ambiguous: { $grouped } if the dot groups thousands, { $decimal } if it is a decimal point
number-after-word = `{ $text }`: after the number sakip expects `%` or one word such as `Orang`

## Spreadsheets (sakip import)

raw = { $text }
place-cell = cell { $cell }:{" "}
place-sheet = sheet `{ $sheet }`:{" "}
place-sheet-cell = sheet `{ $sheet }`, cell { $cell }:{" "}
sheet-unreadable-help = give an .xlsx workbook or a .csv file (`,` or `;` separated)
sheet-unopenable = cannot open it: { $error }
sheet-not-a-file = there is no such file
sheet-kind = sakip imports .xlsx and .csv files; save the spreadsheet in one of these formats
sheet-damaged = the workbook is damaged (the reader gave up on it); open it in Excel or LibreOffice and save it as .xlsx again
sheet-not-xlsx = cannot read it as an .xlsx workbook ({ $error }); open it in Excel or LibreOffice and save it as .xlsx
sheet-unreadable-sheet = sheet `{ $sheet }` cannot be read: { $error }
sheet-csv-not-utf8 = the file is not UTF-8 text; save it as "CSV UTF-8"
sheet-csv-row = row { $row } cannot be read: { $error }
sheet-too-big = the file is { $size }, more than the { $max } a spreadsheet may be; keep only the year's tables in it
sheet-too-many-parts = the workbook has { $count } parts, more than the { $max } a workbook may have; save it again from Excel or LibreOffice
sheet-part-too-big = `{ $part }` inflates to more than { $max }; the workbook is damaged or a zip bomb
sheet-parts-too-big = the workbook inflates to more than { $max } in all; the workbook is damaged or a zip bomb
sheet-too-many-rows = `{ $part }` spans { $count } rows, more than the { $max } a sheet may; delete the empty rows far below the table (Ctrl-End shows where the sheet ends)
sheet-too-many-columns = `{ $part }` spans { $count } columns, more than the { $max } a sheet may; delete the empty columns far right of the table (Ctrl-End shows where the sheet ends)
sheet-too-many-cells = `{ $part }` spans { $count } cells, more than the { $max } a sheet may; delete the empty rows and columns around the table (Ctrl-End shows where the sheet ends)
import-more-problems = …and { $count } more problems, not listed; fix these first
sheet-no-table = no table of realisasi or budget found
sheet-no-table-help = give the table a header row: `Indikator` (or `Kode`) and `Realisasi` (or `TW I`..`TW IV`, `Semester I`, `Semester II`); for the budget `Jenis Belanja`, `Pagu`, `Realisasi`
sheet-figure-help = write the figure the Indonesian way: `77,5`, `45%`, `144 Orang`, or leave it empty / `-` when not reported
sheet-realisasi-twice = `{ $id }` has a realisasi on an earlier row too
sheet-realisasi-twice-file = `{ $id }` has a realisasi in an earlier file too
sheet-realisasi-twice-help = keep one row per indicator
sheet-year-and-periods = `{ $id }` has both a year's realisasi and realisasi per period
sheet-year-and-periods-help = leave one of them empty: the rules aggregate the periods into the year's figure
sheet-unknown-id = no indicator has the id `{ $id }` in this unit's rules
sheet-unknown-id-help = the ids are those of `sakip eval --format json`
sheet-no-indicator = a row with a realisasi names no indicator
sheet-unknown-name = no indicator is named "{ $name }" in this unit's rules
sheet-unknown-name-tier = no indicator of tier { $tier } is named "{ $name }" in this unit's rules
did-you-mean-name = did you mean "{ $name }"?
sheet-unknown-name-help = write the name as the rules do, or add a `Kode` column with the indicator's id
sheet-name-ambiguous = "{ $name }" is the name of { $ids }
sheet-name-ambiguous-help = add a `Kode` column with the id, or put each tier in a sheet (or CSV file) named after it: Strategis, Program, Kegiatan, Output
sheet-no-realisasi-column = the budget table has no `Realisasi` column
sheet-money-help = write money as `Rp 1.938.261.000` or as a number cell
sheet-budget-twice = "{ $jenis }" is on an earlier row too
sheet-budget-twice-file = "{ $jenis }" has a budget line in an earlier file too
sheet-budget-twice-help = keep one row per jenis belanja
sheet-budget-twice-program-help = keep one row per programme

## Long tables (sakip rollup --data)

row-column = column `{ $column }`: { $message }
row-not-plain = `{ $text }` is not a number in plain notation
row-number-plain-help = write numbers with a decimal point and no grouping: `77.5`, `1938261000` (or give --angka indonesia for `77,5`)
row-number-indonesia-help = write numbers the Indonesian way: `77,5`, `1.938.261.000`
row-target-plain-help = write numbers with a decimal point and no grouping: `77.5`, `1938261000` (or give --angka indonesia for `77,5`); or leave the cell empty for the rules' target
row-target-indonesia-help = write numbers the Indonesian way: `77,5`, `1.938.261.000`; or leave the cell empty for the rules' target
table-no-column = the header has no `{ $name }` column
table-columns-help = the columns are `satker,kanwil,indikator`, then optional `satker_name` and `target`, then `realisasi` or `tw1..tw4` or `smt1,smt2`
table-empty = the file is empty: it has no header row
table-empty-help = the first row names the columns: `satker,kanwil,indikator,realisasi`
row-satker-scattered = the rows of satker `{ $satker }` are not together: it appeared earlier in the file
row-satker-scattered-help = sort the rows by satker (`ORDER BY satker`), so that each unit's rows follow each other
table-not-utf8 = the file is not UTF-8 text
table-not-utf8-help = export the table as CSV in UTF-8 (in Excel: Save As > CSV UTF-8)
table-cells = this row has { $len } cells where the header has { $expected }
table-cells-help = every row needs one cell per column; quote a cell that contains a comma
table-not-csv-help = check that the file is a CSV table
row-other-kanwil = satker `{ $satker }` is under Kanwil `{ $kanwil }` in its first row
row-other-kanwil-help = a satker belongs to one Kanwil: give every row of it the same `kanwil`
row-unknown-indicator = no indikator `{ $id }` in the rules
row-unknown-indicator-help = use the id of an `indikator` of the rules given with `--rules`
row-twice = `{ $id }` of satker `{ $satker }` was given before, on line { $line }
row-twice-help = keep one row per satker and indikator
gabungan-incomplete-sasaran = the capaian of sasaran `{ $sasaran }` is not computed: `{ $id }` has no capaian
gabungan-incomplete-jenjang = the capaian of { $tier } is not computed: `{ $id }` has no capaian
gabungan-incomplete-help = give `{ $id }` what its capaian needs (see its findings), or write `{ $id } tidak diukur` if it was not measured this year
tidak-diukur = `{ $id }` was not measured in { $year } (tidak diukur): shown as n/a, left out of means and counts
tidak-diukur-alasan = the data says why: { $alasan }
step-tidak-diukur = not measured this year (tidak diukur): no realisasi, no capaian
step-tidak-diukur-alasan = not measured this year (tidak diukur: { $alasan }): no realisasi, no capaian
row-not-measured-and-values = the row says the realisasi was not measured (`n/a`) and also gives values
row-not-measured-and-values-help = leave only `n/a` (or `tidak diukur`) when it was not measured, or only the values when it was
row-year-and-periods = the row gives both a year's realisasi and period values
row-year-and-periods-help = give `realisasi` or the periods (`tw1..tw4`, `smt1,smt2`), not both

unit-dir-help = give the folder that holds the unit's `.sakip` files, e.g. `examples/lapas-sarolangun-rawas`
berdasarkan-depth = more than { $max } levels of `berdasarkan`
script-syntax-help = scripts are Rhai: see docs/SCRIPTS.md for the hooks and what a script may do
tingkat-order = a { $level } rule set cannot build on a { $base } one
tingkat-order-help = the chain runs from `aturan nasional` through `aturan kanwil` to `satker`
unknown-indicator-rules = there is no indikator `{ $id }`
unknown-indicator-label = unknown id
unknown-indicator-help = indikator ids are declared in `sasaran` blocks of the national, Kanwil or unit rules
formula-needs-number = a number is needed here, but this is a comparison
formula-needs-number-help = comparisons belong after `jika`
formula-needs-comparison = a comparison is needed here, but this is a number
formula-needs-comparison-help = compare it, e.g. `realisasi >= target`
band-range-open = a range with an upper bound needs `..=` (bound included) or `..<` (bound excluded)
band-range-open-label = `..=` or `..<`?
band-range-open-help = write `80 ..< 100` for 80 up to but not including 100, or `100 ..= 120` to include 120
band-range-no-upper = this range has no upper bound after its operator
band-range-no-upper-label = upper bound missing
band-range-no-upper-help = write `100 ..` for everything from 100 up, or give the upper bound: `100 ..= 120`
band-range-above-nothing = `<..` starts a band just above its lower bound, and this range has none
band-range-above-nothing-label = above what?
band-range-above-nothing-help = write the lower bound before it: `80 <..= 90` holds more than 80 up to 90; or drop the `<`: `..< 60` holds everything below 60
import-replace-help = pass --replace to write over it (its comments will be lost), or move it away first
import-year-elsewhere = `{ $dir }` already has realisasi or a budget for { $year } in another file
import-year-elsewhere-help = remove that block first, so that the year's data is in one place

## The steps of an indicator (sakip explain)

step-rule = indikator `{ $id }` of sasaran { $sasaran } ({ $tier }), declared by `{ $source }`; satuan { $satuan }, polaritas { $polaritas }
step-rule-skala = indikator `{ $id }` of sasaran { $sasaran } ({ $tier }), declared by `{ $source }`; satuan { $satuan }, skala { $skala }
step-target-none = no target for { $year }: the rumus capaian in force does not read one
step-target = { $year }: { $value } (set by the { $level } rules `{ $source }`)
step-target-dasar = { $year }: { $value } (set by the { $level } rules `{ $source }`, dasar: { $dasar })
step-realisasi-year = { $value } for the year, as reported
step-realisasi-wilayah = { $value }: `{ $rule }` over the satker below, rounded by `pembulatan realisasi` (else like a capaian); the satker are listed below
step-realisasi-periods = { $agregasi }({ $jenis }) of { $periods } = { $value }
step-rumus = { $expr } = { $value }
step-capaian-script = script { $source }: { $value }
step-capaian-polaritas = polaritas { $polaritas }: { $formula } = { $value }
step-capaian-skala = skala: { $realisasi } against the target { $target }, { $rule } = { $value }
step-capaian-skala-reached = at or above the target
step-capaian-skala-below = below the target (no `langkah`)
step-capaian-skala-steps = { $steps } step(s) below the target, { $langkah } off for each
step-konversi = Konversi Efisiensi: { $value } is above { $cap }, converted to { $cap }
step-pembulatan = pembulatan capaian { $rounding }: { $value } -> { $rounded }
step-klasifikasi-script = script { $source }: { $value } is `{ $label }` ({ $id })
step-klasifikasi = { $value } is in { $range } `{ $label }` ({ $id })
explain-result = capaian { $capaian }% · { $band }
explain-result-no-band = capaian { $capaian }% · no band
explain-no-capaian = no capaian
explain-not-in-pk = indikator `{ $id }` is not in the Perjanjian Kinerja { $year }

## The rollup's terminal table (sakip rollup)

rekap-failed = Failed
rekap-mean-median = mean{"\u000A"}median
rekap-absorption = Absorption{"\u000A"}(%)
rekap-title = Summary { $year }: { $units } satker, { $kanwil } Kanwil
rekap-legend = Satker by the band of their score (the script's nilai_satker, or the mean capaian without one): { $legend }.
rekap-explained = Capaian (%) per tier: mean and median over every indicator of the satker. Absorption: summed realisasi / summed pagu.
rekap-mixed-nasional = warning: these satker are under different national rule sets: { $rules }; the national line, the bands and the sasaran below add up figures scored under different rules. Add `--nasional <id>` to sum one.
rekap-failure-line = { $at }: error[{ $code }]: { $message }
rekap-unit-errors = { $n } figure(s) could not be computed: see `sakip eval { $path } --year { $year }`
rekap-failures = { $n } satker failed:
rekap-wilayah = The own indikator of { $name }, from its units in this run:
rekap-wilayah-line = realisasi { $realisasi } against { $target }, capaian { $capaian }; { $counted } satker counted, { $not } not (see `sakip explain <rules> <id> --units ...`)
rekap-off-track = Off track (capaian to date below 100), per indikator:
rekap-off-track-more = , and { $n } more
rekap-sasaran = Capaian per sasaran, over every satker:
rekap-sasaran-line = mean { $mean }, median { $median } ({ $n } satker)

## Scripts

script-import-refused = `import` is not allowed: a script cannot read files or other scripts; what it needs comes in its hooks' arguments
script-eval-refused = `eval` is not allowed: a script cannot run code built from text
script-runaway = the script ran more than { $max } operations (a loop that never ends?) and was stopped
script-not-a-number = `{ $name }` returned a { $type } (`{ $value }`) where a number is due
script-no-function = no script defines `{ $name }` with { $n } values
script-nothing = `{ $name }` returned nothing where a number is due
script-not-a-band = `klasifikasi` returned a { $type } (`{ $value }`) where a band id is due

## Limits

limit-file = the file is larger than { $mib } MiB
limit-file-help = split the rules over several files
limit-tidak = more than { $max } `tidak` in a row
limit-tidak-help = remove the repeated `tidak`
limit-jika = a formula with more than { $max } `jika`
limit-split-help = split the formula over several indikator
limit-nesting = more than { $max } levels of nesting
limit-nesting-help = write the formula in simpler steps: a `rumus realisasi` on another indikator can hold part of it
limit-signs = more than { $max } signs in a row
limit-signs-help = remove the repeated `-`
limit-operators = a formula with more than { $max } operators

## What a syntax error expected

expect-header = `aturan` or `satker`
expect-harap-indikator = `<indikator> capaian <angka>`, `<indikator> realisasi <angka>` or `nilai <angka>`
expect-tingkat = `nasional` or `kanwil`
expect-pembulatan-objek = `capaian`, `anggaran`, `nilai`, `sasaran` or `realisasi`
expect-pembulatan-cara = `potong` (cut off) or `bulat` (round half up)
expect-band = a band such as `80 ..< 100 "Memuaskan" good biru`
expect-colour = a colour (`hijau`, `biru`, `kuning`, `oranye`, `merah`, `abu` or `#rrggbb`)
expect-code = a sasaran code such as `SS5`
expect-tier = a tier: `strategis`, `program`, `kegiatan` or `output`
expect-polaritas = `naik`, `turun` or `rentang a ..= b`
expect-rumus-objek = `realisasi` or `capaian`
expect-realisasi-entry = an indikator id with its realisasi (`ss5_kamtib = 30`)
expect-period-value = a period (`tw1` .. `tw4`, `smt1`, `smt2`)
expect-belanja-line = `belanja "..."` or `program "..."`
expect-expr = a formula
expect-operator = an operator
expect-field = `target`, `realisasi` or `capaian`
expect-quantity = a value such as `75`, `77.5`, `40%` or `1 layanan`
expect-skala-value = a value of a scale, such as `WTP` or `"Belum WBK"`
expect-unit = a unit such as `%`, `indeks` or `layanan`
expect-money = an amount such as `Rp 1.938.261.000` or `0`
expect-number = a number
expect-integer = a whole number
expect-year = a year such as `2022`
expect-string = a text in double quotes
expect-ident = a name (letters, digits and `_`, starting with a letter)
expect-agg-fn = `jumlah`, `rata`, `terakhir`, `tertinggi` or `terendah`
expect-jenis-periode = `triwulan` or `semester`

expect-declaration = a declaration (`aturan`, `satker`, `berdasarkan`, `skrip`, `renstra`, `dasar`, `pembulatan`, `konversi efisiensi`, `klasifikasi`, `sasaran`, `perjanjian`, `realisasi`, `anggaran`)
expect-indikator-line = a line of the indikator (`satuan`, `polaritas`, `realisasi`, `target`, `rumus`, `bobot`, `dasar`, `sama_dengan`, a sub-`indikator`) or `{"}"}`
list-or = { $a } or { $b }
list-comma = { $a }, { $b }

## Rule tests (sakip test)

uji-capaian = { $id } capaian: expected { $want }, got { $got }{ $at }
uji-band = { $id } band: expected "{ $want }", got { $got }{ $at }
uji-realisasi = { $id } realisasi: expected { $want }, got { $got }{ $at }
uji-nilai = nilai satker: expected { $want }, got { $got }{ $at }
uji-because = because: [{ $code }] { $message }
uji-at = {" "}(at { $at })
uji-nothing = nothing
uji-not-measured = n/a (the data says `tidak diukur`)
uji-none = none
sum-too-large = more than a decimal holds
whatif-unknown = the year measures no indikator `{ $id }`
whatif-set-form = `{ $text }` is not a change: write `id=value` (the realisasi) or `id.target=value`
whatif-set-number = `{ $text }` is not a number: write it with a decimal point, as in the rules (`77.5`)
why-unknown = indikator `{ $id }` is not measured in both { $from } and { $to }
import-no-agreement = { $year } has no Perjanjian Kinerja: realisasi without targets give no capaian, so nothing was imported
import-no-agreement-help = write the { $year } agreement first: `sakip new-year { $dir } { $year }` drafts it from { $last }'s
import-no-agreement-help-none = write the { $year } agreement first, as perjanjian-{ $year }.sakip in the unit's folder
rekap-html-title = Performance summary { $year }
rekap-html-meta = { $units } satker, { $kanwil } Kanwil, { $failed } failed
rekap-html-by-band = Satker by the band of their score
rekap-html-tier-mean-median = { $tier } mean / median
rekap-html-budget = Budget absorption per Kanwil
rekap-html-budget-note = Absorption = summed realisasi / summed pagu (not a mean of percentages).
rekap-html-absorption = Absorption (%)
rekap-html-per-indicator = Per indicator: bands and mean capaian
rekap-html-per-sasaran = Per sasaran: bands and mean capaian
rekap-html-counted = Satker counted
rekap-html-not-counted = Not counted
rekap-html-not-counted-list = { $id }: { $n } satker not counted, and why
rekap-html-more = and { $n } more (every one in the JSON and the workbook)
rekap-html-off-track-units = Satker, lowest capaian to date first
rekap-html-indicator = Indicator
rekap-html-mean = Mean (%)
rekap-html-median = Median (%)
rekap-html-ranking = Satker ranked by score
rekap-html-score = Score
rekap-html-band = Band
rekap-html-failures = Satker that could not be computed
rekap-html-footer = Computed by sakip from each satker's rules and data; every figure is exact.
number-unit-keyword = `{ $text }`: `{ $word }` is a word of the rules language, not a unit; write the unit the indicator is measured in (`144 orang`), or the number alone
wb-step-rule = rule
file-not-utf8 = it is not UTF-8 text (line { $line }, byte { $byte }); save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)
script-not-utf8 = it is not UTF-8 text; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)
file-not-found = there is no such file
file-no-permission = permission denied: ask for the right to read it

## Parts of a run put back together (sakip rollup --merge)

merge-bad-line = { $place }: { $message }
    .help = --merge reads the unit lines `sakip rollup --format jsonl` writes
merge-not-unit-line = not a unit line of a rollup's jsonl ({ $reason })
merge-no-satker = the line names no `satker`
merge-not-number = `{ $field }` is not a number: `{ $text }`
merge-not-tier = `{ $text }` is not a tier (strategis, program, kegiatan, output)
merge-not-rounding = `{ $text }` is not a rounding (`potong 2`, `bulat 2`)

# The words of the command line in English, beside its code; the core's
# catalogue (crates/sakip-core/i18n) holds the words every front end shares.
# Each message has the same id in id.ftl.

check-clean = checked { $rule-sets ->
        [one] { $rule-sets } rule set
       *[other] { $rule-sets } rule sets
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }): no errors
check-warnings = checked { $rule-sets ->
        [one] { $rule-sets } rule set
       *[other] { $rule-sets } rule sets
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }): no errors, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
check-errors = checked { $rule-sets ->
        [one] { $rule-sets } rule set
       *[other] { $rule-sets } rule sets
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }): { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }
check-errors-warnings = checked { $rule-sets ->
        [one] { $rule-sets } rule set
       *[other] { $rule-sets } rule sets
    } ({ $files ->
        [one] { $files } file
       *[other] { $files } files
    }): { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
test-ok = ok
test-failed = FAILED
test-summary = { $passed } passed, { $failed } failed
fmt-would-reformat = would reformat { $path }
fmt-formatted = formatted { $path }
fmt-failed = { $failed ->
        [one] { $failed } file
       *[other] { $failed } files
    } not formatted: fix the syntax first
wrote = wrote { $path }
rollup-failed = { $units } units, { $failed } failed
rollup-progress-folders = folders
rollup-progress-units = units
rollup-progress-left = left
rollup-progress-rate = { $n }/s
rollup-failed-rows = { $units } units, { $failed } failed, { $rows } bad rows left out
rollup-kanwil-without-rules = info: kanwil { $names } { $n ->
        [one] has
       *[other] have
    } no rule set among --rules: { $n ->
        [one] its
       *[other] their
    } rows are grouped by that value and evaluated under the national rules
cli-xlsx-needs-output = --format xlsx writes a workbook: give the file with -o, e.g. `-o rekap.xlsx`
cli-run-incomplete = nothing was written: the run could not complete
cli-unit-not-evaluated = unit `{ $path }` was not evaluated:
cli-no-unit-kanwil = no unit of Kanwil `{ $kanwil }` was found for { $year }; the id is the one in the Kanwil's `aturan kanwil <id>` line
cli-no-unit-nasional = no unit under the national rule set `{ $nasional }` was found for { $year }; the id is the one in its `aturan nasional <id>` line
cli-no-unit = no unit was found for { $year }: a unit is a folder whose rule set starts with `satker <id> "<name>"`
cli-merge-no-csv = --merge writes table, json, jsonl, html or xlsx; for the long CSV, run each part with --format csv and concatenate them
cli-cannot-read = cannot read `{ $path }`: { $error }
cli-cannot-write = cannot write `{ $path }`: { $error }
cli-cannot-write-csv = cannot write CSV: { $error }
cli-cannot-build-workbook = cannot build the workbook: { $error }
cli-cannot-typeset = cannot typeset the PDF: { $error }
report-docx-errors = { $n } error(s) in { $year }: a Word report of figures that could not be computed would be pasted into the LKjIP as they are, so { $path } was not written; correct the errors above and run again
cli-cannot-build-document = could not build the Word document: { $error }
cli-import-unreadable-output = sakip wrote a data file it cannot read; nothing was written. Please report this.
help-about = Turns SAKIP performance rules into performance reports (LKjIP chapter III)
help-long-about = Turns SAKIP performance rules into performance reports.
help-usage = Usage
help-commands = Commands
help-color = When to use colour: auto (a terminal, unless NO_COLOR is set), always, never
help-lang = The language of messages, tables and reports: id (Bahasa Indonesia) or en
help-check = Check rule files: syntax, names, references, formulas
help-eval = Evaluate a unit's year: targets, realisasi, capaian, bands, budget
help-explain = Show every step of one indicator's evaluation, with the rule behind each
help-diff = List what changed in the rules between two years
help-new-year = Start next year's Perjanjian Kinerja from this year's
help-fmt = Lay rule files out in the one canonical way, keeping every comment
help-test = Run the rule tests (`uji` blocks) beside the rules
help-report = Write chapter III as a document: HTML with charts, Markdown, or XLSX
help-import = Read realisasi and budget from a spreadsheet into the unit's data file
help-rollup = Evaluate every unit under folders, or in a long table, and add them up per Kanwil
help-completions = Write the shell's completion script (bash, zsh, fish, powershell)
help-provenance = What each level decided: every setting, target, formula and script function in force, who set it and what it replaced
prov-title = { $unit } · { $year }: what each level decided
prov-default = default
prov-replaces = replaces { $level } { $value } ({ $at })
prov-summary = { $level }: changes { $changed } against the levels above ({ $list }); adds { $added }
help-verify = Recompute a receipt from the files on disk: identical, or what differs
verify-identical = identical: { $unit } { $year }, { $files } files, result { $hash }
verify-differs = differs: { $unit } { $year } is not what the receipt records
verify-file-changed = changed  { $path }
verify-file-missing = missing  { $path }
verify-file-added = new      { $path }
verify-figure = { $id } { $what }: { $before } -> { $after }
verify-figure-nilai = the unit's nilai: { $before } -> { $after }
verify-result = the result differs in its findings or names, not in its figures
wrote-receipt = receipt written: { $path }
help-whatif = What realisasi reaches 100% and each higher band; with --set, the year with changed figures
whatif-now = now: target { $target }, realisasi { $realisasi }, capaian { $capaian } ({ $band })
whatif-needs-at-least = needs realisasi { $realisasi } or more
whatif-needs-at-most = needs realisasi { $realisasi } or less
whatif-always = reached at any realisasi
whatif-unreachable = no realisasi reaches it (the cap, or the formula stops short)
whatif-not-monotone = the capaian does not move one way as the realisasi grows: no single answer
whatif-changed = { $id }: target { $target }, realisasi { $realisasi }, capaian { $capaian }, band { $band }
whatif-nilai = nilai: { $before } -> { $after }
whatif-nothing = no figure changes
help-why = Why a capaian or the nilai changed between two years: target, realisasi, formula, cap, rounding
why-title = { $from } -> { $to }, each change split in this order: target, realisasi, formula, cap, rounding (the parts add up to the change)
why-nilai = the unit's nilai
why-band = band: { $from } -> { $to } (under the earlier year's table: { $old-table })
why-added = measured only in the later year: { $ids }
why-dropped = measured only in the earlier year: { $ids }
help-serve = The workbench: a local web server over a tree of rule sets and units
help-lsp = Serve the Language Server Protocol on stdin and stdout, for editors

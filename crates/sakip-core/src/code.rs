//! The registry of problem codes: every code sakip can report, once, with
//! its severity and what it means.
//!
//! A code is the stable name of a kind of problem (`band-gap`): CI scripts
//! match on it and the JSON output carries it, so it never changes with the
//! wording or the language of a message. Codes are kebab-case English for
//! the machinery (`missing`, `twice`, `order`) around the SAKIP words they
//! are about (`realisasi`, `target`, `pagu`). A code that is not in this
//! table cannot be reported: the type system refuses it, and
//! `docs/CODES.md` is generated from [`Code::ALL`] (a test keeps it in step).

use crate::severity::Severity;
use serde::{Serialize, Serializer};
use std::fmt;

macro_rules! registry {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, $severity:ident, $stage:ident, $summary:literal; )*) => {
        /// One kind of problem. See the module documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in the order of `docs/CODES.md`.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written in messages and JSON (`band-gap`).
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text,)* }
            }

            /// How serious a problem of this kind is.
            pub const fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Which step finds it.
            pub const fn stage(self) -> Stage {
                match self { $(Code::$variant => Stage::$stage,)* }
            }

            /// What it means, in one English line (the catalogue of messages
            /// holds the Indonesian).
            pub const fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

/// The step of the pipeline that reports a code: a reader of files, the
/// resolver of rule files, the evaluation, or a reader of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Reading files and folders, and parsing rule files.
    Read,
    /// Resolving names, references and settings across a rule set (`sakip check`).
    Check,
    /// Computing a unit's year (`sakip eval`).
    Eval,
    /// Reading a long table or a spreadsheet of data.
    Data,
}

impl Stage {
    pub const fn title(self) -> &'static str {
        match self {
            Stage::Read => "Reading and parsing",
            Stage::Check => "Checking rule sets (`sakip check`)",
            Stage::Eval => "Evaluating a year (`sakip eval`)",
            Stage::Data => "Reading tables and spreadsheets (`sakip rollup --data`, `sakip import`)",
        }
    }
}

registry! {
    // Reading and parsing.
    PathMissing = "path-missing", Error, Read, "a path given on the command line or in `berdasarkan` does not exist";
    FileUnreadable = "file-unreadable", Error, Read, "a file or folder could not be read, or a rule file is not UTF-8 text";
    FileDeleted = "file-deleted", Warning, Read, "a file open in an editor no longer exists on disk; saving it writes it again";
    ReceiptInvalid = "receipt-invalid", Error, Read, "a file given to `verify` is not a sakip receipt";
    Syntax = "syntax", Error, Read, "a rule file does not follow the grammar; the message says what was expected";
    NumberRange = "number-range", Error, Read, "a number too large or too precise for an exact decimal";
    BandRange = "band-range", Error, Read, "a band's range is written the wrong way round or is empty";
    RenstraOrder = "renstra-order", Error, Read, "the Renstra ends before it starts";
    RentangOrder = "rentang-order", Error, Read, "a `rentang a ..= b` with a above b";
    TooDeep = "too-deep", Error, Read, "a file nests brackets, or a formula operators, beyond the limits that keep every stage safe";
    FileExists = "file-exists", Error, Read, "a command would write over a file it was not asked to replace";
    InternalError = "internal-error", Error, Read, "sakip lost track of a file it read; please report it";
    // Rule sets and folders.
    UnitDir = "unit-dir", Error, Check, "the path given as a unit is not a folder";
    NotAUnit = "not-a-unit", Error, Check, "a command for a unit was given a folder of national or Kanwil rules";
    NoHeader = "no-header", Error, Check, "a folder has no file that starts a rule set";
    ManyHeaders = "many-headers", Error, Check, "a folder has more than one file that starts a rule set";
    HeaderTwice = "header-twice", Error, Check, "one file declares its rule set twice";
    YearMissing = "year-missing", Error, Check, "the unit has no Perjanjian Kinerja or realisasi for the year asked";
    BerdasarkanMissing = "berdasarkan-missing", Error, Check, "`berdasarkan` names a rule set that does not exist";
    BerdasarkanTwice = "berdasarkan-twice", Error, Check, "a rule set names two rule sets it is based on";
    BerdasarkanCycle = "berdasarkan-cycle", Error, Check, "rule sets based on each other in a circle";
    BerdasarkanDepth = "berdasarkan-depth", Error, Check, "a chain of `berdasarkan` longer than national, Kanwil, unit";
    TingkatOrder = "tingkat-order", Error, Check, "a rule set based on one of the same or a lower level";
    PerjanjianLevel = "perjanjian-level", Error, Check, "a `perjanjian` outside a unit's rules";
    DataLevel = "data-level", Error, Check, "a `realisasi` or `anggaran` block outside a unit's rules";
    RulesLevel = "rules-level", Error, Check, "`--rules` given a unit's rule set instead of national or Kanwil rules";
    RulesNationalMissing = "rules-national-missing", Error, Check, "`--rules` given no national rule set";
    RulesNationalTwice = "rules-national-twice", Error, Check, "`--rules` given two national rule sets";
    SettingTwice = "setting-twice", Error, Check, "a setting (`pembulatan`, `konversi`, ...) written twice in one rule set";
    DecimalsRange = "decimals-range", Error, Check, "a number of decimals outside 0 to 10";
    ScriptMissing = "script-missing", Error, Check, "a `skrip` line names a file that does not exist";
    PathKind = "path-kind", Error, Check, "a `skrip` names a file that is not `.rhai`, or `berdasarkan` a file that is not `.sakip`; it is not read";
    OutsideTree = "outside-tree", Error, Check, "in the workbench, a `skrip` or `berdasarkan` path leaves the served folder (after following links); the file is not opened";
    ScriptSyntax = "script-syntax", Error, Check, "a Rhai script does not compile, or uses what the sandbox refuses";
    KlasifikasiEmpty = "klasifikasi-empty", Error, Check, "a klasifikasi with no bands";
    BandTwice = "band-twice", Error, Check, "two bands with one name";
    ColourUnknown = "colour-unknown", Error, Check, "a band's colour that is neither a colour sakip knows nor a `#rrggbb` code";
    BandGap = "band-gap", Warning, Check, "capaian values that no band holds";
    BandOverlap = "band-overlap", Warning, Check, "capaian values that two bands hold";
    IndikatorTwice = "indikator-twice", Error, Check, "two indikator with one id";
    LineTwice = "line-twice", Error, Check, "an indikator with one of its lines (`satuan`, `polaritas`, ...) written twice";
    SatuanMissing = "satuan-missing", Error, Check, "an indikator with no `satuan`";
    SasaranUnused = "sasaran-unused", Warning, Check, "a sasaran with no indikator";
    SasaranTier = "sasaran-tier", Error, Check, "a sasaran opened again at another tier";
    UjiUntil = "uji-until", Error, Check, "a rule test of the year in progress (`uji \"...\" 2025 tw2`) up to a period that ends with the year (`tw4`, `smt2`, `tahun`)";
    UjiSatker = "uji-satker", Error, Check, "a rule test's units (`satker <id> { ... }`) that cannot be read: in a rule set with no indikator computed from its units, a unit written twice or a figure twice, a realisasi of the region's indikator given beside its units, or units in a test of the year in progress";
    TargetPeriodYearly = "target-period-yearly", Error, Check, "targets per period (`tw1 = 20`) for an indikator measured once a year (no `realisasi jumlah|rata|terakhir|...` line)";
    TargetPeriodKind = "target-period-kind", Error, Check, "a target per period of another kind than the others or than the indikator's (`triwulan` against `semester`), `tahun`, or a period written twice";
    WilayahNone = "wilayah-none", Error, Check, "`--units` given for a rule set that has no indikator computed from units (`realisasi dari satker = ...`)";
    DariSatkerInvalid = "dari-satker-invalid", Error, Check, "a `realisasi dari satker` that cannot be computed: in a unit's own rules, a function sakip does not know, or what the function takes missing (a condition for `jumlah` and `persen`, two figures for `rasio`)";
    SkalaInvalid = "skala-invalid", Error, Check, "a `skala` that cannot be used: a value written twice, a `langkah` of 0 or less, a `polaritas` beside it, or a realisasi summed or averaged";
    KomponenCapaian = "komponen-capaian", Error, Check, "a `komponen` (an input without capaian) given a target or a `rumus capaian`";
    RumusTwice = "rumus-twice", Error, Check, "two `rumus` of one kind in force in the same year";
    TargetTwice = "target-twice", Error, Check, "two targets for one indikator and year";
    TargetUnfilled = "target-unfilled", Warning, Check, "a target written `?`, to be filled in";
    TargetSatuan = "target-satuan", Error, Check, "a target in another unit than its indikator";
    TargetBelowNational = "target-below-national", Warning, Check, "a unit's target asking less than the national one (by polarity)";
    PercentAbove100 = "percent-above-100", Warning, Check, "a `%` target above 100";
    PerjanjianTwice = "perjanjian-twice", Error, Check, "two `perjanjian` blocks for one year";
    DicetakUnit = "dicetak-unit", Error, Check, "a printed figure (`dicetak`) in another unit than the figure it prints";
    RealisasiTwice = "realisasi-twice", Error, Check, "two realisasi for one indikator and period";
    PeriodTwice = "period-twice", Error, Check, "one period written twice in a realisasi";
    AnggaranTwice = "anggaran-twice", Error, Check, "one line of the budget written twice";
    AnggaranTotal = "anggaran-total", Error, Check, "a budget line named `Total`, which sakip computes";
    UjiEmpty = "uji-empty", Error, Check, "a rule test (`uji`) that expects nothing";
    UnknownIndicator = "unknown-indicator", Error, Check, "an id that names no indikator";
    UnknownFunction = "unknown-function", Error, Check, "a formula calling a function no script defines";
    FunctionArity = "function-arity", Error, Check, "a function called with the wrong number of arguments";
    RumusPolarity = "rumus-polarity", Warning, Check, "a `rumus capaian` that only falls as the realisasi rises while higher is better (or only rises while lower is better)";
    FormulaCycle = "formula-cycle", Error, Check, "formulas that read each other in a circle";
    FormulaSelf = "formula-self", Error, Check, "a formula that reads the figure it computes";
    FormulaType = "formula-type", Error, Check, "a formula mixing numbers and conditions";
    ReferenceOtherYear = "reference-other-year", Warning, Check, "a formula reading an indikator the agreement does not measure that year";
    // Evaluation.
    PerjanjianMissing = "perjanjian-missing", Error, Eval, "no Perjanjian Kinerja for the year";
    TargetMissing = "target-missing", Error, Eval, "no target for an indikator of the agreement";
    GabunganIncomplete = "gabungan-incomplete", Warning, Eval, "a sasaran's or a tier's capaian left empty, because one of its indikator has none";
    TidakDiukur = "tidak-diukur", Info, Eval, "a realisasi the data says was not measured this year (`tidak diukur`): shown as n/a, left out of means and counts";
    TargetZero = "target-zero", Info, Eval, "a capaian computed by the polarity's rule for a target of 0";
    TargetNational = "target-national", Warning, Eval, "the unit's target is below the national one";
    TargetAboveNational = "target-above-national", Info, Eval, "the unit's target is above the national one";
    RealisasiMissing = "realisasi-missing", Warning, Eval, "no realisasi for an indikator of the agreement";
    RealisasiEmpty = "realisasi-empty", Error, Eval, "a realisasi with no value for the year and none per period";
    RealisasiUnused = "realisasi-unused", Warning, Eval, "a realisasi for an indikator not in the agreement";
    RealisasiOverflow = "realisasi-overflow", Error, Eval, "a realisasi too large to add up exactly";
    CapaianOverflow = "capaian-overflow", Error, Eval, "a capaian too large to compute exactly";
    AgregasiMissing = "agregasi-missing", Error, Eval, "realisasi per period for an indikator with no `agregasi`";
    PeriodMix = "period-mix", Error, Eval, "a realisasi that mixes kinds of period (triwulan and semester)";
    PeriodKind = "period-kind", Error, Eval, "a realisasi per period of another kind than the indikator's `periode`";
    WilayahUnitFailed = "wilayah-unit-failed", Warning, Eval, "a region's indikator computed from its units leaves out units whose rules or data failed, or whose figures could not all be computed: it stands on the others";
    SkalaValue = "skala-value", Error, Eval, "a value that does not fit its indikator: a word not on its `skala`, a word for an indikator measured in numbers, or a number for one on a scale";
    RealisasiBelum = "realisasi-belum", Info, Eval, "the year in progress: the data reports this indikator only for later periods (or for the whole year), so it has no figure yet and is shown as n/a";
    UntilNoData = "until-no-data", Error, Eval, "the year in progress: the data has no realisasi for any indikator by the end of the period asked for (`--until`)";
    TargetBerjalanNone = "target-berjalan-none", Warning, Eval, "the year in progress: the agreement has no target for the period and the rules state no rule for one (`target berjalan prorata|tahunan`)";
    SatuanMismatch = "satuan-mismatch", Warning, Eval, "a realisasi written in another unit than its indikator";
    TierRealisasi = "tier-realisasi", Warning, Eval, "one measurement at two tiers with two realisasi";
    FormulaError = "formula-error", Error, Eval, "a formula could not be computed (division by zero, overflow, a missing figure)";
    ScriptError = "script-error", Error, Eval, "a script's function or hook failed at run time";
    ScriptBand = "script-band", Error, Eval, "a script's `klasifikasi` returned a band the klasifikasi lacks";
    BandMissing = "band-missing", Warning, Eval, "a capaian in no band";
    KlasifikasiNone = "klasifikasi-none", Info, Eval, "no klasifikasi is in force for the year, so no capaian is classified";
    PrintedCapaian = "printed-capaian", Warning, Eval, "the report printed another capaian than the rules give";
    PrintedPenyerapan = "printed-penyerapan", Warning, Eval, "the report printed another penyerapan than the rules give";
    PrintedPrecision = "printed-precision", Info, Eval, "the report printed the right figure with fewer decimals";
    AnggaranMissing = "anggaran-missing", Info, Eval, "no budget (`anggaran`) for the year";
    AnggaranOverflow = "anggaran-overflow", Error, Eval, "budget figures too large to add up exactly";
    PaguZero = "pagu-zero", Error, Eval, "spending against a pagu of 0";
    RealisasiAbovePagu = "realisasi-above-pagu", Warning, Eval, "spending above the pagu";
    PkBudget = "pk-budget", Warning, Eval, "the agreement's budget does not add up to the pagu";
    PkKegiatan = "pk-kegiatan", Warning, Eval, "the agreement's kegiatan do not add up to their programme";
    // Data tables and spreadsheets.
    TableHeader = "table-header", Error, Data, "a long table whose header row lacks a column, or that has no header";
    TableUnreadable = "table-unreadable", Error, Data, "a long table that is not UTF-8 CSV, or a row with the wrong number of cells";
    RowInvalid = "row-invalid", Error, Data, "a row of a long table left out: an unknown indikator, an unreadable number, a satker under two Kanwil";
    SheetNoTable = "sheet-no-table", Error, Data, "a spreadsheet with no table of realisasi or budget sakip recognises";
    SheetCell = "sheet-cell", Error, Data, "a spreadsheet cell that cannot be read as the figure its table needs";
}

impl Code {
    /// The code written as text (`band-gap`), when it is one.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{s} is not kebab-case"
            );
            assert_eq!(Code::parse(s), Some(*c));
            assert!(!c.summary().is_empty() && !c.summary().ends_with('.'), "{s}");
        }
        assert_eq!(Code::parse("band-gaps"), None);
    }
}

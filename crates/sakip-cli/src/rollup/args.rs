//! The command's arguments and the formats it writes.

use camino::Utf8PathBuf;
use clap::ValueEnum;

#[derive(clap::Args, Debug)]
#[command(after_long_help = "\
Examples:
  sakip rollup examples --year 2022
  sakip rollup /data/satker --year 2022 --kanwil kanwil_sumsel --format csv -o rekap.csv --budget-csv anggaran.csv
  sakip rollup --rules rules/ditjenpas --rules rules/kanwil-sumsel --data satker-2022.csv --year 2022 --format jsonl

A unit is a folder whose rule set starts with `satker`; national and Kanwil
rule sets under the paths are read once and shared by their units.

The long table (`--data`) has the columns satker,kanwil,indikator, then
optional satker_name and target, then realisasi or tw1..tw4 or smt1,smt2;
numbers in plain notation (`1.500` is one and a half). The rows of one
satker follow each other. A bad row is reported as file:line and left out
(exit 1); --strict stops at the first and writes nothing.")]
pub struct Args {
    /// Folders (searched recursively for units) or rule files
    #[arg(required_unless_present_any = ["data", "merge"], conflicts_with_all = ["data", "merge"])]
    pub paths: Vec<Utf8PathBuf>,

    /// The year to evaluate
    #[arg(long, short)]
    pub year: u16,

    /// Keep only the units of this Kanwil (its rule set's id, or its `kanwil` value in --data)
    #[arg(long)]
    pub kanwil: Option<String>,

    /// Keep only the units under this national rule set (its id), when the
    /// paths hold units of several
    #[arg(long, conflicts_with = "data")]
    pub nasional: Option<String>,

    /// The year in progress: each unit up to the end of this period, and
    /// per indikator the units off track (capaian to date below 100)
    #[arg(long, value_enum, conflicts_with = "merge")]
    pub until: Option<crate::until::Until>,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write the output to this file (replaced only when the run completes)
    #[arg(long, short)]
    pub output: Option<Utf8PathBuf>,

    /// Also write every unit's budget lines as CSV to this file
    #[arg(long)]
    pub budget_csv: Option<Utf8PathBuf>,

    /// National and Kanwil rule sets to evaluate --data against
    #[arg(long, requires = "data", num_args = 1..)]
    pub rules: Vec<Utf8PathBuf>,

    /// Long tables of many units' rows (CSV)
    #[arg(long, requires = "rules", num_args = 1..)]
    pub data: Vec<Utf8PathBuf>,

    /// Stop at the first bad row of --data
    #[arg(long, requires = "data")]
    pub strict: bool,

    /// How --data writes numbers: plain (`77.5`, as databases do) or
    /// indonesia (`77,5`, `1.938.261.000`, as `import` reads them)
    #[arg(long, value_enum, default_value_t = AngkaArg::Plain, requires = "data")]
    pub angka: AngkaArg,

    /// Put the parts of a run split across machines back together: their
    /// `--format jsonl` outputs, read in the order given (table, json, jsonl, html or xlsx)
    #[arg(long, conflicts_with_all = ["data", "rules"], num_args = 1..)]
    pub merge: Vec<Utf8PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AngkaArg {
    Plain,
    Indonesia,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Per Kanwil: units per band, mean and median capaian per tier, budget absorption
    Table,
    /// Units, per-Kanwil and national summaries in one document
    Json,
    /// One line per unit: the object of `eval --format json`
    Jsonl,
    /// One row per unit and indicator
    Csv,
    /// The rollup report as one self-contained page with charts
    Html,
    /// The rollup report as an Excel workbook (needs -o)
    Xlsx,
}

impl Format {
    /// Whether the output shows the ranking of units by score (the
    /// streamed formats need not hold every unit's score).
    pub(crate) fn shows_ranking(self) -> bool {
        matches!(self, Format::Table | Format::Json | Format::Html | Format::Xlsx)
    }
}

impl From<AngkaArg> for sakip_engine::long_table::Angka {
    fn from(a: AngkaArg) -> Self {
        match a {
            AngkaArg::Plain => Self::Plain,
            AngkaArg::Indonesia => Self::Indonesia,
        }
    }
}

//! `sakip rollup`: every unit of a Kanwil, a ministry or the country in one
//! run, from unit folders (`sakip rollup <path>... --year Y`) or from one
//! long table (`sakip rollup --rules <rule-set>... --data <file.csv>...`).
//! Exit 1 when any unit failed (after all are done), 2 on a command line it
//! does not understand.

use crate::files::AtomicFile;
use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::i18n::say;
use sakip_core::rekap::Rollup;
use sakip_core::{Lang, Text};
use sakip_engine::rollup::{self, Evaluated};
use sakip_engine::Selection;
use std::io::Write;

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
(exit 1); --strict stops at the first.")]
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
    fn shows_ranking(self) -> bool {
        matches!(self, Format::Table | Format::Json | Format::Html | Format::Xlsx)
    }
}

/// Writes the units in the output's own shape: the JSON formats as the
/// engine streams them; the CSV's header, then each unit's rows; nothing
/// for the formats that show the summaries alone. What closes it is
/// [`write_summaries`].
enum Units {
    Json(rollup::JsonUnits),
    Csv,
    Summaries,
}

impl Units {
    fn open(out: &mut dyn Write, format: Format, year: u16) -> std::io::Result<Self> {
        Ok(match format {
            Format::Json | Format::Jsonl => Units::Json(rollup::JsonUnits::open(out, year, format == Format::Jsonl)?),
            Format::Csv => {
                out.write_all(sakip_report::rekap::csv_line(sakip_report::rekap::CSV_HEADER).as_bytes())?;
                Units::Csv
            }
            Format::Table | Format::Html | Format::Xlsx => Units::Summaries,
        })
    }

    fn unit(&mut self, out: &mut dyn Write, text: &str) -> std::io::Result<()> {
        match self {
            Units::Json(j) => j.unit(out, text),
            Units::Csv => out.write_all(text.as_bytes()),
            Units::Summaries => Ok(()),
        }
    }
}

/// What each unit renders to, on the thread that evaluated it.
struct Rendered {
    main: String,
    budget: String,
}

/// Where the output goes: standard output, or a file that takes its name
/// only when the run completes.
enum Sink<'a> {
    Stdout(&'a mut dyn Write),
    File(AtomicFile),
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let selection = Selection {
        year: args.year,
        kanwil: args.kanwil.clone(),
    };
    let format = args.format;
    let with_budget = args.budget_csv.is_some();
    let work = |u: &Evaluated<'_>| {
        let kanwil = &u.record.kanwil_id;
        let main = match format {
            Format::Jsonl | Format::Json => {
                let scripts = u.scripts.names(u.evaluation.year);
                sakip_report::json::render_line(u.evaluation, u.rules, &scripts)
            }
            Format::Csv => sakip_report::rekap::csv_rows(u.evaluation, kanwil, &u.record.satker_id),
            Format::Table | Format::Html | Format::Xlsx => String::new(),
        };
        let budget = if with_budget {
            sakip_report::rekap::budget_rows(u.evaluation, kanwil, &u.record.satker_id)
        } else {
            String::new()
        };
        Rendered { main, budget }
    };

    if args.format == Format::Xlsx && args.output.is_none() {
        writeln!(
            io.err,
            "{}",
            render::error_text(io.lang, &Text::new("cli-xlsx-needs-output"))
        )?;
        return Ok(2);
    }
    if !args.merge.is_empty() {
        return merge(args, io);
    }
    // Load what the run needs before any output is opened.
    let source = if args.data.is_empty() {
        let (folders, errors) = rollup::folders_under(&args.paths);
        if !errors.is_empty() {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
        rollup::Source::Folders(folders)
    } else {
        match sakip_engine::long_table::RuleSets::load(&args.rules) {
            Ok(rules) => rollup::Source::Table {
                rules: Box::new(rules),
                files: args.data.clone(),
                options: sakip_engine::long_table::Options {
                    strict: args.strict,
                    angka: match args.angka {
                        AngkaArg::Plain => sakip_engine::long_table::Angka::Plain,
                        AngkaArg::Indonesia => sakip_engine::long_table::Angka::Indonesia,
                    },
                },
            },
            Err(errors) => {
                render::to_stderr(io, colour, &errors)?;
                return Ok(1);
            }
        }
    };
    let mut out = match &args.output {
        Some(path) => Sink::File(AtomicFile::create(path)?),
        None => Sink::Stdout(&mut *io.out),
    };
    let mut budget = match &args.budget_csv {
        Some(path) => {
            let mut f = AtomicFile::create(path)?;
            f.write_all(sakip_report::rekap::csv_line(sakip_report::rekap::BUDGET_CSV_HEADER).as_bytes())?;
            Some(f)
        }
        None => None,
    };
    let mut units = Units::open(&mut out, format, args.year)?;
    let progress = progress_bar(source.steps(), io.err_is_terminal, io.lang);
    let lang = io.lang;
    let mut step = |n: u64| {
        if let Some(p) = &progress {
            p.set_position(n);
            let seconds = p.elapsed().as_secs_f64();
            if seconds > 0.0 {
                // A display figure, not a result: a float is fine here.
                #[allow(clippy::cast_precision_loss)]
                let rate = format!("{:.0}", n as f64 / seconds);
                p.set_message(Text::new("rollup-progress-rate").arg("n", rate).render(lang));
            }
        }
    };
    let mut report = |e: &sakip_engine::long_table::RowError| {
        let _ = writeln!(io.err, "{}", sakip_report::problem::line(e, lang));
    };
    let write_unit = |output: Rendered| {
        units.unit(&mut out, &output.main)?;
        match budget.as_mut() {
            Some(b) => b.write_all(output.budget.as_bytes()),
            None => Ok(()),
        }
    };
    let ran = rollup::run(
        &source,
        &selection,
        format.shows_ranking(),
        work,
        write_unit,
        &mut step,
        &mut report,
    );
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let ran = match ran {
        Ok(r) => r,
        Err(rollup::Stopped::Write(e)) => return Err(e),
        Err(rollup::Stopped::Source(e)) => {
            writeln!(io.err, "{}", sakip_report::problem::line(&*e.0, io.lang))?;
            writeln!(io.err, "{}", say(io.lang, "cli-run-incomplete"))?;
            return Ok(1);
        }
    };
    if !ran.kanwil_without_rules.is_empty() {
        let names: Vec<String> = ran.kanwil_without_rules.iter().map(|k| format!("`{k}`")).collect();
        let text = sakip_core::Text::new("rollup-kanwil-without-rules")
            .arg("names", names.join(", "))
            .arg("n", names.len());
        writeln!(io.err, "{}", text.render(io.lang))?;
    }
    let (summary, failed_units, bad_rows) = (ran.summary, ran.failed, ran.bad_rows);
    let err_colour = colour.enabled(io.err_is_terminal);
    for (path, errors) in &failed_units {
        writeln!(
            io.err,
            "{}",
            render::error_text(io.lang, &Text::new("cli-unit-not-evaluated").arg("path", path))
        )?;
        write!(io.err, "{}", render::human(errors, err_colour, io.lang))?;
    }
    if summary.is_empty() {
        // Nothing to add up: no output, and no file replaced.
        match &args.kanwil {
            Some(k) => render::error_line(
                io,
                Text::new("cli-no-unit-kanwil").arg("kanwil", k).arg("year", args.year),
            )?,
            None => writeln!(
                io.err,
                "{}",
                render::error_text(io.lang, &Text::new("cli-no-unit").arg("year", args.year))
            )?,
        }
        return Ok(1);
    }
    write_summaries(&mut out, units, format, &summary, io.width.unwrap_or(120), io.lang)?;
    if let Sink::File(f) = out {
        f.commit()?;
    }
    if let Some(b) = budget {
        b.commit()?;
    }
    let units = summary.nasional().units;
    if summary.any_failed() || bad_rows > 0 {
        let text = sakip_core::Text::new(if bad_rows > 0 {
            "rollup-failed-rows"
        } else {
            "rollup-failed"
        })
        .arg("units", units)
        .arg("failed", summary.failures.len())
        .arg("rows", bad_rows);
        writeln!(io.err, "{}", text.render(io.lang))?;
        return Ok(1);
    }
    Ok(0)
}

/// A bar on stderr when it is a terminal: done/total, rate and time left,
/// in `lang`; nothing otherwise.
fn progress_bar(total: Option<u64>, is_terminal: bool, lang: sakip_core::Lang) -> Option<indicatif::ProgressBar> {
    if !is_terminal {
        return None;
    }
    let (counted, spinning) = progress_templates(lang);
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n).with_style(
            indicatif::ProgressStyle::with_template(&counted)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template(&spinning)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// The bar's templates in `lang`: with a known total (folders), and
/// without (the rows of a long table). The template's own braces stay
/// here; the catalogue's braces are Fluent's.
fn progress_templates(lang: sakip_core::Lang) -> (String, String) {
    let word = |id: &'static str| say(lang, id);
    (
        format!(
            "{{bar:40}} {{pos}}/{{len}} {}  {{msg}}  {} {{eta}}",
            word("rollup-progress-folders"),
            word("rollup-progress-left")
        ),
        format!("{{spinner}} {{pos}} {}  {{msg}}", word("rollup-progress-units")),
    )
}

/// `--merge`: the summaries rebuilt from the unit lines of jsonl parts.
fn merge(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    use std::io::BufRead;
    if matches!(args.format, Format::Csv) || args.budget_csv.is_some() {
        writeln!(
            io.err,
            "{}",
            render::error_text(io.lang, &Text::new("cli-merge-no-csv"))
        )?;
        return Ok(2);
    }
    let mut out = match &args.output {
        Some(path) => Sink::File(AtomicFile::create(path)?),
        None => Sink::Stdout(&mut *io.out),
    };
    let mut units = Units::open(&mut out, args.format, args.year)?;
    let mut summary = Rollup::new(args.year, args.format.shows_ranking());
    let mut bad = 0u64;
    for path in &args.merge {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                writeln!(
                    io.err,
                    "{}",
                    render::error_text(io.lang, &Text::new("cli-cannot-read").arg("path", path).arg("error", e))
                )?;
                writeln!(io.err, "{}", say(io.lang, "cli-run-incomplete"))?;
                return Ok(1);
            }
        };
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    writeln!(
                        io.err,
                        "{}",
                        render::error_text(io.lang, &Text::new("raw").arg("text", format!("{path}:{}: {e}", n + 1)))
                    )?;
                    writeln!(io.err, "{}", say(io.lang, "cli-run-incomplete"))?;
                    return Ok(1);
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let (record, basis) = match sakip_engine::merge::read_line(&line) {
                Ok(r) => r,
                Err(e) => {
                    bad += 1;
                    writeln!(
                        io.err,
                        "{}",
                        render::error_text(io.lang, &Text::new("raw").arg("text", format!("{path}:{}: {e}", n + 1)))
                    )?;
                    continue;
                }
            };
            if args.kanwil.as_deref().is_some_and(|k| k != record.kanwil_id) {
                continue;
            }
            summary.add_record(&record, Some(&basis));
            if matches!(args.format, Format::Json | Format::Jsonl) {
                units.unit(&mut out, &line)?;
            }
        }
    }
    summary.finish();
    write_summaries(&mut out, units, args.format, &summary, io.width.unwrap_or(120), io.lang)?;
    if let Sink::File(f) = out {
        f.commit()?;
    }
    Ok(u8::from(bad > 0 || summary.any_failed()))
}

/// What follows the units: the table, the end of the JSON document, or the
/// rollup report.
fn write_summaries(
    out: &mut dyn Write,
    units: Units,
    format: Format,
    summary: &Rollup,
    width: u16,
    lang: Lang,
) -> std::io::Result<()> {
    match (units, format) {
        (Units::Json(json), _) => json.close(out, summary),
        (_, Format::Table) => out.write_all(sakip_report::rekap::table(summary, width, lang).as_bytes()),
        (_, Format::Html) => out.write_all(sakip_report::rekap_html::render(summary, lang).as_bytes()),
        (_, Format::Xlsx) => {
            let bytes = sakip_report::rekap_xlsx::render(summary).map_err(std::io::Error::other)?;
            out.write_all(&bytes)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod progress_tests {
    use super::progress_templates;
    use sakip_core::Lang;

    #[test]
    fn the_progress_bar_speaks_the_chosen_language() {
        let (counted, spinning) = progress_templates(Lang::En);
        assert!(
            counted.contains("folders") && counted.contains("left {eta}"),
            "{counted}"
        );
        assert!(!counted.contains("sisa") && spinning.contains("units"), "{spinning}");
        let (counted, spinning) = progress_templates(Lang::Id);
        assert!(
            counted.contains("folder ") && counted.contains("sisa {eta}"),
            "{counted}"
        );
        assert!(spinning.contains("satker"), "{spinning}");
        for t in [counted, spinning] {
            assert!(indicatif::ProgressStyle::with_template(&t).is_ok(), "{t}");
        }
    }
}

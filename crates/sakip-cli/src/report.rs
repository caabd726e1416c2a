//! `sakip report <unit-dir> --year <Y> --format html|md|xlsx|pdf|docx -o <file>`:
//! chapter III as a document people read: the tables per tier with their
//! bands, the budget with its total, the classification legend, charts
//! (HTML, PDF), last year's figures and what needs attention. The file is
//! written atomically. A Word report is pasted into the LKjIP as it is, so
//! a year whose evaluation has errors (a figure that could not be
//! computed) writes none: the errors are said instead.

use crate::{files, render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder
    pub unit_dir: Utf8PathBuf,

    #[arg(long, short)]
    pub year: u16,

    #[arg(long, short, value_enum)]
    pub format: Format,

    /// Where to write the report
    #[arg(long, short)]
    pub output: Utf8PathBuf,

    /// Also write a receipt (JSON: the files used with their SHA-256, and
    /// the result's hash, which the report's footer carries); check it
    /// later with `sakip verify`
    #[arg(long)]
    pub receipt: Option<Utf8PathBuf>,

    /// The year in progress: the report up to the end of this period
    /// (realisasi to date, the period's target, the year-end projection)
    #[arg(long, value_enum)]
    pub until: Option<crate::until::Until>,

    /// The units below a Kanwil or national rule set: the path given is
    /// then that rule set, and the report is that level's own chapter III,
    /// its indikator computed from its units
    #[arg(long, num_args = 1..)]
    pub units: Vec<Utf8PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One self-contained page with charts, for screens and A4 paper
    Html,
    /// Markdown tables
    Md,
    /// An Excel workbook: one sheet per table, numbers as numbers
    Xlsx,
    /// A4 PDF, as an LKjIP is submitted: the HTML report's tables, charts
    /// and findings, fonts embedded
    Pdf,
    /// A Word document: Tabel 3.1-3.5 captioned as in the LKjIP, bands as
    /// fills, numbers the Indonesian way (refused for a year with errors)
    Docx,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let options = sakip_core::evaluate::Options {
        trace: false,
        until: args.until.map(crate::until::Until::periode),
    };
    let evaluated = sakip_engine::wilayah::evaluate_unit_or_level(&args.unit_dir, &args.units, args.year, options);
    let (unit, ev, unit_files) = match evaluated {
        Ok(v) => (v.unit, v.evaluation, v.unit_files),
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    let klasifikasi = &unit.rules.settings(args.year).klasifikasi.value;
    if args.format == Format::Docx && ev.has_errors() {
        let errors: Vec<&sakip_core::Diagnostic> = ev
            .diagnostics
            .iter()
            .filter(|d| d.severity == sakip_core::Severity::Error)
            .collect();
        render::problems_to_stderr(io, colour, errors.iter().map(|d| *d as &dyn sakip_core::Problem))?;
        render::error_line(
            io,
            sakip_core::Text::new("report-docx-errors")
                .arg("n", errors.len())
                .arg("year", args.year)
                .arg("path", &args.output),
        )?;
        return Ok(1);
    }
    let receipt = args
        .receipt
        .as_ref()
        .map(|_| sakip_engine::receipt::make(&args.unit_dir, &unit, &ev, &args.units, &unit_files));
    let hash = receipt.as_ref().map(|r| r.result_sha256.as_str());
    let bytes: Vec<u8> = match args.format {
        Format::Html => sakip_report::html::render_with_receipt(&ev, klasifikasi, io.lang, hash).into_bytes(),
        Format::Md => sakip_report::markdown::render_with_legend(&ev, Some(klasifikasi), io.lang).into_bytes(),
        Format::Xlsx => match sakip_report::xlsx::render_with_receipt(&ev, klasifikasi, io.lang, hash) {
            Ok(bytes) => bytes,
            Err(e) => {
                render::error_line(io, sakip_core::Text::new("cli-cannot-build-workbook").arg("error", e))?;
                return Ok(1);
            }
        },
        Format::Docx => match sakip_report::docx::render(&ev, klasifikasi, hash) {
            Ok(bytes) => bytes,
            Err(e) => {
                render::error_line(io, sakip_core::Text::new("cli-cannot-build-document").arg("error", e))?;
                return Ok(1);
            }
        },
        Format::Pdf => match sakip_report::pdf::render(&ev, klasifikasi, io.lang, hash) {
            Ok(bytes) => bytes,
            Err(e) => {
                render::error_line(io, sakip_core::Text::new("cli-cannot-typeset").arg("error", e))?;
                return Ok(1);
            }
        },
    };
    if let Err(e) = files::replace(&args.output, &bytes) {
        render::error_line(
            io,
            sakip_core::Text::new("cli-cannot-write")
                .arg("path", &args.output)
                .arg("error", e),
        )?;
        return Ok(1);
    }
    writeln!(
        io.out,
        "{}",
        sakip_core::Text::new("wrote").arg("path", &args.output).render(io.lang)
    )?;
    if let (Some(path), Some(receipt)) = (&args.receipt, &receipt) {
        if !crate::verify::write_receipt(io, path, receipt)? {
            return Ok(1);
        }
    }
    Ok(u8::from(ev.has_errors()))
}

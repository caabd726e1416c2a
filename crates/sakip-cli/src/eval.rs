//! `sakip eval <unit-dir> --year <Y>`: load the unit with the rule sets it
//! builds on, evaluate the year, and print it as a table, JSON, CSV or
//! Markdown. Exit 1 when the rules do not load or the evaluation has errors.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::evaluate::Options;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder (its `satker` rules and data)
    pub unit_dir: Utf8PathBuf,

    /// The year to evaluate
    #[arg(long, short)]
    pub year: u16,

    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Also write a receipt (JSON: the files used with their SHA-256, the
    /// result's hash and figures); check it later with `sakip verify`
    #[arg(long)]
    pub receipt: Option<Utf8PathBuf>,

    /// The year in progress: the realisasi to the end of this period,
    /// against its target, with a projection to the year's end
    #[arg(long, value_enum)]
    pub until: Option<crate::until::Until>,

    /// The units below a Kanwil or national rule set (folders searched for
    /// units): the path given is then that rule set, and its indikator
    /// computed from its units (`realisasi dari satker`) are evaluated
    #[arg(long, num_args = 1..)]
    pub units: Vec<Utf8PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables for a terminal
    Table,
    /// The JSON contract (numbers as strings)
    Json,
    /// One row per indicator
    Csv,
    /// Markdown tables
    Md,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let options = Options {
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
    match args.format {
        Format::Json => io
            .out
            .write_all(sakip_report::json::render(&ev, &unit.rules, &unit.scripts.names(ev.year)).as_bytes())?,
        Format::Csv => match sakip_report::csv::render(&ev) {
            Ok(text) => io.out.write_all(text.as_bytes())?,
            Err(e) => {
                render::error_line(io, sakip_core::Text::new("cli-cannot-write-csv").arg("error", e))?;
                return Ok(1);
            }
        },
        Format::Md => io
            .out
            .write_all(sakip_report::markdown::render(&ev, io.lang).as_bytes())?,
        Format::Table => {
            let opts = sakip_report::table::Options {
                colour: colour.enabled(io.out_is_terminal),
                width: io.width.unwrap_or(120),
                lang: io.lang,
            };
            io.out.write_all(sakip_report::table::render(&ev, opts).as_bytes())?;
        }
    }
    if let Some(path) = &args.receipt {
        // A result with errors is not one to vouch for: no receipt.
        if !ev.has_errors() {
            let receipt = sakip_engine::receipt::make(&args.unit_dir, &unit, &ev, &args.units, &unit_files);
            if !crate::verify::write_receipt(io, path, &receipt)? {
                return Ok(1);
            }
        }
    }
    Ok(u8::from(ev.has_errors()))
}

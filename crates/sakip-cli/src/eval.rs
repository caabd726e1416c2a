//! `sakip eval <unit-dir> --year <Y>`: load the unit with the rule sets it
//! builds on, evaluate the year, and print it as a table, JSON, CSV or
//! Markdown. Exit 1 when the rules do not load or the evaluation has errors.

use crate::{render, ColorChoice, Io};
use camino::{Utf8Path, Utf8PathBuf};
use clap::ValueEnum;
use sakip_core::data::UnitData;
use sakip_core::Evaluation;
use sakip_rules::{LoadedUnit, RuleError};

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

/// Loads and evaluates a unit's year: the library form of `sakip eval`.
pub fn evaluate_unit(dir: &Utf8Path, year: u16) -> Result<(LoadedUnit, Evaluation), Vec<RuleError>> {
    evaluate_unit_with(dir, year, sakip_core::evaluate::Options { trace: false })
}

/// [`evaluate_unit`] with explicit options (`explain` wants the trace).
pub fn evaluate_unit_with(
    dir: &Utf8Path,
    year: u16,
    options: sakip_core::evaluate::Options,
) -> Result<(LoadedUnit, Evaluation), Vec<RuleError>> {
    let unit = sakip_rules::load_unit(dir)?;
    let has_year = unit.data.contains_key(&year) || unit.rules.perjanjian(year).is_some();
    if !has_year {
        let mut years: Vec<u16> = unit.data.keys().copied().collect();
        years.extend(unit.rules.perjanjian.iter().map(|p| p.year));
        years.sort_unstable();
        years.dedup();
        let known = if years.is_empty() {
            "it has no `perjanjian` or `realisasi` block for any year".to_string()
        } else {
            format!(
                "it has {}",
                years.iter().map(u16::to_string).collect::<Vec<_>>().join(", ")
            )
        };
        return Err(vec![RuleError::path(
            dir.as_str(),
            "year",
            format!("the unit has no Perjanjian Kinerja or realisasi for {year}"),
        )
        .help(format!(
            "{known}; add `perjanjian {year} {{ ... }}` and `realisasi {year} {{ ... }}` blocks"
        ))]);
    }
    let empty = UnitData::new(year);
    let data = unit.data.get(&year).unwrap_or(&empty);
    // Last year, under last year's rules, for the comparison columns.
    let previous = year
        .checked_sub(1)
        .filter(|y| unit.data.contains_key(y) && unit.rules.perjanjian(*y).is_some())
        .map(|y| {
            let data = unit.data.get(&y).unwrap_or(&empty);
            let quiet = sakip_core::evaluate::Options { trace: false };
            sakip_core::evaluate::evaluate_with(&unit.rules, data, &unit.scripts.for_year(y), quiet)
        });
    // `eval` prints figures, not steps: no trace (`explain` is the command for steps).
    let mut ev = sakip_core::evaluate::evaluate_with(&unit.rules, data, &unit.scripts.for_year(year), options);
    sakip_core::banding::compare(&mut ev, previous.as_ref(), &unit.rules);
    Ok((unit, ev))
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let (unit, ev) = match evaluate_unit(&args.unit_dir, args.year) {
        Ok(v) => v,
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
                writeln!(io.err, "error: cannot write CSV: {e}")?;
                return Ok(1);
            }
        },
        Format::Md => io.out.write_all(sakip_report::markdown::render(&ev).as_bytes())?,
        Format::Table => {
            let opts = sakip_report::table::Options {
                colour: colour.enabled(io.out_is_terminal),
                width: io.width.unwrap_or(120),
            };
            io.out.write_all(sakip_report::table::render(&ev, opts).as_bytes())?;
        }
    }
    Ok(u8::from(ev.has_errors()))
}

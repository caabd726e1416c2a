//! `sakip provenance <unit-dir> --year <Y>`: what each level decided. Every
//! setting, target, formula and script function in force for the unit,
//! with the level that set it, where, and what it replaced; then what the
//! Kanwil and the unit change against the national rules. `--format json`
//! for tools.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::model::TingkatAturan;
use sakip_core::{Lang, Text};
use sakip_engine::provenance::{Decided, Provenance};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder
    pub unit: Utf8PathBuf,

    /// The year
    #[arg(long)]
    pub year: u16,

    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per decision, then the summary
    Table,
    /// A JSON object with every decision
    Json,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let p = match sakip_engine::provenance::of_unit(&args.unit, args.year) {
        Ok(p) => p,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    match args.format {
        Format::Table => write!(io.out, "{}", table(&p, io.lang))?,
        Format::Json => writeln!(io.out, "{}", serde_json::to_string_pretty(&p).unwrap_or_default())?,
    }
    Ok(0)
}

fn level(d: &Decided, lang: Lang) -> String {
    match d.level {
        Some(t) => t.keyword().to_string(),
        None => Text::new("prov-default").render(lang),
    }
}

fn place(d: &Decided) -> String {
    d.at.as_ref().map(|o| o.to_string()).unwrap_or_default()
}

/// One line per decision, aligned, and the summary.
fn table(p: &Provenance, lang: Lang) -> String {
    let rows: Vec<(String, String, String, String)> = p
        .decisions
        .iter()
        .map(|d| {
            (
                d.what.clone(),
                d.holds.value.clone(),
                level(&d.holds, lang),
                place(&d.holds),
            )
        })
        .collect();
    let w0 = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0).min(40);
    let w2 = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(0);
    let mut out = format!(
        "{}\n",
        Text::new("prov-title")
            .arg("unit", &p.unit)
            .arg("year", p.year)
            .render(lang)
    );
    for (d, (what, value, lvl, at)) in p.decisions.iter().zip(&rows) {
        out.push_str(&format!("  {what:<w0$}  {value:<w1$}  {lvl:<w2$}  {at}\n"));
        for old in d.replaced.iter().rev() {
            let replaced = Text::new("prov-replaces")
                .arg("level", level(old, lang))
                .arg("value", &old.value)
                .arg("at", place(old))
                .render(lang);
            out.push_str(&format!("  {:<w0$}  {replaced}\n", ""));
        }
    }
    for t in [TingkatAturan::Kanwil, TingkatAturan::Satker] {
        let changed: Vec<&str> = p.changed_by(t).iter().map(|d| d.what.as_str()).collect();
        let added = p.added_by(t).len();
        out.push_str(&format!(
            "{}\n",
            Text::new("prov-summary")
                .arg("level", t.keyword())
                .arg("changed", changed.len())
                .arg(
                    "list",
                    if changed.is_empty() {
                        "-".to_string()
                    } else {
                        changed.join(", ")
                    }
                )
                .arg("added", added)
                .render(lang)
        ));
    }
    out
}

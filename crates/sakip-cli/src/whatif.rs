//! `sakip whatif <unit-dir> --year <Y> [<indikator>] [--set id=value]...`:
//! what realisasi reaches a capaian of 100 and each higher band; with
//! `--set`, the year evaluated again with changed realisasi or targets
//! (nothing written), the changed figures beside the current ones.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::pembulatan::plain;
use sakip_core::{Lang, Text};
use sakip_engine::whatif::{Answer, Set, Thresholds};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder
    pub unit: Utf8PathBuf,

    /// The year
    #[arg(long)]
    pub year: u16,

    /// Only this indicator
    pub indikator: Option<String>,

    /// Evaluate with a changed figure instead: `id=value` (the realisasi)
    /// or `id.target=value`; repeatable; nothing is written
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub sets: Vec<String>,

    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Lines to read
    Table,
    /// A JSON object
    Json,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    if !args.sets.is_empty() {
        return run_sets(args, colour, io);
    }
    let list = match sakip_engine::whatif::thresholds(&args.unit, args.year, args.indikator.as_deref()) {
        Ok(l) => l,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    match args.format {
        Format::Table => {
            for t in &list {
                write!(io.out, "{}", table(t, io.lang))?;
            }
        }
        Format::Json => {
            let json: Vec<serde_json::Value> = list.iter().map(json).collect();
            let out = serde_json::json!({ "unit": args.unit.as_str(), "year": args.year, "indicators": json });
            writeln!(io.out, "{}", serde_json::to_string_pretty(&out).unwrap_or_default())?;
        }
    }
    Ok(0)
}

fn answer(t: &Thresholds, a: &Answer, lang: Lang) -> String {
    match a {
        Answer::Needs(r) if t.rising => Text::new("whatif-needs-at-least").arg("realisasi", t.shown(*r)),
        Answer::Needs(r) => Text::new("whatif-needs-at-most").arg("realisasi", t.shown(*r)),
        Answer::Always => Text::new("whatif-always"),
        Answer::Unreachable => Text::new("whatif-unreachable"),
        Answer::NotMonotone => Text::new("whatif-not-monotone"),
    }
    .render(lang)
}

fn table(t: &Thresholds, lang: Lang) -> String {
    // Not measured this year: n/a, as every report prints it.
    let shown = |v: Option<sakip_core::Decimal>| v.map(|v| t.shown(v)).unwrap_or_else(|| "-".into());
    let measured = |v| {
        if t.tidak_diukur {
            "n/a".to_string()
        } else {
            render::figure(v)
        }
    };
    let mut out = format!(
        "{}  {}\n  {}\n",
        t.id,
        t.name,
        Text::new("whatif-now")
            .arg("target", shown(t.target))
            .arg(
                "realisasi",
                if t.tidak_diukur {
                    measured(None)
                } else {
                    shown(t.realisasi)
                },
            )
            .arg("capaian", measured(t.capaian))
            .arg("band", t.band.clone().unwrap_or_else(|| "-".into()))
            .render(lang)
    );
    let width = t.goals.iter().map(|g| g.label.chars().count()).max().unwrap_or(0);
    for g in &t.goals {
        out.push_str(&format!(
            "    {:<width$}  {:>7}  {}\n",
            g.label,
            plain(g.capaian),
            answer(t, &g.answer, lang)
        ));
    }
    out
}

fn json(t: &Thresholds) -> serde_json::Value {
    let goals: Vec<serde_json::Value> = t
        .goals
        .iter()
        .map(|g| {
            let (kind, realisasi) = match &g.answer {
                Answer::Needs(r) => ("needs", Some(t.shown(*r))),
                Answer::Always => ("always", None),
                Answer::Unreachable => ("unreachable", None),
                Answer::NotMonotone => ("not-monotone", None),
            };
            serde_json::json!({ "goal": g.label, "band": g.band, "capaian": plain(g.capaian), "answer": kind, "realisasi": realisasi })
        })
        .collect();
    serde_json::json!({
        "id": t.id, "target": t.target.map(|v| t.shown(v)), "realisasi": t.realisasi.map(|v| t.shown(v)),
        "capaian": t.capaian.map(plain), "band": t.band, "higher_is_better": t.rising, "goals": goals,
    })
}

fn run_sets(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let mut sets = Vec::new();
    for s in &args.sets {
        match Set::parse(s) {
            Ok(set) => sets.push(set),
            Err(text) => {
                render::error_line(io, text)?;
                return Ok(1);
            }
        }
    }
    let (before, after) = match sakip_engine::whatif::with_sets(&args.unit, args.year, &sets) {
        Ok(v) => v,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    let mut rows = Vec::new();
    for a in &after.indicators {
        let Some(b) = before.indicator(&a.id) else { continue };
        let band = |r: &sakip_core::evaluate::IndicatorResult| r.band.as_ref().map(|x| x.label.clone());
        if a.capaian != b.capaian || a.realisasi != b.realisasi || a.target != b.target || band(a) != band(b) {
            rows.push((a.id.clone(), b, a, band(b), band(a)));
        }
    }
    let nilai = |e: &sakip_core::evaluate::Evaluation| e.nilai.as_ref().map(|n| n.value);
    // A target or realisasi as written: a scale's value (`WDP`), else the number.
    let shown = |r: &sakip_core::evaluate::IndicatorResult, v: Option<sakip_core::Decimal>| match v {
        Some(v) if r.skala.is_some() => r.shown(v),
        _ => render::figure(v),
    };
    match args.format {
        Format::Table => {
            for (id, b, a, bb, ab) in &rows {
                let line = Text::new("whatif-changed")
                    .arg("id", id)
                    .arg("target", format!("{} -> {}", shown(b, b.target), shown(a, a.target)))
                    .arg(
                        "realisasi",
                        format!("{} -> {}", shown(b, b.realisasi), shown(a, a.realisasi)),
                    )
                    .arg(
                        "capaian",
                        format!("{} -> {}", render::figure(b.capaian), render::figure(a.capaian)),
                    )
                    .arg(
                        "band",
                        format!(
                            "{} -> {}",
                            bb.clone().unwrap_or_else(|| "-".into()),
                            ab.clone().unwrap_or_else(|| "-".into())
                        ),
                    )
                    .render(io.lang);
                writeln!(io.out, "{line}")?;
            }
            if nilai(&before) != nilai(&after) {
                let line = Text::new("whatif-nilai")
                    .arg("before", render::figure(nilai(&before)))
                    .arg("after", render::figure(nilai(&after)))
                    .render(io.lang);
                writeln!(io.out, "{line}")?;
            }
            if rows.is_empty() {
                writeln!(io.out, "{}", Text::new("whatif-nothing").render(io.lang))?;
            }
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|(id, b, a, bb, ab)| {
                    serde_json::json!({
                        "id": id,
                        "target": [b.target.map(|v| b.shown(v)), a.target.map(|v| a.shown(v))],
                        "realisasi": [b.realisasi.map(|v| b.shown(v)), a.realisasi.map(|v| a.shown(v))],
                        "capaian": [b.capaian.map(plain), a.capaian.map(plain)],
                        "band": [bb, ab],
                    })
                })
                .collect();
            let out = serde_json::json!({
                "unit": args.unit.as_str(), "year": args.year, "changed": list,
                "nilai": [nilai(&before).map(plain), nilai(&after).map(plain)],
            });
            writeln!(io.out, "{}", serde_json::to_string_pretty(&out).unwrap_or_default())?;
        }
    }
    Ok(0)
}

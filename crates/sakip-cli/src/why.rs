//! `sakip why <unit-dir> --from <Y1> --to <Y2> [<indikator>]`: the change of
//! each indicator's capaian and of the unit's nilai, split into target,
//! realisasi, formula, cap and rounding, parts that add up exactly; the
//! rule behind each rule-side part in each year; indicators added or
//! dropped.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::pembulatan::plain;
use sakip_core::{Decimal, Lang, Text};
use sakip_engine::why::{Change, Why};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder
    pub unit: Utf8PathBuf,

    /// The earlier year
    #[arg(long)]
    pub from: u16,

    /// The later year
    #[arg(long)]
    pub to: u16,

    /// Only this indicator
    pub indikator: Option<String>,

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
    let why = match sakip_engine::why::between(&args.unit, args.from, args.to, args.indikator.as_deref()) {
        Ok(w) => w,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    match args.format {
        Format::Table => write!(io.out, "{}", table(&why, io.lang))?,
        Format::Json => writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&json(&why)).unwrap_or_default()
        )?,
    }
    Ok(0)
}

fn signed(d: Option<Decimal>) -> String {
    match d {
        Some(v) if v > Decimal::ZERO => format!("+{}", plain(v)),
        Some(v) => plain(v),
        None => "-".into(),
    }
}

fn change(c: &Change, lang: Lang, out: &mut String) {
    let total = c.from.zip(c.to).map(|(a, b)| b - a);
    let head = if c.name.is_empty() {
        Text::new("why-nilai").render(lang)
    } else {
        format!("{}  {}", c.id, c.name)
    };
    out.push_str(&format!(
        "{head}: {} -> {} ({})\n",
        render::figure(c.from),
        render::figure(c.to),
        signed(total)
    ));
    for p in &c.parts {
        let rule = p
            .rule
            .as_ref()
            .map(|(a, b)| {
                let at = |o: &Option<sakip_core::model::Origin>| {
                    o.as_ref().map(|o| o.to_string()).unwrap_or_else(|| "-".into())
                };
                format!("  ({} -> {})", at(a), at(b))
            })
            .unwrap_or_default();
        out.push_str(&format!("  {:<10} {:>9}{rule}\n", p.factor, signed(p.part)));
    }
    if c.bands.0 != c.bands.1 || c.bands.1 != c.bands.2 {
        let band = |b: &Option<String>| b.clone().unwrap_or_else(|| "-".into());
        out.push_str(&format!(
            "  {}\n",
            Text::new("why-band")
                .arg("from", band(&c.bands.0))
                .arg("to", band(&c.bands.1))
                .arg("old-table", band(&c.bands.2))
                .render(lang)
        ));
    }
}

fn table(w: &Why, lang: Lang) -> String {
    let mut out = format!(
        "{}\n",
        Text::new("why-title").arg("from", w.from).arg("to", w.to).render(lang)
    );
    for c in w.indicators.iter().chain(w.nilai.iter()) {
        change(c, lang, &mut out);
    }
    if !w.added.is_empty() {
        out.push_str(&format!(
            "{}\n",
            Text::new("why-added").arg("ids", w.added.join(", ")).render(lang)
        ));
    }
    if !w.dropped.is_empty() {
        out.push_str(&format!(
            "{}\n",
            Text::new("why-dropped").arg("ids", w.dropped.join(", ")).render(lang)
        ));
    }
    out
}

fn json_change(c: &Change) -> serde_json::Value {
    let parts: Vec<serde_json::Value> = c
        .parts
        .iter()
        .map(|p| {
            serde_json::json!({
                "factor": p.factor, "part": p.part.map(plain), "after": p.after.map(plain),
                "rule": p.rule.as_ref().map(|(a, b)| serde_json::json!({"from": a.as_ref().map(|o| o.to_string()), "to": b.as_ref().map(|o| o.to_string())})),
            })
        })
        .collect();
    serde_json::json!({
        "id": c.id, "from": c.from.map(plain), "to": c.to.map(plain), "parts": parts,
        "band": {"from": c.bands.0, "to": c.bands.1, "to_under_old_table": c.bands.2},
    })
}

fn json(w: &Why) -> serde_json::Value {
    serde_json::json!({
        "from": w.from, "to": w.to,
        "order": sakip_engine::why::FACTORS,
        "indicators": w.indicators.iter().map(json_change).collect::<Vec<_>>(),
        "nilai": w.nilai.as_ref().map(json_change),
        "added": w.added, "dropped": w.dropped,
    })
}

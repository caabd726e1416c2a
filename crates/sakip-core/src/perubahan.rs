//! What changed in the rules between two years: the list staff read before
//! they sign next year's agreement (`sakip diff`).
//!
//! Everything is compared as it is in force in each year: targets (the
//! unit's agreement first), which indicators are measured, the formulas,
//! the rounding, the cap and the classification. Nothing else is listed, so
//! one changed target is one line.

use crate::klasifikasi::Band;
use crate::model::{Indikator, RuleSet};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Perubahan {
    /// A measured indicator's target differs (or is missing in one year).
    Target {
        id: String,
        from: Option<String>,
        to: Option<String>,
    },
    /// Measured in the later year, not in the earlier.
    Added { id: String, name: String },
    /// Measured in the earlier year, not in the later.
    Removed { id: String, name: String },
    /// A `rumus realisasi` or `rumus capaian` in force differs.
    Rumus {
        id: String,
        objek: &'static str,
        from: Option<String>,
        to: Option<String>,
    },
    /// A setting (`pembulatan capaian`, `pembulatan anggaran`, `konversi efisiensi`).
    Setting {
        what: &'static str,
        from: String,
        to: String,
    },
    /// A band of the klasifikasi added, removed or changed.
    Band {
        id: String,
        from: Option<String>,
        to: Option<String>,
    },
}

impl Perubahan {
    /// A stable name for the kind of change (`target`, `added`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Perubahan::Target { .. } => "target",
            Perubahan::Added { .. } => "added",
            Perubahan::Removed { .. } => "removed",
            Perubahan::Rumus { .. } => "rumus",
            Perubahan::Setting { .. } => "setting",
            Perubahan::Band { .. } => "klasifikasi",
        }
    }
}

fn or_none(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("(none)")
}

impl fmt::Display for Perubahan {
    /// One line, as `sakip diff` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Perubahan::Target { id, from, to } => write!(f, "target       {id}: {} -> {}", or_none(from), or_none(to)),
            Perubahan::Added { id, name } => write!(f, "added        {id} \"{name}\""),
            Perubahan::Removed { id, name } => write!(f, "removed      {id} \"{name}\""),
            Perubahan::Rumus { id, objek, from, to } => {
                write!(f, "rumus        {id} ({objek}): {} -> {}", or_none(from), or_none(to))
            }
            Perubahan::Setting { what, from, to } => write!(f, "setting      {what}: {from} -> {to}"),
            Perubahan::Band { id, from, to } => write!(f, "klasifikasi  {id}: {} -> {}", or_none(from), or_none(to)),
        }
    }
}

/// The indicators measured in `year`: the unit's agreement when it has one
/// for that year, otherwise every indicator with a target for the year.
fn measured(rules: &RuleSet, year: u16) -> Vec<&Indikator> {
    match rules.perjanjian(year) {
        Some(pk) => pk.indikator.iter().filter_map(|id| rules.indikator(id)).collect(),
        None => rules
            .indikator
            .iter()
            .filter(|i| i.target_in_force(year).is_some())
            .collect(),
    }
}

fn band_text(b: &Band) -> String {
    format!("{} \"{}\" {}", b.range_text(), b.label, b.colour)
}

/// Every change in what is in force from `from` to `to`, in a stable order:
/// settings, classification, then indicators in the later year's order.
pub fn diff(rules: &RuleSet, from: u16, to: u16) -> Vec<Perubahan> {
    let mut out = Vec::new();
    let (a, b) = (rules.settings(from), rules.settings(to));
    let mut setting = |what: &'static str, x: String, y: String| {
        if x != y {
            out.push(Perubahan::Setting { what, from: x, to: y });
        }
    };
    setting(
        "pembulatan capaian",
        a.pembulatan_capaian.value.to_string(),
        b.pembulatan_capaian.value.to_string(),
    );
    setting(
        "pembulatan anggaran",
        a.pembulatan_anggaran.value.to_string(),
        b.pembulatan_anggaran.value.to_string(),
    );
    // The score follows the capaian's rounding unless a rule says otherwise:
    // a change is listed only where `pembulatan nilai` is written.
    if a.pembulatan_nilai.value.is_some() || b.pembulatan_nilai.value.is_some() {
        setting(
            "pembulatan nilai",
            a.nilai_rounding().to_string(),
            b.nilai_rounding().to_string(),
        );
    }
    let cap = |c: Option<(rust_decimal::Decimal, _)>| c.map(|(v, _)| v.to_string()).unwrap_or_else(|| "(none)".into());
    setting(
        "konversi efisiensi",
        cap(a.konversi_efisiensi),
        cap(b.konversi_efisiensi),
    );

    let (old_bands, new_bands) = (&a.klasifikasi.value.bands, &b.klasifikasi.value.bands);
    for nb in new_bands {
        let ob = old_bands.iter().find(|o| o.id == nb.id);
        let (x, y) = (ob.map(band_text), Some(band_text(nb)));
        if x != y {
            out.push(Perubahan::Band {
                id: nb.id.clone(),
                from: x,
                to: y,
            });
        }
    }
    for ob in old_bands.iter().filter(|o| !new_bands.iter().any(|n| n.id == o.id)) {
        out.push(Perubahan::Band {
            id: ob.id.clone(),
            from: Some(band_text(ob)),
            to: None,
        });
    }

    let (before, after) = (measured(rules, from), measured(rules, to));
    for ind in &after {
        if !before.iter().any(|i| i.id == ind.id) {
            out.push(Perubahan::Added {
                id: ind.id.clone(),
                name: ind.name.clone(),
            });
            continue;
        }
        let target = |y: u16| ind.target_in_force(y).map(|t| t.value.to_string());
        let (x, y) = (target(from), target(to));
        if x != y {
            out.push(Perubahan::Target {
                id: ind.id.clone(),
                from: x,
                to: y,
            });
        }
        for (objek, list) in [("realisasi", &ind.rumus_realisasi), ("capaian", &ind.rumus_capaian)] {
            // With no rumus, say what applies instead: the data, or the polarity's default.
            let default = if objek == "realisasi" {
                format!(
                    "(the data, {})",
                    ind.agregasi.map(|a| a.keyword()).unwrap_or("one value a year")
                )
            } else {
                format!("(polaritas {})", ind.polaritas)
            };
            let in_force = |year: u16| {
                Some(
                    list.iter()
                        .filter(|r| r.from_year.is_none_or(|f| f <= year))
                        .max_by_key(|r| r.from_year.unwrap_or(0))
                        .map(|r| r.expr.to_string())
                        .unwrap_or_else(|| default.clone()),
                )
            };
            let (x, y) = (in_force(from), in_force(to));
            if x != y {
                out.push(Perubahan::Rumus {
                    id: ind.id.clone(),
                    objek,
                    from: x,
                    to: y,
                });
            }
        }
    }
    for ind in &before {
        if !after.iter().any(|i| i.id == ind.id) {
            out.push(Perubahan::Removed {
                id: ind.id.clone(),
                name: ind.name.clone(),
            });
        }
    }
    out
}

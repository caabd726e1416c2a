//! What each level decided (`sakip provenance`): for every setting, target,
//! formula and script function in force for a unit in a year, the level
//! that set it (national, Kanwil, unit), where (`file:line`), and what it
//! replaced. A Kanwil evaluator asks "what did the Kanwil change from the
//! national rules?", an inspector "who decided this target?".
//!
//! Settings are compared across the chain's prefixes: the national rules
//! alone, then with the Kanwil's, then the unit's whole chain; a setting
//! whose origin changes from one prefix to the next was replaced there.
//! Targets keep their level in the model; scripts their level in the
//! script set.

use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::model::{Origin, RuleSet, TingkatAturan};
use sakip_rules::{LoadedUnit, RuleError};
use serde::Serialize;

/// What kind of decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Setting,
    Target,
    Rumus,
    Fungsi,
}

/// One value and who decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decided {
    /// `None`: sakip's default, no rule set wrote it.
    pub level: Option<TingkatAturan>,
    pub value: String,
    pub at: Option<Origin>,
}

/// One thing in force, the decision that holds, and those it replaced
/// (most general first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub kind: Kind,
    /// `pembulatan capaian`, `target iku_kamtib`, `rumus capaian ikw_pelarian`, `fn capaian`.
    pub what: String,
    pub holds: Decided,
    pub replaced: Vec<Decided>,
}

/// A unit's year: the chain and every decision in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub unit: String,
    pub year: u16,
    pub decisions: Vec<Decision>,
}

impl Provenance {
    /// What `level` changed against the levels above it: the decisions it
    /// holds that replaced another.
    pub fn changed_by(&self, level: TingkatAturan) -> Vec<&Decision> {
        self.decisions
            .iter()
            .filter(|d| d.holds.level == Some(level) && !d.replaced.is_empty())
            .collect()
    }

    /// What `level` holds that no level above it wrote.
    pub fn added_by(&self, level: TingkatAturan) -> Vec<&Decision> {
        self.decisions
            .iter()
            .filter(|d| d.holds.level == Some(level) && d.replaced.is_empty())
            .collect()
    }
}

/// The decisions in force for the unit in `dir` in `year`.
pub fn of_unit(dir: &Utf8Path, year: u16) -> Result<Provenance, Vec<RuleError>> {
    // One cache for the unit and its prefixes: the files above the unit
    // are read and parsed once, not once per prefix.
    let shared = sakip_rules::Shared::default();
    let unit = sakip_rules::load_unit_with(dir, &shared)?;
    let has_year = unit.data.contains_key(&year) || unit.rules.perjanjian(year).is_some();
    if !has_year {
        return Err(vec![crate::unit::no_such_year(&unit, dir, year)]);
    }
    // The chain's prefixes: each rule set above the unit, loaded with
    // those above it.
    let mut above: Vec<RuleSet> = Vec::new();
    for info in unit.rules.chain.iter().take(unit.rules.chain.len().saturating_sub(1)) {
        let Some(origin) = &info.origin else { continue };
        above.push(sakip_rules::load_rule_set_with(Utf8Path::new(&origin.file), &shared)?.rules);
    }
    let prefixes: Vec<&RuleSet> = above.iter().chain(std::iter::once(&unit.rules)).collect();
    let mut decisions = settings(&prefixes, year);
    decisions.extend(targets_and_formulas(&unit, year));
    decisions.extend(functions(&unit, year));
    Ok(Provenance {
        unit: unit.rules.chain.last().map(|c| c.name.clone()).unwrap_or_default(),
        year,
        decisions,
    })
}

/// The level of the rule set whose folder holds `origin`'s file.
fn level_of(rules: &RuleSet, origin: Option<&Origin>) -> Option<TingkatAturan> {
    let file = Utf8Path::new(&origin?.file);
    rules
        .chain
        .iter()
        .find(|info| {
            info.origin
                .as_ref()
                .is_some_and(|o| Utf8Path::new(&o.file).parent() == file.parent())
        })
        .map(|info| info.tingkat)
}

/// Each setting's value at each prefix of the chain: where its origin
/// changes, a level replaced it.
fn settings(prefixes: &[&RuleSet], year: u16) -> Vec<Decision> {
    type Read = fn(&RuleSet, u16) -> (String, Option<Origin>);
    let kinds: [(&str, Read); 5] = [
        ("pembulatan capaian", |r, y| {
            let s = r.pembulatan_capaian.at(y);
            (s.value.to_string(), s.origin.clone())
        }),
        ("pembulatan anggaran", |r, y| {
            let s = r.pembulatan_anggaran.at(y);
            (s.value.to_string(), s.origin.clone())
        }),
        ("pembulatan nilai", |r, y| {
            let s = r.settings(y);
            (s.nilai_rounding().to_string(), s.pembulatan_nilai.origin.clone())
        }),
        ("konversi efisiensi", |r, y| {
            let s = r.konversi_efisiensi.at(y);
            (
                s.value.map(|c| c.to_string()).unwrap_or_else(|| "-".into()),
                s.origin.clone(),
            )
        }),
        ("klasifikasi", |r, y| {
            let s = r.klasifikasi.at(y);
            let bands: Vec<String> = s
                .value
                .bands
                .iter()
                .map(|b| format!("{} {}", b.range_text(), b.id))
                .collect();
            (bands.join(", "), s.origin.clone())
        }),
    ];
    let Some(full) = prefixes.last() else {
        return Vec::new();
    };
    kinds
        .iter()
        // The score's rounding is a decision only where a rule writes it;
        // otherwise it follows the capaian's.
        .filter(|(what, read)| *what != "pembulatan nilai" || read(full, year).1.is_some())
        .map(|(what, read)| {
            let mut seen: Vec<Decided> = Vec::new();
            for rules in prefixes {
                let (value, at) = read(rules, year);
                let level = level_of(full, at.as_ref());
                let same = seen.last().is_some_and(|d| d.at == at && d.value == value);
                if !same {
                    seen.push(Decided { level, value, at });
                }
            }
            let holds = seen.pop().unwrap_or(Decided {
                level: None,
                value: String::new(),
                at: None,
            });
            Decision {
                kind: Kind::Setting,
                what: (*what).to_string(),
                holds,
                replaced: seen,
            }
        })
        .collect()
}

/// The indikator the year measures: its agreement's, in its order.
fn measured(unit: &LoadedUnit, year: u16) -> Vec<&sakip_core::model::Indikator> {
    match unit.rules.perjanjian(year) {
        Some(pk) => pk.indikator.iter().filter_map(|id| unit.rules.indikator(id)).collect(),
        None => unit
            .rules
            .indikator
            .iter()
            .filter(|i| i.target_in_force(year).is_some())
            .collect(),
    }
}

/// Each target in force (the levels that set one, most general first), and
/// each formula in force with the version it replaced.
fn targets_and_formulas(unit: &LoadedUnit, year: u16) -> Vec<Decision> {
    let mut out = Vec::new();
    for ind in measured(unit, year) {
        let mut targets: Vec<&sakip_core::model::Target> = ind.targets.iter().filter(|t| t.year == year).collect();
        targets.sort_by_key(|t| t.tingkat);
        let mut decided: Vec<Decided> = targets
            .iter()
            .map(|t| Decided {
                level: Some(t.tingkat),
                value: t.value.to_string(),
                at: t.origin.clone(),
            })
            .collect();
        if let Some(holds) = decided.pop() {
            out.push(Decision {
                kind: Kind::Target,
                what: format!("target {}", ind.id),
                holds,
                replaced: decided,
            });
        }
        for (object, list) in [("realisasi", &ind.rumus_realisasi), ("capaian", &ind.rumus_capaian)] {
            let mut in_force: Vec<&sakip_core::model::Rumus> =
                list.iter().filter(|r| r.from_year.is_none_or(|y| y <= year)).collect();
            in_force.sort_by_key(|r| r.from_year.unwrap_or(0));
            let mut decided: Vec<Decided> = in_force
                .iter()
                .map(|r| Decided {
                    level: level_of(&unit.rules, r.origin.as_ref()),
                    value: r.expr.to_string(),
                    at: r.origin.clone(),
                })
                .collect();
            if let Some(holds) = decided.pop() {
                // Only the version it replaced, not every older one.
                let replaced = decided.pop().into_iter().collect();
                out.push(Decision {
                    kind: Kind::Rumus,
                    what: format!("rumus {object} {}", ind.id),
                    holds,
                    replaced,
                });
            }
        }
    }
    out
}

/// Each script function in force: the script that defines it at the most
/// specific level, and those it overrides.
fn functions(unit: &LoadedUnit, year: u16) -> Vec<Decision> {
    let scripts = unit.scripts.in_force(year);
    let mut names: Vec<(&str, usize)> = scripts.iter().flat_map(|s| s.functions.iter().copied()).collect();
    names.sort_unstable();
    names.dedup();
    let level = |l: u8| match l {
        0 => TingkatAturan::Nasional,
        1 => TingkatAturan::Kanwil,
        _ => TingkatAturan::Satker,
    };
    names
        .into_iter()
        .map(|(name, arity)| {
            let mut defining: Vec<(usize, &sakip_script::scripts::ScriptInForce<'_>)> = scripts
                .iter()
                .enumerate()
                .filter(|(_, s)| s.functions.contains(&(name, arity)))
                .collect();
            defining.sort_by_key(|(i, s)| (s.level, s.from_year.unwrap_or(0), *i));
            let mut decided: Vec<Decided> = defining
                .iter()
                .map(|(_, s)| Decided {
                    level: Some(level(s.level)),
                    value: format!("fn {name}/{arity}"),
                    at: Some(function_origin(s.name, name)),
                })
                .collect();
            let holds = decided.pop().unwrap_or(Decided {
                level: None,
                value: String::new(),
                at: None,
            });
            Decision {
                kind: Kind::Fungsi,
                what: format!("fn {name}"),
                holds,
                replaced: decided,
            }
        })
        .collect()
}

/// Where `script` defines `function`: its `fn` line (the whole file when
/// it cannot be read now).
fn function_origin(script: &str, function: &str) -> Origin {
    let text = std::fs::read_to_string(Utf8PathBuf::from(script)).unwrap_or_default();
    let line = sakip_rules::script_index::functions(&text)
        .into_iter()
        .find(|(n, _, _)| *n == function)
        .map(|(_, at, _)| sakip_rules::lines::LineIndex::new(&text).line_col(&text, at).0);
    match line {
        Some(l) => Origin::new(script, l, 1),
        None => Origin::file(script),
    }
}

//! "Why did our score change: our work, or the rules?" (`sakip why`).
//!
//! The change of each indicator's capaian (and of the unit's nilai) from
//! one year to another is split into parts by evaluating counterfactuals,
//! one factor switched from the first year's to the second's at a time, in
//! this fixed order:
//!
//! 1. target: the first year, against the second year's target;
//! 2. realisasi: ... and with the second year's realisasi (as that year
//!    computes it: its data, its aggregation, its `rumus realisasi`);
//! 3. formula: the second year's rules for how the capaian is computed
//!    (`rumus capaian`, script hooks, and the figures other indicators give
//!    a formula), still with the first year's cap and rounding;
//! 4. cap: the second year's `konversi efisiensi`;
//! 5. rounding: the second year's `pembulatan capaian` (and `nilai`): this
//!    last state is the second year as it is.
//!
//! Each part is the difference between two consecutive states, so the parts
//! add up to the change exactly. The band table changes no capaian; its
//! effect is stated apart: the band the second year's capaian would get
//! under the first year's table. Each rule-side part names the rule's
//! `file:line` in each year.

use camino::Utf8Path;
use rust_decimal::Decimal;
use sakip_core::data::UnitData;
use sakip_core::evaluate::{evaluate_changed, Changes, Evaluation, Options};
use sakip_core::model::{Origin, RuleSet, Ruled};
use sakip_core::{Code, Text};
use sakip_rules::{LoadedUnit, RuleError};

/// The factors, in the order they are switched.
pub const FACTORS: [&str; 5] = ["target", "realisasi", "formula", "cap", "rounding"];

/// One factor's part of a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub factor: &'static str,
    /// The capaian (or nilai) after switching this factor, and its part:
    /// the difference from the state before. `None` where a state has no
    /// figure (no target, no realisasi, a failed formula).
    pub after: Option<Decimal>,
    pub part: Option<Decimal>,
    /// For a rule-side factor, the rule in each year (`file:line`), when it
    /// differs from one year to the other.
    pub rule: Option<(Option<Origin>, Option<Origin>)>,
}

/// One indicator's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub name: String,
    pub from: Option<Decimal>,
    pub to: Option<Decimal>,
    pub parts: Vec<Part>,
    /// The band in each year, and the band the second year's capaian would
    /// get under the first year's table.
    pub bands: (Option<String>, Option<String>, Option<String>),
}

/// The whole answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    pub from: u16,
    pub to: u16,
    pub indicators: Vec<Change>,
    /// The unit's nilai, split the same way, when a script computes one.
    pub nilai: Option<Change>,
    /// Measured in the second year only, or in the first only.
    pub added: Vec<String>,
    pub dropped: Vec<String>,
}

fn no_year(unit: &LoadedUnit, dir: &Utf8Path, year: u16) -> Option<RuleError> {
    (!unit.data.contains_key(&year) || unit.rules.perjanjian(year).is_none())
        .then(|| crate::unit::no_such_year(unit, dir, year))
}

/// The rules with the second year's cap and rounding replaced by the first
/// year's (`cap`, `rounding`: whether to keep the second year's).
fn rules_for(rules: &RuleSet, from: u16, to: u16, cap: bool, rounding: bool) -> RuleSet {
    let mut r = rules.clone();
    if !cap {
        let old = rules.konversi_efisiensi.at(from).clone();
        r.konversi_efisiensi.set(Some(to), old);
    }
    if !rounding {
        let old = rules.pembulatan_capaian.at(from).clone();
        r.pembulatan_capaian.set(Some(to), old);
        let old_nilai: Ruled<_> = rules.pembulatan_nilai.at(from).clone();
        r.pembulatan_nilai.set(Some(to), old_nilai);
    }
    r
}

/// Splits the change of every indicator measured in both years (or of
/// `only`) from year `from` to year `to`.
pub fn between(dir: &Utf8Path, from: u16, to: u16, only: Option<&str>) -> Result<Why, Vec<RuleError>> {
    let unit = sakip_rules::load_unit(dir)?;
    let errors: Vec<RuleError> = [from, to].iter().filter_map(|y| no_year(&unit, dir, *y)).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let empty_a = UnitData::new(from);
    let empty_b = UnitData::new(to);
    let data_a = unit.data.get(&from).unwrap_or(&empty_a);
    let data_b = unit.data.get(&to).unwrap_or(&empty_b);
    let (host_a, host_b) = (unit.scripts.for_year(from), unit.scripts.for_year(to));
    let quiet = Options {
        trace: false,
        until: None,
    };
    let eval = |rules: &RuleSet, data: &UnitData, host: &dyn sakip_core::host::ScriptHost, changes: &Changes| {
        evaluate_changed(rules, data, host, quiet, changes)
    };
    let first = eval(&unit.rules, data_a, &host_a, &Changes::default());
    let second = eval(&unit.rules, data_b, &host_b, &Changes::default());
    let ids_a: Vec<&str> = first.indicators.iter().map(|i| i.id.as_str()).collect();
    let ids_b: Vec<&str> = second.indicators.iter().map(|i| i.id.as_str()).collect();
    if let Some(id) = only {
        if !ids_a.contains(&id) || !ids_b.contains(&id) {
            let ids = unit.rules.indikator.iter().map(|i| i.id.as_str());
            let hint = sakip_rules::error::did_you_mean(id, ids)
                .map(|s| Text::new("did-you-mean").arg("word", s))
                .unwrap_or_else(|| Text::new("nothing"));
            return Err(vec![RuleError::path_says(
                dir.as_str(),
                Code::UnknownIndicator,
                Text::new("why-unknown").arg("id", id).arg("from", from).arg("to", to),
            )
            .help_says(hint)]);
        }
    }
    let both: Vec<&str> = ids_b
        .iter()
        .copied()
        .filter(|id| ids_a.contains(id) && only.is_none_or(|o| o == *id))
        .collect();
    // The second year's targets and realisasi, for every indicator in both.
    let mut targets = Changes::default();
    for id in &both {
        if let Some(t) = second.indicator(id).and_then(|i| i.target) {
            targets.target.insert((*id).to_string(), t);
        }
    }
    let mut with_realisasi = targets.clone();
    for id in &both {
        if let Some(r) = second.indicator(id).and_then(|i| i.realisasi) {
            with_realisasi.realisasi.insert((*id).to_string(), r);
        }
    }
    let no_cap_no_round = rules_for(&unit.rules, from, to, false, false);
    let cap_no_round = rules_for(&unit.rules, from, to, true, false);
    let switched = [
        eval(&unit.rules, data_a, &host_a, &targets),
        eval(&unit.rules, data_a, &host_a, &with_realisasi),
        eval(&no_cap_no_round, data_b, &host_b, &with_realisasi),
        eval(&cap_no_round, data_b, &host_b, &with_realisasi),
    ];
    // The state after each factor, in FACTORS' order: the last is the
    // second year itself.
    let states: Vec<&Evaluation> = switched.iter().chain(std::iter::once(&second)).collect();
    let klasifikasi_a = &unit.rules.settings(from).klasifikasi.value;
    let settings = (unit.rules.settings(from), unit.rules.settings(to));
    let differ = |a: Option<&Origin>, b: Option<&Origin>| (a != b).then(|| (a.cloned(), b.cloned()));
    let mut indicators = Vec::new();
    for id in &both {
        let (Some(a), Some(b)) = (first.indicator(id), second.indicator(id)) else {
            continue;
        };
        let ind = unit.rules.indikator(id);
        let rumus = |y: u16| {
            ind.and_then(|i| i.rumus_capaian_in_force(y))
                .and_then(|r| r.origin.clone())
        };
        let target_at = |y: u16| ind.and_then(|i| i.target_in_force(y)).and_then(|t| t.origin.clone());
        let rules_of = [
            differ(target_at(from).as_ref(), target_at(to).as_ref()),
            None,
            differ(rumus(from).as_ref(), rumus(to).as_ref()),
            differ(
                settings.0.konversi_efisiensi.and_then(|c| c.1),
                settings.1.konversi_efisiensi.and_then(|c| c.1),
            ),
            differ(
                settings.0.pembulatan_capaian.origin.as_ref(),
                settings.1.pembulatan_capaian.origin.as_ref(),
            ),
        ];
        let parts = telescope(a.capaian, &states, &rules_of, |s| {
            s.indicator(id).and_then(|i| i.capaian)
        });
        let under_old_table = b
            .capaian
            .and_then(|c| klasifikasi_a.classify(c))
            .map(|band| band.label.clone());
        indicators.push(Change {
            id: (*id).to_string(),
            name: b.name.clone(),
            from: a.capaian,
            to: b.capaian,
            parts,
            bands: (
                a.band.as_ref().map(|x| x.label.clone()),
                b.band.as_ref().map(|x| x.label.clone()),
                under_old_table,
            ),
        });
    }
    let nilai_of = |e: &Evaluation| e.nilai.as_ref().map(|n| n.value);
    let nilai = (only.is_none() && (first.nilai.is_some() || second.nilai.is_some())).then(|| {
        let parts = telescope(nilai_of(&first), &states, &[], |s| nilai_of(s));
        Change {
            id: "nilai".into(),
            name: String::new(),
            from: nilai_of(&first),
            to: nilai_of(&second),
            parts,
            bands: (None, None, None),
        }
    });
    let added = ids_b
        .iter()
        .filter(|id| !ids_a.contains(id))
        .map(|s| s.to_string())
        .collect();
    let dropped = ids_a
        .iter()
        .filter(|id| !ids_b.contains(id))
        .map(|s| s.to_string())
        .collect();
    Ok(Why {
        from,
        to,
        indicators,
        nilai,
        added: if only.is_some() { Vec::new() } else { added },
        dropped: if only.is_some() { Vec::new() } else { dropped },
    })
}

/// The parts of a change: the figure `read` gives after each state, less
/// the one before it (`start` before the first), each with its rule.
fn telescope(
    start: Option<Decimal>,
    states: &[&Evaluation],
    rules: &[Option<(Option<Origin>, Option<Origin>)>],
    read: impl Fn(&Evaluation) -> Option<Decimal>,
) -> Vec<Part> {
    let mut before = start;
    FACTORS
        .iter()
        .enumerate()
        .map(|(k, factor)| {
            let after = states.get(k).and_then(|s| read(s));
            let part = Part {
                factor,
                after,
                part: before.zip(after).map(|(x, y)| y - x),
                rule: rules.get(k).cloned().flatten(),
            };
            before = after;
            part
        })
        .collect()
}

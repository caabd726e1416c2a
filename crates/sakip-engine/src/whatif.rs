//! "What does it take?" (`sakip whatif`): for each indicator, the least
//! realisasi (the most, where lower is better) that reaches a capaian of
//! 100 and each higher band, under the rules in force: polarity, formulas,
//! script hooks, cap and rounding, all as the evaluation applies them. And
//! "what if?": the year evaluated again with some realisasi or targets
//! changed, nothing written.
//!
//! The answer is searched, not guessed: the realisasi is stepped at the
//! data's precision (at least two decimals), the capaian computed by the
//! evaluation itself for each step tried. The search first checks that the
//! capaian moves one way over the whole interval (sampled at 65 points); a
//! formula that does not is said to be not monotone, and no answer is given.
//! Then it bisects: the answer reaches the goal and one step less does not.

use camino::Utf8Path;
use rust_decimal::Decimal;
use sakip_core::data::UnitData;
use sakip_core::evaluate::{evaluate_one, Changes, Evaluation, Options};
use sakip_core::model::RuleSet;
use sakip_core::polaritas::Polaritas;
use sakip_core::{Code, Text};
use sakip_rules::{LoadedUnit, RuleError};

/// A capaian to reach: 100, or the lower bound of a band above today's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// `100%`, or the band's label.
    pub label: String,
    /// The band's id, for a band.
    pub band: Option<String>,
    pub capaian: Decimal,
    pub answer: Answer,
}

/// What it takes to reach a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The realisasi that reaches it: the least where higher is better, the
    /// most where lower is better.
    Needs(Decimal),
    /// Reached at every realisasi searched (0 reaches it).
    Always,
    /// No realisasi in the interval searched reaches it (the cap, or a
    /// formula that stops short).
    Unreachable,
    /// The capaian does not move one way as the realisasi grows.
    NotMonotone,
}

/// One indicator's goals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thresholds {
    pub id: String,
    pub name: String,
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub band: Option<String>,
    /// The data says it was not measured this year (`tidak diukur`).
    pub tidak_diukur: bool,
    /// Whether a higher realisasi gives a higher capaian (false: lower is better).
    pub rising: bool,
    pub goals: Vec<Goal>,
    /// A qualitative indikator's scale: its target, realisasi and answers
    /// are places on it.
    pub skala: Option<sakip_core::skala::Skala>,
}

impl Thresholds {
    /// A target, realisasi or answer as written: a scale's value (`WDP`),
    /// else the number.
    pub fn shown(&self, v: Decimal) -> String {
        sakip_core::skala::shown(self.skala.as_ref(), v)
    }
}

/// The unit in `dir` loaded and checked for `year`.
fn load(dir: &Utf8Path, year: u16) -> Result<LoadedUnit, Vec<RuleError>> {
    let unit = sakip_rules::load_unit(dir)?;
    if !unit.data.contains_key(&year) && unit.rules.perjanjian(year).is_none() {
        return Err(vec![crate::unit::no_such_year(&unit, dir, year)]);
    }
    Ok(unit)
}

/// An indikator id the year does not measure: a clear error, with the
/// closest id.
fn unknown(dir: &Utf8Path, rules: &RuleSet, id: &str) -> RuleError {
    let ids = rules.indikator.iter().map(|i| i.id.as_str());
    let hint = sakip_rules::error::did_you_mean(id, ids)
        .map(|s| Text::new("did-you-mean").arg("word", s))
        .unwrap_or_else(|| Text::new("nothing"));
    RuleError::path_says(
        dir.as_str(),
        Code::UnknownIndicator,
        Text::new("whatif-unknown").arg("id", id),
    )
    .help_says(hint)
}

/// The goals of each indicator the year measures (or of `only`).
pub fn thresholds(dir: &Utf8Path, year: u16, only: Option<&str>) -> Result<Vec<Thresholds>, Vec<RuleError>> {
    let unit = load(dir, year)?;
    let empty = UnitData::new(year);
    let data = unit.data.get(&year).unwrap_or(&empty);
    let host = unit.scripts.for_year(year);
    let ev = sakip_core::evaluate::evaluate_with(
        &unit.rules,
        data,
        &host,
        Options {
            trace: false,
            until: None,
        },
    );
    if let Some(id) = only {
        if ev.indicator(id).is_none() {
            return Err(vec![unknown(dir, &unit.rules, id)]);
        }
    }
    let klasifikasi = &unit.rules.settings(year).klasifikasi.value;
    let mut out = Vec::new();
    // A composite's input has no capaian to reach.
    for result in ev
        .indicators
        .iter()
        .filter(|i| !i.komponen && only.is_none_or(|id| i.id == id))
    {
        let Some(ind) = unit.rules.indikator(&result.id) else {
            continue;
        };
        let capaian_at = |r: Decimal| {
            let mut changes = Changes::default();
            changes.realisasi.insert(result.id.clone(), r);
            evaluate_one(&unit.rules, data, &host, &changes, &result.id).and_then(|i| i.capaian)
        };
        let rising = !matches!(ind.polaritas, Polaritas::Turun);
        let mut goals: Vec<Goal> = vec![Goal {
            label: "100%".into(),
            band: None,
            capaian: Decimal::ONE_HUNDRED,
            answer: Answer::Unreachable,
        }];
        // Every band above today's capaian (all, when there is none).
        let now = result.capaian.unwrap_or(Decimal::MIN);
        for b in &klasifikasi.bands {
            if let Some(lower) = &b.lower {
                if lower.value > now && lower.value != Decimal::ONE_HUNDRED {
                    goals.push(Goal {
                        label: b.label.clone(),
                        band: Some(b.id.clone()),
                        capaian: lower.value,
                        answer: Answer::Unreachable,
                    });
                }
            }
        }
        goals.sort_by_key(|g| g.capaian);
        if let Some(skala) = &ind.skala {
            // A scale has a few places: each is tried, from the worst up.
            let places: Vec<(Decimal, Option<Decimal>)> = (1..=skala.nilai.len())
                .map(|p| (Decimal::from(p), capaian_at(Decimal::from(p))))
                .collect();
            let monotone = places
                .windows(2)
                .all(|w| matches!(w, [(_, Some(a)), (_, Some(b))] if a <= b));
            for g in &mut goals {
                let first = places
                    .iter()
                    .find(|(_, c)| c.is_some_and(|c| c >= g.capaian))
                    .map(|(p, _)| *p);
                g.answer = match first {
                    _ if !monotone => Answer::NotMonotone,
                    None => Answer::Unreachable,
                    Some(p) if p == Decimal::ONE => Answer::Always,
                    Some(p) => Answer::Needs(p),
                };
            }
        } else {
            let precision = [result.realisasi, result.target]
                .iter()
                .flatten()
                .map(|d| d.normalize().scale())
                .max()
                .unwrap_or(0)
                .max(2);
            let scale = Decimal::new(1, precision);
            // The interval searched: up to ten times the target and the realisasi.
            let top = [result.target, result.realisasi, Some(Decimal::ONE)]
                .iter()
                .flatten()
                .map(|d| d.abs())
                .max()
                .unwrap_or(Decimal::ONE)
                * Decimal::TEN;
            let steps = (top / scale).trunc();
            let at = |k: Decimal| capaian_at(k * scale);
            let monotone = is_monotone(&at, steps, rising);
            for g in &mut goals {
                g.answer = if !monotone {
                    Answer::NotMonotone
                } else {
                    search(&at, steps, g.capaian, rising).map_or(Answer::Unreachable, |k| {
                        if (rising && k.is_zero()) || (!rising && k == steps) {
                            Answer::Always
                        } else {
                            Answer::Needs((k * scale).normalize())
                        }
                    })
                };
            }
        }
        out.push(Thresholds {
            id: result.id.clone(),
            name: result.name.clone(),
            target: result.target,
            realisasi: result.realisasi,
            capaian: result.capaian,
            band: result.band.as_ref().map(|b| b.label.clone()),
            tidak_diukur: result.tidak_diukur.is_some(),
            // A scale has no polaritas (refused): a higher place is better.
            rising,
            goals,
            skala: ind.skala.clone(),
        });
    }
    Ok(out)
}

/// Whether the capaian moves one way over `0..=steps`: sampled at 65 points,
/// each step's capaian no lower (rising) or no higher than the one before.
fn is_monotone(at: &dyn Fn(Decimal) -> Option<Decimal>, steps: Decimal, rising: bool) -> bool {
    let n = Decimal::from(64);
    let mut previous: Option<Decimal> = None;
    for i in 0..=64 {
        let k = (steps * Decimal::from(i) / n).trunc();
        let Some(c) = at(k) else { continue };
        if let Some(p) = previous {
            if (rising && c < p) || (!rising && c > p) {
                return false;
            }
        }
        previous = Some(c);
    }
    true
}

/// The step that reaches `goal`: the least (rising) or the most (falling)
/// `k` in `0..=steps` whose capaian is at least `goal`.
fn search(at: &dyn Fn(Decimal) -> Option<Decimal>, steps: Decimal, goal: Decimal, rising: bool) -> Option<Decimal> {
    let reaches = |k: Decimal| at(k).is_some_and(|c| c >= goal);
    let (mut lo, mut hi) = (Decimal::ZERO, steps);
    if rising {
        if !reaches(hi) {
            return None;
        }
        // The least k that reaches: reaches(hi) holds throughout.
        while lo < hi {
            let mid = ((lo + hi) / Decimal::TWO).trunc();
            if reaches(mid) {
                hi = mid;
            } else {
                lo = mid + Decimal::ONE;
            }
        }
        Some(hi)
    } else {
        if !reaches(lo) {
            return None;
        }
        // The most k that reaches: reaches(lo) holds throughout.
        while lo < hi {
            let mid = ((lo + hi + Decimal::ONE) / Decimal::TWO).trunc();
            if reaches(mid) {
                lo = mid;
            } else {
                hi = mid - Decimal::ONE;
            }
        }
        Some(lo)
    }
}

/// One figure changed by `--set`: `id=value` (the realisasi) or
/// `id.target=value`; the value a number, or a qualitative indikator's
/// scale value (`opini=WDP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set {
    pub id: String,
    pub target: bool,
    pub value: sakip_core::model::Quantity,
}

impl Set {
    /// Reads `id=value` or `id.target=value`; `Err` says what is wrong.
    pub fn parse(text: &str) -> Result<Set, Text> {
        let Some((left, right)) = text.split_once('=') else {
            return Err(Text::new("whatif-set-form").arg("text", text));
        };
        let (id, target) = match left.trim().split_once('.') {
            Some((id, "target")) => (id, true),
            Some((id, "realisasi")) => (id, false),
            Some(_) => return Err(Text::new("whatif-set-form").arg("text", text)),
            None => (left.trim(), false),
        };
        let right = right.trim();
        // A word is a scale value; anything else must be a number.
        let is_word = right.chars().next().is_some_and(char::is_alphabetic);
        let value = match right.parse::<Decimal>() {
            Ok(v) => sakip_core::model::Quantity::plain(v),
            Err(_) if is_word => sakip_core::model::Quantity::label(right),
            Err(_) => return Err(Text::new("whatif-set-number").arg("text", right)),
        };
        Ok(Set {
            id: id.to_string(),
            target,
            value,
        })
    }
}

/// The year as it is, and as it would be with `sets`.
pub fn with_sets(dir: &Utf8Path, year: u16, sets: &[Set]) -> Result<(Evaluation, Evaluation), Vec<RuleError>> {
    let unit = load(dir, year)?;
    let empty = UnitData::new(year);
    let data = unit.data.get(&year).unwrap_or(&empty);
    let host = unit.scripts.for_year(year);
    let mut changes = Changes::default();
    let mut errors = Vec::new();
    for s in sets {
        let Some(ind) = unit.rules.indikator(&s.id) else {
            errors.push(unknown(dir, &unit.rules, &s.id));
            continue;
        };
        let value = match sakip_core::skala::value_of(ind.skala.as_ref(), &s.value) {
            Ok(v) => v,
            Err(e) => {
                let (text, help) = e.text(&s.id, &s.value, ind.skala.as_ref());
                errors.push(RuleError::path_says(dir.as_str(), Code::SkalaValue, text).help_says(help));
                continue;
            }
        };
        if s.target {
            changes.target.insert(s.id.clone(), value);
        } else {
            changes.realisasi.insert(s.id.clone(), value);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let options = Options {
        trace: false,
        until: None,
    };
    let before = sakip_core::evaluate::evaluate_with(&unit.rules, data, &host, options);
    let after = sakip_core::evaluate::evaluate_changed(&unit.rules, data, &host, options, &changes);
    Ok((before, after))
}

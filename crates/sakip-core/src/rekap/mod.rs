//! Rekapitulasi: many units added up. What a rollup keeps of each unit
//! ([`record`]), the exact per-Kanwil and national summaries ([`summary`]),
//! and the accumulator that builds them as units come in, in memory that
//! does not grow with the number of units (the ranking by score aside).
//! Reading units and running them in parallel is the caller's.

pub mod record;
pub mod summary;

pub use record::{
    figures_of, kanwil_of, nasional_of, off_track_of, FigureOf, IndicatorFigure, ScoreSource, UnitRecord, NO_KANWIL,
    NO_KANWIL_NAME,
};
pub use summary::{Basis, Distribution, IndicatorSummary, Summary};

use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The group of units whose rules failed before their Kanwil could be told.
pub const UNKNOWN_KANWIL: &str = "?";

/// A unit in the ranking by score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub path: String,
    pub satker_id: String,
    pub satker_name: String,
    pub kanwil_id: String,
    pub score: Decimal,
    pub band: Option<String>,
}

/// A unit that could not be evaluated, with its errors as one line each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: String,
    pub kanwil_id: String,
    pub kanwil_name: String,
    /// The national rule set it builds on; empty when it builds on none,
    /// or when its rules could not be read ([`Failure::rules_unread`]).
    pub nasional_id: String,
    /// Its errors, each in the reader's words when rendered (the JSON's
    /// English, the page's language).
    pub errors: Vec<crate::Text>,
}

impl Failure {
    /// Its rules could not be read: its Kanwil and national rule set are
    /// unknown, and it may be under any ([`Rollup::add_failure`] marks it).
    pub fn rules_unread(&self) -> bool {
        self.kanwil_id == UNKNOWN_KANWIL
    }
}

/// Evaluated units added up per Kanwil, in any order: what each thread of
/// a run adds on its own, merged at the end ([`Rollup::absorb`]) into the
/// same summaries as one thread adding every unit in the run's order.
///
/// A unit's capaian are not counted at once: each goes to a buffer as
/// its indicator's slot and its key, and a full buffer is sorted and
/// counted. The units of a long table come Kanwil after Kanwil in turn, so
/// counting each as it came visited the 1,700 distributions of a country
/// in turn too, each visit a miss in the cache; counted sorted, each
/// distribution is visited once per buffer.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    kanwil: BTreeMap<String, Summary>,
    /// Capaian added and not counted yet: (slot, key).
    pending: Vec<(u32, i64)>,
    /// What each slot is: the Kanwil's id and the indicator's.
    slots: Vec<(String, String)>,
}

/// Capaian buffered before they are counted: a few thousand units' worth,
/// a megabyte.
const PENDING: usize = 1 << 16;

impl Tally {
    /// Adds an evaluated unit and its figures; `place` is its place in the run.
    pub fn add<'a>(&mut self, record: &UnitRecord, figures: impl IntoIterator<Item = IndicatorFigure<'a>>, place: u64) {
        let Self { kanwil, pending, slots } = self;
        in_group(kanwil, &record.kanwil_id, &record.kanwil_name, |group| {
            group.add_counting(record, figures, place, &mut |id, entry, c| {
                let slot = entry.slot.or_else(|| {
                    let slot = u32::try_from(slots.len()).ok()?;
                    slots.push((record.kanwil_id.clone(), id.to_string()));
                    entry.slot = Some(slot);
                    Some(slot)
                });
                match (slot, Distribution::key(c)) {
                    (Some(slot), Some(key)) => pending.push((slot, key)),
                    _ => entry.capaian.add(c),
                }
            });
        });
        if self.pending.len() >= PENDING {
            self.count_pending();
        }
    }

    /// Counts the buffered capaian, sorted by slot and key.
    fn count_pending(&mut self) {
        let Self { kanwil, pending, slots } = self;
        pending.sort_unstable();
        for run in pending.chunk_by(|a, b| a.0 == b.0) {
            let Some((slot, _)) = run.first() else { continue };
            let Some((group, id)) = usize::try_from(*slot).ok().and_then(|s| slots.get(s)) else {
                continue;
            };
            let Some(summary) = kanwil.get_mut(group).and_then(|g| g.indicators.get_mut(id)) else {
                continue;
            };
            for same in run.chunk_by(|a, b| a.1 == b.1) {
                if let Some((_, key)) = same.first() {
                    summary
                        .capaian
                        .add_key(*key, u64::try_from(same.len()).unwrap_or(u64::MAX));
                }
            }
        }
        pending.clear();
    }

    /// The groups, every capaian counted and no slot kept.
    fn into_groups(mut self) -> BTreeMap<String, Summary> {
        self.count_pending();
        for group in self.kanwil.values_mut() {
            for i in group.indicators.values_mut() {
                i.slot = None;
            }
        }
        self.kanwil
    }

    /// Adds the units another thread added up.
    pub fn absorb(&mut self, other: Tally) {
        let mine = std::mem::take(self).into_groups();
        self.kanwil = mine;
        absorb_groups(&mut self.kanwil, other.into_groups());
    }
}

/// The units from many threads, added up as one.
impl FromIterator<Tally> for Tally {
    fn from_iter<I: IntoIterator<Item = Tally>>(parts: I) -> Self {
        let mut all = Tally::default();
        for part in parts {
            all.absorb(part);
        }
        all
    }
}

/// Does `add` to the group of Kanwil `id`, made (named `name`) for its
/// first unit. Looked up before inserting: the id is copied once per
/// Kanwil, not once per unit.
fn in_group(groups: &mut BTreeMap<String, Summary>, id: &str, name: &str, add: impl FnOnce(&mut Summary)) {
    match groups.get_mut(id) {
        Some(group) => add(group),
        None => add(groups.entry(id.to_string()).or_insert_with(|| Summary::new(id, name))),
    }
}

fn absorb_groups(groups: &mut BTreeMap<String, Summary>, other: BTreeMap<String, Summary>) {
    for (id, summary) in other {
        match groups.get_mut(&id) {
            Some(group) => group.absorb(summary),
            None => {
                groups.insert(id, summary);
            }
        }
    }
}

/// A region's (or the ministry's) own indikator, computed from its units
/// in the run (`realisasi dari satker`), as the level's evaluation gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WilayahRekap {
    /// The Kanwil's or national rule set's id and name.
    pub id: String,
    pub name: String,
    pub indikator: Vec<WilayahIndikator>,
}

/// One such indikator: the level's figures, and how many units counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WilayahIndikator {
    pub result: crate::IndicatorResult,
    pub counted: usize,
    /// The units not counted, with why (failed, no such figure, not measured).
    pub not_counted: Vec<(String, crate::wilayah::Alasan)>,
}

/// A unit off track on an indikator in the year in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffTrack {
    pub satker_id: String,
    pub kanwil_id: String,
    pub capaian: Decimal,
}

/// The summaries of a run, built as its units come in.
#[derive(Debug, Clone, Default)]
pub struct Rollup {
    pub year: u16,
    /// How figures are rounded and classified (from the first evaluated unit).
    pub basis: Option<Basis>,
    pub kanwil: BTreeMap<String, Summary>,
    /// Units by score, highest first (kept when asked for).
    pub ranking: Vec<Ranked>,
    pub failures: Vec<Failure>,
    /// The year in progress: per indikator, the units off track (capaian
    /// to date below 100), in the run's order, with that capaian.
    pub off_track: BTreeMap<String, Vec<OffTrack>>,
    /// Each level's own indikator computed from its units in the run.
    pub wilayah: Vec<WilayahRekap>,
    /// The national rule sets the evaluated units are under, with how many
    /// units each: a rollup adds up one; more than one is said (the
    /// national line, the bands and the sasaran would mix different rules).
    pub nasional_rules: BTreeMap<String, u64>,
    keep_ranking: bool,
    /// Units added here one by one (their places in the run).
    added: u64,
}

impl Rollup {
    /// `keep_ranking`: keep every unit's score for the ranking (the table,
    /// JSON, HTML and XLSX show it; streamed formats need not hold it).
    pub fn new(year: u16, keep_ranking: bool) -> Self {
        Self {
            year,
            keep_ranking,
            ..Self::default()
        }
    }

    /// Adds a unit that could not be evaluated; an empty Kanwil id is a
    /// unit whose rules did not load far enough to tell its Kanwil.
    pub fn add_failure(&mut self, mut failure: Failure) {
        if failure.kanwil_id.is_empty() {
            failure.kanwil_id = UNKNOWN_KANWIL.to_string();
            failure.kanwil_name = "Kanwil tidak diketahui".to_string();
        }
        in_group(
            &mut self.kanwil,
            &failure.kanwil_id,
            &failure.kanwil_name,
            Summary::add_failed,
        );
        self.failures.push(failure);
    }

    /// Adds an evaluated unit and its figures, in the run's order; `basis`
    /// is the settings it was evaluated under, kept from the first unit to
    /// round and classify the summaries.
    pub fn add_record<'a>(
        &mut self,
        record: &UnitRecord,
        figures: impl IntoIterator<Item = IndicatorFigure<'a>>,
        basis: Option<&Basis>,
    ) {
        let place = self.added;
        in_group(&mut self.kanwil, &record.kanwil_id, &record.kanwil_name, |group| {
            group.add(record, figures, place);
        });
        self.added += 1;
        self.add_in_order(record, basis);
    }

    /// Adds the units a thread added up on its own ([`Tally`]).
    pub fn absorb(&mut self, tally: Tally) {
        absorb_groups(&mut self.kanwil, tally.into_groups());
    }

    /// What of an evaluated unit depends on the run's order: the basis,
    /// the failures and the ranking. Its figures are added up apart, in a
    /// [`Tally`], and absorbed at the end.
    pub fn add_in_order(&mut self, record: &UnitRecord, basis: Option<&Basis>) {
        if self.basis.is_none() {
            self.basis = basis.cloned();
        }
        if !record.nasional_id.is_empty() {
            match self.nasional_rules.get_mut(&record.nasional_id) {
                Some(n) => *n += 1,
                None => {
                    self.nasional_rules.insert(record.nasional_id.clone(), 1);
                }
            }
        }
        for (id, capaian) in &record.off_track {
            self.off_track.entry(id.clone()).or_default().push(OffTrack {
                satker_id: record.satker_id.clone(),
                kanwil_id: record.kanwil_id.clone(),
                capaian: *capaian,
            });
        }
        if record.errors > 0 {
            self.failures.push(Failure {
                path: record.path.clone(),
                kanwil_id: record.kanwil_id.clone(),
                kanwil_name: record.kanwil_name.clone(),
                nasional_id: record.nasional_id.clone(),
                errors: vec![crate::Text::new("rekap-unit-errors")
                    .arg("n", record.errors)
                    .arg("path", &record.path)
                    .arg("year", self.year)],
            });
        }
        // A unit some of whose figures could not be computed is listed
        // with the failures and not ranked: its score stands on part of
        // its indicators.
        if self.keep_ranking && record.errors == 0 {
            if let Some(score) = record.score {
                self.ranking.push(Ranked {
                    path: record.path.clone(),
                    satker_id: record.satker_id.clone(),
                    satker_name: record.satker_name.clone(),
                    kanwil_id: record.kanwil_id.clone(),
                    score,
                    band: record.band.clone(),
                });
            }
        }
    }

    /// The national line: every Kanwil added up.
    pub fn nasional(&self) -> Summary {
        let mut all = Summary::new("nasional", "Nasional");
        for s in self.kanwil.values() {
            all.merge(s);
        }
        all
    }

    /// The warning, when the run holds units of more than one national rule
    /// set: its summaries then add up units scored under different rules.
    pub fn mixed_nasional(&self) -> Option<crate::Text> {
        (self.nasional_rules.len() > 1).then(|| {
            let rules: Vec<String> = self
                .nasional_rules
                .iter()
                .map(|(id, n)| format!("{id} ({n})"))
                .collect();
            crate::Text::new("rekap-mixed-nasional").arg("rules", rules.join(", "))
        })
    }

    /// Sorts the ranking: highest score first, then by path.
    pub fn finish(&mut self) {
        self.ranking
            .sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.path.cmp(&b.path)));
    }

    /// Units that failed: rules or data that do not load, or errors in the evaluation.
    pub fn any_failed(&self) -> bool {
        !self.failures.is_empty()
    }

    /// Whether no Kanwil group was made: nothing was evaluated.
    pub fn is_empty(&self) -> bool {
        self.kanwil.is_empty()
    }
}

/// The settings a unit's year was evaluated under.
pub fn basis_of(rules: &crate::RuleSet, year: u16) -> Basis {
    let s = rules.settings(year);
    Basis {
        capaian: s.pembulatan_capaian.value,
        anggaran: s.pembulatan_anggaran.value,
        klasifikasi: s.klasifikasi.value.clone(),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    fn record(path: &str, score: i64, errors: usize) -> UnitRecord {
        UnitRecord {
            path: path.into(),
            satker_id: path.into(),
            satker_name: path.into(),
            kanwil_id: "k".into(),
            kanwil_name: "K".into(),
            nasional_id: "n".into(),
            score: Some(Decimal::from(score)),
            score_source: ScoreSource::MeanCapaian,
            band: None,
            pagu: Decimal::ZERO,
            realisasi: Decimal::ZERO,
            errors,
            off_track: Vec::new(),
        }
    }

    #[test]
    fn a_unit_with_figures_not_computed_is_not_ranked() {
        let mut rollup = Rollup::new(2022, true);
        rollup.add_record(&record("a", 80, 0), [], None);
        rollup.add_record(&record("b", 120, 2), [], None);
        rollup.finish();
        let ranked: Vec<&str> = rollup.ranking.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(ranked, ["a"]);
        assert_eq!(rollup.failures.len(), 1);
        assert_eq!(rollup.failures[0].path, "b");
    }

    /// More capaian than a tally buffers, some finer than a key, some
    /// missing, over three Kanwil in turn: counted through the buffer, the
    /// summaries equal those of every unit added as it came.
    #[test]
    fn a_tally_counts_what_it_buffered_as_if_added_at_once() {
        use crate::model::Tier;
        let ids: Vec<String> = (0..30).map(|n| format!("i{n:02}")).collect();
        let mut direct = Rollup::new(2022, false);
        let mut tallies = [Tally::default(), Tally::default()];
        for n in 0..3_000u64 {
            let mut r = record(&format!("u{n}"), 0, 0);
            r.kanwil_id = format!("k{}", n % 3);
            let values: Vec<Option<Decimal>> = (0..30u64)
                .map(|i| match (n * 7 + i * 13) % 101 {
                    0 => None,
                    1 => Some(Decimal::ONE / Decimal::from(3)),
                    v => Some(Decimal::new(i64::try_from(v * 37).unwrap(), 1)),
                })
                .collect();
            let figures = || {
                ids.iter().zip(&values).enumerate().map(|(i, (id, c))| IndicatorFigure {
                    id,
                    name: "x",
                    tier: if i % 2 == 0 { Tier::Strategis } else { Tier::Program },
                    capaian: *c,
                    band: Some("Baik"),
                    tidak_diukur: false,
                    of: crate::rekap::FigureOf::Indikator,
                })
            };
            direct.add_record(&r, figures(), None);
            tallies[usize::try_from(n % 2).unwrap()].add(&r, figures(), n);
        }
        let [a, b] = tallies;
        let mut counted = Rollup::new(2022, false);
        counted.absorb(a);
        counted.absorb(b);
        assert_eq!(counted.kanwil, direct.kanwil);
        let k0 = &counted.kanwil["k0"];
        assert_eq!(k0.units, 1_000);
        assert!(k0.indicators["i00"].capaian.count() > 900);
    }
}

//! What a Kanwil or a country looks like when its units are added up:
//! units per band, mean and median capaian per tier, budget absorption from
//! summed pagu and realisasi (never an average of percentages), units whose
//! rules or data failed.
//!
//! Every figure is exact. Memory does not grow with the number of units:
//! capaian are kept as counts per distinct value (a rule set rounds them to
//! a few decimals and caps them, so there are at most a few thousand
//! distinct values), which gives the exact median as well as the mean.

use super::record::{FigureOf, IndicatorFigure, UnitRecord};
use crate::klasifikasi::Klasifikasi;
use crate::model::Tier;
use crate::pembulatan::Rounding;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Capaian values as counts per value: the exact mean and median of any
/// number of values in the memory of their distinct values, whatever the
/// order they were added in (units are added up on several threads).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Distribution {
    /// Counts per value, the value as a whole number of 10^-[`KEY_SCALE`]:
    /// exact for every capaian a rule set can round to (at most
    /// [`crate::pembulatan::MAX_DECIMALS`] decimals), 40.0 and 40.00 one key,
    /// and an integer to hash rather than a decimal to normalise. An `i64`
    /// holds every capaian below 900 million at ten decimals, and keeps an
    /// entry at 16 bytes (an `i128` key makes it 32): the maps of a
    /// country's summaries are tens of megabytes, and every add is a miss
    /// in the cache, so their size is their speed.
    counts: FxHashMap<i64, u64>,
    /// Values with more decimals than a key holds (not a rounded capaian).
    finer: FxHashMap<Decimal, u64>,
    n: u64,
}

/// The decimals of a [`Distribution`]'s keys.
const KEY_SCALE: u32 = crate::pembulatan::MAX_DECIMALS;

impl Distribution {
    pub fn add(&mut self, value: Decimal) {
        match Self::key(value) {
            Some(k) => *self.counts.entry(k).or_default() += 1,
            None => *self.finer.entry(value).or_default() += 1,
        }
        self.n += 1;
    }

    /// The key `value` is counted under, when it has one (see `counts`).
    pub(crate) fn key(value: Decimal) -> Option<i64> {
        KEY_SCALE
            .checked_sub(value.scale())
            .and_then(|up| 10i128.checked_pow(up))
            .and_then(|f| value.mantissa().checked_mul(f))
            .and_then(|k| i64::try_from(k).ok())
    }

    /// Counts `n` more of the value whose key is `key`.
    pub(crate) fn add_key(&mut self, key: i64, n: u64) {
        *self.counts.entry(key).or_default() += n;
        self.n += n;
    }

    pub fn merge(&mut self, other: &Distribution) {
        for (v, c) in &other.counts {
            *self.counts.entry(*v).or_default() += c;
        }
        for (v, c) in &other.finer {
            *self.finer.entry(*v).or_default() += c;
        }
        self.n += other.n;
    }

    /// Takes away values added before (`other` is a part of this one).
    fn remove(&mut self, other: &Distribution) {
        for (v, c) in &other.counts {
            if let Some(n) = self.counts.get_mut(v) {
                *n = n.saturating_sub(*c);
                if *n == 0 {
                    self.counts.remove(v);
                }
            }
        }
        for (v, c) in &other.finer {
            if let Some(n) = self.finer.get_mut(v) {
                *n = n.saturating_sub(*c);
                if *n == 0 {
                    self.finer.remove(v);
                }
            }
        }
        self.n = self.n.saturating_sub(other.n);
    }

    pub fn count(&self) -> u64 {
        self.n
    }

    /// The mean, exact until `rounding` rounds it; `None` for no values (or
    /// a sum beyond what a decimal holds). The sum is made from the counts,
    /// not kept as values come: the keys add up as integers, exactly, and
    /// the finer values in their order, so that the mean is the same
    /// whatever order the values came in.
    pub fn mean(&self, rounding: Rounding) -> Option<Decimal> {
        if self.n == 0 {
            return None;
        }
        let keyed = self.counts.iter().try_fold(0i128, |sum, (k, c)| {
            sum.checked_add(i128::from(*k).checked_mul(i128::from(*c))?)
        })?;
        let mut sum = Decimal::try_from_i128_with_scale(keyed, KEY_SCALE).ok()?;
        let mut finer: Vec<(&Decimal, &u64)> = self.finer.iter().collect();
        finer.sort_unstable_by_key(|(v, _)| **v);
        for (v, c) in finer {
            sum = sum.checked_add(v.checked_mul(Decimal::from(*c))?)?;
        }
        sum.checked_div(Decimal::from(self.n)).map(|m| rounding.apply(m))
    }

    /// The median: the middle value, or the mean of the two middle values
    /// (then rounded by `rounding`).
    pub fn median(&self, rounding: Rounding) -> Option<Decimal> {
        if self.n == 0 {
            return None;
        }
        let lower = (self.n - 1) / 2;
        let upper = self.n / 2;
        let (mut a, mut b) = (None, None);
        let mut sorted: Vec<(Decimal, u64)> = self
            .counts
            .iter()
            .map(|(k, c)| (Decimal::new(*k, KEY_SCALE), *c))
            .chain(self.finer.iter().map(|(v, c)| (*v, *c)))
            .collect();
        sorted.sort_unstable_by_key(|(v, _)| *v);
        let mut seen = 0u64;
        for (v, c) in sorted {
            let next = seen + c;
            if a.is_none() && lower < next {
                a = Some(v);
            }
            if upper < next {
                b = Some(v);
                break;
            }
            seen = next;
        }
        let (a, b) = (a?, b?);
        let mid = if a == b {
            a
        } else {
            a.checked_add(b)?.checked_div(Decimal::TWO)?
        };
        Some(rounding.apply(mid))
    }
}

/// One indicator over many units: how many fall in each band, and the
/// distribution of their capaian.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorSummary {
    pub name: String,
    pub tier: Option<Tier>,
    pub bands: BTreeMap<String, u64>,
    /// Units measured by the indicator whose capaian could not be computed.
    pub without_capaian: u64,
    /// Units whose data says it was not measured this year (`tidak
    /// diukur`): left out of the capaian and of `without_capaian`.
    pub not_measured: u64,
    pub capaian: Distribution,
    /// The place in the run of the unit the name and tier were taken from:
    /// the earliest unit's, however the units were shared among threads.
    first: u64,
    /// The tier the `capaian` count in, for the group's figures per tier:
    /// that of the first unit added here. A unit whose rules put the
    /// indicator in another tier has its capaian in `apart` as well.
    in_tier: Option<Tier>,
    apart: Vec<(Tier, Distribution)>,
    /// Where a [`super::Tally`] keeps the capaian it has not counted yet.
    pub(crate) slot: Option<u32>,
}

/// A group of units (one Kanwil, or the whole run), added up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The Kanwil's id, or `nasional` for the whole run.
    pub id: String,
    pub name: String,
    pub units: u64,
    /// Units whose rules or data could not be loaded, or whose evaluation has errors.
    pub failed: u64,
    /// Units per band of their score (see [`UnitRecord::score`]).
    pub bands: BTreeMap<String, u64>,
    /// Units evaluated without a score (no capaian at all).
    pub without_score: u64,
    /// Per indicator (each indicator's capaian count in its tier, see
    /// [`Summary::tiers`]): a unit's figure is added to one distribution,
    /// not to two, and the summaries are half the misses in the cache.
    pub indicators: BTreeMap<String, IndicatorSummary>,
    /// Per sasaran, by code, when the units' rules state `capaian
    /// sasaran`: the distribution of the sasaran's capaian over units.
    pub sasaran: BTreeMap<String, IndicatorSummary>,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    /// The place in the run of the unit the name was taken from (see
    /// [`IndicatorSummary`]); a unit that failed counts after every
    /// evaluated one.
    first: u64,
}

/// One more of `key` in a count per label; the label is copied only the
/// first time it is seen.
fn count_one(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

impl Summary {
    pub fn new(id: &str, name: &str) -> Self {
        Self {
            id: id.to_string(),
            name: name.to_string(),
            first: u64::MAX,
            ..Self::default()
        }
    }

    /// Adds one evaluated unit and its indicators' figures; `place` is the
    /// unit's place in the run (names are taken from the earliest unit, so
    /// that units added on several threads give the same summary).
    pub fn add<'a>(&mut self, unit: &UnitRecord, figures: impl IntoIterator<Item = IndicatorFigure<'a>>, place: u64) {
        self.add_counting(unit, figures, place, &mut |_, entry, c| entry.capaian.add(c));
    }

    /// [`Summary::add`], each capaian counted by `count` (given the
    /// indicator's id and its summary), which may put it off.
    pub(crate) fn add_counting<'a>(
        &mut self,
        unit: &UnitRecord,
        figures: impl IntoIterator<Item = IndicatorFigure<'a>>,
        place: u64,
        count: &mut dyn FnMut(&str, &mut IndicatorSummary, Decimal),
    ) {
        if place < self.first {
            self.first = place;
            if self.name != unit.kanwil_name {
                self.name.clone_from(&unit.kanwil_name);
            }
        }
        self.units += 1;
        if unit.errors > 0 {
            self.failed += 1;
        }
        match &unit.band {
            Some(b) => count_one(&mut self.bands, b),
            None => self.without_score += 1,
        }
        for f in figures {
            if f.of == FigureOf::Sasaran {
                add_sasaran(&mut self.sasaran, &f, place);
                continue;
            }
            // Look up before inserting: the id is copied once per run, not once per unit.
            let entry = match self.indicators.get_mut(f.id) {
                Some(entry) => entry,
                None => self
                    .indicators
                    .entry(f.id.to_string())
                    .or_insert_with(|| IndicatorSummary {
                        first: u64::MAX,
                        ..IndicatorSummary::default()
                    }),
            };
            if place < entry.first {
                entry.first = place;
                entry.name = f.name.to_string();
                entry.tier = Some(f.tier);
            }
            match f.capaian {
                Some(c) => {
                    count(f.id, entry, c);
                    match entry.in_tier {
                        Some(t) if t == f.tier => {}
                        None => entry.in_tier = Some(f.tier),
                        Some(_) => entry.add_apart(f.tier, |d| d.add(c)),
                    }
                }
                None if f.tidak_diukur => entry.not_measured += 1,
                None => entry.without_capaian += 1,
            }
            if let Some(b) = f.band {
                count_one(&mut entry.bands, b);
            }
        }
        self.pagu = self.pagu.checked_add(unit.pagu).unwrap_or(self.pagu);
        self.realisasi = self.realisasi.checked_add(unit.realisasi).unwrap_or(self.realisasi);
    }

    /// Adds a unit that could not be evaluated.
    pub fn add_failed(&mut self) {
        self.units += 1;
        self.failed += 1;
    }

    /// Adds another group's units (a Kanwil's into the national line, or
    /// the parts of a run split across machines): names already here stay.
    pub fn merge(&mut self, other: &Summary) {
        self.add_counts(other);
        for (mine, theirs) in [
            (&mut self.indicators, &other.indicators),
            (&mut self.sasaran, &other.sasaran),
        ] {
            for (id, s) in theirs {
                match mine.get_mut(id) {
                    Some(entry) => entry.add_counts(s),
                    None => {
                        mine.insert(id.clone(), s.clone());
                    }
                }
            }
        }
    }

    /// Adds the same group's units counted elsewhere in the same run (on
    /// another thread): each name is the earliest unit's, as if every unit
    /// had been added here in the run's order.
    pub fn absorb(&mut self, other: Summary) {
        self.add_counts(&other);
        if other.first < self.first {
            self.first = other.first;
            self.name = other.name;
        }
        for (mine, theirs) in [
            (&mut self.indicators, other.indicators),
            (&mut self.sasaran, other.sasaran),
        ] {
            for (id, s) in theirs {
                match mine.get_mut(&id) {
                    Some(entry) => {
                        entry.add_counts(&s);
                        if s.first < entry.first {
                            entry.first = s.first;
                            entry.name = s.name;
                            entry.tier = s.tier;
                        }
                    }
                    None => {
                        mine.insert(id, s);
                    }
                }
            }
        }
    }

    /// What any two parts add up to, whatever their names.
    fn add_counts(&mut self, other: &Summary) {
        self.units += other.units;
        self.failed += other.failed;
        self.without_score += other.without_score;
        for (b, n) in &other.bands {
            *self.bands.entry(b.clone()).or_default() += n;
        }
        self.pagu = self.pagu.checked_add(other.pagu).unwrap_or(self.pagu);
        self.realisasi = self.realisasi.checked_add(other.realisasi).unwrap_or(self.realisasi);
    }

    /// The capaian of every indicator per tier, as units' rules place them.
    pub fn tiers(&self) -> BTreeMap<Tier, Distribution> {
        let mut tiers: BTreeMap<Tier, Distribution> = BTreeMap::new();
        for i in self.indicators.values() {
            i.each_tier(|t, d| tiers.entry(t).or_default().merge(d));
        }
        tiers
    }

    /// Budget absorption of the group: summed realisasi over summed pagu.
    pub fn penyerapan(&self, rounding: Rounding) -> Option<Decimal> {
        crate::pembulatan::percent_of(self.realisasi, self.pagu).map(|p| rounding.apply(p))
    }
}

/// Adds a unit's sasaran figure: counted at once (a unit has a few
/// sasaran, against tens of indikator), named after the earliest unit.
fn add_sasaran(sasaran: &mut BTreeMap<String, IndicatorSummary>, f: &IndicatorFigure<'_>, place: u64) {
    let entry = match sasaran.get_mut(f.id) {
        Some(entry) => entry,
        None => sasaran.entry(f.id.to_string()).or_insert_with(|| IndicatorSummary {
            first: u64::MAX,
            ..IndicatorSummary::default()
        }),
    };
    if place < entry.first {
        entry.first = place;
        entry.name = f.name.to_string();
        entry.tier = Some(f.tier);
    }
    match f.capaian {
        Some(c) => entry.capaian.add(c),
        None => entry.without_capaian += 1,
    }
    if let Some(b) = f.band {
        count_one(&mut entry.bands, b);
    }
}

impl IndicatorSummary {
    fn add_counts(&mut self, other: &IndicatorSummary) {
        for (b, n) in &other.bands {
            *self.bands.entry(b.clone()).or_default() += n;
        }
        self.without_capaian += other.without_capaian;
        self.not_measured += other.not_measured;
        self.capaian.merge(&other.capaian);
        // The other's capaian, told apart by tier, go where this one counts them.
        other.each_tier(|tier, part| self.count_in(tier, part));
    }

    /// Counts `part`, already in `capaian`, in `tier`.
    fn count_in(&mut self, tier: Tier, part: &Distribution) {
        match self.in_tier {
            Some(t) if t == tier => {}
            None => self.in_tier = Some(tier),
            Some(_) => self.add_apart(tier, |d| d.merge(part)),
        }
    }

    fn add_apart(&mut self, tier: Tier, add: impl FnOnce(&mut Distribution)) {
        match self.apart.iter_mut().find(|(t, _)| *t == tier) {
            Some((_, d)) => add(d),
            None => {
                let mut d = Distribution::default();
                add(&mut d);
                self.apart.push((tier, d));
            }
        }
    }

    /// Gives `f` the capaian per tier they count in: one tier, the whole
    /// distribution, unless some units' rules put the indicator in another
    /// (then each part, copied apart).
    fn each_tier(&self, mut f: impl FnMut(Tier, &Distribution)) {
        let Some(tier) = self.in_tier else {
            return;
        };
        if self.apart.is_empty() {
            f(tier, &self.capaian);
            return;
        }
        let mut own = self.capaian.clone();
        for (_, d) in &self.apart {
            own.remove(d);
        }
        f(tier, &own);
        for (t, d) in &self.apart {
            f(*t, d);
        }
    }
}

/// How the figures of a rollup are rounded and classified: the settings in
/// force for the year in the first unit's rule set (the national ones,
/// unless a Kanwil or unit changes them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basis {
    pub capaian: Rounding,
    pub anggaran: Rounding,
    pub klasifikasi: Klasifikasi,
}

impl Default for Basis {
    fn default() -> Self {
        let rules = crate::RuleSet::default();
        let s = rules.settings(0);
        Self {
            capaian: s.pembulatan_capaian.value,
            anggaran: s.pembulatan_anggaran.value,
            klasifikasi: s.klasifikasi.value.clone(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::pembulatan::RoundingMode;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn dist(values: &[&str]) -> Distribution {
        let mut x = Distribution::default();
        for v in values {
            x.add(d(v));
        }
        x
    }

    #[test]
    fn median_and_mean_are_exact() {
        let r = Rounding::new(RoundingMode::Truncate, 2);
        assert_eq!(dist(&["3", "1", "2"]).median(r), Some(d("2.00")));
        assert_eq!(dist(&["4", "1", "2", "3"]).median(r), Some(d("2.50")));
        assert_eq!(dist(&["100.00", "100", "99.99"]).median(r), Some(d("100.00")));
        assert_eq!(dist(&["10", "10", "10", "20"]).median(r), Some(d("10.00")));
        assert_eq!(dist(&["1", "2", "2"]).mean(r), Some(d("1.66")));
        assert_eq!(dist(&[]).median(r), None);
        // 0.1 + 0.2 is 0.3 here, and so is the mean of 0.1, 0.2, 0.6.
        assert_eq!(dist(&["0.1", "0.2", "0.6"]).mean(r), Some(d("0.30")));
    }

    #[test]
    fn one_value_written_with_other_decimals_is_one_key() {
        assert_eq!(dist(&["40.0", "40.00", "40"]).counts.len(), 1);
        // A value finer than a key is kept apart, and still ordered with the rest.
        let r = Rounding::new(RoundingMode::HalfUp, 2);
        let fine = dist(&["5", "0.00000000001", "3"]);
        assert_eq!(fine.finer.len(), 1);
        assert_eq!(fine.median(r), Some(d("3.00")));
        assert_eq!(dist(&["5", "0.00000000001", "0"]).median(r), Some(d("0.00")));
        assert_eq!(fine.mean(r), Some(d("2.67")));
    }

    #[test]
    fn merged_distributions_equal_one_built_from_all_values() {
        let mut a = dist(&["1", "5", "7.25"]);
        a.merge(&dist(&["5", "2"]));
        assert_eq!(a, dist(&["1", "5", "7.25", "5", "2"]));
    }

    #[test]
    fn penyerapan_comes_from_sums_not_from_a_mean_of_percentages() {
        let mut s = Summary::new("k", "K");
        s.pagu = d("1000");
        s.realisasi = d("500");
        let mut other = Summary::new("k2", "K2");
        other.pagu = d("10");
        other.realisasi = d("10");
        s.merge(&other);
        // (500 + 10) / (1000 + 10) = 50.49..., not (50 + 100) / 2 = 75.
        let r = Rounding::new(RoundingMode::HalfUp, 2);
        assert_eq!(s.penyerapan(r), Some(d("50.50")));
    }

    fn unit(kanwil_name: &str, band: &str) -> UnitRecord {
        UnitRecord {
            path: "u".into(),
            satker_id: "u".into(),
            satker_name: "U".into(),
            kanwil_id: "k".into(),
            kanwil_name: kanwil_name.into(),
            nasional_id: "n".into(),
            score: None,
            score_source: super::super::ScoreSource::MeanCapaian,
            band: Some(band.into()),
            pagu: d("10"),
            realisasi: d("5"),
            errors: 0,
            off_track: Vec::new(),
        }
    }

    fn fig<'a>(id: &'a str, name: &'a str, tier: Tier, capaian: &str) -> IndicatorFigure<'a> {
        IndicatorFigure {
            id,
            name,
            tier,
            capaian: Some(d(capaian)),
            band: Some("Baik"),
            tidak_diukur: false,
            of: crate::rekap::FigureOf::Indikator,
        }
    }

    #[test]
    fn tiers_come_from_the_indicators_even_when_a_unit_places_one_elsewhere() {
        let mut s = Summary::new("k", "K");
        s.add(
            &unit("K", "A"),
            [
                fig("i1", "I1", Tier::Strategis, "80"),
                fig("i2", "I2", Tier::Program, "60"),
            ],
            0,
        );
        // This unit's own rules put i1 under Program.
        s.add(
            &unit("K", "A"),
            [
                fig("i1", "I1", Tier::Program, "70"),
                fig("i2", "I2", Tier::Program, "50"),
            ],
            1,
        );
        let tiers = s.tiers();
        assert_eq!(tiers[&Tier::Strategis], dist(&["80"]));
        assert_eq!(tiers[&Tier::Program], dist(&["60", "70", "50"]));
        assert_eq!(s.indicators["i1"].capaian, dist(&["80", "70"]));
        assert_eq!(s.indicators["i1"].tier, Some(Tier::Strategis));
    }

    #[test]
    fn a_figure_not_measured_is_counted_apart_from_the_missing_ones() {
        let mut s = Summary::new("k", "K");
        let not_measured = IndicatorFigure {
            capaian: None,
            band: None,
            tidak_diukur: true,
            ..fig("i1", "I1", Tier::Strategis, "0")
        };
        let missing = IndicatorFigure {
            capaian: None,
            band: None,
            ..fig("i1", "I1", Tier::Strategis, "0")
        };
        s.add(&unit("K", "A"), [not_measured], 0);
        s.add(&unit("K", "A"), [missing], 1);
        s.add(&unit("K", "A"), [fig("i1", "I1", Tier::Strategis, "80")], 2);
        let i1 = &s.indicators["i1"];
        assert_eq!((i1.not_measured, i1.without_capaian, i1.capaian.count()), (1, 1, 1));
        let mut merged = Summary::new("n", "N");
        merged.merge(&s);
        merged.merge(&s);
        assert_eq!(merged.indicators["i1"].not_measured, 2);
    }

    /// Six units whose names, tiers and figures differ, added by one thread
    /// in order, or by two threads in any order and absorbed: the same.
    #[test]
    fn units_added_on_threads_in_any_order_give_the_summary_of_one_thread() {
        let units: Vec<(UnitRecord, Vec<IndicatorFigure<'static>>)> = vec![
            (
                unit("Kanwil A", "Baik"),
                vec![fig("i1", "first", Tier::Strategis, "80")],
            ),
            (
                unit("Kanwil A", "Cukup"),
                vec![fig("i1", "second", Tier::Strategis, "75.5")],
            ),
            (unit("Kanwil A", "Baik"), vec![fig("i1", "third", Tier::Program, "90")]),
            (
                unit("renamed", "Baik"),
                vec![fig("i1", "fourth", Tier::Strategis, "80")],
            ),
            (
                unit("renamed", "Baik"),
                vec![
                    fig("i1", "fifth", Tier::Kegiatan, "10"),
                    fig("i2", "x", Tier::Output, "1"),
                ],
            ),
            (unit("renamed", "Kurang"), vec![fig("i2", "y", Tier::Output, "2")]),
        ];
        let mut one = Summary::new("k", "K");
        for (place, (u, f)) in units.iter().enumerate() {
            one.add(u, f.iter().copied(), place as u64);
        }
        let r = Rounding::new(RoundingMode::HalfUp, 2);
        for order in [[5, 4, 3, 2, 1, 0], [3, 0, 5, 1, 4, 2], [2, 3, 4, 5, 0, 1]] {
            let (mut a, mut b) = (Summary::new("k", "?"), Summary::new("k", "?"));
            for (n, place) in order.iter().enumerate() {
                let (u, f) = &units[*place];
                let part = if n % 2 == 0 { &mut a } else { &mut b };
                part.add(u, f.iter().copied(), *place as u64);
            }
            b.absorb(a);
            assert_eq!(b.name, "Kanwil A");
            assert_eq!(b.indicators["i1"].name, "first");
            assert_eq!(b.indicators["i2"].name, "x");
            assert_eq!(b.tiers(), one.tiers());
            for (id, i) in &one.indicators {
                let other = &b.indicators[id];
                assert_eq!((&other.name, other.tier, &other.bands), (&i.name, i.tier, &i.bands));
                assert_eq!(other.capaian, i.capaian);
                assert_eq!(other.capaian.mean(r), i.capaian.mean(r));
            }
            assert_eq!((b.units, &b.bands, b.pagu), (one.units, &one.bands, one.pagu));
        }
        assert_eq!(one.tiers()[&Tier::Strategis].mean(r), Some(d("78.50")));
    }
}

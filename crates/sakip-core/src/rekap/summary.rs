//! What a Kanwil or a country looks like when its units are added up:
//! units per band, mean and median capaian per tier, budget absorption from
//! summed pagu and realisasi (never an average of percentages), units whose
//! rules or data failed.
//!
//! Every figure is exact. Memory does not grow with the number of units:
//! capaian are kept as counts per distinct value (a rule set rounds them to
//! a few decimals and caps them, so there are at most a few thousand
//! distinct values), which gives the exact median as well as the mean.

use super::record::UnitRecord;
use crate::klasifikasi::Klasifikasi;
use crate::model::Tier;
use crate::pembulatan::Rounding;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Capaian values as counts per value: the exact mean and median of any
/// number of values in the memory of their distinct values.
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
    sum: Decimal,
}

/// The decimals of a [`Distribution`]'s keys.
const KEY_SCALE: u32 = crate::pembulatan::MAX_DECIMALS;

impl Distribution {
    pub fn add(&mut self, value: Decimal) {
        let key = KEY_SCALE
            .checked_sub(value.scale())
            .and_then(|up| 10i128.checked_pow(up))
            .and_then(|f| value.mantissa().checked_mul(f))
            .and_then(|k| i64::try_from(k).ok());
        match key {
            Some(k) => *self.counts.entry(k).or_default() += 1,
            None => *self.finer.entry(value).or_default() += 1,
        }
        self.n += 1;
        self.sum = self.sum.checked_add(value).unwrap_or(self.sum);
    }

    pub fn merge(&mut self, other: &Distribution) {
        for (v, c) in &other.counts {
            *self.counts.entry(*v).or_default() += c;
        }
        for (v, c) in &other.finer {
            *self.finer.entry(*v).or_default() += c;
        }
        self.n += other.n;
        self.sum = self.sum.checked_add(other.sum).unwrap_or(self.sum);
    }

    pub fn count(&self) -> u64 {
        self.n
    }

    /// The mean, exact until `rounding` rounds it; `None` for no values.
    pub fn mean(&self, rounding: Rounding) -> Option<Decimal> {
        (self.n > 0)
            .then(|| self.sum.checked_div(Decimal::from(self.n)))
            .flatten()
            .map(|m| rounding.apply(m))
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
    pub capaian: Distribution,
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
    pub tiers: BTreeMap<Tier, Distribution>,
    pub indicators: BTreeMap<String, IndicatorSummary>,
    pub pagu: Decimal,
    pub realisasi: Decimal,
}

impl Summary {
    pub fn new(id: &str, name: &str) -> Self {
        Self {
            id: id.to_string(),
            name: name.to_string(),
            ..Self::default()
        }
    }

    /// Adds one evaluated unit.
    pub fn add(&mut self, unit: &UnitRecord) {
        self.units += 1;
        if unit.errors > 0 {
            self.failed += 1;
        }
        match &unit.band {
            Some(b) => *self.bands.entry(b.clone()).or_default() += 1,
            None => self.without_score += 1,
        }
        for i in &unit.indicators {
            // Look up before inserting: the id is copied once per run, not once per unit.
            if !self.indicators.contains_key(&i.id) {
                self.indicators.insert(
                    i.id.clone(),
                    IndicatorSummary {
                        name: i.name.clone(),
                        tier: Some(i.tier),
                        ..IndicatorSummary::default()
                    },
                );
            }
            let Some(entry) = self.indicators.get_mut(&i.id) else {
                continue;
            };
            match i.capaian {
                Some(c) => {
                    entry.capaian.add(c);
                    self.tiers.entry(i.tier).or_default().add(c);
                }
                None => entry.without_capaian += 1,
            }
            if let Some(b) = &i.band {
                *entry.bands.entry(b.clone()).or_default() += 1;
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
    /// the parts of a run split across machines).
    pub fn merge(&mut self, other: &Summary) {
        self.units += other.units;
        self.failed += other.failed;
        self.without_score += other.without_score;
        for (b, n) in &other.bands {
            *self.bands.entry(b.clone()).or_default() += n;
        }
        for (t, d) in &other.tiers {
            self.tiers.entry(*t).or_default().merge(d);
        }
        for (id, s) in &other.indicators {
            let entry = self.indicators.entry(id.clone()).or_insert_with(|| IndicatorSummary {
                name: s.name.clone(),
                tier: s.tier,
                ..IndicatorSummary::default()
            });
            for (b, n) in &s.bands {
                *entry.bands.entry(b.clone()).or_default() += n;
            }
            entry.without_capaian += s.without_capaian;
            entry.capaian.merge(&s.capaian);
        }
        self.pagu = self.pagu.checked_add(other.pagu).unwrap_or(self.pagu);
        self.realisasi = self.realisasi.checked_add(other.realisasi).unwrap_or(self.realisasi);
    }

    /// Budget absorption of the group: summed realisasi over summed pagu.
    pub fn penyerapan(&self, rounding: Rounding) -> Option<Decimal> {
        crate::pembulatan::percent_of(self.realisasi, self.pagu).map(|p| rounding.apply(p))
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
#[allow(clippy::unwrap_used)]
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
}

//! Bands of capaian: each a range, a label, an id and a colour.
//!
//! Tabel 2.10 of the seed prints its bands as "100 - 120", "80 - 99", ...;
//! read literally, 99.5 falls in no band. A rule set therefore states each
//! bound as inclusive or exclusive (`80 ..< 100`), classification takes the
//! first band that holds the value, and [`Klasifikasi::gaps_and_overlaps`]
//! lets `check` report a table that leaves holes.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One end of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bound {
    /// A plain decimal string, as every figure of the contract.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub value: Decimal,
    pub inclusive: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Band {
    /// Stable id for machines and styles (`excellent`, `very_poor`).
    pub id: String,
    /// What the report prints (`Sangat Memuaskan`).
    pub label: String,
    /// A CSS colour, `#rrggbb`.
    pub colour: String,
    /// `None`: no lower bound.
    pub lower: Option<Bound>,
    /// `None`: no upper bound.
    pub upper: Option<Bound>,
}

impl Band {
    pub fn contains(&self, value: Decimal) -> bool {
        let above = match self.lower {
            None => true,
            Some(b) if b.inclusive => value >= b.value,
            Some(b) => value > b.value,
        };
        let below = match self.upper {
            None => true,
            Some(b) if b.inclusive => value <= b.value,
            Some(b) => value < b.value,
        };
        above && below
    }

    /// The range as written in a rule file (`80 ..< 100`, `..< 60`,
    /// `80 <..= 90`).
    pub fn range_text(&self) -> String {
        let lo = self.lower.map(|b| format!("{} ", b.value)).unwrap_or_default();
        let above = match self.lower {
            Some(l) if !l.inclusive => "<",
            _ => "",
        };
        let op = match self.upper {
            Some(u) if u.inclusive => "..=",
            Some(_) => "..<",
            None => "..",
        };
        let hi = self.upper.map(|b| format!(" {}", b.value)).unwrap_or_default();
        format!("{lo}{above}{op}{hi}")
    }
}

/// A problem with a band table, for `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BandProblem {
    /// Values between two bands that no band holds, e.g. 99 < x < 100.
    Gap {
        below: usize,
        above: usize,
        from: Bound,
        to: Bound,
    },
    /// Two bands that both hold some values.
    Overlap { first: usize, second: usize },
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Klasifikasi {
    pub bands: Vec<Band>,
}

impl Klasifikasi {
    /// The first band that holds `value`.
    pub fn classify(&self, value: Decimal) -> Option<&Band> {
        self.bands.iter().find(|b| b.contains(value))
    }

    /// Gaps and overlaps between bands, looking at them from the lowest up.
    /// Unbounded ends at the table's extremes are not gaps.
    pub fn gaps_and_overlaps(&self) -> Vec<BandProblem> {
        let mut order: Vec<usize> = (0..self.bands.len()).collect();
        let lower_key = |i: &usize| self.bands.get(*i).and_then(|b| b.lower).map(|b| b.value);
        // `None` (unbounded below) sorts first.
        order.sort_by_key(lower_key);
        let mut problems = Vec::new();
        for pair in order.windows(2) {
            let (Some(&a), Some(&b)) = (pair.first(), pair.get(1)) else {
                continue;
            };
            let (Some(low), Some(high)) = (self.bands.get(a), self.bands.get(b)) else {
                continue;
            };
            match (low.upper, high.lower) {
                (None, _) => problems.push(BandProblem::Overlap { first: a, second: b }),
                (Some(_), None) => problems.push(BandProblem::Overlap { first: a, second: b }),
                (Some(up), Some(lo)) => {
                    if up.value < lo.value || (up.value == lo.value && !up.inclusive && !lo.inclusive) {
                        problems.push(BandProblem::Gap {
                            below: a,
                            above: b,
                            from: up,
                            to: lo,
                        });
                    } else if up.value > lo.value || (up.inclusive && lo.inclusive) {
                        problems.push(BandProblem::Overlap { first: a, second: b });
                    }
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn band(id: &str, lo: Option<(Decimal, bool)>, hi: Option<(Decimal, bool)>) -> Band {
        Band {
            id: id.to_string(),
            label: id.to_string(),
            colour: "#000000".to_string(),
            lower: lo.map(|(value, inclusive)| Bound { value, inclusive }),
            upper: hi.map(|(value, inclusive)| Bound { value, inclusive }),
        }
    }

    /// Tabel 2.10 with explicit bounds, as the national rules state it.
    fn tabel_2_10() -> Klasifikasi {
        Klasifikasi {
            bands: vec![
                band("excellent", Some((dec!(100), true)), Some((dec!(120), true))),
                band("good", Some((dec!(80), true)), Some((dec!(100), false))),
                band("caution", Some((dec!(70), true)), Some((dec!(80), false))),
                band("poor", Some((dec!(60), true)), Some((dec!(70), false))),
                band("very_poor", None, Some((dec!(60), false))),
            ],
        }
    }

    fn id_of(k: &Klasifikasi, v: Decimal) -> Option<&str> {
        k.classify(v).map(|b| b.id.as_str())
    }

    #[test]
    fn band_edges() {
        let k = tabel_2_10();
        assert_eq!(id_of(&k, dec!(79.99)), Some("caution"));
        assert_eq!(id_of(&k, dec!(80)), Some("good"));
        assert_eq!(id_of(&k, dec!(99.99)), Some("good"));
        assert_eq!(id_of(&k, dec!(99.995)), Some("good"));
        assert_eq!(id_of(&k, dec!(100)), Some("excellent"));
        assert_eq!(id_of(&k, dec!(120)), Some("excellent"));
        assert_eq!(
            id_of(&k, dec!(120.01)),
            None,
            "above the table: the cap must apply first"
        );
        assert_eq!(id_of(&k, dec!(59.99)), Some("very_poor"));
        assert_eq!(id_of(&k, dec!(60)), Some("poor"));
        assert_eq!(id_of(&k, dec!(-5)), Some("very_poor"));
    }

    #[test]
    fn a_clean_table_has_no_problems() {
        assert_eq!(tabel_2_10().gaps_and_overlaps(), vec![]);
    }

    #[test]
    fn the_literal_tabel_2_10_has_gaps() {
        // "80 - 99" and "100 - 120" read as closed ranges leave 99 < x < 100.
        let k = Klasifikasi {
            bands: vec![
                band("excellent", Some((dec!(100), true)), Some((dec!(120), true))),
                band("good", Some((dec!(80), true)), Some((dec!(99), true))),
            ],
        };
        assert_eq!(id_of(&k, dec!(99.5)), None);
        assert!(matches!(
            k.gaps_and_overlaps().as_slice(),
            [BandProblem::Gap { below: 1, above: 0, .. }]
        ));
    }

    #[test]
    fn overlaps_are_found() {
        let k = Klasifikasi {
            bands: vec![
                band("a", Some((dec!(80), true)), Some((dec!(100), true))),
                band("b", Some((dec!(100), true)), Some((dec!(120), true))),
            ],
        };
        assert!(matches!(
            k.gaps_and_overlaps().as_slice(),
            [BandProblem::Overlap { .. }]
        ));
    }

    /// NKA's bands (PMK 107/2024), closed on the right: a bound shared by
    /// two bands belongs to the one below, and the ranges print as written.
    #[test]
    fn bands_open_at_the_bottom() {
        let k = Klasifikasi {
            bands: vec![
                band("sangat_baik", Some((dec!(90), false)), None),
                band("baik", Some((dec!(80), false)), Some((dec!(90), true))),
                band("cukup", Some((dec!(60), false)), Some((dec!(80), false))),
                band("kurang", None, Some((dec!(60), true))),
            ],
        };
        assert_eq!(id_of(&k, dec!(90.00)), Some("baik"));
        assert_eq!(id_of(&k, dec!(90.01)), Some("sangat_baik"));
        assert_eq!(id_of(&k, dec!(60)), Some("kurang"));
        // 80 itself: above `..= 60`'s end, not in `60 <..< 80`, not in `80 <..= 90`.
        assert_eq!(id_of(&k, dec!(80)), None);
        let ranges: Vec<String> = k.bands.iter().map(Band::range_text).collect();
        assert_eq!(ranges, ["90 <..", "80 <..= 90", "60 <..< 80", "..= 60"]);
        let at_80 = Bound {
            value: dec!(80),
            inclusive: false,
        };
        let gap = BandProblem::Gap {
            below: 2,
            above: 1,
            from: at_80,
            to: at_80,
        };
        assert_eq!(k.gaps_and_overlaps(), [gap]);
    }
}

//! How the realisasi of several periods becomes the realisasi of the year.
//!
//! A count of people served adds up over the quarters (`jumlah`); an index
//! measured twice a year is the last measurement (`terakhir`) or their mean
//! (`rata`). The rule set says which; the data never decides it.

use crate::periode::Periode;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Agregasi {
    /// `jumlah`: the sum.
    Sum,
    /// `rata`: the arithmetic mean.
    Mean,
    /// `terakhir`: the value of the latest period.
    Last,
    /// `tertinggi`: the largest value.
    Max,
    /// `terendah`: the smallest value.
    Min,
}

impl Agregasi {
    pub fn keyword(self) -> &'static str {
        match self {
            Agregasi::Sum => "jumlah",
            Agregasi::Mean => "rata",
            Agregasi::Last => "terakhir",
            Agregasi::Max => "tertinggi",
            Agregasi::Min => "terendah",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Agregasi> {
        [
            Agregasi::Sum,
            Agregasi::Mean,
            Agregasi::Last,
            Agregasi::Max,
            Agregasi::Min,
        ]
        .into_iter()
        .find(|a| a.keyword() == word)
    }

    /// Combines period values, given in any order. `None` when there are no
    /// values or the sum overflows.
    pub fn apply(self, values: &[(Periode, Decimal)]) -> Option<Decimal> {
        // In period order (the data usually gives them so: then no copy).
        let owned;
        let sorted: &[(Periode, Decimal)] = if values.is_sorted_by_key(|(p, _)| *p) {
            values
        } else {
            let mut copy = values.to_vec();
            copy.sort_by_key(|(p, _)| *p);
            owned = copy;
            &owned
        };
        let mut nums = sorted.iter().map(|(_, v)| *v);
        match self {
            Agregasi::Sum => nums.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v)),
            Agregasi::Mean => {
                let count = Decimal::from(sorted.len());
                if sorted.is_empty() {
                    return None;
                }
                let total = nums.try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v))?;
                total.checked_div(count)
            }
            Agregasi::Last => sorted.last().map(|(_, v)| *v),
            Agregasi::Max => nums.max(),
            Agregasi::Min => nums.min(),
        }
    }
}

impl fmt::Display for Agregasi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn quarters() -> Vec<(Periode, Decimal)> {
        // Deliberately out of order: `terakhir` must mean the latest period.
        vec![
            (Periode::Tw3, dec!(30)),
            (Periode::Tw1, dec!(10)),
            (Periode::Tw4, dec!(25)),
            (Periode::Tw2, dec!(20.5)),
        ]
    }

    #[test]
    fn each_aggregation() {
        let q = quarters();
        assert_eq!(Agregasi::Sum.apply(&q), Some(dec!(85.5)));
        assert_eq!(Agregasi::Mean.apply(&q), Some(dec!(21.375)));
        assert_eq!(Agregasi::Last.apply(&q), Some(dec!(25)));
        assert_eq!(Agregasi::Max.apply(&q), Some(dec!(30)));
        assert_eq!(Agregasi::Min.apply(&q), Some(dec!(10)));
    }

    #[test]
    fn nothing_to_aggregate() {
        for a in [
            Agregasi::Sum,
            Agregasi::Mean,
            Agregasi::Last,
            Agregasi::Max,
            Agregasi::Min,
        ] {
            if a == Agregasi::Sum {
                assert_eq!(a.apply(&[]), Some(Decimal::ZERO));
            } else {
                assert_eq!(a.apply(&[]), None);
            }
        }
    }

    #[test]
    fn mean_of_thirds_is_exact_to_decimal_precision() {
        let v = [(Periode::Smt1, dec!(1)), (Periode::Smt2, dec!(0))];
        assert_eq!(Agregasi::Mean.apply(&v), Some(dec!(0.5)));
        let w = [
            (Periode::Tw1, dec!(1)),
            (Periode::Tw2, dec!(1)),
            (Periode::Tw3, dec!(2)),
        ];
        assert_eq!(Agregasi::Mean.apply(&w), Some(dec!(4) / dec!(3)));
    }

    #[test]
    fn overflowing_sum_is_none() {
        let v = [(Periode::Smt1, Decimal::MAX), (Periode::Smt2, Decimal::MAX)];
        assert_eq!(Agregasi::Sum.apply(&v), None);
    }
}

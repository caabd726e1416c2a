//! Rounding as a rule of the rule set, never an accident of formatting.
//!
//! The seed report truncates capaian to two decimals (43.39 for 23/53) and
//! rounds budget absorption half-up (56.42 for 1,093,513,011/1,938,261,000).
//! A rule set states both; a rounded figure always carries exactly `decimals`
//! digits after the point, so `40` is shown as `40.00` under two decimals.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use std::fmt;

/// How the last kept digit is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// `potong`: cut the digits off (towards zero), Excel's ROUNDDOWN.
    Truncate,
    /// `bulat`: half away from zero, Excel's ROUND and school rounding.
    HalfUp,
}

/// The most decimals a rule set may ask for; more would exceed what a
/// report prints and approach `Decimal`'s 28 significant digits.
pub const MAX_DECIMALS: u32 = 10;

/// A rounding rule: a mode and a number of decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rounding {
    pub mode: RoundingMode,
    pub decimals: u32,
}

impl Rounding {
    pub const fn new(mode: RoundingMode, decimals: u32) -> Self {
        Self { mode, decimals }
    }

    /// Rounds `value` and pads it to exactly `self.decimals` decimals.
    pub fn apply(&self, value: Decimal) -> Decimal {
        let strategy = match self.mode {
            RoundingMode::Truncate => RoundingStrategy::ToZero,
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        };
        let decimals = self.decimals.min(MAX_DECIMALS);
        let mut rounded = value.round_dp_with_strategy(decimals, strategy);
        rounded.rescale(decimals);
        rounded
    }
}

impl Default for Rounding {
    /// Two decimals, truncated: what the seed's capaian tables do.
    fn default() -> Self {
        Self::new(RoundingMode::Truncate, 2)
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mode = match self.mode {
            RoundingMode::Truncate => "potong",
            RoundingMode::HalfUp => "bulat",
        };
        write!(f, "{mode} {}", self.decimals)
    }
}

impl std::str::FromStr for Rounding {
    type Err = String;

    /// Reads what [`fmt::Display`] writes: `potong 2`, `bulat 0`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut words = s.split_whitespace();
        let mode = match words.next() {
            Some("potong") => RoundingMode::Truncate,
            Some("bulat") => RoundingMode::HalfUp,
            _ => return Err(format!("`{s}` is not a rounding (`potong 2`, `bulat 2`)")),
        };
        let decimals = words
            .next()
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|d| *d <= MAX_DECIMALS && words.next().is_none())
            .ok_or_else(|| format!("`{s}` is not a rounding (`potong 2`, `bulat 2`)"))?;
        Ok(Self::new(mode, decimals))
    }
}

/// `part / whole x 100` with every step checked; `None` when `whole` is zero
/// or the result does not fit a `Decimal`.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// The number of digits after the point that `value` was written with
/// (`41.9` has 1, `56.42` has 2, `40` has 0).
pub fn written_decimals(value: Decimal) -> u32 {
    value.scale()
}

/// A decimal in plain notation with no grouping and no exponent, as the JSON
/// contract wants it (`1938261000`, `56.42`, `-0.5`).
pub fn plain(value: Decimal) -> String {
    value.to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const TRUNC2: Rounding = Rounding::new(RoundingMode::Truncate, 2);
    const HALF2: Rounding = Rounding::new(RoundingMode::HalfUp, 2);

    #[test]
    fn truncate_cuts_and_half_up_rounds_at_the_edge() {
        assert_eq!(TRUNC2.apply(dec!(99.995)), dec!(99.99));
        assert_eq!(HALF2.apply(dec!(99.995)), dec!(100.00));
        assert_eq!(TRUNC2.apply(dec!(99.9949999)), dec!(99.99));
        assert_eq!(HALF2.apply(dec!(99.9949999)), dec!(99.99));
        assert_eq!(HALF2.apply(dec!(0.005)), dec!(0.01));
        assert_eq!(TRUNC2.apply(dec!(0.009)), dec!(0.00));
    }

    #[test]
    fn seed_figures_round_as_printed() {
        // Tabel 3.2: 23 / 53 = 43.396..., printed 43.39: truncated.
        let c = percent_of(dec!(23), dec!(53)).unwrap();
        assert_eq!(TRUNC2.apply(c).to_string(), "43.39");
        assert_eq!(HALF2.apply(c).to_string(), "43.40");
        // Tabel 3.5: 1,093,513,011 / 1,938,261,000 = 56.4170..., printed 56.42: half-up.
        let p = percent_of(dec!(1093513011), dec!(1938261000)).unwrap();
        assert_eq!(HALF2.apply(p).to_string(), "56.42");
        assert_eq!(TRUNC2.apply(p).to_string(), "56.41");
    }

    #[test]
    fn rounded_figures_carry_their_decimals() {
        assert_eq!(TRUNC2.apply(dec!(40)).to_string(), "40.00");
        assert_eq!(
            Rounding::new(RoundingMode::HalfUp, 0).apply(dec!(41.5)).to_string(),
            "42"
        );
        assert_eq!(
            Rounding::new(RoundingMode::Truncate, 1).apply(dec!(41.935)).to_string(),
            "41.9"
        );
    }

    #[test]
    fn truncation_goes_towards_zero_for_negative_values() {
        assert_eq!(TRUNC2.apply(dec!(-12.349)), dec!(-12.34));
        assert_eq!(HALF2.apply(dec!(-12.345)), dec!(-12.35));
    }

    #[test]
    fn exact_hundred_stays_hundred() {
        // The float failure mode the project exists to avoid: 0.7/0.7 or
        // 77.5/77.5 must give exactly 100, never 99.99.
        for (r, t) in [(dec!(77.5), dec!(77.5)), (dec!(0.7), dec!(0.7)), (dec!(1.1), dec!(1.1))] {
            assert_eq!(TRUNC2.apply(percent_of(r, t).unwrap()), dec!(100.00));
        }
    }

    #[test]
    fn percent_of_zero_is_none_not_a_panic() {
        assert_eq!(percent_of(dec!(5), Decimal::ZERO), None);
        assert_eq!(percent_of(Decimal::MAX, dec!(0.5)), None);
    }
}

//! Direction of an indicator and the default capaian formula for each.
//!
//! These are the formulas used when a rule set gives no `rumus capaian` of
//! its own. Each is total: every combination of target and realisasi has a
//! defined result, stated here and in the grammar reference.
//!
//! | polaritas | target > 0 | target = 0 |
//! |---|---|---|
//! | `naik` (higher is better) | R / T x 100 | 100 when R >= 0, else 0 |
//! | `turun` (lower is better) | (2T - R) / T x 100, at least 0 | 100 when R <= 0, else 0 |
//! | `rentang a ..= b` | 100 inside; below: R / a x 100; above: (2b - R) / b x 100, at least 0 | a bound of 0: 100 on the bound, else 0 |
//!
//! `turun`'s formula is symmetric around the target: a realisasi half the
//! target scores 150 (then capped), one and a half times the target scores
//! 50, twice the target or worse scores 0. Regions that score lower-is-better
//! indicators another way say so with a `rumus capaian` or a script.

use crate::pembulatan::percent_of;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Polaritas {
    /// `naik`: higher is better.
    Naik,
    /// `turun`: lower is better (residivis, incidents).
    Turun,
    /// `rentang a ..= b`: best inside the closed range.
    Rentang { min: Decimal, max: Decimal },
}

/// A capaian before cap and rounding, with the formula that produced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCapaian {
    pub value: Decimal,
    /// The formula in words, for the trace (`realisasi / target x 100`);
    /// a constant, so a batch run allocates nothing for it.
    pub formula: &'static str,
}

/// Why a capaian could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overflow;

impl Polaritas {
    pub fn keyword(&self) -> String {
        match self {
            Polaritas::Naik => "naik".to_string(),
            Polaritas::Turun => "turun".to_string(),
            Polaritas::Rentang { min, max } => format!("rentang {min} ..= {max}"),
        }
    }

    /// The default capaian of `realisasi` against `target`.
    pub fn capaian(&self, target: Decimal, realisasi: Decimal) -> Result<RawCapaian, Overflow> {
        let hundred = Decimal::ONE_HUNDRED;
        let raw = |value: Decimal, formula: &'static str| Ok(RawCapaian { value, formula });
        match *self {
            Polaritas::Naik => {
                if target.is_zero() {
                    let v = if realisasi >= Decimal::ZERO {
                        hundred
                    } else {
                        Decimal::ZERO
                    };
                    return raw(v, "target 0: 100 when realisasi >= 0, else 0");
                }
                raw(
                    percent_of(realisasi, target).ok_or(Overflow)?,
                    "realisasi / target x 100",
                )
            }
            Polaritas::Turun => {
                if target.is_zero() {
                    let v = if realisasi <= Decimal::ZERO {
                        hundred
                    } else {
                        Decimal::ZERO
                    };
                    return raw(v, "target 0: 100 when realisasi <= 0, else 0");
                }
                let v = lower_is_better(target, realisasi)?;
                raw(v, "(2 x target - realisasi) / target x 100, at least 0")
            }
            Polaritas::Rentang { min, max } => {
                if realisasi >= min && realisasi <= max {
                    return raw(hundred, "inside the range: 100");
                }
                if realisasi < min {
                    if min.is_zero() {
                        return raw(Decimal::ZERO, "below a lower bound of 0: 0");
                    }
                    let v = percent_of(realisasi, min).ok_or(Overflow)?.max(Decimal::ZERO);
                    return raw(v, "below the range: realisasi / lower bound x 100");
                }
                if max.is_zero() {
                    return raw(Decimal::ZERO, "above an upper bound of 0: 0");
                }
                let v = lower_is_better(max, realisasi)?;
                raw(v, "above the range: (2 x upper bound - realisasi) / upper bound x 100")
            }
        }
    }
}

/// `(2T - R) / T x 100`, floored at 0.
fn lower_is_better(target: Decimal, realisasi: Decimal) -> Result<Decimal, Overflow> {
    let twice = target.checked_mul(Decimal::TWO).ok_or(Overflow)?;
    let diff = twice.checked_sub(realisasi).ok_or(Overflow)?;
    let v = percent_of(diff, target).ok_or(Overflow)?;
    Ok(v.max(Decimal::ZERO))
}

impl fmt::Display for Polaritas {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.keyword())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn cap(p: Polaritas, t: Decimal, r: Decimal) -> Decimal {
        p.capaian(t, r).unwrap().value
    }

    #[test]
    fn higher_is_better() {
        assert_eq!(cap(Polaritas::Naik, dec!(75), dec!(30)), dec!(40));
        assert_eq!(cap(Polaritas::Naik, dec!(80), dec!(100)), dec!(125));
        assert_eq!(cap(Polaritas::Naik, dec!(77.5), dec!(77.5)), dec!(100));
    }

    #[test]
    fn lower_is_better() {
        let p = Polaritas::Turun;
        assert_eq!(cap(p, dec!(10), dec!(10)), dec!(100));
        assert_eq!(cap(p, dec!(10), dec!(5)), dec!(150));
        assert_eq!(cap(p, dec!(10), dec!(15)), dec!(50));
        assert_eq!(cap(p, dec!(10), dec!(20)), dec!(0));
        assert_eq!(cap(p, dec!(10), dec!(35)), dec!(0), "floored at 0");
    }

    #[test]
    fn range() {
        let p = Polaritas::Rentang {
            min: dec!(60),
            max: dec!(80),
        };
        assert_eq!(cap(p, dec!(70), dec!(60)), dec!(100));
        assert_eq!(cap(p, dec!(70), dec!(80)), dec!(100));
        assert_eq!(cap(p, dec!(70), dec!(30)), dec!(50));
        assert_eq!(cap(p, dec!(70), dec!(100)), dec!(75));
        assert_eq!(cap(p, dec!(70), dec!(200)), dec!(0));
        let zero = Polaritas::Rentang {
            min: dec!(0),
            max: dec!(0),
        };
        assert_eq!(cap(zero, dec!(0), dec!(0)), dec!(100));
        assert_eq!(cap(zero, dec!(0), dec!(1)), dec!(0));
        assert_eq!(cap(zero, dec!(0), dec!(-1)), dec!(0));
    }

    #[test]
    fn target_zero_has_a_defined_result() {
        assert_eq!(cap(Polaritas::Naik, dec!(0), dec!(0)), dec!(100));
        assert_eq!(cap(Polaritas::Naik, dec!(0), dec!(3)), dec!(100));
        assert_eq!(cap(Polaritas::Naik, dec!(0), dec!(-1)), dec!(0));
        assert_eq!(cap(Polaritas::Turun, dec!(0), dec!(0)), dec!(100));
        assert_eq!(cap(Polaritas::Turun, dec!(0), dec!(2)), dec!(0));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(Polaritas::Naik.capaian(dec!(0.0001), Decimal::MAX), Err(Overflow));
        assert_eq!(Polaritas::Turun.capaian(Decimal::MAX, dec!(1)), Err(Overflow));
    }
}

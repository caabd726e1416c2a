//! Whether a `rumus capaian` runs against its indikator's polarity: a
//! provincial LKj prints "penduduk di atas garis kemiskinan" (higher is
//! better) with (2T − R) / T, which falls as the share rises, and nobody
//! notices because the year's figure looks plausible.
//!
//! The formula is sampled, not reasoned about: at each target the rules
//! state (or 100 when they state none), the realisasi is stepped from 0 to
//! twice the target and the capaian computed exactly. A formula that only
//! ever falls while higher is better (or only rises while lower is better)
//! is reported. One that moves both ways (a cap, a `jika`) or not at all is
//! not: it may be meant. Formulas that read periods, other indikator or
//! script functions cannot be sampled from the rules alone and are left
//! alone.

use crate::formula::{Context, Expr, Field, FormulaError};
use crate::periode::{JenisPeriode, Periode};
use crate::polaritas::Polaritas;
use rust_decimal::Decimal;

/// Steps from 0 to twice the target: 0, T/8, ..., 2T.
const STEPS: u32 = 16;

/// A formula that moves only against the polarity, shown by two samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Against {
    pub target: Decimal,
    /// The lowest realisasi sampled, and its capaian.
    pub low: (Decimal, Decimal),
    /// The highest realisasi sampled, and its capaian.
    pub high: (Decimal, Decimal),
}

/// The first target at which `rumus` moves only against `polaritas`, when
/// there is one. `targets` are the values the rules state; non-positive
/// ones are skipped, and with none left the formula is sampled at 100.
pub fn against_polarity(rumus: &Expr, polaritas: Polaritas, targets: &[Decimal]) -> Option<Against> {
    let higher_is_better = match polaritas {
        Polaritas::Naik => true,
        Polaritas::Turun => false,
        Polaritas::Rentang { .. } => return None,
    };
    let mut at: Vec<Decimal> = targets.iter().copied().filter(|t| *t > Decimal::ZERO).collect();
    at.dedup();
    if at.is_empty() {
        at.push(Decimal::ONE_HUNDRED);
    }
    at.into_iter()
        .find_map(|target| sample(rumus, target, higher_is_better))
}

/// The samples at one target, when they only move the wrong way.
fn sample(rumus: &Expr, target: Decimal, higher_is_better: bool) -> Option<Against> {
    let mut points: Vec<(Decimal, Decimal)> = Vec::new();
    for i in 0..=STEPS {
        let realisasi = target
            .checked_mul(Decimal::from(i))?
            .checked_div(Decimal::from(STEPS / 2))?;
        let mut ctx = Sample {
            target,
            realisasi,
            read_more: false,
        };
        let capaian = rumus.eval_number(&mut ctx);
        // A formula that reads what a sample cannot give is not judged.
        if ctx.read_more {
            return None;
        }
        // A point that cannot be computed (target / realisasi at 0) is skipped.
        if let Ok(capaian) = capaian {
            points.push((realisasi, capaian));
        }
    }
    let rises = points.windows(2).any(|w| matches!(w, [a, b] if b.1 > a.1));
    let falls = points.windows(2).any(|w| matches!(w, [a, b] if b.1 < a.1));
    let wrong_way_only = if higher_is_better {
        falls && !rises
    } else {
        rises && !falls
    };
    if !wrong_way_only {
        return None;
    }
    Some(Against {
        target,
        low: *points.first()?,
        high: *points.last()?,
    })
}

/// One sample: this indikator's target and realisasi, and nothing else;
/// `read_more` records that the formula asked for anything else.
struct Sample {
    target: Decimal,
    realisasi: Decimal,
    read_more: bool,
}

impl Sample {
    /// What the formula asked for cannot be sampled: noted, and refused.
    fn refuse<T>(&mut self) -> Result<T, FormulaError> {
        self.read_more = true;
        Err(FormulaError::new("not sampled"))
    }
}

impl Context for Sample {
    fn own(&mut self, field: Field) -> Result<Decimal, FormulaError> {
        match field {
            Field::Target => Ok(self.target),
            Field::Realisasi => Ok(self.realisasi),
            Field::Capaian => self.refuse(),
        }
    }

    fn period(&mut self, _: Periode) -> Result<Decimal, FormulaError> {
        self.refuse()
    }

    fn periods(&mut self, _: JenisPeriode) -> Result<Vec<(Periode, Decimal)>, FormulaError> {
        self.refuse()
    }

    fn reference(&mut self, _: &str, _: Field) -> Result<Decimal, FormulaError> {
        self.refuse()
    }

    fn call(&mut self, _: &str, _: &[Decimal]) -> Result<Decimal, FormulaError> {
        self.refuse()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::formula::BinOp;
    use rust_decimal_macros::dec;

    fn num(v: Decimal) -> Expr {
        Expr::Number(v)
    }
    fn own(f: Field) -> Expr {
        Expr::Own(f)
    }
    fn bin(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
        Expr::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        }
    }
    /// (2T − R) / T × 100: the provincial LKj's formula for a "lower is better" row.
    fn two_t_minus_r() -> Expr {
        let numerator = bin(
            BinOp::Sub,
            bin(BinOp::Mul, num(dec!(2)), own(Field::Target)),
            own(Field::Realisasi),
        );
        bin(
            BinOp::Mul,
            bin(BinOp::Div, numerator, own(Field::Target)),
            num(dec!(100)),
        )
    }
    /// R / T × 100.
    fn r_over_t() -> Expr {
        bin(
            BinOp::Mul,
            bin(BinOp::Div, own(Field::Realisasi), own(Field::Target)),
            num(dec!(100)),
        )
    }

    #[test]
    fn a_falling_formula_under_naik_is_found_with_two_samples() {
        let found = against_polarity(&two_t_minus_r(), Polaritas::Naik, &[dec!(10.5)]);
        assert_eq!(
            found,
            Some(Against {
                target: dec!(10.5),
                low: (dec!(0), dec!(200)),
                high: (dec!(21), dec!(0)),
            })
        );
        // The same formula is right where lower is better.
        assert_eq!(
            against_polarity(&two_t_minus_r(), Polaritas::Turun, &[dec!(10.5)]),
            None
        );
    }

    #[test]
    fn a_rising_formula_under_turun_is_found() {
        assert!(against_polarity(&r_over_t(), Polaritas::Turun, &[]).is_some());
        assert_eq!(against_polarity(&r_over_t(), Polaritas::Naik, &[]), None);
    }

    #[test]
    fn target_over_realisasi_skips_the_division_by_zero() {
        // T / R × 100 falls as R rises: right for turun, wrong for naik; R = 0 is skipped.
        let t_over_r = bin(
            BinOp::Mul,
            bin(BinOp::Div, own(Field::Target), own(Field::Realisasi)),
            num(dec!(100)),
        );
        let found = against_polarity(&t_over_r, Polaritas::Naik, &[dec!(0), dec!(80)]).unwrap();
        assert_eq!(
            (found.target, found.low.0, found.high),
            (dec!(80), dec!(10), (dec!(160), dec!(50)))
        );
        assert_eq!(against_polarity(&t_over_r, Polaritas::Turun, &[dec!(80)]), None);
    }

    #[test]
    fn what_moves_both_ways_or_not_at_all_or_cannot_be_sampled_is_left_alone() {
        // min(R / T × 100, 100) rises then stays: not against naik.
        let capped = Expr::Call {
            name: "min".into(),
            args: vec![r_over_t(), num(dec!(100))],
        };
        assert_eq!(against_polarity(&capped, Polaritas::Naik, &[]), None);
        // |R − T|: falls, then rises.
        let distance = Expr::Call {
            name: "abs".into(),
            args: vec![bin(BinOp::Sub, own(Field::Realisasi), own(Field::Target))],
        };
        assert_eq!(against_polarity(&distance, Polaritas::Naik, &[]), None);
        assert_eq!(against_polarity(&num(dec!(100)), Polaritas::Naik, &[]), None);
        // A script's function, another indikator: not sampled.
        let scripted = Expr::Call {
            name: "rasio_terbalik".into(),
            args: vec![own(Field::Target), own(Field::Realisasi)],
        };
        assert_eq!(against_polarity(&scripted, Polaritas::Naik, &[]), None);
        let other = bin(
            BinOp::Sub,
            num(dec!(200)),
            Expr::Ref {
                indicator: "x".into(),
                field: Field::Realisasi,
            },
        );
        assert_eq!(against_polarity(&other, Polaritas::Naik, &[]), None);
        // No verdict under a range polarity.
        let rentang = Polaritas::Rentang {
            min: dec!(60),
            max: dec!(80),
        };
        assert_eq!(against_polarity(&two_t_minus_r(), rentang, &[]), None);
    }
}

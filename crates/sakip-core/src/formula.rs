//! The expression language of `rumus` lines.
//!
//! A formula computes an indicator's realisasi or capaian from its own
//! target and realisasi, its period values, other indicators' figures,
//! `jika ... maka ... lain ...`, comparisons, and functions: the built-in
//! `min`, `maks`, `abs`, `bulat` and `potong`, and any function a script
//! provides through a [`crate::host::ScriptHost`]. Values are decimals or truth values;
//! every arithmetic step is checked, so a division by zero or an overflow is
//! a [`FormulaError`], never a panic.

use crate::agregasi::Agregasi;
use crate::pembulatan::{Rounding, RoundingMode, MAX_DECIMALS};
use crate::periode::{JenisPeriode, Periode};
use rust_decimal::Decimal;
use std::fmt;

/// A figure of an indicator that a formula can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Target,
    Realisasi,
    Capaian,
}

impl Field {
    pub fn keyword(self) -> &'static str {
        match self {
            Field::Target => "target",
            Field::Realisasi => "realisasi",
            Field::Capaian => "capaian",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::And => "dan",
            BinOp::Or => "atau",
        }
    }

    /// Binding strength, higher binds tighter; used for printing.
    pub fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne => 3,
            BinOp::Add | BinOp::Sub => 4,
            BinOp::Mul | BinOp::Div => 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Number(Decimal),
    /// This indicator's `target`, `realisasi` (or, in a realisasi formula,
    /// nothing else).
    Own(Field),
    /// This indicator's realisasi in one period (`tw1`, `smt2`).
    Period(Periode),
    /// This indicator's period values combined (`jumlah(triwulan)`).
    Aggregate(Agregasi, JenisPeriode),
    /// Another indicator's figure (`ss5_kamtib.realisasi`).
    Ref {
        indicator: String,
        field: Field,
    },
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    If {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Call {
        name: String,
        args: Vec<Expr>,
    },
}

/// Built-in functions; any other name must come from a script.
pub const BUILTINS: [&str; 5] = ["min", "maks", "abs", "bulat", "potong"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormulaError {
    pub message: String,
}

impl FormulaError {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What a formula reads while it is evaluated; the evaluator implements it
/// for the indicator being computed.
pub trait Context {
    fn own(&mut self, field: Field) -> Result<Decimal, FormulaError>;
    fn period(&mut self, periode: Periode) -> Result<Decimal, FormulaError>;
    fn periods(&mut self, jenis: JenisPeriode) -> Result<Vec<(Periode, Decimal)>, FormulaError>;
    fn reference(&mut self, indicator: &str, field: Field) -> Result<Decimal, FormulaError>;
    fn call(&mut self, name: &str, args: &[Decimal]) -> Result<Decimal, FormulaError>;
}

fn overflow(what: &str) -> FormulaError {
    FormulaError::new(format!("the {what} is too large for a decimal figure"))
}

impl Expr {
    /// Evaluates to a number; a truth value here is an error.
    pub fn eval_number(&self, ctx: &mut dyn Context) -> Result<Decimal, FormulaError> {
        match self.eval(ctx)? {
            Value::Number(n) => Ok(n),
            Value::Bool(_) => Err(FormulaError::new(format!(
                "`{self}` is a comparison (benar/salah), but a number is needed here"
            ))),
        }
    }

    fn eval_bool(&self, ctx: &mut dyn Context) -> Result<bool, FormulaError> {
        match self.eval(ctx)? {
            Value::Bool(b) => Ok(b),
            Value::Number(_) => Err(FormulaError::new(format!(
                "`{self}` is a number, but a comparison is needed here (e.g. `realisasi >= target`)"
            ))),
        }
    }

    pub fn eval(&self, ctx: &mut dyn Context) -> Result<Value, FormulaError> {
        Ok(match self {
            Expr::Number(n) => Value::Number(*n),
            Expr::Own(field) => Value::Number(ctx.own(*field)?),
            Expr::Period(p) => Value::Number(ctx.period(*p)?),
            Expr::Aggregate(agg, jenis) => {
                let values = ctx.periods(*jenis)?;
                if values.is_empty() {
                    return Err(FormulaError::new(format!(
                        "`{}({})` has no {} values to combine",
                        agg.keyword(),
                        jenis.keyword(),
                        jenis.keyword()
                    )));
                }
                Value::Number(agg.apply(&values).ok_or_else(|| overflow("aggregate"))?)
            }
            Expr::Ref { indicator, field } => Value::Number(ctx.reference(indicator, *field)?),
            Expr::Neg(e) => Value::Number(
                Decimal::ZERO
                    .checked_sub(e.eval_number(ctx)?)
                    .ok_or_else(|| overflow("negation"))?,
            ),
            Expr::Not(e) => Value::Bool(!e.eval_bool(ctx)?),
            Expr::Binary { op, lhs, rhs } => eval_binary(*op, lhs, rhs, ctx)?,
            Expr::If { cond, then, otherwise } => {
                if cond.eval_bool(ctx)? {
                    then.eval(ctx)?
                } else {
                    otherwise.eval(ctx)?
                }
            }
            Expr::Call { name, args } => {
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(a.eval_number(ctx)?);
                }
                Value::Number(call_builtin(name, &values).unwrap_or_else(|| ctx.call(name, &values))?)
            }
        })
    }

    /// Every other indicator this formula reads, in order of appearance.
    pub fn references(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Ref { indicator, .. } = e {
                out.push(indicator.as_str());
            }
        });
        out
    }

    /// Whether this formula reads its own indikator's `field` (`target`).
    pub fn reads_own(&self, field: Field) -> bool {
        let mut found = false;
        self.walk(&mut |e| {
            if *e == Expr::Own(field) {
                found = true;
            }
        });
        found
    }

    /// Every function this formula calls that is not built in.
    pub fn external_calls(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |e| {
            if let Expr::Call { name, .. } = e {
                if !BUILTINS.contains(&name.as_str()) {
                    out.push(name.as_str());
                }
            }
        });
        out
    }

    fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match self {
            Expr::Neg(e) | Expr::Not(e) => e.walk(f),
            Expr::Binary { lhs, rhs, .. } => {
                lhs.walk(f);
                rhs.walk(f);
            }
            Expr::If { cond, then, otherwise } => {
                cond.walk(f);
                then.walk(f);
                otherwise.walk(f);
            }
            Expr::Call { args, .. } => args.iter().for_each(|a| a.walk(f)),
            Expr::Number(_) | Expr::Own(_) | Expr::Period(_) | Expr::Aggregate(..) | Expr::Ref { .. } => {}
        }
    }

    fn precedence(&self) -> u8 {
        match self {
            Expr::Binary { op, .. } => op.precedence(),
            Expr::If { .. } => 0,
            _ => 9,
        }
    }
}

fn eval_binary(op: BinOp, lhs: &Expr, rhs: &Expr, ctx: &mut dyn Context) -> Result<Value, FormulaError> {
    match op {
        BinOp::And => return Ok(Value::Bool(lhs.eval_bool(ctx)? && rhs.eval_bool(ctx)?)),
        BinOp::Or => return Ok(Value::Bool(lhs.eval_bool(ctx)? || rhs.eval_bool(ctx)?)),
        _ => {}
    }
    let a = lhs.eval_number(ctx)?;
    let b = rhs.eval_number(ctx)?;
    let number = |v: Option<Decimal>, what: &str| v.map(Value::Number).ok_or_else(|| overflow(what));
    match op {
        BinOp::Add => number(a.checked_add(b), "sum"),
        BinOp::Sub => number(a.checked_sub(b), "difference"),
        BinOp::Mul => number(a.checked_mul(b), "product"),
        BinOp::Div => {
            if b.is_zero() {
                Err(FormulaError::new(format!("division by zero: `{rhs}` is 0")))
            } else {
                number(a.checked_div(b), "quotient")
            }
        }
        BinOp::Lt => Ok(Value::Bool(a < b)),
        BinOp::Le => Ok(Value::Bool(a <= b)),
        BinOp::Gt => Ok(Value::Bool(a > b)),
        BinOp::Ge => Ok(Value::Bool(a >= b)),
        BinOp::Eq => Ok(Value::Bool(a == b)),
        BinOp::Ne => Ok(Value::Bool(a != b)),
        BinOp::And | BinOp::Or => Err(FormulaError::new("internal: logical operator reached arithmetic")),
    }
}

/// The built-in functions; `None` when `name` is not one of them.
fn call_builtin(name: &str, args: &[Decimal]) -> Option<Result<Decimal, FormulaError>> {
    let arity = |n: usize| -> Result<(), FormulaError> {
        if args.len() == n {
            Ok(())
        } else {
            Err(FormulaError::new(format!(
                "`{name}` takes {n} values, got {}",
                args.len()
            )))
        }
    };
    let round = |mode| -> Result<Decimal, FormulaError> {
        arity(2)?;
        let (Some(&x), Some(&n)) = (args.first(), args.get(1)) else {
            return Err(FormulaError::new(format!("`{name}` takes 2 values")));
        };
        let decimals = u32::try_from(n.trunc().mantissa())
            .ok()
            .filter(|d| n.fract().is_zero() && *d <= MAX_DECIMALS)
            .ok_or_else(|| FormulaError::new(format!("`{name}` rounds to 0..={MAX_DECIMALS} decimals, not {n}")))?;
        Ok(Rounding::new(mode, decimals).apply(x))
    };
    Some(match name {
        "min" | "maks" => {
            let it = args.iter().copied();
            let v = if name == "min" { it.min() } else { it.max() };
            v.ok_or_else(|| FormulaError::new(format!("`{name}` needs at least one value")))
        }
        "abs" => arity(1).and_then(|()| {
            args.first()
                .map(|x| x.abs())
                .ok_or_else(|| FormulaError::new("`abs` takes 1 value"))
        }),
        "bulat" => round(RoundingMode::HalfUp),
        "potong" => round(RoundingMode::Truncate),
        _ => return None,
    })
}

impl fmt::Display for Expr {
    /// Prints the formula back in the rule language, with only the
    /// parentheses its meaning needs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Number(n) => write!(f, "{n}"),
            Expr::Own(field) => f.write_str(field.keyword()),
            Expr::Period(p) => f.write_str(p.keyword()),
            Expr::Aggregate(a, j) => write!(f, "{}({})", a.keyword(), j.keyword()),
            Expr::Ref { indicator, field } => write!(f, "{indicator}.{}", field.keyword()),
            Expr::Neg(e) if e.precedence() < 9 => write!(f, "-({e})"),
            Expr::Neg(e) => write!(f, "-{e}"),
            Expr::Not(e) if e.precedence() < 9 => write!(f, "tidak ({e})"),
            Expr::Not(e) => write!(f, "tidak {e}"),
            Expr::Binary { op, lhs, rhs } => {
                let p = op.precedence();
                if lhs.precedence() < p {
                    write!(f, "({lhs})")?;
                } else {
                    write!(f, "{lhs}")?;
                }
                write!(f, " {} ", op.symbol())?;
                // Left-associative: a right operand of equal strength needs parentheses.
                if rhs.precedence() <= p {
                    write!(f, "({rhs})")
                } else {
                    write!(f, "{rhs}")
                }
            }
            Expr::If { cond, then, otherwise } => write!(f, "jika {cond} maka {then} lain {otherwise}"),
            Expr::Call { name, args } => {
                write!(f, "{name}(")?;
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{a}")?;
                }
                f.write_str(")")
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    struct Fixed;
    impl Context for Fixed {
        fn own(&mut self, field: Field) -> Result<Decimal, FormulaError> {
            Ok(match field {
                Field::Target => dec!(80),
                Field::Realisasi => dec!(60),
                Field::Capaian => dec!(75),
            })
        }
        fn period(&mut self, p: Periode) -> Result<Decimal, FormulaError> {
            Ok(if p == Periode::Smt1 { dec!(25) } else { dec!(35) })
        }
        fn periods(&mut self, _j: JenisPeriode) -> Result<Vec<(Periode, Decimal)>, FormulaError> {
            Ok(vec![(Periode::Smt1, dec!(25)), (Periode::Smt2, dec!(35))])
        }
        fn reference(&mut self, id: &str, _f: Field) -> Result<Decimal, FormulaError> {
            if id == "other" {
                Ok(dec!(10))
            } else {
                Err(FormulaError::new(format!("unknown `{id}`")))
            }
        }
        fn call(&mut self, name: &str, args: &[Decimal]) -> Result<Decimal, FormulaError> {
            match name {
                "double" => Ok(args.first().copied().unwrap_or_default() * dec!(2)),
                _ => Err(FormulaError::new(format!("no function `{name}`"))),
            }
        }
    }

    fn n(v: Decimal) -> Box<Expr> {
        Box::new(Expr::Number(v))
    }
    fn own(f: Field) -> Box<Expr> {
        Box::new(Expr::Own(f))
    }
    fn bin(op: BinOp, lhs: Box<Expr>, rhs: Box<Expr>) -> Box<Expr> {
        Box::new(Expr::Binary { op, lhs, rhs })
    }

    #[test]
    fn arithmetic_comparison_and_if() {
        // jika realisasi <= target maka target / realisasi * 100 lain 0
        let e = Expr::If {
            cond: bin(BinOp::Le, own(Field::Realisasi), own(Field::Target)),
            then: bin(
                BinOp::Mul,
                bin(BinOp::Div, own(Field::Target), own(Field::Realisasi)),
                n(dec!(100)),
            ),
            otherwise: n(dec!(0)),
        };
        let v = e.eval_number(&mut Fixed).unwrap();
        assert_eq!(Rounding::default().apply(v), dec!(133.33));
        assert_eq!(
            e.to_string(),
            "jika realisasi <= target maka target / realisasi * 100 lain 0"
        );
    }

    #[test]
    fn aggregates_references_and_calls() {
        let e = Expr::Call {
            name: "maks".into(),
            args: vec![
                Expr::Aggregate(Agregasi::Sum, JenisPeriode::Semester),
                Expr::Call {
                    name: "double".into(),
                    args: vec![Expr::Ref {
                        indicator: "other".into(),
                        field: Field::Realisasi,
                    }],
                },
            ],
        };
        assert_eq!(e.eval_number(&mut Fixed).unwrap(), dec!(60));
        assert_eq!(e.references(), vec!["other"]);
        assert_eq!(e.external_calls(), vec!["double"]);
    }

    #[test]
    fn division_by_zero_is_an_error() {
        let e = bin(
            BinOp::Div,
            own(Field::Target),
            bin(BinOp::Sub, own(Field::Realisasi), n(dec!(60))),
        );
        let err = e.eval_number(&mut Fixed).unwrap_err();
        assert_eq!(err.message, "division by zero: `realisasi - 60` is 0");
    }

    #[test]
    fn overflow_is_an_error() {
        let e = bin(BinOp::Mul, n(Decimal::MAX), n(dec!(2)));
        assert!(e.eval_number(&mut Fixed).unwrap_err().message.contains("too large"));
    }

    #[test]
    fn type_errors_are_errors() {
        let cmp = bin(BinOp::Lt, own(Field::Target), n(dec!(1)));
        assert!(cmp.eval_number(&mut Fixed).is_err());
        let e = Expr::If {
            cond: n(dec!(1)),
            then: n(dec!(1)),
            otherwise: n(dec!(2)),
        };
        assert!(e.eval_number(&mut Fixed).is_err());
    }

    #[test]
    fn builtin_rounding_functions() {
        let c = |name: &str, x| Expr::Call {
            name: name.into(),
            args: vec![Expr::Number(x), Expr::Number(dec!(2))],
        };
        assert_eq!(
            c("bulat", dec!(56.417)).eval_number(&mut Fixed).unwrap().to_string(),
            "56.42"
        );
        assert_eq!(
            c("potong", dec!(56.417)).eval_number(&mut Fixed).unwrap().to_string(),
            "56.41"
        );
        let bad = Expr::Call {
            name: "bulat".into(),
            args: vec![Expr::Number(dec!(1)), Expr::Number(dec!(0.5))],
        };
        assert!(bad.eval_number(&mut Fixed).is_err());
    }

    #[test]
    fn printing_keeps_needed_parentheses() {
        let e = bin(
            BinOp::Sub,
            own(Field::Target),
            bin(BinOp::Sub, own(Field::Realisasi), n(dec!(1))),
        );
        assert_eq!(e.to_string(), "target - (realisasi - 1)");
        let e = bin(BinOp::Mul, bin(BinOp::Add, own(Field::Target), n(dec!(1))), n(dec!(2)));
        assert_eq!(e.to_string(), "(target + 1) * 2");
    }
}

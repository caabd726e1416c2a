//! Why a report printed another capaian than the rules give: the usual
//! slips of a hand computation, each tried on the indikator's own figures,
//! and named when it reproduces the printed figure.
//!
//! The slips tried, in this order:
//! - rounded half up where the rules cut, or cut where they round;
//! - computed from the realisasi rounded to a whole number;
//! - against another year's target, or the national target;
//! - before the cap (`konversi efisiensi`);
//! - target and realisasi swapped;
//! - the other polarity's formula;
//! - one mistyped digit in the target or the realisasi;
//! - two adjacent digits of the figure swapped.
//!
//! A slip "reproduces" the printed figure when its result, capped and
//! rounded as the rules say, equals it; where the report printed fewer
//! decimals than the rules keep, when it rounds to it at the printed
//! precision. A mistyped digit must give the printed figure exactly: with
//! so many digits to try, a looser match would find one almost always.

use crate::i18n::Text;
use crate::pembulatan::{Rounding, RoundingMode};
use crate::polaritas::Polaritas;
use rust_decimal::Decimal;

/// One slip that reproduces the printed figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cause {
    /// Rounded with `mode` instead of the rules' mode.
    Rounding { mode: RoundingMode },
    /// Computed from the realisasi rounded to a whole number.
    RoundedRealisasi { realisasi: Decimal },
    /// Against another target: another year's (`Some(year)`) or the national one.
    OtherTarget { target: Decimal, year: Option<u16> },
    /// Not capped: the figure before `konversi efisiensi`.
    BeforeCap,
    /// Target and realisasi swapped.
    Swapped,
    /// Computed with the other polarity.
    OtherPolarity { polaritas: Polaritas },
    /// One digit of the target mistyped: `meant` written as `written`.
    TargetDigit { written: Decimal },
    /// One digit of the realisasi mistyped.
    RealisasiDigit { written: Decimal },
    /// Two adjacent digits of the figure swapped.
    Transposed,
}

/// An indikator's figures, as far as the slips need them.
#[derive(Debug, Clone)]
pub struct Figures {
    pub printed: Decimal,
    pub computed: Decimal,
    pub target: Decimal,
    pub realisasi: Decimal,
    pub polaritas: Polaritas,
    pub rounding: Rounding,
    pub cap: Option<Decimal>,
    /// The indikator's other targets: another year's, or the national one (`None`).
    pub other_targets: Vec<(Decimal, Option<u16>)>,
    /// Whether a `rumus capaian` computes it: then only the rounding slips apply.
    pub by_formula: bool,
}

impl Figures {
    /// The rules' capaian of a raw figure: capped, then rounded.
    fn finish(&self, raw: Decimal, rounding: Rounding) -> Decimal {
        let capped = match self.cap {
            Some(c) if raw > c => c,
            _ => raw,
        };
        rounding.apply(capped)
    }

    /// Whether a raw figure, capped and rounded, gives the printed one.
    fn reproduces(&self, raw: Decimal, rounding: Rounding) -> bool {
        self.shows_as_printed(self.finish(raw, rounding), rounding)
    }

    /// Whether a figure rounded by `rounding` is the printed one, or rounds
    /// to it at the printed precision when the report printed fewer decimals.
    fn shows_as_printed(&self, value: Decimal, rounding: Rounding) -> bool {
        let shown = self.printed.scale();
        value == self.printed
            || (shown < rounding.decimals && Rounding::new(rounding.mode, shown).apply(value) == self.printed)
    }

    /// Whether a raw figure, capped and rounded, is exactly the printed one.
    fn equals(&self, raw: Decimal) -> bool {
        self.finish(raw, self.rounding) == self.printed
    }

    fn default_capaian(&self, polaritas: &Polaritas, target: Decimal, realisasi: Decimal) -> Option<Decimal> {
        polaritas.capaian(target, realisasi).ok().map(|r| r.value)
    }
}

/// Every slip that reproduces the printed figure, in the order above.
pub fn causes(f: &Figures) -> Vec<Cause> {
    let mut out = Vec::new();
    let raw = f.default_capaian(&f.polaritas, f.target, f.realisasi);
    let other_mode = match f.rounding.mode {
        RoundingMode::Truncate => RoundingMode::HalfUp,
        RoundingMode::HalfUp => RoundingMode::Truncate,
    };
    // The figure before rounding: the computed one is already rounded, so
    // the rounding slip needs the raw figure.
    if let Some(raw) = raw.filter(|_| !f.by_formula) {
        if f.reproduces(raw, Rounding::new(other_mode, f.rounding.decimals)) {
            out.push(Cause::Rounding { mode: other_mode });
        }
    }
    if f.by_formula {
        return out;
    }
    let whole = f
        .realisasi
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if whole != f.realisasi {
        if let Some(c) = f.default_capaian(&f.polaritas, f.target, whole) {
            if f.reproduces(c, f.rounding) {
                out.push(Cause::RoundedRealisasi { realisasi: whole });
            }
        }
    }
    for (t, year) in &f.other_targets {
        if *t == f.target {
            continue;
        }
        if let Some(c) = f.default_capaian(&f.polaritas, *t, f.realisasi) {
            if f.reproduces(c, f.rounding) {
                out.push(Cause::OtherTarget {
                    target: *t,
                    year: *year,
                });
            }
        }
    }
    if let (Some(raw), Some(cap)) = (raw, f.cap) {
        // The cap left out: the raw figure, only rounded.
        if raw > cap && f.shows_as_printed(f.rounding.apply(raw), f.rounding) {
            out.push(Cause::BeforeCap);
        }
    }
    if let Some(c) = f.default_capaian(&f.polaritas, f.realisasi, f.target) {
        if f.reproduces(c, f.rounding) {
            out.push(Cause::Swapped);
        }
    }
    let other = match f.polaritas {
        Polaritas::Naik => Some(Polaritas::Turun),
        Polaritas::Turun => Some(Polaritas::Naik),
        Polaritas::Rentang { .. } => None,
    };
    if let Some(p) = other {
        if let Some(c) = f.default_capaian(&p, f.target, f.realisasi) {
            if f.reproduces(c, f.rounding) {
                out.push(Cause::OtherPolarity { polaritas: p });
            }
        }
    }
    // A mistyped target that is another known target is that target.
    let known: Vec<Decimal> = f.other_targets.iter().map(|(t, _)| *t).collect();
    for written in one_digit_off(f.target).into_iter().filter(|w| !known.contains(w)) {
        if let Some(c) = f.default_capaian(&f.polaritas, written, f.realisasi) {
            if f.equals(c) {
                out.push(Cause::TargetDigit { written });
            }
        }
    }
    for written in one_digit_off(f.realisasi) {
        if let Some(c) = f.default_capaian(&f.polaritas, f.target, written) {
            if f.equals(c) {
                out.push(Cause::RealisasiDigit { written });
            }
        }
    }
    if transposed(f.computed, f.printed) {
        out.push(Cause::Transposed);
    }
    out
}

/// What a reader is told: the slips that reproduce the printed figure
/// (several may), or that no simple slip does.
pub fn explain(causes: &[Cause], printed: Decimal, computed: Decimal, target: Decimal, realisasi: Decimal) -> Text {
    let plain = crate::pembulatan::plain;
    let one = |c: &Cause| match c {
        Cause::Rounding { mode } => Text::new("printed-cause-rounding").arg(
            "mode",
            match mode {
                RoundingMode::HalfUp => "bulat",
                RoundingMode::Truncate => "potong",
            },
        ),
        Cause::RoundedRealisasi { realisasi: whole } => Text::new("printed-cause-rounded-realisasi")
            .arg("realisasi", plain(realisasi))
            .arg("whole", plain(*whole)),
        Cause::OtherTarget {
            target: other,
            year: Some(y),
        } => Text::new("printed-cause-year-target")
            .arg("year", *y)
            .arg("other", plain(*other)),
        Cause::OtherTarget {
            target: other,
            year: None,
        } => Text::new("printed-cause-national-target").arg("other", plain(*other)),
        Cause::BeforeCap => Text::new("printed-cause-before-cap"),
        Cause::Swapped => Text::new("printed-cause-swapped"),
        Cause::OtherPolarity { polaritas } => {
            Text::new("printed-cause-polaritas").arg("polaritas", polaritas.keyword())
        }
        Cause::TargetDigit { written } => Text::new("printed-cause-target-digit")
            .arg("written", plain(*written))
            .arg("target", plain(target)),
        Cause::RealisasiDigit { written } => Text::new("printed-cause-realisasi-digit")
            .arg("written", plain(*written))
            .arg("realisasi", plain(realisasi)),
        Cause::Transposed => Text::new("printed-cause-transposed").arg("computed", plain(computed)),
    };
    let mut texts: Vec<Text> = causes.iter().map(one).collect();
    let Some(mut list) = texts.pop() else {
        return Text::new("printed-cause-none").arg("printed", plain(printed));
    };
    while let Some(before) = texts.pop() {
        list = Text::new("list-or").arg_text("a", before).arg_text("b", list);
    }
    Text::new("printed-cause")
        .arg("printed", plain(printed))
        .arg_text("causes", list)
}

/// Every number that differs from `value` in one digit, as written.
fn one_digit_off(value: Decimal) -> Vec<Decimal> {
    let text = value.to_string();
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if !c.is_ascii_digit() {
            continue;
        }
        for d in '0'..='9' {
            if d == c {
                continue;
            }
            let mut t = text.clone();
            t.replace_range(i..i + 1, &d.to_string());
            if let Ok(v) = t.parse::<Decimal>() {
                if v != value && !v.is_zero() {
                    out.push(v);
                }
            }
        }
    }
    out
}

/// Whether `printed` is `computed` (at the printed precision) with two
/// adjacent different digits swapped.
fn transposed(computed: Decimal, printed: Decimal) -> bool {
    let shown = Rounding::new(RoundingMode::Truncate, printed.scale()).apply(computed);
    let (a, b) = (shown.to_string(), printed.to_string());
    if a.len() != b.len() || a == b {
        return false;
    }
    let diffs: Vec<usize> = a
        .bytes()
        .zip(b.bytes())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i)
        .collect();
    match diffs.as_slice() {
        [i, j] if *j == i + 1 => {
            a.as_bytes().get(*i) == b.as_bytes().get(*j) && a.as_bytes().get(*j) == b.as_bytes().get(*i)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn figures(printed: Decimal, target: Decimal, realisasi: Decimal) -> Figures {
        let rounding = Rounding::new(RoundingMode::Truncate, 2);
        let computed = rounding.apply(realisasi / target * dec!(100));
        Figures {
            printed,
            computed,
            target,
            realisasi,
            polaritas: Polaritas::Naik,
            rounding,
            cap: Some(dec!(120)),
            other_targets: Vec::new(),
            by_formula: false,
        }
    }

    #[test]
    fn rounded_half_up_where_the_rules_cut() {
        // 2 / 3 = 66.666...: cut 66.66, half up 66.67.
        let f = figures(dec!(66.67), dec!(3), dec!(2));
        assert_eq!(
            causes(&f),
            vec![Cause::Rounding {
                mode: RoundingMode::HalfUp
            }]
        );
    }

    #[test]
    fn computed_from_the_rounded_realisasi() {
        // 44.6 / 50 = 89.2; 45 / 50 = 90.
        let f = figures(dec!(90.00), dec!(50), dec!(44.6));
        assert_eq!(causes(&f), vec![Cause::RoundedRealisasi { realisasi: dec!(45) }]);
    }

    #[test]
    fn against_another_years_or_the_national_target() {
        let mut f = figures(dec!(50.00), dec!(75), dec!(35));
        f.other_targets = vec![(dec!(72), Some(2023)), (dec!(70), None)];
        assert_eq!(
            causes(&f),
            vec![Cause::OtherTarget {
                target: dec!(70),
                year: None
            }]
        );
    }

    #[test]
    fn before_the_cap() {
        let f = figures(dec!(150.00), dec!(40), dec!(60));
        assert_eq!(f.computed, dec!(150.00));
        let mut f = f;
        f.computed = dec!(120.00);
        assert!(causes(&f).contains(&Cause::BeforeCap), "{:?}", causes(&f));
    }

    #[test]
    fn target_and_realisasi_swapped() {
        // 80 / 100 = 80; swapped 100 / 80 = 125, capped at 120.
        let mut f = figures(dec!(125.00), dec!(100), dec!(80));
        f.cap = None;
        assert!(causes(&f).contains(&Cause::Swapped), "{:?}", causes(&f));
    }

    #[test]
    fn the_other_polaritys_formula() {
        // naik: 90 / 100 = 90; turun: (2 - 90/100) x 100 = 110.
        let f = figures(dec!(110.00), dec!(100), dec!(90));
        assert!(
            causes(&f).contains(&Cause::OtherPolarity {
                polaritas: Polaritas::Turun
            }),
            "{:?}",
            causes(&f)
        );
    }

    #[test]
    fn a_mistyped_digit_in_the_target_or_the_realisasi() {
        // The seed's remisi: 44 / 98 = 44.89, printed 50: 44 / 88 or 49 / 98.
        let f = figures(dec!(50), dec!(98), dec!(44));
        let found = causes(&f);
        assert!(found.contains(&Cause::TargetDigit { written: dec!(88) }), "{found:?}");
        assert!(
            found.contains(&Cause::RealisasiDigit { written: dec!(49) }),
            "{found:?}"
        );
    }

    #[test]
    fn two_digits_swapped() {
        let f = figures(dec!(46.46), dec!(100), dec!(46.64));
        assert!(causes(&f).contains(&Cause::Transposed), "{:?}", causes(&f));
    }

    #[test]
    fn nothing_simple_fits_the_seeds_kamtib() {
        // 35 / 75 = 46.66, printed 45: no slip gives 45.
        let mut f = figures(dec!(45), dec!(75), dec!(35));
        f.other_targets = vec![(dec!(70), None), (dec!(72), Some(2023))];
        assert_eq!(causes(&f), Vec::<Cause>::new());
    }
}

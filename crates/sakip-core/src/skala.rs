//! Qualitative indikator: values on an ordered scale
//! (`skala WTP > WDP > TW > TMP`), as the IKU of almost every ministry and
//! local government have them (the BPK's opinion, the SAKIP grade, the
//! integrity-zone title).
//!
//! A value is written as it is printed ("WTP") and counted as its place on
//! the scale from the bottom (TMP = 1, WTP = 4): formulas, bands and means
//! see that number, every output shows the value as written. The capaian is
//! a stated rule: at or above the target 100; below it 0, or, with
//! `langkah N`, 100 less N for each step below (never under 0); or a
//! `rumus capaian` over the places.

use crate::i18n::Text;
use crate::model::Quantity;
use rust_decimal::Decimal;
use std::sync::Arc;

/// An ordered scale, best value first, as the rule set writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skala {
    /// The values, best first (`WTP`, `WDP`, `TW`, `TMP`). Shared: every
    /// result of the indikator carries the scale to show its values.
    pub nilai: Arc<[String]>,
    /// Points taken off the capaian for each step below the target; `None`:
    /// below the target is 0.
    pub langkah: Option<Decimal>,
}

impl Skala {
    pub fn new(nilai: Vec<String>, langkah: Option<Decimal>) -> Self {
        Self {
            nilai: nilai.into(),
            langkah,
        }
    }

    /// The place of `label` from the bottom (the worst value is 1). Case
    /// does not matter (`wtp` is `WTP`); the scale is checked for values
    /// that differ only in case when it is read.
    pub fn position(&self, label: &str) -> Option<Decimal> {
        let label = label.trim();
        let at = self.nilai.iter().position(|v| v.eq_ignore_ascii_case(label))?;
        let from_bottom = self.nilai.len().checked_sub(at)?;
        Some(Decimal::from(from_bottom))
    }

    /// The value at `position` (from the bottom), when it is a place of the
    /// scale: a formula's result between two places has no label.
    pub fn label(&self, position: Decimal) -> Option<&str> {
        if !position.fract().is_zero() || position < Decimal::ONE {
            return None;
        }
        let whole = position.normalize();
        let from_bottom = usize::try_from(whole.mantissa()).ok().filter(|_| whole.scale() == 0)?;
        let at = self.nilai.len().checked_sub(from_bottom)?;
        self.nilai.get(at).map(String::as_str)
    }

    /// The value at `position` as written, else the number.
    pub fn show(&self, position: Decimal) -> String {
        self.label(position)
            .map(str::to_string)
            .unwrap_or_else(|| crate::pembulatan::plain(position))
    }

    /// The values as the rule set writes them: `WTP > WDP > TW > TMP`.
    pub fn written(&self) -> String {
        self.nilai.join(" > ")
    }

    /// The capaian of `realisasi` against `target` (both places), and the
    /// rule in words for the trace.
    pub fn capaian(&self, realisasi: Decimal, target: Decimal) -> (Decimal, Text) {
        if realisasi >= target {
            return (Decimal::ONE_HUNDRED, Text::new("step-capaian-skala-reached"));
        }
        let steps = target - realisasi;
        match self.langkah {
            None => (Decimal::ZERO, Text::new("step-capaian-skala-below")),
            Some(n) => {
                let value = n
                    .checked_mul(steps)
                    .and_then(|off| Decimal::ONE_HUNDRED.checked_sub(off))
                    .map_or(Decimal::ZERO, |v| v.max(Decimal::ZERO));
                (
                    value,
                    Text::new("step-capaian-skala-steps")
                        .arg("steps", crate::pembulatan::plain(steps))
                        .arg("langkah", crate::pembulatan::plain(n)),
                )
            }
        }
    }
}

/// A target or realisasi in plain notation: a qualitative indikator's value
/// as written (`WTP`, with its `skala`), else the number (`77.5`).
pub fn shown(skala: Option<&Skala>, value: Decimal) -> String {
    match skala {
        Some(s) => s.show(value),
        None => crate::pembulatan::plain(value),
    }
}

/// Why a written value does not fit its indikator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SalahSkala {
    /// A value that is not on the indikator's scale.
    NotOnScale,
    /// A word for an indikator measured in numbers.
    WordForNumber,
    /// A number for an indikator measured on a scale.
    NumberForScale,
}

impl SalahSkala {
    /// The message for a value of `id`, and how to fix it.
    pub fn text(&self, id: &str, written: &Quantity, skala: Option<&Skala>) -> (Text, Text) {
        let scale = skala.map(Skala::written).unwrap_or_default();
        match self {
            SalahSkala::NotOnScale => (
                Text::new("skala-not-on-scale").arg("id", id).arg("value", written),
                Text::new("skala-not-on-scale-help").arg("scale", scale),
            ),
            SalahSkala::WordForNumber => (
                Text::new("skala-word-for-number").arg("id", id).arg("value", written),
                Text::new("skala-word-for-number-help").arg("id", id),
            ),
            SalahSkala::NumberForScale => (
                Text::new("skala-number-for-scale").arg("id", id).arg("value", written),
                Text::new("skala-not-on-scale-help").arg("scale", scale),
            ),
        }
    }
}

/// The number `q` stands for under the indikator's `skala`: the place of a
/// scale value, or the number itself for an indikator measured in numbers.
pub fn value_of(skala: Option<&Skala>, q: &Quantity) -> Result<Decimal, SalahSkala> {
    match (skala, &q.label) {
        (Some(s), Some(label)) => s.position(label).ok_or(SalahSkala::NotOnScale),
        (Some(_), None) => Err(SalahSkala::NumberForScale),
        (None, Some(_)) => Err(SalahSkala::WordForNumber),
        (None, None) => Ok(q.value),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn opini(langkah: Option<i64>) -> Skala {
        Skala::new(
            ["WTP", "WDP", "TW", "TMP"].map(String::from).to_vec(),
            langkah.map(Decimal::from),
        )
    }

    #[test]
    fn places_count_from_the_bottom_and_back() {
        let s = opini(None);
        assert_eq!(s.position("WTP"), Some(Decimal::from(4)));
        assert_eq!(s.position("tmp"), Some(Decimal::ONE));
        assert_eq!(s.position("WTB"), None);
        assert_eq!(s.label(Decimal::from(3)), Some("WDP"));
        assert_eq!(s.label(Decimal::new(30, 1)), Some("WDP"));
        assert_eq!(s.label(Decimal::new(35, 1)), None);
        assert_eq!(s.label(Decimal::ZERO), None);
        assert_eq!(s.label(Decimal::from(5)), None);
        assert_eq!(s.show(Decimal::new(35, 1)), "3.5");
    }

    #[test]
    fn reaching_the_target_is_100_and_below_it_is_the_stated_rule() {
        let (four, three, one) = (Decimal::from(4), Decimal::from(3), Decimal::ONE);
        assert_eq!(opini(None).capaian(four, three).0, Decimal::ONE_HUNDRED);
        assert_eq!(opini(None).capaian(three, three).0, Decimal::ONE_HUNDRED);
        assert_eq!(opini(None).capaian(three, four).0, Decimal::ZERO);
        assert_eq!(opini(Some(25)).capaian(three, four).0, Decimal::from(75));
        assert_eq!(opini(Some(40)).capaian(one, four).0, Decimal::ZERO);
    }

    #[test]
    fn a_value_must_fit_its_indikator() {
        let word = Quantity {
            value: Decimal::ZERO,
            satuan: None,
            label: Some("WDP".into()),
        };
        let number = Quantity::plain(Decimal::from(3));
        let s = opini(None);
        assert_eq!(value_of(Some(&s), &word), Ok(Decimal::from(3)));
        assert_eq!(value_of(Some(&s), &number), Err(SalahSkala::NumberForScale));
        assert_eq!(value_of(None, &word), Err(SalahSkala::WordForNumber));
        assert_eq!(value_of(None, &number), Ok(Decimal::from(3)));
    }
}

//! The target phase: the target in force for the year (the unit's own when
//! it is given beside the rules, else the most specific level's), and the
//! national target it may differ from.

use super::{Evaluator, Notes};
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::{Indikator, Target};
use rust_decimal::Decimal;

/// The targets of one indicator for the year.
pub(super) struct TargetPhase<'a> {
    /// The target in force, with where and by whom it was set.
    pub rule: Option<&'a Target>,
    /// Its value: what capaian is computed against (the period's, for
    /// the year in progress).
    pub value: Option<Decimal>,
    /// The year's target, which a projection is measured against.
    pub yearly: Option<Decimal>,
    /// The national rules' target's value for the same year, when there
    /// is one (its place, on a scale).
    pub national_value: Option<Decimal>,
}

impl<'a> Evaluator<'a> {
    pub(super) fn target(&self, ind: &'a Indikator, notes: &mut Notes) -> TargetPhase<'a> {
        let year = self.year;
        let id = ind.id.as_str();
        let rule = self
            .agreement
            .and_then(|a| a.targets.get(id))
            .or_else(|| ind.target_in_force(year));
        match rule {
            Some(t) => {
                notes.step("target", t.origin.as_ref(), || {
                    let text = Text::new(if t.dasar.is_some() {
                        "step-target-dasar"
                    } else {
                        "step-target"
                    })
                    .arg("year", year)
                    .arg("value", &t.value)
                    .arg("level", t.tingkat.keyword())
                    .arg("source", &t.source);
                    match &t.dasar {
                        Some(d) => text.arg("dasar", d),
                        None => text,
                    }
                });
                if let Some(s) = t.value.satuan.as_ref().filter(|s| **s != ind.satuan) {
                    notes.find(
                        Diagnostic::says(
                            Code::TargetSatuan,
                            Text::new("target-satuan")
                                .arg("value", &t.value)
                                .arg("written-in", s)
                                .arg("satuan", &ind.satuan),
                        )
                        .help_says(Text::new("target-satuan-help").arg("satuan", &ind.satuan))
                        .at(t.origin.as_ref()),
                    );
                }
            }
            None if !ind.needs_target(year) => {
                notes.step("target", ind.origin.as_ref(), || {
                    Text::new("step-target-none").arg("year", year)
                });
            }
            None => notes.find(
                Diagnostic::says(
                    Code::TargetMissing,
                    Text::new("target-missing").arg("id", id).arg("year", year),
                )
                .help_says(Text::new("target-missing-help").arg("id", id).arg("year", year))
                .at(ind.origin.as_ref()),
            ),
        }
        // A qualitative indikator's target is its place on the scale.
        let value = rule.and_then(|t| match crate::skala::value_of(ind.skala.as_ref(), &t.value) {
            Ok(v) => Some(v),
            Err(e) => {
                notes.find(salah_skala(&e, ind, &t.value, t.origin.as_ref()));
                None
            }
        });
        let national = ind.national_target(year);
        let national_value = national.and_then(|n| crate::skala::value_of(ind.skala.as_ref(), &n.value).ok());
        if let (Some(t), Some(v), Some(n), Some(nv)) = (rule, value, national, national_value) {
            if t.tingkat > n.tingkat && v != nv {
                let (code, id) = if v < nv {
                    (Code::TargetNational, "target-national")
                } else {
                    (Code::TargetAboveNational, "target-above-national")
                };
                let text = Text::new(id)
                    .arg("value", &t.value)
                    .arg("year", year)
                    .arg("national", &n.value)
                    .arg("source", &n.source);
                notes.find(Diagnostic::says(code, text).at(t.origin.as_ref()));
            }
        }
        let yearly = value;
        let value = match (self.until, rule) {
            (Some(until), Some(t)) => self.period_target(ind, t, yearly, until, notes),
            _ => value,
        };
        TargetPhase {
            rule,
            value,
            yearly,
            national_value,
        }
    }
}

/// The finding for a value written for `ind` that does not fit it: a word
/// off its scale, a word for a number, a number for a scale.
pub(super) fn salah_skala(
    e: &crate::skala::SalahSkala,
    ind: &Indikator,
    written: &crate::model::Quantity,
    at: Option<&crate::model::Origin>,
) -> Diagnostic {
    let (text, help) = e.text(&ind.id, written, ind.skala.as_ref());
    Diagnostic::says(Code::SkalaValue, text).help_says(help).at(at)
}

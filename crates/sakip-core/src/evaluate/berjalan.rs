//! The year in progress (`--until tw2`): units report every quarter ("Monev
//! PK Triwulan II"), against the Rencana Aksi's targets per period. Up to
//! the end of a period, the realisasi is what the data reports by then,
//! combined by the indikator's own aggregation; the target is that
//! period's, or the rule set's stated rule where the agreement has only
//! the year's (`target berjalan prorata|tahunan`); and the year's end is
//! projected by a method said with it.

use super::realisasi::RealisasiPhase;
use super::target::TargetPhase;
use super::{BandRef, Evaluator, Notes};
use crate::agregasi::Agregasi;
use crate::code::Code;
use crate::data::UnitData;
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::{Indikator, Target, TargetBerjalan};
use crate::periode::Periode;
use rust_decimal::Decimal;

/// The unit's data as it stood at the end of `until`: each realisasi's
/// values of the periods over by then (an entry left with none was
/// reported only later, or only for the whole year).
pub(super) fn to_date(data: &UnitData, until: Periode) -> UnitData {
    let mut out = data.clone();
    for e in &mut out.realisasi {
        e.values.retain(|(p, _)| p.by(until));
        // A printed capaian is the year's figure, not the period's.
        e.printed_capaian = None;
    }
    out
}

/// How the year's end is projected from the figure to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metode {
    /// A figure that adds up over the year (`realisasi jumlah`): what was
    /// reached so far, at the same pace for the rest of the year.
    Linear,
    /// Any other (an index, a share, the latest value): the figure to date
    /// is taken as the year's.
    Tetap,
}

impl Metode {
    pub fn keyword(self) -> &'static str {
        match self {
            Metode::Linear => "linear",
            Metode::Tetap => "tetap",
        }
    }
}

/// The year's end as the figures to date point to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proyeksi {
    pub metode: Metode,
    pub realisasi: Decimal,
    /// Against the year's target, capped and rounded like any capaian.
    pub capaian: Option<Decimal>,
    pub band: Option<BandRef>,
}

impl<'a> Evaluator<'a> {
    /// The target of the period `until` ends: the agreement's for that
    /// period, else the year's as the rule set says (`target berjalan`).
    pub(super) fn period_target(
        &self,
        ind: &'a Indikator,
        t: &'a Target,
        yearly: Option<Decimal>,
        until: Periode,
        notes: &mut Notes,
    ) -> Option<Decimal> {
        if let Some((p, q)) = t.periode.iter().find(|(p, _)| p.end_month() == until.end_month()) {
            return match crate::skala::value_of(ind.skala.as_ref(), q) {
                Ok(v) => {
                    notes.step("target", t.origin.as_ref(), || {
                        Text::new("step-target-period")
                            .arg("period", p.keyword())
                            .arg("value", q)
                    });
                    Some(v)
                }
                Err(e) => {
                    notes.find(super::target::salah_skala(&e, ind, q, t.origin.as_ref()));
                    None
                }
            };
        }
        let yearly = yearly?;
        let rule = self.rules.settings(self.year).target_berjalan;
        match rule.value {
            // A scale value has no share of a year.
            Some(TargetBerjalan::Prorata) if ind.skala.is_none() => {
                let share = Decimal::from(until.end_month()) / Decimal::from(12);
                let value = yearly.checked_mul(share)?.normalize();
                notes.step("target", rule.origin.as_ref(), || {
                    Text::new("step-target-prorata")
                        .arg("period", until.keyword())
                        .arg("yearly", crate::pembulatan::plain(yearly))
                        .arg("months", until.end_month())
                        .arg("value", crate::pembulatan::plain(value))
                });
                Some(value)
            }
            Some(_) => {
                notes.step("target", rule.origin.as_ref(), || {
                    Text::new("step-target-tahunan").arg("period", until.keyword())
                });
                Some(yearly)
            }
            None => {
                notes.find(
                    Diagnostic::says(
                        Code::TargetBerjalanNone,
                        Text::new("target-berjalan-none")
                            .arg("id", &ind.id)
                            .arg("period", until.keyword()),
                    )
                    .help_says(Text::new("target-berjalan-none-help").arg("id", &ind.id))
                    .at(t.origin.as_ref()),
                );
                None
            }
        }
    }

    /// The year's end projected from the realisasi to date, and its
    /// capaian against the year's target.
    pub(super) fn proyeksi(
        &mut self,
        ind: &'a Indikator,
        target: &TargetPhase<'a>,
        realisasi: &RealisasiPhase<'a>,
        until: Periode,
    ) -> Option<Proyeksi> {
        let r = realisasi.value?;
        // A computed realisasi has no pace of its own to carry on.
        if ind.komponen || ind.rumus_realisasi_in_force(self.year).is_some() {
            return None;
        }
        let (metode, projected) = match ind.agregasi {
            Some(Agregasi::Sum) => {
                let whole = r
                    .checked_mul(Decimal::from(12))?
                    .checked_div(Decimal::from(until.end_month()))?;
                (Metode::Linear, whole.normalize())
            }
            _ => (Metode::Tetap, r),
        };
        let year_end = TargetPhase {
            rule: target.rule,
            value: target.yearly,
            yearly: target.yearly,
            national_value: target.national_value,
        };
        let at_end = RealisasiPhase {
            value: Some(projected),
            periode: Vec::new(),
            satuan: None,
            entry: realisasi.entry,
            belum: false,
        };
        // Its steps are not the evaluation's: a scratch record.
        let capaian = self.capaian(ind, &year_end, &at_end, &mut Notes::new(false));
        Some(Proyeksi {
            metode,
            realisasi: projected,
            capaian: capaian.value,
            band: capaian.band,
        })
    }
}

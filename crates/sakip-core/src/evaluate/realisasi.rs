//! The realisasi phase: a `rumus realisasi` when one is in force, else the
//! data's value for the year, or its period values combined by the
//! indicator's `agregasi`; a realisasi written in another unit is named.

use super::formula::FormulaCtx;
use super::target::TargetPhase;
use super::{Evaluator, Notes};
use crate::code::Code;
use crate::data::RealisasiEntry;
use crate::diagnostic::Diagnostic;
use crate::model::Indikator;
use crate::pembulatan::plain;
use crate::periode::{JenisPeriode, Periode};
use crate::satuan::Satuan;
use rust_decimal::Decimal;

/// The realisasi of one indicator for the year.
pub(super) struct RealisasiPhase<'a> {
    pub value: Option<Decimal>,
    /// The period values it was combined from.
    pub periode: Vec<(Periode, Decimal)>,
    /// The unit it was written in, when written with one.
    pub satuan: Option<Satuan>,
    /// The data's entry, when the data has one (formulas read its periods;
    /// findings point at it).
    pub entry: Option<&'a RealisasiEntry>,
}

impl<'a> Evaluator<'a> {
    pub(super) fn realisasi(
        &mut self,
        ind: &'a Indikator,
        target: &TargetPhase<'a>,
        notes: &mut Notes,
    ) -> RealisasiPhase<'a> {
        let year = self.year;
        let id = ind.id.as_str();
        let data = self.data;
        let entry = data.realisasi_of(id);
        let mut phase = RealisasiPhase {
            value: None,
            periode: Vec::new(),
            satuan: None,
            entry,
        };
        if let Some(rumus) = ind.rumus_realisasi_in_force(year) {
            let ctx = FormulaCtx {
                ev: self,
                ind,
                target: target.value,
                realisasi: None,
                entry,
            };
            phase.value = ctx.run(rumus, "realisasi", notes);
            return phase;
        }
        let Some(entry) = entry else {
            notes.find(
                Diagnostic::new(
                    Code::RealisasiMissing,
                    format!("indikator `{id}` has no realisasi for {year}"),
                )
                .help(format!(
                    "add `{id} = <value>` to the `realisasi {year}` block of the unit's data"
                )),
            );
            return phase;
        };
        phase.satuan = check_satuan(ind, entry, target.rule.map(|t| &t.value), notes);
        match combine(ind, entry, notes.tracing) {
            Ok(c) => {
                notes.step("realisasi", entry.origin.as_ref(), || c.how);
                phase.periode = c.periode;
                phase.value = Some(c.value);
            }
            Err(d) => notes.find(*d),
        }
        phase
    }
}

/// Warns when the realisasi is written in another unit than the indicator
/// (or its target); returns the unit it was written in.
fn check_satuan(
    ind: &Indikator,
    entry: &RealisasiEntry,
    target: Option<&crate::model::Quantity>,
    notes: &mut Notes,
) -> Option<Satuan> {
    let written = entry.values.iter().find_map(|(_, q)| q.satuan.clone());
    if let Some(s) = &written {
        if *s != ind.satuan {
            let target_text = target.map(|t| format!(" (target {t})")).unwrap_or_default();
            notes.find(
                Diagnostic::new(
                    Code::SatuanMismatch,
                    format!(
                        "the realisasi is written in {s} but indikator `{}` is measured in {}{target_text}; capaian compares the numbers alone",
                        ind.id, ind.satuan
                    ),
                )
                .help(format!("write the realisasi in {}, or correct the indikator's `satuan` if the target is the mistake", ind.satuan))
                .at(entry.origin.as_ref()),
            );
        }
    }
    written
}

/// The year's realisasi from the reported values.
struct Combined {
    value: Decimal,
    /// The period values it was combined from; empty for one yearly value.
    periode: Vec<(Periode, Decimal)>,
    /// How, in words, for the trace (empty when not tracing).
    how: String,
}

/// The year's realisasi from the reported values, with the periods and
/// (when `describe`, for a trace) how they were combined in words.
fn combine(ind: &Indikator, entry: &RealisasiEntry, describe: bool) -> Result<Combined, Box<Diagnostic>> {
    let at = entry.origin.as_ref();
    let values: Vec<(Periode, Decimal)> = entry.values.iter().map(|(p, q)| (*p, q.value)).collect();
    if let [(Periode::Tahun, v)] = values.as_slice() {
        let how = if describe {
            format!("{} for the year, as reported", plain(*v))
        } else {
            String::new()
        };
        return Ok(Combined {
            value: *v,
            periode: Vec::new(),
            how,
        });
    }
    let mut jenis: Option<JenisPeriode> = None;
    for (p, _) in &values {
        let j = p.jenis();
        if j == JenisPeriode::Tahun || jenis.is_some_and(|k| k != j) {
            return Err(Box::new(
                Diagnostic::new(
                    Code::PeriodMix,
                    format!("the realisasi of `{}` mixes periods of different kinds", ind.id),
                )
                .help("give either one value for the year (`= 30`) or values for the triwulan, or for the semester")
                .at(at),
            ));
        }
        jenis = Some(j);
    }
    let Some(jenis) = jenis else {
        return Err(Box::new(
            Diagnostic::new(
                Code::RealisasiEmpty,
                format!("the realisasi of `{}` has no values", ind.id),
            )
            .at(at),
        ));
    };
    if let Some(expected) = ind.jenis_periode {
        if expected != jenis {
            return Err(Box::new(
                Diagnostic::new(
                    Code::PeriodKind,
                    format!(
                        "the rules combine `{}` per {expected}, but the data gives {jenis} values",
                        ind.id
                    ),
                )
                .at(at),
            ));
        }
    }
    let Some(agregasi) = ind.agregasi else {
        return Err(Box::new(
            Diagnostic::new(
                Code::AgregasiMissing,
                format!(
                    "`{}` has {jenis} values but its rules do not say how to combine them",
                    ind.id
                ),
            )
            .help("add `realisasi jumlah`, `rata`, `terakhir`, `tertinggi` or `terendah` to the indikator")
            .at(ind.origin.as_ref()),
        ));
    };
    let value = agregasi.apply(&values).ok_or_else(|| {
        Box::new(
            Diagnostic::new(
                Code::RealisasiOverflow,
                format!("the realisasi of `{}` is too large", ind.id),
            )
            .at(at),
        )
    })?;
    if !describe {
        return Ok(Combined {
            value,
            periode: values,
            how: String::new(),
        });
    }
    let listed: Vec<String> = {
        let mut sorted = values.clone();
        sorted.sort_by_key(|(p, _)| *p);
        sorted
            .iter()
            .map(|(p, v)| format!("{} {}", p.keyword(), plain(*v)))
            .collect()
    };
    let how = format!(
        "{}({}) of {} = {}",
        agregasi.keyword(),
        jenis.keyword(),
        listed.join(", "),
        plain(value)
    );
    Ok(Combined {
        value,
        periode: values,
        how,
    })
}

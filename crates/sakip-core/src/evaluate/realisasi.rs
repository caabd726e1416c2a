//! The realisasi phase: a `rumus realisasi` when one is in force, else the
//! data's value for the year, or its period values combined by the
//! indicator's `agregasi`; a realisasi written in another unit is named.

use super::formula::FormulaCtx;
use super::target::TargetPhase;
use super::{Evaluator, Notes};
use crate::code::Code;
use crate::data::RealisasiEntry;
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
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
    /// The year in progress: the data reports it only for later periods
    /// (or for the whole year): no figure yet, shown as n/a.
    pub belum: bool,
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
        let entry = self.realisasi_of(id);
        let mut phase = RealisasiPhase {
            value: None,
            periode: Vec::new(),
            satuan: None,
            entry,
            belum: false,
        };
        // The data says it was not measured: that holds over any formula.
        if let Some((td, e)) = entry.and_then(|e| e.tidak_diukur.as_ref().map(|td| (td, e))) {
            notes.step("realisasi", e.origin.as_ref(), || match &td.alasan {
                Some(a) => Text::new("step-tidak-diukur-alasan").arg("alasan", a),
                None => Text::new("step-tidak-diukur"),
            });
            let mut said = Diagnostic::says(
                Code::TidakDiukur,
                Text::new("tidak-diukur").arg("id", id).arg("year", year),
            );
            if let Some(a) = &td.alasan {
                said = said.help_says(Text::new("tidak-diukur-alasan").arg("alasan", a));
            }
            notes.find(said.at(e.origin.as_ref()));
            return phase;
        }
        // The year in progress, and the data has nothing for it yet: it
        // reports it only later, or it is measured once a year.
        if let Some(until) = self.until {
            let yearly = ind.agregasi.is_none() && ind.rumus_realisasi_in_force(year).is_none();
            let not_yet = match entry {
                Some(e) => e.values.is_empty(),
                None => yearly,
            };
            if not_yet {
                notes.find(
                    Diagnostic::says(
                        Code::RealisasiBelum,
                        Text::new("realisasi-belum").arg("period", until.keyword()),
                    )
                    .at(entry.and_then(|e| e.origin.as_ref())),
                );
                phase.belum = true;
                return phase;
            }
        }
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
                Diagnostic::says(
                    Code::RealisasiMissing,
                    Text::new("realisasi-missing").arg("id", id).arg("year", year),
                )
                .help_says(Text::new("realisasi-missing-help").arg("id", id).arg("year", year)),
            );
            return phase;
        };
        phase.satuan = check_satuan(ind, entry, target.rule.map(|t| &t.value), notes);
        match combine(ind, entry, notes.tracing) {
            Ok(c) => {
                // A region's figure: computed from its units, not reported.
                if let Some(d) = &ind.dari_satker {
                    notes.step("realisasi", ind.origin.as_ref(), || {
                        Text::new("step-realisasi-wilayah")
                            .arg("value", plain(c.value))
                            .arg("rule", d.to_string())
                    });
                } else if let Some(how) = c.how {
                    notes.step("realisasi", entry.origin.as_ref(), || how);
                }
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
                Diagnostic::says(
                    Code::SatuanMismatch,
                    Text::new("satuan-mismatch")
                        .arg("written-in", s)
                        .arg("id", &ind.id)
                        .arg("satuan", &ind.satuan)
                        .arg("target-text", target_text),
                )
                .help_says(Text::new("satuan-mismatch-help").arg("satuan", &ind.satuan))
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
    how: Option<Text>,
}

/// The year's realisasi from the reported values, with the periods and
/// (when `describe`, for a trace) how they were combined in words.
fn combine(ind: &Indikator, entry: &RealisasiEntry, describe: bool) -> Result<Combined, Box<Diagnostic>> {
    let at = entry.origin.as_ref();
    // A qualitative indikator's values are their places on its scale.
    let mut values: Vec<(Periode, Decimal)> = Vec::with_capacity(entry.values.len());
    for (p, q) in &entry.values {
        let v = crate::skala::value_of(ind.skala.as_ref(), q)
            .map_err(|e| Box::new(super::target::salah_skala(&e, ind, q, at)))?;
        values.push((*p, v));
    }
    if let [(Periode::Tahun, v)] = values.as_slice() {
        let how = if describe {
            let shown = crate::skala::shown(ind.skala.as_ref(), *v);
            Some(Text::new("step-realisasi-year").arg("value", shown))
        } else {
            None
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
                Diagnostic::says(Code::PeriodMix, Text::new("period-mix").arg("id", &ind.id))
                    .help_says(Text::new("period-mix-help"))
                    .at(at),
            ));
        }
        jenis = Some(j);
    }
    let Some(jenis) = jenis else {
        return Err(Box::new(
            Diagnostic::says(Code::RealisasiEmpty, Text::new("realisasi-empty").arg("id", &ind.id)).at(at),
        ));
    };
    if let Some(expected) = ind.jenis_periode {
        if expected != jenis {
            return Err(Box::new(
                Diagnostic::says(
                    Code::PeriodKind,
                    Text::new("period-kind")
                        .arg("id", &ind.id)
                        .arg("expected", expected)
                        .arg("jenis", jenis),
                )
                .at(at),
            ));
        }
    }
    let Some(agregasi) = ind.agregasi else {
        return Err(Box::new(
            Diagnostic::says(
                Code::AgregasiMissing,
                Text::new("agregasi-missing").arg("id", &ind.id).arg("jenis", jenis),
            )
            .help_says(Text::new("agregasi-missing-help"))
            .at(ind.origin.as_ref()),
        ));
    };
    let value = agregasi.apply(&values).ok_or_else(|| {
        Box::new(
            Diagnostic::says(
                Code::RealisasiOverflow,
                Text::new("realisasi-overflow").arg("id", &ind.id),
            )
            .at(at),
        )
    })?;
    if !describe {
        return Ok(Combined {
            value,
            periode: values,
            how: None,
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
    let how = Text::new("step-realisasi-periods")
        .arg("agregasi", agregasi.keyword())
        .arg("jenis", jenis.keyword())
        .arg("periods", listed.join(", "))
        .arg("value", plain(value));
    Ok(Combined {
        value,
        periode: values,
        how: Some(how),
    })
}

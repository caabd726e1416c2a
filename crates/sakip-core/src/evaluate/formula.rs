//! The context a `rumus` is computed in (the core's formula language reads
//! figures through [`Context`]).

use super::{Evaluator, Notes};
use crate::code::Code;
use crate::data::RealisasiEntry;
use crate::diagnostic::Diagnostic;
use crate::formula::{Context, Field, FormulaError};
use crate::i18n::Text;
use crate::model::{Indikator, Rumus};
use crate::pembulatan::plain;
use crate::periode::{JenisPeriode, Periode};
use rust_decimal::Decimal;

/// What a `rumus` of one indicator reads: its own target, realisasi and
/// periods, other indicators through the evaluator, functions through the
/// script host.
pub(super) struct FormulaCtx<'e, 'a> {
    pub(super) ev: &'e mut Evaluator<'a>,
    pub(super) ind: &'a Indikator,
    pub(super) target: Option<Decimal>,
    pub(super) realisasi: Option<Decimal>,
    pub(super) entry: Option<&'a RealisasiEntry>,
}

impl FormulaCtx<'_, '_> {
    /// Evaluates a `rumus` for `what` (`realisasi` or `capaian`), recording
    /// the step or the failure.
    pub(super) fn run(mut self, rumus: &Rumus, what: &'static str, notes: &mut Notes) -> Option<Decimal> {
        match rumus.expr.eval_number(&mut self) {
            Ok(v) => {
                notes.step(what, rumus.origin.as_ref(), || {
                    Text::new("step-rumus").arg("expr", &rumus.expr).arg("value", plain(v))
                });
                Some(v)
            }
            Err(e) => {
                notes.find(
                    Diagnostic::says(
                        Code::FormulaError,
                        Text::new("formula-error").arg("what", what).arg("message", &e.message),
                    )
                    .at(rumus.origin.as_ref()),
                );
                None
            }
        }
    }
}

impl Context for FormulaCtx<'_, '_> {
    fn own(&mut self, field: Field) -> Result<Decimal, FormulaError> {
        let year = self.ev.year;
        match field {
            Field::Target => self
                .target
                .ok_or_else(|| FormulaError::new(format!("`{}` has no target for {year}", self.ind.id))),
            Field::Realisasi => self.realisasi.ok_or_else(|| {
                FormulaError::new(format!(
                    "a rumus realisasi cannot read its own realisasi; read its periods (`jumlah(triwulan)`) instead of `realisasi` in `{}`",
                    self.ind.id
                ))
            }),
            Field::Capaian => Err(FormulaError::new("a formula cannot read its own capaian")),
        }
    }

    fn period(&mut self, periode: Periode) -> Result<Decimal, FormulaError> {
        self.entry
            .and_then(|e| e.values.iter().find(|(p, _)| *p == periode))
            .and_then(|(_, q)| crate::skala::value_of(self.ind.skala.as_ref(), q).ok())
            .ok_or_else(|| FormulaError::new(format!("`{}` has no realisasi for {periode}", self.ind.id)))
    }

    fn periods(&mut self, jenis: JenisPeriode) -> Result<Vec<(Periode, Decimal)>, FormulaError> {
        Ok(self
            .entry
            .map(|e| {
                e.values
                    .iter()
                    .filter(|(p, _)| p.jenis() == jenis)
                    .filter_map(|(p, q)| Some((*p, crate::skala::value_of(self.ind.skala.as_ref(), q).ok()?)))
                    .collect()
            })
            .unwrap_or_default())
    }

    fn reference(&mut self, indicator: &str, field: Field) -> Result<Decimal, FormulaError> {
        self.ev.figure(indicator, field)
    }

    fn call(&mut self, name: &str, args: &[Decimal]) -> Result<Decimal, FormulaError> {
        if !self.ev.host.has_function(name) {
            return Err(FormulaError::new(format!("no script defines the function `{name}`")));
        }
        self.ev
            .host
            .call_function(name, args)
            .map_err(|e| FormulaError::new(format!("the script function `{name}` failed: {e}")))
    }
}

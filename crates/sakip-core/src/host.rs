//! What scripts may provide to an evaluation, seen from the core.
//!
//! A Kanwil or a unit changes scoring with scripts; the core does not know
//! how they are written or run (`sakip-script` hosts Rhai). It asks a
//! [`ScriptHost`] four things, each optional:
//!
//! - a **function** that `rumus` formulas call by name;
//! - the **capaian** of an indicator that has no `rumus capaian` of its own
//!   (before the cap and the rounding);
//! - the **klasifikasi** of a rounded capaian, as a band id of the rule set;
//! - the unit's overall **nilai** from all its results.
//!
//! A hook that answers `None` leaves the rule set's own result in place. A
//! hook that fails returns a [`HookError`], which becomes a diagnostic naming
//! the script's `file:line:col` and the indicator; the rest of the
//! evaluation goes on.

use crate::model::{Origin, Tier};
use crate::periode::Periode;
use crate::polaritas::Polaritas;
use crate::satuan::Satuan;
use rust_decimal::Decimal;
use std::fmt;

/// An indicator as a hook sees it.
#[derive(Debug, Clone, Copy)]
pub struct HookIndikator<'a> {
    pub id: &'a str,
    pub tier: Tier,
    pub satuan: &'a Satuan,
    pub polaritas: &'a Polaritas,
    pub year: u16,
    /// `None` only for an indikator whose formula needs no target.
    pub target: Option<Decimal>,
    pub realisasi: Decimal,
    /// The period values, when the data gave them.
    pub periode: &'a [(Periode, Decimal)],
}

/// One result, as the unit-score hook sees it (borrowed from the results:
/// the hook runs once per unit of a rollup).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HasilIndikator<'a> {
    pub id: &'a str,
    pub tier: Tier,
    pub capaian: Option<Decimal>,
    pub bobot: Option<Decimal>,
    /// The band's id.
    pub band: Option<&'a str>,
}

/// A value a script produced, with where it came from (`file: fn name`),
/// borrowed from the script host: a hook runs once per row of a long
/// table, and its place is only copied when a trace or a score keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hooked<'s, T> {
    pub value: T,
    pub source: &'s str,
    /// Where the script function is defined, for traces.
    pub origin: Option<&'s Origin>,
}

/// A script that failed: what went wrong and where in the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookError {
    /// From the catalogue when sakip wrote it; Rhai's own messages are
    /// English only and come as a `raw` text.
    pub message: crate::i18n::Text,
    pub location: Option<Origin>,
}

impl HookError {
    /// A failure in Rhai's words.
    pub fn new(message: impl Into<String>) -> Self {
        Self::says(crate::i18n::Text::new("raw").arg("text", message.into()))
    }

    /// A failure in sakip's words, from the catalogue.
    pub fn says(message: crate::i18n::Text) -> Self {
        Self {
            message,
            location: None,
        }
    }
}

impl fmt::Display for HookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message.render(crate::i18n::Lang::En);
        match &self.location {
            Some(at) => write!(f, "{at}: {message}"),
            None => f.write_str(&message),
        }
    }
}

/// The scripts of a rule set, as the evaluation uses them. Every method has
/// a default that provides nothing.
pub trait ScriptHost {
    /// Whether a script defines `name` for formulas to call.
    fn has_function(&self, _name: &str) -> bool {
        false
    }

    fn call_function(&self, name: &str, _args: &[Decimal]) -> Result<Decimal, HookError> {
        Err(HookError::new(format!("no script defines the function `{name}`")))
    }

    fn capaian(&self, _indikator: &HookIndikator<'_>) -> Result<Option<Hooked<'_, Decimal>>, HookError> {
        Ok(None)
    }

    fn klasifikasi(
        &self,
        _capaian: Decimal,
        _indikator: &HookIndikator<'_>,
    ) -> Result<Option<Hooked<'_, String>>, HookError> {
        Ok(None)
    }

    fn nilai_satker(&self, _hasil: &[HasilIndikator<'_>]) -> Result<Option<Hooked<'_, Decimal>>, HookError> {
        Ok(None)
    }
}

/// No scripts: formulas may use the built-in functions only.
pub struct NoScripts;

impl ScriptHost for NoScripts {}

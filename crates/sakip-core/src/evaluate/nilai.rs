//! The unit's overall score (nilai satker), when a script computes one.

use super::{IndicatorResult, Nilai};
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::host::{HasilIndikator, ScriptHost};
use crate::i18n::Text;
use crate::model::RuleSet;

/// The unit's overall score from the script's `nilai_satker`, rounded as
/// `pembulatan nilai` says (like a capaian when it says nothing); `None`
/// when no script computes one.
pub(super) fn nilai_satker(
    rules: &RuleSet,
    year: u16,
    host: &dyn ScriptHost,
    results: &[IndicatorResult],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Nilai> {
    // No script scores the unit: do not build what it would be given.
    if !host.has_function("nilai_satker") {
        return None;
    }
    // What was not measured this year, and the inputs of a composite, are
    // left out of the score's mean.
    let hasil: Vec<HasilIndikator> = results
        .iter()
        .filter(|r| r.tidak_diukur.is_none() && !r.komponen)
        .map(|r| HasilIndikator {
            id: &r.id,
            tier: r.tier,
            capaian: r.capaian,
            bobot: r.bobot,
            band: r.band.as_ref().map(|b| b.id.as_str()),
        })
        .collect();
    match host.nilai_satker(&hasil) {
        Ok(Some(h)) => Some(Nilai {
            value: rules.settings(year).nilai_rounding().apply(h.value),
            source: h.source.to_string(),
        }),
        Ok(None) => None,
        Err(e) => {
            diagnostics.push(
                Diagnostic::says(
                    Code::ScriptError,
                    Text::new("script-error-2").arg_text("message", e.message.clone()),
                )
                .at(e.location.as_ref()),
            );
            None
        }
    }
}

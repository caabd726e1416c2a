//! Comparisons an LKjIP makes: this year's figures beside last year's, and
//! progress towards the Renstra's end-year target.
//!
//! Both are read from evaluations the caller made (last year's under last
//! year's rules), so a comparison never mixes one year's rules into the
//! other's figures.

use crate::evaluate::{Evaluation, ProgresRenstra, TahunLalu};
use crate::model::RuleSet;

/// Fills each indicator's `tahun_lalu` from `previous` (when it measured the
/// indicator) and its `renstra` progress from the rules' Renstra targets.
pub fn compare(current: &mut Evaluation, previous: Option<&Evaluation>, rules: &RuleSet) {
    let rounding = rules.settings(current.year).pembulatan_capaian.value;
    for r in &mut current.indicators {
        r.tahun_lalu = previous.and_then(|p| {
            p.indicator(&r.id).map(|last| TahunLalu {
                year: p.year,
                realisasi: last.realisasi,
                capaian: last.capaian,
            })
        });
        let Some((_, end)) = rules.renstra else { continue };
        let Some(ind) = rules.indikator(&r.id) else { continue };
        let Some(t) = ind.target_in_force(end) else { continue };
        let target = t.value.value;
        let progress = r
            .realisasi
            .and_then(|real| ind.polaritas.capaian(target, real).ok())
            .map(|c| rounding.apply(c.value));
        r.renstra = Some(ProgresRenstra {
            year: end,
            target,
            progress,
        });
    }
}

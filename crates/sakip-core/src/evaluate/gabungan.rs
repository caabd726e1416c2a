//! A sasaran's and a tier's capaian. Reports headline the sasaran:
//! "Rata-rata capaian kinerja sasaran 53.30" is the mean of its indikator's
//! printed capaian, (87.92 + 18.67) / 2 = 53.295 → 53.30; others weight by
//! `bobot`, or cap each item at 100 first. The rule set says which
//! (`capaian sasaran ...`, `capaian jenjang ...`); nothing is computed when
//! it says nothing.
//!
//! What is counted: the indikator of the agreement at that sasaran (or
//! tier), not the inputs of a composite (`komponen`), not what was not
//! measured (`tidak diukur`) and not the parts of another indikator (a
//! sub-indikator is counted through its parent). One counted indikator
//! without a capaian leaves the figure empty, and says so.

use super::{BandRef, CapaianGabungan, IndicatorResult};
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::{Gabungan, RuleSet, Settings, Tier};
use rust_decimal::Decimal;

/// The figures per sasaran and per tier that the rules ask for, in the
/// order the indikator come (by tier, then as the agreement lists them).
pub(super) fn figures(
    rules: &RuleSet,
    year: u16,
    indicators: &[IndicatorResult],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<CapaianGabungan>, Vec<CapaianGabungan>) {
    let settings = rules.settings(year);
    // Most rule sets state neither: a batch run pays nothing for them.
    if settings.capaian_sasaran.value.is_none() && settings.capaian_jenjang.value.is_none() {
        return (Vec::new(), Vec::new());
    }
    let counted: Vec<&IndicatorResult> = indicators
        .iter()
        .filter(|r| !r.komponen && r.tidak_diukur.is_none() && r.induk.is_none())
        .collect();
    let mut sasaran = Vec::new();
    if let Some(how) = settings.capaian_sasaran.value {
        let mut codes: Vec<&str> = Vec::new();
        for r in &counted {
            if !codes.contains(&r.sasaran.as_str()) {
                codes.push(&r.sasaran);
            }
        }
        for code in codes {
            let items: Vec<&IndicatorResult> = counted.iter().copied().filter(|r| r.sasaran == code).collect();
            let Some(first) = items.first() else { continue };
            let figure = of(&settings, how, &items, diagnostics, |id| {
                Text::new("gabungan-incomplete-sasaran")
                    .arg("sasaran", code)
                    .arg("id", id)
            });
            sasaran.push(CapaianGabungan {
                code: code.to_string(),
                name: first.sasaran_name.clone(),
                tier: first.tier,
                ..figure
            });
        }
    }
    let mut jenjang = Vec::new();
    if let Some(how) = settings.capaian_jenjang.value {
        for tier in Tier::ALL {
            let items: Vec<&IndicatorResult> = counted.iter().copied().filter(|r| r.tier == tier).collect();
            if items.is_empty() {
                continue;
            }
            let figure = of(&settings, how, &items, diagnostics, |id| {
                Text::new("gabungan-incomplete-jenjang")
                    .arg("tier", tier.title())
                    .arg("id", id)
            });
            jenjang.push(CapaianGabungan {
                code: tier.keyword().to_string(),
                name: tier.title().to_string(),
                tier,
                ..figure
            });
        }
    }
    (sasaran, jenjang)
}

/// The mean of `items` as `how` says, rounded and classified; the code,
/// name and tier are the caller's to fill in.
fn of(
    settings: &Settings<'_>,
    how: Gabungan,
    items: &[&IndicatorResult],
    diagnostics: &mut Vec<Diagnostic>,
    incomplete: impl Fn(&str) -> Text,
) -> CapaianGabungan {
    let cap = settings.konversi_efisiensi.map(|(c, _)| c);
    let mut figure = CapaianGabungan {
        code: String::new(),
        name: String::new(),
        tier: Tier::Strategis,
        indikator: items.iter().map(|r| r.id.clone()).collect(),
        capaian_raw: None,
        capaian: None,
        band: None,
    };
    let mut sum = Decimal::ZERO;
    let mut weights = Decimal::ZERO;
    for r in items {
        let value = if how.mentah {
            r.capaian_raw.map(|raw| cap.map_or(raw, |c| raw.min(c)))
        } else {
            r.capaian
        };
        let Some(value) = value else {
            diagnostics.push(
                Diagnostic::says(Code::GabunganIncomplete, incomplete(&r.id))
                    .help_says(Text::new("gabungan-incomplete-help").arg("id", &r.id)),
            );
            return figure;
        };
        let value = how.maks.map_or(value, |m| value.min(m));
        let weight = if how.berbobot {
            r.bobot.unwrap_or(Decimal::ONE)
        } else {
            Decimal::ONE
        };
        let (Some(s), Some(w)) = (
            value.checked_mul(weight).and_then(|v| sum.checked_add(v)),
            weights.checked_add(weight),
        ) else {
            return figure;
        };
        sum = s;
        weights = w;
    }
    let Some(mean) = sum.checked_div(weights) else {
        return figure;
    };
    let rounded = settings.sasaran_rounding().apply(mean);
    figure.capaian_raw = Some(mean);
    figure.capaian = Some(rounded);
    figure.band = settings.klasifikasi.value.classify(rounded).map(BandRef::of);
    figure
}

//! The capaian phase: the raw figure (a `rumus capaian`, a script's
//! `capaian` hook, or the polarity's default), the Konversi Efisiensi cap,
//! the rule set's rounding, and the band (a script's `klasifikasi` hook, or
//! the klasifikasi table); then the printed figure checked against it.

use super::formula::FormulaCtx;
use super::realisasi::RealisasiPhase;
use super::target::TargetPhase;
use super::{hook_error, BandRef, Evaluator, Notes};
use crate::anggaran::compare_printed;
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::host::HookIndikator;
use crate::i18n::Text;
use crate::model::{Indikator, Settings};
use crate::pembulatan::plain;
use rust_decimal::Decimal;

/// The capaian of one indicator for the year.
pub(super) struct CapaianPhase {
    /// Before the cap and the rounding.
    pub raw: Option<Decimal>,
    /// After them: the figure a report prints.
    pub value: Option<Decimal>,
    pub band: Option<BandRef>,
}

impl<'a> Evaluator<'a> {
    pub(super) fn capaian(
        &mut self,
        ind: &'a Indikator,
        target: &TargetPhase<'a>,
        realisasi: &RealisasiPhase<'a>,
        notes: &mut Notes,
    ) -> CapaianPhase {
        let mut phase = CapaianPhase {
            raw: None,
            value: None,
            band: None,
        };
        // An input of a composite has no capaian of its own.
        if ind.komponen {
            return phase;
        }
        let Some(r) = realisasi.value else {
            return phase;
        };
        // Without a target, only a formula that never reads one computes.
        let t = target.value;
        if t.is_none() && ind.needs_target(self.year) {
            return phase;
        }
        // What a script's hooks are given.
        let hook_in = HookIndikator {
            id: &ind.id,
            tier: ind.tier,
            satuan: &ind.satuan,
            polaritas: &ind.polaritas,
            year: self.year,
            target: t,
            realisasi: r,
            periode: &realisasi.periode,
        };
        phase.raw = self.raw_capaian(ind, &hook_in, realisasi, notes);
        let Some(raw) = phase.raw else {
            return phase;
        };
        let settings = self.rules.settings(self.year);
        let mut value = raw;
        if let Some((cap, cap_origin)) = settings.konversi_efisiensi {
            if value > cap {
                notes.step("konversi", cap_origin, || {
                    Text::new("step-konversi").arg("value", plain(value)).arg("cap", cap)
                });
                value = cap;
            }
        }
        let rounding = settings.pembulatan_capaian.value;
        let rounded = rounding.apply(value);
        notes.step("pembulatan", settings.pembulatan_capaian.origin.as_ref(), || {
            Text::new("step-pembulatan")
                .arg("rounding", rounding)
                .arg("value", plain(value))
                .arg("rounded", plain(rounded))
        });
        phase.band = self.band(&settings, rounded, &hook_in, notes);
        phase.value = Some(rounded);
        phase
    }

    /// The capaian before the cap and the rounding: a `rumus capaian`, else
    /// a script's `capaian` hook, else the polarity's default.
    fn raw_capaian(
        &mut self,
        ind: &'a Indikator,
        hook_in: &HookIndikator<'_>,
        realisasi: &RealisasiPhase<'a>,
        notes: &mut Notes,
    ) -> Option<Decimal> {
        let (t, r) = (hook_in.target, hook_in.realisasi);
        if let Some(rumus) = ind.rumus_capaian_in_force(self.year) {
            let ctx = FormulaCtx {
                ev: self,
                ind,
                target: t,
                realisasi: Some(r),
                entry: realisasi.entry,
            };
            return ctx.run(rumus, "capaian", notes);
        }
        // A hook and the polarity's rule both need a target.
        let t = t?;
        // A qualitative indikator: the scale's stated rule, over any script's
        // numbers (a hook written for figures does not know a scale).
        if let Some(skala) = &ind.skala {
            let (value, rule) = skala.capaian(r, t);
            notes.step("capaian", ind.origin.as_ref(), || {
                Text::new("step-capaian-skala")
                    .arg("realisasi", skala.show(r))
                    .arg("target", skala.show(t))
                    .arg_text("rule", rule)
                    .arg("value", plain(value))
            });
            return Some(value);
        }
        match self.host.capaian(hook_in) {
            Ok(Some(h)) => {
                notes.step("capaian", h.origin, || {
                    Text::new("step-capaian-script")
                        .arg("source", h.source)
                        .arg("value", plain(h.value))
                });
                Some(h.value)
            }
            Err(e) => {
                notes.find(hook_error(&e, "capaian"));
                None
            }
            Ok(None) => match ind.polaritas.capaian(t, r) {
                Ok(c) => {
                    notes.step("capaian", None, || {
                        Text::new("step-capaian-polaritas")
                            .arg("polaritas", ind.polaritas)
                            .arg("formula", c.formula)
                            .arg("value", plain(c.value))
                    });
                    if t.is_zero() {
                        notes.find(Diagnostic::says(
                            Code::TargetZero,
                            Text::new("target-zero").arg("formula", c.formula),
                        ));
                    }
                    Some(c.value)
                }
                Err(_) => {
                    notes.find(Diagnostic::says(
                        Code::CapaianOverflow,
                        Text::new("capaian-overflow").arg("realisasi", r).arg("target", t),
                    ));
                    None
                }
            },
        }
    }

    /// The band of a rounded capaian: a script's `klasifikasi` hook, else the
    /// first band of the table that holds it.
    fn band(
        &self,
        settings: &Settings<'_>,
        rounded: Decimal,
        hook_in: &HookIndikator<'_>,
        notes: &mut Notes,
    ) -> Option<BandRef> {
        let bands = &settings.klasifikasi.value.bands;
        let scripted = self.host.klasifikasi(rounded, hook_in).unwrap_or_else(|e| {
            notes.find(hook_error(&e, "klasifikasi"));
            None
        });
        if let Some(hb) = scripted {
            let Some(b) = bands.iter().find(|b| b.id == hb.value) else {
                let ids: Vec<&str> = bands.iter().map(|b| b.id.as_str()).collect();
                notes.find(
                    Diagnostic::says(
                        Code::ScriptBand,
                        Text::new("script-band")
                            .arg("source", hb.source)
                            .arg("value", &hb.value),
                    )
                    .help_says(Text::new("script-band-help").arg("ids", ids.join(", "))),
                );
                return None;
            };
            notes.step("klasifikasi", hb.origin, || {
                Text::new("step-klasifikasi-script")
                    .arg("source", hb.source)
                    .arg("value", plain(rounded))
                    .arg("label", &b.label)
                    .arg("id", &b.id)
            });
            return Some(BandRef::of(b));
        }
        match settings.klasifikasi.value.classify(rounded) {
            Some(b) => {
                notes.step("klasifikasi", settings.klasifikasi.origin.as_ref(), || {
                    Text::new("step-klasifikasi")
                        .arg("value", plain(rounded))
                        .arg("range", b.range_text())
                        .arg("label", &b.label)
                        .arg("id", &b.id)
                });
                Some(BandRef::of(b))
            }
            // Rules with no klasifikasi classify nothing: the evaluation
            // says so once (`klasifikasi-none`), not once per indikator.
            None if settings.klasifikasi.value.bands.is_empty() => None,
            None => {
                notes.find(
                    Diagnostic::says(
                        Code::BandMissing,
                        Text::new("band-missing").arg("rounded", plain(rounded)),
                    )
                    .help_says(Text::new("band-missing-help")),
                );
                None
            }
        }
    }
}

/// The capaian the unit's report printed, when the data records one,
/// against the computed one.
pub(super) fn compare_printed_capaian(
    settings: Settings<'_>,
    ind: &Indikator,
    year: u16,
    target: &TargetPhase<'_>,
    realisasi: &RealisasiPhase<'_>,
    capaian: &CapaianPhase,
    notes: &mut Notes,
) {
    let entry = realisasi.entry;
    let printed = entry.and_then(|e| e.printed_capaian);
    let (Some(printed), Some(computed), Some(t), Some(r)) = (printed, capaian.value, target.value, realisasi.value)
    else {
        return;
    };
    let rounding = settings.pembulatan_capaian.value;
    if let Some(diff) = compare_printed(printed, computed, rounding) {
        let by_rumus = ind.rumus_capaian_in_force(year).is_some();
        // A qualitative indikator's figures as written (`WDP against WTP`).
        let shown = |v| crate::skala::shown(ind.skala.as_ref(), v);
        let text = |id: &'static str| {
            Text::new(id)
                .arg("printed", plain(printed))
                .arg("realisasi", shown(r))
                .arg("target", shown(t))
                .arg("rounding", rounding)
                .arg("computed", plain(computed))
        };
        let (wrong, precise) = if by_rumus {
            (text("printed-capaian-rumus"), text("printed-capaian-rumus-precision"))
        } else {
            (text("printed-capaian"), text("printed-capaian-precision"))
        };
        let wrong_figure = diff == crate::anggaran::PrintedDiff::Wrong;
        let mut d = diff.into_diagnostic(
            Code::PrintedCapaian,
            wrong,
            precise,
            entry.and_then(|e| e.origin.as_ref()),
        );
        // Mistyped digits and other years' targets explain a wrong figure;
        // a scale value has no digits to mistype.
        if wrong_figure && ind.skala.is_none() {
            let mut other_targets: Vec<(rust_decimal::Decimal, Option<u16>)> = ind
                .targets
                .iter()
                .filter(|o| o.year != year)
                .map(|o| (o.value.value, Some(o.year)))
                .collect();
            if let Some(n) = ind.national_target(year) {
                other_targets.insert(0, (n.value.value, None));
            }
            let figures = crate::printed_cause::Figures {
                printed,
                computed,
                target: t,
                realisasi: r,
                polaritas: ind.polaritas,
                rounding,
                cap: settings.konversi_efisiensi.map(|(c, _)| c),
                other_targets,
                by_formula: by_rumus,
            };
            let found = crate::printed_cause::causes(&figures);
            d = d.help_says(crate::printed_cause::explain(&found, printed, computed, t, r));
        }
        notes.find(d);
    }
}

//! Rule tests written as data (`uji` blocks): given this realisasi for this
//! year, the rules must give this capaian, band, realisasi or unit score.
//!
//! A case is evaluated against the rules as they are, with an agreement of
//! its own for the year: the indicators it names, each with the target the
//! case sets or, failing that, the one the rules have in force.

use crate::data::UnitData;
use crate::evaluate::{evaluate_with, Options};
use crate::host::ScriptHost;
use crate::i18n::Text;
use crate::model::{Origin, Perjanjian, Quantity, RuleSet, Target, TingkatAturan};
use crate::pembulatan::plain;
use crate::Severity;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Harapan {
    Capaian {
        id: String,
        value: Decimal,
        band: Option<String>,
        origin: Option<Origin>,
    },
    Realisasi {
        id: String,
        /// A number, or a scale value (`WDP`).
        value: crate::model::Quantity,
        origin: Option<Origin>,
    },
    Nilai {
        value: Decimal,
        origin: Option<Origin>,
    },
    /// A sasaran's capaian (`capaian sasaran` in the rules).
    Sasaran {
        code: String,
        value: Decimal,
        band: Option<String>,
        origin: Option<Origin>,
    },
}

/// A target's values per period (`tw1 = 10 tw2 = 20`).
pub type PeriodTargets = Vec<(crate::periode::Periode, Quantity)>;

/// One rule test: a year (or the year up to a period), the targets and
/// data it gives, and what the rules must make of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kasus {
    pub name: String,
    pub year: u16,
    /// The year in progress: the case up to the end of this period.
    pub until: Option<crate::periode::Periode>,
    /// Targets the case sets, overriding the rules', with their targets
    /// per period (the Rencana Aksi's).
    pub targets: Vec<(String, Quantity, PeriodTargets)>,
    pub data: UnitData,
    /// The units below a region, for its own indikator (`realisasi dari
    /// satker`): their figures, and those that failed (id and why).
    pub satker: Vec<crate::wilayah::UnitFigures>,
    pub gagal: Vec<(String, Text)>,
    pub harapan: Vec<Harapan>,
    pub origin: Option<Origin>,
}

impl Kasus {
    /// The indicators the case is about, in the order it names them.
    fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        let mut add = |id: &str| {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        };
        self.targets.iter().for_each(|(id, _, _)| add(id));
        self.data.realisasi.iter().for_each(|e| add(&e.indicator));
        for h in &self.harapan {
            match h {
                Harapan::Capaian { id, .. } | Harapan::Realisasi { id, .. } => add(id),
                Harapan::Nilai { .. } | Harapan::Sasaran { .. } => {}
            }
        }
        ids
    }
}

/// The message for a band expected of `what` (an indikator, or a sasaran)
/// that it did not get; `None` when it got it, or none was expected.
fn band_failure(what: &str, want: Option<&str>, got: Option<&str>, at: Text) -> Option<Text> {
    let want = want?;
    if got == Some(want) {
        return None;
    }
    let got = match got {
        Some(g) => Text::new("raw").arg("text", format!("\"{g}\"")),
        None => Text::new("uji-none"),
    };
    Some(
        Text::new("uji-band")
            .arg("id", what)
            .arg("want", want)
            .arg_text("got", got)
            .arg_text("at", at),
    )
}

/// Runs one case; each unmet expectation is one message. Empty: it passed.
pub fn run(rules: &RuleSet, kasus: &Kasus, host: &dyn ScriptHost) -> Vec<Text> {
    let mut rules = rules.clone();
    rules.perjanjian.retain(|p| p.year != kasus.year);
    for (id, value, periode) in &kasus.targets {
        if let Some(ind) = rules.indikator.iter_mut().find(|i| &i.id == id) {
            ind.targets
                .retain(|t| !(t.year == kasus.year && t.tingkat == TingkatAturan::Satker));
            ind.targets.push(Target {
                year: kasus.year,
                value: value.clone(),
                periode: periode.clone(),
                tingkat: TingkatAturan::Satker,
                source: "uji".into(),
                dasar: None,
                origin: None,
            });
        }
    }
    rules.perjanjian.push(Perjanjian {
        year: kasus.year,
        dasar: Vec::new(),
        indikator: kasus.ids(),
        anggaran: Vec::new(),
        origin: None,
    });
    // A region's indikator: its realisasi computed from the case's units,
    // as a rollup computes it from the units evaluated.
    let mut data = kasus.data.clone();
    if !kasus.satker.is_empty() || !kasus.gagal.is_empty() {
        let ids = kasus.ids();
        let mut hasil = crate::wilayah::hitung_semua(&rules, &kasus.satker, &kasus.gagal);
        hasil.retain(|(id, _)| ids.contains(id));
        data.realisasi
            .extend(crate::wilayah::realisasi(&rules, kasus.year, &hasil));
    }
    let ev = evaluate_with(
        &rules,
        &data,
        host,
        Options {
            trace: false,
            until: kasus.until,
        },
    );
    let mut failures = Vec::new();
    let at = |o: &Option<Origin>| match o {
        Some(o) => Text::new("uji-at").arg("at", o),
        None => Text::new("nothing"),
    };
    let shown = |v: Option<Decimal>| match v {
        Some(v) => Text::new("raw").arg("text", plain(v)),
        None => Text::new("uji-nothing"),
    };
    // An indicator's figure, or why there is none when it was not measured.
    let figure_of = |id: &str, v: Option<Decimal>| match ev.indicator(id) {
        Some(r) if v.is_none() && r.tidak_diukur.is_some() => Text::new("uji-not-measured"),
        _ => shown(v),
    };
    for h in &kasus.harapan {
        match h {
            Harapan::Capaian {
                id,
                value,
                band,
                origin,
            } => {
                let r = ev.indicator(id);
                let got = r.and_then(|r| r.capaian);
                if got != Some(*value) {
                    failures.push(
                        Text::new("uji-capaian")
                            .arg("id", id)
                            .arg("want", plain(*value))
                            .arg_text("got", figure_of(id, got))
                            .arg_text("at", at(origin)),
                    );
                }
                let got = r.and_then(|r| r.band.as_ref()).map(|b| b.label.as_str());
                failures.extend(band_failure(id, band.as_deref(), got, at(origin)));
            }
            Harapan::Realisasi { id, value, origin } => {
                let r = ev.indicator(id);
                // A scale value (`WDP`) is its place on the indikator's scale.
                let want = crate::skala::value_of(r.and_then(|r| r.skala.as_ref()), value).ok();
                let got = r.and_then(|r| r.realisasi);
                if want.is_none() || got != want {
                    let got = match (r, got) {
                        (Some(r), Some(g)) => Text::new("raw").arg("text", r.shown(g)),
                        _ => figure_of(id, got),
                    };
                    failures.push(
                        Text::new("uji-realisasi")
                            .arg("id", id)
                            .arg("want", value)
                            .arg_text("got", got)
                            .arg_text("at", at(origin)),
                    );
                }
            }
            Harapan::Sasaran {
                code,
                value,
                band,
                origin,
            } => {
                let what = format!("sasaran {code}");
                let figure = ev.sasaran.iter().find(|g| g.code == *code);
                let got = figure.and_then(|g| g.capaian);
                if got != Some(*value) {
                    failures.push(
                        Text::new("uji-capaian")
                            .arg("id", &what)
                            .arg("want", plain(*value))
                            .arg_text("got", shown(got))
                            .arg_text("at", at(origin)),
                    );
                }
                let got = figure.and_then(|g| g.band.as_ref()).map(|b| b.label.as_str());
                failures.extend(band_failure(&what, band.as_deref(), got, at(origin)));
            }
            Harapan::Nilai { value, origin } => {
                let got = ev.nilai.as_ref().map(|n| n.value);
                if got != Some(*value) {
                    failures.push(
                        Text::new("uji-nilai")
                            .arg("want", plain(*value))
                            .arg_text("got", shown(got))
                            .arg_text("at", at(origin)),
                    );
                }
            }
        }
    }
    // Errors that stopped a figure explain a failure; show them with it.
    if !failures.is_empty() {
        for d in ev.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            failures.push(
                Text::new("uji-because")
                    .arg("code", d.code)
                    .arg_text("message", d.message.clone()),
            );
        }
    }
    failures
}

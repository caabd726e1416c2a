//! What an evaluation produces: the figures of each indicator with their
//! trace, the unit's score, and the comparison with last year that
//! [`crate::tahun_lalu`] fills in. Plain data, with no machinery.

use crate::anggaran::Anggaran;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Origin, RuleSetInfo, Tier};
use crate::periode::Periode;
use crate::satuan::Satuan;
use rust_decimal::Decimal;

/// The band an indicator's capaian falls in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandRef {
    pub id: String,
    pub label: String,
    pub colour: String,
}

impl BandRef {
    pub(crate) fn of(b: &crate::klasifikasi::Band) -> Self {
        Self {
            id: b.id.clone(),
            label: b.label.clone(),
            colour: b.colour.clone(),
        }
    }
}

/// One step of an indicator's evaluation, for `explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the step is: `rule`, `target`, `realisasi`, `capaian`, `konversi`, `pembulatan`, `klasifikasi`.
    pub label: &'static str,
    /// What was done, from the catalogue.
    pub text: crate::i18n::Text,
    pub origin: Option<Origin>,
}

/// One indicator's figures for the year, each with the rule behind it in
/// `trace`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorResult {
    pub id: String,
    pub tier: Tier,
    pub sasaran: String,
    pub sasaran_name: String,
    pub name: String,
    pub satuan: Satuan,
    /// A qualitative indikator's scale: its target and realisasi are places
    /// on it, shown as the values they stand for ([`IndicatorResult::shown`]).
    pub skala: Option<crate::skala::Skala>,
    pub induk: Option<String>,
    pub bobot: Option<Decimal>,
    pub target: Option<Decimal>,
    pub national_target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    /// The unit the realisasi was written in, when it was written with one.
    pub realisasi_satuan: Option<Satuan>,
    pub realisasi_periode: Vec<(Periode, Decimal)>,
    /// Before the cap and the rounding.
    pub capaian_raw: Option<Decimal>,
    /// After the cap and the rounding: the figure a report prints.
    pub capaian: Option<Decimal>,
    pub band: Option<BandRef>,
    pub printed_capaian: Option<Decimal>,
    /// The indikator's legal basis (`dasar` lines).
    pub dasar: Vec<String>,
    /// The legal basis of the target in force, when it states one.
    pub target_dasar: Option<String>,
    /// Where the realisasi was written, for findings about it.
    pub realisasi_origin: Option<Origin>,
    /// Not measured this year (`tidak diukur`), with the data's reason:
    /// no realisasi and no capaian, shown as n/a and left out of means and
    /// counts, never reported as missing.
    pub tidak_diukur: Option<crate::data::TidakDiukur>,
    /// An input of a composite score (`komponen`): no target, no capaian,
    /// left out of the unit's score and of the rollup's counts.
    pub komponen: bool,
    /// Last year's figures, when [`crate::tahun_lalu::compare`] was given them.
    pub tahun_lalu: Option<TahunLalu>,
    /// Progress towards the Renstra's last-year target, when the rules hold one.
    pub renstra: Option<ProgresRenstra>,
    /// The year in progress: the year's target (`target` is the period's).
    pub target_tahunan: Option<Decimal>,
    /// The year in progress: the year's end as the figures to date point to it.
    pub proyeksi: Option<super::berjalan::Proyeksi>,
    pub trace: Vec<Step>,
}

impl IndicatorResult {
    /// A target or realisasi of this indikator as a report writes it in
    /// plain notation: a qualitative indikator's value as written (`WTP`),
    /// else the number (`77.5`).
    pub fn shown(&self, value: Decimal) -> String {
        crate::skala::shown(self.skala.as_ref(), value)
    }
}

/// A sasaran's or a tier's capaian: the mean of its indikator's, as the
/// rule set's `capaian sasaran` or `capaian jenjang` states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapaianGabungan {
    /// The sasaran's code, or the tier's keyword.
    pub code: String,
    pub name: String,
    pub tier: Tier,
    /// The indikator counted, in the order they come.
    pub indikator: Vec<String>,
    /// The mean before the rounding.
    pub capaian_raw: Option<Decimal>,
    /// Rounded by `pembulatan sasaran` (else like a capaian).
    pub capaian: Option<Decimal>,
    pub band: Option<BandRef>,
}

/// The unit's overall score, when a script computes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nilai {
    /// Rounded by the rule set's `pembulatan capaian`.
    pub value: Decimal,
    /// Which script and function computed it.
    pub source: String,
}

/// A unit's year: every indicator of its agreement, its score, its budget
/// and the problems found on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub satker: Option<RuleSetInfo>,
    pub chain: Vec<RuleSetInfo>,
    pub year: u16,
    /// The year in progress: evaluated up to the end of this period.
    pub until: Option<crate::periode::Periode>,
    pub perjanjian_dasar: Vec<String>,
    pub data_dasar: Vec<String>,
    /// Ordered by tier, then as the Perjanjian Kinerja lists them.
    pub indicators: Vec<IndicatorResult>,
    /// Per sasaran, when the rules state `capaian sasaran`.
    pub sasaran: Vec<CapaianGabungan>,
    /// Per tier, when the rules state `capaian jenjang`.
    pub jenjang: Vec<CapaianGabungan>,
    pub nilai: Option<Nilai>,
    pub anggaran: Anggaran,
    pub diagnostics: Vec<Diagnostic>,
}

impl Evaluation {
    /// Whether a figure could not be computed (the command exits 1).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// The result of indikator `id`, when the agreement measures it.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// An indicator's figures the year before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TahunLalu {
    pub year: u16,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
}

/// Progress towards the Renstra's last-year target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgresRenstra {
    /// The Renstra's last year.
    pub year: u16,
    pub target: Decimal,
    /// This year's realisasi against that target, by the indicator's
    /// polarity, rounded like a capaian and not capped.
    pub progress: Option<Decimal>,
}

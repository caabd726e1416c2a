//! What a rollup keeps of one evaluated unit: where it belongs, its score
//! and band, each indicator's capaian and band, and its budget total.

use crate::model::{Tier, TingkatAturan};
use crate::{Evaluation, RuleSet, Severity};
use rust_decimal::Decimal;

/// The group of units that belong to no Kanwil (a unit that builds on the
/// national rules directly).
pub const NO_KANWIL: &str = "-";

/// The name of that group in the rollup's tables and JSON.
pub const NO_KANWIL_NAME: &str = "tanpa Kanwil";

/// One indicator of a unit as the summaries count it, borrowed from where
/// the unit's figures are (its evaluation, or a jsonl line read back): a
/// run of a million rows copies no name per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicatorFigure<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub tier: Tier,
    pub capaian: Option<Decimal>,
    pub band: Option<&'a str>,
    /// Not measured this year: counted apart, never as missing.
    pub tidak_diukur: bool,
    /// An indikator's figure, or a sasaran's (`capaian sasaran`): the
    /// summaries keep the two apart.
    pub of: FigureOf,
}

/// What an [`IndicatorFigure`] is the figure of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureOf {
    Indikator,
    /// A sasaran's capaian: `id` is its code.
    Sasaran,
}

/// The figures of an evaluated unit, as the summaries count them: its
/// indikator's, then its sasaran's when the rules compute them.
pub fn figures_of(ev: &Evaluation) -> impl Iterator<Item = IndicatorFigure<'_>> {
    // A composite's inputs have no capaian to count.
    let indikator = ev.indicators.iter().filter(|r| !r.komponen).map(|r| IndicatorFigure {
        id: &r.id,
        name: &r.name,
        tier: r.tier,
        capaian: r.capaian,
        band: r.band.as_ref().map(|b| b.label.as_str()),
        tidak_diukur: r.tidak_diukur.is_some(),
        of: FigureOf::Indikator,
    });
    let sasaran = ev.sasaran.iter().map(|g| IndicatorFigure {
        id: &g.code,
        name: &g.name,
        tier: g.tier,
        capaian: g.capaian,
        band: g.band.as_ref().map(|b| b.label.as_str()),
        tidak_diukur: false,
        of: FigureOf::Sasaran,
    });
    indikator.chain(sasaran)
}

/// Where a unit's score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreSource {
    /// The `nilai_satker` hook of a script.
    Nilai,
    /// No script scores the unit: the mean of its capaian, rounded like a capaian.
    MeanCapaian,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRecord {
    /// The unit's folder, or its id when it came from a long table.
    pub path: String,
    pub satker_id: String,
    pub satker_name: String,
    pub kanwil_id: String,
    pub kanwil_name: String,
    /// The national rule set its chain starts from: a rollup adds up one
    /// (empty when it builds on none).
    pub nasional_id: String,
    /// The unit's overall score (see [`ScoreSource`]).
    pub score: Option<Decimal>,
    pub score_source: ScoreSource,
    /// The band of the score under the klasifikasi in force.
    pub band: Option<String>,
    /// The budget's Total row (zero when the unit reported no budget).
    pub pagu: Decimal,
    pub realisasi: Decimal,
    /// Error diagnostics of the evaluation (a figure that could not be computed).
    pub errors: usize,
    /// The year in progress: the indikator whose capaian to date is below
    /// 100 (off track), with that capaian. Empty for a whole year.
    pub off_track: Vec<(String, Decimal)>,
}

/// The indikator of a year in progress whose capaian to date is below 100.
pub fn off_track_of<'a>(figures: impl IntoIterator<Item = IndicatorFigure<'a>>) -> Vec<(String, Decimal)> {
    figures
        .into_iter()
        .filter(|f| f.of == FigureOf::Indikator)
        .filter_map(|f| {
            f.capaian
                .filter(|c| *c < Decimal::ONE_HUNDRED)
                .map(|c| (f.id.to_string(), c))
        })
        .collect()
}

impl UnitRecord {
    pub fn new(path: &str, ev: &Evaluation, rules: &RuleSet) -> Self {
        let (kanwil_id, kanwil_name) = kanwil_of(&ev.chain);
        let (pagu, realisasi) = ev.anggaran.total().map(|t| (t.pagu, t.realisasi)).unwrap_or_default();
        let record = Self {
            path: path.to_string(),
            satker_id: ev.satker.as_ref().map(|s| s.id.clone()).unwrap_or_default(),
            satker_name: ev.satker.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
            kanwil_id,
            kanwil_name,
            nasional_id: nasional_of(&ev.chain).map(|r| r.id.clone()).unwrap_or_default(),
            score: None,
            score_source: ScoreSource::MeanCapaian,
            band: None,
            pagu,
            realisasi,
            errors: ev.diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
            off_track: match ev.until {
                Some(_) => off_track_of(figures_of(ev)),
                None => Vec::new(),
            },
        };
        let capaian = ev.indicators.iter().filter_map(|r| r.capaian);
        record.scored(
            ev.nilai.as_ref().map(|n| n.value),
            capaian,
            &super::basis_of(rules, ev.year),
        )
    }

    /// The record with its score and the score's band: the `nilai_satker`
    /// a script computed, or else the mean of its indicators' `capaian`,
    /// classified under `basis`. A record read back from a jsonl line
    /// (`--merge`) is scored the same way.
    pub fn scored(
        mut self,
        nilai: Option<Decimal>,
        capaian: impl IntoIterator<Item = Decimal>,
        basis: &super::Basis,
    ) -> Self {
        let (score, score_source) = match nilai {
            Some(n) => (Some(n), ScoreSource::Nilai),
            None => {
                let (mut sum, mut n) = (Some(Decimal::ZERO), 0u64);
                for c in capaian {
                    sum = sum.and_then(|s| s.checked_add(c));
                    n += 1;
                }
                let mean = sum
                    .filter(|_| n > 0)
                    .and_then(|s| s.checked_div(Decimal::from(n)))
                    .map(|m| basis.capaian.apply(m));
                (mean, ScoreSource::MeanCapaian)
            }
        };
        self.band = score
            .and_then(|s| basis.klasifikasi.classify(s))
            .map(|b| b.label.clone());
        self.score = score;
        self.score_source = score_source;
        self
    }
}

/// The national rule set a chain of rule sets starts from, if it builds on
/// one (a unit on its own, or under a Kanwil alone, does not).
pub fn nasional_of(chain: &[crate::model::RuleSetInfo]) -> Option<&crate::model::RuleSetInfo> {
    chain.first().filter(|r| r.tingkat == TingkatAturan::Nasional)
}

/// The Kanwil a chain of rule sets runs through, as `(id, name)`.
pub fn kanwil_of(chain: &[crate::model::RuleSetInfo]) -> (String, String) {
    chain
        .iter()
        .rev()
        .find(|r| r.tingkat == TingkatAturan::Kanwil)
        .map(|r| (r.id.clone(), r.name.clone()))
        .unwrap_or_else(|| (NO_KANWIL.to_string(), NO_KANWIL_NAME.to_string()))
}

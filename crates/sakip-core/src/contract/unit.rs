//! One unit's year: the object of `eval --format json` and of each line
//! of a rollup's `jsonl`.

use crate::evaluate::IndicatorResult;
use crate::pembulatan::plain;
use crate::{Decimal, Evaluation, Lang, Problem};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The contract object of `eval --format json` (and each line of a
/// rollup's `jsonl`). Fields are added, never changed in meaning.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Output<'a> {
    pub satker: Option<Satker<'a>>,
    pub year: u16,
    /// The year in progress: evaluated up to the end of this period
    /// (`tw1`, `tw2`, `tw3`, `smt1`); absent for the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Cow<'a, str>>,
    pub rules: Vec<RuleRef<'a>>,
    pub rounding: Rounding,
    /// The bands in force for the year, so that a reader of the JSON (and
    /// `rollup --merge`) can classify a score the way the rules do.
    pub klasifikasi: Cow<'a, [crate::klasifikasi::Band]>,
    pub dasar: Dasar<'a>,
    /// The scripts in force for the year.
    pub scripts: Vec<Cow<'a, str>>,
    pub indicators: Vec<Indicator<'a>>,
    /// Each sasaran's capaian, when the rules state `capaian sasaran`
    /// (absent otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sasaran: Vec<Combined<'a>>,
    /// Each tier's capaian, when the rules state `capaian jenjang` (absent
    /// otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Combined<'a>>,
    pub nilai: Option<NilaiOut<'a>>,
    /// The budget's lines (belanja), as the data gives them.
    pub budget: Vec<Budget<'a>>,
    /// The lines' sum and its absorption; null when there is no budget.
    pub budget_total: Option<BudgetFigures>,
    /// The budget per programme, when the data gives it.
    pub budget_programs: Vec<Budget<'a>>,
    /// The agreement's budget per programme.
    pub perjanjian_budget: Vec<PkBudget<'a>>,
    /// Every finding, in the one shape of problems.
    pub diagnostics: Vec<ProblemJson<'a>>,
}

/// A sasaran's or a tier's capaian: the mean of its indikator's.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Combined<'a> {
    /// The sasaran's code, or the tier's keyword.
    pub code: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub tier: Cow<'a, str>,
    /// The ids of the indikator counted.
    pub indicators: Vec<Cow<'a, str>>,
    /// Rounded by `pembulatan sasaran` (else like a capaian); null when
    /// one of the indikator has no capaian.
    pub capaian: Option<String>,
    pub band: Option<Cow<'a, str>>,
    pub band_id: Option<Cow<'a, str>>,
    pub band_colour: Option<Cow<'a, str>>,
}

/// The unit: its id and name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Satker<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
}

/// One rule set of the chain, national first.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleRef<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub level: Cow<'a, str>,
}

/// The legal basis the evaluation rests on, as the rule and data files state it.
/// The legal bases the rules, the agreement and the data cite.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dasar<'a> {
    pub rules: Vec<Cow<'a, str>>,
    pub perjanjian: Vec<Cow<'a, str>>,
    pub data: Vec<Cow<'a, str>>,
}

/// The unit's overall score, when a script computes one.
/// The unit's score and the script function that computed it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NilaiOut<'a> {
    pub value: String,
    pub source: Cow<'a, str>,
}

/// The rounding in force and the cap, as the rules write them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rounding {
    pub capaian: String,
    pub budget: String,
    pub cap: Option<String>,
    /// The unit's score, when `pembulatan nilai` rounds it otherwise than a capaian.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<String>,
}

/// One indicator's figures, each a plain decimal string or null; a
/// qualitative indikator's target and realisasi are its scale's values
/// as written (`"WTP"`), and `scale` lists them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Indicator<'a> {
    pub id: Cow<'a, str>,
    /// `strategis`, `program`, `kegiatan` or `output`.
    pub tier: Cow<'a, str>,
    pub sasaran: Cow<'a, str>,
    pub sasaran_name: Cow<'a, str>,
    pub name: Cow<'a, str>,
    /// The indikator's satuan.
    pub unit: String,
    /// The indikator it is a sub-indikator of.
    pub parent: Option<Cow<'a, str>>,
    /// A qualitative indikator's values, best first (`skala` in the
    /// rules); absent for one measured in numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Vec<Cow<'a, str>>>,
    pub target: Option<String>,
    /// The national rules' target for the year, when there is one.
    pub national_target: Option<String>,
    pub realisasi: Option<String>,
    /// The unit the realisasi was written in, when written with one.
    pub realisasi_unit: Option<String>,
    /// The period values the realisasi combines.
    pub periods: Vec<Period<'a>>,
    /// After the cap and the rounding: the printed figure.
    pub capaian: Option<String>,
    pub band: Option<Cow<'a, str>>,
    /// The band's id, for scripts and machines; `band` is its label.
    pub band_id: Option<Cow<'a, str>>,
    pub band_colour: Option<Cow<'a, str>>,
    /// What the unit's report printed, when the data records it.
    pub printed_capaian: Option<String>,
    /// Present when the data says the realisasi was not measured this year
    /// (`tidak diukur`): `realisasi` and `capaian` are null, and the figure
    /// is not missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_measured: Option<NotMeasured<'a>>,
    /// Present and true for an input of a composite score (`komponen`):
    /// it has a realisasi but no target, capaian or band by design.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub component: bool,
    pub previous: Option<Previous>,
    pub renstra: Option<RenstraOut>,
    pub dasar: Vec<Cow<'a, str>>,
    pub target_dasar: Option<Cow<'a, str>>,
    /// The year in progress: the year's target (`target` is the period's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_target: Option<String>,
    /// The year in progress: the year's end as the figures to date point to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projection: Option<ProjectionOut<'a>>,
}

/// The year's end projected from the figures to date.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectionOut<'a> {
    /// `linear` (a sum, at the same pace) or `tetap` (the figure to date
    /// taken as the year's).
    pub method: Cow<'a, str>,
    pub realisasi: String,
    /// Against the year's target, capped and rounded like any capaian.
    pub capaian: Option<String>,
    pub band: Option<Cow<'a, str>>,
}

/// A realisasi not measured this year, with the data's reason.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotMeasured<'a> {
    pub reason: Option<Cow<'a, str>>,
}

/// Last year's figures for the indicator.
/// Last year's figures, under last year's rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Previous {
    pub year: u16,
    pub realisasi: Option<String>,
    pub capaian: Option<String>,
}

/// Progress towards the Renstra's last-year target.
/// Progress towards the Renstra's end-year target.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RenstraOut {
    pub year: u16,
    pub target: String,
    pub progress: Option<String>,
}

/// One period's realisasi.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period<'a> {
    pub period: Cow<'a, str>,
    pub realisasi: String,
}

/// A budget's figures: a line's, or their sum (`budget_total`, a field of
/// its own, never a line with a name that means "total").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BudgetFigures {
    pub pagu: String,
    pub realisasi: String,
    pub penyerapan: Option<String>,
    /// What the unit's report printed, when the data records it.
    pub printed_penyerapan: Option<String>,
}

/// One budget line: its name and its figures.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Budget<'a> {
    pub name: Cow<'a, str>,
    #[serde(flatten)]
    pub figures: BudgetFigures,
}

/// One programme's budget in the agreement.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PkBudget<'a> {
    pub name: Cow<'a, str>,
    pub anggaran: String,
}

/// A figure as a plain decimal string (the contract: never a float).
fn num(v: Option<Decimal>) -> Option<String> {
    v.map(plain)
}

/// A budget line's figures as the contract writes them.
fn figures(b: &crate::anggaran::BudgetRow) -> BudgetFigures {
    BudgetFigures {
        pagu: plain(b.pagu),
        realisasi: plain(b.realisasi),
        penyerapan: num(b.penyerapan),
        printed_penyerapan: num(b.printed_penyerapan),
    }
}

/// One budget line of the contract.
fn budget_row(b: &crate::anggaran::BudgetRow) -> Budget<'_> {
    Budget {
        name: Cow::Borrowed(&b.name),
        figures: figures(b),
    }
}

/// A sasaran's or a tier's figure in the contract.
fn combined(g: &crate::evaluate::CapaianGabungan) -> Combined<'_> {
    Combined {
        code: Cow::Borrowed(&g.code),
        name: Cow::Borrowed(&g.name),
        tier: Cow::Borrowed(g.tier.keyword()),
        indicators: g.indikator.iter().map(|i| Cow::Borrowed(i.as_str())).collect(),
        capaian: num(g.capaian),
        band: g.band.as_ref().map(|b| Cow::Borrowed(b.label.as_str())),
        band_id: g.band.as_ref().map(|b| Cow::Borrowed(b.id.as_str())),
        band_colour: g.band.as_ref().map(|b| Cow::Borrowed(b.colour.as_str())),
    }
}

/// One indicator of the contract.
fn indicator(r: &IndicatorResult) -> Indicator<'_> {
    Indicator {
        id: Cow::Borrowed(&r.id),
        tier: Cow::Borrowed(r.tier.keyword()),
        sasaran: Cow::Borrowed(&r.sasaran),
        sasaran_name: Cow::Borrowed(&r.sasaran_name),
        name: Cow::Borrowed(&r.name),
        unit: r.satuan.display(),
        parent: r.induk.as_deref().map(Cow::Borrowed),
        scale: r
            .skala
            .as_ref()
            .map(|s| s.nilai.iter().map(|v| Cow::Borrowed(v.as_str())).collect()),
        target: r.target.map(|v| r.shown(v)),
        national_target: r.national_target.map(|v| r.shown(v)),
        realisasi: r.realisasi.map(|v| r.shown(v)),
        realisasi_unit: r.realisasi_satuan.as_ref().map(|s| s.display()),
        periods: r
            .realisasi_periode
            .iter()
            .map(|(p, v)| Period {
                period: Cow::Borrowed(p.keyword()),
                realisasi: r.shown(*v),
            })
            .collect(),
        capaian: num(r.capaian),
        band: r.band.as_ref().map(|b| b.label.as_str()).map(Cow::Borrowed),
        band_id: r.band.as_ref().map(|b| b.id.as_str()).map(Cow::Borrowed),
        band_colour: r.band.as_ref().map(|b| b.colour.as_str()).map(Cow::Borrowed),
        printed_capaian: num(r.printed_capaian),
        component: r.komponen,
        not_measured: r.tidak_diukur.as_ref().map(|t| NotMeasured {
            reason: t.alasan.as_deref().map(Cow::Borrowed),
        }),
        previous: r.tahun_lalu.as_ref().map(|p| Previous {
            year: p.year,
            realisasi: p.realisasi.map(|v| r.shown(v)),
            capaian: num(p.capaian),
        }),
        annual_target: r.target_tahunan.map(|v| r.shown(v)),
        projection: r.proyeksi.as_ref().map(|p| ProjectionOut {
            method: Cow::Borrowed(p.metode.keyword()),
            realisasi: r.shown(p.realisasi),
            capaian: num(p.capaian),
            band: p.band.as_ref().map(|b| Cow::Borrowed(b.label.as_str())),
        }),
        renstra: r.renstra.as_ref().map(|p| RenstraOut {
            year: p.year,
            target: r.shown(p.target),
            progress: num(p.progress),
        }),
        dasar: r.dasar.iter().map(|s| Cow::Borrowed(s.as_str())).collect(),
        target_dasar: r.target_dasar.as_deref().map(Cow::Borrowed),
    }
}

/// The contract's JSON Schema (2020-12), generated from these types: what
/// docs/unit.schema.json holds.
#[cfg(feature = "schema")]
pub fn schema() -> schemars::Schema {
    schemars::schema_for!(Output<'static>)
}

/// The whole contract object of one evaluation: serialised pretty by
/// `eval --format json`, compact (one line) by a rollup's `jsonl` and by a
/// receipt's hash.
pub fn unit<'a>(ev: &'a Evaluation, rules: &'a crate::RuleSet, scripts: &[&'a str]) -> Output<'a> {
    Output {
        satker: ev.satker.as_ref().map(|s| Satker {
            id: Cow::Borrowed(&s.id),
            name: Cow::Borrowed(&s.name),
        }),
        year: ev.year,
        until: ev.until.map(|p| Cow::Borrowed(p.keyword())),
        rules: ev
            .chain
            .iter()
            .map(|r| RuleRef {
                id: Cow::Borrowed(&r.id),
                name: Cow::Borrowed(&r.name),
                level: Cow::Borrowed(r.tingkat.keyword()),
            })
            .collect(),
        klasifikasi: Cow::Borrowed(&rules.klasifikasi.at(ev.year).value.bands),
        rounding: Rounding {
            capaian: rules.settings(ev.year).pembulatan_capaian.value.to_string(),
            budget: rules.settings(ev.year).pembulatan_anggaran.value.to_string(),
            cap: rules.settings(ev.year).konversi_efisiensi.map(|(c, _)| plain(c)),
            score: rules.settings(ev.year).pembulatan_nilai.value.map(|r| r.to_string()),
        },
        dasar: Dasar {
            rules: ev
                .chain
                .iter()
                .flat_map(|r| r.dasar.iter().map(|s| Cow::Borrowed(s.as_str())))
                .collect(),
            perjanjian: ev.perjanjian_dasar.iter().map(|s| Cow::Borrowed(s.as_str())).collect(),
            data: ev.data_dasar.iter().map(|s| Cow::Borrowed(s.as_str())).collect(),
        },
        scripts: scripts.iter().map(|s| Cow::Borrowed(*s)).collect(),
        indicators: ev.indicators.iter().map(indicator).collect(),
        sasaran: ev.sasaran.iter().map(combined).collect(),
        tiers: ev.jenjang.iter().map(combined).collect(),
        nilai: ev.nilai.as_ref().map(|n| NilaiOut {
            value: plain(n.value),
            source: Cow::Borrowed(&n.source),
        }),
        // The core's budget ends with its sum as a row (what the reports
        // print); the contract gives the lines and the sum apart.
        budget: ev
            .anggaran
            .belanja
            .iter()
            .take(ev.anggaran.belanja.len() - usize::from(ev.anggaran.total().is_some()))
            .map(budget_row)
            .collect(),
        budget_total: ev.anggaran.total().map(figures),
        budget_programs: ev.anggaran.program.iter().map(budget_row).collect(),
        perjanjian_budget: ev
            .anggaran
            .perjanjian
            .iter()
            .map(|(n, a)| PkBudget {
                name: Cow::Borrowed(n),
                anggaran: plain(*a),
            })
            .collect(),
        diagnostics: ev.diagnostics.iter().map(|d| problem(d)).collect(),
    }
}

/// The JSON object of one problem. `location` is `file:line:col` (or the
/// file alone); `file`, `line` and `col` are the same place in parts, 0
/// when there is no line.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProblemJson<'a> {
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The registry's code (`band-gap`).
    pub code: Cow<'a, str>,
    /// In English, the contract's language.
    pub message: String,
    /// The indikator it is about, or null.
    pub indicator: Option<Cow<'a, str>>,
    /// How to fix it, or null.
    pub help: Option<String>,
    /// `file:line:col`, or the file alone, or null.
    pub location: Option<String>,
    /// The same place in parts.
    pub file: Option<Cow<'a, str>>,
    /// 1-based; 0 for a whole file.
    pub line: u32,
    /// 1-based; 0 for a whole line (a row of a table).
    pub col: u32,
}

/// The JSON object of one problem.
pub fn problem(p: &dyn Problem) -> ProblemJson<'_> {
    let at = p.location();
    ProblemJson {
        severity: p.severity().to_string(),
        code: Cow::Borrowed(p.code().as_str()),
        message: p.message_in(Lang::En),
        indicator: p.indicator().map(Cow::Borrowed),
        help: p.help_in(Lang::En),
        location: at.map(ToString::to_string),
        file: at.map(|o| o.file.as_str()).map(Cow::Borrowed),
        line: at.map_or(0, |o| o.line),
        col: at.map_or(0, |o| o.col),
    }
}

//! `eval --format json`: **contract**. One object with `satker`, `year`,
//! `indicators[]`, `budget[]` (ending with `Total`) and `diagnostics[]`;
//! every number a string in plain decimal notation, absent figures `null`.
//! Fields beyond the contract may be added; these may not change meaning.

use sakip_core::evaluate::IndicatorResult;
use sakip_core::pembulatan::plain;
use sakip_core::{Decimal, Evaluation};
use serde::Serialize;

/// The contract object of `eval --format json` (and each line of a
/// rollup's `jsonl`). Fields are added, never changed in meaning.
#[derive(Serialize)]
struct Output<'a> {
    satker: Option<Satker<'a>>,
    year: u16,
    rules: Vec<RuleRef<'a>>,
    rounding: Rounding,
    /// The bands in force for the year, so that a reader of the JSON (and
    /// `rollup --merge`) can classify a score the way the rules do.
    klasifikasi: &'a [sakip_core::klasifikasi::Band],
    dasar: Dasar<'a>,
    /// The scripts in force for the year.
    scripts: Vec<&'a str>,
    indicators: Vec<Indicator<'a>>,
    nilai: Option<NilaiOut<'a>>,
    budget: Vec<Budget<'a>>,
    /// The budget per programme, when the data gives it.
    budget_programs: Vec<Budget<'a>>,
    /// The agreement's budget per programme.
    perjanjian_budget: Vec<PkBudget<'a>>,
    /// Every finding, in the one shape of problems.
    diagnostics: Vec<crate::problem::ProblemJson<'a>>,
}

/// The unit: its id and name.
#[derive(Serialize)]
struct Satker<'a> {
    id: &'a str,
    name: &'a str,
}

/// One rule set of the chain, national first.
#[derive(Serialize)]
struct RuleRef<'a> {
    id: &'a str,
    name: &'a str,
    level: &'static str,
}

/// The legal basis the evaluation rests on, as the rule and data files state it.
/// The legal bases the rules, the agreement and the data cite.
#[derive(Serialize)]
struct Dasar<'a> {
    rules: Vec<&'a str>,
    perjanjian: Vec<&'a str>,
    data: Vec<&'a str>,
}

/// The unit's overall score, when a script computes one.
/// The unit's score and the script function that computed it.
#[derive(Serialize)]
struct NilaiOut<'a> {
    value: String,
    source: &'a str,
}

/// The rounding in force and the cap, as the rules write them.
#[derive(Serialize)]
struct Rounding {
    capaian: String,
    budget: String,
    cap: Option<String>,
    /// The unit's score, when `pembulatan nilai` rounds it otherwise than a capaian.
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<String>,
}

/// One indicator's figures, each a plain decimal string or null.
#[derive(Serialize)]
struct Indicator<'a> {
    id: &'a str,
    /// `strategis`, `program`, `kegiatan` or `output`.
    tier: &'static str,
    sasaran: &'a str,
    sasaran_name: &'a str,
    name: &'a str,
    /// The indikator's satuan.
    unit: String,
    /// The indikator it is a sub-indikator of.
    parent: Option<&'a str>,
    target: Option<String>,
    /// The national rules' target for the year, when there is one.
    national_target: Option<String>,
    realisasi: Option<String>,
    /// The unit the realisasi was written in, when written with one.
    realisasi_unit: Option<String>,
    /// The period values the realisasi combines.
    periods: Vec<Period>,
    /// After the cap and the rounding: the printed figure.
    capaian: Option<String>,
    band: Option<&'a str>,
    /// The band's id, for scripts and machines; `band` is its label.
    band_id: Option<&'a str>,
    band_colour: Option<&'a str>,
    /// What the unit's report printed, when the data records it.
    printed_capaian: Option<String>,
    previous: Option<Previous>,
    renstra: Option<RenstraOut>,
    dasar: Vec<&'a str>,
    target_dasar: Option<&'a str>,
}

/// Last year's figures for the indicator.
/// Last year's figures, under last year's rules.
#[derive(Serialize)]
struct Previous {
    year: u16,
    realisasi: Option<String>,
    capaian: Option<String>,
}

/// Progress towards the Renstra's last-year target.
/// Progress towards the Renstra's end-year target.
#[derive(Serialize)]
struct RenstraOut {
    year: u16,
    target: String,
    progress: Option<String>,
}

/// One period's realisasi.
#[derive(Serialize)]
struct Period {
    period: &'static str,
    realisasi: String,
}

/// One budget line (and the `Total`).
#[derive(Serialize)]
struct Budget<'a> {
    name: &'a str,
    pagu: String,
    realisasi: String,
    penyerapan: Option<String>,
    printed_penyerapan: Option<String>,
}

/// One programme's budget in the agreement.
#[derive(Serialize)]
struct PkBudget<'a> {
    name: &'a str,
    anggaran: String,
}

/// A figure as a plain decimal string (the contract: never a float).
fn num(v: Option<Decimal>) -> Option<String> {
    v.map(plain)
}

/// One budget line of the contract.
fn budget_row(b: &sakip_core::anggaran::BudgetRow) -> Budget<'_> {
    Budget {
        name: &b.name,
        pagu: plain(b.pagu),
        realisasi: plain(b.realisasi),
        penyerapan: num(b.penyerapan),
        printed_penyerapan: num(b.printed_penyerapan),
    }
}

/// One indicator of the contract.
fn indicator(r: &IndicatorResult) -> Indicator<'_> {
    Indicator {
        id: &r.id,
        tier: r.tier.keyword(),
        sasaran: &r.sasaran,
        sasaran_name: &r.sasaran_name,
        name: &r.name,
        unit: r.satuan.display(),
        parent: r.induk.as_deref(),
        target: num(r.target),
        national_target: num(r.national_target),
        realisasi: num(r.realisasi),
        realisasi_unit: r.realisasi_satuan.as_ref().map(|s| s.display()),
        periods: r
            .realisasi_periode
            .iter()
            .map(|(p, v)| Period {
                period: p.keyword(),
                realisasi: plain(*v),
            })
            .collect(),
        capaian: num(r.capaian),
        band: r.band.as_ref().map(|b| b.label.as_str()),
        band_id: r.band.as_ref().map(|b| b.id.as_str()),
        band_colour: r.band.as_ref().map(|b| b.colour.as_str()),
        printed_capaian: num(r.printed_capaian),
        previous: r.tahun_lalu.as_ref().map(|p| Previous {
            year: p.year,
            realisasi: num(p.realisasi),
            capaian: num(p.capaian),
        }),
        renstra: r.renstra.as_ref().map(|p| RenstraOut {
            year: p.year,
            target: plain(p.target),
            progress: num(p.progress),
        }),
        dasar: r.dasar.iter().map(String::as_str).collect(),
        target_dasar: r.target_dasar.as_deref(),
    }
}

/// The evaluation as pretty-printed JSON, ending with a newline.
pub fn render<'a>(ev: &'a Evaluation, rules: &'a sakip_core::RuleSet, scripts: &[&'a str]) -> String {
    let out = output(ev, rules, scripts);
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The same object as [`render`] on one line, ending with a newline: a
/// line of `rollup --format jsonl`.
pub fn render_line<'a>(ev: &'a Evaluation, rules: &'a sakip_core::RuleSet, scripts: &[&'a str]) -> String {
    let out = output(ev, rules, scripts);
    let mut text = serde_json::to_string(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The whole contract object of one evaluation.
fn output<'a>(ev: &'a Evaluation, rules: &'a sakip_core::RuleSet, scripts: &[&'a str]) -> Output<'a> {
    Output {
        satker: ev.satker.as_ref().map(|s| Satker {
            id: &s.id,
            name: &s.name,
        }),
        year: ev.year,
        rules: ev
            .chain
            .iter()
            .map(|r| RuleRef {
                id: &r.id,
                name: &r.name,
                level: r.tingkat.keyword(),
            })
            .collect(),
        klasifikasi: &rules.klasifikasi.at(ev.year).value.bands,
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
                .flat_map(|r| r.dasar.iter().map(String::as_str))
                .collect(),
            perjanjian: ev.perjanjian_dasar.iter().map(String::as_str).collect(),
            data: ev.data_dasar.iter().map(String::as_str).collect(),
        },
        scripts: scripts.to_vec(),
        indicators: ev.indicators.iter().map(indicator).collect(),
        nilai: ev.nilai.as_ref().map(|n| NilaiOut {
            value: plain(n.value),
            source: &n.source,
        }),
        budget: ev.anggaran.belanja.iter().map(budget_row).collect(),
        budget_programs: ev.anggaran.program.iter().map(budget_row).collect(),
        perjanjian_budget: ev
            .anggaran
            .perjanjian
            .iter()
            .map(|(n, a)| PkBudget {
                name: n,
                anggaran: plain(*a),
            })
            .collect(),
        diagnostics: ev.diagnostics.iter().map(|d| crate::problem::json(d)).collect(),
    }
}

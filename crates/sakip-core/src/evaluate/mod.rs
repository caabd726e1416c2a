//! One unit, one year: every indicator of its Perjanjian Kinerja computed
//! from the rules in force, with a trace of each step and the diagnostics
//! that name doubtful figures.
//!
//! Order of work for an indicator: the target in force (the most specific
//! level wins), the realisasi (a `rumus realisasi`, or the data's periods
//! combined by the indicator's `agregasi`), the raw capaian (a `rumus
//! capaian`, or the polarity's default), the Konversi Efisiensi cap, the
//! rule set's rounding, and the band. Formulas may read other indicators;
//! those are computed on demand, once, and a cycle is an error.
//!
//! An evaluation holds no global state: the same inputs always give the
//! same [`Evaluation`], and units can be evaluated in parallel.
//!
//! Each phase is a module: [`target`] (the target in force and the national
//! one), [`realisasi`] (read and combined, or computed by a `rumus`),
//! [`capaian`] (raw, capped, rounded, classified), then, for the unit as a
//! whole, [`findings`] and [`nilai`]. [`result`] holds what they produce.

mod berjalan;
mod capaian;
mod findings;
mod formula;
mod gabungan;
mod nilai;
mod realisasi;
mod result;
mod target;
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests;

pub use berjalan::{Metode, Proyeksi};
pub use result::{BandRef, CapaianGabungan, Evaluation, IndicatorResult, Nilai, ProgresRenstra, Step, TahunLalu};

use crate::anggaran::evaluate_anggaran;
use crate::code::Code;
use crate::data::{RealisasiEntry, UnitData};
use crate::diagnostic::Diagnostic;
use crate::formula::{Field, FormulaError};
use crate::host::{HookError, ScriptHost};
use crate::i18n::Text;
use crate::model::{Indikator, Origin, RuleSet};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};

/// What an evaluation records besides the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Record each step of each indicator (for `explain`); costs an
    /// allocation per step, so batch runs over many units leave it off.
    pub trace: bool,
    /// The year in progress (`--until tw2`): the realisasi to the end of
    /// that period, against that period's target, with a projection to the
    /// year's end. `None`: the whole year.
    pub until: Option<crate::periode::Periode>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            trace: true,
            until: None,
        }
    }
}

/// Evaluates `data` under `rules`, with a trace; functions that formulas
/// call beyond the built-ins come from `host`.
pub fn evaluate(rules: &RuleSet, data: &UnitData, host: &dyn ScriptHost) -> Evaluation {
    evaluate_with(rules, data, host, Options::default())
}

/// [`evaluate`] with explicit [`Options`].
pub fn evaluate_with(rules: &RuleSet, data: &UnitData, host: &dyn ScriptHost, options: Options) -> Evaluation {
    run(rules, None, data, host, options)
}

/// Figures changed for a "what if": an indikator's realisasi (the year's
/// figure, after any aggregation or formula) or its target, by id. Nothing
/// is written; the evaluation takes these instead of what the data and the
/// rules give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub realisasi: BTreeMap<String, Decimal>,
    pub target: BTreeMap<String, Decimal>,
}

/// [`evaluate_with`], with some figures changed.
pub fn evaluate_changed(
    rules: &RuleSet,
    data: &UnitData,
    host: &dyn ScriptHost,
    options: Options,
    changes: &Changes,
) -> Evaluation {
    run_with(rules, None, data, host, options, changes, None)
}

/// One indikator's result with some figures changed, computing only it and
/// what it reads: what a search over realisasi asks many times.
pub fn evaluate_one(
    rules: &RuleSet,
    data: &UnitData,
    host: &dyn ScriptHost,
    changes: &Changes,
    id: &str,
) -> Option<IndicatorResult> {
    let ev = run_with(
        rules,
        None,
        data,
        host,
        Options {
            trace: false,
            until: None,
        },
        changes,
        Some(id),
    );
    ev.indicators.into_iter().find(|i| i.id == id)
}

/// A unit's agreement given beside the rules rather than inside them: a
/// long table's rows name a satker, its indicators and its own targets, and
/// thousands of such units share one national or Kanwil [`RuleSet`], which
/// stays as it is (no copy per unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    pub satker: crate::model::RuleSetInfo,
    pub perjanjian: crate::model::Perjanjian,
    /// The targets the unit sets itself, by indikator id; the others are
    /// the targets in force in the rules.
    pub targets: HashMap<String, crate::model::Target>,
}

/// Evaluates a unit whose agreement is given beside `rules`.
pub fn evaluate_agreement(
    rules: &RuleSet,
    agreement: &Agreement,
    data: &UnitData,
    host: &dyn ScriptHost,
    options: Options,
) -> Evaluation {
    run(rules, Some(agreement), data, host, options)
}

fn run(
    rules: &RuleSet,
    agreement: Option<&Agreement>,
    data: &UnitData,
    host: &dyn ScriptHost,
    options: Options,
) -> Evaluation {
    run_with(rules, agreement, data, host, options, &Changes::default(), None)
}

fn run_with(
    rules: &RuleSet,
    agreement: Option<&Agreement>,
    data: &UnitData,
    host: &dyn ScriptHost,
    options: Options,
    changes: &Changes,
    only: Option<&str>,
) -> Evaluation {
    let year = data.year;
    let index: FxHashMap<&str, &Indikator> = rules.indikator.iter().map(|i| (i.id.as_str(), i)).collect();
    // The year in progress: only the periods over by then.
    let to_date;
    let data = match options.until {
        Some(until) => {
            to_date = berjalan::to_date(data, until);
            &to_date
        }
        None => data,
    };
    let mut realisasi: FxHashMap<&str, &RealisasiEntry> = FxHashMap::default();
    for r in &data.realisasi {
        // An indicator written twice: its first entry counts.
        realisasi.entry(r.indicator.as_str()).or_insert(r);
    }
    let mut ev = Evaluator {
        rules,
        index: &index,
        realisasi: &realisasi,
        agreement,
        year,
        host,
        trace: options.trace,
        until: options.until,
        memo: FxHashMap::default(),
        stack: Vec::new(),
        diagnostics: Vec::new(),
        changes,
    };
    let pk = match agreement {
        Some(a) => Some(&a.perjanjian).filter(|p| p.year == year),
        None => rules.perjanjian(year),
    };
    let mut ids: Vec<&str> = match pk {
        Some(pk) => pk.indikator.iter().map(String::as_str).collect(),
        None => {
            ev.diagnostics.push(
                Diagnostic::says(
                    Code::PerjanjianMissing,
                    Text::new("perjanjian-missing").arg("year", year),
                )
                .help_says(Text::new("perjanjian-missing-help").arg("year", year)),
            );
            Vec::new()
        }
    };
    if !ids.is_empty() && rules.settings(year).klasifikasi.value.bands.is_empty() {
        ev.diagnostics.push(
            Diagnostic::says(Code::KlasifikasiNone, Text::new("klasifikasi-none").arg("year", year))
                .help_says(Text::new("klasifikasi-none-help")),
        );
    }
    // Tier first, then the agreement's order (the sort is stable).
    ids.sort_by_key(|id| index.get(id).map(|i| i.tier));
    if let Some(one) = only {
        ids.retain(|id| *id == one);
    }
    for id in &ids {
        ev.ensure(id);
    }
    let mut diagnostics = std::mem::take(&mut ev.diagnostics);
    findings::unused_realisasi(data, &ev.memo, &mut diagnostics);
    // Move the results out of the memo: no copy of their traces.
    let mut indicators = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some(Slot::Done(result)) = ev.memo.remove(*id) {
            indicators.push(*result);
        }
    }
    findings::cross_tier_checks(&index, &indicators, &mut diagnostics);
    let nilai = nilai::nilai_satker(rules, year, host, &indicators, &mut diagnostics);
    let (sasaran, jenjang) = gabungan::figures(rules, year, &indicators, &mut diagnostics);
    let anggaran = evaluate_anggaran(rules, data, &mut diagnostics);
    // The year in progress and nothing reported by then: no figure at all.
    if let Some(until) = options.until {
        if !indicators.is_empty() && indicators.iter().all(|r| r.realisasi.is_none()) {
            diagnostics.push(
                Diagnostic::says(
                    Code::UntilNoData,
                    Text::new("until-no-data")
                        .arg("period", until.keyword())
                        .arg("year", year),
                )
                .help_says(Text::new("until-no-data-help").arg("period", until.keyword())),
            );
        }
    }
    Evaluation {
        satker: match agreement {
            Some(a) => Some(a.satker.clone()),
            None => rules.satker().cloned(),
        },
        chain: match agreement {
            Some(a) => rules.chain.iter().chain([&a.satker]).cloned().collect(),
            None => rules.chain.clone(),
        },
        year,
        until: options.until,
        perjanjian_dasar: pk.map(|p| p.dasar.clone()).unwrap_or_default(),
        data_dasar: data.dasar.clone(),
        indicators,
        sasaran,
        jenjang,
        nilai,
        anggaran,
        diagnostics,
    }
}

/// An indicator being computed, or computed.
enum Slot {
    InProgress,
    Done(Box<IndicatorResult>),
}

/// The state of one evaluation: the memo of computed indicators and the
/// stack of those being computed (a formula that reaches one on the stack
/// is a cycle).
struct Evaluator<'a> {
    rules: &'a RuleSet,
    /// The rules' indicators by id, made once per evaluation.
    index: &'a FxHashMap<&'a str, &'a Indikator>,
    /// The data's realisasi by indicator, made once per evaluation: looking
    /// each up in the list was a quadratic number of comparisons per unit.
    realisasi: &'a FxHashMap<&'a str, &'a RealisasiEntry>,
    /// The unit's agreement, when it is given beside the rules.
    agreement: Option<&'a Agreement>,
    year: u16,
    host: &'a dyn ScriptHost,
    trace: bool,
    /// Keyed by the rules' own ids: no copy of an id per indicator.
    memo: FxHashMap<&'a str, Slot>,
    stack: Vec<&'a str>,
    diagnostics: Vec<Diagnostic>,
    /// Figures a "what if" changes.
    changes: &'a Changes,
    /// The year in progress, up to the end of this period.
    until: Option<crate::periode::Periode>,
}

impl<'a> Evaluator<'a> {
    /// The data's entry for an indicator.
    fn realisasi_of(&self, id: &str) -> Option<&'a RealisasiEntry> {
        self.realisasi.get(id).copied()
    }

    /// Computes `id` unless it is computed already.
    fn ensure(&mut self, id: &str) {
        if self.memo.contains_key(id) {
            return;
        }
        let Some(ind) = self.index.get(id).copied() else {
            self.diagnostics.push(
                Diagnostic::says(Code::UnknownIndicator, Text::new("unknown-indicator").arg("id", id)).indicator(id),
            );
            return;
        };
        let id = ind.id.as_str();
        self.memo.insert(id, Slot::InProgress);
        self.stack.push(id);
        let result = self.compute(ind);
        self.stack.pop();
        self.memo.insert(id, Slot::Done(Box::new(result)));
    }

    /// A figure of another indicator, for a formula.
    fn figure(&mut self, id: &str, field: Field) -> Result<Decimal, FormulaError> {
        if let Some(Slot::InProgress) = self.memo.get(id) {
            let cycle: Vec<String> = self
                .stack
                .iter()
                .copied()
                .chain([id])
                .skip_while(|s| *s != id)
                .map(|s| format!("`{s}`"))
                .collect();
            return Err(FormulaError::new(format!(
                "the formulas form a cycle: {}",
                cycle.join(" -> ")
            )));
        }
        self.ensure(id);
        let Some(Slot::Done(r)) = self.memo.get(id) else {
            return Err(FormulaError::new(format!("there is no indikator `{id}`")));
        };
        let value = match field {
            Field::Target => r.target,
            Field::Realisasi => r.realisasi,
            Field::Capaian => r.capaian,
        };
        if value.is_none() && r.tidak_diukur.is_some() {
            return Err(FormulaError::new(format!(
                "`{id}` was not measured in {} (tidak diukur)",
                self.year
            )));
        }
        value.ok_or_else(|| FormulaError::new(format!("`{id}` has no {} for {}", field.keyword(), self.year)))
    }

    /// One indicator, phase by phase.
    fn compute(&mut self, ind: &'a Indikator) -> IndicatorResult {
        let year = self.year;
        let mut notes = Notes::new(self.trace);
        notes.step("rule", ind.origin.as_ref(), || {
            let text = Text::new(if ind.skala.is_some() {
                "step-rule-skala"
            } else {
                "step-rule"
            })
            .arg("id", &ind.id)
            .arg("sasaran", &ind.sasaran)
            .arg("tier", ind.tier.keyword())
            .arg("source", &ind.defined_by)
            .arg("satuan", &ind.satuan);
            match &ind.skala {
                Some(s) => text.arg("skala", s.written()),
                None => text.arg("polaritas", ind.polaritas),
            }
        });
        let mut target = self.target(ind, &mut notes);
        if let Some(v) = self.changes.target.get(&ind.id) {
            target.value = Some(*v);
        }
        let realisasi = match self.changes.realisasi.get(&ind.id) {
            Some(v) => realisasi::RealisasiPhase {
                value: Some(*v),
                periode: Vec::new(),
                satuan: None,
                entry: self.realisasi_of(&ind.id),
                belum: false,
            },
            None => self.realisasi(ind, &target, &mut notes),
        };
        let capaian = self.capaian(ind, &target, &realisasi, &mut notes);
        let proyeksi = match self.until {
            Some(until) => self.proyeksi(ind, &target, &realisasi, until),
            None => None,
        };
        let printed_capaian = realisasi.entry.and_then(|e| e.printed_capaian);
        capaian::compare_printed_capaian(
            self.rules.settings(year),
            ind,
            year,
            &target,
            &realisasi,
            &capaian,
            &mut notes,
        );

        let id = ind.id.as_str();
        for d in notes.diagnostics {
            self.diagnostics.push(d.indicator(id));
        }
        let sasaran_name = self
            .rules
            .sasaran(&ind.sasaran)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        IndicatorResult {
            id: ind.id.clone(),
            tier: ind.tier,
            sasaran: ind.sasaran.clone(),
            sasaran_name,
            name: ind.name.clone(),
            satuan: ind.satuan.clone(),
            skala: ind.skala.clone(),
            induk: ind.induk.clone(),
            bobot: ind.bobot,
            target: target.value,
            national_target: target.national_value,
            realisasi: realisasi.value,
            realisasi_satuan: realisasi.satuan,
            realisasi_periode: realisasi.periode,
            capaian_raw: capaian.raw,
            capaian: capaian.value,
            band: capaian.band,
            printed_capaian,
            dasar: ind.dasar.clone(),
            target_dasar: target.rule.and_then(|t| t.dasar.clone()),
            realisasi_origin: realisasi.entry.and_then(|e| e.origin.clone()),
            komponen: ind.komponen,
            tidak_diukur: match (realisasi.value, self.until) {
                // Not reported yet in the year in progress: n/a, as not measured.
                (None, Some(until)) if realisasi.belum => Some(crate::data::TidakDiukur {
                    alasan: Some(
                        Text::new("realisasi-belum-alasan")
                            .arg("period", until.keyword())
                            .render(crate::i18n::Lang::Id),
                    ),
                }),
                (None, _) => realisasi.entry.and_then(|e| e.tidak_diukur.clone()),
                (Some(_), _) => None,
            },
            target_tahunan: self.until.and(target.yearly),
            proyeksi,
            tahun_lalu: None,
            renstra: None,
            trace: notes.trace,
        }
    }
}

/// What the phases of one indicator write down: the steps of its trace
/// (only when tracing: a batch run pays nothing for them) and its findings.
struct Notes {
    tracing: bool,
    trace: Vec<Step>,
    diagnostics: Vec<Diagnostic>,
}

impl Notes {
    fn new(tracing: bool) -> Self {
        Self {
            tracing,
            trace: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Records a step; `text` is only written when tracing.
    fn step(&mut self, label: &'static str, origin: Option<&Origin>, text: impl FnOnce() -> Text) {
        if self.tracing {
            self.trace.push(Step {
                label,
                text: text(),
                origin: origin.cloned(),
            });
        }
    }

    /// Records a finding about the indicator.
    fn find(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }
}

/// A failed hook as a diagnostic; the location is the script's.
fn hook_error(e: &HookError, hook: &str) -> Diagnostic {
    Diagnostic::says(
        Code::ScriptError,
        Text::new("script-error")
            .arg("hook", hook)
            .arg_text("message", e.message.clone()),
    )
    .at(e.location.as_ref())
}

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

use crate::anggaran::{compare_printed, evaluate_anggaran, Anggaran};
use crate::code::Code;
use crate::data::{RealisasiEntry, UnitData};
use crate::diagnostic::{Diagnostic, Severity};
use crate::formula::{Context, Field, FormulaError};
use crate::host::{HasilIndikator, HookError, HookIndikator, ScriptHost};
use crate::model::{Indikator, Origin, RuleSet, RuleSetInfo, Rumus, Tier};
use crate::number::plain;
use crate::periode::{JenisPeriode, Periode};
use crate::satuan::Satuan;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// The band an indicator's capaian falls in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandRef {
    pub id: String,
    pub label: String,
    pub colour: String,
}

/// One step of an indicator's evaluation, for `explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the step is: `rule`, `target`, `realisasi`, `capaian`, `konversi`, `pembulatan`, `klasifikasi`.
    pub label: &'static str,
    pub text: String,
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorResult {
    pub id: String,
    pub tier: Tier,
    pub sasaran: String,
    pub sasaran_name: String,
    pub name: String,
    pub satuan: Satuan,
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
    /// Last year's figures, when [`crate::banding::compare`] was given them.
    pub tahun_lalu: Option<crate::banding::TahunLalu>,
    /// Progress towards the Renstra's last-year target, when the rules hold one.
    pub renstra: Option<crate::banding::ProgresRenstra>,
    pub trace: Vec<Step>,
}

/// The unit's overall score, when a script computes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nilai {
    /// Rounded by the rule set's `pembulatan capaian`.
    pub value: Decimal,
    /// Which script and function computed it.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub satker: Option<RuleSetInfo>,
    pub chain: Vec<RuleSetInfo>,
    pub year: u16,
    pub perjanjian_dasar: Vec<String>,
    pub data_dasar: Vec<String>,
    /// Ordered by tier, then as the Perjanjian Kinerja lists them.
    pub indicators: Vec<IndicatorResult>,
    pub nilai: Option<Nilai>,
    pub anggaran: Anggaran,
    pub diagnostics: Vec<Diagnostic>,
}

impl Evaluation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// What an evaluation records besides the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Record each step of each indicator (for `explain`); costs an
    /// allocation per step, so batch runs over many units leave it off.
    pub trace: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self { trace: true }
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
    let year = data.year;
    let index: FxHashMap<&str, &Indikator> = rules.indikator.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut ev = Evaluator {
        rules,
        index: &index,
        agreement,
        data,
        year,
        host,
        trace: options.trace,
        memo: FxHashMap::default(),
        stack: Vec::new(),
        diagnostics: Vec::new(),
    };
    let pk = match agreement {
        Some(a) => Some(&a.perjanjian).filter(|p| p.year == year),
        None => rules.perjanjian(year),
    };
    let mut ids: Vec<&str> = match pk {
        Some(pk) => pk.indikator.iter().map(String::as_str).collect(),
        None => {
            ev.diagnostics.push(
                Diagnostic::new(
                    Code::PerjanjianMissing,
                    format!("there is no Perjanjian Kinerja for {year}"),
                )
                .help(format!(
                    "add a `perjanjian {year} {{ ... }}` block with the year's targets to the unit's rules"
                )),
            );
            Vec::new()
        }
    };
    // Tier first, then the agreement's order (the sort is stable).
    ids.sort_by_key(|id| index.get(id).map(|i| i.tier));
    for id in &ids {
        ev.ensure(id);
    }
    let mut diagnostics = std::mem::take(&mut ev.diagnostics);
    unused_realisasi(data, &ev.memo, &mut diagnostics);
    // Move the results out of the memo: no copy of their traces.
    let mut indicators = Vec::with_capacity(ids.len());
    for id in &ids {
        if let Some(Slot::Done(result)) = ev.memo.remove(*id) {
            indicators.push(*result);
        }
    }
    cross_tier_checks(&index, &indicators, &mut diagnostics);
    let nilai = nilai_satker(rules, year, host, &indicators, &mut diagnostics);
    let anggaran = evaluate_anggaran(rules, data, &mut diagnostics);
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
        perjanjian_dasar: pk.map(|p| p.dasar.clone()).unwrap_or_default(),
        data_dasar: data.dasar.clone(),
        indicators,
        nilai,
        anggaran,
        diagnostics,
    }
}

/// The unit's overall score from the script's `nilai_satker`, rounded like
/// a capaian; `None` when no script computes one.
fn nilai_satker(
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
    let hasil: Vec<HasilIndikator> = results
        .iter()
        .map(|r| HasilIndikator {
            id: r.id.clone(),
            tier: r.tier,
            capaian: r.capaian,
            bobot: r.bobot,
            band: r.band.as_ref().map(|b| b.id.clone()),
        })
        .collect();
    match host.nilai_satker(&hasil) {
        Ok(Some(h)) => Some(Nilai {
            value: rules.settings(year).pembulatan_capaian.value.apply(h.value),
            source: h.source,
        }),
        Ok(None) => None,
        Err(e) => {
            diagnostics.push(
                Diagnostic::new(
                    Code::ScriptError,
                    format!("the script's `nilai_satker` failed: {}", e.message),
                )
                .at(e.location.as_ref()),
            );
            None
        }
    }
}

enum Slot {
    InProgress,
    Done(Box<IndicatorResult>),
}

struct Evaluator<'a> {
    rules: &'a RuleSet,
    /// The rules' indicators by id, made once per evaluation.
    index: &'a FxHashMap<&'a str, &'a Indikator>,
    /// The unit's agreement, when it is given beside the rules.
    agreement: Option<&'a Agreement>,
    data: &'a UnitData,
    year: u16,
    host: &'a dyn ScriptHost,
    trace: bool,
    /// Keyed by the rules' own ids: no copy of an id per indicator.
    memo: FxHashMap<&'a str, Slot>,
    stack: Vec<&'a str>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Evaluator<'a> {
    /// Computes `id` unless it is computed already.
    fn ensure(&mut self, id: &str) {
        if self.memo.contains_key(id) {
            return;
        }
        let Some(ind) = self.index.get(id).copied() else {
            self.diagnostics.push(
                Diagnostic::new(Code::UnknownIndicator, format!("the rules have no indikator `{id}`")).indicator(id),
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
        value.ok_or_else(|| FormulaError::new(format!("`{id}` has no {} for {}", field.keyword(), self.year)))
    }

    fn compute(&mut self, ind: &'a Indikator) -> IndicatorResult {
        let year = self.year;
        let rules: &'a RuleSet = self.rules;
        let settings = rules.settings(year);
        let data: &'a UnitData = self.data;
        let mut trace = Vec::new();
        if self.trace {
            trace.push(Step {
                label: "rule",
                text: format!(
                    "indikator `{}` of sasaran {} ({}), declared by `{}`; satuan {}, polaritas {}",
                    ind.id,
                    ind.sasaran,
                    ind.tier.keyword(),
                    ind.defined_by,
                    ind.satuan,
                    ind.polaritas
                ),
                origin: ind.origin.clone(),
            });
        }
        let mut diags = Vec::new();
        let id = ind.id.as_str();

        // Target.
        let target_rule = self
            .agreement
            .and_then(|a| a.targets.get(id))
            .or_else(|| ind.target_in_force(year));
        let target = target_rule.map(|t| t.value.value);
        match target_rule {
            Some(t) => {
                let dasar = t.dasar.as_ref().map(|d| format!(", dasar: {d}")).unwrap_or_default();
                if self.trace {
                    trace.push(Step {
                        label: "target",
                        text: format!(
                            "{year}: {} (set by the {} rules `{}`{dasar})",
                            t.value,
                            t.tingkat.keyword(),
                            t.source
                        ),
                        origin: t.origin.clone(),
                    });
                }
                if let Some(s) = &t.value.satuan {
                    if *s != ind.satuan {
                        diags.push(
                            Diagnostic::new(
                                Code::TargetSatuan,
                                format!(
                                    "the target `{}` is in {} but the indikator is measured in {}",
                                    t.value, s, ind.satuan
                                ),
                            )
                            .help(format!(
                                "write the target in {}, or correct the indikator's `satuan`",
                                ind.satuan
                            ))
                            .at(t.origin.as_ref()),
                        );
                    }
                }
            }
            None => diags.push(
                Diagnostic::new(
                    Code::TargetMissing,
                    format!("indikator `{id}` has no target for {year}"),
                )
                .help(format!("add `target {id} = <value>` to the `perjanjian {year}` block"))
                .at(ind.origin.as_ref()),
            ),
        }
        let national = ind.national_target(year);
        if let (Some(t), Some(n)) = (target_rule, national) {
            if t.tingkat > n.tingkat && t.value.value != n.value.value {
                let (code, how) = if t.value.value < n.value.value {
                    (Code::TargetNational, "below")
                } else {
                    (Code::TargetAboveNational, "above")
                };
                diags.push(
                    Diagnostic::new(
                        code,
                        format!(
                            "the unit's target {} for {year} is {how} the national target {} set by `{}`",
                            t.value, n.value, n.source
                        ),
                    )
                    .at(t.origin.as_ref()),
                );
            }
        }

        // Realisasi.
        let entry = data.realisasi_of(id);
        let mut realisasi_periode = Vec::new();
        let mut realisasi_satuan = None;
        let realisasi = if let Some(rumus) = ind.rumus_realisasi_in_force(year) {
            let ctx = FormulaCtx {
                ev: self,
                ind,
                target,
                realisasi: None,
                entry,
            };
            ctx.run(rumus, "realisasi", &mut trace, &mut diags)
        } else {
            match entry {
                None => {
                    diags.push(
                        Diagnostic::new(
                            Code::RealisasiMissing,
                            format!("indikator `{id}` has no realisasi for {year}"),
                        )
                        .help(format!(
                            "add `{id} = <value>` to the `realisasi {year}` block of the unit's data"
                        )),
                    );
                    None
                }
                Some(entry) => {
                    realisasi_satuan = check_satuan(ind, entry, target_rule.map(|t| &t.value), &mut diags);
                    match combine(ind, entry, self.trace) {
                        Ok((value, periods, how)) => {
                            realisasi_periode = periods;
                            if self.trace {
                                trace.push(Step {
                                    label: "realisasi",
                                    text: how,
                                    origin: entry.origin.clone(),
                                });
                            }
                            Some(value)
                        }
                        Err(d) => {
                            diags.push(*d);
                            None
                        }
                    }
                }
            }
        };

        // Capaian: raw, capped, rounded, classified.
        let hook_in = match (target, realisasi) {
            (Some(t), Some(r)) => Some(HookIndikator {
                id,
                tier: ind.tier,
                satuan: &ind.satuan,
                polaritas: &ind.polaritas,
                year,
                target: t,
                realisasi: r,
                periode: &realisasi_periode,
            }),
            _ => None,
        };
        let mut capaian_raw = None;
        if let (Some(t), Some(r), Some(hook_in)) = (target, realisasi, hook_in.as_ref()) {
            if let Some(rumus) = ind.rumus_capaian_in_force(year) {
                let ctx = FormulaCtx {
                    ev: self,
                    ind,
                    target,
                    realisasi,
                    entry,
                };
                capaian_raw = ctx.run(rumus, "capaian", &mut trace, &mut diags);
            } else {
                match self.host.capaian(hook_in) {
                    Ok(Some(h)) => {
                        if self.trace {
                            trace.push(Step {
                                label: "capaian",
                                text: format!("script {}: {}", h.source, plain(h.value)),
                                origin: h.origin.clone(),
                            });
                        }
                        capaian_raw = Some(h.value);
                    }
                    Err(e) => diags.push(hook_error(&e, "capaian")),
                    Ok(None) => match ind.polaritas.capaian(t, r) {
                        Ok(c) => {
                            if self.trace {
                                trace.push(Step {
                                    label: "capaian",
                                    text: format!("polaritas {}: {} = {}", ind.polaritas, c.formula, plain(c.value)),
                                    origin: None,
                                });
                            }
                            if t.is_zero() {
                                diags.push(Diagnostic::new(
                                    Code::TargetZero,
                                    format!(
                                        "the target is 0, so capaian follows the rule for a zero target: {}",
                                        c.formula
                                    ),
                                ));
                            }
                            capaian_raw = Some(c.value);
                        }
                        Err(_) => diags.push(Diagnostic::new(
                            Code::CapaianOverflow,
                            format!(
                                "the capaian of realisasi {r} against target {t} is too large for a decimal figure"
                            ),
                        )),
                    },
                }
            }
        }
        let mut capaian = None;
        let mut band = None;
        if let Some(raw) = capaian_raw {
            let mut value = raw;
            if let Some((cap, cap_origin)) = settings.konversi_efisiensi {
                if value > cap {
                    if self.trace {
                        trace.push(Step {
                            label: "konversi",
                            text: format!(
                                "Konversi Efisiensi: {} is above {cap}, converted to {cap}",
                                plain(value)
                            ),
                            origin: cap_origin.cloned(),
                        });
                    }
                    value = cap;
                }
            }
            let rounding = settings.pembulatan_capaian.value;
            let rounded = rounding.apply(value);
            if self.trace {
                trace.push(Step {
                    label: "pembulatan",
                    text: format!("pembulatan capaian {rounding}: {} -> {}", plain(value), plain(rounded)),
                    origin: settings.pembulatan_capaian.origin.clone(),
                });
            }
            let scripted = match hook_in.as_ref() {
                Some(h) => self.host.klasifikasi(rounded, h).unwrap_or_else(|e| {
                    diags.push(hook_error(&e, "klasifikasi"));
                    None
                }),
                None => None,
            };
            if let Some(hb) = scripted {
                match settings.klasifikasi.value.bands.iter().find(|b| b.id == hb.value) {
                    Some(b) => {
                        if self.trace {
                            trace.push(Step {
                                label: "klasifikasi",
                                text: format!("script {}: {} is `{}` ({})", hb.source, plain(rounded), b.label, b.id),
                                origin: hb.origin.clone(),
                            });
                        }
                        band = Some(BandRef {
                            id: b.id.clone(),
                            label: b.label.clone(),
                            colour: b.colour.clone(),
                        });
                    }
                    None => {
                        let ids: Vec<&str> = settings.klasifikasi.value.bands.iter().map(|b| b.id.as_str()).collect();
                        diags.push(
                            Diagnostic::new(
                                Code::ScriptBand,
                                format!(
                                    "{} returned the band `{}`, which the klasifikasi does not have",
                                    hb.source, hb.value
                                ),
                            )
                            .help(format!("return one of {}", ids.join(", "))),
                        );
                    }
                }
            } else {
                match settings.klasifikasi.value.classify(rounded) {
                Some(b) => {
                    if self.trace { trace.push(Step {
                        label: "klasifikasi",
                        text: format!("{} is in {} `{}` ({})", plain(rounded), b.range_text(), b.label, b.id),
                        origin: settings.klasifikasi.origin.clone(),
                    }); }
                    band = Some(BandRef { id: b.id.clone(), label: b.label.clone(), colour: b.colour.clone() });
                }
                None => diags.push(
                    Diagnostic::new(Code::BandMissing, format!("capaian {} falls in no band of the klasifikasi", plain(rounded)))
                        .help("extend the klasifikasi so that its bands cover every capaian, or set a `konversi efisiensi` cap"),
                ),
            }
            }
            capaian = Some(rounded);
        }

        // The printed figure, if the data records one.
        let printed_capaian = entry.and_then(|e| e.printed_capaian);
        if let (Some(printed), Some(computed), Some(t), Some(r)) = (printed_capaian, capaian, target, realisasi) {
            let rounding = settings.pembulatan_capaian.value;
            if let Some(diff) = compare_printed(printed, computed, rounding) {
                let how = if ind.rumus_capaian_in_force(year).is_some() {
                    "the rumus capaian".to_string()
                } else {
                    format!("realisasi {} against target {}", plain(r), plain(t))
                };
                let what = format!(
                    "the report prints a capaian of {}%, but {how} under `pembulatan capaian {rounding}` gives {}%",
                    plain(printed),
                    plain(computed)
                );
                diags.push(diff.into_diagnostic(Code::PrintedCapaian, what, entry.and_then(|e| e.origin.as_ref())));
            }
        }

        for d in diags {
            self.diagnostics.push(d.indicator(id));
        }
        let sasaran_name = rules.sasaran(&ind.sasaran).map(|s| s.name.clone()).unwrap_or_default();
        IndicatorResult {
            id: ind.id.clone(),
            tier: ind.tier,
            sasaran: ind.sasaran.clone(),
            sasaran_name,
            name: ind.name.clone(),
            satuan: ind.satuan.clone(),
            induk: ind.induk.clone(),
            bobot: ind.bobot,
            target,
            national_target: national.map(|n| n.value.value),
            realisasi,
            realisasi_satuan,
            realisasi_periode,
            capaian_raw,
            capaian,
            band,
            printed_capaian,
            dasar: ind.dasar.clone(),
            target_dasar: target_rule.and_then(|t| t.dasar.clone()),
            realisasi_origin: entry.and_then(|e| e.origin.clone()),
            tahun_lalu: None,
            renstra: None,
            trace,
        }
    }
}

/// A failed hook as a diagnostic; the location is the script's.
fn hook_error(e: &HookError, hook: &str) -> Diagnostic {
    Diagnostic::new(
        Code::ScriptError,
        format!("the script's `{hook}` failed: {}", e.message),
    )
    .at(e.location.as_ref())
}

/// Warns when the realisasi is written in another unit than the indicator
/// (or its target); returns the unit it was written in.
fn check_satuan(
    ind: &Indikator,
    entry: &RealisasiEntry,
    target: Option<&crate::model::Quantity>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Satuan> {
    let written = entry.values.iter().find_map(|(_, q)| q.satuan.clone());
    if let Some(s) = &written {
        if *s != ind.satuan {
            let target_text = target.map(|t| format!(" (target {t})")).unwrap_or_default();
            diags.push(
                Diagnostic::new(
                    Code::SatuanMismatch,
                    format!(
                        "the realisasi is written in {s} but indikator `{}` is measured in {}{target_text}; capaian compares the numbers alone",
                        ind.id, ind.satuan
                    ),
                )
                .help(format!("write the realisasi in {}, or correct the indikator's `satuan` if the target is the mistake", ind.satuan))
                .at(entry.origin.as_ref()),
            );
        }
    }
    written
}

/// The year's realisasi from the data's period values.
/// The words of a name, lower-cased: what two names must share to be one indicator.
fn name_words(name: &str) -> impl Iterator<Item = char> + '_ {
    let mut words = name.split_whitespace();
    let first = words.next().into_iter();
    first
        .chain(words.flat_map(|w| [" ", w]))
        .flat_map(|w| w.chars().flat_map(char::to_lowercase))
}

/// A hash of a name's normalised words: a multiply-rotate per character
/// (FxHash's step), cheap because equal keys are confirmed by `same_name`.
fn name_key(name: &str) -> u64 {
    if !name.is_ascii() {
        return name_words(name).fold(0, |h, c| key_step(h, u64::from(c)));
    }
    // The same key as the characters give, read byte by byte (most names
    // are ASCII): words lower-cased, one space between them.
    let mut h = 0;
    let mut gap = false;
    let mut started = false;
    for b in name.bytes() {
        if b.is_ascii_whitespace() {
            gap = started;
            continue;
        }
        if gap {
            h = key_step(h, u64::from(b' '));
            gap = false;
        }
        started = true;
        h = key_step(h, u64::from(b.to_ascii_lowercase()));
    }
    h
}

fn key_step(h: u64, c: u64) -> u64 {
    (h.rotate_left(5) ^ c).wrapping_mul(0x517c_c1b7_2722_0a95)
}

fn same_name(a: &str, b: &str) -> bool {
    name_words(a).eq(name_words(b))
}

#[allow(clippy::type_complexity)]
/// The year's realisasi from the reported values, with the periods and
/// (when `describe`, for a trace) how they were combined in words.
fn combine(
    ind: &Indikator,
    entry: &RealisasiEntry,
    describe: bool,
) -> Result<(Decimal, Vec<(Periode, Decimal)>, String), Box<Diagnostic>> {
    let at = entry.origin.as_ref();
    let values: Vec<(Periode, Decimal)> = entry.values.iter().map(|(p, q)| (*p, q.value)).collect();
    if let [(Periode::Tahun, v)] = values.as_slice() {
        let how = if describe {
            format!("{} for the year, as reported", plain(*v))
        } else {
            String::new()
        };
        return Ok((*v, Vec::new(), how));
    }
    let mut jenis: Option<JenisPeriode> = None;
    for (p, _) in &values {
        let j = p.jenis();
        if j == JenisPeriode::Tahun || jenis.is_some_and(|k| k != j) {
            return Err(Box::new(
                Diagnostic::new(
                    Code::PeriodMix,
                    format!("the realisasi of `{}` mixes periods of different kinds", ind.id),
                )
                .help("give either one value for the year (`= 30`) or values for the triwulan, or for the semester")
                .at(at),
            ));
        }
        jenis = Some(j);
    }
    let Some(jenis) = jenis else {
        return Err(Box::new(
            Diagnostic::new(
                Code::RealisasiEmpty,
                format!("the realisasi of `{}` has no values", ind.id),
            )
            .at(at),
        ));
    };
    if let Some(expected) = ind.jenis_periode {
        if expected != jenis {
            return Err(Box::new(
                Diagnostic::new(
                    Code::PeriodKind,
                    format!(
                        "the rules combine `{}` per {expected}, but the data gives {jenis} values",
                        ind.id
                    ),
                )
                .at(at),
            ));
        }
    }
    let Some(agregasi) = ind.agregasi else {
        return Err(Box::new(
            Diagnostic::new(
                Code::AgregasiMissing,
                format!(
                    "`{}` has {jenis} values but its rules do not say how to combine them",
                    ind.id
                ),
            )
            .help("add `realisasi jumlah`, `rata`, `terakhir`, `tertinggi` or `terendah` to the indikator")
            .at(ind.origin.as_ref()),
        ));
    };
    let value = agregasi.apply(&values).ok_or_else(|| {
        Box::new(
            Diagnostic::new(
                Code::RealisasiOverflow,
                format!("the realisasi of `{}` is too large", ind.id),
            )
            .at(at),
        )
    })?;
    if !describe {
        return Ok((value, values, String::new()));
    }
    let listed: Vec<String> = {
        let mut sorted = values.clone();
        sorted.sort_by_key(|(p, _)| *p);
        sorted
            .iter()
            .map(|(p, v)| format!("{} {}", p.keyword(), plain(*v)))
            .collect()
    };
    let how = format!(
        "{}({}) of {} = {}",
        agregasi.keyword(),
        jenis.keyword(),
        listed.join(", "),
        plain(value)
    );
    Ok((value, values, how))
}

struct FormulaCtx<'e, 'a> {
    ev: &'e mut Evaluator<'a>,
    ind: &'a Indikator,
    target: Option<Decimal>,
    realisasi: Option<Decimal>,
    entry: Option<&'a RealisasiEntry>,
}

impl FormulaCtx<'_, '_> {
    /// Evaluates a `rumus` for `what` (`realisasi` or `capaian`), recording
    /// the step or the failure.
    fn run(
        mut self,
        rumus: &Rumus,
        what: &'static str,
        trace: &mut Vec<Step>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Decimal> {
        match rumus.expr.eval_number(&mut self) {
            Ok(v) => {
                if self.ev.trace {
                    trace.push(Step {
                        label: what,
                        text: format!("{} = {}", rumus.expr, plain(v)),
                        origin: rumus.origin.clone(),
                    });
                }
                Some(v)
            }
            Err(e) => {
                diags.push(
                    Diagnostic::new(Code::FormulaError, format!("the rumus {what} failed: {}", e.message))
                        .at(rumus.origin.as_ref()),
                );
                None
            }
        }
    }
}

impl Context for FormulaCtx<'_, '_> {
    fn own(&mut self, field: Field) -> Result<Decimal, FormulaError> {
        let year = self.ev.year;
        match field {
            Field::Target => self
                .target
                .ok_or_else(|| FormulaError::new(format!("`{}` has no target for {year}", self.ind.id))),
            Field::Realisasi => self.realisasi.ok_or_else(|| {
                FormulaError::new(format!(
                    "a rumus realisasi cannot read its own realisasi; read its periods (`jumlah(triwulan)`) instead of `realisasi` in `{}`",
                    self.ind.id
                ))
            }),
            Field::Capaian => Err(FormulaError::new("a formula cannot read its own capaian")),
        }
    }

    fn period(&mut self, periode: Periode) -> Result<Decimal, FormulaError> {
        self.entry
            .and_then(|e| e.values.iter().find(|(p, _)| *p == periode))
            .map(|(_, q)| q.value)
            .ok_or_else(|| FormulaError::new(format!("`{}` has no realisasi for {periode}", self.ind.id)))
    }

    fn periods(&mut self, jenis: JenisPeriode) -> Result<Vec<(Periode, Decimal)>, FormulaError> {
        Ok(self
            .entry
            .map(|e| {
                e.values
                    .iter()
                    .filter(|(p, _)| p.jenis() == jenis)
                    .map(|(p, q)| (*p, q.value))
                    .collect()
            })
            .unwrap_or_default())
    }

    fn reference(&mut self, indicator: &str, field: Field) -> Result<Decimal, FormulaError> {
        self.ev.figure(indicator, field)
    }

    fn call(&mut self, name: &str, args: &[Decimal]) -> Result<Decimal, FormulaError> {
        if !self.ev.host.has_function(name) {
            return Err(FormulaError::new(format!("no script defines the function `{name}`")));
        }
        self.ev
            .host
            .call_function(name, args)
            .map_err(|e| FormulaError::new(format!("the script function `{name}` failed: {e}")))
    }
}

/// The same measurement reported at two tiers with different realisasi:
/// linked by `sama_dengan`, or carrying the same name.
fn cross_tier_checks(
    index: &FxHashMap<&str, &Indikator>,
    results: &[IndicatorResult],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The pairs to compare are those that share a name (spacing and case
    // aside) or are linked by `sama_dengan`. Names are keyed by a cheap hash
    // of their normalised words and sorted, so that only names with the same
    // key are compared (word by word): no copy of a name, no pair of
    // indicators compared for nothing.
    let mut keyed: Vec<(u64, usize)> = results
        .iter()
        .enumerate()
        .map(|(i, r)| (name_key(&r.name), i))
        .collect();
    keyed.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for same in keyed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        for (k, &(_, i)) in same.iter().enumerate() {
            for &(_, j) in same.iter().skip(k + 1) {
                if let (Some(a), Some(b)) = (results.get(i), results.get(j)) {
                    if same_name(&a.name, &b.name) {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
        }
    }
    let links: Vec<(usize, &str)> = results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            index
                .get(r.id.as_str())
                .and_then(|d| d.sama_dengan.as_deref())
                .map(|l| (i, l))
        })
        .collect();
    if !links.is_empty() {
        let by_id: FxHashMap<&str, usize> = results.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        for (i, link) in links {
            if let Some(&j) = by_id.get(link) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    // In the order a comparison of every pair would find them.
    pairs.sort_unstable();
    pairs.dedup();
    for (i, j) in pairs {
        let (Some(a), Some(b)) = (results.get(i), results.get(j)) else {
            continue;
        };
        if i == j || a.tier == b.tier {
            continue;
        }
        {
            if let (Some(ra), Some(rb)) = (a.realisasi, b.realisasi) {
                if ra != rb {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::TierRealisasi,
                            format!(
                                "`{}` ({}) reports a realisasi of {}, but the same indicator `{}` ({}) reports {}",
                                b.id,
                                b.tier.keyword(),
                                plain(rb),
                                a.id,
                                a.tier.keyword(),
                                plain(ra)
                            ),
                        )
                        .indicator(&b.id)
                        .help("one measurement has one realisasi: correct the one that is wrong")
                        .at(b.realisasi_origin.as_ref()),
                    );
                }
            }
        }
    }
}

fn unused_realisasi(data: &UnitData, memo: &FxHashMap<&str, Slot>, diagnostics: &mut Vec<Diagnostic>) {
    for entry in &data.realisasi {
        if !memo.contains_key(entry.indicator.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    Code::RealisasiUnused,
                    format!(
                        "the data has a realisasi for `{}`, which is not in the Perjanjian Kinerja {}",
                        entry.indicator, data.year
                    ),
                )
                .indicator(&entry.indicator)
                .help("add the indikator's target to the perjanjian, or remove the realisasi")
                .at(entry.origin.as_ref()),
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::agregasi::Agregasi;
    use crate::formula::{BinOp, Expr};
    use crate::host::NoScripts;
    use crate::klasifikasi::{Band, Bound, Klasifikasi};
    use crate::model::{InForce, Perjanjian, Quantity, Ruled, Rumus, Sasaran, Target, Tingkat};
    use crate::polaritas::Polaritas;
    use rust_decimal_macros::dec;

    fn indikator(id: &str, tier: Tier, satuan: &str) -> Indikator {
        Indikator {
            id: id.into(),
            name: format!("Indikator {id}"),
            tier,
            sasaran: "S1".into(),
            satuan: Satuan::new(satuan),
            polaritas: Polaritas::Naik,
            agregasi: None,
            jenis_periode: None,
            targets: vec![],
            rumus_realisasi: vec![],
            rumus_capaian: vec![],
            bobot: None,
            dasar: vec![],
            induk: None,
            sama_dengan: None,
            defined_by: "test".into(),
            origin: None,
        }
    }

    fn target(year: u16, value: Decimal, tingkat: Tingkat) -> Target {
        Target {
            year,
            value: Quantity::plain(value),
            tingkat,
            source: tingkat.keyword().into(),
            dasar: None,
            origin: None,
        }
    }

    fn bands() -> Klasifikasi {
        let b = |id: &str, lo: Option<Decimal>, hi: Option<(Decimal, bool)>| Band {
            id: id.into(),
            label: id.into(),
            colour: "#000000".into(),
            lower: lo.map(|value| Bound { value, inclusive: true }),
            upper: hi.map(|(value, inclusive)| Bound { value, inclusive }),
        };
        Klasifikasi {
            bands: vec![
                b("excellent", Some(dec!(100)), Some((dec!(120), true))),
                b("good", Some(dec!(80)), Some((dec!(100), false))),
                b("low", None, Some((dec!(80), false))),
            ],
        }
    }

    /// A rule set whose PK for 2022 lists `inds` with the given unit targets.
    fn rules(inds: Vec<(Indikator, Decimal)>) -> RuleSet {
        let mut r = RuleSet {
            konversi_efisiensi: InForce::new(Ruled::default_rule(Some(dec!(120)))),
            klasifikasi: InForce::new(Ruled::default_rule(bands())),
            ..RuleSet::default()
        };
        r.sasaran.push(Sasaran {
            code: "S1".into(),
            tier: Tier::Strategis,
            name: "Sasaran".into(),
            origin: None,
        });
        let mut ids = vec![];
        for (mut i, t) in inds {
            i.targets.push(target(2022, t, Tingkat::Satker));
            ids.push(i.id.clone());
            r.indikator.push(i);
        }
        r.perjanjian.push(Perjanjian {
            year: 2022,
            dasar: vec![],
            indikator: ids,
            anggaran: vec![],
            origin: None,
        });
        r
    }

    /// (indicator, period values, printed capaian)
    type Entry<'a> = (&'a str, Vec<(Periode, Decimal)>, Option<Decimal>);

    fn data(values: &[Entry<'_>]) -> UnitData {
        let mut d = UnitData::new(2022);
        for (id, vals, printed) in values {
            d.realisasi.push(RealisasiEntry {
                indicator: (*id).into(),
                values: vals.iter().map(|(p, v)| (*p, Quantity::plain(*v))).collect(),
                printed_capaian: *printed,
                origin: None,
            });
        }
        d
    }

    fn year(v: Decimal) -> Vec<(Periode, Decimal)> {
        vec![(Periode::Tahun, v)]
    }

    fn codes(ev: &Evaluation) -> Vec<Code> {
        ev.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn capaian_is_capped_rounded_and_classified() {
        let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
        let ev = evaluate(&r, &data(&[("a", year(dec!(100)), None)]), &NoScripts);
        let a = &ev.indicators[0];
        assert_eq!(a.capaian_raw, Some(dec!(125)));
        assert_eq!(a.capaian.unwrap().to_string(), "120.00");
        assert_eq!(a.band.as_ref().unwrap().id, "excellent");
        assert!(a.trace.iter().any(|s| s.label == "konversi"));
    }

    #[test]
    fn truncation_decides_the_band_at_the_edge() {
        // 99.995% truncated is 99.99: "good", not "excellent".
        let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(20000))]);
        let ev = evaluate(&r, &data(&[("a", year(dec!(19999)), None)]), &NoScripts);
        assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "99.99");
        assert_eq!(ev.indicators[0].band.as_ref().unwrap().id, "good");
    }

    #[test]
    fn half_up_rounding_moves_the_same_figure_into_the_next_band() {
        let mut r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(20000))]);
        r.pembulatan_capaian.set(
            None,
            Ruled::default_rule(crate::number::Rounding::new(crate::number::RoundingMode::HalfUp, 2)),
        );
        let ev = evaluate(&r, &data(&[("a", year(dec!(19999)), None)]), &NoScripts);
        assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "100.00");
        assert_eq!(ev.indicators[0].band.as_ref().unwrap().id, "excellent");
    }

    #[test]
    fn without_a_cap_a_capaian_above_the_table_has_no_band() {
        let mut r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(100))]);
        r.konversi_efisiensi.set(None, Ruled::default_rule(None));
        let ev = evaluate(&r, &data(&[("a", year(dec!(120.01)), None)]), &NoScripts);
        assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "120.01");
        assert_eq!(ev.indicators[0].band, None);
        assert_eq!(codes(&ev)[0], Code::BandMissing);
    }

    #[test]
    fn a_zero_target_has_a_defined_capaian_and_says_so() {
        let r = rules(vec![(indikator("a", Tier::Output, "layanan"), dec!(0))]);
        let ev = evaluate(&r, &data(&[("a", year(dec!(0)), None)]), &NoScripts);
        assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "100.00");
        assert_eq!(codes(&ev)[0], Code::TargetZero);
        let mut turun = indikator("b", Tier::Output, "%");
        turun.polaritas = Polaritas::Turun;
        let r = rules(vec![(turun, dec!(0))]);
        let ev = evaluate(&r, &data(&[("b", year(dec!(2)), None)]), &NoScripts);
        assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "0.00");
    }

    #[test]
    fn missing_realisasi_is_a_warning_and_leaves_capaian_empty() {
        let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
        let ev = evaluate(&r, &UnitData::new(2022), &NoScripts);
        assert_eq!(ev.indicators[0].capaian, None);
        assert_eq!(codes(&ev), vec![Code::RealisasiMissing, Code::AnggaranMissing]);
        assert!(!ev.has_errors());
    }

    #[test]
    fn missing_target_is_an_error() {
        let mut r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
        r.indikator[0].targets.clear();
        let ev = evaluate(&r, &data(&[("a", year(dec!(10)), None)]), &NoScripts);
        assert!(ev.has_errors());
        assert_eq!(ev.diagnostics[0].code, Code::TargetMissing);
        assert_eq!(ev.diagnostics[0].indicator.as_deref(), Some("a"));
    }

    #[test]
    fn period_values_are_aggregated_by_the_rule() {
        let mut i = indikator("a", Tier::Output, "orang");
        i.agregasi = Some(Agregasi::Sum);
        let r = rules(vec![(i, dec!(288))]);
        let q = vec![
            (Periode::Tw1, dec!(70)),
            (Periode::Tw2, dec!(74)),
            (Periode::Tw3, dec!(72)),
            (Periode::Tw4, dec!(72)),
        ];
        let ev = evaluate(&r, &data(&[("a", q, None)]), &NoScripts);
        assert_eq!(ev.indicators[0].realisasi, Some(dec!(288)));
        assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "100.00");
    }

    #[test]
    fn periods_without_an_aggregation_rule_are_an_error() {
        let r = rules(vec![(indikator("a", Tier::Output, "orang"), dec!(288))]);
        let q = vec![(Periode::Smt1, dec!(100)), (Periode::Smt2, dec!(100))];
        let ev = evaluate(&r, &data(&[("a", q, None)]), &NoScripts);
        assert_eq!(codes(&ev)[0], Code::AgregasiMissing);
        let mixed = vec![(Periode::Smt1, dec!(100)), (Periode::Tw3, dec!(100))];
        let ev = evaluate(&r, &data(&[("a", mixed, None)]), &NoScripts);
        assert_eq!(codes(&ev)[0], Code::PeriodMix);
    }

    #[test]
    fn a_realisasi_with_no_value_is_an_error() {
        // The readers never build one; a library caller could.
        let r = rules(vec![(indikator("a", Tier::Output, "orang"), dec!(288))]);
        let ev = evaluate(&r, &data(&[("a", vec![], None)]), &NoScripts);
        assert_eq!(codes(&ev)[0], Code::RealisasiEmpty);
        assert_eq!(ev.indicators[0].realisasi, None);
    }

    #[test]
    fn a_formula_cycle_is_an_error_not_a_stack_overflow() {
        let reference = |id: &str| Expr::Ref {
            indicator: id.into(),
            field: crate::formula::Field::Realisasi,
        };
        let mut a = indikator("a", Tier::Strategis, "%");
        a.rumus_realisasi.push(Rumus {
            from_year: None,
            expr: reference("b"),
            origin: None,
        });
        let mut b = indikator("b", Tier::Strategis, "%");
        b.rumus_realisasi.push(Rumus {
            from_year: None,
            expr: reference("a"),
            origin: None,
        });
        let r = rules(vec![(a, dec!(1)), (b, dec!(1))]);
        let ev = evaluate(&r, &UnitData::new(2022), &NoScripts);
        let cycle = ev.diagnostics.iter().find(|d| d.message.contains("cycle")).unwrap();
        assert_eq!(cycle.code, Code::FormulaError);
        assert!(cycle.message.contains("`a` -> `b` -> `a`"), "{}", cycle.message);
    }

    #[test]
    fn a_formula_in_force_from_a_year() {
        let mut a = indikator("a", Tier::Strategis, "%");
        // From 2023 on, capaian = target / realisasi * 100; 2022 keeps the default.
        a.rumus_capaian.push(Rumus {
            from_year: Some(2023),
            expr: Expr::Binary {
                op: BinOp::Mul,
                lhs: Box::new(Expr::Binary {
                    op: BinOp::Div,
                    lhs: Box::new(Expr::Own(crate::formula::Field::Target)),
                    rhs: Box::new(Expr::Own(crate::formula::Field::Realisasi)),
                }),
                rhs: Box::new(Expr::Number(dec!(100))),
            },
            origin: None,
        });
        a.targets.push(target(2023, dec!(40), Tingkat::Satker));
        let mut r = rules(vec![(a, dec!(40))]);
        r.perjanjian.push(Perjanjian {
            year: 2023,
            dasar: vec![],
            indikator: vec!["a".into()],
            anggaran: vec![],
            origin: None,
        });
        let ev22 = evaluate(&r, &data(&[("a", year(dec!(50)), None)]), &NoScripts);
        assert_eq!(ev22.indicators[0].capaian_raw, Some(dec!(125)));
        let mut d23 = data(&[("a", year(dec!(50)), None)]);
        d23.year = 2023;
        let ev23 = evaluate(&r, &d23, &NoScripts);
        assert_eq!(ev23.indicators[0].capaian_raw, Some(dec!(80)));
    }

    #[test]
    fn division_by_zero_in_a_formula_is_reported() {
        let mut a = indikator("a", Tier::Strategis, "%");
        a.rumus_capaian.push(Rumus {
            from_year: None,
            expr: Expr::Binary {
                op: BinOp::Div,
                lhs: Box::new(Expr::Own(crate::formula::Field::Target)),
                rhs: Box::new(Expr::Own(crate::formula::Field::Realisasi)),
            },
            origin: None,
        });
        let r = rules(vec![(a, dec!(5))]);
        let ev = evaluate(&r, &data(&[("a", year(dec!(0)), None)]), &NoScripts);
        assert_eq!(ev.indicators[0].capaian, None);
        assert_eq!(ev.diagnostics[0].code, Code::FormulaError);
        assert!(ev.diagnostics[0].message.contains("division by zero"));
    }

    #[test]
    fn same_indicator_at_two_tiers_with_two_realisasi() {
        let a = indikator("iku", Tier::Strategis, "indeks");
        let mut b = indikator("ikp", Tier::Program, "indeks");
        b.name = "Another name".into();
        b.sama_dengan = Some("iku".into());
        let r = rules(vec![(a, dec!(75)), (b, dec!(75))]);
        let ev = evaluate(
            &r,
            &data(&[("iku", year(dec!(30)), None), ("ikp", year(dec!(35)), None)]),
            &NoScripts,
        );
        let d = ev.diagnostics.iter().find(|d| d.code == Code::TierRealisasi).unwrap();
        assert_eq!(d.indicator.as_deref(), Some("ikp"));
        // Equal realisasi: nothing to say.
        let ev = evaluate(
            &r,
            &data(&[("iku", year(dec!(30)), None), ("ikp", year(dec!(30)), None)]),
            &NoScripts,
        );
        assert!(!codes(&ev).contains(&Code::TierRealisasi));
    }

    #[test]
    fn printed_capaian_is_compared() {
        let r = rules(vec![(indikator("a", Tier::Program, "indeks"), dec!(75))]);
        let ev = evaluate(&r, &data(&[("a", year(dec!(35)), Some(dec!(45)))]), &NoScripts);
        let d = &ev.diagnostics[0];
        assert_eq!((d.code, d.severity), (Code::PrintedCapaian, Severity::Warning));
        assert!(d.message.contains("46.66"), "{}", d.message);
        let ev = evaluate(&r, &data(&[("a", year(dec!(35)), Some(dec!(46.66)))]), &NoScripts);
        assert!(!codes(&ev).contains(&Code::PrintedCapaian));
    }

    #[test]
    fn unit_target_against_national_target() {
        let mut a = indikator("a", Tier::Strategis, "indeks");
        a.targets.push(target(2022, dec!(70), Tingkat::Nasional));
        let r = rules(vec![(a, dec!(65))]);
        let ev = evaluate(&r, &data(&[("a", year(dec!(65)), None)]), &NoScripts);
        let d = ev.diagnostics.iter().find(|d| d.code == Code::TargetNational).unwrap();
        assert_eq!(d.severity, Severity::Warning, "below the national target");
        assert_eq!(
            ev.indicators[0].target,
            Some(dec!(65)),
            "the unit's own target is in force"
        );
        assert_eq!(ev.indicators[0].national_target, Some(dec!(70)));
    }

    #[test]
    fn a_name_has_one_key_however_it_is_spaced_or_cased() {
        let k = name_key("Indeks  Kepuasan\tMasyarakat ");
        assert_eq!(k, name_key(" indeks kepuasan MASYARAKAT"));
        // The ASCII shortcut gives the key the characters give.
        let by_chars = name_words("Indeks Kepuasan Masyarakat").fold(0, |h, c| key_step(h, u64::from(c)));
        assert_eq!(k, by_chars);
        assert_ne!(k, name_key("Indeks Kepuasan"));
        assert!(same_name("Derajat  Kesehatan", "derajat kesehatan"));
        assert!(!same_name("Derajat Kesehatan", "Derajat Kesehatan Napi"));
        assert_eq!(name_key("Éé x"), name_key("éé  X"));
    }

    #[test]
    fn no_perjanjian_for_the_year() {
        let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
        let ev = evaluate(&r, &UnitData::new(2030), &NoScripts);
        assert!(ev.indicators.is_empty());
        assert_eq!(ev.diagnostics[0].code, Code::PerjanjianMissing);
    }

    #[test]
    fn evaluation_is_deterministic() {
        let r = rules(vec![
            (indikator("a", Tier::Strategis, "%"), dec!(80)),
            (indikator("b", Tier::Program, "%"), dec!(7)),
        ]);
        let d = data(&[("a", year(dec!(40)), Some(dec!(50))), ("b", year(dec!(3)), None)]);
        assert_eq!(evaluate(&r, &d, &NoScripts), evaluate(&r, &d, &NoScripts));
    }
}

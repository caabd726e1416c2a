//! A region's (or a ministry's) own chapter III: the indikator of a Kanwil
//! or national rule set whose realisasi is computed from the units below
//! it (`realisasi dari satker = ...`), evaluated at that level with its
//! own targets, capaian and bands (`sakip eval|report|explain <rules>
//! --units <folders>`).
//!
//! The units are every unit folder under the paths given that builds on
//! the rule set (for a Kanwil, its units; for a national rule set, every
//! unit of its chain), evaluated as `rollup` evaluates them. A unit whose
//! rules or data fail, or whose figures could not all be computed, is not
//! counted, and is said: listed with its reason in `explain`, and named in
//! a finding of each indikator it leaves out.

use crate::rollup::{run_folders, Evaluated as UnitEvaluated, Outcome, Selection};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::code::Code;
use sakip_core::data::UnitData;
use sakip_core::diagnostic::Diagnostic;
use sakip_core::evaluate::{Agreement, Evaluation, Options};
use sakip_core::model::{Perjanjian, TingkatAturan};
use sakip_core::wilayah::{Hasil, UnitFigures};
use sakip_core::Text;
use sakip_rules::{LoadedUnit, RuleError};

/// The level evaluated: its rules, its evaluation, and for each of its
/// indikator computed from units, who counted and who did not.
pub struct Wilayah {
    pub level: LoadedUnit,
    pub evaluation: Evaluation,
    pub hasil: Vec<(String, Hasil)>,
    /// The files of the units read (counted or failed) and the scripts in
    /// force for them: what a receipt of the level hashes beside its own.
    pub unit_files: Vec<Utf8PathBuf>,
}

/// What `eval` and `report` evaluated: the rule set (a unit's, or a
/// level's), its result, and for a level the files of its units.
pub struct Evaluated {
    pub unit: LoadedUnit,
    pub evaluation: Evaluation,
    pub unit_files: Vec<Utf8PathBuf>,
}

/// The figures a region's indikator read of one evaluated unit.
pub fn figures_of(u: &UnitEvaluated<'_>) -> UnitFigures {
    let ev = u.evaluation;
    UnitFigures {
        satker: ev
            .satker
            .as_ref()
            .map(|s| s.id.clone())
            .unwrap_or_else(|| u.path.to_string()),
        nilai: u.record.score,
        indikator: ev
            .indicators
            .iter()
            .map(|r| (r.id.clone(), [r.realisasi, r.target, r.capaian]))
            .collect(),
        tidak_diukur: ev
            .indicators
            .iter()
            .filter(|r| r.tidak_diukur.is_some())
            .map(|r| r.id.clone())
            .collect(),
    }
}

/// A unit's year (`units` empty), or the level at `dir` over the units
/// under `units`: what `eval` and `report` evaluate.
pub fn evaluate_unit_or_level(
    dir: &Utf8Path,
    units: &[Utf8PathBuf],
    year: u16,
    options: Options,
) -> Result<Evaluated, Vec<RuleError>> {
    if units.is_empty() {
        crate::unit::evaluate_unit(dir, year, options).map(|(unit, evaluation)| Evaluated {
            unit,
            evaluation,
            unit_files: Vec::new(),
        })
    } else {
        evaluate_level(dir, units, year, options).map(|w| Evaluated {
            unit: w.level,
            evaluation: w.evaluation,
            unit_files: w.unit_files,
        })
    }
}

/// Evaluates the Kanwil or national rule set at `rules` for `year` over
/// the units under `units`.
pub fn evaluate_level(
    rules: &Utf8Path,
    units: &[Utf8PathBuf],
    year: u16,
    options: Options,
) -> Result<Wilayah, Vec<RuleError>> {
    let level = sakip_rules::load_rule_set(rules)?;
    let Some(info) = level.rules.chain.last().cloned() else {
        return Err(vec![RuleError::path_says(
            rules.as_str(),
            Code::RulesLevel,
            Text::new("rules-level"),
        )]);
    };
    if info.tingkat == TingkatAturan::Satker {
        return Err(vec![RuleError::path_says(
            rules.as_str(),
            Code::RulesLevel,
            Text::new("rules-level"),
        )
        .help_says(Text::new("wilayah-units-help"))]);
    }
    if !level.rules.indikator.iter().any(|i| i.dari_satker.is_some()) {
        return Err(vec![RuleError::path_says(
            rules.as_str(),
            Code::WilayahNone,
            Text::new("wilayah-none").arg("id", &info.id),
        )
        .help_says(Text::new("wilayah-none-help"))]);
    }
    let (by_folder, errors) = sakip_rules::resolve::sakip_files_under(units);
    if !errors.is_empty() {
        return Err(errors);
    }
    let folders: Vec<Utf8PathBuf> = by_folder.keys().cloned().collect();
    let selection = Selection {
        year,
        kanwil: (info.tingkat == TingkatAturan::Kanwil).then(|| info.id.clone()),
        // Under a national rule set: only the units of its chain.
        nasional: (info.tingkat == TingkatAturan::Nasional).then(|| info.id.clone()),
        until: options.until,
    };
    let work = |u: &UnitEvaluated<'_>| {
        let scripts: Vec<Utf8PathBuf> = u
            .scripts
            .in_force(year)
            .iter()
            .map(|s| Utf8PathBuf::from(s.name))
            .collect();
        (figures_of(u), scripts)
    };
    let mut counted: Vec<UnitFigures> = Vec::new();
    let mut failed: Vec<(String, Text)> = Vec::new();
    let mut read: Vec<Utf8PathBuf> = Vec::new();
    let files_of = |path: &str| by_folder.get(Utf8Path::new(path)).cloned().unwrap_or_default();
    let sink = |outcome: Outcome<(UnitFigures, Vec<Utf8PathBuf>)>| match outcome {
        Outcome::Done { record, output, .. } => {
            read.extend(files_of(&record.path));
            read.extend(output.1);
            // Some of its figures could not be computed: it is not counted.
            if record.errors > 0 {
                failed.push((
                    record.path.clone(),
                    Text::new("wilayah-unit-errors").arg("n", record.errors),
                ));
            } else {
                counted.push(output.0);
            }
        }
        Outcome::Failed { path, errors, .. } => {
            read.extend(files_of(&path));
            failed.push((path, failed_because(errors.first().map(crate::rollup::one_line))));
        }
    };
    run_folders(&folders, &selection, work, sink, &|| {});
    read.sort();
    read.dedup();
    let mut w = evaluate_from(level, &counted, &failed, year, options);
    w.unit_files = read;
    Ok(w)
}

/// Why a unit failed: its first error, or that it could not be evaluated.
fn failed_because(first: Option<Text>) -> Text {
    first.unwrap_or_else(|| Text::new("wilayah-unit-not-evaluated"))
}

/// The rule sets of `rules`' chain that have indikator computed from
/// their units (`realisasi dari satker`): their ids and header files.
pub fn levels_in(rules: &sakip_core::RuleSet) -> Vec<(String, String)> {
    rules
        .chain
        .iter()
        .filter(|r| r.tingkat != TingkatAturan::Satker)
        .filter(|r| {
            rules
                .indikator
                .iter()
                .any(|i| i.dari_satker.is_some() && i.defined_by == r.id)
        })
        .filter_map(|r| Some((r.id.clone(), r.origin.as_ref()?.file.clone())))
        .collect()
}

/// The level `level` evaluated from its units' figures (`counted`) and
/// the units that failed (`failed`: path and why): a rollup gathers these
/// as it goes, `evaluate_level` by evaluating the units itself.
pub fn evaluate_from(
    level: LoadedUnit,
    counted: &[UnitFigures],
    failed: &[(String, Text)],
    year: u16,
    options: Options,
) -> Wilayah {
    let info = level
        .rules
        .chain
        .last()
        .cloned()
        .unwrap_or_else(|| sakip_core::model::RuleSetInfo {
            id: String::new(),
            name: String::new(),
            tingkat: TingkatAturan::Nasional,
            dasar: Vec::new(),
            origin: None,
        });
    let hasil = sakip_core::wilayah::hitung_semua(&level.rules, counted, failed);
    let mut data = UnitData::new(year);
    data.realisasi = sakip_core::wilayah::realisasi(&level.rules, year, &hasil);
    let agreement = Agreement {
        satker: info.clone(),
        perjanjian: Perjanjian {
            year,
            dasar: Vec::new(),
            indikator: hasil.iter().map(|(id, _)| id.clone()).collect(),
            anggaran: Vec::new(),
            origin: None,
        },
        targets: Default::default(),
    };
    // The figures are already the year's (or the period's): evaluated whole.
    let whole = Options { until: None, ..options };
    let mut evaluation =
        sakip_core::evaluate::evaluate_agreement(&level.rules, &agreement, &data, &level.scripts.for_year(year), whole);
    evaluation.chain = level.rules.chain.clone();
    evaluation.until = options.until;
    for (id, h) in &hasil {
        let left_out: Vec<&str> = h
            .tidak_dihitung
            .iter()
            .filter(|(_, a)| matches!(a, sakip_core::wilayah::Alasan::Failed(_)))
            .map(|(p, _)| p.as_str())
            .collect();
        if !left_out.is_empty() {
            evaluation.diagnostics.push(
                Diagnostic::says(
                    Code::WilayahUnitFailed,
                    Text::new("wilayah-unit-failed")
                        .arg("n", left_out.len())
                        .arg("counted", h.dihitung.len())
                        .arg("units", left_out.join(", ")),
                )
                .help_says(Text::new("wilayah-unit-failed-help").arg("id", id).arg("year", year))
                .at(level.rules.indikator(id).and_then(|i| i.origin.as_ref()))
                .indicator(id),
            );
        }
    }
    Wilayah {
        level,
        evaluation,
        hasil,
        unit_files: Vec::new(),
    }
}

/// What a rollup gathers of its units for the levels' own indikator: per
/// level id, its header file and the figures of the units evaluated below
/// it (units whose figures could not all be computed are left to the
/// failures).
#[derive(Debug, Default)]
pub struct Gathered {
    pub levels: std::collections::BTreeMap<String, (String, Vec<UnitFigures>)>,
}

impl Gathered {
    /// Adds an evaluated unit to each level of its chain that has such
    /// indikator.
    pub fn add(&mut self, levels: &[(String, String)], figures: &UnitFigures) {
        for (id, file) in levels {
            self.levels
                .entry(id.clone())
                .or_insert_with(|| (file.clone(), Vec::new()))
                .1
                .push(figures.clone());
        }
    }

    /// Each level evaluated from its units, the run's `failures` left out
    /// and said: a Kanwil's own; a national level's own, and those whose
    /// rules could not be read (they may be under it).
    pub fn evaluate(
        self,
        failures: &[sakip_core::rekap::Failure],
        year: u16,
        options: Options,
    ) -> Vec<sakip_core::rekap::WilayahRekap> {
        let mut out = Vec::new();
        for (id, (file, counted)) in self.levels {
            let Ok(level) = sakip_rules::load_rule_set(Utf8Path::new(&file)) else {
                continue;
            };
            let national = level
                .rules
                .chain
                .last()
                .is_some_and(|r| r.tingkat == TingkatAturan::Nasional);
            let failed: Vec<(String, Text)> = failures
                .iter()
                .filter(|f| {
                    if national {
                        f.nasional_id == id || f.rules_unread()
                    } else {
                        f.kanwil_id == id
                    }
                })
                .map(|f| (f.path.clone(), failed_because(f.errors.first().cloned())))
                .collect();
            let name = level.rules.chain.last().map(|r| r.name.clone()).unwrap_or_default();
            let w = evaluate_from(level, &counted, &failed, year, options);
            let indikator = w
                .hasil
                .iter()
                .filter_map(|(iid, h)| {
                    let result = w.evaluation.indicator(iid)?.clone();
                    Some(sakip_core::rekap::WilayahIndikator {
                        result,
                        counted: h.dihitung.len(),
                        not_counted: h.tidak_dihitung.clone(),
                    })
                })
                .collect();
            out.push(sakip_core::rekap::WilayahRekap { id, name, indikator });
        }
        out
    }
}

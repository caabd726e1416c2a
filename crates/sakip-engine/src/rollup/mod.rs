//! Many units in one run: every unit folder under some paths, evaluated in
//! parallel, handed on in a fixed order, and added up per Kanwil and for
//! the whole run.
//!
//! Units are evaluated a batch at a time on all cores (rayon); each batch
//! is handed to the caller's sink in path order before the next starts, so
//! the output is the same bytes whatever the number of threads, and memory
//! holds one batch, not the run. The rule sets that units build on are read
//! and their scripts compiled once ([`sakip_rules::Shared`]).

mod document;
mod run;

pub use document::JsonUnits;
pub use run::{run, Ran, Source, Stopped};

use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::evaluate::Options;
use sakip_core::rekap::{basis_of, figures_of, kanwil_of, nasional_of, Basis, Failure, Tally, UnitRecord};
use sakip_core::Evaluation;
use sakip_rules::{RuleError, Shared};

/// Units evaluated together before their results are handed on: enough to
/// keep every core busy, few enough that memory stays small.
pub const BATCH: usize = 512;

/// One unit of a run, as it finished.
pub enum Outcome<T> {
    /// Evaluated: what the summaries need, and what the caller's worker made of it.
    Done {
        record: UnitRecord,
        /// The settings it was evaluated under.
        basis: Basis,
        output: T,
    },
    /// Its rules or data could not be loaded, or the year is missing.
    Failed {
        path: String,
        /// `(id, name)` of its Kanwil, when its rules got that far.
        kanwil: Option<(String, String)>,
        /// The national rule set it builds on, when its rules got that far.
        nasional: Option<String>,
        errors: Vec<RuleError>,
    },
}

/// What the caller's worker is given for each evaluated unit (on a worker thread).
pub struct Evaluated<'a> {
    pub path: &'a str,
    pub rules: &'a sakip_core::RuleSet,
    pub scripts: &'a sakip_script::ScriptSet,
    pub evaluation: &'a Evaluation,
    pub record: &'a UnitRecord,
}

/// Which units to evaluate, and for what year.
#[derive(Debug, Clone)]
pub struct Selection {
    pub year: u16,
    /// Keep only the units of this Kanwil (its rule set's id).
    pub kanwil: Option<String>,
    /// Keep only the units under this national rule set (its id): a tree
    /// that holds units of several ministries or local governments.
    pub nasional: Option<String>,
    /// The year in progress: each unit up to the end of this period.
    pub until: Option<sakip_core::periode::Periode>,
}

impl Selection {
    pub(crate) fn keeps(&self, kanwil_id: &str) -> bool {
        self.kanwil.as_deref().is_none_or(|k| k == kanwil_id)
    }
}

/// The folders under `paths` that hold `.sakip` files, in path order (each
/// may be a unit; rule sets that are not units are passed over when loaded);
/// and the paths that do not exist or cannot be read.
pub fn folders_under(paths: &[Utf8PathBuf]) -> (Vec<Utf8PathBuf>, Vec<RuleError>) {
    let (folders, errors) = sakip_rules::resolve::sakip_files_under(paths);
    (folders.into_keys().collect(), errors)
}

/// Evaluates every unit among `folders`; `work` runs on the worker threads
/// for each evaluated unit, `sink` on the caller's thread for each unit in
/// folder order, `tick` once per folder done (a progress bar). The
/// evaluated units' figures are added up on the workers: the summaries of
/// every unit that reached `sink` as [`Outcome::Done`] are returned (see
/// [`sakip_core::rekap::Rollup::absorb`]).
pub fn run_folders<T, W, S>(
    folders: &[Utf8PathBuf],
    selection: &Selection,
    work: W,
    mut sink: S,
    tick: &(dyn Fn() + Sync),
) -> Tally
where
    T: Send,
    W: Fn(&Evaluated<'_>) -> T + Sync,
    S: FnMut(Outcome<T>),
{
    let shared = Shared::for_batch();
    crate::pipeline::run(
        |send: &mut dyn FnMut(Result<Vec<Utf8PathBuf>, std::convert::Infallible>) -> bool| {
            for batch in folders.chunks(BATCH) {
                if !send(Ok(batch.to_vec())) {
                    return;
                }
            }
        },
        Tally::default,
        |tally: &mut Tally, place, dir: &Utf8PathBuf| {
            let outcome = one_folder(dir, selection, &shared, &work, tally, place);
            tick();
            outcome
        },
        |batch| {
            for outcome in batch.into_iter().flatten().flatten() {
                sink(outcome);
            }
            true
        },
    )
    .into_iter()
    .collect()
}

fn one_folder<T>(
    dir: &Utf8Path,
    selection: &Selection,
    shared: &Shared,
    work: &(impl Fn(&Evaluated<'_>) -> T + Sync),
    tally: &mut Tally,
    place: u64,
) -> Option<Outcome<T>> {
    let path = dir.as_str().to_string();
    let unit = match sakip_rules::load_unit_in(dir, shared) {
        Ok(Some(unit)) => unit,
        // National or Kanwil rules: not a unit to evaluate.
        Ok(None) => return None,
        Err(errors) => {
            // A unit outside the Kanwil asked for is not reported even when broken;
            // one whose Kanwil cannot be told is (it may be the one asked for).
            return Some(Outcome::Failed {
                path,
                kanwil: None,
                nasional: None,
                errors,
            });
        }
    };
    let kanwil = kanwil_of(&unit.rules.chain);
    let nasional = nasional_of(&unit.rules.chain).map(|r| r.id.as_str());
    if !selection.keeps(&kanwil.0) || selection.nasional.as_deref().is_some_and(|n| Some(n) != nasional) {
        return None;
    }
    let options = Options {
        trace: false,
        until: selection.until,
    };
    match crate::unit::evaluate_year(&unit, dir, selection.year, options) {
        Ok(ev) => {
            let record = UnitRecord::new(&path, &ev, &unit.rules);
            let output = work(&Evaluated {
                path: &path,
                rules: &unit.rules,
                scripts: &unit.scripts,
                evaluation: &ev,
                record: &record,
            });
            tally.add(&record, figures_of(&ev), place);
            let basis = basis_of(&unit.rules, selection.year);
            Some(Outcome::Done { record, basis, output })
        }
        Err(e) => Some(Outcome::Failed {
            path,
            kanwil: Some(kanwil),
            nasional: nasional.map(str::to_string),
            errors: vec![*e],
        }),
    }
}

/// An error as one line: `file:line:col: error[code]: message`, in the
/// reader's words when rendered.
pub fn one_line(e: &RuleError) -> sakip_core::Text {
    sakip_core::Text::new("rekap-failure-line")
        .arg("at", e.location_text())
        .arg("code", e.code)
        .arg_text("message", e.message.clone())
}

/// Adds what of one outcome depends on the run's order to the summaries:
/// an evaluated unit's figures were added up on the workers already (the
/// [`Tally`] a run returns).
pub fn add_to<T>(rollup: &mut sakip_core::rekap::Rollup, outcome: &Outcome<T>) {
    match outcome {
        Outcome::Done { record, basis, .. } => rollup.add_in_order(record, Some(basis)),
        Outcome::Failed {
            path,
            kanwil,
            nasional,
            errors,
        } => rollup.add_failure(Failure {
            path: path.clone(),
            kanwil_id: kanwil.as_ref().map(|k| k.0.clone()).unwrap_or_default(),
            kanwil_name: kanwil.as_ref().map(|k| k.1.clone()).unwrap_or_default(),
            nasional_id: nasional.clone().unwrap_or_default(),
            errors: errors.iter().map(one_line).collect(),
        }),
    }
}

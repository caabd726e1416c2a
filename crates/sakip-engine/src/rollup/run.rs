//! A whole rollup, from its source to its summaries: what the command
//! line's `rollup` and the workbench's Rekap both run. The caller says what
//! each unit renders to (on the worker threads) and where it goes (on its
//! own thread, in order); the progress is a callback, so that each front
//! end draws it its own way and in its reader's words.

use super::{add_to, run_folders, Evaluated, Outcome, Selection};
use crate::long_table::{self, FileError, RowError, RuleSets};
use camino::Utf8PathBuf;
use sakip_core::rekap::Rollup;
use sakip_rules::RuleError;

/// Where a run's units come from.
pub enum Source {
    /// Unit folders (`rollup <paths>`), in path order.
    Folders(Vec<Utf8PathBuf>),
    /// Long tables of realisasi (`rollup --data`), under rule sets loaded once.
    Table {
        rules: Box<RuleSets>,
        files: Vec<Utf8PathBuf>,
        options: long_table::Options,
    },
}

impl Source {
    /// How many steps the progress counts, when known: the folders (a long
    /// table's units are not known before it is read).
    pub fn steps(&self) -> Option<u64> {
        match self {
            Source::Folders(f) => u64::try_from(f.len()).ok(),
            Source::Table { .. } => None,
        }
    }
}

/// What a whole run made.
pub struct Ran {
    /// The summaries, finished (means, medians, ranking).
    pub summary: Rollup,
    /// The units that could not be evaluated, with their errors, in order.
    pub failed: Vec<(String, Vec<RuleError>)>,
    /// A long table's rows left out.
    pub bad_rows: u64,
    /// A long table's `kanwil` values with no rule set of their own.
    pub kanwil_without_rules: Vec<String>,
}

/// Why a run did not complete: its output must not be kept.
pub enum Stopped {
    /// A long table could not be read on (or `--strict` met a bad row).
    Source(FileError),
    /// The caller's output could not be written.
    Write(std::io::Error),
}

/// Runs `source` for `selection`: `work` renders each evaluated unit on a
/// worker thread, `unit` takes each rendering on this thread in order (its
/// first error stops the writing and is returned), `progress` is told the
/// number of steps done after each unit handed on, `bad_row` each row of a
/// long table left out. `keep_ranking`: keep every unit's score for the
/// ranking (a streamed output need not).
pub fn run<T, W, U>(
    source: &Source,
    selection: &Selection,
    keep_ranking: bool,
    work: W,
    mut unit: U,
    progress: &mut dyn FnMut(u64),
    bad_row: &mut dyn FnMut(&RowError),
) -> Result<Ran, Stopped>
where
    T: Send,
    W: Fn(&Evaluated<'_>) -> T + Sync,
    U: FnMut(T) -> std::io::Result<()>,
{
    let mut summary = Rollup::new(selection.year, keep_ranking);
    let mut failed = Vec::new();
    let mut write_error: Option<std::io::Error> = None;
    // Workers only count; `progress` is called from this thread (a front
    // end that draws on a locked terminal must not be called from a worker).
    let done = std::sync::atomic::AtomicU64::new(0);
    let tick = || {
        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    let mut sink = |outcome: Outcome<T>| {
        progress(done.load(std::sync::atomic::Ordering::Relaxed));
        add_to(&mut summary, &outcome);
        match outcome {
            Outcome::Done { output, .. } => {
                if write_error.is_none() {
                    if let Err(e) = unit(output) {
                        write_error = Some(e);
                    }
                }
            }
            Outcome::Failed { path, errors, .. } => failed.push((path, errors)),
        }
    };
    let mut bad_rows = 0;
    let mut kanwil_without_rules = Vec::new();
    match source {
        Source::Folders(folders) => {
            let tally = run_folders(folders, selection, work, &mut sink, &tick);
            summary.absorb(tally);
        }
        Source::Table { rules, files, options } => {
            let stats = long_table::run(rules, files, selection, *options, work, &mut sink, bad_row, &tick)
                .map_err(Stopped::Source)?;
            bad_rows = stats.bad_rows;
            kanwil_without_rules = stats.kanwil_without_rules;
            summary.absorb(stats.tally);
        }
    }
    if let Some(e) = write_error {
        return Err(Stopped::Write(e));
    }
    summary.finish();
    Ok(Ran {
        summary,
        failed,
        bad_rows,
        kanwil_without_rules,
    })
}

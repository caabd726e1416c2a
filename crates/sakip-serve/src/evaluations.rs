//! Each unit's years as evaluated for its page and its downloads, kept
//! until something the unit reads changes: opening a report again, or
//! downloading the one on screen, does not load and evaluate it again.
//! An entry goes when the tree checks the unit's rule set again (a change
//! of a file it reads, saved here or on disk), as the overview's figures
//! do; the least recently asked go first beyond [`KEPT`].

use crate::api::State;
use camino::Utf8Path;
use sakip_core::evaluate::{Evaluation, Options};
use sakip_core::klasifikasi::Klasifikasi;
use sakip_rules::recent::Recent;
use sakip_rules::RuleError;
use std::collections::HashSet;
use std::sync::Arc;

/// How many units' years are kept: a reader moves between a few reports,
/// and a whole Evaluation is tens of kilobytes.
const KEPT: usize = 64;

/// A unit's year evaluated, with what its page shows beside it.
pub(crate) struct Evaluated {
    /// The years the unit has data for.
    pub(crate) years: Vec<u16>,
    pub(crate) evaluation: Evaluation,
    /// The bands of the year, for the report's legend.
    pub(crate) klasifikasi: Klasifikasi,
}

/// Why a unit's year is not evaluated.
pub(crate) enum NotEvaluated {
    /// The rules or the data do not load.
    Load(Vec<RuleError>),
    /// No year asked, and the unit has no data.
    NoYear,
    /// The year does not evaluate (no agreement or data for it, ...).
    Year(Box<RuleError>),
}

/// The kept evaluations, by (folder relative to the root, year), the most
/// recently asked last.
pub(crate) struct Evaluations(Recent<(String, u16), Arc<Evaluated>>);

impl Default for Evaluations {
    fn default() -> Self {
        Self(Recent::new(KEPT))
    }
}

impl Evaluations {
    fn get(&self, dir: &str, year: u16) -> Option<Arc<Evaluated>> {
        self.0.get(|(d, y)| d == dir && *y == year)
    }

    fn keep(&self, dir: &str, year: u16, e: Arc<Evaluated>) {
        self.0.keep((dir.to_string(), year), e, |a, b| a == b);
    }

    /// Forgets every year of the units in `dirs` (relative folders).
    pub(crate) fn forget(&self, dirs: &HashSet<String>) {
        self.0.forget(|(d, _)| dirs.contains(d));
    }
}

impl State {
    /// The unit in `dir` (`rel` as pages name it) evaluated for `year`,
    /// its latest year when none is asked: kept, or loaded through the
    /// tree's cache and evaluated now.
    pub(crate) fn evaluated(
        &self,
        rel: &str,
        dir: &Utf8Path,
        year: Option<u16>,
    ) -> Result<Arc<Evaluated>, NotEvaluated> {
        let latest = {
            let tree = self.tree();
            tree.analysis_for(&dir.join("satker.sakip"))
                .and_then(|a| a.data_years.last().copied())
        };
        if let Some(kept) = year.or(latest).and_then(|y| self.evaluations().get(rel, y)) {
            return Ok(kept);
        }
        let (view, seen) = {
            let tree = self.tree();
            (tree.view(), self.epoch())
        };
        let unit = sakip_rules::load_unit_with(dir, &view).map_err(NotEvaluated::Load)?;
        let years: Vec<u16> = unit.data.keys().copied().collect();
        let year = year.or_else(|| years.last().copied()).ok_or(NotEvaluated::NoYear)?;
        let evaluation = sakip_engine::evaluate_year(
            &unit,
            dir,
            year,
            Options {
                trace: false,
                until: None,
            },
        )
        .map_err(NotEvaluated::Year)?;
        let klasifikasi = unit.rules.settings(year).klasifikasi.value.clone();
        let made = Arc::new(Evaluated {
            years,
            evaluation,
            klasifikasi,
        });
        // Kept only when nothing changed meanwhile: the view may hold it.
        if self.epoch() == seen {
            self.evaluations().keep(rel, year, made.clone());
        }
        Ok(made)
    }
}

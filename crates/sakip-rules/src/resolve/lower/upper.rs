//! The rule sets above a unit, lowered once for all the units under them.
//!
//! The national rules are read by every unit in the country, a Kanwil's by
//! each of its 20-60 units. The first pass of lowering (headers, settings,
//! sasaran and indikator, from the top down) makes the same of them for
//! every unit: what it made of a chain's upper part is kept in the run's
//! cache ([`Uppers`], in `Shared`) and taken by the next unit under the
//! same files. The second pass (formulas, which may call the unit's own
//! script functions; agreements, data, tests) stays the unit's own.

use super::Lowering;
use crate::ast;
use crate::error::RuleError;
use crate::recent::Recent;
use crate::resolve::loader::RuleSetFiles;
use crate::source::Span;
use crate::symbols::Symbol;
use sakip_core::model::{RuleSet, TingkatAturan};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// What the first pass made of the rule sets above a unit.
#[derive(Debug, Clone)]
pub(crate) struct Upper {
    errors: Vec<RuleError>,
    rules: RuleSet,
    sasaran_spans: HashMap<String, Span>,
    indikator: BTreeMap<String, Symbol>,
    sasaran: BTreeMap<String, Symbol>,
    band: BTreeMap<String, Symbol>,
    named_ids: Vec<(String, String, Span)>,
    rumus_spans: Vec<(String, bool, Option<u16>, Span, ast::Expr)>,
    /// Each rule set's level and header, in chain order.
    pub(super) infos: Vec<(TingkatAturan, Span)>,
}

/// How many upper parts are kept: the national rules alone, and with
/// each Kanwil (34 in the generated tree); the least recently used go.
const KEPT: usize = 64;

/// The upper parts lowered in one run, the most recently used last.
pub(crate) struct Uppers(Recent<Vec<Arc<ast::File>>, Arc<Upper>>);

impl Default for Uppers {
    fn default() -> Self {
        Self(Recent::new(KEPT))
    }
}

impl std::fmt::Debug for Uppers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Uppers").finish_non_exhaustive()
    }
}

fn files_of(above: &[RuleSetFiles]) -> Vec<Arc<ast::File>> {
    above
        .iter()
        .flat_map(|s| s.files.iter().map(|(_, f)| f.clone()))
        .collect()
}

/// The very same files (a changed file, parsed anew, never matches).
fn same(a: &[Arc<ast::File>], b: &[Arc<ast::File>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
}

impl Uppers {
    /// What was made of `above`, when these very files were lowered before.
    pub(crate) fn get(&self, above: &[RuleSetFiles]) -> Option<Arc<Upper>> {
        let files = files_of(above);
        self.0.get(|f| same(f, &files))
    }

    /// How many upper parts are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    fn keep(&self, above: &[RuleSetFiles], upper: Upper) {
        self.0.keep(files_of(above), Arc::new(upper), |a, b| same(a, b));
    }
}

impl Lowering<'_> {
    /// The first pass over `above` (the rule sets above the one being
    /// loaded): taken from `uppers` when these files were lowered before,
    /// else done now and kept there. Returns each set's level and header.
    pub(super) fn upper_part(&mut self, above: &[RuleSetFiles], uppers: Option<&Uppers>) -> Vec<(TingkatAturan, Span)> {
        if let Some(up) = uppers.and_then(|u| u.get(above)) {
            self.errors.extend(up.errors.iter().cloned());
            self.rules = up.rules.clone();
            self.sasaran_spans = up.sasaran_spans.clone();
            // The script functions (declared before lowering) are this
            // chain's own: only the names the first pass declares are taken.
            self.symbols.indikator = up.indikator.clone();
            self.symbols.sasaran = up.sasaran.clone();
            self.symbols.band = up.band.clone();
            self.named_ids = up.named_ids.clone();
            self.rumus_spans = up.rumus_spans.clone();
            return up.infos.clone();
        }
        let mut infos = Vec::new();
        for set in above {
            self.first_pass(set, &mut infos);
        }
        if let (Some(u), false) = (uppers, above.is_empty()) {
            u.keep(
                above,
                Upper {
                    errors: self.errors.clone(),
                    rules: self.rules.clone(),
                    sasaran_spans: self.sasaran_spans.clone(),
                    indikator: self.symbols.indikator.clone(),
                    sasaran: self.symbols.sasaran.clone(),
                    band: self.symbols.band.clone(),
                    named_ids: self.named_ids.clone(),
                    rumus_spans: self.rumus_spans.clone(),
                    infos: infos.clone(),
                },
            );
        }
        infos
    }
}

//! Preview: a unit's year evaluated with the editor's unsaved texts,
//! nothing written. The workbench renders it beside its editor; the
//! language server answers `sakip/preview` with each indicator's capaian.

use camino::Utf8Path;
use sakip_core::evaluate::{Evaluation, Options};
use sakip_rules::{LoadedUnit, RuleError, Shared};
use serde::Serialize;
use std::collections::BTreeMap;

/// The unit in `unit_dir` for `year`, loaded through `shared` (an
/// editor's cache with its unsaved texts) and evaluated; the problems
/// instead when it does not load or evaluate.
pub fn evaluate(shared: &Shared, unit_dir: &Utf8Path, year: u16) -> Result<(LoadedUnit, Evaluation), Vec<RuleError>> {
    let unit = sakip_rules::load_unit_with(unit_dir, shared)?;
    let ev = sakip_engine::evaluate_year(
        &unit,
        unit_dir,
        year,
        Options {
            trace: false,
            until: None,
        },
    )
    .map_err(|e| vec![*e])?;
    Ok((unit, ev))
}

/// What a preview says in a line: the unit's year, its nilai, and each
/// indicator's capaian (`None`: none computed), as exact decimal text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub year: u16,
    pub nilai: Option<String>,
    pub capaian: BTreeMap<String, Option<String>>,
}

impl Summary {
    pub fn of(ev: &Evaluation) -> Self {
        Self {
            year: ev.year,
            nilai: ev.nilai.as_ref().map(|n| n.value.to_string()),
            capaian: ev
                .indicators
                .iter()
                .map(|i| (i.id.clone(), i.capaian.map(|c| c.to_string())))
                .collect(),
        }
    }
}

//! What changed in the rules in force between two years (`sakip diff`):
//! targets, indicators measured, formulas, rounding, cap, classification
//! (`sakip_core::perubahan`), and the scripts in force.

use camino::Utf8Path;
use sakip_core::perubahan::{diff, Perubahan};
use sakip_rules::RuleError;

/// A script that comes into force, or goes out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptChange {
    pub path: String,
    pub added: bool,
}

/// The changes between two years of one rule set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The name of the rule set (the last of its chain).
    pub name: String,
    pub rules: Vec<Perubahan>,
    pub scripts: Vec<ScriptChange>,
}

impl Changes {
    pub fn len(&self) -> usize {
        self.rules.len() + self.scripts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The changes in the rule set at `path` (a unit's folder or any rule set)
/// from year `from` to year `to`.
pub fn between(path: &Utf8Path, from: u16, to: u16) -> Result<Changes, Vec<RuleError>> {
    let unit = sakip_rules::load_rule_set(path)?;
    let (before, after) = (unit.scripts.names(from), unit.scripts.names(to));
    let mut scripts: Vec<ScriptChange> = after
        .iter()
        .filter(|s| !before.contains(s))
        .map(|s| ScriptChange {
            path: s.to_string(),
            added: true,
        })
        .collect();
    scripts.extend(before.iter().filter(|s| !after.contains(s)).map(|s| ScriptChange {
        path: s.to_string(),
        added: false,
    }));
    Ok(Changes {
        name: unit.rules.chain.last().map(|c| c.name.clone()).unwrap_or_default(),
        rules: diff(&unit.rules, from, to),
        scripts,
    })
}

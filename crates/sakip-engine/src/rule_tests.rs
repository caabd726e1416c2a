//! The rule tests (`uji` blocks) of every rule set under some paths (`sakip
//! test`): each case evaluated with its own agreement, under the scripts in
//! force for its year.

use camino::Utf8PathBuf;
use sakip_core::Severity;
use sakip_rules::RuleError;

/// One case and what went wrong with it (nothing, when it passed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// `file:line:col` of the case, or its rule set's folder.
    pub at: String,
    pub name: String,
    pub year: u16,
    /// Each expectation that failed, and the errors behind it.
    pub failures: Vec<sakip_core::Text>,
}

/// Every case under the paths, and the errors that kept rule sets from loading.
#[derive(Debug, Default)]
pub struct Report {
    pub cases: Vec<CaseResult>,
    pub errors: Vec<RuleError>,
}

impl Report {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.failures.is_empty()).count()
    }

    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed()
    }
}

/// Runs the tests of every rule set under `paths`.
pub fn run(paths: &[Utf8PathBuf]) -> Report {
    let (loaded, errors) = sakip_rules::load_all(paths);
    let mut report = Report {
        cases: Vec::new(),
        errors: errors.into_iter().filter(|e| e.severity == Severity::Error).collect(),
    };
    for (root, unit) in &loaded {
        for case in &unit.cases {
            let failures = sakip_core::uji::run(&unit.rules, case, &unit.scripts.for_year(case.year));
            report.cases.push(CaseResult {
                at: case
                    .origin
                    .as_ref()
                    .map(|o| o.to_string())
                    .unwrap_or_else(|| root.to_string()),
                name: case.name.clone(),
                year: case.year,
                failures,
            });
        }
    }
    report
}

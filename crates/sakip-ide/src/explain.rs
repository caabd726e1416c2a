//! Explain: one indicator's year step by step, as `sakip explain` shows
//! it, as plain data for an editor: each step with the place in the rules
//! it comes from (a link to the line), the outcome in words, the problems
//! found with the indicator. The workbench shows it under a click on an
//! indicator; the language server answers `sakip/explain` with it.

use camino::Utf8Path;
use sakip_core::{Lang, Problem, Severity, Text};
use sakip_engine::explain::{explain_with, outcome, NotExplained};
use sakip_rules::Shared;
use serde::Serialize;

/// One indicator's year explained.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub id: String,
    pub name: String,
    /// The unit, the year, the tier and the sasaran, on one line.
    pub heading: String,
    pub steps: Vec<Step>,
    /// The capaian and its band, in words.
    pub result: String,
    pub findings: Vec<Finding>,
}

/// One step: what it is (`target`, `realisasi`, `capaian`, a rule), what
/// it found, and where in the rules that comes from.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub label: String,
    pub text: String,
    pub origin: Option<Origin>,
}

/// A place in a rule file: its path as the loader read it, 1-based line
/// and column.
#[derive(Debug, Clone, Serialize)]
pub struct Origin {
    pub file: String,
    pub line: u32,
    pub col: u32,
}

/// A problem the evaluation found with the indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
}

/// Why an indicator cannot be explained, in the reader's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The rules or the data do not load or evaluate: each problem on a
    /// line, with its place.
    Problems(Vec<String>),
    /// No such indicator that year; the closest id, when one is close.
    NoSuchIndicator(String),
}

/// Explains indicator `id` of the unit in `unit_dir` for `year`, loading
/// the unit through `shared` (an editor's cache, with its unsaved texts).
pub fn explain(shared: &Shared, unit_dir: &Utf8Path, year: u16, id: &str, lang: Lang) -> Result<Explanation, Refused> {
    let explained = match explain_with(unit_dir, year, id, shared) {
        Ok(e) => e,
        Err(NotExplained::Problems(errors)) => {
            return Err(Refused::Problems(
                errors
                    .iter()
                    .map(|e| format!("{}: {}", e.location_text(), e.message_in(lang)))
                    .collect(),
            ))
        }
        Err(NotExplained::NoSuchIndicator { why, closest }) => {
            let hint = closest
                .map(|s| format!("; {}", Text::new("did-you-mean").arg("word", s).render(lang)))
                .unwrap_or_default();
            return Err(Refused::NoSuchIndicator(format!("{}{hint}", why.render(lang))));
        }
    };
    let Some(r) = explained.indicator(id) else {
        return Err(Refused::NoSuchIndicator(id.to_string()));
    };
    let steps = r
        .trace
        .iter()
        .map(|s| Step {
            label: step_label(s.label, lang),
            text: s.text.render(lang),
            origin: s.origin.as_ref().map(|o| Origin {
                file: o.file.clone(),
                line: o.line,
                col: o.col,
            }),
        })
        .collect();
    let findings = explained
        .findings(id)
        .map(|d| Finding {
            severity: d.severity,
            code: d.code.as_str(),
            message: d.message_in(lang),
            help: d.help_in(lang),
        })
        .collect();
    let ev = &explained.evaluation;
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let heading = format!(
        "{satker} · {} {} · {} {} · {}",
        sakip_core::i18n::say(lang, "word-year").to_lowercase(),
        ev.year,
        r.tier.title(),
        r.sasaran,
        r.sasaran_name
    );
    Ok(Explanation {
        id: r.id.clone(),
        name: r.name.clone(),
        heading,
        steps,
        result: outcome(r).render(lang),
        findings,
    })
}

/// A step's label in the reader's words: the trace's labels are the
/// domain's own (target, realisasi, capaian), but for `rule`.
fn step_label(label: &str, lang: Lang) -> String {
    match label {
        "rule" => Text::new("wb-step-rule").render(lang),
        other => other.to_string(),
    }
}

//! Findings of an evaluation, as data. Each names its indicator when it has
//! one and carries a stable code; the CLI decides how to show them.

use crate::model::Origin;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A figure could not be computed, or the rules are not usable as written.
    Error,
    /// A figure is doubtful, or a printed one is wrong.
    Warning,
    /// Worth knowing; nothing is wrong.
    Info,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, kebab-case (`printed-capaian`).
    pub code: &'static str,
    /// Lower-case, no final period, user input in backticks.
    pub message: String,
    pub indicator: Option<String>,
    /// How to fix it, when there is something to do.
    pub help: Option<String>,
    pub origin: Option<Origin>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            severity,
            code,
            message: message.into(),
            indicator: None,
            help: None,
            origin: None,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    pub fn indicator(mut self, id: &str) -> Self {
        self.indicator = Some(id.to_string());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn at(mut self, origin: Option<&crate::model::Origin>) -> Self {
        self.origin = origin.cloned();
        self
    }
}

//! How serious a problem is: the one scale every finding is on. It stands
//! apart from [`crate::code`] (each code's severity) and
//! [`crate::diagnostic`] (findings, which carry a code), so that neither
//! of those two imports the other.

use crate::i18n::Lang;
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

impl Severity {
    /// The word for it in `lang` (`kesalahan`, `peringatan`, `info`).
    pub fn word(self, lang: Lang) -> String {
        crate::i18n::say(
            lang,
            match self {
                Severity::Error => "severity-error",
                Severity::Warning => "severity-warning",
                Severity::Info => "severity-info",
            },
        )
    }
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

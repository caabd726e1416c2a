//! Errors in rule files: a code, a message, the span it is about, and how to
//! fix it. They are data until the CLI renders them (with miette, as
//! `file:line:col`, the line, and a caret under the words at fault).

use crate::source::{SourceMap, Span};
use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};
use std::fmt;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
}

/// One finding in a rule file.
#[derive(Debug, Clone)]
pub struct RuleError {
    pub level: Level,
    /// Stable, kebab-case (`syntax`, `unknown-indicator`).
    pub code: &'static str,
    /// Lower-case, no final period, user input in backticks.
    pub message: String,
    /// Short text under the caret.
    pub label: String,
    pub help: Option<String>,
    /// `None` for errors about a path that could not be read.
    pub span: Option<Span>,
    /// The file's display name, and its line and column (1-based).
    pub location: Option<(String, u32, u32)>,
    source: Option<Arc<NamedSource<String>>>,
}

impl RuleError {
    /// An error at `span`, resolved against `sources` for its location.
    pub fn at(sources: &SourceMap, span: Span, code: &'static str, message: impl Into<String>) -> Self {
        let file = sources.get(span.file);
        let location = file.map(|f| {
            let (line, col) = f.line_col(span.start);
            (f.name.clone(), line, col)
        });
        Self {
            level: Level::Error,
            code,
            message: message.into(),
            label: String::new(),
            help: None,
            span: Some(span),
            location,
            source: file.map(|f| f.text.clone()),
        }
    }

    /// An error about a path, with no position in a file.
    pub fn path(path: &str, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            level: Level::Error,
            code,
            message: message.into(),
            label: String::new(),
            help: None,
            span: None,
            location: Some((path.to_string(), 0, 0)),
            source: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn warning(mut self) -> Self {
        self.level = Level::Warning;
        self
    }

    /// `file:line:col`, or the file alone for errors with no position.
    pub fn location_text(&self) -> String {
        match &self.location {
            Some((file, 0, _)) => file.clone(),
            Some((file, line, col)) => format!("{file}:{line}:{col}"),
            None => String::new(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}

impl Diagnostic for RuleError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.level {
            Level::Error => miette::Severity::Error,
            Level::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        let label = (!self.label.is_empty()).then(|| self.label.clone());
        Some(Box::new(std::iter::once(LabeledSpan::new(
            label,
            span.start,
            span.len(),
        ))))
    }
}

/// The closest of `candidates` to `word`, if one is close enough to be a
/// likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|(d, c)| *d > 0 && *d <= (c.chars().count().div_ceil(3)).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("indiktor", ["indikator", "satuan"]), Some("indikator"));
        assert_eq!(did_you_mean("ss5_kamtb", ["ss5_kamtib", "ss3_ikm"]), Some("ss5_kamtib"));
        assert_eq!(did_you_mean("hijo", ["hijau", "biru"]), Some("hijau"));
        assert_eq!(did_you_mean("zzz", ["indikator", "abu"]), None);
    }
}

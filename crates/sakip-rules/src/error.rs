//! Problems in rule files: a code, a message, the span it is about, and how
//! to fix it. They are data until a front end renders them (the CLI with
//! miette: `file:line:col`, the line, and a caret under the words at fault).
//! A `RuleError` is a [`Problem`] like the evaluation's diagnostics, with
//! the span and the file's text besides, to underline the words at fault.

use crate::source::{SourceMap, Span};
use miette::NamedSource;
use sakip_core::model::Origin;
use sakip_core::{Code, Lang, Problem, Severity, Snippet, Text};
use std::fmt;
use std::sync::Arc;

/// One problem in a rule file (or a folder of them).
#[derive(Debug, Clone)]
pub struct RuleError {
    /// The registry's severity for the code.
    pub severity: Severity,
    /// Stable, kebab-case (`syntax`, `unknown-indicator`); see [`Code`].
    pub code: Code,
    /// Lower-case, no final period, user input in backticks.
    pub message: String,
    /// Short text under the caret.
    pub label: String,
    /// How to fix it, when there is something to do.
    pub help: Option<String>,
    /// `None` for errors about a path that could not be read.
    pub span: Option<Span>,
    /// The message, help and label as the catalogue holds them, for other
    /// languages; `None` while a message is not in the catalogue.
    pub text: Option<Text>,
    pub help_text: Option<Text>,
    pub label_text: Option<Text>,
    /// The file's display name, and its line and column (1-based; line 0
    /// for a problem with a whole file or folder).
    pub location: Option<Origin>,
    source: Option<Arc<NamedSource<String>>>,
}

impl RuleError {
    /// An error at `span`, resolved against `sources` for its location.
    pub fn at(sources: &SourceMap, span: Span, code: Code, message: impl Into<String>) -> Self {
        let file = sources.get(span.file);
        let location = file.map(|f| {
            let (line, col) = f.line_col(span.start);
            Origin::new(f.name.clone(), line, col)
        });
        Self {
            severity: code.severity(),
            code,
            message: message.into(),
            label: String::new(),
            help: None,
            span: Some(span),
            location,
            source: file.map(|f| f.text.clone()),
            text: None,
            help_text: None,
            label_text: None,
        }
    }

    /// [`RuleError::at`] with its message from the catalogue.
    pub fn at_says(sources: &SourceMap, span: Span, code: Code, text: Text) -> Self {
        let mut e = Self::at(sources, span, code, text.render(Lang::En));
        e.text = Some(text);
        e
    }

    /// [`RuleError::path`] with its message from the catalogue.
    pub fn path_says(path: &str, code: Code, text: Text) -> Self {
        let mut e = Self::path(path, code, text.render(Lang::En));
        e.text = Some(text);
        e
    }

    /// How to fix it, from the catalogue.
    pub fn help_says(mut self, text: Text) -> Self {
        self.help = Some(text.render(Lang::En));
        self.help_text = Some(text);
        self
    }

    /// The text under the caret, from the catalogue.
    pub fn label_says(mut self, text: Text) -> Self {
        self.label = text.render(Lang::En);
        self.label_text = Some(text);
        self
    }

    /// An error about a path, with no position in a file.
    pub fn path(path: &str, code: Code, message: impl Into<String>) -> Self {
        Self {
            severity: code.severity(),
            code,
            message: message.into(),
            label: String::new(),
            help: None,
            span: None,
            location: Some(Origin::file(path)),
            source: None,
            text: None,
            help_text: None,
            label_text: None,
        }
    }

    /// The short text under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// How to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:col`, or the file alone for errors with no position.
    pub fn location_text(&self) -> String {
        self.location.as_ref().map(Origin::to_string).unwrap_or_default()
    }
}

impl Problem for RuleError {
    fn code(&self) -> Code {
        self.code
    }
    fn severity(&self) -> Severity {
        self.severity
    }
    fn message_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(t) => t.render(lang),
            None => self.message.clone(),
        }
    }
    fn help_in(&self, lang: Lang) -> Option<String> {
        match &self.help_text {
            Some(t) => Some(t.render(lang)),
            None => self.help.clone(),
        }
    }
    fn location(&self) -> Option<&Origin> {
        self.location.as_ref()
    }
    fn label_text(&self) -> Option<&Text> {
        self.label_text.as_ref()
    }
    fn snippet(&self) -> Option<Snippet<'_>> {
        let (span, source) = (self.span?, self.source.as_ref()?);
        Some(Snippet {
            name: source.name(),
            text: source.inner(),
            start: span.start,
            len: span.len(),
            label: &self.label,
        })
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}

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

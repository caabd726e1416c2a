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

/// One problem in a rule file (or a folder of them). Its words are
/// catalogue [`Text`]s, rendered in the reader's language when shown.
#[derive(Debug, Clone)]
pub struct RuleError {
    /// The registry's severity for the code.
    pub severity: Severity,
    /// Stable, kebab-case (`syntax`, `unknown-indicator`); see [`Code`].
    pub code: Code,
    /// Lower-case, no final period, user input in backticks.
    pub message: Text,
    /// Short text under the caret.
    pub label: Option<Text>,
    /// How to fix it, when there is something to do.
    pub help: Option<Text>,
    /// `None` for errors about a path that could not be read.
    pub span: Option<Span>,
    /// The file's display name, and its line and column (1-based; line 0
    /// for a problem with a whole file or folder).
    pub location: Option<Origin>,
    source: Option<Arc<NamedSource<String>>>,
}

impl RuleError {
    /// An error at `span`, resolved against `sources` for its location.
    pub fn at_says(sources: &SourceMap, span: Span, code: Code, message: Text) -> Self {
        let file = sources.get(span.file);
        let location = file.map(|f| {
            let (line, col) = f.line_col(span.start);
            Origin::new(f.name.clone(), line, col)
        });
        Self {
            severity: code.severity(),
            code,
            message,
            label: None,
            help: None,
            span: Some(span),
            location,
            source: file.map(|f| f.text.clone()),
        }
    }

    /// An error about a path, with no position in a file.
    pub fn path_says(path: &str, code: Code, message: Text) -> Self {
        Self {
            severity: code.severity(),
            code,
            message,
            label: None,
            help: None,
            span: None,
            location: Some(Origin::file(path)),
            source: None,
        }
    }

    /// How to fix it, from the catalogue.
    pub fn help_says(mut self, text: Text) -> Self {
        self.help = Some(text);
        self
    }

    /// The text under the caret, from the catalogue.
    pub fn label_says(mut self, text: Text) -> Self {
        self.label = Some(text);
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
        self.message.render(lang)
    }
    fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }
    fn location(&self) -> Option<&Origin> {
        self.location.as_ref()
    }
    fn label_text(&self) -> Option<&Text> {
        self.label.as_ref()
    }
    fn snippet(&self) -> Option<Snippet<'_>> {
        let (span, source) = (self.span?, self.source.as_ref()?);
        Some(Snippet {
            name: source.name(),
            text: source.inner(),
            start: span.start,
            len: span.len(),
        })
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.render(Lang::En))
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

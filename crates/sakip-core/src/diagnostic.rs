//! Problems as data: one shape for every finding of every stage.
//!
//! A [`Diagnostic`] is what the evaluation reports; the rule reader's
//! `RuleError`, a long table's bad row and a spreadsheet's bad cell carry
//! more (a span to underline, a column) but answer the same questions
//! through the [`Problem`] trait: which [`Code`], how serious, what
//! message, how to fix it, and where. Every front end renders a problem
//! through that trait, so a finding reads the same in the terminal, in
//! JSON, in an editor and on the workbench.

use crate::code::Code;
use crate::i18n::{Lang, Text};
use crate::model::Origin;
pub use crate::severity::Severity;

/// A finding of the evaluation: a problem with, when it has one, the
/// indikator it is about. Its message and help are catalogue entries with
/// their values, rendered only when a reader (or the JSON, in English)
/// asks: a batch run over thousands of units builds no sentence it does
/// not print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable (`printed-capaian`); see [`Code`].
    pub code: Code,
    /// Lower-case, no final period, user input in backticks.
    pub message: Text,
    pub indicator: Option<String>,
    /// How to fix it, when there is something to do.
    pub help: Option<Text>,
    pub origin: Option<Origin>,
}

impl Diagnostic {
    /// A problem of kind `code`, at the severity the registry gives it,
    /// with a message not in the catalogue (shown as it is in every language).
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Self::says(code, Text::new("raw").arg("text", message.into()))
    }

    /// A problem of kind `code` whose message is `text` from the catalogue.
    pub fn says(code: Code, text: Text) -> Self {
        Self {
            severity: code.severity(),
            code,
            message: text,
            indicator: None,
            help: None,
            origin: None,
        }
    }

    /// How to fix it, from the catalogue.
    pub fn help_says(mut self, text: Text) -> Self {
        self.help = Some(text);
        self
    }

    /// The indikator the problem is about.
    pub fn indicator(mut self, id: &str) -> Self {
        self.indicator = Some(id.to_string());
        self
    }

    /// How to fix it, in words not in the catalogue.
    pub fn help(self, help: impl Into<String>) -> Self {
        self.help_says(Text::new("raw").arg("text", help.into()))
    }

    /// Where the rule or figure at fault was written.
    pub fn at(mut self, origin: Option<&crate::model::Origin>) -> Self {
        self.origin = origin.cloned();
        self
    }
}

/// What every problem says, whatever found it. Renderers (the terminal, the
/// JSON output, the language server) take a `&dyn Problem`.
pub trait Problem {
    fn code(&self) -> Code;
    fn severity(&self) -> Severity {
        self.code().severity()
    }
    /// The message in `lang`: lower-case, no final period, user input in
    /// backticks.
    fn message_in(&self, lang: Lang) -> String;
    /// How to fix it, in `lang`.
    fn help_in(&self, lang: Lang) -> Option<String>;
    /// `None` for a problem with no place (a command-line mistake).
    fn location(&self) -> Option<&Origin>;
    /// The indikator it is about, when it is about one.
    fn indicator(&self) -> Option<&str> {
        None
    }
    /// The words at fault in the file's text, when the problem has them, for
    /// a renderer that shows the line with a caret.
    fn snippet(&self) -> Option<Snippet<'_>> {
        None
    }
    /// The label under the caret as the catalogue holds it, when it does.
    fn label_text(&self) -> Option<&Text> {
        None
    }
}

/// The words at fault: the whole text of the file they are in (the core
/// never reads files; the reader that found the problem hands the text
/// over) and a byte range in it. The label under the caret is the
/// problem's [`Problem::label_text`].
#[derive(Debug, Clone, Copy)]
pub struct Snippet<'a> {
    /// The file's name as shown to people.
    pub name: &'a str,
    pub text: &'a str,
    /// Byte offsets into `text`.
    pub start: usize,
    pub len: usize,
}

impl Problem for Diagnostic {
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
        self.origin.as_ref()
    }
    fn indicator(&self) -> Option<&str> {
        self.indicator.as_deref()
    }
}

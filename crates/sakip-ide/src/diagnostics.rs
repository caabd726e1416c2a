//! The problems of `check` as an editor shows them: the same codes and
//! messages, in the reader's language, at the bytes `check` points its
//! caret at, with the help beside them. One shape for both front ends:
//! the language server sends it as the protocol's diagnostics, the
//! workbench underlines it in its editor.

use crate::document::{Range, Workspace};
use camino::Utf8Path;
use sakip_core::{Code, Lang, Problem, Severity, Text};
use sakip_rules::RuleError;
use serde::Serialize;

/// One problem, placed in a file's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub range: Range,
    pub severity: Severity,
    /// The problem's code (`band-gap`), as docs/CODES.md lists it.
    pub code: &'static str,
    pub message: String,
    /// How to put it right, when the catalogue says.
    pub help: Option<String>,
}

/// The problems of `path` the tree knows, in `lang`.
pub fn diagnostics(ws: &Workspace<'_>, path: &Utf8Path, lang: Lang) -> Vec<Diagnostic> {
    let text = ws.text(path).unwrap_or_default();
    let mut out: Vec<Diagnostic> = ws
        .tree
        .problems_in(path)
        .into_iter()
        .map(|e| diagnostic(e, &text, lang))
        .collect();
    // A problem with a folder the rule set builds on (it has no header any
    // more) is shown at the top of the file that builds on it.
    if let Some(a) = ws.tree.analysis_for(path).filter(|a| a.header == path) {
        for e in &a.problems {
            let elsewhere = e.location.as_ref().is_some_and(|o| {
                o.line == 0 && ws.tree.fs().kind(Utf8Path::new(&o.file)) == sakip_rules::fs::Kind::Dir
            });
            if elsewhere {
                let mut d = diagnostic(e, &text, lang);
                d.message = format!("{}: {}", e.location_text(), d.message);
                out.push(d);
            }
        }
    }
    // An open file that is gone from the disk: saying so keeps the
    // person from typing into a file nobody will read.
    if ws.unsaved.contains_key(path) && ws.tree.fs().kind(path) != sakip_rules::fs::Kind::File {
        let e = RuleError::path_says(
            path.as_str(),
            Code::FileDeleted,
            Text::new("file-deleted").arg("path", path),
        )
        .help_says(Text::new("file-deleted-help"));
        out.push(diagnostic(&e, &text, lang));
    }
    out
}

/// `e` placed in `text` (the text of the file it is about): at its span,
/// else at the word at its line and column, else at the start.
pub fn diagnostic(e: &RuleError, text: &str, lang: Lang) -> Diagnostic {
    let range = match (e.span, &e.location) {
        (Some(span), _) => Range::new(span.start, span.end),
        (None, Some(o)) => word_at_line_col(text, o.line, o.col),
        (None, None) => Range::new(0, 0),
    };
    Diagnostic {
        range,
        severity: e.severity(),
        code: e.code().as_str(),
        message: e.message_in(lang),
        help: e.help_in(lang),
    }
}

/// The bytes of a 1-based line and column (in characters) to the end of
/// the word there: where a problem without a span is shown.
fn word_at_line_col(text: &str, line: u32, col: u32) -> Range {
    if line == 0 {
        return Range::new(0, 0);
    }
    let at = sakip_rules::lines::LineIndex::new(text).offset_of(text, line, col);
    let word = text
        .get(at..)
        .unwrap_or("")
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    Range::new(at, at + word)
}

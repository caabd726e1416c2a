//! The problems of `check` as an editor shows them: the same codes and
//! messages, in the reader's language, underlined where `check` puts its
//! caret, with the help on the next line.

use crate::position::LineIndex;
use crate::server::Server;
use camino::Utf8Path;
use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString};
use sakip_core::{Code, Problem, Severity, Text};
use sakip_rules::RuleError;

/// The diagnostics of `path`.
pub(crate) fn of(server: &Server, path: &Utf8Path) -> Vec<Diagnostic> {
    let text = server.text(path).unwrap_or_default();
    let idx = LineIndex::new(&text);
    let mut out: Vec<Diagnostic> = server
        .tree
        .problems_in(path)
        .into_iter()
        .map(|e| diagnostic(server, e, &idx))
        .collect();
    // A problem with a folder the rule set builds on (it has no header any
    // more) is shown at the top of the file that builds on it.
    if let Some(a) = server.tree.analysis_for(path).filter(|a| a.header == path) {
        for e in &a.problems {
            let elsewhere = e
                .location
                .as_ref()
                .is_some_and(|o| o.line == 0 && Utf8Path::new(&o.file).is_dir());
            if elsewhere {
                let mut d = diagnostic(server, e, &idx);
                d.message = format!("{}: {}", e.location_text(), d.message);
                out.push(d);
            }
        }
    }
    if server.open.contains_key(path) && server.tree.fs().kind(path) != sakip_rules::fs::Kind::File {
        let e = RuleError::path_says(
            path.as_str(),
            Code::FileDeleted,
            Text::new("file-deleted").arg("path", path),
        )
        .help_says(Text::new("file-deleted-help"));
        out.push(diagnostic(server, &e, &idx));
    }
    out
}

fn diagnostic(server: &Server, e: &RuleError, idx: &LineIndex<'_>) -> Diagnostic {
    let range = match (e.span, &e.location) {
        (Some(span), _) => idx.range(span.start, span.end),
        (None, Some(o)) => idx.range_at_line_col(o.line, o.col),
        (None, None) => idx.range(0, 0),
    };
    let mut message = e.message_in(server.lang);
    if let Some(help) = e.help_in(server.lang) {
        message.push_str("\n→ ");
        message.push_str(&help);
    }
    Diagnostic {
        range,
        severity: Some(match e.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(e.code().as_str().to_string())),
        source: Some("sakip".into()),
        message,
        ..Default::default()
    }
}

//! Rendering rule-file errors: miette's graphical report (the file, line and
//! column, the line itself, a caret under the words at fault, and the help),
//! or one JSON object per error for machines.

use crate::{ColorChoice, Io};
use miette::{GraphicalReportHandler, GraphicalTheme};
use sakip_rules::error::Level;
use sakip_rules::RuleError;

/// Writes the errors to stderr as people read them, in colour when stderr
/// is a terminal that wants it: how every command reports rules it could
/// not load.
pub fn to_stderr(io: &mut Io<'_>, colour: ColorChoice, errors: &[RuleError]) -> std::io::Result<()> {
    write!(io.err, "{}", human(errors, colour.enabled(io.err_is_terminal)))
}

/// The errors as people read them, separated by blank lines.
pub fn human(errors: &[RuleError], colour: bool) -> String {
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    let mut out = String::new();
    for e in errors {
        let mut one = String::new();
        if handler.render_report(&mut one, e).is_err() || one.is_empty() {
            one = format!("{}: {}\n", e.location_text(), e.message);
        }
        // Errors about a path have no source to show: name the path.
        if e.span.is_none() {
            one = format!("{}: {}", e.location_text(), one.trim_start());
        }
        out.push_str(&one);
        out.push('\n');
    }
    out
}

/// One line per error, `file:line:col: severity[code]: message`, for editors and CI logs.
pub fn short(errors: &[RuleError]) -> String {
    let mut out = String::new();
    for e in errors {
        let level = match e.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        out.push_str(&format!("{}: {level}[{}]: {}\n", e.location_text(), e.code, e.message));
    }
    out
}

pub fn json(errors: &[RuleError]) -> serde_json::Value {
    serde_json::Value::Array(
        errors
            .iter()
            .map(|e| {
                let (file, line, col) = e.location.clone().unwrap_or_default();
                serde_json::json!({
                    "severity": match e.level { Level::Error => "error", Level::Warning => "warning" },
                    "code": e.code,
                    "message": e.message,
                    "file": file,
                    "line": line,
                    "col": col,
                    "help": e.help,
                })
            })
            .collect(),
    )
}

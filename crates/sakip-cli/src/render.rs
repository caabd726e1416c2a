//! Writing problems to the terminal: the one path every command takes
//! (`sakip_report::problem`), in colour when stderr is a terminal that wants it.

use crate::{ColorChoice, Io};
use sakip_core::Problem;
use sakip_report::problem;
use sakip_rules::RuleError;

/// Writes the rule errors to stderr as people read them: how every command
/// reports rules it could not load.
pub fn to_stderr(io: &mut Io<'_>, colour: ColorChoice, errors: &[RuleError]) -> std::io::Result<()> {
    problems_to_stderr(io, colour, errors.iter().map(|e| e as &dyn Problem))
}

/// Writes any problems to stderr as people read them.
pub fn problems_to_stderr<'a>(
    io: &mut Io<'_>,
    colour: ColorChoice,
    problems: impl IntoIterator<Item = &'a dyn Problem>,
) -> std::io::Result<()> {
    write!(
        io.err,
        "{}",
        problem::human(problems, colour.enabled(io.err_is_terminal), io.lang)
    )
}

/// One line of an error the command itself finds (not a problem in the
/// rules or the data): `error: ...` in the reader's language.
pub fn error_line(io: &mut Io<'_>, text: sakip_core::Text) -> std::io::Result<()> {
    writeln!(io.err, "{}", error_text(io.lang, &text))
}

/// [`error_line`]'s text, for a command that has lent out its streams.
pub fn error_text(lang: sakip_core::Lang, text: &sakip_core::Text) -> String {
    format!("{}: {}", sakip_core::Severity::Error.word(lang), text.render(lang))
}

/// The rule errors as people read them, separated by blank lines.
pub fn human(errors: &[RuleError], colour: bool, lang: sakip_core::Lang) -> String {
    problem::human(errors.iter().map(|e| e as &dyn Problem), colour, lang)
}

/// One line per error, `file:line:col: severity[code]: message`.
pub fn short(errors: &[RuleError], lang: sakip_core::Lang) -> String {
    errors.iter().map(|e| problem::short(e, lang) + "\n").collect()
}

/// The errors in the one JSON shape of problems.
pub fn json(errors: &[RuleError]) -> serde_json::Value {
    serde_json::Value::Array(
        errors
            .iter()
            .filter_map(|e| serde_json::to_value(problem::json(e)).ok())
            .collect(),
    )
}

/// A figure as the answers of `whatif` and `why` print it: the plain
/// decimal, or `-` when there is none.
pub fn figure(d: Option<sakip_core::Decimal>) -> String {
    d.map(sakip_core::pembulatan::plain).unwrap_or_else(|| "-".into())
}

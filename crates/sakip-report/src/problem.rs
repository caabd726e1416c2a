//! Problems as people and machines read them, whatever stage found them (a
//! rule file's syntax, the evaluation, a long table's row, a spreadsheet's
//! cell): [`human`] with miette (the place, the line with a caret under the
//! words at fault, the help), [`short`] on one line for editors and CI logs,
//! [`json`] as the one JSON shape. `sakip check --format json`, the
//! `diagnostics` of `eval --format json` and the failures of a rollup all
//! serialise through [`json`], so a CI script reads them the same way.

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};
use sakip_core::{Lang, Problem, Severity};
use std::fmt;

/// The JSON object of one problem (the contract's, in the core).
pub use sakip_core::contract::ProblemJson;

/// The JSON object of one problem.
pub fn json(p: &dyn Problem) -> ProblemJson<'_> {
    sakip_core::contract::problem(p)
}

/// `file:line:col: severity[code]: message`, for editors and CI logs: the
/// severity and code as machines match them, the message in `lang`.
pub fn short(p: &dyn Problem, lang: Lang) -> String {
    let at = p.location().map(|o| format!("{o}: ")).unwrap_or_default();
    format!("{at}{}[{}]: {}", p.severity(), p.code(), p.message_in(lang))
}

/// [`short`], then the help on a line of its own: for problems that come
/// by the thousand (a long table's bad rows), where a report each would
/// bury the summary.
pub fn line(p: &dyn Problem, lang: Lang) -> String {
    match p.help_in(lang) {
        Some(h) => format!(
            "{}\n  {}: {h}",
            short(p, lang),
            sakip_core::i18n::say(lang, "help-label")
        ),
        None => short(p, lang),
    }
}

/// The problems as people read them, separated by blank lines: miette's
/// report of each (in colour when asked), the file named when the problem is
/// about a whole file.
pub fn human<'a>(problems: impl IntoIterator<Item = &'a dyn Problem>, colour: bool, lang: Lang) -> String {
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_context_lines(1);
    let mut out = String::new();
    for p in problems {
        let shown = Shown::new(p, lang);
        let mut one = String::new();
        if handler.render_report(&mut one, &shown).is_err() || one.is_empty() {
            one = format!("{}\n", short(p, lang));
        }
        // A problem with no line to show names its place in front.
        if shown.source.is_none() {
            if let Some(at) = p.location() {
                one = format!("{at}: {}", one.trim_start());
            }
        }
        out.push_str(&one);
        out.push('\n');
    }
    out
}

/// A problem dressed for miette: the file's text to show the line from
/// (copied, as miette wants it owned; only a problem being shown pays).
struct Shown<'a> {
    problem: &'a dyn Problem,
    source: Option<NamedSource<String>>,
    /// The message, the help and the label in the reader's language.
    message: String,
    help: Option<String>,
    label: Option<String>,
}

impl<'a> Shown<'a> {
    /// Dresses `problem`, copying its file's text when it has a span.
    fn new(problem: &'a dyn Problem, lang: Lang) -> Self {
        let source = problem.snippet().map(|s| NamedSource::new(s.name, s.text.to_string()));
        Self {
            problem,
            source,
            message: problem.message_in(lang),
            help: problem.help_in(lang),
            label: problem.label_text().map(|t| t.render(lang)),
        }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&short(self.problem, Lang::En))
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    /// The code, on miette's first line.
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.problem.code()))
    }

    /// Error, warning, or advice for an info.
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.problem.severity() {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    /// How to fix it.
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    /// The file's text, when the problem has a span.
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    /// The caret under the words at fault, with its label.
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let s = self.problem.snippet()?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            self.label.clone(),
            s.start,
            s.len,
        ))))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use sakip_core::model::Origin;
    use sakip_core::{Code, Diagnostic};

    #[test]
    fn one_shape_with_and_without_a_place() {
        let d = Diagnostic::new(Code::BandMissing, "capaian 130 falls in no band")
            .indicator("ss1")
            .at(Some(&Origin::new("data.sakip", 4, 7)));
        let v = serde_json::to_value(json(&d)).unwrap();
        assert_eq!(v["code"], "band-missing");
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["location"], "data.sakip:4:7");
        assert_eq!((v["line"].as_u64(), v["col"].as_u64()), (Some(4), Some(7)));
        assert_eq!(
            short(&d, Lang::En),
            "data.sakip:4:7: warning[band-missing]: capaian 130 falls in no band"
        );
        let bare = Diagnostic::new(Code::PaguZero, "spending against a pagu of 0");
        let v = serde_json::to_value(json(&bare)).unwrap();
        assert!(v["location"].is_null() && v["file"].is_null() && v["line"] == 0);
        assert_eq!(short(&bare, Lang::En), "error[pagu-zero]: spending against a pagu of 0");
    }
}

//! From text to [`crate::ast::File`]: pest does the recognising; [`build`]
//! makes the tree of pest's pairs, [`syntax_error`] turns pest's errors into
//! messages a policy officer can act on (what was expected, and the usual
//! fix), and [`recover`] keeps what parses of a file being typed.

mod build;
mod recover;
mod syntax_error;

pub(crate) use recover::item_at;
pub use recover::{parse_tolerant, recover, Recovered};

use crate::ast::File;
use crate::error::RuleError;
use crate::source::{FileId, SourceMap};
use pest::Parser as _;
use sakip_core::{Code, Text};

/// The pest parser generated from `rules.pest`.
#[derive(pest_derive::Parser)]
#[grammar = "rules.pest"]
struct RulesParser;

/// Parses one file of `sources`.
pub fn parse(sources: &SourceMap, file: FileId) -> Result<File, Box<RuleError>> {
    let Some(src) = sources.get(file) else {
        return Err(Box::new(RuleError::path_says(
            "?",
            Code::InternalError,
            Text::new("internal-error"),
        )));
    };
    let text = src.source();
    crate::limits::check(sources, file, text)?;
    parse_text(sources, file, text)
}

/// Parses `text`, the contents (or a recovered version) of `file`.
pub(crate) fn parse_text(sources: &SourceMap, file: FileId, text: &str) -> Result<File, Box<RuleError>> {
    let mut pairs = RulesParser::parse(Rule::file, text)
        .map_err(|e| Box::new(syntax_error::syntax_error(sources, file, text, &e)))?;
    let b = build::Builder { sources, file };
    let Some(root) = pairs.next() else {
        return Ok(File { items: Vec::new() });
    };
    let mut items = Vec::new();
    for pair in root.into_inner() {
        if pair.as_rule() == Rule::EOI {
            continue;
        }
        items.push(b.item(pair)?);
    }
    Ok(File { items })
}

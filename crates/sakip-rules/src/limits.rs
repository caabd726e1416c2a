//! Bounds that keep every later stage safe on hostile input.
//!
//! The parser, the type checker, the evaluator and the printer all recurse
//! over formulas. Real formulas nest two or three levels; a file with
//! thousands of nested parentheses would exhaust the stack, which is an
//! abort, not an error. This pre-scan rejects such files first, with a
//! position, before pest sees them.

use crate::error::RuleError;
use crate::source::{FileId, SourceMap, Span};
use sakip_core::{Code, Text};

/// The deepest nesting of `(` and `{`.
pub const MAX_NESTING: usize = 32;
/// The most prefix operators (`-`, `tidak`) in a row, and `jika` in one formula.
pub const MAX_CHAIN: usize = 32;
/// The most operators in one formula.
pub const MAX_OPERATORS: usize = 256;
/// The largest rule file, in bytes (the national rules are about 8 KB).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Checks `text` against the limits before it is parsed: a `too-deep`
/// error at the first place that exceeds one, so that no later stage
/// (pest's recursion, the formula evaluator) can overflow its stack.
pub fn check(sources: &SourceMap, file: FileId, text: &str) -> Result<(), Box<RuleError>> {
    let err = |at: usize, len: usize, message: Text, help: &'static str| {
        Box::new(
            RuleError::at_says(sources, Span::new(file, at, at + len), Code::TooDeep, message)
                .label_says(Text::new("syntax-here"))
                .help_says(Text::new(help)),
        )
    };
    if text.len() > MAX_FILE_BYTES {
        return Err(err(
            0,
            0,
            Text::new("limit-file").arg("mib", MAX_FILE_BYTES / (1024 * 1024)),
            "limit-file-help",
        ));
    }
    let mut depth = 0usize;
    let mut prefix_run = 0usize;
    let mut jika = 0usize;
    let mut operators = 0usize;
    // Operators are counted inside a formula only: the `=` of a target or of
    // a realisasi entry is none, and counted they made a file of 257 target
    // lines (a national file not much larger than today's) too deep.
    let mut in_formula = false;
    let mut word_start: Option<usize> = None;
    // Code bytes only: strings and comments cannot nest or count.
    let code = crate::scan::pieces(text).map(|p| match p {
        crate::scan::Piece::Code(i, b) => (i, b),
        // A string or comment ends a word like a space would.
        crate::scan::Piece::Str { start, .. } | crate::scan::Piece::Comment { start, .. } => (start, b' '),
    });
    for (i, b) in code.chain(std::iter::once((text.len(), b' '))) {
        if b.is_ascii_alphanumeric() || b == b'_' {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            let word = text.get(start..i).unwrap_or("");
            match word {
                "rumus" => {
                    jika = 0;
                    operators = 0;
                    prefix_run = 0;
                    in_formula = true;
                }
                // A keyword no formula holds ends the formula before it: it
                // could not be part of a formula that parses.
                w if crate::lexicon::is_keyword(w) && !crate::lexicon::in_formula(w) => {
                    in_formula = false;
                    prefix_run = 0;
                }
                "tidak" => {
                    prefix_run += 1;
                    if prefix_run > MAX_CHAIN {
                        let msg = Text::new("limit-tidak").arg("max", MAX_CHAIN);
                        return Err(err(start, word.len(), msg, "limit-tidak-help"));
                    }
                }
                "jika" => {
                    jika += 1;
                    prefix_run = 0;
                    if jika > MAX_CHAIN {
                        let msg = Text::new("limit-jika").arg("max", MAX_CHAIN);
                        return Err(err(start, word.len(), msg, "limit-split-help"));
                    }
                }
                _ => prefix_run = 0,
            }
        }
        match b {
            b'(' | b'{' => {
                if b == b'{' {
                    in_formula = false;
                }
                depth += 1;
                prefix_run = 0;
                if depth > MAX_NESTING {
                    let msg = Text::new("limit-nesting").arg("max", MAX_NESTING);
                    return Err(err(i, 1, msg, "limit-nesting-help"));
                }
            }
            b')' | b'}' => {
                if b == b'}' {
                    in_formula = false;
                }
                depth = depth.saturating_sub(1);
                prefix_run = 0;
            }
            b'-' | b'+' | b'*' | b'/' | b'<' | b'>' | b'=' | b'!' => {
                if in_formula {
                    operators += 1;
                }
                if b == b'-' {
                    prefix_run += 1;
                    if prefix_run > MAX_CHAIN {
                        return Err(err(
                            i,
                            1,
                            Text::new("limit-signs").arg("max", MAX_CHAIN),
                            "limit-signs-help",
                        ));
                    }
                }
                if operators > MAX_OPERATORS {
                    let msg = Text::new("limit-operators").arg("max", MAX_OPERATORS);
                    return Err(err(i, 1, msg, "limit-split-help"));
                }
            }
            c if c.is_ascii_whitespace() => {}
            _ => prefix_run = 0,
        }
    }
    Ok(())
}

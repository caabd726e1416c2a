//! Bounds that keep every later stage safe on hostile input.
//!
//! The parser, the type checker, the evaluator and the printer all recurse
//! over formulas. Real formulas nest two or three levels; a file with
//! thousands of nested parentheses would exhaust the stack, which is an
//! abort, not an error. This pre-scan rejects such files first, with a
//! position, before pest sees them.

use crate::error::RuleError;
use crate::source::{FileId, SourceMap, Span};
use sakip_core::Code;

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
    let err = |at: usize, len: usize, message: String, help: &str| {
        Box::new(
            RuleError::at(sources, Span::new(file, at, at + len), Code::TooDeep, message)
                .label("here")
                .help(help.to_string()),
        )
    };
    if text.len() > MAX_FILE_BYTES {
        return Err(err(
            0,
            0,
            format!("the file is larger than {} MiB", MAX_FILE_BYTES / (1024 * 1024)),
            "split the rules over several files",
        ));
    }
    let mut depth = 0usize;
    let mut prefix_run = 0usize;
    let mut jika = 0usize;
    let mut operators = 0usize;
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
                }
                "tidak" => {
                    prefix_run += 1;
                    if prefix_run > MAX_CHAIN {
                        let msg = format!("more than {MAX_CHAIN} `tidak` in a row");
                        return Err(err(start, word.len(), msg, "remove the repeated `tidak`"));
                    }
                }
                "jika" => {
                    jika += 1;
                    prefix_run = 0;
                    if jika > MAX_CHAIN {
                        let msg = format!("a formula with more than {MAX_CHAIN} `jika`");
                        return Err(err(start, word.len(), msg, "split the formula over several indikator"));
                    }
                }
                _ => prefix_run = 0,
            }
        }
        match b {
            b'(' | b'{' => {
                depth += 1;
                prefix_run = 0;
                if depth > MAX_NESTING {
                    let msg = format!("more than {MAX_NESTING} levels of nesting");
                    let help = "write the formula in simpler steps: a `rumus realisasi` on another indikator can hold part of it";
                    return Err(err(i, 1, msg, help));
                }
            }
            b')' | b'}' => {
                depth = depth.saturating_sub(1);
                prefix_run = 0;
            }
            b'-' | b'+' | b'*' | b'/' | b'<' | b'>' | b'=' | b'!' => {
                operators += 1;
                if b == b'-' {
                    prefix_run += 1;
                    if prefix_run > MAX_CHAIN {
                        return Err(err(
                            i,
                            1,
                            format!("more than {MAX_CHAIN} signs in a row"),
                            "remove the repeated `-`",
                        ));
                    }
                }
                if operators > MAX_OPERATORS {
                    let msg = format!("a formula with more than {MAX_OPERATORS} operators");
                    return Err(err(i, 1, msg, "split the formula over several indikator"));
                }
            }
            c if c.is_ascii_whitespace() => {}
            _ => prefix_run = 0,
        }
    }
    Ok(())
}

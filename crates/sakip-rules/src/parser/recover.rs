//! Recovery for an editor: a syntax error costs the smallest part that
//! lets the rest of the file parse (a line, the indikator around it, the
//! top-level item), so the outline, hover and completion keep working
//! while the person types.

use super::parse_text;
use crate::ast::File;
use crate::error::RuleError;
use crate::source::{FileId, SourceMap};

/// The most items one file gives up to its errors before the rest is
/// given up too: an editor's text mid-typing has one or two.
const MAX_RECOVERIES: usize = 32;

/// How many trial parses recovery may spend looking for parts smaller than
/// an item (up to three per error): a file of many mistakes costs at most
/// this many parses more than per-item recovery did.
const MAX_TRIALS: usize = 24;

/// Parses one file of `sources` as an editor needs it while the person
/// types: a syntax error costs the smallest part that lets the rest parse
/// (a line of a block, else the indikator around it, else the top-level
/// item: a sasaran, a block, a line of the header). What is before and
/// after it is in the tree, and every error is returned.
///
/// Recovery works on the text: the part at fault is blanked (its bytes
/// become spaces, its line breaks stay), so every later position is the
/// same as in the file, and the file is parsed again. An error at the very
/// start of an item (a `}` missing above it) blames the item before.
pub fn parse_tolerant(sources: &SourceMap, file: FileId) -> (File, Vec<RuleError>) {
    let recovered = recover(sources, file);
    (recovered.file, recovered.errors)
}

/// What [`recover`] gives: the tree, the errors, and the byte ranges of
/// the items given up (in the order they were).
pub struct Recovered {
    pub file: File,
    pub errors: Vec<RuleError>,
    pub given_up: Vec<(usize, usize)>,
}

/// [`parse_tolerant`], telling also which items were given up: the
/// formatter leaves them as written.
pub fn recover(sources: &SourceMap, file: FileId) -> Recovered {
    let empty = || File { items: Vec::new() };
    let Some(src) = sources.get(file) else {
        return Recovered {
            file: empty(),
            errors: Vec::new(),
            given_up: Vec::new(),
        };
    };
    let text = src.source();
    if let Err(e) = crate::limits::check(sources, file, text) {
        return Recovered {
            file: empty(),
            errors: vec![*e],
            given_up: vec![(0, text.len())],
        };
    }
    let mut working = text.to_string();
    let mut errors = Vec::new();
    let mut given_up = Vec::new();
    let mut trials = 0;
    let mut closed = false;
    for _ in 0..=MAX_RECOVERIES {
        match parse_text(sources, file, &working) {
            Ok(tree) => {
                // A later item given up may hold an earlier one: merged.
                given_up.sort_unstable();
                let mut merged: Vec<(usize, usize)> = Vec::new();
                for (start, end) in given_up {
                    match merged.last_mut() {
                        Some(last) if start <= last.1 => last.1 = last.1.max(end),
                        _ => merged.push((start, end)),
                    }
                }
                return Recovered {
                    file: tree,
                    errors,
                    given_up: merged,
                };
            }
            Err(e) => {
                let at = e.span.map(|s| s.start).unwrap_or(0);
                errors.push(*e);
                // A block still open at the end of the file (someone is
                // typing it): closed with as many braces as are open, after
                // the text, so that it parses and every position stays.
                if !closed && at >= working.trim_end().len() {
                    let open = open_braces(&working);
                    if open > 0 {
                        closed = true;
                        working.push('\n');
                        working.push_str(&"}\n".repeat(open));
                        continue;
                    }
                }
                // The smallest part whose loss lets the parse go on: a line
                // of a block, an indikator, else the whole top-level item.
                // Each smaller part is tried with a parse of its own; past a
                // budget of them (a file of many mistakes), whole items only.
                let smaller = if trials < MAX_TRIALS {
                    trials += 3;
                    smaller_part(sources, file, &working, at)
                } else {
                    None
                };
                let range = smaller.or_else(|| item_at(&working, at));
                match range {
                    Some((start, end)) => {
                        blank(&mut working, start, end);
                        given_up.push((start, end));
                    }
                    None => break,
                }
            }
        }
    }
    Recovered {
        file: empty(),
        errors,
        given_up: vec![(0, text.len())],
    }
}

/// A part smaller than a top-level item to give up for the error at `at`:
/// one line (the one the error is on, or the one before it: a line left
/// unfinished is blamed at the next line's first word), or the `indikator`
/// block around it. A part is taken when, without it, the text parses or
/// fails only past the line after the part: giving up a good line to move
/// the error one line on would eat a block line by line. A line holding a
/// brace is never given up alone (the blocks must stay balanced).
fn smaller_part(sources: &SourceMap, file: FileId, text: &str, at: usize) -> Option<(usize, usize)> {
    let line_of = |offset: usize| -> (usize, usize) {
        let start = text.get(..offset).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let end = text
            .get(offset..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| offset + i);
        (start, end)
    };
    let here = line_of(at.min(text.len()));
    let mut candidates = vec![here];
    // The line before, skipping blank lines and comments.
    let mut before = here.0;
    while before > 0 {
        let prev = line_of(before - 1);
        let content = text.get(prev.0..prev.1).unwrap_or("").trim();
        if !content.is_empty() && !content.starts_with("//") {
            candidates.push(prev);
            break;
        }
        before = prev.0;
    }
    for (start, end) in candidates {
        let line = text.get(start..end).unwrap_or("");
        let first = line.trim_start();
        // A line of a block is indented; one at column 0 starts an item.
        if first.is_empty() || first.len() == line.len() || line.contains(['{', '}']) {
            continue;
        }
        if gives_way(sources, file, text, start, end) {
            return Some((start, end));
        }
    }
    // An indikator is given up only when that lets the rest of its item
    // parse: its sasaran's closing brace must still close it.
    let block = indikator_around(text, at)?;
    let item_end = item_at(text, at).map_or(text.len(), |(_, end)| end);
    let mut trial = text.to_string();
    blank(&mut trial, block.0, block.1);
    match parse_text(sources, file, &trial) {
        Ok(_) => Some(block),
        Err(e) => (e.span.map(|s| s.start).unwrap_or(0) >= item_end).then_some(block),
    }
}

/// How many braces are open at the end of `text`, outside strings and
/// comments.
fn open_braces(text: &str) -> usize {
    crate::lexicon::braces(text).iter().fold(
        0usize,
        |depth, (_, b)| {
            if *b == b'{' {
                depth + 1
            } else {
                depth.saturating_sub(1)
            }
        },
    )
}

/// Whether, with `start..end` blanked, `text` parses, or fails only past
/// the line after `end`.
fn gives_way(sources: &SourceMap, file: FileId, text: &str, start: usize, end: usize) -> bool {
    let mut trial = text.to_string();
    blank(&mut trial, start, end);
    let next_line_end = trial
        .get(end..)
        .and_then(|t| t.get(1..))
        .and_then(|t| t.find('\n'))
        .map_or(trial.len(), |i| end + 1 + i);
    match parse_text(sources, file, &trial) {
        Ok(_) => true,
        Err(e) => e.span.map(|s| s.start).unwrap_or(0) > next_line_end,
    }
}

/// The lines of the `indikator` block around `at` (from its `indikator`
/// line to its closing brace's line), when there is one; braces inside
/// strings and comments do not count.
fn indikator_around(text: &str, at: usize) -> Option<(usize, usize)> {
    // The nearest `indikator` line at or before the error.
    let head = text.get(..at.min(text.len()))?.rfind("\n  indikator ").map(|i| i + 1)?;
    let open = head + text.get(head..)?.find('{')?;
    let mut depth = 0usize;
    for (i, b) in crate::lexicon::braces(text).into_iter().filter(|(i, _)| *i >= open) {
        if b == b'{' {
            depth += 1;
            continue;
        }
        depth = depth.saturating_sub(1);
        if depth == 0 {
            if i < at {
                return None;
            }
            let end = text.get(i..).and_then(|t| t.find('\n')).map_or(text.len(), |n| i + n);
            return Some((head, end));
        }
    }
    None
}

/// The byte range of the top-level item around `at`: from the line that
/// starts it (a line whose first character, at column 0, is a letter) to
/// the line that starts the next one. `None` when there is nothing left to
/// give up.
pub(crate) fn item_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|s| {
            text.get(*s..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphabetic)
        })
        .collect();
    // The item the error is in: the last start at or before it; an error
    // right at an item's first word blames the one before (its `}`).
    let mut index = starts.iter().rposition(|s| *s <= at)?;
    if starts.get(index) == Some(&at) && index > 0 {
        index -= 1;
    }
    let start = *starts.get(index)?;
    let end = starts.get(index + 1).copied().unwrap_or(text.len());
    (end > start).then_some((start, end))
}

/// `text` with `start..end` made spaces, its line breaks kept, and as
/// many bytes as before (a multi-byte character becomes that many spaces).
fn blank(text: &mut String, start: usize, end: usize) {
    let Some(part) = text.get(start..end) else { return };
    let spaces: String = part
        .chars()
        .flat_map(|c| {
            let (with, n) = if c == '\n' { ('\n', 1) } else { (' ', c.len_utf8()) };
            std::iter::repeat_n(with, n)
        })
        .collect();
    text.replace_range(start..end, &spaces);
}

//! From text to [`ast::File`]: pest does the recognising, this module builds
//! the tree and turns pest's errors into messages a policy officer can act
//! on (what was expected, and the usual fix).

use crate::ast::*;
use crate::error::{did_you_mean, RuleError};
use crate::source::{FileId, SourceMap, Span, Spanned};
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use pest::Parser as _;
use rust_decimal::Decimal;
use sakip_core::agregasi::Agregasi;
use sakip_core::formula::{BinOp, Field};
use sakip_core::model::{Tier, TingkatAturan};
use sakip_core::pembulatan::RoundingMode;
use sakip_core::periode::{JenisPeriode, Periode};
use sakip_core::{Code, Text};
use std::str::FromStr;
use std::sync::OnceLock;

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

/// Parses `text`, the contents (or a recovered version) of `file`.
fn parse_text(sources: &SourceMap, file: FileId, text: &str) -> Result<File, Box<RuleError>> {
    let mut pairs =
        RulesParser::parse(Rule::file, text).map_err(|e| Box::new(syntax_error(sources, file, text, &e)))?;
    let b = Builder { sources, file };
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

/// A step of the syntax tree's construction.
type Result<T, E = Box<RuleError>> = std::result::Result<T, E>;

/// Builds the syntax tree of one file from pest's pairs, with spans.
struct Builder<'s> {
    sources: &'s SourceMap,
    file: FileId,
}

/// The children of a pair, consumed in grammar order.
struct Children<'i> {
    inner: std::iter::Peekable<pest::iterators::Pairs<'i, Rule>>,
}

impl<'i> Children<'i> {
    /// The children of `pair`.
    fn of(pair: Pair<'i, Rule>) -> Self {
        Self {
            inner: pair.into_inner().peekable(),
        }
    }

    /// The next child, comments and whitespace aside.
    fn next(&mut self) -> Option<Pair<'i, Rule>> {
        self.inner.next()
    }

    /// Skips punctuation and keywords up to the next child that carries meaning.
    fn skip_marks(&mut self) {
        while let Some(p) = self.inner.peek() {
            if is_mark(p.as_rule()) {
                self.inner.next();
            } else {
                break;
            }
        }
    }

    /// The next child that carries meaning (a value, not a keyword).
    fn meaningful(&mut self) -> Option<Pair<'i, Rule>> {
        self.skip_marks();
        self.inner.next()
    }
}

/// Punctuation and keywords: what `meaningful` steps over. Keywords whose
/// choice matters are read through their wrapper rules (`tier`,
/// `rumus_objek`, ...) or with `next`, never through `meaningful`.
fn is_mark(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::eq | Rule::lbrace | Rule::rbrace | Rule::lparen | Rule::rparen | Rule::comma | Rule::dot
    ) || is_keyword_rule(rule)
}

/// Whether `rule` is a `kw_*` rule: decided once per rule for the process
/// (it is asked for every token of every file).
fn is_keyword_rule(rule: Rule) -> bool {
    /// The grammar's keyword rules, found once.
    static KEYWORDS: std::sync::OnceLock<std::collections::HashSet<Rule>> = std::sync::OnceLock::new();
    KEYWORDS
        .get_or_init(|| {
            Rule::all_rules()
                .iter()
                .copied()
                .filter(|r| rule_name(*r).starts_with("kw_"))
                .collect()
        })
        .contains(&rule)
}

/// A grammar rule as the words a policy officer reads in "expected ...".
fn rule_name(rule: Rule) -> String {
    format!("{rule:?}")
}

/// The keyword a `kw_*` rule matches (`kw_sama_dengan` -> `sama_dengan`).
fn keyword_of(rule: Rule) -> Option<String> {
    rule_name(rule).strip_prefix("kw_").map(str::to_string)
}

/// Operator precedence of formulas, built once: `atau` < `dan` <
/// comparisons < `+ -` < `* /`.
fn pratt() -> &'static PrattParser<Rule> {
    /// Built once for the process.
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::kw_atau, Assoc::Left))
            .op(Op::infix(Rule::kw_dan, Assoc::Left))
            .op(Op::infix(Rule::op_lt, Assoc::Left)
                | Op::infix(Rule::op_le, Assoc::Left)
                | Op::infix(Rule::op_gt, Assoc::Left)
                | Op::infix(Rule::op_ge, Assoc::Left)
                | Op::infix(Rule::op_eq, Assoc::Left)
                | Op::infix(Rule::op_ne, Assoc::Left))
            .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
            .op(Op::infix(Rule::op_mul, Assoc::Left) | Op::infix(Rule::op_div, Assoc::Left))
            .op(Op::prefix(Rule::neg) | Op::prefix(Rule::kw_tidak))
    })
}

impl Builder<'_> {
    /// The span of a pest pair in this file.
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    /// An error at `pair` whose message is in the catalogue.
    fn error_says(&self, pair: &Pair<'_, Rule>, code: Code, text: Text) -> Box<RuleError> {
        Box::new(RuleError::at_says(self.sources, self.span(pair), code, text))
    }

    /// A part the grammar guarantees was not there: sakip's bug, reported
    /// rather than a panic.
    fn missing(&self, what: &str) -> Box<RuleError> {
        Box::new(RuleError::path_says(
            self.sources.get(self.file).map(|f| f.name.as_str()).unwrap_or("?"),
            Code::InternalError,
            Text::new("internal-error-2").arg("what", what),
        ))
    }

    /// The next child, which the grammar guarantees.
    fn need<'i>(&self, c: &mut Children<'i>, what: &str) -> Result<Pair<'i, Rule>> {
        c.meaningful().ok_or_else(|| self.missing(what))
    }

    /// One top-level declaration.
    fn item(&self, pair: Pair<'_, Rule>) -> Result<Item> {
        let span = self.span(&pair);
        Ok(match pair.as_rule() {
            Rule::header => {
                let mut c = Children::of(pair);
                let first = c.next().ok_or_else(|| self.missing("a header keyword"))?;
                let tingkat = if first.as_rule() == Rule::kw_satker {
                    TingkatAturan::Satker
                } else {
                    let t = self.need(&mut c, "a tingkat")?;
                    match t.into_inner().next().map(|p| p.as_rule()) {
                        Some(Rule::kw_kanwil) => TingkatAturan::Kanwil,
                        _ => TingkatAturan::Nasional,
                    }
                };
                let id = self.ident(self.need(&mut c, "an id")?);
                let name = self.string(self.need(&mut c, "a name")?);
                Item::Header(Header {
                    tingkat,
                    id,
                    name,
                    span,
                })
            }
            Rule::berdasarkan => Item::Berdasarkan(self.only_string(pair)?),
            Rule::skrip => {
                let mut c = Children::of(pair);
                let path = self.string(self.need(&mut c, "a script path")?);
                let from_year = self.mulai(&mut c)?;
                Item::Skrip(Skrip { path, from_year, span })
            }
            Rule::renstra => {
                let mut years = pair.into_inner().filter(|p| p.as_rule() == Rule::year);
                let start = self.year(years.next().ok_or_else(|| self.missing("a first year"))?)?;
                let end = self.year(years.next().ok_or_else(|| self.missing("a last year"))?)?;
                if end.node < start.node {
                    return Err(Box::new(
                        RuleError::at_says(self.sources, span, Code::RenstraOrder, Text::new("renstra-order"))
                            .help_says(
                                Text::new("renstra-order-help")
                                    .arg("start", end.node)
                                    .arg("end", start.node),
                            ),
                    ));
                }
                Item::Renstra(Renstra { start, end, span })
            }
            Rule::dasar => Item::Dasar(self.only_string(pair)?),
            Rule::pembulatan => {
                let mut c = Children::of(pair);
                let objek = match self
                    .need(&mut c, "a rounding object")?
                    .into_inner()
                    .next()
                    .map(|p| p.as_rule())
                {
                    Some(Rule::kw_anggaran) => PembulatanObjek::Anggaran,
                    Some(Rule::kw_nilai) => PembulatanObjek::Nilai,
                    _ => PembulatanObjek::Capaian,
                };
                let mode = match self
                    .need(&mut c, "a rounding mode")?
                    .into_inner()
                    .next()
                    .map(|p| p.as_rule())
                {
                    Some(Rule::kw_bulat) => RoundingMode::HalfUp,
                    _ => RoundingMode::Truncate,
                };
                let n = self.need(&mut c, "a number of decimals")?;
                let decimals = n
                    .as_str()
                    .parse::<u32>()
                    .map_err(|_| self.error_says(&n, Code::Syntax, Text::new("syntax").arg("value", n.as_str())))?;
                let from_year = self.mulai(&mut c)?;
                Item::Pembulatan(Pembulatan {
                    objek,
                    mode,
                    decimals: Spanned::new(decimals, self.span(&n)),
                    from_year,
                    span,
                })
            }
            Rule::konversi => {
                let mut c = Children::of(pair);
                let value = self.number(self.need(&mut c, "a number")?)?;
                let from_year = self.mulai(&mut c)?;
                Item::Konversi(Konversi { value, from_year, span })
            }
            Rule::klasifikasi => {
                let mut bands = Vec::new();
                let mut from_year = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::band => bands.push(self.band(p)?),
                        Rule::mulai => from_year = self.mulai_year(p)?,
                        _ => {}
                    }
                }
                Item::Klasifikasi(Klasifikasi { bands, from_year, span })
            }
            Rule::sasaran => Item::Sasaran(self.sasaran(pair)?),
            Rule::perjanjian => Item::Perjanjian(self.perjanjian(pair)?),
            Rule::realisasi_block => Item::Realisasi(self.realisasi_block(pair)?),
            Rule::anggaran_block => Item::Anggaran(self.anggaran_block(pair)?),
            Rule::uji => Item::Uji(self.uji(pair)?),
            other => return Err(self.missing(&format!("an item, not {other:?}"))),
        })
    }

    /// An optional `mulai <tahun>` as the next child.
    fn mulai(&self, c: &mut Children<'_>) -> Result<Option<Spanned<u16>>> {
        match c.meaningful() {
            Some(p) if p.as_rule() == Rule::mulai => self.mulai_year(p),
            _ => Ok(None),
        }
    }

    /// The year of a `mulai <Y>` clause, when there is one.
    fn mulai_year(&self, pair: Pair<'_, Rule>) -> Result<Option<Spanned<u16>>> {
        let mut c = Children::of(pair);
        Ok(Some(self.year(self.need(&mut c, "a year")?)?))
    }

    /// The one string child of `pair`.
    fn only_string(&self, pair: Pair<'_, Rule>) -> Result<Spanned<String>> {
        let mut c = Children::of(pair);
        Ok(self.string(self.need(&mut c, "a string")?))
    }

    /// An id as written.
    fn ident(&self, pair: Pair<'_, Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_string(), self.span(&pair))
    }

    /// A quoted string, unescaped.
    fn string(&self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next().map(|p| p.as_str()).unwrap_or("");
        Spanned::new(inner.replace("\\\"", "\"").replace("\\\\", "\\"), span)
    }

    /// A plain number, exact; too many digits is `number-range`.
    fn number(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Decimal>> {
        let text = pair.as_str();
        let value = Decimal::from_str_exact(text).map_err(|_| {
            self.error_says(&pair, Code::NumberRange, Text::new("number-range").arg("text", text))
                .help_says(Text::new("number-range-help"))
        })?;
        Ok(Spanned::new(value, self.span(&pair)))
    }

    /// A year.
    fn year(&self, pair: Pair<'_, Rule>) -> Result<Spanned<u16>> {
        let text = pair.as_str();
        let year = text
            .parse::<u16>()
            .map_err(|_| self.error_says(&pair, Code::Syntax, Text::new("syntax-2").arg("text", text)))?;
        Ok(Spanned::new(year, self.span(&pair)))
    }

    /// A number with its unit word (`12 layanan`, `75%`).
    fn quantity(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Quantity>> {
        let span = self.span(&pair);
        let mut value = None;
        let mut unit = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::number => value = Some(self.number(p)?.node),
                Rule::percent => unit = Some("%".to_string()),
                Rule::unit_word => unit = Some(p.as_str().to_string()),
                _ => {}
            }
        }
        let value = value.ok_or_else(|| self.missing("a number"))?;
        Ok(Spanned::new(Quantity { value, unit }, span))
    }

    /// A sum in rupiah (`Rp 1.938.261.000`, `Rp. 1.000,50`), exact.
    fn money(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Decimal>> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next().ok_or_else(|| self.missing("an amount"))?;
        if inner.as_rule() == Rule::number {
            return self.number(inner);
        }
        // `Rp. 1.938.261.000,-` / `Rp 1.000,50`: dots group thousands, a comma starts decimals.
        let text = inner.as_str().trim_start_matches("Rp").trim_start_matches('.').trim();
        let (whole, frac) = match text.split_once(',') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let mut digits: String = whole.chars().filter(|c| c.is_ascii_digit()).collect();
        if !frac.is_empty() && frac != "-" {
            digits.push('.');
            digits.push_str(frac);
        }
        let value = Decimal::from_str(&digits).map_err(|_| {
            self.error_says(
                &inner,
                Code::NumberRange,
                Text::new("number-range-2").arg("text", inner.as_str()),
            )
        })?;
        Ok(Spanned::new(value, span))
    }

    /// One band of a klasifikasi; a range the wrong way round is `band-range`.
    fn band(&self, pair: Pair<'_, Rule>) -> Result<Band> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let range = self.need(&mut c, "a range")?;
        let mut lower = None;
        let mut upper = None;
        let mut op = None;
        for p in range.into_inner() {
            match p.as_rule() {
                Rule::number if op.is_none() => lower = Some(self.number(p)?),
                Rule::number => upper = Some(self.number(p)?),
                Rule::range_op => {
                    let kind = match p.as_str() {
                        "..=" => RangeOp::Inclusive,
                        "..<" => RangeOp::Exclusive,
                        _ => RangeOp::Open,
                    };
                    op = Some(Spanned::new(kind, self.span(&p)));
                }
                _ => {}
            }
        }
        let op = op.ok_or_else(|| self.missing("a range operator"))?;
        if op.node == RangeOp::Open && upper.is_some() {
            return Err(Box::new(
                RuleError::at_says(self.sources, op.span, Code::BandRange, Text::new("band-range-open"))
                    .label_says(Text::new("band-range-open-label"))
                    .help_says(Text::new("band-range-open-help")),
            ));
        }
        if op.node != RangeOp::Open && upper.is_none() {
            return Err(Box::new(
                RuleError::at_says(self.sources, op.span, Code::BandRange, Text::new("band-range-no-upper"))
                    .label_says(Text::new("band-range-no-upper-label"))
                    .help_says(Text::new("band-range-no-upper-help")),
            ));
        }
        let label = self.string(self.need(&mut c, "a label")?);
        let id = self.ident(self.need(&mut c, "a band id")?);
        let colour_pair = self.need(&mut c, "a colour")?;
        let colour = Spanned::new(
            colour_pair.as_str().trim_matches('"').to_string(),
            self.span(&colour_pair),
        );
        Ok(Band {
            lower,
            op,
            upper,
            label,
            id,
            colour,
            span,
        })
    }

    /// A sasaran with its indikator.
    fn sasaran(&self, pair: Pair<'_, Rule>) -> Result<Sasaran> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let code_pair = self.need(&mut c, "a sasaran code")?;
        let code = Spanned::new(code_pair.as_str().to_string(), self.span(&code_pair));
        let tier = match self.need(&mut c, "a tier")?.into_inner().next().map(|p| p.as_rule()) {
            Some(Rule::kw_program) => Tier::Program,
            Some(Rule::kw_kegiatan) => Tier::Kegiatan,
            Some(Rule::kw_output) => Tier::Output,
            _ => Tier::Strategis,
        };
        let name = self.string(self.need(&mut c, "a name")?);
        let mut dasar = Vec::new();
        let mut indikator = Vec::new();
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::indikator => indikator.push(self.indikator(p)?),
                _ => {}
            }
        }
        Ok(Sasaran {
            code,
            tier,
            name,
            dasar,
            indikator,
            span,
        })
    }

    /// An indikator with its lines and sub-indikator.
    fn indikator(&self, pair: Pair<'_, Rule>) -> Result<Indikator> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "an indikator id")?);
        let name = self.string(self.need(&mut c, "a name")?);
        let mut items = Vec::new();
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            let item = match p.as_rule() {
                Rule::satuan => {
                    let mut cc = Children::of(p);
                    let u = self.need(&mut cc, "a unit")?;
                    IndikatorItem::Satuan(Spanned::new(u.as_str().to_string(), self.span(&u)))
                }
                Rule::polaritas => {
                    let mut cc = Children::of(p);
                    let v = cc.next().ok_or_else(|| self.missing("a polaritas"))?;
                    let v = if v.as_rule() == Rule::kw_polaritas {
                        cc.next().ok_or_else(|| self.missing("a polaritas"))?
                    } else {
                        v
                    };
                    let node = match v.as_rule() {
                        Rule::kw_turun => PolaritasAst::Turun,
                        Rule::rentang => {
                            let mut nums = v.into_inner().filter(|x| x.as_rule() == Rule::number);
                            let lo = self.number(nums.next().ok_or_else(|| self.missing("a lower bound"))?)?;
                            let hi = self.number(nums.next().ok_or_else(|| self.missing("an upper bound"))?)?;
                            if lo.node > hi.node {
                                return Err(Box::new(
                                    RuleError::at_says(
                                        self.sources,
                                        pspan,
                                        Code::RentangOrder,
                                        Text::new("rentang-order"),
                                    )
                                    .help_says(
                                        Text::new("rentang-order-help").arg("low", hi.node).arg("high", lo.node),
                                    ),
                                ));
                            }
                            PolaritasAst::Rentang(lo.node, hi.node)
                        }
                        _ => PolaritasAst::Naik,
                    };
                    IndikatorItem::Polaritas(Spanned::new(node, pspan))
                }
                Rule::agregasi => {
                    let mut cc = Children::of(p);
                    let agg = self.need(&mut cc, "an aggregation")?;
                    let agregasi = agg_of(&agg).ok_or_else(|| self.missing("an aggregation"))?;
                    let jenis = cc.meaningful().and_then(|j| jenis_of(&j));
                    IndikatorItem::Agregasi {
                        agregasi,
                        jenis,
                        span: pspan,
                    }
                }
                Rule::target => {
                    let mut cc = Children::of(p);
                    let year = self.year(self.need(&mut cc, "a year")?)?;
                    let value = self.quantity(self.need(&mut cc, "a value")?)?;
                    let dasar = match cc.meaningful() {
                        Some(d) => Some(self.only_string(d)?),
                        None => None,
                    };
                    IndikatorItem::Target(TargetLine {
                        year,
                        value,
                        dasar,
                        span: pspan,
                    })
                }
                Rule::rumus => {
                    let mut cc = Children::of(p);
                    let objek = match self
                        .need(&mut cc, "what the formula computes")?
                        .into_inner()
                        .next()
                        .map(|x| x.as_rule())
                    {
                        Some(Rule::kw_capaian) => RumusObjek::Capaian,
                        _ => RumusObjek::Realisasi,
                    };
                    let mut from_year = None;
                    let mut expr = None;
                    while let Some(x) = cc.meaningful() {
                        match x.as_rule() {
                            Rule::year => from_year = Some(self.year(x)?),
                            Rule::expr => expr = Some(self.expr(x)?),
                            _ => {}
                        }
                    }
                    let expr = expr.ok_or_else(|| self.missing("a formula"))?;
                    IndikatorItem::Rumus(Rumus {
                        objek,
                        from_year,
                        expr,
                        span: pspan,
                    })
                }
                Rule::bobot => {
                    let mut cc = Children::of(p);
                    IndikatorItem::Bobot(self.number(self.need(&mut cc, "a weight")?)?)
                }
                Rule::dasar => IndikatorItem::Dasar(self.only_string(p)?),
                Rule::sama_dengan => {
                    let mut cc = Children::of(p);
                    IndikatorItem::SamaDengan(self.ident(self.need(&mut cc, "an indikator id")?))
                }
                Rule::indikator => IndikatorItem::Sub(self.indikator(p)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Indikator { id, name, items, span })
    }

    /// A perjanjian block.
    fn perjanjian(&self, pair: Pair<'_, Rule>) -> Result<Perjanjian> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let mut dasar = Vec::new();
        let mut targets = Vec::new();
        let mut anggaran = Vec::new();
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::pk_target => targets.push(self.pk_target(p)?),
                Rule::pk_anggaran => {
                    let mut cc = Children::of(p);
                    let name = self.string(self.need(&mut cc, "a programme name")?);
                    let amount = self.money(self.need(&mut cc, "an amount")?)?;
                    let mut kegiatan = Vec::new();
                    while let Some(k) = cc.meaningful() {
                        if k.as_rule() == Rule::pk_kegiatan {
                            let mut kc = Children::of(k);
                            let kname = self.string(self.need(&mut kc, "a kegiatan name")?);
                            let kamount = self.money(self.need(&mut kc, "an amount")?)?;
                            kegiatan.push((kname, kamount));
                        }
                    }
                    anggaran.push(PkAnggaran {
                        name,
                        amount,
                        kegiatan,
                        span: pspan,
                    });
                }
                _ => {}
            }
        }
        Ok(Perjanjian {
            year,
            dasar,
            targets,
            anggaran,
            span,
        })
    }

    /// A rule test.
    fn uji(&self, pair: Pair<'_, Rule>) -> Result<Uji> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let name = self.string(self.need(&mut c, "a name")?);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let (mut targets, mut entries, mut harap) = (Vec::new(), Vec::new(), Vec::new());
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::pk_target => targets.push(self.pk_target(p)?),
                Rule::realisasi_entry => entries.push(self.realisasi_entry(p)?),
                Rule::harap => {
                    let inner = Children::of(p)
                        .meaningful()
                        .ok_or_else(|| self.missing("an expectation"))?;
                    let h = if inner.as_rule() == Rule::harap_nilai {
                        let mut cc = Children::of(inner);
                        Harap::Nilai {
                            value: self.number(self.need(&mut cc, "a number")?)?,
                            span: pspan,
                        }
                    } else {
                        let mut cc = Children::of(inner);
                        let id = self.ident(self.need(&mut cc, "an indikator id")?);
                        let what = self.need(&mut cc, "capaian or realisasi")?;
                        let is_capaian = what.as_rule() == Rule::harap_capaian;
                        let mut w = Children::of(what);
                        let value = self.number(self.need(&mut w, "a number")?)?;
                        if is_capaian {
                            let band = w.meaningful().map(|b| self.string(b));
                            Harap::Capaian {
                                id,
                                value,
                                band,
                                span: pspan,
                            }
                        } else {
                            Harap::Realisasi { id, value, span: pspan }
                        }
                    };
                    harap.push(h);
                }
                _ => {}
            }
        }
        Ok(Uji {
            name,
            year,
            targets,
            entries,
            harap,
            span,
        })
    }

    /// `target <id> = <value | ?> [dasar "..."]`, in an agreement or a test.
    fn pk_target(&self, pair: Pair<'_, Rule>) -> Result<PkTarget> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "an indikator id")?);
        let v = self.need(&mut c, "a value")?;
        let value = if v.as_rule() == Rule::unfilled {
            Spanned::new(None, self.span(&v))
        } else {
            let q = self.quantity(v)?;
            Spanned::new(Some(q.node), q.span)
        };
        let dasar = match c.meaningful() {
            Some(d) => Some(self.only_string(d)?),
            None => None,
        };
        Ok(PkTarget { id, value, dasar, span })
    }

    /// A realisasi block.
    fn realisasi_block(&self, pair: Pair<'_, Rule>) -> Result<RealisasiBlock> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let mut dasar = Vec::new();
        let mut entries = Vec::new();
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::realisasi_entry => entries.push(self.realisasi_entry(p)?),
                _ => {}
            }
        }
        Ok(RealisasiBlock {
            year,
            dasar,
            entries,
            span,
        })
    }

    /// One realisasi: for the year or per period, with a printed capaian.
    fn realisasi_entry(&self, pair: Pair<'_, Rule>) -> Result<RealisasiEntry> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "an indikator id")?);
        let mut values = Vec::new();
        let mut dicetak = None;
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::quantity => {
                    let q = self.quantity(p)?;
                    values.push((Spanned::new(Periode::Tahun, id.span), q));
                }
                Rule::period_value => {
                    let mut cc = Children::of(p);
                    let per = self.need(&mut cc, "a period")?;
                    let periode = Periode::from_keyword(per.as_str()).ok_or_else(|| self.missing("a period"))?;
                    let pspan = self.span(&per);
                    let q = self.quantity(self.need(&mut cc, "a value")?)?;
                    values.push((Spanned::new(periode, pspan), q));
                }
                Rule::dicetak => {
                    let mut cc = Children::of(p);
                    dicetak = Some(self.quantity(self.need(&mut cc, "a printed value")?)?);
                }
                _ => {}
            }
        }
        Ok(RealisasiEntry {
            id,
            values,
            dicetak,
            span,
        })
    }

    /// An anggaran block of budget lines.
    fn anggaran_block(&self, pair: Pair<'_, Rule>) -> Result<AnggaranBlock> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let mut dasar = Vec::new();
        let mut lines = Vec::new();
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::belanja_line => {
                    let mut cc = Children::of(p);
                    let kind = match self
                        .need(&mut cc, "belanja or program")?
                        .into_inner()
                        .next()
                        .map(|x| x.as_rule())
                    {
                        Some(Rule::kw_program) => BelanjaKind::Program,
                        _ => BelanjaKind::Belanja,
                    };
                    let name = self.string(self.need(&mut cc, "a name")?);
                    let pagu = self.money(self.need(&mut cc, "a pagu")?)?;
                    let realisasi = self.money(self.need(&mut cc, "a realisasi")?)?;
                    let dicetak = match cc.meaningful() {
                        Some(d) => {
                            let mut dc = Children::of(d);
                            Some(self.quantity(self.need(&mut dc, "a printed value")?)?)
                        }
                        None => None,
                    };
                    lines.push(BelanjaLine {
                        kind,
                        name,
                        pagu,
                        realisasi,
                        dicetak,
                        span: pspan,
                    });
                }
                _ => {}
            }
        }
        Ok(AnggaranBlock {
            year,
            dasar,
            lines,
            span,
        })
    }

    /// A formula, by operator precedence.
    fn expr(&self, pair: Pair<'_, Rule>) -> Result<Expr> {
        pratt()
            .map_primary(|p| self.primary(p))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let span = Span::new(self.file, op.as_span().start(), rhs.span.end);
                let kind = if op.as_rule() == Rule::neg {
                    ExprKind::Neg(Box::new(rhs))
                } else {
                    ExprKind::Not(Box::new(rhs))
                };
                Ok(Expr { kind, span })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let op = match op.as_rule() {
                    Rule::op_add => BinOp::Add,
                    Rule::op_sub => BinOp::Sub,
                    Rule::op_mul => BinOp::Mul,
                    Rule::op_div => BinOp::Div,
                    Rule::op_lt => BinOp::Lt,
                    Rule::op_le => BinOp::Le,
                    Rule::op_gt => BinOp::Gt,
                    Rule::op_ge => BinOp::Ge,
                    Rule::op_eq => BinOp::Eq,
                    Rule::op_ne => BinOp::Ne,
                    Rule::kw_dan => BinOp::And,
                    _ => BinOp::Or,
                };
                let span = Span::new(self.file, lhs.span.start, rhs.span.end);
                Ok(Expr {
                    kind: ExprKind::Binary {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    },
                    span,
                })
            })
            .parse(pair.into_inner())
    }

    /// A formula's operand: a number, a figure, a call, a `jika`, a group.
    fn primary(&self, pair: Pair<'_, Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::number => ExprKind::Number(self.number(pair)?.node),
            Rule::own_field => match pair.into_inner().next().map(|p| p.as_rule()) {
                Some(Rule::kw_target) => ExprKind::Own(Field::Target),
                _ => ExprKind::Own(Field::Realisasi),
            },
            Rule::periode => {
                ExprKind::Period(Periode::from_keyword(pair.as_str()).ok_or_else(|| self.missing("a period"))?)
            }
            Rule::agg_call => {
                let mut c = Children::of(pair);
                let agg = self.need(&mut c, "an aggregation")?;
                let agregasi = agg_of(&agg).ok_or_else(|| self.missing("an aggregation"))?;
                let jenis = c
                    .meaningful()
                    .and_then(|j| jenis_of(&j))
                    .ok_or_else(|| self.missing("a period kind"))?;
                ExprKind::Aggregate(agregasi, jenis)
            }
            Rule::reference => {
                let mut c = Children::of(pair);
                let indicator = self.ident(self.need(&mut c, "an indikator id")?);
                let field = match c.meaningful().and_then(|f| f.into_inner().next()).map(|p| p.as_rule()) {
                    Some(Rule::kw_target) => Field::Target,
                    Some(Rule::kw_capaian) => Field::Capaian,
                    _ => Field::Realisasi,
                };
                ExprKind::Ref { indicator, field }
            }
            Rule::call => {
                let mut c = Children::of(pair);
                // The name may be the keyword `bulat` or `potong`, which
                // `meaningful` would step over: it is always the first child.
                let name = self.ident(c.next().ok_or_else(|| self.missing("a function name"))?);
                let mut args = Vec::new();
                while let Some(a) = c.meaningful() {
                    if a.as_rule() == Rule::expr {
                        args.push(self.expr(a)?);
                    }
                }
                ExprKind::Call { name, args }
            }
            Rule::if_expr => {
                let mut parts = pair.into_inner().filter(|p| p.as_rule() == Rule::expr);
                let mut next = || -> Result<Box<Expr>> {
                    Ok(Box::new(
                        self.expr(parts.next().ok_or_else(|| self.missing("a branch"))?)?,
                    ))
                };
                let (cond, then, otherwise) = (next()?, next()?, next()?);
                ExprKind::If { cond, then, otherwise }
            }
            Rule::expr => return self.expr(pair),
            Rule::paren => {
                let inner = pair
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::expr)
                    .ok_or_else(|| self.missing("a formula"))?;
                let mut e = self.expr(inner)?;
                // The parentheses belong to the sub-formula's span.
                e.span = span;
                return Ok(e);
            }
            other => return Err(self.missing(&format!("an operand, not {other:?}"))),
        };
        Ok(Expr { kind, span })
    }
}

/// The aggregation a keyword names (`jumlah`, `rata`, ...).
fn agg_of(pair: &Pair<'_, Rule>) -> Option<Agregasi> {
    let word = pair.as_str();
    Agregasi::from_keyword(word)
}

/// The kind of period a keyword names (`triwulan`, `semester`).
fn jenis_of(pair: &Pair<'_, Rule>) -> Option<JenisPeriode> {
    match pair.as_str() {
        "triwulan" => Some(JenisPeriode::Triwulan),
        "semester" => Some(JenisPeriode::Semester),
        _ => None,
    }
}

// ---- syntax errors ----------------------------------------------------------

/// What a rule is called in a message, or `None` for rules too internal to name.
/// What a grammar rule is called in "expected ...": a keyword in backticks
/// (the same in every language), or the catalogue id of a phrase.
fn display(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "syntax-end-of-file",
        Rule::header => "expect-header",
        Rule::berdasarkan => "`berdasarkan`",
        Rule::skrip => "`skrip`",
        Rule::renstra => "`renstra`",
        Rule::mulai => "`mulai <tahun>`",
        Rule::unfilled => "`?`",
        Rule::uji => "`uji`",
        Rule::harap => "`harap`",
        Rule::harap_indikator | Rule::harap_nilai => "expect-harap-indikator",
        Rule::dasar | Rule::kw_dasar => "`dasar`",
        Rule::pembulatan => "`pembulatan`",
        Rule::konversi => "`konversi efisiensi`",
        Rule::klasifikasi => "`klasifikasi`",
        Rule::sasaran => "`sasaran`",
        Rule::perjanjian => "`perjanjian`",
        Rule::realisasi_block => "`realisasi <tahun>`",
        Rule::anggaran_block => "`anggaran <tahun>`",
        Rule::tingkat => "expect-tingkat",
        Rule::pembulatan_objek => "expect-pembulatan-objek",
        Rule::pembulatan_cara => "expect-pembulatan-cara",
        Rule::kw_efisiensi => "`efisiensi`",
        Rule::band | Rule::range | Rule::range_op => "expect-band",
        Rule::colour | Rule::hex_colour | Rule::quoted_hex => "expect-colour",
        Rule::code => "expect-code",
        Rule::tier => "expect-tier",
        Rule::indikator | Rule::kw_indikator => "`indikator`",
        Rule::satuan => "`satuan`",
        Rule::polaritas => "`polaritas`",
        Rule::kw_naik | Rule::kw_turun | Rule::rentang => "expect-polaritas",
        Rule::agregasi => "`realisasi <jumlah|rata|terakhir|tertinggi|terendah>`",
        Rule::target | Rule::pk_target | Rule::kw_target => "`target`",
        Rule::rumus => "`rumus`",
        Rule::rumus_objek => "expect-rumus-objek",
        Rule::bobot => "`bobot`",
        Rule::sama_dengan => "`sama_dengan`",
        Rule::pk_anggaran | Rule::kw_anggaran => "`anggaran`",
        Rule::pk_kegiatan | Rule::kw_kegiatan => "`kegiatan`",
        Rule::realisasi_entry => "expect-realisasi-entry",
        Rule::period_value | Rule::periode => "expect-period-value",
        Rule::dicetak | Rule::kw_dicetak => "`dicetak`",
        Rule::belanja_line | Rule::belanja_kind => "expect-belanja-line",
        Rule::kw_pagu => "`pagu`",
        Rule::kw_realisasi => "`realisasi`",
        Rule::kw_mulai => "`mulai <tahun>`",
        Rule::expr | Rule::if_expr | Rule::agg_call | Rule::call | Rule::reference | Rule::own_field => "expect-expr",
        Rule::neg | Rule::kw_tidak => "expect-expr",
        Rule::op_add | Rule::op_sub | Rule::op_mul | Rule::op_div => "expect-operator",
        Rule::op_le | Rule::op_ge | Rule::op_lt | Rule::op_gt | Rule::op_eq | Rule::op_ne => "expect-operator",
        Rule::kw_dan | Rule::kw_atau => "expect-operator",
        Rule::kw_maka => "`maka`",
        Rule::kw_lain => "`lain`",
        Rule::field => "expect-field",
        Rule::quantity => "expect-quantity",
        Rule::unit | Rule::unit_word | Rule::satuan_word | Rule::percent => "expect-unit",
        Rule::money | Rule::rupiah => "expect-money",
        Rule::number => "expect-number",
        Rule::integer => "expect-integer",
        Rule::year => "expect-year",
        Rule::string => "expect-string",
        Rule::ident => "expect-ident",
        Rule::agg_fn => "expect-agg-fn",
        Rule::jenis_periode => "expect-jenis-periode",
        Rule::eq => "`=`",
        Rule::lbrace => "`{`",
        Rule::rbrace => "`}`",
        Rule::lparen => "`(`",
        Rule::rparen => "`)`",
        Rule::comma => "`,`",
        Rule::dot => "`.`",
        _ => return None,
    })
}

/// The words a declaration starts with, for "did you mean".
const ITEM_STARTERS: [&str; 12] = [
    "aturan",
    "satker",
    "berdasarkan",
    "skrip",
    "renstra",
    "dasar",
    "pembulatan",
    "konversi",
    "klasifikasi",
    "sasaran",
    "perjanjian",
    "realisasi",
];

/// A pest error as a policy officer reads it: at the word at fault, what
/// was expected in words, and the fix for the usual mistakes (a decimal
/// comma, a misspelt keyword, a missing `=`).
fn syntax_error(sources: &SourceMap, file: FileId, text: &str, e: &pest::error::Error<Rule>) -> RuleError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let positives: Vec<Rule> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let rest = text.get(pos..).unwrap_or("");
    let before = text.get(..pos).unwrap_or("");
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    // What stands where the parser stopped, in the message's language:
    // the end of the file is a phrase of the catalogue, not English.
    let found = if rest.is_empty() {
        Text::new("syntax-end-of-file")
    } else if word.is_empty() {
        let ch = rest.chars().next().unwrap_or(' ');
        Text::new("raw").arg("text", format!("`{ch}`"))
    } else {
        Text::new("raw").arg("text", format!("`{word}`"))
    };
    let width = if word.is_empty() {
        rest.chars().next().map(|c| c.len_utf8()).unwrap_or(0)
    } else {
        word.len()
    };
    let span = Span::new(file, pos, pos + width);

    // The keywords pest would have taken here, for "did you mean".
    let keywords: Vec<String> = positives.iter().filter_map(|r| keyword_of(*r)).collect();
    let at_item_start = positives
        .iter()
        .any(|r| matches!(r, Rule::sasaran | Rule::header | Rule::kw_sasaran));
    let in_indikator = positives
        .iter()
        .any(|r| matches!(r, Rule::satuan | Rule::polaritas | Rule::kw_satuan | Rule::kw_polaritas));
    let expected: Option<Text> = if at_item_start {
        Some(Text::new("expect-declaration"))
    } else if in_indikator {
        Some(Text::new("expect-indikator-line"))
    } else {
        // What was expected, each a keyword (the same in every language) or
        // a phrase of the catalogue, in the order pest gives, once each.
        let mut parts: Vec<Text> = Vec::new();
        for r in &positives {
            match (display(*r), keyword_of(*r)) {
                (Some(n), _) => {
                    let t = if n.starts_with('`') {
                        Text::new("raw").arg("text", n)
                    } else {
                        Text::new(n)
                    };
                    if !parts.contains(&t) {
                        parts.push(t);
                    }
                }
                (None, Some(k)) => {
                    let t = Text::new("raw").arg("text", format!("`{k}`"));
                    if !parts.contains(&t) {
                        parts.push(t);
                    }
                }
                (None, None) => {}
            }
        }
        join_or(parts)
    };
    let (message, label) = match expected {
        None => (
            Text::new("syntax-unexpected").arg_text("found", found),
            Text::new("syntax-not-understood"),
        ),
        Some(expected) => (
            Text::new("syntax-expected")
                .arg_text("expected", expected)
                .arg_text("found", found),
            Text::new("syntax-here"),
        ),
    };
    let mut err = RuleError::at_says(sources, span, Code::Syntax, message).label_says(label);

    // The usual slips, with their fixes.
    let prev_digit = before.chars().last().is_some_and(|c| c.is_ascii_digit());
    if prev_digit && rest.starts_with(',') && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        let int: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let frac: String = rest.chars().skip(1).take_while(|c| c.is_ascii_digit()).collect();
        err = err.label_says(Text::new("syntax-decimal-comma")).help_says(
            Text::new("syntax-decimal-comma-help")
                .arg("int", &int)
                .arg("frac", &frac),
        );
    } else if prev_digit && rest.starts_with('.') && looks_grouped(before, rest) {
        err = err
            .label_says(Text::new("syntax-thousands"))
            .help_says(Text::new("syntax-thousands-help"));
    } else if rest.starts_with('=') && looks_like_period(previous_word(before)) {
        // Point at the word, not at the `=` after it.
        let w = previous_word(before);
        let end = before.trim_end().len();
        let wspan = Span::new(file, end - w.len(), end);
        err = RuleError::at_says(sources, wspan, Code::Syntax, Text::new("syntax-3").arg("word", w))
            .label_says(Text::new("syntax-3-label"))
            .help_says(Text::new("syntax-3-help"));
    } else if !word.is_empty() && positives.contains(&Rule::ident) && crate::lexicon::is_keyword(&word) {
        // A natural name that is also a keyword (`indikator efisiensi`).
        err = err
            .label_says(Text::new("syntax-keyword-name"))
            .help_says(Text::new("syntax-keyword-name-help").arg("word", &word));
    } else if !word.is_empty() {
        let mut candidates: Vec<&str> = keywords.iter().map(String::as_str).collect();
        if at_item_start {
            candidates.extend(ITEM_STARTERS);
        } else if in_indikator {
            candidates.extend(crate::lexicon::INDIKATOR_WORDS);
        }
        if let Some(s) = did_you_mean(&word, candidates.iter().copied()) {
            err = err.help_says(Text::new("did-you-mean").arg("word", s));
        } else if positives.contains(&Rule::eq) && word_is_number(&word) {
            err = err.help_says(Text::new("syntax-needs-equals-help"));
        }
    } else if rest.starts_with('"') && positives.contains(&Rule::ident) {
        err = err.help_says(Text::new("syntax-quoted-id-help"));
    }
    if rest.is_empty() && positives.contains(&Rule::rbrace) {
        let help = match unclosed_brace(text) {
            Some(open) => {
                let (line, col) = sources.get(file).map(|f| f.line_col(open)).unwrap_or((0, 0));
                let opener = text.get(..open).and_then(|t| t.lines().last()).unwrap_or("").trim();
                Text::new("syntax-unclosed-help")
                    .arg("line", line)
                    .arg("col", col)
                    .arg("opener", opener)
            }
            None => Text::new("syntax-unclosed-somewhere-help"),
        };
        err = err.label_says(Text::new("syntax-file-ends")).help_says(help);
    }
    err
}

/// The byte offset of the outermost `{` that is never closed, skipping
/// strings and comments.
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    for p in crate::scan::pieces(text) {
        match p {
            crate::scan::Piece::Code(i, b'{') => open.push(i),
            crate::scan::Piece::Code(_, b'}') => {
                open.pop();
            }
            _ => {}
        }
    }
    open.first().copied()
}

/// The word that ends just before `before`'s trailing spaces.
fn previous_word(before: &str) -> &str {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(trimmed.len());
    trimmed.get(start..).unwrap_or("")
}

/// Whether a word looks like a period someone meant (`tw5`, `smt3`).
fn looks_like_period(word: &str) -> bool {
    let lower = word.to_lowercase();
    (lower.starts_with("tw") || lower.starts_with("smt") || lower.starts_with("sem") || lower.starts_with("triwulan"))
        && Periode::from_keyword(&lower).is_none()
}

/// Whether a word is a number (for "expected a number" hints).
fn word_is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

/// `1.938.261` looks like a grouped amount: digits, then a dot and exactly three digits.
fn looks_grouped(before: &str, rest: &str) -> bool {
    let group: String = rest.chars().skip(1).take_while(|c| c.is_ascii_digit()).collect();
    group.len() == 3 && before.chars().rev().take_while(|c| c.is_ascii_digit()).count() <= 3
}

/// `a`, `b` or `c`.
fn join_or(mut parts: Vec<Text>) -> Option<Text> {
    let last = parts.pop()?;
    let Some(before) = parts.pop() else {
        return Some(last);
    };
    let mut list = Text::new("list-or").arg_text("a", before).arg_text("b", last);
    while let Some(next) = parts.pop() {
        list = Text::new("list-comma").arg_text("a", next).arg_text("b", list);
    }
    Some(list)
}

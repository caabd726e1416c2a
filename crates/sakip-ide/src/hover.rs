//! Hover: what a name is and what is in force for it. On an indikator,
//! its name, satuan, polaritas, and for each year the file is about the
//! target each level sets and the formulas in force; on a sasaran, its
//! tier and name; on a band, its range in each table; on a script
//! function, its `fn` line; on a keyword, GRAMMAR.md's line about it.

use crate::document::{Document, Range};
use crate::grammar_doc;
use sakip_rules::lexicon;
use sakip_rules::symbols::SymbolKind;
use sakip_rules::tree::Analysis;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// What hovering shows: Markdown, and the word it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hover {
    pub markdown: String,
    pub range: Option<Range>,
}

/// What hovering at byte `offset` of `doc` shows; `None` where there is
/// nothing to say (prose, a number, an unknown word).
pub fn hover(doc: &Document<'_>, offset: usize) -> Option<Hover> {
    if let (Some(a), Some(file)) = (doc.analysis, doc.file) {
        if let Some((kind, name, symbol)) = a.symbol_at(file, offset) {
            let text = match kind {
                SymbolKind::Indikator => indikator(a, name, &doc.text),
                SymbolKind::Sasaran => sasaran(a, name),
                SymbolKind::Band => band(a, name),
                SymbolKind::Fungsi => fungsi(a, name, symbol.signature.as_deref(), symbol.definition.file),
            };
            let range = [symbol.definition]
                .iter()
                .chain(&symbol.references)
                .find(|s| s.file == file && s.start <= offset && offset <= s.end)
                .map(|s| Range::new(s.start, s.end));
            return Some(Hover { markdown: text?, range });
        }
    }
    let (start, word) = word_at(&doc.text, offset);
    // A keyword's line from GRAMMAR.md, where the lexer reads a keyword:
    // not a word of a comment or a name that happens to be one.
    let keyword_here = lexicon::tokens(&doc.text)
        .iter()
        .any(|t| t.kind == lexicon::TokenKind::Keyword && t.start == start);
    if keyword_here && lexicon::is_keyword(word) {
        let line = grammar_doc::line_about(word)?;
        return Some(Hover {
            markdown: format!("**{word}**\n\n{line}"),
            range: Some(Range::new(start, start + word.len())),
        });
    }
    None
}

/// The word (letters, digits, `_`) around byte `offset`.
pub fn word_at(text: &str, offset: usize) -> (usize, &str) {
    let (start, _) = lexicon::word_before(text, offset);
    let end = offset
        + text
            .get(offset..)
            .unwrap_or("")
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
    (start, text.get(start..end).unwrap_or(""))
}

/// The years a file is about: the years written in it that the rules know;
/// every year with a target when it writes none (the national file).
fn years_of(a: &Analysis, id: &str, text: &str) -> Vec<u16> {
    let Some(ind) = a.rules.as_ref().and_then(|r| r.indikator(id)) else {
        return Vec::new();
    };
    let known: BTreeSet<u16> = ind
        .targets
        .iter()
        .map(|t| t.year)
        .chain(a.years.iter().copied())
        .collect();
    let written: BTreeSet<u16> = lexicon::tokens(text)
        .iter()
        .filter(|t| t.kind == lexicon::TokenKind::Number && t.end - t.start == 4)
        .filter_map(|t| text.get(t.start..t.end)?.parse().ok())
        .filter(|y| known.contains(y))
        .collect();
    if written.is_empty() {
        ind.targets
            .iter()
            .map(|t| t.year)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    } else {
        written.into_iter().collect()
    }
}

fn indikator(a: &Analysis, id: &str, text: &str) -> Option<String> {
    let rules = a.rules.as_ref()?;
    let ind = rules.indikator(id)?;
    let mut s = format!("**{id}** — {}\n\n", ind.name);
    let _ = write!(
        s,
        "satuan `{}` · polaritas `{}` · sasaran `{}` ({})",
        ind.satuan.display(),
        ind.polaritas.keyword(),
        ind.sasaran,
        ind.tier.keyword()
    );
    if let Some(o) = &ind.origin {
        let _ = write!(s, "\n\naturan `{}` · {o}", ind.defined_by);
    }
    for year in years_of(a, id, text) {
        let Some(f) = a.in_force(id, year) else { continue };
        let _ = write!(s, "\n\n**{year}** · target");
        if f.targets.is_empty() {
            s.push_str(" —");
        }
        for t in &f.targets {
            let _ = write!(s, " {} `{}`", t.tingkat.keyword(), t.value);
        }
        if let Some(t) = f.indikator.target_in_force(year) {
            if f.targets.len() > 1 {
                let _ = write!(s, " → `{}`", t.value);
            }
        }
        for (what, r) in [("realisasi", f.rumus_realisasi), ("capaian", f.rumus_capaian)] {
            if let Some(r) = r {
                let _ = write!(s, "\n\nrumus {what} = `{}`", r.expr);
            }
        }
    }
    Some(s)
}

fn sasaran(a: &Analysis, code: &str) -> Option<String> {
    let s = a.rules.as_ref()?.sasaran(code)?;
    Some(format!("**{}** ({}) — {}", s.code, s.tier.keyword(), s.name))
}

fn band(a: &Analysis, id: &str) -> Option<String> {
    let k = &a.rules.as_ref()?.klasifikasi;
    let mut s = format!("**{id}**");
    let tables = std::iter::once((None, &k.base)).chain(k.versions.iter().map(|(y, r)| (Some(*y), r)));
    for (from, table) in tables {
        for b in table.value.bands.iter().filter(|b| b.id == id) {
            let _ = write!(s, "\n\n`{}` \"{}\" {}", b.range_text(), b.label, b.colour);
            if let Some(y) = from {
                let _ = write!(s, " · mulai {y}");
            }
            if let Some(o) = &table.origin {
                let _ = write!(s, " · {o}");
            }
        }
    }
    Some(s)
}

fn fungsi(a: &Analysis, name: &str, signature: Option<&str>, file: sakip_rules::source::FileId) -> Option<String> {
    let script = a.sources.get(file).map(|f| f.name.clone()).unwrap_or_default();
    Some(format!(
        "```rhai\n{}\n```\n{script}",
        signature
            .map(str::to_string)
            .unwrap_or_else(|| format!("fn {name}(...)"))
    ))
}

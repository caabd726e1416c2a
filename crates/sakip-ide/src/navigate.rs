//! Go to definition, find references and rename, across the whole tree:
//! an id in a unit's agreement leads to its `indikator` line in the
//! national file, a function in a `rumus` to its `fn` in the script, a
//! `berdasarkan` or `skrip` path to the file it names. Renaming an
//! indikator edits every file of every rule set that names it.

use crate::document::{Document, Range, Workspace};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::{Lang, Text};
use sakip_rules::lexicon::{self, TokenKind};
use sakip_rules::source::Span;
use sakip_rules::symbols::SymbolKind;
use sakip_rules::tree::Analysis;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A place in a file: its path and the bytes of its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Place {
    pub path: Utf8PathBuf,
    pub range: Range,
}

/// One change to a file's text: `range` (bytes) becomes `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub range: Range,
    pub insert: String,
}

/// A rename's changes, file by file.
pub type Edits = BTreeMap<Utf8PathBuf, Vec<Edit>>;

fn place(a: &Analysis, span: Span) -> Option<Place> {
    let f = a.sources.get(span.file)?;
    Some(Place {
        path: f.path.clone(),
        range: Range::new(span.start, span.end),
    })
}

/// The name under the cursor and its declaration's place.
fn name_at(doc: &Document<'_>, offset: usize) -> Option<(SymbolKind, String, Place)> {
    let (a, file) = (doc.analysis?, doc.file?);
    let (kind, name, symbol) = a.symbol_at(file, offset)?;
    Some((kind, name.to_string(), place(a, symbol.definition)?))
}

/// Every place that declares or names the same name as the cursor, across
/// every rule set of the tree; the declaration first.
fn places(ws: &Workspace<'_>, kind: SymbolKind, name: &str, definition: &Place) -> Vec<Place> {
    let mut seen = BTreeSet::new();
    let mut out = vec![definition.clone()];
    seen.insert(definition.clone());
    for a in ws.tree.sets() {
        let Some(symbol) = a.symbols.of(kind).get(name) else {
            continue;
        };
        if place(a, symbol.definition).as_ref() != Some(definition) {
            continue;
        }
        for span in &symbol.references {
            if let Some(p) = place(a, *span) {
                if seen.insert(p.clone()) {
                    out.push(p);
                }
            }
        }
    }
    out
}

/// Where the name at byte `offset` of `doc` is declared; on a path after
/// `berdasarkan` or `skrip`, the start of the file it names.
pub fn definition(ws: &Workspace<'_>, doc: &Document<'_>, offset: usize) -> Option<Place> {
    if let Some((_, _, def)) = name_at(doc, offset) {
        return Some(def);
    }
    let target = path_in_string(ws, doc, offset)?;
    Some(Place {
        path: target,
        range: Range::new(0, 0),
    })
}

/// The file a `berdasarkan "..."` or `skrip "..."` under the cursor names.
fn path_in_string(ws: &Workspace<'_>, doc: &Document<'_>, offset: usize) -> Option<Utf8PathBuf> {
    let tokens = lexicon::tokens(&doc.text);
    let i = tokens
        .iter()
        .position(|t| t.kind == TokenKind::String && t.start <= offset && offset < t.end)?;
    let before = tokens.get(i.checked_sub(1)?)?;
    let keyword = doc.text.get(before.start..before.end)?;
    let token = tokens.get(i)?;
    let written = doc.text.get(token.start + 1..token.end.saturating_sub(1))?;
    let dir = sakip_rules::resolve::folder_of(&doc.path);
    let target = sakip_rules::resolve::normalize(&dir.join(written));
    match keyword {
        "skrip" => Some(target),
        "berdasarkan" if ws.tree.fs().kind(&target) == sakip_rules::fs::Kind::Dir => ws
            .tree
            .sets()
            .map(|a| a.header.clone())
            .find(|h| sakip_rules::resolve::folder_of(h) == target),
        "berdasarkan" => Some(target),
        _ => None,
    }
}

/// Every place that names what is at byte `offset` of `doc`, across the
/// tree (as far as it is checked); the declaration first when asked.
/// `None`: no name there.
pub fn references(ws: &Workspace<'_>, doc: &Document<'_>, offset: usize, with_declaration: bool) -> Option<Vec<Place>> {
    let (kind, name, def) = name_at(doc, offset)?;
    let skip = usize::from(!with_declaration);
    Some(places(ws, kind, &name, &def).into_iter().skip(skip).collect())
}

/// The id a rename at byte `offset` would change: only an indikator's.
pub fn rename_range(doc: &Document<'_>, offset: usize) -> Option<Range> {
    let (kind, _, _) = name_at(doc, offset)?;
    if kind != SymbolKind::Indikator {
        return None;
    }
    let (a, file) = (doc.analysis?, doc.file?);
    let (_, _, symbol) = a.symbol_at(file, offset)?;
    let span = std::iter::once(&symbol.definition)
        .chain(&symbol.references)
        .find(|s| s.file == file && s.start <= offset && offset <= s.end)?;
    Some(Range::new(span.start, span.end))
}

/// Renames the indikator at byte `offset` of `doc` everywhere; refuses,
/// with the reason in `lang`, a name that is not an id, is a keyword, or
/// names another indikator already. `None`: no name there.
pub fn rename(
    ws: &Workspace<'_>,
    doc: &Document<'_>,
    offset: usize,
    new: &str,
    lang: Lang,
) -> Result<Option<Edits>, String> {
    let Some((kind, name, def)) = name_at(doc, offset) else {
        return Ok(None);
    };
    if kind != SymbolKind::Indikator {
        return Err(Text::new("rename-not-indikator").arg("name", &name).render(lang));
    }
    let is_id = new.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && new.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !is_id {
        return Err(Text::new("rename-not-id").arg("name", new).render(lang));
    }
    if lexicon::is_keyword(new) {
        return Err(Text::new("rename-keyword").arg("name", new).render(lang));
    }
    if ws.tree.sets().any(|a| a.symbols.indikator.contains_key(new)) {
        return Err(Text::new("rename-exists").arg("name", new).render(lang));
    }
    let mut by_file: BTreeMap<Utf8PathBuf, Vec<Range>> = BTreeMap::new();
    for p in places(ws, kind, &name, &def) {
        by_file.entry(p.path).or_default().push(p.range);
    }
    let mut changes = Edits::new();
    for (path, spans) in by_file {
        let text = ws.text(&path).unwrap_or_default();
        let edits = renamed_in(&path, &text, &spans, new);
        changes.insert(path, edits);
    }
    Ok(Some(changes))
}

/// The edits that put `new` at `spans` of `path` (whose text is `text`).
/// A rule file that was laid out as `sakip fmt` lays it out stays so: a
/// longer id moves the `=` of aligned lines, and the edit is then the
/// lines that change, laid out again, so `fmt --check` still holds.
/// Otherwise (a script, a file not laid out) only the names change.
fn renamed_in(path: &Utf8Path, text: &str, spans: &[Range], new: &str) -> Vec<Edit> {
    let mut spans = spans.to_vec();
    spans.sort_unstable();
    spans.dedup();
    let plain: Vec<Edit> = spans
        .iter()
        .map(|r| Edit {
            range: *r,
            insert: new.to_string(),
        })
        .collect();
    if path.extension() != Some("sakip") {
        return plain;
    }
    let laid_out = |t: String| sakip_rules::format::format_file(path, t).ok();
    if laid_out(text.to_string()).as_deref() != Some(text) {
        return plain;
    }
    let mut renamed = text.to_string();
    for r in spans.iter().rev() {
        if renamed.get(r.start..r.end).is_none() {
            return plain;
        }
        renamed.replace_range(r.start..r.end, new);
    }
    let Some(formatted) = laid_out(renamed) else {
        return plain;
    };
    // The lines between the common head and the common tail.
    let old_lines: Vec<&str> = text.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = formatted.split_inclusive('\n').collect();
    let head = old_lines.iter().zip(&new_lines).take_while(|(a, b)| a == b).count();
    let tail = old_lines
        .iter()
        .rev()
        .zip(new_lines.iter().rev())
        .take_while(|(a, b)| a == b)
        .count()
        .min(old_lines.len() - head)
        .min(new_lines.len() - head);
    let start: usize = old_lines.iter().take(head).map(|l| l.len()).sum();
    let end: usize = text.len() - old_lines.iter().rev().take(tail).map(|l| l.len()).sum::<usize>();
    let insert: String = new_lines
        .get(head..new_lines.len() - tail)
        .map(|ls| ls.concat())
        .unwrap_or_default();
    vec![Edit {
        range: Range::new(start, end),
        insert,
    }]
}

//! Go to definition, find references and rename, across the whole tree:
//! an id in a unit's agreement leads to its `indikator` line in the
//! national file, a function in a `rumus` to its `fn` in the script, a
//! `berdasarkan` or `skrip` path to the file it names. Renaming an
//! indikator edits every file of every rule set that names it.

use crate::position::LineIndex;
use crate::server::{uri_of, Cursor, Server};
use camino::{Utf8Path, Utf8PathBuf};
use lsp_types::{
    GotoDefinitionParams, GotoDefinitionResponse, Location, PrepareRenameResponse, ReferenceParams, RenameParams,
    TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};
use sakip_core::Text;
use sakip_rules::lexicon::{self, TokenKind};
use sakip_rules::source::Span;
use sakip_rules::symbols::SymbolKind;
use sakip_rules::tree::Analysis;
use std::collections::{BTreeSet, HashMap};

/// A place in a file, by path and bytes.
type Place = (Utf8PathBuf, usize, usize);

fn place(a: &Analysis, span: Span) -> Option<Place> {
    let f = a.sources.get(span.file)?;
    Some((f.path.clone(), span.start, span.end))
}

/// The name under the cursor and its declaration's place.
fn name_at(cursor: &Cursor<'_>) -> Option<(SymbolKind, String, Place)> {
    let (a, file) = (cursor.analysis?, cursor.file?);
    let (kind, name, symbol) = a.symbol_at(file, cursor.offset)?;
    Some((kind, name.to_string(), place(a, symbol.definition)?))
}

/// Every place that declares or names the same name as the cursor, across
/// every rule set of the tree; the declaration first.
fn places(server: &Server, kind: SymbolKind, name: &str, definition: &Place) -> Vec<Place> {
    let mut seen = BTreeSet::new();
    let mut out = vec![definition.clone()];
    seen.insert(definition.clone());
    for a in server.tree.sets() {
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

/// The text of `path` as the tree read it.
fn text(server: &Server, path: &Utf8Path) -> String {
    server.text(path).unwrap_or_default()
}

fn location(server: &Server, (path, start, end): &Place) -> Option<Location> {
    let text = text(server, path);
    let idx = LineIndex::new(&text);
    Some(Location::new(uri_of(path)?, idx.range(*start, *end)))
}

pub(crate) fn definition(server: &Server, p: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let at = &p.text_document_position_params;
    let cursor = server.cursor(&at.text_document.uri, at.position)?;
    if let Some((_, _, def)) = name_at(&cursor) {
        return location(server, &def).map(GotoDefinitionResponse::Scalar);
    }
    // A path after `berdasarkan` or `skrip`: the file it names.
    let target = path_in_string(server, &cursor)?;
    let uri = uri_of(&target)?;
    Some(GotoDefinitionResponse::Scalar(Location::new(uri, Default::default())))
}

/// The file a `berdasarkan "..."` or `skrip "..."` under the cursor names.
fn path_in_string(server: &Server, cursor: &Cursor<'_>) -> Option<Utf8PathBuf> {
    let tokens = lexicon::tokens(&cursor.text);
    let i = tokens
        .iter()
        .position(|t| t.kind == TokenKind::String && t.start <= cursor.offset && cursor.offset < t.end)?;
    let before = tokens.get(i.checked_sub(1)?)?;
    let keyword = cursor.text.get(before.start..before.end)?;
    let token = tokens.get(i)?;
    let written = cursor.text.get(token.start + 1..token.end.saturating_sub(1))?;
    let dir = sakip_rules::resolve::folder_of(&cursor.path);
    let target = sakip_rules::resolve::normalize(&dir.join(written));
    match keyword {
        "skrip" => Some(target),
        "berdasarkan" if target.is_dir() => server
            .tree
            .sets()
            .map(|a| a.header.clone())
            .find(|h| sakip_rules::resolve::folder_of(h) == target),
        "berdasarkan" => Some(target),
        _ => None,
    }
}

pub(crate) fn references(server: &Server, p: &ReferenceParams) -> Option<Vec<Location>> {
    let at = &p.text_document_position;
    let cursor = server.cursor(&at.text_document.uri, at.position)?;
    let (kind, name, def) = name_at(&cursor)?;
    let all = places(server, kind, &name, &def);
    let skip = usize::from(!p.context.include_declaration);
    Some(all.iter().skip(skip).filter_map(|pl| location(server, pl)).collect())
}

pub(crate) fn prepare_rename(server: &Server, p: &TextDocumentPositionParams) -> Option<PrepareRenameResponse> {
    let cursor = server.cursor(&p.text_document.uri, p.position)?;
    let (kind, _, _) = name_at(&cursor)?;
    if kind != SymbolKind::Indikator {
        return None;
    }
    let (a, file) = (cursor.analysis?, cursor.file?);
    let (_, _, symbol) = a.symbol_at(file, cursor.offset)?;
    let span = std::iter::once(&symbol.definition)
        .chain(&symbol.references)
        .find(|s| s.file == file && s.start <= cursor.offset && cursor.offset <= s.end)?;
    let idx = LineIndex::new(&cursor.text);
    Some(PrepareRenameResponse::Range(idx.range(span.start, span.end)))
}

/// Renames the indikator under the cursor everywhere; refuses a name that
/// is not an id, is a keyword, or names another indikator already.
pub(crate) fn rename(server: &Server, p: &RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    let at = &p.text_document_position;
    let Some(cursor) = server.cursor(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let Some((kind, name, def)) = name_at(&cursor) else {
        return Ok(None);
    };
    if kind != SymbolKind::Indikator {
        return Err(Text::new("rename-not-indikator").arg("name", &name).render(server.lang));
    }
    let new = p.new_name.as_str();
    let is_id = new.bytes().next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && new.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !is_id {
        return Err(Text::new("rename-not-id").arg("name", new).render(server.lang));
    }
    if lexicon::is_keyword(new) {
        return Err(Text::new("rename-keyword").arg("name", new).render(server.lang));
    }
    if server.tree.sets().any(|a| a.symbols.indikator.contains_key(new)) {
        return Err(Text::new("rename-exists").arg("name", new).render(server.lang));
    }
    let mut by_file: std::collections::BTreeMap<Utf8PathBuf, Vec<(usize, usize)>> = Default::default();
    for (path, start, end) in places(server, kind, &name, &def) {
        by_file.entry(path).or_default().push((start, end));
    }
    let mut changes: HashMap<lsp_types::Url, Vec<TextEdit>> = HashMap::new();
    for (path, spans) in by_file {
        let Some(uri) = uri_of(&path) else { continue };
        changes.insert(uri, renamed_in(&path, &text(server, &path), &spans, new));
    }
    Ok(Some(WorkspaceEdit::new(changes)))
}

/// The edits that put `new` at `spans` of `path` (whose text is `text`).
/// A rule file that was laid out as `sakip fmt` lays it out stays so: a
/// longer id moves the `=` of aligned lines, and the edit is then the
/// lines that change, laid out again, so `fmt --check` still holds.
/// Otherwise (a script, a file not laid out) only the names change.
fn renamed_in(path: &Utf8Path, text: &str, spans: &[(usize, usize)], new: &str) -> Vec<TextEdit> {
    let idx = LineIndex::new(text);
    let mut spans = spans.to_vec();
    spans.sort_unstable();
    spans.dedup();
    let plain: Vec<TextEdit> = spans
        .iter()
        .map(|(s, e)| TextEdit::new(idx.range(*s, *e), new.to_string()))
        .collect();
    if path.extension() != Some("sakip") {
        return plain;
    }
    let laid_out = |t: String| sakip_rules::format::format_file(path, t).ok();
    if laid_out(text.to_string()).as_deref() != Some(text) {
        return plain;
    }
    let mut renamed = text.to_string();
    for (s, e) in spans.iter().rev() {
        if renamed.get(*s..*e).is_none() {
            return plain;
        }
        renamed.replace_range(*s..*e, new);
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
    vec![TextEdit::new(idx.range(start, end), insert)]
}

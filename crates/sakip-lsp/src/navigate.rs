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
    let mut changes: HashMap<lsp_types::Url, Vec<TextEdit>> = HashMap::new();
    for pl in places(server, kind, &name, &def) {
        if let Some(loc) = location(server, &pl) {
            changes
                .entry(loc.uri)
                .or_default()
                .push(TextEdit::new(loc.range, new.to_string()));
        }
    }
    Ok(Some(WorkspaceEdit::new(changes)))
}

//! The features of `sakip_ide` in the protocol's words: each request's
//! position turned into a byte offset of the document, each answer's
//! bytes into UTF-16 positions, each plain answer into its `lsp_types`
//! shape. Nothing here decides what an answer is.

use crate::position::LineIndex;
use crate::server::{path_of, uri_of, Server};
use lsp_types::*;
use sakip_core::Problem as _;
use sakip_ide::{complete, diagnostics, highlight, hover, navigate, outline, Document, Range as Bytes};
use std::collections::HashMap;

impl Server {
    /// The document `uri` names, and the byte offset of `position` in it.
    fn at(&self, uri: &Url, position: Position) -> Option<(Document<'_>, usize)> {
        let path = path_of(uri)?;
        let doc = self.workspace().document(&path)?;
        let offset = LineIndex::new(&doc.text).offset(position);
        Some((doc, offset))
    }

    /// `place` as a location: its bytes placed in the file's text.
    fn location(&self, place: &navigate::Place) -> Option<Location> {
        let text = self.workspace().text(&place.path).unwrap_or_default();
        let idx = LineIndex::new(&text);
        Some(Location::new(uri_of(&place.path)?, range(&idx, place.range)))
    }
}

fn range(idx: &LineIndex<'_>, r: Bytes) -> Range {
    idx.range(r.start, r.end)
}

pub(crate) fn hover(server: &Server, p: &HoverParams) -> Option<Hover> {
    let at = &p.text_document_position_params;
    let (doc, offset) = server.at(&at.text_document.uri, at.position)?;
    let h = hover::hover(&doc, offset)?;
    let idx = LineIndex::new(&doc.text);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: h.range.map(|r| range(&idx, r)),
    })
}

pub(crate) fn completion(server: &Server, p: &CompletionParams) -> Option<CompletionResponse> {
    let at = &p.text_document_position;
    let (doc, offset) = server.at(&at.text_document.uri, at.position)?;
    let found = complete::completion(&doc, offset)?;
    let items = found
        .items
        .into_iter()
        .map(|c| CompletionItem {
            label: c.label,
            kind: Some(match c.kind {
                complete::Kind::Field => CompletionItemKind::FIELD,
                complete::Kind::Keyword => CompletionItemKind::KEYWORD,
                complete::Kind::Unit => CompletionItemKind::UNIT,
                complete::Kind::Band => CompletionItemKind::ENUM_MEMBER,
                complete::Kind::Colour => CompletionItemKind::COLOR,
                complete::Kind::Indikator => CompletionItemKind::VARIABLE,
                complete::Kind::Function => CompletionItemKind::FUNCTION,
            }),
            detail: c.detail,
            ..Default::default()
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

pub(crate) fn definition(server: &Server, p: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let at = &p.text_document_position_params;
    let (doc, offset) = server.at(&at.text_document.uri, at.position)?;
    let place = navigate::definition(&server.workspace(), &doc, offset)?;
    server.location(&place).map(GotoDefinitionResponse::Scalar)
}

pub(crate) fn references(server: &Server, p: &ReferenceParams) -> Option<Vec<Location>> {
    let at = &p.text_document_position;
    let (doc, offset) = server.at(&at.text_document.uri, at.position)?;
    let places = navigate::references(&server.workspace(), &doc, offset, p.context.include_declaration)?;
    Some(places.iter().filter_map(|pl| server.location(pl)).collect())
}

pub(crate) fn prepare_rename(server: &Server, p: &TextDocumentPositionParams) -> Option<PrepareRenameResponse> {
    let (doc, offset) = server.at(&p.text_document.uri, p.position)?;
    let r = navigate::rename_range(&doc, offset)?;
    Some(PrepareRenameResponse::Range(range(&LineIndex::new(&doc.text), r)))
}

pub(crate) fn rename(server: &Server, p: &RenameParams) -> Result<Option<WorkspaceEdit>, String> {
    let at = &p.text_document_position;
    let Some((doc, offset)) = server.at(&at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let ws = server.workspace();
    let Some(edits) = navigate::rename(&ws, &doc, offset, &p.new_name, server.lang)? else {
        return Ok(None);
    };
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for (path, list) in edits {
        let Some(uri) = uri_of(&path) else { continue };
        let text = ws.text(&path).unwrap_or_default();
        let idx = LineIndex::new(&text);
        let list = list
            .into_iter()
            .map(|e| TextEdit::new(range(&idx, e.range), e.insert))
            .collect();
        changes.insert(uri, list);
    }
    Ok(Some(WorkspaceEdit::new(changes)))
}

pub(crate) fn symbols(server: &Server, p: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let path = path_of(&p.text_document.uri)?;
    let doc = server.workspace().document(&path)?;
    let idx = LineIndex::new(&doc.text);
    let out = outline::outline(&doc).into_iter().map(|e| symbol(&idx, e)).collect();
    Some(DocumentSymbolResponse::Nested(out))
}

#[allow(deprecated)]
fn symbol(idx: &LineIndex<'_>, e: outline::Entry) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = e.children.into_iter().map(|c| symbol(idx, c)).collect();
    DocumentSymbol {
        name: e.name,
        detail: e.detail,
        kind: match e.kind {
            outline::Kind::Header => SymbolKind::MODULE,
            outline::Kind::Klasifikasi => SymbolKind::ENUM,
            outline::Kind::Sasaran => SymbolKind::NAMESPACE,
            outline::Kind::Indikator => SymbolKind::FIELD,
            outline::Kind::Perjanjian | outline::Kind::Realisasi | outline::Kind::Anggaran => SymbolKind::OBJECT,
            outline::Kind::Uji => SymbolKind::EVENT,
        },
        tags: None,
        deprecated: None,
        range: range(idx, e.range),
        selection_range: range(idx, e.selection),
        children: (!children.is_empty()).then_some(children),
    }
}

/// The protocol's name for each kind of token, in the order of
/// `highlight::Kind::ALL` (the legend is by index).
fn token_type(kind: highlight::Kind) -> SemanticTokenType {
    match kind {
        highlight::Kind::Keyword => SemanticTokenType::KEYWORD,
        highlight::Kind::Number => SemanticTokenType::NUMBER,
        highlight::Kind::String => SemanticTokenType::STRING,
        highlight::Kind::Comment => SemanticTokenType::COMMENT,
        highlight::Kind::Name => SemanticTokenType::VARIABLE,
        highlight::Kind::Sasaran => SemanticTokenType::NAMESPACE,
        highlight::Kind::Band => SemanticTokenType::ENUM_MEMBER,
        highlight::Kind::Function => SemanticTokenType::FUNCTION,
        highlight::Kind::Unit => SemanticTokenType::TYPE,
        highlight::Kind::Operator => SemanticTokenType::OPERATOR,
    }
}

pub(crate) fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: highlight::Kind::ALL.iter().map(|k| token_type(*k)).collect(),
        token_modifiers: Vec::new(),
    }
}

pub(crate) fn semantic_tokens(server: &Server, p: &SemanticTokensParams) -> Option<SemanticTokensResult> {
    let path = path_of(&p.text_document.uri)?;
    let doc = server.workspace().document(&path)?;
    if !doc.is_rule_file() {
        return None;
    }
    let idx = LineIndex::new(&doc.text);
    let mut data = Vec::new();
    let (mut line, mut col) = (0u32, 0u32);
    for t in highlight::tokens(&doc) {
        let start = idx.position(t.range.start);
        let end = idx.position(t.range.end);
        // A token never spans lines (strings and comments end at theirs).
        let length = if end.line == start.line {
            end.character - start.character
        } else {
            0
        };
        if length == 0 {
            continue;
        }
        let delta_line = start.line - line;
        let delta_start = if delta_line == 0 {
            start.character - col
        } else {
            start.character
        };
        let index = highlight::Kind::ALL.iter().position(|k| *k == t.kind).unwrap_or(0);
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: u32::try_from(index).unwrap_or(0),
            token_modifiers_bitset: 0,
        });
        line = start.line;
        col = start.character;
    }
    Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data }))
}

/// The diagnostics of `path` as the protocol carries them: the help on
/// the message's next line, after an arrow.
pub(crate) fn diagnostics(server: &Server, path: &camino::Utf8Path) -> Vec<Diagnostic> {
    let ws = server.workspace();
    let text = ws.text(path).unwrap_or_default();
    let idx = LineIndex::new(&text);
    diagnostics::diagnostics(&ws, path, server.lang)
        .into_iter()
        .map(|d| {
            let mut message = d.message;
            if let Some(help) = d.help {
                message.push_str("\n→ ");
                message.push_str(&help);
            }
            Diagnostic {
                range: range(&idx, d.range),
                severity: Some(match d.severity {
                    sakip_core::Severity::Error => DiagnosticSeverity::ERROR,
                    sakip_core::Severity::Warning => DiagnosticSeverity::WARNING,
                    sakip_core::Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(d.code.to_string())),
                source: Some("sakip".into()),
                message,
                ..Default::default()
            }
        })
        .collect()
}

/// The whole document laid out (see `sakip_ide::format`), as one edit;
/// no edit when it is laid out already.
pub(crate) fn format(server: &Server, p: &DocumentFormattingParams) -> Option<Vec<TextEdit>> {
    let path = path_of(&p.text_document.uri)?;
    let ws = server.workspace();
    let doc = Document::new(&path, None, || ws.text(&path))?;
    let formatted = sakip_ide::format::format(&doc)?;
    if formatted == doc.text {
        return Some(Vec::new());
    }
    let idx = LineIndex::new(&doc.text);
    Some(vec![TextEdit::new(idx.range(0, doc.text.len()), formatted)])
}

/// `sakip/explain`: the indikator under the cursor in a unit's file,
/// explained for `year` (the unit's latest year when none is given).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ExplainParams {
    text_document: TextDocumentIdentifier,
    position: Position,
    year: Option<u16>,
}

/// `sakip/preview`: the unit of the file evaluated for `year` with the
/// editor's unsaved texts (the latest year when none is given).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PreviewParams {
    text_document: TextDocumentIdentifier,
    year: Option<u16>,
}

impl Server {
    /// The unit whose rule set `doc` belongs to, and the year asked for or
    /// its latest; why not, in the reader's words.
    fn unit_of(&self, doc: &Document<'_>, year: Option<u16>) -> Result<(camino::Utf8PathBuf, u16), String> {
        let a = doc
            .analysis
            .filter(|a| a.level == Some(sakip_core::model::TingkatAturan::Satker))
            .ok_or_else(|| {
                sakip_core::Text::new("lsp-needs-unit")
                    .arg("path", &doc.path)
                    .render(self.lang)
            })?;
        let year = year
            .or_else(|| a.data_years.last().copied())
            .ok_or_else(|| sakip_core::Text::new("lsp-no-year").render(self.lang))?;
        Ok((sakip_rules::resolve::folder_of(&a.header), year))
    }
}

pub(crate) fn explain(server: &Server, p: &ExplainParams) -> Result<Option<sakip_ide::explain::Explanation>, String> {
    let Some((doc, offset)) = server.at(&p.text_document.uri, p.position) else {
        return Ok(None);
    };
    let id = doc
        .analysis
        .zip(doc.file)
        .and_then(|(a, f)| a.symbol_at(f, offset))
        .filter(|(kind, _, _)| *kind == sakip_rules::symbols::SymbolKind::Indikator)
        .map(|(_, name, _)| name.to_string())
        .ok_or_else(|| sakip_core::Text::new("lsp-explain-no-indikator").render(server.lang))?;
    let (dir, year) = server.unit_of(&doc, p.year)?;
    // Through the tree's cache, with the open files' texts.
    let shared = server.tree.view();
    match sakip_ide::explain::explain(&shared, &dir, year, &id, server.lang) {
        Ok(e) => Ok(Some(e)),
        Err(sakip_ide::explain::Refused::Problems(lines)) => Err(lines.join("\n")),
        Err(sakip_ide::explain::Refused::NoSuchIndicator(why)) => Err(why),
    }
}

pub(crate) fn preview(server: &Server, p: &PreviewParams) -> Result<Option<sakip_ide::preview::Summary>, String> {
    let Some(path) = path_of(&p.text_document.uri) else {
        return Ok(None);
    };
    let Some(doc) = server.workspace().document(&path) else {
        return Ok(None);
    };
    let (dir, year) = server.unit_of(&doc, p.year)?;
    let shared = server.tree.view();
    match sakip_ide::preview::evaluate(&shared, &dir, year) {
        Ok((_, ev)) => Ok(Some(sakip_ide::preview::Summary::of(&ev))),
        Err(errors) => Err(errors
            .iter()
            .map(|e| format!("{}: {}", e.location_text(), e.message_in(server.lang)))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}

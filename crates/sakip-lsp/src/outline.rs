//! The outline of a rule file (document symbols): the header, the
//! settings, each sasaran with its indikator (and their sub-indikator),
//! each year's agreement, data and tests. It comes from the editor's
//! tolerant parse: an item with a mistake is left out, the rest is shown.

use crate::position::LineIndex;
use crate::server::Server;
use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};
use sakip_rules::ast::{self, IndikatorItem, Item};
use sakip_rules::source::{SourceMap, Span};

pub(crate) fn symbols(server: &Server, p: &DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let cursor = server.cursor(&p.text_document.uri, Default::default())?;
    let mut sources = SourceMap::default();
    let id = sources.add(&cursor.path, cursor.text.clone());
    let (file, _) = sakip_rules::parser::parse_tolerant(&sources, id);
    let idx = LineIndex::new(&cursor.text);
    let out: Vec<DocumentSymbol> = file.items.iter().filter_map(|i| item(&idx, i)).collect();
    Some(DocumentSymbolResponse::Nested(out))
}

#[allow(deprecated)]
fn symbol(
    idx: &LineIndex<'_>,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    at: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: idx.range(span.start, span.end),
        selection_range: idx.range(at.start, at.end),
        children: (!children.is_empty()).then_some(children),
    }
}

fn item(idx: &LineIndex<'_>, i: &Item) -> Option<DocumentSymbol> {
    Some(match i {
        Item::Header(h) => symbol(
            idx,
            h.id.node.clone(),
            Some(h.name.node.clone()),
            SymbolKind::MODULE,
            h.span,
            h.id.span,
            Vec::new(),
        ),
        Item::Klasifikasi(k) => symbol(
            idx,
            "klasifikasi".into(),
            k.from_year.as_ref().map(|y| format!("mulai {}", y.node)),
            SymbolKind::ENUM,
            k.span,
            k.span,
            Vec::new(),
        ),
        Item::Sasaran(s) => {
            let children = s.indikator.iter().map(|ind| indikator(idx, ind)).collect();
            symbol(
                idx,
                s.code.node.clone(),
                Some(s.name.node.clone()),
                SymbolKind::NAMESPACE,
                s.span,
                s.code.span,
                children,
            )
        }
        Item::Perjanjian(p) => symbol(
            idx,
            format!("perjanjian {}", p.year.node),
            None,
            SymbolKind::OBJECT,
            p.span,
            p.year.span,
            Vec::new(),
        ),
        Item::Realisasi(r) => symbol(
            idx,
            format!("realisasi {}", r.year.node),
            None,
            SymbolKind::OBJECT,
            r.span,
            r.year.span,
            Vec::new(),
        ),
        Item::Anggaran(a) => symbol(
            idx,
            format!("anggaran {}", a.year.node),
            None,
            SymbolKind::OBJECT,
            a.span,
            a.year.span,
            Vec::new(),
        ),
        Item::Uji(u) => symbol(
            idx,
            u.name.node.clone(),
            Some(format!("uji {}", u.year.node)),
            SymbolKind::EVENT,
            u.span,
            u.name.span,
            Vec::new(),
        ),
        _ => return None,
    })
}

fn indikator(idx: &LineIndex<'_>, ind: &ast::Indikator) -> DocumentSymbol {
    let children = ind
        .items
        .iter()
        .filter_map(|i| match i {
            IndikatorItem::Sub(sub) => Some(indikator(idx, sub)),
            _ => None,
        })
        .collect();
    symbol(
        idx,
        ind.id.node.clone(),
        Some(ind.name.node.clone()),
        SymbolKind::FIELD,
        ind.span,
        ind.id.span,
        children,
    )
}

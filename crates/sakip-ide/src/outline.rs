//! The outline of a rule file: the header, the klasifikasi, each sasaran
//! with its indikator (and their sub-indikator), each year's agreement,
//! data, budget and tests. It comes from the tolerant parse: an item with
//! a mistake is left out, the rest is shown.

use crate::document::{Document, Range};
use sakip_rules::ast::{self, IndikatorItem, Item};
use sakip_rules::source::{SourceMap, Span};
use serde::Serialize;

/// What an entry of the outline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The file's header: `aturan` or `satker`.
    Header,
    Klasifikasi,
    Sasaran,
    Indikator,
    Perjanjian,
    Realisasi,
    Anggaran,
    Uji,
}

/// One entry: its name, a line about it, the whole item and its name's
/// place, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub name: String,
    pub detail: Option<String>,
    pub kind: Kind,
    pub range: Range,
    pub selection: Range,
    pub children: Vec<Entry>,
}

/// The outline of `doc` (empty for a script).
pub fn outline(doc: &Document<'_>) -> Vec<Entry> {
    if !doc.is_rule_file() {
        return Vec::new();
    }
    let mut sources = SourceMap::default();
    let id = sources.add(&doc.path, doc.text.clone());
    let (file, _) = sakip_rules::parser::parse_tolerant(&sources, id);
    file.items.iter().filter_map(item).collect()
}

fn entry(name: String, detail: Option<String>, kind: Kind, span: Span, at: Span, children: Vec<Entry>) -> Entry {
    Entry {
        name,
        detail,
        kind,
        range: Range::new(span.start, span.end),
        selection: Range::new(at.start, at.end),
        children,
    }
}

fn item(i: &Item) -> Option<Entry> {
    Some(match i {
        Item::Header(h) => entry(
            h.id.node.clone(),
            Some(h.name.node.clone()),
            Kind::Header,
            h.span,
            h.id.span,
            Vec::new(),
        ),
        Item::Klasifikasi(k) => entry(
            "klasifikasi".into(),
            k.from_year.as_ref().map(|y| format!("mulai {}", y.node)),
            Kind::Klasifikasi,
            k.span,
            k.span,
            Vec::new(),
        ),
        Item::Sasaran(s) => entry(
            s.code.node.clone(),
            Some(s.name.node.clone()),
            Kind::Sasaran,
            s.span,
            s.code.span,
            s.indikator.iter().map(indikator).collect(),
        ),
        Item::Perjanjian(p) => entry(
            format!("perjanjian {}", p.year.node),
            None,
            Kind::Perjanjian,
            p.span,
            p.year.span,
            Vec::new(),
        ),
        Item::Realisasi(r) => entry(
            format!("realisasi {}", r.year.node),
            None,
            Kind::Realisasi,
            r.span,
            r.year.span,
            Vec::new(),
        ),
        Item::Anggaran(a) => entry(
            format!("anggaran {}", a.year.node),
            None,
            Kind::Anggaran,
            a.span,
            a.year.span,
            Vec::new(),
        ),
        Item::Uji(u) => entry(
            u.name.node.clone(),
            Some(format!("uji {}", u.year.node)),
            Kind::Uji,
            u.span,
            u.name.span,
            Vec::new(),
        ),
        _ => return None,
    })
}

fn indikator(ind: &ast::Indikator) -> Entry {
    let children = ind
        .items
        .iter()
        .filter_map(|i| match i {
            IndikatorItem::Sub(sub) => Some(indikator(sub)),
            _ => None,
        })
        .collect();
    entry(
        ind.id.node.clone(),
        Some(ind.name.node.clone()),
        Kind::Indikator,
        ind.span,
        ind.id.span,
        children,
    )
}

//! The symbol index of a loaded rule tree: where each name is declared and
//! by which level, and every place a rule file, a unit's data or a formula
//! names it. The names are the indikator (declared in an `indikator` line,
//! named by targets, realisasi, formulas and rule tests), the sasaran
//! (declared once, opened again by lower levels), the bands of the
//! klasifikasi (declared again by each table that replaces one) and the
//! functions of the chain's Rhai scripts (declared by `fn`, called in a
//! `rumus`). It is what "go to definition", "find references", rename and
//! hover need, built once while the tree is checked.

use crate::source::{FileId, Span};
use sakip_core::model::TingkatAturan;
use std::collections::BTreeMap;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SymbolKind {
    Indikator,
    Sasaran,
    Band,
    Fungsi,
}

/// One name's place in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Where it is declared first (the most general level).
    pub definition: Span,
    /// The level of the rule set that declares it.
    pub level: TingkatAturan,
    /// Every other place that names it, in the order met, each once. A
    /// band declared again by a lower level's table is one of them.
    pub references: Vec<Span>,
    /// For a script function, its `fn` line (`fn faktor(x, y)`).
    pub signature: Option<String>,
}

/// The names of a tree, by kind and name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Symbols {
    pub indikator: BTreeMap<String, Symbol>,
    pub sasaran: BTreeMap<String, Symbol>,
    pub band: BTreeMap<String, Symbol>,
    pub fungsi: BTreeMap<String, Symbol>,
}

impl Symbols {
    /// The names of one kind.
    pub fn of(&self, kind: SymbolKind) -> &BTreeMap<String, Symbol> {
        match kind {
            SymbolKind::Indikator => &self.indikator,
            SymbolKind::Sasaran => &self.sasaran,
            SymbolKind::Band => &self.band,
            SymbolKind::Fungsi => &self.fungsi,
        }
    }

    pub(crate) fn of_mut(&mut self, kind: SymbolKind) -> &mut BTreeMap<String, Symbol> {
        match kind {
            SymbolKind::Indikator => &mut self.indikator,
            SymbolKind::Sasaran => &mut self.sasaran,
            SymbolKind::Band => &mut self.band,
            SymbolKind::Fungsi => &mut self.fungsi,
        }
    }

    /// Records the declaration of indikator `id`.
    pub(crate) fn declare(&mut self, id: &str, definition: Span, level: TingkatAturan) {
        self.declare_as(SymbolKind::Indikator, id, definition, level);
    }

    /// Records a declaration of `name`; a second one (a band declared again
    /// by a lower level) is recorded as a reference to the first.
    pub(crate) fn declare_as(&mut self, kind: SymbolKind, name: &str, definition: Span, level: TingkatAturan) {
        let names = self.of_mut(kind);
        match names.get_mut(name) {
            Some(first) => {
                if first.definition != definition && !first.references.contains(&definition) {
                    first.references.push(definition);
                }
            }
            None => {
                names.insert(
                    name.to_string(),
                    Symbol {
                        definition,
                        level,
                        references: Vec::new(),
                        signature: None,
                    },
                );
            }
        }
    }

    /// Records the `fn` line of script function `name`.
    pub(crate) fn sign(&mut self, name: &str, signature: String) {
        if let Some(s) = self.fungsi.get_mut(name) {
            s.signature.get_or_insert(signature);
        }
    }

    /// Records a place that names indikator `id`; nothing for an id never declared.
    pub(crate) fn refer(&mut self, id: &str, span: Span) {
        self.refer_as(SymbolKind::Indikator, id, span);
    }

    /// Records a place that names `name`; nothing for a name never declared.
    pub(crate) fn refer_as(&mut self, kind: SymbolKind, name: &str, span: Span) {
        if let Some(s) = self.of_mut(kind).get_mut(name) {
            if s.definition != span && !s.references.contains(&span) {
                s.references.push(span);
            }
        }
    }

    /// The name whose declaration or a reference covers byte `offset` of
    /// `file`: what an editor's cursor is on. An indikator comes first.
    pub fn at(&self, file: FileId, offset: usize) -> Option<(SymbolKind, &str, &Symbol)> {
        // The cursor may stand just after the name (at its end), as it does
        // while the name is typed.
        let covers = |s: &Span| s.file == file && s.start <= offset && offset <= s.end;
        [
            SymbolKind::Indikator,
            SymbolKind::Sasaran,
            SymbolKind::Band,
            SymbolKind::Fungsi,
        ]
        .into_iter()
        .find_map(|kind| {
            self.of(kind)
                .iter()
                .find(|(_, s)| covers(&s.definition) || s.references.iter().any(covers))
                .map(|(name, s)| (kind, name.as_str(), s))
        })
    }
}

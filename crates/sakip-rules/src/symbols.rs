//! The symbol index of a loaded rule tree: where each indikator is
//! declared and by which level, and every place a rule file or a unit's
//! data names it (a target of an agreement, a realisasi, a formula, a rule
//! test). It is what "go to definition", "find references" and hover need,
//! built once while the tree is checked; the beginning of the semantic
//! model issue 11 asks for.

use crate::source::{FileId, Span};
use sakip_core::model::TingkatAturan;
use std::collections::BTreeMap;

/// One indikator's place in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Its id in its `indikator <id> "..."` line.
    pub definition: Span,
    /// The level of the rule set that declares it.
    pub level: TingkatAturan,
    /// Every other place that names it, in the order met, each once.
    pub references: Vec<Span>,
}

/// The indikator of a tree by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Symbols {
    pub indikator: BTreeMap<String, Symbol>,
}

impl Symbols {
    /// Records the declaration of `id`.
    pub(crate) fn declare(&mut self, id: &str, definition: Span, level: TingkatAturan) {
        self.indikator.insert(
            id.to_string(),
            Symbol {
                definition,
                level,
                references: Vec::new(),
            },
        );
    }

    /// Records a place that names `id`; nothing for an id never declared.
    pub(crate) fn refer(&mut self, id: &str, span: Span) {
        if let Some(s) = self.indikator.get_mut(id) {
            if !s.references.contains(&span) {
                s.references.push(span);
            }
        }
    }

    /// The indikator whose declaration or a reference covers byte `offset`
    /// of `file`: what an editor's cursor is on.
    pub fn at(&self, file: FileId, offset: usize) -> Option<(&str, &Symbol)> {
        let covers = |s: &Span| s.file == file && s.start <= offset && offset < s.end.max(s.start + 1);
        self.indikator
            .iter()
            .find(|(_, s)| covers(&s.definition) || s.references.iter().any(covers))
            .map(|(id, s)| (id.as_str(), s))
    }
}

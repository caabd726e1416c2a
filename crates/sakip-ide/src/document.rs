//! One file as the editor has it, and the tree it lives in.

use camino::{Utf8Path, Utf8PathBuf};
use sakip_rules::source::FileId;
use sakip_rules::tree::{Analysis, RuleTree};
use serde::Serialize;
use std::collections::BTreeMap;

/// Bytes `start..end` of a document's text: what every answer points at.
/// The front ends turn it into their own positions (the protocol's UTF-16
/// columns, the workbench's characters) with `sakip_rules::lines`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

impl Range {
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start,
            end: end.max(start),
        }
    }

    /// Whether `offset` is in the range or just after it (a cursor at the
    /// end of a word is on the word).
    pub fn touches(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
}

/// A file as the editor has it: its text, and the rule set that reads it
/// when one does. When that rule set read this very file, the text is the
/// one it read, so that the symbol index's offsets fit it.
#[derive(Debug)]
pub struct Document<'a> {
    pub path: Utf8PathBuf,
    pub text: String,
    pub analysis: Option<&'a Analysis>,
    /// The file among the rule set's sources, when it is one.
    pub file: Option<FileId>,
}

impl<'a> Document<'a> {
    /// `path` as `analysis` read it; `text` when the rule set did not read
    /// it (a file no rule set reads yet, a script on its own).
    pub fn new(path: &Utf8Path, analysis: Option<&'a Analysis>, text: impl FnOnce() -> Option<String>) -> Option<Self> {
        let known = analysis.and_then(|a| a.file(path));
        let text = match known {
            Some((_, f)) => f.source().to_string(),
            None => text()?,
        };
        Some(Self {
            path: path.to_path_buf(),
            text,
            analysis,
            file: known.map(|(id, _)| id),
        })
    }

    /// Whether it is a rule file (not a Rhai script, whose words are not
    /// the rules' words).
    pub fn is_rule_file(&self) -> bool {
        self.path.extension() == Some("sakip")
    }
}

/// The rule tree with the texts an editor holds unsaved: what the
/// features that look across files read.
#[derive(Clone, Copy)]
pub struct Workspace<'a> {
    pub tree: &'a RuleTree,
    pub unsaved: &'a BTreeMap<Utf8PathBuf, String>,
}

impl<'a> Workspace<'a> {
    pub fn new(tree: &'a RuleTree, unsaved: &'a BTreeMap<Utf8PathBuf, String>) -> Self {
        Self { tree, unsaved }
    }

    /// The text of `path` as the editor has it, else as the tree read it,
    /// else as its file system has it.
    pub fn text(&self, path: &Utf8Path) -> Option<String> {
        self.unsaved
            .get(path)
            .cloned()
            .or_else(|| self.tree.text_of(path))
            .or_else(|| sakip_rules::source::read_text_in(self.tree.fs(), path).ok())
    }

    /// `path` as a document: with the rule set the tree holds for it.
    /// The front end asks the tree to `ensure` the file first: a unit's
    /// rule set checked in the background is kept slim (its names, not its
    /// lowered rules) until somebody asks about it.
    pub fn document(&self, path: &Utf8Path) -> Option<Document<'a>> {
        let ws = *self;
        Document::new(path, self.tree.analysis_for(path), move || ws.text(path))
    }
}

//! The editor's features over the rule tree, as plain data.
//!
//! Every answer here is in byte offsets of a document's text and in the
//! domain's own words: a [`hover::Hover`] is Markdown and a range, a
//! [`complete::Completion`] a label and what it names, a
//! [`navigate::Place`] a path and a range. The two front ends staff touch
//! call the same functions: `sakip lsp` converts the answers to the
//! protocol's positions (UTF-16) and types; `sakip serve` sends them to
//! the workbench's editor as JSON. Neither re-implements a feature, so
//! what one shows the other shows.
//!
//! Explain and preview evaluate a unit with the editor's texts (through
//! an overlay of the tree's cache) and answer in the same plain terms.
//!
//! The layers: a [`Document`] is one file as the editor has it, with the
//! rule set that reads it; a [`Workspace`] is the tree with the editor's
//! unsaved texts, for the features that look across files (definition,
//! references, rename, diagnostics).

pub mod complete;
pub mod diagnostics;
mod document;
pub mod explain;
pub mod format;
mod grammar_doc;
pub mod highlight;
pub mod hover;
pub mod navigate;
pub mod outline;
pub mod preview;

pub use document::{Document, Range, Workspace};

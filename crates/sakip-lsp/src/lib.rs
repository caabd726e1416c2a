//! `sakip lsp`: a Language Server Protocol server on stdio for rule files.
//!
//! It keeps a [`sakip_rules::tree::RuleTree`] of the workspace's folders
//! and answers from it: the problems of `check` as the person types
//! (unsaved text included, for the file and for the files that build on
//! it), hover, go to definition, references, rename, completion,
//! formatting, semantic tokens and the outline. Every request is answered,
//! on a broken file with less; nothing a client sends ends the server
//! but `exit`.
//!
//! The layers: [`server`] speaks the protocol and keeps the open files;
//! each feature reads the model in a module of its own.

mod complete;
mod diagnostics;
mod grammar_doc;
mod highlight;
mod hover;
mod navigate;
mod outline;
pub mod position;
mod server;

pub use server::{serve, Server};

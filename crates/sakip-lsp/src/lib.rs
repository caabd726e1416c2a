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
//! the features are `sakip_ide`'s, the same the workbench calls, and
//! [`protocol`] only converts their plain answers to the protocol's
//! positions and types.

pub mod position;
mod protocol;
mod server;

pub use server::{serve, Server, WORDS};

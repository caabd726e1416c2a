//! The sakip rules language.
//!
//! Rule files (`.sakip`) are what policy staff edit each year: the indicators
//! a unit is measured by, their targets, formulas, rounding, the cap and the
//! classification, a unit's Perjanjian Kinerja, and its data. This crate
//! reads them: [`parser`] (pest grammar in `rules.pest`) builds an [`ast`]
//! whose every node keeps its [`source::Span`]; [`resolve`] follows
//! `berdasarkan` from a unit to its Kanwil and the national rules, checks
//! names and references, and lowers the result to `sakip-core`'s `RuleSet`
//! and `UnitData`. Problems are [`error::RuleError`]s (a `sakip_core::Problem`
//! with a span) that render as `file:line:col`, the line, a caret and a fix.
//!
//! GRAMMAR.md at the repository root is the reference for the language.

/// One rule set checked with its chain: the one path every load takes.
pub mod analysis;
/// The syntax tree, as written, with spans.
pub mod ast;
/// The folder a serving process may read rule files from (the workbench).
pub mod boundary;
/// A unit's data file or agreement built in code and printed by the formatter.
pub mod data_file;
/// Problems in rule files, with the span to underline.
pub mod error;
/// Writing files atomically, so nothing a user wrote is ever lost (every
/// front end's writes: fmt, import, report, save in the workbench).
pub mod files;
/// The canonical layout of a rule file (`sakip fmt`).
pub mod format;
/// Where rule sets are read from: the disk, a tree in memory.
pub mod fs;
/// The language's words and a file's tokens, for editors.
pub mod lexicon;
/// Nesting and size limits that keep every stage safe on any input.
pub mod limits;
/// One index of a text's lines: characters for people, UTF-16 for editors.
pub mod lines;
/// Text to syntax tree, with errors a policy officer can act on.
pub mod parser;
/// A few costly things kept while they are asked for.
pub mod recent;
/// Syntax trees to the core's `RuleSet` and `UnitData`: chains, names, checks.
pub mod resolve;
/// Comments and strings told apart, for the formatter and the limits.
mod scan;
/// Where a Rhai script's functions are written.
pub use sakip_script::index as script_index;
/// Rule sets read, parsed and compiled once for all the units of a run.
pub mod shared;
/// Files, spans and their lines and columns.
pub mod source;
/// Where each name is declared and named: the index an editor needs.
pub mod symbols;
/// A rule tree held open and checked again as its files change.
pub mod tree;

pub use error::RuleError;
pub use resolve::{
    check_paths, load_all, load_rule_set, load_rule_set_with, load_unit, load_unit_in, load_unit_with, CheckReport,
    LoadedUnit,
};
pub use shared::Shared;

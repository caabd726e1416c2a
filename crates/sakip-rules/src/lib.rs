//! The sakip rules language.
//!
//! Rule files (`.sakip`) are what policy staff edit each year: the indicators
//! a unit is measured by, their targets, formulas, rounding, the cap and the
//! classification, a unit's Perjanjian Kinerja, and its data. This crate
//! reads them: [`parser`] (pest grammar in `rules.pest`) builds an [`ast`]
//! whose every node keeps its [`source::Span`]; [`resolve`] follows
//! `berdasarkan` from a unit to its Kanwil and the national rules, checks
//! names and references, and lowers the result to `sakip-core`'s `RuleSet`
//! and `UnitData`. Problems are [`error::RuleError`]s that render with miette
//! as `file:line:col`, the line, a caret and a fix.
//!
//! GRAMMAR.md at the repository root is the reference for the language.

pub mod ast;
pub mod data_file;
pub mod error;
pub mod format;
pub mod limits;
pub mod parser;
pub mod resolve;
mod scan;
pub mod shared;
pub mod source;

pub use error::RuleError;
pub use resolve::{
    check_paths, load_all, load_rule_set, load_rule_set_with, load_unit, load_unit_in, load_unit_with, CheckReport,
    LoadedUnit,
};
pub use shared::Shared;

//! What every sakip front end calls: the command line today, a language
//! server and a web workbench later. Each capability is a function here;
//! a front end parses its arguments, calls one, and renders the result.
//!
//! - [`unit`]: one unit's year, with last year's figures beside it (`eval`,
//!   `explain`, `report`).
//! - [`rollup`]: every unit under some folders, evaluated in parallel with
//!   the rule sets they share read once, handed on in a fixed order.
//! - [`long_table`]: many units' rows from one long CSV, as a ministry
//!   exports them, evaluated against given rule sets.
//! - [`explain`]: one indicator's year step by step (`explain`).
//! - [`changes`]: what changed in the rules between two years (`diff`).
//! - [`rule_tests`]: the `uji` cases of rule sets (`test`).
//! - [`new_year`]: next year's Perjanjian Kinerja, started from this year's.
//! - [`merge`]: the parts of a run split across machines, put back together.
//! - [`wilayah`]: a region's own chapter III, its indikator computed from its units.
//!
//! The summaries themselves are pure arithmetic and live in the core
//! (`sakip_core::rekap`), where renderers read them.

pub mod changes;
pub mod explain;
pub mod long_table;
pub mod merge;
pub mod new_year;
pub mod pipeline;
pub mod provenance;
pub mod receipt;
pub mod rollup;
pub mod rule_tests;
pub mod unit;
pub mod whatif;
pub mod why;
pub mod wilayah;

pub use rollup::{Outcome, Selection};
pub use unit::{evaluate_unit, evaluate_year};

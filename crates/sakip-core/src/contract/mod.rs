//! The JSON contract: **contract**. A unit's year is one object with
//! `satker`, `year`, `indicators[]`, `budget[]` (the lines) and
//! `budget_total` (their sum), and `diagnostics[]`; a rollup's document
//! adds the summaries per Kanwil and national, the ranking and the
//! failures. Every number is a string in plain decimal notation, absent
//! figures `null`. Fields beyond the contract may be added; these may not
//! change meaning.
//!
//! It lives in the core so that every reader and writer of it stands on
//! the same types: `eval --format json` and each line of a rollup's
//! `jsonl` (sakip-report serialises [`unit`]), and a receipt, which hashes
//! its compact bytes (sakip-engine, which depends on no renderer).
//!
//! [`unit()`] builds one unit's year; [`summaries`] what follows the units
//! in `rollup --format json` ([`RollupDocument`] is the whole document);
//! a [`Receipt`] records what a result was computed from.

mod receipt;
mod rollup;
mod unit;

pub use receipt::*;
pub use rollup::*;
pub use unit::*;

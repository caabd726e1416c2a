//! Renderers for an [`Evaluation`]: the last stage of `parse -> resolve ->
//! evaluate -> render`. Each format is one module and a pure function from
//! the evaluation to text; nothing here computes a figure.
//!
//! - [`json`]: the machine contract (numbers as plain decimal strings).
//! - [`table`]: what a person reads in a terminal, grouped by tier and sasaran.
//! - [`html`]: one self-contained page with inline SVG charts.
//! - [`markdown`]: tables to paste into a report.
//! - [`csv`]: one row per indicator, for spreadsheets.
//! - [`xlsx`]: an Excel workbook, one sheet per table, numbers as numbers.
//! - [`rekap`], [`rekap_html`], [`rekap_xlsx`]: many units added up
//!   (`sakip rollup`): the long CSV, summaries, the rollup report.
//! - [`problem`]: the one JSON shape and short line of every problem.
//! - [`number_text`]: numbers the Indonesian way (`77,5`, `Rp 1.938.261.000`).

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod number_text;
pub mod problem;
pub mod rekap;
pub mod rekap_html;
pub mod rekap_xlsx;
pub mod table;
pub mod xlsx;

pub use sakip_core::Evaluation;

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
//! - [`docx`]: a Word document, chapter III's tables captioned as the LKjIP has them.
//! - [`rekap`], [`rekap_html`], [`rekap_xlsx`]: many units added up
//!   (`sakip rollup`): the long CSV, summaries, the rollup report.
//! - [`problem`]: the one JSON shape and short line of every problem.
//! - [`number_text`]: numbers the Indonesian way (`77,5`, `Rp 1.938.261.000`).

/// One row per indicator, for spreadsheets.
pub mod csv;
/// `report --format docx`: chapter III as a Word document.
pub mod docx;
/// The report page, with inline SVG charts, in Indonesian or English.
pub mod html;
/// The machine contract of one evaluation.
pub mod json;
/// Chapter III as Markdown tables.
pub mod markdown;
/// Numbers as Indonesian reports write them.
pub mod number_text;
/// The report as an A4 PDF, fonts embedded, written without a browser.
pub mod pdf;
/// Every problem, for people and for machines.
pub mod problem;
/// A rollup's rows, budget lines and summaries (CSV, JSON, terminal).
pub mod rekap;
/// A rollup's report page.
pub mod rekap_html;
/// A rollup's workbook.
pub mod rekap_xlsx;
/// The terminal tables of one evaluation.
pub mod table;
/// The workbook of one evaluation.
pub mod xlsx;

pub use sakip_core::Evaluation;

//! End-to-end tests: the real `sakip` binary, run as its users run it.
//! One test binary (fewer links on a small machine); one module per area.

// Tests state their expectations with unwrap and indexing: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod attacks;
mod berjalan;
mod browser;
mod browser_attacks;
mod check;
mod codes;
mod diff;
mod docx;
mod editor;
mod eval;
mod fmt;
mod grammar_examples;
mod ikpa_nka;
mod import;
mod lang;
mod lsp;
mod pdf;
mod provenance;
mod readme;
mod receipt;
mod report;
mod rollup;
mod sasaran;
mod schema;
mod scripts;
mod seed;
mod serve;
mod skala;
mod support;
mod warehouse;
mod webdriver;
mod whatif;
mod why;
mod wilayah;
mod workbench;
mod years;

//! The SAKIP indicator model and its evaluation.
//!
//! This crate is the middle of the pipeline `parse -> resolve -> evaluate ->
//! render`: it receives a resolved [`RuleSet`] (built by `sakip-rules` from the
//! rule files) and a unit's [`UnitData`] for one year, and produces an
//! [`Evaluation`]: every indicator's target, realisasi, capaian and band, the
//! budget with its penyerapan, and the [`Diagnostic`]s that say which figures
//! are doubtful. It knows nothing of pest, Rhai or files; formulas arrive as
//! [`formula::Expr`] trees and functions that scripts provide arrive through
//! the [`host::ScriptHost`] trait, which also carries the scoring hooks.
//!
//! Every figure is a [`rust_decimal::Decimal`] and every operation on one is
//! checked: an overflow or a division by zero becomes a diagnostic, never a
//! panic and never a silently wrong number.
//!
//! Map of the crate:
//! - [`pembulatan`]: the rule set's rounding (truncate or half-up, n decimals).
//! - [`satuan`], [`periode`], [`agregasi`], [`polaritas`]: the parts of an
//!   indicator's definition.
//! - [`klasifikasi`]: bands of capaian with labels and colours.
//! - [`skala`]: qualitative indikator, their values on an ordered scale.
//! - [`formula`]: the expression language of `rumus` lines.
//! - [`host`]: what scripts may provide (functions and scoring hooks).
//! - [`model`]: sasaran, indikator, targets, the Perjanjian Kinerja, the rule set.
//! - [`data`]: what a unit reports for a year (realisasi, budget, printed figures).
//! - [`evaluate`] and [`anggaran`]: the computation, producing an [`Evaluation`].
//! - [`tahun_lalu`]: the comparison with last year's figures, and progress
//!   towards the Renstra.
//! - [`perubahan`]: what changed in the rules between two years.
//! - [`code`]: the registry of problem codes; [`diagnostic`]: problems as
//!   data, one shape for every stage; rendering is the caller's.
//! - [`uji`]: rule tests written as data.
//! - [`rekap`]: many units added up per Kanwil and for the country.
//! - [`wilayah`]: a region's own indikator, computed from its units.

pub mod agregasi;
pub mod anggaran;
pub mod angka;
pub mod arah_rumus;
pub mod code;
pub mod contract;
pub mod data;
pub mod diagnostic;
pub mod evaluate;
pub mod formula;
pub mod host;
pub mod i18n;
pub mod klasifikasi;
pub mod model;
pub mod pembulatan;
pub mod periode;
pub mod perubahan;
pub mod polaritas;
pub mod printed_cause;
pub mod rekap;
pub mod satuan;
pub mod severity;
pub mod skala;
pub mod tahun_lalu;
pub mod uji;
pub mod wilayah;

pub use code::Code;
pub use data::UnitData;
pub use diagnostic::{Diagnostic, Problem, Severity, Snippet};
pub use evaluate::{evaluate, Evaluation, IndicatorResult};
pub use i18n::{Lang, Text};
pub use model::RuleSet;
pub use rust_decimal::Decimal;

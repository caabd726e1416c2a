//! The Rhai host: Kanwil and unit scripts that change scoring, sandboxed.
//!
//! A rule set names its scripts (`skrip "sumsel.rhai"`); [`ScriptSet`]
//! compiles each once and answers the core's [`ScriptHost`] questions by
//! calling the script functions of the same names:
//!
//! | script function | called for | returns |
//! |---|---|---|
//! | `fn capaian(i)` | each indicator without a `rumus capaian` | a decimal, or `()` for the rules' default |
//! | `fn klasifikasi(capaian, i)` | each rounded capaian | a band id of the klasifikasi, or `()` |
//! | `fn nilai_satker(hasil)` | the unit, once | a decimal |
//! | any other `fn name(a, b, ...)` | a `rumus` that calls `name(...)` | a decimal |
//!
//! `i` is a map: `id`, `tier`, `satuan`, `polaritas`, `tahun`, `target`,
//! `realisasi` and `periode` (a map from `tw1`..`smt2` to decimals). `hasil`
//! is an array of maps with `id`, `tier`, `capaian`, `bobot` and `band`.
//! Numbers are decimals: `77.5` in a script is exact, as in the rules.
//!
//! When two levels define the same function, the unit's script wins over
//! its Kanwil's, which wins over the national one. Scripts run in the
//! sandbox of [`sandbox::engine`]: bounded, no files, no imports, no `eval`,
//! no clock, no randomness, no output.
//!
//! [`ScriptHost`]: sakip_core::host::ScriptHost

/// Where a script defines its functions, read from its text outside
/// comments and strings.
pub mod index;
pub mod sandbox;
pub mod scripts;

pub use scripts::{CompiledScript, ScriptError, ScriptSet, ScriptSource};

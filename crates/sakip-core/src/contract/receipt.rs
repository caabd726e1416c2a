//! A receipt (`eval|report --receipt`): what a result was computed from
//! (every file, hashed) and what it was (the contract's hash and the
//! figures), so that `sakip verify` can say whether it still holds.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One file a result was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileHash {
    pub path: String,
    pub sha256: String,
}

/// One indikator's figures, as the result printed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub target: Option<String>,
    pub realisasi: Option<String>,
    pub capaian: Option<String>,
    pub band: Option<String>,
}

/// What a result was computed from, and what it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Receipt {
    /// The sakip version that computed it.
    pub sakip: String,
    /// The unit's folder, as given on the command line.
    pub unit: String,
    pub year: u16,
    /// Every rule, data and script file read, in path order.
    pub files: Vec<FileHash>,
    /// SHA-256 of the canonical JSON result.
    pub result_sha256: String,
    /// Each indikator's figures, by id.
    pub figures: BTreeMap<String, Figures>,
    /// The unit's score, when a script computes one.
    pub nilai: Option<String>,
    /// The year in progress: the period the result is up to (`tw2`);
    /// absent for a whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// A Kanwil's or national rule set's own result (`unit` is then that
    /// rule set): the folders its units were found under (`--units`);
    /// absent for a unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
}

/// The JSON Schema (2020-12) of a receipt: what docs/receipt.schema.json
/// holds.
#[cfg(feature = "schema")]
pub fn receipt_schema() -> schemars::Schema {
    schemars::schema_for!(Receipt)
}

//! Receipts: "is this report really what the rules give for this data?"
//!
//! `eval` and `report` with `--receipt <file>` write what the result was
//! computed from (each rule, data and script file with its SHA-256), the
//! SHA-256 of the canonical JSON result, and the figures themselves.
//! `sakip verify <receipt>` recomputes from the files on disk and says
//! `identical`, or which files and which figures differ. The canonical
//! result is the one-line JSON of `eval --format json` (its keys in a fixed
//! order, its numbers as exact decimal strings), so anyone can recompute
//! the hash with the same sakip version.

use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::evaluate::{Evaluation, Options};
use sakip_core::{Code, Text};
use sakip_rules::{LoadedUnit, RuleError};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

// The receipt's shape is the contract's (sakip_core::contract), with its
// schema (docs/receipt.schema.json); computing and checking one is here.
pub use sakip_core::contract::{Figures, FileHash, Receipt};

/// What `verify` found.
#[derive(Debug, Clone)]
pub enum Verdict {
    Identical,
    /// The files no longer give a result (the rules do not load, or the
    /// year is gone): which files changed, and why nothing can be computed.
    Unevaluable {
        files: Vec<FileChange>,
        errors: Vec<RuleError>,
    },
    Differs {
        /// Files whose contents changed, or that are gone (`None`) or new.
        files: Vec<FileChange>,
        /// Figures that changed: indikator (empty for the unit's score),
        /// what, before, after.
        figures: Vec<(String, &'static str, Option<String>, Option<String>)>,
        /// Whether the result's hash differs (it may with equal figures: a
        /// finding, a name or a trace step changed).
        result: bool,
    },
}

/// A file that is not as the receipt recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    Changed(String),
    Missing(String),
    Added(String),
}

fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The canonical JSON of a result, and its hash.
pub fn result_hash(ev: &Evaluation, unit: &LoadedUnit) -> String {
    // The contract's compact bytes: what a rollup's `jsonl` line holds.
    let out = sakip_core::contract::unit(ev, &unit.rules, &unit.scripts.names(ev.year));
    let json = serde_json::to_string(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    sha256(json.as_bytes())
}

/// The files a unit's result was computed from: every rule and data file
/// of its chain and every script in force, in path order.
fn files_of(unit: &LoadedUnit, year: u16) -> Vec<Utf8PathBuf> {
    let mut paths: Vec<Utf8PathBuf> = unit
        .sources
        .paths()
        .filter(|p| p.extension() == Some("sakip"))
        .map(Utf8Path::to_path_buf)
        .collect();
    paths.extend(unit.scripts.in_force(year).iter().map(|s| Utf8PathBuf::from(s.name)));
    paths.sort();
    paths.dedup();
    paths
}

/// The receipt of `ev`, the result of the unit in `dir` loaded as `unit`;
/// for a level's own result, the folders its units were found under
/// (`units`) and the files of those read (`unit_files`).
pub fn make(
    dir: &Utf8Path,
    unit: &LoadedUnit,
    ev: &Evaluation,
    units: &[Utf8PathBuf],
    unit_files: &[Utf8PathBuf],
) -> Receipt {
    let mut paths = files_of(unit, ev.year);
    paths.extend(unit_files.iter().cloned());
    paths.sort();
    paths.dedup();
    let files = paths
        .into_iter()
        .map(|p| FileHash {
            sha256: std::fs::read(&p).map(|b| sha256(&b)).unwrap_or_default(),
            path: p.to_string(),
        })
        .collect();
    Receipt {
        sakip: env!("CARGO_PKG_VERSION").to_string(),
        unit: dir.to_string(),
        year: ev.year,
        files,
        result_sha256: result_hash(ev, unit),
        figures: figures(ev),
        nilai: ev.nilai.as_ref().map(|n| n.value.to_string()),
        until: ev.until.map(|p| p.keyword().to_string()),
        units: units.iter().map(ToString::to_string).collect(),
    }
}

fn figures(ev: &Evaluation) -> BTreeMap<String, Figures> {
    ev.indicators
        .iter()
        .map(|i| {
            (
                i.id.clone(),
                Figures {
                    target: i.target.map(|d| d.to_string()),
                    realisasi: i.realisasi.map(|d| d.to_string()),
                    capaian: i.capaian.map(|d| d.to_string()),
                    band: i.band.as_ref().map(|b| b.id.clone()),
                },
            )
        })
        .collect()
}

/// The receipt as written: pretty JSON with a final newline.
pub fn to_json(receipt: &Receipt) -> String {
    let mut s = serde_json::to_string_pretty(receipt).unwrap_or_default();
    s.push('\n');
    s
}

/// Reads the receipt at `path`: a clear error when it cannot be read or is
/// not a receipt.
pub fn read(path: &Utf8Path) -> Result<Receipt, Vec<RuleError>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![RuleError::path_says(
            path.as_str(),
            Code::FileUnreadable,
            Text::new("file-unreadable-2").arg("path", path).arg("error", &e),
        )]
    })?;
    serde_json::from_str(&text).map_err(|e| {
        vec![RuleError::path_says(
            path.as_str(),
            Code::ReceiptInvalid,
            Text::new("receipt-invalid").arg("path", path).arg("error", &e),
        )
        .help_says(Text::new("receipt-invalid-help"))]
    })
}

/// Recomputes the receipt at `path` from the files on disk.
pub fn verify(path: &Utf8Path) -> Result<(Receipt, Verdict), Vec<RuleError>> {
    let old = read(path)?;
    let dir = Utf8PathBuf::from(&old.unit);
    let mut files: Vec<FileChange> = Vec::new();
    for f in &old.files {
        match std::fs::read(&f.path) {
            Ok(bytes) if sha256(&bytes) == f.sha256 => {}
            Ok(_) => files.push(FileChange::Changed(f.path.clone())),
            Err(_) => files.push(FileChange::Missing(f.path.clone())),
        }
    }
    // Evaluated as it was: up to its period, over its units.
    let until = match old.until.as_deref() {
        None => None,
        Some(word) => match sakip_core::periode::Periode::from_keyword(word) {
            Some(p) => Some(p),
            None => {
                return Err(vec![RuleError::path_says(
                    path.as_str(),
                    Code::ReceiptInvalid,
                    Text::new("receipt-invalid")
                        .arg("path", path)
                        .arg("error", format!("`until`: `{word}` is not a period")),
                )
                .help_says(Text::new("receipt-invalid-help"))])
            }
        },
    };
    let units: Vec<Utf8PathBuf> = old.units.iter().map(Utf8PathBuf::from).collect();
    let options = Options { trace: false, until };
    let done = match crate::wilayah::evaluate_unit_or_level(&dir, &units, old.year, options) {
        Ok(v) => v,
        Err(errors) => return Ok((old, Verdict::Unevaluable { files, errors })),
    };
    let new = make(&dir, &done.unit, &done.evaluation, &units, &done.unit_files);
    for f in &new.files {
        if !old.files.iter().any(|o| o.path == f.path) {
            files.push(FileChange::Added(f.path.clone()));
        }
    }
    let mut changed = Vec::new();
    let ids: std::collections::BTreeSet<&String> = old.figures.keys().chain(new.figures.keys()).collect();
    for id in ids {
        let (a, b) = (old.figures.get(id), new.figures.get(id));
        let pick = |f: Option<&Figures>, what: &str| {
            f.and_then(|f| match what {
                "target" => f.target.clone(),
                "realisasi" => f.realisasi.clone(),
                "capaian" => f.capaian.clone(),
                _ => f.band.clone(),
            })
        };
        for what in ["target", "realisasi", "capaian", "band"] {
            let (x, y) = (pick(a, what), pick(b, what));
            if x != y {
                changed.push((id.clone(), what, x, y));
            }
        }
    }
    if old.nilai != new.nilai {
        // The unit's score has no indikator: an empty id.
        changed.push((String::new(), "nilai", old.nilai.clone(), new.nilai.clone()));
    }
    let result = old.result_sha256 != new.result_sha256;
    let verdict = if files.is_empty() && changed.is_empty() && !result {
        Verdict::Identical
    } else {
        Verdict::Differs {
            files,
            figures: changed,
            result,
        }
    };
    Ok((old, verdict))
}

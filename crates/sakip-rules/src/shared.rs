//! What the loads of one run share: the rule sets that units build on.
//!
//! A Kanwil's rules are read by each of its 20-60 units, the national rules
//! by every unit in the country. When many rule sets are loaded in one run
//! (`check` of a tree, `rollup`), each file reached through `berdasarkan`
//! is read and parsed once, each script it names compiled once, and every
//! unit's load takes a shared handle to them. Loads may run on several
//! threads at once: the first to ask for a file reads it while the others
//! wait for that file only.
//!
//! A unit's own files are not kept here: they are read by its load and
//! dropped with it, so memory does not grow with the number of units.

use crate::ast;
use crate::error::RuleError;
use crate::parser::parse;
use crate::source::{FileId, SourceFile, SourceMap};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_script::{CompiledScript, ScriptError};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

/// A rule file as read and parsed once for the whole run.
#[derive(Debug, Clone)]
pub(crate) struct SharedFile {
    /// Its id in every source map that includes it.
    pub id: FileId,
    /// Its text, shared by every unit's source map.
    pub source: Arc<SourceFile>,
    /// `None` when it does not parse; the error is in `error`.
    pub ast: Option<Arc<ast::File>>,
    /// Why it does not parse, reported once per unit that includes it.
    pub error: Option<RuleError>,
}

impl SharedFile {
    /// Reads and parses the file at `path`; `Err` says why it cannot be read.
    pub(crate) fn read(path: &Utf8Path) -> Result<Self, String> {
        let text = crate::source::read_text(path)?;
        let mut sources = SourceMap::default();
        let id = sources.add(path, text);
        let (ast, error) = match parse(&sources, id) {
            Ok(f) => (Some(Arc::new(f)), None),
            Err(e) => (None, Some(*e)),
        };
        let source = sources.get_shared(id).ok_or("the file was not kept")?;
        Ok(Self { id, source, ast, error })
    }
}

/// One slot per key, filled once by whoever asks first.
type Slots<K, V> = Mutex<HashMap<K, Arc<OnceLock<V>>>>;

/// Files, folder listings and compiled scripts shared by the loads of one run.
pub struct Shared {
    files: Slots<Utf8PathBuf, Result<SharedFile, String>>,
    listings: Slots<Utf8PathBuf, Result<Vec<Utf8PathBuf>, String>>,
    scripts: Slots<Utf8PathBuf, ScriptLoad>,
    /// Whether loads record every place that names an indikator (the
    /// symbol index's references). A batch run that only evaluates does not
    /// need them, and saves a few percent of its time.
    references: bool,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

/// The slot for `key`, made empty when new. The map is locked only to find
/// the slot: filling it (reading, parsing, compiling) happens outside.
fn slot<K: Eq + Hash, V>(slots: &Slots<K, V>, key: K) -> Arc<OnceLock<V>> {
    // A thread that panicked while holding the lock left the map whole
    // (an insert either happened or did not), so a poisoned lock is usable.
    let mut map = slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    map.entry(key).or_default().clone()
}

impl Default for Shared {
    /// A cache for loads that index every reference (an editor, `check`).
    fn default() -> Self {
        Self {
            files: Slots::default(),
            listings: Slots::default(),
            scripts: Slots::default(),
            references: true,
        }
    }
}

impl Shared {
    /// A cache for a batch run that only evaluates: its loads index where
    /// each indikator is declared but not every place that names it.
    pub fn for_batch() -> Self {
        Self {
            references: false,
            ..Self::default()
        }
    }

    /// Whether loads record the places that name each indikator.
    pub(crate) fn indexes_references(&self) -> bool {
        self.references
    }

    /// The file at `path`, read and parsed the first time it is asked for;
    /// `Err` says why it cannot be read.
    pub(crate) fn file(&self, path: &Utf8Path) -> Result<SharedFile, String> {
        slot(&self.files, path.to_path_buf())
            .get_or_init(|| SharedFile::read(path))
            .clone()
    }

    /// The `.sakip` files in `dir`, sorted; `Err` says why it cannot be read.
    pub(crate) fn listing(&self, dir: &Utf8Path) -> Result<Vec<Utf8PathBuf>, String> {
        slot(&self.listings, dir.to_path_buf())
            .get_or_init(|| crate::resolve::sakip_files_in(dir).map_err(|e| e.to_string()))
            .clone()
    }

    /// The script at `path`, read and compiled the first time it is asked for.
    pub(crate) fn script(&self, path: &Utf8Path) -> ScriptLoad {
        slot(&self.scripts, path.to_path_buf())
            .get_or_init(|| ScriptLoad::read(path))
            .clone()
    }
}

/// A script file read and compiled, or why it could not be.
#[derive(Debug, Clone)]
pub(crate) enum ScriptLoad {
    Compiled(Arc<CompiledScript>),
    Unreadable(String),
    /// It does not compile; its text is kept to show the line at fault.
    Broken {
        text: String,
        error: ScriptError,
    },
}

impl ScriptLoad {
    /// Reads and compiles the script at `path`.
    pub(crate) fn read(path: &Utf8Path) -> Self {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => return ScriptLoad::Unreadable(e.to_string()),
        };
        match CompiledScript::compile(path.as_str(), &text) {
            Ok(script) => ScriptLoad::Compiled(Arc::new(script)),
            Err(error) => ScriptLoad::Broken { text, error },
        }
    }
}

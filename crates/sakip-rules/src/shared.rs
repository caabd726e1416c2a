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
use crate::fs::FileSystem;
use crate::parser::parse;
use crate::source::{FileId, SourceFile, SourceMap};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::Text;
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
    /// `None` when it does not parse; the errors are in `errors`. In an
    /// editor, what parsed of a file with errors (see [`Parse::Tolerant`]).
    pub ast: Option<Arc<ast::File>>,
    /// Why it does not parse, reported once per unit that includes it.
    pub errors: Vec<RuleError>,
}

/// How a file is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parse {
    /// A syntax error stops the file: the command line's `check`, `eval`.
    Strict,
    /// A syntax error costs its item only, for an editor (the language
    /// server, the workbench) whose text is mid-typing.
    Tolerant,
}

impl SharedFile {
    /// Reads (through `fs`) and parses the file at `path`; `Err` says why
    /// it cannot be read.
    pub(crate) fn read(fs: &dyn FileSystem, path: &Utf8Path, how: Parse) -> Result<Self, Text> {
        Self::parse(path, crate::source::read_text_in(fs, path)?, how)
    }

    /// Parses `text`, the contents of `path` (read, or unsaved in an editor).
    pub(crate) fn parse(path: &Utf8Path, text: String, how: Parse) -> Result<Self, Text> {
        let mut sources = SourceMap::default();
        let id = sources.add(path, text);
        let (ast, errors) = match how {
            Parse::Strict => match parse(&sources, id) {
                Ok(f) => (Some(Arc::new(f)), Vec::new()),
                Err(e) => (None, vec![*e]),
            },
            Parse::Tolerant => {
                let (f, errors) = crate::parser::parse_tolerant(&sources, id);
                (Some(Arc::new(f)), errors)
            }
        };
        let source = sources
            .get_shared(id)
            .ok_or_else(|| Text::new("raw").arg("text", "the file was not kept"))?;
        Ok(Self {
            id,
            source,
            ast,
            errors,
        })
    }
}

/// One slot per key, filled once by whoever asks first.
type Slots<K, V> = Mutex<HashMap<K, Arc<OnceLock<V>>>>;

/// Files, folder listings and compiled scripts shared by the loads of one run.
pub struct Shared {
    files: Slots<Utf8PathBuf, Result<SharedFile, Text>>,
    listings: Slots<Utf8PathBuf, Result<Vec<Utf8PathBuf>, String>>,
    scripts: Slots<Utf8PathBuf, ScriptLoad>,
    /// Whether loads record every place that names an indikator (the
    /// symbol index's references). A batch run that only evaluates does not
    /// need them, and saves a few percent of its time.
    references: bool,
    /// Whether a load's own files are kept too (an editor, which loads the
    /// same rule sets again after every change), not only the shared ones.
    keep_all: bool,
    /// Whether files are parsed tolerantly (an editor's, mid-typing).
    tolerant: bool,
    /// Whether a load's own files are held from the time they are first
    /// read until the next load takes them (see [`Shared::release`]): a
    /// lazy editor reads a folder's files to find its rule sets, then checks
    /// them, and parsing them twice was half of its background's time.
    hold_own: bool,
    /// The own files held, by path.
    held: Mutex<HashMap<Utf8PathBuf, SharedFile>>,
    /// Texts that replace what is on disk: files open in an editor, unsaved.
    unsaved: Mutex<HashMap<Utf8PathBuf, Arc<str>>>,
    /// Where files are read from: the disk, or a tree in memory.
    fs: Arc<dyn FileSystem>,
    /// The rule sets above units as lowered once for all of them (see
    /// `resolve::lower::upper`); shared with overlays and views.
    uppers: Arc<crate::resolve::lower::Uppers>,
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
            keep_all: false,
            tolerant: false,
            hold_own: false,
            held: Mutex::default(),
            unsaved: Mutex::default(),
            fs: Arc::new(crate::fs::Disk),
            uppers: Arc::default(),
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

    /// A cache for an editor: every file is kept, own or shared, until
    /// [`Shared::forget`] says it changed; unsaved texts replace the disk's.
    pub fn for_editor() -> Self {
        Self {
            keep_all: true,
            tolerant: true,
            ..Self::default()
        }
    }

    /// A cache for an editor over a tree too big to keep (see
    /// [`crate::tree::RuleTree::lazy`]): files are parsed tolerantly and
    /// the rule sets units build on are kept, but a unit's own files are
    /// read for each of its checks and dropped after. Keeping 25,000
    /// units' files parsed cost more memory than their checks (measured
    /// at 2,000 units: 149 MB with them, 124 MB without), and reading
    /// three small files again is nothing beside lowering the chain.
    pub fn for_lazy_editor() -> Self {
        Self {
            tolerant: true,
            hold_own: true,
            ..Self::default()
        }
    }

    /// A cache that reads `path` as `text` and everything else as this one
    /// does, sharing what this one has read, parsed and compiled: the
    /// national rules, the Kanwil's, their scripts. A keystroke's check or
    /// preview in an editor then parses the edited file and the unit's
    /// own, not the whole chain again, and changes nothing of this cache
    /// (what it reads for the first time from disk, it reads for both).
    pub fn overlay(&self, path: &Utf8Path, text: &str) -> Shared {
        self.share(Some((path, text)))
    }

    /// A cache that reads everything as this one does and shares what it
    /// has read (see [`Shared::overlay`]): for work done outside the lock
    /// that guards this one, or that must not add to it.
    pub fn view(&self) -> Shared {
        self.share(None)
    }

    fn share(&self, typed: Option<(&Utf8Path, &str)>) -> Shared {
        fn except<K: Clone + Eq + Hash, V>(slots: &Slots<K, V>, skip: impl Fn(&K) -> bool) -> Slots<K, V> {
            let map = slots.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            Mutex::new(
                map.iter()
                    .filter(|(k, _)| !skip(k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            )
        }
        let path = typed.map(|(p, _)| p);
        let dir = path.map(dir_of);
        let mut unsaved = self
            .unsaved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        if let Some((p, text)) = typed {
            unsaved.insert(p.to_path_buf(), Arc::from(text));
        }
        Shared {
            files: except(&self.files, |k| Some(k.as_path()) == path),
            listings: except(&self.listings, |k| Some(k) == dir.as_ref()),
            scripts: except(&self.scripts, |k| Some(k.as_path()) == path),
            references: self.references,
            // Its own files are read for it alone: it lives for one request.
            keep_all: false,
            tolerant: self.tolerant,
            hold_own: false,
            held: Mutex::default(),
            unsaved: Mutex::new(unsaved),
            fs: self.fs.clone(),
            uppers: self.uppers.clone(),
        }
    }

    /// The same cache reading through `fs` instead of the disk.
    pub fn with_fs(self, fs: Arc<dyn FileSystem>) -> Self {
        Self { fs, ..self }
    }

    /// Where files are read from.
    pub fn fs(&self) -> &dyn FileSystem {
        &*self.fs
    }

    /// The upper parts of chains lowered in this run.
    pub(crate) fn uppers(&self) -> &crate::resolve::lower::Uppers {
        &self.uppers
    }

    /// Whether loads record the places that name each indikator.
    pub(crate) fn indexes_references(&self) -> bool {
        self.references
    }

    /// Takes `text` as the contents of `path` from now on, whatever the disk
    /// holds (`None`: the disk's again), and forgets what was read of it.
    pub fn set_unsaved(&self, path: &Utf8Path, text: Option<&str>) {
        {
            let mut unsaved = self.unsaved.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            match text {
                Some(t) => {
                    unsaved.insert(path.to_path_buf(), Arc::from(t));
                }
                None => {
                    unsaved.remove(path);
                }
            }
        }
        self.forget(path);
    }

    /// Forgets what was read of `path` (a file or a script changed, created
    /// or deleted), and the listing of its folder.
    pub fn forget(&self, path: &Utf8Path) {
        let dir = dir_of(path);
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(path);
        self.held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(path);
        self.scripts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(path);
        self.listings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&dir);
    }

    /// The unsaved text of `path`, when an editor holds one.
    fn unsaved(&self, path: &Utf8Path) -> Option<Arc<str>> {
        self.unsaved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(path)
            .cloned()
    }

    /// Reads `path`: its unsaved text, else the disk's.
    fn read(&self, path: &Utf8Path) -> Result<SharedFile, Text> {
        // An editor's files are parsed tolerantly: mid-typing, a mistake
        // must not take the rest of the file with it.
        let how = if self.tolerant { Parse::Tolerant } else { Parse::Strict };
        match self.unsaved(path) {
            Some(text) => SharedFile::parse(path, text.to_string(), how),
            None => SharedFile::read(&*self.fs, path, how),
        }
    }

    /// The file at `path`, read and parsed the first time it is asked for;
    /// `Err` says why it cannot be read.
    pub(crate) fn file(&self, path: &Utf8Path) -> Result<SharedFile, Text> {
        slot(&self.files, path.to_path_buf())
            .get_or_init(|| self.read(path))
            .clone()
    }

    /// A file of the rule set being loaded: kept for the next load in an
    /// editor, read for this load alone otherwise.
    pub(crate) fn own_file(&self, path: &Utf8Path) -> Result<SharedFile, Text> {
        if self.keep_all {
            return self.file(path);
        }
        if !self.hold_own {
            return self.read(path);
        }
        let mut held = self.held.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(file) = held.get(path) {
            return Ok(file.clone());
        }
        let file = self.read(path)?;
        held.insert(path.to_path_buf(), file.clone());
        Ok(file)
    }

    /// Lets go of the own files held in `dir` (see `hold_own`): its rule
    /// sets are checked, and what they read is in their analyses.
    pub(crate) fn release(&self, dir: &Utf8Path) {
        self.held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .retain(|p, _| dir_of(p) != dir);
    }

    /// The `.sakip` files in `dir`, sorted; `Err` says why it cannot be read.
    /// A file open unsaved in an editor and not yet on disk is listed too.
    pub(crate) fn listing(&self, dir: &Utf8Path) -> Result<Vec<Utf8PathBuf>, String> {
        slot(&self.listings, dir.to_path_buf())
            .get_or_init(|| self.list(dir))
            .clone()
    }

    /// Lists `dir` now, with the unsaved files an editor holds in it.
    pub(crate) fn list(&self, dir: &Utf8Path) -> Result<Vec<Utf8PathBuf>, String> {
        let mut files = crate::resolve::sakip_files_in(&*self.fs, dir).map_err(|e| e.to_string())?;
        let unsaved = self.unsaved.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for path in unsaved.keys() {
            if dir_of(path) == dir && path.extension() == Some("sakip") && !files.contains(path) {
                files.push(path.clone());
            }
        }
        files.sort();
        Ok(files)
    }

    /// The script at `path`, read and compiled the first time it is asked for.
    pub(crate) fn script(&self, path: &Utf8Path) -> ScriptLoad {
        slot(&self.scripts, path.to_path_buf())
            .get_or_init(|| self.read_script(path))
            .clone()
    }

    /// A script of the rule set being loaded (see [`Shared::own_file`]).
    pub(crate) fn own_script(&self, path: &Utf8Path) -> ScriptLoad {
        if self.keep_all {
            self.script(path)
        } else {
            self.read_script(path)
        }
    }

    /// Reads and compiles the script at `path`: its unsaved text, else the disk's.
    fn read_script(&self, path: &Utf8Path) -> ScriptLoad {
        match self.unsaved(path) {
            Some(text) => ScriptLoad::compile(path, text.to_string()),
            None => ScriptLoad::read(&*self.fs, path),
        }
    }
}

/// The folder of `path` as listings name it.
fn dir_of(path: &Utf8Path) -> Utf8PathBuf {
    crate::resolve::folder_of(path)
}

/// A script file read and compiled, or why it could not be.
#[derive(Debug, Clone)]
pub(crate) enum ScriptLoad {
    Compiled(Arc<CompiledScript>),
    Unreadable(Text),
    /// It does not compile; its text is kept to show the line at fault.
    Broken {
        text: String,
        error: ScriptError,
    },
}

impl ScriptLoad {
    /// Reads and compiles the script at `path`.
    pub(crate) fn read(fs: &dyn FileSystem, path: &Utf8Path) -> Self {
        if let Err(o) = crate::boundary::check(path) {
            return ScriptLoad::Unreadable(crate::source::outside_text(&o));
        }
        match fs.read(path).map(String::from_utf8) {
            Ok(Ok(text)) => Self::compile(path, text),
            Ok(Err(_)) => ScriptLoad::Unreadable(Text::new("script-not-utf8")),
            Err(e) => ScriptLoad::Unreadable(crate::source::io_text(&e)),
        }
    }

    /// Compiles `text`, the contents of the script at `path`.
    pub(crate) fn compile(path: &Utf8Path, text: String) -> Self {
        match CompiledScript::compile(path.as_str(), &text) {
            Ok(script) => ScriptLoad::Compiled(Arc::new(script)),
            Err(error) => ScriptLoad::Broken { text, error },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
    use super::*;
    use crate::fs::InMemory;

    const NATIONAL: &str = "/t/nasional/nasional.sakip";
    const DATA: &str = "/t/unit/realisasi-2022.sakip";

    fn base() -> Shared {
        let mut fs = InMemory::new();
        fs.insert(NATIONAL, "aturan nasional n \"N\"\n");
        fs.insert(DATA, "realisasi 2022 {\n}\n");
        fs.insert("/t/unit/skor.rhai", "fn f(x) { x }\n");
        Shared::for_lazy_editor().with_fs(Arc::new(fs))
    }

    #[test]
    fn an_overlay_reads_one_text_and_shares_the_rest() {
        let base = base();
        let national = base.file(Utf8Path::new(NATIONAL)).unwrap();
        let script = base.script(Utf8Path::new("/t/unit/skor.rhai"));
        let listing = base.listing(Utf8Path::new("/t/unit")).unwrap();
        let typed = "realisasi 2022 {\n  i1 = 3\n}\n";
        let overlay = base.overlay(Utf8Path::new(DATA), typed);
        // The chain as the base parsed it: the same parse, not a new one.
        let seen = overlay.file(Utf8Path::new(NATIONAL)).unwrap();
        assert!(Arc::ptr_eq(&seen.source, &national.source));
        match (overlay.script(Utf8Path::new("/t/unit/skor.rhai")), script) {
            (ScriptLoad::Compiled(a), ScriptLoad::Compiled(b)) => assert!(Arc::ptr_eq(&a, &b)),
            other => panic!("{other:?}"),
        }
        // The edited file as typed, in the overlay only.
        assert_eq!(overlay.own_file(Utf8Path::new(DATA)).unwrap().source.source(), typed);
        assert_eq!(
            base.own_file(Utf8Path::new(DATA)).unwrap().source.source(),
            "realisasi 2022 {\n}\n"
        );
        assert_eq!(overlay.listing(Utf8Path::new("/t/unit")).unwrap(), listing);
        // A new file typed into a folder is listed by the overlay alone.
        let new = base.overlay(Utf8Path::new("/t/unit/perjanjian-2022.sakip"), "perjanjian 2022 {\n}\n");
        assert_eq!(new.listing(Utf8Path::new("/t/unit")).unwrap().len(), listing.len() + 1);
        assert_eq!(base.listing(Utf8Path::new("/t/unit")).unwrap(), listing);
    }

    #[test]
    fn the_rules_above_units_are_lowered_once_per_chain() {
        let root = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let shared = Shared::for_editor();
        for _ in 0..3 {
            for unit in ["lapas-sarolangun-rawas", "rutan-contoh"] {
                crate::load_unit_with(&root.join(unit), &shared).unwrap();
            }
        }
        // National + Kanwil Sumatera Selatan, national + Kanwil Contoh.
        assert_eq!(shared.uppers().len(), 2);
        // An overlay of a unit's file (a keystroke's check) shares them.
        let unit = root.join("rutan-contoh/satker.sakip");
        let text = std::fs::read_to_string(&unit).unwrap();
        crate::load_unit_with(&root.join("rutan-contoh"), &shared.overlay(&unit, &text)).unwrap();
        assert_eq!(shared.uppers().len(), 2);
    }
}

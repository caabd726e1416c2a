//! From files to what is in force: find a unit's rule set, follow
//! `berdasarkan` up to its Kanwil and the national rules, check every name
//! and reference, and lower the syntax trees to `sakip-core`'s [`RuleSet`]
//! and [`UnitData`].
//!
//! A rule set is one file with a header (`aturan nasional|kanwil <id>` or
//! `satker <id>`) together with the files beside it that have no header
//! (a unit keeps its data for each year in such files). `berdasarkan` names
//! the rule set one level up, as a file or as the folder that holds it.
//! Lower levels add indicators and set targets; a setting written at a lower
//! level (rounding, cap, classification) replaces the one above it.

use crate::ast::{self, IndikatorItem, Item};
use crate::error::{did_you_mean, RuleError};
use crate::shared::{ScriptLoad, Shared, SharedFile};
use crate::source::{FileId, SourceMap, Span, Spanned};
use camino::{Utf8Component, Utf8Path, Utf8PathBuf};
use rust_decimal::Decimal;
use sakip_core::data::{BelanjaEntry, RealisasiEntry, UnitData};
use sakip_core::formula::{Expr, Field, BUILTINS};
use sakip_core::klasifikasi::{Band, Bound, Klasifikasi};
use sakip_core::model::{
    AnggaranProgram, Indikator, Perjanjian, Quantity, RuleSet, RuleSetInfo, Ruled, Rumus, Sasaran, Target,
    TingkatAturan,
};
use sakip_core::polaritas::Polaritas;
use sakip_core::satuan::Satuan;
use sakip_core::{Code, Lang, Severity, Text};
use sakip_script::ScriptSet;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// How many levels `berdasarkan` may climb: national, Kanwil, unit, and room
/// for a few intermediate levels.
const MAX_CHAIN: usize = 8;

/// A unit's rules, data and scripts, ready to evaluate.
#[derive(Debug)]
pub struct LoadedUnit {
    /// Every file of the chain, for rendering problems with their lines.
    pub sources: SourceMap,
    /// The chain's rules, national first, as the core evaluates them.
    pub rules: RuleSet,
    /// The unit's realisasi and budget, per year.
    pub data: BTreeMap<u16, UnitData>,
    /// The scripts the chain names, compiled once.
    pub scripts: ScriptSet,
    /// Findings that do not stop evaluation (a target of another year not
    /// filled in yet); `check` shows them.
    pub warnings: Vec<RuleError>,
    /// The rule set's own tests (`uji`), for `sakip test`.
    pub cases: Vec<sakip_core::uji::Kasus>,
}

/// Reads the unit in `dir` with the rule sets it builds on.
pub fn load_unit(dir: &Utf8Path) -> Result<LoadedUnit, Vec<RuleError>> {
    load_unit_with(dir, &Shared::default())
}

/// [`load_unit`], reading the rule sets it builds on through `shared`, so
/// that loads of many units read and compile each of those once.
pub fn load_unit_with(dir: &Utf8Path, shared: &Shared) -> Result<LoadedUnit, Vec<RuleError>> {
    let dir = normalize(dir);
    if !dir.is_dir() {
        return Err(vec![RuleError::path_says(
            dir.as_str(),
            Code::UnitDir,
            Text::new("unit-dir").arg("dir", &dir),
        )
        .help_says(Text::new("unit-dir-help"))]);
    }
    let mut loader = Loader::new(shared);
    let Some(set) = loader.rule_set_in(&dir, None) else {
        return Err(loader.errors);
    };
    finish(loader, set, true)
}

/// The unit in `dir`, or `None` when the folder's rule set is not a unit's
/// (national or Kanwil rules): what a run over a tree of folders asks of
/// each folder.
pub fn load_unit_in(dir: &Utf8Path, shared: &Shared) -> Result<Option<LoadedUnit>, Vec<RuleError>> {
    let dir = normalize(dir);
    let mut loader = Loader::new(shared);
    let Some(set) = loader.rule_set_in(&dir, None) else {
        return Err(loader.errors);
    };
    if header_tingkat(&set) != Some(TingkatAturan::Satker) {
        return Ok(None);
    }
    finish(loader, set, true).map(Some)
}

/// Reads any rule set (a unit, a Kanwil's, the national one) with the rule
/// sets it builds on: `path` is its folder or its header file.
pub fn load_rule_set(path: &Utf8Path) -> Result<LoadedUnit, Vec<RuleError>> {
    load_rule_set_with(path, &Shared::default())
}

/// [`load_rule_set`], reading the rule sets it builds on through `shared`.
pub fn load_rule_set_with(path: &Utf8Path, shared: &Shared) -> Result<LoadedUnit, Vec<RuleError>> {
    let mut loader = Loader::new(shared);
    let path = normalize(path);
    let set = if path.is_dir() {
        loader.rule_set_in(&path, None)
    } else if path.is_file() {
        loader.rule_set_in(&folder_of(&path), Some(&path))
    } else {
        return Err(vec![RuleError::path_says(
            path.as_str(),
            Code::PathMissing,
            Text::new("path-missing").arg("path", &path),
        )]);
    };
    let Some(set) = set else {
        return Err(loader.errors);
    };
    finish(loader, set, false)
}

/// Resolves a unit's or a rule set's chain; warnings ride along with a
/// loaded set, errors replace it.
fn finish(mut loader: Loader, set: RuleSetFiles, need_satker: bool) -> Result<LoadedUnit, Vec<RuleError>> {
    let resolved = loader.resolve(set, need_satker);
    let (errors, warnings): (Vec<RuleError>, Vec<RuleError>) = dedup(loader.errors)
        .into_iter()
        .partition(|e| e.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(errors);
    }
    match resolved {
        Some((rules, data, scripts, cases)) => Ok(LoadedUnit {
            sources: loader.sources,
            rules,
            data,
            scripts,
            warnings,
            cases,
        }),
        None => Err(errors),
    }
}

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Every problem, errors and warnings, in file order.
    pub errors: Vec<RuleError>,
    /// How many `.sakip` files were read.
    pub files: usize,
    /// How many rule sets they make.
    pub rule_sets: usize,
}

/// The `.sakip` files under `paths` (files, or folders searched
/// recursively), grouped by folder, in path order; and the paths that do
/// not exist or cannot be read.
pub fn sakip_files_under(paths: &[Utf8PathBuf]) -> (BTreeMap<Utf8PathBuf, Vec<Utf8PathBuf>>, Vec<RuleError>) {
    let mut files = BTreeSet::new();
    let mut errors = Vec::new();
    for p in paths {
        let p = normalize(p);
        if p.is_dir() {
            collect_sakip(&p, &mut files, &mut errors);
        } else if p.is_file() {
            files.insert(p);
        } else {
            errors.push(RuleError::path_says(
                p.as_str(),
                Code::PathMissing,
                Text::new("path-missing-2").arg("p", &p),
            ));
        }
    }
    let mut folders: BTreeMap<Utf8PathBuf, Vec<Utf8PathBuf>> = BTreeMap::new();
    for f in files {
        folders.entry(folder_of(&f)).or_default().push(f);
    }
    (folders, errors)
}

/// The header files of the rule sets that `files` (all in one folder)
/// belong to: a file's own header, or its folder's.
fn roots_in(loader: &mut Loader<'_>, files: &[Utf8PathBuf]) -> BTreeSet<Utf8PathBuf> {
    let mut roots: BTreeSet<Utf8PathBuf> = BTreeSet::new();
    for f in files {
        let Some(id) = loader.file(f) else { continue };
        loader.emit(id);
        if loader.ast(id).is_none() {
            continue;
        }
        match loader.header_of(id) {
            Some(_) => {
                roots.insert(f.clone());
            }
            None => {
                if let Some(header) = loader.header_file_in(&folder_of(f), Some(f)) {
                    roots.insert(header);
                }
            }
        }
    }
    roots
}

/// Every rule set under `paths` (as `check` finds them), each loaded with
/// the rule sets it builds on; and the errors of those that do not load.
pub fn load_all(paths: &[Utf8PathBuf]) -> (Vec<(Utf8PathBuf, LoadedUnit)>, Vec<RuleError>) {
    let shared = Shared::default();
    let (folders, mut errors) = sakip_files_under(paths);
    let mut loaded = Vec::new();
    for files in folders.values() {
        let mut loader = Loader::new(&shared);
        let roots = roots_in(&mut loader, files);
        errors.extend(loader.errors);
        for root in roots {
            match load_rule_set_with(&root, &shared) {
                Ok(unit) => loaded.push((root, unit)),
                Err(e) => errors.extend(e),
            }
        }
    }
    (loaded, dedup(errors))
}

/// Checks every rule set under `paths` (files or folders, searched
/// recursively), with the rule sets they build on. Folders are checked in
/// parallel; the rule sets they build on are read once for all of them.
pub fn check_paths(paths: &[Utf8PathBuf]) -> CheckReport {
    use rayon::prelude::*;
    let shared = Shared::default();
    let (folders, mut errors) = sakip_files_under(paths);
    let folders: Vec<&Vec<Utf8PathBuf>> = folders.values().collect();
    let parts: Vec<(Vec<RuleError>, BTreeSet<Utf8PathBuf>, usize)> = folders
        .par_iter()
        .map(|files| {
            let mut loader = Loader::new(&shared);
            let roots = roots_in(&mut loader, files);
            let mut rule_sets = 0;
            for root in &roots {
                if let Some(set) = loader.rule_set_in(&folder_of(root), Some(root)) {
                    rule_sets += 1;
                    loader.resolve(set, false);
                }
            }
            let checked = loader.checked_paths();
            (loader.errors, checked, rule_sets)
        })
        .collect();
    let mut checked = BTreeSet::new();
    let mut rule_sets = 0;
    for (e, c, n) in parts {
        errors.extend(e);
        checked.extend(c);
        rule_sets += n;
    }
    CheckReport {
        errors: dedup(errors),
        files: checked.len(),
        rule_sets,
    }
}

/// Every `.sakip` file under `dir`, recursively; an unreadable folder is an error.
fn collect_sakip(dir: &Utf8Path, out: &mut BTreeSet<Utf8PathBuf>, errors: &mut Vec<RuleError>) {
    let entries = match dir.read_dir_utf8() {
        Ok(e) => e,
        Err(e) => {
            errors.push(RuleError::path_says(
                dir.as_str(),
                Code::FileUnreadable,
                Text::new("file-unreadable").arg("dir", dir).arg("e", &e),
            ));
            return;
        }
    };
    let mut paths: Vec<(Utf8PathBuf, Kind)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.path().to_path_buf(), kind(&e)))
        .collect();
    paths.sort();
    for (p, k) in paths {
        if k == Kind::Dir {
            collect_sakip(&p, out, errors);
        } else if k == Kind::File && p.extension() == Some("sakip") {
            out.insert(normalize(&p));
        }
    }
}

/// What a path names: a file, a folder, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Dir,
    File,
    Other,
}

/// What an entry of a folder is, following a symbolic link. The entry
/// usually knows without asking the file system again (one `stat` fewer per
/// file, which counts over a country's 100,000 files).
fn kind(e: &camino::Utf8DirEntry) -> Kind {
    let t = match e.file_type() {
        Ok(t) if t.is_symlink() => match std::fs::metadata(e.path()) {
            Ok(m) => m.file_type(),
            Err(_) => return Kind::Other,
        },
        Ok(t) => t,
        Err(_) => return Kind::Other,
    };
    if t.is_dir() {
        Kind::Dir
    } else if t.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

/// The `.sakip` files directly in `dir`, sorted.
pub(crate) fn sakip_files_in(dir: &Utf8Path) -> std::io::Result<Vec<Utf8PathBuf>> {
    let mut out = BTreeSet::new();
    for e in dir.read_dir_utf8()?.flatten() {
        let p = e.path();
        if p.extension() == Some("sakip") && kind(&e) == Kind::File {
            out.insert(normalize(p));
        }
    }
    Ok(out.into_iter().collect())
}

/// The folder a file is in: `.` for a file named without one
/// (`satker.sakip` when the command runs inside the unit's folder).
pub fn folder_of(path: &Utf8Path) -> Utf8PathBuf {
    match path.parent() {
        Some(p) if !p.as_str().is_empty() => p.to_path_buf(),
        _ => Utf8PathBuf::from("."),
    }
}

/// The same problem reached twice (a national file shared by two chains)
/// is reported once.
fn dedup(errors: Vec<RuleError>) -> Vec<RuleError> {
    let mut seen = BTreeSet::new();
    errors
        .into_iter()
        .filter(|e| seen.insert((e.location_text(), e.code, e.message.clone())))
        .collect()
}

/// Folds `.` and `..` away without touching the file system, so that paths
/// in messages read `rules/ditjenpas/...`, not `examples/x/../../rules/...`.
pub fn normalize(path: &Utf8Path) -> Utf8PathBuf {
    let mut out: Vec<Utf8Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Utf8Component::CurDir => {}
            Utf8Component::ParentDir => match out.last() {
                Some(Utf8Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(c),
            },
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return Utf8PathBuf::from(".");
    }
    out.iter().collect()
}

/// The files of one rule set: its header file first.
#[derive(Debug, Clone)]
struct RuleSetFiles {
    files: Vec<(FileId, Arc<ast::File>)>,
}

/// Reads rule sets for one load: the chain from a unit up, its files
/// through the shared cache, and the problems met.
struct Loader<'a> {
    sources: SourceMap,
    asts: HashMap<FileId, Option<Arc<ast::File>>>,
    /// Every file that belongs to a rule set that was checked.
    checked: BTreeSet<FileId>,
    /// Syntax errors, reported only for files that belong to a rule set
    /// being checked, never for an unrelated file that happens to lie beside it.
    parse_errors: HashMap<FileId, RuleError>,
    errors: Vec<RuleError>,
    /// Folders listed by this load (a unit's folder is asked for twice).
    listings: HashMap<Utf8PathBuf, Vec<Utf8PathBuf>>,
    /// What this load shares with the other loads of the run.
    shared: &'a Shared,
    /// Whether the files read now belong to a rule set this one builds on:
    /// those are read through `shared`, once for the run.
    upward: bool,
}

impl<'a> Loader<'a> {
    /// A loader that reads shared rule sets through `shared`.
    fn new(shared: &'a Shared) -> Self {
        Self {
            sources: SourceMap::default(),
            asts: HashMap::new(),
            checked: BTreeSet::new(),
            parse_errors: HashMap::new(),
            errors: Vec::new(),
            listings: HashMap::new(),
            shared,
            upward: false,
        }
    }

    /// The paths of the files that belong to a rule set that was checked.
    fn checked_paths(&self) -> BTreeSet<Utf8PathBuf> {
        self.checked
            .iter()
            .filter_map(|id| self.sources.get(*id).map(|f| f.path.clone()))
            .collect()
    }

    /// Reads and parses a file once per run.
    fn file(&mut self, path: &Utf8Path) -> Option<FileId> {
        if let Some(id) = self.sources.find(path) {
            return Some(id);
        }
        // A file of a rule set this one builds on is read once for the run;
        // the load's own files are read for it alone.
        let read = if self.upward {
            self.shared.file(path)
        } else {
            SharedFile::read(path)
        };
        match read {
            Ok(f) => {
                self.sources.insert(f.id, f.source);
                self.asts.insert(f.id, f.ast);
                if let Some(e) = f.error {
                    self.parse_errors.insert(f.id, e);
                }
                Some(f.id)
            }
            Err(e) => {
                self.errors.push(RuleError::path_says(
                    path.as_str(),
                    Code::FileUnreadable,
                    Text::new("file-unreadable-2").arg("path", path).arg("e", &e),
                ));
                None
            }
        }
    }

    /// Reports the syntax error of a file that belongs to the work at hand.
    fn emit(&mut self, id: FileId) {
        self.checked.insert(id);
        if let Some(e) = self.parse_errors.remove(&id) {
            self.errors.push(e);
        }
    }

    /// The parsed file `id`, when it parsed.
    fn ast(&self, id: FileId) -> Option<Arc<ast::File>> {
        self.asts.get(&id).cloned().flatten()
    }

    /// The header of file `id`, when it has one.
    fn header_of(&self, id: FileId) -> Option<ast::Header> {
        self.ast(id)?.items.iter().find_map(|i| match i {
            Item::Header(h) => Some(h.clone()),
            _ => None,
        })
    }

    /// The `.sakip` files directly in `dir`, sorted, read through the shared listing.
    fn sakip_files_in(&mut self, dir: &Utf8Path) -> Vec<Utf8PathBuf> {
        let listing = if self.upward {
            self.shared.listing(dir)
        } else if let Some(known) = self.listings.get(dir) {
            Ok(known.clone())
        } else {
            let listed = sakip_files_in(dir).map_err(|e| e.to_string());
            if let Ok(files) = &listed {
                self.listings.insert(dir.to_path_buf(), files.clone());
            }
            listed
        };
        listing.unwrap_or_else(|e| {
            self.errors.push(RuleError::path_says(
                dir.as_str(),
                Code::FileUnreadable,
                Text::new("file-unreadable-3").arg("dir", dir).arg("e", &e),
            ));
            Vec::new()
        })
    }

    /// The one file with a header in `dir`; `asker` is the header-less file
    /// that needs it, for the message when there is none or several.
    fn header_file_in(&mut self, dir: &Utf8Path, asker: Option<&Utf8Path>) -> Option<Utf8PathBuf> {
        let files = self.sakip_files_in(dir);
        let mut headers = Vec::new();
        let mut broken = Vec::new();
        for f in &files {
            let Some(id) = self.file(f) else { continue };
            if self.ast(id).is_none() {
                broken.push(id);
            } else if self.header_of(id).is_some() {
                headers.push(f.clone());
            }
        }
        let who = asker
            .map(|a| a.as_str().to_string())
            .unwrap_or_else(|| dir.as_str().to_string());
        match headers.len() {
            1 => headers.pop(),
            0 if !broken.is_empty() => {
                // The header is probably in a file that does not parse: say that, not "no header".
                for id in broken {
                    self.emit(id);
                }
                None
            }
            0 => {
                self.errors.push(
                    RuleError::path_says(&who, Code::NoHeader, Text::new("no-header").arg("dir", dir))
                        .help_says(Text::new("no-header-help")),
                );
                None
            }
            _ => {
                let list: Vec<String> = headers.iter().map(|h| format!("`{h}`")).collect();
                self.errors.push(
                    RuleError::path_says(
                        &who,
                        Code::ManyHeaders,
                        Text::new("many-headers").arg("dir", dir).arg("list", list.join(", ")),
                    )
                    .help_says(Text::new("many-headers-help")),
                );
                None
            }
        }
    }

    /// The rule set whose header file is `header` (or the only one in `dir`).
    fn rule_set_in(&mut self, dir: &Utf8Path, header: Option<&Utf8Path>) -> Option<RuleSetFiles> {
        let header = match header {
            Some(h) => h.to_path_buf(),
            None => self.header_file_in(dir, None)?,
        };
        let head_id = self.file(&header)?;
        self.emit(head_id);
        let head_ast = self.ast(head_id)?;
        let mut files = vec![(head_id, head_ast)];
        let mut headers = 1;
        let mut broken = Vec::new();
        for f in self.sakip_files_in(dir) {
            if f == header {
                continue;
            }
            let Some(id) = self.file(&f) else { continue };
            match self.ast(id) {
                None => broken.push(id),
                Some(_) if self.header_of(id).is_some() => headers += 1,
                Some(a) => files.push((id, a)),
            }
        }
        // In a folder with one rule set, a file that does not parse is part of it.
        if headers == 1 {
            for id in broken {
                self.emit(id);
            }
        }
        Some(RuleSetFiles { files })
    }

    /// Follows `berdasarkan` from `set` to the top, checks the whole chain
    /// and lowers it.
    #[allow(clippy::type_complexity)]
    fn resolve(
        &mut self,
        set: RuleSetFiles,
        need_satker: bool,
    ) -> Option<(RuleSet, BTreeMap<u16, UnitData>, ScriptSet, Vec<sakip_core::uji::Kasus>)> {
        let mut chain = vec![set];
        let mut seen: Vec<FileId> = chain.iter().filter_map(|s| s.files.first().map(|f| f.0)).collect();
        while let Some(current) = chain.last() {
            let bases: Vec<(FileId, Spanned<String>)> = current
                .files
                .iter()
                .flat_map(|(id, f)| {
                    f.items.iter().filter_map(move |i| match i {
                        Item::Berdasarkan(s) => Some((*id, s.clone())),
                        _ => None,
                    })
                })
                .collect();
            let Some((from, base)) = bases.first().cloned() else {
                break;
            };
            if let Some((_, second)) = bases.get(1) {
                self.errors.push(
                    RuleError::at_says(
                        &self.sources,
                        second.span,
                        Code::BerdasarkanTwice,
                        Text::new("berdasarkan-twice"),
                    )
                    .label_says(Text::new("berdasarkan-twice-label"))
                    .help_says(Text::new("berdasarkan-twice-help")),
                );
            }
            if chain.len() >= MAX_CHAIN {
                self.errors.push(RuleError::at_says(
                    &self.sources,
                    base.span,
                    Code::BerdasarkanDepth,
                    Text::new("berdasarkan-depth").arg("max", MAX_CHAIN),
                ));
                return None;
            }
            let dir = self.sources.get(from).map(|f| folder_of(&f.path)).unwrap_or_default();
            let target = normalize(&dir.join(&base.node));
            let parent = if target.is_dir() {
                self.upward = true;
                let parent = self
                    .header_file_in(&target, None)
                    .and_then(|header| self.rule_set_in(&target, Some(&header)));
                self.upward = false;
                parent
            } else if target.is_file() {
                self.upward = true;
                let parent = self.rule_set_in(&folder_of(&target), Some(&target));
                self.upward = false;
                parent
            } else {
                self.errors.push(
                    RuleError::at_says(
                        &self.sources,
                        base.span,
                        Code::BerdasarkanMissing,
                        Text::new("berdasarkan-missing").arg("target", &target),
                    )
                    .label_says(Text::new("berdasarkan-missing-label"))
                    .help_says(Text::new("berdasarkan-missing-help")),
                );
                return None;
            };
            let parent = parent?;
            let head = parent.files.first().map(|f| f.0)?;
            if seen.contains(&head) {
                self.errors.push(
                    RuleError::at_says(
                        &self.sources,
                        base.span,
                        Code::BerdasarkanCycle,
                        Text::new("berdasarkan-cycle"),
                    )
                    .label_says(Text::new("berdasarkan-cycle-label")),
                );
                return None;
            }
            seen.push(head);
            chain.push(parent);
        }
        chain.reverse();
        self.checked
            .extend(chain.iter().flat_map(|set| set.files.iter().map(|(id, _)| *id)));
        let scripts = self.scripts_of(&chain);
        let script_functions = scripts
            .as_ref()
            .map(|set| set.functions().into_iter().map(|(n, a)| (n.to_string(), a)).collect())
            .unwrap_or_default();
        let mut lower = Lowering {
            sources: &self.sources,
            errors: Vec::new(),
            rules: RuleSet::default(),
            data: BTreeMap::new(),
            declared: HashMap::new(),
            sasaran_spans: HashMap::new(),
            script_functions,
            cases: Vec::new(),
            rumus_spans: Vec::new(),
        };
        lower.run(&chain, need_satker);
        let Lowering {
            errors,
            rules,
            data,
            cases,
            ..
        } = lower;
        let ok = errors.iter().all(|e| e.severity != Severity::Error);
        self.errors.extend(errors);
        match (ok, scripts) {
            (true, Some(scripts)) => Some((rules, data, scripts, cases)),
            _ => None,
        }
    }

    /// Reads and compiles the scripts the chain names (`skrip "..."`, relative
    /// to the file that names it); those of the rule sets this one builds on
    /// once for the run. `None` when one is missing or does not compile; the
    /// errors point into the script itself.
    fn scripts_of(&mut self, chain: &[RuleSetFiles]) -> Option<ScriptSet> {
        let mut compiled = Vec::new();
        let mut ok = true;
        for (index, set) in chain.iter().enumerate() {
            let own = index + 1 == chain.len();
            let level = match header_tingkat(set) {
                Some(TingkatAturan::Nasional) | None => 0,
                Some(TingkatAturan::Kanwil) => 1,
                Some(TingkatAturan::Satker) => 2,
            };
            for (id, file) in &set.files {
                for item in &file.items {
                    let Item::Skrip(skrip) = item else { continue };
                    let name = &skrip.path;
                    let dir = self.sources.get(*id).map(|f| folder_of(&f.path)).unwrap_or_default();
                    let path = normalize(&dir.join(&name.node));
                    let load = if own {
                        ScriptLoad::read(&path)
                    } else {
                        self.shared.script(&path)
                    };
                    match load {
                        ScriptLoad::Compiled(script) => {
                            compiled.push((script, level, skrip.from_year.as_ref().map(|y| y.node)));
                        }
                        ScriptLoad::Unreadable(e) => {
                            self.errors.push(
                                RuleError::at_says(
                                    &self.sources,
                                    name.span,
                                    Code::ScriptMissing,
                                    Text::new("script-missing").arg("path", &path).arg("e", &e),
                                )
                                .label_says(Text::new("script-missing-label"))
                                .help_says(Text::new("script-missing-help")),
                            );
                            ok = false;
                        }
                        ScriptLoad::Broken { text, error } => {
                            let file = match self.sources.find(&path) {
                                Some(f) => f,
                                None => self.sources.add(&path, text),
                            };
                            let at = self
                                .sources
                                .get(file)
                                .map(|src| src.offset_of(error.at.line, error.at.col))
                                .unwrap_or(0);
                            self.errors.push(
                                RuleError::at_says(
                                    &self.sources,
                                    Span::new(file, at, at),
                                    Code::ScriptSyntax,
                                    error.message,
                                )
                                .label_says(Text::new("syntax-here"))
                                .help_says(Text::new("script-syntax-help")),
                            );
                            ok = false;
                        }
                    }
                }
            }
        }
        ok.then(|| ScriptSet::from_compiled(compiled))
    }
}

/// The error just recorded, for adding its label and help.
struct ErrRef<'a>(&'a mut RuleError);

impl ErrRef<'_> {
    /// Says how to fix it, from the catalogue.
    fn help_says(self, text: Text) -> Self {
        self.0.help = Some(text.render(Lang::En));
        self.0.help_text = Some(text);
        self
    }

    /// Sets the text under the caret, from the catalogue.
    fn label_says(self, text: Text) -> Self {
        self.0.label = text.render(Lang::En);
        self.0.label_text = Some(text);
        self
    }
}

/// Lowers a chain's syntax trees into the core's rules and a unit's data,
/// recording every problem with its span.
struct Lowering<'s> {
    sources: &'s SourceMap,
    errors: Vec<RuleError>,
    rules: RuleSet,
    data: BTreeMap<u16, UnitData>,
    /// Where each indikator id was declared.
    declared: HashMap<String, Span>,
    sasaran_spans: HashMap<String, Span>,
    /// Functions the chain's scripts define, with their number of parameters.
    script_functions: Vec<(String, usize)>,
    /// The rule set's own `uji` cases.
    cases: Vec<sakip_core::uji::Kasus>,
    /// Every `rumus`: its indikator, first year, span and formula.
    rumus_spans: Vec<(String, Option<u16>, Span, ast::Expr)>,
}

/// The colour words a band may use, and their codes.
const COLOURS: [(&str, &str); 6] = [
    ("hijau", "#2e7d32"),
    ("biru", "#1565c0"),
    ("kuning", "#f9a825"),
    ("oranye", "#ef6c00"),
    ("merah", "#c62828"),
    ("abu", "#757575"),
];

/// The type of a formula: a number or a condition.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Number,
    Bool,
}

impl Lowering<'_> {
    /// Records an error at `span` whose message is in the catalogue.
    fn err_says(&mut self, span: Span, code: Code, text: Text) -> ErrRef<'_> {
        let e = RuleError::at_says(self.sources, span, code, text);
        self.push_err(e)
    }

    /// Records an error; the handle adds its label and help.
    fn push_err(&mut self, e: RuleError) -> ErrRef<'_> {
        self.errors.push(e);
        let last = self.errors.len() - 1;
        // The vector is non-empty: an element was pushed on the line above.
        #[allow(clippy::indexing_slicing)]
        ErrRef(&mut self.errors[last])
    }

    /// `file:line:col` of a span, for the core's traces.
    fn origin(&self, span: Span) -> Option<sakip_core::model::Origin> {
        self.sources.origin(span)
    }

    /// `file:line:col` of a span as text, for "the first is at ..." help.
    fn where_(&self, span: Span) -> String {
        self.origin(span).map(|o| o.to_string()).unwrap_or_default()
    }

    /// Lowers a chain (national first) into one `RuleSet`: headers and
    /// settings, sasaran and indikator top-down, then the unit's own blocks.
    fn run(&mut self, chain: &[RuleSetFiles], need_satker: bool) {
        let mut infos: Vec<(TingkatAturan, Span)> = Vec::new();
        // Pass 1: headers, settings, sasaran and indikator, from the top down.
        for set in chain {
            let Some(info) = self.header(set) else {
                continue;
            };
            if let Some((prev, _)) = infos.last() {
                if *prev >= info.0.tingkat {
                    let span = info.1;
                    let msg = Text::new("tingkat-order")
                        .arg("level", info.0.tingkat.keyword())
                        .arg("base", prev.keyword());
                    self.err_says(span, Code::TingkatOrder, msg)
                        .help_says(Text::new("tingkat-order-help"));
                }
            }
            infos.push((info.0.tingkat, info.1));
            let tingkat = info.0.tingkat;
            let source = info.0.id.clone();
            self.rules.chain.push(info.0);
            let mut settings_seen: HashMap<(&'static str, Option<u16>), Span> = HashMap::new();
            // Settings for every year first, then those in force from a year,
            // in year order: `klasifikasi mulai 2023` may stand above `klasifikasi`.
            let mut versioned: Vec<(u16, &Item)> = Vec::new();
            for (_, file) in &set.files {
                for item in &file.items {
                    match setting_year(item) {
                        Some(year) => versioned.push((year, item)),
                        None => self.settings_and_model(item, tingkat, &source, &mut settings_seen),
                    }
                }
            }
            versioned.sort_by_key(|(year, _)| *year);
            for (_, item) in versioned {
                self.settings_and_model(item, tingkat, &source, &mut settings_seen);
            }
        }
        let is_satker = |t: TingkatAturan| t == TingkatAturan::Satker;
        if need_satker && !infos.last().is_some_and(|(t, _)| is_satker(*t)) {
            if let Some((_, span)) = infos.last() {
                let span = *span;
                self.err_says(span, Code::NotAUnit, Text::new("not-a-unit"))
                    .help_says(Text::new("not-a-unit-help"));
            }
        }
        // Pass 2: what refers to indicators (formulas, agreements, data).
        let all: Vec<Indikator> = self.rules.indikator.clone();
        for ind in &all {
            if let Some(other) = &ind.sama_dengan {
                if !self.declared.contains_key(other) {
                    let span = self.declared.get(&ind.id).copied();
                    if let Some(span) = span {
                        self.unknown_indicator(span, other);
                    }
                }
            }
        }
        for (set_index, set) in chain.iter().enumerate() {
            let is_leaf = set_index + 1 == chain.len();
            let tingkat = self.header_tingkat(set);
            let satker_id = self.rules.chain.last().map(|c| c.id.clone()).unwrap_or_default();
            for (_, file) in &set.files {
                for item in &file.items {
                    match item {
                        Item::Sasaran(s) => {
                            for ind in &s.indikator {
                                self.check_formulas(ind);
                            }
                        }
                        Item::Perjanjian(pk) => {
                            if tingkat != Some(TingkatAturan::Satker) {
                                self.err_says(pk.span, Code::PerjanjianLevel, Text::new("perjanjian-level"))
                                    .help_says(Text::new("perjanjian-level-help"));
                                continue;
                            }
                            self.perjanjian(pk, &satker_id);
                        }
                        Item::Realisasi(b) => {
                            if tingkat != Some(TingkatAturan::Satker) {
                                self.err_says(b.span, Code::DataLevel, Text::new("data-level"));
                                continue;
                            }
                            self.realisasi(b);
                        }
                        Item::Anggaran(b) => {
                            if tingkat != Some(TingkatAturan::Satker) {
                                self.err_says(b.span, Code::DataLevel, Text::new("data-level-2"));
                                continue;
                            }
                            self.anggaran(b);
                        }
                        // The rule set's own tests, not those of the rules it builds on.
                        Item::Uji(u) if is_leaf => self.uji(u),
                        _ => {}
                    }
                }
            }
        }
        self.formula_graph_checks();
    }

    /// The level the rule set's header declares.
    fn header_tingkat(&self, set: &RuleSetFiles) -> Option<TingkatAturan> {
        header_tingkat(set)
    }

    /// The rule set's header as the core records it, with its span; one header
    /// per rule set.
    fn header(&mut self, set: &RuleSetFiles) -> Option<(RuleSetInfo, Span)> {
        let mut found: Option<&ast::Header> = None;
        let mut dasar = Vec::new();
        for (_, file) in &set.files {
            for item in &file.items {
                match item {
                    Item::Header(h) => {
                        if let Some(first) = found {
                            let at = self.where_(first.span);
                            self.err_says(h.span, Code::HeaderTwice, Text::new("header-twice"))
                                .help_says(Text::new("header-twice-help").arg("at", &at));
                        } else {
                            found = Some(h);
                        }
                    }
                    Item::Dasar(d) => dasar.push(d.node.clone()),
                    _ => {}
                }
            }
        }
        let h = found?;
        Some((
            RuleSetInfo {
                id: h.id.node.clone(),
                name: h.name.node.clone(),
                tingkat: h.tingkat,
                dasar,
                origin: self.origin(h.span),
            },
            h.span,
        ))
    }

    /// Reports a setting written twice in one rule set for the same years.
    fn once(
        &mut self,
        seen: &mut HashMap<(&'static str, Option<u16>), Span>,
        what: &'static str,
        from: Option<u16>,
        span: Span,
    ) {
        if let Some(first) = seen.get(&(what, from)) {
            let at = self.where_(*first);
            let text = match from {
                Some(y) => Text::new("setting-twice-from").arg("what", what).arg("year", y),
                None => Text::new("setting-twice").arg("what", what),
            };
            self.err_says(span, Code::SettingTwice, text)
                .help_says(Text::new("setting-twice-help").arg("at", &at));
        } else {
            seen.insert((what, from), span);
        }
    }

    /// Lowers one top-level item of a rule set into settings or the model.
    fn settings_and_model(
        &mut self,
        item: &Item,
        tingkat: TingkatAturan,
        source: &str,
        seen: &mut HashMap<(&'static str, Option<u16>), Span>,
    ) {
        match item {
            Item::Renstra(r) => {
                self.once(seen, "renstra", None, r.span);
                self.rules.renstra = Some((r.start.node, r.end.node));
            }
            Item::Pembulatan(p) => {
                let (what, slot) = match p.objek {
                    ast::PembulatanObjek::Capaian => ("pembulatan capaian", 0),
                    ast::PembulatanObjek::Anggaran => ("pembulatan anggaran", 1),
                };
                let from = p.from_year.as_ref().map(|y| y.node);
                self.once(seen, what, from, p.span);
                if p.decimals.node > sakip_core::pembulatan::MAX_DECIMALS {
                    let max = sakip_core::pembulatan::MAX_DECIMALS;
                    self.err_says(
                        p.decimals.span,
                        Code::DecimalsRange,
                        Text::new("decimals-range").arg("node", p.decimals.node).arg("max", max),
                    )
                    .help_says(Text::new("decimals-range-help"));
                    return;
                }
                let rule = Ruled {
                    value: sakip_core::pembulatan::Rounding::new(p.mode, p.decimals.node),
                    origin: self.origin(p.span),
                };
                if slot == 0 {
                    self.rules.pembulatan_capaian.set(from, rule);
                } else {
                    self.rules.pembulatan_anggaran.set(from, rule);
                }
            }
            Item::Konversi(k) => {
                let from = k.from_year.as_ref().map(|y| y.node);
                self.once(seen, "konversi efisiensi", from, k.span);
                let rule = Ruled {
                    value: Some(k.value.node),
                    origin: self.origin(k.span),
                };
                self.rules.konversi_efisiensi.set(from, rule);
            }
            Item::Klasifikasi(k) => {
                self.once(seen, "klasifikasi", k.from_year.as_ref().map(|y| y.node), k.span);
                self.klasifikasi(k);
            }
            Item::Sasaran(s) => self.sasaran(s, tingkat, source),
            _ => {}
        }
    }

    /// Lowers a klasifikasi: colours known, band ids unique, ranges sound, and
    /// gaps or overlaps between bands reported.
    fn klasifikasi(&mut self, k: &ast::Klasifikasi) {
        if k.bands.is_empty() {
            self.err_says(k.span, Code::KlasifikasiEmpty, Text::new("klasifikasi-empty"))
                .help_says(Text::new("klasifikasi-empty-help"));
            return;
        }
        let mut bands = Vec::new();
        let mut ids: HashMap<String, Span> = HashMap::new();
        for b in &k.bands {
            if let Some(first) = ids.get(&b.id.node) {
                let at = self.where_(*first);
                self.err_says(
                    b.id.span,
                    Code::BandTwice,
                    Text::new("band-twice").arg("node", &b.id.node),
                )
                .help_says(Text::new("band-twice-help").arg("at", &at));
            }
            ids.insert(b.id.node.clone(), b.id.span);
            let colour = if b.colour.node.starts_with('#') {
                b.colour.node.to_lowercase()
            } else if let Some((_, hex)) = COLOURS.iter().find(|(n, _)| *n == b.colour.node) {
                (*hex).to_string()
            } else {
                let names: Vec<&str> = COLOURS.iter().map(|(n, _)| *n).collect();
                let hint = did_you_mean(&b.colour.node, names.iter().copied())
                    .map(|s| Text::new("did-you-mean-then").arg("word", s))
                    .unwrap_or_else(|| Text::new("nothing"));
                self.err_says(
                    b.colour.span,
                    Code::ColourUnknown,
                    Text::new("colour-unknown").arg("node", &b.colour.node),
                )
                .label_says(Text::new("colour-unknown-label"))
                .help_says(
                    Text::new("colour-unknown-help")
                        .arg_text("hint", hint)
                        .arg("names", names.join(", ")),
                );
                continue;
            };
            if let (Some(lo), Some(hi)) = (&b.lower, &b.upper) {
                if lo.node > hi.node || (lo.node == hi.node && b.op.node == ast::RangeOp::Exclusive) {
                    self.err_says(
                        b.span,
                        Code::BandRange,
                        Text::new("band-range").arg("node", &b.label.node),
                    );
                    continue;
                }
            }
            bands.push(Band {
                id: b.id.node.clone(),
                label: b.label.node.clone(),
                colour,
                lower: b.lower.as_ref().map(|l| Bound {
                    value: l.node,
                    inclusive: true,
                }),
                upper: b.upper.as_ref().map(|u| Bound {
                    value: u.node,
                    inclusive: b.op.node == ast::RangeOp::Inclusive,
                }),
            });
        }
        let klasifikasi = Klasifikasi { bands };
        // Only when every band was read: the indices below are then the file's.
        if klasifikasi.bands.len() == k.bands.len() {
            self.band_problems(k, &klasifikasi);
        }
        let rule = Ruled {
            value: klasifikasi,
            origin: self.origin(k.span),
        };
        self.rules.klasifikasi.set(k.from_year.as_ref().map(|y| y.node), rule);
    }

    /// Values no band holds, or that two bands hold: a capaian there gets no
    /// band, or a band by accident of order.
    fn band_problems(&mut self, k: &ast::Klasifikasi, klasifikasi: &Klasifikasi) {
        use sakip_core::klasifikasi::BandProblem;
        for problem in klasifikasi.gaps_and_overlaps() {
            match problem {
                BandProblem::Gap { below, above, from, to } => {
                    let (Some(lo), Some(hi)) = (k.bands.get(below), k.bands.get(above)) else {
                        continue;
                    };
                    // Whether each edge of the gap is itself in it.
                    let id = match (from.inclusive, to.inclusive) {
                        (true, true) => "band-gap",
                        (true, false) => "band-gap-up-to",
                        (false, true) => "band-gap-from",
                        (false, false) => "band-gap-from-up-to",
                    };
                    self.err_says(
                        hi.span,
                        Code::BandGap,
                        Text::new(id)
                            .arg("from", from.value)
                            .arg("to", to.value)
                            .arg("below", &lo.label.node)
                            .arg("above", &hi.label.node),
                    )
                    .label_says(Text::new("band-gap-label"))
                    .help_says(
                        Text::new("band-gap-help")
                            .arg(
                                "lower",
                                lo.lower.as_ref().map(|l| l.node.to_string()).unwrap_or_default(),
                            )
                            .arg("value", to.value),
                    );
                }
                BandProblem::Overlap { first, second } => {
                    let (Some(a), Some(b)) = (k.bands.get(first), k.bands.get(second)) else {
                        continue;
                    };
                    self.err_says(
                        b.span,
                        Code::BandOverlap,
                        Text::new("band-overlap")
                            .arg("node", &a.label.node)
                            .arg("node2", &b.label.node),
                    )
                    .label_says(Text::new("band-overlap-label"))
                    .help_says(Text::new("band-overlap-help"));
                }
            }
        }
    }

    /// Lowers a sasaran (or one opened again, at its tier) and its indikator.
    fn sasaran(&mut self, s: &ast::Sasaran, tingkat: TingkatAturan, source: &str) {
        if s.indikator.is_empty() {
            self.err_says(
                s.code.span,
                Code::SasaranUnused,
                Text::new("sasaran-unused").arg("node", &s.code.node),
            )
            .label_says(Text::new("sasaran-unused-label"))
            .help_says(Text::new("sasaran-unused-help"));
        }
        match self.rules.sasaran(&s.code.node) {
            Some(existing) if existing.tier != s.tier => {
                let (tier, at) = (
                    existing.tier,
                    self.sasaran_spans
                        .get(&s.code.node)
                        .map(|sp| self.where_(*sp))
                        .unwrap_or_default(),
                );
                self.err_says(
                    s.code.span,
                    Code::SasaranTier,
                    Text::new("sasaran-tier")
                        .arg("node", &s.code.node)
                        .arg("tier", tier.keyword())
                        .arg("at", &at)
                        .arg("tier2", s.tier.keyword()),
                )
                .help_says(Text::new("sasaran-tier-help"));
                return;
            }
            Some(_) => {}
            None => {
                self.sasaran_spans.insert(s.code.node.clone(), s.code.span);
                self.rules.sasaran.push(Sasaran {
                    code: s.code.node.clone(),
                    tier: s.tier,
                    name: s.name.node.clone(),
                    origin: self.origin(s.span),
                });
            }
        }
        for ind in &s.indikator {
            self.indikator(ind, s, None, tingkat, source);
        }
    }

    /// Lowers one indikator with its lines and sub-indikator, checking each line
    /// appears once and targets are in its satuan.
    fn indikator(
        &mut self,
        ind: &ast::Indikator,
        s: &ast::Sasaran,
        induk: Option<&str>,
        tingkat: TingkatAturan,
        source: &str,
    ) {
        let id = ind.id.node.clone();
        if let Some(first) = self.declared.get(&id) {
            let at = self.where_(*first);
            self.err_says(
                ind.id.span,
                Code::IndikatorTwice,
                Text::new("indikator-twice").arg("id", &id),
            )
            .label_says(Text::new("indikator-twice-label"))
            .help_says(Text::new("indikator-twice-help").arg("at", &at));
            return;
        }
        self.declared.insert(id.clone(), ind.id.span);
        let mut satuan: Option<Spanned<String>> = None;
        let mut polaritas = None;
        let mut agregasi = None;
        let mut jenis = None;
        let mut targets: Vec<Target> = Vec::new();
        let mut target_years: HashMap<u16, Span> = HashMap::new();
        let mut rumus_realisasi = Vec::new();
        let mut rumus_capaian = Vec::new();
        let mut rumus_years: HashMap<(bool, Option<u16>), Span> = HashMap::new();
        let mut bobot = None;
        let mut dasar = Vec::new();
        let mut sama = None;
        let mut once: HashMap<&'static str, Span> = HashMap::new();
        let mut subs = Vec::new();
        for item in &ind.items {
            match item {
                IndikatorItem::Satuan(u) => {
                    self.once_in(&mut once, "satuan", u.span, &id);
                    satuan = Some(u.clone());
                }
                IndikatorItem::Polaritas(p) => {
                    self.once_in(&mut once, "polaritas", p.span, &id);
                    polaritas = Some(match p.node {
                        ast::PolaritasAst::Naik => Polaritas::Naik,
                        ast::PolaritasAst::Turun => Polaritas::Turun,
                        ast::PolaritasAst::Rentang(min, max) => Polaritas::Rentang { min, max },
                    });
                }
                IndikatorItem::Agregasi {
                    agregasi: a,
                    jenis: j,
                    span,
                } => {
                    self.once_in(&mut once, "realisasi", *span, &id);
                    agregasi = Some(*a);
                    jenis = *j;
                }
                IndikatorItem::Target(t) => {
                    if let Some(first) = target_years.get(&t.year.node) {
                        let at = self.where_(*first);
                        self.err_says(
                            t.year.span,
                            Code::TargetTwice,
                            Text::new("target-twice").arg("id", &id).arg("node", t.year.node),
                        )
                        .help_says(Text::new("target-twice-help").arg("at", &at));
                        continue;
                    }
                    target_years.insert(t.year.node, t.year.span);
                    targets.push(Target {
                        year: t.year.node,
                        value: quantity(&t.value.node),
                        tingkat,
                        source: source.to_string(),
                        dasar: t.dasar.as_ref().map(|d| d.node.clone()),
                        origin: self.origin(t.span),
                    });
                }
                IndikatorItem::Rumus(r) => {
                    let is_cap = r.objek == ast::RumusObjek::Capaian;
                    let key = (is_cap, r.from_year.as_ref().map(|y| y.node));
                    if let Some(first) = rumus_years.get(&key) {
                        let at = self.where_(*first);
                        let what = if is_cap { "capaian" } else { "realisasi" };
                        self.err_says(
                            r.span,
                            Code::RumusTwice,
                            Text::new("rumus-twice").arg("id", &id).arg("what", what),
                        )
                        .help_says(Text::new("rumus-twice-help").arg("at", &at));
                        continue;
                    }
                    rumus_years.insert(key, r.span);
                    self.rumus_spans.push((id.clone(), key.1, r.span, r.expr.clone()));
                    let lowered = Rumus {
                        from_year: key.1,
                        expr: lower_expr(&r.expr),
                        origin: self.origin(r.span),
                    };
                    if is_cap {
                        rumus_capaian.push(lowered);
                    } else {
                        rumus_realisasi.push(lowered);
                    }
                }
                IndikatorItem::Bobot(b) => {
                    self.once_in(&mut once, "bobot", b.span, &id);
                    bobot = Some(b.node);
                }
                IndikatorItem::Dasar(d) => dasar.push(d.node.clone()),
                IndikatorItem::SamaDengan(other) => {
                    self.once_in(&mut once, "sama_dengan", other.span, &id);
                    sama = Some(other.node.clone());
                }
                IndikatorItem::Sub(sub) => subs.push(sub),
            }
        }
        let Some(satuan) = satuan else {
            self.err_says(
                ind.id.span,
                Code::SatuanMissing,
                Text::new("satuan-missing").arg("id", &id),
            )
            .label_says(Text::new("satuan-missing-label"))
            .help_says(Text::new("satuan-missing-help"));
            return;
        };
        for t in &targets {
            if Satuan::new(&satuan.node).is_percent() && t.value.value > Decimal::ONE_HUNDRED {
                let span = target_years.get(&t.year).copied().unwrap_or(ind.id.span);
                self.percent_above_100(span, &id, t.year, &t.value);
            }
            if let Some(u) = &t.value.satuan {
                if *u != Satuan::new(&satuan.node) {
                    let span = target_years.get(&t.year).copied().unwrap_or(ind.id.span);
                    self.err_says(
                        span,
                        Code::TargetSatuan,
                        Text::new("target-satuan-2")
                            .arg("year", t.year)
                            .arg("value", &t.value)
                            .arg("node", &satuan.node),
                    )
                    .help_says(Text::new("target-satuan-2-help").arg("node", &satuan.node));
                }
            }
        }
        self.rules.indikator.push(Indikator {
            id: id.clone(),
            name: ind.name.node.clone(),
            tier: s.tier,
            sasaran: s.code.node.clone(),
            satuan: Satuan::new(&satuan.node),
            polaritas: polaritas.unwrap_or(Polaritas::Naik),
            agregasi,
            jenis_periode: jenis,
            targets,
            rumus_realisasi,
            rumus_capaian,
            bobot,
            dasar,
            induk: induk.map(str::to_string),
            sama_dengan: sama,
            defined_by: source.to_string(),
            origin: self.origin(ind.id.span),
        });
        for sub in subs {
            self.indikator(sub, s, Some(&id), tingkat, source);
        }
    }

    /// Warns of a `%` target above 100.
    fn percent_above_100(&mut self, span: Span, id: &str, year: u16, value: &Quantity) {
        self.err_says(
            span,
            Code::PercentAbove100,
            Text::new("percent-above-100")
                .arg("year", year)
                .arg("id", id)
                .arg("value", value),
        )
        .label_says(Text::new("percent-above-100-label"))
        .help_says(Text::new("percent-above-100-help"));
    }

    /// A unit's target that asks less than the national one for the year.
    fn against_national(&mut self, id: &str, year: u16, value: &Quantity, span: Span) {
        let Some(ind) = self.rules.indikator(id).cloned() else {
            return;
        };
        if ind.satuan.is_percent() && value.value > Decimal::ONE_HUNDRED {
            self.percent_above_100(span, id, year, value);
        }
        let Some(national) = ind.national_target(year).cloned() else {
            return;
        };
        let n = national.value.value;
        let lower = match ind.polaritas {
            sakip_core::polaritas::Polaritas::Naik => value.value < n,
            sakip_core::polaritas::Polaritas::Turun => value.value > n,
            sakip_core::polaritas::Polaritas::Rentang { .. } => false,
        };
        if lower {
            let source = national.source.clone();
            self.err_says(
                span,
                Code::TargetBelowNational,
                Text::new("target-below-national")
                    .arg("year", year)
                    .arg("id", id)
                    .arg("value", value)
                    .arg("value2", &national.value),
            )
            .label_says(Text::new("target-below-national-label"))
            .help_says(
                Text::new("target-below-national-help")
                    .arg("source", &source)
                    .arg("value", &national.value)
                    .arg("year", year),
            );
        }
    }

    /// Cycles between formulas, and formulas that read an indicator the
    /// unit does not measure in a year they are in force.
    fn formula_graph_checks(&mut self) {
        use std::collections::BTreeMap as Map;
        let mut edges: Map<String, Vec<(String, Span)>> = Map::new();
        for (id, _, span, expr) in &self.rumus_spans {
            for r in lower_expr(expr).references() {
                edges.entry(id.clone()).or_default().push((r.to_string(), *span));
            }
        }
        // Depth-first search; a back edge is a cycle, reported once.
        let mut state: HashMap<String, u8> = HashMap::new();
        let mut reported = BTreeSet::new();
        let mut found: Vec<(Vec<String>, Span)> = Vec::new();
        /// Depth-first search that records each cycle once.
        fn visit(
            node: &str,
            edges: &Map<String, Vec<(String, Span)>>,
            state: &mut HashMap<String, u8>,
            path: &mut Vec<String>,
            found: &mut Vec<(Vec<String>, Span)>,
        ) {
            state.insert(node.to_string(), 1);
            path.push(node.to_string());
            for (next, span) in edges.get(node).map(Vec::as_slice).unwrap_or(&[]) {
                match state.get(next.as_str()) {
                    Some(1) => {
                        let start = path.iter().position(|p| p == next).unwrap_or(0);
                        let mut cycle: Vec<String> = path.get(start..).map(<[String]>::to_vec).unwrap_or_default();
                        cycle.push(next.clone());
                        found.push((cycle, *span));
                    }
                    Some(_) => {}
                    None => visit(next, edges, state, path, found),
                }
            }
            path.pop();
            state.insert(node.to_string(), 2);
        }
        let nodes: Vec<String> = edges.keys().cloned().collect();
        for n in &nodes {
            if !state.contains_key(n) {
                visit(n, &edges, &mut state, &mut Vec::new(), &mut found);
            }
        }
        for (cycle, span) in found {
            let mut key = cycle.clone();
            key.sort();
            key.dedup();
            if !reported.insert(key) {
                continue;
            }
            let shown: Vec<String> = cycle.iter().map(|c| format!("`{c}`")).collect();
            self.err_says(
                span,
                Code::FormulaCycle,
                Text::new("formula-cycle").arg("shown", shown.join(" -> ")),
            )
            .label_says(Text::new("formula-cycle-label"))
            .help_says(Text::new("formula-cycle-help"));
        }
        // A formula in force in a year of the agreement that reads an
        // indikator the agreement does not measure that year.
        let pks: Vec<(u16, Vec<String>)> = self
            .rules
            .perjanjian
            .iter()
            .map(|p| (p.year, p.indikator.clone()))
            .collect();
        for (year, measured) in pks {
            for (id, from, span, expr) in &self.rumus_spans.clone() {
                if !measured.contains(id) || from.is_some_and(|f| f > year) {
                    continue;
                }
                for r in lower_expr(expr).references() {
                    if !measured.iter().any(|m| m == r) {
                        self.err_says(
                            *span,
                            Code::ReferenceOtherYear,
                            Text::new("reference-other-year")
                                .arg("year", year)
                                .arg("id", id)
                                .arg("r", r),
                        )
                        .label_says(Text::new("reference-other-year-label"))
                        .help_says(
                            Text::new("reference-other-year-help")
                                .arg("r", r)
                                .arg("year", year)
                                .arg("id", id),
                        );
                    }
                }
            }
        }
    }

    /// Reports an indikator line (`satuan`, `polaritas`, ...) written twice.
    fn once_in(&mut self, seen: &mut HashMap<&'static str, Span>, what: &'static str, span: Span, id: &str) {
        if let Some(first) = seen.get(what) {
            let at = self.where_(*first);
            self.err_says(
                span,
                Code::LineTwice,
                Text::new("line-twice").arg("id", id).arg("what", what),
            )
            .help_says(Text::new("line-twice-help").arg("at", &at));
        } else {
            seen.insert(what, span);
        }
    }

    /// Reports an id that names no indikator, with the closest one.
    fn unknown_indicator(&mut self, span: Span, id: &str) {
        let known: Vec<String> = self.declared.keys().cloned().collect();
        let hint = did_you_mean(id, known.iter().map(String::as_str)).map(|s| Text::new("did-you-mean").arg("word", s));
        let e = self
            .err_says(
                span,
                Code::UnknownIndicator,
                Text::new("unknown-indicator-rules").arg("id", id),
            )
            .label_says(Text::new("unknown-indicator-label"));
        e.help_says(hint.unwrap_or_else(|| Text::new("unknown-indicator-help")));
    }

    /// Checks an indikator's formulas before anything is computed: names,
    /// functions and their arity, types, and reading its own figure.
    fn check_formulas(&mut self, ind: &ast::Indikator) {
        for item in &ind.items {
            match item {
                IndikatorItem::Rumus(r) => {
                    let own_realisasi_ok = r.objek == ast::RumusObjek::Capaian;
                    if let Some(ty) = self.type_of(&r.expr, own_realisasi_ok) {
                        if ty != Ty::Number {
                            self.err_says(r.expr.span, Code::FormulaType, Text::new("formula-type"))
                                .help_says(Text::new("formula-type-help"));
                        }
                    }
                }
                IndikatorItem::Sub(sub) => self.check_formulas(sub),
                _ => {}
            }
        }
    }

    /// The type of a formula, reporting what is wrong inside it; `None` when
    /// an error was reported.
    fn type_of(&mut self, e: &ast::Expr, own_realisasi_ok: bool) -> Option<Ty> {
        use ast::ExprKind as K;
        match &e.kind {
            K::Number(_) | K::Period(_) | K::Aggregate(..) => Some(Ty::Number),
            K::Own(Field::Realisasi) if !own_realisasi_ok => {
                self.err_says(e.span, Code::FormulaSelf, Text::new("formula-self"))
                    .help_says(Text::new("formula-self-help"));
                None
            }
            K::Own(_) => Some(Ty::Number),
            K::Ref { indicator, .. } => {
                if self.declared.contains_key(&indicator.node) {
                    Some(Ty::Number)
                } else {
                    self.unknown_indicator(indicator.span, &indicator.node);
                    None
                }
            }
            K::Neg(x) => self.expect(x, Ty::Number, own_realisasi_ok).map(|_| Ty::Number),
            K::Not(x) => self.expect(x, Ty::Bool, own_realisasi_ok).map(|_| Ty::Bool),
            K::Binary { op, lhs, rhs } => {
                use sakip_core::formula::BinOp as B;
                let (operand, result) = match op {
                    B::Add | B::Sub | B::Mul | B::Div => (Ty::Number, Ty::Number),
                    B::And | B::Or => (Ty::Bool, Ty::Bool),
                    _ => (Ty::Number, Ty::Bool),
                };
                let a = self.expect(lhs, operand, own_realisasi_ok);
                let b = self.expect(rhs, operand, own_realisasi_ok);
                (a.is_some() && b.is_some()).then_some(result)
            }
            K::If { cond, then, otherwise } => {
                let c = self.expect(cond, Ty::Bool, own_realisasi_ok);
                let t = self.type_of(then, own_realisasi_ok);
                let o = self.type_of(otherwise, own_realisasi_ok);
                match (c, t, o) {
                    (Some(_), Some(t), Some(o)) if t == o => Some(t),
                    (Some(_), Some(_), Some(_)) => {
                        self.err_says(e.span, Code::FormulaType, Text::new("formula-type-2"))
                            .help_says(Text::new("formula-type-2-help"));
                        None
                    }
                    _ => None,
                }
            }
            K::Call { name, args } => {
                let mut ok = true;
                for a in args {
                    ok &= self.expect(a, Ty::Number, own_realisasi_ok).is_some();
                }
                let n = args.len();
                let arity_ok = match name.node.as_str() {
                    "min" | "maks" => n >= 1,
                    "abs" => n == 1,
                    "bulat" | "potong" => n == 2,
                    other => {
                        let arities: Vec<usize> = self
                            .script_functions
                            .iter()
                            .filter(|(n, _)| n == other)
                            .map(|(_, a)| *a)
                            .collect();
                        if arities.contains(&n) {
                            return ok.then_some(Ty::Number);
                        }
                        if let Some(a) = arities.first() {
                            self.err_says(
                                e.span,
                                Code::FunctionArity,
                                Text::new("function-arity").arg("other", other).arg("a", a).arg("n", n),
                            );
                            return None;
                        }
                        let known: Vec<&str> = BUILTINS
                            .iter()
                            .copied()
                            .chain(self.script_functions.iter().map(|(f, _)| f.as_str()))
                            .collect();
                        let hint = did_you_mean(other, known.iter().copied())
                            .map(|s| Text::new("did-you-mean-then").arg("word", s))
                            .unwrap_or_else(|| Text::new("nothing"));
                        let scripts = if self.script_functions.is_empty() {
                            Text::new("unknown-function-no-scripts")
                        } else {
                            let names: Vec<&str> = self.script_functions.iter().map(|(f, _)| f.as_str()).collect();
                            Text::new("unknown-function-scripts").arg("names", names.join(", "))
                        };
                        self.err_says(
                            name.span,
                            Code::UnknownFunction,
                            Text::new("unknown-function").arg("other", other),
                        )
                        .label_says(Text::new("unknown-function-label"))
                        .help_says(
                            Text::new("unknown-function-help")
                                .arg_text("hint", hint)
                                .arg("builtins", BUILTINS.join(", "))
                                .arg_text("scripts", scripts),
                        );
                        return None;
                    }
                };
                if !arity_ok {
                    let want = match name.node.as_str() {
                        "abs" => "one value",
                        "bulat" | "potong" => "a value and a number of decimals, e.g. `bulat(x, 2)`",
                        _ => "at least one value",
                    };
                    self.err_says(
                        e.span,
                        Code::FunctionArity,
                        Text::new("function-arity-2")
                            .arg("node", &name.node)
                            .arg("want", want)
                            .arg("n", n),
                    );
                    return None;
                }
                ok.then_some(Ty::Number)
            }
        }
    }

    /// Checks that `e` has the type `want` (number or condition); says which
    /// was found and how to write it otherwise.
    fn expect(&mut self, e: &ast::Expr, want: Ty, own_realisasi_ok: bool) -> Option<Ty> {
        let got = self.type_of(e, own_realisasi_ok)?;
        if got == want {
            return Some(got);
        }
        let (msg, help) = match want {
            Ty::Number => ("formula-needs-number", "formula-needs-number-help"),
            Ty::Bool => ("formula-needs-comparison", "formula-needs-comparison-help"),
        };
        self.err_says(e.span, Code::FormulaType, Text::new(msg))
            .help_says(Text::new(help));
        None
    }

    /// Lowers a unit's agreement: targets of known indikator in their satuan,
    /// one agreement per year, and its budget per programme.
    fn perjanjian(&mut self, pk: &ast::Perjanjian, satker_id: &str) {
        let year = pk.year.node;
        if self.rules.perjanjian(year).is_some() {
            self.err_says(
                pk.year.span,
                Code::PerjanjianTwice,
                Text::new("perjanjian-twice").arg("year", year),
            )
            .help_says(Text::new("perjanjian-twice-help"));
            return;
        }
        let mut listed: HashMap<String, Span> = HashMap::new();
        let mut ids = Vec::new();
        for t in &pk.targets {
            if !self.declared.contains_key(&t.id.node) {
                self.unknown_indicator(t.id.span, &t.id.node);
                continue;
            }
            if let Some(first) = listed.get(&t.id.node) {
                let at = self.where_(*first);
                self.err_says(
                    t.id.span,
                    Code::TargetTwice,
                    Text::new("target-twice-2").arg("year", year).arg("node", &t.id.node),
                )
                .help_says(Text::new("target-twice-2-help").arg("at", &at));
                continue;
            }
            listed.insert(t.id.node.clone(), t.id.span);
            let origin = self.origin(t.span);
            let Some(value) = t.value.node.as_ref().map(quantity) else {
                self.err_says(
                    t.value.span,
                    Code::TargetUnfilled,
                    Text::new("target-unfilled").arg("year", year).arg("node", &t.id.node),
                )
                .label_says(Text::new("target-unfilled-label"))
                .help_says(Text::new("target-unfilled-help"));
                // Still measured that year: evaluating it reports the missing target.
                ids.push(t.id.node.clone());
                continue;
            };
            self.against_national(&t.id.node, year, &value, t.value.span);
            let unit_problem = self.rules.indikator(&t.id.node).and_then(|ind| {
                value
                    .satuan
                    .as_ref()
                    .filter(|u| **u != ind.satuan)
                    .map(|u| (u.clone(), ind.satuan.clone()))
            });
            if let Some((u, want)) = unit_problem {
                self.err_says(
                    t.value.span,
                    Code::TargetSatuan,
                    Text::new("target-satuan-3")
                        .arg("u", &u)
                        .arg("node", &t.id.node)
                        .arg("want", &want),
                )
                .help_says(Text::new("target-satuan-3-help").arg("want", &want));
            }
            if let Some(ind) = self.rules.indikator.iter_mut().find(|i| i.id == t.id.node) {
                ind.targets.push(Target {
                    year,
                    value,
                    tingkat: TingkatAturan::Satker,
                    source: satker_id.to_string(),
                    // A target with no basis of its own rests on the agreement's.
                    dasar: t.dasar.as_ref().or(pk.dasar.first()).map(|d| d.node.clone()),
                    origin,
                });
            }
            ids.push(t.id.node.clone());
        }
        let anggaran = pk
            .anggaran
            .iter()
            .map(|a| AnggaranProgram {
                name: a.name.node.clone(),
                amount: a.amount.node,
                kegiatan: a.kegiatan.iter().map(|(n, v)| (n.node.clone(), v.node)).collect(),
                origin: self.origin(a.span),
            })
            .collect();
        self.rules.perjanjian.push(Perjanjian {
            year,
            dasar: pk.dasar.iter().map(|d| d.node.clone()).collect(),
            indikator: ids,
            anggaran,
            origin: self.origin(pk.span),
        });
    }

    /// A printed capaian or penyerapan in percent; another unit is an error.
    fn printed_percent(&mut self, q: &Spanned<ast::Quantity>) -> Option<Decimal> {
        match &q.node.unit {
            None => Some(q.node.value),
            Some(u) if u == "%" => Some(q.node.value),
            Some(u) => {
                self.err_says(q.span, Code::DicetakUnit, Text::new("dicetak-unit").arg("u", u))
                    .help_says(Text::new("dicetak-unit-help"));
                None
            }
        }
    }

    /// Lowers a rule test into a case the core runs.
    fn uji(&mut self, u: &ast::Uji) {
        use sakip_core::uji::{Harapan, Kasus};
        let year = u.year.node;
        let mut ok = true;
        let mut targets = Vec::new();
        for t in &u.targets {
            if !self.declared.contains_key(&t.id.node) {
                self.unknown_indicator(t.id.span, &t.id.node);
                ok = false;
                continue;
            }
            match &t.value.node {
                Some(q) => targets.push((t.id.node.clone(), quantity(q))),
                None => {
                    self.err_says(t.value.span, Code::TargetUnfilled, Text::new("target-unfilled-2"));
                    ok = false;
                }
            }
        }
        let mut data = UnitData::new(year);
        for e in &u.entries {
            if !self.declared.contains_key(&e.id.node) {
                self.unknown_indicator(e.id.span, &e.id.node);
                ok = false;
                continue;
            }
            data.realisasi.push(RealisasiEntry {
                indicator: e.id.node.clone(),
                values: e.values.iter().map(|(p, q)| (p.node, quantity(&q.node))).collect(),
                printed_capaian: None,
                origin: self.origin(e.span),
            });
        }
        let mut harapan = Vec::new();
        for h in &u.harap {
            let (id, lowered) = match h {
                ast::Harap::Capaian { id, value, band, span } => (
                    Some(id),
                    Harapan::Capaian {
                        id: id.node.clone(),
                        value: value.node,
                        band: band.as_ref().map(|b| b.node.clone()),
                        origin: self.origin(*span),
                    },
                ),
                ast::Harap::Realisasi { id, value, span } => (
                    Some(id),
                    Harapan::Realisasi {
                        id: id.node.clone(),
                        value: value.node,
                        origin: self.origin(*span),
                    },
                ),
                ast::Harap::Nilai { value, span } => (
                    None,
                    Harapan::Nilai {
                        value: value.node,
                        origin: self.origin(*span),
                    },
                ),
            };
            if let Some(id) = id {
                if !self.declared.contains_key(&id.node) {
                    self.unknown_indicator(id.span, &id.node);
                    ok = false;
                    continue;
                }
            }
            harapan.push(lowered);
        }
        if u.harap.is_empty() {
            self.err_says(
                u.name.span,
                Code::UjiEmpty,
                Text::new("uji-empty").arg("node", &u.name.node),
            )
            .help_says(Text::new("uji-empty-help"));
            ok = false;
        }
        if ok {
            self.cases.push(Kasus {
                name: u.name.node.clone(),
                year,
                targets,
                data,
                harapan,
                origin: self.origin(u.span),
            });
        }
    }

    /// Lowers a unit's realisasi block into its data for the year.
    fn realisasi(&mut self, b: &ast::RealisasiBlock) {
        let year = b.year.node;
        let mut entries: Vec<RealisasiEntry> = Vec::new();
        let existing: Vec<String> = self
            .data
            .get(&year)
            .map(|d| d.realisasi.iter().map(|r| r.indicator.clone()).collect())
            .unwrap_or_default();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for e in &b.entries {
            if !self.declared.contains_key(&e.id.node) {
                self.unknown_indicator(e.id.span, &e.id.node);
                continue;
            }
            if let Some(first) = seen.get(&e.id.node) {
                let at = self.where_(*first);
                self.err_says(
                    e.id.span,
                    Code::RealisasiTwice,
                    Text::new("realisasi-twice").arg("year", year).arg("node", &e.id.node),
                )
                .help_says(Text::new("realisasi-twice-help").arg("at", &at));
                continue;
            }
            if existing.contains(&e.id.node) {
                self.err_says(
                    e.id.span,
                    Code::RealisasiTwice,
                    Text::new("realisasi-twice-2").arg("year", year).arg("node", &e.id.node),
                );
                continue;
            }
            seen.insert(e.id.node.clone(), e.id.span);
            let mut periods: HashMap<sakip_core::periode::Periode, Span> = HashMap::new();
            let mut values = Vec::new();
            for (p, q) in &e.values {
                if let Some(first) = periods.get(&p.node) {
                    let at = self.where_(*first);
                    self.err_says(
                        p.span,
                        Code::PeriodTwice,
                        Text::new("period-twice")
                            .arg("node", p.node.keyword())
                            .arg("node2", &e.id.node),
                    )
                    .help_says(Text::new("period-twice-help").arg("at", &at));
                    continue;
                }
                periods.insert(p.node, p.span);
                values.push((p.node, quantity(&q.node)));
            }
            let printed = match &e.dicetak {
                Some(q) => self.printed_percent(q),
                None => None,
            };
            entries.push(RealisasiEntry {
                indicator: e.id.node.clone(),
                values,
                printed_capaian: printed,
                origin: self.origin(e.span),
            });
        }
        let d = self.data.entry(year).or_insert_with(|| UnitData::new(year));
        d.dasar.extend(b.dasar.iter().map(|x| x.node.clone()));
        d.realisasi.extend(entries);
    }

    /// Lowers a unit's budget block; the `Total` line is computed, never written.
    fn anggaran(&mut self, b: &ast::AnggaranBlock) {
        let year = b.year.node;
        let mut belanja = Vec::new();
        let mut program = Vec::new();
        let mut seen: HashMap<(bool, String), Span> = HashMap::new();
        for l in &b.lines {
            let is_program = l.kind == ast::BelanjaKind::Program;
            let key = (is_program, l.name.node.clone());
            if let Some(first) = seen.get(&key) {
                let at = self.where_(*first);
                self.err_says(
                    l.name.span,
                    Code::AnggaranTwice,
                    Text::new("anggaran-twice").arg("node", &l.name.node).arg("year", year),
                )
                .help_says(Text::new("anggaran-twice-help").arg("at", &at));
                continue;
            }
            if l.name.node == sakip_core::anggaran::TOTAL {
                self.err_says(l.name.span, Code::AnggaranTotal, Text::new("anggaran-total"))
                    .help_says(Text::new("anggaran-total-help"));
                continue;
            }
            seen.insert(key, l.name.span);
            let printed = match &l.dicetak {
                Some(q) => self.printed_percent(q),
                None => None,
            };
            let entry = BelanjaEntry {
                name: l.name.node.clone(),
                pagu: l.pagu.node,
                realisasi: l.realisasi.node,
                printed_penyerapan: printed,
                origin: self.origin(l.span),
            };
            if is_program {
                program.push(entry);
            } else {
                belanja.push(entry);
            }
        }
        let d = self.data.entry(year).or_insert_with(|| UnitData::new(year));
        d.dasar.extend(b.dasar.iter().map(|x| x.node.clone()));
        d.belanja.extend(belanja);
        d.program.extend(program);
    }
}

/// The year a setting is in force from, when it says (`mulai <tahun>`).
fn setting_year(item: &Item) -> Option<u16> {
    match item {
        Item::Pembulatan(p) => p.from_year.as_ref().map(|y| y.node),
        Item::Konversi(k) => k.from_year.as_ref().map(|y| y.node),
        Item::Klasifikasi(k) => k.from_year.as_ref().map(|y| y.node),
        _ => None,
    }
}

/// The level a rule set declares in its header.
fn header_tingkat(set: &RuleSetFiles) -> Option<TingkatAturan> {
    set.files.first().and_then(|(_, f)| {
        f.items.iter().find_map(|i| match i {
            Item::Header(h) => Some(h.tingkat),
            _ => None,
        })
    })
}

/// A quantity of the syntax tree as the core's quantity.
fn quantity(q: &ast::Quantity) -> Quantity {
    Quantity {
        value: q.value,
        satuan: q.unit.as_deref().map(Satuan::new),
    }
}

/// A formula as the core evaluates it (and as `fmt` prints it).
pub(crate) fn lower_expr(e: &ast::Expr) -> Expr {
    use ast::ExprKind as K;
    match &e.kind {
        K::Number(n) => Expr::Number(*n),
        K::Own(f) => Expr::Own(*f),
        K::Period(p) => Expr::Period(*p),
        K::Aggregate(a, j) => Expr::Aggregate(*a, *j),
        K::Ref { indicator, field } => Expr::Ref {
            indicator: indicator.node.clone(),
            field: *field,
        },
        K::Neg(x) => Expr::Neg(Box::new(lower_expr(x))),
        K::Not(x) => Expr::Not(Box::new(lower_expr(x))),
        K::Binary { op, lhs, rhs } => Expr::Binary {
            op: *op,
            lhs: Box::new(lower_expr(lhs)),
            rhs: Box::new(lower_expr(rhs)),
        },
        K::If { cond, then, otherwise } => Expr::If {
            cond: Box::new(lower_expr(cond)),
            then: Box::new(lower_expr(then)),
            otherwise: Box::new(lower_expr(otherwise)),
        },
        K::Call { name, args } => Expr::Call {
            name: name.node.clone(),
            args: args.iter().map(lower_expr).collect(),
        },
    }
}

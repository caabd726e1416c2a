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
//!
//! The work is split by responsibility: the public entry points and the
//! helpers for paths stay here; `loader` reads files and follows the
//! chain of `berdasarkan`; `lower` checks names, types and settings and
//! lowers each part of a rule set (its bands, its indikator, its formulas,
//! a unit's agreement, data and rule tests) in a module of its own. Every
//! entry point goes through [`crate::analysis::analyse`], the one path from
//! a folder to a checked rule set, which the editor's model uses too.

pub(crate) mod loader;
pub(crate) mod lower;

use crate::analysis::{analyse, Want};
use crate::error::RuleError;
use crate::fs::{Disk, FileSystem, Kind};
use crate::shared::Shared;
use crate::source::SourceMap;
use camino::{Utf8Component, Utf8Path, Utf8PathBuf};
use loader::Loader;
pub(crate) use lower::lower_expr;
use sakip_core::data::UnitData;
use sakip_core::model::{RuleSet, TingkatAturan};
use sakip_core::{Code, Lang, Text};
use sakip_script::ScriptSet;
use std::collections::{BTreeMap, BTreeSet};

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
    /// Where each indikator is declared and named, across the chain.
    pub symbols: crate::symbols::Symbols,
}

/// Reads the unit in `dir` with the rule sets it builds on.
pub fn load_unit(dir: &Utf8Path) -> Result<LoadedUnit, Vec<RuleError>> {
    load_unit_with(dir, &Shared::default())
}

/// [`load_unit`], reading the rule sets it builds on through `shared`, so
/// that loads of many units read and compile each of those once.
pub fn load_unit_with(dir: &Utf8Path, shared: &Shared) -> Result<LoadedUnit, Vec<RuleError>> {
    let dir = normalize(dir);
    if shared.fs().kind(&dir) != Kind::Dir {
        return Err(vec![RuleError::path_says(
            dir.as_str(),
            Code::UnitDir,
            Text::new("unit-dir").arg("dir", &dir),
        )
        .help_says(Text::new("unit-dir-help"))]);
    }
    analyse(&mut Loader::new(shared), &dir, None, Want::Unit).into_unit()
}

/// The unit in `dir`, or `None` when the folder's rule set is not a unit's
/// (national or Kanwil rules): what a run over a tree of folders asks of
/// each folder.
pub fn load_unit_in(dir: &Utf8Path, shared: &Shared) -> Result<Option<LoadedUnit>, Vec<RuleError>> {
    let dir = normalize(dir);
    let analysis = analyse(&mut Loader::new(shared), &dir, None, Want::UnitOrNone);
    if !analysis.found {
        return Err(analysis.problems);
    }
    if analysis.level != Some(TingkatAturan::Satker) {
        return Ok(None);
    }
    analysis.into_unit().map(Some)
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
    let kind = shared.fs().kind(&path);
    let analysis = if kind == Kind::Dir {
        analyse(&mut loader, &path, None, Want::Any)
    } else if kind == Kind::File {
        analyse(&mut loader, &folder_of(&path), Some(&path), Want::Any)
    } else {
        return Err(vec![RuleError::path_says(
            path.as_str(),
            Code::PathMissing,
            Text::new("path-missing").arg("path", &path),
        )]);
    };
    analysis.into_unit()
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
    let mut files: Vec<Utf8PathBuf> = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let p = normalize(p);
        let kind = Disk.kind(&p);
        if kind == Kind::Dir {
            collect_sakip(&p, &mut files, &mut errors);
        } else if kind == Kind::File {
            files.push(p);
        } else {
            errors.push(RuleError::path_says(
                p.as_str(),
                Code::PathMissing,
                Text::new("path-missing-2").arg("path", &p),
            ));
        }
    }
    // One folder searched gives its files in path order already (a path
    // compares component by component, and a tree of 75,000 files put in
    // order one insert at a time spent most of its listing comparing);
    // several paths may overlap or come in any order.
    if !files.is_sorted() {
        files.sort();
    }
    files.dedup();
    // A folder's files are in order, but a sub-folder's may come between
    // them: grouped by a stable sort on the folder, which the path order
    // leaves nearly sorted.
    let mut by_folder: Vec<(Utf8PathBuf, Utf8PathBuf)> = files.into_iter().map(|f| (folder_of(&f), f)).collect();
    by_folder.sort_by(|a, b| a.0.cmp(&b.0));
    let mut folders: Vec<(Utf8PathBuf, Vec<Utf8PathBuf>)> = Vec::new();
    for (folder, file) in by_folder {
        match folders.last_mut() {
            Some((last, files)) if *last == folder => files.push(file),
            _ => folders.push((folder, vec![file])),
        }
    }
    (folders.into_iter().collect(), errors)
}

/// The header files of the rule sets that `files` (all in one folder)
/// belong to: a file's own header, or its folder's.
pub(crate) fn roots_in(loader: &mut Loader<'_>, files: &[Utf8PathBuf]) -> BTreeSet<Utf8PathBuf> {
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
            let mut errors = std::mem::take(&mut loader.errors);
            let mut checked = loader.checked_paths();
            let mut rule_sets = 0;
            for root in &roots {
                let analysis = analyse(&mut loader, &folder_of(root), Some(root), Want::Any);
                rule_sets += usize::from(analysis.found);
                errors.extend(analysis.problems);
                checked.extend(analysis.checked);
            }
            (errors, checked, rule_sets)
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
/// The `.sakip` files under `dir`, in path order: a folder's files and
/// sub-folders are taken by name, a sub-folder's files where its name
/// falls among the files'.
fn collect_sakip(dir: &Utf8Path, out: &mut Vec<Utf8PathBuf>, errors: &mut Vec<RuleError>) {
    match folder_entries(&Disk, dir) {
        Ok(entries) => {
            let mut files = entries.files.into_iter().peekable();
            for sub in entries.folders {
                while let Some(f) = files.next_if(|f| f.file_name() < sub.file_name()) {
                    out.push(f);
                }
                collect_sakip(&sub, out, errors);
            }
            out.extend(files);
        }
        Err(e) => errors.push(*e),
    }
}

/// What one folder holds for a search for rule files: its `.sakip` files
/// and the folders under it that the search enters, each sorted. The
/// search is a walk of these steps, so that an editor can take it one
/// folder at a time between keystrokes.
#[derive(Debug, Default)]
pub struct FolderEntries {
    /// The folders to search next.
    pub folders: Vec<Utf8PathBuf>,
    /// The `.sakip` files directly in the folder.
    pub files: Vec<Utf8PathBuf>,
}

/// The entries of `dir` (see [`FolderEntries`]) as `fs` shows them; `Err`
/// when it cannot be listed.
pub fn folder_entries(fs: &dyn FileSystem, dir: &Utf8Path) -> Result<FolderEntries, Box<RuleError>> {
    let entries = fs.entries(dir).map_err(|e| {
        Box::new(RuleError::path_says(
            dir.as_str(),
            Code::FileUnreadable,
            Text::new("file-unreadable").arg("dir", dir).arg("error", &e),
        ))
    })?;
    let mut out = FolderEntries::default();
    for (p, k) in entries {
        if k == Kind::Dir && !skipped(fs, &p) {
            out.folders.push(p);
        } else if k == Kind::File && p.extension() == Some("sakip") {
            out.files.push(normalize(&p));
        }
    }
    Ok(out)
}

/// Folders a search for rule files does not enter: hidden ones (`.git`),
/// `node_modules`, and caches that say so with a `CACHEDIR.TAG` (Cargo's
/// `target`, where tests leave copies of the rules). A folder named on the
/// command line is always searched.
fn skipped(fs: &dyn FileSystem, dir: &Utf8Path) -> bool {
    let name = dir.file_name().unwrap_or("");
    name.starts_with('.') || name == "node_modules" || fs.kind(&dir.join("CACHEDIR.TAG")) == Kind::File
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
pub(crate) fn dedup(errors: Vec<RuleError>) -> Vec<RuleError> {
    let mut seen = BTreeSet::new();
    errors
        .into_iter()
        .filter(|e| seen.insert((e.location_text(), e.code, e.message.render(Lang::En))))
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

/// The `.sakip` files directly in `dir`, sorted.
pub(crate) fn sakip_files_in(fs: &dyn FileSystem, dir: &Utf8Path) -> std::io::Result<Vec<Utf8PathBuf>> {
    let mut out: Vec<Utf8PathBuf> = fs
        .entries(dir)?
        .into_iter()
        .filter(|(p, k)| *k == Kind::File && p.extension() == Some("sakip"))
        .map(|(p, _)| normalize(&p))
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Names whose order by path and by text differ (`a/…` comes before
    /// `a-b`, though `/` is after `-`), files beside folders, a folder that
    /// is skipped: the search gives what putting every file in path order
    /// gives, grouped by folder.
    #[test]
    fn files_under_a_folder_come_in_path_order() {
        let root = Utf8PathBuf::from_path_buf(std::env::temp_dir().join(format!("sakip-walk-{}", std::process::id())))
            .unwrap();
        let _ = std::fs::remove_dir_all(&root);
        let files = [
            "a.sakip",
            "a/b.sakip",
            "a/z/y.sakip",
            "a/m.sakip",
            "a/zz.sakip",
            "a-b/c.sakip",
            "a-b.sakip",
            "ab/d.sakip",
            "B/e.sakip",
            "b.sakip",
            "z.sakip",
            "z/a.sakip",
            "z/a/q.sakip",
            "notes.txt",
            ".hidden/h.sakip",
        ];
        for f in files {
            let path = root.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "").unwrap();
        }
        let (folders, errors) = sakip_files_under(std::slice::from_ref(&root));
        assert!(errors.is_empty());
        let expected: BTreeSet<Utf8PathBuf> = files
            .iter()
            .filter(|f| f.ends_with(".sakip") && !f.starts_with('.'))
            .map(|f| root.join(f))
            .collect();
        let mut grouped: BTreeMap<Utf8PathBuf, Vec<Utf8PathBuf>> = BTreeMap::new();
        for f in expected {
            grouped.entry(folder_of(&f)).or_default().push(f);
        }
        assert_eq!(folders, grouped);
        // The same files asked for twice, and a file beside its folder.
        let twice = [root.join("a"), root.clone(), root.join("z.sakip")];
        let (again, _) = sakip_files_under(&twice);
        assert_eq!(again, grouped);
        std::fs::remove_dir_all(&root).unwrap();
    }
}

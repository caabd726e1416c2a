//! The semantic model of a rule tree held open: every rule set under some
//! folders, each checked with the chain it builds on, its problems, its
//! rules as far as they lower, and the index of its names. An editor (the
//! language server) and the workbench keep one and tell it what changed: a
//! file edited and not saved, a file changed, created or deleted on disk.
//! It then checks again only the rule sets that read the changed file or
//! list its folder; a unit's edit does not re-check its neighbours, and an
//! edit of the national rules re-checks what builds on them.
//!
//! A ministry's tree holds 25,000 rule sets; checking them all takes
//! seconds, and an editor cannot wait for that before its first answer or
//! after each keystroke. So the tree is lazy: a change only marks what
//! depends on it as stale, [`RuleTree::ensure`] checks what one file needs
//! now (its own rule set), and the rest is done a step at a time by
//! [`RuleTree::step`], which an editor calls while the user is idle; the
//! next change simply re-marks, so work for an outdated text is never
//! finished. [`RuleTree::open`] and [`RuleTree::set_text`] do all the work
//! at once, for callers that want the whole tree current.
//!
//! Every rule set is loaded through one [`Shared`] cache made for an
//! editor: a file is read and parsed once until it changes, and an unsaved
//! text replaces the disk's.

use crate::analysis::{analyse, Want};
pub use crate::analysis::{Analysis, InForce};
use crate::error::RuleError;
use crate::fs::{FileSystem, Kind};
use crate::resolve::loader::Loader;
use crate::resolve::{folder_entries, folder_of, normalize, roots_in};
use crate::shared::Shared;
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::{Code, Text};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Every rule set under some folders, checked, and kept up to date.
pub struct RuleTree {
    roots: Vec<Utf8PathBuf>,
    shared: Shared,
    /// By header file.
    sets: BTreeMap<Utf8PathBuf, Analysis>,
    /// Problems of files that belong to no rule set that loads (a syntax
    /// error in the file that should hold the header, a folder with no
    /// header), by folder.
    loose: BTreeMap<Utf8PathBuf, Vec<RuleError>>,
    /// For each file, the rule sets that read it or have a problem in it:
    /// what a file's diagnostics, hover and text are looked up in, so that
    /// the cost of asking about one file does not grow with the tree.
    mentions: HashMap<Utf8PathBuf, BTreeSet<Utf8PathBuf>>,
    /// For each file, the rule sets that found a problem in it.
    troubled: HashMap<Utf8PathBuf, BTreeSet<Utf8PathBuf>>,
    /// For each folder, the rule sets whose chain lists it: a file that
    /// appears there may change them.
    listers: HashMap<Utf8PathBuf, BTreeSet<Utf8PathBuf>>,
    /// Rule sets not checked since something they read changed, or never.
    stale: BTreeSet<Utf8PathBuf>,
    /// Files changed since what depends on them was last looked up, each
    /// with the last rule set marked so far (the lookup goes in slices).
    dirty: BTreeMap<Utf8PathBuf, (Option<Utf8PathBuf>, u64)>,
    /// Counts the changes: each dirty file carries the count of its latest.
    generation: u64,
    /// The count of changes when each rule set was last checked.
    checked_at: HashMap<Utf8PathBuf, u64>,
    /// Folders the walk of the roots has still to visit, the next last.
    walk: Vec<Visit>,
    /// Folders whose rule sets are known.
    discovered: HashSet<Utf8PathBuf>,
    /// Whether units checked in the background are kept slim (see
    /// [`Analysis::slim`]): an editor's tree, where 25,000 whole analyses
    /// would take 5 GB. The tree of [`RuleTree::open`] keeps them whole.
    slim: bool,
    /// Units' rule sets kept whole because a file of theirs was asked
    /// about lately, the latest last; at most [`HOT`].
    hot: Vec<Utf8PathBuf>,
}

/// A folder the walk of the roots visits.
#[derive(Debug)]
enum Visit {
    /// Its rule sets, and the folders under it.
    Tree(Utf8PathBuf),
    /// Its rule sets only (the folder of a file named as a root).
    Folder(Utf8PathBuf),
}

impl std::fmt::Debug for RuleTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleTree")
            .field("roots", &self.roots)
            .field("sets", &self.sets.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl RuleTree {
    /// Finds and checks every rule set under `roots` (folders or files).
    pub fn open(roots: &[Utf8PathBuf]) -> Self {
        let mut tree = Self::build(roots, Shared::for_editor(), false);
        tree.finish();
        tree
    }

    /// A tree over `roots` that has read nothing yet: the folders are
    /// walked and the rule sets checked by [`RuleTree::ensure`] (what one
    /// file needs) and [`RuleTree::step`] (the rest, a step at a time).
    /// The units checked by [`RuleTree::step`] are kept slim: their
    /// problems, files and the places their own files name things, which
    /// is what diagnostics and references need; [`RuleTree::ensure`]
    /// checks a unit again whole when one of its files is asked about.
    pub fn lazy(roots: &[Utf8PathBuf]) -> Self {
        Self::lazy_in(roots, std::sync::Arc::new(crate::fs::Disk))
    }

    /// [`RuleTree::lazy`], reading through `fs` (a tree in memory, in tests).
    pub fn lazy_in(roots: &[Utf8PathBuf], fs: std::sync::Arc<dyn FileSystem>) -> Self {
        Self::build(roots, Shared::for_lazy_editor().with_fs(fs), true)
    }

    /// A tree over `roots` that has read nothing yet, reading through `shared`.
    fn build(roots: &[Utf8PathBuf], shared: Shared, slim: bool) -> Self {
        let mut tree = Self {
            roots: roots.iter().map(|r| normalize(r)).collect(),
            shared,
            sets: BTreeMap::new(),
            loose: BTreeMap::new(),
            mentions: HashMap::new(),
            listers: HashMap::new(),
            troubled: HashMap::new(),
            stale: BTreeSet::new(),
            dirty: BTreeMap::new(),
            generation: 0,
            checked_at: HashMap::new(),
            walk: Vec::new(),
            discovered: HashSet::new(),
            slim,
            hot: Vec::new(),
        };
        let mut missing = Vec::new();
        for root in tree.roots.iter().rev() {
            let kind = tree.shared.fs().kind(root);
            if kind == Kind::Dir {
                tree.walk.push(Visit::Tree(root.clone()));
            } else if kind == Kind::File {
                tree.walk.push(Visit::Folder(folder_of(root)));
            } else {
                missing.push(RuleError::path_says(
                    root.as_str(),
                    Code::PathMissing,
                    Text::new("path-missing-2").arg("path", root),
                ));
            }
        }
        missing.reverse();
        if !missing.is_empty() {
            tree.loose.insert(Utf8PathBuf::new(), missing);
        }
        tree
    }

    /// A cache that reads `path` as `text` and shares everything else
    /// this tree has read (see [`Shared::overlay`]): for one keystroke's
    /// check or preview, nothing of it seen by the tree.
    pub fn overlay(&self, path: &Utf8Path, text: &str) -> Shared {
        self.shared.overlay(&normalize(path), text)
    }

    /// A cache that shares everything this tree has read, the editor's
    /// unsaved texts included (see [`Shared::view`]).
    pub fn view(&self) -> Shared {
        self.shared.view()
    }

    /// Where the tree reads its files from.
    pub fn fs(&self) -> &dyn FileSystem {
        self.shared.fs()
    }

    /// How many rule sets wait to be checked (the walk may find more).
    pub fn stale_count(&self) -> usize {
        self.stale.len()
    }

    /// Whether work remains: folders to walk or rule sets to check.
    pub fn busy(&self) -> bool {
        !self.walk.is_empty() || !self.stale.is_empty() || !self.dirty.is_empty()
    }

    /// Does one step of the remaining work: visits one folder, or checks one
    /// rule set. Returns the header files of the rule sets it checked
    /// (often none), or `None` when nothing was left to do. One step takes
    /// the time of one unit's check, so an editor stays responsive between
    /// steps.
    pub fn step(&mut self) -> Option<Vec<Utf8PathBuf>> {
        if !self.dirty.is_empty() {
            self.expand_some();
            return Some(Vec::new());
        }
        // A folder's rule sets are checked right after it is found, before
        // the walk goes on: the files its discovery read are held for
        // that check, and the walk must not hold a whole country's.
        if let Some(header) = self.stale.pop_first() {
            if !self.sets.contains_key(&header) {
                return Some(Vec::new());
            }
            let slim = self.slim && !self.hot.contains(&header);
            self.analyse_as(&header, slim);
            return Some(vec![header]);
        }
        if let Some(visit) = self.walk.pop() {
            match visit {
                Visit::Folder(dir) => {
                    if !self.discovered.contains(&dir) {
                        self.discover(&dir);
                    }
                }
                Visit::Tree(dir) => match folder_entries(self.shared.fs(), &dir) {
                    Ok(entries) => {
                        if !entries.files.is_empty() && !self.discovered.contains(&normalize(&dir)) {
                            self.discover(&normalize(&dir));
                        }
                        self.walk.extend(entries.folders.into_iter().rev().map(Visit::Tree));
                    }
                    Err(e) => self.loose.entry(Utf8PathBuf::new()).or_default().push(*e),
                },
            }
            return Some(Vec::new());
        }
        None
    }

    /// Does all the remaining work; returns the headers of the rule sets checked.
    pub fn finish(&mut self) -> Vec<Utf8PathBuf> {
        let mut checked = Vec::new();
        while let Some(done) = self.step() {
            checked.extend(done);
        }
        checked
    }

    /// Checks now what `path` needs to be answered about: the rule sets of
    /// its folder (found first if the walk has not reached it), or, for a
    /// file that belongs to none (a script), the most general rule sets
    /// that read it. Returns the headers of the rule sets checked.
    pub fn ensure(&mut self, path: &Utf8Path) -> Vec<Utf8PathBuf> {
        let path = normalize(path);
        if !self.dirty.is_empty() {
            self.mark_own(&path);
        }
        let dir = folder_of(&path);
        if path.extension() == Some("sakip") && !self.discovered.contains(&dir) {
            self.discover(&dir);
        }
        let own = self.headers_in(&dir);
        let belongs = |h: &Utf8PathBuf| {
            self.stale.contains(h) || self.sets.get(h).is_some_and(|a| a.sources.find(&path).is_some())
        };
        let wanted: Vec<Utf8PathBuf> = if own.iter().any(belongs) {
            own
        } else {
            // A script, or a file outside any rule set of its folder: the
            // few most general rule sets that read it answer for it.
            let mut readers: Vec<&Analysis> = self.mentioning(&path).collect();
            readers.sort_by_key(|a| a.level);
            readers.iter().take(ENSURED_READERS).map(|a| a.header.clone()).collect()
        };
        let mut checked = Vec::new();
        for h in wanted {
            let slim = self.sets.get(&h).is_some_and(|a| a.slim);
            if self.stale.remove(&h) || slim {
                self.analyse(&h);
                checked.push(h.clone());
            }
            self.heat(&h);
        }
        checked
    }

    /// Keeps the rule set of `header` whole from now on; slims the one
    /// asked about longest ago when more than [`HOT`] are.
    fn heat(&mut self, header: &Utf8Path) {
        if !self.slim {
            return;
        }
        self.hot.retain(|h| h != header);
        self.hot.push(header.to_path_buf());
        if self.hot.len() > HOT {
            let cold = self.hot.remove(0);
            if !self.stale.contains(&cold) {
                self.make_slim(&cold);
            }
        }
    }

    /// Slims the rule set of `header` (see [`Analysis::slim`]: a unit's only).
    fn make_slim(&mut self, header: &Utf8Path) {
        if let Some(a) = self.sets.get_mut(header) {
            a.slim();
        }
    }

    /// The rule sets, by header file.
    pub fn sets(&self) -> impl Iterator<Item = &Analysis> {
        self.sets.values()
    }

    /// Whether `path` lies under one of the tree's roots.
    pub fn contains(&self, path: &Utf8Path) -> bool {
        let path = normalize(path);
        self.roots.iter().any(|r| path.starts_with(r))
    }

    /// Finds the rule sets of folder `dir` (its files' headers) and records
    /// the problems of its files that belong to none.
    fn discover(&mut self, dir: &Utf8Path) -> BTreeSet<Utf8PathBuf> {
        let files = self.shared.list(dir).unwrap_or_default();
        let (headers, errors) = {
            let mut loader = Loader::new(&self.shared);
            let headers = roots_in(&mut loader, &files);
            (headers, loader.errors)
        };
        let gone: Vec<Utf8PathBuf> = self
            .headers_in(dir)
            .into_iter()
            .filter(|h| !headers.contains(h))
            .collect();
        for h in gone {
            self.remove(&h);
        }
        self.discovered.insert(dir.to_path_buf());
        for h in &headers {
            if !self.sets.contains_key(h) {
                self.sets.insert(h.clone(), Analysis::empty(h.clone()));
                self.stale.insert(h.clone());
            }
        }
        if errors.is_empty() {
            self.loose.remove(dir);
        } else {
            self.loose.insert(dir.to_path_buf(), errors);
        }
        headers
    }

    /// The headers of the rule sets of folder `dir`. Paths order by their
    /// components, so a folder's files and those under it are neighbours
    /// in `sets`: found without a pass over the tree.
    fn headers_in(&self, dir: &Utf8Path) -> Vec<Utf8PathBuf> {
        if dir == "." {
            return self.sets.keys().filter(|h| folder_of(h) == dir).cloned().collect();
        }
        self.sets
            .range(dir.to_path_buf()..)
            .take_while(|(h, _)| h.starts_with(dir))
            .map(|(h, _)| h)
            .filter(|h| folder_of(h) == dir)
            .cloned()
            .collect()
    }

    /// Checks the rule set whose header is `header` again.
    fn analyse(&mut self, header: &Utf8Path) {
        self.analyse_as(header, false);
    }

    /// Checks the rule set whose header is `header` again, slimmed when
    /// `slim` and it is a unit's.
    fn analyse_as(&mut self, header: &Utf8Path, slim: bool) {
        let mut analysis = analyse(
            &mut Loader::new(&self.shared),
            &folder_of(header),
            Some(header),
            Want::Any,
        );
        if slim {
            analysis.slim();
        }
        // The folder's rule sets checked: the files held for them go (a
        // folder with two rule sets reads them again for the second).
        if self
            .headers_in(&folder_of(header))
            .iter()
            .all(|h| h == header || !self.stale.contains(h))
        {
            self.shared.release(&folder_of(header));
        }
        self.remove(header);
        for file in mentioned(&analysis) {
            self.mentions.entry(file).or_default().insert(header.to_path_buf());
        }
        for dir in analysis.folders() {
            self.listers.entry(dir).or_default().insert(header.to_path_buf());
        }
        for file in problem_files(&analysis) {
            self.troubled.entry(file).or_default().insert(header.to_path_buf());
        }
        self.stale.remove(header);
        self.checked_at.insert(header.to_path_buf(), self.generation);
        self.sets.insert(header.to_path_buf(), analysis);
    }

    /// Forgets the rule set whose header is `header`.
    fn remove(&mut self, header: &Utf8Path) {
        self.checked_at.remove(header);
        if let Some(old) = self.sets.remove(header) {
            for file in mentioned(&old) {
                unlist(&mut self.mentions, &file, header);
            }
            for dir in old.folders() {
                unlist(&mut self.listers, &dir, header);
            }
            for file in problem_files(&old) {
                unlist(&mut self.troubled, &file, header);
            }
        }
    }

    /// The rule sets that read `path` or have a problem in it.
    fn mentioning(&self, path: &Utf8Path) -> impl Iterator<Item = &Analysis> {
        self.mentions
            .get(path)
            .into_iter()
            .flatten()
            .filter_map(|h| self.sets.get(h))
    }

    /// Takes `text` as the contents of `path` (`None`: what the disk holds)
    /// and checks again what depends on it, and whatever else was left to
    /// do. Returns the header files of the rule sets checked.
    pub fn set_text(&mut self, path: &Utf8Path, text: Option<&str>) -> Vec<Utf8PathBuf> {
        self.set_text_lazily(path, text);
        self.finish()
    }

    /// `path` changed, appeared or disappeared on disk; checks again what
    /// depends on it, and whatever else was left to do. Returns the header
    /// files of the rule sets checked.
    pub fn changed_on_disk(&mut self, path: &Utf8Path) -> Vec<Utf8PathBuf> {
        self.changed_on_disk_lazily(path);
        self.finish()
    }

    /// Takes `text` as the contents of `path` (`None`: what the disk holds)
    /// and marks what depends on it as stale, checking nothing yet.
    pub fn set_text_lazily(&mut self, path: &Utf8Path, text: Option<&str>) {
        let path = normalize(path);
        self.shared.set_unsaved(&path, text);
        self.mark(&path);
    }

    /// `path` changed, appeared or disappeared on disk: marks what depends
    /// on it as stale, checking nothing yet.
    pub fn changed_on_disk_lazily(&mut self, path: &Utf8Path) {
        let path = normalize(path);
        self.shared.forget(&path);
        self.mark(&path);
    }

    /// Notes that `path` changed and marks its own folder's rule sets as
    /// stale. What else depends on it is found later, once per burst of
    /// changes ([`RuleTree::step`]): a keystroke in the national rules
    /// must cost neither a pass over the 25,000 rule sets that read it nor
    /// a parse of the file.
    fn mark(&mut self, path: &Utf8Path) {
        let own = self.headers_in(&folder_of(path));
        self.stale.extend(own);
        // A change starts its lookup again from the first reader.
        self.generation += 1;
        self.dirty.insert(path.to_path_buf(), (None, self.generation));
    }

    /// Marks, a slice at a time, the rule sets that read a changed file or
    /// list its folder as stale, and first finds the rule sets of the
    /// folder of a changed rule file again. Looked up in the indexes, not
    /// by asking each rule set; in slices of [`EXPAND_SLICE`], because
    /// 25,000 insertions into the stale list take tens of milliseconds
    /// that a hover must not wait for.
    fn expand_some(&mut self) {
        let Some((path, (from, generation))) = self.dirty.pop_first() else {
            return;
        };
        let dir = folder_of(&path);
        if from.is_none() && path.extension() == Some("sakip") {
            self.discover(&dir);
        }
        let after = |set: &BTreeSet<Utf8PathBuf>| -> Vec<Utf8PathBuf> {
            match &from {
                Some(last) => set
                    .range::<Utf8PathBuf, _>((std::ops::Bound::Excluded(last), std::ops::Bound::Unbounded))
                    .take(EXPAND_SLICE)
                    .cloned()
                    .collect(),
                None => set.iter().take(EXPAND_SLICE).cloned().collect(),
            }
        };
        let mut readers: BTreeSet<Utf8PathBuf> = BTreeSet::new();
        if let Some(set) = self.mentions.get(&path) {
            readers.extend(after(set));
        }
        if let Some(set) = self.listers.get(&dir) {
            readers.extend(after(set));
        }
        let more = readers.len() >= EXPAND_SLICE;
        let last = readers.last().cloned();
        for h in readers {
            if self.sets.contains_key(&h) {
                self.stale.insert(h);
            }
        }
        if more {
            self.dirty.insert(path, (last, generation));
        }
    }

    /// Marks the rule sets of `path`'s folder stale when a changed file not
    /// yet looked up reaches them: what [`RuleTree::ensure`] needs now,
    /// without waiting for the rest of the lookup.
    fn mark_own(&mut self, path: &Utf8Path) {
        let dir = folder_of(path);
        if self
            .dirty
            .keys()
            .any(|d| d.extension() == Some("sakip") && folder_of(d) == dir)
        {
            self.discover(&dir);
        }
        let reached: Vec<Utf8PathBuf> = self
            .headers_in(&dir)
            .into_iter()
            .filter(|h| {
                let checked = self.checked_at.get(h).copied().unwrap_or(0);
                self.sets.get(h).is_some_and(|a| {
                    self.dirty.iter().any(|(d, (_, changed))| {
                        checked < *changed && (a.sources.find(d).is_some() || a.folders().any(|f| f == folder_of(d)))
                    })
                })
            })
            .collect();
        self.stale.extend(reached);
    }

    /// Every problem whose place is in `path`, once, in file order: those
    /// the rule set it belongs to (its own folder's) found, and those of at
    /// most [`OTHER_FINDERS`] other rule sets that found one there (a
    /// `berdasarkan` cycle is found from each end; a script's mistake by
    /// every rule set that uses it). Every unit repeats the problems of
    /// the national rules it builds on; asking 25,000 of them on every
    /// keystroke in the national file would cost more than the check.
    /// The test `a_files_problems_come_from_its_own_rule_set` holds the
    /// shipped tree to giving the same answer as every rule set would
    /// ([`RuleTree::problems_in_every_set`]).
    pub fn problems_in(&self, path: &Utf8Path) -> Vec<&RuleError> {
        let path = normalize(path);
        let own = self.own_set(&path);
        let others = self
            .troubled
            .get(&path)
            .into_iter()
            .flatten()
            .filter(|h| own.is_none_or(|o| o.header != **h))
            .take(OTHER_FINDERS)
            .filter_map(|h| self.sets.get(h));
        let found = own
            .into_iter()
            .chain(others)
            .flat_map(|a| a.problems.iter())
            .chain(self.loose.values().flatten());
        located_in(found, &path)
    }

    /// Every problem whose place is in `path` that any rule set found.
    pub fn problems_in_every_set(&self, path: &Utf8Path) -> Vec<&RuleError> {
        let path = normalize(path);
        let found = self
            .mentioning(&path)
            .flat_map(|a| a.problems.iter())
            .chain(self.loose.values().flatten());
        located_in(found, &path)
    }

    /// Every file some problem is in, and every file of the tree.
    pub fn files(&self) -> BTreeSet<Utf8PathBuf> {
        self.sets
            .values()
            .flat_map(mentioned)
            .chain(
                self.loose
                    .values()
                    .flatten()
                    .filter_map(|e| e.location.as_ref().map(|o| Utf8PathBuf::from(&o.file))),
            )
            .collect()
    }

    /// The files of the rule sets in `headers`, and those their problems name.
    pub fn files_of(&self, headers: &[Utf8PathBuf]) -> BTreeSet<Utf8PathBuf> {
        headers
            .iter()
            .filter_map(|h| self.sets.get(h))
            .flat_map(mentioned)
            .collect()
    }

    /// The rule set whose header is `header`, as last checked.
    pub fn set(&self, header: &Utf8Path) -> Option<&Analysis> {
        self.sets.get(header)
    }

    /// The rule set that knows `path` best: the one it belongs to (its own
    /// folder's), else the most specific one that reads it.
    pub fn analysis_for(&self, path: &Utf8Path) -> Option<&Analysis> {
        let path = normalize(path);
        self.own_set(&path).or_else(|| {
            self.mentioning(&path)
                .filter(|a| a.sources.find(&path).is_some())
                .max_by_key(|a| a.level)
        })
    }

    /// The rule set `path` (normalised) belongs to: its own folder's.
    fn own_set(&self, path: &Utf8Path) -> Option<&Analysis> {
        self.headers_in(&folder_of(path))
            .iter()
            .filter_map(|h| self.sets.get(h))
            .find(|a| a.sources.find(path).is_some())
    }

    /// The header of the rule set `path` belongs to (its own folder's), if
    /// the tree holds one.
    pub fn own_header(&self, path: &Utf8Path) -> Option<Utf8PathBuf> {
        self.own_set(&normalize(path)).map(|a| a.header.clone())
    }

    /// Every rule set that reads `path`, most specific last.
    pub fn analyses_reading(&self, path: &Utf8Path) -> Vec<&Analysis> {
        let path = normalize(path);
        let mut out: Vec<&Analysis> = self
            .mentioning(&path)
            .filter(|a| a.sources.find(&path).is_some())
            .collect();
        out.sort_by_key(|a| a.level);
        out
    }

    /// The text of `path` as the tree sees it (unsaved, else read).
    pub fn text_of(&self, path: &Utf8Path) -> Option<String> {
        let path = normalize(path);
        self.mentioning(&path)
            .find_map(|a| a.file(&path).map(|(_, f)| f.source().to_string()))
    }
}

/// How many rule sets [`RuleTree::ensure`] checks for a file that belongs
/// to none: enough to answer about a script, not all 25,000 that use it.
const ENSURED_READERS: usize = 4;

/// How many units' rule sets an editor's tree keeps whole at once: those
/// of the files open or asked about lately.
const HOT: usize = 32;

/// How many rule sets one step of a change's lookup marks stale.
const EXPAND_SLICE: usize = 512;

/// How many rule sets besides its own [`RuleTree::problems_in`] asks about
/// a file's problems.
const OTHER_FINDERS: usize = 8;

/// The files `a`'s problems are in.
fn problem_files(a: &Analysis) -> BTreeSet<Utf8PathBuf> {
    a.problems
        .iter()
        .filter_map(|e| e.location.as_ref().map(|o| Utf8PathBuf::from(&o.file)))
        .collect()
}

/// Takes `header` off the list of `key`, and the list away when it empties.
fn unlist(index: &mut HashMap<Utf8PathBuf, BTreeSet<Utf8PathBuf>>, key: &Utf8Path, header: &Utf8Path) {
    if let Some(headers) = index.get_mut(key) {
        headers.remove(header);
        if headers.is_empty() {
            index.remove(key);
        }
    }
}

/// The files a rule set's analysis read or has a problem in.
fn mentioned(a: &Analysis) -> BTreeSet<Utf8PathBuf> {
    a.sources
        .paths()
        .map(Utf8Path::to_path_buf)
        .chain(
            a.problems
                .iter()
                .filter_map(|e| e.location.as_ref().map(|o| Utf8PathBuf::from(&o.file))),
        )
        .collect()
}

/// The problems of `path` were its text `text`, from the rule set whose
/// header is `header` (the one `path` belongs to) alone, read afresh in a
/// cache of its own, without touching any tree. An editor checks a
/// keystroke the same way through an overlay of its tree's cache
/// ([`RuleTree::overlay`], [`analysis_in`], [`problems_of_file`]); this
/// fresh reading is the reference the tests hold the tree to (the problems
/// of a file come from the rule set it belongs to:
/// `a_files_problems_come_from_its_own_rule_set`).
pub fn problems_with_text(header: &Utf8Path, path: &Utf8Path, text: &str) -> Vec<RuleError> {
    let shared = Shared::for_editor();
    shared.set_unsaved(path, Some(text));
    problems_of_file(&analysis_in(&shared, header), path)
}

/// The rule set whose header is `header`, read through `shared` (an
/// overlay of a tree's cache, see [`RuleTree::overlay`]), whole.
pub fn analysis_in(shared: &Shared, header: &Utf8Path) -> Analysis {
    analyse(&mut Loader::new(shared), &folder_of(header), Some(header), Want::Any)
}

/// The problems `analysis` found in `path`, once each, in file order.
pub fn problems_of_file(analysis: &Analysis, path: &Utf8Path) -> Vec<RuleError> {
    located_in(analysis.problems.iter(), path)
        .into_iter()
        .cloned()
        .collect()
}

/// The problems of `found` whose place is in `path`, once each, in file order.
fn located_in<'a>(found: impl Iterator<Item = &'a RuleError>, path: &Utf8Path) -> Vec<&'a RuleError> {
    let name = path.as_str();
    let mut seen = BTreeSet::new();
    let mut out: Vec<&RuleError> = found
        .filter(|e| e.location.as_ref().is_some_and(|o| o.file == name))
        .filter(|e| seen.insert((e.location_text(), e.code, e.message.render(sakip_core::Lang::En))))
        .collect();
    out.sort_by_key(|e| e.location.as_ref().map(|o| (o.line, o.col)));
    out
}

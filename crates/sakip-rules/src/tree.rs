//! The semantic model of a rule tree held open: every rule set under some
//! folders, each checked with the chain it builds on, its problems, its
//! rules as far as they lower, and the index of its names. An editor (the
//! language server) and the workbench keep one and tell it what changed: a
//! file edited and not saved, a file changed, created or deleted on disk.
//! It then checks again only the rule sets that read the changed file or
//! list its folder; a unit's edit does not re-check its neighbours, and an
//! edit of the national rules re-checks what builds on them.
//!
//! Every rule set is loaded through one [`Shared`] cache made for an
//! editor: a file is read and parsed once until it changes, and an unsaved
//! text replaces the disk's.

use crate::analysis::{analyse, Want};
pub use crate::analysis::{Analysis, InForce};
use crate::error::RuleError;
use crate::resolve::loader::Loader;
use crate::resolve::{folder_of, normalize, roots_in, sakip_files_under};
use crate::shared::Shared;
use camino::{Utf8Path, Utf8PathBuf};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
        let mut tree = Self {
            roots: roots.iter().map(|r| normalize(r)).collect(),
            shared: Shared::for_editor(),
            sets: BTreeMap::new(),
            loose: BTreeMap::new(),
            mentions: HashMap::new(),
        };
        let (folders, errors) = sakip_files_under(&tree.roots);
        if !errors.is_empty() {
            tree.loose.insert(Utf8PathBuf::new(), errors);
        }
        for dir in folders.keys() {
            tree.discover(dir);
        }
        let headers: Vec<Utf8PathBuf> = tree.sets.keys().cloned().collect();
        for h in headers {
            tree.analyse(&h);
        }
        tree
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
            .sets
            .keys()
            .filter(|h| folder_of(h) == dir && !headers.contains(*h))
            .cloned()
            .collect();
        for h in gone {
            self.remove(&h);
        }
        for h in &headers {
            self.sets.entry(h.clone()).or_insert_with(|| Analysis::empty(h.clone()));
        }
        if errors.is_empty() {
            self.loose.remove(dir);
        } else {
            self.loose.insert(dir.to_path_buf(), errors);
        }
        headers
    }

    /// Checks the rule set whose header is `header` again.
    fn analyse(&mut self, header: &Utf8Path) {
        let analysis = analyse(
            &mut Loader::new(&self.shared),
            &folder_of(header),
            Some(header),
            Want::Any,
        );
        self.remove(header);
        for file in mentioned(&analysis) {
            self.mentions.entry(file).or_default().insert(header.to_path_buf());
        }
        self.sets.insert(header.to_path_buf(), analysis);
    }

    /// Forgets the rule set whose header is `header`.
    fn remove(&mut self, header: &Utf8Path) {
        if let Some(old) = self.sets.remove(header) {
            for file in mentioned(&old) {
                if let Some(headers) = self.mentions.get_mut(&file) {
                    headers.remove(header);
                    if headers.is_empty() {
                        self.mentions.remove(&file);
                    }
                }
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
    /// and checks again what depends on it. Returns the header files of the
    /// rule sets checked again.
    pub fn set_text(&mut self, path: &Utf8Path, text: Option<&str>) -> Vec<Utf8PathBuf> {
        let path = normalize(path);
        self.shared.set_unsaved(&path, text);
        self.recheck(&path)
    }

    /// `path` changed, appeared or disappeared on disk; checks again what
    /// depends on it. Returns the header files of the rule sets checked again.
    pub fn changed_on_disk(&mut self, path: &Utf8Path) -> Vec<Utf8PathBuf> {
        let path = normalize(path);
        self.shared.forget(&path);
        self.recheck(&path)
    }

    fn recheck(&mut self, path: &Utf8Path) -> Vec<Utf8PathBuf> {
        let mut again: BTreeSet<Utf8PathBuf> = self
            .sets
            .values()
            .filter(|a| a.depends_on(path))
            .map(|a| a.header.clone())
            .collect();
        if path.extension() == Some("sakip") {
            let dir = folder_of(path);
            let before: BTreeSet<Utf8PathBuf> = self.sets.keys().filter(|h| folder_of(h) == dir).cloned().collect();
            let now = self.discover(&dir);
            again.extend(now.iter().filter(|h| !before.contains(*h)).cloned());
            again.retain(|h| self.sets.contains_key(h));
        }
        for h in &again {
            self.analyse(h);
        }
        again.into_iter().collect()
    }

    /// Every problem whose place is in `path`, once, in file order.
    pub fn problems_in(&self, path: &Utf8Path) -> Vec<&RuleError> {
        let found = self
            .mentioning(path)
            .flat_map(|a| a.problems.iter())
            .chain(self.loose.values().flatten());
        located_in(found, path)
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
        let dir = folder_of(path);
        self.mentioning(path)
            .filter(|a| a.sources.find(path).is_some())
            .find(|a| folder_of(&a.header) == dir)
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
/// header is `header` (the one `path` belongs to) alone, read afresh: what
/// one keystroke's check needs, in the time of one rule set and its chain
/// whatever the size of the tree, and without touching the tree (a check
/// of unsaved text must not be seen by anything else). The problems of a
/// file come from the rule set it belongs to; the test
/// `a_files_problems_come_from_its_own_rule_set` holds the shipped tree to it.
pub fn problems_with_text(header: &Utf8Path, path: &Utf8Path, text: &str) -> Vec<RuleError> {
    let shared = Shared::for_editor();
    shared.set_unsaved(path, Some(text));
    let analysis = analyse(&mut Loader::new(&shared), &folder_of(header), Some(header), Want::Any);
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

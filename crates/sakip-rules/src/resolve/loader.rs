//! Reading rule sets: files through the shared cache, the folder a rule
//! set lives in, and the chain of `berdasarkan` from a unit up to the
//! national rules, checked for cycles and depth, then handed to `lower`.

use super::lower::{header_tingkat, Lowering};
use super::{folder_of, normalize};
use crate::ast::{self, Item};
use crate::error::RuleError;
use crate::fs::Kind;
use crate::shared::{ScriptLoad, Shared};
use crate::source::{FileId, SourceMap, Span, Spanned};
use crate::symbols::{SymbolKind, Symbols};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::data::UnitData;
use sakip_core::model::{RuleSet, TingkatAturan};
use sakip_core::{Code, Severity, Text};
use sakip_script::ScriptSet;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// How many levels `berdasarkan` may climb: national, Kanwil, unit, and room
/// for a few intermediate levels.
pub(crate) const MAX_CHAIN: usize = 8;

/// A chain read, checked and lowered; with errors, as far as it went.
pub(crate) struct Resolved {
    /// Whether it holds no error: only then is it fit to evaluate.
    pub(crate) ok: bool,
    pub(crate) rules: RuleSet,
    pub(crate) data: BTreeMap<u16, UnitData>,
    /// `None` when a script is missing or does not compile.
    pub(crate) scripts: Option<ScriptSet>,
    pub(crate) cases: Vec<sakip_core::uji::Kasus>,
    pub(crate) symbols: crate::symbols::Symbols,
}

/// The files of one rule set: its header file first.
#[derive(Debug, Clone)]
pub(crate) struct RuleSetFiles {
    pub(crate) files: Vec<(FileId, Arc<ast::File>)>,
}

/// Reads rule sets for one load: the chain from a unit up, its files
/// through the shared cache, and the problems met.
pub(crate) struct Loader<'a> {
    pub(crate) sources: SourceMap,
    pub(crate) asts: HashMap<FileId, Option<Arc<ast::File>>>,
    /// Every file that belongs to a rule set that was checked.
    pub(crate) checked: BTreeSet<FileId>,
    /// Syntax errors, reported only for files that belong to a rule set
    /// being checked, never for an unrelated file that happens to lie beside it.
    pub(crate) parse_errors: HashMap<FileId, Vec<RuleError>>,
    /// Files read with syntax errors (an editor's tolerant parse keeps
    /// what parsed of them).
    pub(crate) broken: BTreeSet<FileId>,
    pub(crate) errors: Vec<RuleError>,
    /// Folders listed by this load (a unit's folder is asked for twice).
    pub(crate) listings: HashMap<Utf8PathBuf, Vec<Utf8PathBuf>>,
    /// What this load shares with the other loads of the run.
    pub(crate) shared: &'a Shared,
    /// Whether the files read now belong to a rule set this one builds on:
    /// those are read through `shared`, once for the run.
    pub(crate) upward: bool,
}

impl<'a> Loader<'a> {
    /// A loader that reads shared rule sets through `shared`.
    pub(crate) fn new(shared: &'a Shared) -> Self {
        Self {
            sources: SourceMap::default(),
            asts: HashMap::new(),
            checked: BTreeSet::new(),
            parse_errors: HashMap::new(),
            broken: BTreeSet::new(),
            errors: Vec::new(),
            listings: HashMap::new(),
            shared,
            upward: false,
        }
    }

    /// The paths of the files that belong to a rule set that was checked.
    pub(crate) fn checked_paths(&self) -> BTreeSet<Utf8PathBuf> {
        self.checked
            .iter()
            .filter_map(|id| self.sources.get(*id).map(|f| f.path.clone()))
            .collect()
    }

    /// Reads and parses a file once per run.
    pub(crate) fn file(&mut self, path: &Utf8Path) -> Option<FileId> {
        if let Some(id) = self.sources.find(path) {
            return Some(id);
        }
        // A file of a rule set this one builds on is read once for the run;
        // the load's own files are read for it alone.
        let read = if self.upward {
            self.shared.file(path)
        } else {
            self.shared.own_file(path)
        };
        match read {
            Ok(f) => {
                self.sources.insert(f.id, f.source);
                self.asts.insert(f.id, f.ast);
                if !f.errors.is_empty() {
                    self.broken.insert(f.id);
                    self.parse_errors.insert(f.id, f.errors);
                }
                Some(f.id)
            }
            Err(e) => {
                self.errors.push(RuleError::path_says(
                    path.as_str(),
                    Code::FileUnreadable,
                    Text::new("file-unreadable-2").arg("path", path).arg_text("error", e),
                ));
                None
            }
        }
    }

    /// Reports the syntax error of a file that belongs to the work at hand.
    pub(crate) fn emit(&mut self, id: FileId) {
        self.checked.insert(id);
        if let Some(errors) = self.parse_errors.remove(&id) {
            self.errors.extend(errors);
        }
    }

    /// The parsed file `id`, when it parsed.
    pub(crate) fn ast(&self, id: FileId) -> Option<Arc<ast::File>> {
        self.asts.get(&id).cloned().flatten()
    }

    /// The header of file `id`, when it has one.
    pub(crate) fn header_of(&self, id: FileId) -> Option<ast::Header> {
        self.ast(id)?.items.iter().find_map(|i| match i {
            Item::Header(h) => Some(h.clone()),
            _ => None,
        })
    }

    /// The `.sakip` files directly in `dir`, sorted, read through the shared listing.
    pub(crate) fn sakip_files_in(&mut self, dir: &Utf8Path) -> Vec<Utf8PathBuf> {
        let listing = if self.upward {
            self.shared.listing(dir)
        } else if let Some(known) = self.listings.get(dir) {
            Ok(known.clone())
        } else {
            let listed = self.shared.list(dir);
            if let Ok(files) = &listed {
                self.listings.insert(dir.to_path_buf(), files.clone());
            }
            listed
        };
        listing.unwrap_or_else(|e| {
            self.errors.push(RuleError::path_says(
                dir.as_str(),
                Code::FileUnreadable,
                Text::new("file-unreadable-3").arg("dir", dir).arg("error", &e),
            ));
            Vec::new()
        })
    }

    /// The one file with a header in `dir`; `asker` is the header-less file
    /// that needs it, for the message when there is none or several.
    pub(crate) fn header_file_in(&mut self, dir: &Utf8Path, asker: Option<&Utf8Path>) -> Option<Utf8PathBuf> {
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
    pub(crate) fn rule_set_in(&mut self, dir: &Utf8Path, header: Option<&Utf8Path>) -> Option<RuleSetFiles> {
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
                Some(a) => {
                    // Parsed in part (an editor's tolerant parse): its part
                    // belongs to the rule set, and so do its syntax errors.
                    if self.broken.contains(&id) {
                        broken.push(id);
                    }
                    files.push((id, a));
                }
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
    /// and lowers it; `None` when the chain itself cannot be built.
    #[allow(clippy::type_complexity)]
    pub(crate) fn resolve(&mut self, set: RuleSetFiles, need_satker: bool) -> Option<Resolved> {
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
            if let Err(o) = crate::boundary::check(&target) {
                self.errors.push(outside(&self.sources, base.span, &o));
                return None;
            }
            // A file named here is a rule file: anything else (`/etc/passwd`)
            // would be read and its first line shown in the syntax error.
            let kind = self.shared.fs().kind(&target);
            if kind == Kind::File && target.extension() != Some("sakip") {
                self.errors
                    .push(wrong_kind(&self.sources, base.span, &target, "berdasarkan", ".sakip"));
                return None;
            }
            let parent = if kind == Kind::Dir {
                self.upward = true;
                let parent = self
                    .header_file_in(&target, None)
                    .and_then(|header| self.rule_set_in(&target, Some(&header)));
                self.upward = false;
                parent
            } else if kind == Kind::File {
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
        let mut symbols = crate::symbols::Symbols::default();
        let scripts = self.scripts_of(&chain, &mut symbols);
        let script_functions = scripts
            .as_ref()
            .map(|set| set.functions().into_iter().map(|(n, a)| (n.to_string(), a)).collect())
            .unwrap_or_default();
        let mut lower = Lowering {
            sources: &self.sources,
            errors: Vec::new(),
            rules: RuleSet::default(),
            data: BTreeMap::new(),
            sasaran_spans: HashMap::new(),
            script_functions,
            cases: Vec::new(),
            rumus_spans: Vec::new(),
            named_ids: Vec::new(),
            symbols,
            references: self.shared.indexes_references(),
        };
        lower.run(&chain, need_satker, Some(self.shared.uppers()));
        let Lowering {
            errors,
            rules,
            data,
            cases,
            symbols,
            ..
        } = lower;
        // A chain with a syntax error (kept, in an editor, as far as it
        // parsed) reports its syntax errors only, as the command line does:
        // what the missing items would have declared is not "unknown".
        // Its rules and symbols still serve hover, outline and completion.
        let broken = chain
            .iter()
            .any(|set| set.files.iter().any(|(id, _)| self.broken.contains(id)));
        let ok = !broken && scripts.is_some() && errors.iter().all(|e| e.severity != Severity::Error);
        if !broken {
            self.errors.extend(errors);
        }
        Some(Resolved {
            ok,
            rules,
            data,
            scripts,
            cases,
            symbols,
        })
    }

    /// Reads and compiles the scripts the chain names (`skrip "..."`, relative
    /// to the file that names it); those of the rule sets this one builds on
    /// once for the run. `None` when one is missing or does not compile; the
    /// errors point into the script itself.
    pub(crate) fn scripts_of(&mut self, chain: &[RuleSetFiles], symbols: &mut Symbols) -> Option<ScriptSet> {
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
                    if let Err(o) = crate::boundary::check(&path) {
                        self.errors.push(outside(&self.sources, name.span, &o));
                        ok = false;
                        continue;
                    }
                    // A script is a `.rhai` file: anything else (`/etc/shadow`)
                    // would be read and its first word echoed by the compiler.
                    if path.extension() != Some("rhai") {
                        self.errors
                            .push(wrong_kind(&self.sources, name.span, &path, "skrip", ".rhai"));
                        ok = false;
                        continue;
                    }
                    let load = if own {
                        self.shared.own_script(&path)
                    } else {
                        self.shared.script(&path)
                    };
                    match load {
                        ScriptLoad::Compiled(script) => {
                            if self.shared.indexes_references() {
                                self.index_functions(&path, script.text(), set, symbols);
                            }
                            compiled.push((script, level, skrip.from_year.as_ref().map(|y| y.node)));
                        }
                        ScriptLoad::Unreadable(e) => {
                            self.errors.push(
                                RuleError::at_says(
                                    &self.sources,
                                    name.span,
                                    Code::ScriptMissing,
                                    Text::new("script-missing").arg("path", &path).arg_text("error", e),
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

    /// Declares the functions of the script at `path` in the index, each at
    /// its name in its `fn` line; the script's text joins the source map so
    /// that an editor can go there.
    fn index_functions(&mut self, path: &Utf8Path, text: &str, set: &RuleSetFiles, symbols: &mut Symbols) {
        let file = match self.sources.find(path) {
            Some(f) => f,
            None => self.sources.add(path, text.to_string()),
        };
        let level = header_tingkat(set).unwrap_or(TingkatAturan::Nasional);
        for (name, start, signature) in crate::script_index::functions(text) {
            symbols.declare_as(
                SymbolKind::Fungsi,
                name,
                Span::new(file, start, start + name.len()),
                level,
            );
            symbols.sign(name, signature);
        }
    }
}

/// A `berdasarkan` or `skrip` path that leaves the folder the process is
/// confined to (the workbench's): located at the path, naming it; the
/// file is not opened, so nothing of it shows.
fn outside(sources: &SourceMap, span: Span, o: &crate::boundary::Outside) -> RuleError {
    RuleError::at_says(
        sources,
        span,
        Code::OutsideTree,
        Text::new("outside-tree").arg("path", &o.path).arg("root", &o.root),
    )
    .label_says(Text::new("outside-tree-label"))
    .help_says(Text::new("outside-tree-help"))
}

/// A `skrip` that names no `.rhai` file, or a `berdasarkan` that names a
/// file that is no `.sakip`: not read, so nothing of it shows.
fn wrong_kind(sources: &SourceMap, span: Span, path: &Utf8Path, keyword: &str, kind: &str) -> RuleError {
    RuleError::at_says(
        sources,
        span,
        Code::PathKind,
        Text::new("path-kind")
            .arg("path", path)
            .arg("keyword", keyword)
            .arg("kind", kind),
    )
    .label_says(Text::new("path-kind-label").arg("kind", kind))
}

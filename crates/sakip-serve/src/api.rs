//! The workbench's API: a file's text and hash, a check of unsaved text
//! (the problems of `check`, with where to underline), the report previewed
//! with unsaved text (nothing written), and a save that refuses to
//! overwrite a file changed since the page read it.

use crate::paths::{inside, unit_folder, Refusal};
use crate::reader::Reader;
use axum::extract::{DefaultBodyLimit, Query, State as Shared};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::model::TingkatAturan;
use sakip_core::{Lang, Problem, Text};
use sakip_rules::tree::RuleTree;
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

/// The largest request body: a rule file is at most 4 MiB (the limits of
/// the language), its JSON a little more.
const BODY_LIMIT: usize = 5 * 1024 * 1024;

/// A unit's latest year and the overview's cell for it.
type LatestYear = (u16, String);

/// What every request shares.
#[derive(Clone)]
pub struct State(Arc<Inner>);

struct Inner {
    root: Utf8PathBuf,
    tree: Mutex<RuleTree>,
    guard: crate::guard::Guard,
    work: crate::work::Work,
    /// Writes of files: a save's check of what is on disk and its write
    /// happen under it, so no other save of this server comes between.
    writes: Mutex<()>,
    lang: Lang,
    /// Files changed on disk, as paths relative to the root, for open pages.
    changes: tokio::sync::broadcast::Sender<String>,
    /// Each unit's latest year as the overview shows it, by folder and
    /// language: an evaluation of every unit on every overview took 3.25 s
    /// at 2,000 units. An entry goes when the tree checks its unit again
    /// (a change it reads, on disk or saved here).
    latest: Mutex<HashMap<(String, Lang), Option<LatestYear>>>,
    /// The rule sets (by header) checked since their latest year was last
    /// computed, in the order they were checked: what the background
    /// computes next, without scanning every rule set for what is missing.
    to_compute: Mutex<std::collections::VecDeque<Utf8PathBuf>>,
    /// Units' years evaluated for their pages (see `evaluations`).
    evaluations: crate::evaluations::Evaluations,
    /// Counts the times the tree checked something again: a Rekap made at
    /// one count is good until the next.
    epoch: std::sync::atomic::AtomicU64,
    /// The Rekap pages made, by year, Kanwil and language, with the count
    /// they were made at.
    rekap: Mutex<HashMap<RekapKey, (u64, String)>>,
    /// The last unsaved text checked, and its rule set read with it: the
    /// check of a keystroke, then hover and completion on that same text,
    /// read the rule set once. Dropped when anything changes on disk.
    typed: Mutex<Option<Typed>>,
}

/// A rule set read with one unsaved text of one of its files.
struct Typed {
    path: Utf8PathBuf,
    hash: String,
    analysis: Arc<sakip_rules::tree::Analysis>,
}

/// A Rekap page: its year, its Kanwil and its national rule set (every
/// unit when none), its language.
pub(crate) type RekapKey = (u16, Option<String>, Option<String>, Lang);

impl State {
    pub fn root(&self) -> &Utf8Path {
        &self.0.root
    }

    pub(crate) fn lang(&self) -> Lang {
        self.0.lang
    }

    pub(crate) fn guard(&self) -> &crate::guard::Guard {
        &self.0.guard
    }

    pub(crate) fn work(&self) -> &crate::work::Work {
        &self.0.work
    }

    /// The token every page carries and every change shows.
    pub fn page_token(&self) -> &str {
        self.0.guard.page_token()
    }

    pub(crate) fn evaluations(&self) -> &crate::evaluations::Evaluations {
        &self.0.evaluations
    }

    pub(crate) fn tree(&self) -> std::sync::MutexGuard<'_, RuleTree> {
        self.0.tree.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The state of a workbench over `root`, listening on `bound`.
    pub fn new(root: Utf8PathBuf, bound: std::net::SocketAddr, options: crate::Options) -> Result<Self, String> {
        sakip_core::i18n::add_words(crate::WORDS);
        // One spelling of every path: the tree's, the watcher's and the
        // requests' (which `inside` resolves) all start from the real root.
        let root = root.canonicalize_utf8().unwrap_or(root);
        // Read a step at a time in the background: a ministry's 25,000
        // units take half a minute, and pages answer meanwhile.
        let mut tree = RuleTree::lazy(std::slice::from_ref(&root));
        // A tree of a few hundred units is read before the first page;
        // beyond a second, the rest is read while pages are answered.
        let started = std::time::Instant::now();
        let mut checked = Vec::new();
        while started.elapsed() < std::time::Duration::from_secs(1) {
            match tree.step() {
                Some(done) => checked.extend(done),
                None => break,
            }
        }
        let (changes, _) = tokio::sync::broadcast::channel(256);
        let state = State(Arc::new(Inner {
            root,
            tree: Mutex::new(tree),
            guard: crate::guard::Guard::new(bound, options.token)?,
            work: crate::work::Work::new(options.time_limit),
            writes: Mutex::new(()),
            lang: options.lang,
            changes,
            latest: Mutex::default(),
            to_compute: Mutex::new(checked.into()),
            evaluations: Default::default(),
            epoch: std::sync::atomic::AtomicU64::new(0),
            rekap: Mutex::default(),
            typed: Mutex::default(),
        }));
        let weak = Arc::downgrade(&state.0);
        std::thread::Builder::new()
            .name("sakip-tree".into())
            .spawn(move || State::check_in_background(weak))
            .map_err(|e| e.to_string())?;
        Ok(state)
    }

    /// `path` changed on disk: the tree checks again what depends on it,
    /// and open pages are told.
    pub fn changed_on_disk(&self, path: &Utf8Path) {
        self.reread(path);
        // No page listening is not an error.
        let _ = self.0.changes.send(self.relative(path));
    }

    /// `path` changed on disk (saved here or elsewhere): its own rule set is
    /// checked again now, so that the next page shows it; what else reads
    /// it is left to the background (see [`State::check_in_background`]).
    fn reread(&self, path: &Utf8Path) {
        *self.0.typed.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        let again = {
            let mut tree = self.tree();
            tree.changed_on_disk_lazily(path);
            tree.ensure(path)
        };
        self.forget_latest(&again);
    }

    /// Checks the tree a step at a time while the workbench runs: at
    /// start, every rule set under the served folder; later, what a change
    /// reached. The lock is held for a few milliseconds at a time, so pages
    /// are answered meanwhile; the overview's figures of each rule set
    /// checked again are dropped. Ends with the workbench.
    fn check_in_background(state: std::sync::Weak<Inner>) {
        const SLICE: std::time::Duration = std::time::Duration::from_millis(5);
        const IDLE: std::time::Duration = std::time::Duration::from_millis(50);
        // Evaluations run outside the tree's lock, in longer slices.
        const WARM: std::time::Duration = std::time::Duration::from_millis(50);
        while let Some(inner) = state.upgrade() {
            let state = State(inner);
            let started = std::time::Instant::now();
            let mut checked = Vec::new();
            let more = {
                let mut tree = state.tree();
                loop {
                    match tree.step() {
                        Some(done) => checked.extend(done),
                        None => break false,
                    }
                    if started.elapsed() > SLICE {
                        break true;
                    }
                }
            };
            state.forget_latest(&checked);
            // The tree checked: the overview's figures next.
            let more = more || state.compute_latest_years(WARM);
            drop(state);
            if more {
                // The lock is not fair: a page waiting for it gets it
                // while this thread sleeps (a yield starved the first
                // overview for 4.8 s at 25,000 units).
                std::thread::sleep(std::time::Duration::from_millis(1));
            } else {
                std::thread::sleep(IDLE);
            }
        }
    }

    /// How many rule sets are still to be checked, when some are.
    pub(crate) fn still_checking(&self) -> Option<usize> {
        let tree = self.tree();
        tree.busy().then(|| tree.stale_count())
    }

    /// A unit's latest year for the overview when it is known (`Some(None)`:
    /// it has none).
    pub(crate) fn known_latest_year(&self, dir: &str, lang: Lang) -> Option<Option<LatestYear>> {
        self.0
            .latest
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&(dir.to_string(), lang))
            .cloned()
    }

    /// Evaluates the latest year of units whose figures the overview does
    /// not know yet, in the workbench's language, until `slice` is spent;
    /// whether some are left.
    fn compute_latest_years(&self, slice: std::time::Duration) -> bool {
        let started = std::time::Instant::now();
        let lang = self.lang();
        let root = self.root().to_path_buf();
        let mut shared = None;
        loop {
            let Some(header) = self
                .0
                .to_compute
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .pop_front()
            else {
                return false;
            };
            // A unit that checks without errors, whose figures are not known.
            let dir = {
                let tree = self.tree();
                let unit = tree.set(&header).filter(|a| {
                    a.level == Some(TingkatAturan::Satker)
                        && !a.problems.iter().any(|e| e.severity == sakip_core::Severity::Error)
                });
                if unit.is_some() && shared.is_none() {
                    // The tree's cache: the chain is parsed and its scripts
                    // compiled once, not again for each of 25,000 units.
                    shared = Some((tree.view(), self.epoch()));
                }
                unit.and_then(|a| a.header.parent().map(|d| self.relative(d)))
            };
            let (Some(dir), Some((view, seen))) = (dir, shared.as_ref()) else {
                continue;
            };
            if self.known_latest_year(&dir, lang).is_none() {
                let made = crate::pages::latest_year(view, &root, &dir, lang);
                if self.epoch() != *seen {
                    // Something changed while it was computed: the view may
                    // hold what changed. Again, with a fresh view.
                    self.0
                        .to_compute
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push_front(header);
                    shared = None;
                    continue;
                }
                self.latest_year(&dir, lang, || made);
            }
            if started.elapsed() > slice {
                return true;
            }
        }
    }

    /// A unit's latest year for the overview, from the cache or made by
    /// `make` (outside the cache's lock) and kept.
    pub(crate) fn latest_year(
        &self,
        dir: &str,
        lang: Lang,
        make: impl FnOnce() -> Option<(u16, String)>,
    ) -> Option<(u16, String)> {
        let key = (dir.to_string(), lang);
        let latest = || self.0.latest.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(known) = latest().get(&key) {
            return known.clone();
        }
        let made = make();
        latest().insert(key, made.clone());
        made
    }

    /// How many times the tree has checked something again.
    pub(crate) fn epoch(&self) -> u64 {
        self.0.epoch.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// The Rekap page for `key` made at `epoch`, if it was.
    pub(crate) fn known_rekap(&self, key: &RekapKey, epoch: u64) -> Option<String> {
        let rekap = self.0.rekap.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        rekap
            .get(key)
            .filter(|(at, _)| *at == epoch)
            .map(|(_, html)| html.clone())
    }

    /// Keeps the Rekap page for `key`, made at `epoch`.
    pub(crate) fn keep_rekap(&self, key: RekapKey, epoch: u64, html: String) {
        let mut rekap = self.0.rekap.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        rekap.retain(|_, (at, _)| *at == epoch);
        rekap.insert(key, (epoch, html));
    }

    /// Forgets the latest years and the kept evaluations of the rule sets
    /// whose headers are `again` (checked again: something they read
    /// changed), and every Rekap made.
    pub(crate) fn forget_latest(&self, again: &[Utf8PathBuf]) {
        if !again.is_empty() {
            self.0.epoch.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        let dirs: HashSet<String> = again
            .iter()
            .map(|h| self.relative(&sakip_rules::resolve::folder_of(h)))
            .collect();
        // Computed again by the background, in the order checked.
        self.0
            .to_compute
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend(again.iter().cloned());
        self.0
            .latest
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .retain(|(dir, _), _| !dirs.contains(dir));
        self.0.evaluations.forget(&dirs);
    }

    /// `path` as pages name it: relative to the served folder.
    pub(crate) fn relative(&self, path: &Utf8Path) -> String {
        path.strip_prefix(&self.0.root).unwrap_or(path).to_string()
    }

    /// A receiver of the paths changed from now on.
    pub(crate) fn subscribe(&self) -> tokio::sync::broadcast::Receiver<String> {
        self.0.changes.subscribe()
    }
}

/// The routes, behind the guard (see [`crate::guard`]) and the body limit.
pub fn router(state: State) -> Router {
    Router::new()
        .route("/", get(crate::pages::overview))
        .route("/unit", get(crate::pages::unit))
        .route("/unit/download", get(crate::pages::download))
        .route("/edit", get(crate::edit::edit))
        .route("/diff", get(crate::diff::diff))
        .route("/rollup", get(crate::rollup::rollup))
        .route("/lang", get(crate::reader::switch))
        .route("/assets/workbench.js", get(crate::assets::workbench_js))
        .route("/api/file", get(file))
        .route("/api/explain", get(crate::explain::explain))
        .route(
            "/api/import",
            post(crate::import::import).layer(DefaultBodyLimit::max(crate::import::UPLOAD_LIMIT)),
        )
        .route("/api/new-year", post(crate::import::new_year))
        .route("/api/events", get(crate::watch::events))
        .route("/api/check", post(check))
        .route("/api/preview", post(preview))
        .route("/api/hover", post(crate::assist::hover))
        .route("/api/complete", post(crate::assist::complete))
        .route("/api/save", post(save))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        // Outermost last: the guard runs before anything else, and every
        // answer, a refusal too, carries the security headers.
        .layer(middleware::from_fn_with_state(state.clone(), crate::guard::guard))
        .layer(middleware::from_fn(crate::guard::headers))
        .with_state(state)
}

pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

/// Why a path is refused, for the person who typed it.
pub(crate) fn refusal_text(r: &Refusal, lang: Lang) -> String {
    let id = match r {
        Refusal::Escapes => "wb-path-escapes",
        Refusal::Kind => "wb-path-kind",
        Refusal::Outside => "wb-path-outside",
    };
    Text::new(id).render(lang)
}

pub(crate) fn refused(r: Refusal, lang: Lang) -> Response {
    error(StatusCode::FORBIDDEN, &refusal_text(&r, lang))
}

pub(crate) fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Deserialize)]
struct PathQuery {
    path: String,
}

async fn file(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<PathQuery>) -> Response {
    let path = match inside(&state.0.root, &q.path) {
        Ok(p) => p,
        Err(r) => return refused(r, lang),
    };
    match std::fs::read_to_string(&path) {
        Ok(raw) => {
            let text = crate::disk_text::for_editor(&raw);
            Json(json!({ "path": q.path, "hash": hash(&raw), "text": text })).into_response()
        }
        Err(e) => error(StatusCode::NOT_FOUND, &e.to_string()),
    }
}

#[derive(Deserialize)]
struct Unsaved {
    path: String,
    text: String,
}

/// `check` as heavy work: off the async thread, bounded (see `work`).
async fn check(Shared(state): Shared<State>, Reader(lang): Reader, Json(body): Json<Unsaved>) -> Response {
    let job = state.clone();
    crate::work::typing(&state, lang, move || check_now(Shared(job), Reader(lang), Json(body))).await
}

/// The problems of `path` with `text` as its contents: what `check` says,
/// each with the range to underline (1-based lines and columns, in
/// characters).
fn check_now(Shared(state): Shared<State>, Reader(lang): Reader, Json(body): Json<Unsaved>) -> Response {
    let path = match inside(&state.0.root, &body.path) {
        Ok(p) => p,
        Err(r) => return refused(r, lang),
    };
    let problems = state.check_unsaved(&path, &body.text);
    Json(json!({ "path": body.path, "problems": problems })).into_response()
}

impl State {
    /// What `check` says of `path` with `text` as its contents and every
    /// other file as on disk (nothing written): one keystroke's check.
    pub fn check_unsaved(&self, path: &Utf8Path, text: &str) -> Vec<Value> {
        let lang = self.0.lang;
        // A file of a rule set the tree holds is checked with that rule set
        // alone, read afresh, outside the tree's lock: a keystroke in the
        // national rules no longer re-checks every unit twice (0.76 s at
        // 2,000 units) while every other page waits for the lock.
        if let Some(analysis) = self.analysis_with(path, text) {
            return sakip_rules::tree::problems_of_file(&analysis, path)
                .iter()
                .map(|e| problem(e, text, lang))
                .collect();
        }
        // A file no rule set reads yet (new): its folder's rule sets with its text.
        let mut tree = self.tree();
        tree.set_text_lazily(path, Some(text));
        tree.ensure(path);
        let problems = tree.problems_in(path).iter().map(|e| problem(e, text, lang)).collect();
        // The text is this request's alone: the tree goes back to the disk's,
        // so no other page, nor the overview, sees a text nobody saved, and
        // an edit made on disk later is not hidden behind it.
        tree.set_text_lazily(path, None);
        let again = tree.ensure(path);
        drop(tree);
        self.forget_latest(&again);
        problems
    }

    /// The rule set `path` belongs to, read with `text` as its contents
    /// (nothing written, the tree untouched); `None` when no rule set the
    /// tree holds has `path` as its own file. The last one is kept: the
    /// hover and completion after a keystroke's check read the same.
    pub(crate) fn analysis_with(&self, path: &Utf8Path, text: &str) -> Option<Arc<sakip_rules::tree::Analysis>> {
        let hash = hash(text);
        {
            let typed = self.0.typed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(t) = typed.as_ref().filter(|t| t.path == path && t.hash == hash) {
                return Some(t.analysis.clone());
            }
        }
        // The rule set is read outside the tree's lock, through an overlay
        // of the tree's cache: the chain it builds on is parsed already.
        let (header, overlay) = {
            let mut tree = self.tree();
            tree.ensure(path);
            (tree.own_header(path), tree.overlay(path, text))
        };
        let analysis = Arc::new(sakip_rules::tree::analysis_in(&overlay, &header?));
        *self.0.typed.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Typed {
            path: path.to_path_buf(),
            hash,
            analysis: analysis.clone(),
        });
        Some(analysis)
    }

    /// The report of the unit in `unit_dir` for `year`, with `text` in place
    /// of `path`'s contents (nothing written): the page's HTML and what
    /// `sakip/preview` says of it (each capaian, the nilai); the problems
    /// instead when it does not evaluate.
    pub fn preview_unsaved(
        &self,
        path: &Utf8Path,
        text: &str,
        unit_dir: &Utf8Path,
        year: u16,
    ) -> Result<(String, sakip_ide::preview::Summary), Vec<Value>> {
        let lang = self.0.lang;
        // The tree's cache with the page's text: the national and Kanwil
        // rules and their scripts as the tree read them, not again.
        let shared = self.tree().overlay(path, text);
        let (unit, ev) = sakip_ide::preview::evaluate(&shared, unit_dir, year)
            .map_err(|errors| errors.iter().map(|e| problem(e, text, lang)).collect::<Vec<_>>())?;
        let klasifikasi = &unit.rules.settings(year).klasifikasi.value;
        let html = sakip_report::html::render(&ev, klasifikasi, lang);
        Ok((html, sakip_ide::preview::Summary::of(&ev)))
    }
}

/// One problem as the page shows it: the editor's one shape
/// (`sakip_ide::diagnostics`), placed by 1-based lines and columns in
/// characters (line 0: a problem with no place in the file).
fn problem(e: &sakip_rules::RuleError, text: &str, lang: Lang) -> Value {
    let d = sakip_ide::diagnostics::diagnostic(e, text, lang);
    let lines = sakip_rules::lines::LineIndex::new(text);
    let (line, col) = match e.location.as_ref() {
        Some(o) if o.line > 0 => (o.line, o.col),
        _ => (0, 0),
    };
    let (end_line, end_col) = if line == 0 {
        (0, 0)
    } else {
        lines.line_col(text, d.range.end)
    };
    json!({
        "code": d.code,
        "severity": d.severity,
        "message": d.message,
        "help": d.help,
        "line": line, "col": col, "end_line": end_line, "end_col": end_col,
    })
}

#[derive(Deserialize)]
struct Preview {
    path: String,
    text: String,
    /// The unit's folder, relative to the root.
    unit: String,
    year: u16,
}

/// `preview` as heavy work: off the async thread, bounded (see `work`).
async fn preview(Shared(state): Shared<State>, Reader(lang): Reader, Json(body): Json<Preview>) -> Response {
    let job = state.clone();
    crate::work::typing(&state, lang, move || preview_now(Shared(job), Reader(lang), Json(body))).await
}

/// The unit's report for `year` with `text` in place of `path`'s contents;
/// nothing is written. The problems instead when the rules do not load.
fn preview_now(Shared(state): Shared<State>, Reader(lang): Reader, Json(body): Json<Preview>) -> Response {
    let path = match inside(&state.0.root, &body.path) {
        Ok(p) => p,
        Err(r) => return refused(r, lang),
    };
    let unit_dir = match unit_folder(&state.0.root, &body.unit) {
        Ok(d) => d,
        Err(r) => return refused(r, lang),
    };
    match state.preview_unsaved(&path, &body.text, &unit_dir, body.year) {
        Ok((html, summary)) => Json(json!({ "html": html, "capaian": summary.capaian })).into_response(),
        Err(problems) => (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "problems": problems }))).into_response(),
    }
}

#[derive(Deserialize)]
struct Save {
    path: String,
    text: String,
    /// The hash of the text the page started from (`None`: a new file).
    base: Option<String>,
    /// Lay the text out as `sakip fmt` does before writing it.
    #[serde(default)]
    fmt: bool,
}

/// `save` as heavy work: off the async thread, bounded (see `work`).
async fn save(Shared(state): Shared<State>, Reader(lang): Reader, Json(body): Json<Save>) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || save_now(Shared(job), Reader(lang), Json(body))).await
}

/// Writes `text` (laid out by `fmt` when asked) to `path` atomically,
/// unless the file changed on disk since the page read it: then 409, with
/// the other version. The answer carries the text written and its hash.
fn save_now(Shared(state): Shared<State>, Reader(lang): Reader, Json(body): Json<Save>) -> Response {
    let path = match inside(&state.0.root, &body.path) {
        Ok(p) => p,
        Err(r) => return refused(r, lang),
    };
    // Laid out first, outside the lock: it may take a while, and the
    // check of the disk below must be the last thing before the write.
    let text = if body.fmt && path.extension() == Some("sakip") {
        let unmarked = crate::disk_text::for_editor(&body.text);
        match sakip_rules::format::format_file(&path, unmarked) {
            Ok(t) => t,
            Err(e) => {
                let message = format!("{}: {}", e.location_text(), e.message_in(lang));
                return error(StatusCode::UNPROCESSABLE_ENTITY, &message);
            }
        }
    } else {
        body.text
    };
    let written = {
        // What is on disk is compared with what the page started from at
        // the moment of the write, under the lock every save takes.
        let _writing = state.0.writes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let current = std::fs::read_to_string(&path).ok();
        let current_hash = current.as_deref().map(hash);
        if current_hash != body.base {
            let shown = current.as_deref().map(crate::disk_text::for_editor);
            return (
                StatusCode::CONFLICT,
                Json(json!({
                    "error": Text::new("wb-conflict-status").render(lang),
                    "text": shown, "hash": current_hash,
                })),
            )
                .into_response();
        }
        let bytes = crate::disk_text::for_disk(&text, current.as_deref());
        let result = match current {
            Some(_) => sakip_rules::files::replace(&path, &bytes),
            None => sakip_rules::files::write_new(&path, &bytes),
        };
        if let Err(e) = result {
            return error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string());
        }
        bytes
    };
    state.reread(&path);
    let h = hash(&written);
    let shown = crate::disk_text::for_editor(&written);
    Json(json!({ "path": body.path, "hash": h, "text": shown })).into_response()
}

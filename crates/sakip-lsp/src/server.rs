//! The protocol: initialize, the open documents, each request and
//! notification to its feature, diagnostics published after each change.

use crate::protocol;
use camino::{Utf8Path, Utf8PathBuf};
use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::*;
use sakip_core::Lang;
use sakip_rules::tree::RuleTree;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};

/// The server's state: the tree and the documents the editor holds.
pub struct Server {
    pub(crate) tree: RuleTree,
    /// Open documents by path: their text as the editor has it.
    pub(crate) open: BTreeMap<Utf8PathBuf, String>,
    /// Files whose last published diagnostics were not empty, and a hash
    /// of those: the same list is not sent again.
    published: BTreeMap<Utf8PathBuf, u64>,
    /// Files whose rule sets a request had checked (references and rename
    /// finish the tree first, to see every use), to be published later.
    reached: BTreeSet<Utf8PathBuf>,
    pub(crate) lang: Lang,
}

/// What the server can do, as `initialize` answers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![".".into(), " ".into()]),
            ..Default::default()
        }),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: protocol::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: Default::default(),
            },
        )),
        ..Default::default()
    }
}

/// The language server's own words, beside its code (`i18n/`).
pub const WORDS: sakip_core::i18n::Words = sakip_core::i18n::Words {
    name: "sakip-lsp",
    id: include_str!("../i18n/id.ftl"),
    en: include_str!("../i18n/en.ftl"),
};

/// Serves one client until it says `exit` (or its input ends): reads
/// messages from `input`, writes answers and diagnostics to `output`. One
/// thread, one message at a time: a request is answered before the next
/// message is read, so answers follow the edits sent before them.
pub fn serve<R: BufRead + Send + 'static>(mut input: R, output: &mut dyn Write, lang: Lang) -> Result<(), String> {
    let mut out = Output(output);
    // Before `initialize`, only `initialize` (and `exit`) mean anything.
    let params = loop {
        match Message::read(&mut input).map_err(|e| e.to_string())? {
            None => return Ok(()),
            Some(Message::Request(r)) if r.method == req::Initialize::METHOD => {
                let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
                let result = serde_json::json!({
                    "capabilities": caps,
                    "serverInfo": {"name": "sakip", "version": env!("CARGO_PKG_VERSION")},
                });
                out.send(Message::Response(Response::new_ok(r.id, result)))?;
                break serde_json::from_value::<InitializeParams>(r.params).unwrap_or_default();
            }
            Some(Message::Request(r)) => {
                let e = Response::new_err(r.id, ErrorCode::ServerNotInitialized as i32, "not initialized".into());
                out.send(Message::Response(e))?;
            }
            Some(Message::Notification(n)) if n.method == note::Exit::METHOD => return Ok(()),
            Some(_) => {}
        }
    };
    let watch = can_watch(&params);
    // Nothing is read before the first answer: the tree is walked and
    // checked between messages, the open files' rule sets first.
    let mut server = Server::new(&roots(&params), lang);
    // Messages are read on a thread of their own, so that the server can
    // tell when the editor has gone quiet: the tree is checked a rule set
    // at a time while no message waits, and the diagnostics of files that
    // are not open wait until that work is done and the editor has been
    // quiet for `SETTLE`, merged, instead of one notification per unit per
    // keystroke.
    let (sender, messages) = std::sync::mpsc::channel();
    std::thread::spawn(move || loop {
        let message = Message::read(&mut input).map_err(|e| e.to_string());
        let end = !matches!(message, Ok(Some(_)));
        if sender.send(message).is_err() || end {
            break;
        }
    });
    let mut pending: BTreeSet<Utf8PathBuf> = BTreeSet::new();
    let mut last_change = std::time::Instant::now();
    // Messages already read but not yet handled (see `merged`).
    let mut backlog: std::collections::VecDeque<Read> = std::collections::VecDeque::new();
    let mut shutting_down = false;
    loop {
        let received = if let Some(next) = backlog.pop_front() {
            Ok(next)
        } else if server.tree.busy() {
            match messages.try_recv() {
                Ok(m) => Ok(m),
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    // An open file's diagnostics as soon as they are known.
                    let (open, rest): (BTreeSet<_>, BTreeSet<_>) =
                        server.work().into_iter().partition(|p| server.open.contains_key(p));
                    server.publish(&mut out, open)?;
                    pending.extend(rest);
                    continue;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => Err(()),
            }
        } else if pending.is_empty() {
            messages.recv().map_err(|_| ())
        } else {
            match messages.recv_timeout(SETTLE.saturating_sub(last_change.elapsed())) {
                Ok(m) => Ok(m),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    let settled = std::mem::take(&mut pending);
                    server.publish(&mut out, settled)?;
                    continue;
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(()),
            }
        };
        let Ok(message) = received else { break };
        let Some(message) = message? else { break };
        let message = merged(message, &messages, &mut backlog);
        match message {
            Message::Request(request) if request.method == req::Shutdown::METHOD => {
                shutting_down = true;
                out.send(Message::Response(Response::new_ok(request.id, serde_json::Value::Null)))?;
            }
            Message::Request(request) if shutting_down => {
                let e = Response::new_err(request.id, ErrorCode::InvalidRequest as i32, "shutting down".into());
                out.send(Message::Response(e))?;
            }
            Message::Request(request) => {
                // The file asked about is checked now if the background has
                // not reached it; its diagnostics, if they wait, are sent
                // before the answer, as if they had been sent at once.
                let about = request
                    .params
                    .get("textDocument")
                    .and_then(|d| d.get("uri"))
                    .and_then(|u| u.as_str())
                    .and_then(|u| Url::parse(u).ok())
                    .and_then(|u| path_of(&u));
                if let Some(path) = about {
                    let reached = server.ensure(&path);
                    let waiting = pending.remove(&path) || reached.contains(&path);
                    pending.extend(reached.into_iter().filter(|p| *p != path));
                    if waiting {
                        server.publish(&mut out, BTreeSet::from([path]))?;
                    }
                }
                let response = server.answer(request);
                out.send(Message::Response(response))?;
                pending.append(&mut server.reached);
            }
            Message::Notification(n) if n.method == note::Exit::METHOD => break,
            // Once the client is ready, it is asked to report changes of
            // rule files and scripts on disk (a save in another editor, a
            // `git pull`, a file fixed outside), where it can.
            Message::Notification(n) if n.method == note::Initialized::METHOD => {
                if watch {
                    out.send(Message::Request(watch_request()))?;
                }
            }
            Message::Notification(n) => {
                last_change = std::time::Instant::now();
                // The open files' diagnostics at once; the rest once the
                // tree is checked and typing settles.
                let (open, rest): (BTreeSet<_>, BTreeSet<_>) = server
                    .notified(n)
                    .into_iter()
                    .partition(|p| server.open.contains_key(p));
                server.publish(&mut out, open)?;
                pending.extend(rest);
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// A message as the reading thread passes it on: `None` at the end.
type Read = Result<Option<Message>, String>;

/// `message`, or, when it is a change of a document and more changes of
/// that document are already waiting right behind it, the last of them:
/// each holds the whole text (full synchronisation), so the ones between
/// need no checking. A server that checked every keystroke of a fast
/// typist fell seconds behind. What else was waiting keeps its order.
fn merged(
    message: Message,
    messages: &std::sync::mpsc::Receiver<Read>,
    backlog: &mut std::collections::VecDeque<Read>,
) -> Message {
    let uri_of_change = |m: &Message| match m {
        Message::Notification(n) if n.method == note::DidChangeTextDocument::METHOD => n
            .params
            .get("textDocument")
            .and_then(|d| d.get("uri"))
            .and_then(|u| u.as_str())
            .map(str::to_string),
        _ => None,
    };
    let Some(uri) = uri_of_change(&message) else {
        return message;
    };
    while let Ok(next) = messages.try_recv() {
        backlog.push_back(next);
    }
    let mut last = message;
    while let Some(Ok(Some(next))) = backlog.front() {
        if uri_of_change(next).as_deref() != Some(uri.as_str()) {
            break;
        }
        if let Some(Ok(Some(next))) = backlog.pop_front() {
            last = next;
        }
    }
    last
}

/// How long the editor must be quiet before the diagnostics of files that
/// are not open are sent: longer than a pause between keystrokes.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

/// Where messages go: each written whole and flushed.
struct Output<'a>(&'a mut dyn Write);

impl Output<'_> {
    fn send(&mut self, message: Message) -> Result<(), String> {
        message.write(&mut &mut *self.0).map_err(|e| e.to_string())?;
        self.0.flush().map_err(|e| e.to_string())
    }
}

/// Whether the client lets the server register file watching.
fn can_watch(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

/// `client/registerCapability` for every `.sakip` and `.rhai` file: the
/// client then sends `workspace/didChangeWatchedFiles`, and the tree reads
/// what changed again (also a file that could not be read before).
fn watch_request() -> Request {
    let watchers = ["**/*.sakip", "**/*.rhai"]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let registration = Registration {
        id: "sakip-watch".into(),
        method: note::DidChangeWatchedFiles::METHOD.into(),
        register_options: serde_json::to_value(options).ok(),
    };
    Request::new(
        lsp_server::RequestId::from("sakip-watch".to_string()),
        req::RegisterCapability::METHOD.into(),
        RegistrationParams {
            registrations: vec![registration],
        },
    )
}

/// The folders the client opened; the current folder when it names none.
fn roots(params: &InitializeParams) -> Vec<Utf8PathBuf> {
    let mut roots: Vec<Utf8PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| path_of(&f.uri))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        roots.extend(params.root_uri.as_ref().and_then(path_of));
    }
    if roots.is_empty() {
        roots.extend(
            std::env::current_dir()
                .ok()
                .and_then(|d| Utf8PathBuf::from_path_buf(d).ok()),
        );
    }
    roots
}

/// The path of a `file:` URI.
pub(crate) fn path_of(uri: &Url) -> Option<Utf8PathBuf> {
    let path = uri.to_file_path().ok()?;
    Utf8PathBuf::from_path_buf(path)
        .ok()
        .map(|p| sakip_rules::resolve::normalize(&p))
}

/// The `file:` URI of a path.
pub(crate) fn uri_of(path: &Utf8Path) -> Option<Url> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        Utf8PathBuf::from_path_buf(std::env::current_dir().ok()?)
            .ok()?
            .join(path)
    };
    Url::from_file_path(absolute.as_std_path()).ok()
}

impl Server {
    /// A server over the rule sets under `roots`, which it has not read
    /// yet: see [`Server::work`] and [`Server::settle`].
    pub fn new(roots: &[Utf8PathBuf], lang: Lang) -> Self {
        Self::over(RuleTree::lazy(roots), lang)
    }

    /// A server over the rule sets under `roots` read through `fs` (a tree
    /// held in memory: the features' tests).
    pub fn in_fs(roots: &[Utf8PathBuf], fs: std::sync::Arc<dyn sakip_rules::fs::FileSystem>, lang: Lang) -> Self {
        Self::over(RuleTree::lazy_in(roots, fs), lang)
    }

    fn over(tree: RuleTree, lang: Lang) -> Self {
        // Every server says its own words: they join the catalogue first.
        sakip_core::i18n::add_words(WORDS);
        Self {
            tree,
            open: BTreeMap::new(),
            published: BTreeMap::new(),
            reached: BTreeSet::new(),
            lang,
        }
    }

    /// The tree with the open documents' texts: what the features read.
    pub(crate) fn workspace(&self) -> sakip_ide::Workspace<'_> {
        sakip_ide::Workspace::new(&self.tree, &self.open)
    }

    /// Answers one request; a request it does not know, or one whose
    /// parameters do not parse, gets an error response, never a crash.
    pub fn answer(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch(request)));
        match outcome {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(id, ErrorCode::InternalError as i32, "internal error".into()),
        }
    }

    fn dispatch(&mut self, request: Request) -> Result<serde_json::Value, (ErrorCode, String)> {
        fn params<P: serde::de::DeserializeOwned>(r: &Request) -> Result<P, (ErrorCode, String)> {
            serde_json::from_value(r.params.clone()).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
        }
        fn json<T: serde::Serialize>(v: T) -> Result<serde_json::Value, (ErrorCode, String)> {
            serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, e.to_string()))
        }
        // Every use of a name, and every edit of a rename, is found only
        // when every rule set is checked: these wait for the whole tree.
        if matches!(request.method.as_str(), req::References::METHOD | req::Rename::METHOD) {
            let reached = self.settle();
            self.reached.extend(reached);
        }
        match request.method.as_str() {
            req::HoverRequest::METHOD => json(protocol::hover(self, &params(&request)?)),
            req::GotoDefinition::METHOD => json(protocol::definition(self, &params(&request)?)),
            req::References::METHOD => json(protocol::references(self, &params(&request)?)),
            req::PrepareRenameRequest::METHOD => json(protocol::prepare_rename(self, &params(&request)?)),
            req::Rename::METHOD => protocol::rename(self, &params(&request)?)
                .map_err(|m| (ErrorCode::InvalidRequest, m))
                .and_then(json),
            req::Completion::METHOD => json(protocol::completion(self, &params(&request)?)),
            req::Formatting::METHOD => json(protocol::format(self, &params(&request)?)),
            req::DocumentSymbolRequest::METHOD => json(protocol::symbols(self, &params(&request)?)),
            req::SemanticTokensFullRequest::METHOD => json(protocol::semantic_tokens(self, &params(&request)?)),
            // sakip's own: what the workbench shows beside its editor.
            "sakip/explain" => protocol::explain(self, &params(&request)?)
                .map_err(|m| (ErrorCode::InvalidRequest, m))
                .and_then(json),
            "sakip/preview" => protocol::preview(self, &params(&request)?)
                .map_err(|m| (ErrorCode::InvalidRequest, m))
                .and_then(json),
            other => Err((
                ErrorCode::MethodNotFound,
                format!("sakip lsp does not answer `{other}`"),
            )),
        }
    }

    /// Takes one notification; returns the files whose diagnostics may have changed.
    /// The open files' rule sets are checked before it returns; the rest
    /// of what the change reaches is left to [`Server::work`].
    pub fn notified(&mut self, n: Notification) -> BTreeSet<Utf8PathBuf> {
        fn params<P: serde::de::DeserializeOwned>(n: &Notification) -> Option<P> {
            serde_json::from_value(n.params.clone()).ok()
        }
        let mut touched = BTreeSet::new();
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Some(p) = params::<DidOpenTextDocumentParams>(&n) {
                    if let Some(path) = path_of(&p.text_document.uri) {
                        touched = self.edited(&path, Some(p.text_document.text), true);
                    }
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Some(p) = params::<DidChangeTextDocumentParams>(&n) {
                    // Full synchronisation: the last change holds the whole text.
                    if let (Some(path), Some(change)) = (path_of(&p.text_document.uri), p.content_changes.last()) {
                        touched = self.edited(&path, Some(change.text.clone()), false);
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Some(p) = params::<DidCloseTextDocumentParams>(&n) {
                    if let Some(path) = path_of(&p.text_document.uri) {
                        touched = self.edited(&path, None, true);
                    }
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                if let Some(p) = params::<DidChangeWatchedFilesParams>(&n) {
                    for change in p.changes {
                        if let Some(path) = path_of(&change.uri) {
                            self.tree.changed_on_disk_lazily(&path);
                            touched.insert(path);
                        }
                    }
                }
                touched.extend(self.check_open());
            }
            _ => {}
        }
        touched
    }

    /// `path` now reads `text` in the editor (`None`: closed). What depends
    /// on it is marked stale; the open files' rule sets are checked now.
    fn edited(&mut self, path: &Utf8Path, text: Option<String>, now: bool) -> BTreeSet<Utf8PathBuf> {
        self.tree.set_text_lazily(path, text.as_deref());
        match text {
            Some(t) => {
                self.open.insert(path.to_path_buf(), t);
            }
            None => {
                self.open.remove(path);
            }
        }
        // A change is only marked: the open files' rule sets are the first
        // work done once no message waits (or for the request that asks
        // about one), so that a burst of keystrokes costs one check of the
        // file's rule set, not one per keystroke, and a hover right after
        // it waits for that one check. Its diagnostics are sent when it is
        // done; until then the old ones stand, not re-placed on new text.
        if !now {
            return BTreeSet::new();
        }
        let mut touched = self.ensure(path);
        touched.insert(path.to_path_buf());
        touched
    }

    /// Checks the rule sets of the open files that are stale; returns the
    /// files whose diagnostics may have changed.
    fn check_open(&mut self) -> BTreeSet<Utf8PathBuf> {
        let open: Vec<Utf8PathBuf> = self.open.keys().cloned().collect();
        open.iter().flat_map(|p| self.ensure(p)).collect()
    }

    /// Checks what `path` needs now; returns the files whose diagnostics
    /// may have changed.
    pub fn ensure(&mut self, path: &Utf8Path) -> BTreeSet<Utf8PathBuf> {
        let checked = self.tree.ensure(path);
        self.tree.files_of(&checked)
    }

    /// One step of the tree's remaining work: an open file's stale rule
    /// set first, else one step of the rest (see [`RuleTree::step`]);
    /// returns the files whose diagnostics may have changed.
    pub fn work(&mut self) -> BTreeSet<Utf8PathBuf> {
        let open: Vec<Utf8PathBuf> = self.open.keys().cloned().collect();
        for path in open {
            let touched = self.ensure(&path);
            if !touched.is_empty() {
                return touched;
            }
        }
        let checked = self.tree.step().unwrap_or_default();
        self.tree.files_of(&checked)
    }

    /// Does all of the tree's remaining work; returns the files whose
    /// diagnostics may have changed.
    pub fn settle(&mut self) -> BTreeSet<Utf8PathBuf> {
        let checked = self.tree.finish();
        self.tree.files_of(&checked)
    }

    /// Every file of the tree (for benchmarks and tests that pick one).
    pub fn tree_files(&self) -> BTreeSet<Utf8PathBuf> {
        self.tree.files()
    }

    /// The diagnostics of `path` as the protocol carries them.
    pub fn diagnostics(&self, path: &Utf8Path) -> Vec<Diagnostic> {
        protocol::diagnostics(self, path)
    }

    /// Publishes the diagnostics of `files`, and clears those of files that
    /// had some and were touched.
    fn publish(&mut self, out: &mut Output<'_>, files: BTreeSet<Utf8PathBuf>) -> Result<(), String> {
        for path in files {
            let list = self.diagnostics(&path);
            let now = (!list.is_empty()).then(|| {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                serde_json::to_string(&list).unwrap_or_default().hash(&mut h);
                h.finish()
            });
            if now == self.published.get(&path).copied() {
                continue;
            }
            match now {
                Some(h) => {
                    self.published.insert(path.clone(), h);
                }
                None => {
                    self.published.remove(&path);
                }
            }
            let Some(uri) = uri_of(&path) else { continue };
            let params = PublishDiagnosticsParams::new(uri, list, None);
            if let Ok(value) = serde_json::to_value(params) {
                out.send(Message::Notification(Notification::new(
                    note::PublishDiagnostics::METHOD.to_string(),
                    value,
                )))?;
            }
        }
        Ok(())
    }
}

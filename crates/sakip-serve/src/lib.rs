//! `sakip serve`: the workbench, a local web server over a tree of rule
//! sets and units, for staff who work in a browser. It is a thin layer over
//! the library calls the CLI makes: the tree is checked with the editor's
//! model ([`sakip_rules::tree::RuleTree`]), a unit's year evaluated and
//! rendered as `report --format html` renders it.
//!
//! Pages: the overview of the tree (rule sets by level, check status,
//! each unit's latest nilai, the rollup of each Kanwil); a unit's report by
//! year with downloads, explain in place, the changes in the rules and a
//! spreadsheet upload; an editor on any rule file or script, checked as
//! the person types, with the report previewed beside it. Files changed
//! elsewhere reach open pages as events. Reads and writes stay inside the
//! served tree; bound beyond this machine, every request needs a token.

mod api;
mod assets;
mod assist;
mod diff;
mod disk_text;
mod edit;
mod evaluations;
mod explain;
mod guard;
mod import;
mod layout;
mod pages;
mod paths;
mod reader;
mod rollup;
mod watch;
mod work;

pub use api::{router, State};
pub use paths::{inside, Refusal};

use camino::Utf8PathBuf;
use sakip_core::Lang;

/// How a workbench is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The access token every request shows when bound beyond this machine
    /// (one is made and printed when none is given).
    pub token: Option<String>,
    /// The language of pages whose reader chose none.
    pub lang: Lang,
    /// How long a page waits for heavy work (a check, a preview, a report)
    /// before it is told to try again.
    pub time_limit: std::time::Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            token: None,
            lang: Lang::Id,
            time_limit: std::time::Duration::from_secs(10),
        }
    }
}

/// The workbench's own words, beside its code (`i18n/`); the core's
/// catalogue holds the words it shares with the other front ends.
pub const WORDS: sakip_core::i18n::Words = sakip_core::i18n::Words {
    name: "sakip-serve",
    id: include_str!("../i18n/id.ftl"),
    en: include_str!("../i18n/en.ftl"),
};

/// Serves the tree under `root` on `addr` until the process ends. Bound
/// beyond this machine, every request must carry a token: the options', or
/// one made now and printed.
pub fn serve(root: Utf8PathBuf, addr: std::net::SocketAddr, mut options: Options) -> Result<(), String> {
    if options.token.is_none() && !addr.ip().is_loopback() {
        options.token = Some(guard::new_token()?);
    }
    let listener = std::net::TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    match &options.token {
        Some(t) => eprintln!("sakip serve: http://{bound}/?token={t}  ({root})"),
        None => eprintln!("sakip serve: http://{bound}/  ({root})"),
    }
    serve_listener(listener, root, options)
}

/// [`serve`] on a listener already bound (tests bind port 0).
pub fn serve_listener(listener: std::net::TcpListener, root: Utf8PathBuf, options: Options) -> Result<(), String> {
    // From here on this process reads rule files and scripts only under
    // `root`: texts come from a browser, and may name any path.
    sakip_rules::boundary::confine_to(&root)?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    // I/O for the sockets and timers on one thread; heavy work goes to the
    // blocking pool (see `work`).
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(|e| e.to_string())?;
        let state = State::new(root, bound, options)?;
        // Kept alive for as long as the server runs.
        let _watcher = watch::watch(state.clone())?;
        let app = router(state);
        axum::serve(listener, app).await.map_err(|e| e.to_string())
    })
}

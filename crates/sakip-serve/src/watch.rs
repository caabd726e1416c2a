//! Files changed elsewhere: the served folder is watched (notify), each
//! change of a `.sakip` or `.rhai` file is given to the tree, which checks
//! again what depends on it, and sent to every open page as a server-sent
//! event (`GET /api/events`, one `data:` line with the path relative to the
//! root), so that an edit in another editor or a `sakip import` refreshes
//! the page.

use crate::api::State;
use axum::extract::State as Shared;
use axum::response::sse::{Event, KeepAlive, Sse};
use camino::Utf8PathBuf;
use futures_util::Stream;
use notify::{RecursiveMode, Watcher};
use std::convert::Infallible;

/// Starts watching the served folder; the watcher stops when dropped.
pub(crate) fn watch(state: State) -> Result<notify::RecommendedWatcher, String> {
    let root = state.root().to_path_buf();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let Ok(path) = Utf8PathBuf::from_path_buf(path) else {
                continue;
            };
            if matches!(path.extension(), Some("sakip" | "rhai")) {
                state.changed_on_disk(&path);
            }
        }
    })
    .map_err(|e| e.to_string())?;
    watcher
        .watch(root.as_std_path(), RecursiveMode::Recursive)
        .map_err(|e| format!("cannot watch {root}: {e}"))?;
    Ok(watcher)
}

/// The stream of changed paths, for as long as the page listens.
pub(crate) async fn events(Shared(state): Shared<State>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(path) => return Some((Ok(Event::default().event("changed").data(path)), receiver)),
                // A page too slow to keep up missed some: it reloads everything anyway.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

//! Heavy work off the async runtime, bounded in number and in time.
//!
//! The server's sockets run on one async thread. Checking, previewing,
//! evaluating, rendering, importing and the Rekap are plain blocking work
//! (a script preview once took 63 s), and run there they froze every other
//! page. Each such job runs on tokio's blocking pool instead, with two
//! bounds:
//!
//! - **how many at once**: twice the cores, at least four, in each of two
//!   lanes: what typing asks for (a check, a preview: one per pause in
//!   typing, and they pile up behind a slow script) and everything else
//!   (pages, downloads, imports, saves). A pile of slow previews then never
//!   keeps a page waiting for a place;
//! - **how long a page waits**: the wall-clock limit (10 s unless
//!   `--time-limit` says otherwise). Past it, the page gets 503 with a
//!   message in its language; the job itself runs to its end (scripts are
//!   bounded by their operation limit) and keeps its place until then, so
//!   abandoned jobs cannot pile up beyond the bound.

use axum::http::StatusCode;
use axum::response::Response;
use sakip_core::{Lang, Text};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The bounds of heavy work.
pub(crate) struct Work {
    typing: Arc<Semaphore>,
    pages: Arc<Semaphore>,
    limit: Duration,
}

/// Which lane a job runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lane {
    /// A check or a preview of unsaved text.
    Typing,
    /// Everything else.
    Pages,
}

impl Work {
    pub(crate) fn new(limit: Duration) -> Self {
        let cores = std::thread::available_parallelism().map(usize::from).unwrap_or(2);
        let places = (cores * 2).max(4);
        Self {
            typing: Arc::new(Semaphore::new(places)),
            pages: Arc::new(Semaphore::new(places)),
            limit,
        }
    }

    /// Runs `job` on the blocking pool and waits for it at most the limit
    /// (waiting for a place included): its answer, or 503.
    pub(crate) async fn run<F>(&self, lane: Lane, lang: Lang, job: F) -> Response
    where
        F: FnOnce() -> Response + Send + 'static,
    {
        let places = match lane {
            Lane::Typing => self.typing.clone(),
            Lane::Pages => self.pages.clone(),
        };
        let started = async move {
            let place = places.acquire_owned().await.map_err(|_| failed(lang))?;
            tokio::task::spawn_blocking(move || {
                let answer = job();
                drop(place);
                answer
            })
            .await
            .map_err(|_| failed(lang))
        };
        match tokio::time::timeout(self.limit, started).await {
            Ok(Ok(answer) | Err(answer)) => answer,
            Err(_) => crate::api::error(
                StatusCode::SERVICE_UNAVAILABLE,
                &Text::new("wb-too-slow")
                    .arg("seconds", seconds(self.limit, lang))
                    .render(lang),
            ),
        }
    }
}

/// A duration in whole seconds, or tenths with the reader's decimal mark.
fn seconds(limit: Duration, lang: Lang) -> String {
    let tenths = limit.as_millis() / 100;
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        let mark = if lang == Lang::Id { ',' } else { '.' };
        format!("{}{mark}{}", tenths / 10, tenths % 10)
    }
}

/// A job that ended without an answer (it panicked: sakip's own bug).
fn failed(lang: Lang) -> Response {
    crate::api::error(
        StatusCode::INTERNAL_SERVER_ERROR,
        &Text::new("wb-job-failed").render(lang),
    )
}

/// Runs `job` as heavy work of `state`'s server; its answer, or the 503.
pub(crate) async fn heavy<F>(state: &crate::api::State, lang: Lang, job: F) -> Response
where
    F: FnOnce() -> Response + Send + 'static,
{
    state.work().run(Lane::Pages, lang, job).await
}

/// [`heavy`] in the lane of what typing asks for: a check, a preview.
pub(crate) async fn typing<F>(state: &crate::api::State, lang: Lang, job: F) -> Response
where
    F: FnOnce() -> Response + Send + 'static,
{
    state.work().run(Lane::Typing, lang, job).await
}

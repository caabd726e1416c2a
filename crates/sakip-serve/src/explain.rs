//! Explain in place: `GET /api/explain?unit=&year=&id=` gives the steps of
//! `sakip explain` for one indicator, each with the file (relative to the
//! served folder) and line it comes from, so the page can link each step
//! to the editor at that line.

use crate::api::{error, State};
use crate::paths::unit_folder;
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sakip_ide::explain::Refused;
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct ExplainQuery {
    unit: String,
    year: u16,
    id: String,
}

/// `explain` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn explain(
    Shared(state): Shared<State>,
    Reader(lang): Reader,
    Query(q): Query<ExplainQuery>,
) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || explain_now(Shared(job), Reader(lang), Query(q))).await
}

fn explain_now(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<ExplainQuery>) -> Response {
    let dir = match unit_folder(state.root(), &q.unit) {
        Ok(d) => d,
        Err(r) => return crate::api::refused(r, lang),
    };
    // Through the tree's cache: the chain the unit builds on is parsed.
    let shared = state.tree().view();
    match sakip_ide::explain::explain(&shared, &dir, q.year, &q.id, lang) {
        Ok(mut explained) => {
            // Origins name files as the loader read them: under the real root.
            for step in &mut explained.steps {
                if let Some(o) = step.origin.as_mut() {
                    o.file = state.relative(camino::Utf8Path::new(&o.file));
                }
            }
            Json(explained).into_response()
        }
        Err(Refused::Problems(lines)) => error(StatusCode::UNPROCESSABLE_ENTITY, &lines.join("\n")),
        Err(Refused::NoSuchIndicator(why)) => error(StatusCode::NOT_FOUND, &why),
    }
}

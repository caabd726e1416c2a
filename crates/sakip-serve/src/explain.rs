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
use sakip_core::{Problem, Text};
use sakip_engine::explain::{explain as explain_one, outcome, NotExplained};
use serde::Deserialize;
use serde_json::json;

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
    let explained = match explain_one(&dir, q.year, &q.id) {
        Ok(e) => e,
        Err(NotExplained::Problems(errors)) => {
            let text: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.location_text(), e.message_in(lang)))
                .collect();
            return error(StatusCode::UNPROCESSABLE_ENTITY, &text.join("\n"));
        }
        Err(NotExplained::NoSuchIndicator { why, closest }) => {
            let hint = closest
                .map(|s| format!("; {}", Text::new("did-you-mean").arg("word", s).render(lang)))
                .unwrap_or_default();
            return error(StatusCode::NOT_FOUND, &format!("{}{hint}", why.render(lang)));
        }
    };
    let Some(r) = explained.indicator(&q.id) else {
        return error(StatusCode::NOT_FOUND, &q.id);
    };
    // Origins name files as the loader read them: under the real root.
    let relative = |file: &str| state.relative(camino::Utf8Path::new(file));
    let steps: Vec<_> = r
        .trace
        .iter()
        .map(|s| {
            json!({
                "label": step_label(s.label, lang),
                "text": s.text.render(lang),
                "origin": s.origin.as_ref().map(|o| json!({ "file": relative(&o.file), "line": o.line, "col": o.col })),
            })
        })
        .collect();
    let findings: Vec<_> = explained
        .findings(&q.id)
        .map(|d| {
            json!({
                "severity": d.severity.to_string(),
                "code": d.code.as_str(),
                "message": d.message_in(lang),
                "help": d.help_in(lang),
            })
        })
        .collect();
    let ev = &explained.evaluation;
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let heading = format!(
        "{satker} · {} {} · {} {} · {}",
        sakip_core::i18n::say(lang, "word-year").to_lowercase(),
        ev.year,
        r.tier.title(),
        r.sasaran,
        r.sasaran_name
    );
    Json(json!({
        "id": r.id, "name": r.name, "heading": heading, "steps": steps,
        "result": outcome(r).render(lang), "findings": findings,
    }))
    .into_response()
}

/// A step's label in the reader's words: the trace's labels are the
/// domain's own (target, realisasi, capaian), but for `rule`.
fn step_label(label: &str, lang: sakip_core::Lang) -> String {
    match label {
        "rule" => Text::new("wb-step-rule").render(lang),
        other => other.to_string(),
    }
}

//! Spreadsheet upload: `POST /api/import?unit=&year=&name=&replace=` with
//! the workbook or CSV file as the body. The same import as `sakip import`
//! (`sakip_import::into_unit`): every cell checked before anything is
//! written, each unreadable cell named with its sheet and address, an
//! existing year's file replaced only when `replace=true` (the page asks
//! for it with a checkbox, as the command line asks for `--replace`).

use crate::api::{error, State};
use crate::paths::unit_folder;
use crate::reader::Reader;
use axum::body::Bytes;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sakip_core::{Code, Problem, Text};
use sakip_import::into_unit::{import_with_care, Care, NotWritten};
use serde::Deserialize;
use serde_json::json;

/// The largest upload: a year's workbook is tens of kilobytes; one with
/// pictures pasted in, a few megabytes.
pub(crate) const UPLOAD_LIMIT: usize = 8 * 1024 * 1024;

#[derive(Deserialize)]
pub(crate) struct ImportQuery {
    unit: String,
    year: u16,
    /// The file's name as the person chose it: `.xlsx` or `.csv`.
    name: String,
    #[serde(default)]
    replace: bool,
    /// The person saw what the import removes and confirmed it.
    #[serde(default)]
    confirm: bool,
}

/// `import` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn import(
    Shared(state): Shared<State>,
    Reader(lang): Reader,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || {
        import_now(Shared(job), Reader(lang), Query(q), body)
    })
    .await
}

fn import_now(
    Shared(state): Shared<State>,
    Reader(lang): Reader,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Response {
    // Only the file's own name, whatever path the browser sent.
    let name = q.name.rsplit(['/', '\\']).next().unwrap_or("").to_string();
    let lower = name.to_ascii_lowercase();
    if !(lower.ends_with(".xlsx") || lower.ends_with(".csv")) {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &Text::new("sheet-kind").render(lang),
        );
    }
    let dir = match unit_folder(state.root(), &q.unit) {
        Ok(d) => d,
        Err(r) => return crate::api::refused(r, lang),
    };
    let bytes = body.to_vec();
    let read =
        |indicators: &[sakip_core::model::Indikator]| sakip_import::import_bytes(&name, bytes, indicators, q.year);
    let problem = |e: &dyn Problem| {
        json!({
            "code": e.code().as_str(),
            "where": e.location().map(|o| o.to_string()).unwrap_or_default(),
            "message": e.message_in(lang),
            "help": e.help_in(lang),
        })
    };
    let care = if q.confirm {
        Care::Confirmed
    } else {
        Care::AskBeforeLoss
    };
    match import_with_care(&dir, q.year, q.replace, care, read) {
        Ok(written) => {
            state.changed_on_disk(&written.path);
            let rel = state.relative(&written.path);
            let message = Text::new("import-wrote")
                .arg("path", &rel)
                .arg("realisasi", written.contents.realisasi.len())
                .arg("lines", written.contents.belanja.len())
                .render(lang);
            Json(json!({ "path": rel, "message": message })).into_response()
        }
        Err(NotWritten::Cells(cells)) => {
            let cells: Vec<_> = cells.iter().map(|c| problem(c)).collect();
            let body = json!({ "error": Text::new("nothing-written").render(lang), "cells": cells });
            (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
        }
        Err(NotWritten::Destination(e)) => {
            let (status, help) = if e.code() == Code::FileExists {
                // The command line's help says `--replace`; here it is a box.
                (
                    StatusCode::CONFLICT,
                    Some(Text::new("wb-upload-replace-help").render(lang)),
                )
            } else {
                (StatusCode::UNPROCESSABLE_ENTITY, e.help_in(lang))
            };
            let text = match help {
                Some(help) => format!("{}. {help}", e.message_in(lang)),
                None => e.message_in(lang),
            };
            error(status, &text)
        }
        Err(NotWritten::NoAgreement(e)) => {
            // The agreement can be drafted from last year's from the page.
            let draft = e.help.as_ref().is_some_and(|h| h.id == "import-no-agreement-help");
            let body = json!({
                "error": e.message_in(lang),
                "help": e.help_in(lang),
                "draft": draft.then_some(q.year),
            });
            (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
        }
        Err(NotWritten::WouldLose(loss)) => {
            let message = if loss.after == 0 {
                Text::new("wb-upload-empty").render(lang)
            } else {
                Text::new("wb-upload-loss")
                    .arg("removed", loss.removed.len())
                    .arg("before", loss.before)
                    .render(lang)
            };
            let body = json!({
                "confirm": true,
                "error": message,
                "removed": loss.removed,
                "changed": loss.changed,
            });
            (StatusCode::CONFLICT, Json(body)).into_response()
        }
        Err(NotWritten::Rules(errors)) => {
            let cells: Vec<_> = errors.iter().map(|c| problem(c)).collect();
            let body = json!({ "error": Text::new("nothing-written").render(lang), "cells": cells });
            (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
        }
        Err(NotWritten::Unprintable(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.message_in(lang)),
        Err(NotWritten::Write { path, error: e }) => error(StatusCode::INTERNAL_SERVER_ERROR, &format!("{path}: {e}")),
    }
}

#[derive(Deserialize)]
pub(crate) struct DraftQuery {
    unit: String,
    year: u16,
}

/// `POST /api/new-year?unit=&year=`: the year's Perjanjian Kinerja drafted
/// from last year's, as `sakip new-year` does, never over an existing file;
/// what an upload to a year with no agreement offers.
pub(crate) async fn new_year(
    Shared(state): Shared<State>,
    Reader(lang): Reader,
    Query(q): Query<DraftQuery>,
) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || new_year_now(&job, lang, &q)).await
}

fn new_year_now(state: &State, lang: sakip_core::Lang, q: &DraftQuery) -> Response {
    let dir = match unit_folder(state.root(), &q.unit) {
        Ok(d) => d,
        Err(r) => return crate::api::refused(r, lang),
    };
    let unit = match sakip_rules::load_unit(&dir) {
        Ok(u) => u,
        Err(errors) => {
            let text: Vec<String> = errors.iter().map(|e| e.message_in(lang)).collect();
            return error(StatusCode::UNPROCESSABLE_ENTITY, &text.join("\n"));
        }
    };
    let draft = match sakip_engine::new_year::draft(&dir, &unit, q.year) {
        Ok(d) => d,
        Err(e) => return error(StatusCode::UNPROCESSABLE_ENTITY, &e.message_in(lang)),
    };
    if let Err(e) = sakip_rules::files::write_new(&draft.path, &draft.text) {
        return error(StatusCode::CONFLICT, &format!("{}: {e}", state.relative(&draft.path)));
    }
    state.changed_on_disk(&draft.path);
    let rel = state.relative(&draft.path);
    let message = Text::new("new-year-wrote")
        .arg("path", &rel)
        .arg("filled", draft.filled)
        .arg("open", draft.open)
        .render(lang);
    Json(json!({ "path": rel, "message": message })).into_response()
}

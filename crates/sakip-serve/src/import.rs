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
use sakip_import::into_unit::{import_into, NotWritten};
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
}

pub(crate) async fn import(
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
            "only .xlsx workbooks and .csv files can be imported",
        );
    }
    let dir = match unit_folder(state.root(), &q.unit) {
        Ok(d) => d,
        Err(r) => return crate::api::refused(r),
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
    match import_into(&dir, q.year, q.replace, read) {
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
            let status = if e.code() == Code::FileExists {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let text = match e.help_in(lang) {
                Some(help) => format!("{}. {help}", e.message_in(lang)),
                None => e.message_in(lang),
            };
            error(status, &text)
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

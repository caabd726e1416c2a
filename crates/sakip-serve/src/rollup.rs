//! `GET /rollup?year=&kanwil=&nasional=`: the units under the served
//! folder (or one Kanwil's, or one national rule set's) summarised as `sakip rollup --format html` does: units per
//! band, mean and median capaian per tier, budget absorption, ranking.

use crate::api::State;
use crate::layout::{page, Data};
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::response::{Html, IntoResponse, Response};
use maud::{html, PreEscaped};
use sakip_engine::rollup::{self, Selection};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct RollupQuery {
    year: u16,
    /// A Kanwil's rule set id; every unit when absent.
    kanwil: Option<String>,
    /// A national rule set's id: its units only.
    nasional: Option<String>,
}

/// `rollup` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn rollup(
    Shared(state): Shared<State>,
    Reader(lang): Reader,
    Query(q): Query<RollupQuery>,
) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || rollup_now(Shared(job), Reader(lang), Query(q))).await
}

fn rollup_now(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<RollupQuery>) -> Response {
    // The same Rekap while nothing it reads has changed: at 25,000 units
    // it is a rollup of every unit (seconds on two cores).
    let key = (q.year, q.kanwil.clone(), q.nasional.clone(), lang);
    let epoch = state.epoch();
    if let Some(html) = state.known_rekap(&key, epoch) {
        return Html(html).into_response();
    }
    let (folders, errors) = rollup::folders_under(&[state.root().to_path_buf()]);
    let data = Data {
        page: "rollup",
        ..Data::default()
    };
    if !errors.is_empty() {
        let main = html! {
            ul { @for e in &errors { li.err { (rollup::one_line(e).render(lang)) } } }
        };
        return Html(page(lang, state.page_token(), "rekap", &data, &[], main)).into_response();
    }
    let selection = Selection {
        year: q.year,
        kanwil: q.kanwil.clone(),
        nasional: q.nasional.clone(),
        until: None,
    };
    // The command line's rollup, with nothing written per unit.
    let source = rollup::Source::Folders(folders);
    let ran = rollup::run(&source, &selection, true, |_| (), |()| Ok(()), &mut |_| {}, &mut |_| {});
    let Ok(rollup::Ran { summary, failed, .. }) = ran else {
        // Folders cannot stop a run, and nothing is written.
        return crate::layout::error_page(&state, lang, axum::http::StatusCode::INTERNAL_SERVER_ERROR, "rekap");
    };
    // The units that did not evaluate are named first, as the command
    // line names them on standard error; then the Rekap as `rollup
    // --format html` shows it, framed by the workbench's page.
    let main = html! {
        @if !failed.is_empty() {
            ul {
                @for (path, errors) in &failed {
                    @let rel = state.relative(camino::Utf8Path::new(path));
                    @for e in errors {
                        li.err { code { (rel.trim_start_matches('/')) } ": " (e.message.render(lang)) }
                    }
                }
            }
        }
        (PreEscaped(sakip_report::rekap_html::body(&summary, lang)))
    };
    let title = sakip_report::rekap_html::title(&summary, lang);
    let html = page(
        lang,
        state.page_token(),
        &title,
        &data,
        &[sakip_report::html::STYLE],
        main,
    );
    state.keep_rekap(key, epoch, html.clone());
    Html(html).into_response()
}

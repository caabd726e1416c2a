//! `GET /rollup?year=&kanwil=`: the units under the served folder (or one
//! Kanwil's) summarised as `sakip rollup --format html` does: units per
//! band, mean and median capaian per tier, budget absorption, ranking.

use crate::api::State;
use crate::layout::{esc, page};
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::response::{Html, IntoResponse, Response};
use sakip_core::rekap::Rollup;
use sakip_engine::rollup::{self, Outcome, Selection};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct RollupQuery {
    year: u16,
    /// A Kanwil's rule set id; every unit when absent.
    kanwil: Option<String>,
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
    let key = (q.year, q.kanwil.clone(), lang);
    let epoch = state.epoch();
    if let Some(html) = state.known_rekap(&key, epoch) {
        return Html(html).into_response();
    }
    let (folders, errors) = rollup::folders_under(&[state.root().to_path_buf()]);
    if !errors.is_empty() {
        let list: Vec<String> = errors
            .iter()
            .map(|e| format!("<li class=\"err\">{}</li>", esc(&rollup::one_line(e))))
            .collect();
        return Html(page(
            lang,
            state.page_token(),
            "rekap",
            &[],
            &format!("<ul>{}</ul>", list.concat()),
        ))
        .into_response();
    }
    let selection = Selection {
        year: q.year,
        kanwil: q.kanwil.clone(),
    };
    let mut summary = Rollup::new(q.year, true);
    let mut failed = Vec::new();
    rollup::run_folders(
        &folders,
        &selection,
        |_| (),
        |outcome: Outcome<()>| {
            rollup::add_to(&mut summary, &outcome);
            if let Outcome::Failed { path, errors, .. } = outcome {
                failed.push((path, errors));
            }
        },
        &|| {},
    );
    summary.finish();
    let mut html = sakip_report::rekap_html::render(&summary, lang);
    // The units that did not evaluate are named under the header, as the
    // command line names them on standard error.
    let mut notes = crate::layout::header(lang);
    if !failed.is_empty() {
        notes.push_str("<main><ul>");
        for (path, errors) in &failed {
            let rel = state.relative(camino::Utf8Path::new(path));
            for e in errors {
                notes.push_str(&format!(
                    "<li class=\"err\"><code>{}</code>: {}</li>",
                    esc(rel.trim_start_matches('/')),
                    esc(&e.message.render(lang))
                ));
            }
        }
        notes.push_str("</ul></main>");
    }
    if let Some(at) = html.find("<body>") {
        html.insert_str(
            at + "<body>".len(),
            &format!("\n<style>{}</style>\n{notes}\n", crate::layout::STYLE),
        );
    }
    state.keep_rekap(key, epoch, html.clone());
    Html(html).into_response()
}

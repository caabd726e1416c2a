//! `GET /diff?path=&from=&to=`: what changed in the rules in force between
//! two years, as `sakip diff` lists it, as a page.

use crate::api::State;
use crate::layout::{page, Data};
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use sakip_core::Text;
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct DiffQuery {
    /// A unit's folder or a rule set's folder, relative to the served one.
    path: String,
    from: u16,
    to: u16,
}

/// `diff` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn diff(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<DiffQuery>) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || diff_now(Shared(job), Reader(lang), Query(q))).await
}

fn diff_now(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<DiffQuery>) -> Response {
    let Ok(dir) = crate::paths::folder(state.root(), &q.path) else {
        return crate::layout::error_page(
            &state,
            lang,
            StatusCode::FORBIDDEN,
            &Text::new("wb-path-escapes").render(lang),
        );
    };
    let t = |id: &'static str| Text::new(id).render(lang);
    let title = format!("{} {} → {}", t("wb-diff"), q.from, q.to);
    let main = html! {
        h1 { (title) }
        p { code { (q.path) } }
        @match sakip_engine::changes::between(&dir, q.from, q.to) {
            Ok(changes) => {
                p { (changes.name) }
                div.scroll { table {
                    thead { tr { th { (t("wb-diff-kind")) } th { (t("wb-diff-change")) } } }
                    tbody {
                        @for c in &changes.rules {
                            // The kind in the reader's words, in its own column; the
                            // change as `sakip diff` prints it, less its kind.
                            @let line = c.to_string();
                            @let what = line.strip_prefix(c.kind()).map(str::trim_start).unwrap_or(&line);
                            tr { td { (t(kind_word(c.kind()))) } td { code { (what) } } }
                        }
                        @for s in &changes.scripts {
                            tr { td { "skrip" } td { code { (if s.added { "+" } else { "-" }) " " (s.path) } } }
                        }
                    }
                } }
                p { (Text::new("diff-changes").arg("n", changes.len()).render(lang)) }
            }
            Err(errors) => {
                ul { @for e in &errors { li.err { (e.location_text()) ": " (e.message.render(lang)) } } }
            }
        }
    };
    let data = Data {
        page: "diff",
        ..Data::default()
    };
    Html(page(lang, state.page_token(), &title, &data, &[], main)).into_response()
}

/// The catalogue's word for a kind of change (`sakip diff`'s own words are
/// a stable, English contract).
fn kind_word(kind: &str) -> &'static str {
    match kind {
        "target" => "wb-diff-kind-target",
        "added" => "wb-diff-kind-added",
        "removed" => "wb-diff-kind-removed",
        "rumus" => "wb-diff-kind-rumus",
        "klasifikasi" => "wb-diff-kind-klasifikasi",
        _ => "wb-diff-kind-setting",
    }
}

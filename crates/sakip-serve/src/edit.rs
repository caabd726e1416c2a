//! The editing page: a rule file or script of the tree in a code editor,
//! its problems underlined as the person types, and beside it the report
//! of a unit that reads the file, re-evaluated with the unsaved text.
//! The page itself is the script's (`web/src/workbench.js`); the server
//! gives it the file, its hash, the units that read it, their years, and
//! the language's keywords.

use crate::api::State;
use crate::layout::{page, query, Data};
use crate::paths::inside;
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use sakip_core::model::TingkatAturan;
use sakip_core::Text;
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct EditQuery {
    path: String,
    /// The unit whose report is previewed (relative); the first that reads the file by default.
    unit: Option<String>,
    year: Option<u16>,
}

/// A unit that reads the file: its folder (relative) and its years of data.
struct Reading {
    dir: String,
    years: Vec<u16>,
}

/// `edit` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn edit(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<EditQuery>) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || edit_now(Shared(job), Reader(lang), Query(q))).await
}

fn edit_now(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<EditQuery>) -> Response {
    let path = match inside(state.root(), &q.path) {
        Ok(p) => p,
        Err(r) => {
            return crate::layout::error_page(&state, lang, StatusCode::FORBIDDEN, &crate::api::refusal_text(&r, lang))
        }
    };
    // A file that does not exist yet opens empty, and its save creates it.
    let (text, hash) = match std::fs::read_to_string(&path) {
        Ok(raw) => {
            let h = crate::api::hash(&raw);
            (crate::disk_text::for_editor(&raw), Some(h))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (String::new(), None),
        Err(e) => return crate::layout::error_page(&state, lang, StatusCode::UNPROCESSABLE_ENTITY, &e.to_string()),
    };
    let readers: Vec<Reading> = {
        let tree = state.tree();
        tree.analyses_reading(&path)
            .into_iter()
            .filter(|a| a.level == Some(TingkatAturan::Satker))
            .filter_map(|a| {
                Some(Reading {
                    dir: state.relative(a.header.parent()?),
                    years: a.data_years.iter().copied().collect(),
                })
            })
            .collect()
    };
    let chosen = q
        .unit
        .as_deref()
        .and_then(|u| readers.iter().find(|r| r.dir == u))
        .or_else(|| readers.first());
    // The year asked for; else the year in the file's name (agreements and
    // data are named by year: `perjanjian-2022.sakip`), else the latest.
    let named = path
        .file_stem()
        .and_then(|s| s.rsplit('-').next())
        .and_then(|y| y.parse::<u16>().ok());
    let year = chosen.and_then(|r| {
        q.year
            .or(named)
            .filter(|y| r.years.contains(y))
            .or(r.years.last().copied())
    });

    let t = |id: &'static str| Text::new(id).render(lang);
    let main = html! {
        h1 { code { (q.path) } }
        div.edit {
            section {
                p {
                    button #save type="button" accesskey="s" { (t("wb-save")) }
                    " "
                    label { input #fmt type="checkbox"; " " (t("wb-fmt")) }
                    " "
                    span #status role="status" aria-live="polite" {}
                }
                div #conflict .panel hidden {
                    p.err { (t("wb-conflict")) }
                    pre #conflict-text .scroll {}
                    button #conflict-load type="button" { (t("wb-conflict-load")) }
                    " "
                    button #conflict-overwrite type="button" { (t("wb-conflict-overwrite")) }
                }
                div #editor {}
                h2 { (t("wb-problems")) }
                ul #problems aria-live="polite" {}
                pre #source hidden { (text) }
            }
            section {
                @match chosen {
                    Some(r) => {
                        p {
                            label { (t("wb-unit")) " " select #unit {
                                @for other in &readers { option selected[other.dir == r.dir] { (other.dir) } }
                            } }
                            " "
                            label { (t("wb-year")) " " select #year {
                                @for y in &r.years { option selected[Some(*y) == year] { (y) } }
                            } }
                            " "
                            a href={ "/unit?path=" (query(&r.dir)) } { (t("wb-open-report")) }
                        }
                        iframe #preview sandbox="allow-same-origin" title=(t("wb-preview")) {}
                    }
                    None => { p { (t("wb-no-unit")) } }
                }
            }
        }
    };
    let keywords = serde_json::to_string(sakip_rules::lexicon::KEYWORDS).unwrap_or_else(|_| "[]".into());
    let data = Data {
        page: "edit",
        path: Some(&q.path),
        hash: hash.as_deref(),
        keywords: Some(&keywords),
        ..Data::default()
    };
    Html(page(lang, state.page_token(), &q.path, &data, &[], main)).into_response()
}

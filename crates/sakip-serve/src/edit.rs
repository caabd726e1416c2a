//! The editing page: a rule file or script of the tree in a code editor,
//! its problems underlined as the person types, and beside it the report
//! of a unit that reads the file, re-evaluated with the unsaved text.
//! The page itself is the script's (`web/src/workbench.js`); the server
//! gives it the file, its hash, the units that read it, their years, and
//! the language's keywords.

use crate::api::State;
use crate::layout::{esc, page, query};
use crate::paths::inside;
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use sakip_core::model::TingkatAturan;
use sakip_core::Text;
use serde::Deserialize;
use std::fmt::Write as _;

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

    let t = |id: &'static str| esc(&Text::new(id).render(lang));
    let mut body = format!("<h1><code>{}</code></h1>\n", esc(&q.path));
    body.push_str("<div class=\"edit\">\n<section>\n");
    let _ = writeln!(
        body,
        "<p><button id=\"save\" type=\"button\" accesskey=\"s\">{}</button> \
         <label><input id=\"fmt\" type=\"checkbox\"> {}</label> \
         <span id=\"status\" role=\"status\" aria-live=\"polite\"></span></p>",
        t("wb-save"),
        t("wb-fmt")
    );
    let _ = writeln!(
        body,
        "<div id=\"conflict\" class=\"panel\" hidden><p class=\"err\">{}</p>\
         <pre id=\"conflict-text\" class=\"scroll\"></pre>\
         <button id=\"conflict-load\" type=\"button\">{}</button> <button id=\"conflict-overwrite\" type=\"button\">{}</button></div>",
        t("wb-conflict"),
        t("wb-conflict-load"),
        t("wb-conflict-overwrite")
    );
    body.push_str("<div id=\"editor\"></div>\n");
    let _ = writeln!(
        body,
        "<h2>{}</h2>\n<ul id=\"problems\" aria-live=\"polite\"></ul>",
        t("wb-problems")
    );
    let _ = writeln!(
        body,
        "<pre id=\"source\" hidden>{}</pre>\n</section>\n<section>",
        esc(&text)
    );
    match chosen {
        Some(r) => {
            let _ = write!(body, "<p><label>{} <select id=\"unit\">", t("wb-unit"));
            for other in &readers {
                let sel = if other.dir == r.dir { " selected" } else { "" };
                let _ = write!(body, "<option{sel}>{}</option>", esc(&other.dir));
            }
            let _ = write!(body, "</select></label> <label>{} <select id=\"year\">", t("wb-year"));
            for y in &r.years {
                let sel = if Some(*y) == year { " selected" } else { "" };
                let _ = write!(body, "<option{sel}>{y}</option>");
            }
            let _ = writeln!(
                body,
                "</select></label> <a href=\"/unit?path={}\">{}</a></p>",
                query(&r.dir),
                t("wb-open-report")
            );
            let _ = writeln!(
                body,
                "<iframe id=\"preview\" sandbox=\"allow-same-origin\" title=\"{}\"></iframe>",
                t("wb-preview")
            );
        }
        None => {
            let _ = writeln!(body, "<p>{}</p>", t("wb-no-unit"));
        }
    }
    body.push_str("</section>\n</div>\n");
    let keywords = serde_json::to_string(sakip_rules::lexicon::KEYWORDS).unwrap_or_else(|_| "[]".into());
    let data = [
        ("page", "edit".to_string()),
        ("path", q.path.clone()),
        ("hash", hash.unwrap_or_default()),
        ("keywords", keywords),
    ];
    Html(page(lang, state.page_token(), &q.path, &data, &body)).into_response()
}

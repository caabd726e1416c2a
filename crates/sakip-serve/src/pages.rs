//! The workbench's pages: the overview of the served tree (each rule set
//! with its level and check status, each unit with its latest year's nilai
//! and band counts) and a unit's year as `report --format html` renders it,
//! with its other years a click away.

use crate::api::State;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use camino::Utf8Path;
use sakip_core::model::TingkatAturan;
use sakip_core::{Severity, Text};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2433}main{max-width:1000px;margin:0 auto;padding:16px}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9dde5;padding:4px 6px;text-align:left;vertical-align:top}\
th{background:#f3f5f8}.err{color:#b00020;font-weight:600}.warn{color:#8a5300}.ok{color:#2e7d32}\
.scroll{overflow-x:auto}nav a{margin-right:.8em}a:focus{outline:2px solid #1565c0}";

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head>\n<body><main>\n{body}</main></body></html>\n",
        esc(title)
    ))
}

/// One rule set of the overview: its header (relative), level, errors, warnings.
type Row = (String, Option<TingkatAturan>, usize, usize);

/// The overview: every rule set under the served folder.
pub(crate) async fn overview(Shared(state): Shared<State>) -> Response {
    let lang = state.lang();
    let root = state.root().to_path_buf();
    let rows: Vec<Row> = {
        let tree = state.tree();
        tree.sets()
            .map(|a| {
                let errors = a.problems.iter().filter(|e| e.severity == Severity::Error).count();
                let warnings = a.problems.len() - errors;
                let rel = a.header.strip_prefix(&root).unwrap_or(&a.header).to_string();
                (rel, a.level, errors, warnings)
            })
            .collect()
    };
    let mut body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        esc(&Text::new("serve-title").render(lang)),
        esc(root.as_str())
    );
    let mut by_level: BTreeMap<Option<TingkatAturan>, Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_level.entry(r.1).or_default().push(r);
    }
    body.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
    for h in ["serve-level", "serve-rule-set", "serve-status", "serve-latest"] {
        let _ = write!(body, "<th>{}</th>", esc(&Text::new(h).render(lang)));
    }
    body.push_str("</tr></thead><tbody>\n");
    for (level, list) in &by_level {
        for (rel, _, errors, warnings) in list {
            let status = if *errors > 0 {
                format!("<span class=\"err\">{errors} ✗</span> {warnings} !")
            } else if *warnings > 0 {
                format!("<span class=\"warn\">{warnings} !</span>")
            } else {
                "<span class=\"ok\">✓</span>".to_string()
            };
            let latest = if *level == Some(TingkatAturan::Satker) && *errors == 0 {
                latest_year(&root, rel, lang)
            } else {
                String::new()
            };
            let _ = writeln!(
                body,
                "<tr><td>{}</td><td><code>{}</code></td><td>{status}</td><td>{latest}</td></tr>",
                level.map(|l| l.keyword()).unwrap_or("?"),
                esc(rel)
            );
        }
    }
    body.push_str("</tbody></table></div>\n");
    page(&Text::new("serve-title").render(lang), &body).into_response()
}

/// A unit's latest year: its nilai and how many indicators fall in each
/// band, linked to the report.
fn latest_year(root: &Utf8Path, header: &str, lang: sakip_core::Lang) -> String {
    let dir = Utf8Path::new(header)
        .parent()
        .map(|p| p.to_string())
        .unwrap_or_default();
    let Ok(unit) = sakip_rules::load_unit(&root.join(&dir)) else {
        return String::new();
    };
    let Some(year) = unit.data.keys().max().copied() else {
        return String::new();
    };
    let options = sakip_core::evaluate::Options { trace: false };
    let Ok(ev) = sakip_engine::evaluate_year(&unit, &root.join(&dir), year, options) else {
        return String::new();
    };
    let mut bands: BTreeMap<String, usize> = BTreeMap::new();
    for i in &ev.indicators {
        if let Some(b) = &i.band {
            *bands.entry(b.label.clone()).or_default() += 1;
        }
    }
    let counts: Vec<String> = bands.iter().map(|(b, n)| format!("{} {n}", esc(b))).collect();
    let nilai = ev
        .nilai
        .as_ref()
        .map(|n| n.value.to_string())
        .unwrap_or_else(|| "-".into());
    format!(
        "<a href=\"/unit?path={}&amp;year={year}\">{year}</a> · {} {} · {}",
        esc(&dir),
        esc(&Text::new("serve-nilai").render(lang)),
        esc(&nilai),
        counts.join(", ")
    )
}

#[derive(Deserialize)]
pub(crate) struct UnitQuery {
    path: String,
    year: Option<u16>,
    /// For a download: `html`, `md` or `xlsx`.
    format: Option<String>,
}

/// A unit's report for a year as a file to keep: HTML, Markdown or XLSX,
/// the same bytes `sakip report` writes.
pub(crate) async fn download(Shared(state): Shared<State>, Query(q): Query<UnitQuery>) -> Response {
    let Ok(dir) = crate::paths::unit_folder(state.root(), &q.path) else {
        return (StatusCode::FORBIDDEN, "the path leaves the served folder").into_response();
    };
    let Some(year) = q.year else {
        return (StatusCode::BAD_REQUEST, "a year is needed").into_response();
    };
    let options = sakip_core::evaluate::Options { trace: false };
    let (unit, ev) = match sakip_engine::evaluate_unit(&dir, year, options) {
        Ok(v) => v,
        Err(_) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                "the unit does not evaluate for that year",
            )
                .into_response()
        }
    };
    let lang = state.lang();
    let klasifikasi = &unit.rules.settings(year).klasifikasi.value;
    let name = dir.file_name().unwrap_or("laporan");
    let (bytes, kind, ext): (Vec<u8>, &str, &str) = match q.format.as_deref().unwrap_or("html") {
        "html" => (
            sakip_report::html::render(&ev, klasifikasi, lang).into_bytes(),
            "text/html; charset=utf-8",
            "html",
        ),
        "md" => (
            sakip_report::markdown::render_with_legend(&ev, Some(klasifikasi), lang).into_bytes(),
            "text/markdown; charset=utf-8",
            "md",
        ),
        "xlsx" => match sakip_report::xlsx::render(&ev, klasifikasi, lang) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
            Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
        },
        _ => return (StatusCode::BAD_REQUEST, "format is html, md or xlsx").into_response(),
    };
    let disposition = format!("attachment; filename=\"{name}-{year}.{ext}\"");
    (
        [
            (axum::http::header::CONTENT_TYPE, kind.to_string()),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response()
}

/// A unit's year, rendered as the HTML report, with links to its other years.
pub(crate) async fn unit(Shared(state): Shared<State>, Query(q): Query<UnitQuery>) -> Response {
    let Ok(dir) = crate::paths::unit_folder(state.root(), &q.path) else {
        return (StatusCode::FORBIDDEN, "the path leaves the served folder").into_response();
    };
    let unit = match sakip_rules::load_unit(&dir) {
        Ok(u) => u,
        Err(errors) => {
            let list: Vec<String> = errors
                .iter()
                .map(|e| {
                    format!(
                        "<li>{}: {}</li>",
                        esc(&e.location_text()),
                        esc(&e.message.render(state.lang()))
                    )
                })
                .collect();
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                page("sakip", &format!("<ul>{}</ul>", list.join(""))),
            )
                .into_response();
        }
    };
    let years: Vec<u16> = unit.data.keys().copied().collect();
    let Some(year) = q.year.or_else(|| years.last().copied()) else {
        return (StatusCode::NOT_FOUND, "the unit has no year of data").into_response();
    };
    let options = sakip_core::evaluate::Options { trace: false };
    match sakip_engine::evaluate_year(&unit, &dir, year, options) {
        Ok(ev) => {
            let klasifikasi = &unit.rules.settings(year).klasifikasi.value;
            let html = sakip_report::html::render(&ev, klasifikasi, state.lang());
            let links: Vec<String> = years
                .iter()
                .map(|y| format!("<a href=\"/unit?path={}&amp;year={y}\">{y}</a>", esc(&q.path)))
                .collect();
            let downloads: Vec<String> = ["html", "md", "xlsx"]
                .iter()
                .map(|f| {
                    format!(
                        "<a href=\"/unit/download?path={}&amp;year={year}&amp;format={f}\" download>{}</a>",
                        esc(&q.path),
                        f.to_uppercase()
                    )
                })
                .collect();
            let nav = format!(
                "<nav><a href=\"/\">sakip</a> {} · {}</nav>",
                links.join(" "),
                downloads.join(" ")
            );
            Html(html.replacen("<main>\n", &format!("<main>\n{nav}\n"), 1)).into_response()
        }
        Err(e) => (StatusCode::NOT_FOUND, esc(&e.message.render(state.lang()))).into_response(),
    }
}

//! The workbench's pages: the overview of the served tree (each rule set
//! with its level and check status, each unit with its latest year's nilai
//! and band counts) and a unit's year as `report --format html` renders it,
//! with its other years a click away.

use crate::api::State;
use crate::evaluations::NotEvaluated;
use crate::layout::{error_page, page, query, Data};
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use camino::Utf8Path;
use maud::{html, PreEscaped};
use sakip_core::model::TingkatAturan;
use sakip_core::rekap::{kanwil_of, NO_KANWIL};
use sakip_core::{Lang, Severity, Text};
use sakip_rules::tree::RuleTree;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One rule set of the overview.
struct Row {
    /// Its folder, relative to the served one.
    dir: String,
    level: Option<TingkatAturan>,
    /// The Kanwil it belongs to (its own id for a Kanwil): the rollup's key.
    kanwil: Option<String>,
    /// A national rule set's own id: a Rekap adds up the units of one.
    nasional: Option<String>,
    errors: usize,
    warnings: usize,
    /// Its files, relative, for the editor.
    files: Vec<String>,
    /// The name its header gives it.
    name: Option<String>,
    /// The years of its data.
    years: Vec<u16>,
}

/// `overview` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn overview(Shared(state): Shared<State>, Reader(lang): Reader) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || overview_now(Shared(job), Reader(lang))).await
}

/// The overview: every rule set under the served folder, national first,
/// then each Kanwil with its units; the files of each open in the editor.
fn overview_now(Shared(state): Shared<State>, Reader(lang): Reader) -> Response {
    let root = state.root().to_path_buf();
    let rows: Vec<Row> = {
        let tree = state.tree();
        tree.sets()
            .map(|a| {
                let errors = a.problems.iter().filter(|e| e.severity == Severity::Error).count();
                let dir = a.header.parent().map(Utf8Path::to_path_buf).unwrap_or_default();
                // The rollup's own reading of the chain: the last Kanwil in it.
                let kanwil = Some(kanwil_of(&a.chain).0).filter(|id| id != NO_KANWIL);
                Row {
                    dir: state.relative(&dir),
                    level: a.level,
                    kanwil,
                    nasional: a
                        .chain
                        .last()
                        .filter(|r| r.tingkat == TingkatAturan::Nasional)
                        .map(|r| r.id.clone()),
                    errors,
                    warnings: a.problems.len() - errors,
                    files: own_files(&state, &tree, &a.header),
                    name: own_name(a),
                    years: a.data_years.iter().copied().collect(),
                }
            })
            .collect()
    };
    // National, then each Kanwil followed by its units, then units with no Kanwil.
    let order = |r: &Row| match r.level {
        Some(TingkatAturan::Nasional) => (0, String::new(), 0),
        Some(TingkatAturan::Kanwil) => (1, r.kanwil.clone().unwrap_or_default(), 0),
        _ => (
            if r.kanwil.is_some() { 1 } else { 2 },
            r.kanwil.clone().unwrap_or_default(),
            1,
        ),
    };
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| (order(r), r.dir.clone()));
    let units = rows.iter().filter(|r| r.level == Some(TingkatAturan::Satker)).count();
    let mut latest_years = Vec::new();
    let (mut evaluated, mut waiting) = (0usize, 0usize);
    // Each row's latest year: known, computed here (a bounded number per
    // page), or left to the background.
    // A view of the tree's cache, taken only if this page evaluates a unit
    // (after the warm-up it evaluates none).
    let view = std::cell::OnceCell::new();
    let latest: Vec<Latest> = sorted
        .iter()
        .map(|r| match r.level {
            Some(TingkatAturan::Satker) if r.errors == 0 => {
                let known = state.known_latest_year(&r.dir, lang).or_else(|| {
                    (evaluated < EVALUATED_PER_PAGE).then(|| {
                        evaluated += 1;
                        state.latest_year(&r.dir, lang, || {
                            latest_year(view.get_or_init(|| state.tree().view()), &root, &r.dir, lang)
                        })
                    })
                });
                match known {
                    Some(Some((year, cell))) => {
                        latest_years.push(year);
                        Latest::Known(cell)
                    }
                    Some(None) => Latest::Nothing,
                    None => {
                        waiting += 1;
                        Latest::Computing
                    }
                }
            }
            _ => Latest::Nothing,
        })
        .collect();
    // The rollup, of every unit and of each Kanwil, when there is more than
    // one unit: it opens on the latest year that at least half as many
    // units have data for as the best-covered year (a year only one unit
    // has reached yet would rank that one alone); the other years follow.
    let mut per_year: BTreeMap<u16, usize> = BTreeMap::new();
    for r in rows
        .iter()
        .filter(|r| r.level == Some(TingkatAturan::Satker) && r.errors == 0)
    {
        for y in &r.years {
            *per_year.entry(*y).or_default() += 1;
        }
    }
    let most = per_year.values().copied().max().unwrap_or(0);
    let rekap_year = per_year
        .iter()
        .rev()
        .find(|(_, n)| **n * 2 >= most)
        .map(|(y, _)| *y)
        .or(latest_years.iter().max().copied())
        .filter(|_| units > 1);
    let mut kanwils: Vec<&str> = rows
        .iter()
        .filter(|r| r.level == Some(TingkatAturan::Kanwil))
        .filter_map(|r| r.kanwil.as_deref())
        .collect();
    kanwils.dedup();
    // A folder holding several ministries' (or governments') trees: a
    // Rekap per national rule set, since one adds up the units of one.
    let mut nasionals: Vec<&str> = rows.iter().filter_map(|r| r.nasional.as_deref()).collect();
    nasionals.sort_unstable();
    nasionals.dedup();
    if nasionals.len() < 2 {
        nasionals.clear();
    }
    let t = |id: &'static str| Text::new(id).render(lang);
    let main = html! {
        h1 { (t("serve-title")) }
        p { code { (root.as_str()) } }
        div #tree {
            div.scroll { table {
                thead { tr {
                    @for h in ["serve-level", "serve-rule-set", "serve-status", "serve-latest", "wb-files"] {
                        th { (t(h)) }
                    }
                } }
                tbody {
                    @for (r, latest) in sorted.iter().zip(&latest) {
                        tr {
                            td {
                                @if r.level == Some(TingkatAturan::Satker) && r.kanwil.is_some() { (PreEscaped("&emsp;")) }
                                (r.level.map(|l| l.keyword()).unwrap_or("?"))
                            }
                            // A unit is named by its name, linked to its latest
                            // report; its folder follows, small.
                            td {
                                @match (&r.name, r.level) {
                                    (Some(name), Some(TingkatAturan::Satker)) => {
                                        a href={ "/unit?path=" (query(&r.dir)) } { (name) }
                                    }
                                    (Some(name), _) => { (name) }
                                    (None, _) => {}
                                }
                                span.id { code { (if r.dir.is_empty() { "." } else { &r.dir }) } }
                            }
                            td {
                                @if r.errors > 0 {
                                    span.err { (r.errors) " ✗" } " " (r.warnings) " !"
                                } @else if r.warnings > 0 {
                                    span.warn { (r.warnings) " !" }
                                } @else {
                                    span.ok { "✓" }
                                }
                            }
                            td {
                                @match latest {
                                    Latest::Known(cell) => { (PreEscaped(cell)) }
                                    Latest::Computing => { span.id { (t("serve-computing")) } }
                                    Latest::Nothing => {}
                                }
                            }
                            td.files {
                                @for (i, f) in r.files.iter().enumerate() {
                                    @if i > 0 { " " }
                                    a href={ "/edit?path=" (query(f)) } { (Utf8Path::new(f).file_name().unwrap_or(f)) }
                                }
                            }
                        }
                    }
                }
            } }
            @if let Some(left) = state.still_checking() {
                p.warn { (Text::new("serve-still-checking").arg("left", left).render(lang)) }
            } @else if waiting > 0 {
                p.warn { (Text::new("serve-still-computing").arg("left", waiting).render(lang)) }
            }
            @if let Some(year) = rekap_year {
                h2 { (t("wb-rollup")) " " (year) }
                p {
                    a href={ "/rollup?year=" (year) } { (t("wb-rollup-all")) }
                    @for n in &nasionals {
                        " · "
                        a href={ "/rollup?year=" (year) "&nasional=" (query(n)) } { (n) }
                    }
                    @for k in &kanwils {
                        " · "
                        a href={ "/rollup?year=" (year) "&kanwil=" (query(k)) } { (k) }
                    }
                }
                @let others: Vec<(&u16, &usize)> = per_year.iter().rev().filter(|(y, _)| **y != year).collect();
                @if !others.is_empty() {
                    p {
                        (t("wb-rollup-other-years")) " "
                        @for (i, (y, n)) in others.iter().enumerate() {
                            @if i > 0 { " · " }
                            a href={ "/rollup?year=" (y) } { (y) } " (" (n) ")"
                        }
                    }
                }
            }
        }
    };
    let data = Data {
        page: "overview",
        ..Data::default()
    };
    Html(page(lang, state.page_token(), &t("serve-title"), &data, &[], main)).into_response()
}

/// A row's latest year, as the overview shows it.
enum Latest {
    /// The cell: the year linked to its report, the nilai, the bands.
    Known(String),
    /// The background has not computed it yet.
    Computing,
    /// Not a unit, a unit with errors, or one without data.
    Nothing,
}

/// How many units' latest years one overview evaluates itself; the
/// others come from the background (a ministry's 25,000 units take 40 s).
const EVALUATED_PER_PAGE: usize = 200;

/// A unit's latest year: its nilai and how many indicators fall in each
/// band, linked to the report.
/// The unit is read through `shared`, a view of the tree's cache: the
/// rules it builds on are parsed, and their scripts compiled, already.
pub(crate) fn latest_year(
    shared: &sakip_rules::Shared,
    root: &Utf8Path,
    dir: &str,
    lang: Lang,
) -> Option<(u16, String)> {
    let unit = sakip_rules::load_unit_with(&root.join(dir), shared).ok()?;
    let year = unit.data.keys().max().copied()?;
    let options = sakip_core::evaluate::Options {
        trace: false,
        until: None,
    };
    let ev = sakip_engine::evaluate_year(&unit, &root.join(dir), year, options).ok()?;
    let mut bands: BTreeMap<String, usize> = BTreeMap::new();
    for i in &ev.indicators {
        if let Some(b) = &i.band {
            *bands.entry(b.label.clone()).or_default() += 1;
        }
    }
    let nilai = ev
        .nilai
        .as_ref()
        .map(|n| n.value.to_string())
        .unwrap_or_else(|| "-".into());
    let text = html! {
        a href={ "/unit?path=" (query(dir)) "&year=" (year) } { (year) }
        " · " (Text::new("serve-nilai").render(lang)) " " (nilai) " · "
        @for (i, (b, n)) in bands.iter().enumerate() {
            @if i > 0 { ", " }
            (b) " " (n)
        }
    }
    .into_string();
    Some((year, text))
}

#[derive(Deserialize)]
pub(crate) struct UnitQuery {
    path: String,
    year: Option<u16>,
    /// For a download: `pdf`, `docx`, `html`, `md` or `xlsx`.
    format: Option<String>,
}

/// `download` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn download(
    Shared(state): Shared<State>,
    Reader(lang): Reader,
    Query(q): Query<UnitQuery>,
) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || download_now(Shared(job), Reader(lang), Query(q))).await
}

/// A unit's report for a year as a file to keep: PDF, Word, HTML, Markdown
/// or XLSX, the same bytes `sakip report` writes (a Word report of a year
/// with errors is refused, as there).
fn download_now(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<UnitQuery>) -> Response {
    let Ok(dir) = crate::paths::unit_folder(state.root(), &q.path) else {
        return error_page(
            &state,
            lang,
            StatusCode::FORBIDDEN,
            &Text::new("wb-path-escapes").render(lang),
        );
    };
    let Some(year) = q.year else {
        return error_page(
            &state,
            lang,
            StatusCode::BAD_REQUEST,
            &Text::new("wb-year-needed").render(lang),
        );
    };
    let evaluated = match state.evaluated(&q.path, &dir, Some(year)) {
        Ok(e) => e,
        Err(_) => {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                "the unit does not evaluate for that year",
            )
                .into_response()
        }
    };
    let (ev, klasifikasi) = (&evaluated.evaluation, &evaluated.klasifikasi);
    let name = dir.file_name().unwrap_or("laporan");
    let (bytes, kind, ext): (Vec<u8>, &str, &str) = match q.format.as_deref().unwrap_or("html") {
        "html" => (
            sakip_report::html::render(ev, klasifikasi, lang).into_bytes(),
            "text/html; charset=utf-8",
            "html",
        ),
        "md" => (
            sakip_report::markdown::render_with_legend(ev, Some(klasifikasi), lang).into_bytes(),
            "text/markdown; charset=utf-8",
            "md",
        ),
        "xlsx" => match sakip_report::xlsx::render(ev, klasifikasi, lang) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "xlsx",
            ),
            Err(e) => return error_page(&state, lang, StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
        },
        "docx" if ev.has_errors() => {
            let n = ev
                .diagnostics
                .iter()
                .filter(|d| d.severity == sakip_core::Severity::Error)
                .count();
            return error_page(
                &state,
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                &Text::new("wb-docx-errors").arg("n", n).arg("year", year).render(lang),
            );
        }
        "docx" => match sakip_report::docx::render(ev, klasifikasi, None) {
            Ok(b) => (
                b,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "docx",
            ),
            Err(e) => return error_page(&state, lang, StatusCode::INTERNAL_SERVER_ERROR, &e),
        },
        "pdf" => match sakip_report::pdf::render(ev, klasifikasi, lang, None) {
            Ok(b) => (b, "application/pdf", "pdf"),
            Err(e) => return error_page(&state, lang, StatusCode::INTERNAL_SERVER_ERROR, &e),
        },
        _ => {
            return error_page(
                &state,
                lang,
                StatusCode::BAD_REQUEST,
                &Text::new("wb-format-unknown").render(lang),
            )
        }
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

/// `unit` as heavy work: off the async thread, bounded (see `work`).
pub(crate) async fn unit(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<UnitQuery>) -> Response {
    let job = state.clone();
    crate::work::heavy(&state, lang, move || unit_now(Shared(job), Reader(lang), Query(q))).await
}

/// A unit's year, rendered as the HTML report, with its other years, the
/// downloads, the changes in the rules since the year before, explain in
/// place (a click on an indicator) and the upload of a year's spreadsheet.
fn unit_now(Shared(state): Shared<State>, Reader(lang): Reader, Query(q): Query<UnitQuery>) -> Response {
    let Ok(dir) = crate::paths::unit_folder(state.root(), &q.path) else {
        return error_page(
            &state,
            lang,
            StatusCode::FORBIDDEN,
            &Text::new("wb-path-escapes").render(lang),
        );
    };
    let evaluated = match state.evaluated(&q.path, &dir, q.year) {
        Ok(e) => e,
        Err(NotEvaluated::Load(errors)) => {
            let main = html! {
                h1 { code { (q.path) } }
                ul { @for e in &errors { li.err { (e.location_text()) ": " (e.message.render(lang)) } } }
            };
            let data = Data {
                page: "unit",
                ..Data::default()
            };
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(page(lang, state.page_token(), "sakip", &data, &[], main)),
            )
                .into_response();
        }
        Err(NotEvaluated::NoYear) => {
            return error_page(
                &state,
                lang,
                StatusCode::NOT_FOUND,
                &Text::new("wb-no-year").render(lang),
            )
        }
        Err(NotEvaluated::Year(e)) => return error_page(&state, lang, StatusCode::NOT_FOUND, &e.message.render(lang)),
    };
    let (years, ev, klasifikasi) = (&evaluated.years, &evaluated.evaluation, &evaluated.klasifikasi);
    let year = ev.year;
    let files = own_files(&state, &state.tree(), &dir.join("satker.sakip"));
    // Another unit of the tree, chosen from the page.
    let units = state_units(&state);
    let before = years.iter().copied().filter(|y| *y < year).max();
    let t = |id: &'static str| Text::new(id).render(lang);
    let main = html! {
        nav.panel {
            code { (q.path) } " · " (t("wb-year"))
            @for y in years {
                " "
                @if *y == year { b aria-current="page" { (y) } }
                @else { a href={ "/unit?path=" (query(&q.path)) "&year=" (y) } { (y) } }
            }
            " · " (t("wb-download"))
            @for f in DOWNLOADS {
                " "
                a href={ "/unit/download?path=" (query(&q.path)) "&year=" (year) "&format=" (f) } download { (f.to_uppercase()) }
            }
            @if let Some(before) = before {
                " · "
                a href={ "/diff?path=" (query(&q.path)) "&from=" (before) "&to=" (year) } {
                    (t("wb-diff")) " " (before) " → " (year)
                }
            }
            br;
            (t("wb-edit"))
            @for f in &files {
                " "
                a href={ "/edit?path=" (query(f)) "&unit=" (query(&q.path)) "&year=" (year) } {
                    (Utf8Path::new(f).file_name().unwrap_or(f))
                }
            }
            @if units.len() > 1 {
                form action="/unit" method="get" {
                    label { (t("wb-unit")) " " select name="path" {
                        @for (dir, name) in &units { option value=(dir) selected[*dir == q.path] { (name) } }
                    } }
                    " "
                    button type="submit" { (t("wb-open-report")) }
                }
            }
        }
        p { (t("wb-explain-hint")) }
        // The report as `report --format html` renders it, framed here.
        div #report { (PreEscaped(sakip_report::html::body(ev, klasifikasi, lang, None))) }
        section #explain .panel tabindex="-1" hidden aria-live="polite" {}
        form #upload .panel {
            h2 { (t("wb-upload")) }
            label { (t("wb-upload-file")) " " input #upload-file type="file" accept=".xlsx,.csv" required; }
            label { (t("wb-year")) " " input #upload-year type="number" min="2000" max="2100" value=(year) required; }
            label { input #upload-replace type="checkbox"; " " (t("wb-upload-replace")) }
            button type="submit" { (t("wb-upload-submit")) }
            div #upload-result aria-live="polite" {}
        }
    };
    let data = Data {
        page: "unit",
        unit: Some(&q.path),
        year: Some(year),
        ..Data::default()
    };
    let title = sakip_report::html::title(ev, lang);
    Html(page(
        lang,
        state.page_token(),
        &title,
        &data,
        &[sakip_report::html::STYLE],
        main,
    ))
    .into_response()
}

/// The formats a report can be downloaded in.
const DOWNLOADS: [&str; 5] = ["pdf", "docx", "html", "md", "xlsx"];

/// Every unit of the served tree: its folder, relative.
/// Every unit of the served tree: its folder, relative, and its name.
fn state_units(state: &State) -> Vec<(String, String)> {
    let tree = state.tree();
    let mut units: Vec<(String, String)> = tree
        .sets()
        .filter(|a| a.level == Some(TingkatAturan::Satker))
        .filter_map(|a| {
            let dir = state.relative(a.header.parent()?);
            let name = own_name(a).unwrap_or_else(|| dir.clone());
            Some((dir, name))
        })
        .collect();
    units.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    units
}

/// The name a rule set gives itself in its header (`satker x "Lapas ..."`).
fn own_name(a: &sakip_rules::tree::Analysis) -> Option<String> {
    a.chain.last().map(|r| r.name.clone())
}

/// The files a rule set reads in its own folder (not those of the rule
/// sets it builds on), relative to the served folder: what the editor
/// links offer for it.
fn own_files(state: &State, tree: &RuleTree, header: &Utf8Path) -> Vec<String> {
    let dir = header.parent();
    tree.files_of(&[header.to_path_buf()])
        .into_iter()
        .filter(|f| f.parent() == dir)
        .map(|f| state.relative(&f))
        .collect()
}

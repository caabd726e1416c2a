//! What every page of the workbench shares: the page's template (maud:
//! every value put in it is escaped by the template, so no page escapes
//! by hand), the style, the header (the way back to the overview, the
//! language switch) and the script, and the words the script shows, in
//! the reader's language.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use sakip_core::{Lang, Text};
use std::fmt::Write as _;

/// A component of a URL's query.
pub(crate) fn query(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

pub(crate) const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2433}main{max-width:1100px;margin:0 auto;padding:16px}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9dde5;padding:4px 6px;text-align:left;vertical-align:top}\
th{background:#f3f5f8}.err{color:#b00020;font-weight:600}.warn{color:#8a5300}.ok{color:#2e7d32}.num{text-align:right}\
.scroll{overflow-x:auto}header.bar{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;padding:8px 16px;background:#1d2433;color:#fff}\
header.bar a{color:#fff}header.bar .right{margin-left:auto}a:focus,button:focus,select:focus,input:focus,tr:focus{outline:2px solid #1565c0;outline-offset:1px}\
.panel{border:1px solid #d9dde5;border-radius:6px;padding:8px 12px;margin:12px 0;background:#fafbfc}\
button{font:inherit;padding:4px 12px;border:1px solid #8792a2;border-radius:4px;background:#fff;cursor:pointer}button:disabled{opacity:.5;cursor:default}\
#problems{margin:.4em 0;padding-left:1.2em}#problems .help{color:#5f6b7a;font-weight:400}\
.edit{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px}@media (max-width:900px){.edit{grid-template-columns:minmax(0,1fr)}}\
#editor{border:1px solid #8792a2;border-radius:4px;min-height:60vh}#editor .cm-editor{height:75vh}#preview{width:100%;height:75vh;border:1px solid #d9dde5;border-radius:4px}\
body[data-page=edit] main{max-width:none}tr.explainable{cursor:pointer}tr.explainable:hover{background:#eef3fb}#explain:focus{outline:none}\
#tree .id{display:block;color:#5f6b7a;font-size:.8em}tr.explain-row>td{background:#fafbfc;padding:0 4px}tr.explain-row #explain{margin:4px 0}\
.cm-tooltip .hover{max-width:560px;padding:2px 8px}.hover p,.hover pre{margin:.25em 0}\
@media (max-width:600px){#tree th:nth-child(1),#tree td:nth-child(1),#tree th:nth-child(5),#tree td.files{display:none}}";

/// The words the script shows, by the name it asks for.
const WORDS: &[(&str, &str)] = &[
    ("help", "wb-help"),
    ("saved", "wb-saved"),
    ("preview-fresh", "wb-preview-fresh"),
    ("preview-stale", "wb-preview-stale"),
    ("has-errors", "wb-has-errors"),
    ("reloaded", "wb-reloaded"),
    ("changed-on-disk", "wb-changed-on-disk"),
    ("explain-hint", "wb-explain-hint"),
    ("removed", "wb-upload-removed"),
    ("changed", "wb-upload-changed"),
    ("confirm", "wb-upload-confirm"),
    ("draft", "wb-upload-draft"),
    ("too-large", "wb-upload-too-large"),
];

fn words(lang: Lang) -> String {
    let map: serde_json::Map<String, serde_json::Value> = WORDS
        .iter()
        .map(|(k, id)| (k.to_string(), Text::new(id).render(lang).into()))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// What a page's script reads from its `<body>`: which page it is, and
/// what that page is about.
#[derive(Default)]
pub(crate) struct Data<'a> {
    pub(crate) page: &'a str,
    /// The file an editor page edits, relative to the served folder.
    pub(crate) path: Option<&'a str>,
    /// The hash of the file's text as the page read it.
    pub(crate) hash: Option<&'a str>,
    /// The rule language's keywords, as JSON (the editor's highlighting).
    pub(crate) keywords: Option<&'a str>,
    /// A unit's folder, relative, and the year shown.
    pub(crate) unit: Option<&'a str>,
    pub(crate) year: Option<u16>,
}

/// A whole page: the header bar, `main` under it, the script; `styles`
/// come before the workbench's own (a report's, which the page frames).
/// Every value is escaped by the template; only `main` and the styles,
/// built as markup, are not.
pub(crate) fn page(lang: Lang, token: &str, title: &str, data: &Data<'_>, styles: &[&str], main: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="sakip-token" content=(token);
                title { (title) }
                style {
                    @for s in styles { (PreEscaped(s)) }
                    (PreEscaped(STYLE))
                }
            }
            body data-page=(data.page) data-path=[data.path] data-hash=[data.hash] data-keywords=[data.keywords]
                data-unit=[data.unit] data-year=[data.year] data-words=(words(lang)) {
                (header(lang))
                main { (main) }
                script src="/assets/workbench.js" {}
            }
        }
    }
    .into_string()
}

/// The bar on top of every page.
fn header(lang: Lang) -> Markup {
    html! {
        header.bar {
            a href="/" { b { "sakip" } }
            " "
            span { (Text::new("serve-title").render(lang)) }
            span.right { (crate::reader::switch_link(lang)) }
        }
    }
}

/// A page that says what went wrong, in the reader's language, with the
/// way back to the overview: what a link to a page that cannot be shown
/// answers.
pub(crate) fn error_page(
    state: &crate::api::State,
    lang: Lang,
    status: axum::http::StatusCode,
    message: &str,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let title = Text::new("wb-error-title").render(lang);
    let main = html! {
        h1 { (title) }
        p.err { (message) }
        p { a href="/" { (Text::new("wb-back-to-overview").render(lang)) } }
    };
    let data = Data {
        page: "error",
        ..Data::default()
    };
    (
        status,
        axum::response::Html(page(lang, state.page_token(), &title, &data, &[], main)),
    )
        .into_response()
}

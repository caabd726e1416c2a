//! `GET /diff?path=&from=&to=`: what changed in the rules in force between
//! two years, as `sakip diff` lists it, as a page.

use crate::api::State;
use crate::layout::{esc, page};
use crate::reader::Reader;
use axum::extract::{Query, State as Shared};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use sakip_core::Text;
use serde::Deserialize;
use std::fmt::Write as _;

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
    let t = |id: &'static str| esc(&Text::new(id).render(lang));
    let title = format!("{} {} → {}", Text::new("wb-diff").render(lang), q.from, q.to);
    let mut body = format!("<h1>{}</h1>\n<p><code>{}</code></p>\n", esc(&title), esc(&q.path));
    match sakip_engine::changes::between(&dir, q.from, q.to) {
        Ok(changes) => {
            let _ = writeln!(body, "<p>{}</p>", esc(&changes.name));
            body.push_str("<div class=\"scroll\"><table>\n");
            let _ = writeln!(
                body,
                "<thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
                t("wb-diff-kind"),
                t("wb-diff-change")
            );
            for c in &changes.rules {
                // The kind in the reader's words, in its own column; the
                // change as `sakip diff` prints it, less its kind.
                let line = c.to_string();
                let what = line.strip_prefix(c.kind()).map(str::trim_start).unwrap_or(&line);
                let _ = writeln!(
                    body,
                    "<tr><td>{}</td><td><code>{}</code></td></tr>",
                    esc(&Text::new(kind_word(c.kind())).render(lang)),
                    esc(what)
                );
            }
            for s in &changes.scripts {
                let sign = if s.added { "+" } else { "-" };
                let _ = writeln!(
                    body,
                    "<tr><td>skrip</td><td><code>{sign} {}</code></td></tr>",
                    esc(&s.path)
                );
            }
            body.push_str("</tbody></table></div>\n");
            let _ = writeln!(
                body,
                "<p>{}</p>",
                esc(&Text::new("diff-changes").arg("n", changes.len()).render(lang))
            );
        }
        Err(errors) => {
            body.push_str("<ul>");
            for e in &errors {
                let _ = write!(
                    body,
                    "<li class=\"err\">{}: {}</li>",
                    esc(&e.location_text()),
                    esc(&e.message.render(lang))
                );
            }
            body.push_str("</ul>\n");
        }
    }
    Html(page(
        lang,
        state.page_token(),
        &title,
        &[("page", "diff".into())],
        &body,
    ))
    .into_response()
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

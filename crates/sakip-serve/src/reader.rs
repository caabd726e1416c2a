//! Who is reading: the language of the pages (Indonesian unless the reader
//! chose English with the switch on every page, kept in a cookie) and, when
//! the server is bound beyond this machine, the token a browser keeps in a
//! cookie after its first visit with `?token=`.

use crate::api::State;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use sakip_core::Lang;
use serde::Deserialize;
use std::convert::Infallible;

/// The cookie that keeps the reader's language.
const LANG_COOKIE: &str = "sakip-lang";
/// The cookie that keeps the token.
pub(crate) const TOKEN_COOKIE: &str = "sakip-token";

/// A cookie's value in a request.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find_map(|(k, v)| (k == name).then_some(v))
}

/// The language a page is written in for this reader.
pub(crate) struct Reader(pub Lang);

impl FromRequestParts<State> for Reader {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, Self::Rejection> {
        Ok(Reader(Reader::of(&parts.headers, state)))
    }
}

impl Reader {
    /// The language of the reader who sent `headers`.
    pub(crate) fn of(headers: &HeaderMap, state: &State) -> Lang {
        cookie(headers, LANG_COOKIE)
            .and_then(Lang::parse)
            .unwrap_or(state.lang())
    }
}

#[derive(Deserialize)]
pub(crate) struct Switch {
    to: String,
}

/// `GET /lang?to=en|id`: keeps the choice and goes back to the page.
pub(crate) async fn switch(headers: HeaderMap, Query(q): Query<Switch>) -> Response {
    let lang = Lang::parse(&q.to).unwrap_or_default();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    let back = headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| back_to(r, host))
        .unwrap_or_else(|| "/".to_string());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Strict",
        lang.code()
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}

/// The path of `referer` when it is a page of this server (`host`): only
/// then does the switch go back to it. `//evil.example` and `/\evil` are
/// addresses of other servers to a browser, so they are no path of ours.
fn back_to(referer: &str, host: &str) -> Option<String> {
    let rest = referer.strip_prefix("http://")?;
    let at = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(at);
    if !authority.eq_ignore_ascii_case(host) || !path.starts_with('/') {
        return None;
    }
    let unsafe_start = path.starts_with("//") || path.starts_with("/\\");
    let plain = path.bytes().all(|b| b.is_ascii_graphic());
    (!unsafe_start && plain).then(|| path.to_string())
}

/// The link to the other language, for every page's header.
pub(crate) fn switch_link(lang: Lang) -> maud::Markup {
    let (to, name) = match lang {
        Lang::Id => ("en", "English"),
        Lang::En => ("id", "Bahasa Indonesia"),
    };
    maud::html! { a href={ "/lang?to=" (to) } hreflang=(to) lang=(to) { (name) } }
}

#[cfg(test)]
mod tests {
    use super::back_to;

    #[test]
    fn the_switch_goes_back_only_to_a_page_of_this_server() {
        let host = "127.0.0.1:8080";
        assert_eq!(
            back_to("http://127.0.0.1:8080/unit?path=x", host).as_deref(),
            Some("/unit?path=x")
        );
        assert_eq!(back_to("http://127.0.0.1:8080", host), None);
        for other in [
            "http://evil.example/unit",
            "http://127.0.0.1:8081/unit",
            "https://127.0.0.1:8080/unit",
            "http://127.0.0.1:8080//evil.example/x",
            "http://127.0.0.1:8080/\\evil.example",
            "http://127.0.0.1:8080@evil.example/x",
            "javascript:alert(1)",
            "http://127.0.0.1:8080/a b",
        ] {
            assert_eq!(back_to(other, host), None, "{other}");
        }
    }
}

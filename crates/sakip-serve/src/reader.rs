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
        let chosen = cookie(&parts.headers, LANG_COOKIE).and_then(Lang::parse);
        Ok(Reader(chosen.unwrap_or(state.lang())))
    }
}

#[derive(Deserialize)]
pub(crate) struct Switch {
    to: String,
}

/// `GET /lang?to=en|id`: keeps the choice and goes back to the page.
pub(crate) async fn switch(headers: HeaderMap, Query(q): Query<Switch>) -> Response {
    let lang = Lang::parse(&q.to).unwrap_or_default();
    // Back to the page the switch was on, on this server only.
    let back = headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| "/".to_string());
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Strict",
        lang.code()
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}

/// The link to the other language, for every page's header.
pub(crate) fn switch_link(lang: Lang) -> String {
    match lang {
        Lang::Id => "<a href=\"/lang?to=en\" hreflang=\"en\" lang=\"en\">English</a>".to_string(),
        Lang::En => "<a href=\"/lang?to=id\" hreflang=\"id\" lang=\"id\">Bahasa Indonesia</a>".to_string(),
    }
}

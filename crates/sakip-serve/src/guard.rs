//! Who may act on the workbench. It runs on the laptop the officer browses
//! the web with, so every other page open in that browser is a possible
//! attacker, and so is any name a DNS server can point at 127.0.0.1.
//!
//! - **The Host.** A request whose `Host` is not an address of this server
//!   (an IP literal with its port, or `localhost` with its port) is refused
//!   before anything runs: a DNS name cannot be rebound to us.
//! - **The page's token.** Every request that is not GET or HEAD carries
//!   the token of this run of the server in `X-Sakip-Token`. Pages carry it
//!   in `<meta name="sakip-token">`, which another origin cannot read; a
//!   cookie alone never authorises a change, since a browser sends cookies
//!   for `localhost` from any port. A present `Origin` that is not ours and
//!   a `Sec-Fetch-Site` that is not `same-origin` are refused as well.
//! - **The access token** (`--bind` beyond this machine): every request,
//!   GETs included, shows it, as `?token=`, a bearer header, or the cookie
//!   a browser keeps after its first visit.
//!
//! Tokens come from the operating system's randomness and are compared in
//! constant time.

use crate::api::State;
use crate::reader::{cookie, Reader, TOKEN_COOKIE};
use axum::extract::{Request, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sakip_core::{Lang, Text};
use std::net::{IpAddr, SocketAddr};

/// The header a page's script sends its token in.
pub(crate) const TOKEN_HEADER: &str = "x-sakip-token";

/// What a request must show to be served.
pub(crate) struct Guard {
    /// The address the server listens on.
    bound: SocketAddr,
    /// Made at start; every page carries it, every change shows it.
    page_token: String,
    /// `--bind` beyond this machine: every request shows it.
    access_token: Option<String>,
}

impl Guard {
    pub(crate) fn new(bound: SocketAddr, access_token: Option<String>) -> Result<Self, String> {
        Ok(Self {
            bound,
            page_token: new_token()?,
            access_token,
        })
    }

    pub(crate) fn page_token(&self) -> &str {
        &self.page_token
    }

    /// Whether `host` (a request's `Host` header) names this server: an IP
    /// literal it listens on, or `localhost`, with its port. Bound to every
    /// address (`0.0.0.0`, `::`), any IP literal with the port is ours; a
    /// name other than `localhost` never is, whatever it resolves to.
    pub(crate) fn is_own_host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let Some((name, port)) = split_port(&host) else {
            return false;
        };
        if port != self.bound.port() {
            return false;
        }
        let ip = self.bound.ip();
        if name == "localhost" {
            return ip.is_loopback() || ip.is_unspecified();
        }
        let Ok(asked) = name.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() else {
            return false;
        };
        if name.starts_with('[') != asked.is_ipv6() {
            return false;
        }
        if ip.is_unspecified() {
            return true;
        }
        asked == ip || (ip.is_loopback() && asked.is_loopback())
    }
}

/// `host:port` split at the port; `[::1]:8080` keeps its brackets.
fn split_port(host: &str) -> Option<(&str, u16)> {
    let (name, port) = host.rsplit_once(':')?;
    if name.is_empty() || (name.contains(':') && !name.starts_with('[')) {
        return None;
    }
    Some((name, port.parse().ok()?))
}

/// 128 bits from the operating system, in hex.
pub(crate) fn new_token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| format!("no randomness from the operating system: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `given` is `token`, in time that does not depend on where they differ.
fn same(given: Option<&str>, token: &str) -> bool {
    given.is_some_and(|g| constant_time_eq::constant_time_eq(g.as_bytes(), token.as_bytes()))
}

/// The first middleware: refuses what is not the server's own, before any
/// handler runs.
pub(crate) async fn guard(Shared(state): Shared<State>, request: Request, next: Next) -> Response {
    let guard = state.guard();
    let lang = Reader::of(request.headers(), &state);
    let headers = request.headers();
    // Exactly one Host, and ours: with two, which one a layer reads is
    // anyone's guess.
    let mut hosts = headers.get_all(header::HOST).iter();
    let host = hosts.next().and_then(|h| h.to_str().ok()).unwrap_or("");
    if hosts.next().is_some() || !guard.is_own_host(host) {
        return refusal(StatusCode::MISDIRECTED_REQUEST, "guard-host", lang);
    }
    let mut access_from_query = false;
    if let Some(token) = &guard.access_token {
        let bearer = headers
            .get(header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "));
        let query = request
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("token=")));
        let kept = cookie(headers, TOKEN_COOKIE);
        if !(same(bearer, token) || same(query, token) || same(kept, token)) {
            return refusal(StatusCode::UNAUTHORIZED, "guard-access-token", lang);
        }
        access_from_query = same(query, token) && !same(kept, token);
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        if let Some(why) = not_from_our_page(headers, host, guard) {
            return refusal(StatusCode::FORBIDDEN, why, lang);
        }
    }
    let mut response = next.run(request).await;
    // A browser that came with `?token=` keeps it for the page's own
    // requests (its script, its events, its links).
    if let (true, Some(token)) = (access_from_query, &guard.access_token) {
        let set = format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
        if let Ok(value) = HeaderValue::from_str(&set) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Why a request that changes something did not come from one of our
/// pages, if it did not: the message's id.
fn not_from_our_page(headers: &HeaderMap, host: &str, guard: &Guard) -> Option<&'static str> {
    let text = |name: &str| headers.get(name).and_then(|h| h.to_str().ok());
    if let Some(origin) = text("origin") {
        // `null` (a file:// page, a sandboxed frame) is not ours either.
        let ours = origin
            .strip_prefix("http://")
            .is_some_and(|o| o.eq_ignore_ascii_case(host.trim()));
        if !ours {
            return Some("guard-origin");
        }
    }
    if let Some(site) = text("sec-fetch-site") {
        if !matches!(site, "same-origin" | "none") {
            return Some("guard-origin");
        }
    }
    if !same(text(TOKEN_HEADER), guard.page_token()) {
        return Some("guard-page-token");
    }
    None
}

/// A refusal in the reader's language, as JSON for the page's script.
fn refusal(status: StatusCode, id: &'static str, lang: Lang) -> Response {
    crate::api::error(status, &Text::new(id).render(lang))
}

/// What every response carries: no page of ours in another's frame, no
/// script but our own, no type guessed, no address leaked onward.
pub(crate) async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let set = [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn guard(addr: &str) -> Guard {
        Guard {
            bound: addr.parse().unwrap(),
            page_token: "t".into(),
            access_token: None,
        }
    }

    #[test]
    fn only_our_own_addresses_are_our_host() {
        let g = guard("127.0.0.1:8080");
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "127.0.0.2:8080",
            "[::1]:8080",
        ] {
            assert!(g.is_own_host(ok), "{ok}");
        }
        for no in [
            "evil.example:8080",
            "evil.example",
            "localhost",
            "localhost:8081",
            "127.0.0.1",
            "10.0.0.1:8080",
            "::1:8080",
            "[127.0.0.1]:8080",
            "127.0.0.1:8080.evil.example",
            "",
        ] {
            assert!(!g.is_own_host(no), "{no}");
        }
        let any = guard("0.0.0.0:9000");
        assert!(any.is_own_host("192.168.1.5:9000") && any.is_own_host("localhost:9000"));
        assert!(!any.is_own_host("intranet.example:9000"));
        let one = guard("192.168.1.5:9000");
        assert!(one.is_own_host("192.168.1.5:9000"));
        assert!(!one.is_own_host("localhost:9000") && !one.is_own_host("192.168.1.6:9000"));
    }

    #[test]
    fn tokens_are_random_and_compared_whole() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
        assert!(same(Some(&a), &a));
        assert!(!same(Some(&a[..31]), &a));
        assert!(!same(Some(&format!("{a}x")), &a));
        assert!(!same(None, &a));
    }
}

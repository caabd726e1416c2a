//! The page script, built at development time from `web/` (CodeMirror 6
//! and the workbench's own code, bundled by esbuild into
//! `assets/workbench.js`) and embedded in the binary: nothing is fetched
//! from elsewhere at run time. It is sent gzip-compressed to browsers that
//! accept it (all do), compressed once, on first use.

use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use std::io::Write;
use std::sync::OnceLock;

/// The bundle; rebuild with `npm run build --prefix crates/sakip-serve/web`.
pub(crate) const WORKBENCH_JS: &str = include_str!("../assets/workbench.js");

fn gzipped() -> &'static [u8] {
    static GZ: OnceLock<Vec<u8>> = OnceLock::new();
    GZ.get_or_init(|| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail; an empty result falls back to plain.
        let _ = encoder.write_all(WORKBENCH_JS.as_bytes());
        encoder.finish().unwrap_or_default()
    })
}

/// `GET /assets/workbench.js`.
pub(crate) async fn workbench_js(headers: HeaderMap) -> Response {
    let accepts_gzip = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.split(',').any(|e| e.trim().starts_with("gzip")));
    let kind = (header::CONTENT_TYPE, "text/javascript; charset=utf-8");
    let cache = (header::CACHE_CONTROL, "no-cache");
    let gz = gzipped();
    if accepts_gzip && !gz.is_empty() {
        ([kind, cache, (header::CONTENT_ENCODING, "gzip")], gz).into_response()
    } else {
        ([kind, cache], WORKBENCH_JS).into_response()
    }
}

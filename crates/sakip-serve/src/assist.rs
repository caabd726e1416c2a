//! The editor's help as the person types: hover and completion on the
//! text in the page's editor, unsaved. Both are `sakip_ide`'s, the same
//! functions the language server answers with; here their bytes become
//! the editor's positions (CodeMirror counts UTF-16 code units, as
//! JavaScript strings do).

use crate::api::State;
use crate::paths::inside;
use crate::reader::Reader;
use axum::extract::State as Shared;
use axum::response::{IntoResponse, Response};
use axum::Json;
use camino::Utf8Path;
use sakip_ide::{complete, hover, Document};
use serde::Deserialize;
use serde_json::{json, Value};

/// A place in the editor's text: the file, the text as typed, and the
/// cursor in UTF-16 code units from the start.
#[derive(Deserialize)]
pub(crate) struct At {
    path: String,
    text: String,
    at: usize,
}

/// The byte offset of `units` UTF-16 code units into `text` (clamped; a
/// place inside a character moves to its start).
fn byte_of(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen + c.len_utf16() > units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 code units before byte `offset` of `text`.
fn units_of(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.get(..at).map_or(0, |t| t.encode_utf16().count())
}

/// Answers for `at`: the document as the rule set reads it with the
/// page's text, and the cursor's byte offset in it.
fn with_document(state: &State, at: &At, answer: impl FnOnce(&Document<'_>, usize) -> Value) -> Response {
    let path = match inside(state.root(), &at.path) {
        Ok(p) => p,
        Err(r) => return crate::api::refused(r, state.lang()),
    };
    let analysis = state.analysis_with(&path, &at.text);
    let doc = Document::new(Utf8Path::new(&path), analysis.as_deref(), || Some(at.text.clone()));
    let Some(doc) = doc else {
        return Json(Value::Null).into_response();
    };
    // The rule set read the page's text: the same bytes.
    let offset = byte_of(&doc.text, at.at);
    Json(answer(&doc, offset)).into_response()
}

/// `POST /api/hover`: what hovering at the cursor shows (Markdown), and
/// the word it is about; `null` where there is nothing to say.
pub(crate) async fn hover(Shared(state): Shared<State>, Reader(lang): Reader, Json(at): Json<At>) -> Response {
    let job = state.clone();
    crate::work::typing(&state, lang, move || {
        with_document(&job, &at, |doc, offset| match hover::hover(doc, offset) {
            Some(h) => json!({
                "markdown": h.markdown,
                "from": h.range.map(|r| units_of(&doc.text, r.start)),
                "to": h.range.map(|r| units_of(&doc.text, r.end)),
            }),
            None => Value::Null,
        })
    })
    .await
}

/// `POST /api/complete`: the words that may be typed at the cursor, and
/// the part of the word typed so far, which a chosen one replaces.
pub(crate) async fn complete(Shared(state): Shared<State>, Reader(lang): Reader, Json(at): Json<At>) -> Response {
    let job = state.clone();
    crate::work::typing(&state, lang, move || {
        with_document(&job, &at, |doc, offset| match complete::completion(doc, offset) {
            Some(c) => json!({
                "from": units_of(&doc.text, c.replace.start),
                "to": units_of(&doc.text, c.replace.end),
                "items": c.items,
            }),
            None => Value::Null,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_units_and_bytes_agree_past_wide_characters() {
        // `é` is 2 bytes and 1 unit; `𝄞` is 4 bytes and 2 units.
        let text = "é𝄞x";
        assert_eq!(byte_of(text, 0), 0);
        assert_eq!(byte_of(text, 1), 2);
        assert_eq!(byte_of(text, 3), 6);
        assert_eq!(byte_of(text, 99), text.len());
        // Inside the surrogate pair: the character's start.
        assert_eq!(byte_of(text, 2), 2);
        assert_eq!(units_of(text, 6), 3);
        assert_eq!(units_of(text, 7), 4);
    }
}

//! Highlighting: the lexicon's tokens, with each name coloured by what
//! the symbol index says it is (an indikator, a sasaran, a band, a script
//! function); a word after `satuan` or after a number is a unit.

use crate::document::{Document, Range};
use sakip_rules::lexicon::{self, TokenKind};
use sakip_rules::symbols::SymbolKind;
use serde::Serialize;

/// What a token is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Keyword,
    Number,
    String,
    Comment,
    /// An indikator's id, or a name the index does not know.
    Name,
    Sasaran,
    Band,
    Function,
    Unit,
    Operator,
}

impl Kind {
    /// Every kind, in a fixed order (the protocol's legend is by index).
    pub const ALL: [Kind; 10] = [
        Kind::Keyword,
        Kind::Number,
        Kind::String,
        Kind::Comment,
        Kind::Name,
        Kind::Sasaran,
        Kind::Band,
        Kind::Function,
        Kind::Unit,
        Kind::Operator,
    ];
}

/// One token: its bytes and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub range: Range,
    pub kind: Kind,
}

/// The tokens of `doc`, in order (none for a script).
pub fn tokens(doc: &Document<'_>) -> Vec<Token> {
    if !doc.is_rule_file() {
        return Vec::new();
    }
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut previous: Option<&str> = None;
    let mut previous_kind = None;
    for t in &lexicon::tokens(text) {
        let word = text.get(t.start..t.end).unwrap_or("");
        let kind = match t.kind {
            TokenKind::Keyword => Kind::Keyword,
            TokenKind::Number | TokenKind::Money => Kind::Number,
            TokenKind::String | TokenKind::Colour => Kind::String,
            TokenKind::Comment => Kind::Comment,
            TokenKind::Operator => Kind::Operator,
            TokenKind::Name => {
                let known = match (doc.analysis, doc.file) {
                    (Some(a), Some(f)) => a.symbol_at(f, t.start).map(|(k, _, _)| k),
                    _ => None,
                };
                match known {
                    Some(SymbolKind::Indikator) => Kind::Name,
                    Some(SymbolKind::Sasaran) => Kind::Sasaran,
                    Some(SymbolKind::Band) => Kind::Band,
                    Some(SymbolKind::Fungsi) => Kind::Function,
                    None if previous == Some("satuan") || previous_kind == Some(TokenKind::Number) => Kind::Unit,
                    None => Kind::Name,
                }
            }
        };
        previous = Some(word);
        previous_kind = Some(t.kind);
        out.push(Token {
            range: Range::new(t.start, t.end),
            kind,
        });
    }
    out
}

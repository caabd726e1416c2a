//! Semantic tokens: the lexicon's tokens, with each name coloured by what
//! the symbol index says it is (an indikator, a sasaran, a band, a script
//! function); a word after `satuan` or a number is a unit.

use crate::position::LineIndex;
use crate::server::Server;
use lsp_types::{
    SemanticToken, SemanticTokenType, SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensResult,
};
use sakip_rules::lexicon::{self, TokenKind};
use sakip_rules::symbols::SymbolKind;

/// The token types, in the order their indices refer to.
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::NUMBER,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::TYPE,
    SemanticTokenType::OPERATOR,
];

pub(crate) fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: Vec::new(),
    }
}

fn index(t: &SemanticTokenType) -> u32 {
    TYPES
        .iter()
        .position(|x| x == t)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(0)
}

pub(crate) fn full(server: &Server, p: &SemanticTokensParams) -> Option<SemanticTokensResult> {
    let cursor = server.cursor(&p.text_document.uri, Default::default())?;
    // A Rhai script is not a rule file: its words are not these.
    if cursor.path.extension() != Some("sakip") {
        return None;
    }
    let text = cursor.text.as_str();
    let idx = LineIndex::new(text);
    let tokens = lexicon::tokens(text);
    let mut data = Vec::new();
    let (mut line, mut col) = (0u32, 0u32);
    let mut previous: Option<&str> = None;
    let mut previous_kind = None;
    for t in &tokens {
        let word = text.get(t.start..t.end).unwrap_or("");
        let kind = match t.kind {
            TokenKind::Keyword => SemanticTokenType::KEYWORD,
            TokenKind::Number | TokenKind::Money => SemanticTokenType::NUMBER,
            TokenKind::String | TokenKind::Colour => SemanticTokenType::STRING,
            TokenKind::Comment => SemanticTokenType::COMMENT,
            TokenKind::Operator => SemanticTokenType::OPERATOR,
            TokenKind::Name => {
                let known = match (cursor.analysis, cursor.file) {
                    (Some(a), Some(f)) => a.symbol_at(f, t.start).map(|(k, _, _)| k),
                    _ => None,
                };
                match known {
                    Some(SymbolKind::Indikator) => SemanticTokenType::VARIABLE,
                    Some(SymbolKind::Sasaran) => SemanticTokenType::NAMESPACE,
                    Some(SymbolKind::Band) => SemanticTokenType::ENUM_MEMBER,
                    Some(SymbolKind::Fungsi) => SemanticTokenType::FUNCTION,
                    None if previous == Some("satuan") || previous_kind == Some(TokenKind::Number) => {
                        SemanticTokenType::TYPE
                    }
                    None => SemanticTokenType::VARIABLE,
                }
            }
        };
        previous = Some(word);
        previous_kind = Some(t.kind);
        let start = idx.position(t.start);
        let end = idx.position(t.end);
        // A token never spans lines (strings and comments end at theirs).
        let length = if end.line == start.line {
            end.character - start.character
        } else {
            0
        };
        if length == 0 {
            continue;
        }
        let delta_line = start.line - line;
        let delta_start = if delta_line == 0 {
            start.character - col
        } else {
            start.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: index(&kind),
            token_modifiers_bitset: 0,
        });
        line = start.line;
        col = start.character;
    }
    Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data }))
}

//! Byte offsets and the protocol's positions. LSP counts a line's
//! characters in UTF-16 code units (unless both sides agree otherwise);
//! sakip's spans are byte offsets. A line with `é` or an em dash is where
//! the two differ, and where an editor's underline would drift.

use lsp_types::{Position, Range};

/// A text's lines as the protocol counts them: over sakip's one index
/// ([`sakip_rules::lines::LineIndex`]), shared with the command line's
/// rendering and the workbench.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    lines: sakip_rules::lines::LineIndex,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: sakip_rules::lines::LineIndex::new(text),
        }
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let (line, units) = self.lines.utf16(self.text, offset);
        Position::new(line, units)
    }

    /// The byte offset of `position` (clamped to its line and the text).
    pub fn offset(&self, position: Position) -> usize {
        self.lines.offset_of_utf16(self.text, position.line, position.character)
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The range of a 1-based line and column (in characters) to the end
    /// of the word there: where a problem without a span is shown.
    pub fn range_at_line_col(&self, line: u32, col: u32) -> Range {
        if line == 0 {
            return Range::new(Position::new(0, 0), Position::new(0, 0));
        }
        let at = self.lines.offset_of(self.text, line, col);
        let word = self
            .text
            .get(at..)
            .unwrap_or("")
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        self.range(at, at + word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_after_wide_characters() {
        // `é` is one UTF-16 unit and two bytes; `𝄞` is two units and four bytes.
        let text = "ab\n\"é𝄞\" x\nlast";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(idx.position(x), Position::new(1, 6));
        assert_eq!(idx.offset(Position::new(1, 6)), x);
        assert_eq!(idx.offset(Position::new(9, 0)), text.len());
        assert_eq!(idx.offset(Position::new(0, 99)), 2);
        assert_eq!(idx.position(999), Position::new(2, 4));
    }
}

//! Byte offsets and the protocol's positions. LSP counts a line's
//! characters in UTF-16 code units (unless both sides agree otherwise);
//! sakip's spans are byte offsets. A line with `é` or an em dash is where
//! the two differ, and where an editor's underline would drift.

use lsp_types::{Position, Range};

/// The starts of a text's lines, for turning offsets into positions and back.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// The position of byte `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let units: usize = self
            .text
            .get(start..offset)
            .map(|s| s.chars().map(char::len_utf16).sum())
            .unwrap_or(0);
        Position::new(to_u32(line), to_u32(units))
    }

    /// The byte offset of `position` (clamped to its line and the text).
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map(|e| e.saturating_sub(1))
            .unwrap_or(self.text.len());
        let line = self.text.get(start..end).unwrap_or("");
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= position.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
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
        let start = self.starts.get(line as usize - 1).copied().unwrap_or(self.text.len());
        let rest = self.text.get(start..).unwrap_or("");
        let skip = (col as usize).saturating_sub(1);
        let at = start + rest.char_indices().nth(skip).map(|(i, _)| i).unwrap_or(rest.len());
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

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

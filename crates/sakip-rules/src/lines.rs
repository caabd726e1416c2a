//! One index of a text's lines for every front end: the command line's
//! rendering counts columns in characters (1-based), the language server
//! in UTF-16 code units (0-based, the protocol's), the workbench in
//! characters again; sakip's spans are byte offsets. A line with `é` or
//! an em dash is where these differ, and where an underline would drift if
//! each front end counted its own way.

/// The starts of a text's lines, for turning byte offsets into lines and
/// columns and back.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`'s lines.
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The 0-based line that holds byte `offset`, and where it starts.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        (line, self.starts.get(line).copied().unwrap_or(0))
    }

    /// 1-based line and column, in characters, of byte `offset` of `text`
    /// (clamped to the text): how people and the command line count.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let (line, start) = self.line_of(offset);
        let col = text.get(start..offset).map(|s| s.chars().count()).unwrap_or(0);
        (to_u32(line + 1), to_u32(col + 1))
    }

    /// The byte offset of a 1-based line and column in characters; the
    /// text's end when it lies beyond it.
    pub fn offset_of(&self, text: &str, line: u32, col: u32) -> usize {
        let Some(start) = (line as usize).checked_sub(1).and_then(|l| self.starts.get(l).copied()) else {
            return text.len();
        };
        let rest = text.get(start..).unwrap_or("");
        let skip = (col as usize).saturating_sub(1);
        start + rest.char_indices().nth(skip).map(|(i, _)| i).unwrap_or(rest.len())
    }

    /// 0-based line and column in UTF-16 code units of byte `offset`
    /// (clamped): the Language Server Protocol's position.
    pub fn utf16(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let (line, start) = self.line_of(offset);
        let units: usize = text
            .get(start..offset)
            .map(|s| s.chars().map(char::len_utf16).sum())
            .unwrap_or(0);
        (to_u32(line), to_u32(units))
    }

    /// The byte offset of a 0-based line and UTF-16 column (clamped to its
    /// line and the text).
    pub fn offset_of_utf16(&self, text: &str, line: u32, units: u32) -> usize {
        let Some(&start) = self.starts.get(line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(line as usize + 1)
            .map(|e| e.saturating_sub(1))
            .unwrap_or(text.len());
        let mut seen = 0usize;
        for (i, c) in text.get(start..end).unwrap_or("").char_indices() {
            if seen >= units as usize {
                return start + i;
            }
            seen += c.len_utf16();
        }
        end
    }

    /// The byte offset where 0-based `line` starts, if the text has it.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_and_utf16_units_after_wide_characters() {
        // `é` is one character, one UTF-16 unit and two bytes; `𝄞` is one
        // character, two units and four bytes.
        let text = "ab\n\"é𝄞\" x\nlast";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(idx.line_col(text, x), (2, 6));
        assert_eq!(idx.offset_of(text, 2, 6), x);
        assert_eq!(idx.utf16(text, x), (1, 6));
        assert_eq!(idx.offset_of_utf16(text, 1, 6), x);
        assert_eq!(idx.offset_of_utf16(text, 9, 0), text.len());
        assert_eq!(idx.offset_of_utf16(text, 0, 99), 2);
        assert_eq!(idx.utf16(text, 999), (2, 4));
        assert_eq!(idx.line_col(text, 999), (3, 5));
        assert_eq!(idx.offset_of(text, 9, 1), text.len());
    }
}

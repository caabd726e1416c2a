//! The one place that knows where strings and comments are in a rule file's
//! text, for the passes that read text before or beside the parser (limits,
//! the unclosed-brace hint, the formatter's comments).

/// A piece of a rule file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece {
    /// One byte outside strings and comments.
    Code(usize, u8),
    /// A string literal `"..."` (it ends at its closing quote, or at the end
    /// of its line when it has none).
    Str { start: usize, end: usize },
    /// A `//` comment, without its line break.
    Comment { start: usize, end: usize },
}

/// The pieces of `text` in order.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = Piece> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let &b = bytes.get(i)?;
        let start = i;
        if b == b'"' {
            i += 1;
            while let Some(&c) = bytes.get(i) {
                if c == b'\\' {
                    i += 2;
                    continue;
                }
                if c == b'\n' {
                    break;
                }
                i += 1;
                if c == b'"' {
                    break;
                }
            }
            let end = i.min(bytes.len());
            return Some(Piece::Str { start, end });
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while bytes.get(i).is_some_and(|c| *c != b'\n') {
                i += 1;
            }
            return Some(Piece::Comment { start, end: i });
        }
        i += 1;
        Some(Piece::Code(start, b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_hide_comment_marks_and_comments_hide_quotes() {
        let text = "a \"x // y \\\" z\" // c \"q\nb";
        let kinds: Vec<Piece> = pieces(text).filter(|p| !matches!(p, Piece::Code(_, b' '))).collect();
        assert_eq!(
            kinds,
            vec![
                Piece::Code(0, b'a'),
                Piece::Str { start: 2, end: 15 },
                Piece::Comment { start: 16, end: 23 },
                Piece::Code(23, b'\n'),
                Piece::Code(24, b'b'),
            ]
        );
    }
}

//! The words of the language and a rule file's tokens as an editor colours
//! them: comments, strings, numbers (years, money, percentages), keywords,
//! names, colours and operators. It reads text, not a syntax tree, so that
//! a half-typed file (an editor's normal case) is coloured as far as it
//! goes; the grammar's keyword rule and [`KEYWORDS`] are held equal by a
//! test.

use crate::scan::{pieces, Piece};

/// Every keyword, as `rules.pest` lists them.
pub const KEYWORDS: &[&str] = &[
    "aturan",
    "anggaran",
    "atau",
    "berdasarkan",
    "bulat",
    "bobot",
    "belanja",
    "berjalan",
    "capaian",
    "dasar",
    "dicetak",
    "dan",
    "diukur",
    "dari",
    "efisiensi",
    "gagal",
    "harap",
    "indikator",
    "jika",
    "jumlah",
    "kanwil",
    "konversi",
    "klasifikasi",
    "kegiatan",
    "komponen",
    "lain",
    "langkah",
    "mulai",
    "maka",
    "nasional",
    "nilai",
    "naik",
    "output",
    "pembulatan",
    "potong",
    "program",
    "polaritas",
    "perjanjian",
    "pagu",
    "prorata",
    "renstra",
    "rentang",
    "realisasi",
    "rumus",
    "rata",
    "smt1",
    "smt2",
    "satker",
    "skrip",
    "skala",
    "sasaran",
    "strategis",
    "satuan",
    "sama_dengan",
    "semester",
    "tw1",
    "tw2",
    "tw3",
    "tw4",
    "target",
    "tahun",
    "tahunan",
    "turun",
    "tidak",
    "terakhir",
    "tertinggi",
    "terendah",
    "triwulan",
    "uji",
];

/// The colour words a band may use, and their codes.
pub const COLOURS: [(&str, &str); 6] = [
    ("hijau", "#2e7d32"),
    ("biru", "#1565c0"),
    ("kuning", "#f9a825"),
    ("oranye", "#ef6c00"),
    ("merah", "#c62828"),
    ("abu", "#757575"),
];

/// The period names a data file and a formula use.
pub const PERIODS: &[&str] = &["tw1", "tw2", "tw3", "tw4", "smt1", "smt2", "tahun"];

/// The keywords a formula is written with (`jika ... maka ... lain`, the
/// operators' words, the fields, the aggregates and their periods): what
/// completion offers in a `rumus`.
pub const FORMULA_WORDS: &[&str] = &[
    "target",
    "realisasi",
    "jika",
    "maka",
    "lain",
    "dan",
    "atau",
    "tidak",
    "jumlah",
    "rata",
    "terakhir",
    "tertinggi",
    "terendah",
    "triwulan",
    "semester",
];

/// Whether `word` may stand inside a formula or between `rumus` and its
/// `=`: the formula's words, a field after a dot (`capaian`), a period, a
/// call to `bulat` or `potong`, `mulai <tahun>`.
pub fn in_formula(word: &str) -> bool {
    FORMULA_WORDS.contains(&word) || PERIODS.contains(&word) || matches!(word, "capaian" | "bulat" | "potong" | "mulai")
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Comment,
    String,
    /// A number, a year, a percentage sign after a number.
    Number,
    /// `Rp 1.938.261.000,-`.
    Money,
    Keyword,
    /// An id, a sasaran code, a unit word, a function.
    Name,
    /// `#2e7d32`.
    Colour,
    Operator,
}

/// One token: bytes `start..end` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// Whether `word` is a keyword. Asked of every word of every file before
/// it is parsed (the limits' scan): only the keywords of its length and
/// first letter are compared with it.
pub fn is_keyword(word: &str) -> bool {
    static BY_LENGTH: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_length = BY_LENGTH.get_or_init(|| {
        let mut table: Vec<Vec<&'static str>> = Vec::new();
        for k in KEYWORDS {
            if table.len() <= k.len() {
                table.resize(k.len() + 1, Vec::new());
            }
            if let Some(words) = table.get_mut(k.len()) {
                words.push(k);
            }
        }
        table
    });
    let first = word.as_bytes().first();
    by_length
        .get(word.len())
        .is_some_and(|words| words.iter().any(|k| k.as_bytes().first() == first && *k == word))
}

/// The keywords that are also natural units, written after a number
/// (`80 nilai`, `12 kegiatan`): the grammar's `natural_unit`.
pub const NATURAL_UNITS: &[&str] = &["nilai", "kegiatan", "output"];

/// Whether `word` may stand after a number as its unit (`144 orang`): a
/// word that is no keyword, or a natural unit. `30 indikator` would read
/// as a number and then the start of something else.
pub fn is_unit_word(word: &str) -> bool {
    let mut chars = word.chars();
    let shaped =
        chars.next().is_some_and(|c| c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    shaped && (!is_keyword(word) || NATURAL_UNITS.contains(&word))
}

/// The words a line inside an `indikator` block starts with (the grammar's
/// `indikator_item`): the parser's "did you mean" and completion offer them.
pub const INDIKATOR_WORDS: [&str; 11] = [
    "satuan",
    "polaritas",
    "realisasi",
    "target",
    "rumus",
    "bobot",
    "dasar",
    "sama_dengan",
    "komponen",
    "skala",
    "indikator",
];

/// The braces of `text` that open and close blocks, with their byte
/// offsets, in order: those inside strings and comments do not count.
pub fn braces(text: &str) -> Vec<(usize, u8)> {
    let quoted: Vec<(usize, usize)> = tokens(text)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::String | TokenKind::Comment))
        .map(|t| (t.start, t.end))
        .collect();
    // The quoted ranges are in order: one pointer walks them with the bytes.
    let mut q = quoted.iter().peekable();
    let mut out = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        if b != b'{' && b != b'}' {
            continue;
        }
        while q.peek().is_some_and(|(_, e)| *e <= i) {
            q.next();
        }
        if q.peek().is_none_or(|(s, _)| *s > i) {
            out.push((i, b));
        }
    }
    out
}

/// The tokens of `text`, in order; bytes that are none (spaces, braces) are skipped.
pub fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut code_from: Option<usize> = None;
    let flush = |from: &mut Option<usize>, to: usize, out: &mut Vec<Token>| {
        if let Some(start) = from.take() {
            code_tokens(text, start, to, out);
        }
    };
    for piece in pieces(text) {
        match piece {
            Piece::Code(at, _) => {
                code_from.get_or_insert(at);
            }
            Piece::Str { start, end } => {
                flush(&mut code_from, start, &mut out);
                // `"#2e7d32"` is a colour written in quotes.
                let inner = text.get(start + 1..end.saturating_sub(1)).unwrap_or("");
                let kind = if is_hex_colour(inner) {
                    TokenKind::Colour
                } else {
                    TokenKind::String
                };
                out.push(Token { kind, start, end });
            }
            Piece::Comment { start, end } => {
                flush(&mut code_from, start, &mut out);
                out.push(Token {
                    kind: TokenKind::Comment,
                    start,
                    end,
                });
            }
        }
    }
    flush(&mut code_from, bytes.len(), &mut out);
    out
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The tokens of a stretch of code (no strings, no comments).
fn code_tokens(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = from;
    let push = |out: &mut Vec<Token>, kind, start, end| out.push(Token { kind, start, end });
    while i < to {
        let Some(&b) = bytes.get(i) else { break };
        let start = i;
        if b == b'R' && bytes.get(i + 1) == Some(&b'p') && !bytes.get(i + 2).copied().is_some_and(is_word) {
            // Money: `Rp`, an optional point, spaces, digits with `.` and `,`, and `,-`.
            i += 2;
            if bytes.get(i) == Some(&b'.') {
                i += 1;
            }
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            while i < to
                && bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_digit() || ((*c == b'.' || *c == b',') && next_is_digit(bytes, i)))
            {
                i += 1;
            }
            if bytes.get(i) == Some(&b',') && bytes.get(i + 1) == Some(&b'-') {
                i += 2;
            }
            push(out, TokenKind::Money, start, i);
        } else if b.is_ascii_digit() {
            while i < to
                && bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_digit() || (*c == b'.' && next_is_digit(bytes, i)))
            {
                i += 1;
            }
            // A percentage sign belongs to its number (`75%`).
            let mut j = i;
            while bytes.get(j).is_some_and(|c| *c == b' ' || *c == b'\t') {
                j += 1;
            }
            if bytes.get(j) == Some(&b'%') {
                i = j + 1;
            }
            push(out, TokenKind::Number, start, i);
        } else if b == b'#' && text.get(i..i + 7).is_some_and(is_hex_colour) {
            i += 7;
            push(out, TokenKind::Colour, start, i);
        } else if b.is_ascii_alphabetic() || b == b'_' {
            while i < to && bytes.get(i).copied().is_some_and(is_word) {
                i += 1;
            }
            let word = text.get(start..i).unwrap_or("");
            let kind = if is_keyword(word) {
                TokenKind::Keyword
            } else {
                TokenKind::Name
            };
            push(out, kind, start, i);
        } else if b"=<>!+-*/?%.".contains(&b) {
            i += 1;
            while i < to && bytes.get(i).is_some_and(|c| b"=<>.".contains(c)) {
                i += 1;
            }
            push(out, TokenKind::Operator, start, i);
        } else {
            i += 1;
        }
    }
}

fn next_is_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// The word (letters, digits, `_`) that ends at byte `offset`, and where
/// it starts: what is being typed at an editor's cursor.
pub fn word_before(text: &str, offset: usize) -> (usize, &str) {
    let bytes = text.as_bytes();
    let offset = offset.min(text.len());
    let mut start = offset;
    while start > 0 && bytes.get(start - 1).copied().is_some_and(is_word) {
        start -= 1;
    }
    (start, text.get(start..offset).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokens(text)
            .into_iter()
            .map(|t| (t.kind, text.get(t.start..t.end).unwrap_or("?")))
            .collect()
    }

    #[test]
    fn every_keyword_of_the_grammar_and_no_other() {
        let grammar = include_str!("rules.pest");
        let start = grammar.find("keyword = @{").unwrap_or(0);
        let end = grammar
            .get(start..)
            .and_then(|g| g.find("\n}"))
            .map(|e| start + e)
            .unwrap_or(0);
        let block = grammar.get(start..end).unwrap_or("");
        let mut from_grammar: Vec<&str> = block.split('"').skip(1).step_by(2).filter(|w| w.len() > 1).collect();
        from_grammar.sort_unstable();
        let mut ours = KEYWORDS.to_vec();
        ours.sort_unstable();
        assert_eq!(ours, from_grammar);
        // The search agrees with the list, and knows no other word.
        assert!(KEYWORDS.iter().all(|k| is_keyword(k)));
        for word in ["", "a", "aturanx", "Aturan", "zz", "targe", "i001", "orang"] {
            assert!(!is_keyword(word), "{word}");
        }
    }

    #[test]
    fn tokens_of_a_rule_file() {
        use TokenKind::*;
        let text = "target 2022 = 75% // catatan\n  anggaran \"X\" = Rp. 1.938.261.000,- hijau \"#2e7d32\" #c62828 a.realisasi >= 1.5";
        assert_eq!(
            kinds(text),
            vec![
                (Keyword, "target"),
                (Number, "2022"),
                (Operator, "="),
                (Number, "75%"),
                (Comment, "// catatan"),
                (Keyword, "anggaran"),
                (String, "\"X\""),
                (Operator, "="),
                (Money, "Rp. 1.938.261.000,-"),
                (Name, "hijau"),
                (Colour, "\"#2e7d32\""),
                (Colour, "#c62828"),
                (Name, "a"),
                (Operator, "."),
                (Keyword, "realisasi"),
                (Operator, ">="),
                (Number, "1.5"),
            ]
        );
        assert_eq!(word_before("rumus = iku_ka", 14), (8, "iku_ka"));
    }

    #[test]
    fn braces_in_strings_and_comments_do_not_count() {
        let text = "a \"{\" {\n  // }\n  b { }\n}";
        let found: Vec<u8> = braces(text).iter().map(|(_, b)| *b).collect();
        assert_eq!(found, b"{{}}");
        assert!(braces(text).iter().all(|(i, b)| text.as_bytes().get(*i) == Some(b)));
    }
}

//! pest's errors as messages a policy officer can act on: what was
//! expected, in the language's words, and the usual fix.

use super::build::keyword_of;
use super::Rule;
use crate::error::{did_you_mean, RuleError};
use crate::source::{FileId, SourceMap, Span};
use sakip_core::periode::Periode;
use sakip_core::{Code, Text};

/// What a grammar rule is called in "expected ...": a keyword in backticks
/// (the same in every language), or the catalogue id of a phrase.
fn display(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "syntax-end-of-file",
        Rule::header => "expect-header",
        Rule::berdasarkan => "`berdasarkan`",
        Rule::skrip => "`skrip`",
        Rule::renstra => "`renstra`",
        Rule::mulai => "`mulai <tahun>`",
        Rule::unfilled => "`?`",
        Rule::uji => "`uji`",
        Rule::harap => "`harap`",
        Rule::harap_indikator | Rule::harap_nilai => "expect-harap-indikator",
        Rule::dasar | Rule::kw_dasar => "`dasar`",
        Rule::pembulatan => "`pembulatan`",
        Rule::konversi => "`konversi efisiensi`",
        Rule::klasifikasi => "`klasifikasi`",
        Rule::sasaran => "`sasaran`",
        Rule::perjanjian => "`perjanjian`",
        Rule::realisasi_block => "`realisasi <tahun>`",
        Rule::anggaran_block => "`anggaran <tahun>`",
        Rule::tingkat => "expect-tingkat",
        Rule::pembulatan_objek => "expect-pembulatan-objek",
        Rule::pembulatan_cara => "expect-pembulatan-cara",
        Rule::kw_efisiensi => "`efisiensi`",
        Rule::band | Rule::range | Rule::range_op => "expect-band",
        Rule::colour | Rule::hex_colour | Rule::quoted_hex => "expect-colour",
        Rule::code => "expect-code",
        Rule::tier => "expect-tier",
        Rule::indikator | Rule::kw_indikator => "`indikator`",
        Rule::satuan => "`satuan`",
        Rule::polaritas => "`polaritas`",
        Rule::kw_naik | Rule::kw_turun | Rule::rentang => "expect-polaritas",
        Rule::agregasi => "`realisasi <jumlah|rata|terakhir|tertinggi|terendah>`",
        Rule::target | Rule::pk_target | Rule::kw_target => "`target`",
        Rule::rumus => "`rumus`",
        Rule::rumus_objek => "expect-rumus-objek",
        Rule::bobot => "`bobot`",
        Rule::sama_dengan => "`sama_dengan`",
        Rule::pk_anggaran | Rule::kw_anggaran => "`anggaran`",
        Rule::pk_kegiatan | Rule::kw_kegiatan => "`kegiatan`",
        Rule::realisasi_entry => "expect-realisasi-entry",
        Rule::period_value | Rule::periode => "expect-period-value",
        Rule::dicetak | Rule::kw_dicetak => "`dicetak`",
        Rule::belanja_line | Rule::belanja_kind => "expect-belanja-line",
        Rule::kw_pagu => "`pagu`",
        Rule::kw_realisasi => "`realisasi`",
        Rule::kw_mulai => "`mulai <tahun>`",
        Rule::expr | Rule::if_expr | Rule::agg_call | Rule::call | Rule::reference | Rule::own_field => "expect-expr",
        Rule::neg | Rule::kw_tidak => "expect-expr",
        Rule::op_add | Rule::op_sub | Rule::op_mul | Rule::op_div => "expect-operator",
        Rule::op_le | Rule::op_ge | Rule::op_lt | Rule::op_gt | Rule::op_eq | Rule::op_ne => "expect-operator",
        Rule::kw_dan | Rule::kw_atau => "expect-operator",
        Rule::kw_maka => "`maka`",
        Rule::kw_lain => "`lain`",
        Rule::field => "expect-field",
        Rule::quantity => "expect-quantity",
        Rule::skala_label | Rule::label_word => "expect-skala-value",
        Rule::skala | Rule::kw_skala => "`skala`",
        Rule::kw_langkah => "`langkah`",
        Rule::unit | Rule::unit_word | Rule::satuan_word | Rule::percent => "expect-unit",
        Rule::money | Rule::rupiah => "expect-money",
        Rule::number => "expect-number",
        Rule::integer => "expect-integer",
        Rule::year => "expect-year",
        Rule::string => "expect-string",
        Rule::ident => "expect-ident",
        Rule::agg_fn => "expect-agg-fn",
        Rule::jenis_periode => "expect-jenis-periode",
        Rule::eq => "`=`",
        Rule::lbrace => "`{`",
        Rule::rbrace => "`}`",
        Rule::lparen => "`(`",
        Rule::rparen => "`)`",
        Rule::comma => "`,`",
        Rule::dot => "`.`",
        _ => return None,
    })
}

/// The words a declaration starts with, for "did you mean".
const ITEM_STARTERS: [&str; 13] = [
    "aturan",
    "satker",
    "berdasarkan",
    "skrip",
    "renstra",
    "dasar",
    "pembulatan",
    "capaian",
    "konversi",
    "klasifikasi",
    "sasaran",
    "perjanjian",
    "realisasi",
];

/// A pest error as a policy officer reads it: at the word at fault, what
/// was expected in words, and the fix for the usual mistakes (a decimal
/// comma, a misspelt keyword, a missing `=`).
pub(super) fn syntax_error(sources: &SourceMap, file: FileId, text: &str, e: &pest::error::Error<Rule>) -> RuleError {
    let pos = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let positives: Vec<Rule> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let rest = text.get(pos..).unwrap_or("");
    let before = text.get(..pos).unwrap_or("");
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    // What stands where the parser stopped, in the message's language:
    // the end of the file is a phrase of the catalogue, not English.
    let found = if rest.is_empty() {
        Text::new("syntax-end-of-file")
    } else if word.is_empty() {
        let ch = rest.chars().next().unwrap_or(' ');
        Text::new("raw").arg("text", format!("`{ch}`"))
    } else {
        Text::new("raw").arg("text", format!("`{word}`"))
    };
    let width = if word.is_empty() {
        rest.chars().next().map(|c| c.len_utf8()).unwrap_or(0)
    } else {
        word.len()
    };
    let span = Span::new(file, pos, pos + width);

    // The keywords pest would have taken here, for "did you mean".
    let keywords: Vec<String> = positives.iter().filter_map(|r| keyword_of(*r)).collect();
    let at_item_start = positives
        .iter()
        .any(|r| matches!(r, Rule::sasaran | Rule::header | Rule::kw_sasaran));
    let in_indikator = positives
        .iter()
        .any(|r| matches!(r, Rule::satuan | Rule::polaritas | Rule::kw_satuan | Rule::kw_polaritas));
    let expected: Option<Text> = if at_item_start {
        Some(Text::new("expect-declaration"))
    } else if in_indikator {
        Some(Text::new("expect-indikator-line"))
    } else {
        // What was expected, each a keyword (the same in every language) or
        // a phrase of the catalogue, in the order pest gives, once each.
        let mut parts: Vec<Text> = Vec::new();
        for r in &positives {
            match (display(*r), keyword_of(*r)) {
                (Some(n), _) => {
                    let t = if n.starts_with('`') {
                        Text::new("raw").arg("text", n)
                    } else {
                        Text::new(n)
                    };
                    if !parts.contains(&t) {
                        parts.push(t);
                    }
                }
                (None, Some(k)) => {
                    let t = Text::new("raw").arg("text", format!("`{k}`"));
                    if !parts.contains(&t) {
                        parts.push(t);
                    }
                }
                (None, None) => {}
            }
        }
        join_or(parts)
    };
    let (message, label) = match expected {
        None => (
            Text::new("syntax-unexpected").arg_text("found", found),
            Text::new("syntax-not-understood"),
        ),
        Some(expected) => (
            Text::new("syntax-expected")
                .arg_text("expected", expected)
                .arg_text("found", found),
            Text::new("syntax-here"),
        ),
    };
    let mut err = RuleError::at_says(sources, span, Code::Syntax, message).label_says(label);

    // The usual slips, with their fixes.
    let prev_digit = before.chars().last().is_some_and(|c| c.is_ascii_digit());
    if prev_digit && rest.starts_with(',') && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        let int: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let frac: String = rest.chars().skip(1).take_while(|c| c.is_ascii_digit()).collect();
        err = err.label_says(Text::new("syntax-decimal-comma")).help_says(
            Text::new("syntax-decimal-comma-help")
                .arg("int", &int)
                .arg("frac", &frac),
        );
    } else if prev_digit && rest.starts_with('.') && looks_grouped(before, rest) {
        err = err
            .label_says(Text::new("syntax-thousands"))
            .help_says(Text::new("syntax-thousands-help"));
    } else if rest.starts_with('=') && looks_like_period(previous_word(before)) {
        // Point at the word, not at the `=` after it.
        let w = previous_word(before);
        let end = before.trim_end().len();
        let wspan = Span::new(file, end - w.len(), end);
        err = RuleError::at_says(sources, wspan, Code::Syntax, Text::new("syntax-3").arg("word", w))
            .label_says(Text::new("syntax-3-label"))
            .help_says(Text::new("syntax-3-help"));
    } else if !word.is_empty() && positives.contains(&Rule::ident) && crate::lexicon::is_keyword(&word) {
        // A natural name that is also a keyword (`indikator efisiensi`).
        err = err
            .label_says(Text::new("syntax-keyword-name"))
            .help_says(Text::new("syntax-keyword-name-help").arg("word", &word));
    } else if !word.is_empty() {
        let mut candidates: Vec<&str> = keywords.iter().map(String::as_str).collect();
        if at_item_start {
            candidates.extend(ITEM_STARTERS);
        } else if in_indikator {
            candidates.extend(crate::lexicon::INDIKATOR_WORDS);
        }
        if let Some(s) = did_you_mean(&word, candidates.iter().copied()) {
            err = err.help_says(Text::new("did-you-mean").arg("word", s));
        } else if positives.contains(&Rule::eq) && word_is_number(&word) {
            err = err.help_says(Text::new("syntax-needs-equals-help"));
        }
    } else if rest.starts_with('"') && positives.contains(&Rule::ident) {
        err = err.help_says(Text::new("syntax-quoted-id-help"));
    }
    if rest.is_empty() && positives.contains(&Rule::rbrace) {
        let help = match unclosed_brace(text) {
            Some(open) => {
                let (line, col) = sources.get(file).map(|f| f.line_col(open)).unwrap_or((0, 0));
                let opener = text.get(..open).and_then(|t| t.lines().last()).unwrap_or("").trim();
                Text::new("syntax-unclosed-help")
                    .arg("line", line)
                    .arg("col", col)
                    .arg("opener", opener)
            }
            None => Text::new("syntax-unclosed-somewhere-help"),
        };
        err = err.label_says(Text::new("syntax-file-ends")).help_says(help);
    }
    err
}

/// The byte offset of the outermost `{` that is never closed, skipping
/// strings and comments.
fn unclosed_brace(text: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    for p in crate::scan::pieces(text) {
        match p {
            crate::scan::Piece::Code(i, b'{') => open.push(i),
            crate::scan::Piece::Code(_, b'}') => {
                open.pop();
            }
            _ => {}
        }
    }
    open.first().copied()
}

/// The word that ends just before `before`'s trailing spaces.
fn previous_word(before: &str) -> &str {
    let trimmed = before.trim_end();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(trimmed.len());
    trimmed.get(start..).unwrap_or("")
}

/// Whether a word looks like a period someone meant (`tw5`, `smt3`).
fn looks_like_period(word: &str) -> bool {
    let lower = word.to_lowercase();
    (lower.starts_with("tw") || lower.starts_with("smt") || lower.starts_with("sem") || lower.starts_with("triwulan"))
        && Periode::from_keyword(&lower).is_none()
}

/// Whether a word is a number (for "expected a number" hints).
fn word_is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
}

/// `1.938.261` looks like a grouped amount: digits, then a dot and exactly three digits.
fn looks_grouped(before: &str, rest: &str) -> bool {
    let group: String = rest.chars().skip(1).take_while(|c| c.is_ascii_digit()).collect();
    group.len() == 3 && before.chars().rev().take_while(|c| c.is_ascii_digit()).count() <= 3
}

/// `a`, `b` or `c`.
fn join_or(mut parts: Vec<Text>) -> Option<Text> {
    let last = parts.pop()?;
    let Some(before) = parts.pop() else {
        return Some(last);
    };
    let mut list = Text::new("list-or").arg_text("a", before).arg_text("b", last);
    while let Some(next) = parts.pop() {
        list = Text::new("list-comma").arg_text("a", next).arg_text("b", list);
    }
    Some(list)
}

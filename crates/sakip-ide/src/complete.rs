//! Completion from what the cursor stands in: after `satuan`, the units the
//! tree uses; after `id.`, the fields; in a klasifikasi, the band ids and
//! colours; in a `rumus`, ids, script functions, built-ins, periods and
//! the formula's keywords; at the start of a line in a data block, ids and
//! periods; elsewhere, keywords and ids.

use crate::document::{Document, Range};
use sakip_rules::lexicon::{self, FORMULA_WORDS, KEYWORDS, PERIODS};
use serde::Serialize;
use std::collections::BTreeMap;

/// What a candidate names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// `target`, `realisasi` or `capaian` after `id.`.
    Field,
    Keyword,
    /// A satuan: `%`, `orang`, `dokumen`, ...
    Unit,
    /// A klasifikasi band's id.
    Band,
    Colour,
    Indikator,
    /// A script function or a built-in of the formulas.
    Function,
}

/// One candidate: the word, what it names, and a line about it (an
/// indikator's name, a function's signature).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completion {
    pub label: String,
    pub kind: Kind,
    pub detail: Option<String>,
}

/// The candidates at a cursor, and the part of the word already typed,
/// which a chosen candidate replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Completions {
    pub replace: Range,
    pub items: Vec<Completion>,
}

/// How a built-in function of `sakip_core::formula::BUILTINS` is called.
fn builtin_signature(name: &str) -> String {
    match name {
        "min" | "maks" => format!("{name}(a, b, ...)"),
        "abs" => "abs(a)".to_string(),
        _ => format!("{name}(x, 2)"),
    }
}

/// The words that may be typed at byte `offset` of `doc`; `None` in a
/// script, a comment or a string.
pub fn completion(doc: &Document<'_>, offset: usize) -> Option<Completions> {
    // A Rhai script is not a rule file: its words are not these.
    if !doc.is_rule_file() {
        return None;
    }
    let text = doc.text.as_str();
    // Inside a comment or a string, nothing: what is typed there is prose.
    let in_prose = lexicon::tokens(text).iter().any(|t| match t.kind {
        lexicon::TokenKind::Comment => t.start < offset && offset <= t.end,
        lexicon::TokenKind::String => t.start < offset && offset < t.end,
        _ => false,
    });
    if in_prose {
        return None;
    }
    let (word_start, _) = lexicon::word_before(text, offset);
    let line_start = text
        .get(..word_start)
        .and_then(|t| t.rfind('\n'))
        .map(|i| i + 1)
        .unwrap_or(0);
    let line = text.get(line_start..word_start).unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    let block = enclosing_block(text, line_start);
    let mut items = Items::default();
    let a = doc.analysis;
    let ids = || {
        a.map(|a| a.symbols.indikator.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let id_detail = |id: &str| a.and_then(|a| a.rules.as_ref()?.indikator(id)).map(|i| i.name.clone());
    if line.ends_with('.') {
        for f in ["target", "realisasi", "capaian"] {
            items.add(f, Kind::Field, None);
        }
    } else if let Some(next) = slot_after(&words, block) {
        // The grammar allows only these words here.
        for w in next {
            items.add(w, Kind::Keyword, None);
        }
    } else if words.last() == Some(&"satuan") {
        let mut units: Vec<String> = vec!["%".into()];
        if let Some(r) = a.and_then(|a| a.rules.as_ref()) {
            units.extend(r.indikator.iter().map(|i| i.satuan.as_str().to_string()));
        }
        for u in units {
            items.add(&u, Kind::Unit, None);
        }
    } else if block == "klasifikasi" {
        // `80 ..< 100 "Memuaskan" baik biru`: an id after the label, a colour after the id.
        let after_label = line.trim_end().ends_with('"');
        if after_label {
            if let Some(a) = a {
                for b in a.symbols.band.keys() {
                    items.add(b, Kind::Band, None);
                }
            }
        } else {
            for (c, _) in lexicon::COLOURS {
                items.add(c, Kind::Colour, None);
            }
        }
    } else if words.contains(&"rumus") || (words.first() == Some(&"harap")) {
        for id in ids() {
            let detail = id_detail(&id);
            items.add(&id, Kind::Indikator, detail);
        }
        if words.contains(&"rumus") {
            if let Some(a) = a {
                for (name, f) in &a.symbols.fungsi {
                    items.add(name, Kind::Function, f.signature.clone());
                }
            }
            for name in sakip_core::formula::BUILTINS {
                items.add(name, Kind::Function, Some(builtin_signature(name)));
            }
            for w in FORMULA_WORDS.iter().chain(PERIODS) {
                items.add(w, Kind::Keyword, None);
            }
        } else {
            items.add("nilai", Kind::Keyword, None);
        }
    } else if matches!(block, "realisasi" | "perjanjian" | "uji") {
        if words.is_empty() || words == ["target"] {
            for id in ids() {
                let detail = id_detail(&id);
                items.add(&id, Kind::Indikator, detail);
            }
        }
        if block == "realisasi" && !words.is_empty() {
            for p in PERIODS {
                items.add(p, Kind::Keyword, None);
            }
        }
        if words.is_empty() {
            for k in ["target", "dasar", "anggaran", "harap", "realisasi"] {
                items.add(k, Kind::Keyword, None);
            }
            // A rule test of a region's indikator gives its units.
            if block == "uji" {
                items.add("satker", Kind::Keyword, None);
            }
        }
    } else {
        for k in KEYWORDS {
            items.add(k, Kind::Keyword, None);
        }
        if words.last() == Some(&"sama_dengan") {
            for id in ids() {
                let detail = id_detail(&id);
                items.add(&id, Kind::Indikator, detail);
            }
        }
    }
    Some(Completions {
        replace: Range::new(word_start, offset),
        items: items.0.into_values().collect(),
    })
}

/// The words the grammar allows after the words already on the line, where
/// it allows only a few (`polaritas ` takes `naik`, `turun` or `rentang`);
/// `None` where the other rules of [`completion`] decide. `block` is the
/// keyword of the enclosing block.
fn slot_after(words: &[&str], block: &str) -> Option<&'static [&'static str]> {
    const NOTHING: &[&str] = &[];
    Some(match words {
        // At the start of a line, what the enclosing block holds.
        [] => match block {
            "indikator" => &lexicon::INDIKATOR_WORDS,
            "sasaran" => &["indikator", "dasar"],
            "perjanjian" => &["target", "indikator", "anggaran", "dasar"],
            "anggaran" => &["belanja"],
            "" => &[
                "aturan",
                "satker",
                "berdasarkan",
                "dasar",
                "skrip",
                "renstra",
                "pembulatan",
                "capaian",
                "konversi",
                "klasifikasi",
                "sasaran",
                "perjanjian",
                "realisasi",
                "anggaran",
                "uji",
            ],
            _ => return None,
        },
        ["belanja", ..] if block == "anggaran" && words.len() > 1 => &["pagu", "realisasi"],
        [.., "polaritas"] => &["naik", "turun", "rentang"],
        // In an indikator, `realisasi` takes how the periods are combined;
        // in a unit's data it opens a year.
        ["realisasi"] if block == "indikator" => &["jumlah", "rata", "terakhir", "tertinggi", "terendah"],
        ["realisasi", "jumlah" | "rata" | "terakhir" | "tertinggi" | "terendah"] if block == "indikator" => {
            &["semester", "triwulan"]
        }
        ["rumus"] => &["realisasi", "capaian"],
        // `skala WTP > WDP > ... [langkah N]`: the values are the author's.
        ["skala", ..] if block == "indikator" => &["langkah"],
        // In an indikator, a target's year comes next; in an agreement, an id.
        ["target"] if block == "indikator" => NOTHING,
        ["pembulatan"] => &["capaian", "anggaran", "nilai", "sasaran"],
        ["pembulatan", "capaian" | "anggaran" | "nilai" | "sasaran"] => &["potong", "bulat"],
        // `capaian sasaran|jenjang rata [bobot] [maks N] [mentah] [mulai Y]`, at the top.
        ["capaian"] if block.is_empty() => &["sasaran", "jenjang"],
        ["capaian", "sasaran" | "jenjang"] if block.is_empty() => &["rata"],
        ["capaian", "sasaran" | "jenjang", "rata", ..] if block.is_empty() => &["bobot", "maks", "mentah", "mulai"],
        ["konversi"] => &["efisiensi"],
        ["aturan"] => &["nasional", "kanwil"],
        ["sasaran", _] => &["strategis", "program", "kegiatan", "output"],
        // A path, a year, a name or a number comes next: no word to offer.
        ["berdasarkan" | "skrip" | "dasar" | "renstra" | "perjanjian" | "mulai"]
        | ["realisasi" | "anggaran"]
        | ["sasaran" | "indikator" | "satker" | "bobot" | "uji"]
        | ["aturan", _]
        | ["pembulatan", _, _]
        | ["konversi", "efisiensi"] => NOTHING,
        _ => return None,
    })
}

/// The candidates, each once.
#[derive(Default)]
struct Items(BTreeMap<String, Completion>);

impl Items {
    fn add(&mut self, label: &str, kind: Kind, detail: Option<String>) {
        self.0.entry(label.to_string()).or_insert_with(|| Completion {
            label: label.to_string(),
            kind,
            detail,
        });
    }
}

/// The first word of the line that opens the innermost block not closed
/// before `offset` (`klasifikasi`, `realisasi`, ...); empty at the top.
fn enclosing_block(text: &str, offset: usize) -> &str {
    let before = text.get(..offset).unwrap_or("");
    let mut open: Vec<usize> = Vec::new();
    for (i, b) in lexicon::braces(before) {
        if b == b'{' {
            open.push(i);
        } else {
            open.pop();
        }
    }
    let Some(&brace) = open.last() else { return "" };
    let line_start = before
        .get(..brace)
        .and_then(|t| t.rfind('\n'))
        .map(|i| i + 1)
        .unwrap_or(0);
    before
        .get(line_start..brace)
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("")
}

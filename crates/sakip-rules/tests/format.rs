//! `fmt`: idempotent, keeps every comment, and changes no meaning, on a
//! file with a comment in every position and on generated rule files laid
//! out at random.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::{Utf8Path, Utf8PathBuf};
use sakip_rules::format::format;
use sakip_rules::parser::parse;
use sakip_rules::source::SourceMap;

fn fmt(text: &str) -> String {
    let mut sources = SourceMap::default();
    let id = sources.add(Utf8Path::new("x.sakip"), text.to_string());
    let file = parse(&sources, id).unwrap_or_else(|e| panic!("{}: {}\n{text}", e.location_text(), e));
    format(text, &file)
}

/// The syntax tree with every span removed: what the file means, not where.
fn meaning(text: &str) -> String {
    let mut sources = SourceMap::default();
    let id = sources.add(Utf8Path::new("x.sakip"), text.to_string());
    let debug = format!("{:?}", parse(&sources, id).unwrap());
    let mut out = String::new();
    let mut rest = debug.as_str();
    while let Some(i) = rest.find("Span {") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let close = after.find('}').unwrap();
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The text of every `//` comment outside strings.
fn comment_texts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut in_string = false;
        let mut prev = ' ';
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            }
            if !in_string && line[i..].starts_with("//") {
                out.push(line[i..].trim_end().to_string());
                break;
            }
            prev = c;
        }
    }
    out.sort();
    out
}

fn check(text: &str) {
    let once = fmt(text);
    assert_eq!(fmt(&once), once, "formatting twice changes the text:\n{once}");
    assert_eq!(
        meaning(&once),
        meaning(text),
        "formatting changed the meaning:\n--- before\n{text}\n--- after\n{once}"
    );
    assert_eq!(comment_texts(&once), comment_texts(text), "a comment was lost:\n{once}");
}

#[test]
fn a_comment_in_every_position_survives() {
    let root = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let text = std::fs::read_to_string(root.join("tests/fixtures/fmt/komentar.sakip")).unwrap();
    assert_eq!(comment_texts(&text).len(), 16);
    check(&text);
}

#[test]
fn the_shipped_rules_are_formatted() {
    let root = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    for dir in ["rules", "examples"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for e in d.read_dir_utf8().unwrap() {
                let p = e.unwrap().path().to_path_buf();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension() == Some("sakip") {
                    let text = std::fs::read_to_string(&p).unwrap();
                    assert_eq!(fmt(&text), text, "{p} is not formatted");
                    check(&text);
                }
            }
        }
    }
}

/// A small deterministic generator (no dependency): rule files built from
/// every construct, with random spacing, line breaks and comments between
/// tokens.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
    fn chance(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }
    /// Space between two tokens: sometimes a line break, a blank line or a comment.
    fn gap(&mut self) -> String {
        match self.next() % 12 {
            0 => "\n".into(),
            1 => "\n\n".into(),
            2 => format!(" // c{}\n", self.next() % 1000),
            3 => "\n\t".into(),
            4 => "   ".into(),
            _ => " ".into(),
        }
    }
    fn number(&mut self) -> String {
        match self.next() % 3 {
            0 => format!("{}", self.next() % 200),
            1 => format!("{}.{}", self.next() % 100, self.next() % 10),
            _ => format!("{}.{:02}", self.next() % 100, self.next() % 100),
        }
    }
    fn expr(&mut self, depth: u32) -> String {
        if depth > 2 || self.chance(3) {
            return match self.next() % 6 {
                0 => "target".into(),
                1 => "realisasi".into(),
                2 => self.number(),
                3 => "jumlah(triwulan)".into(),
                4 => "smt1".into(),
                _ => "a0.realisasi".into(),
            };
        }
        let (a, b) = (self.expr(depth + 1), self.expr(depth + 1));
        match self.next() % 7 {
            0 => format!("({a} + {b})"),
            1 => format!("{a} - {b}"),
            2 => format!("{a} * ({b})"),
            3 => format!("{a} / {b}"),
            4 => format!("min({a}, {b})"),
            5 => format!("-{a}"),
            _ => format!("jika {a} <= {b} dan tidak {a} == 0 maka {a} lain {b}"),
        }
    }
    fn file(&mut self) -> String {
        let mut t: Vec<String> = vec![
            "aturan".into(),
            "nasional".into(),
            "g".into(),
            "\"Gen \\\"x\\\" // y\"".into(),
        ];
        if self.chance(2) {
            t.extend(["pembulatan", "capaian", self.pick(&["potong", "bulat"]), "2"].map(String::from));
            if self.chance(2) {
                t.extend(["mulai", "2023"].map(String::from));
            }
        }
        if self.chance(2) {
            t.extend(["konversi", "efisiensi", "120"].map(String::from));
        }
        if self.chance(2) {
            t.extend(
                [
                    "klasifikasi",
                    "{",
                    "100",
                    "..=",
                    "120",
                    "\"A\"",
                    "a",
                    "hijau",
                    "..<",
                    "100",
                    "\"B\"",
                    "b",
                    "\"#c62828\"",
                    "120",
                    "<..",
                    "\"C\"",
                    "c",
                    "biru",
                    "}",
                ]
                .map(String::from),
            );
        }
        for s in 0..(1 + self.next() % 2) {
            t.extend([
                "sasaran".to_string(),
                format!("S{s}"),
                "strategis".into(),
                "\"Sasaran\"".into(),
                "{".into(),
            ]);
            for i in 0..(1 + self.next() % 3) {
                let id = if s == 0 && i == 0 {
                    "a0".to_string()
                } else {
                    format!("i{s}_{i}")
                };
                t.extend(["indikator".into(), id, format!("\"Indikator {i}\""), "{".into()]);
                // A unit stays on the line of its `satuan`: one token, with
                // any run of spaces between.
                let spaces = " ".repeat(1 + (self.next() % 3) as usize);
                let unit = self.pick(&["%", "indeks", "layanan", "nilai", "\"per 1.000 KH\""]);
                t.push(format!("satuan{spaces}{unit}"));
                if self.chance(2) {
                    t.extend(["polaritas".into(), self.pick(&["naik", "turun"]).into()]);
                }
                if self.chance(2) {
                    t.extend(["realisasi".into(), self.pick(&["jumlah", "rata", "terakhir"]).into()]);
                }
                // A number and its unit stay on one line.
                t.extend([
                    "target".into(),
                    "2022".into(),
                    "=".into(),
                    format!("{}%", self.number()),
                ]);
                if self.chance(2) {
                    t.extend(["dasar".into(), "\"PK 2022\"".into()]);
                }
                if self.chance(2) {
                    t.extend(["rumus".into(), "capaian".into(), "=".into(), self.expr(0)]);
                }
                t.push("}".into());
            }
            t.push("}".into());
        }
        if self.chance(2) {
            t.extend(["realisasi", "2022", "{", "a0", "tidak", "diukur"].map(String::from));
            if self.chance(2) {
                t.push("\"survei tidak dilaksanakan\"".into());
            }
            t.extend(["i0_1", "=", "5", "}"].map(String::from));
        }
        let mut out = String::new();
        for tok in t {
            out.push_str(&tok);
            out.push_str(&self.gap());
        }
        out
    }
}

#[test]
fn generated_rule_files_format_idempotently_and_keep_their_meaning() {
    let mut g = Gen(0x5a4b_2024);
    for _ in 0..500 {
        let text = g.file();
        check(&text);
    }
}

/// Mid-edit, a file with a mistake is laid out as far as it parses: the
/// item at fault stays as written, the items around it are laid out.
#[test]
fn a_file_with_a_mistake_is_laid_out_around_it() {
    let path = camino::Utf8Path::new("perjanjian-2022.sakip");
    let good = "perjanjian 2022 {\n  target a  = 1\n  target bb = 2\n}\n";
    let messy = "perjanjian 2022 {\ntarget a=1\n     target bb =    2\n}\n";
    let broken = "realisasi 2022 {\n  a = \n}\n";
    let text = format!("// kepala\n\n{messy}\n{broken}\n{messy}");
    let (out, errors) = sakip_rules::format::format_tolerant(path, text);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let laid = sakip_rules::format::format_file(path, messy.to_string()).unwrap();
    assert_eq!(laid, good);
    assert!(out.contains(broken), "the item at fault as written:\n{out}");
    assert_eq!(out.matches(good).count(), 2, "both agreements laid out:\n{out}");
    // A clean file: the same as format_file.
    let (clean, errors) = sakip_rules::format::format_tolerant(path, messy.to_string());
    assert!(errors.is_empty());
    assert_eq!(clean, laid);
}

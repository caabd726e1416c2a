//! Every feature of the language server, asked in memory: the shipped
//! national rules, a Kanwil with its script and a unit, held in a tree in
//! memory (no disk), each case a file's text with the cursor marked `‸`
//! (often half-typed: the text as it is while someone types), the answers
//! of one feature snapshotted together. A case names what it shows; the
//! snapshot is the reviewed answer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::Utf8PathBuf;
use lsp_server::{Notification, Request, RequestId};
use sakip_core::Lang;
use sakip_lsp::Server;
use sakip_rules::fs::InMemory;
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::sync::Arc;

const ROOT: &str = "/mem";
const NATIONAL: &str = "rules/ditjenpas/ditjenpas.sakip";
const KANWIL: &str = "rules/kanwil-contoh/kanwil-contoh.sakip";
const SCRIPT: &str = "rules/kanwil-contoh/contoh.rhai";
const UNIT: &str = "examples/rutan-contoh/satker.sakip";
const DATA: &str = "examples/rutan-contoh/realisasi-2022.sakip";

/// The shipped files the cases start from.
fn shipped(file: &str) -> &'static str {
    match file {
        NATIONAL => include_str!("../../../rules/ditjenpas/ditjenpas.sakip"),
        KANWIL => include_str!("../../../rules/kanwil-contoh/kanwil-contoh.sakip"),
        SCRIPT => include_str!("../../../rules/kanwil-contoh/contoh.rhai"),
        UNIT => include_str!("../../../examples/rutan-contoh/satker.sakip"),
        DATA => include_str!("../../../examples/rutan-contoh/realisasi-2022.sakip"),
        other => panic!("no shipped file {other}"),
    }
}

fn path(file: &str) -> Utf8PathBuf {
    Utf8PathBuf::from(ROOT).join(file)
}

fn uri(file: &str) -> String {
    format!("file://{}", path(file))
}

/// A server over the tree in memory, checked whole.
fn server() -> Server {
    let mut fs = InMemory::new();
    for f in [NATIONAL, KANWIL, SCRIPT, UNIT, DATA] {
        fs.insert(path(f), shipped(f));
    }
    let mut s = Server::in_fs(&[path("rules"), path("examples")], Arc::new(fs), Lang::En);
    s.settle();
    s
}

/// How the case's text is made from the shipped file.
enum Edit {
    /// The cursor inside the shipped text: the needle holds `‸` where it
    /// is, and is found in the file with the marker taken out.
    At(&'static str),
    /// Text added at the end, holding `‸`.
    Append(&'static str),
    /// The first `from` replaced by `to`, which holds `‸`.
    Replace(&'static str, &'static str),
}

struct Case {
    name: &'static str,
    file: &'static str,
    edit: Edit,
}

fn case(name: &'static str, file: &'static str, edit: Edit) -> Case {
    Case { name, file, edit }
}

/// The case's text and the cursor's byte offset in it.
fn text_of(c: &Case) -> (String, usize) {
    let base = shipped(c.file);
    let marked = match &c.edit {
        Edit::At(needle) => {
            let plain = needle.replace('‸', "");
            assert!(base.contains(&plain), "{}: `{plain}` is not in {}", c.name, c.file);
            base.replacen(&plain, needle, 1)
        }
        Edit::Append(tail) => format!("{base}{tail}"),
        Edit::Replace(from, to) => {
            assert!(base.contains(from), "{}: `{from}` is not in {}", c.name, c.file);
            base.replacen(from, to, 1)
        }
    };
    let at = marked.find('‸').unwrap_or_else(|| panic!("{}: no cursor", c.name));
    (marked.replacen('‸', "", 1), at)
}

/// The protocol's position of byte `at` of `text` (UTF-16 columns).
fn position(text: &str, at: usize) -> Value {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[start..].encode_utf16().count();
    json!({"line": line, "character": character})
}

/// Opens the case's text in a fresh server and asks `method` at the cursor.
fn ask(c: &Case, method: &str, extra: Value) -> (Server, String, Value) {
    let mut s = server();
    let (text, at) = text_of(c);
    s.notified(Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": uri(c.file), "languageId": "sakip", "version": 1, "text": text}}),
    ));
    let mut params = json!({"textDocument": {"uri": uri(c.file)}, "position": position(&text, at)});
    if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
        p.extend(e.clone());
    }
    s.ensure(&path(c.file));
    let response = s.answer(Request::new(RequestId::from(1), method.into(), params));
    assert!(response.error.is_none(), "{}: {:?}", c.name, response.error);
    (s, text, response.result.unwrap_or(Value::Null))
}

/// `file:line` of a location, relative to the tree.
fn place(v: &Value) -> String {
    let file = v["uri"]
        .as_str()
        .unwrap_or("")
        .trim_start_matches(&format!("file://{ROOT}/"))
        .to_string();
    format!(
        "{file}:{}:{}",
        v["range"]["start"]["line"].as_u64().unwrap_or(0) + 1,
        v["range"]["start"]["character"].as_u64().unwrap_or(0) + 1
    )
}

fn report(cases: &[Case], mut answer: impl FnMut(&Case) -> String) -> String {
    let mut out = String::new();
    for c in cases {
        let _ = writeln!(out, "## {} ({})\n{}\n", c.name, c.file, answer(c).trim_end());
    }
    // Every message an answer named (some chosen at run time) is in the catalogue.
    assert_eq!(sakip_core::i18n::missing_ids(), Vec::<&str>::new());
    out
}

use Edit::{Append, At, Replace};

#[test]
fn hover() {
    let cases = [
        case("an indikator's id in the national file", NATIONAL, At("indikator iku_ikm‸_hukum")),
        case("an indikator's id in an agreement", UNIT, At("target iku_kam‸tib")),
        case("an indikator's id in the data", DATA, At("ikk_mak‸anan")),
        case("a Kanwil's own indikator in the unit", UNIT, At("target ikw_pel‸arian")),
        case("a script function in a rumus", KANWIL, At("rasio_ter‸balik(target")),
        case("a keyword: satuan", NATIONAL, At("sat‸uan indeks")),
        case("a keyword: polaritas", NATIONAL, At("pol‸aritas naik")),
        case("a keyword: klasifikasi", NATIONAL, At("klasi‸fikasi {")),
        case("a keyword: berdasarkan", KANWIL, At("berdas‸arkan")),
        case("a keyword: pembulatan", NATIONAL, At("pembul‸atan capaian potong 2")),
        case("a band's key", NATIONAL, At("excel‸lent  hijau")),
        case("a sasaran's id", NATIONAL, At("sasaran SS‸3")),
        case("the level keyword of a unit", UNIT, At("sat‸ker rutan_contoh")),
        case("inside a comment: nothing", NATIONAL, At("// Aturan nas‸ional")),
        case("inside a string: nothing", UNIT, At("\"Rutan Kelas‸ IIB")),
        case("a number", UNIT, At("= 7‸5%")),
        case("an id in a block with a half-typed line: only that line is lost", UNIT, Replace("  target iku_kamtib    = 75\n  target iku_ikm_hukum = 77.5", "  target iku_kamtib    = 75\n  target iku_ikm_hukum =\n  target ikp_hak‸_napi = 1")),
        case("an id typed after a half-typed budget line", UNIT, Replace("  anggaran \"Program Dukungan Manajemen\" = Rp 1.750.000.000", "  anggaran \"Program Dukungan Manajemen\" = Rp\n  target iku_kam‸tib = 1")),
        case("an id in the item after a half-typed sasaran", NATIONAL, Replace("sasaran SS4 strategis \"Memastikan Penegakan Hukum yang Mampu Menjadi Pendorong Inovasi dan Kreatifitas dalam Pertumbuhan Ekonomi Nasional\" {\n  indikator iku_klien_produktif", "sasaran SSX {\n  indikator\n}\n\nsasaran SS4 strategis \"Memastikan Penegakan Hukum yang Mampu Menjadi Pendorong Inovasi dan Kreatifitas dalam Pertumbuhan Ekonomi Nasional\" {\n  indikator iku_klien_prod‸uktif")),
        case("a realisasi's period keyword", DATA, At("sm‸t1 = 35")),
        case("an anggaran line", UNIT, At("angg‸aran \"Program Penegakan")),
        case("past the end of the file", DATA, Append("\n‸")),
        case("a misspelt id: nothing to say", UNIT, Replace("target iku_kamtib ", "target iku_kamtbi‸ ")),
        case("a function's name in the script", SCRIPT, At("fn rasio_ter‸balik")),
        case("the first character of an id", UNIT, At("target ‸iku_kamtib")),
        case("the last character of an id", UNIT, At("target iku_kamti‸b")),
        case("just after an id", UNIT, At("target iku_kamtib‸ ")),
        case("a Kanwil's own sasaran", KANWIL, At("sasaran SKW‸1")),
        case("a keyword: konversi", NATIONAL, At("konv‸ersi efisiensi 120")),
        case("a keyword: renstra", NATIONAL, At("rens‸tra 2020")),
        case("a keyword: skrip", KANWIL, At("skr‸ip \"contoh.rhai\"")),
        case("a keyword: rumus", KANWIL, At("rum‸us capaian")),
        case("an id typed into a new agreement", UNIT, Append("\nperjanjian 2023 {\n  target iku_ikm‸_hukum = 80\n}\n")),
        case("an id below a half-typed line in a data block", DATA, Replace("  ikk_makanan   = 60%", "  ikk_\n  ikk_mak‸anan   = 60%")),
        case("a band's key in the unit's Kanwil chain", NATIONAL, At("very_po‸or  merah\n}\n\n// Tabel")),
    ];
    let out = report(&cases, |c| {
        let (_, _, v) = ask(c, "textDocument/hover", json!({}));
        let value = v["contents"]["value"].as_str().unwrap_or("(no hover)");
        value
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(4)
            .collect::<Vec<_>>()
            .join("\n")
    });
    insta::assert_snapshot!(out);
}

#[test]
fn completion() {
    let cases = [
        case("after `satuan `, half-typed", NATIONAL, Append("\nsasaran SX strategis \"X\" {\n  indikator ikx \"X\" {\n    satuan ‸")),
        case("after `polaritas `", NATIONAL, Append("\nsasaran SX strategis \"X\" {\n  indikator ikx \"X\" {\n    polaritas ‸")),
        case("after `realisasi `", NATIONAL, Append("\nsasaran SX strategis \"X\" {\n  indikator ikx \"X\" {\n    realisasi ‸")),
        case("in a rumus, after `= `", KANWIL, Replace("rumus capaian = rasio_terbalik(target, realisasi)", "rumus capaian = ‸")),
        case("in a rumus, a half-typed function", KANWIL, Replace("rumus capaian = rasio_terbalik(target, realisasi)", "rumus capaian = rasio‸")),
        case("in a rumus, after an operator", KANWIL, Replace("rumus capaian = rasio_terbalik(target, realisasi)", "rumus capaian = target / ‸")),
        case("after a klasifikasi label", NATIONAL, Append("\nklasifikasi mulai 2030 {\n  100 ..= 120 \"Sangat Memuaskan\" ‸")),
        case("a band's colour", NATIONAL, Append("\nklasifikasi mulai 2030 {\n  100 ..= 120 \"Sangat Memuaskan\" excellent ‸")),
        case("an id after `target ` in an agreement", UNIT, Replace("target ikk_remisi    = 98%", "target ‸")),
        case("a half-typed id after `target `", UNIT, Replace("target ikk_remisi    = 98%", "target iku_‸")),
        case("an id at the start of a data line", DATA, Replace("ikk_remisi    = 70%", "‸")),
        case("a period in the data", DATA, Replace("ikk_remisi    = 70%", "ikk_remisi ‸")),
        case("a keyword at the top level", NATIONAL, Append("\n‸")),
        case("a keyword inside an indikator", NATIONAL, Replace("    polaritas naik\n    realisasi terakhir semester", "    ‸\n    polaritas naik\n    realisasi terakhir semester")),
        case("inside a sasaran", NATIONAL, Replace("sasaran SS3 strategis \"Memastikan Pelayanan Publik di Bidang Hukum Sesuai dengan Asas Penyelenggaraan Pelayanan Publik\" {", "sasaran SS3 strategis \"Memastikan Pelayanan Publik di Bidang Hukum Sesuai dengan Asas Penyelenggaraan Pelayanan Publik\" {\n  ‸")),
        case("after `pembulatan capaian `", NATIONAL, Append("\npembulatan capaian ‸")),
        case("after `sasaran X `: the kind", NATIONAL, Append("\nsasaran SX ‸")),
        case("after `aturan `: the level", NATIONAL, Replace("aturan nasional ditjenpas", "aturan ‸")),
        case("in a comment: nothing", NATIONAL, At("// Aturan nasional Dire‸ktorat")),
        case("in a string: nothing", UNIT, At("\"Rutan Kelas IIB Co‸ntoh")),
        case("a unit's anggaran line", UNIT, Replace("  anggaran \"Program Dukungan Manajemen\" = Rp 1.750.000.000", "  ‸")),
        case("in a half-typed agreement of a new year", UNIT, Append("\nperjanjian 2023 {\n  target ‸")),
        case("in the script: nothing from the rules", SCRIPT, At("fn rasio_ter‸balik")),
        case("after `konversi `", NATIONAL, Append("\nkonversi ‸")),
        case("after `realisasi ` in a Kanwil's indikator", KANWIL, Replace("    realisasi jumlah semester", "    realisasi ‸")),
        case("after `rumus `", KANWIL, Replace("    rumus capaian = rasio_terbalik(target, realisasi)", "    rumus ‸")),
        case("in a rumus, inside a call's parentheses", KANWIL, Replace("rasio_terbalik(target, realisasi)", "rasio_terbalik(‸")),
        case("a half-typed keyword inside an indikator", NATIONAL, Replace("    polaritas naik\n    realisasi terakhir semester", "    pola‸\n    realisasi terakhir semester")),
        case("a half-typed id in the data", DATA, Replace("ikk_remisi    = 70%", "ikk_r‸")),
        case("after `berdasarkan `", KANWIL, Replace("berdasarkan \"../ditjenpas\"", "berdasarkan ‸")),
        case("in a new realisasi block", DATA, Append("\nrealisasi 2023 {\n  ‸")),
        case("after an id in the data", DATA, Replace("ikk_remisi    = 70%", "ikk_remisi‸")),
        case("in an anggaran block of the data", DATA, Replace("  belanja \"Belanja Barang\"", "  ‸\n  belanja \"Belanja Barang\"")),
    ];
    let out = report(&cases, |c| {
        let (_, _, v) = ask(c, "textDocument/completion", json!({}));
        let items = v
            .as_array()
            .cloned()
            .or_else(|| v["items"].as_array().cloned())
            .unwrap_or_default();
        let labels: Vec<String> = items
            .iter()
            .filter_map(|i| i["label"].as_str().map(str::to_string))
            .collect();
        let shown = labels.iter().take(14).cloned().collect::<Vec<_>>().join(", ");
        let mut out = format!(
            "{} items: {shown}{}",
            labels.len(),
            if labels.len() > 14 { ", ..." } else { "" }
        );
        // What an editor shows of them: those that start with the word typed.
        let (text, at) = text_of(c);
        let typed: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !typed.is_empty() {
            let matching: Vec<&String> = labels.iter().filter(|l| l.starts_with(&typed)).collect();
            let _ = write!(
                out,
                "\nmatching `{typed}`: {}",
                matching
                    .iter()
                    .take(10)
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        out
    });
    insta::assert_snapshot!(out);
}

#[test]
fn definition_and_references() {
    let cases = [
        case("an id in an agreement to its indikator", UNIT, At("target iku_kam‸tib")),
        case("an id in the data to its indikator", DATA, At("ikk_rem‸isi")),
        case("a Kanwil's indikator from the unit", UNIT, At("target ikw_pel‸arian")),
        case("a function in a rumus to its fn", KANWIL, At("rasio_ter‸balik(target")),
        case("a declaration to itself", NATIONAL, At("indikator iku_ikm‸_hukum")),
        case("a keyword: nowhere", NATIONAL, At("sat‸uan indeks")),
        case("a comment: nowhere", NATIONAL, At("// Aturan nas‸ional")),
        case(
            "an id in a half-typed agreement",
            UNIT,
            Append("\nperjanjian 2023 {\n  target iku_kam‸tib ="),
        ),
        case("a band key", NATIONAL, At("excel‸lent  hijau")),
        case("a sasaran id", NATIONAL, At("sasaran SS‸3")),
        case(
            "an id in the unit's data to the national file",
            DATA,
            At("iku_ikm‸_hukum"),
        ),
        case(
            "the Kanwil's indikator declaration",
            KANWIL,
            At("indikator ikw_pel‸arian"),
        ),
        case(
            "an id in a line being typed",
            DATA,
            Replace("ikk_remisi    = 70%", "ikk_remisi‸ ="),
        ),
        case("a function's fn line in the script", SCRIPT, At("fn rasio_ter‸balik")),
        case(
            "an id in an agreement whose file has a mistake",
            UNIT,
            Replace(
                "  target ro_kamtib     = 12 operasi",
                "  target ro_kamtib     = 12 operasi\n  target = \n  target iku_kam‸tib = 1",
            ),
        ),
    ];
    let out = report(&cases, |c| {
        let (mut s, text, d) = ask(c, "textDocument/definition", json!({}));
        let defs: Vec<String> = match &d {
            Value::Array(a) => a.iter().map(place).collect(),
            Value::Null => vec![],
            one => vec![place(one)],
        };
        let (_, at) = text_of(c);
        let r = s.answer(Request::new(
            RequestId::from(2),
            "textDocument/references".into(),
            json!({"textDocument": {"uri": uri(c.file)}, "position": position(&text, at), "context": {"includeDeclaration": true}}),
        ));
        let refs: Vec<String> = r
            .result
            .as_ref()
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(place)
            .collect();
        format!(
            "definition: {}\nreferences: {} {}",
            if defs.is_empty() {
                "none".to_string()
            } else {
                defs.join(", ")
            },
            refs.len(),
            refs.iter().take(8).cloned().collect::<Vec<_>>().join(", ")
        )
    });
    insta::assert_snapshot!(out);
}

/// Applies the edits of one file (each a range and a text) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let mut at = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i == line {
                let mut units = 0;
                for (b, c) in l.char_indices() {
                    if units >= ch {
                        return at + b;
                    }
                    units += c.len_utf16();
                }
                return at + l.len();
            }
            at += l.len();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (a, b, t) in spans {
        out.replace_range(a..b, &t);
    }
    out
}

#[test]
fn rename() {
    let cases = [
        case(
            "an indikator, from the national file, to a longer id",
            NATIONAL,
            At("indikator iku_ikm‸_hukum"),
        ),
        case("an indikator, from an agreement", UNIT, At("target iku_kam‸tib")),
        case("a Kanwil's indikator, from the data", DATA, At("ikw_pel‸arian")),
        case("a keyword: refused", NATIONAL, At("sat‸uan indeks")),
        case("a comment: refused", NATIONAL, At("// Aturan nas‸ional")),
        case("a function: refused or renamed", KANWIL, At("rasio_ter‸balik(target")),
    ];
    let out = report(&cases, |c| {
        let (mut s, text, prepared) = ask(c, "textDocument/prepareRename", json!({}));
        let (_, at) = text_of(c);
        let r = s.answer(Request::new(
            RequestId::from(2),
            "textDocument/rename".into(),
            json!({"textDocument": {"uri": uri(c.file)}, "position": position(&text, at), "newName": "indikator_nama_baru_yang_panjang"}),
        ));
        let mut lines = vec![format!(
            "prepare: {}",
            if prepared.is_null() { "refused" } else { "allowed" }
        )];
        match (r.result, r.error) {
            (Some(v), _) if !v.is_null() => {
                let changes = v["changes"].as_object().cloned().unwrap_or_default();
                let mut files: Vec<(String, usize, bool, usize)> = Vec::new();
                for (u, edits) in &changes {
                    let file = u.trim_start_matches(&format!("file://{ROOT}/")).to_string();
                    let before = if file == c.file {
                        text.clone()
                    } else {
                        shipped(&file).to_string()
                    };
                    let after = apply(&before, edits.as_array().unwrap());
                    // The edits keep a laid-out file laid out (`fmt --check` holds).
                    let laid_out = sakip_rules::format::format_file(camino::Utf8Path::new(&file), after.clone())
                        .map(|f| f == after)
                        .unwrap_or(false);
                    let was = sakip_rules::format::format_file(camino::Utf8Path::new(&file), before.clone())
                        .map(|f| f == before)
                        .unwrap_or(false);
                    let uses = after.matches("indikator_nama_baru_yang_panjang").count();
                    files.push((file, edits.as_array().unwrap().len(), laid_out || !was, uses));
                }
                files.sort();
                for (f, n, ok, uses) in files {
                    lines.push(format!(
                        "{f}: {n} edits, {uses} uses of the new id, {}",
                        if ok { "laid out" } else { "NOT LAID OUT" }
                    ));
                }
            }
            (_, Some(e)) => lines.push(format!("error: {}", e.message)),
            _ => lines.push("no edits".into()),
        }
        lines.join("\n")
    });
    assert!(!out.contains("NOT LAID OUT"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn outline_tokens_diagnostics_and_formatting() {
    let cases = [
        case("the national file", NATIONAL, At("‸// Aturan")),
        case("the Kanwil's file", KANWIL, At("‸// Kanwil Contoh")),
        case("the unit's agreement", UNIT, At("‸// Rutan")),
        case("the unit's data", DATA, At("‸// Realisasi")),
        case(
            "a half-typed indikator in a sasaran",
            NATIONAL,
            Replace(
                "    polaritas naik\n    realisasi terakhir semester",
                "    polaritas\n    realisasi terakhir semester‸",
            ),
        ),
        case(
            "a sasaran left open",
            NATIONAL,
            Append("\nsasaran SX strategis \"X\" {\n  indikator ikx \"X\" {‸"),
        ),
        case(
            "a stray character between items",
            NATIONAL,
            Replace("// ---- Sasaran Strategis", "}‸\n// ---- Sasaran Strategis"),
        ),
        case(
            "an unknown id in an agreement",
            UNIT,
            Replace("target ikk_remisi ", "target ikk_remisu‸ "),
        ),
        case(
            "a number without a value",
            UNIT,
            Replace("target ikk_remisi    = 98%", "target ikk_remisi    =‸"),
        ),
        case("a unit word that does not fit", UNIT, Replace("= 2 orang", "= 2 kg‸")),
        case(
            "a data line for an unknown indikator",
            DATA,
            Append("\nrealisasi 2022 {\n  ikx = 5‸\n}\n"),
        ),
        case(
            "a script call to a missing function",
            KANWIL,
            Replace(
                "rasio_terbalik(target, realisasi)",
                "rasio_terbalikk(target, realisasi)‸",
            ),
        ),
        case(
            "a file badly laid out",
            UNIT,
            Replace("target iku_kamtib    = 75", "target    iku_kamtib = 75‸"),
        ),
        case("an empty file", UNIT, Replace(shipped_unit_all(), "‸")),
    ];
    let out = report(&cases, |c| {
        let (mut s, text, outline) = ask(c, "textDocument/documentSymbol", json!({}));
        let names: Vec<String> = outline
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|sym| {
                let children = sym["children"].as_array().map_or(0, Vec::len);
                format!("{}({children})", sym["name"].as_str().unwrap_or("?"))
            })
            .collect();
        let tokens = s.answer(Request::new(
            RequestId::from(2),
            "textDocument/semanticTokens/full".into(),
            json!({"textDocument": {"uri": uri(c.file)}}),
        ));
        let count = tokens
            .result
            .as_ref()
            .and_then(|t| t["data"].as_array())
            .map_or(0, |d| d.len() / 5);
        let diagnostics: Vec<String> = s
            .diagnostics(&path(c.file))
            .iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.range.start.line + 1,
                    d.range.start.character + 1,
                    match &d.code {
                        Some(lsp_types::NumberOrString::String(s)) => s.clone(),
                        _ => "?".into(),
                    }
                )
            })
            .collect();
        let formatted = s.answer(Request::new(
            RequestId::from(3),
            "textDocument/formatting".into(),
            json!({"textDocument": {"uri": uri(c.file)}, "options": {"tabSize": 2, "insertSpaces": true}}),
        ));
        let edits = formatted
            .result
            .as_ref()
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let format = if edits.is_empty() {
            "formatting: unchanged".to_string()
        } else {
            let after = apply(&text, &edits);
            let first = text
                .lines()
                .zip(after.lines())
                .position(|(a, b)| a != b)
                .map_or(0, |i| i + 1);
            format!("formatting: changes, first at line {first}")
        };
        format!(
            "outline: {}\nsemantic tokens: {count}\ndiagnostics: {}\n{format}",
            if names.is_empty() {
                "none".into()
            } else {
                names.join(", ")
            },
            if diagnostics.is_empty() {
                "none".into()
            } else {
                diagnostics.join(", ")
            }
        )
    });
    insta::assert_snapshot!(out);
}

fn shipped_unit_all() -> &'static str {
    shipped(UNIT)
}

/// Asks `method` with `params` of a server that has `file` open with `text`.
fn request(s: &mut Server, file: &str, text: &str, method: &str, params: Value) -> lsp_server::Response {
    s.notified(Notification::new(
        "textDocument/didOpen".into(),
        json!({"textDocument": {"uri": uri(file), "languageId": "sakip", "version": 1, "text": text}}),
    ));
    s.ensure(&path(file));
    s.answer(Request::new(RequestId::from(7), method.into(), params))
}

#[test]
fn explain_and_preview_of_a_unit_with_unsaved_text() {
    // The unit's data as typed: one escape in the second semester, unsaved.
    let data = shipped(DATA).replacen("smt2 = 0 orang", "smt2 = 1 orang", 1);
    let mut s = server();
    let preview = |s: &mut Server, text: &str| {
        let r = request(
            s,
            DATA,
            text,
            "sakip/preview",
            json!({"textDocument": {"uri": uri(DATA)}}),
        );
        assert!(r.error.is_none(), "{:?}", r.error);
        r.result.unwrap()
    };
    let before = preview(&mut s, shipped(DATA));
    let after = preview(&mut s, &data);
    assert_eq!(before["year"], 2022, "{before}");
    assert_ne!(
        before["capaian"]["ikw_pelarian"], after["capaian"]["ikw_pelarian"],
        "{after}"
    );
    assert_eq!(before["capaian"]["iku_kamtib"], after["capaian"]["iku_kamtib"]);
    // Explain the indikator under the cursor, with the unsaved text.
    let text = shipped(UNIT);
    let at = text.find("ikw_pelarian").unwrap() + 2;
    let params = json!({"textDocument": {"uri": uri(UNIT)}, "position": position(text, at), "year": 2022});
    let r = request(&mut s, UNIT, text, "sakip/explain", params);
    assert!(r.error.is_none(), "{:?}", r.error);
    let e = r.result.unwrap();
    assert_eq!(e["id"], "ikw_pelarian", "{e}");
    let steps = e["steps"].as_array().unwrap();
    // The realisasi of both semesters as typed (1 + 1), not as on disk.
    let realisasi = steps.iter().find(|s| s["label"] == "realisasi").unwrap();
    assert_eq!(realisasi["text"], "jumlah(semester) of smt1 1, smt2 1 = 2", "{e}");
    assert!(realisasi["origin"]["file"]
        .as_str()
        .unwrap()
        .ends_with("realisasi-2022.sakip"));
    assert_eq!(e["result"], "capaian 100.00% · Sangat Memuaskan", "{e}");
    assert!(steps.iter().any(|s| s["origin"]["file"]
        .as_str()
        .unwrap_or("")
        .ends_with("kanwil-contoh.sakip")));
    // Not on an indikator, or not in a unit: why, in the reader's words.
    let national = shipped(NATIONAL);
    let params = json!({"textDocument": {"uri": uri(NATIONAL)}, "position": position(national, 0)});
    let r = request(&mut s, NATIONAL, national, "sakip/explain", params);
    assert!(r.error.unwrap().message.contains("indikator"));
    let r = request(
        &mut s,
        NATIONAL,
        national,
        "sakip/preview",
        json!({"textDocument": {"uri": uri(NATIONAL)}}),
    );
    assert!(r.error.unwrap().message.contains("satker"));
}

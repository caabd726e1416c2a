//! Every formula GRAMMAR.md shows parses, checks and evaluates: the lines
//! of its example block and each construct of its table (with the table's
//! placeholders `a`, `x`, `A`, `B`, `C` and `...` filled in). A construct
//! documented but refused (`bulat(x, 2)` once was) fails here.

use crate::support::{root, sakip_in};
use std::collections::BTreeSet;

/// The formulas of GRAMMAR.md's "Formulas" section, as `(object, formula)`.
fn documented() -> Vec<(String, String)> {
    let grammar = std::fs::read_to_string(root().join("GRAMMAR.md")).unwrap();
    let start = grammar.find("## Formulas (rumus)").unwrap();
    let section = &grammar[start..];
    let section = &section[..section[3..].find("\n## ").map(|e| e + 3).unwrap_or(section.len())];
    let mut out = Vec::new();
    for line in section.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("rumus ") {
            let (head, formula) = rest.split_once(" = ").unwrap();
            let object = head.split_whitespace().next().unwrap().to_string();
            out.push((object, formula.to_string()));
        } else if let Some(row) = line.strip_prefix('|') {
            let first = row.split('|').next().unwrap_or("");
            for code in first.split('`').skip(1).step_by(2) {
                let starts_like_formula = code.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                if !starts_like_formula || ["dan", "atau", "tidak"].contains(&code) {
                    continue;
                }
                let filled = code
                    .replace("(...)", "(triwulan)")
                    .replace(", ...", "")
                    .split_whitespace()
                    .map(|w| match w {
                        "A" => "realisasi > 1",
                        "B" => "1",
                        "C" => "2",
                        other => other,
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
                    .replace("(a,", "(realisasi,")
                    .replace(" b)", " target)")
                    .replace("(a)", "(realisasi)")
                    .replace("(x,", "(realisasi,");
                out.push(("capaian".to_string(), filled));
            }
        }
    }
    out
}

#[test]
fn every_formula_grammar_md_shows_parses_checks_and_evaluates() {
    let formulas = documented();
    assert!(formulas.len() >= 20, "{formulas:?}");
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("grammar-examples");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::create_dir_all(dir.join("unit")).unwrap();
    // Every other indikator a formula names, declared plainly.
    let mut others = BTreeSet::new();
    for (_, f) in &formulas {
        for word in f.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')) {
            if let Some((id, _)) = word.split_once('.') {
                if id.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                    others.insert(id.to_string());
                }
            }
        }
    }
    let mut rules = String::from("aturan nasional n \"N\"\nskrip \"f.rhai\"\nsasaran S strategis \"S\" {\n");
    let mut agreement = String::from("satker u \"U\"\nberdasarkan \"../rules\"\nperjanjian 2023 {\n");
    let mut data = String::from("realisasi 2023 {\n");
    for id in &others {
        rules.push_str(&format!("  indikator {id} \"{id}\" {{\n    satuan %\n  }}\n"));
        agreement.push_str(&format!("  target {id} = 80\n"));
        data.push_str(&format!("  {id} = 70\n"));
    }
    for (i, (object, formula)) in formulas.iter().enumerate() {
        let semester = formula.contains("smt") || formula.contains("semester");
        rules.push_str(&format!(
            "  indikator e{i} \"{formula}\" {{\n    satuan %\n    realisasi jumlah {}\n    rumus {object} = {formula}\n  }}\n",
            if semester { "semester" } else { "triwulan" }
        ));
        agreement.push_str(&format!("  target e{i} = 80\n"));
        // A computed realisasi reads the periods only through an aggregation.
        let reads_periods = ["triwulan", "semester", "tw", "smt"]
            .iter()
            .any(|w| formula.contains(w));
        if object == "capaian" || reads_periods {
            data.push_str(&if semester {
                format!("  e{i} smt1 = 30 smt2 = 40\n")
            } else {
                format!("  e{i} tw1 = 10 tw2 = 20 tw3 = 20 tw4 = 25\n")
            });
        }
    }
    rules.push_str("}\n");
    agreement.push_str("}\n");
    data.push_str("}\n");
    std::fs::write(dir.join("rules/n.sakip"), rules).unwrap();
    std::fs::write(
        dir.join("rules/f.rhai"),
        "fn rasio_terbalik(target, realisasi) { target / realisasi * 100 }\n",
    )
    .unwrap();
    std::fs::write(dir.join("unit/satker.sakip"), agreement).unwrap();
    std::fs::write(dir.join("unit/realisasi-2023.sakip"), data).unwrap();
    let check = sakip_in(&dir, &["--lang", "en", "check", "rules", "unit"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let eval = sakip_in(
        &dir,
        &["--lang", "en", "eval", "unit", "--year", "2023", "--format", "json"],
    );
    assert_eq!(eval.code, 0, "{}", eval.stderr);
    let v: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    for (i, (_, formula)) in formulas.iter().enumerate() {
        let ind = crate::support::indikator(&v, &format!("e{i}"));
        assert!(
            ind["capaian"].as_str().is_some_and(|c| !c.is_empty()),
            "`{formula}` gives no capaian: {ind}"
        );
    }
}

/// Whether `text` parses as a rule file.
fn parses(text: &str) -> bool {
    let mut sources = sakip_rules::source::SourceMap::default();
    let id = sources.add(camino::Utf8Path::new("grammar.sakip"), text.to_string());
    sakip_rules::parser::parse(&sources, id).is_ok()
}

/// Every example of the language GRAMMAR.md shows parses: each fenced
/// block as a file, or (a block of lines that live inside one) inside a
/// sasaran, an indikator or an agreement. A construct documented in words
/// the parser refuses fails here, and so does a construct renamed in the
/// grammar but not in the reference.
#[test]
fn every_example_block_of_grammar_md_parses() {
    let grammar = std::fs::read_to_string(root().join("GRAMMAR.md")).unwrap();
    let mut blocks = Vec::new();
    let mut rest = grammar.as_str();
    while let Some(start) = rest.find("```") {
        let after = &rest[start + 3..];
        let body_start = after.find('\n').map(|i| i + 1).unwrap_or(after.len());
        let Some(end) = after[body_start..].find("```") else {
            break;
        };
        blocks.push(after[body_start..body_start + end].to_string());
        rest = &after[body_start + end + 3..];
    }
    assert!(blocks.len() >= 20, "{}", blocks.len());
    let wrappers = [
        "{}",
        "sasaran S strategis \"S\" {{\n{}\n}}",
        "sasaran S strategis \"S\" {{\n  indikator x \"X\" {{\n{}\n  }}\n}}",
        "perjanjian 2022 {{\n{}\n}}",
    ];
    let mut refused = Vec::new();
    for b in &blocks {
        // The layout of a tree of folders, not the language.
        if b.contains("rules/ditjenpas/ditjenpas.sakip  ") {
            continue;
        }
        let ok = wrappers
            .iter()
            .any(|w| parses(&w.replacen("{}", b, 1).replace("{{", "{").replace("}}", "}")));
        if !ok {
            refused.push(b.clone());
        }
    }
    assert!(
        refused.is_empty(),
        "GRAMMAR.md shows what does not parse:\n{}",
        refused.join("\n-----\n")
    );
}

//! The registry of problem codes (`sakip_core::Code`) against its
//! documentation and its tests: `docs/CODES.md` is generated from the
//! registry, every code is produced by at least one test, and every code a
//! test's output shows is in the registry.

use crate::support::root;
use sakip_core::Code;
use std::collections::BTreeSet;
use std::path::Path;

/// `docs/CODES.md` as the registry writes it.
fn codes_md() -> String {
    let mut out = String::from(
        "# Problem codes\n\n\
         Every problem sakip reports carries one of these codes. A code is stable:\n\
         CI scripts may match on it, and it does not change with the wording or the\n\
         language of the message (`--lang`). Severity is the code's own: an `error`\n\
         makes the command exit 1; a `warning` or an `info` does not.\n\n\
         This file is generated from the registry in `crates/sakip-core/src/code.rs`\n\
         by the test `codes::codes_md_is_the_registry`; run it with `SAKIP_BLESS=1`\n\
         to rewrite it after changing the registry.\n",
    );
    let mut stage = None;
    for code in Code::ALL {
        if stage != Some(code.stage()) {
            stage = Some(code.stage());
            out.push_str(&format!(
                "\n## {}\n\n| code | severity | what |\n|---|---|---|\n",
                code.stage().title()
            ));
        }
        out.push_str(&format!("| `{}` | {} | {} |\n", code, code.severity(), code.summary()));
    }
    out
}

#[test]
fn codes_md_is_the_registry() {
    let path = root().join("docs/CODES.md");
    let want = codes_md();
    if std::env::var_os("SAKIP_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/CODES.md is not the registry: run `SAKIP_BLESS=1 cargo test --test e2e codes` and commit it"
    );
}

/// The text of every test: snapshots (what the commands printed), the
/// end-to-end tests, and the unit tests of each crate (the part of a source
/// file after its `#[cfg(test)]`).
fn test_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let mut files = Vec::new();
    walk(&root().join("tests"), &mut files);
    walk(&root().join("crates"), &mut files);
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let s = f.to_string_lossy();
        if s.ends_with(".snap") || s.contains("/tests/") || s.ends_with("/tests.rs") {
            texts.push(text);
        } else if s.ends_with(".rs") {
            if let Some(at) = text.find("#[cfg(test)]") {
                texts.push(text[at..].to_string());
            }
        }
    }
    texts
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("target") {
                walk(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs" || x == "snap") {
            out.push(p);
        }
    }
}

/// Whether `word` stands alone in `text` (not inside a longer code).
fn has_word(text: &str, word: &str) -> bool {
    let edge = |c: Option<char>| c.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    text.match_indices(word)
        .any(|(i, _)| edge(text[..i].chars().next_back()) && edge(text[i + word.len()..].chars().next()))
}

/// The Rust name of a code (`band-gap` is `BandGap`).
fn variant(code: Code) -> String {
    format!("Code::{code:?}")
}

#[test]
fn every_code_is_produced_by_a_test() {
    let mut texts = test_texts();
    // Each folder of `tests/fixtures/codes` is run by `each_code_fixture_reports_its_code`.
    for entry in std::fs::read_dir(root().join("tests/fixtures/codes"))
        .unwrap()
        .flatten()
    {
        texts.push(format!("[{}]", entry.file_name().to_string_lossy()));
    }
    let untested: Vec<&str> = Code::ALL
        .iter()
        .filter(|c| c.as_str() != "internal-error")
        .filter(|c| {
            !texts.iter().any(|t| {
                // Output shows `[code]`, `"code": "code"`, `` `code` `` or the
                // code alone on miette's first line; unit tests name the variant.
                [format!("[{c}]"), format!("\"{c}\""), format!("`{c}`")]
                    .iter()
                    .any(|w| t.contains(w.as_str()))
                    || t.lines()
                        .any(|l| l.trim() == c.as_str() || l.trim().ends_with(&format!(": {c}")))
                    || has_word(t, &variant(**c))
            })
        })
        .map(|c| c.as_str())
        .collect();
    assert!(untested.is_empty(), "codes no test produces: {untested:?}");
}

#[test]
fn every_code_in_test_output_is_registered() {
    let known: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let mut unknown = BTreeSet::new();
    let mut files = Vec::new();
    walk(&root().join("tests"), &mut files);
    walk(&root().join("crates"), &mut files);
    for f in files.iter().filter(|f| f.extension().is_some_and(|x| x == "snap")) {
        let text = std::fs::read_to_string(f).unwrap();
        for (i, _) in text.match_indices("\"code\": \"") {
            let rest = &text[i + 9..];
            let code = &rest[..rest.find('"').unwrap_or(0)];
            if !known.contains(code) {
                unknown.insert(code.to_string());
            }
        }
        for sev in ["error[", "warning[", "info["] {
            for (i, _) in text.match_indices(sev) {
                let rest = &text[i + sev.len()..];
                let code = &rest[..rest.find(']').unwrap_or(0)];
                if !known.contains(code) {
                    unknown.insert(code.to_string());
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "codes in test output that the registry lacks: {unknown:?}"
    );
}

#[test]
fn the_grammar_points_at_the_codes() {
    let grammar = std::fs::read_to_string(root().join("GRAMMAR.md")).unwrap();
    assert!(
        grammar.contains("docs/CODES.md"),
        "GRAMMAR.md sends readers to the list of codes"
    );
    // Every code GRAMMAR.md names in a table is registered.
    for line in grammar.lines().filter(|l| l.starts_with("| `")) {
        for part in line.split('`').skip(1).step_by(2) {
            let kebab = part.split('-').count() > 1 && part.split('-').all(|w| !w.is_empty());
            if kebab && part.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                assert!(
                    Code::parse(part).is_some(),
                    "GRAMMAR.md names `{part}`, which is not a code"
                );
            }
        }
    }
}

/// `tests/fixtures/codes/<code>/`: the smallest case that produces `<code>`,
/// and the command that shows it (`cmd`, run inside the folder). Each must
/// report its code, and an error must fail the command.
#[test]
fn each_code_fixture_reports_its_code() {
    let dir = root().join("tests/fixtures/codes");
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let code = Code::parse(&name).unwrap_or_else(|| panic!("fixture `{name}` names no code"));
        let cmd = std::fs::read_to_string(entry.path().join("cmd")).unwrap();
        let args: Vec<&str> = cmd.split_whitespace().collect();
        let run = crate::support::sakip_in(&entry.path(), &args);
        let all = format!("{}{}", run.stdout, run.stderr);
        // `[code]` in a short line, `"code": "code"` in JSON, the code
        // ending miette's first line (after the file for a whole-file problem).
        let reported = all.contains(&format!("[{code}]"))
            || all.contains(&format!("\"code\": \"{code}\""))
            || all
                .lines()
                .any(|l| l.trim() == code.as_str() || l.trim().ends_with(&format!(": {code}")));
        if !reported {
            failures.push(format!("{name}: `sakip {}` does not report it:\n{all}", cmd.trim()));
        } else if code.severity() == sakip_core::Severity::Error && run.code != 1 {
            failures.push(format!("{name}: an error must fail the command, exit {}", run.code));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n----\n"));
    assert!(checked >= 40, "{checked} fixtures");
}

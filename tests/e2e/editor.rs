//! The editor files: the TextMate grammar of `editors/vscode` scopes every
//! keyword, number, money, string and comment of every shipped `.sakip`
//! file as sakip's own lexer reads it (run in Node with vscode-textmate,
//! the engine VS Code uses), and the extension's manifest names what it
//! ships.

use crate::support::root;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

fn sakip_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            sakip_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "sakip") {
            out.push(p);
        }
    }
}

/// One file's lines and expected tokens, in UTF-16 columns.
fn expected(path: &Path) -> Option<Value> {
    use sakip_rules::lexicon::{tokens, TokenKind};
    let text = std::fs::read_to_string(path).ok()?;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let col16 = |line_start: usize, at: usize| text[line_start..at].chars().map(char::len_utf16).sum::<usize>();
    let mut list = Vec::new();
    for t in tokens(&text) {
        let kind = match t.kind {
            TokenKind::Keyword => "keyword",
            TokenKind::Number => "number",
            TokenKind::Money => "money",
            TokenKind::String => "string",
            TokenKind::Comment => "comment",
            _ => continue,
        };
        let line = starts.partition_point(|s| *s <= t.start) - 1;
        let ls = starts[line];
        list.push(json!({"line": line, "start": col16(ls, t.start), "end": col16(ls, t.end), "kind": kind}));
    }
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let shown = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    Some(json!({"path": shown, "lines": lines, "tokens": list}))
}

#[test]
#[cfg_attr(
    no_textmate,
    ignore = "no Node TextMate engine here: npm ci --prefix editors/vscode (CI installs it)"
)]
fn the_textmate_grammar_scopes_every_shipped_file_as_the_lexer_reads_it() {
    let mut files = Vec::new();
    for top in ["rules", "examples", "tests/fixtures"] {
        sakip_files(&root().join(top), &mut files);
    }
    assert!(files.len() > 50, "{} files", files.len());
    let input: Vec<Value> = files.iter().filter_map(|f| expected(f)).collect();
    let tokens: usize = input.iter().map(|f| f["tokens"].as_array().unwrap().len()).sum();
    assert!(tokens > 3000, "{tokens} tokens");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("grammar");
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("expected.json");
    std::fs::write(&list, serde_json::to_string(&input).unwrap()).unwrap();
    let out = Command::new("node")
        .arg(root().join("editors/vscode/test/grammar.js"))
        .arg(&list)
        .output()
        .expect("node is on the PATH (CI installs it)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("{tokens} tokens of {} files checked", input.len())),
        "{stdout}"
    );
}

#[test]
fn the_extension_ships_what_its_manifest_names() {
    let dir = root().join("editors/vscode");
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).unwrap()).unwrap();
    let c = &manifest["contributes"];
    assert_eq!(c["languages"][0]["extensions"], json!([".sakip"]));
    for p in [
        manifest["main"].as_str().unwrap(),
        c["languages"][0]["configuration"].as_str().unwrap(),
        c["grammars"][0]["path"].as_str().unwrap(),
    ] {
        assert!(dir.join(p).is_file(), "{p}");
    }
    // The client starts the server the CLI has.
    let client = std::fs::read_to_string(dir.join("extension.js")).unwrap();
    assert!(client.contains("\"lsp\""));
    let help = crate::support::sakip(&["lsp", "--help"]);
    assert_eq!(help.code, 0);
    // The grammar's keywords are the language's.
    let grammar = std::fs::read_to_string(dir.join(c["grammars"][0]["path"].as_str().unwrap())).unwrap();
    for k in sakip_rules::lexicon::KEYWORDS {
        assert!(grammar.contains(k), "{k}");
    }
}

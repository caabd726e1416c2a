//! `sakip lsp` spoken to over stdio, as an editor speaks to it: initialize,
//! open the seed's files, break a line and fix it, then hover, definition,
//! references, completion, formatting, rename, tokens and the outline.

use crate::support::scratch_copy;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A client of one `sakip lsp` process.
struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: mpsc::Receiver<Value>,
    /// Notifications met while waiting for a response.
    notes: Vec<Value>,
    next: i64,
}

fn read_message(r: &mut BufReader<ChildStdout>) -> Option<Value> {
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    fn start(root: &Path) -> Self {
        Self::start_with(root, json!({}))
    }

    /// A client that tells the server what it can do.
    fn start_with(root: &Path, capabilities: Value) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sakip"))
            .args(["lsp", "--lang", "en"])
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            while let Some(m) = read_message(&mut stdout) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut client = Self {
            child,
            stdin,
            messages,
            notes: Vec::new(),
            next: 1,
        };
        let init = client.request(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": capabilities}),
        );
        assert!(init["result"]["capabilities"]["hoverProvider"] == json!(true), "{init}");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.messages.recv_timeout(Duration::from_secs(60)).expect("an answer");
            if m["id"] == json!(id) {
                return m;
            }
            self.notes.push(m);
        }
    }

    /// The latest diagnostics published for `path`, after everything sent
    /// so far was handled (a request's answer comes after them).
    fn diagnostics(&mut self, path: &Path) -> Vec<Value> {
        self.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri(path)}}),
        );
        let u = uri(path);
        self.notes
            .iter()
            .rev()
            .find(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == json!(u))
            .map(|n| n["params"]["diagnostics"].as_array().cloned().unwrap_or_default())
            .unwrap_or_default()
    }

    fn open(&mut self, path: &Path) {
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "sakip", "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, path: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn at(&mut self, method: &str, path: &Path, (line, character): (usize, usize), extra: Value) -> Value {
        let mut params =
            json!({"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}});
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        self.request(method, params)
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The 0-based line and column of the first `needle` in `path`, plus `shift` columns.
fn find(path: &Path, needle: &str, shift: usize) -> (usize, usize) {
    let text = std::fs::read_to_string(path).unwrap();
    let (line, l) = text.lines().enumerate().find(|(_, l)| l.contains(needle)).unwrap();
    (line, l.find(needle).unwrap() + shift)
}

fn lines_of(locations: &Value) -> Vec<(String, u64)> {
    locations
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let u = l["uri"].as_str().unwrap();
            (
                u.rsplit('/').next().unwrap().to_string(),
                l["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn an_editor_session_over_stdio() {
    let root: PathBuf = scratch_copy("lsp-session").canonicalize().unwrap();
    let national = root.join("rules/ditjenpas/ditjenpas.sakip");
    let unit = root.join("examples/lapas-sarolangun-rawas");
    let perjanjian = unit.join("perjanjian-2022.sakip");
    let realisasi = unit.join("realisasi-2022.sakip");
    let mut c = Client::start(&root);
    for f in [&national, &perjanjian, &realisasi] {
        c.open(f);
    }
    // The shipped files check clean of errors.
    assert!(c.diagnostics(&perjanjian).iter().all(|d| d["severity"] != json!(1)));

    // A change that breaks a line: a syntax error at that line, unsaved.
    let text = std::fs::read_to_string(&perjanjian).unwrap();
    let (line, _) = find(&perjanjian, "target iku_kamtib", 0);
    c.change(
        &perjanjian,
        2,
        &text.replacen("target iku_kamtib", "target iku_kamtib =", 1),
    );
    let d = c.diagnostics(&perjanjian);
    let syntax = d
        .iter()
        .find(|d| d["code"] == "syntax")
        .unwrap_or_else(|| panic!("{d:?}"));
    assert_eq!(syntax["range"]["start"]["line"], json!(line));
    assert_eq!(syntax["severity"], json!(1));
    assert!(syntax["message"].as_str().unwrap().contains("expected"), "{syntax}");
    // An unknown id: the same code and message as `check`, on the unit's file.
    c.change(
        &perjanjian,
        3,
        &text.replacen("target iku_kamtib", "target iku_kamtb", 1),
    );
    let d = c.diagnostics(&perjanjian);
    let unknown = d
        .iter()
        .find(|d| d["code"] == "unknown-indicator")
        .unwrap_or_else(|| panic!("{d:?}"));
    assert_eq!(unknown["range"]["start"]["line"], json!(line));
    assert!(unknown["message"].as_str().unwrap().contains("iku_kamtb"));
    // Fixed: the diagnostics are cleared.
    c.change(&perjanjian, 4, &text);
    assert!(c.diagnostics(&perjanjian).iter().all(|d| d["severity"] != json!(1)));
    // Breaking the national file reaches the unit that builds on it.
    let ntext = std::fs::read_to_string(&national).unwrap();
    c.change(
        &national,
        2,
        &ntext.replacen("indikator iku_kamtib", "indikator iku_kamtib_x", 1),
    );
    assert!(c
        .diagnostics(&perjanjian)
        .iter()
        .any(|d| d["code"] == "unknown-indicator"));
    c.change(&national, 3, &ntext);
    assert!(c.diagnostics(&perjanjian).iter().all(|d| d["severity"] != json!(1)));

    // Hover on an id in the agreement: its name and the target per level.
    let on_id = find(&perjanjian, "iku_kamtib", 3);
    let h = c.at("textDocument/hover", &perjanjian, on_id, json!({}));
    let value = h["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{h}"));
    assert!(value.contains("Indeks Keamanan dan Ketertiban"), "{value}");
    assert!(value.contains("**2022**") && value.contains("satker `75"), "{value}");
    // Hover on a keyword: GRAMMAR.md's line.
    let h = c.at(
        "textDocument/hover",
        &perjanjian,
        find(&perjanjian, "perjanjian", 2),
        json!({}),
    );
    assert!(
        h["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("perjanjian"),
        "{h}"
    );

    // Definition: the `indikator` line in the national file.
    let d = c.at("textDocument/definition", &perjanjian, on_id, json!({}));
    let (def_line, _) = find(&national, "indikator iku_kamtib ", 0);
    assert_eq!(
        lines_of(&json!([d["result"]])),
        vec![("ditjenpas.sakip".to_string(), def_line as u64)]
    );
    // A function in a rumus: its `fn` in the script.
    let kanwil = root.join("rules/kanwil-contoh/kanwil-contoh.sakip");
    let d = c.at(
        "textDocument/definition",
        &kanwil,
        find(&kanwil, "rasio_terbalik", 2),
        json!({}),
    );
    let script = root.join("rules/kanwil-contoh/contoh.rhai");
    assert_eq!(
        lines_of(&json!([d["result"]])),
        vec![(
            "contoh.rhai".to_string(),
            find(&script, "fn rasio_terbalik", 0).0 as u64
        )]
    );
    let h = c.at(
        "textDocument/hover",
        &kanwil,
        find(&kanwil, "rasio_terbalik", 2),
        json!({}),
    );
    assert!(h["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("fn rasio_terbalik(target, realisasi)"));

    // The script itself: a syntax error typed into it shows there, and
    // nothing of the rule language is offered in it.
    c.open(&script);
    let script_text = std::fs::read_to_string(&script).unwrap();
    c.change(
        &script,
        2,
        &script_text.replacen(
            "fn rasio_terbalik(target, realisasi) {",
            "fn rasio_terbalik(target, realisasi) {(",
            1,
        ),
    );
    let d = c.diagnostics(&script);
    assert!(d.iter().any(|d| d["code"] == "script-syntax"), "{d:?}");
    c.change(&script, 3, &script_text);
    assert!(c.diagnostics(&script).is_empty());
    let t = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri(&script)}}),
    );
    assert!(t["result"].is_null(), "{t}");

    // References across the chain: the agreement and the year's data.
    let r = c.at(
        "textDocument/references",
        &perjanjian,
        on_id,
        json!({"context": {"includeDeclaration": true}}),
    );
    let refs = lines_of(&r["result"]);
    for (file, needle) in [
        (&national, "indikator iku_kamtib "),
        (&perjanjian, "target iku_kamtib"),
        (&realisasi, "iku_kamtib"),
    ] {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        assert!(refs.contains(&(name, find(file, needle, 0).0 as u64)), "{refs:?}");
    }

    // Completion after `target ` in the agreement: the ids, with their names.
    let (l, _) = find(&perjanjian, "target iku_kamtib", 0);
    let comp = c.at("textDocument/completion", &perjanjian, (l, 9), json!({}));
    let labels: Vec<&str> = comp["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"iku_kamtib") && labels.contains(&"ikp_kamtib"),
        "{labels:?}"
    );
    // After `satuan `: the units the tree uses.
    let (l, col) = find(&national, "satuan ", 7);
    let comp = c.at("textDocument/completion", &national, (l, col), json!({}));
    assert!(
        comp["result"].as_array().unwrap().iter().any(|i| i["label"] == "%"),
        "{comp}"
    );

    // Formatting: a badly laid-out file comes back as `fmt` lays it out.
    let messy = text.replacen("  target iku_kamtib", "target    iku_kamtib", 1);
    c.change(&perjanjian, 5, &messy);
    let f = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri(&perjanjian)}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(f["result"][0]["newText"].as_str().unwrap(), text, "{f}");
    c.change(&perjanjian, 6, &text);

    // Rename refuses a keyword and an id that exists; renames everywhere otherwise.
    for (name, says) in [
        ("target", "is a keyword"),
        ("ikp_kamtib", "exists already"),
        ("9x", "is not an id"),
    ] {
        let r = c.at("textDocument/rename", &perjanjian, on_id, json!({"newName": name}));
        assert!(r["error"]["message"].as_str().unwrap_or("").contains(says), "{r}");
    }
    let r = c.at(
        "textDocument/rename",
        &perjanjian,
        on_id,
        json!({"newName": "iku_keamanan"}),
    );
    let changes = r["result"]["changes"].as_object().unwrap_or_else(|| panic!("{r}"));
    for file in [&national, &perjanjian, &realisasi] {
        assert!(
            changes.contains_key(&uri(file)),
            "{:?}",
            changes.keys().collect::<Vec<_>>()
        );
    }
    // Applying the edits leaves a tree that checks as clean as before, and
    // still laid out as `fmt` lays it out: the longer id moved the `=` of
    // the aligned lines, which the edits lay out again.
    for (u, edits) in changes {
        let path = PathBuf::from(u.strip_prefix("file://").unwrap());
        let before = std::fs::read_to_string(&path).unwrap();
        let after = apply_edits(&before, edits.as_array().unwrap());
        assert!(after.contains("iku_keamanan"), "{after}");
        std::fs::write(&path, after).unwrap();
    }
    let fmt = crate::support::sakip_in(&root, &["fmt", "--check", "rules", "examples"]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    let check = crate::support::sakip_in(&root, &["check", "rules", "examples"]);
    assert_eq!(check.code, 0, "{}", check.stderr);

    // Tokens and the outline.
    let t = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": uri(&national)}}),
    );
    assert!(t["result"]["data"].as_array().unwrap().len() > 500, "{t}");
    let o = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&national)}}),
    );
    let first_sasaran = o["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == json!(3))
        .unwrap();
    assert!(
        first_sasaran["children"].as_array().is_some_and(|c| !c.is_empty()),
        "{first_sasaran}"
    );

    // A file deleted on disk while open: a diagnostic, not an exit.
    std::fs::remove_file(&realisasi).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&realisasi), "type": 3}]}),
    );
    let d = c.diagnostics(&realisasi);
    assert!(d.iter().any(|d| d["code"] == "file-deleted"), "{d:?}");
    // A file outside the workspace's folders is checked too: here, a
    // rule file with a mistake, in a folder of its own.
    let outside = root.parent().unwrap().join("lsp-outside");
    let _ = std::fs::remove_dir_all(&outside);
    std::fs::create_dir_all(&outside).unwrap();
    let loose = outside.join("satker.sakip");
    std::fs::write(&loose, "satker x \"X\"\nberdasarkan \"../nowhere\"\n").unwrap();
    c.open(&loose);
    let d = c.diagnostics(&loose);
    assert!(d.iter().any(|d| d["code"] == "berdasarkan-missing"), "{d:?}");
    // Requests it does not know, and parameters that do not parse: errors.
    let r = c.request("textDocument/unknownThing", json!({}));
    assert!(r["error"].is_object());
    let r = c.request("textDocument/hover", json!({"nonsense": true}));
    assert!(r["error"].is_object());
    // Every request on a half-typed file answers.
    for cut in [1, 10, 100, 400] {
        let part: String = ntext.chars().take(cut).collect();
        c.change(&national, 10 + cut as i64, &part);
        for method in [
            "textDocument/hover",
            "textDocument/completion",
            "textDocument/definition",
        ] {
            let r = c.at(method, &national, (0, 3), json!({}));
            assert!(r.get("result").is_some() || r.get("error").is_some(), "{r}");
        }
    }
    // A clean end.
    let r = c.request("shutdown", json!(null));
    assert!(r["error"].is_null());
    c.notify("exit", json!(null));
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

/// A client that can watch files is asked to report changes of `.sakip`
/// and `.rhai` files; a file that could not be read at start (saved as
/// Latin-1) and is then fixed on disk is read again when the client says
/// so: its error goes, without a restart.
#[test]
fn files_changed_on_disk_are_watched_and_read_again() {
    let root = scratch_copy("lsp-watch");
    let data = root.join("examples/lapas-sarolangun-rawas/realisasi-2022.sakip");
    let good = std::fs::read(&data).unwrap();
    let mut latin1 = b"// Caf\xe9\n".to_vec();
    latin1.extend_from_slice(&good);
    std::fs::write(&data, &latin1).unwrap();
    let mut c = Client::start_with(
        &root,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    let before = c.diagnostics(&data);
    assert!(before.iter().any(|d| d["code"] == "file-unreadable"), "{before:?}");
    let register = c
        .notes
        .iter()
        .find(|m| m["method"] == "client/registerCapability")
        .cloned()
        .unwrap_or_else(|| panic!("no registration: {:?}", c.notes));
    let watchers = &register["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert_eq!(watchers[0]["globPattern"], "**/*.sakip", "{register}");
    assert_eq!(watchers[1]["globPattern"], "**/*.rhai", "{register}");
    // Fixed on disk, reported by the client.
    std::fs::write(&data, &good).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&data), "type": 2}]}),
    );
    let after = c.diagnostics(&data);
    assert!(after.iter().all(|d| d["code"] != "file-unreadable"), "{after:?}");
    // Deleted under the running server: the unit is checked without it,
    // and a file that still names its year is not harmed.
    let satker = root.join("examples/lapas-sarolangun-rawas/satker.sakip");
    std::fs::remove_file(&data).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&data), "type": 3}]}),
    );
    let unit = c.diagnostics(&satker);
    assert!(unit.iter().all(|d| d["code"] != "file-unreadable"), "{unit:?}");
    // The whole unit folder renamed: the old rule set goes, the new one is
    // found when a file of it is asked about, and hover answers there.
    let old_dir = root.join("examples/lapas-sarolangun-rawas");
    let new_dir = root.join("examples/lapas-baru");
    std::fs::rename(&old_dir, &new_dir).unwrap();
    let mut changes = Vec::new();
    for entry in std::fs::read_dir(&new_dir).unwrap() {
        let name = entry.unwrap().file_name();
        changes.push(json!({"uri": uri(&old_dir.join(&name)), "type": 3}));
        changes.push(json!({"uri": uri(&new_dir.join(&name)), "type": 1}));
    }
    c.notify("workspace/didChangeWatchedFiles", json!({ "changes": changes }));
    let moved = new_dir.join("perjanjian-2022.sakip");
    let text = std::fs::read_to_string(&moved).unwrap();
    let line = text.lines().position(|l| l.contains("target iku_kamtib")).unwrap();
    let h = c.at("textDocument/hover", &moved, (line, 12), json!({}));
    assert!(h["result"]["contents"].to_string().contains("iku_kamtib"), "{h}");
    let d = c.diagnostics(&moved);
    assert!(d.iter().all(|d| d["severity"] != 1), "{d:?}");
}

/// `text` with LSP `edits` applied (positions in UTF-16 code units).
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        let mut at = start;
        for c in text[start..].chars() {
            if units >= character || c == '\n' {
                break;
            }
            units += c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|(s, _, _)| std::cmp::Reverse(*s));
    let mut out = text.to_string();
    for (s, e, new) in edits {
        out.replace_range(s..e, &new);
    }
    out
}

/// While a file holds a mistake (as it does mid-typing), the rest of it
/// keeps its outline and hover: only the line with the mistake is lost
/// (the item, when the mistake is not one line), and the diagnostics are
/// the syntax error, not what the lost part would have declared.
#[test]
fn a_mistake_in_one_sasaran_leaves_the_rest_of_the_file_working() {
    let root = scratch_copy("lsp-tolerant");
    let national = root.join("rules/ditjenpas/ditjenpas.sakip");
    let text = std::fs::read_to_string(&national).unwrap();
    let mut c = Client::start(&root);
    c.open(&national);
    // A `satuan` with nothing after it, in the first sasaran.
    let broken = text.replacen("    satuan indeks\n", "    satuan indeks\n    satuan\n", 1);
    assert_ne!(broken, text);
    c.change(&national, 2, &broken);
    let d = c.diagnostics(&national);
    assert!(d.iter().any(|d| d["code"] == "syntax"), "{d:?}");
    assert!(d.iter().all(|d| d["code"] != "unknown-indicator"), "{d:?}");
    // The outline still has the other sasaran.
    let o = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&national)}}),
    );
    let names: Vec<String> = o["result"]
        .as_array()
        .unwrap_or_else(|| panic!("{o}"))
        .iter()
        .filter(|s| s["kind"] == json!(3))
        .map(|s| s["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(names.len() >= 5, "{names:?}");
    // The half-typed line alone is given up: its sasaran stays.
    assert!(names.iter().any(|n| n.starts_with("SS3")), "{names:?}");
    // Hover on an indikator of a later sasaran still answers.
    let (line, col) = broken
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("indikator iku_klien_produktif")
                .map(|c| (i, c + "indikator ".len() + 2))
        })
        .unwrap();
    let h = c.at("textDocument/hover", &national, (line, col), json!({}));
    assert!(
        h["result"]["contents"].to_string().contains("iku_klien_produktif"),
        "{h}"
    );
}

/// Completion on half-typed lines, where the file does not parse: after
/// `satuan ` the units the tree uses (not only `%`), and in a `rumus`
/// after `=` the ids and the script's functions.
#[test]
fn completion_on_half_typed_lines() {
    let root = scratch_copy("lsp-half-typed");
    let national = root.join("rules/kanwil-sumsel/kanwil-sumsel.sakip");
    let text = std::fs::read_to_string(&national).unwrap();
    let mut c = Client::start(&root);
    c.open(&national);
    let labels = |v: &Value| -> Vec<String> {
        v["result"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| i["label"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    // A new indikator being typed at the end of the file.
    let typing = format!("{text}\nsasaran SX strategis \"X\" {{\n  indikator ikx \"X\" {{\n    satuan ");
    c.change(&national, 2, &typing);
    let line = typing.lines().count() - 1;
    let comp = c.at("textDocument/completion", &national, (line, 11), json!({}));
    let units = labels(&comp);
    assert!(units.len() > 3 && units.iter().any(|u| u == "%"), "{units:?}");
    let typing =
        format!("{text}\nsasaran SX strategis \"X\" {{\n  indikator ikx \"X\" {{\n    satuan %\n    rumus capaian = ");
    c.change(&national, 3, &typing);
    let line = typing.lines().count() - 1;
    let comp = c.at("textDocument/completion", &national, (line, 20), json!({}));
    let words = labels(&comp);
    assert!(words.iter().any(|w| w == "iku_kamtib"), "{words:?}");
    // After a band's label in a klasifikasi being typed: the band ids.
    let typing = format!("{text}\nklasifikasi mulai 2030 {{\n  100 ..= 120 \"Sangat Memuaskan\" ");
    c.change(&national, 4, &typing);
    let line = typing.lines().count() - 1;
    let col = typing.lines().last().unwrap().len();
    let comp = c.at("textDocument/completion", &national, (line, col), json!({}));
    let bands = labels(&comp);
    assert!(bands.iter().any(|b| b == "excellent"), "{bands:?}");
}

/// Typing into the national rules of a generated tree of 2,000 units
/// while every unit has a problem (an indikator renamed in the national
/// file that each unit's files still name). The server answers before it
/// has read the tree, and checks the tree between messages: hover right
/// after 20 keystrokes answers within 100 ms (it took 3.3-4.2 s when every
/// keystroke re-checked the whole tree), the open file's diagnostics
/// follow each keystroke, and the units' files are told once, after the
/// work is done, and only when their diagnostics changed (it was 4,000
/// notifications per keystroke).
#[test]
fn typing_in_the_national_rules_does_not_flood_the_editor() {
    let spec = sakip_bench::Spec {
        units: 2000,
        kanwil: 4,
        indicators: 12,
        years: 1,
        seed: 5,
        hooks: sakip_bench::Hooks::Half,
    };
    let (dir, written) = crate::support::generated("lsp-typing", &spec);
    let national = written.national.as_std_path().join("nasional.sakip");
    let text = std::fs::read_to_string(&national).unwrap();
    let mut c = Client::start(&dir);
    c.open(&national);
    let started = std::time::Instant::now();
    c.diagnostics(&national);
    let first = started.elapsed();
    eprintln!("first answer: {first:?}");
    assert!(first < Duration::from_secs(2), "the first answer took {first:?}");
    // i001 renamed: every unit's agreement and data name an unknown id.
    let mut typed = text.replacen("indikator i001 ", "indikator i001x ", 1);
    c.change(&national, 2, &typed);
    // References wait for the whole tree; the units' diagnostics follow
    // once the editor is quiet.
    c.at(
        "textDocument/references",
        &national,
        (0, 0),
        json!({"context": {"includeDeclaration": true}}),
    );
    let flagged = |c: &Client| {
        c.notes
            .iter()
            .filter(|n| n["method"] == "textDocument/publishDiagnostics")
            .filter(|n| n["params"]["diagnostics"].as_array().is_some_and(|d| !d.is_empty()))
            .count()
    };
    let waited = std::time::Instant::now();
    while flagged(&c) < 4000 && waited.elapsed() < Duration::from_secs(120) {
        if let Ok(m) = c.messages.recv_timeout(Duration::from_millis(200)) {
            c.notes.push(m);
        }
    }
    assert_eq!(flagged(&c), 4000, "every unit's agreement and data are flagged, once");
    c.notes.clear();
    // Twenty keystrokes into a comment at the end, without waiting, and
    // hover at once.
    typed.push_str("\n// ");
    for (i, ch) in "perubahan target 2024".chars().take(20).enumerate() {
        typed.push(ch);
        c.change(&national, 3 + i as i64, &typed);
    }
    let line = typed.lines().position(|l| l.contains("indikator ")).unwrap();
    let col = typed.lines().nth(line).unwrap().find("indikator ").unwrap() + "indikator ".len() + 1;
    let started = std::time::Instant::now();
    let h = c.at("textDocument/hover", &national, (line, col), json!({}));
    let took = started.elapsed();
    assert!(h["result"].is_object(), "{h}");
    eprintln!("hover right after the typing: {took:?}");
    assert!(took < Duration::from_millis(100), "hover took {took:?}");
    // The whole tree checked again after the typing, and the editor quiet.
    c.at(
        "textDocument/references",
        &national,
        (line, col),
        json!({"context": {"includeDeclaration": true}}),
    );
    std::thread::sleep(Duration::from_millis(1000));
    c.diagnostics(&national);
    let published: Vec<&Value> = c
        .notes
        .iter()
        .filter(|n| n["method"] == "textDocument/publishDiagnostics")
        .collect();
    let to_national = published
        .iter()
        .filter(|n| n["params"]["uri"] == json!(uri(&national)))
        .count();
    let to_others = published.len() - to_national;
    // The open file: at most once per keystroke. The units: their problems
    // did not change, so they are not sent again.
    assert!(to_national <= 20, "{to_national}");
    assert_eq!(to_others, 0, "{to_others} notifications to the units' files");
}

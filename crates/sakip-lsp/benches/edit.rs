//! What a person editing feels: with the shipped tree open, the time from
//! an edit of the national rules to the open files' diagnostics (target
//! ≤ 150 ms) and to every file it reaches re-checked (what the server does
//! in the background), and the time of a hover and a completion (target
//! ≤ 20 ms). Run with `cargo bench -p sakip-lsp`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use camino::Utf8PathBuf;
use criterion::{criterion_group, criterion_main, Criterion};
use lsp_server::{Notification, Request, RequestId};
use sakip_core::Lang;
use sakip_lsp::Server;
use serde_json::json;

fn repo() -> Utf8PathBuf {
    Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize_utf8()
        .unwrap()
}

fn uri(path: &Utf8PathBuf) -> String {
    format!("file://{path}")
}

fn bench(c: &mut Criterion) {
    let root = repo();
    let national = root.join("rules/ditjenpas/ditjenpas.sakip");
    let agreement = root.join("examples/lapas-sarolangun-rawas/perjanjian-2022.sakip");
    let text = std::fs::read_to_string(&national).unwrap();
    let unit_text = std::fs::read_to_string(&agreement).unwrap();
    let mut server = Server::new(&[root.join("rules"), root.join("examples")], Lang::Id);
    let open = |path: &Utf8PathBuf, text: &str| {
        Notification::new(
            "textDocument/didOpen".into(),
            json!({"textDocument": {"uri": uri(path), "languageId": "sakip", "version": 1, "text": text}}),
        )
    };
    server.settle();
    server.notified(open(&national, &text));
    server.notified(open(&agreement, &unit_text));
    // What is measured is real work: the edit reaches the open files at
    // once and every rule set (the national file, its Kanwil and units)
    // once the background is done; hover and completion answer.
    let mut touched = server.notified(Notification::new(
        "textDocument/didChange".into(),
        json!({"textDocument": {"uri": uri(&national), "version": 1}, "contentChanges": [{"text": text.replacen("= 70", "= 71", 1)}]}),
    ));
    // A change is checked when the server is idle or asked: the open files first.
    touched.extend(server.work());
    touched.extend(server.work());
    assert!(
        touched.contains(&agreement) && touched.contains(&national),
        "{touched:?}"
    );
    touched.extend(server.settle());
    assert!(text.contains("= 70") && touched.len() >= 15, "{touched:?}");
    let mut version = 1;
    for whole in [false, true] {
        let name = if whole {
            "edit national rules → every file reached re-checked"
        } else {
            "edit national rules → diagnostics of the open files"
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                version += 1;
                // Alternate a change of one target so that every edit is real.
                let changed = if version % 2 == 0 {
                    text.replacen("= 70", "= 71", 1)
                } else {
                    text.clone()
                };
                let mut touched = server.notified(Notification::new(
                    "textDocument/didChange".into(),
                    json!({"textDocument": {"uri": uri(&national), "version": version},
                           "contentChanges": [{"text": changed}]}),
                ));
                if whole {
                    touched.extend(server.settle());
                } else {
                    touched.extend(server.ensure(&national));
                    touched.extend(server.ensure(&agreement));
                }
                let n: usize = touched.iter().map(|f| server.diagnostics(f).len()).sum();
                criterion::black_box(n)
            })
        });
    }
    server.settle();
    let line = unit_text.lines().position(|l| l.contains("target iku_kamtib")).unwrap();
    let col = unit_text.lines().nth(line).unwrap().find("iku_kamtib").unwrap() + 3;
    let hover = server.answer(Request::new(
        RequestId::from(1),
        "textDocument/hover".into(),
        json!({"textDocument": {"uri": uri(&agreement)}, "position": {"line": line, "character": col}}),
    ));
    assert!(
        hover.result.as_ref().is_some_and(|r| r.to_string().contains("target")),
        "{hover:?}"
    );
    c.bench_function("hover on an id in a unit's agreement", |b| {
        b.iter(|| {
            server.answer(Request::new(
                RequestId::from(1),
                "textDocument/hover".into(),
                json!({"textDocument": {"uri": uri(&agreement)}, "position": {"line": line, "character": col}}),
            ))
        })
    });
    c.bench_function("completion in a unit's agreement", |b| {
        b.iter(|| {
            server.answer(Request::new(
                RequestId::from(2),
                "textDocument/completion".into(),
                json!({"textDocument": {"uri": uri(&agreement)}, "position": {"line": line, "character": col}}),
            ))
        })
    });
}

/// A workspace of `units` generated units under one Kanwil (50 indicators,
/// two years each): how the time of an edit grows with what it reaches. An
/// edit of a unit's data re-checks that unit; of the Kanwil's or the
/// national rules, every unit.
fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("workspace of n units");
    group.sample_size(10);
    for units in [50usize, 100, 200] {
        let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("lsp-scale-{units}"));
        let _ = std::fs::remove_dir_all(&dir);
        let spec = sakip_bench::Spec {
            units,
            kanwil: 1,
            indicators: 50,
            years: 2,
            seed: 7,
            hooks: sakip_bench::Hooks::All,
        };
        let written = sakip_bench::generate(&spec, &dir).unwrap();
        let dir = dir.canonicalize_utf8().unwrap();
        let mut server = Server::new(std::slice::from_ref(&dir), Lang::Id);
        server.settle();
        let national = dir.join("rules/nasional/nasional.sakip");
        assert!(written.national.ends_with("rules/nasional"));
        let text = std::fs::read_to_string(&national).unwrap();
        // One unit's data file.
        let unit_file = server
            .tree_files()
            .into_iter()
            .find(|f| f.as_str().contains("realisasi") && f.starts_with(dir.as_str()))
            .unwrap();
        let unit_text = std::fs::read_to_string(&unit_file).unwrap();
        for (what, path, body) in [
            ("unit data", &unit_file, &unit_text),
            ("national rules", &national, &text),
        ] {
            let mut version = 0;
            group.bench_function(format!("{what}, {units} units"), |b| {
                b.iter(|| {
                    version += 1;
                    // An edit that changes nothing checks as much as one that does.
                    let mut touched = server.notified(Notification::new(
                        "textDocument/didChange".into(),
                        json!({"textDocument": {"uri": uri(path), "version": version},
                               "contentChanges": [{"text": body}]}),
                    ));
                    touched.extend(server.settle());
                    let n: usize = touched.iter().map(|f| server.diagnostics(f).len()).sum();
                    criterion::black_box(n)
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, scale);
criterion_main!(benches);

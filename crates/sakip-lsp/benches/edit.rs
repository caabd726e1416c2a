//! What a person editing feels: with the shipped tree open, the time from
//! an edit of the national rules to the diagnostics of every file it
//! reaches (target ≤ 100 ms), and the time of a hover and a completion
//! (target ≤ 20 ms). Run with `cargo bench -p sakip-lsp`.

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
    server.notified(open(&national, &text));
    server.notified(open(&agreement, &unit_text));
    // What is measured is real work: the edit reaches every rule set (the
    // national file, its Kanwil and units), and hover and completion answer.
    let touched = server.notified(Notification::new(
        "textDocument/didChange".into(),
        json!({"textDocument": {"uri": uri(&national), "version": 1}, "contentChanges": [{"text": text.replacen("= 70", "= 71", 1)}]}),
    ));
    assert!(text.contains("= 70") && touched.len() >= 15, "{touched:?}");
    let mut version = 1;
    c.bench_function("edit national rules → diagnostics of every file reached", |b| {
        b.iter(|| {
            version += 1;
            // Alternate a change of one target so that every edit is real.
            let changed = if version % 2 == 0 {
                text.replacen("= 70", "= 71", 1)
            } else {
                text.clone()
            };
            let touched = server.notified(Notification::new(
                "textDocument/didChange".into(),
                json!({"textDocument": {"uri": uri(&national), "version": version},
                       "contentChanges": [{"text": changed}]}),
            ));
            let n: usize = touched.iter().map(|f| server.diagnostics(f).len()).sum();
            criterion::black_box(n)
        })
    });
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

criterion_group!(benches, bench);
criterion_main!(benches);

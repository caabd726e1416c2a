//! What one keystroke costs the server: the check of the unsaved text
//! (`/api/check`) and the report re-evaluated with it (`/api/preview`), for
//! the seed's unit, its agreement being edited. Target: both together
//! within 50 ms on a laptop.

// A benchmark's setup may stop on a missing file: it is not user input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use camino::Utf8PathBuf;
use criterion::{criterion_group, criterion_main, Criterion};
use sakip_serve::State;

fn keystroke(c: &mut Criterion) {
    let repo = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bound = std::net::SocketAddr::from(([127, 0, 0, 1], 8080));
    let state =
        State::new(repo.clone(), bound, sakip_serve::Options::default()).expect("a workbench over the repository");
    let root = state.root().to_path_buf();
    let unit = root.join("examples/lapas-sarolangun-rawas");
    let path = unit.join("perjanjian-2022.sakip");
    let text = std::fs::read_to_string(&path).expect("the seed's agreement");
    // Two texts, so that every iteration is a change, as a keystroke is.
    let texts = [text.replacen("= 75", "= 76", 1), text.replacen("= 75", "= 77", 1)];
    let mut next = texts.iter().cycle();
    let mut group = c.benchmark_group("keystroke");
    group.bench_function("check", |b| {
        b.iter(|| {
            let t = next.next().expect("a cycle never ends");
            let problems = state.check_unsaved(&path, t);
            assert!(problems.iter().all(|p| p["severity"] != "error"));
        })
    });
    group.bench_function("check + preview", |b| {
        b.iter(|| {
            let t = next.next().expect("a cycle never ends");
            let problems = state.check_unsaved(&path, t);
            assert!(problems.iter().all(|p| p["severity"] != "error"));
            let (html, _) = state.preview_unsaved(&path, t, &unit, 2022).expect("the preview");
            assert!(html.contains("<table"));
        })
    });
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);

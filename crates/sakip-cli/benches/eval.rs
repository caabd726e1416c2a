//! The cost of `sakip eval` on the seed's unit, in its stages.
//!
//! - `load_and_evaluate`: read the three rule sets and the data, parse,
//!   resolve and evaluate: everything `sakip eval` does but printing.
//! - `evaluate_only`: the core evaluation of 47 indicators and the budget,
//!   with the rules already loaded (the per-unit cost when 25,000 units share
//!   compiled national and Kanwil rules).
//! - `evaluate_with_trace`: the same, recording every step for `explain`.
//! - `render_json`: the JSON contract from an evaluation.
//!
//! Run with `cargo bench -p sakip-cli`. The whole process is timed outside
//! (hyperfine); figures are in the closing notes, not in tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use camino::Utf8PathBuf;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sakip_core::host::NoScripts;

fn unit_dir() -> Utf8PathBuf {
    Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/lapas-sarolangun-rawas")
}

fn bench(c: &mut Criterion) {
    let dir = unit_dir();
    c.bench_function("load_and_evaluate", |b| {
        b.iter(|| sakip_cli::eval::evaluate_unit(black_box(&dir), 2022).unwrap())
    });
    let (unit, ev) = sakip_cli::eval::evaluate_unit(&dir, 2022).unwrap();
    let data = unit.data.get(&2022).unwrap();
    let no_trace = sakip_core::evaluate::Options { trace: false };
    c.bench_function("evaluate_only", |b| {
        b.iter(|| sakip_core::evaluate::evaluate_with(black_box(&unit.rules), black_box(data), &NoScripts, no_trace))
    });
    c.bench_function("evaluate_with_trace", |b| {
        b.iter(|| sakip_core::evaluate(black_box(&unit.rules), black_box(data), &NoScripts))
    });
    c.bench_function("render_json", |b| {
        b.iter(|| sakip_report::json::render(black_box(&ev), &unit.rules, &[]))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

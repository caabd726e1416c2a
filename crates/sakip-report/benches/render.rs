//! The cost of rendering the seed unit's evaluation, per format.
//!
//! - `render_json`: the JSON contract.
//! - `render_html`, `render_xlsx`: the report page with its SVG charts, and
//!   the workbook (zipped XML).
//!
//! Run with `cargo bench -p sakip-report`; the evaluation itself is measured
//! in sakip-engine's benchmark.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use camino::Utf8PathBuf;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let dir = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/lapas-sarolangun-rawas");
    let (unit, ev) = sakip_engine::evaluate_unit(
        &dir,
        2022,
        sakip_core::evaluate::Options {
            trace: false,
            until: None,
        },
    )
    .unwrap();
    c.bench_function("render_json", |b| {
        b.iter(|| sakip_report::json::render(black_box(&ev), &unit.rules, &[]))
    });
    let klasifikasi = &unit.rules.settings(2022).klasifikasi.value;
    c.bench_function("render_html", |b| {
        b.iter(|| sakip_report::html::render(black_box(&ev), klasifikasi, sakip_report::html::Lang::Id))
    });
    c.bench_function("render_xlsx", |b| {
        b.iter(|| sakip_report::xlsx::render(black_box(&ev), klasifikasi, sakip_core::Lang::Id).unwrap())
    });
    c.bench_function("render_pdf", |b| {
        b.iter(|| sakip_report::pdf::render(black_box(&ev), klasifikasi, sakip_core::Lang::Id, None).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

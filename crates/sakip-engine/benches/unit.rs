//! The cost of `sakip eval` on the seed's unit, in its stages.
//!
//! - `load_and_evaluate`: read the three rule sets and the data, parse,
//!   resolve and evaluate: everything `sakip eval` does but printing.
//! - `evaluate_only`: the core evaluation of 47 indicators and the budget,
//!   with the rules already loaded (the per-unit cost when 25,000 units share
//!   compiled national and Kanwil rules).
//! - `evaluate_with_trace`: the same, recording every step for `explain`.
//! - `capaian_47_indicators`, `one_capaian_hook_call`: what a script's hook
//!   costs against the built-in polarity.
//! - `one_nilai_satker_call`: a unit's score by a script over its 50
//!   indicators (the tier-weighted mean `sakip-bench generate` writes).
//!
//! Rendering is measured beside the renderers (`cargo bench -p
//! sakip-report`). Run with `cargo bench -p sakip-engine`. The whole process is timed outside
//! (hyperfine); figures are in the closing notes, not in tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use camino::Utf8PathBuf;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sakip_core::host::NoScripts;

fn unit_dir() -> Utf8PathBuf {
    Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/lapas-sarolangun-rawas")
}

fn bench(c: &mut Criterion) {
    let dir = unit_dir();
    let no_trace = sakip_core::evaluate::Options {
        trace: false,
        until: None,
    };
    c.bench_function("load_and_evaluate", |b| {
        b.iter(|| sakip_engine::evaluate_unit(black_box(&dir), 2022, no_trace).unwrap())
    });
    let (unit, _) = sakip_engine::evaluate_unit(&dir, 2022, no_trace).unwrap();
    let data = unit.data.get(&2022).unwrap();
    c.bench_function("evaluate_only", |b| {
        b.iter(|| sakip_core::evaluate::evaluate_with(black_box(&unit.rules), black_box(data), &NoScripts, no_trace))
    });
    c.bench_function("evaluate_with_trace", |b| {
        b.iter(|| sakip_core::evaluate(black_box(&unit.rules), black_box(data), &NoScripts))
    });
}

/// The cost a script hook adds per indicator: the seed's 47 indicators
/// scored by the polarity default, and by a script's `capaian` hook doing
/// the same arithmetic (so the difference is the call, not the formula).
fn hooks(c: &mut Criterion) {
    let no_trace = sakip_core::evaluate::Options {
        trace: false,
        until: None,
    };
    let (unit, _) = sakip_engine::evaluate_unit(&unit_dir(), 2022, no_trace).unwrap();
    let data = unit.data.get(&2022).unwrap();
    let hook = sakip_script::ScriptSet::compile(vec![sakip_script::ScriptSource {
        name: "bench.rhai".into(),
        text: "fn capaian(i) { i.realisasi / i.target * 100 }".into(),
        level: 0,
        from_year: None,
    }])
    .unwrap();
    let mut group = c.benchmark_group("capaian_47_indicators");
    group.bench_function("no_script", |b| {
        b.iter(|| sakip_core::evaluate::evaluate_with(black_box(&unit.rules), black_box(data), &NoScripts, no_trace))
    });
    group.bench_function("script_hook", |b| {
        b.iter(|| {
            sakip_core::evaluate::evaluate_with(black_box(&unit.rules), black_box(data), &hook.for_year(2022), no_trace)
        })
    });
    group.finish();

    // One call, in isolation.
    let satuan = sakip_core::satuan::Satuan::percent();
    let input = sakip_core::host::HookIndikator {
        id: "iku_ikm_hukum",
        tier: sakip_core::model::Tier::Strategis,
        satuan: &satuan,
        polaritas: &sakip_core::polaritas::Polaritas::Naik,
        year: 2022,
        target: Some(sakip_core::Decimal::new(775, 1)),
        realisasi: sakip_core::Decimal::new(325, 1),
        periode: &[],
    };
    use sakip_core::host::ScriptHost;
    let year = hook.for_year(2022);
    c.bench_function("one_capaian_hook_call", |b| {
        b.iter(|| year.capaian(black_box(&input)).map(|h| h.map(|h| h.value)))
    });
    let nilai = sakip_script::ScriptSet::compile(vec![sakip_script::ScriptSource {
        name: "nilai.rhai".into(),
        text: NILAI_SATKER.into(),
        level: 0,
        from_year: None,
    }])
    .unwrap();
    let tiers = [
        sakip_core::model::Tier::Strategis,
        sakip_core::model::Tier::Program,
        sakip_core::model::Tier::Kegiatan,
        sakip_core::model::Tier::Output,
    ];
    let ids: Vec<String> = (1..=50).map(|n| format!("i{n:03}")).collect();
    let hasil: Vec<sakip_core::host::HasilIndikator> = ids
        .iter()
        .enumerate()
        .map(|(n, id)| sakip_core::host::HasilIndikator {
            id,
            tier: tiers[n % tiers.len()],
            capaian: Some(sakip_core::Decimal::new(6000 + 97 * n as i64, 2)),
            bobot: None,
            band: Some("baik"),
        })
        .collect();
    let nilai_year = nilai.for_year(2022);
    c.bench_function("one_nilai_satker_call", |b| {
        b.iter(|| nilai_year.nilai_satker(black_box(&hasil)).map(|h| h.map(|h| h.value)))
    });
    let target = sakip_core::Decimal::new(775, 1);
    c.bench_function("one_default_capaian", |b| {
        b.iter(|| sakip_core::polaritas::Polaritas::Naik.capaian(black_box(target), black_box(input.realisasi)))
    });
}

/// What `sakip-bench generate` writes for a Kanwil's score.
const NILAI_SATKER: &str = r#"
fn nilai_satker(hasil) {
  let jumlah = 0;
  let bobot = 0;
  for h in hasil {
    if h.capaian != () {
      let w = if h.tier == "strategis" { 40 } else if h.tier == "program" { 30 } else if h.tier == "kegiatan" { 20 } else { 10 };
      jumlah += h.capaian * w;
      bobot += w;
    }
  }
  if bobot == 0 { return (); }
  jumlah / bobot
}
"#;

criterion_group!(benches, bench, hooks);
criterion_main!(benches);

//! In-process figures of a rollup (criterion): the long-table path and the
//! folder path over generated workloads at 1/4, 1/2 and the full size, so
//! that growth shows in one run. Whole-process figures at national size
//! are `benches/scale/run` (hyperfine).

use camino::Utf8PathBuf;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use sakip_core::rekap::Rollup;
use sakip_engine::rollup::{self, Evaluated};
use sakip_engine::{long_table, Selection};
use std::time::Duration;

const FULL: usize = 2_000;

fn workload(units: usize) -> sakip_bench::Written {
    let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-{units}"));
    let spec = sakip_bench::Spec {
        units,
        kanwil: 34,
        indicators: 50,
        years: 1,
        seed: 1,
        hooks: sakip_bench::Hooks::All,
    };
    let _ = std::fs::remove_dir_all(&dir);
    match sakip_bench::generate(&spec, &dir) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("cannot generate the workload under {dir}: {e}");
            std::process::exit(1)
        }
    }
}

fn count(u: &Evaluated<'_>) -> usize {
    u.evaluation.indicators.len()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("rollup");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    let selection = Selection {
        year: 2022,
        kanwil: None,
        nasional: None,
        until: None,
    };
    for units in [FULL / 4, FULL / 2, FULL] {
        let w = workload(units);
        let national = long_table::RuleSets::load(std::slice::from_ref(&w.national)).ok();
        let mut with_kanwil = vec![w.national.clone()];
        with_kanwil.extend(w.kanwil.iter().cloned());
        let hooked = long_table::RuleSets::load(&with_kanwil).ok();
        let data = [w.long_csv.clone()];
        for (name, rules) in [("long_table_national", &national), ("long_table_capaian_hook", &hooked)] {
            let Some(rules) = rules else { continue };
            group.bench_with_input(BenchmarkId::new(name, units), &units, |b, _| {
                b.iter(|| {
                    let mut summary = Rollup::new(2022, false);
                    let ran = long_table::run(
                        rules,
                        &data,
                        &selection,
                        long_table::Options::default(),
                        count,
                        |o| rollup::add_to(&mut summary, &o),
                        &mut |_| {},
                        &|| {},
                    );
                    if let Ok(stats) = ran {
                        summary.absorb(stats.tally);
                    }
                    summary
                })
            });
        }
        let (folders, _) = rollup::folders_under(std::slice::from_ref(&w.units));
        group.bench_with_input(BenchmarkId::new("folders", units), &units, |b, _| {
            b.iter(|| {
                let mut summary = Rollup::new(2022, false);
                let tally = rollup::run_folders(
                    &folders,
                    &selection,
                    count,
                    |o| rollup::add_to(&mut summary, &o),
                    &|| {},
                );
                summary.absorb(tally);
                summary
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

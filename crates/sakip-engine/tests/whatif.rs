//! `whatif`'s answers hold: on every indicator and every goal of the
//! shipped unit-years, the answer reaches the goal and one step less (more,
//! where lower is better) does not; a formula that does not move one way is
//! said to be so; a goal beyond a formula's reach is unreachable.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::Utf8PathBuf;
use rust_decimal::Decimal;
use sakip_core::evaluate::{evaluate_one, Changes};
use sakip_engine::whatif::{thresholds, Answer};

fn repo() -> Utf8PathBuf {
    Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn capaian(unit: &sakip_rules::LoadedUnit, year: u16, id: &str, realisasi: Decimal) -> Option<Decimal> {
    let data = unit
        .data
        .get(&year)
        .cloned()
        .unwrap_or_else(|| sakip_core::UnitData::new(year));
    let mut changes = Changes::default();
    changes.realisasi.insert(id.to_string(), realisasi);
    evaluate_one(&unit.rules, &data, &unit.scripts.for_year(year), &changes, id).and_then(|i| i.capaian)
}

#[test]
fn every_answer_reaches_its_goal_and_one_step_less_does_not() {
    let mut checked = 0;
    for (unit, year) in [
        ("examples/lapas-sarolangun-rawas", 2021),
        ("examples/lapas-sarolangun-rawas", 2022),
        ("examples/lapas-sarolangun-rawas", 2023),
        ("examples/rutan-contoh", 2022),
    ] {
        let dir = repo().join(unit);
        let loaded = sakip_rules::load_unit(&dir).unwrap();
        for t in thresholds(&dir, year, None).unwrap() {
            for g in &t.goals {
                let Answer::Needs(r) = g.answer else { continue };
                let precision = r.scale().max(2);
                let step = Decimal::new(1, precision);
                let at = capaian(&loaded, year, &t.id, r).unwrap();
                assert!(
                    at >= g.capaian,
                    "{unit} {year} {}: {r} gives {at} < {}",
                    t.id,
                    g.capaian
                );
                let short = if t.rising { r - step } else { r + step };
                if let Some(c) = capaian(&loaded, year, &t.id, short) {
                    assert!(
                        c < g.capaian,
                        "{unit} {year} {}: {short} already gives {c} >= {}",
                        t.id,
                        g.capaian
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked} answers checked");
}

fn scratch(name: &str, formula: &str) -> Utf8PathBuf {
    let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        format!("aturan nasional n \"N\"\nsasaran S strategis \"S\" {{\n  indikator a \"A\" {{\n    satuan %\n    rumus capaian = {formula}\n  }}\n}}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("u/u.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2022 { target a = 80 }\nrealisasi 2022 { a = 40 }\n",
    )
    .unwrap();
    dir.join("u")
}

#[test]
fn a_formula_that_turns_back_is_not_monotone() {
    let dir = scratch(
        "whatif-turns",
        "jika realisasi > 60 maka 10 lain realisasi / target * 100",
    );
    let t = thresholds(&dir, 2022, Some("a")).unwrap();
    assert!(
        t[0].goals.iter().all(|g| g.answer == Answer::NotMonotone),
        "{:?}",
        t[0].goals
    );
}

#[test]
fn a_goal_beyond_the_formula_is_unreachable() {
    let dir = scratch("whatif-short", "min(realisasi / target * 100, 90)");
    let t = thresholds(&dir, 2022, Some("a")).unwrap();
    let hundred = t[0].goals.iter().find(|g| g.label == "100%").unwrap();
    assert_eq!(hundred.answer, Answer::Unreachable);
    // An id the year does not measure: an error that names the closest.
    let e = thresholds(&dir, 2022, Some("b")).unwrap_err();
    assert_eq!(e[0].code, sakip_core::Code::UnknownIndicator);
}

//! The example rule sets for IKPA and NKA (`rules/contoh-ikpa`,
//! `rules/contoh-nka`) and the two units that report them from their
//! components' scores: each composite's figure as the weights of the year
//! make it, exactly; the components read, shown and never assessed.

use crate::support::{eval_json, indikator, sakip};

#[test]
fn the_ikpa_unit_reports_its_score_from_its_components() {
    let v = eval_json("examples/satker-contoh-ikpa", "2024");
    let ikpa = indikator(&v, "ikpa");
    // TA 2024: 0.10 x 100 + 0.15 x 92.35 + 0.20 x 96.12 + 0.10 x 100 + 0.10 x 100
    //        + 0.10 x 100 + 0.25 x 97.5 - 0.5 = 96.9515
    assert_eq!(ikpa["realisasi"], "96.9515");
    assert_eq!(ikpa["capaian"], "96.95");
    assert_eq!(ikpa["band"], "Sangat Baik");
    assert_eq!(ikpa["target"], "89");
    let components: Vec<&serde_json::Value> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["id"] != "ikpa")
        .collect();
    assert_eq!(components.len(), 8);
    for c in components {
        assert_eq!(c["component"], true, "{c}");
        assert!(
            c["realisasi"].is_string() && c["capaian"].is_null() && c["target"].is_null(),
            "{c}"
        );
    }
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["severity"] != "error" && d["severity"] != "warning"),
        "{}",
        v["diagnostics"]
    );
    let table = sakip(&["eval", "examples/satker-contoh-ikpa", "--year", "2024", "--lang", "en"]);
    insta::assert_snapshot!("ikpa_unit_2024", table.stdout);
    // What it takes is asked of the composite, not of its inputs.
    let whatif = sakip(&[
        "whatif",
        "examples/satker-contoh-ikpa",
        "--year",
        "2024",
        "--lang",
        "en",
    ]);
    assert!(whatif.stdout.starts_with("ikpa  Nilai IKPA"), "{}", whatif.stdout);
    assert!(!whatif.stdout.contains("ikpa_"), "{}", whatif.stdout);
}

#[test]
fn the_nka_unit_reports_its_score_with_bands_closed_on_the_right() {
    let v = eval_json("examples/satker-contoh-nka", "2024");
    let nka = indikator(&v, "nka");
    // (84.1 + 96.95) / 2 = 90.525: half up to 90.53, more than 90.
    assert_eq!(nka["realisasi"], "90.525");
    assert_eq!(nka["capaian"], "90.53");
    assert_eq!(nka["band"], "Sangat Baik");
    let table = sakip(&["eval", "examples/satker-contoh-nka", "--year", "2024", "--lang", "en"]);
    insta::assert_snapshot!("nka_unit_2024", table.stdout);
}

/// Each rule set has at least three rule tests, and all pass.
#[test]
fn each_example_rule_set_has_passing_rule_tests() {
    for dir in ["rules/contoh-ikpa", "rules/contoh-nka"] {
        let run = sakip(&["test", dir, "--lang", "en"]);
        assert_eq!(run.code, 0, "{}", run.stdout);
        let last = run.stdout.lines().last().unwrap_or_default().to_string();
        let passed: u32 = last.split_whitespace().next().unwrap().parse().unwrap();
        assert!(passed >= 3 && last.ends_with(", 0 failed"), "{dir}: {last}");
    }
}

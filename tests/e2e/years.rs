//! The sample years: each evaluates under the rules in force that year, and
//! shows last year's figures and the progress towards the Renstra.

use crate::support::{eval_json, indikator as row, sakip};

const UNIT: &str = "examples/lapas-sarolangun-rawas";

fn json(year: &str) -> serde_json::Value {
    eval_json(UNIT, year)
}

#[test]
fn every_sample_year_evaluates_with_its_own_rules() {
    for year in ["2021", "2023"] {
        let run = sakip(&["eval", UNIT, "--year", year, "--format", "json"]);
        assert_eq!(run.code, 0, "{year}: {}", run.stderr);
        insta::assert_snapshot!(format!("eval_{year}_json"), run.stdout);
        let table = sakip(&["eval", UNIT, "--year", year]);
        insta::assert_snapshot!(format!("eval_{year}_table"), table.stdout);
    }
}

#[test]
fn the_rules_in_force_change_by_year() {
    let (y21, y22, y23) = (json("2021"), json("2022"), json("2023"));
    // 2021 classifies with the four-band table: 84.93 is Memuaskan, and
    // 60..<80 is Cukup Memuaskan (there is no Kurang Memuaskan band).
    assert_eq!(row(&y21, "iku_kamtib")["band"], "Memuaskan");
    let bands21: Vec<&str> = y21["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["band"].as_str().unwrap())
        .collect();
    assert!(!bands21.contains(&"Kurang Memuaskan"));
    // 2023 rounds half up: 78.5 / 77.5 = 101.290..., 79 / 78 = 101.282...
    assert_eq!(y23["rounding"]["capaian"], "bulat 2");
    assert_eq!(y22["rounding"]["capaian"], "potong 2");
    // From 2023 the health index is the mean of both semesters, not the last.
    assert_eq!(row(&y23, "ikp_derajat_kesehatan")["realisasi"], "77");
    // The 2023 script weighs tiers differently.
    assert_eq!(
        y23["nilai"]["source"],
        "rules/kanwil-sumsel/sumsel-2023.rhai: fn nilai_satker"
    );
    assert_eq!(
        y22["nilai"]["source"],
        "rules/kanwil-sumsel/sumsel.rhai: fn nilai_satker"
    );
    // An indicator added, one dropped.
    assert!(y21["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["id"] != "ikk_resiko_tinggi"));
    assert!(y23["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["id"] != "ikp_layanan_it"));
    assert_eq!(row(&y23, "ikp_keterbukaan_informasi")["target"], "70");
    // A target raised.
    assert_eq!(
        (
            row(&y22, "iku_kamtib")["target"].as_str(),
            row(&y23, "iku_kamtib")["target"].as_str()
        ),
        (Some("75"), Some("78"))
    );
}

#[test]
fn a_year_shows_last_years_figures_and_progress_towards_the_renstra() {
    let y23 = json("2023");
    let kamtib = row(&y23, "iku_kamtib");
    assert_eq!(kamtib["previous"]["year"], 2022);
    assert_eq!(kamtib["previous"]["realisasi"], "30");
    assert_eq!(kamtib["previous"]["capaian"], "40.00");
    assert_eq!(kamtib["renstra"]["year"], 2024);
    assert_eq!(kamtib["renstra"]["target"], "75");
    assert_eq!(
        kamtib["renstra"]["progress"], "105.33",
        "79 against the 2024 target 75, half up"
    );
    // New in 2023: nothing to compare with.
    assert_eq!(
        row(&y23, "ikp_keterbukaan_informasi")["previous"],
        serde_json::Value::Null
    );
    // 2021 has no earlier year in the data.
    assert_eq!(row(&json("2021"), "iku_kamtib")["previous"], serde_json::Value::Null);
}

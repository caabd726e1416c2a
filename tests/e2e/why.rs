//! `sakip why`: the change between two of the seed unit's sample years,
//! split into parts that add up, with the rule behind each rule-side part.

use crate::support::sakip;

const UNIT: &str = "examples/lapas-sarolangun-rawas";

#[test]
fn why_the_seed_units_figures_changed() {
    for (from, to, id) in [
        ("2022", "2023", "iku_kamtib"),
        ("2022", "2023", "ikp_derajat_kesehatan"),
        ("2021", "2022", "iku_kamtib"),
    ] {
        let run = sakip(&["why", UNIT, "--from", from, "--to", to, id]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        insta::assert_snapshot!(format!("why_{id}_{from}_{to}"), run.stdout);
    }
}

#[test]
fn why_as_json_names_added_and_dropped_indicators_and_the_nilai() {
    let run = sakip(&["why", UNIT, "--from", "2022", "--to", "2023", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        v["order"],
        serde_json::json!(["target", "realisasi", "formula", "cap", "rounding"])
    );
    // diff lists one indicator added and one removed between these years.
    assert_eq!(v["added"].as_array().unwrap().len(), 1, "{}", v["added"]);
    assert_eq!(v["dropped"].as_array().unwrap().len(), 1, "{}", v["dropped"]);
    // The unit's nilai, from Kanwil Sumsel's scripts, is split too.
    assert_eq!(v["nilai"]["parts"].as_array().unwrap().len(), 5);
}

#[test]
fn why_bad_input() {
    let run = sakip(&["why", UNIT, "--from", "2022", "--to", "2023", "iku_kamtb"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("did you mean `iku_kamtib`"), "{}", run.stderr);
    let run = sakip(&["why", UNIT, "--from", "2019", "--to", "2023"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("year-missing"), "{}", run.stderr);
}

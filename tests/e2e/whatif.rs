//! `sakip whatif`: what it takes to reach 100% and each higher band, and the
//! year with changed figures; bad input gets a clear error and writes nothing.

use crate::support::sakip;

const UNIT: &str = "examples/lapas-sarolangun-rawas";

#[test]
fn what_it_takes_on_the_shipped_units() {
    for (unit, year, id) in [
        (UNIT, "2022", "iku_kamtib"),
        (UNIT, "2023", "ikp_derajat_kesehatan"),
        ("examples/rutan-contoh", "2022", "ikw_pelarian"),
    ] {
        let run = sakip(&["whatif", unit, "--year", year, id]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        insta::assert_snapshot!(format!("whatif_{id}_{year}"), run.stdout);
    }
}

#[test]
fn changed_figures_beside_the_current_ones() {
    let run = sakip(&[
        "whatif",
        UNIT,
        "--year",
        "2022",
        "--set",
        "iku_kamtib=60",
        "--set",
        "ikk_remisi.target=88",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("whatif_set_2022", run.stdout);
    let json = sakip(&[
        "whatif",
        UNIT,
        "--year",
        "2022",
        "--set",
        "iku_kamtib=60",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["changed"][0]["capaian"], serde_json::json!(["40.00", "80.00"]));
    // Nothing was written.
    let again = sakip(&["eval", UNIT, "--year", "2022", "--format", "json"]);
    let e: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(crate::support::indikator(&e, "iku_kamtib")["capaian"], "40.00");
}

#[test]
fn bad_input_is_a_clear_error() {
    for (args, says) in [
        (vec!["--set", "iku_kamtb=60"], "did you mean `iku_kamtib`"),
        (vec!["--set", "iku_kamtib=6,5"], "`6,5` is not a number"),
        (vec!["--set", "iku_kamtib"], "is not a change"),
        (vec!["iku_kamtb"], "did you mean `iku_kamtib`"),
    ] {
        let mut full = vec!["whatif", UNIT, "--year", "2022"];
        full.extend(args.iter().copied());
        let run = sakip(&full);
        assert_eq!(run.code, 1, "{full:?}");
        assert!(run.stderr.contains(says), "{full:?}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    let run = sakip(&["whatif", UNIT, "--year", "2030"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("year-missing"));
}

//! `sakip diff` and `sakip new-year`: what staff read and write once a year.

use crate::support::{edit_line, sakip, sakip_in, scratch_copy};

const UNIT: &str = "examples/lapas-sarolangun-rawas";

#[test]
fn diff_lists_every_change_between_the_sample_years() {
    for (from, to) in [("2021", "2022"), ("2022", "2023")] {
        let run = sakip(&["diff", UNIT, "--from", from, "--to", to]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        insta::assert_snapshot!(format!("diff_{from}_{to}"), run.stdout);
    }
}

#[test]
fn diff_as_json() {
    let run = sakip(&["diff", UNIT, "--from", "2022", "--to", "2023", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let kinds: Vec<&str> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec!["setting", "target", "added", "rumus", "target", "target", "removed", "skrip"]
    );
}

#[test]
fn the_same_year_has_no_changes() {
    let run = sakip(&["diff", UNIT, "--from", "2022", "--to", "2022"]);
    assert_eq!(run.stdout.lines().last(), Some("0 changes"));
}

/// A copy whose 2024 agreement is 2023's with one target changed: the diff
/// is that one line and nothing else.
#[test]
fn one_changed_target_is_one_line() {
    let dir = scratch_copy("diff-one-target");
    let unit = dir.join(UNIT);
    let pk23 = std::fs::read_to_string(unit.join("perjanjian-2023.sakip")).unwrap();
    let pk24 = unit.join("perjanjian-2024.sakip");
    std::fs::write(&pk24, pk23.replace("perjanjian 2023 {", "perjanjian 2024 {")).unwrap();
    edit_line(&pk24, "target ikk_makanan", |l| Some(l.replace("75%", "78%")));
    let run = sakip_in(&dir, &["diff", UNIT, "--from", "2023", "--to", "2024"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let changes: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(changes, vec!["  target       ikk_makanan: 75% -> 78%", "1 change"]);
}

#[test]
fn new_year_starts_next_years_agreement_and_never_overwrites() {
    let dir = scratch_copy("new-year");
    let run = sakip_in(&dir, &["new-year", UNIT, "2024"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "wrote examples/lapas-sarolangun-rawas/perjanjian-2024.sakip: 4 targets from the rules, 43 to fill in (`?`)\n"
    );
    let path = dir.join(UNIT).join("perjanjian-2024.sakip");
    let written = std::fs::read_to_string(&path).unwrap();
    insta::assert_snapshot!("new_year_2024", written);

    // The same again is refused, and the file is untouched.
    let again = sakip_in(&dir, &["new-year", UNIT, "2024"]);
    assert_eq!(again.code, 1);
    assert!(
        again.stderr.contains("already has a Perjanjian Kinerja 2024"),
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);

    // check names every target still to fill in, and 2023 still evaluates.
    let check = sakip_in(&dir, &["check", UNIT]);
    assert_eq!(check.code, 0, "unfilled targets are warnings: {}", check.stderr);
    assert_eq!(check.stderr.matches("is not filled in yet").count(), 43);
    assert!(check.stderr.ends_with("no errors, 43 warnings\n"), "{}", check.stderr);
    assert_eq!(
        sakip_in(&dir, &["eval", UNIT, "--year", "2023", "--format", "json"]).code,
        0
    );
    // Evaluating 2024 before the targets are filled is an error per indicator.
    let y24 = sakip_in(&dir, &["eval", UNIT, "--year", "2024", "--format", "json"]);
    assert_eq!(y24.code, 1);
    let v: serde_json::Value = serde_json::from_str(&y24.stdout).unwrap();
    let missing = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "target-missing")
        .count();
    assert_eq!(missing, 43);
}

#[test]
fn new_year_is_byte_stable() {
    let a = scratch_copy("new-year-a");
    let b = scratch_copy("new-year-b");
    for dir in [&a, &b] {
        assert_eq!(sakip_in(dir, &["new-year", UNIT, "2024"]).code, 0);
    }
    let read = |d: &std::path::PathBuf| std::fs::read(d.join(UNIT).join("perjanjian-2024.sakip")).unwrap();
    assert_eq!(read(&a), read(&b));
}

#[test]
fn new_year_needs_this_years_agreement() {
    let run = sakip(&["new-year", UNIT, "2030"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("has no Perjanjian Kinerja 2029"), "{}", run.stderr);
}

//! `sakip fmt`: the shipped files are formatted; `--check` changes nothing.

use crate::support::{sakip, sakip_in, scratch_copy};

#[test]
fn the_shipped_files_pass_fmt_check() {
    let run = sakip(&["fmt", "--check", "rules", "examples"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn check_lists_an_unformatted_file_and_changes_nothing_then_fmt_formats_it() {
    let dir = scratch_copy("fmt");
    let path = dir.join("examples/lapas-sarolangun-rawas/realisasi-2022.sakip");
    let messy = std::fs::read_to_string(&path)
        .unwrap()
        .replace("iku_kamtib", "   iku_kamtib   ");
    std::fs::write(&path, &messy).unwrap();

    let check = sakip_in(&dir, &["fmt", "--check", "examples"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stdout,
        "would reformat examples/lapas-sarolangun-rawas/realisasi-2022.sakip\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), messy, "--check writes nothing");

    let run = sakip_in(&dir, &["fmt", "examples"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "formatted examples/lapas-sarolangun-rawas/realisasi-2022.sakip\n"
    );
    let original =
        std::fs::read_to_string(crate::support::root().join("examples/lapas-sarolangun-rawas/realisasi-2022.sakip"))
            .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    assert_eq!(sakip_in(&dir, &["fmt", "--check", "examples"]).code, 0);
    // No temporary file is left behind.
    let stray = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(stray, 0);
}

#[test]
fn a_file_with_a_syntax_error_is_left_alone() {
    let run = sakip(&["fmt", "--check", "tests/fixtures/errors/decimal-comma.sakip"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("decimal-comma.sakip:10:18"), "{}", run.stderr);
}

#[test]
fn new_year_writes_a_formatted_file() {
    let dir = scratch_copy("fmt-new-year");
    assert_eq!(
        sakip_in(&dir, &["new-year", "examples/lapas-sarolangun-rawas", "2024"]).code,
        0
    );
    let run = sakip_in(
        &dir,
        &[
            "fmt",
            "--check",
            "examples/lapas-sarolangun-rawas/perjanjian-2024.sakip",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn rule_tests_pass_and_end_with_the_count() {
    let run = sakip(&["test", "rules", "examples"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let last = run.stdout.lines().last().unwrap();
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 30, "{last}");
    assert_eq!(last, format!("{passed} passed, 0 failed"));
}

#[test]
fn a_failing_rule_test_shows_expected_and_actual() {
    let run = sakip(&["test", "tests/fixtures/uji"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("uji_gagal", run.stdout);
}

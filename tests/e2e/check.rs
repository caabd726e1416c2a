//! `sakip check`: the shipped rules are clean, and every broken file in
//! `tests/fixtures/errors` fails with its file:line:col and a useful message.

use crate::support::{root, sakip, sakip_in};

#[test]
fn the_shipped_rules_and_examples_are_clean() {
    let run = sakip(&["check", "rules", "examples"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "checked 13 rule sets (36 files): no errors\n");
}

#[test]
fn each_broken_file_fails_with_its_position() {
    insta::glob!("../fixtures", "errors/*.sakip", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let rel = format!("tests/fixtures/errors/{name}");
        let run = sakip(&["check", &rel]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let located = run.stderr.contains(&format!("[{rel}:")) || run.stderr.contains(&format!("{rel}:"));
        assert!(located, "{name} names its file: {}", run.stderr);
        let source = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(format!("--- {name}\n{source}--- sakip check\n{}", run.stderr));
    });
}

#[test]
fn short_format_is_one_line_per_finding() {
    let run = sakip(&[
        "check",
        "--format",
        "short",
        "tests/fixtures/errors/unknown-indicator.sakip",
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "tests/fixtures/errors/unknown-indicator.sakip:10:10: error[unknown-indicator]: there is no indikator `iku_kamtb`\n"
    );
}

#[test]
fn json_format_for_ci() {
    let run = sakip(&["check", "--format", "json", "tests/fixtures/errors/decimal-comma.sakip"]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let e = &v["errors"][0];
    assert_eq!(
        (e["code"].as_str(), e["line"].as_u64(), e["col"].as_u64()),
        (Some("syntax"), Some(10), Some(18))
    );
    assert!(e["help"].as_str().unwrap().contains("`77.5`"));
}

#[test]
fn a_missing_path_is_an_error() {
    let run = sakip(&["check", "no/such/place"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`no/such/place` does not exist"), "{}", run.stderr);
}

#[test]
fn each_lint_has_its_finding() {
    insta::glob!("../fixtures", "lints/*.sakip", |path| {
        let name = path.file_name().unwrap().to_str().unwrap();
        let rel = format!("tests/fixtures/lints/{name}");
        let run = sakip(&["check", &rel]);
        // The fixture's name is its code; the path in every message holds
        // the name too, so look for the code where only a code stands.
        let code = name.trim_end_matches(".sakip");
        let short = sakip(&["check", "--format", "short", &rel]);
        assert!(
            short.stderr.contains(&format!("warning[{code}]")) || short.stderr.contains(&format!("error[{code}]")),
            "{name} reports `{code}`: {}",
            short.stderr
        );
        let source = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(format!(
            "--- {name}\n{source}--- sakip check (exit {})\n{}",
            run.code, run.stderr
        ));
    });
}

#[test]
fn a_unit_target_below_the_national_one_is_named() {
    let run = sakip(&[
        "check",
        "--format",
        "short",
        "tests/fixtures/lints/target-below-national",
    ]);
    assert_eq!(run.code, 0, "a warning, not an error: {}", run.stderr);
    insta::assert_snapshot!(run.stderr);
}

/// A newcomer runs the tools from inside a folder: `.`, `./`, `..` and an
/// absolute path name the same rule sets as the path from the root does.
#[test]
fn every_way_of_naming_a_folder_works() {
    let unit = root().join("examples/lapas-sarolangun-rawas");
    let national = root().join("rules/ditjenpas");
    for (dir, args) in [
        (&unit, vec!["check", "."]),
        (&unit, vec!["check", "./"]),
        (&unit, vec!["test", "."]),
        (&unit, vec!["fmt", "--check", "."]),
        (&unit, vec!["eval", ".", "--year", "2022", "--format", "json"]),
        (&unit, vec!["explain", ".", "--year", "2022", "ikp_kamtib"]),
        (&unit, vec!["diff", ".", "--from", "2021", "--to", "2022"]),
        (&national, vec!["check", "./"]),
        (&national, vec!["check", ".."]),
        (&national, vec!["test", "./"]),
    ] {
        let run = sakip_in(dir, &args);
        assert!(
            run.code == 0 || (args[0] == "eval" && run.code == 1),
            "{args:?} in {dir:?}: exit {}\n{}",
            run.code,
            run.stderr
        );
        assert!(
            !run.stderr.contains("has no file that starts"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let absolute = unit.to_str().unwrap();
    let here = sakip_in(&unit, &["eval", ".", "--year", "2022", "--format", "json"]);
    let from_root = sakip(&["eval", absolute, "--year", "2022", "--format", "json"]);
    let figures = |s: &str| {
        let v: serde_json::Value = serde_json::from_str(s).unwrap();
        v["indicators"].clone()
    };
    assert_eq!(figures(&here.stdout), figures(&from_root.stdout));
    assert_eq!(figures(&here.stdout).as_array().unwrap().len(), 47);
}

/// A file saved by Windows Notepad starts with a byte order mark: it is
/// read as the text after it, and a problem's column counts from there.
#[test]
fn a_byte_order_mark_is_not_part_of_the_text() {
    let dir = crate::support::scratch_copy("bom");
    let unit = dir.join("examples/lapas-sarolangun-rawas");
    let agreement = unit.join("perjanjian-2022.sakip");
    let text = std::fs::read_to_string(&agreement).unwrap();
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(text.as_bytes());
    std::fs::write(&agreement, &with_bom).unwrap();
    let run = sakip_in(&dir, &["check", "examples/lapas-sarolangun-rawas"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let eval = sakip_in(&dir, &["eval", "examples/lapas-sarolangun-rawas", "--year", "2022"]);
    assert_eq!(eval.code, 0, "{}", eval.stderr);
    // A mistake on the first line is at column 1 of what the person sees.
    let first = text.lines().next().unwrap();
    let broken = format!("\u{feff}@{}", &text[..]);
    std::fs::write(&agreement, broken).unwrap();
    let run = sakip_in(&dir, &["check", "--format", "short", "examples/lapas-sarolangun-rawas"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("perjanjian-2022.sakip:1:1:") || run.stderr.contains("perjanjian-2022.sakip:1:1:"),
        "{first}\n{}{}",
        run.stdout,
        run.stderr
    );
}

/// Natural units of real reports: `satuan nilai` (a keyword elsewhere),
/// `80 nilai` after a number, and a quoted unit printed as written; a
/// keyword used as an id is refused with a name to use instead.
#[test]
fn natural_units_and_a_keyword_as_a_name() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("natural-units");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::create_dir_all(dir.join("u")).unwrap();
    let rules = "aturan nasional n \"N\"\nsasaran S strategis \"S\" {\n  indikator ikm \"IKM\" {\n    satuan nilai\n    target 2022 = 80 nilai\n  }\n  indikator rasio \"Rasio\" {\n    satuan \"per 1.000 KH\"\n    polaritas turun\n    target 2022 = 5\n  }\n}\n";
    std::fs::write(dir.join("n/n.sakip"), rules).unwrap();
    std::fs::write(
        dir.join("u/u.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2022 { target ikm = 80 target rasio = 5 }\nrealisasi 2022 {\n  ikm = 82 nilai\n  rasio = 4\n}\n",
    )
    .unwrap();
    let check = sakip_in(&dir, &["check", "n", "u"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let eval = sakip_in(&dir, &["eval", "u", "--year", "2022", "--format", "md"]);
    assert_eq!(eval.code, 0, "{}", eval.stderr);
    assert!(eval.stdout.contains("4 per 1.000 KH"), "{}", eval.stdout);
    assert!(eval.stdout.contains("82 Nilai"), "{}", eval.stdout);
    // fmt keeps the quoted unit as written.
    let fmt = sakip_in(&dir, &["fmt", "n"]);
    assert_eq!(fmt.code, 0, "{}", fmt.stderr);
    assert!(std::fs::read_to_string(dir.join("n/n.sakip"))
        .unwrap()
        .contains("satuan \"per 1.000 KH\""));
    // A keyword as an indikator's id: refused, with a name to use.
    std::fs::write(dir.join("n/n.sakip"), rules.replace("rasio", "efisiensi")).unwrap();
    let check = sakip_in(&dir, &["check", "n"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stderr.contains("cannot be a name") && check.stderr.contains("`nilai_efisiensi`"),
        "{}",
        check.stderr
    );
}

/// A search for rule files does not enter hidden folders, `node_modules`,
/// or caches marked with a `CACHEDIR.TAG` (Cargo's `target`); a folder named
/// on the command line is searched whatever its name.
#[test]
fn a_search_skips_hidden_folders_and_caches() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-skips");
    let _ = std::fs::remove_dir_all(&dir);
    for sub in [".git", "node_modules", "cache", "n"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    std::fs::write(
        dir.join("cache/CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n",
    )
    .unwrap();
    for broken in [".git/x.sakip", "node_modules/x.sakip", "cache/x.sakip"] {
        std::fs::write(dir.join(broken), "this is not a rule file\n").unwrap();
    }
    std::fs::write(dir.join("n/n.sakip"), "aturan nasional n \"N\"\n").unwrap();
    let run = sakip_in(&dir, &["--lang", "en", "check", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("(1 file)"), "{}", run.stderr);
    let run = sakip_in(&dir, &["--lang", "en", "check", "cache"]);
    assert_eq!(run.code, 1, "a folder named is searched: {}", run.stderr);
}

//! Qualitative indikator (`skala WTP > WDP > TW > TMP`): targets and
//! realisasi written as the report prints them, capaian by the stated rule,
//! every output showing the values as written, and every wrong value a
//! located error that lists the scale.

use crate::support::{root, sakip, sakip_in};
use std::path::PathBuf;

const UNIT: &str = "examples/pemda-contoh";

#[test]
fn the_local_government_example_shows_its_values_as_written() {
    let table = sakip(&["eval", UNIT, "--year", "2024", "--lang", "en"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    insta::assert_snapshot!("pemda_eval_2024", table.stdout);

    let json = sakip(&["eval", UNIT, "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let ind = |id: &str| {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    let opini = ind("opini_bpk");
    assert_eq!(
        (&opini["target"], &opini["realisasi"], &opini["capaian"]),
        (&"WTP".into(), &"WTP".into(), &"100.00".into())
    );
    assert_eq!(opini["scale"], serde_json::json!(["WTP", "WDP", "TW", "TMP"]));
    // One step below A with `langkah 10`: 90.
    let sakip_grade = ind("nilai_sakip");
    assert_eq!(
        (
            &sakip_grade["target"],
            &sakip_grade["realisasi"],
            &sakip_grade["capaian"]
        ),
        (&"A".into(), &"BB".into(), &"90.00".into())
    );
    // Through the formula over places: Belum WBK (1) / WBK (2) x 100.
    let zona = ind("zona_integritas");
    assert_eq!(
        (&zona["realisasi"], &zona["capaian"], &zona["band"]),
        (&"Belum WBK".into(), &"50.00".into(), &"Cukup".into())
    );
    // A number stays a number, with no scale.
    assert!(ind("ikm").get("scale").is_none());
    // The sasaran's figure: (100 + 90 + 50) / 3 = 80.00.
    assert_eq!(v["sasaran"][0]["capaian"], "80.00");

    let csv = sakip(&["eval", UNIT, "--year", "2024", "--format", "csv"]);
    let line = csv.stdout.lines().find(|l| l.contains(",nilai_sakip,")).unwrap();
    assert!(line.contains(",Predikat,A,A,BB,90.00,Sangat Baik,"), "{line}");

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("skala-reports");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let md = dir.join("r.md");
    let run = sakip(&[
        "report",
        UNIT,
        "--year",
        "2024",
        "--format",
        "md",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("pemda_report_2024_md", std::fs::read_to_string(&md).unwrap());
    {
        use calamine::{Data, Reader};
        let xlsx = dir.join("r.xlsx");
        let run = sakip(&[
            "report",
            UNIT,
            "--year",
            "2024",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut book = crate::support::workbook(&xlsx);
        let name = book.sheet_names().first().unwrap().clone();
        let sheet = book.worksheet_range(&name).unwrap();
        let row = (0..sheet.height() as u32)
            .find(|r| sheet.get_value((*r, 3)) == Some(&Data::String("nilai_sakip".into())))
            .unwrap();
        // The values as text cells, the capaian a number.
        assert_eq!(sheet.get_value((row, 5)), Some(&Data::String("A".into())));
        assert_eq!(sheet.get_value((row, 6)), Some(&Data::String("BB".into())));
        assert_eq!(sheet.get_value((row, 7)), Some(&Data::Float(90.0)));
    }
}

#[test]
fn explain_and_whatif_speak_in_the_scales_values() {
    let explain = sakip(&["explain", UNIT, "nilai_sakip", "--year", "2024", "--lang", "en"]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(
        explain
            .stdout
            .contains("skala: BB against the target A, 1 step(s) below the target, 10 off for each = 90"),
        "{}",
        explain.stdout
    );
    assert!(
        explain
            .stdout
            .contains("satuan Predikat, skala AA > A > BB > B > CC > C > D"),
        "{}",
        explain.stdout
    );
    let goals = sakip(&["whatif", UNIT, "--year", "2024", "nilai_sakip", "--lang", "en"]);
    assert_eq!(goals.code, 0, "{}", goals.stderr);
    assert!(
        goals.stdout.contains("now: target A, realisasi BB, capaian 90.00"),
        "{}",
        goals.stdout
    );
    assert!(goals.stdout.contains("needs realisasi A or more"), "{}", goals.stdout);
    let set = sakip(&[
        "whatif",
        UNIT,
        "--year",
        "2024",
        "--set",
        "zona_integritas=WBK",
        "--lang",
        "en",
    ]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert!(
        set.stdout
            .contains("zona_integritas: target WBK -> WBK, realisasi Belum WBK -> WBK, capaian 50.00 -> 100.00"),
        "{}",
        set.stdout
    );
    let off = sakip(&[
        "whatif",
        UNIT,
        "--year",
        "2024",
        "--set",
        "nilai_sakip=Z",
        "--lang",
        "id",
    ]);
    assert_eq!(off.code, 1);
    assert!(off.stderr.contains("skala-value"), "{}", off.stderr);
    assert!(
        off.stderr.contains("`Z` bukan nilai skala nilai_sakip"),
        "{}",
        off.stderr
    );
    assert!(off.stderr.contains("AA > A > BB > B > CC > C > D"), "{}", off.stderr);
}

#[test]
fn rule_tests_expect_scale_values() {
    let run = sakip(&["test", "rules/contoh-pemda", "--lang", "en"]);
    assert!(run.stdout.ends_with("8 passed, 0 failed\n"), "{}", run.stdout);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("skala-uji");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        "aturan nasional n \"N\"\nsasaran S1 strategis \"S\" {\n  indikator opini \"Opini\" {\n    skala WTP > WDP > TW > TMP\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("n/uji.sakip"),
        "uji \"salah\" 2024 {\n  target opini = WTP\n  opini = WTP\n  harap opini realisasi WDP\n}\n",
    )
    .unwrap();
    let run = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    assert!(
        run.stdout.contains("opini realisasi: expected WDP, got WTP"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("0 passed, 1 failed\n"), "{}", run.stdout);
}

/// Writes a national rule set `n` (with `rules` after its header) and a
/// unit `u` (`unit` after its header) under `name`.
fn tree(name: &str, rules: &str, unit: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(dir.join("n/n.sakip"), format!("aturan nasional n \"N\"\n{rules}")).unwrap();
    std::fs::write(
        dir.join("u/satker.sakip"),
        format!("satker u \"U\"\nberdasarkan \"../n\"\n{unit}"),
    )
    .unwrap();
    dir
}

const OPINI: &str = "sasaran S1 strategis \"S\" {\n  indikator opini \"Opini\" {\n    skala WTP > WDP > TW > TMP\n  }\n  indikator ikm \"IKM\" { satuan indeks }\n}\n";

#[test]
fn a_value_that_does_not_fit_its_indikator_is_a_located_error() {
    let dir = tree(
        "skala-bad-values",
        OPINI,
        "perjanjian 2024 {\n  target opini = WTB\n  target ikm = 80\n}\nrealisasi 2024 {\n  opini = WDP\n  ikm = baik\n}\n",
    );
    let run = sakip_in(&dir, &["eval", "u", "--year", "2024", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("error[skala-value] opini: `WTB` is not a value of the scale of opini"),
        "{all}"
    );
    assert!(
        all.contains("help: write one of its values: WTP > WDP > TW > TMP"),
        "{all}"
    );
    assert!(all.contains("at u/satker.sakip:4:3"), "{all}");
    assert!(
        all.contains("error[skala-value] ikm: ikm is measured in numbers, not on a scale: `baik` is a word"),
        "{all}"
    );
    assert!(all.contains("at u/satker.sakip:9:3"), "{all}");
    // Nothing is computed from a value that does not fit.
    let json = sakip_in(&dir, &["eval", "u", "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(v["indicators"][0]["capaian"].is_null() && v["indicators"][1]["capaian"].is_null());
    // A number for a scale, in Indonesian.
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2024 {\n  target opini = WTP\n}\nrealisasi 2024 {\n  opini = 4\n}\n",
    )
    .unwrap();
    let run = sakip_in(&dir, &["eval", "u", "--year", "2024", "--lang", "id"]);
    assert!(
        run.stdout.contains("opini diukur dengan skala: `4` adalah angka"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_scale_that_cannot_be_used_is_refused_by_check() {
    let rules = "sasaran S1 strategis \"S\" {\n  indikator a \"A\" {\n    skala WTP > WDP > wtp langkah 0\n    polaritas turun\n    realisasi jumlah\n    target 2024 = WTB\n  }\n  indikator b \"B\" {\n    satuan %\n    target 2024 = WTP\n  }\n}\n";
    let dir = tree("skala-invalid", rules, "");
    let run = sakip_in(&dir, &["check", "n", "--lang", "en"]);
    assert_eq!(run.code, 1);
    let all = format!("{}{}", run.stdout, run.stderr);
    for said in [
        "the scale of a has `wtp` twice",
        "the `langkah` of a must be above 0",
        "a has a `skala` and a `polaritas`",
        "the realisasi of a is on a scale: it cannot be combined with `jumlah`",
        "`WTB` is not a value of the scale of a",
        "b is measured in numbers, not on a scale: `WTP` is a word",
    ] {
        assert!(all.contains(said), "{said}\n{all}");
    }
    assert!(all.contains("skala-invalid") && all.contains("skala-value"), "{all}");
    // Each at its line, with a caret.
    assert!(all.contains("n/n.sakip:4:"), "{all}");
}

#[test]
fn fmt_keeps_scale_values_and_quotes_those_of_more_than_one_word() {
    let dir = tree(
        "skala-fmt",
        "sasaran S1 strategis \"S\" {\n  indikator zona \"Zona\" {\n    skala   WBBM>WBK >   \"Belum WBK\"  langkah 50\n    target 2024 =   \"Belum WBK\"\n  }\n}\n",
        "perjanjian 2024 {\n  target zona = WBK\n}\nrealisasi 2024 {\n  zona = \"Belum WBK\"\n}\n",
    );
    let run = sakip_in(&dir, &["fmt", "n", "u"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rules = std::fs::read_to_string(dir.join("n/n.sakip")).unwrap();
    assert!(
        rules.contains("    skala WBBM > WBK > \"Belum WBK\" langkah 50\n"),
        "{rules}"
    );
    assert!(rules.contains("    target 2024 = \"Belum WBK\"\n"), "{rules}");
    let unit = std::fs::read_to_string(dir.join("u/satker.sakip")).unwrap();
    assert!(unit.contains("  zona = \"Belum WBK\"\n"), "{unit}");
    let eval = sakip_in(&dir, &["eval", "u", "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    assert_eq!(v["indicators"][0]["capaian"], "50.00");
}

#[test]
fn a_long_table_reads_scale_values_and_names_the_cell_off_the_scale() {
    let dir = tree(
        "skala-long-table",
        &format!("klasifikasi {{\n  90 .. \"Baik\" b hijau\n  ..< 90 \"Kurang\" k merah\n}}\n{OPINI}"),
        "",
    );
    std::fs::write(
        dir.join("data.csv"),
        "satker,kanwil,indikator,target,realisasi\ns1,k,opini,WTP,WDP\ns1,k,ikm,80,84\ns2,k,opini,WTP,WTP\ns3,k,opini,WTP,WTB\n",
    )
    .unwrap();
    let run = sakip_in(
        &dir,
        &[
            "rollup", "--rules", "n", "--data", "data.csv", "--year", "2024", "--format", "csv", "--lang", "en",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let rows: Vec<&str> = run.stdout.lines().filter(|l| l.contains(",opini,")).collect();
    assert_eq!(rows.len(), 2, "{}", run.stdout);
    assert!(
        rows[0].contains(",WTP,") && rows[0].contains(",WDP,0.00,"),
        "{}",
        rows[0]
    );
    assert!(rows[1].contains(",WTP,WTP,100.00,"), "{}", rows[1]);
    assert!(run.stderr.contains("data.csv:5"), "{}", run.stderr);
    assert!(
        run.stderr.contains("`WTB` is not a value of the scale of opini"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("WTP > WDP > TW > TMP"), "{}", run.stderr);
}

#[test]
fn the_example_is_formatted_and_checked() {
    let run = sakip_in(&root(), &["fmt", "--check", UNIT, "rules/contoh-pemda"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let run = sakip_in(&root(), &["check", UNIT, "--lang", "en"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn a_printed_capaian_is_checked_in_the_scales_words() {
    let dir = tree(
        "skala-dicetak",
        OPINI,
        "perjanjian 2024 {\n  target opini = WTP\n}\nrealisasi 2024 {\n  opini = WDP dicetak 100\n}\n",
    );
    let run = sakip_in(&dir, &["eval", "u", "--year", "2024", "--lang", "en"]);
    assert!(
        run.stdout.contains(
            "warning[printed-capaian] opini: the report prints a capaian of 100%, but realisasi WDP against target WTP"
        ),
        "{}",
        run.stdout
    );
    // No digit of a scale value to have mistyped.
    assert!(!run.stdout.contains("one digit off"), "{}", run.stdout);
}

//! A region's (or a ministry's) own indikator, computed from the units
//! below it (`realisasi dari satker = ...`): evaluated at that level with
//! its target, capaian and band (`eval`, `report`, `explain` with
//! `--units`), every unit accounted for, a failed unit said.

use crate::support::{sakip, sakip_in};
use std::path::PathBuf;

#[test]
fn the_kanwils_own_chapter_three() {
    let args = [
        "eval",
        "rules/kanwil-contoh",
        "--units",
        "examples",
        "--year",
        "2022",
        "--lang",
        "en",
    ];
    let table = sakip(&args);
    assert_eq!(table.code, 0, "{}", table.stderr);
    insta::assert_snapshot!("kanwil_contoh_2022", table.stdout);
    let json = sakip(&[
        "eval",
        "rules/kanwil-contoh",
        "--units",
        "examples",
        "--year",
        "2022",
        "--format",
        "json",
    ]);
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
    // 2 of the 3 satker score 80 or more: 66.666...% half up (`pembulatan realisasi bulat 2`).
    let share = ind("satker_berkinerja");
    assert_eq!(
        (&share["realisasi"], &share["target"], &share["capaian"], &share["band"]),
        (&"66.67".into(), &"75".into(), &"88.89".into(), &"Memuaskan".into())
    );
    // (100 + 60 + 100) / 3; and (60 + 60 + 90) / (75 + 80 + 90), not a mean of shares.
    assert_eq!(ind("kamtib_wilayah")["realisasi"], "86.67");
    assert_eq!(ind("makanan_wilayah")["realisasi"], "85.71");
    assert_eq!(v["satker"]["id"], "kanwil_contoh");

    let explain = sakip(&[
        "explain",
        "rules/kanwil-contoh",
        "satker_berkinerja",
        "--units",
        "examples",
        "--year",
        "2022",
        "--lang",
        "en",
    ]);
    assert_eq!(explain.code, 0, "{}", explain.stderr);
    assert!(
        explain
            .stdout
            .contains("66.67: `persen(nilai >= 80)` over the satker below"),
        "{}",
        explain.stdout
    );
    assert!(
        explain.stdout.contains(
            "  Satker counted (3):\n    lapas_contoh_a           67.50  does not meet it\n    lapas_contoh_b           100.00  meets the condition\n    rutan_contoh             95.12  meets the condition\n"
        ),
        "{}",
        explain.stdout
    );

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wilayah-report");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let md = dir.join("kanwil.md");
    let run = sakip(&[
        "report",
        "rules/kanwil-contoh",
        "--units",
        "examples",
        "--year",
        "2022",
        "--format",
        "md",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# Capaian Kinerja Kantor Wilayah Contoh (fiktif) Tahun 2022\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "| 1 | SW1 | Persentase satker dengan nilai kinerja minimal 80 | 75% | 66,67% | 88,89 | Memuaskan |"
        ),
        "{text}"
    );
}

/// A national rule set (its body after the header) and units under `name`.
fn tree(name: &str, rules: &str, units: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        format!("aturan nasional n \"Kementerian\"\n{rules}"),
    )
    .unwrap();
    for (unit, body) in units {
        std::fs::create_dir_all(dir.join("units").join(unit)).unwrap();
        std::fs::write(
            dir.join("units").join(unit).join("satker.sakip"),
            format!("satker {unit} \"{unit}\"\nberdasarkan \"../../n\"\n{body}"),
        )
        .unwrap();
    }
    dir
}

const SCORES: &str = "pembulatan capaian bulat 2\npembulatan realisasi bulat 2\nsasaran S1 strategis \"S\" {\n  indikator a \"A\" { satuan % }\n}\nsasaran N1 strategis \"Kementerian\" {\n  indikator nilai_rata \"Rata-rata nilai kinerja eselon I\" {\n    satuan %\n    realisasi dari satker = rata(nilai)\n    target 2024 = 60\n  }\n}\n";

fn unit_scoring(capaian: &str) -> String {
    format!("perjanjian 2024 {{\n  target a = 100\n}}\nrealisasi 2024 {{\n  a = {capaian}\n}}\n")
}

/// A ministry's score as the mean of its units' scores, half up in
/// decimals: (58.55 + 58.56) / 2 = 58.555 -> 58.56, where binary floating
/// point gives 58.55.
#[test]
fn a_ministrys_mean_is_exact_and_half_up() {
    let dir = tree(
        "wilayah-ministry",
        SCORES,
        &[("e1", &unit_scoring("58.55")), ("e2", &unit_scoring("58.56"))],
    );
    let run = sakip_in(
        &dir,
        &["eval", "n", "--units", "units", "--year", "2024", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["indicators"][0]["realisasi"], "58.56");
    assert_eq!(v["indicators"][0]["capaian"], "97.60");
    // The same from a long table, as a ministry exports its units' rows.
    std::fs::write(
        dir.join("data.csv"),
        "satker,kanwil,indikator,target,realisasi\ne1,k,a,100,58.55\ne2,k,a,100,58.56\n",
    )
    .unwrap();
    let run = sakip_in(
        &dir,
        &[
            "rollup", "--rules", "n", "--data", "data.csv", "--year", "2024", "--format", "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let ind = &v["regional"][0]["indicators"][0];
    assert_eq!((&ind["realisasi"], &ind["counted"]), (&"58.56".into(), &2.into()));
}

/// Units that fail are counted as failed and said, in both languages; the
/// figure stands on the others.
#[test]
fn a_tree_in_which_units_fail() {
    let dir = tree(
        "wilayah-failing",
        SCORES,
        &[
            ("good", &unit_scoring("70")),
            ("broken", "perjanjian 2024 {\n  target a = 12,5\n}\n"),
            (
                "erroneous",
                "perjanjian 2024 {\n  target a = 100\n}\nrealisasi 2024 {\n  a = WTP\n}\n",
            ),
        ],
    );
    let run = sakip_in(
        &dir,
        &["eval", "n", "--units", "units", "--year", "2024", "--lang", "en"],
    );
    assert!(
        run.stdout
            .contains("warning[wilayah-unit-failed] nilai_rata: 2 satker not counted (they failed), 1 counted:"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("units/broken") && run.stdout.contains("units/erroneous"),
        "{}",
        run.stdout
    );
    let explain = sakip_in(
        &dir,
        &[
            "explain",
            "n",
            "nilai_rata",
            "--units",
            "units",
            "--year",
            "2024",
            "--lang",
            "id",
        ],
    );
    assert!(
        explain.stdout.contains("Satker yang dihitung (1):"),
        "{}",
        explain.stdout
    );
    assert!(
        explain.stdout.contains("Satker yang tidak dihitung (2):"),
        "{}",
        explain.stdout
    );
    assert!(explain.stdout.contains("units/broken: gagal: "), "{}", explain.stdout);
    assert!(
        explain
            .stdout
            .contains("units/erroneous: gagal: 1 angka tidak dapat dihitung"),
        "{}",
        explain.stdout
    );
    // The mean is the one unit counted: 70.
    let json = sakip_in(
        &dir,
        &["eval", "n", "--units", "units", "--year", "2024", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["indicators"][0]["realisasi"], "70");
}

#[test]
fn a_region_indikator_that_cannot_be_computed_is_refused_by_check() {
    let rules = "sasaran S1 strategis \"S\" {\n  indikator a \"A\" { satuan % }\n  indikator b \"B\" {\n    satuan %\n    realisasi dari satker = sebagian(nilai >= 89)\n  }\n  indikator c \"C\" {\n    satuan %\n    realisasi dari satker = persen(nilai)\n  }\n  indikator d \"D\" {\n    satuan %\n    realisasi dari satker = rasio(a.realisasi)\n  }\n  indikator e \"E\" {\n    satuan %\n    realisasi dari satker = rata(ab.capaian)\n  }\n  indikator f \"F\" {\n    satuan %\n    realisasi jumlah\n    realisasi dari satker = rata(a.capaian)\n  }\n}\n";
    let dir = tree(
        "wilayah-invalid",
        rules,
        &[(
            "u",
            "sasaran S9 strategis \"S\" {\n  indikator g \"G\" {\n    satuan %\n    realisasi dari satker = rata(nilai)\n  }\n}\nperjanjian 2024 {\n  target e = 80\n}\n",
        )],
    );
    let run = sakip_in(&dir, &["check", "n", "units/u", "--lang", "en"]);
    assert_eq!(run.code, 1);
    let all = format!("{}{}", run.stdout, run.stderr);
    for said in [
        "`sebagian` is not a function over units",
        "`persen` counts the units that meet a condition",
        "`rasio` takes two figures",
        "there is no indikator `ab`",
        "the realisasi of f is computed from the units",
        "g is computed from the units below it: only a national or Kanwil rule set",
        "e is computed from the units below its region: it is not in a unit's agreement",
    ] {
        assert!(all.contains(said), "{said}\n{all}");
    }
    assert!(all.contains("dari-satker-invalid"), "{all}");
    // `--units` for rules without such an indikator.
    let none = tree(
        "wilayah-none",
        "sasaran S1 strategis \"S\" {\n  indikator a \"A\" { satuan % }\n}\n",
        &[],
    );
    let run = sakip_in(&none, &["eval", "n", "--units", ".", "--year", "2024", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("wilayah-none"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the rule set `n` has no indikator computed from its units"),
        "{}",
        run.stderr
    );
}

/// A rollup evaluates each level's own indikator from its units in the
/// run, the same figures as `eval --units`; a unit that fails is left out
/// and said.
#[test]
fn a_rollup_evaluates_each_levels_own_indikator() {
    let run = sakip(&["rollup", "examples", "--year", "2022", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Two levels have their own indikator: the Kanwil, and the Kabupaten
    // over its perangkat daerah; each lists only its own units.
    let levels: Vec<&str> = v["regional"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["contoh_pemda", "kanwil_contoh"]);
    let regional = &v["regional"][1];
    let level = sakip(&[
        "eval",
        "rules/kanwil-contoh",
        "--units",
        "examples",
        "--year",
        "2022",
        "--format",
        "json",
    ]);
    let l: serde_json::Value = serde_json::from_str(&level.stdout).unwrap();
    for (i, from_rollup) in regional["indicators"].as_array().unwrap().iter().enumerate() {
        let direct = &l["indicators"][i];
        for field in ["id", "realisasi", "target", "capaian", "band"] {
            assert_eq!(from_rollup[field], direct[field], "{field}");
        }
        assert_eq!(from_rollup["counted"], 3);
    }
    let table = sakip(&["rollup", "examples", "--year", "2022", "--lang", "en"]);
    assert!(
        table.stdout.contains("  satker_berkinerja  Persentase satker dengan nilai kinerja minimal 80: realisasi 66,67% against 75%, capaian 88,89 (Memuaskan); 3 satker counted, 0 not"),
        "{}",
        table.stdout
    );

    // The page and the workbook show the same row, with its band.
    let page = sakip(&[
        "rollup", "examples", "--year", "2022", "--format", "html", "--lang", "en",
    ]);
    assert!(
        page.stdout.contains("<tr><td>Persentase satker dengan nilai kinerja minimal 80<span class=\"id\">satker_berkinerja</span></td><td class=\"num\">75%</td><td class=\"num\">66,67%</td><td class=\"num\">88,89</td><td class=\"band\" style=\"background:"),
        "{}",
        page.stdout
    );
    assert!(page
        .stdout
        .contains(">Memuaskan</td><td class=\"num\">3</td><td class=\"num\">0</td></tr>"));
    {
        use calamine::{Data, Reader};
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("wilayah-rollup.xlsx");
        let run = sakip(&[
            "rollup",
            "examples",
            "--year",
            "2022",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(out.exists(), "{}", run.stderr);
        let mut book = crate::support::workbook(&out);
        let sheet = book.worksheet_range("Indikator Wilayah").unwrap();
        // The Kabupaten's two rows come first; the Kanwil's after them.
        let at = (1..sheet.height() as u32)
            .find(|&r| sheet.get_value((r, 0)) == Some(&Data::String("kanwil_contoh".into())))
            .unwrap();
        assert_eq!(at, 3);
        let row: Vec<Data> = (0..10)
            .map(|c| sheet.get_value((at, c)).cloned().unwrap_or(Data::Empty))
            .collect();
        assert_eq!(
            row,
            [
                Data::String("kanwil_contoh".into()),
                Data::String("Kantor Wilayah Contoh (fiktif)".into()),
                Data::String("satker_berkinerja".into()),
                Data::String("Persentase satker dengan nilai kinerja minimal 80".into()),
                Data::Float(75.0),
                Data::Float(66.67),
                Data::Float(88.89),
                Data::String("Memuaskan".into()),
                Data::Float(3.0),
                Data::Float(0.0)
            ]
        );
    }

    // A tree with a unit that fails: counted as failed, with its error.
    let dir = tree(
        "wilayah-rollup-failing",
        SCORES,
        &[
            ("good", &unit_scoring("70")),
            ("broken", "perjanjian 2024 {\n  target a = 12,5\n}\n"),
        ],
    );
    let run = sakip_in(&dir, &["rollup", "units", "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let ind = &v["regional"][0]["indicators"][0];
    assert_eq!((&ind["realisasi"], &ind["counted"]), (&"70".into(), &1.into()));
    assert_eq!(ind["not_counted"][0]["satker"], "units/broken");
    assert!(
        ind["not_counted"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("failed: "),
        "{ind}"
    );
    // The page says who was not counted and why, in its reader's words;
    // the workbook lists every one.
    let page = sakip_in(
        &dir,
        &["rollup", "units", "--year", "2024", "--format", "html", "--lang", "en"],
    );
    assert!(
        page.stdout
            .contains("<details><summary>nilai_rata: 1 satker not counted, and why</summary><ul class=\"notes\"><li><b>units/broken</b>: failed: "),
        "{}",
        page.stdout
    );
    {
        use calamine::{Data, Reader};
        sakip_in(
            &dir,
            &["rollup", "units", "--year", "2024", "--format", "xlsx", "-o", "r.xlsx"],
        );
        let mut book = crate::support::workbook(&dir.join("r.xlsx"));
        let sheet = book.worksheet_range("Tidak Dihitung").unwrap();
        assert_eq!(sheet.get_value((1, 2)), Some(&Data::String("units/broken".into())));
        let why = sheet.get_value((1, 3)).cloned().unwrap_or(Data::Empty).to_string();
        assert!(why.starts_with("gagal: "), "{why}");
    }
}

/// Rule tests of a region's indikator: the units' figures written in the
/// case (`satker a { nilai = 85 }`, `satker d gagal`), computed as a rollup
/// computes them; a case that cannot be read is refused where it is wrong.
#[test]
fn rule_tests_of_a_regions_indikator() {
    let run = sakip(&["test", "rules/kanwil-contoh", "--lang", "en"]);
    assert!(run.stdout.ends_with("10 passed, 0 failed\n"), "{}", run.stdout);
    let dir = tree("wilayah-uji", SCORES, &[]);
    // (58.55 + 58.56) / 2 = 58.555 -> 58.56; the failed unit is not counted
    // (as a zero it would make 39.04), the unit without a score neither.
    let case = "uji \"rata-rata eselon I\" 2024 {\n  satker e1 { nilai = 58.55 }\n  satker e2 { nilai = 58.56 }\n  satker e3 gagal \"aturan tidak terbaca\"\n  satker e4 {}\n  harap nilai_rata realisasi 58.56\n  harap nilai_rata capaian 97.60\n}\n";
    std::fs::write(dir.join("n/uji.sakip"), case).unwrap();
    let run = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    assert!(run.stdout.ends_with("1 passed, 0 failed\n"), "{}", run.stdout);
    // The same case expecting the failed unit counted as zero fails, and says what it got.
    std::fs::write(
        dir.join("n/uji.sakip"),
        case.replace("realisasi 58.56", "realisasi 39.04"),
    )
    .unwrap();
    let run = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("nilai_rata realisasi: expected 39.04, got 58.56"),
        "{}",
        run.stdout
    );
    // fmt writes each unit on one line and reads back the same case.
    std::fs::write(
        dir.join("n/uji.sakip"),
        "uji \"x\" 2024 {\n  satker   e1 {\n    nilai=58.55 // dari LKj\n    a   tidak diukur\n  }\n  satker e3 gagal\n  harap nilai_rata realisasi 58.55\n}\n",
    )
    .unwrap();
    assert_eq!(sakip_in(&dir, &["fmt", "n"]).code, 0);
    let text = std::fs::read_to_string(dir.join("n/uji.sakip")).unwrap();
    assert!(
        text.contains("  // dari LKj\n  satker e1 { nilai = 58.55  a tidak diukur }\n  satker e3 gagal\n"),
        "{text}"
    );
    let run = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    assert!(run.stdout.ends_with("1 passed, 0 failed\n"), "{}", run.stdout);
    // What cannot be read: units twice, a figure twice, an unknown id, the
    // region's realisasi beside its units, a period.
    std::fs::write(
        dir.join("n/uji.sakip"),
        "uji \"salah\" 2024 tw2 {\n  satker e1 { nilai = 58.55  nilai = 3  ab.capaian = 4 }\n  satker e1 { nilai = 1 }\n  nilai_rata = 70\n  harap nilai_rata realisasi 58.55\n}\n",
    )
    .unwrap();
    for lang in ["en", "id"] {
        let run = sakip_in(&dir, &["check", "n", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        let all = format!("{}{}", run.stdout, run.stderr);
        let said: &[&str] = if lang == "en" {
            &[
                "uji.sakip:2:30",
                "unit `e1` gives `nilai` twice",
                "there is no indikator `ab`",
                "unit `e1` is written twice in this rule test",
                "`nilai_rata` is computed from the units of this rule test; its realisasi cannot also be given",
                "a rule test with units cannot be up to a period",
            ]
        } else {
            &[
                "satker `e1` memberi `nilai` dua kali",
                "satker `e1` ditulis dua kali dalam uji ini",
                "uji dengan satker tidak dapat sampai suatu periode",
            ]
        };
        for s in said {
            assert!(all.contains(s), "{s}\n{all}");
        }
        assert!(all.contains("uji-satker"), "{all}");
    }
    // Units in a rule set with no indikator computed from them.
    let plain = tree(
        "wilayah-uji-none",
        "sasaran S1 strategis \"S\" {\n  indikator a \"A\" { satuan % }\n}\n",
        &[],
    );
    std::fs::write(
        plain.join("n/uji.sakip"),
        "uji \"x\" 2024 {\n  satker e1 { nilai = 1 }\n  harap nilai 1\n}\n",
    )
    .unwrap();
    let run = sakip_in(&plain, &["check", "n", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("this rule test gives units, but `n` has no indikator computed from its units")
            || run
                .stderr
                .contains("this rule test gives units, but `n` has no indikator computed from its units"),
        "{}{}",
        run.stdout,
        run.stderr
    );
}

/// A region's indikator over a qualitative one counts the units at or
/// above a value of its scale ("perangkat daerah with a SAKIP grade of at
/// least BB"), written as the value; units under another national rule set
/// that fail are not this level's.
#[test]
fn a_count_of_units_at_a_value_of_a_scale() {
    let run = sakip(&[
        "eval",
        "rules/contoh-pemda",
        "--units",
        "examples",
        "--year",
        "2024",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let figures: Vec<(&str, &str)> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["realisasi"].as_str().unwrap()))
        .collect();
    // The Inspektorat's BB is at least BB; its "Belum WBK" is below WBK.
    assert_eq!(figures, [("pd_sakip_bb", "100"), ("pd_wbk", "0")]);
    let explain = sakip(&[
        "explain",
        "rules/contoh-pemda",
        "pd_wbk",
        "--units",
        "examples",
        "--year",
        "2024",
        "--lang",
        "en",
    ]);
    assert!(
        explain.stdout.contains("jumlah(zona_integritas.realisasi >= WBK)"),
        "{}",
        explain.stdout
    );
    assert!(
        explain
            .stdout
            .contains("pemda_contoh             Belum WBK  does not meet it"),
        "{}",
        explain.stdout
    );
    // In a rollup of every example, the Lapas under ditjenpas have no 2024
    // and fail: they are not units of contoh_pemda, and not listed there.
    let rollup = sakip(&["rollup", "examples", "--year", "2024", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&rollup.stdout).unwrap();
    assert!(
        v["failures"].as_array().is_some_and(|f| f.len() == 4),
        "{}",
        rollup.stdout
    );
    let level = &v["regional"][0];
    assert_eq!(level["id"], "contoh_pemda");
    for ind in level["indicators"].as_array().unwrap() {
        assert_eq!(
            (&ind["counted"], &ind["not_counted"]),
            (&1.into(), &serde_json::json!([]))
        );
    }
    // What does not fit the scale, or is not counted on it, is refused.
    let dir = tree(
        "wilayah-skala",
        "sasaran S1 strategis \"S\" {\n  indikator opini \"Opini\" {\n    skala WTP > WDP > TW > TMP\n  }\n  indikator a \"A\" {\n    satuan %\n    realisasi dari satker = persen(opini.realisasi >= WTB)\n  }\n  indikator b \"B\" {\n    satuan %\n    realisasi dari satker = rata(opini.realisasi)\n  }\n  indikator c \"C\" {\n    satuan %\n    realisasi dari satker = persen(nilai >= WDP)\n  }\n  indikator d \"D\" {\n    satuan unit\n    realisasi dari satker = jumlah(opini.realisasi >= 3)\n  }\n}\nuji \"x\" 2024 {\n  satker e1 { opini.realisasi = WDP  opini.capaian = WTP }\n  harap d realisasi 1\n}\n",
        &[],
    );
    let run = sakip_in(&dir, &["check", "n", "--lang", "en"]);
    assert_eq!(run.code, 1);
    let all = format!("{}{}", run.stdout, run.stderr);
    for said in [
        "`WTB` is not a value of the scale of opini",
        "write one of its values: WTP > WDP > TW > TMP",
        "`rata` adds up `opini.realisasi`, a value on a scale",
        "`persen(opini.realisasi >= WTP)`",
        "`nilai` is a number: `WDP` is a word",
        "opini is measured on a scale: `3` is a number",
        "`opini.capaian` is a number: `WTP` is a word",
    ] {
        assert!(all.contains(said), "{said}\n{all}");
    }
}

//! The year in progress (`--until tw1|tw2|tw3|smt1`): the realisasi to
//! date by each indikator's aggregation, against that period's target (the
//! agreement's Rencana Aksi, or the rule set's stated rule), a year-end
//! projection with its method, and the units off track in a rollup.

use crate::support::{sakip, sakip_in};
use std::path::PathBuf;

const UNIT: &str = "examples/pemda-contoh";

fn indicator(v: &serde_json::Value, id: &str) -> serde_json::Value {
    v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn a_unit_at_triwulan_two() {
    let table = sakip(&["eval", UNIT, "--year", "2025", "--until", "tw2", "--lang", "en"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    insta::assert_snapshot!("pemda_2025_tw2", table.stdout);

    let json = sakip(&["eval", UNIT, "--year", "2025", "--until", "tw2", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["until"], "tw2");
    // Summed per quarter: 8 + 9 = 17 against the Rencana Aksi's 20 for tw2;
    // at that pace 34 of the year's 40.
    let t = indicator(&v, "tindak_lanjut");
    assert_eq!(
        (&t["target"], &t["realisasi"], &t["capaian"], &t["annual_target"]),
        (&"20".into(), &"17".into(), &"85.00".into(), &"40".into())
    );
    assert_eq!(
        t["projection"],
        serde_json::json!({"method": "linear", "realisasi": "34", "capaian": "85.00", "band": "Baik"})
    );
    // Per semester, the latest by June, against the year's target
    // (`target berjalan tahunan`): 81.2 / 84 = 96.67; kept as the year's.
    let ikm = indicator(&v, "ikm");
    assert_eq!((&ikm["target"], &ikm["capaian"]), (&"84".into(), &"96.67".into()));
    assert_eq!(ikm["projection"]["method"], "tetap");
    // Measured once a year: no figure yet, n/a, out of the means.
    let opini = indicator(&v, "opini_bpk");
    assert!(opini["realisasi"].is_null());
    assert_eq!(opini["not_measured"]["reason"], "belum ada realisasi s.d. tw2");
    // The sasaran of the two measured so far: (96.67 + 85.00) / 2 = 90.835 -> 90.84.
    let ss2 = v["sasaran"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["code"] == "SS2")
        .unwrap();
    assert_eq!(ss2["capaian"], "90.84");
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "realisasi-belum").count(),
        3,
        "{codes:?}"
    );
    assert!(!codes.contains(&"realisasi-missing"), "{codes:?}");

    // The CSV: the figures to date, the year's target and the projection.
    let csv = sakip(&["eval", UNIT, "--year", "2025", "--until", "tw2", "--format", "csv"]);
    let line = csv.stdout.lines().find(|l| l.contains(",tindak_lanjut,")).unwrap();
    assert!(
        line.ends_with(",20,40,17,85.00,Baik,,,,,,,90.84,90.84,40,34,85.00"),
        "{line}"
    );
    // At tw1: 8 against 10; the semester's survey is not in yet.
    let tw1 = sakip(&["eval", UNIT, "--year", "2025", "--until", "tw1", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&tw1.stdout).unwrap();
    assert_eq!(indicator(&v, "tindak_lanjut")["capaian"], "80.00");
    assert!(indicator(&v, "ikm")["realisasi"].is_null());

    // The report says the period, and projects.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("berjalan-report");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let md = dir.join("tw2.md");
    let run = sakip(&[
        "report",
        UNIT,
        "--year",
        "2025",
        "--until",
        "tw2",
        "--format",
        "md",
        "-o",
        md.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("pemda_2025_tw2_md", std::fs::read_to_string(&md).unwrap());
    let html = dir.join("tw2.html");
    let run = sakip(&[
        "report",
        UNIT,
        "--year",
        "2025",
        "--until",
        "tw2",
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("Year 2025 up to the end of Triwulan II"), "{page}");
    // The workbook: the year's target and the projection, last, as number cells.
    {
        use calamine::{Data, Reader};
        let xlsx = dir.join("tw2.xlsx");
        let run = sakip(&[
            "report",
            UNIT,
            "--year",
            "2025",
            "--until",
            "tw2",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut book = crate::support::workbook(&xlsx);
        let name = book.sheet_names().first().unwrap().clone();
        let sheet = book.worksheet_range(&name).unwrap();
        let width = sheet.width() as u32;
        let header: Vec<Data> = (width - 3..width)
            .map(|c| sheet.get_value((0, c)).cloned().unwrap())
            .collect();
        assert_eq!(
            header,
            [
                Data::String("Target tahunan".into()),
                Data::String("Proyeksi realisasi".into()),
                Data::String("Proyeksi capaian (%)".into())
            ]
        );
        let row = (0..sheet.height() as u32)
            .find(|r| sheet.get_value((*r, 3)) == Some(&Data::String("tindak_lanjut".into())))
            .unwrap();
        let last: Vec<Data> = (width - 3..width)
            .map(|c| sheet.get_value((row, c)).cloned().unwrap())
            .collect();
        assert_eq!(last, [Data::Float(40.0), Data::Float(34.0), Data::Float(85.0)]);
    }
    // The Word document: its projection column.
    let docx = dir.join("tw2.docx");
    let run = sakip(&[
        "report",
        UNIT,
        "--year",
        "2025",
        "--until",
        "tw2",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("Proyeksi akhir tahun") && xml.contains("34 Rekomendasi → 85,00 (linear)"));
    assert!(
        page.contains("<td class=\"num\" data-label=\"Year-end projection\">34 Rekomendasi → 85,00 (linear)</td>"),
        "{page}"
    );
}

#[test]
fn the_rollup_at_a_quarter_lists_the_units_off_track() {
    let run = sakip(&["rollup", UNIT, "--year", "2025", "--until", "tw2", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "Off track (capaian to date below 100), per indikator:\n  ikm: 1 satker: pemda_contoh (96,67)\n  tindak_lanjut: 1 satker: pemda_contoh (85,00)\n"
        ),
        "{}",
        run.stdout
    );
    let json = sakip(&["rollup", UNIT, "--year", "2025", "--until", "tw2", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["off_track"][1],
        serde_json::json!({"indicator": "tindak_lanjut", "units": [{"capaian": "85.00", "kanwil": "-", "satker": "pemda_contoh"}]})
    );
    // The page lists them, lowest capaian first; the workbook every one.
    let page = sakip(&[
        "rollup", UNIT, "--year", "2025", "--until", "tw2", "--format", "html", "--lang", "en",
    ]);
    assert!(
        page.stdout
            .contains("<h2>Off track (capaian to date below 100), per indikator</h2>"),
        "{}",
        page.stdout
    );
    assert!(
        page.stdout
            .contains("<tr><td>tindak_lanjut</td><td class=\"num\">1</td><td><ul class=\"notes\"><li>pemda_contoh (-): 85,00</li></ul></td></tr>"),
        "{}",
        page.stdout
    );
    {
        use calamine::{Data, Reader};
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("berjalan-rollup-xlsx");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("r.xlsx");
        let run = sakip(&[
            "rollup",
            UNIT,
            "--year",
            "2025",
            "--until",
            "tw2",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut book = crate::support::workbook(&out);
        let sheet = book.worksheet_range("Belum Sesuai Rencana").unwrap();
        let row = |r: u32| -> Vec<Data> {
            (0..4)
                .map(|c| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                .collect()
        };
        assert_eq!(
            row(2),
            [
                Data::String("tindak_lanjut".into()),
                Data::String("pemda_contoh".into()),
                Data::String("-".into()),
                Data::Float(85.0)
            ]
        );
    }
    // The whole year has no such list.
    let whole = sakip(&["rollup", UNIT, "--year", "2025", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&whole.stdout).unwrap();
    assert!(v.get("off_track").is_none());
    let page = sakip(&["rollup", UNIT, "--year", "2025", "--format", "html", "--lang", "en"]);
    assert!(!page.stdout.contains("Off track"), "{}", page.stdout);
}

/// A national rule set `n` (its body after the header) under `name`.
fn rules(name: &str, body: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        format!("aturan nasional n \"N\"\nklasifikasi {{\n  100 .. \"Tercapai\" a hijau\n  ..< 100 \"Belum\" b merah\n}}\n{body}"),
    )
    .unwrap();
    dir
}

#[test]
fn a_long_table_at_a_quarter_with_a_pro_rata_target() {
    let dir = rules(
        "berjalan-long-table",
        "target berjalan prorata\nsasaran S1 strategis \"S\" {\n  indikator layanan \"Layanan\" {\n    satuan orang\n    realisasi jumlah triwulan\n  }\n}\n",
    );
    std::fs::write(
        dir.join("data.csv"),
        "satker,kanwil,indikator,target,tw1,tw2,tw3,tw4\ns1,k,layanan,100,30,25,,\ns2,k,layanan,100,20,20,,\n",
    )
    .unwrap();
    let run = sakip_in(
        &dir,
        &[
            "rollup", "--rules", "n", "--data", "data.csv", "--year", "2025", "--until", "tw2", "--format", "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // 100 x 6/12 = 50 by June: s1 55 -> 110.00, s2 40 -> 80.00.
    let capaian: Vec<&str> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["indicators"][0]["capaian"].as_str().unwrap())
        .collect();
    assert_eq!(capaian, ["110.00", "80.00"]);
    assert_eq!(v["units"][1]["indicators"][0]["target"], "50");
    assert_eq!(v["off_track"][0]["units"][0]["satker"], "s2");
}

#[test]
fn a_period_with_no_data_is_an_error_in_both_languages() {
    for (lang, said) in [
        ("en", "no indikator has a realisasi by the end of tw1 2025"),
        (
            "id",
            "tidak ada indikator yang memiliki realisasi sampai akhir tw1 2025",
        ),
    ] {
        let dir = rules(
            &format!("berjalan-no-data-{lang}"),
            "sasaran S1 strategis \"S\" {\n  indikator a \"A\" {\n    satuan %\n    realisasi terakhir semester\n  }\n}\n",
        );
        std::fs::create_dir_all(dir.join("u")).unwrap();
        std::fs::write(
            dir.join("u/satker.sakip"),
            "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2025 {\n  target a = 80\n}\nrealisasi 2025 {\n  a smt1 = 70\n}\n",
        )
        .unwrap();
        let run = sakip_in(&dir, &["eval", "u", "--year", "2025", "--until", "tw1", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.stdout);
        assert!(run.stdout.contains("[until-no-data]"), "{}", run.stdout);
        assert!(run.stdout.contains(said), "{}", run.stdout);
        // A Word report of it is refused.
        let docx = sakip_in(
            &dir,
            &[
                "report", "u", "--year", "2025", "--until", "tw1", "--format", "docx", "-o", "r.docx",
            ],
        );
        assert_eq!(docx.code, 1);
        assert!(!dir.join("r.docx").exists());
    }
}

#[test]
fn period_targets_must_fit_how_the_indikator_is_measured() {
    let dir = rules(
        "berjalan-bad-targets",
        "sasaran S1 strategis \"S\" {\n  indikator setahun \"Sekali setahun\" { satuan % }\n  indikator semesteran \"Per semester\" {\n    satuan %\n    realisasi terakhir semester\n  }\n  indikator triwulanan \"Per triwulan\" {\n    satuan orang\n    realisasi jumlah\n  }\n}\n",
    );
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2025 {\n  target setahun    = 80 tw2 = 40\n  target semesteran = 80 tw2 = 40\n  target triwulanan = 80 tw1 = 20 smt1 = 40 tw1 = 25\n}\n",
    )
    .unwrap();
    let run = sakip_in(&dir, &["check", "u", "--lang", "en"]);
    assert_eq!(run.code, 1);
    let all = format!("{}{}", run.stdout, run.stderr);
    for said in [
        "setahun is measured once a year: it has no targets per period",
        "the target for `tw2` of semesteran is not a semester period like the others",
        "the target for `smt1` of triwulanan is not a triwulan period like the others",
        "triwulanan has a target for `tw1` twice",
    ] {
        assert!(all.contains(said), "{said}\n{all}");
    }
    assert!(
        all.contains("target-period-yearly") && all.contains("target-period-kind"),
        "{all}"
    );
    assert!(all.contains("u/satker.sakip:4:"), "{all}");
}

#[test]
fn a_period_without_a_target_or_a_rule_is_said() {
    let dir = rules(
        "berjalan-no-rule",
        "sasaran S1 strategis \"S\" {\n  indikator a \"A\" {\n    satuan orang\n    realisasi jumlah triwulan\n  }\n}\n",
    );
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2025 {\n  target a = 80\n}\nrealisasi 2025 {\n  a tw1 = 20 tw2 = 15\n}\n",
    )
    .unwrap();
    let run = sakip_in(&dir, &["eval", "u", "--year", "2025", "--until", "tw2", "--lang", "en"]);
    assert!(
        run.stdout
            .contains("warning[target-berjalan-none] a: a has no target for tw2 and the rules say nothing of one"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("`target berjalan prorata`"), "{}", run.stdout);
    // fmt keeps the periods of a target and the rule.
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2025 {\n  target a = 80   tw1=20  tw2 = 40\n}\n",
    )
    .unwrap();
    let mut rules_text = std::fs::read_to_string(dir.join("n/n.sakip")).unwrap();
    rules_text.push_str("target   berjalan tahunan mulai 2025\n");
    std::fs::write(dir.join("n/n.sakip"), rules_text).unwrap();
    assert_eq!(sakip_in(&dir, &["fmt", "n", "u"]).code, 0);
    let unit = std::fs::read_to_string(dir.join("u/satker.sakip")).unwrap();
    assert!(unit.contains("  target a = 80 tw1 = 20 tw2 = 40\n"), "{unit}");
    let rules_text = std::fs::read_to_string(dir.join("n/n.sakip")).unwrap();
    assert!(
        rules_text.contains("target berjalan tahunan mulai 2025\n"),
        "{rules_text}"
    );
}

/// Rule tests of the year in progress: `uji "..." 2025 tw2 { ... }`.
#[test]
fn rule_tests_of_a_period() {
    let run = sakip(&["test", "rules/contoh-pemda", "--lang", "en"]);
    assert!(run.stdout.ends_with("8 passed, 0 failed\n"), "{}", run.stdout);
    let dir = rules(
        "berjalan-uji",
        "sasaran S1 strategis \"S\" {\n  indikator a \"A\" {\n    satuan orang\n    realisasi jumlah triwulan\n  }\n}\n",
    );
    std::fs::write(
        dir.join("n/uji.sakip"),
        "uji \"salah\" 2025 tw2 {\n  target a = 40 tw2 = 20\n  a tw1 = 8 tw2 = 9 tw3 = 30\n  harap a realisasi 47\n}\nuji \"setahun\" 2025 tw4 {\n  target a = 40\n  a tw1 = 8\n}\n",
    )
    .unwrap();
    let run = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("uji-until"), "{all}");
    assert!(
        all.contains("a rule test up to `tw4` is a test of the whole year"),
        "{all}"
    );
    std::fs::write(
        dir.join("n/uji.sakip"),
        "uji \"salah\" 2025 tw2 {\n  target a = 40 tw2 = 20\n  a tw1 = 8 tw2 = 9 tw3 = 30\n  harap a realisasi 47\n}\n",
    )
    .unwrap();
    let run = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    // Up to tw2 the sum is 17, not the year's 47.
    assert!(
        run.stdout.contains("a realisasi: expected 47, got 17"),
        "{}",
        run.stdout
    );
}

//! A sasaran's and a tier's capaian, as real reports headline them: the
//! rules say how (`capaian sasaran ...`, `capaian jenjang ...`), and every
//! output of `eval` shows it.

use crate::support::sakip_in;
use std::path::PathBuf;

/// Two sasaran, the first the issue's "Rata-rata capaian kinerja sasaran
/// 53.30": (87.92 + 18.67) / 2 = 53.295, rounded half up while each
/// capaian is cut.
/// Each test has its own `name`d copy: tests run in parallel.
fn tree(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        "aturan nasional n \"N\"\npembulatan capaian potong 2\npembulatan sasaran bulat 2\ncapaian sasaran rata\ncapaian jenjang rata bobot maks 100\nklasifikasi {\n  80 .. \"Memuaskan\" baik hijau\n  ..< 80 \"Belum\" belum merah\n}\nsasaran SS1 strategis \"Sasaran satu\" {\n  indikator a \"A\" { satuan %  bobot 3 }\n  indikator b \"B\" { satuan % }\n}\nsasaran SS2 strategis \"Sasaran dua\" {\n  indikator c \"C\" { satuan % }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("n/uji.sakip"),
        "uji \"rata-rata sasaran 53,30\" 2023 {\n  target a = 75\n  target b = 75\n  a = 65.94\n  b = 14.0025\n  harap sasaran SS1 capaian 53.30 \"Belum\"\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2023 {\n  target a = 75\n  target b = 75\n  target c = 50\n}\nrealisasi 2023 {\n  a = 65.94\n  b = 14.0025\n  c = 60\n}\n",
    )
    .unwrap();
    dir
}

#[test]
fn eval_shows_each_sasaran_and_tier_figure() {
    let dir = tree("sasaran-figures-eval");
    let json = sakip_in(&dir, &["eval", "u", "--year", "2023", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let s = &v["sasaran"];
    assert_eq!(
        (&s[0]["code"], &s[0]["capaian"], &s[0]["band"]),
        (&"SS1".into(), &"53.30".into(), &"Belum".into())
    );
    assert_eq!(s[0]["indicators"], serde_json::json!(["a", "b"]));
    assert_eq!(s[1]["capaian"], "120.00");
    // The tier: (3 x 87.92 + 18.67 + min(120, 100)) / 5 = 76.486.
    assert_eq!(
        (&v["tiers"][0]["code"], &v["tiers"][0]["capaian"]),
        (&"strategis".into(), &"76.49".into())
    );
    let table = sakip_in(&dir, &["eval", "u", "--year", "2023", "--lang", "en"]);
    assert!(
        table
            .stdout
            .contains("  SS1  Sasaran satu · achievement 53,30 (Belum)\n"),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains("  Sasaran Strategis: achievement 76,49 (Belum)\n"),
        "{}",
        table.stdout
    );
    // The CSV: the sasaran's and the tier's figure on each of their rows.
    let csv = sakip_in(&dir, &["eval", "u", "--year", "2023", "--format", "csv"]);
    let mut rows = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header = rows.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let got: Vec<(String, String, String)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[at("id")].to_string(),
                r[at("sasaran_capaian")].to_string(),
                r[at("tier_capaian")].to_string(),
            )
        })
        .collect();
    let row = |id: &str, s: &str, t: &str| (id.to_string(), s.to_string(), t.to_string());
    assert_eq!(
        got,
        [
            row("a", "53.30", "76.49"),
            row("b", "53.30", "76.49"),
            row("c", "120.00", "76.49")
        ]
    );
    // The reports: a row per sasaran, and the tier's.
    sakip_in(&dir, &["report", "u", "--year", "2023", "--format", "md", "-o", "r.md"]);
    let md = std::fs::read_to_string(dir.join("r.md")).unwrap();
    assert!(md.contains("- **SS1**: Sasaran satu — capaian 53,30 (Belum)\n"), "{md}");
    assert!(md.contains("**Capaian Sasaran Strategis**: 76,49 (Belum)\n"), "{md}");
    sakip_in(
        &dir,
        &["report", "u", "--year", "2023", "--format", "html", "-o", "r.html"],
    );
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    assert!(
        html.contains(
            "<tr><td>Sasaran satu<span class=\"id\">SS1</span></td><td class=\"num\"><strong>53,30</strong></td>"
        ),
        "{html}"
    );
    // The workbook: a sheet of them, each figure a number cell.
    {
        use calamine::{Data, Reader};
        sakip_in(
            &dir,
            &["report", "u", "--year", "2023", "--format", "xlsx", "-o", "r.xlsx"],
        );
        let mut book = crate::support::workbook(&dir.join("r.xlsx"));
        let sheet = book.worksheet_range("Sasaran").unwrap();
        let row = |r: u32| -> Vec<Data> {
            (0..6)
                .map(|c| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                .collect()
        };
        assert_eq!(row(1)[1], Data::String("SS1".into()));
        assert_eq!(row(1)[4], Data::Float(53.3));
        assert_eq!(
            row(3)[..2],
            [Data::String("strategis".into()), Data::String("strategis".into())]
        );
        assert_eq!(row(3)[4], Data::Float(76.49));
    }
    let test = sakip_in(&dir, &["test", "n", "--lang", "en"]);
    assert!(test.stdout.ends_with("1 passed, 0 failed\n"), "{}", test.stdout);
    // Without the lines, the JSON has neither field: unchanged for every rule set that says nothing.
    let plain = sakip_in(
        &crate::support::root(),
        &["eval", "examples/rutan-contoh", "--year", "2022", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    assert!(v.get("sasaran").is_none() && v.get("tiers").is_none());
}

/// The PDF report: a row per sasaran and the tier's, under the tier's table.
#[test]
#[cfg_attr(no_poppler, ignore = "no poppler-utils here: apt-get install poppler-utils")]
fn the_pdf_report_shows_each_sasaran_and_tier_figure() {
    let dir = tree("sasaran-figures-pdf");
    let run = sakip_in(
        &dir,
        &["report", "u", "--year", "2023", "--format", "pdf", "-o", "r.pdf"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", dir.join("r.pdf").to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("Sasaran satu").ends_with("53,30 Belum"), "{text}");
    assert!(line("Sasaran Strategis").ends_with("76,49 Belum"), "{text}");
}

/// The rollup: each sasaran's capaian over the units, per Kanwil and
/// nationally, in the JSON, the table, the page and the workbook; the
/// same from the parts of a run put back together (`--merge`).
#[test]
fn the_rollup_adds_up_each_sasaran_over_the_units() {
    let dir = tree("sasaran-figures-rollup");
    // A second unit: SS1 = (100 + 50) / 2 = 75.00, SS2 = 80.00.
    std::fs::create_dir_all(dir.join("v")).unwrap();
    std::fs::write(
        dir.join("v/satker.sakip"),
        "satker v \"V\"\nberdasarkan \"../n\"\nperjanjian 2023 {\n  target a = 50\n  target b = 50\n  target c = 50\n}\nrealisasi 2023 {\n  a = 50\n  b = 25\n  c = 40\n}\n",
    )
    .unwrap();
    let json = sakip_in(&dir, &["rollup", "u", "v", "--year", "2023", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let s = &v["nasional"]["sasaran"];
    // SS1: (53.30 + 75.00) / 2 = 64.15; SS2: (120.00 + 80.00) / 2 = 100.00.
    assert_eq!(
        (&s[0]["id"], &s[0]["count"], &s[0]["mean"], &s[0]["bands"]),
        (
            &"SS1".into(),
            &2.into(),
            &"64.15".into(),
            &serde_json::json!({"Belum": 2})
        )
    );
    assert_eq!((&s[1]["id"], &s[1]["mean"]), (&"SS2".into(), &"100.00".into()));
    // A sasaran's figure is not an indicator, and not in the unit's score.
    let ids: Vec<&str> = v["nasional"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let table = sakip_in(&dir, &["rollup", "u", "v", "--year", "2023", "--lang", "en"]);
    assert!(
        table
            .stdout
            .contains("  SS1  Sasaran satu: mean 64,15, median 64,15 (2 satker)\n"),
        "{}",
        table.stdout
    );
    // Two parts, put back together: the same figures.
    for part in ["u", "v"] {
        let run = sakip_in(
            &dir,
            &[
                "rollup",
                part,
                "--year",
                "2023",
                "--format",
                "jsonl",
                "-o",
                &format!("{part}.jsonl"),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let merged = sakip_in(
        &dir,
        &[
            "rollup", "--merge", "u.jsonl", "v.jsonl", "--year", "2023", "--format", "json",
        ],
    );
    let m: serde_json::Value = serde_json::from_str(&merged.stdout).unwrap();
    assert_eq!(m["nasional"]["sasaran"], v["nasional"]["sasaran"]);
    assert_eq!(m["ranking"], v["ranking"]);
    let page = sakip_in(
        &dir,
        &["rollup", "u", "v", "--year", "2023", "--format", "html", "--lang", "en"],
    );
    assert!(
        page.stdout.contains("<h2>Per sasaran: bands and mean capaian</h2>"),
        "{}",
        page.stdout
    );
    assert!(page
        .stdout
        .contains("<tr><td>Sasaran dua<span class=\"id\">SS2</span></td><td class=\"num\">2</td>"));
    {
        use calamine::{Data, Reader};
        sakip_in(
            &dir,
            &["rollup", "u", "v", "--year", "2023", "--format", "xlsx", "-o", "r.xlsx"],
        );
        let mut book = crate::support::workbook(&dir.join("r.xlsx"));
        let sheet = book.worksheet_range("Sasaran").unwrap();
        let row: Vec<Data> = (0..6)
            .map(|c| sheet.get_value((1, c)).cloned().unwrap_or(Data::Empty))
            .collect();
        assert_eq!(
            row,
            [
                Data::String("-".into()),
                Data::String("SS1".into()),
                Data::String("Sasaran satu".into()),
                Data::Float(2.0),
                Data::Float(64.15),
                Data::Float(64.15)
            ]
        );
    }
}

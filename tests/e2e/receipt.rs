//! Receipts: `eval|report --receipt` records what a result was computed
//! from; `sakip verify` recomputes it and says `identical` or what differs.

use crate::support::{sakip_in, scratch_copy};

const UNIT: &str = "examples/lapas-sarolangun-rawas";

#[test]
fn a_receipt_verifies_until_a_file_changes_and_then_says_what_changed() {
    let dir = scratch_copy("receipt");
    let run = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--receipt", "r.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let receipt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("r.json")).unwrap()).unwrap();
    assert_eq!(receipt["year"], 2022);
    let files: Vec<&str> = receipt["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    for needed in [
        "ditjenpas.sakip",
        "kanwil-sumsel.sakip",
        "sumsel.rhai",
        "realisasi-2022.sakip",
    ] {
        assert!(files.iter().any(|f| f.ends_with(needed)), "{files:?}");
    }
    assert_eq!(receipt["result_sha256"].as_str().unwrap().len(), 64);
    // The hash is the SHA-256 of the canonical JSON result: eval's JSON on one line.
    let ok = sakip_in(&dir, &["verify", "r.json"]);
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);
    assert!(
        ok.stdout.starts_with("identical: examples/lapas-sarolangun-rawas 2022"),
        "{}",
        ok.stdout
    );

    // A realisasi changed after the report was made.
    crate::support::edit_line(&dir.join(UNIT).join("realisasi-2022.sakip"), "iku_kamtib ", |l| {
        Some(l.replacen("= 30", "= 35", 1))
    });
    let bad = sakip_in(&dir, &["verify", "r.json"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stdout
            .contains("changed  examples/lapas-sarolangun-rawas/realisasi-2022.sakip"),
        "{}",
        bad.stdout
    );
    assert!(bad.stdout.contains("iku_kamtib realisasi: 30 -> 35"), "{}", bad.stdout);
    assert!(
        bad.stdout.contains("iku_kamtib capaian: 40.00 -> 46.66"),
        "{}",
        bad.stdout
    );

    // A file the receipt names is gone.
    std::fs::remove_file(dir.join(UNIT).join("realisasi-2023.sakip")).unwrap();
    let gone = sakip_in(&dir, &["verify", "r.json"]);
    assert_eq!(gone.code, 1);
    assert!(
        gone.stdout
            .contains("missing  examples/lapas-sarolangun-rawas/realisasi-2023.sakip"),
        "{}",
        gone.stdout
    );
}

#[test]
fn a_report_carries_the_result_hash_in_its_footer() {
    let dir = scratch_copy("receipt-report");
    let run = sakip_in(
        &dir,
        &[
            "report",
            UNIT,
            "--year",
            "2022",
            "--format",
            "html",
            "-o",
            "r.html",
            "--receipt",
            "r.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let receipt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("r.json")).unwrap()).unwrap();
    let hash = receipt["result_sha256"].as_str().unwrap();
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    assert!(html.contains(&format!("{hash}</p></footer>")), "no hash in the footer");
    // The same result through eval gives the same hash.
    let run = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--receipt", "e.json"]);
    assert_eq!(run.code, 0);
    let again: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("e.json")).unwrap()).unwrap();
    assert_eq!(again["result_sha256"], receipt["result_sha256"]);
    // The workbook carries it in every sheet's printed footer (read with
    // Python's zipfile: the sheets are XML inside the .xlsx).
    let run = sakip_in(
        &dir,
        &[
            "report",
            UNIT,
            "--year",
            "2022",
            "--format",
            "xlsx",
            "-o",
            "r.xlsx",
            "--receipt",
            "x.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nsheets = [n for n in z.namelist() if n.startswith('xl/worksheets/sheet')]\nprint(len(sheets), sum(sys.argv[2] in z.read(n).decode() for n in sheets))";
    let out = std::process::Command::new("python3")
        .args(["-c", script, dir.join("r.xlsx").to_str().unwrap(), hash])
        .output()
        .expect("python3 runs");
    let counts = String::from_utf8_lossy(&out.stdout);
    let counts: Vec<&str> = counts.split_whitespace().collect();
    assert_eq!(counts.len(), 2, "{counts:?}");
    assert_eq!(counts[0], counts[1], "every sheet carries the hash: {counts:?}");
    // Without --receipt, no footer.
    let plain = sakip_in(
        &dir,
        &["report", UNIT, "--year", "2022", "--format", "html", "-o", "p.html"],
    );
    assert_eq!(plain.code, 0);
    assert!(!std::fs::read_to_string(dir.join("p.html"))
        .unwrap()
        .contains("class=\"receipt\""));
}

#[test]
fn a_receipt_that_is_not_one_is_a_clear_error() {
    let dir = scratch_copy("receipt-bad");
    std::fs::write(dir.join("r.json"), "not json").unwrap();
    let run = sakip_in(&dir, &["verify", "r.json"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("receipt-invalid"), "{}", run.stderr);
    let run = sakip_in(&dir, &["verify", "nowhere.json"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("file-unreadable"), "{}", run.stderr);
    // An evaluation with errors gets no receipt.
    let run = sakip_in(&dir, &["eval", UNIT, "--year", "2030", "--receipt", "x.json"]);
    assert_eq!(run.code, 1);
    assert!(!dir.join("x.json").exists());
}

/// A receipt of the year in progress is verified up to its period (it was
/// verified against the whole year, and so always differed), and a receipt
/// of a Kanwil's own chapter III over its units names every unit's files:
/// a unit's changed realisasi, or a new unit, is said with the level's
/// figures that moved.
#[test]
fn receipts_of_a_quarter_and_of_a_kanwils_own_result() {
    let dir = scratch_copy("receipt-level");
    for sub in [
        "rules/contoh-pemda",
        "examples/pemda-contoh",
        "examples/rutan-contoh",
        "examples/lapas-contoh-a",
        "examples/lapas-contoh-b",
    ] {
        crate::support::copy_into(&dir, sub);
    }
    let run = sakip_in(
        &dir,
        &[
            "eval",
            "examples/pemda-contoh",
            "--year",
            "2025",
            "--until",
            "tw2",
            "--receipt",
            "q.json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let receipt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("q.json")).unwrap()).unwrap();
    assert_eq!(receipt["until"], "tw2");
    let ok = sakip_in(&dir, &["verify", "q.json", "--lang", "en"]);
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);

    let args = [
        "eval",
        "rules/kanwil-contoh",
        "--units",
        "examples",
        "--year",
        "2022",
        "--receipt",
        "k.json",
    ];
    let run = sakip_in(&dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let receipt: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("k.json")).unwrap()).unwrap();
    assert_eq!(receipt["units"], serde_json::json!(["examples"]));
    let files: Vec<&str> = receipt["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    for needed in [
        "rules/kanwil-contoh/kanwil-contoh.sakip",
        "rules/kanwil-contoh/contoh.rhai",
        "examples/lapas-contoh-a/satker.sakip",
        "examples/rutan-contoh/realisasi-2022.sakip",
    ] {
        assert!(files.contains(&needed), "{needed}: {files:?}");
    }
    // Units of another Kanwil or ministry are not what the result read.
    assert!(
        !files.iter().any(|f| f.contains("sarolangun") || f.contains("pemda")),
        "{files:?}"
    );
    let ok = sakip_in(&dir, &["verify", "k.json", "--lang", "en"]);
    assert_eq!(ok.code, 0, "{}{}", ok.stdout, ok.stderr);
    assert!(
        ok.stdout.starts_with("identical: rules/kanwil-contoh 2022"),
        "{}",
        ok.stdout
    );

    crate::support::edit_line(
        &dir.join("examples/lapas-contoh-a/satker.sakip"),
        "ikk_makanan = 60%",
        |l| Some(l.replacen("60%", "70%", 1)),
    );
    let bad = sakip_in(&dir, &["verify", "k.json", "--lang", "en"]);
    assert_eq!(bad.code, 1);
    for said in [
        "changed  examples/lapas-contoh-a/satker.sakip",
        "makanan_wilayah realisasi: 85.71 -> 89.8",
    ] {
        assert!(bad.stdout.contains(said), "{said}\n{}", bad.stdout);
    }
    std::fs::create_dir_all(dir.join("examples/lapas-baru")).unwrap();
    let text = std::fs::read_to_string(dir.join("examples/lapas-contoh-b/satker.sakip"))
        .unwrap()
        .replace("satker lapas_contoh_b", "satker lapas_baru");
    std::fs::write(dir.join("examples/lapas-baru/satker.sakip"), text).unwrap();
    let bad = sakip_in(&dir, &["verify", "k.json", "--lang", "en"]);
    assert!(
        bad.stdout.contains("new      examples/lapas-baru/satker.sakip"),
        "{}",
        bad.stdout
    );
}

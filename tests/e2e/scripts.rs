//! Scripts: every way a script can go wrong ends in a clear error, within a
//! second; two Kanwils score the same data differently, and say how.

use crate::support::{root, sakip, sakip_in, scratch_copy};
use std::time::{Duration, Instant};

#[test]
fn each_broken_script_ends_in_a_clear_error() {
    insta::glob!("../fixtures", "scripts/*/satker.sakip", |path| {
        let dir = path.parent().unwrap();
        let rel = dir.strip_prefix(root()).unwrap().to_str().unwrap().to_string();
        let start = Instant::now();
        let run = sakip(&["eval", &rel, "--year", "2022"]);
        let took = start.elapsed();
        assert!(took < Duration::from_secs(1), "{rel} took {took:?}");
        assert_eq!(
            run.code, 1,
            "{rel}: a failed script fails the run\n{}{}",
            run.stdout, run.stderr
        );
        assert!(
            run.stdout.contains("penilaian.rhai:") || run.stderr.contains("penilaian.rhai:"),
            "{rel} names the script"
        );
        let script = std::fs::read_to_string(dir.join("penilaian.rhai")).unwrap();
        let findings: String = run
            .stdout
            .lines()
            .skip_while(|l| !l.starts_with("Notes"))
            .map(|l| format!("{l}\n"))
            .collect();
        insta::assert_snapshot!(format!(
            "--- penilaian.rhai\n{script}--- exit {}\n--- stderr\n{}--- findings\n{findings}",
            run.code, run.stderr
        ));
    });
}

#[test]
fn a_failing_script_leaves_the_other_indicators_computed() {
    let run = sakip(&[
        "eval",
        "tests/fixtures/scripts/runtime",
        "--year",
        "2022",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rows = v["indicators"].as_array().unwrap();
    assert_eq!(rows[0]["id"], "kamtib");
    assert_eq!(
        rows[0]["capaian"], "80.00",
        "the script answers () for kamtib: the rules' default"
    );
    assert_eq!(rows[1]["capaian"], serde_json::Value::Null);
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "script-error")
        .unwrap();
    assert_eq!(d["indicator"], "layanan");
    assert_eq!(d["location"], "tests/fixtures/scripts/runtime/penilaian.rhai:3:32");
}

/// The seed's own data, with its unit's `berdasarkan` pointed at the made-up
/// Kanwil Contoh instead of Kanwil Sumatera Selatan.
#[test]
fn two_kanwils_score_the_same_data_differently() {
    let dir = scratch_copy("two-kanwils");
    let unit = "examples/lapas-sarolangun-rawas";
    let sumsel = sakip_in(&dir, &["eval", unit, "--year", "2022", "--format", "json"]);
    let satker = dir.join(unit).join("satker.sakip");
    let text = std::fs::read_to_string(&satker)
        .unwrap()
        .replace("rules/kanwil-sumsel", "rules/kanwil-contoh");
    std::fs::write(&satker, text).unwrap();
    let contoh = sakip_in(&dir, &["eval", unit, "--year", "2022", "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&sumsel.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_str(&contoh.stdout).unwrap();
    let mut table = String::from("id | Kanwil Sumsel | Kanwil Contoh\n");
    let mut differ = 0;
    for (x, y) in a["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .zip(b["indicators"].as_array().unwrap())
    {
        assert_eq!(x["realisasi"], y["realisasi"], "the same data");
        let cell =
            |r: &serde_json::Value| format!("{} {}", r["capaian"].as_str().unwrap(), r["band"].as_str().unwrap());
        let (l, r) = (cell(x), cell(y));
        if l != r {
            differ += 1;
        }
        table.push_str(&format!("{} | {l} | {r}\n", x["id"].as_str().unwrap()));
    }
    let nilai = |v: &serde_json::Value| {
        format!(
            "{} ({})",
            v["nilai"]["value"].as_str().unwrap(),
            v["nilai"]["source"].as_str().unwrap()
        )
    };
    table.push_str(&format!("nilai satker | {} | {}\n", nilai(&a), nilai(&b)));
    assert!(differ > 10, "the bands differ for most rows");
    assert_ne!(a["nilai"]["value"], b["nilai"]["value"]);
    insta::assert_snapshot!(table);
}

#[test]
fn explain_shows_each_step_and_its_source() {
    let seed = sakip(&[
        "explain",
        "examples/lapas-sarolangun-rawas",
        "--year",
        "2022",
        "ikp_kamtib",
    ]);
    assert_eq!(seed.code, 0, "{}", seed.stderr);
    insta::assert_snapshot!("explain_seed_ikp_kamtib", seed.stdout);
    // A rumus calling a script function, aggregated semesters, and the cap.
    let pelarian = sakip(&["explain", "examples/rutan-contoh", "--year", "2022", "ikw_pelarian"]);
    assert_eq!(pelarian.code, 0, "{}", pelarian.stderr);
    insta::assert_snapshot!("explain_contoh_ikw_pelarian", pelarian.stdout);
    // The script's capaian and klasifikasi hooks.
    let hak = sakip(&["explain", "examples/rutan-contoh", "--year", "2022", "ikp_hak_napi"]);
    insta::assert_snapshot!("explain_contoh_ikp_hak_napi", hak.stdout);
}

#[test]
fn explain_an_unknown_id_suggests_one() {
    let run = sakip(&[
        "explain",
        "examples/lapas-sarolangun-rawas",
        "--year",
        "2022",
        "iku_kamtb",
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: there is no indikator `iku_kamtb`; did you mean `iku_kamtib`?\n"
    );
}

#[test]
fn scripted_evaluations_are_byte_identical_run_to_run() {
    let a = sakip(&["eval", "examples/rutan-contoh", "--year", "2022", "--format", "json"]);
    let b = sakip(&["eval", "examples/rutan-contoh", "--year", "2022", "--format", "json"]);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert_eq!(a.stdout, b.stdout);
    insta::assert_snapshot!("eval_rutan_contoh_json", a.stdout);
}

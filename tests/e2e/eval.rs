//! `sakip eval` on the seed's unit: every format, exit codes, determinism.

use crate::support::{edit_line, eval_json, indikator, sakip, sakip_in, scratch_copy};

const UNIT: &str = "examples/lapas-sarolangun-rawas";

fn json_2022() -> serde_json::Value {
    eval_json(UNIT, "2022")
}

#[test]
fn json_has_every_row_of_chapter_three() {
    let v = json_2022();
    assert_eq!(v["satker"]["id"], "lapas_sarolangun_rawas");
    assert_eq!(v["satker"]["name"], "Lapas Kelas III Sarolangun Rawas");
    assert_eq!(v["year"], 2022);
    let rows = v["indicators"].as_array().unwrap();
    let count = |tier: &str| rows.iter().filter(|r| r["tier"] == tier).count();
    assert_eq!(
        (
            rows.len(),
            count("strategis"),
            count("program"),
            count("kegiatan"),
            count("output")
        ),
        (47, 3, 7, 24, 13)
    );
    for r in rows {
        for field in [
            "id",
            "tier",
            "sasaran",
            "name",
            "unit",
            "target",
            "realisasi",
            "capaian",
            "band",
        ] {
            assert!(r[field].is_string(), "{field} of {} is {}", r["id"], r[field]);
        }
    }
}

#[test]
fn json_recomputes_the_figures_the_report_got_wrong() {
    let v = json_2022();
    let row = |id: &str| indikator(&v, id);
    // Tabel 3.2 prints 45%: 35 / 75 truncated is 46.66.
    assert_eq!(row("ikp_kamtib")["capaian"], "46.66");
    assert_eq!(row("ikp_kamtib")["printed_capaian"], "45");
    // Tabel 3.3 prints 50%: 44 / 98 truncated is 44.89.
    assert_eq!(row("ikk_remisi")["capaian"], "44.89");
    // Truncated, not rounded: 23 / 53 = 43.396...
    assert_eq!(row("ikp_pembinaan_napi")["capaian"], "43.39");
    assert_eq!(row("iku_ikm_hukum")["capaian"], "41.93");
    assert_eq!(row("ro_kemandirian")["band"], "Sangat Memuaskan");
    assert_eq!(row("iku_kamtib")["band"], "Tidak Memuaskan");

    let diags = v["diagnostics"].as_array().unwrap();
    let has = |code: &str, id: &str| diags.iter().any(|d| d["code"] == code && d["indicator"] == id);
    assert!(has("printed-capaian", "ikp_kamtib"));
    assert!(has("printed-capaian", "ikk_remisi"));
    assert!(
        has("satuan-mismatch", "ro_keuangan"),
        "Tabel 3.4: 1 Dokumen against 0 Layanan"
    );
    assert!(has("tier-realisasi", "ikp_kamtib"), "30 at SS5 against 35 at SP4");
    assert!(
        has("target-above-national", "iku_kamtib"),
        "75 in the PK against 70 in Tabel 2.2"
    );
    assert!(
        has("printed-precision", "iku_ikm_hukum"),
        "41.9 printed with one decimal"
    );
    let wrong: Vec<&str> = diags
        .iter()
        .filter(|d| d["code"] == "printed-capaian")
        .map(|d| d["indicator"].as_str().unwrap())
        .collect();
    assert_eq!(
        wrong,
        vec!["ikp_kamtib", "ikk_remisi"],
        "no other printed capaian is wrong"
    );
    assert!(diags.iter().all(|d| d["severity"] != "error"));
}

#[test]
fn json_budget_has_a_total_the_report_left_empty() {
    let v = json_2022();
    let budget = v["budget"].as_array().unwrap();
    let names: Vec<&str> = budget.iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Belanja Pegawai", "Belanja Barang", "Belanja Modal"]);
    // The sum is a field of its own, not a line named "Total".
    assert_eq!(budget[0]["penyerapan"], "56.42", "half-up, as Tabel 3.5 prints it");
    assert_eq!(budget[2]["penyerapan"], "0.00", "a pagu of 0 with no spending is 0%");
    let total = &v["budget_total"];
    assert_eq!(total["pagu"], "5324344000");
    assert_eq!(total["realisasi"], "3327996783");
    assert_eq!(total["penyerapan"], "62.51");
    // The PK budget equals the pagu: no pk-budget finding.
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["code"] != "pk-budget"));
}

#[test]
fn json_snapshot() {
    let run = sakip(&["eval", UNIT, "--year", "2022", "--format", "json"]);
    insta::assert_snapshot!("eval_2022_json", run.stdout);
}

#[test]
fn table_snapshot() {
    let run = sakip(&["eval", UNIT, "--year", "2022"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}'), "no colour codes when not a terminal");
    insta::assert_snapshot!("eval_2022_table", run.stdout);
}

#[test]
fn the_table_in_indonesian() {
    let run = sakip(&["eval", UNIT, "--year", "2022", "--lang", "id"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("eval_2022_table_id", run.stdout);
    // Without --lang, the locale decides; Indonesian is the default.
    let env = crate::support::sakip_env(
        &crate::support::root(),
        &["eval", UNIT, "--year", "2022"],
        &[("LANG", "id_ID.UTF-8")],
    );
    assert_eq!(env.stdout, run.stdout);
    let c = crate::support::sakip_env(
        &crate::support::root(),
        &["eval", UNIT, "--year", "2022"],
        &[("LANG", "C.UTF-8")],
    );
    assert_eq!(c.stdout, run.stdout, "a locale that is not English means Indonesian");
}

#[test]
fn markdown_snapshot() {
    let run = sakip(&["eval", UNIT, "--year", "2022", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("eval_2022_md", run.stdout);
}

#[test]
fn csv_snapshot() {
    let run = sakip(&["eval", UNIT, "--year", "2022", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 48, "a header and 47 rows");
    insta::assert_snapshot!("eval_2022_csv", run.stdout);
}

#[test]
fn the_same_evaluation_twice_is_byte_identical() {
    let a = sakip(&["eval", UNIT, "--year", "2022", "--format", "json"]);
    let b = sakip(&["eval", UNIT, "--year", "2022", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn colour_is_used_when_asked() {
    let run = sakip(&["eval", UNIT, "--year", "2022", "--color", "always"]);
    assert!(run.stdout.contains("\u{1b}["), "bands are coloured");
}

#[test]
fn a_year_without_data_names_the_years_there_are() {
    let run = sakip(&["eval", UNIT, "--year", "2031"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("no Perjanjian Kinerja or realisasi for 2031"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("it has 2021, 2022, 2023"), "{}", run.stderr);
}

#[test]
fn a_broken_data_file_stops_eval_with_its_position() {
    let dir = scratch_copy("eval-broken");
    let data = dir.join(UNIT).join("realisasi-2022.sakip");
    edit_line(&data, "iku_ikm_hukum", |l| Some(l.replace("32.5", "32,5")));
    let run = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty(), "no half result on stdout");
    assert!(
        run.stderr
            .contains("examples/lapas-sarolangun-rawas/realisasi-2022.sakip:14:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`32.5`"), "{}", run.stderr);
}

#[test]
fn a_missing_target_is_an_error_and_the_rest_is_still_reported() {
    let dir = scratch_copy("eval-no-target");
    let pk = dir.join(UNIT).join("perjanjian-2022.sakip");
    edit_line(&pk, "target ikp_hak_napi", |_| None);
    let run = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--format", "json"]);
    // The indicator leaves the agreement, so its realisasi is reported as unused.
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["indicators"].as_array().unwrap().len(), 46);
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "realisasi-unused" && d["indicator"] == "ikp_hak_napi"));
}

/// `tidak diukur`: n/a in every format, the reason in the findings and the
/// JSON, no "missing" finding, and a rule test can state the case.
#[test]
fn a_realisasi_not_measured_is_n_a_everywhere() {
    let dir = scratch_copy("eval-tidak-diukur");
    let data = dir.join(UNIT).join("realisasi-2022.sakip");
    edit_line(&data, "ikp_kerjasama ", |_| {
        Some("  ikp_kerjasama tidak diukur \"tidak ada kerja sama baru\"".into())
    });
    let run = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let i = indikator(&v, "ikp_kerjasama");
    assert_eq!(
        (&i["realisasi"], &i["capaian"], &i["band"]),
        (
            &serde_json::Value::Null,
            &serde_json::Value::Null,
            &serde_json::Value::Null
        )
    );
    assert_eq!(i["not_measured"]["reason"], "tidak ada kerja sama baru");
    let about: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["indicator"] == "ikp_kerjasama")
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(about, ["tidak-diukur"]);
    let csv = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--format", "csv"]);
    let row = csv.stdout.lines().find(|l| l.contains(",ikp_kerjasama,")).unwrap();
    assert!(row.contains(",n/a,n/a,"), "{row}");
    let table = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--lang", "en"]);
    let line = table
        .stdout
        .lines()
        .find(|l| l.contains("Kerja Sama") || l.contains("kerja sama") || l.contains("Kerjasama"))
        .unwrap_or_default();
    assert!(line.matches("n/a").count() == 2, "{line}\n{}", table.stdout);
    assert!(table.stdout.contains("was not measured in 2022"), "{}", table.stdout);
    // What it takes, from nothing measured: n/a now.
    let whatif = sakip_in(&dir, &["whatif", UNIT, "--year", "2022", "--lang", "en"]);
    let now = whatif
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("ikp_kerjasama "))
        .nth(1)
        .unwrap_or_default();
    assert!(now.contains("realisasi n/a, capaian n/a"), "{now}\n{}", whatif.stdout);
    // A rule test that states the case.
    std::fs::write(
        dir.join(UNIT).join("uji-tidak-diukur.sakip"),
        "uji \"tidak diukur: tanpa capaian\" 2022 {\n  ikp_kerjasama tidak diukur\n  harap ikp_kerjasama capaian 50\n}\n",
    )
    .unwrap();
    let test = sakip_in(&dir, &["test", UNIT, "--lang", "en"]);
    assert!(
        test.stdout
            .contains("ikp_kerjasama capaian: expected 50, got n/a (the data says `tidak diukur`)"),
        "{}",
        test.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = sakip(&["eval", UNIT]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--year"), "{}", run.stderr);
}

/// `pembulatan nilai potong 0` rounds the unit's score its own way: the
/// mean a script gives is cut, while each capaian keeps its rounding.
#[test]
fn the_units_score_is_rounded_as_pembulatan_nilai_says() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pembulatan-nilai");
    let _ = std::fs::remove_dir_all(&dir);
    for sub in ["rules/ditjenpas", "rules/kanwil-contoh", "examples/rutan-contoh"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for e in std::fs::read_dir(crate::support::root().join(sub)).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dir.join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    let score = |dir: &std::path::Path| {
        let run = crate::support::sakip_in(
            dir,
            &["eval", "examples/rutan-contoh", "--year", "2022", "--format", "json"],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let capaian: Vec<String> = v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["capaian"].to_string())
            .collect();
        let rule = v["rounding"]["score"].clone();
        (v["nilai"]["value"].as_str().unwrap().to_string(), capaian, rule)
    };
    let (before, capaian_before, rule) = score(&dir);
    assert_eq!(before, "95.12");
    assert!(rule.is_null(), "{rule}");
    let kanwil = dir.join("rules/kanwil-contoh/kanwil-contoh.sakip");
    let text = std::fs::read_to_string(&kanwil).unwrap();
    std::fs::write(
        &kanwil,
        text.replacen(
            "skrip \"contoh.rhai\"",
            "skrip \"contoh.rhai\"\npembulatan nilai potong 0",
            1,
        ),
    )
    .unwrap();
    let (after, capaian_after, rule) = score(&dir);
    assert_eq!(after, "95");
    assert!(rule.as_str().is_some_and(|r| r.contains('0')), "{rule}");
    assert_eq!(capaian_after, capaian_before);
    // fmt keeps the line.
    let fmt = crate::support::sakip_in(&dir, &["fmt", "rules/kanwil-contoh"]);
    assert_eq!(fmt.code, 0, "{}", fmt.stderr);
    assert!(std::fs::read_to_string(&kanwil)
        .unwrap()
        .contains("pembulatan nilai potong 0"));
}

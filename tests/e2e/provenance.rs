//! `sakip provenance`: what each level decided for a unit's year, on the
//! shipped units (the seed's Lapas under Kanwil Sumsel's scripts, the
//! fictional Rutan under Kanwil Contoh's formula and hooks).

use crate::support::{sakip, sakip_in, scratch_copy};

#[test]
fn provenance_of_the_shipped_units() {
    for (unit, year) in [
        ("examples/lapas-sarolangun-rawas", "2022"),
        ("examples/lapas-sarolangun-rawas", "2023"),
        ("examples/rutan-contoh", "2022"),
    ] {
        let run = sakip(&["provenance", unit, "--year", year]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let name = format!("provenance_{}_{year}", unit.rsplit('/').next().unwrap());
        insta::assert_snapshot!(name, run.stdout);
    }
}

#[test]
fn provenance_as_json_names_each_level_and_what_it_replaced() {
    let run = sakip(&[
        "provenance",
        "examples/lapas-sarolangun-rawas",
        "--year",
        "2023",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let find = |what: &str| {
        v["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["what"] == what)
            .unwrap_or_else(|| panic!("{what}"))
            .clone()
    };
    // The unit's agreement replaced the national target.
    let t = find("target iku_kamtib");
    assert_eq!(t["holds"]["level"], "satker");
    assert_eq!(t["replaced"][0]["level"], "nasional");
    assert!(t["replaced"][0]["at"]["file"]
        .as_str()
        .unwrap()
        .ends_with("ditjenpas.sakip"));
    // From 2023 Kanwil Sumsel's second script scores the unit instead of its first.
    let f = find("fn nilai_satker");
    assert_eq!(f["holds"]["level"], "kanwil");
    assert!(f["holds"]["at"]["file"].as_str().unwrap().ends_with("sumsel-2023.rhai"));
    assert!(f["replaced"][0]["at"]["file"]
        .as_str()
        .unwrap()
        .ends_with("sumsel.rhai"));
    // A national setting nobody replaced.
    let s = find("pembulatan capaian");
    assert_eq!(s["holds"]["level"], "nasional");
    assert_eq!(s["replaced"], serde_json::json!([]));
}

#[test]
fn a_kanwil_setting_replaces_the_national_one() {
    let dir = scratch_copy("provenance-kanwil");
    let kanwil = dir.join("rules/kanwil-sumsel/kanwil-sumsel.sakip");
    let text = std::fs::read_to_string(&kanwil).unwrap();
    let header_end = text.find("berdasarkan").unwrap();
    let line_end = header_end + text[header_end..].find('\n').unwrap() + 1;
    let changed = format!("{}pembulatan capaian bulat 1\n{}", &text[..line_end], &text[line_end..]);
    std::fs::write(&kanwil, changed).unwrap();
    let run = sakip_in(
        &dir,
        &[
            "--lang",
            "en",
            "provenance",
            "examples/lapas-sarolangun-rawas",
            "--year",
            "2022",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let s = v["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["what"] == "pembulatan capaian")
        .unwrap();
    assert_eq!(s["holds"]["level"], "kanwil");
    assert_eq!(s["holds"]["value"], "bulat 1");
    assert_eq!(s["replaced"][0]["level"], "nasional");
    assert_eq!(s["replaced"][0]["value"], "potong 2");
    let table = sakip_in(
        &dir,
        &[
            "--lang",
            "en",
            "provenance",
            "examples/lapas-sarolangun-rawas",
            "--year",
            "2022",
        ],
    );
    assert!(
        table
            .stdout
            .contains("kanwil: changes 1 against the levels above (pembulatan capaian)"),
        "{}",
        table.stdout
    );
}

#[test]
fn a_year_without_data_is_an_error() {
    let run = sakip(&["provenance", "examples/lapas-sarolangun-rawas", "--year", "2030"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("year-missing"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

//! The JSON contract's schemas: generated from the contract's types
//! (`sakip_core::contract`), committed as docs/unit.schema.json (a unit's
//! year) and docs/rollup.schema.json (the whole `rollup --format json`
//! document), and what sakip writes validates against them.

use crate::support::{root, sakip, sakip_in};
use serde_json::Value;

/// A schema as committed: pretty, ending with a newline.
fn pretty(schema: schemars::Schema) -> String {
    let schema = serde_json::to_value(schema).unwrap();
    format!("{}\n", serde_json::to_string_pretty(&schema).unwrap())
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for (file, want) in [
        ("docs/unit.schema.json", pretty(sakip_core::contract::schema())),
        ("docs/rollup.schema.json", pretty(sakip_core::contract::rollup_schema())),
        (
            "docs/receipt.schema.json",
            pretty(sakip_core::contract::receipt_schema()),
        ),
    ] {
        let path = root().join(file);
        if std::env::var_os("SAKIP_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{file} is not the contract's: run `SAKIP_BLESS=1 cargo test --test e2e schema` and commit it"
        );
    }
}

/// A validator of the committed schema in `file`.
fn validator_of(file: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(root().join(file)).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Every unit object of `eval --format json` (both shipped units, both
/// languages' runs write the same contract) and of a rollup (`jsonl`
/// lines, the `units` of `--format json`) validates against the
/// committed schema, and the whole `--format json` document (summaries,
/// ranking, failures) against its own; an object the contract does not
/// allow does not.
#[test]
fn every_unit_object_validates_against_the_schema() {
    let unit_schema = validator_of("docs/unit.schema.json");
    let validator = &unit_schema;
    let check = |what: &str, v: &Value| {
        let errors: Vec<String> = validator
            .iter_errors(v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{what}: {errors:#?}");
    };
    let mut objects = 0;
    for (unit, year) in [
        ("examples/lapas-sarolangun-rawas", "2023"),
        ("examples/rutan-contoh", "2022"),
    ] {
        let run = sakip(&["eval", unit, "--year", year, "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        check(unit, &serde_json::from_str(&run.stdout).unwrap());
        objects += 1;
    }
    let tree = crate::rollup::tree();
    let jsonl = sakip_in(tree, &["rollup", ".", "--year", "2023", "--format", "jsonl"]);
    assert_eq!(jsonl.code, 0, "{}", jsonl.stderr);
    for line in jsonl.stdout.lines().filter(|l| !l.trim().is_empty()) {
        check("a jsonl line", &serde_json::from_str(line).unwrap());
        objects += 1;
    }
    let json = sakip_in(tree, &["rollup", ".", "--year", "2023", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    // The whole document, summaries included, against its own schema.
    let whole = validator_of("docs/rollup.schema.json");
    let errors: Vec<String> = whole
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "rollup --format json: {errors:#?}");
    for unit in doc["units"].as_array().unwrap() {
        check("a unit of rollup --format json", unit);
        objects += 1;
    }
    assert!(objects >= 6, "{objects} objects");
    // The schema says something: a figure as a JSON number is refused.
    let mut wrong: Value =
        serde_json::from_str(&sakip(&["eval", "examples/rutan-contoh", "--year", "2022", "--format", "json"]).stdout)
            .unwrap();
    wrong["indicators"][0]["capaian"] = serde_json::json!(100.5);
    assert!(!validator.is_valid(&wrong));
    wrong["indicators"][0]["capaian"] = serde_json::json!("100.5");
    wrong["satker"] = serde_json::json!(1);
    assert!(!validator.is_valid(&wrong));
}

/// A receipt written by `eval --receipt` and by `report --receipt`
/// validates against the committed receipt schema.
#[test]
fn receipts_validate_against_their_schema() {
    let validator = validator_of("docs/receipt.schema.json");
    let dir = crate::support::scratch_copy("schema-receipt");
    let unit = "examples/lapas-sarolangun-rawas";
    for args in [
        vec!["eval", unit, "--year", "2022", "--receipt", "r1.json"],
        vec![
            "report",
            unit,
            "--year",
            "2023",
            "--format",
            "md",
            "-o",
            "r.md",
            "--receipt",
            "r2.json",
        ],
    ] {
        let run = sakip_in(&dir, &args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    for file in ["r1.json", "r2.json"] {
        let receipt: Value = serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&receipt)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}

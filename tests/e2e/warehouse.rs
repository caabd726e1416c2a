//! The rollup's outputs load into a data warehouse as they are: DuckDB
//! (the Python package) reads the long CSV with `read_csv_auto` and the
//! unit lines with `read_json_auto`, and its counts per Kanwil and band
//! equal sakip's own summary. `.ci/run` installs `duckdb` when it is
//! missing; outside CI the test says it was skipped.

use crate::support::sakip_in;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

const QUERY: &str = r#"
import duckdb, json, sys
csv, jsonl = sys.argv[1], sys.argv[2]
rows = duckdb.sql(f"select kanwil, band, count(*) from read_csv_auto('{csv}', all_varchar=true) where band <> '' group by all order by all").fetchall()
units = duckdb.sql(f"select list_filter(rules, lambda r: r.level = 'kanwil')[1].id as kanwil, count(*) from read_json_auto('{jsonl}') group by all order by all").fetchall()
print(json.dumps({"rows": [[k, b, n] for k, b, n in rows], "units": [[k, n] for k, n in units]}))
"#;

fn has_duckdb() -> bool {
    Command::new("python3")
        .args(["-c", "import duckdb"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn duckdb_reads_the_outputs_and_counts_what_sakip_counts() {
    if !has_duckdb() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the duckdb Python package: .ci/run installs it"
        );
        eprintln!("skipped: no duckdb Python package (pip install duckdb)");
        return;
    }
    let tree = crate::rollup::tree();
    let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("warehouse");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let (csv, jsonl) = (out.join("rekap.csv"), out.join("rekap.jsonl"));
    for (format, file) in [("csv", &csv), ("jsonl", &jsonl)] {
        let run = sakip_in(
            tree,
            &[
                "rollup",
                ".",
                "--year",
                "2023",
                "-f",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let summary = sakip_in(tree, &["rollup", ".", "--year", "2023", "-f", "json"]);
    let summary: Value = serde_json::from_str(&summary.stdout).unwrap();

    let query = Command::new("python3")
        .args(["-c", QUERY, csv.to_str().unwrap(), jsonl.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(query.status.success(), "{}", String::from_utf8_lossy(&query.stderr));
    let duck: Value = serde_json::from_slice(&query.stdout).unwrap();

    // Indicators per Kanwil and band: DuckDB's group-by against sakip's summary.
    let mut sakip_rows: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut sakip_units: BTreeMap<String, u64> = BTreeMap::new();
    for k in summary["kanwil"].as_array().unwrap() {
        let id = k["id"].as_str().unwrap().to_string();
        sakip_units.insert(id.clone(), k["units"].as_u64().unwrap());
        for ind in k["indicators"].as_array().unwrap() {
            for (band, n) in ind["bands"].as_object().unwrap() {
                *sakip_rows.entry((id.clone(), band.clone())).or_default() += n.as_u64().unwrap();
            }
        }
    }
    let duck_rows: BTreeMap<(String, String), u64> = duck["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                (r[0].as_str().unwrap().into(), r[1].as_str().unwrap().into()),
                r[2].as_u64().unwrap(),
            )
        })
        .collect();
    let duck_units: BTreeMap<String, u64> = duck["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r[0].as_str().unwrap().into(), r[1].as_u64().unwrap()))
        .collect();
    assert_eq!(duck_rows, sakip_rows);
    assert_eq!(duck_units, sakip_units);
    assert_eq!(duck_units.values().sum::<u64>(), 30);
}

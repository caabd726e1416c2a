//! `sakip rollup`: many units in one run, exact at scale. A generated tree
//! (the workload of `sakip-bench`, small) is rolled up and checked unit by
//! unit against `sakip eval`, Kanwil by Kanwil against the sums of its
//! units, run against run and thread count against thread count, and the
//! long-table path against the folder path.

use crate::support::{sakip, sakip_env, sakip_in};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

const YEAR: &str = "2023";

/// A generated tree: 30 units under 3 Kanwil (two with a `capaian` hook,
/// all with `nilai_satker`), 12 indicators, 2022 and 2023 data; made once
/// per test run.
pub fn tree() -> &'static Path {
    static TREE: OnceLock<PathBuf> = OnceLock::new();
    TREE.get_or_init(|| {
        let spec = sakip_bench::Spec {
            units: 30,
            kanwil: 3,
            indicators: 12,
            years: 2,
            seed: 11,
            hooks: sakip_bench::Hooks::Half,
        };
        crate::support::generated("rollup-tree", &spec).0
    })
}

fn rollup(args: &[&str]) -> crate::support::Run {
    let mut all = vec!["rollup", ".", "--year", YEAR];
    all.extend_from_slice(args);
    sakip_in(tree(), &all)
}

fn dec(v: &Value) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from_str(v.as_str().unwrap()).unwrap()
}

/// The contract is one set of types: every unit line a rollup writes
/// reads back into `sakip_core::contract::Output` and writes out as the
/// same bytes (a field the writer adds, renames or drops without the
/// reader would fail here, or not compile in `--merge`).
#[test]
fn every_jsonl_line_reads_back_into_the_contract_types_unchanged() {
    let run = rollup(&["--format", "jsonl"]);
    let mut lines = 0;
    for line in run.stdout.lines().filter(|l| !l.trim().is_empty()) {
        let typed: sakip_core::contract::Output<'_> =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(serde_json::to_string(&typed).unwrap(), line);
        lines += 1;
    }
    assert!(lines >= 2, "{}", run.stdout);
}

#[test]
fn every_line_of_jsonl_is_the_units_eval() {
    let run = rollup(&["--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 30);
    for line in lines {
        let unit: Value = serde_json::from_str(line).unwrap();
        let id = unit["satker"]["id"].as_str().unwrap();
        let kanwil = unit["rules"][1]["id"].as_str().unwrap();
        let dir = format!("satker/{kanwil}/{id}");
        let eval = sakip_in(tree(), &["eval", &dir, "--year", YEAR, "--format", "json"]);
        let expected: Value = serde_json::from_str(&eval.stdout).unwrap();
        assert_eq!(unit, expected, "{dir}");
        assert!(!unit["indicators"].as_array().unwrap().is_empty());
    }
}

#[test]
fn output_is_the_same_bytes_on_one_thread_or_two_and_run_after_run() {
    for format in ["jsonl", "csv", "json", "table"] {
        let args = ["rollup", ".", "--year", YEAR, "--format", format];
        let one = sakip_env(tree(), &args, &[("RAYON_NUM_THREADS", "1")]);
        let two = sakip_env(tree(), &args, &[("RAYON_NUM_THREADS", "2")]);
        let again = sakip_env(tree(), &args, &[("RAYON_NUM_THREADS", "2")]);
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert!(one.stdout.len() > 100, "{format}");
        assert_eq!(one.stdout, two.stdout, "{format}: 1 thread against 2");
        assert_eq!(two.stdout, again.stdout, "{format}: run against run");
    }
}

#[test]
fn kanwil_summaries_are_the_sums_of_their_units() {
    let units: Vec<Value> = rollup(&["--format", "jsonl"])
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let doc: Value = serde_json::from_str(&rollup(&["--format", "json"]).stdout).unwrap();
    assert_eq!(
        doc["units"].as_array().unwrap(),
        &units,
        "the json document holds the jsonl lines"
    );
    let mut nasional_units = 0;
    for k in doc["kanwil"].as_array().unwrap() {
        let id = k["id"].as_str().unwrap();
        let mine: Vec<&Value> = units.iter().filter(|u| u["rules"][1]["id"] == id).collect();
        assert_eq!(k["units"].as_u64().unwrap() as usize, mine.len(), "{id}");
        nasional_units += mine.len();
        let total =
            |field: &str| -> rust_decimal::Decimal { mine.iter().map(|u| dec(&u["budget_total"][field])).sum() };
        assert_eq!(dec(&k["pagu"]), total("pagu"), "{id}");
        assert_eq!(dec(&k["realisasi"]), total("realisasi"), "{id}");
        // Absorption from the sums, half-up to 2 decimals, never a mean of percentages.
        let expected = (total("realisasi") / total("pagu") * rust_decimal::Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(dec(&k["penyerapan"]), expected, "{id}");
        // Each indicator's bands count the units' bands.
        for ind in k["indicators"].as_array().unwrap() {
            let iid = ind["id"].as_str().unwrap();
            let mut bands: BTreeMap<String, u64> = BTreeMap::new();
            for u in &mine {
                for r in u["indicators"].as_array().unwrap() {
                    if r["id"] == iid {
                        if let Some(b) = r["band"].as_str() {
                            *bands.entry(b.to_string()).or_default() += 1;
                        }
                    }
                }
            }
            let got: BTreeMap<String, u64> = serde_json::from_value(ind["bands"].clone()).unwrap();
            assert_eq!(got, bands, "{id} {iid}");
        }
        // The units per band of their score count the units' nilai bands.
        let by_score: u64 = k["bands"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(
            by_score as usize + k["without_score"].as_u64().unwrap() as usize,
            mine.len()
        );
    }
    assert_eq!(doc["nasional"]["units"].as_u64().unwrap() as usize, nasional_units);
    assert_eq!(nasional_units, 30);
    let ranking = doc["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 30);
    assert!(ranking.windows(2).all(|w| dec(&w[0]["score"]) >= dec(&w[1]["score"])));
}

/// The first nine columns of the long CSV, per unit and indicator.
fn figures(csv: &str) -> BTreeMap<(String, String), Vec<String>> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        &header[..9],
        [
            "kanwil",
            "satker",
            "tier",
            "sasaran",
            "indikator",
            "target",
            "realisasi",
            "capaian",
            "band"
        ]
    );
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let row: Vec<String> = rec.iter().take(9).map(String::from).collect();
            ((row[1].clone(), row[4].clone()), row)
        })
        .collect()
}

#[test]
fn the_long_table_gives_the_figures_of_the_folders() {
    let folders = rollup(&["--format", "csv"]);
    assert_eq!(folders.code, 0, "{}", folders.stderr);
    let table = sakip_in(
        tree(),
        &[
            "rollup",
            "--rules",
            "rules/nasional",
            "--rules",
            "rules/k01",
            "--rules",
            "rules/k02",
            "--rules",
            "rules/k03",
            "--data",
            "realisasi-satker.csv",
            "--year",
            YEAR,
            "--format",
            "csv",
        ],
    );
    assert_eq!(table.code, 0, "{}", table.stderr);
    let (a, b) = (figures(&folders.stdout), figures(&table.stdout));
    assert_eq!(a.len(), 30 * 12);
    assert_eq!(a, b);
    // Some rows sit exactly on the target and on band edges.
    let capaian: Vec<&str> = a.values().map(|r| r[7].as_str()).collect();
    assert!(capaian.contains(&"100.00"), "{capaian:?}");
    assert!(capaian.iter().any(|c| ["80.00", "70.00", "60.00"].contains(c)));
}

/// The long table against the plain loop the benchmarks measure it by
/// (`sakip-bench reference`, which knows only the generated national
/// rules): the same realisasi, capaian and band on every row. The loop is
/// a second computation written apart from the rules engine; a row that
/// differs is a wrong figure in one of them.
#[test]
fn the_long_table_gives_the_reference_loops_figures() {
    let scratch = camino::Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("reference-compare");
    std::fs::create_dir_all(&scratch).unwrap();
    let sakip_csv = scratch.join("long-sakip.csv");
    let table = sakip_in(
        tree(),
        &[
            "rollup",
            "--rules",
            "rules/nasional",
            "--data",
            "realisasi-satker.csv",
            "--year",
            YEAR,
            "--format",
            "csv",
            "-o",
            sakip_csv.as_str(),
        ],
    );
    assert_eq!(table.code, 0, "{}", table.stderr);
    let dir = camino::Utf8PathBuf::from_path_buf(tree().to_path_buf()).unwrap();
    let mut out = Vec::new();
    let rows = sakip_bench::reference::run(&dir, &mut out).unwrap();
    assert_eq!(rows, 30 * 12);
    std::fs::write(scratch.join("long-reference.csv"), &out).unwrap();
    let d = sakip_bench::reference::compare(&scratch.join("long-reference.csv"), &sakip_csv).unwrap();
    assert_eq!((d.rows, d.differ, d.missing), (rows, 0, 0), "{:?}", d.examples);
    // And the comparison can fail: one capaian changed is found.
    let text = String::from_utf8(out).unwrap();
    let line = text.lines().find(|l| l.contains(",100.00,")).unwrap();
    let changed = text.replacen(line, &line.replacen(",100.00,", ",99.99,", 1), 1);
    std::fs::write(scratch.join("long-reference-changed.csv"), changed).unwrap();
    let d = sakip_bench::reference::compare(&scratch.join("long-reference-changed.csv"), &sakip_csv).unwrap();
    assert_eq!(d.differ, 1, "{:?}", d.examples);
}

#[test]
fn the_seed_and_the_fictional_unit_add_up() {
    let run = sakip(&["rollup", "examples", "--year", "2022"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("rollup_examples_2022", run.stdout);
    let doc: Value =
        serde_json::from_str(&sakip(&["rollup", "examples", "--year", "2022", "-f", "json"]).stdout).unwrap();
    // (3,327,996,783 + 2,730,500,000) / (5,324,344,000 + 3,000,000,000) = 72.78%.
    assert_eq!(doc["nasional"]["penyerapan"], "72.78");
    assert_eq!(doc["nasional"]["pagu"], "8324344000");
    // --kanwil keeps one region.
    let one = sakip(&[
        "rollup",
        "examples",
        "--year",
        "2022",
        "-f",
        "jsonl",
        "--kanwil",
        "kanwil_sumsel",
    ]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert_eq!(one.stdout.lines().count(), 1);
    assert!(one.stdout.contains("lapas_sarolangun_rawas"));
    // A Kanwil that is not there: said, nothing printed, exit 1.
    let none = sakip(&["rollup", "examples", "--year", "2022", "--kanwil", "kanwil_nope"]);
    assert_eq!((none.code, none.stdout.as_str()), (1, ""));
    assert!(
        none.stderr.contains("no unit of Kanwil `kanwil_nope`"),
        "{}",
        none.stderr
    );
}

/// A copy of the generated tree to break.
fn broken_copy(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(tree(), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn a_broken_unit_never_stops_the_others() {
    let dir = broken_copy("rollup-broken");
    // A syntax error, a Kanwil that is not there, a script that never ends.
    std::fs::write(
        dir.join("satker/k01/u00001/perjanjian-2023.sakip"),
        "perjanjian 2023 {\n  target i001 = 7,5\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("satker/k02/u00002/satker.sakip"),
        "satker u00002 \"Satker 00002\"\nberdasarkan \"../../../rules/k99\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("rules/k03/k03.rhai"), "fn nilai_satker(hasil) { loop { } }\n").unwrap();
    // And a data file saved in Latin-1 (`É` as one byte) on its second line.
    std::fs::write(
        dir.join("satker/k01/u00004/realisasi-2023.sakip"),
        b"realisasi 2023 {\n  i001 = 5 \xC9\n}\n",
    )
    .unwrap();
    let out = dir.join("rekap.jsonl");
    let run = sakip_in(
        &dir,
        &["rollup", ".", "--year", YEAR, "-f", "jsonl", "-o", "rekap.jsonl"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("perjanjian-2023.sakip:2:"), "{}", run.stderr);
    assert!(run.stderr.contains("rules/k99"), "{}", run.stderr);
    assert!(
        run.stderr.contains("it is not UTF-8 text (line 2, byte 12)"),
        "{}",
        run.stderr
    );
    // Every other unit was computed and written; the ten units of k03 with
    // their score failing (an error each), the others clean.
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 27);
    let doc = sakip_in(&dir, &["rollup", ".", "--year", YEAR, "-f", "json"]);
    let doc: Value = serde_json::from_str(&doc.stdout).unwrap();
    let failures = doc["failures"].as_array().unwrap();
    assert_eq!(failures.len(), 3 + 10, "{failures:#?}");
    assert!(failures
        .iter()
        .any(|f| f["errors"][0].as_str().unwrap().contains("figure")));
}

fn long_table(dir: &Path, csv: impl AsRef<[u8]>, extra: &[&str]) -> crate::support::Run {
    std::fs::write(dir.join("data.csv"), csv).unwrap();
    let mut args = vec![
        "rollup",
        "--rules",
        "rules/nasional",
        "--data",
        "data.csv",
        "--year",
        YEAR,
    ];
    args.extend_from_slice(extra);
    sakip_in(dir, &args)
}

#[test]
fn bad_rows_are_named_by_line_and_column_and_left_out() {
    let dir = broken_copy("rollup-bad-rows");
    let csv = "satker,kanwil,indikator,target,realisasi\n\
               a1,k01,i001,80,80\n\
               a1,k01,i0001,80,70\n\
               a1,k01,i002,80,7;5\n\
               a1,k01,i001,80,60\n\
               b1,k02,i001,,40\n\
               a1,k01,i003,80,80\n";
    let run = long_table(&dir, csv, &["-f", "jsonl"]);
    assert_eq!(run.code, 1);
    let err = &run.stderr;
    assert!(
        err.contains("data.csv:3: error[row-invalid]: column `indikator`: no indikator `i0001`"),
        "{err}"
    );
    assert!(err.contains("did you mean `i001`?"), "{err}");
    assert!(
        err.contains("data.csv:4: error[row-invalid]: column `realisasi`: `7;5` is not a number"),
        "{err}"
    );
    assert!(
        err.contains(
            "data.csv:5: error[row-invalid]: column `indikator`: `i001` of satker `a1` was given before, on line 2"
        ),
        "{err}"
    );
    assert!(
        err.contains("data.csv:7: error[row-invalid]: column `satker`: the rows of satker `a1` are not together"),
        "{err}"
    );
    assert!(err.contains("4 bad rows"), "{err}");
    // Both units are still evaluated, each with its good rows; b1 takes the rules' target.
    let units: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(units.len(), 2);
    assert_eq!(units[0]["indicators"].as_array().unwrap().len(), 1);
    assert_eq!(units[1]["satker"]["id"], "b1");
    assert!(units[1]["indicators"][0]["target"].as_str().is_some());
    assert!(run.stderr.contains("kanwil `k01`"), "said once as info: {}", run.stderr);
    // --strict stops at the first: the run is incomplete, and its output
    // is not written (nor summaries of the units read before it).
    std::fs::write(dir.join("keep.jsonl"), "old\n").unwrap();
    let strict = long_table(&dir, csv, &["-f", "jsonl", "--strict", "-o", "keep.jsonl"]);
    assert_eq!(strict.code, 1);
    assert_eq!(
        strict.stderr.matches("error[row-invalid]").count(),
        1,
        "{}",
        strict.stderr
    );
    assert!(strict.stderr.contains("data.csv:3"), "{}", strict.stderr);
    assert!(strict.stderr.contains("nothing was written"), "{}", strict.stderr);
    assert_eq!(std::fs::read_to_string(dir.join("keep.jsonl")).unwrap(), "old\n");
}

/// `n/a` (or `tidak diukur`) in a realisasi cell: not measured, shown as
/// n/a in the unit's figures and in the long table, counted apart in the
/// summaries, never as missing; with values beside it the row is refused.
#[test]
fn a_cell_saying_n_a_is_not_measured_not_missing() {
    let dir = broken_copy("rollup-not-measured");
    let csv = "satker,kanwil,indikator,target,realisasi\n\
               a1,k01,i001,80,n/a\n\
               a1,k01,i002,80,70\n\
               b1,k01,i001,80,Tidak Diukur\n\
               b1,k01,i002,80,\n\
               c1,k01,i001,80,80\n";
    let run = long_table(&dir, csv, &["-f", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let units: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let i001 = |u: &Value| {
        u["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "i001")
            .cloned()
            .unwrap()
    };
    for u in &units[..2] {
        let i = i001(u);
        assert_eq!((&i["realisasi"], &i["capaian"]), (&Value::Null, &Value::Null), "{i}");
        assert!(i["not_measured"].is_object(), "{i}");
    }
    assert!(i001(&units[2]).get("not_measured").is_none(), "absent when measured");
    // The long table prints n/a, and its codes say why.
    let out = long_table(&dir, csv, &["-f", "csv"]);
    let row = out
        .stdout
        .lines()
        .find(|l| l.starts_with("k01,a1,") && l.contains(",i001,"))
        .unwrap();
    assert!(row.contains(",n/a,n/a,"), "{row}");
    assert!(row.ends_with("tidak-diukur"), "{row}");
    // The summary: 2 not measured, 1 counted; b1's empty i002 is the missing one.
    let json = long_table(&dir, csv, &["-f", "json"]);
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    let k01 = doc["kanwil"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["id"] == "k01")
        .unwrap();
    let ind = |id: &str| {
        k01["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        (
            &ind("i001")["not_measured"],
            &ind("i001")["count"],
            &ind("i001")["without_capaian"]
        ),
        (&Value::from(2), &Value::from(1), &Value::from(0))
    );
    assert_eq!(ind("i002")["not_measured"], 0);
    // The page says it beside the count of units measured.
    let html = long_table(&dir, csv, &["-f", "html"]);
    assert!(
        html.stdout.contains("<span class=\"id\">n/a 2</span>"),
        "{}",
        html.stdout
    );
    // The workbook: a last column, `Tidak diukur`.
    {
        use calamine::{Data, Reader};
        long_table(&dir, csv, &["-f", "xlsx", "-o", "r.xlsx"]);
        let mut book = crate::support::workbook(&dir.join("r.xlsx"));
        let sheet = book.worksheet_range("Indikator").unwrap();
        let (height, width) = sheet.get_size();
        let last = u32::try_from(width - 1).unwrap();
        assert_eq!(sheet.get_value((0, last)), Some(&Data::String("Tidak diukur".into())));
        let i001 = (1..u32::try_from(height).unwrap())
            .find(|r| sheet.get_value((*r, 0)) == Some(&Data::String("i001".into())))
            .unwrap();
        assert_eq!(sheet.get_value((i001, last)), Some(&Data::Float(2.0)));
    }
    // Not measured and a value at once: the row is refused.
    let both = "satker,kanwil,indikator,target,realisasi,tw1\na1,k01,i001,80,n/a,5\n";
    let run = long_table(&dir, both, &["-f", "jsonl"]);
    assert!(run.stderr.contains("column `realisasi`"), "{}", run.stderr);
    assert!(
        run.stderr.contains("not measured (`n/a`) and also gives values"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_that_cannot_be_read_writes_nothing() {
    let dir = broken_copy("rollup-bad-file");
    std::fs::write(dir.join("keep.csv"), "old\n").unwrap();
    for (csv, says) in [
        ("satker,kanwil,realisasi\na,k01,1\n", "no `indikator` column"),
        ("", "the file is empty"),
    ] {
        let run = long_table(&dir, csv, &["-f", "csv", "-o", "keep.csv"]);
        assert_eq!(run.code, 1, "{csv:?}");
        assert!(run.stderr.contains(says), "{csv:?}: {}", run.stderr);
        assert_eq!(std::fs::read_to_string(dir.join("keep.csv")).unwrap(), "old\n");
    }
    let mut latin1 = b"satker,kanwil,indikator,realisasi\na,k01,i001,80\nb,Kanwil ".to_vec();
    latin1.extend_from_slice(&[0xC9, b'x', b',', b'i', b'0', b'0', b'1', b',', b'1', b'\n']);
    let run = long_table(&dir, latin1, &["-o", "keep.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("data.csv:3: error[table-unreadable]: the file is not UTF-8"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(dir.join("keep.csv")).unwrap(), "old\n");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let run = rollup(&["--format", "csv"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
}

#[test]
fn parts_run_apart_merge_into_the_whole() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rollup-merge");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut parts = Vec::new();
    for k in ["k01", "k02", "k03"] {
        let part = dir.join(format!("part-{k}.jsonl"));
        let run = rollup(&["--kanwil", k, "-f", "jsonl", "-o", part.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        parts.push(part.to_str().unwrap().to_string());
    }
    let merge = |format: &str| {
        let mut args = vec!["rollup", "--year", YEAR, "-f", format, "--merge"];
        args.extend(parts.iter().map(String::as_str));
        let run = sakip_in(tree(), &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    assert_eq!(merge("table"), rollup(&[]).stdout);
    let whole: Value = serde_json::from_str(&rollup(&["-f", "json"]).stdout).unwrap();
    let merged: Value = serde_json::from_str(&merge("json")).unwrap();
    assert_eq!(merged["kanwil"], whole["kanwil"]);
    assert_eq!(merged["nasional"], whole["nasional"]);
    assert_eq!(merged["units"], whole["units"]);
    assert_eq!(merged["ranking"].as_array().unwrap().len(), 30);
    assert_eq!(ranking_rows(&merge("html")), 30, "the merged report ranks every unit");
    assert_eq!(merge("jsonl"), rollup(&["-f", "jsonl"]).stdout);
    // A line that is not a unit's is named by file and line.
    std::fs::write(dir.join("bad.jsonl"), "{\"satker\": 1}\n").unwrap();
    let bad = sakip_in(
        tree(),
        &[
            "rollup",
            "--year",
            YEAR,
            "--merge",
            dir.join("bad.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains(
            "bad.jsonl:1: not a unit line of a rollup's jsonl (invalid type: integer `1`, expected struct Satker"
        ) && bad.stderr.contains("--merge reads the unit lines"),
        "{}",
        bad.stderr
    );
    // In the reader's language, with the field at fault: a unit line whose
    // capaian was edited into words.
    let line = merge("jsonl").lines().next().unwrap().to_string();
    let indicators = line.find("\"indicators\"").unwrap();
    let capaian = indicators + line[indicators..].find("\"capaian\":\"").unwrap() + "\"capaian\":\"".len();
    let edited = format!(
        "{}sembilan{}",
        &line[..capaian],
        &line[capaian + line[capaian..].find('"').unwrap()..]
    );
    std::fs::write(dir.join("edited.jsonl"), format!("{edited}\n")).unwrap();
    let edited = dir.join("edited.jsonl");
    let run = sakip_in(
        tree(),
        &[
            "rollup",
            "--year",
            YEAR,
            "--merge",
            edited.to_str().unwrap(),
            "--lang",
            "id",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("edited.jsonl:1: `capaian` bukan angka: `sembilan`")
            && run.stderr.contains("--merge membaca baris satker"),
        "{}",
        run.stderr
    );
}

/// The rows of the ranking table of a rollup page.
fn ranking_rows(page: &str) -> usize {
    let table = page.split("<table class=\"ranking\">").nth(1).unwrap();
    table.split("</table>").next().unwrap().matches("<tr><td").count()
}

#[test]
fn the_rollup_report_as_a_page_and_a_workbook() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rollup-report");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc: Value = serde_json::from_str(&rollup(&["-f", "json"]).stdout).unwrap();

    let html = dir.join("rekap.html");
    let run = rollup(&["-f", "html", "-o", html.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    // In the reader's language (these tests run in English).
    assert!(page.contains("<h1>Performance summary 2023</h1>"), "{page}");
    let html_id = dir.join("rekap-id.html");
    let run = rollup(&["-f", "html", "-o", html_id.to_str().unwrap(), "--lang", "id"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page_id = std::fs::read_to_string(&html_id).unwrap();
    assert!(page_id.contains("<h1>Rekapitulasi Capaian Kinerja 2023</h1>"));
    assert!(page_id.contains("<html lang=\"id\">") && page.contains("<html lang=\"en\">"));
    let outside: Vec<&str> = page
        .split("http")
        .skip(1)
        .filter(|s| !s.starts_with("://www.w3.org/2000/svg"))
        .collect();
    assert!(outside.is_empty(), "the page refers outside itself: {outside:?}");
    // One stacked bar segment per (group, band) with units; one ranking row per unit.
    let segments: u64 = doc["kanwil"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&doc["nasional"]])
        .map(|k| {
            k["bands"]
                .as_object()
                .unwrap()
                .values()
                .filter(|n| n.as_u64() > Some(0))
                .count() as u64
        })
        .sum();
    assert_eq!(page.matches("class=\"band-bar\"").count() as u64, segments);
    assert_eq!(ranking_rows(&page), 30);
    let nasional_pct = doc["nasional"]["penyerapan"].as_str().unwrap().replace('.', ",");
    assert!(
        page.contains(&format!("<td class=\"num\">{nasional_pct}</td>")),
        "{nasional_pct}"
    );

    let xlsx = dir.join("rekap.xlsx");
    assert_eq!(rollup(&["-f", "xlsx"]).code, 2, "a workbook needs -o");
    let run = rollup(&["-f", "xlsx", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Kanwil", "Anggaran", "Indikator", "Peringkat", "Gagal"]
    );
    let kanwil = wb.worksheet_range("Kanwil").unwrap();
    assert_eq!(kanwil.height(), 1 + 3 + 1);
    let anggaran = wb.worksheet_range("Anggaran").unwrap();
    let last = anggaran.rows().next_back().unwrap();
    assert_eq!(last[0].to_string(), "nasional");
    assert_eq!(last[1].to_string(), doc["nasional"]["pagu"].as_str().unwrap());
    assert_eq!(wb.worksheet_range("Peringkat").unwrap().height(), 31);
    assert_eq!(wb.worksheet_range("Indikator").unwrap().height(), 1 + 12);
}

#[test]
fn numbers_written_the_indonesian_way_when_asked() {
    let dir = broken_copy("rollup-angka");
    let csv = "satker,kanwil,indikator,target,realisasi\nc1,k01,i001,80,\"60,5\"\n";
    let plain = long_table(&dir, csv, &["-f", "csv"]);
    assert_eq!(plain.code, 1);
    assert!(
        plain.stderr.contains("`60,5` is not a number in plain notation"),
        "{}",
        plain.stderr
    );
    assert!(plain.stderr.contains("--angka indonesia"), "{}", plain.stderr);
    let id = long_table(&dir, csv, &["-f", "csv", "--angka", "indonesia"]);
    assert_eq!(id.code, 0, "{}", id.stderr);
    let row = figures(&id.stdout).into_values().next().unwrap();
    // 60.5 / 80 x 100 = 75.625, `potong 2`.
    assert_eq!((row[6].as_str(), row[7].as_str()), ("60.5", "75.62"));
}

/// On a terminal the bar is drawn and the run still ends: it once hung
/// there for ever (the bar was drawn from a worker while the process held
/// standard error locked). `script` gives the run a terminal.
#[test]
fn on_a_terminal_the_progress_bar_is_drawn_and_the_run_ends() {
    let has = |cmd: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {cmd}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !(has("script") && has("timeout")) {
        eprintln!("skipped: no `script` (util-linux) to give the run a terminal");
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rollup-tty");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("terminal.log");
    let command = format!(
        "{} rollup {} --year {YEAR} -f jsonl -o {}",
        env!("CARGO_BIN_EXE_sakip"),
        tree().display(),
        dir.join("out.jsonl").display()
    );
    let run = std::process::Command::new("timeout")
        .args(["60", "script", "-qec", &command])
        .arg(&log)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "the run did not end on a terminal: {:?}",
        run.status
    );
    let screen = std::fs::read_to_string(&log).unwrap();
    assert!(screen.contains("folder"), "no bar was drawn: {screen}");
    assert_eq!(
        std::fs::read_to_string(dir.join("out.jsonl")).unwrap().lines().count(),
        30
    );
}

/// A tree holding units of several national rule sets (the examples: a
/// Ditjenpas tree beside a local government and the IKPA and NKA units)
/// is said to mix them, in the table, the page, the JSON and on stderr;
/// `--nasional <id>` sums one.
#[test]
fn units_under_different_national_rules_are_said_and_can_be_kept_apart() {
    let mixed = sakip(&["rollup", "examples", "--year", "2022", "--lang", "en"]);
    assert!(
        mixed.stdout.contains("warning: these satker are under different national rule sets: contoh_ikpa (1), contoh_nka (1), contoh_pemda (1), ditjenpas (4)"),
        "{}",
        mixed.stdout
    );
    let json = sakip(&[
        "rollup", "examples", "--year", "2022", "--format", "json", "--lang", "en",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["nasional_rules"],
        serde_json::json!({"contoh_ikpa": 1, "contoh_nka": 1, "contoh_pemda": 1, "ditjenpas": 4})
    );
    assert!(json.stderr.contains("different national rule sets"), "{}", json.stderr);
    let page = sakip(&[
        "rollup", "examples", "--year", "2022", "--format", "html", "--lang", "en",
    ]);
    assert!(page
        .stdout
        .contains("<p class=\"sev-warning\">warning: these satker are under different national rule sets"));
    // Parts run apart and merged say it too: each unit's line names its rules.
    let part = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mixed-national.jsonl");
    let run = sakip(&[
        "rollup",
        "examples",
        "--year",
        "2022",
        "-f",
        "jsonl",
        "-o",
        part.to_str().unwrap(),
    ]);
    assert!(part.exists(), "{}", run.stderr);
    let merged = sakip(&[
        "rollup",
        "--merge",
        part.to_str().unwrap(),
        "--year",
        "2022",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let m: serde_json::Value = serde_json::from_str(&merged.stdout).unwrap();
    assert_eq!(m["nasional_rules"], v["nasional_rules"]);
    assert!(
        merged.stderr.contains("different national rule sets"),
        "{}",
        merged.stderr
    );
    let kept = sakip(&[
        "rollup",
        "--merge",
        part.to_str().unwrap(),
        "--year",
        "2022",
        "--nasional",
        "ditjenpas",
        "--format",
        "json",
    ]);
    let k: serde_json::Value = serde_json::from_str(&kept.stdout).unwrap();
    assert_eq!(k["nasional"]["units"], 4);
    assert!(kept.stderr.is_empty(), "{}", kept.stderr);

    let one = sakip(&[
        "rollup",
        "examples",
        "--year",
        "2022",
        "--nasional",
        "ditjenpas",
        "--format",
        "json",
    ]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    let v: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(v["nasional"]["units"], 4);
    assert!(v.get("nasional_rules").is_none(), "{v}");
    assert!(one.stderr.is_empty(), "{}", one.stderr);
    let units: Vec<&str> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["satker"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(units.len(), 4, "{units:?}");
    let table = sakip(&[
        "rollup",
        "examples",
        "--year",
        "2022",
        "--nasional",
        "ditjenpas",
        "--lang",
        "en",
    ]);
    assert!(!table.stdout.contains("warning"), "{}", table.stdout);

    let none = sakip(&[
        "rollup",
        "examples",
        "--year",
        "2022",
        "--nasional",
        "ditjenpass",
        "--lang",
        "en",
    ]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr
            .contains("no unit under the national rule set `ditjenpass` was found for 2022"),
        "{}",
        none.stderr
    );
}

/// The units that failed are said in the reader's language in the table
/// and on the page, and in stable English in the JSON (for programs).
#[test]
fn failures_are_said_in_the_readers_language() {
    let args = ["rollup", "examples", "--year", "2025", "--nasional", "ditjenpas"];
    let id = sakip(&[&args[..], &["--lang", "id"]].concat());
    assert_eq!(id.code, 1);
    let said = "examples/rutan-contoh: kesalahan[year-missing]: satker tidak punya Perjanjian Kinerja atau realisasi untuk 2025";
    assert!(id.stdout.contains(said), "{}", id.stdout);
    let page = sakip(&[&args[..], &["--lang", "id", "--format", "html"]].concat());
    assert!(
        page.stdout.contains(&format!("<li class=\"sev-error\">{said}</li>")),
        "{}",
        page.stdout
    );
    let en = sakip(&[&args[..], &["--lang", "en"]].concat());
    assert!(
        en.stdout.contains(
            "examples/rutan-contoh: error[year-missing]: the unit has no Perjanjian Kinerja or realisasi for 2025"
        ),
        "{}",
        en.stdout
    );
    let json = sakip(&[&args[..], &["--lang", "id", "--format", "json"]].concat());
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    let errors: Vec<&str> = v["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["errors"][0].as_str().unwrap())
        .collect();
    assert!(
        errors.contains(
            &"examples/rutan-contoh: error[year-missing]: the unit has no Perjanjian Kinerja or realisasi for 2025"
        ),
        "{errors:?}"
    );
}

//! `sakip import`: the spreadsheets staff keep, read exactly, into the
//! unit's data file; a cell that cannot be read is named and nothing is
//! written.

use crate::support::{eval_json, eval_json_in, indikator, report_to, root, sakip, sakip_in, scratch_copy};
use std::path::{Path, PathBuf};

const UNIT: &str = "examples/lapas-sarolangun-rawas";

fn sample() -> String {
    root()
        .join(UNIT)
        .join("lembar/realisasi-2022.xlsx")
        .to_str()
        .unwrap()
        .to_string()
}

/// The scratch unit without its hand-written 2022 data.
fn unit_without_2022(name: &str) -> PathBuf {
    let dir = scratch_copy(name);
    std::fs::remove_file(dir.join(UNIT).join("realisasi-2022.sakip")).unwrap();
    dir
}

fn import(dir: &Path, files: &[&str], extra: &[&str]) -> crate::support::Run {
    import_year(dir, files, "2022", extra)
}

fn import_year(dir: &Path, files: &[&str], year: &str, extra: &[&str]) -> crate::support::Run {
    let mut args = vec!["import"];
    args.extend_from_slice(files);
    args.extend_from_slice(&["--into", UNIT, "--year", year]);
    args.extend_from_slice(extra);
    sakip_in(dir, &args)
}

/// A diagnostic's `location` points into the file that holds the data,
/// whose line numbers differ between a hand-written and an imported file;
/// everything else must be the same byte for byte.
fn without_locations(text: &str) -> (String, usize) {
    let mut removed = 0;
    // A JSON problem names its place twice: `location`, then `file`, `line`
    // and `col`; the line and column of a data file's entry differ.
    let mut in_place = false;
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            let loc = l.starts_with("\"location\": \"examples/lapas-sarolangun-rawas/realisasi-2022.sakip:")
                || l.starts_with("at examples/lapas-sarolangun-rawas/realisasi-2022.sakip:");
            if loc {
                in_place = true;
                removed += 1;
                return false;
            }
            if in_place && (l.starts_with("\"line\":") || l.starts_with("\"col\":")) {
                return false;
            }
            if !l.starts_with("\"file\":") {
                in_place = false;
            }
            true
        })
        .collect();
    (kept.join("\n"), removed)
}

#[test]
fn importing_the_sample_workbook_reproduces_the_seed_evaluation() {
    let dir = unit_without_2022("import-sample");
    let run = import(&dir, &[&sample()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .ends_with("realisasi-2022.sakip: 47 realisasi, 3 budget lines\n"),
        "{}",
        run.stdout
    );

    for format in ["json", "table"] {
        let hand = sakip(&["eval", UNIT, "--year", "2022", "--format", format]);
        let imported = sakip_in(&dir, &["eval", UNIT, "--year", "2022", "--format", format]);
        assert_eq!(hand.code, imported.code);
        let (hand_text, hand_locs) = without_locations(&hand.stdout);
        let (imported_text, imported_locs) = without_locations(&imported.stdout);
        assert_eq!(
            hand_locs, imported_locs,
            "the same diagnostics point into the data file"
        );
        assert!(hand_locs >= 5);
        assert_eq!(
            hand_text, imported_text,
            "{format}: the imported data evaluates as the hand-written data"
        );
    }

    // What was written is an ordinary rule file: formatted, and readable.
    let written = std::fs::read_to_string(dir.join(UNIT).join("realisasi-2022.sakip")).unwrap();
    assert_eq!(sakip_in(&dir, &["fmt", "--check", UNIT]).code, 0);
    insta::assert_snapshot!("import_sample_2022", written);
}

#[test]
fn a_bad_cell_is_named_and_nothing_is_written() {
    let dir = unit_without_2022("import-bad-cell");
    let book = dir.join("buruk.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Kegiatan").unwrap();
    ws.write_row(0, 0, ["Tabel 3.3"]).unwrap();
    ws.write_row(2, 0, ["No", "Indikator Kinerja", "Realisasi", "Capaian"])
        .unwrap();
    ws.write_row(
        3,
        0,
        ["1", "Persentase narapidana yang mendapatkan hak remisi", "44%", "50%"],
    )
    .unwrap();
    ws.write_row(
        4,
        0,
        [
            "2",
            "Persentase narapidana yang mendapatkan hak integrasi",
            "4,0,0",
            "50%",
        ],
    )
    .unwrap();
    ws.write_row(
        5,
        0,
        ["3", "Persentase narapidana yang mendapatkan hak pendidikn", "40%", ""],
    )
    .unwrap();
    ws.write_row(
        6,
        0,
        ["4", "Persentase narapidana yang bekerja dan produktif", "1.500", ""],
    )
    .unwrap();
    wb.save(&book).unwrap();

    let run = import(&dir, &[book.to_str().unwrap()], &[]);
    assert_eq!(run.code, 1);
    assert!(!dir.join(UNIT).join("realisasi-2022.sakip").exists(), "nothing written");
    let stderr = run.stderr.replace(book.to_str().unwrap(), "buruk.xlsx");
    insta::assert_snapshot!("import_bad_cells", stderr);
}

#[test]
fn csv_with_semicolons_and_indonesian_numbers() {
    let dir = unit_without_2022("import-csv");
    let csv = dir.join("realisasi.csv");
    std::fs::write(
        &csv,
        "Dasar;Rekap bagian umum\n\
         Kode;Indikator;Realisasi;Capaian (%)\n\
         iku_ikm_hukum;;32,5;41,93\n\
         ;Indeks Keberhasilan Pembinaan Narapidana;23;\n\
         ;Indeks Pemenuhan Hak Narapidana;-;\n\
         ikk_resiko_tinggi;;7,5%;\n\
         ro_pembinaan_kepribadian;;144 Orang;\n\
         \n\
         Jenis Belanja;Pagu;Realisasi\n\
         Belanja Pegawai;Rp. 1.938.261.000,-;Rp 1.093.513.011\n\
         Belanja Modal;-;-\n\
         Total;Rp. 1.938.261.000;\n\
         \n\
         Program;Pagu;Realisasi\n\
         Program Dukungan Manajemen;Rp 2.651.354.000;Rp 1.500.000.000\n",
    )
    .unwrap();
    let run = import(&dir, &[csv.to_str().unwrap()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(": 4 realisasi, 3 budget lines\n"),
        "{}",
        run.stdout
    );
    let written = std::fs::read_to_string(dir.join(UNIT).join("realisasi-2022.sakip")).unwrap();
    insta::assert_snapshot!("import_csv", written);

    // The same figures from two files: which one is right is the author's call.
    let copy = dir.join("salinan.csv");
    std::fs::copy(&csv, &copy).unwrap();
    let run = import(&dir, &[csv.to_str().unwrap(), copy.to_str().unwrap()], &["--replace"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("`iku_ikm_hukum` has a realisasi in an earlier file too"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\"Belanja Pegawai\" has a budget line in an earlier file too"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(UNIT).join("realisasi-2022.sakip")).unwrap(),
        written
    );
}

/// `n/a` or `tidak diukur` in a `Realisasi` cell is imported as `tidak
/// diukur`; beside period values it is refused, as a year's figure would be.
#[test]
fn a_cell_saying_n_a_is_imported_as_not_measured() {
    let dir = unit_without_2022("import-tidak-diukur");
    let csv = dir.join("realisasi.csv");
    std::fs::write(
        &csv,
        "Kode;Realisasi\n\
         iku_ikm_hukum;32,5\n\
         ikp_kerjasama;n/a\n\
         ikp_layanan_it;Tidak Diukur\n",
    )
    .unwrap();
    let run = import(&dir, &[csv.to_str().unwrap()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.join(UNIT).join("realisasi-2022.sakip")).unwrap();
    let said: Vec<Vec<&str>> = written.lines().map(|l| l.split_whitespace().collect()).collect();
    for id in ["ikp_kerjasama", "ikp_layanan_it"] {
        assert!(said.contains(&vec![id, "tidak", "diukur"]), "{written}");
    }
    let v = eval_json_in(&dir, UNIT, "2022");
    for id in ["ikp_kerjasama", "ikp_layanan_it"] {
        assert!(indikator(&v, id)["not_measured"].is_object(), "{id}");
    }
    std::fs::write(&csv, "Kode;Realisasi;TW I\nikp_kerjasama;n/a;5\n").unwrap();
    let run = import(&dir, &[csv.to_str().unwrap()], &["--replace"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("ikp_kerjasama"), "{}", run.stderr);
}

#[test]
fn an_existing_data_file_is_replaced_only_when_asked() {
    let dir = scratch_copy("import-existing");
    let path = dir.join(UNIT).join("realisasi-2022.sakip");
    let before = std::fs::read_to_string(&path).unwrap();
    let run = import(&dir, &[&sample()], &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("exists") && run.stderr.contains("--replace"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);

    let run = import(&dir, &[&sample()], &["--replace"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .starts_with("// Diimpor oleh `sakip import`"));
}

#[test]
fn a_name_at_two_tiers_needs_its_sheet_or_its_id() {
    let dir = unit_without_2022("import-ambiguous");
    let csv = dir.join("campur.csv");
    std::fs::write(
        &csv,
        "Indikator,Realisasi\nIndeks Keamanan dan Ketertiban UPT Pemasyarakatan,30\n",
    )
    .unwrap();
    let run = import(&dir, &[csv.to_str().unwrap()], &[]);
    assert_eq!(run.code, 1);
    // The report wraps long messages: read it as one line.
    let said = run.stderr.replace("\n  │ ", " ");
    assert!(
        said.contains("campur.csv:2:1: sheet-cell")
            && said.contains("cell A2")
            && said.contains("`iku_kamtib` (strategis) and `ikp_kamtib` (program)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"));
    assert!(
        !run.stderr.contains("sheet `"),
        "a CSV file has no sheets to name: {}",
        run.stderr
    );
}

#[test]
fn realisasi_per_period_and_a_row_with_both_kinds() {
    let dir = scratch_copy("import-periods");
    std::fs::remove_file(dir.join(UNIT).join("realisasi-2023.sakip")).unwrap();
    let csv = dir.join("strategis.csv");
    std::fs::write(
        &csv,
        "No,Indikator,Semester I,Semester II,Realisasi\n\
         1,Indeks Keamanan dan Ketertiban UPT Pemasyarakatan,70,79,\n\
         2,Indeks Kepuasan Masyarakat terhadap Layanan Publik Bidang Hukum,74,\"78,5\",\n\
         3,Persentase Menurunnya Residivis,,,\"1,2%\"\n",
    )
    .unwrap();
    let run = import_year(&dir, &[csv.to_str().unwrap()], "2023", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(dir.join(UNIT).join("realisasi-2023.sakip")).unwrap();
    // The file is named after a tier, so the name shared with ikp_kamtib
    // (program) resolves to the strategis indicator.
    assert!(written.contains("iku_kamtib    smt1 = 70  smt2 = 79\n"), "{written}");
    assert!(written.contains("iku_ikm_hukum smt1 = 74  smt2 = 78.5\n"), "{written}");
    assert!(written.contains("iku_residivis = 1.2%\n"), "{written}");
    // Only three of the year's indicators are imported, so eval reports the
    // rest as missing and exits 1; the three are computed all the same.
    let eval = sakip_in(&dir, &["eval", UNIT, "--year", "2023", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    let kamtib = indikator(&json, "iku_kamtib");
    let hand = eval_json(UNIT, "2023");
    let hand_kamtib = indikator(&hand, "iku_kamtib");
    assert_eq!(
        kamtib["realisasi"], hand_kamtib["realisasi"],
        "the periods aggregate as the rules say"
    );
    assert_eq!(kamtib["capaian"], hand_kamtib["capaian"]);

    std::fs::write(
        &csv,
        "Indikator,Semester I,Realisasi\nPersentase Menurunnya Residivis,1%,\"1,2%\"\n",
    )
    .unwrap();
    let run = import_year(&dir, &[csv.to_str().unwrap()], "2023", &["--replace"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("cell C2: `iku_residivis` has both a year's realisasi and realisasi per period"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(UNIT).join("realisasi-2023.sakip")).unwrap(),
        written,
        "untouched"
    );
}

/// The workbook `report --format xlsx` writes is one staff can fill in
/// and hand back: imported, it gives every indicator its realisasi again.
#[test]
fn the_xlsx_report_imports_back() {
    let dir = unit_without_2022("import-report");
    let book = dir.join("laporan.xlsx");
    report_to(&book, "xlsx", "2022", &[]);
    let run = import(&dir, &[book.to_str().unwrap()], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(": 47 realisasi, 3 budget lines\n"),
        "{}",
        run.stdout
    );

    let hand = eval_json(UNIT, "2022");
    let back = eval_json_in(&dir, UNIT, "2022");
    assert_eq!(back["indicators"].as_array().unwrap().len(), 47);
    for (h, b) in hand["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .zip(back["indicators"].as_array().unwrap())
    {
        assert_eq!(h["id"], b["id"]);
        assert_eq!(h["realisasi"], b["realisasi"], "{}", h["id"]);
        assert_eq!(h["capaian"], b["capaian"], "{}", h["id"]);
    }
    let (hand_budget, back_budget) = (hand["budget"].as_array().unwrap(), back["budget"].as_array().unwrap());
    assert_eq!(hand_budget.len(), back_budget.len());
    for (h, b) in hand_budget.iter().zip(back_budget) {
        for field in ["name", "pagu", "realisasi", "penyerapan"] {
            assert_eq!(h[field], b[field], "{} {field}", h["name"]);
        }
    }
    assert_eq!(hand["budget_total"], back["budget_total"]);
}

/// A damaged workbook on which the spreadsheet reader itself gave up (a
/// cell reference longer than Excel's grid, which makes calamine 0.38
/// overflow; found by the `upload` fuzz target) is an unreadable file with
/// its name and a way out, not a crash; nothing is written. Since the
/// limits' pass reads every part first, its broken checksum is what
/// refuses it now, before calamine sees it.
#[test]
fn a_damaged_workbook_is_an_unreadable_file_not_a_crash() {
    let dir = unit_without_2022("import-damaged");
    let book = root().join("tests/fixtures/import/damaged-cell-reference.xlsx");
    let run = import(&dir, &[book.to_str().unwrap()], &["--lang", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stderr.contains("damaged-cell-reference.xlsx")
            && run
                .stderr
                .contains("cannot read it as an .xlsx workbook (I/O error: Invalid checksum)"),
        "{}",
        run.stderr
    );
    assert!(!dir.join(UNIT).join("realisasi-2022.sakip").exists(), "nothing written");
}

/// `sakip import` of `file` in `dir` under a 1 GiB address-space limit and
/// a 10-second deadline (a liveness bound, not a speed target): the exit
/// code (`None` when killed, by the limit or the deadline) and the output.
#[cfg(unix)]
fn import_bounded(dir: &Path, file: &Path) -> (Option<i32>, String) {
    let script = format!(
        "ulimit -v 1048576; exec timeout -s KILL 10 \"$0\" --lang en import \"{}\" --into {UNIT} --year 2030",
        file.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_sakip")])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// Hostile workbooks, each a few kilobytes (`tests/fixtures/bombs/make.py`):
/// read naively, one cell at `XFD1048576` or a scattered sheet made the
/// reader allocate Excel's whole grid and abort, and a part of inflating
/// whitespace took memory in proportion. Each is refused by its limit,
/// with the limit's message, exit 1, nothing written, in bounded memory.
#[cfg(unix)]
#[test]
fn hostile_workbooks_are_refused_before_they_are_read() {
    let dir = scratch_copy("import-bombs");
    let bombs = root().join("tests/fixtures/bombs");
    for (file, said) in [
        ("far-cell.xlsx", "spans 1048576 rows, more than the 100000"),
        ("declared-grid.xlsx", "spans 1048576 rows, more than the 100000"),
        ("sparse.xlsx", "more than the 1000000 a sheet may"),
        ("whitespace.xlsx", "inflates to more than 64.0 MiB"),
    ] {
        let (code, out) = import_bounded(&dir, &bombs.join(file));
        assert_eq!(code, Some(1), "{file}: {out}");
        assert!(out.contains(said), "{file}: {out}");
        assert!(out.contains("nothing was written"), "{file}: {out}");
        assert!(!dir.join(UNIT).join("realisasi-2030.sakip").exists(), "{file}");
    }
    // A file over the size limit is refused before it is read (a sparse
    // file: its size costs no disk).
    let huge = dir.join("huge.csv");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(33 * 1024 * 1024).unwrap();
    let (code, out) = import_bounded(&dir, &huge);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("more than the 32.0 MiB a spreadsheet may be"), "{out}");
    // A CSV of more rows than a sheet may have.
    let long = dir.join("long.csv");
    std::fs::write(&long, format!("Kode;Realisasi\n{}", "x;1\n".repeat(100_001))).unwrap();
    let (code, out) = import_bounded(&dir, &long);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("more than the 100000 a sheet may"), "{out}");
}

/// A sheet of thousands of bad cells is one mistake repeated: the first
/// hundred are listed, then how many more there are.
#[test]
fn a_thousand_bad_cells_are_listed_as_a_hundred_and_a_count() {
    let dir = scratch_copy("import-many-bad");
    let csv = dir.join("bad.csv");
    let mut text = String::from("Kode;Realisasi\n");
    for i in 0..1_000 {
        text.push_str(&format!("iku_tidak_ada_{i};1\n"));
    }
    std::fs::write(&csv, text).unwrap();
    let run = import_year(&dir, &[csv.to_str().unwrap()], "2030", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let listed = run.stderr.matches("iku_tidak_ada_").count();
    assert!((100..=110).contains(&listed), "{listed} listed: {}", run.stderr);
    assert!(run.stderr.contains("900 more problems"), "{}", run.stderr);
}

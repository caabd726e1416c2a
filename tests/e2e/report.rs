//! `sakip report`: chapter III as HTML (self-contained, with charts) and
//! Markdown, or an Excel workbook, written atomically.

use crate::support::report_to;

fn report(format: &str, year: &str, extra: &[&str]) -> String {
    String::from_utf8(report_bytes(format, year, extra)).unwrap()
}

fn report_bytes(format: &str, year: &str, extra: &[&str]) -> Vec<u8> {
    let out =
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("report-{year}-{}.{format}", extra.len()));
    report_to(&out, format, year, extra);
    std::fs::read(&out).unwrap()
}

#[test]
fn html_report_is_self_contained_with_a_bar_per_indicator() {
    let html = report("html", "2022", &[]);
    let without_svg_namespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !without_svg_namespace.contains("http://") && !html.contains("https://"),
        "no network fetches"
    );
    assert!(
        !html.contains("<link") && !html.contains("<script"),
        "styles inline, no scripts"
    );
    assert_eq!(html.matches("<rect class=\"bar\"").count(), 47);
    assert_eq!(html.matches("<rect class=\"budget-bar\"").count(), 3);
    assert!(
        html.contains("Rp 5.324.344.000"),
        "the budget total the report left empty"
    );
    insta::assert_snapshot!("report_2022_html", html);
}

#[test]
fn html_report_in_english() {
    let html = report("html", "2023", &["--lang", "en"]);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Strategic objectives") && html.contains("Budget spending by type"));
    assert!(html.contains("Achievement 2022 (%)"), "last year's column");
}

#[test]
fn markdown_report() {
    let md = report("md", "2023", &[]);
    insta::assert_snapshot!("report_2023_md", md);
}

/// The workbook read back by an independent reader: one sheet per table,
/// every indicator a row, and each figure the number the JSON contract
/// gives, so a spreadsheet user sees what `sakip eval` computed.
#[test]
fn xlsx_report_holds_the_evaluated_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = report_bytes("xlsx", "2022", &[]);
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("a valid workbook");
    assert_eq!(
        book.sheet_names(),
        [
            "Strategis",
            "Program",
            "Kegiatan",
            "Output",
            "Anggaran",
            "Klasifikasi",
            "Catatan"
        ]
    );
    let json = crate::support::eval_json("examples/lapas-sarolangun-rawas", "2022");
    let number = |v: &serde_json::Value| -> Data {
        match v.as_str() {
            Some(s) => Data::Float(s.parse().unwrap()),
            None => Data::String(String::new()),
        }
    };

    let mut rows = 0;
    for sheet in ["Strategis", "Program", "Kegiatan", "Output"] {
        let range = book.worksheet_range(sheet).unwrap();
        let mut it = range.rows();
        let header = it.next().unwrap();
        assert_eq!(header[2], Data::String("Indikator".into()));
        assert_eq!(header[7], Data::String("Capaian (%)".into()));
        for row in it {
            rows += 1;
            let id = row[3].to_string();
            let ind = crate::support::indikator(&json, &id);
            assert_eq!(ind["tier"].as_str().unwrap().to_lowercase(), sheet.to_lowercase());
            assert_eq!(row[5], number(&ind["target"]), "{id} target");
            assert_eq!(row[6], number(&ind["realisasi"]), "{id} realisasi");
            assert_eq!(row[7], number(&ind["capaian"]), "{id} capaian");
            assert_eq!(row[8].to_string(), ind["band"].as_str().unwrap_or(""), "{id} band");
        }
    }
    assert_eq!(rows, json["indicators"].as_array().unwrap().len());
    assert_eq!(rows, 47);

    let anggaran = book.worksheet_range("Anggaran").unwrap();
    // The sheet ends with the sum as a row, as the report prints it; the
    // JSON gives it as `budget_total`.
    let mut budget = json["budget"].as_array().unwrap().clone();
    let mut total = json["budget_total"].clone();
    total["name"] = serde_json::json!("Total");
    budget.push(total);
    let lines: Vec<_> = anggaran.rows().skip(1).collect();
    assert_eq!(lines.len(), budget.len());
    for (row, b) in lines.iter().zip(&budget) {
        assert_eq!(row[0].to_string(), b["name"].as_str().unwrap());
        assert_eq!(row[1], number(&b["pagu"]));
        assert_eq!(row[2], number(&b["realisasi"]));
        assert_eq!(row[3], number(&b["penyerapan"]));
    }
    assert_eq!(
        lines.last().unwrap()[1],
        Data::Float(5_324_344_000.0),
        "the total the seed left empty"
    );
}

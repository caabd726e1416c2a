//! `sakip report`: chapter III as HTML (self-contained, with charts) and
//! Markdown, written atomically.

use crate::support::sakip;

fn report(format: &str, year: &str, extra: &[&str]) -> String {
    let out =
        std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("report-{year}-{}.{format}", extra.len()));
    let out = out.to_str().unwrap().to_string();
    let mut args = vec![
        "report",
        "examples/lapas-sarolangun-rawas",
        "--year",
        year,
        "--format",
        format,
        "-o",
        &out,
    ];
    args.extend_from_slice(extra);
    let run = sakip(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("wrote {out}\n"));
    std::fs::read_to_string(&out).unwrap()
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

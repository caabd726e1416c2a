//! `report --format pdf`, read back as a reader would read it (poppler's
//! pdfinfo, pdffonts and pdftotext): A4 pages, every font embedded, and
//! the text of every table there: each indicator's id and capaian, each
//! tier's heading, the budget's total, each finding's code. Its first page
//! is rendered to a PNG (pdftoppm) beside the file, to be looked at.

use crate::support::{eval_json, report_to};
use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} runs (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[cfg_attr(no_poppler, ignore = "no poppler-utils here: apt-get install poppler-utils")]
fn the_pdf_report_is_a4_with_fonts_embedded_and_every_table_in_it() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-report");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("laporan-2022.pdf");
    let _ = std::fs::remove_file(&pdf);
    report_to(&pdf, "pdf", "2022", &[]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    let path = pdf.to_str().unwrap();

    let info = tool("pdfinfo", &[path]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!((3..=20).contains(&pages), "{info}");
    assert!(
        info.contains("595.") && info.contains("841.") && info.contains("(A4)"),
        "{info}"
    );
    assert!(info.contains("Lapas Kelas III Sarolangun Rawas"), "the title: {info}");

    // Every font is embedded (the `emb` column of each font's row).
    let fonts = tool("pdffonts", &[path]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.iter().rev().nth(4).copied().unwrap_or("");
        assert_eq!(emb, "yes", "not embedded: {row}\n{fonts}");
    }

    let text = tool("pdftotext", &["-layout", path, "-"]);
    let ev = eval_json("examples/lapas-sarolangun-rawas", "2022");
    for i in ev["indicators"].as_array().unwrap() {
        let id = i["id"].as_str().unwrap();
        assert!(text.contains(id), "{id} missing");
        if let Some(c) = i["capaian"].as_str() {
            let printed = c.replace('.', ",");
            assert!(text.contains(&printed), "{id}'s capaian {printed} missing");
        }
    }
    for heading in [
        "Sasaran Strategis",
        "Sasaran Program",
        "Sasaran Kegiatan",
        "Realisasi anggaran per jenis belanja",
        "Yang perlu diperhatikan",
    ] {
        assert!(text.contains(heading), "{heading} missing");
    }
    for d in ev["diagnostics"].as_array().unwrap() {
        let code = d["code"].as_str().unwrap();
        assert!(text.contains(code), "finding {code} missing");
    }
    for figure in ["Rp 1.938.261.000", "Rp 5.324.344.000", "62,51"] {
        assert!(text.contains(figure), "the budget's {figure} missing");
    }

    // The first page as an image, to be looked at.
    let png = dir.join("laporan-2022-page1");
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            path,
            png.to_str().unwrap(),
        ],
    );
    let image = std::fs::read(dir.join("laporan-2022-page1.png")).unwrap();
    assert!(image.len() > 20_000, "a page with something on it");
}

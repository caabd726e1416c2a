//! `report --format docx`: chapter III as a Word document, opened by a real
//! reader (LibreOffice, headless, converts it to PDF; pdftotext reads it):
//! every indikator, Tabel 3.1-3.5 with their captions, the bands as fills,
//! the Indonesian number format and the findings. A year with errors
//! writes nothing.

use crate::support::{sakip, sakip_in};
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The document's main part, as Word reads it from the zip.
fn document_xml(docx: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut part = zip.by_name("word/document.xml").unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

/// The text LibreOffice lays out from the file (its PDF, read back); a
/// file it cannot open fails here.
fn as_read(docx: &Path) -> String {
    let dir = docx.parent().unwrap();
    // Each conversion its own profile: LibreOffice refuses a second
    // instance on one profile, and tests run in parallel.
    let profile = dir.join("lo-profile");
    let out = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .expect("soffice runs (apt-get install libreoffice-writer-nogui)");
    let pdf = docx.with_extension("pdf");
    assert!(
        pdf.is_file(),
        "LibreOffice did not convert {}: {}",
        docx.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    // Words a narrow column breaks are put back together.
    String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
#[cfg_attr(
    any(no_soffice, no_poppler),
    ignore = "no LibreOffice or poppler here: apt-get install libreoffice-writer-nogui poppler-utils"
)]
fn the_seeds_chapter_three_opens_in_a_word_processor() {
    let dir = scratch("docx-seed");
    let docx = dir.join("bab3.docx");
    let run = sakip(&[
        "report",
        "examples/lapas-sarolangun-rawas",
        "--year",
        "2022",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = as_read(&docx);
    // Every indikator of the year, by its id under its name.
    let json = sakip(&[
        "eval",
        "examples/lapas-sarolangun-rawas",
        "--year",
        "2022",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let ids: Vec<&str> = v["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 47);
    for id in &ids {
        assert!(text.contains(id), "{id} is not in the document:\n{text}");
    }
    // The seed's captions, in its numbering.
    for caption in [
        "Tabel 3.1 Capaian IKU Sasaran Strategis",
        "Tabel 3.2 Capaian IKU Sasaran Program",
        "Tabel 3.3 Capaian IKU Sasaran Kegiatan",
        "Tabel 3.4 Capaian Kinerja pada Indikator Kinerja Nilai Kinerja Anggaran Satuan Kerja",
        "Tabel 3.5 Rincian Pagu serta Realisasi Anggaran Lapas Kelas III Sarolangun Rawas per Jenis Belanja Tahun 2022",
    ] {
        assert!(text.contains(caption), "{caption}\n{text}");
    }
    // Indonesian numbers: a decimal comma, dots between thousands.
    assert!(text.contains("40,00"), "{text}");
    assert!(text.contains("Rp 1.938.261.000"), "{text}");
    assert!(text.contains("Rp 5.324.344.000"), "{text}");
    // The findings, with where each was found.
    assert!(text.contains("[printed-capaian]"), "{text}");
    // Each band's colour fills its cells; the table is a real Word table.
    let xml = document_xml(&docx);
    assert!(xml.contains("<w:tbl>"), "no table");
    assert!(
        xml.matches("w:fill=\"c62828\"").count() >= 10,
        "the red of Tidak Memuaskan"
    );
}

#[test]
#[cfg_attr(
    any(no_soffice, no_poppler),
    ignore = "no LibreOffice or poppler here: apt-get install libreoffice-writer-nogui poppler-utils"
)]
fn qualitative_values_and_sasaran_figures_reach_the_document() {
    let dir = scratch("docx-pemda");
    let docx = dir.join("bab3.docx");
    let run = sakip(&[
        "report",
        "examples/pemda-contoh",
        "--year",
        "2024",
        "--format",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = as_read(&docx);
    assert!(text.contains("WTP WTP 100,00 Sangat Baik"), "{text}");
    assert!(text.contains("WBK Belum WBK 50,00 Cukup"), "{text}");
    assert!(
        text.contains("SS1 Meningkatnya akuntabilitas tata kelola pemerintahan: capaian 80,00 (Baik)"),
        "{text}"
    );
}

/// A rule file's text is the author's: markup stays text, and a control
/// character (which XML cannot hold) does not make the file unreadable.
#[test]
#[cfg_attr(
    any(no_soffice, no_poppler),
    ignore = "no LibreOffice or poppler here: apt-get install libreoffice-writer-nogui poppler-utils"
)]
fn a_name_with_markup_and_control_characters_is_text() {
    let dir = scratch("docx-attack");
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        "aturan nasional n \"N\"\nklasifikasi {\n  0 .. \"Baik\" b hijau\n}\nsasaran S1 strategis \"S\" {\n  indikator a \"</w:t></w:r><w:r><w:t>injected & \u{7}bell\" { satuan % }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U ]]> <x/>\"\nberdasarkan \"../n\"\nperjanjian 2024 {\n  target a = 80\n}\nrealisasi 2024 {\n  a = 40\n}\n",
    )
    .unwrap();
    let run = sakip_in(
        &dir,
        &["report", "u", "--year", "2024", "--format", "docx", "-o", "r.docx"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = as_read(&dir.join("r.docx"));
    assert!(text.contains("</w:t></w:r><w:r><w:t>injected & bell"), "{text}");
    assert!(text.contains("U ]]> <x/>"), "{text}");
}

/// A unit whose year has an error: a realisasi off its scale.
fn erroneous(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("n")).unwrap();
    std::fs::create_dir_all(dir.join("u")).unwrap();
    std::fs::write(
        dir.join("n/n.sakip"),
        "aturan nasional n \"N\"\nsasaran S1 strategis \"S\" {\n  indikator opini \"Opini\" {\n    skala WTP > WDP > TW > TMP\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("u/satker.sakip"),
        "satker u \"U\"\nberdasarkan \"../n\"\nperjanjian 2024 {\n  target opini = WTP\n}\nrealisasi 2024 {\n  opini = WTB\n}\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_year_with_errors_writes_no_word_report() {
    let dir = erroneous("docx-errors");
    for (lang, said) in [
        (
            "en",
            "1 error(s) in 2024: a Word report of figures that could not be computed",
        ),
        (
            "id",
            "1 kesalahan pada 2024: laporan Word dengan angka yang tidak dapat dihitung",
        ),
    ] {
        let run = sakip_in(
            &dir,
            &[
                "report", "u", "--year", "2024", "--format", "docx", "-o", "r.docx", "--lang", lang,
            ],
        );
        assert_eq!(run.code, 1);
        assert!(run.stderr.contains(said), "{}", run.stderr);
        // The error itself, where it is, with the scale's values.
        assert!(run.stderr.contains("skala-value"), "{}", run.stderr);
        assert!(run.stderr.contains("u/satker.sakip:7:3"), "{}", run.stderr);
        assert!(!dir.join("r.docx").exists());
    }
    // A report that exists is not replaced by nothing, nor removed.
    std::fs::write(dir.join("r.docx"), "earlier").unwrap();
    let run = sakip_in(
        &dir,
        &["report", "u", "--year", "2024", "--format", "docx", "-o", "r.docx"],
    );
    assert_eq!(run.code, 1);
    assert_eq!(std::fs::read_to_string(dir.join("r.docx")).unwrap(), "earlier");
}

/// The workbench offers the Word download, and refuses it for a year with
/// errors as the command does.
#[test]
fn the_workbench_refuses_a_word_report_of_a_year_with_errors() {
    let dir = erroneous("docx-serve");
    let server = crate::serve::start(&dir, &[]);
    let (status, page) = crate::serve::request(server.port, "GET", "/unit?path=u&year=2024", &[], "");
    assert_eq!(status, 200);
    assert!(page.contains("format=docx"), "{page}");
    let (status, body) = crate::serve::request(
        server.port,
        "GET",
        "/unit/download?path=u&year=2024&format=docx",
        &["Cookie: sakip-lang=en"],
        "",
    );
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("2024 has 1 error(s)"), "{body}");
}

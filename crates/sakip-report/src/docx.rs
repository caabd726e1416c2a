//! `report --format docx`: chapter III as a Word document, because the
//! LKjIP is one and staff paste its tables into it. Each table as the seed
//! report numbers and captions it (Tabel 3.1 Capaian IKU Sasaran Strategis
//! ... Tabel 3.5 Rincian Pagu serta Realisasi Anggaran), bands as cell
//! fills, numbers the Indonesian way (`40,00`, `Rp 1.938.261.000`), then the
//! sasaran figures and what needs attention.
//!
//! Like the workbook, it is an Indonesian document whatever `--lang` says:
//! it goes into an Indonesian report. Every text is cut of the characters
//! XML cannot hold (a rule file's string may carry a control character),
//! so that Word and LibreOffice always open the file.

use crate::html::Words;
use crate::number_text;
use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, RunFonts, Shading, ShdType, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};
use sakip_core::evaluate::{BandRef, IndicatorResult};
use sakip_core::klasifikasi::Klasifikasi;
use sakip_core::model::Tier;
use sakip_core::{Evaluation, Lang, Problem, Severity};

/// A4 landscape in twentieths of a point, with 2 cm margins: the text is
/// 14,570 wide, room for chapter III's eight to ten columns.
const PAGE_W: u32 = 16_838;
const PAGE_H: u32 = 11_906;
const MARGIN: i32 = 1_134;
const TEXT_W: usize = 14_570;
/// The tables' text, in half-points: 9 pt.
const TABLE_SIZE: usize = 18;

/// The caption of each tier's table as the seed report writes it.
fn caption(tier: Tier) -> &'static str {
    match tier {
        Tier::Strategis => "Capaian IKU Sasaran Strategis",
        Tier::Program => "Capaian IKU Sasaran Program",
        Tier::Kegiatan => "Capaian IKU Sasaran Kegiatan",
        Tier::Output => "Capaian Kinerja pada Indikator Kinerja Nilai Kinerja Anggaran Satuan Kerja",
    }
}

/// Text as XML can hold it: control characters (other than tab) and the
/// two non-characters U+FFFE and U+FFFF are dropped.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(*c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect()
}

fn run(text: &str) -> Run {
    Run::new().add_text(clean(text))
}

/// A table's text.
fn small(text: &str) -> Run {
    run(text).size(TABLE_SIZE)
}

/// A cell of one paragraph, aligned right for figures.
fn cell(text: &str, right: bool, bold: bool) -> TableCell {
    let r = if bold { small(text).bold() } else { small(text) };
    let p = Paragraph::new().add_run(r);
    let p = if right { p.align(AlignmentType::Right) } else { p };
    TableCell::new().add_paragraph(p)
}

/// A header cell: bold on grey, as the seed's tables head their columns.
fn head(text: &str) -> TableCell {
    cell(text, false, true).shading(fill("D9DDE5"))
}

fn fill(hex: &str) -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(hex.trim_start_matches('#'))
}

/// A band's cell: its label in white on its colour, `—` without one.
fn band_cell(band: Option<&BandRef>) -> TableCell {
    match band {
        Some(b) => TableCell::new()
            .add_paragraph(Paragraph::new().add_run(small(&b.label).bold().color("FFFFFF")))
            .shading(fill(&b.colour)),
        None => cell("—", false, false),
    }
}

/// A table as wide as the text, its columns in the given shares.
fn table(shares: &[usize], rows: Vec<TableRow>) -> Table {
    let total: usize = shares.iter().sum::<usize>().max(1);
    let grid: Vec<usize> = shares.iter().map(|s| TEXT_W * s / total).collect();
    Table::new(rows).set_grid(grid).width(TEXT_W, WidthType::Dxa)
}

/// The caption above a table: `Tabel 3.n <what>`, in the Caption style.
fn caption_paragraph(n: usize, what: &str) -> Paragraph {
    Paragraph::new()
        .style("Caption")
        .line_spacing(docx_rs::LineSpacing::new().before(240).after(60))
        .keep_next(true)
        .add_run(run(&format!("Tabel 3.{n} {what}")))
}

/// The report of `ev` as the bytes of a .docx file; `receipt` is the
/// result hash (`report --receipt`). An error is the zip writer's.
pub fn render(ev: &Evaluation, klasifikasi: &Klasifikasi, receipt: Option<&str>) -> Result<Vec<u8>, String> {
    let w = Words::of(Lang::Id);
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let mut doc = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_orient(docx_rs::PageOrientationType::Landscape)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(20)
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .bold()
                .size(28),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .bold()
                .size(20),
        );
    doc = doc.add_paragraph(Paragraph::new().style("Heading1").add_run(run(&format!(
                "{} {satker} Tahun {}{}",
                w.title,
                ev.year,
                number_text::until_text(ev, Lang::Id).map(|u| format!(" {u}")).unwrap_or_default()
            ))));
    let chain: Vec<&str> = ev.chain.iter().map(|r| r.name.as_str()).collect();
    doc = doc.add_paragraph(Paragraph::new().add_run(run(&format!("{}: {}", w.rules, chain.join(" → ")))));
    if let Some(n) = &ev.nilai {
        doc = doc
            .add_paragraph(Paragraph::new().add_run(run(&format!("{}: {}", w.score, number_text::id(n.value))).bold()));
    }
    let legend: Vec<String> = klasifikasi
        .bands
        .iter()
        .map(|b| format!("{} ({})", b.label, number_text::band_range(b)))
        .collect();
    doc = doc.add_paragraph(Paragraph::new().add_run(run(&format!("{}: {}", w.legend, legend.join("; ")))));

    let mut n = 0;
    for (i, tier) in Tier::ALL.into_iter().enumerate() {
        let rows: Vec<&IndicatorResult> = ev.indicators.iter().filter(|r| r.tier == tier).collect();
        if rows.is_empty() {
            continue;
        }
        n += 1;
        let title = w.tiers.get(i).map(String::as_str).unwrap_or("");
        doc = doc
            .add_paragraph(caption_paragraph(n, caption(tier)))
            .add_table(tier_table(&w, &rows, title));
        for g in ev.sasaran.iter().chain(&ev.jenjang).filter(|g| g.tier == tier) {
            let band = g.band.as_ref().map(|b| format!(" ({})", b.label)).unwrap_or_default();
            doc = doc.add_paragraph(Paragraph::new().add_run(run(&format!(
                "{} {}: capaian {}{band}",
                g.code,
                g.name,
                number_text::percent_text(g.capaian)
            ))));
        }
    }

    if !ev.anggaran.belanja.is_empty() {
        n += 1;
        let what = format!(
            "Rincian Pagu serta Realisasi Anggaran {satker} per Jenis Belanja Tahun {}",
            ev.year
        );
        let mut rows = vec![TableRow::new(vec![
            head(&w.no),
            head(&w.jenis),
            head(&w.pagu),
            head(&w.realisasi),
            head(&w.penyerapan),
        ])];
        let mut no = 0;
        for b in &ev.anggaran.belanja {
            let total = b.name == sakip_core::anggaran::TOTAL;
            let number = if total {
                String::new()
            } else {
                no += 1;
                no.to_string()
            };
            rows.push(TableRow::new(vec![
                cell(&number, true, total),
                cell(&b.name, false, total),
                cell(&number_text::rupiah(b.pagu), true, total),
                cell(&number_text::rupiah(b.realisasi), true, total),
                cell(&number_text::percent_text(b.penyerapan), true, total),
            ]));
        }
        doc = doc
            .add_paragraph(caption_paragraph(n, &what))
            .add_table(table(&[5, 30, 22, 22, 14], rows));
    }

    doc = doc.add_paragraph(Paragraph::new().style("Caption").add_run(run(&w.notes)));
    if ev.diagnostics.is_empty() {
        doc = doc.add_paragraph(Paragraph::new().add_run(run(&w.none)));
    }
    for d in &ev.diagnostics {
        let who = d.indicator.as_ref().map(|i| format!(" {i}:")).unwrap_or_default();
        let at = d.origin.as_ref().map(|o| format!(" ({o})")).unwrap_or_default();
        let line = format!(
            "• {} [{}]{who} {}{at}",
            d.severity.word(Lang::Id),
            d.code.as_str(),
            d.message_in(Lang::Id)
        );
        let r = run(&line);
        let r = if d.severity == Severity::Error { r.bold() } else { r };
        doc = doc.add_paragraph(Paragraph::new().add_run(r));
    }
    if let Some(hash) = receipt {
        let text = sakip_core::Text::new("report-receipt")
            .arg("hash", hash)
            .render(Lang::Id);
        doc = doc.add_paragraph(Paragraph::new().add_run(run(&text).size(14)));
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

/// One tier's table: No, sasaran, indikator with its id, target and
/// realisasi in their unit, capaian and band; last year's capaian and the Renstra's
/// progress when a row has them.
fn tier_table(w: &Words, rows: &[&IndicatorResult], tier_title: &str) -> Table {
    let (last, renstra) = number_text::comparison_years(rows);
    let mut header = vec![
        head(&w.no),
        head(tier_title),
        head(&w.indikator),
        head(&w.target),
        head(&w.realisasi),
        head(&w.capaian),
        head(&w.band),
    ];
    let mut shares = vec![4, 9, 40, 10, 10, 9, 14];
    if let Some(y) = last {
        header.push(head(&format!("{} {y} (%)", w.last_year)));
        shares.push(9);
    }
    if let Some(y) = renstra {
        header.push(head(&format!("{} {y} (%)", w.renstra)));
        shares.push(11);
    }
    // The year in progress: the year-end projection beside the figures to date.
    let berjalan = rows.iter().any(|r| r.target_tahunan.is_some());
    if berjalan {
        header.push(head("Proyeksi akhir tahun"));
        shares.push(14);
    }
    let mut table_rows = vec![TableRow::new(header)];
    for (i, r) in rows.iter().enumerate() {
        let name = TableCell::new()
            .add_paragraph(Paragraph::new().add_run(small(&r.name)))
            .add_paragraph(Paragraph::new().add_run(run(&r.id).size(14).color("5B6475")));
        let mut cells = vec![
            cell(&(i + 1).to_string(), true, false),
            cell(&r.sasaran, false, false),
            name,
            cell(&number_text::target_text(r), true, false),
            cell(&number_text::realisasi_text(r), true, false),
            cell(&number_text::capaian_text(r), true, false),
            band_cell(r.band.as_ref()),
        ];
        if last.is_some() {
            cells.push(cell(
                &number_text::percent_text(r.tahun_lalu.as_ref().and_then(|p| p.capaian)),
                true,
                false,
            ));
        }
        if renstra.is_some() {
            cells.push(cell(&number_text::renstra_text(r), true, false));
        }
        if berjalan {
            cells.push(cell(&number_text::proyeksi_text(r), true, false));
        }
        table_rows.push(TableRow::new(cells));
    }
    table(&shares, table_rows)
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn text_loses_only_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{7}b\tc\u{ffff}<d>"), "ab\tc<d>");
    }
}

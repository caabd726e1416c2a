//! `report --format xlsx`: one sheet per table of chapter III (the four
//! tiers, the budget with its total, the classification, the findings),
//! numbers as numbers with display formats that Excel shows the Indonesian
//! way on an Indonesian system (`1.938.261.000`, `56,42`), each band as a
//! cell fill, headers frozen.
//!
//! An XLSX number cell is a binary double by the file format's own rule.
//! Figures are computed exactly as decimals and converted only here, from
//! their decimal text to the nearest double; every figure sakip writes has
//! at most 15 significant digits, so the cell shows exactly that figure.
//!
//! The workbook is the LKjIP's chapter III, an Indonesian document: its
//! headings stay Indonesian; the findings sheet follows `--lang`.

use crate::number_text;
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use sakip_core::evaluate::IndicatorResult;
use sakip_core::klasifikasi::Klasifikasi;
use sakip_core::model::Tier;
use sakip_core::{Decimal, Evaluation, Lang, Problem};

/// The nearest double to a decimal, through its text.
pub(crate) fn number(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

/// A band's `#rrggbb` colour as a cell fill.
fn hex(colour: &str) -> Color {
    u32::from_str_radix(colour.trim_start_matches('#'), 16)
        .map(Color::RGB)
        .unwrap_or(Color::Gray)
}

/// The height a row needs so that wrapped text in a column `width`
/// characters wide is not cut off: spreadsheet programs do not grow a row
/// for wrapped text by themselves when the file is generated.
fn row_height(texts: &[(&str, f64)]) -> f64 {
    let lines = texts
        .iter()
        .map(|(t, width)| {
            let chars = t.chars().count();
            #[allow(clippy::cast_precision_loss)]
            let per_line = (chars as f64 / (width * 0.95)).ceil();
            per_line.max(1.0)
        })
        .fold(1.0, f64::max);
    15.0 * lines
}

/// A4, landscape, one page wide, the header row on every page: how the
/// sheet prints when someone prints it for signing.
pub(crate) fn page_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// A sheet with its header row written and frozen and its columns sized:
/// what every table of the workbook starts with.
pub(crate) fn new_sheet<'a>(
    wb: &'a mut Workbook,
    name: &str,
    headers: &[&str],
    widths: &[f64],
    f: &Formats,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in (0u16..).zip(headers) {
        ws.write_string_with_format(0, c, *h, &f.header)?;
    }
    for (c, w) in (0u16..).zip(widths) {
        ws.set_column_width(c, *w)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(ws)
}

/// The sheet row of the `i`-th data row, below the header.
pub(crate) fn data_row(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// A band's label cell: white bold text on the band's colour.
pub(crate) fn band_fill(colour: &str) -> Format {
    Format::new()
        .set_background_color(hex(colour))
        .set_font_color(Color::White)
        .set_bold()
}

/// The workbook's cell formats: headers, text, figures, percentages.
pub(crate) struct Formats {
    pub(crate) header: Format,
    pub(crate) text: Format,
    pub(crate) decimal: Format,
    pub(crate) money: Format,
    pub(crate) money_bold: Format,
    pub(crate) bold: Format,
    pub(crate) top: Format,
}

/// The workbook's cell formats, made once.
pub(crate) fn formats() -> Formats {
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xf3f5f8))
        .set_text_wrap()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    Formats {
        header,
        text,
        decimal: Format::new().set_num_format("#,##0.00").set_align(FormatAlign::Top),
        money: Format::new().set_num_format("#,##0").set_align(FormatAlign::Top),
        money_bold: Format::new().set_num_format("#,##0").set_bold(),
        bold: Format::new().set_bold(),
        top: Format::new().set_align(FormatAlign::Top),
    }
}

/// A figure written the way the report shows it: a number with a format,
/// or an empty cell when there is none.
pub(crate) fn write_opt(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: Option<Decimal>,
    f: &Format,
) -> Result<(), XlsxError> {
    match v {
        Some(d) => ws.write_number_with_format(row, col, number(d), f).map(|_| ()),
        None => ws.write_string(row, col, "").map(|_| ()),
    }
}

/// A target or realisasi of `r`: a number cell, or for a qualitative
/// indikator its value as written (`WTP`), a text cell.
fn write_figure(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    r: &sakip_core::IndicatorResult,
    v: Option<Decimal>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match (&r.skala, v) {
        (Some(s), Some(v)) => ws.write_string_with_format(row, col, s.show(v), &f.text).map(|_| ()),
        _ => write_opt(ws, row, col, v, &f.decimal),
    }
}

/// Column widths, in characters.
const NAME_WIDTH: f64 = 48.0;
/// The id column.
const ID_WIDTH: f64 = 24.0;
/// The findings' text.
const NOTE_WIDTH: f64 = 100.0;

/// The sheet of one tier, with figures as number cells and bands as fills.
fn tier_sheet(wb: &mut Workbook, name: &str, rows: &[&IndicatorResult], f: &Formats) -> Result<(), XlsxError> {
    let (last, renstra) = number_text::comparison_years(rows);
    let mut headers = vec![
        "No".to_string(),
        "Sasaran".into(),
        "Indikator".into(),
        "Id".into(),
        "Satuan".into(),
        "Target".into(),
        "Realisasi".into(),
        "Capaian (%)".into(),
        "Klasifikasi".into(),
    ];
    if let Some(y) = last {
        headers.push(format!("Capaian {y} (%)"));
    }
    if let Some(y) = renstra {
        headers.push(format!("Target Renstra {y}"));
        headers.push(format!("Progres ke target {y} (%)"));
    }
    // The year in progress (`--until`): the year's target and the year-end
    // projection, last, so that every other column keeps its place.
    let berjalan = rows.iter().any(|r| r.target_tahunan.is_some());
    if berjalan {
        headers.push("Target tahunan".into());
        headers.push("Proyeksi realisasi".into());
        headers.push("Proyeksi capaian (%)".into());
    }
    let mut widths = vec![5.0, 9.0, NAME_WIDTH, ID_WIDTH, 10.0, 11.0, 11.0, 12.0, 18.0];
    widths.resize(headers.len(), 13.0);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let ws = new_sheet(wb, name, &headers, &widths, f)?;
    for (i, r) in rows.iter().enumerate() {
        let row = data_row(i);
        ws.write_number_with_format(row, 0, f64::from(row), &f.top)?;
        ws.write_string_with_format(row, 1, &r.sasaran, &f.text)?;
        ws.write_string_with_format(row, 2, &r.name, &f.text)?;
        ws.write_string_with_format(row, 3, &r.id, &f.text)?;
        ws.write_string_with_format(row, 4, r.satuan.display(), &f.text)?;
        write_figure(ws, row, 5, r, r.target, f)?;
        if r.tidak_diukur.is_some() {
            // Text, which a sheet's AVERAGE leaves out, as the report does.
            for col in [6, 7] {
                ws.write_string_with_format(row, col, crate::number_text::NOT_MEASURED, &f.text)?;
            }
        } else {
            write_figure(ws, row, 6, r, r.realisasi, f)?;
            write_opt(ws, row, 7, r.capaian, &f.decimal)?;
        }
        match &r.band {
            Some(b) => {
                let fill = band_fill(&b.colour).set_align(FormatAlign::Top);
                ws.write_string_with_format(row, 8, &b.label, &fill)?;
            }
            None => {
                ws.write_string(row, 8, "")?;
            }
        }
        ws.set_row_height(row, row_height(&[(&r.name, NAME_WIDTH), (&r.id, ID_WIDTH)]))?;
        let mut col = 9;
        if last.is_some() {
            write_opt(ws, row, col, r.tahun_lalu.as_ref().and_then(|p| p.capaian), &f.decimal)?;
            col += 1;
        }
        if renstra.is_some() {
            write_figure(ws, row, col, r, r.renstra.as_ref().map(|p| p.target), f)?;
            write_opt(
                ws,
                row,
                col + 1,
                r.renstra.as_ref().and_then(|p| p.progress),
                &f.decimal,
            )?;
            col += 2;
        }
        if berjalan {
            write_figure(ws, row, col, r, r.target_tahunan, f)?;
            write_figure(ws, row, col + 1, r, r.proyeksi.as_ref().map(|p| p.realisasi), f)?;
            write_opt(
                ws,
                row,
                col + 2,
                r.proyeksi.as_ref().and_then(|p| p.capaian),
                &f.decimal,
            )?;
        }
    }
    ws.set_row_height(0, 45)?;
    page_setup(ws)?;
    Ok(())
}

/// The workbook's bytes.
pub fn render(ev: &Evaluation, klasifikasi: &Klasifikasi, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    render_with_receipt(ev, klasifikasi, lang, None)
}

/// [`render`], with the receipt's result hash in every sheet's printed
/// footer when there is one (`report --receipt`).
pub fn render_with_receipt(
    ev: &Evaluation,
    klasifikasi: &Klasifikasi,
    lang: Lang,
    receipt: Option<&str>,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = formats();
    for (tier, name) in Tier::ALL
        .into_iter()
        .zip(["Strategis", "Program", "Kegiatan", "Output"])
    {
        let rows: Vec<&IndicatorResult> = ev.indicators.iter().filter(|r| r.tier == tier).collect();
        if !rows.is_empty() {
            tier_sheet(&mut wb, name, &rows, &f)?;
        }
    }

    // Each sasaran's and tier's capaian, when the rules make them.
    let combined: Vec<&sakip_core::evaluate::CapaianGabungan> = ev.sasaran.iter().chain(&ev.jenjang).collect();
    if !combined.is_empty() {
        let ws = new_sheet(
            &mut wb,
            "Sasaran",
            &[
                "Tingkat",
                "Sasaran",
                "Nama",
                "Dihitung dari",
                "Capaian (%)",
                "Klasifikasi",
            ],
            &[11.0, 11.0, NAME_WIDTH, ID_WIDTH, 12.0, 18.0],
            &f,
        )?;
        for (i, g) in combined.iter().enumerate() {
            let row = data_row(i);
            ws.write_string(row, 0, g.tier.keyword())?;
            ws.write_string(row, 1, &g.code)?;
            ws.write_string_with_format(row, 2, &g.name, &f.text)?;
            ws.write_string_with_format(row, 3, g.indikator.join(", "), &f.text)?;
            write_opt(ws, row, 4, g.capaian, &f.decimal)?;
            match &g.band {
                Some(b) => {
                    ws.write_string_with_format(row, 5, &b.label, &band_fill(&b.colour))?;
                }
                None => {
                    ws.write_string(row, 5, "")?;
                }
            }
        }
        page_setup(ws)?;
    }

    let ws = new_sheet(
        &mut wb,
        "Anggaran",
        &["Jenis Belanja", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)"],
        &[20.0, 18.0, 18.0, 15.0],
        &f,
    )?;
    for (i, b) in ev.anggaran.belanja.iter().enumerate() {
        let row = data_row(i);
        let total = b.name == sakip_core::anggaran::TOTAL;
        let money = if total { &f.money_bold } else { &f.money };
        if total {
            ws.write_string_with_format(row, 0, &b.name, &f.bold)?;
        } else {
            ws.write_string(row, 0, &b.name)?;
        }
        ws.write_number_with_format(row, 1, number(b.pagu), money)?;
        ws.write_number_with_format(row, 2, number(b.realisasi), money)?;
        write_opt(ws, row, 3, b.penyerapan, &f.decimal)?;
    }
    page_setup(ws)?;

    let ws = new_sheet(
        &mut wb,
        "Klasifikasi",
        &["Klasifikasi", "Rentang capaian (%)", "Id"],
        &[20.0, 20.0],
        &f,
    )?;
    for (i, b) in klasifikasi.bands.iter().enumerate() {
        let row = data_row(i);
        ws.write_string_with_format(row, 0, &b.label, &band_fill(&b.colour))?;
        ws.write_string(row, 1, number_text::band_range(b))?;
        ws.write_string(row, 2, &b.id)?;
    }

    let ws = new_sheet(
        &mut wb,
        "Catatan",
        &["Tingkat", "Kode", "Indikator", "Catatan"],
        &[9.0, 22.0, ID_WIDTH, NOTE_WIDTH],
        &f,
    )?;
    for (i, d) in ev.diagnostics.iter().enumerate() {
        let row = data_row(i);
        let message = d.message_in(lang);
        ws.write_string(row, 0, d.severity.word(lang))?;
        ws.write_string(row, 1, d.code.as_str())?;
        ws.write_string(row, 2, d.indicator.as_deref().unwrap_or(""))?;
        ws.write_string_with_format(row, 3, &message, &f.text)?;
        ws.set_row_height(row, row_height(&[(&message, NOTE_WIDTH)]))?;
    }
    page_setup(ws)?;

    if let Some(hash) = receipt {
        // `&&` is a literal ampersand in a header or footer; the text is left-aligned (`&L`).
        let text = sakip_core::Text::new("report-receipt")
            .arg("hash", hash)
            .render(lang)
            .replace('&', "&&");
        for ws in wb.worksheets_mut() {
            ws.set_footer(format!("&L&8{text}"));
        }
    }
    wb.save_to_buffer()
}

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

use crate::angka;
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use sakip_core::evaluate::IndicatorResult;
use sakip_core::klasifikasi::Klasifikasi;
use sakip_core::model::Tier;
use sakip_core::{Decimal, Evaluation};

/// The nearest double to a decimal, through its text.
fn number(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

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
fn page_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

struct Formats {
    header: Format,
    text: Format,
    decimal: Format,
    money: Format,
    money_bold: Format,
    bold: Format,
    top: Format,
}

fn formats() -> Formats {
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
fn write_opt(ws: &mut Worksheet, row: u32, col: u16, v: Option<Decimal>, f: &Format) -> Result<(), XlsxError> {
    match v {
        Some(d) => ws.write_number_with_format(row, col, number(d), f).map(|_| ()),
        None => ws.write_string(row, col, "").map(|_| ()),
    }
}

const NAME_WIDTH: f64 = 48.0;
const ID_WIDTH: f64 = 24.0;
const NOTE_WIDTH: f64 = 100.0;

fn tier_sheet(wb: &mut Workbook, name: &str, rows: &[&IndicatorResult], f: &Formats) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let (last, renstra) = angka::comparison_years(rows);
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
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c).unwrap_or(0), h, &f.header)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        ws.write_number_with_format(row, 0, f64::from(u32::try_from(i + 1).unwrap_or(0)), &f.top)?;
        ws.write_string_with_format(row, 1, &r.sasaran, &f.text)?;
        ws.write_string_with_format(row, 2, &r.name, &f.text)?;
        ws.write_string_with_format(row, 3, &r.id, &f.text)?;
        ws.write_string_with_format(row, 4, r.satuan.display(), &f.text)?;
        write_opt(ws, row, 5, r.target, &f.decimal)?;
        write_opt(ws, row, 6, r.realisasi, &f.decimal)?;
        write_opt(ws, row, 7, r.capaian, &f.decimal)?;
        match &r.band {
            Some(b) => {
                let fill = Format::new()
                    .set_background_color(hex(&b.colour))
                    .set_font_color(Color::White)
                    .set_bold()
                    .set_align(FormatAlign::Top);
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
            write_opt(ws, row, col, r.renstra.as_ref().map(|p| p.target), &f.decimal)?;
            write_opt(
                ws,
                row,
                col + 1,
                r.renstra.as_ref().and_then(|p| p.progress),
                &f.decimal,
            )?;
        }
    }
    for (c, w) in [
        (0u16, 5.0),
        (1, 9.0),
        (2, NAME_WIDTH),
        (3, ID_WIDTH),
        (4, 10.0),
        (5, 11.0),
        (6, 11.0),
        (7, 12.0),
        (8, 18.0),
    ] {
        ws.set_column_width(c, w)?;
    }
    for c in 9..u16::try_from(headers.len()).unwrap_or(9) {
        ws.set_column_width(c, 13.0)?;
    }
    ws.set_row_height(0, 45)?;
    ws.set_freeze_panes(1, 0)?;
    page_setup(ws)?;
    Ok(())
}

/// The workbook's bytes.
pub fn render(ev: &Evaluation, klasifikasi: &Klasifikasi) -> Result<Vec<u8>, XlsxError> {
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

    let ws = wb.add_worksheet();
    ws.set_name("Anggaran")?;
    for (c, h) in ["Jenis Belanja", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(0, u16::try_from(c).unwrap_or(0), *h, &f.header)?;
    }
    for (i, b) in ev.anggaran.belanja.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
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
    ws.set_column_width(0, 20.0)?;
    ws.set_column_width(1, 18.0)?;
    ws.set_column_width(2, 18.0)?;
    ws.set_column_width(3, 15.0)?;
    ws.set_freeze_panes(1, 0)?;
    page_setup(ws)?;

    let ws = wb.add_worksheet();
    ws.set_name("Klasifikasi")?;
    for (c, h) in ["Klasifikasi", "Rentang capaian (%)", "Id"].iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c).unwrap_or(0), *h, &f.header)?;
    }
    for (i, b) in klasifikasi.bands.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let fill = Format::new()
            .set_background_color(hex(&b.colour))
            .set_font_color(Color::White)
            .set_bold();
        ws.write_string_with_format(row, 0, &b.label, &fill)?;
        ws.write_string(row, 1, angka::band_range(b))?;
        ws.write_string(row, 2, &b.id)?;
    }
    ws.set_column_width(0, 20.0)?;
    ws.set_column_width(1, 20.0)?;
    ws.set_freeze_panes(1, 0)?;

    let ws = wb.add_worksheet();
    ws.set_name("Catatan")?;
    for (c, h) in ["Tingkat", "Kode", "Indikator", "Catatan"].iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c).unwrap_or(0), *h, &f.header)?;
    }
    for (i, d) in ev.diagnostics.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        ws.write_string(row, 0, d.severity.to_string())?;
        ws.write_string(row, 1, d.code)?;
        ws.write_string(row, 2, d.indicator.as_deref().unwrap_or(""))?;
        ws.write_string_with_format(row, 3, &d.message, &f.text)?;
        ws.set_row_height(row, row_height(&[(&d.message, NOTE_WIDTH)]))?;
    }
    ws.set_column_width(0, 9.0)?;
    ws.set_column_width(1, 22.0)?;
    ws.set_column_width(2, ID_WIDTH)?;
    ws.set_column_width(3, NOTE_WIDTH)?;
    ws.set_freeze_panes(1, 0)?;
    page_setup(ws)?;

    wb.save_to_buffer()
}

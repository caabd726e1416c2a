//! The report as an A4 PDF (`report --format pdf`, the workbench's PDF
//! download), because an LKjIP is submitted as one. The same parts as the
//! HTML report, in the same order and words: the rule chain and score, the
//! band legend, one table per tier with its bar chart, the budget with its
//! chart, the findings, and the receipt's hash when there is one.
//!
//! Written directly with pdf-writer, fonts embedded (DejaVu Sans
//! Condensed, cut to the glyphs used): no browser, nothing read from the
//! machine, so one evaluation gives the same bytes everywhere. Typst as a
//! library was tried first and would have typeset it as well, but it added
//! fourteen minutes to a build on a two-core machine.

mod font;
mod page;

use crate::html::Words;
use crate::number_text;
use font::Face;
use page::{Bar, Cell, Column, Rgb, Weight, Writer};
use rust_decimal::Decimal;
use sakip_core::evaluate::IndicatorResult;
use sakip_core::klasifikasi::Klasifikasi;
use sakip_core::model::Tier;
use sakip_core::{Evaluation, Lang, Problem};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSansCondensed-Bold.ttf");

/// `part` of `whole` (clamped to 0..1) as a drawing measure: the figure is
/// exact, only the length of a bar is rounded to a ten-thousandth.
fn share(part: Decimal, whole: Decimal) -> f32 {
    if whole <= Decimal::ZERO {
        return 0.0;
    }
    let s = (part.max(Decimal::ZERO).min(whole) / whole).round_dp(4);
    s.to_string().parse().unwrap_or(0.0)
}

/// The report of `ev` as PDF bytes; `receipt` is the result hash for the
/// footer (`report --receipt`). An error means a font could not be read or
/// cut, which is sakip's bug, reported rather than written.
pub fn render(
    ev: &Evaluation,
    klasifikasi: &Klasifikasi,
    lang: Lang,
    receipt: Option<&str>,
) -> Result<Vec<u8>, String> {
    let w = &Words::of(lang);
    let mut doc = Writer::new(
        Face::new(REGULAR, "DejaVuSansCondensed")?,
        Face::new(BOLD, "DejaVuSansCondensed-Bold")?,
    );
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let title = format!("{} {satker}", w.title);
    doc.heading(&title, 16.0);
    let chain: Vec<&str> = ev.chain.iter().map(|r| r.name.as_str()).collect();
    let until = number_text::until_text(ev, lang)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    doc.paragraph(
        &format!("{} {}{until} · {}: {}", w.year, ev.year, w.rules, chain.join(" → ")),
        Weight::Regular,
        8.5,
        Rgb::MUTED,
    );
    if let Some(n) = &ev.nilai {
        doc.paragraph(
            &format!("{}: {}", w.score, number_text::id(n.value)),
            Weight::Bold,
            9.5,
            Rgb::TEXT,
        );
    }
    doc.heading(&w.legend, 11.0);
    let chips: Vec<(String, Rgb)> = klasifikasi
        .bands
        .iter()
        .map(|b| {
            (
                format!("{} {}", b.label, number_text::band_range(b)),
                Rgb::hex(&b.colour),
            )
        })
        .collect();
    doc.chips(&chips);

    for (i, tier) in Tier::ALL.into_iter().enumerate() {
        let rows: Vec<&IndicatorResult> = ev.indicators.iter().filter(|r| r.tier == tier).collect();
        if rows.is_empty() {
            continue;
        }
        let title = w.tiers.get(i).map(String::as_str).unwrap_or("");
        tier_table(&mut doc, w, &rows, title);
        combined_table(&mut doc, w, ev, tier);
    }

    if !ev.anggaran.belanja.is_empty() {
        doc.heading(&w.budget, 11.0);
        let columns = [
            Column {
                share: 3.0,
                right: false,
            },
            Column {
                share: 1.6,
                right: true,
            },
            Column {
                share: 1.6,
                right: true,
            },
            Column {
                share: 1.0,
                right: true,
            },
        ];
        let header = [
            w.jenis.clone(),
            w.pagu.clone(),
            w.realisasi.clone(),
            w.penyerapan.clone(),
        ];
        let rows: Vec<Vec<Cell>> = ev
            .anggaran
            .belanja
            .iter()
            .map(|b| {
                let bold = b.name == sakip_core::anggaran::TOTAL;
                [
                    b.name.clone(),
                    number_text::rupiah(b.pagu),
                    number_text::rupiah(b.realisasi),
                    number_text::percent_text(b.penyerapan),
                ]
                .into_iter()
                .map(|t| Cell { bold, ..Cell::new(t) })
                .collect()
            })
            .collect();
        doc.table(&columns, &header, &rows);
        doc.paragraph(&w.budget_chart, Weight::Regular, 7.5, Rgb::MUTED);
        let bars: Vec<Bar> = ev
            .anggaran
            .belanja
            .iter()
            .filter(|b| b.name != sakip_core::anggaran::TOTAL)
            .map(|b| Bar {
                label: b.name.clone(),
                share: share(b.penyerapan.unwrap_or(Decimal::ZERO), Decimal::ONE_HUNDRED),
                colour: Rgb::hex("#1565c0"),
                figure: number_text::percent_text(b.penyerapan),
            })
            .collect();
        doc.bars(&bars, None);
    }

    doc.heading(&w.notes, 11.0);
    if ev.diagnostics.is_empty() {
        doc.paragraph(&w.none, Weight::Regular, 8.5, Rgb::TEXT);
    } else {
        for d in &ev.diagnostics {
            let who = d.indicator.as_ref().map(|i| format!(" {i}:")).unwrap_or_default();
            let line = format!(
                "• {} [{}]{who} {}",
                d.severity.word(lang),
                d.code.as_str(),
                d.message_in(lang)
            );
            doc.paragraph(&line, Weight::Regular, 8.0, Rgb::TEXT);
        }
    }
    let footer = format!("{title} · {} {}", w.year, ev.year);
    if let Some(hash) = receipt {
        doc.gap(6.0);
        let text = sakip_core::Text::new("report-receipt").arg("hash", hash).render(lang);
        doc.paragraph(&text, Weight::Regular, 7.0, Rgb::MUTED);
    }
    doc.finish(&format!("{title} {}", ev.year), &footer)
}

/// A band's cell: its label on its colour, `—` without one.
fn band_cell(band: Option<&sakip_core::evaluate::BandRef>) -> Cell {
    match band {
        Some(b) => Cell {
            fill: Some(Rgb::hex(&b.colour)),
            ..Cell::new(b.label.clone())
        },
        None => Cell::new("—"),
    }
}

/// The capaian of each sasaran of `tier`, and of the tier, when the rules
/// make them (`capaian sasaran`, `capaian jenjang`): a row each.
fn combined_table(doc: &mut Writer, w: &Words, ev: &Evaluation, tier: Tier) {
    let table: Vec<Vec<Cell>> = ev
        .sasaran
        .iter()
        .chain(&ev.jenjang)
        .filter(|g| g.tier == tier)
        .map(|g| {
            vec![
                Cell {
                    sub: Some(g.code.clone()),
                    ..Cell::new(g.name.clone())
                },
                Cell::new(number_text::percent_text(g.capaian)),
                band_cell(g.band.as_ref()),
            ]
        })
        .collect();
    if table.is_empty() {
        return;
    }
    let columns = [
        Column {
            share: 4.5,
            right: false,
        },
        Column {
            share: 0.95,
            right: true,
        },
        Column {
            share: 1.2,
            right: false,
        },
    ];
    let header = [w.sasaran.clone(), w.capaian.clone(), w.band.clone()];
    doc.table(&columns, &header, &table);
}

/// One tier's table (as Tabel 3.1-3.4) and its chart of capaian.
fn tier_table(doc: &mut Writer, w: &Words, rows: &[&IndicatorResult], title: &str) {
    doc.heading(title, 11.0);
    let (last, renstra) = number_text::comparison_years(rows);
    let mut columns = vec![
        Column {
            share: 0.45,
            right: true,
        },
        Column {
            share: 0.85,
            right: false,
        },
        Column {
            share: 3.2,
            right: false,
        },
        Column {
            share: 0.9,
            right: true,
        },
        Column {
            share: 0.9,
            right: true,
        },
        Column {
            share: 0.95,
            right: true,
        },
        Column {
            share: 1.2,
            right: false,
        },
    ];
    let mut header = vec![
        w.no.clone(),
        w.sasaran.clone(),
        w.indikator.clone(),
        w.target.clone(),
        w.realisasi.clone(),
        w.capaian.clone(),
        w.band.clone(),
    ];
    if let Some(y) = last {
        columns.push(Column {
            share: 0.95,
            right: true,
        });
        header.push(format!("{} {y} (%)", w.last_year));
    }
    if let Some(y) = renstra {
        columns.push(Column {
            share: 1.0,
            right: true,
        });
        header.push(format!("{} {y} (%)", w.renstra));
    }
    // The year in progress: the year-end projection beside the figures to date.
    let berjalan = rows.iter().any(|r| r.target_tahunan.is_some());
    if berjalan {
        columns.push(Column {
            share: 1.4,
            right: true,
        });
        header.push(w.projection.clone());
    }
    let table: Vec<Vec<Cell>> = rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let mut cells = vec![
                Cell::new((n + 1).to_string()),
                Cell::new(r.sasaran.clone()),
                Cell {
                    sub: Some(r.id.clone()),
                    ..Cell::new(r.name.clone())
                },
                Cell::new(number_text::target_text(r)),
                Cell::new(number_text::realisasi_text(r)),
                Cell::new(number_text::capaian_text(r)),
                band_cell(r.band.as_ref()),
            ];
            if last.is_some() {
                cells.push(Cell::new(number_text::percent_text(
                    r.tahun_lalu.as_ref().and_then(|p| p.capaian),
                )));
            }
            if renstra.is_some() {
                cells.push(Cell::new(number_text::renstra_text(r)));
            }
            if berjalan {
                cells.push(Cell::new(number_text::proyeksi_text(r)));
            }
            cells
        })
        .collect();
    doc.table(&columns, &header, &table);
    doc.paragraph(&w.chart, Weight::Regular, 7.5, Rgb::MUTED);
    let max = Decimal::from(120);
    let bars: Vec<Bar> = rows
        .iter()
        .map(|r| Bar {
            label: r.id.clone(),
            share: share(r.capaian.unwrap_or(Decimal::ZERO), max),
            colour: r
                .band
                .as_ref()
                .map(|b| Rgb::hex(&b.colour))
                .unwrap_or(Rgb::hex("#9aa3b2")),
            figure: number_text::capaian_text(r),
        })
        .collect();
    doc.bars(&bars, Some(share(Decimal::ONE_HUNDRED, max)));
}

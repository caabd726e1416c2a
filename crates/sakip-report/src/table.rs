//! `eval --format table`: what a person reads in a terminal. One table per
//! tier (as Tabel 3.1-3.4 of an LKjIP), rows grouped by sasaran, the sasaran
//! named under each table, the budget as Tabel 3.5 with its total, then the
//! diagnostics. Bands are coloured when the output is a terminal.

use crate::number_text;
use comfy_table::{presets, Attribute, Cell, CellAlignment, Color, ContentArrangement, Table};
use sakip_core::diagnostic::Severity;
use sakip_core::evaluate::IndicatorResult;
use sakip_core::i18n::say;
use sakip_core::model::Tier;
use sakip_core::{Evaluation, Lang, Problem, Text};
use std::fmt::Write as _;

/// How the tables are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Colour bands and severities (a terminal that wants colour).
    pub colour: bool,
    /// Total width in columns.
    pub width: u16,
    /// The reader's language.
    pub lang: Lang,
}

impl Default for Options {
    /// Plain text, 120 columns, Indonesian.
    fn default() -> Self {
        Self {
            colour: false,
            width: 120,
            lang: Lang::Id,
        }
    }
}

/// The width of the terminal standard output is attached to, if it is one.
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

/// A band's `#rrggbb` colour for the terminal.
fn rgb(hex: &str) -> Option<Color> {
    let h = hex.strip_prefix('#')?;
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    Some(Color::Rgb {
        r: byte(0)?,
        g: byte(2)?,
        b: byte(4)?,
    })
}

/// A table in the house style, fitted to the terminal's width.
fn new_table(opts: Options) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width);
    if opts.colour {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

/// A right-aligned cell, for figures.
fn right(text: String) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

/// The evaluation as people read it in a terminal: one table per tier,
/// the budget, the unit's score, then the findings.
pub fn render(ev: &Evaluation, opts: Options) -> String {
    let mut out = String::new();
    let lang = opts.lang;
    let title = ev
        .satker
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_else(|| say(lang, "table-no-satker"));
    let until = number_text::until_text(ev, lang)
        .map(|u| format!(" · {u}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{title} · {} {}{until}",
        say(lang, "word-year").to_lowercase(),
        ev.year
    );
    let chain: Vec<String> = ev
        .chain
        .iter()
        .map(|r| format!("{} ({})", r.id, r.tingkat.keyword()))
        .collect();
    let _ = writeln!(out, "{}: {}", say(lang, "word-rules").to_lowercase(), chain.join(" → "));
    for tier in Tier::ALL {
        let rows: Vec<&IndicatorResult> = ev.indicators.iter().filter(|r| r.tier == tier).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", tier_title(tier, lang));
        out.push_str(&tier_table(ev, &rows, opts).to_string());
        out.push('\n');
        let mut seen: Vec<&str> = Vec::new();
        for r in &rows {
            if !seen.contains(&r.sasaran.as_str()) {
                seen.push(&r.sasaran);
                // The sasaran's capaian, when the rules make one.
                let figure = ev
                    .sasaran
                    .iter()
                    .find(|g| g.code == r.sasaran)
                    .map(|g| format!(" · {}", combined_text(g, lang)))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {}  {}{figure}", r.sasaran, r.sasaran_name);
            }
        }
        if let Some(g) = ev.jenjang.iter().find(|g| g.tier == tier) {
            let _ = writeln!(out, "  {}: {}", g.name, combined_text(g, lang));
        }
    }
    if let Some(n) = &ev.nilai {
        let _ = writeln!(
            out,
            "\n{}: {} ({})",
            say(lang, "word-score"),
            number_text::id(n.value),
            n.source
        );
    }
    if !ev.anggaran.belanja.is_empty() {
        let _ = writeln!(out, "\n{}", say(lang, "word-budget"));
        let mut t = new_table(opts);
        t.set_header(vec![
            say(lang, "word-jenis"),
            say(lang, "word-pagu"),
            say(lang, "word-realisasi"),
            say(lang, "word-penyerapan"),
        ]);
        for b in &ev.anggaran.belanja {
            let mut name = Cell::new(&b.name);
            if b.name == sakip_core::anggaran::TOTAL {
                name = name.add_attribute(Attribute::Bold);
            }
            t.add_row(vec![
                name,
                right(number_text::rupiah(b.pagu)),
                right(number_text::rupiah(b.realisasi)),
                right(number_text::percent_text(b.penyerapan)),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    if !ev.anggaran.perjanjian.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            Text::new("table-pk-budget").arg("year", ev.year).render(lang)
        );
        for (name, amount) in &ev.anggaran.perjanjian {
            let _ = writeln!(out, "  {name}: {}", number_text::rupiah(*amount));
        }
    }
    out.push_str(&diagnostics(ev, opts));
    out
}

/// The table of one tier: sasaran, indikator, target, realisasi, capaian,
/// band, with last year and the Renstra when known.
fn tier_table(ev: &Evaluation, rows: &[&IndicatorResult], opts: Options) -> Table {
    let mut t = new_table(opts);
    let (last_year, renstra_year) = number_text::comparison_years(rows);
    let lang = opts.lang;
    let mut header: Vec<String> = [
        "word-sasaran",
        "word-indikator",
        "word-target",
        "word-realisasi",
        "word-capaian",
        "word-band",
    ]
    .iter()
    .map(|w| say(lang, w))
    .collect();
    // The year in progress: the period's target, the realisasi to date.
    if let Some(p) = ev.until {
        if let Some(h) = header.get_mut(2) {
            h.push_str(&format!(" {}", p.keyword()));
        }
        if let Some(h) = header.get_mut(3) {
            h.push_str(&format!(" ≤{}", p.keyword()));
        }
        header.push(say(lang, "word-projection"));
    }
    if let Some(y) = last_year {
        header.push(format!("{} {y}", say(lang, "word-last-year")));
    }
    if let Some(y) = renstra_year {
        header.push(format!("Renstra {y}"));
    }
    t.set_header(header);
    // Group by sasaran in order of first appearance.
    let mut order: Vec<&str> = Vec::new();
    for r in rows {
        if !order.contains(&r.sasaran.as_str()) {
            order.push(&r.sasaran);
        }
    }
    for code in order {
        let mut first = true;
        for r in rows.iter().filter(|r| r.sasaran == code) {
            let flagged = ev
                .diagnostics
                .iter()
                .any(|d| d.indicator.as_deref() == Some(r.id.as_str()) && d.severity <= Severity::Warning);
            let band = match &r.band {
                Some(b) => {
                    let c = Cell::new(&b.label);
                    match (opts.colour, rgb(&b.colour)) {
                        (true, Some(col)) => c.fg(col).add_attribute(Attribute::Bold),
                        _ => c,
                    }
                }
                None => Cell::new("—"),
            };
            let mut row = vec![
                Cell::new(if first { code } else { "" }),
                Cell::new(format!("{}\n{}{}", r.name, r.id, if flagged { "  (!)" } else { "" })),
                right(number_text::target_text(r)),
                right(number_text::realisasi_text(r)),
                right(number_text::capaian_text(r)),
                band,
            ];
            if ev.until.is_some() {
                row.push(right(number_text::proyeksi_text(r)));
            }
            if last_year.is_some() {
                row.push(right(number_text::percent_text(
                    r.tahun_lalu.as_ref().and_then(|p| p.capaian),
                )));
            }
            if renstra_year.is_some() {
                row.push(right(number_text::renstra_text(r)));
            }
            t.add_row(row);
            first = false;
        }
    }
    t
}

/// A tier's title in `lang` (`Sasaran Strategis`).
/// A sasaran's or a tier's capaian as a line says it: `capaian 53,30
/// (Memuaskan)`, or why there is none.
fn combined_text(g: &sakip_core::evaluate::CapaianGabungan, lang: Lang) -> String {
    let band = g.band.as_ref().map(|b| format!(" ({})", b.label)).unwrap_or_default();
    format!(
        "{} {}{band}",
        say(lang, "word-capaian-short"),
        number_text::percent_text(g.capaian)
    )
}

fn tier_title(tier: Tier, lang: Lang) -> String {
    say(
        lang,
        match tier {
            Tier::Strategis => "word-tier-strategis",
            Tier::Program => "word-tier-program",
            Tier::Kegiatan => "word-tier-kegiatan",
            Tier::Output => "word-tier-output",
        },
    )
}

/// The findings, errors first, each with its place and its fix.
fn diagnostics(ev: &Evaluation, opts: Options) -> String {
    let mut out = String::new();
    if ev.diagnostics.is_empty() {
        return out;
    }
    let lang = opts.lang;
    let count = |s: Severity| ev.diagnostics.iter().filter(|d| d.severity == s).count();
    let summary = Text::new("table-notes")
        .arg("errors", count(Severity::Error))
        .arg("warnings", count(Severity::Warning))
        .arg("infos", count(Severity::Info));
    let _ = writeln!(out, "\n{}", summary.render(lang));
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        for d in ev.diagnostics.iter().filter(|d| d.severity == severity) {
            let tag = severity.word(lang);
            let tag = if opts.colour {
                let code = match severity {
                    Severity::Error => "31",
                    Severity::Warning => "33",
                    Severity::Info => "36",
                };
                format!("\x1b[{code}m{tag}\x1b[0m")
            } else {
                tag
            };
            let who = d.indicator.as_ref().map(|i| format!(" {i}:")).unwrap_or_default();
            let _ = writeln!(out, "  {tag}[{}]{who} {}", d.code, d.message_in(lang));
            if let Some(o) = &d.origin {
                let _ = writeln!(out, "      {} {o}", say(lang, "at-label"));
            }
            if let Some(h) = d.help_in(lang) {
                let _ = writeln!(out, "      {}: {h}", say(lang, "help-label"));
            }
        }
    }
    out
}

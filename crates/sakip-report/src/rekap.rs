//! `sakip rollup`: many units added up. The long CSV a data warehouse wants
//! (one row per unit and indicator; **contract** for the first nine
//! columns), the budget lines as a second table, the summaries as JSON, and
//! the per-Kanwil table a person reads.
//!
//! Rows are rendered per unit (on the thread that evaluated it); the
//! summaries once, at the end.
//!
//! The CSV columns and JSON fields are a contract for machines and stay
//! English and unchanging; the terminal table speaks the reader's language.

use crate::number_text;
use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use sakip_core::i18n::say;
use sakip_core::pembulatan::plain;
use sakip_core::rekap::{Rollup, Summary};
use sakip_core::Evaluation;
use sakip_core::{Lang, Text};

/// The long table's columns: the first nine are the contract a warehouse
/// loads; `satuan` and `diagnostics` (the codes, space-separated) follow.
pub const CSV_HEADER: [&str; 11] = [
    "kanwil",
    "satker",
    "tier",
    "sasaran",
    "indikator",
    "target",
    "realisasi",
    "capaian",
    "band",
    "satuan",
    "diagnostics",
];

/// The budget table's columns.
pub const BUDGET_CSV_HEADER: [&str; 6] = ["kanwil", "satker", "belanja", "pagu", "realisasi", "penyerapan"];

/// A CSV line of `cells`, quoted where needed.
pub fn csv_line<I, S>(cells: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(cells);
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// One unit's rows of the long table.
pub fn csv_rows(ev: &Evaluation, kanwil: &str, satker: &str) -> String {
    use std::fmt::Write as _;
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::with_capacity(ev.indicators.len() * 96));
    // The three figures of a row, written into buffers kept for the unit
    // (plain decimal notation, as `plain` writes it) rather than one new
    // string per figure.
    let mut figures = [String::new(), String::new(), String::new()];
    let mut codes = String::new();
    for r in &ev.indicators {
        for (i, (text, value)) in figures.iter_mut().zip([r.target, r.realisasi, r.capaian]).enumerate() {
            text.clear();
            if i > 0 && r.tidak_diukur.is_some() {
                text.push_str(crate::number_text::NOT_MEASURED);
            } else if let Some(v) = value {
                // A qualitative indikator's target and realisasi as written (`WTP`).
                match (&r.skala, i) {
                    (Some(skala), 0 | 1) => text.push_str(&skala.show(v)),
                    _ => {
                        let _ = write!(text, "{v}");
                    }
                }
            }
        }
        codes.clear();
        for d in ev
            .diagnostics
            .iter()
            .filter(|d| d.indicator.as_deref() == Some(r.id.as_str()))
        {
            if !codes.is_empty() {
                codes.push(' ');
            }
            codes.push_str(d.code.as_str());
        }
        let [target, realisasi, capaian] = &figures;
        let _ = w.write_record([
            kanwil,
            satker,
            r.tier.keyword(),
            &r.sasaran,
            &r.id,
            target,
            realisasi,
            capaian,
            r.band.as_ref().map(|b| b.label.as_str()).unwrap_or(""),
            r.satuan.as_str(),
            &codes,
        ]);
    }
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// One unit's budget lines (per jenis belanja, then its Total).
pub fn budget_rows(ev: &Evaluation, kanwil: &str, satker: &str) -> String {
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    for b in &ev.anggaran.belanja {
        let _ = w.write_record([
            kanwil,
            satker,
            &b.name,
            &plain(b.pagu),
            &plain(b.realisasi),
            &b.penyerapan.map(plain).unwrap_or_default(),
        ]);
    }
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// A band's short name for a column header: the initials of its label
/// (`Sangat Memuaskan` is `SM`), as staff abbreviate them.
pub(crate) fn initials(label: &str) -> String {
    label
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

/// The table a person reads: one row per Kanwil, then the national line;
/// then the legend and the units that failed.
pub fn table(rollup: &Rollup, width: u16, lang: Lang) -> String {
    let basis = rollup.basis.clone().unwrap_or_default();
    let nasional = rollup.nasional();
    // The first unit's bands, then any other band a unit was classified in
    // (units under other rules: IKPA's or NKA's examples beside a
    // ministry's units), so that no unit is counted in no column.
    let mut bands: Vec<String> = basis.klasifikasi.bands.iter().map(|b| b.label.clone()).collect();
    for b in nasional.bands.keys() {
        if !bands.contains(b) {
            bands.push(b.clone());
        }
    }
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .force_no_tty();
    let mut header = vec![
        Cell::new("Kanwil"),
        Cell::new("Satker"),
        Cell::new(say(lang, "rekap-failed")),
    ];
    header.extend(bands.iter().map(|b| Cell::new(initials(b))));
    header.extend(sakip_core::model::Tier::ALL.iter().map(|tier| {
        Cell::new(format!(
            "{}\n{}",
            tier.title()
                .trim_start_matches("Sasaran ")
                .split(' ')
                .next()
                .unwrap_or(""),
            say(lang, "rekap-mean-median")
        ))
    }));
    header.push(Cell::new(say(lang, "rekap-absorption")));
    t.set_header(header);
    let right = |s: String| Cell::new(s).set_alignment(CellAlignment::Right);
    let row = |s: &Summary| {
        let mut cells = vec![
            Cell::new(&s.id),
            right(s.units.to_string()),
            right(s.failed.to_string()),
        ];
        cells.extend(
            bands
                .iter()
                .map(|b| right(s.bands.get(b).copied().unwrap_or(0).to_string())),
        );
        let tiers = s.tiers();
        for tier in sakip_core::model::Tier::ALL {
            let text = match tiers.get(&tier) {
                Some(d) if d.count() > 0 => format!(
                    "{}\n{}",
                    d.mean(basis.capaian).map(number_text::id).unwrap_or_default(),
                    d.median(basis.capaian).map(number_text::id).unwrap_or_default()
                ),
                _ => "-".to_string(),
            };
            cells.push(right(text));
        }
        cells.push(right(
            s.penyerapan(basis.anggaran)
                .map(number_text::id)
                .unwrap_or_else(|| "-".into()),
        ));
        cells
    };
    for s in rollup.kanwil.values() {
        t.add_row(row(s));
    }
    t.add_row(row(&nasional));
    let title = Text::new("rekap-title")
        .arg("year", rollup.year)
        .arg("units", nasional.units)
        .arg("kanwil", rollup.kanwil.len());
    let mut out = format!("{}\n", title.render(lang));
    if let Some(warning) = rollup.mixed_nasional() {
        out.push_str(&warning.render(lang));
        out.push('\n');
    }
    out.push_str(&format!("{t}\n"));
    let legend: Vec<String> = bands.iter().map(|b| format!("{} = {b}", initials(b))).collect();
    out.push_str(&Text::new("rekap-legend").arg("legend", legend.join(", ")).render(lang));
    out.push('\n');
    out.push_str(&say(lang, "rekap-explained"));
    out.push('\n');
    for s in rollup.kanwil.values() {
        out.push_str(&format!("  {}: {}\n", s.id, s.name));
    }
    // Each sasaran over every unit, when the rules compute them (per
    // Kanwil in the JSON and the workbook).
    if !nasional.sasaran.is_empty() {
        out.push_str(&format!("\n{}\n", say(lang, "rekap-sasaran")));
        for (code, g) in &nasional.sasaran {
            let figure = |v: Option<sakip_core::Decimal>| v.map(number_text::id).unwrap_or_else(|| "-".into());
            out.push_str(&format!(
                "  {code}  {}: {}\n",
                g.name,
                Text::new("rekap-sasaran-line")
                    .arg("mean", figure(g.capaian.mean(basis.capaian)))
                    .arg("median", figure(g.capaian.median(basis.capaian)))
                    .arg("n", g.capaian.count())
                    .render(lang)
            ));
        }
    }
    // Each level's own indikator, computed from its units in the run.
    for w in &rollup.wilayah {
        out.push_str(&format!(
            "\n{}\n",
            Text::new("rekap-wilayah").arg("name", &w.name).render(lang)
        ));
        for i in &w.indikator {
            let r = &i.result;
            let band = r.band.as_ref().map(|b| format!(" ({})", b.label)).unwrap_or_default();
            out.push_str(&format!(
                "  {}  {}: {}\n",
                r.id,
                r.name,
                Text::new("rekap-wilayah-line")
                    .arg("realisasi", number_text::realisasi_text(r))
                    .arg("target", number_text::target_text(r))
                    .arg("capaian", format!("{}{band}", number_text::capaian_text(r)))
                    .arg("counted", i.counted)
                    .arg("not", i.not_counted.len())
                    .render(lang)
            ));
        }
    }
    // The year in progress: who is off track, per indikator (ten named).
    if !rollup.off_track.is_empty() {
        out.push_str(&format!("\n{}\n", say(lang, "rekap-off-track")));
        for (id, units) in &rollup.off_track {
            let named: Vec<String> = units
                .iter()
                .take(10)
                .map(|u| format!("{} ({})", u.satker_id, number_text::id(u.capaian)))
                .collect();
            let more = match units.len().saturating_sub(10) {
                0 => String::new(),
                n => Text::new("rekap-off-track-more").arg("n", n).render(lang),
            };
            out.push_str(&format!("  {id}: {} satker: {}{more}\n", units.len(), named.join(", ")));
        }
    }
    if !rollup.failures.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            Text::new("rekap-failures").arg("n", rollup.failures.len()).render(lang)
        ));
        for f in &rollup.failures {
            out.push_str(&format!("  {}\n", f.path));
            for e in &f.errors {
                out.push_str(&format!("    {}\n", e.render(lang)));
            }
        }
    }
    out
}

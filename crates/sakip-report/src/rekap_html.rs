//! `rollup --format html`: the rollup report as one self-contained page
//! (the style and the SVG charts of the unit report, no network): per Kanwil
//! the units by band (a chart and a table), budget absorption per Kanwil
//! from summed pagu and realisasi, per indicator the distribution over bands
//! and the mean capaian, the ranking of units by score, and the units that
//! failed.
//!
//! The page is in Indonesian, the language of the reports it adds up.

use crate::html::{coord, esc, STYLE};
use crate::number_text;
use sakip_core::rekap::{Basis, Rollup, Summary};
use sakip_core::Decimal;
use sakip_core::{Lang, Text};
use std::fmt::Write as _;

/// The band's colour, grey when the table has no such band.
fn colour(basis: &Basis, label: &str) -> String {
    basis
        .klasifikasi
        .bands
        .iter()
        .find(|b| b.label == label)
        .map(|b| b.colour.clone())
        .unwrap_or_else(|| "#9aa3b2".into())
}

/// One stacked bar per group: its units by band, as shares of its units.
fn bands_chart(groups: &[&Summary], basis: &Basis, label: &str) -> String {
    let (label_w, bar_w, row_h) = (150, 560, 22);
    let height = 8 + groups.len() * row_h;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui,sans-serif\" font-size=\"12\">",
        esc(label),
        label_w + bar_w + 60
    );
    for (i, g) in groups.iter().enumerate() {
        let y = 4 + i * row_h;
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1d2433\">{}</text>",
            label_w - 6,
            y + 14,
            esc(&g.id)
        );
        let total = Decimal::from(g.units.max(1));
        let mut x = Decimal::from(label_w);
        for band in &basis.klasifikasi.bands {
            let n = g.bands.get(&band.label).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            let w = Decimal::from(n) * Decimal::from(bar_w) / total;
            let _ = write!(
                s,
                "<rect class=\"band-bar\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}: {n}</title></rect>",
                coord(x),
                coord(w),
                row_h - 6,
                esc(&band.colour),
                esc(&band.label)
            );
            x += w;
        }
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" fill=\"#1d2433\">{}</text>",
            label_w + bar_w + 4,
            y + 14,
            g.units
        );
    }
    s.push_str("</svg>\n");
    s
}

/// A column per band, headed by its initials in its colour (the legend above names them).
fn band_headers(s: &mut String, basis: &Basis) {
    for b in &basis.klasifikasi.bands {
        let _ = write!(
            s,
            "<th title=\"{}\" style=\"background:{};color:#fff\">{}</th>",
            esc(&b.label),
            esc(&b.colour),
            esc(&crate::rekap::initials(&b.label))
        );
    }
}

/// One cell per band of the counts, in the bands' order.
fn band_cells(s: &mut String, counts: &std::collections::BTreeMap<String, u64>, basis: &Basis) {
    for band in &basis.klasifikasi.bands {
        let n = counts.get(&band.label).copied().unwrap_or(0);
        let _ = write!(s, "<td class=\"num\">{n}</td>");
    }
}

/// A table of figures over the units, one row per indikator (or sasaran):
/// how many units, per band, the mean and the median. `title` and `what`
/// are HTML already.
fn figures_table(
    s: &mut String,
    basis: &Basis,
    title: &str,
    what: &str,
    rows: &std::collections::BTreeMap<String, sakip_core::rekap::IndicatorSummary>,
    lang: Lang,
) {
    let w = |id: &'static str| esc(&Text::new(id).render(lang));
    let _ = write!(
        s,
        "<h2>{title}</h2>\n<div class=\"scroll\"><table class=\"indicators\"><thead><tr><th>{what}</th><th>Satker</th>"
    );
    band_headers(s, basis);
    let _ = writeln!(
        s,
        "<th>{}</th><th>{}</th></tr></thead><tbody>",
        w("rekap-html-mean"),
        w("rekap-html-median")
    );
    for (id, ind) in rows {
        // Units whose data says it was not measured are not in the count: said beside it.
        let not_measured = match ind.not_measured {
            0 => String::new(),
            n => format!("<span class=\"id\">{} {n}</span>", number_text::NOT_MEASURED),
        };
        let _ = write!(
            s,
            "<tr><td>{}<span class=\"id\">{}</span></td><td class=\"num\">{}{not_measured}</td>",
            esc(&ind.name),
            esc(id),
            ind.capaian.count() + ind.without_capaian
        );
        band_cells(s, &ind.bands, basis);
        let _ = writeln!(
            s,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            ind.capaian
                .mean(basis.capaian)
                .map(number_text::id)
                .unwrap_or_else(|| "-".into()),
            ind.capaian
                .median(basis.capaian)
                .map(number_text::id)
                .unwrap_or_else(|| "-".into())
        );
    }
    s.push_str("</tbody></table></div>\n");
}

/// How many units a list on the page names before it says "and N more":
/// the page stays readable at a ministry's size; the JSON and the workbook
/// name every one.
const NAMED: usize = 20;

/// Each level's own indikator, computed from its units in the run: the
/// level's target, realisasi, capaian and band, how many units counted, and
/// those that did not, with why.
fn regional(s: &mut String, rollup: &Rollup, lang: Lang) {
    let w = |id: &'static str| esc(&Text::new(id).render(lang));
    for level in &rollup.wilayah {
        let _ = writeln!(
            s,
            "<h2>{}</h2>\n<div class=\"scroll\"><table class=\"regional\"><thead><tr><th>{}</th><th>Target</th><th>Realisasi</th><th>Capaian</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(Text::new("rekap-wilayah")
                .arg("name", &level.name)
                .render(lang)
                .trim_end_matches(':')),
            w("rekap-html-indicator"),
            w("rekap-html-band"),
            w("rekap-html-counted"),
            w("rekap-html-not-counted")
        );
        for i in &level.indikator {
            let r = &i.result;
            let (label, colour) = r
                .band
                .as_ref()
                .map(|b| (b.label.as_str(), b.colour.as_str()))
                .unwrap_or(("", ""));
            let _ = writeln!(
                s,
                "<tr><td>{}<span class=\"id\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"band\" style=\"background:{}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                esc(&r.name),
                esc(&r.id),
                esc(&number_text::target_text(r)),
                esc(&number_text::realisasi_text(r)),
                esc(&number_text::capaian_text(r)),
                esc(colour),
                esc(label),
                i.counted,
                i.not_counted.len()
            );
        }
        s.push_str("</tbody></table></div>\n");
        for i in level.indikator.iter().filter(|i| !i.not_counted.is_empty()) {
            let _ = write!(
                s,
                "<details><summary>{}</summary><ul class=\"notes\">",
                esc(&Text::new("rekap-html-not-counted-list")
                    .arg("id", &i.result.id)
                    .arg("n", i.not_counted.len())
                    .render(lang))
            );
            for (who, why) in i.not_counted.iter().take(NAMED) {
                let _ = write!(s, "<li><b>{}</b>: {}</li>", esc(who), esc(&why.text().render(lang)));
            }
            more(s, i.not_counted.len(), lang);
            s.push_str("</ul></details>\n");
        }
    }
}

/// "and N more", when a list names only its first [`NAMED`].
fn more(s: &mut String, n: usize, lang: Lang) {
    if let Some(rest) = n.checked_sub(NAMED).filter(|r| *r > 0) {
        let _ = write!(
            s,
            "<li>{}</li>",
            esc(&Text::new("rekap-html-more").arg("n", rest).render(lang))
        );
    }
}

/// The year in progress: per indikator, the units whose capaian to date is
/// below 100, lowest first.
fn off_track(s: &mut String, rollup: &Rollup, lang: Lang) {
    if rollup.off_track.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<div class=\"scroll\"><table class=\"off-track\"><thead><tr><th>{}</th><th>Satker</th><th>{}</th></tr></thead><tbody>",
        esc(Text::new("rekap-off-track").render(lang).trim_end_matches(':')),
        esc(&Text::new("rekap-html-indicator").render(lang)),
        esc(&Text::new("rekap-html-off-track-units").render(lang))
    );
    for (id, units) in &rollup.off_track {
        let mut lowest: Vec<_> = units.iter().collect();
        lowest.sort_by(|a, b| a.capaian.cmp(&b.capaian).then_with(|| a.satker_id.cmp(&b.satker_id)));
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td><ul class=\"notes\">",
            esc(id),
            units.len()
        );
        for u in lowest.iter().take(NAMED) {
            let _ = write!(
                s,
                "<li>{} ({}): {}</li>",
                esc(&u.satker_id),
                esc(&u.kanwil_id),
                number_text::id(u.capaian)
            );
        }
        more(s, units.len(), lang);
        s.push_str("</ul></td></tr>\n");
    }
    s.push_str("</tbody></table></div>\n");
}

/// The rollup report page: per Kanwil, per indicator, the ranking, the
/// failures; its words in `lang` (the workbench's reader's, `--lang`).
pub fn render(rollup: &Rollup, lang: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        lang.code(),
        esc(&title(rollup, lang)),
        body(rollup, lang)
    )
}

/// The Rekap's title (plain text: the caller escapes it).
pub fn title(rollup: &Rollup, lang: Lang) -> String {
    Text::new("rekap-html-title").arg("year", rollup.year).render(lang)
}

/// The Rekap's contents, what its page holds in `<main>`: for a page that
/// frames it itself (the workbench) and adds the report's style to its own.
pub fn body(rollup: &Rollup, lang: Lang) -> String {
    let w = |id: &'static str| esc(&Text::new(id).render(lang));
    let basis = rollup.basis.clone().unwrap_or_default();
    let nasional = rollup.nasional();
    let groups: Vec<&Summary> = rollup.kanwil.values().chain([&nasional]).collect();
    let title = esc(&title(rollup, lang));
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<h1>{title}</h1>\n<p class=\"meta\">{}</p>",
        esc(&Text::new("rekap-html-meta")
            .arg("units", nasional.units)
            .arg("kanwil", rollup.kanwil.len())
            .arg("failed", rollup.failures.len())
            .render(lang))
    );
    if let Some(warning) = rollup.mixed_nasional() {
        let _ = writeln!(s, "<p class=\"sev-warning\">{}</p>", esc(&warning.render(lang)));
    }
    s.push_str("<ul class=\"legend\">");
    for b in &basis.klasifikasi.bands {
        let _ = write!(
            s,
            "<li style=\"background:{}\">{} = {} {}</li>",
            esc(&b.colour),
            esc(&crate::rekap::initials(&b.label)),
            esc(&b.label),
            esc(&number_text::band_range(b))
        );
    }
    s.push_str("</ul>\n");

    // Units by band per Kanwil.
    let _ = writeln!(s, "<h2>{}</h2>", w("rekap-html-by-band"));
    s.push_str(&bands_chart(
        &groups,
        &basis,
        &Text::new("rekap-html-by-band").render(lang),
    ));
    let _ = write!(
        s,
        "<div class=\"scroll\"><table class=\"kanwil\"><thead><tr><th>Kanwil</th><th>Satker</th><th>{}</th>",
        w("rekap-failed")
    );
    band_headers(&mut s, &basis);
    for tier in sakip_core::model::Tier::ALL {
        let _ = write!(
            s,
            "<th>{}</th>",
            esc(&Text::new("rekap-html-tier-mean-median")
                .arg("tier", tier.keyword())
                .render(lang))
        );
    }
    s.push_str("</tr></thead><tbody>\n");
    for g in &groups {
        let _ = write!(
            s,
            "<tr><td>{}<span class=\"id\">{}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            esc(&g.name),
            esc(&g.id),
            g.units,
            g.failed
        );
        band_cells(&mut s, &g.bands, &basis);
        let tiers = g.tiers();
        for tier in sakip_core::model::Tier::ALL {
            let text = tiers
                .get(&tier)
                .filter(|d| d.count() > 0)
                .map(|d| {
                    format!(
                        "{} / {}",
                        d.mean(basis.capaian).map(number_text::id).unwrap_or_default(),
                        d.median(basis.capaian).map(number_text::id).unwrap_or_default()
                    )
                })
                .unwrap_or_else(|| "-".into());
            let _ = write!(s, "<td class=\"num\">{text}</td>");
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table></div>\n");

    // Budget per Kanwil.
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<p class=\"meta\">{}</p>\n<div class=\"scroll\"><table class=\"budget\"><thead><tr><th>Kanwil</th><th>Pagu (Rp)</th><th>Realisasi (Rp)</th><th>{}</th></tr></thead><tbody>",
        w("rekap-html-budget"),
        w("rekap-html-budget-note"),
        w("rekap-html-absorption")
    );
    for g in &groups {
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&g.id),
            number_text::rupiah(g.pagu),
            number_text::rupiah(g.realisasi),
            g.penyerapan(basis.anggaran)
                .map(number_text::id)
                .unwrap_or_else(|| "-".into())
        );
    }
    s.push_str("</tbody></table></div>\n");

    // Per indicator, nationally; then per sasaran when the rules compute them.
    figures_table(
        &mut s,
        &basis,
        &w("rekap-html-per-indicator"),
        &w("rekap-html-indicator"),
        &nasional.indicators,
        lang,
    );
    if !nasional.sasaran.is_empty() {
        figures_table(
            &mut s,
            &basis,
            &w("rekap-html-per-sasaran"),
            "Sasaran",
            &nasional.sasaran,
            lang,
        );
    }

    regional(&mut s, rollup, lang);
    off_track(&mut s, rollup, lang);

    // Ranking.
    let _ = writeln!(
        s,
        "<h2>{}</h2>\n<div class=\"scroll\"><table class=\"ranking\"><thead><tr><th>No</th><th>Satker</th><th>Kanwil</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        w("rekap-html-ranking"),
        w("rekap-html-score"),
        w("rekap-html-band")
    );
    for (i, r) in rollup.ranking.iter().enumerate() {
        let band = r.band.as_deref().unwrap_or("");
        let _ = writeln!(
            s,
            "<tr><td class=\"num\">{}</td><td>{}<span class=\"id\">{}</span></td><td>{}</td><td class=\"num\">{}</td><td class=\"band\" style=\"background:{}\">{}</td></tr>",
            i + 1,
            esc(&r.satker_name),
            esc(&r.satker_id),
            esc(&r.kanwil_id),
            number_text::id(r.score),
            esc(&colour(&basis, band)),
            esc(band)
        );
    }
    s.push_str("</tbody></table></div>\n");

    // Failures.
    if !rollup.failures.is_empty() {
        let _ = writeln!(s, "<h2>{}</h2>\n<ul class=\"notes\">", w("rekap-html-failures"));
        for f in &rollup.failures {
            let _ = write!(s, "<li><b>{}</b> ({})<ul>", esc(&f.path), esc(&f.kanwil_id));
            for e in &f.errors {
                let _ = write!(s, "<li class=\"sev-error\">{}</li>", esc(&e.render(lang)));
            }
            s.push_str("</ul></li>\n");
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(s, "<p class=\"meta\">{}</p>", w("rekap-html-footer"));
    s
}

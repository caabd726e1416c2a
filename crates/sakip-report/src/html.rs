//! `report --format html`: chapter III as one self-contained page, to read
//! on a phone or print on A4. No network: styles and charts are inline, the
//! charts are SVG drawn here. Labels are Indonesian, or English on request.

use crate::number_text;
use sakip_core::evaluate::IndicatorResult;
use sakip_core::klasifikasi::Klasifikasi;
use sakip_core::model::Tier;
use sakip_core::pembulatan::plain;
use sakip_core::{Decimal, Evaluation};
use std::fmt::Write as _;

use sakip_core::i18n::say;
/// The language of a report's words (the figures are the same).
pub use sakip_core::Lang;
use sakip_core::Problem;

/// The words of the report, in one language, from the catalogue.
pub(crate) struct Words {
    pub(crate) title: String,
    pub(crate) year: String,
    pub(crate) rules: String,
    pub(crate) legend: String,
    pub(crate) no: String,
    pub(crate) sasaran: String,
    pub(crate) indikator: String,
    pub(crate) target: String,
    pub(crate) realisasi: String,
    pub(crate) capaian: String,
    pub(crate) band: String,
    pub(crate) last_year: String,
    pub(crate) renstra: String,
    pub(crate) budget: String,
    pub(crate) jenis: String,
    pub(crate) pagu: String,
    pub(crate) penyerapan: String,
    pub(crate) chart: String,
    pub(crate) budget_chart: String,
    pub(crate) notes: String,
    pub(crate) none: String,
    pub(crate) score: String,
    pub(crate) projection: String,
    pub(crate) tiers: [String; 4],
}

impl Words {
    /// Every word, looked up once per page.
    pub(crate) fn of(lang: Lang) -> Self {
        Self {
            title: say(lang, "word-title"),
            year: say(lang, "word-year"),
            rules: say(lang, "word-rules"),
            legend: say(lang, "word-legend"),
            no: say(lang, "word-no"),
            sasaran: say(lang, "word-sasaran"),
            indikator: say(lang, "word-indikator"),
            target: say(lang, "word-target"),
            realisasi: say(lang, "word-realisasi"),
            capaian: say(lang, "word-capaian"),
            band: say(lang, "word-band"),
            last_year: say(lang, "word-last-year"),
            renstra: say(lang, "word-renstra"),
            budget: say(lang, "word-budget"),
            jenis: say(lang, "word-jenis"),
            pagu: say(lang, "word-pagu"),
            penyerapan: say(lang, "word-penyerapan"),
            chart: say(lang, "word-chart"),
            budget_chart: say(lang, "word-budget-chart"),
            notes: say(lang, "word-notes"),
            none: say(lang, "word-none"),
            score: say(lang, "word-score"),
            projection: say(lang, "word-projection"),
            tiers: [
                say(lang, "word-tier-strategis"),
                say(lang, "word-tier-program"),
                say(lang, "word-tier-kegiatan"),
                say(lang, "word-tier-output"),
            ],
        }
    }
}

/// Text escaped for HTML content and attributes.
pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A decimal as an SVG coordinate (plain notation, two decimals at most).
pub(crate) fn coord(v: Decimal) -> String {
    plain(v.round_dp(2).normalize())
}

/// The page's style, inline so that the file stands alone (no network, no
/// second file to lose): readable on a phone, printable on A4.
pub const STYLE: &str = "
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dde5;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1000px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0}
h2{font-size:1.15rem;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}
.meta{color:var(--muted);margin:0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.4em 0}
table{font-size:.92em}
th,td{border:1px solid var(--line);padding:3px 5px;vertical-align:top;text-align:left}
th{background:#f3f5f8;font-weight:600}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.band{color:#fff;font-weight:600}
.id{display:block;color:var(--muted);font-size:.8em;font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:6px;padding:0;list-style:none}
.legend li{padding:2px 8px;border-radius:3px;color:#fff;font-size:.9em}
.chart{width:100%;height:auto;max-width:100%}
.notes li{margin:.2em 0}
.flag{font-weight:700;text-decoration:none;margin-left:.3em}
.sev-warning{color:#8a5300}.sev-error{color:#b00020}.sev-info{color:var(--muted)}
@media (max-width:760px){body{font-size:14px}main{padding:10px}table{font-size:.78em}th,td{padding:2px 3px}}
@media screen and (max-width:600px){
table.cards{font-size:.95em}
table.cards thead{display:none}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards tr{border:1px solid var(--line);border-radius:6px;margin:.6em 0;padding:.3em .6em}
table.cards td{border:none;padding:2px 0;display:flex;justify-content:space-between;gap:1em;text-align:right;white-space:normal}
table.cards td::before{content:attr(data-label);font-weight:600;color:var(--muted);text-align:left;flex:none}
table.cards td.name{display:block;text-align:left;font-weight:600}
table.cards td.name::before{display:none}
table.cards td.band{padding:2px 6px;border-radius:3px}
table.cards td.band::before{color:#fff}
.chart-box .chart{min-width:660px}
}
@page{size:A4;margin:14mm}
@media print{main{max-width:none;padding:0}.scroll{overflow:visible}h2{break-after:avoid}tr,svg{break-inside:avoid}body{font-size:10pt}table{font-size:8.5pt}th,td{padding:2px 3px}}
";

/// The whole report page: self-contained (styles and SVG charts inline),
/// in the language asked.
pub fn render(ev: &Evaluation, klasifikasi: &Klasifikasi, lang: Lang) -> String {
    render_with_receipt(ev, klasifikasi, lang, None)
}

/// [`render`], with the receipt's result hash in the footer when there is
/// one (`report --receipt`), so that a printed page can be checked.
pub fn render_with_receipt(ev: &Evaluation, klasifikasi: &Klasifikasi, lang: Lang, receipt: Option<&str>) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        if lang == Lang::En { "en" } else { "id" },
        esc(&title(ev, lang)),
        body(ev, klasifikasi, lang, receipt)
    )
}

/// The report's title: the report's name, the unit's, the year (plain
/// text: the caller escapes it).
pub fn title(ev: &Evaluation, lang: Lang) -> String {
    let w = &Words::of(lang);
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let until = number_text::until_text(ev, lang)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    format!("{} {} {}{until}", w.title, satker, ev.year)
}

/// The report's contents, what its page holds in `<main>`: for a page
/// that frames it itself (the workbench, with its header and its script)
/// and adds [`STYLE`] to its own.
/// The capaian of each sasaran of `tier`, and of the tier, when the rules
/// make them (`capaian sasaran`, `capaian jenjang`): a row each.
fn combined_rows(o: &mut String, ev: &Evaluation, tier: sakip_core::model::Tier, w: &Words) {
    let rows: Vec<&sakip_core::evaluate::CapaianGabungan> = ev
        .sasaran
        .iter()
        .chain(&ev.jenjang)
        .filter(|g| g.tier == tier)
        .collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "<div class=\"scroll\"><table class=\"combined\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&w.sasaran),
        esc(&w.capaian),
        esc(&w.band)
    );
    for g in rows {
        let band = match &g.band {
            Some(b) => format!(
                "<td class=\"band\" style=\"background:{}\">{}</td>",
                esc(&b.colour),
                esc(&b.label)
            ),
            None => "<td>—</td>".to_string(),
        };
        let _ = writeln!(
            o,
            "<tr><td>{}<span class=\"id\">{}</span></td><td class=\"num\"><strong>{}</strong></td>{band}</tr>",
            esc(&g.name),
            esc(&g.code),
            esc(&number_text::percent_text(g.capaian))
        );
    }
    o.push_str("</tbody></table></div>\n");
}

pub fn body(ev: &Evaluation, klasifikasi: &Klasifikasi, lang: Lang, receipt: Option<&str>) -> String {
    let w = &Words::of(lang);
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    let mut o = String::new();
    let _ = writeln!(o, "<h1>{} {}</h1>", esc(&w.title), esc(satker));
    let chain: Vec<String> = ev.chain.iter().map(|r| esc(&r.name)).collect();
    let until = number_text::until_text(ev, lang)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "<p class=\"meta\">{} {}{} · {}: {}</p>",
        w.year,
        ev.year,
        esc(&until),
        w.rules,
        chain.join(" → ")
    );
    if let Some(n) = &ev.nilai {
        let _ = writeln!(
            o,
            "<p class=\"meta\">{}: <strong>{}</strong></p>",
            w.score,
            number_text::id(n.value)
        );
    }
    let _ = writeln!(o, "<h2>{}</h2>\n<ul class=\"legend\">", w.legend);
    for b in &klasifikasi.bands {
        let _ = writeln!(
            o,
            "<li style=\"background:{}\">{} {}</li>",
            esc(&b.colour),
            esc(&b.label),
            esc(&number_text::band_range(b))
        );
    }
    o.push_str("</ul>\n");

    for (i, tier) in Tier::ALL.into_iter().enumerate() {
        let rows: Vec<&IndicatorResult> = ev.indicators.iter().filter(|r| r.tier == tier).collect();
        if rows.is_empty() {
            continue;
        }
        let title = w.tiers.get(i).map(String::as_str).unwrap_or("");
        let (last, renstra) = number_text::comparison_years(&rows);
        let _ = writeln!(
            o,
            "<h2>{title}</h2>\n<div class=\"scroll\"><table class=\"cards\">\n<thead><tr>"
        );
        for h in [
            &w.no,
            &w.sasaran,
            &w.indikator,
            &w.target,
            &w.realisasi,
            &w.capaian,
            &w.band,
        ] {
            let _ = write!(o, "<th>{h}</th>");
        }
        // The year in progress: the year-end projection beside the figures to date.
        let projection = &w.projection;
        if ev.until.is_some() {
            let _ = write!(o, "<th>{}</th>", esc(projection));
        }
        if let Some(y) = last {
            let _ = write!(o, "<th>{} {y} (%)</th>", w.last_year);
        }
        if let Some(y) = renstra {
            let _ = write!(o, "<th>{} {y} (%)</th>", w.renstra);
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        // Each cell carries its column's name: on a phone the table reflows
        // into one card per indicator, each figure beside its name.
        let label = |s: &str| esc(s);
        let last_label = last.map(|y| format!("{} {y} (%)", w.last_year)).unwrap_or_default();
        let renstra_label = renstra.map(|y| format!("{} {y} (%)", w.renstra)).unwrap_or_default();
        for (n, r) in rows.iter().enumerate() {
            let band = match &r.band {
                Some(b) => format!(
                    "<td class=\"band\" data-label=\"{}\" style=\"background:{}\">{}</td>",
                    label(&w.band),
                    esc(&b.colour),
                    esc(&b.label)
                ),
                None => format!("<td data-label=\"{}\">—</td>", label(&w.band)),
            };
            // A finding about this indicator (a wrongly printed capaian, a
            // figure that could not be computed) is marked beside its
            // capaian and linked to its note, not only listed at the foot.
            let flag = ev
                .diagnostics
                .iter()
                .enumerate()
                .find(|(_, d)| {
                    d.indicator.as_deref() == Some(r.id.as_str()) && d.severity != sakip_core::Severity::Info
                })
                .map(|(k, d)| {
                    format!(
                        "<a class=\"flag sev-{}\" href=\"#catatan-{}\" title=\"{}\">(!)</a>",
                        d.severity,
                        k + 1,
                        esc(&d.message_in(lang))
                    )
                })
                .unwrap_or_default();
            let _ = write!(
                o,
                "<tr><td class=\"num\" data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td class=\"name\" data-label=\"{}\">{}<span class=\"id\">{}</span></td><td class=\"num\" data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}{flag}</td>{band}",
                label(&w.no),
                n + 1,
                label(&w.sasaran),
                esc(&r.sasaran),
                label(&w.indikator),
                esc(&r.name),
                esc(&r.id),
                label(&w.target),
                esc(&number_text::target_text(r)),
                label(&w.realisasi),
                esc(&number_text::realisasi_text(r)),
                label(&w.capaian),
                esc(&number_text::capaian_text(r))
            );
            if ev.until.is_some() {
                let _ = write!(
                    o,
                    "<td class=\"num\" data-label=\"{}\">{}</td>",
                    esc(projection),
                    esc(&number_text::proyeksi_text(r))
                );
            }
            if last.is_some() {
                let _ = write!(
                    o,
                    "<td class=\"num\" data-label=\"{}\">{}</td>",
                    esc(&last_label),
                    esc(&number_text::percent_text(
                        r.tahun_lalu.as_ref().and_then(|p| p.capaian)
                    ))
                );
            }
            if renstra.is_some() {
                let _ = write!(
                    o,
                    "<td class=\"num\" data-label=\"{}\">{}</td>",
                    esc(&renstra_label),
                    esc(&number_text::renstra_text(r))
                );
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody></table></div>\n");
        combined_rows(&mut o, ev, tier, w);
        let _ = writeln!(o, "<p class=\"meta\">{}</p>", w.chart);
        // A chart keeps a readable size: on a narrow screen it scrolls in its box.
        let _ = writeln!(
            o,
            "<div class=\"scroll chart-box\">{}</div>",
            capaian_chart(&rows, title)
        );
    }

    if !ev.anggaran.belanja.is_empty() {
        let _ = writeln!(o, "<h2>{}</h2>\n<div class=\"scroll\"><table>", w.budget);
        let _ = writeln!(
            o,
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            w.jenis, w.pagu, w.realisasi, w.penyerapan
        );
        for b in &ev.anggaran.belanja {
            let strong = b.name == sakip_core::anggaran::TOTAL;
            let (a, z) = if strong { ("<strong>", "</strong>") } else { ("", "") };
            let _ = writeln!(
                o,
                "<tr><td>{a}{}{z}</td><td class=\"num\">{a}{}{z}</td><td class=\"num\">{a}{}{z}</td><td class=\"num\">{a}{}{z}</td></tr>",
                esc(&b.name),
                esc(&number_text::rupiah(b.pagu)),
                esc(&number_text::rupiah(b.realisasi)),
                esc(&number_text::percent_text(b.penyerapan))
            );
        }
        o.push_str("</tbody></table></div>\n");
        let _ = writeln!(
            o,
            "<div class=\"scroll chart-box\">{}</div>",
            budget_chart(ev, &w.budget_chart)
        );
    }

    let _ = writeln!(o, "<h2>{}</h2>", w.notes);
    if ev.diagnostics.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", w.none);
    } else {
        o.push_str("<ul class=\"notes\">\n");
        for (k, d) in ev.diagnostics.iter().enumerate() {
            let who = d
                .indicator
                .as_ref()
                .map(|i| format!(" <code>{}</code>:", esc(i)))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<li id=\"catatan-{}\"><span class=\"sev-{}\">{}</span> <code>{}</code>{who} {}</li>",
                k + 1,
                d.severity,
                esc(&d.severity.word(lang)),
                esc(d.code.as_str()),
                esc(&d.message_in(lang))
            );
        }
        o.push_str("</ul>\n");
    }
    if let Some(hash) = receipt {
        let _ = writeln!(
            o,
            "<footer class=\"receipt\"><p>{}</p></footer>",
            esc(&sakip_core::Text::new("report-receipt").arg("hash", hash).render(lang))
        );
    }
    o
}

/// Horizontal bars, one per indicator, on a 0-120 scale with a line at 100,
/// each in its band's colour.
pub(crate) fn capaian_chart(rows: &[&IndicatorResult], title: &str) -> String {
    let (label_w, bar_w, row_h) = (230, 520, 22);
    let scale = |v: Decimal| -> Decimal {
        let clamped = v.max(Decimal::ZERO).min(Decimal::from(120));
        clamped * Decimal::from(bar_w) / Decimal::from(120)
    };
    let height = 30 + rows.len() * row_h;
    let width = label_w + bar_w + 70;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui,sans-serif\" font-size=\"12\">",
        esc(title)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 10 + i * row_h;
        let value = r.capaian.unwrap_or(Decimal::ZERO);
        let colour = r.band.as_ref().map(|b| b.colour.as_str()).unwrap_or("#9aa3b2");
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1d2433\">{}</text><rect class=\"bar\" data-id=\"{}\" x=\"{label_w}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" fill=\"#1d2433\">{}</text>",
            label_w - 6,
            y + 14,
            esc(&r.id),
            esc(&r.id),
            coord(scale(value)),
            row_h - 6,
            esc(colour),
            coord(Decimal::from(label_w) + scale(value) + Decimal::from(4)),
            y + 14,
            esc(&number_text::capaian_text(r))
        );
    }
    let x100 = coord(Decimal::from(label_w) + scale(Decimal::ONE_HUNDRED));
    let _ = writeln!(
        s,
        "<line x1=\"{x100}\" y1=\"4\" x2=\"{x100}\" y2=\"{}\" stroke=\"#1d2433\" stroke-dasharray=\"4 3\"/><text x=\"{x100}\" y=\"{}\" text-anchor=\"middle\" fill=\"#5b6475\">100</text>",
        height - 14,
        height - 2
    );
    s.push_str("</svg>\n");
    s
}

/// Absorption per jenis belanja, 0-100%.
pub(crate) fn budget_chart(ev: &Evaluation, title: &str) -> String {
    let rows: Vec<_> = ev
        .anggaran
        .belanja
        .iter()
        .filter(|b| b.name != sakip_core::anggaran::TOTAL)
        .collect();
    let (label_w, bar_w, row_h) = (160, 520, 24);
    let height = 12 + rows.len() * row_h;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} {height}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui,sans-serif\" font-size=\"12\">",
        esc(title),
        label_w + bar_w + 70
    );
    for (i, b) in rows.iter().enumerate() {
        let y = 6 + i * row_h;
        let p = b
            .penyerapan
            .unwrap_or(Decimal::ZERO)
            .max(Decimal::ZERO)
            .min(Decimal::ONE_HUNDRED);
        let width = p * Decimal::from(bar_w) / Decimal::ONE_HUNDRED;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1d2433\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"{}\" fill=\"#eef0f4\"/><rect class=\"budget-bar\" x=\"{label_w}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"#1565c0\"/><text x=\"{}\" y=\"{}\" fill=\"#1d2433\">{}</text>",
            label_w - 6,
            y + 15,
            esc(&b.name),
            row_h - 6,
            coord(width),
            row_h - 6,
            label_w + bar_w + 4,
            y + 15,
            esc(&number_text::percent_text(b.penyerapan))
        );
    }
    s.push_str("</svg>\n");
    s
}

//! `eval --format md`: the chapter III tables as Markdown, to paste into a
//! report or a wiki. Figures are printed the Indonesian way; the headings
//! are the LKjIP's own (Indonesian), the findings follow `--lang`.

use crate::number_text;
use sakip_core::model::Tier;
use sakip_core::{Evaluation, Lang, Problem};
use std::fmt::Write as _;

/// Text from the rules (a name, a label, a message) as Markdown shows it
/// literally: a renderer passes HTML through and turns `[..](..)` into a
/// link, so a name like `<img src=x onerror=..>` in a downloaded report
/// would run in whatever wiki it is pasted into. HTML's three characters
/// become entities, link brackets and table bars are escaped, and line
/// breaks folded.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Chapter III as Markdown tables, one per tier, then the budget and the findings.
pub fn render(ev: &Evaluation, lang: Lang) -> String {
    render_with_legend(ev, None, lang)
}

/// The tables, preceded by the classification legend when one is given
/// (`sakip report` gives it; `eval --format md` prints the tables alone).
pub fn render_with_legend(
    ev: &Evaluation,
    legend: Option<&sakip_core::klasifikasi::Klasifikasi>,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let title = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("(tanpa satker)");
    // The year in progress: "s.d. Triwulan II" (the report is Indonesian).
    let until = number_text::until_text(ev, Lang::Id)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let _ = writeln!(out, "# Capaian Kinerja {} Tahun {}{until}\n", cell(title), ev.year);
    if let Some(k) = legend {
        let _ = writeln!(out, "Klasifikasi capaian:\n");
        for b in &k.bands {
            let _ = writeln!(out, "- {} ({}): {}", cell(&b.label), b.id, number_text::band_range(b));
        }
        out.push('\n');
    }
    for tier in Tier::ALL {
        let rows: Vec<_> = ev.indicators.iter().filter(|r| r.tier == tier).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", tier.title());
        let (last_year, renstra_year) = number_text::comparison_years(&rows);
        let mut header = String::from("| No | Sasaran | Indikator | Target | Realisasi | Capaian (%) | Klasifikasi |");
        let mut rule = String::from("|---:|---|---|---:|---:|---:|---|");
        if let Some(p) = ev.until {
            header = format!(
                "| No | Sasaran | Indikator | Target {p} | Realisasi s.d. {p} | Capaian (%) | Klasifikasi | Proyeksi akhir tahun |"
            );
            rule.push_str("---:|");
        }
        if let Some(y) = last_year {
            header.push_str(&format!(" Capaian {y} (%) |"));
            rule.push_str("---:|");
        }
        if let Some(y) = renstra_year {
            header.push_str(&format!(" Progres ke target Renstra {y} (%) |"));
            rule.push_str("---:|");
        }
        let _ = writeln!(out, "{header}\n{rule}");
        for (i, r) in rows.iter().enumerate() {
            let mut extra = String::new();
            if ev.until.is_some() {
                extra.push_str(&format!(" {} |", number_text::proyeksi_text(r)));
            }
            if last_year.is_some() {
                extra.push_str(&format!(
                    " {} |",
                    number_text::percent_text(r.tahun_lalu.as_ref().and_then(|p| p.capaian))
                ));
            }
            if renstra_year.is_some() {
                extra.push_str(&format!(" {} |", number_text::renstra_text(r)));
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |{extra}",
                i + 1,
                cell(&r.sasaran),
                cell(&r.name),
                number_text::target_text(r),
                number_text::realisasi_text(r),
                number_text::capaian_text(r),
                r.band.as_ref().map(|b| cell(&b.label)).unwrap_or_else(|| "—".into()),
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        out.push('\n');
        for r in &rows {
            if !seen.contains(&r.sasaran.as_str()) {
                seen.push(&r.sasaran);
                // The sasaran's capaian, when the rules make one.
                let figure = ev
                    .sasaran
                    .iter()
                    .find(|g| g.code == r.sasaran)
                    .map(|g| format!(" — capaian {}", combined(g)))
                    .unwrap_or_default();
                let _ = writeln!(out, "- **{}**: {}{figure}", cell(&r.sasaran), cell(&r.sasaran_name));
            }
        }
        if let Some(g) = ev.jenjang.iter().find(|g| g.tier == tier) {
            let _ = writeln!(out, "\n**Capaian {}**: {}", cell(&g.name), combined(g));
        }
        out.push('\n');
    }
    if let Some(n) = &ev.nilai {
        let _ = writeln!(
            out,
            "**Nilai kinerja satker**: {} ({})\n",
            number_text::id(n.value),
            cell(&n.source)
        );
    }
    if !ev.anggaran.belanja.is_empty() {
        let _ = writeln!(out, "## Anggaran per Jenis Belanja\n");
        let _ = writeln!(out, "| Jenis Belanja | Pagu | Realisasi | Penyerapan (%) |");
        let _ = writeln!(out, "|---|---:|---:|---:|");
        for b in &ev.anggaran.belanja {
            let name = if b.name == sakip_core::anggaran::TOTAL {
                format!("**{}**", cell(&b.name))
            } else {
                cell(&b.name)
            };
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} |",
                number_text::rupiah(b.pagu),
                number_text::rupiah(b.realisasi),
                number_text::percent_text(b.penyerapan)
            );
        }
        out.push('\n');
    }
    if !ev.diagnostics.is_empty() {
        let _ = writeln!(out, "## Catatan\n");
        for d in &ev.diagnostics {
            let who = d.indicator.as_ref().map(|i| format!(" `{i}`:")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}** `{}`{who} {}",
                d.severity.word(lang),
                d.code,
                cell(&d.message_in(lang))
            );
        }
    }
    out
}

/// A sasaran's or a tier's capaian and its band: `53,30 (Belum)`.
fn combined(g: &sakip_core::evaluate::CapaianGabungan) -> String {
    let band = g
        .band
        .as_ref()
        .map(|b| format!(" ({})", cell(&b.label)))
        .unwrap_or_default();
    format!("{}{band}", number_text::percent_text(g.capaian))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn names_are_shown_not_run() {
        assert_eq!(
            cell("<img src=x onerror=alert(1)> & [klik](javascript:x) | a\nb"),
            "&lt;img src=x onerror=alert(1)&gt; &amp; \\[klik\\](javascript:x) \\| a b"
        );
        assert_eq!(cell("Sarana (%)"), "Sarana (%)");
    }
}

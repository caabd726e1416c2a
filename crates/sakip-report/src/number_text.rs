//! Numbers as an Indonesian report prints them: a comma before decimals and
//! dots between thousands (`1.938.261.000`, `41,93`).

use sakip_core::Decimal;

/// `41.93` -> `41,93`; `1938261000` -> `1.938.261.000`.
pub fn id(value: Decimal) -> String {
    let text = value.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    match frac {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A value with its unit, the way the report's tables print targets and
/// realisasi: `75%`, `1 Layanan`, `77,5`.
pub fn with_unit(value: Decimal, unit: &sakip_core::satuan::Satuan) -> String {
    if unit.is_percent() {
        format!("{}%", id(value))
    } else if unit.as_str() == "indeks" {
        id(value)
    } else {
        format!("{} {}", id(value), unit.display())
    }
}

/// A target or realisasi of `r`: a qualitative indikator's value as
/// written (`WTP`), else the number with its unit.
fn figure_text(r: &sakip_core::IndicatorResult, v: Decimal, unit: &sakip_core::satuan::Satuan) -> String {
    match &r.skala {
        Some(s) => s.show(v),
        None => with_unit(v, unit),
    }
}

/// An indicator's target as its table prints it, `—` when there is none.
pub fn target_text(r: &sakip_core::IndicatorResult) -> String {
    r.target
        .map(|v| figure_text(r, v, &r.satuan))
        .unwrap_or_else(|| "—".into())
}

/// What a report prints for a figure that was not measured this year
/// (`tidak diukur`), as LKjIP tables print it.
pub const NOT_MEASURED: &str = "n/a";

/// An indicator's realisasi in the unit it was written in (which may not
/// be the indicator's: the table shows the mismatch as written); `n/a`
/// when it was not measured, `—` when it is missing.
pub fn realisasi_text(r: &sakip_core::IndicatorResult) -> String {
    if r.tidak_diukur.is_some() {
        return NOT_MEASURED.into();
    }
    let unit = r.realisasi_satuan.as_ref().unwrap_or(&r.satuan);
    r.realisasi
        .map(|v| figure_text(r, v, unit))
        .unwrap_or_else(|| "—".into())
}

/// An indicator's capaian: `n/a` when it was not measured, `—` when it
/// could not be computed.
pub fn capaian_text(r: &sakip_core::IndicatorResult) -> String {
    if r.tidak_diukur.is_some() {
        return NOT_MEASURED.into();
    }
    percent_text(r.capaian)
}

/// The year in progress: the year's end as the figures to date point to
/// it, `34 → 85,00 (linear)`; `—` when there is none.
pub fn proyeksi_text(r: &sakip_core::IndicatorResult) -> String {
    match &r.proyeksi {
        Some(p) => format!(
            "{} → {} ({})",
            figure_text(r, p.realisasi, &r.satuan),
            percent_text(p.capaian),
            p.metode.keyword()
        ),
        None => "—".into(),
    }
}

/// "up to the end of Triwulan II" in `lang`, for a title, when the year is
/// in progress.
pub fn until_text(ev: &sakip_core::Evaluation, lang: sakip_core::Lang) -> Option<String> {
    ev.until.map(|p| {
        sakip_core::Text::new("word-until")
            .arg("period", p.to_string())
            .render(lang)
    })
}

/// A capaian or penyerapan, `—` when there is none.
pub fn percent_text(v: Option<Decimal>) -> String {
    v.map(id).unwrap_or_else(|| "—".into())
}

/// The years of the comparison columns of a table, when one of its rows
/// has them: last year (capaian) and the Renstra's last year (progress).
pub fn comparison_years(rows: &[&sakip_core::IndicatorResult]) -> (Option<u16>, Option<u16>) {
    let last = rows.iter().find_map(|r| r.tahun_lalu.as_ref().map(|p| p.year));
    let renstra = rows.iter().find_map(|r| r.renstra.as_ref().map(|p| p.year));
    (last, renstra)
}

/// Progress towards the Renstra target, and the target: `98,13 (80)`.
pub fn renstra_text(r: &sakip_core::IndicatorResult) -> String {
    match &r.renstra {
        Some(p) => format!("{} ({})", percent_text(p.progress), figure_text(r, p.target, &r.satuan)),
        None => "—".into(),
    }
}

/// A band's range as a reader writes it: `100–120`, `80–<100`, `<60`,
/// `>80–90`, `>90`.
pub fn band_range(b: &sakip_core::klasifikasi::Band) -> String {
    let above = |l: sakip_core::klasifikasi::Bound| if l.inclusive { "" } else { ">" };
    match (b.lower, b.upper) {
        (Some(l), Some(u)) if u.inclusive => format!("{}{}–{}", above(l), id(l.value), id(u.value)),
        (Some(l), Some(u)) => format!("{}{}–<{}", above(l), id(l.value), id(u.value)),
        (Some(l), None) if !l.inclusive => format!(">{}", id(l.value)),
        (Some(l), None) => format!("≥{}", id(l.value)),
        (None, Some(u)) if u.inclusive => format!("≤{}", id(u.value)),
        (None, Some(u)) => format!("<{}", id(u.value)),
        (None, None) => "semua".to_string(),
    }
}

/// Rupiah the Indonesian way: `Rp 1.938.261.000`.
pub fn rupiah(value: Decimal) -> String {
    sakip_core::anggaran::rupiah(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn indonesian_numbers() {
        assert_eq!(id(d("41.93")), "41,93");
        assert_eq!(id(d("1938261000")), "1.938.261.000");
        assert_eq!(id(d("-1234.5")), "-1.234,5");
        assert_eq!(id(d("0.00")), "0,00");
        assert_eq!(id(d("100")), "100");
    }

    #[test]
    fn band_ranges_say_which_end_is_in() {
        use sakip_core::klasifikasi::{Band, Bound};
        let band = |lower: Option<(&str, bool)>, upper: Option<(&str, bool)>| Band {
            id: "b".into(),
            label: "B".into(),
            colour: "#000000".into(),
            lower: lower.map(|(v, inclusive)| Bound { value: d(v), inclusive }),
            upper: upper.map(|(v, inclusive)| Bound { value: d(v), inclusive }),
        };
        assert_eq!(band_range(&band(Some(("100", true)), Some(("120", true)))), "100–120");
        assert_eq!(band_range(&band(Some(("80", true)), Some(("100", false)))), "80–<100");
        assert_eq!(band_range(&band(Some(("80", false)), Some(("90", true)))), ">80–90");
        assert_eq!(band_range(&band(Some(("90", false)), None)), ">90");
        assert_eq!(band_range(&band(Some(("95", true)), None)), "≥95");
        assert_eq!(band_range(&band(None, Some(("50", true)))), "≤50");
        assert_eq!(
            band_range(&band(Some(("82.5", false)), Some(("90", false)))),
            ">82,5–<90"
        );
    }
}

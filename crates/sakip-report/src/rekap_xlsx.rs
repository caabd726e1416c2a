//! `rollup --format xlsx`: the rollup report as a workbook. Sheets: Kanwil
//! (units per band, mean and median per tier), Anggaran (pagu, realisasi
//! and penyerapan per Kanwil from sums), Indikator (each indicator's
//! distribution over bands and its mean), Sasaran (each sasaran per
//! Kanwil, when the rules compute them), Indikator Wilayah and Tidak
//! Dihitung (each level's own indikator from its units, and the units left
//! out, when the rules have such indikator), Belum Sesuai Rencana (the
//! units off track, at a period), Peringkat (units by score, bands as
//! fills) and Gagal (units that failed). Numbers are number cells.
//!
//! The workbook is an Indonesian document, like the LKjIP it summarises:
//! its sheet names and headings are Indonesian whatever `--lang` says (the
//! page of `--format html` is the one with an English version).

use crate::xlsx::{band_fill, data_row, formats, new_sheet, number, page_setup, write_opt, Formats};
use rust_xlsxwriter::{Workbook, XlsxError};
use sakip_core::rekap::{Rollup, Summary};

/// The rollup workbook: a sheet per summary, numbers as number cells.
pub fn render(rollup: &Rollup) -> Result<Vec<u8>, XlsxError> {
    let basis = rollup.basis.clone().unwrap_or_default();
    let f = formats();
    let mut wb = Workbook::new();
    let nasional = rollup.nasional();
    let groups: Vec<&Summary> = rollup.kanwil.values().chain([&nasional]).collect();
    let bands: Vec<&str> = basis.klasifikasi.bands.iter().map(|b| b.label.as_str()).collect();
    let tiers = sakip_core::model::Tier::ALL;

    let mut headers = vec!["Kanwil".to_string(), "Nama".into(), "Satker".into(), "Gagal".into()];
    headers.extend(bands.iter().map(|b| (*b).to_string()));
    for t in tiers {
        headers.push(format!("{} rata-rata", t.keyword()));
        headers.push(format!("{} median", t.keyword()));
    }
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut widths = vec![16.0, 40.0, 9.0, 9.0];
    widths.extend(std::iter::repeat_n(12.0, bands.len() + 2 * tiers.len()));
    let ws = new_sheet(&mut wb, "Kanwil", &header_refs, &widths, &f)?;
    for (i, g) in groups.iter().enumerate() {
        let row = data_row(i);
        ws.write_string(row, 0, &g.id)?;
        ws.write_string_with_format(row, 1, &g.name, &f.text)?;
        ws.write_number(row, 2, g.units as f64)?;
        ws.write_number(row, 3, g.failed as f64)?;
        let mut col = 4u16;
        for b in &bands {
            ws.write_number(row, col, g.bands.get(*b).copied().unwrap_or(0) as f64)?;
            col += 1;
        }
        let by_tier = g.tiers();
        for t in tiers {
            let d = by_tier.get(&t);
            for v in [
                d.and_then(|d| d.mean(basis.capaian)),
                d.and_then(|d| d.median(basis.capaian)),
            ] {
                write_opt(ws, row, col, v, &f.decimal)?;
                col += 1;
            }
        }
    }
    page_setup(ws)?;

    let ws = new_sheet(
        &mut wb,
        "Anggaran",
        &["Kanwil", "Pagu", "Realisasi", "Penyerapan (%)"],
        &[16.0, 20.0, 20.0, 14.0],
        &f,
    )?;
    for (i, g) in groups.iter().enumerate() {
        let row = data_row(i);
        ws.write_string(row, 0, &g.id)?;
        ws.write_number_with_format(row, 1, number(g.pagu), &f.money)?;
        ws.write_number_with_format(row, 2, number(g.realisasi), &f.money)?;
        write_opt(ws, row, 3, g.penyerapan(basis.anggaran), &f.decimal)?;
    }
    page_setup(ws)?;

    let mut headers = vec!["Id".to_string(), "Indikator".into(), "Tingkat".into(), "Satker".into()];
    headers.extend(bands.iter().map(|b| (*b).to_string()));
    headers.push("Rata-rata (%)".into());
    headers.push("Median (%)".into());
    // Units whose data says `tidak diukur`: not in `Satker`, said apart (last,
    // so that every other column keeps its place).
    headers.push("Tidak diukur".into());
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut widths = vec![18.0, 48.0, 12.0, 9.0];
    widths.extend(std::iter::repeat_n(12.0, bands.len() + 3));
    let ws = new_sheet(&mut wb, "Indikator", &header_refs, &widths, &f)?;
    for (i, (id, ind)) in nasional.indicators.iter().enumerate() {
        let row = data_row(i);
        ws.write_string(row, 0, id)?;
        ws.write_string_with_format(row, 1, &ind.name, &f.text)?;
        ws.write_string(row, 2, ind.tier.map(|t| t.keyword()).unwrap_or(""))?;
        ws.write_number(row, 3, (ind.capaian.count() + ind.without_capaian) as f64)?;
        let mut col = 4u16;
        for b in &bands {
            ws.write_number(row, col, ind.bands.get(*b).copied().unwrap_or(0) as f64)?;
            col += 1;
        }
        for v in [ind.capaian.mean(basis.capaian), ind.capaian.median(basis.capaian)] {
            write_opt(ws, row, col, v, &f.decimal)?;
            col += 1;
        }
        ws.write_number(row, col, ind.not_measured as f64)?;
    }
    page_setup(ws)?;

    // Each sasaran per Kanwil and nationally, when the rules compute them.
    if !nasional.sasaran.is_empty() {
        let ws = new_sheet(
            &mut wb,
            "Sasaran",
            &["Kanwil", "Kode", "Sasaran", "Satker", "Rata-rata (%)", "Median (%)"],
            &[16.0, 10.0, 48.0, 9.0, 12.0, 12.0],
            &f,
        )?;
        let rows = groups
            .iter()
            .flat_map(|g| g.sasaran.iter().map(move |(code, s)| (&g.id, code, s)));
        for (i, (kanwil, code, s)) in rows.enumerate() {
            let row = data_row(i);
            ws.write_string(row, 0, kanwil)?;
            ws.write_string(row, 1, code)?;
            ws.write_string_with_format(row, 2, &s.name, &f.text)?;
            ws.write_number(row, 3, (s.capaian.count() + s.without_capaian) as f64)?;
            write_opt(ws, row, 4, s.capaian.mean(basis.capaian), &f.decimal)?;
            write_opt(ws, row, 5, s.capaian.median(basis.capaian), &f.decimal)?;
        }
        page_setup(ws)?;
    }

    regional(&mut wb, rollup, &f)?;
    off_track(&mut wb, rollup, &f)?;

    let ws = new_sheet(
        &mut wb,
        "Peringkat",
        &["No", "Satker", "Nama", "Kanwil", "Nilai", "Klasifikasi"],
        &[7.0, 18.0, 40.0, 16.0, 10.0, 20.0],
        &f,
    )?;
    for (i, r) in rollup.ranking.iter().enumerate() {
        let row = data_row(i);
        ws.write_number(row, 0, (i + 1) as f64)?;
        ws.write_string(row, 1, &r.satker_id)?;
        ws.write_string(row, 2, &r.satker_name)?;
        ws.write_string(row, 3, &r.kanwil_id)?;
        ws.write_number_with_format(row, 4, number(r.score), &f.decimal)?;
        let band = r.band.as_deref().unwrap_or("");
        match basis.klasifikasi.bands.iter().find(|b| b.label == band) {
            Some(b) => ws.write_string_with_format(row, 5, band, &band_fill(&b.colour))?,
            None => ws.write_string(row, 5, band)?,
        };
    }
    page_setup(ws)?;

    let ws = new_sheet(
        &mut wb,
        "Gagal",
        &["Satker", "Kanwil", "Kesalahan"],
        &[40.0, 16.0, 100.0],
        &f,
    )?;
    for (i, fail) in rollup.failures.iter().enumerate() {
        let row = data_row(i);
        ws.write_string(row, 0, &fail.path)?;
        ws.write_string(row, 1, &fail.kanwil_id)?;
        let errors: Vec<String> = fail.errors.iter().map(|e| e.render(sakip_core::Lang::Id)).collect();
        ws.write_string_with_format(row, 2, errors.join("\n"), &f.text)?;
    }
    page_setup(ws)?;
    wb.save_to_buffer()
}

/// Each level's own indikator, computed from its units in the run (sheet
/// Indikator Wilayah), and every unit not counted in one, with why (sheet
/// Tidak Dihitung); none when the rules have no such indikator.
fn regional(wb: &mut Workbook, rollup: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    if rollup.wilayah.is_empty() {
        return Ok(());
    }
    let ws = new_sheet(
        wb,
        "Indikator Wilayah",
        &[
            "Tingkat",
            "Nama",
            "Id",
            "Indikator",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Klasifikasi",
            "Satker dihitung",
            "Tidak dihitung",
        ],
        &[16.0, 32.0, 18.0, 48.0, 12.0, 12.0, 12.0, 20.0, 12.0, 12.0],
        f,
    )?;
    let rows = rollup
        .wilayah
        .iter()
        .flat_map(|w| w.indikator.iter().map(move |i| (w, i)));
    for (n, (w, i)) in rows.enumerate() {
        let row = data_row(n);
        let r = &i.result;
        ws.write_string(row, 0, &w.id)?;
        ws.write_string_with_format(row, 1, &w.name, &f.text)?;
        ws.write_string(row, 2, &r.id)?;
        ws.write_string_with_format(row, 3, &r.name, &f.text)?;
        write_opt(ws, row, 4, r.target, &f.decimal)?;
        write_opt(ws, row, 5, r.realisasi, &f.decimal)?;
        write_opt(ws, row, 6, r.capaian, &f.decimal)?;
        match &r.band {
            Some(b) => ws.write_string_with_format(row, 7, &b.label, &band_fill(&b.colour))?,
            None => ws.write_string(row, 7, "")?,
        };
        ws.write_number(row, 8, i.counted as f64)?;
        ws.write_number(row, 9, i.not_counted.len() as f64)?;
    }
    page_setup(ws)?;
    let ws = new_sheet(
        wb,
        "Tidak Dihitung",
        &["Tingkat", "Indikator", "Satker", "Alasan"],
        &[16.0, 18.0, 40.0, 100.0],
        f,
    )?;
    let rows = rollup.wilayah.iter().flat_map(|w| {
        w.indikator
            .iter()
            .flat_map(move |i| i.not_counted.iter().map(move |(who, why)| (w, i, who, why)))
    });
    for (n, (w, i, who, why)) in rows.enumerate() {
        let row = data_row(n);
        ws.write_string(row, 0, &w.id)?;
        ws.write_string(row, 1, &i.result.id)?;
        ws.write_string(row, 2, who)?;
        ws.write_string_with_format(row, 3, why.text().render(sakip_core::Lang::Id), &f.text)?;
    }
    page_setup(ws)
}

/// The year in progress: every unit off track, per indikator (sheet Belum
/// Sesuai Rencana); none for a whole year.
fn off_track(wb: &mut Workbook, rollup: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    if rollup.off_track.is_empty() {
        return Ok(());
    }
    let ws = new_sheet(
        wb,
        "Belum Sesuai Rencana",
        &["Indikator", "Satker", "Kanwil", "Capaian s.d. periode (%)"],
        &[18.0, 40.0, 16.0, 14.0],
        f,
    )?;
    let rows = rollup
        .off_track
        .iter()
        .flat_map(|(id, units)| units.iter().map(move |u| (id, u)));
    for (n, (id, u)) in rows.enumerate() {
        let row = data_row(n);
        ws.write_string(row, 0, id)?;
        ws.write_string(row, 1, &u.satker_id)?;
        ws.write_string(row, 2, &u.kanwil_id)?;
        ws.write_number_with_format(row, 3, number(u.capaian), &f.decimal)?;
    }
    page_setup(ws)
}

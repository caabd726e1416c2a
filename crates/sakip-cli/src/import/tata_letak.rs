//! Reading the layout staff keep: a header row names the columns, the rows
//! below it are indicators (or budget lines), anything else is a title.
//!
//! - An indicator table has a column `Indikator` (its name as in the rules)
//!   or `Kode`/`Id` (its id), and a column `Realisasi` or columns per
//!   period (`TW I` ... `TW IV`, `Semester I`, `Semester II`). A `Capaian`
//!   column is the capaian as the report printed it (`dicetak`), kept so
//!   that eval can check it. `No`, `Sasaran`, `Satuan`, `Target` and other
//!   columns are read by nobody: the rules already say them.
//! - A budget table has `Jenis Belanja` (or `Program`, for the budget per
//!   programme), `Pagu`, `Realisasi`, optionally `Penyerapan`/`Capaian`. A `Total`/`Jumlah` row is skipped: sakip
//!   computes the total.
//! - A sheet named after a tier (`Strategis`, `Program`, `Kegiatan`,
//!   `Output`) holds that tier's indicators, so the same name at two tiers
//!   is not ambiguous there. A row `Dasar | <text>` above a table gives the
//!   data's source.
//! - A row with no figure in it is a title, a sasaran or a figure not yet
//!   reported, and is skipped.

use super::lembar::{alamat, Lembar};
use sakip_core::model::{Indikator, Origin, Tier};
use sakip_core::Decimal;
use sakip_core::{Code, Problem};
use sakip_engine::angka::{baca_nilai, baca_rupiah, Nilai, Sel};

/// One thing wrong in the spreadsheet, at the cell where it is: a
/// [`Problem`] whose place is the file, the cell's row and column (1-based),
/// and whose message starts with the sheet and the cell (`C7`).
#[derive(Debug, Clone)]
pub struct Kesalahan {
    pub code: Code,
    pub at: Origin,
    pub pesan: String,
    pub saran: Option<String>,
}

impl Kesalahan {
    fn new(code: Code, sheet: &Lembar, cell: Option<(usize, usize)>, pesan: String, saran: Option<String>) -> Self {
        // A CSV file is one sheet, which has no name of its own.
        let csv = sheet.berkas.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"));
        let place = match (cell, csv) {
            (Some((r, c)), true) => format!("cell {}: ", alamat(r, c)),
            (None, true) => String::new(),
            (Some((r, c)), false) => format!("sheet `{}`, cell {}: ", sheet.name, alamat(r, c)),
            (None, false) => format!("sheet `{}`: ", sheet.name),
        };
        let line = |n: usize| u32::try_from(n + 1).unwrap_or(u32::MAX);
        Self {
            code,
            at: match cell {
                Some((r, c)) => Origin::new(sheet.berkas.as_str(), line(r), line(c)),
                None => Origin::file(sheet.berkas.as_str()),
            },
            pesan: format!("{place}{pesan}"),
            saran,
        }
    }
}

impl Problem for Kesalahan {
    fn code(&self) -> Code {
        self.code
    }
    fn message(&self) -> &str {
        &self.pesan
    }
    fn help(&self) -> Option<&str> {
        self.saran.as_deref()
    }
    fn location(&self) -> Option<&Origin> {
        Some(&self.at)
    }
}

/// A realisasi: for the year, or per period (`tw1`, `smt2`, ...).
#[derive(Debug, Clone)]
pub enum Isi {
    Tahun(Nilai),
    Periode(Vec<(&'static str, Nilai)>),
}

#[derive(Debug, Clone)]
pub struct Realisasi {
    /// The title of the table this row opens (`Tabel 3.1 ...`), kept as a
    /// comment so the data file reads like the spreadsheet.
    pub judul: Option<String>,
    pub id: String,
    pub isi: Isi,
    pub dicetak: Option<Nilai>,
}

#[derive(Debug, Clone)]
pub struct Belanja {
    /// A line per programme (`program "..."`) rather than per jenis belanja.
    pub program: bool,
    pub jenis: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub dicetak: Option<Nilai>,
}

/// What a spreadsheet holds, in the order it holds it.
#[derive(Debug, Default)]
pub struct Isian {
    pub realisasi: Vec<Realisasi>,
    pub belanja: Vec<Belanja>,
    pub dasar_realisasi: Vec<String>,
    pub dasar_anggaran: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kolom {
    Kode,
    Nama,
    Tahun,
    Periode(&'static str),
    Dicetak,
    Jenis,
    Program,
    Pagu,
    RealisasiRupiah,
}

fn normal(text: &str) -> String {
    let lower = text.to_lowercase();
    let without_parens: String = {
        let mut out = String::new();
        let mut depth = 0u32;
        for c in lower.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    without_parens.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn periode(h: &str) -> Option<&'static str> {
    let h = h.strip_prefix("realisasi").unwrap_or(h).trim();
    let (kind, rest) = if let Some(r) = h.strip_prefix("triwulan").or_else(|| h.strip_prefix("tw")) {
        ("tw", r)
    } else if let Some(r) = h
        .strip_prefix("semester")
        .or_else(|| h.strip_prefix("smt"))
        .or_else(|| h.strip_prefix("sem"))
    {
        ("smt", r)
    } else {
        return None;
    };
    let n = match rest.trim().trim_start_matches('.').trim() {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    };
    match (kind, n) {
        ("tw", 1) => Some("tw1"),
        ("tw", 2) => Some("tw2"),
        ("tw", 3) => Some("tw3"),
        ("tw", 4) => Some("tw4"),
        ("smt", 1) => Some("smt1"),
        ("smt", 2) => Some("smt2"),
        _ => None,
    }
}

/// The columns of an indicator or budget header row, or `None` when the
/// row is not a header.
fn header(row: &[Sel]) -> Option<Vec<(usize, Kolom)>> {
    let mut cols = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let Sel::Teks(t) = cell else { continue };
        let h = normal(t);
        let kolom = match h.as_str() {
            "kode" | "id" | "kode indikator" => Kolom::Kode,
            "jenis belanja" | "belanja" => Kolom::Jenis,
            "program" | "nama program" => Kolom::Program,
            "realisasi" | "realisasi tahun" | "realisasi tahunan" => Kolom::Tahun,
            _ if h.starts_with("indikator") => Kolom::Nama,
            _ if h.starts_with("pagu") => Kolom::Pagu,
            _ if (h.starts_with("capaian") || h.starts_with("penyerapan"))
                && !h.chars().any(|c| c.is_ascii_digit()) =>
            {
                Kolom::Dicetak
            }
            _ => match periode(&h) {
                Some(p) => Kolom::Periode(p),
                None => continue,
            },
        };
        cols.push((i, kolom));
    }
    let has = |k: Kolom| cols.iter().any(|(_, c)| *c == k);
    if (has(Kolom::Jenis) || has(Kolom::Program)) && has(Kolom::Pagu) {
        for (_, c) in &mut cols {
            if *c == Kolom::Tahun {
                *c = Kolom::RealisasiRupiah;
            }
        }
        return Some(cols);
    }
    let values = has(Kolom::Tahun) || cols.iter().any(|(_, c)| matches!(c, Kolom::Periode(_)));
    ((has(Kolom::Nama) || has(Kolom::Kode)) && values).then_some(cols)
}

/// Whether a table is the budget (per jenis belanja or per programme).
fn is_budget(cols: &[(usize, Kolom)]) -> bool {
    cols.iter().any(|(_, c)| matches!(c, Kolom::Jenis | Kolom::Program))
}

fn tier_of_sheet(name: &str) -> Option<Tier> {
    let n = normal(name);
    [
        ("strategis", Tier::Strategis),
        ("program", Tier::Program),
        ("kegiatan", Tier::Kegiatan),
        ("output", Tier::Output),
    ]
    .into_iter()
    .find(|(w, _)| n.contains(w))
    .map(|(_, t)| t)
}

struct Pembaca<'a> {
    indikator: &'a [Indikator],
    isian: Isian,
    errors: Vec<Kesalahan>,
    /// The title of the table being read, until its first row is taken.
    judul: Option<String>,
    /// How many realisasi and budget lines earlier files gave: an entry
    /// before these came from another file.
    dari_berkas_lain: (usize, usize),
}

/// Reads every sheet against the unit's indicators.
pub fn baca(sheets: &[Lembar], indikator: &[Indikator]) -> Result<Isian, Vec<Kesalahan>> {
    let mut p = Pembaca {
        indikator,
        isian: Isian::default(),
        errors: Vec::new(),
        judul: None,
        dari_berkas_lain: (0, 0),
    };
    for file in sheets.chunk_by(|a, b| a.berkas == b.berkas) {
        p.berkas(file);
    }
    if p.errors.is_empty() {
        Ok(p.isian)
    } else {
        Err(p.errors)
    }
}

impl Pembaca<'_> {
    /// Reads the sheets of one file; a file with no table is an error.
    fn berkas(&mut self, sheets: &[Lembar]) {
        self.dari_berkas_lain = (self.isian.realisasi.len(), self.isian.belanja.len());
        let errors_before = self.errors.len();
        let mut found_table = false;
        for sheet in sheets {
            found_table |= self.sheet(sheet);
        }
        let Some(first) = sheets.first() else { return };
        if found_table || self.errors.len() > errors_before {
            return;
        }
        self.errors.push(Kesalahan::new(
            Code::SheetNoTable,
            first,
            None,
            "no table of realisasi or budget found".into(),
            Some(
                "give the table a header row: `Indikator` (or `Kode`) and `Realisasi` (or `TW I`..`TW IV`, \
                 `Semester I`, `Semester II`); for the budget `Jenis Belanja`, `Pagu`, `Realisasi`"
                    .into(),
            ),
        ));
    }

    fn error(&mut self, sheet: &Lembar, at: Option<(usize, usize)>, pesan: String, saran: Option<String>) {
        self.errors
            .push(Kesalahan::new(Code::SheetCell, sheet, at, pesan, saran));
    }

    /// Reads one sheet; whether it held a table.
    fn sheet(&mut self, sheet: &Lembar) -> bool {
        let tier = tier_of_sheet(&sheet.name);
        let mut cols: Option<Vec<(usize, Kolom)>> = None;
        let mut pending_dasar: Vec<String> = Vec::new();
        let mut pending_judul: Option<String> = None;
        let mut found = false;
        for (r, row) in sheet.rows.iter().enumerate() {
            if let Some(h) = header(row) {
                let budget = is_budget(&h);
                let dasar = std::mem::take(&mut pending_dasar);
                let target = if budget {
                    &mut self.isian.dasar_anggaran
                } else {
                    &mut self.isian.dasar_realisasi
                };
                for d in dasar {
                    if !target.contains(&d) {
                        target.push(d);
                    }
                }
                self.judul = if budget { None } else { pending_judul.take() };
                cols = Some(h);
                found = true;
                continue;
            }
            let first_text: Vec<&str> = row
                .iter()
                .filter_map(|c| match c {
                    Sel::Teks(t) if !t.trim().is_empty() => Some(t.trim()),
                    _ => None,
                })
                .collect();
            if let [label, text, ..] = first_text.as_slice() {
                if matches!(normal(label).trim_end_matches(':'), "dasar" | "sumber" | "sumber data") {
                    pending_dasar.push((*text).to_string());
                    continue;
                }
            }
            if let [only] = first_text.as_slice() {
                if row.iter().filter(|c| !matches!(c, Sel::Kosong)).count() == 1 {
                    // A title: the nearest one above a header names its table.
                    pending_judul = Some((*only).to_string());
                    continue;
                }
            }
            let Some(cols) = &cols else { continue };
            if is_budget(cols) {
                self.budget_row(sheet, r, cols);
            } else {
                self.indicator_row(sheet, r, cols, tier);
            }
        }
        found
    }

    fn col(cols: &[(usize, Kolom)], k: Kolom) -> Option<usize> {
        cols.iter().find(|(_, c)| *c == k).map(|(i, _)| *i)
    }

    fn text(sheet: &Lembar, r: usize, c: Option<usize>) -> Option<String> {
        match sheet.cell(r, c?) {
            Sel::Teks(t) if !t.trim().is_empty() => Some(t.split_whitespace().collect::<Vec<_>>().join(" ")),
            Sel::Angka { nilai, .. } => Some(nilai.to_string()),
            _ => None,
        }
    }

    fn value(&mut self, sheet: &Lembar, r: usize, c: usize) -> Result<Option<Nilai>, ()> {
        baca_nilai(sheet.cell(r, c)).map_err(|e| {
            self.error(
                sheet,
                Some((r, c)),
                e,
                Some("write the figure the Indonesian way: `77,5`, `45%`, `144 Orang`, or leave it empty / `-` when not reported".into()),
            );
        })
    }

    fn indicator_row(&mut self, sheet: &Lembar, r: usize, cols: &[(usize, Kolom)], tier: Option<Tier>) {
        let mut tahun = None;
        let mut periods = Vec::new();
        let mut dicetak = None;
        let mut bad = false;
        for &(c, k) in cols {
            match k {
                Kolom::Tahun => match self.value(sheet, r, c) {
                    Ok(v) => tahun = v.map(|v| (c, v)),
                    Err(()) => bad = true,
                },
                Kolom::Periode(p) => match self.value(sheet, r, c) {
                    Ok(Some(v)) => periods.push((p, v)),
                    Ok(None) => {}
                    Err(()) => bad = true,
                },
                Kolom::Dicetak => match self.value(sheet, r, c) {
                    Ok(v) => dicetak = v,
                    Err(()) => bad = true,
                },
                _ => {}
            }
        }
        if bad || (tahun.is_none() && periods.is_empty()) {
            return;
        }
        let kode_col = Self::col(cols, Kolom::Kode);
        let nama_col = Self::col(cols, Kolom::Nama);
        let Some(id) = self.identify(sheet, r, kode_col, nama_col, tier) else {
            return;
        };
        if let Some(earlier) = self.isian.realisasi.iter().position(|x| x.id == id) {
            let at = kode_col.or(nama_col).unwrap_or(0);
            let place = if earlier < self.dari_berkas_lain.0 {
                "in an earlier file"
            } else {
                "on an earlier row"
            };
            self.error(
                sheet,
                Some((r, at)),
                format!("`{id}` has a realisasi {place} too"),
                Some("keep one row per indicator".into()),
            );
            return;
        }
        let isi = match (tahun, periods.is_empty()) {
            (Some(_), false) => {
                let at = Self::col(cols, Kolom::Tahun).unwrap_or(0);
                self.error(
                    sheet,
                    Some((r, at)),
                    format!("`{id}` has both a year's realisasi and realisasi per period"),
                    Some("leave one of them empty: the rules aggregate the periods into the year's figure".into()),
                );
                return;
            }
            (Some((_, v)), true) => Isi::Tahun(v),
            (None, _) => Isi::Periode(periods),
        };
        let judul = self.judul.take();
        self.isian.realisasi.push(Realisasi {
            judul,
            id,
            isi,
            dicetak,
        });
    }

    fn identify(
        &mut self,
        sheet: &Lembar,
        r: usize,
        kode_col: Option<usize>,
        nama_col: Option<usize>,
        tier: Option<Tier>,
    ) -> Option<String> {
        if let (Some(kode), Some(c)) = (Self::text(sheet, r, kode_col), kode_col) {
            if self.indikator.iter().any(|i| i.id == kode) {
                return Some(kode);
            }
            let hint = sakip_rules::error::did_you_mean(&kode, self.indikator.iter().map(|i| i.id.as_str()));
            self.error(
                sheet,
                Some((r, c)),
                format!("no indicator has the id `{kode}` in this unit's rules"),
                Some(match hint {
                    Some(h) => format!("did you mean `{h}`?"),
                    None => "the ids are those of `sakip eval --format json`".into(),
                }),
            );
            return None;
        }
        let (Some(nama), Some(c)) = (Self::text(sheet, r, nama_col), nama_col) else {
            let c = kode_col.or(nama_col).unwrap_or(0);
            self.error(
                sheet,
                Some((r, c)),
                "a row with a realisasi names no indicator".into(),
                None,
            );
            return None;
        };
        let key = normal(&nama);
        let matches: Vec<&Indikator> = self
            .indikator
            .iter()
            .filter(|i| normal(&i.name) == key && tier.is_none_or(|t| i.tier == t))
            .collect();
        match matches.as_slice() {
            [one] => Some(one.id.clone()),
            [] => {
                let names = self
                    .indikator
                    .iter()
                    .filter(|i| tier.is_none_or(|t| i.tier == t))
                    .map(|i| i.name.as_str());
                let hint = sakip_rules::error::did_you_mean(&nama, names);
                self.error(
                    sheet,
                    Some((r, c)),
                    format!(
                        "no indicator{} is named \"{nama}\" in this unit's rules",
                        tier.map(|t| format!(" of tier {}", t.keyword())).unwrap_or_default()
                    ),
                    Some(match hint {
                        Some(h) => format!("did you mean \"{h}\"?"),
                        None => "write the name as the rules do, or add a `Kode` column with the indicator's id".into(),
                    }),
                );
                None
            }
            many => {
                let ids: Vec<String> = many
                    .iter()
                    .map(|i| format!("`{}` ({})", i.id, i.tier.keyword()))
                    .collect();
                self.error(
                    sheet,
                    Some((r, c)),
                    format!("\"{nama}\" is the name of {}", ids.join(" and ")),
                    Some("add a `Kode` column with the id, or put each tier in a sheet (or CSV file) named after it: Strategis, Program, Kegiatan, Output".into()),
                );
                None
            }
        }
    }

    fn budget_row(&mut self, sheet: &Lembar, r: usize, cols: &[(usize, Kolom)]) {
        let (jc, program) = match (Self::col(cols, Kolom::Jenis), Self::col(cols, Kolom::Program)) {
            (Some(c), _) => (c, false),
            (None, Some(c)) => (c, true),
            (None, None) => return,
        };
        let Some(jenis) = Self::text(sheet, r, Some(jc)) else {
            return;
        };
        if matches!(normal(&jenis).as_str(), "total" | "jumlah" | "jumlah total") {
            return;
        }
        let money = |k: Kolom, this: &mut Self| -> Option<Decimal> {
            let c = Self::col(cols, k)?;
            baca_rupiah(sheet.cell(r, c))
                .map_err(|e| {
                    this.error(
                        sheet,
                        Some((r, c)),
                        e,
                        Some("write money as `Rp 1.938.261.000` or as a number cell".into()),
                    )
                })
                .ok()
        };
        let pagu = money(Kolom::Pagu, self);
        let realisasi = if Self::col(cols, Kolom::RealisasiRupiah).is_some() {
            money(Kolom::RealisasiRupiah, self)
        } else {
            self.error(
                sheet,
                Some((r, jc)),
                "the budget table has no `Realisasi` column".into(),
                None,
            );
            None
        };
        let dicetak = match Self::col(cols, Kolom::Dicetak) {
            Some(c) => match self.value(sheet, r, c) {
                Ok(v) => v,
                Err(()) => return,
            },
            None => None,
        };
        if let (Some(pagu), Some(realisasi)) = (pagu, realisasi) {
            let earlier = self
                .isian
                .belanja
                .iter()
                .position(|b| b.program == program && normal(&b.jenis) == normal(&jenis));
            if let Some(earlier) = earlier {
                let pesan = if earlier < self.dari_berkas_lain.1 {
                    format!("\"{jenis}\" has a budget line in an earlier file too")
                } else {
                    format!("\"{jenis}\" is on an earlier row too")
                };
                self.error(
                    sheet,
                    Some((r, jc)),
                    pesan,
                    Some(
                        if program {
                            "keep one row per programme"
                        } else {
                            "keep one row per jenis belanja"
                        }
                        .into(),
                    ),
                );
                return;
            }
            self.isian.belanja.push(Belanja {
                program,
                jenis,
                pagu,
                realisasi,
                dicetak,
            });
        }
    }
}

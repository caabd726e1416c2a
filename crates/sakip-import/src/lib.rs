//! Spreadsheet import: the realisasi and the budget from the workbooks and
//! CSV files a unit already keeps, checked against the unit's indicators and
//! printed as its `realisasi-<Y>.sakip` by the formatter.
//!
//! The stages follow the pipeline: [`sheet`] reads files into sheets of
//! cells, [`number`] reads a cell as a number the Indonesian way, [`layout`]
//! finds the tables and matches their rows to indicators, and [`data_file`]
//! prints what was found. Every problem is a [`CellError`] that names its
//! file, sheet and cell; when there is one, nothing is printed. Writing the
//! file (atomically, never over one the user did not ask to replace) is the
//! caller's.

pub mod into_unit;
pub mod layout;
pub mod limits;
pub mod number;
pub mod sheet;

use camino::Utf8PathBuf;
use layout::Values;
pub use layout::{CellError, Contents};
use number::{CellUnit, CellValue};
use sakip_core::model::Indikator;
use sakip_core::periode::Periode;
use sakip_rules::ast::{BelanjaKind, Quantity};
use sakip_rules::data_file::{DataFile, EntryIn, LineIn};

/// What an import found, and the data file that holds it.
#[derive(Debug)]
pub struct Imported {
    /// What the sheets hold.
    pub contents: Contents,
    /// The `realisasi-<Y>.sakip` text, as `sakip fmt` lays it out.
    pub text: String,
}

/// Where the year's data file goes: `realisasi-<Y>.sakip` in the unit's
/// folder, unless that file exists and `replace` was not asked (it may hold
/// comments nobody wants to lose), or the unit has the year's data in
/// another file already (the year's data stays in one place).
pub fn destination(
    dir: &camino::Utf8Path,
    unit: &sakip_rules::LoadedUnit,
    year: u16,
    replace: bool,
) -> Result<Utf8PathBuf, Box<sakip_rules::RuleError>> {
    let dest = dir.join(format!("realisasi-{year}.sakip"));
    if dest.exists() && !replace {
        return Err(Box::new(
            sakip_rules::RuleError::path_says(
                dest.as_str(),
                sakip_core::Code::FileExists,
                sakip_core::Text::new("file-exists").arg("path", &dest),
            )
            .help_says(sakip_core::Text::new("import-replace-help")),
        ));
    }
    if !dest.exists() && unit.data.contains_key(&year) {
        return Err(Box::new(
            sakip_rules::RuleError::path_says(
                dir.as_str(),
                sakip_core::Code::RealisasiTwice,
                sakip_core::Text::new("import-year-elsewhere")
                    .arg("dir", dir)
                    .arg("year", year),
            )
            .help_says(sakip_core::Text::new("import-year-elsewhere-help")),
        ));
    }
    Ok(dest)
}

/// Reads `files` as one spreadsheet (an indicator in two files is the same
/// duplicate as two rows of one sheet) against the unit's `indicators`.
pub fn import(files: &[Utf8PathBuf], indicators: &[Indikator], year: u16) -> Result<Imported, Vec<CellError>> {
    let read = files.iter().map(|f| (f.clone(), sheet::read(f))).collect();
    from_sheets(read, indicators, year)
}

/// [`import`] of one spreadsheet already in memory (an upload), named
/// `name` in every problem it reports.
pub fn import_bytes(
    name: &str,
    bytes: Vec<u8>,
    indicators: &[Indikator],
    year: u16,
) -> Result<Imported, Vec<CellError>> {
    let name = Utf8PathBuf::from(name);
    let sheets = sheet::read_bytes(&name, bytes);
    from_sheets(vec![(name, sheets)], indicators, year)
}

/// The files' sheets (or why a file could not be read) as one import.
fn from_sheets(
    read: Vec<(Utf8PathBuf, Result<Vec<sheet::Sheet>, sakip_core::Text>)>,
    indicators: &[Indikator],
    year: u16,
) -> Result<Imported, Vec<CellError>> {
    let sources: Vec<String> = read
        .iter()
        .map(|(f, _)| f.file_name().unwrap_or(f.as_str()).to_string())
        .collect();
    let mut sheets = Vec::new();
    let mut errors = Vec::new();
    for (file, result) in read {
        match result {
            Ok(s) => sheets.extend(s),
            Err(message) => errors.push(CellError::unreadable(&file, message)),
        }
    }
    let contents = match layout::read(&sheets, indicators) {
        Ok(c) if errors.is_empty() => c,
        Ok(_) => return Err(capped(errors)),
        Err(more) => {
            errors.extend(more);
            return Err(capped(errors));
        }
    };
    let text = data_file(&contents, year, &sources.join(", "));
    Ok(Imported { contents, text })
}

/// The most problems an import lists: a sheet of thousands of bad cells
/// is one mistake repeated, and listing every one made an 8 MB CSV's
/// answer 70 MB.
pub const MAX_PROBLEMS: usize = 100;

/// The first [`MAX_PROBLEMS`] of `errors`, then one that counts the rest.
fn capped(mut errors: Vec<CellError>) -> Vec<CellError> {
    if errors.len() > MAX_PROBLEMS {
        let rest = errors.split_off(MAX_PROBLEMS);
        if let Some(first) = rest.first() {
            errors.push(CellError::more(first, rest.len()));
        }
    }
    errors
}

/// The data file that holds `contents` for `year`, naming its `sources`.
pub fn data_file(contents: &Contents, year: u16, sources: &str) -> String {
    let mut file = DataFile::new(&format!("Diimpor oleh `sakip import` dari {sources}."));
    let dasar = |list: &[String]| -> Vec<String> {
        if list.is_empty() {
            vec![sources.to_string()]
        } else {
            list.to_vec()
        }
    };
    if !contents.realisasi.is_empty() {
        let entries: Vec<EntryIn> = contents
            .realisasi
            .iter()
            .map(|r| EntryIn {
                title: r.title.clone(),
                id: r.id.clone(),
                values: match &r.reported {
                    Values::Year(v) => vec![(Periode::Tahun, quantity(v))],
                    Values::TidakDiukur => Vec::new(),
                    Values::Period(ps) => ps
                        .iter()
                        .filter_map(|(p, v)| Periode::from_keyword(p).map(|p| (p, quantity(v))))
                        .collect(),
                },
                printed: r.printed.as_ref().map(|d| d.amount),
                tidak_diukur: matches!(r.reported, Values::TidakDiukur),
            })
            .collect();
        file.realisasi(year, &dasar(&contents.dasar_realisasi), &entries);
    }
    if !contents.belanja.is_empty() {
        let lines: Vec<LineIn> = contents
            .belanja
            .iter()
            .map(|b| LineIn {
                kind: if b.program {
                    BelanjaKind::Program
                } else {
                    BelanjaKind::Belanja
                },
                name: b.jenis.clone(),
                pagu: b.pagu,
                realisasi: b.realisasi,
                printed: b.printed.as_ref().map(|d| d.amount),
            })
            .collect();
        file.anggaran(year, &dasar(&contents.dasar_anggaran), &lines);
    }
    file.print()
}

/// A cell's value as the rules language writes a quantity.
fn quantity(v: &CellValue) -> Quantity {
    Quantity {
        value: v.amount,
        unit: match &v.unit {
            CellUnit::Bare => None,
            CellUnit::Percent => Some("%".to_string()),
            CellUnit::Word(w) => Some(w.clone()),
            CellUnit::Skala(_) => None,
        },
        label: match &v.unit {
            CellUnit::Skala(w) => Some(w.clone()),
            _ => None,
        },
    }
}

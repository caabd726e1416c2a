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

use crate::number::{read_rupiah, read_value, Cell, CellValue};
use crate::sheet::{cell_address, Sheet};
use sakip_core::model::{Indikator, Origin, Tier};
use sakip_core::Decimal;
use sakip_core::{Code, Lang, Problem, Text};

/// One thing wrong in the spreadsheet, at the cell where it is: a
/// [`Problem`] whose place is the file, the cell's row and column (1-based),
/// and whose message starts with the sheet and the cell (`C7`).
#[derive(Debug, Clone)]
pub struct CellError {
    /// The kind of problem (`sheet-cell`, `sheet-no-table`, `file-unreadable`).
    pub code: Code,
    /// The file, and the cell's row and column (1-based); line 0 for a whole
    /// file or sheet.
    pub at: Origin,
    /// The sheet and cell, as the message names them.
    place: Place,
    /// The message and the help from the catalogue.
    pub text: Text,
    /// How to fix it, from the catalogue.
    pub help: Option<Text>,
}

/// Where in a workbook: a CSV file is one sheet, which has no name.
#[derive(Debug, Clone)]
enum Place {
    File,
    Cell(String),
    Sheet(String),
    SheetCell(String, String),
}

impl Place {
    /// `sheet `x`, cell C7: ` in `lang` (nothing for a whole CSV file).
    fn render(&self, lang: Lang) -> String {
        match self {
            Place::File => String::new(),
            Place::Cell(c) => Text::new("place-cell").arg("cell", c).render(lang),
            Place::Sheet(s) => Text::new("place-sheet").arg("sheet", s).render(lang),
            Place::SheetCell(s, c) => Text::new("place-sheet-cell")
                .arg("sheet", s)
                .arg("cell", c)
                .render(lang),
        }
    }
}

impl CellError {
    /// A problem at `cell` of `sheet` (or the sheet as a whole).
    fn new(code: Code, sheet: &Sheet, cell: Option<(usize, usize)>, text: Text, help: Option<Text>) -> Self {
        let csv = sheet.file.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv"));
        let place = match (cell, csv) {
            (Some((r, c)), true) => Place::Cell(cell_address(r, c)),
            (None, true) => Place::File,
            (Some((r, c)), false) => Place::SheetCell(sheet.name.clone(), cell_address(r, c)),
            (None, false) => Place::Sheet(sheet.name.clone()),
        };
        let line = |n: usize| u32::try_from(n + 1).unwrap_or(u32::MAX);
        Self {
            code,
            at: match cell {
                Some((r, c)) => Origin::new(sheet.file.as_str(), line(r), line(c)),
                None => Origin::file(sheet.file.as_str()),
            },
            place,
            text,
            help,
        }
    }

    /// A file that could not be read as a spreadsheet at all.
    /// Stands for `count` problems not listed, the first of which is `first`.
    pub(crate) fn more(first: &CellError, count: usize) -> Self {
        Self {
            code: first.code,
            at: Origin::file(&first.at.file),
            place: Place::File,
            text: Text::new("import-more-problems").arg("count", count),
            help: None,
        }
    }

    pub(crate) fn unreadable(file: &camino::Utf8Path, text: Text) -> Self {
        // A file over a limit says in its message what to do; the general
        // help (give an .xlsx or a .csv) would mislead there.
        let over_a_limit = crate::limits::is_limit(&text);
        Self {
            code: Code::FileUnreadable,
            at: Origin::file(file.as_str()),
            place: Place::File,
            text,
            help: (!over_a_limit).then(|| Text::new("sheet-unreadable-help")),
        }
    }
}

impl Problem for CellError {
    fn code(&self) -> Code {
        self.code
    }
    fn location(&self) -> Option<&Origin> {
        Some(&self.at)
    }
    fn message_in(&self, lang: Lang) -> String {
        format!("{}{}", self.place.render(lang), self.text.render(lang))
    }
    fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.render(lang))
    }
}

/// A realisasi: for the year, or per period (`tw1`, `smt2`, ...).
#[derive(Debug, Clone)]
pub enum Values {
    Year(CellValue),
    Period(Vec<(&'static str, CellValue)>),
    /// `n/a` or `tidak diukur` in the `Realisasi` column: not measured this year.
    TidakDiukur,
}

/// One indikator's realisasi as a sheet gives it.
#[derive(Debug, Clone)]
pub struct Realisasi {
    /// The title of the table this row opens (`Tabel 3.1 ...`), kept as a
    /// comment so the data file reads like the spreadsheet.
    pub title: Option<String>,
    /// The indikator's id, found by its `Kode` or its name.
    pub id: String,
    /// For the year, or per period.
    pub reported: Values,
    /// The capaian the sheet printed (`Capaian` column), to be checked.
    pub printed: Option<CellValue>,
}

/// One budget line as a sheet gives it.
#[derive(Debug, Clone)]
pub struct Belanja {
    /// A line per programme (`program "..."`) rather than per jenis belanja.
    pub program: bool,
    /// The jenis belanja or the programme, as the sheet names it.
    pub jenis: String,
    /// In rupiah.
    pub pagu: Decimal,
    /// Spent, in rupiah.
    pub realisasi: Decimal,
    pub printed: Option<CellValue>,
}

/// What a spreadsheet holds, in the order it holds it.
#[derive(Debug, Default)]
pub struct Contents {
    /// The realisasi, in sheet order.
    pub realisasi: Vec<Realisasi>,
    /// The budget lines, in sheet order.
    pub belanja: Vec<Belanja>,
    /// Sources the sheets cite for the realisasi (a title row `Sumber: ...`).
    pub dasar_realisasi: Vec<String>,
    /// Sources cited for the budget.
    pub dasar_anggaran: Vec<String>,
}

/// What a column of a table holds, from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    Year,
    Period(&'static str),
    Printed,
    Jenis,
    Program,
    Pagu,
    RealisasiRupiah,
}

/// A header or a name as compared: lower case, single spaces, no punctuation.
fn normalise(text: &str) -> String {
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

/// The period a header names (`TW I`, `Triwulan 1`, `Semester II`).
fn period_of(h: &str) -> Option<&'static str> {
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
fn header(row: &[Cell]) -> Option<Vec<(usize, Column)>> {
    let mut cols = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let Cell::Text(t) = cell else { continue };
        let h = normalise(t);
        let column = match h.as_str() {
            "kode" | "id" | "kode indikator" => Column::Id,
            "jenis belanja" | "belanja" => Column::Jenis,
            "program" | "nama program" => Column::Program,
            "realisasi" | "realisasi tahun" | "realisasi tahunan" => Column::Year,
            _ if h.starts_with("indikator") => Column::Name,
            _ if h.starts_with("pagu") => Column::Pagu,
            _ if (h.starts_with("capaian") || h.starts_with("penyerapan"))
                && !h.chars().any(|c| c.is_ascii_digit()) =>
            {
                Column::Printed
            }
            _ => match period_of(&h) {
                Some(p) => Column::Period(p),
                None => continue,
            },
        };
        cols.push((i, column));
    }
    let has = |k: Column| cols.iter().any(|(_, c)| *c == k);
    if (has(Column::Jenis) || has(Column::Program)) && has(Column::Pagu) {
        for (_, c) in &mut cols {
            if *c == Column::Year {
                *c = Column::RealisasiRupiah;
            }
        }
        return Some(cols);
    }
    let values = has(Column::Year) || cols.iter().any(|(_, c)| matches!(c, Column::Period(_)));
    ((has(Column::Name) || has(Column::Id)) && values).then_some(cols)
}

/// Whether a table is the budget (per jenis belanja or per programme).
fn is_budget(cols: &[(usize, Column)]) -> bool {
    cols.iter().any(|(_, c)| matches!(c, Column::Jenis | Column::Program))
}

/// The tier a sheet is named after (`Strategis`, `Tabel 3.2 Program`).
fn tier_of_sheet(name: &str) -> Option<Tier> {
    let n = normalise(name);
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

/// Reads tables out of sheets: the current table's title, what was found,
/// and the problems, all files together.
struct LayoutReader<'a> {
    indikator: &'a [Indikator],
    contents: Contents,
    errors: Vec<CellError>,
    /// The title of the table being read, until its first row is taken.
    title: Option<String>,
    /// How many realisasi and budget lines earlier files gave: an entry
    /// before these came from another file.
    from_earlier_files: (usize, usize),
}

/// Reads every sheet against the unit's indicators.
pub fn read(sheets: &[Sheet], indikator: &[Indikator]) -> Result<Contents, Vec<CellError>> {
    let mut p = LayoutReader {
        indikator,
        contents: Contents::default(),
        errors: Vec::new(),
        title: None,
        from_earlier_files: (0, 0),
    };
    for file in sheets.chunk_by(|a, b| a.file == b.file) {
        p.file(file);
    }
    if p.errors.is_empty() {
        Ok(p.contents)
    } else {
        Err(p.errors)
    }
}

impl LayoutReader<'_> {
    /// Reads the sheets of one file; a file with no table is an error.
    fn file(&mut self, sheets: &[Sheet]) {
        self.from_earlier_files = (self.contents.realisasi.len(), self.contents.belanja.len());
        let errors_before = self.errors.len();
        let mut found_table = false;
        for sheet in sheets {
            found_table |= self.sheet(sheet);
        }
        let Some(first) = sheets.first() else { return };
        if found_table || self.errors.len() > errors_before {
            return;
        }
        self.errors.push(CellError::new(
            Code::SheetNoTable,
            first,
            None,
            Text::new("sheet-no-table"),
            Some(Text::new("sheet-no-table-help")),
        ));
    }

    /// Whether a problem found now is still among those an import lists.
    fn listed_still(&self) -> bool {
        self.errors.len() < crate::MAX_PROBLEMS
    }

    /// Records a `sheet-cell` problem.
    fn error(&mut self, sheet: &Sheet, at: Option<(usize, usize)>, message: Text, help: Option<Text>) {
        self.errors
            .push(CellError::new(Code::SheetCell, sheet, at, message, help));
    }

    /// Reads one sheet; whether it held a table.
    fn sheet(&mut self, sheet: &Sheet) -> bool {
        let tier = tier_of_sheet(&sheet.name);
        let mut cols: Option<Vec<(usize, Column)>> = None;
        let mut pending_dasar: Vec<String> = Vec::new();
        let mut pending_title: Option<String> = None;
        let mut found = false;
        for (r, row) in sheet.rows.iter().enumerate() {
            if let Some(h) = header(row) {
                let budget = is_budget(&h);
                let dasar = std::mem::take(&mut pending_dasar);
                let target = if budget {
                    &mut self.contents.dasar_anggaran
                } else {
                    &mut self.contents.dasar_realisasi
                };
                for d in dasar {
                    if !target.contains(&d) {
                        target.push(d);
                    }
                }
                self.title = if budget { None } else { pending_title.take() };
                cols = Some(h);
                found = true;
                continue;
            }
            let first_text: Vec<&str> = row
                .iter()
                .filter_map(|c| match c {
                    Cell::Text(t) if !t.trim().is_empty() => Some(t.trim()),
                    _ => None,
                })
                .collect();
            if let [label, text, ..] = first_text.as_slice() {
                if matches!(
                    normalise(label).trim_end_matches(':'),
                    "dasar" | "sumber" | "sumber data"
                ) {
                    pending_dasar.push((*text).to_string());
                    continue;
                }
            }
            if let [only] = first_text.as_slice() {
                if row.iter().filter(|c| !matches!(c, Cell::Empty)).count() == 1 {
                    // A title: the nearest one above a header names its table.
                    pending_title = Some((*only).to_string());
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

    /// The column that holds `k`.
    fn col(cols: &[(usize, Column)], k: Column) -> Option<usize> {
        cols.iter().find(|(_, c)| *c == k).map(|(i, _)| *i)
    }

    /// A cell as text, spaces folded.
    fn text(sheet: &Sheet, r: usize, c: Option<usize>) -> Option<String> {
        match sheet.cell(r, c?) {
            Cell::Text(t) if !t.trim().is_empty() => Some(t.split_whitespace().collect::<Vec<_>>().join(" ")),
            Cell::Number { number, .. } => Some(number.to_string()),
            _ => None,
        }
    }

    /// A cell as a figure; a problem when it cannot be read.
    fn value(&mut self, sheet: &Sheet, r: usize, c: usize) -> Result<Option<CellValue>, ()> {
        read_value(sheet.cell(r, c)).map_err(|e| {
            self.error(sheet, Some((r, c)), e, Some(Text::new("sheet-figure-help")));
        })
    }

    /// A realisasi cell: a figure, or a qualitative indikator's value (`WTP`).
    fn realisasi(&mut self, sheet: &Sheet, r: usize, c: usize) -> Result<Option<CellValue>, ()> {
        crate::number::read_realisasi(sheet.cell(r, c)).map_err(|e| {
            self.error(sheet, Some((r, c)), e, Some(Text::new("sheet-figure-help")));
        })
    }

    /// One row of a realisasi table: its indikator, its figures, its printed capaian.
    fn indicator_row(&mut self, sheet: &Sheet, r: usize, cols: &[(usize, Column)], tier: Option<Tier>) {
        let mut year_value = None;
        let mut periods = Vec::new();
        let mut printed = None;
        let mut bad = false;
        let mut not_measured = false;
        for &(c, k) in cols {
            match k {
                Column::Year if crate::number::says_not_measured(sheet.cell(r, c)) => not_measured = true,
                Column::Year => match self.realisasi(sheet, r, c) {
                    Ok(v) => year_value = v.map(|v| (c, v)),
                    Err(()) => bad = true,
                },
                Column::Period(p) => match self.realisasi(sheet, r, c) {
                    Ok(Some(v)) => periods.push((p, v, c)),
                    Ok(None) => {}
                    Err(()) => bad = true,
                },
                Column::Printed => match self.value(sheet, r, c) {
                    Ok(v) => printed = v,
                    Err(()) => bad = true,
                },
                _ => {}
            }
        }
        if bad || (year_value.is_none() && periods.is_empty() && !not_measured) {
            return;
        }
        let id_col = Self::col(cols, Column::Id);
        let name_col = Self::col(cols, Column::Name);
        let Some(id) = self.identify(sheet, r, id_col, name_col, tier) else {
            return;
        };
        // A word is a value of the indikator's scale, or not a figure at all.
        let words = year_value
            .iter()
            .map(|(c, v)| (*c, v))
            .chain(periods.iter().map(|(_, v, c)| (*c, v)));
        let mut off_scale = Vec::new();
        for (c, v) in words {
            if let crate::number::CellUnit::Skala(word) = &v.unit {
                let skala = self
                    .indikator
                    .iter()
                    .find(|i| i.id == id)
                    .and_then(|i| i.skala.as_ref());
                match skala {
                    Some(s) if s.position(word).is_some() => {}
                    Some(s) => off_scale.push((
                        c,
                        Text::new("skala-not-on-scale").arg("id", &id).arg("value", word),
                        Text::new("skala-not-on-scale-help").arg("scale", s.written()),
                    )),
                    None => off_scale.push((
                        c,
                        Text::new("number-not-a-number").arg("text", word),
                        Text::new("sheet-figure-help"),
                    )),
                }
            }
        }
        if !off_scale.is_empty() {
            for (c, text, help) in off_scale {
                self.error(sheet, Some((r, c)), text, Some(help));
            }
            return;
        }
        let periods: Vec<_> = periods.into_iter().map(|(p, v, _)| (p, v)).collect();
        if let Some(earlier) = self.contents.realisasi.iter().position(|x| x.id == id) {
            let at = id_col.or(name_col).unwrap_or(0);
            let message = if earlier < self.from_earlier_files.0 {
                "sheet-realisasi-twice-file"
            } else {
                "sheet-realisasi-twice"
            };
            self.error(
                sheet,
                Some((r, at)),
                Text::new(message).arg("id", &id),
                Some(Text::new("sheet-realisasi-twice-help")),
            );
            return;
        }
        let year_given = year_value.is_some() || not_measured;
        let reported = match (year_value, periods.is_empty()) {
            (None, true) if not_measured => Values::TidakDiukur,
            (_, false) if year_given => {
                let at = Self::col(cols, Column::Year).unwrap_or(0);
                self.error(
                    sheet,
                    Some((r, at)),
                    Text::new("sheet-year-and-periods").arg("id", &id),
                    Some(Text::new("sheet-year-and-periods-help")),
                );
                return;
            }
            (Some((_, v)), true) => Values::Year(v),
            (_, _) => Values::Period(periods),
        };
        let title = self.title.take();
        self.contents.realisasi.push(Realisasi {
            title,
            id,
            reported,
            printed,
        });
    }

    /// The indikator a row names: by its `Kode` when there is one, else by
    /// its name within the sheet's tier.
    fn identify(
        &mut self,
        sheet: &Sheet,
        r: usize,
        id_col: Option<usize>,
        name_col: Option<usize>,
        tier: Option<Tier>,
    ) -> Option<String> {
        if let (Some(id_text), Some(c)) = (Self::text(sheet, r, id_col), id_col) {
            if self.indikator.iter().any(|i| i.id == id_text) {
                return Some(id_text);
            }
            // Only the first problems are listed: past them a hint would be
            // computed for nobody (it was most of an 8 MB sheet's time).
            let hint = self
                .listed_still()
                .then(|| sakip_rules::error::did_you_mean(&id_text, self.indikator.iter().map(|i| i.id.as_str())));
            let hint = hint.flatten();
            self.error(
                sheet,
                Some((r, c)),
                Text::new("sheet-unknown-id").arg("id", &id_text),
                Some(match hint {
                    Some(h) => Text::new("did-you-mean").arg("word", h),
                    None => Text::new("sheet-unknown-id-help"),
                }),
            );
            return None;
        }
        let (Some(name_text), Some(c)) = (Self::text(sheet, r, name_col), name_col) else {
            let c = id_col.or(name_col).unwrap_or(0);
            self.error(sheet, Some((r, c)), Text::new("sheet-no-indicator"), None);
            return None;
        };
        let key = normalise(&name_text);
        let matches: Vec<&Indikator> = self
            .indikator
            .iter()
            .filter(|i| normalise(&i.name) == key && tier.is_none_or(|t| i.tier == t))
            .collect();
        match matches.as_slice() {
            [one] => Some(one.id.clone()),
            [] => {
                let names = self
                    .indikator
                    .iter()
                    .filter(|i| tier.is_none_or(|t| i.tier == t))
                    .map(|i| i.name.as_str());
                let hint = if self.listed_still() {
                    sakip_rules::error::did_you_mean(&name_text, names)
                } else {
                    None
                };
                self.error(
                    sheet,
                    Some((r, c)),
                    match tier {
                        Some(t) => Text::new("sheet-unknown-name-tier")
                            .arg("name", &name_text)
                            .arg("tier", t.keyword()),
                        None => Text::new("sheet-unknown-name").arg("name", &name_text),
                    },
                    Some(match hint {
                        Some(h) => Text::new("did-you-mean-name").arg("name", h),
                        None => Text::new("sheet-unknown-name-help"),
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
                    Text::new("sheet-name-ambiguous")
                        .arg("name", &name_text)
                        .arg("ids", ids.join(" and ")),
                    Some(Text::new("sheet-name-ambiguous-help")),
                );
                None
            }
        }
    }

    /// One row of a budget table.
    fn budget_row(&mut self, sheet: &Sheet, r: usize, cols: &[(usize, Column)]) {
        let (jc, program) = match (Self::col(cols, Column::Jenis), Self::col(cols, Column::Program)) {
            (Some(c), _) => (c, false),
            (None, Some(c)) => (c, true),
            (None, None) => return,
        };
        let Some(jenis) = Self::text(sheet, r, Some(jc)) else {
            return;
        };
        if matches!(normalise(&jenis).as_str(), "total" | "jumlah" | "jumlah total") {
            return;
        }
        let money = |k: Column, this: &mut Self| -> Option<Decimal> {
            let c = Self::col(cols, k)?;
            read_rupiah(sheet.cell(r, c))
                .map_err(|e| this.error(sheet, Some((r, c)), e, Some(Text::new("sheet-money-help"))))
                .ok()
        };
        let pagu = money(Column::Pagu, self);
        let realisasi = if Self::col(cols, Column::RealisasiRupiah).is_some() {
            money(Column::RealisasiRupiah, self)
        } else {
            self.error(sheet, Some((r, jc)), Text::new("sheet-no-realisasi-column"), None);
            None
        };
        let printed = match Self::col(cols, Column::Printed) {
            Some(c) => match self.value(sheet, r, c) {
                Ok(v) => v,
                Err(()) => return,
            },
            None => None,
        };
        if let (Some(pagu), Some(realisasi)) = (pagu, realisasi) {
            let earlier = self
                .contents
                .belanja
                .iter()
                .position(|b| b.program == program && normalise(&b.jenis) == normalise(&jenis));
            if let Some(earlier) = earlier {
                let message = if earlier < self.from_earlier_files.1 {
                    Text::new("sheet-budget-twice-file").arg("jenis", &jenis)
                } else {
                    Text::new("sheet-budget-twice").arg("jenis", &jenis)
                };
                self.error(
                    sheet,
                    Some((r, jc)),
                    message,
                    Some(Text::new(if program {
                        "sheet-budget-twice-program-help"
                    } else {
                        "sheet-budget-twice-help"
                    })),
                );
                return;
            }
            self.contents.belanja.push(Belanja {
                program,
                jenis,
                pagu,
                realisasi,
                printed,
            });
        }
    }
}

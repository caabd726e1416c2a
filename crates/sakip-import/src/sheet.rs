//! A spreadsheet as sheets of cells, whether it came as XLSX (calamine)
//! or CSV (the csv crate), so that the layout is read one way for both.

use crate::number::Cell;
use calamine::{Data, Reader, Xlsx};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::Text;

/// One sheet: the file it is in, its name and its cells, row by row from `A1`.
pub struct Sheet {
    /// The workbook or CSV file it came from.
    pub file: Utf8PathBuf,
    /// The sheet's name (a CSV file's name without its extension).
    pub name: String,
    /// Its cells, row by row.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// The cell at `row`, `col` (0-based); empty beyond the sheet.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::Empty)
    }
}

/// `C12`: a cell's address as the spreadsheet shows it (0-based in).
pub fn cell_address(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// Reads every sheet of `path` (`.xlsx` or `.csv`), within the
/// [limits](crate::limits): a file over them is not read.
pub fn read(path: &Utf8Path) -> Result<Vec<Sheet>, Text> {
    let meta = std::fs::metadata(path).map_err(|e| Text::new("sheet-unopenable").arg("error", e))?;
    if !meta.is_file() {
        return Err(Text::new("sheet-not-a-file"));
    }
    kind_of(path)?;
    crate::limits::check_file_size(meta.len())?;
    let bytes = std::fs::read(path).map_err(|e| Text::new("sheet-unopenable").arg("error", e))?;
    read_bytes(path, bytes)
}

/// Every sheet of a spreadsheet already in memory (an upload), named
/// `name` in what it reports; its kind is told by the name's extension.
/// A workbook is checked against the [limits](crate::limits) before the
/// reader sees it.
pub fn read_bytes(name: &Utf8Path, bytes: Vec<u8>) -> Result<Vec<Sheet>, Text> {
    match kind_of(name)? {
        Kind::Xlsx => {
            crate::limits::check_workbook(&bytes)?;
            read_xlsx(name, bytes)
        }
        Kind::Csv => {
            crate::limits::check_file_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
            read_csv(name, &bytes)
        }
    }
}

enum Kind {
    Xlsx,
    Csv,
}

/// What a spreadsheet is, by its name.
fn kind_of(name: &Utf8Path) -> Result<Kind, Text> {
    match name.extension().map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx") => Ok(Kind::Xlsx),
        Some("csv") => Ok(Kind::Csv),
        _ => Err(Text::new("sheet-kind")),
    }
}

/// Every sheet of a workbook.
fn read_xlsx(path: &Utf8Path, bytes: Vec<u8>) -> Result<Vec<Sheet>, Text> {
    guarded(|| read_xlsx_unguarded(path, bytes)).unwrap_or_else(|| Err(Text::new("sheet-damaged")))
}

/// Runs the workbook reader, which is not ours, so that a panic inside it
/// on a damaged file (calamine 0.38 overflows on a cell reference longer
/// than Excel's grid allows, tafia/calamine#694, found by the `upload` fuzz
/// target) is an unreadable file, not a crash. The default panic message
/// is kept off the terminal while it runs; the import runs on one thread.
fn guarded<T>(read: impl FnOnce() -> T) -> Option<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    std::panic::set_hook(hook);
    result.ok()
}

fn read_xlsx_unguarded(path: &Utf8Path, bytes: Vec<u8>) -> Result<Vec<Sheet>, Text> {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| Text::new("sheet-not-xlsx").arg("error", e))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| Text::new("sheet-unreadable-sheet").arg("sheet", &name).arg("error", e))?;
        // Number formats say which number cells are percentages; a
        // workbook without styles simply has none.
        let styles = book.worksheet_style(&name).ok();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let r0 = usize::try_from(r0).unwrap_or(0);
        let c0 = usize::try_from(c0).unwrap_or(0);
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); r0];
        for (i, row) in range.rows().enumerate() {
            let mut cells: Vec<Cell> = vec![Cell::Empty; c0];
            for (j, data) in row.iter().enumerate() {
                let at = (
                    u32::try_from(r0 + i).unwrap_or(u32::MAX),
                    u32::try_from(c0 + j).unwrap_or(u32::MAX),
                );
                let percent = styles
                    .as_ref()
                    .and_then(|s| s.get(at))
                    .and_then(|s| s.number_format.as_ref())
                    .is_some_and(|f| f.format_code.contains('%') || matches!(f.format_id, Some(9 | 10)));
                cells.push(match data {
                    Data::Empty => Cell::Empty,
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::Float(x) => Cell::Number { number: *x, percent },
                    #[allow(clippy::cast_precision_loss)]
                    Data::Int(x) => Cell::Number {
                        number: *x as f64,
                        percent,
                    },
                    Data::Bool(b) => Cell::Text(b.to_string()),
                    other => Cell::Text(other.to_string()),
                });
            }
            rows.push(cells);
        }
        sheets.push(Sheet {
            file: path.to_owned(),
            name,
            rows,
        });
    }
    Ok(sheets)
}

/// A CSV file as one sheet, `,` or `;` separated.
fn read_csv(path: &Utf8Path, bytes: &[u8]) -> Result<Vec<Sheet>, Text> {
    let text = std::str::from_utf8(bytes).map_err(|_| Text::new("sheet-csv-not-utf8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel on an Indonesian system writes `;` between fields, because the
    // comma is the decimal mark; the header line says which was used.
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        if u64::try_from(rows.len()).unwrap_or(u64::MAX) >= crate::limits::MAX_ROWS {
            return Err(Text::new("sheet-too-many-rows")
                .arg("count", format!("> {}", crate::limits::MAX_ROWS))
                .arg("max", crate::limits::MAX_ROWS)
                .arg("part", path.file_name().unwrap_or("csv")));
        }
        let record = record.map_err(|e| Text::new("sheet-csv-row").arg("row", rows.len() + 1).arg("error", e))?;
        rows.push(
            record
                .iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
        );
    }
    let name = path.file_stem().unwrap_or("csv").to_string();
    Ok(vec![Sheet {
        file: path.to_owned(),
        name,
        rows,
    }])
}

#[cfg(test)]
mod tests {
    use super::cell_address;

    #[test]
    fn addresses() {
        assert_eq!(cell_address(0, 0), "A1");
        assert_eq!(cell_address(11, 2), "C12");
        assert_eq!(cell_address(0, 25), "Z1");
        assert_eq!(cell_address(0, 26), "AA1");
        assert_eq!(cell_address(4, 27), "AB5");
    }
}

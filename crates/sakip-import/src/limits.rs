//! What a spreadsheet may be before anything of it is read into memory.
//!
//! The workbook reader (calamine) trusts the file: a 4.7 KB workbook with
//! one cell at `XFD1048576` makes it allocate Excel's whole grid, 17
//! billion cells, and a zip part that inflates to gigabytes of whitespace
//! is read whole. An officer's upload and `sakip import` alike pass these
//! checks first, on the zip directory and a streaming pass over each part
//! that never holds more than one XML element:
//!
//! | limit | value | why |
//! |---|---|---|
//! | file size | [`MAX_FILE_BYTES`] | a year's workbook is tens of kilobytes |
//! | parts in a workbook | [`MAX_PARTS`] | a workbook has a few dozen |
//! | one part, uncompressed | [`MAX_PART_BYTES`] | zip bombs |
//! | all parts, uncompressed | [`MAX_TOTAL_BYTES`] | zip bombs |
//! | rows of a sheet | [`MAX_ROWS`] | the reader allocates every row of the grid |
//! | columns of a sheet | [`MAX_COLUMNS`] | likewise every column |
//! | cells of a sheet's grid | [`MAX_GRID_CELLS`] | rows × columns, declared or used |
//! | rows of a CSV file | [`MAX_ROWS`] | the same table, as text |
//!
//! The sizes are measured while inflating, not taken from the directory,
//! which a hostile file can fill with any number.

use quick_xml::events::{BytesStart, Event};
use sakip_core::Text;
use std::io::{BufReader, Read};

/// The largest spreadsheet file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// The most parts (files inside the zip) a workbook may have.
pub const MAX_PARTS: usize = 10_000;
/// The largest part of a workbook, uncompressed.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// All parts of a workbook together, uncompressed.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// The most rows a sheet (or a CSV file) may span.
pub const MAX_ROWS: u64 = 100_000;
/// The most columns a sheet may span (`ALL`).
pub const MAX_COLUMNS: u64 = 1_000;
/// The most cells a sheet's grid may span: its rows times its columns.
pub const MAX_GRID_CELLS: u64 = 1_000_000;

/// Whether `text` is one of the limits' messages.
pub fn is_limit(text: &Text) -> bool {
    matches!(
        text.id,
        "sheet-too-big"
            | "sheet-too-many-parts"
            | "sheet-part-too-big"
            | "sheet-parts-too-big"
            | "sheet-too-many-rows"
            | "sheet-too-many-columns"
            | "sheet-too-many-cells"
    )
}

/// A file's size, before it is read.
pub fn check_file_size(bytes: u64) -> Result<(), Text> {
    if bytes > MAX_FILE_BYTES {
        return Err(Text::new("sheet-too-big")
            .arg("size", mib(bytes))
            .arg("max", mib(MAX_FILE_BYTES)));
    }
    Ok(())
}

fn mib(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{} MiB", tenths / 10, tenths % 10)
}

/// Checks every part of the workbook in `bytes` against the limits.
pub fn check_workbook(bytes: &[u8]) -> Result<(), Text> {
    check_file_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| Text::new("sheet-not-xlsx").arg("error", e))?;
    if zip.len() > MAX_PARTS {
        return Err(Text::new("sheet-too-many-parts")
            .arg("count", zip.len())
            .arg("max", MAX_PARTS));
    }
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let part = zip
            .by_index(index)
            .map_err(|e| Text::new("sheet-not-xlsx").arg("error", e))?;
        let name = part
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| format!("#{index}"));
        // One byte past the limit tells that the part is over it.
        let mut bounded = CountingReader {
            inner: part.take(MAX_PART_BYTES + 1),
            read: 0,
        };
        if name.ends_with(".xml") {
            scan_xml(&mut bounded, &name).map_err(|e| match e {
                ScanError::Grid(text) => text,
                ScanError::Damaged(error) => Text::new("sheet-not-xlsx").arg("error", error),
            })?;
        } else {
            std::io::copy(&mut bounded, &mut std::io::sink())
                .map_err(|e| Text::new("sheet-not-xlsx").arg("error", e))?;
        }
        if bounded.read > MAX_PART_BYTES {
            return Err(Text::new("sheet-part-too-big")
                .arg("part", &name)
                .arg("max", mib(MAX_PART_BYTES)));
        }
        total = total.saturating_add(bounded.read);
        if total > MAX_TOTAL_BYTES {
            return Err(Text::new("sheet-parts-too-big").arg("max", mib(MAX_TOTAL_BYTES)));
        }
    }
    Ok(())
}

/// Counts what passes through, so that a part's size is what it inflates
/// to, not what its header claims.
struct CountingReader<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read = self.read.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
        Ok(n)
    }
}

enum ScanError {
    /// A grid over the limits: the message.
    Grid(Text),
    /// Not well-formed XML, or the zip stream broke.
    Damaged(String),
}

/// The rows and columns a sheet spans: declared and used, 1-based.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
struct Grid {
    rows: (u64, u64),
    cols: (u64, u64),
}

impl Grid {
    fn take(&mut self, row: u64, col: u64) {
        let widen = |(lo, hi): (u64, u64), v: u64| {
            if lo == 0 {
                (v, v)
            } else {
                (lo.min(v), hi.max(v))
            }
        };
        self.rows = widen(self.rows, row);
        self.cols = widen(self.cols, col);
    }

    /// The grid against the limits; `part` names the sheet in the message.
    fn check(&self, part: &str) -> Result<(), Text> {
        let span = |(lo, hi): (u64, u64)| if lo == 0 { 0 } else { hi - lo + 1 };
        let (rows, cols) = (span(self.rows), span(self.cols));
        if rows > MAX_ROWS {
            return Err(Text::new("sheet-too-many-rows")
                .arg("part", part)
                .arg("count", rows)
                .arg("max", MAX_ROWS));
        }
        if cols > MAX_COLUMNS {
            return Err(Text::new("sheet-too-many-columns")
                .arg("part", part)
                .arg("count", cols)
                .arg("max", MAX_COLUMNS));
        }
        if rows.saturating_mul(cols) > MAX_GRID_CELLS {
            return Err(Text::new("sheet-too-many-cells")
                .arg("part", part)
                .arg("count", rows.saturating_mul(cols))
                .arg("max", MAX_GRID_CELLS));
        }
        Ok(())
    }
}

/// Streams one XML part: a worksheet's declared dimension and every row
/// and cell it places are checked as they come, so that a grid over the
/// limits is refused at the first cell that makes it so.
fn scan_xml(part: &mut impl Read, name: &str) -> Result<Grid, ScanError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    // Read as calamine reads (its `xml_reader`), so that both see the same
    // elements: what it tolerates is tolerated here, and no more.
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    config.expand_empty_elements = true;
    let mut buf = Vec::new();
    let mut grid = Grid::default();
    let mut in_sheet_data = false;
    // Where the reader places a row or cell that does not say: after the last.
    let (mut row, mut col) = (0u64, 0u64);
    loop {
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| ScanError::Damaged(e.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "dimension" => {
                    for reference in attributes(&e, "ref") {
                        let mut declared = Grid::default();
                        for corner in reference.split(':') {
                            if let Some((r, c)) = cell_reference(corner) {
                                declared.take(r, c);
                            }
                        }
                        declared.check(name).map_err(ScanError::Grid)?;
                    }
                }
                "sheetData" => in_sheet_data = true,
                "row" if in_sheet_data => {
                    let numbers: Vec<u64> = attributes(&e, "r")
                        .iter()
                        .filter_map(|r| r.trim().parse().ok())
                        .collect();
                    row = numbers.last().copied().unwrap_or(row.saturating_add(1));
                    for n in numbers {
                        grid.take(n.max(1), grid.cols.0.max(1));
                    }
                    col = 0;
                }
                "c" if in_sheet_data => {
                    // Every `r` (a prefixed one too) counts, so that no
                    // second attribute can place the cell unseen.
                    let places: Vec<(u64, u64)> =
                        attributes(&e, "r").iter().filter_map(|r| cell_reference(r)).collect();
                    match places.last() {
                        Some(&(r, c)) => {
                            row = r;
                            col = c;
                        }
                        None => col = col.saturating_add(1),
                    }
                    for (r, c) in places {
                        grid.take(r.max(1), c.max(1));
                    }
                    grid.take(row.max(1), col.max(1));
                    grid.check(name).map_err(ScanError::Grid)?;
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "sheetData" => in_sheet_data = false,
            Event::Eof => return Ok(grid),
            _ => {}
        }
    }
}

/// The values of every attribute whose local name is `name`, as written.
fn attributes(e: &BytesStart<'_>, name: &str) -> Vec<String> {
    e.attributes()
        .flatten()
        .filter(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
        .collect()
}

/// `XFD1048576` as (row, column), 1-based; `None` when it is not a cell's
/// address. Numbers past any grid saturate, so they are over the limits.
fn cell_reference(text: &str) -> Option<(u64, u64)> {
    let text = text.trim().trim_start_matches('$');
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (col_text, rest) = text.split_at(letters);
    let rest = rest.trim_start_matches('$');
    if col_text.is_empty() || rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let col = col_text.bytes().fold(0u64, |n, b| {
        n.saturating_mul(26)
            .saturating_add(u64::from(b.to_ascii_uppercase() - b'A' + 1))
    });
    let row = rest
        .bytes()
        .fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0')));
    Some((row, col))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_reference("A1"), Some((1, 1)));
        assert_eq!(cell_reference("$C$12"), Some((12, 3)));
        assert_eq!(cell_reference("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_reference("AAAAAAAAAAAAAAAAAAAAAAA1"), Some((1, u64::MAX)));
        assert_eq!(cell_reference("A"), None);
        assert_eq!(cell_reference("12"), None);
        assert_eq!(cell_reference("A1B"), None);
    }

    fn sheet(cells: &str) -> String {
        format!("<worksheet xmlns=\"x\"><dimension ref=\"A1\"/><sheetData>{cells}</sheetData></worksheet>")
    }

    fn scan(text: &str) -> Result<Grid, String> {
        scan_xml(&mut text.as_bytes(), "sheet1.xml").map_err(|e| match e {
            ScanError::Grid(t) => t.id.to_string(),
            ScanError::Damaged(d) => d,
        })
    }

    #[test]
    fn a_grid_is_measured_from_its_cells() {
        let g = scan(&sheet("<row r=\"2\"><c r=\"B2\"/><c/></row><row><c/></row>")).unwrap();
        assert_eq!(
            g,
            Grid {
                rows: (2, 3),
                cols: (1, 3)
            }
        );
        // One far cell is enough to span the whole grid.
        let far = sheet("<row r=\"1\"><c r=\"A1\"/></row><row r=\"1048576\"><c r=\"XFD1048576\"/></row>");
        assert_eq!(scan(&far).unwrap_err(), "sheet-too-many-rows");
        let wide = sheet("<row r=\"1\"><c r=\"A1\"/><c r=\"AMZ1\"/></row>");
        assert_eq!(scan(&wide).unwrap_err(), "sheet-too-many-columns");
        let square = sheet("<row r=\"1\"><c r=\"A1\"/></row><row r=\"2000\"><c r=\"ALL2000\"/></row>");
        assert_eq!(scan(&square).unwrap_err(), "sheet-too-many-cells");
        // A declared dimension alone is enough too: the reader reserves it.
        let declared = "<worksheet><dimension ref=\"A1:XFD1048576\"/><sheetData/></worksheet>";
        assert_eq!(scan(declared).unwrap_err(), "sheet-too-many-rows");
        // Prefixed names (the Open XML SDK writes `x:c`) are the same elements.
        let prefixed = "<x:worksheet xmlns:x=\"y\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\"/><x:c r=\"AMZ1\"/></x:row></x:sheetData></x:worksheet>";
        assert_eq!(scan(prefixed).unwrap_err(), "sheet-too-many-columns");
    }

    #[test]
    fn sizes_are_shown_in_mebibytes() {
        assert_eq!(mib(32 * 1024 * 1024), "32.0 MiB");
        assert_eq!(mib(1024 * 1024 + 512 * 1024), "1.5 MiB");
        assert!(check_file_size(MAX_FILE_BYTES).is_ok());
        assert!(check_file_size(MAX_FILE_BYTES + 1).is_err());
    }
}

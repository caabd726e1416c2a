//! Numbers as Indonesian spreadsheets hold them: `77,5`, `1.938.261.000`,
//! `Rp. 1.938.261.000,-`, `45%`, `0 Layanan`, and number cells.
//!
//! In Indonesian the comma is the decimal mark and the dot groups
//! thousands. A text cell is read by that convention, and only where it is
//! unambiguous: `7.5` can only mean seven and a half (a dot before other
//! than three digits groups nothing), but `1.500` could be fifteen hundred
//! or one and a half, so it is an error that asks the author to say which.
//! A number cell holds a binary double; it is read through its shortest
//! text, which is the figure the author typed.

use sakip_core::{Decimal, Text};
use std::str::FromStr;

/// A value read from a cell: a number and, when the cell said so, its unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellValue {
    /// The number, exact.
    pub amount: Decimal,
    /// What the cell said it was.
    pub unit: CellUnit,
}

/// How a cell qualified its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellUnit {
    /// The cell gave a bare number.
    Bare,
    /// `45%`, or a number cell formatted as a percentage.
    Percent,
    /// A word after the number: `144 Orang`.
    Word(String),
    /// No number: a qualitative indikator's value as written (`WTP`, `Belum
    /// WBK`); `amount` is 0. Whether it is on the indikator's scale is the
    /// rules' to say (`sakip check` on the written file).
    Skala(String),
}

/// What a cell holds, before it is read as a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number cell; `persen` when its display format is a percentage,
    /// in which case the stored value is a fraction (0.45 shows as 45%).
    Number {
        number: f64,
        percent: bool,
    },
}

/// A number cell's value as an exact decimal: the shortest text that reads
/// back as the same double, which is what the author typed.
pub fn from_f64(x: f64) -> Result<Decimal, Text> {
    if !x.is_finite() {
        return Err(Text::new("number-not-finite"));
    }
    let text = format!("{x}");
    Decimal::from_str(&text)
        .map(|d| d.normalize())
        .map_err(|_| Text::new("number-too-many-digits").arg("text", &text))
}

/// Reads the number part of a text cell (`77,5`, `1.938.261.000`, `-3`):
/// the core's reader of Indonesian numbers, shared with the long table.
pub use sakip_core::angka::read_decimal;

/// Whether a cell says the figure was not measured this year (the core's
/// rule, shared with the long table).
pub fn says_not_measured(cell: &Cell) -> bool {
    matches!(cell, Cell::Text(t) if sakip_core::data::says_tidak_diukur(t))
}

/// A realisasi or a printed capaian: `30`, `7.5%`, `77,5`, `0 Layanan`,
/// or a number cell. `None` for an empty cell or `-`, which staff write for
/// a figure not reported.
pub fn read_value(cell: &Cell) -> Result<Option<CellValue>, Text> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number { number, percent } => {
            let d = from_f64(*number)?;
            Ok(Some(if *percent {
                CellValue {
                    amount: (d * Decimal::ONE_HUNDRED).normalize(),
                    unit: CellUnit::Percent,
                }
            } else {
                CellValue {
                    amount: d,
                    unit: CellUnit::Bare,
                }
            }))
        }
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() || t == "-" {
                return Ok(None);
            }
            if let Some(num) = t.strip_suffix('%') {
                return Ok(Some(CellValue {
                    amount: read_decimal(num)?,
                    unit: CellUnit::Percent,
                }));
            }
            let split = t.find(|c: char| c.is_alphabetic()).unwrap_or(t.len());
            let (num, word) = t.split_at(split);
            if num.trim().is_empty() {
                return Err(Text::new("number-not-a-number").arg("text", t));
            }
            let amount = read_decimal(num)?;
            let word = word.trim();
            if word.is_empty() {
                return Ok(Some(CellValue {
                    amount,
                    unit: CellUnit::Bare,
                }));
            }
            let ok = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !ok {
                return Err(Text::new("number-after-word").arg("text", t));
            }
            let word = word.to_lowercase();
            // A word of the rules language (`30 indikator`) is no unit: the
            // data file would not read back (found by the upload fuzz target).
            if !sakip_rules::lexicon::is_unit_word(&word) {
                return Err(Text::new("number-unit-keyword").arg("text", t).arg("word", &word));
            }
            Ok(Some(CellValue {
                amount,
                unit: CellUnit::Word(word),
            }))
        }
    }
}

/// A realisasi cell: a figure as [`read_value`] reads it, or a word that
/// is a qualitative indikator's value (`WTP`, `Belum WBK`): letters first,
/// then letters, digits, spaces, `-` or `_`.
pub fn read_realisasi(cell: &Cell) -> Result<Option<CellValue>, Text> {
    read_value(cell).or_else(|e| match cell {
        Cell::Text(t) if is_skala_word(t.trim()) => Ok(Some(CellValue {
            amount: Decimal::ZERO,
            unit: CellUnit::Skala(t.split_whitespace().collect::<Vec<_>>().join(" ")),
        })),
        _ => Err(e),
    })
}

fn is_skala_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_alphabetic)
        && t.chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_')
}

/// An amount of money: `Rp. 1.938.261.000`, `Rp 1.938.261.000,-`,
/// `1938261000`, a number cell. Empty and `-` are zero, as in accounting
/// (`Rp -`), because a budget line with nothing spent is a line of zeros.
pub fn read_rupiah(cell: &Cell) -> Result<Decimal, Text> {
    match cell {
        Cell::Empty => Ok(Decimal::ZERO),
        Cell::Number { number, .. } => from_f64(*number),
        Cell::Text(t) => {
            let mut s = t.trim();
            for prefix in ["Rp.", "Rp", "rp.", "rp", "RP.", "RP"] {
                if let Some(rest) = s.strip_prefix(prefix) {
                    s = rest.trim_start();
                    break;
                }
            }
            let s = s
                .strip_suffix(",-")
                .or_else(|| s.strip_suffix(",00"))
                .unwrap_or(s)
                .trim();
            if s.is_empty() || s == "-" {
                return Ok(Decimal::ZERO);
            }
            // In a money column every dot groups thousands: `Rp 1.500` is
            // fifteen hundred rupiah.
            let groups: Vec<&str> = s.split('.').collect();
            if let [_, tail] = groups.as_slice() {
                if tail.len() == 3 && !s.contains(',') {
                    return read_decimal(&groups.concat());
                }
            }
            read_decimal(s)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn values_with_units() {
        let v = |s: &str| read_value(&Cell::Text(s.into()));
        assert_eq!(
            v("45%"),
            Ok(Some(CellValue {
                amount: d("45"),
                unit: CellUnit::Percent
            }))
        );
        assert_eq!(
            v("0 %"),
            Ok(Some(CellValue {
                amount: d("0"),
                unit: CellUnit::Percent
            }))
        );
        assert_eq!(
            v("144 Orang"),
            Ok(Some(CellValue {
                amount: d("144"),
                unit: CellUnit::Word("orang".into())
            }))
        );
        assert_eq!(v("-"), Ok(None));
        assert_eq!(v("  "), Ok(None));
        assert!(v("12 orang baik").is_err());
        // A keyword is no unit, but for the natural ones.
        assert_eq!(v("30indikator").map_err(|e| e.id), Err("number-unit-keyword"));
        assert_eq!(v("30 Target").map_err(|e| e.id), Err("number-unit-keyword"));
        assert!(v("80 nilai").is_ok() && v("12 kegiatan").is_ok());
        assert_eq!(
            v("abc").map_err(|e| e.render(sakip_core::Lang::En)),
            Err("`abc` is not a number".into())
        );
    }

    #[test]
    fn number_cells_read_as_typed() {
        let pct = Cell::Number {
            number: 0.075,
            percent: true,
        };
        assert_eq!(
            read_value(&pct),
            Ok(Some(CellValue {
                amount: d("7.5"),
                unit: CellUnit::Percent
            }))
        );
        let plain = Cell::Number {
            number: 32.5,
            percent: false,
        };
        assert_eq!(
            read_value(&plain),
            Ok(Some(CellValue {
                amount: d("32.5"),
                unit: CellUnit::Bare
            }))
        );
        assert_eq!(from_f64(0.1), Ok(d("0.1")));
        assert!(from_f64(f64::NAN).is_err());
    }

    /// A small deterministic generator, so a failure names its seed.
    struct Acak(u64);
    impl Acak {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    /// Every figure the reports print the Indonesian way reads back as
    /// itself, except the one form that is ambiguous (`1.500`), which is an
    /// error saying so; and no text makes the readers panic.
    #[test]
    fn printed_figures_read_back_and_no_text_panics() {
        let mut acak = Acak(0x5a4b_1f00_2022);
        for _ in 0..20_000 {
            let int = i64::try_from(acak.next() % 10_000_000_000_000).unwrap();
            let scale = u32::try_from(acak.next() % 5).unwrap();
            let sign = if acak.next().is_multiple_of(4) { -1 } else { 1 };
            let v = Decimal::new(sign * int, scale).normalize();
            let printed = sakip_report::number_text::id(v);
            let single_group = printed.matches('.').count() == 1 && !printed.contains(',');
            match read_decimal(&printed) {
                Ok(back) => assert_eq!(back, v, "{printed}"),
                Err(e) => assert!(single_group && e.id == "number-ambiguous", "{printed}: {e:?}"),
            }
            if v.scale() == 0 {
                // In a money column every dot groups thousands.
                assert_eq!(read_rupiah(&Cell::Text(format!("Rp {printed}"))), Ok(v), "{printed}");
            }
        }
        let alphabet: Vec<char> = "0123456789.,-% Rp.abcOrang\u{a0}é".chars().collect();
        for _ in 0..20_000 {
            let len = usize::try_from(acak.next() % 14).unwrap();
            let text: String = (0..len)
                .map(|_| alphabet[usize::try_from(acak.next()).unwrap() % alphabet.len()])
                .collect();
            let _ = read_decimal(&text);
            let _ = read_value(&Cell::Text(text.clone()));
            let _ = read_rupiah(&Cell::Text(text));
        }
    }

    #[test]
    fn money() {
        let r = |s: &str| read_rupiah(&Cell::Text(s.into()));
        assert_eq!(r("Rp. 1.938.261.000"), Ok(d("1938261000")));
        assert_eq!(r("Rp 2.672.990.000,-"), Ok(d("2672990000")));
        assert_eq!(r("Rp 1.500"), Ok(d("1500")));
        assert_eq!(r("-"), Ok(Decimal::ZERO));
        assert_eq!(r("0"), Ok(Decimal::ZERO));
        assert_eq!(read_rupiah(&Cell::Empty), Ok(Decimal::ZERO));
        assert!(r("Rp satu juta").is_err());
    }
}

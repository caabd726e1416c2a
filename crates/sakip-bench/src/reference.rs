//! The reference a long-table rollup is measured against: a plain,
//! single-threaded Rust loop over the generated long CSV (csv and
//! rust_decimal, nothing of sakip) that computes what the generated national
//! rules say — the year's realisasi from the triwulan by the indicator's
//! aggregation, the capaian by its polarity, the Konversi Efisiensi cap of
//! 120, truncation to two decimals, the band — and writes one line per row.
//!
//! It knows only this workload's rules (from `indikator.csv`, which
//! [`crate::generate`] writes beside the rules): it is the floor of what
//! any program must do for these figures, not a rules engine. [`compare`]
//! checks that sakip's long CSV holds the same figures, row by row, so the
//! reference is also a second, independent computation of every capaian.

use camino::Utf8Path;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;
use std::io::Write;
use std::str::FromStr;

/// The Konversi Efisiensi cap of the generated rules.
const CAP: Decimal = Decimal::from_parts(120, 0, 0, false, 0);

/// The generated bands, highest first: lower bound (inclusive) and label.
const BANDS: [(Decimal, &str); 4] = [
    (Decimal::from_parts(100, 0, 0, false, 0), "Sangat Memuaskan"),
    (Decimal::from_parts(80, 0, 0, false, 0), "Memuaskan"),
    (Decimal::from_parts(70, 0, 0, false, 0), "Cukup Memuaskan"),
    (Decimal::from_parts(60, 0, 0, false, 0), "Kurang Memuaskan"),
];
const LOWEST: &str = "Tidak Memuaskan";

#[derive(Debug, Clone, Copy)]
enum Aggregation {
    Sum,
    Mean,
    Last,
    Max,
}

#[derive(Debug, Clone, Copy)]
struct Indicator {
    lower_is_better: bool,
    aggregation: Aggregation,
}

/// Reads `indikator.csv`: indikator, tier, polaritas, agregasi.
fn indicators(path: &Utf8Path) -> Result<HashMap<Vec<u8>, Indicator>, String> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{path}: {e}"))?;
    let mut map = HashMap::new();
    let mut record = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| format!("{path}: {e}"))?
    {
        let aggregation = match record.get(3) {
            Some(b"jumlah") => Aggregation::Sum,
            Some(b"rata") => Aggregation::Mean,
            Some(b"terakhir") => Aggregation::Last,
            Some(b"tertinggi") => Aggregation::Max,
            other => return Err(format!("{path}: unknown agregasi {other:?}")),
        };
        let id = record.get(0).unwrap_or_default().to_vec();
        let lower_is_better = record.get(2) == Some(b"turun");
        map.insert(
            id,
            Indicator {
                lower_is_better,
                aggregation,
            },
        );
    }
    Ok(map)
}

fn column(header: &csv::ByteRecord, name: &str) -> Result<usize, String> {
    header
        .iter()
        .position(|h| h == name.as_bytes())
        .ok_or_else(|| format!("no column {name}"))
}

fn decimal(cell: &[u8]) -> Result<Option<Decimal>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    let text = std::str::from_utf8(cell).map_err(|e| e.to_string())?;
    Decimal::from_str(text).map(Some).map_err(|e| format!("{text}: {e}"))
}

/// The year's realisasi from the triwulan present, in period order.
fn realisasi(aggregation: Aggregation, tw: &[Option<Decimal>; 4]) -> Option<Decimal> {
    let mut present = tw.iter().flatten().copied();
    match aggregation {
        Aggregation::Sum => present.try_fold(Decimal::ZERO, |a, v| a.checked_add(v)),
        Aggregation::Mean => {
            let n = tw.iter().flatten().count();
            if n == 0 {
                return None;
            }
            present
                .try_fold(Decimal::ZERO, |a, v| a.checked_add(v))?
                .checked_div(Decimal::from(n))
        }
        Aggregation::Last => present.last(),
        Aggregation::Max => present.max(),
    }
}

/// The capaian before the cap: realisasi / target x 100, or for lower is
/// better (2 x target - realisasi) / target x 100 and at least 0; a target
/// of 0 gives 100 when realisasi did not go the wrong way, else 0.
fn raw_capaian(lower_is_better: bool, t: Decimal, r: Decimal) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    if t.is_zero() {
        let fine = if lower_is_better {
            r <= Decimal::ZERO
        } else {
            r >= Decimal::ZERO
        };
        return Some(if fine { hundred } else { Decimal::ZERO });
    }
    if lower_is_better {
        let part = t.checked_mul(Decimal::TWO)?.checked_sub(r)?;
        Some(part.checked_mul(hundred)?.checked_div(t)?.max(Decimal::ZERO))
    } else {
        r.checked_mul(hundred)?.checked_div(t)
    }
}

fn band(capaian: Decimal) -> &'static str {
    BANDS
        .iter()
        .find(|(low, _)| capaian >= *low)
        .map_or(LOWEST, |(_, label)| label)
}

/// Computes every row of `workload`'s long CSV and writes
/// `satker,indikator,realisasi,capaian,band` to `out`; returns the rows.
pub fn run(workload: &Utf8Path, out: &mut dyn Write) -> Result<u64, String> {
    let inds = indicators(&workload.join("indikator.csv"))?;
    let data = workload.join("realisasi-satker.csv");
    let mut reader = csv::Reader::from_path(&data).map_err(|e| format!("{data}: {e}"))?;
    let header = reader.byte_headers().map_err(|e| format!("{data}: {e}"))?.clone();
    let satker = column(&header, "satker")?;
    let indikator = column(&header, "indikator")?;
    let target = column(&header, "target")?;
    let tw = [
        column(&header, "tw1")?,
        column(&header, "tw2")?,
        column(&header, "tw3")?,
        column(&header, "tw4")?,
    ];
    let mut writer = csv::Writer::from_writer(out);
    writer
        .write_record(["satker", "indikator", "realisasi", "capaian", "band"])
        .map_err(|e| e.to_string())?;
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut text) = (0u64, [String::new(), String::new()]);
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| format!("{data}: {e}"))?
    {
        rows += 1;
        let id = record.get(indikator).unwrap_or_default();
        let ind = inds
            .get(id)
            .ok_or_else(|| format!("{data}: row {rows}: unknown indikator"))?;
        let cell = |i: usize| decimal(record.get(i).unwrap_or_default());
        let t = cell(target)?;
        let values = [cell(tw[0])?, cell(tw[1])?, cell(tw[2])?, cell(tw[3])?];
        let r = realisasi(ind.aggregation, &values);
        let capaian = match (t, r) {
            (Some(t), Some(r)) => raw_capaian(ind.lower_is_better, t, r)
                .map(|raw| raw.min(CAP).round_dp_with_strategy(2, RoundingStrategy::ToZero)),
            _ => None,
        };
        use std::fmt::Write as _;
        for (buf, value) in text.iter_mut().zip([r, capaian]) {
            buf.clear();
            if let Some(v) = value {
                let _ = write!(buf, "{v}");
            }
        }
        let [r_text, c_text] = &text;
        writer
            .write_record([
                record.get(satker).unwrap_or_default(),
                id,
                r_text.as_bytes(),
                c_text.as_bytes(),
                capaian.map_or("", band).as_bytes(),
            ])
            .map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())?;
    Ok(rows)
}

/// How sakip's long CSV and the reference's output differ.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Differences {
    /// Rows of the reference compared.
    pub rows: u64,
    /// Rows whose realisasi, capaian or band differ (as numbers, so `80`
    /// and `80.00` are the same figure).
    pub differ: u64,
    /// Rows of the reference sakip did not write.
    pub missing: u64,
    /// The first few differences, for a person to read.
    pub examples: Vec<String>,
}

/// A row's realisasi, capaian and band, the figures compared.
type Figures = (Option<Decimal>, Option<Decimal>, String);

/// A row's satker and indikator.
type Key = (String, String);

/// Every row of a long CSV as (satker, indikator) and its figures, whatever
/// the order of its columns (sakip's and the reference's differ).
fn rows_of(path: &Utf8Path) -> Result<Vec<(Key, Figures)>, String> {
    let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{path}: {e}"))?;
    let header = reader.headers().map_err(|e| format!("{path}: {e}"))?.clone();
    let find = |n: &str| {
        header
            .iter()
            .position(|c| c == n)
            .ok_or(format!("{path}: no column {n}"))
    };
    let [s, i, re, ca, ba] = [
        find("satker")?,
        find("indikator")?,
        find("realisasi")?,
        find("capaian")?,
        find("band")?,
    ];
    let mut rows = Vec::new();
    for record in reader.records() {
        let r = record.map_err(|e| format!("{path}: {e}"))?;
        let cell = |at: usize| r.get(at).unwrap_or_default();
        let key = (cell(s).to_string(), cell(i).to_string());
        let figures = (
            decimal(cell(re).as_bytes())?,
            decimal(cell(ca).as_bytes())?,
            cell(ba).to_string(),
        );
        rows.push((key, figures));
    }
    Ok(rows)
}

/// Compares the reference's output with sakip's long CSV (`rollup -f csv`).
pub fn compare(reference: &Utf8Path, sakip: &Utf8Path) -> Result<Differences, String> {
    let theirs: HashMap<Key, Figures> = rows_of(sakip)?.into_iter().collect();
    let mut d = Differences::default();
    for (key, ours) in rows_of(reference)? {
        d.rows += 1;
        match theirs.get(&key) {
            None => d.missing += 1,
            Some(t) if *t != ours => {
                d.differ += 1;
                if d.examples.len() < 5 {
                    d.examples
                        .push(format!("{} {}: reference {ours:?}, sakip {t:?}", key.0, key.1));
                }
            }
            Some(_) => {}
        }
    }
    Ok(d)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn capaian_by_polarity_with_a_target_of_zero() {
        assert_eq!(raw_capaian(false, d("80"), d("60")), Some(d("75")));
        assert_eq!(raw_capaian(true, d("10"), d("12")), Some(d("80")));
        assert_eq!(raw_capaian(true, d("10"), d("30")), Some(d("0")));
        assert_eq!(raw_capaian(false, d("0"), d("0")), Some(d("100")));
        assert_eq!(raw_capaian(true, d("0"), d("1")), Some(d("0")));
    }

    #[test]
    fn bands_at_their_edges() {
        assert_eq!(band(d("100")), "Sangat Memuaskan");
        assert_eq!(band(d("99.99")), "Memuaskan");
        assert_eq!(band(d("80.00")), "Memuaskan");
        assert_eq!(band(d("59.99")), "Tidak Memuaskan");
    }

    #[test]
    fn periods_combined_as_the_rules_say() {
        let tw = [Some(d("1")), None, Some(d("2")), Some(d("4"))];
        assert_eq!(realisasi(Aggregation::Sum, &tw), Some(d("7")));
        assert_eq!(realisasi(Aggregation::Mean, &tw), Some(d("7") / d("3")));
        assert_eq!(realisasi(Aggregation::Last, &tw), Some(d("4")));
        assert_eq!(realisasi(Aggregation::Max, &tw), Some(d("4")));
        assert_eq!(realisasi(Aggregation::Mean, &[None; 4]), None);
    }
}

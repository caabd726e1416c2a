//! What a unit reports for one year: realisasi per indicator and period,
//! pagu and realisasi per jenis belanja, and the figures its report printed
//! (kept only to be compared with the computed ones).

use crate::model::{Origin, Quantity};
use crate::periode::Periode;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiEntry {
    pub indicator: String,
    /// One value for the year (`Periode::Tahun`), or one per period.
    pub values: Vec<(Periode, Quantity)>,
    /// The capaian the unit's report printed, if it is being checked.
    pub printed_capaian: Option<Decimal>,
    /// Not measured this year (`tidak diukur`): no values, shown as n/a,
    /// left out of means and counts, never reported as missing.
    pub tidak_diukur: Option<TidakDiukur>,
    pub origin: Option<Origin>,
}

/// Whether a cell of a table (a long table's, an imported sheet's) says
/// the realisasi was not measured this year: `n/a`, as reports print it,
/// or `tidak diukur`, in any case.
pub fn says_tidak_diukur(cell: &str) -> bool {
    let cell = cell.trim();
    cell.eq_ignore_ascii_case("n/a") || cell.eq_ignore_ascii_case("tidak diukur")
}

/// Why a realisasi was not measured, when the data says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TidakDiukur {
    pub alasan: Option<String>,
}

/// Pagu and realisasi of one budget line: a jenis belanja or a programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BelanjaEntry {
    pub name: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    pub printed_penyerapan: Option<Decimal>,
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitData {
    pub year: u16,
    pub dasar: Vec<String>,
    pub realisasi: Vec<RealisasiEntry>,
    /// Per jenis belanja (Belanja Pegawai, Barang, Modal).
    pub belanja: Vec<BelanjaEntry>,
    /// Per programme, when the unit reports it.
    pub program: Vec<BelanjaEntry>,
}

impl UnitData {
    pub fn new(year: u16) -> Self {
        Self {
            year,
            ..Self::default()
        }
    }
}

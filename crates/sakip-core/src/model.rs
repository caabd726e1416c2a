//! The resolved rule set: what is in force for a unit, from the national
//! rules through its Kanwil's to its own Perjanjian Kinerja.

use crate::agregasi::Agregasi;
use crate::formula::Expr;
use crate::klasifikasi::Klasifikasi;
use crate::pembulatan::{Rounding, RoundingMode};
use crate::periode::JenisPeriode;
use crate::polaritas::Polaritas;
use crate::satuan::Satuan;
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Where something was written: the one location type of the project,
/// carried by traces and by every problem. The core never opens the file.
/// A line of 0 means the file (or folder) as a whole; a column of 0, the
/// line as a whole (a row of a table).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Origin {
    pub file: String,
    /// 1-based; 0 for the whole file.
    pub line: u32,
    /// 1-based, in characters.
    pub col: u32,
}

impl Origin {
    /// A place in a file.
    pub fn new(file: impl Into<String>, line: u32, col: u32) -> Self {
        Self {
            file: file.into(),
            line,
            col,
        }
    }

    /// A file or folder as a whole.
    pub fn file(file: impl Into<String>) -> Self {
        Self::new(file, 0, 0)
    }
}

impl fmt::Display for Origin {
    /// `file:line:col`, or the file alone when there is no line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.col) {
            (0, _) => f.write_str(&self.file),
            (line, 0) => write!(f, "{}:{line}", self.file),
            (line, col) => write!(f, "{}:{line}:{col}", self.file),
        }
    }
}

/// A value together with the place that set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ruled<T> {
    pub value: T,
    pub origin: Option<Origin>,
}

impl<T> Ruled<T> {
    pub fn default_rule(value: T) -> Self {
        Self { value, origin: None }
    }
}

/// A setting and the years it is in force: a base for every year, and
/// versions that replace it from a year on (`klasifikasi mulai 2023`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce<T> {
    pub base: Ruled<T>,
    /// `(from_year, setting)`, in increasing years.
    pub versions: Vec<(u16, Ruled<T>)>,
}

impl<T> InForce<T> {
    pub fn new(base: Ruled<T>) -> Self {
        Self {
            base,
            versions: Vec::new(),
        }
    }

    /// The setting in force in `year`.
    pub fn at(&self, year: u16) -> &Ruled<T> {
        self.versions
            .iter()
            .rev()
            .find(|(from, _)| *from <= year)
            .map(|(_, r)| r)
            .unwrap_or(&self.base)
    }

    /// Sets `rule` for every year (`None`) or from a year on, replacing what
    /// was in force for those years.
    pub fn set(&mut self, from: Option<u16>, rule: Ruled<T>) {
        match from {
            None => {
                self.base = rule;
                self.versions.clear();
            }
            Some(year) => {
                self.versions.retain(|(f, _)| *f < year);
                self.versions.push((year, rule));
            }
        }
    }
}

/// The settings in force for one year.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'a> {
    pub pembulatan_capaian: &'a Ruled<Rounding>,
    pub pembulatan_anggaran: &'a Ruled<Rounding>,
    /// How the unit's score is rounded; `None`: like a capaian.
    pub pembulatan_nilai: &'a Ruled<Option<Rounding>>,
    pub konversi_efisiensi: Option<(Decimal, Option<&'a Origin>)>,
    pub klasifikasi: &'a Ruled<Klasifikasi>,
    /// `capaian sasaran ...`: how a sasaran's capaian is made, when it is.
    pub capaian_sasaran: &'a Ruled<Option<Gabungan>>,
    /// `capaian jenjang ...`: the same for each tier (Tabel 3.1 to 3.4).
    pub capaian_jenjang: &'a Ruled<Option<Gabungan>>,
    /// `pembulatan sasaran ...`; `None`: rounded like a capaian.
    pub pembulatan_sasaran: &'a Ruled<Option<Rounding>>,
    /// `target berjalan ...`: the target of a period the agreement gives
    /// no target for; `None`: no capaian before the year ends.
    pub target_berjalan: &'a Ruled<Option<TargetBerjalan>>,
    /// `pembulatan realisasi ...`: a realisasi computed from units; `None`:
    /// rounded like a capaian.
    pub pembulatan_realisasi: &'a Ruled<Option<Rounding>>,
}

/// The target of a period of the year in progress where the agreement
/// has only the year's (`target berjalan prorata|tahunan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetBerjalan {
    /// The year's target times the share of the year gone (a half at
    /// `tw2`): for figures that add up over the year.
    Prorata,
    /// The year's target itself: for an index or a share measured as it
    /// stands.
    Tahunan,
}

impl TargetBerjalan {
    pub fn keyword(self) -> &'static str {
        match self {
            TargetBerjalan::Prorata => "prorata",
            TargetBerjalan::Tahunan => "tahunan",
        }
    }
}

/// How a sasaran's or a tier's capaian is made from its indikator's: their
/// mean ("Rata-rata capaian kinerja sasaran"), as the rule set states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gabungan {
    /// `bobot`: weighted by each indikator's `bobot` (1 when it has none).
    pub berbobot: bool,
    /// `maks 100`: each indikator's capaian capped at this before the mean.
    pub maks: Option<Decimal>,
    /// `mentah`: from each capaian before the rounding (after the
    /// Konversi Efisiensi cap), not from the printed figure.
    pub mentah: bool,
}

impl Settings<'_> {
    /// How the unit's score is rounded: `pembulatan nilai`, else like a capaian.
    pub fn nilai_rounding(&self) -> Rounding {
        self.pembulatan_nilai.value.unwrap_or(self.pembulatan_capaian.value)
    }

    /// How a realisasi computed from units is rounded: `pembulatan
    /// realisasi`, else like a capaian.
    pub fn realisasi_rounding(&self) -> Rounding {
        self.pembulatan_realisasi.value.unwrap_or(self.pembulatan_capaian.value)
    }

    /// How a sasaran's or a tier's capaian is rounded: `pembulatan
    /// sasaran`, else like a capaian.
    pub fn sasaran_rounding(&self) -> Rounding {
        self.pembulatan_sasaran.value.unwrap_or(self.pembulatan_capaian.value)
    }
}

/// The tier a sasaran and its indikator measure at (jenjang sasaran: Tabel
/// 3.1 to 3.4 of an LKjIP). Named in English as the JSON contract's `tier`
/// field is; not to be confused with [`TingkatAturan`], the level of a rule
/// set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Sasaran Strategis, measured by IKU.
    Strategis,
    /// Sasaran Program.
    Program,
    /// Sasaran Kegiatan.
    Kegiatan,
    /// Budget outputs (Rincian Output) with volumes.
    Output,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Strategis, Tier::Program, Tier::Kegiatan, Tier::Output];

    pub fn from_keyword(word: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.keyword() == word)
    }

    pub fn keyword(self) -> &'static str {
        match self {
            Tier::Strategis => "strategis",
            Tier::Program => "program",
            Tier::Kegiatan => "kegiatan",
            Tier::Output => "output",
        }
    }

    /// The heading an LKjIP gives the tier.
    pub fn title(self) -> &'static str {
        match self {
            Tier::Strategis => "Sasaran Strategis",
            Tier::Program => "Sasaran Program",
            Tier::Kegiatan => "Sasaran Kegiatan",
            Tier::Output => "Output (Nilai Kinerja Anggaran)",
        }
    }
}

/// The level a rule set is written at (tingkat aturan): nasional, kanwil or
/// satker. A lower level builds on a higher one and its targets take
/// precedence. Not to be confused with [`Tier`], the tier of a sasaran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TingkatAturan {
    Nasional,
    Kanwil,
    Satker,
}

impl TingkatAturan {
    pub fn keyword(self) -> &'static str {
        match self {
            TingkatAturan::Nasional => "nasional",
            TingkatAturan::Kanwil => "kanwil",
            TingkatAturan::Satker => "satker",
        }
    }
}

/// One rule set of the chain: its id, name, level and legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleSetInfo {
    pub id: String,
    pub name: String,
    pub tingkat: TingkatAturan,
    pub dasar: Vec<String>,
    pub origin: Option<Origin>,
}

/// A number with the unit it was written in, if any (`1 layanan`, `75%`),
/// or a value of a qualitative indikator's scale (`WTP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The number; for a scale value, 0 until the evaluation places it on
    /// its indikator's scale ([`crate::skala::value_of`]).
    pub value: Decimal,
    pub satuan: Option<Satuan>,
    /// A scale value as written (`WTP`), where the data or the rules wrote a
    /// word rather than a number.
    pub label: Option<String>,
}

impl Quantity {
    pub fn plain(value: Decimal) -> Self {
        Self {
            value,
            satuan: None,
            label: None,
        }
    }

    /// A scale value as written.
    pub fn label(label: &str) -> Self {
        Self {
            value: Decimal::ZERO,
            satuan: None,
            label: Some(label.to_string()),
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(label) = &self.label {
            return f.write_str(label);
        }
        match &self.satuan {
            Some(s) if s.is_percent() => write!(f, "{}%", self.value),
            Some(s) => write!(f, "{} {}", self.value, s.display()),
            None => write!(f, "{}", self.value),
        }
    }
}

/// A target for one year, set at one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub year: u16,
    pub value: Quantity,
    /// The Rencana Aksi's targets per triwulan (or semester), when the
    /// agreement gives them (`target a = 75 tw1 = 20 tw2 = 40 ...`): what
    /// the year in progress is measured against.
    pub periode: Vec<(crate::periode::Periode, Quantity)>,
    pub tingkat: TingkatAturan,
    /// The id of the rule set that set it.
    pub source: String,
    pub dasar: Option<String>,
    pub origin: Option<Origin>,
}

/// A formula in force from a year on (`None`: from the start).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rumus {
    pub from_year: Option<u16>,
    pub expr: Expr,
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sasaran {
    /// `SS5`, `SP3`, `SK1`, `NKA`.
    pub code: String,
    pub tier: Tier,
    pub name: String,
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indikator {
    pub id: String,
    pub name: String,
    pub tier: Tier,
    /// The code of its sasaran.
    pub sasaran: String,
    pub satuan: Satuan,
    pub polaritas: Polaritas,
    /// How period values combine; `None` when the rule set did not say, in
    /// which case only a year's value (`tahun`) can be used.
    pub agregasi: Option<Agregasi>,
    /// The period granularity the rule set expects, when it says.
    pub jenis_periode: Option<JenisPeriode>,
    pub targets: Vec<Target>,
    pub rumus_realisasi: Vec<Rumus>,
    pub rumus_capaian: Vec<Rumus>,
    pub bobot: Option<Decimal>,
    pub dasar: Vec<String>,
    /// The indicator this is a sub-indicator of.
    pub induk: Option<String>,
    /// The same measurement at another tier (`sama_dengan`).
    pub sama_dengan: Option<String>,
    /// `komponen`: an input of a composite score (IKPA's, NKA's parts):
    /// its realisasi is read and shown; it has no target and no capaian.
    pub komponen: bool,
    /// `skala ...`: a qualitative indikator, its values on this scale.
    pub skala: Option<crate::skala::Skala>,
    /// `realisasi dari satker = ...`: a region's indikator, its realisasi
    /// computed from the units below it ([`crate::wilayah`]).
    pub dari_satker: Option<crate::wilayah::DariSatker>,
    /// The id of the rule set that declared it.
    pub defined_by: String,
    pub origin: Option<Origin>,
}

impl Indikator {
    /// The target for `year` from the most specific level that sets one.
    pub fn target_in_force(&self, year: u16) -> Option<&Target> {
        self.targets.iter().filter(|t| t.year == year).max_by_key(|t| t.tingkat)
    }

    /// The national target for `year`, if the national rules set one.
    pub fn national_target(&self, year: u16) -> Option<&Target> {
        self.targets
            .iter()
            .find(|t| t.year == year && t.tingkat == TingkatAturan::Nasional)
    }

    pub fn rumus_realisasi_in_force(&self, year: u16) -> Option<&Rumus> {
        in_force(&self.rumus_realisasi, year)
    }

    pub fn rumus_capaian_in_force(&self, year: u16) -> Option<&Rumus> {
        in_force(&self.rumus_capaian, year)
    }

    /// Whether the capaian for `year` needs a target: not when the
    /// `rumus capaian` in force never reads one (a score that is its own
    /// capaian, `rumus capaian = realisasi`: NKA, IKPA and their parts).
    pub fn needs_target(&self, year: u16) -> bool {
        !self.komponen
            && self
                .rumus_capaian_in_force(year)
                .is_none_or(|r| r.expr.reads_own(crate::formula::Field::Target))
    }
}

/// The formula with the latest start year not after `year`.
fn in_force(list: &[Rumus], year: u16) -> Option<&Rumus> {
    list.iter()
        .filter(|r| r.from_year.is_none_or(|y| y <= year))
        .max_by_key(|r| r.from_year.unwrap_or(0))
}

/// The budget of one programme in a Perjanjian Kinerja, with its kegiatan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnggaranProgram {
    pub name: String,
    pub amount: Decimal,
    pub kegiatan: Vec<(String, Decimal)>,
    pub origin: Option<Origin>,
}

/// A unit's Perjanjian Kinerja for one year: which indicators it is
/// measured by (their targets are on the indicators) and its budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perjanjian {
    pub year: u16,
    pub dasar: Vec<String>,
    /// Indicator ids in the order the agreement lists them.
    pub indikator: Vec<String>,
    pub anggaran: Vec<AnggaranProgram>,
    pub origin: Option<Origin>,
}

/// Everything in force for a unit, merged from its chain of rule sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    /// National first, the unit last.
    pub chain: Vec<RuleSetInfo>,
    pub pembulatan_capaian: InForce<Rounding>,
    pub pembulatan_anggaran: InForce<Rounding>,
    /// `pembulatan nilai ...`; `None`: the unit's score is rounded like a capaian.
    pub pembulatan_nilai: InForce<Option<Rounding>>,
    /// Konversi Efisiensi Kinerja: capaian above this is converted to it.
    pub konversi_efisiensi: InForce<Option<Decimal>>,
    pub klasifikasi: InForce<Klasifikasi>,
    /// `capaian sasaran ...`; `None`: no sasaran figure is computed.
    pub capaian_sasaran: InForce<Option<Gabungan>>,
    /// `capaian jenjang ...`; `None`: no tier figure is computed.
    pub capaian_jenjang: InForce<Option<Gabungan>>,
    /// `pembulatan sasaran ...`; `None`: like a capaian.
    pub pembulatan_sasaran: InForce<Option<Rounding>>,
    /// `target berjalan ...`; `None`: a period without its own target has no capaian.
    pub target_berjalan: InForce<Option<TargetBerjalan>>,
    /// `pembulatan realisasi ...`; `None`: like a capaian.
    pub pembulatan_realisasi: InForce<Option<Rounding>>,
    /// The Renstra period `(first, last)`: its last year's targets are the
    /// five-year plan's end targets.
    pub renstra: Option<(u16, u16)>,
    pub sasaran: Vec<Sasaran>,
    pub indikator: Vec<Indikator>,
    pub perjanjian: Vec<Perjanjian>,
}

impl Default for RuleSet {
    fn default() -> Self {
        Self {
            chain: Vec::new(),
            pembulatan_capaian: InForce::new(Ruled::default_rule(Rounding::new(RoundingMode::Truncate, 2))),
            pembulatan_anggaran: InForce::new(Ruled::default_rule(Rounding::new(RoundingMode::HalfUp, 2))),
            pembulatan_nilai: InForce::new(Ruled::default_rule(None)),
            konversi_efisiensi: InForce::new(Ruled::default_rule(None)),
            klasifikasi: InForce::new(Ruled::default_rule(Klasifikasi::default())),
            capaian_sasaran: InForce::new(Ruled::default_rule(None)),
            capaian_jenjang: InForce::new(Ruled::default_rule(None)),
            pembulatan_sasaran: InForce::new(Ruled::default_rule(None)),
            target_berjalan: InForce::new(Ruled::default_rule(None)),
            pembulatan_realisasi: InForce::new(Ruled::default_rule(None)),
            renstra: None,
            sasaran: Vec::new(),
            indikator: Vec::new(),
            perjanjian: Vec::new(),
        }
    }
}

impl RuleSet {
    /// The settings in force in `year`.
    pub fn settings(&self, year: u16) -> Settings<'_> {
        let cap = self.konversi_efisiensi.at(year);
        Settings {
            pembulatan_capaian: self.pembulatan_capaian.at(year),
            pembulatan_anggaran: self.pembulatan_anggaran.at(year),
            pembulatan_nilai: self.pembulatan_nilai.at(year),
            konversi_efisiensi: cap.value.map(|v| (v, cap.origin.as_ref())),
            klasifikasi: self.klasifikasi.at(year),
            capaian_sasaran: self.capaian_sasaran.at(year),
            capaian_jenjang: self.capaian_jenjang.at(year),
            pembulatan_sasaran: self.pembulatan_sasaran.at(year),
            target_berjalan: self.target_berjalan.at(year),
            pembulatan_realisasi: self.pembulatan_realisasi.at(year),
        }
    }

    pub fn indikator(&self, id: &str) -> Option<&Indikator> {
        self.indikator.iter().find(|i| i.id == id)
    }

    pub fn sasaran(&self, code: &str) -> Option<&Sasaran> {
        self.sasaran.iter().find(|s| s.code == code)
    }

    pub fn perjanjian(&self, year: u16) -> Option<&Perjanjian> {
        self.perjanjian.iter().find(|p| p.year == year)
    }

    /// The unit at the end of the chain, when the chain ends in a satker.
    pub fn satker(&self) -> Option<&RuleSetInfo> {
        self.chain.last().filter(|r| r.tingkat == TingkatAturan::Satker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: u32) -> Ruled<u32> {
        Ruled::default_rule(v)
    }

    #[test]
    fn a_setting_in_force_from_a_year() {
        let mut s = InForce::new(r(1));
        s.set(Some(2023), r(2));
        s.set(Some(2025), r(3));
        let at = |s: &InForce<u32>, y| s.at(y).value;
        assert_eq!(
            (at(&s, 2021), at(&s, 2023), at(&s, 2024), at(&s, 2025), at(&s, 2030)),
            (1, 2, 2, 3, 3)
        );
        // A lower level from 2024 replaces everything from 2024 on, not before.
        s.set(Some(2024), r(9));
        assert_eq!((at(&s, 2023), at(&s, 2024), at(&s, 2026)), (2, 9, 9));
        // A lower level's setting for every year replaces all.
        s.set(None, r(7));
        assert_eq!((at(&s, 2021), at(&s, 2030)), (7, 7));
    }
}

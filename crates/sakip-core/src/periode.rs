//! Reporting periods: triwulan I-IV, semester I-II, and the whole year.

use serde::Serialize;
use std::fmt;

/// One reporting period of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Periode {
    Tw1,
    Tw2,
    Tw3,
    Tw4,
    Smt1,
    Smt2,
    /// The year as a whole: a value reported once for the year.
    Tahun,
}

/// The granularity of a set of period values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisPeriode {
    Triwulan,
    Semester,
    Tahun,
}

impl Periode {
    pub const ALL: [Periode; 7] = [
        Periode::Tw1,
        Periode::Tw2,
        Periode::Tw3,
        Periode::Tw4,
        Periode::Smt1,
        Periode::Smt2,
        Periode::Tahun,
    ];

    pub fn jenis(self) -> JenisPeriode {
        match self {
            Periode::Tw1 | Periode::Tw2 | Periode::Tw3 | Periode::Tw4 => JenisPeriode::Triwulan,
            Periode::Smt1 | Periode::Smt2 => JenisPeriode::Semester,
            Periode::Tahun => JenisPeriode::Tahun,
        }
    }

    /// The keyword used in rule and data files (`tw1`, `smt2`, `tahun`).
    pub fn keyword(self) -> &'static str {
        match self {
            Periode::Tw1 => "tw1",
            Periode::Tw2 => "tw2",
            Periode::Tw3 => "tw3",
            Periode::Tw4 => "tw4",
            Periode::Smt1 => "smt1",
            Periode::Smt2 => "smt2",
            Periode::Tahun => "tahun",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Periode> {
        Periode::ALL.into_iter().find(|p| p.keyword() == word)
    }
}

impl fmt::Display for Periode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Periode::Tw1 => "Triwulan I",
            Periode::Tw2 => "Triwulan II",
            Periode::Tw3 => "Triwulan III",
            Periode::Tw4 => "Triwulan IV",
            Periode::Smt1 => "Semester I",
            Periode::Smt2 => "Semester II",
            Periode::Tahun => "Tahun",
        })
    }
}

impl JenisPeriode {
    pub fn keyword(self) -> &'static str {
        match self {
            JenisPeriode::Triwulan => "triwulan",
            JenisPeriode::Semester => "semester",
            JenisPeriode::Tahun => "tahun",
        }
    }
}

impl fmt::Display for JenisPeriode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

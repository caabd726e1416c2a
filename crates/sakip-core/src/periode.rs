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

    /// The month the period ends in (March for `tw1`, June for `tw2` and
    /// `smt1`, December for the year).
    pub fn end_month(self) -> u8 {
        match self {
            Periode::Tw1 => 3,
            Periode::Tw2 | Periode::Smt1 => 6,
            Periode::Tw3 => 9,
            Periode::Tw4 | Periode::Smt2 | Periode::Tahun => 12,
        }
    }

    /// Whether the period is over by the end of `until`: `tw1`, `tw2` and
    /// `smt1` are by the end of `tw2`; the year is only by its end.
    pub fn by(self, until: Periode) -> bool {
        self.end_month() <= until.end_month()
    }

    /// The periods a year can be evaluated up to before it ends
    /// (`--until`): the first three quarters and the first semester.
    pub const UNTIL: [Periode; 4] = [Periode::Tw1, Periode::Tw2, Periode::Tw3, Periode::Smt1];
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

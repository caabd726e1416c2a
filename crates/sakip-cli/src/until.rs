//! `--until tw1|tw2|tw3|smt1`: the year in progress, as units report it
//! each quarter ("Monev PK Triwulan II"), for `eval`, `report` and `rollup`.

use clap::ValueEnum;
use sakip_core::periode::Periode;

/// A period a year can be evaluated up to before it ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Until {
    /// Up to the end of March
    Tw1,
    /// Up to the end of June
    Tw2,
    /// Up to the end of September
    Tw3,
    /// Up to the end of June, for indikator reported per semester
    Smt1,
}

impl Until {
    pub fn periode(self) -> Periode {
        match self {
            Until::Tw1 => Periode::Tw1,
            Until::Tw2 => Periode::Tw2,
            Until::Tw3 => Periode::Tw3,
            Until::Smt1 => Periode::Smt1,
        }
    }
}

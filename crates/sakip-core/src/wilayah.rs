//! A region's or a ministry's own indikator, computed from the units below
//! it (`realisasi dari satker = persen(nilai >= 89)`): KPPN Tegal reports
//! that 17 of its 98 satker are below the IKPA target 89; a ministry
//! reports the mean of its units' scores; a Kanwil the sum of realisasi
//! over the sum of targets. The figure becomes that level's realisasi, and
//! the level's target, capaian and band follow as for any indikator.
//!
//! Every unit is accounted for: it counts (with its figure, and for a
//! condition whether it meets it), or it does not, with the reason (it
//! failed, it has no such figure, it was not measured). A figure never
//! stands silently on part of the units.

use crate::formula::{BinOp, Field};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What is computed over the units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FungsiSatker {
    /// `jumlah(kondisi)`: how many units meet the condition.
    Jumlah,
    /// `persen(kondisi)`: their share of the units counted, in %.
    Persen,
    /// `rata(figur)`: the mean of the units' figures.
    Rata,
    /// `median(figur)`: the middle figure (the mean of the two middle ones).
    Median,
    /// `rasio(a, b)`: the sum of a over the sum of b, in % (the pooled
    /// ratio: summed realisasi over summed targets).
    Rasio,
}

impl FungsiSatker {
    pub const ALL: [FungsiSatker; 5] = [
        FungsiSatker::Jumlah,
        FungsiSatker::Persen,
        FungsiSatker::Rata,
        FungsiSatker::Median,
        FungsiSatker::Rasio,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            FungsiSatker::Jumlah => "jumlah",
            FungsiSatker::Persen => "persen",
            FungsiSatker::Rata => "rata",
            FungsiSatker::Median => "median",
            FungsiSatker::Rasio => "rasio",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.keyword() == word)
    }
}

/// A figure of each unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigurSatker {
    /// The unit's score (its script's `nilai_satker`, or the mean capaian).
    Nilai,
    /// One of its indikator's figures: `ikpa.capaian`.
    Indikator { id: String, field: Field },
}

impl std::fmt::Display for FigurSatker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FigurSatker::Nilai => f.write_str("nilai"),
            FigurSatker::Indikator { id, field } => write!(f, "{id}.{}", field.keyword()),
        }
    }
}

/// `realisasi dari satker = ...`, as the rule set states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DariSatker {
    pub fungsi: FungsiSatker,
    pub figur: FigurSatker,
    /// For `jumlah` and `persen`: the condition on the figure (`>= 89`).
    pub kondisi: Option<(BinOp, Decimal)>,
    /// For `rasio`: the figure summed below the line.
    pub pembagi: Option<FigurSatker>,
    /// The scale of the figure, when it is a qualitative indikator's
    /// realisasi or target: the condition and each unit's figure are then
    /// places on it (`>= BB` is `>= 5`), shown as the values written.
    pub skala: Option<crate::skala::Skala>,
}

impl std::fmt::Display for DariSatker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({}", self.fungsi.keyword(), self.figur)?;
        if let Some((op, v)) = &self.kondisi {
            write!(f, " {} {}", op.symbol(), crate::skala::shown(self.skala.as_ref(), *v))?;
        }
        if let Some(b) = &self.pembagi {
            write!(f, ", {b}")?;
        }
        f.write_str(")")
    }
}

/// A unit's figures, as the region's indikator read them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFigures {
    pub satker: String,
    /// Its score.
    pub nilai: Option<Decimal>,
    /// Per indikator: (realisasi, target, capaian); `None` where it has none.
    pub indikator: BTreeMap<String, [Option<Decimal>; 3]>,
    /// Indikator the data says were not measured this year.
    pub tidak_diukur: Vec<String>,
}

/// Where an indikator's `field` sits in [`UnitFigures::indikator`]'s triple.
fn slot(field: Field) -> usize {
    match field {
        Field::Realisasi => 0,
        Field::Target => 1,
        Field::Capaian => 2,
    }
}

impl UnitFigures {
    fn figure(&self, f: &FigurSatker) -> Result<Decimal, Alasan> {
        match f {
            FigurSatker::Nilai => self.nilai.ok_or(Alasan::NoFigure),
            FigurSatker::Indikator { id, field } => {
                if self.tidak_diukur.contains(id) {
                    return Err(Alasan::NotMeasured);
                }
                self.indikator
                    .get(id)
                    .and_then(|v| v.get(slot(*field)).copied().flatten())
                    .ok_or(Alasan::NoFigure)
            }
        }
    }

    /// The place of figure `f`, for giving it (a rule test's units).
    pub fn figure_mut(&mut self, f: &FigurSatker) -> Option<&mut Option<Decimal>> {
        match f {
            FigurSatker::Nilai => Some(&mut self.nilai),
            FigurSatker::Indikator { id, field } => self.indikator.entry(id.clone()).or_default().get_mut(slot(*field)),
        }
    }
}

/// Why a unit is not counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alasan {
    /// Its rules or data failed, or its figures could not all be computed.
    Failed(crate::Text),
    /// It has no such figure this year (the indikator is not in its
    /// agreement, or has no realisasi or capaian).
    NoFigure,
    /// Its data says the indikator was not measured this year.
    NotMeasured,
}

impl Alasan {
    /// The reason in the reader's words (`explain`, the rollup's page).
    pub fn text(&self) -> crate::Text {
        match self {
            Alasan::Failed(e) => crate::Text::new("explain-unit-failed").arg_text("error", e.clone()),
            Alasan::NoFigure => crate::Text::new("explain-unit-no-figure"),
            Alasan::NotMeasured => crate::Text::new("explain-unit-not-measured"),
        }
    }

    /// The reason as the JSON contract states it: stable English, for
    /// programs.
    pub fn reason(&self) -> String {
        match self {
            Alasan::Failed(e) => format!("failed: {}", e.render(crate::Lang::En)),
            Alasan::NoFigure => "no such figure".to_string(),
            Alasan::NotMeasured => "not measured".to_string(),
        }
    }
}

/// A unit that counts, with its figure (and the second, for `rasio`), and
/// for a condition whether it meets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dihitung {
    pub satker: String,
    pub figur: Decimal,
    pub pembagi: Option<Decimal>,
    pub memenuhi: Option<bool>,
}

/// The region's figure and, unit by unit, what went into it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hasil {
    /// `None` when no unit counts (or a sum of zero below a `rasio`).
    pub value: Option<Decimal>,
    pub dihitung: Vec<Dihitung>,
    pub tidak_dihitung: Vec<(String, Alasan)>,
    /// The scale the units' figures are places on, if any.
    pub skala: Option<crate::skala::Skala>,
}

impl Hasil {
    /// A counted unit's figure as written: `BB` on a scale, else the number.
    pub fn shown(&self, figur: Decimal) -> String {
        crate::skala::shown(self.skala.as_ref(), figur)
    }

    /// How many counted units meet the condition.
    pub fn memenuhi(&self) -> usize {
        self.dihitung.iter().filter(|d| d.memenuhi == Some(true)).count()
    }
}

fn holds(op: BinOp, a: Decimal, b: Decimal) -> bool {
    match op {
        BinOp::Lt => a < b,
        BinOp::Le => a <= b,
        BinOp::Gt => a > b,
        BinOp::Ge => a >= b,
        BinOp::Eq => a == b,
        BinOp::Ne => a != b,
        _ => false,
    }
}

/// The figure of `def` over `units`, and `failed` (path and why), which
/// are listed and not counted.
pub fn hitung(def: &DariSatker, units: &[UnitFigures], failed: &[(String, crate::Text)]) -> Hasil {
    let mut hasil = Hasil {
        skala: def.skala.clone(),
        ..Hasil::default()
    };
    for (path, why) in failed {
        hasil.tidak_dihitung.push((path.clone(), Alasan::Failed(why.clone())));
    }
    for u in units {
        let figur = match u.figure(&def.figur) {
            Ok(v) => v,
            Err(a) => {
                hasil.tidak_dihitung.push((u.satker.clone(), a));
                continue;
            }
        };
        let pembagi = match &def.pembagi {
            Some(b) => match u.figure(b) {
                Ok(v) => Some(v),
                Err(a) => {
                    hasil.tidak_dihitung.push((u.satker.clone(), a));
                    continue;
                }
            },
            None => None,
        };
        hasil.dihitung.push(Dihitung {
            satker: u.satker.clone(),
            figur,
            pembagi,
            memenuhi: def.kondisi.map(|(op, v)| holds(op, figur, v)),
        });
    }
    let n = hasil.dihitung.len();
    if n == 0 {
        return hasil;
    }
    let count = Decimal::from(n);
    let sum = |f: fn(&Dihitung) -> Option<Decimal>| {
        hasil
            .dihitung
            .iter()
            .try_fold(Decimal::ZERO, |s, d| s.checked_add(f(d)?))
    };
    hasil.value = match def.fungsi {
        FungsiSatker::Jumlah => Some(Decimal::from(hasil.memenuhi())),
        FungsiSatker::Persen => Decimal::from(hasil.memenuhi())
            .checked_mul(Decimal::ONE_HUNDRED)
            .and_then(|v| v.checked_div(count)),
        FungsiSatker::Rata => sum(|d| Some(d.figur)).and_then(|s| s.checked_div(count)),
        FungsiSatker::Median => {
            let mut v: Vec<Decimal> = hasil.dihitung.iter().map(|d| d.figur).collect();
            v.sort_unstable();
            let (lo, hi) = (v.get((n - 1) / 2).copied(), v.get(n / 2).copied());
            match (lo, hi) {
                (Some(a), Some(b)) if a == b => Some(a),
                (Some(a), Some(b)) => a.checked_add(b).and_then(|s| s.checked_div(Decimal::TWO)),
                _ => None,
            }
        }
        FungsiSatker::Rasio => match (sum(|d| Some(d.figur)), sum(|d| d.pembagi)) {
            (Some(a), Some(b)) if !b.is_zero() => a.checked_div(b).and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED)),
            _ => None,
        },
    }
    .map(|v| v.normalize());
    hasil
}

/// Each indikator of `rules` computed from its units (`realisasi dari
/// satker`), in the rules' order, over `units` and the `failed` (named, and
/// not counted).
pub fn hitung_semua(
    rules: &crate::model::RuleSet,
    units: &[UnitFigures],
    failed: &[(String, crate::Text)],
) -> Vec<(String, Hasil)> {
    rules
        .indikator
        .iter()
        .filter_map(|i| Some((i.id.clone(), hitung(i.dari_satker.as_ref()?, units, failed))))
        .collect()
}

/// The region's figures as the realisasi of its indikator for `year`,
/// rounded as the rule set states (`pembulatan realisasi`); an indikator
/// over no unit counted has none.
pub fn realisasi(
    rules: &crate::model::RuleSet,
    year: u16,
    hasil: &[(String, Hasil)],
) -> Vec<crate::data::RealisasiEntry> {
    let rounding = rules.settings(year).realisasi_rounding();
    hasil
        .iter()
        .filter_map(|(id, h)| {
            let v = rounding.apply(h.value?).normalize();
            Some(crate::data::RealisasiEntry {
                indicator: id.clone(),
                values: vec![(crate::periode::Periode::Tahun, crate::model::Quantity::plain(v))],
                printed_capaian: None,
                tidak_diukur: None,
                origin: None,
            })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn unit(satker: &str, nilai: Option<Decimal>) -> UnitFigures {
        UnitFigures {
            satker: satker.into(),
            nilai,
            ..UnitFigures::default()
        }
    }

    #[test]
    fn kppn_tegal_17_of_98_below_89() {
        let mut units: Vec<UnitFigures> = (0..81).map(|i| unit(&format!("a{i}"), Some(dec!(92.5)))).collect();
        units.extend((0..17).map(|i| unit(&format!("b{i}"), Some(dec!(85.1)))));
        let below = DariSatker {
            fungsi: FungsiSatker::Persen,
            figur: FigurSatker::Nilai,
            kondisi: Some((BinOp::Lt, dec!(89))),
            pembagi: None,
            skala: None,
        };
        let h = hitung(&below, &units, &[]);
        // 17 / 98 = 17.3469...%: the rule set's rounding makes it 17.35.
        assert_eq!(h.memenuhi(), 17);
        assert_eq!(
            crate::pembulatan::Rounding::new(crate::pembulatan::RoundingMode::HalfUp, 2).apply(h.value.unwrap()),
            dec!(17.35)
        );
        let count = DariSatker {
            fungsi: FungsiSatker::Jumlah,
            ..below
        };
        assert_eq!(hitung(&count, &units, &[]).value, Some(dec!(17)));
    }

    #[test]
    fn a_mean_a_median_a_pooled_ratio_and_who_is_left_out() {
        let units = vec![
            unit("a", Some(dec!(58.55))),
            unit("b", Some(dec!(58.56))),
            unit("c", None),
        ];
        let mean = DariSatker {
            fungsi: FungsiSatker::Rata,
            figur: FigurSatker::Nilai,
            kondisi: None,
            pembagi: None,
            skala: None,
        };
        let failed = vec![(
            "d".to_string(),
            crate::Text::new("raw").arg("text", "rules do not load"),
        )];
        let h = hitung(&mean, &units, &failed);
        assert_eq!(h.value, Some(dec!(58.555)));
        assert_eq!(h.dihitung.len(), 2);
        assert_eq!(
            h.tidak_dihitung,
            vec![
                (
                    "d".to_string(),
                    Alasan::Failed(crate::Text::new("raw").arg("text", "rules do not load"))
                ),
                ("c".to_string(), Alasan::NoFigure)
            ]
        );
        let median = DariSatker {
            fungsi: FungsiSatker::Median,
            ..mean.clone()
        };
        assert_eq!(hitung(&median, &units, &[]).value, Some(dec!(58.555)));
        let figures = |r: Decimal, t: Decimal| UnitFigures {
            satker: "x".into(),
            indikator: [("i".to_string(), [Some(r), Some(t), None])].into_iter().collect(),
            ..UnitFigures::default()
        };
        let rasio = DariSatker {
            fungsi: FungsiSatker::Rasio,
            figur: FigurSatker::Indikator {
                id: "i".into(),
                field: Field::Realisasi,
            },
            kondisi: None,
            pembagi: Some(FigurSatker::Indikator {
                id: "i".into(),
                field: Field::Target,
            }),
            skala: None,
        };
        // (30 + 60) / (40 + 80) = 75%, not the mean of 75% and 75%... nor of unequal shares.
        let h = hitung(&rasio, &[figures(dec!(30), dec!(40)), figures(dec!(60), dec!(80))], &[]);
        assert_eq!(h.value, Some(dec!(75)));
        let h = hitung(&rasio, &[figures(dec!(10), dec!(40)), figures(dec!(80), dec!(80))], &[]);
        assert_eq!(h.value, Some(dec!(75)));
    }

    #[test]
    fn a_condition_on_a_scale_counts_places_and_shows_values() {
        let skala = crate::skala::Skala::new(["AA", "A", "BB", "B", "CC", "C", "D"].map(String::from).to_vec(), None);
        let bb = skala.position("BB").unwrap();
        let graded = |satker: &str, nilai: &str| UnitFigures {
            satker: satker.into(),
            indikator: [("nilai_sakip".to_string(), [skala.position(nilai), None, None])]
                .into_iter()
                .collect(),
            ..UnitFigures::default()
        };
        let minimal_bb = DariSatker {
            fungsi: FungsiSatker::Persen,
            figur: FigurSatker::Indikator {
                id: "nilai_sakip".into(),
                field: Field::Realisasi,
            },
            kondisi: Some((BinOp::Ge, bb)),
            pembagi: None,
            skala: Some(skala.clone()),
        };
        assert_eq!(minimal_bb.to_string(), "persen(nilai_sakip.realisasi >= BB)");
        let units = [graded("a", "A"), graded("b", "BB"), graded("c", "B"), graded("d", "CC")];
        let h = hitung(&minimal_bb, &units, &[]);
        // A and BB are at least BB; B and CC are below it: 2 of 4.
        assert_eq!(h.value, Some(dec!(50)));
        let shown: Vec<String> = h.dihitung.iter().map(|d| h.shown(d.figur)).collect();
        assert_eq!(shown, ["A", "BB", "B", "CC"]);
    }
}

//! `rollup --merge`: a national run split across machines (by Kanwil, say)
//! and put back together. Each part is the `jsonl` output of a rollup; the
//! merge reads their unit lines and rebuilds the per-Kanwil and national
//! summaries exactly as one run over all units would, reading each line's
//! figures, its rounding and its bands (every line carries the bands in
//! force, `klasifikasi`), never re-evaluating anything.

use rust_decimal::Decimal;
use sakip_core::contract::Output;
use sakip_core::klasifikasi::Klasifikasi;
use sakip_core::model::Tier;
use sakip_core::pembulatan::Rounding;
use sakip_core::rekap::{Basis, FigureOf, IndicatorFigure, ScoreSource, UnitRecord, NO_KANWIL, NO_KANWIL_NAME};
use sakip_core::{Lang, Text};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Why a line is not a unit line of a rollup's jsonl, in the catalogue's
/// words (the reader's language when the command line says it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError(pub Text);

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.render(Lang::En))
    }
}

/// A figure of the contract (a plain decimal string, or null).
fn number(v: Option<&str>, field: &str) -> Result<Option<Decimal>, LineError> {
    v.map(|s| {
        Decimal::from_str(s).map_err(|_| LineError(Text::new("merge-not-number").arg("field", field).arg("text", s)))
    })
    .transpose()
}

/// A rounding as the contract writes it (`potong 2`).
fn rounding(text: &str) -> Result<Rounding, LineError> {
    text.parse()
        .map_err(|_| LineError(Text::new("merge-not-rounding").arg("text", text)))
}

/// A unit line read back: its record, the settings it was evaluated
/// under, and its indicators' figures (borrowed from the line where it
/// writes them plainly).
pub struct Line<'l> {
    pub record: UnitRecord,
    pub basis: Basis,
    figures: Vec<Figure<'l>>,
}

/// An indicator's figures as a line gives them.
struct Figure<'l> {
    id: Cow<'l, str>,
    name: Cow<'l, str>,
    tier: Tier,
    capaian: Option<Decimal>,
    band: Option<Cow<'l, str>>,
    tidak_diukur: bool,
    of: FigureOf,
}

impl Line<'_> {
    /// The figures as the summaries count them.
    pub fn figures(&self) -> impl Iterator<Item = IndicatorFigure<'_>> {
        self.figures.iter().map(|f| IndicatorFigure {
            id: &f.id,
            name: &f.name,
            tier: f.tier,
            capaian: f.capaian,
            band: f.band.as_deref(),
            tidak_diukur: f.tidak_diukur,
            of: f.of,
        })
    }
}

/// A unit line read back, through the contract's own types
/// (`sakip_core::contract::Output`). A field renamed in the contract is
/// renamed here too, or this does not compile.
pub fn read_line(line: &str) -> Result<Line<'_>, LineError> {
    let out: Output<'_> =
        serde_json::from_str(line).map_err(|e| LineError(Text::new("merge-not-unit-line").arg("reason", e)))?;
    let satker = out.satker.ok_or_else(|| LineError(Text::new("merge-no-satker")))?;
    let (kanwil_id, kanwil_name) = out
        .rules
        .iter()
        .rev()
        .find(|r| r.level == "kanwil")
        .map(|r| (r.id.to_string(), r.name.to_string()))
        .unwrap_or_else(|| (NO_KANWIL.to_string(), NO_KANWIL_NAME.to_string()));
    let mut figures = Vec::with_capacity(out.indicators.len());
    // A composite's inputs are not counted, as in a run that evaluates them.
    for r in out.indicators.into_iter().filter(|r| !r.component) {
        figures.push(Figure {
            tier: Tier::from_keyword(&r.tier)
                .ok_or_else(|| LineError(Text::new("merge-not-tier").arg("text", &r.tier)))?,
            capaian: number(r.capaian.as_deref(), "capaian")?,
            tidak_diukur: r.not_measured.is_some(),
            id: r.id,
            name: r.name,
            band: r.band,
            of: FigureOf::Indikator,
        });
    }
    for g in out.sasaran {
        figures.push(Figure {
            tier: Tier::from_keyword(&g.tier)
                .ok_or_else(|| LineError(Text::new("merge-not-tier").arg("text", &g.tier)))?,
            capaian: number(g.capaian.as_deref(), "capaian")?,
            tidak_diukur: false,
            id: g.code,
            name: g.name,
            band: g.band,
            of: FigureOf::Sasaran,
        });
    }
    let (pagu, realisasi) = match &out.budget_total {
        Some(t) => (
            number(Some(&t.pagu), "pagu")?.unwrap_or_default(),
            number(Some(&t.realisasi), "realisasi")?.unwrap_or_default(),
        ),
        None => (Decimal::ZERO, Decimal::ZERO),
    };
    let basis = Basis {
        capaian: rounding(&out.rounding.capaian)?,
        anggaran: rounding(&out.rounding.budget)?,
        klasifikasi: Klasifikasi {
            bands: out.klasifikasi.into_owned(),
        },
    };
    let record = UnitRecord {
        path: satker.id.to_string(),
        satker_name: satker.name.to_string(),
        satker_id: satker.id.to_string(),
        kanwil_id,
        kanwil_name,
        // The chain's top, as a folder run names it: merged parts under
        // different national rule sets are said to be, as one run says it.
        nasional_id: out
            .rules
            .iter()
            .find(|r| r.level == "nasional")
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
        score: None,
        score_source: ScoreSource::MeanCapaian,
        band: None,
        pagu,
        realisasi,
        errors: out.diagnostics.iter().filter(|d| d.severity == "error").count(),
        off_track: Vec::new(),
    };
    let nilai = number(out.nilai.as_ref().map(|n| n.value.as_str()), "nilai")?;
    // A line of a year in progress lists what it is off track on.
    let mut record = record;
    if out.until.is_some() {
        record.off_track = sakip_core::rekap::off_track_of(figures.iter().map(|f| IndicatorFigure {
            id: &f.id,
            name: &f.name,
            tier: f.tier,
            capaian: f.capaian,
            band: f.band.as_deref(),
            tidak_diukur: f.tidak_diukur,
            of: f.of,
        }));
    }
    // The score is the indikator's mean: a sasaran's figure is a mean of them already.
    let indikator = figures.iter().filter(|f| f.of == FigureOf::Indikator);
    let record = record.scored(nilai, indikator.filter_map(|f| f.capaian), &basis);
    Ok(Line { record, basis, figures })
}

//! What follows the units in `rollup --format json`: the summaries per
//! Kanwil and national, the ranking and the failures; and the whole
//! document, for its schema. Object members are in alphabetical order, as
//! the document has always written them.

use super::unit::Output;
use crate::pembulatan::plain;
use crate::rekap::{Basis, Rollup, Summary};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The whole `rollup --format json` document: the year, the units as they
/// were evaluated, then the summaries. (The command writes it as a stream:
/// the units as they come, the summaries at the end.)
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RollupDocument<'a> {
    pub year: u16,
    pub units: Vec<Output<'a>>,
    #[serde(flatten)]
    pub summaries: Summaries<'a>,
}

/// The summaries of a rollup.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summaries<'a> {
    /// The units that could not be evaluated.
    pub failures: Vec<Failed<'a>>,
    /// One summary per Kanwil, by id.
    pub kanwil: Vec<GroupSummary<'a>>,
    /// Every unit of the run.
    pub nasional: GroupSummary<'a>,
    /// Present when the units are under more than one national rule set:
    /// each, with how many units. The summaries then add up units scored
    /// under different rules (`rollup --nasional <id>` keeps one).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub nasional_rules: BTreeMap<String, u64>,
    /// Units by score, highest first.
    pub ranking: Vec<Ranked<'a>>,
    /// The year in progress (`--until`): per indikator, the units whose
    /// capaian to date is below 100; absent for a whole year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off_track: Vec<OffTrackOut<'a>>,
    /// Each Kanwil's (or the ministry's) own indikator computed from its
    /// units in the run (`realisasi dari satker`); absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regional: Vec<RegionalOut<'a>>,
}

/// A level's own indikator, computed from its units.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionalOut<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub indicators: Vec<RegionalIndicatorOut<'a>>,
}

/// One of them: the level's figures, and the units counted and not.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionalIndicatorOut<'a> {
    pub id: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub target: Option<String>,
    pub realisasi: Option<String>,
    pub capaian: Option<String>,
    pub band: Option<Cow<'a, str>>,
    /// How many units counted.
    pub counted: u64,
    /// The units not counted, with why.
    pub not_counted: Vec<NotCountedOut<'a>>,
}

/// A unit left out of a level's figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotCountedOut<'a> {
    pub satker: Cow<'a, str>,
    pub reason: Cow<'a, str>,
}

/// An indikator's units off track in the year in progress.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OffTrackOut<'a> {
    pub indicator: Cow<'a, str>,
    pub units: Vec<OffTrackUnit<'a>>,
}

/// A unit off track, with its capaian to date.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OffTrackUnit<'a> {
    pub capaian: String,
    pub kanwil: Cow<'a, str>,
    pub satker: Cow<'a, str>,
}

/// The summary of a group of units (a Kanwil's, or the whole run's).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupSummary<'a> {
    /// Units per band of their score.
    pub bands: BTreeMap<String, u64>,
    pub failed: u64,
    pub id: Cow<'a, str>,
    pub indicators: Vec<IndicatorSummary<'a>>,
    pub name: Cow<'a, str>,
    pub pagu: String,
    pub penyerapan: Option<String>,
    pub realisasi: String,
    /// Each sasaran's capaian across the group's units (`id` is the
    /// sasaran's code), when their rules state `capaian sasaran`; absent
    /// otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sasaran: Vec<IndicatorSummary<'a>>,
    /// The capaian per tier (`strategis`, `program`, ...).
    pub tiers: BTreeMap<String, Spread>,
    pub units: u64,
    pub without_score: u64,
}

/// How many figures, their mean and their median.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spread {
    pub count: u64,
    pub mean: Option<String>,
    pub median: Option<String>,
}

/// One indicator across a group's units.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IndicatorSummary<'a> {
    /// Units per band of their capaian.
    pub bands: BTreeMap<String, u64>,
    pub count: u64,
    pub id: Cow<'a, str>,
    pub mean: Option<String>,
    pub median: Option<String>,
    pub name: Cow<'a, str>,
    /// Units whose data says the indicator was not measured this year
    /// (`tidak diukur`): in neither `count` nor `without_capaian`.
    #[serde(default)]
    pub not_measured: u64,
    pub tier: Option<Cow<'a, str>>,
    pub without_capaian: u64,
}

/// A unit in the ranking.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ranked<'a> {
    pub band: Option<Cow<'a, str>>,
    pub kanwil: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub path: Cow<'a, str>,
    pub satker: Cow<'a, str>,
    pub score: String,
}

/// A unit that could not be evaluated, its errors one line each.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Failed<'a> {
    pub errors: Vec<Cow<'a, str>>,
    pub kanwil: Cow<'a, str>,
    pub path: Cow<'a, str>,
}

/// The JSON Schema (2020-12) of the whole `rollup --format json`
/// document: what docs/rollup.schema.json holds.
#[cfg(feature = "schema")]
pub fn rollup_schema() -> schemars::Schema {
    schemars::schema_for!(RollupDocument<'static>)
}

/// The summaries of `rollup`, as the document ends with them.
pub fn summaries(rollup: &Rollup) -> Summaries<'_> {
    let basis = rollup.basis.clone().unwrap_or_default();
    Summaries {
        failures: rollup
            .failures
            .iter()
            .map(|f| Failed {
                errors: f.errors.iter().map(|e| Cow::Owned(e.render(crate::Lang::En))).collect(),
                kanwil: Cow::Borrowed(&f.kanwil_id),
                path: Cow::Borrowed(&f.path),
            })
            .collect(),
        kanwil: rollup.kanwil.values().map(|s| group(s, &basis)).collect(),
        nasional: owned(group(&rollup.nasional(), &basis)),
        nasional_rules: match rollup.nasional_rules.len() {
            0 | 1 => BTreeMap::new(),
            _ => rollup.nasional_rules.clone(),
        },
        ranking: rollup
            .ranking
            .iter()
            .map(|r| Ranked {
                band: r.band.as_deref().map(Cow::Borrowed),
                kanwil: Cow::Borrowed(&r.kanwil_id),
                name: Cow::Borrowed(&r.satker_name),
                path: Cow::Borrowed(&r.path),
                satker: Cow::Borrowed(&r.satker_id),
                score: plain(r.score),
            })
            .collect(),
        regional: rollup
            .wilayah
            .iter()
            .map(|w| RegionalOut {
                id: Cow::Borrowed(&w.id),
                name: Cow::Borrowed(&w.name),
                indicators: w
                    .indikator
                    .iter()
                    .map(|i| RegionalIndicatorOut {
                        id: Cow::Borrowed(&i.result.id),
                        name: Cow::Borrowed(&i.result.name),
                        target: i.result.target.map(|v| i.result.shown(v)),
                        realisasi: i.result.realisasi.map(|v| i.result.shown(v)),
                        capaian: i.result.capaian.map(plain),
                        band: i.result.band.as_ref().map(|b| Cow::Borrowed(b.label.as_str())),
                        counted: u64::try_from(i.counted).unwrap_or(u64::MAX),
                        not_counted: i
                            .not_counted
                            .iter()
                            .map(|(s, r)| NotCountedOut {
                                satker: Cow::Borrowed(s),
                                reason: Cow::Owned(r.reason()),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        off_track: rollup
            .off_track
            .iter()
            .map(|(id, units)| OffTrackOut {
                indicator: Cow::Borrowed(id),
                units: units
                    .iter()
                    .map(|u| OffTrackUnit {
                        capaian: plain(u.capaian),
                        kanwil: Cow::Borrowed(&u.kanwil_id),
                        satker: Cow::Borrowed(&u.satker_id),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A group's summary, its strings owned (the national summary is made on
/// the spot).
fn owned(g: GroupSummary<'_>) -> GroupSummary<'static> {
    let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
    GroupSummary {
        bands: g.bands,
        failed: g.failed,
        id: own(g.id),
        indicators: g.indicators.into_iter().map(owned_summary).collect(),
        name: own(g.name),
        pagu: g.pagu,
        penyerapan: g.penyerapan,
        realisasi: g.realisasi,
        sasaran: g.sasaran.into_iter().map(owned_summary).collect(),
        tiers: g.tiers,
        units: g.units,
        without_score: g.without_score,
    }
}

/// An indicator's (or a sasaran's) summary, its strings owned.
fn owned_summary(i: IndicatorSummary<'_>) -> IndicatorSummary<'static> {
    let own = |c: Cow<'_, str>| Cow::Owned(c.into_owned());
    IndicatorSummary {
        bands: i.bands,
        count: i.count,
        id: own(i.id),
        mean: i.mean,
        median: i.median,
        name: own(i.name),
        not_measured: i.not_measured,
        tier: i.tier.map(own),
        without_capaian: i.without_capaian,
    }
}

/// An indicator's (or a sasaran's) figures over the group, rounded as `basis` says.
fn indicator<'a>(id: &'a str, i: &'a crate::rekap::IndicatorSummary, basis: &Basis) -> IndicatorSummary<'a> {
    IndicatorSummary {
        bands: i.bands.clone(),
        count: i.capaian.count(),
        id: Cow::Borrowed(id),
        mean: i.capaian.mean(basis.capaian).map(plain),
        median: i.capaian.median(basis.capaian).map(plain),
        name: Cow::Borrowed(&i.name),
        not_measured: i.not_measured,
        tier: i.tier.map(|t| Cow::Borrowed(t.keyword())),
        without_capaian: i.without_capaian,
    }
}

/// One group's summary, figures rounded as `basis` says.
pub fn group<'a>(s: &'a Summary, basis: &Basis) -> GroupSummary<'a> {
    let opt = |v: Option<crate::Decimal>| v.map(plain);
    GroupSummary {
        bands: s.bands.clone(),
        failed: s.failed,
        id: Cow::Borrowed(&s.id),
        indicators: s.indicators.iter().map(|(id, i)| indicator(id, i, basis)).collect(),
        name: Cow::Borrowed(&s.name),
        pagu: plain(s.pagu),
        penyerapan: opt(s.penyerapan(basis.anggaran)),
        realisasi: plain(s.realisasi),
        sasaran: s.sasaran.iter().map(|(id, i)| indicator(id, i, basis)).collect(),
        tiers: s
            .tiers()
            .iter()
            .map(|(tier, d)| {
                (
                    tier.keyword().to_string(),
                    Spread {
                        count: d.count(),
                        mean: opt(d.mean(basis.capaian)),
                        median: opt(d.median(basis.capaian)),
                    },
                )
            })
            .collect(),
        units: s.units,
        without_score: s.without_score,
    }
}

//! One indicator's year step by step (`sakip explain`, and a click on an
//! indicator in the workbench): the evaluation with its trace kept, the
//! indicator's result, the problems found with it, and the words for its
//! outcome. Front ends lay these out; what they say comes from here.

use camino::Utf8Path;
use sakip_core::diagnostic::Diagnostic;
use sakip_core::evaluate::{Evaluation, IndicatorResult, Options};
use sakip_core::pembulatan::plain;
use sakip_core::Text;
use sakip_rules::{LoadedUnit, RuleError};

/// A unit's year evaluated with every step kept, ready to explain any of
/// its indicators.
pub struct Explained {
    pub unit: LoadedUnit,
    pub evaluation: Evaluation,
}

/// Why an indicator cannot be explained.
pub enum NotExplained {
    /// The rules or the data do not load or evaluate.
    Problems(Vec<RuleError>),
    /// The indicator is not measured that year, or not known at all; with
    /// the closest id measured, when one is close.
    NoSuchIndicator { why: Text, closest: Option<String> },
}

/// Evaluates `dir`'s `year` with its trace, and finds `id` in it.
pub fn explain(dir: &Utf8Path, year: u16, id: &str) -> Result<Explained, NotExplained> {
    explain_with(dir, year, id, &sakip_rules::Shared::default())
}

/// [`explain`], loading the unit through `shared` (an editor's cache,
/// with its unsaved texts).
pub fn explain_with(
    dir: &Utf8Path,
    year: u16,
    id: &str,
    shared: &sakip_rules::Shared,
) -> Result<Explained, NotExplained> {
    let unit = sakip_rules::load_unit_with(dir, shared).map_err(NotExplained::Problems)?;
    let evaluation = crate::unit::evaluate_year(
        &unit,
        dir,
        year,
        Options {
            trace: true,
            until: None,
        },
    )
    .map_err(|e| NotExplained::Problems(vec![*e]))?;
    if evaluation.indicator(id).is_none() {
        let why = if unit.rules.indikator(id).is_some() {
            Text::new("explain-not-in-pk").arg("id", id).arg("year", year)
        } else {
            Text::new("unknown-indicator-rules").arg("id", id)
        };
        let closest = sakip_rules::error::did_you_mean(id, evaluation.indicators.iter().map(|i| i.id.as_str()))
            .map(str::to_string);
        return Err(NotExplained::NoSuchIndicator { why, closest });
    }
    Ok(Explained { unit, evaluation })
}

/// A region's (or a ministry's) indikator `id` computed from the units
/// under `units`, with its trace, and who counted and who did not.
pub fn explain_level(
    rules: &Utf8Path,
    units: &[camino::Utf8PathBuf],
    year: u16,
    id: &str,
) -> Result<(Explained, Option<sakip_core::wilayah::Hasil>), NotExplained> {
    let options = Options {
        trace: true,
        until: None,
    };
    let w = crate::wilayah::evaluate_level(rules, units, year, options).map_err(NotExplained::Problems)?;
    if w.evaluation.indicator(id).is_none() {
        let closest = sakip_rules::error::did_you_mean(id, w.evaluation.indicators.iter().map(|i| i.id.as_str()))
            .map(str::to_string);
        return Err(NotExplained::NoSuchIndicator {
            why: Text::new("unknown-indicator-rules").arg("id", id),
            closest,
        });
    }
    let hasil = w.hasil.into_iter().find(|(i, _)| i == id).map(|(_, h)| h);
    Ok((
        Explained {
            unit: w.level,
            evaluation: w.evaluation,
        },
        hasil,
    ))
}

impl Explained {
    /// The indicator asked for (present: [`explain`] checked it).
    pub fn indicator(&self, id: &str) -> Option<&IndicatorResult> {
        self.evaluation.indicator(id)
    }

    /// The problems the evaluation found with `id`.
    pub fn findings<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.evaluation
            .diagnostics
            .iter()
            .filter(move |d| d.indicator.as_deref() == Some(id))
    }
}

/// The outcome in words: the capaian and its band, or why there is none.
pub fn outcome(r: &IndicatorResult) -> Text {
    match (&r.capaian, &r.band) {
        (Some(c), Some(b)) => Text::new("explain-result")
            .arg("capaian", plain(*c))
            .arg("band", &b.label),
        (Some(c), None) => Text::new("explain-result-no-band").arg("capaian", plain(*c)),
        _ => Text::new("explain-no-capaian"),
    }
}

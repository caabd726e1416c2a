//! One unit's year: what `sakip eval`, `explain` and `report` compute, and
//! what a rollup computes for each of its units.

use camino::Utf8Path;
use sakip_core::data::UnitData;
use sakip_core::evaluate::Options;
use sakip_core::Evaluation;
use sakip_core::{Code, Text};
use sakip_rules::{LoadedUnit, RuleError, Shared};

/// Loads the unit in `dir` with the rule sets it builds on and evaluates
/// `year`, with last year's figures beside it (see [`evaluate_year`]).
pub fn evaluate_unit(dir: &Utf8Path, year: u16, options: Options) -> Result<(LoadedUnit, Evaluation), Vec<RuleError>> {
    let unit = sakip_rules::load_unit_with(dir, &Shared::default())?;
    let ev = evaluate_year(&unit, dir, year, options).map_err(|e| vec![*e])?;
    Ok((unit, ev))
}

/// Evaluates a loaded unit's `year`: its figures, and each indicator's
/// figures of the year before (evaluated under that year's rules) and its
/// progress towards the Renstra's end-year target. `dir` names the unit in
/// the error when it has neither an agreement nor data for `year`.
pub fn evaluate_year(
    unit: &LoadedUnit,
    dir: &Utf8Path,
    year: u16,
    options: Options,
) -> Result<Evaluation, Box<RuleError>> {
    let has_year = unit.data.contains_key(&year) || unit.rules.perjanjian(year).is_some();
    if !has_year {
        return Err(Box::new(no_such_year(unit, dir, year)));
    }
    let empty = UnitData::new(year);
    let data = unit.data.get(&year).unwrap_or(&empty);
    // Last year, under last year's rules, for the comparison columns.
    let previous = year
        .checked_sub(1)
        .filter(|y| unit.data.contains_key(y) && unit.rules.perjanjian(*y).is_some())
        .map(|y| {
            let data = unit.data.get(&y).unwrap_or(&empty);
            let quiet = Options {
                trace: false,
                until: None,
            };
            sakip_core::evaluate::evaluate_with(&unit.rules, data, &unit.scripts.for_year(y), quiet)
        });
    let mut ev = sakip_core::evaluate::evaluate_with(&unit.rules, data, &unit.scripts.for_year(year), options);
    sakip_core::tahun_lalu::compare(&mut ev, previous.as_ref(), &unit.rules);
    Ok(ev)
}

pub(crate) fn no_such_year(unit: &LoadedUnit, dir: &Utf8Path, year: u16) -> RuleError {
    let mut years: Vec<u16> = unit.data.keys().copied().collect();
    years.extend(unit.rules.perjanjian.iter().map(|p| p.year));
    years.sort_unstable();
    years.dedup();
    let known = if years.is_empty() {
        Text::new("year-missing-none")
    } else {
        Text::new("year-missing-has").arg("years", years.iter().map(u16::to_string).collect::<Vec<_>>().join(", "))
    };
    RuleError::path_says(
        dir.as_str(),
        Code::YearMissing,
        Text::new("year-missing").arg("year", year),
    )
    .help_says(
        Text::new("year-missing-help")
            .arg_text("known", known)
            .arg("year", year),
    )
}

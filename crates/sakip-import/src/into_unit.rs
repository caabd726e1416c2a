//! The whole import into a unit's folder, as every front end does it (the
//! command line's `sakip import`, the workbench's upload): the unit's rules
//! load, the destination is free (or replacing it was asked), every cell
//! reads, the printed file reads back, and only then is the file written,
//! atomically. Any failure leaves the folder as it was.

use crate::layout::Values;
use crate::{CellError, Contents, Imported};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::data::UnitData;
use sakip_core::model::Indikator;
use sakip_core::periode::Periode;
use sakip_core::{Code, Text};
use sakip_rules::RuleError;
use std::collections::BTreeMap;

/// The data file written.
pub struct Written {
    pub path: Utf8PathBuf,
    pub contents: Contents,
}

/// Why nothing was written.
pub enum NotWritten {
    /// The unit's rules do not load.
    Rules(Vec<RuleError>),
    /// The year's file exists (and replacing it was not asked), or the
    /// year's data is in another file.
    Destination(Box<RuleError>),
    /// Cells (or whole files) that cannot be read.
    Cells(Vec<CellError>),
    /// The unit has no Perjanjian Kinerja for the year: realisasi without
    /// targets would give a report of nothing, so none is written.
    NoAgreement(Box<RuleError>),
    /// The import would remove much of the year's realisasi, or holds none:
    /// written only once the person confirms what is lost.
    WouldLose(Loss),
    /// The printed file does not read back as what was imported: sakip's
    /// own bug, reported rather than written.
    Unprintable(Box<RuleError>),
    /// The file system refused the write.
    Write { path: Utf8PathBuf, error: std::io::Error },
}

/// What an import would take away from the year's realisasi.
#[derive(Debug, Clone, Default)]
pub struct Loss {
    /// How many indicators have a realisasi for the year now.
    pub before: usize,
    /// How many the import has.
    pub after: usize,
    /// Indicators whose realisasi the import removes.
    pub removed: Vec<String>,
    /// Indicators whose realisasi changes: id, now, after.
    pub changed: Vec<(String, String, String)>,
}

impl Loss {
    /// Whether the loss needs the person's word: the import holds no data
    /// at all, or removes more than half of the year's realisasi.
    pub fn needs_confirmation(&self, empty: bool) -> bool {
        empty || (self.before > 0 && self.removed.len() * 2 > self.before)
    }
}

/// How careful an import is before it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Care {
    /// Write what was asked (the command line, where `--replace` is the
    /// person's word).
    AsAsked,
    /// Refuse with the [`Loss`] when it needs confirming (the workbench,
    /// where one tick of a box replaced a year).
    AskBeforeLoss,
    /// The person saw the loss and confirmed it.
    Confirmed,
}

/// Imports what `read` finds (given the unit's indicators) into `dir` as
/// its `realisasi-<year>.sakip`; `replace` allows replacing that file.
pub fn import_into(
    dir: &Utf8Path,
    year: u16,
    replace: bool,
    read: impl FnOnce(&[Indikator]) -> Result<Imported, Vec<CellError>>,
) -> Result<Written, NotWritten> {
    import_with_care(dir, year, replace, Care::AsAsked, read)
}

/// [`import_into`], with the care the front end asks for.
pub fn import_with_care(
    dir: &Utf8Path,
    year: u16,
    replace: bool,
    care: Care,
    read: impl FnOnce(&[Indikator]) -> Result<Imported, Vec<CellError>>,
) -> Result<Written, NotWritten> {
    let unit = sakip_rules::load_unit(dir).map_err(NotWritten::Rules)?;
    let dest = crate::destination(dir, &unit, year, replace).map_err(NotWritten::Destination)?;
    let imported = read(&unit.rules.indikator).map_err(NotWritten::Cells)?;
    if unit.rules.perjanjian(year).is_none() {
        return Err(NotWritten::NoAgreement(Box::new(no_agreement(dir, &unit, year))));
    }
    if care == Care::AskBeforeLoss {
        let empty = imported.contents.realisasi.is_empty() && imported.contents.belanja.is_empty();
        let loss = loss(unit.data.get(&year), &imported.contents);
        if loss.needs_confirmation(empty) {
            return Err(NotWritten::WouldLose(loss));
        }
    }
    sakip_rules::format::format_file(&dest, imported.text.clone()).map_err(NotWritten::Unprintable)?;
    let written = if replace {
        sakip_rules::files::replace(&dest, &imported.text)
    } else {
        sakip_rules::files::write_new(&dest, &imported.text)
    };
    match written {
        Ok(()) => Ok(Written {
            path: dest,
            contents: imported.contents,
        }),
        Err(error) => Err(NotWritten::Write { path: dest, error }),
    }
}

/// The year has no agreement: what to do about it.
fn no_agreement(dir: &Utf8Path, unit: &sakip_rules::LoadedUnit, year: u16) -> RuleError {
    let last = year.checked_sub(1).filter(|y| unit.rules.perjanjian(*y).is_some());
    let help = match last {
        Some(last) => Text::new("import-no-agreement-help")
            .arg("dir", dir)
            .arg("year", year)
            .arg("last", last),
        None => Text::new("import-no-agreement-help-none").arg("year", year),
    };
    RuleError::path_says(
        dir.as_str(),
        Code::PerjanjianMissing,
        Text::new("import-no-agreement").arg("year", year),
    )
    .help_says(help)
}

/// What replacing `now` (the year's data, if any) by `contents` takes away.
fn loss(now: Option<&UnitData>, contents: &Contents) -> Loss {
    let after: BTreeMap<&str, Vec<(Periode, String, rust_decimal::Decimal)>> = contents
        .realisasi
        .iter()
        .map(|r| {
            let values = match &r.reported {
                Values::Year(v) => vec![(Periode::Tahun, shown(v), v.amount)],
                Values::TidakDiukur => Vec::new(),
                Values::Period(ps) => ps
                    .iter()
                    .filter_map(|(p, v)| Some((Periode::from_keyword(p)?, shown(v), v.amount)))
                    .collect(),
            };
            (r.id.as_str(), values)
        })
        .collect();
    let Some(now) = now else {
        return Loss {
            after: after.len(),
            ..Loss::default()
        };
    };
    let mut loss = Loss {
        before: now.realisasi.len(),
        after: after.len(),
        ..Loss::default()
    };
    for entry in &now.realisasi {
        let was: Vec<(Periode, String, rust_decimal::Decimal)> =
            entry.values.iter().map(|(p, q)| (*p, q.to_string(), q.value)).collect();
        match after.get(entry.indicator.as_str()) {
            None => loss.removed.push(entry.indicator.clone()),
            Some(new) => {
                let amounts = |v: &[(Periode, String, rust_decimal::Decimal)]| {
                    v.iter().map(|(p, _, d)| (*p, d.normalize())).collect::<Vec<_>>()
                };
                if amounts(&was) != amounts(new) {
                    let text = |v: &[(Periode, String, rust_decimal::Decimal)]| {
                        v.iter()
                            .map(|(p, s, _)| {
                                if *p == Periode::Tahun {
                                    s.clone()
                                } else {
                                    format!("{p} {s}")
                                }
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    loss.changed.push((entry.indicator.clone(), text(&was), text(new)));
                }
            }
        }
    }
    loss
}

/// A cell's value as the report writes it.
fn shown(v: &crate::number::CellValue) -> String {
    match &v.unit {
        crate::number::CellUnit::Bare => v.amount.to_string(),
        crate::number::CellUnit::Percent => format!("{}%", v.amount),
        crate::number::CellUnit::Word(w) => format!("{} {w}", v.amount),
        crate::number::CellUnit::Skala(w) => w.clone(),
    }
}

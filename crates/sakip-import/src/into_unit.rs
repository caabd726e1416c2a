//! The whole import into a unit's folder, as every front end does it (the
//! command line's `sakip import`, the workbench's upload): the unit's rules
//! load, the destination is free (or replacing it was asked), every cell
//! reads, the printed file reads back, and only then is the file written,
//! atomically. Any failure leaves the folder as it was.

use crate::{CellError, Contents, Imported};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::model::Indikator;
use sakip_rules::RuleError;

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
    /// The printed file does not read back as what was imported: sakip's
    /// own bug, reported rather than written.
    Unprintable(Box<RuleError>),
    /// The file system refused the write.
    Write { path: Utf8PathBuf, error: std::io::Error },
}

/// Imports what `read` finds (given the unit's indicators) into `dir` as
/// its `realisasi-<year>.sakip`; `replace` allows replacing that file.
pub fn import_into(
    dir: &Utf8Path,
    year: u16,
    replace: bool,
    read: impl FnOnce(&[Indikator]) -> Result<Imported, Vec<CellError>>,
) -> Result<Written, NotWritten> {
    let unit = sakip_rules::load_unit(dir).map_err(NotWritten::Rules)?;
    let dest = crate::destination(dir, &unit, year, replace).map_err(NotWritten::Destination)?;
    let imported = read(&unit.rules.indikator).map_err(NotWritten::Cells)?;
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

//! `sakip import <file.xlsx|file.csv>... --into <unit-dir> --year <Y>`:
//! the realisasi and the budget from the spreadsheets staff keep, written
//! as the unit's `realisasi-<Y>.sakip`.
//!
//! Everything is read and checked before anything is written: one cell
//! that cannot be read is an error naming its sheet and cell, and then no
//! file is touched. An existing data file is replaced only when asked
//! (`--replace`), because it may hold comments nobody wants to lose.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use sakip_core::i18n::say;
use sakip_core::Text;
use sakip_import::into_unit::{import_into, NotWritten};

#[derive(clap::Args, Debug)]
#[command(after_help = "\
A table starts at a header row: `Indikator` or `Kode`, then `Realisasi` or
`TW I`..`TW IV` / `Semester I`, `Semester II`, optionally `Capaian` (as
printed). Budget: `Jenis Belanja`, `Pagu`, `Realisasi`, optionally
`Penyerapan`; or `Program`, `Pagu`, `Realisasi` per programme. A sheet named Strategis, Program, Kegiatan or Output holds
that tier. Numbers the Indonesian way: 77,5  7.5%  Rp. 1.938.261.000  144 Orang.
Empty or `-`: not reported. Any unreadable cell: nothing is written.")]
pub struct Args {
    /// The spreadsheets: .xlsx workbooks or .csv files (`,` or `;` separated)
    #[arg(required = true)]
    pub files: Vec<Utf8PathBuf>,

    /// The unit's folder, whose rules name the indicators
    #[arg(long)]
    pub into: Utf8PathBuf,

    /// The year the figures are for: they become `realisasi <Y>` and `anggaran <Y>`
    #[arg(long, short)]
    pub year: u16,

    /// Replace an existing realisasi-<Y>.sakip
    #[arg(long)]
    pub replace: bool,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let read = |indicators: &[sakip_core::model::Indikator]| sakip_import::import(&args.files, indicators, args.year);
    let written = match import_into(&args.into, args.year, args.replace, read) {
        Ok(w) => w,
        Err(NotWritten::Rules(errors)) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
        Err(NotWritten::Destination(e) | NotWritten::NoAgreement(e)) => {
            render::to_stderr(io, colour, &[*e])?;
            return Ok(1);
        }
        // The command line writes what `--replace` asked for; only the
        // workbench asks before a loss.
        Err(NotWritten::WouldLose(_)) => return Ok(1),
        Err(NotWritten::Cells(errors)) => {
            render::problems_to_stderr(io, colour, errors.iter().map(|e| e as &dyn sakip_core::Problem))?;
            writeln!(io.err, "{}", say(io.lang, "nothing-written"))?;
            return Ok(1);
        }
        // The printer's output must read back as what was imported; a
        // failure here is sakip's bug, and nothing is written.
        Err(NotWritten::Unprintable(e)) => {
            write!(io.err, "{}", render::human(&[*e], false, io.lang))?;
            writeln!(
                io.err,
                "{}: {}",
                sakip_core::Severity::Error.word(io.lang),
                say(io.lang, "cli-import-unreadable-output")
            )?;
            return Ok(1);
        }
        Err(NotWritten::Write { path, error }) => {
            render::error_line(io, Text::new("cli-cannot-write").arg("path", &path).arg("error", error))?;
            return Ok(1);
        }
    };
    writeln!(
        io.out,
        "{}",
        Text::new("import-wrote")
            .arg("path", &written.path)
            .arg("realisasi", written.contents.realisasi.len())
            .arg("lines", written.contents.belanja.len())
            .render(io.lang)
    )?;
    Ok(0)
}

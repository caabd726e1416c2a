//! `sakip import <file.xlsx|file.csv>... --into <unit-dir> --year <Y>`:
//! the realisasi and the budget from the spreadsheets staff keep, written
//! as the unit's `realisasi-<Y>.sakip`.
//!
//! Everything is read and checked before anything is written: one cell
//! that cannot be read is an error naming its sheet and cell, and then no
//! file is touched. An existing data file is replaced only when asked
//! (`--replace`), because it may hold comments nobody wants to lose.

mod lembar;
mod tata_letak;

use crate::{files, render, ColorChoice, Io};
use camino::Utf8PathBuf;
use sakip_engine::angka::{Nilai, Satuan};
use std::fmt::Write as _;
use tata_letak::{Isi, Isian, Kesalahan};

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

fn nilai(v: &Nilai) -> String {
    match &v.satuan {
        Satuan::Tidak => v.angka.to_string(),
        Satuan::Persen => format!("{}%", v.angka),
        Satuan::Kata(w) => format!("{} {w}", v.angka),
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The data file's text, before `fmt` lays it out.
fn tulis(isian: &Isian, year: u16, sumber: &str) -> String {
    let mut out = format!("// Diimpor oleh `sakip import` dari {sumber}.\n");
    let dasar = |out: &mut String, list: &[String]| {
        if list.is_empty() {
            let _ = writeln!(out, "  dasar {}", quoted(sumber));
        }
        for d in list {
            let _ = writeln!(out, "  dasar {}", quoted(d));
        }
    };
    if !isian.realisasi.is_empty() {
        let _ = writeln!(out, "\nrealisasi {year} {{");
        dasar(&mut out, &isian.dasar_realisasi);
        for r in &isian.realisasi {
            if let Some(judul) = &r.judul {
                // One line: a title with a line break must not end the comment early.
                let judul = judul.split_whitespace().collect::<Vec<_>>().join(" ");
                let _ = write!(out, "\n  // {judul}\n");
            }
            let _ = write!(out, "  {}", r.id);
            match &r.isi {
                Isi::Tahun(v) => {
                    let _ = write!(out, " = {}", nilai(v));
                }
                Isi::Periode(ps) => {
                    for (p, v) in ps {
                        let _ = write!(out, " {p} = {}", nilai(v));
                    }
                }
            }
            if let Some(d) = &r.dicetak {
                let _ = write!(out, " dicetak {}%", d.angka);
            }
            out.push('\n');
        }
        out.push_str("}\n");
    }
    if !isian.belanja.is_empty() {
        let _ = writeln!(out, "\nanggaran {year} {{");
        dasar(&mut out, &isian.dasar_anggaran);
        for b in &isian.belanja {
            let _ = write!(
                out,
                "  {} {} pagu {} realisasi {}",
                if b.program { "program" } else { "belanja" },
                quoted(&b.jenis),
                b.pagu,
                b.realisasi
            );
            if let Some(d) = &b.dicetak {
                let _ = write!(out, " dicetak {}%", d.angka);
            }
            out.push('\n');
        }
        out.push_str("}\n");
    }
    out
}

fn report(io: &mut Io<'_>, colour: ColorChoice, errors: &[Kesalahan]) -> std::io::Result<()> {
    render::problems_to_stderr(io, colour, errors.iter().map(|e| e as &dyn sakip_core::Problem))
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let unit = match sakip_rules::load_unit(&args.into) {
        Ok(u) => u,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    let dest = args.into.join(format!("realisasi-{}.sakip", args.year));
    if dest.exists() && !args.replace {
        writeln!(io.err, "error: `{dest}` exists")?;
        writeln!(
            io.err,
            "  help: pass --replace to write over it (its comments will be lost), or move it away first"
        )?;
        return Ok(1);
    }
    if !dest.exists() && unit.data.contains_key(&args.year) {
        writeln!(
            io.err,
            "error: `{}` already has realisasi or a budget for {} in another file",
            args.into, args.year
        )?;
        writeln!(
            io.err,
            "  help: remove that block first, so that the year's data is in one place"
        )?;
        return Ok(1);
    }

    // All files are read as one: an indicator or budget line in two of them
    // is the same duplicate as two rows of one sheet.
    let mut sheets = Vec::new();
    let mut failed = false;
    for file in &args.files {
        match lembar::baca(file) {
            Ok(s) => sheets.extend(s),
            Err(e) => {
                writeln!(io.err, "error: {file}: {e}")?;
                failed = true;
            }
        }
    }
    let isian = match tata_letak::baca(&sheets, &unit.rules.indikator) {
        Ok(isian) => isian,
        Err(errors) => {
            report(io, colour, &errors)?;
            failed = true;
            Isian::default()
        }
    };
    if failed {
        writeln!(io.err, "nothing was written")?;
        return Ok(1);
    }

    let sumber: Vec<&str> = args.files.iter().map(|f| f.file_name().unwrap_or(f.as_str())).collect();
    let text = tulis(&isian, args.year, &sumber.join(", "));
    let text = match crate::fmt::formatted(&dest, text) {
        Ok(t) => t,
        Err(e) => {
            // The text is built from checked values, so this is sakip's bug.
            write!(io.err, "{}", render::human(&[*e], false))?;
            writeln!(
                io.err,
                "error: sakip wrote a data file it cannot read; nothing was written. Please report this."
            )?;
            return Ok(1);
        }
    };
    let written = if args.replace {
        files::replace(&dest, &text)
    } else {
        files::write_new(&dest, &text)
    };
    if let Err(e) = written {
        writeln!(io.err, "error: cannot write `{dest}`: {e}")?;
        return Ok(1);
    }
    writeln!(
        io.out,
        "wrote {dest}: {} realisasi, {} budget line{}",
        isian.realisasi.len(),
        isian.belanja.len(),
        if isian.belanja.len() == 1 { "" } else { "s" }
    )?;
    Ok(0)
}

//! `sakip new-year <unit-dir> <Y>`: starts next year's Perjanjian Kinerja
//! from this year's. Every indicator of year Y-1's agreement is carried;
//! its target is taken from the rules where they hold one for Y (the
//! Renstra's yearly targets, set nationally or by the Kanwil), and is
//! otherwise written `?` for staff to fill in, which `check` reports until
//! it is. The file is `perjanjian-<Y>.sakip` in the unit's folder; an
//! existing file is never overwritten. The output is the same byte for byte
//! on every run.

use crate::{files, render, ColorChoice, Io};
use camino::Utf8PathBuf;
use sakip_core::anggaran::rupiah;
use sakip_core::model::{Tier, Tingkat};
use std::fmt::Write as _;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder
    pub unit_dir: Utf8PathBuf,

    /// The year to start
    pub year: u16,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let unit = match sakip_rules::load_unit(&args.unit_dir) {
        Ok(u) => u,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    let year = args.year;
    let Some(last) = year.checked_sub(1).and_then(|y| unit.rules.perjanjian(y)) else {
        writeln!(
            io.err,
            "error: `{}` has no Perjanjian Kinerja {} to start {year} from",
            args.unit_dir,
            year.saturating_sub(1)
        )?;
        return Ok(1);
    };
    if unit.rules.perjanjian(year).is_some() {
        writeln!(
            io.err,
            "error: `{}` already has a Perjanjian Kinerja {year}",
            args.unit_dir
        )?;
        return Ok(1);
    }
    let path = args.unit_dir.join(format!("perjanjian-{year}.sakip"));
    if path.exists() {
        writeln!(io.err, "error: `{path}` exists; sakip never overwrites a file")?;
        return Ok(1);
    }
    let satker = unit.rules.satker().map(|s| s.name.as_str()).unwrap_or("");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Perjanjian Kinerja {year} {satker}: dimulai oleh `sakip new-year`"
    );
    let _ = writeln!(
        out,
        "// dari Perjanjian Kinerja {}. Target `?` belum diisi; `sakip check`",
        last.year
    );
    let _ = writeln!(
        out,
        "// menandainya sampai diisi. Target yang diambil dari aturan (Renstra)"
    );
    let _ = writeln!(out, "// disebut asalnya; periksa sebelum ditandatangani.");
    let _ = writeln!(out);
    let _ = writeln!(out, "perjanjian {year} {{");
    let _ = writeln!(
        out,
        "  dasar \"Perjanjian Kinerja Tahun {year} (lengkapi nomor dan tanggalnya)\""
    );
    let width = last.indikator.iter().map(String::len).max().unwrap_or(0);
    let (mut filled, mut open) = (0, 0);
    for tier in Tier::ALL {
        let ids: Vec<&String> = last
            .indikator
            .iter()
            .filter(|id| unit.rules.indikator(id).map(|i| i.tier) == Some(tier))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n  // {}", tier.title());
        for id in ids {
            let Some(ind) = unit.rules.indikator(id) else { continue };
            let ruled = ind
                .targets
                .iter()
                .find(|t| t.year == year && t.tingkat < Tingkat::Satker);
            let previous = ind
                .target_in_force(last.year)
                .map(|t| t.value.to_string())
                .unwrap_or_else(|| "-".into());
            match ruled {
                Some(t) => {
                    filled += 1;
                    let _ = writeln!(
                        out,
                        "  target {id:<width$} = {}  // target {year} aturan `{}`; {}: {previous}",
                        t.value, t.source, last.year
                    );
                }
                None => {
                    open += 1;
                    let _ = writeln!(out, "  target {id:<width$} = ?  // {}: {previous}", last.year);
                }
            }
        }
    }
    if !last.anggaran.is_empty() {
        let _ = writeln!(
            out,
            "\n  // Anggaran per program: isi dari DIPA {year}. Tahun {}:",
            last.year
        );
        for p in &last.anggaran {
            let _ = writeln!(out, "  // anggaran \"{}\" = {}", p.name, rupiah(p.amount));
        }
    }
    let _ = writeln!(out, "}}");
    if let Err(e) = files::write_new(&path, &out) {
        writeln!(io.err, "error: cannot write `{path}`: {e}")?;
        return Ok(1);
    }
    writeln!(
        io.out,
        "wrote {path}: {filled} targets from the rules, {open} to fill in (`?`)"
    )?;
    Ok(0)
}

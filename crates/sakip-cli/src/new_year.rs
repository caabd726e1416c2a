//! `sakip new-year <unit-dir> <Y>`: starts next year's Perjanjian Kinerja
//! from this year's (`sakip_engine::new_year`), written as
//! `perjanjian-<Y>.sakip` in the unit's folder, never over an existing file.

use crate::{files, render, ColorChoice, Io};
use camino::Utf8PathBuf;

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
    let draft = match sakip_engine::new_year::draft(&args.unit_dir, &unit, args.year) {
        Ok(d) => d,
        Err(e) => {
            render::to_stderr(io, colour, &[*e])?;
            return Ok(1);
        }
    };
    let path = &draft.path;
    if let Err(e) = files::write_new(path, &draft.text) {
        render::error_line(
            io,
            sakip_core::Text::new("cli-cannot-write")
                .arg("path", path)
                .arg("error", e),
        )?;
        return Ok(1);
    }
    writeln!(
        io.out,
        "{}",
        sakip_core::Text::new("new-year-wrote")
            .arg("path", path)
            .arg("filled", draft.filled)
            .arg("open", draft.open)
            .render(io.lang)
    )?;
    Ok(0)
}

//! `sakip fmt [--check] <path>...`: every rule file in one canonical
//! layout, comments kept (see `sakip_rules::format`). Files are replaced
//! atomically. `--check` changes nothing: it lists the files that would
//! change and exits 1 when there are any.

use crate::{files, render, ColorChoice, Io};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::Text;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Rule files or folders (searched recursively for `.sakip` files)
    #[arg(required = true)]
    pub paths: Vec<Utf8PathBuf>,

    /// Change nothing; list the files that are not formatted and exit 1 if any
    #[arg(long)]
    pub check: bool,
}

/// The `.sakip` files under `path`; a file named explicitly is taken as it is.
fn collect(path: &Utf8Path, out: &mut Vec<Utf8PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<Utf8PathBuf> = path
            .read_dir_utf8()?
            .filter_map(|e| e.ok())
            .map(|e| e.path().to_path_buf())
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension() == Some("sakip") {
                collect(&e, out)?;
            }
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let mut paths = Vec::new();
    for p in &args.paths {
        if !p.exists() {
            render::error_line(io, Text::new("path-missing").arg("path", p))?;
            return Ok(1);
        }
        collect(p, &mut paths)?;
    }
    let (mut changed, mut failed) = (Vec::new(), 0);
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        match sakip_rules::format::format_file(path, text.clone()) {
            Err(e) => {
                failed += 1;
                render::to_stderr(io, colour, &[*e])?;
            }
            Ok(new) if new != text => {
                if !args.check {
                    files::replace(path, &new)?;
                }
                changed.push(path);
            }
            Ok(_) => {}
        }
    }
    for path in &changed {
        writeln!(
            io.out,
            "{}",
            Text::new(if args.check {
                "fmt-would-reformat"
            } else {
                "fmt-formatted"
            })
            .arg("path", path)
            .render(io.lang)
        )?;
    }
    if failed > 0 {
        writeln!(
            io.err,
            "{}",
            Text::new("fmt-failed").arg("failed", failed).render(io.lang)
        )?;
        return Ok(1);
    }
    Ok(u8::from(args.check && !changed.is_empty()))
}

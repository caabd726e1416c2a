//! `sakip verify <receipt>`: recompute a receipt's result from the files on
//! disk and say `identical`, or which files and which figures differ. Exit
//! 0 when identical, 1 otherwise. Also writes receipts for `eval` and
//! `report`.

use crate::{files, render, ColorChoice, Io};
use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::Text;
use sakip_engine::receipt::{FileChange, Receipt, Verdict};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A receipt written by `eval --receipt` or `report --receipt`
    pub receipt: Utf8PathBuf,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let (old, verdict) = match sakip_engine::receipt::verify(&args.receipt) {
        Ok(v) => v,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    let lang = io.lang;
    let say = |t: Text| t.render(lang);
    // Identical, or: the same heading and changed files, then either why
    // nothing can be computed or the figures that changed.
    let (files, outcome) = match verdict {
        Verdict::Identical => {
            let line = say(Text::new("verify-identical")
                .arg("unit", &old.unit)
                .arg("year", old.year)
                .arg("files", old.files.len())
                .arg("hash", &old.result_sha256));
            writeln!(io.out, "{line}")?;
            return Ok(0);
        }
        Verdict::Unevaluable { files, errors } => (files, Err(errors)),
        Verdict::Differs { files, figures, result } => (files, Ok((figures, result))),
    };
    writeln!(
        io.out,
        "{}",
        say(Text::new("verify-differs").arg("unit", &old.unit).arg("year", old.year))
    )?;
    write_files(io, &files)?;
    match outcome {
        Err(errors) => render::to_stderr(io, colour, &errors)?,
        Ok((figures, result)) => {
            for (id, what, before, after) in &figures {
                let none = || "-".to_string();
                let message = if id.is_empty() {
                    "verify-figure-nilai"
                } else {
                    "verify-figure"
                };
                let line = say(Text::new(message)
                    .arg("id", id)
                    .arg("what", *what)
                    .arg("before", before.clone().unwrap_or_else(none))
                    .arg("after", after.clone().unwrap_or_else(none)));
                writeln!(io.out, "  {line}")?;
            }
            if result && figures.is_empty() {
                writeln!(io.out, "  {}", say(Text::new("verify-result")))?;
            }
        }
    }
    Ok(1)
}

fn write_files(io: &mut Io<'_>, files: &[FileChange]) -> std::io::Result<()> {
    for f in files {
        let (id, path) = match f {
            FileChange::Changed(p) => ("verify-file-changed", p),
            FileChange::Missing(p) => ("verify-file-missing", p),
            FileChange::Added(p) => ("verify-file-added", p),
        };
        writeln!(io.out, "  {}", Text::new(id).arg("path", path).render(io.lang))?;
    }
    Ok(())
}

/// Writes `receipt` to `path` atomically and says so; `false` (after an
/// error line) when it cannot be written.
pub(crate) fn write_receipt(io: &mut Io<'_>, path: &Utf8Path, receipt: &Receipt) -> std::io::Result<bool> {
    if let Err(e) = files::replace(path, sakip_engine::receipt::to_json(receipt)) {
        render::error_line(io, Text::new("cli-cannot-write").arg("path", path).arg("error", e))?;
        return Ok(false);
    }
    writeln!(
        io.err,
        "{}",
        Text::new("wrote-receipt").arg("path", path).render(io.lang)
    )?;
    Ok(true)
}

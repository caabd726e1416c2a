//! `--merge`: a national run split across machines, put back together
//! from the parts' jsonl (`sakip_engine::merge` reads each line).

use super::outputs::{write_summaries, Sink, Units};
use super::{Args, Format};
use crate::files::AtomicFile;
use crate::{render, Io};
use sakip_core::i18n::say;
use sakip_core::rekap::Rollup;
use sakip_core::Text;

/// `--merge`: the summaries rebuilt from the unit lines of jsonl parts.
pub(crate) fn merge(args: &Args, io: &mut Io<'_>) -> std::io::Result<u8> {
    use std::io::BufRead;
    if matches!(args.format, Format::Csv) || args.budget_csv.is_some() {
        writeln!(
            io.err,
            "{}",
            render::error_text(io.lang, &Text::new("cli-merge-no-csv"))
        )?;
        return Ok(2);
    }
    let mut out = match &args.output {
        Some(path) => Sink::File(AtomicFile::create(path)?),
        None => Sink::Stdout(&mut *io.out),
    };
    let mut units = Units::open(&mut out, args.format, args.year)?;
    let mut summary = Rollup::new(args.year, args.format.shows_ranking());
    let mut bad = 0u64;
    for path in &args.merge {
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) => {
                writeln!(
                    io.err,
                    "{}",
                    render::error_text(io.lang, &Text::new("cli-cannot-read").arg("path", path).arg("error", e))
                )?;
                writeln!(io.err, "{}", say(io.lang, "cli-run-incomplete"))?;
                return Ok(1);
            }
        };
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    writeln!(
                        io.err,
                        "{}",
                        render::error_text(io.lang, &Text::new("raw").arg("text", format!("{path}:{}: {e}", n + 1)))
                    )?;
                    writeln!(io.err, "{}", say(io.lang, "cli-run-incomplete"))?;
                    return Ok(1);
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let read = match sakip_engine::merge::read_line(&line) {
                Ok(r) => r,
                Err(e) => {
                    bad += 1;
                    let place = format!("{path}:{}", n + 1);
                    writeln!(
                        io.err,
                        "{}",
                        render::error_text(
                            io.lang,
                            &Text::new("merge-bad-line").arg("place", place).arg_text("message", e.0)
                        )
                    )?;
                    continue;
                }
            };
            if args.kanwil.as_deref().is_some_and(|k| k != read.record.kanwil_id)
                || args.nasional.as_deref().is_some_and(|n| n != read.record.nasional_id)
            {
                continue;
            }
            summary.add_record(&read.record, read.figures(), Some(&read.basis));
            if matches!(args.format, Format::Json | Format::Jsonl) {
                units.unit(&mut out, &line)?;
            }
        }
    }
    if bad > 0 {
        if let Some(help) = Text::new("merge-bad-line").attribute(io.lang, "help") {
            writeln!(io.err, "{}: {help}", say(io.lang, "help-label"))?;
        }
    }
    summary.finish();
    super::say_mixed_nasional(io.err, io.lang, &summary, args.format)?;
    write_summaries(&mut out, units, args.format, &summary, io.width.unwrap_or(120), io.lang)?;
    if let Sink::File(f) = out {
        f.commit()?;
    }
    Ok(u8::from(bad > 0 || summary.any_failed()))
}

//! `sakip rollup`: every unit of a Kanwil, a ministry or the country in one
//! run, from unit folders (`sakip rollup <path>... --year Y`) or from one
//! long table (`sakip rollup --rules <rule-set>... --data <file.csv>...`).
//! Exit 1 when any unit failed (after all are done), 2 on a command line it
//! does not understand.
//!
//! The run itself is the engine's (`sakip_engine::rollup::run`); here are
//! the command's arguments ([`args`]), its outputs ([`outputs`]), its
//! progress bar ([`progress`]) and `--merge` ([`merge`]).

mod args;
mod merge;
mod outputs;
mod progress;

pub use args::{AngkaArg, Args, Format};

use crate::files::AtomicFile;
use crate::{render, ColorChoice, Io};
use outputs::{write_summaries, Rendered, Sink, Units};
use progress::progress_bar;
use sakip_core::i18n::say;
use sakip_core::Text;
use sakip_engine::rollup::{self, Evaluated};
use sakip_engine::Selection;
use std::io::Write;

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let selection = Selection {
        year: args.year,
        kanwil: args.kanwil.clone(),
        nasional: args.nasional.clone(),
        until: args.until.map(crate::until::Until::periode),
    };
    let format = args.format;
    let with_budget = args.budget_csv.is_some();
    let work = |u: &Evaluated<'_>| {
        let kanwil = &u.record.kanwil_id;
        let main = match format {
            Format::Jsonl | Format::Json => {
                let scripts = u.scripts.names(u.evaluation.year);
                sakip_report::json::render_line(u.evaluation, u.rules, &scripts)
            }
            Format::Csv => sakip_report::rekap::csv_rows(u.evaluation, kanwil, &u.record.satker_id),
            Format::Table | Format::Html | Format::Xlsx => String::new(),
        };
        let budget = if with_budget {
            sakip_report::rekap::budget_rows(u.evaluation, kanwil, &u.record.satker_id)
        } else {
            String::new()
        };
        // A level of its chain computes indikator from its units: its
        // figures go there (not when some could not be computed: it is
        // then among the failures).
        let levels = sakip_engine::wilayah::levels_in(u.rules);
        let wilayah =
            (!levels.is_empty() && u.record.errors == 0).then(|| (levels, sakip_engine::wilayah::figures_of(u)));
        Rendered { main, budget, wilayah }
    };

    if args.format == Format::Xlsx && args.output.is_none() {
        writeln!(
            io.err,
            "{}",
            render::error_text(io.lang, &Text::new("cli-xlsx-needs-output"))
        )?;
        return Ok(2);
    }
    if !args.merge.is_empty() {
        return merge::merge(args, io);
    }
    // Load what the run needs before any output is opened.
    let source = if args.data.is_empty() {
        let (folders, errors) = rollup::folders_under(&args.paths);
        if !errors.is_empty() {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
        rollup::Source::Folders(folders)
    } else {
        match sakip_engine::long_table::RuleSets::load(&args.rules) {
            Ok(rules) => rollup::Source::Table {
                rules: Box::new(rules),
                files: args.data.clone(),
                options: sakip_engine::long_table::Options {
                    strict: args.strict,
                    angka: args.angka.into(),
                },
            },
            Err(errors) => {
                render::to_stderr(io, colour, &errors)?;
                return Ok(1);
            }
        }
    };
    let mut out = match &args.output {
        Some(path) => Sink::File(AtomicFile::create(path)?),
        None => Sink::Stdout(&mut *io.out),
    };
    let mut budget = match &args.budget_csv {
        Some(path) => {
            let mut f = AtomicFile::create(path)?;
            f.write_all(sakip_report::rekap::csv_line(sakip_report::rekap::BUDGET_CSV_HEADER).as_bytes())?;
            Some(f)
        }
        None => None,
    };
    let mut units = Units::open(&mut out, format, args.year)?;
    let progress = progress_bar(source.steps(), io.err_is_terminal, io.lang);
    let lang = io.lang;
    let mut step = |n: u64| progress::show(progress.as_ref(), n, lang);
    let mut report = |e: &sakip_engine::long_table::RowError| {
        let _ = writeln!(io.err, "{}", sakip_report::problem::line(e, lang));
    };
    let mut gathered = sakip_engine::wilayah::Gathered::default();
    let write_unit = |output: Rendered| {
        if let Some((levels, figures)) = &output.wilayah {
            gathered.add(levels, figures);
        }
        units.unit(&mut out, &output.main)?;
        match budget.as_mut() {
            Some(b) => b.write_all(output.budget.as_bytes()),
            None => Ok(()),
        }
    };
    let ran = rollup::run(
        &source,
        &selection,
        format.shows_ranking(),
        work,
        write_unit,
        &mut step,
        &mut report,
    );
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    let ran = match ran {
        Ok(r) => r,
        Err(rollup::Stopped::Write(e)) => return Err(e),
        Err(rollup::Stopped::Source(e)) => {
            writeln!(io.err, "{}", sakip_report::problem::line(&*e.0, io.lang))?;
            writeln!(io.err, "{}", say(io.lang, "cli-run-incomplete"))?;
            return Ok(1);
        }
    };
    if !ran.kanwil_without_rules.is_empty() {
        let names: Vec<String> = ran.kanwil_without_rules.iter().map(|k| format!("`{k}`")).collect();
        let text = sakip_core::Text::new("rollup-kanwil-without-rules")
            .arg("names", names.join(", "))
            .arg("n", names.len());
        writeln!(io.err, "{}", text.render(io.lang))?;
    }
    let (mut summary, failed_units, bad_rows) = (ran.summary, ran.failed, ran.bad_rows);
    // Each level's own indikator, from its units in the run.
    let options = sakip_core::evaluate::Options {
        trace: false,
        until: selection.until,
    };
    summary.wilayah = gathered.evaluate(&summary.failures, args.year, options);
    say_mixed_nasional(io.err, io.lang, &summary, format)?;
    let err_colour = colour.enabled(io.err_is_terminal);
    for (path, errors) in &failed_units {
        writeln!(
            io.err,
            "{}",
            render::error_text(io.lang, &Text::new("cli-unit-not-evaluated").arg("path", path))
        )?;
        write!(io.err, "{}", render::human(errors, err_colour, io.lang))?;
    }
    if summary.is_empty() {
        // Nothing to add up: no output, and no file replaced.
        match (&args.kanwil, &args.nasional) {
            (Some(k), _) => render::error_line(
                io,
                Text::new("cli-no-unit-kanwil").arg("kanwil", k).arg("year", args.year),
            )?,
            (None, Some(n)) => render::error_line(
                io,
                Text::new("cli-no-unit-nasional")
                    .arg("nasional", n)
                    .arg("year", args.year),
            )?,
            (None, None) => writeln!(
                io.err,
                "{}",
                render::error_text(io.lang, &Text::new("cli-no-unit").arg("year", args.year))
            )?,
        }
        return Ok(1);
    }
    write_summaries(&mut out, units, format, &summary, io.width.unwrap_or(120), io.lang)?;
    if let Sink::File(f) = out {
        f.commit()?;
    }
    if let Some(b) = budget {
        b.commit()?;
    }
    let units = summary.nasional().units;
    if summary.any_failed() || bad_rows > 0 {
        let text = sakip_core::Text::new(if bad_rows > 0 {
            "rollup-failed-rows"
        } else {
            "rollup-failed"
        })
        .arg("units", units)
        .arg("failed", summary.failures.len())
        .arg("rows", bad_rows);
        writeln!(io.err, "{}", text.render(io.lang))?;
        return Ok(1);
    }
    Ok(0)
}

/// Units under different national rule sets, said on stderr: the table
/// says it above its rows; a file would say it where nobody looks.
fn say_mixed_nasional(
    err: &mut dyn Write,
    lang: sakip_core::Lang,
    summary: &sakip_core::rekap::Rollup,
    format: Format,
) -> std::io::Result<()> {
    match (summary.mixed_nasional(), format) {
        (Some(warning), f) if f != Format::Table => writeln!(err, "{}", warning.render(lang)),
        _ => Ok(()),
    }
}

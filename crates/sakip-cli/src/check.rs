//! `sakip check <path>...`: parse and resolve every rule set under the
//! paths, with the rule sets they build on. Exit 0 when clean, 1 when any
//! error is found; errors go to stderr as `file:line:col` with the line.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::Text;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Rule files or folders (searched recursively for `.sakip` files)
    #[arg(required = true)]
    pub paths: Vec<Utf8PathBuf>,

    /// How to print findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The line with a caret and a fix
    Human,
    /// One line per finding: file:line:col: severity[code]: message
    Short,
    /// A JSON array on stdout
    Json,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let report = sakip_rules::check_paths(&args.paths);
    let errors = report
        .errors
        .iter()
        .filter(|e| e.severity == sakip_core::Severity::Error)
        .count();
    match args.format {
        Format::Json => {
            let value = serde_json::json!({
                "files": report.files,
                "rule_sets": report.rule_sets,
                "errors": render::json(&report.errors),
            });
            writeln!(io.out, "{}", serde_json::to_string_pretty(&value).unwrap_or_default())?;
        }
        Format::Short => write!(io.err, "{}", render::short(&report.errors, io.lang))?,
        Format::Human => {
            write!(
                io.err,
                "{}",
                render::human(&report.errors, colour.enabled(io.err_is_terminal), io.lang)
            )?;
            let warnings = report.errors.len() - errors;
            let id = match (errors, warnings) {
                (0, 0) => "check-clean",
                (0, _) => "check-warnings",
                (_, 0) => "check-errors",
                _ => "check-errors-warnings",
            };
            let summary = Text::new(id)
                .arg("rule-sets", report.rule_sets)
                .arg("files", report.files)
                .arg("errors", errors)
                .arg("warnings", warnings);
            writeln!(io.err, "{}", summary.render(io.lang))?;
        }
    }
    Ok(u8::from(errors > 0))
}

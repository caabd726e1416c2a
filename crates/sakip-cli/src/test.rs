//! `sakip test <path>...`: runs the rule tests (`uji` blocks) of every rule
//! set under the paths, each against its rule set with the rules it builds
//! on. Prints each failure with what was expected and what the rules gave,
//! and ends with `N passed, N failed`; exit 1 when any failed.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use sakip_core::i18n::say;
use sakip_core::Text;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Rule files or folders (searched recursively for `.sakip` files)
    #[arg(required = true)]
    pub paths: Vec<Utf8PathBuf>,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let report = sakip_engine::rule_tests::run(&args.paths);
    if !report.errors.is_empty() {
        render::to_stderr(io, colour, &report.errors)?;
    }
    for case in &report.cases {
        if case.failures.is_empty() {
            writeln!(
                io.out,
                "{:<8}{}  {} ({})",
                say(io.lang, "test-ok"),
                case.at,
                case.name,
                case.year
            )?;
        } else {
            writeln!(
                io.out,
                "{:<8}{}  {} ({})",
                say(io.lang, "test-failed"),
                case.at,
                case.name,
                case.year
            )?;
            for f in &case.failures {
                writeln!(io.out, "          {}", f.render(io.lang))?;
            }
        }
    }
    let summary = Text::new("test-summary")
        .arg("passed", report.passed())
        .arg("failed", report.failed());
    writeln!(io.out, "{}", summary.render(io.lang))?;
    Ok(u8::from(report.failed() > 0 || !report.errors.is_empty()))
}

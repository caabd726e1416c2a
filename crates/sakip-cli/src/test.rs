//! `sakip test <path>...`: runs the rule tests (`uji` blocks) of every rule
//! set under the paths, each against its rule set with the rules it builds
//! on. Prints each failure with what was expected and what the rules gave,
//! and ends with `N passed, N failed`; exit 1 when any failed.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Rule files or folders (searched recursively for `.sakip` files)
    #[arg(required = true)]
    pub paths: Vec<Utf8PathBuf>,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let (loaded, errors) = sakip_rules::load_all(&args.paths);
    let errors: Vec<_> = errors
        .into_iter()
        .filter(|e| e.severity == sakip_core::Severity::Error)
        .collect();
    if !errors.is_empty() {
        render::to_stderr(io, colour, &errors)?;
    }
    let (mut passed, mut failed) = (0usize, 0usize);
    for (root, unit) in &loaded {
        for case in &unit.cases {
            let failures = sakip_core::uji::run(&unit.rules, case, &unit.scripts.for_year(case.year));
            let at = case
                .origin
                .as_ref()
                .map(|o| o.to_string())
                .unwrap_or_else(|| root.to_string());
            if failures.is_empty() {
                passed += 1;
                writeln!(io.out, "ok      {at}  {} ({})", case.name, case.year)?;
            } else {
                failed += 1;
                writeln!(io.out, "FAILED  {at}  {} ({})", case.name, case.year)?;
                for f in failures {
                    writeln!(io.out, "          {f}")?;
                }
            }
        }
    }
    writeln!(io.out, "{passed} passed, {failed} failed")?;
    Ok(u8::from(failed > 0 || !errors.is_empty()))
}

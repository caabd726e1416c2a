//! The `sakip` command line. `main.rs` (at the repository root) only calls
//! [`main`]; each command is one module here, and [`run`] takes its
//! arguments and output streams as parameters so that tests and benchmarks
//! drive it without a process.
//!
//! Exit codes: 0 when nothing is wrong, 1 when the rules or the evaluation
//! have errors (the output still says everything that could be said), 2 for
//! a command line that could not be understood.

pub mod check;
pub mod completions;
pub mod diff;
pub mod eval;
pub mod explain;
pub use sakip_rules::files;
pub mod fmt;
mod help;
pub mod import;
pub mod new_year;
mod provenance;
pub mod render;
pub mod report;
pub mod rollup;
pub mod test;
pub mod until;
mod verify;
mod whatif;
mod why;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use sakip_core::Lang;
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "sakip",
    version,
    about = "Turns SAKIP performance rules into performance reports (LKjIP chapter III)",
    long_about = "Turns SAKIP performance rules into performance reports.\n\n\
        Rule files (.sakip) declare indicators, targets, formulas, rounding and\n\
        classification; a unit's folder adds its Perjanjian Kinerja and its data.\n\
        `sakip check` finds mistakes in rule files; `sakip eval` computes a unit's\n\
        year exactly and names every doubtful figure; `sakip explain` shows how."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colour: auto (a terminal, unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The language of messages, tables and reports: id (Bahasa Indonesia) or en;
    /// without it, LC_ALL, LC_MESSAGES or LANG (en_* is English), else id
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangChoice>,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// Bahasa Indonesia
    Id,
    /// English
    En,
}

impl From<LangChoice> for Lang {
    fn from(c: LangChoice) -> Lang {
        match c {
            LangChoice::Id => Lang::Id,
            LangChoice::En => Lang::En,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check rule files: syntax, names, references, formulas
    Check(check::Args),
    /// Evaluate a unit's year: targets, realisasi, capaian, bands, budget
    Eval(eval::Args),
    /// Show every step of one indicator's evaluation, with the rule behind each
    Explain(explain::Args),
    /// List what changed in the rules between two years
    Diff(diff::Args),
    /// Start next year's Perjanjian Kinerja from this year's
    NewYear(new_year::Args),
    /// Lay rule files out in the one canonical way, keeping every comment
    Fmt(fmt::Args),
    /// Run the rule tests (`uji` blocks) beside the rules
    Test(test::Args),
    /// Write chapter III as a document: HTML with charts, Markdown, or XLSX
    Report(report::Args),
    /// Read realisasi and budget from a spreadsheet into the unit's data file
    Import(import::Args),
    /// Evaluate every unit under folders, or in a long table, and add them up per Kanwil
    Rollup(rollup::Args),
    /// Write the shell's completion script (bash, zsh, fish, powershell)
    Completions(completions::Args),
    /// What each level decided: every setting, target, formula and script function in force, who set it and what it replaced
    Provenance(provenance::Args),
    /// Recompute a receipt from the files on disk: identical, or what differs
    Verify(verify::Args),
    /// What realisasi reaches 100% and each higher band; with --set, the year with changed figures
    Whatif(whatif::Args),
    /// Why a capaian or the nilai changed between two years: target, realisasi, formula, cap, rounding
    Why(why::Args),
    /// Serve the Language Server Protocol on stdin and stdout, for editors
    Lsp,
    /// The workbench: a local web server over a tree of rule sets and units
    Serve(ServeArgs),
}

/// `sakip serve`'s arguments.
#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The folder to serve: rule sets and units under it
    #[arg(default_value = ".")]
    pub path: camino::Utf8PathBuf,

    /// The port to listen on
    #[arg(long, default_value_t = 8080)]
    pub port: u16,

    /// The address to listen on; anything but 127.0.0.1 needs a token
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// The token every request must carry (made and printed when bound elsewhere)
    #[arg(long)]
    pub token: Option<String>,

    /// How many seconds a page waits for a check, a preview or a report
    /// before it is told to try again (`0.5` is half a second)
    #[arg(long, default_value = "10", value_parser = seconds)]
    pub time_limit: std::time::Duration,
}

/// A number of seconds from 0.1 to 3600 as a duration.
fn seconds(text: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if !(0.1..=3600.0).contains(&secs) {
        return Err("give from 0.1 to 3600 seconds".into());
    }
    std::time::Duration::try_from_secs_f64(secs).map_err(|e| e.to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none(),
        }
    }
}

/// Where a command writes, and whether each stream is a terminal.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub out_is_terminal: bool,
    pub err_is_terminal: bool,
    /// Terminal width for tables, when known.
    pub width: Option<u16>,
    /// The reader's language.
    pub lang: Lang,
}

/// The command line's own words, beside its code (`i18n/`); the core's
/// catalogue holds the words it shares with the other front ends.
pub const WORDS: sakip_core::i18n::Words = sakip_core::i18n::Words {
    name: "sakip-cli",
    id: include_str!("../i18n/id.ftl"),
    en: include_str!("../i18n/en.ftl"),
};

/// Runs one command line; returns the exit code.
pub fn run<I, T>(args: I, io: &mut Io<'_>) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    sakip_core::i18n::add_words(WORDS);
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // The language of the help is known before the command line is parsed:
    // `--lang` among the arguments, else the locale.
    let lang = args
        .windows(2)
        .find(|w| w.first().is_some_and(|a| a == "--lang"))
        .and_then(|w| w.get(1))
        .and_then(|l| l.to_str())
        .and_then(Lang::parse)
        .or_else(|| {
            args.iter()
                .filter_map(|a| a.to_str()?.strip_prefix("--lang="))
                .find_map(Lang::parse)
        })
        .unwrap_or(io.lang);
    let parsed = help::in_language(Cli::command(), lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = if io.err_is_terminal && e.use_stderr() {
                e.render().ansi().to_string()
            } else {
                e.render().to_string()
            };
            let target: &mut dyn Write = if e.use_stderr() { &mut *io.err } else { &mut *io.out };
            let _ = write!(target, "{text}");
            return code;
        }
    };
    if let Some(lang) = cli.lang {
        io.lang = lang.into();
    }
    let result = match &cli.command {
        Command::Check(args) => check::run(args, cli.color, io),
        Command::Eval(args) => eval::run(args, cli.color, io),
        Command::Explain(args) => explain::run(args, cli.color, io),
        Command::Diff(args) => diff::run(args, cli.color, io),
        Command::NewYear(args) => new_year::run(args, cli.color, io),
        Command::Fmt(args) => fmt::run(args, cli.color, io),
        Command::Test(args) => test::run(args, cli.color, io),
        Command::Import(args) => import::run(args, cli.color, io),
        Command::Report(args) => report::run(args, cli.color, io),
        Command::Rollup(args) => rollup::run(args, cli.color, io),
        Command::Completions(args) => completions::run(args, io),
        Command::Provenance(args) => provenance::run(args, cli.color, io),
        Command::Verify(args) => verify::run(args, cli.color, io),
        Command::Whatif(args) => whatif::run(args, cli.color, io),
        Command::Why(args) => why::run(args, cli.color, io),
        Command::Serve(args) => {
            let addr = std::net::SocketAddr::new(args.bind, args.port);
            let options = sakip_serve::Options {
                token: args.token.clone(),
                lang: io.lang,
                time_limit: args.time_limit,
            };
            sakip_serve::serve(args.path.clone(), addr, options)
                .map(|()| 0)
                .map_err(std::io::Error::other)
        }
        Command::Lsp => sakip_lsp::serve(std::io::BufReader::new(std::io::stdin()), &mut io.out, io.lang)
            .map(|()| 0)
            .map_err(std::io::Error::other),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Writing to a closed pipe (`sakip eval ... | head`) is not an error worth a message.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                let _ = writeln!(io.err, "error: {e}");
            }
            1
        }
    }
}

/// The process entry point.
pub fn main() -> ExitCode {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let out_is_terminal = stdout.is_terminal();
    let err_is_terminal = stderr.is_terminal();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = stderr.lock();
    let width = terminal_width().or_else(|| {
        if out_is_terminal {
            sakip_report::table::terminal_width()
        } else {
            None
        }
    });
    let code = {
        let mut io = Io {
            out: &mut out,
            err: &mut err,
            out_is_terminal,
            err_is_terminal,
            width,
            lang: Lang::from_env(),
        };
        run(std::env::args_os(), &mut io)
    };
    let _ = out.flush();
    ExitCode::from(code)
}

/// `COLUMNS` when the shell exports it; otherwise the terminal's own width
/// when standard output is one, and tables' default (120) for a pipe or a file.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w: &u16| *w >= 40)
}

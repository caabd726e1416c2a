//! `sakip-bench generate`: writes a national workload (see the library).

use camino::Utf8PathBuf;
use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "sakip-bench", about = "Workloads for measuring sakip at national scale")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write rule sets, unit folders and a long CSV, deterministic by seed
    Generate {
        #[arg(long, default_value_t = 100)]
        units: usize,
        #[arg(long, default_value_t = 4)]
        kanwil: usize,
        #[arg(long, default_value_t = 50)]
        indicators: usize,
        /// Years of data per unit, from 2022 on
        #[arg(long, default_value_t = 1)]
        years: u16,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Which Kanwil scripts define a `capaian` hook
        #[arg(long, value_enum, default_value_t = HooksArg::Half)]
        hooks: HooksArg,
        #[arg(long)]
        out: Utf8PathBuf,
    },
    /// The floor: read a long CSV and parse every number, no evaluation
    Floor {
        /// The long CSV (as `generate` writes it)
        csv: Utf8PathBuf,
    },
    /// The reference: a plain single-threaded loop computing the generated
    /// rules' realisasi, capaian, cap, truncation and band from the long CSV
    Reference {
        /// The folder `generate` wrote
        workload: Utf8PathBuf,
        /// Where to write the rows (standard output when not given)
        #[arg(short, long)]
        out: Option<Utf8PathBuf>,
    },
    /// Checks that sakip's long CSV (`rollup -f csv`) holds the reference's figures
    Compare {
        /// The reference's output
        reference: Utf8PathBuf,
        /// sakip's long CSV of the same workload
        sakip: Utf8PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum HooksArg {
    None,
    Half,
    All,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Floor { csv } => match sakip_bench::floor(&csv) {
            Ok((rows, sum)) => {
                println!("{rows} rows read, every number parsed; their sum {sum}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {csv}: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Reference { workload, out } => {
            let result = match &out {
                Some(path) => std::fs::File::create(path)
                    .map_err(|e| format!("{path}: {e}"))
                    .and_then(|f| sakip_bench::reference::run(&workload, &mut std::io::BufWriter::new(f))),
                None => sakip_bench::reference::run(&workload, &mut std::io::stdout().lock()),
            };
            match result {
                Ok(rows) => {
                    eprintln!("{rows} rows computed");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Compare { reference, sakip } => match sakip_bench::reference::compare(&reference, &sakip) {
            Ok(d) => {
                println!(
                    "{} rows compared: {} differ, {} missing from sakip's",
                    d.rows, d.differ, d.missing
                );
                for e in &d.examples {
                    println!("  {e}");
                }
                if d.differ == 0 && d.missing == 0 {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Generate {
            units,
            kanwil,
            indicators,
            years,
            seed,
            hooks,
            out,
        } => {
            let spec = sakip_bench::Spec {
                units,
                kanwil,
                indicators,
                years,
                seed,
                hooks: match hooks {
                    HooksArg::None => sakip_bench::Hooks::None,
                    HooksArg::Half => sakip_bench::Hooks::Half,
                    HooksArg::All => sakip_bench::Hooks::All,
                },
            };
            match sakip_bench::generate(&spec, &out) {
                Ok(w) => {
                    println!(
                        "{units} units under {}, {} Kanwil, year {}; long table {}",
                        w.units,
                        w.kanwil.len(),
                        spec.last_year(),
                        w.long_csv
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: cannot write under `{out}`: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

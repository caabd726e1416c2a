//! `sakip diff <path> --from <Y1> --to <Y2>`: what changed in the rules in
//! force between two years (targets, indicators measured, formulas,
//! rounding, cap, classification, scripts), one line each. `<path>` is a
//! unit's folder or any rule set. Exit 0: a difference is not an error.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use clap::ValueEnum;
use sakip_core::perubahan::Perubahan;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A unit's folder, or a rule set's folder or file
    pub path: Utf8PathBuf,

    /// The earlier year
    #[arg(long)]
    pub from: u16,

    /// The later year
    #[arg(long)]
    pub to: u16,

    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per change
    Human,
    /// A JSON object with a list of changes
    Json,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let changes = match sakip_engine::changes::between(&args.path, args.from, args.to) {
        Ok(c) => c,
        Err(errors) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
    };
    match args.format {
        Format::Human => {
            writeln!(io.out, "{}: {} -> {} ({})", args.path, args.from, args.to, changes.name)?;
            for c in &changes.rules {
                writeln!(io.out, "  {c}")?;
            }
            for s in &changes.scripts {
                writeln!(io.out, "  skrip        {} {}", if s.added { "+" } else { "-" }, s.path)?;
            }
            let n = changes.len();
            writeln!(
                io.out,
                "{}",
                sakip_core::Text::new("diff-changes").arg("n", n).render(io.lang)
            )?;
        }
        Format::Json => {
            let mut list: Vec<serde_json::Value> = changes.rules.iter().map(json).collect();
            list.extend(changes.scripts.iter().map(|s| {
                serde_json::json!({ "kind": "skrip", "path": s.path, "change": if s.added { "added" } else { "removed" } })
            }));
            let out =
                serde_json::json!({ "path": args.path.as_str(), "from": args.from, "to": args.to, "changes": list });
            writeln!(io.out, "{}", serde_json::to_string_pretty(&out).unwrap_or_default())?;
        }
    }
    Ok(0)
}

fn json(c: &Perubahan) -> serde_json::Value {
    let kind = c.kind();
    match c {
        Perubahan::Target { id, from, to } => {
            serde_json::json!({ "kind": kind, "indicator": id, "from": from, "to": to })
        }
        Perubahan::Added { id, name } | Perubahan::Removed { id, name } => {
            serde_json::json!({ "kind": kind, "indicator": id, "name": name })
        }
        Perubahan::Rumus { id, objek, from, to } => {
            serde_json::json!({ "kind": kind, "indicator": id, "rumus": objek, "from": from, "to": to })
        }
        Perubahan::Setting { what, from, to } => {
            serde_json::json!({ "kind": kind, "setting": what, "from": from, "to": to })
        }
        Perubahan::Band { id, from, to } => serde_json::json!({ "kind": kind, "band": id, "from": from, "to": to }),
    }
}

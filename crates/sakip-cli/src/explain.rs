//! `sakip explain <unit-dir> --year <Y> <indicator-id>`: every step of one
//! indicator's evaluation, each with the rule file (or script) and line it
//! comes from: the rule and year in force, the target, the realisasi and its
//! aggregation, the formula or script that gave the capaian, the cap, the
//! rounding and the band, then the findings about it.

use crate::{render, ColorChoice, Io};
use camino::Utf8PathBuf;
use sakip_core::i18n::say;
use sakip_core::{Problem, Severity, Text};
use sakip_engine::explain::NotExplained;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The unit's folder (its `satker` rules and data)
    pub unit_dir: Utf8PathBuf,

    /// The year to evaluate
    #[arg(long, short)]
    pub year: u16,

    /// The indikator's id, e.g. `iku_kamtib`
    pub indicator: String,

    /// The units below a Kanwil or national rule set: the path given is
    /// then that rule set; its indikator computed from units lists the
    /// units that count and those that do not
    #[arg(long, num_args = 1..)]
    pub units: Vec<Utf8PathBuf>,
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let id = args.indicator.as_str();
    let explained = if args.units.is_empty() {
        sakip_engine::explain::explain(&args.unit_dir, args.year, id).map(|e| (e, None))
    } else {
        sakip_engine::explain::explain_level(&args.unit_dir, &args.units, args.year, id)
    };
    let (explained, hasil) = match explained {
        Ok(e) => e,
        Err(NotExplained::Problems(errors)) => {
            render::to_stderr(io, colour, &errors)?;
            return Ok(1);
        }
        Err(NotExplained::NoSuchIndicator { why, closest }) => {
            let hint = closest
                .map(|s| format!("; {}", Text::new("did-you-mean").arg("word", s).render(io.lang)))
                .unwrap_or_default();
            writeln!(
                io.err,
                "{}: {}{hint}",
                Severity::Error.word(io.lang),
                why.render(io.lang)
            )?;
            return Ok(1);
        }
    };
    let ev = &explained.evaluation;
    let Some(r) = explained.indicator(id) else {
        return Ok(1);
    };
    let satker = ev.satker.as_ref().map(|s| s.name.as_str()).unwrap_or("");
    writeln!(io.out, "{}  {}", r.id, r.name)?;
    writeln!(
        io.out,
        "{satker} · {} {} · {} {} · {}",
        say(io.lang, "word-year").to_lowercase(),
        ev.year,
        r.tier.title(),
        r.sasaran,
        r.sasaran_name
    )?;
    writeln!(io.out)?;
    for step in &r.trace {
        writeln!(io.out, "  {:<12}{}", step.label, step.text.render(io.lang))?;
        if let Some(at) = &step.origin {
            writeln!(io.out, "  {:<12}  {} {at}", "", say(io.lang, "at-label"))?;
        }
    }
    let result = sakip_engine::explain::outcome(r).render(io.lang);
    writeln!(io.out, "  {:<12}{result}", "=")?;
    let findings: Vec<_> = explained.findings(id).collect();
    if !findings.is_empty() {
        writeln!(io.out)?;
        for d in &findings {
            writeln!(
                io.out,
                "  {}[{}] {}",
                d.severity.word(io.lang),
                d.code,
                d.message_in(io.lang)
            )?;
            if let Some(at) = &d.origin {
                writeln!(io.out, "      {} {at}", say(io.lang, "at-label"))?;
            }
            if let Some(h) = d.help_in(io.lang) {
                writeln!(io.out, "      {}: {h}", say(io.lang, "help-label"))?;
            }
        }
    }
    if let Some(h) = &hasil {
        units_counted(io, h)?;
    }
    let failed = findings.iter().any(|d| d.severity == sakip_core::Severity::Error);
    Ok(u8::from(failed))
}

/// Who counted in a region's figure and who did not, each with why.
fn units_counted(io: &mut Io<'_>, h: &sakip_core::wilayah::Hasil) -> std::io::Result<()> {
    writeln!(io.out)?;
    writeln!(
        io.out,
        "  {}",
        Text::new("explain-units-counted")
            .arg("n", h.dihitung.len())
            .render(io.lang)
    )?;
    for d in &h.dihitung {
        let mark = match d.memenuhi {
            Some(true) => format!("  {}", say(io.lang, "explain-unit-meets")),
            Some(false) => format!("  {}", say(io.lang, "explain-unit-not-meets")),
            None => String::new(),
        };
        let pembagi = d
            .pembagi
            .map(|b| format!(" / {}", sakip_core::pembulatan::plain(b)))
            .unwrap_or_default();
        writeln!(io.out, "    {:<24} {}{pembagi}{mark}", d.satker, h.shown(d.figur))?;
    }
    if !h.tidak_dihitung.is_empty() {
        writeln!(
            io.out,
            "  {}",
            Text::new("explain-units-not-counted")
                .arg("n", h.tidak_dihitung.len())
                .render(io.lang)
        )?;
        for (who, why) in &h.tidak_dihitung {
            writeln!(io.out, "    {who}: {}", why.text().render(io.lang))?;
        }
    }
    Ok(())
}

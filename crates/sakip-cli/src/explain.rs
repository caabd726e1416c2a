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
}

pub fn run(args: &Args, colour: ColorChoice, io: &mut Io<'_>) -> std::io::Result<u8> {
    let id = args.indicator.as_str();
    let explained = match sakip_engine::explain::explain(&args.unit_dir, args.year, id) {
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
    let failed = findings.iter().any(|d| d.severity == sakip_core::Severity::Error);
    Ok(u8::from(failed))
}

//! Where a rollup's output goes and in what shape: the units as they come,
//! then what follows them.

use super::Format;
use crate::files::AtomicFile;
use sakip_core::rekap::Rollup;
use sakip_core::Lang;
use sakip_engine::rollup;
use std::io::Write;

/// Writes the units in the output's own shape: the JSON formats as the
/// engine streams them; the CSV's header, then each unit's rows; nothing
/// for the formats that show the summaries alone. What closes it is
/// [`write_summaries`].
pub(crate) enum Units {
    Json(rollup::JsonUnits),
    Csv,
    Summaries,
}

impl Units {
    pub(crate) fn open(out: &mut dyn Write, format: Format, year: u16) -> std::io::Result<Self> {
        Ok(match format {
            Format::Json | Format::Jsonl => Units::Json(rollup::JsonUnits::open(out, year, format == Format::Jsonl)?),
            Format::Csv => {
                out.write_all(sakip_report::rekap::csv_line(sakip_report::rekap::CSV_HEADER).as_bytes())?;
                Units::Csv
            }
            Format::Table | Format::Html | Format::Xlsx => Units::Summaries,
        })
    }

    pub(crate) fn unit(&mut self, out: &mut dyn Write, text: &str) -> std::io::Result<()> {
        match self {
            Units::Json(j) => j.unit(out, text),
            Units::Csv => out.write_all(text.as_bytes()),
            Units::Summaries => Ok(()),
        }
    }
}

/// What each unit renders to, on the thread that evaluated it.
pub(crate) struct Rendered {
    pub(crate) main: String,
    pub(crate) budget: String,
    /// For the levels of its chain with indikator computed from units:
    /// those levels (id, header file) and the unit's figures.
    pub(crate) wilayah: Option<(Vec<(String, String)>, sakip_core::wilayah::UnitFigures)>,
}

/// Where the output goes: standard output, or a file that takes its name
/// only when the run completes.
pub(crate) enum Sink<'a> {
    Stdout(&'a mut dyn Write),
    File(AtomicFile),
}

impl Write for Sink<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// What follows the units: the table, the end of the JSON document, or the
/// rollup report.
pub(crate) fn write_summaries(
    out: &mut dyn Write,
    units: Units,
    format: Format,
    summary: &Rollup,
    width: u16,
    lang: Lang,
) -> std::io::Result<()> {
    match (units, format) {
        (Units::Json(json), _) => json.close(out, summary),
        (_, Format::Table) => out.write_all(sakip_report::rekap::table(summary, width, lang).as_bytes()),
        (_, Format::Html) => out.write_all(sakip_report::rekap_html::render(summary, lang).as_bytes()),
        (_, Format::Xlsx) => {
            let bytes = sakip_report::rekap_xlsx::render(summary).map_err(std::io::Error::other)?;
            out.write_all(&bytes)
        }
        _ => Ok(()),
    }
}

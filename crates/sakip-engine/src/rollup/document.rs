//! A rollup's units as streamed JSON: `jsonl` (one unit object per line)
//! or the one `json` document, `{"year":…,"units":[…],…summaries}`
//! (`sakip_core::contract::RollupDocument`, docs/rollup.schema.json),
//! written as the units come so that memory holds a batch, not the run.

use sakip_core::rekap::Rollup;
use std::io::Write;

/// Writes the units of a run as `jsonl` lines or as the `json` document.
pub struct JsonUnits {
    lines: bool,
    first: bool,
}

impl JsonUnits {
    /// Starts the output: the head of the document (nothing for `jsonl`).
    pub fn open(out: &mut dyn Write, year: u16, lines: bool) -> std::io::Result<Self> {
        if !lines {
            write!(out, "{{\"year\":{year},\"units\":[")?;
        }
        Ok(Self { lines, first: true })
    }

    /// One unit's object, as `sakip_report::json::render_line` gives it.
    pub fn unit(&mut self, out: &mut dyn Write, text: &str) -> std::io::Result<()> {
        let text = text.trim_end();
        if text.is_empty() {
            return Ok(());
        }
        if self.lines {
            return writeln!(out, "{text}");
        }
        if !std::mem::take(&mut self.first) {
            out.write_all(b",")?;
        }
        out.write_all(text.as_bytes())
    }

    /// Ends the output: the document's summaries after its units (nothing
    /// more for `jsonl`).
    pub fn close(self, out: &mut dyn Write, summary: &Rollup) -> std::io::Result<()> {
        if self.lines {
            return Ok(());
        }
        let rest = serde_json::to_string(&sakip_core::contract::summaries(summary)).map_err(std::io::Error::other)?;
        // The summaries are one object: its members follow the units'.
        writeln!(out, "],{}", rest.strip_prefix('{').unwrap_or(&rest))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_one_json_object_of_the_contract() {
        let mut out = Vec::new();
        let mut units = JsonUnits::open(&mut out, 2023, false).unwrap();
        for text in ["{\"a\":1}\n", "", "{\"a\":2}\n"] {
            units.unit(&mut out, text).unwrap();
        }
        let mut summary = Rollup::new(2023, true);
        summary.finish();
        units.close(&mut out, &summary).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc["year"], 2023);
        assert_eq!(doc["units"].as_array().unwrap().len(), 2);
        for member in ["nasional", "kanwil", "ranking", "failures"] {
            assert!(doc.get(member).is_some(), "{member}: {doc}");
        }
        let mut lines = Vec::new();
        let mut units = JsonUnits::open(&mut lines, 2023, true).unwrap();
        units.unit(&mut lines, "{\"a\":1}\n").unwrap();
        units.close(&mut lines, &summary).unwrap();
        assert_eq!(lines, b"{\"a\":1}\n");
    }
}

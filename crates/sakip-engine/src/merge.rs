//! `rollup --merge`: a national run split across machines (by Kanwil, say)
//! and put back together. Each part is the `jsonl` output of a rollup; the
//! merge reads their unit lines and rebuilds the per-Kanwil and national
//! summaries exactly as one run over all units would, reading each line's
//! figures, its rounding and its bands (every line carries the bands in
//! force, `klasifikasi`), never re-evaluating anything.

use rust_decimal::Decimal;
use sakip_core::klasifikasi::{Band, Klasifikasi};
use sakip_core::model::Tier;
use sakip_core::rekap::{Basis, IndicatorFigure, ScoreSource, UnitRecord, NO_KANWIL, NO_KANWIL_NAME};
use serde_json::Value;
use std::str::FromStr;

/// The value at a JSON pointer, or null.
fn at<'a>(v: &'a Value, pointer: &str) -> &'a Value {
    v.pointer(pointer).unwrap_or(&Value::Null)
}

/// A unit line read back: its record, and the settings it was evaluated under.
pub fn read_line(line: &str) -> Result<(UnitRecord, Basis), String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let text = |v: &Value, what: &str| -> Result<String, String> {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("`{what}` is missing"))
    };
    let number = |v: &Value, what: &str| -> Result<Option<Decimal>, String> {
        match v {
            Value::Null => Ok(None),
            Value::String(s) => Decimal::from_str(s)
                .map(Some)
                .map_err(|_| format!("`{what}` is not a number: `{s}`")),
            _ => Err(format!("`{what}` is not a number in a string")),
        }
    };
    let satker_id = text(at(&v, "/satker/id"), "satker.id")?;
    let (kanwil_id, kanwil_name) = at(&v, "/rules")
        .as_array()
        .and_then(|rules| rules.iter().rev().find(|r| at(r, "/level") == "kanwil"))
        .map(|r| Ok::<_, String>((text(at(r, "/id"), "rules.id")?, text(at(r, "/name"), "rules.name")?)))
        .transpose()?
        .unwrap_or_else(|| (NO_KANWIL.to_string(), NO_KANWIL_NAME.to_string()));
    let mut indicators = Vec::new();
    for r in at(&v, "/indicators").as_array().ok_or("`indicators` is missing")? {
        let tier = text(at(r, "/tier"), "tier")?;
        indicators.push(IndicatorFigure {
            id: text(at(r, "/id"), "indicators.id")?,
            name: text(at(r, "/name"), "indicators.name")?,
            tier: Tier::from_keyword(&tier).ok_or_else(|| format!("`{tier}` is not a tier"))?,
            capaian: number(at(r, "/capaian"), "capaian")?,
            band: at(r, "/band").as_str().map(str::to_string),
        });
    }
    let total = at(&v, "/budget")
        .as_array()
        .and_then(|b| b.iter().find(|r| at(r, "/name") == sakip_core::anggaran::TOTAL));
    let (pagu, realisasi) = match total {
        Some(t) => (
            number(at(t, "/pagu"), "pagu")?.unwrap_or_default(),
            number(at(t, "/realisasi"), "realisasi")?.unwrap_or_default(),
        ),
        None => (Decimal::ZERO, Decimal::ZERO),
    };
    let bands: Vec<Band> = serde_json::from_value(at(&v, "/klasifikasi").clone())
        .map_err(|e| format!("`klasifikasi` cannot be read ({e}): merge lines written by this version of sakip"))?;
    let basis = Basis {
        capaian: text(at(&v, "/rounding/capaian"), "rounding.capaian")?.parse()?,
        anggaran: text(at(&v, "/rounding/budget"), "rounding.budget")?.parse()?,
        klasifikasi: Klasifikasi { bands },
    };
    let record = UnitRecord {
        path: satker_id.clone(),
        satker_name: text(at(&v, "/satker/name"), "satker.name")?,
        satker_id,
        kanwil_id,
        kanwil_name,
        indicators,
        score: None,
        score_source: ScoreSource::MeanCapaian,
        band: None,
        pagu,
        realisasi,
        errors: at(&v, "/diagnostics")
            .as_array()
            .map(|d| d.iter().filter(|x| at(x, "/severity") == "error").count())
            .unwrap_or(0),
    };
    let nilai = number(at(&v, "/nilai/value"), "nilai")?;
    Ok((record.scored(nilai, &basis), basis))
}

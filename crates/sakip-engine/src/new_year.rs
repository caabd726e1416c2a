//! Next year's Perjanjian Kinerja, started from this year's (`sakip
//! new-year`). Every indicator of year Y-1's agreement is carried; its
//! target is taken from the rules where they hold one for Y (the Renstra's
//! yearly targets, set nationally or by the Kanwil), and is otherwise
//! written `?` for staff to fill in, which `check` reports until it is. The
//! text is the same byte for byte on every run; writing it (never over an
//! existing file) is the caller's.

use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::anggaran::rupiah;
use sakip_core::model::{Tier, TingkatAturan};
use sakip_core::{Code, Text};
use sakip_rules::ast::Quantity;
use sakip_rules::data_file::{DataFile, TargetIn};
use sakip_rules::{LoadedUnit, RuleError};

/// The agreement to write, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// `perjanjian-<Y>.sakip` in the unit's folder.
    pub path: Utf8PathBuf,
    pub text: String,
    /// Targets taken from the rules.
    pub filled: usize,
    /// Targets written `?`.
    pub open: usize,
}

/// Starts `year`'s agreement of the unit in `dir` from the year before's.
pub fn draft(dir: &Utf8Path, unit: &LoadedUnit, year: u16) -> Result<Draft, Box<RuleError>> {
    let rules = &unit.rules;
    let Some(last) = year.checked_sub(1).and_then(|y| rules.perjanjian(y)) else {
        return Err(Box::new(RuleError::path_says(
            dir.as_str(),
            Code::PerjanjianMissing,
            Text::new("perjanjian-missing-2")
                .arg("last-year", year.saturating_sub(1))
                .arg("year", year),
        )));
    };
    if rules.perjanjian(year).is_some() {
        return Err(Box::new(RuleError::path_says(
            dir.as_str(),
            Code::PerjanjianTwice,
            Text::new("perjanjian-twice-2").arg("year", year),
        )));
    }
    let path = dir.join(format!("perjanjian-{year}.sakip"));
    if path.exists() {
        return Err(Box::new(
            RuleError::path_says(
                path.as_str(),
                Code::FileExists,
                Text::new("file-exists").arg("path", &path),
            )
            .help_says(Text::new("file-exists-help")),
        ));
    }
    let satker = rules.satker().map(|s| s.name.as_str()).unwrap_or("");
    let notes = [
        format!("Perjanjian Kinerja {year} {satker}: dimulai oleh `sakip new-year`"),
        format!(
            "dari Perjanjian Kinerja {}. Target `?` belum diisi; `sakip check`",
            last.year
        ),
        "menandainya sampai diisi. Target yang diambil dari aturan (Renstra)".to_string(),
        "disebut asalnya; periksa sebelum ditandatangani.".to_string(),
    ];
    let mut file = DataFile::with_notes(&notes.iter().map(String::as_str).collect::<Vec<_>>());
    let (mut filled, mut open) = (0, 0);
    let mut targets = Vec::new();
    for tier in Tier::ALL {
        let mut group = Some(tier.title().to_string());
        for id in &last.indikator {
            let Some(ind) = rules.indikator(id).filter(|i| i.tier == tier) else {
                continue;
            };
            let ruled = ind
                .targets
                .iter()
                .find(|t| t.year == year && t.tingkat < TingkatAturan::Satker);
            let previous = ind
                .target_in_force(last.year)
                .map(|t| t.value.to_string())
                .unwrap_or_else(|| "-".into());
            let (value, note) = match ruled {
                Some(t) => {
                    filled += 1;
                    let value = Quantity {
                        value: t.value.value,
                        unit: t.value.satuan.as_ref().map(|s| s.to_string()),
                        label: t.value.label.clone(),
                    };
                    let note = format!("target {year} aturan `{}`; {}: {previous}", t.source, last.year);
                    (Some(value), note)
                }
                None => {
                    // One that needs no target is not left open.
                    if ind.needs_target(year) {
                        open += 1;
                    }
                    (None, format!("{}: {previous}", last.year))
                }
            };
            targets.push(TargetIn {
                group: group.take(),
                id: id.clone(),
                without_target: value.is_none() && !ind.needs_target(year),
                value,
                note: Some(note),
            });
        }
    }
    let mut closing = Vec::new();
    if !last.anggaran.is_empty() {
        closing.push(format!(
            "Anggaran per program: isi dari DIPA {year}. Tahun {}:",
            last.year
        ));
        for p in &last.anggaran {
            closing.push(format!("anggaran \"{}\" = {}", p.name, rupiah(p.amount)));
        }
    }
    let dasar = [format!(
        "Perjanjian Kinerja Tahun {year} (lengkapi nomor dan tanggalnya)"
    )];
    file.perjanjian(year, &dasar, &targets, &closing);
    Ok(Draft {
        path,
        text: file.print(),
        filled,
        open,
    })
}

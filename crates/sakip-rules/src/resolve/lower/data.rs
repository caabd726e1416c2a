//! A unit's data: its realisasi and its budget per year.

use super::*;
use crate::ast::{self};
use crate::source::Span;
use sakip_core::data::{BelanjaEntry, RealisasiEntry, UnitData};
use sakip_core::{Code, Text};
use std::collections::HashMap;

/// What the data says of a realisasi not measured this year.
pub(crate) fn tidak_diukur(e: &ast::RealisasiEntry) -> Option<sakip_core::data::TidakDiukur> {
    e.tidak_diukur.as_ref().map(|t| sakip_core::data::TidakDiukur {
        alasan: t.alasan.as_ref().map(|a| a.node.clone()),
    })
}

impl Lowering<'_> {
    /// Lowers a unit's realisasi block into its data for the year.
    pub(crate) fn realisasi(&mut self, b: &ast::RealisasiBlock) {
        let year = b.year.node;
        let mut entries: Vec<RealisasiEntry> = Vec::new();
        let existing: Vec<String> = self
            .data
            .get(&year)
            .map(|d| d.realisasi.iter().map(|r| r.indicator.clone()).collect())
            .unwrap_or_default();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for e in &b.entries {
            if !self.refer(&e.id.node, e.id.span) {
                self.unknown_indicator(e.id.span, &e.id.node);
                continue;
            }
            if let Some(first) = seen.get(&e.id.node) {
                let at = self.where_(*first);
                self.err_says(
                    e.id.span,
                    Code::RealisasiTwice,
                    Text::new("realisasi-twice").arg("year", year).arg("id", &e.id.node),
                )
                .help_says(Text::new("realisasi-twice-help").arg("at", &at));
                continue;
            }
            if existing.contains(&e.id.node) {
                self.err_says(
                    e.id.span,
                    Code::RealisasiTwice,
                    Text::new("realisasi-twice-2").arg("year", year).arg("id", &e.id.node),
                );
                continue;
            }
            seen.insert(e.id.node.clone(), e.id.span);
            let mut periods: HashMap<sakip_core::periode::Periode, Span> = HashMap::new();
            let mut values = Vec::new();
            for (p, q) in &e.values {
                if let Some(first) = periods.get(&p.node) {
                    let at = self.where_(*first);
                    self.err_says(
                        p.span,
                        Code::PeriodTwice,
                        Text::new("period-twice")
                            .arg("period", p.node.keyword())
                            .arg("id", &e.id.node),
                    )
                    .help_says(Text::new("period-twice-help").arg("at", &at));
                    continue;
                }
                periods.insert(p.node, p.span);
                values.push((p.node, quantity(&q.node)));
            }
            let printed = match &e.dicetak {
                Some(q) => self.printed_percent(q),
                None => None,
            };
            entries.push(RealisasiEntry {
                indicator: e.id.node.clone(),
                values,
                printed_capaian: printed,
                tidak_diukur: tidak_diukur(e),
                origin: self.origin(e.span),
            });
        }
        let d = self.data.entry(year).or_insert_with(|| UnitData::new(year));
        d.dasar.extend(b.dasar.iter().map(|x| x.node.clone()));
        d.realisasi.extend(entries);
    }

    /// Lowers a unit's budget block; the `Total` line is computed, never written.
    pub(crate) fn anggaran(&mut self, b: &ast::AnggaranBlock) {
        let year = b.year.node;
        let mut belanja = Vec::new();
        let mut program = Vec::new();
        let mut seen: HashMap<(bool, String), Span> = HashMap::new();
        for l in &b.lines {
            let is_program = l.kind == ast::BelanjaKind::Program;
            let key = (is_program, l.name.node.clone());
            if let Some(first) = seen.get(&key) {
                let at = self.where_(*first);
                self.err_says(
                    l.name.span,
                    Code::AnggaranTwice,
                    Text::new("anggaran-twice").arg("name", &l.name.node).arg("year", year),
                )
                .help_says(Text::new("anggaran-twice-help").arg("at", &at));
                continue;
            }
            if l.name.node == sakip_core::anggaran::TOTAL {
                self.err_says(l.name.span, Code::AnggaranTotal, Text::new("anggaran-total"))
                    .help_says(Text::new("anggaran-total-help"));
                continue;
            }
            seen.insert(key, l.name.span);
            let printed = match &l.dicetak {
                Some(q) => self.printed_percent(q),
                None => None,
            };
            let entry = BelanjaEntry {
                name: l.name.node.clone(),
                pagu: l.pagu.node,
                realisasi: l.realisasi.node,
                printed_penyerapan: printed,
                origin: self.origin(l.span),
            };
            if is_program {
                program.push(entry);
            } else {
                belanja.push(entry);
            }
        }
        let d = self.data.entry(year).or_insert_with(|| UnitData::new(year));
        d.dasar.extend(b.dasar.iter().map(|x| x.node.clone()));
        d.belanja.extend(belanja);
        d.program.extend(program);
    }
}

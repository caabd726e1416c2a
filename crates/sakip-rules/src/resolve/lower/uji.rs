//! Rule tests (`uji`): each case lowered into what the core runs.

use super::*;
use crate::ast::{self};
use sakip_core::data::{RealisasiEntry, UnitData};
use sakip_core::{Code, Text};

impl Lowering<'_> {
    /// Lowers a rule test into a case the core runs.
    pub(crate) fn uji(&mut self, u: &ast::Uji) {
        use sakip_core::uji::{Harapan, Kasus};
        let year = u.year.node;
        let mut ok = true;
        // A case of the year in progress ends before the year does.
        if let Some(p) = u
            .until
            .as_ref()
            .filter(|p| !sakip_core::periode::Periode::UNTIL.contains(&p.node))
        {
            self.err_says(
                p.span,
                Code::UjiUntil,
                Text::new("uji-until").arg("period", p.node.keyword()),
            )
            .help_says(Text::new("uji-until-help"));
            ok = false;
        }
        let mut targets = Vec::new();
        for t in &u.targets {
            if !self.refer(&t.id.node, t.id.span) {
                self.unknown_indicator(t.id.span, &t.id.node);
                ok = false;
                continue;
            }
            match &t.value.node {
                Some(q) => targets.push((
                    t.id.node.clone(),
                    quantity(q),
                    t.periode.iter().map(|(p, v)| (p.node, quantity(&v.node))).collect(),
                )),
                None => {
                    self.err_says(t.value.span, Code::TargetUnfilled, Text::new("target-unfilled-2"));
                    ok = false;
                }
            }
        }
        let mut data = UnitData::new(year);
        for e in &u.entries {
            if !self.refer(&e.id.node, e.id.span) {
                self.unknown_indicator(e.id.span, &e.id.node);
                ok = false;
                continue;
            }
            data.realisasi.push(RealisasiEntry {
                indicator: e.id.node.clone(),
                values: e.values.iter().map(|(p, q)| (p.node, quantity(&q.node))).collect(),
                printed_capaian: None,
                tidak_diukur: super::data::tidak_diukur(e),
                origin: self.origin(e.span),
            });
        }
        let mut harapan = Vec::new();
        for h in &u.harap {
            let (id, lowered) = match h {
                ast::Harap::Capaian { id, value, band, span } => (
                    Some(id),
                    Harapan::Capaian {
                        id: id.node.clone(),
                        value: value.node,
                        band: band.as_ref().map(|b| b.node.clone()),
                        origin: self.origin(*span),
                    },
                ),
                ast::Harap::Realisasi { id, value, span } => (
                    Some(id),
                    Harapan::Realisasi {
                        id: id.node.clone(),
                        value: quantity(&value.node),
                        origin: self.origin(*span),
                    },
                ),
                ast::Harap::Nilai { value, span } => (
                    None,
                    Harapan::Nilai {
                        value: value.node,
                        origin: self.origin(*span),
                    },
                ),
                ast::Harap::Sasaran {
                    code,
                    value,
                    band,
                    span,
                } => (
                    None,
                    Harapan::Sasaran {
                        code: code.node.clone(),
                        value: value.node,
                        band: band.as_ref().map(|b| b.node.clone()),
                        origin: self.origin(*span),
                    },
                ),
            };
            if let Some(id) = id {
                if !self.refer(&id.node, id.span) {
                    self.unknown_indicator(id.span, &id.node);
                    ok = false;
                    continue;
                }
            }
            harapan.push(lowered);
        }
        if u.harap.is_empty() {
            self.err_says(
                u.name.span,
                Code::UjiEmpty,
                Text::new("uji-empty").arg("name", &u.name.node),
            )
            .help_says(Text::new("uji-empty-help"));
            ok = false;
        }
        if ok {
            self.cases.push(Kasus {
                name: u.name.node.clone(),
                year,
                until: u.until.as_ref().map(|p| p.node),
                targets,
                data,
                harapan,
                origin: self.origin(u.span),
            });
        }
    }
}

//! Rule tests (`uji`): each case lowered into what the core runs.

use super::*;
use crate::ast::{self, FigurAst};
use sakip_core::data::{RealisasiEntry, UnitData};
use sakip_core::wilayah::UnitFigures;
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
        let (satker, gagal) = self.uji_satker(u, &mut ok);
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
                satker,
                gagal,
                harapan,
                origin: self.origin(u.span),
            });
        }
    }

    /// A case's units below a region (`satker <id> { ... }`), checked: the
    /// rule set has an indikator computed from its units, each unit and each
    /// of its figures is written once, the indikator they name exist, the
    /// region's realisasi is not also given, and the case is of a whole year.
    fn uji_satker(&mut self, u: &ast::Uji, ok: &mut bool) -> (Vec<UnitFigures>, Vec<(String, Text)>) {
        let (mut figures, mut gagal): (Vec<UnitFigures>, Vec<(String, Text)>) = (Vec::new(), Vec::new());
        let Some(first) = u.satker.first() else {
            return (figures, gagal);
        };
        if !self.rules.indikator.iter().any(|i| i.dari_satker.is_some()) {
            let id = self.rules.chain.last().map(|r| r.id.clone()).unwrap_or_default();
            self.err_says(
                first.id.span,
                Code::UjiSatker,
                Text::new("uji-satker-none").arg("id", id),
            )
            .help_says(Text::new("uji-satker-none-help"));
            *ok = false;
            return (figures, gagal);
        }
        if let Some(p) = &u.until {
            self.err_says(p.span, Code::UjiSatker, Text::new("uji-satker-until"))
                .help_says(Text::new("uji-satker-until-help"));
            *ok = false;
        }
        for entry in &u.entries {
            let id = &entry.id.node;
            if self.rules.indikator(id).is_some_and(|i| i.dari_satker.is_some()) {
                self.err_says(
                    entry.id.span,
                    Code::UjiSatker,
                    Text::new("uji-satker-entry").arg("id", id),
                )
                .help_says(Text::new("uji-satker-entry-help").arg("id", id));
                *ok = false;
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for s in &u.satker {
            if seen.contains(&s.id.node.as_str()) {
                self.err_says(
                    s.id.span,
                    Code::UjiSatker,
                    Text::new("uji-satker-twice").arg("satker", &s.id.node),
                )
                .help_says(Text::new("uji-satker-twice-help"));
                *ok = false;
                continue;
            }
            seen.push(&s.id.node);
            if let Some(g) = &s.gagal {
                let why = match &g.node {
                    Some(w) => Text::new("raw").arg("text", w),
                    None => Text::new("uji-satker-gagal"),
                };
                gagal.push((s.id.node.clone(), why));
                continue;
            }
            let mut unit = UnitFigures {
                satker: s.id.node.clone(),
                ..UnitFigures::default()
            };
            for (f, v) in &s.figur {
                if let FigurAst::Indikator { id, .. } = &f.node {
                    if !self.refer(&id.node, id.span) {
                        self.unknown_indicator(id.span, &id.node);
                        *ok = false;
                        continue;
                    }
                }
                let figur = super::dari_satker::figur_satker(&f.node);
                let Some(value) = self.figure_value(&figur, v) else {
                    *ok = false;
                    continue;
                };
                match unit.figure_mut(&figur) {
                    Some(cell @ None) => *cell = Some(value),
                    _ => {
                        self.err_says(
                            f.span,
                            Code::UjiSatker,
                            Text::new("uji-satker-figur-twice")
                                .arg("satker", &s.id.node)
                                .arg("figure", figur.to_string()),
                        )
                        .help_says(Text::new("uji-satker-figur-twice-help"));
                        *ok = false;
                    }
                }
            }
            for t in &s.tidak_diukur {
                if !self.refer(&t.node, t.span) {
                    self.unknown_indicator(t.span, &t.node);
                    *ok = false;
                    continue;
                }
                unit.tidak_diukur.push(t.node.clone());
            }
            figures.push(unit);
        }
        (figures, gagal)
    }
}

//! A unit's Perjanjian Kinerja: targets of known indikator in their satuan,
//! one agreement per year, its budget per programme.

use super::*;
use crate::ast::{self};
use crate::source::{Span, Spanned};
use rust_decimal::Decimal;
use sakip_core::model::{AnggaranProgram, Perjanjian, Target, TingkatAturan};
use sakip_core::{Code, Text};
use std::collections::HashMap;

impl Lowering<'_> {
    /// Lowers a unit's agreement: targets of known indikator in their satuan,
    /// one agreement per year, and its budget per programme.
    pub(crate) fn perjanjian(&mut self, pk: &ast::Perjanjian, satker_id: &str) {
        let year = pk.year.node;
        if self.rules.perjanjian(year).is_some() {
            self.err_says(
                pk.year.span,
                Code::PerjanjianTwice,
                Text::new("perjanjian-twice").arg("year", year),
            )
            .help_says(Text::new("perjanjian-twice-help"));
            return;
        }
        let mut listed: HashMap<String, Span> = HashMap::new();
        let mut ids = Vec::new();
        // Targets and `indikator` lines in the order written: the agreement's order.
        let mut measured = pk.measured.iter().peekable();
        for t in &pk.targets {
            while let Some(m) = measured.next_if(|m| m.span.start < t.span.start) {
                self.measured_without_target(m, year, &mut listed, &mut ids);
            }
            if !self.listed_once(&t.id, year, &mut listed) {
                continue;
            }
            let origin = self.origin(t.span);
            let Some(value) = t.value.node.as_ref().map(quantity) else {
                self.err_says(
                    t.value.span,
                    Code::TargetUnfilled,
                    Text::new("target-unfilled").arg("year", year).arg("id", &t.id.node),
                )
                .label_says(Text::new("target-unfilled-label"))
                .help_says(Text::new("target-unfilled-help"));
                // Still measured that year: evaluating it reports the missing target.
                ids.push(t.id.node.clone());
                continue;
            };
            self.against_national(&t.id.node, year, &value, t.value.span);
            let unit_problem = self.rules.indikator(&t.id.node).and_then(|ind| {
                value
                    .satuan
                    .as_ref()
                    .filter(|u| **u != ind.satuan)
                    .map(|u| (u.clone(), ind.satuan.clone()))
            });
            if let Some((u, want)) = unit_problem {
                self.err_says(
                    t.value.span,
                    Code::TargetSatuan,
                    Text::new("target-satuan-3")
                        .arg("written-in", &u)
                        .arg("id", &t.id.node)
                        .arg("want", &want),
                )
                .help_says(Text::new("target-satuan-3-help").arg("want", &want));
            }
            let periode = self.period_targets(t);
            if let Some(ind) = self.rules.indikator.iter_mut().find(|i| i.id == t.id.node) {
                ind.targets.push(Target {
                    year,
                    value,
                    periode,
                    tingkat: TingkatAturan::Satker,
                    source: satker_id.to_string(),
                    // A target with no basis of its own rests on the agreement's.
                    dasar: t.dasar.as_ref().or(pk.dasar.first()).map(|d| d.node.clone()),
                    origin,
                });
            }
            ids.push(t.id.node.clone());
        }
        for m in measured {
            self.measured_without_target(m, year, &mut listed, &mut ids);
        }
        let anggaran = pk
            .anggaran
            .iter()
            .map(|a| AnggaranProgram {
                name: a.name.node.clone(),
                amount: a.amount.node,
                kegiatan: a.kegiatan.iter().map(|(n, v)| (n.node.clone(), v.node)).collect(),
                origin: self.origin(a.span),
            })
            .collect();
        self.rules.perjanjian.push(Perjanjian {
            year,
            dasar: pk.dasar.iter().map(|d| d.node.clone()).collect(),
            indikator: ids,
            anggaran,
            origin: self.origin(pk.span),
        });
    }

    /// A target's values per period, checked against how its indikator is
    /// measured: not for one measured once a year, all of one kind
    /// (triwulan or semester, as the indikator says when it says), each
    /// period once. The bad ones are said and left out.
    fn period_targets(
        &mut self,
        t: &ast::PkTarget,
    ) -> Vec<(sakip_core::periode::Periode, sakip_core::model::Quantity)> {
        use sakip_core::periode::JenisPeriode;
        let Some((agregasi, jenis)) = self.rules.indikator(&t.id.node).map(|i| (i.agregasi, i.jenis_periode)) else {
            return Vec::new();
        };
        let mut out: Vec<(sakip_core::periode::Periode, sakip_core::model::Quantity)> = Vec::new();
        let mut kind: Option<JenisPeriode> = jenis;
        for (p, q) in &t.periode {
            if agregasi.is_none() {
                self.err_says(
                    p.span,
                    Code::TargetPeriodYearly,
                    Text::new("target-period-yearly").arg("id", &t.id.node),
                )
                .help_says(Text::new("target-period-yearly-help").arg("id", &t.id.node));
                return Vec::new();
            }
            let this = p.node.jenis();
            let wrong_kind = this == JenisPeriode::Tahun || kind.is_some_and(|k| k != this);
            let twice = out.iter().any(|(o, _)| *o == p.node);
            if wrong_kind || twice {
                let expected = kind.map(|k| k.keyword()).unwrap_or("triwulan");
                self.err_says(
                    p.span,
                    Code::TargetPeriodKind,
                    Text::new(if twice {
                        "target-period-twice"
                    } else {
                        "target-period-kind"
                    })
                    .arg("id", &t.id.node)
                    .arg("period", p.node.keyword())
                    .arg("kind", expected),
                )
                .help_says(Text::new("target-period-kind-help"));
                continue;
            }
            kind = Some(this);
            out.push((p.node, quantity(&q.node)));
        }
        out
    }

    /// Whether `id` names a known indikator not listed before in this
    /// agreement (by a target or an `indikator` line); says why not.
    fn listed_once(&mut self, id: &Spanned<String>, year: u16, listed: &mut HashMap<String, Span>) -> bool {
        if !self.refer(&id.node, id.span) {
            self.unknown_indicator(id.span, &id.node);
            return false;
        }
        // A region's figure over its units is not a unit's to agree on.
        if self.rules.indikator(&id.node).is_some_and(|i| i.dari_satker.is_some()) {
            self.err_says(
                id.span,
                Code::DariSatkerInvalid,
                Text::new("dari-satker-agreement").arg("id", &id.node),
            )
            .help_says(Text::new("dari-satker-agreement-help"));
            return false;
        }
        if let Some(first) = listed.get(&id.node) {
            let at = self.where_(*first);
            self.err_says(
                id.span,
                Code::TargetTwice,
                Text::new("target-twice-2").arg("year", year).arg("id", &id.node),
            )
            .help_says(Text::new("target-twice-2-help").arg("at", &at));
            return false;
        }
        listed.insert(id.node.clone(), id.span);
        true
    }

    /// `indikator <id>` in an agreement: measured without a target. One
    /// whose capaian needs a target is an error here, where it is written.
    fn measured_without_target(
        &mut self,
        m: &ast::PkIndikator,
        year: u16,
        listed: &mut HashMap<String, Span>,
        ids: &mut Vec<String>,
    ) {
        if !self.listed_once(&m.id, year, listed) {
            return;
        }
        let needs = self
            .rules
            .indikator(&m.id.node)
            .is_some_and(|i| i.needs_target(year) && i.target_in_force(year).is_none());
        if needs {
            self.err_says(
                m.id.span,
                Code::TargetMissing,
                Text::new("pk-indikator-needs-target")
                    .arg("id", &m.id.node)
                    .arg("year", year),
            )
            .help_says(Text::new("pk-indikator-needs-target-help").arg("id", &m.id.node));
        }
        ids.push(m.id.node.clone());
    }

    /// A printed capaian or penyerapan in percent; another unit is an error.
    pub(crate) fn printed_percent(&mut self, q: &Spanned<ast::Quantity>) -> Option<Decimal> {
        match &q.node.unit {
            None => Some(q.node.value),
            Some(u) if u == "%" => Some(q.node.value),
            Some(u) => {
                self.err_says(
                    q.span,
                    Code::DicetakUnit,
                    Text::new("dicetak-unit").arg("written-in", u),
                )
                .help_says(Text::new("dicetak-unit-help"));
                None
            }
        }
    }
}

//! Sasaran and indikator: each line once, targets in the satuan, and the
//! lints on targets (above 100%, below the national one).

use super::*;
use crate::ast::{self, IndikatorItem};
use crate::error::did_you_mean;
use crate::source::{Span, Spanned};
use rust_decimal::Decimal;
use sakip_core::agregasi::Agregasi;
use sakip_core::model::{Indikator, Quantity, Rumus, Sasaran, Target, TingkatAturan};
use sakip_core::polaritas::Polaritas;
use sakip_core::satuan::Satuan;
use sakip_core::skala::Skala;
use sakip_core::{Code, Text};
use std::collections::HashMap;

impl Lowering<'_> {
    /// Lowers a sasaran (or one opened again, at its tier) and its indikator.
    pub(crate) fn sasaran(&mut self, s: &ast::Sasaran, tingkat: TingkatAturan, source: &str) {
        if s.indikator.is_empty() {
            self.err_says(
                s.code.span,
                Code::SasaranUnused,
                Text::new("sasaran-unused").arg("sasaran", &s.code.node),
            )
            .label_says(Text::new("sasaran-unused-label"))
            .help_says(Text::new("sasaran-unused-help"));
        }
        match self.rules.sasaran(&s.code.node) {
            Some(existing) if existing.tier != s.tier => {
                let (tier, at) = (
                    existing.tier,
                    self.sasaran_spans
                        .get(&s.code.node)
                        .map(|sp| self.where_(*sp))
                        .unwrap_or_default(),
                );
                self.err_says(
                    s.code.span,
                    Code::SasaranTier,
                    Text::new("sasaran-tier")
                        .arg("sasaran", &s.code.node)
                        .arg("tier", tier.keyword())
                        .arg("at", &at)
                        .arg("other-tier", s.tier.keyword()),
                )
                .help_says(Text::new("sasaran-tier-help"));
                return;
            }
            Some(_) => {
                if self.references {
                    self.symbols.refer_as(SymbolKind::Sasaran, &s.code.node, s.code.span);
                }
            }
            None => {
                self.sasaran_spans.insert(s.code.node.clone(), s.code.span);
                self.symbols
                    .declare_as(SymbolKind::Sasaran, &s.code.node, s.code.span, tingkat);
                self.rules.sasaran.push(Sasaran {
                    code: s.code.node.clone(),
                    tier: s.tier,
                    name: s.name.node.clone(),
                    origin: self.origin(s.span),
                });
            }
        }
        for ind in &s.indikator {
            self.indikator(ind, s, None, tingkat, source);
        }
    }

    /// Lowers one indikator with its lines and sub-indikator, checking each line
    /// appears once and targets are in its satuan.
    pub(crate) fn indikator(
        &mut self,
        ind: &ast::Indikator,
        s: &ast::Sasaran,
        induk: Option<&str>,
        tingkat: TingkatAturan,
        source: &str,
    ) {
        let id = ind.id.node.clone();
        if let Some(first) = self.symbols.indikator.get(&id).map(|s| s.definition) {
            let at = self.where_(first);
            self.err_says(
                ind.id.span,
                Code::IndikatorTwice,
                Text::new("indikator-twice").arg("id", &id),
            )
            .label_says(Text::new("indikator-twice-label"))
            .help_says(Text::new("indikator-twice-help").arg("at", &at));
            return;
        }
        self.symbols.declare(&id, ind.id.span, tingkat);
        let mut satuan: Option<Spanned<String>> = None;
        let mut polaritas = None;
        let mut agregasi = None;
        let mut jenis = None;
        let mut targets: Vec<Target> = Vec::new();
        let mut target_years: HashMap<u16, Span> = HashMap::new();
        let mut rumus_realisasi = Vec::new();
        let mut rumus_capaian = Vec::new();
        // Where each `rumus capaian` is written, for the polarity lint.
        let mut capaian_spans = Vec::new();
        let mut rumus_years: HashMap<(bool, Option<u16>), Span> = HashMap::new();
        let mut bobot = None;
        let mut dasar = Vec::new();
        let mut sama = None;
        let mut komponen = None;
        let mut skala: Option<&ast::SkalaLine> = None;
        let mut dari_line: Option<&ast::DariSatkerLine> = None;
        let mut polaritas_span = None;
        let mut once: HashMap<&'static str, Span> = HashMap::new();
        let mut subs = Vec::new();
        for item in &ind.items {
            match item {
                IndikatorItem::Satuan(u) => {
                    self.once_in(&mut once, "satuan", u.span, &id);
                    satuan = Some(u.clone());
                }
                IndikatorItem::Polaritas(p) => {
                    self.once_in(&mut once, "polaritas", p.span, &id);
                    polaritas_span = Some(p.span);
                    polaritas = Some(match p.node {
                        ast::PolaritasAst::Naik => Polaritas::Naik,
                        ast::PolaritasAst::Turun => Polaritas::Turun,
                        ast::PolaritasAst::Rentang(min, max) => Polaritas::Rentang { min, max },
                    });
                }
                IndikatorItem::Agregasi {
                    agregasi: a,
                    jenis: j,
                    span,
                } => {
                    self.once_in(&mut once, "realisasi", *span, &id);
                    agregasi = Some(*a);
                    jenis = *j;
                }
                IndikatorItem::Target(t) => {
                    if let Some(first) = target_years.get(&t.year.node) {
                        let at = self.where_(*first);
                        self.err_says(
                            t.year.span,
                            Code::TargetTwice,
                            Text::new("target-twice").arg("id", &id).arg("year", t.year.node),
                        )
                        .help_says(Text::new("target-twice-help").arg("at", &at));
                        continue;
                    }
                    target_years.insert(t.year.node, t.year.span);
                    targets.push(Target {
                        year: t.year.node,
                        value: quantity(&t.value.node),
                        periode: Vec::new(),
                        tingkat,
                        source: source.to_string(),
                        dasar: t.dasar.as_ref().map(|d| d.node.clone()),
                        origin: self.origin(t.span),
                    });
                }
                IndikatorItem::Rumus(r) => {
                    let is_cap = r.objek == ast::RumusObjek::Capaian;
                    let key = (is_cap, r.from_year.as_ref().map(|y| y.node));
                    if let Some(first) = rumus_years.get(&key) {
                        let at = self.where_(*first);
                        let what = if is_cap { "capaian" } else { "realisasi" };
                        self.err_says(
                            r.span,
                            Code::RumusTwice,
                            Text::new("rumus-twice").arg("id", &id).arg("what", what),
                        )
                        .help_says(Text::new("rumus-twice-help").arg("at", &at));
                        continue;
                    }
                    rumus_years.insert(key, r.span);
                    self.rumus_spans
                        .push((id.clone(), is_cap, key.1, r.span, r.expr.clone()));
                    let lowered = Rumus {
                        from_year: key.1,
                        expr: lower_expr(&r.expr),
                        origin: self.origin(r.span),
                    };
                    if is_cap {
                        capaian_spans.push(r.span);
                        rumus_capaian.push(lowered);
                    } else {
                        rumus_realisasi.push(lowered);
                    }
                }
                IndikatorItem::Bobot(b) => {
                    self.once_in(&mut once, "bobot", b.span, &id);
                    bobot = Some(b.node);
                }
                IndikatorItem::Dasar(d) => dasar.push(d.node.clone()),
                IndikatorItem::Komponen(span) => {
                    self.once_in(&mut once, "komponen", *span, &id);
                    komponen = Some(*span);
                }
                IndikatorItem::Skala(k) => {
                    self.once_in(&mut once, "skala", k.span, &id);
                    skala = Some(k);
                }
                IndikatorItem::DariSatker(d) => {
                    self.once_in(&mut once, "realisasi dari satker", d.span, &id);
                    dari_line = Some(d);
                }
                IndikatorItem::SamaDengan(other) => {
                    self.once_in(&mut once, "sama_dengan", other.span, &id);
                    sama = Some(other.node.clone());
                    self.named_ids.push((id.clone(), other.node.clone(), other.span));
                }
                IndikatorItem::Sub(sub) => subs.push(sub),
            }
        }
        // A qualitative indikator's values are predicates (`WTP`, `BB`): its
        // unit need not be said.
        let satuan = satuan.or_else(|| skala.map(|k| Spanned::new("predikat".to_string(), k.span)));
        let Some(satuan) = satuan else {
            self.err_says(
                ind.id.span,
                Code::SatuanMissing,
                Text::new("satuan-missing").arg("id", &id),
            )
            .label_says(Text::new("satuan-missing-label"))
            .help_says(Text::new("satuan-missing-help"));
            return;
        };
        for t in &targets {
            if Satuan::new(&satuan.node).is_percent() && t.value.value > Decimal::ONE_HUNDRED {
                let span = target_years.get(&t.year).copied().unwrap_or(ind.id.span);
                self.percent_above_100(span, &id, t.year, &t.value);
            }
            if let Some(u) = &t.value.satuan {
                if *u != Satuan::new(&satuan.node) {
                    let span = target_years.get(&t.year).copied().unwrap_or(ind.id.span);
                    self.err_says(
                        span,
                        Code::TargetSatuan,
                        Text::new("target-satuan-2")
                            .arg("year", t.year)
                            .arg("value", &t.value)
                            .arg("satuan", &satuan.node),
                    )
                    .help_says(Text::new("target-satuan-2-help").arg("satuan", &satuan.node));
                }
            }
        }
        if let Some(span) = komponen {
            // An input has no capaian: a target or a formula for one would be ignored.
            let ignored = if !targets.is_empty() {
                Some("target")
            } else if !capaian_spans.is_empty() {
                Some("rumus capaian")
            } else {
                None
            };
            if let Some(what) = ignored {
                self.err_says(
                    span,
                    Code::KomponenCapaian,
                    Text::new("komponen-capaian").arg("id", &id).arg("what", what),
                )
                .help_says(Text::new("komponen-capaian-help").arg("id", &id).arg("what", what));
            }
        }
        // A region's figure is its realisasi: no other way to it.
        let dari_satker = dari_line.and_then(|d| self.dari_satker(d, &id, tingkat));
        if let (Some(_), Some(d)) = (&dari_satker, dari_line) {
            if agregasi.is_some() || !rumus_realisasi.is_empty() {
                self.err_says(
                    d.span,
                    Code::DariSatkerInvalid,
                    Text::new("dari-satker-twice").arg("id", &id),
                )
                .help_says(Text::new("dari-satker-twice-help"));
            }
        }
        let skala = skala.map(|k| self.skala(k, &id, polaritas_span, agregasi));
        // Targets are values of the scale, or numbers where there is none.
        for t in &targets {
            if let Err(e) = sakip_core::skala::value_of(skala.as_ref(), &t.value) {
                let span = target_years.get(&t.year).copied().unwrap_or(ind.id.span);
                let (text, help) = e.text(&id, &t.value, skala.as_ref());
                self.err_says(span, Code::SkalaValue, text).help_says(help);
            }
        }
        let polaritas = polaritas.unwrap_or(Polaritas::Naik);
        let written: Vec<(Rumus, Span)> = rumus_capaian.iter().cloned().zip(capaian_spans).collect();
        self.rumus_against_polarity(&id, polaritas, &targets, &written);
        self.rules.indikator.push(Indikator {
            id: id.clone(),
            name: ind.name.node.clone(),
            tier: s.tier,
            sasaran: s.code.node.clone(),
            satuan: Satuan::new(&satuan.node),
            polaritas,
            agregasi,
            jenis_periode: jenis,
            targets,
            rumus_realisasi,
            rumus_capaian,
            bobot,
            dasar,
            induk: induk.map(str::to_string),
            sama_dengan: sama,
            komponen: komponen.is_some(),
            skala,
            dari_satker,
            defined_by: source.to_string(),
            origin: self.origin(ind.id.span),
        });
        for sub in subs {
            self.indikator(sub, s, Some(&id), tingkat, source);
        }
    }

    /// A qualitative indikator's scale, checked: its values differ (case
    /// aside), its `langkah` is above 0, no polarity beside it (the scale's
    /// order is the polarity), and its realisasi is not summed or averaged.
    fn skala(&mut self, k: &ast::SkalaLine, id: &str, polaritas: Option<Span>, agregasi: Option<Agregasi>) -> Skala {
        for (i, v) in k.nilai.iter().enumerate() {
            let earlier = k.nilai.iter().take(i).find(|w| w.node.eq_ignore_ascii_case(&v.node));
            if earlier.is_some() {
                self.err_says(
                    v.span,
                    Code::SkalaInvalid,
                    Text::new("skala-value-twice").arg("id", id).arg("value", &v.node),
                )
                .help_says(Text::new("skala-value-twice-help"));
            }
        }
        if let Some(l) = k.langkah.as_ref().filter(|l| l.node <= Decimal::ZERO) {
            self.err_says(l.span, Code::SkalaInvalid, Text::new("skala-langkah").arg("id", id))
                .help_says(Text::new("skala-langkah-help"));
        }
        if let Some(span) = polaritas {
            self.err_says(span, Code::SkalaInvalid, Text::new("skala-polaritas").arg("id", id))
                .help_says(Text::new("skala-polaritas-help"));
        }
        if let Some(a) = agregasi.filter(|a| matches!(a, Agregasi::Sum | Agregasi::Mean)) {
            self.err_says(
                k.span,
                Code::SkalaInvalid,
                Text::new("skala-agregasi").arg("id", id).arg("agregasi", a.keyword()),
            )
            .help_says(Text::new("skala-agregasi-help"));
        }
        Skala::new(
            k.nilai.iter().map(|v| v.node.clone()).collect(),
            k.langkah.as_ref().map(|l| l.node),
        )
    }

    /// Warns of a `%` target above 100.
    pub(crate) fn percent_above_100(&mut self, span: Span, id: &str, year: u16, value: &Quantity) {
        self.err_says(
            span,
            Code::PercentAbove100,
            Text::new("percent-above-100")
                .arg("year", year)
                .arg("id", id)
                .arg("value", value),
        )
        .label_says(Text::new("percent-above-100-label"))
        .help_says(Text::new("percent-above-100-help"));
    }

    /// A unit's target that asks less than the national one for the year.
    pub(crate) fn against_national(&mut self, id: &str, year: u16, value: &Quantity, span: Span) {
        let Some(ind) = self.rules.indikator(id).cloned() else {
            return;
        };
        if ind.satuan.is_percent() && value.value > Decimal::ONE_HUNDRED {
            self.percent_above_100(span, id, year, value);
        }
        let Some(national) = ind.national_target(year).cloned() else {
            return;
        };
        let n = national.value.value;
        let lower = match ind.polaritas {
            sakip_core::polaritas::Polaritas::Naik => value.value < n,
            sakip_core::polaritas::Polaritas::Turun => value.value > n,
            sakip_core::polaritas::Polaritas::Rentang { .. } => false,
        };
        if lower {
            let source = national.source.clone();
            self.err_says(
                span,
                Code::TargetBelowNational,
                Text::new("target-below-national")
                    .arg("year", year)
                    .arg("id", id)
                    .arg("value", value)
                    .arg("national", &national.value),
            )
            .label_says(Text::new("target-below-national-label"))
            .help_says(
                Text::new("target-below-national-help")
                    .arg("source", &source)
                    .arg("value", &national.value)
                    .arg("year", year),
            );
        }
    }

    /// Reports an indikator line (`satuan`, `polaritas`, ...) written twice.
    pub(crate) fn once_in(&mut self, seen: &mut HashMap<&'static str, Span>, what: &'static str, span: Span, id: &str) {
        if let Some(first) = seen.get(what) {
            let at = self.where_(*first);
            self.err_says(
                span,
                Code::LineTwice,
                Text::new("line-twice").arg("id", id).arg("what", what),
            )
            .help_says(Text::new("line-twice-help").arg("at", &at));
        } else {
            seen.insert(what, span);
        }
    }

    /// Reports an id that names no indikator, with the closest one.
    pub(crate) fn unknown_indicator(&mut self, span: Span, id: &str) {
        self.unknown_indicator_except(span, id, "");
    }

    /// [`Self::unknown_indicator`], suggesting any id but `except`.
    pub(crate) fn unknown_indicator_except(&mut self, span: Span, id: &str, except: &str) {
        let known: Vec<String> = self
            .symbols
            .indikator
            .keys()
            .filter(|k| k.as_str() != except)
            .cloned()
            .collect();
        let hint = did_you_mean(id, known.iter().map(String::as_str)).map(|s| Text::new("did-you-mean").arg("word", s));
        let e = self
            .err_says(
                span,
                Code::UnknownIndicator,
                Text::new("unknown-indicator-rules").arg("id", id),
            )
            .label_says(Text::new("unknown-indicator-label"));
        e.help_says(hint.unwrap_or_else(|| Text::new("unknown-indicator-help")));
    }
}

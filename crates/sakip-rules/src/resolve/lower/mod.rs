//! Lowering a chain of rule sets into the core's `RuleSet` and a unit's
//! `UnitData`, and every check on the way: one module per part of a rule
//! set. The problems are recorded with their spans; nothing stops at the
//! first.

mod arah;
mod dari_satker;
mod data;
mod formulas;
mod indikator;
mod klasifikasi;
mod perjanjian;
mod uji;
mod upper;

pub(crate) use upper::Uppers;

use super::loader::RuleSetFiles;
use crate::ast::{self, Item};
use crate::error::RuleError;
use crate::source::{SourceMap, Span};
use crate::symbols::SymbolKind;
use sakip_core::data::UnitData;
use sakip_core::formula::Expr;
use sakip_core::model::{Quantity, RuleSet, RuleSetInfo, Ruled, TingkatAturan};
use sakip_core::satuan::Satuan;
use sakip_core::{Code, Text};
use std::collections::{BTreeMap, HashMap};

/// The error just recorded, for adding its label and help.
pub(crate) struct ErrRef<'a>(pub(crate) &'a mut RuleError);

impl ErrRef<'_> {
    /// Says how to fix it, from the catalogue.
    pub(crate) fn help_says(self, text: Text) -> Self {
        self.0.help = Some(text);
        self
    }

    /// Sets the text under the caret, from the catalogue.
    pub(crate) fn label_says(self, text: Text) -> Self {
        self.0.label = Some(text);
        self
    }
}

/// Lowers a chain's syntax trees into the core's rules and a unit's data,
/// recording every problem with its span.
pub(crate) struct Lowering<'s> {
    pub(crate) sources: &'s SourceMap,
    pub(crate) errors: Vec<RuleError>,
    pub(crate) rules: RuleSet,
    pub(crate) data: BTreeMap<u16, UnitData>,
    pub(crate) sasaran_spans: HashMap<String, Span>,
    /// Functions the chain's scripts define, with their number of parameters.
    pub(crate) script_functions: Vec<(String, usize)>,
    /// The rule set's own `uji` cases.
    pub(crate) cases: Vec<sakip_core::uji::Kasus>,
    /// Where each indikator is declared (what later lines may name) and
    /// where it is named.
    pub(crate) symbols: crate::symbols::Symbols,
    /// Whether to record the places that name an indikator (not in batch runs).
    pub(crate) references: bool,
    /// Each `sama_dengan`, and each indikator a `realisasi dari satker`
    /// reads: the indikator it is in, the id it names and where, resolved
    /// once every indikator is declared (it may name one declared after it).
    pub(crate) named_ids: Vec<(String, String, Span)>,
    /// Every `rumus`: its indikator, whether it computes the capaian (else
    /// the realisasi), first year, span and formula.
    pub(crate) rumus_spans: Vec<(String, bool, Option<u16>, Span, ast::Expr)>,
}

impl Lowering<'_> {
    /// Whether `id` names a declared indikator; if so, `span` is recorded as
    /// a place that names it.
    pub(crate) fn refer(&mut self, id: &str, span: Span) -> bool {
        let known = self.symbols.indikator.contains_key(id);
        if known && self.references {
            self.symbols.refer(id, span);
        }
        known
    }

    /// Records an error at `span` whose message is in the catalogue.
    pub(crate) fn err_says(&mut self, span: Span, code: Code, text: Text) -> ErrRef<'_> {
        let e = RuleError::at_says(self.sources, span, code, text);
        self.push_err(e)
    }

    /// Records an error; the handle adds its label and help.
    pub(crate) fn push_err(&mut self, e: RuleError) -> ErrRef<'_> {
        self.errors.push(e);
        let last = self.errors.len() - 1;
        // The vector is non-empty: an element was pushed on the line above.
        #[allow(clippy::indexing_slicing)]
        ErrRef(&mut self.errors[last])
    }

    /// `file:line:col` of a span, for the core's traces.
    pub(crate) fn origin(&self, span: Span) -> Option<sakip_core::model::Origin> {
        self.sources.origin(span)
    }

    /// `file:line:col` of a span as text, for "the first is at ..." help.
    pub(crate) fn where_(&self, span: Span) -> String {
        self.origin(span).map(|o| o.to_string()).unwrap_or_default()
    }

    /// Lowers a chain (national first) into one `RuleSet`: headers and
    /// settings, sasaran and indikator top-down, then the unit's own blocks.
    /// The first pass over the rule sets above the last is taken from
    /// `uppers` when the same files were lowered before (see `upper`).
    pub(crate) fn run(&mut self, chain: &[RuleSetFiles], need_satker: bool, uppers: Option<&Uppers>) {
        // Pass 1: headers, settings, sasaran and indikator, from the top down.
        let (above, own) = chain.split_at(chain.len().saturating_sub(1));
        let mut infos = self.upper_part(above, uppers);
        for set in own {
            self.first_pass(set, &mut infos);
        }
        self.second_pass(chain, &infos, need_satker);
    }

    /// The first pass over one rule set: its header (after `infos`, the
    /// levels above), its settings, sasaran and indikator.
    pub(crate) fn first_pass(&mut self, set: &RuleSetFiles, infos: &mut Vec<(TingkatAturan, Span)>) {
        {
            let Some(info) = self.header(set) else {
                return;
            };
            if let Some((prev, _)) = infos.last() {
                if *prev >= info.0.tingkat {
                    let span = info.1;
                    let msg = Text::new("tingkat-order")
                        .arg("level", info.0.tingkat.keyword())
                        .arg("base", prev.keyword());
                    self.err_says(span, Code::TingkatOrder, msg)
                        .help_says(Text::new("tingkat-order-help"));
                }
            }
            infos.push((info.0.tingkat, info.1));
            let tingkat = info.0.tingkat;
            let source = info.0.id.clone();
            self.rules.chain.push(info.0);
            let mut settings_seen: HashMap<(&'static str, Option<u16>), Span> = HashMap::new();
            // Settings for every year first, then those in force from a year,
            // in year order: `klasifikasi mulai 2023` may stand above `klasifikasi`.
            let mut versioned: Vec<(u16, &Item)> = Vec::new();
            for (_, file) in &set.files {
                for item in &file.items {
                    match setting_year(item) {
                        Some(year) => versioned.push((year, item)),
                        None => self.settings_and_model(item, tingkat, &source, &mut settings_seen),
                    }
                }
            }
            versioned.sort_by_key(|(year, _)| *year);
            for (_, item) in versioned {
                self.settings_and_model(item, tingkat, &source, &mut settings_seen);
            }
        }
    }

    /// Pass 2 and the checks of the whole: what refers to indicators
    /// (formulas, agreements, data, tests), over the whole chain.
    fn second_pass(&mut self, chain: &[RuleSetFiles], infos: &[(TingkatAturan, Span)], need_satker: bool) {
        let is_satker = |t: TingkatAturan| t == TingkatAturan::Satker;
        if need_satker && !infos.last().is_some_and(|(t, _)| is_satker(*t)) {
            if let Some((_, span)) = infos.last() {
                let span = *span;
                self.err_says(span, Code::NotAUnit, Text::new("not-a-unit"))
                    .help_says(Text::new("not-a-unit-help"));
            }
        }
        // Pass 2: what refers to indicators (formulas, agreements, data).
        // A `sama_dengan` that names no indikator is underlined where it
        // names it; the indikator it stands in is no answer to "did you mean".
        for (own, other, span) in std::mem::take(&mut self.named_ids) {
            if !self.refer(&other, span) {
                self.unknown_indicator_except(span, &other, &own);
            }
        }
        for (set_index, set) in chain.iter().enumerate() {
            let is_leaf = set_index + 1 == chain.len();
            let tingkat = self.header_tingkat(set);
            let satker_id = self.rules.chain.last().map(|c| c.id.clone()).unwrap_or_default();
            for (_, file) in &set.files {
                for item in &file.items {
                    match item {
                        Item::Sasaran(s) => {
                            for ind in &s.indikator {
                                self.check_formulas(ind);
                                self.dari_satker_on_scale(ind);
                            }
                        }
                        Item::Perjanjian(pk) => {
                            if tingkat != Some(TingkatAturan::Satker) {
                                self.err_says(pk.span, Code::PerjanjianLevel, Text::new("perjanjian-level"))
                                    .help_says(Text::new("perjanjian-level-help"));
                                continue;
                            }
                            self.perjanjian(pk, &satker_id);
                        }
                        Item::Realisasi(b) => {
                            if tingkat != Some(TingkatAturan::Satker) {
                                self.err_says(b.span, Code::DataLevel, Text::new("data-level"));
                                continue;
                            }
                            self.realisasi(b);
                        }
                        Item::Anggaran(b) => {
                            if tingkat != Some(TingkatAturan::Satker) {
                                self.err_says(b.span, Code::DataLevel, Text::new("data-level-2"));
                                continue;
                            }
                            self.anggaran(b);
                        }
                        // The rule set's own tests, not those of the rules it builds on.
                        Item::Uji(u) if is_leaf => self.uji(u),
                        _ => {}
                    }
                }
            }
        }
        self.formula_graph_checks();
    }

    /// The level the rule set's header declares.
    pub(crate) fn header_tingkat(&self, set: &RuleSetFiles) -> Option<TingkatAturan> {
        header_tingkat(set)
    }

    /// The rule set's header as the core records it, with its span; one header
    /// per rule set.
    pub(crate) fn header(&mut self, set: &RuleSetFiles) -> Option<(RuleSetInfo, Span)> {
        let mut found: Option<&ast::Header> = None;
        let mut dasar = Vec::new();
        for (_, file) in &set.files {
            for item in &file.items {
                match item {
                    Item::Header(h) => {
                        if let Some(first) = found {
                            let at = self.where_(first.span);
                            self.err_says(h.span, Code::HeaderTwice, Text::new("header-twice"))
                                .help_says(Text::new("header-twice-help").arg("at", &at));
                        } else {
                            found = Some(h);
                        }
                    }
                    Item::Dasar(d) => dasar.push(d.node.clone()),
                    _ => {}
                }
            }
        }
        let h = found?;
        Some((
            RuleSetInfo {
                id: h.id.node.clone(),
                name: h.name.node.clone(),
                tingkat: h.tingkat,
                dasar,
                origin: self.origin(h.span),
            },
            h.span,
        ))
    }

    /// Reports a setting written twice in one rule set for the same years.
    pub(crate) fn once(
        &mut self,
        seen: &mut HashMap<(&'static str, Option<u16>), Span>,
        what: &'static str,
        from: Option<u16>,
        span: Span,
    ) {
        if let Some(first) = seen.get(&(what, from)) {
            let at = self.where_(*first);
            let text = match from {
                Some(y) => Text::new("setting-twice-from").arg("what", what).arg("year", y),
                None => Text::new("setting-twice").arg("what", what),
            };
            self.err_says(span, Code::SettingTwice, text)
                .help_says(Text::new("setting-twice-help").arg("at", &at));
        } else {
            seen.insert((what, from), span);
        }
    }

    /// Lowers one top-level item of a rule set into settings or the model.
    pub(crate) fn settings_and_model(
        &mut self,
        item: &Item,
        tingkat: TingkatAturan,
        source: &str,
        seen: &mut HashMap<(&'static str, Option<u16>), Span>,
    ) {
        match item {
            Item::Renstra(r) => {
                self.once(seen, "renstra", None, r.span);
                self.rules.renstra = Some((r.start.node, r.end.node));
            }
            Item::Pembulatan(p) => {
                let (what, slot) = match p.objek {
                    ast::PembulatanObjek::Capaian => ("pembulatan capaian", 0),
                    ast::PembulatanObjek::Anggaran => ("pembulatan anggaran", 1),
                    ast::PembulatanObjek::Nilai => ("pembulatan nilai", 2),
                    ast::PembulatanObjek::Sasaran => ("pembulatan sasaran", 3),
                    ast::PembulatanObjek::Realisasi => ("pembulatan realisasi", 4),
                };
                let from = p.from_year.as_ref().map(|y| y.node);
                self.once(seen, what, from, p.span);
                if p.decimals.node > sakip_core::pembulatan::MAX_DECIMALS {
                    let max = sakip_core::pembulatan::MAX_DECIMALS;
                    self.err_says(
                        p.decimals.span,
                        Code::DecimalsRange,
                        Text::new("decimals-range")
                            .arg("decimals", p.decimals.node)
                            .arg("max", max),
                    )
                    .help_says(Text::new("decimals-range-help"));
                    return;
                }
                let rule = Ruled {
                    value: sakip_core::pembulatan::Rounding::new(p.mode, p.decimals.node),
                    origin: self.origin(p.span),
                };
                match slot {
                    0 => self.rules.pembulatan_capaian.set(from, rule),
                    1 => self.rules.pembulatan_anggaran.set(from, rule),
                    2 => self.rules.pembulatan_nilai.set(
                        from,
                        Ruled {
                            value: Some(rule.value),
                            origin: rule.origin,
                        },
                    ),
                    3 => self.rules.pembulatan_sasaran.set(
                        from,
                        Ruled {
                            value: Some(rule.value),
                            origin: rule.origin,
                        },
                    ),
                    _ => self.rules.pembulatan_realisasi.set(
                        from,
                        Ruled {
                            value: Some(rule.value),
                            origin: rule.origin,
                        },
                    ),
                }
            }
            Item::Gabungan(g) => {
                let what = if g.jenjang {
                    "capaian jenjang"
                } else {
                    "capaian sasaran"
                };
                let from = g.from_year.as_ref().map(|y| y.node);
                self.once(seen, what, from, g.span);
                let rule = Ruled {
                    value: Some(sakip_core::model::Gabungan {
                        berbobot: g.berbobot,
                        maks: g.maks.as_ref().map(|m| m.node),
                        mentah: g.mentah,
                    }),
                    origin: self.origin(g.span),
                };
                if g.jenjang {
                    self.rules.capaian_jenjang.set(from, rule);
                } else {
                    self.rules.capaian_sasaran.set(from, rule);
                }
            }
            Item::TargetBerjalan(t) => {
                let from = t.from_year.as_ref().map(|y| y.node);
                self.once(seen, "target berjalan", from, t.span);
                let rule = Ruled {
                    value: Some(t.rule),
                    origin: self.origin(t.span),
                };
                self.rules.target_berjalan.set(from, rule);
            }
            Item::Konversi(k) => {
                let from = k.from_year.as_ref().map(|y| y.node);
                self.once(seen, "konversi efisiensi", from, k.span);
                let rule = Ruled {
                    value: Some(k.value.node),
                    origin: self.origin(k.span),
                };
                self.rules.konversi_efisiensi.set(from, rule);
            }
            Item::Klasifikasi(k) => {
                self.once(seen, "klasifikasi", k.from_year.as_ref().map(|y| y.node), k.span);
                self.klasifikasi(k, tingkat);
            }
            Item::Sasaran(s) => self.sasaran(s, tingkat, source),
            _ => {}
        }
    }
}

/// The year a setting is in force from, when it says (`mulai <tahun>`).
pub(crate) fn setting_year(item: &Item) -> Option<u16> {
    match item {
        Item::Pembulatan(p) => p.from_year.as_ref().map(|y| y.node),
        Item::Konversi(k) => k.from_year.as_ref().map(|y| y.node),
        Item::Klasifikasi(k) => k.from_year.as_ref().map(|y| y.node),
        _ => None,
    }
}

/// The level a rule set declares in its header.
pub(crate) fn header_tingkat(set: &RuleSetFiles) -> Option<TingkatAturan> {
    set.files.first().and_then(|(_, f)| {
        f.items.iter().find_map(|i| match i {
            Item::Header(h) => Some(h.tingkat),
            _ => None,
        })
    })
}

/// A quantity of the syntax tree as the core's quantity.
pub(crate) fn quantity(q: &ast::Quantity) -> Quantity {
    Quantity {
        value: q.value,
        satuan: q.unit.as_deref().map(Satuan::new),
        label: q.label.clone(),
    }
}

/// A formula as the core evaluates it (and as `fmt` prints it).
pub(crate) fn lower_expr(e: &ast::Expr) -> Expr {
    use ast::ExprKind as K;
    match &e.kind {
        K::Number(n) => Expr::Number(*n),
        K::Own(f) => Expr::Own(*f),
        K::Period(p) => Expr::Period(*p),
        K::Aggregate(a, j) => Expr::Aggregate(*a, *j),
        K::Ref { indicator, field } => Expr::Ref {
            indicator: indicator.node.clone(),
            field: *field,
        },
        K::Neg(x) => Expr::Neg(Box::new(lower_expr(x))),
        K::Not(x) => Expr::Not(Box::new(lower_expr(x))),
        K::Binary { op, lhs, rhs } => Expr::Binary {
            op: *op,
            lhs: Box::new(lower_expr(lhs)),
            rhs: Box::new(lower_expr(rhs)),
        },
        K::If { cond, then, otherwise } => Expr::If {
            cond: Box::new(lower_expr(cond)),
            then: Box::new(lower_expr(then)),
            otherwise: Box::new(lower_expr(otherwise)),
        },
        K::Call { name, args } => Expr::Call {
            name: name.node.clone(),
            args: args.iter().map(lower_expr).collect(),
        },
    }
}

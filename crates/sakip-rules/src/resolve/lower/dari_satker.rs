//! `realisasi dari satker = ...`: a region's indikator computed from its
//! units. The first pass checks the line on its own (its level, its
//! function, what that function takes); the second, once every indikator
//! of the chain is known, reads a condition on a qualitative indikator's
//! figure against that indikator's scale.

use super::*;
use crate::ast::{self, IndikatorItem};
use crate::error::did_you_mean;
use crate::source::Spanned;
use rust_decimal::Decimal;
use sakip_core::formula::Field;
use sakip_core::model::TingkatAturan;
use sakip_core::skala::Skala;
use sakip_core::wilayah::{FigurSatker, FungsiSatker};
use sakip_core::{Code, Text};

/// A unit's figure as the core reads it: `nilai`, or `<id>.<field>`.
pub(crate) fn figur_satker(f: &ast::FigurAst) -> FigurSatker {
    match f {
        ast::FigurAst::Nilai => FigurSatker::Nilai,
        ast::FigurAst::Indikator { id, field } => FigurSatker::Indikator {
            id: id.node.clone(),
            field: *field,
        },
    }
}

impl Lowering<'_> {
    /// `realisasi dari satker = ...`, checked: only in a national or Kanwil
    /// rule set, a function it knows, with what that function takes. The
    /// ids it reads are resolved once every indikator is declared.
    pub(crate) fn dari_satker(
        &mut self,
        d: &ast::DariSatkerLine,
        id: &str,
        tingkat: TingkatAturan,
    ) -> Option<sakip_core::wilayah::DariSatker> {
        use sakip_core::wilayah::{DariSatker, FungsiSatker};
        if tingkat == TingkatAturan::Satker {
            self.err_says(
                d.span,
                Code::DariSatkerInvalid,
                Text::new("dari-satker-level").arg("id", id),
            )
            .help_says(Text::new("dari-satker-level-help"));
            return None;
        }
        let Some(fungsi) = FungsiSatker::from_keyword(&d.fungsi.node) else {
            let names = FungsiSatker::ALL.map(FungsiSatker::keyword);
            let hint = did_you_mean(&d.fungsi.node, names.iter().copied())
                .map(|s| Text::new("did-you-mean").arg("word", s))
                .unwrap_or_else(|| Text::new("dari-satker-fungsi-help"));
            self.err_says(
                d.fungsi.span,
                Code::DariSatkerInvalid,
                Text::new("dari-satker-fungsi").arg("name", &d.fungsi.node),
            )
            .help_says(hint);
            return None;
        };
        let needs_condition = matches!(fungsi, FungsiSatker::Jumlah | FungsiSatker::Persen);
        let shape_ok = match fungsi {
            FungsiSatker::Jumlah | FungsiSatker::Persen => d.banding.is_some() && d.pembagi.is_none(),
            FungsiSatker::Rata | FungsiSatker::Median => d.banding.is_none() && d.pembagi.is_none(),
            FungsiSatker::Rasio => d.banding.is_none() && d.pembagi.is_some(),
        };
        if !shape_ok {
            let what = if needs_condition {
                "dari-satker-needs-condition"
            } else if fungsi == FungsiSatker::Rasio {
                "dari-satker-needs-two"
            } else {
                "dari-satker-needs-one"
            };
            self.err_says(
                d.span,
                Code::DariSatkerInvalid,
                Text::new(what).arg("name", fungsi.keyword()),
            )
            .help_says(Text::new("dari-satker-fungsi-help"));
            return None;
        }
        let mut figur = |f: &Spanned<ast::FigurAst>| {
            if let ast::FigurAst::Indikator { id: other, .. } = &f.node {
                self.named_ids.push((id.to_string(), other.node.clone(), other.span));
            }
            figur_satker(&f.node)
        };
        let first = figur(&d.figur);
        let pembagi = d.pembagi.as_ref().map(&mut figur);
        Some(DariSatker {
            fungsi,
            figur: first,
            // A value of a scale (`>= BB`) is its place once the figure's
            // indikator is known: see `dari_satker_on_scale`.
            kondisi: d.banding.as_ref().map(|(op, v)| (*op, v.node.value)),
            pembagi,
            skala: None,
        })
    }

    /// The second pass over an indikator (and its sub-indikator): a region's
    /// figure over a qualitative indikator's realisasi or target compares
    /// places on its scale (`persen(nilai_sakip.realisasi >= BB)`), and is
    /// only counted, never added up.
    pub(crate) fn dari_satker_on_scale(&mut self, ind: &ast::Indikator) {
        for item in &ind.items {
            match item {
                IndikatorItem::DariSatker(d) => self.condition_on_scale(&ind.id.node, d),
                IndikatorItem::Sub(sub) => self.dari_satker_on_scale(sub),
                _ => {}
            }
        }
    }

    fn condition_on_scale(&mut self, id: &str, d: &ast::DariSatkerLine) {
        // Refused in the first pass (its error is said): nothing to read.
        let Some(def) = self.rules.indikator(id).and_then(|i| i.dari_satker.as_ref()) else {
            return;
        };
        let (fungsi, figur) = (def.fungsi, def.figur.clone());
        let named = |f: &FigurSatker| match f {
            FigurSatker::Indikator { id, .. } => self.rules.indikator(id).is_some(),
            FigurSatker::Nilai => true,
        };
        // An id that names no indikator is said where the ids are resolved.
        if !named(&figur) || !def.pembagi.as_ref().is_none_or(named) {
            return;
        }
        let skala = self.scale_of(&figur);
        let any_scale = skala
            .clone()
            .or_else(|| def.pembagi.as_ref().and_then(|b| self.scale_of(b)));
        if let (Some(on), false) = (any_scale, matches!(fungsi, FungsiSatker::Jumlah | FungsiSatker::Persen)) {
            let best = on.nilai.first().cloned().unwrap_or_default();
            self.err_says(
                d.span,
                Code::DariSatkerInvalid,
                Text::new("dari-satker-skala")
                    .arg("name", fungsi.keyword())
                    .arg("figure", figur.to_string()),
            )
            .help_says(
                Text::new("dari-satker-skala-help")
                    .arg("figure", figur.to_string())
                    .arg("value", best),
            );
            return;
        }
        let Some((op, v)) = &d.banding else {
            return;
        };
        let Some(place) = self.figure_value(&figur, v) else {
            return;
        };
        if let Some(def) = self
            .rules
            .indikator
            .iter_mut()
            .find(|i| i.id == id)
            .and_then(|i| i.dari_satker.as_mut())
        {
            def.kondisi = Some((*op, place));
            def.skala = skala;
        }
    }

    /// `v` as the number a unit's `figur` is compared with or holds: a
    /// place on its scale (`BB`), or the number; `None`, and said, when the
    /// value does not fit the figure.
    pub(crate) fn figure_value(&mut self, figur: &FigurSatker, v: &Spanned<ast::Quantity>) -> Option<Decimal> {
        let skala = self.scale_of(figur);
        let written = quantity(&v.node);
        let e = match sakip_core::skala::value_of(skala.as_ref(), &written) {
            Ok(value) => return Some(value),
            Err(e) => e,
        };
        let (text, help) = match figur {
            FigurSatker::Indikator {
                id,
                field: Field::Realisasi | Field::Target,
            } => e.text(id, &written, skala.as_ref()),
            _ => (
                Text::new("dari-satker-word")
                    .arg("figure", figur.to_string())
                    .arg("value", &written),
                Text::new("dari-satker-word-help"),
            ),
        };
        self.err_says(v.span, Code::SkalaValue, text).help_says(help);
        None
    }

    /// The scale of a unit's figure: a qualitative indikator's realisasi or
    /// target is a place on it; its capaian, and the unit's `nilai`, are
    /// numbers.
    pub(crate) fn scale_of(&self, f: &FigurSatker) -> Option<Skala> {
        match f {
            FigurSatker::Indikator {
                id,
                field: Field::Realisasi | Field::Target,
            } => self.rules.indikator(id)?.skala.clone(),
            _ => None,
        }
    }
}

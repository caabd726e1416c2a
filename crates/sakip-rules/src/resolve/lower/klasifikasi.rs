//! The bands of a klasifikasi: colours known, ids unique, ranges sound, and
//! gaps or overlaps between bands.

use super::*;
use crate::ast::{self};
use crate::error::did_you_mean;
use crate::source::Span;
use sakip_core::klasifikasi::{Band, Bound, Klasifikasi};
use sakip_core::model::{Ruled, TingkatAturan};
use sakip_core::{Code, Text};
use std::collections::HashMap;

use crate::lexicon::COLOURS;

impl Lowering<'_> {
    /// Lowers a klasifikasi: colours known, band ids unique, ranges sound, and
    /// gaps or overlaps between bands reported.
    pub(crate) fn klasifikasi(&mut self, k: &ast::Klasifikasi, tingkat: TingkatAturan) {
        if k.bands.is_empty() {
            self.err_says(k.span, Code::KlasifikasiEmpty, Text::new("klasifikasi-empty"))
                .help_says(Text::new("klasifikasi-empty-help"));
            return;
        }
        let mut bands = Vec::new();
        let mut ids: HashMap<String, Span> = HashMap::new();
        for b in &k.bands {
            if let Some(first) = ids.get(&b.id.node) {
                let at = self.where_(*first);
                self.err_says(
                    b.id.span,
                    Code::BandTwice,
                    Text::new("band-twice").arg("band", &b.id.node),
                )
                .help_says(Text::new("band-twice-help").arg("at", &at));
            }
            ids.insert(b.id.node.clone(), b.id.span);
            if self.references {
                self.symbols
                    .declare_as(SymbolKind::Band, &b.id.node, b.id.span, tingkat);
            }
            let colour = if b.colour.node.starts_with('#') {
                b.colour.node.to_lowercase()
            } else if let Some((_, hex)) = COLOURS.iter().find(|(n, _)| *n == b.colour.node) {
                (*hex).to_string()
            } else {
                let names: Vec<&str> = COLOURS.iter().map(|(n, _)| *n).collect();
                let hint = did_you_mean(&b.colour.node, names.iter().copied())
                    .map(|s| Text::new("did-you-mean-then").arg("word", s))
                    .unwrap_or_else(|| Text::new("nothing"));
                self.err_says(
                    b.colour.span,
                    Code::ColourUnknown,
                    Text::new("colour-unknown").arg("colour", &b.colour.node),
                )
                .label_says(Text::new("colour-unknown-label"))
                .help_says(
                    Text::new("colour-unknown-help")
                        .arg_text("hint", hint)
                        .arg("names", names.join(", ")),
                );
                continue;
            };
            if let (Some(lo), Some(hi)) = (&b.lower, &b.upper) {
                let one_end_out = b.above_lower || b.op.node == ast::RangeOp::Exclusive;
                if lo.node > hi.node || (lo.node == hi.node && one_end_out) {
                    self.err_says(
                        b.span,
                        Code::BandRange,
                        Text::new("band-range").arg("band", &b.label.node),
                    );
                    continue;
                }
            }
            bands.push(Band {
                id: b.id.node.clone(),
                label: b.label.node.clone(),
                colour,
                lower: b.lower.as_ref().map(|l| Bound {
                    value: l.node,
                    inclusive: !b.above_lower,
                }),
                upper: b.upper.as_ref().map(|u| Bound {
                    value: u.node,
                    inclusive: b.op.node == ast::RangeOp::Inclusive,
                }),
            });
        }
        let klasifikasi = Klasifikasi { bands };
        // Only when every band was read: the indices below are then the file's.
        if klasifikasi.bands.len() == k.bands.len() {
            self.band_problems(k, &klasifikasi);
        }
        let rule = Ruled {
            value: klasifikasi,
            origin: self.origin(k.span),
        };
        self.rules.klasifikasi.set(k.from_year.as_ref().map(|y| y.node), rule);
    }

    /// Values no band holds, or that two bands hold: a capaian there gets no
    /// band, or a band by accident of order.
    pub(crate) fn band_problems(&mut self, k: &ast::Klasifikasi, klasifikasi: &Klasifikasi) {
        use sakip_core::klasifikasi::BandProblem;
        for problem in klasifikasi.gaps_and_overlaps() {
            match problem {
                BandProblem::Gap { below, above, from, to } => {
                    let (Some(lo), Some(hi)) = (k.bands.get(below), k.bands.get(above)) else {
                        continue;
                    };
                    // Whether each edge of the gap is itself in it.
                    let id = match (from.inclusive, to.inclusive) {
                        // `..< 90` then `90 <..`: only 90 itself.
                        (false, false) if from.value == to.value => "band-gap-at",
                        (true, true) => "band-gap",
                        (true, false) => "band-gap-up-to",
                        (false, true) => "band-gap-from",
                        (false, false) => "band-gap-from-up-to",
                    };
                    self.err_says(
                        hi.span,
                        Code::BandGap,
                        Text::new(id)
                            .arg("from", from.value)
                            .arg("to", to.value)
                            .arg("below", &lo.label.node)
                            .arg("above", &hi.label.node),
                    )
                    .label_says(Text::new("band-gap-label"))
                    .help_says(if id == "band-gap-at" {
                        Text::new("band-gap-at-help")
                            .arg("value", to.value)
                            .arg("below", &lo.label.node)
                            .arg("above", &hi.label.node)
                    } else {
                        Text::new("band-gap-help")
                            .arg(
                                "lower",
                                lo.lower.as_ref().map(|l| l.node.to_string()).unwrap_or_default(),
                            )
                            .arg("value", to.value)
                    });
                }
                BandProblem::Overlap { first, second } => {
                    let (Some(a), Some(b)) = (k.bands.get(first), k.bands.get(second)) else {
                        continue;
                    };
                    self.err_says(
                        b.span,
                        Code::BandOverlap,
                        Text::new("band-overlap")
                            .arg("band", &a.label.node)
                            .arg("other-band", &b.label.node),
                    )
                    .label_says(Text::new("band-overlap-label"))
                    .help_says(Text::new("band-overlap-help"));
                }
            }
        }
    }
}

//! The lint `rumus-polarity`: a `rumus capaian` that moves only against its
//! indikator's polarity ([`sakip_core::arah_rumus`]), reported where the
//! formula is written.

use super::*;
use rust_decimal::Decimal;
use sakip_core::arah_rumus::against_polarity;
use sakip_core::model::{Rumus, Target};
use sakip_core::polaritas::Polaritas;

impl Lowering<'_> {
    /// Warns of each of `rumus` (with the span of each) that runs against
    /// `polaritas`, sampled at the indikator's targets.
    pub(crate) fn rumus_against_polarity(
        &mut self,
        id: &str,
        polaritas: Polaritas,
        targets: &[Target],
        rumus: &[(Rumus, Span)],
    ) {
        let values: Vec<Decimal> = targets.iter().map(|t| t.value.value).collect();
        for (r, span) in rumus {
            let Some(found) = against_polarity(&r.expr, polaritas, &values) else {
                continue;
            };
            let shown = |v: Decimal| v.round_dp(2).normalize();
            let (message, label, help) = match polaritas {
                Polaritas::Turun => (
                    "rumus-polarity-turun",
                    "rumus-polarity-turun-label",
                    "rumus-polarity-turun-help",
                ),
                _ => ("rumus-polarity", "rumus-polarity-label", "rumus-polarity-help"),
            };
            self.err_says(
                *span,
                Code::RumusPolarity,
                Text::new(message)
                    .arg("id", id)
                    .arg("target", shown(found.target))
                    .arg("low", shown(found.low.0))
                    .arg("low-capaian", shown(found.low.1))
                    .arg("high", shown(found.high.0))
                    .arg("high-capaian", shown(found.high.1)),
            )
            .label_says(Text::new(label))
            .help_says(Text::new(help));
        }
    }
}

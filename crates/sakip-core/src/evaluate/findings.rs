//! Findings about the unit as a whole, made once every indicator is
//! computed: one measurement reported at two tiers with two realisasi, and
//! data for indikator the agreement does not measure.

use super::{IndicatorResult, Slot};
use crate::code::Code;
use crate::data::UnitData;
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::Indikator;
use crate::pembulatan::plain;
use rustc_hash::FxHashMap;

/// The same measurement reported at two tiers with different realisasi:
/// linked by `sama_dengan`, or carrying the same name.
pub(super) fn cross_tier_checks(
    index: &FxHashMap<&str, &Indikator>,
    results: &[IndicatorResult],
    diagnostics: &mut Vec<Diagnostic>,
) {
    // The pairs to compare are those that share a name (spacing and case
    // aside) or are linked by `sama_dengan`. Names are keyed by a cheap hash
    // of their normalised words and sorted, so that only names with the same
    // key are compared (word by word): no copy of a name, no pair of
    // indicators compared for nothing.
    let mut keyed: Vec<(u64, usize)> = results
        .iter()
        .enumerate()
        .map(|(i, r)| (name_key(&r.name), i))
        .collect();
    keyed.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for same in keyed.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
        for (k, &(_, i)) in same.iter().enumerate() {
            for &(_, j) in same.iter().skip(k + 1) {
                if let (Some(a), Some(b)) = (results.get(i), results.get(j)) {
                    if same_name(&a.name, &b.name) {
                        pairs.push((i.min(j), i.max(j)));
                    }
                }
            }
        }
    }
    let links: Vec<(usize, &str)> = results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            index
                .get(r.id.as_str())
                .and_then(|d| d.sama_dengan.as_deref())
                .map(|l| (i, l))
        })
        .collect();
    if !links.is_empty() {
        let by_id: FxHashMap<&str, usize> = results.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        for (i, link) in links {
            if let Some(&j) = by_id.get(link) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    // In the order a comparison of every pair would find them.
    pairs.sort_unstable();
    pairs.dedup();
    for (i, j) in pairs {
        let (Some(a), Some(b)) = (results.get(i), results.get(j)) else {
            continue;
        };
        if i == j || a.tier == b.tier {
            continue;
        }
        {
            if let (Some(ra), Some(rb)) = (a.realisasi, b.realisasi) {
                if ra != rb {
                    diagnostics.push(
                        Diagnostic::says(
                            Code::TierRealisasi,
                            Text::new("tier-realisasi")
                                .arg("id", &b.id)
                                .arg("tier", b.tier.keyword())
                                .arg("realisasi", plain(rb))
                                .arg("other-id", &a.id)
                                .arg("other-tier", a.tier.keyword())
                                .arg("other-realisasi", plain(ra)),
                        )
                        .indicator(&b.id)
                        .help_says(Text::new("tier-realisasi-help"))
                        .at(b.realisasi_origin.as_ref()),
                    );
                }
            }
        }
    }
}

/// A realisasi in the data for an indikator the agreement does not measure.
pub(super) fn unused_realisasi(data: &UnitData, memo: &FxHashMap<&str, Slot>, diagnostics: &mut Vec<Diagnostic>) {
    for entry in &data.realisasi {
        if !memo.contains_key(entry.indicator.as_str()) {
            diagnostics.push(
                Diagnostic::says(
                    Code::RealisasiUnused,
                    Text::new("realisasi-unused")
                        .arg("indicator", &entry.indicator)
                        .arg("year", data.year),
                )
                .indicator(&entry.indicator)
                .help_says(Text::new("realisasi-unused-help"))
                .at(entry.origin.as_ref()),
            );
        }
    }
}

/// The words of a name, lower-cased: what two names must share to be one indicator.
fn name_words(name: &str) -> impl Iterator<Item = char> + '_ {
    let mut words = name.split_whitespace();
    let first = words.next().into_iter();
    first
        .chain(words.flat_map(|w| [" ", w]))
        .flat_map(|w| w.chars().flat_map(char::to_lowercase))
}

/// A hash of a name's normalised words: a multiply-rotate per character
/// (FxHash's step), cheap because equal keys are confirmed by `same_name`.
fn name_key(name: &str) -> u64 {
    if !name.is_ascii() {
        return name_words(name).fold(0, |h, c| key_step(h, u64::from(c)));
    }
    // The same key as the characters give, read byte by byte (most names
    // are ASCII): words lower-cased, one space between them.
    let mut h = 0;
    let mut gap = false;
    let mut started = false;
    for b in name.bytes() {
        if b.is_ascii_whitespace() {
            gap = started;
            continue;
        }
        if gap {
            h = key_step(h, u64::from(b' '));
            gap = false;
        }
        started = true;
        h = key_step(h, u64::from(b.to_ascii_lowercase()));
    }
    h
}

fn key_step(h: u64, c: u64) -> u64 {
    (h.rotate_left(5) ^ c).wrapping_mul(0x517c_c1b7_2722_0a95)
}

fn same_name(a: &str, b: &str) -> bool {
    name_words(a).eq(name_words(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_has_one_key_however_it_is_spaced_or_cased() {
        let k = name_key("Indeks  Kepuasan\tMasyarakat ");
        assert_eq!(k, name_key(" indeks kepuasan MASYARAKAT"));
        // The ASCII shortcut gives the key the characters give.
        let by_chars = name_words("Indeks Kepuasan Masyarakat").fold(0, |h, c| key_step(h, u64::from(c)));
        assert_eq!(k, by_chars);
        assert_ne!(k, name_key("Indeks Kepuasan"));
        assert!(same_name("Derajat  Kesehatan", "derajat kesehatan"));
        assert!(!same_name("Derajat Kesehatan", "Derajat Kesehatan Napi"));
        assert_eq!(name_key("Éé x"), name_key("éé  X"));
    }
}

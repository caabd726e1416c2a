//! The unit an indicator is measured in (`%`, Indeks, Layanan, Orang, ...).
//!
//! Units are words staff choose, so they are kept as normalised text rather
//! than a closed list: `Layanan`, `layanan` and `LAYANAN` are one unit, and
//! `persen` is `%`. Two quantities can only be compared when their units are
//! equal; the evaluation says so when a target and its realisasi differ
//! (Tabel 3.4 of the seed: "1 Dokumen" against "0 Layanan").

use serde::{Serialize, Serializer};
use std::fmt;

/// A unit: its normalised form, which comparisons use, and how a quoted
/// unit was written (`satuan "per 1.000 KH"`), which reports print as is.
#[derive(Debug, Clone)]
pub struct Satuan {
    key: String,
    written: Option<String>,
}

impl PartialEq for Satuan {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for Satuan {}

impl std::hash::Hash for Satuan {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.key.hash(h);
    }
}

impl PartialOrd for Satuan {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Satuan {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

impl Satuan {
    /// The unit `word`; in double quotes, a unit printed as written.
    pub fn new(word: &str) -> Self {
        let word = word.trim();
        if let Some(inner) = word.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
            let mut unit = Self::new(inner);
            if !unit.is_percent() {
                unit.written = Some(inner.trim().to_string());
            }
            return unit;
        }
        let lower = word.to_lowercase();
        let key = if lower == "persen" || lower == "%" {
            "%".to_string()
        } else {
            lower
        };
        Satuan { key, written: None }
    }

    pub fn percent() -> Self {
        Satuan {
            key: "%".to_string(),
            written: None,
        }
    }

    pub fn is_percent(&self) -> bool {
        self.key == "%"
    }

    /// The normalised form (`%`, `indeks`, `layanan`).
    pub fn as_str(&self) -> &str {
        &self.key
    }

    /// The form a report prints: `%`, a quoted unit as written, or the word
    /// with a capital (`Layanan`).
    pub fn display(&self) -> String {
        if let Some(w) = &self.written {
            return w.clone();
        }
        let mut chars = self.key.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

impl fmt::Display for Satuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl Serialize for Satuan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_normalise() {
        assert_eq!(Satuan::new("Layanan"), Satuan::new("LAYANAN"));
        assert_eq!(Satuan::new("persen"), Satuan::percent());
        assert_eq!(Satuan::new("dokumen").display(), "Dokumen");
        // Quoted: printed as written, compared without case.
        let quoted = Satuan::new("\"per 1.000 KH\"");
        assert_eq!(quoted.display(), "per 1.000 KH");
        assert_eq!(quoted, Satuan::new("\"PER 1.000 kh\""));
        assert_eq!(Satuan::new("\"persen\""), Satuan::percent());
        assert_ne!(Satuan::new("dokumen"), Satuan::new("layanan"));
    }
}

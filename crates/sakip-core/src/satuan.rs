//! The unit an indicator is measured in (`%`, Indeks, Layanan, Orang, ...).
//!
//! Units are words staff choose, so they are kept as normalised text rather
//! than a closed list: `Layanan`, `layanan` and `LAYANAN` are one unit, and
//! `persen` is `%`. Two quantities can only be compared when their units are
//! equal; the evaluation says so when a target and its realisasi differ
//! (Tabel 3.4 of the seed: "1 Dokumen" against "0 Layanan").

use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Satuan(String);

impl Satuan {
    pub fn new(word: &str) -> Self {
        let lower = word.trim().to_lowercase();
        if lower == "persen" || lower == "%" {
            Satuan("%".to_string())
        } else {
            Satuan(lower)
        }
    }

    pub fn percent() -> Self {
        Satuan("%".to_string())
    }

    pub fn is_percent(&self) -> bool {
        self.0 == "%"
    }

    /// The normalised form (`%`, `indeks`, `layanan`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form a report prints: `%`, or the word with a capital (`Layanan`).
    pub fn display(&self) -> String {
        let mut chars = self.0.chars();
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
        assert_ne!(Satuan::new("dokumen"), Satuan::new("layanan"));
    }
}

//! Numbers as Indonesian staff write them: `77,5`, `1.938.261.000`, `-3`.
//!
//! In Indonesian the comma is the decimal mark and the dot groups
//! thousands. A number is read by that convention, and only where it is
//! unambiguous: `7.5` can only mean seven and a half (a dot before other
//! than three digits groups nothing), but `1.500` could be fifteen hundred
//! or one and a half, so it is an error that asks the author to say which.
//! One reader for every way figures come in: a spreadsheet's text cells
//! (sakip-import) and a long table's cells (sakip-engine).

use crate::{Decimal, Text};
use std::str::FromStr;

/// Reads a number written the Indonesian way (`77,5`, `1.938.261.000`,
/// `-3`); spaces (also non-breaking ones) are ignored.
pub fn read_decimal(text: &str) -> Result<Decimal, Text> {
    let s: String = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}')).collect();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(Text::new("number-not-a-number").arg("text", text));
    }
    let mut parts = body.split(',');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    if parts.next().is_some() {
        return Err(Text::new("number-two-commas").arg("text", text));
    }
    if let Some(f) = frac {
        if f.contains('.') || f.is_empty() || int.is_empty() {
            return Err(Text::new("number-not-a-number").arg("text", text));
        }
    }
    let groups: Vec<&str> = int.split('.').collect();
    let sign = if neg { "-" } else { "" };
    let plain_int = match (groups.as_slice(), frac) {
        ([one], _) => (*one).to_string(),
        // `7.5`, `32.50`: a dot that groups nothing is a decimal point.
        ([head, tail], None) if tail.len() != 3 => {
            if head.is_empty() || tail.is_empty() {
                return Err(Text::new("number-not-a-number").arg("text", text));
            }
            return Decimal::from_str(&format!("{sign}{head}.{tail}"))
                .map(|d| d.normalize())
                .map_err(|_| Text::new("number-too-large").arg("text", text));
        }
        ([head, rest @ ..], _) => {
            let grouped = !head.is_empty() && head.len() <= 3 && rest.iter().all(|g| g.len() == 3);
            if !grouped {
                return Err(Text::new("number-bad-grouping").arg("text", text));
            }
            if let (None, [tail]) = (frac, rest) {
                let fraction = tail.trim_end_matches('0');
                let as_decimal = if fraction.is_empty() {
                    (*head).to_string()
                } else {
                    format!("{head},{fraction}")
                };
                return Err(Text::new("number-ambiguous")
                    .arg("text", text)
                    .arg("grouped", groups.concat())
                    .arg("decimal", as_decimal));
            }
            groups.concat()
        }
        ([], _) => return Err(Text::new("number-not-a-number").arg("text", text)),
    };
    let text = match frac {
        Some(f) => format!("{sign}{plain_int}.{f}"),
        None => format!("{sign}{plain_int}"),
    };
    Decimal::from_str(&text)
        .map(|d| d.normalize())
        .map_err(|_| Text::new("number-too-large").arg("text", &text))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::read_decimal;
    use crate::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn indonesian_text_numbers() {
        assert_eq!(read_decimal("77,5"), Ok(d("77.5")));
        assert_eq!(read_decimal("1.938.261.000"), Ok(d("1938261000")));
        assert_eq!(read_decimal("1.938.261.000,25"), Ok(d("1938261000.25")));
        assert_eq!(read_decimal("7.5"), Ok(d("7.5")));
        assert_eq!(read_decimal("32.50"), Ok(d("32.5")));
        assert_eq!(read_decimal("-3"), Ok(d("-3")));
        assert_eq!(read_decimal("1 500"), Ok(d("1500")));
        assert_eq!(read_decimal("1 234,5"), Ok(d("1234.5")));
    }

    #[test]
    fn ambiguous_or_broken_text_is_an_error() {
        // Fifteen hundred or one and a half: the author must say.
        assert!(read_decimal("1.500")
            .unwrap_err()
            .render(crate::Lang::En)
            .contains("1500 if the dot groups thousands, 1,5 if"));
        assert!(read_decimal("1,5,0").is_err());
        assert!(read_decimal("1,2,3").is_err());
        assert!(read_decimal("12.34.5").is_err());
        assert!(read_decimal("abc").is_err());
        assert!(read_decimal("12a").is_err());
        assert!(read_decimal("").is_err());
        assert!(read_decimal(",5").is_err());
        assert!(read_decimal("99999999999999999999999999999999").is_err());
    }
}

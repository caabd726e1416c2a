//! What a keyword means, in GRAMMAR.md's own words: hover on a keyword
//! shows the line of the language reference that introduces it (a row of
//! one of its tables, else the first sentence that writes it as code).

/// The language reference, compiled into the server.
const GRAMMAR: &str = include_str!("../../../GRAMMAR.md");

/// The line of GRAMMAR.md about `keyword`: its row in the table of
/// keywords, else the first row or sentence that writes it as code.
pub(crate) fn line_about(keyword: &str) -> Option<String> {
    let own = format!("| `{keyword}` | ");
    if let Some(row) = GRAMMAR.lines().find(|l| l.starts_with(&own)) {
        let meaning = row
            .get(own.len()..)
            .unwrap_or("")
            .trim_end_matches(" |")
            .trim_end_matches('|');
        return Some(format!("{} — {}", &own[2..own.len() - 3], meaning.trim()));
    }
    let writes = |code: &str| {
        code.strip_prefix(keyword)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '(', '.', ',']))
    };
    let codes = |cell: &str| -> Vec<String> { cell.split('`').skip(1).step_by(2).map(str::to_string).collect() };
    for line in GRAMMAR.lines() {
        let Some(row) = line.strip_prefix('|') else { continue };
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        if let (Some(first), Some(second)) = (cells.first(), cells.get(1)) {
            if codes(first)
                .iter()
                .any(|c| c.split_whitespace().any(|w| w == keyword) || writes(c))
            {
                return Some(format!("{first} — {second}"));
            }
        }
    }
    GRAMMAR
        .lines()
        .filter(|l| !l.starts_with('|') && !l.starts_with("    "))
        .find(|l| {
            codes(l)
                .iter()
                .any(|c| writes(c) || c.split_whitespace().any(|w| w == keyword))
        })
        .map(|l| l.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_has_a_line_in_the_grammar() {
        let missing: Vec<&str> = sakip_rules::lexicon::KEYWORDS
            .iter()
            .copied()
            .filter(|k| line_about(k).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "keywords GRAMMAR.md does not write as code: {missing:?}"
        );
        let polaritas = line_about("polaritas").unwrap_or_default();
        assert!(polaritas.contains("polaritas naik"), "{polaritas}");
        assert!(line_about("nosuchword").is_none());
    }
}

//! Formatting mid-edit: the file laid out as `sakip fmt` would, but for
//! the items with a syntax error, which stay as written (the diagnostics
//! say why).

use crate::document::Document;

/// `doc`'s text laid out; `None` for a script (not a rule file).
pub fn format(doc: &Document<'_>) -> Option<String> {
    if !doc.is_rule_file() {
        return None;
    }
    let (formatted, _) = sakip_rules::format::format_tolerant(&doc.path, doc.text.clone());
    Some(formatted)
}

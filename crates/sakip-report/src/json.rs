//! `eval --format json` and a rollup's `jsonl` lines: the contract of
//! [`sakip_core::contract`], serialised.

use sakip_core::Evaluation;

/// The evaluation as pretty-printed JSON, ending with a newline.
pub fn render<'a>(ev: &'a Evaluation, rules: &'a sakip_core::RuleSet, scripts: &[&'a str]) -> String {
    let out = sakip_core::contract::unit(ev, rules, scripts);
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// The same object as [`render`] on one line, ending with a newline: a
/// line of `rollup --format jsonl`.
pub fn render_line<'a>(ev: &'a Evaluation, rules: &'a sakip_core::RuleSet, scripts: &[&'a str]) -> String {
    let out = sakip_core::contract::unit(ev, rules, scripts);
    let mut text = serde_json::to_string(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

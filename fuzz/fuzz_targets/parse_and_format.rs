//! Any text: the parser answers with a tree or an error, never a panic or a
//! crash; a tree formats to text that parses again and formats to itself.
//! The editor's formatter (`format_tolerant`, which lays out what parsed
//! around the lines and items given up) never panics either, and lays out
//! a file that parses exactly as the strict formatter does.
#![no_main]

use camino::Utf8Path;
use libfuzzer_sys::fuzz_target;
use sakip_rules::format::format;
use sakip_rules::parser::parse;
use sakip_rules::source::SourceMap;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = SourceMap::default();
    let id = sources.add(Utf8Path::new("f.sakip"), text.to_string());
    let (tolerant, _) = sakip_rules::format::format_tolerant(Utf8Path::new("f.sakip"), text.to_string());
    let Ok(file) = parse(&sources, id) else { return };
    let once = format(text, &file);
    assert_eq!(tolerant, once, "the editor's formatter differs on a file that parses");
    let again_id = sources.add(Utf8Path::new("g.sakip"), once.clone());
    let again = match parse(&sources, again_id) {
        Ok(f) => f,
        Err(e) => panic!("formatted text does not parse: {}: {:?}\n{once}", e.location_text(), e.message),
    };
    assert_eq!(format(&once, &again), once, "formatting is not idempotent");
});

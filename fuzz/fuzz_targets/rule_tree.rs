//! Any text, as the unsaved contents of a unit's file in an editor: the
//! rule tree model (what `sakip lsp` keeps) loads it, with the shipped
//! national rules above it, and indexes it, never panicking; every symbol
//! it indexes lies inside a file it read.
#![no_main]

use camino::Utf8PathBuf;
use libfuzzer_sys::fuzz_target;
use sakip_rules::tree::RuleTree;
use std::sync::OnceLock;

/// A scratch tree: the shipped national rules and an empty unit folder.
fn scratch() -> &'static Utf8PathBuf {
    static DIR: OnceLock<Utf8PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Utf8PathBuf::from(std::env::temp_dir().to_string_lossy().to_string()).join("sakip-fuzz-tree");
        let _ = std::fs::create_dir_all(dir.join("rules/ditjenpas"));
        let _ = std::fs::create_dir_all(dir.join("unit"));
        let national = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/ditjenpas/ditjenpas.sakip");
        let _ = std::fs::copy(national, dir.join("rules/ditjenpas/ditjenpas.sakip"));
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let dir = scratch();
    let mut tree = RuleTree::open(&[dir.clone()]);
    let unit = dir.join("unit/satker.sakip");
    tree.set_text(&unit, Some(&format!("satker u \"U\"\nberdasarkan \"../rules/ditjenpas\"\n{text}")));
    tree.set_text(&dir.join("unit/data.sakip"), Some(text));
    for a in tree.sets() {
        for kind in [
            sakip_rules::symbols::SymbolKind::Indikator,
            sakip_rules::symbols::SymbolKind::Sasaran,
            sakip_rules::symbols::SymbolKind::Band,
            sakip_rules::symbols::SymbolKind::Fungsi,
        ] {
            for s in a.symbols.of(kind).values() {
                for span in std::iter::once(&s.definition).chain(&s.references) {
                    let file = a.sources.get(span.file).expect("an indexed span lies in a file read");
                    assert!(span.end <= file.source().len());
                }
            }
        }
    }
    let _ = tree.problems_in(&unit);
});

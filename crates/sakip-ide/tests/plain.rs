//! The features as plain data, asked of a tree held in memory (the
//! shipped national rules, Kanwil Contoh with its script, Rutan Contoh):
//! what the workbench's editor reads directly, in bytes of the document.
//! The language server's tests (`sakip-lsp/tests/features.rs`, 103 cases)
//! ask the same functions through the protocol.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::{Lang, Severity};
use sakip_ide::{complete, diagnostics, highlight, hover, navigate, outline, Document, Workspace};
use sakip_rules::fs::InMemory;
use sakip_rules::tree::RuleTree;
use std::collections::BTreeMap;
use std::sync::Arc;

const NATIONAL: &str = "/mem/rules/ditjenpas/ditjenpas.sakip";
const KANWIL: &str = "/mem/rules/kanwil-contoh/kanwil-contoh.sakip";
const SCRIPT: &str = "/mem/rules/kanwil-contoh/contoh.rhai";
const UNIT: &str = "/mem/examples/rutan-contoh/satker.sakip";

fn tree_with(unit: &str) -> RuleTree {
    let mut fs = InMemory::new();
    fs.insert(
        Utf8PathBuf::from(NATIONAL),
        include_str!("../../../rules/ditjenpas/ditjenpas.sakip"),
    );
    fs.insert(
        Utf8PathBuf::from(KANWIL),
        include_str!("../../../rules/kanwil-contoh/kanwil-contoh.sakip"),
    );
    fs.insert(
        Utf8PathBuf::from(SCRIPT),
        include_str!("../../../rules/kanwil-contoh/contoh.rhai"),
    );
    fs.insert(Utf8PathBuf::from(UNIT), unit);
    let mut tree = RuleTree::lazy_in(&[Utf8PathBuf::from("/mem")], Arc::new(fs));
    tree.finish();
    // As a front end does before it answers about a file: a unit checked
    // in the background is kept slim (no lowered rules) until asked.
    tree.ensure(Utf8Path::new(UNIT));
    tree
}

fn tree() -> RuleTree {
    tree_with(include_str!("../../../examples/rutan-contoh/satker.sakip"))
}

fn offset_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"))
}

#[test]
fn hover_names_the_indikator_and_the_bytes_of_its_id() {
    let tree = tree();
    let unsaved = BTreeMap::new();
    let ws = Workspace::new(&tree, &unsaved);
    let doc = ws.document(Utf8Path::new(UNIT)).unwrap();
    let at = offset_of(&doc.text, "ikw_pelarian") + 3;
    let h = hover::hover(&doc, at).unwrap();
    assert!(h.markdown.starts_with("**ikw_pelarian**"), "{}", h.markdown);
    assert!(h
        .markdown
        .contains("rumus capaian = `rasio_terbalik(target, realisasi)`"));
    let r = h.range.unwrap();
    assert_eq!(&doc.text[r.start..r.end], "ikw_pelarian");
    // In a comment, the same word says nothing.
    let comment = offset_of(&doc.text, "Contoh (fiktif).") + 1;
    assert_eq!(hover::hover(&doc, comment), None);
}

#[test]
fn completion_says_which_part_of_the_word_it_replaces() {
    let text = include_str!("../../../examples/rutan-contoh/satker.sakip").replacen(
        "  target ro_kamtib",
        "  target ikk_ma\n  target ro_kamtib",
        1,
    );
    let tree = tree_with(&text);
    let doc = Document::new(Utf8Path::new(UNIT), tree.analysis_for(Utf8Path::new(UNIT)), || None).unwrap();
    let at = offset_of(&doc.text, "ikk_ma\n") + "ikk_ma".len();
    let found = complete::completion(&doc, at).unwrap();
    assert_eq!(&doc.text[found.replace.start..found.replace.end], "ikk_ma");
    let makanan = found.items.iter().find(|c| c.label == "ikk_makanan").unwrap();
    assert_eq!(makanan.kind, complete::Kind::Indikator);
    assert!(makanan.detail.is_some());
    // A script's words are not the rules' words.
    let script = Document::new(Utf8Path::new(SCRIPT), None, || Some("fn x() {}".into())).unwrap();
    assert_eq!(complete::completion(&script, 3), None);
}

#[test]
fn definition_follows_berdasarkan_to_a_folder_held_in_memory() {
    // The folder is known through the tree's file system, not the disk:
    // nothing under /mem exists on this machine.
    let tree = tree();
    let unsaved = BTreeMap::new();
    let ws = Workspace::new(&tree, &unsaved);
    let doc = ws.document(Utf8Path::new(UNIT)).unwrap();
    let at = offset_of(&doc.text, "rules/kanwil-contoh\"");
    let place = navigate::definition(&ws, &doc, at).unwrap();
    assert_eq!(place.path, KANWIL);
    // An id in the agreement leads to its `indikator` line in the Kanwil file.
    let at = offset_of(&doc.text, "ikw_pelarian");
    let place = navigate::definition(&ws, &doc, at).unwrap();
    assert_eq!(place.path, KANWIL);
    let kanwil = ws.text(Utf8Path::new(KANWIL)).unwrap();
    assert_eq!(&kanwil[place.range.start..place.range.end], "ikw_pelarian");
}

#[test]
fn references_and_rename_reach_every_file_that_names_the_id() {
    let tree = tree();
    let unsaved = BTreeMap::new();
    let ws = Workspace::new(&tree, &unsaved);
    let doc = ws.document(Utf8Path::new(KANWIL)).unwrap();
    let at = offset_of(&doc.text, "ikw_pelarian");
    let all = navigate::references(&ws, &doc, at, true).unwrap();
    let without = navigate::references(&ws, &doc, at, false).unwrap();
    assert_eq!(all.len(), without.len() + 1);
    assert!(all.iter().any(|p| p.path == UNIT));
    let edits = navigate::rename(&ws, &doc, at, "ikw_kabur", Lang::En).unwrap().unwrap();
    assert!(edits.contains_key(Utf8Path::new(UNIT)) && edits.contains_key(Utf8Path::new(KANWIL)));
    // Refusals say why, in the reader's language.
    let taken = navigate::rename(&ws, &doc, at, "iku_kamtib", Lang::En).unwrap_err();
    assert!(taken.contains("iku_kamtib"), "{taken}");
    let keyword = navigate::rename(&ws, &doc, at, "target", Lang::Id).unwrap_err();
    assert!(keyword.contains("target"), "{keyword}");
}

#[test]
fn diagnostics_keep_the_help_apart_and_point_at_the_bytes() {
    let text = include_str!("../../../examples/rutan-contoh/satker.sakip").replacen(
        "target ikk_remisi",
        "target ikk_remisii",
        1,
    );
    let tree = tree_with(&text);
    let unsaved = BTreeMap::new();
    let ws = Workspace::new(&tree, &unsaved);
    let found = diagnostics::diagnostics(&ws, Utf8Path::new(UNIT), Lang::En);
    let d = found
        .iter()
        .find(|d| text[d.range.start..d.range.end].contains("ikk_remisii"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(d.severity, Severity::Error);
    assert!(!d.message.contains('\n'), "{}", d.message);
    assert!(d.help.as_deref().is_some_and(|h| h.contains("ikk_remisi")), "{d:?}");
}

#[test]
fn outline_and_tokens_of_a_half_typed_file() {
    let text =
        include_str!("../../../examples/rutan-contoh/satker.sakip").replacen("perjanjian 2022 {", "perjanjian 20", 1);
    let doc = Document::new(Utf8Path::new(UNIT), None, || Some(text.clone())).unwrap();
    let entries = outline::outline(&doc);
    assert_eq!(
        entries.first().map(|e| (e.name.as_str(), e.kind)),
        Some(("rutan_contoh", outline::Kind::Header))
    );
    let tokens = highlight::tokens(&doc);
    let first = tokens.iter().find(|t| t.kind == highlight::Kind::Keyword).unwrap();
    assert_eq!(&text[first.range.start..first.range.end], "satker");
    assert!(tokens.iter().any(|t| t.kind == highlight::Kind::Comment));
}

//! The semantic model of a rule tree held open (what the language server
//! keeps): it finds the same problems as `check`, indexes every kind of
//! name, and re-checks only what depends on a changed file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::{Utf8Path, Utf8PathBuf};
use sakip_core::model::TingkatAturan;
use sakip_core::{Code, Lang};
use sakip_rules::symbols::SymbolKind;
use sakip_rules::tree::RuleTree;
use std::collections::BTreeSet;

fn repo() -> Utf8PathBuf {
    Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A copy of the shipped rules and examples in a scratch folder.
fn scratch_tree(name: &str) -> Utf8PathBuf {
    let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for top in ["rules", "examples"] {
        copy(&repo().join(top), &dir.join(top));
    }
    dir
}

fn copy(from: &Utf8Path, to: &Utf8Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in from.read_dir_utf8().unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Each problem as `file:line:col code message`, for comparing two runs.
fn lines<'a>(errors: impl IntoIterator<Item = &'a sakip_rules::RuleError>) -> BTreeSet<String> {
    errors
        .into_iter()
        .map(|e| format!("{} {} {}", e.location_text(), e.code, e.message.render(Lang::En)))
        .collect()
}

#[test]
fn the_model_finds_what_check_finds() {
    let dir = scratch_tree("tree-agrees");
    let roots = vec![dir.join("rules"), dir.join("examples")];
    let tree = RuleTree::open(&roots);
    let check = sakip_rules::check_paths(&roots);
    let from_check = lines(&check.errors);
    let from_tree = lines(tree.files().iter().flat_map(|f| tree.problems_in(f)));
    assert_eq!(from_tree, from_check);
    // Break a national file on disk: both see the same syntax error and the
    // same knock-on problems in the units.
    let national = dir.join("rules/ditjenpas/ditjenpas.sakip");
    let text = std::fs::read_to_string(&national).unwrap();
    std::fs::write(&national, text.replacen("satuan %", "satuan", 1)).unwrap();
    let mut tree = tree;
    tree.changed_on_disk(&national);
    let check = sakip_rules::check_paths(&roots);
    assert!(check.errors.iter().any(|e| e.code == Code::Syntax));
    assert_eq!(
        lines(tree.files().iter().flat_map(|f| tree.problems_in(f))),
        lines(&check.errors)
    );
}

#[test]
fn an_edit_rechecks_only_what_depends_on_it() {
    let dir = scratch_tree("tree-edits");
    let mut tree = RuleTree::open(&[dir.join("rules"), dir.join("examples")]);
    let sets = tree.sets().count();
    assert!(sets >= 5, "{sets}");
    // A unit's data file: only that unit.
    let data = dir.join("examples/lapas-sarolangun-rawas/realisasi-2022.sakip");
    let text = std::fs::read_to_string(&data).unwrap();
    let again = tree.set_text(&data, Some(&text.replacen("ikp_kamtib", "ikp_kamtb", 1)));
    assert_eq!(again, vec![dir.join("examples/lapas-sarolangun-rawas/satker.sakip")]);
    let problems = tree.problems_in(&data);
    assert!(
        problems.iter().any(|e| e.code == Code::UnknownIndicator),
        "{:?}",
        lines(problems.iter().copied())
    );
    // Nothing was written: the disk still holds the old text.
    assert_eq!(std::fs::read_to_string(&data).unwrap(), text);
    // Back to the disk's text: the problem is gone.
    tree.set_text(&data, None);
    assert!(tree.problems_in(&data).iter().all(|e| e.code != Code::UnknownIndicator));
    // The national rules: every rule set of its chain checks again; the
    // IKPA, NKA and local-government examples (three national rule sets, a
    // unit each) do not.
    let national = dir.join("rules/ditjenpas/ditjenpas.sakip");
    let again = tree.set_text(&national, Some(&std::fs::read_to_string(&national).unwrap()));
    assert!(
        again.iter().all(|f| !["contoh-ikpa", "contoh-nka", "contoh-pemda"]
            .iter()
            .any(|c| f.as_str().contains(c))),
        "{again:?}"
    );
    assert_eq!(again.len(), sets - 6);
    // A Kanwil's script: the Kanwil and the units under it, no other.
    let script = dir.join("rules/kanwil-contoh/contoh.rhai");
    let again = tree.set_text(&script, Some("fn capaian(i) { ("));
    assert!(again.contains(&dir.join("rules/kanwil-contoh/kanwil-contoh.sakip")));
    assert!(!again.iter().any(|h| h.as_str().contains("sumsel")), "{again:?}");
    assert!(tree.problems_in(&script).iter().any(|e| e.code == Code::ScriptSyntax));
}

#[test]
fn the_index_knows_every_kind_of_name_and_what_is_in_force() {
    let dir = scratch_tree("tree-index");
    let tree = RuleTree::open(&[dir.join("rules"), dir.join("examples")]);
    let perjanjian = dir.join("examples/lapas-sarolangun-rawas/perjanjian-2022.sakip");
    let unit = tree.analysis_for(&perjanjian).unwrap();
    assert_eq!(unit.level, Some(TingkatAturan::Satker));
    let s = &unit.symbols;
    assert!(s.indikator.contains_key("iku_kamtib"));
    assert!(!s.sasaran.is_empty());
    assert!(s.band.values().all(|b| b.level <= TingkatAturan::Satker));
    assert!(!s.band.is_empty());
    // The script functions of the chain, with their signature.
    let contoh = tree
        .sets()
        .find(|a| a.header.as_str().ends_with("kanwil-contoh.sakip"))
        .unwrap();
    let rasio = &contoh.symbols.fungsi["rasio_terbalik"];
    assert_eq!(rasio.signature.as_deref(), Some("fn rasio_terbalik(target, realisasi)"));
    assert!(!rasio.references.is_empty(), "the rumus that calls it is a reference");
    let (file, f) = (
        rasio.definition.file,
        contoh.sources.get(rasio.definition.file).unwrap(),
    );
    assert!(f.path.as_str().ends_with("contoh.rhai"));
    assert_eq!(
        contoh.symbol_at(file, rasio.definition.start + 1).map(|x| x.0),
        Some(SymbolKind::Fungsi)
    );
    // What is in force for an indikator in a year, at each level.
    let year = *unit.years.iter().find(|y| **y == 2022).unwrap();
    let id = unit
        .rules
        .as_ref()
        .unwrap()
        .indikator
        .iter()
        .find(|i| i.targets.iter().filter(|t| t.year == year).count() >= 2)
        .map(|i| i.id.clone())
        .expect("an indikator with targets at two levels");
    let f = unit.in_force(&id, year).unwrap();
    assert!(f.targets.windows(2).all(|w| w[0].tingkat <= w[1].tingkat));
    assert_eq!(
        f.targets.last().map(|t| t.value.value),
        f.indikator.target_in_force(year).map(|t| t.value.value)
    );
}

#[test]
fn broken_and_strange_inputs_give_problems_not_panics() {
    let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("tree-strange");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    // A cycle of berdasarkan.
    std::fs::write(dir.join("a/a.sakip"), "aturan kanwil a \"A\"\nberdasarkan \"../b\"\n").unwrap();
    std::fs::write(dir.join("b/b.sakip"), "aturan kanwil b \"B\"\nberdasarkan \"../a\"\n").unwrap();
    // A file that is not UTF-8.
    std::fs::write(dir.join("a/data.sakip"), b"realisasi 2022 { x = 1 \xff }").unwrap();
    let mut tree = RuleTree::open(std::slice::from_ref(&dir));
    let all = lines(tree.files().iter().flat_map(|f| tree.problems_in(f)));
    assert!(all.iter().any(|l| l.contains("berdasarkan-cycle")), "{all:?}");
    assert!(all.iter().any(|l| l.contains("file-unreadable")), "{all:?}");
    // Half-typed text of every length of a real file loads without a panic.
    let text = std::fs::read_to_string(repo().join("examples/rutan-contoh/satker.sakip")).unwrap();
    let path = dir.join("a/a.sakip");
    for end in (0..text.len()).step_by(7) {
        if let Some(part) = text.get(..end) {
            tree.set_text(&path, Some(part));
        }
    }
    tree.set_text(&path, Some("aturan kanwil a \"A\"\nberdasarkan \"../b\"\n"));
    // The rule set it builds on deleted on disk: its folder has no header,
    // which the rule set that builds on it reports.
    std::fs::remove_file(dir.join("b/b.sakip")).unwrap();
    let again = tree.changed_on_disk(&dir.join("b/b.sakip"));
    assert_eq!(again, vec![path.clone()]);
    let a = tree.analysis_for(&path).unwrap();
    let no_header = a.problems.iter().find(|e| e.code == Code::NoHeader).unwrap();
    assert_eq!(no_header.location_text(), dir.join("b").as_str());
}

/// A keystroke's check reads the rule set the file belongs to, not the
/// tree: for every file of the shipped tree, and for texts that break it,
/// the problems in that file are the same from its own rule set alone as
/// from the whole tree.
#[test]
fn a_files_problems_come_from_its_own_rule_set() {
    let dir = scratch_tree("tree-own-set");
    let roots = vec![dir.join("rules"), dir.join("examples")];
    let mut tree = RuleTree::open(&roots);
    let files: Vec<Utf8PathBuf> = tree
        .files()
        .into_iter()
        .filter(|f| f.extension() == Some("sakip"))
        .collect();
    assert!(files.len() > 10, "{files:?}");
    let mut checked = 0;
    for file in &files {
        let Some(header) = tree.own_header(file) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        for variant in [
            text.clone(),
            text.replacen("satuan %", "satuan", 1),
            text.replacen("= 75", "= 75 %x", 1),
            text.replacen("iku_kamtib", "iku_kamtbi", 1),
        ] {
            let alone = lines(&sakip_rules::tree::problems_with_text(&header, file, &variant));
            tree.set_text(file, Some(&variant));
            let own = lines(tree.problems_in(file));
            let whole = lines(tree.problems_in_every_set(file));
            tree.set_text(file, None);
            assert_eq!(alone, whole, "{file}");
            assert_eq!(own, whole, "{file}");
            checked += 1;
        }
    }
    assert!(checked >= 40, "{checked}");
}

/// Every problem of every file, as `tree` sees it.
fn all_problems(tree: &RuleTree) -> BTreeSet<String> {
    tree.files().iter().flat_map(|f| lines(tree.problems_in(f))).collect()
}

/// The places that name each indikator, across the tree: what references
/// and rename are built on.
fn all_references(tree: &RuleTree) -> BTreeSet<(String, String, usize)> {
    let mut out = BTreeSet::new();
    for a in tree.sets() {
        for (name, symbol) in &a.symbols.indikator {
            for r in &symbol.references {
                if let Some(f) = a.sources.get(r.file) {
                    out.insert((name.clone(), f.path.to_string(), r.start));
                }
            }
        }
    }
    out
}

/// An editor's tree answers about one file before reading the rest, and,
/// once its background work is done, knows what the eager tree knows: the
/// same problems in every file and the same places naming every indikator,
/// though it keeps the units slim. An edit marks what depends on it and
/// checks nothing until asked; the file asked about is checked first.
#[test]
fn a_lazy_tree_reads_what_is_asked_first_and_ends_where_the_eager_one_does() {
    let dir = scratch_tree("tree-lazy");
    let roots = vec![dir.join("rules"), dir.join("examples")];
    let agreement = dir.join("examples/lapas-sarolangun-rawas/perjanjian-2022.sakip");
    let national = dir.join("rules/ditjenpas/ditjenpas.sakip");

    let mut lazy = RuleTree::lazy(&roots);
    assert!(lazy.busy());
    assert_eq!(lazy.sets().count(), 0, "nothing is read before it is asked for");
    let checked = lazy.ensure(&agreement);
    assert_eq!(checked.len(), 1, "{checked:?}");
    assert!(lazy.analysis_for(&agreement).is_some_and(|a| a.rules.is_some()));
    assert!(lazy.busy(), "the rest of the tree is still to do");
    lazy.finish();
    assert!(!lazy.busy());

    let eager = RuleTree::open(&roots);
    assert_eq!(lazy.files(), eager.files());
    assert_eq!(all_problems(&lazy), all_problems(&eager));
    assert_eq!(all_references(&lazy), all_references(&eager));
    assert!(lazy.sets().any(|a| a.slim), "units checked in the background are slim");
    assert!(
        lazy.sets()
            .filter(|a| a.level != Some(TingkatAturan::Satker))
            .all(|a| !a.slim),
        "the national and Kanwil rule sets stay whole"
    );

    // A broken edit of the national rules: nothing is checked until asked.
    let text = std::fs::read_to_string(&national).unwrap();
    let broken = text.replacen("iku_kamtib", "iku_kamtbi", 1);
    lazy.set_text_lazily(&national, Some(&broken));
    assert!(lazy.busy());
    let before = lines(lazy.problems_in(&agreement));
    assert!(!before.iter().any(|l| l.contains("iku_kamtib")), "{before:?}");
    // Asked about the agreement: its rule set is checked, whole again.
    let checked = lazy.ensure(&agreement);
    assert_eq!(checked.len(), 1, "{checked:?}");
    assert!(lazy.analysis_for(&agreement).is_some_and(|a| !a.slim));
    let after = lines(lazy.problems_in(&agreement));
    assert!(after.iter().any(|l| l.contains("iku_kamtib")), "{after:?}");
    lazy.finish();
    let mut eager = eager;
    eager.set_text(&national, Some(&broken));
    assert_eq!(all_problems(&lazy), all_problems(&eager));
    assert_eq!(all_references(&lazy), all_references(&eager));
}

//! Parser and resolver tests: what the language accepts, what it means, and
//! that no input makes it panic.

// Tests state their expectations with unwrap and indexing: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::{Utf8Path, Utf8PathBuf};
use rust_decimal::Decimal;
use sakip_core::formula::{BinOp, Expr, Field};
use sakip_core::model::TingkatAturan;
use sakip_core::periode::Periode;
use sakip_core::{Code, Lang, Problem};
use sakip_rules::ast::{self, IndikatorItem, Item};
use sakip_rules::parser::parse;
use sakip_rules::source::SourceMap;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn parse_str(text: &str) -> Result<ast::File, Box<sakip_rules::RuleError>> {
    let mut sources = SourceMap::default();
    let id = sources.add(Utf8Path::new("test.sakip"), text.to_string());
    parse(&sources, id)
}

/// A scratch folder under the target directory, emptied first.
fn scratch(name: &str) -> Utf8PathBuf {
    let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Utf8Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const EVERYTHING: &str = r##"
// A comment before the header.
aturan nasional contoh "Aturan contoh" // and after it
dasar "Renstra 2020-2024"
pembulatan capaian potong 2
pembulatan anggaran bulat 2
konversi efisiensi 120
klasifikasi {
  100 ..= 120 "Sangat Memuaskan" excellent hijau
  80 ..< 100 "Memuaskan" good "#1565C0"
  ..< 80 "Belum" low merah
}
sasaran SS4 strategis "Penegakan hukum" {
  dasar "Tabel 2.2"
  indikator residivis "Persentase residivis" {
    satuan %
    polaritas turun
    realisasi terakhir semester
    target 2022 = 1% dasar "PK 2022"
    target 2023 = 0.9%
    rumus capaian mulai 2023 = jika realisasi <= target maka 100 lain target / realisasi * 100
    bobot 2
    indikator residivis_khusus "Residivis kasus khusus" {
      satuan %
      polaritas rentang 0 ..= 2
    }
  }
  indikator gabungan "Gabungan" {
    satuan indeks
    rumus realisasi = (residivis.realisasi + 2 * jumlah(triwulan)) / -2 - tw4
    sama_dengan residivis
  }
}
"##;

#[test]
fn every_construct_parses() {
    let file = parse_str(EVERYTHING).unwrap();
    assert_eq!(file.items.len(), 7);
    let Some(Item::Sasaran(s)) = file.items.last() else {
        panic!("last item is the sasaran")
    };
    assert_eq!(s.code.node, "SS4");
    let ind = &s.indikator[0];
    assert_eq!(ind.id.node, "residivis");
    let targets: Vec<_> = ind
        .items
        .iter()
        .filter_map(|i| match i {
            IndikatorItem::Target(t) => Some((t.year.node, t.value.node.value, t.value.node.unit.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        targets,
        vec![(2022, d("1"), Some("%".into())), (2023, d("0.9"), Some("%".into()))]
    );
    assert!(ind
        .items
        .iter()
        .any(|i| matches!(i, IndikatorItem::Sub(sub) if sub.id.node == "residivis_khusus")));
}

#[test]
fn formulas_follow_precedence() {
    let file = parse_str(EVERYTHING).unwrap();
    let Some(Item::Sasaran(s)) = file.items.last() else {
        panic!()
    };
    let rumus = s.indikator[1]
        .items
        .iter()
        .find_map(|i| match i {
            IndikatorItem::Rumus(r) => Some(r),
            _ => None,
        })
        .unwrap();
    let sakip_rules_expr = format!("{:?}", rumus.expr.kind);
    assert!(sakip_rules_expr.starts_with("Binary { op: Sub"), "{sakip_rules_expr}");
}

#[test]
fn lowered_formula_prints_back() {
    let dir = scratch("lowered");
    write(&dir, "a.sakip", EVERYTHING);
    let unit = write_unit_on(&dir);
    let ind = unit.rules.indikator("gabungan").unwrap();
    assert_eq!(
        ind.rumus_realisasi[0].expr.to_string(),
        "(residivis.realisasi + 2 * jumlah(triwulan)) / -2 - tw4"
    );
    let cap = &unit.rules.indikator("residivis").unwrap().rumus_capaian[0];
    assert_eq!(cap.from_year, Some(2023));
    assert!(matches!(&cap.expr, Expr::If { cond, .. } if matches!(**cond, Expr::Binary { op: BinOp::Le, .. })));
    assert!(matches!(&ind.rumus_realisasi[0].expr, Expr::Binary { lhs, .. }
        if matches!(&**lhs, Expr::Binary { op: BinOp::Div, .. })));
    let _ = Field::Target;
}

/// Adds a satker on top of the rules in `dir` and loads it.
fn write_unit_on(dir: &Utf8Path) -> sakip_rules::LoadedUnit {
    write(
        dir,
        "unit/satker.sakip",
        "satker u \"Unit\"\nberdasarkan \"..\"\nperjanjian 2022 { target residivis = 1% }\n",
    );
    sakip_rules::load_unit(&dir.join("unit")).unwrap()
}

#[test]
fn money_and_quantities() {
    let file = parse_str(
        "satker u \"U\"\nperjanjian 2022 {\n  target a = 1 layanan\n  target b = 75%\n  target c = 288\n  anggaran \"P\" = Rp. 2.672.990.000,- { kegiatan \"K\" = Rp 1.000,50 }\n}\nanggaran 2022 {\n  belanja \"Belanja Modal\" pagu 0 realisasi Rp1.500 dicetak 0%\n}\n",
    )
    .unwrap();
    let Some(Item::Perjanjian(pk)) = file.items.get(1) else {
        panic!()
    };
    let units: Vec<_> = pk
        .targets
        .iter()
        .map(|t| t.value.node.as_ref().map(|q| (q.value, q.unit.clone())).unwrap())
        .collect();
    assert_eq!(
        units,
        vec![
            (d("1"), Some("layanan".into())),
            (d("75"), Some("%".into())),
            (d("288"), None)
        ]
    );
    assert_eq!(pk.anggaran[0].amount.node, d("2672990000"));
    assert_eq!(pk.anggaran[0].kegiatan[0].1.node, d("1000.50"));
    let Some(Item::Anggaran(b)) = file.items.get(2) else {
        panic!()
    };
    assert_eq!(b.lines[0].realisasi.node, d("1500"));
}

#[test]
fn a_unit_word_stays_on_its_line() {
    // `30` ends one entry; `b` on the next line is the next entry, not a unit.
    let file =
        parse_str("satker u \"U\"\nrealisasi 2022 {\n  a = 30\n  b = 2 dokumen\n  c smt1 = 1 smt2 = 2\n}\n").unwrap();
    let Some(Item::Realisasi(r)) = file.items.get(1) else {
        panic!()
    };
    assert_eq!(r.entries.len(), 3);
    assert_eq!(r.entries[0].values[0].1.node.unit, None);
    assert_eq!(r.entries[1].values[0].1.node.unit.as_deref(), Some("dokumen"));
    let periods: Vec<Periode> = r.entries[2].values.iter().map(|(p, _)| p.node).collect();
    assert_eq!(periods, vec![Periode::Smt1, Periode::Smt2]);
}

#[test]
fn keywords_are_not_ids_but_may_start_them() {
    assert!(parse_str("aturan nasional target \"x\"").is_err());
    assert!(parse_str("aturan nasional target_2022 \"x\"").is_ok());
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let err = parse_str("aturan nasional a \"A\"\nkonversi efisiensi 12,5\n").unwrap_err();
    assert_eq!(err.location_text(), "test.sakip:2:22");
    assert!(err.help_in(Lang::En).unwrap_or_default().contains("`12.5`"));
}

#[test]
fn the_seed_unit_resolves_through_its_kanwil_to_the_national_rules() {
    let root = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let unit = sakip_rules::load_unit(&root.join("examples/lapas-sarolangun-rawas")).unwrap();
    let levels: Vec<TingkatAturan> = unit.rules.chain.iter().map(|c| c.tingkat).collect();
    assert_eq!(
        levels,
        vec![TingkatAturan::Nasional, TingkatAturan::Kanwil, TingkatAturan::Satker]
    );
    let pk = unit.rules.perjanjian(2022).unwrap();
    assert_eq!(pk.indikator.len(), 47);
    let data = &unit.data[&2022];
    assert_eq!(data.realisasi.len(), 47);
    assert_eq!(data.belanja.len(), 3);
    // The unit's target and the national one both stay known.
    let kamtib = unit.rules.indikator("iku_kamtib").unwrap();
    assert_eq!(kamtib.target_in_force(2022).unwrap().value.value, d("75"));
    assert_eq!(kamtib.national_target(2022).unwrap().value.value, d("70"));
}

#[test]
fn a_lower_level_replaces_settings_and_adds_indicators() {
    let dir = scratch("levels");
    write(&dir, "nasional/n.sakip", "aturan nasional n \"N\"\npembulatan capaian potong 2\nsasaran S strategis \"S\" { indikator a \"A\" { satuan % target 2022 = 50 } }\n");
    write(&dir, "kanwil/k.sakip", "aturan kanwil k \"K\"\nberdasarkan \"../nasional\"\npembulatan capaian bulat 1\nsasaran S strategis \"S\" { indikator b \"B\" { satuan % } }\n");
    write(
        &dir,
        "unit/u.sakip",
        "satker u \"U\"\nberdasarkan \"../kanwil/k.sakip\"\nperjanjian 2022 { target a = 60 target b = 5 }\n",
    );
    let unit = sakip_rules::load_unit(&dir.join("unit")).unwrap();
    assert_eq!(unit.rules.pembulatan_capaian.at(2022).value.to_string(), "bulat 1");
    assert_eq!(unit.rules.sasaran.len(), 1, "the Kanwil reopens the national sasaran");
    assert_eq!(unit.rules.indikator.len(), 2);
}

#[test]
fn a_rule_set_cannot_build_on_a_lower_level() {
    let dir = scratch("order");
    write(&dir, "unit/u.sakip", "satker u \"U\"\n");
    write(
        &dir,
        "kanwil/k.sakip",
        "aturan kanwil k \"K\"\nberdasarkan \"../unit\"\n",
    );
    let errors = sakip_rules::check_paths(&[dir.join("kanwil")]).errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, Code::TingkatOrder);
}

#[test]
fn a_berdasarkan_cycle_is_an_error() {
    let dir = scratch("cycle");
    write(&dir, "a/a.sakip", "aturan kanwil a \"A\"\nberdasarkan \"../b\"\n");
    write(&dir, "b/b.sakip", "aturan nasional b \"B\"\nberdasarkan \"../a\"\n");
    let errors = sakip_rules::check_paths(&[dir.join("a")]).errors;
    assert!(errors.iter().any(|e| e.code == Code::BerdasarkanCycle), "{errors:?}");
}

#[test]
fn data_files_beside_the_unit_belong_to_it() {
    let dir = scratch("data");
    write(&dir, "n.sakip", "aturan nasional n \"N\"\nsasaran S strategis \"S\" { indikator a \"A\" { satuan % realisasi jumlah triwulan } }\n");
    write(
        &dir,
        "unit/satker.sakip",
        "satker u \"U\"\nberdasarkan \"../n.sakip\"\nperjanjian 2022 { target a = 100 }\n",
    );
    write(
        &dir,
        "unit/realisasi-2022.sakip",
        "realisasi 2022 { a tw1 = 20 tw2 = 30 tw3 = 25 tw4 = 25 }\n",
    );
    let unit = sakip_rules::load_unit(&dir.join("unit")).unwrap();
    let ev = sakip_core::evaluate(&unit.rules, &unit.data[&2022], &sakip_core::host::NoScripts);
    assert_eq!(ev.indicators[0].realisasi, Some(d("100")));
}

/// Every prefix of every shipped rule file, and copies with a byte changed,
/// parse or fail with an error: never a panic.
#[test]
fn no_input_makes_the_parser_panic() {
    let root = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files = [
        "rules/ditjenpas/ditjenpas.sakip",
        "rules/kanwil-sumsel/kanwil-sumsel.sakip",
        "examples/lapas-sarolangun-rawas/satker.sakip",
        "examples/lapas-sarolangun-rawas/realisasi-2022.sakip",
    ];
    let replacements = [b'{', b'}', b'"', b'=', b',', b'.', b'%', b'\n', b'9', b'-', b'(', b'x'];
    let mut seed: u64 = 0x5ad1_9d00_2022;
    let mut runs = 0;
    let texts = files
        .iter()
        .map(|f| std::fs::read_to_string(root.join(f)).unwrap())
        .chain(std::iter::once(EVERYTHING.to_string()));
    for text in texts {
        let bytes = text.as_bytes();
        for cut in (0..bytes.len()).step_by(7) {
            let prefix = String::from_utf8_lossy(&bytes[..cut]);
            let strict = parse_str(&prefix);
            // The editor's parse of every prefix gives a tree and its errors:
            // none when the strict parse has none, some when it has one.
            let (_, errors) = tolerant(&prefix);
            assert_eq!(strict.is_ok(), errors.is_empty(), "{prefix}");
            runs += 1;
        }
        for _ in 0..1000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let at = (seed >> 33) as usize % bytes.len();
            let mut changed = bytes.to_vec();
            changed[at] = replacements[(seed >> 20) as usize % replacements.len()];
            let _ = parse_str(&String::from_utf8_lossy(&changed));
            runs += 1;
        }
    }
    assert!(runs > 5000, "{runs}");
}

fn formula(body: &str) -> String {
    format!("aturan nasional a \"A\"\nsasaran S strategis \"S\" {{ indikator x \"X\" {{ satuan % rumus capaian = {body} }} }}\n")
}

/// Nesting that would exhaust the stack is refused with a position, never
/// an abort; the nesting real formulas use is accepted.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let ok = format!("{}1{}", "(".repeat(30), ")".repeat(30));
    assert!(parse_str(&formula(&ok)).is_ok());
    for body in [
        format!("{}1{}", "(".repeat(5000), ")".repeat(5000)),
        format!("{}1", "- ".repeat(5000)),
        format!("{}1", "tidak ".repeat(5000)),
        format!("{}1{}", "jika 1 < 2 maka ".repeat(40), " lain 0".repeat(40)),
        vec!["1"; 5000].join(" + "),
    ] {
        let err = parse_str(&formula(&body)).unwrap_err();
        assert_eq!(err.code, Code::TooDeep, "{err}");
        assert!(
            err.location_text().starts_with("test.sakip:2:"),
            "{}",
            err.location_text()
        );
    }
}

/// The limits, not pest, keep the parser's recursion bounded (pest is held
/// below 2.9, which would probe the stack on every rule call): the deepest
/// text the limits let through parses on a thread with a 1 MiB stack, in
/// the debug build (whose frames are the largest), half of what a rayon
/// worker gets.
#[test]
fn the_deepest_text_the_limits_allow_parses_on_a_small_stack() {
    // A formula sits inside a sasaran's and an indikator's braces: 30
    // parentheses more reach the nesting limit of 32.
    let deepest = [
        format!("{}1{}", "(".repeat(30), ")".repeat(30)),
        format!("{}1", "- ".repeat(32)),
        format!("{}1", "tidak ".repeat(32)),
        format!("{}1{}", "jika 1 < 2 maka ".repeat(32), " lain 0".repeat(32)),
        format!("{}{}", vec!["(1"; 30].join(" + "), ")".repeat(30)),
        format!("{}{}1{}", "- ".repeat(31), "(".repeat(30), ")".repeat(30)),
    ];
    // At the limits: one more is refused.
    let over = format!("{}1{}", "(".repeat(31), ")".repeat(31));
    assert_eq!(parse_str(&formula(&over)).unwrap_err().code, Code::TooDeep);
    let parsed = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            deepest
                .iter()
                .map(|body| parse_str(&formula(body)).is_ok())
                .collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(parsed, vec![true; 6]);
}

/// Only a formula's operators count towards its limit: a file of many
/// targets (each `target 2022 = 75` has an `=`) or realisasi entries is no
/// formula, however long, while a long formula broken over lines, or
/// followed by targets, is counted whole.
#[test]
fn the_operator_limit_counts_formulas_not_targets() {
    let mut many = String::from("aturan nasional a \"A\"\nsasaran S strategis \"S\" {\n");
    for i in 0..120 {
        many.push_str(&format!(
            "  indikator x{i} \"X\" {{\n    satuan %\n    target 2021 = 70\n    target 2022 = 75\n    target 2023 = 80\n  }}\n"
        ));
    }
    many.push_str("}\n");
    assert!(
        parse_str(&many).is_ok(),
        "{:?}",
        parse_str(&many).err().map(|e| e.to_string())
    );
    let data = format!(
        "realisasi 2022 {{\n{}}}\n",
        (0..400)
            .map(|i| format!("  x{i} tw1 = 1 tw2 = 2\n"))
            .collect::<String>()
    );
    assert!(
        parse_str(&data).is_ok(),
        "{:?}",
        parse_str(&data).err().map(|e| e.to_string())
    );
    // A formula over many lines, then its indicator's targets: still one formula.
    let long = vec!["realisasi"; 300].join("\n + ");
    let err = parse_str(&formula(&long)).unwrap_err();
    assert_eq!(err.code, Code::TooDeep, "{err}");
    let after = formula(&format!("{} target 2022 = 1", vec!["1"; 250].join(" + ")));
    let err = parse_str(&after.replace("target 2022 = 1", &"target - 1 - ".repeat(5))).unwrap_err();
    assert_eq!(err.code, Code::TooDeep, "{err}");
}

/// `check` knows the functions a chain's scripts define: their names and
/// how many values each takes.
#[test]
fn formulas_may_call_what_the_scripts_define() {
    let dir = scratch("script-functions");
    write(
        &dir,
        "s.rhai",
        "fn rasio(a, b) { a / b * 100 }\nfn nilai_satker(h) { 0 }\n",
    );
    let rules = |formula: &str| {
        format!("aturan nasional n \"N\"\nskrip \"s.rhai\"\nsasaran S strategis \"S\" {{ indikator a \"A\" {{ satuan % rumus capaian = {formula} }} }}\n")
    };
    write(&dir, "n.sakip", &rules("rasio(target, realisasi)"));
    assert!(sakip_rules::check_paths(&[dir.join("n.sakip")]).errors.is_empty());

    write(&dir, "n.sakip", &rules("rasio(target)"));
    let errors = sakip_rules::check_paths(&[dir.join("n.sakip")]).errors;
    assert_eq!(errors[0].code, Code::FunctionArity, "{errors:?}");

    write(&dir, "n.sakip", &rules("rasoi(target, realisasi)"));
    let errors = sakip_rules::check_paths(&[dir.join("n.sakip")]).errors;
    assert_eq!(errors[0].code, Code::UnknownFunction);
    assert!(
        errors[0].help_in(Lang::En).unwrap().contains("did you mean `rasio`?"),
        "{:?}",
        errors[0].help_in(Lang::En)
    );
    // A hook is not a function for formulas.
    write(&dir, "n.sakip", &rules("nilai_satker(target)"));
    assert_eq!(
        sakip_rules::check_paths(&[dir.join("n.sakip")]).errors[0].code,
        Code::UnknownFunction
    );
}

#[test]
fn a_missing_or_broken_script_is_reported_where_it_is() {
    let dir = scratch("script-errors");
    write(&dir, "a/n.sakip", "aturan nasional n \"N\"\nskrip \"hilang.rhai\"\n");
    let errors = sakip_rules::check_paths(&[dir.join("a")]).errors;
    assert_eq!(
        (errors[0].code, errors[0].location.as_ref().unwrap().line),
        (Code::ScriptMissing, 2)
    );
    write(&dir, "b/n.sakip", "aturan nasional n \"N\"\nskrip \"rusak.rhai\"\n");
    write(&dir, "b/rusak.rhai", "fn f(x) {\n  x +\n}\n");
    let errors = sakip_rules::check_paths(&[dir.join("b")]).errors;
    assert_eq!(errors[0].code, Code::ScriptSyntax);
    assert!(
        errors[0].location_text().ends_with("rusak.rhai:3:1"),
        "{}",
        errors[0].location_text()
    );
}

/// Found by fuzzing: a year written with a leading zero read as a
/// three-digit year, which `fmt` then printed as one.
#[test]
fn a_year_cannot_start_with_zero() {
    let err = parse_str("satker u \"U\"\nrealisasi 0941 {\n}\n").unwrap_err();
    assert_eq!(err.location_text(), "test.sakip:2:11");
    assert!(err.to_string().contains("a year such as `2022`"), "{err}");
    assert!(parse_str("satker u \"U\"\nrealisasi 1941 {\n}\n").is_ok());
}

#[test]
fn the_symbol_index_knows_where_an_indikator_is_declared_and_named() {
    let root = Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let unit = sakip_rules::load_unit(&root.join("examples/lapas-sarolangun-rawas")).unwrap();
    let place = |s: &sakip_rules::source::Span| {
        let o = unit.sources.origin(*s).unwrap();
        let file = o
            .file
            .rsplit("examples/")
            .next()
            .unwrap()
            .rsplit("rules/")
            .next()
            .unwrap()
            .to_string();
        (file, o.line, o.col)
    };
    let kamtib = &unit.symbols.indikator["iku_kamtib"];
    assert_eq!(kamtib.level, TingkatAturan::Nasional);
    assert_eq!(
        place(&kamtib.definition),
        ("ditjenpas/ditjenpas.sakip".to_string(), 90, 13)
    );
    let refs: Vec<_> = kamtib.references.iter().map(place).collect();
    // The agreement's target and the year's realisasi name it; so does every
    // year's agreement and data the unit keeps.
    assert!(
        refs.contains(&("lapas-sarolangun-rawas/perjanjian-2022.sakip".to_string(), 9, 10)),
        "{refs:?}"
    );
    assert!(
        refs.contains(&("lapas-sarolangun-rawas/realisasi-2022.sakip".to_string(), 13, 3)),
        "{refs:?}"
    );
    // Each place once, though the checks visit some twice.
    let mut unique = refs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), refs.len());
    // A cursor on the reference in the agreement finds it.
    let r = kamtib
        .references
        .iter()
        .find(|s| place(s).0.ends_with("perjanjian-2022.sakip"))
        .unwrap();
    assert_eq!(
        unit.symbols.at(r.file, r.start + 3).map(|(_, id, _)| id),
        Some("iku_kamtib")
    );
    assert_eq!(
        unit.symbols.at(r.file, r.start.saturating_sub(2)).map(|(_, id, _)| id),
        None
    );
    // Every indikator of the chain is in the index, each declared once.
    assert_eq!(unit.symbols.indikator.len(), unit.rules.indikator.len());
}

/// A syntax error at the end of the file says so in the reader's language:
/// it once read "tetapi ditemukan the end of the file".
#[test]
fn the_end_of_the_file_is_named_in_the_readers_language() {
    let err = parse_str("aturan nasional a \"A\"\nsasaran S strategis \"S\" {\n").unwrap_err();
    let id = err.message_in(sakip_core::Lang::Id);
    assert!(id.ends_with("tetapi ditemukan akhir berkas"), "{id}");
    let en = err.message_in(sakip_core::Lang::En);
    assert!(en.ends_with("found the end of the file"), "{en}");
}

/// A `sama_dengan` that names no indikator is underlined at the name it
/// gives, and the indikator it stands in is not offered as the fix (it was
/// underlined at its own name, suggesting itself).
#[test]
fn a_broken_sama_dengan_is_underlined_where_it_names() {
    let dir = scratch("sama-dengan");
    write(
        &dir,
        "a/a.sakip",
        "aturan nasional a \"A\"\nsasaran S strategis \"S\" {\n  indikator iku_kamtib \"K\" {\n    satuan %\n  }\n  indikator iku_kamtic \"P\" {\n    satuan %\n    sama_dengan iku_kamtix\n  }\n}\n",
    );
    let errors = sakip_rules::check_paths(&[dir.join("a")]).errors;
    let e = errors.iter().find(|e| e.code == Code::UnknownIndicator).unwrap();
    assert!(e.location_text().ends_with("a.sakip:8:17"), "{}", e.location_text());
    let help = e.help_in(sakip_core::Lang::En).unwrap_or_default();
    assert!(help.contains("iku_kamtib") && !help.contains("iku_kamtic"), "{help}");
}

fn tolerant(text: &str) -> (sakip_rules::ast::File, Vec<sakip_rules::RuleError>) {
    let mut sources = SourceMap::default();
    let id = sources.add(Utf8Path::new("test.sakip"), text.to_string());
    sakip_rules::parser::parse_tolerant(&sources, id)
}

fn sasaran_codes(file: &sakip_rules::ast::File) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            sakip_rules::ast::Item::Sasaran(s) => Some(s.code.node.clone()),
            _ => None,
        })
        .collect()
}

/// While someone types, a file almost always holds a mistake: the parse an
/// editor uses gives up the item at fault only, so the outline, hover and
/// completion of the rest of the file keep working.
#[test]
fn a_syntax_error_costs_its_item_only() {
    let good = |code: &str| {
        format!("sasaran {code} strategis \"S\" {{\n  indikator x_{code} \"X\" {{\n    satuan %\n  }}\n}}\n")
    };
    let head = "aturan nasional a \"A\"\n";
    // A mistake inside the middle sasaran.
    let broken = format!(
        "{head}{}sasaran S2 strategis \"S\" {{\n  indikator y \"Y\" {{\n    satuan\n  }}\n}}\n{}",
        good("S1"),
        good("S3")
    );
    let (file, errors) = tolerant(&broken);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].location_text().starts_with("test.sakip:9:"),
        "{}",
        errors[0].location_text()
    );
    // Only the unfinished line is given up: the sasaran and its indikator stay.
    assert_eq!(sasaran_codes(&file), ["S1", "S2", "S3"]);
    // Two mistakes in one indikator: each costs its line; the indikator,
    // its sasaran and the indikator after it stay.
    let two = format!(
        "{head}sasaran S2 strategis \"S\" {{\n  indikator y \"Y\" {{\n    satuan %\n    polaritas naik turun\n    realisasi\n  }}\n  indikator z \"Z\" {{\n    satuan %\n  }}\n}}\n{}",
        good("S3")
    );
    let (file, errors) = tolerant(&two);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(sasaran_codes(&file), ["S2", "S3"], "{errors:?}");
    let ids = indikator_ids(&file);
    assert_eq!(ids, ["y", "z", "x_S3"]);
    // A `}` missing: the error is found at the next item, the item before is given up.
    let s1 = good("S1");
    let unclosed = format!("{head}{}{}", s1.strip_suffix("}\n").unwrap(), good("S2"));
    let (file, errors) = tolerant(&unclosed);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(sasaran_codes(&file), ["S2"]);
    // The same positions as the file's: the strict parser agrees on the first error.
    let strict = parse_str(&broken).unwrap_err();
    assert_eq!(strict.location_text(), errors_of(&broken)[0]);
    // A clean file parses as the strict parser does.
    let clean = format!("{head}{}", good("S1"));
    let (file, errors) = tolerant(&clean);
    assert!(errors.is_empty());
    assert_eq!(file.items.len(), parse_str(&clean).unwrap().items.len());
    assert_eq!(sasaran_codes(&file), ["S1"]);
}

fn indikator_ids(file: &sakip_rules::ast::File) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            sakip_rules::ast::Item::Sasaran(s) => Some(s),
            _ => None,
        })
        .flat_map(|s| s.indikator.iter().map(|i| i.id.node.clone()))
        .collect()
}

/// A line left unfinished inside an agreement or a data block costs that
/// line, not the block: the other targets keep their hover and navigation.
/// A good line after it is never given up to move the error on.
#[test]
fn a_half_typed_line_costs_its_line_only() {
    let text = "satker u \"U\"\nberdasarkan \"../k\"\n\nperjanjian 2022 {\n  target a = 1\n  target b =\n  target c = 3\n  target d = 4\n}\n\nrealisasi 2022 {\n  a = 1\n  b\n  c = 3\n}\n";
    let (file, errors) = tolerant(text);
    assert_eq!(errors.len(), 2, "{errors:?}");
    let mut targets = Vec::new();
    let mut values = Vec::new();
    for item in &file.items {
        match item {
            sakip_rules::ast::Item::Perjanjian(p) => targets.extend(p.targets.iter().map(|t| t.id.node.clone())),
            sakip_rules::ast::Item::Realisasi(r) => values.extend(r.entries.iter().map(|v| v.id.node.clone())),
            _ => {}
        }
    }
    assert_eq!(targets, ["a", "c", "d"]);
    assert_eq!(values, ["a", "c"]);
}

/// A block being typed at the end of the file, not yet closed: it is
/// read as if closed (the error at the end stays), so what is typed in it
/// already has its hover and navigation; a half-typed last line costs that
/// line.
#[test]
fn a_block_still_open_at_the_end_is_read_as_closed() {
    let text =
        "satker u \"U\"\nberdasarkan \"../k\"\n\nperjanjian 2023 {\n  target a = 1\n  target b = 2\n  target c =";
    let (file, errors) = tolerant(text);
    assert!(!errors.is_empty());
    assert!(
        errors.iter().any(|e| e.location_text().starts_with("test.sakip:7:")),
        "the error at the end is still reported: {:?}",
        errors.iter().map(|e| e.location_text()).collect::<Vec<_>>()
    );
    let targets: Vec<String> = file
        .items
        .iter()
        .filter_map(|i| match i {
            sakip_rules::ast::Item::Perjanjian(p) => Some(p.targets.iter().map(|t| t.id.node.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(targets, ["a", "b"]);
    // A string or a comment with a brace in it does not count as open.
    let (file, _) =
        tolerant("aturan nasional n \"N {\"\n// {\nsasaran S strategis \"S\" {\n  indikator x \"X\" {\n    satuan %\n");
    assert_eq!(sasaran_codes(&file), ["S"]);
}

fn errors_of(text: &str) -> Vec<String> {
    tolerant(text).1.iter().map(|e| e.location_text()).collect()
}

/// The rules above a unit are lowered once per run and shared: the same
/// rules as a load of its own, each time; a change of the national rules
/// is seen by the next load (the changed file never matches what was kept).
#[test]
fn units_share_the_lowering_of_the_rules_above_them() {
    let root = Utf8Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let sarolangun = root.join("examples/lapas-sarolangun-rawas");
    let contoh = root.join("examples/rutan-contoh");
    let alone = |dir: &Utf8Path| sakip_rules::load_unit_with(dir, &sakip_rules::Shared::default()).unwrap();
    let shared = sakip_rules::Shared::for_editor();
    for _ in 0..2 {
        for dir in [&sarolangun, &contoh] {
            let together = sakip_rules::load_unit_with(dir, &shared).unwrap();
            assert_eq!(
                format!("{:?}", together.rules),
                format!("{:?}", alone(dir).rules),
                "{dir}"
            );
            assert_eq!(
                format!("{:?}", together.warnings),
                format!("{:?}", alone(dir).warnings),
                "{dir}"
            );
        }
    }
    // The national target of iku_kamtib for 2023, changed in the editor.
    let national = root.join("rules/ditjenpas/ditjenpas.sakip");
    let text = std::fs::read_to_string(&national).unwrap();
    let changed = text.replacen("target 2023 = 72 dasar", "target 2023 = 79 dasar", 1);
    assert_ne!(changed, text);
    let kamtib = |u: &sakip_rules::LoadedUnit| format!("{:?}", u.rules.indikator("iku_kamtib").unwrap().targets);
    let before = kamtib(&sakip_rules::load_unit_with(&sarolangun, &shared).unwrap());
    shared.set_unsaved(&sakip_rules::resolve::normalize(&national), Some(&changed));
    let after = kamtib(&sakip_rules::load_unit_with(&sarolangun, &shared).unwrap());
    assert_ne!(before, after);
    assert!(after.contains("79"), "{after}");
}

/// NKA's bands as PMK 107/2024 prints them, closed on the right: "more than
/// 90", "more than 80 up to 90". 90.00 is `baik`, 90.01 `sangat_baik`.
#[test]
fn a_band_may_start_just_above_its_lower_bound() {
    let dir = scratch("above-lower");
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\nklasifikasi {\n  90 <.. \"Sangat Baik\" sangat_baik hijau\n  80 <..= 90 \"Baik\" baik biru\n  ..= 80 \"Belum\" belum merah\n}\n",
    );
    let loaded = sakip_rules::load_rule_set(&dir).unwrap();
    assert!(loaded.warnings.is_empty(), "no gap, no overlap: {:?}", loaded.warnings);
    let k = &loaded.rules.settings(2024).klasifikasi.value;
    let band = |v: &str| k.classify(d(v)).map(|b| b.id.as_str());
    assert_eq!(band("90"), Some("baik"));
    assert_eq!(band("90.00"), Some("baik"));
    assert_eq!(band("90.001"), Some("sangat_baik"));
    assert_eq!(band("80"), Some("belum"));
    assert_eq!(band("80.01"), Some("baik"));
    let ranges: Vec<String> = k.bands.iter().map(|b| b.range_text()).collect();
    assert_eq!(ranges, ["90 <..", "80 <..= 90", "..= 80"]);

    // `..< 90` then `90 <..` leaves 90 itself in no band: said as such.
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\nklasifikasi {\n  90 <.. \"Sangat Baik\" sangat_baik hijau\n  80 <..< 90 \"Baik\" baik biru\n  ..= 80 \"Belum\" belum merah\n}\n",
    );
    let warnings = sakip_rules::load_rule_set(&dir).unwrap().warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].code, Code::BandGap);
    assert!(warnings[0].to_string().contains("of exactly 90"), "{}", warnings[0]);

    // A band that starts above a bound and ends at it holds nothing.
    let errors = sakip_rules::check_paths(std::slice::from_ref(&dir)).errors;
    assert!(errors.iter().all(|e| e.code != Code::BandRange), "{errors:?}");
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\nklasifikasi {\n  90 <..= 90 \"Baik\" baik biru\n}\n",
    );
    let errors = sakip_rules::check_paths(std::slice::from_ref(&dir)).errors;
    assert!(errors.iter().any(|e| e.code == Code::BandRange), "{errors:?}");
}

/// `tidak diukur`: a realisasi not measured this year, with its reason or
/// without; it cannot also give values or a printed capaian.
#[test]
fn a_realisasi_may_be_not_measured() {
    let dir = scratch("tidak-diukur");
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\nsasaran S strategis \"S\" {\n  indikator a \"A\" { satuan % }\n  indikator b \"B\" { satuan % }\n}\n",
    );
    write(
        &dir,
        "unit/satker.sakip",
        "satker u \"U\"\nberdasarkan \"../n.sakip\"\nperjanjian 2023 { target a = 80  target b = 80 }\n",
    );
    write(
        &dir,
        "unit/realisasi-2023.sakip",
        "realisasi 2023 {\n  a tidak diukur \"survei tidak dilaksanakan\"\n  b tidak diukur\n}\n",
    );
    let unit = sakip_rules::load_unit(&dir.join("unit")).unwrap();
    let data = &unit.data[&2023];
    let said: Vec<(&str, Option<Option<&str>>)> = data
        .realisasi
        .iter()
        .map(|e| {
            assert!(e.values.is_empty());
            (
                e.indicator.as_str(),
                e.tidak_diukur.as_ref().map(|t| t.alasan.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        said,
        [("a", Some(Some("survei tidak dilaksanakan"))), ("b", Some(None))]
    );
    for wrong in [
        "realisasi 2023 {\n  a tidak diukur dicetak 50%\n}\n",
        "realisasi 2023 {\n  a tidak diukur = 5\n}\n",
        "realisasi 2023 {\n  a = 5 tidak diukur\n}\n",
    ] {
        assert!(parse_str(wrong).is_err(), "{wrong}");
    }
    write(
        &dir,
        "unit/realisasi-2023.sakip",
        "realisasi 2023 {\n  a tidak diukur\n  a = 50%\n}\n",
    );
    let errors = sakip_rules::check_paths(&[dir.join("unit")]).errors;
    assert!(errors.iter().any(|e| e.code == Code::RealisasiTwice), "{errors:?}");
}

/// `indikator <id>` in an agreement: measured without a target, for a score
/// whose `rumus capaian` reads none; one whose capaian needs a target is an
/// error where it is written. A formula replaced by a later one (`mulai`)
/// is not asked to read what the agreement no longer measures.
#[test]
fn an_agreement_may_list_an_indikator_without_a_target() {
    let dir = scratch("pk-indikator");
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\nsasaran S output \"S\" {\n  indikator skor \"Skor\" {\n    satuan nilai\n    rumus realisasi = 0.5 * lama.realisasi\n    rumus realisasi mulai 2024 = 0.5 * baru.realisasi\n    rumus capaian = realisasi\n  }\n  indikator lama \"Lama\" { satuan nilai  rumus capaian = realisasi }\n  indikator baru \"Baru\" { satuan nilai  rumus capaian = realisasi }\n  indikator rasio \"Rasio\" { satuan % }\n}\n",
    );
    write(
        &dir,
        "unit/satker.sakip",
        "satker u \"U\"\nberdasarkan \"../n.sakip\"\nperjanjian 2024 {\n  indikator skor\n  target rasio = 80\n  indikator baru\n}\n",
    );
    let unit = sakip_rules::load_unit(&dir.join("unit")).unwrap();
    assert!(
        unit.warnings.is_empty(),
        "the 2024 formula reads `baru` only: {:?}",
        unit.warnings
    );
    assert_eq!(
        unit.rules.perjanjian(2024).unwrap().indikator,
        ["skor", "rasio", "baru"]
    );
    // The same agreement a year earlier: the first formula is in force and reads `lama`.
    let text = std::fs::read_to_string(dir.join("unit/satker.sakip")).unwrap();
    write(&dir, "unit/satker.sakip", &text.replace("2024", "2023"));
    let errors = sakip_rules::check_paths(&[dir.join("unit")]).errors;
    let reads: Vec<String> = errors
        .iter()
        .filter(|e| e.code == Code::ReferenceOtherYear)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(reads.len(), 1, "{errors:?}");
    assert!(reads[0].contains("`lama`"), "{reads:?}");
    // An indikator whose capaian needs a target cannot be listed without one.
    write(
        &dir,
        "unit/satker.sakip",
        "satker u \"U\"\nberdasarkan \"../n.sakip\"\nperjanjian 2024 {\n  indikator rasio\n}\n",
    );
    let errors = sakip_rules::check_paths(&[dir.join("unit")]).errors;
    let missing: Vec<String> = errors
        .iter()
        .filter(|e| e.code == Code::TargetMissing)
        .map(|e| e.location_text())
        .collect();
    assert_eq!(missing.len(), 1, "{errors:?}");
    assert!(missing[0].ends_with("satker.sakip:4:13"), "{missing:?}");
    // Listed by a target and again by an `indikator` line: once too many.
    write(
        &dir,
        "unit/satker.sakip",
        "satker u \"U\"\nberdasarkan \"../n.sakip\"\nperjanjian 2024 {\n  target rasio = 80\n  indikator rasio\n}\n",
    );
    let errors = sakip_rules::check_paths(&[dir.join("unit")]).errors;
    let twice: Vec<String> = errors
        .iter()
        .filter(|e| e.code == Code::TargetTwice)
        .map(|e| e.location_text())
        .collect();
    assert_eq!(twice.len(), 1, "{errors:?}");
    assert!(twice[0].ends_with("satker.sakip:5:13"), "{twice:?}");
}

/// `komponen`: an input of a composite, read and shown, with no target and
/// no capaian; a target or a `rumus capaian` on one is an error, as it
/// would be ignored.
#[test]
fn a_komponen_has_no_target_and_no_capaian() {
    let dir = scratch("komponen");
    let rules = |part: &str| {
        format!("aturan nasional n \"N\"\nsasaran S output \"S\" {{\n  indikator bagian \"Bagian\" {{\n    satuan nilai\n    komponen\n{part}  }}\n}}\n")
    };
    write(&dir, "n.sakip", &rules(""));
    let loaded = sakip_rules::load_rule_set(&dir).unwrap();
    assert!(loaded.rules.indikator("bagian").unwrap().komponen);
    for (extra, what) in [
        ("    target 2024 = 90\n", "a target"),
        ("    rumus capaian = realisasi\n", "a rumus capaian"),
    ] {
        write(&dir, "n.sakip", &rules(extra));
        let errors = sakip_rules::check_paths(std::slice::from_ref(&dir)).errors;
        let said: Vec<String> = errors
            .iter()
            .filter(|e| e.code == Code::KomponenCapaian)
            .map(|e| format!("{} {}", e.location_text(), e))
            .collect();
        assert_eq!(said.len(), 1, "{errors:?}");
        assert!(said[0].contains("n.sakip:5:5"), "{said:?}");
        assert!(said[0].contains(what), "{said:?}");
    }
}

/// `capaian sasaran|jenjang rata [bobot] [maks N] [mentah] [mulai Y]`,
/// `pembulatan sasaran`, and `harap sasaran`: read, lowered by year, once
/// per year, and formatted back.
#[test]
fn a_rule_set_states_how_a_sasaran_and_a_tier_are_figured() {
    use sakip_core::model::Gabungan;
    let dir = scratch("gabungan");
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\ncapaian sasaran rata\ncapaian sasaran rata bobot maks 100 mentah mulai 2024\ncapaian jenjang rata maks 120\npembulatan sasaran bulat 2\nsasaran S strategis \"S\" { indikator a \"A\" { satuan % } }\nuji \"u\" 2023 { a = 5 harap sasaran S capaian 5 \"B\" }\n",
    );
    let loaded = sakip_rules::load_rule_set(&dir).unwrap();
    let s = |y| loaded.rules.settings(y).capaian_sasaran.value;
    let plain = Gabungan {
        berbobot: false,
        maks: None,
        mentah: false,
    };
    assert_eq!(s(2023), Some(plain));
    assert_eq!(
        s(2024),
        Some(Gabungan {
            berbobot: true,
            maks: Some(d("100")),
            mentah: true
        })
    );
    assert_eq!(
        loaded.rules.settings(2023).capaian_jenjang.value,
        Some(Gabungan {
            maks: Some(d("120")),
            ..plain
        })
    );
    assert_eq!(loaded.rules.settings(2023).sasaran_rounding().to_string(), "bulat 2");
    let text = std::fs::read_to_string(dir.join("n.sakip")).unwrap();
    let formatted = sakip_rules::format::format(&text, &parse_str(&text).unwrap());
    assert!(
        formatted.contains("capaian sasaran rata bobot maks 100 mentah mulai 2024\n"),
        "{formatted}"
    );
    assert!(formatted.contains("harap sasaran S capaian 5 \"B\""), "{formatted}");
    // Twice for the same years: an error, as for every setting.
    write(
        &dir,
        "n.sakip",
        "aturan nasional n \"N\"\ncapaian sasaran rata\ncapaian sasaran rata bobot\n",
    );
    let errors = sakip_rules::check_paths(std::slice::from_ref(&dir)).errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, Code::SettingTwice);
}

//! `why`'s parts always add up to the change: on every indicator of the
//! shipped unit's years, and on generated units whose targets, realisasi,
//! cap, rounding and formula all change between two years.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use camino::Utf8PathBuf;
use rust_decimal::Decimal;
use sakip_engine::why::{between, Why};

fn repo() -> Utf8PathBuf {
    Utf8PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every change whose two ends exist: the parts are all there and add up.
fn adds_up(w: &Why) -> usize {
    let mut n = 0;
    for c in w.indicators.iter().chain(w.nilai.iter()) {
        let (Some(a), Some(b)) = (c.from, c.to) else { continue };
        let parts: Option<Vec<Decimal>> = c.parts.iter().map(|p| p.part).collect();
        let Some(parts) = parts else { continue };
        let sum: Decimal = parts.iter().sum();
        assert_eq!(sum, b - a, "{}: {:?}", c.id, c.parts);
        n += 1;
    }
    n
}

#[test]
fn the_parts_add_up_on_the_shipped_unit() {
    let dir = repo().join("examples/lapas-sarolangun-rawas");
    let mut n = 0;
    for (from, to) in [(2021, 2022), (2022, 2023), (2021, 2023), (2023, 2021)] {
        let w = between(&dir, from, to, None).unwrap();
        n += adds_up(&w);
    }
    assert!(n > 100, "{n} changes checked");
    // A factor that did not change has no part: iku_ikm_hukum's target is
    // 77.5 in both 2022 and 2023; the cap is 120 in both.
    let w = between(&dir, 2022, 2023, Some("iku_ikm_hukum")).unwrap();
    let part = |f: &str| {
        w.indicators[0]
            .parts
            .iter()
            .find(|p| p.factor == f)
            .unwrap()
            .part
            .unwrap()
    };
    assert_eq!(part("target"), Decimal::ZERO);
    assert_eq!(part("cap"), Decimal::ZERO);
    assert!(part("realisasi") > Decimal::ZERO);
}

/// The generated figures: from sakip-bench's deterministic generator.
struct Rng(sakip_bench::Rng);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn figure(&mut self) -> Decimal {
        Decimal::new(i64::try_from(self.next() % 20_000).unwrap() + 1, 2)
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[usize::try_from(self.next()).unwrap() % from.len()]
    }
}

#[test]
fn the_parts_add_up_whatever_changes() {
    let mut rng = Rng(sakip_bench::Rng(11));
    let mut n = 0;
    for case in 0..24 {
        let dir = Utf8PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("why-gen-{case}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("n")).unwrap();
        std::fs::create_dir_all(dir.join("u")).unwrap();
        let rounding = |r: &mut Rng| format!("{} {}", r.pick(&["potong", "bulat"]), r.next() % 3);
        let mut rules = format!(
            "aturan nasional n \"N\"\npembulatan capaian {}\npembulatan capaian {} mulai 2023\nkonversi efisiensi {}\nkonversi efisiensi {} mulai 2023\nsasaran S strategis \"S\" {{\n",
            rounding(&mut rng),
            rounding(&mut rng),
            100 + rng.next() % 30,
            100 + rng.next() % 30,
        );
        let mut agreement = String::from("satker u \"U\"\nberdasarkan \"../n\"\n");
        let mut data = String::new();
        for year in [2022, 2023] {
            agreement.push_str(&format!("perjanjian {year} {{\n"));
            data.push_str(&format!("realisasi {year} {{\n"));
            for i in 0..6 {
                agreement.push_str(&format!("  target i{i} = {}\n", rng.figure()));
                data.push_str(&format!("  i{i} = {}\n", rng.figure()));
            }
            agreement.push_str("}\n");
            data.push_str("}\n");
        }
        for i in 0..6 {
            let polaritas = rng.pick(&["naik", "turun"]);
            let formula = match rng.next() % 3 {
                0 => String::new(),
                1 => "    rumus capaian mulai 2023 = realisasi / target * 90\n".to_string(),
                _ => "    rumus capaian = min(realisasi / target * 100, 110)\n".to_string(),
            };
            rules.push_str(&format!(
                "  indikator i{i} \"I{i}\" {{\n    satuan %\n    polaritas {polaritas}\n{formula}  }}\n"
            ));
        }
        rules.push_str("}\n");
        std::fs::write(dir.join("n/n.sakip"), rules).unwrap();
        std::fs::write(dir.join("u/satker.sakip"), agreement).unwrap();
        std::fs::write(dir.join("u/realisasi.sakip"), data).unwrap();
        let w = between(&dir.join("u"), 2022, 2023, None).unwrap_or_else(|e| panic!("{case}: {:?}", e[0].message));
        n += adds_up(&w);
    }
    assert!(n > 100, "{n} changes checked");
}

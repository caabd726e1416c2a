//! The evaluation of small rule sets built in code, one rule per test.

use super::*;
use crate::agregasi::Agregasi;
use crate::data::RealisasiEntry;
use crate::diagnostic::Severity;
use crate::formula::{BinOp, Expr};
use crate::host::NoScripts;
use crate::klasifikasi::{Band, Bound, Klasifikasi};
use crate::model::Tier;
use crate::model::{InForce, Perjanjian, Quantity, Ruled, Rumus, Sasaran, Target, TingkatAturan};
use crate::periode::Periode;
use crate::polaritas::Polaritas;
use crate::satuan::Satuan;
use rust_decimal_macros::dec;

fn indikator(id: &str, tier: Tier, satuan: &str) -> Indikator {
    Indikator {
        id: id.into(),
        name: format!("Indikator {id}"),
        tier,
        sasaran: "S1".into(),
        satuan: Satuan::new(satuan),
        polaritas: Polaritas::Naik,
        agregasi: None,
        jenis_periode: None,
        targets: vec![],
        rumus_realisasi: vec![],
        rumus_capaian: vec![],
        bobot: None,
        dasar: vec![],
        induk: None,
        sama_dengan: None,
        komponen: false,
        skala: None,
        dari_satker: None,
        defined_by: "test".into(),
        origin: None,
    }
}

fn target(year: u16, value: Decimal, tingkat: TingkatAturan) -> Target {
    Target {
        year,
        value: Quantity::plain(value),
        periode: Vec::new(),
        tingkat,
        source: tingkat.keyword().into(),
        dasar: None,
        origin: None,
    }
}

fn bands() -> Klasifikasi {
    let b = |id: &str, lo: Option<Decimal>, hi: Option<(Decimal, bool)>| Band {
        id: id.into(),
        label: id.into(),
        colour: "#000000".into(),
        lower: lo.map(|value| Bound { value, inclusive: true }),
        upper: hi.map(|(value, inclusive)| Bound { value, inclusive }),
    };
    Klasifikasi {
        bands: vec![
            b("excellent", Some(dec!(100)), Some((dec!(120), true))),
            b("good", Some(dec!(80)), Some((dec!(100), false))),
            b("low", None, Some((dec!(80), false))),
        ],
    }
}

/// A rule set whose PK for 2022 lists `inds` with the given unit targets.
fn rules(inds: Vec<(Indikator, Decimal)>) -> RuleSet {
    let mut r = RuleSet {
        konversi_efisiensi: InForce::new(Ruled::default_rule(Some(dec!(120)))),
        klasifikasi: InForce::new(Ruled::default_rule(bands())),
        ..RuleSet::default()
    };
    r.sasaran.push(Sasaran {
        code: "S1".into(),
        tier: Tier::Strategis,
        name: "Sasaran".into(),
        origin: None,
    });
    let mut ids = vec![];
    for (mut i, t) in inds {
        i.targets.push(target(2022, t, TingkatAturan::Satker));
        ids.push(i.id.clone());
        r.indikator.push(i);
    }
    r.perjanjian.push(Perjanjian {
        year: 2022,
        dasar: vec![],
        indikator: ids,
        anggaran: vec![],
        origin: None,
    });
    r
}

/// (indicator, period values, printed capaian)
type Entry<'a> = (&'a str, Vec<(Periode, Decimal)>, Option<Decimal>);

fn data(values: &[Entry<'_>]) -> UnitData {
    let mut d = UnitData::new(2022);
    for (id, vals, printed) in values {
        d.realisasi.push(RealisasiEntry {
            indicator: (*id).into(),
            values: vals.iter().map(|(p, v)| (*p, Quantity::plain(*v))).collect(),
            printed_capaian: *printed,
            tidak_diukur: None,
            origin: None,
        });
    }
    d
}

fn year(v: Decimal) -> Vec<(Periode, Decimal)> {
    vec![(Periode::Tahun, v)]
}

fn codes(ev: &Evaluation) -> Vec<Code> {
    ev.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn capaian_is_capped_rounded_and_classified() {
    let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
    let ev = evaluate(&r, &data(&[("a", year(dec!(100)), None)]), &NoScripts);
    let a = &ev.indicators[0];
    assert_eq!(a.capaian_raw, Some(dec!(125)));
    assert_eq!(a.capaian.unwrap().to_string(), "120.00");
    assert_eq!(a.band.as_ref().unwrap().id, "excellent");
    assert!(a.trace.iter().any(|s| s.label == "konversi"));
}

#[test]
fn truncation_decides_the_band_at_the_edge() {
    // 99.995% truncated is 99.99: "good", not "excellent".
    let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(20000))]);
    let ev = evaluate(&r, &data(&[("a", year(dec!(19999)), None)]), &NoScripts);
    assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "99.99");
    assert_eq!(ev.indicators[0].band.as_ref().unwrap().id, "good");
}

#[test]
fn half_up_rounding_moves_the_same_figure_into_the_next_band() {
    let mut r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(20000))]);
    r.pembulatan_capaian.set(
        None,
        Ruled::default_rule(crate::pembulatan::Rounding::new(
            crate::pembulatan::RoundingMode::HalfUp,
            2,
        )),
    );
    let ev = evaluate(&r, &data(&[("a", year(dec!(19999)), None)]), &NoScripts);
    assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "100.00");
    assert_eq!(ev.indicators[0].band.as_ref().unwrap().id, "excellent");
}

#[test]
fn without_a_cap_a_capaian_above_the_table_has_no_band() {
    let mut r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(100))]);
    r.konversi_efisiensi.set(None, Ruled::default_rule(None));
    let ev = evaluate(&r, &data(&[("a", year(dec!(120.01)), None)]), &NoScripts);
    assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "120.01");
    assert_eq!(ev.indicators[0].band, None);
    assert_eq!(codes(&ev)[0], Code::BandMissing);
}

#[test]
fn rules_without_a_klasifikasi_say_so_once_not_per_indikator() {
    let mut r = rules(vec![
        (indikator("a", Tier::Strategis, "%"), dec!(100)),
        (indikator("b", Tier::Strategis, "%"), dec!(100)),
    ]);
    r.klasifikasi
        .set(None, Ruled::default_rule(crate::klasifikasi::Klasifikasi::default()));
    let d = data(&[("a", year(dec!(80)), None), ("b", year(dec!(90)), None)]);
    let ev = evaluate(&r, &d, &NoScripts);
    assert!(ev.indicators.iter().all(|i| i.band.is_none()));
    let found = codes(&ev);
    assert_eq!(
        found.iter().filter(|c| **c == Code::KlasifikasiNone).count(),
        1,
        "{found:?}"
    );
    assert!(!found.contains(&Code::BandMissing), "{found:?}");
}

#[test]
fn a_zero_target_has_a_defined_capaian_and_says_so() {
    let r = rules(vec![(indikator("a", Tier::Output, "layanan"), dec!(0))]);
    let ev = evaluate(&r, &data(&[("a", year(dec!(0)), None)]), &NoScripts);
    assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "100.00");
    assert_eq!(codes(&ev)[0], Code::TargetZero);
    let mut turun = indikator("b", Tier::Output, "%");
    turun.polaritas = Polaritas::Turun;
    let r = rules(vec![(turun, dec!(0))]);
    let ev = evaluate(&r, &data(&[("b", year(dec!(2)), None)]), &NoScripts);
    assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "0.00");
}

#[test]
fn missing_realisasi_is_a_warning_and_leaves_capaian_empty() {
    let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
    let ev = evaluate(&r, &UnitData::new(2022), &NoScripts);
    assert_eq!(ev.indicators[0].capaian, None);
    assert_eq!(codes(&ev), vec![Code::RealisasiMissing, Code::AnggaranMissing]);
    assert!(!ev.has_errors());
}

#[test]
fn missing_target_is_an_error() {
    let mut r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
    r.indikator[0].targets.clear();
    let ev = evaluate(&r, &data(&[("a", year(dec!(10)), None)]), &NoScripts);
    assert!(ev.has_errors());
    assert_eq!(ev.diagnostics[0].code, Code::TargetMissing);
    assert_eq!(ev.diagnostics[0].indicator.as_deref(), Some("a"));
}

#[test]
fn period_values_are_aggregated_by_the_rule() {
    let mut i = indikator("a", Tier::Output, "orang");
    i.agregasi = Some(Agregasi::Sum);
    let r = rules(vec![(i, dec!(288))]);
    let q = vec![
        (Periode::Tw1, dec!(70)),
        (Periode::Tw2, dec!(74)),
        (Periode::Tw3, dec!(72)),
        (Periode::Tw4, dec!(72)),
    ];
    let ev = evaluate(&r, &data(&[("a", q, None)]), &NoScripts);
    assert_eq!(ev.indicators[0].realisasi, Some(dec!(288)));
    assert_eq!(ev.indicators[0].capaian.unwrap().to_string(), "100.00");
}

#[test]
fn periods_without_an_aggregation_rule_are_an_error() {
    let r = rules(vec![(indikator("a", Tier::Output, "orang"), dec!(288))]);
    let q = vec![(Periode::Smt1, dec!(100)), (Periode::Smt2, dec!(100))];
    let ev = evaluate(&r, &data(&[("a", q, None)]), &NoScripts);
    assert_eq!(codes(&ev)[0], Code::AgregasiMissing);
    let mixed = vec![(Periode::Smt1, dec!(100)), (Periode::Tw3, dec!(100))];
    let ev = evaluate(&r, &data(&[("a", mixed, None)]), &NoScripts);
    assert_eq!(codes(&ev)[0], Code::PeriodMix);
}

#[test]
fn a_realisasi_with_no_value_is_an_error() {
    // The readers never build one; a library caller could.
    let r = rules(vec![(indikator("a", Tier::Output, "orang"), dec!(288))]);
    let ev = evaluate(&r, &data(&[("a", vec![], None)]), &NoScripts);
    assert_eq!(codes(&ev)[0], Code::RealisasiEmpty);
    assert_eq!(ev.indicators[0].realisasi, None);
}

#[test]
fn a_formula_cycle_is_an_error_not_a_stack_overflow() {
    let reference = |id: &str| Expr::Ref {
        indicator: id.into(),
        field: crate::formula::Field::Realisasi,
    };
    let mut a = indikator("a", Tier::Strategis, "%");
    a.rumus_realisasi.push(Rumus {
        from_year: None,
        expr: reference("b"),
        origin: None,
    });
    let mut b = indikator("b", Tier::Strategis, "%");
    b.rumus_realisasi.push(Rumus {
        from_year: None,
        expr: reference("a"),
        origin: None,
    });
    let r = rules(vec![(a, dec!(1)), (b, dec!(1))]);
    let ev = evaluate(&r, &UnitData::new(2022), &NoScripts);
    let cycle = ev
        .diagnostics
        .iter()
        .find(|d| d.message.render(crate::i18n::Lang::En).contains("cycle"))
        .unwrap();
    assert_eq!(cycle.code, Code::FormulaError);
    assert!(
        cycle
            .message
            .render(crate::i18n::Lang::En)
            .contains("`a` -> `b` -> `a`"),
        "{}",
        cycle.message.render(crate::i18n::Lang::En)
    );
}

#[test]
fn a_formula_in_force_from_a_year() {
    let mut a = indikator("a", Tier::Strategis, "%");
    // From 2023 on, capaian = target / realisasi * 100; 2022 keeps the default.
    a.rumus_capaian.push(Rumus {
        from_year: Some(2023),
        expr: Expr::Binary {
            op: BinOp::Mul,
            lhs: Box::new(Expr::Binary {
                op: BinOp::Div,
                lhs: Box::new(Expr::Own(crate::formula::Field::Target)),
                rhs: Box::new(Expr::Own(crate::formula::Field::Realisasi)),
            }),
            rhs: Box::new(Expr::Number(dec!(100))),
        },
        origin: None,
    });
    a.targets.push(target(2023, dec!(40), TingkatAturan::Satker));
    let mut r = rules(vec![(a, dec!(40))]);
    r.perjanjian.push(Perjanjian {
        year: 2023,
        dasar: vec![],
        indikator: vec!["a".into()],
        anggaran: vec![],
        origin: None,
    });
    let ev22 = evaluate(&r, &data(&[("a", year(dec!(50)), None)]), &NoScripts);
    assert_eq!(ev22.indicators[0].capaian_raw, Some(dec!(125)));
    let mut d23 = data(&[("a", year(dec!(50)), None)]);
    d23.year = 2023;
    let ev23 = evaluate(&r, &d23, &NoScripts);
    assert_eq!(ev23.indicators[0].capaian_raw, Some(dec!(80)));
}

#[test]
fn division_by_zero_in_a_formula_is_reported() {
    let mut a = indikator("a", Tier::Strategis, "%");
    a.rumus_capaian.push(Rumus {
        from_year: None,
        expr: Expr::Binary {
            op: BinOp::Div,
            lhs: Box::new(Expr::Own(crate::formula::Field::Target)),
            rhs: Box::new(Expr::Own(crate::formula::Field::Realisasi)),
        },
        origin: None,
    });
    let r = rules(vec![(a, dec!(5))]);
    let ev = evaluate(&r, &data(&[("a", year(dec!(0)), None)]), &NoScripts);
    assert_eq!(ev.indicators[0].capaian, None);
    assert_eq!(ev.diagnostics[0].code, Code::FormulaError);
    assert!(ev.diagnostics[0]
        .message
        .render(crate::i18n::Lang::En)
        .contains("division by zero"));
}

#[test]
fn same_indicator_at_two_tiers_with_two_realisasi() {
    let a = indikator("iku", Tier::Strategis, "indeks");
    let mut b = indikator("ikp", Tier::Program, "indeks");
    b.name = "Another name".into();
    b.sama_dengan = Some("iku".into());
    let r = rules(vec![(a, dec!(75)), (b, dec!(75))]);
    let ev = evaluate(
        &r,
        &data(&[("iku", year(dec!(30)), None), ("ikp", year(dec!(35)), None)]),
        &NoScripts,
    );
    let d = ev.diagnostics.iter().find(|d| d.code == Code::TierRealisasi).unwrap();
    assert_eq!(d.indicator.as_deref(), Some("ikp"));
    // Equal realisasi: nothing to say.
    let ev = evaluate(
        &r,
        &data(&[("iku", year(dec!(30)), None), ("ikp", year(dec!(30)), None)]),
        &NoScripts,
    );
    assert!(!codes(&ev).contains(&Code::TierRealisasi));
}

#[test]
fn printed_capaian_is_compared() {
    let r = rules(vec![(indikator("a", Tier::Program, "indeks"), dec!(75))]);
    let ev = evaluate(&r, &data(&[("a", year(dec!(35)), Some(dec!(45)))]), &NoScripts);
    let d = &ev.diagnostics[0];
    assert_eq!((d.code, d.severity), (Code::PrintedCapaian, Severity::Warning));
    assert!(
        d.message.render(crate::i18n::Lang::En).contains("46.66"),
        "{}",
        d.message.render(crate::i18n::Lang::En)
    );
    let ev = evaluate(&r, &data(&[("a", year(dec!(35)), Some(dec!(46.66)))]), &NoScripts);
    assert!(!codes(&ev).contains(&Code::PrintedCapaian));
}

#[test]
fn unit_target_against_national_target() {
    let mut a = indikator("a", Tier::Strategis, "indeks");
    a.targets.push(target(2022, dec!(70), TingkatAturan::Nasional));
    let r = rules(vec![(a, dec!(65))]);
    let ev = evaluate(&r, &data(&[("a", year(dec!(65)), None)]), &NoScripts);
    let d = ev.diagnostics.iter().find(|d| d.code == Code::TargetNational).unwrap();
    assert_eq!(d.severity, Severity::Warning, "below the national target");
    assert_eq!(
        ev.indicators[0].target,
        Some(dec!(65)),
        "the unit's own target is in force"
    );
    assert_eq!(ev.indicators[0].national_target, Some(dec!(70)));
}

#[test]
fn no_perjanjian_for_the_year() {
    let r = rules(vec![(indikator("a", Tier::Strategis, "%"), dec!(80))]);
    let ev = evaluate(&r, &UnitData::new(2030), &NoScripts);
    assert!(ev.indicators.is_empty());
    assert_eq!(ev.diagnostics[0].code, Code::PerjanjianMissing);
}

#[test]
fn evaluation_is_deterministic() {
    let r = rules(vec![
        (indikator("a", Tier::Strategis, "%"), dec!(80)),
        (indikator("b", Tier::Program, "%"), dec!(7)),
    ]);
    let d = data(&[("a", year(dec!(40)), Some(dec!(50))), ("b", year(dec!(3)), None)]);
    assert_eq!(evaluate(&r, &d, &NoScripts), evaluate(&r, &d, &NoScripts));
}

/// A score that is the number of indicators the script is given.
struct CountsIndicators;

impl ScriptHost for CountsIndicators {
    fn has_function(&self, name: &str) -> bool {
        name == "nilai_satker"
    }

    fn nilai_satker(
        &self,
        hasil: &[crate::host::HasilIndikator<'_>],
    ) -> Result<Option<crate::host::Hooked<'_, Decimal>>, HookError> {
        Ok(Some(crate::host::Hooked {
            value: Decimal::from(hasil.len()),
            source: "count",
            origin: None,
        }))
    }
}

#[test]
fn a_realisasi_not_measured_is_not_missing_and_counts_in_no_mean() {
    let mut reads = indikator("b", Tier::Strategis, "%");
    reads.rumus_realisasi.push(Rumus {
        from_year: None,
        expr: Expr::Ref {
            indicator: "a".into(),
            field: crate::formula::Field::Realisasi,
        },
        origin: None,
    });
    let r = rules(vec![
        (indikator("a", Tier::Strategis, "%"), dec!(80)),
        (reads, dec!(80)),
        (indikator("c", Tier::Strategis, "%"), dec!(80)),
    ]);
    let mut d = data(&[("c", year(dec!(80)), None)]);
    d.realisasi.push(RealisasiEntry {
        indicator: "a".into(),
        values: vec![],
        printed_capaian: None,
        tidak_diukur: Some(crate::data::TidakDiukur {
            alasan: Some("survei tidak dilaksanakan".into()),
        }),
        origin: None,
    });
    let ev = evaluate(&r, &d, &CountsIndicators);
    let a = ev.indicator("a").unwrap();
    assert_eq!((a.realisasi, a.capaian, &a.band), (None, None, &None));
    assert_eq!(
        a.tidak_diukur.as_ref().and_then(|t| t.alasan.as_deref()),
        Some("survei tidak dilaksanakan")
    );
    // Said once, as information, and never as missing.
    let about_a: Vec<(Code, Severity)> = ev
        .diagnostics
        .iter()
        .filter(|x| x.indicator.as_deref() == Some("a"))
        .map(|x| (x.code, x.severity))
        .collect();
    assert_eq!(about_a, vec![(Code::TidakDiukur, Severity::Info)]);
    // A formula that reads it says why it has nothing to read.
    let b = ev.indicator("b").unwrap();
    assert_eq!(b.realisasi, None);
    assert!(b.tidak_diukur.is_none(), "b is measured by its formula, which failed");
    let why = ev
        .diagnostics
        .iter()
        .find(|x| x.indicator.as_deref() == Some("b"))
        .map(|x| x.message.render(crate::i18n::Lang::En))
        .unwrap();
    assert!(why.contains("not measured in 2022"), "{why}");
    // The score is given the two indicators that were measured, not three.
    assert_eq!(ev.nilai.map(|n| n.value), Some(dec!(2)));
}

/// A score that is its own capaian (`rumus capaian = realisasi`: NKA, IKPA
/// and their parts) needs no target; a formula that reads one still does.
#[test]
fn a_capaian_formula_that_reads_no_target_needs_none() {
    let own = |field| Expr::Own(field);
    let mut score = indikator("score", Tier::Output, "nilai");
    score.rumus_capaian.push(Rumus {
        from_year: None,
        expr: own(crate::formula::Field::Realisasi),
        origin: None,
    });
    let mut ratio = indikator("ratio", Tier::Output, "nilai");
    ratio.rumus_capaian.push(Rumus {
        from_year: None,
        expr: Expr::Binary {
            op: BinOp::Div,
            lhs: Box::new(own(crate::formula::Field::Realisasi)),
            rhs: Box::new(own(crate::formula::Field::Target)),
        },
        origin: None,
    });
    let mut r = rules(vec![(score, dec!(1)), (ratio, dec!(1))]);
    for i in &mut r.indikator {
        i.targets.clear();
    }
    let ev = evaluate(
        &r,
        &data(&[("score", year(dec!(93.05)), None), ("ratio", year(dec!(5)), None)]),
        &NoScripts,
    );
    let score = ev.indicator("score").unwrap();
    assert_eq!((score.target, score.capaian), (None, Some(dec!(93.05))));
    assert_eq!(score.band.as_ref().map(|b| b.id.as_str()), Some("good"));
    assert!(
        score.trace.iter().any(|s| s.label == "target"),
        "the trace says why there is no target"
    );
    assert_eq!(ev.indicator("ratio").unwrap().capaian, None);
    let missing: Vec<&str> = ev
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TargetMissing)
        .filter_map(|d| d.indicator.as_deref())
        .collect();
    assert_eq!(missing, ["ratio"]);
}

/// A composite's input (`komponen`): its realisasi is read, it has no
/// target and no capaian (and says nothing is missing), and it is left out
/// of the unit's score and of the rollup's figures.
#[test]
fn a_komponen_is_read_but_not_assessed() {
    let mut part = indikator("part", Tier::Output, "nilai");
    part.komponen = true;
    let mut total = indikator("total", Tier::Output, "nilai");
    total.rumus_realisasi.push(Rumus {
        from_year: None,
        expr: Expr::Binary {
            op: BinOp::Mul,
            lhs: Box::new(Expr::Number(dec!(0.5))),
            rhs: Box::new(Expr::Ref {
                indicator: "part".into(),
                field: crate::formula::Field::Realisasi,
            }),
        },
        origin: None,
    });
    let mut r = rules(vec![(part, dec!(1)), (total, dec!(50))]);
    r.indikator[0].targets.clear();
    let ev = evaluate(&r, &data(&[("part", year(dec!(96.14)), None)]), &CountsIndicators);
    let part = ev.indicator("part").unwrap();
    assert!(part.komponen);
    assert_eq!(
        (part.realisasi, part.target, part.capaian, &part.band),
        (Some(dec!(96.14)), None, None, &None)
    );
    assert_eq!(ev.indicator("total").unwrap().realisasi, Some(dec!(48.070)));
    assert!(
        ev.diagnostics.iter().all(|d| d.indicator.as_deref() != Some("part")),
        "{:?}",
        ev.diagnostics
    );
    assert_eq!(
        ev.nilai.as_ref().map(|n| n.value),
        Some(dec!(1)),
        "the score is given `total` only"
    );
    let counted: Vec<&str> = crate::rekap::figures_of(&ev).map(|f| f.id).collect();
    assert_eq!(counted, ["total"]);
}

/// "Rata-rata capaian kinerja sasaran 53.30": the mean of the printed
/// capaian, (87.92 + 18.67) / 2 = 53.295, half up to 53.30 while each
/// capaian is cut; weighted by `bobot` and capped per item for the tier;
/// from the unrounded capaian when asked; empty, and said, when one
/// indikator has none; without the parts, inputs and unmeasured ones.
#[test]
fn a_sasaran_and_a_tier_have_the_capaian_the_rules_state() {
    use crate::model::Gabungan;
    use crate::pembulatan::{Rounding, RoundingMode};
    let mut a = indikator("a", Tier::Strategis, "%");
    a.bobot = Some(dec!(3));
    let b = indikator("b", Tier::Strategis, "%");
    let mut c = indikator("c", Tier::Strategis, "%");
    c.sasaran = "S2".into();
    let mut part = indikator("part", Tier::Strategis, "%");
    part.induk = Some("a".into());
    let mut r = rules(vec![(a, dec!(75)), (b, dec!(75)), (c, dec!(50)), (part, dec!(10))]);
    r.sasaran.push(Sasaran {
        code: "S2".into(),
        tier: Tier::Strategis,
        name: "Dua".into(),
        origin: None,
    });
    r.pembulatan_sasaran = InForce::new(Ruled::default_rule(Some(Rounding::new(RoundingMode::HalfUp, 2))));
    let plain = Gabungan {
        berbobot: false,
        maks: None,
        mentah: false,
    };
    r.capaian_sasaran = InForce::new(Ruled::default_rule(Some(plain)));
    r.capaian_jenjang = InForce::new(Ruled::default_rule(Some(Gabungan {
        berbobot: true,
        maks: Some(dec!(100)),
        ..plain
    })));
    let d = data(&[
        ("a", year(dec!(65.94)), None),
        ("b", year(dec!(14.0025)), None),
        ("c", year(dec!(60)), None),
        ("part", year(dec!(1)), None),
    ]);
    let ev = evaluate(&r, &d, &NoScripts);
    let s1 = &ev.sasaran[0];
    assert_eq!(
        (s1.code.as_str(), s1.indikator.clone()),
        ("S1", vec!["a".to_string(), "b".to_string()])
    );
    assert_eq!((s1.capaian_raw, s1.capaian), (Some(dec!(53.295)), Some(dec!(53.30))));
    assert_eq!(s1.band.as_ref().map(|b| b.id.as_str()), Some("low"));
    assert_eq!(ev.sasaran[1].capaian, Some(dec!(120.00)));
    // (3 x 87.92 + 18.67 + min(120, 100)) / 5 = 76.486
    assert_eq!(ev.jenjang[0].capaian, Some(dec!(76.49)));
    // From the capaian before the rounding: 14.003 / 75 is 18.6706..., printed 18.67.
    let d2 = data(&[
        ("a", year(dec!(65.94)), None),
        ("b", year(dec!(14.003)), None),
        ("c", year(dec!(60)), None),
    ]);
    assert_eq!(evaluate(&r, &d2, &NoScripts).sasaran[0].capaian_raw, Some(dec!(53.295)));
    r.capaian_sasaran = InForce::new(Ruled::default_rule(Some(Gabungan { mentah: true, ..plain })));
    let raw = evaluate(&r, &d2, &NoScripts).sasaran[0].capaian_raw.unwrap();
    assert!(raw > dec!(53.2953) && raw < dec!(53.2954), "{raw}");
    // One indikator without a capaian: no figure, and said.
    let missing = data(&[("a", year(dec!(65.94)), None), ("c", year(dec!(60)), None)]);
    let ev = evaluate(&r, &missing, &NoScripts);
    assert_eq!(ev.sasaran[0].capaian, None);
    assert!(ev.diagnostics.iter().any(|x| x.code == Code::GabunganIncomplete));
    // Not measured: left out, not missing.
    let mut unmeasured = missing.clone();
    unmeasured.realisasi.push(RealisasiEntry {
        indicator: "b".into(),
        values: vec![],
        printed_capaian: None,
        tidak_diukur: Some(crate::data::TidakDiukur::default()),
        origin: None,
    });
    let ev = evaluate(&r, &unmeasured, &NoScripts);
    assert_eq!(ev.sasaran[0].indikator, ["a"]);
    assert_eq!(ev.sasaran[0].capaian, Some(dec!(87.92)));
    // Without the lines, nothing is computed.
    r.capaian_sasaran = InForce::new(Ruled::default_rule(None));
    r.capaian_jenjang = InForce::new(Ruled::default_rule(None));
    let ev = evaluate(&r, &d, &NoScripts);
    assert!(ev.sasaran.is_empty() && ev.jenjang.is_empty());
}

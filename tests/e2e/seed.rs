//! The seed's chapter III, row by row, against an independent transcription
//! (`tests/fixtures/seed/*.csv`) and an independent computation: integer
//! arithmetic on hundredths, no `Decimal`, no floats.

use crate::support::{eval_json, root};

/// A printed figure in hundredths: `77,5` -> 7750, `7.5%` -> 750, `1 Layanan` -> 100.
fn hundredths(printed: &str) -> (i128, Option<String>) {
    let t = printed.trim();
    let (num, unit) = match t.find(|c: char| c.is_alphabetic() || c == '%') {
        Some(i) => (t[..i].trim(), Some(t[i..].trim().trim_end_matches('%').to_lowercase())),
        None => (t, None),
    };
    let num = num.replace(',', ".");
    let (int, frac) = num.split_once('.').unwrap_or((&num, ""));
    let frac = format!("{frac:0<2}");
    assert!(frac.len() == 2, "the seed prints at most two decimals: {printed}");
    (
        int.parse::<i128>().unwrap() * 100 + frac.parse::<i128>().unwrap(),
        unit.filter(|u| !u.is_empty()),
    )
}

fn plain(h: i128) -> String {
    format!("{}.{:02}", h / 100, h % 100)
}

struct Row {
    tier: String,
    indicator: String,
    target: i128,
    realisasi: i128,
    realisasi_unit: Option<String>,
    satuan: String,
    printed: String,
}

fn rows() -> Vec<Row> {
    let mut reader = csv::Reader::from_path(root().join("tests/fixtures/seed/chapter3-indicators.csv")).unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let (realisasi, realisasi_unit) = hundredths(&r[8]);
            Row {
                tier: r[1].to_string(),
                indicator: r[5].to_string(),
                satuan: r[6].to_lowercase(),
                target: hundredths(&r[7]).0,
                realisasi,
                realisasi_unit,
                printed: r[9].to_string(),
            }
        })
        .collect()
}

fn seed_json() -> serde_json::Value {
    eval_json("examples/lapas-sarolangun-rawas", "2022")
}

fn normal(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[test]
fn every_row_matches_an_independent_transcription_and_computation() {
    let v = seed_json();
    let ours = v["indicators"].as_array().unwrap();
    let theirs = rows();
    assert_eq!(ours.len(), theirs.len());
    let mut wrong_in_report = Vec::new();
    for (o, t) in ours.iter().zip(&theirs) {
        let id = o["id"].as_str().unwrap();
        assert_eq!(o["tier"], t.tier.as_str(), "{id}: same order as Tabel 3.1-3.4");
        assert_eq!(normal(o["name"].as_str().unwrap()), normal(&t.indicator), "{id}");
        // The data files say what the report says.
        assert_eq!(hundredths(o["target"].as_str().unwrap()).0, t.target, "{id} target");
        assert_eq!(
            hundredths(o["realisasi"].as_str().unwrap()).0,
            t.realisasi,
            "{id} realisasi"
        );
        let unit = o["unit"].as_str().unwrap().to_lowercase();
        let satuan = if t.satuan == "%" {
            "%".to_string()
        } else {
            t.satuan.clone()
        };
        if t.tier != "strategis" {
            // Tabel 3.1 prints "%" for two indices; the Renstra's satuan is kept.
            assert_eq!(unit, satuan, "{id} satuan");
        }
        // Capaian: realisasi / target x 100, truncated to hundredths, in integers.
        let expected = t.realisasi * 100 * 100 / t.target;
        assert_eq!(o["capaian"].as_str().unwrap(), plain(expected), "{id} capaian");
        // Which printed figures are wrong, at the precision they were printed with.
        let (printed, _) = hundredths(&t.printed);
        let decimals = t
            .printed
            .trim_end_matches(['%', ' '])
            .split(['.', ','])
            .nth(1)
            .map_or(0, str::len);
        let step = 10i128.pow(2 - decimals as u32);
        if expected / step * step != printed {
            wrong_in_report.push(id.to_string());
        }
        if let Some(u) = &t.realisasi_unit {
            if u != &satuan && satuan != "%" {
                let flagged = v["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| d["code"] == "satuan-mismatch" && d["indicator"] == id);
                assert!(flagged, "{id}: realisasi in {u}, indicator in {satuan}");
            }
        }
    }
    let flagged: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "printed-capaian")
        .map(|d| d["indicator"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(flagged, wrong_in_report);
    assert_eq!(wrong_in_report, vec!["ikp_kamtib", "ikk_remisi"]);
}

#[test]
fn the_budget_matches_tabel_3_5() {
    let v = seed_json();
    let mut reader = csv::Reader::from_path(root().join("tests/fixtures/seed/chapter3-budget.csv")).unwrap();
    let rupiah = |s: &str| -> i128 {
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        digits.parse().unwrap()
    };
    let (mut pagu_sum, mut real_sum) = (0i128, 0i128);
    for (i, r) in reader.records().enumerate() {
        let r = r.unwrap();
        if &r[1] == "TOTAL" {
            assert!(r[2].is_empty(), "the report leaves the total empty");
            continue;
        }
        let row = &v["budget"][i];
        assert_eq!(row["name"], &r[1]);
        let (pagu, real) = (rupiah(&r[2]), rupiah(&r[3]));
        assert_eq!(row["pagu"], pagu.to_string());
        assert_eq!(row["realisasi"], real.to_string());
        pagu_sum += pagu;
        real_sum += real;
        // Half-up to hundredths in integers: (2 * 10000 * r / p + 1) / 2.
        let expected = if pagu == 0 {
            0
        } else {
            (2 * 10000 * real / pagu + 1) / 2
        };
        assert_eq!(row["penyerapan"], plain(expected), "{}", &r[1]);
    }
    assert_eq!(v["budget"].as_array().unwrap().len(), 3, "the lines, without their sum");
    let total = &v["budget_total"];
    assert_eq!(total["pagu"], pagu_sum.to_string());
    assert_eq!(total["realisasi"], real_sum.to_string());
    assert_eq!(total["penyerapan"], plain((2 * 10000 * real_sum / pagu_sum + 1) / 2));
}

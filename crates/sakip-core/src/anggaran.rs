//! The budget: pagu and realisasi per jenis belanja and per programme,
//! their totals, and penyerapan (absorption) under the rule set's budget
//! rounding.
//!
//! Defined results: a pagu of 0 with a realisasi of 0 has a penyerapan of 0
//! (the seed's Belanja Modal); a pagu of 0 with spending has none, and is an
//! error, since spending without a ceiling cannot be a percentage of it.

use crate::code::Code;
use crate::data::{BelanjaEntry, UnitData};
use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::RuleSet;
use crate::pembulatan::{percent_of, plain, Rounding};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetRow {
    pub name: String,
    pub pagu: Decimal,
    pub realisasi: Decimal,
    /// Rounded by the rule set's `pembulatan anggaran`.
    pub penyerapan: Option<Decimal>,
    pub printed_penyerapan: Option<Decimal>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anggaran {
    /// Per jenis belanja, then a `Total` row; empty when the unit gave no budget.
    pub belanja: Vec<BudgetRow>,
    /// Per programme, when the unit reports realisasi per programme.
    pub program: Vec<BudgetRow>,
    /// The budget of the Perjanjian Kinerja per programme.
    pub perjanjian: Vec<(String, Decimal)>,
}

impl Anggaran {
    pub fn total(&self) -> Option<&BudgetRow> {
        self.belanja.last().filter(|r| r.name == TOTAL)
    }
}

/// The name of the totals row the reports print. The JSON contract does
/// not use it: it gives the sum as `budget_total`.
pub const TOTAL: &str = "Total";

pub fn evaluate_anggaran(rules: &RuleSet, data: &UnitData, diagnostics: &mut Vec<Diagnostic>) -> Anggaran {
    let rounding = rules.pembulatan_anggaran.at(data.year).value;
    let mut out = Anggaran::default();
    if data.belanja.is_empty() {
        diagnostics.push(
            Diagnostic::says(
                Code::AnggaranMissing,
                Text::new("anggaran-missing").arg("year", data.year),
            )
            .help_says(Text::new("anggaran-missing-help").arg("year", data.year)),
        );
    } else {
        let mut pagu = Decimal::ZERO;
        let mut realisasi = Decimal::ZERO;
        let mut overflowed = false;
        for entry in &data.belanja {
            out.belanja.push(row(entry, rounding, diagnostics));
            match (pagu.checked_add(entry.pagu), realisasi.checked_add(entry.realisasi)) {
                (Some(p), Some(r)) => (pagu, realisasi) = (p, r),
                _ => overflowed = true,
            }
        }
        if overflowed {
            diagnostics.push(Diagnostic::says(Code::AnggaranOverflow, Text::new("anggaran-overflow")));
        } else {
            let total = BelanjaEntry {
                name: TOTAL.to_string(),
                pagu,
                realisasi,
                printed_penyerapan: None,
                origin: None,
            };
            out.belanja.push(row(&total, rounding, diagnostics));
        }
    }
    out.program = data.program.iter().map(|e| row(e, rounding, diagnostics)).collect();

    if let Some(pk) = rules.perjanjian(data.year) {
        out.perjanjian = pk.anggaran.iter().map(|p| (p.name.clone(), p.amount)).collect();
        check_perjanjian(pk, out.total(), diagnostics);
    }
    out
}

fn row(entry: &BelanjaEntry, rounding: Rounding, diagnostics: &mut Vec<Diagnostic>) -> BudgetRow {
    let penyerapan = if entry.pagu.is_zero() {
        if entry.realisasi.is_zero() {
            Some(rounding.apply(Decimal::ZERO))
        } else {
            diagnostics.push(
                Diagnostic::says(
                    Code::PaguZero,
                    Text::new("pagu-zero")
                        .arg("name", &entry.name)
                        .arg("realisasi", rupiah(entry.realisasi)),
                )
                .help_says(Text::new("pagu-zero-help"))
                .at(entry.origin.as_ref()),
            );
            None
        }
    } else {
        match percent_of(entry.realisasi, entry.pagu) {
            Some(p) => Some(rounding.apply(p)),
            None => {
                diagnostics.push(Diagnostic::says(
                    Code::AnggaranOverflow,
                    Text::new("anggaran-overflow-2").arg("name", &entry.name),
                ));
                None
            }
        }
    };
    if entry.realisasi > entry.pagu && !entry.pagu.is_zero() {
        diagnostics.push(
            Diagnostic::says(
                Code::RealisasiAbovePagu,
                Text::new("realisasi-above-pagu")
                    .arg("name", &entry.name)
                    .arg("realisasi", rupiah(entry.realisasi))
                    .arg("pagu", rupiah(entry.pagu)),
            )
            .at(entry.origin.as_ref()),
        );
    }
    if let (Some(printed), Some(computed)) = (entry.printed_penyerapan, penyerapan) {
        if let Some(d) = compare_printed(printed, computed, rounding) {
            let text = |id: &'static str| {
                Text::new(id)
                    .arg("name", &entry.name)
                    .arg("printed", plain(printed))
                    .arg("realisasi", rupiah(entry.realisasi))
                    .arg("pagu", rupiah(entry.pagu))
                    .arg("rounding", rounding)
                    .arg("computed", plain(computed))
            };
            diagnostics.push(d.into_diagnostic(
                Code::PrintedPenyerapan,
                text("printed-penyerapan"),
                text("printed-penyerapan-precision"),
                entry.origin.as_ref(),
            ));
        }
    }
    BudgetRow {
        name: entry.name.clone(),
        pagu: entry.pagu,
        realisasi: entry.realisasi,
        penyerapan,
        printed_penyerapan: entry.printed_penyerapan,
    }
}

/// A sum in rupiah, or words for one too large to add up.
fn sum_text(sum: Option<Decimal>) -> Text {
    match sum {
        Some(s) => Text::new("raw").arg("text", rupiah(s)),
        None => Text::new("sum-too-large"),
    }
}

fn check_perjanjian(pk: &crate::model::Perjanjian, total: Option<&BudgetRow>, diagnostics: &mut Vec<Diagnostic>) {
    for program in &pk.anggaran {
        if program.kegiatan.is_empty() {
            continue;
        }
        let sum = program
            .kegiatan
            .iter()
            .try_fold(Decimal::ZERO, |acc, (_, v)| acc.checked_add(*v));
        if sum != Some(program.amount) {
            diagnostics.push(
                Diagnostic::says(
                    Code::PkKegiatan,
                    Text::new("pk-kegiatan")
                        .arg("name", &program.name)
                        .arg_text("sum", sum_text(sum))
                        .arg("amount", rupiah(program.amount)),
                )
                .at(program.origin.as_ref()),
            );
        }
    }
    let Some(total) = total else { return };
    if pk.anggaran.is_empty() {
        return;
    }
    let pk_sum = pk
        .anggaran
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.amount));
    if pk_sum != Some(total.pagu) {
        diagnostics.push(
            Diagnostic::says(
                Code::PkBudget,
                Text::new("pk-budget")
                    .arg("year", pk.year)
                    .arg_text("sum", sum_text(pk_sum))
                    .arg("pagu", rupiah(total.pagu)),
            )
            .help_says(Text::new("pk-budget-help"))
            .at(pk.origin.as_ref()),
        );
    }
}

/// How a printed figure compares with the computed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrintedDiff {
    /// Equal once the computed figure is cut to the printed precision: the
    /// report printed fewer decimals than the rule asks for.
    Precision,
    /// Different.
    Wrong,
}

impl PrintedDiff {
    /// The finding a difference makes: `wrong` says the printed figure is
    /// wrong, `precise` (the same values) that it only has fewer decimals.
    pub(crate) fn into_diagnostic(
        self,
        code_wrong: Code,
        wrong: Text,
        precise: Text,
        origin: Option<&crate::model::Origin>,
    ) -> Diagnostic {
        match self {
            PrintedDiff::Precision => Diagnostic::says(Code::PrintedPrecision, precise)
                .help_says(Text::new("printed-precision-help"))
                .at(origin),
            PrintedDiff::Wrong => Diagnostic::says(code_wrong, wrong)
                .help_says(Text::new("printed-wrong-help"))
                .at(origin),
        }
    }
}

/// `None` when `printed` equals `computed`.
pub(crate) fn compare_printed(printed: Decimal, computed: Decimal, rounding: Rounding) -> Option<PrintedDiff> {
    if printed == computed {
        return None;
    }
    let printed_decimals = printed.scale();
    if printed_decimals < rounding.decimals {
        let coarse = Rounding::new(rounding.mode, printed_decimals).apply(computed);
        if coarse == printed {
            return Some(PrintedDiff::Precision);
        }
    }
    Some(PrintedDiff::Wrong)
}

/// Rupiah the way an Indonesian report writes it: `Rp 1.938.261.000`, with
/// decimals after a comma when there are any.
pub fn rupiah(value: Decimal) -> String {
    let negative = value.is_sign_negative() && !value.is_zero();
    let abs = value.abs();
    let int = abs.trunc().to_string();
    let frac = abs.fract();
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let sign = if negative { "-" } else { "" };
    if frac.is_zero() {
        format!("{sign}Rp {grouped}")
    } else {
        let f = frac.to_string();
        let digits = f.trim_start_matches("0.");
        format!("{sign}Rp {grouped},{digits}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::model::{AnggaranProgram, Perjanjian};
    use rust_decimal_macros::dec;

    fn line(name: &str, pagu: Decimal, realisasi: Decimal, printed: Option<Decimal>) -> BelanjaEntry {
        BelanjaEntry {
            name: name.into(),
            pagu,
            realisasi,
            printed_penyerapan: printed,
            origin: None,
        }
    }

    fn seed() -> UnitData {
        let mut d = UnitData::new(2022);
        d.belanja = vec![
            line("Belanja Pegawai", dec!(1938261000), dec!(1093513011), Some(dec!(56.42))),
            line("Belanja Barang", dec!(3386083000), dec!(2234483772), Some(dec!(65.99))),
            line("Belanja Modal", dec!(0), dec!(0), Some(dec!(0))),
        ];
        d
    }

    #[test]
    fn seed_budget_with_total() {
        let mut diags = vec![];
        let a = evaluate_anggaran(&RuleSet::default(), &seed(), &mut diags);
        let got: Vec<_> = a
            .belanja
            .iter()
            .map(|r| (r.name.as_str(), r.penyerapan.map(|p| p.to_string())))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Belanja Pegawai", Some("56.42".into())),
                ("Belanja Barang", Some("65.99".into())),
                ("Belanja Modal", Some("0.00".into())),
                ("Total", Some("62.51".into())),
            ]
        );
        let total = a.total().unwrap();
        assert_eq!(total.pagu, dec!(5324344000));
        assert_eq!(total.realisasi, dec!(3327996783));
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn pagu_zero_with_spending_is_an_error() {
        let mut d = UnitData::new(2022);
        d.belanja = vec![line("Belanja Modal", dec!(0), dec!(5), None)];
        let mut diags = vec![];
        let a = evaluate_anggaran(&RuleSet::default(), &d, &mut diags);
        assert_eq!(a.belanja[0].penyerapan, None);
        assert_eq!(diags[0].code, Code::PaguZero);
    }

    #[test]
    fn wrong_printed_penyerapan_is_named() {
        let mut d = UnitData::new(2022);
        d.belanja = vec![line(
            "Belanja Pegawai",
            dec!(1938261000),
            dec!(1093513011),
            Some(dec!(56.41)),
        )];
        let mut diags = vec![];
        evaluate_anggaran(&RuleSet::default(), &d, &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::PrintedPenyerapan);
    }

    #[test]
    fn perjanjian_budget_against_pagu() {
        let mut rules = RuleSet::default();
        let program = |name: &str, amount| AnggaranProgram {
            name: name.into(),
            amount,
            kegiatan: vec![],
            origin: None,
        };
        rules.perjanjian.push(Perjanjian {
            year: 2022,
            dasar: vec![],
            indikator: vec![],
            anggaran: vec![program("A", dec!(2672990000)), program("B", dec!(2651354000))],
            origin: None,
        });
        let mut diags = vec![];
        evaluate_anggaran(&rules, &seed(), &mut diags);
        assert!(diags.is_empty(), "the seed's PK equals its pagu: {diags:?}");

        rules.perjanjian[0].anggaran[1].amount = dec!(2651354001);
        evaluate_anggaran(&rules, &seed(), &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::PkBudget);
        assert!(
            diags[0]
                .message
                .render(crate::i18n::Lang::En)
                .contains("Rp 5.324.344.001"),
            "{}",
            diags[0].message.render(crate::i18n::Lang::En)
        );
    }

    #[test]
    fn rupiah_formatting() {
        assert_eq!(rupiah(dec!(1938261000)), "Rp 1.938.261.000");
        assert_eq!(rupiah(dec!(0)), "Rp 0");
        assert_eq!(rupiah(dec!(999)), "Rp 999");
        assert_eq!(rupiah(dec!(1000.5)), "Rp 1.000,5");
        assert_eq!(rupiah(dec!(-1234)), "-Rp 1.234");
    }

    #[test]
    fn printed_comparison() {
        let r = Rounding::new(crate::pembulatan::RoundingMode::Truncate, 2);
        assert_eq!(compare_printed(dec!(41.93), dec!(41.93), r), None);
        assert_eq!(compare_printed(dec!(40), dec!(40.00), r), None);
        assert_eq!(
            compare_printed(dec!(41.9), dec!(41.93), r),
            Some(PrintedDiff::Precision)
        );
        assert_eq!(compare_printed(dec!(45), dec!(46.66), r), Some(PrintedDiff::Wrong));
        assert_eq!(compare_printed(dec!(50), dec!(44.89), r), Some(PrintedDiff::Wrong));
    }
}

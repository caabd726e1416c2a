//! A national workload, made up and deterministic by seed: a national rule
//! set with M indicators, K Kanwil rule sets each with a Rhai script, N
//! unit folders with their agreements, realisasi per triwulan and budgets,
//! and the same data as one long CSV.
//!
//! The figures are chosen to catch arithmetic that is not exact: about 10%
//! of rows land exactly on the target (capaian 100.00) and about 5% exactly
//! on a band edge (80.00, 70.00, 60.00), where a binary floating-point
//! computation lands a hair below and truncation drops it into the band
//! beneath.
//!
//! Nothing here is real: every id starts with a letter and a number
//! (`k01`, `u00001`, `i001`), every name says "bangkitan" (generated).

pub mod reference;

use camino::{Utf8Path, Utf8PathBuf};
use std::fmt::Write as _;
use std::io::Write as _;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    pub units: usize,
    pub kanwil: usize,
    pub indicators: usize,
    /// Years of data per unit, ending with [`Spec::last_year`].
    pub years: u16,
    pub seed: u64,
    /// Which Kanwil scripts define a `capaian` hook (all define `nilai_satker`).
    pub hooks: Hooks,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hooks {
    /// No Kanwil defines `capaian`.
    None,
    /// Every other Kanwil does.
    Half,
    /// Every Kanwil does.
    All,
}

impl Spec {
    /// The year evaluated: the last year with data.
    pub fn last_year(&self) -> u16 {
        2021 + self.years.max(1)
    }
}

/// splitmix64: small, fast, and the same sequence on every machine.
pub struct Rng(pub u64);

impl Rng {
    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// How an indicator's periods combine into the year's realisasi.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Agg {
    Jumlah,
    Rata,
    Terakhir,
    Tertinggi,
}

impl Agg {
    fn keyword(self) -> &'static str {
        match self {
            Agg::Jumlah => "jumlah",
            Agg::Rata => "rata",
            Agg::Terakhir => "terakhir",
            Agg::Tertinggi => "tertinggi",
        }
    }
}

struct Indicator {
    id: String,
    tier: &'static str,
    turun: bool,
    agg: Agg,
}

const TIERS: [&str; 4] = ["strategis", "program", "kegiatan", "output"];

fn indicators(spec: &Spec, rng: &mut Rng) -> Vec<Indicator> {
    (0..spec.indicators)
        .map(|n| Indicator {
            id: format!("i{:03}", n + 1),
            tier: TIERS
                .get(n * TIERS.len() / spec.indicators.max(1))
                .copied()
                .unwrap_or("output"),
            // About one in ten is lower-is-better.
            turun: n % 10 == 9,
            agg: match rng.range(0, 3) {
                0 => Agg::Jumlah,
                1 => Agg::Rata,
                2 => Agg::Terakhir,
                _ => Agg::Tertinggi,
            },
        })
        .collect()
}

/// Hundredths as a plain decimal: 12345 is `123.45`, 1200 is `12`.
fn hundredths(v: u64) -> String {
    let (whole, frac) = (v / 100, v % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// The national target of an indicator in a year, in hundredths.
fn national_target(ind: &Indicator, year: u16, seed: u64) -> u64 {
    let mut rng = Rng(seed ^ (u64::from(year) << 32) ^ ind.id.bytes().fold(7, |a, b| a * 31 + u64::from(b)));
    if ind.turun {
        rng.range(2, 20) * 100
    } else {
        rng.range(50, 100) * 100
    }
}

/// One unit's figures for one indicator and year: target, and the four
/// triwulan values, all in hundredths.
struct Row {
    target: u64,
    tw: [u64; 4],
}

fn row(ind: &Indicator, national: u64, rng: &mut Rng) -> Row {
    // Most units take the national target; some ask more of themselves
    // (a higher target, or for lower-is-better a lower one).
    let target = if rng.chance(80) {
        national
    } else if ind.turun {
        national - rng.range(1, (national / 100).saturating_sub(1).max(1)) * 100
    } else {
        national + rng.range(1, 10) * 100
    };
    // The year's realisasi, in hundredths: exactly the target (10%), exactly
    // on a band edge (5%), otherwise 40-130% of it.
    let realisasi = if rng.chance(10) {
        target
    } else if rng.chance(5) {
        // 80%, 70%, 60% of the target: target x 0.8 is exact in hundredths
        // when the target is a whole number, which every target here is.
        let edge = match rng.range(0, 2) {
            0 => 80,
            1 => 70,
            _ => 60,
        };
        if ind.turun {
            // (2T - R) / T = edge%  <=>  R = T x (2 - edge/100)
            target * (200 - edge) / 100
        } else {
            target * edge / 100
        }
    } else {
        target * rng.range(40, 130) / 100
    };
    let tw = match ind.agg {
        Agg::Jumlah => split(realisasi, rng),
        Agg::Rata => split(realisasi * 4, rng),
        Agg::Terakhir => [
            rng.range(0, realisasi),
            rng.range(0, realisasi),
            rng.range(0, realisasi),
            realisasi,
        ],
        Agg::Tertinggi => {
            let mut tw = [
                rng.range(0, realisasi),
                rng.range(0, realisasi),
                rng.range(0, realisasi),
                rng.range(0, realisasi),
            ];
            if let Some(slot) = tw.get_mut(usize::try_from(rng.range(0, 3)).unwrap_or(0)) {
                *slot = realisasi;
            }
            tw
        }
    };
    Row { target, tw }
}

/// Four parts that add up to `total`.
fn split(total: u64, rng: &mut Rng) -> [u64; 4] {
    let a = rng.range(0, total / 2);
    let b = rng.range(0, (total - a) / 2);
    let c = rng.range(0, total - a - b);
    [a, b, c, total - a - b - c]
}

fn write(path: &Utf8Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    pub national: Utf8PathBuf,
    pub kanwil: Vec<Utf8PathBuf>,
    /// The folder that holds every unit's folder (under one folder per Kanwil).
    pub units: Utf8PathBuf,
    /// The last year's rows of every unit, as one long CSV.
    pub long_csv: Utf8PathBuf,
}

/// Writes the workload under `out`.
pub fn generate(spec: &Spec, out: &Utf8Path) -> std::io::Result<Written> {
    let mut rng = Rng(spec.seed);
    let inds = indicators(spec, &mut rng);
    let first_year = 2022;
    let last_year = spec.last_year();
    let years: Vec<u16> = (first_year..=last_year).collect();

    // The national rules.
    let mut n = String::new();
    let _ = writeln!(n, "// Bangkitan sakip-bench (seed {}): bukan aturan nyata.", spec.seed);
    let _ = writeln!(n, "aturan nasional nasional_bangkitan \"Aturan Nasional (bangkitan)\"");
    n.push_str(
        "pembulatan capaian potong 2\npembulatan anggaran bulat 2\nkonversi efisiensi 120\n\nklasifikasi {\n  100 ..= 120  \"Sangat Memuaskan\"  excellent  hijau\n  80  ..< 100  \"Memuaskan\"         good       biru\n  70  ..< 80   \"Cukup Memuaskan\"   caution    kuning\n  60  ..< 70   \"Kurang Memuaskan\"  poor       oranye\n      ..< 60   \"Tidak Memuaskan\"   very_poor  merah\n}\n",
    );
    for (t, tier) in TIERS.iter().enumerate() {
        let of_tier: Vec<&Indicator> = inds.iter().filter(|i| i.tier == *tier).collect();
        for (s, chunk) in of_tier.chunks(5).enumerate() {
            let _ = writeln!(
                n,
                "\nsasaran S{}{:02} {tier} \"Sasaran {tier} {} (bangkitan)\" {{",
                t + 1,
                s + 1,
                s + 1
            );
            for ind in chunk {
                let _ = writeln!(n, "  indikator {} \"Indikator {} (bangkitan)\" {{", ind.id, ind.id);
                let _ = writeln!(n, "    satuan {}", if ind.turun { "orang" } else { "indeks" });
                let _ = writeln!(n, "    polaritas {}", if ind.turun { "turun" } else { "naik" });
                let _ = writeln!(n, "    realisasi {} triwulan", ind.agg.keyword());
                for y in &years {
                    let _ = writeln!(
                        n,
                        "    target {y} = {}",
                        hundredths(national_target(ind, *y, spec.seed))
                    );
                }
                n.push_str("  }\n");
            }
            n.push_str("}\n");
        }
    }
    let national = out.join("rules/nasional/nasional.sakip");
    write(&national, &n)?;
    // The same indicators as a table, for tools that do not read rule files
    // (the peers in benches/peers compute from it).
    let mut meta = String::from("indikator,tier,polaritas,agregasi\n");
    for ind in &inds {
        let _ = writeln!(
            meta,
            "{},{},{},{}",
            ind.id,
            ind.tier,
            if ind.turun { "turun" } else { "naik" },
            ind.agg.keyword()
        );
    }
    write(&out.join("indikator.csv"), &meta)?;

    // The Kanwil rules and scripts.
    let mut kanwil = Vec::new();
    for k in 1..=spec.kanwil.max(1) {
        let id = format!("k{k:02}");
        let dir = out.join("rules").join(&id);
        let text = format!(
            "// Bangkitan sakip-bench: bukan aturan nyata.\naturan kanwil {id} \"Kanwil {k:02} (bangkitan)\"\nberdasarkan \"../nasional\"\nskrip \"{id}.rhai\"\n"
        );
        write(&dir.join(format!("{id}.sakip")), &text)?;
        let hook = match spec.hooks {
            Hooks::All => true,
            Hooks::Half => k % 2 == 1,
            Hooks::None => false,
        };
        let mut script = String::from("// Bangkitan sakip-bench.\n");
        if hook {
            script.push_str(
                "// Lower is better as target / realisasi x 100 (120 when nothing happened).\nfn capaian(i) {\n  if i.target == 0 { return (); }\n  if i.polaritas == \"turun\" {\n    if i.realisasi == 0 { return 120; }\n    i.target / i.realisasi * 100\n  } else {\n    i.realisasi / i.target * 100\n  }\n}\n\n",
            );
        }
        script.push_str(
            "// The unit's score: tiers weighted 40/30/20/10.\nfn nilai_satker(hasil) {\n  let jumlah = 0;\n  let bobot = 0;\n  for h in hasil {\n    if h.capaian != () {\n      let w = if h.tier == \"strategis\" { 40 } else if h.tier == \"program\" { 30 } else if h.tier == \"kegiatan\" { 20 } else { 10 };\n      jumlah += h.capaian * w;\n      bobot += w;\n    }\n  }\n  if bobot == 0 { return (); }\n  jumlah / bobot\n}\n",
        );
        write(&dir.join(format!("{id}.rhai")), &script)?;
        kanwil.push(dir);
    }

    // The units, and the long CSV of the last year.
    let units = out.join("satker");
    let long_csv = out.join("realisasi-satker.csv");
    if let Some(dir) = long_csv.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut csv = std::io::BufWriter::new(std::fs::File::create(&long_csv)?);
    writeln!(csv, "satker,kanwil,indikator,satker_name,target,tw1,tw2,tw3,tw4")?;
    for u in 1..=spec.units {
        let k = (u - 1) % spec.kanwil.max(1) + 1;
        let kid = format!("k{k:02}");
        let uid = format!("u{u:05}");
        let name = format!("Satker {u:05} (bangkitan)");
        let dir = units.join(&kid).join(&uid);
        write(
            &dir.join("satker.sakip"),
            &format!("satker {uid} \"{name}\"\nberdasarkan \"../../../rules/{kid}\"\n"),
        )?;
        for y in &years {
            let mut pk = format!("perjanjian {y} {{\n");
            let mut data = format!("realisasi {y} {{\n");
            for ind in &inds {
                let r = row(ind, national_target(ind, *y, spec.seed), &mut rng);
                let _ = writeln!(pk, "  target {} = {}", ind.id, hundredths(r.target));
                let [a, b, c, d] = r.tw.map(hundredths);
                let _ = writeln!(data, "  {} tw1 = {a} tw2 = {b} tw3 = {c} tw4 = {d}", ind.id);
                if *y == last_year {
                    writeln!(
                        csv,
                        "{uid},{kid},{},{name},{},{a},{b},{c},{d}",
                        ind.id,
                        hundredths(r.target)
                    )?;
                }
            }
            pk.push_str("}\n");
            data.push_str("}\n\n");
            let _ = writeln!(data, "anggaran {y} {{");
            for belanja in ["Belanja Pegawai", "Belanja Barang", "Belanja Modal"] {
                let pagu = rng.range(100, 5_000) * 1_000_000;
                let spent = pagu / 100 * rng.range(30, 100);
                let _ = writeln!(data, "  belanja \"{belanja}\" pagu {pagu} realisasi {spent}");
            }
            data.push_str("}\n");
            write(&dir.join(format!("perjanjian-{y}.sakip")), &pk)?;
            write(&dir.join(format!("realisasi-{y}.sakip")), &data)?;
        }
    }
    csv.flush()?;
    Ok(Written {
        national: national.parent().map(Utf8Path::to_path_buf).unwrap_or_default(),
        kanwil,
        units,
        long_csv,
    })
}

/// The floor a rollup of a long table cannot go under: the same file read
/// with the same CSV reader and every number parsed into a decimal, on one
/// thread, nothing evaluated. Returns the rows and the sum of the numbers
/// (so that no work can be optimised away).
pub fn floor(path: &Utf8Path) -> Result<(u64, rust_decimal::Decimal), String> {
    use std::str::FromStr;
    let mut reader = csv::Reader::from_path(path).map_err(|e| e.to_string())?;
    let numeric: Vec<usize> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            matches!(
                *h,
                "target" | "realisasi" | "tw1" | "tw2" | "tw3" | "tw4" | "smt1" | "smt2"
            )
        })
        .map(|(i, _)| i)
        .collect();
    let mut record = csv::StringRecord::new();
    let (mut rows, mut sum) = (0u64, rust_decimal::Decimal::ZERO);
    while reader.read_record(&mut record).map_err(|e| e.to_string())? {
        rows += 1;
        for i in &numeric {
            let cell = record.get(*i).unwrap_or("");
            if !cell.is_empty() {
                let v = rust_decimal::Decimal::from_str(cell).map_err(|e| format!("row {rows}: {e}"))?;
                sum = sum.checked_add(v).ok_or("the sum overflows")?;
            }
        }
    }
    Ok((rows, sum))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_are_plain_decimals() {
        assert_eq!(hundredths(12345), "123.45");
        assert_eq!(hundredths(1200), "12");
        assert_eq!(hundredths(1250), "12.5");
        assert_eq!(hundredths(5), "0.05");
    }

    #[test]
    fn parts_add_up() {
        let mut rng = Rng(7);
        for total in [0, 1, 99, 12345, 400_000] {
            assert_eq!(split(total, &mut rng).iter().sum::<u64>(), total);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let (mut a, mut b) = (Rng(42), Rng(42));
        assert!((0..1000).all(|_| a.next_u64() == b.next_u64()));
    }
}

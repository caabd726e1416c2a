//! The syntax tree of a rule file, as written: every node keeps its span so
//! that the resolver's messages point at the words the author typed.
//! Meaning (inheritance, years in force, references) is the resolver's.

use crate::source::{Span, Spanned};
use rust_decimal::Decimal;
use sakip_core::agregasi::Agregasi;
use sakip_core::formula::{BinOp, Field};
use sakip_core::model::{Tier, TingkatAturan};
use sakip_core::pembulatan::RoundingMode;
use sakip_core::periode::{JenisPeriode, Periode};

/// One parsed rule file: its declarations in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub items: Vec<Item>,
}

/// A top-level declaration. A rule set is the items of its files together;
/// the resolver checks which may appear where (a `perjanjian` only in a
/// unit's rules, one header per rule set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// What the rule set is: `aturan nasional ...`, `aturan kanwil ...`, `satker ...`.
    Header(Header),
    /// `berdasarkan "../ditjenpas"`: the rule set one level up, relative to this file.
    Berdasarkan(Spanned<String>),
    /// `skrip "sumsel.rhai" [mulai 2023]`: a Rhai script, relative to this file.
    Skrip(Skrip),
    /// `renstra 2020 ..= 2024`: the five-year plan the targets serve.
    Renstra(Renstra),
    /// `dasar "..."` under the header: a legal basis of the whole rule set.
    Dasar(Spanned<String>),
    /// `pembulatan capaian potong 2`: how a capaian or a penyerapan is rounded.
    Pembulatan(Pembulatan),
    /// `capaian sasaran rata ...`: how a sasaran's or a tier's capaian is made.
    Gabungan(Gabungan),
    /// `target berjalan prorata|tahunan`: a period's target from the year's.
    TargetBerjalan(TargetBerjalanLine),
    /// `konversi efisiensi 120`: the cap on capaian.
    Konversi(Konversi),
    /// `klasifikasi { ... }`: the bands of capaian.
    Klasifikasi(Klasifikasi),
    /// `sasaran SS5 strategis "..." { indikator ... }`.
    Sasaran(Sasaran),
    /// `perjanjian 2022 { ... }`: a unit's agreement for a year.
    Perjanjian(Perjanjian),
    /// `realisasi 2022 { ... }`: what a unit achieved in a year.
    Realisasi(RealisasiBlock),
    /// `anggaran 2022 { ... }`: a unit's budget and spending in a year.
    Anggaran(AnggaranBlock),
    /// `uji "..." 2022 { ... }`: a rule test.
    Uji(Uji),
}

/// `uji "name" <tahun> { ... }`: a rule test, a case of data and what the
/// rules must make of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uji {
    /// What the case is about, as the test output names it.
    pub name: Spanned<String>,
    pub year: Spanned<u16>,
    /// The year in progress: the case up to the end of this period.
    pub until: Option<Spanned<Periode>>,
    /// Targets of the case's own agreement; others are the rules' in force.
    pub targets: Vec<PkTarget>,
    /// The case's realisasi, written as in a `realisasi` block.
    pub entries: Vec<RealisasiEntry>,
    /// What the rules must give.
    pub harap: Vec<Harap>,
    /// The units below a region, for its own indikator (`realisasi dari satker`).
    pub satker: Vec<UjiSatker>,
    pub span: Span,
}

/// `satker <id> { nilai = 85  ikpa.capaian = 95  opini tidak diukur }` in a
/// rule test: a unit's figures as a region's indikator read them; or
/// `satker <id> gagal ["why"]`, a unit whose rules or data failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UjiSatker {
    pub id: Spanned<String>,
    /// Each figure given: a number, or a value of its indikator's scale.
    pub figur: Vec<(Spanned<FigurAst>, Spanned<Quantity>)>,
    /// The indikator its data says were not measured this year.
    pub tidak_diukur: Vec<Spanned<String>>,
    /// `gagal`, with the reason when one is given.
    pub gagal: Option<Spanned<Option<String>>>,
    pub span: Span,
}

/// One expectation of a rule test (`harap`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Harap {
    /// `harap <id> capaian 87.50 ["Memuaskan"]`
    Capaian {
        id: Spanned<String>,
        value: Spanned<Decimal>,
        band: Option<Spanned<String>>,
        span: Span,
    },
    /// `harap <id> realisasi 50` (or a scale value, `WDP`)
    Realisasi {
        id: Spanned<String>,
        value: Spanned<Quantity>,
        span: Span,
    },
    /// `harap nilai 85.5`: the unit's score.
    Nilai { value: Spanned<Decimal>, span: Span },
    /// `harap sasaran SS1 capaian 53.30 ["Memuaskan"]`: a sasaran's capaian.
    Sasaran {
        code: Spanned<String>,
        value: Spanned<Decimal>,
        band: Option<Spanned<String>>,
        span: Span,
    },
}

/// `aturan nasional ditjenpas "..."`, `aturan kanwil ...`, `satker ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Nasional, kanwil or satker.
    pub tingkat: TingkatAturan,
    /// The rule set's id (`ditjenpas`, `lapas_sarolangun_rawas`).
    pub id: Spanned<String>,
    /// Its name as reports print it.
    pub name: Spanned<String>,
    pub span: Span,
}

/// `skrip "sumsel.rhai" [mulai 2023]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skrip {
    /// Relative to the file that names it.
    pub path: Spanned<String>,
    /// `mulai <Y>`: in force from that year; `None`, every year.
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

/// `renstra 2020 ..= 2024`: the plan's first and last year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renstra {
    pub start: Spanned<u16>,
    pub end: Spanned<u16>,
    pub span: Span,
}

/// `konversi efisiensi 120 [mulai 2025]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Konversi {
    /// The cap: a capaian above it becomes it.
    pub value: Spanned<Decimal>,
    /// In force from that year; `None`, every year.
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

/// What a `pembulatan` line rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PembulatanObjek {
    /// Every capaian (and the unit's score).
    Capaian,
    /// Every penyerapan of the budget.
    Anggaran,
    /// The unit's score, when it is rounded otherwise than a capaian
    /// (real reports often cut a mean whose parts they round).
    Nilai,
    /// A sasaran's and a tier's capaian (`capaian sasaran`, `capaian jenjang`).
    Sasaran,
    /// A realisasi computed from units (`realisasi dari satker`).
    Realisasi,
}

/// `capaian sasaran|jenjang rata [bobot] [maks 100] [mentah] [mulai Y]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gabungan {
    /// `false`: per sasaran; `true`: per tier (`jenjang`).
    pub jenjang: bool,
    pub berbobot: bool,
    pub maks: Option<Spanned<Decimal>>,
    pub mentah: bool,
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

/// `target berjalan prorata|tahunan [mulai 2024]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetBerjalanLine {
    pub rule: sakip_core::model::TargetBerjalan,
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

/// `pembulatan capaian potong 2 [mulai 2023]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pembulatan {
    pub objek: PembulatanObjek,
    /// `potong` (cut) or `bulat` (half up).
    pub mode: RoundingMode,
    /// How many decimals every figure keeps (and prints).
    pub decimals: Spanned<u32>,
    /// In force from that year; `None`, every year.
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

/// The range operator of a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeOp {
    /// `..=`: the upper bound is in the band.
    Inclusive,
    /// `..<`: the upper bound is not.
    Exclusive,
    /// `..` with no upper bound.
    Open,
}

/// One band of a klasifikasi: `80 ..< 100  "Memuaskan"  good  biru`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// `None` for a band open below (`..< 60`).
    pub lower: Option<Spanned<Decimal>>,
    /// Whether the band starts just above `lower` (`80 <..= 90`, "more
    /// than 80 up to 90", as PMK 107/2024 bands NKA) rather than at it.
    pub above_lower: bool,
    pub op: Spanned<RangeOp>,
    /// `None` for a band open above (`100 ..`).
    pub upper: Option<Spanned<Decimal>>,
    /// What reports print (`"Memuaskan"`).
    pub label: Spanned<String>,
    /// What scripts and JSON name it by (`good`).
    pub id: Spanned<String>,
    /// A colour word (`biru`) or a `#rrggbb` code, as written.
    pub colour: Spanned<String>,
    pub span: Span,
}

/// `klasifikasi [mulai 2022] { bands }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Klasifikasi {
    /// In the order written: the first band that holds a capaian is its band.
    pub bands: Vec<Band>,
    /// In force from that year; `None`, every year.
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

/// `sasaran SS5 strategis "..." { ... }`. A lower level may open a sasaran
/// of a higher level again (same code and tier) to add indikator to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sasaran {
    /// `SS5`, `SP3`, `SK1`, `NKA`.
    pub code: Spanned<String>,
    pub tier: Tier,
    pub name: Spanned<String>,
    pub dasar: Vec<Spanned<String>>,
    pub indikator: Vec<Indikator>,
    pub span: Span,
}

/// `indikator <id> "<name>" { lines }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indikator {
    /// Unique across the national, Kanwil and unit rules together.
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// Its lines in the order written; the resolver checks each appears once.
    pub items: Vec<IndikatorItem>,
    pub span: Span,
}

/// `12 layanan`, `75%`, `77.5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The number; 0 for a scale value.
    pub value: Decimal,
    /// The unit word as written (`%`, `layanan`); `None` for a plain number.
    pub unit: Option<String>,
    /// A value of a qualitative indikator's scale, as written (`WTP`,
    /// `"Baik Sekali"` without its quotes).
    pub label: Option<String>,
}

/// `polaritas naik | turun | rentang a ..= b`, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolaritasAst {
    Naik,
    Turun,
    /// Best inside `a ..= b`.
    Rentang(Decimal, Decimal),
}

/// One line of an indikator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndikatorItem {
    /// `satuan indeks`: the unit it is measured in (required).
    Satuan(Spanned<String>),
    /// `polaritas turun`.
    Polaritas(Spanned<PolaritasAst>),
    /// `realisasi terakhir [semester]`: how period values make the year's.
    Agregasi {
        agregasi: Agregasi,
        /// The kind of period the data must give, when stated.
        jenis: Option<JenisPeriode>,
        span: Span,
    },
    /// `target 2022 = 70 [dasar "..."]`.
    Target(TargetLine),
    /// `rumus realisasi|capaian [mulai Y] = ...`.
    Rumus(Rumus),
    /// `bobot 2`: its weight in a unit's score.
    Bobot(Spanned<Decimal>),
    /// `komponen`: an input of a composite score, with no target and no capaian.
    Komponen(Span),
    /// `skala WTP > WDP > TW > TMP [langkah 25]`: a qualitative indikator.
    Skala(SkalaLine),
    /// `realisasi dari satker = persen(nilai >= 89)`: a region's indikator.
    DariSatker(DariSatkerLine),
    /// `dasar "..."`: the indikator's legal basis.
    Dasar(Spanned<String>),
    /// `sama_dengan <id>`: the same measurement as another indikator at
    /// another tier; their realisasi must agree.
    SamaDengan(Spanned<String>),
    /// A sub-indikator (the items a-g a report lists under one).
    Sub(Indikator),
}

/// `realisasi dari satker = <fungsi>(<figur> [<op> <value> | , <figur>])`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DariSatkerLine {
    pub fungsi: Spanned<String>,
    pub figur: Spanned<FigurAst>,
    /// The condition: a number, or a value of the figure's scale (`>= BB`).
    pub banding: Option<(BinOp, Spanned<Quantity>)>,
    pub pembagi: Option<Spanned<FigurAst>>,
    pub span: Span,
}

/// A unit's figure: `nilai`, or `<id>.realisasi|target|capaian`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigurAst {
    Nilai,
    /// The id where it is written (a rename edits just that).
    Indikator {
        id: Spanned<String>,
        field: Field,
    },
}

/// `skala <best> > ... > <worst> [langkah N]`, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkalaLine {
    /// Best first.
    pub nilai: Vec<Spanned<String>>,
    pub langkah: Option<Spanned<Decimal>>,
    pub span: Span,
}

/// `target <year> = <value> [dasar "..."]` in an indikator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetLine {
    pub year: Spanned<u16>,
    pub value: Spanned<Quantity>,
    /// Where the target comes from (a table of the Renstra).
    pub dasar: Option<Spanned<String>>,
    pub span: Span,
}

/// What a `rumus` computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RumusObjek {
    /// The realisasi, instead of reading it from the data.
    Realisasi,
    /// The capaian, instead of the polarity's default.
    Capaian,
}

/// `rumus capaian mulai 2023 = <expr>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rumus {
    pub objek: RumusObjek,
    /// In force from that year (until a later one); `None`, from the start.
    pub from_year: Option<Spanned<u16>>,
    pub expr: Expr,
    pub span: Span,
}

/// `perjanjian <year> { dasar, targets, anggaran }`: a unit's Perjanjian
/// Kinerja. Only the indikator it lists are evaluated for the year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perjanjian {
    pub year: Spanned<u16>,
    pub dasar: Vec<Spanned<String>>,
    pub targets: Vec<PkTarget>,
    /// `indikator <id>`: measured that year without a target (a score that
    /// is its own capaian, or a part of one).
    pub measured: Vec<PkIndikator>,
    /// The budget per programme, with its kegiatan.
    pub anggaran: Vec<PkAnggaran>,
    pub span: Span,
}

/// `target <id> = <value> | ?` in a perjanjian (or a rule test).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkTarget {
    pub id: Spanned<String>,
    /// `None`: written `?`, not filled in yet.
    pub value: Spanned<Option<Quantity>>,
    /// The Rencana Aksi's targets per period (`tw1 = 20 tw2 = 40`).
    pub periode: Vec<(Spanned<Periode>, Spanned<Quantity>)>,
    pub dasar: Option<Spanned<String>>,
    pub span: Span,
}

/// `indikator <id>` in a perjanjian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkIndikator {
    pub id: Spanned<String>,
    pub span: Span,
}

/// `anggaran "<programme>" = Rp ... { kegiatan "<name>" = Rp ... }` in a perjanjian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkAnggaran {
    pub name: Spanned<String>,
    /// In rupiah.
    pub amount: Spanned<Decimal>,
    /// The programme's kegiatan and their amounts, which should add up to it.
    pub kegiatan: Vec<(Spanned<String>, Spanned<Decimal>)>,
    pub span: Span,
}

/// `realisasi <year> { dasar, entries }`: a unit's data for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiBlock {
    pub year: Spanned<u16>,
    pub dasar: Vec<Spanned<String>>,
    pub entries: Vec<RealisasiEntry>,
    pub span: Span,
}

/// `<id> = 30 [dicetak 40%]` or `<id> tw1 = 70 tw2 = 74 ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiEntry {
    pub id: Spanned<String>,
    /// `(Periode::Tahun, value)` alone for the year; else one per period.
    pub values: Vec<(Spanned<Periode>, Spanned<Quantity>)>,
    /// The capaian the unit's report printed, to be checked.
    pub dicetak: Option<Spanned<Quantity>>,
    /// `tidak diukur ["why"]`: not measured this year (then `values` is empty).
    pub tidak_diukur: Option<TidakDiukur>,
    pub span: Span,
}

/// `tidak diukur "survei tidak dilaksanakan"`: a realisasi not measured this
/// year, with the reason when one is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TidakDiukur {
    pub alasan: Option<Spanned<String>>,
    pub span: Span,
}

/// What a budget line is a line of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BelanjaKind {
    /// A jenis belanja (Belanja Pegawai, Barang, Modal).
    Belanja,
    /// A programme.
    Program,
}

/// `belanja|program "<name>" pagu Rp ... realisasi Rp ... [dicetak 56.42%]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BelanjaLine {
    pub kind: BelanjaKind,
    pub name: Spanned<String>,
    /// The money allotted, in rupiah.
    pub pagu: Spanned<Decimal>,
    /// The money spent, in rupiah.
    pub realisasi: Spanned<Decimal>,
    /// The penyerapan the report printed, to be checked.
    pub dicetak: Option<Spanned<Quantity>>,
    pub span: Span,
}

/// `anggaran <year> { dasar, lines }`: a unit's budget for a year; the
/// `Total` line is computed, never written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnggaranBlock {
    pub year: Spanned<u16>,
    pub dasar: Vec<Spanned<String>>,
    pub lines: Vec<BelanjaLine>,
    pub span: Span,
}

/// A formula as written, with its span for messages; the resolver lowers
/// it into the core's `formula::Expr` after checking names and types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// The forms of a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprKind {
    /// A literal number.
    Number(Decimal),
    /// `target`, `realisasi`: this indikator's own figure.
    Own(Field),
    /// `tw1`, `smt2`: one period's realisasi of this indikator.
    Period(Periode),
    /// `jumlah(triwulan)`: this indikator's period values combined.
    Aggregate(Agregasi, JenisPeriode),
    /// `iku_kamtib.realisasi`: another indikator's figure for the same year.
    Ref { indicator: Spanned<String>, field: Field },
    /// `-x`.
    Neg(Box<Expr>),
    /// `tidak x`.
    Not(Box<Expr>),
    /// Arithmetic, comparison, `dan`, `atau`.
    Binary { op: BinOp, lhs: Box<Expr>, rhs: Box<Expr> },
    /// `jika cond maka then lain otherwise`.
    If {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    /// `min(a, b)`, or a function a script of the chain defines.
    Call { name: Spanned<String>, args: Vec<Expr> },
}

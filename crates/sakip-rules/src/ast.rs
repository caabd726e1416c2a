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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Header(Header),
    Berdasarkan(Spanned<String>),
    /// `skrip "sumsel.rhai" [mulai 2023]`: a Rhai script, relative to this file.
    Skrip(Skrip),
    /// `renstra 2020 ..= 2024`: the five-year plan the targets serve.
    Renstra(Renstra),
    Dasar(Spanned<String>),
    Pembulatan(Pembulatan),
    Konversi(Konversi),
    Klasifikasi(Klasifikasi),
    Sasaran(Sasaran),
    Perjanjian(Perjanjian),
    Realisasi(RealisasiBlock),
    Anggaran(AnggaranBlock),
    Uji(Uji),
}

/// `uji "name" <tahun> { ... }`: a rule test, a case of data and what the
/// rules must make of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uji {
    pub name: Spanned<String>,
    pub year: Spanned<u16>,
    pub targets: Vec<PkTarget>,
    pub entries: Vec<RealisasiEntry>,
    pub harap: Vec<Harap>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Harap {
    /// `harap <id> capaian 87.50 ["Memuaskan"]`
    Capaian {
        id: Spanned<String>,
        value: Spanned<Decimal>,
        band: Option<Spanned<String>>,
        span: Span,
    },
    /// `harap <id> realisasi 50`
    Realisasi {
        id: Spanned<String>,
        value: Spanned<Decimal>,
        span: Span,
    },
    /// `harap nilai 85.5`: the unit's score.
    Nilai { value: Spanned<Decimal>, span: Span },
}

/// `aturan nasional ditjenpas "..."`, `aturan kanwil ...`, `satker ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub tingkat: TingkatAturan,
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skrip {
    pub path: Spanned<String>,
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renstra {
    pub start: Spanned<u16>,
    pub end: Spanned<u16>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Konversi {
    pub value: Spanned<Decimal>,
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PembulatanObjek {
    Capaian,
    Anggaran,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pembulatan {
    pub objek: PembulatanObjek,
    pub mode: RoundingMode,
    pub decimals: Spanned<u32>,
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeOp {
    /// `..=`: the upper bound is in the band.
    Inclusive,
    /// `..<`: the upper bound is not.
    Exclusive,
    /// `..` with no upper bound.
    Open,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    pub lower: Option<Spanned<Decimal>>,
    pub op: Spanned<RangeOp>,
    pub upper: Option<Spanned<Decimal>>,
    pub label: Spanned<String>,
    pub id: Spanned<String>,
    pub colour: Spanned<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Klasifikasi {
    pub bands: Vec<Band>,
    pub from_year: Option<Spanned<u16>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sasaran {
    pub code: Spanned<String>,
    pub tier: Tier,
    pub name: Spanned<String>,
    pub dasar: Vec<Spanned<String>>,
    pub indikator: Vec<Indikator>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indikator {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub items: Vec<IndikatorItem>,
    pub span: Span,
}

/// `12 layanan`, `75%`, `77.5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PolaritasAst {
    Naik,
    Turun,
    Rentang(Decimal, Decimal),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndikatorItem {
    Satuan(Spanned<String>),
    Polaritas(Spanned<PolaritasAst>),
    Agregasi {
        agregasi: Agregasi,
        jenis: Option<JenisPeriode>,
        span: Span,
    },
    Target(TargetLine),
    Rumus(Rumus),
    Bobot(Spanned<Decimal>),
    Dasar(Spanned<String>),
    SamaDengan(Spanned<String>),
    Sub(Indikator),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetLine {
    pub year: Spanned<u16>,
    pub value: Spanned<Quantity>,
    pub dasar: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RumusObjek {
    Realisasi,
    Capaian,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rumus {
    pub objek: RumusObjek,
    pub from_year: Option<Spanned<u16>>,
    pub expr: Expr,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Perjanjian {
    pub year: Spanned<u16>,
    pub dasar: Vec<Spanned<String>>,
    pub targets: Vec<PkTarget>,
    pub anggaran: Vec<PkAnggaran>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkTarget {
    pub id: Spanned<String>,
    /// `None`: written `?`, not filled in yet.
    pub value: Spanned<Option<Quantity>>,
    pub dasar: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PkAnggaran {
    pub name: Spanned<String>,
    pub amount: Spanned<Decimal>,
    pub kegiatan: Vec<(Spanned<String>, Spanned<Decimal>)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiBlock {
    pub year: Spanned<u16>,
    pub dasar: Vec<Spanned<String>>,
    pub entries: Vec<RealisasiEntry>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealisasiEntry {
    pub id: Spanned<String>,
    pub values: Vec<(Spanned<Periode>, Spanned<Quantity>)>,
    pub dicetak: Option<Spanned<Quantity>>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BelanjaKind {
    /// A jenis belanja (Belanja Pegawai, Barang, Modal).
    Belanja,
    /// A programme.
    Program,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BelanjaLine {
    pub kind: BelanjaKind,
    pub name: Spanned<String>,
    pub pagu: Spanned<Decimal>,
    pub realisasi: Spanned<Decimal>,
    pub dicetak: Option<Spanned<Quantity>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnggaranBlock {
    pub year: Spanned<u16>,
    pub dasar: Vec<Spanned<String>>,
    pub lines: Vec<BelanjaLine>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprKind {
    Number(Decimal),
    Own(Field),
    Period(Periode),
    Aggregate(Agregasi, JenisPeriode),
    Ref {
        indicator: Spanned<String>,
        field: Field,
    },
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    If {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Call {
        name: Spanned<String>,
        args: Vec<Expr>,
    },
}

//! The syntax tree of one file, built from pest's pairs, with spans.

use super::Rule;
use crate::ast::*;
use crate::error::RuleError;
use crate::source::{FileId, SourceMap, Span, Spanned};
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use rust_decimal::Decimal;
use sakip_core::agregasi::Agregasi;
use sakip_core::formula::{BinOp, Field};
use sakip_core::model::{Tier, TingkatAturan};
use sakip_core::pembulatan::RoundingMode;
use sakip_core::periode::{JenisPeriode, Periode};
use sakip_core::{Code, Text};
use std::str::FromStr;
use std::sync::OnceLock;

/// A step of the syntax tree's construction.
type Result<T, E = Box<RuleError>> = std::result::Result<T, E>;

/// Builds the syntax tree of one file from pest's pairs, with spans.
pub(super) struct Builder<'s> {
    pub(super) sources: &'s SourceMap,
    pub(super) file: FileId,
}

/// The children of a pair, consumed in grammar order.
struct Children<'i> {
    inner: std::iter::Peekable<pest::iterators::Pairs<'i, Rule>>,
}

impl<'i> Children<'i> {
    /// The children of `pair`.
    fn of(pair: Pair<'i, Rule>) -> Self {
        Self {
            inner: pair.into_inner().peekable(),
        }
    }

    /// The next child, comments and whitespace aside.
    fn next(&mut self) -> Option<Pair<'i, Rule>> {
        self.inner.next()
    }

    /// Skips punctuation and keywords up to the next child that carries meaning.
    fn skip_marks(&mut self) {
        while let Some(p) = self.inner.peek() {
            if is_mark(p.as_rule()) {
                self.inner.next();
            } else {
                break;
            }
        }
    }

    /// The next child that carries meaning (a value, not a keyword).
    fn meaningful(&mut self) -> Option<Pair<'i, Rule>> {
        self.skip_marks();
        self.inner.next()
    }
}

/// Punctuation and keywords: what `meaningful` steps over. Keywords whose
/// choice matters are read through their wrapper rules (`tier`,
/// `rumus_objek`, ...) or with `next`, never through `meaningful`.
fn is_mark(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::eq | Rule::lbrace | Rule::rbrace | Rule::lparen | Rule::rparen | Rule::comma | Rule::dot
    ) || is_keyword_rule(rule)
}

/// Whether `rule` is a `kw_*` rule: decided once per rule for the process
/// (it is asked for every token of every file).
fn is_keyword_rule(rule: Rule) -> bool {
    /// Per rule, by its number: whether it is a keyword rule, found once. A
    /// table rather than a hash set: hashing the rule was 2-3% of a folder
    /// rollup.
    static KEYWORDS: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    KEYWORDS
        .get_or_init(|| {
            let mut table = Vec::new();
            for r in Rule::all_rules() {
                let i = *r as usize;
                if table.len() <= i {
                    table.resize(i + 1, false);
                }
                if let Some(slot) = table.get_mut(i) {
                    *slot = rule_name(*r).starts_with("kw_");
                }
            }
            table
        })
        .get(rule as usize)
        .copied()
        .unwrap_or(false)
}

/// A grammar rule as the words a policy officer reads in "expected ...".
fn rule_name(rule: Rule) -> String {
    format!("{rule:?}")
}

/// The keyword a `kw_*` rule matches (`kw_sama_dengan` -> `sama_dengan`).
pub(super) fn keyword_of(rule: Rule) -> Option<String> {
    rule_name(rule).strip_prefix("kw_").map(str::to_string)
}

/// Operator precedence of formulas, built once: `atau` < `dan` <
/// comparisons < `+ -` < `* /`.
fn pratt() -> &'static PrattParser<Rule> {
    /// Built once for the process.
    static PRATT: OnceLock<PrattParser<Rule>> = OnceLock::new();
    PRATT.get_or_init(|| {
        PrattParser::new()
            .op(Op::infix(Rule::kw_atau, Assoc::Left))
            .op(Op::infix(Rule::kw_dan, Assoc::Left))
            .op(Op::infix(Rule::op_lt, Assoc::Left)
                | Op::infix(Rule::op_le, Assoc::Left)
                | Op::infix(Rule::op_gt, Assoc::Left)
                | Op::infix(Rule::op_ge, Assoc::Left)
                | Op::infix(Rule::op_eq, Assoc::Left)
                | Op::infix(Rule::op_ne, Assoc::Left))
            .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
            .op(Op::infix(Rule::op_mul, Assoc::Left) | Op::infix(Rule::op_div, Assoc::Left))
            .op(Op::prefix(Rule::neg) | Op::prefix(Rule::kw_tidak))
    })
}

impl Builder<'_> {
    /// The span of a pest pair in this file.
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    /// An error at `pair` whose message is in the catalogue.
    fn error_says(&self, pair: &Pair<'_, Rule>, code: Code, text: Text) -> Box<RuleError> {
        Box::new(RuleError::at_says(self.sources, self.span(pair), code, text))
    }

    /// A part the grammar guarantees was not there: sakip's bug, reported
    /// rather than a panic.
    fn missing(&self, what: &str) -> Box<RuleError> {
        Box::new(RuleError::path_says(
            self.sources.get(self.file).map(|f| f.name.as_str()).unwrap_or("?"),
            Code::InternalError,
            Text::new("internal-error-2").arg("what", what),
        ))
    }

    /// The next child, which the grammar guarantees.
    fn need<'i>(&self, c: &mut Children<'i>, what: &str) -> Result<Pair<'i, Rule>> {
        c.meaningful().ok_or_else(|| self.missing(what))
    }

    /// One top-level declaration.
    pub(super) fn item(&self, pair: Pair<'_, Rule>) -> Result<Item> {
        let span = self.span(&pair);
        Ok(match pair.as_rule() {
            Rule::header => {
                let mut c = Children::of(pair);
                let first = c.next().ok_or_else(|| self.missing("a header keyword"))?;
                let tingkat = if first.as_rule() == Rule::kw_satker {
                    TingkatAturan::Satker
                } else {
                    let t = self.need(&mut c, "a tingkat")?;
                    match t.into_inner().next().map(|p| p.as_rule()) {
                        Some(Rule::kw_kanwil) => TingkatAturan::Kanwil,
                        _ => TingkatAturan::Nasional,
                    }
                };
                let id = self.ident(self.need(&mut c, "an id")?);
                let name = self.string(self.need(&mut c, "a name")?);
                Item::Header(Header {
                    tingkat,
                    id,
                    name,
                    span,
                })
            }
            Rule::berdasarkan => Item::Berdasarkan(self.only_string(pair)?),
            Rule::skrip => {
                let mut c = Children::of(pair);
                let path = self.string(self.need(&mut c, "a script path")?);
                let from_year = self.mulai(&mut c)?;
                Item::Skrip(Skrip { path, from_year, span })
            }
            Rule::renstra => {
                let mut years = pair.into_inner().filter(|p| p.as_rule() == Rule::year);
                let start = self.year(years.next().ok_or_else(|| self.missing("a first year"))?)?;
                let end = self.year(years.next().ok_or_else(|| self.missing("a last year"))?)?;
                if end.node < start.node {
                    return Err(Box::new(
                        RuleError::at_says(self.sources, span, Code::RenstraOrder, Text::new("renstra-order"))
                            .help_says(
                                Text::new("renstra-order-help")
                                    .arg("start", end.node)
                                    .arg("end", start.node),
                            ),
                    ));
                }
                Item::Renstra(Renstra { start, end, span })
            }
            Rule::dasar => Item::Dasar(self.only_string(pair)?),
            Rule::gabungan => {
                let span = self.span(&pair);
                let mut g = Gabungan {
                    jenjang: false,
                    berbobot: false,
                    maks: None,
                    mentah: false,
                    from_year: None,
                    span,
                };
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::gabungan_objek => {
                            g.jenjang = p.into_inner().any(|x| x.as_rule() == Rule::gabungan_jenjang);
                        }
                        Rule::kw_bobot => g.berbobot = true,
                        Rule::gabungan_maks => {
                            let n = p
                                .into_inner()
                                .find(|x| x.as_rule() == Rule::number)
                                .ok_or_else(|| self.missing("a number"))?;
                            g.maks = Some(self.number(n)?);
                        }
                        Rule::gabungan_mentah => g.mentah = true,
                        Rule::mulai => {
                            let y = p
                                .into_inner()
                                .find(|x| x.as_rule() == Rule::year)
                                .ok_or_else(|| self.missing("a year"))?;
                            g.from_year = Some(self.year(y)?);
                        }
                        _ => {}
                    }
                }
                Item::Gabungan(g)
            }
            Rule::target_berjalan => {
                let span = self.span(&pair);
                let mut rule = sakip_core::model::TargetBerjalan::Tahunan;
                let mut from_year = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::kw_prorata => rule = sakip_core::model::TargetBerjalan::Prorata,
                        Rule::kw_tahunan => rule = sakip_core::model::TargetBerjalan::Tahunan,
                        Rule::mulai => {
                            let y = p
                                .into_inner()
                                .find(|x| x.as_rule() == Rule::year)
                                .ok_or_else(|| self.missing("a year"))?;
                            from_year = Some(self.year(y)?);
                        }
                        _ => {}
                    }
                }
                Item::TargetBerjalan(TargetBerjalanLine { rule, from_year, span })
            }
            Rule::pembulatan => {
                let mut c = Children::of(pair);
                let objek = match self
                    .need(&mut c, "a rounding object")?
                    .into_inner()
                    .next()
                    .map(|p| p.as_rule())
                {
                    Some(Rule::kw_anggaran) => PembulatanObjek::Anggaran,
                    Some(Rule::kw_nilai) => PembulatanObjek::Nilai,
                    Some(Rule::kw_sasaran) => PembulatanObjek::Sasaran,
                    Some(Rule::kw_realisasi) => PembulatanObjek::Realisasi,
                    _ => PembulatanObjek::Capaian,
                };
                let mode = match self
                    .need(&mut c, "a rounding mode")?
                    .into_inner()
                    .next()
                    .map(|p| p.as_rule())
                {
                    Some(Rule::kw_bulat) => RoundingMode::HalfUp,
                    _ => RoundingMode::Truncate,
                };
                let n = self.need(&mut c, "a number of decimals")?;
                let decimals = n
                    .as_str()
                    .parse::<u32>()
                    .map_err(|_| self.error_says(&n, Code::Syntax, Text::new("syntax").arg("value", n.as_str())))?;
                let from_year = self.mulai(&mut c)?;
                Item::Pembulatan(Pembulatan {
                    objek,
                    mode,
                    decimals: Spanned::new(decimals, self.span(&n)),
                    from_year,
                    span,
                })
            }
            Rule::konversi => {
                let mut c = Children::of(pair);
                let value = self.number(self.need(&mut c, "a number")?)?;
                let from_year = self.mulai(&mut c)?;
                Item::Konversi(Konversi { value, from_year, span })
            }
            Rule::klasifikasi => {
                let mut bands = Vec::new();
                let mut from_year = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::band => bands.push(self.band(p)?),
                        Rule::mulai => from_year = self.mulai_year(p)?,
                        _ => {}
                    }
                }
                Item::Klasifikasi(Klasifikasi { bands, from_year, span })
            }
            Rule::sasaran => Item::Sasaran(self.sasaran(pair)?),
            Rule::perjanjian => Item::Perjanjian(self.perjanjian(pair)?),
            Rule::realisasi_block => Item::Realisasi(self.realisasi_block(pair)?),
            Rule::anggaran_block => Item::Anggaran(self.anggaran_block(pair)?),
            Rule::uji => Item::Uji(self.uji(pair)?),
            other => return Err(self.missing(&format!("an item, not {other:?}"))),
        })
    }

    /// An optional `mulai <tahun>` as the next child.
    fn mulai(&self, c: &mut Children<'_>) -> Result<Option<Spanned<u16>>> {
        match c.meaningful() {
            Some(p) if p.as_rule() == Rule::mulai => self.mulai_year(p),
            _ => Ok(None),
        }
    }

    /// The year of a `mulai <Y>` clause, when there is one.
    fn mulai_year(&self, pair: Pair<'_, Rule>) -> Result<Option<Spanned<u16>>> {
        let mut c = Children::of(pair);
        Ok(Some(self.year(self.need(&mut c, "a year")?)?))
    }

    /// The one string child of `pair`.
    fn only_string(&self, pair: Pair<'_, Rule>) -> Result<Spanned<String>> {
        let mut c = Children::of(pair);
        Ok(self.string(self.need(&mut c, "a string")?))
    }

    /// An id as written.
    fn ident(&self, pair: Pair<'_, Rule>) -> Spanned<String> {
        Spanned::new(pair.as_str().to_string(), self.span(&pair))
    }

    /// A quoted string, unescaped.
    fn string(&self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next().map(|p| p.as_str()).unwrap_or("");
        Spanned::new(inner.replace("\\\"", "\"").replace("\\\\", "\\"), span)
    }

    /// A plain number, exact; too many digits is `number-range`.
    fn number(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Decimal>> {
        let text = pair.as_str();
        let value = Decimal::from_str_exact(text).map_err(|_| {
            self.error_says(&pair, Code::NumberRange, Text::new("number-range").arg("text", text))
                .help_says(Text::new("number-range-help"))
        })?;
        Ok(Spanned::new(value, self.span(&pair)))
    }

    /// A year.
    fn year(&self, pair: Pair<'_, Rule>) -> Result<Spanned<u16>> {
        let text = pair.as_str();
        let year = text
            .parse::<u16>()
            .map_err(|_| self.error_says(&pair, Code::Syntax, Text::new("syntax-2").arg("text", text)))?;
        Ok(Spanned::new(year, self.span(&pair)))
    }

    /// A number with its unit word (`12 layanan`, `75%`), or a scale value
    /// (`WTP`, `"Baik Sekali"`).
    fn quantity(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Quantity>> {
        let span = self.span(&pair);
        if pair.as_rule() == Rule::skala_label {
            let label = self.skala_label(pair);
            return Ok(Spanned::new(
                Quantity {
                    value: Decimal::ZERO,
                    unit: None,
                    label: Some(label.node),
                },
                span,
            ));
        }
        let mut value = None;
        let mut unit = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::number => value = Some(self.number(p)?.node),
                Rule::percent => unit = Some("%".to_string()),
                Rule::unit_word => unit = Some(p.as_str().to_string()),
                _ => {}
            }
        }
        let value = value.ok_or_else(|| self.missing("a number"))?;
        Ok(Spanned::new(
            Quantity {
                value,
                unit,
                label: None,
            },
            span,
        ))
    }

    /// A bare number (`89`, no unit word), or a scale value (`BB`).
    fn number_or_label(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Quantity>> {
        if pair.as_rule() == Rule::skala_label {
            return self.quantity(pair);
        }
        let n = self.number(pair)?;
        Ok(Spanned::new(
            Quantity {
                value: n.node,
                unit: None,
                label: None,
            },
            n.span,
        ))
    }

    /// A unit's figure in `realisasi dari satker`: `nilai` or `<id>.<field>`.
    fn satker_figur(&self, pair: Pair<'_, Rule>) -> Result<Spanned<FigurAst>> {
        let span = self.span(&pair);
        match pair.into_inner().next().filter(|p| p.as_rule() == Rule::reference) {
            Some(r) => {
                let (id, field) = self.reference(r)?;
                Ok(Spanned::new(FigurAst::Indikator { id, field }, span))
            }
            None => Ok(Spanned::new(FigurAst::Nilai, span)),
        }
    }

    /// `<id>.realisasi|target|capaian`, in a formula or a region's figure.
    fn reference(&self, pair: Pair<'_, Rule>) -> Result<(Spanned<String>, Field)> {
        let mut c = Children::of(pair);
        let indicator = self.ident(self.need(&mut c, "an indikator id")?);
        let field = match c.meaningful().and_then(|f| f.into_inner().next()).map(|p| p.as_rule()) {
            Some(Rule::kw_target) => Field::Target,
            Some(Rule::kw_capaian) => Field::Capaian,
            _ => Field::Realisasi,
        };
        Ok((indicator, field))
    }

    /// A value of a scale as written: a word, or a string without its quotes.
    fn skala_label(&self, pair: Pair<'_, Rule>) -> Spanned<String> {
        let span = self.span(&pair);
        match pair.clone().into_inner().find(|p| p.as_rule() == Rule::string) {
            Some(s) => Spanned::new(self.string(s).node, span),
            None => Spanned::new(pair.as_str().trim().to_string(), span),
        }
    }

    /// A sum in rupiah (`Rp 1.938.261.000`, `Rp. 1.000,50`), exact.
    fn money(&self, pair: Pair<'_, Rule>) -> Result<Spanned<Decimal>> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next().ok_or_else(|| self.missing("an amount"))?;
        if inner.as_rule() == Rule::number {
            return self.number(inner);
        }
        // `Rp. 1.938.261.000,-` / `Rp 1.000,50`: dots group thousands, a comma starts decimals.
        let text = inner.as_str().trim_start_matches("Rp").trim_start_matches('.').trim();
        let (whole, frac) = match text.split_once(',') {
            Some((w, f)) => (w, f),
            None => (text, ""),
        };
        let mut digits: String = whole.chars().filter(|c| c.is_ascii_digit()).collect();
        if !frac.is_empty() && frac != "-" {
            digits.push('.');
            digits.push_str(frac);
        }
        let value = Decimal::from_str(&digits).map_err(|_| {
            self.error_says(
                &inner,
                Code::NumberRange,
                Text::new("number-range-2").arg("text", inner.as_str()),
            )
        })?;
        Ok(Spanned::new(value, span))
    }

    /// One band of a klasifikasi; a range the wrong way round is `band-range`.
    fn band(&self, pair: Pair<'_, Rule>) -> Result<Band> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let range = self.need(&mut c, "a range")?;
        let mut lower = None;
        let mut upper = None;
        let mut op = None;
        let mut above_lower = false;
        for p in range.into_inner() {
            match p.as_rule() {
                Rule::number if op.is_none() => lower = Some(self.number(p)?),
                Rule::number => upper = Some(self.number(p)?),
                Rule::range_op => {
                    let text = p.as_str();
                    above_lower = text.starts_with('<');
                    let kind = match text.trim_start_matches('<') {
                        "..=" => RangeOp::Inclusive,
                        "..<" => RangeOp::Exclusive,
                        _ => RangeOp::Open,
                    };
                    op = Some(Spanned::new(kind, self.span(&p)));
                }
                _ => {}
            }
        }
        let op = op.ok_or_else(|| self.missing("a range operator"))?;
        if above_lower && lower.is_none() {
            return Err(Box::new(
                RuleError::at_says(
                    self.sources,
                    op.span,
                    Code::BandRange,
                    Text::new("band-range-above-nothing"),
                )
                .label_says(Text::new("band-range-above-nothing-label"))
                .help_says(Text::new("band-range-above-nothing-help")),
            ));
        }
        if op.node == RangeOp::Open && upper.is_some() {
            return Err(Box::new(
                RuleError::at_says(self.sources, op.span, Code::BandRange, Text::new("band-range-open"))
                    .label_says(Text::new("band-range-open-label"))
                    .help_says(Text::new("band-range-open-help")),
            ));
        }
        if op.node != RangeOp::Open && upper.is_none() {
            return Err(Box::new(
                RuleError::at_says(self.sources, op.span, Code::BandRange, Text::new("band-range-no-upper"))
                    .label_says(Text::new("band-range-no-upper-label"))
                    .help_says(Text::new("band-range-no-upper-help")),
            ));
        }
        let label = self.string(self.need(&mut c, "a label")?);
        let id = self.ident(self.need(&mut c, "a band id")?);
        let colour_pair = self.need(&mut c, "a colour")?;
        let colour = Spanned::new(
            colour_pair.as_str().trim_matches('"').to_string(),
            self.span(&colour_pair),
        );
        Ok(Band {
            lower,
            above_lower,
            op,
            upper,
            label,
            id,
            colour,
            span,
        })
    }

    /// A sasaran with its indikator.
    fn sasaran(&self, pair: Pair<'_, Rule>) -> Result<Sasaran> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let code_pair = self.need(&mut c, "a sasaran code")?;
        let code = Spanned::new(code_pair.as_str().to_string(), self.span(&code_pair));
        let tier = match self.need(&mut c, "a tier")?.into_inner().next().map(|p| p.as_rule()) {
            Some(Rule::kw_program) => Tier::Program,
            Some(Rule::kw_kegiatan) => Tier::Kegiatan,
            Some(Rule::kw_output) => Tier::Output,
            _ => Tier::Strategis,
        };
        let name = self.string(self.need(&mut c, "a name")?);
        let mut dasar = Vec::new();
        let mut indikator = Vec::new();
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::indikator => indikator.push(self.indikator(p)?),
                _ => {}
            }
        }
        Ok(Sasaran {
            code,
            tier,
            name,
            dasar,
            indikator,
            span,
        })
    }

    /// An indikator with its lines and sub-indikator.
    fn indikator(&self, pair: Pair<'_, Rule>) -> Result<Indikator> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "an indikator id")?);
        let name = self.string(self.need(&mut c, "a name")?);
        let mut items = Vec::new();
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            let item = match p.as_rule() {
                Rule::satuan => {
                    let mut cc = Children::of(p);
                    let u = self.need(&mut cc, "a unit")?;
                    IndikatorItem::Satuan(Spanned::new(u.as_str().to_string(), self.span(&u)))
                }
                Rule::polaritas => {
                    let mut cc = Children::of(p);
                    let v = cc.next().ok_or_else(|| self.missing("a polaritas"))?;
                    let v = if v.as_rule() == Rule::kw_polaritas {
                        cc.next().ok_or_else(|| self.missing("a polaritas"))?
                    } else {
                        v
                    };
                    let node = match v.as_rule() {
                        Rule::kw_turun => PolaritasAst::Turun,
                        Rule::rentang => {
                            let mut nums = v.into_inner().filter(|x| x.as_rule() == Rule::number);
                            let lo = self.number(nums.next().ok_or_else(|| self.missing("a lower bound"))?)?;
                            let hi = self.number(nums.next().ok_or_else(|| self.missing("an upper bound"))?)?;
                            if lo.node > hi.node {
                                return Err(Box::new(
                                    RuleError::at_says(
                                        self.sources,
                                        pspan,
                                        Code::RentangOrder,
                                        Text::new("rentang-order"),
                                    )
                                    .help_says(
                                        Text::new("rentang-order-help").arg("low", hi.node).arg("high", lo.node),
                                    ),
                                ));
                            }
                            PolaritasAst::Rentang(lo.node, hi.node)
                        }
                        _ => PolaritasAst::Naik,
                    };
                    IndikatorItem::Polaritas(Spanned::new(node, pspan))
                }
                Rule::agregasi => {
                    let mut cc = Children::of(p);
                    let agg = self.need(&mut cc, "an aggregation")?;
                    let agregasi = agg_of(&agg).ok_or_else(|| self.missing("an aggregation"))?;
                    let jenis = cc.meaningful().and_then(|j| jenis_of(&j));
                    IndikatorItem::Agregasi {
                        agregasi,
                        jenis,
                        span: pspan,
                    }
                }
                Rule::target => {
                    let mut cc = Children::of(p);
                    let year = self.year(self.need(&mut cc, "a year")?)?;
                    let value = self.quantity(self.need(&mut cc, "a value")?)?;
                    let dasar = match cc.meaningful() {
                        Some(d) => Some(self.only_string(d)?),
                        None => None,
                    };
                    IndikatorItem::Target(TargetLine {
                        year,
                        value,
                        dasar,
                        span: pspan,
                    })
                }
                Rule::rumus => {
                    let mut cc = Children::of(p);
                    let objek = match self
                        .need(&mut cc, "what the formula computes")?
                        .into_inner()
                        .next()
                        .map(|x| x.as_rule())
                    {
                        Some(Rule::kw_capaian) => RumusObjek::Capaian,
                        _ => RumusObjek::Realisasi,
                    };
                    let mut from_year = None;
                    let mut expr = None;
                    while let Some(x) = cc.meaningful() {
                        match x.as_rule() {
                            Rule::year => from_year = Some(self.year(x)?),
                            Rule::expr => expr = Some(self.expr(x)?),
                            _ => {}
                        }
                    }
                    let expr = expr.ok_or_else(|| self.missing("a formula"))?;
                    IndikatorItem::Rumus(Rumus {
                        objek,
                        from_year,
                        expr,
                        span: pspan,
                    })
                }
                Rule::bobot => {
                    let mut cc = Children::of(p);
                    IndikatorItem::Bobot(self.number(self.need(&mut cc, "a weight")?)?)
                }
                Rule::dasar => IndikatorItem::Dasar(self.only_string(p)?),
                Rule::komponen => IndikatorItem::Komponen(self.span(&p)),
                Rule::dari_satker => {
                    let mut fungsi = None;
                    let mut figur = Vec::new();
                    let mut banding = None;
                    for x in p.into_inner() {
                        match x.as_rule() {
                            Rule::satker_fungsi => fungsi = Some(Spanned::new(x.as_str().to_string(), self.span(&x))),
                            Rule::satker_figur => figur.push(self.satker_figur(x)?),
                            Rule::satker_banding => {
                                let mut op = BinOp::Ge;
                                let mut value = None;
                                for y in x.into_inner() {
                                    match y.as_rule() {
                                        Rule::op_ge => op = BinOp::Ge,
                                        Rule::op_le => op = BinOp::Le,
                                        Rule::op_gt => op = BinOp::Gt,
                                        Rule::op_lt => op = BinOp::Lt,
                                        Rule::op_eq => op = BinOp::Eq,
                                        Rule::op_ne => op = BinOp::Ne,
                                        Rule::number | Rule::skala_label => value = Some(self.number_or_label(y)?),
                                        _ => {}
                                    }
                                }
                                banding = value.map(|v| (op, v));
                            }
                            _ => {}
                        }
                    }
                    let mut figur = figur.into_iter();
                    IndikatorItem::DariSatker(DariSatkerLine {
                        fungsi: fungsi.ok_or_else(|| self.missing("a function"))?,
                        figur: figur.next().ok_or_else(|| self.missing("a figure"))?,
                        banding,
                        pembagi: figur.next(),
                        span: pspan,
                    })
                }
                Rule::skala => {
                    let mut nilai = Vec::new();
                    let mut langkah = None;
                    for x in p.into_inner() {
                        match x.as_rule() {
                            Rule::skala_label => nilai.push(self.skala_label(x)),
                            Rule::number => langkah = Some(self.number(x)?),
                            _ => {}
                        }
                    }
                    IndikatorItem::Skala(SkalaLine {
                        nilai,
                        langkah,
                        span: pspan,
                    })
                }
                Rule::sama_dengan => {
                    let mut cc = Children::of(p);
                    IndikatorItem::SamaDengan(self.ident(self.need(&mut cc, "an indikator id")?))
                }
                Rule::indikator => IndikatorItem::Sub(self.indikator(p)?),
                _ => continue,
            };
            items.push(item);
        }
        Ok(Indikator { id, name, items, span })
    }

    /// A perjanjian block.
    fn perjanjian(&self, pair: Pair<'_, Rule>) -> Result<Perjanjian> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let mut dasar = Vec::new();
        let mut targets = Vec::new();
        let mut measured = Vec::new();
        let mut anggaran = Vec::new();
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::pk_target => targets.push(self.pk_target(p)?),
                Rule::pk_indikator => {
                    let mut cc = Children::of(p);
                    let id = self.ident(self.need(&mut cc, "an indikator id")?);
                    measured.push(PkIndikator { id, span: pspan });
                }
                Rule::pk_anggaran => {
                    let mut cc = Children::of(p);
                    let name = self.string(self.need(&mut cc, "a programme name")?);
                    let amount = self.money(self.need(&mut cc, "an amount")?)?;
                    let mut kegiatan = Vec::new();
                    while let Some(k) = cc.meaningful() {
                        if k.as_rule() == Rule::pk_kegiatan {
                            let mut kc = Children::of(k);
                            let kname = self.string(self.need(&mut kc, "a kegiatan name")?);
                            let kamount = self.money(self.need(&mut kc, "an amount")?)?;
                            kegiatan.push((kname, kamount));
                        }
                    }
                    anggaran.push(PkAnggaran {
                        name,
                        amount,
                        kegiatan,
                        span: pspan,
                    });
                }
                _ => {}
            }
        }
        Ok(Perjanjian {
            year,
            dasar,
            targets,
            measured,
            anggaran,
            span,
        })
    }

    /// A rule test.
    fn uji(&self, pair: Pair<'_, Rule>) -> Result<Uji> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let name = self.string(self.need(&mut c, "a name")?);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let (mut targets, mut entries, mut harap) = (Vec::new(), Vec::new(), Vec::new());
        let mut satker = Vec::new();
        let mut until = None;
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::periode => {
                    until = Periode::from_keyword(p.as_str()).map(|per| Spanned::new(per, pspan));
                }
                Rule::pk_target => targets.push(self.pk_target(p)?),
                Rule::realisasi_entry => entries.push(self.realisasi_entry(p)?),
                Rule::uji_satker => satker.push(self.uji_satker(p)?),
                Rule::harap => {
                    let inner = Children::of(p)
                        .meaningful()
                        .ok_or_else(|| self.missing("an expectation"))?;
                    let h = if inner.as_rule() == Rule::harap_nilai {
                        let mut cc = Children::of(inner);
                        Harap::Nilai {
                            value: self.number(self.need(&mut cc, "a number")?)?,
                            span: pspan,
                        }
                    } else if inner.as_rule() == Rule::harap_sasaran {
                        let mut cc = Children::of(inner);
                        let code = self.ident(self.need(&mut cc, "a sasaran code")?);
                        let mut w = Children::of(self.need(&mut cc, "capaian")?);
                        let value = self.number(self.need(&mut w, "a number")?)?;
                        let band = w.meaningful().map(|b| self.string(b));
                        Harap::Sasaran {
                            code,
                            value,
                            band,
                            span: pspan,
                        }
                    } else {
                        let mut cc = Children::of(inner);
                        let id = self.ident(self.need(&mut cc, "an indikator id")?);
                        let what = self.need(&mut cc, "capaian or realisasi")?;
                        let is_capaian = what.as_rule() == Rule::harap_capaian;
                        let mut w = Children::of(what);
                        let first = self.need(&mut w, "a number")?;
                        if is_capaian {
                            let value = self.number(first)?;
                            let band = w.meaningful().map(|b| self.string(b));
                            Harap::Capaian {
                                id,
                                value,
                                band,
                                span: pspan,
                            }
                        } else {
                            let value = self.number_or_label(first)?;
                            Harap::Realisasi { id, value, span: pspan }
                        }
                    };
                    harap.push(h);
                }
                _ => {}
            }
        }
        Ok(Uji {
            name,
            year,
            until,
            targets,
            entries,
            harap,
            satker,
            span,
        })
    }

    /// `satker <id> { <figure> = <number | value> ... }` or `satker <id> gagal ["why"]`.
    fn uji_satker(&self, pair: Pair<'_, Rule>) -> Result<UjiSatker> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "a satker id")?);
        let (mut figur, mut tidak_diukur, mut gagal) = (Vec::new(), Vec::new(), None);
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::uji_gagal => {
                    let why = Children::of(p).meaningful().map(|s| self.string(s).node);
                    gagal = Some(Spanned::new(why, pspan));
                }
                Rule::uji_figur => {
                    let mut cc = Children::of(p);
                    let f = self.satker_figur(self.need(&mut cc, "nilai or <id>.realisasi")?)?;
                    let v = self.number_or_label(self.need(&mut cc, "a number")?)?;
                    figur.push((f, v));
                }
                Rule::uji_tidak_diukur => {
                    let mut cc = Children::of(p);
                    tidak_diukur.push(self.ident(self.need(&mut cc, "an indikator id")?));
                }
                _ => {}
            }
        }
        Ok(UjiSatker {
            id,
            figur,
            tidak_diukur,
            gagal,
            span,
        })
    }

    /// `target <id> = <value | ?> [dasar "..."]`, in an agreement or a test.
    fn pk_target(&self, pair: Pair<'_, Rule>) -> Result<PkTarget> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "an indikator id")?);
        let v = self.need(&mut c, "a value")?;
        let value = if v.as_rule() == Rule::unfilled {
            Spanned::new(None, self.span(&v))
        } else {
            let q = self.quantity(v)?;
            Spanned::new(Some(q.node), q.span)
        };
        let mut periode = Vec::new();
        let mut dasar = None;
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::period_value => periode.push(self.period_value(p)?),
                _ => dasar = Some(self.only_string(p)?),
            }
        }
        Ok(PkTarget {
            id,
            value,
            periode,
            dasar,
            span,
        })
    }

    /// A realisasi block.
    fn realisasi_block(&self, pair: Pair<'_, Rule>) -> Result<RealisasiBlock> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let mut dasar = Vec::new();
        let mut entries = Vec::new();
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::realisasi_entry => entries.push(self.realisasi_entry(p)?),
                _ => {}
            }
        }
        Ok(RealisasiBlock {
            year,
            dasar,
            entries,
            span,
        })
    }

    /// `tw2 = 45`: a period and its value.
    fn period_value(&self, pair: Pair<'_, Rule>) -> Result<(Spanned<Periode>, Spanned<Quantity>)> {
        let mut cc = Children::of(pair);
        let per = self.need(&mut cc, "a period")?;
        let periode = Periode::from_keyword(per.as_str()).ok_or_else(|| self.missing("a period"))?;
        let pspan = self.span(&per);
        let q = self.quantity(self.need(&mut cc, "a value")?)?;
        Ok((Spanned::new(periode, pspan), q))
    }

    /// One realisasi: for the year or per period, with a printed capaian.
    fn realisasi_entry(&self, pair: Pair<'_, Rule>) -> Result<RealisasiEntry> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let id = self.ident(self.need(&mut c, "an indikator id")?);
        let mut values = Vec::new();
        let mut dicetak = None;
        let mut tidak_diukur = None;
        while let Some(p) = c.meaningful() {
            match p.as_rule() {
                Rule::tidak_diukur => {
                    let span = self.span(&p);
                    let alasan = p
                        .into_inner()
                        .find(|x| x.as_rule() == Rule::string)
                        .map(|s| self.string(s));
                    tidak_diukur = Some(TidakDiukur { alasan, span });
                }
                Rule::quantity | Rule::skala_label => {
                    let q = self.quantity(p)?;
                    values.push((Spanned::new(Periode::Tahun, id.span), q));
                }
                Rule::period_value => values.push(self.period_value(p)?),
                Rule::dicetak => {
                    let mut cc = Children::of(p);
                    dicetak = Some(self.quantity(self.need(&mut cc, "a printed value")?)?);
                }
                _ => {}
            }
        }
        Ok(RealisasiEntry {
            id,
            values,
            dicetak,
            tidak_diukur,
            span,
        })
    }

    /// An anggaran block of budget lines.
    fn anggaran_block(&self, pair: Pair<'_, Rule>) -> Result<AnggaranBlock> {
        let span = self.span(&pair);
        let mut c = Children::of(pair);
        let year = self.year(self.need(&mut c, "a year")?)?;
        let mut dasar = Vec::new();
        let mut lines = Vec::new();
        while let Some(p) = c.meaningful() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::dasar => dasar.push(self.only_string(p)?),
                Rule::belanja_line => {
                    let mut cc = Children::of(p);
                    let kind = match self
                        .need(&mut cc, "belanja or program")?
                        .into_inner()
                        .next()
                        .map(|x| x.as_rule())
                    {
                        Some(Rule::kw_program) => BelanjaKind::Program,
                        _ => BelanjaKind::Belanja,
                    };
                    let name = self.string(self.need(&mut cc, "a name")?);
                    let pagu = self.money(self.need(&mut cc, "a pagu")?)?;
                    let realisasi = self.money(self.need(&mut cc, "a realisasi")?)?;
                    let dicetak = match cc.meaningful() {
                        Some(d) => {
                            let mut dc = Children::of(d);
                            Some(self.quantity(self.need(&mut dc, "a printed value")?)?)
                        }
                        None => None,
                    };
                    lines.push(BelanjaLine {
                        kind,
                        name,
                        pagu,
                        realisasi,
                        dicetak,
                        span: pspan,
                    });
                }
                _ => {}
            }
        }
        Ok(AnggaranBlock {
            year,
            dasar,
            lines,
            span,
        })
    }

    /// A formula, by operator precedence.
    fn expr(&self, pair: Pair<'_, Rule>) -> Result<Expr> {
        pratt()
            .map_primary(|p| self.primary(p))
            .map_prefix(|op, rhs| {
                let rhs = rhs?;
                let span = Span::new(self.file, op.as_span().start(), rhs.span.end);
                let kind = if op.as_rule() == Rule::neg {
                    ExprKind::Neg(Box::new(rhs))
                } else {
                    ExprKind::Not(Box::new(rhs))
                };
                Ok(Expr { kind, span })
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, rhs) = (lhs?, rhs?);
                let op = match op.as_rule() {
                    Rule::op_add => BinOp::Add,
                    Rule::op_sub => BinOp::Sub,
                    Rule::op_mul => BinOp::Mul,
                    Rule::op_div => BinOp::Div,
                    Rule::op_lt => BinOp::Lt,
                    Rule::op_le => BinOp::Le,
                    Rule::op_gt => BinOp::Gt,
                    Rule::op_ge => BinOp::Ge,
                    Rule::op_eq => BinOp::Eq,
                    Rule::op_ne => BinOp::Ne,
                    Rule::kw_dan => BinOp::And,
                    _ => BinOp::Or,
                };
                let span = Span::new(self.file, lhs.span.start, rhs.span.end);
                Ok(Expr {
                    kind: ExprKind::Binary {
                        op,
                        lhs: Box::new(lhs),
                        rhs: Box::new(rhs),
                    },
                    span,
                })
            })
            .parse(pair.into_inner())
    }

    /// A formula's operand: a number, a figure, a call, a `jika`, a group.
    fn primary(&self, pair: Pair<'_, Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::number => ExprKind::Number(self.number(pair)?.node),
            Rule::own_field => match pair.into_inner().next().map(|p| p.as_rule()) {
                Some(Rule::kw_target) => ExprKind::Own(Field::Target),
                _ => ExprKind::Own(Field::Realisasi),
            },
            Rule::periode => {
                ExprKind::Period(Periode::from_keyword(pair.as_str()).ok_or_else(|| self.missing("a period"))?)
            }
            Rule::agg_call => {
                let mut c = Children::of(pair);
                let agg = self.need(&mut c, "an aggregation")?;
                let agregasi = agg_of(&agg).ok_or_else(|| self.missing("an aggregation"))?;
                let jenis = c
                    .meaningful()
                    .and_then(|j| jenis_of(&j))
                    .ok_or_else(|| self.missing("a period kind"))?;
                ExprKind::Aggregate(agregasi, jenis)
            }
            Rule::reference => {
                let (indicator, field) = self.reference(pair)?;
                ExprKind::Ref { indicator, field }
            }
            Rule::call => {
                let mut c = Children::of(pair);
                // The name may be the keyword `bulat` or `potong`, which
                // `meaningful` would step over: it is always the first child.
                let name = self.ident(c.next().ok_or_else(|| self.missing("a function name"))?);
                let mut args = Vec::new();
                while let Some(a) = c.meaningful() {
                    if a.as_rule() == Rule::expr {
                        args.push(self.expr(a)?);
                    }
                }
                ExprKind::Call { name, args }
            }
            Rule::if_expr => {
                let mut parts = pair.into_inner().filter(|p| p.as_rule() == Rule::expr);
                let mut next = || -> Result<Box<Expr>> {
                    Ok(Box::new(
                        self.expr(parts.next().ok_or_else(|| self.missing("a branch"))?)?,
                    ))
                };
                let (cond, then, otherwise) = (next()?, next()?, next()?);
                ExprKind::If { cond, then, otherwise }
            }
            Rule::expr => return self.expr(pair),
            Rule::paren => {
                let inner = pair
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::expr)
                    .ok_or_else(|| self.missing("a formula"))?;
                let mut e = self.expr(inner)?;
                // The parentheses belong to the sub-formula's span.
                e.span = span;
                return Ok(e);
            }
            other => return Err(self.missing(&format!("an operand, not {other:?}"))),
        };
        Ok(Expr { kind, span })
    }
}

/// The aggregation a keyword names (`jumlah`, `rata`, ...).
fn agg_of(pair: &Pair<'_, Rule>) -> Option<Agregasi> {
    let word = pair.as_str();
    Agregasi::from_keyword(word)
}

/// The kind of period a keyword names (`triwulan`, `semester`).
fn jenis_of(pair: &Pair<'_, Rule>) -> Option<JenisPeriode> {
    match pair.as_str() {
        "triwulan" => Some(JenisPeriode::Triwulan),
        "semester" => Some(JenisPeriode::Semester),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_rules_are_those_named_kw() {
        for r in Rule::all_rules() {
            assert_eq!(is_keyword_rule(*r), rule_name(*r).starts_with("kw_"), "{r:?}");
        }
        assert!(is_keyword_rule(Rule::kw_atau));
        assert!(!is_keyword_rule(Rule::ident));
    }
}

//! The canonical layout of a rule file, for `sakip fmt`.
//!
//! Layout comes from the syntax tree, not from the author: one declaration
//! per line, two spaces per level, single spaces, formulas with only the
//! parentheses they need, money as `Rp 1.938.261.000`, and the `=` of the
//! entries of a block (targets, realisasi, bands) aligned. Two things come
//! from the author: blank lines between declarations (at most one is kept),
//! and comments, every one of them. A comment on its own line stays on its
//! own line before what follows it; a comment at the end of a line stays at
//! the end of that line; a comment written inside a declaration (between a
//! keyword and its value) moves to the line before it. Formatting twice
//! gives the same text, and the formatted file means exactly what the
//! original meant.

use crate::ast::*;
use crate::resolve::lower_expr;
use crate::scan::{pieces, Piece};
use rust_decimal::Decimal;
use sakip_core::model::TingkatAturan;
use sakip_core::pembulatan::RoundingMode;

/// A `//` comment: its byte range, without the line break.
#[derive(Debug, Clone, Copy)]
struct Comment {
    start: usize,
    end: usize,
}

/// Every comment of `text`, skipping `//` inside strings.
fn comments(text: &str) -> Vec<Comment> {
    pieces(text)
        .filter_map(|p| match p {
            Piece::Comment { start, end } => Some(Comment { start, end }),
            _ => None,
        })
        .collect()
}

/// The formatted text of the rule file at `path` whose text is `text`, or
/// its syntax error: what `sakip fmt` writes.
pub fn format_file(path: &camino::Utf8Path, text: String) -> Result<String, Box<crate::RuleError>> {
    let mut sources = crate::source::SourceMap::default();
    let id = sources.add(path, text);
    let file = crate::parser::parse(&sources, id)?;
    let source = sources.get(id).map(|f| f.source()).unwrap_or("");
    Ok(format(source, &file))
}

/// The rule file at `path` (text `text`) laid out as far as it parses:
/// each item with a syntax error is left as written, the rest laid out as
/// [`format_file`] lays it out; and the errors. An editor's "format" works
/// on a file mid-edit; `sakip fmt` stays strict.
pub fn format_tolerant(path: &camino::Utf8Path, text: String) -> (String, Vec<crate::RuleError>) {
    let mut sources = crate::source::SourceMap::default();
    let id = sources.add(path, text);
    let source = sources.get(id).map(|f| f.source().to_string()).unwrap_or_default();
    let recovered = crate::parser::recover(&sources, id);
    if recovered.errors.is_empty() {
        return (format(&source, &recovered.file), Vec::new());
    }
    // The parts between the items given up, each laid out on its own (a
    // run of whole items parses alone), and the items given up as written.
    let part = |t: &str| -> String {
        if t.trim().is_empty() {
            return t.to_string();
        }
        match format_file(path, t.to_string()) {
            Ok(mut f) => {
                // Keep the blank line that set the next item apart.
                if t.ends_with("\n\n") && !f.ends_with("\n\n") {
                    f.push('\n');
                }
                f
            }
            Err(_) => t.to_string(),
        }
    };
    // A line or an indikator given up leaves its top-level item as written:
    // the parts between must be whole items to be laid out.
    let mut items: Vec<(usize, usize)> = Vec::new();
    for (start, end) in &recovered.given_up {
        // `start + 1`: inside the part, so an item's own first byte is not
        // blamed on the item before it.
        let (item_start, item_end) = crate::parser::item_at(&source, start + 1)
            .map(|(s, e)| (s.min(*start), e.max(*end)))
            .unwrap_or((*start, *end));
        match items.last_mut() {
            Some(last) if item_start <= last.1 => last.1 = last.1.max(item_end),
            _ => items.push((item_start, item_end)),
        }
    }
    let mut out = String::new();
    let mut at = 0;
    for (start, end) in &items {
        let (Some(before), Some(broken)) = (source.get(at..*start), source.get(*start..*end)) else {
            return (source, recovered.errors);
        };
        out.push_str(&part(before));
        out.push_str(broken);
        at = *end;
    }
    out.push_str(&part(source.get(at..).unwrap_or("")));
    (out, recovered.errors)
}

/// Formats a parsed file; `text` is the source it was parsed from.
pub fn format(text: &str, file: &File) -> String {
    let mut p = Printer {
        text,
        comments: comments(text),
        next: 0,
        out: String::new(),
        consumed: 0,
        after_open: true,
    };
    for item in &file.items {
        p.item(item);
    }
    p.leading(text.len(), 0);
    let mut out = p.out;
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

struct Printer<'a> {
    text: &'a str,
    comments: Vec<Comment>,
    /// The first comment not printed yet.
    next: usize,
    out: String,
    /// How far into the source the printed output reaches.
    consumed: usize,
    /// Just after a line ending in `{` (or at the top): no blank line here.
    after_open: bool,
}

/// Two spaces per level.
fn pad(indent: usize) -> String {
    "  ".repeat(indent)
}

/// A string in quotes, escaped.
fn string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Rupiah as `Rp 1.938.261.000` (decimals after a comma when there are any).
fn money(d: Decimal) -> String {
    if d.is_zero() {
        "0".to_string()
    } else {
        sakip_core::anggaran::rupiah(d)
    }
}

/// A number with its unit as the canonical layout writes it (`75%`, `12
/// layanan`); a scale value as a word, or quoted when it is not one.
fn quantity(q: &Quantity) -> String {
    if let Some(label) = &q.label {
        return skala_value(label);
    }
    match q.unit.as_deref() {
        Some("%") => format!("{}%", q.value),
        Some(u) => format!("{} {u}", q.value),
        None => q.value.to_string(),
    }
}

/// A target's periods after its year's value: ` tw1 = 20 tw2 = 40`.
fn period_targets(t: &PkTarget) -> String {
    t.periode
        .iter()
        .map(|(p, q)| format!(" {} = {}", p.node.keyword(), quantity(&q.node)))
        .collect()
}

/// A scale value as written: bare when it reads back as one word
/// (`WTP`, `BB`), else in quotes (`"Baik Sekali"`).
fn skala_value(label: &str) -> String {
    let mut chars = label.chars();
    let word = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !crate::lexicon::is_keyword(label);
    if word {
        label.to_string()
    } else {
        string(label)
    }
}

/// A block's `dasar` lines and its other children, in the order the author
/// wrote them: the formatter keeps that order.
enum DasarAtau<'a, T> {
    Dasar(&'a crate::source::Spanned<String>),
    Anak(&'a T),
}

/// The `dasar` lines and the children of a block, in the order written.
fn in_source_order<'a, T>(
    dasar: &'a [crate::source::Spanned<String>],
    anak: &'a [T],
    start: impl Fn(&T) -> usize,
) -> Vec<DasarAtau<'a, T>> {
    let mut children: Vec<(usize, DasarAtau<'a, T>)> = dasar
        .iter()
        .map(|d| (d.span.start, DasarAtau::Dasar(d)))
        .chain(anak.iter().map(|a| (start(a), DasarAtau::Anak(a))))
        .collect();
    children.sort_by_key(|(start, _)| *start);
    children.into_iter().map(|(_, c)| c).collect()
}

/// ` mulai <Y>`, or nothing.
fn mulai(y: &Option<crate::source::Spanned<u16>>) -> String {
    y.as_ref().map(|y| format!(" mulai {}", y.node)).unwrap_or_default()
}

impl<'a> Printer<'a> {
    /// Whether the source has a blank line between `from` and `to`.
    fn blank_between(&self, from: usize, to: usize) -> bool {
        self.text
            .get(from..to)
            .is_some_and(|gap| gap.matches('\n').count() >= 2)
    }

    /// Keeps one blank line where the author left at least one.
    fn blank_line_if_any(&mut self, before: usize) {
        if !self.after_open && self.blank_between(self.consumed, before) {
            self.out.push('\n');
        }
    }

    /// Prints, each on its own line, the comments that start before `bound`.
    fn leading(&mut self, bound: usize, indent: usize) {
        while let Some(c) = self.comments.get(self.next).copied() {
            if c.start >= bound {
                break;
            }
            self.blank_line_if_any(c.start);
            let body = self.text.get(c.start..c.end).unwrap_or("").trim_end();
            self.out.push_str(&pad(indent));
            self.out.push_str(body);
            self.out.push('\n');
            self.consumed = c.end;
            self.next += 1;
            self.after_open = false;
        }
    }

    /// A comment that follows `end` on the same source line, if any.
    fn trailing(&mut self, end: usize) -> Option<&'a str> {
        let c = self.comments.get(self.next).copied()?;
        let gap = self.text.get(end..c.start)?;
        if c.start < end || gap.contains('\n') {
            return None;
        }
        self.next += 1;
        self.consumed = c.end;
        let text: &'a str = self.text;
        text.get(c.start..c.end).map(str::trim_end)
    }

    /// Where a declaration's own text ends: pest's span of a rule that ends
    /// in an optional part (`dasar?`, `mulai?`) reaches over the whitespace
    /// and comments after it, which belong to what follows.
    fn content_end(&self, start: usize, end: usize) -> usize {
        let inside = self.text.get(start..end).unwrap_or("");
        let last = pieces(inside)
            .filter_map(|p| match p {
                Piece::Code(i, b) if !b.is_ascii_whitespace() => Some(i + 1),
                Piece::Str { end, .. } => Some(end),
                _ => None,
            })
            .last();
        last.map(|l| start + l).unwrap_or(start)
    }

    /// One line for a declaration spanning `start..end`: comments written
    /// inside it go before it, a comment after it on its line stays there.
    fn line(&mut self, start: usize, end: usize, indent: usize, content: &str) {
        let end = self.content_end(start, end);
        self.leading(end, indent);
        self.blank_line_if_any(start);
        self.out.push_str(&pad(indent));
        self.out.push_str(content);
        self.end_line(end);
    }

    /// Ends a printed line whose source ends at `end`, keeping the comment
    /// the author wrote after it on the same line.
    fn end_line(&mut self, end: usize) {
        self.consumed = self.consumed.max(end);
        if let Some(c) = self.trailing(end) {
            self.out.push_str("  ");
            self.out.push_str(c);
        }
        self.out.push('\n');
        self.after_open = false;
    }

    /// The first line of a block, ending in `{`.
    fn open(&mut self, start: usize, indent: usize, header: &str) {
        self.leading(start, indent);
        self.blank_line_if_any(start);
        self.out.push_str(&pad(indent));
        self.out.push_str(header);
        self.out.push_str(" {\n");
        self.consumed = self.consumed.max(start);
        self.after_open = true;
    }

    /// The `}` of a block that ends at `end`, after the comments before it.
    fn close(&mut self, end: usize, indent: usize) {
        let brace = end.saturating_sub(1);
        self.leading(brace, indent + 1);
        self.out.push_str(&pad(indent));
        self.out.push('}');
        self.end_line(end);
    }

    /// One top-level declaration.
    fn item(&mut self, item: &Item) {
        match item {
            Item::Header(h) => {
                let text = match h.tingkat {
                    TingkatAturan::Satker => format!("satker {} {}", h.id.node, string(&h.name.node)),
                    t => format!("aturan {} {} {}", t.keyword(), h.id.node, string(&h.name.node)),
                };
                self.line(h.span.start, h.span.end, 0, &text);
            }
            Item::Berdasarkan(s) => self.line(s.span.start, s.span.end, 0, &format!("berdasarkan {}", string(&s.node))),
            Item::Skrip(s) => self.line(
                s.span.start,
                s.span.end,
                0,
                &format!("skrip {}{}", string(&s.path.node), mulai(&s.from_year)),
            ),
            Item::Renstra(r) => self.line(
                r.span.start,
                r.span.end,
                0,
                &format!("renstra {} ..= {}", r.start.node, r.end.node),
            ),
            Item::Dasar(s) => self.dasar(s, 0),
            Item::Pembulatan(p) => {
                let objek = match p.objek {
                    PembulatanObjek::Capaian => "capaian",
                    PembulatanObjek::Anggaran => "anggaran",
                    PembulatanObjek::Nilai => "nilai",
                    PembulatanObjek::Sasaran => "sasaran",
                    PembulatanObjek::Realisasi => "realisasi",
                };
                let mode = match p.mode {
                    RoundingMode::Truncate => "potong",
                    RoundingMode::HalfUp => "bulat",
                };
                let text = format!("pembulatan {objek} {mode} {}{}", p.decimals.node, mulai(&p.from_year));
                self.line(p.span.start, p.span.end, 0, &text);
            }
            Item::Gabungan(g) => {
                let objek = if g.jenjang { "jenjang" } else { "sasaran" };
                let bobot = if g.berbobot { " bobot" } else { "" };
                let maks = g.maks.as_ref().map(|m| format!(" maks {}", m.node)).unwrap_or_default();
                let mentah = if g.mentah { " mentah" } else { "" };
                let text = format!("capaian {objek} rata{bobot}{maks}{mentah}{}", mulai(&g.from_year));
                self.line(g.span.start, g.span.end, 0, &text);
            }
            Item::TargetBerjalan(t) => {
                let text = format!("target berjalan {}{}", t.rule.keyword(), mulai(&t.from_year));
                self.line(t.span.start, t.span.end, 0, &text);
            }
            Item::Konversi(k) => {
                let text = format!("konversi efisiensi {}{}", k.value.node, mulai(&k.from_year));
                self.line(k.span.start, k.span.end, 0, &text);
            }
            Item::Klasifikasi(k) => self.klasifikasi(k),
            Item::Sasaran(s) => self.sasaran(s),
            Item::Perjanjian(pk) => self.perjanjian(pk),
            Item::Realisasi(r) => self.realisasi(r),
            Item::Anggaran(a) => self.anggaran(a),
            Item::Uji(u) => self.uji(u),
        }
    }

    /// A rule test: its targets, realisasi and expectations in the order written.
    fn uji(&mut self, u: &Uji) {
        self.open(
            u.span.start,
            0,
            &format!(
                "uji {} {}{}",
                string(&u.name.node),
                u.year.node,
                u.until
                    .as_ref()
                    .map(|p| format!(" {}", p.node.keyword()))
                    .unwrap_or_default()
            ),
        );
        let w = u.entries.iter().map(|e| e.id.node.len()).max().unwrap_or(0);
        enum Child<'a> {
            Target(&'a PkTarget),
            Entry(&'a RealisasiEntry),
            Harap(&'a Harap),
            Satker(&'a UjiSatker),
        }
        let harap_start = |h: &Harap| match h {
            Harap::Capaian { span, .. }
            | Harap::Realisasi { span, .. }
            | Harap::Nilai { span, .. }
            | Harap::Sasaran { span, .. } => *span,
        };
        let mut children: Vec<(usize, Child<'_>)> = Vec::new();
        children.extend(u.targets.iter().map(|t| (t.span.start, Child::Target(t))));
        children.extend(u.entries.iter().map(|e| (e.span.start, Child::Entry(e))));
        children.extend(u.harap.iter().map(|h| (harap_start(h).start, Child::Harap(h))));
        children.extend(u.satker.iter().map(|s| (s.span.start, Child::Satker(s))));
        children.sort_by_key(|(start, _)| *start);
        for (_, child) in children {
            match child {
                Child::Target(t) => {
                    let value = t.value.node.as_ref().map(quantity).unwrap_or_else(|| "?".into());
                    let periods = period_targets(t);
                    self.line(
                        t.span.start,
                        t.span.end,
                        1,
                        &format!("target {} = {value}{periods}", t.id.node),
                    );
                }
                Child::Entry(e) => {
                    let text = entry_text(e, w);
                    self.line(e.span.start, e.span.end, 1, &text);
                }
                Child::Satker(s) => self.line(s.span.start, s.span.end, 1, &uji_satker_text(s)),
                Child::Harap(h) => {
                    let span = harap_start(h);
                    let text = match h {
                        Harap::Capaian { id, value, band, .. } => {
                            format!("harap {} capaian {}{}", id.node, value.node, expected_band(band))
                        }
                        Harap::Realisasi { id, value, .. } => {
                            format!("harap {} realisasi {}", id.node, quantity(&value.node))
                        }
                        Harap::Nilai { value, .. } => format!("harap nilai {}", value.node),
                        Harap::Sasaran { code, value, band, .. } => {
                            format!(
                                "harap sasaran {} capaian {}{}",
                                code.node,
                                value.node,
                                expected_band(band)
                            )
                        }
                    };
                    self.line(span.start, span.end, 1, &text);
                }
            }
        }
        self.close(u.span.end, 0);
    }

    /// A klasifikasi with its bands' columns aligned.
    fn klasifikasi(&mut self, k: &Klasifikasi) {
        self.open(k.span.start, 0, &format!("klasifikasi{}", mulai(&k.from_year)));
        let lower = |b: &Band| b.lower.as_ref().map(|l| l.node.to_string()).unwrap_or_default();
        let lw = k.bands.iter().map(|b| lower(b).len()).max().unwrap_or(0);
        let range = |b: &Band| {
            let op = match b.op.node {
                RangeOp::Inclusive => "..=",
                RangeOp::Exclusive => "..<",
                RangeOp::Open => "..",
            };
            let above = if b.above_lower { "<" } else { "" };
            let hi = b.upper.as_ref().map(|u| format!(" {}", u.node)).unwrap_or_default();
            format!("{:<lw$} {above}{op}{hi}", lower(b))
        };
        let rw = k.bands.iter().map(|b| range(b).len()).max().unwrap_or(0);
        let labw = k
            .bands
            .iter()
            .map(|b| string(&b.label.node).chars().count())
            .max()
            .unwrap_or(0);
        let idw = k.bands.iter().map(|b| b.id.node.len()).max().unwrap_or(0);
        for b in &k.bands {
            let label = string(&b.label.node);
            let label_pad = labw.saturating_sub(label.chars().count());
            let colour = if b.colour.node.starts_with('#') {
                format!("\"{}\"", b.colour.node)
            } else {
                b.colour.node.clone()
            };
            let text = format!(
                "{:<rw$}  {label}{}  {:<idw$}  {colour}",
                range(b),
                " ".repeat(label_pad),
                b.id.node
            );
            self.line(b.span.start, b.span.end, 1, text.trim_end());
        }
        self.close(k.span.end, 0);
    }

    /// A `dasar "..."` line: the legal basis, wherever a block may carry one.
    fn dasar(&mut self, d: &crate::source::Spanned<String>, indent: usize) {
        self.line(d.span.start, d.span.end, indent, &format!("dasar {}", string(&d.node)));
    }

    /// A sasaran and its indikator.
    fn sasaran(&mut self, s: &Sasaran) {
        let header = format!("sasaran {} {} {}", s.code.node, s.tier.keyword(), string(&s.name.node));
        self.open(s.span.start, 0, &header);
        for child in in_source_order(&s.dasar, &s.indikator, |i| i.span.start) {
            match child {
                DasarAtau::Dasar(d) => self.dasar(d, 1),
                DasarAtau::Anak(ind) => self.indikator(ind, 1),
            }
        }
        self.close(s.span.end, 0);
    }

    /// An indikator's lines, one per line, and its sub-indikator.
    fn indikator(&mut self, ind: &Indikator, indent: usize) {
        self.open(
            ind.span.start,
            indent,
            &format!("indikator {} {}", ind.id.node, string(&ind.name.node)),
        );
        for item in &ind.items {
            let i = indent + 1;
            match item {
                IndikatorItem::Satuan(u) => self.line(u.span.start, u.span.end, i, &format!("satuan {}", u.node)),
                IndikatorItem::Polaritas(p) => {
                    let text = match &p.node {
                        PolaritasAst::Naik => "polaritas naik".to_string(),
                        PolaritasAst::Turun => "polaritas turun".to_string(),
                        PolaritasAst::Rentang(a, b) => format!("polaritas rentang {a} ..= {b}"),
                    };
                    self.line(p.span.start, p.span.end, i, &text);
                }
                IndikatorItem::Agregasi { agregasi, jenis, span } => {
                    let jenis = jenis.map(|j| format!(" {}", j.keyword())).unwrap_or_default();
                    self.line(
                        span.start,
                        span.end,
                        i,
                        &format!("realisasi {}{jenis}", agregasi.keyword()),
                    );
                }
                IndikatorItem::Target(t) => {
                    let dasar = t
                        .dasar
                        .as_ref()
                        .map(|d| format!(" dasar {}", string(&d.node)))
                        .unwrap_or_default();
                    let text = format!("target {} = {}{dasar}", t.year.node, quantity(&t.value.node));
                    self.line(t.span.start, t.span.end, i, &text);
                }
                IndikatorItem::Rumus(r) => {
                    let objek = match r.objek {
                        RumusObjek::Realisasi => "realisasi",
                        RumusObjek::Capaian => "capaian",
                    };
                    let text = format!("rumus {objek}{} = {}", mulai(&r.from_year), lower_expr(&r.expr));
                    self.line(r.span.start, r.span.end, i, &text);
                }
                IndikatorItem::Bobot(b) => self.line(b.span.start, b.span.end, i, &format!("bobot {}", b.node)),
                IndikatorItem::Dasar(d) => self.dasar(d, i),
                IndikatorItem::Komponen(s) => self.line(s.start, s.end, i, "komponen"),
                IndikatorItem::DariSatker(d) => {
                    let mut args = figur_text(&d.figur.node);
                    if let Some((op, v)) = &d.banding {
                        args.push_str(&format!(" {} {}", op.symbol(), quantity(&v.node)));
                    }
                    if let Some(b) = &d.pembagi {
                        args.push_str(&format!(", {}", figur_text(&b.node)));
                    }
                    let text = format!("realisasi dari satker = {}({args})", d.fungsi.node);
                    self.line(d.span.start, d.span.end, i, &text);
                }
                IndikatorItem::Skala(k) => {
                    let nilai: Vec<String> = k.nilai.iter().map(|v| skala_value(&v.node)).collect();
                    let langkah = k
                        .langkah
                        .as_ref()
                        .map(|l| format!(" langkah {}", l.node))
                        .unwrap_or_default();
                    self.line(
                        k.span.start,
                        k.span.end,
                        i,
                        &format!("skala {}{langkah}", nilai.join(" > ")),
                    );
                }
                IndikatorItem::SamaDengan(s) => {
                    self.line(s.span.start, s.span.end, i, &format!("sama_dengan {}", s.node))
                }
                IndikatorItem::Sub(sub) => self.indikator(sub, i),
            }
        }
        self.close(ind.span.end, indent);
    }

    /// A perjanjian with its targets' `=` aligned.
    fn perjanjian(&mut self, pk: &Perjanjian) {
        self.open(pk.span.start, 0, &format!("perjanjian {}", pk.year.node));
        let w = pk.targets.iter().map(|t| t.id.node.len()).max().unwrap_or(0);
        // dasar lines, targets and anggaran in source order.
        enum Child<'a> {
            Dasar(&'a crate::source::Spanned<String>),
            Target(&'a PkTarget),
            Measured(&'a PkIndikator),
            Anggaran(&'a PkAnggaran),
        }
        let mut children: Vec<(usize, Child<'_>)> = Vec::new();
        children.extend(pk.dasar.iter().map(|d| (d.span.start, Child::Dasar(d))));
        children.extend(pk.targets.iter().map(|t| (t.span.start, Child::Target(t))));
        children.extend(pk.measured.iter().map(|m| (m.span.start, Child::Measured(m))));
        children.extend(pk.anggaran.iter().map(|a| (a.span.start, Child::Anggaran(a))));
        children.sort_by_key(|(start, _)| *start);
        for (_, child) in children {
            match child {
                Child::Dasar(d) => self.dasar(d, 1),
                Child::Target(t) => {
                    let value = t.value.node.as_ref().map(quantity).unwrap_or_else(|| "?".into());
                    let periods = period_targets(t);
                    let dasar = t
                        .dasar
                        .as_ref()
                        .map(|d| format!(" dasar {}", string(&d.node)))
                        .unwrap_or_default();
                    self.line(
                        t.span.start,
                        t.span.end,
                        1,
                        &format!("target {:<w$} = {value}{periods}{dasar}", t.id.node),
                    );
                }
                Child::Measured(m) => self.line(m.span.start, m.span.end, 1, &format!("indikator {}", m.id.node)),
                Child::Anggaran(a) => {
                    let head = format!("anggaran {} = {}", string(&a.name.node), money(a.amount.node));
                    if a.kegiatan.is_empty() {
                        self.line(a.span.start, a.span.end, 1, &head);
                    } else {
                        self.open(a.span.start, 1, &head);
                        for (name, amount) in &a.kegiatan {
                            let text = format!("kegiatan {} = {}", string(&name.node), money(amount.node));
                            self.line(name.span.start, amount.span.end, 2, &text);
                        }
                        self.close(a.span.end, 1);
                    }
                }
            }
        }
        self.close(pk.span.end, 0);
    }

    /// A realisasi block with its entries' values aligned.
    fn realisasi(&mut self, r: &RealisasiBlock) {
        self.open(r.span.start, 0, &format!("realisasi {}", r.year.node));
        let w = r.entries.iter().map(|e| e.id.node.len()).max().unwrap_or(0);
        for child in in_source_order(&r.dasar, &r.entries, |e| e.span.start) {
            match child {
                DasarAtau::Dasar(d) => self.dasar(d, 1),
                DasarAtau::Anak(e) => {
                    let text = entry_text(e, w);
                    self.line(e.span.start, e.span.end, 1, &text);
                }
            }
        }
        self.close(r.span.end, 0);
    }

    /// An anggaran block with names, pagu and realisasi in aligned columns.
    fn anggaran(&mut self, a: &AnggaranBlock) {
        self.open(a.span.start, 0, &format!("anggaran {}", a.year.node));
        let w = a
            .lines
            .iter()
            .map(|l| string(&l.name.node).chars().count())
            .max()
            .unwrap_or(0);
        let pw = a.lines.iter().map(|l| money(l.pagu.node).len()).max().unwrap_or(0);
        let rw = a.lines.iter().map(|l| money(l.realisasi.node).len()).max().unwrap_or(0);
        for child in in_source_order(&a.dasar, &a.lines, |l| l.span.start) {
            match child {
                DasarAtau::Dasar(d) => self.dasar(d, 1),
                DasarAtau::Anak(l) => {
                    let kind = match l.kind {
                        BelanjaKind::Belanja => "belanja",
                        BelanjaKind::Program => "program",
                    };
                    let name = string(&l.name.node);
                    let padding = " ".repeat(w.saturating_sub(name.chars().count()));
                    let printed = l
                        .dicetak
                        .as_ref()
                        .map(|d| format!("  dicetak {}", quantity(&d.node)))
                        .unwrap_or_default();
                    let text = format!(
                        "{kind} {name}{padding}  pagu {:<pw$}  realisasi {:<rw$}{printed}",
                        money(l.pagu.node),
                        money(l.realisasi.node)
                    );
                    self.line(l.span.start, l.span.end, 1, text.trim_end());
                }
            }
        }
        self.close(a.span.end, 0);
    }
}

/// The band a rule test expects, after its capaian: ` "Memuaskan"`, or nothing.
fn expected_band(band: &Option<crate::source::Spanned<String>>) -> String {
    band.as_ref()
        .map(|b| format!(" {}", string(&b.node)))
        .unwrap_or_default()
}

/// A rule test's unit on one line: `satker a { nilai = 85  b tidak diukur }`
/// or `satker d gagal "why"`.
fn uji_satker_text(s: &UjiSatker) -> String {
    if let Some(g) = &s.gagal {
        let why = g.node.as_ref().map(|w| format!(" {}", string(w))).unwrap_or_default();
        return format!("satker {} gagal{why}", s.id.node);
    }
    let mut parts: Vec<(usize, String)> = s
        .figur
        .iter()
        .map(|(f, v)| (f.span.start, format!("{} = {}", figur_text(&f.node), quantity(&v.node))))
        .collect();
    parts.extend(
        s.tidak_diukur
            .iter()
            .map(|t| (t.span.start, format!("{} tidak diukur", t.node))),
    );
    parts.sort_by_key(|(start, _)| *start);
    if parts.is_empty() {
        return format!("satker {} {{}}", s.id.node);
    }
    let body: Vec<String> = parts.into_iter().map(|(_, p)| p).collect();
    format!("satker {} {{ {} }}", s.id.node, body.join("  "))
}

/// A unit's figure as a region's indikator reads it: `nilai`, `ikpa.capaian`.
fn figur_text(f: &FigurAst) -> String {
    match f {
        FigurAst::Nilai => "nilai".to_string(),
        FigurAst::Indikator { id, field } => format!("{}.{}", id.node, field.keyword()),
    }
}

/// A realisasi entry, its id padded to `w`: `iku_kamtib = 30  dicetak 40%`.
fn entry_text(e: &RealisasiEntry, w: usize) -> String {
    if let Some(td) = &e.tidak_diukur {
        let alasan = td
            .alasan
            .as_ref()
            .map(|a| format!(" {}", string(&a.node)))
            .unwrap_or_default();
        return format!("{:<w$} tidak diukur{alasan}", e.id.node);
    }
    let values = match e.values.as_slice() {
        [(p, q)] if p.node == sakip_core::periode::Periode::Tahun => format!("= {}", quantity(&q.node)),
        many => many
            .iter()
            .map(|(p, q)| format!("{} = {}", p.node.keyword(), quantity(&q.node)))
            .collect::<Vec<_>>()
            .join("  "),
    };
    let printed = e
        .dicetak
        .as_ref()
        .map(|d| format!("  dicetak {}", quantity(&d.node)))
        .unwrap_or_default();
    format!("{:<w$} {values}{printed}", e.id.node)
}

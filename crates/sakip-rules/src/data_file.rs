//! A unit's file built in code (`realisasi-<Y>.sakip` by `sakip import`,
//! `perjanjian-<Y>.sakip` by `sakip new-year`) and printed by the
//! formatter: the same printer as `sakip fmt` lays it out, so a written
//! file is canonical by construction and no caller assembles `.sakip` text
//! by hand.
//!
//! The printer places comments and blank lines by their position in a
//! source text. A built file has no source, so the builder writes a
//! skeleton beside the syntax tree: each node is one character at its span,
//! and the comments (the import's note, each table's title) and blank lines
//! sit between them where they belong. The printer reads nothing else from
//! the skeleton.

use crate::ast::{
    AnggaranBlock, BelanjaKind, BelanjaLine, File, Item, Perjanjian, PkIndikator, PkTarget, Quantity, RealisasiBlock,
    RealisasiEntry, TidakDiukur,
};
use crate::format::format;
use crate::source::{FileId, Span, Spanned};
use rust_decimal::Decimal;
use sakip_core::periode::Periode;

/// One indikator's realisasi: for the year, or per period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryIn {
    /// The title of the table it opens (`Tabel 3.1 ...`), printed as a
    /// comment before it.
    pub title: Option<String>,
    /// The indikator's id.
    pub id: String,
    /// `(Periode::Tahun, value)` alone for the year; else one per period.
    pub values: Vec<(Periode, Quantity)>,
    /// The capaian the report printed, in percent.
    pub printed: Option<Decimal>,
    /// Not measured this year: written `tidak diukur`, with no values.
    pub tidak_diukur: bool,
}

/// One budget line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIn {
    /// A jenis belanja or a programme.
    pub kind: BelanjaKind,
    /// `Belanja Pegawai`, or the programme's name.
    pub name: String,
    /// In rupiah.
    pub pagu: Decimal,
    /// In rupiah.
    pub realisasi: Decimal,
    /// The penyerapan the report printed, in percent.
    pub printed: Option<Decimal>,
}

/// One target of an agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetIn {
    /// A comment line before it, after a blank line (the tier's title).
    pub group: Option<String>,
    pub id: String,
    /// `None` is written `?`: not agreed yet.
    pub value: Option<Quantity>,
    /// A comment at the end of its line (where the value came from).
    pub note: Option<String>,
    /// Measured without a target (its capaian needs none): written
    /// `indikator <id>`, and `value` is not written.
    pub without_target: bool,
}

/// A data file under construction.
#[derive(Debug)]
pub struct DataFile {
    skeleton: String,
    items: Vec<Item>,
    file: FileId,
}

impl DataFile {
    /// A file that opens with the comment `note` (one line).
    pub fn new(note: &str) -> Self {
        Self::with_notes(&[note])
    }

    /// A file that opens with comment lines, each as given.
    pub fn with_notes(notes: &[&str]) -> Self {
        let mut f = Self {
            skeleton: String::new(),
            items: Vec::new(),
            file: FileId::fresh(),
        };
        for n in notes {
            f.comment(n);
        }
        f
    }

    /// A `perjanjian <year>` block of targets, ending with comment lines
    /// (`closing`, after a blank line) that say what is left to fill in.
    pub fn perjanjian(&mut self, year: u16, dasar: &[String], targets: &[TargetIn], closing: &[String]) {
        let (start, year, dasar) = self.open(year, dasar);
        let mut measured = Vec::new();
        let mut with_targets = Vec::new();
        for t in targets {
            if let Some(group) = &t.group {
                self.skeleton.push('\n');
                self.comment(group);
            }
            let at = self.node_noted(t.note.as_deref());
            if t.without_target {
                measured.push(PkIndikator {
                    id: Spanned::new(t.id.clone(), at),
                    span: at,
                });
                continue;
            }
            with_targets.push(PkTarget {
                periode: Vec::new(),
                id: Spanned::new(t.id.clone(), at),
                value: Spanned::new(t.value.clone(), at),
                dasar: None,
                span: at,
            });
        }
        let targets = with_targets;
        if !closing.is_empty() {
            self.skeleton.push('\n');
        }
        for c in closing {
            self.comment(c);
        }
        let span = self.close(start);
        self.items.push(Item::Perjanjian(Perjanjian {
            year,
            dasar,
            targets,
            measured,
            anggaran: Vec::new(),
            span,
        }));
    }

    /// A `realisasi <year>` block.
    pub fn realisasi(&mut self, year: u16, dasar: &[String], entries: &[EntryIn]) {
        let (start, year, dasar) = self.open(year, dasar);
        let entries = entries
            .iter()
            .map(|e| {
                if let Some(title) = &e.title {
                    self.skeleton.push('\n');
                    self.comment(title);
                }
                let at = self.node();
                RealisasiEntry {
                    id: Spanned::new(e.id.clone(), at),
                    values: e
                        .values
                        .iter()
                        .map(|(p, q)| (Spanned::new(*p, at), Spanned::new(q.clone(), at)))
                        .collect(),
                    dicetak: e.printed.map(|v| Spanned::new(percent(v), at)),
                    tidak_diukur: e.tidak_diukur.then_some(TidakDiukur { alasan: None, span: at }),
                    span: at,
                }
            })
            .collect();
        let span = self.close(start);
        self.items.push(Item::Realisasi(RealisasiBlock {
            year,
            dasar,
            entries,
            span,
        }));
    }

    /// An `anggaran <year>` block.
    pub fn anggaran(&mut self, year: u16, dasar: &[String], lines: &[LineIn]) {
        let (start, year, dasar) = self.open(year, dasar);
        let lines = lines
            .iter()
            .map(|l| {
                let at = self.node();
                BelanjaLine {
                    kind: l.kind,
                    name: Spanned::new(l.name.clone(), at),
                    pagu: Spanned::new(l.pagu, at),
                    realisasi: Spanned::new(l.realisasi, at),
                    dicetak: l.printed.map(|v| Spanned::new(percent(v), at)),
                    span: at,
                }
            })
            .collect();
        let span = self.close(start);
        self.items.push(Item::Anggaran(AnggaranBlock {
            year,
            dasar,
            lines,
            span,
        }));
    }

    /// The file's text, as `sakip fmt` lays it out.
    pub fn print(&self) -> String {
        format(
            &self.skeleton,
            &File {
                items: self.items.clone(),
            },
        )
    }

    /// A `//` comment on a line of its own; line breaks in `text` are folded
    /// so that nothing after them escapes the comment.
    fn comment(&mut self, text: &str) {
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.skeleton.push_str("// ");
        self.skeleton.push_str(&one_line);
        self.skeleton.push('\n');
    }

    /// The first line of a block after a blank line, and its `dasar` lines:
    /// where the block starts, its year and its dasar.
    fn open(&mut self, year: u16, dasar: &[String]) -> (usize, Spanned<u16>, Vec<Spanned<String>>) {
        self.skeleton.push('\n');
        let start = self.mark();
        let year = Spanned::new(year, self.span(start));
        self.skeleton.push('\n');
        (start, year, self.dasar(dasar))
    }

    fn dasar(&mut self, dasar: &[String]) -> Vec<Spanned<String>> {
        dasar.iter().map(|d| Spanned::new(d.clone(), self.node())).collect()
    }

    /// A one-character node on a line of its own.
    fn node(&mut self) -> Span {
        self.node_noted(None)
    }

    /// A node on a line of its own, with a comment after it on that line.
    fn node_noted(&mut self, note: Option<&str>) -> Span {
        let start = self.mark();
        let span = self.span(start);
        if let Some(note) = note {
            self.skeleton.push_str("  ");
            self.comment(note);
        } else {
            self.skeleton.push('\n');
        }
        span
    }

    fn mark(&mut self) -> usize {
        let start = self.skeleton.len();
        self.skeleton.push('x');
        start
    }

    fn span(&self, start: usize) -> Span {
        Span::new(self.file, start, start + 1)
    }

    /// The `}` of a block opened at `start`; the block's span.
    fn close(&mut self, start: usize) -> Span {
        self.skeleton.push('}');
        let end = self.skeleton.len();
        self.skeleton.push('\n');
        Span::new(self.file, start, end)
    }
}

fn percent(v: Decimal) -> Quantity {
    Quantity {
        value: v,
        unit: Some("%".to_string()),
        label: None,
    }
}

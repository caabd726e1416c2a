//! Laying a report out on A4 pages: headings, wrapped paragraphs, the
//! legend's coloured boxes, tables whose rows never split across a page
//! (the header is repeated on the next), and bar charts; then the file,
//! with a footer on every page. Coordinates are PDF points from the page's
//! bottom left; `y` is where the next thing starts, going down.

use super::font::{deflate, Face};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

pub(crate) const WIDTH: f32 = 595.28;
pub(crate) const HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 42.0;
const MARGIN_TOP: f32 = 48.0;
const MARGIN_BOTTOM: f32 = 54.0;
const CONTENT: f32 = WIDTH - 2.0 * MARGIN_X;

/// A colour, from `#rrggbb` (grey when it is not one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    pub(crate) const TEXT: Rgb = Rgb(0.114, 0.141, 0.2);
    pub(crate) const MUTED: Rgb = Rgb(0.36, 0.39, 0.46);
    pub(crate) const RULE: Rgb = Rgb(0.72, 0.75, 0.8);
    pub(crate) const HEAD: Rgb = Rgb(0.95, 0.96, 0.97);
    pub(crate) const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

    pub(crate) fn hex(s: &str) -> Rgb {
        let h = s.strip_prefix('#').unwrap_or("");
        let byte = |i: usize| {
            h.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
                .map(|b| f32::from(b) / 255.0)
        };
        match (h.len(), byte(0), byte(2), byte(4)) {
            (6, Some(r), Some(g), Some(b)) => Rgb(r, g, b),
            _ => Rgb(0.6, 0.64, 0.7),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// A table's column: its share of the width, and whether figures align right.
pub(crate) struct Column {
    pub share: f32,
    pub right: bool,
}

/// A table's cell.
#[derive(Default)]
pub(crate) struct Cell {
    pub text: String,
    /// A second, smaller line in grey (an indikator's id under its name).
    pub sub: Option<String>,
    pub bold: bool,
    /// A background (a band's colour), with the text in white.
    pub fill: Option<Rgb>,
}

impl Cell {
    pub(crate) fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }
}

/// A bar of a chart: its label, its length as a share of the chart's
/// width (0 to 1, a drawing measure, worked out from the exact figure),
/// its colour and the figure printed beside it.
pub(crate) struct Bar {
    pub label: String,
    pub share: f32,
    pub colour: Rgb,
    pub figure: String,
}

pub(crate) struct Writer {
    regular: Face,
    bold: Face,
    /// The pages filled, and the one being filled.
    done: Vec<Content>,
    current: Content,
    y: f32,
}

const CELL_SIZE: f32 = 7.5;
const CELL_LEADING: f32 = 9.2;
const SUB_SIZE: f32 = 6.0;
const PAD: f32 = 2.6;

impl Writer {
    pub(crate) fn new(regular: Face, bold: Face) -> Writer {
        Writer {
            regular,
            bold,
            done: Vec::new(),
            current: Content::new(),
            y: HEIGHT - MARGIN_TOP,
        }
    }

    fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn new_page(&mut self) {
        let full = std::mem::replace(&mut self.current, Content::new());
        self.done.push(full);
        self.y = HEIGHT - MARGIN_TOP;
    }

    /// Room for `height` more points on this page, or a new page.
    fn ensure(&mut self, height: f32) {
        if self.y - height < MARGIN_BOTTOM {
            self.new_page();
        }
    }

    /// One line of text with its baseline at `x`, `y`.
    fn text_at(&mut self, x: f32, y: f32, text: &str, weight: Weight, size: f32, colour: Rgb) {
        let bytes = match weight {
            Weight::Regular => self.regular.encode(text),
            Weight::Bold => self.bold.encode(text),
        };
        let font = if weight == Weight::Bold { b"F2" } else { b"F1" };
        self.current
            .begin_text()
            .set_font(Name(font), size)
            .set_fill_rgb(colour.0, colour.1, colour.2)
            .next_line(x, y)
            .show(Str(&bytes))
            .end_text();
    }

    fn fill_rect(&mut self, x: f32, y: f32, w: f32, h: f32, colour: Rgb) {
        self.current
            .set_fill_rgb(colour.0, colour.1, colour.2)
            .rect(x, y, w, h)
            .fill_nonzero();
    }

    fn stroke_rect(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.current
            .set_stroke_rgb(Rgb::RULE.0, Rgb::RULE.1, Rgb::RULE.2)
            .set_line_width(0.5)
            .rect(x, y, w, h)
            .stroke();
    }

    /// `text` broken into lines no wider than `width` at `size`: at spaces,
    /// and inside a word only when the word alone is too wide.
    pub(crate) fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let face = self.face(weight);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if face.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                for c in word.chars() {
                    let mut next = line.clone();
                    next.push(c);
                    if face.width(&next, size) > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = next;
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    pub(crate) fn heading(&mut self, text: &str, size: f32) {
        let lines = self.wrap(text, Weight::Bold, size, CONTENT);
        // A heading is never the last thing on a page.
        self.ensure(size * 1.3 * lines.len() as f32 + size * 0.8 + 40.0);
        self.y -= size * 0.8;
        for line in lines {
            self.y -= size * 1.2;
            self.text_at(MARGIN_X, self.y, &line, Weight::Bold, size, Rgb::TEXT);
        }
        self.y -= size * 0.5;
    }

    pub(crate) fn paragraph(&mut self, text: &str, weight: Weight, size: f32, colour: Rgb) {
        for line in self.wrap(text, weight, size, CONTENT) {
            self.ensure(size * 1.35);
            self.y -= size * 1.35;
            self.text_at(MARGIN_X, self.y, &line, weight, size, colour);
        }
        self.y -= size * 0.4;
    }

    /// Coloured boxes with white text, side by side, wrapping as words do.
    pub(crate) fn chips(&mut self, items: &[(String, Rgb)]) {
        let (size, pad, h) = (7.5, 3.5, 13.0);
        let mut x = MARGIN_X;
        self.ensure(h + 4.0);
        self.y -= h;
        for (text, colour) in items {
            let w = self.face(Weight::Bold).width(text, size) + 2.0 * pad;
            if x + w > MARGIN_X + CONTENT && x > MARGIN_X {
                x = MARGIN_X;
                self.ensure(h + 4.0);
                self.y -= h + 4.0;
            }
            let y = self.y;
            self.fill_rect(x, y, w, h, *colour);
            self.text_at(x + pad, y + 3.8, text, Weight::Bold, size, Rgb::WHITE);
            x += w + 4.0;
        }
        self.y -= 6.0;
    }

    /// A table; a row that does not fit starts a new page, under the header.
    pub(crate) fn table(&mut self, columns: &[Column], header: &[String], rows: &[Vec<Cell>]) {
        let total: f32 = columns.iter().map(|c| c.share).sum();
        let widths: Vec<f32> = columns.iter().map(|c| c.share / total * CONTENT).collect();
        let head: Vec<Cell> = header
            .iter()
            .map(|h| Cell {
                text: h.clone(),
                bold: true,
                fill: Some(Rgb::HEAD),
                ..Cell::default()
            })
            .collect();
        let head_height = self.row_height(&widths, &head);
        self.ensure(head_height + 24.0);
        self.row(columns, &widths, &head, head_height);
        for r in rows {
            let h = self.row_height(&widths, r);
            if self.y - h < MARGIN_BOTTOM {
                self.new_page();
                self.row(columns, &widths, &head, head_height);
            }
            self.row(columns, &widths, r, h);
        }
        self.y -= 6.0;
    }

    fn cell_lines(&self, width: f32, cell: &Cell) -> (Vec<String>, Vec<String>) {
        let weight = if cell.bold { Weight::Bold } else { Weight::Regular };
        let inner = (width - 2.0 * PAD).max(4.0);
        let main = self.wrap(&cell.text, weight, CELL_SIZE, inner);
        let sub = cell
            .sub
            .as_ref()
            .map(|s| self.wrap(s, Weight::Regular, SUB_SIZE, inner))
            .unwrap_or_default();
        (main, sub)
    }

    fn row_height(&self, widths: &[f32], cells: &[Cell]) -> f32 {
        widths
            .iter()
            .zip(cells)
            .map(|(w, c)| {
                let (main, sub) = self.cell_lines(*w, c);
                main.len() as f32 * CELL_LEADING + sub.len() as f32 * (SUB_SIZE + 1.6) + 2.0 * PAD - 1.5
            })
            .fold(CELL_LEADING + 2.0 * PAD, f32::max)
    }

    fn row(&mut self, columns: &[Column], widths: &[f32], cells: &[Cell], height: f32) {
        let top = self.y;
        let mut x = MARGIN_X;
        for ((column, width), cell) in columns.iter().zip(widths).zip(cells) {
            if let Some(fill) = cell.fill {
                self.fill_rect(x, top - height, *width, height, fill);
            }
            self.stroke_rect(x, top - height, *width, height);
            let colour = match cell.fill {
                Some(f) if f != Rgb::HEAD => Rgb::WHITE,
                _ => Rgb::TEXT,
            };
            let weight = if cell.bold || (cell.fill.is_some() && cell.fill != Some(Rgb::HEAD)) {
                Weight::Bold
            } else {
                Weight::Regular
            };
            let (main, sub) = self.cell_lines(*width, cell);
            let mut y = top - PAD - CELL_SIZE;
            for line in &main {
                let w = self.face(weight).width(line, CELL_SIZE);
                let lx = if column.right { x + width - PAD - w } else { x + PAD };
                self.text_at(lx, y, line, weight, CELL_SIZE, colour);
                y -= CELL_LEADING;
            }
            y += CELL_LEADING - SUB_SIZE - 2.0;
            for line in &sub {
                self.text_at(x + PAD, y, line, Weight::Regular, SUB_SIZE, Rgb::MUTED);
                y -= SUB_SIZE + 1.6;
            }
            x += width;
        }
        self.y = top - height;
    }

    /// A horizontal bar chart, with a dashed line at `mark` (a share of
    /// the width, as the bars' lengths are).
    pub(crate) fn bars(&mut self, bars: &[Bar], mark: Option<f32>) {
        let (label_w, figure_w, row_h, size) = (CONTENT * 0.3, 46.0, 11.0, 7.0);
        let bar_w = CONTENT - label_w - figure_w - 8.0;
        let x0 = MARGIN_X + label_w + 4.0;
        for bar in bars {
            self.ensure(row_h + 2.0);
            self.y -= row_h;
            let y = self.y;
            let label = self.wrap(&bar.label, Weight::Regular, size, label_w).remove(0);
            let lw = self.face(Weight::Regular).width(&label, size);
            self.text_at(
                MARGIN_X + label_w - lw,
                y + 2.5,
                &label,
                Weight::Regular,
                size,
                Rgb::TEXT,
            );
            let length = bar.share.clamp(0.0, 1.0) * bar_w;
            if length > 0.0 {
                self.fill_rect(x0, y + 1.0, length, row_h - 3.0, bar.colour);
            }
            self.text_at(
                x0 + length + 3.0,
                y + 2.5,
                &bar.figure,
                Weight::Regular,
                size,
                Rgb::TEXT,
            );
            if let Some(m) = mark {
                let xm = x0 + m * bar_w;
                self.current
                    .set_stroke_rgb(Rgb::TEXT.0, Rgb::TEXT.1, Rgb::TEXT.2)
                    .set_line_width(0.6)
                    .set_dash_pattern([2.0, 1.5], 0.0)
                    .move_to(xm, y - 0.5)
                    .line_to(xm, y + row_h - 0.5)
                    .stroke()
                    .set_dash_pattern([], 0.0);
            }
        }
        self.y -= 8.0;
    }

    /// Space before the next part.
    pub(crate) fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// The file: every page with `footer` and its number, the fonts cut to
    /// the glyphs used, `title` in the document's information.
    pub(crate) fn finish(mut self, title: &str, footer: &str) -> Result<Vec<u8>, String> {
        let mut pages = std::mem::take(&mut self.done);
        pages.push(std::mem::replace(&mut self.current, Content::new()));
        let count = pages.len();
        for (i, page) in pages.iter_mut().enumerate() {
            let number = format!("{} / {count}", i + 1);
            let size = 7.0;
            let nb = self.regular.encode(&number);
            let nw = self.regular.width(&number, size);
            let fb = self.regular.encode(footer);
            page.begin_text()
                .set_font(Name(b"F1"), size)
                .set_fill_rgb(Rgb::MUTED.0, Rgb::MUTED.1, Rgb::MUTED.2)
                .next_line(MARGIN_X, 28.0)
                .show(Str(&fb))
                .end_text()
                .begin_text()
                .next_line(WIDTH - MARGIN_X - nw, 28.0)
                .show(Str(&nb))
                .end_text();
        }
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let info = Ref::new(3);
        let fonts = [Ref::new(10), Ref::new(20)];
        let first = 30;
        let page_ids: Vec<Ref> = (0..count)
            .map(|i| Ref::new(first + 2 * i32::try_from(i).unwrap_or(i32::MAX / 4)))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(i32::try_from(count).unwrap_or(i32::MAX));
        pdf.document_info(info).title(TextStr(title)).creator(TextStr("sakip"));
        for (page, id) in pages.into_iter().zip(&page_ids) {
            let content_id = Ref::new(id.get() + 1);
            let mut p = pdf.page(*id);
            p.media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
                .parent(tree)
                .contents(content_id);
            p.resources()
                .fonts()
                .pair(Name(b"F1"), fonts[0])
                .pair(Name(b"F2"), fonts[1]);
            p.finish();
            let data = deflate(&page.finish().into_vec());
            pdf.stream(content_id, &data).filter(Filter::FlateDecode);
        }
        self.regular.write(&mut pdf, fonts[0])?;
        self.bold.write(&mut pdf, fonts[1])?;
        Ok(pdf.finish())
    }
}

//! A font embedded in the PDF: its glyphs' widths for layout (ttf-parser),
//! the glyphs the text uses renumbered as it is written, and at the end the
//! font cut down to those glyphs (subsetter) with the widths and the map
//! back to Unicode that lets a reader copy and search the text.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;

/// One face (regular or bold) as the document uses it.
pub(crate) struct Face {
    data: &'static [u8],
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Glyph ids of the whole font → ids in the subset, in order of use.
    remap: subsetter::GlyphRemapper,
    /// Ids in the subset → the character and its width (1/1000 em).
    used: BTreeMap<u16, (char, f32)>,
    /// The font's PostScript name, as the PDF names it.
    name: &'static str,
}

impl Face {
    pub(crate) fn new(data: &'static [u8], name: &'static str) -> Result<Self, String> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|e| format!("font {name}: {e}"))?;
        Ok(Self {
            data,
            units_per_em: f32::from(face.units_per_em()),
            face,
            remap: subsetter::GlyphRemapper::new(),
            used: BTreeMap::new(),
            name,
        })
    }

    /// The glyph for `c` and its advance in font units; a character the
    /// font lacks is drawn as `?`.
    fn glyph(&self, c: char) -> (u16, f32) {
        let id = self
            .face
            .glyph_index(c)
            .or_else(|| self.face.glyph_index('?'))
            .unwrap_or(ttf_parser::GlyphId(0));
        let advance = self.face.glyph_hor_advance(id).map(f32::from).unwrap_or(0.0);
        (id.0, advance)
    }

    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.glyph(c).1).sum();
        units * size / self.units_per_em
    }

    /// `text` as the PDF shows it: two bytes per glyph, ids in the subset.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (id, advance) = self.glyph(c);
            let new = self.remap.remap(id);
            self.used
                .entry(new)
                .or_insert((c, advance * 1000.0 / self.units_per_em));
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }

    /// Writes the font's objects: `font` is the one pages refer to; the
    /// next four ids after it are taken.
    pub(crate) fn write(&self, pdf: &mut Pdf, font: Ref) -> Result<(), String> {
        let (cid, descriptor, file, cmap) = (
            Ref::new(font.get() + 1),
            Ref::new(font.get() + 2),
            Ref::new(font.get() + 3),
            Ref::new(font.get() + 4),
        );
        let subset = subsetter::subset(self.data, 0, &self.remap).map_err(|e| format!("font {}: {e:?}", self.name))?;
        let base = format!("SAKIPA+{}", self.name);
        let base = Name(base.as_bytes());
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(font)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let count = self.used.keys().next_back().map(|k| k + 1).unwrap_or(1);
        let widths: Vec<f32> = (0..count)
            .map(|g| self.used.get(&g).map(|(_, w)| *w).unwrap_or(0.0))
            .collect();
        let mut c = pdf.cid_font(cid);
        c.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(system)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        c.widths().consecutive(0, widths);
        c.finish();
        let scale = |v: i16| f32::from(v) * 1000.0 / self.units_per_em;
        let bbox = self.face.global_bounding_box();
        pdf.font_descriptor(descriptor)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                scale(bbox.x_min),
                scale(bbox.y_min),
                scale(bbox.x_max),
                scale(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(scale(self.face.ascender()))
            .descent(scale(self.face.descender()))
            .cap_height(scale(self.face.capital_height().unwrap_or(self.face.ascender())))
            .stem_v(80.0)
            .font_file2(file);
        let compressed = deflate(&subset);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), i32::try_from(subset.len()).unwrap_or(i32::MAX));
        let mut unicode = UnicodeCmap::new(Name(b"Custom"), system);
        for (g, (c, _)) in &self.used {
            unicode.pair(*g, *c);
        }
        let unicode = unicode.finish();
        pdf.cmap(cmap, &unicode);
        Ok(())
    }
}

/// Zlib-compressed bytes, as FlateDecode reads them.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = z.write_all(data);
    z.finish().unwrap_or_default()
}

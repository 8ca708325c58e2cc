//! PNG from SVG, in pure Rust (`resvg`), for slides.
//!
//! Text is drawn with the fonts of a [`Fonts`] set: the system's fonts (found
//! through fontconfig's directories by `fontdb`) plus the DejaVu Sans shipped
//! in `assets/fonts/`. Chinese labels need a CJK font: Debian's
//! `fonts-noto-cjk` (`apt-get install fonts-noto-cjk`) is the one the figures
//! name first. When a character of the SVG has no font to draw it,
//! [`svg_to_png`] returns [`Error::MissingFont`] instead of drawing boxes.

use crate::error::{Error, Result};
use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};
use std::sync::Arc;

/// DejaVu Sans 2.37 (Debian `fonts-dejavu-core`; Bitstream Vera licence, in
/// `assets/fonts/DejaVuSans-LICENSE.txt`), the font of every plot.
pub const BUNDLED_FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name of [`BUNDLED_FONT`].
pub const BUNDLED_FAMILY: &str = "DejaVu Sans";

/// A set of fonts to draw text with.
#[derive(Debug, Clone)]
pub struct Fonts {
    db: Arc<fontdb::Database>,
}

impl Fonts {
    /// The system's fonts and the bundled DejaVu Sans (the generic
    /// `sans-serif` family).
    pub fn system() -> Fonts {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db.load_font_data(BUNDLED_FONT.to_vec());
        db.set_sans_serif_family(BUNDLED_FAMILY);
        Fonts { db: Arc::new(db) }
    }

    /// Only the bundled DejaVu Sans: the same pixels on every machine, no Chinese.
    pub fn bundled() -> Fonts {
        let mut db = fontdb::Database::new();
        db.load_font_data(BUNDLED_FONT.to_vec());
        db.set_sans_serif_family(BUNDLED_FAMILY);
        Fonts { db: Arc::new(db) }
    }

    /// The characters of `chars` that no font of the set has a glyph for.
    pub fn uncovered(&self, chars: &[char]) -> Vec<char> {
        let mut covered = vec![false; chars.len()];
        for face in self.db.faces() {
            if covered.iter().all(|&c| c) {
                break;
            }
            self.db.with_face_data(face.id, |data, index| {
                if let Ok(f) = ttf_parser::Face::parse(data, index) {
                    for (k, &c) in chars.iter().enumerate() {
                        covered[k] = covered[k] || f.glyph_index(c).is_some();
                    }
                }
            });
        }
        chars
            .iter()
            .zip(covered)
            .filter(|(_, c)| !c)
            .map(|(&ch, _)| ch)
            .collect()
    }

    /// A font of the set that draws Chinese: `(family, font file bytes)`,
    /// preferring Noto Sans CJK TC, then SC, then Source Han Sans TC and SC
    /// (the labels are traditional characters), then any family that
    /// covers a sample of the plots' Chinese words, by name; `None` when no
    /// font of the set does. The bytes are the whole file (a collection's
    /// first face is what a parser reading index 0 sees: the Noto and Source
    /// Han collections share their metrics across faces).
    pub fn cjk_font(&self) -> Option<(String, Vec<u8>)> {
        const SAMPLE: &str = "中心黨區觀測值與基線比較";
        const PREFERRED: [&str; 4] = [
            "Noto Sans CJK TC",
            "Noto Sans CJK SC",
            "Source Han Sans TC",
            "Source Han Sans SC",
        ];
        let covering = self.families_covering(SAMPLE);
        let family = PREFERRED
            .iter()
            .find(|p| covering.iter().any(|c| c == *p))
            .map(|p| p.to_string())
            .or_else(|| covering.first().cloned())?;
        let face = self
            .db
            .faces()
            .find(|f| f.families.iter().any(|(n, _)| *n == family))?;
        let bytes = self.db.with_face_data(face.id, |data, _| data.to_vec())?;
        Some((family, bytes))
    }

    /// The families of the set that draw every character of `sample`, sorted.
    pub fn families_covering(&self, sample: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .db
            .faces()
            .filter(|face| {
                self.db
                    .with_face_data(face.id, |data, index| {
                        ttf_parser::Face::parse(data, index)
                            .is_ok_and(|f| sample.chars().all(|c| f.glyph_index(c).is_some()))
                    })
                    .unwrap_or(false)
            })
            .filter_map(|face| face.families.first().map(|(n, _)| n.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Whether `c` is a CJK ideograph, kana, hangul or CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x30FF | 0x3100..=0x31FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// Options of [`svg_to_png`].
#[derive(Debug, Clone)]
pub struct PngOptions {
    /// Pixels per SVG unit (a point for the figures): 2 gives slides sharp text.
    pub scale: f32,
    /// The longest side in pixels: a larger image is scaled down to it.
    pub max_side: u32,
    /// The fonts to draw with.
    pub fonts: Fonts,
}

impl Default for PngOptions {
    fn default() -> Self {
        PngOptions {
            scale: 2.0,
            max_side: 4096,
            fonts: Fonts::system(),
        }
    }
}

/// The distinct characters of the SVG's text content that no font of `fonts`
/// draws, in order of appearance.
pub fn missing_glyphs(svg: &str, fonts: &Fonts) -> Vec<char> {
    let mut seen: Vec<char> = Vec::new();
    let mut inside = false;
    for c in svg.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside && !c.is_ascii() && !seen.contains(&c) => seen.push(c),
            _ => {}
        }
    }
    fonts.uncovered(&seen)
}

/// Render an SVG document to PNG bytes.
///
/// # Errors
/// [`Error::MissingFont`] when a character of the text has no font (Chinese
/// labels without a CJK font installed), [`Error::Render`] when the SVG does
/// not parse or the image would be empty or too large.
pub fn svg_to_png(svg: &str, opts: &PngOptions) -> Result<Vec<u8>> {
    let missing = missing_glyphs(svg, &opts.fonts);
    if !missing.is_empty() {
        let cjk = missing.iter().any(|&c| is_cjk(c));
        return Err(Error::MissingFont {
            characters: missing.iter().take(12).collect(),
            hint: if cjk {
                "install a CJK font, e.g. `apt-get install fonts-noto-cjk`".into()
            } else {
                "install a font that covers them".into()
            },
        });
    }
    let bad = |m: String| Error::Render {
        engine: "resvg",
        message: m,
    };
    let options = usvg::Options {
        fontdb: opts.fonts.db.clone(),
        font_family: BUNDLED_FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| bad(e.to_string()))?;
    let size = tree.size();
    let longest = size.width().max(size.height());
    let scale = opts.scale.min(opts.max_side as f32 / longest.max(1.0));
    let (w, h) = (
        (size.width() * scale).ceil(),
        (size.height() * scale).ceil(),
    );
    if !(w >= 1.0 && h >= 1.0 && w * h <= 2.0e8) {
        return Err(bad(format!("cannot make a {w} x {h} pixel image")));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32)
        .ok_or_else(|| bad(format!("cannot allocate {w} x {h} pixels")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| bad(e.to_string()))
}

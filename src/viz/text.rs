//! Text in SVG: escaping, and the width of a label measured with a font's
//! metrics (`ttf-parser`), so that the pure-Rust layout sizes every box to
//! its text in any script.
//!
//! A character is measured with the bundled DejaVu Sans when it has a glyph
//! there (Latin, Greek, Cyrillic, punctuation), else with the CJK font of the
//! system when one is installed (Noto Sans CJK: every ideograph is one em),
//! else as one em (the advance of a full-width character in every CJK font).
//! DejaVu Sans is wider than Helvetica, Arial and Noto's Latin, so a label
//! measured here fits in any of the fonts the SVG names.
//!
//! This is a leaf module of `viz`: the renderers and the composer use it, it
//! uses none of them.

use std::sync::OnceLock;

/// Escape text for XML content and attributes.
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The error of a renderer (`graphviz`, `layout`, `compose`).
pub(crate) fn render_error(engine: &'static str, e: impl std::fmt::Display) -> crate::Error {
    crate::Error::Render {
        engine,
        message: e.to_string(),
    }
}

/// The font family list of the pure-Rust figures: the font they are measured with first.
pub(crate) const MEASURED_FAMILY: &str =
    "DejaVu Sans,Noto Sans CJK SC,Noto Sans CJK TC,Source Han Sans SC,WenQuanYi Zen Hei,sans-serif";

struct Metrics {
    latin: ttf_parser::Face<'static>,
    /// The first face of the system's CJK font file, if any.
    cjk: Option<ttf_parser::Face<'static>>,
}

fn metrics() -> &'static Metrics {
    static M: OnceLock<Metrics> = OnceLock::new();
    M.get_or_init(|| {
        let latin = ttf_parser::Face::parse(super::png::BUNDLED_FONT, 0)
            .expect("the bundled DejaVu Sans parses");
        let cjk = super::png::Fonts::system()
            .cjk_font()
            .and_then(|(_, bytes)| {
                ttf_parser::Face::parse(Box::leak(bytes.into_boxed_slice()), 0).ok()
            });
        Metrics { latin, cjk }
    })
}

fn advance(face: &ttf_parser::Face<'_>, c: char) -> Option<f64> {
    let g = face.glyph_index(c)?;
    let adv = face.glyph_hor_advance(g)? as f64;
    Some(adv / face.units_per_em() as f64)
}

/// The advance of `c` in ems (see the module's rule).
pub fn char_width(c: char) -> f64 {
    let m = metrics();
    if let Some(w) = advance(&m.latin, c) {
        return w;
    }
    if let Some(w) = m.cjk.as_ref().and_then(|f| advance(f, c)) {
        return w;
    }
    1.0
}

/// The width in points of one line of `text` at `size` points.
pub fn line_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_width).sum::<f64>() * size
}

/// The width of the widest line of `text` (lines split at `\n`) at `size` points.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.lines()
        .map(|l| line_width(l, size))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_measured_with_dejavu_and_ideographs_are_one_em() {
        // DejaVu Sans 2.37: `M` advances 1767 of 2048 units, `i` 569.
        assert!((char_width('M') - 1767.0 / 2048.0).abs() < 1e-12);
        assert!((char_width('i') - 569.0 / 2048.0).abs() < 1e-12);
        assert!((line_width("社區黨委", 10.0) - 40.0).abs() < 1e-9);
        assert!((text_width("ab\n社區", 10.0) - 20.0).abs() < 1e-9);
    }
}

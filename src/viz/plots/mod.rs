//! Plots of comparisons, drawn with `plotters` from plain inputs.
//!
//! * [`Distribution`]: a statistic's baseline distribution (a histogram of
//!   the draws) with the observed value marked.
//! * [`Dial`]: a dial curve — a statistic's mean ± sd over a grid of the
//!   dial λ — with the observed value and the case's estimate and interval.
//! * [`ByKind`]: an actor-level measure by kind (box plot over a strip plot).
//! * [`CrossCase`]: cases × statistics, each case's observed value against
//!   its baseline interval.
//!
//! Every plot is drawn once, as SVG, with the DejaVu Sans shipped in
//! `assets/fonts/` registered with plotters for text layout; the PNG is that
//! SVG rasterised by `resvg` with only the bundled font loaded, so the pixels
//! are the same on every machine ([`Plot::to_png`]).
//!
//! The plots compute no statistic of the comparison: means, intervals and
//! estimates arrive as numbers. They only bin draws (histogram) and take
//! quartiles of the values they show (box plot).

mod baseline_grid;
mod by_kind;
mod cross_case;
mod dial;
mod distribution;
mod z_scores;

pub use baseline_grid::{BaselineGrid, BaselinePanel};
pub use by_kind::ByKind;
pub use cross_case::{CrossCase, CrossCaseCell, Interval};
pub use dial::{Dial, Estimate};
pub use distribution::Distribution;
pub use z_scores::{Z_COLOURS, ZCase, ZScores};

use super::Lang;
use super::png::{BUNDLED_FONT, Fonts, PngOptions, svg_to_png};
use crate::error::{Error, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The font family name plots use (registered to the bundled DejaVu Sans).
pub const FONT: &str = "sans-serif";

/// Okabe–Ito vermillion: the observed value.
pub const OBSERVED: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Okabe–Ito blue: the case's estimate.
pub const ESTIMATE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// Grey of baseline distributions.
pub const BASELINE: RGBColor = RGBColor(0x99, 0x99, 0x99);

/// Register the bundled font with plotters (once per process).
///
/// # Errors
/// [`Error::Render`] if the bundled font does not parse (a corrupted build).
pub fn register_fonts() -> Result<()> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        plotters::style::register_font(FONT, FontStyle::Normal, BUNDLED_FONT).is_ok()
            && plotters::style::register_font(FONT, FontStyle::Bold, BUNDLED_FONT).is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(plot_error("the bundled font does not parse"))
    }
}

/// The font family a plot in `lang` names, registered with plotters for
/// text layout: [`FONT`] (the bundled DejaVu Sans) in English; in Chinese a
/// CJK font found through the system's fonts ([`Fonts::cjk_font`]), named in
/// the SVG first, then `Noto Sans CJK TC`, `Noto Sans CJK SC`, `Source Han
/// Sans SC`, `WenQuanYi Zen Hei` and `sans-serif` for a viewer that lacks
/// it. The search runs once per process; the file's bytes stay loaded.
///
/// # Errors
/// [`Error::MissingFont`] for Chinese when no font of the system draws it
/// (rather than a plot of boxes), [`Error::Render`] if a font does not parse.
pub fn font_family(lang: Lang) -> Result<&'static str> {
    register_fonts()?;
    match lang {
        Lang::En => Ok(FONT),
        _ => {
            static CJK: OnceLock<Option<&'static str>> = OnceLock::new();
            CJK.get_or_init(|| {
                let (family, bytes) = Fonts::system().cjk_font()?;
                let mut list = vec![family.as_str()];
                for f in [
                    "Noto Sans CJK TC",
                    "Noto Sans CJK SC",
                    "Source Han Sans SC",
                    "WenQuanYi Zen Hei",
                    "sans-serif",
                ] {
                    if !list.contains(&f) {
                        list.push(f);
                    }
                }
                let key: &'static str = Box::leak(list.join(",").into_boxed_str());
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                let ok = plotters::style::register_font(key, FontStyle::Normal, bytes).is_ok()
                    && plotters::style::register_font(key, FontStyle::Bold, bytes).is_ok();
                ok.then_some(key)
            })
            .ok_or_else(|| Error::MissingFont {
                characters: "中文".into(),
                hint: "no font of the system draws Chinese (`fc-list :lang=zh` lists none); \
                       install one, e.g. `apt-get install fonts-noto-cjk`, or plot with `--lang en`"
                    .into(),
            })
        }
    }
}

/// The fonts a plot in `lang` is rasterised with: the bundled DejaVu Sans
/// only in English (the same pixels everywhere), the system's in Chinese.
pub(crate) fn png_fonts(lang: Lang) -> Fonts {
    match lang {
        Lang::En => Fonts::bundled(),
        _ => Fonts::system(),
    }
}

pub(crate) fn plot_error(e: impl std::fmt::Display) -> Error {
    Error::Render {
        engine: "plotters",
        message: e.to_string(),
    }
}

/// A `#RRGGBB` colour as plotters' colour (black if malformed).
pub(crate) fn hex(c: &str) -> RGBColor {
    let v = u32::from_str_radix(c.trim_start_matches('#'), 16).unwrap_or(0);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// A plot: a size and a drawing on any plotters backend.
pub trait Plot {
    /// Width and height in pixels of the SVG (points in print).
    fn size(&self) -> (u32, u32);

    /// The language of the plot's words (English unless the plot says).
    fn lang(&self) -> Lang {
        Lang::En
    }

    /// Draw onto a drawing area of [`size`](Self::size).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] or [`Error::SizeMismatch`] for inputs the
    /// plot cannot show (no finite value, columns of different lengths),
    /// [`Error::Render`] when plotters fails.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()>;

    /// The plot as an SVG document.
    ///
    /// # Errors
    /// As [`draw`](Self::draw).
    fn to_svg(&self) -> Result<String> {
        register_fonts()?;
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, self.size()).into_drawing_area();
            root.fill(&WHITE).map_err(plot_error)?;
            self.draw(&root)?;
            root.present().map_err(plot_error)?;
        }
        Ok(out)
    }

    /// The plot as PNG at twice its size, rasterised with the bundled font
    /// only in English, with the system's fonts in Chinese.
    ///
    /// # Errors
    /// As [`draw`](Self::draw), and [`Error::MissingFont`] for text no font
    /// covers (Chinese without a CJK font).
    fn to_png(&self) -> Result<Vec<u8>> {
        let opts = PngOptions {
            fonts: png_fonts(self.lang()),
            ..PngOptions::default()
        };
        svg_to_png(&self.to_svg()?, &opts)
    }
}

/// Write a plot as `<stem>.svg` and `<stem>.png`; returns the two paths.
///
/// # Errors
/// As [`Plot::to_png`], and [`Error::Io`] naming the file that could not be written.
pub fn write_plot(plot: &impl Plot, stem: &Path) -> Result<Vec<PathBuf>> {
    write_plot_as(plot, stem, true)
}

/// Write a plot as `<stem>.svg`, and `<stem>.png` too when `png`; returns the paths.
///
/// # Errors
/// As [`write_plot`].
pub fn write_plot_as(plot: &impl Plot, stem: &Path, png: bool) -> Result<Vec<PathBuf>> {
    let svg = plot.to_svg()?;
    let mut outputs: Vec<(&str, Vec<u8>)> = vec![("svg", svg.clone().into_bytes())];
    if png {
        let opts = PngOptions {
            fonts: png_fonts(plot.lang()),
            ..PngOptions::default()
        };
        outputs.push(("png", svg_to_png(&svg, &opts)?));
    }
    let mut files = Vec::new();
    for (ext, bytes) in outputs {
        let mut p = stem.as_os_str().to_owned();
        p.push(format!(".{ext}"));
        let path = PathBuf::from(p);
        std::fs::write(&path, &bytes).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        files.push(path);
    }
    Ok(files)
}

/// The finite values' `(min, max)`, widened by 5 % on each side (and to a
/// unit interval around a single value); `None` when no value is finite.
pub(crate) fn padded_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if lo > hi {
        return None;
    }
    if hi - lo < 1e-12 {
        let d = if lo.abs() > 1e-12 {
            lo.abs() * 0.1
        } else {
            0.5
        };
        return Some((lo - d, hi + d));
    }
    let pad = (hi - lo) * 0.05;
    Some((lo - pad, hi + pad))
}

/// A number for a label, as every table a person reads prints it: 3
/// significant digits, no trailing zeros, an integer part of 100 or more in
/// full, `0` for zero up to rounding (below 1e-12); `NaN` when not finite.
pub(crate) fn num(v: f64) -> String {
    if v.is_finite() {
        crate::model::fmt_value(v)
    } else {
        "NaN".into()
    }
}

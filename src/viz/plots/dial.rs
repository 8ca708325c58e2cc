//! A dial curve: a statistic's mean ± sd over a grid of the dial λ.

use super::{BASELINE, ESTIMATE, OBSERVED, Plot, font_family, num, padded_range, plot_error};
use crate::error::{Error, Result};
use crate::viz::Lang;
use crate::viz::names::plot_words;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The case's estimate of λ with its interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// The point estimate.
    pub value: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// A dial curve: for each λ of a grid, the mean and standard deviation of a
/// statistic over the draws at that λ (computed by the caller). The band is
/// mean ± sd; the observed value is a dashed horizontal line; the estimate a
/// vertical line over its shaded interval. The legend is a strip under the
/// axes, so it never covers the curve.
#[derive(Debug, Clone, PartialEq)]
pub struct Dial<'a> {
    /// The statistic's name (y axis).
    pub statistic: &'a str,
    /// What λ means (x axis), e.g. `λ (0 = polycentric, 1 = party-led)`.
    pub dial: &'a str,
    /// The grid, ascending.
    pub lambda: &'a [f64],
    /// The statistic's mean at each λ.
    pub mean: &'a [f64],
    /// The statistic's standard deviation at each λ.
    pub sd: &'a [f64],
    /// The statistic on the case.
    pub observed: Option<f64>,
    /// The case's estimate of λ.
    pub estimate: Option<Estimate>,
    /// The language of the words.
    pub lang: Lang,
}

/// Height of the legend strip under the chart.
const LEGEND: u32 = 30;

/// How a legend entry is drawn.
enum Swatch {
    Band,
    Dashed,
    Line,
}

impl Plot for Dial<'_> {
    fn size(&self) -> (u32, u32) {
        (640, 400 + LEGEND)
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        let font = font_family(self.lang)?;
        let words = plot_words(self.lang);
        for (what, v) in [("mean", self.mean), ("sd", self.sd)] {
            if v.len() != self.lambda.len() {
                return Err(Error::SizeMismatch {
                    what: format!("dial {what}"),
                    expected: self.lambda.len(),
                    found: v.len(),
                });
            }
        }
        if self
            .lambda
            .windows(2)
            .any(|w| w[0].partial_cmp(&w[1]) != Some(std::cmp::Ordering::Less))
        {
            return Err(Error::InvalidParameter {
                name: "lambda",
                reason: "the grid must be finite and strictly ascending".into(),
            });
        }
        let pts: Vec<(f64, f64, f64)> = self
            .lambda
            .iter()
            .zip(self.mean)
            .zip(self.sd)
            .map(|((&l, &m), &s)| (l, m, if s.is_finite() { s } else { 0.0 }))
            .filter(|(l, m, _)| l.is_finite() && m.is_finite())
            .collect();
        if pts.is_empty() {
            return Err(Error::InvalidParameter {
                name: "mean",
                reason: "no λ of the grid has a finite mean".into(),
            });
        }
        let xs = pts
            .iter()
            .map(|p| p.0)
            .chain(self.estimate.iter().flat_map(|e| [e.low, e.high]));
        let (x0, x1) = padded_range(xs).expect("finite");
        let ys = pts
            .iter()
            .flat_map(|p| [p.1 - p.2, p.1 + p.2])
            .chain(self.observed);
        let (y0, y1) = padded_range(ys).expect("finite");
        let h = root.dim_in_pixel().1;
        let (top, strip) = root.split_vertically(h.saturating_sub(LEGEND));
        let mut legend: Vec<(Swatch, RGBAColor, String)> = Vec::new();
        let mut chart = ChartBuilder::on(&top)
            .caption(
                format!("{} {}", self.statistic, words.along_dial),
                (font, 18),
            )
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(plot_error)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .x_desc(self.dial)
            .y_desc(self.statistic)
            .label_style((font, 13))
            .axis_desc_style((font, 15))
            .draw()
            .map_err(plot_error)?;
        if let Some(e) = self.estimate {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(e.low, y0), (e.high, y1)],
                    ESTIMATE.mix(0.12).filled(),
                )))
                .map_err(plot_error)?;
        }
        let band: Vec<(f64, f64)> = pts
            .iter()
            .map(|p| (p.0, p.1 + p.2))
            .chain(pts.iter().rev().map(|p| (p.0, p.1 - p.2)))
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(
                band,
                BASELINE.mix(0.35).filled(),
            )))
            .map_err(plot_error)?;
        legend.push((Swatch::Band, BASELINE.mix(0.35), words.mean_sd.to_string()));
        chart
            .draw_series(LineSeries::new(
                pts.iter().map(|p| (p.0, p.1)),
                BLACK.stroke_width(2),
            ))
            .map_err(plot_error)?;
        if let Some(obs) = self.observed.filter(|v| v.is_finite()) {
            let dashes = (0..40).map(|i| {
                let a = x0 + (x1 - x0) * i as f64 / 40.0;
                let b = a + (x1 - x0) / 80.0;
                PathElement::new(vec![(a, obs), (b, obs)], OBSERVED.stroke_width(2))
            });
            chart.draw_series(dashes).map_err(plot_error)?;
            legend.push((
                Swatch::Dashed,
                OBSERVED.to_rgba(),
                format!("{} {}", words.observed, num(obs)),
            ));
        }
        if let Some(e) = self.estimate {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(e.value, y0), (e.value, y1)],
                    ESTIMATE.stroke_width(2),
                )))
                .map_err(plot_error)?;
            legend.push((
                Swatch::Line,
                ESTIMATE.to_rgba(),
                format!(
                    "{} {} [{}, {}]",
                    words.estimate,
                    num(e.value),
                    num(e.low),
                    num(e.high)
                ),
            ));
        }
        // The legend: one row of swatches and words under the axes.
        let style = (font, 13).into_font().color(&BLACK);
        let mut x = 72;
        let y = (LEGEND / 2) as i32;
        for (swatch, colour, text) in &legend {
            match swatch {
                Swatch::Band => strip.draw(&Rectangle::new(
                    [(x, y - 6), (x + 22, y + 6)],
                    colour.filled(),
                )),
                Swatch::Dashed => strip
                    .draw(&PathElement::new(
                        vec![(x, y), (x + 8, y)],
                        colour.stroke_width(2),
                    ))
                    .and_then(|()| {
                        strip.draw(&PathElement::new(
                            vec![(x + 14, y), (x + 22, y)],
                            colour.stroke_width(2),
                        ))
                    }),
                Swatch::Line => strip.draw(&PathElement::new(
                    vec![(x, y), (x + 22, y)],
                    colour.stroke_width(2),
                )),
            }
            .map_err(plot_error)?;
            strip
                .draw_text(text, &style, (x + 28, y - 7))
                .map_err(plot_error)?;
            let (w, _) = strip.estimate_text_size(text, &style).map_err(plot_error)?;
            x += 28 + w as i32 + 24;
        }
        Ok(())
    }
}

//! An actor-level measure by kind: a box plot over a strip plot.

use super::{Plot, font_family, hex, padded_range, plot_error};
use crate::error::{Error, Result};
use crate::model::Kind;
use crate::viz::Lang;
use crate::viz::names::{kind_name, plot_words};
use crate::viz::style::kind_style;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A measure's values by actor kind, from plain `(kind, value)` columns.
///
/// Each kind present gets a column in [`Kind::ALL`] order: every actor as a
/// dot in the kind's colour (spread sideways by a fixed pattern, the same on
/// every run, that keeps equal values apart) and, for kinds with at least four actors, a box from the first
/// to the third quartile (linear interpolation, NumPy's default) with the
/// median. NaN values (undefined for that actor) are left out and counted
/// under the kind's name.
#[derive(Debug, Clone, PartialEq)]
pub struct ByKind<'a> {
    /// The measure's name (y axis).
    pub measure: &'a str,
    /// The case, for the title.
    pub case: &'a str,
    /// One `(kind, value)` per actor.
    pub values: &'a [(Kind, f64)],
    /// The language of the kinds' names and the title.
    pub lang: Lang,
}

/// The sideways offset of the `i`-th smallest value of a column: the golden
/// ratio sequence `frac(i φ)` scaled to ±0.25, so that neighbours in value
/// (equal values above all) land apart, the same on every run.
fn offset(i: usize) -> f64 {
    ((i as f64 * 0.618_033_988_749_895).fract() - 0.5) * 0.5
}

/// The `q`-quantile of sorted values, interpolated linearly.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (i, f) = (pos.floor() as usize, pos.fract());
    if i + 1 < sorted.len() {
        sorted[i] * (1.0 - f) + sorted[i + 1] * f
    } else {
        sorted[i]
    }
}

impl Plot for ByKind<'_> {
    fn size(&self) -> (u32, u32) {
        (680, 420)
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        let font = font_family(self.lang)?;
        let kinds: Vec<Kind> = Kind::ALL
            .iter()
            .copied()
            .filter(|k| self.values.iter().any(|(vk, _)| vk == k))
            .collect();
        let (y0, y1) = padded_range(self.values.iter().map(|v| v.1)).ok_or_else(|| {
            Error::InvalidParameter {
                name: "values",
                reason: format!("no actor has a finite {}", self.measure),
            }
        })?;
        let k = kinds.len();
        let names: Vec<String> = kinds
            .iter()
            .map(|&kind| {
                let nan = self
                    .values
                    .iter()
                    .filter(|(vk, v)| *vk == kind && !v.is_finite())
                    .count();
                // The short name: "block (territorial)" → "block", "塊(屬地政府)" → "塊".
                let name = kind_name(kind, self.lang)
                    .split([' ', '('])
                    .next()
                    .unwrap_or("")
                    .to_string();
                if nan > 0 {
                    format!("{name} ({nan} NaN)")
                } else {
                    name
                }
            })
            .collect();
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!(
                    "{}: {} {}",
                    self.case,
                    self.measure,
                    plot_words(self.lang).by_kind
                ),
                (font, 18),
            )
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.5..(k as f64 - 0.5), y0..y1)
            .map_err(plot_error)?;
        let label = |x: &f64| {
            let i = x.round();
            if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < names.len() {
                names[i as usize].clone()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(k + 1)
            .x_label_formatter(&label)
            .y_desc(self.measure)
            .label_style((font, 13))
            .axis_desc_style((font, 15))
            .draw()
            .map_err(plot_error)?;
        for (c, &kind) in kinds.iter().enumerate() {
            let colour = hex(kind_style(kind).fill);
            let mut v: Vec<f64> = self
                .values
                .iter()
                .filter(|(vk, x)| *vk == kind && x.is_finite())
                .map(|x| x.1)
                .collect();
            v.sort_by(f64::total_cmp);
            let x = c as f64;
            if v.len() >= 4 {
                let (q1, q2, q3) = (quantile(&v, 0.25), quantile(&v, 0.5), quantile(&v, 0.75));
                chart
                    .draw_series([
                        Rectangle::new([(x - 0.3, q1), (x + 0.3, q3)], colour.mix(0.25).filled()),
                        Rectangle::new(
                            [(x - 0.3, q1), (x + 0.3, q3)],
                            BLACK.mix(0.6).stroke_width(1),
                        ),
                    ])
                    .map_err(plot_error)?;
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x - 0.3, q2), (x + 0.3, q2)],
                        BLACK.stroke_width(2),
                    )))
                    .map_err(plot_error)?;
            }
            chart
                .draw_series(v.iter().enumerate().map(|(i, &y)| {
                    let spread = if v.len() > 1 { offset(i) } else { 0.0 };
                    Circle::new((x + spread, y), 4, colour.filled())
                }))
                .map_err(plot_error)?;
            chart
                .draw_series(v.iter().enumerate().map(|(i, &y)| {
                    let spread = if v.len() > 1 { offset(i) } else { 0.0 };
                    Circle::new((x + spread, y), 4, BLACK.mix(0.7).stroke_width(1))
                }))
                .map_err(plot_error)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn quantiles_interpolate_like_numpy() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(super::quantile(&v, 0.25), 1.75);
        assert_eq!(super::quantile(&v, 0.5), 2.5);
        assert_eq!(super::quantile(&v, 0.75), 3.25);
    }
}

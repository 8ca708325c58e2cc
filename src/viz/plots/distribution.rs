//! A baseline distribution with the observed value marked.

use super::{BASELINE, FONT, OBSERVED, Plot, num, padded_range, plot_error};
use crate::error::{Error, Result};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A statistic's distribution over baseline draws, and the case's value.
///
/// The draws are binned into `ceil(sqrt(n))` equal bins (between 10 and 40)
/// over the range of the draws and the observed value; NaN draws (an
/// undefined statistic) are left out and counted in the caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution<'a> {
    /// The statistic's name (x axis).
    pub statistic: &'a str,
    /// What the draws are (`polycentric baseline`), for the title.
    pub baseline: &'a str,
    /// The statistic on each baseline draw.
    pub draws: &'a [f64],
    /// The statistic on the case.
    pub observed: f64,
}

impl Distribution<'_> {
    /// `(bin edges, counts)`.
    fn bins(&self, lo: f64, hi: f64) -> (Vec<f64>, Vec<u32>) {
        let finite: Vec<f64> = self
            .draws
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        let k = ((finite.len() as f64).sqrt().ceil() as usize).clamp(10, 40);
        let width = (hi - lo) / k as f64;
        let edges: Vec<f64> = (0..=k).map(|i| lo + width * i as f64).collect();
        let mut counts = vec![0u32; k];
        for v in finite {
            let b = (((v - lo) / width) as usize).min(k - 1);
            counts[b] += 1;
        }
        (edges, counts)
    }
}

impl Plot for Distribution<'_> {
    fn size(&self) -> (u32, u32) {
        (640, 400)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        let defined = self.draws.iter().filter(|v| v.is_finite()).count();
        if defined == 0 {
            return Err(Error::InvalidParameter {
                name: "draws",
                reason: format!("none of the {} draws is a finite number", self.draws.len()),
            });
        }
        if !self.observed.is_finite() {
            return Err(Error::InvalidParameter {
                name: "observed",
                reason: format!("the observed {} is {}", self.statistic, self.observed),
            });
        }
        let values = self.draws.iter().copied().chain([self.observed]);
        let (lo, hi) = padded_range(values).expect("finite values");
        let (edges, counts) = self.bins(lo, hi);
        let top = f64::from(*counts.iter().max().unwrap_or(&1)) * 1.15;
        let caption = format!("{}: {} draws", self.baseline, defined);
        let mut chart = ChartBuilder::on(root)
            .caption(caption, (FONT, 18))
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(52)
            .build_cartesian_2d(lo..hi, 0.0..top)
            .map_err(plot_error)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_desc(self.statistic)
            .y_desc("draws")
            .y_label_formatter(&|v| format!("{v:.0}"))
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 15))
            .draw()
            .map_err(plot_error)?;
        chart
            .draw_series(counts.iter().enumerate().map(|(i, &c)| {
                Rectangle::new(
                    [(edges[i], 0.0), (edges[i + 1], f64::from(c))],
                    BASELINE.mix(0.7).filled(),
                )
            }))
            .map_err(plot_error)?
            .label("baseline draws")
            .legend(|(x, y)| {
                Rectangle::new([(x, y - 5), (x + 18, y + 5)], BASELINE.mix(0.7).filled())
            });
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(self.observed, 0.0), (self.observed, top)],
                OBSERVED.stroke_width(3),
            )))
            .map_err(plot_error)?
            .label(format!("observed {}", num(self.observed)))
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], OBSERVED.stroke_width(3)));
        if defined < self.draws.len() {
            let note = format!("{} undefined draws left out", self.draws.len() - defined);
            chart
                .draw_series(std::iter::once(Text::new(
                    note,
                    (lo, top * 0.98),
                    (FONT, 12),
                )))
                .map_err(plot_error)?;
        }
        chart
            .configure_series_labels()
            .position(if self.observed > (lo + hi) / 2.0 {
                SeriesLabelPosition::UpperLeft
            } else {
                SeriesLabelPosition::UpperRight
            })
            .background_style(WHITE.mix(0.9))
            .border_style(BLACK.mix(0.3))
            .label_font((FONT, 13))
            .draw()
            .map_err(plot_error)?;
        Ok(())
    }
}

//! Cases × statistics: each case's observed value against its baseline interval.

use super::{BASELINE, FONT, OBSERVED, Plot, padded_range, plot_error};
use crate::error::{Error, Result};
use plotters::coord::Shift;
use plotters::prelude::*;

/// A baseline interval: its ends and a middle value (a median, say).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower end.
    pub low: f64,
    /// Middle.
    pub mid: f64,
    /// Upper end.
    pub high: f64,
}

/// One cell of the panel: a case's value of a statistic and, when there is
/// one, the interval of that statistic over the case's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossCaseCell {
    /// The case.
    pub case: String,
    /// The statistic.
    pub statistic: String,
    /// The case's value (NaN: undefined; the cell shows only the interval).
    pub observed: f64,
    /// The baseline's interval.
    pub baseline: Option<Interval>,
}

/// A panel with one column per statistic and one row per case, in the order
/// the cells first name them. In each column the baseline interval is a grey
/// bar with a tick at its middle, the observed value a vermillion dot: a dot
/// outside its bar is a case unlike its baselines.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossCase<'a> {
    /// The panel's title.
    pub title: &'a str,
    /// The cells.
    pub cells: &'a [CrossCaseCell],
}

fn first_seen<'c>(names: impl Iterator<Item = &'c str>) -> Vec<&'c str> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

impl CrossCase<'_> {
    fn axes(&self) -> (Vec<&str>, Vec<&str>) {
        (
            first_seen(self.cells.iter().map(|c| c.case.as_str())),
            first_seen(self.cells.iter().map(|c| c.statistic.as_str())),
        )
    }
}

impl Plot for CrossCase<'_> {
    fn size(&self) -> (u32, u32) {
        let (cases, stats) = self.axes();
        (
            120 + 220 * stats.len().max(1) as u32,
            110 + 34 * cases.len().max(1) as u32,
        )
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        let (cases, stats) = self.axes();
        if stats.is_empty() {
            return Err(Error::InvalidParameter {
                name: "cells",
                reason: "the panel has no cell".into(),
            });
        }
        let titled = root.titled(self.title, (FONT, 18)).map_err(plot_error)?;
        let (_, h) = titled.dim_in_pixel();
        let (titled, key) = titled.split_vertically(h.saturating_sub(22));
        key.draw_text(
            "dot: the case's value;  grey bar: its baseline interval;  tick: the interval's middle",
            &(FONT, 12).into_font().color(&BLACK.mix(0.8)),
            (120, 2),
        )
        .map_err(plot_error)?;
        let (w, _) = titled.dim_in_pixel();
        let (left, rest) =
            titled.split_horizontally(120 + (w.saturating_sub(120)) / stats.len() as u32);
        let mut areas = vec![left];
        if stats.len() > 1 {
            areas.extend(rest.split_evenly((1, stats.len() - 1)));
        }
        let n = cases.len() as f64;
        for (s, (stat, area)) in stats.iter().zip(&areas).enumerate() {
            let cells: Vec<&CrossCaseCell> =
                self.cells.iter().filter(|c| c.statistic == *stat).collect();
            let values = cells.iter().flat_map(|c| {
                let b = c.baseline.map_or([f64::NAN; 3], |b| [b.low, b.mid, b.high]);
                [c.observed, b[0], b[1], b[2]]
            });
            let (x0, x1) = padded_range(values).unwrap_or((0.0, 1.0));
            let names = cases.clone();
            let label = move |y: &f64| {
                let i = y.round();
                if s == 0 && (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < names.len() {
                    names[names.len() - 1 - i as usize].to_string()
                } else {
                    String::new()
                }
            };
            let mut chart = ChartBuilder::on(area)
                .caption(*stat, (FONT, 14))
                .margin(8)
                .x_label_area_size(28)
                .y_label_area_size(if s == 0 { 112 } else { 4 })
                .build_cartesian_2d(x0..x1, -0.5..(n - 0.5))
                .map_err(plot_error)?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .light_line_style(WHITE)
                .x_labels(4)
                .y_labels(cases.len() + 1)
                .y_label_formatter(&label)
                .label_style((FONT, 12))
                .draw()
                .map_err(plot_error)?;
            for c in cells {
                let row = cases.iter().position(|x| *x == c.case).expect("seen");
                let y = n - 1.0 - row as f64;
                if let Some(b) = c.baseline {
                    chart
                        .draw_series([Rectangle::new(
                            [(b.low, y - 0.18), (b.high, y + 0.18)],
                            BASELINE.mix(0.5).filled(),
                        )])
                        .map_err(plot_error)?;
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(b.mid, y - 0.25), (b.mid, y + 0.25)],
                            BLACK.mix(0.7).stroke_width(2),
                        )))
                        .map_err(plot_error)?;
                }
                if c.observed.is_finite() {
                    chart
                        .draw_series(std::iter::once(Circle::new(
                            (c.observed, y),
                            5,
                            OBSERVED.filled(),
                        )))
                        .map_err(plot_error)?;
                }
            }
        }
        Ok(())
    }
}

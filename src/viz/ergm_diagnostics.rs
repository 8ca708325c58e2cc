//! MCMC diagnostics of an ERGM fit as a figure: for every statistic, the
//! trace of each chain and the density of the pooled draws, with the
//! observed value marked (as statnet's `mcmc.diagnostics(fit)` plots them).
//!
//! Plain columns in: one [`TraceColumn`] per statistic (its name, its draws
//! per chain, the observed value), SVG out through [`Plot`]. The figure
//! computes no statistic of the fit; the density is a Gaussian kernel
//! estimate drawn from the draws:
//!
//! ```text
//! f̂(x) = (1 / (N h)) Σ_k φ((x − x_k) / h),   h = 0.9 · min(s, IQR / 1.34) · N^(−1/5)
//! ```
//!
//! with N the pooled draws, s their standard deviation, IQR their
//! interquartile range (R's `bw.nrd0`, the default of `density()`; when the
//! IQR is 0, s alone). A statistic that did not vary is drawn as one spike.
//!
//! ```
//! use coprod::viz::ergm_diagnostics::{McmcTraces, TraceColumn};
//! use coprod::viz::plots::Plot;
//! let col = TraceColumn {
//!     name: "edges".into(),
//!     chains: vec![vec![3.0, 4.0, 5.0, 4.0], vec![4.0, 4.0, 3.0, 5.0]],
//!     observed: 4.0,
//! };
//! let svg = McmcTraces { columns: vec![col] }.to_svg().unwrap();
//! assert!(svg.starts_with("<svg"));
//! ```

use super::plots::{FONT, OBSERVED, Plot, padded_range, plot_error};
use crate::error::{Error, Result};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Okabe–Ito colours of the chains (blue, bluish green, reddish purple, sky
/// blue, yellow, black; repeated past six chains).
const CHAIN_COLOURS: [RGBColor; 6] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x00, 0x00),
];

/// One statistic of the final MCMC sample.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceColumn {
    /// The statistic's name (statnet's coefficient name).
    pub name: String,
    /// Its draws, one vector per chain, in draw order (all of one length).
    pub chains: Vec<Vec<f64>>,
    /// g(y_obs) for this statistic.
    pub observed: f64,
}

/// Trace (left) and density (right) of every statistic, one row each.
#[derive(Debug, Clone, PartialEq)]
pub struct McmcTraces {
    /// The statistics, in the formula's order.
    pub columns: Vec<TraceColumn>,
}

/// R's `bw.nrd0` of the (sorted) values: 0.9 min(s, IQR/1.34) N^(−1/5).
fn bandwidth(sorted: &[f64]) -> f64 {
    let n = sorted.len() as f64;
    let mean = sorted.iter().sum::<f64>() / n;
    let sd = (sorted.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
    let q = |p: f64| {
        // R's quantile type 7.
        let h = (n - 1.0) * p;
        let lo = h.floor() as usize;
        let hi = (lo + 1).min(sorted.len() - 1);
        sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
    };
    let iqr = (q(0.75) - q(0.25)) / 1.34;
    let spread = if iqr > 0.0 { sd.min(iqr) } else { sd };
    0.9 * spread * n.powf(-0.2)
}

/// The kernel density on `grid` points across `(lo, hi)`.
fn density(values: &[f64], lo: f64, hi: f64, grid: usize) -> Vec<(f64, f64)> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let h = bandwidth(&sorted);
    let n = values.len() as f64;
    let norm = 1.0 / (n * h * (2.0 * std::f64::consts::PI).sqrt());
    (0..grid)
        .map(|g| {
            let x = lo + (hi - lo) * g as f64 / (grid - 1) as f64;
            let d = values
                .iter()
                .map(|v| (-0.5 * ((x - v) / h).powi(2)).exp())
                .sum::<f64>();
            (x, d * norm)
        })
        .collect()
}

impl McmcTraces {
    fn check(&self) -> Result<()> {
        if self.columns.is_empty() {
            return Err(Error::InvalidParameter {
                name: "columns",
                reason: "no statistic to plot".into(),
            });
        }
        for c in &self.columns {
            let len = c.chains.first().map_or(0, Vec::len);
            if len == 0 {
                return Err(Error::InvalidParameter {
                    name: "chains",
                    reason: format!("`{}` has no draw", c.name),
                });
            }
            if let Some(bad) = c.chains.iter().find(|ch| ch.len() != len) {
                return Err(Error::SizeMismatch {
                    what: format!("chains of `{}`", c.name),
                    expected: len,
                    found: bad.len(),
                });
            }
            if let Some(v) = c.chains.iter().flatten().find(|v| !v.is_finite()) {
                return Err(Error::InvalidParameter {
                    name: "chains",
                    reason: format!("`{}` has the draw {v}", c.name),
                });
            }
            if !c.observed.is_finite() {
                return Err(Error::InvalidParameter {
                    name: "observed",
                    reason: format!("the observed `{}` is {}", c.name, c.observed),
                });
            }
        }
        Ok(())
    }
}

fn draw_row<DB: DrawingBackend>(
    c: &TraceColumn,
    trace: &DrawingArea<DB, Shift>,
    dens: &DrawingArea<DB, Shift>,
) -> Result<()> {
    let all = c.chains.iter().flatten().copied();
    let (lo, hi) = padded_range(all.clone().chain([c.observed])).expect("finite values");
    let per = c.chains[0].len();
    let mut chart = ChartBuilder::on(trace)
        .caption(format!("Trace of {}", c.name), (FONT, 15))
        .margin(8)
        .x_label_area_size(30)
        .y_label_area_size(56)
        .build_cartesian_2d(0.0..(per.max(2) - 1) as f64, lo..hi)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .x_desc("draw")
        .label_style((FONT, 11))
        .axis_desc_style((FONT, 12))
        .draw()
        .map_err(plot_error)?;
    for (k, ch) in c.chains.iter().enumerate() {
        let colour = CHAIN_COLOURS[k % CHAIN_COLOURS.len()];
        chart
            .draw_series(LineSeries::new(
                ch.iter().enumerate().map(|(i, &v)| (i as f64, v)),
                colour.mix(0.8).stroke_width(1),
            ))
            .map_err(plot_error)?;
    }
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, c.observed), ((per.max(2) - 1) as f64, c.observed)],
            OBSERVED.stroke_width(2),
        )))
        .map_err(plot_error)?;
    let pooled: Vec<f64> = c.chains.iter().flatten().copied().collect();
    let varies = pooled.iter().any(|&v| v != pooled[0]);
    let curve = if varies {
        density(&pooled, lo, hi, 200)
    } else {
        vec![(pooled[0], 0.0), (pooled[0], 1.0)]
    };
    let top = curve.iter().map(|p| p.1).fold(0.0, f64::max) * 1.1;
    let mut chart = ChartBuilder::on(dens)
        .caption(format!("Density of {}", c.name), (FONT, 15))
        .margin(8)
        .x_label_area_size(30)
        .y_label_area_size(56)
        .build_cartesian_2d(lo..hi, 0.0..top)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .x_desc(if varies {
            format!("N = {}, bandwidth as R's bw.nrd0", pooled.len())
        } else {
            format!("N = {}, did not vary", pooled.len())
        })
        .label_style((FONT, 11))
        .axis_desc_style((FONT, 12))
        .draw()
        .map_err(plot_error)?;
    chart
        .draw_series(LineSeries::new(curve, BLACK.stroke_width(2)))
        .map_err(plot_error)?;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(c.observed, 0.0), (c.observed, top)],
            OBSERVED.stroke_width(2),
        )))
        .map_err(plot_error)?;
    Ok(())
}

impl Plot for McmcTraces {
    fn size(&self) -> (u32, u32) {
        (960, 40 + 200 * self.columns.len().max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        self.check()?;
        let chains = self.columns[0].chains.len();
        let root = root
            .titled(
                &format!("MCMC diagnostics: {chains} chain(s), observed value in orange"),
                (FONT, 18),
            )
            .map_err(plot_error)?;
        let rows = root.split_evenly((self.columns.len(), 2));
        for (r, c) in self.columns.iter().enumerate() {
            draw_row(c, &rows[2 * r], &rows[2 * r + 1])?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bandwidth_is_r_bw_nrd0() {
        // R: bw.nrd0(c(1, 2, 3, 4, 10)) = 0.9 * min(sd, IQR/1.34) * 5^-0.2
        // sd = 3.5355339059327378, IQR = 2 (quantile type 7: 2 and 4) -> 1.4925373134328357
        let h = bandwidth(&[1.0, 2.0, 3.0, 4.0, 10.0]);
        let want = 0.9 * (2.0_f64 / 1.34) * 5f64.powf(-0.2);
        assert!((h - want).abs() < 1e-12, "{h} {want}");
    }

    #[test]
    fn density_integrates_to_one() {
        let v: Vec<f64> = (0..50)
            .map(|i| f64::from(i % 7) + 0.1 * f64::from(i))
            .collect();
        let (lo, hi) = (-20.0, 40.0);
        let d = density(&v, lo, hi, 2001);
        let dx = (hi - lo) / 2000.0;
        let area: f64 = d.windows(2).map(|w| 0.5 * (w[0].1 + w[1].1) * dx).sum();
        // The trapezoid rule's error on 0.03-wide cells of a kernel of width ≥ 0.5 is < 1e-4.
        assert!((area - 1.0).abs() < 1e-4, "{area}");
    }

    #[test]
    fn bad_columns_are_errors() {
        let col = |chains: Vec<Vec<f64>>, observed| TraceColumn {
            name: "edges".into(),
            chains,
            observed,
        };
        let t = |c| McmcTraces { columns: vec![c] }.to_svg();
        assert!(t(col(vec![vec![]], 1.0)).is_err());
        assert!(t(col(vec![vec![1.0], vec![1.0, 2.0]], 1.0)).is_err());
        assert!(t(col(vec![vec![1.0, f64::NAN]], 1.0)).is_err());
        assert!(t(col(vec![vec![1.0, 2.0]], f64::INFINITY)).is_err());
        assert!(McmcTraces { columns: vec![] }.to_svg().is_err());
        // A statistic that did not vary is drawn (one spike).
        assert!(t(col(vec![vec![2.0, 2.0]], 2.0)).is_ok());
    }
}

//! Cases × statistics: each case's z-score against each of a few baselines.

use super::{BASELINE, Plot, font_family, hex, num, plot_error};
use crate::error::{Error, Result};
use crate::model::OutcomeStatus;
use crate::viz::Lang;
use crate::viz::names::outcome_name;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One row of the panel: a case and its z-scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ZCase {
    /// The case's name as shown.
    pub label: String,
    /// The case's recorded outcome: a succeeded case's row is shaded green,
    /// a failed one's purple, and the outcome is written after the name.
    pub outcome: Option<OutcomeStatus>,
    /// `z[s][b]`: the z-score of statistic `s` against baseline `b` (`None`: undefined).
    pub z: Vec<Vec<Option<f64>>>,
}

/// The markers of the baselines, in order: Okabe–Ito blue circle, orange
/// triangle, bluish-green square, then again.
pub const Z_COLOURS: [&str; 3] = ["#0072B2", "#E69F00", "#009E73"];

/// A panel of z-scores: one column per statistic, one row per case, one
/// marker per baseline (offset a little vertically so that two baselines do
/// not hide each other). The grey band is `|z| < 1.96`; the line is `z = 0`.
/// Each column's axis runs symmetrically to the first of 3, 4, 5, 6, 8, 10
/// and [`ZScores::CAP`] that holds every `|z|` it shows; a z beyond the cap
/// is drawn at the axis end as a hollow marker with its value written beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct ZScores<'a> {
    /// The panel's title.
    pub title: &'a str,
    /// The line under the title (what the marks mean).
    pub key: &'a str,
    /// The statistics as shown (columns).
    pub statistics: &'a [&'a str],
    /// The baselines as shown (markers).
    pub baselines: &'a [&'a str],
    /// The cases (rows), top to bottom.
    pub cases: &'a [ZCase],
    /// The language of the words.
    pub lang: Lang,
}

const LABELS: u32 = 200;
const COLUMN: u32 = 200;
const HEAD: u32 = 84;
const ROW: u32 = 34;
/// Height of the column headers (two lines).
const TOP: i32 = 40;

impl ZScores<'_> {
    /// The largest |z| an axis shows.
    pub const CAP: f64 = 12.0;
}

/// `text` in at most two lines of about `width` characters, split at a space.
fn wrap(text: &str, width: usize) -> Vec<String> {
    if text.chars().count() <= width {
        return vec![text.to_string()];
    }
    let words: Vec<&str> = text.split(' ').collect();
    let mut best = (usize::MAX, 1);
    for cut in 1..words.len() {
        let a = words[..cut].join(" ").chars().count();
        let b = words[cut..].join(" ").chars().count();
        if a.max(b) < best.0 {
            best = (a.max(b), cut);
        }
    }
    if words.len() < 2 {
        return vec![text.to_string()];
    }
    vec![words[..best.1].join(" "), words[best.1..].join(" ")]
}

fn marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    b: usize,
    (x, y): (i32, i32),
    hollow: bool,
) -> Result<()> {
    let colour = hex(Z_COLOURS[b % Z_COLOURS.len()]);
    let style = if hollow {
        colour.stroke_width(2)
    } else {
        colour.filled()
    };
    match b % 3 {
        0 => area.draw(&Circle::new((x, y), 5, style)),
        1 => area.draw(&TriangleMarker::new((x, y), 6, style)),
        _ => area.draw(&Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], style)),
    }
    .map_err(plot_error)
}

impl Plot for ZScores<'_> {
    fn size(&self) -> (u32, u32) {
        (
            LABELS + COLUMN * self.statistics.len().max(1) as u32 + 10,
            HEAD + TOP as u32 + ROW * self.cases.len().max(1) as u32 + 30,
        )
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        if self.statistics.is_empty() || self.baselines.is_empty() || self.cases.is_empty() {
            return Err(Error::InvalidParameter {
                name: "cases",
                reason: format!(
                    "a z-score panel needs statistics, baselines and cases; it has {}, {} and {}",
                    self.statistics.len(),
                    self.baselines.len(),
                    self.cases.len()
                ),
            });
        }
        for c in self.cases {
            if c.z.len() != self.statistics.len()
                || c.z.iter().any(|r| r.len() != self.baselines.len())
            {
                return Err(Error::SizeMismatch {
                    what: format!("z-scores of {}", c.label),
                    expected: self.statistics.len() * self.baselines.len(),
                    found: c.z.iter().map(Vec::len).sum(),
                });
            }
        }
        let font = font_family(self.lang)?;
        let text = |size: u32| (font, size).into_font().color(&BLACK);
        let (w, h) = root.dim_in_pixel();
        let (head, body) = root.split_vertically(HEAD);
        head.draw_text(self.title, &text(19), (10, 6))
            .map_err(plot_error)?;
        head.draw_text(
            self.key,
            &(font, 12).into_font().color(&BLACK.mix(0.75)),
            (10, 32),
        )
        .map_err(plot_error)?;
        let mut x = LABELS as i32;
        for (b, name) in self.baselines.iter().enumerate() {
            marker(&head, b, (x, 60), false)?;
            head.draw_text(name, &text(13), (x + 10, 53))
                .map_err(plot_error)?;
            let (width, _) = head
                .estimate_text_size(name, &text(13))
                .map_err(plot_error)?;
            x += 34 + width as i32;
        }
        let rows = self.cases.len();
        let top = TOP;
        let row_y = |r: usize| top + (ROW * r as u32 + ROW / 2) as i32;
        // Row shading by outcome, and the row labels.
        for (r, c) in self.cases.iter().enumerate() {
            let y = row_y(r);
            let shade = match c.outcome {
                Some(OutcomeStatus::Succeeded) => Some(hex("#009E73").mix(0.12)),
                Some(OutcomeStatus::Failed) => Some(hex("#CC79A7").mix(0.18)),
                _ => None,
            };
            if let Some(s) = shade {
                body.draw(&Rectangle::new(
                    [
                        (4, y - ROW as i32 / 2 + 1),
                        (w as i32 - 4, y + ROW as i32 / 2 - 1),
                    ],
                    s.filled(),
                ))
                .map_err(plot_error)?;
            }
            body.draw_text(&c.label, &text(13), (10, y - 13))
                .map_err(plot_error)?;
            if let Some(o) = c.outcome {
                body.draw_text(
                    outcome_name(o, self.lang),
                    &(font, 11).into_font().color(&BLACK.mix(0.7)),
                    (10, y + 2),
                )
                .map_err(plot_error)?;
            }
        }
        let bottom = row_y(rows - 1) + ROW as i32 / 2;
        let _ = h;
        for (s, stat) in self.statistics.iter().enumerate() {
            let x0 = (LABELS + COLUMN * s as u32) as i32 + 18;
            let x1 = x0 + COLUMN as i32 - 36;
            for (i, line) in wrap(stat, 24).iter().enumerate() {
                body.draw_text(line, &text(12), (x0, 4 + 15 * i as i32))
                    .map_err(plot_error)?;
            }
            let zs = self
                .cases
                .iter()
                .flat_map(|c| c.z[s].iter().flatten().copied())
                .filter(|z| z.is_finite());
            let largest = zs.fold(0.0_f64, |m, z| m.max(z.abs() * 1.05));
            let reach = [3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
                .into_iter()
                .find(|&r| r >= largest)
                .unwrap_or(ZScores::CAP);
            let px = |z: f64| {
                let t = (z.clamp(-reach, reach) + reach) / (2.0 * reach);
                x0 + (t * f64::from(x1 - x0)).round() as i32
            };
            body.draw(&Rectangle::new(
                [(px(-1.96), top), (px(1.96), bottom)],
                BASELINE.mix(0.22).filled(),
            ))
            .map_err(plot_error)?;
            body.draw(&PathElement::new(
                vec![(px(0.0), top), (px(0.0), bottom)],
                BLACK.mix(0.5).stroke_width(1),
            ))
            .map_err(plot_error)?;
            // The axis: a line and ticks at −reach, 0 and reach (and ±1.96 when room).
            body.draw(&PathElement::new(
                vec![(x0, bottom), (x1, bottom)],
                BLACK.stroke_width(1),
            ))
            .map_err(plot_error)?;
            let ticks: Vec<f64> = if reach >= 6.0 {
                vec![-reach, -reach / 2.0, 0.0, reach / 2.0, reach]
            } else {
                vec![-reach, 0.0, reach]
            };
            for t in ticks {
                let x = px(t);
                body.draw(&PathElement::new(
                    vec![(x, bottom), (x, bottom + 4)],
                    BLACK.stroke_width(1),
                ))
                .map_err(plot_error)?;
                let label = num((t * 10.0).round() / 10.0);
                let (width, _) = body
                    .estimate_text_size(&label, &text(11))
                    .map_err(plot_error)?;
                let half = width as i32 / 2;
                body.draw_text(&label, &text(11), (x - half, bottom + 6))
                    .map_err(plot_error)?;
            }
            let m = self.baselines.len() as f64;
            for (r, c) in self.cases.iter().enumerate() {
                for (b, z) in c.z[s].iter().enumerate() {
                    let Some(z) = z.filter(|z| z.is_finite()) else {
                        continue;
                    };
                    let dy = ((b as f64 - (m - 1.0) / 2.0) * 8.0).round() as i32;
                    let y = row_y(r) + dy;
                    let beyond = z.abs() > reach;
                    marker(&body, b, (px(z), y), beyond)?;
                    if beyond {
                        let label = num(z);
                        let (width, _) = body
                            .estimate_text_size(&label, &text(10))
                            .map_err(plot_error)?;
                        let off = if z > 0.0 { -10 - width as i32 } else { 10 };
                        body.draw_text(&label, &text(10), (px(z) + off, y - 5))
                            .map_err(plot_error)?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_headers_wrap_in_two_balanced_lines() {
        assert_eq!(super::wrap("transitivity", 24), ["transitivity"]);
        assert_eq!(
            super::wrap("core's share of cross-sector brokerage", 24),
            ["core's share of", "cross-sector brokerage"]
        );
    }
}

//! One statistic against every baseline: a small histogram per baseline.

use super::{BASELINE, OBSERVED, Plot, font_family, num, padded_range, plot_error};
use crate::error::Result;
use crate::viz::Lang;
use crate::viz::names::plot_words;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One baseline's panel: its draws of the statistic and what they say.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselinePanel<'a> {
    /// The baseline's name as shown (already translated).
    pub baseline: &'a str,
    /// The statistic on each draw where it is defined.
    pub draws: &'a [f64],
    /// The case's z-score against the draws (`None`: undefined).
    pub z: Option<f64>,
    /// The p-value shown in the title (`None`: undefined).
    pub p: Option<f64>,
    /// A counterfactual drawn once: its single value is a line, not a histogram.
    pub once: bool,
    /// Why no draw defines the statistic, when none does (e.g. "the
    /// counterfactual has no core actor"); the grid then leaves the panel
    /// out and says this under its key. `None` gives a generic reason.
    pub undefined: Option<&'a str>,
}

impl BaselinePanel<'_> {
    /// Whether some draw defines the statistic (else the panel is left out).
    fn is_drawn(&self) -> bool {
        self.draws.iter().any(|v| v.is_finite())
    }
}

/// A statistic of a case against several baselines: one small panel per
/// baseline with a defined draw in a grid of up to four columns, each a histogram of the
/// baseline's draws (grey) with the case's value as a vermillion line and
/// `z` and `p` in the panel's title; a counterfactual drawn once is a grey
/// line at its value. All panels share the x axis (the range of every draw
/// and the observed value), so the case's line stands at the same place in
/// each and the baselines read against each other; each panel has its own
/// count axis. Bins: `ceil(sqrt(n))` equal bins, between 10 and 40, over the
/// baseline's own range, none narrower than 1/80 of the shared axis. A
/// baseline on which no draw defines the statistic (a core statistic on the
/// counterfactual without the core) has no panel: a line under the key
/// names it and says why, instead of an empty frame.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineGrid<'a> {
    /// The figure's title.
    pub title: &'a str,
    /// The line under the title (what the marks mean).
    pub key: &'a str,
    /// The statistic's name as shown (x axes).
    pub statistic: &'a str,
    /// The statistic on the case (`None`: undefined there; no line).
    pub observed: Option<f64>,
    /// The panels, in order.
    pub panels: &'a [BaselinePanel<'a>],
    /// The language of the words.
    pub lang: Lang,
}

/// Panel size in pixels, the height of the title block, and of one line
/// naming the panels left out.
const PANEL: (u32, u32) = (310, 230);
const HEAD: u32 = 64;
const NOTE_LINE: u32 = 17;

impl<'a> BaselineGrid<'a> {
    fn drawn(&self) -> impl Iterator<Item = &BaselinePanel<'a>> {
        self.panels.iter().filter(|p| p.is_drawn())
    }
    fn columns(&self) -> usize {
        self.drawn().count().clamp(1, 4)
    }
    fn rows(&self) -> usize {
        self.drawn().count().div_ceil(self.columns()).max(1)
    }
    /// The lines naming the panels left out, each baseline with why it has
    /// no draw, wrapped at the figure's width (12 px text: about 6.8 px a
    /// Latin character, 12 a Chinese one).
    fn left_out(&self) -> Vec<String> {
        let words = plot_words(self.lang);
        let budget = (PANEL.0 as usize * self.columns()) * 10 / 68;
        let mut lines = Vec::new();
        for p in self.panels.iter().filter(|p| !p.is_drawn()) {
            let text = format!(
                "{} {}: {}",
                words.not_shown,
                p.baseline,
                p.undefined.unwrap_or(words.no_draw)
            );
            let mut line = String::new();
            for w in text.split(' ') {
                let width = |s: &str| {
                    s.chars()
                        .map(|c| if c.is_ascii() { 1 } else { 2 })
                        .sum::<usize>()
                };
                if !line.is_empty() && width(&line) + 1 + width(w) > budget {
                    lines.push(std::mem::take(&mut line));
                    line.push_str("    ");
                }
                if !line.trim().is_empty() {
                    line.push(' ');
                }
                line.push_str(w);
            }
            lines.push(line);
        }
        lines
    }
    fn head(&self) -> u32 {
        HEAD + NOTE_LINE * self.left_out().len() as u32
    }
}

/// `(bin edges, counts)` of `draws`: `ceil(sqrt(n))` bins (10 to 40) over
/// the draws' own range, but none narrower than 1/80 of the shared axis
/// `span` (a narrow distribution stays a visible bar, a constant one is one).
fn bins(draws: &[f64], span: f64) -> (Vec<f64>, Vec<u32>) {
    let finite: Vec<f64> = draws.iter().copied().filter(|v| v.is_finite()).collect();
    let (lo, hi) = finite
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if finite.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let k = ((finite.len() as f64).sqrt().ceil() as usize).clamp(10, 40);
    let natural = (hi - lo) / k as f64;
    let (start, width, k) = if natural >= span / 80.0 {
        (lo, natural, k)
    } else {
        // Wider bins than the draws need: fewer of them, centred on the draws.
        let width = span / 80.0;
        let k = (((hi - lo) / width).floor() as usize + 1).min(k);
        ((lo + hi) / 2.0 - width * k as f64 / 2.0, width, k)
    };
    let edges: Vec<f64> = (0..=k).map(|i| start + width * i as f64).collect();
    let mut counts = vec![0u32; k];
    for v in finite {
        let b = (((v - start) / width).max(0.0) as usize).min(k - 1);
        counts[b] += 1;
    }
    (edges, counts)
}

fn opt(v: Option<f64>, undefined: &str) -> String {
    v.map_or_else(|| undefined.to_string(), num)
}

impl Plot for BaselineGrid<'_> {
    fn size(&self) -> (u32, u32) {
        (
            PANEL.0 * self.columns() as u32 + 20,
            PANEL.1 * self.rows() as u32 + self.head() + 10,
        )
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Result<()> {
        let font = font_family(self.lang)?;
        let words = plot_words(self.lang);
        let root = root.margin(6, 4, 10, 10);
        let (head, body) = root.split_vertically(self.head() - 10);
        head.draw_text(self.title, &(font, 19).into_font().color(&BLACK), (0, 4))
            .map_err(plot_error)?;
        head.draw_text(
            self.key,
            &(font, 12).into_font().color(&BLACK.mix(0.75)),
            (0, 32),
        )
        .map_err(plot_error)?;
        // The panels left out, each with why: never an empty frame.
        for (i, line) in self.left_out().iter().enumerate() {
            head.draw_text(
                line,
                &(font, 12).into_font().color(&BLACK.mix(0.75)),
                (0, 50 + NOTE_LINE as i32 * i as i32),
            )
            .map_err(plot_error)?;
        }
        let all = self
            .panels
            .iter()
            .flat_map(|p| p.draws.iter().copied())
            .chain(self.observed);
        let (lo, hi) = padded_range(all).unwrap_or((0.0, 1.0));
        let areas = body.split_evenly((self.rows(), self.columns()));
        for (p, area) in self.drawn().zip(&areas) {
            let caption = if p.once {
                format!(
                    "{}: {} {}",
                    p.baseline,
                    words.value,
                    p.draws
                        .first()
                        .map_or(words.undefined.to_string(), |v| num(*v))
                )
            } else {
                format!(
                    "{}: z = {}, p = {}",
                    p.baseline,
                    opt(p.z, words.undefined),
                    opt(p.p, words.undefined)
                )
            };
            let (edges, counts) = bins(p.draws, hi - lo);
            let top = if p.once {
                1.0
            } else {
                f64::from(counts.iter().copied().max().unwrap_or(0).max(1)) * 1.12
            };
            let mut chart = ChartBuilder::on(area)
                .caption(caption, (font, 13))
                .margin(6)
                .margin_right(14)
                .x_label_area_size(34)
                .y_label_area_size(if p.once { 8 } else { 40 })
                .build_cartesian_2d(lo..hi, 0.0..top)
                .map_err(plot_error)?;
            let mut mesh = chart.configure_mesh();
            mesh.disable_x_mesh()
                .light_line_style(WHITE)
                .x_labels(5)
                .x_label_formatter(&|v| num(*v))
                .x_desc(self.statistic)
                .label_style((font, 11))
                .axis_desc_style((font, 11));
            if p.once {
                mesh.disable_y_axis().disable_y_mesh();
            } else {
                mesh.y_labels(4).y_label_formatter(&|v| format!("{v:.0}"));
            }
            mesh.draw().map_err(plot_error)?;
            if p.once {
                if let Some(&v) = p.draws.first() {
                    chart
                        .draw_series(std::iter::once(PathElement::new(
                            vec![(v, 0.0), (v, top * 0.9)],
                            BASELINE.stroke_width(4),
                        )))
                        .map_err(plot_error)?;
                }
            } else {
                chart
                    .draw_series(counts.iter().enumerate().filter(|(_, c)| **c > 0).map(
                        |(i, &c)| {
                            Rectangle::new(
                                [(edges[i], 0.0), (edges[i + 1], f64::from(c))],
                                BASELINE.mix(0.75).filled(),
                            )
                        },
                    ))
                    .map_err(plot_error)?;
            }
            if let Some(obs) = self.observed.filter(|v| v.is_finite()) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(obs, 0.0), (obs, top)],
                        OBSERVED.stroke_width(2),
                    )))
                    .map_err(plot_error)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::bins;

    #[test]
    fn bins_count_every_draw_once_and_a_constant_is_one_bar() {
        let draws = [0.1, 0.2, 0.2, 0.3, 0.45, f64::NAN];
        let (edges, counts) = bins(&draws, 1.0);
        assert_eq!(counts.iter().sum::<u32>(), 5);
        assert_eq!(edges.len(), counts.len() + 1);
        assert!(edges[0] <= 0.1 && *edges.last().unwrap() >= 0.45 - 1e-12);
        // 0.35 / 10 bins of 0.035 (wider than 1/80): 0.2 twice in one bin.
        assert_eq!(counts.len(), 10);
        assert_eq!(counts.iter().copied().max(), Some(2));
        let (edges, counts) = bins(&[0.5; 7], 2.0);
        assert_eq!(counts, [7]);
        assert!((edges[1] - edges[0] - 2.0 / 80.0).abs() < 1e-12);
        assert!(bins(&[], 1.0).1.is_empty());
    }
}

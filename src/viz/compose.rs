//! Framing and composing SVG: a title, one or more graph panels in a grid, and
//! a legend of the kinds and layers shown.
//!
//! Panels keep their natural size (the same scale in every panel), in rows of
//! `columns`; the legend sits to the right. All lengths are points.

use super::names::{kind_name, layer_name};
use super::style::{LayerStyle, kind_style};
use super::text::xml;
use super::{Figure, Lang};
use crate::error::{Error, Result};
use crate::model::Kind;
use std::fmt::Write as _;

/// The legend of one or more figures: the kinds and layers they show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Legend {
    /// Language of the entries.
    pub lang: Lang,
    /// Kinds shown, in [`Kind::ALL`] order.
    pub kinds: Vec<Kind>,
    /// Layers shown, in first-seen order, with their styles.
    pub layers: Vec<(String, LayerStyle)>,
    /// The size column's name, when nodes are sized.
    pub size_by: Option<String>,
}

impl Legend {
    /// The union of what the figures show.
    pub fn of(figs: &[&Figure]) -> Legend {
        let lang = figs.first().map_or(Lang::En, |f| f.lang);
        let kinds = Kind::ALL
            .iter()
            .copied()
            .filter(|k| figs.iter().any(|f| f.nodes.iter().any(|n| n.kind == *k)))
            .collect();
        let mut layers: Vec<(String, LayerStyle)> = Vec::new();
        for f in figs {
            for l in &f.layers {
                if !layers.iter().any(|(n, _)| *n == l.0) {
                    layers.push(l.clone());
                }
            }
        }
        Legend {
            lang,
            kinds,
            layers,
            size_by: figs.iter().find_map(|f| f.size_by.clone()),
        }
    }

    /// The legend as SVG elements at the origin, and its `(width, height)`:
    /// the kinds above the layers (`beside` false, a legend to the right of
    /// the panels), or the layers beside the kinds (a legend below them).
    fn draw(&self, beside: bool) -> (String, f64, f64) {
        let (kinds, kw, kh) = self.draw_kinds();
        let (layers, lw, lh) = self.draw_layers();
        let defs = self.defs();
        if beside {
            let dx = kw + 24.0;
            (
                format!(
                    r#"<defs>{defs}</defs>{kinds}<g transform="translate({dx:.1},0)">{layers}</g>"#
                ),
                dx + lw,
                kh.max(lh),
            )
        } else {
            (
                format!(
                    r#"<defs>{defs}</defs>{kinds}<g transform="translate(0,{kh:.1})">{layers}</g>"#
                ),
                kw.max(lw),
                kh + lh,
            )
        }
    }

    fn draw_kinds(&self) -> (String, f64, f64) {
        let zh = self.lang.is_zh();
        let mut s = String::new();
        let mut y = 12.0;
        let heading = |s: &mut String, y: f64, text: &str| {
            let _ = writeln!(
                s,
                r#"<text x="0" y="{y:.1}" font-size="11" font-weight="bold">{}</text>"#,
                xml(text)
            );
        };
        heading(&mut s, y, if zh { "行動者" } else { "Actors" });
        y += 8.0;
        for &k in &self.kinds {
            let st = kind_style(k);
            let _ = writeln!(s, "{}", swatch(st.shape, st.rounded, st.fill, 0.0, y));
            let _ = writeln!(
                s,
                r#"<text x="30" y="{:.1}" font-size="10">{}</text>"#,
                y + 10.0,
                xml(kind_name(k, self.lang))
            );
            y += 18.0;
        }
        let mut widest = text_width(if zh { "行動者" } else { "Actors" }, 11.0);
        for k in &self.kinds {
            widest = widest.max(30.0 + text_width(kind_name(*k, self.lang), 10.0));
        }
        (s, widest + 6.0, y + 6.0)
    }

    fn draw_layers(&self) -> (String, f64, f64) {
        let zh = self.lang.is_zh();
        let mut s = String::new();
        let mut y = 12.0;
        let heading = |s: &mut String, y: f64, text: &str| {
            let _ = writeln!(
                s,
                r#"<text x="0" y="{y:.1}" font-size="11" font-weight="bold">{}</text>"#,
                xml(text)
            );
        };
        if !self.layers.is_empty() {
            heading(&mut s, y, if zh { "關係層" } else { "Ties (layer)" });
            y += 8.0;
        }
        for (name, st) in &self.layers {
            let dash = match st.line.dasharray() {
                "" => String::new(),
                d => format!(r#" stroke-dasharray="{d}""#),
            };
            let head = if st.arrow {
                format!(r#" marker-end="url(#legend-arrow-{})""#, &st.colour[1..])
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                r#"<line x1="0" y1="{:.1}" x2="24" y2="{:.1}" stroke="{}" stroke-width="1.6"{dash}{head}/>"#,
                y + 7.0,
                y + 7.0,
                st.colour
            );
            let suffix = if st.arrow {
                ""
            } else if zh {
                "(無向)"
            } else {
                " (undirected)"
            };
            let _ = writeln!(
                s,
                r#"<text x="30" y="{:.1}" font-size="10">{}{}</text>"#,
                y + 10.0,
                xml(layer_name(name, self.lang)),
                suffix
            );
            y += 16.0;
        }
        if let Some(col) = &self.size_by {
            y += 10.0;
            let text = if zh {
                let name = super::names::measure_name(col, self.lang).unwrap_or(col);
                format!("節點大小:{name}")
            } else {
                format!("Node size: {col}")
            };
            let _ = writeln!(
                s,
                r#"<text x="0" y="{y:.1}" font-size="10" font-style="italic">{}</text>"#,
                xml(&text)
            );
            y += 6.0;
        }
        let mut widest = text_width(if zh { "關係層" } else { "Ties (layer)" }, 11.0);
        for (name, st) in &self.layers {
            let suffix = if st.arrow {
                ""
            } else if zh {
                "(無向)"
            } else {
                " (undirected)"
            };
            let label = format!("{}{suffix}", layer_name(name, self.lang));
            widest = widest.max(30.0 + text_width(&label, 10.0));
        }
        if let Some(col) = &self.size_by {
            widest = widest.max(text_width(&format!("Node size: {col}"), 10.0));
        }
        (s, widest + 6.0, y + 4.0)
    }

    fn defs(&self) -> String {
        let mut defs = String::new();
        for (_, st) in self.layers.iter().filter(|(_, st)| st.arrow) {
            let id = &st.colour[1..];
            if !defs.contains(&format!("legend-arrow-{id}\"")) {
                let _ = writeln!(
                    defs,
                    r#"<marker id="legend-arrow-{id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{}"/></marker>"#,
                    st.colour
                );
            }
        }
        defs
    }
}

use super::text::text_width;

/// A small shape of a kind, 24 × 14, its top-left corner at `(x, y)`.
fn swatch(shape: &str, rounded: bool, fill: &str, x: f64, y: f64) -> String {
    let stroke = r##"stroke="#333333" stroke-width="0.8""##;
    let pts = |p: &[(f64, f64)]| {
        p.iter()
            .map(|(a, b)| format!("{:.1},{:.1}", x + a, y + b))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match shape {
        "octagon" => format!(
            r#"<polygon points="{}" fill="{fill}" {stroke}/>"#,
            pts(&[
                (5.0, 0.0),
                (19.0, 0.0),
                (24.0, 4.0),
                (24.0, 10.0),
                (19.0, 14.0),
                (5.0, 14.0),
                (0.0, 10.0),
                (0.0, 4.0)
            ])
        ),
        "parallelogram" => format!(
            r#"<polygon points="{}" fill="{fill}" {stroke}/>"#,
            pts(&[(5.0, 0.0), (24.0, 0.0), (19.0, 14.0), (0.0, 14.0)])
        ),
        "house" => format!(
            r#"<polygon points="{}" fill="{fill}" {stroke}/>"#,
            pts(&[
                (12.0, 0.0),
                (24.0, 5.0),
                (24.0, 14.0),
                (0.0, 14.0),
                (0.0, 5.0)
            ])
        ),
        "hexagon" => format!(
            r#"<polygon points="{}" fill="{fill}" {stroke}/>"#,
            pts(&[
                (5.0, 0.0),
                (19.0, 0.0),
                (24.0, 7.0),
                (19.0, 14.0),
                (5.0, 14.0),
                (0.0, 7.0)
            ])
        ),
        "ellipse" => format!(
            r#"<ellipse cx="{:.1}" cy="{:.1}" rx="12" ry="7" fill="{fill}" {stroke}/>"#,
            x + 12.0,
            y + 7.0
        ),
        _ => format!(
            r#"<rect x="{x:.1}" y="{y:.1}" width="24" height="14" rx="{}" fill="{fill}" {stroke}/>"#,
            if rounded { 4 } else { 0 }
        ),
    }
}

/// An SVG document's root element, re-opened for embedding.
struct Panel {
    /// The document from its root `<svg` on, the root's attributes removed.
    body: String,
    width: f64,
    height: f64,
    view_box: String,
}

/// A length such as `586pt`, `586px` or `586` in points (px as 0.75 pt).
fn length(v: &str) -> Option<f64> {
    let v = v.trim();
    if let Some(n) = v.strip_suffix("pt") {
        n.trim().parse().ok()
    } else if let Some(n) = v.strip_suffix("px") {
        n.trim().parse::<f64>().ok().map(|x| x * 0.75)
    } else {
        v.parse().ok()
    }
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn panel(svg: &str) -> Result<Panel> {
    let bad = |what: &str| Error::Render {
        engine: "compose",
        message: format!("not an SVG document the composer understands: {what}"),
    };
    let start = svg.find("<svg").ok_or_else(|| bad("no <svg> element"))?;
    let open_end = svg[start..]
        .find('>')
        .ok_or_else(|| bad("unterminated <svg"))?
        + start;
    let tag = svg[start..open_end].replace(['\n', '\t'], " ");
    let width = attribute(&tag, "width")
        .and_then(length)
        .ok_or_else(|| bad("no width"))?;
    let height = attribute(&tag, "height")
        .and_then(length)
        .ok_or_else(|| bad("no height"))?;
    let view_box = attribute(&tag, "viewBox")
        .map(str::to_string)
        .unwrap_or_else(|| format!("0 0 {width} {height}"));
    let end = svg.rfind("</svg>").ok_or_else(|| bad("no </svg>"))?;
    Ok(Panel {
        body: svg[open_end + 1..end].to_string(),
        width,
        height,
        view_box,
    })
}

/// Where a frame puts its legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LegendAt {
    /// To the right of the panels, kinds above layers (a grid of panels).
    #[default]
    Right,
    /// Under the panels, kinds beside layers: one figure stays narrow enough
    /// to print in one column of a paper.
    Below,
}

/// A titled grid of panels with a legend to the right: `panels` are `(subtitle, svg)`.
///
/// # Errors
/// [`Error::Render`] when a panel is not an SVG document with a width and height.
pub fn frame(
    title: &str,
    panels: &[(String, String)],
    columns: usize,
    legend: &Legend,
) -> Result<String> {
    frame_at(title, panels, columns, legend, LegendAt::Right)
}

/// As [`frame`], with the legend where `at` says.
///
/// # Errors
/// As [`frame`].
pub fn frame_at(
    title: &str,
    panels: &[(String, String)],
    columns: usize,
    legend: &Legend,
    at: LegendAt,
) -> Result<String> {
    let parsed: Vec<Panel> = panels
        .iter()
        .map(|(_, s)| panel(s))
        .collect::<Result<_>>()?;
    let columns = columns.max(1);
    let margin = 12.0;
    let title_h = if title.is_empty() { 0.0 } else { 28.0 };
    let sub_h = if panels.iter().any(|(t, _)| !t.is_empty()) {
        18.0
    } else {
        0.0
    };
    let mut placed = Vec::new();
    let (mut y, mut width) = (margin + title_h, 0.0f64);
    for row in parsed.chunks(columns) {
        let mut x = margin;
        let row_h = row.iter().map(|p| p.height).fold(0.0, f64::max);
        for p in row {
            placed.push((x, y));
            x += p.width + margin;
        }
        width = width.max(x);
        y += sub_h + row_h + margin;
    }
    let (legend_svg, lw, lh) = legend.draw(at == LegendAt::Below);
    let (legend_x, legend_y, total_w, total_h) = match at {
        LegendAt::Right => (
            width + margin,
            margin + title_h,
            width + margin + lw + margin,
            y.max(margin + title_h + lh + margin),
        ),
        LegendAt::Below => (margin, y, width.max(margin + lw + margin), y + lh + margin),
    };
    let font = super::dot::font_family(legend.lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{total_w:.1}pt" height="{total_h:.1}pt" viewBox="0 0 {total_w:.1} {total_h:.1}" font-family="{font}">
<rect width="100%" height="100%" fill="white"/>"#
    );
    if !title.is_empty() {
        let _ = writeln!(
            out,
            r#"<text x="{margin}" y="{:.1}" font-size="16" font-weight="bold">{}</text>"#,
            margin + 16.0,
            xml(title)
        );
    }
    for (((sub, _), p), (x, y)) in panels.iter().zip(&parsed).zip(&placed) {
        if !sub.is_empty() {
            let _ = writeln!(
                out,
                r#"<text x="{x:.1}" y="{:.1}" font-size="12" font-weight="bold">{}</text>"#,
                y + 12.0,
                xml(sub)
            );
        }
        let _ = writeln!(
            out,
            r#"<svg x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" viewBox="{}">{}</svg>"#,
            y + sub_h,
            p.width,
            p.height,
            p.view_box,
            p.body
        );
    }
    let _ = writeln!(
        out,
        r#"<g transform="translate({legend_x:.1},{legend_y:.1})">{legend_svg}</g>"#
    );
    out.push_str("</svg>\n");
    Ok(out)
}

/// One figure's graph SVG framed with the figure's title and its legend below.
///
/// # Errors
/// As [`frame`].
pub fn with_legend(graph_svg: &str, fig: &Figure) -> Result<String> {
    frame_at(
        &fig.title,
        &[(String::new(), graph_svg.to_string())],
        1,
        &Legend::of(&[fig]),
        LegendAt::Below,
    )
}

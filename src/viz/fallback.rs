//! The pure-Rust renderer: `layout-rs` lays the figure out, [`Canvas`] draws it.

use super::figure::Figure;
use super::render::{render_error, xml};
use crate::error::Result;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::fmt::Write as _;

/// Lay the figure out with `layout-rs` and draw it with [`Canvas`].
pub(crate) fn pure_rust(fig: &Figure) -> Result<String> {
    let dir = Orientation::LeftToRight;
    let mut vg = VisualGraph::new(dir);
    let mut handles = Vec::with_capacity(fig.nodes.len());
    for (i, n) in fig.nodes.iter().enumerate() {
        let font = (11.0 + 6.0 * n.scale.unwrap_or(0.0)).round() as usize;
        let rounded = match n.style.shape {
            "box" | "parallelogram" | "house" | "hexagon" | "octagon" if !n.style.rounded => 0,
            _ => 10,
        };
        let look = StyleAttr::new(
            Color::fast(n.style.fill),
            1,
            Some(Color::fast(n.style.fill)),
            rounded,
            font,
        );
        let shape = ShapeKind::Box(n.label.clone());
        let size = get_shape_size(dir.flip(), &shape, font, false);
        let size = Point::new(size.x * 0.62 + 8.0, size.y + 4.0);
        let el = Element::create_with_properties(shape, look, dir, size, format!("n{i}"));
        handles.push(vg.add_node(el));
    }
    for (i, e) in fig.edges.iter().enumerate() {
        let look = StyleAttr::new(Color::fast(e.style.colour), 1, None, 0, 10);
        let end = if e.style.arrow {
            LineEndKind::Arrow
        } else {
            LineEndKind::None
        };
        let mut arrow = Arrow::new(
            LineEndKind::None,
            end,
            LineStyleKind::Normal,
            "",
            &look,
            &None,
            &None,
        );
        arrow.properties = Some(format!("e{i}"));
        vg.add_edge(arrow, handles[e.source], handles[e.target]);
    }
    let mut canvas = Canvas::new(fig);
    if fig.nodes.is_empty() {
        return Ok(canvas.finish());
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        vg.do_it(false, false, false, &mut canvas);
    }))
    .map_err(|_| render_error("layout-rs", "the layout panicked"))?;
    Ok(canvas.finish())
}

/// A `layout-rs` backend writing SVG in this module's style: kind colours and
/// text colours, layer colours and dash patterns, one arrow marker per colour,
/// the figure's font, elements in drawing order (deterministic output).
struct Canvas<'f> {
    fig: &'f Figure,
    body: String,
    max: (f64, f64),
    text_colour: &'static str,
    markers: Vec<&'static str>,
}

impl<'f> Canvas<'f> {
    fn new(fig: &'f Figure) -> Self {
        Canvas {
            fig,
            body: String::new(),
            max: (0.0, 0.0),
            text_colour: "#000000",
            markers: Vec::new(),
        }
    }

    fn grow(&mut self, x: f64, y: f64) {
        self.max.0 = self.max.0.max(x);
        self.max.1 = self.max.1.max(y);
    }

    /// The node a shape belongs to (its `n<i>` property).
    fn node(&self, properties: &Option<String>) -> Option<&'f super::FigureNode> {
        let i: usize = properties.as_deref()?.strip_prefix('n')?.parse().ok()?;
        self.fig.nodes.get(i)
    }

    fn finish(self) -> String {
        let (w, h) = (self.max.0 + 8.0, self.max.1 + 8.0);
        let mut out = String::new();
        let _ = writeln!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.1}pt" height="{h:.1}pt" viewBox="0 0 {w:.1} {h:.1}">"#
        );
        out.push_str("<defs>\n");
        for c in &self.markers {
            let id = &c[1..];
            let _ = writeln!(
                out,
                r#"<marker id="arrow-{id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>"#
            );
        }
        out.push_str("</defs>\n");
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        self.grow(xy.x + size.x, xy.y + size.y);
        let Some(n) = self.node(&properties) else {
            return;
        };
        self.text_colour = n.style.text;
        let _ = writeln!(
            self.body,
            r##"<g class="node"><title>{}</title><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{}" fill="{}" stroke="#333333" stroke-width="0.8"/></g>"##,
            xml(&n.tooltip),
            xy.x,
            xy.y,
            size.x,
            size.y,
            look.rounded.min(8),
            n.style.fill
        );
    }

    fn draw_line(&mut self, start: Point, stop: Point, _: &StyleAttr, _: Option<String>) {
        self.grow(start.x.max(stop.x), start.y.max(stop.y));
    }

    fn draw_circle(&mut self, xy: Point, size: Point, look: &StyleAttr, p: Option<String>) {
        let corner = Point::new(xy.x - size.x / 2.0, xy.y - size.y / 2.0);
        self.draw_rect(corner, size, look, p, None);
    }

    fn draw_text(&mut self, xy: Point, text: &str, look: &StyleAttr) {
        if text.trim().is_empty() {
            return;
        }
        let lines: Vec<&str> = text.lines().collect();
        let size = look.font_size as f64;
        let top = xy.y - (lines.len() as f64 - 1.0) * size * 1.15 / 2.0;
        let _ = write!(
            self.body,
            r#"<text text-anchor="middle" dominant-baseline="central" font-family="{}" font-size="{size}" fill="{}">"#,
            super::dot::font_family(self.fig.lang),
            self.text_colour
        );
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                self.body,
                r#"<tspan x="{:.1}" y="{:.1}">{}</tspan>"#,
                xy.x,
                top + k as f64 * size * 1.15,
                xml(line)
            );
        }
        self.body.push_str("</text>\n");
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        let Some(e) = properties
            .as_deref()
            .and_then(|p| p.strip_prefix('e'))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| self.fig.edges.get(i))
        else {
            return;
        };
        if path.len() < 2 {
            return;
        }
        for (a, b) in path {
            self.grow(a.x.max(b.x), a.y.max(b.y));
        }
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            path[0].0.x,
            path[0].0.y,
            path[0].1.x,
            path[0].1.y,
            path[1].0.x,
            path[1].0.y,
            path[1].1.x,
            path[1].1.y
        );
        for (a, b) in &path[2..] {
            let _ = write!(d, " S {:.1} {:.1}, {:.1} {:.1}", a.x, a.y, b.x, b.y);
        }
        let colour = e.style.colour;
        if !self.markers.contains(&colour) {
            self.markers.push(colour);
        }
        let marker = |on: bool, which: &str| {
            if on {
                format!(r#" marker-{which}="url(#arrow-{})""#, &colour[1..])
            } else {
                String::new()
            }
        };
        let dash = match e.style.line.dasharray() {
            "" => String::new(),
            d => format!(r#" stroke-dasharray="{d}""#),
        };
        let _ = writeln!(
            self.body,
            r#"<g class="edge"><title>{}</title><path d="{d}" fill="none" stroke="{colour}" stroke-width="1.1"{dash}{}{}/></g>"#,
            xml(&e.layer),
            marker(head.0, "start"),
            marker(head.1 && e.style.arrow, "end"),
        );
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded: usize) -> ClipHandle {
        0
    }
}

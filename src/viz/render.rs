//! SVG from a [`Figure`]: Graphviz's `dot` when it is installed, else a
//! pure-Rust layout.
//!
//! * **Graphviz** (`apt-get install graphviz`): the DOT text of
//!   [`Figure::to_dot`] is piped to `dot -Tsvg`; clusters, shapes, line
//!   styles and spline routing are Graphviz's. This is the quality for papers.
//! * **Pure Rust** (`layout-rs`): a layered layout drawn by this module. Nodes
//!   are boxes (rounded for kinds Graphviz draws round) in the kind's colour,
//!   ties keep their layer's colour, line style and arrow; clusters are not
//!   drawn (the legend still names the kinds and layers). It needs nothing
//!   installed, so a fresh machine still writes SVG.
//!
//! Either way the graph is then framed with its title and a legend
//! ([`compose::with_legend`](super::compose::with_legend)).

use super::default_dot_program;
use super::figure::Figure;
use crate::error::{Error, Result};
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Which program lays the graph out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when its `dot` program runs, else the pure-Rust layout
    /// (and [`Rendered::engine`] says which one drew).
    #[default]
    Auto,
    /// Graphviz only: an error when `dot` is not installed.
    Graphviz,
    /// The pure-Rust layout, never Graphviz.
    PureRust,
}

/// The renderer: an engine and the Graphviz program to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renderer {
    /// Which engine.
    pub engine: Engine,
    /// The `dot` program (default `dot`, looked up in `PATH`).
    pub dot: PathBuf,
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer {
            engine: Engine::Auto,
            dot: default_dot_program(),
        }
    }
}

impl Renderer {
    /// A renderer that never runs Graphviz.
    pub fn pure_rust() -> Renderer {
        Renderer {
            engine: Engine::PureRust,
            ..Renderer::default()
        }
    }
}

/// Which engine drew a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    /// Graphviz's `dot`.
    Graphviz,
    /// The pure-Rust layout (Graphviz was not asked for, or not installed).
    PureRust,
}

/// A rendered figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// The SVG document: title, graph and legend.
    pub svg: String,
    /// Which engine drew the graph.
    pub engine: Drawn,
}

/// Render a figure to SVG, framed with its title and legend.
///
/// # Errors
/// [`Error::Render`] when Graphviz was required ([`Engine::Graphviz`]) and is
/// not installed, when `dot` fails, or when the pure-Rust layout fails.
pub fn render(fig: &Figure, renderer: &Renderer) -> Result<Rendered> {
    let (graph, engine) = render_graph(fig, renderer)?;
    Ok(Rendered {
        svg: super::compose::with_legend(&graph, fig)?,
        engine,
    })
}

/// Render only the graph (no title, no legend), returning the bare SVG.
///
/// # Errors
/// As [`render`].
pub fn render_graph(fig: &Figure, renderer: &Renderer) -> Result<(String, Drawn)> {
    match renderer.engine {
        Engine::PureRust => Ok((pure_rust(fig)?, Drawn::PureRust)),
        Engine::Graphviz => Ok((graphviz(fig, renderer)?, Drawn::Graphviz)),
        Engine::Auto => match graphviz(fig, renderer) {
            Err(Error::GraphvizMissing { .. }) => Ok((pure_rust(fig)?, Drawn::PureRust)),
            other => Ok((other?, Drawn::Graphviz)),
        },
    }
}

/// Run `dot -Tsvg` on the figure's DOT text. A figure's title is drawn by the
/// legend frame, so the graph is rendered without it.
fn graphviz(fig: &Figure, renderer: &Renderer) -> Result<String> {
    let untitled = Figure {
        title: String::new(),
        ..fig.clone()
    };
    run_dot(&renderer.dot, &untitled.dot_text(), "svg")
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Run the Graphviz program on DOT text with `-T<format>`, returning its output.
///
/// # Errors
/// [`Error::GraphvizMissing`] when the program cannot be found (an
/// [`std::io::ErrorKind::NotFound`]), [`Error::Render`] when it fails.
pub fn run_dot(program: &std::path::Path, dot: &str, format: &str) -> Result<Vec<u8>> {
    let spawned = Command::new(program)
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::GraphvizMissing {
                program: program.to_path_buf(),
            });
        }
        Err(e) => return Err(render_error("graphviz", e)),
    };
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| render_error("graphviz", "no standard input to write to"))?;
    let text = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| render_error("graphviz", e))?;
    writer
        .join()
        .map_err(|_| render_error("graphviz", "writer thread panicked"))?
        .map_err(|e| render_error("graphviz", e))?;
    if !out.status.success() {
        return Err(render_error(
            "graphviz",
            format!(
                "{} exited with {}: {}",
                program.display(),
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(out.stdout)
}

fn render_error(engine: &'static str, e: impl std::fmt::Display) -> Error {
    Error::Render {
        engine,
        message: e.to_string(),
    }
}

/// Lay the figure out with `layout-rs` and draw it with [`Canvas`].
fn pure_rust(fig: &Figure) -> Result<String> {
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

/// Escape text for XML content and attributes.
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

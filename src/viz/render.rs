//! SVG from a [`Figure`]: Graphviz's `dot` when it is installed, else a
//! pure-Rust layout.
//!
//! * **Graphviz** (`apt-get install graphviz`): the DOT text of
//!   [`Figure::to_dot`] is piped to `dot -Tsvg`; clusters, shapes, line
//!   styles and spline routing are Graphviz's. This is the quality for papers.
//! * **Pure Rust** (`viz::layered`): levels as bands from top
//!   to bottom (Graphviz's clusters), a layered drawing inside, each kind's
//!   shape and colours, ties in their layer's colour, line style and arrow,
//!   boxes sized to their text with the fonts' metrics. It needs nothing
//!   installed, so a fresh machine still writes a figure; set
//!   `COPROD_ENGINE=pure-rust` to use it when Graphviz is installed.
//!
//! Either way the graph is then framed with its title and a legend
//! ([`compose::with_legend`](super::compose::with_legend)).
//!
//! The drawing path runs one way: `render` → `fallback` → `layered` →
//! `text`, and `render` → `compose` → `text`; none of them imports `render`.

use super::default_dot_program;
use super::figure::Figure;
use super::text::render_error;
use crate::error::{Error, Result};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Which program lays the graph out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when its `dot` program runs, else the pure-Rust layout
    /// (and [`Rendered::engine`] says which one drew). The environment
    /// variable `COPROD_ENGINE` (`auto`, `graphviz` or `pure-rust`) overrides
    /// it, so that the main job can be run on the pure-Rust path with
    /// Graphviz installed; any other value is an error.
    #[default]
    Auto,
    /// Graphviz only: an error when `dot` is not installed.
    Graphviz,
    /// The pure-Rust layout, never Graphviz.
    PureRust,
}

impl Engine {
    /// The engine `COPROD_ENGINE` names (`auto`, `graphviz`, `pure-rust`),
    /// [`Engine::Auto`] when it is unset or empty.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any other value, listing the three.
    pub fn from_env() -> Result<Engine> {
        match std::env::var("COPROD_ENGINE") {
            Ok(v) if !v.trim().is_empty() => v.trim().parse(),
            _ => Ok(Engine::Auto),
        }
    }
}

impl std::str::FromStr for Engine {
    type Err = Error;
    /// `auto`, `graphviz` or `pure-rust`.
    fn from_str(s: &str) -> Result<Engine> {
        match s {
            "auto" => Ok(Engine::Auto),
            "graphviz" => Ok(Engine::Graphviz),
            "pure-rust" => Ok(Engine::PureRust),
            other => Err(Error::UnknownName {
                what: "figure engine (COPROD_ENGINE)",
                value: other.to_string(),
                available: crate::Names::of(["auto", "graphviz", "pure-rust"], other),
            }),
        }
    }
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
        svg: super::script::svg(&super::compose::with_legend(&graph, fig)?, fig.lang)?,
        engine,
    })
}

/// Render only the graph (no title, no legend), returning the bare SVG.
///
/// # Errors
/// As [`render`].
pub fn render_graph(fig: &Figure, renderer: &Renderer) -> Result<(String, Drawn)> {
    let engine = match renderer.engine {
        Engine::Auto => Engine::from_env()?,
        e => e,
    };
    match engine {
        Engine::PureRust => Ok((super::fallback::pure_rust(fig).0, Drawn::PureRust)),
        Engine::Graphviz => Ok((graphviz(fig, renderer)?, Drawn::Graphviz)),
        Engine::Auto => match graphviz(fig, renderer) {
            Err(Error::GraphvizMissing { .. }) => {
                Ok((super::fallback::pure_rust(fig).0, Drawn::PureRust))
            }
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
    run_dot(&renderer.dot, &untitled.dot_text(), &["-Tsvg"])
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Run the Graphviz program on DOT text with `args` (`-Tsvg`, `-Kneato -n2 -Tsvg`…), returning its output.
///
/// # Errors
/// [`Error::GraphvizMissing`] when the program cannot be found (an
/// [`std::io::ErrorKind::NotFound`]), [`Error::Render`] when it fails.
pub fn run_dot(program: &std::path::Path, dot: &str, args: &[&str]) -> Result<Vec<u8>> {
    let spawned = Command::new(program)
        .args(args)
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

/// Node positions (points) of a Graphviz layout of `fig`, from `dot -Tplain`.
///
/// # Errors
/// As [`run_dot`], and [`Error::Render`] for output that is not Graphviz's plain format.
pub fn positions(fig: &Figure, renderer: &Renderer) -> Result<Vec<(String, f64, f64)>> {
    let plain = run_dot(&renderer.dot, &fig.dot_text(), &["-Tplain"])?;
    let text = String::from_utf8_lossy(&plain);
    let mut out = Vec::new();
    for line in text.lines() {
        let mut f = line.split_whitespace();
        if f.next() != Some("node") {
            continue;
        }
        let (Some(name), Some(x), Some(y)) = (f.next(), f.next(), f.next()) else {
            return Err(render_error(
                "graphviz",
                format!("unexpected plain output `{line}`"),
            ));
        };
        let parse = |v: &str| {
            v.parse::<f64>()
                .map_err(|_| render_error("graphviz", format!("unexpected plain output `{line}`")))
        };
        out.push((
            name.trim_matches('"').to_string(),
            parse(x)? * 72.0,
            parse(y)? * 72.0,
        ));
    }
    Ok(out)
}

/// Render `fig` with every node at the position `at` gives it (Graphviz's
/// `neato -n2`, splines routed around nodes, no clusters): the second panel
/// of a side-by-side figure, drawn where the first panel put each actor.
///
/// # Errors
/// As [`run_dot`].
pub fn render_pinned(
    fig: &Figure,
    at: &[(String, f64, f64)],
    renderer: &Renderer,
) -> Result<String> {
    let mut flat = fig.clone();
    flat.title = String::new();
    flat.clusters.clear();
    for n in &mut flat.nodes {
        n.cluster = None;
    }
    let text = flat.dot_text_pinned(at);
    run_dot(&renderer.dot, &text, &["-Kneato", "-n2", "-Tsvg"])
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

//! Writing a case's figures to a directory.

use super::compose::{Legend, frame};
use super::png::{PngOptions, svg_to_png};
use super::render::{Drawn, Rendered, render, render_graph};
use super::{Figure, FigureOptions};
use crate::error::{Error, Result};
use crate::model::{ArenaProjection, Kind, Layers, MultiplexGraph, Sign};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// What [`write_case_figures`] writes beside each figure's DOT file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// DOT only (no rendering).
    Dot,
    /// DOT and SVG.
    #[default]
    Svg,
    /// DOT, SVG and PNG (for slides).
    Png,
}

impl FromStr for Format {
    type Err = Error;
    /// `dot`, `svg` or `png`.
    fn from_str(s: &str) -> Result<Format> {
        match s {
            "dot" => Ok(Format::Dot),
            "svg" => Ok(Format::Svg),
            "png" => Ok(Format::Png),
            other => Err(Error::UnknownName {
                what: "figure format",
                value: other.to_string(),
                available: crate::Names::of(["dot", "svg", "png"], other),
            }),
        }
    }
}

/// What [`write_case_figures`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The files, in writing order.
    pub files: Vec<PathBuf>,
    /// The engine that drew the SVGs (`None` for [`Format::Dot`]); `PureRust`
    /// if any figure fell back to it.
    pub engine: Option<Drawn>,
}

fn write_file(path: PathBuf, bytes: &[u8], files: &mut Vec<PathBuf>) -> Result<()> {
    std::fs::write(&path, bytes).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    files.push(path);
    Ok(())
}

/// The layers that get a figure of their own: those of `opts.layers` with at least one tie.
fn layers_to_draw(graph: &MultiplexGraph, layers: &Layers) -> Vec<String> {
    let used: Vec<&str> = graph.count_by_layer().into_iter().map(|(l, _)| l).collect();
    graph
        .layers()
        .iter()
        .filter(|l| used.contains(&l.name.as_str()))
        .filter(|l| match layers {
            Layers::All => true,
            Layers::Positive => l.sign == Sign::Positive,
            Layers::Only(names) => names.contains(&l.name),
        })
        .map(|l| l.name.clone())
        .collect()
}

/// Write every figure of a case into `out_dir` (created if missing):
///
/// ```text
/// aggregate.{dot,svg,png}     every actor, the ties of opts.layers
/// layer_<name>.{dot,svg,png}  one per layer with ties: the actors tied in it
/// layers.{svg,png}            the layer figures side by side (small multiples)
/// arenas.{dot,svg,png}        the arena projection (when the case has arenas)
/// ```
///
/// SVG and PNG only for [`Format::Svg`] / [`Format::Png`]. The size column,
/// if any, sizes the actors of every figure; in the arena projection the
/// arenas' own values are left out.
///
/// # Errors
/// As [`Figure::case`] and [`render`](super::render::render); an
/// [`Error::Io`] naming the file that could not be written;
/// [`Error::MissingFont`] for PNG with Chinese labels and no CJK font.
pub fn write_case_figures(
    graph: &MultiplexGraph,
    opts: &FigureOptions,
    format: Format,
    out_dir: &Path,
) -> Result<Written> {
    let agg = Figure::case(graph, opts)?;
    let lang = agg.lang;
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let png = PngOptions::default();
    let mut files = Vec::new();
    let mut engine = None;
    let mut note = |d: Drawn| {
        if engine != Some(Drawn::PureRust) {
            engine = Some(d);
        }
    };
    let emit = |name: &str, svg: &str, files: &mut Vec<PathBuf>| -> Result<()> {
        let svg = &super::script::svg(svg, lang)?;
        write_file(out_dir.join(format!("{name}.svg")), svg.as_bytes(), files)?;
        if format == Format::Png {
            write_file(
                out_dir.join(format!("{name}.png")),
                &svg_to_png(svg, &png)?,
                files,
            )?;
        }
        Ok(())
    };
    let one = |name: &str, fig: &Figure, files: &mut Vec<PathBuf>| -> Result<Option<Drawn>> {
        write_file(
            out_dir.join(format!("{name}.dot")),
            fig.dot_text().as_bytes(),
            files,
        )?;
        if format == Format::Dot {
            return Ok(None);
        }
        let r = render(fig, &opts.renderer)?;
        emit(name, &r.svg, files)?;
        Ok(Some(r.engine))
    };

    if let Some(d) = one("aggregate", &agg, &mut files)? {
        note(d);
    }
    let mut panels = Vec::new();
    let mut figs = Vec::new();
    for layer in layers_to_draw(graph, &opts.layers) {
        let fig = Figure::layer(graph, &layer, opts)?;
        if let Some(d) = one(&format!("layer_{layer}"), &fig, &mut files)? {
            note(d);
            let (svg, _) = render_graph(&fig, &opts.renderer)?;
            panels.push((super::names::layer_name(&layer, opts.lang).to_string(), svg));
        }
        figs.push(fig);
    }
    if !panels.is_empty() {
        let refs: Vec<&Figure> = figs.iter().collect();
        let title = format!(
            "{}: {}",
            agg.title,
            if opts.lang.is_zh() {
                "各關係層"
            } else {
                "layers"
            }
        );
        let svg = frame(&title, &panels, 2, &Legend::of(&refs))?;
        emit("layers", &svg, &mut files)?;
    }
    if graph.actors().any(|a| a.kind == Kind::Arena) {
        let projected = graph.project_arenas(&ArenaProjection::default())?;
        let mut p_opts = opts.clone();
        if let Some(col) = &mut p_opts.size_by {
            col.values
                .retain(|(id, _)| projected.actor_index(id).is_ok());
        }
        p_opts.title = Some(match opts.lang {
            super::Lang::En => format!("{}: arenas projected to co-membership", agg.title),
            _ => format!("{}:平臺投影為共同成員關係", agg.title),
        });
        let fig = Figure::case(&projected, &p_opts)?;
        if let Some(d) = one("arenas", &fig, &mut files)? {
            note(d);
        }
    }
    Ok(Written { files, engine })
}

/// Two graphs with the same actors drawn side by side (a case and a baseline
/// drawn from it, say), with one legend. `titles` name the two panels.
///
/// With Graphviz the right panel puts every actor where the left panel's
/// layout put it (`neato -n2`; no cluster boxes there), so the two panels
/// differ only in their ties; the pure-Rust renderer lays each out on its own.
///
/// # Errors
/// [`Error::InvalidParameter`] when the two graphs do not have the same actor
/// ids (naming the first difference); otherwise as [`render`](super::render::render).
pub fn side_by_side(
    left: &MultiplexGraph,
    right: &MultiplexGraph,
    titles: (&str, &str),
    opts: &FigureOptions,
) -> Result<Rendered> {
    let ids = |g: &MultiplexGraph| {
        let mut v: Vec<String> = g.actors().map(|a| a.id.clone()).collect();
        v.sort();
        v
    };
    let (a, b) = (ids(left), ids(right));
    if a != b {
        let only_left = a.iter().find(|x| !b.contains(x));
        let only_right = b.iter().find(|x| !a.contains(x));
        return Err(Error::InvalidParameter {
            name: "graphs",
            reason: format!(
                "side-by-side figures need the same actors (only left: {}; only right: {})",
                only_left.map_or("-", |s| s.as_str()),
                only_right.map_or("-", |s| s.as_str())
            ),
        });
    }
    let untitled = FigureOptions {
        title: Some(String::new()),
        ..opts.clone()
    };
    let fl = Figure::case(left, &untitled)?;
    let fr = Figure::case(right, &untitled)?;
    let (sl, dl) = render_graph(&fl, &opts.renderer)?;
    let (sr, dr) = if dl == Drawn::Graphviz {
        let at = super::render::positions(&fl, &opts.renderer)?;
        (
            super::render::render_pinned(&fr, &at, &opts.renderer)?,
            Drawn::Graphviz,
        )
    } else {
        render_graph(&fr, &opts.renderer)?
    };
    let title = opts.title.clone().unwrap_or_default();
    let svg = frame(
        &title,
        &[(titles.0.to_string(), sl), (titles.1.to_string(), sr)],
        2,
        &Legend::of(&[&fl, &fr]),
    )?;
    let svg = super::script::svg(&svg, fl.lang)?;
    let engine = if dl == Drawn::PureRust || dr == Drawn::PureRust {
        Drawn::PureRust
    } else {
        Drawn::Graphviz
    };
    Ok(Rendered { svg, engine })
}

/// [`side_by_side`] written to `<path>.svg` (and `<path>.png` for
/// [`Format::Png`]), with each graph's DOT as `<path>_left.dot`, `<path>_right.dot`.
///
/// # Errors
/// As [`side_by_side`], and [`Error::Io`] naming a file that could not be written.
pub fn write_side_by_side(
    left: &MultiplexGraph,
    right: &MultiplexGraph,
    titles: (&str, &str),
    opts: &FigureOptions,
    format: Format,
    path: &Path,
) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let with = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    let untitled = FigureOptions {
        title: Some(String::new()),
        ..opts.clone()
    };
    for (g, suffix) in [(left, "_left.dot"), (right, "_right.dot")] {
        let fig = Figure::case(g, &untitled)?;
        write_file(with(suffix), fig.dot_text().as_bytes(), &mut files)?;
    }
    if format != Format::Dot {
        let r = side_by_side(left, right, titles, opts)?;
        write_file(with(".svg"), r.svg.as_bytes(), &mut files)?;
        if format == Format::Png {
            write_file(
                with(".png"),
                &svg_to_png(&r.svg, &PngOptions::default())?,
                &mut files,
            )?;
        }
    }
    Ok(files)
}

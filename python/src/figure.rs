//! Figures: a case or one of its layers drawn as SVG (Graphviz when
//! installed, else the pure-Rust layout), as `coprod figure` draws them.

use coprod::model::{Layers, MultiplexGraph};
use coprod::viz::{ClusterBy, Column, Engine, Figure, FigureOptions, Lang, Renderer};

/// What to draw.
pub struct Spec {
    /// `case` (every layer of the view) or `layer` (one layer).
    pub kind: String,
    /// The layer of a `layer` figure.
    pub layer: Option<String>,
    /// Cluster by `level`, `kind`, `sector` or `none`.
    pub by: String,
    /// Node sizes: a column name and `(id, value)` pairs.
    pub size_by: Option<(String, Vec<(String, f64)>)>,
    /// `en` or `zh`.
    pub lang: String,
    /// `auto`, `graphviz` or `pure-rust`.
    pub renderer: String,
    /// A title other than the case's.
    pub title: Option<String>,
}

fn engine(name: &str) -> coprod::Result<Engine> {
    match name {
        "auto" => Ok(Engine::Auto),
        "graphviz" => Ok(Engine::Graphviz),
        "pure-rust" => Ok(Engine::PureRust),
        other => Err(coprod::Error::UnknownName {
            what: "renderer",
            value: other.to_string(),
            available: coprod::Names::of(["auto", "graphviz", "pure-rust"], other),
        }),
    }
}

/// The SVG and the engine that drew it.
pub fn draw(g: &MultiplexGraph, layers: Layers, spec: &Spec) -> coprod::Result<(String, String)> {
    let opts = FigureOptions {
        lang: spec.lang.parse::<Lang>()?,
        cluster_by: spec.by.parse::<ClusterBy>()?,
        layers,
        size_by: spec
            .size_by
            .as_ref()
            .map(|(name, values)| Column::new(name.clone(), values.clone())),
        title: spec.title.clone(),
        renderer: Renderer {
            engine: engine(&spec.renderer)?,
            ..Renderer::default()
        },
    };
    let fig = match (spec.kind.as_str(), &spec.layer) {
        ("case", None) => Figure::case(g, &opts)?,
        ("layer", Some(l)) => Figure::layer(g, l, &opts)?,
        ("case", Some(_)) | ("layer", None) => {
            return Err(coprod::Error::InvalidParameter {
                name: "layer",
                reason: "a `layer` figure needs layer=<name>; a `case` figure takes none".into(),
            });
        }
        (other, _) => {
            return Err(coprod::Error::UnknownName {
                what: "figure kind",
                value: other.to_string(),
                available: coprod::Names::of(["case", "layer"], other),
            });
        }
    };
    let r = coprod::viz::render::render(&fig, &opts.renderer)?;
    let engine = match r.engine {
        coprod::viz::Drawn::Graphviz => "graphviz",
        coprod::viz::Drawn::PureRust => "pure-rust",
    };
    Ok((r.svg, engine.to_string()))
}

//! Figures: Graphviz drawings of cases and plots of comparisons.
//!
//! This module draws; it never measures. Scores arrive as plain columns
//! ([`Column`]: actor id → value, or `&[f64]` draws for the plots), computed
//! by the caller with [`measures`](crate::measures) or read from a report.
//!
//! * [`Figure`]: what a case figure shows (actors, ties, labels, clusters,
//!   sizes), built from a [`MultiplexGraph`](crate::model::MultiplexGraph);
//!   [`Figure::to_dot`] turns it into a Graphviz DOT AST.
//! * [`render`]: SVG through Graphviz's `dot` when it is installed, else
//!   through the pure-Rust layered layout (levels as bands, the legend's
//!   shapes, boxes sized with the fonts' metrics; `COPROD_ENGINE=pure-rust`
//!   forces it), with a legend; [`compose`] puts panels side by side.
//! * [`inspect`]: a drawn figure's width, smallest text and edge crossings
//!   (how the two layouts are compared); [`text`]: label widths from the
//!   fonts' metrics.
//! * [`png`]: PNG from SVG (`resvg`), with a typed error when Chinese labels
//!   have no CJK font to draw with.
//! * [`plots`]: baseline distributions, dial curves, centrality by kind and
//!   cross-case panels (`plotters`, with a bundled font).
//! * [`comparison`]: those plots fed with a
//!   [`Comparison`](crate::compare::Comparison) ([`write_comparison_plots`],
//!   [`write_cross_case_plot`], [`write_by_kind_plot`], [`write_dial_plot`]).
//! * [`write_case_figures`]: every figure of a case into a directory.
//!
//! Style (colours, shapes, line styles) is documented in [`style`].
//!
//! ```
//! use coprod::viz::{Column, Figure, FigureOptions, Renderer, render::render};
//! let g = coprod::cases::load("jinsong")?;
//! let opts = FigureOptions {
//!     size_by: Some(Column::new("degree", vec![("vision_group".into(), 12.0)])),
//!     renderer: Renderer::pure_rust(), // Graphviz is used when installed; this runs anywhere
//!     ..FigureOptions::default()
//! };
//! let fig = Figure::case(&g, &opts)?;
//! assert!(fig.dot_text().starts_with("digraph \"jinsong\""));
//! // A measure's Scores (keyed by actor id) is a column too:
//! let snap = coprod::model::View::aggregate(&g).snapshot();
//! let scores = snap.scores("ones", vec![1.0; snap.ids().len()])?;
//! assert_eq!(Column::from(&scores).values.len(), g.actor_count());
//! let svg = render(&fig, &opts.renderer)?.svg;
//! assert!(svg.contains("Vision Group") && svg.contains("Node size: degree"));
//! # Ok::<(), coprod::Error>(())
//! ```

pub mod comparison;
pub mod compose;
mod dot;
pub mod ergm_diagnostics;
mod fallback;
pub mod figure;
pub mod inspect;
mod layered;
pub mod names;
mod notebook;
pub mod plots;
pub mod png;
pub mod render;
pub mod script;
pub mod style;
pub mod text;
mod write;

pub use comparison::{
    DialCurve, PlotFormat, PlotOptions, dial_curves, write_by_kind_plot, write_comparison_plots,
    write_cross_case_plot, write_dial_plot,
};
pub use figure::{Figure, FigureEdge, FigureNode};
pub use render::{Drawn, Engine, Rendered, Renderer};
pub use write::{Format, Written, side_by_side, write_case_figures, write_side_by_side};

use crate::model::Layers;
use std::path::PathBuf;
use std::str::FromStr;

/// The language (and for Chinese the script) of labels, cluster names,
/// legends, titles and axes.
///
/// Chinese text is written in one script: every word the library writes
/// and every actor label is converted with OpenCC's dictionaries
/// ([`script`]): `zh-Hans` gives Simplified, `zh-Hant` Traditional, and `zh`
/// the script of the case's own labels (a figure of a case whose labels are
/// Simplified is all Simplified; a plot, which has no labels, Traditional).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English: the actor's `label`.
    #[default]
    En,
    /// Chinese in the script of the case's labels: the actor's `label_zh`
    /// (its `label` when that is empty).
    Zh,
    /// Chinese in Simplified characters (`zh-Hans`).
    ZhHans,
    /// Chinese in Traditional characters (`zh-Hant`).
    ZhHant,
}

impl Lang {
    /// Whether this is Chinese (in any script).
    pub fn is_zh(self) -> bool {
        self != Lang::En
    }
}

impl FromStr for Lang {
    type Err = crate::Error;
    /// `en`, `zh`, `zh-Hans` or `zh-Hant` (also `zh-hans`, `zh-CN`, `zh-TW`).
    fn from_str(s: &str) -> crate::Result<Lang> {
        match s {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            "zh-Hans" | "zh-hans" | "zh-CN" | "zh-cn" => Ok(Lang::ZhHans),
            "zh-Hant" | "zh-hant" | "zh-TW" | "zh-tw" | "zh-HK" | "zh-hk" => Ok(Lang::ZhHant),
            other => Err(crate::Error::UnknownName {
                what: "language",
                value: other.to_string(),
                available: crate::Names::of(["en", "zh", "zh-Hans", "zh-Hant"], other),
            }),
        }
    }
}

/// What the actors are grouped into (Graphviz clusters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClusterBy {
    /// No clusters.
    None,
    /// One cluster per level (district, sub-district, community, building…), in level order.
    #[default]
    Level,
    /// One cluster per sector (party, state, market, society, arena).
    Sector,
}

impl FromStr for ClusterBy {
    type Err = crate::Error;
    /// `none`, `level` or `sector`.
    fn from_str(s: &str) -> crate::Result<ClusterBy> {
        match s {
            "none" => Ok(ClusterBy::None),
            "level" => Ok(ClusterBy::Level),
            "sector" => Ok(ClusterBy::Sector),
            other => Err(crate::Error::UnknownName {
                what: "clustering",
                value: other.to_string(),
                available: crate::Names::of(["none", "level", "sector"], other),
            }),
        }
    }
}

/// A named column of actor-level values, keyed by actor id (computed by the
/// caller; viz never measures). NaN marks an undefined value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Column {
    /// The column's name, shown in the legend (`betweenness`).
    pub name: String,
    /// `(actor id, value)` pairs.
    pub values: Vec<(String, f64)>,
}

impl From<&crate::model::Scores> for Column {
    /// A measure's [`Scores`](crate::model::Scores) as a column (same name, same ids).
    fn from(s: &crate::model::Scores) -> Column {
        Column::new(
            s.name(),
            s.iter().map(|(id, v)| (id.to_string(), v)).collect(),
        )
    }
}

impl Column {
    /// A column from a name and `(id, value)` pairs.
    pub fn new(name: impl Into<String>, values: Vec<(String, f64)>) -> Column {
        Column {
            name: name.into(),
            values,
        }
    }
}

/// Options of a case figure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureOptions {
    /// Labels, clusters and legend in English or Chinese.
    pub lang: Lang,
    /// Clusters by level (default), by sector, or none.
    pub cluster_by: ClusterBy,
    /// The layers drawn in the aggregate figure (default: all, tension included,
    /// so that conflicts show as dashed red lines).
    pub layers: Layers,
    /// Node size by this column (larger value, larger node; square-root scale
    /// from the column's minimum to its maximum). Actors whose value is NaN or
    /// missing are drawn at the smallest size. `None`: every node the same size.
    pub size_by: Option<Column>,
    /// Title above the graph (default: the case's name, and the layer).
    pub title: Option<String>,
    /// Which renderer draws the SVG.
    pub renderer: Renderer,
}

impl Default for FigureOptions {
    fn default() -> Self {
        FigureOptions {
            lang: Lang::En,
            cluster_by: ClusterBy::Level,
            layers: Layers::All,
            size_by: None,
            title: None,
            renderer: Renderer::default(),
        }
    }
}

/// The Graphviz program used by [`Renderer::default`].
pub fn default_dot_program() -> PathBuf {
    PathBuf::from("dot")
}

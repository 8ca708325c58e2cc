//! The engine-neutral description of a case figure: which actors and ties are
//! drawn, with which labels, styles, sizes and clusters.
//!
//! Graphviz ([`Figure::to_dot`]) and the pure-Rust fallback
//! ([`render`](super::render)) both draw from a [`Figure`], so the two
//! renderers show the same thing.

use super::names::{layer_name, level_name, sector_name};
use super::style::{KindStyle, LayerStyle, kind_style, layer_style};
use super::{ClusterBy, Column, FigureOptions, Lang};
use crate::error::{Error, Names, Result};
use crate::model::{Actor, Kind, Level, MultiplexGraph, Sector, View};

/// One actor as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureNode {
    /// The actor's id (the DOT node name).
    pub id: String,
    /// The label as drawn, lines separated by `\n`.
    pub label: String,
    /// The full label in the figure's language (the SVG tooltip).
    pub tooltip: String,
    /// The actor's kind.
    pub kind: Kind,
    /// Colour and shape of the kind.
    pub style: KindStyle,
    /// Size in `[0, 1]` from the size column (`None`: no column, or the
    /// actor's value is NaN or missing; drawn at the smallest size).
    pub scale: Option<f64>,
    /// Index into [`Figure::clusters`], if clustered.
    pub cluster: Option<usize>,
}

/// One tie as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureEdge {
    /// Index of the source in [`Figure::nodes`].
    pub source: usize,
    /// Index of the target in [`Figure::nodes`].
    pub target: usize,
    /// The tie's layer.
    pub layer: String,
    /// Colour, line and arrow of the layer.
    pub style: LayerStyle,
    /// Whether the tie ranks its ends (Graphviz `constraint`): in a figure of
    /// several layers only the hierarchies (leadership, administrative) and
    /// service do, so that deliberation, flows and conflicts do not pull the
    /// levels out of order; in a one-layer figure every tie does.
    pub ranks: bool,
}

/// A figure of one graph: nodes in actor order, edges in tie order.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The DOT graph name (the case id, or the case id and a suffix).
    pub name: String,
    /// The title drawn above the graph.
    pub title: String,
    /// The language of labels, clusters and legend.
    pub lang: Lang,
    /// The actors drawn.
    pub nodes: Vec<FigureNode>,
    /// The ties drawn.
    pub edges: Vec<FigureEdge>,
    /// Cluster labels, in level or sector order (only clusters holding a node).
    pub clusters: Vec<String>,
    /// The layers drawn, in the graph's layer order, with their styles (for the legend).
    pub layers: Vec<(String, LayerStyle)>,
    /// The size column's name, when nodes are sized.
    pub size_by: Option<String>,
}

/// Which actors a figure keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Every actor of the graph.
    All,
    /// Only the actors with at least one drawn tie.
    Tied,
}

impl Figure {
    /// The figure of `graph` for `opts`: every actor, the ties of `opts.layers`.
    ///
    /// # Errors
    /// [`Error::UnknownLayer`] for a layer in `opts.layers` that the graph does
    /// not have, [`Error::UnknownActor`] for an id in the size column that is
    /// not an actor of the graph (both list what exists).
    pub fn case(graph: &MultiplexGraph, opts: &FigureOptions) -> Result<Figure> {
        Figure::build(graph, opts, Keep::All, None)
    }

    /// The figure of one layer of `graph`: only the actors tied in that layer.
    ///
    /// # Errors
    /// As [`Figure::case`], and [`Error::UnknownLayer`] for an unknown layer.
    pub fn layer(graph: &MultiplexGraph, layer: &str, opts: &FigureOptions) -> Result<Figure> {
        let one = FigureOptions {
            layers: crate::model::Layers::only(&[layer]),
            ..opts.clone()
        };
        Figure::build(graph, &one, Keep::Tied, Some(layer))
    }

    pub(crate) fn build(
        graph: &MultiplexGraph,
        opts: &FigureOptions,
        keep: Keep,
        layer: Option<&str>,
    ) -> Result<Figure> {
        check_layers(graph, &opts.layers)?;
        let lang = super::script::resolve(opts.lang, graph)?;
        let conv = |t: &str| super::script::convert(t, lang);
        let opts = &FigureOptions {
            lang,
            ..opts.clone()
        };
        let view = View::new(graph, &opts.layers)?;
        let scales = match &opts.size_by {
            Some(col) => Some(scales(graph, col)?),
            None => None,
        };
        let ties: Vec<_> = view.ties().collect();
        let mut tied = vec![false; graph.actor_count()];
        for t in &ties {
            tied[t.source] = true;
            tied[t.target] = true;
        }
        let kept: Vec<usize> = (0..graph.actor_count())
            .filter(|&i| keep == Keep::All || tied[i])
            .collect();
        let mut position = vec![usize::MAX; graph.actor_count()];
        for (p, &i) in kept.iter().enumerate() {
            position[i] = p;
        }
        let groups: Vec<Option<(usize, String)>> = kept
            .iter()
            .map(|&i| cluster_of(graph.actor(i), opts.cluster_by, opts.lang))
            .collect();
        let mut present: Vec<(usize, String)> = groups.iter().flatten().cloned().collect();
        present.sort();
        present.dedup();
        let nodes = kept
            .iter()
            .zip(&groups)
            .map(|(&i, g)| {
                let a = graph.actor(i);
                Ok(FigureNode {
                    id: a.id.clone(),
                    label: conv(&wrap(&short_label(a, opts.lang), opts.lang))?,
                    tooltip: conv(full_label(a, opts.lang))?,
                    kind: a.kind,
                    style: kind_style(a.kind),
                    scale: scales.as_ref().and_then(|s| s[i]),
                    cluster: g
                        .as_ref()
                        .map(|g| present.iter().position(|p| p == g).expect("present")),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let single = {
            let mut ls: Vec<_> = ties.iter().map(|t| t.layer).collect();
            ls.dedup();
            ls.len() <= 1
        };
        let edges = ties
            .iter()
            .map(|t| {
                let spec = graph.layer(t.layer);
                FigureEdge {
                    source: position[t.source],
                    target: position[t.target],
                    layer: spec.name.clone(),
                    style: layer_style(spec),
                    ranks: single
                        || matches!(
                            spec.name.as_str(),
                            "leadership" | "administrative" | "service"
                        ),
                }
            })
            .collect();
        let layers = graph
            .layers()
            .iter()
            .filter(|l| ties.iter().any(|t| graph.layer(t.layer).name == l.name))
            .map(|l| (l.name.clone(), layer_style(l)))
            .collect();
        let case = if graph.meta().name.is_empty() {
            graph.meta().id.clone()
        } else {
            graph.meta().name.clone()
        };
        let name = match layer {
            Some(l) => format!("{}_{l}", graph.meta().id),
            None => graph.meta().id.clone(),
        };
        let title = opts.title.clone().unwrap_or_else(|| match layer {
            Some(l) => format!("{case}: {}", layer_name(l, opts.lang)),
            None => case,
        });
        Ok(Figure {
            name,
            title: conv(&title)?,
            lang: opts.lang,
            nodes,
            edges,
            clusters: present
                .into_iter()
                .map(|(_, l)| conv(&l))
                .collect::<Result<_>>()?,
            layers,
            size_by: opts.size_by.as_ref().map(|c| c.name.clone()),
        })
    }
}

/// Every named layer must exist; the error lists the graph's layers.
fn check_layers(graph: &MultiplexGraph, layers: &crate::model::Layers) -> Result<()> {
    if let crate::model::Layers::Only(names) = layers {
        for n in names {
            if graph.layer_id(n).is_none() {
                return Err(Error::UnknownLayer {
                    at: None,
                    value: n.clone(),
                    available: Names::of(graph.layers().iter().map(|l| l.name.as_str()), n),
                });
            }
        }
    }
    Ok(())
}

/// Per actor (graph order): `sqrt((v - min) / (max - min))` over the finite
/// values of the column, `1` when they are all equal, `None` for NaN or missing.
fn scales(graph: &MultiplexGraph, col: &Column) -> Result<Vec<Option<f64>>> {
    let mut raw = vec![f64::NAN; graph.actor_count()];
    for (id, v) in &col.values {
        let i = graph.actor_index(id).map_err(|_| Error::UnknownActor {
            at: None,
            value: id.clone(),
            available: Names::of(graph.actors().map(|a| a.id.as_str()), id),
        })?;
        raw[i] = *v;
    }
    let finite = raw.iter().copied().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    Ok(raw
        .iter()
        .map(|&v| {
            if !v.is_finite() {
                None
            } else if hi > lo {
                Some(((v - lo) / (hi - lo)).sqrt())
            } else {
                Some(1.0)
            }
        })
        .collect())
}

/// The cluster of an actor: `(order, label)`.
fn cluster_of(a: &Actor, by: ClusterBy, lang: Lang) -> Option<(usize, String)> {
    match by {
        ClusterBy::None => None,
        ClusterBy::Level => {
            let order = Level::ALL.iter().position(|&l| l == a.level)?;
            Some((order, level_name(a.level, lang).to_string()))
        }
        ClusterBy::Sector => {
            let s = a.sector();
            let order = Sector::ALL.iter().position(|&x| x == s)?;
            Some((order, sector_name(s, lang).to_string()))
        }
    }
}

/// The label in the figure's language; an actor without a Chinese label shows its English one.
pub(crate) fn full_label(a: &Actor, lang: Lang) -> &str {
    match lang {
        l if l.is_zh() && !a.label_zh.trim().is_empty() => a.label_zh.trim(),
        _ => a.label.trim(),
    }
}

/// The label as drawn: the first of several names separated by ` / `,
/// without parenthetical remarks, without what follows `: ` or `, `, first
/// letter capitalised (the full label is the SVG tooltip).
pub(crate) fn short_label(a: &Actor, lang: Lang) -> String {
    let full = full_label(a, lang);
    let first = full.split(" / ").next().unwrap_or(full);
    let first = first.split(": ").next().unwrap_or(first);
    let first = first.split(", ").next().unwrap_or(first);
    let mut out = String::new();
    let mut depth = 0usize;
    for c in first.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let out = if out.is_empty() {
        full.to_string()
    } else {
        out
    };
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => a.id.clone(),
    }
}

/// Wrap a label: at spaces to lines of at most 18 characters (English), or
/// in the fewest lines of at most 7 characters, of even length (Chinese; an ASCII
/// character counts half).
pub(crate) fn wrap(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let mut lines: Vec<String> = Vec::new();
            for word in text.split_whitespace() {
                match lines.last_mut() {
                    Some(l) if l.chars().count() + 1 + word.chars().count() <= 18 => {
                        l.push(' ');
                        l.push_str(word);
                    }
                    _ => lines.push(word.to_string()),
                }
            }
            lines.join("\n")
        }
        _ => {
            let w = |c: char| if c.is_ascii() { 0.5 } else { 1.0 };
            let total: f64 = text.chars().map(w).sum();
            let n = (total / 7.0).ceil().max(1.0);
            let target = (total / n).ceil();
            let mut lines = vec![String::new()];
            let mut width = 0.0;
            for c in text.chars() {
                let w = w(c);
                if width + w > target && !c.is_ascii_punctuation() {
                    lines.push(String::new());
                    width = 0.0;
                }
                if c == ' ' && width == 0.0 {
                    continue;
                }
                lines.last_mut().expect("one line").push(c);
                width += w;
            }
            lines.join("\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_shortened_and_wrapped() {
        let mut a = Actor::new("x", Kind::Party, Level::Community);
        a.label = "Community party committee (party committee of the residents' committee)".into();
        a.label_zh = "居委會黨委 / 社區黨委".into();
        assert_eq!(short_label(&a, Lang::En), "Community party committee");
        assert_eq!(
            wrap(&short_label(&a, Lang::En), Lang::En),
            "Community party\ncommittee"
        );
        assert_eq!(short_label(&a, Lang::Zh), "居委會黨委");
        assert_eq!(wrap("綜合整治工作專班", Lang::Zh), "綜合整治\n工作專班");
        a.label_zh.clear();
        assert_eq!(full_label(&a, Lang::Zh), a.label);
    }
}

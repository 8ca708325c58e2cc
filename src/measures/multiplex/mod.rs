//! Multiplex measures: one [`Csr`] per layer over the same actors.
//!
//! Every function here takes `layers: &[Csr]`, one snapshot per layer, all on
//! the same dense node set (the same actors in the same order) and all directed
//! or all undirected; [`layer_csrs`] builds such a slice from a
//! [`MultiplexGraph`]. A single layer is a slice of one, a set of layers a
//! longer slice, the aggregate `&[View::aggregate(&g).csr()]`.
//!
//! * [`degree`]: overlapping (multiplex) degree, number of active layers, the
//!   multiplex participation coefficient (Battiston, Nicosia & Latora 2014).
//! * [`overlap`]: edge Jaccard overlap of two layers, global overlap, and the
//!   Pearson / Spearman correlation of two layers' degrees (multinet's
//!   `layer_comparison`).
//! * [`relevance`](mod@relevance): multinet's layer relevance, exclusive relevance and
//!   connective redundancy (Magnani & Rossi 2011).
//! * [`matrices`]: dense `ndarray` matrices: adjacency, supra-adjacency
//!   (Kivelä et al. 2014), the group-by-group mixing matrix and the
//!   layer-by-layer correlation matrix (`sna::gcor`).

pub mod degree;
pub mod matrices;
pub mod overlap;
pub mod relevance;

pub use crate::measures::Weights;
pub use degree::{DegreeOptions, active_layers, multiplex_degree, participation_coefficient};
pub use matrices::{
    Coupling, SupraOptions, adjacency, layer_correlation, mixing_matrix, supra_adjacency,
};
pub use overlap::{Correlation, degree_correlation, edge_overlap, global_overlap};
pub use relevance::{connective_redundancy, exclusive_relevance, relevance};

use super::Direction;
use crate::error::{Error, Result};
use crate::model::{Aggregation, Csr, MultiplexGraph, View};

/// One [`Csr`] per named layer, all over every actor of `g` (graph order).
///
/// Directedness is made consistent across the layers: if every named layer is
/// undirected, each snapshot is undirected; if at least one is directed, every
/// snapshot is directed and a tie of an undirected layer is read in both
/// directions (as [`View`] does for a mixed view). Parallel ties within a layer
/// are summed. For an undirected analysis of directed layers use
/// [`layer_csrs_symmetrized`].
///
/// ```
/// use coprod::model::{Actor, Kind, Level, MultiplexGraph, Provenance};
/// use coprod::measures::multiplex::layer_csrs;
/// let mut g = MultiplexGraph::new();
/// for (id, k) in [("p", Kind::Party), ("b", Kind::Block), ("r", Kind::Resident)] {
///     g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
/// }
/// g.add_tie("p", "b", "leadership", 1.0, Provenance::default()).unwrap();
/// g.add_tie("b", "r", "deliberation", 1.0, Provenance::default()).unwrap();
/// let layers = layer_csrs(&g, &["leadership", "deliberation"]).unwrap();
/// assert!(layers.iter().all(|l| l.is_directed() && l.node_count() == 3));
/// assert!(layers[1].has_edge(2, 1)); // the undirected tie, read both ways
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty list;
/// [`Error::UnknownLayer`] for the first name the graph does not hold,
/// listing its layers.
pub fn layer_csrs(g: &MultiplexGraph, names: &[&str]) -> Result<Vec<Csr>> {
    build_layers(g, names, false)
}

/// As [`layer_csrs`], every layer read as undirected
/// ([`View::symmetrized`]: `{u, v}` wherever `u → v` or `v → u`, weights summed).
///
/// # Errors
/// As [`layer_csrs`].
pub fn layer_csrs_symmetrized(g: &MultiplexGraph, names: &[&str]) -> Result<Vec<Csr>> {
    build_layers(g, names, true)
}

fn build_layers(g: &MultiplexGraph, names: &[&str], symmetric: bool) -> Result<Vec<Csr>> {
    if names.is_empty() {
        return Err(Error::InvalidParameter {
            name: "layers",
            reason: "none named".into(),
        });
    }
    let mut views = Vec::with_capacity(names.len());
    for name in names {
        let v = View::layer(g, name)?;
        views.push(if symmetric { v.symmetrized() } else { v });
    }
    Ok(consistent_csrs(&views))
}

/// One snapshot per layer of a view that holds a tie (the view's actors,
/// symmetry and aggregation kept), with the layers' names; directed layers
/// make every snapshot directed, as in [`layer_csrs`].
///
/// ```
/// use coprod::model::View;
/// use coprod::measures::multiplex::view_layer_csrs;
/// let g = coprod::cases::load("ly").unwrap();
/// let (names, layers) = view_layer_csrs(&View::aggregate(&g).symmetrized());
/// assert_eq!(names.len(), layers.len());
/// assert!(layers.iter().all(|l| !l.is_directed() && l.node_count() == g.actor_count()));
/// ```
pub fn view_layer_csrs(view: &View<'_>) -> (Vec<String>, Vec<Csr>) {
    let (names, views): (Vec<String>, Vec<View<'_>>) = view
        .per_layer()
        .into_iter()
        .filter(|(_, v)| v.ties().next().is_some())
        .map(|(id, v)| (view.graph().layer(id).name.clone(), v))
        .unzip();
    (names, consistent_csrs(&views))
}

/// The snapshots of `views`, all directed when one is.
fn consistent_csrs(views: &[View<'_>]) -> Vec<Csr> {
    let directed = views.iter().any(|v| v.is_directed());
    views
        .iter()
        .map(|v| {
            let c = v.csr();
            if directed && !c.is_directed() {
                let arcs: Vec<_> = c.arcs().collect();
                Csr::from_edges(c.node_count(), true, &arcs, Aggregation::Sum)
            } else {
                c
            }
        })
        .collect()
}

/// Check that `layers` is non-empty and its snapshots share node count and
/// directedness; returns `(n, directed)`.
pub(crate) fn check_layers(layers: &[Csr]) -> Result<(usize, bool)> {
    let refs: Vec<&Csr> = layers.iter().collect();
    check_refs(&refs)
}

/// [`check_layers`] over references.
pub(crate) fn check_refs(layers: &[&Csr]) -> Result<(usize, bool)> {
    let first = layers.first().ok_or_else(|| Error::InvalidParameter {
        name: "layers",
        reason: "none given".into(),
    })?;
    let (n, d) = (first.node_count(), first.is_directed());
    for (a, l) in layers.iter().enumerate() {
        if l.node_count() != n {
            return Err(Error::SizeMismatch {
                what: format!("layer {a} (layers must share the node set of layer 0)"),
                expected: n,
                found: l.node_count(),
            });
        }
        if l.is_directed() != d {
            return Err(Error::InvalidParameter {
                name: "layers",
                reason: format!(
                    "layer {a} is {}directed and layer 0 is not: use layer_csrs to make them consistent",
                    if l.is_directed() { "" } else { "un" }
                ),
            });
        }
    }
    Ok((n, d))
}

/// The degree of `u` in `g` read in `dir`: out-, in-, or out + in (arcs, as
/// NetworkX's `DiGraph.degree`) for [`Direction::All`]; the degree if undirected.
#[inline]
pub(crate) fn degree_in(g: &Csr, u: usize, dir: Direction) -> usize {
    match (g.is_directed(), dir) {
        (false, _) | (true, Direction::Out) => g.out_degree(u),
        (true, Direction::In) => g.in_degree(u),
        (true, Direction::All) => g.out_degree(u) + g.in_degree(u),
    }
}

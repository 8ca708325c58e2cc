//! Read-only views of a [`MultiplexGraph`]: one layer, several layers, the
//! aggregate, the symmetrised graph, a subgraph without some actors.
//!
//! A [`View`] borrows the graph and copies nothing: it iterates the selected
//! ties on demand ([`View::ties`]). Algorithms call [`View::csr`] once to get
//! a compact [`Csr`] snapshot indexed densely over the kept actors.

use super::{Aggregation, Csr, Kind, LayerId, MultiplexGraph, NodeSet, Sign, Tie};
use crate::error::Result;

/// Which layers a view reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Layers {
    /// Every layer, negative ones included.
    All,
    /// Every positive layer (all but `tension` among the standard ones). The default
    /// for "the aggregate", since a conflict is not a channel of co-production.
    #[default]
    Positive,
    /// The named layers.
    Only(Vec<String>),
}

impl Layers {
    /// The named layers.
    pub fn only<S: AsRef<str>>(names: &[S]) -> Layers {
        Layers::Only(names.iter().map(|s| s.as_ref().to_string()).collect())
    }
}

/// A read-only view of a multiplex graph.
///
/// * **Directed or not**: the view is directed when at least one selected layer
///   is directed and it has not been [`symmetrized`](Self::symmetrized). In a
///   directed view a tie of an undirected layer counts in both directions.
/// * **Parallel ties** (several layers, or repeated ties) merge by the view's
///   [`Aggregation`] when a [`Csr`] is built: summed weights (default),
///   counted, or the maximum.
///
/// ```
/// use coprod::model::{Actor, Kind, Level, MultiplexGraph, Provenance, View};
/// let mut g = MultiplexGraph::new();
/// for (id, k) in [("p", Kind::Party), ("b", Kind::Block), ("r", Kind::Resident)] {
///     g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
/// }
/// g.add_tie("p", "b", "leadership", 1.0, Provenance::default()).unwrap();
/// g.add_tie("b", "r", "information", 2.0, Provenance::default()).unwrap();
/// g.add_tie("p", "b", "resource", 1.0, Provenance::default()).unwrap();
/// let agg = View::aggregate(&g).csr();
/// assert_eq!(agg.edge_count(), 2);
/// assert_eq!(agg.weight(0, 1), Some(2.0)); // leadership + resource, summed
/// let lead = View::layer(&g, "leadership").unwrap().csr();
/// assert_eq!(lead.edge_count(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct View<'g> {
    graph: &'g MultiplexGraph,
    layer_mask: Vec<bool>,
    excluded: Vec<bool>,
    symmetric: bool,
    aggregation: Aggregation,
}

impl<'g> View<'g> {
    /// A view of the chosen layers.
    ///
    /// # Errors
    /// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a name in
    /// [`Layers::Only`] that the graph does not hold, listing its layers.
    /// ([`Layers::All`] and [`Layers::Positive`] never fail; an empty
    /// [`Layers::Only`] is a view without ties, not an error.)
    pub fn new(graph: &'g MultiplexGraph, layers: &Layers) -> Result<Self> {
        let mask = match layers {
            Layers::All => vec![true; graph.layers().len()],
            Layers::Positive => positive_mask(graph),
            Layers::Only(names) => {
                let mut mask = vec![false; graph.layers().len()];
                for name in names {
                    let id = graph
                        .layer_id(name)
                        .ok_or_else(|| graph.unknown_layer(name))?;
                    mask[id.index()] = true;
                }
                mask
            }
        };
        Ok(View::with_mask(graph, mask))
    }

    /// The view of the layers where `mask` is true, every actor kept.
    fn with_mask(graph: &'g MultiplexGraph, mask: Vec<bool>) -> Self {
        View {
            graph,
            layer_mask: mask,
            excluded: vec![false; graph.actor_count()],
            symmetric: false,
            aggregation: Aggregation::Sum,
        }
    }

    /// One view per layer this view includes, in layer order, each with this
    /// view's actors, symmetry and aggregation.
    pub fn per_layer(&self) -> Vec<(LayerId, View<'g>)> {
        (0..self.layer_mask.len())
            .filter(|&l| self.layer_mask[l])
            .map(|l| {
                let mut v = self.clone();
                v.layer_mask = vec![false; self.layer_mask.len()];
                v.layer_mask[l] = true;
                (LayerId(l as u16), v)
            })
            .collect()
    }

    /// The aggregate of all positive layers (weights summed).
    pub fn aggregate(graph: &'g MultiplexGraph) -> Self {
        View::with_mask(graph, positive_mask(graph))
    }

    /// One layer.
    ///
    /// # Errors
    /// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a name the
    /// graph does not hold, listing its layers.
    pub fn layer(graph: &'g MultiplexGraph, name: &str) -> Result<Self> {
        View::new(graph, &Layers::only(&[name]))
    }

    /// Several layers.
    ///
    /// # Errors
    /// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for the first name
    /// the graph does not hold, listing its layers.
    pub fn layers<S: AsRef<str>>(graph: &'g MultiplexGraph, names: &[S]) -> Result<Self> {
        View::new(graph, &Layers::only(names))
    }

    /// Merge parallel ties with `aggregation` instead of summing.
    pub fn with_aggregation(mut self, aggregation: Aggregation) -> Self {
        self.aggregation = aggregation;
        self
    }

    /// Read every tie as undirected.
    pub fn symmetrized(mut self) -> Self {
        self.symmetric = true;
        self
    }

    /// Drop these actors (and their ties).
    ///
    /// # Errors
    /// [`Error::UnknownActor`](crate::Error::UnknownActor) for the first id
    /// the graph does not hold, listing the ids it does.
    pub fn without<S: AsRef<str>>(mut self, ids: &[S]) -> Result<Self> {
        for id in ids {
            let i = self.graph.actor_index(id.as_ref())?;
            self.excluded[i] = true;
        }
        Ok(self)
    }

    /// Drop every actor of a kind.
    pub fn without_kind(mut self, kind: Kind) -> Self {
        for (i, a) in self.graph.actors().enumerate() {
            if a.kind == kind {
                self.excluded[i] = true;
            }
        }
        self
    }

    /// The same view — layers, left-out actors, symmetry, aggregation — of
    /// another graph with the same actors and layers in the same order, such
    /// as a null draw of the case ([`crate::baselines`]), so that a statistic
    /// is computed on both on the same footing.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`](crate::Error::SizeMismatch) when `graph` has
    /// another number of actors or layers.
    pub fn on<'h>(&self, graph: &'h MultiplexGraph) -> Result<View<'h>> {
        for (what, expected, found) in [
            ("actors", self.graph.actor_count(), graph.actor_count()),
            ("layers", self.graph.layers().len(), graph.layers().len()),
        ] {
            if expected != found {
                return Err(crate::Error::SizeMismatch {
                    what: format!("the {what} of the graph a view is moved to"),
                    expected,
                    found,
                });
            }
        }
        Ok(View {
            graph,
            layer_mask: self.layer_mask.clone(),
            excluded: self.excluded.clone(),
            symmetric: self.symmetric,
            aggregation: self.aggregation,
        })
    }

    /// The graph viewed.
    pub fn graph(&self) -> &'g MultiplexGraph {
        self.graph
    }

    /// The aggregation rule for parallel ties.
    pub fn aggregation(&self) -> Aggregation {
        self.aggregation
    }

    /// Whether the layer is read by this view.
    pub fn includes_layer(&self, id: LayerId) -> bool {
        self.layer_mask[id.index()]
    }

    /// Whether the view is directed (see the type's doc).
    pub fn is_directed(&self) -> bool {
        !self.symmetric
            && self
                .graph
                .layers()
                .iter()
                .zip(&self.layer_mask)
                .any(|(l, &on)| on && l.directed)
    }

    /// Graph indices of the kept actors, ascending; dense index `i` of the
    /// view's [`Csr`] is actor `actor_indices()[i]`.
    pub fn actor_indices(&self) -> Vec<usize> {
        (0..self.graph.actor_count())
            .filter(|&i| !self.excluded[i])
            .collect()
    }

    /// Ids of the kept actors, in dense-index order.
    pub fn ids(&self) -> Vec<&'g str> {
        self.actor_indices()
            .into_iter()
            .map(|i| self.graph.actor(i).id.as_str())
            .collect()
    }

    /// The set of the kept actors with these ids, in this view's dense indices.
    ///
    /// # Errors
    /// [`Error::UnknownActor`](crate::Error::UnknownActor) for an id the graph
    /// does not hold (listing the ids it does), and
    /// [`Error::InvalidParameter`](crate::Error::InvalidParameter) for an
    /// actor the view leaves out.
    pub fn node_set<S: AsRef<str>>(&self, ids: &[S]) -> Result<NodeSet> {
        let dense = self.dense_indices();
        let mut mask = vec![false; self.node_count()];
        for id in ids {
            let id = id.as_ref();
            let i = self.graph.actor_index(id)?;
            match dense[i] {
                u32::MAX => {
                    return Err(crate::Error::InvalidParameter {
                        name: "actor",
                        reason: format!("`{id}` is left out of this view"),
                    });
                }
                d => mask[d as usize] = true,
            }
        }
        Ok(NodeSet::from_mask(mask))
    }

    /// The set of the kept actors of `kind`.
    pub fn node_set_of_kind(&self, kind: Kind) -> NodeSet {
        NodeSet::from_mask(
            self.actor_indices()
                .into_iter()
                .map(|i| self.graph.actor(i).kind == kind)
                .collect(),
        )
    }

    /// `dense_indices()[i]` is the dense index of graph actor `i` in this
    /// view, `u32::MAX` for an actor left out.
    fn dense_indices(&self) -> Vec<u32> {
        let mut dense = vec![u32::MAX; self.graph.actor_count()];
        for (d, i) in self.actor_indices().into_iter().enumerate() {
            dense[i] = d as u32;
        }
        dense
    }

    /// Number of kept actors.
    pub fn node_count(&self) -> usize {
        self.excluded.iter().filter(|&&x| !x).count()
    }

    /// The selected ties whose two ends are kept, in data order (no copy).
    pub fn ties(&self) -> impl Iterator<Item = &'g Tie> + '_ {
        self.graph.ties().filter(move |t| {
            self.layer_mask[t.layer.index()] && !self.excluded[t.source] && !self.excluded[t.target]
        })
    }

    /// The compact snapshot: dense indices over kept actors, parallel ties merged.
    pub fn csr(&self) -> Csr {
        let dense = self.dense_indices();
        let directed = self.is_directed();
        let mut edges = Vec::with_capacity(self.graph.tie_count() * 2);
        for t in self.ties() {
            let (s, d) = (dense[t.source], dense[t.target]);
            edges.push((s, d, t.weight));
            if directed && !self.graph.layer(t.layer).directed && s != d {
                edges.push((d, s, t.weight));
            }
        }
        Csr::from_edges(self.node_count(), directed, &edges, self.aggregation)
    }
}

/// `mask[l]`: whether layer `l` of `graph` is positive.
fn positive_mask(graph: &MultiplexGraph) -> Vec<bool> {
    graph
        .layers()
        .iter()
        .map(|l| l.sign == Sign::Positive)
        .collect()
}

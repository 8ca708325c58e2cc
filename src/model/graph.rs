//! The multiplex graph: actors, layers and ties, on petgraph.

use super::{
    Actor, CaseMeta, Certainty, Kind, LayerId, LayerSpec, Provenance, Tie, is_valid_id,
    is_valid_weight,
};
use crate::error::{Error, Names, Result};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::BTreeMap;

/// A multiplex graph of co-production actors.
///
/// Actors are nodes, ties are parallel edges labelled with their layer; the
/// graph is stored as a petgraph [`DiGraph`] whose node `i` is actor `i` and
/// whose edges are the ties in insertion order. Ties of undirected layers are
/// stored once, in the order the data gives; views decide how to read them.
///
/// The graph only grows through [`add_actor`](Self::add_actor) and
/// [`add_tie`](Self::add_tie), which validate everything, so a
/// `MultiplexGraph` is always well formed.
#[derive(Debug, Clone)]
pub struct MultiplexGraph {
    meta: CaseMeta,
    layers: Vec<LayerSpec>,
    graph: DiGraph<Actor, Tie>,
    index: BTreeMap<String, usize>,
    /// The sum of every tie's weight, kept finite so that no sum of weights
    /// (a strength, parallel ties merged) overflows to infinity.
    weight_total: f64,
}

impl Default for MultiplexGraph {
    fn default() -> Self {
        MultiplexGraph::new()
    }
}

impl PartialEq for MultiplexGraph {
    fn eq(&self, other: &Self) -> bool {
        self.meta == other.meta
            && self.layers == other.layers
            && self.actors().eq(other.actors())
            && self.ties().eq(other.ties())
    }
}

impl MultiplexGraph {
    /// An empty graph with the seven standard layers.
    pub fn new() -> Self {
        MultiplexGraph {
            meta: CaseMeta::default(),
            layers: LayerSpec::standard(),
            graph: DiGraph::new(),
            index: BTreeMap::new(),
            weight_total: 0.0,
        }
    }

    /// An empty graph with the standard layers, the given metadata and extra layers.
    ///
    /// # Errors
    /// As [`add_layer`](Self::add_layer), for the first extra layer it rejects.
    pub fn with_meta(meta: CaseMeta, extra_layers: Vec<LayerSpec>) -> Result<Self> {
        let mut g = MultiplexGraph::new();
        g.meta = meta;
        for l in extra_layers {
            g.add_layer(l)?;
        }
        Ok(g)
    }

    /// Declare an extra layer.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`layer`) if its name is already taken (a
    /// standard layer's included), cannot be selected (empty, `all`,
    /// `positive`, holding `,` or `+`: [`layer_name_problem`](super::layer_name_problem)),
    /// or if the graph already holds 65,535 layers.
    pub fn add_layer(&mut self, spec: LayerSpec) -> Result<LayerId> {
        if let Some(reason) = super::layer_name_problem(&spec.name) {
            return Err(Error::InvalidParameter {
                name: "layer",
                reason,
            });
        }
        if self.layer_id(&spec.name).is_some() {
            return Err(Error::InvalidParameter {
                name: "layer",
                reason: format!("`{}` is declared twice", spec.name),
            });
        }
        if self.layers.len() >= u16::MAX as usize {
            return Err(Error::InvalidParameter {
                name: "layer",
                reason: format!(
                    "`{}` would be layer {}, beyond the 65,535 a graph holds",
                    spec.name,
                    self.layers.len() + 1
                ),
            });
        }
        self.layers.push(spec);
        Ok(LayerId((self.layers.len() - 1) as u16))
    }

    /// Add an actor.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`actor id`) for an id that breaks the
    /// rule of [`is_valid_id`](super::is_valid_id) or that the graph already holds.
    pub fn add_actor(&mut self, actor: Actor) -> Result<usize> {
        if !is_valid_id(&actor.id) {
            return Err(Error::InvalidParameter {
                name: "actor id",
                reason: format!("`{}` ({})", actor.id.escape_debug(), super::ID_RULE),
            });
        }
        if self.index.contains_key(&actor.id) {
            return Err(Error::InvalidParameter {
                name: "actor id",
                reason: format!("`{}` is already in the graph", actor.id),
            });
        }
        let i = self.graph.add_node(actor.clone()).index();
        self.index.insert(actor.id, i);
        Ok(i)
    }

    /// Add a tie between two actors (by id) in a layer (by name).
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id the graph does not hold and
    /// [`Error::UnknownLayer`] for a layer it does not hold (each listing the
    /// names that exist); then as [`add_tie_at`](Self::add_tie_at).
    pub fn add_tie(
        &mut self,
        source: &str,
        target: &str,
        layer: &str,
        weight: f64,
        provenance: Provenance,
    ) -> Result<()> {
        let s = self.actor_index(source)?;
        let t = self.actor_index(target)?;
        let l = self
            .layer_id(layer)
            .ok_or_else(|| self.unknown_layer(layer))?;
        self.add_tie_at(s, t, l, weight, provenance)
    }

    /// Add a tie like [`add_tie`](Self::add_tie), with its [`Certainty`]
    /// (`add_tie` adds a [`Certainty::Stated`] tie).
    ///
    /// # Errors
    /// As [`add_tie`](Self::add_tie): an unknown actor or layer (listing what
    /// exists), a self-loop in a layer that forbids it, or a weight that is
    /// not finite and > 0 ([`Error::InvalidParameter`]).
    pub fn add_tie_with_certainty(
        &mut self,
        source: &str,
        target: &str,
        layer: &str,
        weight: f64,
        provenance: Provenance,
        certainty: Certainty,
    ) -> Result<()> {
        self.add_tie(source, target, layer, weight, provenance)?;
        self.set_last_certainty(certainty);
        Ok(())
    }

    /// Add a copy of `tie` (from this graph or one with the same actors and
    /// layers), its certainty kept.
    ///
    /// # Errors
    /// As [`add_tie_at`](Self::add_tie_at).
    pub fn push_tie(&mut self, tie: &Tie) -> Result<()> {
        self.add_tie_at(
            tie.source,
            tie.target,
            tie.layer,
            tie.weight,
            tie.provenance.clone(),
        )?;
        self.set_last_certainty(tie.certainty);
        Ok(())
    }

    /// Give the tie added last its certainty (ties are added as stated).
    fn set_last_certainty(&mut self, certainty: Certainty) {
        if let Some(last) = self.graph.edge_indices().next_back() {
            self.graph[last].certainty = certainty;
        }
    }

    /// Add a tie between two actors given by index.
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for an index `>= actor_count()`;
    /// [`Error::UnknownLayer`] for a layer id that is not this graph's;
    /// [`Error::InvalidParameter`] for a self-loop (`tie`) in a layer that
    /// forbids self-loops, or a weight (`weight`) that is not a finite number > 0;
    /// [`Error::WeightOverflow`] for a weight that would make the sum of the
    /// graph's weights infinite (so that no strength or merged tie can be).
    pub fn add_tie_at(
        &mut self,
        source: usize,
        target: usize,
        layer: LayerId,
        weight: f64,
        provenance: Provenance,
    ) -> Result<()> {
        let n = self.actor_count();
        if let Some(&index) = [source, target].iter().find(|&&i| i >= n) {
            return Err(Error::NodeOutOfRange { index, n });
        }
        let spec = self
            .layers
            .get(layer.index())
            .ok_or_else(|| self.unknown_layer(&format!("#{}", layer.0)))?;
        if source == target && !spec.self_loops {
            return Err(Error::InvalidParameter {
                name: "tie",
                reason: format!(
                    "self-loop on `{}` in layer `{}`, which forbids self-loops",
                    self.actor(source).id,
                    spec.name
                ),
            });
        }
        if !is_valid_weight(weight) {
            return Err(Error::InvalidParameter {
                name: "weight",
                reason: format!("{weight} must be a finite number > 0"),
            });
        }
        let total = self.weight_total + weight;
        if !total.is_finite() {
            return Err(Error::WeightOverflow {
                at: None,
                tie: format!(
                    "`{}` -> `{}` in layer `{}`",
                    self.actor(source).id,
                    self.actor(target).id,
                    spec.name
                ),
                weight,
                total: self.weight_total,
            });
        }
        self.weight_total = total;
        self.graph.add_edge(
            NodeIndex::new(source),
            NodeIndex::new(target),
            Tie {
                source,
                target,
                layer,
                weight,
                provenance,
                certainty: Certainty::Stated,
            },
        );
        Ok(())
    }

    /// A copy keeping only the [`Certainty::Stated`] ties: same metadata, layers
    /// and actors (in the same order, so actor indices are unchanged), ties in
    /// the same order. An actor whose ties were all inferred stays, isolated.
    pub fn without_inferred(&self) -> MultiplexGraph {
        let mut graph = DiGraph::with_capacity(self.actor_count(), self.tie_count());
        for a in self.actors() {
            graph.add_node(a.clone());
        }
        for t in self.ties().filter(|t| t.certainty.is_stated()) {
            graph.add_edge(
                NodeIndex::new(t.source),
                NodeIndex::new(t.target),
                t.clone(),
            );
        }
        MultiplexGraph {
            meta: self.meta.clone(),
            layers: self.layers.clone(),
            graph,
            index: self.index.clone(),
            weight_total: self.weight_total,
        }
    }

    /// The case metadata.
    pub fn meta(&self) -> &CaseMeta {
        &self.meta
    }

    /// Mutable case metadata.
    pub fn meta_mut(&mut self) -> &mut CaseMeta {
        &mut self.meta
    }

    /// All layers: the seven standard ones first, then the declared ones.
    pub fn layers(&self) -> &[LayerSpec] {
        &self.layers
    }

    /// The layers declared beyond the standard seven.
    pub fn extra_layers(&self) -> &[LayerSpec] {
        &self.layers[super::STANDARD_LAYERS.len()..]
    }

    /// The id of the layer with this name.
    pub fn layer_id(&self, name: &str) -> Option<LayerId> {
        self.layers
            .iter()
            .position(|l| l.name == name)
            .map(|i| LayerId(i as u16))
    }

    /// The layer with this id.
    ///
    /// # Panics
    /// If the id does not belong to this graph.
    pub fn layer(&self, id: LayerId) -> &LayerSpec {
        &self.layers[id.index()]
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of ties (all layers).
    pub fn tie_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Whether the graph has no actors.
    pub fn is_empty(&self) -> bool {
        self.actor_count() == 0
    }

    /// The actors, in insertion order (index `i` is actor `i`).
    pub fn actors(&self) -> impl ExactSizeIterator<Item = &Actor> + Clone {
        self.graph.raw_nodes().iter().map(|n| &n.weight)
    }

    /// The actor at index `i`.
    ///
    /// # Panics
    /// If `i >= actor_count()`.
    pub fn actor(&self, i: usize) -> &Actor {
        &self.graph[NodeIndex::new(i)]
    }

    /// The index of the actor with this id.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id the graph does not hold, listing the
    /// ids it does ([`unknown_actor`](Self::unknown_actor)).
    pub fn actor_index(&self, id: &str) -> Result<usize> {
        self.index
            .get(id)
            .copied()
            .ok_or_else(|| self.unknown_actor(id))
    }

    /// The actors whose id, English label or Chinese label contains `query`
    /// (ASCII case-insensitive), in graph order.
    ///
    /// ```
    /// let g = coprod::cases::load("jinsong").unwrap();
    /// let hits = g.find("黨工委");
    /// assert_eq!(hits[0].id, "street_party_working_committee");
    /// assert!(!g.find("vision").is_empty());
    /// ```
    pub fn find(&self, query: &str) -> Vec<&Actor> {
        let q = query.to_lowercase();
        self.actors()
            .filter(|a| {
                a.id.to_lowercase().contains(&q)
                    || a.label.to_lowercase().contains(&q)
                    || a.label_zh.contains(query)
            })
            .collect()
    }

    /// A tie in words: `source -> target [layer] weight (certainty)`
    /// (`--` for an undirected layer).
    pub fn describe_tie(&self, t: &Tie) -> String {
        let l = self.layer(t.layer);
        format!(
            "{} {} {} [{}] {t}",
            self.actor(t.source).id,
            if l.directed { "->" } else { "--" },
            self.actor(t.target).id,
            l.name
        )
    }

    /// The user columns of the actors (attributes beyond kind, level…) that
    /// at least one actor has a value for, sorted.
    pub fn attribute_columns(&self) -> Vec<String> {
        let set: std::collections::BTreeSet<&String> =
            self.actors().flat_map(|a| a.attrs.keys()).collect();
        set.into_iter().cloned().collect()
    }

    /// The error for an actor id this graph does not hold, listing the ids it does.
    pub fn unknown_actor(&self, id: &str) -> Error {
        Error::UnknownActor {
            at: None,
            value: id.to_string(),
            available: Names::of(self.actors().map(|a| a.id.as_str()), id),
        }
    }

    /// The error for a layer name this graph does not hold, listing its layers.
    pub fn unknown_layer(&self, name: &str) -> Error {
        Error::UnknownLayer {
            at: None,
            value: name.to_string(),
            available: Names::of(self.layers().iter().map(|l| l.name.as_str()), name),
        }
    }

    /// The actor with this id.
    ///
    /// # Errors
    /// As [`actor_index`](Self::actor_index).
    pub fn actor_by_id(&self, id: &str) -> Result<&Actor> {
        Ok(self.actor(self.actor_index(id)?))
    }

    /// The ties, in insertion order.
    pub fn ties(&self) -> impl ExactSizeIterator<Item = &Tie> + Clone {
        self.graph.raw_edges().iter().map(|e| &e.weight)
    }

    /// Indices of the actors of a kind.
    pub fn actors_of_kind(&self, kind: Kind) -> Vec<usize> {
        self.actors()
            .enumerate()
            .filter(|(_, a)| a.kind == kind)
            .map(|(i, _)| i)
            .collect()
    }

    /// The underlying petgraph graph (node `i` = actor `i`; one edge per tie),
    /// for petgraph's own algorithms.
    pub fn petgraph(&self) -> &DiGraph<Actor, Tie> {
        &self.graph
    }

    /// Actor counts by kind, in [`Kind::ALL`] order (kinds with no actor omitted).
    pub fn count_by_kind(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .iter()
            .map(|&k| (k, self.actors().filter(|a| a.kind == k).count()))
            .filter(|&(_, c)| c > 0)
            .collect()
    }

    /// Tie counts by layer, in layer order (layers with no tie omitted).
    pub fn count_by_layer(&self) -> Vec<(&str, usize)> {
        let mut counts = vec![0usize; self.layers.len()];
        for t in self.ties() {
            counts[t.layer.index()] += 1;
        }
        self.layers
            .iter()
            .zip(counts)
            .filter(|&(_, c)| c > 0)
            .map(|(l, c)| (l.name.as_str(), c))
            .collect()
    }

    /// One line: actors by kind and ties by layer.
    pub fn summary_line(&self) -> String {
        summary_line(
            self.actor_count(),
            &self.count_by_kind(),
            self.tie_count(),
            &self.count_by_layer(),
        )
    }
}

/// `"<n> actors (<kind> <count>, …); <m> ties (<layer> <count>, …)"`, the
/// summary line of a [`MultiplexGraph`] and of a
/// [`CompactCase`](super::CompactCase) (kinds and layers with none left out).
pub(crate) fn summary_line(
    actors: usize,
    by_kind: &[(Kind, usize)],
    ties: usize,
    by_layer: &[(&str, usize)],
) -> String {
    let kinds: Vec<String> = by_kind.iter().map(|(k, c)| format!("{k} {c}")).collect();
    let layers: Vec<String> = by_layer.iter().map(|(l, c)| format!("{l} {c}")).collect();
    format!(
        "{actors} actors ({}); {ties} ties ({})",
        kinds.join(", "),
        layers.join(", ")
    )
}

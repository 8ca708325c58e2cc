//! A compact case for graphs too large for a [`MultiplexGraph`]: interned
//! ids, one byte per kind and level, and ties as parallel arrays with no
//! provenance — about 9 bytes per tie (17 with weights) and 11 per actor plus
//! its id, against roughly 0.9 KB per tie in a [`MultiplexGraph`].
//!
//! [`CaseSource`] is what a writer needs from a case (its actors and ties as
//! replayable streams); [`MultiplexGraph`], [`CompactCase`] and the synthetic
//! [`Community`](crate::generate::Community) all implement it, so one writer
//! serves them all and a generated community goes to disk without ever being
//! held as a graph.

use super::{Aggregation, CaseMeta, Csr, IdPool, Kind, LayerSpec, Level, MultiplexGraph, Sign};
use crate::error::{Error, Names, Result};
use std::borrow::Cow;

/// One actor of a [`CaseSource`]: id, kind, level.
pub type SourceActor<'a> = (Cow<'a, str>, Kind, Level);

/// One tie of a [`CaseSource`]: source index, target index, layer index (into
/// [`CaseSource::layers`]) and weight.
pub type SourceTie = (u32, u32, u8, f64);

/// A case as streams a writer can replay: its metadata, layers, actors (dense
/// order) and ties (any order). Every call of [`actors`](Self::actors) or
/// [`ties`](Self::ties) yields the same sequence.
pub trait CaseSource {
    /// The case's metadata.
    fn meta(&self) -> Cow<'_, CaseMeta>;
    /// The layers, in the order the ties' layer indices refer to.
    fn layers(&self) -> Cow<'_, [LayerSpec]>;
    /// The number of actors.
    fn actor_count(&self) -> usize;
    /// Every actor, dense order.
    fn actors(&self) -> Box<dyn Iterator<Item = SourceActor<'_>> + '_>;
    /// Every tie.
    fn ties(&self) -> Box<dyn Iterator<Item = SourceTie> + '_>;
    /// Whether a tie may weigh other than 1 (a writer then stores weights).
    fn weighted(&self) -> bool;
}

impl CaseSource for MultiplexGraph {
    fn meta(&self) -> Cow<'_, CaseMeta> {
        Cow::Borrowed(MultiplexGraph::meta(self))
    }
    fn layers(&self) -> Cow<'_, [LayerSpec]> {
        Cow::Borrowed(MultiplexGraph::layers(self))
    }
    fn actor_count(&self) -> usize {
        MultiplexGraph::actor_count(self)
    }
    fn actors(&self) -> Box<dyn Iterator<Item = SourceActor<'_>> + '_> {
        Box::new(
            MultiplexGraph::actors(self).map(|a| (Cow::Borrowed(a.id.as_str()), a.kind, a.level)),
        )
    }
    fn ties(&self) -> Box<dyn Iterator<Item = SourceTie> + '_> {
        Box::new(
            MultiplexGraph::ties(self)
                .map(|t| (t.source as u32, t.target as u32, t.layer.0 as u8, t.weight)),
        )
    }
    fn weighted(&self) -> bool {
        MultiplexGraph::ties(self).any(|t| t.weight != 1.0)
    }
}

/// A case held compactly: what the measures need and the ids to report by,
/// nothing else (no labels, attributes or provenance).
///
/// Build one from any [`CaseSource`] ([`CompactCase::from_source`]) or read
/// one from a `.coprod` file ([`io::read_compact`](crate::io::read_compact));
/// take snapshots with [`CompactCase::csr`], as [`View::csr`](super::View::csr)
/// does on a [`MultiplexGraph`].
///
/// ```
/// use coprod::model::{Aggregation, CompactCase};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let c = CompactCase::from_source(&g).unwrap();
/// assert_eq!((c.actor_count(), c.tie_count()), (g.actor_count(), g.tie_count()));
/// let agg = c.csr(&c.positive_layers(), false, Aggregation::Sum).unwrap();
/// let view = coprod::model::View::aggregate(&g).csr();
/// assert_eq!(agg, view);
/// assert_eq!(c.summary_line(), g.summary_line());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CompactCase {
    pub(crate) meta: CaseMeta,
    pub(crate) layers: Vec<LayerSpec>,
    /// Every id, interned.
    pub(crate) ids: IdPool,
    pub(crate) kinds: Vec<Kind>,
    pub(crate) levels: Vec<Level>,
    pub(crate) source: Vec<u32>,
    pub(crate) target: Vec<u32>,
    pub(crate) layer: Vec<u8>,
    /// Per-tie weights; `None` when every tie weighs 1.
    pub(crate) weight: Option<Vec<f64>>,
}

impl CompactCase {
    /// Copy a case into compact form.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for more than 255 layers, more than
    /// 2^32 − 1 actors, or a tie whose end or layer is out of range.
    pub fn from_source(src: &(impl CaseSource + ?Sized)) -> Result<CompactCase> {
        let layers = src.layers().into_owned();
        if layers.len() > u8::MAX as usize {
            return Err(Error::InvalidParameter {
                name: "layers",
                reason: format!("{} layers; a compact case holds at most 255", layers.len()),
            });
        }
        let n = src.actor_count();
        if n > u32::MAX as usize {
            return Err(Error::InvalidParameter {
                name: "actors",
                reason: format!("{n} actors; a compact case indexes at most 2^32 - 1"),
            });
        }
        let mut c = CompactCase {
            meta: src.meta().into_owned(),
            layers,
            ids: IdPool::with_capacity(n),
            kinds: Vec::with_capacity(n),
            levels: Vec::with_capacity(n),
            source: Vec::new(),
            target: Vec::new(),
            layer: Vec::new(),
            weight: src.weighted().then(Vec::new),
        };
        for (id, kind, level) in src.actors() {
            c.ids.push(&id);
            c.kinds.push(kind);
            c.levels.push(level);
        }
        for (u, v, l, w) in src.ties() {
            if u as usize >= n || v as usize >= n || l as usize >= c.layers.len() {
                return Err(Error::InvalidParameter {
                    name: "ties",
                    reason: format!(
                        "tie ({u}, {v}) of layer {l}: an end is not below {n} actors or the layer not below {}",
                        c.layers.len()
                    ),
                });
            }
            c.source.push(u);
            c.target.push(v);
            c.layer.push(l);
            if let Some(ws) = c.weight.as_mut() {
                ws.push(w);
            }
        }
        Ok(c)
    }

    /// The case's metadata.
    pub fn meta(&self) -> &CaseMeta {
        &self.meta
    }

    /// The layers, in the order of the ties' layer indices.
    pub fn layers(&self) -> &[LayerSpec] {
        &self.layers
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.kinds.len()
    }

    /// Number of ties.
    pub fn tie_count(&self) -> usize {
        self.source.len()
    }

    /// The id of actor `i`.
    ///
    /// # Panics
    /// If `i` is not below [`actor_count`](Self::actor_count).
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(i)
    }

    /// Every actor's kind, dense order.
    pub fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    /// Every actor's level, dense order.
    pub fn levels(&self) -> &[Level] {
        &self.levels
    }

    /// Tie `k` as (source, target, layer index, weight).
    ///
    /// # Panics
    /// If `k` is not below [`tie_count`](Self::tie_count).
    pub fn tie(&self, k: usize) -> SourceTie {
        let w = self.weight.as_ref().map_or(1.0, |w| w[k]);
        (self.source[k], self.target[k], self.layer[k], w)
    }

    /// One line as [`MultiplexGraph::summary_line`]: actors by kind and ties
    /// by layer (kinds and layers with none omitted).
    pub fn summary_line(&self) -> String {
        let mut by_kind = [0usize; 7];
        for &k in &self.kinds {
            by_kind[Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)] += 1;
        }
        let mut by_layer = vec![0usize; self.layers.len()];
        for &l in &self.layer {
            by_layer[l as usize] += 1;
        }
        let kinds: Vec<(Kind, usize)> = Kind::ALL
            .iter()
            .copied()
            .zip(by_kind)
            .filter(|&(_, c)| c > 0)
            .collect();
        let layers: Vec<(&str, usize)> = self
            .layers
            .iter()
            .zip(by_layer)
            .filter(|&(_, c)| c > 0)
            .map(|(l, c)| (l.name.as_str(), c))
            .collect();
        super::graph::summary_line(self.actor_count(), &kinds, self.tie_count(), &layers)
    }

    /// The index of actor `id`, by a scan (`O(n)`).
    ///
    /// # Errors
    /// [`Error::UnknownActor`] listing the nearest ids.
    pub fn index_of(&self, id: &str) -> Result<usize> {
        (0..self.actor_count())
            .find(|&i| self.id(i) == id)
            .ok_or_else(|| Error::UnknownActor {
                at: None,
                value: id.to_string(),
                available: Names::of((0..self.actor_count()).map(|i| self.id(i)), id),
            })
    }

    /// The members of `core` (dense indices): every actor of the kind, or
    /// the ids (each found by a scan). A kind with no actor gives the empty set.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id the case lacks, listing the nearest.
    pub fn core_set(&self, core: &super::CoreSet) -> Result<super::NodeSet> {
        let n = self.actor_count();
        let members: Vec<usize> = match core {
            super::CoreSet::Kind(k) => (0..n).filter(|&i| self.kinds[i] == *k).collect(),
            super::CoreSet::Ids(ids) => ids
                .iter()
                .map(|id| self.index_of(id))
                .collect::<Result<_>>()?,
        };
        super::NodeSet::new(n, members)
    }

    /// A mask over [`layers`](Self::layers) of every positive layer (all but
    /// `tension` among the standard ones): the default aggregate, as
    /// [`Layers::Positive`](super::Layers::Positive).
    pub fn positive_layers(&self) -> Vec<bool> {
        self.layers
            .iter()
            .map(|l| l.sign == Sign::Positive)
            .collect()
    }

    /// A mask over [`layers`](Self::layers) of the named layers (`all` for
    /// every layer, `positive` for every positive one; none for the positive
    /// ones), as [`select_layers`](super::select_layers).
    ///
    /// # Errors
    /// [`Error::UnknownLayer`] for a name that is not a layer, listing them.
    pub fn layer_mask<S: AsRef<str>>(&self, names: &[S]) -> Result<Vec<bool>> {
        super::select_layers(&self.layers, names)
    }

    /// The snapshot of the layers in `mask`, parallel ties merged by `agg`,
    /// built straight from the tie arrays: directed when a selected layer is
    /// and `symmetric` is false, and then an undirected layer's tie gives both
    /// arcs — exactly as [`View::csr`](super::View::csr) on the same case.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] for a mask of another length than the layers.
    pub fn csr(&self, mask: &[bool], symmetric: bool, agg: Aggregation) -> Result<Csr> {
        if mask.len() != self.layers.len() {
            return Err(Error::SizeMismatch {
                what: "layer mask".into(),
                expected: self.layers.len(),
                found: mask.len(),
            });
        }
        let directed: Vec<bool> = self.layers.iter().map(|l| l.directed).collect();
        snapshot(
            self.actor_count(),
            &directed,
            mask,
            symmetric,
            (0..self.tie_count()).map(|k| self.tie(k)),
            agg,
        )
    }
}

impl CompactCase {
    /// The full [`MultiplexGraph`] of this case, for the commands and
    /// measures that need one (actors without labels, ties without
    /// provenance). Layers are matched by name: the standard ones keep their
    /// place, others are declared after them in file order.
    ///
    /// Memory: a [`MultiplexGraph`] holds about 0.9 KB per tie (ids as
    /// strings, provenance, petgraph's storage), so this is for cases up to
    /// a few million ties; [`CompactCase::csr`] serves any size.
    ///
    /// # Errors
    /// As [`MultiplexGraph::add_layer`], [`MultiplexGraph::add_actor`] (an
    /// invalid or repeated id) and [`MultiplexGraph::add_tie_at`] (a
    /// self-loop in a layer without them, a weight not finite and > 0);
    /// [`Error::InvalidParameter`] (`layer`) for a standard layer's name
    /// declared with another direction or sign.
    ///
    /// # Panics
    /// Never: every layer is declared before it is looked up.
    pub fn to_multiplex(&self) -> Result<MultiplexGraph> {
        if let Some(reason) = self.layers.iter().find_map(super::standard_layer_problem) {
            return Err(Error::InvalidParameter {
                name: "layer",
                reason,
            });
        }
        let mut g =
            MultiplexGraph::with_meta(self.meta.clone(), super::extra_layers(&self.layers))?;
        let ids: Vec<super::LayerId> = self
            .layers
            .iter()
            .map(|l| g.layer_id(&l.name).expect("every layer was declared"))
            .collect();
        for i in 0..self.actor_count() {
            g.add_actor(super::Actor::new(self.id(i), self.kinds[i], self.levels[i]))?;
        }
        for k in 0..self.tie_count() {
            let (u, v, l, w) = self.tie(k);
            g.add_tie_at(
                u as usize,
                v as usize,
                ids[l as usize],
                w,
                super::Provenance::default(),
            )?;
        }
        Ok(g)
    }
}

impl CaseSource for CompactCase {
    fn meta(&self) -> Cow<'_, CaseMeta> {
        Cow::Borrowed(&self.meta)
    }
    fn layers(&self) -> Cow<'_, [LayerSpec]> {
        Cow::Borrowed(&self.layers)
    }
    fn actor_count(&self) -> usize {
        CompactCase::actor_count(self)
    }
    fn actors(&self) -> Box<dyn Iterator<Item = SourceActor<'_>> + '_> {
        Box::new(
            (0..self.actor_count())
                .map(|i| (Cow::Borrowed(self.id(i)), self.kinds[i], self.levels[i])),
        )
    }
    fn ties(&self) -> Box<dyn Iterator<Item = SourceTie> + '_> {
        Box::new((0..self.tie_count()).map(|k| self.tie(k)))
    }
    fn weighted(&self) -> bool {
        self.weight.is_some()
    }
}

/// The snapshot of the ties whose layer is in `mask`, `directed[l]` telling
/// whether layer `l` is directed: directed when a selected layer is and
/// `symmetric` is false, and then an undirected layer's tie gives both arcs
/// (a self-loop one) — the rule of [`View::csr`](super::View::csr), shared by
/// [`CompactCase::csr`] and the synthetic community's snapshot.
///
/// # Errors
/// As [`Csr::from_edge_iter`]: an end not below `n`.
pub(crate) fn snapshot(
    n: usize,
    directed: &[bool],
    mask: &[bool],
    symmetric: bool,
    ties: impl Iterator<Item = SourceTie> + Clone,
    agg: Aggregation,
) -> Result<Csr> {
    let is_directed = !symmetric && directed.iter().zip(mask).any(|(&d, &m)| m && d);
    let arcs = ties
        .filter(move |t| mask[t.2 as usize])
        .flat_map(move |(u, v, l, w)| {
            let both = is_directed && !directed[l as usize] && u != v;
            [(u, v, w), (v, u, w)]
                .into_iter()
                .take(1 + usize::from(both))
        });
    Csr::from_edge_iter(n, is_directed, arcs, agg)
}

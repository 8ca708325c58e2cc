//! Null models of a case: seeded random graphs with the case's actors that
//! keep some of its structure and randomise the rest.
//!
//! Each model answers "what would this statistic be if the ties were placed at
//! random, *given* …":
//!
//! | model | keeps, per layer | reference |
//! |---|---|---|
//! | [`gnm`] | the number of ties | `sna::rgnm`, cug `"edges"` |
//! | [`dyad_census`] | mutual, asymmetric and null dyads | `sna::rguman(method = "exact")`, cug `"dyad.census"` |
//! | [`rewire`] | every actor's (in- and out-) degree | igraph `rewire` (double-edge swaps) |
//! | [`sector_rewire`] | degrees and the tie counts per sector pair | — |
//! | [`block_model`] | the tie counts per sector pair | `sna::rgnmix(method = "exact")` |
//! | [`layer_shuffle`] | every layer's degrees, not their overlap | — |
//!
//! Matched baselines ([`matched`]) keep the actors and every layer's number
//! of ties but place the ties by a model of who heads whom: [`polycentric`]
//! (K equal autonomous centres), [`one_core`] (the core set above every
//! sector) and the [`dial`] between them; [`without_core`] and
//! [`made_polycentric`] are counterfactuals of the case itself.
//!
//! Planted structures ([`draw_planted`], [`planted_truths`]) are not null
//! models of a case but graphs of its size, density and actors with a known
//! truth (one core, `k` centres, no structure) drawn from a degree-corrected
//! stochastic block model: what the answer rule's power is measured on.
//!
//! # What a null graph is
//!
//! Every model returns a [`MultiplexGraph`] with **the case's actors** (same
//! ids, labels, kinds, sectors, levels, sizes, attributes, in the same order,
//! arenas included), the case's metadata and layer table. A randomised layer
//! holds **ties with weight 1 and empty provenance** (no document supports a
//! random tie), listed in ascending `(source, target)` order; a layer the
//! options leave out is copied from the case tie by tie. A multiplex graph
//! rather than a [`Csr`](crate::model::Csr) so that every view of the case —
//! one layer, the directed or symmetrised aggregate, arenas projected, the
//! graph without the core set — can be taken of the null graph in the same way,
//! and a statistic compared on the same footing.
//!
//! # What a layer's ties are
//!
//! A null model randomises the layer's *simple graph*: ties repeated between
//! the same two actors (in an undirected layer, `a – b` and `b – a`) count
//! once, as they do in the layer's [`Csr`](crate::model::Csr), so "the number
//! of ties of a layer" is its number of distinct pairs; weights are dropped.
//! A self-loop (only possible in a declared layer that allows them) is not a
//! dyad: it is copied unchanged and no random tie is a self-loop.
//!
//! # Randomness
//!
//! `seed` seeds [`random::rng`](crate::random::rng) (ChaCha8, integer draws
//! only): the same seed gives the same graph on every machine. Layers are
//! drawn in layer order from one generator ([`layer_shuffle`] first draws one
//! seed per layer from it). No hash-map order reaches an output.

mod block;
mod dyad_census;
mod gnm;
mod layer_shuffle;
pub mod matched;
mod planted;
mod rewire;
mod sample;
mod sector_rewire;

pub use block::{BlockOptions, block_model};
pub use dyad_census::{DyadCensusOptions, dyad_census};
pub use gnm::{GnmOptions, gnm};
pub use layer_shuffle::{Shuffled, layer_shuffle};
pub use matched::{
    Centre, Core, CoreActors, Counterfactual, DialOptions, MadePolycentricOptions, MatchedOptions,
    MatchedPlan, TieAccount, dial, made_polycentric, matched_plan, one_core, polycentric,
    without_core,
};
pub use planted::{Planted, PlantedPlan, draw_planted, planted_plan, planted_truths};
pub use rewire::{RewireOptions, Rewired, SwapCount, Trials, rewire};
pub use sector_rewire::{SectorRewireOptions, sector_rewire};

// The ensembles' entry points: one draw from a caller's generator.
pub(crate) use block::block_model_with;
pub(crate) use dyad_census::dyad_census_with;
pub(crate) use gnm::gnm_with;
pub(crate) use layer_shuffle::layer_shuffle_with;
pub(crate) use matched::{dial_with, one_core_with, polycentric_with};
pub(crate) use rewire::rewire_with;
pub(crate) use sector_rewire::sector_rewire_with;

use crate::error::{Error, Result};
use crate::model::{DyadMask, Dyads, LayerId, Layers, MultiplexGraph, Provenance, Sign};

/// How many graphs a model draws, at most, before it gives up on one
/// without an isolate (see [`no_isolates`]).
pub(crate) const MAX_ISOLATE_REDRAWS: u32 = 10_000;

/// The simple graph of one layer of a case.
#[derive(Debug, Clone)]
pub(crate) struct LayerTies {
    /// The layer.
    pub(crate) layer: LayerId,
    /// Whether its ties are directed.
    pub(crate) directed: bool,
    /// Whether the options select it for randomisation.
    pub(crate) selected: bool,
    /// Distinct pairs of distinct actors: `(source, target)` if directed,
    /// `(min, max)` if not; ascending.
    pub(crate) pairs: Vec<(u32, u32)>,
    /// Actors with a self-loop, ascending (copied unchanged).
    pub(crate) loops: Vec<u32>,
}

/// The layers of `case` as simple graphs, in layer order, each marked
/// selected or not by `layers`.
pub(crate) fn layer_ties(case: &MultiplexGraph, layers: &Layers) -> Result<Vec<LayerTies>> {
    let n = case.actor_count();
    if n > u32::MAX as usize {
        return Err(Error::InvalidParameter {
            name: "case",
            reason: format!("{n} actors is more than the 2^32 - 1 a null model indexes"),
        });
    }
    let selected = selection(case, layers)?;
    let mut out: Vec<LayerTies> = case
        .layers()
        .iter()
        .enumerate()
        .map(|(l, spec)| LayerTies {
            layer: LayerId(l as u16),
            directed: spec.directed,
            selected: selected[l],
            pairs: Vec::new(),
            loops: Vec::new(),
        })
        .collect();
    for t in case.ties() {
        let lt = &mut out[t.layer.index()];
        let (s, d) = (t.source as u32, t.target as u32);
        if s == d {
            lt.loops.push(s);
        } else if lt.directed {
            lt.pairs.push((s, d));
        } else {
            lt.pairs.push((s.min(d), s.max(d)));
        }
    }
    for lt in &mut out {
        lt.pairs.sort_unstable();
        lt.pairs.dedup();
        lt.loops.sort_unstable();
        lt.loops.dedup();
    }
    Ok(out)
}

/// Under [`Dyads::Codebook`], an error when the case itself breaks the
/// codebook (a null model of it could not keep its ties' counts inside the
/// allowed dyads, and would not be a model of this case).
pub(crate) fn check_codebook(case: &MultiplexGraph, dyads: Dyads) -> Result<()> {
    if dyads == Dyads::All {
        return Ok(());
    }
    let bad = case.codebook_violations();
    if bad.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = bad.iter().take(5).map(ToString::to_string).collect();
    Err(Error::InvalidParameter {
        name: "dyads",
        reason: format!(
            "the case has {} tie(s) the codebook rules out, e.g. {}; a codebook null model \
             cannot reproduce it (fix the coding, or draw with Dyads::All)",
            bad.len(),
            shown.join("; ")
        ),
    })
}

/// The dyad mask of every selected layer (`None` for a copied layer).
pub(crate) fn masks(
    case: &MultiplexGraph,
    layers: &[LayerTies],
    dyads: Dyads,
) -> Result<Vec<Option<DyadMask>>> {
    layers
        .iter()
        .map(|lt| {
            lt.selected
                .then(|| DyadMask::of_layer(case, lt.layer, dyads))
                .transpose()
        })
        .collect()
}

/// Whether some actor of `n` has no tie (self-loops aside) in any layer.
pub(crate) fn has_isolate(n: usize, layers: &[LayerTies]) -> bool {
    let mut seen = vec![false; n];
    for lt in layers {
        for &(u, v) in &lt.pairs {
            seen[u as usize] = true;
            seen[v as usize] = true;
        }
    }
    seen.contains(&false)
}

/// Draw with `draw` until the graph has no isolate, when the codebook
/// forbids one: under [`Dyads::Codebook`] for a case that has none
/// (convention 9, "no isolates": an actor is coded only with a tie). The
/// accepted graph is then uniform among the model's graphs without an
/// isolate (rejection keeps the model's distribution, conditioned). At most
/// [`MAX_ISOLATE_REDRAWS`] draws.
///
/// # Errors
/// The draw's errors; [`Error::InvalidParameter`] when no draw in
/// [`MAX_ISOLATE_REDRAWS`] is free of isolates.
pub(crate) fn no_isolates(
    case: &MultiplexGraph,
    dyads: Dyads,
    model: &'static str,
    mut draw: impl FnMut() -> Result<Vec<LayerTies>>,
) -> Result<Vec<LayerTies>> {
    let n = case.actor_count();
    let forbid = dyads == Dyads::Codebook && !has_isolate(n, &layer_ties(case, &Layers::All)?);
    for _ in 0..MAX_ISOLATE_REDRAWS {
        let layers = draw()?;
        if !forbid || !has_isolate(n, &layers) {
            return Ok(layers);
        }
    }
    Err(Error::InvalidParameter {
        name: "dyads",
        reason: format!(
            "{model}: no graph without an isolate in {MAX_ISOLATE_REDRAWS} draws; the case's \
             ties are too few for the model to reach every actor (draw with Dyads::All to \
             allow isolates)"
        ),
    })
}

/// Which layers of `case` the selection names (every layer for
/// [`Layers::All`]); an unknown name is an error listing the layers.
fn selection(case: &MultiplexGraph, layers: &Layers) -> Result<Vec<bool>> {
    Ok(match layers {
        Layers::All => vec![true; case.layers().len()],
        Layers::Positive => case
            .layers()
            .iter()
            .map(|l| l.sign == Sign::Positive)
            .collect(),
        Layers::Only(names) => {
            let mut mask = vec![false; case.layers().len()];
            for name in names {
                let id = case
                    .layer_id(name)
                    .ok_or_else(|| case.unknown_layer(name))?;
                mask[id.index()] = true;
            }
            mask
        }
    })
}

/// The null graph: `case`'s metadata, layers and actors; for each selected
/// layer, its self-loops and the drawn `pairs` (sorted here), weight 1 and no
/// provenance; for each other layer, the case's ties unchanged.
pub(crate) fn rebuild(case: &MultiplexGraph, layers: &[LayerTies]) -> Result<MultiplexGraph> {
    let mut g = MultiplexGraph::with_meta(case.meta().clone(), case.extra_layers().to_vec())?;
    for a in case.actors() {
        g.add_actor(a.clone())?;
    }
    for lt in layers {
        if lt.selected {
            let mut ties: Vec<(u32, u32)> = lt.loops.iter().map(|&u| (u, u)).collect();
            ties.extend_from_slice(&lt.pairs);
            ties.sort_unstable();
            for (s, d) in ties {
                g.add_tie_at(s as usize, d as usize, lt.layer, 1.0, Provenance::default())?;
            }
        } else {
            for t in case.ties().filter(|t| t.layer == lt.layer) {
                g.push_tie(t)?;
            }
        }
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Kind, Level};

    fn case() -> MultiplexGraph {
        let mut g = MultiplexGraph::new();
        for (id, k) in [
            ("p", Kind::Party),
            ("b", Kind::Block),
            ("r", Kind::Resident),
        ] {
            g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
        }
        let pv = Provenance::new("doc.txt", "quote");
        g.add_tie("p", "b", "leadership", 2.0, pv.clone()).unwrap();
        g.add_tie("p", "b", "leadership", 1.0, pv.clone()).unwrap();
        g.add_tie("b", "r", "deliberation", 1.0, pv.clone())
            .unwrap();
        g.add_tie("r", "b", "deliberation", 1.0, pv).unwrap();
        g
    }

    #[test]
    fn repeated_ties_count_once_and_unselected_layers_are_copied() {
        let g = case();
        let lt = layer_ties(&g, &Layers::only(&["leadership"])).unwrap();
        assert_eq!(lt[0].pairs, vec![(0, 1)]);
        assert_eq!(lt[2].pairs, vec![(1, 2)]);
        assert!(lt[0].selected && !lt[2].selected);
        let h = rebuild(&g, &lt).unwrap();
        assert_eq!(
            h.actors().collect::<Vec<_>>(),
            g.actors().collect::<Vec<_>>()
        );
        assert_eq!(
            h.count_by_layer(),
            vec![("leadership", 1), ("deliberation", 2)]
        );
        let lead = h.ties().find(|t| t.layer == LayerId(0)).unwrap();
        assert_eq!((lead.weight, lead.provenance.doc.as_str()), (1.0, ""));
        let delib = h.ties().find(|t| t.layer == LayerId(2)).unwrap();
        assert_eq!(delib.provenance.doc, "doc.txt");
    }

    #[test]
    fn an_unknown_layer_is_an_error() {
        let e = layer_ties(&case(), &Layers::only(&["leadershp"])).unwrap_err();
        assert!(e.to_string().contains("leadership"), "{e}");
    }
}

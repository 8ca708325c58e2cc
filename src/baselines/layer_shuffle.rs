//! The layer shuffle: every layer rewired on its own, so layers keep their
//! degrees but not their overlap.

use super::rewire::{RewireOptions, Rewired, rewire_layers};
use crate::error::Result;
use crate::model::{Layers, MultiplexGraph};
use crate::random::{CoprodRng, rng};
use rand_core::Rng;
use std::collections::BTreeMap;

/// A layer-shuffled case and how much cross-layer overlap is left.
#[derive(Debug, Clone)]
pub struct Shuffled {
    /// The null graph and the swap trials of each layer.
    pub rewired: Rewired,
    /// Pairs of actors tied (in either direction) in two or more of the
    /// shuffled layers, in the case.
    pub overlap_case: usize,
    /// The same count in the null graph.
    pub overlap_drawn: usize,
}

/// The case with every selected layer rewired independently by
/// degree-preserving double-edge swaps, which breaks the alignment of layers
/// (two actors tied in several layers) while each layer keeps its degrees.
///
/// ```text
/// for each layer ℓ in table order: seed_ℓ = next u64 of the generator
/// layer ℓ (if selected) is rewired as in rewire, from rng(seed_ℓ) alone
/// overlap(G) = #{ {u, v} : u ≠ v tied in ≥ 2 selected layers of G }
/// ```
///
/// Each layer is the draw [`rewire`](super::rewire) would make of it, but from
/// its own generator, so the draw of a layer does not depend on which other
/// layers are selected or how many trials they took. Every degree of every
/// layer is kept; the overlap of the case (multiplexity) is randomised — the
/// null model for "these actors are tied in many layers at once". Compared with
/// the case's overlap in [`Shuffled`].
///
/// Edge cases: as [`rewire`](super::rewire); a case with one layer has no
/// overlap (both counts 0).
///
/// Complexity: `O(n + Σ (m_ℓ + T_ℓ))` expected.
///
/// ```
/// use coprod::baselines::{RewireOptions, layer_shuffle};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let s = layer_shuffle(&case, &RewireOptions::default(), 5).unwrap();
/// assert_eq!(s.rewired.graph.count_by_layer(), case.count_by_layer());
/// assert!(s.overlap_case > 0);
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks; [`Error::InvalidParameter`](crate::Error::InvalidParameter) for
/// zero trials.
///
/// # References
/// Bianconi, G. (2013). Statistical mechanics of multiplex networks: entropy
/// and overlap. *Physical Review E* 87, 062806.
/// <https://doi.org/10.1103/PhysRevE.87.062806>
pub fn layer_shuffle(
    case: &MultiplexGraph,
    options: &RewireOptions,
    seed: u64,
) -> Result<Shuffled> {
    layer_shuffle_with(case, options, &mut rng(seed))
}

/// [`layer_shuffle`] drawing from a given generator (an ensemble's stream).
pub(crate) fn layer_shuffle_with(
    case: &MultiplexGraph,
    options: &RewireOptions,
    rng_: &mut CoprodRng,
) -> Result<Shuffled> {
    options.trials.check()?;
    let selected = super::selection(case, &options.layers)?;
    let seeds: Vec<u64> = (0..case.layers().len()).map(|_| rng_.next_u64()).collect();
    let mut graph = case.clone();
    let mut swaps = Vec::new();
    for (l, spec) in case.layers().iter().enumerate() {
        if !selected[l] {
            continue;
        }
        let one = RewireOptions {
            layers: Layers::only(&[spec.name.as_str()]),
            trials: options.trials,
            dyads: options.dyads,
        };
        let r = rewire_layers(&graph, &one, |_, _, _| true, &mut rng(seeds[l]))?;
        graph = r.graph;
        swaps.extend(r.swaps);
    }
    Ok(Shuffled {
        overlap_case: overlap(case, &selected),
        overlap_drawn: overlap(&graph, &selected),
        rewired: Rewired { graph, swaps },
    })
}

/// Unordered pairs of distinct actors tied in two or more selected layers.
fn overlap(g: &MultiplexGraph, selected: &[bool]) -> usize {
    let mut layers_of: BTreeMap<(usize, usize), Vec<u16>> = BTreeMap::new();
    for t in g.ties().filter(|t| selected[t.layer.index()]) {
        if t.source != t.target {
            let key = (t.source.min(t.target), t.source.max(t.target));
            layers_of.entry(key).or_default().push(t.layer.0);
        }
    }
    layers_of
        .into_values()
        .filter(|ls| {
            let mut ls = ls.clone();
            ls.sort_unstable();
            ls.dedup();
            ls.len() >= 2
        })
        .count()
}

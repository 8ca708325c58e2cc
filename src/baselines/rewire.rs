//! Degree-preserving rewiring by double-edge swaps, layer by layer.

use super::{LayerTies, check_codebook, layer_ties, masks, rebuild};
use crate::error::{Error, Result};
use crate::model::{DyadMask, Dyads, Layers, MultiplexGraph};
use crate::random::{CoprodRng, below, rng};
use std::collections::HashSet;

/// How many swap trials a layer gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trials {
    /// `k · m` trials for a layer of `m` ties (default `PerTie(10)`; R igraph's
    /// `keeping_degseq` defaults to `niter = 100` whatever the size).
    PerTie(u64),
    /// This many trials for every layer, whatever its size.
    PerLayer(u64),
}

impl Default for Trials {
    fn default() -> Self {
        Trials::PerTie(10)
    }
}

impl Trials {
    /// The trials for a layer of `m` ties.
    fn for_layer(self, m: usize) -> u64 {
        match self {
            Trials::PerTie(k) => k.saturating_mul(m as u64),
            Trials::PerLayer(t) => t,
        }
    }

    /// An error for zero trials (the case would come back unchanged).
    pub(crate) fn check(self) -> Result<()> {
        match self {
            Trials::PerTie(0) | Trials::PerLayer(0) => Err(Error::InvalidParameter {
                name: "trials",
                reason: format!("{self:?}: zero trials would return the case unchanged"),
            }),
            _ => Ok(()),
        }
    }
}

/// Options of [`rewire`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RewireOptions {
    /// The layers rewired; the others are copied from the case. Default
    /// [`Layers::All`].
    pub layers: Layers,
    /// Swap trials per layer. Default [`Trials::PerTie`]`(10)`.
    pub trials: Trials,
    /// The dyads a swapped tie may occupy. Default [`Dyads::Codebook`]: a
    /// swap onto a structural zero (arena–arena; leadership from a
    /// non-party) is rejected, so memberships stay member – arena.
    /// [`Dyads::All`] is igraph's `rewire`.
    pub dyads: Dyads,
}

impl Default for RewireOptions {
    fn default() -> Self {
        RewireOptions {
            layers: Layers::All,
            trials: Trials::default(),
            dyads: Dyads::Codebook,
        }
    }
}

/// The swap trials of one layer: how many were tried, how many were rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwapCount {
    /// The layer's name.
    pub layer: String,
    /// Its number of ties (distinct pairs of distinct actors).
    pub ties: usize,
    /// Trials run (0 for a layer of fewer than two ties: nothing to swap).
    pub trials: u64,
    /// Trials rejected: the swap would create a self-loop or a repeated tie,
    /// would change nothing, or (for [`sector_rewire`](super::sector_rewire))
    /// would change a block count. `trials − failed` swaps were made.
    pub failed: u64,
}

/// A rewired case: the null graph and the trials of each rewired layer.
#[derive(Debug, Clone)]
pub struct Rewired {
    /// The case's actors with the rewired layers (see the [module](super) doc).
    pub graph: MultiplexGraph,
    /// One entry per rewired layer that has ties, in layer order.
    pub swaps: Vec<SwapCount>,
}

/// The case with each layer rewired by double-edge swaps that keep every
/// actor's degree (in- and out-degree in a directed layer).
///
/// ```text
/// one trial, on a layer with ties E (|E| = m ≥ 2):
///   pick two distinct ties uniformly, e₁ = (a, b), e₂ = (c, d)
///   directed:   propose (a, d), (c, b)
///   undirected: by a fair coin, propose {a, d}, {c, b}  or  {a, c}, {b, d}
///   reject (count as failed) if a proposed tie is a self-loop or already in E
///   (a swap that changes nothing is such a case), or, under the default
///   Dyads::Codebook, falls on a dyad the codebook rules out (DyadMask);
///   else replace e₁, e₂
/// ```
///
/// Degrees are kept, so no isolate appears; under [`Dyads::Codebook`] an
/// arena's ties stay memberships (an arena keeps its degree and can only
/// meet non-arenas) and leadership keeps party sources. The chain is then
/// uniform over the reachable graphs inside the mask.
///
/// The proposal is symmetric (the reverse swap has the same probability), so
/// the chain's stationary law is uniform over the simple graphs with the
/// layer's degrees that swaps reach from the case. For undirected graphs that
/// is every such graph (Taylor 1981); for digraphs, swaps cannot reverse a
/// directed 3-cycle, so a few degree sequences have realisations they never
/// reach (Rao, Jana & Bandyopadhyay 1996) — documented, not corrected.
///
/// With [`Dyads::All`] this is igraph's `rewire(g, keeping_degseq(niter = T, loops = FALSE))`
/// (igraph tries `T` swaps and keeps the graph simple) with `T` from
/// [`Trials`], default `10 m`; `failed` is what igraph leaves uncounted. For
/// an undirected layer the move is NetworkX's `double_edge_swap`, which counts
/// successful swaps (`nswap`) where this counts trials.
///
/// Edge cases: a layer with fewer than two ties, or a degree sequence with a
/// single realisation (a star), comes back unchanged; self-loops are copied.
///
/// Complexity: `O(n + Σ (m_ℓ + T_ℓ))` expected (hash set of ties).
///
/// ```
/// use coprod::baselines::{RewireOptions, rewire};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let r = rewire(&case, &RewireOptions::default(), 3).unwrap();
/// assert_eq!(r.graph.count_by_layer(), case.count_by_layer());
/// let lead = r.swaps.iter().find(|s| s.layer == "leadership").unwrap();
/// assert_eq!(lead.trials, 10 * lead.ties as u64);
/// assert!(lead.failed < lead.trials);
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks; [`Error::InvalidParameter`] for zero trials.
///
/// # References
/// Taylor, R. (1981). Constrained switchings in graphs. *Combinatorial
/// Mathematics VIII*, LNM 884, 314–336. <https://doi.org/10.1007/BFb0091828>.
/// Rao, A. R., Jana, R. & Bandyopadhyay, S. (1996). A Markov chain Monte Carlo
/// method for generating random (0, 1)-matrices with given marginals. *Sankhyā
/// A* 58(2), 225–242. Maslov, S. & Sneppen, K. (2002). Specificity and
/// stability in topology of protein networks. *Science* 296, 910–913.
/// <https://doi.org/10.1126/science.1065103>
pub fn rewire(case: &MultiplexGraph, options: &RewireOptions, seed: u64) -> Result<Rewired> {
    rewire_with(case, options, &mut rng(seed))
}

/// [`rewire`] drawing from a given generator (an ensemble's stream).
pub(crate) fn rewire_with(
    case: &MultiplexGraph,
    options: &RewireOptions,
    rng: &mut CoprodRng,
) -> Result<Rewired> {
    rewire_layers(case, options, |_, _, _| true, rng)
}

/// Rewire the selected layers, accepting a valid swap of `old` ties into
/// `new` ties only when `keep(old, new, directed)`; shared with the sector-preserving
/// swaps.
pub(crate) fn rewire_layers(
    case: &MultiplexGraph,
    options: &RewireOptions,
    keep: impl Fn([(u32, u32); 2], [(u32, u32); 2], bool) -> bool,
    rng: &mut CoprodRng,
) -> Result<Rewired> {
    options.trials.check()?;
    check_codebook(case, options.dyads)?;
    let mut layers = layer_ties(case, &options.layers)?;
    let masks = masks(case, &layers, options.dyads)?;
    let mut swaps = Vec::new();
    for (lt, mask) in layers.iter_mut().zip(&masks) {
        let Some(mask) = mask else { continue };
        if lt.pairs.is_empty() {
            continue;
        }
        let m = lt.pairs.len();
        let trials = if m < 2 {
            0
        } else {
            options.trials.for_layer(m)
        };
        let failed = swap_chain(lt, trials, mask, &keep, rng);
        swaps.push(SwapCount {
            layer: case.layer(lt.layer).name.clone(),
            ties: m,
            trials,
            failed,
        });
    }
    Ok(Rewired {
        graph: rebuild(case, &layers)?,
        swaps,
    })
}

/// Run `trials` swap trials on the layer's pairs in place; the number rejected.
fn swap_chain(
    lt: &mut LayerTies,
    trials: u64,
    mask: &DyadMask,
    keep: &impl Fn([(u32, u32); 2], [(u32, u32); 2], bool) -> bool,
    rng: &mut CoprodRng,
) -> u64 {
    let m = lt.pairs.len() as u64;
    if m < 2 {
        return 0;
    }
    let directed = lt.directed;
    let canon = |u: u32, v: u32| {
        if directed {
            (u, v)
        } else {
            (u.min(v), u.max(v))
        }
    };
    // Membership only: no output depends on the set's iteration order.
    let mut present: HashSet<(u32, u32)> = lt.pairs.iter().copied().collect();
    let mut failed = 0;
    for _ in 0..trials {
        let i = below(rng, m) as usize;
        let mut j = below(rng, m - 1) as usize;
        if j >= i {
            j += 1;
        }
        let ((a, b), (c, d)) = (lt.pairs[i], lt.pairs[j]);
        let (x, y) = if directed || below(rng, 2) == 0 {
            ((a, d), (c, b))
        } else {
            ((a, c), (b, d))
        };
        let (x, y) = (canon(x.0, x.1), canon(y.0, y.1));
        if x.0 == x.1
            || y.0 == y.1
            || present.contains(&x)
            || present.contains(&y)
            || !mask.allows(x.0, x.1)
            || !mask.allows(y.0, y.1)
            || !keep([lt.pairs[i], lt.pairs[j]], [x, y], directed)
        {
            failed += 1;
            continue;
        }
        present.remove(&lt.pairs[i]);
        present.remove(&lt.pairs[j]);
        present.insert(x);
        present.insert(y);
        lt.pairs[i] = x;
        lt.pairs[j] = y;
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Kind, Level, Provenance};

    fn star() -> MultiplexGraph {
        let mut g = MultiplexGraph::new();
        for id in ["c", "a", "b", "d"] {
            g.add_actor(Actor::new(id, Kind::Block, Level::Community))
                .unwrap();
        }
        for leaf in ["a", "b", "d"] {
            g.add_tie("c", leaf, "administrative", 1.0, Provenance::default())
                .unwrap();
        }
        g
    }

    #[test]
    fn a_star_has_one_realisation_so_every_trial_fails() {
        let g = star();
        let r = rewire(&g, &RewireOptions::default(), 1).unwrap();
        assert_eq!(r.swaps.len(), 1);
        assert_eq!((r.swaps[0].trials, r.swaps[0].failed), (30, 30));
        let before: Vec<_> = g.ties().map(|t| (t.source, t.target)).collect();
        let after: Vec<_> = r.graph.ties().map(|t| (t.source, t.target)).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn zero_trials_is_an_error() {
        let o = RewireOptions {
            trials: Trials::PerTie(0),
            ..RewireOptions::default()
        };
        assert!(matches!(
            rewire(&star(), &o, 1),
            Err(Error::InvalidParameter { name: "trials", .. })
        ));
    }
}

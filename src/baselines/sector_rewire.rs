//! Double-edge swaps that keep the degrees and the tie counts per sector pair.

use super::rewire::{RewireOptions, Rewired, rewire_layers};
use crate::error::Result;
use crate::model::{Attribute, MultiplexGraph, Partition};
use crate::random::{CoprodRng, rng};

/// Options of [`sector_rewire`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectorRewireOptions {
    /// Layers and trials, as for [`rewire`](super::rewire).
    pub rewire: RewireOptions,
    /// The attribute whose group pairs' tie counts are kept. Default
    /// [`Attribute::Sector`]; [`Attribute::Kind`] keeps, e.g., the ties from
    /// block to strip offices apart from those among block offices.
    pub attribute: Attribute,
}

impl Default for SectorRewireOptions {
    fn default() -> Self {
        SectorRewireOptions {
            rewire: RewireOptions::default(),
            attribute: Attribute::Sector,
        }
    }
}

/// The case with each layer rewired by double-edge swaps that keep every
/// actor's degree and, exactly, the number of ties between each pair of
/// sectors (the layer's block counts).
///
/// ```text
/// s(u): the sector (or the chosen attribute's group) of actor u
/// block of a tie: (s(u), s(v)) if the layer is directed, {s(u), s(v)} if not
/// B_ℓ(r, t) = number of ties of layer ℓ in block (r, t)
///
/// a trial proposes a swap as in rewire; it is kept only if it is valid there
/// and the blocks of the two new ties are those of the two old ones
/// (as a multiset) — for a directed swap (a, b), (c, d) → (a, d), (c, b):
/// s(b) = s(d) or s(a) = s(c)
/// ```
///
/// So every `B_ℓ(r, t)` and every degree is kept; the proposal stays
/// symmetric, so the stationary law is uniform over the graphs with those
/// degrees and block counts that such swaps reach from the case. Ties are
/// randomised *within* sector pairs: a test against this model asks whether a
/// statistic follows from who has how many ties to which sector, or from which
/// actor of the sector gets them. No reference implementation draws this; the
/// nearest are degree-corrected stochastic block models.
///
/// Edge cases: as [`rewire`](super::rewire); a layer whose ties all share one
/// sector pair rewires as freely as there; rejections for block changes count
/// as failed.
///
/// Complexity: `O(n + Σ (m_ℓ + T_ℓ))` expected.
///
/// ```
/// use coprod::baselines::{SectorRewireOptions, sector_rewire};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let r = sector_rewire(&case, &SectorRewireOptions::default(), 3).unwrap();
/// assert_eq!(r.graph.count_by_layer(), case.count_by_layer());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks; [`Error::UnknownAttribute`](crate::Error::UnknownAttribute) for
/// a column no actor has; [`Error::InvalidParameter`](crate::Error::InvalidParameter)
/// for zero trials.
///
/// # References
/// Maslov, S. & Sneppen, K. (2002). Specificity and stability in topology of
/// protein networks. *Science* 296, 910–913.
/// <https://doi.org/10.1126/science.1065103>. Karrer, B. & Newman, M. E. J.
/// (2011). Stochastic blockmodels and community structure in networks.
/// *Physical Review E* 83, 016107. <https://doi.org/10.1103/PhysRevE.83.016107>
pub fn sector_rewire(
    case: &MultiplexGraph,
    options: &SectorRewireOptions,
    seed: u64,
) -> Result<Rewired> {
    sector_rewire_with(case, options, &mut rng(seed))
}

/// [`sector_rewire`] drawing from a given generator (an ensemble's stream).
pub(crate) fn sector_rewire_with(
    case: &MultiplexGraph,
    options: &SectorRewireOptions,
    rng: &mut CoprodRng,
) -> Result<Rewired> {
    let part = Partition::of_graph(case, &options.attribute)?;
    let g = part.groups();
    // Directed and undirected swaps alike: the unordered multiset of blocks
    // is kept iff the ordered one is, once each tie's block is read in the
    // tie's stored orientation and undirected blocks are sorted.
    let block = |(u, v): (u32, u32), directed: bool| {
        let (r, t) = (g[u as usize], g[v as usize]);
        if directed {
            (r, t)
        } else {
            (r.min(t), r.max(t))
        }
    };
    let keep = |old: [(u32, u32); 2], new: [(u32, u32); 2], directed: bool| {
        let (o1, o2) = (block(old[0], directed), block(old[1], directed));
        let (n1, n2) = (block(new[0], directed), block(new[1], directed));
        (o1 == n1 && o2 == n2) || (o1 == n2 && o2 == n1)
    };
    rewire_layers(case, &options.rewire, keep, rng)
}

//! G(n, m) keeping the case's actors: the number of ties of each layer, placed uniformly.

use super::sample::{ordered_pair, ordered_pairs, subset, unordered_pair, unordered_pairs};
use super::{layer_ties, rebuild};
use crate::error::Result;
use crate::model::{Layers, MultiplexGraph};
use crate::random::{CoprodRng, rng};

/// Options of [`gnm`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GnmOptions {
    /// The layers randomised; the others are copied from the case. Default
    /// [`Layers::All`] (every layer, `tension` included — not the views' default).
    pub layers: Layers,
}

impl Default for GnmOptions {
    fn default() -> Self {
        GnmOptions {
            layers: Layers::All,
        }
    }
}

/// The uniform random graph with the case's actors and, in each layer, the
/// case's number of ties: Erdős–Rényi G(n, m) layer by layer.
///
/// ```text
/// for each selected layer ℓ with m_ℓ distinct ties between distinct actors:
///   D_ℓ = n (n − 1)       if ℓ is directed  (ordered pairs u ≠ v)
///       = n (n − 1) / 2   otherwise         (unordered pairs)
///   draw m_ℓ of the D_ℓ dyads, every one of the C(D_ℓ, m_ℓ) subsets with
///   probability 1 / C(D_ℓ, m_ℓ)
/// ```
///
/// Layer by layer, this equals `sna::rgnm(1, n, m_ℓ, mode = "digraph")` (or
/// `mode = "graph"` for an undirected layer), the null distribution of
/// `sna::cug.test(g, f, cmode = "edges")`. Actors, hence counts per kind,
/// sector and level, are the case's (see the [module](super) doc).
///
/// Edge cases: a layer with no tie stays empty; a complete layer stays
/// complete; self-loops are copied, never drawn.
///
/// Complexity: `O(n + Σ m_ℓ log m_ℓ)` (Floyd's exact subset sampling).
///
/// ```
/// use coprod::baselines::{GnmOptions, gnm};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let null = gnm(&case, &GnmOptions::default(), 7).unwrap();
/// assert_eq!(null.count_by_layer(), case.count_by_layer());
/// assert!(null.actors().eq(case.actors()));
/// assert_eq!(null, gnm(&case, &GnmOptions::default(), 7).unwrap());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks.
///
/// # References
/// Erdős, P. & Rényi, A. (1959). On random graphs I. *Publicationes
/// Mathematicae* 6, 290–297. Bentley, J. & Floyd, R. W. (1987). A sample of
/// brilliance. *Communications of the ACM* 30(9), 754–757.
/// <https://doi.org/10.1145/30401.315746>. Butts, C. T. (2008). Social network
/// analysis with sna. *Journal of Statistical Software* 24(6).
/// <https://doi.org/10.18637/jss.v024.i06>
pub fn gnm(case: &MultiplexGraph, options: &GnmOptions, seed: u64) -> Result<MultiplexGraph> {
    gnm_with(case, options, &mut rng(seed))
}

/// [`gnm`] drawing from a given generator (an ensemble's stream).
pub(crate) fn gnm_with(
    case: &MultiplexGraph,
    options: &GnmOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    let n = case.actor_count() as u64;
    let mut layers = layer_ties(case, &options.layers)?;
    for lt in layers.iter_mut().filter(|l| l.selected) {
        let m = lt.pairs.len() as u64;
        lt.pairs = if lt.directed {
            subset(rng, ordered_pairs(n), m)
                .into_iter()
                .map(|k| ordered_pair(n, k))
                .map(|(u, v)| (u as u32, v as u32))
                .collect()
        } else {
            subset(rng, unordered_pairs(n), m)
                .into_iter()
                .map(unordered_pair)
                .map(|(u, v)| (u as u32, v as u32))
                .collect()
        };
    }
    rebuild(case, &layers)
}

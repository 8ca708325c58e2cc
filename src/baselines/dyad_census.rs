//! The uniform graph with the case's dyad census (mutual, asymmetric, null) in each layer.

use super::sample::{subset, unordered_pair, unordered_pairs};
use super::{layer_ties, rebuild};
use crate::error::Result;
use crate::model::{Layers, MultiplexGraph};
use crate::random::{CoprodRng, below, rng, shuffle};

/// Options of [`dyad_census`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadCensusOptions {
    /// The layers randomised; the others are copied from the case. Default
    /// [`Layers::All`].
    pub layers: Layers,
}

impl Default for DyadCensusOptions {
    fn default() -> Self {
        DyadCensusOptions {
            layers: Layers::All,
        }
    }
}

/// The dyad census `(M, A, N)` of a directed simple graph given as sorted,
/// distinct arcs between distinct nodes of `n`: mutual, asymmetric and null
/// unordered pairs.
pub(crate) fn census(n: usize, arcs: &[(u32, u32)]) -> (u64, u64, u64) {
    let reciprocated = arcs
        .iter()
        .filter(|&&(u, v)| arcs.binary_search(&(v, u)).is_ok())
        .count() as u64;
    let mutual = reciprocated / 2;
    let asym = arcs.len() as u64 - reciprocated;
    let null = unordered_pairs(n as u64) - mutual - asym;
    (mutual, asym, null)
}

/// The uniform random graph with the case's actors and, in each directed
/// layer, the case's exact dyad census.
///
/// ```text
/// for each selected directed layer with M mutual, A asymmetric and N null
/// unordered pairs {u, v} (M + A + N = n (n − 1) / 2):
///   draw M + A of the n (n − 1) / 2 pairs uniformly,
///   make a uniform M of them mutual (u → v and v → u),
///   orient each of the other A by a fair coin (u → v or v → u);
/// every digraph with census (M, A, N) has probability
///   1 / [ C(n (n − 1) / 2; M, A, N) · 2^A ]
/// ```
///
/// Layer by layer this equals `sna::rguman(1, n, mut = M, asym = A, null = N,
/// method = "exact")`, the null distribution of `sna::cug.test(g, f, cmode =
/// "dyad.census")`. An undirected layer's census is its number of ties, so it
/// is drawn as in [`gnm`](super::gnm).
///
/// Edge cases: a layer with no tie stays empty; self-loops are copied, never
/// drawn; reciprocity `2M / (2M + A)` and density are those of the case.
///
/// Complexity: `O(n + Σ m_ℓ log m_ℓ)`.
///
/// ```
/// use coprod::baselines::{DyadCensusOptions, dyad_census};
/// let case = coprod::cases::load("x_district").unwrap();
/// let null = dyad_census(&case, &DyadCensusOptions::default(), 1).unwrap();
/// assert_eq!(null.count_by_layer(), case.count_by_layer());
/// ```
///
/// # Errors
/// [`Error::UnknownLayer`](crate::Error::UnknownLayer) for a layer name the
/// case lacks.
///
/// # References
/// Holland, P. W. & Leinhardt, S. (1976). Local structure in social networks.
/// *Sociological Methodology* 7, 1–45. <https://doi.org/10.2307/270703>.
/// Anderson, B. S., Butts, C. T. & Carley, K. M. (1999). The interaction of
/// size and density with graph-level indices. *Social Networks* 21(3), 239–267.
/// <https://doi.org/10.1016/S0378-8733(99)00011-8>
pub fn dyad_census(
    case: &MultiplexGraph,
    options: &DyadCensusOptions,
    seed: u64,
) -> Result<MultiplexGraph> {
    dyad_census_with(case, options, &mut rng(seed))
}

/// [`dyad_census`] drawing from a given generator (an ensemble's stream).
pub(crate) fn dyad_census_with(
    case: &MultiplexGraph,
    options: &DyadCensusOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    let n = case.actor_count();
    let mut layers = layer_ties(case, &options.layers)?;
    for lt in layers.iter_mut().filter(|l| l.selected) {
        let (mutual, asym) = if lt.directed {
            let (m, a, _) = census(n, &lt.pairs);
            (m, a)
        } else {
            (0, lt.pairs.len() as u64)
        };
        let mut dyads: Vec<(u32, u32)> = subset(rng, unordered_pairs(n as u64), mutual + asym)
            .into_iter()
            .map(unordered_pair)
            .map(|(u, v)| (u as u32, v as u32))
            .collect();
        if !lt.directed {
            lt.pairs = dyads;
            continue;
        }
        shuffle(rng, &mut dyads);
        let mut arcs = Vec::with_capacity((2 * mutual + asym) as usize);
        for (i, &(u, v)) in dyads.iter().enumerate() {
            if (i as u64) < mutual {
                arcs.extend([(u, v), (v, u)]);
            } else if below(rng, 2) == 0 {
                arcs.push((u, v));
            } else {
                arcs.push((v, u));
            }
        }
        arcs.sort_unstable();
        lt.pairs = arcs;
    }
    rebuild(case, &layers)
}

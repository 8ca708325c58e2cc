//! Group betweenness by sampling.

use super::{CHUNK, check_options};
use crate::error::{Error, Result};
use crate::measures::EdgeLength;
use crate::measures::centrality::Parallelism;
use crate::measures::parallel::{Pool, map_chunks};
use crate::measures::paths::PathSampler;
use crate::model::{Csr, NodeSet};
use crate::random::{below, stream};

/// Options of [`approx_group_betweenness`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApproxGroupBetweennessOptions {
    /// The largest error allowed, in `(0, 1)`.
    pub epsilon: f64,
    /// The probability allowed for the error to exceed `epsilon`, in `(0, 1)`.
    pub delta: f64,
    /// Seed of the draws: sample `i` comes from [`crate::random::stream`]`(seed, i)`.
    pub seed: u64,
    /// Must be [`EdgeLength::Hops`] (hop counts); `Distance` is an error.
    pub weighting: EdgeLength,
    /// Sequential or parallel over samples (same result either way).
    pub parallelism: Parallelism,
}

impl Default for ApproxGroupBetweennessOptions {
    /// ε = 0.01, δ = 0.1, seed 0, hop counts.
    fn default() -> Self {
        ApproxGroupBetweennessOptions {
            epsilon: 0.01,
            delta: 0.1,
            seed: 0,
            weighting: EdgeLength::Hops,
            parallelism: Parallelism::Auto,
        }
    }
}

/// Estimated normalised group betweenness of `group`: within `ε` of
/// [`group_betweenness`](super::super::group_betweenness) with its default
/// (`Normalized`) scale, with probability at least `1 − δ`.
///
/// ```text
/// GB_N(C) = 1/(k(k−1)) Σ_{s ≠ t ∈ V \ C} σ_st(C) / σ_st                 k = |V \ C|
/// r = ⌈ln(2/δ) / (2 ε²)⌉                                           (Hoeffding)
/// GB̃_N(C) = (number of samples whose path crosses C) / r
/// ```
/// `σ_st(C)` counts the shortest `s → t` paths through at least one member
/// (hop counts, arcs forwards in a digraph). The sum over ordered pairs of
/// non-members divided by `k(k−1)` is the Everett–Borgatti normalisation for
/// both digraphs and undirected graphs (there, the unordered sum over
/// `k(k−1)/2`). Each sample draws an ordered pair of distinct non-members
/// uniformly and one shortest path between them uniformly (the bidirectional
/// sampler of [`approx_betweenness`](super::approx_betweenness)); the share of
/// samples whose path has a member inside has mean `GB_N(C)`, and Hoeffding's
/// inequality gives the sample size. Sample `i` draws from
/// `random::stream(seed, i)`, so 1 and 2 threads agree.
///
/// # Reference
/// Estimates `networkx.group_betweenness_centrality(G, C, normalized=True)`
/// where NetworkX is right (see [`group_betweenness`](super::super::group_betweenness)).
///
/// # Edge cases
/// Fewer than two non-members: `None` (no pairs), as the exact measure.
///
/// # Errors
/// [`Error::SizeMismatch`] for a group of another graph;
/// [`Error::InvalidParameter`] for `epsilon` or `delta` outside `(0, 1)`, for
/// `EdgeLength::Weight`, or for a sample size beyond 2^53.
///
/// # Complexity
/// `r` samples of `O(m)` at worst each, independent of `n` otherwise.
///
/// ```
/// use coprod::measures::centrality::{approx_group_betweenness, ApproxGroupBetweennessOptions};
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// // path 0 - 1 - 2 - 3; {1, 2} lies on the one 0–3 path: exactly 1
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// let c = NodeSet::new(4, [1, 2]).unwrap();
/// let opts = ApproxGroupBetweennessOptions::default();
/// assert_eq!(approx_group_betweenness(&g, &c, &opts).unwrap(), Some(1.0));
/// ```
///
/// # References
/// * Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and
///   classes. *J. Math. Sociology* 23(3), 181–201. doi:10.1080/0022250X.1999.9990219
/// * Hoeffding, W. (1963). Probability inequalities for sums of bounded random
///   variables. *J. Amer. Statist. Assoc.* 58, 13–30. doi:10.1080/01621459.1963.10500830
pub fn approx_group_betweenness(
    g: &Csr,
    group: &NodeSet,
    opts: &ApproxGroupBetweennessOptions,
) -> Result<Option<f64>> {
    check_options(opts.epsilon, opts.delta, opts.weighting)?;
    let n = g.node_count();
    group.check(n)?;
    let inside = group.mask();
    let outside: Vec<u32> = (0..n as u32).filter(|&v| !inside[v as usize]).collect();
    let k = outside.len();
    if k < 2 {
        return Ok(None);
    }
    let eps = opts.epsilon;
    let r = ((2.0 / opts.delta).ln() / (2.0 * eps * eps)).ceil();
    if r > (1u64 << 53) as f64 {
        return Err(Error::InvalidParameter {
            name: "epsilon",
            reason: format!("{eps} needs {r:e} samples, more than 2^53"),
        });
    }
    let r = r as u64;
    let pool = Pool::new(|| PathSampler::new(n));
    let seed = opts.seed;
    let hits = map_chunks(0..r, CHUNK, opts.parallelism.enabled(n), &pool, |sp, rg| {
        let mut hits = 0u64;
        for i in rg {
            let mut rng = stream(seed, i);
            let s = below(&mut rng, k as u64) as usize;
            let mut t = below(&mut rng, k as u64 - 1) as usize;
            if t >= s {
                t += 1;
            }
            sp.draw(g, outside[s] as usize, outside[t] as usize, &mut rng);
            hits += u64::from(sp.inner.iter().any(|&v| inside[v as usize]));
        }
        hits
    });
    Ok(Some(hits.iter().sum::<u64>() as f64 / r as f64))
}

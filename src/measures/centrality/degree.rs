//! Degree and strength centrality.

use super::Weights;
use crate::measures::Direction;
use crate::model::Csr;
use rayon::prelude::*;

/// How [`degree`] scales the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DegreeScale {
    /// Divided by `n − 1` (NetworkX `degree_centrality`; `1` for every node when `n ≤ 1`).
    #[default]
    NetworkX,
    /// The count itself (`sna::degree`, igraph `degree` / `strength`).
    Raw,
}

/// Options of [`degree`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DegreeOptions {
    /// Which ties count: [`Direction::Out`], [`Direction::In`], or
    /// [`Direction::All`] (in + out for a digraph, the default).
    pub direction: Direction,
    /// Count ties or sum their weights (strength).
    pub weights: Weights,
    /// Scaling.
    pub scale: DegreeScale,
}

impl Default for DegreeOptions {
    fn default() -> Self {
        DegreeOptions {
            direction: Direction::All,
            weights: Weights::Ignore,
            scale: DegreeScale::NetworkX,
        }
    }
}

/// Degree (or strength) centrality of every node.
///
/// ```text
/// d_out(i) = Σ_j a_ij        d_in(i) = Σ_j a_ji        d_all(i) = d_out(i) + d_in(i)   (digraph)
/// d(i)     = Σ_j a_ij                                                                  (graph)
/// C_D(i)   = d(i) / (n − 1)                                      (DegreeScale::NetworkX)
/// ```
/// `a_ij` is 1 for a tie `i → j` (`{i, j}` if undirected) and 0 otherwise, or the
/// tie's weight with [`Weights::Strength`]; `n` is the number of nodes.
///
/// # Reference
/// * `NetworkX` scale: equals `networkx.degree_centrality(G)` (`Direction::All`),
///   `in_degree_centrality` (`In`) and `out_degree_centrality` (`Out`).
/// * `Raw`: equals `sna::degree(g, gmode="graph")` on an undirected graph and
///   `sna::degree(g, gmode="digraph", cmode="freeman"|"indegree"|"outdegree")`
///   for `All`, `In`, `Out` on a digraph (sna's Freeman degree of a digraph is
///   in + out); with `Weights::Strength`, `sna::degree(..., ignore.eval=FALSE)`
///   and igraph `strength`.
///
/// # Edge cases
/// A self-loop counts as NetworkX counts it: twice in an undirected graph,
/// once in and once out in a digraph (`sna` ignores loops, `diag=FALSE`).
/// On an undirected graph the direction is ignored. With `n ≤ 1` the
/// NetworkX scale gives 1 for every node, as NetworkX does. An isolate has 0.
///
/// # Complexity
/// `O(n)` (`O(n + m)` for strength); an unweighted undirected graph is
/// counted over fixed node ranges in parallel from 2^15 nodes.
///
/// ```
/// use coprod::measures::centrality::{degree, DegreeOptions};
/// use coprod::model::{Aggregation, Csr};
/// // star 0 - {1, 2, 3}
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(degree(&g, &DegreeOptions::default()), [1.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0]);
/// ```
///
/// # References
/// Freeman, L. C. (1978). Centrality in social networks: conceptual
/// clarification. *Social Networks* 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7
pub fn degree(g: &Csr, opts: &DegreeOptions) -> Vec<f64> {
    let n = g.node_count();
    if opts.scale == DegreeScale::NetworkX && n <= 1 {
        return vec![1.0; n];
    }
    if opts.weights == Weights::Ignore && !g.is_directed() {
        return undirected_counts(g, opts.scale);
    }
    let row = |nbrs: &[u32], ws: &[f64], u: usize| -> f64 {
        if opts.weights == Weights::Ignore {
            // a count (an undirected self-loop twice): the bits of the sum of ones
            let looped = !g.is_directed() && nbrs.binary_search(&(u as u32)).is_ok();
            return (nbrs.len() + looped as usize) as f64;
        }
        let (mut s, mut loops) = (0.0, 0.0);
        for (&v, &w) in nbrs.iter().zip(ws) {
            let x = match opts.weights {
                Weights::Ignore => 1.0,
                Weights::Strength => w,
            };
            s += x;
            if v as usize == u {
                loops += x;
            }
        }
        if g.is_directed() { s } else { s + loops }
    };
    let raw = (0..n).map(|u| {
        let out = || row(g.out_neighbors(u), g.out_weights(u), u);
        let inn = || row(g.in_neighbors(u), g.in_weights(u), u);
        match (opts.direction, g.is_directed()) {
            (_, false) | (Direction::Out, true) => out(),
            (Direction::In, true) => inn(),
            (Direction::All, true) => out() + inn(),
        }
    });
    match opts.scale {
        DegreeScale::Raw => raw.collect(),
        DegreeScale::NetworkX => {
            let s = 1.0 / (n as f64 - 1.0);
            raw.map(|d| d * s).collect()
        }
    }
}

/// From this many nodes [`undirected_counts`] runs in parallel.
const PARALLEL_MIN_NODES: usize = 1 << 15;

/// The degree of every node of an undirected graph (a self-loop twice), scaled:
/// the row length plus one if the node is in its own row (binary search; the
/// rows are sorted; skipped, so only the row offsets are read, when the
/// snapshot has no self-loop at all), over fixed node ranges in parallel from
/// [`PARALLEL_MIN_NODES`] nodes. Each value is `(len + loop) as f64`, times
/// `1 / (n − 1)` on the NetworkX scale: the bits of the general path.
fn undirected_counts(g: &Csr, scale: DegreeScale) -> Vec<f64> {
    let n = g.node_count();
    let loops = g.has_self_loops();
    let one = |u: usize| {
        let row = g.out_neighbors(u);
        let looped = loops && row.binary_search(&(u as u32)).is_ok();
        (row.len() + looped as usize) as f64
    };
    let s = 1.0 / (n as f64 - 1.0);
    let at = |u: usize| match scale {
        DegreeScale::Raw => one(u),
        DegreeScale::NetworkX => one(u) * s,
    };
    if n >= PARALLEL_MIN_NODES {
        (0..n)
            .into_par_iter()
            .with_min_len(1 << 12)
            .map(at)
            .collect()
    } else {
        (0..n).map(at).collect()
    }
}

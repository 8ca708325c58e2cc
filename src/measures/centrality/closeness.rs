//! Closeness centrality, with NetworkX's, igraph's and `sna`'s treatments of
//! unreachable nodes.

use super::{Parallelism, map_sources};
use crate::measures::paths::{Sp, reaches};
use crate::measures::{Direction, EdgeLength};
use crate::model::Csr;

/// How [`closeness`] treats nodes that cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClosenessScale {
    /// `(r−1)/Σd · (r−1)/(n−1)`, the Wasserman–Faust correction
    /// (NetworkX `wf_improved=True`, its default); 0 when `r = 1`.
    #[default]
    WassermanFaust,
    /// `(r−1)/Σd` over the reachable nodes only (NetworkX `wf_improved=False`); 0 when `r = 1`.
    Reachable,
    /// `(r−1)/Σd` as `Reachable`, but `NaN` when `r = 1` (igraph
    /// `closeness(normalized=True)`).
    IgraphReachable,
    /// `(n−1)/Σd` when every node is reached, else 0 (`sna::closeness`,
    /// `cmode="directed"`/`"undirected"`: an infinite distance makes the sum infinite).
    Sna,
}

/// Options of [`closeness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosenessOptions {
    /// Which distances: [`Direction::In`] (default, NetworkX: distances *to*
    /// the node), [`Direction::Out`] (distances *from* it: igraph `mode="out"`,
    /// `sna` `cmode="directed"`, NetworkX on `G.reverse()`), or
    /// [`Direction::All`] (the graph read as undirected). Ignored when undirected.
    pub direction: Direction,
    /// Hop counts or weights read as lengths (NetworkX `distance="weight"`).
    pub weighting: EdgeLength,
    /// Treatment of unreachable nodes.
    pub scale: ClosenessScale,
    /// Sequential or parallel over nodes.
    pub parallelism: Parallelism,
}

impl Default for ClosenessOptions {
    fn default() -> Self {
        ClosenessOptions {
            direction: Direction::In,
            weighting: EdgeLength::Hops,
            scale: ClosenessScale::WassermanFaust,
            parallelism: Parallelism::Auto,
        }
    }
}

/// Closeness centrality of every node.
///
/// ```text
/// C(u) = (r(u) − 1) / Σ_{v ∈ R(u)} d(v, u) · (r(u) − 1) / (n − 1)     WassermanFaust
/// C(u) = (r(u) − 1) / Σ_{v ∈ R(u)} d(v, u)                           Reachable, IgraphReachable
/// C(u) = (n − 1)    / Σ_{v ≠ u}    d(u, v)                           Sna (0 if some d is ∞)
/// ```
/// `R(u)` is the set of nodes that reach `u` (with `u`; the nodes `u` reaches
/// for [`Direction::Out`]), `r(u) = |R(u)|`, `d` the shortest-path length in
/// hops or in summed weights, `n` the number of nodes.
///
/// # Reference
/// * Default (`In`, `WassermanFaust`): equals `networkx.closeness_centrality(G)`;
///   `Reachable` equals `closeness_centrality(G, wf_improved=False)`;
///   `EdgeLength::Weight` equals `distance="weight"`; `Direction::Out` equals
///   NetworkX on `G.reverse()`.
/// * `IgraphReachable` + `Out` equals igraph `Graph.closeness(mode="out",
///   normalized=True)` (`In` → `mode="in"`; `All` or undirected → `mode="all"`).
/// * `Sna` + `Out` equals `sna::closeness(g, gmode="digraph", cmode="directed")`;
///   + `All` (or an undirected graph) `cmode="undirected"`.
///
/// # Edge cases
/// An isolated node (or one nobody reaches) has 0 (NaN for `IgraphReachable`).
/// On a disconnected graph `Sna` gives 0 to every node that does not reach all
/// others (sna divides by an infinite sum). `n = 1` gives 0 (`Sna`: NaN, as sna's 0/0).
///
/// # Complexity
/// `O(n (n + m))` unweighted, `O(n (n + m) log n)` weighted; parallel over nodes.
/// On hop counts the searches run 64 at a time, one bit per source in a word
/// per node (multi-source bit-parallel BFS, Then et al. 2014,
/// doi:10.14778/2735496.2735507): `O(n/64 · L (n + m))` word operations for
/// `L` levels, in parallel over the sweeps; the distance sums are integers, so
/// the scores have the bits of one search per node.
///
/// ```
/// use coprod::measures::centrality::{closeness, ClosenessOptions};
/// use coprod::model::{Aggregation, Csr};
/// // path 0 - 1 - 2
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(closeness(&g, &ClosenessOptions::default()), [2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// ```
///
/// # References
/// * Freeman, L. C. (1978). Centrality in social networks. *Social Networks* 1(3),
///   215–239. doi:10.1016/0378-8733(78)90021-7
/// * Wasserman, S. & Faust, K. (1994). *Social Network Analysis*. Cambridge UP.
///   doi:10.1017/CBO9780511815478
pub fn closeness(g: &Csr, opts: &ClosenessOptions) -> Vec<f64> {
    let n = g.node_count();
    // from the sum of distances to the reached nodes and their number (the node included)
    let score = |total: f64, reached: usize| -> f64 {
        let r = reached as f64;
        match opts.scale {
            ClosenessScale::Sna => {
                if reached < n {
                    0.0
                } else {
                    (n as f64 - 1.0) / total
                }
            }
            _ if total > 0.0 => {
                let c = (r - 1.0) / total;
                if opts.scale == ClosenessScale::WassermanFaust {
                    c * (r - 1.0) / (n as f64 - 1.0)
                } else {
                    c
                }
            }
            ClosenessScale::IgraphReachable => f64::NAN,
            _ => 0.0,
        }
    };
    let par = opts.parallelism.enabled(n);
    if opts.weighting == EdgeLength::Hops {
        // integer sums: the same bits as one search per node
        return reaches(g, opts.direction, par)
            .iter()
            .map(|r| score(r.distance_sum as f64, r.reached as usize))
            .collect();
    }
    map_sources(n, par, Sp::new, |sp, u| {
        sp.run(g, u, opts.direction, opts.weighting);
        let total: f64 = sp.order.iter().map(|&v| sp.d(v as usize, true)).sum();
        score(total, sp.order.len())
    })
}

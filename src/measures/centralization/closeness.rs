//! Closeness centralization.

use super::freeman;
use crate::measures::centrality::{ClosenessOptions, ClosenessScale, Parallelism, closeness};
use crate::measures::{Direction, EdgeLength};
use crate::model::Csr;

/// Freeman closeness centralization, with `sna`'s scores and theoretical maxima.
///
/// ```text
/// C_C = Σ_i (c* − c_i) / t_max
/// c_i = (n − 1) / Σ_{j ≠ i} d(i, j)     (0 when some d(i, j) = ∞)
/// t_max = (n−1)(n−2) / (2n−3)           undirected
/// t_max = (n−1)(1 − 1/n)                digraph (sna's value for cmode="directed")
/// ```
/// `d(i, j)` is the hop distance from `i` to `j` (out-ties on a digraph), `n` the
/// number of nodes, `c*` the largest `c_i`.
///
/// # Reference
/// Equals `sna::centralization(g, closeness, mode="graph"|"digraph")` (sna's
/// default `cmode="directed"`, read as `"undirected"` for a graph).
///
/// # Edge cases
/// On a disconnected graph (not strongly connected digraph) sna's closeness is
/// degenerate: a node that does not reach every other has an infinite distance
/// sum and closeness `(n−1)/∞ = 0`. sna then reports the centralization of
/// those zeros — 0 when no node reaches all others — and so does this function
/// (it does not switch to a reachable-only closeness). `None` when `n = 1`
/// (sna's 0/0) or the maximum is 0 (`n = 2` undirected).
///
/// # Complexity
/// `O(n (n + m))`, parallel over nodes.
///
/// ```
/// use coprod::measures::centralization::closeness_centralization;
/// use coprod::model::{Aggregation, Csr};
/// let star = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// assert!((closeness_centralization(&star).unwrap() - 1.0).abs() < 1e-12);
/// ```
///
/// # References
/// Freeman, L. C. (1978). Centrality in social networks: conceptual
/// clarification. *Social Networks* 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7
pub fn closeness_centralization(g: &Csr) -> Option<f64> {
    let n = g.node_count() as f64;
    let c = closeness(
        g,
        &ClosenessOptions {
            direction: Direction::Out,
            weighting: EdgeLength::Hops,
            scale: ClosenessScale::Sna,
            parallelism: Parallelism::Auto,
        },
    );
    let t_max = if g.is_directed() {
        (n - 1.0) * (1.0 - 1.0 / n)
    } else {
        (n - 2.0) * (n - 1.0) / (2.0 * n - 3.0)
    };
    freeman(&c, t_max)
}

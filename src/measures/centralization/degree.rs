//! Degree centralization.

use super::freeman;
use crate::measures::Direction;
use crate::measures::centrality::{DegreeOptions, DegreeScale, Weights, degree};
use crate::model::Csr;

/// Freeman degree centralization, with `sna`'s theoretical maxima.
///
/// ```text
/// C_D = Σ_i (d* − d_i) / t_max
/// t_max = (n−1)(n−2)                        undirected
/// t_max = (n−1)²                            digraph, in- or out-degree
/// t_max = (n−1)(2(n−1) − 2)                 digraph, total (in + out) degree
/// ```
/// `d_i` is the raw degree of node `i` ([`Direction::In`], [`Direction::Out`],
/// or [`Direction::All`] = in + out on a digraph; ignored when undirected),
/// `d*` its maximum, `n` the number of nodes.
///
/// # Reference
/// Equals `sna::centralization(g, degree, mode="graph")` on an undirected graph
/// and `sna::centralization(g, degree, mode="digraph", cmode="indegree" |
/// "outdegree" | "freeman")` for `In`, `Out`, `All`. Weights are ignored (sna's
/// maxima assume a dichotomous graph).
///
/// # Edge cases
/// `None` when the maximum is 0: `n ≤ 2` undirected, `n ≤ 1` (in/out) or
/// `n ≤ 2` (total) on a digraph.
///
/// # Complexity
/// `O(n)`.
///
/// ```
/// use coprod::measures::centralization::degree_centralization;
/// use coprod::measures::Direction;
/// use coprod::model::{Aggregation, Csr};
/// let star = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(degree_centralization(&star, Direction::All), Some(1.0));
/// ```
///
/// # References
/// Freeman, L. C. (1978). Centrality in social networks: conceptual
/// clarification. *Social Networks* 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7
pub fn degree_centralization(g: &Csr, direction: Direction) -> Option<f64> {
    let n = g.node_count() as f64;
    let d = degree(
        g,
        &DegreeOptions {
            direction,
            weights: Weights::Ignore,
            scale: DegreeScale::Raw,
        },
    );
    let t_max = match (g.is_directed(), direction) {
        (false, _) => (n - 1.0) * (n - 2.0),
        (true, Direction::All) => (n - 1.0) * (2.0 * (n - 1.0) - 2.0),
        (true, _) => (n - 1.0) * (n - 1.0),
    };
    freeman(&d, t_max)
}

//! Betweenness centralization.

use super::freeman;
use crate::measures::centrality::{BetweennessOptions, BetweennessScale, betweenness};
use crate::model::Csr;
use crate::progress::Progress;

/// Freeman betweenness centralization, with `sna`'s theoretical maxima.
///
/// ```text
/// C_B = Σ_i (b* − b_i) / t_max
/// t_max = (n−1)²(n−2) / 2      undirected
/// t_max = (n−1)²(n−2)          digraph
/// ```
/// `b_i` is the raw betweenness of node `i` (unordered pairs if undirected,
/// ordered if directed; hop distances), `b*` its maximum, `n` the number of nodes.
///
/// # Reference
/// Equals `sna::centralization(g, betweenness, mode="graph"|"digraph")`; the
/// same maxima as igraph's `centr_betw_tmax`.
///
/// # Edge cases
/// `None` when `n < 3` (the maximum is 0).
///
/// # Complexity
/// `O(n m)`, parallel over sources.
///
/// ```
/// use coprod::measures::centralization::betweenness_centralization;
/// use coprod::model::{Aggregation, Csr};
/// let star = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(betweenness_centralization(&star), Some(1.0));
/// ```
///
/// # References
/// Freeman, L. C. (1977). A set of measures of centrality based on
/// betweenness. *Sociometry* 40(1), 35–41. doi:10.2307/3033543
pub fn betweenness_centralization(g: &Csr) -> Option<f64> {
    let b = betweenness(
        g,
        &BetweennessOptions {
            scale: BetweennessScale::Raw,
            progress: Progress::Hidden,
            ..Default::default()
        },
    );
    betweenness_centralization_from(g, &b)
}

/// [`betweenness_centralization`] from raw betweenness scores already
/// computed (`betweenness(g, scale: Raw)`, any parallelism: the same bits),
/// so a caller that needs both runs Brandes once. `raw` must be those scores
/// of `g`; the result then equals [`betweenness_centralization`]`(g)` exactly.
///
/// ```
/// use coprod::measures::centrality::{BetweennessOptions, BetweennessScale, betweenness};
/// use coprod::measures::centralization::{betweenness_centralization, betweenness_centralization_from};
/// use coprod::model::{Aggregation, Csr};
/// let g = Csr::from_edges(4, true, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// let raw = betweenness(&g, &BetweennessOptions { scale: BetweennessScale::Raw, ..Default::default() });
/// assert_eq!(betweenness_centralization_from(&g, &raw), betweenness_centralization(&g));
/// ```
///
/// Complexity: `O(n)`.
pub fn betweenness_centralization_from(g: &Csr, raw: &[f64]) -> Option<f64> {
    let n = g.node_count() as f64;
    let t_max = (n - 1.0) * (n - 1.0) * (n - 2.0) / if g.is_directed() { 1.0 } else { 2.0 };
    freeman(raw, t_max)
}

//! Eigenvector centralization.

use super::freeman;
use crate::error::Result;
use crate::measures::Direction;
use crate::measures::centrality::{EigenvectorOptions, eigenvector};
use crate::model::Csr;

/// Freeman eigenvector centralization, with `sna`'s scores and theoretical maxima.
///
/// ```text
/// C_E = Σ_i (x* − x_i) / t_max
/// t_max = √2/2 · (n − 2)      undirected
/// t_max = n − 1               digraph
/// ```
/// `x` is the principal eigenvector of the (dichotomised) adjacency matrix
/// with Euclidean norm 1, `x_i = (1/λ) Σ_j a_ij x_j` (sna's right eigenvector:
/// out-ties on a digraph), `x*` its maximum, `n` the number of nodes.
///
/// # Reference
/// Equals `sna::centralization(g, evcent, mode="graph"|"digraph")` where sna's
/// power iteration is well-posed (a simple principal eigenvalue, strictly
/// dominant in modulus); validated within 1e-6 (tolerance of the solver 1e-12).
/// igraph's `centr_eigen` scales the vector to maximum 1 and uses `n − 2`
/// (undirected) as maximum instead.
///
/// # Edge cases
/// `None` when `n ≤ 2` undirected (maximum 0). On a bipartite graph sna's
/// unshifted iteration oscillates; the shifted iteration used here converges,
/// so the value there is the limit sna would have if it converged.
///
/// # Errors
/// As [`eigenvector`]: an empty graph, or no convergence.
///
/// # Complexity
/// `O(k (n + m))` for `k` iterations.
///
/// ```
/// use coprod::measures::centralization::eigenvector_centralization;
/// use coprod::model::{Aggregation, Csr};
/// let tri = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// assert!(eigenvector_centralization(&tri).unwrap().unwrap().abs() < 1e-9);
/// ```
///
/// # References
/// Bonacich, P. (1972). Factoring and weighting approaches to status scores and
/// clique identification. *J. Math. Sociology* 2(1), 113–120.
/// doi:10.1080/0022250X.1972.9989806
pub fn eigenvector_centralization(g: &Csr) -> Result<Option<f64>> {
    let n = g.node_count() as f64;
    let x = eigenvector(
        g,
        &EigenvectorOptions {
            direction: Direction::Out,
            ..Default::default()
        },
    )?;
    let t_max = if g.is_directed() {
        n - 1.0
    } else {
        std::f64::consts::FRAC_1_SQRT_2 * (n - 2.0)
    };
    Ok(freeman(&x, t_max))
}

//! Burt's hierarchy: how concentrated an actor's constraint is on a few contacts.

use super::structural_holes::{StructuralHolesOptions, local_constraints};
use crate::model::Csr;

/// Burt's hierarchy of every node: the Coleman–Theil disorder of its local constraints.
///
/// # Definition
/// ```text
/// N(u)   contacts of u other than u (in- and out-neighbours), N = |N(u)|
/// c_uv   local constraint ℓ(u, v) of [`local_constraint`](super::local_constraint)
/// c_u    = Σ_{v ∈ N(u)} c_uv,          C = c_u / N   (mean local constraint)
/// r_v    = c_uv / C
/// H(u)   = Σ_{v ∈ N(u)} r_v ln r_v / (N ln N)
/// ```
/// with `0 ln 0 = 0`. `H = 0` when the constraint is spread evenly over the
/// contacts, `H = 1` when one contact holds all of it; `H ∈ [0, 1]`.
/// Burt (1992, pp. 70–71) calls this the hierarchy of constraint. The local
/// constraints are NetworkX's (mutual weights, [`Weights`](super::Weights)
/// option), so `c_u` is `networkx.constraint` on a graph without self-loops
/// (a self-loop's own term is not a contact and is left out of `c_u` here).
///
/// No open-source reference implementation ships this measure; it is checked
/// against hand computations in the tests.
///
/// # Edge cases
/// `NaN` when `N < 2` (isolates: no contacts; one contact: `0 / (1 · ln 1)`).
///
/// # Complexity
/// As [`constraint`](super::constraint).
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{burt_hierarchy, StructuralHolesOptions};
/// use coprod::model::{Aggregation, Csr};
/// // A star: the centre's constraint is spread evenly, so H = 0.
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// let h = burt_hierarchy(&g, &StructuralHolesOptions::default());
/// assert_eq!(h[0], 0.0);
/// assert!(h[1].is_nan());
/// ```
///
/// # References
/// Burt, R. S. (1992). *Structural Holes: The Social Structure of
/// Competition.* Harvard University Press, pp. 70–71.
pub fn burt_hierarchy(graph: &Csr, options: &StructuralHolesOptions) -> Vec<f64> {
    let lc = local_constraints(graph, options);
    (0..graph.node_count())
        .map(|u| {
            let (contacts, values) = lc.of(u);
            let alters = || {
                contacts
                    .iter()
                    .zip(values)
                    .filter(move |&(&v, _)| v as usize != u)
                    .map(|(_, &c)| c)
            };
            let n = alters().count();
            if n < 2 {
                return f64::NAN;
            }
            let nf = n as f64;
            let mean = alters().sum::<f64>() / nf;
            let disorder: f64 = alters()
                .map(|c| c / mean)
                .filter(|&r| r > 0.0)
                .map(|r| r * r.ln())
                .sum();
            disorder / (nf * nf.ln())
        })
        .collect()
}

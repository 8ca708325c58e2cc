//! Overlapping degree, active layers and the multiplex participation coefficient.

use super::{check_layers, degree_in};
use crate::error::{Error, Result};
use crate::measures::Direction;
use crate::model::Csr;

/// Options of the degree-based multiplex measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DegreeOptions {
    /// Which ties of a directed layer count: out, in, or both (out + in, as
    /// multinet's `mode = "all"` and NetworkX's `DiGraph.degree`). Ignored for
    /// undirected layers.
    pub direction: Direction,
}

/// Overlapping (multiplex) degree: each node's degree summed over the layers.
///
/// ```text
/// o_i = sum_a k_i^a
/// ```
///
/// `k_i^a` is the degree of node `i` in layer `a` (number of distinct
/// neighbours in a merged [`Csr`]; out, in or out + in per
/// [`DegreeOptions::direction`] in a directed layer). A self-loop counts once.
///
/// Equals multinet's `degree_ml(net, actors, layers, mode)` (uunet
/// `degree`) when every actor is a vertex of every layer; on one layer it is
/// the plain degree (`networkx.Graph.degree`).
///
/// Edge cases: an isolate has 0.
///
/// Complexity: `O(n L)` (degrees are stored).
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{multiplex_degree, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let o = multiplex_degree(&[a, b], &DegreeOptions::default()).unwrap();
/// assert_eq!(o, [2.0, 3.0, 1.0]);
/// ```
///
/// References: Battiston, Nicosia & Latora (2014), *Structural measures for
/// multiplex networks*, Phys. Rev. E 89, 032804, DOI 10.1103/PhysRevE.89.032804.
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's.
pub fn multiplex_degree(layers: &[Csr], opts: &DegreeOptions) -> Result<Vec<f64>> {
    let (n, _) = check_layers(layers)?;
    Ok((0..n)
        .map(|u| {
            layers
                .iter()
                .map(|l| degree_in(l, u, opts.direction))
                .sum::<usize>() as f64
        })
        .collect())
}

/// Number of layers in which each node has at least one tie (is "active").
///
/// ```text
/// B_i = #{ a : k_i^a > 0 }
/// ```
///
/// with `k_i^a` as in [`multiplex_degree`] (so with [`Direction::Out`] a node
/// that only receives ties in a layer is not active there).
///
/// Edge cases: 0 for a node isolated in every layer. Complexity: `O(n L)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{active_layers, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// assert_eq!(active_layers(&[a, b], &DegreeOptions::default()).unwrap(), [2.0, 2.0, 1.0]);
/// ```
///
/// References: Battiston, Nicosia & Latora (2014), DOI 10.1103/PhysRevE.89.032804
/// (the node activity `B_i`).
///
/// # Errors
/// As [`multiplex_degree`]:
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's.
pub fn active_layers(layers: &[Csr], opts: &DegreeOptions) -> Result<Vec<f64>> {
    let (n, _) = check_layers(layers)?;
    Ok((0..n)
        .map(|u| {
            layers
                .iter()
                .filter(|l| degree_in(l, u, opts.direction) > 0)
                .count() as f64
        })
        .collect())
}

/// The multiplex participation coefficient of each node.
///
/// ```text
/// P_i = M / (M - 1) * [ 1 - sum_a (k_i^a / o_i)^2 ]
/// ```
///
/// `M` is the number of layers, `k_i^a` the degree of `i` in layer `a` and
/// `o_i = sum_a k_i^a` its overlapping degree ([`multiplex_degree`]). `P_i = 0`
/// when all of `i`'s ties lie in one layer, `1` when they are spread evenly
/// over all `M` layers; it lies in `[0, 1]`.
///
/// No open tool ships this measure (it is Battiston et al.'s eq. 9); the tests
/// compare it with the formula evaluated by `scripts/reference/structure.py`.
///
/// Edge cases: `NaN` for a node with `o_i = 0` (isolated in every layer).
///
/// Complexity: `O(n M)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{participation_coefficient, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let p = participation_coefficient(&[a, b], &DegreeOptions::default()).unwrap();
/// // node 0: one tie in each layer -> 1; node 2: only in layer a -> 0;
/// // node 1: k = (2, 1), o = 3 -> 2 * (1 - 4/9 - 1/9) = 8/9
/// assert_eq!(p[0], 1.0);
/// assert!((p[1] - 8.0 / 9.0).abs() < 1e-12);
/// assert_eq!(p[2], 0.0);
/// ```
///
/// References: Battiston, Nicosia & Latora (2014), *Structural measures for
/// multiplex networks*, Phys. Rev. E 89, 032804, DOI 10.1103/PhysRevE.89.032804.
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's.
/// [`Error::InvalidParameter`] (`layers`) also for a single layer
/// (`M / (M - 1)` is undefined).
pub fn participation_coefficient(layers: &[Csr], opts: &DegreeOptions) -> Result<Vec<f64>> {
    let (n, _) = check_layers(layers)?;
    let m = layers.len();
    if m < 2 {
        return Err(Error::InvalidParameter {
            name: "layers",
            reason: format!("{m} given; the participation coefficient needs at least two"),
        });
    }
    let factor = m as f64 / (m - 1) as f64;
    Ok((0..n)
        .map(|u| {
            let o: usize = layers.iter().map(|l| degree_in(l, u, opts.direction)).sum();
            if o == 0 {
                return f64::NAN;
            }
            let o = o as f64;
            let s: f64 = layers
                .iter()
                .map(|l| {
                    let x = degree_in(l, u, opts.direction) as f64 / o;
                    x * x
                })
                .sum();
            (factor * (1.0 - s)).clamp(0.0, 1.0)
        })
        .collect())
}

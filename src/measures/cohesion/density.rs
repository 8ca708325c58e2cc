//! Density, reciprocity and the dyad census.

use crate::measures::Weights;
use crate::model::Csr;

/// Options for [`density`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DensityOptions {
    /// Count ties or sum their weights.
    pub value: Weights,
}

/// The share of possible ties that are present.
///
/// ```text
/// directed:   D = L / (n (n - 1))
/// undirected: D = 2 L / (n (n - 1))
/// ```
/// `n` nodes; `L` the number of ties (arcs if directed, edges if undirected)
/// between distinct nodes, or with [`Weights::Strength`] the sum of their weights.
///
/// Equals `networkx.density(G)`, `igraph Graph.density(loops=False)` and
/// `sna::gden(A, mode)` (dichotomised `A`, or valued `A` for
/// [`Weights::Strength`]) on graphs without self-loops. Self-loops are ignored
/// here, as `sna` does; NetworkX and igraph would count them in `L`.
///
/// Edge cases: `None` when `n < 2` (NetworkX returns 0 there).
///
/// Complexity: `O(n + m)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{density, DensityOptions};
/// // a path 0 - 1 - 2: 2 of 3 possible edges
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(density(&g, &DensityOptions::default()), Some(2.0 / 3.0));
/// ```
pub fn density(g: &Csr, opts: &DensityOptions) -> Option<f64> {
    let n = g.node_count();
    if n < 2 {
        return None;
    }
    // every arc between distinct nodes; an undirected edge appears twice
    let total: f64 = g
        .arcs()
        .filter(|&(u, v, _)| u != v)
        .map(|(_, _, w)| match opts.value {
            Weights::Ignore => 1.0,
            Weights::Strength => w,
        })
        .sum();
    Some(total / (n as f64 * (n as f64 - 1.0)))
}

/// The dyad census: unordered pairs of distinct nodes by their ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DyadCensus {
    /// Pairs with ties both ways (every adjacent pair, if undirected).
    pub mutual: u64,
    /// Pairs with a tie one way only.
    pub asymmetric: u64,
    /// Pairs with no tie.
    pub null: u64,
}

/// Count mutual, asymmetric and null dyads (self-loops ignored).
///
/// Equals `sna::dyad.census(A)` (`Mut`, `Asym`, `Null`); an undirected graph
/// is read as its symmetric adjacency matrix (every edge a mutual dyad), as
/// `sna` reads it.
///
/// Complexity: `O(n + m log Δ)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::dyad_census;
/// // 0 <-> 1, 1 -> 2
/// let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let c = dyad_census(&g);
/// assert_eq!((c.mutual, c.asymmetric, c.null), (1, 1, 1));
/// ```
pub fn dyad_census(g: &Csr) -> DyadCensus {
    let n = g.node_count() as u64;
    let (mut arcs, mut mutual2) = (0u64, 0u64);
    for (u, v, _) in g.arcs() {
        if u == v {
            continue;
        }
        arcs += 1;
        if g.has_edge(v as usize, u as usize) {
            mutual2 += 1;
        }
    }
    let mutual = mutual2 / 2;
    let asymmetric = arcs - mutual2;
    let pairs = n * n.saturating_sub(1) / 2;
    DyadCensus {
        mutual,
        asymmetric,
        null: pairs - mutual - asymmetric,
    }
}

/// Which reciprocity index [`reciprocity`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReciprocityMeasure {
    /// Share of arcs whose reverse is present: `2M / (2M + A)`.
    /// `networkx.overall_reciprocity`, igraph `reciprocity(mode="default")`,
    /// `sna::grecip(measure="edgewise")`.
    #[default]
    Edgewise,
    /// Share of dyads that are symmetric (mutual or null): `(M + N) / (M + A + N)`.
    /// `sna::grecip(measure="dyadic")`.
    Dyadic,
    /// Share of non-null dyads that are mutual: `M / (M + A)`.
    /// `sna::grecip(measure="dyadic.nonnull")`, igraph `reciprocity(mode="ratio")`.
    DyadicNonNull,
}

/// Options for [`reciprocity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReciprocityOptions {
    /// The index.
    pub measure: ReciprocityMeasure,
}

/// Graph reciprocity from the dyad census.
///
/// ```text
/// edgewise       r = 2M / (2M + A)
/// dyadic         r = (M + N) / (M + A + N)
/// dyadic.nonnull r = M / (M + A)
/// ```
/// `M`, `A`, `N`: mutual, asymmetric and null dyads ([`dyad_census`]).
///
/// Equals, per [`ReciprocityMeasure`], `networkx.overall_reciprocity(G)` and
/// igraph `reciprocity(ignore_loops=True, mode="default")` (edgewise),
/// `sna::grecip(A, measure=...)` for all three, igraph `mode="ratio"`
/// (dyadic.nonnull). Self-loops are ignored (igraph `ignore_loops=True`, sna);
/// NetworkX counts a loop as an unreciprocated arc. An undirected graph is
/// fully reciprocal.
///
/// Edge cases: `None` when the denominator is 0 (no ties, or for dyadic `n < 2`);
/// NetworkX raises an error there.
///
/// Complexity: `O(n + m log Δ)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{reciprocity, ReciprocityOptions};
/// // 0 <-> 1, 1 -> 2: 2 of 3 arcs reciprocated
/// let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(reciprocity(&g, &ReciprocityOptions::default()), Some(2.0 / 3.0));
/// ```
pub fn reciprocity(g: &Csr, opts: &ReciprocityOptions) -> Option<f64> {
    let c = dyad_census(g);
    let (m, a, n) = (c.mutual as f64, c.asymmetric as f64, c.null as f64);
    let (num, den) = match opts.measure {
        ReciprocityMeasure::Edgewise => (2.0 * m, 2.0 * m + a),
        ReciprocityMeasure::Dyadic => (m + n, m + a + n),
        ReciprocityMeasure::DyadicNonNull => (m, m + a),
    };
    (den > 0.0).then(|| num / den)
}

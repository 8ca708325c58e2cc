//! Measures of co-production networks, by family.
//!
//! Every measure is a free function over a [`Csr`](crate::model::Csr) snapshot
//! (take one from a [`View`](crate::model::View)); per-actor results are
//! `Vec<f64>` in the snapshot's dense-index order, which
//! [`View::ids`](crate::model::View::ids) names. A per-actor value that is
//! undefined is `NaN` (documented per measure); an undefined graph-level value
//! is `None`. Each measure's documentation names the reference implementation
//! and convention it equals, and the tests compare it with fixtures written by
//! `scripts/reference/`.

pub mod brokerage;
pub mod centrality;
pub mod centralization;
pub mod cohesion;
pub mod core_periphery;
pub mod multiplex;
pub mod parallel;
pub mod paths;

/// Which ties of a directed graph a measure follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Outgoing ties (`u → v` counts for `u`).
    #[default]
    Out,
    /// Incoming ties.
    In,
    /// Both, the graph read as undirected.
    All,
}

/// The length of a tie for a path-based measure (distances, closeness,
/// betweenness, efficiency, fragmentation). Measures that sum or count ties
/// read a weight as a strength instead: see [`Weights`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgeLength {
    /// Every tie has length 1: hop counts, weights ignored.
    #[default]
    Hops,
    /// The tie's weight is its length (a distance), as NetworkX's `weight=` / `distance=`.
    Weight,
}

pub use parallel::{PARALLEL_MIN_NODES, Parallelism};

/// Whether a tie's weight enters a measure that sums or counts ties (degree,
/// spectral measures, density, structural holes, matrices, core fit), where a
/// weight is a **strength**. Path-based measures read a weight as a *length*
/// instead: see [`EdgeLength`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weights {
    /// Every tie counts 1 (NetworkX `weight=None`, `sna` on the dichotomised matrix).
    #[default]
    Ignore,
    /// A tie counts its weight (NetworkX `weight="weight"`, `sna` `ignore.eval=FALSE`).
    Strength,
}

impl Weights {
    /// What a tie of weight `w` contributes: 1, or `w`.
    #[inline]
    pub fn value(self, w: f64) -> f64 {
        match self {
            Weights::Ignore => 1.0,
            Weights::Strength => w,
        }
    }
}

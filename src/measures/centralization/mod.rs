//! Freeman centralization: how much one actor dominates a network.
//!
//! ```text
//! C = Σ_i (c* − c_i) / max_G Σ_i (c*(G) − c_i(G))
//! ```
//! `c_i` is a node-level centrality, `c*` its maximum, and the denominator the
//! largest value the numerator takes over all graphs with the same number of
//! nodes (and the same directedness): the *theoretical maximum*. The functions
//! here use the node-level scores and maxima of R `sna`, so that each equals
//! `sna::centralization(g, FUN, mode=...)` (sna computes the maximum as
//! `FUN(g, tmaxdev=TRUE)`). A graph-level value is `None` when the maximum is
//! 0 (e.g. `n < 3` for betweenness) or a node-level score is undefined.
//!
//! igraph's `centr_*` functions use their own node scores (normalised
//! closeness, max-scaled eigenvector) and their own maxima (e.g. `n − 2` for
//! an undirected eigenvector centralization against sna's `√2/2 (n − 2)`,
//! and a different star for a digraph's total degree); they are not
//! reproduced here: [`freeman`] takes any maximum.

mod betweenness;
mod closeness;
mod degree;
mod eigenvector;
mod freeman;

pub use betweenness::betweenness_centralization;
pub use closeness::closeness_centralization;
pub use degree::degree_centralization;
pub use eigenvector::eigenvector_centralization;
pub use freeman::freeman;

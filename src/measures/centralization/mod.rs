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
//! ## igraph's `centr_*` functions
//!
//! igraph (C core 0.10/1.0, `centralization.c`) uses the same theoretical
//! maxima as sna for loop-free graphs — degree `(n−1)(n−2)` undirected,
//! `(n−1)²` in/out, `2(n−1)(n−2)` total; betweenness `(n−1)²(n−2)` (halved
//! undirected); closeness `(n−1)(1−1/n)` directed, `(n−1)(n−2)/(2n−3)`
//! undirected — but differs in two places:
//!
//! * closeness: igraph's node scores are its normalised reachable-only
//!   closeness `(r−1)/Σd` (NaN for an isolate), not sna's `(n−1)/Σd`-or-0, so
//!   the two agree on connected graphs only;
//! * eigenvector: igraph scales the vector to maximum 1 and uses `n − 2`
//!   (undirected) against sna's Euclidean norm 1 and `√2/2 (n − 2)`; both
//!   use `n − 1` for a digraph, and igraph follows in-ties there, sna out-ties.
//!
//! The shared fixtures hold no igraph centralization values, so igraph's
//! variants are not offered; [`freeman`] computes any of them from igraph's
//! node scores and maximum.

mod betweenness;
mod closeness;
mod degree;
mod eigenvector;
mod freeman;

pub use betweenness::betweenness_centralization;
pub use betweenness::betweenness_centralization_from;
pub use closeness::closeness_centralization;
pub use degree::degree_centralization;
pub use eigenvector::eigenvector_centralization;
pub use freeman::freeman;

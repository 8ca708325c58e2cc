//! Centrality of actors: who is central in a co-production network, by
//! ties (degree), by distance (closeness, harmonic), by brokerage of
//! shortest paths (betweenness), by spectral standing (eigenvector,
//! PageRank, Katz), and the group versions of degree, closeness and
//! betweenness (Everett & Borgatti 1999).
//!
//! Every function documents the reference implementation it equals
//! (NetworkX, igraph or R `sna`) and the option values that select the
//! other tools' conventions. Per-actor results are `Vec<f64>` in the
//! [`Csr`](crate::model::Csr)'s dense-index order.
//!
//! | reference call | here |
//! |---|---|
//! | `nx.degree_centrality(G)` / `in_` / `out_` | [`degree`] with `Direction::All` / `In` / `Out` |
//! | `sna::degree(g, cmode=...)` | [`degree`] with [`DegreeScale::Raw`] |
//! | `nx.closeness_centrality(G, wf_improved=True/False)` | [`closeness`] (`In`), [`ClosenessScale::WassermanFaust`] / [`ClosenessScale::Reachable`] |
//! | igraph `closeness(mode, normalized=True)` | [`closeness`], [`ClosenessScale::IgraphReachable`] |
//! | `sna::closeness(g, cmode="directed")` | [`closeness`] (`Out`), [`ClosenessScale::Sna`] |
//! | `nx.harmonic_centrality(G)` | [`harmonic`] (`In`) |
//! | igraph `harmonic_centrality(normalized=True)`, sna `suminvdir` | [`harmonic`], [`HarmonicScale::ByNMinusOne`] |
//! | `nx.betweenness_centrality(G, normalized, endpoints, weight)` | [`betweenness`] |
//! | `sna::betweenness(g)`, igraph `betweenness()` | [`betweenness`], [`BetweennessScale::Raw`] |
//! | `nx.betweenness_centrality(G)` within ε w.p. 1 − δ (Riondato–Kornaropoulos, KADABRA) | [`approx_betweenness`] |
//! | `nx.group_betweenness_centrality(G, C)` within ε w.p. 1 − δ | [`approx_group_betweenness`] |
//! | `nx.eigenvector_centrality(G)`, igraph (`scale=True`), `sna::evcent` | [`eigenvector`] (`In`; [`EigenvectorScale::Max`]; `Out`) |
//! | `nx.pagerank(G)`, igraph `pagerank()` | [`pagerank`] |
//! | `nx.katz_centrality(G, normalized=True)` | [`katz`] |
//! | `nx.group_degree_centrality` / `group_closeness_centrality` | [`group_degree`] / [`group_closeness`] |
//! | Everett–Borgatti group betweenness (`nx.group_betweenness_centrality` where NetworkX is right) | [`group_betweenness`] |
//!
//! All-pairs measures (closeness, harmonic, betweenness, group betweenness)
//! run over sources in parallel with rayon when the graph has at least
//! [`PARALLEL_MIN_NODES`] nodes ([`Parallelism::Auto`]); the sequential and
//! parallel paths are the same code and give bit-identical results.

mod approx_betweenness;
mod betweenness;
mod closeness;
mod degree;
mod eigenvector;
mod group;
mod harmonic;
mod katz;
mod pagerank;

pub use approx_betweenness::{
    ApproxBetweenness, ApproxBetweennessOptions, ApproxGroupBetweennessOptions, ApproxMethod,
    approx_betweenness, approx_group_betweenness, rk_sample_size, vertex_diameter_bound,
};
pub use betweenness::{BetweennessOptions, BetweennessScale, Endpoints, betweenness};
pub use closeness::{ClosenessOptions, ClosenessScale, closeness};
pub use degree::{DegreeOptions, DegreeScale, degree};
pub use eigenvector::{EigenvectorOptions, EigenvectorScale, eigenvector, eigenvector_is_defined};
pub use group::{
    GroupBetweennessOptions, GroupBetweennessScale, GroupClosenessOptions, group_betweenness,
    group_closeness, group_degree,
};
pub use harmonic::{HarmonicOptions, HarmonicScale, harmonic};
pub use katz::{KatzOptions, katz};
pub use pagerank::{PageRankNorm, PageRankOptions, pagerank};

pub(crate) use crate::measures::parallel::{map_sources, sum_sources};
pub use crate::measures::{PARALLEL_MIN_NODES, Parallelism, Weights};

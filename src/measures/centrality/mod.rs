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

mod betweenness;
mod closeness;
mod degree;
mod eigenvector;
mod group;
mod harmonic;
mod katz;
mod pagerank;

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
pub use pagerank::{PageRankOptions, pagerank};

pub use crate::measures::{PARALLEL_MIN_NODES, Parallelism, Weights};
use rayon::prelude::*;
use std::ops::Range;

/// `f(state, s)` for every source `s` in `0..n`, with one reusable `state` per
/// worker; in parallel when `par`. Each value depends on its source only, so
/// both paths give identical results.
pub(crate) fn map_sources<S, T, I, F>(n: usize, par: bool, init: I, f: F) -> Vec<T>
where
    T: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> T + Sync + Send,
{
    if par {
        (0..n)
            .into_par_iter()
            .map_init(&init, |s, u| f(s, u))
            .collect()
    } else {
        let mut s = init();
        (0..n).map(|u| f(&mut s, u)).collect()
    }
}

/// Sum over sources `0..n` of the contributions `f(state, s, acc)` adds into a
/// vector of `width` numbers. Sources are cut into at most 64 fixed chunks
/// (independent of the thread count), each chunk summed in source order and
/// the chunks added in order, so sequential and parallel runs are
/// bit-identical. Beyond 2^19 numbers per vector, chunks run in waves of
/// `8 × threads`, so that at most that many partial vectors are alive at once.
pub(crate) fn sum_sources<S, I, F>(n: usize, width: usize, par: bool, init: I, f: F) -> Vec<f64>
where
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &mut [f64]) + Sync + Send,
{
    let size = n.div_ceil(64).max(16);
    let chunks: Vec<Range<usize>> = (0..n).step_by(size).map(|a| a..(a + size).min(n)).collect();
    let run = |st: &mut S, r: Range<usize>| {
        let mut acc = vec![0.0; width];
        for s in r {
            f(st, s, &mut acc);
        }
        acc
    };
    let mut total = vec![0.0; width];
    let mut add = |p: Vec<f64>| {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    };
    if par {
        // all chunks at once up to 64 × 2^19 numbers (256 MiB), else in waves
        let wave = if width <= 1 << 19 {
            chunks.len().max(1)
        } else {
            8 * rayon::current_num_threads().max(1)
        };
        for group in chunks.chunks(wave) {
            let parts: Vec<Vec<f64>> = group.par_iter().cloned().map_init(&init, run).collect();
            parts.into_iter().for_each(&mut add);
        }
    } else {
        let mut st = init();
        for r in chunks {
            add(run(&mut st, r));
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sequential and parallel sums are bit-identical, including the waves
    /// used for vectors wider than 2^19.
    #[test]
    fn sum_sources_sequential_equals_parallel() {
        for (n, width) in [(1000, 7), (100, (1 << 19) + 3)] {
            let f = |_: &mut (), s: usize, acc: &mut [f64]| {
                for k in 0..5 {
                    acc[(s * 7919 + k * 104_729) % width] +=
                        1.0 / (s as f64 + 0.1 * k as f64 + 0.3);
                }
            };
            let seq = sum_sources(n, width, false, || (), f);
            let par = sum_sources(n, width, true, || (), f);
            assert!(seq == par, "n {n} width {width}");
            assert!(seq.iter().sum::<f64>() > 0.0);
        }
        let m = map_sources(500, true, Vec::<u8>::new, |_, s| s * 2);
        assert_eq!(m, (0..500).map(|s| s * 2).collect::<Vec<_>>());
    }
}

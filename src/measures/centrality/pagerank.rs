//! PageRank.

use super::Weights;
use crate::error::{Error, Result};
use crate::model::Csr;

/// Options of [`pagerank`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRankOptions {
    /// Damping factor `α` in `[0, 1)` (default 0.85).
    pub alpha: f64,
    /// Ties count 1 or their weight.
    pub weights: Weights,
    /// Convergence: stop when the change is below `tol` as [`norm`](Self::norm) measures it.
    pub tol: f64,
    /// How the change between two sweeps is measured.
    pub norm: PageRankNorm,
    /// Iteration limit.
    pub max_iter: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            alpha: 0.85,
            weights: Weights::Ignore,
            tol: 1e-13,
            norm: PageRankNorm::L1PerNode,
            max_iter: 10_000,
        }
    }
}

/// The stopping test of [`pagerank`]: how the change `Δ = x − x'` between two
/// sweeps is compared with `tol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageRankNorm {
    /// `Σ_i |Δ_i| < n · tol`: NetworkX's test (`networkx.pagerank(tol=…)`).
    #[default]
    L1PerNode,
    /// `√(Σ_i Δ_i²) ≤ tol`: NetworKit's default test
    /// (`networkit.centrality.PageRank(G, damp, tol)`, `Norm.L2_NORM`).
    L2,
}

/// PageRank of every node, with dangling nodes' rank spread uniformly.
///
/// ```text
/// x_v ← α ( Σ_{u → v} x_u a_uv / s_u  +  Σ_{u : s_u = 0} x_u / n ) + (1 − α) / n
/// ```
/// `a_uv` is 1 or the weight of the tie `u → v` (an undirected edge is a tie
/// both ways), `s_u = Σ_v a_uv` the out-strength, `n` the number of nodes;
/// iterated from `x = 1/n` until the change is below `tol`: by default
/// NetworkX's test, the L1 change below `n · tol`; with [`PageRankNorm::L2`]
/// NetworKit's, the L2 change at most `tol`.
///
/// # Reference
/// Equals `networkx.pagerank(G, alpha, personalization=None, weight=None)`
/// (`weight="weight"` with [`Weights::Strength`]) and igraph
/// `Graph.pagerank(damping=alpha)`; validated within 1e-9 with `tol = 1e-13`.
///
/// # Errors
/// [`Error::EmptyGraph`]; [`Error::InvalidParameter`] (`alpha`) for
/// `α ∉ [0, 1)` (NaN included); [`Error::NoConvergence`] when it does not
/// converge within `max_iter` (always, for `max_iter = 0` or `tol <= 0`).
///
/// # Complexity
/// `O(k (n + m))` for `k` iterations (`k ≈ log(tol) / log(α)`). From 2^15
/// nodes each sweep runs in parallel over fixed blocks of rows (pull over
/// the in-rows, so each row's sum is one thread's); the dangling mass and the
/// change are summed block by block in block order, so any number of
/// threads gives the same bits.
///
/// ```
/// use coprod::measures::centrality::{pagerank, PageRankOptions};
/// use coprod::model::{Aggregation, Csr};
/// // a 3-cycle: every node 1/3
/// let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)], Aggregation::Sum);
/// let x = pagerank(&g, &PageRankOptions::default()).unwrap();
/// assert!(x.iter().all(|v| (v - 1.0 / 3.0).abs() < 1e-12));
/// ```
///
/// # References
/// Brin, S. & Page, L. (1998). The anatomy of a large-scale hypertextual Web
/// search engine. *Computer Networks and ISDN Systems* 30(1–7), 107–117.
/// doi:10.1016/S0169-7552(98)00110-X
pub fn pagerank(g: &Csr, opts: &PageRankOptions) -> Result<Vec<f64>> {
    let n = g.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph);
    }
    if !(0.0..1.0).contains(&opts.alpha) {
        return Err(Error::InvalidParameter {
            name: "alpha",
            reason: format!("{} is not in [0, 1)", opts.alpha),
        });
    }
    let strength: Vec<f64> = (0..n)
        .map(|u| match opts.weights {
            Weights::Ignore => g.out_degree(u) as f64,
            Weights::Strength => g.out_weights(u).iter().sum(),
        })
        .collect();
    let inv: Vec<f64> = strength
        .iter()
        .map(|&s| if s != 0.0 { 1.0 / s } else { 0.0 })
        .collect();
    let nf = n as f64;
    let par = n >= PARALLEL_MIN_NODES;
    let mut x = vec![1.0 / nf; n];
    let mut share = vec![0.0; n];
    let mut y = vec![0.0; n];
    let l2 = opts.norm == PageRankNorm::L2;
    for _ in 0..opts.max_iter {
        let dangling = chunked_sum(&mut share, par, |a, sh| {
            let mut d = 0.0;
            for (i, s) in sh.iter_mut().enumerate() {
                let u = a + i;
                *s = x[u] * inv[u];
                if strength[u] == 0.0 {
                    d += x[u];
                }
            }
            d
        });
        let base = opts.alpha * dangling / nf + (1.0 - opts.alpha) / nf;
        let err = chunked_sum(&mut y, par, |a, ys| {
            let mut err = 0.0;
            for (i, yv) in ys.iter_mut().enumerate() {
                let v = a + i;
                let mut s = 0.0;
                match opts.weights {
                    Weights::Ignore => {
                        for &u in g.in_neighbors(v) {
                            s += share[u as usize];
                        }
                    }
                    Weights::Strength => {
                        for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                            s += share[u as usize] * w;
                        }
                    }
                }
                *yv = opts.alpha * s + base;
                let d = x[v] - *yv;
                err += if l2 { d * d } else { d.abs() };
            }
            err
        });
        std::mem::swap(&mut x, &mut y);
        let done = if l2 {
            err.sqrt() <= opts.tol
        } else {
            err < nf * opts.tol
        };
        if done {
            return Ok(x);
        }
    }
    Err(Error::NoConvergence {
        method: "pagerank",
        iterations: opts.max_iter,
        hint: format!("tol {}", opts.tol),
    })
}

/// From this many nodes [`pagerank`] runs its sweeps in parallel.
const PARALLEL_MIN_NODES: usize = 1 << 15;

/// Rows per work unit: fixed, so the cut does not depend on the threads.
const ROWS: usize = 1 << 12;

/// `f(start, chunk)` over `v` cut into fixed chunks of [`ROWS`] entries (in
/// parallel when `par`), returning the sum of the chunks' results added in
/// chunk order: the same bits with any number of threads.
fn chunked_sum<F>(v: &mut [f64], par: bool, f: F) -> f64
where
    F: Fn(usize, &mut [f64]) -> f64 + Sync + Send,
{
    use rayon::prelude::*;
    let parts: Vec<f64> = if par {
        v.par_chunks_mut(ROWS)
            .enumerate()
            .map(|(k, c)| f(k * ROWS, c))
            .collect()
    } else {
        v.chunks_mut(ROWS)
            .enumerate()
            .map(|(k, c)| f(k * ROWS, c))
            .collect()
    };
    parts.into_iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One and two threads give the same bits on a graph past the parallel
    /// threshold, with dangling nodes (a sparse digraph has sinks).
    #[test]
    fn one_and_two_threads_agree() {
        let g = crate::generate::gnm(PARALLEL_MIN_NODES + 17, 60_000, true, 3).unwrap();
        assert!((0..g.node_count()).any(|u| g.out_degree(u) == 0));
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| pagerank(&g, &PageRankOptions::default()).unwrap())
        };
        let (a, b) = (run(1), run(2));
        assert_eq!(a, b);
        assert!((a.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}

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
    /// Convergence: stop when `Σ_i |x_i − x'_i| < n · tol` (NetworkX's test).
    pub tol: f64,
    /// Iteration limit.
    pub max_iter: usize,
}

impl Default for PageRankOptions {
    fn default() -> Self {
        PageRankOptions {
            alpha: 0.85,
            weights: Weights::Ignore,
            tol: 1e-13,
            max_iter: 10_000,
        }
    }
}

/// PageRank of every node, with dangling nodes' rank spread uniformly.
///
/// ```text
/// x_v ← α ( Σ_{u → v} x_u a_uv / s_u  +  Σ_{u : s_u = 0} x_u / n ) + (1 − α) / n
/// ```
/// `a_uv` is 1 or the weight of the tie `u → v` (an undirected edge is a tie
/// both ways), `s_u = Σ_v a_uv` the out-strength, `n` the number of nodes;
/// iterated from `x = 1/n` until the L1 change is below `n · tol`.
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
/// `O(k (n + m))` for `k` iterations (`k ≈ log(tol) / log(α)`).
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
    let mut x = vec![1.0 / nf; n];
    let mut share = vec![0.0; n];
    let mut y = vec![0.0; n];
    for _ in 0..opts.max_iter {
        for u in 0..n {
            share[u] = x[u] * inv[u];
        }
        let dangling: f64 = (0..n).filter(|&u| strength[u] == 0.0).map(|u| x[u]).sum();
        let base = opts.alpha * dangling / nf + (1.0 - opts.alpha) / nf;
        for (v, yv) in y.iter_mut().enumerate() {
            let mut s = 0.0;
            for (&u, &w) in g.in_neighbors(v).iter().zip(g.in_weights(v)) {
                s += match opts.weights {
                    Weights::Ignore => share[u as usize],
                    Weights::Strength => share[u as usize] * w,
                };
            }
            *yv = opts.alpha * s + base;
        }
        let err: f64 = x.iter().zip(&y).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut y);
        if err < nf * opts.tol {
            return Ok(x);
        }
    }
    Err(Error::NoConvergence {
        method: "pagerank",
        iterations: opts.max_iter,
        hint: format!("tol {}", opts.tol),
    })
}

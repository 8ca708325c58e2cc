//! Katz centrality.

use super::Weights;
use super::eigenvector::pull;
use crate::error::{Error, Result};
use crate::measures::Direction;
use crate::model::Csr;

/// Options of [`katz`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KatzOptions {
    /// Attenuation `α`; the series converges when `α < 1/λ_max` (default 0.1).
    pub alpha: f64,
    /// Exogenous score `β` of every node (default 1).
    pub beta: f64,
    /// Ties count 1 or their weight.
    pub weights: Weights,
    /// Scale to Euclidean norm 1 (NetworkX `normalized=True`, the default).
    pub normalized: bool,
    /// Convergence: stop when `Σ_i |x_i − x'_i| < n · tol` (NetworkX's test).
    pub tol: f64,
    /// Iteration limit.
    pub max_iter: usize,
}

impl Default for KatzOptions {
    fn default() -> Self {
        KatzOptions {
            alpha: 0.1,
            beta: 1.0,
            weights: Weights::Ignore,
            normalized: true,
            tol: 1e-13,
            max_iter: 10_000,
        }
    }
}

/// Katz centrality: attenuated counts of walks ending at each node.
///
/// ```text
/// x_v ← α Σ_{u → v} a_uv x_u + β        from x = 0, then x / ‖x‖₂ if normalized
/// ```
/// `a_uv` is 1 or the weight of the tie `u → v` (in-ties: a node is central when
/// central nodes point to it), `α` the attenuation, `β` the exogenous score;
/// stops when the L1 change is below `n · tol`.
///
/// # Reference
/// Equals `networkx.katz_centrality(G, alpha, beta, normalized=True)`
/// (`weight="weight"` with [`Weights::Strength`]); validated within 1e-9 with `tol = 1e-13`.
///
/// # Errors
/// [`Error::EmptyGraph`]; [`Error::InvalidParameter`] for `α` not in
/// `(0, ∞)`, a `β` that is not finite or a `tol` not in `(0, ∞)`
/// (NetworkX does not check them: it iterates to `max_iter` and raises
/// `PowerIterationFailedConvergence`); [`Error::NoConvergence`] when the
/// iteration does not converge (`α ≥ 1/λ_max`: the series diverges).
///
/// # Complexity
/// `O(k (n + m))` for `k` iterations.
///
/// ```
/// use coprod::measures::centrality::{katz, KatzOptions};
/// use coprod::model::{Aggregation, Csr};
/// // 0 -> 1: x = (β, αβ + β) = (1, 1.1), normalised
/// let g = Csr::from_edges(2, true, &[(0, 1, 1.0)], Aggregation::Sum);
/// let opts = KatzOptions { normalized: false, ..Default::default() };
/// let x = katz(&g, &opts).unwrap();
/// assert!((x[0] - 1.0).abs() < 1e-12 && (x[1] - 1.1).abs() < 1e-12);
/// let nan = KatzOptions { alpha: f64::NAN, ..Default::default() };
/// assert!(katz(&g, &nan).unwrap_err().to_string().contains("alpha"));
/// ```
///
/// # References
/// Katz, L. (1953). A new status index derived from sociometric analysis.
/// *Psychometrika* 18(1), 39–43. doi:10.1007/BF02289026
pub fn katz(g: &Csr, opts: &KatzOptions) -> Result<Vec<f64>> {
    let n = g.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph);
    }
    let bad = |name, reason: String| Err(Error::InvalidParameter { name, reason });
    if !(opts.alpha.is_finite() && opts.alpha > 0.0) {
        return bad(
            "alpha",
            format!("{}; the attenuation must be > 0 and finite", opts.alpha),
        );
    }
    if !opts.beta.is_finite() {
        return bad(
            "beta",
            format!("{}; the exogenous score must be finite", opts.beta),
        );
    }
    if !(opts.tol.is_finite() && opts.tol > 0.0) {
        return bad(
            "tol",
            format!("{}; the tolerance must be > 0 and finite", opts.tol),
        );
    }
    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    for _ in 0..opts.max_iter {
        y.iter_mut().for_each(|v| *v = 0.0);
        pull(g, Direction::In, opts.weights, &x, &mut y);
        y.iter_mut().for_each(|v| *v = opts.alpha * *v + opts.beta);
        let err: f64 = x.iter().zip(&y).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut y);
        if !err.is_finite() {
            break;
        }
        if err < n as f64 * opts.tol {
            if opts.normalized {
                let norm = x.iter().map(|v| v * v).sum::<f64>().sqrt();
                if norm != 0.0 {
                    x.iter_mut().for_each(|v| *v /= norm);
                }
            }
            return Ok(x);
        }
    }
    Err(Error::NoConvergence {
        method: "katz",
        iterations: opts.max_iter,
        hint: format!("alpha {} may exceed 1/λ_max", opts.alpha),
    })
}

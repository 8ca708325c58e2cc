//! Exact mode for tiny networks: every network on the free dyads enumerated.
//!
//! With m free dyads there are 2^m networks. Enumerating them (in Gray-code
//! order, one toggle each, the statistics updated by change statistics)
//! gives the distribution of g(Y) exactly as counts c_s per distinct value s:
//!
//! ```text
//! κ(θ) = Σ_s c_s exp(θ · s)
//! ℓ(θ) = θ · g(y_obs) − log κ(θ)
//! ∇ℓ = g(y_obs) − E_θ(g(Y)),   ∇²ℓ = −Cov_θ(g(Y))
//! ```
//!
//! The MLE solves E_θ(g) = g(y_obs) by Newton's method on these exact
//! moments; it exists iff g(y_obs) lies in the relative interior of the
//! convex hull of the support (Barndorff-Nielsen 1978), which
//! [`ExactDistribution::mle`] checks along the direction Newton diverges in.
//! Standard errors: √diag Cov_θ̂(g)⁻¹. No reference tool is needed: this *is*
//! the definition, and the other estimators are tested against it.
//!
//! Limit: `max_dyads` (default 24, 16.7 million networks; 6 undirected
//! actors have 15 dyads, 7 have 21, 5 directed have 20, 6 directed 30).
//! Complexity: O(2^m · cost of a change statistic).

// Index loops over p × p matrices and rows read as the formulas do.
#![allow(clippy::needless_range_loop)]

use super::constraints::DyadMask;
use super::network::Network;
use super::terms::Model;
use crate::error::{Error, Result};
use crate::inference::linalg::{chol_inverse, chol_solve, cholesky};
use std::collections::BTreeMap;

/// The default largest number of free dyads enumerated.
pub const MAX_DYADS: usize = 24;

/// The exact distribution of the statistics under the uniform measure on
/// the networks the mask allows.
#[derive(Debug, Clone)]
pub struct ExactDistribution {
    /// Statistic names.
    pub names: Vec<String>,
    /// Distinct statistic vectors with their number of networks, sorted.
    pub support: Vec<(Vec<f64>, f64)>,
    /// g(y_obs).
    pub observed: Vec<f64>,
    /// Number of networks enumerated (2^m).
    pub networks: u64,
}

/// The key of a statistic vector: rounded to 1e-7 so that the same value
/// reached by different toggle paths (rounding errors of order 1e-13) merges.
fn key(s: &[f64]) -> Vec<i64> {
    s.iter().map(|x| (x * 1e7).round() as i64).collect()
}

impl ExactDistribution {
    /// Enumerate every network on the free dyads of `mask` (the fixed ones
    /// as in `net`).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when there are more than `max_dyads` free dyads.
    pub fn enumerate(
        model: &Model,
        net: &Network,
        mask: &DyadMask,
        max_dyads: usize,
    ) -> Result<Self> {
        let dyads = mask.free_dyads();
        let m = dyads.len();
        if m > max_dyads.min(40) {
            return Err(Error::InvalidParameter {
                name: "exact",
                reason: format!(
                    "{m} free dyads (2^{m} networks) exceed the {max_dyads} exact mode enumerates; use the MCMC-MLE"
                ),
            });
        }
        let p = model.len();
        let observed = model.statistics(net);
        let mut work = net.clone();
        for &(i, j) in &dyads {
            if work.has(i, j) {
                work.toggle(i, j);
            }
        }
        let mut s = model.statistics(&work);
        let mut counts: BTreeMap<Vec<i64>, (Vec<f64>, f64)> = BTreeMap::new();
        let mut delta = vec![0.0; p];
        let total: u64 = 1 << m;
        for k in 0..total {
            if k > 0 {
                let (i, j) = dyads[k.trailing_zeros() as usize];
                if work.has(i, j) {
                    work.toggle(i, j);
                    model.change(&work, i, j, &mut delta);
                    s.iter_mut().zip(&delta).for_each(|(a, d)| *a -= d);
                } else {
                    model.change(&work, i, j, &mut delta);
                    work.toggle(i, j);
                    s.iter_mut().zip(&delta).for_each(|(a, d)| *a += d);
                }
                // Refresh from the definition now and then, so rounding never accumulates.
                if k % 4096 == 0 {
                    s = model.statistics(&work);
                }
            }
            counts.entry(key(&s)).or_insert_with(|| (s.clone(), 0.0)).1 += 1.0;
        }
        Ok(ExactDistribution {
            names: model.names().to_vec(),
            support: counts.into_values().collect(),
            observed,
            networks: total,
        })
    }

    /// log κ(θ), the mean and the covariance of g under θ.
    pub fn moments(&self, theta: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
        let p = theta.len();
        let etas: Vec<f64> = self
            .support
            .iter()
            .map(|(s, c)| c.ln() + s.iter().zip(theta).map(|(a, b)| a * b).sum::<f64>())
            .collect();
        let mx = etas.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let w: Vec<f64> = etas.iter().map(|e| (e - mx).exp()).collect();
        let z: f64 = w.iter().sum();
        let mut mean = vec![0.0; p];
        for ((s, _), wi) in self.support.iter().zip(&w) {
            for a in 0..p {
                mean[a] += wi / z * s[a];
            }
        }
        let mut cov = vec![0.0; p * p];
        for ((s, _), wi) in self.support.iter().zip(&w) {
            for a in 0..p {
                for b in 0..p {
                    cov[a * p + b] += wi / z * (s[a] - mean[a]) * (s[b] - mean[b]);
                }
            }
        }
        (mx + z.ln(), mean, cov)
    }

    /// The exact log-likelihood ℓ(θ) of the observed network.
    pub fn loglik(&self, theta: &[f64]) -> f64 {
        let (lk, _, _) = self.moments(theta);
        self.observed
            .iter()
            .zip(theta)
            .map(|(a, b)| a * b)
            .sum::<f64>()
            - lk
    }

    /// The probability of each support point under θ (same order as `support`).
    pub fn probabilities(&self, theta: &[f64]) -> Vec<f64> {
        let (lk, _, _) = self.moments(theta);
        self.support
            .iter()
            .map(|(s, c)| {
                (c.ln() + s.iter().zip(theta).map(|(a, b)| a * b).sum::<f64>() - lk).exp()
            })
            .collect()
    }

    /// The exact MLE by Newton's method on the exact moments.
    ///
    /// # Errors
    /// [`Error::MleDoesNotExist`] when g(y_obs) is on the boundary of the
    /// support's convex hull (naming the direction);
    /// [`Error::InvalidParameter`] when a statistic is constant on the
    /// support (not estimable); [`Error::NoConvergence`] otherwise.
    pub fn mle(&self) -> Result<ExactFit> {
        let p = self.names.len();
        let mut theta = vec![0.0; p];
        for it in 1..=200 {
            let (_, mean, cov) = self.moments(&theta);
            let grad: Vec<f64> = self
                .observed
                .iter()
                .zip(&mean)
                .map(|(o, m)| o - m)
                .collect();
            let Some(l) = cholesky(&cov, p) else {
                return Err(self.degenerate(&theta));
            };
            let step = chol_solve(&l, p, &grad);
            // Step halving on the exact log-likelihood.
            let cur = self.loglik(&theta);
            let mut t = 1.0;
            loop {
                let cand: Vec<f64> = theta.iter().zip(&step).map(|(a, s)| a + t * s).collect();
                if self.loglik(&cand) >= cur - 1e-12 || t < 1e-8 {
                    theta = cand;
                    break;
                }
                t *= 0.5;
            }
            let size = step.iter().map(|s| (s * t).abs()).fold(0.0, f64::max);
            if theta.iter().any(|x| x.abs() > 50.0) {
                return Err(self.degenerate(&theta));
            }
            if size < 1e-11 {
                if self.on_boundary(&theta) {
                    return Err(self.degenerate(&theta));
                }
                let (_, mean, cov) = self.moments(&theta);
                let l = cholesky(&cov, p).ok_or_else(|| self.degenerate(&theta))?;
                let inv = chol_inverse(&l, p);
                return Ok(ExactFit {
                    names: self.names.clone(),
                    se: (0..p).map(|a| inv[a * p + a].sqrt()).collect(),
                    loglik: self.loglik(&theta),
                    coef: theta,
                    mean,
                    iterations: it,
                });
            }
        }
        Err(Error::NoConvergence {
            method: "exact MLE (Newton)",
            iterations: 200,
            hint: "the likelihood is nearly flat".into(),
        })
    }

    /// Whether g(y_obs) maximises θ · s over the support (θ ≠ 0) while θ · s
    /// is not constant: then E_θ(g) = g(y_obs) is impossible at a finite θ,
    /// and Newton only crept along a likelihood that keeps rising.
    fn on_boundary(&self, theta: &[f64]) -> bool {
        let proj = |s: &[f64]| s.iter().zip(theta).map(|(a, b)| a * b).sum::<f64>();
        let vals: Vec<f64> = self.support.iter().map(|(s, _)| proj(s)).collect();
        let top = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let bottom = vals.iter().copied().fold(f64::INFINITY, f64::min);
        let tol = 1e-9 * (1.0 + top.abs());
        top - bottom > tol && proj(&self.observed) >= top - tol
    }

    /// The error for a likelihood without maximum or a constant statistic.
    fn degenerate(&self, theta: &[f64]) -> Error {
        let p = self.names.len();
        for a in 0..p {
            let first = self.support[0].0[a];
            if self
                .support
                .iter()
                .all(|(s, _)| (s[a] - first).abs() < 1e-9)
            {
                return Error::InvalidParameter {
                    name: "formula",
                    reason: format!(
                        "`{}` takes one value on every allowed network: drop it",
                        self.names[a]
                    ),
                };
            }
        }
        // Scale by the largest entry first: a diverging Newton step can reach
        // 1e200, whose square overflows.
        let big = theta.iter().map(|x| x.abs()).fold(0.0, f64::max);
        if !(big > 1e-9 && big.is_finite()) {
            return Error::InvalidParameter {
                name: "formula",
                reason: format!(
                    "the statistics {} are linearly dependent on the {} allowed networks: drop a term",
                    self.names.join(", "),
                    self.networks
                ),
            };
        }
        let scaled: Vec<f64> = theta.iter().map(|x| x / big).collect();
        let norm = scaled.iter().map(|x| x * x).sum::<f64>().sqrt();
        let dir: Vec<f64> = scaled.iter().map(|x| x / norm).collect();
        let proj = |s: &[f64]| s.iter().zip(&dir).map(|(a, b)| a * b).sum::<f64>();
        let top = self
            .support
            .iter()
            .map(|(s, _)| proj(s))
            .fold(f64::NEG_INFINITY, f64::max);
        let detail = if proj(&self.observed) >= top - 1e-7 * (1.0 + top.abs()) {
            let mut parts: Vec<(f64, &String)> = dir.iter().copied().zip(&self.names).collect();
            parts.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
            format!(
                "g(y_obs) maximises {} over every allowed network: it lies on the boundary of the convex hull (the likelihood keeps rising along that direction)",
                parts
                    .iter()
                    .take(4)
                    .map(|(x, n)| format!("{x:+.2}·{n}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        } else {
            "the statistics are linearly dependent on the allowed networks".to_string()
        };
        Error::MleDoesNotExist {
            method: "exact MLE",
            detail,
        }
    }
}

/// The exact maximum likelihood fit.
#[derive(Debug, Clone, PartialEq)]
pub struct ExactFit {
    /// Statistic names.
    pub names: Vec<String>,
    /// θ̂.
    pub coef: Vec<f64>,
    /// √diag of the inverse Fisher information at θ̂.
    pub se: Vec<f64>,
    /// ℓ(θ̂).
    pub loglik: f64,
    /// E_θ(g) (equals g(y_obs) at the MLE).
    pub mean: Vec<f64>,
    /// Newton iterations.
    pub iterations: usize,
}

//! MCMC maximum likelihood (Geyer & Thompson 1992, doi:10.1111/j.2517-6161.1992.tb01443.x)
//! with Hummel, Hunter & Handcock's step length (2012, doi:10.1080/10618600.2012.679224).
//!
//! At θ_t the sampler draws networks y_1 … y_N; with z_k = g(y_k) − g(y_obs)
//! the log-likelihood ratio is approximated by
//!
//! ```text
//! ℓ(θ) − ℓ(θ_t) ≈ (θ − θ_t) · ξ − log (1/N) Σ_k exp((θ − θ_t) · z_k)
//! ```
//!
//! with ξ = 0 (the observed statistics) when 0 lies well inside the convex
//! hull of the z_k. Otherwise Hummel's step replaces the target by the
//! pseudo-observation ξ = (1 − γ) z̄ for the largest γ ∈ (0, 1] such that
//! z̄ + 1.05 (ξ − z̄) lies in the hull (statnet's `MCMLE.steplength.margin`),
//! so every step is one the sample can support. The hull test is the
//! minimum-norm point of the hull in the sample's whitened coordinates
//! (Gilbert's algorithm, tolerance 1e-6).
//!
//! **Convergence**: two consecutive full steps (γ = 1), the second on a
//! boosted sample (statnet's `MCMLE.termination="Hummel"`; see
//! [`driver`](super::driver), which also says why Hotelling's test is reported
//! rather than used to stop).
//!
//! **Standard errors**: I(θ̂)⁻¹ (the importance-weighted covariance of the
//! statistics at θ̂) plus the Monte-Carlo variance of the estimate,
//! I⁻¹ Var(z̄) I⁻¹ (statnet adds the same), Var(z̄) from the lag-1 autocorrelations (an AR(1)
//! approximation: Var(z̄) = D Σ̂ D / N, D = diag(√((1 + ρ_a)/(1 − ρ_a))), Σ̂ the
//! sample covariance of the N draws).

// Index loops over p × p matrices and rows read as the formulas do.
#![allow(clippy::needless_range_loop)]

use super::linalg::f_sf;
use super::sampler::Sample;
use crate::inference::linalg::{chol_inverse, chol_solve, cholesky, matmul};

/// Weighted moments of the z_k under the tilt δ = θ − θ_t: weights ∝ exp(δ · z_k).
pub(super) fn tilted(z: &[f64], p: usize, delta: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
    let n = z.len() / p;
    let etas: Vec<f64> = (0..n)
        .map(|k| {
            z[k * p..(k + 1) * p]
                .iter()
                .zip(delta)
                .map(|(a, b)| a * b)
                .sum()
        })
        .collect();
    let mx = etas.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let w: Vec<f64> = etas.iter().map(|e| (e - mx).exp()).collect();
    let sw: f64 = w.iter().sum();
    let mut mean = vec![0.0; p];
    for k in 0..n {
        for a in 0..p {
            mean[a] += w[k] / sw * z[k * p + a];
        }
    }
    let mut cov = vec![0.0; p * p];
    for k in 0..n {
        for a in 0..p {
            for b in 0..p {
                cov[a * p + b] += w[k] / sw * (z[k * p + a] - mean[a]) * (z[k * p + b] - mean[b]);
            }
        }
    }
    // log (1/N) Σ exp(δ·z)
    let lmean = mx + (sw / n as f64).ln();
    (lmean, mean, cov)
}

/// Maximise (δ · ξ − log mean exp(δ · z)) over δ by Newton's method.
/// Returns δ, or `None` if the information is singular.
pub(super) fn optimise(z: &[f64], p: usize, xi: &[f64]) -> Option<Vec<f64>> {
    let mut delta = vec![0.0; p];
    let obj = |d: &[f64]| {
        let (lm, _, _) = tilted(z, p, d);
        d.iter().zip(xi).map(|(a, b)| a * b).sum::<f64>() - lm
    };
    for _ in 0..100 {
        let (_, mean, cov) = tilted(z, p, &delta);
        let grad: Vec<f64> = xi.iter().zip(&mean).map(|(a, b)| a - b).collect();
        let l = cholesky(&cov, p)?;
        let step = chol_solve(&l, p, &grad);
        let cur = obj(&delta);
        let mut t = 1.0;
        loop {
            let cand: Vec<f64> = delta.iter().zip(&step).map(|(a, s)| a + t * s).collect();
            if obj(&cand) >= cur - 1e-12 || t < 1e-8 {
                delta = cand;
                break;
            }
            t *= 0.5;
        }
        if step.iter().map(|s| (s * t).abs()).fold(0.0, f64::max) < 1e-10 {
            break;
        }
    }
    Some(delta)
}

/// Whether `q` lies in the convex hull of the rows of `pts` (n × p), both
/// already whitened: Gilbert's minimum-norm-point iteration on pts − q.
fn in_hull(pts: &[f64], p: usize, q: &[f64]) -> bool {
    let n = pts.len() / p;
    let v = |k: usize| -> Vec<f64> { (0..p).map(|a| pts[k * p + a] - q[a]).collect() };
    // Start at the point nearest the origin.
    let norm2 = |x: &[f64]| x.iter().map(|a| a * a).sum::<f64>();
    let mut x = (0..n)
        .map(v)
        .min_by(|a, b| norm2(a).total_cmp(&norm2(b)))
        .unwrap_or_default();
    for _ in 0..4_000 {
        let xx = norm2(&x);
        if xx < 1e-12 {
            return true;
        }
        // The support point in direction −x.
        let (mut best, mut bk) = (f64::INFINITY, 0);
        for k in 0..n {
            let d: f64 = (0..p).map(|a| x[a] * (pts[k * p + a] - q[a])).sum();
            if d < best {
                best = d;
                bk = k;
            }
        }
        if best > 0.0 && xx - best <= 1e-9 * xx {
            // x is (nearly) the nearest point and the separating plane has every point on one side.
            return false;
        }
        if best > 0.0 {
            // A separating hyperplane exists: the hull lies in x·y ≥ best > 0, so q is outside.
            return false;
        }
        let s = v(bk);
        let dxs: Vec<f64> = x.iter().zip(&s).map(|(a, b)| a - b).collect();
        let denom = norm2(&dxs);
        if denom == 0.0 {
            return false;
        }
        let lam = ((x.iter().zip(&dxs).map(|(a, b)| a * b).sum::<f64>()) / denom).clamp(0.0, 1.0);
        for a in 0..p {
            x[a] -= lam * dxs[a];
        }
    }
    // Undecided after the budget: treat as outside (a shorter, safe step).
    false
}

/// Mean and covariance of the draws z (row-major, `p` statistics per draw):
/// the mean Σ_k z_k / N and the covariance Σ_k (z_k − z̄)(z_k − z̄)ᵀ / `denom`
/// (N for the sample's own, N − 1 unbiased), in the summation order every
/// caller had before (same bits).
pub(super) fn mean_cov(z: &[f64], p: usize, denom: f64) -> (Vec<f64>, Vec<f64>) {
    let n = z.len() / p;
    let mean: Vec<f64> = (0..p)
        .map(|a| (0..n).map(|k| z[k * p + a]).sum::<f64>() / n as f64)
        .collect();
    let mut cov = vec![0.0; p * p];
    for k in 0..n {
        for a in 0..p {
            for b in 0..p {
                cov[a * p + b] += (z[k * p + a] - mean[a]) * (z[k * p + b] - mean[b]) / denom;
            }
        }
    }
    (mean, cov)
}

/// Hummel's step length: the largest γ ∈ (0, 1] with z̄ − 1.05 γ z̄ in the
/// hull of the z_k (bisection, 12 halvings), and the whitened sample.
pub(super) fn step_length(z: &[f64], p: usize) -> f64 {
    let n = z.len() / p;
    let (mean, cov) = mean_cov(z, p, n as f64);
    let Some(l) = cholesky(&cov, p) else {
        return 0.0;
    };
    // Whiten: L⁻¹ (z − mean).
    let whiten = |x: &[f64]| -> Vec<f64> {
        let mut y: Vec<f64> = x.iter().zip(&mean).map(|(a, b)| a - b).collect();
        for i in 0..p {
            for k in 0..i {
                y[i] -= l[i * p + k] * y[k];
            }
            y[i] /= l[i * p + i];
        }
        y
    };
    let mut w = Vec::with_capacity(z.len());
    for k in 0..n {
        w.extend(whiten(&z[k * p..(k + 1) * p]));
    }
    let target = |g: f64| -> Vec<f64> {
        whiten(
            &mean
                .iter()
                .map(|m| m * (1.0 - 1.05 * g))
                .collect::<Vec<_>>(),
        )
    };
    if in_hull(&w, p, &target(1.0)) {
        return 1.0;
    }
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..12 {
        let mid = 0.5 * (lo + hi);
        if in_hull(&w, p, &target(mid)) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Batch-means summary of a sample's z: the mean, the covariance of the
/// mean, the long-run variance and effective sample size per statistic, and
/// the number of batches.
#[derive(Debug, Clone)]
pub(super) struct BatchMeans {
    pub mean: Vec<f64>,
    pub cov_of_mean: Vec<f64>,
    pub ess: Vec<f64>,
    pub batches: usize,
}

/// Batches of `per_batch` consecutive draws within each chain (at least 1).
pub(super) fn batch_means(s: &Sample, z: &[f64], per_batch: usize) -> BatchMeans {
    let p = s.p();
    let n = s.len();
    let per_batch = per_batch.clamp(1, s.per_chain.max(1));
    let b_per_chain = s.per_chain / per_batch;
    let mut bm: Vec<Vec<f64>> = Vec::new();
    for c in 0..s.chains {
        for b in 0..b_per_chain {
            let mut m = vec![0.0; p];
            for k in 0..per_batch {
                let r = c * s.per_chain + b * per_batch + k;
                for a in 0..p {
                    m[a] += z[r * p + a] / per_batch as f64;
                }
            }
            bm.push(m);
        }
    }
    let nb = bm.len();
    let mean: Vec<f64> = (0..p)
        .map(|a| (0..n).map(|k| z[k * p + a]).sum::<f64>() / n as f64)
        .collect();
    let bmean: Vec<f64> = (0..p)
        .map(|a| bm.iter().map(|m| m[a]).sum::<f64>() / nb as f64)
        .collect();
    let mut cov_b = vec![0.0; p * p];
    for m in &bm {
        for a in 0..p {
            for b in 0..p {
                cov_b[a * p + b] += (m[a] - bmean[a]) * (m[b] - bmean[b]) / (nb.max(2) - 1) as f64;
            }
        }
    }
    let cov_of_mean: Vec<f64> = cov_b.iter().map(|x| x / nb as f64).collect();
    let ess = (0..p)
        .map(|a| {
            let var = (0..n)
                .map(|k| (z[k * p + a] - mean[a]).powi(2))
                .sum::<f64>()
                / (n.max(2) - 1) as f64;
            let lr = per_batch as f64 * cov_b[a * p + a];
            if lr > 0.0 {
                (n as f64 * var / lr).min(n as f64)
            } else {
                n as f64
            }
        })
        .collect();
    BatchMeans {
        mean,
        cov_of_mean,
        ess,
        batches: nb,
    }
}

/// The mean of z and its Monte-Carlo covariance from the lag-1
/// autocorrelation of each statistic (an AR(1) approximation of the chain):
///
/// ```text
/// τ_a      = (1 + ρ_a) / (1 − ρ_a)       ρ_a = lag-1 autocorrelation of statistic a
///                                          (averaged over chains, clamped to [0, 0.99])
/// Var(z̄)   = D Σ̂ D / N                    Σ̂ = sample covariance of the z_k, D = diag(√τ_a)
/// ESS_a    = N / τ_a                       N = draws (all chains)
/// ```
///
/// `batches` carries n = ⌊min_a ESS_a⌋, the sample size of the Hotelling
/// test ([`hotelling`]): the worst-mixing statistic sets the degrees of
/// freedom. Unlike batch means, this uses every draw whatever the chain's
/// autocorrelation (batches of ≥ 2τ draws left too few batches for p
/// statistics at ρ ≈ 0.9), at the price of the AR(1) assumption (statnet's
/// `approx.hotelling.diff.test` fits an AR model of higher order).
pub(super) fn ar1_means(s: &Sample, z: &[f64]) -> BatchMeans {
    let p = s.p();
    let n = s.len();
    let (mean, cov) = mean_cov(z, p, (n.max(2) - 1) as f64);
    let tau: Vec<f64> = lag1(s)
        .into_iter()
        .map(|r| {
            let r = if r.is_finite() {
                r.clamp(0.0, 0.99)
            } else {
                0.0
            };
            (1.0 + r) / (1.0 - r)
        })
        .collect();
    let mut cov_of_mean = vec![0.0; p * p];
    for a in 0..p {
        for b in 0..p {
            cov_of_mean[a * p + b] = cov[a * p + b] * (tau[a] * tau[b]).sqrt() / n as f64;
        }
    }
    let ess: Vec<f64> = tau.iter().map(|t| n as f64 / t).collect();
    let batches = ess.iter().copied().fold(f64::INFINITY, f64::min).floor() as usize;
    BatchMeans {
        mean,
        cov_of_mean,
        ess,
        batches,
    }
}

/// Hotelling's T² test of E(z) = 0 from batch means: (T², p-value).
pub(super) fn hotelling(b: &BatchMeans, p: usize) -> (f64, f64) {
    let Some(l) = cholesky(&b.cov_of_mean, p) else {
        return (f64::INFINITY, 0.0);
    };
    let sol = chol_solve(&l, p, &b.mean);
    let t2: f64 = b.mean.iter().zip(&sol).map(|(a, c)| a * c).sum();
    let nb = b.batches as f64;
    let pf = p as f64;
    if nb <= pf + 1.0 {
        return (t2, 0.0);
    }
    let f = (nb - pf) / (pf * (nb - 1.0)) * t2;
    (t2, f_sf(f, pf, nb - pf))
}

/// Lag-1 autocorrelation of each statistic, averaged over chains.
pub(super) fn lag1(s: &Sample) -> Vec<f64> {
    let p = s.p();
    (0..p)
        .map(|a| {
            let mut acc = 0.0;
            let mut used = 0.0;
            for c in 0..s.chains {
                let xs: Vec<f64> = (0..s.per_chain)
                    .map(|k| s.row(c * s.per_chain + k)[a])
                    .collect();
                let m = xs.iter().sum::<f64>() / xs.len() as f64;
                let v: f64 = xs.iter().map(|x| (x - m).powi(2)).sum();
                if v > 0.0 && xs.len() > 1 {
                    let cv: f64 = xs.windows(2).map(|w| (w[0] - m) * (w[1] - m)).sum();
                    acc += cv / v;
                    used += 1.0;
                }
            }
            if used > 0.0 { acc / used } else { f64::NAN }
        })
        .collect()
}

/// I⁻¹ and the Monte-Carlo-inflated covariance of θ̂: (I⁻¹, I⁻¹ + I⁻¹ V I⁻¹).
pub(super) fn covariances(
    info: &[f64],
    cov_of_mean: &[f64],
    p: usize,
) -> Option<(Vec<f64>, Vec<f64>)> {
    let l = cholesky(info, p)?;
    let inv = chol_inverse(&l, p);
    let mc = matmul(&matmul(&inv, cov_of_mean, p), &inv, p);
    let total = inv.iter().zip(&mc).map(|(a, b)| a + b).collect();
    Some((inv, total))
}

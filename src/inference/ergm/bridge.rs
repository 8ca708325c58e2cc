//! The log-likelihood of a dyad-dependent ERGM by bridge sampling, as
//! statnet's `logLik.ergm` computes it (`ergm.bridge.dindstart.llk`).
//!
//! The normalising constant κ(θ) of a dyad-dependent model has no closed
//! form. Start from θ_0, the MLE of the formula's *dyad-independent* terms
//! alone (the others at 0), whose log-likelihood is a logistic regression's:
//!
//! ```text
//! ℓ(θ_0) = Σ_{free ij} [ y_ij η_ij − log(1 + exp η_ij) ],   η_ij = θ_0 · Δ_ij g
//! ```
//!
//! (with no dyad-independent term θ_0 = 0 and ℓ(θ_0) = −m log 2, m free
//! dyads). Then walk to θ_1 along θ(t) = θ_0 + t (θ_1 − θ_0) in K bridges
//! (statnet's `bridge.nsteps`, 16). Bridge k from θ_k to θ_{k+1} samples at
//! its midpoint θ_m and estimates
//!
//! ```text
//! ℓ(θ_{k+1}) − ℓ(θ_k) = log mean_s exp(−h/2 · z_s) − log mean_s exp(+h/2 · z_s)
//! ```
//!
//! with h = θ_{k+1} − θ_k and z_s = g(y_s) − g(y_obs) over the draws at θ_m:
//! importance sampling from the midpoint to both ends, whose first-order
//! errors cancel. ℓ(θ_1) = ℓ(θ_0) + Σ_k of these.
//!
//! **Monte-Carlo standard error.** The influence of draw s on a bridge's
//! estimate is u_s = w⁻_s − w⁺_s, with w^± the weights exp(±h/2 · z_s)
//! normalised to mean 1; its variance is the long-run variance of ū by batch
//! means (batches as in [`mcmle`](super::mcmle)); bridges are independent
//! samples, so the variances add.
//!
//! Complexity: K × (chains × (burn-in + draws × interval)) change statistics.

use super::constraints::DyadMask;
use super::driver::batch_length;
use super::mple::{Design, MpleOptions, fit_design};
use super::network::Network;
use super::sampler::{SamplerOptions, run_chains};
use super::terms::Model;
use crate::error::Result;
use crate::progress::Progress;
use crate::random::stream;
use rand_core::Rng;

/// Options of [`loglik`].
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeOptions {
    /// Bridges K (statnet's `bridge.nsteps`, 16).
    pub bridges: usize,
    /// The sampler of each bridge; the first bridge burns in `burnin` steps,
    /// later ones continue from the previous bridge's chains after
    /// 4 intervals. The seed is replaced by the caller's.
    pub sampler: SamplerOptions,
    /// A bar counting bridges on a terminal ([`Progress::Auto`], the default).
    pub progress: Progress,
}

impl Default for BridgeOptions {
    fn default() -> Self {
        BridgeOptions {
            bridges: 16,
            sampler: SamplerOptions {
                burnin: 16_384,
                interval: 1_024,
                draws_per_chain: 64,
                chains: 4,
                ..SamplerOptions::default()
            },
            progress: Progress::Auto,
        }
    }
}

/// A bridge-sampled log-likelihood.
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeEstimate {
    /// ℓ(θ_1).
    pub loglik: f64,
    /// Its Monte-Carlo standard error.
    pub mc_se: f64,
    /// The dyad-independent start θ_0 (0 on the dyad-dependent statistics).
    pub start: Vec<f64>,
    /// ℓ(θ_0), exact.
    pub start_loglik: f64,
    /// Bridges used.
    pub bridges: usize,
}

/// θ_0 and ℓ(θ_0): the MLE of the dyad-independent statistics alone.
///
/// # Errors
/// The errors of [`fit_design`] on the dyad-independent columns (a
/// separated dyad-independent sub-model has no finite start).
pub fn dyad_independent_start(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
) -> Result<(Vec<f64>, f64)> {
    let p = model.len();
    let ind = model.independent();
    let cols: Vec<usize> = (0..p).filter(|&a| ind[a]).collect();
    let d = Design::new(model, net, mask);
    let mut theta = vec![0.0; p];
    if cols.is_empty() {
        return Ok((theta, -(d.dyads.len() as f64) * std::f64::consts::LN_2));
    }
    let q = cols.len();
    let rows = d.dyads.len();
    let mut x = Vec::with_capacity(rows * q);
    for r in 0..rows {
        for &a in &cols {
            x.push(d.x[r * p + a]);
        }
    }
    let sub = Design {
        dyads: d.dyads.clone(),
        x,
        y: d.y.clone(),
        p: q,
    };
    let names: Vec<String> = cols.iter().map(|&a| model.names()[a].clone()).collect();
    let f = fit_design(&names, &sub, &MpleOptions::default())?;
    for (k, &a) in cols.iter().enumerate() {
        theta[a] = f.coef[k];
    }
    Ok((theta, f.log_pl))
}

/// log mean exp of the values.
fn log_mean_exp(v: &[f64]) -> f64 {
    let mx = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    mx + (v.iter().map(|x| (x - mx).exp()).sum::<f64>() / v.len() as f64).ln()
}

/// ℓ(θ) of `model` at `theta` by bridge sampling from the dyad-independent start.
///
/// # Errors
/// The errors of [`dyad_independent_start`].
///
/// ```
/// use coprod::inference::ergm::bridge::{BridgeOptions, loglik};
/// use coprod::inference::ergm::constraints::DyadMask;
/// use coprod::inference::ergm::exact::ExactDistribution;
/// use coprod::inference::ergm::network::{ErgmData, Network};
/// use coprod::inference::ergm::terms::Model;
/// let net = Network::from_edges(5, false, &[(0, 1), (1, 2), (0, 2), (2, 3)]).unwrap();
/// let data = ErgmData::new(net);
/// let m = Model::parse("edges + triangle", &data).unwrap();
/// let mask = DyadMask::all(5, false);
/// let theta = [-1.0, 0.5];
/// let b = loglik(&m, &data.network, &mask, &theta, 7, &BridgeOptions::default()).unwrap();
/// let exact = ExactDistribution::enumerate(&m, &data.network, &mask, 10).unwrap().loglik(&theta);
/// assert!((b.loglik - exact).abs() < 5.0 * b.mc_se + 1e-6);
/// ```
pub fn loglik(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    theta: &[f64],
    seed: u64,
    opts: &BridgeOptions,
) -> Result<BridgeEstimate> {
    let (start, start_loglik) = dyad_independent_start(model, net, mask)?;
    let observed = model.statistics(net);
    let k = opts.bridges.max(1);
    let mut states = vec![net.clone()];
    let (mut total, mut var) = (0.0, 0.0);
    let bar = opts
        .progress
        .bar(k as u64, "ERGM log-likelihood (bridge sampling)", "bridges");
    for b in 0..k {
        let at = |t: f64| -> Vec<f64> {
            start
                .iter()
                .zip(theta)
                .map(|(a, c)| a + t * (c - a))
                .collect()
        };
        let (lo, hi) = (at(b as f64 / k as f64), at((b + 1) as f64 / k as f64));
        let mid: Vec<f64> = lo.iter().zip(&hi).map(|(a, c)| 0.5 * (a + c)).collect();
        let half: Vec<f64> = hi.iter().zip(&lo).map(|(a, c)| 0.5 * (a - c)).collect();
        let mut so = opts.sampler.clone();
        so.seed = stream(seed, b as u64).next_u64();
        if b > 0 {
            so.burnin = 4 * so.interval.max(1);
        }
        let (s, _) = run_chains(model, &states, mask, &mid, &so, false);
        let dots: Vec<f64> = (0..s.len())
            .map(|r| {
                s.row(r)
                    .iter()
                    .zip(&observed)
                    .zip(&half)
                    .map(|((g, o), h)| (g - o) * h)
                    .sum()
            })
            .collect();
        let minus: Vec<f64> = dots.iter().map(|x| -x).collect();
        let (lm, lp) = (log_mean_exp(&minus), log_mean_exp(&dots));
        total += lm - lp;
        // Influence of each draw, then its long-run variance by batch means.
        let u: Vec<f64> = dots
            .iter()
            .map(|x| (-x - lm).exp() - (x - lp).exp())
            .collect();
        var += long_run_var_of_mean(&u, s.chains, s.per_chain);
        states = s.last;
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(BridgeEstimate {
        loglik: start_loglik + total,
        mc_se: var.sqrt(),
        start,
        start_loglik,
        bridges: k,
    })
}

/// The variance of the mean of `u` (chains × per_chain, chain after chain)
/// by batch means, batches of [`batch_length`] draws set by u's lag-1
/// autocorrelation.
pub(super) fn long_run_var_of_mean(u: &[f64], chains: usize, per_chain: usize) -> f64 {
    let n = u.len();
    let mean = u.iter().sum::<f64>() / n as f64;
    let (mut num, mut den) = (0.0, 0.0);
    for c in 0..chains {
        let xs = &u[c * per_chain..(c + 1) * per_chain];
        for w in xs.windows(2) {
            num += (w[0] - mean) * (w[1] - mean);
        }
        den += xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
    }
    let rho = if den > 0.0 { num / den } else { 0.0 };
    let len = batch_length(rho, per_chain).min(per_chain.max(1));
    let per = per_chain / len;
    let mut bm = Vec::new();
    for c in 0..chains {
        for b in 0..per {
            let xs = &u[c * per_chain + b * len..c * per_chain + (b + 1) * len];
            bm.push(xs.iter().sum::<f64>() / len as f64);
        }
    }
    let nb = bm.len();
    if nb < 2 {
        let var = u.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n.max(2) - 1) as f64;
        return var / n as f64;
    }
    let bmean = bm.iter().sum::<f64>() / nb as f64;
    let vb = bm.iter().map(|x| (x - bmean).powi(2)).sum::<f64>() / (nb - 1) as f64;
    vb / nb as f64
}

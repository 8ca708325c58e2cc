//! The MCMC-MLE iteration: where it starts, how the sampler adapts to the
//! chain's autocorrelation, when it restarts, and when it stops.
//!
//! ```text
//! θ_0          = the MPLE (statnet's default start)
//! iteration t  : draw N_t networks at θ_{t−1} (each chain continues from its own
//!                last network; the first iteration starts every chain at y_obs)
//!                N_t = chains × draws_per_chain (statnet's MCMC.samplesize, 1024),
//!                times `last_boost` (4) right after a full step
//!                ρ_t  = the largest lag-1 autocorrelation of the recorded statistics
//!                γ_t  = Hummel's step length (largest γ ≤ 1 whose target lies in
//!                       the sample's convex hull with margin 0.05)
//!                full step: γ_t = 1 and neither guard below shrank δ_t
//!                stop at the second consecutive full step (converged: θ̂ = θ_{t−1} + δ_t,
//!                       the full step from the boosted sample)
//!                else θ_t = θ_{t−1} + δ_t, δ_t maximising the importance-sampled
//!                log-likelihood ratio towards ξ = (1 − γ_t) z̄, shrunk so that the
//!                predicted gain is at most `trust_region` (statnet's MCMLE.trustregion = 20)
//!                and the importance weights keep an ESS ≥ `min_weight_ess` · N
//! ```
//!
//! **Convergence** is statnet's `MCMLE.termination = "Hummel"` (the default
//! of ergm 3.x, `control.ergm3()` in ergm 4): two consecutive full steps
//! (γ = 1: the observed statistics lie well inside the simulated ones, so the
//! importance-sampled likelihood can be maximised outright, and the guards
//! below leave the step whole), the second on a
//! sample [`McmleOptions::last_boost`] times larger (statnet's
//! `MCMLE.last.boost = 4`), whose full step is θ̂ and whose draws give the
//! Monte-Carlo part of the standard errors. Hummel, Hunter & Handcock (2012),
//! doi:10.1080/10618600.2012.679224.
//!
//! Hotelling's T² test of E_θ(g) = g(y_obs) on the last sample is reported
//! ([`Diagnostics::hotelling_p`](super::fit::Diagnostics::hotelling_p)), not
//! used to stop: its covariance (the AR(1) covariance of the mean, [`mcmle`](super::mcmle))
//! comes from one sample, and on a near-degenerate model whose chains switch
//! slowly between sparse and clustered networks (faux.mesa.high with gwesp
//! 0.5: lag-1 autocorrelation 0.85–0.93 at an interval of 8192) it
//! understates the Monte-Carlo variance several times over, so that "p > 0.5"
//! (this driver's earlier rule) rejected at the MLE itself and the fit
//! wandered until the iteration cap. statnet ergm 4's default,
//! `MCMLE.termination = "confidence"` (Krivitsky, Kuvelkar & Hunter 2023,
//! doi:10.1214/23-EJS2176; Krivitsky et al. 2023, doi:10.18637/jss.v105.i06),
//! an equivalence test that the simulated mean lies within √0.1 standard
//! deviations of the observed statistics with 99 % confidence, rests on the
//! same covariance and needs ≥ ~200 effective draws for 8 statistics; it is
//! not implemented.
//!
//! **Adaptation** (deterministic: it reads only the draws). When ρ_t exceeds
//! [`McmleOptions::max_lag1`] the interval between recorded draws doubles for
//! the next iteration, up to [`McmleOptions::max_interval_factor`] times the
//! sampler's interval, and the burn-in grows with it (16 intervals, statnet's
//! `MCMC.burnin = 16 × MCMC.interval`); the number of draws stays (statnet's
//! fixed `MCMC.samplesize`), so an iteration costs more steps. (The earlier
//! rule halved the draws as the interval doubled, down to 256, and kept the
//! burn-in at 16384 steps, 2 intervals at 8192: too few effective draws for
//! a step, and chains not yet at θ_{t−1}'s distribution.)
//!
//! **Restarts.** A sample is *broken* when the statistics lost all variation
//! in some direction (the sample covariance is singular: a stuck chain), when
//! the mean number of ties on the free dyads left the band
//! [¼ · observed, observed + ½ · (free − observed)] (the chain ran towards the
//! empty or the full network), or when the Newton step on it fails. A broken
//! sample is not used: θ goes back to halfway between the last two
//! parameters (θ_{t−2} + ½ δ_{t−1}; at the MPLE it stays), every chain
//! restarts at y_obs, and the interval doubles. After
//! [`McmleOptions::max_restarts`] restarts the fit is
//! [`Error::Degenerate`], naming the iterations and what broke.
//!
//! **The cap** is [`FitOptions::max_iterations`] iterations (restarts
//! included), never a wall clock, so the result depends only on the seed:
//! iteration t's sampler seed is the first number of `stream(seed, t)`.
//! Spent without convergence: [`Error::NoConvergence`].

// Index loops over p × p matrices read as the formulas do.
#![allow(clippy::needless_range_loop)]

use super::constraints::DyadMask;
use super::fit::{Diagnostics, FitOptions, IterationRecord};
use super::mcmle::{
    ar1_means, covariances, hotelling, lag1, mean_cov, optimise, step_length, tilted,
};
use super::mple::{MpleOptions, mple};
use super::network::Network;
use super::sampler::{Sample, run_chains};
use super::terms::Model;
use crate::error::{Error, Result};
use crate::inference::linalg::cholesky;
use crate::random::stream;
use rand_core::Rng;

/// The MCMC-MLE's adaptation, restart and step settings.
#[derive(Debug, Clone, PartialEq)]
pub struct McmleOptions {
    /// The interval doubles while the largest lag-1 autocorrelation of the
    /// recorded statistics exceeds this (default 0.5).
    pub max_lag1: f64,
    /// The interval grows to at most this multiple of the sampler's (default 8).
    pub max_interval_factor: usize,
    /// Broken samples tolerated before the fit is degenerate (default 3).
    pub max_restarts: usize,
    /// The largest predicted log-likelihood gain of one step (statnet's
    /// `MCMLE.trustregion`, default 20).
    pub trust_region: f64,
    /// A step keeps importance weights whose effective sample size is at
    /// least this share of the draws (default 0.1): the sample can only
    /// predict the likelihood near where it was drawn.
    pub min_weight_ess: f64,
    /// After a first pass the next sample has this many times the draws
    /// (statnet's `MCMLE.last.boost`, default 4): the final step and the
    /// standard errors come from the larger sample.
    pub last_boost: usize,
}

impl Default for McmleOptions {
    fn default() -> Self {
        McmleOptions {
            max_lag1: 0.5,
            max_interval_factor: 8,
            max_restarts: 3,
            trust_region: 20.0,
            min_weight_ess: 0.1,
            last_boost: 4,
        }
    }
}

/// The batch length: max(⌊√per_chain⌋, ⌈2τ⌉), τ = (1 + ρ)/(1 − ρ).
pub(super) fn batch_length(rho: f64, per_chain: usize) -> usize {
    let root = (per_chain as f64).sqrt().floor() as usize;
    let r = if rho.is_finite() {
        rho.clamp(0.0, 0.99)
    } else {
        0.0
    };
    let tau = (1.0 + r) / (1.0 - r);
    root.max((2.0 * tau).ceil() as usize).max(1)
}

/// Why a sample is not used.
fn broken(s: &Sample, z: &[f64], p: usize, obs_free: f64) -> Option<String> {
    let nd = s.free_dyads as f64;
    let ties = s.free_ties.iter().sum::<usize>() as f64 / s.free_ties.len().max(1) as f64;
    if ties > obs_free + 0.5 * (nd - obs_free) || (obs_free >= 4.0 && ties < 0.25 * obs_free) {
        return Some(format!(
            "the chains held {ties:.1} ties on average against {obs_free} observed (of {nd} free dyads)"
        ));
    }
    debug_assert_eq!(z.len(), s.len() * p);
    let (_, cov) = mean_cov(z, p, s.len() as f64);
    for a in 0..p {
        if cov[a * p + a] <= 0.0 {
            return Some(format!("`{}` did not vary in the sample", s.names[a]));
        }
    }
    if cholesky(&cov, p).is_none() {
        return Some("the simulated statistics are linearly dependent (a stuck chain)".into());
    }
    None
}

/// Shrink δ (by bisection on its scale) until both guards hold: the
/// predicted gain δ·ξ − log mean exp(δ·z) is at most `limit`, and the
/// importance weights w_k ∝ exp(δ·z_k) keep an effective sample size
/// (Σw)²/Σw² of at least `min_ess` draws. Both the gain and the weights'
/// ESS change monotonically along the ray from 0, where the gain is 0 and
/// the ESS is N.
fn guard(z: &[f64], p: usize, xi: &[f64], delta: Vec<f64>, limit: f64, min_ess: f64) -> Vec<f64> {
    let ok = |d: &[f64]| {
        let (lm, _, _) = tilted(z, p, d);
        let gain = d.iter().zip(xi).map(|(a, b)| a * b).sum::<f64>() - lm;
        gain <= limit && weight_ess(z, p, d) >= min_ess
    };
    if ok(&delta) {
        return delta;
    }
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..30 {
        let mid = 0.5 * (lo + hi);
        let d: Vec<f64> = delta.iter().map(|x| x * mid).collect();
        if ok(&d) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    delta.iter().map(|x| x * lo).collect()
}

/// The effective sample size (Σw)²/Σw² of the weights exp(δ·z_k).
pub(super) fn weight_ess(z: &[f64], p: usize, delta: &[f64]) -> f64 {
    let etas: Vec<f64> = z
        .chunks(p)
        .map(|r| r.iter().zip(delta).map(|(a, b)| a * b).sum::<f64>())
        .collect();
    let mx = etas.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (s1, s2) = etas.iter().fold((0.0, 0.0), |(a, b), e| {
        let w = (e - mx).exp();
        (a + w, b + w * w)
    });
    s1 * s1 / s2
}

fn fmt_theta(theta: &[f64]) -> String {
    theta
        .iter()
        .map(|x| format!("{x:.3}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The MCMC-MLE loop: (θ̂, covariance, diagnostics).
pub(super) fn mcmle(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    opts: &FitOptions,
    observed: &[f64],
) -> Result<(Vec<f64>, Vec<f64>, Diagnostics)> {
    let p = model.len();
    let start = mple(model, net, mask, &MpleOptions::default())?;
    let mut theta = start.coef;
    let mut prev: Option<Vec<f64>> = None;
    let mut states = vec![net.clone()];
    let free = mask.free_dyads();
    let obs_free = free.iter().filter(|&&(i, j)| net.has(i, j)).count() as f64;
    let base = opts.sampler.interval.max(1);
    let max_interval = base * opts.mcmle.max_interval_factor.max(1);
    let mut interval = base;
    let mut restarts = 0;
    // A first full step boosts the next sample.
    let mut passed = false;
    let mut history = Vec::new();
    let bar = opts.progress.spinner(
        &format!("ERGM MCMC-MLE (at most {})", opts.max_iterations),
        "iterations",
    );
    for it in 1..=opts.max_iterations {
        bar.set_position(it as u64);
        let mut sopts = opts.sampler.clone();
        sopts.seed = stream(opts.sampler.seed, it as u64).next_u64();
        sopts.interval = interval;
        // The burn-in grows with the interval (statnet: MCMC.burnin = 16 × the
        // adapted interval): a chain that needs a longer interval to forget
        // its draws also needs longer to forget θ_{t−2}'s distribution.
        sopts.burnin = opts.sampler.burnin * (interval / base);
        // The same number of steps per iteration whatever the interval.
        sopts.draws_per_chain = opts.sampler.draws_per_chain;
        if passed {
            sopts.draws_per_chain *= opts.mcmle.last_boost.max(1);
        }
        let (s, _) = run_chains(model, &states, mask, &theta, &sopts, false);
        let z: Vec<f64> = (0..s.len())
            .flat_map(|r| s.row(r).iter().zip(observed).map(|(a, b)| a - b))
            .collect();
        let rho = lag1(&s)
            .into_iter()
            .fold(0.0f64, |m, r| if r.is_finite() { m.max(r) } else { m });
        let ties = s.free_ties.iter().sum::<usize>() as f64 / s.free_ties.len().max(1) as f64;
        let mut record = IterationRecord {
            iteration: it,
            theta: theta.clone(),
            interval,
            lag1: rho,
            mean_ties: ties,
            step_length: f64::NAN,
            hotelling_p: f64::NAN,
            broken: None,
        };
        let mut why = broken(&s, &z, p, obs_free);
        let mut step = None;
        if why.is_none() {
            let bm = ar1_means(&s, &z);
            let (t2, pval) = hotelling(&bm, p);
            let gamma = step_length(&z, p);
            record.step_length = gamma;
            record.hotelling_p = pval;
            let xi: Vec<f64> = bm.mean.iter().map(|m| (1.0 - gamma) * m).collect();
            match optimise(&z, p, &xi) {
                Some(d) => {
                    let min_ess = opts.mcmle.min_weight_ess * s.len() as f64;
                    let guarded = guard(&z, p, &xi, d.clone(), opts.mcmle.trust_region, min_ess);
                    // A full step counts only when the sample supports it whole
                    // (neither the trust region nor the weights' ESS shrank it).
                    let pass = gamma >= 1.0 && guarded == d;
                    if pass && passed {
                        let (_, _, info) = tilted(&z, p, &d);
                        if let Some((_, total)) = covariances(&info, &bm.cov_of_mean, p) {
                            history.push(record);
                            let coef: Vec<f64> = theta.iter().zip(&d).map(|(a, b)| a + b).collect();
                            let diag = Diagnostics {
                                iterations: it,
                                hotelling_t2: t2,
                                hotelling_p: pval,
                                lag1: lag1(&s),
                                acceptance: s.acceptance,
                                draws: s.len(),
                                simulated_mean: s.mean(),
                                simulated_mean_se: (0..p)
                                    .map(|a| bm.cov_of_mean[a * p + a].sqrt())
                                    .collect(),
                                ess: bm.ess,
                                sampler: sopts,
                                restarts,
                                history,
                                trace: s.stats.clone(),
                                chains: s.chains,
                            };
                            return Ok((coef, total, diag));
                        }
                        why = Some("the information matrix at the final step is singular".into());
                    } else {
                        passed = pass;
                        step = Some(guarded);
                    }
                }
                None => {
                    why = Some("the Newton step on the sample failed (singular information)".into())
                }
            }
        }
        if let Some(reason) = why {
            restarts += 1;
            passed = false;
            record.broken = Some(reason.clone());
            history.push(record);
            if restarts > opts.mcmle.max_restarts {
                let broken_at: Vec<String> = history
                    .iter()
                    .filter(|r| r.broken.is_some())
                    .map(|r| r.iteration.to_string())
                    .collect();
                return Err(Error::Degenerate {
                    method: "MCMC-MLE",
                    detail: format!(
                        "the sample broke at iterations {} ({} restarts allowed); last: {reason}, at θ = [{}] with interval {interval}: the model puts its mass on networks far from the observed one or the chain is stuck; use gwesp/gwdegree instead of triangle/kstar, a smaller decay, or fewer terms",
                        broken_at.join(", "),
                        opts.mcmle.max_restarts,
                        fmt_theta(&theta)
                    ),
                });
            }
            if let Some(pv) = &prev {
                theta = pv.iter().zip(&theta).map(|(a, b)| 0.5 * (a + b)).collect();
            }
            states = vec![net.clone()];
            interval = (interval * 2).min(max_interval);
            continue;
        }
        history.push(record);
        if rho > opts.mcmle.max_lag1 {
            interval = (interval * 2).min(max_interval);
        }
        let delta = step.expect("a step when the sample is not broken");
        prev = Some(theta.clone());
        theta.iter_mut().zip(&delta).for_each(|(a, b)| *a += b);
        states = s.last;
    }
    Err(Error::NoConvergence {
        method: "MCMC-MLE",
        iterations: opts.max_iterations,
        hint: format!(
            "{restarts} restart(s); last θ = [{}], interval {interval}: raise --max-iterations or the sampler's draws, or simplify the formula",
            fmt_theta(&theta)
        ),
    })
}

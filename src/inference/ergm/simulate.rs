//! Networks drawn from a fitted ERGM, and the counterfactual: the fit with
//! some terms switched off and the density kept.
//!
//! **Draws.** [`simulate`] runs `chains` Metropolis–Hastings chains (TNT,
//! [`sampler`](super::sampler)) from the observed network, each burning in
//! and then recording a network every `interval` steps; chain c draws from
//! `stream(seed, c)`, so the same seed gives the same networks on any
//! number of threads.
//!
//! **The counterfactual** ([`counterfactual`]): θ' is θ with the named
//! coefficients set to 0 and the `edges` coefficient re-solved so that
//!
//! ```text
//! E_θ'( edges(Y) ) = edges(y_obs)
//! ```
//!
//! E_θ'(edges) rises strictly with θ'_edges (its derivative is Var(edges)),
//! so the root is unique. It starts where the pseudo-likelihood keeps the
//! expected tie count (Σ logistic(θ'·x_ij + δ) = Σ logistic(θ·x_ij) over the
//! change statistics x_ij of the free dyads at y_obs: the answer itself for
//! a dyad-independent model). The solver is a stochastic Newton iteration with
//! importance sampling: at θ'_t draw a sample, z_k = edges(y_k) −
//! edges(y_obs); if 0 lies strictly inside [min z, max z] take the δ that
//! makes the importance-weighted mean Σ w_k z_k / Σ w_k (w_k = exp(δ z_k))
//! zero (bisection; it is monotone in δ), else the Newton step −z̄ / Var(z);
//! shrink δ until the weights keep an effective sample size of 10 % of the
//! draws; θ'_edges += δ. It stops after the first iteration whose sample
//! mean is within 2 Monte-Carlo standard errors (batch means) of the
//! target — that iteration's importance-sampled δ is still applied — or
//! fails with [`Error::NoConvergence`] after `max_iterations`. The draws are
//! then taken at the final θ', and their mean edge count is reported with its
//! standard error so that the solve can be checked.

use super::bridge::long_run_var_of_mean;
use super::constraints::DyadMask;
use super::driver::weight_ess;
use super::network::Network;
use super::sampler::{SamplerOptions, run_chains};
use super::terms::Model;
use crate::error::{Error, Names, Result};
use crate::random::stream;
use rand_core::Rng;

/// Options of [`simulate`]: the sampler (its `draws_per_chain` and `seed`
/// are set from the call's `draws` and `seed`).
#[derive(Debug, Clone, PartialEq)]
pub struct SimulateOptions {
    /// Burn-in, interval, chains and proposal.
    pub sampler: SamplerOptions,
}

impl Default for SimulateOptions {
    fn default() -> Self {
        SimulateOptions {
            sampler: SamplerOptions {
                burnin: 16_384,
                interval: 1_024,
                chains: 4,
                ..SamplerOptions::default()
            },
        }
    }
}

/// `draws` networks from the ERGM with parameter `theta` on the free dyads
/// of `mask` (the fixed dyads as in `net`), in chain order: chain c records
/// draws c·⌈draws/chains⌉ … (the last chain may record fewer).
///
/// # Errors
/// [`Error::InvalidParameter`] when `theta` has the wrong length or no dyad is free.
pub fn simulate(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    theta: &[f64],
    draws: usize,
    seed: u64,
    opts: &SimulateOptions,
) -> Result<Vec<Network>> {
    check(model, mask, theta)?;
    if draws == 0 {
        return Ok(Vec::new());
    }
    let mut so = opts.sampler.clone();
    so.chains = so.chains.clamp(1, draws);
    so.draws_per_chain = draws.div_ceil(so.chains);
    so.seed = seed;
    let (_, mut nets) = run_chains(model, std::slice::from_ref(net), mask, theta, &so, true);
    nets.truncate(draws);
    Ok(nets)
}

fn check(model: &Model, mask: &DyadMask, theta: &[f64]) -> Result<()> {
    if theta.len() != model.len() {
        return Err(Error::InvalidParameter {
            name: "theta",
            reason: format!(
                "{} coefficients for the {} statistics of `{}`",
                theta.len(),
                model.len(),
                model.formula()
            ),
        });
    }
    if mask.free_count() == 0 {
        return Err(Error::InvalidParameter {
            name: "constraints",
            reason: "no free dyad: every dyad is fixed".into(),
        });
    }
    Ok(())
}

/// Options of [`counterfactual`].
#[derive(Debug, Clone, PartialEq)]
pub struct CounterfactualOptions {
    /// The sampler of each solver iteration (`draws_per_chain` × `chains` draws).
    pub solver: SamplerOptions,
    /// Solver iterations at most (default 20).
    pub max_iterations: usize,
    /// The sampler of the final draws.
    pub draws: SimulateOptions,
}

impl Default for CounterfactualOptions {
    fn default() -> Self {
        CounterfactualOptions {
            solver: SamplerOptions {
                burnin: 16_384,
                interval: 1_024,
                draws_per_chain: 256,
                chains: 4,
                ..SamplerOptions::default()
            },
            max_iterations: 20,
            draws: SimulateOptions::default(),
        }
    }
}

/// The counterfactual model and its draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Counterfactual {
    /// θ' (the zeroed coefficients at 0, `edges` re-solved).
    pub theta: Vec<f64>,
    /// The statistics set to 0.
    pub zeroed: Vec<String>,
    /// edges(y_obs), the target.
    pub observed_edges: f64,
    /// The mean edge count of the draws.
    pub mean_edges: f64,
    /// Its Monte-Carlo standard error (batch means over the chains).
    pub mean_edges_se: f64,
    /// Solver iterations used.
    pub iterations: usize,
    /// The draws at θ'.
    pub draws: Vec<Network>,
}

/// The draws of `model` at θ with the statistics `zero` set to 0 and
/// `edges` re-solved to keep the expected tie count (see the module doc).
///
/// # Errors
/// [`Error::UnknownName`] for a name in `zero` (or `edges`) the model lacks,
/// listing its statistics; [`Error::InvalidParameter`] for `edges` among
/// `zero`; [`Error::NoConvergence`] when the solver does not reach the target.
#[allow(clippy::too_many_arguments)]
pub fn counterfactual(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    theta: &[f64],
    zero: &[&str],
    draws: usize,
    seed: u64,
    opts: &CounterfactualOptions,
) -> Result<Counterfactual> {
    check(model, mask, theta)?;
    let names = model.names();
    let find = |n: &str| -> Result<usize> {
        names
            .iter()
            .position(|x| x == n)
            .ok_or_else(|| Error::UnknownName {
                what: "statistic",
                value: n.to_string(),
                available: Names::of(names, n),
            })
    };
    let e = find("edges")?;
    let mut th = theta.to_vec();
    for z in zero {
        let a = find(z)?;
        if a == e {
            return Err(Error::InvalidParameter {
                name: "zero",
                reason: "`edges` is the coefficient re-solved; it cannot be set to 0".into(),
            });
        }
        th[a] = 0.0;
    }
    let target = model.statistics(net)[e];
    th[e] += pseudo_start(model, net, mask, theta, &th, e);
    let mut states = vec![net.clone()];
    let mut solved = None;
    for it in 1..=opts.max_iterations {
        let mut so = opts.solver.clone();
        so.seed = stream(seed, it as u64).next_u64();
        let (s, _) = run_chains(model, &states, mask, &th, &so, false);
        let z: Vec<f64> = (0..s.len()).map(|r| s.row(r)[e] - target).collect();
        let n = z.len() as f64;
        let m = z.iter().sum::<f64>() / n;
        let v = z.iter().map(|x| (x - m).powi(2)).sum::<f64>() / n;
        let se = long_run_var_of_mean(&z, s.chains, s.per_chain).sqrt();
        let (lo, hi) = z
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
                (a.min(*x), b.max(*x))
            });
        let mut delta = if lo < 0.0 && hi > 0.0 {
            solve_tilt(&z)
        } else if v > 0.0 {
            -m / v
        } else {
            -m.signum()
        };
        // Keep the weights' ESS ≥ 10 % of the draws.
        let mut scale = 1.0;
        while weight_ess(&z, 1, &[delta * scale]) < 0.1 * n && scale > 1e-6 {
            scale *= 0.5;
        }
        delta *= scale;
        th[e] += delta;
        states = s.last;
        if m.abs() <= 2.0 * se {
            solved = Some(it);
            break;
        }
    }
    let Some(iterations) = solved else {
        return Err(Error::NoConvergence {
            method: "counterfactual edges solver",
            iterations: opts.max_iterations,
            hint: format!(
                "E(edges) did not reach the observed {target} with {} set to 0; raise the solver's draws",
                zero.join(", ")
            ),
        });
    };
    let mut so = opts.draws.sampler.clone();
    so.chains = so.chains.clamp(1, draws.max(1));
    so.draws_per_chain = draws.max(1).div_ceil(so.chains);
    so.seed = stream(seed, 0).next_u64();
    let (s, mut nets) = run_chains(model, std::slice::from_ref(net), mask, &th, &so, true);
    nets.truncate(draws);
    let ev: Vec<f64> = (0..s.len()).map(|r| s.row(r)[e]).collect();
    let mean_edges = ev.iter().sum::<f64>() / ev.len() as f64;
    Ok(Counterfactual {
        theta: th,
        zeroed: zero.iter().map(|s| s.to_string()).collect(),
        observed_edges: target,
        mean_edges,
        mean_edges_se: long_run_var_of_mean(&ev, s.chains, s.per_chain).sqrt(),
        iterations,
        draws: nets,
    })
}

/// The solver's warm start: the shift δ of the edges coefficient that keeps
/// the pseudo-likelihood's expected tie count, Σ_ij logistic(θ'·x_ij + δ x^e_ij)
/// = Σ_ij logistic(θ·x_ij), with x_ij the change statistics of the free dyads
/// at y_obs (exact for a dyad-independent model; a start otherwise).
fn pseudo_start(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    theta: &[f64],
    th: &[f64],
    e: usize,
) -> f64 {
    let d = super::mple::Design::new(model, net, mask);
    let p = d.p;
    let eta = |t: &[f64], r: usize| -> f64 {
        d.x[r * p..(r + 1) * p]
            .iter()
            .zip(t)
            .map(|(a, b)| a * b)
            .sum()
    };
    let logistic = |x: f64| 1.0 / (1.0 + (-x).exp());
    let rows = d.dyads.len();
    let want: f64 = (0..rows).map(|r| logistic(eta(theta, r))).sum();
    let base: Vec<f64> = (0..rows).map(|r| eta(th, r)).collect();
    let mut delta = 0.0;
    for _ in 0..100 {
        let (mut f, mut v) = (-want, 0.0);
        for (r, b) in base.iter().enumerate() {
            let xe = d.x[r * p + e];
            let q = logistic(b + delta * xe);
            f += q;
            v += q * (1.0 - q) * xe;
        }
        if v <= 0.0 {
            return 0.0;
        }
        let step = (f / v).clamp(-5.0, 5.0);
        delta -= step;
        if step.abs() < 1e-12 {
            break;
        }
    }
    if delta.is_finite() { delta } else { 0.0 }
}

/// The δ with Σ exp(δ z_k) z_k = 0 (0 strictly inside the range of z).
fn solve_tilt(z: &[f64]) -> f64 {
    let f = |d: f64| {
        let mx = z.iter().map(|x| d * x).fold(f64::NEG_INFINITY, f64::max);
        z.iter().map(|x| (d * x - mx).exp() * x).sum::<f64>()
    };
    let (mut a, mut b) = (-1.0, 1.0);
    while f(a) > 0.0 && a > -1e6 {
        a *= 2.0;
    }
    while f(b) < 0.0 && b < 1e6 {
        b *= 2.0;
    }
    for _ in 0..100 {
        let mid = 0.5 * (a + b);
        if f(mid) > 0.0 {
            b = mid;
        } else {
            a = mid;
        }
    }
    0.5 * (a + b)
}

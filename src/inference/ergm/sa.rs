//! Stochastic approximation of the ERGM's MLE (Robbins–Monro), as Snijders
//! (2002) proposed it for ERGMs and statnet's
//! `control.ergm(main.method = "Stochastic-Approximation")` runs it.
//!
//! The MLE solves the moment equation E_θ g(Y) = g(y_obs). Stochastic
//! approximation walks θ towards its root with single draws, in three phases
//! (z = g(y) − g(y_obs), p statistics):
//!
//! ```text
//! phase 1   N₁ = max(200, 7 + 3p) draws at θ₀ (the MPLE)               (statnet's SA.phase1_n)
//!           (the interval doubles, to at most 8× the sampler's, while their
//!           largest lag-1 autocorrelation exceeds 0.5; phases 2 and 3 keep it)
//!           D  = their covariance  (the derivative ∂E_θ g / ∂θ at θ₀)
//!           θ  ← θ₀ − D⁻¹ z̄                 (one Newton step, Snijders 2002 §6)
//! phase 2   sub-phases k = 1 … K (K = 4, SA.nsubphases), gain a_k = a₁ / 2^{k−1}
//!           (a₁ = 0.1, SA.initial_gain); each iteration draws one network y_n
//!           (the chain continued `interval` steps at the current θ) and sets
//!               θ ← θ − a_k D_w⁻¹ z(y_n),    D_w = (1 − w) D + w diag(D)
//!           (w = 0.2, RSiena's `diagonalize` for ML; w = 1 is statnet's diag(D))
//!           sub-phase k runs at least N_k⁻ = ⌊2^{4(k−1)/3} (7 + p)⌋ iterations
//!           (2^{4/3} ≈ 2.52, statnet's growth factor) and at most
//!           N_k⁺ = N_k⁻ + 200; after N_k⁻ it stops as soon as, for every
//!           statistic, the sum over the sub-phase of z_n · z_{n−1} is negative
//!           (θ oscillates around the root: the gain has done its work);
//!           the sub-phase's estimate, where the next one starts, is the mean
//!           of θ over its iterations (Polyak averaging, Snijders's rule)
//! phase 3   N₃ = 1000 draws at θ̂ = the last sub-phase's mean (SA.phase3_n),
//!           in `chains` chains after `burnin` steps;
//!           t_a = (ḡ_a − g_a(y_obs)) / sd_a   per statistic
//!           converged when every |t_a| < 0.1 (Snijders's "excellent" bound)
//!           Σ  = the draws' covariance;  Cov(θ̂) = Σ⁻¹  (SE_a = √(Σ⁻¹)_aa)
//! ```
//!
//! **Conventions chosen** (statnet's `ergm.stocapprox` and Snijders 2002):
//! the phase-1 size, gain, sub-phase count and phase-3 size are statnet's
//! defaults. The phase-2 scaling departs from statnet's diagonal by
//! default: with D₀ = diag(D), correlated statistics (edges against
//! gwidegree and gwesp) move one at a time and the direction they share
//! converges at the rate of D₀⁻¹D's smallest eigenvalue — on Jinsong's
//! default model every t-ratio stayed near 0.5 after three runs;
//! [`SaOptions::diagonalize`] = 1 restores statnet's. statnet's phase 2 draws a fixed number of iterations per
//! sub-phase; here the sub-phase lengths follow Snijders's adaptive rule
//! (N_k⁻ … N_k⁺ with the sign test above), which statnet's source names as
//! Snijders's own. The estimate is Snijders's: the sub-phase mean itself.
//! statnet adds one importance-sampled Newton step on the phase-3 sample;
//! here that step is only *reported* ([`SaDiagnostics::newton_offset`],
//! Σ⁻¹(ḡ − g(y_obs)), with its Monte-Carlo SE), so that the t-ratios refer
//! to the estimate printed. The standard errors are Σ⁻¹ alone, as SA's are
//! (the Monte-Carlo error of θ̂ is [`SaDiagnostics::mc_se`], not added).
//!
//! **Not converged.** When some |t_a| ≥ [`SaOptions::max_t_ratio`], phase 2
//! runs again from θ̂ with D from the phase-3 covariance (RSiena's
//! `prevAns`: phase 1 is skipped), at most [`SaOptions::reruns`] times; then
//! the fit is [`Error::NoConvergence`] naming every statistic whose t-ratio
//! failed. A statistic that does not vary in phase 1 or 3, or a θ that is no
//! longer finite, is [`Error::Degenerate`].
//!
//! **Determinism.** Phase 1's attempt r uses `stream(seed, SA_STREAM + 2³⁰ + r)`, phase-2
//! iteration n (counted over all runs) `stream(seed, SA_STREAM + 1 + n)` for
//! its single chain, phase 3 of run r `stream(seed, SA_STREAM + 2³¹ + r)`;
//! the multi-chain phases run their chains in parallel in chain order
//! ([`run_chains`]), so 1 and 2 threads give the same bits.
//!
//! Complexity: (N₁ + Σ_k N_k + N₃) · interval sampler steps (one change
//! statistic each), plus a model evaluation per phase-2 iteration.
//!
//! References: Snijders, T. A. B. (2002), Markov chain Monte Carlo estimation
//! of exponential random graph models, *Journal of Social Structure* 3(2)
//! (no DOI; <https://www.cmu.edu/joss/content/articles/volume3/Snijders.pdf>);
//! Robbins, H. & Monro, S. (1951), A stochastic approximation method, *Ann.
//! Math. Statist.* 22(3), doi:10.1214/aoms/1177729586; Hunter et al. (2008),
//! doi:10.18637/jss.v024.i03 (statnet's `control.ergm`).
//!
//! ```
//! use coprod::inference::ergm::{constraints::DyadMask, network::{ErgmData, Network}};
//! use coprod::inference::ergm::{terms::Model, FitOptions, Method, fit};
//! // A triangle joined to a path of four: 7 actors, 21 dyads.
//! let ties = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 6), (2, 3)];
//! let net = Network::from_edges(7, false, &ties).unwrap();
//! let data = ErgmData::new(net);
//! let m = Model::parse("edges + triangle", &data).unwrap();
//! let mut o = FitOptions { method: Method::Sa, bridge: None, ..FitOptions::default() };
//! o.sampler.burnin = 500;
//! o.sampler.interval = 20;
//! let f = fit(&m, &data.network, &DyadMask::all(7, false), &o).unwrap();
//! let sa = f.sa.as_ref().unwrap();
//! // Converged: every phase-3 t-ratio below 0.1; one row per statistic.
//! assert!(sa.t_ratios.iter().all(|t| t.abs() < 0.1));
//! assert_eq!(f.terms.len(), 2);
//! assert!(f.terms.iter().all(|t| t.se > 0.0 && t.lower < t.estimate && t.estimate < t.upper));
//! ```

// Index loops over p × p matrices read as the formulas do.
#![allow(clippy::needless_range_loop)]

use super::constraints::DyadMask;
use super::driver::batch_length;
use super::fit::{Diagnostics, FitOptions};
use super::mcmle::{batch_means, hotelling, lag1};
use super::mple::{MpleOptions, mple};
use super::network::Network;
use super::sampler::{Sample, SamplerOptions, run_chains};
use super::terms::Model;
use crate::error::{Error, Result};
use crate::inference::linalg::{chol_inverse, chol_solve, cholesky, matmul};
use crate::random::stream;
use rand_core::Rng;

/// The stochastic approximation's settings (statnet's `SA.*` controls).
#[derive(Debug, Clone, PartialEq)]
pub struct SaOptions {
    /// Phase-1 draws; `None`: max(200, 7 + 3p) (statnet's `SA.phase1_n`).
    pub phase1_draws: Option<usize>,
    /// The first sub-phase's gain a₁ (statnet's `SA.initial_gain`, 0.1).
    pub initial_gain: f64,
    /// Sub-phases of phase 2 (statnet's `SA.nsubphases`, 4).
    pub subphases: usize,
    /// N_k⁺ − N_k⁻: the iterations a sub-phase may run past its minimum (200).
    pub extra_iterations: usize,
    /// Phase-3 draws (statnet's `SA.phase3_n`, 1000).
    pub phase3_draws: usize,
    /// Convergence: every |t| below this (Snijders's 0.1).
    pub max_t_ratio: f64,
    /// Phase-2 reruns from the last estimate before giving up (2).
    pub reruns: usize,
    /// w in the phase-2 scaling D_w = (1 − w) D + w diag(D) (RSiena's
    /// `diagonalize`): 1 is statnet's and Snijders's (2002) diagonal D₀;
    /// the default 0.2 is RSiena's for maximum likelihood, which moves
    /// strongly correlated statistics (edges, gwidegree, gwesp) together
    /// instead of one at a time (with the diagonal, the fit of Jinsong's
    /// default model had not converged after three runs).
    pub diagonalize: f64,
    /// The interval doubles (from the sampler's, up to this multiple) while
    /// phase 1's largest lag-1 autocorrelation exceeds 0.5, as the MCMC-MLE
    /// adapts (8).
    pub max_interval_factor: usize,
}

impl Default for SaOptions {
    fn default() -> Self {
        SaOptions {
            phase1_draws: None,
            initial_gain: 0.1,
            subphases: 4,
            extra_iterations: 200,
            phase3_draws: 1000,
            max_t_ratio: 0.1,
            reruns: 2,
            diagonalize: 0.2,
            max_interval_factor: 8,
        }
    }
}

/// What one phase-2 sub-phase did.
#[derive(Debug, Clone, PartialEq)]
pub struct Subphase {
    /// The run (0 = the first phase 2, then the reruns).
    pub run: usize,
    /// 1-based sub-phase.
    pub k: usize,
    /// Its gain a_k.
    pub gain: f64,
    /// Iterations run (between N_k⁻ and N_k⁺).
    pub iterations: usize,
    /// Whether it stopped by the sign test (else at N_k⁺).
    pub stopped_early: bool,
    /// The mean θ over its iterations (where the next starts).
    pub theta: Vec<f64>,
}

/// The stochastic approximation's own diagnostics (phase 3's sample is in
/// [`ErgmFit::diagnostics`](super::ErgmFit::diagnostics)).
#[derive(Debug, Clone, PartialEq)]
pub struct SaDiagnostics {
    /// The start (the MPLE).
    pub start: Vec<f64>,
    /// Phase-1 draws.
    pub phase1_draws: usize,
    /// Every sub-phase, in order.
    pub subphases: Vec<Subphase>,
    /// Phase 2 runs (1 + reruns used).
    pub runs: usize,
    /// Phase-3 t-ratios (ḡ − g(y_obs)) / sd, per statistic.
    pub t_ratios: Vec<f64>,
    /// The convergence bound they met.
    pub max_t_ratio: f64,
    /// Σ⁻¹ (ḡ − g(y_obs)): statnet's final Newton correction, not applied
    /// (θ̂ − offset estimates the MLE to second order).
    pub newton_offset: Vec<f64>,
    /// Monte-Carlo SE of that offset, √diag(Σ⁻¹ V Σ⁻¹), V the batch-means
    /// covariance of ḡ: how well phase 3 locates E_θ̂ g.
    pub mc_se: Vec<f64>,
}

/// The outcome of [`sa`]: θ̂, Cov(θ̂) = Σ⁻¹, phase 3's diagnostics and SA's own.
pub(super) type SaOutcome = (Vec<f64>, Vec<f64>, Diagnostics, SaDiagnostics);

/// The first stream index of the stochastic approximation.
const SA_STREAM: u64 = 2 << 32;
/// Phase 3 of run r uses `SA_STREAM + PHASE3 + r`.
const PHASE3: u64 = 1 << 31;
/// Phase 1's attempt r (the interval doubled r times) uses `SA_STREAM + PHASE1 + r`.
const PHASE1: u64 = 1 << 30;

fn z_of(s: &Sample, observed: &[f64]) -> Vec<f64> {
    (0..s.len())
        .flat_map(|r| s.row(r).iter().zip(observed).map(|(a, b)| a - b))
        .collect()
}

/// Mean and covariance (denominator N − 1) of the rows of z (N × p).
fn moments(z: &[f64], p: usize) -> (Vec<f64>, Vec<f64>) {
    let n = z.len() / p;
    let mut mean = vec![0.0; p];
    for k in 0..n {
        for a in 0..p {
            mean[a] += z[k * p + a] / n as f64;
        }
    }
    let mut cov = vec![0.0; p * p];
    for k in 0..n {
        for a in 0..p {
            for b in 0..p {
                cov[a * p + b] +=
                    (z[k * p + a] - mean[a]) * (z[k * p + b] - mean[b]) / (n.max(2) - 1) as f64;
            }
        }
    }
    (mean, cov)
}

/// A statistic without variation in a sample: degenerate.
fn check_variation(
    names: &[String],
    cov: &[f64],
    p: usize,
    phase: &str,
    theta: &[f64],
) -> Result<()> {
    if let Some(a) = (0..p).find(|&a| cov[a * p + a] <= 0.0) {
        return Err(Error::Degenerate {
            method: "stochastic approximation",
            detail: format!(
                "`{}` did not vary in {phase} at θ = [{}]: the chain is stuck or the model puts all its mass on one value",
                names[a],
                fmt(theta)
            ),
        });
    }
    Ok(())
}

fn fmt(theta: &[f64]) -> String {
    theta
        .iter()
        .map(|x| format!("{x:.3}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Cholesky factor of D_w = (1 − w) D + w diag(D).
fn scaling(d: &[f64], p: usize, w: f64) -> Option<Vec<f64>> {
    let w = w.clamp(0.0, 1.0);
    let dw: Vec<f64> = (0..p * p)
        .map(|k| {
            if k / p == k % p {
                d[k]
            } else {
                (1.0 - w) * d[k]
            }
        })
        .collect();
    cholesky(&dw, p)
}

fn per_chain(total: usize, chains: usize) -> usize {
    total.div_ceil(chains.max(1)).max(1)
}

/// Run the three phases (see the module doc).
pub(super) fn sa(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    opts: &FitOptions,
    observed: &[f64],
) -> Result<SaOutcome> {
    let p = model.len();
    let names = model.names();
    let so = &opts.sa;
    let base = &opts.sampler;
    let start = mple(model, net, mask, &MpleOptions::default())?.coef;

    // Phase 1: D at the MPLE (the interval doubled while the draws are
    // strongly autocorrelated), then one Newton step.
    let n1 = so.phase1_draws.unwrap_or((7 + 3 * p).max(200));
    let mut interval = base.interval.max(1);
    let max_interval = interval * so.max_interval_factor.max(1);
    let mut attempt = 0u64;
    let (s1, s1opts) = loop {
        let s1opts = SamplerOptions {
            draws_per_chain: per_chain(n1, base.chains),
            interval,
            seed: stream(base.seed, SA_STREAM + PHASE1 + attempt).next_u64(),
            ..base.clone()
        };
        let (s1, _) = run_chains(
            model,
            std::slice::from_ref(net),
            mask,
            &start,
            &s1opts,
            false,
        );
        let rho = lag1(&s1)
            .into_iter()
            .fold(0.0f64, |m, r| if r.is_finite() { m.max(r) } else { m });
        if rho <= 0.5 || interval * 2 > max_interval {
            break (s1, s1opts);
        }
        interval *= 2;
        attempt += 1;
    };
    let interval = s1opts.interval;
    let (zbar, d) = moments(&z_of(&s1, observed), p);
    check_variation(names, &d, p, "phase 1", &start)?;
    let chol = cholesky(&d, p).ok_or_else(|| Error::Degenerate {
        method: "stochastic approximation",
        detail: format!(
            "the statistics are linearly dependent in phase 1 at the MPLE [{}]",
            fmt(&start)
        ),
    })?;
    let newton = chol_solve(&chol, p, &zbar);
    let mut theta: Vec<f64> = start.iter().zip(&newton).map(|(t, s)| t - s).collect();
    let mut scale = scaling(&d, p, so.diagonalize).ok_or_else(|| Error::Degenerate {
        method: "stochastic approximation",
        detail: "the phase-2 scaling matrix is singular".into(),
    })?;
    let mut state = s1.last[0].clone();

    let mut subphases = Vec::new();
    let mut iteration = 0u64;
    let mut last_t = Vec::new();
    for run in 0..=so.reruns {
        // Phase 2.
        let mut gain = so.initial_gain;
        for k in 1..=so.subphases {
            let nmin = (2f64.powf(4.0 * (k as f64 - 1.0) / 3.0) * (7 + p) as f64).floor() as usize;
            let nmax = nmin + so.extra_iterations;
            let mut sum = vec![0.0; p];
            let mut prods = vec![0.0; p];
            let mut prev: Option<Vec<f64>> = None;
            let mut n = 0;
            let mut early = false;
            while n < nmax {
                iteration += 1;
                let one = SamplerOptions {
                    burnin: 0,
                    interval,
                    draws_per_chain: 1,
                    chains: 1,
                    proposal: base.proposal,
                    seed: stream(base.seed, SA_STREAM + iteration).next_u64(),
                };
                let (s, _) = run_chains(
                    model,
                    std::slice::from_ref(&state),
                    mask,
                    &theta,
                    &one,
                    false,
                );
                let z: Vec<f64> = s.row(0).iter().zip(observed).map(|(a, b)| a - b).collect();
                state = s.last.into_iter().next().expect("one chain");
                if let Some(pz) = &prev {
                    for a in 0..p {
                        prods[a] += z[a] * pz[a];
                    }
                }
                let step = chol_solve(&scale, p, &z);
                for a in 0..p {
                    theta[a] -= gain * step[a];
                    sum[a] += theta[a];
                }
                if theta.iter().any(|t| !t.is_finite()) {
                    return Err(Error::Degenerate {
                        method: "stochastic approximation",
                        detail: format!(
                            "θ left the finite range in sub-phase {k} (gain {gain}): the model is degenerate"
                        ),
                    });
                }
                prev = Some(z);
                n += 1;
                if n >= nmin && prods.iter().all(|&x| x < 0.0) {
                    early = true;
                    break;
                }
            }
            theta = sum.iter().map(|s| s / n as f64).collect();
            subphases.push(Subphase {
                run,
                k,
                gain,
                iterations: n,
                stopped_early: early,
                theta: theta.clone(),
            });
            gain *= 0.5;
        }

        // Phase 3.
        let s3opts = SamplerOptions {
            draws_per_chain: per_chain(so.phase3_draws, base.chains),
            interval,
            seed: stream(base.seed, SA_STREAM + PHASE3 + run as u64).next_u64(),
            ..base.clone()
        };
        let (s3, _) = run_chains(
            model,
            std::slice::from_ref(&state),
            mask,
            &theta,
            &s3opts,
            false,
        );
        let z3 = z_of(&s3, observed);
        let (mean, sigma) = moments(&z3, p);
        check_variation(names, &sigma, p, "phase 3", &theta)?;
        let t: Vec<f64> = (0..p).map(|a| mean[a] / sigma[a * p + a].sqrt()).collect();
        let l = cholesky(&sigma, p).ok_or_else(|| Error::Degenerate {
            method: "stochastic approximation",
            detail: format!(
                "the statistics are linearly dependent in phase 3 at θ = [{}]",
                fmt(&theta)
            ),
        })?;
        let cov = chol_inverse(&l, p);
        state = s3.last[0].clone();
        if t.iter().all(|x| x.abs() < so.max_t_ratio) {
            let rho = lag1(&s3)
                .into_iter()
                .fold(0.0f64, |m, r| if r.is_finite() { m.max(r) } else { m });
            let bm = batch_means(&s3, &z3, batch_length(rho, s3.per_chain));
            let (t2, pval) = hotelling(&bm, p);
            let offset = chol_solve(&l, p, &mean);
            let mc = matmul(&matmul(&cov, &bm.cov_of_mean, p), &cov, p);
            let diag = Diagnostics {
                iterations: iteration as usize,
                hotelling_t2: t2,
                hotelling_p: pval,
                lag1: lag1(&s3),
                acceptance: s3.acceptance,
                draws: s3.len(),
                simulated_mean: s3.mean(),
                simulated_mean_se: (0..p).map(|a| bm.cov_of_mean[a * p + a].sqrt()).collect(),
                ess: bm.ess,
                sampler: s3opts,
                restarts: run,
                history: Vec::new(),
                trace: s3.stats.clone(),
                chains: s3.chains,
            };
            let sad = SaDiagnostics {
                start,
                phase1_draws: s1.len(),
                subphases,
                runs: run + 1,
                t_ratios: t,
                max_t_ratio: so.max_t_ratio,
                newton_offset: offset,
                mc_se: (0..p).map(|a| mc[a * p + a].max(0.0).sqrt()).collect(),
            };
            return Ok((theta, cov, diag, sad));
        }
        // Rerun phase 2 from θ̂ with D from phase 3 (RSiena's prevAns).
        scale = scaling(&sigma, p, so.diagonalize).ok_or_else(|| Error::Degenerate {
            method: "stochastic approximation",
            detail: "the phase-2 scaling matrix is singular".into(),
        })?;
        last_t = t;
    }
    let failed: Vec<String> = (0..p)
        .filter(|&a| last_t[a].abs() >= so.max_t_ratio)
        .map(|a| format!("`{}` t = {:.3}", names[a], last_t[a]))
        .collect();
    Err(Error::NoConvergence {
        method: "stochastic approximation",
        iterations: iteration as usize,
        hint: format!(
            "after {} run(s) of phase 2 the phase-3 t-ratio failed |t| < {} for {}; last θ = [{}]: raise the sampler's interval or the sub-phases, or simplify the formula",
            so.reruns + 1,
            so.max_t_ratio,
            failed.join(", "),
            fmt(&theta)
        ),
    })
}

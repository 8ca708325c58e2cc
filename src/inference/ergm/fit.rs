//! Fitting an ERGM: the estimator chosen for the formula and the network,
//! the estimates with their uncertainty, the diagnostics, and the named
//! failures.
//!
//! [`Method::Auto`] picks, as statnet does and as the statistics demand:
//!
//! 1. a dyad-independent formula: the MPLE, which *is* the MLE (a logistic
//!    regression; its log-likelihood is exact, hence AIC/BIC);
//! 2. at most [`FitOptions::exact_max_dyads`] free dyads: the exact MLE
//!    by enumeration ([`exact`](super::exact));
//! 3. otherwise the MCMC-MLE ([`mcmle`](super::mcmle)) started at the MPLE.
//!
//! Every path returns an [`ErgmFit`] with one [`TermEstimate`] per statistic
//! (estimate, SE, z, two-sided p, 95 % Wald interval) or a typed error:
//! [`Error::MleDoesNotExist`] (separation / boundary of the convex hull),
//! [`Error::Degenerate`] (the chains run to the empty or the full network),
//! [`Error::NoConvergence`] (the iteration budget spent).

use super::constraints::DyadMask;
use super::exact::ExactDistribution;
use super::linalg::{Z975, normal_two_sided};
use super::mcmle::{batch_means, covariances, hotelling, lag1, optimise, step_length, tilted};
use super::mple::{MpleOptions, Penalty, mple};
use super::network::Network;
use super::sampler::{SamplerOptions, simulate};
use super::terms::Model;
use crate::error::{Error, Result};
use crate::random::stream;
use rand_core::Rng;

/// Which estimator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// MPLE for dyad-independent formulas, exact for tiny networks, else MCMC-MLE.
    #[default]
    Auto,
    /// The maximum pseudo-likelihood estimate (statnet `estimate="MPLE"`).
    Mple,
    /// The Firth-penalised MPLE (finite under separation).
    MpleFirth,
    /// The exact MLE by enumeration.
    Exact,
    /// The MCMC-MLE.
    Mcmle,
}

/// The estimator a fit used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimator {
    /// The MLE of a dyad-independent model (= the MPLE).
    DyadIndependentMle,
    /// The MPLE of a dyad-dependent model (standard errors too small).
    Mple,
    /// The Firth-penalised MPLE.
    MpleFirth,
    /// The exact MLE.
    Exact,
    /// The MCMC-MLE.
    Mcmle,
}

impl Estimator {
    /// A name for reports.
    pub fn label(self) -> &'static str {
        match self {
            Estimator::DyadIndependentMle => "MLE (dyad-independent: logistic regression)",
            Estimator::Mple => "MPLE (pseudo-likelihood; SEs understate the uncertainty)",
            Estimator::MpleFirth => "Firth-penalised MPLE",
            Estimator::Exact => "exact MLE (every network enumerated)",
            Estimator::Mcmle => "MCMC-MLE (Geyer-Thompson, Hummel stepping)",
        }
    }
}

/// Options of [`fit`].
#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// The estimator.
    pub method: Method,
    /// The sampler's settings for each MCMC-MLE iteration (its seed is the fit's seed).
    pub sampler: SamplerOptions,
    /// MCMC-MLE iterations at most (statnet's `MCMLE.maxit`, 60 there).
    pub max_iterations: usize,
    /// [`Method::Auto`] enumerates networks with at most this many free dyads.
    pub exact_max_dyads: usize,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            method: Method::Auto,
            sampler: SamplerOptions::default(),
            max_iterations: 40,
            exact_max_dyads: 16,
        }
    }
}

/// One row of a fit.
#[derive(Debug, Clone, PartialEq)]
pub struct TermEstimate {
    /// statnet's coefficient name.
    pub term: String,
    /// θ̂.
    pub estimate: f64,
    /// Standard error.
    pub se: f64,
    /// θ̂ / SE.
    pub z: f64,
    /// Two-sided p of z under N(0, 1).
    pub p: f64,
    /// 95 % Wald interval, lower end.
    pub lower: f64,
    /// 95 % Wald interval, upper end.
    pub upper: f64,
}

/// MCMC diagnostics of the final sample.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostics {
    /// MCMC-MLE iterations run.
    pub iterations: usize,
    /// Hotelling's T² of E(g) = g(y_obs) at the last sample, and its p.
    pub hotelling_t2: f64,
    /// Its p-value (convergence asks p > 0.5).
    pub hotelling_p: f64,
    /// Effective sample size per statistic (batch means).
    pub ess: Vec<f64>,
    /// Lag-1 autocorrelation per statistic (between recorded draws).
    pub lag1: Vec<f64>,
    /// Proposal acceptance rate.
    pub acceptance: f64,
    /// Draws in the final sample.
    pub draws: usize,
    /// Mean simulated statistics at the final θ (the moment condition:
    /// equal to the observed within Monte-Carlo error).
    pub simulated_mean: Vec<f64>,
    /// Monte-Carlo standard error of each simulated mean.
    pub simulated_mean_se: Vec<f64>,
    /// The sampler's settings.
    pub sampler: SamplerOptions,
}

/// A fitted ERGM.
#[derive(Debug, Clone, PartialEq)]
pub struct ErgmFit {
    /// The formula.
    pub formula: String,
    /// The estimator used.
    pub estimator: Estimator,
    /// One row per statistic.
    pub terms: Vec<TermEstimate>,
    /// Covariance of θ̂ (row-major).
    pub cov: Vec<f64>,
    /// g(y_obs).
    pub observed: Vec<f64>,
    /// The log-likelihood at θ̂ where it is known exactly (dyad-independent, exact).
    pub loglik: Option<f64>,
    /// Free dyads.
    pub dyads: usize,
    /// MCMC diagnostics (MCMC-MLE only).
    pub diagnostics: Option<Diagnostics>,
}

impl ErgmFit {
    /// θ̂ in order.
    pub fn coef(&self) -> Vec<f64> {
        self.terms.iter().map(|t| t.estimate).collect()
    }

    /// AIC = −2ℓ + 2p, where ℓ is known.
    pub fn aic(&self) -> Option<f64> {
        self.loglik
            .map(|l| -2.0 * l + 2.0 * self.terms.len() as f64)
    }

    /// BIC = −2ℓ + p log(dyads) (statnet's convention: n = free dyads).
    pub fn bic(&self) -> Option<f64> {
        self.loglik
            .map(|l| -2.0 * l + self.terms.len() as f64 * (self.dyads as f64).ln())
    }
}

fn rows(names: &[String], coef: &[f64], cov: &[f64]) -> Vec<TermEstimate> {
    let p = names.len();
    names
        .iter()
        .enumerate()
        .map(|(a, n)| {
            let se = cov[a * p + a].sqrt();
            let z = coef[a] / se;
            TermEstimate {
                term: n.clone(),
                estimate: coef[a],
                se,
                z,
                p: normal_two_sided(z),
                lower: coef[a] - Z975 * se,
                upper: coef[a] + Z975 * se,
            }
        })
        .collect()
}

/// Fit `model` to `net` over the free dyads of `mask`.
///
/// # Errors
/// See the module doc; [`Error::InvalidParameter`] for a statistic no free
/// dyad changes, or a network too large for [`Method::Exact`].
pub fn fit(model: &Model, net: &Network, mask: &DyadMask, opts: &FitOptions) -> Result<ErgmFit> {
    let observed = model.statistics(net);
    let dyads = mask.free_dyads().len();
    if dyads == 0 {
        return Err(Error::InvalidParameter {
            name: "constraints",
            reason: "no free dyad: every dyad is fixed".into(),
        });
    }
    let method = match opts.method {
        Method::Auto if model.dyad_independent() => Method::Mple,
        Method::Auto if dyads <= opts.exact_max_dyads => Method::Exact,
        Method::Auto => Method::Mcmle,
        m => m,
    };
    let base = |estimator, terms, cov, loglik, diagnostics| ErgmFit {
        formula: model.formula().to_string(),
        estimator,
        terms,
        cov,
        observed: observed.clone(),
        loglik,
        dyads,
        diagnostics,
    };
    match method {
        Method::Mple | Method::MpleFirth | Method::Auto => {
            let penalty = if method == Method::MpleFirth {
                Penalty::Firth
            } else {
                Penalty::None
            };
            let f = mple(
                model,
                net,
                mask,
                &MpleOptions {
                    penalty,
                    ..MpleOptions::default()
                },
            )?;
            let indep = model.dyad_independent();
            let estimator = match (penalty, indep) {
                (Penalty::Firth, _) => Estimator::MpleFirth,
                (Penalty::None, true) => Estimator::DyadIndependentMle,
                (Penalty::None, false) => Estimator::Mple,
            };
            let loglik = (indep && penalty == Penalty::None).then_some(f.log_pl);
            Ok(base(
                estimator,
                rows(model.names(), &f.coef, &f.cov),
                f.cov.clone(),
                loglik,
                None,
            ))
        }
        Method::Exact => {
            let e = ExactDistribution::enumerate(
                model,
                net,
                mask,
                opts.exact_max_dyads.max(super::exact::MAX_DYADS),
            )?;
            let f = e.mle()?;
            let p = model.len();
            let cov = {
                let (_, _, c) = e.moments(&f.coef);
                let l = super::linalg::cholesky(&c, p).ok_or_else(|| Error::InvalidParameter {
                    name: "formula",
                    reason: "the statistics are linearly dependent".into(),
                })?;
                super::linalg::chol_inverse(&l, p)
            };
            Ok(base(
                Estimator::Exact,
                rows(model.names(), &f.coef, &cov),
                cov,
                Some(f.loglik),
                None,
            ))
        }
        Method::Mcmle => mcmle(model, net, mask, opts, &observed).map(|(coef, cov, diag)| {
            base(
                Estimator::Mcmle,
                rows(model.names(), &coef, &cov),
                cov,
                None,
                Some(diag),
            )
        }),
    }
}

/// The MCMC-MLE loop: (θ̂, covariance, diagnostics).
fn mcmle(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    opts: &FitOptions,
    observed: &[f64],
) -> Result<(Vec<f64>, Vec<f64>, Diagnostics)> {
    let p = model.len();
    let start = mple(model, net, mask, &MpleOptions::default())?;
    let mut theta = start.coef;
    let mut state = net.clone();
    let free = mask.free_dyads();
    let obs_free = free.iter().filter(|&&(i, j)| net.has(i, j)).count() as f64;
    let nd = free.len() as f64;
    let mut degenerate = 0;
    for it in 1..=opts.max_iterations {
        let mut sopts = opts.sampler.clone();
        sopts.seed = stream(opts.sampler.seed, it as u64).next_u64();
        let s = simulate(model, &state, mask, &theta, &sopts);
        let z: Vec<f64> = (0..s.len())
            .flat_map(|r| {
                s.row(r)
                    .iter()
                    .zip(observed)
                    .map(|(a, b)| a - b)
                    .collect::<Vec<_>>()
            })
            .collect();
        let ties = s.free_ties.iter().sum::<usize>() as f64 / s.free_ties.len().max(1) as f64;
        if ties > obs_free + 0.5 * (nd - obs_free) || (obs_free >= 4.0 && ties < 0.25 * obs_free) {
            degenerate += 1;
            if degenerate >= 3 {
                return Err(Error::Degenerate {
                    method: "MCMC-MLE",
                    detail: format!(
                        "at iteration {it} the chains hold {ties:.1} ties on average against {obs_free} observed (of {nd} free dyads) for the third iteration running, at θ = [{}]: the model puts its mass on near-empty or near-full networks; use gwesp/gwdegree instead of triangle/kstar, or a smaller decay",
                        theta
                            .iter()
                            .map(|x| format!("{x:.3}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
        } else {
            degenerate = 0;
        }
        let bm = batch_means(&s, &z);
        let (t2, pval) = hotelling(&bm, p);
        let gamma = step_length(&z, p);
        if gamma >= 1.0 && pval > 0.5 {
            let delta = optimise(&z, p, &vec![0.0; p]).ok_or_else(|| singular(model, it))?;
            let (_, _, info) = tilted(&z, p, &delta);
            let (_, total) =
                covariances(&info, &bm.cov_of_mean, p).ok_or_else(|| singular(model, it))?;
            let coef: Vec<f64> = theta.iter().zip(&delta).map(|(a, b)| a + b).collect();
            let diag = Diagnostics {
                iterations: it,
                hotelling_t2: t2,
                hotelling_p: pval,
                lag1: lag1(&s),
                acceptance: s.acceptance,
                draws: s.len(),
                simulated_mean: s.mean(),
                simulated_mean_se: (0..p).map(|a| bm.cov_of_mean[a * p + a].sqrt()).collect(),
                ess: bm.ess,
                sampler: opts.sampler.clone(),
            };
            return Ok((coef, total, diag));
        }
        let xi: Vec<f64> = bm.mean.iter().map(|m| (1.0 - gamma) * m).collect();
        let delta = optimise(&z, p, &xi).ok_or_else(|| singular(model, it))?;
        theta.iter_mut().zip(&delta).for_each(|(a, b)| *a += b);
        state = s.last[0].clone();
    }
    Err(Error::NoConvergence {
        method: "MCMC-MLE",
        iterations: opts.max_iterations,
        hint: "raise the iterations or the sampler's interval and draws, or simplify the formula"
            .into(),
    })
}

/// The sample's statistics lost all variation in some direction at
/// iteration `it`: the chain is stuck or near-degenerate at the θ tried (the
/// formula itself passed the MPLE's rank check before the loop).
fn singular(model: &Model, it: usize) -> Error {
    Error::Degenerate {
        method: "MCMC-MLE",
        detail: format!(
            "at iteration {it} the simulated statistics of `{}` are linearly dependent (a statistic did not vary in the sample): the chain is stuck or near-degenerate at the θ tried; rerun with another seed or a longer sampler interval, or simplify the formula",
            model.formula()
        ),
    }
}

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
//! [`Method::Sa`] (asked for, never automatic) is the stochastic
//! approximation ([`sa`](super::sa)), the alternative to the MCMC-MLE.
//!
//! Every path returns an [`ErgmFit`] with one [`TermEstimate`] per statistic
//! (estimate, SE, z, two-sided p, 95 % Wald interval) or a typed error:
//! [`Error::MleDoesNotExist`] (separation / boundary of the convex hull),
//! [`Error::Degenerate`] (the chains run to the empty or the full network),
//! [`Error::NoConvergence`] (the iteration budget spent).

use super::bridge::{BridgeOptions, loglik as bridge_loglik};
use super::constraints::DyadMask;
use super::driver::{McmleOptions, mcmle};
use super::exact::ExactDistribution;
use super::linalg::{Z975, normal_two_sided};
use super::mple::{MpleOptions, Penalty, mple};
use super::network::Network;
use super::sa::{SaDiagnostics, SaOptions, sa};
use super::sampler::SamplerOptions;
use super::terms::Model;
use crate::error::{Error, Result};
use crate::progress::Progress;
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
    /// Stochastic approximation (Robbins–Monro, Snijders 2002; [`sa`](super::sa)).
    Sa,
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
    /// Stochastic approximation.
    Sa,
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
            Estimator::Sa => "stochastic approximation (Robbins-Monro, Snijders 2002)",
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
    /// The MCMC-MLE's adaptation, restarts and trust region ([`driver`](super::driver)).
    pub mcmle: McmleOptions,
    /// The MCMC-MLE's log-likelihood by bridge sampling ([`bridge`](super::bridge));
    /// `None` leaves [`ErgmFit::loglik`] empty for MCMC fits (and saves the time).
    pub bridge: Option<BridgeOptions>,
    /// Progress of an MCMC-MLE fit on a terminal ([`Progress::Auto`], the
    /// default): a spinner counting iterations, then a bar counting bridges
    /// (this replaces the bridge options' own).
    pub progress: Progress,
    /// The stochastic approximation's phases ([`Method::Sa`]; its sampler is [`sampler`](Self::sampler)).
    pub sa: SaOptions,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            method: Method::Auto,
            sampler: SamplerOptions::default(),
            max_iterations: 40,
            exact_max_dyads: 16,
            mcmle: McmleOptions::default(),
            bridge: Some(BridgeOptions::default()),
            progress: Progress::Auto,
            sa: SaOptions::default(),
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
    /// Its p-value (reported; the MCMC-MLE stops on Hummel's rule, see [`driver`](super::driver)).
    pub hotelling_p: f64,
    /// Effective sample size per statistic (batch means).
    pub ess: Vec<f64>,
    /// Lag-1 autocorrelation per statistic (between recorded draws).
    pub lag1: Vec<f64>,
    /// Proposal acceptance rate.
    pub acceptance: f64,
    /// Draws in the final sample.
    pub draws: usize,
    /// Mean simulated statistics of the final sample, drawn at the θ before
    /// the final step (the MCMC-MLE; at the estimate for stochastic
    /// approximation): near the observed, within a step's worth.
    pub simulated_mean: Vec<f64>,
    /// Monte-Carlo standard error of each simulated mean.
    pub simulated_mean_se: Vec<f64>,
    /// The sampler's settings of the final sample (the interval as adapted).
    pub sampler: SamplerOptions,
    /// Broken samples the fit restarted from ([`driver`](super::driver)).
    pub restarts: usize,
    /// One record per iteration, in order.
    pub history: Vec<IterationRecord>,
    /// The final sample's statistics g(y_k), row-major draws × statistics,
    /// chain after chain ([`chains`](Self::chains) chains of
    /// [`draws`](Self::draws) / `chains` draws): what the trace and density
    /// plots of `coprod ergm --plots` show (statnet's `mcmc.diagnostics`).
    pub trace: Vec<f64>,
    /// Chains of the final sample.
    pub chains: usize,
}

impl Diagnostics {
    /// Statistic `a` of the final sample, one vector of draws per chain.
    ///
    /// # Panics
    /// If `a` is not a statistic's index.
    pub fn chain_columns(&self, a: usize) -> Vec<Vec<f64>> {
        let p = self.simulated_mean.len();
        assert!(a < p, "statistic {a} of {p}");
        let per = self.draws / self.chains.max(1);
        (0..self.chains)
            .map(|c| {
                (0..per)
                    .map(|k| self.trace[(c * per + k) * p + a])
                    .collect()
            })
            .collect()
    }
}

/// What one MCMC-MLE iteration saw.
#[derive(Debug, Clone, PartialEq)]
pub struct IterationRecord {
    /// 1-based.
    pub iteration: usize,
    /// The θ the sample was drawn at.
    pub theta: Vec<f64>,
    /// The sampler's interval.
    pub interval: usize,
    /// The largest lag-1 autocorrelation of the recorded statistics.
    pub lag1: f64,
    /// Mean ties on the free dyads in the sample.
    pub mean_ties: f64,
    /// Hummel's step length γ (NaN when the sample broke).
    pub step_length: f64,
    /// Hotelling's p of E(z) = 0 (NaN when the sample broke).
    pub hotelling_p: f64,
    /// Why the sample was not used, if it was not (then the fit restarted).
    pub broken: Option<String>,
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
    /// The log-likelihood at θ̂: exact for dyad-independent and exact fits,
    /// bridge-sampled for MCMC-MLE fits (when [`FitOptions::bridge`] is set);
    /// `None` for the MPLE of a dyad-dependent model (a pseudo-likelihood is no likelihood).
    pub loglik: Option<f64>,
    /// The Monte-Carlo standard error of [`loglik`](Self::loglik) (bridge
    /// sampling); `None` where it is exact.
    pub loglik_mc_se: Option<f64>,
    /// Free dyads.
    pub dyads: usize,
    /// MCMC diagnostics (MCMC-MLE; for stochastic approximation, phase 3's sample).
    pub diagnostics: Option<Diagnostics>,
    /// The stochastic approximation's phases and t-ratios ([`Method::Sa`] only).
    pub sa: Option<SaDiagnostics>,
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
        loglik_mc_se: None,
        dyads,
        diagnostics,
        sa: None,
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
                let l = crate::inference::linalg::cholesky(&c, p).ok_or_else(|| {
                    Error::InvalidParameter {
                        name: "formula",
                        reason: "the statistics are linearly dependent".into(),
                    }
                })?;
                crate::inference::linalg::chol_inverse(&l, p)
            };
            Ok(base(
                Estimator::Exact,
                rows(model.names(), &f.coef, &cov),
                cov,
                Some(f.loglik),
                None,
            ))
        }
        Method::Mcmle => {
            let (coef, cov, diag) = mcmle(model, net, mask, opts, &observed)?;
            let bridged = bridged_loglik(model, net, mask, &coef, opts)?;
            let mut f = base(
                Estimator::Mcmle,
                rows(model.names(), &coef, &cov),
                cov,
                bridged.as_ref().map(|b| b.loglik),
                Some(diag),
            );
            f.loglik_mc_se = bridged.map(|b| b.mc_se);
            Ok(f)
        }
        Method::Sa => {
            let (coef, cov, diag, sad) = sa(model, net, mask, opts, &observed)?;
            let bridged = bridged_loglik(model, net, mask, &coef, opts)?;
            let mut f = base(
                Estimator::Sa,
                rows(model.names(), &coef, &cov),
                cov,
                bridged.as_ref().map(|b| b.loglik),
                Some(diag),
            );
            f.loglik_mc_se = bridged.map(|b| b.mc_se);
            f.sa = Some(sad);
            Ok(f)
        }
    }
}

/// The bridge-sampled log-likelihood at `coef`, when the options ask for it.
fn bridged_loglik(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    coef: &[f64],
    opts: &FitOptions,
) -> Result<Option<super::bridge::BridgeEstimate>> {
    let Some(b) = &opts.bridge else {
        return Ok(None);
    };
    let seed = stream(opts.sampler.seed, BRIDGE_STREAM).next_u64();
    let b = BridgeOptions {
        progress: opts.progress,
        ..b.clone()
    };
    bridge_loglik(model, net, mask, coef, seed, &b).map(Some)
}

/// The stream index of the bridge sampler's seed (the MCMC-MLE's iterations use 1, 2, …).
const BRIDGE_STREAM: u64 = 1 << 32;

//! The model part of the answer's E3 and E4 (`docs/PREREGISTRATION.md`)
//! for one view of a case: the pre-registered ERGM, its core terms, the AIC
//! comparison, the goodness of fit, and the counterfactual draws.
//!
//! The formulas ([`prereg_formulas`]):
//!
//! ```text
//! directed:    edges + mutual + nodematch("sector") + gwesp(0.5, fixed=TRUE)
//!              + gwidegree(0.5, fixed=TRUE)
//!              + nodeifactor("core", levels="core") + nodeofactor("core", levels="core")
//! symmetrised: edges + nodematch("sector") + gwesp(0.5, fixed=TRUE)
//!              + gwdegree(0.5, fixed=TRUE) + nodefactor("core", levels="core")
//! ```
//!
//! and each without its core terms, all fitted by the MCMC-MLE
//! ([`driver`](super::driver)) under the codebook's structural zeros, their
//! log-likelihoods by bridge sampling ([`bridge`](super::bridge)).
//!
//! * `core_terms`: the core statistics' rows (`nodeifactor.core.core`,
//!   `nodeofactor.core.core`, or `nodefactor.core.core`): estimate, SE, 95 %
//!   Wald interval, two-sided p, and the one-sided p of H₁: θ > 0,
//!   1 − Φ(θ̂ / SE).
//! * `delta_aic` = AIC(without core) − AIC(with core): positive when the core
//!   terms earn their parameters; its Monte-Carlo SE is 2 √(se₁² + se₂²) from
//!   the two bridges.
//! * `gof`: [`gof`](super::gof) of the full fit; `usable` is
//!   [`NotUsed::GofRejects`] when [`Gof::rejects`].
//! * `usable`: `Ok(())`, or why E3 is not used: the fit did not converge,
//!   is degenerate, its MLE does not exist, or the GOF rejects it.
//! * `counterfactual`: when usable, [`EvidenceOptions::counterfactual_draws`]
//!   networks drawn at θ̂ with the core terms at 0 and `edges` re-solved
//!   ([`counterfactual`]), each an edge list over the view's node indices
//!   (the order of `view.ids()`, as `view.csr()`): directed arcs (u, v), or
//!   undirected ties once with u < v. They are recorded at the fit's
//!   adapted interval (at least the sampler's 1,024 steps), in chain order
//!   (`counterfactual_chains` chains of consecutive draws), so that a
//!   caller can measure what autocorrelation is left.

use super::case::{CaseFitOptions, fit_view, prereg_formulas};
use super::fit::{ErgmFit, FitOptions, TermEstimate};
use super::gof::{Gof, GofOptions, gof};
use super::simulate::{CounterfactualOptions, counterfactual};
use super::terms::Model;
use crate::error::{Error, Result};
use crate::model::{CoreSet, View};
use crate::random::stream;
use rand_core::Rng;

/// Options of [`core_evidence`].
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceOptions {
    /// The seed of everything random (fits, GOF, counterfactual: separate streams).
    pub seed: u64,
    /// The estimator's options (its sampler seed is replaced by the streams of `seed`).
    pub fit: FitOptions,
    /// The goodness-of-fit check (its seed and interval are set from the fit).
    pub gof: GofOptions,
    /// Counterfactual draws (1,000).
    pub counterfactual_draws: usize,
    /// The counterfactual's solver and sampler. The solver's interval rises to
    /// the fit's adapted interval (its draws fall so that the steps stay the
    /// same); the final draws are recorded at the larger of
    /// `counterfactual.draws.sampler.interval` (1,024) and the fit's adapted
    /// interval, as far apart as the fit's own sample (on a slowly mixing
    /// case 1,024 steps left them autocorrelated).
    pub counterfactual: CounterfactualOptions,
}

impl Default for EvidenceOptions {
    fn default() -> Self {
        EvidenceOptions {
            seed: 1,
            fit: FitOptions::default(),
            gof: GofOptions::default(),
            counterfactual_draws: 1_000,
            counterfactual: CounterfactualOptions::default(),
        }
    }
}

/// Why E3 is not used.
#[derive(Debug, Clone, PartialEq)]
pub enum NotUsed {
    /// The MCMC-MLE spent its iterations ([`Error::NoConvergence`]).
    NotConverged(String),
    /// The chains ran to empty or full networks or stuck ([`Error::Degenerate`]).
    Degenerate(String),
    /// The observed statistics lie on the boundary ([`Error::MleDoesNotExist`]).
    MleDoesNotExist(String),
    /// The goodness-of-fit rule rejects the fit.
    GofRejects(String),
    /// The counterfactual's edges solver did not reach the observed tie count.
    CounterfactualFailed(String),
}

impl NotUsed {
    /// The reason in words.
    pub fn message(&self) -> &str {
        match self {
            NotUsed::NotConverged(m)
            | NotUsed::Degenerate(m)
            | NotUsed::MleDoesNotExist(m)
            | NotUsed::GofRejects(m)
            | NotUsed::CounterfactualFailed(m) => m,
        }
    }

    /// A short name: `not converged`, `degenerate`, `MLE does not exist`,
    /// `GOF rejects`, `counterfactual failed`.
    pub fn name(&self) -> &'static str {
        match self {
            NotUsed::NotConverged(_) => "not converged",
            NotUsed::Degenerate(_) => "degenerate",
            NotUsed::MleDoesNotExist(_) => "MLE does not exist",
            NotUsed::GofRejects(_) => "GOF rejects",
            NotUsed::CounterfactualFailed(_) => "counterfactual failed",
        }
    }
}

/// A core term's estimate with the one-sided p of θ > 0.
#[derive(Debug, Clone, PartialEq)]
pub struct CoreTerm {
    /// Estimate, SE, z, two-sided p, 95 % Wald interval.
    pub estimate: TermEstimate,
    /// 1 − Φ(z): the one-sided p of H₁: θ > 0.
    pub p_greater: f64,
}

/// E3 and E4's model part for one view.
#[derive(Debug, Clone)]
pub struct CoreEvidence {
    /// The pre-registered formula fitted.
    pub formula: String,
    /// The same without the core terms.
    pub formula_without_core: String,
    /// Node ids, in the view's order (the counterfactual's indices).
    pub node_ids: Vec<String>,
    /// The full fit, if it succeeded.
    pub fit: Option<ErgmFit>,
    /// The fit without the core terms, or why it failed.
    pub fit_without_core: std::result::Result<ErgmFit, String>,
    /// The core terms' rows (empty when the full fit failed).
    pub core_terms: Vec<CoreTerm>,
    /// AIC(without) − AIC(with), when both fits have a log-likelihood.
    pub delta_aic: Option<f64>,
    /// Its Monte-Carlo standard error (bridge sampling).
    pub delta_aic_se: Option<f64>,
    /// The goodness of fit of the full fit.
    pub gof: Option<Gof>,
    /// Whether E3 may be used, or why not.
    pub usable: std::result::Result<(), NotUsed>,
    /// θ' of the counterfactual (core terms 0, `edges` re-solved), when usable.
    pub counterfactual_theta: Option<Vec<f64>>,
    /// The counterfactual draws as edge lists over the view's node indices,
    /// in chain order.
    pub counterfactual: Vec<Vec<(u32, u32)>>,
    /// Steps between two recorded counterfactual draws (0 when none were drawn).
    pub counterfactual_interval: usize,
    /// Chains the counterfactual draws come from: chain `c` holds draws
    /// `c·⌈D/chains⌉ …` (0 when none were drawn).
    pub counterfactual_chains: usize,
}

/// 1 − Φ(z), from the two-sided p 2(1 − Φ(|z|)).
fn p_greater(z: f64) -> f64 {
    let half = super::linalg::normal_two_sided(z) / 2.0;
    if z > 0.0 { half } else { 1.0 - half }
}

fn classify(e: Error) -> std::result::Result<NotUsed, Error> {
    match e {
        Error::NoConvergence { .. } => Ok(NotUsed::NotConverged(e.to_string())),
        Error::Degenerate { .. } => Ok(NotUsed::Degenerate(e.to_string())),
        Error::MleDoesNotExist { .. } => Ok(NotUsed::MleDoesNotExist(e.to_string())),
        other => Err(other),
    }
}

/// E3 + E4's model part for `view` with `core` (see the module doc).
///
/// # Errors
/// Bad input only: a core with no actor in the view, an attribute the view
/// lacks, an observed tie on a structural zero. A fit that fails is a
/// [`NotUsed`] in [`CoreEvidence::usable`], not an error.
///
/// ```no_run
/// use coprod::inference::ergm::evidence::{EvidenceOptions, core_evidence};
/// use coprod::model::{CoreSet, View};
/// let g = coprod::cases::load("jinsong")?;
/// let view = View::aggregate(&g);
/// let ev = core_evidence(&view, &CoreSet::default(), &EvidenceOptions::default())?;
/// for t in &ev.core_terms {
///     println!("{} {:.3} p(>0) = {:.4}", t.estimate.term, t.estimate.estimate, t.p_greater);
/// }
/// match &ev.usable {
///     Ok(()) => println!("{} counterfactual draws", ev.counterfactual.len()),
///     Err(why) => println!("not used: {}: {}", why.name(), why.message()),
/// }
/// # Ok::<(), coprod::Error>(())
/// ```
pub fn core_evidence(
    view: &View<'_>,
    core: &CoreSet,
    opts: &EvidenceOptions,
) -> Result<CoreEvidence> {
    let (with, without) = prereg_formulas(view);
    let seed_of = |k: u64| stream(opts.seed, k).next_u64();
    let case_opts = |k: u64| {
        let mut fit = opts.fit.clone();
        fit.sampler.seed = seed_of(k);
        CaseFitOptions {
            core: core.clone(),
            fit,
            ..CaseFitOptions::default()
        }
    };
    let full = fit_view(view, with, &case_opts(1));
    let reduced = fit_view(view, without, &case_opts(2));
    let node_ids: Vec<String> = view.ids().iter().map(|s| s.to_string()).collect();
    let fit_without_core = match reduced {
        Ok(f) => Ok(f.fit),
        Err(e) => Err(classify(e)?.message().to_string()),
    };
    let mut ev = CoreEvidence {
        formula: with.to_string(),
        formula_without_core: without.to_string(),
        node_ids,
        fit: None,
        fit_without_core,
        core_terms: Vec::new(),
        delta_aic: None,
        delta_aic_se: None,
        gof: None,
        usable: Ok(()),
        counterfactual_theta: None,
        counterfactual: Vec::new(),
        counterfactual_interval: 0,
        counterfactual_chains: 0,
    };
    let cf = match full {
        Ok(f) => f,
        Err(e) => {
            ev.usable = Err(classify(e)?);
            return Ok(ev);
        }
    };
    let core_names: Vec<String> = cf
        .fit
        .terms
        .iter()
        .map(|t| t.term.clone())
        .filter(|n| n.ends_with("factor.core.core"))
        .collect();
    ev.core_terms = cf
        .fit
        .terms
        .iter()
        .filter(|t| core_names.contains(&t.term))
        .map(|t| CoreTerm {
            estimate: t.clone(),
            p_greater: p_greater(t.z),
        })
        .collect();
    if let Ok(r) = &ev.fit_without_core
        && let (Some(a), Some(b)) = (cf.fit.aic(), r.aic())
    {
        ev.delta_aic = Some(b - a);
        let se2 =
            cf.fit.loglik_mc_se.unwrap_or(0.0).powi(2) + r.loglik_mc_se.unwrap_or(0.0).powi(2);
        ev.delta_aic_se = Some(2.0 * se2.sqrt());
    }
    let model = Model::parse(with, &cf.data)?;
    let theta = cf.fit.coef();
    let interval = cf
        .fit
        .diagnostics
        .as_ref()
        .map_or(opts.gof.simulate.sampler.interval, |d| d.sampler.interval);
    let mut gopts = opts.gof.clone();
    gopts.seed = seed_of(3);
    gopts.simulate.sampler.interval = gopts.simulate.sampler.interval.max(interval);
    let g = gof(&model, &cf.data.network, &cf.mask, &theta, &gopts)?;
    let failing: Vec<String> = g.failing().map(|(_, m)| m).collect();
    ev.gof = Some(g);
    ev.fit = Some(cf.fit.clone());
    if !failing.is_empty() {
        ev.usable = Err(NotUsed::GofRejects(failing.join("; ")));
        return Ok(ev);
    }
    let zero: Vec<&str> = core_names.iter().map(String::as_str).collect();
    let mut copts = opts.counterfactual.clone();
    // The solver samples as far apart as the fit's last sample did, with the
    // same number of steps (fewer draws); the final draws keep their own
    // interval (see EvidenceOptions::counterfactual).
    let base = copts.solver.interval.max(1);
    if interval > base {
        copts.solver.draws_per_chain = (copts.solver.draws_per_chain * base / interval).max(64);
        copts.solver.interval = interval;
    }
    copts.draws.sampler.interval = copts.draws.sampler.interval.max(interval);
    match counterfactual(
        &model,
        &cf.data.network,
        &cf.mask,
        &theta,
        &zero,
        opts.counterfactual_draws,
        seed_of(4),
        &copts,
    ) {
        Ok(c) => {
            ev.counterfactual = c
                .draws
                .iter()
                .map(|n| {
                    n.edges()
                        .into_iter()
                        .map(|(u, v)| (u as u32, v as u32))
                        .collect()
                })
                .collect();
            ev.counterfactual_theta = Some(c.theta);
            ev.counterfactual_interval = copts.draws.sampler.interval;
            ev.counterfactual_chains = copts.draws.sampler.chains.max(1);
        }
        Err(e @ Error::NoConvergence { .. }) => {
            ev.usable = Err(NotUsed::CounterfactualFailed(e.to_string()));
        }
        Err(e) => return Err(e),
    }
    Ok(ev)
}

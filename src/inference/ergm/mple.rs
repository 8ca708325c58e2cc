//! Maximum pseudo-likelihood (MPLE): the logistic regression of every free
//! dyad's tie indicator on its change statistics.
//!
//! ```text
//! logit P(Y_ij = 1 | Y_-ij = y_-ij) = θ · Δ_ij g(y)
//! ℓ_PL(θ) = Σ_{free ij} [ y_ij η_ij − log(1 + e^{η_ij}) ],   η_ij = θ · Δ_ij g(y_obs)
//! ```
//!
//! Maximised by Newton's method with the exact Hessian −Xᵀ W X
//! (W = diag p_ij (1 − p_ij)) and step halving. It equals
//! `statsmodels.api.Logit(y, X).fit()` on the same change-statistic matrix
//! (every free dyad once), R's `glm(y ~ X - 1, family=binomial)`, and
//! statnet's `ergm(..., estimate="MPLE")`. For a dyad-independent formula it
//! *is* the maximum likelihood estimate. Its standard errors (inverse
//! observed information) are those of the logistic regression; for a
//! dyad-dependent formula they are too small, and the MCMC-MLE's are the
//! ones to report.
//!
//! **Separation.** When a direction d of the coefficients separates the
//! dyads (d · Δ_ij ≥ 0 for every tie, ≤ 0 for every non-tie), the
//! pseudo-likelihood has no maximum: the fit reports
//! [`Error::MleDoesNotExist`] naming the statistics of d. The **Firth**
//! variant ([`Penalty::Firth`]) maximises ℓ + ½ log det I(θ) (Jeffreys
//! prior; Firth 1993, doi:10.1093/biomet/80.1.27; Heinze & Schemper 2002,
//! doi:10.1002/sim.1047), which is finite under separation; it equals R
//! `logistf` / `brglm2::brglmFit(type="AS_mean")` for a logistic regression.
//!
//! Complexity: O(D p) to build the D × p design, O(D p² ) per Newton step.

// Index loops over p × p matrices and rows read as the formulas do.
#![allow(clippy::needless_range_loop)]

use super::constraints::DyadMask;
use super::network::Network;
use super::terms::Model;
use crate::error::{Error, Result};
use crate::inference::linalg::{chol_inverse, chol_logdet, chol_solve, cholesky};

/// The pseudo-likelihood's data: one row per free dyad.
#[derive(Debug, Clone)]
pub struct Design {
    /// The free dyads, ascending.
    pub dyads: Vec<(usize, usize)>,
    /// Row-major D × p change statistics.
    pub x: Vec<f64>,
    /// The observed tie indicators.
    pub y: Vec<f64>,
    /// p.
    pub p: usize,
}

impl Design {
    /// The change statistics of every free dyad of `net` (each computed with
    /// its own dyad absent and the rest as observed).
    pub fn new(model: &Model, net: &Network, mask: &DyadMask) -> Design {
        let p = model.len();
        let dyads = mask.free_dyads();
        let mut x = vec![0.0; dyads.len() * p];
        let mut y = vec![0.0; dyads.len()];
        let mut work = net.clone();
        for (r, &(i, j)) in dyads.iter().enumerate() {
            let on = work.has(i, j);
            if on {
                work.toggle(i, j);
            }
            model.change(&work, i, j, &mut x[r * p..(r + 1) * p]);
            if on {
                work.toggle(i, j);
                y[r] = 1.0;
            }
        }
        Design { dyads, x, y, p }
    }

    fn row(&self, r: usize) -> &[f64] {
        &self.x[r * self.p..(r + 1) * self.p]
    }
}

/// The penalty of the pseudo-likelihood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Penalty {
    /// None: the plain MPLE (statnet's `estimate="MPLE"`).
    #[default]
    None,
    /// Firth's: + ½ log det I(θ) (R `logistf`).
    Firth,
}

/// Options of [`mple`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MpleOptions {
    /// The penalty.
    pub penalty: Penalty,
    /// Newton iterations at most.
    pub max_iter: usize,
    /// Stop when the largest step is below this.
    pub tol: f64,
}

impl Default for MpleOptions {
    fn default() -> Self {
        MpleOptions {
            penalty: Penalty::None,
            max_iter: 100,
            tol: 1e-12,
        }
    }
}

/// A pseudo-likelihood fit.
#[derive(Debug, Clone, PartialEq)]
pub struct MpleFit {
    /// The statistics' names.
    pub names: Vec<String>,
    /// θ̂.
    pub coef: Vec<f64>,
    /// Standard errors: √diag I(θ̂)⁻¹ (the logistic regression's).
    pub se: Vec<f64>,
    /// The inverse information, row-major.
    pub cov: Vec<f64>,
    /// The (penalised) log pseudo-likelihood at θ̂.
    pub log_pl: f64,
    /// Newton iterations used.
    pub iterations: usize,
    /// Number of free dyads.
    pub dyads: usize,
    /// The penalty used.
    pub penalty: Penalty,
}

/// log(1 + e^η), stable.
fn log1pexp(eta: f64) -> f64 {
    if eta > 0.0 {
        eta + (-eta).exp().ln_1p()
    } else {
        eta.exp().ln_1p()
    }
}

/// Log-likelihood, score, information at θ (with Firth's adjustment when asked).
struct Eval {
    ll: f64,
    score: Vec<f64>,
    info: Vec<f64>,
    chol: Option<Vec<f64>>,
}

fn evaluate(d: &Design, theta: &[f64], penalty: Penalty) -> Eval {
    let p = d.p;
    let n = d.y.len();
    let mut ll = 0.0;
    let mut score = vec![0.0; p];
    let mut info = vec![0.0; p * p];
    let mut probs = vec![0.0; n];
    for r in 0..n {
        let x = d.row(r);
        let eta: f64 = x.iter().zip(theta).map(|(a, b)| a * b).sum();
        let pr = 1.0 / (1.0 + (-eta).exp());
        probs[r] = pr;
        ll += d.y[r] * eta - log1pexp(eta);
        let w = pr * (1.0 - pr);
        for a in 0..p {
            score[a] += (d.y[r] - pr) * x[a];
            for b in 0..=a {
                info[a * p + b] += w * x[a] * x[b];
            }
        }
    }
    for a in 0..p {
        for b in 0..a {
            info[b * p + a] = info[a * p + b];
        }
    }
    let chol = cholesky(&info, p);
    if penalty == Penalty::Firth && chol.is_none() {
        // log det I = −∞: the penalised likelihood has no value here.
        ll = f64::NEG_INFINITY;
    }
    if penalty == Penalty::Firth
        && let Some(l) = &chol
    {
        ll += 0.5 * chol_logdet(l, p);
        let inv = chol_inverse(l, p);
        for r in 0..n {
            let x = d.row(r);
            let w = probs[r] * (1.0 - probs[r]);
            let mut h = 0.0;
            for a in 0..p {
                for b in 0..p {
                    h += x[a] * inv[a * p + b] * x[b];
                }
            }
            h *= w;
            for a in 0..p {
                score[a] += h * (0.5 - probs[r]) * x[a];
            }
        }
    }
    Eval {
        ll,
        score,
        info,
        chol,
    }
}

/// The MPLE of `model` on `net` over the free dyads of `mask`.
///
/// # Errors
/// [`Error::InvalidParameter`] for a statistic that no free dyad changes
/// (not estimable: drop the term); [`Error::MleDoesNotExist`] under
/// separation (with [`Penalty::None`]), naming the statistics involved;
/// [`Error::NoConvergence`] when Newton's method does not settle.
pub fn mple(model: &Model, net: &Network, mask: &DyadMask, opts: &MpleOptions) -> Result<MpleFit> {
    let d = Design::new(model, net, mask);
    fit_design(model.names(), &d, opts)
}

/// [`mple`] on a design already built.
///
/// # Errors
/// As [`mple`].
pub fn fit_design(names: &[String], d: &Design, opts: &MpleOptions) -> Result<MpleFit> {
    let p = d.p;
    for (a, name) in names.iter().enumerate() {
        if (0..d.y.len()).all(|r| d.row(r)[a] == 0.0) {
            return Err(Error::InvalidParameter {
                name: "formula",
                reason: format!(
                    "no free dyad changes the statistic `{name}` (its value is fixed by the constraints or the attribute has no such actor): drop the term"
                ),
            });
        }
    }
    let mut theta = vec![0.0; p];
    let mut cur = evaluate(d, &theta, opts.penalty);
    let mut iterations = 0;
    let mut converged = false;
    // The last step taken: under separation θ runs off along it.
    let mut last_step = vec![0.0; p];
    while iterations < opts.max_iter {
        iterations += 1;
        let Some(l) = cur.chol.as_ref() else {
            // A singular information after steps: the fitted probabilities hit 0 / 1.
            if opts.penalty == Penalty::None
                && let Some(detail) =
                    separation(names, d, &theta).or_else(|| separation(names, d, &last_step))
            {
                return Err(Error::MleDoesNotExist {
                    method: "MPLE",
                    detail,
                });
            }
            return Err(collinear(names, d));
        };
        let step = chol_solve(l, p, &cur.score);
        let mut t = 1.0;
        let mut next;
        loop {
            let cand: Vec<f64> = theta.iter().zip(&step).map(|(a, s)| a + t * s).collect();
            next = evaluate(d, &cand, opts.penalty);
            if next.ll >= cur.ll - 1e-12 * (1.0 + cur.ll.abs()) || t < 1e-10 {
                theta = cand;
                break;
            }
            t *= 0.5;
        }
        let size = step.iter().map(|s| (s * t).abs()).fold(0.0, f64::max);
        last_step = step.iter().map(|s| s * t).collect();
        cur = next;
        if size
            < opts
                .tol
                .max(1e-10 * theta.iter().map(|x| x.abs()).fold(1.0, f64::max))
        {
            converged = true;
            break;
        }
        if opts.penalty == Penalty::None && theta.iter().any(|x| x.abs() > 40.0) {
            break;
        }
    }
    if !converged || theta.iter().any(|x| x.abs() > 40.0) {
        if opts.penalty == Penalty::None
            && let Some(detail) =
                separation(names, d, &theta).or_else(|| separation(names, d, &last_step))
        {
            return Err(Error::MleDoesNotExist {
                method: "MPLE",
                detail,
            });
        }
        if !converged {
            return Err(Error::NoConvergence {
                method: "MPLE (Newton)",
                iterations,
                hint: "the pseudo-likelihood is nearly flat; try the Firth penalty".into(),
            });
        }
    }
    let l = cur.chol.as_ref().ok_or_else(|| collinear(names, d))?;
    let cov = chol_inverse(l, p);
    let se = (0..p).map(|a| cov[a * p + a].sqrt()).collect();
    let _ = &cur.info;
    Ok(MpleFit {
        names: names.to_vec(),
        coef: theta,
        se,
        cov,
        log_pl: cur.ll,
        iterations,
        dyads: d.y.len(),
        penalty: opts.penalty,
    })
}

fn collinear(names: &[String], d: &Design) -> Error {
    let _ = d;
    Error::InvalidParameter {
        name: "formula",
        reason: format!(
            "the change statistics of {} are linearly dependent on the free dyads (a term repeats another, or a factor's levels add up to edges): drop one",
            names.join(", ")
        ),
    }
}

/// If θ's direction separates the dyads (quasi-complete separation), the
/// message naming it.
fn separation(names: &[String], d: &Design, theta: &[f64]) -> Option<String> {
    let norm = theta.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm == 0.0 {
        return None;
    }
    let dir: Vec<f64> = theta.iter().map(|x| x / norm).collect();
    let scale = d.x.iter().map(|x| x.abs()).fold(1.0, f64::max);
    // Loose enough for a direction read off a finite θ or step (which carry
    // the finite part of the fit), tight against a genuine overlap.
    let tol = 1e-3 * scale;
    let mut strict = 0usize;
    for r in 0..d.y.len() {
        let eta: f64 = d.row(r).iter().zip(&dir).map(|(a, b)| a * b).sum();
        if d.y[r] == 1.0 && eta < -tol || d.y[r] == 0.0 && eta > tol {
            return None;
        }
        if eta.abs() > tol {
            strict += 1;
        }
    }
    if strict == 0 {
        return None;
    }
    let mut parts: Vec<(f64, &String)> = dir
        .iter()
        .copied()
        .zip(names)
        .filter(|(x, _)| x.abs() > 0.05)
        .collect();
    parts.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    Some(format!(
        "separation: along the direction {} the change statistics of every tie are ≥ 0 and of every non-tie ≤ 0 ({strict} of {} dyads strictly), so the pseudo-likelihood grows without bound; the observed statistics lie on the boundary of their convex hull. Drop or merge those terms, or use the Firth penalty",
        parts
            .iter()
            .map(|(x, n)| format!("{n} {x:+.2}"))
            .collect::<Vec<_>>()
            .join(", "),
        d.y.len()
    ))
}

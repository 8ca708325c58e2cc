//! Logistic regression for `netlogit`: R's `glm.fit` iteration (for the
//! maximum-likelihood fits sna reports), Firth's penalised likelihood (the
//! `brglm2` `AS_mean` fit) and the detection of separation.

use super::linalg::{LeastSquares, qr_ls};
use crate::inference::linalg::{chol_solve_in_place, cholesky_in_place};

/// R's `.Machine$double.eps`.
const EPS: f64 = f64::EPSILON;
/// R's logit link clamps `eta` outside `[-30, 30]` (`THRESH` in `family.c`).
const THRESH: f64 = 30.0;

/// Inverse logit as R's `binomial()$linkinv` (clamped at `|eta| > 30`).
pub(crate) fn linkinv(eta: f64) -> f64 {
    let t = if eta < -THRESH {
        EPS
    } else if eta > THRESH {
        1.0 / EPS
    } else {
        eta.exp()
    };
    t / (1.0 + t)
}

/// `d mu / d eta` as R's `binomial()$mu.eta`.
pub(crate) fn mu_eta(eta: f64) -> f64 {
    if !(-THRESH..=THRESH).contains(&eta) {
        EPS
    } else {
        let opexp = 1.0 + eta.exp();
        eta.exp() / (opexp * opexp)
    }
}

/// Binomial deviance residual of a 0/1 outcome.
pub(crate) fn dev_resid(y: f64, mu: f64) -> f64 {
    if y > 0.5 {
        -2.0 * mu.ln()
    } else {
        -2.0 * (1.0 - mu).ln()
    }
}

/// A logistic fit.
#[derive(Debug, Clone)]
pub(crate) struct LogitFit {
    /// Coefficients.
    pub coef: Vec<f64>,
    /// Standard errors (sna: `sqrt(diag(chol2inv(fit$qr$qr)))`).
    pub se: Vec<f64>,
    /// Residual deviance.
    pub deviance: f64,
    /// Iterations used.
    pub iterations: usize,
    /// Whether the convergence test was met.
    pub converged: bool,
}

/// R's `glm.fit(x, y, family = binomial(), intercept = FALSE)` with the
/// default control (`epsilon = 1e-8`, `maxit = 25`), step for step: start at
/// `mu = (y + 1/2) / 2`, iteratively reweighted least squares by QR, stop when
/// `|dev - dev_old| / (|dev| + 0.1) < 1e-8`. The standard errors come from the
/// last weighted QR, as sna's `netlogit` reads them.
///
/// `x` is column-major `m x p`. `Err(k)`: column `k` is collinear.
pub(crate) fn glm_logit(x: &[f64], y: &[f64], m: usize, p: usize) -> Result<LogitFit, usize> {
    let mut eta: Vec<f64> = y
        .iter()
        .map(|&yi| {
            let mu = (yi + 0.5) / 2.0;
            (mu / (1.0 - mu)).ln()
        })
        .collect();
    let mut mu: Vec<f64> = eta.iter().map(|&e| linkinv(e)).collect();
    let mut devold: f64 = y.iter().zip(&mu).map(|(&a, &b)| dev_resid(a, b)).sum();
    let mut xw = vec![0.0; m * p];
    let mut zw = vec![0.0; m];
    let mut last: Option<LeastSquares> = None;
    let mut dev = devold;
    let mut converged = false;
    let mut iterations = 0;
    for iter in 1..=25 {
        iterations = iter;
        for i in 0..m {
            let me = mu_eta(eta[i]);
            let var = mu[i] * (1.0 - mu[i]);
            let z = eta[i] + (y[i] - mu[i]) / me;
            let w = (me * me / var).sqrt();
            zw[i] = z * w;
            for k in 0..p {
                xw[k * m + i] = x[k * m + i] * w;
            }
        }
        let ls = qr_ls(&xw, &zw, m, p)?;
        for i in 0..m {
            eta[i] = (0..p).map(|k| x[k * m + i] * ls.coef[k]).sum();
            mu[i] = linkinv(eta[i]);
        }
        dev = y.iter().zip(&mu).map(|(&a, &b)| dev_resid(a, b)).sum();
        last = Some(ls);
        if (dev - devold).abs() / (dev.abs() + 0.1) < 1e-8 {
            converged = true;
            break;
        }
        devold = dev;
    }
    let ls = last.expect("at least one iteration");
    let se = (0..p).map(|k| ls.xtx_inv[k * p + k].sqrt()).collect();
    Ok(LogitFit {
        coef: ls.coef,
        se,
        deviance: dev,
        iterations,
        converged,
    })
}

/// Gram matrix `X' W X` (row-major) and the Cholesky factor of it.
fn weighted_gram(x: &[f64], w: &[f64], m: usize, p: usize) -> Vec<f64> {
    let mut g = vec![0.0; p * p];
    for a in 0..p {
        for b in 0..=a {
            let s: f64 = (0..m).map(|i| x[a * m + i] * x[b * m + i] * w[i]).sum();
            g[a * p + b] = s;
            g[b * p + a] = s;
        }
    }
    g
}

/// Numerically safe `1 / (1 + exp(-eta))`.
fn expit(eta: f64) -> f64 {
    if eta >= 0.0 {
        1.0 / (1.0 + (-eta).exp())
    } else {
        let e = eta.exp();
        e / (1.0 + e)
    }
}

/// Firth's bias-reduced logistic regression (`brglm2::brglmFit(type =
/// "AS_mean")`, the maximiser of `l(beta) + log|I(beta)| / 2`): quasi-Fisher
/// scoring on the adjusted score `X'(y - mu + h (1/2 - mu))`, `h` the
/// diagonal of the hat matrix, from `beta = 0` until no coefficient moves by
/// more than `1e-12` (at most 500 steps). `None` if the information matrix is
/// singular. The standard errors are `sqrt(diag(I(beta)^{-1}))`.
pub(crate) fn firth_logit(x: &[f64], y: &[f64], m: usize, p: usize) -> Option<LogitFit> {
    let mut beta = vec![0.0; p];
    let mut mu = vec![0.0; m];
    let mut w = vec![0.0; m];
    let mut work = vec![0.0; p];
    let mut converged = false;
    let mut iterations = 0;
    let mut l = vec![0.0; p * p];
    for iter in 1..=500 {
        iterations = iter;
        for i in 0..m {
            let eta: f64 = (0..p).map(|k| x[k * m + i] * beta[k]).sum();
            mu[i] = expit(eta);
            w[i] = mu[i] * (1.0 - mu[i]);
        }
        l = weighted_gram(x, &w, m, p);
        if !cholesky_in_place(&mut l, p) {
            return None;
        }
        let mut score = vec![0.0; p];
        for i in 0..m {
            // h_i = w_i x_i' (X'WX)^{-1} x_i via L^{-1} x_i
            for k in 0..p {
                work[k] = x[k * m + i];
            }
            for a in 0..p {
                let s: f64 = (0..a).map(|k| l[a * p + k] * work[k]).sum();
                work[a] = (work[a] - s) / l[a * p + a];
            }
            let h = w[i] * work.iter().map(|v| v * v).sum::<f64>();
            let r = y[i] - mu[i] + h * (0.5 - mu[i]);
            for (k, s) in score.iter_mut().enumerate() {
                *s += x[k * m + i] * r;
            }
        }
        chol_solve_in_place(&l, p, &mut score);
        let step = score.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        for (b, s) in beta.iter_mut().zip(&score) {
            *b += s;
        }
        if !step.is_finite() {
            return None;
        }
        if step < 1e-12 {
            converged = true;
            break;
        }
    }
    // information at the final beta
    for i in 0..m {
        let eta: f64 = (0..p).map(|k| x[k * m + i] * beta[k]).sum();
        mu[i] = expit(eta);
        w[i] = mu[i] * (1.0 - mu[i]);
    }
    l = weighted_gram(x, &w, m, p);
    if !cholesky_in_place(&mut l, p) {
        return None;
    }
    let se = (0..p)
        .map(|k| {
            work.fill(0.0);
            work[k] = 1.0;
            chol_solve_in_place(&l, p, &mut work);
            work[k].sqrt()
        })
        .collect();
    let deviance = y
        .iter()
        .zip(&mu)
        .map(|(&a, &b)| dev_resid(a, b.clamp(1e-300, 1.0 - 1e-16)))
        .sum();
    Some(LogitFit {
        coef: beta,
        se,
        deviance,
        iterations,
        converged,
    })
}

/// What the unpenalised Newton path says about the existence of the
/// maximum-likelihood estimate.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SeparationCheck {
    /// Terms (column indices) whose coefficient keeps moving: the likelihood
    /// rises without bound along them.
    pub diverging: Vec<usize>,
    /// Cells fitted with probability within `1e-8` of 0 or 1 at the end of the path.
    pub cells_at_bound: usize,
}

/// Run exact Newton steps on the logistic log-likelihood (no clamping) from
/// `beta = 0` for 100 iterations or until no coefficient moves by more than
/// `1e-10`. `None` when Newton converged: the maximum-likelihood estimate
/// exists (Newton converges quadratically to it long before).
///
/// Under complete or quasi-complete separation the likelihood rises without
/// bound along a direction `d` (`x_i'd >= 0` where `y_i = 1`, `<= 0` where
/// `y_i = 0`): the coefficients with `d_k != 0` grow by about one unit per
/// step for ever, while the others converge, and the information along `d`
/// vanishes (the Cholesky factor then fails, which ends the path early). The
/// *diverging* terms are those that moved by more than 1 over the second
/// half of the path (a converging coefficient moves by far less there);
/// at least the one that moved most, so a separation is never reported
/// without a term. The separation is claimed only with its certificate: along
/// the direction the path ran off to (`beta_last - beta_half`), `x_i'd` is
/// nowhere below `-tol` on a tie nor above `tol` on a non-tie (`tol` = 1e-3
/// of the direction's length times the largest `|x|`), and beyond `tol` on
/// some dyad; else `None` (R's `glm.fit` then fits as it would). `x` must have full column rank (checked by the caller,
/// so that a constant or collinear term is not mistaken for separation).
pub(crate) fn check_separation(
    x: &[f64],
    y: &[f64],
    m: usize,
    p: usize,
) -> Option<SeparationCheck> {
    let mut beta = vec![0.0; p];
    let mut path: Vec<Vec<f64>> = vec![beta.clone()];
    let mut mu = vec![0.0; m];
    let mut w = vec![0.0; m];
    let mut converged = false;
    for _ in 1..=100 {
        for i in 0..m {
            let eta: f64 = (0..p).map(|k| x[k * m + i] * beta[k]).sum();
            mu[i] = expit(eta);
            w[i] = mu[i] * (1.0 - mu[i]);
        }
        let mut l = weighted_gram(x, &w, m, p);
        if !cholesky_in_place(&mut l, p) {
            break;
        }
        let mut score: Vec<f64> = (0..p)
            .map(|k| (0..m).map(|i| x[k * m + i] * (y[i] - mu[i])).sum())
            .collect();
        chol_solve_in_place(&l, p, &mut score);
        if score.iter().any(|s| !s.is_finite()) {
            break;
        }
        let step = score.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        for (b, s) in beta.iter_mut().zip(&score) {
            *b += s;
        }
        path.push(beta.clone());
        if step < 1e-10 {
            converged = true;
            break;
        }
    }
    if converged {
        return None;
    }
    let last = &path[path.len() - 1];
    let half = &path[(path.len() - 1) / 2];
    let moved: Vec<f64> = (0..p).map(|k| (last[k] - half[k]).abs()).collect();
    // The certificate: along the direction the path runs off to, no tie is
    // below and no non-tie above the rest (within a tolerance for the finite
    // part the direction still carries), and some dyads strictly so.
    let dir: Vec<f64> = (0..p).map(|k| last[k] - half[k]).collect();
    let norm = dir.iter().map(|v| v * v).sum::<f64>().sqrt();
    let xmax = x.iter().fold(1.0f64, |a, v| a.max(v.abs()));
    let tol = 1e-3 * norm * xmax;
    let mut strict = 0;
    for i in 0..m {
        let e: f64 = (0..p).map(|k| x[k * m + i] * dir[k]).sum();
        if (y[i] > 0.5 && e < -tol) || (y[i] < 0.5 && e > tol) {
            return None;
        }
        strict += usize::from(e.abs() > tol);
    }
    if strict == 0 {
        return None;
    }
    let mut diverging: Vec<usize> = (0..p).filter(|&k| moved[k] > 1.0).collect();
    if diverging.is_empty() {
        let most = (0..p)
            .max_by(|&a, &b| moved[a].total_cmp(&moved[b]))
            .expect("p >= 1");
        diverging.push(most);
    }
    let cells_at_bound = mu
        .iter()
        .filter(|&&v| !(1e-8..=1.0 - 1e-8).contains(&v))
        .count();
    Some(SeparationCheck {
        diverging,
        cells_at_bound,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn design(xs: &[f64]) -> Vec<f64> {
        let mut x = vec![1.0; xs.len()];
        x.extend_from_slice(xs);
        x
    }

    #[test]
    fn glm_fit_solves_the_score_equations() {
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        let y = [0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0];
        let x = design(&xs);
        let f = glm_logit(&x, &y, 8, 2).unwrap();
        assert!(f.converged);
        for k in 0..2 {
            let s: f64 = (0..8)
                .map(|i| x[k * 8 + i] * (y[i] - expit(f.coef[0] + f.coef[1] * xs[i])))
                .sum();
            assert!(s.abs() < 1e-6, "score {s}");
        }
        assert!(check_separation(&x, &y, 8, 2).is_none());
    }

    #[test]
    fn separation_is_detected_and_firth_is_finite() {
        let xs = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        let y = [0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0];
        let x = design(&xs);
        let s = check_separation(&x, &y, 8, 2).expect("quasi-complete separation");
        assert_eq!(s.diverging, vec![1]);
        let f = firth_logit(&x, &y, 8, 2).unwrap();
        assert!(f.converged && f.coef[1].is_finite() && f.coef[1] < 0.0);
        // 2x2 table: Firth adds 1/2 to each cell: log odds (0.5/4.5) / (2.5/2.5)
        assert!((f.coef[1] - (0.5f64 / 4.5).ln()).abs() < 1e-9);
    }

    #[test]
    fn separation_along_the_intercept_names_it_with_the_term() {
        // y = 0 wherever x = 0: the likelihood rises along b_0 -> -inf, b_1 -> +inf
        // (b_0 + b_1 stays finite), so both are named.
        let xs = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        let y = [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0];
        let s = check_separation(&design(&xs), &y, 8, 2).expect("quasi-complete separation");
        assert_eq!(s.diverging, vec![0, 1]);
        // complete separation on a continuous term
        let xs = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        let y = [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        let s = check_separation(&design(&xs), &y, 8, 2).expect("complete separation");
        assert!(s.diverging.contains(&1), "{:?}", s.diverging);
    }

    #[test]
    fn a_reported_separation_always_names_a_term() {
        // every 0/1 outcome on 6 cells with a binary and a 3-level term
        let x1 = [0.0, 0.0, 1.0, 1.0, 0.0, 1.0];
        let x2 = [0.0, 1.0, 2.0, 0.0, 1.0, 2.0];
        let mut x = vec![1.0; 6];
        x.extend_from_slice(&x1);
        x.extend_from_slice(&x2);
        for bits in 1..63u32 {
            let y: Vec<f64> = (0..6).map(|i| f64::from((bits >> i) & 1)).collect();
            if let Some(s) = check_separation(&x, &y, 6, 3) {
                assert!(!s.diverging.is_empty(), "y = {y:?}");
            } else {
                // Newton converged: the score equations hold there
                assert!(glm_logit(&x, &y, 6, 3).unwrap().converged, "y = {y:?}");
            }
        }
    }
}

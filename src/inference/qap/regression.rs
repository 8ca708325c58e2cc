//! `netlm` and `netlogit`: regression of one dyadic matrix on others, with
//! sna's permutation nulls.

use super::dist::{pt, pt_upper};
use super::glm::{LogitFit, check_separation, firth_logit, glm_logit};
use super::grouped::{GroupedLogit, Scratch, Source};
use super::linalg::qr_ls;
use super::matrix::{DyadicMatrix, Mode, cells, gather};
use super::replicate::{
    Design, Fixed, OlsCache, all_x, draw, map_replicates, one_column, permuted_y,
};
use super::{
    Coefficient, Estimator, FitStatistics, LogitEstimator, NullHypothesis, QapOptions,
    QapRegression, Separation, TestStatistic,
};
use crate::error::{Error, Result};

/// Replicate statistics closer than this (relative) to the observed one count
/// as equal: a permuted data set with the same sufficient statistics reaches
/// the same estimate by a different summation order (and, for the logit, a
/// different path of R's `glm.fit`, which stops within about 1e-8 of the
/// deviance's minimum).
fn tie_tolerance(e: Estimator) -> f64 {
    match e {
        Estimator::LeastSquares => 1e-10,
        _ => 1e-7,
    }
}

fn check_inputs(y: &DyadicMatrix, x: &[DyadicMatrix]) -> Result<()> {
    if y.n < 3 {
        return Err(Error::InvalidParameter {
            name: "matrix",
            reason: format!(
                "`{}` has {} actors; a QAP model needs at least 3",
                y.name, y.n
            ),
        });
    }
    if let Some(m) = x.iter().find(|m| m.n != y.n) {
        return Err(Error::InvalidParameter {
            name: "matrix",
            reason: format!(
                "`{}` has {} actors, the outcome `{}` {}",
                m.name, m.n, y.name, y.n
            ),
        });
    }
    Ok(())
}

/// Build the design: intercept first, cells of the resolved mode.
struct Prepared {
    mode: Mode,
    cells: Vec<(u32, u32)>,
    names: Vec<String>,
    mats: Vec<DyadicMatrix>,
}

fn prepare(y: &DyadicMatrix, x: &[DyadicMatrix], opts: &QapOptions) -> Result<Prepared> {
    check_inputs(y, x)?;
    let mut all: Vec<&DyadicMatrix> = vec![y];
    all.extend(x.iter());
    let mode = opts.mode.resolve(&all)?;
    let mut mats = Vec::new();
    if opts.intercept {
        mats.push(DyadicMatrix::ones(y.n));
    }
    mats.extend(x.iter().cloned());
    if mats.is_empty() {
        return Err(Error::InvalidParameter {
            name: "x",
            reason: "no predictor and no intercept".into(),
        });
    }
    let names = mats.iter().map(|m| m.name.clone()).collect();
    Ok(Prepared {
        mode,
        cells: cells(y.n, mode),
        names,
        mats,
    })
}

/// The error for a term that is a linear combination of the ones before it
/// (column `k` of the column-major `m x p` design `xv`); a term that is
/// constant on the dyads is said to be so, with its value.
fn collinear(names: &[String], xv: &[f64], m: usize, k: usize) -> Error {
    let col = &xv[k * m..(k + 1) * m];
    let reason = if col.iter().all(|&v| v == col[0]) {
        format!(
            "`{}` is {} on every one of the {m} dyads modelled{}; leave it out",
            names[k],
            col[0],
            if k > 0 && names[0] == "(intercept)" {
                ", a multiple of the intercept"
            } else {
                ""
            }
        )
    } else {
        format!(
            "`{}` is a linear combination of the terms before it ({}) on the dyads modelled",
            names[k],
            names[..k].join(", ")
        )
    };
    Error::InvalidParameter { name: "x", reason }
}

/// An outcome with a single value on the dyads has nothing to explain (OLS
/// would fit it exactly, a logit's intercept would be infinite).
fn check_outcome(y: &DyadicMatrix, yv: &[f64], mode: Mode) -> Result<()> {
    if yv.iter().any(|&v| v != yv[0]) {
        return Ok(());
    }
    Err(Error::InvalidParameter {
        name: "y",
        reason: format!(
            "the outcome `{}` is {} on every one of the {} dyads modelled ({} actors, {}){}: there is nothing to explain",
            y.name,
            yv[0],
            yv.len(),
            y.n,
            mode.as_str(),
            if yv[0] == 0.0 {
                "; the case has no such tie between the modelled actors"
            } else {
                ""
            }
        ),
    })
}

/// Linear network regression: R `sna::netlm(y, x, intercept, mode, diag =
/// FALSE, nullhyp, test.statistic, reps)`.
///
/// # Definition
///
/// ```text
/// y_ij = b_0 + sum_k b_k x_k,ij + e_ij    for the dyads (i, j) of the mode:
///        digraph: every ordered pair i != j (n(n-1) dyads)
///        graph:   every unordered pair once (n(n-1)/2), all matrices symmetric
/// b      = ordinary least squares (QR), se_k = sqrt(s^2 [(X'X)^-1]_kk),
///          s^2 = RSS / (N - p), t_k = b_k / se_k
/// p-values, for a statistic T_k (t_k, or b_k with TestStatistic::Beta) and
/// its R replicates T_k^(r) under the null:
///   p(|T| >= |t|) = #{r : |T_k^(r)| >= |T_k|} / R      (sna pgreqabs)
///   p(T >= t)     = #{r : T_k^(r) >= T_k} / R           (sna pgreq)
///   p(T <= t)     = #{r : T_k^(r) <= T_k} / R           (sna pleeq)
/// ```
///
/// The replicates of each null ([`NullHypothesis`]) are those of sna; the
/// `classical` null reads Student's t with `N - p` degrees of freedom.
/// Relabellings: replicate `r` of predictor `k` (per-predictor nulls) uses
/// the random stream `k * reps + r`, of the joint nulls stream `r`.
///
/// Equals `sna::netlm` (2.7) to 1e-9 in the coefficients, standard errors and
/// t values; p-values within Monte-Carlo error (tests/qap.rs).
///
/// # Edge cases
/// A predictor that is a linear combination of the ones before it is an
/// error naming it (sna returns `NA`). Replicates whose design is singular
/// are counted in `failed_replicates` and left out of the p-values.
///
/// # Complexity
/// `O(N p^2)` for the fit; per replicate `O(N p)` (the Gram matrix is updated
/// in the one column that moves), so `O(R p N p)` for `qapspp`.
///
/// ```
/// use coprod::inference::qap::{DyadicMatrix, QapOptions, netlm};
/// let n = 4;
/// let x = DyadicMatrix::new("x", n, (0..16).map(|v| (v % 3) as f64).collect()).unwrap();
/// let y = DyadicMatrix::new("y", n, (0..16).map(|v| 1.0 + 2.0 * (v % 3) as f64 + (v % 2) as f64).collect()).unwrap();
/// let fit = netlm(&y, &[x], &QapOptions { reps: 100, ..Default::default() }).unwrap();
/// assert_eq!(fit.coefficients[0].term, "(intercept)");
/// assert!(fit.coefficients[1].estimate > 1.5);
/// ```
///
/// # References
/// Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
/// regression analysis of dyadic data. *Social Networks* 10, 359–381.
/// doi:10.1016/0378-8733(88)90004-4.
/// Dekker, D., Krackhardt, D., Snijders, T. A. B. (2007). Sensitivity of
/// MRQAP tests to collinearity and autocorrelation conditions.
/// *Psychometrika* 72, 563–581. doi:10.1007/s11336-007-9016-1.
///
/// # Errors
/// [`Error::InvalidParameter`] for matrices of different sizes, fewer than 3
/// actors, a collinear predictor, `reps == 0` with a permutation null, or
/// mode `graph` with an asymmetric matrix.
pub fn netlm(y: &DyadicMatrix, x: &[DyadicMatrix], opts: &QapOptions) -> Result<QapRegression> {
    run(y, x, opts, Estimator::LeastSquares, None)
}

/// Logistic network regression: R `sna::netlogit(y, x, intercept, mode, diag
/// = FALSE, nullhyp, test.statistic, reps)`, with Firth's penalised
/// likelihood when the data separate.
///
/// # Definition
///
/// ```text
/// P(y_ij = 1) = 1 / (1 + exp(-(b_0 + sum_k b_k x_k,ij)))   on the dyads of the mode
/// maximum likelihood: R's glm.fit iteration (sna's fit), z_k = b_k / se_k,
///   se_k from the last weighted QR; classical p-values read Student's t with
///   N - p degrees of freedom, as sna does
/// Firth: maximise l(b) + log|I(b)| / 2 (brglm2 type = "AS_mean");
///   se_k = sqrt([I(b)^-1]_kk); classical p-values read the normal
/// permutation p-values as netlm.
/// ```
///
/// Separation (a combination of predictors that splits the ties from the
/// non-ties, so that some maximum-likelihood estimates are infinite) is
/// detected on the unpenalised Newton path (see [`LogitEstimator`]); R's
/// `glm.fit` then stops at an arbitrary point (sna reports estimates near
/// ±15 with enormous standard errors). [`LogitEstimator::Auto`] switches to
/// Firth and says so in [`QapRegression::separation`]. Permutation replicates
/// use the estimator of the observed fit; a replicate that separates under
/// maximum likelihood is kept as R's `glm.fit` leaves it, as sna does.
///
/// Equals `sna::netlogit` (2.7) to 1e-9 (maximum likelihood) and
/// `brglm2::brglmFit(type = "AS_mean")` to 1e-6 (Firth); tests/qap.rs.
///
/// # Complexity
/// `O(I N p^2)` for the observed fit, `I` the iterations (typically 4–8).
/// A replicate is fitted on the design's distinct rows (`G` of them, a few
/// dozen for binary predictors): `O(N)` to relabel and count, `O(I G p^2)`
/// to fit, by R's `glm.fit` iteration itself (so its statistic is the one sna
/// computes for the same relabelling, separated replicates included) or
/// Firth's scoring started from the null's fit. Replicates whose grouped fit
/// is rank-deficient are refitted on the dyads.
///
/// ```
/// use coprod::inference::qap::{DyadicMatrix, LogitEstimator, QapOptions, netlogit};
/// let n = 5;
/// let x = DyadicMatrix::new("x", n, (0..25).map(|v| ((v * 7) % 5 < 2) as u8 as f64).collect()).unwrap();
/// let y = DyadicMatrix::new("y", n, (0..25).map(|v| ((v * 3) % 4 == 0) as u8 as f64).collect()).unwrap();
/// let fit = netlogit(&y, &[x], &QapOptions { reps: 50, ..Default::default() }, LogitEstimator::Auto).unwrap();
/// assert_eq!(fit.coefficients.len(), 2);
/// ```
///
/// # References
/// As [`netlm`]; Firth, D. (1993). Bias reduction of maximum likelihood
/// estimates. *Biometrika* 80, 27–38. doi:10.1093/biomet/80.1.27.
/// Heinze, G., Schemper, M. (2002). A solution to the problem of separation
/// in logistic regression. *Statistics in Medicine* 21, 2409–2419.
/// doi:10.1002/sim.1047.
///
/// # Errors
/// As [`netlm`]; also [`Error::InvalidParameter`] (`y`) when the outcome is
/// not 0/1 on the dyads, and [`Error::Separation`] for
/// [`LogitEstimator::MaximumLikelihood`] on separated data.
pub fn netlogit(
    y: &DyadicMatrix,
    x: &[DyadicMatrix],
    opts: &QapOptions,
    estimator: LogitEstimator,
) -> Result<QapRegression> {
    run(y, x, opts, Estimator::MaximumLikelihood, Some(estimator))
}

fn run(
    y: &DyadicMatrix,
    x: &[DyadicMatrix],
    opts: &QapOptions,
    family: Estimator,
    logit: Option<LogitEstimator>,
) -> Result<QapRegression> {
    let prep = prepare(y, x, opts)?;
    let (n, m, p) = (y.n, prep.cells.len(), prep.mats.len());
    if m <= p {
        return Err(Error::InvalidParameter {
            name: "x",
            reason: format!("{p} terms on {m} dyads leave no residual degree of freedom"),
        });
    }
    let mut null = opts.null;
    if matches!(null, NullHypothesis::Qapspp) && p == 1 {
        null = NullHypothesis::Qapy; // sna: no partialling with one predictor
    }
    if null != NullHypothesis::Classical && opts.reps == 0 {
        return Err(Error::InvalidParameter {
            name: "reps",
            reason: "a permutation null needs at least one replicate".into(),
        });
    }
    let mut yv = vec![0.0; m];
    gather(&y.values, n, &prep.cells, None, &mut yv);
    let mut xv = vec![0.0; m * p];
    for (k, mat) in prep.mats.iter().enumerate() {
        gather(
            &mat.values,
            n,
            &prep.cells,
            None,
            &mut xv[k * m..(k + 1) * m],
        );
    }
    // --- the observed fit
    check_outcome(y, &yv, prep.mode)?;
    // The design's rank first (R's qr, tolerance 1e-7): a constant or
    // collinear term is named as such, never mistaken for separation.
    let observed_ls = qr_ls(&xv, &yv, m, p).map_err(|k| collinear(&prep.names, &xv, m, k))?;
    let mut separation = None;
    let mut estimator = family;
    let (coef, se, stat_obs, fitstats) = if family == Estimator::LeastSquares {
        let ls = observed_ls;
        let df = (m - p) as f64;
        let s2 = ls.rss / df;
        let se: Vec<f64> = (0..p)
            .map(|k| (ls.xtx_inv[k * p + k] * s2).sqrt())
            .collect();
        let ybar = yv.iter().sum::<f64>() / m as f64;
        let tss: f64 = if opts.intercept {
            yv.iter().map(|v| (v - ybar).powi(2)).sum()
        } else {
            yv.iter().map(|v| v * v).sum()
        };
        let r2 = 1.0 - ls.rss / tss;
        let dfm = if opts.intercept { m - 1 } else { m } as f64;
        let stats = FitStatistics::Linear {
            r_squared: r2,
            adj_r_squared: 1.0 - (1.0 - r2) * dfm / df,
            residual_se: s2.sqrt(),
            df_residual: m - p,
        };
        let t: Vec<f64> = (0..p).map(|k| ls.coef[k] / se[k]).collect();
        (ls.coef, se, t, stats)
    } else {
        if let Some(i) = yv.iter().position(|&v| v != 0.0 && v != 1.0) {
            let (a, b) = prep.cells[i];
            return Err(Error::InvalidParameter {
                name: "y",
                reason: format!(
                    "`{}` has the value {} on dyad ({a}, {b}); a logit needs 0/1 (use the binary layer, not weighted:)",
                    y.name, yv[i]
                ),
            });
        }
        let sep = check_separation(&xv, &yv, m, p);
        let want = logit.unwrap_or_default();
        let fit: LogitFit = match (&sep, want) {
            (Some(s), LogitEstimator::MaximumLikelihood) => {
                return Err(Error::Separation {
                    terms: s.diverging.iter().map(|&k| prep.names[k].clone()).collect(),
                    cells_at_bound: s.cells_at_bound,
                });
            }
            (Some(_), LogitEstimator::Auto) | (_, LogitEstimator::Firth) => {
                estimator = Estimator::Firth;
                firth_logit(&xv, &yv, m, p).ok_or_else(|| Error::InvalidParameter {
                    name: "x",
                    reason: "the information matrix is singular (a term is constant on the dyads?)"
                        .into(),
                })?
            }
            (None, _) => {
                glm_logit(&xv, &yv, m, p).map_err(|k| collinear(&prep.names, &xv, m, k))?
            }
        };
        if let Some(s) = sep {
            separation = Some(Separation {
                terms: s.diverging.iter().map(|&k| prep.names[k].clone()).collect(),
                cells_at_bound: s.cells_at_bound,
            });
        }
        let ybar = yv.iter().sum::<f64>() / m as f64;
        let null_deviance = if opts.intercept {
            -2.0 * yv
                .iter()
                .map(|&v| {
                    if v > 0.5 {
                        ybar.ln()
                    } else {
                        (1.0 - ybar).ln()
                    }
                })
                .sum::<f64>()
        } else {
            2.0 * m as f64 * std::f64::consts::LN_2
        };
        let stats = FitStatistics::Logit {
            deviance: fit.deviance,
            null_deviance,
            aic: fit.deviance + 2.0 * p as f64,
            bic: fit.deviance + p as f64 * (m as f64).ln(),
            iterations: fit.iterations,
            converged: fit.converged,
            df_residual: m - p,
        };
        let z: Vec<f64> = (0..p).map(|k| fit.coef[k] / fit.se[k]).collect();
        (fit.coef, fit.se, z, stats)
    };
    let d = Design {
        n,
        cells: &prep.cells,
        y: &y.values,
        x: prep.mats.iter().map(|m| m.values.as_slice()).collect(),
        constant: (0..p).map(|k| opts.intercept && k == 0).collect(),
        yv,
        xv,
        estimator,
        statistic: opts.statistic,
    };
    let observed: Vec<f64> = match opts.statistic {
        TestStatistic::Beta => coef.clone(),
        TestStatistic::Standardized => stat_obs.clone(),
    };
    let par = opts.parallelism.enabled_from(opts.reps * m, 1 << 16);
    let (dist, observed_cmp) = replicates(&d, null, opts, par, &observed)?;
    let tol = tie_tolerance(estimator);
    let mut failed = 0;
    let coefficients = (0..p)
        .map(|k| {
            let (pabs, pge, ple) = match &dist {
                None => {
                    let t = stat_obs[k];
                    if estimator == Estimator::Firth {
                        let lo = crate::measures::core_periphery::qs_test::normal_cdf(t);
                        (
                            2.0 * (1.0
                                - crate::measures::core_periphery::qs_test::normal_cdf(t.abs())),
                            1.0 - lo,
                            lo,
                        )
                    } else {
                        let df = (m - p) as f64;
                        (2.0 * pt_upper(t.abs(), df), pt_upper(t, df), pt(t, df))
                    }
                }
                Some(dist) => {
                    let col = &dist[k];
                    let t = observed_cmp[k];
                    let valid: Vec<f64> = col.iter().copied().filter(|v| v.is_finite()).collect();
                    failed = failed.max(col.len() - valid.len());
                    let r = valid.len() as f64;
                    let eps = tol * t.abs().max(1.0);
                    let ge = valid.iter().filter(|&&v| v >= t - eps).count() as f64 / r;
                    let le = valid.iter().filter(|&&v| v <= t + eps).count() as f64 / r;
                    let ab = valid.iter().filter(|&&v| v.abs() >= t.abs() - eps).count() as f64 / r;
                    (ab, ge, le)
                }
            };
            Coefficient {
                term: prep.names[k].clone(),
                estimate: coef[k],
                std_error: se[k],
                statistic: stat_obs[k],
                p_abs: pabs,
                p_greater: pge,
                p_less: ple,
            }
        })
        .collect();
    Ok(QapRegression {
        outcome: y.name.clone(),
        estimator,
        coefficients,
        mode: prep.mode,
        null,
        statistic: opts.statistic,
        reps: if null == NullHypothesis::Classical {
            0
        } else {
            opts.reps
        },
        seed: opts.seed,
        failed_replicates: failed,
        n_actors: n,
        n_dyads: m,
        fit: fitstats,
        separation,
    })
}

/// The replicate statistics per coefficient (`None` for the classical null)
/// and the observed statistics they are compared with: for OLS those of the
/// replicate's own algebra, for a logit those of the grouped fit of the
/// unrelabelled design (`grouped.rs`), so that a relabelling that leaves the
/// data unchanged ties with the observed value to the bit.
#[allow(clippy::type_complexity)]
fn replicates(
    d: &Design,
    null: NullHypothesis,
    opts: &QapOptions,
    par: bool,
    observed: &[f64],
) -> Result<(Option<Vec<Vec<f64>>>, Vec<f64>)> {
    let (n, m, p, reps, seed) = (d.n, d.m(), d.p(), opts.reps, opts.seed);
    let ols = d.estimator == Estimator::LeastSquares;
    let firth = d.estimator == Estimator::Firth;
    let cache = OlsCache::new(d);
    let mut sc = Scratch::default();
    let none: Vec<Option<&[u32]>> = vec![None; p];
    let intercept = d.constant.first() == Some(&true);
    match null {
        NullHypothesis::Classical => Ok((None, observed.to_vec())),
        NullHypothesis::Qapy if ols => {
            let cmp = permuted_y(d, &cache, None, &mut sc.buf);
            let bar = opts.progress.bar(reps as u64, "QAP (qapy)", "permutations");
            let rows = map_replicates(reps, par, &bar, |r, sc| {
                draw(seed, r as u64, n, &mut sc.perm);
                permuted_y(d, &cache, Some(&sc.perm), &mut sc.buf)
            });
            Ok((Some(transpose(&rows, p)), cmp))
        }
        NullHypothesis::Qapy => {
            let all: Vec<usize> = (0..p).collect();
            let eng = grouped_engine(d, firth, &all, None, Source::Moving(d.y));
            let cmp = eng
                .stats(&none, None, &mut sc)
                .unwrap_or_else(|| observed.to_vec());
            let bar = opts.progress.bar(reps as u64, "QAP (qapy)", "permutations");
            let rows = map_replicates(reps, par, &bar, |r, sc| {
                draw(seed, r as u64, n, &mut sc.perm);
                let perm = std::mem::take(&mut sc.perm);
                let out = eng
                    .stats(&none, Some(&perm), sc)
                    .unwrap_or_else(|| permuted_y(d, &cache, Some(&perm), &mut sc.buf));
                sc.perm = perm;
                out
            });
            Ok((Some(transpose(&rows, p)), cmp))
        }
        NullHypothesis::Qapallx => {
            let mut src: Vec<Source> = Vec::with_capacity(p);
            for k in 0..p {
                src.push(if d.constant[k] {
                    Source::Fixed(d.col(k))
                } else {
                    Source::Moving(d.x[k])
                });
            }
            let eng = (!ols).then(|| {
                GroupedLogit::new(
                    n,
                    d.cells,
                    src,
                    Source::Fixed(&d.yv),
                    intercept,
                    firth,
                    d.statistic,
                )
            });
            let cmp = match &eng {
                None => all_x(d, &none),
                Some(e) => e
                    .stats(&none, None, &mut sc)
                    .unwrap_or_else(|| observed.to_vec()),
            };
            let bar = opts
                .progress
                .bar(reps as u64, "QAP (qapallx)", "permutations");
            let rows = map_replicates(reps, par, &bar, |r, sc| {
                let mut rng = crate::random::stream(seed, r as u64);
                let mut perms = std::mem::take(&mut sc.perms);
                perms.resize(p, Vec::new());
                for (q, &c) in perms.iter_mut().zip(&d.constant) {
                    if !c {
                        super::matrix::random_perm(&mut rng, n, q);
                    }
                }
                let pr: Vec<Option<&[u32]>> = (0..p)
                    .map(|k| (!d.constant[k]).then_some(perms[k].as_slice()))
                    .collect();
                let out = match &eng {
                    Some(e) => e.stats(&pr, None, sc).unwrap_or_else(|| all_x(d, &pr)),
                    None => all_x(d, &pr),
                };
                sc.perms = perms;
                out
            });
            Ok((Some(transpose(&rows, p)), cmp))
        }
        NullHypothesis::Qapx | NullHypothesis::Qapspp => {
            // the matrix that moves, per predictor, and its invariant square sum
            let mut moving: Vec<(Vec<f64>, f64)> = Vec::with_capacity(p);
            for k in 0..p {
                let v: Vec<f64> = if null == NullHypothesis::Qapx {
                    d.x[k].to_vec()
                } else {
                    residual_matrix(d, k)?
                };
                let mut g = vec![0.0; m];
                gather(&v, n, d.cells, None, &mut g);
                let vv = g.iter().map(|a| a * a).sum();
                moving.push((v, vv));
            }
            let fixed: Vec<Fixed> = (0..p).map(|k| Fixed::new(d, k)).collect();
            // logit: per term, the grouped engine started from the fit
            // without the term (the null's fit) and 0 for the moving column
            let engines: Vec<GroupedLogit> = if ols {
                Vec::new()
            } else {
                (0..p)
                    .map(|k| {
                        let others: Vec<usize> = (0..p).filter(|&j| j != k).collect();
                        let mut start =
                            grouped_engine(d, firth, &others, None, Source::Fixed(&d.yv))
                                .fit_observed(&mut sc)
                                .unwrap_or_else(|| vec![f64::NAN; p - 1]);
                        start.push(0.0);
                        grouped_engine(d, firth, &others, Some(&moving[k].0), Source::Fixed(&d.yv))
                            .with_start(&start)
                    })
                    .collect()
            };
            let cmp: Vec<f64> = (0..p)
                .map(|k| {
                    if ols {
                        one_column(
                            d,
                            &cache,
                            &fixed[k],
                            &moving[k].0,
                            moving[k].1,
                            None,
                            &mut sc.buf,
                        )
                    } else {
                        engines[k]
                            .stats(&none, None, &mut sc)
                            .map_or(observed[k], |s| s[p - 1])
                    }
                })
                .collect();
            let bar = opts.progress.bar(
                (reps * p) as u64,
                &format!("QAP ({reps} per predictor)"),
                "permutations",
            );
            let flat = map_replicates(reps * p, par, &bar, |i, sc| {
                let k = i / reps;
                draw(seed, i as u64, n, &mut sc.perm);
                let perm = std::mem::take(&mut sc.perm);
                let mut pr: Vec<Option<&[u32]>> = vec![None; p];
                pr[p - 1] = Some(&perm);
                let grouped = engines.get(k).and_then(|e| e.stats(&pr, None, sc));
                let out = match grouped {
                    Some(s) => s[p - 1],
                    None => one_column(
                        d,
                        &cache,
                        &fixed[k],
                        &moving[k].0,
                        moving[k].1,
                        Some(&perm),
                        &mut sc.buf,
                    ),
                };
                sc.perm = perm;
                out
            });
            Ok((Some(flat.chunks(reps).map(<[f64]>::to_vec).collect()), cmp))
        }
    }
}

/// The grouped logit of the columns `cols` of the design (fixed), then `last`
/// (a matrix the replicate relabels), on the outcome `y`.
fn grouped_engine<'a>(
    d: &'a Design<'a>,
    firth: bool,
    cols: &[usize],
    last: Option<&'a [f64]>,
    y: Source<'a>,
) -> GroupedLogit<'a> {
    let mut src: Vec<Source> = cols.iter().map(|&j| Source::Fixed(d.col(j))).collect();
    src.extend(last.map(Source::Moving));
    let icpt = cols.first().is_some_and(|&j| d.constant[j]);
    GroupedLogit::new(d.n, d.cells, src, y, icpt, firth, d.statistic)
}

/// The residual of predictor `k` regressed on the others (sna's `qapspp`),
/// as a matrix: zero on the diagonal, symmetric in graph mode.
fn residual_matrix(d: &Design, k: usize) -> Result<Vec<f64>> {
    let (n, m, p) = (d.n, d.m(), d.p());
    let mut xo = Vec::with_capacity(m * (p - 1));
    for j in (0..p).filter(|&j| j != k) {
        xo.extend_from_slice(&d.xv[j * m..(j + 1) * m]);
    }
    let xk = &d.xv[k * m..(k + 1) * m];
    let resid: Vec<f64> = match qr_ls(&xo, xk, m, p - 1) {
        Ok(ls) => (0..m)
            .map(|i| xk[i] - (0..p - 1).map(|j| xo[j * m + i] * ls.coef[j]).sum::<f64>())
            .collect(),
        Err(_) => {
            return Err(Error::InvalidParameter {
                name: "x",
                reason: "the predictors are collinear on the dyads modelled".into(),
            });
        }
    };
    let mut v = vec![0.0; n * n];
    for (r, &(i, j)) in resid.iter().zip(d.cells) {
        v[i as usize * n + j as usize] = *r;
        if d.cells.len() * 2 == n * (n - 1) && i > j {
            // graph mode: the lower triangle mirrored, as sna does
            v[j as usize * n + i as usize] = *r;
        }
    }
    Ok(v)
}

fn transpose(rows: &[Vec<f64>], p: usize) -> Vec<Vec<f64>> {
    (0..p)
        .map(|k| rows.iter().map(|r| r[k]).collect())
        .collect()
}

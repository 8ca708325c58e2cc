//! The permutation replicates of a QAP regression: one relabelling per
//! replicate from its own random stream, the statistic of each replicate a
//! pure function of its index, so 1 and 2 threads give the same bits.

use super::glm::{firth_logit, glm_logit};
use super::grouped::Scratch;
use super::matrix::{gather, random_perm};
use super::{Estimator, TestStatistic};
use crate::inference::linalg::{chol_inv_diag, chol_solve_in_place, cholesky_in_place};
use indicatif::ProgressBar;
use rayon::prelude::*;

/// Replicates per rayon work item: fixed, so the split never depends on the pool.
const CHUNK: usize = 64;

/// Everything a replicate reads: the cells, the outcome and predictor
/// matrices (dense, row-major `n x n`) and their observed vectors.
pub(crate) struct Design<'a> {
    pub n: usize,
    pub cells: &'a [(u32, u32)],
    /// Outcome matrix.
    pub y: &'a [f64],
    /// Predictor matrices, intercept first when present.
    pub x: Vec<&'a [f64]>,
    /// Whether predictor `k` is the constant intercept (a permutation leaves it alone).
    pub constant: Vec<bool>,
    /// Observed outcome at the cells.
    pub yv: Vec<f64>,
    /// Observed predictors at the cells, column-major `m x p`.
    pub xv: Vec<f64>,
    pub estimator: Estimator,
    pub statistic: TestStatistic,
}

impl Design<'_> {
    pub fn m(&self) -> usize {
        self.cells.len()
    }
    pub fn p(&self) -> usize {
        self.x.len()
    }
    pub fn col(&self, k: usize) -> &[f64] {
        let m = self.m();
        &self.xv[k * m..(k + 1) * m]
    }

    /// The statistic of a coefficient from its estimate and `(X'X)^{-1}` or
    /// information diagonal (`scale` the residual variance for OLS, 1 for logit).
    fn stat(&self, beta: f64, inv_diag: f64, scale: f64) -> f64 {
        match self.statistic {
            TestStatistic::Beta => beta,
            TestStatistic::Standardized => beta / (inv_diag * scale).sqrt(),
        }
    }

    /// Fit a full logit design and return the statistic of every column.
    fn logit_stats(&self, xv: &[f64], yv: &[f64]) -> Vec<f64> {
        let (m, p) = (self.m(), self.p());
        let fit = match self.estimator {
            Estimator::Firth => firth_logit(xv, yv, m, p),
            _ => glm_logit(xv, yv, m, p).ok(),
        };
        match fit {
            Some(f) => (0..p)
                .map(|k| match self.statistic {
                    TestStatistic::Beta => f.coef[k],
                    TestStatistic::Standardized => f.coef[k] / f.se[k],
                })
                .collect(),
            None => vec![f64::NAN; p],
        }
    }
}

/// Precomputed pieces of the OLS fast paths.
pub(crate) struct OlsCache {
    yy: f64,
    /// Cholesky of X'X (for the permuted-outcome null).
    chol: Option<Vec<f64>>,
    inv_diag: Vec<f64>,
}

impl OlsCache {
    pub fn new(d: &Design) -> OlsCache {
        let p = d.p();
        let yy = d.yv.iter().map(|v| v * v).sum();
        let mut g = vec![0.0; p * p];
        for a in 0..p {
            for b in 0..=a {
                let s: f64 = d.col(a).iter().zip(d.col(b)).map(|(u, v)| u * v).sum();
                g[a * p + b] = s;
                g[b * p + a] = s;
            }
        }
        let ok = cholesky_in_place(&mut g, p);
        let mut w = vec![0.0; p];
        let inv_diag = if ok {
            (0..p).map(|k| chol_inv_diag(&g, p, k, &mut w)).collect()
        } else {
            vec![f64::NAN; p]
        };
        OlsCache {
            yy,
            chol: ok.then_some(g),
            inv_diag,
        }
    }
}

/// Statistics of every coefficient with the outcome relabelled by `perm`
/// (`None`: observed), the predictors fixed (sna `qapy`).
pub(crate) fn permuted_y(
    d: &Design,
    c: &OlsCache,
    perm: Option<&[u32]>,
    buf: &mut Vec<f64>,
) -> Vec<f64> {
    let (m, p) = (d.m(), d.p());
    buf.resize(m, 0.0);
    gather(d.y, d.n, d.cells, perm, buf);
    if d.estimator != Estimator::LeastSquares {
        return d.logit_stats(&d.xv, buf);
    }
    let Some(l) = &c.chol else {
        return vec![f64::NAN; p];
    };
    let mut b: Vec<f64> = (0..p)
        .map(|k| d.col(k).iter().zip(buf.iter()).map(|(u, v)| u * v).sum())
        .collect();
    let xty = b.clone();
    chol_solve_in_place(l, p, &mut b);
    let rss = c.yy - b.iter().zip(&xty).map(|(u, v)| u * v).sum::<f64>();
    let s2 = rss / (m - p) as f64;
    (0..p).map(|k| d.stat(b[k], c.inv_diag[k], s2)).collect()
}

/// The fixed part of a one-column replicate: every predictor but `k`, their
/// Gram matrix and cross-products with the outcome (computed once per term).
pub(crate) struct Fixed {
    others: Vec<usize>,
    gram: Vec<f64>,
    xty: Vec<f64>,
}

impl Fixed {
    pub fn new(d: &Design, k: usize) -> Fixed {
        let others: Vec<usize> = (0..d.p()).filter(|&j| j != k).collect();
        let q = others.len();
        let mut gram = vec![0.0; q * q];
        for (a, &ja) in others.iter().enumerate() {
            for (b, &jb) in others.iter().enumerate().take(a + 1) {
                let s: f64 = d.col(ja).iter().zip(d.col(jb)).map(|(u, w)| u * w).sum();
                gram[a * q + b] = s;
                gram[b * q + a] = s;
            }
        }
        let xty = others
            .iter()
            .map(|&j| d.col(j).iter().zip(&d.yv).map(|(u, w)| u * w).sum())
            .collect();
        Fixed { others, gram, xty }
    }
}

/// The statistic of a column `v` (a matrix: the predictor itself for `qapx`,
/// its residual on the others for `qapspp`) relabelled by `perm`, fitted with
/// the other predictors (every column but `k`, in order) and placed last.
pub(crate) fn one_column(
    d: &Design,
    c: &OlsCache,
    fx: &Fixed,
    v: &[f64],
    vv: f64,
    perm: Option<&[u32]>,
    buf: &mut Vec<f64>,
) -> f64 {
    let (m, p) = (d.m(), d.p());
    buf.resize(m, 0.0);
    gather(v, d.n, d.cells, perm, buf);
    if d.estimator != Estimator::LeastSquares {
        let mut xv = Vec::with_capacity(m * p);
        for &j in &fx.others {
            xv.extend_from_slice(d.col(j));
        }
        xv.extend_from_slice(buf);
        return d.logit_stats(&xv, &d.yv)[p - 1];
    }
    let q = p - 1;
    let mut g = vec![0.0; p * p];
    let mut b = vec![0.0; p];
    for a in 0..q {
        g[a * p..a * p + q].copy_from_slice(&fx.gram[a * q..(a + 1) * q]);
        let s: f64 = d
            .col(fx.others[a])
            .iter()
            .zip(buf.iter())
            .map(|(u, w)| u * w)
            .sum();
        g[a * p + q] = s;
        g[q * p + a] = s;
        b[a] = fx.xty[a];
    }
    g[p * p - 1] = vv;
    b[q] = buf.iter().zip(&d.yv).map(|(u, w)| u * w).sum();
    if !cholesky_in_place(&mut g, p) {
        return f64::NAN;
    }
    let xty = b.clone();
    chol_solve_in_place(&g, p, &mut b);
    let rss = c.yy - b.iter().zip(&xty).map(|(u, w)| u * w).sum::<f64>();
    let s2 = rss / (m - p) as f64;
    let mut w = vec![0.0; p];
    let inv = chol_inv_diag(&g, p, q, &mut w);
    d.stat(b[q], inv, s2)
}

/// Statistics of every coefficient with each non-constant predictor
/// relabelled by its own permutation (sna `qapallx`).
pub(crate) fn all_x(d: &Design, perms: &[Option<&[u32]>]) -> Vec<f64> {
    let (m, p) = (d.m(), d.p());
    let mut xv = vec![0.0; m * p];
    for k in 0..p {
        gather(d.x[k], d.n, d.cells, perms[k], &mut xv[k * m..(k + 1) * m]);
    }
    if d.estimator != Estimator::LeastSquares {
        return d.logit_stats(&xv, &d.yv);
    }
    let mut g = vec![0.0; p * p];
    for a in 0..p {
        for b in 0..=a {
            let s: f64 = xv[a * m..(a + 1) * m]
                .iter()
                .zip(&xv[b * m..(b + 1) * m])
                .map(|(u, w)| u * w)
                .sum();
            g[a * p + b] = s;
            g[b * p + a] = s;
        }
    }
    let mut b: Vec<f64> = (0..p)
        .map(|k| {
            xv[k * m..(k + 1) * m]
                .iter()
                .zip(&d.yv)
                .map(|(u, w)| u * w)
                .sum()
        })
        .collect();
    if !cholesky_in_place(&mut g, p) {
        return vec![f64::NAN; p];
    }
    let xty = b.clone();
    chol_solve_in_place(&g, p, &mut b);
    let yy: f64 = d.yv.iter().map(|v| v * v).sum();
    let rss = yy - b.iter().zip(&xty).map(|(u, w)| u * w).sum::<f64>();
    let s2 = rss / (m - p) as f64;
    let mut w = vec![0.0; p];
    (0..p)
        .map(|k| d.stat(b[k], chol_inv_diag(&g, p, k, &mut w), s2))
        .collect()
}

/// `f(i, scratch)` for `i in 0..count`, in parallel when `par`, in a fixed
/// order (each value depends on `i` only; the per-thread scratch buffers are
/// overwritten before they are read); `bar` counts the replicates done (it
/// never changes a value).
pub(crate) fn map_replicates<T, F>(count: usize, par: bool, bar: &ProgressBar, f: F) -> Vec<T>
where
    T: Send,
    F: Fn(usize, &mut Scratch) -> T + Sync + Send,
{
    let out = if par {
        (0..count)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map_init(Scratch::default, |sc, i| {
                let v = f(i, sc);
                bar.inc(1);
                v
            })
            .collect()
    } else {
        let mut sc = Scratch::default();
        (0..count)
            .map(|i| {
                let v = f(i, &mut sc);
                bar.inc(1);
                v
            })
            .collect()
    };
    bar.finish_and_clear();
    out
}

/// The relabelling replicate `index` of a QAP run seeded with `seed` uses on
/// `n` actors: Fisher–Yates on [`crate::random::stream`]`(seed, index)`.
/// (`qapallx` draws one such relabelling per predictor from the same stream,
/// in predictor order.)
pub fn permutation(seed: u64, index: u64, n: usize) -> Vec<usize> {
    let mut p = Vec::new();
    random_perm(&mut crate::random::stream(seed, index), n, &mut p);
    p.into_iter().map(|v| v as usize).collect()
}

/// Draw the permutation of replicate `index` into `out`.
pub(crate) fn draw(seed: u64, index: u64, n: usize, out: &mut Vec<u32>) {
    random_perm(&mut crate::random::stream(seed, index), n, out);
}

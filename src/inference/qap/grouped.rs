//! The logit permutation replicates in grouped form.
//!
//! A logistic likelihood depends on the dyads only through, for each distinct
//! row `x_g` of the design, the number of dyads `n_g` with that row and the
//! number `s_g` of ties among them:
//!
//! ```text
//! l(b) = sum_g [ s_g x_g'b - n_g log(1 + exp(x_g'b)) ]
//! I(b) = sum_g n_g mu_g (1 - mu_g) x_g x_g'          mu_g = 1 / (1 + exp(-x_g'b))
//! ```
//!
//! and Firth's adjusted score groups the same way (every dyad of a group has
//! the same leverage `h_g`). The predictors of the case are binary or take a
//! few values, so a design of `N` dyads has a few dozen distinct rows. Each
//! replicate therefore (1) relabels: one pass over the dyads computes each
//! dyad's row key (the fixed predictors' pattern, precomputed, and the value
//! index of each relabelled matrix at the relabelled cell) and accumulates
//! `n_g`, `s_g`; (2) fits on the groups: maximum likelihood by R's `glm.fit`
//! iteration itself (its start, link clamps and deviance test, so a
//! replicate's statistic is the one sna computes for it, separated replicates
//! included), Firth's by quasi-Fisher scoring started from the fit under the
//! null (without the relabelled term). The cost per replicate is
//! `O(N + G p^2 I)` instead of the `O(N p^2 I)` of a fit on the dyads. When
//! the keys would exceed [`KEY_CAP`] (a continuous predictor), the groups are
//! the dyads themselves.
//!
//! A replicate whose weighted design is rank-deficient within R's `qr`
//! tolerance, or whose Firth iteration does not converge, is left to the
//! caller, which fits it on the dyads (`glm::glm_logit`, `glm::firth_logit`).

// Index loops over p x p matrices read as the formulas do.
#![allow(clippy::needless_range_loop)]

use super::TestStatistic;
use crate::inference::linalg::{chol_inv_diag, chol_solve_in_place, cholesky_in_place};
use std::collections::HashMap;

/// The most distinct row keys kept in the dense accumulators (1 MiB per thread).
pub(crate) const KEY_CAP: u64 = 1 << 16;

/// Where a design column comes from in a replicate.
pub(crate) enum Source<'a> {
    /// Fixed: its values at the cells.
    Fixed(&'a [f64]),
    /// Relabelled: a row-major `n x n` matrix, read at the relabelled cell.
    Moving(&'a [f64]),
}

/// A moving column's value table: the matrix's distinct values and each
/// entry's index among them.
struct ValueIds {
    col: usize,
    ids: Vec<u32>,
    values: Vec<f64>,
    radix: u64,
}

struct Keys {
    /// Per cell, the pattern of the fixed columns.
    fixed_id: Vec<u32>,
    /// Per pattern, the row with the fixed columns filled (moving ones 0).
    fixed_rows: Vec<f64>,
    moving: Vec<ValueIds>,
    /// Keys per fixed pattern (the product of the moving value counts).
    span: u64,
    size: usize,
}

/// A grouped logit fit of one replicate design.
pub(crate) struct GroupedLogit<'a> {
    n: usize,
    cells: &'a [(u32, u32)],
    sources: Vec<Source<'a>>,
    /// The outcome: at the cells (fixed) or a matrix (relabelled, `qapy`).
    y: Source<'a>,
    firth: bool,
    statistic: TestStatistic,
    keys: Option<Keys>,
    start: Vec<f64>,
}

/// Per-thread buffers of [`GroupedLogit::stats`].
#[derive(Default)]
pub(crate) struct Scratch {
    acc_n: Vec<f64>,
    acc_s: Vec<f64>,
    touched: Vec<u32>,
    rows: Vec<f64>,
    gn: Vec<f64>,
    gs: Vec<f64>,
    beta: Vec<f64>,
    step: Vec<f64>,
    gram: Vec<f64>,
    score: Vec<f64>,
    work: Vec<f64>,
    /// The relabelling of the replicate (filled by the caller).
    pub perm: Vec<u32>,
    /// More relabellings (`qapallx`: one per predictor).
    pub perms: Vec<Vec<u32>>,
    /// Cells of an ungrouped fallback fit.
    pub buf: Vec<f64>,
}

fn log1pexp(eta: f64) -> f64 {
    if eta > 0.0 {
        eta + (-eta).exp().ln_1p()
    } else {
        eta.exp().ln_1p()
    }
}

fn expit(eta: f64) -> f64 {
    if eta >= 0.0 {
        1.0 / (1.0 + (-eta).exp())
    } else {
        let e = eta.exp();
        e / (1.0 + e)
    }
}

impl<'a> GroupedLogit<'a> {
    /// The engine for designs with these column sources and outcome, started
    /// from `start` (`None`: the intercept-only fit when column 0 is the
    /// constant `intercept`, else 0).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        n: usize,
        cells: &'a [(u32, u32)],
        sources: Vec<Source<'a>>,
        y: Source<'a>,
        intercept: bool,
        firth: bool,
        statistic: TestStatistic,
    ) -> GroupedLogit<'a> {
        let p = sources.len();
        let keys = Self::keys(n, cells, &sources);
        let mut g = GroupedLogit {
            n,
            cells,
            sources,
            y,
            firth,
            statistic,
            keys,
            start: vec![0.0; p],
        };
        if intercept {
            // the intercept-only fit: logit of the tie rate (Firth: of (s + 1/2) / (m + 1))
            let m = cells.len() as f64;
            let s: f64 = match g.y {
                Source::Fixed(v) => v.iter().sum(),
                Source::Moving(v) => cells
                    .iter()
                    .map(|&(i, j)| v[i as usize * n + j as usize])
                    .sum(),
            };
            let r = if firth { (s + 0.5) / (m + 1.0) } else { s / m };
            g.start[0] = (r / (1.0 - r)).ln();
            if !g.start[0].is_finite() {
                g.start[0] = 0.0;
            }
        }
        g
    }

    /// Start from `b` (the fit under the null of the columns but the last,
    /// with 0 for it), when it is finite.
    pub fn with_start(mut self, b: &[f64]) -> Self {
        if b.len() == self.start.len() && b.iter().all(|v| v.is_finite()) {
            self.start.copy_from_slice(b);
        }
        self
    }

    fn keys(n: usize, cells: &[(u32, u32)], sources: &[Source]) -> Option<Keys> {
        let p = sources.len();
        let mut pattern: HashMap<Vec<u64>, u32> = HashMap::new();
        let mut fixed_rows = Vec::new();
        let mut fixed_id = Vec::with_capacity(cells.len());
        let mut row = Vec::with_capacity(p);
        for c in 0..cells.len() {
            row.clear();
            for s in sources {
                if let Source::Fixed(v) = s {
                    row.push(v[c].to_bits());
                }
            }
            let next = pattern.len() as u32;
            let id = *pattern.entry(row.clone()).or_insert_with(|| {
                let mut r = row.iter();
                for s in sources {
                    fixed_rows.push(match s {
                        Source::Fixed(_) => f64::from_bits(*r.next().expect("fixed value")),
                        Source::Moving(_) => 0.0,
                    });
                }
                next
            });
            fixed_id.push(id);
        }
        let mut span: u64 = 1;
        let mut moving = Vec::new();
        for (col, s) in sources.iter().enumerate() {
            if let Source::Moving(mat) = s {
                let mut values: Vec<f64> = (0..n * n)
                    .filter(|&e| e / n != e % n)
                    .map(|e| mat[e])
                    .collect();
                values.sort_by(f64::total_cmp);
                values.dedup_by(|a, b| a.to_bits() == b.to_bits());
                let ids = mat
                    .iter()
                    .enumerate()
                    .map(|(e, v)| {
                        if e / n == e % n {
                            0
                        } else {
                            values
                                .binary_search_by(|a| a.total_cmp(v))
                                .expect("a value of the matrix") as u32
                        }
                    })
                    .collect();
                let radix = span;
                span = span.checked_mul(values.len() as u64)?;
                moving.push(ValueIds {
                    col,
                    ids,
                    values,
                    radix,
                });
            }
        }
        let size = span.checked_mul(pattern.len() as u64)?;
        (size <= KEY_CAP).then_some(Keys {
            fixed_id,
            fixed_rows,
            moving,
            span,
            size: size as usize,
        })
    }

    fn p(&self) -> usize {
        self.sources.len()
    }

    /// Fill the groups of the replicate: `perms[k]` relabels moving column
    /// `k` (ignored for a fixed one), `y_perm` the outcome when it moves.
    fn group(&self, perms: &[Option<&[u32]>], y_perm: Option<&[u32]>, sc: &mut Scratch) {
        let (n, p) = (self.n, self.p());
        let at = |perm: Option<&[u32]>, i: u32, j: u32| match perm {
            Some(q) => q[i as usize] as usize * n + q[j as usize] as usize,
            None => i as usize * n + j as usize,
        };
        let yv = |c: usize, i: u32, j: u32| match self.y {
            Source::Fixed(v) => v[c],
            Source::Moving(v) => v[at(y_perm, i, j)],
        };
        sc.rows.clear();
        sc.gn.clear();
        sc.gs.clear();
        let Some(k) = &self.keys else {
            // the dyads themselves
            for (c, &(i, j)) in self.cells.iter().enumerate() {
                for (col, s) in self.sources.iter().enumerate() {
                    sc.rows.push(match s {
                        Source::Fixed(v) => v[c],
                        Source::Moving(v) => v[at(perms[col], i, j)],
                    });
                }
                sc.gn.push(1.0);
                sc.gs.push(yv(c, i, j));
            }
            return;
        };
        if sc.acc_n.len() < k.size {
            sc.acc_n.resize(k.size, 0.0);
            sc.acc_s.resize(k.size, 0.0);
        }
        sc.touched.clear();
        for (c, &(i, j)) in self.cells.iter().enumerate() {
            let mut key = u64::from(k.fixed_id[c]) * k.span;
            for mv in &k.moving {
                key += u64::from(mv.ids[at(perms[mv.col], i, j)]) * mv.radix;
            }
            let key = key as usize;
            if sc.acc_n[key] == 0.0 {
                sc.touched.push(key as u32);
            }
            sc.acc_n[key] += 1.0;
            sc.acc_s[key] += yv(c, i, j);
        }
        for &key in &sc.touched {
            let key = key as usize;
            let (f, rest) = (key as u64 / k.span, key as u64 % k.span);
            let base = f as usize * p;
            sc.rows.extend_from_slice(&k.fixed_rows[base..base + p]);
            let row = sc.rows.len() - p;
            for mv in &k.moving {
                let id = (rest / mv.radix) % mv.values.len() as u64;
                sc.rows[row + mv.col] = mv.values[id as usize];
            }
            sc.gn.push(sc.acc_n[key]);
            sc.gs.push(sc.acc_s[key]);
            sc.acc_n[key] = 0.0;
            sc.acc_s[key] = 0.0;
        }
    }

    /// The statistic of every column of the replicate (`None` when the fit
    /// does not converge: the caller refits on the dyads).
    pub fn stats(
        &self,
        perms: &[Option<&[u32]>],
        y_perm: Option<&[u32]>,
        sc: &mut Scratch,
    ) -> Option<Vec<f64>> {
        self.group(perms, y_perm, sc);
        let p = self.p();
        let ok = if self.firth {
            firth(p, &self.start, sc)
        } else {
            glm_fit(p, sc)
        };
        if !ok {
            return None;
        }
        // sc.gram holds the Cholesky factor of the information at the estimate
        sc.work.resize(p, 0.0);
        let mut out = Vec::with_capacity(p);
        for k in 0..p {
            let b = sc.beta[k];
            out.push(match self.statistic {
                TestStatistic::Beta => b,
                TestStatistic::Standardized => {
                    b / chol_inv_diag(&sc.gram, p, k, &mut sc.work).sqrt()
                }
            });
        }
        out.iter().all(|v| v.is_finite()).then_some(out)
    }

    /// The coefficients of the grouped fit of the unrelabelled design (for
    /// the start of another engine), `None` if it does not converge.
    pub fn fit_observed(&self, sc: &mut Scratch) -> Option<Vec<f64>> {
        let none = vec![None; self.p()];
        self.stats(&none, None, sc).map(|_| sc.beta.clone())
    }
}

/// Log-likelihood, information and score of the grouped logit at `beta`.
fn evaluate(
    p: usize,
    rows: &[f64],
    gn: &[f64],
    gs: &[f64],
    beta: &[f64],
    gram: &mut Vec<f64>,
    score: &mut Vec<f64>,
) -> f64 {
    gram.clear();
    gram.resize(p * p, 0.0);
    score.clear();
    score.resize(p, 0.0);
    let mut ll = 0.0;
    for (g, x) in rows.chunks_exact(p).enumerate() {
        let eta: f64 = x.iter().zip(beta).map(|(a, b)| a * b).sum();
        let mu = expit(eta);
        let (n, s) = (gn[g], gs[g]);
        ll += s * eta - n * log1pexp(eta);
        let w = n * mu * (1.0 - mu);
        let r = s - n * mu;
        for a in 0..p {
            score[a] += x[a] * r;
            let wa = w * x[a];
            for b in 0..=a {
                gram[a * p + b] += wa * x[b];
            }
        }
    }
    for a in 0..p {
        for b in 0..a {
            gram[b * p + a] = gram[a * p + b];
        }
    }
    ll
}

/// R's `glm.fit` (`glm::glm_logit`: its start `mu = (y + 1/2) / 2`, its
/// clamped link, its deviance test `|dev - dev_old| / (|dev| + 0.1) < 1e-8`,
/// at most 25 iterations), on the groups: from the second iteration every
/// dyad of a group has the same `eta`, and in the first the two start values
/// (`y = 0` or `1`) have the same weight, so each weighted least-squares step
/// is the dyads' own; it is solved by Cholesky on the weighted Gram matrix.
/// On success `sc.beta` is the estimate and `sc.gram` the Cholesky factor of
/// the last weighted Gram matrix (whose inverse gives sna's standard
/// errors). `false` when a column is, within R's `qr` tolerance (1e-7 of its
/// weighted norm), a combination of the others: the caller refits on the
/// dyads as `glm.fit` would.
fn glm_fit(p: usize, sc: &mut Scratch) -> bool {
    use super::glm::{dev_resid, linkinv, mu_eta};
    let g_count = sc.gn.len();
    let eta1 = (0.75f64 / 0.25).ln();
    let (mu1, mu0) = (linkinv(eta1), linkinv(-eta1));
    let mut devold: f64 = (0..g_count)
        .map(|g| {
            let (n, s) = (sc.gn[g], sc.gs[g]);
            s * dev_resid(1.0, mu1) + (n - s) * dev_resid(0.0, mu0)
        })
        .sum();
    sc.beta.clear();
    sc.beta.resize(p, 0.0);
    sc.work.resize(p, 0.0);
    for iter in 0..25 {
        sc.gram.clear();
        sc.gram.resize(p * p, 0.0);
        sc.step.clear();
        sc.step.resize(p, 0.0);
        for (g, x) in sc.rows.chunks_exact(p).enumerate() {
            let (n, s) = (sc.gn[g], sc.gs[g]);
            // sum over the group's dyads of w^2 and of w^2 z
            let (ww, wwz) = if iter == 0 {
                let one = |y: f64, eta: f64, mu: f64| {
                    let me = mu_eta(eta);
                    let w2 = me * me / (mu * (1.0 - mu));
                    (w2, w2 * (eta + (y - mu) / me))
                };
                let (a1, b1) = one(1.0, eta1, mu1);
                let (a0, b0) = one(0.0, -eta1, mu0);
                (s * a1 + (n - s) * a0, s * b1 + (n - s) * b0)
            } else {
                let eta: f64 = x.iter().zip(&sc.beta).map(|(a, b)| a * b).sum();
                let mu = linkinv(eta);
                let me = mu_eta(eta);
                let w2 = me * me / (mu * (1.0 - mu));
                (n * w2, w2 * (n * eta + (s - n * mu) / me))
            };
            for a in 0..p {
                sc.step[a] += x[a] * wwz;
                let wa = ww * x[a];
                for b in 0..=a {
                    sc.gram[a * p + b] += wa * x[b];
                }
            }
        }
        for a in 0..p {
            sc.work[a] = sc.gram[a * p + a];
            for b in 0..a {
                sc.gram[b * p + a] = sc.gram[a * p + b];
            }
        }
        if !cholesky_in_place(&mut sc.gram, p)
            || (0..p).any(|k| {
                let l = sc.gram[k * p + k];
                l * l <= 1e-14 * sc.work[k] || l.is_nan()
            })
        {
            return false;
        }
        chol_solve_in_place(&sc.gram, p, &mut sc.step);
        std::mem::swap(&mut sc.beta, &mut sc.step);
        let dev: f64 = sc
            .rows
            .chunks_exact(p)
            .enumerate()
            .map(|(g, x)| {
                let eta: f64 = x.iter().zip(&sc.beta).map(|(a, b)| a * b).sum();
                let mu = linkinv(eta);
                let (n, s) = (sc.gn[g], sc.gs[g]);
                let mut d = 0.0;
                if s > 0.0 {
                    d += s * dev_resid(1.0, mu);
                }
                if n > s {
                    d += (n - s) * dev_resid(0.0, mu);
                }
                d
            })
            .sum();
        if !dev.is_finite() {
            return false;
        }
        if (dev - devold).abs() / (dev.abs() + 0.1) < 1e-8 {
            break;
        }
        devold = dev;
    }
    sc.beta.iter().all(|b| b.is_finite())
}

/// Firth's penalised fit (quasi-Fisher scoring on the adjusted score, as
/// `glm::firth_logit`), grouped; on success as [`newton`].
fn firth(p: usize, start: &[f64], sc: &mut Scratch) -> bool {
    sc.beta.clear();
    sc.beta.extend_from_slice(start);
    sc.work.resize(p, 0.0);
    for _ in 0..500 {
        evaluate(
            p,
            &sc.rows,
            &sc.gn,
            &sc.gs,
            &sc.beta,
            &mut sc.gram,
            &mut sc.score,
        );
        if !cholesky_in_place(&mut sc.gram, p) {
            return false;
        }
        // adjusted score: x_g (s_g - n_g mu_g + n_g h_g (1/2 - mu_g)), h_g per dyad
        sc.step.clear();
        sc.step.resize(p, 0.0);
        for (g, x) in sc.rows.chunks_exact(p).enumerate() {
            let eta: f64 = x.iter().zip(&sc.beta).map(|(a, b)| a * b).sum();
            let mu = expit(eta);
            let w = mu * (1.0 - mu);
            sc.work.copy_from_slice(x);
            for a in 0..p {
                for k in 0..a {
                    sc.work[a] -= sc.gram[a * p + k] * sc.work[k];
                }
                sc.work[a] /= sc.gram[a * p + a];
            }
            let h = w * sc.work.iter().map(|v| v * v).sum::<f64>();
            let r = sc.gs[g] - sc.gn[g] * mu + sc.gn[g] * h * (0.5 - mu);
            for a in 0..p {
                sc.step[a] += x[a] * r;
            }
        }
        chol_solve_in_place(&sc.gram, p, &mut sc.step);
        let size = sc.step.iter().fold(0.0f64, |a, s| a.max(s.abs()));
        if !size.is_finite() {
            return false;
        }
        for (b, s) in sc.beta.iter_mut().zip(&sc.step) {
            *b += s;
        }
        if size < 1e-12 {
            evaluate(
                p,
                &sc.rows,
                &sc.gn,
                &sc.gs,
                &sc.beta,
                &mut sc.gram,
                &mut sc.score,
            );
            return cholesky_in_place(&mut sc.gram, p);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::glm::{firth_logit, glm_logit};
    use super::*;

    /// 6 actors, 30 ordered dyads; a binary and a 3-valued predictor.
    #[allow(clippy::type_complexity)]
    fn data() -> (usize, Vec<(u32, u32)>, Vec<f64>, Vec<f64>, Vec<f64>) {
        let n = 6;
        let cells: Vec<(u32, u32)> = (0..n as u32)
            .flat_map(|i| (0..n as u32).filter(move |&j| j != i).map(move |j| (i, j)))
            .collect();
        let x1: Vec<f64> = (0..n * n).map(|e| ((e * 7) % 5 < 2) as u8 as f64).collect();
        let x2: Vec<f64> = (0..n * n).map(|e| (e % 3) as f64).collect();
        let y: Vec<f64> = (0..n * n)
            .map(|e| ((e * 11) % 7 < 3) as u8 as f64)
            .collect();
        (n, cells, x1, x2, y)
    }

    #[test]
    fn grouped_fits_equal_the_fits_on_the_dyads() {
        let (n, cells, x1, x2, y) = data();
        let m = cells.len();
        let at = |v: &[f64], perm: &[usize]| -> Vec<f64> {
            cells
                .iter()
                .map(|&(i, j)| v[perm[i as usize] * n + perm[j as usize]])
                .collect()
        };
        let id: Vec<usize> = (0..n).collect();
        let ones = vec![1.0; m];
        let c1 = at(&x1, &id);
        let yv = at(&y, &id);
        let perm = [3u32, 0, 5, 1, 4, 2];
        let permu: Vec<usize> = perm.iter().map(|&v| v as usize).collect();
        for firth_fit in [false, true] {
            // intercept and x1 fixed, x2 relabelled
            let eng = GroupedLogit::new(
                n,
                &cells,
                vec![
                    Source::Fixed(&ones),
                    Source::Fixed(&c1),
                    Source::Moving(&x2),
                ],
                Source::Fixed(&yv),
                true,
                firth_fit,
                TestStatistic::Standardized,
            );
            assert!(eng.keys.is_some());
            let mut sc = Scratch::default();
            let got = eng
                .stats(&[None, None, Some(&perm)], None, &mut sc)
                .unwrap();
            let mut xv = ones.clone();
            xv.extend_from_slice(&c1);
            xv.extend(at(&x2, &permu));
            let f = if firth_fit {
                firth_logit(&xv, &yv, m, 3).unwrap()
            } else {
                glm_logit(&xv, &yv, m, 3).unwrap()
            };
            for k in 0..3 {
                let want = f.coef[k] / f.se[k];
                // the same iterates, summed by group (Firth: the same fixed point)
                assert!(
                    (got[k] - want).abs() < 1e-9 * want.abs().max(1.0),
                    "{got:?} {want}"
                );
            }
            // the relabelled outcome (qapy), all fixed
            let c2 = at(&x2, &id);
            let eng = GroupedLogit::new(
                n,
                &cells,
                vec![Source::Fixed(&ones), Source::Fixed(&c1), Source::Fixed(&c2)],
                Source::Moving(&y),
                true,
                firth_fit,
                TestStatistic::Beta,
            );
            let got = eng
                .stats(&[None, None, None], Some(&perm), &mut sc)
                .unwrap();
            let mut xv = ones.clone();
            xv.extend_from_slice(&c1);
            xv.extend_from_slice(&c2);
            let yp = at(&y, &permu);
            let f = if firth_fit {
                firth_logit(&xv, &yp, m, 3).unwrap()
            } else {
                glm_logit(&xv, &yp, m, 3).unwrap()
            };
            for k in 0..3 {
                assert!((got[k] - f.coef[k]).abs() < 1e-9, "{got:?} {:?}", f.coef);
            }
        }
    }

    #[test]
    fn identical_relabelled_data_give_identical_bits() {
        // a relabelling that is an automorphism of the moving matrix gives the
        // observed groups in the same order, hence the same bits (exact ties)
        let n = 4;
        let cells: Vec<(u32, u32)> = (0..4u32)
            .flat_map(|i| (0..4u32).filter(move |&j| j != i).map(move |j| (i, j)))
            .collect();
        let ones = vec![1.0; 12];
        // x: 1 between 0 and 1 only (symmetric), so swapping 0 and 1 fixes it
        let mut x = vec![0.0; 16];
        x[1] = 1.0;
        x[4] = 1.0;
        let y: Vec<f64> = cells
            .iter()
            .map(|&(i, j)| f64::from(u8::from((i + j) % 2 == 1)))
            .collect();
        let eng = GroupedLogit::new(
            n,
            &cells,
            vec![Source::Fixed(&ones), Source::Moving(&x)],
            Source::Fixed(&y),
            true,
            true,
            TestStatistic::Standardized,
        );
        let mut sc = Scratch::default();
        let a = eng.stats(&[None, None], None, &mut sc).unwrap();
        let b = eng
            .stats(&[None, Some(&[1, 0, 2, 3])], None, &mut sc)
            .unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn without_keys_the_groups_are_the_dyads() {
        // four relabelled continuous predictors: 30^4 keys exceed KEY_CAP
        let (n, cells, _, _, y) = data();
        let m = cells.len();
        let mats: Vec<Vec<f64>> = (1..=4)
            .map(|k| {
                (0..n * n)
                    .map(|e| ((e * (k + 3)) % 37) as f64 / 10.0 + k as f64)
                    .collect()
            })
            .collect();
        let ones = vec![1.0; m];
        let yv: Vec<f64> = cells
            .iter()
            .map(|&(i, j)| y[i as usize * n + j as usize])
            .collect();
        let mut src = vec![Source::Fixed(&ones)];
        src.extend(mats.iter().map(|v| Source::Moving(v)));
        let eng = GroupedLogit::new(
            n,
            &cells,
            src,
            Source::Fixed(&yv),
            true,
            false,
            TestStatistic::Standardized,
        );
        assert!(eng.keys.is_none());
        let perm = [5u32, 3, 1, 0, 2, 4];
        let mut sc = Scratch::default();
        let got = eng
            .stats(
                &[None, Some(&perm), Some(&perm), None, Some(&perm)],
                None,
                &mut sc,
            )
            .unwrap();
        let mut xv = ones.clone();
        for (k, v) in mats.iter().enumerate() {
            xv.extend(cells.iter().map(|&(i, j)| {
                let (a, b) = if k == 2 {
                    (i, j)
                } else {
                    (perm[i as usize], perm[j as usize])
                };
                v[a as usize * n + b as usize]
            }));
        }
        let f = glm_logit(&xv, &yv, m, 5).unwrap();
        for k in 0..5 {
            let want = f.coef[k] / f.se[k];
            assert!(
                (got[k] - want).abs() < 1e-9 * want.abs().max(1.0),
                "{got:?} {want}"
            );
        }
    }
}

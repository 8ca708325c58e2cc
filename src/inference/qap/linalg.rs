//! Least squares for the QAP models by Householder QR, as R's `qr`, for the
//! reported fits. (The Cholesky algebra on Gram matrices the permutation
//! replicates use is `crate::inference::linalg`, shared with the ERGM fits.)

/// A least-squares fit of `y` on the columns of `x`.
#[derive(Debug, Clone)]
pub(crate) struct LeastSquares {
    /// Coefficients.
    pub coef: Vec<f64>,
    /// `(X'X)^{-1}`, row-major `p x p` (R's `chol2inv(qr$qr)`).
    pub xtx_inv: Vec<f64>,
    /// Residual sum of squares.
    pub rss: f64,
}

/// Relative size under which a column counts as a linear combination of the
/// ones before it (R's `qr(tol = 1e-7)`).
pub(crate) const RANK_TOL: f64 = 1e-7;

/// Least squares by Householder QR of the column-major `m x p` matrix `x`.
///
/// Returns `Err(k)` when column `k` is (within [`RANK_TOL`]) a linear
/// combination of the columns before it.
pub(crate) fn qr_ls(x: &[f64], y: &[f64], m: usize, p: usize) -> Result<LeastSquares, usize> {
    let mut a = x.to_vec();
    let mut qty = y.to_vec();
    let norms: Vec<f64> = (0..p)
        .map(|k| {
            a[k * m..(k + 1) * m]
                .iter()
                .map(|v| v * v)
                .sum::<f64>()
                .sqrt()
        })
        .collect();
    let mut rdiag = vec![0.0; p];
    for k in 0..p {
        let col = k * m;
        let alpha: f64 = a[col + k..col + m]
            .iter()
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt();
        if alpha.is_nan() || alpha <= RANK_TOL * norms[k].max(f64::MIN_POSITIVE) {
            return Err(k);
        }
        let alpha = if a[col + k] > 0.0 { -alpha } else { alpha };
        // v = a_k[k..] - alpha e_1, stored in place
        a[col + k] -= alpha;
        let vnorm2: f64 = a[col + k..col + m].iter().map(|v| v * v).sum();
        rdiag[k] = alpha;
        if vnorm2 == 0.0 {
            continue;
        }
        for j in k + 1..p {
            let cj = j * m;
            let d: f64 = (k..m).map(|i| a[col + i] * a[cj + i]).sum();
            let f = 2.0 * d / vnorm2;
            for i in k..m {
                a[cj + i] -= f * a[col + i];
            }
        }
        let d: f64 = (k..m).map(|i| a[col + i] * qty[i]).sum();
        let f = 2.0 * d / vnorm2;
        for i in k..m {
            qty[i] -= f * a[col + i];
        }
    }
    // R (upper triangular): R[k][k] = rdiag[k], R[k][j] = a[j*m + k] for j > k.
    let r = |k: usize, j: usize| if k == j { rdiag[k] } else { a[j * m + k] };
    let mut coef = vec![0.0; p];
    for k in (0..p).rev() {
        let s: f64 = (k + 1..p).map(|j| r(k, j) * coef[j]).sum();
        coef[k] = (qty[k] - s) / r(k, k);
    }
    let rss: f64 = qty[p..].iter().map(|v| v * v).sum();
    // R^{-1} (upper), then (R'R)^{-1} = R^{-1} R^{-T}.
    let mut rinv = vec![0.0; p * p];
    for j in 0..p {
        rinv[j * p + j] = 1.0 / r(j, j);
        for i in (0..j).rev() {
            let s: f64 = (i + 1..=j).map(|k| r(i, k) * rinv[k * p + j]).sum();
            rinv[i * p + j] = -s / r(i, i);
        }
    }
    let mut xtx_inv = vec![0.0; p * p];
    for i in 0..p {
        for j in 0..p {
            xtx_inv[i * p + j] = (i.max(j)..p)
                .map(|k| rinv[i * p + k] * rinv[j * p + k])
                .sum();
        }
    }
    Ok(LeastSquares { coef, xtx_inv, rss })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_solves_a_small_regression_exactly() {
        // y = 1 + 2 x on x = 0, 1, 2, 3 plus a residual pattern orthogonal to [1, x]
        let x = [1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 2.0, 3.0];
        let e = [1.0, -1.0, -1.0, 1.0];
        let y: Vec<f64> = (0..4).map(|i| 1.0 + 2.0 * x[4 + i] + e[i]).collect();
        let ls = qr_ls(&x, &y, 4, 2).unwrap();
        assert!((ls.coef[0] - 1.0).abs() < 1e-12 && (ls.coef[1] - 2.0).abs() < 1e-12);
        assert!((ls.rss - 4.0).abs() < 1e-12);
        // (X'X)^{-1} of [[4, 6], [6, 14]] = [[14, -6], [-6, 4]] / 20
        let want = [0.7, -0.3, -0.3, 0.2];
        for (a, b) in ls.xtx_inv.iter().zip(want) {
            assert!((a - b).abs() < 1e-12);
        }
    }

    #[test]
    fn qr_names_a_collinear_column() {
        let x = [1.0, 1.0, 1.0, 2.0, 2.0, 2.0];
        assert_eq!(qr_ls(&x, &[1.0, 2.0, 3.0], 3, 2).unwrap_err(), 1);
    }
}

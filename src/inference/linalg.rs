//! Small dense linear algebra shared by the estimators (`p x p` matrices, `p`
//! the number of terms or statistics, row-major): the Cholesky factor of a
//! symmetric positive-definite matrix, solves with it, its inverse, diagonal
//! and log-determinant. The ERGM fits (MPLE, MCMLE, the exact likelihood) and
//! the QAP regressions (Firth, the separation check, the permutation
//! replicates) all use these, so they agree to the bit on the same input.

// Index loops over p x p matrices read as the formulas do.
#![allow(clippy::needless_range_loop)]

/// A `p x p` matrix in row-major order.
pub(crate) type Mat = Vec<f64>;

/// A pivot at or below this fraction of the largest diagonal entry means the
/// matrix is not (numerically) positive definite.
pub(crate) const PIVOT_TOL: f64 = 1e-13;

/// Cholesky factorisation in place: the lower triangle of `a` becomes `L`
/// with `L L' = a` (the upper triangle is set to 0). `false`, with `a`
/// partly overwritten, when a pivot is not finite or is at most
/// [`PIVOT_TOL`] times the largest diagonal entry.
///
/// ```text
/// L_ij = (a_ij - sum_{k<j} L_ik L_jk) / L_jj    (j < i)
/// L_ii = sqrt(a_ii - sum_{k<i} L_ik^2)          (sums accumulated left to right)
/// ```
pub(crate) fn cholesky_in_place(a: &mut [f64], p: usize) -> bool {
    let scale = (0..p)
        .map(|i| a[i * p + i].abs())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    for i in 0..p {
        for j in 0..=i {
            let mut s = a[i * p + j];
            for k in 0..j {
                s -= a[i * p + k] * a[j * p + k];
            }
            if i == j {
                if s <= PIVOT_TOL * scale || !s.is_finite() {
                    return false;
                }
                a[i * p + i] = s.sqrt();
            } else {
                a[i * p + j] = s / a[j * p + j];
            }
        }
        for j in i + 1..p {
            a[i * p + j] = 0.0;
        }
    }
    true
}

/// The Cholesky factor `L` (lower, row-major) of `a`, or `None` when `a` is
/// not positive definite ([`cholesky_in_place`]).
pub(crate) fn cholesky(a: &[f64], p: usize) -> Option<Mat> {
    let mut l = a[..p * p].to_vec();
    cholesky_in_place(&mut l, p).then_some(l)
}

/// Solve `L L' x = b` in place (`b` becomes `x`): forward then back
/// substitution, each sum subtracted term by term.
pub(crate) fn chol_solve_in_place(l: &[f64], p: usize, b: &mut [f64]) {
    for i in 0..p {
        for k in 0..i {
            b[i] -= l[i * p + k] * b[k];
        }
        b[i] /= l[i * p + i];
    }
    for i in (0..p).rev() {
        for k in i + 1..p {
            b[i] -= l[k * p + i] * b[k];
        }
        b[i] /= l[i * p + i];
    }
}

/// Solve `L L' x = b`.
pub(crate) fn chol_solve(l: &[f64], p: usize, b: &[f64]) -> Vec<f64> {
    let mut x = b[..p].to_vec();
    chol_solve_in_place(l, p, &mut x);
    x
}

/// The inverse of `L L'`, column by column.
pub(crate) fn chol_inverse(l: &[f64], p: usize) -> Mat {
    let mut inv = vec![0.0; p * p];
    let mut e = vec![0.0; p];
    for c in 0..p {
        e.fill(0.0);
        e[c] = 1.0;
        chol_solve_in_place(l, p, &mut e);
        for r in 0..p {
            inv[r * p + c] = e[r];
        }
    }
    inv
}

/// Diagonal entry `k` of `(L L')^{-1}`, with `work` (length `>= p`) as scratch.
pub(crate) fn chol_inv_diag(l: &[f64], p: usize, k: usize, work: &mut [f64]) -> f64 {
    work[..p].fill(0.0);
    work[k] = 1.0;
    chol_solve_in_place(l, p, &mut work[..p]);
    work[k]
}

/// `log det (L L')`.
pub(crate) fn chol_logdet(l: &[f64], p: usize) -> f64 {
    (0..p).map(|i| 2.0 * l[i * p + i].ln()).sum()
}

/// The product of two `p x p` matrices.
pub(crate) fn matmul(a: &[f64], b: &[f64], p: usize) -> Mat {
    let mut c = vec![0.0; p * p];
    for i in 0..p {
        for k in 0..p {
            let aik = a[i * p + k];
            for j in 0..p {
                c[i * p + j] += aik * b[k * p + j];
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cholesky_inverts() {
        let a = vec![4.0, 2.0, 0.6, 2.0, 5.0, 1.0, 0.6, 1.0, 3.0];
        let l = cholesky(&a, 3).unwrap();
        let inv = chol_inverse(&l, 3);
        let id = matmul(&a, &inv, 3);
        for i in 0..3 {
            for j in 0..3 {
                assert!((id[i * 3 + j] - f64::from(u8::from(i == j))).abs() < 1e-12);
            }
            let mut w = [0.0; 3];
            assert_eq!(chol_inv_diag(&l, 3, i, &mut w), inv[i * 3 + i]);
        }
        assert!(cholesky(&[1.0, 1.0, 1.0, 1.0], 2).is_none());
        // [[4, 6], [6, 14]]: L = [[2, 0], [3, sqrt 5]], det = 20
        let l = cholesky(&[4.0, 6.0, 6.0, 14.0], 2).unwrap();
        assert_eq!(l, vec![2.0, 0.0, 3.0, 5f64.sqrt()]);
        assert!((chol_logdet(&l, 2) - 20f64.ln()).abs() < 1e-12);
        assert_eq!(chol_solve(&l, 2, &[4.0, 6.0]), vec![1.0, 0.0]);
    }

    #[test]
    fn in_place_equals_the_copy_bit_for_bit() {
        let a = vec![2.5, 0.3, -0.7, 0.3, 1.9, 0.2, -0.7, 0.2, 3.1];
        let l = cholesky(&a, 3).unwrap();
        let mut b = a.clone();
        assert!(cholesky_in_place(&mut b, 3));
        assert_eq!(l, b);
        let mut x = vec![1.0, -2.0, 0.5];
        let y = chol_solve(&l, 3, &x);
        chol_solve_in_place(&l, 3, &mut x);
        assert_eq!(x, y);
    }
}

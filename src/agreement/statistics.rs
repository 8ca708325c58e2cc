//! Chance-corrected agreement of two coders on nominal items: Cohen's κ and
//! Krippendorff's α, from the coders' confusion table.

/// Cohen's κ of two coders from their confusion table (`table[c][k]`: items
/// coder A put in category `c` and coder B in `k`; square).
///
/// ```text
/// N   = Σ_ck table[c][k]                     items
/// p_o = Σ_c table[c][c] / N                   observed agreement
/// p_e = Σ_c (row_c / N) · (col_c / N)         agreement expected by chance,
///                                             row_c = Σ_k table[c][k], col_c = Σ_k table[k][c]
/// κ   = (p_o − p_e) / (1 − p_e)
/// ```
///
/// Equals `sklearn.metrics.cohen_kappa_score(a, b)` (unweighted) on the
/// coders' label vectors (checked to 1e-12 in `tests/agreement.rs` against
/// fixtures of `scripts/reference/agreement.py`).
///
/// Undefined (`None`) when `N = 0` or `p_e = 1` (both coders put every item
/// in one and the same category; scikit-learn returns NaN). Complexity
/// O(K²) for K categories.
///
/// With a rare category (a tie among the dyads of a sparse network) `p_e` is
/// close to 1 and κ is low even when the coders agree on most present ties:
/// the prevalence paradox (Feinstein & Cicchetti 1990).
///
/// ```
/// use coprod::agreement::cohen_kappa;
/// // 2 ties both code, 1 only A, 1 only B, 16 absences both agree on
/// let k = cohen_kappa(&[vec![16, 1], vec![1, 2]]).unwrap();
/// assert!((k - (0.9 - 0.745) / (1.0 - 0.745)).abs() < 1e-12);
/// assert_eq!(cohen_kappa(&[vec![5, 0], vec![0, 0]]), None);
/// ```
///
/// # Panics
/// Never on a square table; a ragged one panics on the missing cell.
///
/// References: Cohen, J. (1960). A coefficient of agreement for nominal
/// scales. *Educational and Psychological Measurement* 20(1), 37–46,
/// doi:10.1177/001316446002000104. Feinstein, A. R. & Cicchetti, D. V. (1990).
/// High agreement but low kappa: I. The problems of two paradoxes. *Journal of
/// Clinical Epidemiology* 43(6), 543–549, doi:10.1016/0895-4356(90)90158-L.
pub fn cohen_kappa(table: &[Vec<u64>]) -> Option<f64> {
    let (_, po, pe) = kappa_parts(table)?;
    (pe < 1.0).then(|| (po - pe) / (1.0 - pe))
}

/// `(N, p_o, p_e)` of a confusion table; `None` when it holds no item or
/// chance agreement is certain.
pub(super) fn kappa_parts(table: &[Vec<u64>]) -> Option<(u64, f64, f64)> {
    let k = table.len();
    let n: u64 = table.iter().flatten().sum();
    if n == 0 {
        return None;
    }
    let row = |c: usize| table[c].iter().sum::<u64>();
    let col = |c: usize| (0..k).map(|r| table[r][c]).sum::<u64>();
    if (0..k).any(|c| row(c) == n && col(c) == n) {
        return None;
    }
    let nf = n as f64;
    let po = (0..k).map(|c| table[c][c]).sum::<u64>() as f64 / nf;
    let pe = (0..k)
        .map(|c| (row(c) as f64 / nf) * (col(c) as f64 / nf))
        .sum::<f64>();
    Some((n, po, pe))
}

/// Krippendorff's α for nominal data, two coders, every item coded by both,
/// from the coders' confusion table (as [`cohen_kappa`]).
///
/// ```text
/// o_ck = table[c][k] + table[k][c]            coincidences (each item gives
///                                             one pair each way, weight 1/(m−1) = 1)
/// n_c  = Σ_k o_ck,   n = Σ_c n_c = 2N         pairable values
/// α    = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
/// ```
///
/// Equals `krippendorff.alpha(reliability_data=[a, b],
/// level_of_measurement="nominal")` of the `krippendorff` package (PyPI),
/// checked to 1e-12 in `tests/agreement.rs`. Unlike κ it pools the two
/// coders' category distributions and corrects for the sample size
/// (`n − 1`), so the two differ slightly on small tables.
///
/// Undefined (`None`) when both coders use a single category for every
/// item (`Σ_{c≠k} n_c n_k = 0`, no variation to agree on) or there is no
/// item. Complexity O(K²).
///
/// ```
/// use coprod::agreement::krippendorff_alpha;
/// let a = krippendorff_alpha(&[vec![16, 1], vec![1, 2]]).unwrap();
/// // n = 40, n_0 = 34, n_1 = 6, disagreement pairs 2 · 2
/// assert!((a - (1.0 - 39.0 * 4.0 / (2.0 * 34.0 * 6.0))).abs() < 1e-12);
/// ```
///
/// # Panics
/// Never on a square table.
///
/// References: Krippendorff, K. (2011). Computing Krippendorff's
/// alpha-reliability. Annenberg School for Communication, University of
/// Pennsylvania, <https://repository.upenn.edu/asc_papers/43>. Hayes, A. F. &
/// Krippendorff, K. (2007). Answering the call for a standard reliability
/// measure for coding data. *Communication Methods and Measures* 1(1), 77–89,
/// doi:10.1080/19312450709336664.
pub fn krippendorff_alpha(table: &[Vec<u64>]) -> Option<f64> {
    let k = table.len();
    let o = |c: usize, d: usize| table[c][d] + table[d][c];
    let nc: Vec<u64> = (0..k).map(|c| (0..k).map(|d| o(c, d)).sum()).collect();
    let n: u64 = nc.iter().sum();
    if n == 0 {
        return None;
    }
    let mut disagree: u128 = 0;
    let mut expected: u128 = 0;
    for c in 0..k {
        for d in 0..k {
            if c != d {
                disagree += o(c, d) as u128;
                expected += nc[c] as u128 * nc[d] as u128;
            }
        }
    }
    (expected > 0).then(|| 1.0 - (n - 1) as f64 * disagree as f64 / expected as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_chance() {
        assert_eq!(cohen_kappa(&[vec![3, 0], vec![0, 7]]), Some(1.0));
        assert_eq!(krippendorff_alpha(&[vec![3, 0], vec![0, 7]]), Some(1.0));
        // independent margins: p_o = p_e
        let k = cohen_kappa(&[vec![1, 1], vec![1, 1]]).unwrap();
        assert!(k.abs() < 1e-15);
        assert_eq!(cohen_kappa(&[]), None);
        assert_eq!(krippendorff_alpha(&[vec![0, 0], vec![0, 4]]), None);
        // all disagreement on one item: α = 1 − 1·2/2 = 0
        assert_eq!(krippendorff_alpha(&[vec![0, 1], vec![0, 0]]), Some(0.0));
    }
}

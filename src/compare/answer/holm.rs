//! Holm's step-down adjustment of a family of p values.

/// Holm's adjusted p values, in the order of `p`.
///
/// ```text
/// p_(1) ≤ … ≤ p_(m)     the m p values sorted (ties keep their input order)
/// p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j))
/// ```
///
/// Rejecting every hypothesis with `p̃ ≤ α` controls the family-wise error
/// rate at `α` under any dependence among the tests (Holm 1979). An empty
/// family gives an empty vector.
///
/// # Reference
/// Equals `statsmodels.stats.multitest.multipletests(p, method="holm")[1]`
/// (`tests/answer.rs`, fixture of `scripts/reference/holm.py`) and R's
/// `p.adjust(p, "holm")`.
///
/// # Edge cases
/// A NaN or a value outside [0, 1] is a programming error of the caller and
/// propagates as NaN in its own slot and the slots after it in sorted order.
///
/// # Complexity
/// `O(m log m)`.
///
/// ```
/// use coprod::compare::holm;
/// // m = 3: 0.0625·3 = 0.1875, 0.125·2 = 0.25, 0.25·1 = 0.25
/// assert_eq!(holm(&[0.25, 0.0625, 0.125]), vec![0.25, 0.1875, 0.25]);
/// // the running maximum keeps the adjusted values monotone: 0.09375·2 > 0.125·1
/// assert_eq!(holm(&[0.125, 0.09375]), vec![0.1875, 0.1875]);
/// ```
///
/// S. Holm (1979), A simple sequentially rejective multiple test procedure,
/// *Scand. J. Statist.* 6(2), 65–70, <https://www.jstor.org/stable/4615733>.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]).then(a.cmp(&b)));
    let mut out = vec![0.0; m];
    let mut running = 0.0_f64;
    for (rank, &i) in order.iter().enumerate() {
        let adj = ((m - rank) as f64 * p[i]).min(1.0);
        running = if adj.is_nan() || running.is_nan() {
            f64::NAN
        } else {
            running.max(adj)
        };
        out[i] = running;
    }
    out
}

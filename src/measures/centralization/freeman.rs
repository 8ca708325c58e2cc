//! Freeman's general centralization index.

/// Freeman centralization of node-level `scores` against a theoretical maximum.
///
/// ```text
/// C = Σ_i (c* − c_i) / t_max        c* = max_i c_i
/// ```
/// Equals `sna::centralization` given `t_max = FUN(g, tmaxdev=TRUE)`, and
/// igraph's `centralize(scores, theoretical.max)`.
///
/// `None` when `scores` is empty, holds a NaN, or `t_max` is not a positive number.
///
/// Complexity: `O(n)`.
///
/// ```
/// // a star on 4 nodes has degree (3, 1, 1, 1): Σ (3 − c) = 6 = (n−1)(n−2)
/// assert_eq!(coprod::measures::centralization::freeman(&[3.0, 1.0, 1.0, 1.0], 6.0), Some(1.0));
/// ```
///
/// # References
/// Freeman, L. C. (1978). Centrality in social networks: conceptual
/// clarification. *Social Networks* 1(3), 215–239. doi:10.1016/0378-8733(78)90021-7
pub fn freeman(scores: &[f64], t_max: f64) -> Option<f64> {
    if scores.is_empty() || scores.iter().any(|c| c.is_nan()) || t_max.is_nan() || t_max <= 0.0 {
        return None;
    }
    let top = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    Some(scores.iter().map(|&c| top - c).sum::<f64>() / t_max)
}

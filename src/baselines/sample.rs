//! Exact uniform draws of distinct dyads, shared by the null models.

use crate::random::{CoprodRng, below};
use std::collections::BTreeSet;

/// `m` distinct integers of `0..total`, uniformly among the `C(total, m)`
/// subsets (Floyd's algorithm: exactly `m` draws, no rejection), ascending.
///
/// # Panics
/// If `m > total` (the callers draw at most the dyads that exist).
pub(crate) fn subset(rng: &mut CoprodRng, total: u64, m: u64) -> Vec<u64> {
    assert!(m <= total, "{m} items out of {total}");
    let mut chosen = BTreeSet::new();
    for j in (total - m)..total {
        let t = below(rng, j + 1);
        if !chosen.insert(t) {
            chosen.insert(j);
        }
    }
    chosen.into_iter().collect()
}

/// Number of ordered pairs `(u, v)`, `u != v`, of `n` nodes.
pub(crate) fn ordered_pairs(n: u64) -> u64 {
    n * n.saturating_sub(1)
}

/// Number of unordered pairs `{u, v}`, `u != v`, of `n` nodes.
pub(crate) fn unordered_pairs(n: u64) -> u64 {
    // n <= 2^32 - 1, so n (n - 1) fits in u64.
    n * n.saturating_sub(1) / 2
}

/// The `k`-th ordered pair `(u, v)`, `u != v`, of `n` nodes (row-major,
/// diagonal skipped), `k < n (n - 1)`.
pub(crate) fn ordered_pair(n: u64, k: u64) -> (u64, u64) {
    let u = k / (n - 1);
    let r = k % (n - 1);
    (u, if r >= u { r + 1 } else { r })
}

/// The `k`-th unordered pair `(i, j)`, `i < j`, ordered by `j` then `i`
/// (`k = j (j - 1) / 2 + i`), `k < n (n - 1) / 2`. Integer square root only.
pub(crate) fn unordered_pair(k: u64) -> (u64, u64) {
    let k = k as u128;
    let mut j = (1 + 8 * k).isqrt().div_ceil(2);
    while j * (j - 1) / 2 > k {
        j -= 1;
    }
    while (j + 1) * j / 2 <= k {
        j += 1;
    }
    ((k - j * (j - 1) / 2) as u64, j as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::rng;

    #[test]
    fn pair_indices_enumerate_every_pair_once() {
        let n = 7;
        let ord: Vec<_> = (0..ordered_pairs(n)).map(|k| ordered_pair(n, k)).collect();
        let mut want = vec![];
        for u in 0..n {
            for v in 0..n {
                if u != v {
                    want.push((u, v));
                }
            }
        }
        assert_eq!(ord, want);
        let un: Vec<_> = (0..unordered_pairs(n)).map(unordered_pair).collect();
        let mut want = vec![];
        for j in 0..n {
            for i in 0..j {
                want.push((i, j));
            }
        }
        assert_eq!(un, want);
        // Far out, where a float square root would be off.
        let big = (1u64 << 32) - 1;
        let k = unordered_pairs(big) - 1;
        assert_eq!(unordered_pair(k), (big - 2, big - 1));
    }

    #[test]
    fn an_unrestricted_mask_enumerates_in_the_samplers_order() {
        // So that `Dyads::All` draws the same graphs as before the mask.
        use crate::model::DyadMask;
        let n = 7usize;
        let d = DyadMask::new(true, vec![false; n], vec![true; n]);
        let u = DyadMask::new(false, vec![false; n], vec![true; n]);
        assert_eq!(d.count(), ordered_pairs(n as u64));
        assert_eq!(u.count(), unordered_pairs(n as u64));
        for k in 0..d.count() {
            let (a, b) = ordered_pair(n as u64, k);
            assert_eq!(d.nth(k), (a as u32, b as u32));
        }
        for k in 0..u.count() {
            let (a, b) = unordered_pair(k);
            assert_eq!(u.nth(k), (a as u32, b as u32));
        }
    }

    #[test]
    fn subsets_are_distinct_and_uniform() {
        let mut r = rng(5);
        // All C(5, 2) = 10 subsets, 20,000 draws: each expected 2,000, sd ≈ 42.
        let mut counts = std::collections::BTreeMap::new();
        for _ in 0..20_000 {
            let s = subset(&mut r, 5, 2);
            assert!(s[0] < s[1]);
            *counts.entry(s).or_insert(0i64) += 1;
        }
        assert_eq!(counts.len(), 10);
        assert!(
            counts.values().all(|&c| (c - 2_000).abs() < 210),
            "{counts:?}"
        );
        assert_eq!(subset(&mut r, 4, 4), vec![0, 1, 2, 3]);
        assert!(subset(&mut r, 4, 0).is_empty());
    }
}

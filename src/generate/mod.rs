//! Seeded, portable random graphs.
//!
//! Every generator takes a `seed` and draws from ChaCha8 (`rand_chacha`) with
//! integer arithmetic only, so the same seed gives the same graph on every
//! machine and every version of this crate's dependencies' platforms.

use crate::error::{Error, Result};
use crate::model::{Aggregation, Csr};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// The generator all of coprod's randomness comes from.
pub fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// A uniform integer in `0..bound` (Lemire's unbiased multiply-and-reject).
///
/// # Panics
/// If `bound == 0`.
pub fn below(rng: &mut ChaCha8Rng, bound: u64) -> u64 {
    assert!(bound > 0, "empty range");
    let threshold = bound.wrapping_neg() % bound;
    loop {
        let x = rng.next_u64();
        let m = (x as u128) * (bound as u128);
        if (m as u64) >= threshold {
            return (m >> 64) as u64;
        }
    }
}

/// A uniform real in `[0, 1)` with 53 random bits.
pub fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Erdős–Rényi G(n, m): `m` distinct edges (arcs, if directed) without
/// self-loops, drawn uniformly; weight 1.
///
/// Complexity: expected `O(n + m log m)` while `m` is at most half the possible edges.
///
/// ```
/// let a = coprod::generate::gnm(100, 300, false, 7).unwrap();
/// let b = coprod::generate::gnm(100, 300, false, 7).unwrap();
/// assert_eq!(a, b);
/// assert_eq!(a.edge_count(), 300);
/// ```
pub fn gnm(n: usize, m: usize, directed: bool, seed: u64) -> Result<Csr> {
    let possible = if directed {
        n as u128 * n.saturating_sub(1) as u128
    } else {
        n as u128 * n.saturating_sub(1) as u128 / 2
    };
    if m as u128 > possible / 2 {
        return Err(Error::InvalidArgument(format!(
            "gnm: {m} edges is more than half of the {possible} possible on {n} nodes"
        )));
    }
    if n > u32::MAX as usize {
        return Err(Error::InvalidArgument(format!(
            "gnm: {n} nodes is too many"
        )));
    }
    let mut r = rng(seed);
    let mut seen = std::collections::HashSet::with_capacity(m);
    let mut edges = Vec::with_capacity(m);
    while edges.len() < m {
        let u = below(&mut r, n as u64) as u32;
        let v = below(&mut r, n as u64) as u32;
        if u == v {
            continue;
        }
        let key = if directed {
            (u, v)
        } else {
            (u.min(v), u.max(v))
        };
        if seen.insert(key) {
            edges.push((u, v, 1.0));
        }
    }
    Ok(Csr::from_edges(n, directed, &edges, Aggregation::Sum))
}

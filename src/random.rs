//! Seeded, portable randomness: the one generator all of coprod's draws come from.
//!
//! Every random draw in the crate (generators, null models, ensembles, the
//! core–periphery search) takes a `u64` seed and draws from ChaCha8
//! (`rand_chacha`) with integer arithmetic only, so the same seed gives the same
//! numbers on every machine. This module is a leaf: it depends on nothing else
//! in the crate, so `model`, `measures`, `generate` and `baselines` can all use it.
//!
//! Ensembles follow one rule: draw `i` of an ensemble seeded with `seed` uses
//! [`stream`]`(seed, i)`, its own ChaCha stream, never a generator shared
//! between threads, so 1 and 2 threads give the same draws.
//!
//! ```
//! use coprod::random::{below, rng, stream, unit};
//! let mut a = rng(7);
//! let mut b = rng(7);
//! assert_eq!(below(&mut a, 10), below(&mut b, 10));
//! let x = unit(&mut stream(7, 3));
//! assert!((0.0..1.0).contains(&x));
//! assert_eq!(x, unit(&mut stream(7, 3)));
//! ```

use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// The generator type of the crate (ChaCha8).
pub type CoprodRng = ChaCha8Rng;

/// The generator seeded with `seed` (stream 0).
pub fn rng(seed: u64) -> CoprodRng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// The generator of draw `index` of an ensemble seeded with `seed`: the same
/// key as [`rng`]`(seed)`, on ChaCha's independent stream `index + 1` (stream 0
/// is [`rng`]'s own), so draws never overlap and never depend on the thread.
pub fn stream(seed: u64, index: u64) -> CoprodRng {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    r.set_stream(index.wrapping_add(1));
    r
}

/// A uniform integer in `0..bound` (Lemire's unbiased multiply-and-reject).
///
/// The threshold 2^64 mod bound (a division) is computed only when the low
/// half of the product falls below `bound`, since the threshold is smaller
/// than `bound` (Lemire 2019, doi:10.1145/3230636): the same draws, without
/// a division on almost every call.
///
/// # Panics
/// If `bound == 0` (an empty range has no element to draw).
#[inline]
pub fn below(rng: &mut CoprodRng, bound: u64) -> u64 {
    assert!(bound > 0, "empty range");
    loop {
        let x = rng.next_u64();
        let m = (x as u128) * (bound as u128);
        let low = m as u64;
        if low >= bound || low >= bound.wrapping_neg() % bound {
            return (m >> 64) as u64;
        }
    }
}

/// A uniform real in `[0, 1)` with 53 random bits.
pub fn unit(rng: &mut CoprodRng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Shuffle `xs` in place (Fisher–Yates, drawing with [`below`]).
pub fn shuffle<T>(rng: &mut CoprodRng, xs: &mut [T]) {
    for i in (1..xs.len()).rev() {
        xs.swap(i, below(rng, i as u64 + 1) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_from_each_other_and_from_stream_zero() {
        let a: Vec<u64> = (0..4).map(|_| rng(1).next_u64()).collect();
        let s0: u64 = stream(1, 0).next_u64();
        let s1: u64 = stream(1, 1).next_u64();
        assert_ne!(a[0], s0);
        assert_ne!(s0, s1);
        assert_eq!(s1, stream(1, 1).next_u64());
    }

    #[test]
    fn below_is_in_range_and_roughly_uniform() {
        let mut r = rng(3);
        let mut counts = [0u32; 5];
        for _ in 0..50_000 {
            counts[below(&mut r, 5) as usize] += 1;
        }
        // Each expected 10,000, sd ≈ 89: 5 sd.
        assert!(
            counts.iter().all(|&c| (c as i64 - 10_000).abs() < 450),
            "{counts:?}"
        );
    }

    #[test]
    fn below_draws_what_the_division_first_form_draws() {
        // Lemire's method with the threshold computed up front, as `below` was.
        let reference = |r: &mut CoprodRng, bound: u64| loop {
            let threshold = bound.wrapping_neg() % bound;
            let m = (r.next_u64() as u128) * (bound as u128);
            if (m as u64) >= threshold {
                return (m >> 64) as u64;
            }
        };
        // Bounds near 2^63 and 2^64 reject about half of the draws.
        for bound in [1u64, 2, 3, 7, 1_000, (1 << 63) + 1, u64::MAX - 1, u64::MAX] {
            let (mut a, mut b) = (rng(5), rng(5));
            for _ in 0..2_000 {
                assert_eq!(below(&mut a, bound), reference(&mut b, bound), "{bound}");
            }
        }
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut xs: Vec<u32> = (0..100).collect();
        shuffle(&mut rng(9), &mut xs);
        let mut s = xs.clone();
        s.sort();
        assert_eq!(s, (0..100).collect::<Vec<_>>());
        assert_ne!(xs, s);
    }
}

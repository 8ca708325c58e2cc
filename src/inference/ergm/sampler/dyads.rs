//! The free dyads of a mask, numbered 0, 1, … in ascending order (the
//! order of [`DyadMask::free_dyads`]), and where each present tie sits in
//! the tie / no-tie proposal's list of ties.
//!
//! Up to [`LIST_MAX`] free dyads they are one list (8 bytes a dyad, O(1)
//! lookup). Beyond, a list would cost O(n²) memory (400 MB at 10⁴ actors),
//! so they are kept by rows: row i holds the dyads i → j (i < j when
//! undirected); per row the count before it and the shorter of its free or
//! its fixed columns. Dyad number d is then found by a binary search over
//! the rows and one over the row's listed columns:
//!
//! ```text
//! memory   O(n + Σ_i min(free_i, fixed_i))     (O(n) when every dyad is free)
//! d → (i, j), (i, j) → d   O(log n + log c_i)  (c_i: the columns listed for row i)
//! ```
//!
//! The free dyad of rank k in a row whose fixed columns (as positions
//! P_0 < P_1 < … among the row's columns) are listed sits at position
//! k + m, m = #{e : P_e − e ≤ k} (P_e − e is the number of free columns
//! before P_e). Both forms number the dyads identically, so the chains do
//! not depend on which one is used.

use super::super::constraints::DyadMask;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Free dyads up to this many are kept as one list.
pub(super) const LIST_MAX: usize = 1 << 22;

/// The free dyads of a mask, by number.
pub(super) enum FreeDyads {
    /// Every free dyad, ascending.
    List(Vec<(u32, u32)>),
    /// By rows (see the module doc).
    Rows(Rows),
}

/// Free dyads by rows.
pub(super) struct Rows {
    n: usize,
    directed: bool,
    /// `start[i]`: free dyads in rows before i (length n + 1).
    start: Vec<u64>,
    /// `guide[b]`: the row holding dyad number b · 2^`shift` (≤ 2n + 1
    /// buckets), so that finding the row of a dyad searches only the rows
    /// between two guides, not all of `start` (a cache miss per halving at
    /// 10⁴ rows).
    guide: Vec<u32>,
    shift: u32,
    /// Row i's listed columns, ascending: its free ones when `free[i]`, else its fixed ones.
    cols: Vec<Vec<u32>>,
    free: Vec<bool>,
}

impl Rows {
    /// Position of column c among row i's columns (j ≠ i; j > i when undirected).
    #[inline]
    fn rank(&self, i: usize, c: usize) -> usize {
        if self.directed {
            c - usize::from(c > i)
        } else {
            c - (i + 1)
        }
    }

    /// The column at position p of row i.
    #[inline]
    fn column(&self, i: usize, p: usize) -> usize {
        if self.directed {
            p + usize::from(p >= i)
        } else {
            i + 1 + p
        }
    }

    fn row_len(&self, i: usize) -> usize {
        if self.directed {
            self.n - 1
        } else {
            self.n - 1 - i
        }
    }
}

impl FreeDyads {
    /// The free dyads of `mask`: a list when there are at most `list_max`, else rows.
    pub(super) fn new(mask: &DyadMask, list_max: usize) -> FreeDyads {
        let (n, directed) = (mask.n(), mask.is_directed());
        let counts: Vec<usize> = (0..n).map(|i| mask.free_in_row(i)).collect();
        let total: usize = counts.iter().sum();
        if total <= list_max {
            return FreeDyads::List(
                mask.free_dyads()
                    .into_iter()
                    .map(|(i, j)| (i as u32, j as u32))
                    .collect(),
            );
        }
        let mut rows = Rows {
            n,
            directed,
            start: Vec::with_capacity(n + 1),
            guide: Vec::new(),
            shift: 0,
            cols: Vec::with_capacity(n),
            free: Vec::with_capacity(n),
        };
        let mut acc = 0u64;
        for (i, &c) in counts.iter().enumerate() {
            rows.start.push(acc);
            acc += c as u64;
            let list_free = c <= rows.row_len(i) - c;
            rows.cols.push(mask.row(i, list_free));
            rows.free.push(list_free);
        }
        rows.start.push(acc);
        // Buckets of 2^shift dyads, 2^shift ≥ total / n: at most 2n + 1 of them.
        rows.shift = (acc / n.max(1) as u64)
            .max(1)
            .next_power_of_two()
            .trailing_zeros();
        rows.guide = (0..=acc >> rows.shift)
            .map(|b| (rows.start.partition_point(|&s| s <= b << rows.shift) - 1) as u32)
            .collect();
        FreeDyads::Rows(rows)
    }

    /// Number of free dyads.
    pub(super) fn len(&self) -> usize {
        match self {
            FreeDyads::List(l) => l.len(),
            FreeDyads::Rows(r) => r.start[r.n] as usize,
        }
    }

    /// Whether there is no free dyad.
    pub(super) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Free dyad number d.
    #[inline]
    pub(super) fn get(&self, d: usize) -> (usize, usize) {
        match self {
            FreeDyads::List(l) => (l[d].0 as usize, l[d].1 as usize),
            FreeDyads::Rows(r) => {
                // The row of d lies between the guides of d's bucket and the next.
                let b = d >> r.shift;
                let lo = r.guide[b] as usize;
                let hi = r.guide.get(b + 1).map_or(r.n, |&g| g as usize + 1);
                let i = lo + r.start[lo..hi].partition_point(|&s| s <= d as u64) - 1;
                let k = d - r.start[i] as usize;
                let cols = &r.cols[i];
                if r.free[i] {
                    return (i, cols[k] as usize);
                }
                // m = #{e : P_e − e ≤ k}; P_e − e is non-decreasing in e.
                let (mut a, mut b) = (0, cols.len());
                while a < b {
                    let mid = (a + b) / 2;
                    if r.rank(i, cols[mid] as usize) - mid <= k {
                        a = mid + 1;
                    } else {
                        b = mid;
                    }
                }
                (i, r.column(i, k + a))
            }
        }
    }

    /// The number of the free dyad (i, j) (i < j when undirected), `None` when it is not free.
    pub(super) fn index_of(&self, i: usize, j: usize) -> Option<usize> {
        match self {
            FreeDyads::List(l) => l.binary_search(&(i as u32, j as u32)).ok(),
            FreeDyads::Rows(r) => {
                let cols = &r.cols[i];
                let within = if r.free[i] {
                    cols.binary_search(&(j as u32)).ok()?
                } else {
                    if cols.binary_search(&(j as u32)).is_ok() {
                        return None;
                    }
                    r.rank(i, j) - cols.partition_point(|&c| (c as usize) < j)
                };
                Some(r.start[i] as usize + within)
            }
        }
    }
}

/// A multiplicative hash of a dyad number (the keys are the sampler's own
/// numbers, not input an adversary chooses; lookups only, so the order of
/// the map never shows).
#[derive(Default)]
pub(super) struct DyadHasher(u64);

impl Hasher for DyadHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b) ^ self.0.rotate_left(8));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (x ^ (x >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// Where each present free tie sits in the list of ties: a vector over
/// all free dyads when they are a [`FreeDyads::List`], else a hash map over
/// the ties only (O(m) memory).
pub(super) enum TiePositions {
    /// `v[d]`, `u32::MAX` when d is not a tie.
    Dense(Vec<u32>),
    /// d → position, ties only.
    Map(HashMap<u64, u32, BuildHasherDefault<DyadHasher>>),
}

impl TiePositions {
    /// For `dyads` (no tie yet).
    pub(super) fn new(dyads: &FreeDyads) -> TiePositions {
        match dyads {
            FreeDyads::List(l) => TiePositions::Dense(vec![u32::MAX; l.len()]),
            FreeDyads::Rows(_) => TiePositions::Map(HashMap::default()),
        }
    }

    /// Position of tie d.
    ///
    /// # Panics
    /// When d is not a tie (the sampler's bookkeeping is broken).
    #[inline]
    pub(super) fn get(&self, d: usize) -> usize {
        match self {
            TiePositions::Dense(v) => v[d] as usize,
            TiePositions::Map(m) => m[&(d as u64)] as usize,
        }
    }

    /// Tie d now sits at position p.
    #[inline]
    pub(super) fn set(&mut self, d: usize, p: usize) {
        match self {
            TiePositions::Dense(v) => v[d] = p as u32,
            TiePositions::Map(m) => {
                m.insert(d as u64, p as u32);
            }
        }
    }

    /// Dyad d is no longer a tie.
    #[inline]
    pub(super) fn remove(&mut self, d: usize) {
        match self {
            TiePositions::Dense(v) => v[d] = u32::MAX,
            TiePositions::Map(m) => {
                m.remove(&(d as u64));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_number_the_dyads_as_the_list_does() {
        for directed in [true, false] {
            let n = 23;
            let mut mask = DyadMask::all(n, directed);
            for i in 0..n {
                for j in 0..n {
                    // Rows with few free columns, rows with few fixed, full rows, an empty row.
                    let fix = match i % 4 {
                        0 => j % 5 != 1,
                        1 => (i * 3 + j) % 6 == 0,
                        2 => false,
                        _ => i == 7,
                    };
                    if i != j && fix {
                        mask.fix(i, j);
                    }
                }
            }
            let list = FreeDyads::new(&mask, usize::MAX);
            let rows = FreeDyads::new(&mask, 0);
            assert!(matches!(rows, FreeDyads::Rows(_)));
            assert_eq!(list.len(), mask.free_dyads().len());
            assert_eq!(rows.len(), list.len());
            for (d, (i, j)) in mask.free_dyads().into_iter().enumerate() {
                assert_eq!(list.get(d), (i, j));
                assert_eq!(rows.get(d), (i, j), "{directed} {d}");
                assert_eq!(rows.index_of(i, j), Some(d));
                assert_eq!(list.index_of(i, j), Some(d));
            }
            for i in 0..n {
                for j in if directed { 0 } else { i + 1 }..n {
                    if i != j && !mask.is_free(i, j) {
                        assert_eq!(rows.index_of(i, j), None);
                        assert_eq!(list.index_of(i, j), None);
                    }
                }
            }
        }
    }
}

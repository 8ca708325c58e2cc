//! The binary network an ERGM is fitted to: sorted neighbour lists with
//! degrees (and, for small networks, a bit matrix), the actors' attributes and
//! the dyadic covariates ([`ErgmData`]).
//!
//! An ERGM's sampler asks "is there a tie i → j?" and "how many shared
//! partners has the dyad (i, j)?" millions of times. Both are answered from
//! each node's sorted out- and in-neighbour lists:
//!
//! ```text
//! has(i, j)          O(1) with the bit matrix (n ≤ 2,048: n²/8 bytes ≤ 512 KiB),
//!                    else O(log d) by binary search in the shorter list
//! |N(a) ∩ N(b)|      with the bit matrix: O(min(d_a, d_b)) lookups of the
//!                    shorter list's nodes in the other's row (or the popcount
//!                    of two rows' AND, ⌈n/64⌉ words, when that is fewer);
//!                    else O(d_a + d_b) by merging two sorted lists
//!                    (O(d_small · log d_large) when one is ≥ 16× shorter)
//! toggle(i, j)       O(d_i + d_j) (insertion into sorted lists)
//! memory             O(n + m) words, plus n·⌈n/64⌉ words when n ≤ 2,048
//! ```
//!
//! where d is a degree and m the number of ties, so a step of the sampler
//! does not grow with n (the first version was a dense n × n matrix whose
//! shared-partner counts scanned all n nodes). Undirected networks store
//! each tie in both ends' lists.

mod data;

pub use data::{DyadicCovariate, ErgmData, NodeAttribute};

use crate::error::{Error, Result};
use crate::model::Csr;

/// Networks with at most this many nodes also keep an n × n bit matrix.
const BITS_MAX_N: usize = 2_048;

/// A binary network: n nodes, directed or not, with in- and out-neighbours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    n: usize,
    directed: bool,
    /// Sorted out-neighbours (the neighbours when undirected).
    out: Vec<Vec<u32>>,
    /// Sorted in-neighbours (empty vectors when undirected).
    inn: Vec<Vec<u32>>,
    /// n rows of `words` 64-bit words (row i: the out-neighbours of i) when n ≤ [`BITS_MAX_N`].
    bits: Option<Vec<u64>>,
    /// Words per row of `bits` (⌈n / 64⌉).
    words: usize,
    edges: usize,
}

impl Network {
    /// The empty network on `n` nodes.
    ///
    /// # Panics
    /// When `n` does not fit in 32 bits (node ids are stored as `u32`).
    pub fn empty(n: usize, directed: bool) -> Network {
        assert!(u32::try_from(n).is_ok(), "at most 2^32 - 1 nodes");
        Network {
            n,
            directed,
            out: vec![Vec::new(); n],
            inn: if directed {
                vec![Vec::new(); n]
            } else {
                Vec::new()
            },
            bits: (n <= BITS_MAX_N).then(|| vec![0u64; n * n.div_ceil(64)]),
            words: n.div_ceil(64),
            edges: 0,
        }
    }

    /// The network with these ties (0-based; an undirected tie given once in
    /// either order; repeats ignored).
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for an end outside `0..n`,
    /// [`Error::InvalidParameter`] for a self-loop (ERGMs here have none).
    pub fn from_edges(n: usize, directed: bool, edges: &[(usize, usize)]) -> Result<Network> {
        let mut net = Network::empty(n, directed);
        for &(u, v) in edges {
            for x in [u, v] {
                if x >= n {
                    return Err(Error::NodeOutOfRange { index: x, n });
                }
            }
            if u == v {
                return Err(Error::InvalidParameter {
                    name: "tie",
                    reason: format!("self-loop on node {u}"),
                });
            }
            if !net.has(u, v) {
                net.toggle(u, v);
            }
        }
        Ok(net)
    }

    /// The network of a [`Csr`] snapshot (weights ignored, self-loops dropped).
    pub fn from_csr(csr: &Csr) -> Network {
        let mut net = Network::empty(csr.node_count(), csr.is_directed());
        for (u, v, _) in csr.arcs() {
            let (u, v) = (u as usize, v as usize);
            if u != v && !net.has(u, v) {
                net.toggle(u, v);
            }
        }
        net
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Whether ties are directed.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Whether the tie i → j (or i — j) is present.
    #[inline]
    pub fn has(&self, i: usize, j: usize) -> bool {
        if let Some(b) = &self.bits {
            return b[i * self.words + (j >> 6)] >> (j & 63) & 1 == 1;
        }
        if !self.directed && self.out[j].len() < self.out[i].len() {
            return self.out[j].binary_search(&(i as u32)).is_ok();
        }
        if self.directed && self.inn[j].len() < self.out[i].len() {
            return self.inn[j].binary_search(&(i as u32)).is_ok();
        }
        self.out[i].binary_search(&(j as u32)).is_ok()
    }

    /// 1.0 if the tie i → j is present, else 0.0.
    #[inline]
    pub fn y(&self, i: usize, j: usize) -> f64 {
        f64::from(u8::from(self.has(i, j)))
    }

    /// The out-neighbours of i, ascending (the neighbours when undirected).
    #[inline]
    pub fn out_neighbours(&self, i: usize) -> &[u32] {
        &self.out[i]
    }

    /// The in-neighbours of i, ascending (the neighbours when undirected).
    #[inline]
    pub fn in_neighbours(&self, i: usize) -> &[u32] {
        if self.directed {
            &self.inn[i]
        } else {
            &self.out[i]
        }
    }

    /// |N⁺(a) ∩ N⁺(b)|: the nodes both a and b send a tie to (the common
    /// neighbours when undirected). With the bit matrix: each node of the
    /// shorter list tested in the other's row, or the popcount of the two
    /// rows' AND when both lists are longer than a row has words; else a merge
    /// of the two lists ([`common_count`]).
    #[inline]
    pub fn common_out(&self, a: usize, b: usize) -> usize {
        let (la, lb) = (&self.out[a], &self.out[b]);
        let Some(bits) = &self.bits else {
            return common_count(la, lb);
        };
        let w = self.words;
        let (s, other) = if la.len() <= lb.len() {
            (la, b)
        } else {
            (lb, a)
        };
        if s.len() > w {
            let (ra, rb) = (&bits[a * w..(a + 1) * w], &bits[b * w..(b + 1) * w]);
            return ra
                .iter()
                .zip(rb)
                .map(|(x, y)| (x & y).count_ones() as usize)
                .sum();
        }
        let row = &bits[other * w..(other + 1) * w];
        s.iter()
            .map(|&x| (row[x as usize >> 6] >> (x & 63) & 1) as usize)
            .sum()
    }

    /// |a ∩ b| where `a` and `b` are two of this network's neighbour lists
    /// and `in_b(x)` / `in_a(x)` the ties whose presence says x ∈ b / x ∈ a.
    /// With the bit matrix: each node of the shorter list tested by one
    /// lookup (O(min(|a|, |b|))); else a merge ([`common_count`]).
    #[inline]
    pub fn common_by(
        &self,
        a: &[u32],
        b: &[u32],
        in_b: impl Fn(usize) -> (usize, usize),
        in_a: impl Fn(usize) -> (usize, usize),
    ) -> usize {
        if self.bits.is_none() {
            return common_count(a, b);
        }
        let test = |l: &[u32], t: &dyn Fn(usize) -> (usize, usize)| {
            l.iter()
                .filter(|&&x| {
                    let (u, v) = t(x as usize);
                    self.has(u, v)
                })
                .count()
        };
        if a.len() <= b.len() {
            test(a, &in_b)
        } else {
            test(b, &in_a)
        }
    }

    /// Calls `f(k)` for every k in N⁺(a) ∩ N⁺(b), ascending: the shorter
    /// list, each node tested by one lookup with the bit matrix, else a merge.
    #[inline]
    pub fn for_common_out(&self, a: usize, b: usize, mut f: impl FnMut(usize)) {
        let (la, lb) = (&self.out[a], &self.out[b]);
        if let Some(bits) = &self.bits {
            let w = self.words;
            let (s, other) = if la.len() <= lb.len() {
                (la, b)
            } else {
                (lb, a)
            };
            let row = &bits[other * w..(other + 1) * w];
            for &x in s {
                if row[x as usize >> 6] >> (x & 63) & 1 == 1 {
                    f(x as usize);
                }
            }
            return;
        }
        let (mut x, mut y) = (0, 0);
        while x < la.len() && y < lb.len() {
            match la[x].cmp(&lb[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    f(la[x] as usize);
                    x += 1;
                    y += 1;
                }
            }
        }
    }

    /// Add the tie if absent, remove it if present (both directions when undirected).
    pub fn toggle(&mut self, i: usize, j: usize) {
        let on = !self.has(i, j);
        let w = self.words;
        if let Some(b) = &mut self.bits {
            let mut flip = |r: usize, c: usize| b[r * w + (c >> 6)] ^= 1u64 << (c & 63);
            flip(i, j);
            if !self.directed {
                flip(j, i);
            }
        }
        set(&mut self.out[i], j as u32, on);
        if self.directed {
            set(&mut self.inn[j], i as u32, on);
        } else {
            set(&mut self.out[j], i as u32, on);
        }
        if on {
            self.edges += 1;
        } else {
            self.edges -= 1;
        }
    }

    /// Out-degree (the degree when undirected).
    #[inline]
    pub fn out_degree(&self, i: usize) -> usize {
        self.out[i].len()
    }

    /// In-degree (the degree when undirected).
    #[inline]
    pub fn in_degree(&self, i: usize) -> usize {
        self.in_neighbours(i).len()
    }

    /// Number of ties (an undirected tie counts once).
    pub fn edge_count(&self) -> usize {
        self.edges
    }

    /// Number of dyads: n(n−1) directed, n(n−1)/2 undirected.
    pub fn dyad_count(&self) -> usize {
        let d = self.n * self.n.saturating_sub(1);
        if self.directed { d } else { d / 2 }
    }

    /// The ties, ascending; an undirected tie once as (i, j) with i < j. O(n + m).
    pub fn edges(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.edges);
        for i in 0..self.n {
            let row = &self.out[i];
            let lo = if self.directed {
                0
            } else {
                row.partition_point(|&j| (j as usize) <= i)
            };
            out.extend(row[lo..].iter().map(|&j| (i, j as usize)));
        }
        out
    }

    /// Every dyad, ascending: ordered pairs i ≠ j when directed, i < j when not.
    pub fn dyads(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(self.dyad_count());
        for i in 0..self.n {
            let lo = if self.directed { 0 } else { i + 1 };
            for j in lo..self.n {
                if i != j {
                    out.push((i, j));
                }
            }
        }
        out
    }
}

/// Insert `x` into (on) or remove it from (off) the sorted list `v`.
fn set(v: &mut Vec<u32>, x: u32, on: bool) {
    match (v.binary_search(&x), on) {
        (Err(p), true) => v.insert(p, x),
        (Ok(p), false) => {
            v.remove(p);
        }
        _ => unreachable!("toggle keeps the lists in step with the ties"),
    }
}

/// |a ∩ b| of two ascending lists without repeats: a merge, or binary
/// searches of the shorter list in the longer when it is ≥ 16× shorter.
pub fn common_count(a: &[u32], b: &[u32]) -> usize {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if s.is_empty() {
        return 0;
    }
    if s.len() * 16 <= l.len() {
        let mut rest = l;
        let mut c = 0;
        for &x in s {
            match rest.binary_search(&x) {
                Ok(p) => {
                    c += 1;
                    rest = &rest[p + 1..];
                }
                Err(p) => rest = &rest[p..],
            }
        }
        return c;
    }
    let (mut x, mut y, mut c) = (0, 0, 0);
    while x < s.len() && y < l.len() {
        match s[x].cmp(&l[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                c += 1;
                x += 1;
                y += 1;
            }
        }
    }
    c
}

/// Calls `f(k, in_a, in_b)` for every k in a ∪ b (ascending lists without
/// repeats), ascending, saying which list holds it.
#[inline]
pub fn for_union(a: &[u32], b: &[u32], mut f: impl FnMut(usize, bool, bool)) {
    let (mut x, mut y) = (0, 0);
    while x < a.len() || y < b.len() {
        let (ka, kb) = (
            a.get(x).copied().unwrap_or(u32::MAX),
            b.get(y).copied().unwrap_or(u32::MAX),
        );
        if ka < kb {
            f(ka as usize, true, false);
            x += 1;
        } else if kb < ka {
            f(kb as usize, false, true);
            y += 1;
        } else {
            f(ka as usize, true, true);
            x += 1;
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_bits_agree_with_a_dense_matrix_through_toggles() {
        // Both storage regimes: with the bit matrix (n small) and without.
        for (n, directed) in [
            (9, true),
            (9, false),
            (BITS_MAX_N + 3, true),
            (BITS_MAX_N + 3, false),
        ] {
            let mut net = Network::empty(n, directed);
            let mut dense = vec![false; n * n];
            let mut s = 7u64;
            for _ in 0..4000 {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1);
                let i = (s >> 33) as usize % 9;
                let j = (n - 9) + (s >> 13) as usize % 9;
                if i == j {
                    continue;
                }
                net.toggle(i, j);
                dense[i * n + j] ^= true;
                if !directed {
                    dense[j * n + i] ^= true;
                }
            }
            // The nodes touched: 0..9 and n−9..n (the same when n = 9).
            let mut nodes: Vec<usize> = (0..9).chain(n - 9..n).collect();
            nodes.sort_unstable();
            nodes.dedup();
            let mut m = 0;
            for &i in &nodes {
                for &j in &nodes {
                    assert_eq!(net.has(i, j), dense[i * n + j], "{n} {directed} {i} {j}");
                    m += usize::from(dense[i * n + j] && (directed || i < j));
                }
                let out: Vec<u32> = (0..n as u32)
                    .filter(|&j| dense[i * n + j as usize])
                    .collect();
                let inn: Vec<u32> = (0..n as u32)
                    .filter(|&h| dense[h as usize * n + i])
                    .collect();
                assert_eq!(net.out_neighbours(i), out.as_slice());
                assert_eq!(net.in_neighbours(i), inn.as_slice());
            }
            assert_eq!(net.edge_count(), m);
            assert_eq!(net.edges().len(), m);
        }
    }

    #[test]
    fn intersections_and_unions_of_sorted_lists() {
        let a: Vec<u32> = (0..200).filter(|x| x % 3 == 0).collect();
        let b: Vec<u32> = (0..200).filter(|x| x % 5 == 0).collect();
        let tiny = [15u32, 16, 45, 199];
        let brute = |x: &[u32], y: &[u32]| x.iter().filter(|v| y.contains(v)).count();
        assert_eq!(common_count(&a, &b), brute(&a, &b));
        assert_eq!(common_count(&tiny, &a), brute(&tiny, &a));
        assert_eq!(common_count(&a, &tiny), brute(&tiny, &a));
        assert_eq!(common_count(&[], &a), 0);
        let mut seen = Vec::new();
        for_union(&tiny, &b, |k, x, y| seen.push((k, x, y)));
        let mut want: Vec<u32> = tiny.iter().chain(&b).copied().collect();
        want.sort_unstable();
        want.dedup();
        assert_eq!(seen.iter().map(|s| s.0 as u32).collect::<Vec<_>>(), want);
        assert!(
            seen.iter()
                .all(|&(k, x, y)| x == tiny.contains(&(k as u32)) && y == b.contains(&(k as u32)))
        );
    }
}

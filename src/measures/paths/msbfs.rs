//! Multi-source bit-parallel breadth-first search (Then et al., VLDB 2014).
//!
//! Up to 64 sources share one sweep: bit `j` of a node's word says whether
//! source `j` has reached it. A level pushes each frontier word along the
//! node's ties with one OR, so one pass over the ties serves 64 searches.
//! What closeness and harmonic centrality need of each search is kept per
//! level: the number of nodes first reached at distance `d`, from which the
//! sum of distances, the number reached and the sum of inverse distances follow.
//!
//! Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham,
//! A. Kemper, T. Neumann, H. T. Vo (2014), "The more the merrier: efficient
//! multi-source graph traversal", *PVLDB* 8(4), 449–460,
//! doi:10.14778/2735496.2735507.

use crate::measures::Direction;
use crate::model::Csr;

/// Sources per sweep: the bits of a word.
pub(crate) const LANES: usize = 64;

/// What one search yields for distance-based centralities.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Reach {
    /// Nodes reached, the source included.
    pub reached: u64,
    /// Sum of the hop distances to the reached nodes.
    pub distance_sum: u64,
    /// `Σ_d c_d / d` over the levels `d ≥ 1` in increasing order, `c_d` the
    /// nodes first reached at distance `d` (each term rounded once, then added).
    pub inverse_sum: f64,
}

impl Reach {
    /// The same summary from one plain search's distances in visiting order
    /// (non-decreasing, the source first): the reference the bit-parallel
    /// sweep is equal to.
    #[cfg(test)]
    pub(crate) fn from_levels(mut hops: impl Iterator<Item = u32>) -> Reach {
        let mut r = Reach {
            reached: 0,
            distance_sum: 0,
            inverse_sum: 0.0,
        };
        let (mut level, mut count) = (0u32, 0u64);
        if hops.next().is_some() {
            r.reached = 1;
        }
        for d in hops {
            if d != level {
                if count > 0 {
                    r.inverse_sum += count as f64 / level as f64;
                }
                level = d;
                count = 0;
            }
            count += 1;
            r.reached += 1;
            r.distance_sum += d as u64;
        }
        if count > 0 && level > 0 {
            r.inverse_sum += count as f64 / level as f64;
        }
        r
    }
}

/// Reusable buffers of one worker: three words per node.
pub(crate) struct MsBfs {
    seen: Vec<u64>,
    frontier: Vec<u64>,
    next: Vec<u64>,
}

impl MsBfs {
    /// Empty buffers (sized on first use).
    pub(crate) fn new() -> MsBfs {
        MsBfs {
            seen: Vec::new(),
            frontier: Vec::new(),
            next: Vec::new(),
        }
    }

    /// The searches from `sources` (at most [`LANES`], distinct) following
    /// `dir` as [`bfs`](super::bfs) does, one [`Reach`] per source in order.
    ///
    /// Complexity: `O(L (n + m))` word operations for a sweep of `L` levels,
    /// plus one step per (source, reached node) to count the levels.
    pub(crate) fn run(&mut self, g: &Csr, sources: &[u32], dir: Direction) -> Vec<Reach> {
        debug_assert!(sources.len() <= LANES);
        let n = g.node_count();
        for buf in [&mut self.seen, &mut self.frontier, &mut self.next] {
            buf.clear();
            buf.resize(n, 0);
        }
        let k = sources.len();
        let mut out = vec![
            Reach {
                reached: 1,
                distance_sum: 0,
                inverse_sum: 0.0,
            };
            k
        ];
        for (j, &s) in sources.iter().enumerate() {
            self.seen[s as usize] |= 1 << j;
            self.frontier[s as usize] |= 1 << j;
        }
        let both = dir == Direction::All && g.is_directed();
        let lists = |u: usize| -> [&[u32]; 2] {
            match (dir, g.is_directed()) {
                (Direction::In, true) => [g.in_neighbors(u), &[]],
                _ if both => [g.out_neighbors(u), g.in_neighbors(u)],
                _ => [g.out_neighbors(u), &[]],
            }
        };
        let mut level = 0u64;
        loop {
            level += 1;
            // push every frontier word along its node's ties
            for u in 0..n {
                let f = self.frontier[u];
                if f == 0 {
                    continue;
                }
                for list in lists(u) {
                    for &v in list {
                        self.next[v as usize] |= f;
                    }
                }
            }
            let mut count = [0u64; LANES];
            let mut any = false;
            for v in 0..n {
                let fresh = self.next[v] & !self.seen[v];
                self.next[v] = 0;
                self.frontier[v] = fresh;
                if fresh != 0 {
                    any = true;
                    self.seen[v] |= fresh;
                    let mut w = fresh;
                    while w != 0 {
                        count[w.trailing_zeros() as usize] += 1;
                        w &= w - 1;
                    }
                }
            }
            if !any {
                return out;
            }
            for (r, &c) in out.iter_mut().zip(&count) {
                if c > 0 {
                    r.reached += c;
                    r.distance_sum += level * c;
                    r.inverse_sum += c as f64 / level as f64;
                }
            }
        }
    }
}

/// The [`Reach`] of every node's search following `dir`, in node order:
/// sweeps of [`LANES`] consecutive sources, in parallel over sweeps when
/// `par` (each sweep's result depends on its sources only, so any number of
/// threads gives the same bits).
pub(crate) fn reaches(g: &Csr, dir: Direction, par: bool) -> Vec<Reach> {
    let n = g.node_count();
    let batches = n.div_ceil(LANES);
    let sweeps = crate::measures::parallel::map_sources(batches, par, MsBfs::new, |ms, b| {
        let sources: Vec<u32> = (b * LANES..((b + 1) * LANES).min(n))
            .map(|s| s as u32)
            .collect();
        ms.run(g, &sources, dir)
    });
    sweeps.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measures::paths::bfs;
    use proptest::prelude::*;

    fn plain(g: &Csr, s: usize, dir: Direction) -> Reach {
        let (mut d, mut o) = (Vec::new(), Vec::new());
        bfs(g, s, dir, &mut d, &mut o);
        Reach::from_levels(o.iter().map(|&v| d[v as usize]))
    }

    proptest! {
        /// Every lane of a sweep equals its own plain search, to the last bit,
        /// on random graphs (directed or not, any direction, a partial last batch).
        #[test]
        fn equals_plain_bfs(n in 2usize..150, density in 0.0f64..0.08, directed: bool,
                            dir in 0u8..3, seed in 0u64..1000) {
            let possible = n * (n - 1) / if directed { 1 } else { 2 };
            let m = ((possible as f64 * density) as usize).min(possible / 2);
            let g = crate::generate::gnm(n, m, directed, seed).unwrap();
            let dir = [Direction::Out, Direction::In, Direction::All][dir as usize];
            let mut ms = MsBfs::new();
            let all: Vec<u32> = (0..n as u32).collect();
            for batch in all.chunks(LANES) {
                let got = ms.run(&g, batch, dir);
                for (&s, r) in batch.iter().zip(&got) {
                    let want = plain(&g, s as usize, dir);
                    prop_assert_eq!(r.reached, want.reached);
                    prop_assert_eq!(r.distance_sum, want.distance_sum);
                    prop_assert_eq!(r.inverse_sum.to_bits(), want.inverse_sum.to_bits());
                }
            }
        }
    }
}

//! One shortest path drawn uniformly at random between two nodes, found by a
//! balanced bidirectional breadth-first search: the sampling kernel of the
//! approximate betweenness estimators (Riondato–Kornaropoulos, KADABRA).

use crate::model::Csr;
use crate::random::{CoprodRng, below, unit};

/// Per-node state of one side of the search.
#[derive(Clone, Copy)]
struct Side {
    /// Hops from the side's root (`u32::MAX` = not reached).
    d: u32,
    /// Number of shortest paths between the root and the node.
    sigma: f64,
}

const UNSEEN: Side = Side {
    d: u32::MAX,
    sigma: 0.0,
};

/// Which side of the search is expanded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    /// From `s`, along out-ties.
    Forward,
    /// From `t`, along in-ties.
    Backward,
}

/// Per-worker buffers of the bidirectional path sampler: `O(n)` memory,
/// reset after each draw only where that draw reached.
pub(crate) struct PathSampler {
    fwd: Vec<Side>,
    bwd: Vec<Side>,
    /// Nodes reached from `s`, in order of distance (levels contiguous).
    qf: Vec<u32>,
    /// Nodes reached towards `t`, in order of distance.
    qb: Vec<u32>,
    /// The inner nodes of the last path drawn (neither `s` nor `t`).
    pub(crate) inner: Vec<u32>,
    /// Length (hops) of the last path drawn, 0 when `t` is not reachable.
    pub(crate) hops: u32,
}

impl PathSampler {
    /// Buffers for a graph of `n` nodes.
    pub(crate) fn new(n: usize) -> PathSampler {
        PathSampler {
            fwd: vec![UNSEEN; n],
            bwd: vec![UNSEEN; n],
            qf: Vec::new(),
            qb: Vec::new(),
            inner: Vec::new(),
            hops: 0,
        }
    }

    /// A uniform ordered pair `(s, t)` of distinct nodes out of `n >= 2`.
    pub(crate) fn pair(n: usize, rng: &mut CoprodRng) -> (usize, usize) {
        let s = below(rng, n as u64) as usize;
        let mut t = below(rng, n as u64 - 1) as usize;
        if t >= s {
            t += 1;
        }
        (s, t)
    }

    /// Draw one shortest `s → t` path uniformly among all of them; afterwards
    /// [`inner`](Self::inner) holds its inner nodes and [`hops`](Self::hops) its
    /// length. Returns whether `t` is reachable from `s` (if not, `inner` is empty).
    ///
    /// The search grows a ball from `s` (out-ties) and one towards `t`
    /// (in-ties) a whole level at a time, always the side whose frontier has
    /// the smaller sum of degrees, until a level reaches the other ball. With
    /// levels `0..=a` from `s` and `0..=b` towards `t` disjoint, `d(s, t) >= a +
    /// b + 1`; when the new level `a + 1` meets the other ball, every meeting
    /// node `v` is at `b` from `t`, `d(s, t) = a + b + 1`, and each shortest
    /// path crosses level `a + 1` at exactly one `v`, so there are `Σ_v σ_s(v)
    /// σ_t(v)` of them. A uniform one is a meeting node drawn with weight
    /// `σ_s(v) σ_t(v)`, then predecessors drawn back to `s` with weight `σ_s(u)`
    /// and successors on to `t` with weight `σ_t(w)` (σ-weighted backtracking).
    pub(crate) fn draw(&mut self, g: &Csr, s: usize, t: usize, rng: &mut CoprodRng) -> bool {
        for &v in &self.qf {
            self.fwd[v as usize] = UNSEEN;
        }
        for &v in &self.qb {
            self.bwd[v as usize] = UNSEEN;
        }
        self.qf.clear();
        self.qb.clear();
        self.inner.clear();
        self.hops = 0;
        self.fwd[s] = Side { d: 0, sigma: 1.0 };
        self.bwd[t] = Side { d: 0, sigma: 1.0 };
        self.qf.push(s as u32);
        self.qb.push(t as u32);
        if s == t {
            return true;
        }
        let (mut f_start, mut b_start) = (0usize, 0usize);
        let mut f_deg = g.out_degree(s);
        let mut b_deg = g.in_degree(t);
        let (met_from, dir) = loop {
            if f_start == self.qf.len() || b_start == self.qb.len() {
                return false;
            }
            let dir = if f_deg <= b_deg {
                Dir::Forward
            } else {
                Dir::Backward
            };
            let from = if dir == Dir::Forward {
                f_start
            } else {
                b_start
            };
            let (level, deg, met) = self.expand(g, dir, from);
            match dir {
                Dir::Forward => (f_start, f_deg) = (level, deg),
                Dir::Backward => (b_start, b_deg) = (level, deg),
            }
            if met {
                break (level, dir);
            }
        };
        // The meeting nodes: the new level's nodes reached by the other side.
        let (level, other) = match dir {
            Dir::Forward => (&self.qf[met_from..], &self.bwd),
            Dir::Backward => (&self.qb[met_from..], &self.fwd),
        };
        let own = match dir {
            Dir::Forward => &self.fwd,
            Dir::Backward => &self.bwd,
        };
        let meeting = level
            .iter()
            .copied()
            .filter(|&v| other[v as usize].d != u32::MAX)
            .map(|v| (v, own[v as usize].sigma * other[v as usize].sigma));
        let total: f64 = meeting.clone().map(|(_, w)| w).sum();
        let v = pick(meeting, unit(rng) * total) as usize;
        self.hops = self.fwd[v].d + self.bwd[v].d;
        if v != s && v != t {
            self.inner.push(v as u32);
        }
        // Back to s: predecessors u → cur one level closer to s, weight σ_s(u).
        let mut cur = v;
        while cur != s {
            let want = self.fwd[cur].d - 1;
            let fwd = &self.fwd;
            let cands = g
                .in_neighbors(cur)
                .iter()
                .copied()
                .filter(|&u| fwd[u as usize].d == want)
                .map(|u| (u, fwd[u as usize].sigma));
            cur = pick(cands, unit(rng) * fwd[cur].sigma) as usize;
            if cur != s {
                self.inner.push(cur as u32);
            }
        }
        // On to t: successors cur → w one level closer to t, weight σ_t(w).
        let mut cur = v;
        while cur != t {
            let want = self.bwd[cur].d - 1;
            let bwd = &self.bwd;
            let cands = g
                .out_neighbors(cur)
                .iter()
                .copied()
                .filter(|&w| bwd[w as usize].d == want)
                .map(|w| (w, bwd[w as usize].sigma));
            cur = pick(cands, unit(rng) * bwd[cur].sigma) as usize;
            if cur != t {
                self.inner.push(cur as u32);
            }
        }
        true
    }

    /// Expand one whole level of side `dir` whose frontier starts at `start`
    /// of its queue. Returns the next frontier's start, its sum of degrees, and
    /// whether a new node was already reached by the other side.
    fn expand(&mut self, g: &Csr, dir: Dir, start: usize) -> (usize, usize, bool) {
        let (own, other, q) = match dir {
            Dir::Forward => (&mut self.fwd, &self.bwd, &mut self.qf),
            Dir::Backward => (&mut self.bwd, &self.fwd, &mut self.qb),
        };
        let end = q.len();
        let next = own[q[start] as usize].d + 1;
        let mut deg = 0usize;
        let mut met = false;
        for i in start..end {
            let u = q[i] as usize;
            let su = own[u].sigma;
            let nbrs = match dir {
                Dir::Forward => g.out_neighbors(u),
                Dir::Backward => g.in_neighbors(u),
            };
            for &v in nbrs {
                let x = &mut own[v as usize];
                if x.d == u32::MAX {
                    *x = Side { d: next, sigma: su };
                    q.push(v);
                    deg += match dir {
                        Dir::Forward => g.out_degree(v as usize),
                        Dir::Backward => g.in_degree(v as usize),
                    };
                    met |= other[v as usize].d != u32::MAX;
                } else if x.d == next {
                    x.sigma += su;
                }
            }
        }
        (end, deg, met)
    }
}

/// The first item whose running sum of weights exceeds `x` (the last item if
/// rounding leaves `x` at or past the total).
fn pick(items: impl Iterator<Item = (u32, f64)>, x: f64) -> u32 {
    let mut acc = 0.0;
    let mut last = u32::MAX;
    for (v, w) in items {
        acc += w;
        last = v;
        if x < acc {
            return v;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Aggregation;
    use crate::random::rng;

    /// A 3×3 grid: 6 shortest paths from corner 0 to corner 8, each drawn
    /// about equally often; a path's inner nodes identify it.
    #[test]
    fn draws_are_uniform_over_shortest_paths() {
        let mut e = Vec::new();
        for r in 0..3u32 {
            for c in 0..3u32 {
                let v = 3 * r + c;
                if c < 2 {
                    e.push((v, v + 1, 1.0));
                }
                if r < 2 {
                    e.push((v, v + 3, 1.0));
                }
            }
        }
        for directed in [false, true] {
            let g = Csr::from_edges(9, directed, &e, Aggregation::Sum);
            let mut sp = PathSampler::new(9);
            let mut r = rng(5);
            let mut counts = std::collections::BTreeMap::new();
            let draws = 60_000;
            for _ in 0..draws {
                assert!(sp.draw(&g, 0, 8, &mut r));
                assert_eq!(sp.hops, 4);
                assert_eq!(sp.inner.len(), 3);
                let mut key = sp.inner.clone();
                key.sort();
                *counts.entry(key).or_insert(0u32) += 1;
            }
            assert_eq!(counts.len(), 6, "{counts:?}");
            // each expected 10,000, sd ≈ 91: 5 sd
            for (k, &c) in &counts {
                assert!((c as i64 - 10_000).abs() < 460, "{k:?} {c}");
            }
            if directed {
                assert!(!sp.draw(&g, 8, 0, &mut r));
                assert!(sp.inner.is_empty());
            }
        }
    }

    #[test]
    fn adjacent_and_unequal_branching() {
        // 0 - 1 - 3, 0 - 2 - 3, 2 - 4 - 3 ... and 0 - 5 - 6 - 3 (longer)
        let g = Csr::from_edges(
            7,
            false,
            &[
                (0, 1, 1.0),
                (1, 3, 1.0),
                (0, 2, 1.0),
                (2, 3, 1.0),
                (0, 5, 1.0),
                (5, 6, 1.0),
                (6, 3, 1.0),
            ],
            Aggregation::Sum,
        );
        let mut sp = PathSampler::new(7);
        let mut r = rng(1);
        assert!(sp.draw(&g, 0, 1, &mut r));
        assert!(sp.inner.is_empty());
        assert_eq!(sp.hops, 1);
        let mut ones = 0;
        for _ in 0..10_000 {
            assert!(sp.draw(&g, 3, 0, &mut r));
            assert_eq!(sp.hops, 2);
            assert_eq!(sp.inner.len(), 1);
            ones += u32::from(sp.inner[0] == 1);
        }
        assert!((ones as i64 - 5_000).abs() < 250, "{ones}");
    }
}

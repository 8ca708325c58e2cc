//! One shortest path drawn uniformly at random between two nodes, found by a
//! balanced bidirectional breadth-first search: the sampling kernel of the
//! approximate betweenness estimators (Riondato–Kornaropoulos, KADABRA).

use crate::model::Csr;
use crate::random::{CoprodRng, below, unit};

/// A node not reached by a side.
const UNSEEN: u32 = u32::MAX;

/// The side grown from `s` along out-ties.
const FWD: usize = 0;
/// The side grown from `t` along in-ties.
const BWD: usize = 1;

/// Per-worker buffers of the bidirectional path sampler: `O(n)` memory,
/// allocated once and reset after each draw only where that draw reached.
///
/// Side `k` (`FWD` from `s`, `BWD` towards `t`) keeps its hop counts and path
/// counts in separate arrays: the scans test `d` only (4 bytes a node, so a
/// cache line holds 16 of them) and touch `sigma` only for nodes of the next
/// level.
pub(crate) struct PathSampler {
    /// Hops from the side's root (`UNSEEN` = not reached).
    d: [Vec<u32>; 2],
    /// Number of shortest paths between the side's root and the node (stale
    /// where `d` is `UNSEEN`).
    sigma: [Vec<f64>; 2],
    /// Nodes reached from `s` (`q[FWD]`) and towards `t` (`q[BWD]`), in order
    /// of distance (levels contiguous).
    q: [Vec<u32>; 2],
    /// The inner nodes of the last path drawn (neither `s` nor `t`).
    pub(crate) inner: Vec<u32>,
    /// Length (hops) of the last path drawn, 0 when `t` is not reachable.
    pub(crate) hops: u32,
}

/// Ties of `u` on side `k`: out-ties forwards, in-ties backwards.
#[inline]
fn ties(g: &Csr, k: usize, u: usize) -> &[u32] {
    if k == FWD {
        g.out_neighbors(u)
    } else {
        g.in_neighbors(u)
    }
}

impl PathSampler {
    /// Buffers for a graph of `n` nodes.
    pub(crate) fn new(n: usize) -> PathSampler {
        PathSampler {
            d: [vec![UNSEEN; n], vec![UNSEEN; n]],
            sigma: [vec![0.0; n], vec![0.0; n]],
            q: [Vec::new(), Vec::new()],
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
        for k in [FWD, BWD] {
            // `sigma` is read only where `d` is set, and set with it: no reset
            for &v in &self.q[k] {
                self.d[k][v as usize] = UNSEEN;
            }
            self.q[k].clear();
        }
        self.inner.clear();
        self.hops = 0;
        (self.d[FWD][s], self.sigma[FWD][s]) = (0, 1.0);
        (self.d[BWD][t], self.sigma[BWD][t]) = (0, 1.0);
        self.q[FWD].push(s as u32);
        self.q[BWD].push(t as u32);
        if s == t {
            return true;
        }
        let mut start = [0usize; 2];
        let mut deg = [g.out_degree(s), g.in_degree(t)];
        let (met_from, k) = loop {
            if start[FWD] == self.q[FWD].len() || start[BWD] == self.q[BWD].len() {
                return false;
            }
            let k = if deg[FWD] <= deg[BWD] { FWD } else { BWD };
            let (level, d, met) = self.expand(g, k, start[k]);
            (start[k], deg[k]) = (level, d);
            if met {
                break (level, k);
            }
        };
        // The meeting nodes: the new level's nodes reached by the other side.
        let (d, sigma) = (&self.d, &self.sigma);
        let meeting = self.q[k][met_from..]
            .iter()
            .copied()
            .filter(|&v| d[1 - k][v as usize] != UNSEEN)
            .map(|v| (v, sigma[k][v as usize] * sigma[1 - k][v as usize]));
        let total: f64 = meeting.clone().map(|(_, w)| w).sum();
        let v = pick(meeting, unit(rng) * total) as usize;
        self.hops = d[FWD][v] + d[BWD][v];
        if v != s && v != t {
            self.inner.push(v as u32);
        }
        // Back to s: predecessors u → cur one level closer to s, weight σ_s(u);
        // on to t: successors cur → w one level closer to t, weight σ_t(w).
        for (side, end) in [(FWD, s), (BWD, t)] {
            let mut cur = v;
            while cur != end {
                let (ds, ss) = (&d[side], &sigma[side]);
                let want = ds[cur] - 1;
                let cands = ties(g, 1 - side, cur)
                    .iter()
                    .copied()
                    .filter(|&u| ds[u as usize] == want)
                    .map(|u| (u, ss[u as usize]));
                cur = pick(cands, unit(rng) * ss[cur]) as usize;
                if cur != end {
                    self.inner.push(cur as u32);
                }
            }
        }
        true
    }

    /// Expand one whole level of side `k` whose frontier starts at `start`
    /// of its queue. Returns the next frontier's start, its sum of degrees, and
    /// whether a new node was already reached by the other side.
    ///
    /// Once a new node meets the other side, the draw ends with this level and
    /// reads only its meeting nodes (their `σ` complete after the whole
    /// frontier is scanned): from then on, new nodes the other side has not
    /// reached are left unrecorded, and the sum of degrees is no longer kept.
    /// The meeting nodes, their order and their `σ` are those of the full
    /// expansion.
    fn expand(&mut self, g: &Csr, k: usize, start: usize) -> (usize, usize, bool) {
        let [d_fwd, d_bwd] = &mut self.d;
        let (own, other) = if k == FWD {
            (d_fwd, &*d_bwd)
        } else {
            (d_bwd, &*d_fwd)
        };
        let (sigma, q) = (&mut self.sigma[k], &mut self.q[k]);
        let end = q.len();
        let next = own[q[start] as usize] + 1;
        let mut deg = 0usize;
        let mut met = false;
        for i in start..end {
            let u = q[i] as usize;
            let su = sigma[u];
            for &v in ties(g, k, u) {
                let w = v as usize;
                let dv = own[w];
                if dv == UNSEEN {
                    let meets = other[w] != UNSEEN;
                    if met && !meets {
                        // the draw ends with this level: only meeting nodes matter now
                        continue;
                    }
                    own[w] = next;
                    sigma[w] = su;
                    q.push(v);
                    met |= meets;
                    if !met {
                        deg += ties(g, k, w).len();
                    }
                } else if dv == next {
                    sigma[w] += su;
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

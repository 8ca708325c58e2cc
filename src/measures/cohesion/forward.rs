//! Internal: triangle counting on an undirected [`Csr`] at 10^6–10^7 nodes.
//!
//! The forward algorithm (Schank & Wagner 2005): orient every edge from the
//! lower to the higher `(degree, index)` rank, keep only the forward rows in
//! one `u32` array, and for each node `u` mark its forward neighbours, then
//! scan the forward rows of those neighbours for marks. Every triangle is
//! found exactly once, at its lowest-ranked node, in `O(m^{3/2})` time
//! (`O(m · degeneracy)` in practice) and `O(n + m)` extra memory. The rank is
//! compared on the fly from a `u32` degree array, so there is no sort.
//!
//! Work is cut into fixed ranges of nodes run in parallel when the graph is
//! large; counts are integers, so the result does not depend on the threads.

use crate::model::Csr;
use rayon::prelude::*;

/// From this many nodes the counts run in parallel.
pub(crate) const PARALLEL_MIN_NODES: usize = 1 << 15;

/// Nodes per work unit: fixed, so the cut does not depend on the threads.
const CHUNK: usize = 1 << 12;

/// The forward (rank-increasing) rows of an undirected graph without self-loops.
pub(crate) struct Forward {
    off: Vec<usize>,
    adj: Vec<u32>,
    /// Distinct neighbours of each node other than itself.
    pub degree: Vec<u32>,
}

impl Forward {
    /// Orient the undirected `g` (self-loops dropped; neighbours of a row are
    /// distinct and sorted, as a [`Csr`] keeps them). From
    /// [`PARALLEL_MIN_NODES`] nodes on, the degrees and the rows are built in
    /// parallel over the fixed work units and joined in node order: the same
    /// arrays with any number of threads.
    pub(crate) fn new(g: &Csr) -> Forward {
        debug_assert!(!g.is_directed());
        let n = g.node_count();
        let par = n >= PARALLEL_MIN_NODES;
        let deg = |u: usize| {
            let row = g.out_neighbors(u);
            (row.len() - row.binary_search(&(u as u32)).is_ok() as usize) as u32
        };
        let degree: Vec<u32> = if par {
            (0..n).into_par_iter().map(deg).collect()
        } else {
            (0..n).map(deg).collect()
        };
        let later = |u: usize, v: usize| {
            let (du, dv) = (degree[u], degree[v]);
            dv > du || (dv == du && v > u)
        };
        // The forward rows of the nodes `r`: their lengths and their entries.
        let rows = |r: std::ops::Range<usize>| {
            let mut lens = Vec::with_capacity(r.len());
            let mut adj = Vec::new();
            for u in r {
                let before = adj.len();
                adj.extend(
                    g.out_neighbors(u)
                        .iter()
                        .copied()
                        .filter(|&v| v as usize != u && later(u, v as usize)),
                );
                lens.push(adj.len() - before);
            }
            (lens, adj)
        };
        let blocks: Vec<(Vec<usize>, Vec<u32>)> = if par {
            let units: Vec<std::ops::Range<usize>> = (0..n)
                .step_by(CHUNK)
                .map(|a| a..(a + CHUNK).min(n))
                .collect();
            units.into_par_iter().map(rows).collect()
        } else {
            vec![rows(0..n)]
        };
        let mut off = Vec::with_capacity(n + 1);
        off.push(0usize);
        let mut adj = Vec::with_capacity(blocks.iter().map(|b| b.1.len()).sum());
        for (lens, a) in blocks {
            for l in lens {
                off.push(off[off.len() - 1] + l);
            }
            adj.extend_from_slice(&a);
        }
        Forward { off, adj, degree }
    }

    fn n(&self) -> usize {
        self.degree.len()
    }

    #[inline]
    fn row(&self, u: usize) -> &[u32] {
        &self.adj[self.off[u]..self.off[u + 1]]
    }

    /// Call `hit(u, v, w)` for every triangle whose lowest-ranked node is in
    /// `nodes`; `mark` has `n` entries, none equal to a node of `nodes`.
    #[inline]
    fn scan(
        &self,
        nodes: std::ops::Range<usize>,
        mark: &mut [u32],
        mut hit: impl FnMut(u32, u32, u32),
    ) {
        for u in nodes {
            let fu = self.row(u);
            if fu.len() < 2 {
                continue;
            }
            for &v in fu {
                mark[v as usize] = u as u32;
            }
            for &v in fu {
                for &w in self.row(v as usize) {
                    if mark[w as usize] == u as u32 {
                        hit(u as u32, v, w);
                    }
                }
            }
        }
    }

    /// The fixed work units.
    fn chunks(&self) -> Vec<std::ops::Range<usize>> {
        let n = self.n();
        (0..n)
            .step_by(CHUNK)
            .map(|a| a..(a + CHUNK).min(n))
            .collect()
    }

    /// The number of triangles; in parallel when `par`.
    pub(crate) fn count(&self, par: bool) -> u64 {
        let n = self.n();
        let unit = |mark: &mut Vec<u32>, r: std::ops::Range<usize>| {
            let mut c = 0u64;
            self.scan(r, mark, |_, _, _| c += 1);
            c
        };
        if par {
            self.chunks()
                .into_par_iter()
                .map_init(|| vec![u32::MAX; n], unit)
                .sum()
        } else {
            let mut mark = vec![u32::MAX; n];
            unit(&mut mark, 0..n)
        }
    }

    /// The number of triangles at each node, mapped with `f(count, degree)`;
    /// in parallel when `par`: one count array per thread (worker `j` takes
    /// the work units `j, j + T, j + 2T, …` of `T` threads), the arrays added
    /// and mapped in one parallel pass over fixed node ranges. The counts are
    /// integers, so the result is the same for any `T`. Counts are `u32` when
    /// no node can have `2^32` triangles (`d (d - 1) / 2 < 2^32` for the
    /// largest degree `d`), half the memory traffic of `u64`.
    pub(crate) fn per_node_map<T: Send>(
        &self,
        par: bool,
        f: impl Fn(u64, u32) -> T + Sync,
    ) -> Vec<T> {
        let d = self.degree.iter().copied().max().unwrap_or(0) as u64;
        if d * d.saturating_sub(1) / 2 <= u64::from(u32::MAX) {
            self.per_node_in::<u32, T>(par, f)
        } else {
            self.per_node_in::<u64, T>(par, f)
        }
    }

    /// The number of triangles at each node (see [`Forward::per_node_map`]).
    #[cfg(test)]
    pub(crate) fn per_node(&self, par: bool) -> Vec<u64> {
        self.per_node_map(par, |t, _| t)
    }

    fn per_node_in<C: Count, T: Send>(
        &self,
        par: bool,
        f: impl Fn(u64, u32) -> T + Sync,
    ) -> Vec<T> {
        let n = self.n();
        let threads = if par { rayon::current_num_threads() } else { 1 };
        let parts: Vec<Vec<C>> = if threads > 1 {
            let chunks = self.chunks();
            (0..threads)
                .into_par_iter()
                .map(|j| {
                    let (mut mark, mut t) = (vec![u32::MAX; n], vec![C::ZERO; n]);
                    for r in chunks.iter().skip(j).step_by(threads) {
                        self.scan_per_node(r.clone(), &mut mark, &mut t);
                    }
                    t
                })
                .collect()
        } else {
            let (mut mark, mut t) = (vec![u32::MAX; n], vec![C::ZERO; n]);
            self.scan_per_node(0..n, &mut mark, &mut t);
            vec![t]
        };
        let at = |i: usize| {
            let t: u64 = parts.iter().map(|p| p[i].wide()).sum();
            f(t, self.degree[i])
        };
        if par {
            (0..n).into_par_iter().with_min_len(CHUNK).map(at).collect()
        } else {
            (0..n).map(at).collect()
        }
    }

    /// Add the triangles whose lowest-ranked node is in `nodes` to `t` at
    /// their three nodes: one increment per triangle at its third node, the
    /// other two summed in registers per forward tie and per node.
    #[inline]
    fn scan_per_node<C: Count>(
        &self,
        nodes: std::ops::Range<usize>,
        mark: &mut [u32],
        t: &mut [C],
    ) {
        for u in nodes {
            let fu = self.row(u);
            if fu.len() < 2 {
                continue;
            }
            for &v in fu {
                mark[v as usize] = u as u32;
            }
            let mut tu = 0u64;
            for &v in fu {
                let mut tv = 0u32;
                for &w in self.row(v as usize) {
                    if mark[w as usize] == u as u32 {
                        t[w as usize].add(1);
                        tv += 1;
                    }
                }
                // only on a hit: t[v] is a random access, and most forward
                // ties close no triangle
                if tv > 0 {
                    t[v as usize].add(u64::from(tv));
                    tu += u64::from(tv);
                }
            }
            if tu > 0 {
                t[u].add(tu);
            }
        }
    }
}

/// A triangle count per node: `u32` or `u64`.
trait Count: Copy + Send + Sync {
    const ZERO: Self;
    /// Add `x` (a `u32` count is only used when every total fits).
    fn add(&mut self, x: u64);
    fn wide(self) -> u64;
}

impl Count for u32 {
    const ZERO: Self = 0;
    #[inline]
    fn add(&mut self, x: u64) {
        *self += x as u32;
    }
    #[inline]
    fn wide(self) -> u64 {
        u64::from(self)
    }
}

impl Count for u64 {
    const ZERO: Self = 0;
    #[inline]
    fn add(&mut self, x: u64) {
        *self += x;
    }
    #[inline]
    fn wide(self) -> u64 {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Aggregation;

    /// Sequential and parallel give the same counts, and the per-node counts
    /// sum to three per triangle.
    #[test]
    fn sequential_equals_parallel() {
        for seed in 0..5 {
            let g = crate::generate::gnm(20_000, 120_000, false, seed).unwrap();
            let f = Forward::new(&g);
            let t = f.count(false);
            assert!(t > 0, "seed {seed}: a test that compares nothing");
            assert_eq!(t, f.count(true));
            let per = f.per_node(false);
            assert_eq!(per, f.per_node(true));
            assert_eq!(per.iter().sum::<u64>(), 3 * t);
        }
    }

    /// Above the parallel threshold the rows built in work units equal the
    /// definition applied node by node (degree, then rank-increasing
    /// neighbours in row order).
    #[test]
    fn parallel_orientation_equals_the_definition() {
        let n = PARALLEL_MIN_NODES + 1_000;
        let g = crate::generate::gnm(n, 3 * n, false, 11).unwrap();
        let f = Forward::new(&g);
        let degree: Vec<u32> = (0..n)
            .map(|u| {
                g.out_neighbors(u)
                    .iter()
                    .filter(|&&v| v as usize != u)
                    .count() as u32
            })
            .collect();
        assert_eq!(f.degree, degree);
        let mut off = vec![0usize];
        let mut adj = Vec::new();
        for u in 0..n {
            for &v in g.out_neighbors(u) {
                let (du, dv) = (degree[u], degree[v as usize]);
                if v as usize != u && (dv > du || (dv == du && v as usize > u)) {
                    adj.push(v);
                }
            }
            off.push(adj.len());
        }
        assert!(adj.len() * 2 >= g.edge_count() / 2, "a graph with ties");
        assert_eq!((f.off, f.adj), (off, adj));
    }

    /// Self-loops are ignored and a triangle is counted once.
    #[test]
    fn self_loops_ignored() {
        let g = Csr::from_edges(
            4,
            false,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (0, 2, 1.0),
                (1, 1, 1.0),
                (2, 3, 1.0),
            ],
            Aggregation::Sum,
        );
        let f = Forward::new(&g);
        assert_eq!(f.degree, vec![2, 2, 3, 1]);
        assert_eq!(f.count(false), 1);
        assert_eq!(f.per_node(false), vec![1, 1, 1, 0]);
    }
}

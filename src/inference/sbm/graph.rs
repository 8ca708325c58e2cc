//! The graph a block model describes: a multigraph on nodes `0..n`.

use super::special::ln_factorial;
use crate::error::{Error, Result};
use crate::model::Csr;

/// A directed or undirected multigraph as the block model reads it: edges
/// with multiplicities, self-loops allowed.
///
/// Degrees follow graph-tool: in an undirected graph a self-loop adds 2 to
/// its node's degree; in a directed graph it adds 1 to the out- and 1 to the
/// in-degree.
///
/// ```
/// use coprod::inference::sbm::SbmGraph;
/// let g = SbmGraph::from_edges(3, false, &[(0, 1), (1, 2), (1, 2)])?;
/// assert_eq!((g.node_count(), g.edge_count()), (3, 3));
/// assert_eq!(g.out_degree(1), 3);
/// # Ok::<(), coprod::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct SbmGraph {
    n: usize,
    directed: bool,
    out_off: Vec<usize>,
    out_adj: Vec<(u32, u64)>,
    in_off: Vec<usize>,
    in_adj: Vec<(u32, u64)>,
    loops: Vec<u64>,
    kout: Vec<u64>,
    kin: Vec<u64>,
    edges: u64,
}

/// Group `(row, col, mult)` by row, sort each row by column and merge repeats.
fn rows(n: usize, arcs: &[(u32, u32, u64)]) -> (Vec<usize>, Vec<(u32, u64)>) {
    let mut off = vec![0usize; n + 1];
    for &(r, _, _) in arcs {
        off[r as usize + 1] += 1;
    }
    for i in 0..n {
        off[i + 1] += off[i];
    }
    let mut adj = vec![(0u32, 0u64); arcs.len()];
    let mut next = off.clone();
    for &(r, c, m) in arcs {
        adj[next[r as usize]] = (c, m);
        next[r as usize] += 1;
    }
    let mut merged_off = vec![0usize; n + 1];
    let mut merged: Vec<(u32, u64)> = Vec::with_capacity(adj.len());
    for i in 0..n {
        let row = &mut adj[off[i]..off[i + 1]];
        row.sort_unstable_by_key(|&(c, _)| c);
        for &(c, m) in row.iter() {
            let row_start = merged_off[i];
            if merged.len() > row_start && merged[merged.len() - 1].0 == c {
                let last = merged.len() - 1;
                merged[last].1 += m;
            } else {
                merged.push((c, m));
            }
        }
        merged_off[i + 1] = merged.len();
    }
    (merged_off, merged)
}

impl SbmGraph {
    /// A multigraph from an edge list (repeated pairs are parallel edges;
    /// `(u, u)` is a self-loop).
    ///
    /// # Errors
    /// [`Error::NodeOutOfRange`] for an endpoint `≥ n`; [`Error::InvalidParameter`]
    /// for `n = 0`.
    pub fn from_edges(n: usize, directed: bool, edges: &[(u32, u32)]) -> Result<SbmGraph> {
        let weighted: Vec<(u32, u32, u64)> = edges.iter().map(|&(u, v)| (u, v, 1)).collect();
        Self::from_multi_edges(n, directed, &weighted)
    }

    /// A multigraph from `(u, v, multiplicity)` triples.
    ///
    /// # Errors
    /// As [`SbmGraph::from_edges`].
    pub fn from_multi_edges(
        n: usize,
        directed: bool,
        edges: &[(u32, u32, u64)],
    ) -> Result<SbmGraph> {
        if n == 0 {
            return Err(Error::InvalidParameter {
                name: "graph",
                reason: "a block model needs at least one node; the graph has none".into(),
            });
        }
        let mut loops = vec![0u64; n];
        let mut out_arcs = Vec::with_capacity(edges.len() * 2);
        let mut in_arcs = Vec::new();
        let mut kout = vec![0u64; n];
        let mut kin = vec![0u64; n];
        let mut total = 0u64;
        for &(u, v, m) in edges {
            for x in [u, v] {
                if x as usize >= n {
                    return Err(Error::NodeOutOfRange {
                        index: x as usize,
                        n,
                    });
                }
            }
            if m == 0 {
                continue;
            }
            total += m;
            if u == v {
                loops[u as usize] += m;
                if directed {
                    kout[u as usize] += m;
                    kin[u as usize] += m;
                } else {
                    kout[u as usize] += 2 * m;
                }
                continue;
            }
            kout[u as usize] += m;
            if directed {
                kin[v as usize] += m;
                out_arcs.push((u, v, m));
                in_arcs.push((v, u, m));
            } else {
                kout[v as usize] += m;
                out_arcs.push((u, v, m));
                out_arcs.push((v, u, m));
            }
        }
        let (out_off, out_adj) = rows(n, &out_arcs);
        let (in_off, in_adj) = if directed {
            rows(n, &in_arcs)
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(SbmGraph {
            n,
            directed,
            out_off,
            out_adj,
            in_off,
            in_adj,
            loops,
            kout,
            kin,
            edges: total,
        })
    }

    /// The simple graph of a snapshot: one edge per adjacent pair (per
    /// ordered pair if directed), whatever its weight; a self-loop once.
    ///
    /// # Errors
    /// As [`SbmGraph::from_edges`] (a snapshot of no node).
    pub fn from_csr(csr: &Csr) -> Result<SbmGraph> {
        let edges: Vec<(u32, u32)> = csr.edges().map(|(u, v, _)| (u, v)).collect();
        Self::from_edges(csr.node_count(), csr.is_directed(), &edges)
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of edges, parallel edges counted with their multiplicity.
    pub fn edge_count(&self) -> u64 {
        self.edges
    }

    /// Whether the edges are directed.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Out-degree (undirected: the degree, a self-loop counted twice).
    pub fn out_degree(&self, v: usize) -> u64 {
        self.kout[v]
    }

    /// In-degree (undirected: 0, as graph-tool's degree prior reads it).
    pub fn in_degree(&self, v: usize) -> u64 {
        self.kin[v]
    }

    /// Self-loops at `v`.
    pub fn loops(&self, v: usize) -> u64 {
        self.loops[v]
    }

    /// Out-neighbours `(u, multiplicity)` of `v`, `u ≠ v`, ascending (undirected: every neighbour).
    pub fn out_neighbors(&self, v: usize) -> &[(u32, u64)] {
        &self.out_adj[self.out_off[v]..self.out_off[v + 1]]
    }

    /// In-neighbours `(u, multiplicity)` of `v`, `u ≠ v` (undirected: empty).
    pub fn in_neighbors(&self, v: usize) -> &[(u32, u64)] {
        if self.directed {
            &self.in_adj[self.in_off[v]..self.in_off[v + 1]]
        } else {
            &[]
        }
    }

    /// `Σ ln A_ij!` over pairs joined by more than one edge, and for
    /// self-loops `ln A_ii!!` (undirected, `A_ii` = twice the loops) or
    /// `ln A_ii!` (directed): graph-tool's `get_parallel_entropy`.
    pub fn parallel_term(&self) -> f64 {
        let mut s = 0.0;
        for v in 0..self.n {
            for &(u, m) in self.out_neighbors(v) {
                if (self.directed || (u as usize) > v) && m > 1 {
                    s += ln_factorial(m);
                }
            }
            let l = self.loops[v];
            if self.directed {
                if l > 1 {
                    s += ln_factorial(l);
                }
            } else if l > 0 {
                s += ln_factorial(l) + l as f64 * std::f64::consts::LN_2;
            }
        }
        s
    }

    /// `Σ_i (ln k_i⁺! + ln k_i⁻!)` (undirected: `Σ ln k_i!`).
    pub fn degree_term(&self) -> f64 {
        (0..self.n)
            .map(|v| ln_factorial(self.kout[v]) + ln_factorial(self.kin[v]))
            .sum()
    }

    /// The largest value a block's degree sum can take (`2E` undirected, `E` directed).
    pub fn max_block_degree(&self) -> u64 {
        if self.directed {
            self.edges
        } else {
            2 * self.edges
        }
    }
}

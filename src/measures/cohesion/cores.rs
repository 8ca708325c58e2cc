//! k-core decomposition.

use crate::measures::Direction;
use crate::model::Csr;

/// Options for [`core_number`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CoreOptions {
    /// Which degree defines the cores of a digraph: in, out, or total
    /// (in + out). Ignored for undirected graphs.
    pub direction: Direction,
}

/// The core number of every node: the largest `k` such that the node belongs
/// to a subgraph in which every node has degree at least `k`.
///
/// ```text
/// core(v) = max { k : v ∈ H ⊆ G, deg_H(u) ≥ k for all u ∈ H }
/// ```
/// `deg` is the degree (undirected), or per [`Direction`] the in-degree,
/// out-degree, or total degree `in + out` (a reciprocated pair counts twice)
/// of a digraph. Self-loops are ignored.
///
/// Equals `networkx.core_number(G)` (undirected; on a digraph NetworkX uses the
/// total degree: [`Direction::All`]) and igraph `coreness(mode="in"|"out"|"all")`.
/// NetworkX refuses graphs with self-loops.
///
/// Complexity: `O(n + m)` — Batagelj & Zaversnik's bucket algorithm.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{core_number, CoreOptions};
/// // triangle 0-1-2 with a pendant 3 on 2
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(core_number(&g, &CoreOptions::default()), vec![2.0, 2.0, 2.0, 1.0]);
/// ```
///
/// Reference: V. Batagelj, M. Zaversnik (2003), "An O(m) algorithm for cores
/// decomposition of networks", arXiv:cs/0310049.
pub fn core_number(g: &Csr, opts: &CoreOptions) -> Vec<f64> {
    let n = g.node_count();
    let dir = if g.is_directed() {
        opts.direction
    } else {
        Direction::Out
    };
    let no_loop = |u: usize, list: &[u32]| list.iter().filter(|&&v| v as usize != u).count();
    // deg(u) counts the ties that the removal of a neighbour takes away
    let mut deg: Vec<usize> = (0..n)
        .map(|u| match dir {
            Direction::Out => no_loop(u, g.out_neighbors(u)),
            Direction::In => no_loop(u, g.in_neighbors(u)),
            Direction::All => no_loop(u, g.out_neighbors(u)) + no_loop(u, g.in_neighbors(u)),
        })
        .collect();
    let md = deg.iter().copied().max().unwrap_or(0);
    let mut bin = vec![0usize; md + 1];
    for &d in &deg {
        bin[d] += 1;
    }
    let mut start = 0;
    for b in bin.iter_mut() {
        let c = *b;
        *b = start;
        start += c;
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0u32; n];
    for v in 0..n {
        pos[v] = bin[deg[v]];
        vert[pos[v]] = v as u32;
        bin[deg[v]] += 1;
    }
    for d in (1..=md).rev() {
        bin[d] = bin[d - 1];
    }
    if md > 0 || n > 0 {
        bin[0] = 0;
    }
    for i in 0..n {
        let v = vert[i] as usize;
        // removing v lowers the degree of the nodes its ties count for
        let lists: [&[u32]; 2] = match dir {
            Direction::Out => [g.in_neighbors(v), &[]],
            Direction::In => [g.out_neighbors(v), &[]],
            Direction::All => [g.out_neighbors(v), g.in_neighbors(v)],
        };
        for list in lists {
            for &u in list {
                let u = u as usize;
                if u != v && deg[u] > deg[v] {
                    let du = deg[u];
                    let pu = pos[u];
                    let pw = bin[du];
                    let w = vert[pw] as usize;
                    if u != w {
                        pos[u] = pw;
                        vert[pu] = w as u32;
                        pos[w] = pu;
                        vert[pw] = u as u32;
                    }
                    bin[du] += 1;
                    deg[u] -= 1;
                }
            }
        }
    }
    deg.into_iter().map(|d| d as f64).collect()
}

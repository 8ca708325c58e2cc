//! Borgatti's key-player fragmentation after removing a set of actors.

use crate::error::Result;
use crate::measures::parallel::map_sources;
use crate::measures::paths::{bfs, dijkstra};
use crate::measures::{Direction, EdgeLength, Parallelism};
use crate::model::{Csr, NodeSet};

/// Residual graphs with at least this many nodes are processed in parallel
/// over sources under [`Parallelism::Auto`].
pub const FRAGMENTATION_PARALLEL_MIN_NODES: usize = 512;

/// Options of [`fragmentation`] and [`distance_fragmentation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FragmentationOptions {
    /// Path lengths: hop counts (default) or tie weights read as lengths
    /// (read by [`distance_fragmentation`] only).
    pub weighting: EdgeLength,
    /// Sequential or parallel over sources (identical results); `Auto`
    /// switches at [`FRAGMENTATION_PARALLEL_MIN_NODES`].
    pub parallelism: Parallelism,
}

impl FragmentationOptions {
    fn parallel(&self, n: usize) -> bool {
        self.parallelism
            .enabled_from(n, FRAGMENTATION_PARALLEL_MIN_NODES)
    }
}

/// The graph without `removed`, checking the set against the graph.
fn residual(g: &Csr, removed: &NodeSet) -> Result<Csr> {
    removed.check(g.node_count())?;
    Ok(g.induced(removed.complement().mask()).0)
}

/// Per-source sums through the crate's parallel driver, added in source
/// order, so sequential and parallel runs give the same bits.
fn per_source<F>(n: usize, parallel: bool, f: F) -> f64
where
    F: Fn(usize, &mut Vec<f64>, &mut Vec<u32>, &mut Vec<u32>) -> f64 + Sync + Send,
{
    map_sources(
        n,
        parallel,
        || (Vec::new(), Vec::new(), Vec::new()),
        |(d, h, o), s| f(s, d, h, o),
    )
    .iter()
    .sum()
}

/// Key-player fragmentation `F` of the graph left after removing `removed`.
///
/// ```text
/// F = 1 - sum_k s_k (s_k - 1) / (n (n - 1))                (undirected)
/// F = 1 - #{ (i, j) : i != j, j reachable from i } / (n (n - 1))   (directed)
/// ```
///
/// `n` is the number of nodes left and `s_k` the size of the `k`-th connected
/// component of the residual graph. `F` is the share of pairs of remaining
/// nodes that cannot reach each other: 0 for a connected graph, 1 when no tie
/// is left. For a **directed** graph the pairs are ordered and reachability
/// follows the arcs (the directed reading of Borgatti's `R_ij`); for weak
/// components pass `g.to_undirected(..)`. Weights are ignored.
///
/// Equals `1 - sum(s*(s-1) for s in map(len, networkx.connected_components(H))) / (n*(n-1))`
/// with `H = G.subgraph(remaining)` (and, directed, one minus the share of
/// ordered pairs joined by `networkx.has_path`).
///
/// Edge cases: `None` when fewer than two nodes remain.
///
/// Complexity: `O(n + m)` undirected (union–find); `O(n (n + m))` directed
/// (a BFS per source, in parallel for large graphs).
///
/// ```
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// use coprod::measures::core_periphery::{fragmentation, FragmentationOptions};
/// // a star: centre 0, leaves 1..=3; removing the centre leaves 3 isolates
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(fragmentation(&g, &NodeSet::empty(4), &FragmentationOptions::default()).unwrap(), Some(0.0));
/// assert_eq!(fragmentation(&g, &NodeSet::new(4, [0]).unwrap(), &FragmentationOptions::default()).unwrap(), Some(1.0));
/// assert_eq!(fragmentation(&g, &NodeSet::new(4, [1]).unwrap(), &FragmentationOptions::default()).unwrap(), Some(0.0));
/// ```
///
/// References: Borgatti (2006), *Identifying sets of key players in a social
/// network*, Comput. Math. Organ. Theory 12, 21–34, DOI 10.1007/s10588-006-7084-x.
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) for a set built for
/// another number of nodes.
pub fn fragmentation(
    g: &Csr,
    removed: &NodeSet,
    opts: &FragmentationOptions,
) -> Result<Option<f64>> {
    let h = residual(g, removed)?;
    Ok(fragmentation_of(&h, opts.parallel(h.node_count())))
}

fn fragmentation_of(h: &Csr, parallel: bool) -> Option<f64> {
    let n = h.node_count();
    if n < 2 {
        return None;
    }
    let pairs = n as f64 * (n - 1) as f64;
    let connected = if h.is_directed() {
        per_source(n, parallel, |s, _, dist, order| {
            bfs(h, s, Direction::Out, dist, order);
            (order.len() - 1) as f64
        })
    } else {
        component_sizes(h)
            .into_iter()
            .map(|s| s as f64 * (s as f64 - 1.0))
            .sum()
    };
    Some(1.0 - connected / pairs)
}

/// Sizes of the connected components of an undirected graph (union–find).
fn component_sizes(h: &Csr) -> Vec<usize> {
    let n = h.node_count();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(p: &mut [u32], mut x: u32) -> u32 {
        while p[x as usize] != x {
            p[x as usize] = p[p[x as usize] as usize];
            x = p[x as usize];
        }
        x
    }
    for (u, v, _) in h.edges() {
        let (a, b) = (find(&mut parent, u), find(&mut parent, v));
        if a != b {
            parent[a.max(b) as usize] = a.min(b);
        }
    }
    let mut size = vec![0usize; n];
    for u in 0..n as u32 {
        size[find(&mut parent, u) as usize] += 1;
    }
    size.into_iter().filter(|&s| s > 0).collect()
}

/// Distance-weighted key-player fragmentation `DF` of the graph left after
/// removing `removed`.
///
/// ```text
/// DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1))
/// ```
///
/// `n` is the number of nodes left, `d_ij` the shortest-path length from `i`
/// to `j` in the residual graph (hops, or the sum of tie weights with
/// [`EdgeLength::Weight`]), and `1 / ∞ = 0`. For an undirected graph this is
/// Borgatti's `DF = 1 - 2 sum_{i > j} (1/d_ij) / (n (n - 1))`; for a directed
/// graph the sum runs over ordered pairs and `d_ij` follows the arcs.
///
/// **Relation to global efficiency**: `DF = 1 - E_glob(H)`, where `H` is the
/// residual graph and `E_glob(H) = sum_{i != j} (1/d_ij) / (n (n - 1))` is
/// Latora & Marchiori's global efficiency, i.e.
/// `1 - networkx.global_efficiency(H)` for an undirected, unweighted `H`. The
/// tests check both (and the directed and weighted variants against
/// `networkx.shortest_path_length`).
///
/// Edge cases: `None` when fewer than two nodes remain; `DF = 1` when no tie
/// is left, `0` for a complete graph. `DF >= F` on unweighted graphs.
///
/// Complexity: `O(n (n + m))` unweighted, `O(n (n + m) log n)` weighted; one
/// search per source, in parallel over sources for residual graphs of at least
/// 512 nodes (the sum is taken in source order, so the result does not depend
/// on the thread count).
///
/// ```
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// use coprod::measures::core_periphery::{distance_fragmentation, FragmentationOptions};
/// // the path 0 - 1 - 2: pairs at distance 1, 1, 2 -> DF = 1 - 2 (1 + 1 + 1/2) / 6
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let df = distance_fragmentation(&g, &NodeSet::empty(g.node_count()), &FragmentationOptions::default()).unwrap().unwrap();
/// assert!((df - (1.0 - 5.0 / 6.0)).abs() < 1e-12);
/// ```
///
/// References: Borgatti (2006), DOI 10.1007/s10588-006-7084-x; Latora &
/// Marchiori (2001), *Efficient behavior of small-world networks*, Phys. Rev.
/// Lett. 87, 198701, DOI 10.1103/PhysRevLett.87.198701.
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) for a set built for
/// another number of nodes.
pub fn distance_fragmentation(
    g: &Csr,
    removed: &NodeSet,
    opts: &FragmentationOptions,
) -> Result<Option<f64>> {
    let h = residual(g, removed)?;
    Ok(distance_fragmentation_of(
        &h,
        opts,
        opts.parallel(h.node_count()),
    ))
}

fn distance_fragmentation_of(h: &Csr, opts: &FragmentationOptions, parallel: bool) -> Option<f64> {
    let n = h.node_count();
    if n < 2 {
        return None;
    }
    let pairs = n as f64 * (n - 1) as f64;
    let inverse = per_source(n, parallel, |s, wd, hd, order| match opts.weighting {
        EdgeLength::Hops => {
            bfs(h, s, Direction::Out, hd, order);
            order[1..]
                .iter()
                .map(|&t| 1.0 / hd[t as usize] as f64)
                .sum()
        }
        EdgeLength::Weight => {
            dijkstra(h, s, Direction::Out, wd, order);
            order[1..].iter().map(|&t| 1.0 / wd[t as usize]).sum()
        }
    });
    Some(1.0 - inverse / pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::gnm;

    #[test]
    fn sequential_equals_parallel() {
        for directed in [false, true] {
            let g = gnm(300, 700, directed, 11).unwrap();
            assert_eq!(fragmentation_of(&g, false), fragmentation_of(&g, true));
            for weighting in [EdgeLength::Hops, EdgeLength::Weight] {
                let o = FragmentationOptions {
                    weighting,
                    ..Default::default()
                };
                assert_eq!(
                    distance_fragmentation_of(&g, &o, false),
                    distance_fragmentation_of(&g, &o, true)
                );
            }
        }
    }
}

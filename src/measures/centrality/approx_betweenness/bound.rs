//! The vertex-diameter bound and the Riondato–Kornaropoulos sample size.

use crate::error::{Error, Result};
use crate::measures::cohesion::tarjan;
use crate::model::Csr;

/// An upper bound on the vertex diameter of `g`: the most nodes on any
/// shortest path (ties followed `s → t` in a digraph), in `O(n + m)`.
///
/// ```text
/// VD ≤ max over chains C_1 → C_2 → … → C_k of the condensation of Σ_i w(C_i)
/// w(C) = min(|C|, ecc⁺(x_C) + ecc⁻(x_C) + 1)
/// ```
/// `C_i` are the strongly connected components (the connected components of
/// an undirected graph), `x_C` the smallest node of `C`, `ecc⁺(x)` the largest
/// distance from `x` to a node of `C` and `ecc⁻(x)` from one, both inside `C`.
///
/// Why it bounds: a shortest path between two nodes of a component stays
/// inside it (a detour through other components could not come back), and
/// has at most `d(u, x) + d(x, w) ≤ ecc⁻ + ecc⁺` ties, so at most `w(C)` nodes;
/// any shortest path visits a chain of components of the condensation, each
/// once. Undirected, this is the usual `2 · ecc(x) + 1` of each connected
/// component, capped by its size.
/// Taking the maximum over chains is a longest path in the condensation (a
/// DAG), computed in Tarjan's completion order.
///
/// Returns 0 for an empty graph. An undirected graph needs no condensation:
/// one breadth-first search per connected component, from its smallest node,
/// gives `ecc` and `|C|` (the same bound as the general path, in one pass).
///
/// ```
/// use coprod::measures::centrality::vertex_diameter_bound;
/// use coprod::model::{Aggregation, Csr};
/// // path 0 - 1 - 2 - 3 - 4: from node 0, ecc = 4, but the component has 5 nodes
/// let e: Vec<_> = (0..4).map(|i| (i, i + 1, 1.0)).collect();
/// assert_eq!(vertex_diameter_bound(&Csr::from_edges(5, false, &e, Aggregation::Sum)), 5);
/// // the directed path: five singleton components in a chain
/// assert_eq!(vertex_diameter_bound(&Csr::from_edges(5, true, &e, Aggregation::Sum)), 5);
/// ```
pub fn vertex_diameter_bound(g: &Csr) -> usize {
    let n = g.node_count();
    if n == 0 {
        return 0;
    }
    if g.is_directed() {
        condensation_bound(g)
    } else {
        undirected_bound(g)
    }
}

/// [`vertex_diameter_bound`] along the longest chain of the condensation
/// (any graph; `n > 0`).
fn condensation_bound(g: &Csr) -> usize {
    let n = g.node_count();
    // Tarjan numbers components in completion order: every tie between two
    // components goes from a higher label to a lower one.
    let comp = tarjan(g);
    let k = comp.iter().max().map_or(0, |&c| c as usize + 1);
    // Nodes grouped by component (counting sort), each group in node order.
    let mut start = vec![0usize; k + 1];
    for &c in &comp {
        start[c as usize + 1] += 1;
    }
    for c in 0..k {
        start[c + 1] += start[c];
    }
    let mut by_comp = vec![0u32; n];
    let mut next = start.clone();
    for (u, &c) in comp.iter().enumerate() {
        by_comp[next[c as usize]] = u as u32;
        next[c as usize] += 1;
    }
    let mut dist = vec![u32::MAX; n];
    let mut queue = Vec::new();
    let mut longest = vec![0usize; k];
    for c in 0..k {
        let nodes = &by_comp[start[c]..start[c + 1]];
        let x = nodes[0] as usize;
        let size = nodes.len();
        let w = if size == 1 {
            1
        } else {
            let out = eccentricity_inside(g, x, &comp, true, &mut dist, &mut queue);
            let inn = eccentricity_inside(g, x, &comp, false, &mut dist, &mut queue);
            size.min(out + inn + 1)
        };
        let mut after = 0usize;
        for &u in nodes {
            for &v in g.out_neighbors(u as usize) {
                let cv = comp[v as usize] as usize;
                if cv != c {
                    after = after.max(longest[cv]);
                }
            }
        }
        longest[c] = w + after;
    }
    longest.into_iter().max().unwrap_or(0)
}

/// [`vertex_diameter_bound`] of an undirected graph: the largest
/// `min(|C|, 2 · ecc(x_C) + 1)` over its connected components, each searched
/// once from its smallest node (nodes are scanned in order).
fn undirected_bound(g: &Csr) -> usize {
    let n = g.node_count();
    let mut dist = vec![u32::MAX; n];
    let mut queue: Vec<u32> = Vec::new();
    let mut best = 0usize;
    for x in 0..n {
        if dist[x] != u32::MAX {
            continue;
        }
        queue.clear();
        queue.push(x as u32);
        dist[x] = 0;
        let (mut head, mut ecc) = (0usize, 0u32);
        while head < queue.len() {
            let u = queue[head] as usize;
            head += 1;
            let du = dist[u];
            ecc = ecc.max(du);
            for &v in g.out_neighbors(u) {
                if dist[v as usize] == u32::MAX {
                    dist[v as usize] = du + 1;
                    queue.push(v);
                }
            }
        }
        let size = queue.len();
        let w = if size == 1 {
            1
        } else {
            size.min(2 * ecc as usize + 1)
        };
        best = best.max(w);
    }
    best
}

/// The largest hop count from (`out`) or to `x` among the nodes of its
/// component, searching inside the component only; `dist` is left all
/// `u32::MAX` again.
fn eccentricity_inside(
    g: &Csr,
    x: usize,
    comp: &[u32],
    out: bool,
    dist: &mut [u32],
    queue: &mut Vec<u32>,
) -> usize {
    let c = comp[x];
    queue.clear();
    queue.push(x as u32);
    dist[x] = 0;
    let mut head = 0;
    let mut ecc = 0;
    while head < queue.len() {
        let u = queue[head] as usize;
        head += 1;
        let du = dist[u];
        ecc = ecc.max(du);
        let nbrs = if out {
            g.out_neighbors(u)
        } else {
            g.in_neighbors(u)
        };
        for &v in nbrs {
            let v = v as usize;
            if comp[v] == c && dist[v] == u32::MAX {
                dist[v] = du + 1;
                queue.push(v as u32);
            }
        }
    }
    for &u in queue.iter() {
        dist[u as usize] = u32::MAX;
    }
    ecc as usize
}

/// The Riondato–Kornaropoulos sample size for error `epsilon` (on the
/// pair-fraction scale) with probability `1 − delta` and a vertex-diameter
/// bound `vd`:
///
/// ```text
/// r = ⌈(c / ε²) (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉       c = 0.5
/// ```
/// `⌊log₂(VD − 2)⌋ + 1` bounds the VC dimension of the shortest-path range
/// set. When `VD ≤ 2` no shortest path has an inner node, every betweenness
/// is 0, and no sample is needed: `r = 0`.
///
/// ```
/// use coprod::measures::centrality::rk_sample_size;
/// // ε = 0.05, δ = 0.1, VD = 10: ⌈200 · (3 + 1 + 2.302…)⌉
/// assert_eq!(rk_sample_size(0.05, 0.1, 10).unwrap(), 1261);
/// assert_eq!(rk_sample_size(0.05, 0.1, 2).unwrap(), 0);
/// assert!(rk_sample_size(0.0, 0.1, 10).is_err());
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for `epsilon` or `delta` outside `(0, 1)`,
/// or a sample size beyond 2^53.
///
/// # References
/// Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of
/// betweenness centrality through sampling. *Data Min. Knowl. Disc.* 30,
/// 438–475 (WSDM 2014). doi:10.1145/2556195.2556224
pub fn rk_sample_size(epsilon: f64, delta: f64, vd: usize) -> Result<u64> {
    check_unit("epsilon", epsilon)?;
    check_unit("delta", delta)?;
    if vd <= 2 {
        return Ok(0);
    }
    let vc = ((vd - 2) as u64).ilog2() as f64 + 1.0;
    let r = (0.5 / (epsilon * epsilon) * (vc + (1.0 / delta).ln())).ceil();
    if r > (1u64 << 53) as f64 {
        return Err(Error::InvalidParameter {
            name: "epsilon",
            reason: format!("{epsilon} needs {r:e} samples, more than 2^53"),
        });
    }
    Ok(r as u64)
}

/// `x` must lie in the open interval `(0, 1)`.
pub(super) fn check_unit(name: &'static str, x: f64) -> Result<()> {
    if x > 0.0 && x < 1.0 {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name,
            reason: format!("{x} is not in (0, 1)"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Aggregation;

    /// The bound is at least the true vertex diameter (brute force over BFS).
    /// The one-pass undirected bound equals the condensation path on
    /// undirected graphs with isolates, trees and several components.
    #[test]
    fn undirected_pass_equals_condensation() {
        for seed in 0..30 {
            let n = 60;
            let g = crate::generate::gnm(n, 20 + 2 * seed as usize, false, seed).unwrap();
            assert_eq!(undirected_bound(&g), condensation_bound(&g), "seed {seed}");
        }
    }

    #[test]
    fn bound_is_an_upper_bound() {
        use crate::measures::Direction;
        use crate::measures::paths::bfs;
        for directed in [false, true] {
            for seed in 0..20 {
                let n = 40;
                let g = crate::generate::gnm(n, 50 + 3 * seed as usize, directed, seed).unwrap();
                let (mut d, mut o) = (Vec::new(), Vec::new());
                let mut vd = 0;
                for s in 0..n {
                    bfs(&g, s, Direction::Out, &mut d, &mut o);
                    let far = o.iter().map(|&v| d[v as usize]).max().unwrap_or(0);
                    vd = vd.max(far as usize + 1);
                }
                let b = vertex_diameter_bound(&g);
                assert!(b >= vd, "directed {directed} seed {seed}: {b} < {vd}");
                assert!(b <= n);
            }
        }
        // a directed cycle of 6: one component, ecc⁺ = ecc⁻ = 5, capped at 6
        let e: Vec<_> = (0..6).map(|i| (i, (i + 1) % 6, 1.0)).collect();
        assert_eq!(
            vertex_diameter_bound(&Csr::from_edges(6, true, &e, Aggregation::Sum)),
            6
        );
        // two isolates
        assert_eq!(
            vertex_diameter_bound(&Csr::from_edges(2, false, &[], Aggregation::Sum)),
            1
        );
    }
}

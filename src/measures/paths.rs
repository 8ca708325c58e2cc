//! Single-source shortest paths over a [`Csr`], the primitive that closeness,
//! harmonic, efficiency, distances and key-player measures share.

use super::Direction;
use crate::model::Csr;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Neighbours of `u` followed in `dir`: out-, in-, or both (merged, without
/// repeats) for [`Direction::All`] on a directed graph.
///
/// `scratch` is reused between calls to avoid allocation.
#[inline]
pub fn neighbors<'a>(
    g: &'a Csr,
    u: usize,
    dir: Direction,
    scratch: &'a mut Vec<(u32, f64)>,
) -> &'a [(u32, f64)] {
    scratch.clear();
    let out = g
        .out_neighbors(u)
        .iter()
        .copied()
        .zip(g.out_weights(u).iter().copied());
    match (dir, g.is_directed()) {
        (Direction::Out, _) | (_, false) => scratch.extend(out),
        (Direction::In, true) => scratch.extend(
            g.in_neighbors(u)
                .iter()
                .copied()
                .zip(g.in_weights(u).iter().copied()),
        ),
        (Direction::All, true) => {
            // Merge two sorted lists; a reciprocated pair keeps the smaller weight
            // (the shorter of the two arcs, as a distance).
            let (a, aw) = (g.out_neighbors(u), g.out_weights(u));
            let (b, bw) = (g.in_neighbors(u), g.in_weights(u));
            let (mut i, mut j) = (0, 0);
            while i < a.len() || j < b.len() {
                if j == b.len() || (i < a.len() && a[i] < b[j]) {
                    scratch.push((a[i], aw[i]));
                    i += 1;
                } else if i == a.len() || b[j] < a[i] {
                    scratch.push((b[j], bw[j]));
                    j += 1;
                } else {
                    scratch.push((a[i], aw[i].min(bw[j])));
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    scratch
}

/// Breadth-first distances (number of ties) from `s` following `dir`.
///
/// Fills `dist` (length `n`) with hop counts, `u32::MAX` for unreachable
/// nodes, and `order` with the reached nodes in non-decreasing distance.
/// Both buffers are cleared first, so they can be reused across sources.
///
/// Complexity: `O(n + m)`.
pub fn bfs(g: &Csr, s: usize, dir: Direction, dist: &mut Vec<u32>, order: &mut Vec<u32>) {
    let n = g.node_count();
    dist.clear();
    dist.resize(n, u32::MAX);
    order.clear();
    dist[s] = 0;
    order.push(s as u32);
    let mut head = 0;
    let both = dir == Direction::All && g.is_directed();
    while head < order.len() {
        let u = order[head] as usize;
        head += 1;
        let du = dist[u] + 1;
        let lists: [&[u32]; 2] = match (dir, g.is_directed()) {
            (Direction::In, true) => [g.in_neighbors(u), &[]],
            _ if both => [g.out_neighbors(u), g.in_neighbors(u)],
            _ => [g.out_neighbors(u), &[]],
        };
        for list in lists {
            for &v in list {
                let v = v as usize;
                if dist[v] == u32::MAX {
                    dist[v] = du;
                    order.push(v as u32);
                }
            }
        }
    }
}

#[derive(PartialEq)]
struct Item(f64, u32);
impl Eq for Item {}
impl PartialOrd for Item {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Item {
    fn cmp(&self, o: &Self) -> Ordering {
        // Min-heap on distance, ties broken by node index for determinism.
        o.0.total_cmp(&self.0).then_with(|| o.1.cmp(&self.1))
    }
}

/// Dijkstra distances from `s` following `dir`, tie weights read as lengths.
///
/// Fills `dist` with path lengths (`f64::INFINITY` when unreachable) and
/// `order` with the reached nodes in non-decreasing distance (settling order).
/// Weights must be positive (the model guarantees it).
///
/// Complexity: `O((n + m) log n)`.
pub fn dijkstra(g: &Csr, s: usize, dir: Direction, dist: &mut Vec<f64>, order: &mut Vec<u32>) {
    let n = g.node_count();
    dist.clear();
    dist.resize(n, f64::INFINITY);
    order.clear();
    let mut heap = BinaryHeap::new();
    let mut scratch = Vec::new();
    dist[s] = 0.0;
    heap.push(Item(0.0, s as u32));
    while let Some(Item(d, u)) = heap.pop() {
        let u = u as usize;
        // A stale entry: `u` was settled at a shorter distance already.
        // Each push strictly improves `dist`, so exactly one entry per node
        // carries its final distance.
        if d > dist[u] {
            continue;
        }
        order.push(u as u32);
        for &(v, w) in neighbors(g, u, dir, &mut scratch) {
            let v = v as usize;
            let nd = d + w;
            if nd < dist[v] {
                dist[v] = nd;
                heap.push(Item(nd, v as u32));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Aggregation;

    #[test]
    fn bfs_and_dijkstra_on_a_small_digraph() {
        // 0 -> 1 -> 2, 0 -> 2 (weight 5), 3 isolated
        let g = Csr::from_edges(
            4,
            true,
            &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 5.0)],
            Aggregation::Sum,
        );
        let (mut d, mut o) = (Vec::new(), Vec::new());
        bfs(&g, 0, Direction::Out, &mut d, &mut o);
        assert_eq!(d, [0, 1, 1, u32::MAX]);
        bfs(&g, 2, Direction::In, &mut d, &mut o);
        assert_eq!(d, [1, 1, 0, u32::MAX]);
        bfs(&g, 2, Direction::Out, &mut d, &mut o);
        assert_eq!(d, [u32::MAX, u32::MAX, 0, u32::MAX]);
        let mut w = Vec::new();
        dijkstra(&g, 0, Direction::Out, &mut w, &mut o);
        assert_eq!(w, [0.0, 1.0, 2.0, f64::INFINITY]);
        assert_eq!(o, [0, 1, 2]);
        dijkstra(&g, 2, Direction::All, &mut w, &mut o);
        assert_eq!(w, [2.0, 1.0, 0.0, f64::INFINITY]);
    }
}

//! Dijkstra's algorithm with reusable buffers.

use super::neighbors;
use crate::measures::Direction;
use crate::model::Csr;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

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

//! Breadth-first search.

use crate::measures::Direction;
use crate::model::Csr;

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

//! The shared path kernels: single-source shortest paths over a [`Csr`]
//! ([`bfs`], [`dijkstra`]), reusable per-worker buffers (`Sp`) and
//! Brandes' path counting and dependency accumulation (`Brandes`), which
//! closeness, harmonic, betweenness, group centrality, efficiency, distances
//! and key-player fragmentation share. Every all-pairs measure runs these
//! kernels per source through [`crate::measures::parallel`]. The sampling
//! estimators (approximate betweenness) draw one uniform shortest path per
//! sample with `PathSampler`, a balanced bidirectional search. Closeness and
//! harmonic on hop counts share sweeps of 64 sources (`reaches`, multi-source
//! bit-parallel BFS).

mod bfs;
mod brandes;
mod dijkstra;
mod msbfs;
mod sample;
mod sssp;

pub use bfs::bfs;
pub(crate) use brandes::Brandes;
pub use brandes::Endpoints;
pub use dijkstra::dijkstra;
pub(crate) use msbfs::reaches;
pub(crate) use sample::PathSampler;
pub(crate) use sssp::Sp;

use super::Direction;
use crate::model::Csr;

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

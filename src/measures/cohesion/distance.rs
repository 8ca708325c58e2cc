//! Mean distance, diameter and global efficiency: all-pairs shortest paths,
//! one source at a time, in parallel over sources.

use crate::measures::parallel::map_sources;
use crate::measures::paths::{bfs, dijkstra};
use crate::measures::{Direction, EdgeLength, Parallelism};
use crate::model::Csr;

/// What a distance measure does with pairs that have no path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unreachable {
    /// The measure is undefined (`None`) unless every node reaches every other
    /// (NetworkX `average_shortest_path_length` / `diameter`, which raise).
    #[default]
    Undefined,
    /// Unreachable pairs are left out (igraph `unconn=True`).
    Skip,
}

/// Options for the distance measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DistanceOptions {
    /// Hop counts, or weights read as lengths.
    pub weighting: EdgeLength,
    /// What to do with disconnected pairs (ignored by [`global_efficiency`],
    /// where they count 0).
    pub unreachable: Unreachable,
    /// Sequential or parallel over sources (the results are identical).
    pub parallelism: Parallelism,
}

/// Sums over the ordered pairs `(s, t)`, `s ≠ t`, with a path `s → t`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct DistanceSummary {
    /// Number of nodes.
    pub n: usize,
    /// Ordered pairs of distinct nodes with a path.
    pub reachable_pairs: u64,
    /// Sum of their distances.
    pub sum: f64,
    /// Largest distance (0 if none).
    pub max: f64,
    /// Sum of their inverse distances.
    pub inverse_sum: f64,
}

/// One breadth-first (or Dijkstra) search per source, following out-ties,
/// the per-source partial sums added up in source order so that sequential
/// and parallel runs give bit-identical results.
///
/// Complexity: `O(n (n + m))` unweighted, `O(n (n + m) log n)` weighted;
/// `O(n + m)` memory per thread.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{distance_summary, DistanceOptions};
/// // path 0 - 1 - 2
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let s = distance_summary(&g, &DistanceOptions::default());
/// assert_eq!((s.reachable_pairs, s.sum, s.max), (6, 8.0, 2.0));
/// ```
pub fn distance_summary(g: &Csr, opts: &DistanceOptions) -> DistanceSummary {
    let n = g.node_count();
    let parallel = opts.parallelism.enabled(n);
    let weighted = opts.weighting == EdgeLength::Weight;
    type Buf = (Vec<u32>, Vec<f64>, Vec<u32>);
    let one = |buf: &mut Buf, s: usize| -> (u64, f64, f64, f64) {
        let (du, dw, order) = buf;
        let (mut c, mut sum, mut max, mut inv) = (0u64, 0.0, 0.0f64, 0.0);
        if weighted {
            dijkstra(g, s, Direction::Out, dw, order);
        } else {
            bfs(g, s, Direction::Out, du, order);
        }
        for &t in order.iter() {
            let t = t as usize;
            if t == s {
                continue;
            }
            let d = if weighted { dw[t] } else { du[t] as f64 };
            c += 1;
            sum += d;
            max = max.max(d);
            inv += 1.0 / d;
        }
        (c, sum, max, inv)
    };
    let per_source: Vec<(u64, f64, f64, f64)> =
        map_sources(n, parallel, || (Vec::new(), Vec::new(), Vec::new()), one);
    let mut out = DistanceSummary {
        n,
        ..Default::default()
    };
    for (c, sum, max, inv) in per_source {
        out.reachable_pairs += c;
        out.sum += sum;
        out.max = out.max.max(max);
        out.inverse_sum += inv;
    }
    out
}

impl DistanceSummary {
    fn all_pairs(&self) -> u64 {
        let n = self.n as u64;
        n * n.saturating_sub(1)
    }
}

/// Mean shortest-path length.
///
/// ```text
/// ℓ = Σ_{s ≠ t} d(s, t) / (n (n - 1))          (Unreachable::Undefined)
/// ℓ = Σ_{s ≠ t, t reachable} d(s, t) / |P|     (Unreachable::Skip)
/// ```
/// `d(s, t)` the hop count (or sum of weights as lengths) of a shortest path
/// following tie directions; `P` the ordered pairs with a path.
///
/// Equals `networkx.average_shortest_path_length(G)` (and `weight="weight"`),
/// which raises unless `G` is connected (strongly, if directed) — `None`
/// here — and igraph `average_path_length(directed=True, unconn=True)`
/// (and `weights=`) with [`Unreachable::Skip`].
///
/// Edge cases: `None` for `n = 0` or, with `Skip`, when no pair has a path;
/// `Some(0)` for `n = 1` with `Undefined` (as NetworkX).
///
/// Complexity: see [`distance_summary`].
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{mean_distance, DistanceOptions};
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(mean_distance(&g, &DistanceOptions::default()), Some(8.0 / 6.0));
/// ```
pub fn mean_distance(g: &Csr, opts: &DistanceOptions) -> Option<f64> {
    let s = distance_summary(g, opts);
    match opts.unreachable {
        Unreachable::Undefined => match s.n {
            0 => None,
            1 => Some(0.0),
            _ => (s.reachable_pairs == s.all_pairs()).then(|| s.sum / s.all_pairs() as f64),
        },
        Unreachable::Skip => (s.reachable_pairs > 0).then(|| s.sum / s.reachable_pairs as f64),
    }
}

/// The longest shortest-path length.
///
/// ```text
/// diam = max_{s ≠ t} d(s, t)
/// ```
/// over all ordered pairs (`Undefined`: `None` if one has no path) or over
/// those with a path (`Skip`).
///
/// Equals `networkx.diameter(G)` (and `weight="weight"`; NetworkX raises when
/// `G` is not (strongly) connected) and igraph `diameter(directed=True,
/// unconn=True)` (and `weights=`) with [`Unreachable::Skip`].
///
/// Edge cases: `None` for `n = 0`; 0 when `n = 1`, or with `Skip` when no pair
/// has a path.
///
/// Complexity: see [`distance_summary`].
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{diameter, DistanceOptions};
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(diameter(&g, &DistanceOptions::default()), Some(2.0));
/// ```
pub fn diameter(g: &Csr, opts: &DistanceOptions) -> Option<f64> {
    let s = distance_summary(g, opts);
    if s.n == 0 {
        return None;
    }
    match opts.unreachable {
        Unreachable::Undefined => (s.reachable_pairs == s.all_pairs()).then_some(s.max),
        Unreachable::Skip => Some(s.max),
    }
}

/// Global efficiency: the mean inverse distance over ordered pairs, 0 for a
/// pair without a path.
///
/// ```text
/// E = Σ_{s ≠ t} 1 / d(s, t) / (n (n - 1)),   1 / ∞ = 0
/// ```
///
/// Equals `networkx.global_efficiency(G)` (undirected, hop counts; NetworkX
/// refuses digraphs, here paths follow tie directions, and
/// [`EdgeLength::Weight`] reads weights as lengths, which NetworkX does not offer).
///
/// Edge cases: `None` when `n < 2` (NetworkX returns 0).
///
/// Complexity: see [`distance_summary`].
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{global_efficiency, DistanceOptions};
/// // path 0 - 1 - 2: (1 + 1 + 1/2) · 2 / 6
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(global_efficiency(&g, &DistanceOptions::default()), Some(5.0 / 6.0));
/// ```
///
/// Reference: V. Latora, M. Marchiori (2001), "Efficient behavior of
/// small-world networks", *Phys. Rev. Lett.* 87, doi:10.1103/PhysRevLett.87.198701.
pub fn global_efficiency(g: &Csr, opts: &DistanceOptions) -> Option<f64> {
    let s = distance_summary(g, opts);
    (s.n >= 2).then(|| s.inverse_sum / s.all_pairs() as f64)
}

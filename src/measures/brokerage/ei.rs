//! Krackhardt & Stern's E-I index.

use super::gould_fernandez::check_partition;
use crate::error::Result;
use crate::measures::Direction;
use crate::measures::Weights;
use crate::model::{Aggregation, Csr, Partition};

/// Options of [`ei_index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EiOptions {
    /// For a directed graph, which ties of an actor or group count (ignored
    /// for an undirected graph): `Out` its arcs out, `In` its arcs in, `All` the
    /// graph read as undirected (a reciprocated pair is one tie).
    pub direction: Direction,
    /// Count ties (`Unweighted`) or sum their weights (`Weighted`; with `All`, a
    /// reciprocated pair weighs the sum of its two arcs).
    pub weight: Weights,
}

/// E-I index of the graph, of each group and of each actor.
#[derive(Debug, Clone, PartialEq)]
pub struct EiIndex {
    /// Whole graph; `None` when there is no tie.
    pub graph: Option<f64>,
    /// Per group number (`0..group_count`); `NaN` for a group without ties.
    pub groups: Vec<f64>,
    /// Per actor; `NaN` for an actor without ties.
    pub actors: Vec<f64>,
}

/// Krackhardt & Stern's E-I index: external minus internal ties over all ties.
///
/// # Definition
/// ```text
/// EI = (E − I) / (E + I)
/// ```
/// A tie `u – v` (u ≠ v) is *external* if `g(u) ≠ g(v)` and *internal* if
/// `g(u) = g(v)`, for the groups `g` of the partition. Each tie counts 1, or
/// its weight with [`Weights::Strength`].
///
/// * graph: `E`, `I` over all ties of the graph, each once (each arc of a
///   directed graph, whatever the direction option, except `All`, which counts
///   a reciprocated pair once);
/// * group `G`: the ties with at least one end in `G` — for a directed graph
///   with `Out`, the arcs leaving a member of `G`; with `In`, the arcs
///   entering one; a tie inside `G` counts once (internal), a tie to the
///   outside once (external);
/// * actor `u`: the ties of `u` (out-arcs, in-arcs, or undirected ties per
///   the direction), external when the other end is in another group.
///
/// `EI ∈ [−1, 1]`: −1 all ties internal (homophily), +1 all external.
/// Self-loops are ignored. No reference implementation in NetworkX, igraph or
/// sna (the `isnar::ei` R package is not in Debian); checked against hand
/// computations in the tests.
///
/// # Edge cases
/// `NaN` for an actor or group with no tie, `None` for a graph with no tie.
///
/// # Errors
/// [`Error::SizeMismatch`](crate::error::Error::SizeMismatch) if the
/// partition does not have one group per node.
///
/// # Complexity
/// `O(n + m)`.
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{ei_index, EiOptions};
/// use coprod::model::{Aggregation, Csr, Partition};
/// // 0 - 1 - 2 with groups [A, A, B]: one internal tie, one external.
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let ei = ei_index(&g, &Partition::from_groups(vec![0, 0, 1]), &EiOptions::default()).unwrap();
/// assert_eq!(ei.graph, Some(0.0));
/// assert_eq!(ei.actors, vec![-1.0, 0.0, 1.0]);
/// assert_eq!(ei.groups, vec![0.0, 1.0]);
/// ```
///
/// # References
/// Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational
/// crises: an experimental simulation. *Social Psychology Quarterly* 51(2),
/// 123–140. <https://doi.org/10.2307/2786835>
pub fn ei_index(graph: &Csr, partition: &Partition, options: &EiOptions) -> Result<EiIndex> {
    check_partition(graph, partition)?;
    let sym;
    let (g, dir) = if graph.is_directed() && options.direction == Direction::All {
        sym = graph.to_undirected(Aggregation::Sum);
        (&sym, Direction::Out)
    } else {
        (graph, options.direction)
    };
    let n = g.node_count();
    let k = partition.group_count();
    let w = |x: f64| match options.weight {
        Weights::Ignore => 1.0,
        Weights::Strength => x,
    };
    let grp = |u: usize| partition.group(u) as usize;
    // [external, internal] per actor, per group, and for the graph.
    let mut actor = vec![[0.0f64; 2]; n];
    let mut group = vec![[0.0f64; 2]; k];
    let mut whole = [0.0f64; 2];
    for (u, v, x) in g.edges() {
        let (u, v) = (u as usize, v as usize);
        if u == v {
            continue;
        }
        let x = w(x);
        let c = usize::from(grp(u) == grp(v));
        whole[c] += x;
        if !g.is_directed() {
            actor[u][c] += x;
            actor[v][c] += x;
            group[grp(u)][c] += x;
            if c == 0 {
                group[grp(v)][c] += x;
            }
        } else {
            let owner = if dir == Direction::In { v } else { u };
            actor[owner][c] += x;
            group[grp(owner)][c] += x;
        }
    }
    let ei = |[e, i]: [f64; 2]| (e - i) / (e + i);
    let total = whole[0] + whole[1];
    Ok(EiIndex {
        graph: (total != 0.0).then(|| ei(whole)),
        groups: group.into_iter().map(ei).collect(),
        actors: actor.into_iter().map(ei).collect(),
    })
}

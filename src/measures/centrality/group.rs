//! Group degree, closeness and betweenness of a set of actors
//! (Everett & Borgatti 1999).

use super::{Parallelism, sum_sources};
use crate::error::{Error, Result};
use crate::measures::paths::Brandes;
use crate::measures::paths::Sp;
use crate::measures::{Direction, EdgeLength};
use crate::model::{Aggregation, Csr, NodeSet};

/// Check a group against the graph and return its membership mask.
fn members<'a>(g: &Csr, group: &'a NodeSet) -> Result<&'a [bool]> {
    group.check(g.node_count())?;
    Ok(group.mask())
}

/// Group degree centrality: the share of non-members tied to the group.
///
/// ```text
/// GD(C) = |N(C) \ C| / (n − |C|)
/// ```
/// `C` is the group, `N(C)` the union of its members' neighbours (out-, in-,
/// or both for [`Direction::Out`], [`Direction::In`], [`Direction::All`] on a
/// digraph), `n` the number of nodes.
///
/// # Reference
/// Equals `networkx.group_degree_centrality(G, C)` (on a digraph NetworkX
/// follows successors: `Direction::Out`), `group_out_degree_centrality`
/// (`Out`) and `group_in_degree_centrality` (`In`).
///
/// # Edge cases
/// A group holding every node has no
/// non-members: `None` (NetworkX divides by zero).
///
/// # Errors
/// [`Error::SizeMismatch`] for a group built for another graph.
///
/// # Complexity
/// `O(n + Σ_{u ∈ C} deg(u))`.
///
/// ```
/// use coprod::measures::centrality::group_degree;
/// use coprod::measures::Direction;
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// // path 0 - 1 - 2 - 3; {1} reaches 0 and 2 of the 3 others
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(group_degree(&g, &NodeSet::new(4, [1]).unwrap(), Direction::Out).unwrap(), Some(2.0 / 3.0));
/// ```
///
/// # References
/// Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and
/// classes. *J. Math. Sociology* 23(3), 181–201. doi:10.1080/0022250X.1999.9990219
pub fn group_degree(g: &Csr, group: &NodeSet, direction: Direction) -> Result<Option<f64>> {
    let inside = members(g, group)?;
    let mut hit = inside.to_vec();
    let c = group.len();
    let n = g.node_count();
    let mut count = 0usize;
    for (u, _) in inside.iter().enumerate().filter(|(_, x)| **x) {
        let lists: [&[u32]; 2] = match (direction, g.is_directed()) {
            (Direction::In, true) => [g.in_neighbors(u), &[]],
            (Direction::All, true) => [g.out_neighbors(u), g.in_neighbors(u)],
            _ => [g.out_neighbors(u), &[]],
        };
        for &v in lists.into_iter().flatten() {
            if !hit[v as usize] {
                hit[v as usize] = true;
                count += 1;
            }
        }
    }
    Ok((n > c).then(|| count as f64 / (n - c) as f64))
}

/// Options of [`group_closeness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupClosenessOptions {
    /// [`Direction::In`] (default, NetworkX: distances from non-members *to*
    /// the group), [`Direction::Out`] or [`Direction::All`]. Ignored when undirected.
    pub direction: Direction,
    /// Hop counts or weights read as lengths (NetworkX `weight="weight"`).
    pub weighting: EdgeLength,
}

impl Default for GroupClosenessOptions {
    fn default() -> Self {
        GroupClosenessOptions {
            direction: Direction::In,
            weighting: EdgeLength::Hops,
        }
    }
}

/// Group closeness centrality: inverse mean distance between non-members and the group.
///
/// ```text
/// GC(C) = |V \ C| / Σ_{v ∈ V \ C} d(v, C)       d(v, C) = min_{c ∈ C} d(v, c)
/// ```
/// `V` is the node set, `C` the group, `d` the shortest-path length (to the
/// group for [`Direction::In`], from it for `Out`).
///
/// # Reference
/// Equals `networkx.group_closeness_centrality(G, C)` (`weight="weight"` with
/// `EdgeLength::Weight`).
///
/// # Edge cases
/// As in NetworkX, a non-member that cannot reach the group adds 0 to the sum
/// (not ∞), and a sum of 0 (no non-member reaches it, or all nodes are
/// members) gives 0.
///
/// # Errors
/// [`Error::SizeMismatch`] for a group built for another graph;
/// [`Error::InvalidParameter`] for an empty group.
///
/// # Complexity
/// One multi-source search: `O(n + m)` unweighted, `O((n + m) log n)` weighted.
///
/// ```
/// use coprod::measures::centrality::{group_closeness, GroupClosenessOptions};
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// // path 0 - 1 - 2 - 3; {1}: distances 1, 1, 2 → 3 / 4
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(group_closeness(&g, &NodeSet::new(4, [1]).unwrap(), &GroupClosenessOptions::default()).unwrap(), 0.75);
/// ```
///
/// # References
/// Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and
/// classes. *J. Math. Sociology* 23(3), 181–201. doi:10.1080/0022250X.1999.9990219
pub fn group_closeness(g: &Csr, group: &NodeSet, opts: &GroupClosenessOptions) -> Result<f64> {
    let inside = members(g, group)?;
    if group.is_empty() {
        return Err(Error::InvalidParameter {
            name: "group",
            reason: "empty; group closeness needs at least one member".into(),
        });
    }
    // One search from a super-source `n` tied to every member by a tie of
    // length 0 (weighted) or 1 (hops, subtracted below).
    let n = g.node_count();
    let weighted = opts.weighting == EdgeLength::Weight;
    let link = if weighted { 0.0 } else { 1.0 };
    let dir = if g.is_directed() {
        opts.direction
    } else {
        Direction::Out
    };
    let mut e: Vec<(u32, u32, f64)> = g
        .edges()
        .map(|(u, v, w)| (u, v, if weighted { w } else { 1.0 }))
        .collect();
    for (c, _) in inside.iter().enumerate().filter(|(_, x)| **x) {
        e.push(match dir {
            Direction::In => (c as u32, n as u32, link),
            _ => (n as u32, c as u32, link),
        });
    }
    let aux = Csr::from_edges(n + 1, g.is_directed(), &e, Aggregation::Sum);
    let mut sp = Sp::new();
    sp.run(&aux, n, dir, opts.weighting);
    let offset = if weighted { 0.0 } else { 1.0 };
    let total: f64 = sp
        .order
        .iter()
        .map(|&v| v as usize)
        .filter(|&v| v < n && !inside[v])
        .map(|v| sp.d(v, weighted) - offset)
        .sum();
    let outside = inside.iter().filter(|&&x| !x).count();
    Ok(if total == 0.0 {
        0.0
    } else {
        outside as f64 / total
    })
}

/// How [`group_betweenness`] scales the sum over pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBetweennessScale {
    /// Divided by the number of ordered (digraph) or unordered (undirected)
    /// pairs of non-members: NetworkX `normalized=True`.
    #[default]
    Normalized,
    /// The sum over ordered (digraph) or unordered (undirected) pairs:
    /// NetworkX `normalized=False`.
    Raw,
}

/// Options of [`group_betweenness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GroupBetweennessOptions {
    /// Hop counts or weights read as lengths.
    pub weighting: EdgeLength,
    /// Scaling.
    pub scale: GroupBetweennessScale,
    /// Sequential or parallel over sources.
    pub parallelism: Parallelism,
}

/// Group betweenness centrality: the share of shortest paths between
/// non-members that pass through at least one member.
///
/// ```text
/// GB(C) = Σ_{s, t ∈ V \ C, s ≠ t} σ_st(C) / σ_st
/// σ_st(C) = σ_st − [d_{G−C}(s, t) = d_G(s, t)] · σ_st(G − C)
/// ```
/// `σ_st` counts shortest `s`–`t` paths in `G`, `σ_st(C)` those through some
/// member of `C`, computed as all paths less those that avoid `C` (the shortest
/// paths of `G − C`, when they are as short); pairs with no path add 0. The sum
/// runs over ordered pairs in a digraph and unordered pairs in an undirected
/// graph; `Normalized` divides by `(n−|C|)(n−|C|−1)` (halved if undirected).
///
/// # Reference
/// Equals the Everett–Borgatti definition computed by brute force in
/// `scripts/reference/reference.py` (`bruteforce.group_betweenness_centrality`),
/// and `networkx.group_betweenness_centrality(G, C, normalized, endpoints=False)`
/// on undirected unweighted graphs. NetworkX 3.6 gives different (wrong)
/// values on many digraphs and raises `KeyError` on some; this function follows
/// the definition.
///
/// # Edge cases
/// Fewer than two non-members: `None` for `Normalized` (no pairs), 0 for `Raw`.
///
/// # Errors
/// [`Error::SizeMismatch`] for a group built for another graph.
///
/// # Complexity
/// Two shortest-path searches per non-member: `O(n m)` unweighted; parallel
/// over sources.
///
/// ```
/// use coprod::measures::centrality::{group_betweenness, GroupBetweennessOptions};
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// // path 0 - 1 - 2 - 3; {1, 2} lies on the one 0–3 path
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// let opts = GroupBetweennessOptions::default();
/// assert_eq!(group_betweenness(&g, &NodeSet::new(4, [1, 2]).unwrap(), &opts).unwrap(), Some(1.0));
/// ```
///
/// # References
/// * Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and
///   classes. *J. Math. Sociology* 23(3), 181–201. doi:10.1080/0022250X.1999.9990219
/// * Puzis, R., Elovici, Y. & Dolev, S. (2007). Fast algorithm for successive
///   computation of group betweenness centrality. *Phys. Rev. E* 76, 056709.
///   doi:10.1103/PhysRevE.76.056709
pub fn group_betweenness(
    g: &Csr,
    group: &NodeSet,
    opts: &GroupBetweennessOptions,
) -> Result<Option<f64>> {
    let inside = members(g, group)?;
    let n = g.node_count();
    let keep: Vec<bool> = inside.iter().map(|&x| !x).collect();
    let (sub, old_of) = g.induced(&keep);
    let k = old_of.len();
    let mut new_of = vec![u32::MAX; n];
    for (i, &o) in old_of.iter().enumerate() {
        new_of[o as usize] = i as u32;
    }
    let total = sum_sources(
        k,
        1,
        opts.parallelism.enabled(n),
        || {
            (
                Brandes::new(n, opts.weighting),
                Brandes::new(k, opts.weighting),
            )
        },
        |(full, rest), i, acc| {
            let s = old_of[i] as usize;
            full.count(g, s);
            rest.count(&sub, i);
            for &t in &full.order {
                let t = t as usize;
                if t == s || inside[t] {
                    continue;
                }
                let t2 = new_of[t] as usize;
                let avoid = if rest.reached(t2) && rest.d(t2) == full.d(t) {
                    rest.sigma(t2)
                } else {
                    0.0
                };
                acc[0] += 1.0 - avoid / full.sigma(t);
            }
        },
    )[0];
    let pairs = k as f64 * (k as f64 - 1.0);
    Ok(match opts.scale {
        GroupBetweennessScale::Normalized if k < 2 => None,
        GroupBetweennessScale::Normalized => Some(total / pairs),
        GroupBetweennessScale::Raw if g.is_directed() => Some(total),
        GroupBetweennessScale::Raw => Some(total / 2.0),
    })
}

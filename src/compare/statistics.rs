//! The graph-level statistics of the panel that no measure family had:
//! shares held by a core set, the effective number of centres, the
//! participation coefficient and the distance between sectors.
//!
//! All read hop counts (weights ignored) and the view's direction.

use crate::error::{Error, Result};
use crate::measures::brokerage::{BrokerageOptions, brokerage_counts};
use crate::model::{Csr, NodeSet, Partition};

fn check(g: &Csr, partition: &Partition, core: Option<&NodeSet>) -> Result<()> {
    if partition.len() != g.node_count() {
        return Err(Error::SizeMismatch {
            what: "the partition".into(),
            expected: g.node_count(),
            found: partition.len(),
        });
    }
    if let Some(c) = core {
        c.check(g.node_count())?;
    }
    Ok(())
}

/// The share of cross-sector Gould–Fernandez brokerage held by the core set.
///
/// ```text
/// X_j   = w_O(j) + b_IO(j) + b_OI(j) + b_O(j)      (every role but coordinator w_I)
/// share = Σ_{j ∈ C} X_j / Σ_j X_j
/// ```
/// `X_j` counts the open 2-paths `i → j → k` on which `j` brokers between
/// groups of the partition (itinerant, representative, gatekeeper, liaison),
/// as [`brokerage_counts`]; `C` is the core set. 1 when the core brokers
/// every cross-group 2-path.
///
/// # Reference
/// The role counts equal `sna::brokerage(g, cl)$raw.nli`; the share is
/// `sum(raw.nli[C, 2:5]) / sum(raw.nli[, 2:5])` (the fixture of
/// `scripts/reference/compare.R`).
///
/// # Edge cases
/// `None` when no open 2-path crosses groups (no brokerage at all). An empty
/// core gives 0.
///
/// # Errors
/// [`Error::SizeMismatch`] for a partition or core set of another size.
///
/// # Complexity
/// That of the census, `O(Σ_{i→j} outdeg(j))`.
///
/// ```
/// use coprod::compare::cross_sector_brokerage_share;
/// use coprod::model::{Aggregation, Csr, NodeSet, Partition};
/// // 0 → 1 → 2 in groups A, B, C: 1 is the only broker (a liaison)
/// let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let p = Partition::from_groups(vec![0, 1, 2]);
/// let s = cross_sector_brokerage_share(&g, &p, &NodeSet::new(3, [1]).unwrap()).unwrap();
/// assert_eq!(s, Some(1.0));
/// ```
///
/// # References
/// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation.
/// *Sociological Methodology* 19, 89–126. <https://doi.org/10.2307/270949>
pub fn cross_sector_brokerage_share(
    g: &Csr,
    partition: &Partition,
    core: &NodeSet,
) -> Result<Option<f64>> {
    check(g, partition, Some(core))?;
    let counts = brokerage_counts(g, partition, &BrokerageOptions::default())?;
    Ok(share_of_brokerage(&counts, core))
}

/// The share of cross-group brokerage in `counts` held by `core`.
pub(crate) fn share_of_brokerage(counts: &[[u64; 5]], core: &NodeSet) -> Option<f64> {
    let cross = |c: &[u64; 5]| c[1] + c[2] + c[3] + c[4];
    let total: u64 = counts.iter().map(cross).sum();
    let held: u64 = core.iter().map(|j| cross(&counts[j])).sum();
    (total > 0).then(|| held as f64 / total as f64)
}

/// Breadth-first search from `s` counting shortest paths; with `blocked`,
/// paths do not pass through blocked nodes (a blocked node is never entered).
/// `order` ends holding the nodes reached, in the order they were reached
/// (the source first): the order of Brandes' forward phase.
fn bfs_count(
    g: &Csr,
    s: usize,
    blocked: Option<&NodeSet>,
    dist: &mut [u32],
    sigma: &mut [f64],
    order: &mut Vec<usize>,
) {
    dist.fill(u32::MAX);
    sigma.fill(0.0);
    dist[s] = 0;
    sigma[s] = 1.0;
    order.clear();
    order.push(s);
    let mut head = 0;
    while head < order.len() {
        let u = order[head];
        head += 1;
        for &v in g.out_neighbors(u) {
            let v = v as usize;
            if v == u || blocked.is_some_and(|b| b.contains(v)) {
                continue;
            }
            if dist[v] == u32::MAX {
                dist[v] = dist[u] + 1;
                order.push(v);
            }
            if dist[v] == dist[u] + 1 {
                sigma[v] += sigma[u];
            }
        }
    }
}

/// The share of cross-sector shortest paths that pass through the core set.
///
/// ```text
/// P = { (s, t) : s ≠ t, s, t ∉ C, g(s) ≠ g(t), t reachable from s }
/// share = (1 / |P|) Σ_{(s,t) ∈ P} σ_st(C) / σ_st
/// ```
/// `σ_st` is the number of shortest paths from `s` to `t`, `σ_st(C)` the
/// number of them with an inner node in `C`, `g` the group (sector) of an
/// actor. Every pair of actors of different sectors weighs the same whatever
/// its number of geodesics; pairs with an end in the core are left out (a
/// path from the core trivially "passes through" it). Ordered pairs
/// following the arcs when directed, every pair when undirected (each
/// unordered pair twice, which leaves the mean unchanged). `σ_st(C) = σ_st −
/// σ'_st` where `σ'` counts the shortest paths of the graph without `C` that
/// are as short as in the graph.
///
/// # Reference
/// Equals, by brute force, the mean over `P` of the share of
/// `networkx.all_shortest_paths(G, s, t)` with an inner node in `C`
/// (`scripts/reference/compare.py`). It is the pair-weighted, cross-sector
/// restriction of Everett & Borgatti's group betweenness.
///
/// # Edge cases
/// `None` when `P` is empty (no cross-sector pair of non-members is
/// connected). An empty core gives 0.
///
/// # Errors
/// [`Error::SizeMismatch`] for a partition or core set of another size.
///
/// # Complexity
/// `O(n (n + m))`: two breadth-first searches per source.
///
/// ```
/// use coprod::compare::cross_sector_path_share;
/// use coprod::model::{Aggregation, Csr, NodeSet, Partition};
/// // a square 0-1-2-3-0 with sectors [A, C, B, C]: 0 and 2 are joined through 1 and through 3
/// let e = [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, 1.0)];
/// let g = Csr::from_edges(4, false, &e, Aggregation::Sum);
/// let p = Partition::from_groups(vec![0, 2, 1, 2]);
/// // pairs {0,2}: half its geodesics through 1; {0,3}, {2,3}: direct ties
/// let s = cross_sector_path_share(&g, &p, &NodeSet::new(4, [1]).unwrap()).unwrap();
/// assert_eq!(s, Some(0.5 / 3.0));
/// ```
///
/// # References
/// Everett, M. G. & Borgatti, S. P. (1999). The centrality of groups and
/// classes. *J. Math. Sociol.* 23(3), 181–201. doi:10.1080/0022250X.1999.9990219
pub fn cross_sector_path_share(
    g: &Csr,
    partition: &Partition,
    core: &NodeSet,
) -> Result<Option<f64>> {
    Ok(sector_paths(g, partition, core)?.path_share)
}

/// [`cross_sector_path_share`], [`between_sector_distance`] and the core's
/// group betweenness from one breadth-first search per source (the panel
/// needs all three).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SectorPaths {
    /// [`cross_sector_path_share`].
    pub(crate) path_share: Option<f64>,
    /// [`between_sector_distance`].
    pub(crate) distance: Option<f64>,
    /// `group_betweenness(g, core)` with its default options (hops,
    /// normalised); `None` for an empty core or fewer than 2 non-members.
    pub(crate) group_betweenness: Option<f64>,
}

/// The statistics of [`SectorPaths`] in one pass: the search from every
/// source serves the distances, and from a source outside the core the path
/// shares and the group betweenness too (with one more search avoiding the
/// core). Each is summed in the order of a pass of its own, so the bits are
/// the same: the path share over sources then targets ascending; the
/// distance in integers; the group betweenness over targets in the search's
/// order, in chunks of sources as
/// [`group_betweenness`](crate::measures::centrality::group_betweenness)
/// sums them (path counts are integers, equal in any search).
pub(crate) fn sector_paths(g: &Csr, partition: &Partition, core: &NodeSet) -> Result<SectorPaths> {
    check(g, partition, Some(core))?;
    let n = g.node_count();
    let groups = partition.groups();
    let (mut d, mut sg) = (vec![0u32; n], vec![0.0; n]);
    let (mut d2, mut sg2) = (vec![0u32; n], vec![0.0; n]);
    let (mut order, mut q) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut sum, mut pairs) = (0.0, 0u64);
    let (mut hops, mut connected) = (0u64, 0u64);
    // group betweenness: k sources outside the core, summed per chunk of
    // `chunk` sources (sum_sources' chunks), then the chunks in order
    let k = n - core.len();
    let chunk = k.div_ceil(64).max(16);
    let (mut gb_total, mut gb_part, mut i) = (0.0, 0.0, 0usize);
    for s in 0..n {
        bfs_count(g, s, None, &mut d, &mut sg, &mut order);
        for t in 0..n {
            if t != s && groups[t] != groups[s] && d[t] != u32::MAX {
                hops += d[t] as u64;
                connected += 1;
            }
        }
        if core.contains(s) {
            continue;
        }
        if !core.is_empty() {
            bfs_count(g, s, Some(core), &mut d2, &mut sg2, &mut q);
            for &t in &order {
                if t == s || core.contains(t) {
                    continue;
                }
                let avoid = if d2[t] != u32::MAX && d2[t] == d[t] {
                    sg2[t]
                } else {
                    0.0
                };
                gb_part += 1.0 - avoid / sg[t];
            }
            i += 1;
            if i % chunk == 0 || i == k {
                gb_total += gb_part;
                gb_part = 0.0;
            }
        }
        for t in 0..n {
            if t == s || core.contains(t) || groups[t] == groups[s] || d[t] == u32::MAX {
                continue;
            }
            pairs += 1;
            // geodesics that avoid the core: all of them without a core;
            // those of G − C when they are as short as in G; else none
            let avoiding = if core.is_empty() {
                sg[t]
            } else if d2[t] == d[t] {
                sg2[t]
            } else {
                0.0
            };
            sum += 1.0 - avoiding / sg[t];
        }
    }
    let nonmembers = k as f64 * (k as f64 - 1.0);
    Ok(SectorPaths {
        path_share: (pairs > 0).then(|| sum / pairs as f64),
        distance: (connected > 0).then(|| hops as f64 / connected as f64),
        group_betweenness: (!core.is_empty() && k >= 2).then(|| gb_total / nonmembers),
    })
}

/// The effective number of centres: Laakso and Taagepera's effective number
/// of parties on the shares of a centrality score.
///
/// ```text
/// p_i = c_i / Σ_j c_j
/// N   = 1 / Σ_i p_i²
/// ```
/// With betweenness scores `c`, `N` is 1 when one actor lies on every
/// shortest path it can and `k` when `k` actors share them equally: how many
/// centres the network has.
///
/// # Reference
/// Computed from `networkx.betweenness_centrality(G, normalized=False)`
/// (`scripts/reference/compare.py`).
///
/// # Edge cases
/// `None` when the scores sum to 0 (nobody is between anybody) or a score is
/// not finite.
///
/// # Complexity
/// `O(n)`.
///
/// ```
/// use coprod::compare::effective_centres;
/// assert_eq!(effective_centres(&[3.0, 0.0, 0.0]), Some(1.0));
/// assert_eq!(effective_centres(&[1.0, 1.0, 0.0]), Some(2.0));
/// assert_eq!(effective_centres(&[0.0, 0.0]), None);
/// ```
///
/// # References
/// Laakso, M. & Taagepera, R. (1979). "Effective" number of parties.
/// *Comparative Political Studies* 12(1), 3–27. doi:10.1177/001041407901200101
pub fn effective_centres(scores: &[f64]) -> Option<f64> {
    let total: f64 = scores.iter().sum();
    if !(total.is_finite() && total > 0.0) {
        return None;
    }
    let hhi: f64 = scores.iter().map(|c| (c / total).powi(2)).sum();
    Some(1.0 / hhi)
}

/// The largest share of a centrality score held by one actor, `max_i p_i`
/// with `p_i` as in [`effective_centres`].
///
/// # Reference
/// From `networkx.betweenness_centrality(G, normalized=False)`.
///
/// # Edge cases
/// `None` as [`effective_centres`].
///
/// # Complexity
/// `O(n)`.
///
/// ```
/// use coprod::compare::top_share;
/// assert_eq!(top_share(&[3.0, 1.0, 0.0]), Some(0.75));
/// ```
///
/// # References
/// Laakso & Taagepera (1979), doi:10.1177/001041407901200101.
pub fn top_share(scores: &[f64]) -> Option<f64> {
    let total: f64 = scores.iter().sum();
    if !(total.is_finite() && total > 0.0) {
        return None;
    }
    Some(scores.iter().fold(0.0f64, |m, &c| m.max(c)) / total)
}

/// Guimerà and Amaral's participation coefficient of every actor, the groups
/// of the partition (sectors) as modules.
///
/// ```text
/// P_i = 1 − Σ_s (k_is / k_i)²
/// ```
/// `k_i` is the number of distinct neighbours of `i` (either direction,
/// itself excluded), `k_is` how many of them are in group `s` (its own group
/// included). 0 when all of `i`'s neighbours are in one group; it approaches
/// 1 when they spread evenly over many: an actor that links sectors.
///
/// # Reference
/// No NetworkX, igraph or sna function; hand-computed in the tests.
///
/// # Edge cases
/// `NaN` for an actor without neighbours.
///
/// # Errors
/// [`Error::SizeMismatch`] for a partition of another size.
///
/// # Complexity
/// `O(n + m)`.
///
/// ```
/// use coprod::compare::participation;
/// use coprod::model::{Aggregation, Csr, Partition};
/// // a star from 0 to one actor of each of groups 1, 2, 3; 0 is in group 0
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)], Aggregation::Sum);
/// let p = participation(&g, &Partition::from_groups(vec![0, 1, 2, 3])).unwrap();
/// assert!((p[0] - 2.0 / 3.0).abs() < 1e-15);
/// assert_eq!(p[1], 0.0);
/// ```
///
/// # References
/// Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex
/// metabolic networks. *Nature* 433, 895–900. doi:10.1038/nature03288
pub fn participation(g: &Csr, partition: &Partition) -> Result<Vec<f64>> {
    check(g, partition, None)?;
    let groups = partition.groups();
    let k = partition.group_count();
    let mut per = vec![0u64; k];
    let mut nb: Vec<u32> = Vec::new();
    Ok((0..g.node_count())
        .map(|i| {
            nb.clear();
            nb.extend_from_slice(g.out_neighbors(i));
            if g.is_directed() {
                nb.extend_from_slice(g.in_neighbors(i));
            }
            nb.sort_unstable();
            nb.dedup();
            nb.retain(|&v| v as usize != i);
            if nb.is_empty() {
                return f64::NAN;
            }
            per.fill(0);
            for &v in &nb {
                per[groups[v as usize] as usize] += 1;
            }
            let ki = nb.len() as f64;
            1.0 - per.iter().map(|&c| (c as f64 / ki).powi(2)).sum::<f64>()
        })
        .collect())
}

/// The mean hop distance between actors of different sectors.
///
/// ```text
/// D = mean { d(s, t) : g(s) ≠ g(t), t reachable from s }
/// ```
/// over ordered pairs following the arcs (every pair in both orders when
/// undirected); unreachable pairs are left out, as igraph's
/// `average_path_length(unconn=True)` does for all pairs.
///
/// # Reference
/// Equals the mean of `networkx.shortest_path_length(G, s, t)` over those
/// pairs (`scripts/reference/compare.py`).
///
/// # Edge cases
/// `None` when no pair of actors of different sectors is connected.
///
/// # Errors
/// [`Error::SizeMismatch`] for a partition of another size.
///
/// # Complexity
/// `O(n (n + m))`.
///
/// ```
/// use coprod::compare::between_sector_distance;
/// use coprod::model::{Aggregation, Csr, Partition};
/// // path 0 - 1 - 2 with sectors [A, A, B]: d(0,2) = 2, d(1,2) = 1
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let d = between_sector_distance(&g, &Partition::from_groups(vec![0, 0, 1])).unwrap();
/// assert_eq!(d, Some(1.5));
/// ```
///
/// # References
/// Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, §4.3.
/// doi:10.1017/CBO9780511815478
pub fn between_sector_distance(g: &Csr, partition: &Partition) -> Result<Option<f64>> {
    check(g, partition, None)?;
    // every source is outside the empty core: one search each
    Ok(sector_paths(g, partition, &NodeSet::empty(g.node_count()))?.distance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Aggregation;

    /// By hand: the path 0 → 1 → 2 → 3 (directed) with sectors [A, B, A, C]
    /// and core {1}.
    #[test]
    fn hand_computed_on_a_directed_path() {
        let g = Csr::from_edges(
            4,
            true,
            &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)],
            Aggregation::Sum,
        );
        let p = Partition::from_groups(vec![0, 1, 0, 2]);
        let c = NodeSet::new(4, [1]).unwrap();
        // cross pairs of non-members, reachable: (0,3) via 1; (2,3) direct. (0,2) same sector.
        assert_eq!(cross_sector_path_share(&g, &p, &c).unwrap(), Some(0.5));
        // 2-paths: 0→1→2 (1 itinerant, A-B-A), 1→2→3 (2 liaison), 0→1→2 closed? no arc 0→2: open.
        // X_1 = 1, X_2 = 1 → share 0.5
        assert_eq!(cross_sector_brokerage_share(&g, &p, &c).unwrap(), Some(0.5));
        // reachable cross pairs: (0,1)=1, (0,3)=3, (1,2)=1, (1,3)=2, (2,3)=1 → 8 / 5
        assert_eq!(between_sector_distance(&g, &p).unwrap(), Some(1.6));
        let pc = participation(&g, &p).unwrap();
        // node 1: neighbours 0 (A), 2 (A) → 0; node 2: 1 (B), 3 (C) → 1 - 1/4 - 1/4
        assert_eq!(pc[1], 0.0);
        assert_eq!(pc[2], 0.5);
        assert_eq!(
            cross_sector_path_share(&g, &p, &NodeSet::empty(4)).unwrap(),
            Some(0.0)
        );
    }

    /// The one-pass group betweenness equals `group_betweenness` to the bit
    /// on every bundled case, directed and symmetrised, party core (and a
    /// core of the first three actors, so a case without a party counts).
    #[test]
    fn one_pass_group_betweenness_equals_group_betweenness_exactly() {
        use crate::measures::centrality::{GroupBetweennessOptions, group_betweenness};
        use crate::model::{Attribute, Kind, View};
        let mut compared = 0;
        for case in crate::cases::load_all().unwrap() {
            for v in [View::aggregate(&case), View::aggregate(&case).symmetrized()] {
                let csr = v.csr();
                let p = Partition::of_view(&v, &Attribute::Sector).unwrap();
                let n = csr.node_count();
                for core in [
                    v.node_set_of_kind(Kind::Party),
                    NodeSet::new(n, [0, 1, 2]).unwrap(),
                ] {
                    let want = group_betweenness(&csr, &core, &GroupBetweennessOptions::default())
                        .unwrap();
                    let got = sector_paths(&csr, &p, &core).unwrap().group_betweenness;
                    if core.is_empty() {
                        assert_eq!(got, None);
                        continue;
                    }
                    assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits));
                    compared += 1;
                }
            }
        }
        assert!(compared >= 10, "only {compared} compared");
    }

    #[test]
    fn undefined_without_pairs() {
        let g = Csr::from_edges(3, false, &[], Aggregation::Sum);
        let p = Partition::from_groups(vec![0, 1, 2]);
        let c = NodeSet::new(3, [0]).unwrap();
        assert_eq!(cross_sector_path_share(&g, &p, &c).unwrap(), None);
        assert_eq!(cross_sector_brokerage_share(&g, &p, &c).unwrap(), None);
        assert_eq!(between_sector_distance(&g, &p).unwrap(), None);
        assert!(participation(&g, &p).unwrap().iter().all(|x| x.is_nan()));
        assert!(cross_sector_path_share(&g, &p, &NodeSet::empty(4)).is_err());
    }
}

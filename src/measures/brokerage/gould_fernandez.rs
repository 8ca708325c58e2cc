//! Gould–Fernandez brokerage roles, equal to R `sna::brokerage`.

use super::gould_fernandez_null::{NullModel, group_sizes};
use super::roles::{Role, RoleRow};
use crate::error::{Error, Result};
use crate::measures::Parallelism;
use crate::model::{Csr, Partition};

/// Gould–Fernandez brokerage scores, as the list returned by `sna::brokerage`.
#[derive(Debug, Clone, PartialEq)]
pub struct Brokerage {
    /// Raw role counts per actor, `raw.nli`.
    pub raw: Vec<RoleRow>,
    /// Expected counts per actor under the null model, `exp.nli`.
    pub expected: Vec<RoleRow>,
    /// Standard deviations per actor, `sd.nli`.
    pub sd: Vec<RoleRow>,
    /// `(raw - expected) / sd` per actor, `z.nli` (`NaN` for `0/0`, `±inf` for `x/0`).
    pub z: Vec<RoleRow>,
    /// Column sums of `raw`, `raw.gli`.
    pub raw_graph: RoleRow,
    /// Expected graph-level counts, `exp.gli`.
    pub expected_graph: RoleRow,
    /// Graph-level standard deviations, `sd.gli`.
    pub sd_graph: RoleRow,
    /// `(raw_graph - expected_graph) / sd_graph`, `z.gli`.
    pub z_graph: RoleRow,
}

impl Brokerage {
    /// One column of a per-actor table (e.g. `b.column(&b.z, Role::Liaison)`).
    pub fn column(table: &[RoleRow], role: Role) -> Vec<f64> {
        table.iter().map(|r| r[role.index()]).collect()
    }
}

/// Size from which [`Parallelism::Auto`] runs the 2-path census in parallel over egos.
pub const CENSUS_PARALLEL_MIN_NODES: usize = 2048;

/// Options of the Gould–Fernandez censuses ([`brokerage`], [`brokerage_counts`],
/// [`multiplex_brokerage`](super::multiplex_brokerage)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BrokerageOptions {
    /// Sequential or parallel over egos (the counts are integers: identical
    /// either way). `Auto` switches at [`CENSUS_PARALLEL_MIN_NODES`].
    pub parallelism: Parallelism,
}

impl BrokerageOptions {
    pub(crate) fn parallel(&self, n: usize) -> bool {
        self.parallelism.enabled_from(n, CENSUS_PARALLEL_MIN_NODES)
    }
}

/// Gould–Fernandez brokerage roles of every actor, with `sna`'s null-model statistics.
///
/// # Definition
///
/// ```text
/// An open 2-path is an ordered triple (i, j, k) of distinct nodes with arcs
/// i → j and j → k and no arc i → k.  The broker j gets one count in the role
/// given by the groups g(i), g(j), g(k) of the partition:
///
///   w_I   coordinator     g(i) = g(j) = g(k)
///   w_O   itinerant       g(i) = g(k) ≠ g(j)
///   b_IO  representative  g(i) = g(j) ≠ g(k)
///   b_OI  gatekeeper      g(i) ≠ g(j) = g(k)
///   b_O   liaison         g(i), g(j), g(k) all different
///   t     total           the sum of the five
///
/// Null model (Gould & Fernandez 1989, as coded in sna): arcs independent with
/// probability d = m / (N (N − 1)), m = number of arcs (self-loops included,
/// an undirected edge counted as two arcs), N = number of nodes.  With
/// q = d²(1 − d), r3 = d³(1 − d)³, r4 = d⁴(1 − d)², r5 = d⁵(1 − d), a = size of
/// the broker's group and b_h the sizes of the other groups:
///
///   E[w_I]  = q (a−1)(a−2)
///   V[w_I]  = E(1−q) + 2 (a−1)(a−2)(a−3) r3
///   E[w_O]  = q Σ_h b_h(b_h−1)
///   V[w_O]  = E(1−q) + 2 Σ_h b_h(b_h−1)(b_h−2) r3
///   E[b_IO] = E[b_OI] = q (N−a)(a−1)
///   V[b_IO] = V[b_OI] = E(1−q) + 2 [(a−1) C(N−a, 2) + (N−a) C(a−1, 2)] r3
///   E[b_O]  = q [(Σ_h b_h)² − Σ_h b_h²]
///   V[b_O]  = E(1−q) + 4 Σ_h b_h C(N − a − b_h, 2) r3
///   E[t]    = q (N−1)(N−2)
///   V[t]    = E(1−q) + 2 (N−1)(N−2)(N−3) r3
///   sd = √V,  z = (raw − E) / sd
/// ```
///
/// The graph-level expectations and variances are those of `sna` (see
/// [`gould_fernandez_null`](super::gould_fernandez_null) for the formulas).
///
/// Equals `sna::brokerage(g, cl)` for `g` the adjacency matrix of `graph`
/// (for an undirected graph, the symmetric matrix): `raw` is `raw.nli`,
/// `expected` is `exp.nli`, `sd` is `sd.nli`, `z` is `z.nli`, and the
/// `*_graph` rows are `raw.gli`, `exp.gli`, `sd.gli`, `z.gli`. As in `sna`:
/// ties are dichotomised (an arc is present when its weight is non-zero;
/// weights are otherwise ignored), an undirected edge is two arcs, an arc
/// `i → k` closes the 2-path `i → j → k` (not counted) while an arc `k → i`
/// alone does not, and self-loops never form a 2-path but do count in the
/// density `d`. Reciprocated ties `i ⇄ j` form no 2-path `i → j → i` (`k = i`).
///
/// # Edge cases
/// Group labels only matter through equality. An actor on no open 2-path
/// scores 0. Where `sd = 0` the z-score is `NaN` (`0/0`), e.g. `w_I` for a
/// group of fewer than three actors, or every role in an empty or complete
/// graph. With one node, `d` is `0/0` and every statistic but `raw` is `NaN`.
///
/// # Errors
/// [`Error::EmptyGraph`] for a graph without nodes; [`Error::SizeMismatch`]
/// if the partition does not have one group per node.
///
/// # Complexity
/// `O(Σ_{i→j} outdeg(j))` time for the census (parallel over egos `i` above
/// 2048 nodes), `O(n + k)` for the statistics (`k` groups), `O(n)` memory per
/// thread.
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{brokerage, BrokerageOptions, Role};
/// use coprod::model::{Aggregation, Csr, Partition};
/// // 0 → 1 → 2, groups [A, A, B]: node 1 represents A to B.
/// let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = brokerage(&g, &Partition::from_groups(vec![0, 0, 1]), &BrokerageOptions::default()).unwrap();
/// assert_eq!(b.raw[1][Role::Representative.index()], 1.0);
/// assert_eq!(b.raw_graph[Role::Total.index()], 1.0);
/// ```
///
/// # References
/// Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal
/// approach to brokerage in transaction networks. *Sociological Methodology*
/// 19, 89–126. <https://doi.org/10.2307/270949>
///
/// Butts, C. T. (2008). Social network analysis with sna. *Journal of
/// Statistical Software* 24(6). <https://doi.org/10.18637/jss.v024.i06>
pub fn brokerage(graph: &Csr, partition: &Partition, opts: &BrokerageOptions) -> Result<Brokerage> {
    let n = graph.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph);
    }
    check_partition(graph, partition)?;
    let counts = role_counts(graph, partition.groups(), opts.parallel(n));
    let raw: Vec<RoleRow> = counts
        .iter()
        .map(|c| {
            let mut row = [0.0; 6];
            for r in 0..5 {
                row[r] = c[r] as f64;
            }
            row[5] = c.iter().sum::<u64>() as f64;
            row
        })
        .collect();
    let arcs = (0..n)
        .map(|u| graph.out_weights(u).iter().filter(|&&w| w != 0.0).count())
        .sum::<usize>();
    let sizes = group_sizes(partition.groups());
    let null = NullModel::new(n, arcs, &sizes);
    let mut expected = Vec::with_capacity(n);
    let mut sd = Vec::with_capacity(n);
    let mut z = Vec::with_capacity(n);
    for (u, row) in raw.iter().enumerate() {
        let (e, s) = null.actor(sizes[partition.group(u) as usize]);
        expected.push(e);
        sd.push(s);
        z.push(std::array::from_fn(|c| (row[c] - e[c]) / s[c]));
    }
    let raw_graph: RoleRow = std::array::from_fn(|c| raw.iter().map(|r| r[c]).sum::<f64>());
    let (expected_graph, sd_graph) = null.graph();
    let z_graph = std::array::from_fn(|c| (raw_graph[c] - expected_graph[c]) / sd_graph[c]);
    Ok(Brokerage {
        raw,
        expected,
        sd,
        z,
        raw_graph,
        expected_graph,
        sd_graph,
        z_graph,
    })
}

/// The raw role counts only (`raw.nli` without the total), skipping the statistics.
///
/// Same census and conventions as [`brokerage`]; `counts[u][r]` for
/// `r` in [`Role::ROLES`] order. Unlike [`brokerage`], an empty graph is not
/// an error: it has no counts.
///
/// # Errors
/// [`Error::SizeMismatch`] if the partition does not have one group per node.
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{brokerage_counts, BrokerageOptions};
/// use coprod::model::{Aggregation, Csr, Partition};
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// // Undirected: 0-1-2 is two 2-paths (0→1→2 and 2→1→0), both liaison.
/// let c = brokerage_counts(&g, &Partition::from_groups(vec![0, 1, 2]), &BrokerageOptions::default()).unwrap();
/// assert_eq!(c[1], [0, 0, 0, 0, 2]);
/// ```
pub fn brokerage_counts(
    graph: &Csr,
    partition: &Partition,
    opts: &BrokerageOptions,
) -> Result<Vec<[u64; 5]>> {
    check_partition(graph, partition)?;
    let n = graph.node_count();
    Ok(role_counts(graph, partition.groups(), opts.parallel(n)))
}

pub(crate) fn check_partition(graph: &Csr, partition: &Partition) -> Result<()> {
    if partition.len() != graph.node_count() {
        return Err(Error::SizeMismatch {
            what: "the partition".into(),
            expected: graph.node_count(),
            found: partition.len(),
        });
    }
    Ok(())
}

/// The open-2-path census; `parallel` only changes the schedule, not the result.
pub(crate) fn role_counts(graph: &Csr, groups: &[u32], parallel: bool) -> Vec<[u64; 5]> {
    let n = graph.node_count();
    super::ego_census(n, n * 5, parallel, |i, mark, acc| {
        ego(graph, groups, i, mark, acc)
    })
    .chunks_exact(5)
    .map(|c| [c[0], c[1], c[2], c[3], c[4]])
    .collect()
}

/// Every open 2-path starting at ego `i`; `mark[k] == i` iff arc `i → k` exists.
#[inline]
fn ego(graph: &Csr, groups: &[u32], i: usize, mark: &mut [u32], acc: &mut [u64]) {
    let (nbrs, ws) = (graph.out_neighbors(i), graph.out_weights(i));
    for (&k, &w) in nbrs.iter().zip(ws) {
        if w != 0.0 {
            mark[k as usize] = i as u32;
        }
    }
    let gi = groups[i];
    for (&j, &w) in nbrs.iter().zip(ws) {
        let j = j as usize;
        if j == i || w == 0.0 {
            continue;
        }
        let gj = groups[j];
        for (&k, &w2) in graph.out_neighbors(j).iter().zip(graph.out_weights(j)) {
            let k = k as usize;
            if k == i || k == j || w2 == 0.0 || mark[k] == i as u32 {
                continue;
            }
            acc[j * 5 + Role::classify(gi, gj, groups[k]) as usize] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_equals_parallel() {
        for directed in [false, true] {
            let g = crate::generate::gnm(500, 2000, directed, 11).unwrap();
            let groups: Vec<u32> = (0..500).map(|u| (u * 7 % 5) as u32).collect();
            let a = role_counts(&g, &groups, false);
            let b = role_counts(&g, &groups, true);
            assert_eq!(a, b);
            assert!(a.iter().flatten().sum::<u64>() > 0);
        }
    }
}

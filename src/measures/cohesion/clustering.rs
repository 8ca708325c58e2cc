//! Triangles and local clustering coefficients.

use super::forward::{Forward, PARALLEL_MIN_NODES};
use super::simple::Skeleton;
use crate::error::{Error, Result};
use crate::model::Csr;

/// How [`local_clustering`] reads tie weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClusteringWeighting {
    /// Ties count 1 (NetworkX `weight=None`, igraph `weights=None`).
    #[default]
    Unweighted,
    /// Onnela et al.: a triangle counts the geometric mean of its normalised
    /// weights `ŵ = w / max(w)` (NetworkX `weight="weight"`).
    GeometricMean,
    /// Barrat et al.: a triangle at `i` counts `(w_ij + w_ih) / 2`, over
    /// `s_i (k_i - 1)` (igraph `transitivity_local_undirected(weights=...)`);
    /// undirected graphs only.
    Barrat,
}

/// What a node whose coefficient has no denominator gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Undefined {
    /// 0 (NetworkX; igraph `mode="zero"`).
    #[default]
    Zero,
    /// `NaN` (igraph `mode="nan"`); averages then skip those nodes.
    Nan,
}

/// Options for [`local_clustering`] and [`average_clustering`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClusteringOptions {
    /// How weights are read.
    pub weighting: ClusteringWeighting,
    /// Value for nodes with fewer than two neighbours (zero denominator).
    pub undefined: Undefined,
}

/// Number of triangles at each node of the undirected simple skeleton
/// (directions, weights and self-loops ignored).
///
/// Equals `networkx.triangles(G.to_undirected())`.
///
/// Complexity: `O(m^{3/2})` time (forward algorithm over the degree ordering,
/// Schank & Wagner 2005), `O(n + m)` memory; an undirected graph is counted
/// on its `u32` rows, in parallel over fixed node ranges from 2^15 nodes
/// (integer counts, the same with any number of threads).
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::triangles;
/// // triangle 0-1-2 with a pendant 3 on 2
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// assert_eq!(triangles(&g), vec![1.0, 1.0, 1.0, 0.0]);
/// ```
///
/// Reference: T. Schank, D. Wagner, "Finding, counting and listing all
/// triangles in large graphs", WEA 2005, doi:10.1007/11427186_54.
pub fn triangles(g: &Csr) -> Vec<f64> {
    if !g.is_directed() {
        let f = Forward::new(g);
        let par = g.node_count() >= PARALLEL_MIN_NODES;
        return f.per_node_map(par, |t, _| t as f64);
    }
    let s = Skeleton::new(g, |_, _| 1.0);
    let mut t = vec![0.0; g.node_count()];
    s.for_each_triangle(|u, v, w, _, _, _| {
        t[u] += 1.0;
        t[v] += 1.0;
        t[w] += 1.0;
    });
    t
}

/// The local clustering coefficient of every node.
///
/// ```text
/// undirected   C_i = 2 T_i / (k_i (k_i - 1))
/// weighted     C_i = 2 Σ_{triangles ijh} (ŵ_ij ŵ_ih ŵ_jh)^{1/3} / (k_i (k_i - 1))
/// directed     C_i = (S³)_ii / (2 [k_i (k_i - 1) - 2 k_i^↔])          (Fagiolo)
/// Barrat       C_i = Σ_{triangles ijh} (w_ij + w_ih) / (s_i (k_i - 1))
/// ```
/// `T_i` triangles at `i`; `k_i` its number of distinct neighbours (undirected)
/// or total degree `k_i^in + k_i^out` (directed); `k_i^↔` its reciprocated
/// neighbours; `S = A + Aᵀ` (or, weighted, `S_ij = ŵ_ij^{1/3} + ŵ_ji^{1/3}` over
/// present arcs and the cube in the formula read as a product of these);
/// `ŵ = w / max w`; `s_i` the strength. Self-loops are ignored.
///
/// Equals `networkx.clustering(G)` / `networkx.clustering(G, weight="weight")`
/// (undirected, or directed à la Fagiolo) with [`Undefined::Zero`];
/// igraph `transitivity_local_undirected(mode="nan"|"zero")` on the
/// undirected graph (pass `g.to_undirected(..)` for a digraph, as igraph
/// collapses it) with [`ClusteringWeighting::Unweighted`] or
/// [`ClusteringWeighting::Barrat`].
///
/// Edge cases: a node with a zero denominator (`k_i < 2`, or a single
/// reciprocated neighbour) gets 0 or `NaN` per [`Undefined`]. NetworkX also
/// gives 0 to any node without triangles, which agrees.
///
/// Complexity: `O(m^{3/2})`; unweighted on an undirected graph, the parallel
/// forward count of [`triangles`]: one count array per thread (`u32` when no
/// node can reach 2^32 triangles), one random increment per triangle (the
/// other two ends summed in registers), the arrays added and divided in one
/// parallel pass. On the 10^6-resident community (1.01·10^6 nodes,
/// 3.85·10^6 ties) about 0.125 s on one thread, 0.073 s on two.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{local_clustering, ClusteringOptions};
/// // triangle 0-1-2 with a pendant 3 on 2
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// let c = local_clustering(&g, &ClusteringOptions::default()).unwrap();
/// assert_eq!(c, vec![1.0, 1.0, 1.0 / 3.0, 0.0]);
/// ```
///
/// References: D. J. Watts, S. H. Strogatz (1998), doi:10.1038/30918;
/// J.-P. Onnela et al. (2005), doi:10.1103/PhysRevE.71.065103;
/// G. Fagiolo (2007), doi:10.1103/PhysRevE.76.026107;
/// A. Barrat et al. (2004), doi:10.1073/pnas.0400087101.
///
/// # Errors
/// [`Error::InvalidParameter`] (`weighting`) for
/// [`ClusteringWeighting::Barrat`] on a directed graph.
pub fn local_clustering(g: &Csr, opts: &ClusteringOptions) -> Result<Vec<f64>> {
    let n = g.node_count();
    let directed = g.is_directed();
    let undefined = match opts.undefined {
        Undefined::Zero => 0.0,
        Undefined::Nan => f64::NAN,
    };
    if !directed && opts.weighting == ClusteringWeighting::Unweighted {
        // 2 T_i / (k_i (k_i - 1)) from integer counts: the same bits as the general path.
        let f = Forward::new(g);
        return Ok(f.per_node_map(n >= PARALLEL_MIN_NODES, |t, k| {
            let (num, k) = (2.0 * t as f64, k as f64);
            let den = k * (k - 1.0);
            if den > 0.0 { num / den } else { undefined }
        }));
    }
    let max_w = g.arcs().map(|(_, _, w)| w).fold(0.0f64, f64::max);
    let (num, den): (Vec<f64>, Vec<f64>) = match opts.weighting {
        ClusteringWeighting::Barrat => {
            if directed {
                return Err(Error::InvalidParameter {
                    name: "weighting",
                    reason: "Barrat clustering needs an undirected graph (igraph collapses a digraph: use to_undirected)".into(),
                });
            }
            let s = Skeleton::new(g, |w, _| w.unwrap_or(0.0));
            let mut num = vec![0.0; n];
            s.for_each_triangle(|u, v, w, uv, vw, uw| {
                num[u] += uv + uw;
                num[v] += uv + vw;
                num[w] += vw + uw;
            });
            let den = (0..n)
                .map(|i| {
                    let k = s.degree(i) as f64;
                    let st: f64 = s.val[s.off[i]..s.off[i + 1]].iter().sum();
                    st * (k - 1.0)
                })
                .collect();
            (num, den)
        }
        weighting => {
            let geo = weighting == ClusteringWeighting::GeometricMean;
            // pair value: S_ij for directed (sum over present arcs of 1 or ŵ^{1/3}),
            // 1 or ŵ^{1/3} for undirected.
            let one = |w: Option<f64>| match w {
                None => 0.0,
                Some(w) if geo => (w / max_w).cbrt(),
                Some(_) => 1.0,
            };
            let s = if directed {
                Skeleton::new(g, |a, b| one(a) + one(b))
            } else {
                Skeleton::new(g, |a, _| one(a))
            };
            let mut num = vec![0.0; n];
            s.for_each_triangle(|u, v, w, uv, vw, uw| {
                let x = 2.0 * uv * vw * uw;
                num[u] += x;
                num[v] += x;
                num[w] += x;
            });
            let den = (0..n)
                .map(|i| {
                    if directed {
                        let out = g.out_neighbors(i).iter().filter(|&&v| v as usize != i);
                        let kin = g
                            .in_neighbors(i)
                            .iter()
                            .filter(|&&v| v as usize != i)
                            .count();
                        let kout = out.clone().count();
                        let both = out
                            .filter(|&&v| g.in_neighbors(i).binary_search(&v).is_ok())
                            .count();
                        let k = (kin + kout) as f64;
                        2.0 * (k * (k - 1.0) - 2.0 * both as f64)
                    } else {
                        let k = s.degree(i) as f64;
                        k * (k - 1.0)
                    }
                })
                .collect();
            (num, den)
        }
    };
    Ok(num
        .iter()
        .zip(&den)
        .map(|(&t, &d)| if d > 0.0 { t / d } else { undefined })
        .collect())
}

/// The mean of [`local_clustering`] over the nodes where it is defined.
///
/// ```text
/// C̄ = (1 / |V'|) Σ_{i ∈ V'} C_i
/// ```
/// `V'` is every node with [`Undefined::Zero`] (undefined nodes count 0), the
/// nodes with a nonzero denominator with [`Undefined::Nan`].
///
/// Equals `networkx.average_clustering(G, count_zeros=True)` (and with
/// `weight="weight"`), igraph `transitivity_avglocal_undirected(mode="zero"|"nan")`
/// on the undirected graph.
///
/// Edge cases: `None` when `V'` is empty (NetworkX raises `ZeroDivisionError`
/// on an empty graph; igraph gives `NaN`).
///
/// Complexity: `O(m^{3/2})`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::cohesion::{average_clustering, ClusteringOptions, Undefined};
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)], Aggregation::Sum);
/// let zero = average_clustering(&g, &ClusteringOptions::default()).unwrap();
/// assert!((zero.unwrap() - (1.0 + 1.0 + 1.0 / 3.0) / 4.0).abs() < 1e-15);
/// let nan = ClusteringOptions { undefined: Undefined::Nan, ..Default::default() };
/// assert!((average_clustering(&g, &nan).unwrap().unwrap() - 7.0 / 9.0).abs() < 1e-15);
/// ```
///
/// # Errors
/// As [`local_clustering`]: [`Error::InvalidParameter`] for
/// [`ClusteringWeighting::Barrat`] on a directed graph.
pub fn average_clustering(g: &Csr, opts: &ClusteringOptions) -> Result<Option<f64>> {
    let c = local_clustering(g, opts)?;
    let defined: Vec<f64> = c.into_iter().filter(|x| !x.is_nan()).collect();
    Ok((!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64))
}

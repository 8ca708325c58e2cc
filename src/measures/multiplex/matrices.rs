//! Dense matrices (`ndarray`): adjacency, supra-adjacency, the group-by-group
//! mixing matrix and the layer-by-layer correlation matrix.

use super::check_layers;
use crate::error::{Error, Result};
use crate::measures::Weights;
use crate::model::{Csr, Partition};
use ndarray::Array2;

/// The `n × n` adjacency matrix of a snapshot.
///
/// ```text
/// A[u][v] = w(u → v)  (Weighted) or 1 (Binary) if the tie u → v exists, else 0
/// ```
///
/// Undirected graphs give a symmetric matrix; a self-loop is `A[u][u]`.
/// Equals `networkx.to_numpy_array(G, weight="weight" | None)` with the nodes
/// in dense-index order.
///
/// Complexity: `O(n^2)` memory and time (dense): meant for small graphs
/// (`n` up to a few thousand).
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{adjacency, Weights};
/// let g = Csr::from_edges(3, true, &[(0, 1, 2.0), (2, 0, 1.0)], Aggregation::Sum);
/// let a = adjacency(&g, Weights::Strength);
/// assert_eq!(a[[0, 1]], 2.0);
/// assert_eq!(a[[1, 0]], 0.0);
/// assert_eq!(a[[2, 0]], 1.0);
/// ```
pub fn adjacency(g: &Csr, entries: Weights) -> Array2<f64> {
    let n = g.node_count();
    let mut a = Array2::zeros((n, n));
    for (u, v, w) in g.arcs() {
        a[[u as usize, v as usize]] = entries.value(w);
    }
    a
}

/// How the copies of a node in different layers are coupled in the
/// supra-adjacency matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Coupling {
    /// Every pair of layers is coupled (layers are categories without order).
    #[default]
    Categorical,
    /// Only consecutive layers `a` and `a + 1` are coupled (ordered layers,
    /// e.g. time slices).
    Ordinal,
}

/// Options of [`supra_adjacency`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SupraOptions {
    /// Weight `ω` of an inter-layer tie between a node's copies (default 1).
    pub omega: f64,
    /// Which layer pairs are coupled (default [`Coupling::Categorical`]).
    pub coupling: Coupling,
    /// Values of the intra-layer blocks (default [`Weights::Ignore`]).
    pub entries: Weights,
}

impl Default for SupraOptions {
    fn default() -> Self {
        SupraOptions {
            omega: 1.0,
            coupling: Coupling::Categorical,
            entries: Weights::Ignore,
        }
    }
}

/// The `nM × nM` supra-adjacency matrix of a multiplex with `M` layers.
///
/// ```text
/// S = [ A^1      ω C_12  ...  ω C_1M ]
///     [ ω C_21   A^2     ...  ω C_2M ]
///     [ ...                          ]
///     [ ω C_M1   ω C_M2  ...  A^M    ]
/// ```
///
/// Node `u` of layer `a` is row `a n + u`. The diagonal blocks are the layers'
/// [`adjacency`] matrices; the off-diagonal block `(a, b)` is `ω I_n` (node `u`
/// in layer `a` tied to its own copy in layer `b`, "diagonal coupling") when
/// the pair is coupled — every pair for [`Coupling::Categorical`], `|a - b| = 1`
/// for [`Coupling::Ordinal`] — and zero otherwise. This is Kivelä et al.'s
/// (2014) supra-adjacency matrix of a multiplex with uniform diagonal
/// coupling `ω` (categorical or ordinal). Not compared with another tool: the
/// tests check it by hand.
///
/// Complexity: `O((nM)^2)` memory (dense); for small multiplexes.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{supra_adjacency, SupraOptions};
/// let a = Csr::from_edges(2, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(2, false, &[], Aggregation::Sum);
/// let opts = SupraOptions { omega: 0.5, ..SupraOptions::default() };
/// let s = supra_adjacency(&[a, b], &opts).unwrap();
/// assert_eq!(s.dim(), (4, 4));
/// assert_eq!(s[[0, 1]], 1.0); // layer 0, node 0 - node 1
/// assert_eq!(s[[0, 2]], 0.5); // node 0, layer 0 - layer 1
/// assert_eq!(s[[2, 3]], 0.0); // layer 1 is empty
/// ```
///
/// References: Kivelä, Arenas, Barthelemy, Gleeson, Moreno & Porter (2014),
/// *Multilayer networks*, J. Complex Netw. 2(3), 203–271, DOI 10.1093/comnet/cnu016.
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's.
/// [`Error::InvalidParameter`] (`omega`) for a `ω` that is not finite.
pub fn supra_adjacency(layers: &[Csr], opts: &SupraOptions) -> Result<Array2<f64>> {
    let (n, _) = check_layers(layers)?;
    if !opts.omega.is_finite() {
        return Err(Error::InvalidParameter {
            name: "omega",
            reason: format!("{} is not finite", opts.omega),
        });
    }
    let m = layers.len();
    let mut s = Array2::zeros((n * m, n * m));
    for (a, g) in layers.iter().enumerate() {
        for (u, v, w) in g.arcs() {
            s[[a * n + u as usize, a * n + v as usize]] = opts.entries.value(w);
        }
        for b in 0..m {
            let coupled = match opts.coupling {
                Coupling::Categorical => a != b,
                Coupling::Ordinal => a.abs_diff(b) == 1,
            };
            if coupled {
                for u in 0..n {
                    s[[a * n + u, b * n + u]] = opts.omega;
                }
            }
        }
    }
    Ok(s)
}

/// The group-by-group (kind-by-kind) mixing matrix: ties from group `a` to group `b`.
///
/// ```text
/// M[a][b] = sum over ties u → v with group(u) = a, group(v) = b of 1 (Binary) or w (Weighted)
/// ```
///
/// Groups are the partition's numbers `0..k` (see [`Partition::labels`]). An
/// undirected tie is counted in both directions, so the matrix is symmetric
/// and a tie inside group `a` adds 2 to `M[a][a]`; a self-loop counts once.
///
/// With [`Weights::Ignore`] this equals
/// `networkx.attribute_mixing_matrix(G, attr, mapping={g: g for g in 0..k}, normalized=False)`
/// (which also counts undirected edges both ways).
///
/// Complexity: `O(n + m + k^2)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr, Partition};
/// use coprod::measures::multiplex::{mixing_matrix, Weights};
/// // party 0 leads block 1 and resident 2; block 1 informs resident 2
/// let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let p = Partition::from_groups(vec![0, 1, 1]);
/// let m = mixing_matrix(&g, &p, Weights::Ignore).unwrap();
/// assert_eq!(m, ndarray::array![[0.0, 2.0], [0.0, 1.0]]);
/// ```
///
/// # Errors
/// [`Error::SizeMismatch`] if the partition does not have one group per node.
pub fn mixing_matrix(g: &Csr, p: &Partition, entries: Weights) -> Result<Array2<f64>> {
    if p.len() != g.node_count() {
        return Err(Error::SizeMismatch {
            what: "the partition".into(),
            expected: g.node_count(),
            found: p.len(),
        });
    }
    let k = p.group_count();
    let mut m = Array2::zeros((k, k));
    for (u, v, w) in g.arcs() {
        m[[p.group(u as usize) as usize, p.group(v as usize) as usize]] += entries.value(w);
    }
    Ok(m)
}

/// The `M × M` matrix of correlations between layers.
///
/// ```text
/// R[a][b] = Pearson correlation of (A^a[i][j]) and (A^b[i][j]) over all i != j
/// ```
///
/// The diagonal of the adjacency matrices is left out (`sna::gcor`'s
/// `diag = FALSE`). For undirected layers every pair appears twice, which
/// leaves the correlation unchanged, so it equals the correlation over the
/// upper triangle (`gcor(..., mode = "graph")`). Equals
/// `sna::gcor(list(A1, ..., AM), mode = "digraph" | "graph")`, i.e.
/// `numpy.corrcoef` of the off-diagonal entries, with binary or weighted
/// entries as chosen.
///
/// Edge cases: `NaN` in every cell of a layer whose off-diagonal entries are
/// all equal (an empty or complete layer; `gcor` gives `NA`); fewer than two
/// nodes make every cell `NaN`.
///
/// Complexity: `O(M^2 (n + m))` with sparse sums (no dense matrix is built).
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{layer_correlation, Weights};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let r = layer_correlation(&[a, b], Weights::Ignore).unwrap();
/// assert!((r[[0, 1]] - 0.5).abs() < 1e-12);
/// assert!((r[[1, 1]] - 1.0).abs() < 1e-12);
/// ```
///
/// References: Butts (2008), *Social network analysis with sna*, J. Stat.
/// Softw. 24(6), DOI 10.18637/jss.v024.i06; Krackhardt (1987), *QAP
/// partialling as a test of spuriousness*, Social Networks 9(2).
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's.
pub fn layer_correlation(layers: &[Csr], entries: Weights) -> Result<Array2<f64>> {
    let (n, _) = check_layers(layers)?;
    let m = layers.len();
    let cells = n as f64 * n.saturating_sub(1) as f64;
    // Sums of entries and of squares over the off-diagonal cells.
    let sums: Vec<(f64, f64)> = layers
        .iter()
        .map(|g| {
            g.arcs()
                .filter(|&(u, v, _)| u != v)
                .fold((0.0, 0.0), |(s, q), (_, _, w)| {
                    let x = entries.value(w);
                    (s + x, q + x * x)
                })
        })
        .collect();
    let var = |(s, q): (f64, f64)| q / cells - (s / cells) * (s / cells);
    let mut r = Array2::from_elem((m, m), f64::NAN);
    for a in 0..m {
        for b in a..m {
            let (va, vb) = (var(sums[a]), var(sums[b]));
            if n < 2 || va <= 0.0 || vb <= 0.0 {
                continue;
            }
            let sxy = cross_sum(&layers[a], &layers[b], entries);
            let cov = sxy / cells - (sums[a].0 / cells) * (sums[b].0 / cells);
            let c = if a == b {
                1.0
            } else {
                (cov / (va * vb).sqrt()).clamp(-1.0, 1.0)
            };
            r[[a, b]] = c;
            r[[b, a]] = c;
        }
    }
    Ok(r)
}

/// `sum_{i != j} A[i][j] B[i][j]` by merging sorted rows.
fn cross_sum(a: &Csr, b: &Csr, entries: Weights) -> f64 {
    let mut s = 0.0;
    for u in 0..a.node_count() {
        let (ra, wa) = (a.out_neighbors(u), a.out_weights(u));
        let (rb, wb) = (b.out_neighbors(u), b.out_weights(u));
        let (mut i, mut j) = (0, 0);
        while i < ra.len() && j < rb.len() {
            match ra[i].cmp(&rb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if ra[i] as usize != u {
                        s += entries.value(wa[i]) * entries.value(wb[j]);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    s
}

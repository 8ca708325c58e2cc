//! How much two or more layers coincide: edge overlap and degree correlation.

use super::{DegreeOptions, check_refs, degree_in};
use crate::error::Result;
use crate::model::Csr;

/// Edge overlap of two layers: the Jaccard index of their tie sets.
///
/// ```text
/// J(a, b) = |E_a ∩ E_b| / |E_a ∪ E_b|
/// ```
///
/// `E_a` is the set of ties of layer `a`: ordered pairs `(u, v)` if directed,
/// unordered pairs `{u, v}` if undirected; weights are ignored.
///
/// Equals multinet's `layer_comparison_ml(net, method = "jaccard.edges")`
/// (uunet `layer_comparison`) when both layers hold every actor.
///
/// Edge cases: `None` when both layers are empty. Symmetric in `a` and `b`.
///
/// Complexity: `O(n + m_a + m_b)` (a merge of sorted neighbour lists).
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::edge_overlap;
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(1, 0, 5.0)], Aggregation::Sum);
/// assert_eq!(edge_overlap(&a, &b).unwrap(), Some(0.5));
/// ```
///
/// References: Bródka, Chmiel, Magnani & Ragozini (2018), *Quantifying layer
/// similarity in multiplex networks: a systematic study*, R. Soc. Open Sci. 5,
/// 171747, DOI 10.1098/rsos.171747.
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) if the layers differ
/// in node count; [`Error::InvalidParameter`](crate::Error::InvalidParameter)
/// (`layers`) if one is directed and the other not.
pub fn edge_overlap(a: &Csr, b: &Csr) -> Result<Option<f64>> {
    overlap_of(&[a, b])
}

/// Global overlap of several layers: ties present in every layer over ties
/// present in any.
///
/// ```text
/// O = |∩_a E_a| / |∪_a E_a|
/// ```
///
/// With two layers this is [`edge_overlap`]; with one it is 1 (or `None` if the
/// layer is empty). Edge cases: `None` when every layer is empty.
///
/// Complexity: `O(n + m log d)`, `m` the total number of ties.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::global_overlap;
/// let a = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, true, &[(0, 1, 1.0), (2, 1, 1.0)], Aggregation::Sum);
/// let c = Csr::from_edges(3, true, &[(0, 1, 1.0)], Aggregation::Sum);
/// assert_eq!(global_overlap(&[a, b, c]).unwrap(), Some(1.0 / 3.0));
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`](crate::Error::InvalidParameter) (`layers`)
/// for an empty `layers`, or layers that are not all directed or all
/// undirected; [`Error::SizeMismatch`](crate::Error::SizeMismatch) for a layer
/// whose node count differs from layer 0's.
pub fn global_overlap(layers: &[Csr]) -> Result<Option<f64>> {
    let refs: Vec<&Csr> = layers.iter().collect();
    overlap_of(&refs)
}

fn overlap_of(layers: &[&Csr]) -> Result<Option<f64>> {
    let (n, directed) = check_refs(layers)?;
    let l = layers.len();
    let (mut inter, mut union) = (0usize, 0usize);
    let mut buf: Vec<u32> = Vec::new();
    for u in 0..n {
        buf.clear();
        for g in layers.iter() {
            let row = g.out_neighbors(u);
            // Undirected: each edge once, from its smaller end.
            let start = if directed {
                0
            } else {
                row.partition_point(|&v| (v as usize) < u)
            };
            buf.extend_from_slice(&row[start..]);
        }
        buf.sort_unstable();
        let mut i = 0;
        while i < buf.len() {
            let mut j = i + 1;
            while j < buf.len() && buf[j] == buf[i] {
                j += 1;
            }
            union += 1;
            if j - i == l {
                inter += 1;
            }
            i = j;
        }
    }
    Ok((union > 0).then(|| inter as f64 / union as f64))
}

/// Which correlation coefficient [`degree_correlation`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Correlation {
    /// Pearson's product-moment correlation (`scipy.stats.pearsonr`).
    #[default]
    Pearson,
    /// Spearman's rank correlation, ties given their average rank
    /// (`scipy.stats.spearmanr`).
    Spearman,
}

/// Correlation of the per-node degrees of two layers.
///
/// ```text
/// r = sum_i (x_i - mean x)(y_i - mean y) / sqrt( sum_i (x_i - mean x)^2 * sum_i (y_i - mean y)^2 )
/// ```
///
/// `x_i = k_i^a`, `y_i = k_i^b` are the degrees of node `i` in the two layers
/// (per [`DegreeOptions::direction`]); for [`Correlation::Spearman`] they are
/// replaced by their ranks (ties get the average rank).
///
/// Equals `scipy.stats.pearsonr(x, y)` / `scipy.stats.spearmanr(x, y)` on the
/// degree vectors, and multinet's `layer_comparison_ml(net, method =
/// "pearson.degree" | "rho.degree", mode)` when every actor is in both layers.
///
/// Edge cases: `None` when a degree vector is constant (e.g. an empty layer)
/// or there are fewer than two nodes.
///
/// Complexity: `O(n)` for Pearson, `O(n log n)` for Spearman.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{degree_correlation, Correlation, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let r = degree_correlation(&a, &b, Correlation::Pearson, &DegreeOptions::default()).unwrap();
/// assert!((r.unwrap() - 1.0).abs() < 1e-12);
/// ```
///
/// References: Nicosia & Latora (2015), *Measuring and modeling correlations
/// in multiplex networks*, Phys. Rev. E 92, 032805, DOI 10.1103/PhysRevE.92.032805.
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) if the layers differ
/// in node count; [`Error::InvalidParameter`](crate::Error::InvalidParameter)
/// (`layers`) if one is directed and the other not.
pub fn degree_correlation(
    a: &Csr,
    b: &Csr,
    method: Correlation,
    opts: &DegreeOptions,
) -> Result<Option<f64>> {
    let (n, _) = check_refs(&[a, b])?;
    let deg = |g: &Csr| -> Vec<f64> {
        (0..n)
            .map(|u| degree_in(g, u, opts.direction) as f64)
            .collect()
    };
    let (mut x, mut y) = (deg(a), deg(b));
    if method == Correlation::Spearman {
        x = ranks(&x);
        y = ranks(&y);
    }
    Ok(pearson(&x, &y))
}

/// Pearson correlation of two equally long samples; `None` if either is constant.
pub(crate) fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 {
        return None;
    }
    let mx = x.iter().sum::<f64>() / n as f64;
    let my = y.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (&a, &b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Ranks `1..=n`, ties sharing their average rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&i, &j| x[i].total_cmp(&x[j]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i + 1;
        while j < idx.len() && x[idx[j]] == x[idx[i]] {
            j += 1;
        }
        let avg = (i + j + 1) as f64 / 2.0; // mean of ranks i+1 ..= j
        for &k in &idx[i..j] {
            r[k] = avg;
        }
        i = j;
    }
    r
}

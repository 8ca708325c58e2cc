//! The (q, s) significance test of KM-config core–periphery pairs.

use super::km_config::{CorePeripheryPairs, KmDetectOptions, km_config_detect, km_config_quality};
use crate::error::{Error, Result};
use crate::measures::Weights;
use crate::model::{Aggregation, Csr};
use crate::random::{CoprodRng, below, stream, unit};
use rand_core::Rng;
use std::collections::BTreeSet;

/// The configuration model the randomised networks are drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QsNull {
    /// Every degree kept exactly: double-edge swaps of the simple graph
    /// (`swaps_per_edge · m` trials, a swap that would make a self-loop or a
    /// repeated edge rejected). Default.
    #[default]
    DegreeSwaps,
    /// Degrees kept in expectation (Chung–Lu): each pair `u < v` tied with
    /// probability `min(1, d_u d_v / 2M)`, no self-loops. cpnet 0.0.21's
    /// `qstest` draws `networkx.expected_degree_graph(deg)` (which also allows
    /// self-loops).
    ExpectedDegree,
}

/// Options of [`km_config_qs_test`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QsTestOptions {
    /// Randomised networks (default 500, as Kojaku & Masuda).
    pub randomisations: usize,
    /// Label-switching runs per randomised network (default 10).
    pub runs: usize,
    /// The randomised networks' model (default [`QsNull::DegreeSwaps`]).
    pub null: QsNull,
    /// Double-edge swap trials per edge of each randomisation (default 10).
    pub swaps_per_edge: u64,
    /// Family-wise significance level before the Šidák correction (default 0.05).
    pub alpha: f64,
    /// Seed: randomisation `r` draws from [`stream`]`(seed, r)` (default 0).
    pub seed: u64,
}

impl Default for QsTestOptions {
    fn default() -> Self {
        QsTestOptions {
            randomisations: 500,
            runs: 10,
            null: QsNull::DegreeSwaps,
            swaps_per_edge: 10,
            alpha: 0.05,
            seed: 0,
        }
    }
}

/// One pair's test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairSignificance {
    /// The pair's id.
    pub id: u32,
    /// Its quality `q`.
    pub quality: f64,
    /// Its size `s` (nodes).
    pub size: usize,
    /// `P(q̃ ≥ q | s̃ = s)` under the kernel density of the randomised pairs;
    /// `None` when that density is degenerate (fewer than 2 randomised pairs,
    /// or all of one quality or one size, or quality and size perfectly correlated).
    pub p_value: Option<f64>,
    /// `p_value < alpha` of the [`QsTest`] (`None` when `p_value` is).
    pub significant: Option<bool>,
}

/// The (q, s) test of a division.
#[derive(Debug, Clone, PartialEq)]
pub struct QsTest {
    /// The pairs, by ascending id.
    pub pairs: Vec<PairSignificance>,
    /// The Šidák-corrected level `1 − (1 − α)^(1/C)` for `C` pairs.
    pub alpha: f64,
    /// The `(q̃, s̃)` of every pair found in the randomised networks.
    pub null: Vec<(f64, usize)>,
}

impl QsTest {
    /// The number of significant pairs.
    pub fn significant_pairs(&self) -> usize {
        self.pairs
            .iter()
            .filter(|p| p.significant == Some(true))
            .count()
    }
}

/// Kojaku & Masuda's (q, s) test: is each core–periphery pair of `division`
/// stronger than the pairs of its size that KM-config finds in
/// configuration-model randomisations of the graph?
///
/// ```text
/// null:   R randomisations of the (unweighted) graph keeping every degree
///         (QsNull::DegreeSwaps, default: double-edge swaps) or every expected
///         degree (QsNull::ExpectedDegree, Chung–Lu, as cpnet); in each,
///         km_config_detect(runs) → pairs with quality q̃_i and size s̃_i,
///         i = 1..C̃ over all randomisations
/// σ_q, σ_s, ρ: sample standard deviations (C̃ − 1) and correlation of (q̃, s̃)
/// h = C̃^(−1/6)                              (Scott's rule, two dimensions)
/// for a pair of quality q and size s, the Gaussian kernel density of
/// (q̃, s̃) with covariance h² Σ, conditioned on s̃ = s:
///   w_i = exp(−(s − s̃_i)² / (2 h² σ_s²))
///   p   = 1 − Σ_i w_i Φ((q − q̃_i − ρ σ_q (s − s̃_i) / σ_s) / (h σ_q √(1 − ρ²))) / Σ_i w_i
/// significant: p < 1 − (1 − α)^(1/C)        (Šidák, C pairs tested)
/// ```
///
/// Φ is the standard normal distribution function (computed from `erfc`,
/// to about 1e-15). Randomisation `r` draws its swaps and its detection's
/// seed from `stream(seed, r)`, so the result is deterministic; qualities are
/// computed with weights ignored ([`Weights::Ignore`]) for the division and
/// the null alike.
///
/// Edge cases: a graph without edges has no pair quality (an error); a
/// degenerate null density gives `p_value: None`.
///
/// Complexity: `O(R · (swaps_per_edge · m log m + runs · sweeps · (n + m)))`.
///
/// ```
/// use coprod::measures::core_periphery::{CorePeripheryPairs, QsTestOptions, km_config_qs_test};
/// use coprod::model::{Aggregation, Csr};
/// // A 5-clique core with 10 periphery nodes each tied to two core nodes.
/// let mut e = vec![];
/// for u in 0..5u32 { for v in u + 1..5 { e.push((u, v, 1.0)); } }
/// for p in 5..15u32 { e.push((p % 5, p, 1.0)); e.push(((p + 1) % 5, p, 1.0)); }
/// let g = Csr::from_edges(15, false, &e, Aggregation::Sum);
/// let div = CorePeripheryPairs { pair: vec![0; 15], core: (0..15).map(|u| u < 5).collect() };
/// let opts = QsTestOptions { randomisations: 50, ..Default::default() };
/// let t = km_config_qs_test(&g, &div, &opts).unwrap();
/// assert_eq!(t.pairs.len(), 1);
/// assert_eq!(t, km_config_qs_test(&g, &div, &opts).unwrap());
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a directed graph, a graph without edges,
/// fewer than 2 randomisations, `runs == 0` or `alpha` outside `(0, 1)`;
/// [`Error::SizeMismatch`] for a division of another size.
///
/// # References
/// Kojaku, S. & Masuda, N. (2018). Core–periphery structure requires something
/// else in the network. *New Journal of Physics* 20, 043012.
/// <https://doi.org/10.1088/1367-2630/aab547>. Šidák, Z. (1967). Rectangular
/// confidence regions for the means of multivariate normal distributions.
/// *Journal of the American Statistical Association* 62(318), 626–633.
/// <https://doi.org/10.1080/01621459.1967.10482935>
pub fn km_config_qs_test(
    g: &Csr,
    division: &CorePeripheryPairs,
    options: &QsTestOptions,
) -> Result<QsTest> {
    if options.randomisations < 2 {
        return Err(Error::InvalidParameter {
            name: "randomisations",
            reason: format!(
                "{}: the null density needs at least 2",
                options.randomisations
            ),
        });
    }
    if options.alpha.is_nan() || options.alpha <= 0.0 || options.alpha >= 1.0 {
        return Err(Error::InvalidParameter {
            name: "alpha",
            reason: format!("{} is not in (0, 1)", options.alpha),
        });
    }
    let observed = km_config_quality(g, division, Weights::Ignore)?.ok_or_else(|| {
        Error::InvalidParameter {
            name: "graph",
            reason: "no edges: no core-periphery pair has a quality".into(),
        }
    })?;
    let edges: Vec<(u32, u32)> = g
        .edges()
        .filter(|&(u, v, _)| u != v)
        .map(|(u, v, _)| (u.min(v), u.max(v)))
        .collect();
    let mut null = Vec::new();
    for r in 0..options.randomisations {
        let mut rng = stream(options.seed, r as u64);
        let swapped = match options.null {
            QsNull::DegreeSwaps => swap_edges(&edges, options.swaps_per_edge, &mut rng),
            QsNull::ExpectedDegree => expected_degree(g.node_count(), &edges, &mut rng),
        };
        let e: Vec<(u32, u32, f64)> = swapped.iter().map(|&(u, v)| (u, v, 1.0)).collect();
        let h = Csr::from_edges(g.node_count(), false, &e, Aggregation::Sum);
        let detect = KmDetectOptions {
            runs: options.runs,
            seed: rng.next_u64(),
            weights: Weights::Ignore,
        };
        let div = km_config_detect(&h, &detect)?;
        if let Some(q) = km_config_quality(&h, &div, Weights::Ignore)? {
            null.extend(q.pairs.iter().map(|p| (p.quality, p.size)));
        }
    }
    let c = observed.pairs.len() as f64;
    let alpha = 1.0 - (1.0 - options.alpha).powf(1.0 / c);
    let pairs = observed
        .pairs
        .iter()
        .map(|p| {
            let p_value = p_value(p.quality, p.size as f64, &null);
            PairSignificance {
                id: p.id,
                quality: p.quality,
                size: p.size,
                p_value,
                significant: p_value.map(|x| x < alpha),
            }
        })
        .collect();
    Ok(QsTest { pairs, alpha, null })
}

/// `P(q̃ ≥ q | s̃ = s)` under the conditioned kernel density (module formula).
fn p_value(q: f64, s: f64, null: &[(f64, usize)]) -> Option<f64> {
    let k = null.len();
    if k < 2 {
        return None;
    }
    let kf = k as f64;
    let mq = null.iter().map(|x| x.0).sum::<f64>() / kf;
    let ms = null.iter().map(|x| x.1 as f64).sum::<f64>() / kf;
    let (mut vq, mut vs, mut cqs) = (0.0, 0.0, 0.0);
    for &(a, b) in null {
        let (dq, ds) = (a - mq, b as f64 - ms);
        vq += dq * dq;
        vs += ds * ds;
        cqs += dq * ds;
    }
    let (sq, ss) = ((vq / (kf - 1.0)).sqrt(), (vs / (kf - 1.0)).sqrt());
    if sq.is_nan() || ss.is_nan() || sq <= 0.0 || ss <= 0.0 {
        return None;
    }
    let rho = cqs / (vq.sqrt() * vs.sqrt());
    if rho.is_nan() || rho.abs() >= 1.0 {
        return None;
    }
    let h = kf.powf(-1.0 / 6.0);
    let (mut num, mut den) = (0.0, 0.0);
    for &(qi, si) in null {
        let ds = s - si as f64;
        let w = (-(ds * ds) / (2.0 * h * h * ss * ss)).exp();
        let z = (q - qi - rho * sq * ds / ss) / (h * sq * (1.0 - rho * rho).sqrt());
        num += w * normal_cdf(z);
        den += w;
    }
    if den > 0.0 {
        Some((1.0 - num / den).clamp(0.0, 1.0))
    } else {
        // s lies far outside every randomised size: the density there is 0
        // in floating point.
        None
    }
}

/// `edges` (i < j, distinct) after `per_edge · m` double-edge swap trials.
fn swap_edges(edges: &[(u32, u32)], per_edge: u64, rng: &mut CoprodRng) -> Vec<(u32, u32)> {
    let mut e = edges.to_vec();
    let m = e.len() as u64;
    if m < 2 {
        return e;
    }
    let mut present: BTreeSet<(u32, u32)> = e.iter().copied().collect();
    let key = |a: u32, b: u32| (a.min(b), a.max(b));
    for _ in 0..per_edge.saturating_mul(m) {
        let (i, j) = (below(rng, m) as usize, below(rng, m) as usize);
        let flip = below(rng, 2) == 1;
        if i == j {
            continue;
        }
        let (a, b) = e[i];
        let (c, d) = if flip { (e[j].1, e[j].0) } else { e[j] };
        // (a, b), (c, d) → (a, d), (c, b)
        if a == d || c == b {
            continue;
        }
        let (x, y) = (key(a, d), key(c, b));
        if x == y || present.contains(&x) || present.contains(&y) {
            continue;
        }
        present.remove(&e[i]);
        present.remove(&e[j]);
        present.insert(x);
        present.insert(y);
        e[i] = x;
        e[j] = y;
    }
    e.sort_unstable();
    e
}

/// A Chung–Lu graph with the expected degrees of `edges` over `n` nodes:
/// pairs `u < v` in order, each tied when a uniform draw is below
/// `min(1, d_u d_v / 2M)`.
fn expected_degree(n: usize, edges: &[(u32, u32)], rng: &mut CoprodRng) -> Vec<(u32, u32)> {
    let mut d = vec![0.0f64; n];
    for &(u, v) in edges {
        d[u as usize] += 1.0;
        d[v as usize] += 1.0;
    }
    let two_m = 2.0 * edges.len() as f64;
    let mut out = Vec::new();
    for u in 0..n {
        if d[u] == 0.0 {
            continue;
        }
        for v in u + 1..n {
            if d[v] > 0.0 && unit(rng) < (d[u] * d[v] / two_m).min(1.0) {
                out.push((u as u32, v as u32));
            }
        }
    }
    out
}

/// The standard normal distribution function `Φ(z) = erfc(−z/√2) / 2`.
pub(crate) fn normal_cdf(z: f64) -> f64 {
    0.5 * erfc(-z / std::f64::consts::SQRT_2)
}

/// The complementary error function: the Taylor series of erf for |x| < 1,
/// the continued fraction of erfc (500 terms, evaluated backwards) beyond;
/// relative error below 1e-15 (checked against `scipy.special.erfc`).
fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x.abs() < 1.0 {
        let (mut term, mut sum) = (x, x);
        let x2 = x * x;
        for n in 1..200 {
            term *= -x2 / n as f64;
            let t = term / (2 * n + 1) as f64;
            sum += t;
            if t.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        1.0 - 2.0 / std::f64::consts::PI.sqrt() * sum
    } else if x > 0.0 {
        // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
        let mut f = x;
        for k in (1..=500).rev() {
            f = x + (k as f64 / 2.0) / f;
        }
        (-x * x).exp() / std::f64::consts::PI.sqrt() / f
    } else {
        2.0 - erfc(-x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_distribution_function_is_accurate() {
        // Values of scipy.stats.norm.cdf (scipy 1.17.1).
        for (z, want) in [
            (0.0, 0.5),
            (1.959963984540054, 0.975),
            (-1.0, 0.15865525393145707),
            (2.5, 0.9937903346742238),
            (-3.5, 2.3262907903552502e-04),
            (-5.0, 2.866515718791933e-07),
            (-8.0, 6.22096057427174e-16),
        ] {
            let got = normal_cdf(z);
            assert!(
                ((got - want) / want).abs() < 1e-12,
                "Φ({z}) = {got}, want {want}"
            );
        }
    }

    #[test]
    fn swaps_keep_degrees_and_simplicity() {
        let e: Vec<(u32, u32)> = vec![(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (1, 4), (0, 5)];
        let s = swap_edges(&e, 50, &mut stream(3, 0));
        let deg = |e: &[(u32, u32)]| {
            let mut d = [0; 6];
            for &(u, v) in e {
                d[u as usize] += 1;
                d[v as usize] += 1;
            }
            d
        };
        assert_eq!(deg(&s), deg(&e));
        assert!(s.iter().all(|&(u, v)| u < v));
        let set: BTreeSet<_> = s.iter().collect();
        assert_eq!(set.len(), s.len());
        assert_ne!(s, e);
    }
}

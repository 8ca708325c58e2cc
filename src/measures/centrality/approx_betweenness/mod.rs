//! Approximate betweenness with a guarantee: Riondato–Kornaropoulos (a fixed
//! sample size) and KADABRA (adaptive stopping), and group betweenness by
//! sampling.

mod bound;
mod group;
mod kadabra;

pub use bound::{rk_sample_size, vertex_diameter_bound};
pub use group::{ApproxGroupBetweennessOptions, approx_group_betweenness};

use super::Parallelism;
use crate::error::{Error, Result};
use crate::measures::EdgeLength;
use crate::measures::parallel::{Pool, map_chunks};
use crate::measures::paths::PathSampler;
use crate::model::Csr;
use crate::progress::Progress;
use crate::random::stream;
use bound::check_unit;
use indicatif::ProgressBar;

/// Which estimator [`approx_betweenness`] runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ApproxMethod {
    /// Riondato–Kornaropoulos: the sample size fixed in advance from ε, δ and
    /// the vertex-diameter bound.
    #[default]
    RiondatoKornaropoulos,
    /// KADABRA: samples drawn until per-node stopping conditions hold (at most
    /// the Riondato–Kornaropoulos size for δ/2).
    Kadabra,
}

/// Options of [`approx_betweenness`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApproxBetweennessOptions {
    /// The estimator.
    pub method: ApproxMethod,
    /// The largest error allowed on any node's NetworkX-normalised score, in `(0, 1)`.
    pub epsilon: f64,
    /// The probability allowed for any error to exceed `epsilon`, in `(0, 1)`.
    pub delta: f64,
    /// Seed of the draws: sample `i` comes from [`crate::random::stream`]`(seed, i)`.
    pub seed: u64,
    /// Must be [`EdgeLength::Hops`] (hop counts); `Distance` is an error.
    pub weighting: EdgeLength,
    /// Sequential or parallel over samples (same results either way).
    pub parallelism: Parallelism,
    /// A bar counting samples on a terminal ([`Progress::Auto`], the default)
    /// or none; it never changes the scores. Its length is the most samples
    /// the method can draw (`r`, or `⌈ω/20⌉ + ω` for KADABRA); a KADABRA run
    /// that stops early clears it at the stop.
    pub progress: Progress,
}

impl Default for ApproxBetweennessOptions {
    /// ε = 0.01, δ = 0.1, seed 0, Riondato–Kornaropoulos, hop counts, a bar on a terminal.
    fn default() -> Self {
        ApproxBetweennessOptions {
            method: ApproxMethod::default(),
            epsilon: 0.01,
            delta: 0.1,
            seed: 0,
            weighting: EdgeLength::Hops,
            parallelism: Parallelism::Auto,
            progress: Progress::Auto,
        }
    }
}

/// The result of [`approx_betweenness`].
#[derive(Debug, Clone, PartialEq)]
pub struct ApproxBetweenness {
    /// Estimated betweenness of every node, NetworkX-normalised, dense-index order.
    pub scores: Vec<f64>,
    /// Samples the estimate is made of.
    pub samples: u64,
    /// The Riondato–Kornaropoulos size: `r` (RK), or `ω` for δ/2 (KADABRA's cap).
    pub max_samples: u64,
    /// KADABRA's first-phase samples, used only to share δ out among the nodes (0 for RK).
    pub calibration_samples: u64,
    /// The vertex-diameter bound used ([`vertex_diameter_bound`]).
    pub vertex_diameter_bound: usize,
}

/// Estimated shortest-path betweenness of every node, within `ε` of the exact
/// NetworkX-normalised value at every node with probability at least `1 − δ`.
///
/// # Definition and normalisation
/// ```text
/// b(v)   = 1/(n(n−1)) Σ_{s ≠ t} σ_st(v) / σ_st                    (pair fraction)
/// B_N(v) = 1/((n−1)(n−2)) Σ_{s ≠ t; s, t ≠ v} σ_st(v) / σ_st = n/(n−2) · b(v)
/// ```
/// The sums run over ordered pairs of distinct nodes; `σ_st` counts the
/// shortest `s → t` paths (hop counts; arcs followed forwards in a digraph)
/// and `σ_st(v)` those with `v` as an inner node (a pair with no path adds
/// 0). `b(v)` is the probability that a uniform ordered pair and a uniform
/// shortest path between them have `v` inside — what both papers estimate.
/// `B_N` is [`betweenness`](super::betweenness) with its default options,
/// `networkx.betweenness_centrality(G, normalized=True)`, in both cases:
/// for a digraph NetworkX divides the ordered-pair sum by `(n−1)(n−2)`; for an
/// undirected graph it divides the unordered-pair sum, half the ordered one,
/// by `(n−1)(n−2)/2`. Pairs with `v` as an end add nothing to either sum.
///
/// Each sample draws an ordered pair `(s, t)`, `s ≠ t`, uniformly, and one
/// shortest `s → t` path uniformly among all of them (a balanced bidirectional
/// breadth-first search with σ-weighted backtracking, both sides expanded a
/// level at a time, the side with the smaller frontier degree first); the
/// estimate is
/// ```text
/// b̃(v) = (number of samples whose path has v inside) / τ        B̃_N(v) = n/(n−2) · b̃(v)
/// ```
/// after `τ` samples. Both estimators run on the pair-fraction scale with
/// `ε' = ε (n−2)/n`, so that `|b̃ − b| ≤ ε'` is `|B̃_N − B_N| ≤ ε`.
///
/// # Guarantee and sample sizes
/// With probability at least `1 − δ`, `|B̃_N(v) − B_N(v)| ≤ ε` for every node `v` at once.
///
/// * [`ApproxMethod::RiondatoKornaropoulos`]: `τ = r` samples,
///   ```text
///   r = ⌈(c / ε'²) (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉       c = 0.5
///   ```
///   with `VD` the [`vertex_diameter_bound`] (an upper bound on the most nodes
///   on a shortest path: per strong component, `ecc⁺ + ecc⁻ + 1` from its
///   smallest node, capped by its size — undirected, `2 · ecc + 1` per
///   connected component — summed along the longest chain of the
///   condensation). See [`rk_sample_size`].
/// * [`ApproxMethod::Kadabra`]: `ω = r` for `δ/2` is the most samples drawn.
///   A first phase of `⌈ω/20⌉` samples (used for nothing else) estimates every
///   node roughly and shares `δ/2` out as per-node failure probabilities
///   `δ_L(v) + δ_U(v)`; the second phase draws fresh samples and, at the
///   check points `τ_0 = ⌈ω/20⌉`, `τ_{j+1} = min(ω, τ_j + ⌈τ_j/20⌉)`, stops as
///   soon as every node satisfies the paper's two conditions
///   ```text
///   f(b̃, δ_L, ω, τ) = (1/τ) ln(1/δ_L) (1/3 − ω/τ + √((1/3 − ω/τ)² + 2 b̃ ω / ln(1/δ_L))) ≤ ε'
///   g(b̃, δ_U, ω, τ) = (1/τ) ln(1/δ_U) (1/3 + ω/τ + √((1/3 + ω/τ)² + 2 b̃ ω / ln(1/δ_U))) ≤ ε'
///   ```
///   or at `τ = ω`. `f` and `g` invert Freedman's martingale inequality for
///   the `τ ≤ ω` samples (variance at most `ω b(v)`): with probability
///   `1 − δ_L(v)`, `b(v) ≥ b̃(v) − f` at every `τ ≤ ω`, and with `1 − δ_U(v)`,
///   `b(v) ≤ b̃(v) + g`. A stop at `ω` rests on the Riondato–Kornaropoulos bound
///   for `δ/2`. The check points and the sharing depend only on the seed and
///   the samples, never on the threads.
///
/// Every sample `i` draws from [`crate::random::stream`]`(seed, i)` (KADABRA's
/// second phase continues the indices after the first), samples are cut into
/// fixed chunks and counted in chunk order with integers, so 1 and 2 threads
/// give the same scores, bit for bit.
///
/// # Reference
/// Estimates `networkx.betweenness_centrality(G, normalized=True)` (hop
/// counts, `endpoints=False`), which [`betweenness`](super::betweenness)
/// equals. NetworKit's estimators report other scales (checked on a
/// 10^4-node community against the exact values, `benches/peers/peers.py`):
/// `ApproxBetweenness(G, ε, δ)` reports `b = (n−2)/n · B_N`, the pair fraction
/// both papers estimate, and `KadabraBetweenness(G, ε, δ)` reports `2b` on an
/// undirected graph; both take `ε` on the `b` scale, where this function's
/// `ε` is on the `B_N` scale (it runs with `ε' = ε (n−2)/n`).
///
/// # Edge cases
/// `n < 3`, or a `VD` bound of at most 2 (no shortest path has an inner
/// node): every score is exactly 0 and no sample is drawn. Isolates and
/// unreachable pairs are sampled like any other and add 0.
///
/// # Errors
/// [`Error::InvalidParameter`] for `epsilon` or `delta` outside `(0, 1)`, for
/// `EdgeLength::Weight` (the estimators count hops; weights would be
/// ignored), or for a sample size beyond 2^53.
///
/// # Complexity
/// `O(n + m)` for the bound, then `O(m)` per sample at worst (a bidirectional
/// search usually touches far fewer ties); `O(n)` memory per worker.
/// Riondato–Kornaropoulos draws `r` samples, KADABRA at most `ω + ⌈ω/20⌉`
/// and usually far fewer; its checks cost `O(n)` each.
///
/// ```
/// use coprod::measures::centrality::{approx_betweenness, ApproxBetweennessOptions, ApproxMethod};
/// use coprod::model::{Aggregation, Csr};
/// // a star: the centre lies on every path between two leaves, B_N = 1
/// let g = Csr::from_edges(5, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (0, 4, 1.0)], Aggregation::Sum);
/// for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
///     let opts = ApproxBetweennessOptions { method, epsilon: 0.05, seed: 1, ..Default::default() };
///     let b = approx_betweenness(&g, &opts).unwrap();
///     assert!((b.scores[0] - 1.0).abs() <= 0.05);
///     assert_eq!(b.scores[1], 0.0);
/// }
/// ```
///
/// # References
/// * Riondato, M. & Kornaropoulos, E. M. (2014). Fast approximation of
///   betweenness centrality through sampling. *WSDM 2014*, 413–422.
///   doi:10.1145/2556195.2556224
/// * Borassi, M. & Natale, E. (2016). KADABRA is an ADaptive Algorithm for
///   Betweenness via Random Approximation. *ESA 2016*, LIPIcs 57, 20:1–20:18.
///   doi:10.4230/LIPIcs.ESA.2016.20
/// * Freedman, D. A. (1975). On tail probabilities for martingales. *Ann.
///   Probab.* 3(1), 100–118. doi:10.1214/aop/1176996452
pub fn approx_betweenness(g: &Csr, opts: &ApproxBetweennessOptions) -> Result<ApproxBetweenness> {
    check_options(opts.epsilon, opts.delta, opts.weighting)?;
    let n = g.node_count();
    let vd = vertex_diameter_bound(g);
    let eps = pair_epsilon(opts.epsilon, n);
    let zero = |max_samples| ApproxBetweenness {
        scores: vec![0.0; n],
        samples: 0,
        max_samples,
        calibration_samples: 0,
        vertex_diameter_bound: vd,
    };
    if n < 3 || vd <= 2 {
        return Ok(zero(0));
    }
    let par = opts.parallelism.enabled(n);
    let pool = Pool::new(|| PathSampler::new(n));
    // the most samples the method can draw (the bar's length)
    let cap = match opts.method {
        ApproxMethod::RiondatoKornaropoulos => rk_sample_size(eps, opts.delta, vd)?,
        ApproxMethod::Kadabra => {
            let omega = rk_sample_size(eps, opts.delta / 2.0, vd)?;
            omega + omega.div_ceil(20)
        }
    };
    let what = match opts.method {
        ApproxMethod::RiondatoKornaropoulos => "betweenness (RK)",
        ApproxMethod::Kadabra => "betweenness (KADABRA)",
    };
    let sampler = Sampler {
        g,
        seed: opts.seed,
        par,
        pool: &pool,
        bar: opts.progress.bar(cap, what, "samples"),
    };
    let (counts, samples, max_samples, calibration_samples) = match opts.method {
        ApproxMethod::RiondatoKornaropoulos => {
            let r = cap;
            let mut counts = vec![0u64; n];
            sampler.add(0..r, &mut counts);
            (counts, r, r, 0)
        }
        ApproxMethod::Kadabra => {
            let k = kadabra::run(&sampler, eps, opts.delta, vd)?;
            (k.counts, k.samples, k.omega, k.calibration)
        }
    };
    sampler.bar.finish_and_clear();
    if samples == 0 {
        return Ok(zero(max_samples));
    }
    let scale = n as f64 / (n as f64 - 2.0) / samples as f64;
    Ok(ApproxBetweenness {
        scores: counts.iter().map(|&c| c as f64 * scale).collect(),
        samples,
        max_samples,
        calibration_samples,
        vertex_diameter_bound: vd,
    })
}

/// ε on the pair-fraction scale: `ε (n−2)/n` (see [`approx_betweenness`]).
fn pair_epsilon(epsilon: f64, n: usize) -> f64 {
    if n < 3 {
        epsilon
    } else {
        epsilon * (n as f64 - 2.0) / n as f64
    }
}

/// ε and δ in `(0, 1)`, hop counts only.
fn check_options(epsilon: f64, delta: f64, weighting: EdgeLength) -> Result<()> {
    check_unit("epsilon", epsilon)?;
    check_unit("delta", delta)?;
    if weighting == EdgeLength::Weight {
        return Err(Error::InvalidParameter {
            name: "weighting",
            reason: "Distance: the sampling estimators count hops and would ignore the \
                     weights; use the exact `betweenness` for weighted paths"
                .into(),
        });
    }
    Ok(())
}

/// Samples per chunk of the parallel driver (fixed, independent of threads).
const CHUNK: u64 = 64;

/// Everything a batch of samples needs: the graph, the seed, the workers, and
/// the progress bar (counts samples, never read back).
pub(super) struct Sampler<'a, I> {
    g: &'a Csr,
    seed: u64,
    par: bool,
    pool: &'a Pool<PathSampler, I>,
    bar: ProgressBar,
}

impl<I: Fn() -> PathSampler + Sync> Sampler<'_, I> {
    /// Draw samples `range` (a uniform ordered pair, a uniform shortest path
    /// between them) and add one to `counts[v]` for every inner node `v`.
    fn add(&self, range: std::ops::Range<u64>, counts: &mut [u64]) {
        let (g, seed, bar) = (self.g, self.seed, &self.bar);
        let n = g.node_count();
        let parts = map_chunks(range, CHUNK, self.par, self.pool, |sp, r| {
            let mut inner = Vec::new();
            let len = r.end - r.start;
            for i in r {
                let mut rng = stream(seed, i);
                let (s, t) = PathSampler::pair(n, &mut rng);
                sp.draw(g, s, t, &mut rng);
                inner.extend_from_slice(&sp.inner);
            }
            bar.inc(len);
            inner
        });
        for part in parts {
            for v in part {
                counts[v as usize] += 1;
            }
        }
    }

    fn node_count(&self) -> usize {
        self.g.node_count()
    }
}

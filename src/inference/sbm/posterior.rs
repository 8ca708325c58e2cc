//! The posterior over the number of blocks: a Metropolis–Hastings chain over
//! set partitions whose stationary law is `P(b | A) ∝ exp(−Σ(b))`.
//!
//! # The target
//!
//! ```text
//! π(b) = exp(−Σ(b) + w(B(b))) / Z,     Z = Σ_{b'} exp(−Σ(b') + w(B(b')))
//! P(B = k | A) = Σ_{b : B(b) = k} π(b)
//! ```
//!
//! `b` runs over the **set partitions** of the `N` actors (a partition is
//! its blocks; relabelling the blocks gives the same `b`), `B(b)` is its
//! number of non-empty blocks and `Σ(b)` the description length of
//! [`description_length`](super::description_length) under the given
//! [`SbmOptions`] (degree-corrected by default), i.e. graph-tool's
//! `BlockState(g, b=b, …).entropy()`. `w` is set by [`BlockLabels`]:
//!
//! * [`BlockLabels::Unlabelled`] (default), `w = 0`: `exp(−Σ)` is taken as
//!   the posterior weight of the set partition itself, as in
//!   `P(b₁ | A) / P(b₂ | A) = exp(Σ₂ − Σ₁)`, the reading the candidate
//!   table and the `ln 20` threshold use;
//! * [`BlockLabels::Labelled`], `w = ln B!`: graph-tool's partition prior
//!   `P(b) = Π_r n_r! / N! · C(N−1, B−1)⁻¹ · N⁻¹` is normalised over
//!   *labelled* assignments (labels `0..B`, all used); each set partition
//!   is `B!` of them, so the posterior of the set partition carries the
//!   extra `B!`. The two differ only in how much a
//!   partition with more blocks weighs.
//!
//! # The move and its Hastings ratio
//!
//! From `b` with `B` non-empty blocks: draw a node `v` uniformly (`1/N`),
//! then a target uniformly among the `B` non-empty blocks and one new empty
//! block (`1/(B+1)`). The target may be `v`'s own block, or a new block
//! when `v` is alone: both give back `b` (a null move; the chain stays).
//! Otherwise `b'` is `b` with `v` moved, with
//!
//! ```text
//! B' = B + 1   if v moved to the new block (v was not alone),
//! B' = B − 1   if v was alone and joined another block,
//! B' = B       otherwise.
//! ```
//!
//! The proposal probability of `b → b'` is `c(b, b') / (N (B + 1))`, where
//! `c(b, b')` counts the (node, target) pairs that turn `b` into `b'` (two
//! when two singletons merge: either may move). Sending each such pair
//! `(u, t)` to `(u, u's former block)` maps the moves `b → b'` one-to-one
//! onto the moves `b' → b`, so `c(b, b') = c(b', b)` and
//!
//! ```text
//! q(b' → b) / q(b → b') = (B + 1) / (B' + 1)
//! a(b → b') = min(1, exp(−(Σ(b') − Σ(b)) + w(B') − w(B)) · (B + 1) / (B' + 1))
//! ```
//!
//! is the Metropolis–Hastings acceptance (Hastings 1970,
//! doi:10.1093/biomet/57.1.97). Detailed balance holds for `π`; every set
//! partition reaches every other through single-node moves (via all
//! singletons), and null moves make the chain aperiodic, so the chain
//! converges to `π` from any start. `Σ(b') − Σ(b)` is computed
//! incrementally from the block statistics the move touches (the same
//! `move_delta` as the search's; `O(k_v + B)` per proposal).
//!
//! The test `tests/sbm_posterior.rs` enumerates every set partition of
//! graphs of up to 8 nodes (Bell(8) = 4140), computes `P(B = k | A)`
//! exactly ([`exact_block_posterior`]) and checks the chain's shares within
//! the Monte-Carlo error its own effective sample size implies.
//!
//! # The chain's output and its limits
//!
//! `chains` independent chains (stream `c` of the seed each, run in
//! parallel; the same result on any number of threads), each started from
//! the given partition (the minimiser's best), `burn_in` sweeps discarded
//! (a sweep = `N` proposals), then one sample of `B` every `thin` sweeps.
//! The shares of each `B` pool the chains. Their uncertainty is stated by
//! the effective sample size of each indicator `1{B = k}` and of `B`
//! ([`effective_sample_size`](super::diagnostics) over the chains) and by
//! the split `R̂` of `B` across the chains; the Monte-Carlo standard error of
//! a share `p` is `sqrt(p (1 − p) / ESS)`. Single-node moves mix slowly
//! between well-separated block structures: an `R̂` above 1.01 or an ESS of
//! a few dozen says the shares are not to be trusted at that length.
//!
//! # References
//! T. P. Peixoto, "Nonparametric Bayesian inference of the microcanonical
//! stochastic block model", Phys. Rev. E 95, 012317 (2017),
//! doi:10.1103/PhysRevE.95.012317. T. P. Peixoto, "Efficient Monte Carlo and
//! greedy heuristic for the inference of stochastic block models", Phys.
//! Rev. E 89, 012804 (2014), doi:10.1103/PhysRevE.89.012804. B. Karrer and
//! M. E. J. Newman, Phys. Rev. E 83, 016107 (2011),
//! doi:10.1103/PhysRevE.83.016107.

use super::diagnostics::{effective_sample_size, split_rhat};
use super::entropy::{SbmOptions, description_length};
use super::graph::SbmGraph;
use super::special::ln_factorial;
use super::state::{NeighborBlocks, State};
use crate::error::{Error, Result};
use crate::progress::Progress;
use crate::random::{below, stream, unit};
use indicatif::ProgressBar;
use rayon::prelude::*;
use serde::Serialize;

/// Which law over partitions `exp(−Σ)` stands for (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockLabels {
    /// `P(b | A) ∝ exp(−Σ(b))` over set partitions (default).
    #[default]
    Unlabelled,
    /// `P(b | A) ∝ B! · exp(−Σ(b))` over set partitions: `exp(−Σ)` as the
    /// weight of one labelled assignment, as graph-tool's partition prior is
    /// normalised.
    Labelled,
}

impl BlockLabels {
    fn log_weight(self, blocks: usize) -> f64 {
        match self {
            BlockLabels::Unlabelled => 0.0,
            BlockLabels::Labelled => ln_factorial(blocks as u64),
        }
    }
}

/// The sampler's settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PosteriorOptions {
    /// Seed; chain `c` draws from `random::stream(seed, c)`.
    pub seed: u64,
    /// Independent chains, each from the start (default 4; at least 2 for `R̂`).
    pub chains: usize,
    /// Sweeps (`N` proposals each) discarded at the start of each chain (default 500).
    pub burn_in: usize,
    /// Samples of `B` kept per chain (default 2000).
    pub samples: usize,
    /// Sweeps between two samples (default 10).
    pub thin: usize,
    /// The law over partitions (default [`BlockLabels::Unlabelled`]).
    pub labels: BlockLabels,
    /// A bar counting sweeps of every chain on a terminal ([`Progress::Auto`], the default).
    #[serde(skip)]
    pub progress: Progress,
}

impl Default for PosteriorOptions {
    fn default() -> Self {
        PosteriorOptions {
            seed: 0,
            chains: 4,
            burn_in: 500,
            samples: 2000,
            thin: 10,
            labels: BlockLabels::Unlabelled,
            progress: Progress::Auto,
        }
    }
}

/// The posterior share of one number of blocks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BlockShare {
    /// Number of blocks `B`.
    pub blocks: usize,
    /// Share of the samples with this `B` (an estimate of `P(B | A)`).
    pub share: f64,
    /// Effective sample size of the indicator `1{B = blocks}` over the
    /// chains; `None` when every sample had this `B`.
    pub ess: Option<f64>,
    /// Monte-Carlo standard error `sqrt(share (1 − share) / ess)`.
    pub mcse: Option<f64>,
}

/// The sampled posterior over the number of blocks.
#[derive(Debug, Clone, Serialize)]
pub struct BlockPosterior {
    /// The settings.
    pub options: PosteriorOptions,
    /// Every `B` sampled, in increasing order, with its share.
    pub shares: Vec<BlockShare>,
    /// The `B` of largest share (the smaller of equals): the MAP number of blocks.
    pub map_blocks: usize,
    /// Share of one block, `P(B = 1 | A)` (0 when never sampled).
    pub one_block: f64,
    /// Posterior mean of `B`.
    pub mean_blocks: f64,
    /// Effective sample size of `B` over the chains (`None`: `B` never changed).
    pub ess_blocks: Option<f64>,
    /// Split `R̂` of `B` across the chains (`None`: `B` never changed;
    /// infinite: each half-chain stayed at its own `B`).
    pub rhat_blocks: Option<f64>,
    /// Accepted share of the proposals (null moves count as proposals).
    pub acceptance: f64,
    /// Number of blocks of the start.
    pub start_blocks: usize,
    /// Description length of the start.
    pub start_description_length: f64,
    /// The least description length any chain visited (below the start's:
    /// the search had missed it).
    pub least_visited: f64,
    /// Samples kept in all (`chains · samples`).
    pub samples_total: usize,
}

struct Chain {
    trace: Vec<u32>,
    accepted: u64,
    proposed: u64,
    least: f64,
}

fn run_chain(
    g: &SbmGraph,
    start: &[u32],
    opts: &SbmOptions,
    o: &PosteriorOptions,
    index: usize,
    bar: &ProgressBar,
) -> Result<Chain> {
    let mut rng = stream(o.seed, index as u64);
    let mut st = State::new(g, start, opts)?;
    let n = g.node_count();
    let mut sigma = st.entropy();
    let mut least = sigma;
    let mut nb = NeighborBlocks::new();
    let mut changes = Vec::new();
    let mut trace = Vec::with_capacity(o.samples);
    let (mut accepted, mut proposed) = (0u64, 0u64);
    for sweep in 0..o.burn_in + o.samples * o.thin {
        for _ in 0..n {
            proposed += 1;
            let v = below(&mut rng, n as u64) as usize;
            let blocks = st.blocks();
            let k = below(&mut rng, blocks as u64 + 1) as usize;
            let r = st.b[v];
            let alone = st.size(r) == 1;
            let t = if k < blocks {
                st.live_block(k)
            } else if alone {
                continue; // a singleton to a new block: the same partition
            } else {
                st.an_empty_block().expect("fewer blocks than nodes")
            };
            if t == r {
                continue;
            }
            st.neighbor_blocks(v, &mut nb);
            let d = st.move_delta(v, &nb, t, &mut changes);
            let after = blocks - usize::from(alone) + usize::from(k == blocks);
            let log_a = -d + o.labels.log_weight(after) - o.labels.log_weight(blocks)
                + ((blocks as f64 + 1.0) / (after as f64 + 1.0)).ln();
            if log_a >= 0.0 || unit(&mut rng) < log_a.exp() {
                st.apply_move(v, &nb, t, &mut changes);
                sigma += d;
                least = least.min(sigma);
                accepted += 1;
            }
        }
        if sweep >= o.burn_in && (sweep + 1 - o.burn_in).is_multiple_of(o.thin) {
            trace.push(st.blocks() as u32);
        }
        bar.inc(1);
    }
    Ok(Chain {
        trace,
        accepted,
        proposed,
        least,
    })
}

/// Sample the posterior over the number of blocks of `g` by the
/// Metropolis–Hastings chain of the module docs, each chain started from
/// `start` (the minimiser's best partition; any labels).
///
/// # Errors
/// `chains`, `samples` or `thin` zero, fewer than 4 samples, or a graph
/// without nodes: [`Error::InvalidParameter`]; the options as
/// [`description_length`] (and `dense`, which the incremental moves do not
/// support); a `start` of the wrong length.
///
/// ```
/// use coprod::inference::sbm::{posterior_blocks, PosteriorOptions, SbmGraph, SbmOptions};
/// // Two triangles joined by one edge.
/// let g = SbmGraph::from_edges(6, false, &[(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)])?;
/// let o = PosteriorOptions { samples: 500, burn_in: 50, ..PosteriorOptions::default() };
/// let p = posterior_blocks(&g, &[0; 6], &SbmOptions::default(), &o)?;
/// let total: f64 = p.shares.iter().map(|s| s.share).sum();
/// assert!((total - 1.0).abs() < 1e-12);
/// assert_eq!(p.samples_total, 2000);
/// assert!(p.one_block > 0.5); // six nodes: a second block costs more than it explains
/// # Ok::<(), coprod::Error>(())
/// ```
pub fn posterior_blocks(
    g: &SbmGraph,
    start: &[u32],
    opts: &SbmOptions,
    o: &PosteriorOptions,
) -> Result<BlockPosterior> {
    for (name, value) in [("chains", o.chains), ("thin", o.thin)] {
        if value == 0 {
            return Err(Error::InvalidParameter {
                name,
                reason: "0: at least 1 is needed".into(),
            });
        }
    }
    if o.samples < 4 {
        return Err(Error::InvalidParameter {
            name: "samples",
            reason: format!("{}: at least 4 samples per chain are needed", o.samples),
        });
    }
    if g.node_count() == 0 {
        return Err(Error::InvalidParameter {
            name: "graph",
            reason: "no node: there is no partition to sample".into(),
        });
    }
    let start_dl = description_length(g, start, opts)?;
    let sweeps = o.chains as u64 * (o.burn_in + o.samples * o.thin) as u64;
    let bar = o
        .progress
        .bar(sweeps, "SBM posterior over the number of blocks", "sweeps");
    let runs: Vec<Chain> = (0..o.chains)
        .into_par_iter()
        .map(|c| run_chain(g, start, opts, o, c, &bar))
        .collect::<Result<_>>()?;
    bar.finish_and_clear();
    let total = o.chains * o.samples;
    let max_b = runs
        .iter()
        .flat_map(|c| c.trace.iter())
        .copied()
        .max()
        .unwrap_or(1) as usize;
    let mut counts = vec![0usize; max_b + 1];
    for &b in runs.iter().flat_map(|c| c.trace.iter()) {
        counts[b as usize] += 1;
    }
    let shares: Vec<BlockShare> = (1..=max_b)
        .filter(|&k| counts[k] > 0)
        .map(|k| {
            let share = counts[k] as f64 / total as f64;
            let ind: Vec<Vec<f64>> = runs
                .iter()
                .map(|c| {
                    c.trace
                        .iter()
                        .map(|&b| f64::from(u8::from(b as usize == k)))
                        .collect()
                })
                .collect();
            let ess = effective_sample_size(&ind);
            BlockShare {
                blocks: k,
                share,
                ess,
                mcse: ess.map(|e| (share * (1.0 - share) / e).sqrt()),
            }
        })
        .collect();
    let map_blocks = shares
        .iter()
        .fold(None::<&BlockShare>, |best, s| match best {
            Some(b) if b.share >= s.share => Some(b),
            _ => Some(s),
        })
        .map_or(start_dl.blocks, |s| s.blocks);
    let traces: Vec<Vec<f64>> = runs
        .iter()
        .map(|c| c.trace.iter().map(|&b| f64::from(b)).collect())
        .collect();
    let mean_blocks = traces.iter().flatten().sum::<f64>() / total as f64;
    let (accepted, proposed) = runs
        .iter()
        .fold((0, 0), |(a, p), c| (a + c.accepted, p + c.proposed));
    Ok(BlockPosterior {
        options: o.clone(),
        one_block: shares
            .iter()
            .find(|s| s.blocks == 1)
            .map_or(0.0, |s| s.share),
        shares,
        map_blocks,
        mean_blocks,
        ess_blocks: effective_sample_size(&traces),
        rhat_blocks: if o.chains > 1 {
            split_rhat(&traces)
        } else {
            None
        },
        acceptance: accepted as f64 / proposed.max(1) as f64,
        start_blocks: start_dl.blocks,
        start_description_length: start_dl.total,
        least_visited: runs.iter().map(|c| c.least).fold(start_dl.total, f64::min),
        samples_total: total,
    })
}

/// The exact posterior over the number of blocks, `P(B = k | A)` for
/// `k = 1..=N`, by enumerating every set partition of a graph of at most
/// 10 nodes (Bell(10) = 115,975 partitions) and summing
/// `exp(−Σ(b) + w(B))` (log-sum-exp); the reference the sampler is checked
/// against.
///
/// # Errors
/// More than 10 nodes or none: [`Error::InvalidParameter`]; the options as
/// [`description_length`].
///
/// ```
/// use coprod::inference::sbm::{exact_block_posterior, BlockLabels, SbmGraph, SbmOptions};
/// let g = SbmGraph::from_edges(4, false, &[(0, 1), (1, 2), (2, 3)])?;
/// let p = exact_block_posterior(&g, &SbmOptions::default(), BlockLabels::Unlabelled)?;
/// assert_eq!(p.len(), 4);
/// assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
/// # Ok::<(), coprod::Error>(())
/// ```
pub fn exact_block_posterior(
    g: &SbmGraph,
    opts: &SbmOptions,
    labels: BlockLabels,
) -> Result<Vec<f64>> {
    let n = g.node_count();
    if n == 0 || n > 10 {
        return Err(Error::InvalidParameter {
            name: "graph",
            reason: format!("{n} nodes: exact enumeration takes 1 to 10"),
        });
    }
    // Restricted growth strings: b[0] = 0, b[i] ≤ 1 + max(b[..i]).
    let mut b = vec![0u32; n];
    let mut logw: Vec<Vec<f64>> = vec![Vec::new(); n + 1];
    loop {
        let dl = description_length(g, &b, opts)?;
        logw[dl.blocks].push(-dl.total + labels.log_weight(dl.blocks));
        // Next string: the rightmost position that can grow.
        let mut i = n - 1;
        loop {
            if i == 0 {
                let m = logw
                    .iter()
                    .flatten()
                    .copied()
                    .fold(f64::NEG_INFINITY, f64::max);
                let per: Vec<f64> = logw[1..]
                    .iter()
                    .map(|xs| xs.iter().map(|x| (x - m).exp()).sum::<f64>())
                    .collect();
                let z: f64 = per.iter().sum();
                return Ok(per.into_iter().map(|x| x / z).collect());
            }
            let prefix_max = b[..i].iter().copied().max().unwrap_or(0);
            if b[i] <= prefix_max {
                b[i] += 1;
                for x in &mut b[i + 1..] {
                    *x = 0;
                }
                break;
            }
            i -= 1;
        }
    }
}

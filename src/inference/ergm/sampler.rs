//! Metropolis–Hastings sampling of an ERGM within the dyad mask.
//!
//! One step proposes toggling one free dyad and accepts with probability
//!
//! ```text
//! min{ 1, exp(± θ · Δ_ij g(y)) · q(y' → y) / q(y → y') }
//! ```
//!
//! (+ when the toggle adds the tie, − when it removes it). Two proposals, as
//! statnet's `MCMC.prop`:
//!
//! * [`Proposal::Toggle`]: a free dyad uniformly at random (q symmetric).
//! * [`Proposal::Tnt`] (tie / no tie, statnet's default): with probability ½
//!   a present tie among the free dyads, else any free dyad; the ratio
//!   q(y'→y)/q(y→y') corrects for it. Sparse networks mix faster under TNT.
//!
//! **Chains.** `chains` independent chains start at the given network; chain
//! c draws from [`stream`]`(seed, c)`, so the draws
//! do not depend on the number of threads (chains run in parallel under
//! rayon and are concatenated in chain order). Each chain runs `burnin`
//! steps, then records g(y) every `interval` steps.
//!
//! Complexity: one change statistic per step (O(degree) for the closure
//! terms, see [`Network`]; a present tie's is computed in place when every
//! term allows it ([`Model::change_with_tie`]), else with the tie toggled off
//! and back on; the TNT proposal's log ratio is recomputed only when the
//! number of ties changed); the dyad number of a step is an O(1) lookup up to
//! 2^22 free dyads and O(log n) beyond, where the free dyads are kept by rows
//! rather than listed, so that memory stays O(n + m) at 10⁴–10⁵ actors; the
//! tie list of TNT is updated in O(1) (swap-remove with an index).

// Index loops over p × p matrices and rows read as the formulas do.
#![allow(clippy::needless_range_loop)]

mod dyads;

use super::constraints::DyadMask;
use super::network::Network;
use super::terms::Model;
use crate::random::{CoprodRng, below, stream, unit};
use dyads::{FreeDyads, LIST_MAX, TiePositions};
use rayon::prelude::*;

/// The proposal of the sampler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Proposal {
    /// A free dyad uniformly at random.
    Toggle,
    /// Tie / no tie (statnet's default `TNT`).
    #[default]
    Tnt,
}

/// Options of [`simulate`] (statnet's `control.ergm` MCMC settings).
#[derive(Debug, Clone, PartialEq)]
pub struct SamplerOptions {
    /// Steps before the first recorded draw, per chain (`MCMC.burnin`).
    pub burnin: usize,
    /// Steps between recorded draws (`MCMC.interval`).
    pub interval: usize,
    /// Draws recorded per chain.
    pub draws_per_chain: usize,
    /// Independent chains.
    pub chains: usize,
    /// The proposal.
    pub proposal: Proposal,
    /// The seed; chain c uses `stream(seed, c)`.
    pub seed: u64,
}

impl Default for SamplerOptions {
    fn default() -> Self {
        SamplerOptions {
            burnin: 16_384,
            interval: 1_024,
            draws_per_chain: 256,
            chains: 4,
            proposal: Proposal::Tnt,
            seed: 1,
        }
    }
}

/// Draws of the statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Statistic names.
    pub names: Vec<String>,
    /// Row-major draws × p, chain after chain.
    pub stats: Vec<f64>,
    /// Draws per chain.
    pub per_chain: usize,
    /// Number of chains.
    pub chains: usize,
    /// Ties of the free dyads in each draw (for the degeneracy check).
    pub free_ties: Vec<usize>,
    /// Number of free dyads.
    pub free_dyads: usize,
    /// Fraction of proposals accepted, over all chains.
    pub acceptance: f64,
    /// The last network of each chain.
    pub last: Vec<Network>,
}

impl Sample {
    /// Number of statistics.
    pub fn p(&self) -> usize {
        self.names.len()
    }

    /// Total number of draws.
    pub fn len(&self) -> usize {
        self.per_chain * self.chains
    }

    /// Whether there is no draw.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Draw r.
    pub fn row(&self, r: usize) -> &[f64] {
        let p = self.p();
        &self.stats[r * p..(r + 1) * p]
    }

    /// The mean of every statistic.
    pub fn mean(&self) -> Vec<f64> {
        let p = self.p();
        let mut m = vec![0.0; p];
        for r in 0..self.len() {
            for a in 0..p {
                m[a] += self.row(r)[a];
            }
        }
        m.iter_mut().for_each(|x| *x /= self.len() as f64);
        m
    }
}

/// One chain's state: the network, its statistics and the TNT bookkeeping.
struct Chain<'a> {
    model: &'a Model,
    theta: &'a [f64],
    dyads: &'a FreeDyads,
    net: Network,
    stats: Vec<f64>,
    /// Numbers (in `dyads`) of the free dyads that are ties.
    tied: Vec<u32>,
    /// Where each tie sits in `tied`.
    pos: TiePositions,
    delta: Vec<f64>,
    accepted: u64,
    /// (e, log ratio) of the TNT proposal for a non-tie \[0\] and a tie \[1\].
    tnt_log_ratio: [(usize, f64); 2],
}

impl Chain<'_> {
    fn step(&mut self, rng: &mut CoprodRng, proposal: Proposal) {
        let nd = self.dyads.len();
        let e = self.tied.len();
        let d = match proposal {
            Proposal::Tnt if e > 0 && unit(rng) < 0.5 => {
                self.tied[below(rng, e as u64) as usize] as usize
            }
            _ => below(rng, nd as u64) as usize,
        };
        let (i, j) = self.dyads.get(d);
        let on = self.net.has(i, j);
        // A present tie is weighed in place when every term allows it, else
        // removed for the change statistic (and put back unless accepted).
        let off = on && !self.model.change_with_tie();
        if off {
            self.net.toggle(i, j);
        }
        self.model.change(&self.net, i, j, &mut self.delta);
        let sign = if on { -1.0 } else { 1.0 };
        let mut log_ratio = sign
            * self
                .delta
                .iter()
                .zip(self.theta)
                .map(|(a, b)| a * b)
                .sum::<f64>();
        if proposal == Proposal::Tnt {
            // The proposal's log ratio depends on (e, on) only: kept for the
            // last e of each direction (e moves only on an acceptance).
            let memo = &mut self.tnt_log_ratio[usize::from(on)];
            if memo.0 != e {
                *memo = (e, tnt_log_ratio(nd, e, on));
            }
            log_ratio += memo.1;
        }
        let accept = log_ratio >= 0.0 || unit(rng) < log_ratio.exp();
        let now_on = if accept { !on } else { on };
        if now_on != (on && !off) {
            self.net.toggle(i, j);
        }
        if accept {
            self.accepted += 1;
            for (s, dl) in self.stats.iter_mut().zip(&self.delta) {
                *s += sign * dl;
            }
            if on {
                let k = self.pos.get(d);
                let last = *self.tied.last().expect("a tie to remove");
                self.tied.swap_remove(k);
                if k < self.tied.len() {
                    self.pos.set(last as usize, k);
                }
                self.pos.remove(d);
            } else {
                self.pos.set(d, self.tied.len());
                self.tied.push(d as u32);
            }
        }
    }
}

/// log q(y′ → y) / q(y → y′) of the tie / no-tie proposal from a network
/// with `e` free ties among `nd` free dyads, toggling a tie (`on`) or a
/// non-tie.
fn tnt_log_ratio(nd: usize, e: usize, on: bool) -> f64 {
    let (ndf, ef) = (nd as f64, e as f64);
    let q = |edges: f64, removing: bool| -> f64 {
        if removing {
            0.5 / edges + 0.5 / ndf
        } else if edges > 0.0 {
            0.5 / ndf
        } else {
            1.0 / ndf
        }
    };
    // Forward from y, reverse from y'.
    let (fwd, rev) = if on {
        (q(ef, true), q(ef - 1.0, false))
    } else {
        (q(ef, false), q(ef + 1.0, true))
    };
    (rev / fwd).ln()
}

/// Draw from the ERGM with parameter `theta`, starting each chain at `start`.
///
/// # Panics
/// If `theta` does not have one entry per statistic, or the mask has no free dyad.
pub fn simulate(
    model: &Model,
    start: &Network,
    mask: &DyadMask,
    theta: &[f64],
    opts: &SamplerOptions,
) -> Sample {
    run_chains(model, std::slice::from_ref(start), mask, theta, opts, false).0
}

/// As [`simulate`], chain c starting at `starts[c % starts.len()]` (the
/// MCMC-MLE continues each chain from where the previous iteration left it),
/// and, when `keep` is set, the recorded networks themselves (draw order:
/// chain after chain, as the statistics).
///
/// # Panics
/// As [`simulate`], and when `starts` is empty.
pub fn run_chains(
    model: &Model,
    starts: &[Network],
    mask: &DyadMask,
    theta: &[f64],
    opts: &SamplerOptions,
    keep: bool,
) -> (Sample, Vec<Network>) {
    assert_eq!(theta.len(), model.len(), "one θ per statistic");
    assert!(!starts.is_empty(), "a starting network");
    let dyads = FreeDyads::new(mask, LIST_MAX);
    assert!(!dyads.is_empty(), "no free dyad to sample");
    let p = model.len();
    type Run = (Vec<f64>, Vec<usize>, u64, Network, Vec<Network>);
    let runs: Vec<Run> = (0..opts.chains)
        .into_par_iter()
        .map(|c| {
            let start = &starts[c % starts.len()];
            let mut rng = stream(opts.seed, c as u64);
            // The free ties in ascending order of their numbers.
            let mut pos = TiePositions::new(&dyads);
            let mut tied = Vec::new();
            for (i, j) in start.edges() {
                if let Some(d) = dyads.index_of(i, j) {
                    pos.set(d, tied.len());
                    tied.push(d as u32);
                }
            }
            let mut ch = Chain {
                model,
                theta,
                dyads: &dyads,
                net: start.clone(),
                stats: model.statistics(start),
                tied,
                pos,
                delta: vec![0.0; p],
                accepted: 0,
                tnt_log_ratio: [(usize::MAX, 0.0); 2],
            };
            for _ in 0..opts.burnin {
                ch.step(&mut rng, opts.proposal);
            }
            let mut out = Vec::with_capacity(opts.draws_per_chain * p);
            let mut ties = Vec::with_capacity(opts.draws_per_chain);
            let mut nets = Vec::new();
            for _ in 0..opts.draws_per_chain {
                for _ in 0..opts.interval.max(1) {
                    ch.step(&mut rng, opts.proposal);
                }
                out.extend_from_slice(&ch.stats);
                ties.push(ch.tied.len());
                if keep {
                    nets.push(ch.net.clone());
                }
            }
            (out, ties, ch.accepted, ch.net, nets)
        })
        .collect();
    let steps =
        (opts.burnin + opts.draws_per_chain * opts.interval.max(1)) as f64 * opts.chains as f64;
    let mut sample = Sample {
        names: model.names().to_vec(),
        stats: Vec::with_capacity(opts.chains * opts.draws_per_chain * p),
        per_chain: opts.draws_per_chain,
        chains: opts.chains,
        free_ties: Vec::new(),
        free_dyads: dyads.len(),
        acceptance: 0.0,
        last: Vec::new(),
    };
    let mut acc = 0u64;
    let mut kept = Vec::new();
    for (s, t, a, net, nets) in runs {
        sample.stats.extend(s);
        sample.free_ties.extend(t);
        acc += a;
        sample.last.push(net);
        kept.extend(nets);
    }
    sample.acceptance = acc as f64 / steps.max(1.0);
    (sample, kept)
}

//! The dial between the polycentric and the one-core baseline.

use super::{MatchedOptions, MatchedPlan, matched_plan};
use crate::baselines::sample::subset;
use crate::baselines::{layer_ties, rebuild};
use crate::error::Result;
use crate::model::MultiplexGraph;
use crate::random::{CoprodRng, rng};
use std::collections::BTreeSet;

/// Options of [`dial`].
#[derive(Debug, Clone, PartialEq)]
pub struct DialOptions {
    /// The core set and the layers redrawn.
    pub matched: MatchedOptions,
    /// `λ ∈ [1/K, 1]`: the share of the centres' tie budget held by the top
    /// centre (the core). Default 1 (the one-core end).
    pub lambda: f64,
}

impl Default for DialOptions {
    fn default() -> Self {
        DialOptions {
            matched: MatchedOptions::default(),
            lambda: 1.0,
        }
    }
}

/// How the top centre's budget is set.
#[derive(Debug, Clone, Copy)]
enum Top {
    /// `round(λ r)`, checked against `[1/K, 1]`.
    Lambda(f64),
    /// `⌈r / K⌉`: equal centres, exactly.
    Equal,
    /// `r`: one centre holds everything.
    One,
}

/// The matched baseline at a point `λ` of the dial between polycentric
/// (`λ = 1/K`, K equal autonomous centres) and one core (`λ = 1`).
///
/// ```text
/// per selected layer ℓ:  arena ties kept;  r_ℓ non-arena ties placed by the
/// K centres with budgets b₀ = min(r, max(⌈r/K⌉, round(λ r))) for the top
/// centre (the core) and (r − b₀)/(K − 1) each (±1) for the others, each
/// through its tiers (chain or cluster, peers, reach), the excess uniform
/// ```
///
/// The full model — centres, chains, tiers — is in the [module](super) doc.
/// There is no reference implementation: the model is coprod's, built for the
/// question of `shared/CASES.md` ("compared against polycentric baselines with
/// the same actors and the same number of ties").
///
/// Edge cases: a layer with no non-arena tie only keeps its arena ties; a
/// case whose actors are all arenas has no centre (`K = 0`) and comes back
/// with its ties; `K ≤ 1` (no centre, one sector and no core, or the core
/// alone) admits only `λ = 1`; self-loops are copied.
///
/// Complexity: `O(n + K n + Σ m_ℓ log m_ℓ)` per draw, plus `O(n²)` for a
/// layer whose centres' tiers are full (the excess enumerates free dyads).
///
/// ```
/// use coprod::baselines::{DialOptions, dial};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let half = DialOptions { lambda: 0.5, ..Default::default() };
/// let g = dial(&case, &half, 3).unwrap();
/// assert!(g.actors().eq(case.actors()));
/// assert_eq!(g, dial(&case, &half, 3).unwrap());
/// let bad = DialOptions { lambda: 0.1, ..Default::default() };
/// assert!(dial(&case, &bad, 3).is_err()); // below 1/K = 1/4
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`](crate::Error::InvalidParameter) (`lambda`)
/// outside `[1/K, 1]`; [`Error::UnknownLayer`](crate::Error::UnknownLayer)
/// for a layer name the case lacks; [`Error::SizeMismatch`](crate::Error::SizeMismatch)
/// for a core set of another size.
///
/// # References
/// Ostrom, V., Tiebout, C. M. & Warren, R. (1961). The organization of
/// government in metropolitan areas. *American Political Science Review*
/// 55(4), 831–842. <https://doi.org/10.2307/1952530>. Ostrom, E. (2010).
/// Beyond markets and states: polycentric governance of complex economic
/// systems. *American Economic Review* 100(3), 641–672.
/// <https://doi.org/10.1257/aer.100.3.641>
pub fn dial(case: &MultiplexGraph, options: &DialOptions, seed: u64) -> Result<MultiplexGraph> {
    dial_with(case, options, &mut rng(seed))
}

/// The one-core end of the [`dial`] (`λ = 1`): the core holds every
/// non-arena tie of each redrawn layer — its chain, a tie to the head of
/// every sector, then every other actor from the core actor of its level —
/// and the excess, if its tiers are full, is spread uniformly.
///
/// ```
/// use coprod::baselines::{MatchedOptions, one_core};
/// use coprod::model::View;
/// let case = coprod::cases::load("jinsong").unwrap();
/// let g = one_core(&case, &MatchedOptions::default(), 1).unwrap();
/// // Every leadership tie leaves a party actor.
/// let lead = View::layer(&g, "leadership").unwrap();
/// assert!(lead.ties().all(|t| g.actor(t.source).kind == coprod::model::Kind::Party));
/// ```
///
/// # Errors
/// As [`dial`] (never for `lambda`).
pub fn one_core(
    case: &MultiplexGraph,
    options: &MatchedOptions,
    seed: u64,
) -> Result<MultiplexGraph> {
    one_core_with(case, options, &mut rng(seed))
}

/// The polycentric end of the [`dial`] (`λ = 1/K`): K equal autonomous
/// centres (the core and the strongest actor of each other sector), budgets
/// `⌊r/K⌋` or `⌈r/K⌉`, each heading its own cluster, joined by peer ties,
/// nobody above them.
///
/// ```
/// use coprod::baselines::{MatchedOptions, polycentric};
/// let case = coprod::cases::load("ly").unwrap();
/// let g = polycentric(&case, &MatchedOptions::default(), 1).unwrap();
/// assert_eq!(g.count_by_kind(), case.count_by_kind());
/// ```
///
/// # Errors
/// As [`dial`] (never for `lambda`).
pub fn polycentric(
    case: &MultiplexGraph,
    options: &MatchedOptions,
    seed: u64,
) -> Result<MultiplexGraph> {
    polycentric_with(case, options, &mut rng(seed))
}

/// [`dial`] drawing from a given generator (an ensemble's stream).
pub(crate) fn dial_with(
    case: &MultiplexGraph,
    options: &DialOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    draw(case, &options.matched, Top::Lambda(options.lambda), rng)
}

/// [`one_core`] drawing from a given generator.
pub(crate) fn one_core_with(
    case: &MultiplexGraph,
    options: &MatchedOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    draw(case, options, Top::One, rng)
}

/// [`polycentric`] drawing from a given generator.
pub(crate) fn polycentric_with(
    case: &MultiplexGraph,
    options: &MatchedOptions,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    draw(case, options, Top::Equal, rng)
}

/// The three tiers of each centre, as directed dyads (centre actor → target).
fn tiers(plan: &MatchedPlan) -> Vec<[Vec<(u32, u32)>; 3]> {
    let n = plan.core.len();
    let mut head = vec![false; n];
    for c in plan.centres.iter().filter(|c| c.sector.is_some()) {
        head[c.actors[0]] = true;
    }
    let d = |a: usize, b: usize| (a as u32, b as u32);
    plan.centres
        .iter()
        .enumerate()
        .map(|(j, c)| {
            if c.sector.is_none() {
                let chain = c.cluster.iter().map(|&x| d(plan.up[x], x)).collect();
                let peers = plan.centres[1..]
                    .iter()
                    .map(|h| d(plan.up[h.actors[0]], h.actors[0]))
                    .collect();
                let reach = (0..n)
                    .filter(|&x| !plan.core[x] && !plan.arena[x] && !head[x])
                    .map(|x| d(plan.up[x], x))
                    .collect();
                [chain, peers, reach]
            } else {
                let h = c.actors[0];
                let cluster = c.cluster.iter().map(|&x| d(h, x)).collect();
                let peers = plan
                    .centres
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != j)
                    .map(|(_, o)| match o.sector {
                        None => d(h, plan.up[h]),
                        Some(_) => d(h, o.actors[0]),
                    })
                    .collect();
                let mut own = vec![false; n];
                for &x in &c.cluster {
                    own[x] = true;
                }
                let reach = (0..n)
                    .filter(|&x| x != h && !plan.arena[x] && !own[x] && !head[x])
                    .map(|x| d(h, x))
                    .collect();
                [cluster, peers, reach]
            }
        })
        .collect()
}

fn draw(
    case: &MultiplexGraph,
    options: &MatchedOptions,
    top: Top,
    rng: &mut CoprodRng,
) -> Result<MultiplexGraph> {
    let plan = matched_plan(case, options)?;
    if let Top::Lambda(l) = top {
        plan.budgets(0, l)?;
    }
    let tiers = tiers(&plan);
    let n = case.actor_count();
    let arena = &plan.arena;
    let mut layers = layer_ties(case, &options.layers)?;
    for lt in layers.iter_mut().filter(|l| l.selected) {
        let canon = |(u, v): (u32, u32)| {
            if lt.directed {
                (u, v)
            } else {
                (u.min(v), u.max(v))
            }
        };
        let (kept, _): (Vec<_>, Vec<_>) = lt
            .pairs
            .iter()
            .partition(|&&(u, v)| arena[u as usize] || arena[v as usize]);
        let r = lt.pairs.len() - kept.len();
        let mut used: BTreeSet<(u32, u32)> = kept.iter().copied().collect();
        let budgets = match top {
            Top::Lambda(l) => plan.budgets(r, l)?,
            Top::Equal => plan.budgets_top(r, 0),
            Top::One => plan.budgets_top(r, r),
        };
        let mut excess = 0usize;
        for (j, &budget) in budgets.iter().enumerate() {
            let mut b = budget;
            for tier in &tiers[j] {
                if b == 0 {
                    break;
                }
                let mut seen = BTreeSet::new();
                let free: Vec<(u32, u32)> = tier
                    .iter()
                    .map(|&p| canon(p))
                    .filter(|p| !used.contains(p) && seen.insert(*p))
                    .collect();
                if free.len() <= b {
                    b -= free.len();
                    used.extend(free);
                } else {
                    for k in subset(rng, free.len() as u64, b as u64) {
                        used.insert(free[k as usize]);
                    }
                    b = 0;
                }
            }
            excess += b;
        }
        if excess > 0 {
            let mut free = Vec::new();
            for u in (0..n as u32).filter(|&u| !arena[u as usize]) {
                for v in (0..n as u32).filter(|&v| v != u && !arena[v as usize]) {
                    if (lt.directed || u < v) && !used.contains(&(u, v)) {
                        free.push((u, v));
                    }
                }
            }
            // r never exceeds the non-arena dyads, so neither does the excess.
            let m = excess.min(free.len());
            for k in subset(rng, free.len() as u64, m as u64) {
                used.insert(free[k as usize]);
            }
        }
        lt.pairs = used.into_iter().collect();
    }
    rebuild(case, &layers)
}

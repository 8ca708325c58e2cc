//! Counterfactuals of a case: without its core, and made polycentric.

use super::{Core, MatchedOptions, matched_plan};
use crate::error::Result;
use crate::model::{Kind, Layers, MultiplexGraph, Provenance, Sector, Tie, View};
use std::collections::BTreeSet;

/// How the ties of the case were recounted in a [`Counterfactual`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TieAccount {
    /// Case ties copied unchanged (both ends outside the core).
    pub kept: usize,
    /// Core ties handed to a sector head (new ties).
    pub handed: usize,
    /// Core ties handed to a head that already had the same tie in the layer
    /// (merged into it: not added again).
    pub merged: usize,
    /// Core ties dropped: between two core actors, from a core actor to the
    /// head that would receive it, or (in [`without_core`]) every tie with a
    /// core end.
    pub dropped: usize,
}

/// A counterfactual graph and how its ties were recounted from the case's.
#[derive(Debug, Clone, PartialEq)]
pub struct Counterfactual {
    /// The counterfactual case.
    pub graph: MultiplexGraph,
    /// `kept + handed` ties are in `graph`; `kept + handed + merged + dropped`
    /// is the case's number of ties.
    pub ties: TieAccount,
}

/// What [`made_polycentric`] does with the core actors once their ties are handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CoreActors {
    /// Keep them, isolated (default): same actors as the case, so a
    /// statistic normalised by the number of actors stays comparable, and the
    /// core's own scores (group degree, brokerage share) read 0.
    #[default]
    Keep,
    /// Remove them, as [`without_core`] does.
    Remove,
}

/// Options of [`made_polycentric`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MadePolycentricOptions {
    /// The core set whose ties are handed over. Default the party actors.
    pub core: Core,
    /// Keep the core actors (isolated, default) or remove them.
    pub core_actors: CoreActors,
}

/// The case without its core set: the core actors and every tie with a core
/// end removed, everything else copied unchanged.
///
/// ```text
/// actors  = the case's actors ∉ C, in the case's order (indices shift)
/// ties    = the case's ties with both ends ∉ C, in data order, with their
///           layer, weight, provenance and certainty
/// recount = kept: |ties|;  dropped: ties with an end in C
///           (a layer's count falls by its ties incident to C; nothing is
///           redistributed, so the counterfactual has fewer ties than the case)
/// ```
///
/// The graph equals the case viewed [`View::without`] the core, as a graph of
/// its own: every view (one layer, the aggregate, arenas projected) can be
/// taken of it, and statistics normalised by the number of actors see
/// `n − |C|` actors.
///
/// Edge cases: an empty core returns a copy (all kept); a core of every actor
/// returns a graph without actors.
///
/// Complexity: `O(n + m)`.
///
/// ```
/// use coprod::baselines::{Core, without_core};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let cf = without_core(&case, &Core::default()).unwrap();
/// assert_eq!(cf.graph.actor_count(), case.actor_count() - case.actors_of_kind(coprod::model::Kind::Party).len());
/// assert_eq!(cf.ties.kept + cf.ties.dropped, case.tie_count());
/// ```
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) for a core set built
/// for another number of actors.
pub fn without_core(case: &MultiplexGraph, core: &Core) -> Result<Counterfactual> {
    let c = core.members(case)?;
    let mut ties = TieAccount::default();
    let mut keep = Vec::new();
    for t in case.ties() {
        if c.contains(t.source) || c.contains(t.target) {
            ties.dropped += 1;
        } else {
            ties.kept += 1;
            keep.push(t.clone());
        }
    }
    let graph = subgraph(case, c.mask(), &keep)?;
    Ok(Counterfactual { graph, ties })
}

/// The case "made polycentric": each core actor's ties handed to the head
/// (strongest actor) of the sector at their other end.
///
/// ```text
/// heads: head(s) = the strongest actor of sector s outside C (as in the
///        matched baselines' plan: most distinct neighbours in the symmetrised
///        positive aggregate, then the smaller id)
/// host(c) for c ∈ C: the sector with the most distinct neighbours of c
///        outside C and the arenas (symmetrised positive aggregate), ties to
///        the sector whose head is stronger; the top head's sector if none
/// for each case tie t = (u, v, layer, weight), in data order:
///   u, v ∉ C:          kept unchanged
///   u, v ∈ C:          dropped (the core is dissolved)
///   one end c ∈ C, other end x:
///     h = head(sector(x))  if x is not an arena
///         head(host(c))    if x is an arena
///     h = x:               dropped (nobody above the head)
///     else the tie with c replaced by h (direction, layer, weight and
///     certainty kept, provenance empty: no document states it); if the layer
///     already has that tie (u → v, or {u, v} if undirected) among the kept
///     or earlier handed ties: merged (not added)
/// order: kept ties in data order, then handed ties in data order
/// ```
///
/// Edge cases: an empty core returns a copy; a case with no actor outside
/// the core and the arenas (no head) drops every core tie.
///
/// Complexity: `O(n + m log m)`.
///
/// ```
/// use coprod::baselines::{MadePolycentricOptions, made_polycentric};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let cf = made_polycentric(&case, &MadePolycentricOptions::default()).unwrap();
/// let party = case.actors_of_kind(coprod::model::Kind::Party);
/// assert!(cf.graph.ties().all(|t| !party.contains(&t.source) && !party.contains(&t.target)));
/// let a = cf.ties;
/// assert_eq!(a.kept + a.handed + a.merged + a.dropped, case.tie_count());
/// ```
///
/// # Errors
/// [`Error::SizeMismatch`](crate::Error::SizeMismatch) for a core set built
/// for another number of actors.
pub fn made_polycentric(
    case: &MultiplexGraph,
    options: &MadePolycentricOptions,
) -> Result<Counterfactual> {
    let plan = matched_plan(
        case,
        &MatchedOptions {
            core: options.core.clone(),
            layers: Layers::All,
        },
    )?;
    let core = &plan.core;
    let n = case.actor_count();
    // head_of[sector] for the non-arena sectors that have one.
    let heads: Vec<(Sector, usize)> = plan
        .centres
        .iter()
        .filter_map(|c| c.sector.map(|s| (s, c.actors[0])))
        .collect();
    let head_of = |s: Sector| heads.iter().find(|h| h.0 == s).map(|h| h.1);
    // Heads from the strongest down (the plan's key), for ties in host().
    let mut by_strength = heads.clone();
    by_strength.sort_by(|a, b| {
        (std::cmp::Reverse(plan.strength[a.1]), &case.actor(a.1).id)
            .cmp(&(std::cmp::Reverse(plan.strength[b.1]), &case.actor(b.1).id))
    });
    let sym = View::aggregate(case).symmetrized().csr();
    let host = |c: usize| -> Option<usize> {
        let mut count = vec![0usize; by_strength.len()];
        for &v in sym.out_neighbors(c) {
            let v = v as usize;
            if v == c || core[v] || case.actor(v).kind == Kind::Arena {
                continue;
            }
            if let Some(i) = by_strength
                .iter()
                .position(|h| h.0 == case.actor(v).sector())
            {
                count[i] += 1;
            }
        }
        // The first maximum in strength order: ties go to the stronger head.
        let best = (0..count.len()).rev().max_by_key(|&i| count[i])?;
        Some(by_strength[best].1)
    };

    let mut ties = TieAccount::default();
    let key = |t: &Tie| {
        let (s, d) = (t.source, t.target);
        if case.layer(t.layer).directed {
            (t.layer, s, d)
        } else {
            (t.layer, s.min(d), s.max(d))
        }
    };
    let mut out: Vec<Tie> = Vec::new();
    let mut present = BTreeSet::new();
    for t in case.ties().filter(|t| !core[t.source] && !core[t.target]) {
        ties.kept += 1;
        present.insert(key(t));
        out.push(t.clone());
    }
    for t in case.ties().filter(|t| core[t.source] || core[t.target]) {
        if core[t.source] && core[t.target] {
            ties.dropped += 1;
            continue;
        }
        let (c, x) = if core[t.source] {
            (t.source, t.target)
        } else {
            (t.target, t.source)
        };
        let h = if case.actor(x).kind == Kind::Arena {
            host(c)
        } else {
            head_of(case.actor(x).sector())
        };
        let Some(h) = h.filter(|&h| h != x) else {
            ties.dropped += 1;
            continue;
        };
        let mut handed = t.clone();
        if t.source == c {
            handed.source = h;
        } else {
            handed.target = h;
        }
        handed.provenance = Provenance::default();
        if present.insert(key(&handed)) {
            ties.handed += 1;
            out.push(handed);
        } else {
            ties.merged += 1;
        }
    }
    let drop = match options.core_actors {
        CoreActors::Keep => vec![false; n],
        CoreActors::Remove => core.clone(),
    };
    let graph = subgraph(case, &drop, &out)?;
    Ok(Counterfactual { graph, ties })
}

/// `case`'s metadata and layers, its actors but those `drop` marks, and
/// `ties` (graph indices of `case`, none touching a dropped actor) in order.
fn subgraph(case: &MultiplexGraph, drop: &[bool], ties: &[Tie]) -> Result<MultiplexGraph> {
    let mut g = MultiplexGraph::with_meta(case.meta().clone(), case.extra_layers().to_vec())?;
    let mut new = vec![usize::MAX; case.actor_count()];
    for (i, a) in case.actors().enumerate() {
        if !drop[i] {
            new[i] = g.add_actor(a.clone())?;
        }
    }
    for t in ties {
        let mut u = t.clone();
        u.source = new[t.source];
        u.target = new[t.target];
        g.push_tie(&u)?;
    }
    Ok(g)
}

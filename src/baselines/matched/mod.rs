//! Matched baselines: the case's actors and tie counts, arranged as one core
//! or as several autonomous centres, and a dial between them.
//!
//! # The plan: centres, clusters, chains
//!
//! A [`MatchedPlan`] is computed from the case once; [`dial`], [`one_core`]
//! and [`polycentric`] draw from it.
//!
//! ```text
//! strength(u)  = number of distinct actors u shares a tie with in the case's
//!                positive layers, either direction (its degree in the
//!                symmetrised aggregate, arenas counted as neighbours)
//! stronger     = higher strength, then the smaller id (byte order)
//! C            = the core set (default: every party actor)
//! head(s)      = the strongest actor of sector s outside C, for every sector
//!                s ≠ arena with an actor outside C (in Sector order: party,
//!                state, market, society)
//! cluster(s)   = the other actors of sector s outside C (arenas belong to none)
//! centres      = [C, head(s₁), head(s₂), …]   K = their number
//!                (C first, the top centre; without a core actor, the
//!                strongest head is the top centre and goes first)
//! rank(level)  = district 0, subdistrict 1, community 2, building 3,
//!                household 4, individual 5, external 0 (outside the
//!                territorial hierarchy: attached at the top)
//! apex         = the strongest core actor of the smallest rank
//! parent(c)    = for c ∈ C, c ≠ apex: the strongest core actor of the largest
//!                rank < rank(c); the apex if there is none
//! anchor(x)    = for x ∉ C: the strongest core actor of the largest rank
//!                ≤ rank(x); the apex if there is none
//! ```
//!
//! With the default core (the party) and the Jinsong case, the centres are the
//! party, the sub-district office (state), Vision Group (market) and the
//! residents (society): K = 4. The party is one of the K centres, heading the
//! cluster of its own actors (its chain), so that [`polycentric`] and
//! [`one_core`] are the two ends of one dial with one K; at the polycentric
//! end it holds no more than any other centre and nobody is above anybody.
//!
//! # The generative model, per layer
//!
//! Each layer the options select is redrawn from its simple graph (distinct
//! pairs, as the [null models](super) count them); the others are copied.
//!
//! ```text
//! A_ℓ   = the case's pairs of layer ℓ with an arena end: kept as they are
//!         ("arenas kept": the platforms and who sits in them are the case's)
//! r_ℓ   = m_ℓ − |A_ℓ|, the ties among non-arena actors, all redrawn
//! budgets (exact integers, for the top centre 0 and the others 1..K−1):
//!   b₀ = min(r, max(⌈r / K⌉, round(λ r)))       (round half away from zero)
//!   b_j = ⌊(r − b₀) / (K − 1)⌋ + [j ≤ (r − b₀) mod (K − 1)]
//!   (λ = 1/K: every budget ⌊r/K⌋ or ⌈r/K⌉; λ = 1: b₀ = r, the others 0)
//! centres place their budget in centre order, each through its tiers in
//! order, every tie a dyad of a centre actor towards a target:
//!   core C:    1. chain     parent(c) → c           for every c ∈ C ∖ {apex}
//!              2. peers     anchor(h) → h           for every head h
//!              3. reach     anchor(x) → x           for every other non-arena x ∉ C
//!   head h(s): 1. cluster   h → x                   for every x ∈ cluster(s)
//!              2. peers     h → h', h → anchor(h)   for every other centre
//!              3. reach     h → x                   for every other non-arena x
//!   a tier's dyads that are free (not placed yet in this layer) are taken
//!   whole if the budget left covers them, else a uniform subset of the size
//!   of the budget left (Floyd's exact sampling over the tier in the order
//!   listed, actors ascending)
//! excess: budget a centre could not place (its tiers full) is spread
//!   uniformly over the free dyads between non-arena actors
//! directed layer: the dyad as written (centre → target); undirected: the
//!   unordered pair
//! ```
//!
//! So in the one-core graph the core is tied to the head of every sector and
//! embedded down its chain by level (sub-district → community → building),
//! every other actor — a firm, a residents' group — is reached from the
//! strongest core actor of its level (the model knows levels, not which
//! branch sits in which firm), and the heads hold nothing of their own. In the polycentric graph each centre heads its own cluster,
//! the centres are joined by the few peer ties their budgets reach after
//! their clusters, and nobody is above them.
//!
//! Kept exactly: the actors (ids, labels, kinds, sectors, levels, in order),
//! hence the counts per kind; the number of distinct pairs of every layer;
//! the arena ties; the copied layers. Redrawn ties have weight 1 and empty
//! provenance, as in every null model. Randomness: the layers are drawn in
//! layer order from one ChaCha8 generator seeded with `seed`.

mod counterfactual;
mod dial;

pub use counterfactual::{
    CoreActors, Counterfactual, MadePolycentricOptions, TieAccount, made_polycentric, without_core,
};
pub use dial::{DialOptions, dial, one_core, polycentric};
/// The draws from a given generator, for the ensembles of `src/compare/`
/// (draw `i` from `random::stream(seed, i)`).
#[allow(unused_imports)]
pub(crate) use dial::{dial_with, one_core_with, polycentric_with};

use crate::error::{Error, Result};
use crate::model::{Kind, Layers, Level, MultiplexGraph, NodeSet, Sector, View};

/// The core set of a matched baseline or a counterfactual.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Core {
    /// Every actor of this kind (default [`Kind::Party`]).
    Kind(Kind),
    /// These actors: a set over the case's actors (graph indices, universe
    /// `case.actor_count()`), e.g. `CoreSet::node_set` of the view of all
    /// layers, or [`View::node_set`] by ids.
    Set(NodeSet),
}

impl Default for Core {
    fn default() -> Self {
        Core::Kind(Kind::Party)
    }
}

impl Core {
    /// The core of these actors, by id.
    ///
    /// ```
    /// use coprod::baselines::Core;
    /// let case = coprod::cases::load("x_district").unwrap();
    /// let core = Core::ids(&case, &["civil_affairs_bureau"]).unwrap();
    /// assert_eq!(core.members(&case).unwrap().len(), 1);
    /// let e = Core::ids(&case, &["civil_affairs"]).unwrap_err();
    /// assert!(e.to_string().contains("civil_affairs_bureau"));
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id the case lacks, listing the ids it has.
    pub fn ids<S: AsRef<str>>(case: &MultiplexGraph, ids: &[S]) -> Result<Core> {
        let members = ids
            .iter()
            .map(|id| case.actor_index(id.as_ref()))
            .collect::<Result<Vec<usize>>>()?;
        Ok(Core::Set(NodeSet::new(case.actor_count(), members)?))
    }

    /// The members among the case's actors.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] for a set built for another number of actors.
    pub fn members(&self, case: &MultiplexGraph) -> Result<NodeSet> {
        match self {
            Core::Kind(k) => NodeSet::new(case.actor_count(), case.actors_of_kind(*k)),
            Core::Set(s) => {
                s.check(case.actor_count())?;
                Ok(s.clone())
            }
        }
    }
}

/// Options of [`one_core`], [`polycentric`] and the [`matched_plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedOptions {
    /// The core set. Default [`Core::Kind`]`(`[`Kind::Party`]`)`.
    pub core: Core,
    /// The layers redrawn; the others are copied from the case. Default
    /// [`Layers::All`].
    pub layers: Layers,
}

impl Default for MatchedOptions {
    fn default() -> Self {
        MatchedOptions {
            core: Core::default(),
            layers: Layers::All,
        }
    }
}

/// One centre of a matched baseline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Centre {
    /// `None` for the core set, the sector for a head.
    pub sector: Option<Sector>,
    /// The centre's actors (graph indices, ascending): the core's members, or
    /// the head alone.
    pub actors: Vec<usize>,
    /// The actors it heads (graph indices, ascending): the rest of its sector
    /// outside the core for a head; the core's own members but the apex (its
    /// chain) for the core.
    pub cluster: Vec<usize>,
}

/// Centres, clusters and chains of a case (see the [module](self) doc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedPlan {
    /// The centres, the top one first.
    pub centres: Vec<Centre>,
    /// `strength[u]`: distinct neighbours of actor `u` in the case's
    /// symmetrised positive aggregate.
    pub strength: Vec<usize>,
    /// `core[u]`: whether actor `u` is in the core set.
    pub(crate) core: Vec<bool>,
    /// `is_arena[u]`.
    pub(crate) arena: Vec<bool>,
    /// `parent[c]` for core actors but the apex; `anchor[x]` for the others
    /// (`usize::MAX` when the core is empty, and for the apex).
    pub(crate) up: Vec<usize>,
}

impl MatchedPlan {
    /// The number of centres `K`.
    pub fn k(&self) -> usize {
        self.centres.len()
    }

    /// Whether the top centre is the core set (false when the core has no actor).
    pub fn has_core(&self) -> bool {
        self.centres.first().is_some_and(|c| c.sector.is_none())
    }

    /// The dial's range `[1/K, 1]` (`[1, 1]` for `K ≤ 1`).
    pub fn lambda_range(&self) -> (f64, f64) {
        (1.0 / self.k().max(1) as f64, 1.0)
    }

    /// The budgets of the K centres for `r` ties at `lambda` (formula in the
    /// [module](self) doc); they sum to `r`.
    ///
    /// ```
    /// use coprod::baselines::{MatchedOptions, matched_plan};
    /// let case = coprod::cases::load("jinsong").unwrap();
    /// let plan = matched_plan(&case, &MatchedOptions::default()).unwrap();
    /// assert_eq!(plan.k(), 4);
    /// assert_eq!(plan.budgets(10, 0.25).unwrap(), [3, 3, 2, 2]);
    /// assert_eq!(plan.budgets(10, 0.5).unwrap(), [5, 2, 2, 1]);
    /// assert_eq!(plan.budgets(10, 1.0).unwrap(), [10, 0, 0, 0]);
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`lambda`) unless `1/K − 1e-12 ≤ lambda ≤ 1`.
    pub fn budgets(&self, r: usize, lambda: f64) -> Result<Vec<usize>> {
        let k = self.k();
        let lo = 1.0 / k.max(1) as f64;
        if !(lambda.is_finite() && lambda >= lo - 1e-12 && lambda <= 1.0) {
            return Err(Error::InvalidParameter {
                name: "lambda",
                reason: format!("{lambda} is outside [1/K, 1] = [{lo}, 1] (K = {k} centres)"),
            });
        }
        Ok(self.budgets_top(r, (lambda * r as f64).round() as usize))
    }

    /// Budgets with the top centre asking for `top` ties (clamped to
    /// `[⌈r/K⌉, r]`).
    pub(crate) fn budgets_top(&self, r: usize, top: usize) -> Vec<usize> {
        let k = self.k();
        if k == 0 {
            return Vec::new();
        }
        let b0 = top.max(r.div_ceil(k)).min(r);
        let mut b = vec![b0];
        if k > 1 {
            let rest = r - b0;
            let (q, m) = (rest / (k - 1), rest % (k - 1));
            b.extend((1..k).map(|j| q + usize::from(j <= m)));
        }
        b
    }
}

/// The level's rank in the chain (module doc).
fn rank(level: Level) -> u8 {
    match level {
        Level::District | Level::External => 0,
        Level::Subdistrict => 1,
        Level::Community => 2,
        Level::Building => 3,
        Level::Household => 4,
        Level::Individual => 5,
    }
}

/// The centres, clusters, chain and anchors of `case` (module doc).
///
/// ```
/// use coprod::baselines::{MatchedOptions, matched_plan};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let plan = matched_plan(&case, &MatchedOptions::default()).unwrap();
/// let heads: Vec<&str> = plan.centres[1..]
///     .iter()
///     .map(|c| case.actor(c.actors[0]).id.as_str())
///     .collect();
/// assert_eq!(heads, ["subdistrict_office", "vision_group", "residents"]);
/// ```
///
/// # Errors
/// [`Error::SizeMismatch`] for a core set built for another number of actors;
/// [`Error::InvalidParameter`] (`case`) for more than `2^32 − 1` actors.
pub fn matched_plan(case: &MultiplexGraph, options: &MatchedOptions) -> Result<MatchedPlan> {
    let n = case.actor_count();
    if n > u32::MAX as usize {
        return Err(Error::InvalidParameter {
            name: "case",
            reason: format!("{n} actors is more than the 2^32 - 1 a baseline indexes"),
        });
    }
    let core = options.core.members(case)?;
    let core_mask = core.mask().to_vec();
    let arena: Vec<bool> = case.actors().map(|a| a.kind == Kind::Arena).collect();
    let strength = strengths(case);
    // "a is stronger than b"; total, by (strength desc, id asc).
    let key = |u: usize| (std::cmp::Reverse(strength[u]), case.actor(u).id.as_str());
    let strongest = |it: &mut dyn Iterator<Item = usize>| it.min_by(|&a, &b| key(a).cmp(&key(b)));

    let mut heads = Vec::new();
    for &s in Sector::ALL.iter().filter(|&&s| s != Sector::Arena) {
        let members: Vec<usize> = (0..n)
            .filter(|&u| !core_mask[u] && case.actor(u).sector() == s)
            .collect();
        if let Some(h) = strongest(&mut members.iter().copied()) {
            heads.push(Centre {
                sector: Some(s),
                actors: vec![h],
                cluster: members.into_iter().filter(|&u| u != h).collect(),
            });
        }
    }
    let mut up = vec![usize::MAX; n];
    let mut centres = Vec::new();
    let r = |u: usize| rank(case.actor(u).level);
    // The apex: the strongest core actor of the smallest rank.
    let apex = core
        .iter()
        .min_by(|&a, &b| (r(a), key(a)).cmp(&(r(b), key(b))));
    match apex {
        None => {
            if let Some(top) = (0..heads.len())
                .min_by(|&a, &b| key(heads[a].actors[0]).cmp(&key(heads[b].actors[0])))
            {
                let h = heads.remove(top);
                centres.push(h);
            }
        }
        Some(apex) => {
            // The strongest core actor of the largest rank satisfying `ok`.
            let nearest = |ok: &dyn Fn(u8) -> bool| {
                let best = core.iter().map(r).filter(|&x| ok(x)).max()?;
                strongest(&mut core.iter().filter(|&c| r(c) == best))
            };
            for (u, up) in up.iter_mut().enumerate() {
                *up = if u == apex {
                    usize::MAX
                } else if core_mask[u] {
                    nearest(&|x| x < r(u)).unwrap_or(apex)
                } else {
                    nearest(&|x| x <= r(u)).unwrap_or(apex)
                };
            }
            centres.push(Centre {
                sector: None,
                actors: core.iter().collect(),
                cluster: core.iter().filter(|&c| c != apex).collect(),
            });
        }
    }
    centres.extend(heads);
    Ok(MatchedPlan {
        centres,
        strength,
        core: core_mask,
        arena,
        up,
    })
}

/// Distinct neighbours of every actor in the symmetrised positive aggregate.
fn strengths(case: &MultiplexGraph) -> Vec<usize> {
    let csr = View::aggregate(case).symmetrized().csr();
    (0..case.actor_count())
        .map(|u| {
            csr.out_neighbors(u)
                .iter()
                .filter(|&&v| v as usize != u)
                .count()
        })
        .collect()
}

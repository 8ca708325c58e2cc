//! The arenas as the second mode: a case's actor × arena membership network
//! as a two-mode (bipartite) ERGM, as statnet fits
//! `network(m, bipartite = n1)`.
//!
//! In the codebook (`data/README.md`) an arena (kind `arena`) is a body that
//! meets, and an actor's tie to an arena is a membership (member → arena;
//! the deliberation layer, where most cases code them). Modelled as two
//! modes, only actor – arena dyads exist:
//!
//! ```text
//! nodes   U = the view's actors that are not arenas (mode 1, n₁ of them, first)
//!         V = the view's arenas                     (mode 2, n₂ of them, after)
//! tie     i — a  for i ∈ U, a ∈ V  when the view has a tie between i and a
//!                                  (either direction, any of its layers)
//! dyads   the n₁ · n₂ pairs U × V; every U–U and V–V pair is absent by design
//! ```
//!
//! (statnet: `network(A, bipartite = n1, directed = FALSE)` of the n₁ × n₂
//! incidence matrix A.) Choose the layers with the view: `--layers
//! deliberation` reads memberships only; the default view reads every tie
//! between an actor and an arena (an information tie an arena publicises to
//! a member counts as involvement). The node attribute
//! [`MODE`] marks the modes; every actor attribute (`kind`,
//! `sector`, `level`, `core`, the actors file's columns) is kept, so the
//! two-mode terms ([`terms::bipartite`](super::terms::bipartite)) read them.
//!
//! **The default formula** ([`DEFAULT_TWO_MODE`]):
//!
//! ```text
//! edges + b1factor("core", levels="core") + gwb1degree(0.5, fixed=TRUE)
//! ```
//!
//! * `edges`: the baseline log-odds that an actor sits on an arena;
//! * `b1factor("core", levels="core")`: does the core (the party actors by
//!   default) sit on more arenas than the other actors — the "one core"
//!   claim read on the arenas, as a coefficient;
//! * `gwb1degree(0.5, fixed=TRUE)`: whether memberships concentrate on a few
//!   actors beyond the core factor (negative: spread evenly; positive: a few
//!   multi-arena brokers), statnet's tutorial decay.
//!
//! With a single arena (elevator_sp, elevator_sy) every actor's degree is
//! 0 or 1 and `gwb1degree` equals `edges`: the default drops it
//! ([`default_two_mode`]). The arenas' side (`b2star`, `gwb2degree`) is left out of the default: the
//! cases have one to five arenas, too few to estimate the spread of arena
//! sizes (with one arena `gwb2degree` is a function of `edges`). A case
//! without an arena is [`Error::NoArena`].
//!
//! ```
//! use coprod::inference::ergm::bipartite::{DEFAULT_TWO_MODE, two_mode};
//! use coprod::model::{CoreSet, View};
//! let g = coprod::cases::load("jinsong")?;
//! let (data, model, mask) = two_mode(&View::aggregate(&g), DEFAULT_TWO_MODE, &CoreSet::default(), &[])?;
//! let arenas = data.attribute("mode")?.values().iter().filter(|m| *m == "2").count();
//! assert_eq!(mask.free_dyads().len(), (data.network.n() - arenas) * arenas);
//! assert_eq!(model.names(), ["edges", "b1factor.core.core", "gwb1deg.fixed.0.5"]);
//! // elevator_td has no arena: a typed error naming the case.
//! let td = coprod::cases::load("elevator_td")?;
//! let e = two_mode(&View::aggregate(&td), DEFAULT_TWO_MODE, &CoreSet::default(), &[]).unwrap_err();
//! assert!(matches!(e, coprod::Error::NoArena { .. }) && e.to_string().contains("elevator_td"));
//! # Ok::<(), coprod::Error>(())
//! ```
//!
//! References: Wang, Sharpe, Robins & Pattison (2009), *Social Networks*
//! 31(1), doi:10.1016/j.socnet.2008.10.003 (ERGMs for affiliation networks);
//! Breiger (1974), The duality of persons and groups, *Social Forces* 53(2),
//! doi:10.2307/2576011.

use super::constraints::DyadMask;
use super::network::{ErgmData, Network};
use super::terms::Model;
pub use super::terms::bipartite::MODE;
use crate::error::{Error, Result};
use crate::model::{CoreSet, Kind, View};

/// The default two-mode formula (see the module doc).
pub const DEFAULT_TWO_MODE: &str =
    "edges + b1factor(\"core\", levels=\"core\") + gwb1degree(0.5, fixed=TRUE)";

/// The default formula with a single arena: every actor's degree is 0 or 1,
/// so `gwb1degree` would equal `edges` (linearly dependent) and is dropped.
pub const DEFAULT_TWO_MODE_ONE_ARENA: &str = "edges + b1factor(\"core\", levels=\"core\")";

/// The default two-mode formula of a view: [`DEFAULT_TWO_MODE`], or
/// [`DEFAULT_TWO_MODE_ONE_ARENA`] when the view has a single arena.
pub fn default_two_mode(view: &View<'_>) -> &'static str {
    let g = view.graph();
    let arenas = view
        .actor_indices()
        .iter()
        .filter(|&&i| g.actor(i).kind == Kind::Arena)
        .count();
    if arenas == 1 {
        DEFAULT_TWO_MODE_ONE_ARENA
    } else {
        DEFAULT_TWO_MODE
    }
}

/// The two-mode network of a view: the data (actors then arenas, attribute
/// [`MODE`] and `core` written from `core`), the parsed formula and the mask
/// (only actor – arena dyads free; `fixed` actor–arena pairs, by id, held at
/// their observed value).
///
/// # Errors
/// [`Error::NoArena`] for a view without an arena; [`Error::InvalidParameter`]
/// for a view without a non-arena actor, or a `"core"` formula whose core has
/// no actor in the view, or a fixed pair that is not actor – arena;
/// [`Error::UnknownActor`] for a fixed id the view lacks; every error of
/// [`Model::parse`].
pub fn two_mode(
    view: &View<'_>,
    formula: &str,
    core: &CoreSet,
    fixed: &[(String, String)],
) -> Result<(ErgmData, Model, DyadMask)> {
    let g = view.graph();
    let idx = view.actor_indices();
    let is_arena = |d: usize| g.actor(idx[d]).kind == Kind::Arena;
    let actors: Vec<usize> = (0..idx.len()).filter(|&d| !is_arena(d)).collect();
    let arenas: Vec<usize> = (0..idx.len()).filter(|&d| is_arena(d)).collect();
    if arenas.is_empty() {
        let in_case = (0..g.actor_count()).any(|i| g.actor(i).kind == Kind::Arena);
        return Err(Error::NoArena {
            case: g.meta().id.clone(),
            detail: if in_case {
                " left in this view: the view leaves its arenas out".into()
            } else {
                String::new()
            },
        });
    }
    if actors.is_empty() {
        return Err(Error::InvalidParameter {
            name: "arenas",
            reason: format!(
                "the view of `{}` has arenas but no other actor: no first mode",
                g.meta().id
            ),
        });
    }
    // Dense view index → two-mode node.
    let order: Vec<usize> = actors.iter().chain(&arenas).copied().collect();
    let mut node = vec![usize::MAX; idx.len()];
    for (k, &d) in order.iter().enumerate() {
        node[d] = k;
    }
    let mut dense = vec![usize::MAX; g.actor_count()];
    for (d, &i) in idx.iter().enumerate() {
        dense[i] = d;
    }
    let n1 = actors.len();
    let n = order.len();
    let mut net = Network::empty(n, false);
    for t in view.ties() {
        let (s, d) = (dense[t.source], dense[t.target]);
        if s == usize::MAX || d == usize::MAX {
            continue;
        }
        let (u, v) = (node[s], node[d]);
        // Only actor – arena ties (the codebook has no arena – arena tie;
        // actor – actor ties belong to the one-mode network).
        if (u < n1) != (v < n1) && !net.has(u, v) {
            net.toggle(u, v);
        }
    }
    let one = crate::inference::ergm::network::ErgmData::from_view(view);
    let mut data = ErgmData::new(net);
    data.node_names = order.iter().map(|&d| one.node_names[d].clone()).collect();
    for name in one.attribute_names() {
        let vals = one.attribute(name)?.values();
        let reordered: Vec<&str> = order.iter().map(|&d| vals[d].as_str()).collect();
        data.set_attribute(name, &reordered)?;
    }
    let modes: Vec<&str> = (0..n).map(|k| if k < n1 { "1" } else { "2" }).collect();
    data.set_attribute(MODE, &modes)?;
    let core_set = core.node_set(view)?;
    if formula.contains("\"core\"") && !order.iter().any(|&d| core_set.contains(d)) {
        return Err(Error::InvalidParameter {
            name: "core",
            reason: format!(
                "no actor of the core `{core}` in this view: name the core (--core kind:<kind> or ids)"
            ),
        });
    }
    let labels: Vec<&str> = order
        .iter()
        .map(|&d| {
            if core_set.contains(d) {
                "core"
            } else {
                "other"
            }
        })
        .collect();
    data.set_attribute("core", &labels)?;
    let model = Model::parse(formula, &data)?;
    // Two classes, actors (0) and arenas (1): only actor – arena dyads are free.
    let class = (0..n).map(|u| u32::from(u >= n1)).collect();
    let mut mask = DyadMask::by_class(false, class, 2, &[false, true, true, false]);
    for (a, b) in fixed {
        let pos = |id: &str| -> Result<usize> {
            data.node_names
                .iter()
                .position(|x| x == id)
                .ok_or_else(|| g.unknown_actor(id))
        };
        let (u, v) = (pos(a)?, pos(b)?);
        if (u < n1) == (v < n1) {
            return Err(Error::InvalidParameter {
                name: "fix",
                reason: format!(
                    "`{a}:{b}` is not an actor – arena pair: the two-mode network has no such dyad"
                ),
            });
        }
        mask.fix(u, v);
    }
    Ok((data, model, mask))
}

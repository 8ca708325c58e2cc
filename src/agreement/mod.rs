//! Inter-coder agreement: two codings of one case compared tie by tie.
//!
//! A coding is trusted when a second, independent coder agrees with it and
//! the disagreements are reconciled in the open. [`agree`] compares two
//! codings (two [`MultiplexGraph`]s of one case):
//!
//! * **actors** are matched ([`match_actors`]) by a user's [`Mapping`]
//!   first (an actor may map to several: a split or a merge), then by id,
//!   then by the normalised Chinese or English label ([`normalize_label`]:
//!   full-width forms folded, Traditional = Simplified, punctuation and case
//!   ignored); matched actors form groups, and the actors that matched
//!   nothing are listed;
//! * **ties** are projected onto the groups and compared as items, one per
//!   dyad × layer (ordered dyads in a directed layer, unordered in an
//!   undirected one), present or absent in each coding: per layer and pooled
//!   over the layers either coding uses, Jaccard, positive agreement,
//!   Cohen's κ ([`cohen_kappa`]) and Krippendorff's α ([`krippendorff_alpha`]),
//!   with the prevalence caveat ([`LayerAgreement::prevalence_caveat`]);
//! * a **direction** confusion table (same, reversed, both) and a **layer**
//!   confusion table (which layer one coding uses where the other uses
//!   another);
//! * **every disagreement** with both codings' ties between the pair and
//!   their quotes side by side;
//! * the **combined codings** ([`Agreement::combined`]): the intersection
//!   (ties both code, among the matched actors) and the union (ties either
//!   codes), as graphs every measure reads.
//!
//! Running an analysis on the two codings and their combinations is the
//! report's job (`report::agreement`); this module knows only the model.
//!
//! ```
//! use coprod::agreement::{AgreementOptions, agree};
//! let a = coprod::io::load_case_str("a", "", "id,label,label_zh,kind,level\np,Branch,社區黨支部,party,community\nr,Residents,居民,resident,community\nf,Firm,企業,market,community\n",
//!     "source,target,layer,quote\np,r,leadership,組織居民\nf,r,service,服務居民\n").unwrap();
//! let b = coprod::io::load_case_str("b", "", "id,label,label_zh,kind,level\nbranch,,社区党支部,party,community\nr,Residents,居民,resident,community\nf,Firm,企业,market,community\n",
//!     "source,target,layer,quote\nbranch,r,leadership,组织居民\nf,r,resource,服务居民\n").unwrap();
//! let x = agree(&a, &b, &AgreementOptions::default()).unwrap();
//! assert_eq!(x.overall.both, 1);                         // p -> r, leadership
//! assert_eq!(x.overall.jaccard, Some(1.0 / 3.0));        // service (A) vs resource (B)
//! assert_eq!(x.disagreements.len(), 2);
//! assert_eq!(x.disagreements[0].kind.as_str(), "other layer");
//! let both = x.combined(coprod::agreement::Combination::Intersection).unwrap();
//! assert_eq!(both.tie_count(), 1);
//! ```

mod matching;
mod normalize;
mod statistics;
mod ties;

pub use matching::{Ambiguous, Group, Link, Mapping, MatchRule, Matching, Side, match_actors};
pub use normalize::normalize_label;
pub use statistics::{cohen_kappa, krippendorff_alpha};
pub use ties::{
    DirectionTable, Disagreement, DisagreementKind, Excluded, LayerAgreement, LayerConfusion,
    Orientation, TieRef,
};

use crate::error::Result;
use crate::model::{Actor, CaseMeta, Certainty, LayerSpec, MultiplexGraph, Provenance, Tie};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which actors' dyads are compared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Every actor of either coding (default): a tie to an actor the other
    /// coding lacks is a disagreement.
    #[default]
    All,
    /// Only actors both codings have (matched groups); ties touching an
    /// unmatched actor are set aside and listed in [`Agreement::excluded`].
    Matched,
}

/// What [`agree`] compares.
#[derive(Debug, Clone, Default)]
pub struct AgreementOptions {
    /// A user's actor mapping (`None`: ids and labels only).
    pub mapping: Option<Mapping>,
    /// Which actors' dyads are items.
    pub scope: Scope,
}

/// An actor attribute the two codings give differently within a matched group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorDifference {
    /// The group.
    pub group: String,
    /// `kind` or `level`.
    pub attribute: &'static str,
    /// A's values (one per A actor of the group).
    pub a: Vec<String>,
    /// B's values.
    pub b: Vec<String>,
}

/// Two codings compared: see the [module documentation](self).
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    /// Coding A's case id.
    pub a: String,
    /// Coding B's case id.
    pub b: String,
    /// Which dyads are items.
    pub scope: Scope,
    /// Actor counts `[A, B]`.
    pub actors: [usize; 2],
    /// Tie counts `[A, B]`.
    pub ties: [usize; 2],
    /// The actor matching.
    pub matching: Matching,
    /// Kinds and levels the codings give differently to a matched group.
    pub actor_differences: Vec<ActorDifference>,
    /// Per layer either coding uses, in layer order.
    pub layers: Vec<LayerAgreement>,
    /// Pooled over those layers: κ and α over every dyad × layer item.
    pub overall: LayerAgreement,
    /// Direction confusion over the directed layers.
    pub direction: DirectionTable,
    /// Layer confusion over the pairs either coding ties.
    pub layer_confusion: LayerConfusion,
    /// Every tie one coding has and the other lacks, in layer, source,
    /// target order (A's first within an item).
    pub disagreements: Vec<Disagreement>,
    /// Ties not compared (both ends in one group; outside the scope).
    pub excluded: Vec<Excluded>,
    #[serde(skip)]
    combined: CombinedParts,
}

/// What [`Agreement::combined`] builds from.
#[derive(Debug, Clone, Default)]
struct CombinedParts {
    actors: Vec<Actor>,
    in_scope: Vec<bool>,
    matched: Vec<bool>,
    specs: Vec<LayerSpec>,
    items: [BTreeMap<(usize, usize, usize), Vec<TieRef>>; 2],
}

/// A combination of the two codings ([`Agreement::combined`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Combination {
    /// The actors both codings have and the ties both code; a tie is
    /// `stated` when both codings state it.
    Intersection,
    /// Every actor in scope and every tie either codes; a tie is `stated`
    /// when either coding states it.
    Union,
}

impl Combination {
    /// `intersection` or `union`.
    pub fn as_str(self) -> &'static str {
        match self {
            Combination::Intersection => "intersection",
            Combination::Union => "union",
        }
    }
}

/// Compare coding `b` with coding `a` (see the [module documentation](self)).
///
/// Complexity: O(n_A · n_B) for the label matching, O(T log T) for T ties.
///
/// # Errors
/// [`match_actors`]'s for a mapping naming unknown ids;
/// [`Error::InvalidParameter`](crate::Error::InvalidParameter) for a layer
/// the two codings declare with different direction or sign.
pub fn agree(a: &MultiplexGraph, b: &MultiplexGraph, opts: &AgreementOptions) -> Result<Agreement> {
    let m = match_actors(a, b, opts.mapping.as_ref())?;
    let matched: Vec<bool> = m.groups.iter().map(Group::is_matched).collect();
    let in_scope: Vec<bool> = match opts.scope {
        Scope::All => vec![true; m.groups.len()],
        Scope::Matched => matched.clone(),
    };
    let p = ties::project(a, b, &m, &in_scope)?;
    let u = in_scope.iter().filter(|&&x| x).count() as u64;
    let (layers, overall) = ties::layer_agreements(&p, u);
    let direction = ties::direction_table(&p);
    let layer_confusion = ties::layer_confusion(&p);
    let disagreements = ties::disagreements(&p, &m);
    let actors = group_actors(a, b, &m)?;
    let actor_differences = actor_differences(a, b, &m);
    Ok(Agreement {
        a: a.meta().id.clone(),
        b: b.meta().id.clone(),
        scope: opts.scope,
        actors: [a.actor_count(), b.actor_count()],
        ties: [a.tie_count(), b.tie_count()],
        actor_differences,
        layers,
        overall,
        direction,
        layer_confusion,
        disagreements,
        excluded: p.excluded,
        combined: CombinedParts {
            actors,
            in_scope,
            matched,
            specs: p.specs,
            items: p.items,
        },
        matching: m,
    })
}

/// One actor per group: A's first member (labels of several joined), else B's.
fn group_actors(a: &MultiplexGraph, b: &MultiplexGraph, m: &Matching) -> Result<Vec<Actor>> {
    m.groups
        .iter()
        .map(|g| {
            let (graph, ids) = if g.a.is_empty() { (b, &g.b) } else { (a, &g.a) };
            let members: Vec<&Actor> = ids
                .iter()
                .map(|id| graph.actor_by_id(id))
                .collect::<Result<_>>()?;
            let mut x = members[0].clone();
            x.id = g.id.clone();
            if members.len() > 1 {
                x.label = members
                    .iter()
                    .map(|y| y.label.as_str())
                    .collect::<Vec<_>>()
                    .join(" + ");
                x.label_zh = members
                    .iter()
                    .map(|y| y.label_zh.as_str())
                    .collect::<Vec<_>>()
                    .join("、");
                x.size = None;
            }
            Ok(x)
        })
        .collect()
}

fn actor_differences(a: &MultiplexGraph, b: &MultiplexGraph, m: &Matching) -> Vec<ActorDifference> {
    let mut out = Vec::new();
    for g in m.groups.iter().filter(|g| g.is_matched()) {
        let get =
            |graph: &MultiplexGraph, ids: &[String], f: fn(&Actor) -> String| -> Vec<String> {
                ids.iter()
                    .filter_map(|id| graph.actor_by_id(id).ok())
                    .map(f)
                    .collect()
            };
        type Attr = (&'static str, fn(&Actor) -> String);
        let attrs: [Attr; 2] = [
            ("kind", |x| x.kind.to_string()),
            ("level", |x| x.level.to_string()),
        ];
        for (name, f) in attrs {
            let (va, vb) = (get(a, &g.a, f), get(b, &g.b, f));
            let mut sa = va.clone();
            let mut sb = vb.clone();
            sa.sort();
            sa.dedup();
            sb.sort();
            sb.dedup();
            if sa != sb {
                out.push(ActorDifference {
                    group: g.id.clone(),
                    attribute: name,
                    a: va,
                    b: vb,
                });
            }
        }
    }
    out
}

impl Agreement {
    /// The intersection or the union of the two codings as a graph on the
    /// groups (ids: [`Group::id`]; each group's actor is A's, labels joined
    /// when several A actors merged, else B's). Every tie keeps A's
    /// provenance where A has it, else B's. Its case id is
    /// `<a>_and_<b>` or `<a>_or_<b>`.
    ///
    /// # Errors
    /// None for an agreement [`agree`] returned (the graph's own checks).
    ///
    /// # Panics
    /// Never: the combined graph declares every layer of both codings.
    pub fn combined(&self, which: Combination) -> Result<MultiplexGraph> {
        let c = &self.combined;
        let keep: Vec<bool> = match which {
            Combination::Intersection => c.matched.clone(),
            Combination::Union => c.in_scope.clone(),
        };
        let meta = CaseMeta {
            id: format!(
                "{}_{}_{}",
                self.a,
                if which == Combination::Union {
                    "or"
                } else {
                    "and"
                },
                self.b
            ),
            ..CaseMeta::default()
        };
        let extra: Vec<LayerSpec> = crate::model::extra_layers(&c.specs);
        let mut g = MultiplexGraph::with_meta(meta, extra)?;
        let mut index = vec![usize::MAX; c.actors.len()];
        for (k, x) in c.actors.iter().enumerate() {
            if keep[k] {
                index[k] = g.add_actor(x.clone())?;
            }
        }
        type Sides<'t> = [Option<&'t Vec<TieRef>>; 2];
        let mut items: BTreeMap<(usize, usize, usize), Sides> = BTreeMap::new();
        for s in 0..2 {
            for (k, v) in &c.items[s] {
                items.entry(*k).or_default()[s] = Some(v);
            }
        }
        for ((l, i, j), [ta, tb]) in items {
            if index[i] == usize::MAX || index[j] == usize::MAX {
                continue;
            }
            let present = match which {
                Combination::Intersection => ta.is_some() && tb.is_some(),
                Combination::Union => ta.is_some() || tb.is_some(),
            };
            if !present {
                continue;
            }
            let stated = |t: Option<&Vec<TieRef>>| {
                t.is_some_and(|v| v.iter().any(|r| r.certainty.is_stated()))
            };
            let is_stated = match which {
                Combination::Intersection => stated(ta) && stated(tb),
                Combination::Union => stated(ta) || stated(tb),
            };
            let first = ta.or(tb).and_then(|v| v.first());
            let prov =
                first.map_or_else(Provenance::default, |r| Provenance::new(&r.doc, &r.quote));
            let layer = g
                .layer_id(&c.specs[l].name)
                .expect("the combined graph declares every layer of both codings");
            g.push_tie(&Tie {
                source: index[i],
                target: index[j],
                layer,
                weight: 1.0,
                provenance: prov,
                certainty: if is_stated {
                    Certainty::Stated
                } else {
                    Certainty::Inferred
                },
            })?;
        }
        Ok(g)
    }
}

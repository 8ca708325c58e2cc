//! The hypothesis part of the summary: is the core set ("one core" — by
//! default the party actors) the network's core, and does the network fall
//! apart without it?

use super::inputs::Inputs;
use crate::error::Result;
use crate::measures::centrality::{self, GroupBetweennessOptions, GroupClosenessOptions};
use crate::measures::core_periphery::{
    CorePeriphery, CorePeripheryModel, CoreSearch, FragmentationOptions, best_core,
    core_periphery_fit, distance_fragmentation, fragmentation,
};
use crate::measures::{Direction, EdgeLength};
pub use crate::model::CoreSet;
use crate::model::NodeSet;

/// The hypothesis about one core set on one view: the set, and the best core
/// the seeded core–periphery search finds.
pub(super) struct Hypothesis<'a, 'v, 'g> {
    x: &'a Inputs<'v, 'g>,
    core: NodeSet,
    best: Option<CorePeriphery>,
}

const MODEL: CorePeripheryModel = CorePeripheryModel {
    off_diagonal: crate::measures::core_periphery::OffDiagonal::Missing,
    entries: crate::measures::Weights::Ignore,
};

impl<'a, 'v, 'g> Hypothesis<'a, 'v, 'g> {
    pub(super) fn new(x: &'a Inputs<'v, 'g>, core: &CoreSet) -> Result<Self> {
        Ok(Hypothesis {
            x,
            core: core.node_set(x.view)?,
            best: best_core(&x.csr, &MODEL, &CoreSearch::default())?,
        })
    }

    /// `f()` when the core set has a member, else `None` (undefined).
    fn with_core(&self, f: impl FnOnce() -> Result<Option<f64>>) -> Result<Option<f64>> {
        if self.core.is_empty() { Ok(None) } else { f() }
    }

    pub(super) fn best_core_ids(&self) -> Vec<String> {
        let ids = self.x.view.ids();
        self.best
            .as_ref()
            .map(|b| b.core.iter().map(|d| ids[d].to_string()).collect())
            .unwrap_or_default()
    }
}

/// One hypothesis row: name, meaning, reference, computation.
pub struct HypothesisRow {
    /// The row's name.
    pub name: &'static str,
    /// What it measures, and when it is undefined.
    pub doc: &'static str,
    /// The reference implementation and convention it equals.
    pub reference: &'static str,
    compute: fn(&Hypothesis) -> Result<Option<f64>>,
}

impl HypothesisRow {
    pub(super) fn compute_hypothesis(&self, h: &Hypothesis) -> Result<Option<f64>> {
        (self.compute)(h)
    }
}

/// The rows about the core set, after the graph rows of the summary. Every
/// `core_*` row is undefined when the core set has no actor in the view (X
/// district has no party actor).
pub const HYPOTHESIS_ROWS: &[HypothesisRow] = &[
    HypothesisRow {
        name: "core_actors",
        doc: "number of actors in the core set",
        reference: "len(C)",
        compute: |h| Ok(Some(h.core.len() as f64)),
    },
    HypothesisRow {
        name: "core_group_degree",
        doc: "share of the other actors tied to the core set in either direction",
        reference: "networkx.group_degree_centrality(G.to_undirected(), C)",
        compute: |h| h.with_core(|| centrality::group_degree(&h.x.csr, &h.core, Direction::All)),
    },
    HypothesisRow {
        name: "core_group_closeness",
        doc: "group closeness of the core set (distances to the group)",
        reference: "networkx.group_closeness_centrality(G, C)",
        compute: |h| {
            h.with_core(|| {
                centrality::group_closeness(&h.x.csr, &h.core, &GroupClosenessOptions::default())
                    .map(Some)
            })
        },
    },
    HypothesisRow {
        name: "core_group_betweenness",
        doc: "group betweenness of the core set (Everett-Borgatti), normalised over pairs of non-members; undefined with fewer than 2 non-members",
        reference: "networkx.group_betweenness_centrality(G, C, normalized=True) (brute force: scripts/reference)",
        compute: |h| {
            h.with_core(|| {
                centrality::group_betweenness(
                    &h.x.csr,
                    &h.core,
                    &GroupBetweennessOptions::default(),
                )
            })
        },
    },
    HypothesisRow {
        name: "core_fit",
        doc: "Borgatti-Everett discrete core-periphery fit with the core set as the core (core-periphery cells missing); undefined where the correlation is",
        reference: "coprod (hand-checked; see measures::core_periphery)",
        compute: |h| h.with_core(|| core_periphery_fit(&h.x.csr, &h.core, &MODEL)),
    },
    HypothesisRow {
        name: "best_core_fit",
        doc: "fit of the best core found by the seeded search (seed 0, 50 restarts)",
        reference: "coprod (checked against exhaustive search on small graphs)",
        compute: |h| Ok(h.best.as_ref().map(|b| b.fit)),
    },
    HypothesisRow {
        name: "best_core_core_share",
        doc: "share of the best core's actors that are in the core set",
        reference: "|best ∩ C| / |best|",
        compute: |h| {
            Ok(h.best.as_ref().and_then(|b| {
                (!b.core.is_empty()).then(|| {
                    b.core.iter().filter(|&u| h.core.contains(u)).count() as f64
                        / b.core.len() as f64
                })
            }))
        },
    },
    HypothesisRow {
        name: "fragmentation_without_core",
        doc: "Borgatti's key-player F after removing the core set (reachability); undefined with fewer than 2 actors left",
        reference: "1 - Σ s(s-1) / (n(n-1)) over networkx components of G minus C",
        compute: |h| {
            h.with_core(|| fragmentation(&h.x.csr, &h.core, &FragmentationOptions::default()))
        },
    },
    HypothesisRow {
        name: "distance_fragmentation_without_core",
        doc: "Borgatti's distance-weighted fragmentation DF after removing the core set",
        reference: "1 - networkx.global_efficiency(G minus C) (undirected)",
        compute: |h| {
            h.with_core(|| {
                distance_fragmentation(
                    &h.x.csr,
                    &h.core,
                    &FragmentationOptions {
                        weighting: EdgeLength::Hops,
                        ..Default::default()
                    },
                )
            })
        },
    },
];

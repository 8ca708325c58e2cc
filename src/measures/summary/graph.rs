//! The graph-level measures of a view, with the "one core, many actors" test quantities.

use super::{csv_number, json_number};
use crate::error::Result;
use crate::measures::brokerage::{self, Role};
use crate::measures::centrality::{self, GroupBetweennessOptions, GroupClosenessOptions};
use crate::measures::centralization;
use crate::measures::cohesion::{self, ClusteringOptions, DistanceOptions, Unreachable};
use crate::measures::core::{
    CorePeripheryModel, CoreSearch, FragmentationOptions, best_core, core_periphery_fit,
    distance_fragmentation, fragmentation,
};
use crate::measures::{Direction, Weighting};
use crate::model::{Attribute, Kind, Partition, View};

/// The rows of [`graph_summary`]: `(name, meaning and reference convention)`.
pub const GRAPH_ROWS: &[(&str, &str)] = &[
    ("actors", "number of actors in the view"),
    (
        "ties",
        "number of distinct ties after merging layers (arcs if directed)",
    ),
    ("directed", "1 if the view is directed, else 0"),
    ("density", "networkx.density / sna::gden"),
    ("reciprocity", "networkx.reciprocity (directed views only)"),
    (
        "transitivity",
        "networkx.transitivity (directed views read as undirected: igraph transitivity_undirected)",
    ),
    (
        "average_clustering",
        "networkx.average_clustering (Fagiolo's for a directed view)",
    ),
    ("weak_components", "number of weakly connected components"),
    (
        "strong_components",
        "number of strongly connected components",
    ),
    (
        "mean_distance",
        "igraph average_path_length(unconn=True): mean hop distance over reachable ordered pairs",
    ),
    (
        "diameter",
        "igraph diameter(unconn=True): longest finite hop distance",
    ),
    (
        "global_efficiency",
        "networkx.global_efficiency (mean of 1/d over ordered pairs)",
    ),
    ("connectedness", "sna::connectedness (Krackhardt)"),
    (
        "krackhardt_hierarchy",
        "sna::hierarchy(measure=\"krackhardt\")",
    ),
    ("krackhardt_efficiency", "sna::efficiency"),
    ("lubness", "sna::lubness (least upper boundedness)"),
    (
        "degree_centralization",
        "sna::centralization(g, degree, cmode=\"freeman\") with sna's theoretical maximum",
    ),
    (
        "indegree_centralization",
        "sna::centralization(g, degree, cmode=\"indegree\")",
    ),
    (
        "outdegree_centralization",
        "sna::centralization(g, degree, cmode=\"outdegree\")",
    ),
    (
        "closeness_centralization",
        "sna::centralization(g, closeness); undefined-as-sna on disconnected views",
    ),
    (
        "betweenness_centralization",
        "sna::centralization(g, betweenness)",
    ),
    (
        "eigenvector_centralization",
        "sna::centralization(g, evcent)",
    ),
    (
        "ei_index",
        "Krackhardt-Stern E-I index of all ties by the partition (a reciprocated pair once)",
    ),
    (
        "brokerage",
        "total Gould-Fernandez brokerage t over the graph (sna::brokerage raw.gli)",
    ),
    (
        "brokerage_z",
        "z-score of the total brokerage (sna::brokerage z.gli)",
    ),
    ("party_actors", "number of actors of kind party"),
    (
        "party_group_degree",
        "share of non-party actors tied to a party actor in either direction (networkx.group_degree_centrality of the symmetrised view)",
    ),
    (
        "party_group_closeness",
        "networkx.group_closeness_centrality of the party actors",
    ),
    (
        "party_group_betweenness",
        "group betweenness of the party actors (Everett-Borgatti, normalized as networkx)",
    ),
    (
        "party_core_fit",
        "Borgatti-Everett discrete core-periphery fit with the party actors as the core (core-periphery cells missing)",
    ),
    (
        "best_core_fit",
        "fit of the best core found by coprod's seeded search (seed 0, 50 restarts)",
    ),
    (
        "best_core_party_share",
        "share of the best core's actors that are party actors",
    ),
    (
        "fragmentation_without_party",
        "Borgatti's key-player F after removing the party actors (reachability)",
    ),
    (
        "distance_fragmentation_without_party",
        "Borgatti's distance-weighted fragmentation DF after removing the party actors",
    ),
];

/// Graph-level measures of a view ([`GRAPH_ROWS`]) and the best core's members.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphSummary {
    /// `values[r]` for row `GRAPH_ROWS[r]`; `None` where undefined.
    pub values: Vec<Option<f64>>,
    /// Ids of the best core found by the seeded search.
    pub best_core: Vec<String>,
    /// The partition attribute used for the E-I index and brokerage.
    pub partition: String,
}

impl GraphSummary {
    /// The value of a row, `None` if undefined or unknown.
    pub fn get(&self, row: &str) -> Option<f64> {
        GRAPH_ROWS
            .iter()
            .position(|(n, _)| *n == row)
            .and_then(|r| self.values[r])
    }

    /// `measure,value` lines (undefined empty), then `best_core` with ids joined by `;`.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("measure,value\n");
        for ((name, _), v) in GRAPH_ROWS.iter().zip(&self.values) {
            out.push_str(&format!("{name},{}\n", csv_number(v.unwrap_or(f64::NAN))));
        }
        out.push_str(&format!("best_core,{}\n", self.best_core.join(";")));
        out
    }

    /// A JSON object, one key per row (undefined `null`), plus `best_core` and `partition`.
    pub fn to_json(&self) -> String {
        let mut o = serde_json::Map::new();
        for ((name, _), v) in GRAPH_ROWS.iter().zip(&self.values) {
            o.insert((*name).into(), json_number(v.unwrap_or(f64::NAN)));
        }
        o.insert("best_core".into(), self.best_core.clone().into());
        o.insert("partition".into(), self.partition.clone().into());
        serde_json::to_string_pretty(&serde_json::Value::Object(o)).expect("serialises")
    }
}

/// Every graph-level measure of a view, by the partition `attr`.
///
/// ```
/// use coprod::model::{Attribute, View};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let s = coprod::measures::summary::graph_summary(&View::aggregate(&g).symmetrized(), &Attribute::Sector).unwrap();
/// assert_eq!(s.get("actors"), Some(37.0));
/// assert!(s.get("fragmentation_without_party").unwrap() > 0.0);
/// ```
pub fn graph_summary(view: &View<'_>, attr: &Attribute) -> Result<GraphSummary> {
    let g = view.csr();
    let n = g.node_count();
    let partition = Partition::of_view(view, attr);
    let graph = view.graph();
    let kept = view.actor_indices();
    let party: Vec<usize> = (0..n)
        .filter(|&d| graph.actor(kept[d]).kind == Kind::Party)
        .collect();
    let party_u32: Vec<u32> = party.iter().map(|&d| d as u32).collect();
    let dist = DistanceOptions {
        unreachable: Unreachable::Skip,
        ..Default::default()
    };
    let bro = brokerage::brokerage(&g, &partition)?;
    let ei = super::ei_all_ties(&g, &partition)?;
    let model = CorePeripheryModel::default();
    let best = best_core(&g, model, CoreSearch::default())?;
    let is_party: Vec<bool> = (0..n).map(|d| party.contains(&d)).collect();
    let has_party = !party.is_empty();
    let opt_if = |c: bool, f: &dyn Fn() -> Result<Option<f64>>| -> Result<Option<f64>> {
        if c { f() } else { Ok(None) }
    };
    let undirected = g.to_undirected(crate::model::Aggregation::Sum);
    let values = vec![
        Some(n as f64),
        Some(g.edge_count() as f64),
        Some(if g.is_directed() { 1.0 } else { 0.0 }),
        cohesion::density(&g, &Default::default()),
        if g.is_directed() {
            cohesion::reciprocity(&g, &Default::default())
        } else {
            None
        },
        Some(cohesion::transitivity(&undirected)),
        cohesion::average_clustering(&g, &ClusteringOptions::default())?,
        Some(cohesion::weak_components(&g).count() as f64),
        Some(cohesion::strong_components(&g).count() as f64),
        cohesion::mean_distance(&g, &dist),
        cohesion::diameter(&g, &dist),
        cohesion::global_efficiency(&g, &dist),
        Some(cohesion::connectedness(&g)),
        cohesion::hierarchy(&g, &Default::default()),
        cohesion::krackhardt_efficiency(&g),
        cohesion::lubness(&g),
        centralization::degree_centralization(&g, Direction::All),
        centralization::degree_centralization(&g, Direction::In),
        centralization::degree_centralization(&g, Direction::Out),
        centralization::closeness_centralization(&g),
        centralization::betweenness_centralization(&g),
        centralization::eigenvector_centralization(&g).unwrap_or(None),
        ei.graph,
        Some(bro.raw_graph[Role::Total.index()]),
        Some(bro.z_graph[Role::Total.index()]).filter(|z| !z.is_nan()),
        Some(party.len() as f64),
        opt_if(has_party, &|| {
            centrality::group_degree(&g, &party, Direction::All)
        })?,
        opt_if(has_party, &|| {
            centrality::group_closeness(&g, &party, &GroupClosenessOptions::default()).map(Some)
        })?,
        opt_if(has_party, &|| {
            centrality::group_betweenness(&g, &party, &GroupBetweennessOptions::default())
        })?,
        opt_if(has_party, &|| core_periphery_fit(&g, &is_party, model))?,
        best.as_ref().map(|b| b.fit),
        best.as_ref().and_then(|b| {
            let size = b.core.iter().filter(|&&c| c).count();
            (size > 0).then(|| {
                b.core
                    .iter()
                    .zip(&is_party)
                    .filter(|&(&c, &p)| c && p)
                    .count() as f64
                    / size as f64
            })
        }),
        opt_if(has_party, &|| fragmentation(&g, &party_u32))?,
        opt_if(has_party, &|| {
            distance_fragmentation(
                &g,
                &party_u32,
                FragmentationOptions {
                    weighting: Weighting::Unweighted,
                },
            )
        })?,
    ];
    debug_assert_eq!(values.len(), GRAPH_ROWS.len());
    let ids = view.ids();
    Ok(GraphSummary {
        values: values
            .into_iter()
            .map(|v| v.filter(|x| !x.is_nan()))
            .collect(),
        best_core: best
            .map(|b| {
                (0..n)
                    .filter(|&d| b.core[d])
                    .map(|d| ids[d].to_string())
                    .collect()
            })
            .unwrap_or_default(),
        partition: attr.name().to_string(),
    })
}

//! One row per actor, every actor-level measure a column.

use super::{csv_number, json_number};
use crate::error::Result;
use crate::measures::Direction;
use crate::measures::brokerage::{self, Role, StructuralHolesOptions};
use crate::measures::centrality::{self, DegreeOptions, DegreeScale, Weights};
use crate::measures::cohesion::{self, ClusteringOptions, CoreOptions};
use crate::model::{Attribute, Partition, View};

/// The columns of [`actor_table`] after `id, kind, sector, level, group`:
/// `(name, meaning and reference convention)`. All are computed on the view's
/// snapshot; "directed view" means the default aggregate of the positive
/// layers, where an undirected layer's tie counts both ways.
pub const ACTOR_COLUMNS: &[(&str, &str)] = &[
    (
        "in_degree",
        "number of in-neighbours (sna::degree cmode=\"indegree\" on the 0/1 matrix; = degree if undirected)",
    ),
    (
        "out_degree",
        "number of out-neighbours (sna::degree cmode=\"outdegree\"; = degree if undirected)",
    ),
    (
        "degree",
        "in + out neighbours for a directed view (sna::degree cmode=\"freeman\"), neighbours if undirected",
    ),
    (
        "strength",
        "sum of tie weights, in + out (igraph strength(mode=\"all\"))",
    ),
    (
        "degree_centrality",
        "networkx.degree_centrality: degree / (n - 1)",
    ),
    (
        "closeness",
        "networkx.closeness_centrality (distances to the actor, Wasserman-Faust correction)",
    ),
    (
        "harmonic",
        "networkx.harmonic_centrality (sum of 1/d over the other actors)",
    ),
    (
        "betweenness",
        "networkx.betweenness_centrality(normalized=True), hop distances",
    ),
    (
        "eigenvector",
        "networkx.eigenvector_centrality (in-ties for a directed view); empty where undefined (acyclic)",
    ),
    ("pagerank", "networkx.pagerank(alpha=0.85), weighted"),
    (
        "core_number",
        "networkx.core_number / igraph coreness(mode=\"all\")",
    ),
    (
        "clustering",
        "networkx.clustering (Fagiolo's directed clustering for a directed view)",
    ),
    (
        "effective_size",
        "networkx.effective_size (Burt), unweighted",
    ),
    (
        "efficiency",
        "networkx efficiency: effective size / number of contacts",
    ),
    ("constraint", "networkx.constraint (Burt), unweighted"),
    (
        "hierarchy",
        "Burt's hierarchy of the constraint contributions (coprod; see measures::brokerage::hierarchy)",
    ),
    (
        "coordinator",
        "Gould-Fernandez w_I count by the group column (sna::brokerage raw.nli)",
    ),
    (
        "itinerant",
        "Gould-Fernandez w_O count (sna::brokerage raw.nli)",
    ),
    (
        "representative",
        "Gould-Fernandez b_IO count (sna::brokerage raw.nli)",
    ),
    (
        "gatekeeper",
        "Gould-Fernandez b_OI count (sna::brokerage raw.nli)",
    ),
    (
        "liaison",
        "Gould-Fernandez b_O count (sna::brokerage raw.nli)",
    ),
    (
        "brokerage",
        "Gould-Fernandez total t (sna::brokerage raw.nli)",
    ),
    (
        "coordinator_z",
        "z-score of w_I against sna's null model (sna::brokerage z.nli)",
    ),
    ("itinerant_z", "z-score of w_O (sna::brokerage z.nli)"),
    ("representative_z", "z-score of b_IO (sna::brokerage z.nli)"),
    ("gatekeeper_z", "z-score of b_OI (sna::brokerage z.nli)"),
    ("liaison_z", "z-score of b_O (sna::brokerage z.nli)"),
    ("brokerage_z", "z-score of t (sna::brokerage z.nli)"),
    (
        "ei",
        "Krackhardt-Stern E-I index of the actor's ties (all directions, a reciprocated pair once) by the group column",
    ),
];

/// The actor table of a view: ids, attributes and one value per [`ACTOR_COLUMNS`] entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorTable {
    /// Actor ids, in the view's order.
    pub ids: Vec<String>,
    /// `[kind, sector, level, group]` per actor.
    pub attrs: Vec<[String; 4]>,
    /// The partition attribute that defines `group`.
    pub partition: String,
    /// `values[i][c]`: actor `i`, column `ACTOR_COLUMNS[c]`; NaN where undefined.
    pub values: Vec<Vec<f64>>,
}

impl ActorTable {
    /// The value of a column for an actor, if both exist.
    pub fn get(&self, id: &str, column: &str) -> Option<f64> {
        let i = self.ids.iter().position(|x| x == id)?;
        let c = ACTOR_COLUMNS.iter().position(|(n, _)| *n == column)?;
        Some(self.values[i][c])
    }

    /// The table as CSV: `id,kind,sector,level,group,<columns>`; undefined values empty.
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let header: Vec<&str> = ["id", "kind", "sector", "level", "group"]
            .into_iter()
            .chain(ACTOR_COLUMNS.iter().map(|c| c.0))
            .collect();
        w.write_record(&header).expect("in memory");
        for (i, id) in self.ids.iter().enumerate() {
            let mut rec: Vec<String> = vec![id.clone()];
            rec.extend(self.attrs[i].iter().cloned());
            rec.extend(self.values[i].iter().map(|&x| csv_number(x)));
            w.write_record(&rec).expect("in memory");
        }
        String::from_utf8(w.into_inner().expect("in memory")).expect("utf-8")
    }

    /// The table as JSON: an array of objects, one per actor; undefined values `null`.
    pub fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut o = serde_json::Map::new();
                o.insert("id".into(), id.clone().into());
                for (k, v) in ["kind", "sector", "level", "group"]
                    .iter()
                    .zip(&self.attrs[i])
                {
                    o.insert((*k).into(), v.clone().into());
                }
                for (c, &(name, _)) in ACTOR_COLUMNS.iter().enumerate() {
                    o.insert(name.into(), json_number(self.values[i][c]));
                }
                serde_json::Value::Object(o)
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("serialises")
    }
}

/// Every actor-level measure of a view, by the partition `attr` (kind,
/// sector, level or a user column) for brokerage and the E-I index.
///
/// ```
/// use coprod::model::{Attribute, View};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let t = coprod::measures::summary::actor_table(&View::aggregate(&g), &Attribute::Sector).unwrap();
/// assert_eq!(t.ids.len(), g.actor_count());
/// // The sub-district office brokers between sectors in every Gould-Fernandez role.
/// assert!(t.get("subdistrict_office", "liaison").unwrap() > 0.0);
/// ```
pub fn actor_table(view: &View<'_>, attr: &Attribute) -> Result<ActorTable> {
    let g = view.csr();
    let n = g.node_count();
    let partition = Partition::of_view(view, attr);
    let raw = |direction, weights| DegreeOptions {
        direction,
        weights,
        scale: DegreeScale::Raw,
    };
    let nan = || vec![f64::NAN; n];
    let sh = StructuralHolesOptions::default();
    let bro = brokerage::brokerage(&g, &partition)?;
    let ei = super::ei_all_ties(&g, &partition)?;
    let mut cols: Vec<Vec<f64>> = vec![
        centrality::degree(&g, &raw(Direction::In, Weights::Ignore)),
        centrality::degree(&g, &raw(Direction::Out, Weights::Ignore)),
        centrality::degree(&g, &raw(Direction::All, Weights::Ignore)),
        centrality::degree(&g, &raw(Direction::All, Weights::Strength)),
        centrality::degree(&g, &DegreeOptions::default()),
        centrality::closeness(&g, &Default::default()),
        centrality::harmonic(&g, &Default::default()),
        centrality::betweenness(&g, &Default::default()),
        centrality::eigenvector(&g, &Default::default()).unwrap_or_else(|_| nan()),
        centrality::pagerank(
            &g,
            &centrality::PageRankOptions {
                weights: Weights::Strength,
                ..Default::default()
            },
        )
        .unwrap_or_else(|_| nan()),
        cohesion::core_number(
            &g,
            &CoreOptions {
                direction: Direction::All,
            },
        ),
        cohesion::local_clustering(&g, &ClusteringOptions::default()).unwrap_or_else(|_| nan()),
        brokerage::effective_size(&g, &sh),
        brokerage::efficiency(&g, &sh),
        brokerage::constraint(&g, &sh),
        brokerage::hierarchy(&g, &sh),
    ];
    for role in Role::COLUMNS {
        cols.push(bro.raw.iter().map(|r| r[role.index()]).collect());
    }
    for role in Role::COLUMNS {
        cols.push(bro.z.iter().map(|r| r[role.index()]).collect());
    }
    cols.push(ei.actors);
    debug_assert_eq!(cols.len(), ACTOR_COLUMNS.len());
    let graph = view.graph();
    let attrs = view
        .actor_indices()
        .iter()
        .enumerate()
        .map(|(d, &i)| {
            let a = graph.actor(i);
            [
                a.kind.to_string(),
                a.sector().to_string(),
                a.level.to_string(),
                partition.labels()[partition.group(d) as usize].clone(),
            ]
        })
        .collect();
    Ok(ActorTable {
        ids: view.ids().into_iter().map(String::from).collect(),
        attrs,
        partition: attr.name().to_string(),
        values: (0..n)
            .map(|i| cols.iter().map(|c| c[i]).collect())
            .collect(),
    })
}

//! The actor table: one row per actor, one column per actor-level measure.

use super::inputs::Inputs;
use super::{ReportOptions, Table};
use crate::error::Result;
use crate::io::{csv_number, json_number};
use crate::measures::Direction;
use crate::measures::brokerage::{self, Role, StructuralHolesOptions};
use crate::measures::centrality::{self, DegreeOptions, DegreeScale, PageRankOptions, Weights};
use crate::measures::cohesion::{self, ClusteringOptions, CoreOptions};
use crate::model::{Scores, View};

/// One column of the actor table: its name, what it means, the reference
/// call it equals, and the function that computes it — kept in one entry so
/// that a name can never be matched to another column's values.
pub struct ActorColumn {
    /// The column's name in CSV and JSON.
    pub name: &'static str,
    /// What the column measures, and how undefined values arise.
    pub doc: &'static str,
    /// The reference implementation and convention it equals.
    pub reference: &'static str,
    compute: fn(&Inputs) -> Result<Vec<f64>>,
}

fn raw(direction: Direction, weights: Weights) -> DegreeOptions {
    DegreeOptions {
        direction,
        weights,
        scale: DegreeScale::Raw,
    }
}

fn role(x: &Inputs, r: Role, z: bool) -> Result<Vec<f64>> {
    let b = x.brokerage()?;
    Ok(brokerage::Brokerage::column(
        if z { &b.z } else { &b.raw },
        r,
    ))
}

const SH: StructuralHolesOptions = StructuralHolesOptions {
    weight: Weights::Ignore,
    parallelism: crate::measures::Parallelism::Auto,
};

macro_rules! col {
    ($name:literal, $doc:literal, $reference:literal, $f:expr) => {
        ActorColumn {
            name: $name,
            doc: $doc,
            reference: $reference,
            compute: $f,
        }
    };
}

/// The columns of [`actor_table`] after `id, kind, sector, level, group`, in
/// order. All are computed on the view's snapshot; on the default view (the
/// aggregate of the positive layers) an undirected layer's tie counts both ways.
pub const ACTOR_COLUMNS: &[ActorColumn] = &[
    col!(
        "in_degree",
        "number of in-neighbours (= degree if undirected)",
        "sna::degree(cmode=\"indegree\") on the 0/1 matrix",
        |x| Ok(centrality::degree(
            &x.csr,
            &raw(Direction::In, Weights::Ignore)
        ))
    ),
    col!(
        "out_degree",
        "number of out-neighbours (= degree if undirected)",
        "sna::degree(cmode=\"outdegree\") on the 0/1 matrix",
        |x| Ok(centrality::degree(
            &x.csr,
            &raw(Direction::Out, Weights::Ignore)
        ))
    ),
    col!(
        "degree",
        "in + out neighbours of a directed view, neighbours if undirected",
        "sna::degree(cmode=\"freeman\")",
        |x| Ok(centrality::degree(
            &x.csr,
            &raw(Direction::All, Weights::Ignore)
        ))
    ),
    col!(
        "strength",
        "sum of tie weights, in + out",
        "igraph strength(mode=\"all\")",
        |x| Ok(centrality::degree(
            &x.csr,
            &raw(Direction::All, Weights::Strength)
        ))
    ),
    col!(
        "degree_centrality",
        "degree / (n - 1)",
        "networkx.degree_centrality",
        |x| Ok(centrality::degree(&x.csr, &DegreeOptions::default()))
    ),
    col!(
        "closeness",
        "closeness from the distances to the actor, Wasserman-Faust correction for unreachable actors",
        "networkx.closeness_centrality",
        |x| Ok(centrality::closeness(&x.csr, &Default::default()))
    ),
    col!(
        "harmonic",
        "sum of 1/d over the other actors",
        "networkx.harmonic_centrality",
        |x| Ok(centrality::harmonic(&x.csr, &Default::default()))
    ),
    col!(
        "betweenness",
        "share of shortest paths between others through the actor, hop distances",
        "networkx.betweenness_centrality(normalized=True)",
        |x| {
            let hidden = centrality::BetweennessOptions {
                progress: crate::progress::Progress::Hidden,
                ..Default::default()
            };
            Ok(centrality::betweenness(&x.csr, &hidden))
        }
    ),
    col!(
        "eigenvector",
        "principal eigenvector (in-ties of a directed view); empty where undefined: spectral radius 0 (an acyclic directed view) or a repeated dominant eigenvalue",
        "networkx.eigenvector_centrality",
        |x| {
            if !x.eigenvector_defined(Direction::In) {
                Ok(vec![f64::NAN; x.csr.node_count()])
            } else {
                centrality::eigenvector(&x.csr, &Default::default())
            }
        }
    ),
    col!(
        "pagerank",
        "PageRank, alpha 0.85, tie weights as strengths",
        "networkx.pagerank(alpha=0.85, weight=\"weight\")",
        |x| centrality::pagerank(
            &x.csr,
            &PageRankOptions {
                weights: Weights::Strength,
                ..Default::default()
            }
        )
    ),
    col!(
        "core_number",
        "largest k of a k-core holding the actor, ties in either direction",
        "networkx.core_number / igraph coreness(mode=\"all\")",
        |x| Ok(cohesion::core_number(
            &x.csr,
            &CoreOptions {
                direction: Direction::All
            }
        ))
    ),
    col!(
        "clustering",
        "local clustering (Fagiolo's directed clustering for a directed view)",
        "networkx.clustering",
        |x| cohesion::local_clustering(&x.csr, &ClusteringOptions::default())
    ),
    col!(
        "effective_size",
        "Burt's effective size, unweighted",
        "networkx.effective_size",
        |x| Ok(brokerage::effective_size(&x.csr, &SH))
    ),
    col!(
        "efficiency",
        "effective size / number of contacts",
        "networkx effective_size / degree",
        |x| Ok(brokerage::efficiency(&x.csr, &SH))
    ),
    col!(
        "constraint",
        "Burt's constraint, unweighted",
        "networkx.constraint",
        |x| Ok(brokerage::constraint(&x.csr, &SH))
    ),
    col!(
        "burt_hierarchy",
        "Burt's hierarchy of the constraint contributions",
        "coprod (hand-checked; see measures::brokerage::burt_hierarchy)",
        |x| Ok(brokerage::burt_hierarchy(&x.csr, &SH))
    ),
    col!(
        "coordinator",
        "Gould-Fernandez w_I count by the group column",
        "sna::brokerage(g, cl)$raw.nli[, \"w_I\"]",
        |x| role(x, Role::Coordinator, false)
    ),
    col!(
        "itinerant",
        "Gould-Fernandez w_O count",
        "sna::brokerage(g, cl)$raw.nli[, \"w_O\"]",
        |x| role(x, Role::Itinerant, false)
    ),
    col!(
        "representative",
        "Gould-Fernandez b_IO count",
        "sna::brokerage(g, cl)$raw.nli[, \"b_IO\"]",
        |x| role(x, Role::Representative, false)
    ),
    col!(
        "gatekeeper",
        "Gould-Fernandez b_OI count",
        "sna::brokerage(g, cl)$raw.nli[, \"b_OI\"]",
        |x| role(x, Role::Gatekeeper, false)
    ),
    col!(
        "liaison",
        "Gould-Fernandez b_O count",
        "sna::brokerage(g, cl)$raw.nli[, \"b_O\"]",
        |x| role(x, Role::Liaison, false)
    ),
    col!(
        "brokerage",
        "Gould-Fernandez total t",
        "sna::brokerage(g, cl)$raw.nli[, \"t\"]",
        |x| role(x, Role::Total, false)
    ),
    col!(
        "coordinator_z",
        "z-score of w_I against the Gould-Fernandez null model; empty where its sd is 0",
        "sna::brokerage(g, cl)$z.nli[, \"w_I\"]",
        |x| role(x, Role::Coordinator, true)
    ),
    col!(
        "itinerant_z",
        "z-score of w_O; empty where its sd is 0",
        "sna::brokerage(g, cl)$z.nli[, \"w_O\"]",
        |x| role(x, Role::Itinerant, true)
    ),
    col!(
        "representative_z",
        "z-score of b_IO; empty where its sd is 0",
        "sna::brokerage(g, cl)$z.nli[, \"b_IO\"]",
        |x| role(x, Role::Representative, true)
    ),
    col!(
        "gatekeeper_z",
        "z-score of b_OI; empty where its sd is 0",
        "sna::brokerage(g, cl)$z.nli[, \"b_OI\"]",
        |x| role(x, Role::Gatekeeper, true)
    ),
    col!(
        "liaison_z",
        "z-score of b_O; empty where its sd is 0",
        "sna::brokerage(g, cl)$z.nli[, \"b_O\"]",
        |x| role(x, Role::Liaison, true)
    ),
    col!(
        "brokerage_z",
        "z-score of t; empty where its sd is 0",
        "sna::brokerage(g, cl)$z.nli[, \"t\"]",
        |x| role(x, Role::Total, true)
    ),
    col!(
        "ei",
        "Krackhardt-Stern E-I index of the actor's ties (all directions, a reciprocated pair once) by the group column; empty for an isolate",
        "coprod (hand-checked; see measures::brokerage::ei_index)",
        |x| Ok(x.ei()?.actors.clone())
    ),
];

/// The actor column called `name`.
///
/// # Errors
/// [`Error::UnknownName`](crate::Error::UnknownName) listing the columns.
pub fn actor_column(name: &str) -> Result<&'static ActorColumn> {
    actor_column_index(name).map(|c| &ACTOR_COLUMNS[c])
}

/// The position in [`ACTOR_COLUMNS`] of the column called `name`; errors as
/// [`actor_column`].
fn actor_column_index(name: &str) -> Result<usize> {
    ACTOR_COLUMNS
        .iter()
        .position(|c| c.name == name)
        .ok_or_else(|| crate::Error::UnknownName {
            what: "actor column",
            value: name.to_string(),
            available: crate::Names::of(ACTOR_COLUMNS.iter().map(|c| c.name), name),
        })
}

/// The actor table of a view: ids, attributes and one value per [`ACTOR_COLUMNS`] entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorTable {
    /// Actor ids, in the view's order.
    pub ids: Vec<String>,
    /// The actors' (English) labels, in the view's order.
    pub labels: Vec<String>,
    /// `[kind, sector, level, group]` per actor.
    pub attrs: Vec<[String; 4]>,
    /// The partition attribute that defines `group`.
    pub partition: String,
    /// `values[i][c]`: actor `i`, column `ACTOR_COLUMNS[c]`; NaN where undefined.
    pub values: Vec<Vec<f64>>,
}

const ATTR_HEADER: [&str; 5] = ["id", "kind", "sector", "level", "group"];

impl ActorTable {
    /// The value of a column for an actor, if both exist.
    pub fn get(&self, id: &str, column: &str) -> Option<f64> {
        let i = self.ids.iter().position(|x| x == id)?;
        let c = ACTOR_COLUMNS.iter().position(|col| col.name == column)?;
        Some(self.values[i][c])
    }

    /// One column as `(id, value)` pairs in the table's order.
    ///
    /// # Errors
    /// [`Error::UnknownName`](crate::Error::UnknownName) listing the columns.
    pub fn column(&self, name: &str) -> Result<Vec<(&str, f64)>> {
        let c = actor_column_index(name)?;
        Ok(self
            .ids
            .iter()
            .zip(&self.values)
            .map(|(id, row)| (id.as_str(), row[c]))
            .collect())
    }
}

impl ActorTable {
    /// One column as [`Scores`] keyed by actor id (display it, `get(id)`, `top(k)`).
    ///
    /// # Errors
    /// [`Error::UnknownName`](crate::Error::UnknownName) listing the columns.
    pub fn scores(&self, name: &str) -> Result<Scores> {
        let col = actor_column(name)?;
        let values = self.column(col.name)?.into_iter().map(|p| p.1).collect();
        Scores::new(col.name, self.ids.clone(), self.labels.clone(), values)
    }
}

/// An aligned text table: `id`, `kind`, then every column (values to 3
/// significant digits, zero up to rounding `0`, undefined `-`). Wide: pick columns with [`ActorTable::scores`].
impl std::fmt::Display for ActorTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rows: Vec<Vec<String>> = vec![
            ["id", "kind"]
                .into_iter()
                .chain(ACTOR_COLUMNS.iter().map(|c| c.name))
                .map(String::from)
                .collect(),
        ];
        for (i, id) in self.ids.iter().enumerate() {
            let mut r = vec![id.clone(), self.attrs[i][0].clone()];
            r.extend(self.values[i].iter().map(|&v| crate::model::fmt_value(v)));
            rows.push(r);
        }
        super::write_aligned(f, &rows)
    }
}

impl Table for ActorTable {
    fn to_csv(&self) -> String {
        crate::io::csv_string(|w| {
            w.write_record(
                ATTR_HEADER
                    .into_iter()
                    .chain(ACTOR_COLUMNS.iter().map(|c| c.name)),
            )?;
            for (i, id) in self.ids.iter().enumerate() {
                let mut rec: Vec<String> = vec![id.clone()];
                rec.extend(self.attrs[i].iter().cloned());
                rec.extend(self.values[i].iter().map(|&x| csv_number(x)));
                w.write_record(&rec)?;
            }
            Ok(())
        })
    }

    fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut o = serde_json::Map::new();
                o.insert("id".into(), id.clone().into());
                for (k, v) in ATTR_HEADER[1..].iter().zip(&self.attrs[i]) {
                    o.insert((*k).into(), v.clone().into());
                }
                for (c, col) in ACTOR_COLUMNS.iter().enumerate() {
                    o.insert(col.name.into(), json_number(self.values[i][c]));
                }
                serde_json::Value::Object(o)
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("a JSON value serialises")
    }
}

/// Every actor-level measure of a view ([`ACTOR_COLUMNS`]), brokerage and the
/// E-I index by the partition of `opts`.
///
/// ```
/// use coprod::model::View;
/// use coprod::report::{actor_table, ReportOptions};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let t = actor_table(&View::aggregate(&g), &ReportOptions::default()).unwrap();
/// assert_eq!(t.ids.len(), g.actor_count());
/// // The sub-district office brokers between sectors in every Gould-Fernandez role.
/// assert!(t.get("subdistrict_office", "liaison").unwrap() > 0.0);
/// ```
///
/// # Errors
/// [`Error::UnknownAttribute`](crate::Error::UnknownAttribute) for a
/// partition column that no actor has; [`Error::EmptyGraph`](crate::Error::EmptyGraph)
/// for a view without actors; [`Error::NoConvergence`](crate::Error::NoConvergence)
/// when PageRank or the eigenvector (where it is defined) does not converge.
pub fn actor_table(view: &View<'_>, opts: &ReportOptions) -> Result<ActorTable> {
    let x = Inputs::new(view, &opts.partition)?;
    let n = x.csr.node_count();
    // One step per column, named while it runs (on a terminal only).
    let bar =
        crate::progress::Progress::Auto.bar(ACTOR_COLUMNS.len() as u64, "measures", "columns");
    let cols = ACTOR_COLUMNS
        .iter()
        .map(|c| {
            bar.set_message(format!("measures: {}", c.name));
            let v = (c.compute)(&x);
            bar.inc(1);
            v
        })
        .collect::<Result<Vec<_>>>()?;
    bar.finish_and_clear();
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
                x.partition.labels()[x.partition.group(d) as usize].clone(),
            ]
        })
        .collect();
    Ok(ActorTable {
        ids: view.ids().into_iter().map(String::from).collect(),
        labels: view
            .actor_indices()
            .iter()
            .map(|&i| graph.actor(i).label.clone())
            .collect(),
        attrs,
        partition: opts.partition.name().to_string(),
        values: (0..n)
            .map(|i| cols.iter().map(|c| c[i]).collect())
            .collect(),
    })
}

//! The graph summary: one row per graph-level measure of a view, then the
//! hypothesis rows about the core set.

use super::hypothesis::{self, HYPOTHESIS_ROWS};
use super::inputs::Inputs;
use super::{ReportOptions, Table};
use crate::error::Result;
use crate::io::{csv_number, json_number};
use crate::measures::Direction;
use crate::measures::brokerage::Role;
use crate::measures::centralization;
use crate::measures::cohesion::{self, ClusteringOptions, DistanceOptions, Unreachable};
use crate::model::View;

/// One graph-level row: name, meaning, the reference call it equals, and the
/// function that computes it (`None` where the value is undefined).
pub struct GraphRow {
    /// The row's name.
    pub name: &'static str,
    /// What it measures, and when it is undefined.
    pub doc: &'static str,
    /// The reference implementation and convention it equals.
    pub reference: &'static str,
    compute: fn(&Inputs) -> Result<Option<f64>>,
}

impl GraphRow {
    pub(super) const fn new(
        name: &'static str,
        doc: &'static str,
        reference: &'static str,
        compute: fn(&Inputs) -> Result<Option<f64>>,
    ) -> GraphRow {
        GraphRow {
            name,
            doc,
            reference,
            compute,
        }
    }

    pub(super) fn compute(&self, x: &Inputs) -> Result<Option<f64>> {
        (self.compute)(x)
    }
}

const SKIP: DistanceOptions = DistanceOptions {
    unreachable: Unreachable::Skip,
    weighting: crate::measures::EdgeLength::Hops,
    parallelism: crate::measures::Parallelism::Auto,
};

/// The graph-level rows of [`graph_summary`], before the [`HYPOTHESIS_ROWS`].
pub const GRAPH_ROWS: &[GraphRow] = &[
    GraphRow::new("actors", "number of actors in the view", "len(G)", |x| {
        Ok(Some(x.csr.node_count() as f64))
    }),
    GraphRow::new(
        "ties",
        "number of distinct ties after merging layers (arcs if directed)",
        "G.number_of_edges()",
        |x| Ok(Some(x.csr.edge_count() as f64)),
    ),
    GraphRow::new(
        "directed",
        "1 if the view is directed, else 0",
        "G.is_directed()",
        |x| Ok(Some(if x.csr.is_directed() { 1.0 } else { 0.0 })),
    ),
    GraphRow::new(
        "density",
        "ties over possible ties; undefined with fewer than 2 actors",
        "networkx.density / sna::gden",
        |x| Ok(cohesion::density(&x.csr, &Default::default())),
    ),
    GraphRow::new(
        "reciprocity",
        "share of reciprocated arcs; undefined on an undirected view or without arcs",
        "networkx.reciprocity",
        |x| {
            Ok(if x.csr.is_directed() {
                cohesion::reciprocity(&x.csr, &Default::default())
            } else {
                None
            })
        },
    ),
    GraphRow::new(
        "transitivity_undirected",
        "share of closed connected triples, the view read as undirected",
        "igraph transitivity_undirected / networkx.transitivity(G.to_undirected())",
        |x| Ok(Some(cohesion::transitivity(x.undirected()))),
    ),
    GraphRow::new(
        "average_clustering",
        "mean local clustering (Fagiolo's for a directed view)",
        "networkx.average_clustering",
        |x| cohesion::average_clustering(&x.csr, &ClusteringOptions::default()),
    ),
    GraphRow::new(
        "weak_components",
        "number of weakly connected components",
        "networkx.number_weakly_connected_components",
        |x| Ok(Some(cohesion::weak_components(&x.csr).count() as f64)),
    ),
    GraphRow::new(
        "strong_components",
        "number of strongly connected components",
        "networkx.number_strongly_connected_components",
        |x| Ok(Some(cohesion::strong_components(&x.csr).count() as f64)),
    ),
    GraphRow::new(
        "mean_distance",
        "mean hop distance over reachable ordered pairs; undefined when no pair is reachable",
        "igraph average_path_length(unconn=True)",
        |x| Ok(cohesion::mean_distance(&x.csr, &SKIP)),
    ),
    GraphRow::new(
        "diameter",
        "longest finite hop distance; undefined when no pair is reachable",
        "igraph diameter(unconn=True)",
        |x| Ok(cohesion::diameter(&x.csr, &SKIP)),
    ),
    GraphRow::new(
        "global_efficiency",
        "mean of 1/d over ordered pairs",
        "networkx.global_efficiency",
        |x| Ok(cohesion::global_efficiency(&x.csr, &SKIP)),
    ),
    GraphRow::new(
        "connectedness",
        "share of pairs in the same weak component (Krackhardt)",
        "sna::connectedness",
        |x| Ok(Some(cohesion::connectedness(&x.csr))),
    ),
    GraphRow::new(
        "krackhardt_hierarchy",
        "share of reachable pairs reached one way only (Krackhardt)",
        "sna::hierarchy(measure=\"krackhardt\")",
        |x| Ok(cohesion::krackhardt_hierarchy(&x.csr, &Default::default())),
    ),
    GraphRow::new(
        "krackhardt_efficiency",
        "Krackhardt's efficiency (ties beyond a spanning tree per component)",
        "sna::efficiency",
        |x| Ok(cohesion::krackhardt_efficiency(&x.csr)),
    ),
    GraphRow::new(
        "lubness",
        "least upper boundedness (Krackhardt)",
        "sna::lubness",
        |x| Ok(cohesion::lubness(&x.csr)),
    ),
    GraphRow::new(
        "degree_centralization",
        "Freeman degree centralization with sna's theoretical maximum",
        "sna::centralization(g, degree, cmode=\"freeman\")",
        |x| {
            Ok(centralization::degree_centralization(
                &x.csr,
                Direction::All,
            ))
        },
    ),
    GraphRow::new(
        "indegree_centralization",
        "Freeman in-degree centralization",
        "sna::centralization(g, degree, cmode=\"indegree\")",
        |x| Ok(centralization::degree_centralization(&x.csr, Direction::In)),
    ),
    GraphRow::new(
        "outdegree_centralization",
        "Freeman out-degree centralization",
        "sna::centralization(g, degree, cmode=\"outdegree\")",
        |x| {
            Ok(centralization::degree_centralization(
                &x.csr,
                Direction::Out,
            ))
        },
    ),
    GraphRow::new(
        "closeness_centralization",
        "Freeman closeness centralization; undefined where sna's closeness is (disconnected views)",
        "sna::centralization(g, closeness)",
        |x| Ok(centralization::closeness_centralization(&x.csr)),
    ),
    GraphRow::new(
        "betweenness_centralization",
        "Freeman betweenness centralization",
        "sna::centralization(g, betweenness)",
        |x| Ok(centralization::betweenness_centralization(&x.csr)),
    ),
    GraphRow::new(
        "eigenvector_centralization",
        "Freeman eigenvector centralization; undefined where the eigenvector is (spectral radius 0 or a repeated dominant eigenvalue)",
        "sna::centralization(g, evcent)",
        |x| {
            if !x.eigenvector_defined(Direction::Out) {
                Ok(None)
            } else {
                centralization::eigenvector_centralization(&x.csr)
            }
        },
    ),
    GraphRow::new(
        "ei_index",
        "Krackhardt-Stern E-I index of all ties by the partition (a reciprocated pair once); undefined without ties",
        "coprod (hand-checked; see measures::brokerage::ei_index)",
        |x| Ok(x.ei()?.graph),
    ),
    GraphRow::new(
        "brokerage",
        "total Gould-Fernandez brokerage t over the graph",
        "sna::brokerage(g, cl)$raw.gli[\"t\"]",
        |x| Ok(Some(x.brokerage()?.raw_graph[Role::Total.index()])),
    ),
    GraphRow::new(
        "brokerage_z",
        "z-score of the total brokerage; undefined where its sd is 0",
        "sna::brokerage(g, cl)$z.gli[\"t\"]",
        |x| Ok(Some(x.brokerage()?.z_graph[Role::Total.index()]).filter(|z| !z.is_nan())),
    ),
];

/// The graph-level measures of a view ([`GRAPH_ROWS`], then
/// [`HYPOTHESIS_ROWS`]) and the members of the best core found.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphSummary {
    /// `(row, value)` in row order; `None` where undefined.
    pub rows: Vec<(&'static str, Option<f64>)>,
    /// The core set the hypothesis rows are about (e.g. `kind:party`).
    pub core: String,
    /// Ids of the best core found by the seeded search.
    pub best_core: Vec<String>,
    /// The partition attribute used for the E-I index and brokerage.
    pub partition: String,
}

impl GraphSummary {
    /// The value of a row, `None` if undefined or unknown.
    pub fn get(&self, row: &str) -> Option<f64> {
        self.rows.iter().find(|r| r.0 == row).and_then(|r| r.1)
    }
}

/// An aligned two-column text table `measure  value` (3 significant digits,
/// undefined `-`), then the core set and the best core.
impl std::fmt::Display for GraphSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rows: Vec<Vec<String>> = vec![vec!["measure".into(), "value".into()]];
        for (name, v) in &self.rows {
            rows.push(vec![
                (*name).into(),
                v.map_or("-".into(), crate::model::fmt_value),
            ]);
        }
        rows.push(vec!["core".into(), self.core.clone()]);
        rows.push(vec!["best_core".into(), self.best_core.join(", ")]);
        super::write_aligned(f, &rows)
    }
}

impl Table for GraphSummary {
    /// `measure,value` lines (undefined empty), then `core` and `best_core`
    /// (ids joined by `;`).
    fn to_csv(&self) -> String {
        crate::io::csv_string(|w| {
            w.write_record(["measure", "value"])?;
            for (name, v) in &self.rows {
                w.write_record([name, csv_number(v.unwrap_or(f64::NAN)).as_str()])?;
            }
            w.write_record(["core", self.core.as_str()])?;
            w.write_record(["best_core", self.best_core.join(";").as_str()])
        })
    }

    /// A JSON object, one key per row (undefined `null`), plus `core`,
    /// `best_core` and `partition`.
    fn to_json(&self) -> String {
        let mut o = serde_json::Map::new();
        for (name, v) in &self.rows {
            o.insert((*name).into(), json_number(v.unwrap_or(f64::NAN)));
        }
        o.insert("core".into(), self.core.clone().into());
        o.insert("best_core".into(), self.best_core.clone().into());
        o.insert("partition".into(), self.partition.clone().into());
        serde_json::to_string_pretty(&serde_json::Value::Object(o))
            .expect("a JSON value serialises")
    }
}

/// Every graph-level measure of a view, by the partition of `opts`, with the
/// hypothesis rows about the core set of `opts` (default: the party actors).
///
/// ```
/// use coprod::model::View;
/// use coprod::report::{graph_summary, ReportOptions};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let s = graph_summary(&View::aggregate(&g).symmetrized(), &ReportOptions::default()).unwrap();
/// assert_eq!(s.get("actors"), Some(35.0));
/// assert!(s.get("fragmentation_without_core").unwrap() > 0.0);
/// ```
///
/// # Errors
/// [`Error::UnknownAttribute`](crate::Error::UnknownAttribute) for a
/// partition column no actor has; [`Error::UnknownActor`](crate::Error::UnknownActor)
/// for a core id the graph lacks; [`Error::EmptyGraph`](crate::Error::EmptyGraph);
/// [`Error::NoConvergence`](crate::Error::NoConvergence) when the
/// eigenvector does not converge where it is defined.
pub fn graph_summary(view: &View<'_>, opts: &ReportOptions) -> Result<GraphSummary> {
    let x = Inputs::new(view, &opts.partition)?;
    // One step per row, named while it runs (on a terminal only).
    let bar = crate::progress::Progress::Auto.bar(GRAPH_ROWS.len() as u64, "summary", "rows");
    let mut rows = GRAPH_ROWS
        .iter()
        .map(|r| {
            bar.set_message(format!("summary: {}", r.name));
            let v = r.compute(&x)?;
            bar.inc(1);
            Ok((r.name, v))
        })
        .collect::<Result<Vec<_>>>()?;
    bar.finish_and_clear();
    let h = hypothesis::Hypothesis::new(&x, &opts.core)?;
    for r in HYPOTHESIS_ROWS {
        rows.push((r.name, r.compute_hypothesis(&h)?));
    }
    for r in &mut rows {
        r.1 = r.1.filter(|v| !v.is_nan());
    }
    Ok(GraphSummary {
        rows,
        core: opts.core.to_string(),
        best_core: h.best_core_ids(),
        partition: opts.partition.name().to_string(),
    })
}

//! The measures that scale to millions of actors, run on a [`CompactCase`]:
//! what `coprod analyse` computes on a generated community of 10^6–10^7
//! residents, where the all-pairs actor table of
//! [`actor_table`](super::actor_table) cannot go.
//!
//! Each measure is the library's own function with its default options, on
//! the snapshot of the chosen layers ([`CompactCase::csr`]), so on a small
//! case every column equals what the measure gives on the same view of the
//! [`MultiplexGraph`](crate::model::MultiplexGraph) (a test checks it on the
//! bundled cases).

use crate::error::{Error, Names, Result};
use crate::io::csv_number;
use crate::measures::centrality::{
    self, ApproxBetweennessOptions, ApproxGroupBetweennessOptions, ApproxMethod,
    BetweennessOptions, ClosenessOptions, DegreeOptions, DegreeScale, HarmonicOptions,
    PageRankOptions,
};
use crate::measures::cohesion::{self, ClusteringOptions, CoreOptions};
use crate::model::{CompactCase, Csr, NodeSet};
use std::io::Write;
use std::time::Instant;

/// A measure [`analyse`] can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScaleMeasure {
    /// Degree, a count (in + out on a digraph): [`centrality::degree`] with `DegreeScale::Raw`.
    Degree,
    /// PageRank, α = 0.85: [`centrality::pagerank`] with its defaults.
    PageRank,
    /// Core number: [`cohesion::core_number`] with its defaults.
    CoreNumber,
    /// Weak component, numbered by first node in dense order: [`cohesion::weak_components`].
    Components,
    /// Local clustering, 0 below two neighbours: [`cohesion::local_clustering`].
    Clustering,
    /// Global transitivity (one number): [`cohesion::transitivity`].
    Transitivity,
    /// Approximate betweenness, Riondato–Kornaropoulos, within ε with
    /// probability 1 − δ: [`centrality::approx_betweenness`].
    ApproxBetweenness,
    /// Approximate betweenness, KADABRA, the same guarantee.
    Kadabra,
    /// Closeness (Wasserman–Faust, all pairs): [`centrality::closeness`].
    Closeness,
    /// Harmonic centrality (all pairs): [`centrality::harmonic`].
    Harmonic,
    /// Exact betweenness, NetworkX-normalised (all pairs): [`centrality::betweenness`].
    Betweenness,
    /// Group betweenness of the core set (one number), by sampling within ε
    /// with probability 1 − δ: [`centrality::approx_group_betweenness`].
    GroupBetweenness,
}

impl ScaleMeasure {
    /// Every measure, in column order.
    pub const ALL: [ScaleMeasure; 12] = [
        ScaleMeasure::Degree,
        ScaleMeasure::PageRank,
        ScaleMeasure::CoreNumber,
        ScaleMeasure::Components,
        ScaleMeasure::Clustering,
        ScaleMeasure::Transitivity,
        ScaleMeasure::ApproxBetweenness,
        ScaleMeasure::Kadabra,
        ScaleMeasure::Closeness,
        ScaleMeasure::Harmonic,
        ScaleMeasure::Betweenness,
        ScaleMeasure::GroupBetweenness,
    ];

    /// What `coprod analyse` runs by default: every measure that is linear
    /// or sampled (not the three all-pairs ones, nor KADABRA, which estimates
    /// the same thing as Riondato–Kornaropoulos).
    pub const DEFAULT: [ScaleMeasure; 7] = [
        ScaleMeasure::Degree,
        ScaleMeasure::PageRank,
        ScaleMeasure::CoreNumber,
        ScaleMeasure::Components,
        ScaleMeasure::Clustering,
        ScaleMeasure::Transitivity,
        ScaleMeasure::ApproxBetweenness,
    ];

    /// The name on the command line and the column header.
    pub fn name(self) -> &'static str {
        match self {
            ScaleMeasure::Degree => "degree",
            ScaleMeasure::PageRank => "pagerank",
            ScaleMeasure::CoreNumber => "core_number",
            ScaleMeasure::Components => "component",
            ScaleMeasure::Clustering => "clustering",
            ScaleMeasure::Transitivity => "transitivity",
            ScaleMeasure::ApproxBetweenness => "approx_betweenness",
            ScaleMeasure::Kadabra => "kadabra",
            ScaleMeasure::Closeness => "closeness",
            ScaleMeasure::Harmonic => "harmonic",
            ScaleMeasure::Betweenness => "betweenness",
            ScaleMeasure::GroupBetweenness => "group_betweenness",
        }
    }
}

impl std::str::FromStr for ScaleMeasure {
    type Err = Error;
    /// A measure by [`name`](ScaleMeasure::name).
    ///
    /// # Errors
    /// [`Error::UnknownName`] listing the measures.
    fn from_str(s: &str) -> Result<ScaleMeasure> {
        ScaleMeasure::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| Error::UnknownName {
                what: "measure",
                value: s.to_string(),
                available: Names::of(ScaleMeasure::ALL.iter().map(|m| m.name()), s),
            })
    }
}

/// Options of [`analyse`].
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleOptions {
    /// The measures, each once, in the order given.
    pub measures: Vec<ScaleMeasure>,
    /// ε of the approximate betweenness (on the NetworkX-normalised scale).
    pub epsilon: f64,
    /// δ of the approximate betweenness.
    pub delta: f64,
    /// Seed of the approximate betweenness's samples.
    pub seed: u64,
    /// Progress bars on the long measures (betweenness, exact or sampled).
    pub progress: crate::progress::Progress,
    /// The core set whose group betweenness
    /// [`ScaleMeasure::GroupBetweenness`] estimates (required for it).
    pub core: Option<NodeSet>,
}

impl Default for ScaleOptions {
    /// [`ScaleMeasure::DEFAULT`], ε = 0.01, δ = 0.1, seed 0, bars on a terminal.
    fn default() -> Self {
        ScaleOptions {
            measures: ScaleMeasure::DEFAULT.to_vec(),
            epsilon: 0.01,
            delta: 0.1,
            seed: 0,
            progress: crate::progress::Progress::Auto,
            core: None,
        }
    }
}

/// What [`analyse`] found: one column per node-level measure, the
/// graph-level numbers, and how long each measure took.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleResult {
    /// Nodes of the snapshot.
    pub nodes: usize,
    /// Edges (arcs, if directed) of the snapshot, parallel ties merged.
    pub edges: usize,
    /// Whether the snapshot is directed.
    pub directed: bool,
    /// `(column, value per node)`, in the order of the measures.
    pub columns: Vec<(&'static str, Vec<f64>)>,
    /// `(name, value)`: `transitivity`, `components`, `largest_component`,
    /// for a sampled betweenness its samples and vertex-diameter bound, and
    /// `group_betweenness` (NaN with fewer than two non-members) with `core_size`.
    pub graph: Vec<(String, f64)>,
    /// `(measure, wall-clock seconds)`, in the order run.
    pub seconds: Vec<(&'static str, f64)>,
}

/// Run the measures of `opts` on the snapshot `g`.
///
/// ```
/// use coprod::model::{Aggregation, CompactCase};
/// use coprod::report::{ScaleOptions, analyse};
/// let c = CompactCase::from_source(&coprod::cases::load("jinsong").unwrap()).unwrap();
/// let g = c.csr(&c.positive_layers(), true, Aggregation::Sum).unwrap();
/// let r = analyse(&g, &ScaleOptions::default()).unwrap();
/// assert_eq!(r.columns[0].0, "degree");
/// assert_eq!(r.columns[0].1.len(), c.actor_count());
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a measure named twice, an ε or δ
/// outside `(0, 1)`, or group betweenness without a core set;
/// [`Error::SizeMismatch`] for a core set of another graph;
/// [`Error::NoConvergence`] from PageRank.
pub fn analyse(g: &Csr, opts: &ScaleOptions) -> Result<ScaleResult> {
    for (i, m) in opts.measures.iter().enumerate() {
        if opts.measures[..i].contains(m) {
            return Err(Error::InvalidParameter {
                name: "measures",
                reason: format!("`{}` is named twice", m.name()),
            });
        }
    }
    let mut r = ScaleResult {
        nodes: g.node_count(),
        edges: g.edge_count(),
        directed: g.is_directed(),
        columns: Vec::new(),
        graph: Vec::new(),
        seconds: Vec::new(),
    };
    for &m in &opts.measures {
        let t = Instant::now();
        let column: Option<Vec<f64>> = match m {
            ScaleMeasure::Degree => Some(centrality::degree(
                g,
                &DegreeOptions {
                    scale: DegreeScale::Raw,
                    ..Default::default()
                },
            )),
            ScaleMeasure::PageRank => Some(centrality::pagerank(g, &PageRankOptions::default())?),
            ScaleMeasure::CoreNumber => Some(cohesion::core_number(g, &CoreOptions::default())),
            ScaleMeasure::Components => {
                let c = cohesion::weak_components(g);
                r.graph.push(("components".into(), c.count() as f64));
                let largest = c.sizes.iter().copied().max().unwrap_or(0);
                r.graph.push(("largest_component".into(), largest as f64));
                Some(c.membership.iter().map(|&x| f64::from(x)).collect())
            }
            ScaleMeasure::Clustering => Some(cohesion::local_clustering(
                g,
                &ClusteringOptions::default(),
            )?),
            ScaleMeasure::Transitivity => {
                r.graph
                    .push(("transitivity".into(), cohesion::transitivity(g)));
                None
            }
            ScaleMeasure::ApproxBetweenness | ScaleMeasure::Kadabra => {
                let method = if m == ScaleMeasure::Kadabra {
                    ApproxMethod::Kadabra
                } else {
                    ApproxMethod::RiondatoKornaropoulos
                };
                let a = centrality::approx_betweenness(
                    g,
                    &ApproxBetweennessOptions {
                        method,
                        epsilon: opts.epsilon,
                        delta: opts.delta,
                        seed: opts.seed,
                        progress: opts.progress,
                        ..Default::default()
                    },
                )?;
                let name = m.name();
                r.graph.push((format!("{name}_samples"), a.samples as f64));
                r.graph.push((
                    format!("{name}_vertex_diameter_bound"),
                    a.vertex_diameter_bound as f64,
                ));
                Some(a.scores)
            }
            ScaleMeasure::Closeness => Some(centrality::closeness(g, &ClosenessOptions::default())),
            ScaleMeasure::Harmonic => Some(centrality::harmonic(g, &HarmonicOptions::default())),
            ScaleMeasure::Betweenness => Some(centrality::betweenness(
                g,
                &BetweennessOptions {
                    progress: opts.progress,
                    ..Default::default()
                },
            )),
            ScaleMeasure::GroupBetweenness => {
                let core = opts.core.as_ref().ok_or_else(|| Error::InvalidParameter {
                    name: "core",
                    reason: "group_betweenness needs a core set".into(),
                })?;
                let gb = centrality::approx_group_betweenness(
                    g,
                    core,
                    &ApproxGroupBetweennessOptions {
                        epsilon: opts.epsilon,
                        delta: opts.delta,
                        seed: opts.seed,
                        ..Default::default()
                    },
                )?;
                r.graph
                    .push(("group_betweenness".into(), gb.unwrap_or(f64::NAN)));
                r.graph.push(("core_size".into(), core.len() as f64));
                None
            }
        };
        r.seconds.push((m.name(), t.elapsed().as_secs_f64()));
        if let Some(c) = column {
            r.columns.push((m.name(), c));
        }
    }
    Ok(r)
}

/// Write the node-level columns as CSV, `id,kind,level,<columns>`, one row
/// per actor of `case` in dense order (undefined values empty), streaming.
///
/// # Errors
/// [`Error::SizeMismatch`] when the result is not of `case`'s size;
/// [`Error::Io`] (path `<output>`) when `out` fails.
pub fn write_scale_csv(case: &CompactCase, r: &ScaleResult, out: impl Write) -> Result<()> {
    if r.nodes != case.actor_count() {
        return Err(Error::SizeMismatch {
            what: "the analysis".into(),
            expected: case.actor_count(),
            found: r.nodes,
        });
    }
    let io = |e: std::io::Error| crate::io::write_error(std::path::Path::new("<output>"), e);
    let mut w = std::io::BufWriter::with_capacity(1 << 20, out);
    let mut line = String::from("id,kind,level");
    for (name, _) in &r.columns {
        line.push(',');
        line.push_str(name);
    }
    line.push('\n');
    w.write_all(line.as_bytes()).map_err(io)?;
    for i in 0..r.nodes {
        line.clear();
        line.push_str(case.id(i));
        line.push(',');
        line.push_str(case.kinds()[i].as_str());
        line.push(',');
        line.push_str(case.levels()[i].as_str());
        for (_, v) in &r.columns {
            line.push(',');
            line.push_str(&csv_number(v[i]));
        }
        line.push('\n');
        w.write_all(line.as_bytes()).map_err(io)?;
    }
    w.flush().map_err(io)
}

impl ScaleResult {
    /// The graph-level numbers and the timings as JSON:
    /// `{"nodes", "edges", "directed", "graph": {…}, "seconds": {…}}`.
    pub fn summary_json(&self) -> serde_json::Value {
        let graph: serde_json::Map<String, serde_json::Value> = self
            .graph
            .iter()
            .map(|(k, v)| (k.clone(), crate::io::json_number(*v)))
            .collect();
        let seconds: serde_json::Map<String, serde_json::Value> = self
            .seconds
            .iter()
            .map(|(k, v)| (k.to_string(), crate::io::json_number(*v)))
            .collect();
        serde_json::json!({
            "nodes": self.nodes,
            "edges": self.edges,
            "directed": self.directed,
            "graph": graph,
            "seconds": seconds,
        })
    }
}

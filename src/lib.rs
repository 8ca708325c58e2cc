//! # coprod — network analysis of co-production actor graphs
//!
//! coprod builds multiplex graphs of the actors that co-produce public
//! services in Chinese community renewal — party organisations, territorial
//! ("block", 塊) offices, functional ("strip", 條) departments, firms, social
//! organisations, residents and the arenas where they meet — from case data,
//! and measures them.
//!
//! * [`model`]: actors, layers, ties, the [`MultiplexGraph`](model::MultiplexGraph),
//!   its views and the compact [`Csr`](model::Csr) snapshot.
//! * [`io`]: the case-directory format (`case.toml`, `actors.csv`, `ties.csv`), JSON,
//!   and the compact binary case (`graph.coprod`) for graphs of millions of ties.
//! * [`agreement`]: inter-coder agreement of two codings of one case (actor
//!   matching, Jaccard, Cohen's κ, Krippendorff's α, every disagreement).
//! * [`cases`]: the bundled cases, compiled into the library.
//! * [`measures`]: centrality, brokerage, cohesion, centralization, multiplex measures.
//! * [`generate`]: seeded, portable random graphs.
//! * [`inference`]: statistical models fitted to a case (exponential random graph
//!   models, stochastic block models, QAP regression across layers).
//! * [`baselines`]: null models of a case (G(n, m), dyad census, degree-preserving
//!   rewiring, sector-preserving swaps, the sector block model, the layer shuffle),
//!   matched baselines (polycentric, one core, the dial λ between them) and the
//!   counterfactuals of a case (without its core, made polycentric).
//! * [`compare`]: the comparison engine: the panel of one-core statistics against
//!   ensembles of baselines, on every coding of the robustness table.
//! * [`report`]: the actor table, the graph summary with the core-set
//!   hypothesis, and the main job's report.
//! * [`random`]: the seeded ChaCha8 generator every draw comes from.
//! * [`progress`]: progress bars on long runs, silent off a terminal.
//!
//! ## Quick start
//!
//! Load a case, compute brokerage as a table keyed by actor id, draw it,
//! export it for Gephi:
//!
//! ```
//! use coprod::prelude::*;
//! use coprod::viz::{Column, Figure, FigureOptions};
//!
//! // A bundled case (your own: coprod::io::load_case_dir("path/to/case")).
//! let g = cases::load("jinsong")?;
//! println!("{}", g.summary_line()); // 35 actors (party 12, …); 88 ties (…)
//!
//! // Every actor-level measure on the aggregate of the positive layers;
//! // Gould–Fernandez brokerage between sectors (sna::brokerage) as one column.
//! let view = View::aggregate(&g);
//! let table = actor_table(&view, &ReportOptions::default())?;
//! let brokerage = table.scores("brokerage")?;
//! println!("{brokerage}"); // sorted: rank, id, label, brokerage
//! assert_eq!(brokerage.top(1)[0].id, "residents");
//! assert!(brokerage.get("subdistrict_office")? > 0.0); // by id, never by position
//!
//! // The case drawn with nodes sized by brokerage, as Graphviz DOT
//! // (coprod::viz::render::render turns it into SVG).
//! let opts = FigureOptions {
//!     size_by: Some(Column::from(&brokerage)),
//!     ..FigureOptions::default()
//! };
//! let dot = Figure::case(&g, &opts)?.dot_text();
//! assert!(dot.starts_with("digraph \"jinsong\"") && dot.contains("subdistrict_office"));
//!
//! // For Gephi: GEXF with kinds, sectors and levels on the nodes, one edge per tie.
//! let gexf = coprod::io::to_gexf(&view);
//! std::fs::write(std::env::temp_dir().join("jinsong.gexf"), &gexf).unwrap();
//! assert!(gexf.starts_with("<?xml") && gexf.contains("subdistrict_office"));
//! # Ok::<(), coprod::Error>(())
//! ```
//!
//! In a notebook (evcxr), the same values display as HTML tables and the
//! figure as inline SVG with the `notebook` feature: see
//! `examples/notebook.ipynb` and the README.
//!
//! Your own data, in memory (files: [`io::load_case_dir`], format in `data/FORMAT.md`):
//!
//! ```
//! let g = coprod::io::load_case_str(
//!     "example",
//!     "id = \"example\"\n",
//!     "id,label,label_zh,kind,level,size,doc,quote\n\
//!      p,Party branch,社區黨支部,party,community,,,\n\
//!      r,Residents,居民,resident,community,120,,\n",
//!     "source,target,layer,weight,doc,quote\np,r,leadership,,,\n",
//! ).unwrap();
//! assert_eq!(g.summary_line(), "2 actors (party 1, resident 1); 1 ties (leadership 1)");
//! ```

#![deny(missing_docs)]
#![warn(clippy::missing_errors_doc, clippy::missing_panics_doc)]

pub mod agreement;
pub mod baselines;
pub mod cases;
pub mod compare;
pub mod error;
pub mod generate;
pub mod inference;
pub mod io;
pub mod measures;
pub mod model;
pub mod progress;
pub mod random;
pub mod report;
pub mod viz;

pub use error::{Error, Location, Names, Result};

/// The graph library coprod's multiplex graph is built on
/// ([`MultiplexGraph::petgraph`](model::MultiplexGraph::petgraph) gives it).
pub use petgraph;

/// What a notebook or a script needs first: `use coprod::prelude::*;`.
///
/// ```
/// use coprod::prelude::*;
/// let g = cases::load("ly")?;
/// let view = View::aggregate(&g);
/// let t = actor_table(&view, &ReportOptions::default())?;
/// let b = t.scores("brokerage")?;
/// let top = b.top(1); // owned rows: id, label, value
/// assert!(top[0].value >= b.get("community_party_branch")?);
/// println!("the top cross-sector broker is {} ({})", top[0].label, top[0].id);
/// println!("{b}");
/// # Ok::<(), coprod::Error>(())
/// ```
pub mod prelude {
    pub use crate::cases;
    pub use crate::error::{Error, Result};
    pub use crate::measures::{Direction, EdgeLength, Parallelism, Weights};
    pub use crate::model::{
        Actor, Attribute, Kind, Layers, Level, MultiplexGraph, NodeSet, Partition, Ranked, Ranking,
        Scores, Sector, Snapshot, Tie, View,
    };
    pub use crate::report::{
        ActorTable, CoreSet, GraphSummary, ReportOptions, Table, actor_table, graph_summary,
    };
}

/// The README's code, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

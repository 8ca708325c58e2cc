//! Cohesion: density, reciprocity, transitivity and clustering, censuses,
//! components, cores, cuts and connectivity, distances, and Krackhardt's
//! dimensions of informal organisation.
//!
//! Every measure names the reference it equals (NetworkX, igraph or R `sna`)
//! and is validated against fixtures in `tests/cohesion.rs`. All algorithms are
//! iterative (no recursion), and linear or near-linear where such an algorithm
//! exists; all-pairs distance measures run in parallel over sources.
//!
//! ```
//! use coprod::measures::cohesion::*;
//! use coprod::model::View;
//! let g = coprod::cases::load("jinsong").unwrap();
//! let view = View::aggregate(&g);
//! let csr = view.csr();
//! // who is in which weak component, and how hierarchical the aggregate is
//! let comps = weak_components(&csr);
//! assert_eq!(comps.membership.len(), view.ids().len());
//! let h = krackhardt_hierarchy(&csr, &HierarchyOptions::default());
//! assert!(h.is_none_or(|h| (0.0..=1.0).contains(&h)));
//! ```

mod clustering;
mod components;
mod connectivity;
mod cores;
mod cuts;
mod density;
mod distance;
mod forward;
mod krackhardt;
mod simple;
mod transitivity;
mod triads;

pub use crate::measures::Weights;
pub use clustering::{
    ClusteringOptions, ClusteringWeighting, Undefined, average_clustering, local_clustering,
    triangles,
};
pub(crate) use components::tarjan;
pub use components::{Components, strong_components, weak_components};
pub use connectivity::{
    ConnectivityMethod, ConnectivityOptions, edge_connectivity, node_connectivity,
};
pub use cores::{CoreOptions, core_number};
pub use cuts::{Cuts, cut_vertices_and_bridges};
pub use density::{
    DensityOptions, DyadCensus, ReciprocityMeasure, ReciprocityOptions, density, dyad_census,
    reciprocity,
};
pub use distance::{
    DistanceOptions, DistanceSummary, Unreachable, diameter, distance_summary, global_efficiency,
    mean_distance,
};
pub use krackhardt::{
    HierarchyMeasure, HierarchyOptions, connectedness, krackhardt_efficiency, krackhardt_hierarchy,
    lubness,
};
pub use transitivity::{GtransMeasure, GtransOptions, gtrans, transitivity};
pub use triads::{TRIAD_TYPES, TriadCensus, triad_census};

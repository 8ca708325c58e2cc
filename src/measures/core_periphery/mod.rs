//! Core–periphery structure and key players: does the network have a core,
//! and does it fall apart without it?
//!
//! * [`borgatti_everett`]: Borgatti & Everett's (1999) discrete core–periphery
//!   model: the fit of a given core, and the best core found by a seeded
//!   multi-start local search (or exhaustively, on small graphs).
//! * [`fragmentation`](mod@fragmentation): Borgatti's (2006) key-player fragmentation `F` and
//!   distance-weighted fragmentation `DF` after removing a set of actors.
//! * [`km_config`]: Kojaku & Masuda's (2018) KM-config quality of a division
//!   into several core–periphery pairs, its label-switching detection and
//!   the (q, s) significance test against configuration-model randomisations.
//!
//! Measured, "one core, many actors" is a party core that the core–periphery
//! model finds and whose removal fragments the network:
//!
//! ```
//! use coprod::model::{Actor, Kind, Level, MultiplexGraph, NodeSet, Provenance, View};
//! use coprod::measures::core_periphery::{best_core, fragmentation, CorePeripheryModel, CoreSearch, FragmentationOptions};
//! let mut g = MultiplexGraph::new();
//! let actors = [("party", Kind::Party), ("street", Kind::Block), ("firm", Kind::Market),
//!               ("owners", Kind::Social), ("r1", Kind::Resident), ("r2", Kind::Resident)];
//! for (id, k) in actors {
//!     g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
//! }
//! let p = Provenance::default;
//! g.add_tie("party", "street", "leadership", 1.0, p()).unwrap();
//! g.add_tie("street", "firm", "administrative", 1.0, p()).unwrap();
//! g.add_tie("party", "firm", "leadership", 1.0, p()).unwrap();
//! for x in ["owners", "r1", "r2"] {
//!     g.add_tie("party", x, "information", 1.0, p()).unwrap();
//! }
//! let view = View::aggregate(&g).symmetrized();
//! let csr = view.csr();
//! let best = best_core(&csr, &CorePeripheryModel::default(), &CoreSearch::default()).unwrap().unwrap();
//! let ids = view.ids();
//! let core: Vec<&str> = best.core.iter().map(|u| ids[u]).collect();
//! assert_eq!(core, ["party", "street", "firm"]);
//! // Without the party only street - firm stay tied: 2 of the 20 ordered pairs connected.
//! let party = view.node_set_of_kind(Kind::Party);
//! assert_eq!(fragmentation(&csr, &NodeSet::empty(6), &FragmentationOptions::default()).unwrap(), Some(0.0));
//! assert_eq!(fragmentation(&csr, &party, &FragmentationOptions::default()).unwrap(), Some(0.9));
//! ```

pub mod borgatti_everett;
pub mod fragmentation;
pub mod km_config;
pub mod qs_test;

pub use borgatti_everett::{
    CorePeriphery, CorePeripheryModel, CoreSearch, OffDiagonal, TiedCore, best_core,
    best_core_exhaustive, core_periphery_fit, tied_cores,
};
pub use fragmentation::{
    FRAGMENTATION_PARALLEL_MIN_NODES, FragmentationOptions, distance_fragmentation, fragmentation,
};
pub use km_config::{
    CorePeripheryPairs, KmDetectOptions, KmQuality, PairQuality, km_config_detect,
    km_config_quality,
};
pub use qs_test::{PairSignificance, QsNull, QsTest, QsTestOptions, km_config_qs_test};

//! Core–periphery structure and key players: does the network have a core,
//! and does it fall apart without it?
//!
//! * [`core_periphery`]: Borgatti & Everett's (1999) discrete core–periphery
//!   model: the fit of a given core, and the best core found by a seeded
//!   multi-start local search (or exhaustively, on small graphs).
//! * [`fragmentation`]: Borgatti's (2006) key-player fragmentation `F` and
//!   distance-weighted fragmentation `DF` after removing a set of actors.

pub mod core_periphery;
pub mod fragmentation;

pub use core_periphery::{
    CorePeriphery, CorePeripheryModel, CoreSearch, OffDiagonal, best_core, best_core_exhaustive,
    core_periphery_fit,
};
pub use fragmentation::{FragmentationOptions, distance_fragmentation, fragmentation};

//! Ties: one relation between two actors in one layer.

use super::{LayerId, Provenance};
use serde::{Deserialize, Serialize};

/// A tie between two actors (by index into the graph's actor list) in one layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    /// Index of the source actor.
    pub source: usize,
    /// Index of the target actor.
    pub target: usize,
    /// The layer.
    pub layer: LayerId,
    /// Strength: finite and > 0 (1 when the data leaves it empty).
    pub weight: f64,
    /// Where the tie comes from.
    pub provenance: Provenance,
}

/// Whether `w` is a valid tie weight: finite and strictly positive.
pub fn is_valid_weight(w: f64) -> bool {
    w.is_finite() && w > 0.0
}

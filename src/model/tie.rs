//! Ties: one relation between two actors in one layer.

use super::{LayerId, Provenance};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How firmly the source supports a tie (the `certainty` column of `ties.csv`).
///
/// The rule for choosing a value is in `data/README.md`: `stated` when the quote
/// itself says the relation, `inferred` when the tie is a reasonable reading of the
/// quote (its layer or direction, or one of its ends, is the coder's reading).
/// A case without the column has only stated ties.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// The quote says it.
    #[default]
    Stated,
    /// A reasonable reading of the quote.
    Inferred,
}

impl Certainty {
    /// Every value, in declaration order.
    pub const ALL: &'static [Certainty] = &[Certainty::Stated, Certainty::Inferred];

    /// The lowercase name used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Stated => "stated",
            Certainty::Inferred => "inferred",
        }
    }

    /// Whether this is [`Certainty::Stated`].
    pub fn is_stated(&self) -> bool {
        *self == Certainty::Stated
    }
}

impl fmt::Display for Certainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Certainty {
    type Err = ();
    /// Parse the lowercase name (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self, ()> {
        Certainty::ALL
            .iter()
            .copied()
            .find(|c| s.eq_ignore_ascii_case(c.as_str()))
            .ok_or(())
    }
}

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
    /// Whether the source states the tie or the coder inferred it.
    #[serde(default)]
    pub certainty: Certainty,
}

/// `weight (certainty)` — a tie holds its layer and ends as indices; a graph
/// names them ([`MultiplexGraph::describe_tie`](super::MultiplexGraph::describe_tie)).
/// This is what `petgraph::dot::Dot` prints on an edge.
impl fmt::Display for Tie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.weight, self.certainty)
    }
}

/// Whether `w` is a valid tie weight: finite and strictly positive.
pub fn is_valid_weight(w: f64) -> bool {
    w.is_finite() && w > 0.0
}

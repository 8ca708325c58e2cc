//! Layers of the multiplex: what kind of relation a tie records.

use serde::{Deserialize, Serialize};

/// Whether ties of a layer are positive (cooperation) or negative (conflict).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Sign {
    /// Cooperation, flow, authority.
    #[default]
    Positive,
    /// Conflict (the `tension` layer).
    Negative,
}

/// A layer: a name, whether its ties are directed, and its sign.
///
/// The seven standard layers ([`LayerSpec::standard`]) are present in every
/// [`MultiplexGraph`](crate::model::MultiplexGraph); a case may declare more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerSpec {
    /// The layer's name, as written in `ties.csv`.
    pub name: String,
    /// Directed (source → target has a meaning) or not.
    pub directed: bool,
    /// Positive or negative ties.
    #[serde(default)]
    pub sign: Sign,
    /// Whether a tie from an actor to itself is allowed (never, for the standard layers).
    #[serde(default)]
    pub self_loops: bool,
}

/// Names of the seven standard layers, in their canonical order.
pub const STANDARD_LAYERS: [&str; 7] = [
    "leadership",
    "administrative",
    "deliberation",
    "resource",
    "service",
    "information",
    "tension",
];

impl LayerSpec {
    /// A directed, positive layer without self-loops.
    pub fn directed(name: impl Into<String>) -> Self {
        LayerSpec {
            name: name.into(),
            directed: true,
            sign: Sign::Positive,
            self_loops: false,
        }
    }

    /// An undirected, positive layer without self-loops.
    pub fn undirected(name: impl Into<String>) -> Self {
        LayerSpec {
            directed: false,
            ..LayerSpec::directed(name)
        }
    }

    /// The seven standard layers with their default direction and sign:
    ///
    /// ```text
    /// leadership      directed    party -> led
    /// administrative  directed    superior -> subordinate
    /// deliberation    undirected  member - arena, member - member
    /// resource        directed    giver -> receiver
    /// service         directed    provider -> user
    /// information     directed    sender -> receiver
    /// tension         undirected  negative
    /// ```
    pub fn standard() -> Vec<LayerSpec> {
        STANDARD_LAYERS
            .iter()
            .map(|&name| match name {
                "deliberation" => LayerSpec::undirected(name),
                "tension" => LayerSpec {
                    sign: Sign::Negative,
                    ..LayerSpec::undirected(name)
                },
                _ => LayerSpec::directed(name),
            })
            .collect()
    }
}

/// The layers of `layers` that are not standard ones (by name), in order:
/// what a `case.toml` declares and [`MultiplexGraph::with_meta`](crate::model::MultiplexGraph::with_meta) adds.
pub(crate) fn extra_layers(layers: &[LayerSpec]) -> Vec<LayerSpec> {
    layers
        .iter()
        .filter(|l| !STANDARD_LAYERS.contains(&l.name.as_str()))
        .cloned()
        .collect()
}

/// Index of a layer in a graph's layer table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LayerId(pub u16);

impl LayerId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

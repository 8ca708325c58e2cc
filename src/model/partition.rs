//! Partitions of actors into groups, by any attribute.

use super::{MultiplexGraph, View};
use crate::error::{Error, Names, Result};
use std::str::FromStr;

/// An actor attribute usable as a partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribute {
    /// The actor's kind.
    Kind,
    /// The actor's sector (derived from kind).
    Sector,
    /// The actor's level.
    Level,
    /// A user column of `actors.csv` (an actor with an empty value is in the
    /// group `""`). A name that no actor has is an error when the partition is
    /// built ([`Partition::of_view`]), never an empty column.
    Column(String),
}

impl FromStr for Attribute {
    type Err = Error;
    /// `kind`, `sector`, `level`, or any other name as a user column (checked
    /// against the graph when a partition is built).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for an empty name.
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "kind" => Attribute::Kind,
            "sector" => Attribute::Sector,
            "level" => Attribute::Level,
            "" => {
                return Err(Error::InvalidParameter {
                    name: "attribute",
                    reason: "empty name; use kind, sector, level or a column of the actors file"
                        .into(),
                });
            }
            other => Attribute::Column(other.to_string()),
        })
    }
}

impl Attribute {
    /// The attribute's name: `kind`, `sector`, `level` or the column name.
    pub fn name(&self) -> &str {
        match self {
            Attribute::Kind => "kind",
            Attribute::Sector => "sector",
            Attribute::Level => "level",
            Attribute::Column(c) => c,
        }
    }
}

/// A partition of `n` nodes into groups `0..k`, each with a label.
///
/// Group numbers follow the sorted order of the labels, so a partition is the
/// same whatever the order of the actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    groups: Vec<u32>,
    labels: Vec<String>,
}

impl Partition {
    /// A partition from one label per node.
    pub fn from_labels<S: AsRef<str>>(labels: &[S]) -> Partition {
        let mut names: Vec<String> = labels.iter().map(|s| s.as_ref().to_string()).collect();
        names.sort();
        names.dedup();
        let groups = labels
            .iter()
            .map(|s| {
                // Always `Ok`: `names` holds every label.
                let (Ok(g) | Err(g)) = names.binary_search_by(|n| n.as_str().cmp(s.as_ref()));
                g as u32
            })
            .collect();
        Partition {
            groups,
            labels: names,
        }
    }

    /// A partition from group numbers (`0..k`); labels are the numbers.
    pub fn from_groups(groups: Vec<u32>) -> Partition {
        let k = groups.iter().map(|&g| g as usize + 1).max().unwrap_or(0);
        Partition {
            groups,
            labels: (0..k).map(|g| g.to_string()).collect(),
        }
    }

    /// The partition of the actors of `graph` (all of them, in graph order) by `attr`.
    ///
    /// # Errors
    /// [`Error::UnknownAttribute`] for a user column that no actor of the graph
    /// has, listing the attributes that exist.
    pub fn of_graph(graph: &MultiplexGraph, attr: &Attribute) -> Result<Partition> {
        let idx: Vec<usize> = (0..graph.actor_count()).collect();
        Self::of_actors(graph, &idx, attr)
    }

    /// The partition of the kept actors of a view (dense-index order) by `attr`.
    ///
    /// # Errors
    /// [`Error::UnknownAttribute`] for a user column that no actor of the graph
    /// has, listing the attributes that exist.
    pub fn of_view(view: &View<'_>, attr: &Attribute) -> Result<Partition> {
        Self::of_actors(view.graph(), &view.actor_indices(), attr)
    }

    fn of_actors(graph: &MultiplexGraph, idx: &[usize], attr: &Attribute) -> Result<Partition> {
        if let Attribute::Column(c) = attr {
            let columns = graph.attribute_columns();
            if !columns.contains(c) {
                let available = ["kind", "sector", "level"]
                    .into_iter()
                    .map(String::from)
                    .chain(columns);
                return Err(Error::UnknownAttribute {
                    name: c.clone(),
                    available: Names::of(available, c),
                });
            }
        }
        let labels: Vec<String> = idx
            .iter()
            .map(|&i| {
                let a = graph.actor(i);
                match attr {
                    Attribute::Kind => a.kind.to_string(),
                    Attribute::Sector => a.sector().to_string(),
                    Attribute::Level => a.level.to_string(),
                    Attribute::Column(c) => a.attrs.get(c).cloned().unwrap_or_default(),
                }
            })
            .collect();
        Ok(Partition::from_labels(&labels))
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Number of groups.
    pub fn group_count(&self) -> usize {
        self.labels.len()
    }

    /// The group of node `u`.
    #[inline]
    pub fn group(&self, u: usize) -> u32 {
        self.groups[u]
    }

    /// Group numbers, one per node.
    pub fn groups(&self) -> &[u32] {
        &self.groups
    }

    /// Group labels, indexed by group number.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
}

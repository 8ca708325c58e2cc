//! The core set of a hypothesis: the actors named as "the one core".

use super::{Kind, NodeSet, View};
use crate::error::{Error, Result};
use std::fmt;
use std::str::FromStr;

/// The actors a hypothesis names as the core: all actors of a kind
/// (`kind:party`, the default), or a list of ids (`civil_affairs_bureau,finance_bureau`).
///
/// ```
/// use coprod::model::CoreSet;
/// let party: CoreSet = "kind:party".parse().unwrap();
/// assert_eq!(party, CoreSet::default());
/// let ids: CoreSet = "civil_affairs_bureau".parse().unwrap();
/// assert_eq!(ids.to_string(), "civil_affairs_bureau");
/// assert!("kind:parti".parse::<CoreSet>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoreSet {
    /// Every actor of this kind.
    Kind(Kind),
    /// These actors, by id.
    Ids(Vec<String>),
}

impl Default for CoreSet {
    fn default() -> Self {
        CoreSet::Kind(Kind::Party)
    }
}

impl FromStr for CoreSet {
    type Err = Error;
    /// `kind:<kind>` or comma-separated ids.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for an unknown kind; [`Error::InvalidParameter`]
    /// for an empty list.
    fn from_str(s: &str) -> Result<Self> {
        if let Some(k) = s.strip_prefix("kind:") {
            return Ok(CoreSet::Kind(k.parse()?));
        }
        let ids: Vec<String> = s
            .split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect();
        if ids.is_empty() {
            return Err(Error::InvalidParameter {
                name: "core",
                reason: format!("`{s}` names no actor; use kind:<kind> or id1,id2"),
            });
        }
        Ok(CoreSet::Ids(ids))
    }
}

impl fmt::Display for CoreSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreSet::Kind(k) => write!(f, "kind:{k}"),
            CoreSet::Ids(ids) => f.write_str(&ids.join(",")),
        }
    }
}

impl CoreSet {
    /// The core's members among the view's actors (dense indices). A kind
    /// with no actor in the view gives the empty set.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id the graph lacks (listing its ids);
    /// [`Error::InvalidParameter`] for an actor the view leaves out.
    pub fn node_set(&self, view: &View<'_>) -> Result<NodeSet> {
        match self {
            CoreSet::Kind(k) => Ok(view.node_set_of_kind(*k)),
            CoreSet::Ids(ids) => view.node_set(ids),
        }
    }
}

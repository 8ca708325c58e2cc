//! Results keyed by actor id, and an owned snapshot of a view: what a
//! notebook cell or a report can hold and display without borrowing the graph.

use super::{Csr, NodeSet, View};
use crate::error::{Error, Names, Result};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// An owned snapshot of a [`View`]: its [`Csr`] and its actors' ids, shared
/// behind `Arc`s, so it is `'static` and cheap to clone. Every measure takes
/// it where it takes a `&Csr` (it dereferences to one), and
/// [`Snapshot::scores`] keys a measure's result by actor id, so an index can
/// never be matched to another actor's value.
///
/// ```
/// use coprod::model::{Kind, View};
/// use coprod::measures::centrality::{degree, DegreeOptions};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let snap = View::aggregate(&g).without_kind(Kind::Party).snapshot();
/// let d = snap.scores("degree", degree(&snap, &DegreeOptions::default())).unwrap();
/// // Keyed by id: right whatever the view left out.
/// assert!(d.get("subdistrict_office").unwrap() > 0.0);
/// assert!(d.get("street_party_working_committee").is_err()); // left out of the view
/// ```
#[derive(Debug, Clone)]
pub struct Snapshot {
    csr: Arc<Csr>,
    ids: Arc<[String]>,
}

impl View<'_> {
    /// The view's owned snapshot (see [`Snapshot`]).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            csr: Arc::new(self.csr()),
            ids: self.ids().into_iter().map(String::from).collect(),
        }
    }
}

impl Deref for Snapshot {
    type Target = Csr;
    fn deref(&self) -> &Csr {
        &self.csr
    }
}

impl Snapshot {
    /// The actors' ids, in dense-index order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The dense index of an actor.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] listing the snapshot's ids.
    pub fn index(&self, id: &str) -> Result<usize> {
        self.ids
            .iter()
            .position(|x| x == id)
            .ok_or_else(|| unknown(&self.ids, id))
    }

    /// The node set of these actors.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id the snapshot lacks.
    pub fn node_set<S: AsRef<str>>(&self, ids: &[S]) -> Result<NodeSet> {
        let idx = ids
            .iter()
            .map(|id| self.index(id.as_ref()))
            .collect::<Result<Vec<_>>>()?;
        NodeSet::new(self.ids.len(), idx)
    }

    /// One value per actor (a measure's result on this snapshot), keyed by id.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] when `values` does not have one value per actor.
    pub fn scores(&self, name: impl Into<String>, values: Vec<f64>) -> Result<Scores> {
        Scores::new(name, self.ids.clone(), values)
    }
}

fn unknown(ids: &[String], id: &str) -> Error {
    Error::UnknownActor {
        at: None,
        value: id.to_string(),
        available: Names::of(ids, id),
    }
}

/// Per-actor values keyed by actor id, in the view's order; NaN where a
/// value is undefined (as the measure documents).
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    name: String,
    ids: Arc<[String]>,
    values: Vec<f64>,
}

impl Scores {
    /// Scores named `name`, one value per id.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] when the lengths differ.
    pub fn new(
        name: impl Into<String>,
        ids: impl Into<Arc<[String]>>,
        values: Vec<f64>,
    ) -> Result<Scores> {
        let ids = ids.into();
        if ids.len() != values.len() {
            return Err(Error::SizeMismatch {
                what: "the scores".into(),
                expected: ids.len(),
                found: values.len(),
            });
        }
        Ok(Scores {
            name: name.into(),
            ids,
            values,
        })
    }

    /// What the scores are (the measure's name).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value of an actor.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] listing the ids the scores have.
    pub fn get(&self, id: &str) -> Result<f64> {
        self.ids
            .iter()
            .position(|x| x == id)
            .map(|i| self.values[i])
            .ok_or_else(|| unknown(&self.ids, id))
    }

    /// `(id, value)` in the view's order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        self.ids
            .iter()
            .map(String::as_str)
            .zip(self.values.iter().copied())
    }

    /// Every `(id, value)`, highest first; undefined (NaN) values last; equal
    /// values by id.
    pub fn sorted(&self) -> Vec<(&str, f64)> {
        let mut v: Vec<(&str, f64)> = self.iter().collect();
        v.sort_by(|a, b| {
            match (a.1.is_nan(), b.1.is_nan()) {
                (false, false) => b.1.total_cmp(&a.1),
                (x, y) => x.cmp(&y),
            }
            .then(a.0.cmp(b.0))
        });
        v
    }

    /// The `k` highest, as [`Scores::sorted`] orders them.
    pub fn top(&self, k: usize) -> Vec<(&str, f64)> {
        let mut v = self.sorted();
        v.truncate(k);
        v
    }

    /// The values, in the view's order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The ids, in the view's order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }
}

/// Two aligned columns, `id` and the name, in the view's order; undefined
/// values printed as `-`.
impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = self
            .ids
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(2)
            .max(2);
        writeln!(f, "{:<w$}  {}", "id", self.name)?;
        for (id, v) in self.iter() {
            writeln!(f, "{:<w$}  {}", id, fmt_value(v))?;
        }
        Ok(())
    }
}

/// A value for a person: `-` for undefined, up to 6 significant decimals.
pub(crate) fn fmt_value(v: f64) -> String {
    if v.is_nan() {
        "-".into()
    } else if v == v.trunc() && v.abs() < 1e15 {
        format!("{}", v + 0.0)
    } else {
        format!("{:.6}", v).trim_end_matches('0').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_puts_nan_last_and_breaks_ties_by_id() {
        let s = Scores::new(
            "x",
            vec!["b".to_string(), "a".into(), "c".into(), "d".into()],
            vec![1.0, 1.0, f64::NAN, 2.0],
        )
        .unwrap();
        let ids: Vec<&str> = s.sorted().into_iter().map(|p| p.0).collect();
        assert_eq!(ids, ["d", "a", "b", "c"]);
        assert_eq!(s.top(1), [("d", 2.0)]);
        assert!(Scores::new("x", vec!["a".to_string()], vec![]).is_err());
        assert_eq!(fmt_value(0.25), "0.25");
        assert_eq!(fmt_value(3.0), "3");
        assert!(s.to_string().starts_with("id  x\nb   1\n"), "{s}");
    }
}

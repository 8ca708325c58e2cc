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
    labels: Arc<[String]>,
}

impl View<'_> {
    /// The view's owned snapshot (see [`Snapshot`]).
    pub fn snapshot(&self) -> Snapshot {
        let g = self.graph();
        Snapshot {
            csr: Arc::new(self.csr()),
            ids: self.ids().into_iter().map(String::from).collect(),
            labels: self
                .actor_indices()
                .into_iter()
                .map(|i| g.actor(i).label.clone())
                .collect(),
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

    /// The actors' (English) labels, in dense-index order.
    pub fn labels(&self) -> &[String] {
        &self.labels
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
        Scores::new(name, self.ids.clone(), self.labels.clone(), values)
    }
}

fn unknown(ids: &[String], id: &str) -> Error {
    Error::UnknownActor {
        at: None,
        value: id.to_string(),
        available: Names::of(ids, id),
    }
}

/// Per-actor values keyed by actor id, in the view's order, with each
/// actor's label; NaN where a value is undefined (as the measure documents).
///
/// It displays itself (text, and HTML in a notebook) sorted, highest first,
/// with a label column; [`Scores::top`] gives the `k` highest as an owned
/// [`Ranking`].
///
/// ```
/// use coprod::prelude::*;
/// let g = cases::load("ly")?;
/// let t = actor_table(&View::aggregate(&g), &ReportOptions::default())?;
/// let b = t.scores("betweenness")?;
/// let top = b.top(3); // owned: it outlives `b`, `t` and `g`
/// assert_eq!(top[0].id, "community_party_branch");
/// assert_eq!(top[0].label, g.actor_by_id("community_party_branch")?.label);
/// let text = b.to_string(); // every actor, highest first, with its label
/// let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
/// assert_eq!(header, ["#", "id", "label", "betweenness"]);
/// assert!(text.lines().nth(1).unwrap().contains("community_party_branch"));
/// # Ok::<(), coprod::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    name: String,
    ids: Arc<[String]>,
    labels: Arc<[String]>,
    values: Vec<f64>,
}

impl Scores {
    /// Scores named `name`: one label and one value per id.
    ///
    /// # Errors
    /// [`Error::SizeMismatch`] when the lengths differ.
    pub fn new(
        name: impl Into<String>,
        ids: impl Into<Arc<[String]>>,
        labels: impl Into<Arc<[String]>>,
        values: Vec<f64>,
    ) -> Result<Scores> {
        let ids = ids.into();
        let labels = labels.into();
        for (what, found) in [("labels", labels.len()), ("scores", values.len())] {
            if ids.len() != found {
                return Err(Error::SizeMismatch {
                    what: format!("the {what}"),
                    expected: ids.len(),
                    found,
                });
            }
        }
        Ok(Scores {
            name: name.into(),
            ids,
            labels,
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

    /// Every actor, highest value first; undefined (NaN) values last; equal
    /// values by id.
    pub fn sorted(&self) -> Ranking {
        let mut order: Vec<usize> = (0..self.ids.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (self.values[a], self.values[b]);
            match (x.is_nan(), y.is_nan()) {
                (false, false) => y.total_cmp(&x),
                (p, q) => p.cmp(&q),
            }
            .then(self.ids[a].cmp(&self.ids[b]))
        });
        Ranking {
            name: self.name.clone(),
            rows: order
                .into_iter()
                .map(|i| Ranked {
                    id: self.ids[i].clone(),
                    label: self.labels[i].clone(),
                    value: self.values[i],
                })
                .collect(),
        }
    }

    /// The `k` highest, as [`Scores::sorted`] orders them: an owned table
    /// of id, label and value that can be kept in a notebook cell.
    pub fn top(&self, k: usize) -> Ranking {
        let mut r = self.sorted();
        r.rows.truncate(k);
        r
    }

    /// The values, in the view's order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The ids, in the view's order.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// The actors' labels, in the view's order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
}

/// One row of a [`Ranking`]: an actor and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The actor's id.
    pub id: String,
    /// The actor's (English) label.
    pub label: String,
    /// Its value (NaN: undefined).
    pub value: f64,
}

/// Actors ordered by a measure, highest first (undefined last, equal values
/// by id): owned rows of id, label and value. It is a slice of [`Ranked`]
/// (index it, iterate it) and displays itself as a table, as text and as
/// HTML in a notebook.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    name: String,
    rows: Vec<Ranked>,
}

impl Ranking {
    /// The measure's name (the value column's header).
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Deref for Ranking {
    type Target = [Ranked];
    fn deref(&self) -> &[Ranked] {
        &self.rows
    }
}

impl IntoIterator for Ranking {
    type Item = Ranked;
    type IntoIter = std::vec::IntoIter<Ranked>;
    fn into_iter(self) -> Self::IntoIter {
        self.rows.into_iter()
    }
}

impl<'a> IntoIterator for &'a Ranking {
    type Item = &'a Ranked;
    type IntoIter = std::slice::Iter<'a, Ranked>;
    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter()
    }
}

/// Columns rank, id, label and the measure, aligned (a Chinese character
/// counts two columns); undefined values `-`.
impl fmt::Display for Ranking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut cells = vec![[
            "#".to_string(),
            "id".to_string(),
            "label".to_string(),
            self.name.clone(),
        ]];
        for (i, r) in self.rows.iter().enumerate() {
            cells.push([
                (i + 1).to_string(),
                r.id.clone(),
                r.label.clone(),
                fmt_value(r.value),
            ]);
        }
        let w: Vec<usize> = (0..4)
            .map(|c| cells.iter().map(|r| width(&r[c])).max().unwrap_or(0))
            .collect();
        for r in &cells {
            let pad = |c: usize| " ".repeat(w[c] - width(&r[c]));
            // Rank and value right-aligned, id and label left.
            writeln!(
                f,
                "{}{}  {}{}  {}{}  {}{}",
                pad(0),
                r[0],
                r[1],
                pad(1),
                r[2],
                pad(2),
                pad(3),
                r[3]
            )?;
        }
        Ok(())
    }
}

/// Sorted, as [`Scores::sorted`]: see [`Ranking`]'s display.
impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.sorted().fmt(f)
    }
}

/// Display columns of `s` in a fixed-width font: two for East Asian wide
/// characters (CJK ideographs, kana, Hangul, full-width forms), one otherwise.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// Below this in absolute value a printed value is `0`: zero up to
/// floating-point rounding (an eigenvector score of 5e-14 on an actor the
/// iteration leaves at zero). CSV and JSON keep the exact value.
pub(crate) const PRINTED_ZERO: f64 = 1e-12;

/// A value for a person (tables, the report page, plot labels): `-` for
/// undefined; 3 significant digits, without trailing zeros (`0.333`,
/// `4.48`, `0.0123`); an integer part of 100 or more in full (`1235`, an
/// integer as it is); `0` below [`PRINTED_ZERO`] in absolute value. CSV and
/// JSON keep every digit.
pub(crate) fn fmt_value(v: f64) -> String {
    if v.is_nan() {
        return "-".into();
    }
    if v.abs() < PRINTED_ZERO {
        return "0".into();
    }
    if v == v.trunc() && v.abs() < 1e15 {
        return format!("{}", v + 0.0);
    }
    if !v.is_finite() {
        return format!("{v}");
    }
    let a = v.abs();
    let decimals = if a >= 100.0 {
        0
    } else {
        (2 - a.log10().floor() as i32).max(0) as usize
    };
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s.as_str()
    };
    match s {
        "-0" => "0".into(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn sorted_puts_nan_last_and_breaks_ties_by_id() {
        let s = Scores::new(
            "x",
            strings(&["b", "a", "c", "d"]),
            strings(&["Bee", "Ay", "Sea", "居委会"]),
            vec![1.0, 1.0, f64::NAN, 2.0],
        )
        .unwrap();
        let ids: Vec<String> = s.sorted().into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["d", "a", "b", "c"]);
        let top = s.top(1);
        assert_eq!(top.len(), 1);
        assert_eq!(
            top[0],
            Ranked {
                id: "d".into(),
                label: "居委会".into(),
                value: 2.0
            }
        );
        assert_eq!(top.name(), "x");
        assert!(Scores::new("x", strings(&["a"]), strings(&["A"]), vec![]).is_err());
        assert!(Scores::new("x", strings(&["a"]), strings(&[]), vec![1.0]).is_err());
        // Sorted, ranked, labelled; the Chinese label is four characters, eight columns.
        assert_eq!(
            s.to_string(),
            "#  id  label   x\n\
             1  d   居委会  2\n\
             2  a   Ay      1\n\
             3  b   Bee     1\n\
             4  c   Sea     -\n"
        );
    }

    #[test]
    fn values_print_at_three_significant_digits() {
        assert_eq!(fmt_value(0.25), "0.25");
        assert_eq!(fmt_value(3.0), "3");
        assert_eq!(fmt_value(-0.0), "0");
        assert_eq!(fmt_value(1.0 / 3.0), "0.333");
        assert_eq!(fmt_value(-4.4812), "-4.48");
        assert_eq!(fmt_value(0.012345), "0.0123");
        assert_eq!(fmt_value(0.000123456), "0.000123");
        assert_eq!(fmt_value(15.349), "15.3");
        assert_eq!(fmt_value(99.96), "100");
        assert_eq!(fmt_value(1234.567), "1235");
        assert_eq!(fmt_value(0.1 + 0.2), "0.3");
        // Zero up to rounding is 0, never "0.0000000000000492" or "-0".
        assert_eq!(fmt_value(4.917661985388127e-14), "0");
        assert_eq!(fmt_value(-4.9e-14), "0");
        assert_eq!(fmt_value(-0.0004), "-0.0004");
        assert_eq!(fmt_value(f64::NAN), "-");
        assert_eq!(fmt_value(f64::INFINITY), "inf");
    }
}

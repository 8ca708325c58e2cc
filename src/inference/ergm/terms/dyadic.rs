//! Dyad-independent terms: the change statistic of i → j depends only on i,
//! j and their attributes.
//!
//! ```text
//! edges          Σ_{ij} y_ij
//! mutual         Σ_{i<j} y_ij y_ji                       (directed)
//! nodefactor     g_l = Σ_{ij} y_ij ([a_i = l] + [a_j = l])   for kept levels l
//! nodeofactor    g_l = Σ_{ij} y_ij [a_i = l]            (directed: senders)
//! nodeifactor    g_l = Σ_{ij} y_ij [a_j = l]            (directed: receivers)
//! nodematch      Σ_{ij} y_ij [a_i = a_j];  diff=TRUE: g_l = Σ y_ij [a_i = a_j = l]
//! nodemix        g_{kl} = Σ_{ij} y_ij [a_i = k][a_j = l]   (undirected: k ≤ l, cell {k, l})
//! nodecov        Σ_{ij} y_ij (x_i + x_j)
//! absdiff        Σ_{ij} y_ij |x_i − x_j|^p
//! edgecov        Σ_{ij} y_ij x_ij
//! ```
//!
//! y_ij is the tie i → j (sums over ordered pairs i ≠ j when directed, over
//! i < j when undirected), a an attribute's level, x a numeric attribute or
//! dyadic covariate. Levels are sorted as R sorts them
//! ([`NodeAttribute::levels`](super::super::network::NodeAttribute::levels)).
//! Defaults are statnet 4's: nodefactor drops the first level (`levels=-1`,
//! the deprecated `base=1`), nodemix the first cell (`levels2=-1`, cells in
//! column-major order of the mixing matrix, upper triangle when undirected),
//! nodematch with `diff=TRUE` keeps every level.
//!
//! Complexity: O(1) per change statistic (O(levels) for the factors);
//! O(n + m) for the statistics from scratch (m ties).

use super::super::formula::{Bound, Value};
use super::super::network::{DyadicCovariate, ErgmData, Network};
use super::{Term, r_number};
use crate::error::Result;

/// Reject statnet arguments coprod does not implement.
pub(super) fn unsupported(b: &Bound<'_>, params: &[&str]) -> Result<()> {
    for p in params {
        if b.get(p).is_some() {
            return Err(b.bad(p, "not supported by coprod (leave it out)"));
        }
    }
    Ok(())
}

#[derive(Debug)]
struct Edges;
impl Term for Edges {
    fn names(&self) -> Vec<String> {
        vec!["edges".into()]
    }
    fn change(&self, _: &Network, _: usize, _: usize, out: &mut [f64]) {
        out[0] += 1.0;
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        out[0] = net.edge_count() as f64;
    }
    fn dyad_independent(&self) -> bool {
        true
    }
    fn change_with_tie(&self) -> bool {
        true
    }
}

pub(super) fn edges(_: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    Ok(Box::new(Edges))
}

#[derive(Debug)]
struct Mutual;
impl Term for Mutual {
    fn names(&self) -> Vec<String> {
        vec!["mutual".into()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        out[0] += net.y(j, i);
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        // Mutual pairs i < j, each seen from its tie i → j.
        let s = net
            .edges()
            .into_iter()
            .filter(|&(i, j)| i < j && net.has(j, i))
            .count();
        out[0] = s as f64;
    }
    fn dyad_independent(&self) -> bool {
        false
    }
    fn change_with_tie(&self) -> bool {
        // Reads y_ji only, which the tie i → j is not.
        true
    }
}

pub(super) fn mutual(_: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    Ok(Box::new(Mutual))
}

/// A dyad-independent term given by a per-dyad value table: Δ_ij = v(i, j).
#[derive(Debug)]
struct DyadTable {
    names: Vec<String>,
    /// `slots[code_i * L + code_j]`: the (statistic, amount) pairs a tie i → j adds.
    cell: Box<dyn CellFn>,
}

trait CellFn: Send + Sync + std::fmt::Debug {
    fn add(&self, i: usize, j: usize, out: &mut [f64]);
}

impl Term for DyadTable {
    fn names(&self) -> Vec<String> {
        self.names.clone()
    }
    fn change(&self, _: &Network, i: usize, j: usize, out: &mut [f64]) {
        self.cell.add(i, j, out);
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        out.fill(0.0);
        for (i, j) in net.edges() {
            self.cell.add(i, j, out);
        }
    }
    fn dyad_independent(&self) -> bool {
        true
    }
    fn change_with_tie(&self) -> bool {
        // Reads i's and j's attributes (or covariate) only.
        true
    }
}

/// Factor on the sender, the receiver or both ends.
#[derive(Debug)]
struct Factor {
    codes: Vec<usize>,
    slot: Vec<Option<usize>>,
    sender: bool,
    receiver: bool,
}
impl CellFn for Factor {
    fn add(&self, i: usize, j: usize, out: &mut [f64]) {
        if self.sender
            && let Some(s) = self.slot[self.codes[i]]
        {
            out[s] += 1.0;
        }
        if self.receiver
            && let Some(s) = self.slot[self.codes[j]]
        {
            out[s] += 1.0;
        }
    }
}

/// The levels kept by `base=` / `levels=` (statnet 4's `levels=-1` default
/// when `drop_first`), as indices into `levels`.
pub(super) fn kept_levels(
    b: &Bound<'_>,
    levels: &[String],
    drop_first: bool,
) -> Result<Vec<usize>> {
    let all: Vec<usize> = (0..levels.len()).collect();
    let index = |x: f64, what: &str| -> Result<usize> {
        let k = x.abs();
        if k.fract() != 0.0 || k < 1.0 || k as usize > levels.len() {
            return Err(b.bad(
                what,
                format!(
                    "{x} is not a level index in 1..{} (levels: {})",
                    levels.len(),
                    levels.join(", ")
                ),
            ));
        }
        Ok(k as usize - 1)
    };
    if let Some(v) = b.get("base") {
        return match v {
            Value::Num(x) if *x == 0.0 => Ok(all),
            Value::Num(x) => {
                let d = index(*x, "base")?;
                Ok(all.into_iter().filter(|&l| l != d).collect())
            }
            other => Err(b.bad(
                "base",
                format!("expected a level index, found {}", other.describe()),
            )),
        };
    }
    let by_name = |s: &str| -> Result<usize> {
        levels.iter().position(|l| l == s).ok_or_else(|| {
            b.bad(
                "levels",
                format!("no level \"{s}\"; levels: {}", levels.join(", ")),
            )
        })
    };
    match b.get("levels") {
        None if drop_first => Ok(all.into_iter().skip(1).collect()),
        None | Some(Value::Bool(true)) => Ok(all),
        Some(Value::Num(x)) if *x < 0.0 => {
            let d = index(*x, "levels")?;
            Ok(all.into_iter().filter(|&l| l != d).collect())
        }
        Some(Value::Num(x)) => Ok(vec![index(*x, "levels")?]),
        Some(Value::Str(s)) => Ok(vec![by_name(s)?]),
        Some(Value::Vector(items)) => {
            let mut keep = Vec::new();
            for it in items {
                match it {
                    Value::Str(s) => keep.push(by_name(s)?),
                    Value::Num(x) if *x > 0.0 => keep.push(index(*x, "levels")?),
                    other => {
                        return Err(
                            b.bad("levels", format!("cannot use {} in c(…)", other.describe()))
                        );
                    }
                }
            }
            keep.sort_unstable();
            keep.dedup();
            Ok(keep)
        }
        Some(other) => Err(b.bad(
            "levels",
            format!("cannot select levels with {}", other.describe()),
        )),
    }
}

fn factor(
    b: &Bound<'_>,
    data: &ErgmData,
    prefix: &str,
    sender: bool,
    receiver: bool,
) -> Result<Box<dyn Term>> {
    let attr = b.string("attr")?;
    let a = data.attribute(&attr)?;
    let levels = a.levels();
    let kept = kept_levels(b, &levels, true)?;
    if kept.is_empty() {
        return Err(b.bad(
            "levels",
            format!("no level left (levels: {})", levels.join(", ")),
        ));
    }
    let mut slot = vec![None; levels.len()];
    for (s, &l) in kept.iter().enumerate() {
        slot[l] = Some(s);
    }
    Ok(Box::new(DyadTable {
        names: kept
            .iter()
            .map(|&l| format!("{prefix}.{attr}.{}", levels[l]))
            .collect(),
        cell: Box::new(Factor {
            codes: a.codes(),
            slot,
            sender,
            receiver,
        }),
    }))
}

pub(super) fn nodefactor(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    factor(b, d, "nodefactor", true, true)
}
pub(super) fn nodeofactor(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    factor(b, d, "nodeofactor", true, false)
}
pub(super) fn nodeifactor(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    factor(b, d, "nodeifactor", false, true)
}

#[derive(Debug)]
struct Match {
    codes: Vec<usize>,
    /// `None`: uniform (one statistic); else the slot of each level.
    slot: Option<Vec<Option<usize>>>,
}
impl CellFn for Match {
    fn add(&self, i: usize, j: usize, out: &mut [f64]) {
        let (ci, cj) = (self.codes[i], self.codes[j]);
        if ci != cj {
            return;
        }
        match &self.slot {
            None => out[0] += 1.0,
            Some(s) => {
                if let Some(k) = s[ci] {
                    out[k] += 1.0;
                }
            }
        }
    }
}

pub(super) fn nodematch(b: &Bound<'_>, data: &ErgmData) -> Result<Box<dyn Term>> {
    unsupported(b, &["keep"])?;
    let attr = b.string("attr")?;
    let a = data.attribute(&attr)?;
    let levels = a.levels();
    let diff = b.logical("diff", false)?;
    let kept = kept_levels(b, &levels, false)?;
    let mut slot = vec![None; levels.len()];
    for (s, &l) in kept.iter().enumerate() {
        slot[l] = Some(s);
    }
    let (names, slot) = if diff {
        (
            kept.iter()
                .map(|&l| format!("nodematch.{attr}.{}", levels[l]))
                .collect(),
            Some(slot),
        )
    } else if kept.len() == levels.len() {
        (vec![format!("nodematch.{attr}")], None)
    } else {
        // Uniform over a subset of levels: one statistic, the kept levels' matches.
        let slot = slot.iter().map(|s| s.map(|_| 0)).collect();
        (vec![format!("nodematch.{attr}")], Some(slot))
    };
    Ok(Box::new(DyadTable {
        names,
        cell: Box::new(Match {
            codes: a.codes(),
            slot,
        }),
    }))
}

#[derive(Debug)]
struct Mix {
    codes: Vec<usize>,
    nlev: usize,
    directed: bool,
    /// `slot[k * L + l]` for the cell (level of i, level of j).
    slot: Vec<Option<usize>>,
}
impl CellFn for Mix {
    fn add(&self, i: usize, j: usize, out: &mut [f64]) {
        let (mut k, mut l) = (self.codes[i], self.codes[j]);
        if !self.directed && k > l {
            std::mem::swap(&mut k, &mut l);
        }
        if let Some(s) = self.slot[k * self.nlev + l] {
            out[s] += 1.0;
        }
    }
}

pub(super) fn nodemix(b: &Bound<'_>, data: &ErgmData) -> Result<Box<dyn Term>> {
    unsupported(b, &["base", "levels"])?;
    let attr = b.string("attr")?;
    let a = data.attribute(&attr)?;
    let levels = a.levels();
    let nl = levels.len();
    let directed = data.network.is_directed();
    // Cells in column-major order: (row k, column l), l outer.
    let mut cells = Vec::new();
    for l in 0..nl {
        for k in 0..nl {
            if directed || k <= l {
                cells.push((k, l));
            }
        }
    }
    let keep: Vec<usize> = match b.get("levels2") {
        None => (1..cells.len()).collect(),
        Some(Value::Bool(true)) => (0..cells.len()).collect(),
        Some(Value::Num(x)) if *x < 0.0 && x.fract() == 0.0 && (-x) as usize <= cells.len() => {
            let d = (-x) as usize - 1;
            (0..cells.len()).filter(|&c| c != d).collect()
        }
        Some(v) => {
            return Err(b.bad(
                "levels2",
                format!(
                    "{} is not supported (use -k to drop cell k, or TRUE)",
                    v.describe()
                ),
            ));
        }
    };
    let mut slot = vec![None; nl * nl];
    let mut names = Vec::new();
    for (s, &c) in keep.iter().enumerate() {
        let (k, l) = cells[c];
        slot[k * nl + l] = Some(s);
        names.push(format!("mix.{attr}.{}.{}", levels[k], levels[l]));
    }
    if names.is_empty() {
        return Err(b.bad("attr", format!("`{attr}` has one level: no cell left")));
    }
    Ok(Box::new(DyadTable {
        names,
        cell: Box::new(Mix {
            codes: a.codes(),
            nlev: nl,
            directed,
            slot,
        }),
    }))
}

#[derive(Debug)]
struct Cov {
    x: Vec<f64>,
    /// `None`: x_i + x_j; `Some(p)`: |x_i − x_j|^p.
    absdiff: Option<f64>,
}
impl CellFn for Cov {
    fn add(&self, i: usize, j: usize, out: &mut [f64]) {
        out[0] += match self.absdiff {
            None => self.x[i] + self.x[j],
            Some(p) => (self.x[i] - self.x[j]).abs().powf(p),
        };
    }
}

fn numeric(b: &Bound<'_>, data: &ErgmData) -> Result<(String, Vec<f64>)> {
    let attr = b.string("attr")?;
    let a = data.attribute(&attr)?;
    let x = a.numbers().ok_or_else(|| {
        let bad = a
            .values()
            .iter()
            .find(|v| v.trim().parse::<f64>().is_err())
            .cloned()
            .unwrap_or_default();
        b.bad("attr", format!("`{attr}` is not numeric (value \"{bad}\")"))
    })?;
    Ok((attr, x))
}

/// Refuse a dyadic value table whose statistic could overflow: the largest
/// cell `max` times the number of dyads must be finite, so that every
/// statistic and every sum of change statistics is.
fn bounded(b: &Bound<'_>, data: &ErgmData, param: &str, what: &str, max: f64) -> Result<()> {
    let dyads = data.network.dyad_count().max(1) as f64;
    if (max * dyads).is_finite() {
        Ok(())
    } else {
        Err(b.bad(
            param,
            format!(
                "{what} reaches {max:e}; over the {dyads} dyads the statistic would overflow a double"
            ),
        ))
    }
}

pub(super) fn nodecov(b: &Bound<'_>, data: &ErgmData) -> Result<Box<dyn Term>> {
    let (attr, x) = numeric(b, data)?;
    let big = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    bounded(b, data, "attr", "x_i + x_j", 2.0 * big)?;
    Ok(Box::new(DyadTable {
        names: vec![format!("nodecov.{attr}")],
        cell: Box::new(Cov { x, absdiff: None }),
    }))
}

pub(super) fn absdiff(b: &Bound<'_>, data: &ErgmData) -> Result<Box<dyn Term>> {
    let (attr, x) = numeric(b, data)?;
    let pow = b.number("pow", Some(1.0))?;
    if pow <= 0.0 {
        return Err(b.bad(
            "pow",
            format!(
                "{pow} is not > 0 (|x_i − x_j|^pow is infinite for equal values when pow < 0, and 1 on every tie, which is edges, when pow = 0)"
            ),
        ));
    }
    let (lo, hi) = x
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, c), &v| {
            (a.min(v), c.max(v))
        });
    bounded(b, data, "pow", "|x_i − x_j|^pow", (hi - lo).powf(pow))?;
    let name = if pow == 1.0 {
        format!("absdiff.{attr}")
    } else {
        format!("absdiff{}.{attr}", r_number(pow))
    };
    Ok(Box::new(DyadTable {
        names: vec![name],
        cell: Box::new(Cov {
            x,
            absdiff: Some(pow),
        }),
    }))
}

#[derive(Debug)]
struct EdgeCov {
    x: DyadicCovariate,
}
impl CellFn for EdgeCov {
    fn add(&self, i: usize, j: usize, out: &mut [f64]) {
        out[0] += self.x.get(i, j);
    }
}

pub(super) fn edgecov(b: &Bound<'_>, data: &ErgmData) -> Result<Box<dyn Term>> {
    unsupported(b, &["attrname"])?;
    let name = b.string("x")?;
    let x = data.dyadic(&name)?.clone();
    bounded(b, data, "x", "a dyadic value", x.max_abs())?;
    Ok(Box::new(DyadTable {
        names: vec![format!("edgecov.{name}")],
        cell: Box::new(EdgeCov { x }),
    }))
}

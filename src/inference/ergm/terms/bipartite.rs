//! Terms of a two-mode (bipartite) network, as statnet's `ergm` defines them
//! for `network(..., bipartite = n1)`.
//!
//! The network is undirected on n = n₁ + n₂ nodes: the n₁ nodes of mode 1
//! (the actors) first, then the n₂ of mode 2 (the arenas), marked by the node
//! attribute [`MODE`] (`1` or `2`); only mode-1 – mode-2 dyads exist (the
//! mask of [`two_mode`](crate::inference::ergm::bipartite::two_mode)). With
//! U the mode-1 nodes, V the mode-2 nodes, d_v the degree of v, a_v its
//! attribute and N(v) its neighbours:
//!
//! ```text
//! b1factor(attr)         per kept level l:  Σ_{i∈U, a_i=l} d_i        Δ_ij = [a_i = l]
//! b2factor(attr)         per kept level l:  Σ_{j∈V, a_j=l} d_j        Δ_ij = [a_j = l]
//! b1star(k)              Σ_{i∈U} C(d_i, k)                            Δ_ij = C(d_i, k−1)
//! b2star(k)              Σ_{j∈V} C(d_j, k)                            Δ_ij = C(d_j, k−1)
//! gwb1degree(α, fixed)   e^α Σ_{i∈U} (1 − r^{d_i}),  r = 1 − e^−α      Δ_ij = r^{d_i}
//! gwb2degree(α, fixed)   e^α Σ_{j∈V} (1 − r^{d_j})                     Δ_ij = r^{d_j}
//! b1nodematch(attr)      Σ_{j∈V} #{ {i, i'} ⊆ N(j) : a_i = a_i' }     Δ_ij = #{i' ∈ N(j) : a_i' = a_i}
//! ```
//!
//! (i ∈ U, j ∈ V the dyad toggled.) The levels of `b1factor`/`b2factor` are
//! the sorted values found on *their* mode (R's `sort(unique(x))`), the
//! first dropped unless `base=0` or `levels=` says otherwise, as statnet's
//! `levels=-1`; names `b1factor.attr.level`, `b1star2`, `gwb1deg.fixed.0.5`,
//! `b1nodematch.attr` are statnet's coefficient names. `b1nodematch` is
//! statnet's with its defaults `alpha = 1, beta = 1` and `diff = FALSE`
//! (other arguments are refused). The factor terms are dyad-independent (so
//! a formula of `edges`, `b1factor`, `b2factor` is a logistic regression);
//! the rest are not.
//!
//! Complexity of a change statistic: O(1), but `b1nodematch` O(n₁).
//!
//! ```
//! use coprod::inference::ergm::network::{ErgmData, Network};
//! use coprod::inference::ergm::terms::{Model, bipartite::MODE};
//! // Actors 0, 1, 2 (mode 1), arenas 3, 4 (mode 2); 0 and 1 sit on arena 3, 1 on 4.
//! let net = Network::from_edges(5, false, &[(0, 3), (1, 3), (1, 4)]).unwrap();
//! let mut d = ErgmData::new(net);
//! d.set_attribute(MODE, &["1", "1", "1", "2", "2"]).unwrap();
//! d.set_attribute("party", &["yes", "no", "no", "-", "-"]).unwrap();
//! let m = Model::parse("edges + b1star(2) + b2star(2) + b1factor(\"party\") + b1nodematch(\"party\")", &d).unwrap();
//! assert_eq!(m.names(), ["edges", "b1star2", "b2star2", "b1factor.party.yes", "b1nodematch.party"]);
//! assert_eq!(m.statistics(&d.network), vec![3.0, 1.0, 1.0, 1.0, 0.0]);
//! // Actor 2 joins arena 3: a 2-star at arena 3 grows to 3 members (+2), one match (1 and 2 are "no").
//! let mut c = vec![0.0; 5];
//! m.change(&d.network, 2, 3, &mut c);
//! assert_eq!(c, vec![1.0, 0.0, 2.0, 0.0, 1.0]);
//! ```
//!
//! References: Wang, Sharpe, Robins & Pattison (2009), Exponential random
//! graph (p*) models for affiliation networks, *Social Networks* 31(1),
//! doi:10.1016/j.socnet.2008.10.003; Bomiriya, Kuvelkar, Hunter & Triebel
//! (2023), Modeling homophily in exponential-family random graph models for
//! bipartite networks, *Sociological Methodology* 53(1),
//! doi:10.1177/00811750221137183 (b1nodematch); Hunter et al. (2008),
//! doi:10.18637/jss.v024.i03.

use super::super::formula::Bound;
use super::super::network::{ErgmData, Network};
use super::Term;
use super::degree::{fixed_decay, gw_weight};
use super::dyadic::{kept_levels, unsupported};
use crate::error::{Error, Result};

/// The node attribute that marks a two-mode network's modes (`1`, `2`).
pub const MODE: &str = "mode";

/// Which mode a term reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    One,
    Two,
}

/// n₁ of a two-mode network: the `mode` attribute must be `1` on nodes
/// 0..n₁ and `2` on the rest.
fn mode_one_size(b: &Bound<'_>, data: &ErgmData, term: &str) -> Result<usize> {
    let not_two_mode = |why: String| Error::InvalidParameter {
        name: "formula",
        reason: format!(
            "`{term}` needs a two-mode network ({why}): the node attribute `{MODE}` = 1 on the first n1 nodes (actors), 2 on the rest (arenas), as `coprod ergm --arenas two-mode` builds it"
        ),
    };
    let _ = b;
    let a = data
        .attribute(MODE)
        .map_err(|_| not_two_mode(format!("no attribute `{MODE}`")))?;
    if data.network.is_directed() {
        return Err(not_two_mode("the network is directed".into()));
    }
    let v = a.values();
    let n1 = v.iter().take_while(|x| x.trim() == "1").count();
    if let Some(k) = v[n1..].iter().position(|x| x.trim() != "2") {
        return Err(not_two_mode(format!(
            "node {} has mode `{}` after the mode-1 block",
            n1 + k,
            v[n1 + k]
        )));
    }
    Ok(n1)
}

/// (mode-1 end, mode-2 end) of a dyad, whatever the order given.
#[inline]
fn ends(n1: usize, i: usize, j: usize) -> (usize, usize) {
    if i < n1 { (i, j) } else { (j, i) }
}

/// R's `sort(unique(x))` of some values: numeric when all are numbers, else by bytes.
fn sorted_levels(values: &[&str]) -> Vec<String> {
    let nums: Option<Vec<f64>> = values
        .iter()
        .map(|v| v.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect();
    let mut l: Vec<String> = values.iter().map(|s| s.to_string()).collect();
    match nums {
        Some(_) => {
            l.sort_by(|a, b| {
                let x: f64 = a.trim().parse().unwrap_or(0.0);
                let y: f64 = b.trim().parse().unwrap_or(0.0);
                x.total_cmp(&y)
            });
            l.dedup_by(|a, b| a.trim().parse::<f64>().ok() == b.trim().parse::<f64>().ok());
        }
        None => {
            l.sort();
            l.dedup();
        }
    }
    l
}

#[derive(Debug)]
struct Factor {
    n1: usize,
    mode: Mode,
    names: Vec<String>,
    /// slot of each node (None: not counted: other mode, or a dropped level).
    slot: Vec<Option<usize>>,
}

impl Term for Factor {
    fn names(&self) -> Vec<String> {
        self.names.clone()
    }
    fn change(&self, _: &Network, i: usize, j: usize, out: &mut [f64]) {
        let (u, v) = ends(self.n1, i, j);
        let node = if self.mode == Mode::One { u } else { v };
        if let Some(s) = self.slot[node] {
            out[s] += 1.0;
        }
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        out.fill(0.0);
        for (i, j) in net.edges() {
            for x in [i, j] {
                let in_mode = (x < self.n1) == (self.mode == Mode::One);
                if in_mode && let Some(s) = self.slot[x] {
                    out[s] += 1.0;
                }
            }
        }
    }
    fn dyad_independent(&self) -> bool {
        true
    }
}

fn factor(b: &Bound<'_>, data: &ErgmData, mode: Mode, prefix: &str) -> Result<Box<dyn Term>> {
    let n1 = mode_one_size(b, data, prefix)?;
    let attr = b.string("attr")?;
    let a = data.attribute(&attr)?;
    let n = data.network.n();
    let range = if mode == Mode::One { 0..n1 } else { n1..n };
    let vals: Vec<&str> = a.values()[range.clone()]
        .iter()
        .map(String::as_str)
        .collect();
    let levels = sorted_levels(&vals);
    let kept = kept_levels(b, &levels, true)?;
    if kept.is_empty() {
        return Err(b.bad(
            "levels",
            format!("no level left (levels: {})", levels.join(", ")),
        ));
    }
    let numeric = levels
        .iter()
        .all(|l| l.trim().parse::<f64>().is_ok_and(f64::is_finite));
    let same = |x: &str, l: &str| {
        if numeric {
            x.trim().parse::<f64>().ok() == l.trim().parse::<f64>().ok()
        } else {
            x == l
        }
    };
    let mut slot = vec![None; n];
    for v in range {
        let value = a.values()[v].as_str();
        slot[v] = kept.iter().position(|&l| same(value, &levels[l]));
    }
    Ok(Box::new(Factor {
        n1,
        mode,
        names: kept
            .iter()
            .map(|&l| format!("{prefix}.{attr}.{}", levels[l]))
            .collect(),
        slot,
    }))
}

pub(super) fn b1factor(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    factor(b, d, Mode::One, "b1factor")
}
pub(super) fn b2factor(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    factor(b, d, Mode::Two, "b2factor")
}

/// C(n, k) as a float (exact for the counts here).
fn choose(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    (0..k).fold(1.0, |acc, t| acc * (n - t) as f64 / (t + 1) as f64)
}

fn degree(net: &Network, v: usize) -> usize {
    (0..net.n()).filter(|&h| h != v && net.has(v, h)).count()
}

/// A function of each node's degree on one mode: b·star(k) and gwb·degree.
#[derive(Debug)]
struct DegreeSum {
    n1: usize,
    mode: Mode,
    name: String,
    kind: DegreeKind,
}

#[derive(Debug, Clone, Copy)]
enum DegreeKind {
    Star(usize),
    Gw(f64),
}

impl DegreeSum {
    fn f(&self, d: usize) -> f64 {
        match self.kind {
            DegreeKind::Star(k) => choose(d, k),
            DegreeKind::Gw(decay) => gw_weight(decay, d),
        }
    }
}

impl Term for DegreeSum {
    fn names(&self) -> Vec<String> {
        vec![self.name.clone()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        let (u, v) = ends(self.n1, i, j);
        let node = if self.mode == Mode::One { u } else { v };
        let d = net.out_degree(node);
        out[0] += self.f(d + 1) - self.f(d);
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        let range = if self.mode == Mode::One {
            0..self.n1
        } else {
            self.n1..net.n()
        };
        out[0] = range.map(|v| self.f(degree(net, v))).sum();
    }
    fn dyad_independent(&self) -> bool {
        false
    }
}

fn star(b: &Bound<'_>, data: &ErgmData, mode: Mode, prefix: &str) -> Result<Box<dyn Term>> {
    let n1 = mode_one_size(b, data, prefix)?;
    unsupported(b, &["attr"])?;
    let k = b.number("k", None)?;
    if k < 1.0 || k.fract() != 0.0 || k > 64.0 {
        return Err(b.bad("k", format!("{k} is not a whole number in 1..64")));
    }
    Ok(Box::new(DegreeSum {
        n1,
        mode,
        name: format!("{prefix}{}", k as usize),
        kind: DegreeKind::Star(k as usize),
    }))
}

pub(super) fn b1star(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    star(b, d, Mode::One, "b1star")
}
pub(super) fn b2star(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    star(b, d, Mode::Two, "b2star")
}

fn gw(
    b: &Bound<'_>,
    data: &ErgmData,
    mode: Mode,
    term: &str,
    prefix: &str,
) -> Result<Box<dyn Term>> {
    let n1 = mode_one_size(b, data, term)?;
    unsupported(b, &["attr", "cutoff", "levels"])?;
    let decay = fixed_decay(b)?;
    Ok(Box::new(DegreeSum {
        n1,
        mode,
        name: format!("{prefix}.fixed.{}", super::r_number(decay)),
        kind: DegreeKind::Gw(decay),
    }))
}

pub(super) fn gwb1degree(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    gw(b, d, Mode::One, "gwb1degree", "gwb1deg")
}
pub(super) fn gwb2degree(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    gw(b, d, Mode::Two, "gwb2degree", "gwb2deg")
}

#[derive(Debug)]
struct B1Nodematch {
    n1: usize,
    name: String,
    codes: Vec<usize>,
}

impl Term for B1Nodematch {
    fn names(&self) -> Vec<String> {
        vec![self.name.clone()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        let (u, v) = ends(self.n1, i, j);
        out[0] += (0..self.n1)
            .filter(|&h| h != u && net.has(h, v) && self.codes[h] == self.codes[u])
            .count() as f64;
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        let mut s = 0.0;
        for v in self.n1..net.n() {
            for a in 0..self.n1 {
                for c in a + 1..self.n1 {
                    if net.has(a, v) && net.has(c, v) && self.codes[a] == self.codes[c] {
                        s += 1.0;
                    }
                }
            }
        }
        out[0] = s;
    }
    fn dyad_independent(&self) -> bool {
        false
    }
}

pub(super) fn b1nodematch(b: &Bound<'_>, data: &ErgmData) -> Result<Box<dyn Term>> {
    let n1 = mode_one_size(b, data, "b1nodematch")?;
    unsupported(b, &["diff", "keep", "alpha", "beta", "byb2attr", "levels"])?;
    let attr = b.string("attr")?;
    Ok(Box::new(B1Nodematch {
        n1,
        name: format!("b1nodematch.{attr}"),
        codes: data.attribute(&attr)?.codes(),
    }))
}

//! The ERGM terms: one registry entry per term — its name, statnet's
//! signature, its definition and its change statistic.
//!
//! A term contributes one or more statistics g(y). Its **change statistic**
//! for the dyad i → j is
//!
//! ```text
//! Δ_ij g(y) = g(y⁺ᵢⱼ) − g(y⁻ᵢⱼ)
//! ```
//!
//! where y⁺ᵢⱼ (y⁻ᵢⱼ) is y with the tie i → j set present (absent). Every term
//! here also computes g(y) from its definition; the tests check that the
//! change statistics equal the difference of the two (brute force, on random
//! graphs, directed and undirected).
//!
//! Names of the statistics are statnet `ergm` 4's coefficient names
//! (`nodefactor.kind.party`, `gwesp.fixed.0.5`, `mix.sector.party.state`…), so
//! an R user reads a fit of coprod as a fit of statnet.
//!
//! The registry ([`REGISTRY`]) is what `coprod ergm --terms` prints and what
//! an unknown name's error lists.

pub mod bipartite;
mod degree;
mod dyadic;
mod triad;

use super::formula::{Bound, Call, parse};
use super::network::{ErgmData, Network};
use crate::error::{Error, Names, Result};

pub use triad::SpType;

/// One statistic family of an ERGM.
pub trait Term: Send + Sync + std::fmt::Debug {
    /// statnet's coefficient names, one per statistic.
    fn names(&self) -> Vec<String>;
    /// Add the change statistics of the dyad i → j to `out` (length
    /// `names().len()`). Precondition: the tie i → j is absent from `net`.
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]);
    /// Set `out` to the statistics g(y) of `net`, computed from the
    /// definition (not from change statistics).
    fn statistic(&self, net: &Network, out: &mut [f64]);
    /// Whether Δ_ij does not depend on the rest of the graph.
    fn dyad_independent(&self) -> bool;
    /// Whether [`change`](Self::change) may also be called with the tie
    /// i → j present, and then gives the change statistic of the network
    /// without it, bit for bit (the sampler then weighs a removal without
    /// toggling the tie off and back on). `false` unless a term says so.
    fn change_with_tie(&self) -> bool {
        false
    }
}

/// Which networks a term applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    /// Directed and undirected.
    Both,
    /// Directed only.
    Directed,
    /// Undirected only.
    Undirected,
}

/// The builder of a term from its bound arguments.
type Build = fn(&Bound<'_>, &ErgmData) -> Result<Box<dyn Term>>;

/// One entry of the registry.
pub struct TermSpec {
    /// The name in a formula.
    pub name: &'static str,
    /// statnet's signature (what an R user writes).
    pub usage: &'static str,
    /// The parameter names, in statnet's positional order.
    pub params: &'static [&'static str],
    /// Which networks it applies to.
    pub support: Support,
    /// The definition in one line (formulas in the module docs).
    pub doc: &'static str,
    build: Build,
}

/// Every term coprod knows, in the order `--terms` lists them.
pub static REGISTRY: &[TermSpec] = &[
    TermSpec {
        name: "edges",
        usage: "edges",
        params: &[],
        support: Support::Both,
        doc: "number of ties: Σ y_ij",
        build: dyadic::edges,
    },
    TermSpec {
        name: "mutual",
        usage: "mutual",
        params: &[],
        support: Support::Directed,
        doc: "number of reciprocated pairs: Σ_{i<j} y_ij y_ji",
        build: dyadic::mutual,
    },
    TermSpec {
        name: "nodefactor",
        usage: "nodefactor(attr, base=1, levels=-1)",
        params: &["attr", "base", "levels"],
        support: Support::Both,
        doc: "per level l: Σ_ties ([a_i = l] + [a_j = l]); first sorted level dropped",
        build: dyadic::nodefactor,
    },
    TermSpec {
        name: "nodeofactor",
        usage: "nodeofactor(attr, base=1, levels=-1)",
        params: &["attr", "base", "levels"],
        support: Support::Directed,
        doc: "per level l: ties sent by actors of level l: Σ y_ij [a_i = l]",
        build: dyadic::nodeofactor,
    },
    TermSpec {
        name: "nodeifactor",
        usage: "nodeifactor(attr, base=1, levels=-1)",
        params: &["attr", "base", "levels"],
        support: Support::Directed,
        doc: "per level l: ties received by actors of level l: Σ y_ij [a_j = l]",
        build: dyadic::nodeifactor,
    },
    TermSpec {
        name: "nodematch",
        usage: "nodematch(attr, diff=FALSE, levels=NULL)",
        params: &["attr", "diff", "keep", "levels"],
        support: Support::Both,
        doc: "ties within a level: Σ y_ij [a_i = a_j] (diff=TRUE: one statistic per level)",
        build: dyadic::nodematch,
    },
    TermSpec {
        name: "nodemix",
        usage: "nodemix(attr, levels2=-1)",
        params: &["attr", "base", "levels", "levels2"],
        support: Support::Both,
        doc: "ties per (level of i, level of j) cell of the mixing matrix; first cell dropped",
        build: dyadic::nodemix,
    },
    TermSpec {
        name: "nodecov",
        usage: "nodecov(attr)",
        params: &["attr"],
        support: Support::Both,
        doc: "Σ y_ij (x_i + x_j) for a numeric attribute x",
        build: dyadic::nodecov,
    },
    TermSpec {
        name: "absdiff",
        usage: "absdiff(attr, pow=1)",
        params: &["attr", "pow"],
        support: Support::Both,
        doc: "Σ y_ij |x_i − x_j|^pow for a numeric attribute x",
        build: dyadic::absdiff,
    },
    TermSpec {
        name: "edgecov",
        usage: "edgecov(\"layer\")",
        params: &["x", "attrname"],
        support: Support::Both,
        doc: "Σ y_ij x_ij for a dyadic covariate x (another layer of the case, or a matrix set on the data)",
        build: dyadic::edgecov,
    },
    TermSpec {
        name: "kstar",
        usage: "kstar(k)",
        params: &["k", "attr"],
        support: Support::Undirected,
        doc: "k-stars: Σ_i C(d_i, k)",
        build: degree::kstar,
    },
    TermSpec {
        name: "istar",
        usage: "istar(k)",
        params: &["k", "attr"],
        support: Support::Directed,
        doc: "in-k-stars: Σ_i C(d⁻_i, k)",
        build: degree::istar,
    },
    TermSpec {
        name: "ostar",
        usage: "ostar(k)",
        params: &["k", "attr"],
        support: Support::Directed,
        doc: "out-k-stars: Σ_i C(d⁺_i, k)",
        build: degree::ostar,
    },
    TermSpec {
        name: "gwdegree",
        usage: "gwdegree(decay, fixed=TRUE)",
        params: &["decay", "fixed", "attr", "cutoff", "levels"],
        support: Support::Undirected,
        doc: "geometrically weighted degree: e^α Σ_i (1 − (1 − e^−α)^{d_i})",
        build: degree::gwdegree,
    },
    TermSpec {
        name: "gwidegree",
        usage: "gwidegree(decay, fixed=TRUE)",
        params: &["decay", "fixed", "attr", "cutoff", "levels"],
        support: Support::Directed,
        doc: "geometrically weighted in-degree: e^α Σ_i (1 − (1 − e^−α)^{d⁻_i})",
        build: degree::gwidegree,
    },
    TermSpec {
        name: "gwodegree",
        usage: "gwodegree(decay, fixed=TRUE)",
        params: &["decay", "fixed", "attr", "cutoff", "levels"],
        support: Support::Directed,
        doc: "geometrically weighted out-degree: e^α Σ_i (1 − (1 − e^−α)^{d⁺_i})",
        build: degree::gwodegree,
    },
    TermSpec {
        name: "triangle",
        usage: "triangle",
        params: &["attr", "diff", "levels"],
        support: Support::Both,
        doc: "triangles; directed: transitive plus cyclic triples (statnet's ttriple + ctriple)",
        build: triad::triangle,
    },
    TermSpec {
        name: "gwesp",
        usage: "gwesp(decay, fixed=TRUE)",
        params: &["decay", "fixed", "cutoff", "type"],
        support: Support::Both,
        doc: "geometrically weighted edgewise shared partners: e^α Σ_ties (1 − (1 − e^−α)^{sp_ij}); directed: OTP",
        build: triad::gwesp,
    },
    TermSpec {
        name: "dgwesp",
        usage: "dgwesp(decay, fixed=TRUE, type=\"OTP\")",
        params: &["decay", "fixed", "cutoff", "type"],
        support: Support::Both,
        doc: "gwesp with the shared partner's type: OTP i→k→j, ITP j→k→i, OSP i→k←j, ISP i←k→j",
        build: triad::dgwesp,
    },
    TermSpec {
        name: "gwdsp",
        usage: "gwdsp(decay, fixed=TRUE)",
        params: &["decay", "fixed", "cutoff", "type"],
        support: Support::Both,
        doc: "geometrically weighted dyadwise shared partners: e^α Σ_dyads (1 − (1 − e^−α)^{sp_ij}); directed: OTP",
        build: triad::gwdsp,
    },
    TermSpec {
        name: "b1factor",
        usage: "b1factor(attr, base=1, levels=-1)",
        params: &["attr", "base", "levels"],
        support: Support::Undirected,
        doc: "two-mode: per level l of the actors' (mode 1) attribute: their memberships Σ_{i∈U, a_i=l} d_i; first sorted level dropped",
        build: bipartite::b1factor,
    },
    TermSpec {
        name: "b2factor",
        usage: "b2factor(attr, base=1, levels=-1)",
        params: &["attr", "base", "levels"],
        support: Support::Undirected,
        doc: "two-mode: per level l of the arenas' (mode 2) attribute: their members Σ_{j∈V, a_j=l} d_j; first sorted level dropped",
        build: bipartite::b2factor,
    },
    TermSpec {
        name: "b1star",
        usage: "b1star(k)",
        params: &["k", "attr"],
        support: Support::Undirected,
        doc: "two-mode: k-stars centred on actors (mode 1): Σ_{i∈U} C(d_i, k)",
        build: bipartite::b1star,
    },
    TermSpec {
        name: "b2star",
        usage: "b2star(k)",
        params: &["k", "attr"],
        support: Support::Undirected,
        doc: "two-mode: k-stars centred on arenas (mode 2): Σ_{j∈V} C(d_j, k)",
        build: bipartite::b2star,
    },
    TermSpec {
        name: "gwb1degree",
        usage: "gwb1degree(decay, fixed=TRUE)",
        params: &["decay", "fixed", "attr", "cutoff", "levels"],
        support: Support::Undirected,
        doc: "two-mode: geometrically weighted actor (mode 1) degrees: e^α Σ_{i∈U} (1 − (1 − e^−α)^{d_i})",
        build: bipartite::gwb1degree,
    },
    TermSpec {
        name: "gwb2degree",
        usage: "gwb2degree(decay, fixed=TRUE)",
        params: &["decay", "fixed", "attr", "cutoff", "levels"],
        support: Support::Undirected,
        doc: "two-mode: geometrically weighted arena (mode 2) degrees: e^α Σ_{j∈V} (1 − (1 − e^−α)^{d_j})",
        build: bipartite::gwb2degree,
    },
    TermSpec {
        name: "b1nodematch",
        usage: "b1nodematch(attr)",
        params: &[
            "attr", "diff", "keep", "alpha", "beta", "byb2attr", "levels",
        ],
        support: Support::Undirected,
        doc: "two-mode: pairs of actors on a common arena that match on attr: Σ_{j∈V} #{{i, i′} ⊆ N(j): a_i = a_i′} (alpha = beta = 1)",
        build: bipartite::b1nodematch,
    },
];

/// A model: the terms of a formula, in order, with their statistics' names.
#[derive(Debug)]
pub struct Model {
    formula: String,
    terms: Vec<Box<dyn Term>>,
    offsets: Vec<usize>,
    names: Vec<String>,
    with_tie: bool,
}

impl Model {
    /// The model of a statnet formula on `data`.
    ///
    /// # Errors
    /// [`Error::Formula`] for a syntax error or bad arguments;
    /// [`Error::UnknownName`] for a term coprod does not have (listing the
    /// nearest ones); [`Error::UnknownAttribute`] for an attribute the data
    /// lacks (listing those it has); [`Error::InvalidParameter`] for a
    /// formula whose statistics repeat a name (the same term twice).
    pub fn parse(formula: &str, data: &ErgmData) -> Result<Model> {
        let calls = parse(formula)?;
        let mut terms = Vec::with_capacity(calls.len());
        for call in &calls {
            terms.push(build(formula, call, data)?);
        }
        let mut offsets = vec![0];
        let mut names: Vec<String> = Vec::new();
        for t in &terms {
            let nm = t.names();
            offsets.push(offsets.last().copied().unwrap_or(0) + nm.len());
            for n in nm {
                if names.contains(&n) {
                    return Err(Error::InvalidParameter {
                        name: "formula",
                        reason: format!("the statistic `{n}` appears twice in `{formula}`"),
                    });
                }
                names.push(n);
            }
        }
        if names.is_empty() {
            return Err(Error::InvalidParameter {
                name: "formula",
                reason: format!("`{formula}` has no statistic"),
            });
        }
        Ok(Model {
            formula: formula.to_string(),
            with_tie: terms.iter().all(|t| t.change_with_tie()),
            terms,
            offsets,
            names,
        })
    }

    /// The formula as given.
    pub fn formula(&self) -> &str {
        &self.formula
    }

    /// The statistics' names (statnet's coefficient names), in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Number of statistics.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the model has no statistic (never: [`parse`](Self::parse) refuses it).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Whether every term is dyad-independent (then the MLE is the MPLE).
    pub fn dyad_independent(&self) -> bool {
        self.terms.iter().all(|t| t.dyad_independent())
    }

    /// For each statistic, whether its term is dyad-independent (Δ_ij g does
    /// not depend on the rest of the network).
    pub fn independent(&self) -> Vec<bool> {
        let mut out = Vec::with_capacity(self.len());
        for (t, w) in self.terms.iter().zip(self.offsets.windows(2)) {
            out.extend(std::iter::repeat_n(t.dyad_independent(), w[1] - w[0]));
        }
        out
    }

    /// Whether every term's change statistic may be computed with the tie
    /// present ([`Term::change_with_tie`]): then [`change`](Self::change)
    /// accepts a present tie.
    pub fn change_with_tie(&self) -> bool {
        self.with_tie
    }

    /// The change statistics of i → j into `out` (zeroed first): those of
    /// adding the tie to `net` without it. Precondition: i → j absent from
    /// `net`, unless [`change_with_tie`](Self::change_with_tie).
    pub fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        debug_assert!(self.with_tie || !net.has(i, j));
        out.fill(0.0);
        for (t, w) in self.terms.iter().zip(self.offsets.windows(2)) {
            t.change(net, i, j, &mut out[w[0]..w[1]]);
        }
    }

    /// The statistics g(y) of `net`, from the definitions.
    pub fn statistics(&self, net: &Network) -> Vec<f64> {
        let mut out = vec![0.0; self.len()];
        for (t, w) in self.terms.iter().zip(self.offsets.windows(2)) {
            t.statistic(net, &mut out[w[0]..w[1]]);
        }
        out
    }
}

fn build(formula: &str, call: &Call, data: &ErgmData) -> Result<Box<dyn Term>> {
    let spec = REGISTRY
        .iter()
        .find(|s| s.name == call.name)
        .ok_or_else(|| Error::UnknownName {
            what: "ERGM term",
            value: call.name.clone(),
            available: Names::of(REGISTRY.iter().map(|s| s.name), &call.name),
        })?;
    let directed = data.network.is_directed();
    let ok = match spec.support {
        Support::Both => true,
        Support::Directed => directed,
        Support::Undirected => !directed,
    };
    if !ok {
        let (is, alt) = if directed {
            (
                "directed",
                "a --symmetric view, or istar/ostar, gwidegree/gwodegree",
            )
        } else {
            (
                "undirected",
                "a directed view, or kstar, gwdegree, nodefactor",
            )
        };
        return Err(Error::Formula {
            formula: formula.to_string(),
            column: call.column,
            reason: format!(
                "`{}` does not apply to a {is} network (use {alt})",
                spec.name
            ),
        });
    }
    let bound = Bound::new(formula, call, spec.params)?;
    (spec.build)(&bound, data)
}

/// statnet's spelling of a number in a coefficient name (`0.5`, `1`, `0.25`).
pub(crate) fn r_number(x: f64) -> String {
    format!("{x}")
}

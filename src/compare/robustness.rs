//! Robustness to coding: the same comparison on the other readings of a
//! case a coder could defend.

use crate::error::{Error, Names, Result};
use crate::model::{ArenaProjection, MultiplexGraph, Sign, View};
use std::fmt;
use std::str::FromStr;

/// One reading of a case: a recoding of the graph and a view of it.
///
/// Baselines are drawn from the **recoded** graph (the arena projection, the
/// graph without inferred ties), since the recoding is what a coder would
/// have handed to the baselines; the readings that are only views (directed,
/// symmetrised, one layer) share the draws of the case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coding {
    /// The aggregate of the positive layers, directed: the headline reading.
    Directed,
    /// The same aggregate read as undirected.
    Symmetrised,
    /// Arenas replaced by co-membership ties among their members
    /// ([`MultiplexGraph::project_arenas`], default options), directed aggregate.
    ArenasProjected,
    /// Only the ties the sources state ([`MultiplexGraph::without_inferred`]),
    /// directed aggregate.
    WithoutInferred,
    /// One layer alone, as the layer is directed or not.
    Layer(String),
}

/// How a coding changes the graph before it is viewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Recoding {
    /// The case as it is.
    None,
    /// Arenas projected.
    Projected,
    /// Inferred ties dropped.
    Stated,
}

impl Coding {
    /// The recoding the coding applies to the case.
    pub(crate) fn recoding(&self) -> Recoding {
        match self {
            Coding::ArenasProjected => Recoding::Projected,
            Coding::WithoutInferred => Recoding::Stated,
            _ => Recoding::None,
        }
    }

    /// The view of the (recoded) graph.
    ///
    /// # Errors
    /// [`Error::UnknownLayer`] for a layer the graph lacks.
    pub fn view<'g>(&self, g: &'g MultiplexGraph) -> Result<View<'g>> {
        Ok(match self {
            Coding::Layer(name) => View::layer(g, name)?,
            Coding::Symmetrised => View::aggregate(g).symmetrized(),
            _ => View::aggregate(g),
        })
    }

    /// The codings of the robustness table for `case`: directed,
    /// symmetrised, arenas projected (if the case has an arena), without
    /// inferred ties (if it has one), then every positive layer with a tie.
    pub fn all_for(case: &MultiplexGraph) -> Vec<Coding> {
        let mut out = vec![Coding::Directed, Coding::Symmetrised];
        if case.actors().any(|a| a.kind == crate::model::Kind::Arena) {
            out.push(Coding::ArenasProjected);
        }
        if case.ties().any(|t| !t.certainty.is_stated()) {
            out.push(Coding::WithoutInferred);
        }
        for (l, spec) in case.layers().iter().enumerate() {
            if spec.sign == Sign::Positive && case.ties().any(|t| t.layer.index() == l) {
                out.push(Coding::Layer(spec.name.clone()));
            }
        }
        out
    }

    /// The codings a list of names asks for, in the order of [`Coding::all_for`]
    /// without repeats: `directed`, `symmetric` (or `symmetrised`),
    /// `projected`, `stated` (without inferred ties), `layers` (every
    /// positive layer with a tie), `layer:<name>`, or `all`.
    ///
    /// # Errors
    /// [`Error::UnknownName`] listing the names for an unknown one;
    /// [`Error::UnknownLayer`] for `layer:<name>` the case lacks.
    pub fn parse_list<S: AsRef<str>>(case: &MultiplexGraph, names: &[S]) -> Result<Vec<Coding>> {
        if names.is_empty() {
            return Ok(Coding::all_for(case));
        }
        let all = Coding::all_for(case);
        let mut out: Vec<Coding> = Vec::new();
        for n in names {
            let n = n.as_ref();
            let add: Vec<Coding> = match n {
                "all" => all.clone(),
                "layers" => all
                    .iter()
                    .filter(|c| matches!(c, Coding::Layer(_)))
                    .cloned()
                    .collect(),
                _ => {
                    let c: Coding = n.parse()?;
                    if let Coding::Layer(l) = &c
                        && case.layer_id(l).is_none()
                    {
                        return Err(case.unknown_layer(l));
                    }
                    vec![c]
                }
            };
            for c in add {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out.sort_by_key(|c| all.iter().position(|a| a == c).unwrap_or(usize::MAX));
        Ok(out)
    }
}

impl FromStr for Coding {
    type Err = Error;
    /// `directed`, `symmetric`/`symmetrised`, `projected`, `stated`, `layer:<name>`.
    ///
    /// # Errors
    /// [`Error::UnknownName`] listing the names.
    fn from_str(s: &str) -> Result<Coding> {
        Ok(match s {
            "directed" => Coding::Directed,
            "symmetric" | "symmetrised" | "symmetrized" => Coding::Symmetrised,
            "projected" => Coding::ArenasProjected,
            "stated" => Coding::WithoutInferred,
            _ => match s.strip_prefix("layer:") {
                Some(l) if !l.is_empty() => Coding::Layer(l.to_string()),
                _ => {
                    return Err(Error::UnknownName {
                        what: "view",
                        value: s.to_string(),
                        available: Names::of(
                            [
                                "directed",
                                "symmetric",
                                "projected",
                                "stated",
                                "layers",
                                "layer:<name>",
                                "all",
                            ],
                            s,
                        ),
                    });
                }
            },
        })
    }
}

impl fmt::Display for Coding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Coding::Directed => f.write_str("directed"),
            Coding::Symmetrised => f.write_str("symmetric"),
            Coding::ArenasProjected => f.write_str("projected"),
            Coding::WithoutInferred => f.write_str("stated"),
            Coding::Layer(l) => write!(f, "layer:{l}"),
        }
    }
}

impl Recoding {
    /// The recoded case.
    pub(crate) fn apply(self, case: &MultiplexGraph) -> Result<MultiplexGraph> {
        match self {
            Recoding::None => Ok(case.clone()),
            Recoding::Projected => case.project_arenas(&ArenaProjection::default()),
            Recoding::Stated => Ok(case.without_inferred()),
        }
    }
}

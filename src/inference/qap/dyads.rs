//! The dyadic matrices of a case: layers, the aggregate, arena co-membership
//! and attribute covariates, named by a small term grammar.

use super::matrix::DyadicMatrix;
use crate::error::{Error, Names, Result};
use crate::model::{Kind, Level, MultiplexGraph};

/// Whether arenas are actors of the model or only define co-membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArenaMode {
    /// Arenas are not actors: they are dropped with their ties, and two
    /// actors that meet in an arena share an `arena` dyad (the arena projection,
    /// [`MultiplexGraph::project_arenas`]).
    #[default]
    Project,
    /// Arenas are actors like any other (their rows in `arena` are 0).
    Keep,
}

/// Options of [`Dyads::new`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadOptions {
    /// Arenas as actors or as co-membership (default: co-membership).
    pub arenas: ArenaMode,
    /// Layers in which a tie to an arena (either direction) makes an actor a
    /// member (default: `deliberation`, as the arena projection).
    pub membership: Vec<String>,
    /// Actor ids left out of the model.
    pub without: Vec<String>,
}

impl Default for DyadOptions {
    fn default() -> Self {
        DyadOptions {
            arenas: ArenaMode::Project,
            membership: vec!["deliberation".into()],
            without: Vec::new(),
        }
    }
}

/// The terms [`Dyads::matrix`] knows, with what each holds for the ordered
/// dyad `i → j` (`--help` and the README print this table).
pub const TERMS: &[(&str, &str)] = &[
    (
        "LAYER",
        "1 if i -> j in the layer (an undirected layer counts both ways), else 0",
    ),
    (
        "L1+L2+...",
        "1 if i -> j in any of the layers (their union)",
    ),
    (
        "aggregate",
        "the union of every positive layer (all but tension), as coprod's aggregate view",
    ),
    (
        "weighted:L1+L2",
        "the sum of the tie weights i -> j in the layers (also weighted:aggregate)",
    ),
    (
        "arena",
        "1 if i and j are members of at least one common arena (symmetric)",
    ),
    (
        "arena_count",
        "the number of arenas i and j are both members of",
    ),
    ("same_kind", "1 if i and j are of the same kind"),
    ("same_sector", "1 if i and j are of the same sector"),
    ("same_level", "1 if i and j act at the same level"),
    (
        "level_difference",
        "|rank(i) - rank(j)|, district 0 ... individual 5 (no actor may be external)",
    ),
    ("party_dyad", "1 if i or j is of kind party"),
    ("sender:KIND", "1 if i is of kind KIND (e.g. sender:party)"),
    ("receiver:KIND", "1 if j is of kind KIND"),
];

const FIXED: &[&str] = &[
    "aggregate",
    "arena",
    "arena_count",
    "same_kind",
    "same_sector",
    "same_level",
    "level_difference",
    "party_dyad",
];

/// The actors of a model and the dyadic matrices of a case on them.
///
/// ```
/// use coprod::inference::qap::{DyadOptions, Dyads};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
/// let y = d.matrix("resource+service+information").unwrap();
/// let x = d.matrix("leadership+administrative").unwrap();
/// assert_eq!(y.n, d.ids().len());
/// assert!(d.matrix("leadershp").is_err()); // did you mean `leadership`?
/// # let _ = x;
/// ```
#[derive(Debug, Clone)]
pub struct Dyads<'g> {
    graph: &'g MultiplexGraph,
    actors: Vec<usize>,
    pos: Vec<Option<usize>>,
    comembership: Vec<f64>,
}

impl<'g> Dyads<'g> {
    /// The modelled actors of `graph` (in the case's order) and arena co-membership.
    ///
    /// # Errors
    /// [`Error::UnknownActor`] for an id in `without`, [`Error::UnknownLayer`]
    /// for a membership layer the case lacks, [`Error::InvalidParameter`]
    /// when fewer than 3 actors remain.
    pub fn new(graph: &'g MultiplexGraph, opts: &DyadOptions) -> Result<Dyads<'g>> {
        let mut drop = vec![false; graph.actor_count()];
        for id in &opts.without {
            drop[graph.actor_index(id)?] = true;
        }
        let is_arena: Vec<bool> = graph.actors().map(|a| a.kind == Kind::Arena).collect();
        if opts.arenas == ArenaMode::Project {
            for (d, a) in drop.iter_mut().zip(&is_arena) {
                *d |= a;
            }
        }
        let actors: Vec<usize> = (0..graph.actor_count()).filter(|&i| !drop[i]).collect();
        if actors.len() < 3 {
            return Err(Error::InvalidParameter {
                name: "actors",
                reason: format!(
                    "{} actor(s) left to model; a QAP model needs at least 3",
                    actors.len()
                ),
            });
        }
        let mut pos = vec![None; graph.actor_count()];
        for (k, &i) in actors.iter().enumerate() {
            pos[i] = Some(k);
        }
        let mut member_layers = Vec::new();
        for l in &opts.membership {
            member_layers.push(graph.layer_id(l).ok_or_else(|| graph.unknown_layer(l))?);
        }
        let n = actors.len();
        let mut comembership = vec![0.0; n * n];
        for arena in (0..graph.actor_count()).filter(|&i| is_arena[i]) {
            let mut members: Vec<usize> = graph
                .ties()
                .filter(|t| member_layers.contains(&t.layer))
                .filter_map(|t| match (t.source == arena, t.target == arena) {
                    (true, false) => Some(t.target),
                    (false, true) => Some(t.source),
                    _ => None,
                })
                .filter(|&m| !is_arena[m])
                .filter_map(|m| pos[m])
                .collect();
            members.sort_unstable();
            members.dedup();
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    comembership[a * n + b] += 1.0;
                    comembership[b * n + a] += 1.0;
                }
            }
        }
        Ok(Dyads {
            graph,
            actors,
            pos,
            comembership,
        })
    }

    /// The modelled actors' ids, in matrix order.
    pub fn ids(&self) -> Vec<&'g str> {
        self.actors
            .iter()
            .map(|&i| self.graph.actor(i).id.as_str())
            .collect()
    }

    /// The number of modelled actors.
    pub fn n(&self) -> usize {
        self.actors.len()
    }

    /// The case's layers that hold at least one tie between modelled actors, in layer order.
    pub fn layers_with_ties(&self) -> Vec<String> {
        self.graph
            .layers()
            .iter()
            .enumerate()
            .filter(|(k, _)| {
                self.graph.ties().any(|t| {
                    t.layer.index() == *k
                        && self.pos[t.source].is_some()
                        && self.pos[t.target].is_some()
                })
            })
            .map(|(_, l)| l.name.clone())
            .collect()
    }

    /// Every term name this case accepts (layers, fixed terms, `sender:` and
    /// `receiver:` of every kind), for error messages.
    pub fn term_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.graph.layers().iter().map(|l| l.name.clone()).collect();
        v.extend(FIXED.iter().map(|s| s.to_string()));
        for k in Kind::ALL {
            v.push(format!("sender:{k}"));
        }
        for k in Kind::ALL {
            v.push(format!("receiver:{k}"));
        }
        v.push("weighted:<layers>".into());
        v
    }

    fn unknown(&self, value: &str) -> Error {
        let names = self.term_names();
        Error::UnknownTerm {
            value: value.to_string(),
            available: Names::of(&names, value),
        }
    }

    /// The dyadic matrix of a term (see [`TERMS`]), named by the term.
    ///
    /// # Errors
    /// [`Error::UnknownTerm`] (with the nearest name) for a name that is
    /// neither a layer of the case nor a term; [`Error::InvalidParameter`]
    /// (`level_difference`) when a modelled actor is at level `external`.
    pub fn matrix(&self, term: &str) -> Result<DyadicMatrix> {
        let term = term.trim();
        let n = self.n();
        let mut v = vec![0.0; n * n];
        let kind = |k: usize| self.graph.actor(self.actors[k]).kind;
        let pairs = |f: &dyn Fn(usize, usize) -> f64, v: &mut Vec<f64>| {
            for i in 0..n {
                for j in 0..n {
                    if i != j {
                        v[i * n + j] = f(i, j);
                    }
                }
            }
        };
        if let Some(rest) = term.strip_prefix("weighted:") {
            self.layer_union(rest, true, &mut v)?;
        } else if let Some(k) = term.strip_prefix("sender:") {
            let k: Kind = k.parse().map_err(|_| self.unknown(term))?;
            pairs(&|i, _| f64::from(u8::from(kind(i) == k)), &mut v);
        } else if let Some(k) = term.strip_prefix("receiver:") {
            let k: Kind = k.parse().map_err(|_| self.unknown(term))?;
            pairs(&|_, j| f64::from(u8::from(kind(j) == k)), &mut v);
        } else {
            match term {
                "arena" => pairs(
                    &|i, j| f64::from(u8::from(self.comembership[i * n + j] > 0.0)),
                    &mut v,
                ),
                "arena_count" => pairs(&|i, j| self.comembership[i * n + j], &mut v),
                "same_kind" => pairs(&|i, j| f64::from(u8::from(kind(i) == kind(j))), &mut v),
                "same_sector" => pairs(
                    &|i, j| f64::from(u8::from(kind(i).sector() == kind(j).sector())),
                    &mut v,
                ),
                "same_level" => {
                    let lv = |k: usize| self.graph.actor(self.actors[k]).level;
                    pairs(&|i, j| f64::from(u8::from(lv(i) == lv(j))), &mut v)
                }
                "party_dyad" => pairs(
                    &|i, j| f64::from(u8::from(kind(i) == Kind::Party || kind(j) == Kind::Party)),
                    &mut v,
                ),
                "level_difference" => {
                    let ranks = self.level_ranks()?;
                    pairs(&|i, j| (ranks[i] - ranks[j]).abs(), &mut v)
                }
                _ => self.layer_union(term, false, &mut v)?,
            }
        }
        DyadicMatrix::new(term, n, v)
    }

    fn level_ranks(&self) -> Result<Vec<f64>> {
        let external: Vec<&str> = self
            .actors
            .iter()
            .map(|&i| self.graph.actor(i))
            .filter(|a| a.level == Level::External)
            .map(|a| a.id.as_str())
            .collect();
        if !external.is_empty() {
            return Err(Error::InvalidParameter {
                name: "level_difference",
                reason: format!(
                    "undefined for actors outside the territorial hierarchy (level external): {}; leave them out (--without {})",
                    external.join(", "),
                    external.join(",")
                ),
            });
        }
        Ok(self
            .actors
            .iter()
            .map(|&i| {
                Level::ALL
                    .iter()
                    .position(|l| *l == self.graph.actor(i).level)
                    .unwrap_or(0) as f64
            })
            .collect())
    }

    /// Fill `v` with the union (or weight sum) of `+`-joined layers.
    fn layer_union(&self, spec: &str, weighted: bool, v: &mut [f64]) -> Result<()> {
        let n = self.n();
        let mut ids = Vec::new();
        for name in spec.split('+').map(str::trim) {
            if name == "aggregate" {
                ids.extend(
                    self.graph
                        .layers()
                        .iter()
                        .filter(|l| l.sign == crate::model::Sign::Positive)
                        .filter_map(|l| self.graph.layer_id(&l.name)),
                );
                continue;
            }
            match self.graph.layer_id(name) {
                Some(id) => ids.push(id),
                None => {
                    return Err(self.unknown(if spec.contains('+') || weighted {
                        name
                    } else {
                        spec
                    }));
                }
            }
        }
        for t in self.graph.ties().filter(|t| ids.contains(&t.layer)) {
            let (Some(a), Some(b)) = (self.pos[t.source], self.pos[t.target]) else {
                continue;
            };
            if a == b {
                continue;
            }
            let directed = self.graph.layer(t.layer).directed;
            let mut put = |i: usize, j: usize| {
                if weighted {
                    v[i * n + j] += t.weight;
                } else {
                    v[i * n + j] = 1.0;
                }
            };
            put(a, b);
            if !directed {
                put(b, a);
            }
        }
        Ok(())
    }
}

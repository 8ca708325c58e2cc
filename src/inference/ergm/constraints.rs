//! Constraints: which dyads an ERGM may toggle.
//!
//! A [`DyadMask`] marks every dyad *free* (modelled: MPLE uses it, the sampler
//! toggles it) or *fixed* at its observed value. Structural zeros are fixed
//! dyads without a tie. The codebook's structural zeros (`data/README.md`):
//!
//! ```text
//! no self-loop                    (never a dyad)
//! no arena – arena tie
//! leadership                      source is a party actor
//! deliberation with an arena      member → arena (membership)
//! any other layer with an arena   member → arena, except information
//!                                 (an arena publicises: arena → member allowed)
//! ```
//!
//! A directed dyad u → v is free when at least one layer of the view allows
//! it; an undirected dyad {u, v} when either direction is allowed. An
//! observed tie on a structural zero is an error ([`Error::StructuralZero`]):
//! the data and the constraint disagree, and neither is silently changed.

use super::network::{ErgmData, Network};
use crate::error::{Error, Result};
use crate::model::{Kind, View};

/// Which dyads are modelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadMask {
    n: usize,
    directed: bool,
    free: Vec<bool>,
}

impl DyadMask {
    /// Every dyad free (no self-loops).
    pub fn all(n: usize, directed: bool) -> DyadMask {
        let mut free = vec![true; n * n];
        for i in 0..n {
            free[i * n + i] = false;
        }
        DyadMask { n, directed, free }
    }

    /// Whether the dyad i → j (i — j) is free.
    #[inline]
    pub fn is_free(&self, i: usize, j: usize) -> bool {
        self.free[i * self.n + j]
    }

    /// Fix the dyad at its observed value.
    pub fn fix(&mut self, i: usize, j: usize) {
        self.free[i * self.n + j] = false;
        if !self.directed {
            self.free[j * self.n + i] = false;
        }
    }

    /// The free dyads, ascending (i < j when undirected).
    pub fn free_dyads(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..self.n {
            let lo = if self.directed { 0 } else { i + 1 };
            for j in lo..self.n {
                if i != j && self.is_free(i, j) {
                    out.push((i, j));
                }
            }
        }
        out
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Whether dyads are ordered pairs.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// The codebook's structural zeros for a view of a case (see the module doc).
    pub fn codebook(view: &View<'_>) -> DyadMask {
        let g = view.graph();
        let idx = view.actor_indices();
        let n = idx.len();
        let directed = view.is_directed();
        let layers: Vec<&str> = g
            .layers()
            .iter()
            .enumerate()
            .filter(|(l, _)| view.includes_layer(crate::model::LayerId(*l as u16)))
            .map(|(_, s)| s.name.as_str())
            .collect();
        let kind = |d: usize| g.actor(idx[d]).kind;
        let allowed = |u: usize, v: usize| -> bool {
            let (ku, kv) = (kind(u), kind(v));
            if u == v || (ku == Kind::Arena && kv == Kind::Arena) {
                return false;
            }
            layers.iter().any(|&l| match l {
                "leadership" => ku == Kind::Party,
                "information" => true,
                "deliberation" | "administrative" | "resource" | "service" | "tension" => {
                    ku != Kind::Arena
                }
                // A layer the codebook does not define: only the two rules above.
                _ => true,
            })
        };
        let mut free = vec![false; n * n];
        for u in 0..n {
            for v in 0..n {
                free[u * n + v] = if directed {
                    allowed(u, v)
                } else {
                    allowed(u, v) || allowed(v, u)
                };
            }
        }
        DyadMask { n, directed, free }
    }

    /// The rule that makes u → v a structural zero, for messages.
    fn rule(&self, data: &ErgmData, u: usize, v: usize) -> String {
        let _ = data;
        if u == v {
            "no self-loop".into()
        } else {
            format!(
                "a structural zero of the codebook (leadership only from a party actor; arena ties member → arena; no arena–arena tie) for dyad {u} -> {v}"
            )
        }
    }

    /// Check that every observed tie lies on a free dyad or a fixed one the
    /// caller fixed on purpose (`fixed`), and return the mask.
    ///
    /// # Errors
    /// [`Error::StructuralZero`] for the first observed tie on a structural zero.
    pub fn check(&self, data: &ErgmData, fixed_ties: &[(usize, usize)]) -> Result<()> {
        let net: &Network = &data.network;
        for (u, v) in net.edges() {
            let fixed_on_purpose = fixed_ties
                .iter()
                .any(|&(a, b)| (a, b) == (u, v) || (!self.directed && (b, a) == (u, v)));
            if !self.is_free(u, v) && !fixed_on_purpose {
                return Err(Error::StructuralZero {
                    from: data.node_names[u].clone(),
                    target: data.node_names[v].clone(),
                    rule: self.rule(data, u, v),
                });
            }
        }
        Ok(())
    }
}

/// The constraints of a fit (statnet's `constraints=` argument, in words).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Constraint {
    /// Every dyad free (statnet's default, no constraint).
    None,
    /// The codebook's structural zeros ([`DyadMask::codebook`]); the default
    /// for a case, so that no draw breaks the codebook.
    #[default]
    Codebook,
}

/// Build the mask of a view under a constraint, with these actor pairs
/// (ids) held at their observed value.
///
/// # Errors
/// [`Error::UnknownActor`] for an id the view lacks;
/// [`Error::StructuralZero`] for an observed tie the constraint forbids.
pub fn mask_of_view(
    view: &View<'_>,
    data: &ErgmData,
    constraint: &Constraint,
    fixed: &[(String, String)],
) -> Result<DyadMask> {
    let mut mask = match constraint {
        Constraint::None => DyadMask::all(data.network.n(), data.network.is_directed()),
        Constraint::Codebook => DyadMask::codebook(view),
    };
    let mut fixed_idx = Vec::new();
    for (a, b) in fixed {
        let pos = |id: &str| -> Result<usize> {
            data.node_names
                .iter()
                .position(|x| x == id)
                .ok_or_else(|| view.graph().unknown_actor(id))
        };
        let (u, v) = (pos(a)?, pos(b)?);
        mask.fix(u, v);
        fixed_idx.push((u, v));
    }
    mask.check(data, &fixed_idx)?;
    Ok(mask)
}

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
use std::collections::BTreeSet;

/// Which dyads are modelled: a rule on the nodes' classes (free or fixed
/// by the classes of the two ends: the codebook's rules read the actors'
/// kinds only) and the dyads fixed one by one ([`fix`](Self::fix)).
///
/// ```text
/// free(i, j) = i ≠ j  ∧  allowed[c_i, c_j]  ∧  (i, j) not fixed
/// memory     O(n + C² + f)    (C classes, f dyads fixed one by one)
/// is_free    O(1), plus O(log f) when a dyad was fixed one by one
/// ```
///
/// so that a mask of 10⁵ actors takes kilobytes, not the 10¹⁰ flags of a
/// dense n × n matrix. Undirected: `allowed` is symmetric and a fixed dyad
/// is kept as (min, max).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DyadMask {
    n: usize,
    directed: bool,
    /// The class of each node.
    class: Vec<u32>,
    /// `allowed[a * classes + b]`: whether a dyad from class a to class b is free.
    allowed: Vec<bool>,
    classes: usize,
    /// The nodes of each class, ascending.
    members: Vec<Vec<u32>>,
    /// Dyads fixed one by one.
    fixed: BTreeSet<(u32, u32)>,
}

impl DyadMask {
    /// Every dyad free (no self-loops).
    pub fn all(n: usize, directed: bool) -> DyadMask {
        DyadMask::by_class(directed, vec![0; n], 1, &[true])
    }

    /// The mask of a rule on classes: node i has class `class[i]` (< `classes`),
    /// and a dyad from class a to class b is free when `allowed[a * classes + b]`
    /// (undirected: when either direction is allowed).
    ///
    /// # Panics
    /// When `allowed` has not `classes²` entries or a class is out of range
    /// (a caller's bug, not input).
    pub fn by_class(directed: bool, class: Vec<u32>, classes: usize, allowed: &[bool]) -> DyadMask {
        assert_eq!(allowed.len(), classes * classes, "a C × C rule");
        let mut members = vec![Vec::new(); classes];
        for (i, &c) in class.iter().enumerate() {
            members[c as usize].push(i as u32);
        }
        let allowed = (0..classes * classes)
            .map(|k| {
                let (a, b) = (k / classes, k % classes);
                allowed[k] || (!directed && allowed[b * classes + a])
            })
            .collect();
        DyadMask {
            n: class.len(),
            directed,
            class,
            allowed,
            classes,
            members,
            fixed: BTreeSet::new(),
        }
    }

    /// The key of a dyad in `fixed`.
    #[inline]
    fn key(&self, i: usize, j: usize) -> (u32, u32) {
        if self.directed || i < j {
            (i as u32, j as u32)
        } else {
            (j as u32, i as u32)
        }
    }

    /// Whether the class rule lets i → j be free.
    #[inline]
    fn rule_allows(&self, i: usize, j: usize) -> bool {
        self.allowed[self.class[i] as usize * self.classes + self.class[j] as usize]
    }

    /// Whether the dyad i → j (i — j) is free.
    #[inline]
    pub fn is_free(&self, i: usize, j: usize) -> bool {
        i != j
            && self.rule_allows(i, j)
            && (self.fixed.is_empty() || !self.fixed.contains(&self.key(i, j)))
    }

    /// Fix the dyad at its observed value.
    pub fn fix(&mut self, i: usize, j: usize) {
        let k = self.key(i, j);
        self.fixed.insert(k);
    }

    /// The first column of row i (i + 1 when undirected).
    #[inline]
    fn lo(&self, i: usize) -> usize {
        if self.directed { 0 } else { i + 1 }
    }

    /// The columns of row i (j ≥ i + 1 when undirected, j ≠ i), ascending,
    /// that are free (`free`) or fixed: O(columns listed + C log n + f_i).
    pub fn row(&self, i: usize, free: bool) -> Vec<u32> {
        let lo = self.lo(i);
        let ci = self.class[i] as usize;
        let mut out: Vec<u32> = Vec::new();
        for c in 0..self.classes {
            if self.allowed[ci * self.classes + c] == free {
                let m = &self.members[c];
                let from = m.partition_point(|&x| (x as usize) < lo);
                out.extend(m[from..].iter().filter(|&&x| x as usize != i));
            }
        }
        out.sort_unstable();
        let pinned: Vec<u32> = self
            .fixed
            .range((i as u32, lo as u32)..(i as u32 + 1, 0))
            .map(|&(_, j)| j)
            .filter(|&j| j as usize != i && self.rule_allows(i, j as usize))
            .collect();
        if pinned.is_empty() {
            return out;
        }
        if free {
            out.retain(|j| pinned.binary_search(j).is_err());
        } else {
            out.extend(pinned);
            out.sort_unstable();
        }
        out
    }

    /// The number of free dyads of row i (j > i when undirected): O(C log n + f_i).
    pub fn free_in_row(&self, i: usize) -> usize {
        let lo = self.lo(i);
        let ci = self.class[i] as usize;
        let mut k = 0;
        for c in 0..self.classes {
            if self.allowed[ci * self.classes + c] {
                let m = &self.members[c];
                k += m.len() - m.partition_point(|&x| (x as usize) < lo);
                if self.directed && c == ci {
                    k -= 1; // i itself
                }
            }
        }
        let pinned = self
            .fixed
            .range((i as u32, lo as u32)..(i as u32 + 1, 0))
            .filter(|&&(_, j)| j as usize != i && self.rule_allows(i, j as usize))
            .count();
        k - pinned
    }

    /// The number of free dyads: O(n · C log n + f), no n² scan.
    pub fn free_count(&self) -> usize {
        (0..self.n).map(|i| self.free_in_row(i)).sum()
    }

    /// The free dyads, ascending (i < j when undirected).
    pub fn free_dyads(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..self.n {
            out.extend(self.row(i, true).into_iter().map(|j| (i, j as usize)));
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

    /// The words of memory the mask holds (its classes, rule and the
    /// dyads fixed one by one): O(n + C² + f), never n².
    pub fn footprint(&self) -> usize {
        self.class.len()
            + self.allowed.len()
            + self.members.iter().map(Vec::len).sum::<usize>()
            + 2 * self.fixed.len()
    }

    /// The codebook's structural zeros for a view of a case (see the module
    /// doc): one class per actor kind, so O(n) memory.
    pub fn codebook(view: &View<'_>) -> DyadMask {
        let g = view.graph();
        let idx = view.actor_indices();
        let directed = view.is_directed();
        let layers: Vec<&str> = g
            .layers()
            .iter()
            .enumerate()
            .filter(|(l, _)| view.includes_layer(crate::model::LayerId(*l as u16)))
            .map(|(_, s)| s.name.as_str())
            .collect();
        let allowed = |ku: Kind, kv: Kind| -> bool {
            if ku == Kind::Arena && kv == Kind::Arena {
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
        let mut kinds: Vec<Kind> = Vec::new();
        let class: Vec<u32> = idx
            .iter()
            .map(|&i| {
                let k = g.actor(i).kind;
                let c = kinds.iter().position(|&x| x == k).unwrap_or_else(|| {
                    kinds.push(k);
                    kinds.len() - 1
                });
                c as u32
            })
            .collect();
        let c = kinds.len();
        let table: Vec<bool> = (0..c * c)
            .map(|k| allowed(kinds[k / c], kinds[k % c]))
            .collect();
        DyadMask::by_class(directed, class, c, &table)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A class rule with dyads fixed one by one, against its definition
    /// evaluated dyad by dyad.
    #[test]
    fn class_rules_and_fixed_dyads_agree_with_the_definition() {
        for directed in [true, false] {
            let n = 31;
            let class: Vec<u32> = (0..n).map(|i| ((i * 7 + i / 4) % 3) as u32).collect();
            let rule = [true, false, true, true, true, false, false, true, true];
            let mut mask = DyadMask::by_class(directed, class.clone(), 3, &rule);
            let pinned = [(2, 5), (5, 2), (7, 7), (30, 0), (11, 12), (4, 9)];
            for &(i, j) in &pinned {
                mask.fix(i, j);
            }
            let is_pinned = |i: usize, j: usize| {
                pinned
                    .iter()
                    .any(|&(a, b)| (a, b) == (i, j) || (!directed && (b, a) == (i, j)))
            };
            let allowed = |i: usize, j: usize| rule[class[i] as usize * 3 + class[j] as usize];
            let want = |i: usize, j: usize| {
                i != j && (allowed(i, j) || (!directed && allowed(j, i))) && !is_pinned(i, j)
            };
            let mut all = Vec::new();
            for i in 0..n {
                let lo = if directed { 0 } else { i + 1 };
                let (mut free, mut fixed) = (Vec::new(), Vec::new());
                for j in lo..n {
                    assert_eq!(mask.is_free(i, j), want(i, j), "{directed} {i} {j}");
                    if j != i {
                        if want(i, j) {
                            free.push(j as u32);
                            all.push((i, j));
                        } else {
                            fixed.push(j as u32);
                        }
                    }
                }
                assert_eq!(mask.row(i, true), free, "{directed} row {i}");
                assert_eq!(mask.row(i, false), fixed, "{directed} row {i}");
                assert_eq!(mask.free_in_row(i), free.len());
            }
            assert_eq!(mask.free_dyads(), all);
            assert_eq!(mask.free_count(), all.len());
        }
    }

    /// 10⁵ actors: the mask holds O(n) words (a dense mask would hold 10¹⁰
    /// flags) and counts its free dyads without an n² scan.
    #[test]
    fn a_mask_of_a_hundred_thousand_actors_is_linear_in_size() {
        let n = 100_000;
        let mut all = DyadMask::all(n, false);
        all.fix(3, 99_999);
        assert!(all.footprint() <= 2 * n + 4, "{}", all.footprint());
        assert_eq!(all.free_count(), n * (n - 1) / 2 - 1);
        assert!(!all.is_free(99_999, 3));
        // Actors (class 0) and 10 arenas (class 1): no arena–arena dyad.
        let class = (0..n).map(|i| u32::from(i % 10_000 == 0)).collect();
        let two = DyadMask::by_class(true, class, 2, &[true, true, true, false]);
        assert!(two.footprint() <= 2 * n + 8);
        assert_eq!(two.free_count(), n * (n - 1) - 10 * 9);
        assert_eq!(two.row(10_000, false).len(), 9);
    }
}

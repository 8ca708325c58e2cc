//! The codebook's structural zeros: the dyads a tie of a layer may occupy.
//!
//! The codebook (`data/README.md`) rules out some ties whatever the case:
//!
//! ```text
//! every layer    no self-loop                          (convention 8)
//!                no arena–arena tie: an arena is a platform where
//!                actors meet, not a member of another  (convention 5)
//! leadership     the source is a party actor           (layer table: "the source
//!                                                        is always a party node")
//! ```
//!
//! Membership of an arena is a deliberation tie member – arena (the layer is
//! undirected, so "member → arena" is the unordered pair); with arena–arena
//! ruled out, every deliberation tie with an arena end is a membership.
//! A null model or a fitted model that places a tie on a forbidden dyad
//! draws a graph the codebook could never produce, so every random baseline
//! draws from [`DyadMask`] (and [`Dyads::All`] exists only to reproduce the
//! reference tools' unconstrained models, e.g. `sna::rgnm`).
//!
//! [`DyadMask`] enumerates the allowed dyads of a layer in a fixed order, so a
//! uniform index in `0..count()` is a uniform allowed dyad. With
//! [`Dyads::All`] the order is the one the unconstrained samplers always used
//! (row-major ordered pairs; unordered pairs by larger end, then smaller), so
//! the same seed draws the same graph as before the mask existed.

use super::{Kind, LayerId, MultiplexGraph};
use crate::error::{Error, Result};

/// Which dyads a random tie may occupy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dyads {
    /// Only those the codebook allows (see [`DyadMask`]): no
    /// self-loop, no arena–arena tie, leadership only from a party actor.
    #[default]
    Codebook,
    /// Every pair of distinct actors: the reference tools' unconstrained
    /// models (`sna::rgnm`, `sna::rguman`, igraph `rewire`).
    All,
}

/// A tie of a case that the codebook rules out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The layer's name.
    pub layer: String,
    /// The source's id.
    pub source: String,
    /// The target's id.
    pub target: String,
    /// The rule it breaks, in words.
    pub rule: &'static str,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} → {} ({}): {}",
            self.source, self.target, self.layer, self.rule
        )
    }
}

/// The dyads one layer of a case may hold, enumerable in a fixed order.
///
/// `count()` allowed dyads, `nth(k)` the `k`-th (`(source, target)` for a
/// directed layer, `(min, max)` for an undirected one), `allows(u, v)` for a
/// test. Built in `O(n)`; `nth` is `O(log n)`.
///
/// ```
/// use coprod::model::{DyadMask, Dyads};
/// let case = coprod::cases::load("jinsong").unwrap();
/// let lead = case.layer_id("leadership").unwrap();
/// let mask = DyadMask::of_layer(&case, lead, Dyads::Codebook).unwrap();
/// let parties = case.actors().filter(|a| a.kind == coprod::model::Kind::Party).count() as u64;
/// let n = case.actor_count() as u64;
/// assert_eq!(mask.count(), parties * (n - 1)); // party → anyone else
/// assert!((0..mask.count()).all(|k| { let (u, v) = mask.nth(k); mask.allows(u, v) }));
/// ```
#[derive(Debug, Clone)]
pub struct DyadMask {
    directed: bool,
    /// Per actor: is it an arena (arena–arena excluded; `false` for all under [`Dyads::All`]).
    arena: Vec<bool>,
    /// Per actor: may it be a source (leadership: party actors only).
    source: Vec<bool>,
    /// Non-arena actors, ascending.
    others: Vec<u32>,
    /// Number of non-arena actors with index below `i`, for `i` in `0..=n`.
    others_before: Vec<u64>,
    /// `cum[i]`: allowed dyads whose row (source, or larger end) is below `i`.
    cum: Vec<u64>,
}

impl DyadMask {
    /// The mask of layer `layer` of `case` under `dyads`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when the layer is `leadership` and
    /// undirected under [`Dyads::Codebook`] (the rule names a source).
    pub fn of_layer(case: &MultiplexGraph, layer: LayerId, dyads: Dyads) -> Result<DyadMask> {
        let spec = case.layer(layer);
        let kinds: Vec<Kind> = case.actors().map(|a| a.kind).collect();
        let codebook = dyads == Dyads::Codebook;
        let leadership = codebook && spec.name == "leadership";
        if leadership && !spec.directed {
            return Err(Error::InvalidParameter {
                name: "layer",
                reason: "the codebook's rule \"leadership only from a party actor\" needs a \
                         directed leadership layer"
                    .into(),
            });
        }
        let arena: Vec<bool> = kinds
            .iter()
            .map(|&k| codebook && k == Kind::Arena)
            .collect();
        let source: Vec<bool> = kinds
            .iter()
            .map(|&k| !leadership || k == Kind::Party)
            .collect();
        Ok(DyadMask::new(spec.directed, arena, source))
    }

    pub(crate) fn new(directed: bool, arena: Vec<bool>, source: Vec<bool>) -> DyadMask {
        let n = arena.len();
        let others: Vec<u32> = (0..n).filter(|&i| !arena[i]).map(|i| i as u32).collect();
        let mut others_before = Vec::with_capacity(n + 1);
        let mut c = 0u64;
        for &a in &arena {
            others_before.push(c);
            c += u64::from(!a);
        }
        others_before.push(c);
        let n_others = others.len() as u64;
        let mut cum = Vec::with_capacity(n + 1);
        let mut total = 0u64;
        for i in 0..n {
            cum.push(total);
            total += if directed {
                match (source[i], arena[i]) {
                    (false, _) => 0,
                    (true, false) => n as u64 - 1,
                    (true, true) => n_others,
                }
            } else if arena[i] {
                others_before[i]
            } else {
                i as u64
            };
        }
        cum.push(total);
        DyadMask {
            directed,
            arena,
            source,
            others,
            others_before,
            cum,
        }
    }

    /// Whether the layer is directed (`nth` gives `(source, target)`) or not
    /// (`(min, max)`).
    pub fn directed(&self) -> bool {
        self.directed
    }

    /// The number of allowed dyads.
    pub fn count(&self) -> u64 {
        *self.cum.last().unwrap_or(&0)
    }

    /// Whether a tie `u → v` (or `u – v` in an undirected layer) is allowed.
    pub fn allows(&self, u: u32, v: u32) -> bool {
        let (u, v) = (u as usize, v as usize);
        if u == v || u >= self.arena.len() || v >= self.arena.len() {
            return false;
        }
        if self.arena[u] && self.arena[v] {
            return false;
        }
        if self.directed { self.source[u] } else { true }
    }

    /// The `k`-th allowed dyad, `k < count()`.
    ///
    /// # Panics
    /// If `k >= count()` (callers draw indices below `count()`).
    pub fn nth(&self, k: u64) -> (u32, u32) {
        assert!(k < self.count(), "dyad {k} of {}", self.count());
        // The row: the last i with cum[i] <= k (rows with no dyad are skipped
        // because their cum equals the next row's).
        let row = self.cum.partition_point(|&c| c <= k) - 1;
        let r = k - self.cum[row];
        let u = row as u32;
        if self.directed {
            if self.arena[row] {
                (u, self.others[r as usize])
            } else {
                (
                    u,
                    if r >= u64::from(u) {
                        r as u32 + 1
                    } else {
                        r as u32
                    },
                )
            }
        } else if self.arena[row] {
            debug_assert!(r < self.others_before[row]);
            (self.others[r as usize], u)
        } else {
            (r as u32, u)
        }
    }
}

impl MultiplexGraph {
    /// The ties of the case that the codebook rules out (see
    /// [`DyadMask`]): a self-loop, an arena–arena tie, a leadership tie from
    /// an actor that is not a party. Empty for a case coded by the codebook.
    ///
    /// ```
    /// let case = coprod::cases::load("ly").unwrap();
    /// assert!(case.codebook_violations().is_empty());
    /// ```
    pub fn codebook_violations(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        for t in self.ties() {
            let spec = self.layer(t.layer);
            let (s, d) = (self.actor(t.source), self.actor(t.target));
            let rule = if t.source == t.target {
                Some("no self-loop")
            } else if s.kind == Kind::Arena && d.kind == Kind::Arena {
                Some("no arena–arena tie")
            } else if spec.name == "leadership" && s.kind != Kind::Party {
                Some("leadership only from a party actor")
            } else {
                None
            };
            if let Some(rule) = rule {
                out.push(Violation {
                    layer: spec.name.clone(),
                    source: s.id.clone(),
                    target: d.id.clone(),
                    rule,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(m: &DyadMask, n: usize) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for v in 0..n as u32 {
            for u in 0..n as u32 {
                let ok = if m.directed { true } else { u < v };
                if ok && m.allows(u, v) {
                    out.push((u, v));
                }
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn nth_enumerates_exactly_the_allowed_dyads_once() {
        // Every pattern of arenas and sources on 6 actors.
        let n = 6;
        for arenas in 0u32..(1 << n) {
            for sources in [0u32, 0b101001, (1 << n) - 1, !arenas & ((1 << n) - 1)] {
                for directed in [true, false] {
                    let arena: Vec<bool> = (0..n).map(|i| arenas >> i & 1 == 1).collect();
                    let source: Vec<bool> = if directed {
                        (0..n).map(|i| sources >> i & 1 == 1).collect()
                    } else {
                        vec![true; n]
                    };
                    let m = DyadMask::new(directed, arena, source);
                    let mut got: Vec<_> = (0..m.count()).map(|k| m.nth(k)).collect();
                    got.sort_unstable();
                    let len = got.len();
                    got.dedup();
                    assert_eq!(got.len(), len, "repeated dyad");
                    assert_eq!(got, brute(&m, n), "arenas {arenas:b} sources {sources:b}");
                }
            }
        }
    }
}

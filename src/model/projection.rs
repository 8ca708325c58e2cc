//! The arena projection: arenas replaced by co-membership ties among their members.

use super::{Certainty, Kind, LayerSpec, Layers, MultiplexGraph, Provenance};
use crate::error::{Error, Result};

/// Name of the layer the arena projection writes co-membership ties into.
pub const COMEMBERSHIP: &str = "comembership";

/// Options of [`MultiplexGraph::project_arenas`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArenaProjection {
    /// Ties (either direction) between an arena and an actor in these layers
    /// make the actor a member. Default: `deliberation` only.
    pub membership: Layers,
}

impl Default for ArenaProjection {
    fn default() -> Self {
        ArenaProjection {
            membership: Layers::only(&["deliberation"]),
        }
    }
}

impl MultiplexGraph {
    /// The arena projection of the graph.
    ///
    /// Every actor of kind [`Kind::Arena`] is removed with all its ties; for
    /// each arena and each pair of its members (non-arena actors tied to it in
    /// a membership layer, either direction), one undirected tie of weight 1 is
    /// added in the layer [`COMEMBERSHIP`], whose provenance quote is
    /// `arena:<id>`. Two actors sharing `k` arenas thus get `k` parallel ties:
    /// weight `k` in a summed view. All other ties and actors are kept, in
    /// order, with their certainty. A co-membership tie is
    /// [`Certainty::Inferred`] when either member's (strongest) membership tie
    /// to the arena is. An arena that is a member of another arena is not a
    /// member of anything after projection (it is removed).
    ///
    /// ```
    /// use coprod::model::{Actor, ArenaProjection, Kind, Level, MultiplexGraph, Provenance};
    /// let mut g = MultiplexGraph::new();
    /// for (id, k) in [("forum", Kind::Arena), ("a", Kind::Party), ("b", Kind::Market), ("c", Kind::Resident)] {
    ///     g.add_actor(Actor::new(id, k, Level::Community)).unwrap();
    /// }
    /// for m in ["a", "b", "c"] {
    ///     g.add_tie(m, "forum", "deliberation", 1.0, Provenance::default()).unwrap();
    /// }
    /// let p = g.project_arenas(&ArenaProjection::default()).unwrap();
    /// assert_eq!(p.actor_count(), 3);
    /// assert_eq!(p.tie_count(), 3); // a-b, a-c, b-c
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownLayer`] for a membership layer the graph does not hold;
    /// [`Error::InvalidParameter`] (`layer`) if the graph already has a
    /// directed layer called [`COMEMBERSHIP`], or if adding that layer would
    /// exceed the 65,535 layers a graph holds.
    pub fn project_arenas(&self, opts: &ArenaProjection) -> Result<MultiplexGraph> {
        let membership = super::View::new(self, &opts.membership)?;
        let mut extra: Vec<LayerSpec> = self.extra_layers().to_vec();
        let comembership = match self.layer_id(COMEMBERSHIP) {
            Some(id) if self.layer(id).directed => {
                return Err(Error::InvalidParameter {
                    name: "layer",
                    reason: format!(
                        "`{COMEMBERSHIP}` exists and is directed; the projection writes an undirected one"
                    ),
                });
            }
            Some(_) => COMEMBERSHIP,
            None => {
                extra.push(LayerSpec::undirected(COMEMBERSHIP));
                COMEMBERSHIP
            }
        };
        let mut out = MultiplexGraph::with_meta(self.meta().clone(), extra)?;
        let is_arena: Vec<bool> = self.actors().map(|a| a.kind == Kind::Arena).collect();
        for a in self.actors().filter(|a| a.kind != Kind::Arena) {
            out.add_actor(a.clone())?;
        }
        for t in self.ties() {
            if !is_arena[t.source] && !is_arena[t.target] {
                let (s, d) = (&self.actor(t.source).id, &self.actor(t.target).id);
                let name = &self.layer(t.layer).name;
                out.add_tie_with_certainty(
                    s,
                    d,
                    name,
                    t.weight,
                    t.provenance.clone(),
                    t.certainty,
                )?;
            }
        }
        for arena in (0..self.actor_count()).filter(|&i| is_arena[i]) {
            // (member, certainty), sorted so that a member's stated tie comes first.
            let mut members: Vec<(usize, Certainty)> = membership
                .ties()
                .filter_map(|t| match (t.source == arena, t.target == arena) {
                    (true, false) => Some((t.target, t.certainty)),
                    (false, true) => Some((t.source, t.certainty)),
                    _ => None,
                })
                .filter(|&(m, _)| !is_arena[m])
                .collect();
            members.sort_unstable();
            members.dedup_by_key(|m| m.0);
            let quote = format!("arena:{}", self.actor(arena).id);
            for (i, &(a, ca)) in members.iter().enumerate() {
                for &(b, cb) in &members[i + 1..] {
                    out.add_tie_with_certainty(
                        &self.actor(a).id,
                        &self.actor(b).id,
                        comembership,
                        1.0,
                        Provenance::new("", quote.clone()),
                        ca.max(cb),
                    )?;
                }
            }
        }
        Ok(out)
    }
}

//! Planted structures for the power study of the answer rule: graphs of a
//! case's size, density, direction and actors, drawn from a degree-corrected
//! stochastic block model whose block matrix plants one core, `k` centres or
//! no structure.
//!
//! # The blocks
//!
//! From a view of the case (`n` actors, `E` ties of its simple graph, one
//! per ordered pair if directed, per unordered pair if not; self-loops
//! dropped) and a core set `C`:
//!
//! ```text
//! H_0 = C                                   the core's hub block
//! S_1..S_m = the other actors by sector      sector blocks (view order)
//! Centres(k): while m < k, the largest sector block is split in two
//!   (alternate members); the S are dealt to k shares, largest first, each
//!   to the share with fewest actors (ties: lowest share); share 0 is the
//!   core's; in share j ≥ 1 the h_j = min(|C|, a_j − 1) actors of highest
//!   case degree (ties: view order) leave their sector blocks and form hub
//!   H_j (a_j = actors of share j)
//! OneCore = one share, hub H_0 = C
//! NoStructure = one block of every actor
//! ```
//!
//! # The block matrix
//!
//! The `E` ties are split among categories of block pairs, then within a
//! category in proportion to the pairs' dyads (`n_r n_s`; `n_r (n_r − 1)/2`
//! undirected within a block, `n_r (n_r − 1)` directed):
//!
//! ```text
//! category                           OneCore   Centres(k)
//! hub – a sector of its own share       0.80        0.70
//! hub – hub (peer ties)                  –          0.10
//! within a hub                          0.05        0.05
//! within a sector block                 0.10        0.10
//! everything else (sector – sector,     0.05        0.05
//!   hub – a sector of another share)
//! NoStructure: one block, all E ties
//! ```
//!
//! Why these shares: in the one-core truth four ties in five pass through the
//! core (the lead-organisation network of Provan & Kenis 2008,
//! doi:10.1093/jopart/mum015: every sector tied to one hub, the sectors
//! hardly to each other: 5 %); the within-sector 10 % keep sectors
//! internally tied as in the cases. In the centres truth each hub leads its
//! own share of the sectors (70 %) and the hubs are peers (10 %). A
//! category with no pair (no hub–hub pair in OneCore; no other pair when
//! everything is one share) gives its share to the others in proportion.
//! A block pair is never given more ties than it has dyads: the excess goes
//! to the pairs with room, in proportion to their share (water-filling);
//! the real counts are rounded to integers summing to `E` (largest
//! remainders). When the case has no isolate, every block is reserved
//! `n_r + 1` tie ends (a tie within the block gives two, a tie to another
//! block one; capped by the room of its cells of positive weight): one per
//! actor and a spare for the isolate repair. A block short of them (a
//! one-actor sector block rounded to none; a block of arenas, which the
//! codebook forbids to tie to each other, in a share whose hub is an arena,
//! left with one tie for two arenas in X district) gets them, one at a time,
//! from the largest cell not touching it whose blocks keep their own
//! reservation, into its heaviest cell with room. In a directed view the ties of a pair `{r, s}` are split
//! between `r → s` and `s → r` in proportion to `K⁺_r K⁻_s` and `K⁺_s K⁻_r`
//! (case out- and in-degree sums of the blocks; halves when both are 0).
//!
//! **The codebook's structural zeros** (no self-loop, no arena–arena tie, and
//! the layers' rules: `inference::ergm::constraints::DyadMask::codebook` of
//! the case's view) never receive a tie: a cell's capacity counts only the
//! dyads the codebook allows, and the draw and the isolate repair skip the
//! others, so the answer's ERGM is fitted to every planted graph under the
//! same constraint as to the case.
//!
//! # The draw
//!
//! Each cell (block pair, direction) receives exactly its count of distinct
//! ties, drawn without replacement with dyad `(i, j)` weighted
//! `θ_i θ_j` (`θ` = the actor's case degree; directed: out-degree of the
//! source times in-degree of the target), the degree-corrected SBM of
//! Karrer & Newman (2011, doi:10.1103/PhysRevE.83.016107) conditioned on
//! the cell counts and on a simple graph: successive sampling, by
//! Efraimidis–Spirakis keys `ln(u)/w` (doi:10.1016/j.ipl.2005.11.003),
//! the `c` largest kept. Within a block every actor's expected degree is
//! then in proportion to its case degree (an arena that only receives
//! still only receives); NoStructure keeps the degree sequence in
//! expectation (a Chung–Lu graph with exactly `E` ties).
//!
//! **Isolates.** When the view has no isolate, an actor the draw leaves
//! isolated is given one tie in a cell of its block (chosen in proportion
//! to the cell's count, partner in proportion to `θ`), and one tie of the
//! same cell whose two ends have degree ≥ 2 is removed: every cell keeps
//! its count, `E` is exact, no actor is isolated. This repair moves a
//! handful of ties and changes the law slightly; an actor no cell can reach
//! is an error.
//!
//! # The graph returned
//!
//! The view's actors (ids, kinds, sectors, levels, attributes; in the view's
//! order, so a core named by ids or by kind is the same actors), the case's
//! metadata, and the ties in one extra positive layer named `planted`,
//! directed as the view is, weight 1, no provenance. The codebook's
//! structural zeros are not imposed beyond what the degree weights keep.
//! Complexity `O(n²)` (every dyad of every cell gets a key).
//!
//! # References
//! B. Karrer and M. E. J. Newman, Phys. Rev. E 83, 016107 (2011),
//! doi:10.1103/PhysRevE.83.016107. T. P. Peixoto, Phys. Rev. E 95, 012317
//! (2017), doi:10.1103/PhysRevE.95.012317.

mod draw;
mod plan;

use draw::{draw_cells, repair_isolates};
pub use plan::{PlantedPlan, planted_plan};
use plan::{case_of, plan_of};

use crate::error::Result;
use crate::model::{LayerSpec, MultiplexGraph, NodeSet, Provenance, View};
use crate::random::rng;
use serde::Serialize;
use std::fmt;

/// A planted truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Planted {
    /// The core as one hub tied to every sector; sectors hardly tied to each other.
    OneCore,
    /// `k ≥ 2` hubs, the core one of them, each leading its own share of the sectors.
    Centres(usize),
    /// One block: a degree-corrected Erdős–Rényi (Chung–Lu) graph.
    NoStructure,
}

impl fmt::Display for Planted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Planted::OneCore => write!(f, "one_core"),
            Planted::Centres(k) => write!(f, "centres_{k}"),
            Planted::NoStructure => write!(f, "no_structure"),
        }
    }
}

/// The truths of the pre-registered power study: one core, 2 and 3 centres, no structure.
pub fn planted_truths() -> Vec<Planted> {
    vec![
        Planted::OneCore,
        Planted::Centres(2),
        Planted::Centres(3),
        Planted::NoStructure,
    ]
}

/// Draw a graph of `truth` planted in a graph like `view` (see the module
/// docs): the view's actors, exactly its number of ties `E`, its direction,
/// no self-loop, no repeated tie, no isolate when the view has none; the
/// same graph for the same seed. Take the same view of it as of the case:
/// `View::aggregate(&g)`, `.symmetrized()` when `view` was (the empty
/// standard layers of `g` include directed ones, so an undirected `planted`
/// layer alone does not make the aggregate undirected).
///
/// # Errors
/// As [`planted_plan`]; an isolate the repair cannot reach.
///
/// ```
/// use coprod::baselines::{draw_planted, planted_truths, Planted};
/// use coprod::model::{Kind, View};
/// let case = coprod::cases::load("jinsong")?;
/// let view = View::aggregate(&case);
/// let core = view.node_set_of_kind(Kind::Party);
/// for truth in planted_truths() {
///     let g = draw_planted(&view, &core, truth, 7)?;
///     let planted = View::aggregate(&g);
///     assert_eq!(planted.ids(), view.ids());
///     assert_eq!(planted.csr().edge_count(), view.csr().edge_count());
/// }
/// # Ok::<(), coprod::Error>(())
/// ```
pub fn draw_planted(
    view: &View<'_>,
    core: &NodeSet,
    truth: Planted,
    seed: u64,
) -> Result<MultiplexGraph> {
    let c = case_of(view);
    let plan = plan_of(&c, core, truth)?;
    let mut rng = rng(seed);
    let mut ties = draw_cells(&c, &plan, &mut rng);
    let case_has_isolate = (0..c.n).any(|v| c.out[v] + c.inn[v] == 0.0);
    if !case_has_isolate {
        repair_isolates(&c, &plan, &mut ties, &mut rng)?;
    }
    let src = view.graph();
    let mut g = MultiplexGraph::with_meta(src.meta().clone(), src.extra_layers().to_vec())?;
    let layer = g.add_layer(if c.directed {
        LayerSpec::directed("planted")
    } else {
        LayerSpec::undirected("planted")
    })?;
    for i in view.actor_indices() {
        g.add_actor(src.actor(i).clone())?;
    }
    let mut all: Vec<(u32, u32)> = ties.into_iter().flatten().collect();
    all.sort_unstable();
    for (u, v) in all {
        g.add_tie_at(u as usize, v as usize, layer, 1.0, Provenance::default())?;
    }
    Ok(g)
}

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
//! remainders). When the case has no isolate, a block left with fewer than
//! `⌈n_r / 2⌉` ties touching it (a one-actor sector block rounded to none)
//! gets them, one at a time, from the largest cell not touching it into its
//! heaviest cell with room. In a directed view the ties of a pair `{r, s}` are split
//! between `r → s` and `s → r` in proportion to `K⁺_r K⁻_s` and `K⁺_s K⁻_r`
//! (case out- and in-degree sums of the blocks; halves when both are 0).
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

use crate::error::{Error, Result};
use crate::model::{LayerSpec, MultiplexGraph, NodeSet, Provenance, View};
use crate::random::{CoprodRng, below, rng, unit};
use serde::Serialize;
use std::collections::BTreeSet;
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

/// The planted block model of a view: blocks, hubs and the exact tie count of every cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlantedPlan {
    /// The truth planted.
    pub truth: Planted,
    /// Whether the ties are directed (the view's direction).
    pub directed: bool,
    /// Block of each actor of the view, in the view's order.
    pub blocks: Vec<u32>,
    /// Which blocks are hubs (block 0 is the core's, except under NoStructure).
    pub hubs: Vec<u32>,
    /// `(r, s, ties)`: ties from block `r` to `s` (undirected: `r ≤ s`), all cells with room.
    pub cells: Vec<(u32, u32, u64)>,
}

const ONE_CORE: [f64; 5] = [0.80, 0.0, 0.05, 0.10, 0.05];
const CENTRES: [f64; 5] = [0.70, 0.10, 0.05, 0.10, 0.05];

/// The view as degrees and pairs.
struct Case {
    n: usize,
    directed: bool,
    pairs: Vec<(u32, u32)>,
    out: Vec<f64>,
    inn: Vec<f64>,
    sectors: Vec<u32>,
}

fn case_of(view: &View<'_>) -> Case {
    let csr = view.csr();
    let n = view.node_count();
    let directed = view.is_directed();
    let mut pairs = BTreeSet::new();
    for u in 0..n {
        for &v in csr.out_neighbors(u) {
            let v = v as usize;
            if u != v && (directed || u < v) {
                pairs.insert((u as u32, v as u32));
            }
        }
    }
    let (mut out, mut inn) = (vec![0.0; n], vec![0.0; n]);
    for &(u, v) in &pairs {
        out[u as usize] += 1.0;
        inn[v as usize] += 1.0;
        if !directed {
            out[v as usize] += 1.0;
            inn[u as usize] += 1.0;
        }
    }
    let g = view.graph();
    let sectors = view
        .actor_indices()
        .into_iter()
        .map(|i| g.actor(i).sector() as u32)
        .collect();
    Case {
        n,
        directed,
        pairs: pairs.into_iter().collect(),
        out,
        inn,
        sectors,
    }
}

fn bad(reason: String) -> Error {
    Error::InvalidParameter {
        name: "planted",
        reason,
    }
}

/// Blocks and hubs of `truth` (see the module docs).
fn blocks_of(c: &Case, core: &NodeSet, truth: Planted) -> Result<(Vec<u32>, Vec<u32>, usize)> {
    let n = c.n;
    if truth == Planted::NoStructure {
        return Ok((vec![0; n], Vec::new(), 1));
    }
    let k = match truth {
        Planted::Centres(k) if k >= 2 => k,
        Planted::Centres(k) => return Err(bad(format!("Centres({k}): at least 2 centres"))),
        _ => 1,
    };
    if core.universe() != n || core.is_empty() || core.len() == n {
        return Err(bad(format!(
            "the core set has {} of the view's {n} actors; {truth} needs a core and actors outside it",
            core.len()
        )));
    }
    // Sector blocks of the non-core actors, in order of first appearance.
    let mut sectors: Vec<(u32, Vec<u32>)> = Vec::new();
    for v in (0..n).filter(|&v| !core.contains(v)) {
        match sectors.iter_mut().find(|s| s.0 == c.sectors[v]) {
            Some(s) => s.1.push(v as u32),
            None => sectors.push((c.sectors[v], vec![v as u32])),
        }
    }
    let mut groups: Vec<Vec<u32>> = sectors.into_iter().map(|s| s.1).collect();
    while groups.len() < k {
        let (i, _) = groups
            .iter()
            .enumerate()
            .max_by_key(|(i, g)| (g.len(), std::cmp::Reverse(*i)))
            .expect("a sector");
        if groups[i].len() < 2 {
            return Err(bad(format!(
                "{truth}: {} actors outside the core cannot make {} shares",
                n - core.len(),
                k
            )));
        }
        let g = std::mem::take(&mut groups[i]);
        let (a, b): (Vec<u32>, Vec<u32>) = (
            g.iter().step_by(2).copied().collect(),
            g.iter().skip(1).step_by(2).copied().collect(),
        );
        groups[i] = a;
        groups.push(b);
    }
    // Deal the sector blocks to the shares, largest first.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(groups[i].len()), i));
    let mut share_of = vec![0usize; groups.len()];
    let mut load = vec![0usize; k];
    for i in order {
        let j = (0..k).min_by_key(|&j| (load[j], j)).expect("a share");
        share_of[i] = j;
        load[j] += groups[i].len();
    }
    let mut b = vec![u32::MAX; n];
    for v in core.iter() {
        b[v] = 0;
    }
    let mut next = k as u32;
    for j in 1..k {
        let mut members: Vec<u32> = (0..groups.len())
            .filter(|&i| share_of[i] == j)
            .flat_map(|i| groups[i].iter().copied())
            .collect();
        if members.len() < 2 {
            return Err(bad(format!(
                "{truth}: share {j} has {} actor(s); a hub and its sectors need 2",
                members.len()
            )));
        }
        let degree = |v: u32| c.out[v as usize] + c.inn[v as usize];
        members.sort_by(|&x, &y| degree(y).total_cmp(&degree(x)).then(x.cmp(&y)));
        let h = core.len().min(members.len() - 1);
        for &v in &members[..h] {
            b[v as usize] = j as u32;
        }
    }
    for g in &groups {
        let rest: Vec<u32> = g
            .iter()
            .copied()
            .filter(|&v| b[v as usize] == u32::MAX)
            .collect();
        if rest.is_empty() {
            continue;
        }
        for v in rest {
            b[v as usize] = next;
        }
        next += 1;
    }
    // Share of each block (hubs: their own index).
    let mut share = vec![0usize; next as usize];
    for (j, s) in share.iter_mut().enumerate().take(k) {
        *s = j;
    }
    for (i, g) in groups.iter().enumerate() {
        if let Some(&v) = g.iter().find(|&&v| b[v as usize] >= k as u32) {
            share[b[v as usize] as usize] = share_of[i];
        }
    }
    Ok((b, share.into_iter().map(|s| s as u32).collect(), k))
}

/// The plan of `truth` on `view` with core `core`: blocks, hubs and cell counts.
///
/// # Errors
/// [`Error::InvalidParameter`] (`planted`): a core that is empty, is every
/// actor or is not a set of the view's actors; `Centres(k)` with `k < 2` or
/// too few actors outside the core for `k` shares.
pub fn planted_plan(view: &View<'_>, core: &NodeSet, truth: Planted) -> Result<PlantedPlan> {
    plan_of(&case_of(view), core, truth)
}

fn plan_of(c: &Case, core: &NodeSet, truth: Planted) -> Result<PlantedPlan> {
    let (blocks, share, k) = blocks_of(c, core, truth)?;
    let nb = share.len().max(1);
    let mut size = vec![0f64; nb];
    let (mut kout, mut kin) = (vec![0f64; nb], vec![0f64; nb]);
    for (v, &r) in blocks.iter().enumerate() {
        let r = r as usize;
        size[r] += 1.0;
        kout[r] += c.out[v];
        kin[r] += c.inn[v];
    }
    let is_hub = |r: usize| truth != Planted::NoStructure && r < k;
    let fractions = match truth {
        Planted::OneCore => ONE_CORE,
        _ => CENTRES,
    };
    // (r, s, category, dyads) for r ≤ s.
    let mut pairs: Vec<(usize, usize, usize, f64)> = Vec::new();
    for r in 0..nb {
        for s in r..nb {
            let dyads = if r == s {
                size[r] * (size[r] - 1.0) / if c.directed { 1.0 } else { 2.0 }
            } else {
                size[r] * size[s] * if c.directed { 2.0 } else { 1.0 }
            };
            if dyads == 0.0 {
                continue;
            }
            let cat = if truth == Planted::NoStructure {
                0
            } else if r == s {
                if is_hub(r) { 2 } else { 3 }
            } else if is_hub(r) && is_hub(s) {
                1
            } else if is_hub(r) != is_hub(s) && share[r] == share[s] {
                0
            } else {
                4
            };
            pairs.push((r, s, cat, dyads));
        }
    }
    let mut cat_dyads = [0f64; 5];
    for p in &pairs {
        cat_dyads[p.2] += p.3;
    }
    let used: f64 = (0..5)
        .filter(|&i| cat_dyads[i] > 0.0)
        .map(|i| fractions[i])
        .sum();
    // Cells: (r, s, weight, capacity).
    let mut cells: Vec<(u32, u32, f64, f64)> = Vec::new();
    for &(r, s, cat, dyads) in &pairs {
        let w = if truth == Planted::NoStructure {
            1.0
        } else {
            fractions[cat] / used * dyads / cat_dyads[cat]
        };
        if !c.directed || r == s {
            cells.push((r as u32, s as u32, w, dyads));
        } else {
            let (a, b) = (kout[r] * kin[s], kout[s] * kin[r]);
            let f = if a + b > 0.0 { a / (a + b) } else { 0.5 };
            cells.push((r as u32, s as u32, w * f, dyads / 2.0));
            cells.push((s as u32, r as u32, w * (1.0 - f), dyads / 2.0));
        }
    }
    let e = c.pairs.len() as f64;
    let mut counts = water_fill(&cells, e)?;
    if (0..c.n).all(|v| c.out[v] + c.inn[v] > 0.0) {
        cover_blocks(&cells, &mut counts, &size);
    }
    Ok(PlantedPlan {
        truth,
        directed: c.directed,
        blocks,
        hubs: (0..k as u32).filter(|&r| is_hub(r as usize)).collect(),
        cells: cells
            .iter()
            .zip(counts)
            .map(|(&(r, s, _, _), m)| (r, s, m))
            .collect(),
    })
}

/// When the case has no isolate: every block `r` gets at least
/// `⌈n_r / 2⌉` ties touching it (rounding can leave a small block with
/// none), each unit moved from the largest cell not touching `r` to the
/// heaviest cell touching `r` with room.
fn cover_blocks(cells: &[(u32, u32, f64, f64)], counts: &mut [u64], size: &[f64]) {
    for (r, &n_r) in size.iter().enumerate() {
        let r = r as u32;
        let need = (n_r / 2.0).ceil() as u64;
        let touches = |i: usize| cells[i].0 == r || cells[i].1 == r;
        loop {
            let have: u64 = (0..cells.len())
                .filter(|&i| touches(i))
                .map(|i| counts[i])
                .sum();
            if have >= need {
                break;
            }
            let target = (0..cells.len())
                .filter(|&i| touches(i) && cells[i].2 > 0.0 && (counts[i] as f64) < cells[i].3)
                .max_by(|&a, &b| cells[a].2.total_cmp(&cells[b].2).then(b.cmp(&a)));
            let donor = (0..cells.len())
                .filter(|&i| !touches(i) && counts[i] > 0)
                .max_by(|&a, &b| counts[a].cmp(&counts[b]).then(b.cmp(&a)));
            match (target, donor) {
                (Some(t), Some(d)) => {
                    counts[t] += 1;
                    counts[d] -= 1;
                }
                _ => break,
            }
        }
    }
}

/// Integer counts summing to `e`, in proportion to the weights, none above
/// its capacity (excess given to the cells with room, in proportion).
fn water_fill(cells: &[(u32, u32, f64, f64)], e: f64) -> Result<Vec<u64>> {
    let cap: f64 = cells.iter().map(|c| c.3).sum();
    if e > cap {
        return Err(bad(format!("{e} ties do not fit in {cap} dyads")));
    }
    let mut x = vec![0f64; cells.len()];
    let mut full = vec![false; cells.len()];
    loop {
        let left = e - x.iter().sum::<f64>();
        let w: f64 = (0..cells.len())
            .filter(|&i| !full[i])
            .map(|i| cells[i].2)
            .sum();
        if left <= 1e-9 {
            break;
        }
        // Cells of weight 0 take the rest only when no weighted cell has room.
        let weigh = |i: usize| if w > 0.0 { cells[i].2 / w } else { cells[i].3 };
        let norm = if w > 0.0 {
            1.0
        } else {
            (0..cells.len())
                .filter(|&i| !full[i])
                .map(|i| cells[i].3)
                .sum()
        };
        let mut over = false;
        let open: Vec<usize> = (0..cells.len()).filter(|&i| !full[i]).collect();
        for i in open {
            x[i] += left * weigh(i) / norm;
            if x[i] >= cells[i].3 {
                x[i] = cells[i].3;
                full[i] = true;
                over = true;
            }
        }
        if !over {
            break;
        }
    }
    let mut m: Vec<u64> = x.iter().map(|v| v.floor() as u64).collect();
    let mut rest = e as u64 - m.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by(|&a, &b| {
        (x[b] - x[b].floor())
            .total_cmp(&(x[a] - x[a].floor()))
            .then(a.cmp(&b))
    });
    while rest > 0 {
        let before = rest;
        for &i in &order {
            if rest > 0 && (m[i] as f64) < cells[i].3 {
                m[i] += 1;
                rest -= 1;
            }
        }
        if rest == before {
            return Err(bad("no cell has room for the remaining ties".into()));
        }
    }
    Ok(m)
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

/// The members of each block.
fn members(plan: &PlantedPlan) -> Vec<Vec<u32>> {
    let nb = plan.blocks.iter().max().map_or(0, |&m| m as usize + 1);
    let mut out = vec![Vec::new(); nb];
    for (v, &r) in plan.blocks.iter().enumerate() {
        out[r as usize].push(v as u32);
    }
    out
}

/// The ties of each cell, drawn without replacement by Efraimidis–Spirakis keys.
fn draw_cells(c: &Case, plan: &PlantedPlan, rng: &mut CoprodRng) -> Vec<Vec<(u32, u32)>> {
    let mem = members(plan);
    let mut out = Vec::with_capacity(plan.cells.len());
    for &(r, s, m) in &plan.cells {
        let mut keyed: Vec<(f64, (u32, u32))> = Vec::new();
        for &i in &mem[r as usize] {
            for &j in &mem[s as usize] {
                if i == j || (r == s && !c.directed && i > j) {
                    continue;
                }
                let w = if c.directed {
                    c.out[i as usize] * c.inn[j as usize]
                } else {
                    c.out[i as usize] * c.out[j as usize]
                };
                let u = unit(rng);
                let key = if w > 0.0 {
                    (1.0 - u).ln() / w
                } else {
                    f64::NEG_INFINITY
                };
                keyed.push((key, (i.min(j), i.max(j))));
                if c.directed {
                    keyed.last_mut().expect("pushed").1 = (i, j);
                }
            }
        }
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        out.push(keyed.into_iter().take(m as usize).map(|x| x.1).collect());
    }
    out
}

/// Give every isolated actor one tie of a cell of its block and take one
/// from the same cell whose ends keep a tie (see the module docs).
fn repair_isolates(
    c: &Case,
    plan: &PlantedPlan,
    ties: &mut [Vec<(u32, u32)>],
    rng: &mut CoprodRng,
) -> Result<()> {
    let mem = members(plan);
    let mut deg = vec![0u64; c.n];
    for &(u, v) in ties.iter().flatten() {
        deg[u as usize] += 1;
        deg[v as usize] += 1;
    }
    for v in 0..c.n {
        if deg[v] > 0 {
            continue;
        }
        let r = plan.blocks[v];
        // Cells v can take part in: (cell, v is the source).
        let mut options: Vec<(usize, bool, u64)> = Vec::new();
        for (ci, &(a, b, m)) in plan.cells.iter().enumerate() {
            if m == 0 {
                continue;
            }
            if !c.directed {
                if a == r || b == r {
                    options.push((ci, a == r, m));
                }
            } else if a == r && c.out[v] > 0.0 {
                options.push((ci, true, m));
            } else if b == r && c.inn[v] > 0.0 {
                options.push((ci, false, m));
            }
        }
        let mut done = false;
        while !options.is_empty() && !done {
            let total: u64 = options.iter().map(|o| o.2).sum();
            let mut x = below(rng, total);
            let pick = options
                .iter()
                .position(|o| {
                    if x < o.2 {
                        true
                    } else {
                        x -= o.2;
                        false
                    }
                })
                .expect("a cell");
            let (ci, as_source, _) = options.swap_remove(pick);
            let (a, b, _) = plan.cells[ci];
            let other = if as_source { b } else { a };
            let theta = |u: u32| {
                if !c.directed {
                    c.out[u as usize]
                } else if as_source {
                    c.inn[u as usize]
                } else {
                    c.out[u as usize]
                }
            };
            let tie = |u: u32| {
                let (s, t) = if as_source {
                    (v as u32, u)
                } else {
                    (u, v as u32)
                };
                if c.directed {
                    (s, t)
                } else {
                    (s.min(t), s.max(t))
                }
            };
            let partners: Vec<u32> = mem[other as usize]
                .iter()
                .copied()
                .filter(|&u| u as usize != v && theta(u) > 0.0 && !ties[ci].contains(&tie(u)))
                .collect();
            let removable: Vec<usize> = (0..ties[ci].len())
                .filter(|&i| {
                    let (s, t) = ties[ci][i];
                    deg[s as usize] >= 2 && deg[t as usize] >= 2
                })
                .collect();
            if partners.is_empty() || removable.is_empty() {
                continue;
            }
            let wsum: f64 = partners.iter().map(|&u| theta(u)).sum();
            let mut y = unit(rng) * wsum;
            let mut partner = *partners.last().expect("a partner");
            for &u in &partners {
                if y < theta(u) {
                    partner = u;
                    break;
                }
                y -= theta(u);
            }
            let gone = removable[below(rng, removable.len() as u64) as usize];
            let (s, t) = ties[ci].swap_remove(gone);
            deg[s as usize] -= 1;
            deg[t as usize] -= 1;
            ties[ci].push(tie(partner));
            deg[v] += 1;
            deg[partner as usize] += 1;
            done = true;
        }
        if !done {
            return Err(bad(format!(
                "actor {v} of the view is isolated in the draw and no cell of its block can give it a tie"
            )));
        }
    }
    Ok(())
}

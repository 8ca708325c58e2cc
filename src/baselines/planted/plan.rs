//! The block matrix of a planted truth (see the parent module's docs).

use super::Planted;
use crate::error::{Error, Result};
use crate::model::{NodeSet, View};
use serde::Serialize;
use std::collections::BTreeSet;

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
pub(super) struct Case {
    pub(super) n: usize,
    pub(super) directed: bool,
    pub(super) pairs: Vec<(u32, u32)>,
    pub(super) out: Vec<f64>,
    pub(super) inn: Vec<f64>,
    pub(super) sectors: Vec<u32>,
    /// `allowed[u·n + v]`: the codebook allows a tie u → v (the ERGM's mask,
    /// `DyadMask::codebook`: no self-loop, no arena–arena tie, the layers' rules).
    pub(super) allowed: Vec<bool>,
}

impl Case {
    /// The codebook allows the tie `u → v` (`{u, v}` if undirected).
    pub(super) fn allows(&self, u: u32, v: u32) -> bool {
        self.allowed[u as usize * self.n + v as usize]
    }
}

pub(super) fn case_of(view: &View<'_>) -> Case {
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
    let mask = crate::inference::ergm::constraints::DyadMask::codebook(view);
    let allowed = (0..n * n).map(|k| mask.is_free(k / n, k % n)).collect();
    Case {
        n,
        directed,
        pairs: pairs.into_iter().collect(),
        out,
        inn,
        sectors,
        allowed,
    }
}

pub(super) fn bad(reason: String) -> Error {
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

pub(super) fn plan_of(c: &Case, core: &NodeSet, truth: Planted) -> Result<PlantedPlan> {
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
    // Allowed dyads from block r to block s (ordered; within a block of an
    // undirected view each pair once): the codebook's structural zeros never
    // receive a tie.
    let mut cap = vec![0f64; nb * nb];
    for u in 0..c.n {
        for v in 0..c.n {
            if u == v || !c.allows(u as u32, v as u32) || (!c.directed && u > v) {
                continue;
            }
            let (r, s) = (blocks[u] as usize, blocks[v] as usize);
            if c.directed || r == s {
                cap[r * nb + s] += 1.0;
            } else {
                cap[r.min(s) * nb + r.max(s)] += 1.0;
            }
        }
    }
    // (r, s, category, dyads) for r ≤ s.
    let mut pairs: Vec<(usize, usize, usize, f64)> = Vec::new();
    for r in 0..nb {
        for s in r..nb {
            let dyads = if r == s || !c.directed {
                cap[r * nb + s]
            } else {
                cap[r * nb + s] + cap[s * nb + r]
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
            cells.push((r as u32, s as u32, w * f, cap[r * nb + s]));
            cells.push((s as u32, r as u32, w * (1.0 - f), cap[s * nb + r]));
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

/// When the case has no isolate: every block `r` gets at least `n_r + 1`
/// tie ends in its cells (a tie within `r` gives two, a tie between blocks
/// one), so that each of its actors can have a tie and the isolate repair a
/// spare to move. Each missing end is one tie moved from the largest cell
/// not touching `r` whose blocks keep their own need into the heaviest cell
/// touching `r` with room; the need is capped by the room of `r`'s cells of
/// positive weight. A block whose cells the codebook leaves nearly empty
/// (a block of arenas, which cannot tie to each other, in a share whose hub
/// is itself an arena) is the case this reserves for: rounding and the
/// shares alone can give it fewer ties than it has actors.
fn cover_blocks(cells: &[(u32, u32, f64, f64)], counts: &mut [u64], size: &[f64]) {
    let nb = size.len();
    let ends = |counts: &[u64], r: u32| -> f64 {
        (0..cells.len())
            .map(|i| {
                let (a, b) = (cells[i].0, cells[i].1);
                counts[i] as f64 * (f64::from(u8::from(a == r)) + f64::from(u8::from(b == r)))
            })
            .sum()
    };
    let need: Vec<f64> = (0..nb as u32)
        .map(|r| {
            let room: f64 = (0..cells.len())
                .filter(|&i| cells[i].2 > 0.0 && (cells[i].0 == r || cells[i].1 == r))
                .map(|i| {
                    let twice = cells[i].0 == r && cells[i].1 == r;
                    cells[i].3 * if twice { 2.0 } else { 1.0 }
                })
                .sum();
            (size[r as usize] + 1.0).min(room)
        })
        .collect();
    for r in 0..nb as u32 {
        let touches = |i: usize| cells[i].0 == r || cells[i].1 == r;
        while ends(counts, r) < need[r as usize] {
            let target = (0..cells.len())
                .filter(|&i| touches(i) && cells[i].2 > 0.0 && (counts[i] as f64) < cells[i].3)
                .max_by(|&a, &b| cells[a].2.total_cmp(&cells[b].2).then(b.cmp(&a)));
            let keeps = |i: usize| {
                let (a, b) = (cells[i].0, cells[i].1);
                let mut less = counts.to_vec();
                less[i] -= 1;
                ends(&less, a) >= need[a as usize] && ends(&less, b) >= need[b as usize]
            };
            let donor = (0..cells.len())
                .filter(|&i| !touches(i) && counts[i] > 0 && keeps(i))
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

//! Drawing the cells of a plan, and the isolate repair.

use super::plan::{Case, PlantedPlan, bad};
use crate::error::Result;
use crate::random::{CoprodRng, below, unit};

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
pub(super) fn draw_cells(
    c: &Case,
    plan: &PlantedPlan,
    rng: &mut CoprodRng,
) -> Vec<Vec<(u32, u32)>> {
    let mem = members(plan);
    let mut out = Vec::with_capacity(plan.cells.len());
    for &(r, s, m) in &plan.cells {
        let mut keyed: Vec<(f64, (u32, u32))> = Vec::new();
        for &i in &mem[r as usize] {
            for &j in &mem[s as usize] {
                if i == j || (r == s && !c.directed && i > j) || !c.allows(i, j) {
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
pub(super) fn repair_isolates(
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
                .filter(|&u| {
                    let (a, b) = tie(u);
                    u as usize != v
                        && theta(u) > 0.0
                        && c.allows(a, b)
                        && !ties[ci].contains(&tie(u))
                })
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

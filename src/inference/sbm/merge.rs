//! Block merges of the search: merge proposals drawn as graph-tool's merge
//! sweep draws them, each scored from the block statistics, and a merge
//! level that takes the best from a lazily re-scored queue.

use super::minimize::Scratch;
use super::state::State;
use crate::random::{CoprodRng, below};

/// Move every member of `r` to `t`; returns the total change.
pub(super) fn merge(st: &mut State<'_>, r: u32, t: u32, sc: &mut Scratch) -> f64 {
    let nodes = st.members[r as usize].clone();
    let mut total = 0.0;
    for v in nodes {
        let v = v as usize;
        st.neighbor_blocks(v, &mut sc.nb);
        total += st.move_delta(v, &sc.nb, t, &mut sc.changes);
        let nb = sc.nb.clone();
        st.apply_move(v, &nb, t, &mut sc.changes);
    }
    total
}

/// The change of merging `r` into `t` (the state is left as it was).
pub(super) fn merge_delta(st: &State<'_>, r: u32, t: u32) -> f64 {
    st.merge_delta(r, t)
}

/// graph-tool's `c` of its move proposals (default 0.5): with probability
/// `c B / (e_t + c B)` a merge proposal is a random block instead of one
/// reached through block `t`'s edges.
const RANDOM_PROPOSAL_C: f64 = 0.5;

/// Merge partners proposed for block `r` by one draw, as graph-tool's merge
/// sweep proposes them: `v` a random member of `r`, `u` a random neighbour of
/// `v` in block `t`, and `x` the block at the far end of a random edge end of
/// `t` (probability `m_tx / e_t`), or, with probability `c B / (e_t + c B)`
/// ([`RANDOM_PROPOSAL_C`]), a uniformly random block. Both `t` and `x` are
/// proposed (when not `r`): `t` is adjacent to `r`, `x` shares a neighbour
/// block with it (the candidate a core–periphery or disassortative structure
/// needs), and a random block is what merges two communities that share no
/// edge and no neighbour (same-sized groups, each tied only to a hub, are one
/// block at the optimum). A member without neighbours proposes a random block.
fn propose_targets(st: &State<'_>, rng: &mut CoprodRng, r: u32, out: &mut Vec<u32>) {
    out.clear();
    let members = &st.members[r as usize];
    let v = members[below(rng, members.len() as u64) as usize] as usize;
    let g = st.g;
    let random_block = |rng: &mut CoprodRng| st.live_block(below(rng, st.blocks() as u64) as usize);
    let (outn, inn) = (g.out_neighbors(v), g.in_neighbors(v));
    let deg = outn.len() + inn.len();
    if deg == 0 {
        out.push(random_block(rng));
    } else {
        let i = below(rng, deg as u64) as usize;
        let u = if i < outn.len() {
            outn[i].0
        } else {
            inn[i - outn.len()].0
        };
        let t = st.b[u as usize];
        out.push(t);
        let cb = RANDOM_PROPOSAL_C * st.blocks() as f64;
        let p_random = cb / (st.edge_ends(t) as f64 + cb);
        if crate::random::unit(rng) < p_random {
            out.push(random_block(rng));
        } else if let Some(x) = st.far_block(t, crate::random::unit(rng)) {
            out.push(x);
        }
    }
    out.retain(|&x| x != r);
}

/// Best merge partner of each block, by its change.
pub(super) fn merge_candidates(
    st: &mut State<'_>,
    rng: &mut CoprodRng,
    proposals: usize,
) -> Vec<(f64, u32, u32)> {
    let blocks: Vec<u32> = (0..st.g.node_count() as u32)
        .filter(|&r| st.size(r) > 0)
        .collect();
    let mut out = Vec::new();
    let mut tried: Vec<u32> = Vec::new();
    let mut drawn: Vec<u32> = Vec::new();
    for r in blocks {
        tried.clear();
        let mut best: Option<(f64, u32)> = None;
        for round in 0..2 {
            for _ in 0..proposals {
                if round == 0 {
                    propose_targets(st, rng, r, &mut drawn);
                } else {
                    // No proposal left `r` (all its edges inside it): random
                    // blocks, as graph-tool falls back to.
                    let t = st.live_block(below(rng, st.blocks() as u64) as usize);
                    drawn.clear();
                    if t != r {
                        drawn.push(t);
                    }
                }
                for &t in &drawn {
                    if tried.contains(&t) {
                        continue;
                    }
                    tried.push(t);
                    let d = merge_delta(st, r, t);
                    if best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, t));
                    }
                }
            }
            if best.is_some() {
                break;
            }
        }
        if let Some((d, t)) = best {
            out.push((d, r, t));
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    out
}

/// A candidate merge in the queue of [`merge_level`]: least change first,
/// then by blocks (a total order, so the result does not depend on the heap).
#[derive(PartialEq)]
struct Queued(f64, u32, u32);

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Reversed: the std heap pops its greatest.
        other
            .0
            .total_cmp(&self.0)
            .then(other.1.cmp(&self.1))
            .then(other.2.cmp(&self.2))
    }
}

/// Merge the best pairs until `target` blocks remain: each block's best
/// partner among its proposals, taken from a queue by change; a popped pair
/// (relabelled to the blocks its members are now in) is re-scored and put
/// back when it is no longer better than the next in the queue (graph-tool's
/// lazy update). Rounds of proposals repeat while they reach `target` and
/// still merge something.
pub(super) fn merge_level(
    st: &mut State<'_>,
    rng: &mut CoprodRng,
    target: usize,
    proposals: usize,
    sc: &mut Scratch,
) {
    let n = st.g.node_count();
    let mut into: Vec<u32> = (0..n as u32).collect();
    let find = |into: &mut Vec<u32>, x: u32| {
        let mut root = x;
        while into[root as usize] != root {
            root = into[root as usize];
        }
        let mut y = x;
        while into[y as usize] != root {
            let next = into[y as usize];
            into[y as usize] = root;
            y = next;
        }
        root
    };
    while st.blocks() > target {
        let before = st.blocks();
        let mut queue: std::collections::BinaryHeap<Queued> = merge_candidates(st, rng, proposals)
            .into_iter()
            .map(|(d, r, t)| Queued(d, r, t))
            .collect();
        while st.blocks() > target {
            let Some(Queued(_, r, t)) = queue.pop() else {
                break;
            };
            let (r, t) = (find(&mut into, r), find(&mut into, t));
            if r == t {
                continue;
            }
            let d = merge_delta(st, r, t);
            if queue.peek().is_some_and(|next| d > next.0) {
                queue.push(Queued(d, r, t));
                continue;
            }
            // Move the smaller block's members (the same partition either way).
            let (from, to) = if st.size(r) < st.size(t) {
                (r, t)
            } else {
                (t, r)
            };
            merge(st, from, to, sc);
            into[from as usize] = to;
        }
        if st.blocks() == before {
            break;
        }
    }
}

//! A partition held with its block statistics, for moves whose change of
//! description length is computed from the blocks they touch.

use super::entropy::{
    DegreeDlKind, SbmOptions, block_term, description_length, edges_term, pair_term, relabel,
};
use super::graph::SbmGraph;
use super::special::{QTable, ln_binom, ln_factorial, q_table, xlogx};
use crate::error::{Error, Result};
use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// A fixed (not per-process random) hash, so iteration orders repeat across runs.
#[derive(Default, Clone, Copy)]
pub(crate) struct FixedHasher(u64);

impl Hasher for FixedHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Map<K> = HashMap<K, u64, BuildHasherDefault<FixedHasher>>;

/// Edges between `v` and one block `t`: `(t, out, in)` (undirected: `in` = 0).
pub(crate) type NeighborBlocks = Vec<(u32, u64, u64)>;

/// The partition and its block statistics.
pub(crate) struct State<'g> {
    pub(crate) g: &'g SbmGraph,
    opts: SbmOptions,
    q: Option<Arc<QTable>>,
    pub(crate) b: Vec<u32>,
    size: Vec<u64>,
    ep: Vec<u64>,
    em: Vec<u64>,
    /// `rows[r][s] = m_rs` (undirected: both `rows[r][s]` and `rows[s][r]`, the diagonal once).
    rows: Vec<Map<u32>>,
    /// Directed only: `cols[s][r] = m_rs`.
    cols: Vec<Map<u32>>,
    hist_out: Vec<Map<u64>>,
    hist_in: Vec<Map<u64>>,
    pub(crate) members: Vec<Vec<u32>>,
    pos: Vec<usize>,
    empty: BTreeSet<u32>,
    nonempty: usize,
    /// The non-empty blocks, in no particular order (`live_pos[r]` indexes `r` in it).
    live: Vec<u32>,
    live_pos: Vec<u32>,
    slot: Vec<u32>,
}

const NO_SLOT: u32 = u32::MAX;

impl<'g> State<'g> {
    /// The state of partition `b` (any labels; made contiguous).
    pub(crate) fn new(g: &'g SbmGraph, b: &[u32], opts: &SbmOptions) -> Result<State<'g>> {
        opts.check()?;
        if opts.dense {
            return Err(Error::InvalidParameter {
                name: "dense",
                reason: "the search moves nodes under the sparse adjacency term only; \
                         score a fixed partition with description_length for the dense one"
                    .into(),
            });
        }
        let (b, _) = relabel(g, b)?;
        let n = g.node_count();
        let q = (opts.degree_corrected
            && opts.degree_dl
            && opts.degree_dl_kind == DegreeDlKind::Distributed)
            .then(|| q_table(opts.partition_count, g.max_block_degree()));
        let mut s = State {
            g,
            opts: *opts,
            q,
            b: b.clone(),
            size: vec![0; n],
            ep: vec![0; n],
            em: vec![0; n],
            rows: vec![Map::default(); n],
            cols: if g.is_directed() {
                vec![Map::default(); n]
            } else {
                Vec::new()
            },
            hist_out: vec![Map::default(); n],
            hist_in: if g.is_directed() {
                vec![Map::default(); n]
            } else {
                Vec::new()
            },
            members: vec![Vec::new(); n],
            pos: vec![0; n],
            empty: BTreeSet::new(),
            nonempty: 0,
            live: Vec::new(),
            live_pos: vec![NO_SLOT; n],
            slot: vec![NO_SLOT; n],
        };
        for (v, &r) in b.iter().enumerate() {
            let r = r as usize;
            s.size[r] += 1;
            s.ep[r] += g.out_degree(v);
            s.em[r] += g.in_degree(v);
            *s.hist_out[r].entry(g.out_degree(v)).or_default() += 1;
            if g.is_directed() {
                *s.hist_in[r].entry(g.in_degree(v)).or_default() += 1;
            }
            s.pos[v] = s.members[r].len();
            s.members[r].push(v as u32);
        }
        for (r, rr, m) in super::entropy::block_pairs(g, &b) {
            s.add_pair(r, rr, m as i64);
        }
        s.nonempty = s.size.iter().filter(|&&x| x > 0).count();
        s.empty = (0..n as u32).filter(|&r| s.size[r as usize] == 0).collect();
        for r in (0..n as u32).filter(|&r| s.size[r as usize] > 0) {
            s.live_pos[r as usize] = s.live.len() as u32;
            s.live.push(r);
        }
        Ok(s)
    }

    /// Number of non-empty blocks.
    pub(crate) fn blocks(&self) -> usize {
        self.nonempty
    }

    /// Size of block `r`.
    pub(crate) fn size(&self, r: u32) -> u64 {
        self.size[r as usize]
    }

    /// The `i`-th non-empty block (`i < blocks()`), in an order that depends
    /// only on the history of moves (so on the seed).
    pub(crate) fn live_block(&self, i: usize) -> u32 {
        self.live[i]
    }

    /// Edge ends in block `r`: `e_r` (directed: `e_r⁺ + e_r⁻`).
    pub(crate) fn edge_ends(&self, r: u32) -> u64 {
        self.ep[r as usize] + self.em[r as usize]
    }

    /// The smallest empty block, if any.
    pub(crate) fn an_empty_block(&self) -> Option<u32> {
        self.empty.first().copied()
    }

    /// The full description length of the current partition.
    pub(crate) fn entropy(&self) -> f64 {
        description_length(self.g, &self.b, &self.opts)
            .map(|d| d.total)
            .unwrap_or(f64::NAN)
    }

    fn pair(&self, r: u32, s: u32) -> u64 {
        self.rows[r as usize].get(&s).copied().unwrap_or(0)
    }

    fn add_pair(&mut self, r: u32, s: u32, d: i64) {
        fn bump(map: &mut Map<u32>, key: u32, d: i64) {
            let e = map.entry(key).or_default();
            let v = (*e as i64 + d) as u64;
            if v == 0 {
                map.remove(&key);
            } else {
                *e = v;
            }
        }
        bump(&mut self.rows[r as usize], s, d);
        if self.g.is_directed() {
            bump(&mut self.cols[s as usize], r, d);
        } else if r != s {
            bump(&mut self.rows[s as usize], r, d);
        }
    }

    /// The blocks adjacent to `v` with the edge counts, sorted by block.
    pub(crate) fn neighbor_blocks(&mut self, v: usize, out: &mut NeighborBlocks) {
        out.clear();
        let g = self.g;
        for (list, is_out) in [(g.out_neighbors(v), true), (g.in_neighbors(v), false)] {
            for &(u, m) in list {
                let t = self.b[u as usize];
                let i = self.slot[t as usize];
                let i = if i == NO_SLOT {
                    self.slot[t as usize] = out.len() as u32;
                    out.push((t, 0, 0));
                    out.len() - 1
                } else {
                    i as usize
                };
                if is_out {
                    out[i].1 += m;
                } else {
                    out[i].2 += m;
                }
            }
        }
        for &(t, _, _) in out.iter() {
            self.slot[t as usize] = NO_SLOT;
        }
        out.sort_unstable_by_key(|x| x.0);
    }

    /// The pair changes `(r, s, δ)` of moving `v` (neighbours `nb`) from `r` to `s`.
    fn pair_changes(&self, v: usize, nb: &NeighborBlocks, s: u32, out: &mut Vec<(u32, u32, i64)>) {
        out.clear();
        let r = self.b[v];
        let l = self.g.loops(v) as i64;
        let find = |t: u32| {
            nb.binary_search_by_key(&t, |x| x.0)
                .map_or((0i64, 0i64), |i| (nb[i].1 as i64, nb[i].2 as i64))
        };
        let (out_r, in_r) = find(r);
        let (out_s, in_s) = find(s);
        if self.g.is_directed() {
            for &(t, o, i) in nb {
                if t == r || t == s {
                    continue;
                }
                let (o, i) = (o as i64, i as i64);
                out.extend([(r, t, -o), (s, t, o), (t, r, -i), (t, s, i)]);
            }
            out.extend([
                (r, r, -out_r - in_r - l),
                (s, s, out_s + in_s + l),
                (r, s, -out_s + in_r),
                (s, r, -in_s + out_r),
            ]);
        } else {
            for &(t, o, _) in nb {
                if t == r || t == s {
                    continue;
                }
                let o = o as i64;
                out.extend([(r.min(t), r.max(t), -o), (s.min(t), s.max(t), o)]);
            }
            out.extend([
                (r, r, -out_r - l),
                (s, s, out_s + l),
                (r.min(s), r.max(s), out_r - out_s),
            ]);
        }
        out.retain(|x| x.2 != 0);
    }

    /// The degree-prior term of one block, from its size, degree sums and
    /// the counts of `v`'s degrees in it (`η_out`, `η_in`) changed by `d`.
    fn degree_block(&self, r: u32, n: u64, ep: u64, em: u64) -> f64 {
        let sides = if self.g.is_directed() { 2.0 } else { 1.0 };
        match self.opts.degree_dl_kind {
            DegreeDlKind::Distributed => {
                let q = self.q.as_ref().expect("q table for the distributed prior");
                let _ = r;
                q.log_q(ep, n) + q.log_q(em, n) + sides * ln_factorial(n)
            }
            DegreeDlKind::Uniform => {
                if n == 0 {
                    0.0
                } else {
                    ln_binom(n + ep - 1, ep) + ln_binom(n + em - 1, em)
                }
            }
            DegreeDlKind::Entropy => sides * xlogx(n),
        }
    }

    /// `−Σ f(η)` part of the degree prior for one count.
    fn eta_term(&self, c: u64) -> f64 {
        match self.opts.degree_dl_kind {
            DegreeDlKind::Distributed => -ln_factorial(c),
            DegreeDlKind::Uniform => 0.0,
            DegreeDlKind::Entropy => -xlogx(c),
        }
    }

    /// The change of the description length if `v` moves to block `s`.
    pub(crate) fn move_delta(
        &self,
        v: usize,
        nb: &NeighborBlocks,
        s: u32,
        scratch: &mut Vec<(u32, u32, i64)>,
    ) -> f64 {
        let r = self.b[v];
        if r == s {
            return 0.0;
        }
        let g = self.g;
        let o = &self.opts;
        let directed = g.is_directed();
        let (ko, ki) = (g.out_degree(v), g.in_degree(v));
        let (ri, si) = (r as usize, s as usize);
        let mut adj = 0.0;
        if o.adjacency {
            self.pair_changes(v, nb, s, scratch);
            for &(a, c, d) in scratch.iter() {
                let m = self.pair(a, c);
                let m2 = (m as i64 + d) as u64;
                adj += pair_term(directed, a == c, m2, o.exact)
                    - pair_term(directed, a == c, m, o.exact);
            }
            let bt = |ep, em, n| block_term(directed, o.degree_corrected, o.exact, ep, em, n);
            adj += bt(self.ep[ri] - ko, self.em[ri] - ki, self.size[ri] - 1)
                - bt(self.ep[ri], self.em[ri], self.size[ri]);
            adj += bt(self.ep[si] + ko, self.em[si] + ki, self.size[si] + 1)
                - bt(self.ep[si], self.em[si], self.size[si]);
        }
        let b_old = self.nonempty;
        let b_new = b_old - usize::from(self.size[ri] == 1) + usize::from(self.size[si] == 0);
        let n = g.node_count() as u64;
        let mut dl = 0.0;
        if o.partition_dl {
            dl += ln_binom(n - 1, b_new as u64 - 1) - ln_binom(n - 1, b_old as u64 - 1);
            dl -= ln_factorial(self.size[ri] - 1) - ln_factorial(self.size[ri]);
            dl -= ln_factorial(self.size[si] + 1) - ln_factorial(self.size[si]);
        }
        if o.degree_corrected && o.degree_dl {
            dl += self.degree_block(r, self.size[ri] - 1, self.ep[ri] - ko, self.em[ri] - ki)
                - self.degree_block(r, self.size[ri], self.ep[ri], self.em[ri]);
            dl += self.degree_block(s, self.size[si] + 1, self.ep[si] + ko, self.em[si] + ki)
                - self.degree_block(s, self.size[si], self.ep[si], self.em[si]);
            let sides: &[(&Vec<Map<u64>>, u64)] = if directed {
                &[(&self.hist_out, ko), (&self.hist_in, ki)]
            } else {
                &[(&self.hist_out, ko)]
            };
            for &(h, k) in sides {
                let cr = h[ri].get(&k).copied().unwrap_or(0);
                let cs = h[si].get(&k).copied().unwrap_or(0);
                dl += self.eta_term(cr - 1) - self.eta_term(cr);
                dl += self.eta_term(cs + 1) - self.eta_term(cs);
            }
        }
        if o.edges_dl && b_new != b_old {
            let e = g.edge_count();
            dl += edges_term(directed, b_new, e) - edges_term(directed, b_old, e);
        }
        adj + o.beta_dl * dl
    }

    /// The change of the description length if every member of `r` moves to
    /// `s` (`r ≠ s`, both non-empty), from the block statistics alone:
    /// `O(|row r| + |histogram r|)` rather than one [`Self::move_delta`] per
    /// member. Equals the sum of those moves' changes (checked in the tests).
    pub(crate) fn merge_delta(&self, r: u32, s: u32) -> f64 {
        debug_assert!(r != s && self.size(r) > 0 && self.size(s) > 0);
        let g = self.g;
        let o = &self.opts;
        let directed = g.is_directed();
        let (ri, si) = (r as usize, s as usize);
        let pt = |diag: bool, m: u64| pair_term(directed, diag, m, o.exact);
        let mut adj = 0.0;
        if o.adjacency {
            // Pairs (r, x) and (s, x), x outside {r, s}, become (s, x).
            for (&x, &m_rx) in &self.rows[ri] {
                if x == r || x == s {
                    continue;
                }
                let m_sx = self.pair(s, x);
                adj += pt(false, m_rx + m_sx) - pt(false, m_rx) - pt(false, m_sx);
            }
            let (m_rr, m_ss, m_rs) = (self.pair(r, r), self.pair(s, s), self.pair(r, s));
            if directed {
                for (&x, &m_xr) in &self.cols[ri] {
                    if x == r || x == s {
                        continue;
                    }
                    let m_xs = self.cols[si].get(&x).copied().unwrap_or(0);
                    adj += pt(false, m_xr + m_xs) - pt(false, m_xr) - pt(false, m_xs);
                }
                let m_sr = self.pair(s, r);
                adj += pt(true, m_rr + m_ss + m_rs + m_sr)
                    - pt(true, m_rr)
                    - pt(true, m_ss)
                    - pt(false, m_rs)
                    - pt(false, m_sr);
            } else {
                adj += pt(true, m_rr + m_ss + m_rs)
                    - pt(true, m_rr)
                    - pt(true, m_ss)
                    - pt(false, m_rs);
            }
            let bt = |ep, em, n| block_term(directed, o.degree_corrected, o.exact, ep, em, n);
            adj += bt(
                self.ep[ri] + self.ep[si],
                self.em[ri] + self.em[si],
                self.size[ri] + self.size[si],
            ) - bt(self.ep[ri], self.em[ri], self.size[ri])
                - bt(self.ep[si], self.em[si], self.size[si]);
        }
        let b_old = self.nonempty as u64;
        let n = g.node_count() as u64;
        let (nr, ns) = (self.size[ri], self.size[si]);
        let mut dl = 0.0;
        if o.partition_dl {
            dl += ln_binom(n - 1, b_old - 2) - ln_binom(n - 1, b_old - 1);
            dl -= ln_factorial(nr + ns) - ln_factorial(nr) - ln_factorial(ns);
        }
        if o.degree_corrected && o.degree_dl {
            dl += self.degree_block(
                s,
                nr + ns,
                self.ep[ri] + self.ep[si],
                self.em[ri] + self.em[si],
            ) - self.degree_block(r, nr, self.ep[ri], self.em[ri])
                - self.degree_block(s, ns, self.ep[si], self.em[si]);
            let mut hists = vec![&self.hist_out];
            if directed {
                hists.push(&self.hist_in);
            }
            for h in hists {
                for (k, &cr) in &h[ri] {
                    let cs = h[si].get(k).copied().unwrap_or(0);
                    dl += self.eta_term(cr + cs) - self.eta_term(cr) - self.eta_term(cs);
                }
            }
        }
        if o.edges_dl {
            let e = g.edge_count();
            dl += edges_term(directed, b_old as usize - 1, e)
                - edges_term(directed, b_old as usize, e);
        }
        adj + o.beta_dl * dl
    }

    /// The block at the far end of a random edge end of block `t`: each block
    /// `x` with probability `m_tx / e_t` (the diagonal counted from both
    /// ends; directed: out- and in-edges). `u` is uniform in `[0, 1)`; `None`
    /// for a block without edges. `O(|row t|)`.
    pub(crate) fn far_block(&self, t: u32, u: f64) -> Option<u32> {
        let ti = t as usize;
        let directed = self.g.is_directed();
        let weight = |x: u32, m: u64| if !directed && x == t { 2 * m } else { m };
        let mut total: u64 = self.rows[ti].iter().map(|(&x, &m)| weight(x, m)).sum();
        if directed {
            total += self.cols[ti].values().sum::<u64>();
        }
        if total == 0 {
            return None;
        }
        let mut left = ((u * total as f64) as u64).min(total - 1);
        for (&x, &m) in &self.rows[ti] {
            let w = weight(x, m);
            if left < w {
                return Some(x);
            }
            left -= w;
        }
        if directed {
            for (&x, &m) in &self.cols[ti] {
                if left < m {
                    return Some(x);
                }
                left -= m;
            }
        }
        None
    }

    /// Move `v` to block `s` (its neighbour blocks `nb` as found before the move).
    pub(crate) fn apply_move(
        &mut self,
        v: usize,
        nb: &NeighborBlocks,
        s: u32,
        scratch: &mut Vec<(u32, u32, i64)>,
    ) {
        let r = self.b[v];
        if r == s {
            return;
        }
        self.pair_changes(v, nb, s, scratch);
        for &(a, c, d) in scratch.iter() {
            self.add_pair(a, c, d);
        }
        let g = self.g;
        let (ko, ki) = (g.out_degree(v), g.in_degree(v));
        let (ri, si) = (r as usize, s as usize);
        if self.size[si] == 0 {
            self.empty.remove(&s);
            self.nonempty += 1;
            self.live_pos[si] = self.live.len() as u32;
            self.live.push(s);
        }
        self.size[ri] -= 1;
        self.size[si] += 1;
        if self.size[ri] == 0 {
            self.empty.insert(r);
            self.nonempty -= 1;
            let p = self.live_pos[ri] as usize;
            let last = *self.live.last().expect("a live block");
            self.live.swap_remove(p);
            if last != r {
                self.live_pos[last as usize] = p as u32;
            }
            self.live_pos[ri] = NO_SLOT;
        }
        self.ep[ri] -= ko;
        self.ep[si] += ko;
        self.em[ri] -= ki;
        self.em[si] += ki;
        fn shift(h: &mut [Map<u64>], from: usize, to: usize, k: u64) {
            let c = h[from].get_mut(&k).expect("degree counted");
            *c -= 1;
            if *c == 0 {
                h[from].remove(&k);
            }
            *h[to].entry(k).or_default() += 1;
        }
        shift(&mut self.hist_out, ri, si, ko);
        if g.is_directed() {
            shift(&mut self.hist_in, ri, si, ki);
        }
        // Membership lists.
        let p = self.pos[v];
        let last = *self.members[ri].last().expect("member");
        self.members[ri].swap_remove(p);
        if last as usize != v {
            self.pos[last as usize] = p;
        }
        self.pos[v] = self.members[si].len();
        self.members[si].push(v as u32);
        self.b[v] = s;
    }
}

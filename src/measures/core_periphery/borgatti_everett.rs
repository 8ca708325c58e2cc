//! Borgatti–Everett discrete core–periphery model.

use crate::error::{Error, Result};
use crate::measures::Weights;
use crate::model::{Csr, NodeSet};
use crate::random::{rng, shuffle, unit};

/// What the ideal pattern says about ties between a core and a periphery node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffDiagonal {
    /// Core–periphery cells are left out of the correlation ("missing"):
    /// only core–core (ideal 1) and periphery–periphery (ideal 0) cells count,
    /// as Borgatti & Everett (1999) suggest when the density between core and
    /// periphery is not specified by the theory.
    #[default]
    Missing,
    /// Core–periphery cells are ideally tied (`δ = 1` when either end is in the
    /// core): Borgatti & Everett's pattern where the core is tied to everyone.
    Ties,
    /// Core–periphery cells are ideally empty (`δ = 1` only when both ends are
    /// in the core): a core that is a clique apart from everyone else.
    NoTies,
}

/// The core–periphery model to fit: the ideal pattern and the observed values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CorePeripheryModel {
    /// The ideal value of the core–periphery cells (default [`OffDiagonal::Missing`]).
    pub off_diagonal: OffDiagonal,
    /// The observed cell values: 0/1 (default) or the tie weights.
    pub entries: Weights,
}

/// Options of the seeded search of [`best_core`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoreSearch {
    /// Number of random starts (default 50).
    pub restarts: usize,
    /// Seed of the ChaCha8 generator ([`crate::random::rng`]) (default 0).
    pub seed: u64,
}

impl Default for CoreSearch {
    fn default() -> Self {
        CoreSearch {
            restarts: 50,
            seed: 0,
        }
    }
}

/// A core and its fit.
#[derive(Debug, Clone, PartialEq)]
pub struct CorePeriphery {
    /// The core's members.
    pub core: NodeSet,
    /// The fit (a correlation in `[-1, 1]`) of this core.
    pub fit: f64,
}

/// Running sums that give the fit of a core in `O(1)` and the change of one
/// node's side in `O(degree)`.
struct State {
    model: CorePeripheryModel,
    n: usize,
    /// Sum and sum of squares of the observed values over all off-diagonal cells.
    s: f64,
    q: f64,
    /// Same, over core–core and over periphery–periphery cells.
    s_cc: f64,
    q_cc: f64,
    s_pp: f64,
    q_pp: f64,
    c: usize,
    core: Vec<bool>,
    /// Per node: values (and squares) of its cells (both directions) with core
    /// nodes and with periphery nodes, itself excluded.
    to_c: Vec<(f64, f64)>,
    to_p: Vec<(f64, f64)>,
}

impl State {
    fn new(g: &Csr, model: CorePeripheryModel, core: Vec<bool>) -> State {
        let n = g.node_count();
        let mut st = State {
            model,
            n,
            s: 0.0,
            q: 0.0,
            s_cc: 0.0,
            q_cc: 0.0,
            s_pp: 0.0,
            q_pp: 0.0,
            c: core.iter().filter(|&&x| x).count(),
            core,
            to_c: vec![(0.0, 0.0); n],
            to_p: vec![(0.0, 0.0); n],
        };
        for (u, v, w) in g.arcs().filter(|&(u, v, _)| u != v) {
            let (u, v) = (u as usize, v as usize);
            let x = model.entries.value(w);
            st.s += x;
            st.q += x * x;
            match (st.core[u], st.core[v]) {
                (true, true) => {
                    st.s_cc += x;
                    st.q_cc += x * x;
                }
                (false, false) => {
                    st.s_pp += x;
                    st.q_pp += x * x;
                }
                _ => {}
            }
            // Cell (u, v) is a cell of u with v and of v with u.
            for (a, b) in [(u, v), (v, u)] {
                let t = if st.core[b] {
                    &mut st.to_c[a]
                } else {
                    &mut st.to_p[a]
                };
                t.0 += x;
                t.1 += x * x;
            }
        }
        st
    }

    /// The fit if the core had `c` nodes and these block sums.
    fn fit_of(&self, c: usize, s_cc: f64, q_cc: f64, s_pp: f64, q_pp: f64) -> Option<f64> {
        let n = self.n as f64;
        let (cf, pf) = (c as f64, (self.n - c) as f64);
        let (cc, pp) = (cf * (cf - 1.0), pf * (pf - 1.0));
        let (k, sx, sxx, sd, sxd) = match self.model.off_diagonal {
            OffDiagonal::Missing => (cc + pp, s_cc + s_pp, q_cc + q_pp, cc, s_cc),
            OffDiagonal::Ties => (
                n * (n - 1.0),
                self.s,
                self.q,
                n * (n - 1.0) - pp,
                self.s - s_pp,
            ),
            OffDiagonal::NoTies => (n * (n - 1.0), self.s, self.q, cc, s_cc),
        };
        // The ideal values are 0/1, so sum of squares = sum.
        let vx = k * sxx - sx * sx;
        let vd = k * sd - sd * sd;
        if vx <= 1e-12 * k * sxx.max(1.0) || vd <= 0.0 {
            return None;
        }
        Some(((k * sxd - sx * sd) / (vx * vd).sqrt()).clamp(-1.0, 1.0))
    }

    fn fit(&self) -> Option<f64> {
        self.fit_of(self.c, self.s_cc, self.q_cc, self.s_pp, self.q_pp)
    }

    /// The fit after moving `v` to the other side.
    fn fit_flipped(&self, v: usize) -> Option<f64> {
        let (tc, tp) = (self.to_c[v], self.to_p[v]);
        if self.core[v] {
            self.fit_of(
                self.c - 1,
                self.s_cc - tc.0,
                self.q_cc - tc.1,
                self.s_pp + tp.0,
                self.q_pp + tp.1,
            )
        } else {
            self.fit_of(
                self.c + 1,
                self.s_cc + tc.0,
                self.q_cc + tc.1,
                self.s_pp - tp.0,
                self.q_pp - tp.1,
            )
        }
    }

    fn flip(&mut self, g: &Csr, v: usize) {
        let (tc, tp) = (self.to_c[v], self.to_p[v]);
        let to_core = !self.core[v];
        if to_core {
            self.s_cc += tc.0;
            self.q_cc += tc.1;
            self.s_pp -= tp.0;
            self.q_pp -= tp.1;
            self.c += 1;
        } else {
            self.s_cc -= tc.0;
            self.q_cc -= tc.1;
            self.s_pp += tp.0;
            self.q_pp += tp.1;
            self.c -= 1;
        }
        self.core[v] = to_core;
        // Every cell (v, j) and (j, v) moves between j's core and periphery sums.
        // For an undirected graph the in-lists are the out-lists: both cells.
        let rows = [
            (g.out_neighbors(v), g.out_weights(v)),
            (g.in_neighbors(v), g.in_weights(v)),
        ];
        for (nb, ws) in rows {
            for (&j, &w) in nb.iter().zip(ws) {
                let j = j as usize;
                if j == v {
                    continue;
                }
                let x = self.model.entries.value(w);
                let (from, to) = if to_core {
                    (&mut self.to_p[j], 0)
                } else {
                    (&mut self.to_c[j], 1)
                };
                from.0 -= x;
                from.1 -= x * x;
                let t = if to == 0 {
                    &mut self.to_c[j]
                } else {
                    &mut self.to_p[j]
                };
                t.0 += x;
                t.1 += x * x;
            }
        }
    }
}

/// The fit of a given core: the correlation between the observed adjacency
/// matrix and the ideal core–periphery pattern.
///
/// ```text
/// fit(C) = corr( a_ij , δ_ij )   over the cells (i, j), i != j, that the pattern defines
///
/// δ_ij = 1                  if i ∈ C and j ∈ C          (core–core)
/// δ_ij = 0                  if i ∉ C and j ∉ C          (periphery–periphery)
/// δ_ij = missing | 1 | 0    otherwise, per OffDiagonal  (core–periphery)
/// ```
///
/// `a_ij` is 1 if the tie `i → j` exists ([`Weights::Ignore`]) or its weight
/// ([`Weights::Strength`]), 0 otherwise; `corr` is Pearson's correlation over
/// the cells. The **diagonal** (`i = j`, self-loops) is always left out. A
/// **directed** graph uses all ordered pairs `i != j`; an **undirected** graph
/// uses every pair in both orders, which gives the same correlation as the
/// upper triangle alone. This is Borgatti & Everett's correlation fitness
/// (also used by UCINET's categorical core/periphery routine); no open tool
/// ships it, so the tests check it against hand-computed fixtures.
///
/// `core` is the core's node set. Edge cases: `None` when the correlation is
/// undefined — the pattern is constant over the cells used (an empty core, an
/// all-core graph, or with [`OffDiagonal::Missing`] a core or periphery of
/// fewer than two nodes that leaves only one kind of cell), or the observed
/// values are (no ties at all, or every cell tied).
///
/// Complexity: `O(n + m)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr, NodeSet};
/// use coprod::measures::core_periphery::{core_periphery_fit, CorePeripheryModel};
/// // a triangle 0-1-2 with pendants 3 (on 0) and 4 (on 1): core {0, 1, 2}
/// let e = [(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (0, 3, 1.0), (1, 4, 1.0)];
/// let g = Csr::from_edges(5, false, &e, Aggregation::Sum);
/// let core = NodeSet::new(5, [0, 1, 2]).unwrap();
/// let fit = core_periphery_fit(&g, &core, &CorePeripheryModel::default()).unwrap();
/// // every core–core cell tied, the periphery–periphery cells (3,4), (4,3) empty
/// assert_eq!(fit, Some(1.0));
/// ```
///
/// References: Borgatti & Everett (1999), *Models of core/periphery
/// structures*, Social Networks 21(4), 375–395, DOI 10.1016/S0378-8733(99)00019-2.
///
/// # Errors
/// [`Error::SizeMismatch`] for a core set built for another number of nodes.
pub fn core_periphery_fit(
    g: &Csr,
    core: &NodeSet,
    model: &CorePeripheryModel,
) -> Result<Option<f64>> {
    core.check(g.node_count())?;
    Ok(State::new(g, *model, core.mask().to_vec()).fit())
}

/// The core that best fits the discrete core–periphery model, by a seeded
/// multi-start local search.
///
/// The search maximises [`core_periphery_fit`]. For each of
/// [`CoreSearch::restarts`] starts it draws a random core (an inclusion
/// probability `q` uniform in `[0, 1)`, then each node in with probability
/// `q`, so that starts of every core size occur), then climbs until no single
/// move (one node to the other side) raises the fit:
///
/// * on graphs of at most 1,000 nodes by steepest ascent (move the node whose
///   move raises the fit most), and at a local optimum it also tries moves of
///   two nodes at once (a swap between core and periphery, or two nodes to
///   the same side), climbing on after each improvement;
/// * on larger graphs by sweeps over the nodes in a random order that move a
///   node whenever that raises the fit.
///
/// The best core over all starts is returned; a later start replaces it only
/// if its fit is higher by more than `1e-12`. All randomness comes from
/// [`crate::random::rng`]`(seed)`, so the same graph, model and search give
/// the same answer on every machine.
/// Local search is a heuristic; on graphs of up to 10 nodes the tests check
/// that it reaches the fit of [`best_core_exhaustive`].
///
/// Edge cases: `None` when no core has a defined fit (fewer than two nodes, no
/// ties).
///
/// Complexity: `O(restarts · sweeps · (n + m))`, each move `O(degree)` and each
/// candidate move `O(1)`; in practice a few sweeps per start; plus
/// `O(n (n + m))` per pair-move pass on graphs of at most 1,000 nodes.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::core_periphery::{best_core, CorePeripheryModel, CoreSearch};
/// // a 4-clique {0, 1, 2, 3}, each with a pendant: 4, 5, 6, 7
/// let mut e = vec![];
/// for u in 0..4 { for v in u + 1..4 { e.push((u, v, 1.0)); } }
/// e.extend([(0, 4, 1.0), (1, 5, 1.0), (2, 6, 1.0), (3, 7, 1.0)]);
/// let g = Csr::from_edges(8, false, &e, Aggregation::Sum);
/// let best = best_core(&g, &CorePeripheryModel::default(), &CoreSearch::default()).unwrap().unwrap();
/// assert_eq!(best.core.members(), [0, 1, 2, 3]);
/// assert_eq!(best.fit, 1.0);
/// ```
///
/// References: Borgatti & Everett (1999), DOI 10.1016/S0378-8733(99)00019-2
/// (who search with a genetic algorithm).
///
/// # Errors
/// [`Error::InvalidParameter`] (`restarts`) if `restarts == 0`, whatever the
/// graph.
pub fn best_core(
    g: &Csr,
    model: &CorePeripheryModel,
    search: &CoreSearch,
) -> Result<Option<CorePeriphery>> {
    if search.restarts == 0 {
        return Err(Error::InvalidParameter {
            name: "restarts",
            reason: "0; the search needs at least one start".into(),
        });
    }
    let n = g.node_count();
    if n < 2 {
        return Ok(None);
    }
    let mut best: Option<(f64, Vec<bool>)> = None;
    for (cur, core) in local_optima(g, model, search) {
        if cur > best.as_ref().map_or(f64::NEG_INFINITY, |b| b.0 + 1e-12) {
            best = Some((cur, core));
        }
    }
    finish(g, model, best)
}

/// The local optimum each start of the search of [`best_core`] climbs to, in
/// start order: `(fit as summed incrementally, core mask)`. The one loop both
/// [`best_core`] and [`tied_cores`] read, so they see the same optima.
fn local_optima(g: &Csr, model: &CorePeripheryModel, search: &CoreSearch) -> Vec<(f64, Vec<bool>)> {
    let n = g.node_count();
    let mut r = rng(search.seed);
    let mut out = Vec::with_capacity(search.restarts);
    let mut order: Vec<usize> = (0..n).collect();
    for _ in 0..search.restarts {
        // Starts of every size: an inclusion probability drawn per start.
        let q = unit(&mut r);
        let start: Vec<bool> = (0..n).map(|_| unit(&mut r) < q).collect();
        let mut st = State::new(g, *model, start);
        let mut cur = st.fit().unwrap_or(f64::NEG_INFINITY);
        loop {
            shuffle(&mut r, &mut order);
            let mut moved = false;
            if n <= PAIR_MOVES_UP_TO {
                // Steepest ascent: the best single move (first in sweep order on ties).
                let mut pick: Option<(f64, usize)> = None;
                for &v in &order {
                    if let Some(f) = st.fit_flipped(v)
                        && f > pick.map_or(cur, |p| p.0) + 1e-12
                    {
                        pick = Some((f, v));
                    }
                }
                if let Some((f, v)) = pick {
                    st.flip(g, v);
                    cur = f;
                    continue;
                }
            }
            for &v in order.iter().filter(|_| n > PAIR_MOVES_UP_TO) {
                if let Some(f) = st.fit_flipped(v)
                    && f > cur + 1e-12
                {
                    st.flip(g, v);
                    cur = f;
                    moved = true;
                }
            }
            if !moved && n <= PAIR_MOVES_UP_TO {
                moved = pair_move(g, &mut st, &mut cur);
            }
            if !moved {
                break;
            }
        }
        out.push((cur, st.core));
    }
    out
}

/// Every distinct core the seeded search of [`best_core`] ends at whose fit
/// is within `tolerance` of the best one: the optimum is often not unique.
///
/// ```text
/// T = { C : C is the local optimum of some start, fit(C) ≥ fit* − tolerance }
/// fit* = max fit over the starts' optima
/// ```
/// Fits are recomputed from scratch ([`core_periphery_fit`]) before they are
/// compared. Each [`TiedCore`] also counts the starts that reached it. The
/// list is sorted by fit (highest first), then by members (ascending, as
/// sorted integer lists), so it does not depend on the order the starts found
/// them. Its first element is [`best_core`]'s answer when no other core is
/// within `1e-12` of it; otherwise `best_core` returns the tied core its
/// earliest start reached, which this list may put second (same fit, later in
/// member order). `best_core`'s own results are unchanged by this function.
///
/// A core found by no start is not listed: the list is what the search saw
/// (with 50 starts on a case of tens of actors, the ties a search misses are
/// rare; raise [`CoreSearch::restarts`] to look harder).
///
/// Edge cases: empty when [`best_core`] gives `None` (fewer than two nodes,
/// no ties).
///
/// Complexity: that of [`best_core`], plus `O(restarts · (n + m))` for the fits.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::core_periphery::{best_core, tied_cores, CorePeripheryModel, CoreSearch};
/// // a 4-clique {0, 1, 2, 3}, each with a pendant: one perfect core
/// let mut e = vec![];
/// for u in 0..4 { for v in u + 1..4 { e.push((u, v, 1.0)); } }
/// e.extend([(0, 4, 1.0), (1, 5, 1.0), (2, 6, 1.0), (3, 7, 1.0)]);
/// let g = Csr::from_edges(8, false, &e, Aggregation::Sum);
/// let (model, search) = (CorePeripheryModel::default(), CoreSearch::default());
/// let t = tied_cores(&g, &model, &search, 1e-9).unwrap();
/// assert_eq!(t.len(), 1);
/// assert_eq!(t[0].core, best_core(&g, &model, &search).unwrap().unwrap().core);
/// assert_eq!(t[0].fit, 1.0);
/// assert!(t[0].starts >= 1);
/// ```
///
/// References: Borgatti & Everett (1999), DOI 10.1016/S0378-8733(99)00019-2.
///
/// # Errors
/// [`Error::InvalidParameter`] (`restarts`) if `restarts == 0`;
/// [`Error::InvalidParameter`] (`tolerance`) for a negative or non-finite tolerance.
pub fn tied_cores(
    g: &Csr,
    model: &CorePeripheryModel,
    search: &CoreSearch,
    tolerance: f64,
) -> Result<Vec<TiedCore>> {
    if search.restarts == 0 {
        return Err(Error::InvalidParameter {
            name: "restarts",
            reason: "0; the search needs at least one start".into(),
        });
    }
    if !(tolerance.is_finite() && tolerance >= 0.0) {
        return Err(Error::InvalidParameter {
            name: "tolerance",
            reason: format!("{tolerance}; it must be a finite number >= 0"),
        });
    }
    if g.node_count() < 2 {
        return Ok(Vec::new());
    }
    let mut seen: Vec<TiedCore> = Vec::new();
    for (_, mask) in local_optima(g, model, search) {
        let core = NodeSet::from_mask(mask);
        if let Some(t) = seen.iter_mut().find(|t| t.core == core) {
            t.starts += 1;
            continue;
        }
        if let Some(fit) = core_periphery_fit(g, &core, model)? {
            seen.push(TiedCore {
                core,
                fit,
                starts: 1,
            });
        }
    }
    let best = seen.iter().map(|t| t.fit).fold(f64::NEG_INFINITY, f64::max);
    seen.retain(|t| t.fit >= best - tolerance);
    seen.sort_by(|a, b| {
        b.fit
            .total_cmp(&a.fit)
            .then_with(|| a.core.members().cmp(b.core.members()))
    });
    Ok(seen)
}

/// One core of [`tied_cores`].
#[derive(Debug, Clone, PartialEq)]
pub struct TiedCore {
    /// The core's members.
    pub core: NodeSet,
    /// Its fit, recomputed from scratch.
    pub fit: f64,
    /// How many starts of the search ended at it.
    pub starts: usize,
}

/// The best core by trying every one of the `2^n` subsets (ties to the
/// first subset in binary-counting order, node 0 the lowest bit).
///
/// The reference the search is tested against.
///
/// Complexity: `O(2^n (n + m))`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::core_periphery::{best_core_exhaustive, CorePeripheryModel};
/// let e = [(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (0, 3, 1.0), (1, 4, 1.0)];
/// let g = Csr::from_edges(5, false, &e, Aggregation::Sum);
/// let best = best_core_exhaustive(&g, &CorePeripheryModel::default()).unwrap().unwrap();
/// assert_eq!(best.fit, 1.0);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] (`graph`) for a graph of more than 24 nodes.
pub fn best_core_exhaustive(g: &Csr, model: &CorePeripheryModel) -> Result<Option<CorePeriphery>> {
    let n = g.node_count();
    if n > 24 {
        return Err(Error::InvalidParameter {
            name: "graph",
            reason: format!("{n} nodes; the exhaustive core search takes at most 24"),
        });
    }
    let mut best: Option<(f64, Vec<bool>)> = None;
    for mask in 0u32..(1u32 << n) {
        let core: Vec<bool> = (0..n).map(|u| mask >> u & 1 == 1).collect();
        if let Some(f) = State::new(g, *model, core.clone()).fit()
            && f > best.as_ref().map_or(f64::NEG_INFINITY, |b| b.0 + 1e-12)
        {
            best = Some((f, core));
        }
    }
    finish(g, model, best)
}

/// Graphs up to this size also try moves of two nodes at a local optimum.
const PAIR_MOVES_UP_TO: usize = 1000;

/// Try every move of two nodes (a swap between core and periphery, or two
/// nodes to the same side); apply the first that raises the fit.
fn pair_move(g: &Csr, st: &mut State, cur: &mut f64) -> bool {
    let n = st.n;
    for u in 0..n {
        st.flip(g, u);
        for v in u + 1..n {
            if let Some(f) = st.fit_flipped(v)
                && f > *cur + 1e-12
            {
                st.flip(g, v);
                *cur = f;
                return true;
            }
        }
        st.flip(g, u);
    }
    false
}

/// Recompute the winner's fit from scratch (no drift from incremental sums).
fn finish(
    g: &Csr,
    model: &CorePeripheryModel,
    best: Option<(f64, Vec<bool>)>,
) -> Result<Option<CorePeriphery>> {
    match best {
        Some((f, core)) if f.is_finite() => {
            let core = NodeSet::from_mask(core);
            let fit = core_periphery_fit(g, &core, model)?.unwrap_or(f);
            Ok(Some(CorePeriphery { core, fit }))
        }
        _ => Ok(None),
    }
}

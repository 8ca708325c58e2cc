//! Burt's structural holes: effective size, efficiency, constraint and local
//! constraint, equal to NetworkX's `structuralholes` module.
//!
//! All four read the graph through *mutual weights* (NetworkX's convention):
//!
//! ```text
//! a_uv  = weight of the arc u → v (1 when unweighted), 0 if absent;
//!         an undirected edge is an arc both ways, a self-loop one arc u → u
//! M_uv  = a_uv + a_vu                       mutual weight (M_uu = 2 a_uu)
//! N(u)  = { v : M_uv ≠ 0 }                  contacts: in- and out-neighbours
//!                                           (u itself if it has a self-loop)
//! S_u   = Σ_v M_uv,   p_uv = M_uv / S_u     proportional tie strength
//! m_uv  = M_uv / max_w M_uw                 tie strength relative to the strongest
//! ```

use super::gould_fernandez::CENSUS_PARALLEL_MIN_NODES;
use crate::measures::Weights;
use crate::measures::parallel::map_sources;
use crate::model::Csr;

/// Options of the structural-holes measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StructuralHolesOptions {
    /// Whether to use tie weights.
    pub weight: Weights,
    /// Sequential or parallel over egos (identical results); `Auto` switches
    /// at [`CENSUS_PARALLEL_MIN_NODES`].
    pub parallelism: crate::measures::Parallelism,
}

impl StructuralHolesOptions {
    fn parallel(&self, n: usize) -> bool {
        self.parallelism.enabled_from(n, CENSUS_PARALLEL_MIN_NODES)
    }
}

/// The symmetric mutual-weight graph: contacts of each node with `M_uv`.
pub(crate) struct Mutual {
    off: Vec<usize>,
    nbr: Vec<u32>,
    m: Vec<f64>,
    /// `S_u`.
    pub(crate) sum: Vec<f64>,
    /// `max_w M_uw`.
    max: Vec<f64>,
    /// Whether per-node loops run in parallel (default: above the size threshold).
    pub(crate) parallel: bool,
}

impl Mutual {
    pub(crate) fn new(g: &Csr, weight: Weights, parallel: bool) -> Mutual {
        let n = g.node_count();
        let w = |x: f64| match weight {
            Weights::Ignore => 1.0,
            Weights::Strength => x,
        };
        let mut off = Vec::with_capacity(n + 1);
        off.push(0);
        let mut nbr = Vec::with_capacity(2 * g.edge_count());
        let mut m = Vec::with_capacity(2 * g.edge_count());
        for u in 0..n {
            let (on, ow) = (g.out_neighbors(u), g.out_weights(u));
            if g.is_directed() {
                // Merge the sorted out- and in-rows.
                let (inn, iw) = (g.in_neighbors(u), g.in_weights(u));
                let (mut a, mut b) = (0, 0);
                while a < on.len() || b < inn.len() {
                    let va = on.get(a).copied().unwrap_or(u32::MAX);
                    let vb = inn.get(b).copied().unwrap_or(u32::MAX);
                    let (v, x) = if va < vb {
                        a += 1;
                        (va, w(ow[a - 1]))
                    } else if vb < va {
                        b += 1;
                        (vb, w(iw[b - 1]))
                    } else {
                        a += 1;
                        b += 1;
                        (va, w(ow[a - 1]) + w(iw[b - 1]))
                    };
                    nbr.push(v);
                    m.push(x);
                }
            } else {
                for (&v, &x) in on.iter().zip(ow) {
                    nbr.push(v);
                    m.push(2.0 * w(x));
                }
            }
            off.push(nbr.len());
        }
        let sum = (0..n).map(|u| m[off[u]..off[u + 1]].iter().sum()).collect();
        let max = (0..n)
            .map(|u| {
                m[off[u]..off[u + 1]]
                    .iter()
                    .copied()
                    .fold(f64::NEG_INFINITY, f64::max)
            })
            .collect();
        Mutual {
            off,
            nbr,
            m,
            sum,
            max,
            parallel,
        }
    }

    /// Contacts of `u` and their mutual weights.
    #[inline]
    pub(crate) fn row(&self, u: usize) -> (&[u32], &[f64]) {
        let r = self.off[u]..self.off[u + 1];
        (&self.nbr[r.clone()], &self.m[r])
    }

    /// Whether `u` has a contact other than itself.
    fn has_alter(&self, u: usize) -> bool {
        self.row(u).0.iter().any(|&v| v as usize != u)
    }

    /// Per-node map, run in parallel above the threshold with one `p_u` buffer per thread.
    fn per_node<T: Send>(&self, f: impl Fn(usize, &mut [f64]) -> T + Sync) -> Vec<T> {
        let n = self.sum.len();
        map_sources(n, self.parallel, || vec![0.0; n], |buf, u| f(u, buf))
    }

    /// Scatter `p_uw` into `buf` (caller clears it with [`Mutual::clear`]).
    #[inline]
    fn scatter(&self, u: usize, buf: &mut [f64]) {
        let (nb, m) = self.row(u);
        for (&w, &x) in nb.iter().zip(m) {
            buf[w as usize] = x / self.sum[u];
        }
    }

    #[inline]
    fn clear(&self, u: usize, buf: &mut [f64]) {
        for &w in self.row(u).0 {
            buf[w as usize] = 0.0;
        }
    }

    /// `(p_uv + Σ_w p_uw p_wv)²` for every contact `v` of `u`, with `p_u` in `buf`.
    fn local_row<'a>(&'a self, u: usize, buf: &'a [f64]) -> impl Iterator<Item = f64> + 'a {
        let (nb, m) = self.row(u);
        nb.iter().zip(m).map(move |(&v, &x)| {
            let v = v as usize;
            let (nv, mv) = self.row(v);
            // p_wv = M_vw / S_w (M is symmetric).
            let indirect: f64 = nv
                .iter()
                .zip(mv)
                .map(|(&w, &y)| buf[w as usize] * y / self.sum[w as usize])
                .sum();
            let direct = x / self.sum[u];
            (direct + indirect) * (direct + indirect)
        })
    }
}

/// Burt's effective size of every node's ego network.
///
/// ```text
/// e(u) = Σ_{v ∈ N(u), M_uv > 0} ( 1 − Σ_w p_uw M_vw / max_x M_wx )
/// ```
/// (symbols in the [module docs](self)); for an unweighted undirected graph this
/// is Borgatti's `n − 2t/n` (`n` contacts, `t` ties among them).
///
/// Equals `networkx.effective_size(G, weight=None | "weight")` (NetworkX 3.6,
/// the sparse-matrix code path taken when `nodes=None` and SciPy is
/// installed), for directed and undirected graphs: contacts are in- and
/// out-neighbours, directed ties are mutual weights. A self-loop makes `u`
/// its own contact, as in NetworkX.
///
/// **Convention.** Burt's redundancy divides `M_vw` by the strongest tie of
/// `v` (`m_vw` of the module docs), and so does NetworkX's per-node path
/// (`effective_size(G, nodes=[...])`); NetworkX's default matrix path
/// broadcasts the row maxima along the other axis and divides by the
/// strongest tie of `w`. We follow the default path (what
/// `nx.effective_size(G)` returns). The two agree whenever every mutual weight
/// of a node equals its maximum (an unweighted undirected graph), and can
/// differ on directed graphs with some reciprocated ties or on weighted graphs.
///
/// # Edge cases
/// `NaN` for a node without a contact other than itself (isolate or only a
/// self-loop), as NetworkX.
///
/// # Complexity
/// `O(Σ_u Σ_{v ∈ N(u)} |N(v)|)` time, `O(n + m)` memory; parallel over nodes
/// above 2048 nodes.
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{effective_size, StructuralHolesOptions};
/// use coprod::model::{Aggregation, Csr};
/// // A star 0-{1,2,3} plus the tie 1-2: 3 contacts, 1 tie among them → 3 − 2/3.
/// let g = Csr::from_edges(4, false, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (1, 2, 1.0)],
///                         Aggregation::Sum);
/// let e = effective_size(&g, &StructuralHolesOptions::default());
/// assert!((e[0] - (3.0 - 2.0 / 3.0)).abs() < 1e-12);
/// ```
///
/// # References
/// Burt, R. S. (1992). *Structural Holes: The Social Structure of
/// Competition.* Harvard University Press.
/// Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy
/// measures. *Connections* 20(1), 35–38.
pub fn effective_size(graph: &Csr, options: &StructuralHolesOptions) -> Vec<f64> {
    effective_size_of(&Mutual::new(
        graph,
        options.weight,
        options.parallel(graph.node_count()),
    ))
}

pub(crate) fn effective_size_of(mu: &Mutual) -> Vec<f64> {
    mu.per_node(|u, buf| {
        if !mu.has_alter(u) {
            return f64::NAN;
        }
        mu.scatter(u, buf);
        let (nb, m) = mu.row(u);
        let mut e = 0.0;
        for (&v, &x) in nb.iter().zip(m) {
            if x <= 0.0 {
                continue;
            }
            let v = v as usize;
            let (nv, mv) = mu.row(v);
            let r: f64 = nv
                .iter()
                .zip(mv)
                .map(|(&w, &y)| buf[w as usize] * y / mu.max[w as usize])
                .sum();
            e += 1.0 - r;
        }
        mu.clear(u, buf);
        e
    })
}

/// Burt's efficiency: effective size divided by the number of contacts.
///
/// ```text
/// efficiency(u) = e(u) / |N(u) \ {u}|
/// ```
/// Equals `networkx.effective_size(G)[u] / len(set(nx.all_neighbors(G, u)))`,
/// the efficiency of NetworkX's documentation (for a graph without self-loops
/// `len(all_neighbors)` is the number of distinct in- or out-neighbours; NetworkX's
/// docs divide by `G.degree(u)`, which is the same on a simple undirected graph
/// but counts a reciprocated directed pair twice; we count contacts).
/// `NaN` where the effective size is `NaN`. Values lie in `[0, 1]` for an
/// unweighted graph. Same cost as [`effective_size`].
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{efficiency, StructuralHolesOptions};
/// use coprod::model::{Aggregation, Csr};
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(efficiency(&g, &StructuralHolesOptions::default())[0], 1.0);
/// ```
pub fn efficiency(graph: &Csr, options: &StructuralHolesOptions) -> Vec<f64> {
    let es = effective_size(graph, options);
    let mu = Mutual::new(graph, options.weight, options.parallel(graph.node_count()));
    es.iter()
        .enumerate()
        .map(|(u, &e)| {
            let k = mu.row(u).0.iter().filter(|&&v| v as usize != u).count();
            e / k as f64
        })
        .collect()
}

/// Burt's constraint of every node.
///
/// ```text
/// c(u)    = Σ_{v ∈ N(u), p_uv > 0} ℓ(u, v)
/// ℓ(u, v) = ( p_uv + Σ_w p_uw p_wv )²          local constraint
/// ```
/// Equals `networkx.constraint(G, weight=None | "weight")` (NetworkX 3.6,
/// matrix code path), directed or undirected, contacts and mutual weights as
/// in the [module docs](self).
///
/// # Edge cases
/// `NaN` where NetworkX's matrix path gives it: `S_u − 2 p_uu = 0`, i.e. an
/// isolate, or (its quirk) a node whose only tie is a self-loop of weight 1.
///
/// # Complexity
/// As [`effective_size`].
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{constraint, StructuralHolesOptions};
/// use coprod::model::{Aggregation, Csr};
/// // A star with two leaves: each tie costs (1/2)², so c(0) = 1/2; a leaf has c = 1.
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// let c = constraint(&g, &StructuralHolesOptions::default());
/// assert_eq!(c, vec![0.5, 1.0, 1.0]);
/// ```
///
/// # References
/// Burt, R. S. (2004). Structural holes and good ideas. *American Journal of
/// Sociology* 110(2), 349–399. <https://doi.org/10.1086/421787>
pub fn constraint(graph: &Csr, options: &StructuralHolesOptions) -> Vec<f64> {
    constraint_of(&Mutual::new(
        graph,
        options.weight,
        options.parallel(graph.node_count()),
    ))
}

pub(crate) fn constraint_of(mu: &Mutual) -> Vec<f64> {
    mu.per_node(|u, buf| {
        let s = mu.sum[u];
        let (nb, m) = mu.row(u);
        let self_m = nb.binary_search(&(u as u32)).map_or(0.0, |i| m[i]);
        if s == 0.0 || s - 2.0 * (self_m / s) == 0.0 {
            return f64::NAN;
        }
        mu.scatter(u, buf);
        let c = mu
            .local_row(u, buf)
            .zip(m)
            .filter(|&(_, &x)| x > 0.0)
            .map(|(l, _)| l)
            .sum();
        mu.clear(u, buf);
        c
    })
}

/// The local constraint of `u` with respect to `v`.
///
/// ```text
/// ℓ(u, v) = ( p_uv + Σ_w p_uw p_wv )²
/// ```
/// Equals `networkx.local_constraint(G, u, v, weight=None | "weight")`; 0 when
/// `u` has no contacts. Defined for any pair (not only contacts), as NetworkX.
///
/// # Complexity
/// `O(n + m)` (builds the mutual-weight graph); use [`local_constraints`] for
/// every contact at once.
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{local_constraint, StructuralHolesOptions};
/// use coprod::model::{Aggregation, Csr};
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// assert_eq!(local_constraint(&g, 0, 1, &StructuralHolesOptions::default()), 0.25);
/// ```
///
/// # Panics
/// If `u` or `v` is not a node.
pub fn local_constraint(graph: &Csr, u: usize, v: usize, options: &StructuralHolesOptions) -> f64 {
    let n = graph.node_count();
    assert!(u < n && v < n, "node out of range");
    let mu = Mutual::new(graph, options.weight, options.parallel(graph.node_count()));
    let p = |a: usize, b: usize| {
        let (nb, m) = mu.row(a);
        nb.binary_search(&(b as u32))
            .map_or(0.0, |i| m[i] / mu.sum[a])
    };
    let direct = p(u, v);
    let indirect: f64 = mu
        .row(u)
        .0
        .iter()
        .map(|&w| p(u, w as usize) * p(w as usize, v))
        .sum();
    (direct + indirect) * (direct + indirect)
}

/// The local constraint `ℓ(u, v)` of every node on each of its contacts.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalConstraints {
    off: Vec<usize>,
    contacts: Vec<u32>,
    values: Vec<f64>,
}

impl LocalConstraints {
    /// The contacts of `u` (ascending; `u` itself if it has a self-loop) and `ℓ(u, v)` for each.
    pub fn of(&self, u: usize) -> (&[u32], &[f64]) {
        let r = self.off[u]..self.off[u + 1];
        (&self.contacts[r.clone()], &self.values[r])
    }

    /// `ℓ(u, v)` if `v` is a contact of `u`.
    pub fn get(&self, u: usize, v: usize) -> Option<f64> {
        let (c, x) = self.of(u);
        c.binary_search(&(v as u32)).ok().map(|i| x[i])
    }
}

/// [`local_constraint`] of every node on each of its contacts, in one pass.
///
/// Equals `networkx.local_constraint(G, u, v, weight)` for every contact `v` of
/// `u` (in- or out-neighbour). Same cost as [`constraint`].
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{local_constraints, StructuralHolesOptions};
/// use coprod::model::{Aggregation, Csr};
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// let lc = local_constraints(&g, &StructuralHolesOptions::default());
/// assert_eq!(lc.get(0, 2), Some(0.25));
/// assert_eq!(lc.get(1, 2), None);
/// ```
pub fn local_constraints(graph: &Csr, options: &StructuralHolesOptions) -> LocalConstraints {
    let mu = Mutual::new(graph, options.weight, options.parallel(graph.node_count()));
    let rows = mu.per_node(|u, buf| {
        if mu.sum[u] == 0.0 {
            return vec![0.0; mu.row(u).0.len()];
        }
        mu.scatter(u, buf);
        let row: Vec<f64> = mu.local_row(u, buf).collect();
        mu.clear(u, buf);
        row
    });
    LocalConstraints {
        off: mu.off.clone(),
        contacts: mu.nbr.clone(),
        values: rows.into_iter().flatten().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_equals_parallel() {
        for directed in [false, true] {
            let g = crate::generate::gnm(300, 1200, directed, 7).unwrap();
            let mut mu = Mutual::new(&g, Weights::Ignore, false);
            mu.parallel = false;
            let (e0, c0) = (effective_size_of(&mu), constraint_of(&mu));
            mu.parallel = true;
            let (e1, c1) = (effective_size_of(&mu), constraint_of(&mu));
            assert_eq!(e0, e1);
            assert_eq!(c0, c1);
            assert!(e0.iter().any(|x| *x > 1.0));
        }
    }
}

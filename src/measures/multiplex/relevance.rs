//! multinet's neighbourhood measures: layer relevance, exclusive relevance and
//! connective redundancy.

use super::{DegreeOptions, check_layers, degree_in};
use crate::error::{Error, Result};
use crate::measures::Direction;
use crate::model::Csr;

/// The neighbour lists of `u` in `g` followed in `dir` (out and in for
/// [`Direction::All`] on a directed graph; duplicates are removed by the caller).
#[inline]
fn lists(g: &Csr, u: usize, dir: Direction) -> [&[u32]; 2] {
    match (g.is_directed(), dir) {
        (false, _) | (true, Direction::Out) => [g.out_neighbors(u), &[]],
        (true, Direction::In) => [g.in_neighbors(u), &[]],
        (true, Direction::All) => [g.out_neighbors(u), g.in_neighbors(u)],
    }
}

/// Per node: (|N_S(i)|, |N_S(i) ∩ N_{L\S}(i)|, |N_{L\S}(i) \ N_S(i)|).
fn neighbourhoods(
    layers: &[Csr],
    selected: &[usize],
    dir: Direction,
) -> Result<Vec<(usize, usize, usize)>> {
    let (n, _) = check_layers(layers)?;
    let mut in_s = vec![false; layers.len()];
    for &a in selected {
        if a >= layers.len() {
            return Err(Error::InvalidParameter {
                name: "selected",
                reason: format!("layer {a} is out of range ({} layers)", layers.len()),
            });
        }
        in_s[a] = true;
    }
    // Stamps instead of clearing: node u's marks are `u + 1`.
    let (mut mark_s, mut mark_o) = (vec![0usize; n], vec![0usize; n]);
    let mut out = Vec::with_capacity(n);
    for u in 0..n {
        let stamp = u + 1;
        let (mut ns, mut shared, mut only_o) = (0, 0, 0);
        for (g, _) in layers.iter().zip(&in_s).filter(|(_, s)| **s) {
            for list in lists(g, u, dir) {
                for &v in list {
                    if mark_s[v as usize] != stamp {
                        mark_s[v as usize] = stamp;
                        ns += 1;
                    }
                }
            }
        }
        for (g, _) in layers.iter().zip(&in_s).filter(|(_, s)| !**s) {
            for list in lists(g, u, dir) {
                for &v in list {
                    if mark_o[v as usize] != stamp {
                        mark_o[v as usize] = stamp;
                        if mark_s[v as usize] == stamp {
                            shared += 1;
                        } else {
                            only_o += 1;
                        }
                    }
                }
            }
        }
        out.push((ns, shared, only_o));
    }
    Ok(out)
}

/// Layer relevance: the share of a node's neighbours reached in the selected layers.
///
/// ```text
/// relevance_i(S) = |N_S(i)| / |N_L(i)|
/// ```
///
/// `L` is the set of all layers (the whole `layers` slice), `S ⊆ L` the
/// `selected` layer indices, and `N_S(i)` the set of distinct actors adjacent
/// to `i` in at least one layer of `S` (out-, in- or either-way neighbours per
/// [`DegreeOptions::direction`]).
///
/// Equals multinet's `relevance_ml(net, actors, layers = S, mode)` (uunet
/// `relevance`), with every actor a vertex of every layer.
///
/// Edge cases: `0` for a node with no neighbour in any layer (multinet's
/// convention, "by definition"; multinet's `NA` for an actor absent from every
/// selected layer cannot arise, since every actor is in every [`Csr`]). An
/// empty `S` gives 0 everywhere.
///
/// Complexity: `O(n + m)`, `m` the total number of ties.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{relevance, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let r = relevance(&[a, b], &[1], &DegreeOptions::default()).unwrap();
/// assert_eq!(r, [0.5, 1.0, 0.0]);
/// ```
///
/// References: Berlingerio, Coscia, Giannotti, Monreale & Pedreschi (2011),
/// *Foundations of multidimensional network analysis*, ASONAM 2011;
/// Magnani & Rossi (2011), *The ML-model for multi-layer social networks*,
/// ASONAM 2011;
/// Dickison, Magnani & Rossi (2016), *Multilayer Social Networks*, Cambridge UP.
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's; [`Error::InvalidParameter`]
/// (`selected`) for a selected index `>= layers.len()`.
pub fn relevance(layers: &[Csr], selected: &[usize], opts: &DegreeOptions) -> Result<Vec<f64>> {
    Ok(neighbourhoods(layers, selected, opts.direction)?
        .into_iter()
        .map(|(ns, _, only_o)| ratio(ns, ns + only_o))
        .collect())
}

/// Exclusive layer relevance: the share of a node's neighbours reached *only*
/// in the selected layers.
///
/// ```text
/// xrelevance_i(S) = |N_S(i) \ N_{L \ S}(i)| / |N_L(i)|
/// ```
///
/// Symbols as in [`relevance`]. Equals multinet's `xrelevance_ml(net, actors,
/// layers = S, mode)` (uunet `xrelevance`). Edge cases, errors and complexity
/// as [`relevance`].
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{exclusive_relevance, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let x = exclusive_relevance(&[a, b], &[0], &DegreeOptions::default()).unwrap();
/// assert_eq!(x, [0.5, 0.0, 1.0]);
/// ```
///
/// References: as [`relevance`].
///
/// # Errors
/// As [`relevance`]:
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's; [`Error::InvalidParameter`]
/// (`selected`) for a selected index `>= layers.len()`.
pub fn exclusive_relevance(
    layers: &[Csr],
    selected: &[usize],
    opts: &DegreeOptions,
) -> Result<Vec<f64>> {
    Ok(neighbourhoods(layers, selected, opts.direction)?
        .into_iter()
        .map(|(ns, shared, only_o)| ratio(ns - shared, ns + only_o))
        .collect())
}

/// Connective redundancy: the share of a node's ties that repeat a connection
/// already made in another layer.
///
/// ```text
/// CR_i = 1 - |N_L(i)| / o_i
/// ```
///
/// `N_L(i)` is the set of distinct neighbours of `i` over all given layers and
/// `o_i = sum_a k_i^a` its overlapping degree
/// ([`multiplex_degree`](super::multiplex_degree), same direction). 0 when
/// every neighbour is reached in one layer only; it tends to `1 - 1/M` when every
/// neighbour is reached in all `M` layers.
///
/// Equals multinet's `connective_redundancy_ml(net, actors, layers, mode)`
/// (uunet `connective_redundancy`), every actor in every layer. To restrict
/// to some layers, pass only those.
///
/// Edge cases: `0` for an isolated node (multinet's convention).
/// Complexity: `O(n + m)`.
///
/// ```
/// use coprod::model::{Aggregation, Csr};
/// use coprod::measures::multiplex::{connective_redundancy, DegreeOptions};
/// let a = Csr::from_edges(3, false, &[(0, 1, 1.0), (0, 2, 1.0)], Aggregation::Sum);
/// let b = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
/// let cr = connective_redundancy(&[a, b], &DegreeOptions::default()).unwrap();
/// // node 0: 3 ties, 2 neighbours -> 1 - 2/3; node 1: 2 ties, 1 neighbour -> 1/2
/// assert!((cr[0] - 1.0 / 3.0).abs() < 1e-12);
/// assert_eq!(cr[1..], [0.5, 0.0]);
/// ```
///
/// References: as [`relevance`].
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for an empty `layers`, or layers
/// that are not all directed or all undirected; [`Error::SizeMismatch`] for a
/// layer whose node count differs from layer 0's.
/// (Every layer is selected, so never the out-of-range index of [`relevance`].)
pub fn connective_redundancy(layers: &[Csr], opts: &DegreeOptions) -> Result<Vec<f64>> {
    let all: Vec<usize> = (0..layers.len()).collect();
    let nb = neighbourhoods(layers, &all, opts.direction)?;
    Ok(nb
        .into_iter()
        .enumerate()
        .map(|(u, (ns, _, _))| {
            let o: usize = layers.iter().map(|l| degree_in(l, u, opts.direction)).sum();
            if o == 0 {
                0.0
            } else {
                1.0 - ns as f64 / o as f64
            }
        })
        .collect())
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

//! Multiplex brokerage: Gould–Fernandez roles split by the layers of the
//! in-tie and the out-tie of the broker.

use super::gould_fernandez::{BrokerageOptions, check_partition};
use super::roles::Role;
use crate::error::{Error, Result};
use crate::model::{Csr, Partition};
use ndarray::Array4;

/// Gould–Fernandez brokerage roles of every actor, by layer of the in-tie and of the out-tie.
///
/// # Definition
/// ```text
/// Layers 0..L, each a graph over the same nodes; an arc u → v is in layer a
/// when it has non-zero weight in layers[a] (an undirected layer's edge is an
/// arc both ways).  The union has the arc u → v when some layer has it.
///
/// For every ordered triple (i, j, k) of distinct nodes that is an open
/// 2-path of the union (i → j and j → k in the union, no i → k in the union),
/// and every pair of layers (a, b) with i → j in layer a and j → k in layer b:
///
///   X[j, r, a, b] += 1,   r = Role::classify(g(i), g(j), g(k))
/// ```
///
/// Returns `X` as an `Array4<f64>` of shape `[n, 5, L, L]` indexed
/// `[actor, role, layer_in, layer_out]`, roles in [`Role::ROLES`] order
/// (coordinator, itinerant, representative, gatekeeper, liaison; no total —
/// sum over the role axis). "Layer in" is the layer of the tie reaching the
/// broker, "layer out" that of the tie leaving it: a party branch that
/// receives a leadership tie and passes it on as a resource tie scores in
/// `[party, r, leadership, resource]`.
///
/// The shortcut exclusion is checked in the union: a tie `i → k` in *any*
/// layer closes the 2-path in every layer pair. Hence the invariant
/// (tested):
///
/// ```text
/// Σ_{a,b} X[j, r, a, b] = Σ_{open 2-paths (i, j, k) of the union, role r} λ(i→j) λ(j→k)
/// ```
///
/// where `λ(u→v)` is the number of layers holding the arc. When the layers
/// are arc-disjoint (`λ ≤ 1`), summing over the layer pairs gives exactly
/// [`brokerage`](super::brokerage)`(union, partition).raw` (without `t`); with
/// one layer, `X[.., .., 0, 0]` is that layer's brokerage.
///
/// No tool implements this measure; it is checked by these invariants and a
/// hand computation in the tests.
///
/// # Errors
/// [`Error::InvalidParameter`] (`layers`) for no layers;
/// [`Error::SizeMismatch`] for a layer whose node count differs from layer
/// 0's, or a partition without one group per node. Layers may mix directed
/// and undirected snapshots.
///
/// # Panics
/// Never: the census has exactly `n · 5 · L²` cells, the shape of `X`.
///
/// # Complexity
/// `O(Σ_i Σ_a Σ_{j ∈ out_a(i)} Σ_b outdeg_b(j))` time; `O(n·5·L²)` memory (per
/// thread when parallel, above 2048 nodes).
///
/// # Example
/// ```
/// use coprod::measures::brokerage::{multiplex_brokerage, BrokerageOptions, Role};
/// use coprod::model::{Aggregation, Csr, Partition};
/// // Layer 0 (leadership): 0 → 1; layer 1 (resource): 1 → 2. Groups [A, B, C].
/// let lead = Csr::from_edges(3, true, &[(0, 1, 1.0)], Aggregation::Sum);
/// let res = Csr::from_edges(3, true, &[(1, 2, 1.0)], Aggregation::Sum);
/// let x = multiplex_brokerage(&[lead, res], &Partition::from_groups(vec![0, 1, 2]), &BrokerageOptions::default()).unwrap();
/// assert_eq!(x[[1, Role::Liaison.index(), 0, 1]], 1.0);
/// assert_eq!(x.sum(), 1.0);
/// ```
pub fn multiplex_brokerage(
    layers: &[Csr],
    partition: &Partition,
    opts: &BrokerageOptions,
) -> Result<Array4<f64>> {
    let Some(first) = layers.first() else {
        return Err(Error::InvalidParameter {
            name: "layers",
            reason: "none given; multiplex brokerage needs at least one layer".into(),
        });
    };
    let n = first.node_count();
    if let Some((a, l)) = layers.iter().enumerate().find(|(_, l)| l.node_count() != n) {
        return Err(Error::SizeMismatch {
            what: format!("layer {a}"),
            expected: n,
            found: l.node_count(),
        });
    }
    check_partition(first, partition)?;
    let counts = census(layers, partition.groups(), opts.parallel(n));
    let l = layers.len();
    Ok(
        Array4::from_shape_vec((n, 5, l, l), counts.into_iter().map(|c| c as f64).collect())
            .expect("census has n·5·L² cells"),
    )
}

/// Flat counts in `[j][r][a][b]` order; `parallel` only changes the schedule.
pub(crate) fn census(layers: &[Csr], groups: &[u32], parallel: bool) -> Vec<u64> {
    let (n, l) = (groups.len(), layers.len());
    super::ego_census(n, n * 5 * l * l, parallel, |i, mark, acc| {
        ego(layers, groups, i, mark, acc)
    })
}

/// Non-zero out-arcs of `u` in `g`.
#[inline]
fn out(g: &Csr, u: usize) -> impl Iterator<Item = usize> + '_ {
    g.out_neighbors(u)
        .iter()
        .zip(g.out_weights(u))
        .filter(|&(_, &w)| w != 0.0)
        .map(|(&v, _)| v as usize)
}

#[inline]
fn ego(layers: &[Csr], groups: &[u32], i: usize, mark: &mut [u32], acc: &mut [u64]) {
    let l = layers.len();
    for g in layers {
        for k in out(g, i) {
            mark[k] = i as u32;
        }
    }
    let gi = groups[i];
    for (a, ga) in layers.iter().enumerate() {
        for j in out(ga, i).filter(|&j| j != i) {
            let gj = groups[j];
            for (b, gb) in layers.iter().enumerate() {
                for k in out(gb, j) {
                    if k == i || k == j || mark[k] == i as u32 {
                        continue;
                    }
                    let r = Role::classify(gi, gj, groups[k]) as usize;
                    acc[((j * 5 + r) * l + a) * l + b] += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_equals_parallel() {
        let layers: Vec<Csr> = (0..3)
            .map(|s| crate::generate::gnm(400, 1200, true, s).unwrap())
            .collect();
        let groups: Vec<u32> = (0..400).map(|u| (u % 4) as u32).collect();
        let a = census(&layers, &groups, false);
        assert_eq!(a, census(&layers, &groups, true));
        assert!(a.iter().sum::<u64>() > 0);
    }
}

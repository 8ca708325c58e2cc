//! Brokerage: who bridges whom across the groups of a partition, and how
//! redundant an actor's contacts are.
//!
//! * [`brokerage`]: Gould–Fernandez roles (coordinator, itinerant,
//!   representative, gatekeeper, liaison), equal to `sna::brokerage`.
//! * [`multiplex_brokerage`]: the same roles split by the layers of the
//!   in-tie and the out-tie (no reference implementation; checked by
//!   invariants and hand computation).
//! * [`effective_size`], [`efficiency`], [`constraint`], [`local_constraint`]:
//!   Burt's structural holes, equal to NetworkX.
//! * [`hierarchy`]: Burt's hierarchy of constraint (defined here; hand-checked).
//! * [`ei_index`]: Krackhardt & Stern's E-I index for graph, groups and actors.

mod ei;
mod gould_fernandez;
pub mod gould_fernandez_null;
mod hierarchy;
mod multiplex;
mod roles;
pub mod structural_holes;

pub use crate::measures::Weights;
pub use ei::{EiIndex, EiOptions, ei_index};
pub use gould_fernandez::{Brokerage, brokerage, brokerage_counts};
pub use hierarchy::hierarchy;
pub use multiplex::multiplex_brokerage;
pub use roles::{Role, RoleRow};
pub use structural_holes::{
    LocalConstraints, StructuralHolesOptions, constraint, effective_size, efficiency,
    local_constraint, local_constraints,
};

/// The shared driver of the brokerage censuses: `visit(i, mark, acc)` adds
/// ego `i`'s contributions to a flat `u64` accumulator of `cells` entries,
/// using a mark buffer of `n` entries (initialised to `u32::MAX`). In parallel
/// over chunks of egos when `parallel`; integer sums make both paths equal.
pub(crate) fn ego_census(
    n: usize,
    cells: usize,
    parallel: bool,
    visit: impl Fn(usize, &mut [u32], &mut [u64]) + Sync,
) -> Vec<u64> {
    use rayon::prelude::*;
    let fresh = || (vec![0u64; cells], vec![u32::MAX; n]);
    if parallel {
        // At most 2 chunks per thread: one accumulator per chunk bounds the memory.
        let chunk = n.div_ceil(rayon::current_num_threads().max(1) * 2).max(64);
        let starts: Vec<usize> = (0..n).step_by(chunk).collect();
        starts
            .into_par_iter()
            .fold(fresh, |(mut acc, mut mark), s| {
                for i in s..(s + chunk).min(n) {
                    visit(i, &mut mark, &mut acc);
                }
                (acc, mark)
            })
            .map(|(acc, _)| acc)
            .reduce(
                || vec![0u64; cells],
                |mut a, b| {
                    a.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
                    a
                },
            )
    } else {
        let (mut acc, mut mark) = fresh();
        for i in 0..n {
            visit(i, &mut mark, &mut acc);
        }
        acc
    }
}

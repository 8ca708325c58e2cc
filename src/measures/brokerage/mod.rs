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
//! * [`burt_hierarchy`]: Burt's hierarchy of constraint (defined here; hand-checked).
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
pub use gould_fernandez::{
    Brokerage, BrokerageOptions, CENSUS_PARALLEL_MIN_NODES, brokerage, brokerage_counts,
};
pub use hierarchy::burt_hierarchy;
pub use multiplex::multiplex_brokerage;
pub use roles::{Role, RoleRow};
pub use structural_holes::{
    LocalConstraints, StructuralHolesOptions, constraint, effective_size, efficiency,
    local_constraint, local_constraints,
};

pub(crate) use crate::measures::parallel::ego_census;

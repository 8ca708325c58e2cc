//! Stochastic block models compared by description length.
//!
//! (Module documentation: see the end of this work.)

mod entropy;
mod graph;
mod special;

pub use entropy::{DegreeDlKind, DescriptionLength, SbmOptions, description_length};
pub use graph::SbmGraph;
pub use special::{PartitionCount, QTable, log_q_approx, q_table};

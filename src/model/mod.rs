//! The domain model: actors, kinds, sectors, levels, layers, ties, the
//! multiplex graph, its views and its compact snapshot.

mod actor;
mod codebook;
mod compact;
mod coreset;
mod csr;
mod graph;
mod layer;
mod meta;
mod nodeset;
mod notebook;
mod partition;
mod projection;
mod rules;
mod scores;
mod tie;
mod view;

pub use actor::{Actor, Kind, Level, Provenance, Sector};
pub use codebook::{DyadMask, Dyads, Violation};
pub(crate) use compact::snapshot;
pub use compact::{CaseSource, CompactCase, SourceActor, SourceTie};
pub use coreset::CoreSet;
pub use csr::{Aggregation, Csr};
pub use graph::MultiplexGraph;
pub(crate) use layer::extra_layers;
pub use layer::{LayerId, LayerSpec, STANDARD_LAYERS, Sign};
pub use meta::{CaseMeta, Fact, FactValue, Outcome, OutcomeEvidence, OutcomeStatus};
pub use nodeset::NodeSet;
#[cfg(feature = "notebook")]
pub(crate) use notebook::evcxr_content;
pub use partition::{Attribute, Partition};
pub use projection::{ArenaProjection, COMEMBERSHIP};
pub use rules::{
    ALL_LAYERS, ID_RULE, IdPool, MAX_ID_LEN, MAX_LAYER_NAME_LEN, POSITIVE_LAYERS, case_problems,
    is_id_byte, is_standard_layer, is_valid_id, is_valid_id_bytes, layer_name_problem,
    layer_problems, select_layers, standard_layer_problem,
};
pub(crate) use scores::fmt_value;
pub use scores::{Ranked, Ranking, Scores, Snapshot};
pub use tie::{Certainty, Tie, is_valid_weight};
pub use view::{Layers, View};

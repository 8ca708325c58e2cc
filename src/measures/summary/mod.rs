//! The standard tables a researcher asks for first: one row per actor with
//! every actor-level measure ([`actor_table`]), and the graph-level measures
//! with the "one core, many actors" test quantities ([`graph_summary`]).
//!
//! Both are computed on one [`View`](crate::model::View) and write CSV or
//! JSON; every column is documented in [`ACTOR_COLUMNS`] and
//! [`GRAPH_ROWS`], with the reference convention it follows.

mod actors;
mod graph;

pub use actors::{ACTOR_COLUMNS, ActorTable, actor_table};
pub use graph::{GRAPH_ROWS, GraphSummary, graph_summary};

/// A number for CSV: empty for NaN/undefined, shortest round-trip form otherwise.
pub(crate) fn csv_number(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else {
        // `+ 0.0` turns -0 into 0.
        (x + 0.0).to_string()
    }
}

/// A number for JSON: `null` for NaN/undefined.
pub(crate) fn json_number(x: f64) -> serde_json::Value {
    serde_json::Number::from_f64(x + 0.0).map_or(serde_json::Value::Null, serde_json::Value::Number)
}

/// The E-I index of all ties (a reciprocated pair once), as both tables report it.
pub(crate) fn ei_all_ties(
    g: &crate::model::Csr,
    partition: &crate::model::Partition,
) -> crate::error::Result<crate::measures::brokerage::EiIndex> {
    crate::measures::brokerage::ei_index(
        g,
        partition,
        &crate::measures::brokerage::EiOptions {
            direction: crate::measures::Direction::All,
            ..Default::default()
        },
    )
}

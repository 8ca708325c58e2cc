//! NetworkX node-link JSON.

use super::{NODE_ATTRIBUTES, edges, node_values};
use crate::io::json_number;
use crate::model::View;
use serde_json::{Map, Value, json};

/// The view as NetworkX's node-link JSON (`networkx.node_link_graph(data)`
/// with NetworkX ≥ 3.4's default `edges="edges"`):
///
/// ```text
/// {"directed": <view directed>, "multigraph": true, "graph": {"name": <case id>},
///  "nodes": [{"id", "label", "label_zh", "kind", "sector", "level"}, ...],
///  "edges": [{"source", "target", "key", "layer", "weight", "certainty"}, ...]}
/// ```
///
/// One edge per tie (direction rule in [`ExportFormat`](crate::io::ExportFormat)); `key` numbers
/// them from 0. Pretty-printed, the keys of each object sorted.
///
/// ```
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let j: serde_json::Value = serde_json::from_str(
///     &coprod::io::to_node_link_json(&View::aggregate(&g))).unwrap();
/// assert_eq!(j["multigraph"], true);
/// assert_eq!(j["nodes"].as_array().unwrap().len(), g.actor_count());
/// ```
///
/// # Panics
/// Never: a JSON value of strings and finite numbers always serialises.
pub fn to_node_link_json(view: &View<'_>) -> String {
    let g = view.graph();
    let nodes: Vec<Value> = view
        .actor_indices()
        .into_iter()
        .map(|i| {
            let a = g.actor(i);
            let mut m = Map::new();
            m.insert("id".into(), json!(a.id));
            for (k, v) in NODE_ATTRIBUTES.iter().zip(node_values(a)) {
                m.insert((*k).into(), json!(v));
            }
            Value::Object(m)
        })
        .collect();
    let links: Vec<Value> = edges(view)
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let mut m = Map::new();
            m.insert("source".into(), json!(e.source));
            m.insert("target".into(), json!(e.target));
            m.insert("key".into(), json!(k));
            m.insert("layer".into(), json!(e.layer));
            m.insert("weight".into(), json_number(e.tie.weight));
            m.insert("certainty".into(), json!(e.tie.certainty.as_str()));
            Value::Object(m)
        })
        .collect();
    let mut doc = Map::new();
    doc.insert("directed".into(), json!(view.is_directed()));
    doc.insert("multigraph".into(), json!(true));
    doc.insert("graph".into(), json!({ "name": g.meta().id }));
    doc.insert("nodes".into(), Value::Array(nodes));
    doc.insert("edges".into(), Value::Array(links));
    let mut s = serde_json::to_string_pretty(&Value::Object(doc)).expect("JSON values serialise");
    s.push('\n');
    s
}

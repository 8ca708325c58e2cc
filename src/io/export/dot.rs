//! Graphviz DOT.

use super::{NODE_ATTRIBUTES, edges, node_values, number};
use crate::model::View;
use std::fmt::Write;

/// The view as a Graphviz graph (`digraph` or `graph` by the view): one node
/// statement per actor with `label`, `label_zh`, `kind`, `sector`, `level`,
/// one edge statement per tie (direction rule in [`ExportFormat`](crate::io::ExportFormat)) with
/// `layer`, `weight`, `certainty`. Every id and value is a quoted string,
/// with `"` and `\` escaped and line breaks as `\n`.
///
/// ```
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let dot = coprod::io::to_dot(&View::layer(&g, "leadership").unwrap());
/// assert!(dot.starts_with("digraph \"jinsong\" {\n"));
/// assert!(dot.contains(" -> "));
/// ```
pub fn to_dot(view: &View<'_>) -> String {
    let g = view.graph();
    let (kw, arrow) = if view.is_directed() {
        ("digraph", "->")
    } else {
        ("graph", "--")
    };
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(s, "{kw} {} {{", quote(&g.meta().id));
    for i in view.actor_indices() {
        let a = g.actor(i);
        let attrs: Vec<String> = NODE_ATTRIBUTES
            .iter()
            .zip(node_values(a))
            .map(|(k, v)| format!("{k}={}", quote(v)))
            .collect();
        let _ = writeln!(s, "  {} [{}];", quote(&a.id), attrs.join(", "));
    }
    for e in edges(view) {
        let _ = writeln!(
            s,
            "  {} {arrow} {} [layer={}, weight={}, certainty={}];",
            quote(e.source),
            quote(e.target),
            quote(e.layer),
            number(e.tie.weight),
            quote(e.tie.certainty.as_str())
        );
    }
    s.push_str("}\n");
    s
}

/// A DOT quoted string.
fn quote(v: &str) -> String {
    let mut q = String::with_capacity(v.len() + 2);
    q.push('"');
    for c in v.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

//! Pajek `.net`.

use super::{edges, number};
use crate::model::View;
use std::fmt::Write;

/// The view as a Pajek network:
///
/// ```text
/// *Network <case id>
/// *Vertices <n>
/// 1 "<actor id>"           one line per actor, numbered from 1 in the view's order
/// *Arcs                    (*Edges for an undirected view)
/// 1 2 <weight> l "<layer>" one line per tie (direction rule in ExportFormat)
/// ```
///
/// Vertex labels are the actor ids (what a reader names the nodes by);
/// `l` is Pajek's edge-label parameter, holding the layer (a `"` in a
/// declared layer's name written as `'`, a control character as a space). Certainty and the
/// other attributes have no place in the format (use GraphML or GEXF).
///
/// Reads back with `networkx.read_pajek` (edge attribute `l`) and
/// `igraph.Graph.Read_Pajek` (vertex attribute `id`, edge attributes `weight`
/// and `l`).
///
/// ```
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let net = coprod::io::to_pajek(&View::layer(&g, "leadership").unwrap());
/// assert!(net.contains("\n*Arcs\n"));
/// ```
pub fn to_pajek(view: &View<'_>) -> String {
    let g = view.graph();
    let ids = view.ids();
    let number_of: std::collections::BTreeMap<&str, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i + 1)).collect();
    let mut s = String::new();
    let name: String = g.meta().id.chars().filter(|c| !c.is_control()).collect();
    // Writing to a String cannot fail.
    let _ = writeln!(s, "*Network {name}");
    let _ = writeln!(s, "*Vertices {}", ids.len());
    for (i, id) in ids.iter().enumerate() {
        let _ = writeln!(s, "{} \"{id}\"", i + 1);
    }
    s.push_str(if view.is_directed() {
        "*Arcs\n"
    } else {
        "*Edges\n"
    });
    for e in edges(view) {
        let _ = writeln!(
            s,
            "{} {} {} l \"{}\"",
            number_of[e.source],
            number_of[e.target],
            number(e.tie.weight),
            e.layer
                .chars()
                .map(|c| match c {
                    '"' => '\'',
                    c if c.is_control() => ' ',
                    c => c,
                })
                .collect::<String>()
        );
    }
    s
}

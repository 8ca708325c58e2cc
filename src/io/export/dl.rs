//! UCINET DL, one matrix per layer.

use super::number;
use crate::model::View;
use std::fmt::Write;

/// The view as a UCINET DL file in the labelled full-matrix format, one
/// matrix per layer of the view that has at least one tie in it:
///
/// ```text
/// dl n=<actors> nm=<layers>
/// format = fullmatrix
/// labels:
/// <id>,<id>,...            the view's actors, in its order
/// matrix labels:
/// <layer>,<layer>,...      layer order
/// data:
/// <n rows of n values>     per layer, in the order of the matrix labels
/// ```
///
/// Cell `(i, j)` is the layer's tie from actor `i` to actor `j`, parallel ties
/// merged by the view's aggregation (summed weights by default), 0 for none:
/// exactly the layer's [`Csr`](crate::model::Csr) in this view. An undirected
/// layer, or any layer of a symmetrised view, gives a symmetric matrix.
/// Certainty has no place in the format. A `,`, `"` or control character in
/// a declared layer's name is written as `_` (the labels are a comma list).
///
/// ```
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let dl = coprod::io::to_ucinet_dl(&View::layers(&g, &["leadership", "resource"]).unwrap());
/// assert!(dl.starts_with("dl n=") && dl.contains("nm=2"));
/// assert!(dl.contains("matrix labels:\nleadership,resource\n"));
/// ```
pub fn to_ucinet_dl(view: &View<'_>) -> String {
    let g = view.graph();
    let ids = view.ids();
    let n = ids.len();
    let layers: Vec<(String, crate::model::Csr)> = view
        .per_layer()
        .into_iter()
        .map(|(l, v)| (dl_label(&g.layer(l).name), v.csr()))
        .filter(|(_, csr)| csr.edge_count() > 0)
        .collect();
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(s, "dl n={n} nm={}", layers.len());
    s.push_str("format = fullmatrix\nlabels:\n");
    s.push_str(&ids.join(","));
    s.push_str("\nmatrix labels:\n");
    s.push_str(
        &layers
            .iter()
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>()
            .join(","),
    );
    s.push_str("\ndata:\n");
    for (_, csr) in &layers {
        let mut m = vec![0.0; n * n];
        for (u, v, w) in csr.arcs() {
            m[u as usize * n + v as usize] = w;
        }
        for row in m.chunks(n.max(1)).take(n) {
            let cells: Vec<String> = row.iter().map(|&w| number(w)).collect();
            s.push_str(&cells.join(" "));
            s.push('\n');
        }
    }
    s
}

/// A layer name as a DL label: `,`, `"` and control characters as `_`.
fn dl_label(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ',' || c == '"' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

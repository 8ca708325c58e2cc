//! A view of a case in the formats other tools read: GraphML and GEXF (Gephi,
//! NetworkX, igraph), Pajek `.net`, UCINET DL, NetworkX node-link JSON,
//! Graphviz DOT, and plain CSV edge and node lists.
//!
//! What every format holds, and how:
//!
//! ```text
//! nodes   the view's actors, in the graph's order; id = actor id;
//!         label (the English label, or the id when it is empty), label_zh,
//!         kind, sector, level                      (GraphML, GEXF, JSON, DOT)
//!         the id only                              (Pajek, DL)
//! edges   one per tie of the view (layers chosen, actors left out dropped),
//!         in data order, with layer, weight and certainty
//!                                                  (GraphML, GEXF, JSON, DOT)
//!         with layer and weight                    (Pajek: `l "layer"`)
//!         one matrix per layer with ties, parallel ties merged by the view's
//!         aggregation                              (DL)
//! ```
//!
//! **Direction.** The export is a directed graph when the view is directed,
//! else undirected. In a directed view a tie of an undirected layer
//! (`deliberation`, `tension`) is written as two arcs, one each way — how
//! every measure reads it (see [`View`](crate::model::View)) — since NetworkX's readers reject a
//! file that mixes directed and undirected edges. A `--symmetric` view writes
//! every tie once, undirected.
//!
//! Every writer is deterministic: the same view gives the same bytes.
//! `scripts/reference/exports.py` reads each format back with NetworkX and
//! igraph; `tests/exports.rs` checks they find the same actors, ties and
//! attributes.

mod csv;
mod dl;
mod dot;
mod gexf;
mod graphml;
mod node_link;
mod pajek;

pub use csv::{edges_csv, nodes_csv};
pub use dl::to_ucinet_dl;
pub use dot::to_dot;
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use node_link::to_node_link_json;
pub use pajek::to_pajek;

use crate::model::{Actor, Tie, View};

/// The formats of [`export`].
///
/// What every format holds, and how:
///
/// ```text
/// nodes   the view's actors, in the graph's order; id = actor id;
///         label (the English label, or the id when it is empty), label_zh,
///         kind, sector, level                      (GraphML, GEXF, JSON, DOT)
///         the id only                              (Pajek, DL)
/// edges   one per tie of the view (layers chosen, actors left out dropped),
///         in data order, with layer, weight and certainty
///                                                  (GraphML, GEXF, JSON, DOT)
///         with layer and weight                    (Pajek: `l "layer"`)
///         one matrix per layer with ties, parallel ties merged by the view's
///         aggregation                              (DL)
/// ```
///
/// **Direction.** The export is a directed graph when the view is directed,
/// else undirected. In a directed view a tie of an undirected layer
/// (`deliberation`, `tension`) is written as two arcs, one each way — how
/// every measure reads it (see [`View`](crate::model::View)) — since NetworkX's readers reject a
/// file that mixes directed and undirected edges. A `--symmetric` view writes
/// every tie once, undirected.
///
/// Every writer is deterministic: the same view gives the same bytes.
/// `scripts/reference/exports.py` reads each format back with NetworkX and
/// igraph; `tests/exports.rs` checks they find the same actors, ties and
/// attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// GraphML ([`to_graphml`]).
    GraphMl,
    /// GEXF 1.2, Gephi's format ([`to_gexf`]).
    Gexf,
    /// Pajek `.net` ([`to_pajek`]).
    Pajek,
    /// UCINET DL, one matrix per layer ([`to_ucinet_dl`]).
    UcinetDl,
    /// NetworkX node-link JSON ([`to_node_link_json`]).
    NodeLinkJson,
    /// Graphviz DOT ([`to_dot`]).
    Dot,
}

impl ExportFormat {
    /// Every format, in declaration order.
    pub const ALL: &'static [ExportFormat] = &[
        ExportFormat::GraphMl,
        ExportFormat::Gexf,
        ExportFormat::Pajek,
        ExportFormat::UcinetDl,
        ExportFormat::NodeLinkJson,
        ExportFormat::Dot,
    ];

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Pajek => "net",
            ExportFormat::UcinetDl => "dl",
            ExportFormat::NodeLinkJson => "json",
            ExportFormat::Dot => "dot",
        }
    }
}

/// The view in `format`.
///
/// ```
/// use coprod::io::{ExportFormat, export};
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let gexf = export(&View::aggregate(&g), ExportFormat::Gexf);
/// assert!(gexf.contains("defaultedgetype=\"directed\""));
/// ```
pub fn export(view: &View<'_>, format: ExportFormat) -> String {
    match format {
        ExportFormat::GraphMl => to_graphml(view),
        ExportFormat::Gexf => to_gexf(view),
        ExportFormat::Pajek => to_pajek(view),
        ExportFormat::UcinetDl => to_ucinet_dl(view),
        ExportFormat::NodeLinkJson => to_node_link_json(view),
        ExportFormat::Dot => to_dot(view),
    }
}

/// The node attributes every rich format writes, in this order.
pub(crate) const NODE_ATTRIBUTES: [&str; 5] = ["label", "label_zh", "kind", "sector", "level"];
/// The edge attributes every rich format writes, in this order.
pub(crate) const EDGE_ATTRIBUTES: [&str; 3] = ["layer", "weight", "certainty"];

/// An actor's exported label: its English label, or its id when that is empty.
pub(crate) fn label(a: &Actor) -> &str {
    if a.label.is_empty() { &a.id } else { &a.label }
}

/// The string node attributes of [`NODE_ATTRIBUTES`], values in the same order.
pub(crate) fn node_values(a: &Actor) -> [&str; 5] {
    [
        label(a),
        &a.label_zh,
        a.kind.as_str(),
        a.sector().as_str(),
        a.level.as_str(),
    ]
}

/// One exported edge: a tie of the view, or the reverse arc of a tie of an
/// undirected layer in a directed view.
pub(crate) struct Edge<'g> {
    /// Source actor id.
    pub source: &'g str,
    /// Target actor id.
    pub target: &'g str,
    /// The layer's name.
    pub layer: &'g str,
    /// The tie.
    pub tie: &'g Tie,
}

/// The edges of an export, by the direction rule of the module doc.
pub(crate) fn edges<'g>(view: &View<'g>) -> Vec<Edge<'g>> {
    let g = view.graph();
    let directed = view.is_directed();
    let mut out = Vec::new();
    for t in view.ties() {
        let layer = g.layer(t.layer);
        let (s, d) = (g.actor(t.source).id.as_str(), g.actor(t.target).id.as_str());
        out.push(Edge {
            source: s,
            target: d,
            layer: &layer.name,
            tie: t,
        });
        if directed && !layer.directed && t.source != t.target {
            out.push(Edge {
                source: d,
                target: s,
                layer: &layer.name,
                tie: t,
            });
        }
    }
    out
}

/// A weight in its shortest round-trip form.
/// Run `write` on the XML writer `w` (over memory) and return the document,
/// ending with a newline: the finish GraphML and GEXF share.
///
/// # Panics
/// Never: writing XML to a `Vec` cannot fail, and the writer is given UTF-8 only.
pub(crate) fn xml_document(
    mut w: quick_xml::Writer<Vec<u8>>,
    write: impl FnOnce(&mut quick_xml::Writer<Vec<u8>>) -> std::io::Result<()>,
) -> String {
    write(&mut w).expect("writing XML to memory cannot fail");
    let mut s = String::from_utf8(w.into_inner()).expect("UTF-8 in, UTF-8 out");
    s.push('\n');
    s
}

pub(crate) fn number(w: f64) -> String {
    crate::io::csv_number(w)
}

/// `s` without the characters XML 1.0 cannot hold (control characters other
/// than tab, newline and carriage return).
pub(crate) fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let ok = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if s.chars().all(ok) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| ok(c)).collect())
    }
}

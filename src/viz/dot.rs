//! A [`Figure`] as a Graphviz DOT AST (`graphviz-rust`'s `dot_structures`).

use super::Lang;
use super::figure::{Figure, FigureNode};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

/// The font family list of a figure's text (also written into the SVG).
pub(crate) fn font_family(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Helvetica,Arial,DejaVu Sans,sans-serif",
        Lang::ZhHant => {
            "Noto Sans CJK TC,Source Han Sans TC,Noto Sans CJK SC,WenQuanYi Zen Hei,sans-serif"
        }
        _ => "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Zen Hei,sans-serif",
    }
}

/// A quoted DOT string: `"…"` with `"` and `\` escaped, newlines as `\n` (centred lines).
pub(crate) fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quoted(v))
}

/// `fontsize`, `width`, `height` of a node from its scale (two decimals, so
/// the DOT text is the same on every machine).
fn node_size(n: &FigureNode) -> (String, String, String) {
    let s = n.scale.unwrap_or(0.0);
    (
        format!("{:.1}", 10.0 + 4.0 * s),
        format!("{:.2}", 0.75 + 0.75 * s),
        format!("{:.2}", 0.4 + 0.3 * s),
    )
}

fn pin(node: &mut Node, at: &[(String, f64, f64)]) {
    let Id::Escaped(q) = &node.id.0 else { return };
    let id = q.trim_matches('"');
    if let Some((_, x, y)) = at.iter().find(|(n, _, _)| n == id) {
        node.attributes
            .push(attr("pos", &format!("{x:.2},{y:.2}!")));
    }
}

fn node_stmt(n: &FigureNode) -> Stmt {
    let (fontsize, width, height) = node_size(n);
    let style = if n.style.rounded {
        "filled,rounded"
    } else {
        "filled"
    };
    let mut attrs = vec![
        attr("label", &n.label),
        attr("tooltip", &n.tooltip),
        attr("shape", n.style.shape),
        attr("style", style),
        attr("fillcolor", n.style.fill),
        attr("fontcolor", n.style.text),
    ];
    if n.scale.is_some() {
        attrs.push(attr("fontsize", &fontsize));
        attrs.push(attr("width", &width));
        attrs.push(attr("height", &height));
    }
    Stmt::Node(Node::new(NodeId(quoted(&n.id), None), attrs))
}

impl Figure {
    /// The figure as a Graphviz DOT AST: a `digraph` whose undirected ties
    /// carry `dir=none`, nodes in actor order (inside one `cluster_<i>`
    /// subgraph per level or sector), edges in tie order. The same figure
    /// gives the same AST, hence the same DOT text.
    pub fn to_dot(&self) -> Graph {
        let font = font_family(self.lang);
        let mut stmts = vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("label", &self.title),
                attr("labelloc", "t"),
                attr("fontsize", "18"),
                attr("fontname", font),
                attr("rankdir", "LR"),
                attr("newrank", "true"),
                attr("nodesep", "0.18"),
                attr("ranksep", "0.4"),
                attr("pad", "0.2"),
                attr("outputorder", "edgesfirst"),
                attr("bgcolor", "white"),
            ])),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                attr("fontname", font),
                attr("fontsize", "10"),
                attr("penwidth", "0.8"),
                attr("color", "#333333"),
                attr("margin", "0.1,0.05"),
                attr("width", "0.75"),
                attr("height", "0.4"),
            ])),
            Stmt::GAttribute(GraphAttributes::Edge(vec![
                attr("arrowsize", "0.6"),
                attr("penwidth", "1.1"),
            ])),
        ];
        for (c, label) in self.clusters.iter().enumerate() {
            let mut body = vec![
                Stmt::Attribute(attr("label", label)),
                Stmt::Attribute(attr("labeljust", "l")),
                Stmt::Attribute(attr("fontsize", "12")),
                Stmt::Attribute(attr("style", "rounded,filled")),
                Stmt::Attribute(attr("fillcolor", "#F5F5F5")),
                Stmt::Attribute(attr("color", "#BBBBBB")),
            ];
            body.extend(
                self.nodes
                    .iter()
                    .filter(|n| n.cluster == Some(c))
                    .map(node_stmt),
            );
            stmts.push(Stmt::Subgraph(Subgraph {
                id: Id::Plain(format!("cluster_{c}")),
                stmts: body,
            }));
        }
        stmts.extend(
            self.nodes
                .iter()
                .filter(|n| n.cluster.is_none())
                .map(node_stmt),
        );
        for e in &self.edges {
            let mut attrs = vec![
                attr("color", e.style.colour),
                attr("style", e.style.line.as_str()),
                attr("tooltip", &e.layer),
            ];
            if !e.style.arrow {
                attrs.push(attr("dir", "none"));
            }
            if !e.ranks {
                attrs.push(attr("constraint", "false"));
            }
            let (s, t) = (&self.nodes[e.source].id, &self.nodes[e.target].id);
            stmts.push(Stmt::Edge(Edge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(quoted(s), None)),
                    Vertex::N(NodeId(quoted(t), None)),
                ),
                attributes: attrs,
            }));
        }
        Graph::DiGraph {
            id: quoted(&self.name),
            strict: false,
            stmts,
        }
    }

    /// The DOT text with each node pinned (`pos="x,y!"`, points) where `at`
    /// places it, and `splines=true`: input for `neato -n2`. Nodes `at` does
    /// not name are left free.
    pub fn dot_text_pinned(&self, at: &[(String, f64, f64)]) -> String {
        let mut g = self.to_dot();
        let Graph::DiGraph { stmts, .. } = &mut g else {
            unreachable!("to_dot builds a digraph")
        };
        for st in stmts.iter_mut() {
            match st {
                Stmt::Node(node) => pin(node, at),
                Stmt::GAttribute(GraphAttributes::Graph(attrs)) => {
                    attrs.push(attr("splines", "true"))
                }
                _ => {}
            }
        }
        let mut text = g.print(&mut PrinterContext::default());
        text.push('\n');
        text
    }

    /// The DOT text of [`to_dot`](Self::to_dot), ending with a newline.
    pub fn dot_text(&self) -> String {
        let mut text = self.to_dot().print(&mut PrinterContext::default());
        text.push('\n');
        text
    }
}

//! GraphML, for Gephi, NetworkX, igraph, yEd and Cytoscape.

use super::{EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edges, node_values, number, xml_safe};
use crate::model::View;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

/// The view as GraphML: one `<node>` per actor with the string attributes
/// `label`, `label_zh`, `kind`, `sector`, `level` (an empty value is left
/// out, as GraphML means by a missing `<data>`), one `<edge id="eN">` per
/// tie with `layer`, `weight` (double) and `certainty`; `edgedefault` is
/// `directed` or `undirected` by the view (the direction rule is in
/// [`ExportFormat`](crate::io::ExportFormat)'s doc).
///
/// Reads back with `networkx.read_graphml` (a `MultiDiGraph`/`MultiGraph`)
/// and `igraph.Graph.Read_GraphML` (node ids in the `id` attribute).
///
/// ```
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let xml = coprod::io::to_graphml(&View::layer(&g, "leadership").unwrap());
/// assert!(xml.contains(r#"<key id="layer" for="edge" attr.name="layer" attr.type="string"/>"#));
/// ```
///
/// # Panics
/// Never: writing XML to a `Vec` cannot fail, and every name written is valid XML text (escaped).
pub fn to_graphml(view: &View<'_>) -> String {
    let g = view.graph();
    let w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let write = |w: &mut Writer<Vec<u8>>| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("graphml")
            .with_attributes([
                ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                (
                    "xsi:schemaLocation",
                    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
                ),
            ])
            .write_inner_content(|w| {
                for a in NODE_ATTRIBUTES {
                    key(w, a, "node", "string")?;
                }
                for a in EDGE_ATTRIBUTES {
                    key(w, a, "edge", if a == "weight" { "double" } else { "string" })?;
                }
                let edgedefault = if view.is_directed() { "directed" } else { "undirected" };
                let id = xml_safe(&g.meta().id);
                w.create_element("graph")
                    .with_attributes([("id", id.as_ref()), ("edgedefault", edgedefault)])
                    .write_inner_content(|w| {
                        for i in view.actor_indices() {
                            let a = g.actor(i);
                            w.create_element("node")
                                .with_attribute(("id", a.id.as_str()))
                                .write_inner_content(|w| {
                                    for (k, v) in NODE_ATTRIBUTES.iter().zip(node_values(a)) {
                                        data(w, k, v)?;
                                    }
                                    Ok(())
                                })?;
                        }
                        for (n, e) in edges(view).iter().enumerate() {
                            let id = format!("e{n}");
                            w.create_element("edge")
                                .with_attributes([
                                    ("id", id.as_str()),
                                    ("source", e.source),
                                    ("target", e.target),
                                ])
                                .write_inner_content(|w| {
                                    data(w, "layer", e.layer)?;
                                    data(w, "weight", &number(e.tie.weight))?;
                                    data(w, "certainty", e.tie.certainty.as_str())
                                })?;
                        }
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    };
    super::xml_document(w, write)
}

fn key(w: &mut Writer<Vec<u8>>, name: &str, what: &str, ty: &str) -> std::io::Result<()> {
    w.create_element("key")
        .with_attributes([
            ("id", name),
            ("for", what),
            ("attr.name", name),
            ("attr.type", ty),
        ])
        .write_empty()?;
    Ok(())
}

fn data(w: &mut Writer<Vec<u8>>, key: &str, value: &str) -> std::io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml_safe(value)))?;
    Ok(())
}

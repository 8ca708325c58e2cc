//! GEXF 1.2, Gephi's own format.

use super::{edges, label, number, xml_safe};
use crate::model::View;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

/// The node attributes declared in `<attributes class="node">` (the label is
/// GEXF's own `label`).
const NODE_ATTRS: [&str; 4] = ["label_zh", "kind", "sector", "level"];
/// The edge attributes declared in `<attributes class="edge">` (the weight is
/// GEXF's own `weight`).
const EDGE_ATTRS: [&str; 2] = ["layer", "certainty"];

/// The view as GEXF 1.2 (namespace `http://www.gexf.net/1.2draft`), for
/// Gephi: `<node id label>` per actor (the label is the English label, or the
/// id when empty) with the attributes `label_zh`, `kind`, `sector`, `level`
/// (an empty value left out); one `<edge id source target weight label>` per
/// tie, its label the layer, with the attributes `layer` and `certainty`;
/// `defaultedgetype` by the view (direction rule in [`ExportFormat`](crate::io::ExportFormat)).
///
/// Reads back with `networkx.read_gexf` and Gephi's File > Open.
///
/// ```
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong").unwrap();
/// let xml = coprod::io::to_gexf(&View::aggregate(&g).symmetrized());
/// assert!(xml.contains(r#"<graph mode="static" defaultedgetype="undirected">"#));
/// ```
///
/// # Panics
/// Never: writing XML to a `Vec` cannot fail, and every name written is valid XML text (escaped).
pub fn to_gexf(view: &View<'_>) -> String {
    let g = view.graph();
    let w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let write = |w: &mut Writer<Vec<u8>>| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.create_element("gexf")
            .with_attributes([
                ("xmlns", "http://www.gexf.net/1.2draft"),
                ("version", "1.2"),
            ])
            .write_inner_content(|w| {
                w.create_element("meta").write_inner_content(|w| {
                    w.create_element("creator")
                        .write_text_content(BytesText::new("coprod"))?;
                    w.create_element("description")
                        .write_text_content(BytesText::new(&xml_safe(&g.meta().id)))?;
                    Ok(())
                })?;
                let edgetype = if view.is_directed() {
                    "directed"
                } else {
                    "undirected"
                };
                w.create_element("graph")
                    .with_attributes([("mode", "static"), ("defaultedgetype", edgetype)])
                    .write_inner_content(|w| {
                        attributes(w, "node", &NODE_ATTRS)?;
                        attributes(w, "edge", &EDGE_ATTRS)?;
                        w.create_element("nodes").write_inner_content(|w| {
                            for i in view.actor_indices() {
                                let a = g.actor(i);
                                let lab = xml_safe(label(a));
                                let values = [
                                    a.label_zh.as_str(),
                                    a.kind.as_str(),
                                    a.sector().as_str(),
                                    a.level.as_str(),
                                ];
                                w.create_element("node")
                                    .with_attributes([
                                        ("id", a.id.as_str()),
                                        ("label", lab.as_ref()),
                                    ])
                                    .write_inner_content(|w| attvalues(w, &NODE_ATTRS, &values))?;
                            }
                            Ok(())
                        })?;
                        w.create_element("edges").write_inner_content(|w| {
                            for (n, e) in edges(view).iter().enumerate() {
                                let id = n.to_string();
                                let weight = number(e.tie.weight);
                                let layer = xml_safe(e.layer);
                                w.create_element("edge")
                                    .with_attributes([
                                        ("id", id.as_str()),
                                        ("source", e.source),
                                        ("target", e.target),
                                        ("weight", weight.as_str()),
                                        ("label", layer.as_ref()),
                                    ])
                                    .write_inner_content(|w| {
                                        attvalues(
                                            w,
                                            &EDGE_ATTRS,
                                            &[e.layer, e.tie.certainty.as_str()],
                                        )
                                    })?;
                            }
                            Ok(())
                        })?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    };
    super::xml_document(w, write)
}

fn attributes(w: &mut Writer<Vec<u8>>, class: &str, names: &[&str]) -> std::io::Result<()> {
    w.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|w| {
            for n in names {
                w.create_element("attribute")
                    .with_attributes([("id", *n), ("title", *n), ("type", "string")])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

fn attvalues(w: &mut Writer<Vec<u8>>, names: &[&str], values: &[&str]) -> std::io::Result<()> {
    if values.iter().all(|v| v.is_empty()) {
        return Ok(());
    }
    w.create_element("attvalues").write_inner_content(|w| {
        for (n, v) in names.iter().zip(values) {
            if v.is_empty() {
                continue;
            }
            let v = xml_safe(v);
            w.create_element("attvalue")
                .with_attributes([("for", *n), ("value", v.as_ref())])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

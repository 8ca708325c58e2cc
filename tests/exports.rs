//! The exports read back by other tools: for every bundled case, what
//! NetworkX and igraph found in each format (`scripts/reference/exports.py`,
//! fixtures in `tests/fixtures/exports/` naming the tool versions) equals the
//! graph the library builds: the same actor ids, the same ties per layer with
//! the same weights and certainties, the same node attributes.

use coprod::model::{Layers, MultiplexGraph, View};
use serde_json::Value;
use std::path::Path;

/// `(source, target, layer, weight, certainty)`; certainty `None` where the
/// format has none.
type Edge = (String, String, String, f64, Option<String>);

fn sorted(mut e: Vec<Edge>) -> Vec<Edge> {
    e.sort_by(|a, b| {
        (&a.0, &a.1, &a.2, &a.4)
            .cmp(&(&b.0, &b.1, &b.2, &b.4))
            .then(a.3.total_cmp(&b.3))
    });
    e
}

/// The view a fixture's view name stands for (the flags exports.py passes).
fn view<'g>(g: &'g MultiplexGraph, name: &str) -> View<'g> {
    let v = View::new(g, &Layers::All).unwrap();
    match name {
        "all" => v,
        "sym" => v.symmetrized(),
        other => panic!("unknown view {other} in the fixture"),
    }
}

/// One edge per tie of the view; in a directed view a tie of an undirected
/// layer both ways; the ends of an undirected edge in id order.
fn tie_edges(v: &View<'_>, with_certainty: bool) -> Vec<Edge> {
    let g = v.graph();
    let directed = v.is_directed();
    let mut out = Vec::new();
    for t in v.ties() {
        let layer = g.layer(t.layer);
        let (s, d) = (g.actor(t.source).id.clone(), g.actor(t.target).id.clone());
        let c = with_certainty.then(|| t.certainty.as_str().to_string());
        let mut push = |a: &String, b: &String| {
            let (a, b) = if !directed && b < a { (b, a) } else { (a, b) };
            out.push((
                a.clone(),
                b.clone(),
                layer.name.clone(),
                t.weight,
                c.clone(),
            ));
        };
        push(&s, &d);
        if directed && !layer.directed && s != d {
            push(&d, &s);
        }
    }
    sorted(out)
}

/// Every non-zero cell of each layer's matrix (DL).
fn matrix_cells(v: &View<'_>) -> Vec<Edge> {
    let ids = v.ids();
    let mut out = Vec::new();
    for (l, lv) in v.per_layer() {
        for (i, j, w) in lv.csr().arcs() {
            let name = v.graph().layer(l).name.clone();
            out.push((
                ids[i as usize].to_string(),
                ids[j as usize].to_string(),
                name,
                w,
                None,
            ));
        }
    }
    sorted(out)
}

fn found_edges(x: &Value) -> Vec<Edge> {
    let e = x["edges"].as_array().expect("edges").iter().map(|e| {
        let s = |i: usize| e[i].as_str().expect("a string").to_string();
        (
            s(0),
            s(1),
            s(2),
            e[3].as_f64().expect("a weight"),
            e[4].as_str().map(String::from),
        )
    });
    sorted(e.collect())
}

#[test]
fn every_export_reads_back_the_same_graph() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports");
    let mut compared = 0;
    for name in coprod::cases::names() {
        let path = dir.join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (run scripts/reference/exports.py)", path.display())
        });
        let f: Value = serde_json::from_str(&text).unwrap();
        assert!(f["tools"]["networkx"].is_string() && f["tools"]["python-igraph"].is_string());
        let g = coprod::cases::load(name).unwrap();
        let views = f["views"].as_object().unwrap();
        assert_eq!(views.len(), 2, "{name}");
        for (vname, readers) in views {
            let v = view(&g, vname);
            let readers = readers.as_object().unwrap();
            for key in [
                "graphml/networkx",
                "graphml/igraph",
                "gexf/networkx",
                "pajek/networkx",
                "pajek/igraph",
                "dl/networkx",
                "json/networkx",
            ] {
                let what = format!(
                    "{name} {vname} {key} (rerun scripts/reference/exports.py if the data changed)"
                );
                let x = readers
                    .get(key)
                    .unwrap_or_else(|| panic!("{what}: missing"));
                let (format, _) = key.split_once('/').unwrap();
                // Nodes: the same ids; the rich formats with every attribute.
                let mut want: Vec<(String, Vec<(String, String)>)> = v
                    .actor_indices()
                    .into_iter()
                    .map(|i| {
                        let a = g.actor(i);
                        let label = if a.label.is_empty() { &a.id } else { &a.label };
                        let attrs = match format {
                            "pajek" | "dl" => vec![],
                            _ => vec![
                                ("kind".into(), a.kind.to_string()),
                                ("label".into(), label.clone()),
                                ("label_zh".into(), a.label_zh.clone()),
                                ("level".into(), a.level.to_string()),
                                ("sector".into(), a.sector().to_string()),
                            ],
                        };
                        (a.id.clone(), attrs)
                    })
                    .collect();
                want.sort();
                let got: Vec<(String, Vec<(String, String)>)> = x["nodes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| {
                        let attrs = n[1].as_object().unwrap();
                        (
                            n[0].as_str().unwrap().to_string(),
                            attrs
                                .iter()
                                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                                .collect(),
                        )
                    })
                    .collect();
                assert_eq!(got, want, "{what}: nodes");
                // Edges: one per tie with layer, weight (and certainty); DL: the layer matrices.
                let want = match format {
                    "dl" => matrix_cells(&v),
                    "pajek" => tie_edges(&v, false),
                    _ => tie_edges(&v, true),
                };
                assert!(!want.is_empty(), "{what}: no tie to compare");
                assert_eq!(found_edges(x), want, "{what}: edges");
                let directed = if format == "dl" {
                    true
                } else {
                    v.is_directed()
                };
                assert_eq!(x["directed"].as_bool(), Some(directed), "{what}: direction");
                compared += 1;
            }
        }
    }
    assert_eq!(compared, coprod::cases::names().len() * 2 * 7);
}

#[test]
fn exports_are_deterministic_and_escape_what_they_must() {
    use coprod::io::{ExportFormat, export};
    let g = coprod::io::load_case_str(
        "x",
        // Case ids follow the id rule (issue 19), so the escaping is
        // exercised on the labels.
        "id = \"a.b-c\"\n",
        "id,label,label_zh,kind,level\np,\"Say \"\"hi\"\" <&> \\ now\",黨,party,community\nr,,,resident,building\n",
        "source,target,layer,weight\np,r,leadership,0.1\np,r,deliberation,2\n",
    )
    .unwrap();
    let v = View::aggregate(&g);
    for &f in ExportFormat::ALL {
        assert_eq!(export(&v, f), export(&v, f), "{f:?}");
    }
    let graphml = export(&v, ExportFormat::GraphMl);
    assert!(
        graphml.contains("Say &quot;hi&quot; &lt;&amp;&gt; \\ now"),
        "{graphml}"
    );
    // An empty label is exported as the id; empty values are left out.
    assert!(
        graphml.contains("<data key=\"label\">r</data>"),
        "{graphml}"
    );
    assert!(
        !graphml.contains("<data key=\"label_zh\"></data>"),
        "{graphml}"
    );
    // The undirected deliberation tie both ways in the directed aggregate.
    assert_eq!(graphml.matches("<edge ").count(), 3);
    assert_eq!(
        export(&v.clone().symmetrized(), ExportFormat::GraphMl)
            .matches("<edge ")
            .count(),
        2
    );
    let dot = export(&v, ExportFormat::Dot);
    assert!(dot.starts_with("digraph \"a.b-c\" {"), "{dot}");
    assert!(
        dot.contains("label=\"Say \\\"hi\\\" <&> \\\\ now\""),
        "{dot}"
    );
    let dl = export(&v, ExportFormat::UcinetDl);
    assert_eq!(
        dl,
        "dl n=2 nm=2\nformat = fullmatrix\nlabels:\np,r\nmatrix labels:\nleadership,deliberation\ndata:\n0 0.1\n0 0\n0 2\n2 0\n"
    );
    let net = export(&v, ExportFormat::Pajek);
    assert_eq!(
        net,
        "*Network a.b-c\n*Vertices 2\n1 \"p\"\n2 \"r\"\n*Arcs\n1 2 0.1 l \"leadership\"\n1 2 2 l \"deliberation\"\n2 1 2 l \"deliberation\"\n"
    );
}

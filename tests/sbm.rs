//! The stochastic block model's description length against graph-tool
//! (`tests/fixtures/sbm/`, written by `scripts/reference/sbm.sh`), and the
//! minimiser against graph-tool's `minimize_blockmodel_dl`.

mod common;

use common::{EXACT, close};
use coprod::inference::sbm::{DegreeDlKind, SbmGraph, SbmOptions, description_length};
use serde_json::Value;
use std::path::Path;

struct SbmFixture {
    name: String,
    version: String,
    directed: bool,
    n: usize,
    edges: Vec<(u32, u32)>,
    ids: Option<Vec<String>>,
    partitions: Vec<(String, Vec<u32>, serde_json::Map<String, Value>)>,
    minimize: Option<Value>,
}

impl SbmFixture {
    fn graph(&self) -> SbmGraph {
        SbmGraph::from_edges(self.n, self.directed, &self.edges).expect("fixture graph")
    }
}

fn fixtures() -> Vec<SbmFixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sbm");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/sbm (scripts/reference/sbm.sh)")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json");
            let edges = v["edges"]
                .as_array()
                .expect("edges")
                .iter()
                .map(|e| (e[0].as_u64().unwrap() as u32, e[1].as_u64().unwrap() as u32))
                .collect();
            let partitions = v["partitions"]
                .as_array()
                .expect("partitions")
                .iter()
                .map(|p| {
                    let b = p["b"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_u64().unwrap() as u32)
                        .collect();
                    let e = p["entropy"].as_object().unwrap().clone();
                    (p["name"].as_str().unwrap().to_string(), b, e)
                })
                .collect();
            SbmFixture {
                name: v["name"].as_str().unwrap().to_string(),
                version: format!(
                    "{} {}",
                    v["tool"].as_str().unwrap(),
                    v["version"].as_str().unwrap()
                ),
                directed: v["directed"].as_bool().unwrap(),
                n: v["n"].as_u64().unwrap() as usize,
                edges,
                ids: v
                    .get("ids")
                    .and_then(|x| x.as_array())
                    .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect()),
                partitions,
                minimize: v.get("minimize").cloned(),
            }
        })
        .collect()
}

/// The options equal to a fixture's named switch set (`VARIANTS` in `sbm.py`).
fn variant(name: &str) -> SbmOptions {
    let dc = SbmOptions::default();
    let ndc = SbmOptions::plain();
    match name {
        "dc" => dc,
        "ndc" => ndc,
        "dc_uniform" => SbmOptions {
            degree_dl_kind: DegreeDlKind::Uniform,
            ..dc
        },
        "dc_entropy" => SbmOptions {
            degree_dl_kind: DegreeDlKind::Entropy,
            ..dc
        },
        "dc_stirling" => SbmOptions { exact: false, ..dc },
        "ndc_stirling" => SbmOptions {
            exact: false,
            ..ndc
        },
        "dc_simple" => SbmOptions {
            multigraph: false,
            ..dc
        },
        "ndc_simple" => SbmOptions {
            multigraph: false,
            ..ndc
        },
        "ndc_dense" => SbmOptions { dense: true, ..ndc },
        "ndc_dense_simple" => SbmOptions {
            dense: true,
            multigraph: false,
            ..ndc
        },
        "dc_adjacency_only" => SbmOptions {
            partition_dl: false,
            degree_dl: false,
            edges_dl: false,
            ..dc
        },
        "dc_no_deg_entropy" => SbmOptions {
            deg_entropy: false,
            ..dc
        },
        "dc_no_partition_dl" => SbmOptions {
            partition_dl: false,
            ..dc
        },
        "dc_no_edges_dl" => SbmOptions {
            edges_dl: false,
            ..dc
        },
        "dc_no_degree_dl" => SbmOptions {
            degree_dl: false,
            ..dc
        },
        other => panic!("unknown variant {other} in a fixture"),
    }
}

#[test]
fn description_length_equals_graph_tool() {
    let fx = fixtures();
    assert!(fx.len() >= 20, "too few fixtures: {}", fx.len());
    let mut compared = 0;
    for f in &fx {
        let g = f.graph();
        for (pname, b, want) in &f.partitions {
            for (vname, w) in want {
                let got = description_length(&g, b, &variant(vname))
                    .expect("dl")
                    .total;
                let w = w.as_f64().expect("number");
                assert!(
                    close(got, w, EXACT),
                    "{} ({}), partition {pname}, {vname}: coprod {got}, graph-tool {w}",
                    f.name,
                    f.version
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 1000, "compared only {compared}");
}

/// The case fixtures are the graphs `SbmGraph::from_csr` reads from the same views.
#[test]
fn case_fixtures_are_the_views() {
    use coprod::model::View;
    let mut seen = 0;
    for f in fixtures() {
        let Some(rest) = f.name.strip_prefix("case_") else {
            continue;
        };
        let (case, view) = rest.rsplit_once('_').unwrap();
        let g = coprod::cases::load(case).unwrap();
        let v = if view == "sym" {
            View::aggregate(&g).symmetrized()
        } else {
            View::aggregate(&g)
        };
        assert_eq!(v.ids(), f.ids.clone().unwrap(), "{}", f.name);
        let sg = SbmGraph::from_csr(&v.csr()).unwrap();
        let fg = f.graph();
        assert_eq!(
            (sg.is_directed(), sg.edge_count()),
            (fg.is_directed(), fg.edge_count()),
            "{}",
            f.name
        );
        for u in 0..f.n {
            assert_eq!(
                sg.out_neighbors(u),
                fg.out_neighbors(u),
                "{} node {u}",
                f.name
            );
        }
        seen += 1;
    }
    assert_eq!(seen, 18);
}

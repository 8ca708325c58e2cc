//! Cohesion structure measures against the reference fixtures (NetworkX,
//! igraph, R sna) and the family's own (`scripts/reference/cohesion.py`):
//! components, cores, cuts, connectivity, distances, Krackhardt's dimensions.

mod common;

use common::{
    EXACT, Fixture, any, assert_close, assert_scalar, directed, each, opt, undirected, weighted,
};
use coprod::measures::EdgeLength;
use coprod::measures::cohesion::*;
use coprod::measures::{Direction, Parallelism};
use serde_json::Value;

fn num(v: &Value) -> f64 {
    v.as_f64().expect("number")
}

fn membership(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

#[test]
fn components_match_networkx() {
    each(
        "networkx.connected_components.membership",
        undirected,
        |f, v| {
            assert_eq!(
                weak_components(&f.csr()).membership,
                membership(v),
                "{}",
                f.name
            );
            assert_eq!(
                strong_components(&f.csr()).membership,
                membership(v),
                "{}",
                f.name
            );
        },
    );
    each(
        "networkx.number_connected_components",
        undirected,
        |f, v| {
            assert_eq!(
                weak_components(&f.csr()).count() as f64,
                num(v),
                "{}",
                f.name
            );
        },
    );
    each(
        "networkx.weakly_connected_components.membership",
        directed,
        |f, v| {
            assert_eq!(
                weak_components(&f.csr()).membership,
                membership(v),
                "{}",
                f.name
            );
        },
    );
    each(
        "networkx.strongly_connected_components.membership",
        directed,
        |f, v| {
            assert_eq!(
                strong_components(&f.csr()).membership,
                membership(v),
                "{}",
                f.name
            );
        },
    );
    each(
        "networkx.number_weakly_connected_components",
        directed,
        |f, v| {
            assert_eq!(
                weak_components(&f.csr()).count() as f64,
                num(v),
                "{}",
                f.name
            );
        },
    );
    each(
        "networkx.number_strongly_connected_components",
        directed,
        |f, v| {
            let c = strong_components(&f.csr());
            assert_eq!(c.count() as f64, num(v), "{}", f.name);
            assert_eq!(c.sizes.iter().sum::<usize>(), f.n);
        },
    );
}

#[test]
fn core_numbers_match_networkx_and_igraph() {
    let real = |f: &Fixture| !f.name.starts_with("case_");
    let core = |f: &Fixture, d: Direction| core_number(&f.csr(), &CoreOptions { direction: d });
    each("networkx.core_number", real, |f, v| {
        assert_close(&core(f, Direction::All), &common::floats(v), 0.0, &f.name);
    });
    each("igraph.coreness.all", real, |f, v| {
        assert_close(&core(f, Direction::All), &common::floats(v), 0.0, &f.name);
    });
    each(
        "igraph.coreness.in",
        |f| real(f) && f.directed,
        |f, v| {
            assert_close(&core(f, Direction::In), &common::floats(v), 0.0, &f.name);
        },
    );
    each(
        "igraph.coreness.out",
        |f| real(f) && f.directed,
        |f, v| {
            assert_close(&core(f, Direction::Out), &common::floats(v), 0.0, &f.name);
        },
    );
}

#[test]
fn cuts_match_networkx() {
    each("networkx.articulation_points", undirected, |f, v| {
        assert_eq!(
            cut_vertices_and_bridges(&f.csr()).articulation_points,
            membership(v),
            "{}",
            f.name
        );
    });
    each("networkx.bridges", undirected, |f, v| {
        let want: Vec<(u32, u32)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_u64().unwrap() as u32, e[1].as_u64().unwrap() as u32))
            .collect();
        assert_eq!(
            cut_vertices_and_bridges(&f.csr()).bridges,
            want,
            "{}",
            f.name
        );
    });
}

#[test]
fn connectivity_matches_networkx() {
    each("networkx.node_connectivity", any, |f, v| {
        let g = f.csr();
        let got = node_connectivity(&g, &ConnectivityOptions::default()).unwrap();
        assert_eq!(got as f64, num(v), "node connectivity {}", f.name);
        let exact = ConnectivityOptions {
            method: ConnectivityMethod::Exact,
        };
        let k = node_connectivity(&g, &exact).unwrap();
        assert!(k <= got, "exact κ above NetworkX's bound on {}", f.name);
        if !f.directed {
            assert_eq!(k, got, "exact = NetworkX on undirected {}", f.name);
        }
        assert!(k <= edge_connectivity(&g).unwrap(), "κ ≤ λ on {}", f.name);
    });
    each("networkx.edge_connectivity", any, |f, v| {
        assert_eq!(
            edge_connectivity(&f.csr()).unwrap() as f64,
            num(v),
            "edge connectivity {}",
            f.name
        );
    });
}

#[test]
fn distances_match_networkx_and_igraph() {
    let real = |f: &Fixture| !f.name.starts_with("case_");
    let o = |w: EdgeLength, u: Unreachable| DistanceOptions {
        weighting: w,
        unreachable: u,
        ..Default::default()
    };
    use EdgeLength::*;
    use Unreachable::*;
    for (key, w, u, mean) in [
        (
            "networkx.average_shortest_path_length",
            Hops,
            Undefined,
            true,
        ),
        ("networkx.diameter", Hops, Undefined, false),
        ("igraph.average_path_length", Hops, Skip, true),
        ("igraph.diameter", Hops, Skip, false),
    ] {
        each(key, real, |f, v| {
            let g = f.csr();
            let got = if mean {
                mean_distance(&g, &o(w, u))
            } else {
                diameter(&g, &o(w, u))
            };
            opt(got, v, &format!("{key} {}", f.name));
        });
    }
    for (key, u, mean) in [
        (
            "networkx.average_shortest_path_length.weight",
            Undefined,
            true,
        ),
        ("networkx.diameter.weight", Undefined, false),
        ("igraph.average_path_length.weight", Skip, true),
        ("igraph.diameter.weight", Skip, false),
    ] {
        each(key, weighted, |f, v| {
            let g = f.csr();
            let got = if mean {
                mean_distance(&g, &o(Weight, u))
            } else {
                diameter(&g, &o(Weight, u))
            };
            opt(got, v, &format!("{key} {}", f.name));
        });
    }
    each("networkx.global_efficiency", undirected, |f, v| {
        opt(
            global_efficiency(&f.csr(), &DistanceOptions::default()),
            v,
            &f.name,
        );
    });
}

#[test]
fn distances_sequential_equal_parallel() {
    for (seed, directed) in [(1, false), (2, true)] {
        let g = coprod::generate::gnm(600, 1500, directed, seed).unwrap();
        for w in [EdgeLength::Hops, EdgeLength::Weight] {
            let run = |parallelism| {
                distance_summary(
                    &g,
                    &DistanceOptions {
                        weighting: w,
                        parallelism,
                        ..Default::default()
                    },
                )
            };
            let (s, p) = (run(Parallelism::Sequential), run(Parallelism::Parallel));
            assert_eq!(s, p);
            assert_eq!(s.sum.to_bits(), p.sum.to_bits());
            assert_eq!(s.inverse_sum.to_bits(), p.inverse_sum.to_bits());
        }
    }
}

#[test]
fn krackhardt_dimensions_match_sna() {
    each("sna.connectedness", any, |f, v| {
        assert_scalar(connectedness(&f.csr()), num(v), EXACT, &f.name);
    });
    for (key, measure) in [
        ("sna.hierarchy.krackhardt", HierarchyMeasure::Krackhardt),
        ("sna.hierarchy.reciprocity", HierarchyMeasure::Reciprocity),
    ] {
        each(key, any, |f, v| {
            let got = krackhardt_hierarchy(
                &f.csr(),
                &HierarchyOptions {
                    measure,
                    ..Default::default()
                },
            );
            opt(got, v, &format!("{key} {}", f.name));
        });
    }
    each("sna.efficiency", any, |f, v| {
        opt(krackhardt_efficiency(&f.csr()), v, &f.name);
    });
    each("sna.lubness", any, |f, v| {
        opt(lubness(&f.csr()), v, &format!("lubness {}", f.name));
    });
}

/// The family's own fixtures, written by `scripts/reference/cohesion.py`.
fn own() -> Vec<Fixture> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cohesion");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/cohesion (run scripts/reference/cohesion.py)")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 30, "too few cohesion fixtures");
    paths.iter().map(|p| common::load_fixture(p)).collect()
}

#[test]
fn own_fixtures_match_networkx() {
    for f in &own() {
        let g = f.csr();
        let exact = ConnectivityOptions {
            method: ConnectivityMethod::Exact,
        };
        let want = f
            .scalar("networkx.node_connectivity.exact")
            .expect("exact κ");
        assert_eq!(
            node_connectivity(&g, &exact).unwrap() as f64,
            want,
            "exact κ {}",
            f.name
        );
        if f.directed {
            let want = f
                .scalar("networkx.transitivity.digraph")
                .expect("digraph transitivity");
            assert_scalar(transitivity(&g), want, EXACT, &f.name);
        } else {
            let want = f.nodes("networkx.triangles").expect("triangles");
            assert_close(&triangles(&g), &want, 0.0, &f.name);
        }
    }
}

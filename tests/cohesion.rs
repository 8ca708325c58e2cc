//! Cohesion measures against the reference fixtures (NetworkX, igraph, R sna):
//! every key is compared on every fixture that should carry it.

mod common;

use common::{EXACT, Fixture, assert_close, assert_scalar};
use coprod::measures::Direction;
use coprod::measures::Weighting;
use coprod::measures::cohesion::*;
use coprod::model::{Aggregation, Csr};
use serde_json::Value;
use std::sync::OnceLock;

fn all() -> &'static [Fixture] {
    static F: OnceLock<Vec<Fixture>> = OnceLock::new();
    F.get_or_init(common::fixtures)
}

/// Run `check` on every fixture that has `key`, and assert that every fixture
/// satisfying `should` has it (so a missing key cannot silently pass).
fn each(key: &str, should: impl Fn(&Fixture) -> bool, mut check: impl FnMut(&Fixture, &Value)) {
    let mut seen = 0;
    for f in all() {
        match f.values.get(key) {
            Some(v) => {
                check(f, v);
                seen += 1;
            }
            None => assert!(!should(f), "{key} missing from fixture {}", f.name),
        }
    }
    assert!(seen > 0, "{key}: no fixture has it");
}

fn any(_: &Fixture) -> bool {
    true
}
fn directed(f: &Fixture) -> bool {
    f.directed
}
fn undirected(f: &Fixture) -> bool {
    !f.directed
}
fn weighted(f: &Fixture) -> bool {
    f.weighted && !f.name.starts_with("case_")
}

/// A graph-level value that may be undefined (`null` in the fixture).
fn opt(got: Option<f64>, want: &Value, what: &str) {
    match want.as_f64() {
        Some(w) => assert_scalar(got.unwrap_or(f64::NAN), w, EXACT, what),
        None => assert!(
            got.is_none_or(f64::is_nan),
            "{what}: got {got:?}, want undefined"
        ),
    }
}

fn num(v: &Value) -> f64 {
    v.as_f64().expect("number")
}

fn undirected_of(f: &Fixture) -> Csr {
    f.csr_unweighted().to_undirected(Aggregation::Max)
}

#[test]
fn density_matches_networkx_igraph_sna() {
    for key in ["networkx.density", "igraph.density", "sna.gden"] {
        each(key, any, |f, v| {
            let got = density(&f.csr(), &DensityOptions::default());
            opt(got, v, &format!("{key} {}", f.name));
        });
    }
    each("sna.gden.valued", weighted, |f, v| {
        let o = DensityOptions {
            value: TieValue::Weight,
        };
        opt(density(&f.csr(), &o), v, &format!("gden.valued {}", f.name));
    });
}

#[test]
fn reciprocity_and_dyad_census_match() {
    use ReciprocityMeasure::*;
    for (key, measure) in [
        ("networkx.reciprocity", Edgewise),
        ("igraph.reciprocity", Edgewise),
        ("sna.grecip.edgewise", Edgewise),
        ("sna.grecip.dyadic", Dyadic),
        ("sna.grecip.dyadic.nonnull", DyadicNonNull),
        ("igraph.reciprocity.ratio", DyadicNonNull),
    ] {
        each(key, directed, |f, v| {
            let got = reciprocity(&f.csr(), &ReciprocityOptions { measure });
            opt(got, v, &format!("{key} {}", f.name));
        });
    }
    each("sna.dyad.census", any, |f, v| {
        let c = dyad_census(&f.csr());
        let want = (num(&v["Mut"]), num(&v["Asym"]), num(&v["Null"]));
        assert_eq!(
            (c.mutual as f64, c.asymmetric as f64, c.null as f64),
            want,
            "dyad census {}",
            f.name
        );
    });
}

#[test]
fn transitivity_matches_networkx_igraph_sna() {
    each(
        "networkx.transitivity",
        |f| undirected(f) && !f.name.starts_with("case_"),
        |f, v| {
            assert_scalar(transitivity(&f.csr()), num(v), EXACT, &f.name);
        },
    );
    // digraphs: see own_fixtures_match_networkx
    each(
        "igraph.transitivity_undirected",
        |f| !f.name.starts_with("case_"),
        |f, v| {
            // igraph collapses directions; NaN (no triple) is 0 here, as NetworkX
            let got = transitivity(&undirected_of(f));
            assert_scalar(got, v.as_f64().unwrap_or(0.0), EXACT, &f.name);
        },
    );
    for (key, measure) in [
        ("sna.gtrans", GtransMeasure::Weak),
        ("sna.gtrans.strong", GtransMeasure::Strong),
    ] {
        each(
            key,
            |f| !f.name.starts_with("case_"),
            |f, v| {
                let got = gtrans(&f.csr(), &GtransOptions { measure });
                assert_scalar(got, num(v), EXACT, &format!("{key} {}", f.name));
            },
        );
    }
}

#[test]
fn local_and_average_clustering_match_networkx() {
    let plain = ClusteringOptions::default();
    let geo = ClusteringOptions {
        weighting: ClusteringWeighting::GeometricMean,
        ..plain
    };
    each("networkx.clustering", any, |f, v| {
        let got = local_clustering(&f.csr(), &plain).unwrap();
        assert_close(
            &got,
            &common::floats(v),
            EXACT,
            &format!("clustering {}", f.name),
        );
    });
    each("networkx.average_clustering", any, |f, v| {
        opt(average_clustering(&f.csr(), &plain).unwrap(), v, &f.name);
    });
    each("networkx.clustering.weight", weighted, |f, v| {
        let got = local_clustering(&f.csr(), &geo).unwrap();
        assert_close(
            &got,
            &common::floats(v),
            EXACT,
            &format!("clustering.weight {}", f.name),
        );
    });
    each("networkx.average_clustering.weight", weighted, |f, v| {
        opt(average_clustering(&f.csr(), &geo).unwrap(), v, &f.name);
    });
}

#[test]
fn local_and_average_clustering_match_igraph() {
    let zero = ClusteringOptions::default();
    let nan = ClusteringOptions {
        undefined: Undefined::Nan,
        ..zero
    };
    let real = |f: &Fixture| !f.name.starts_with("case_");
    for (key, o) in [
        ("igraph.transitivity_local_undirected", nan),
        ("igraph.transitivity_local_undirected.zero", zero),
    ] {
        each(key, real, |f, v| {
            let got = local_clustering(&undirected_of(f), &o).unwrap();
            assert_close(
                &got,
                &common::floats(v),
                EXACT,
                &format!("{key} {}", f.name),
            );
        });
    }
    for (key, o) in [
        ("igraph.transitivity_avglocal_undirected.zero", zero),
        ("igraph.transitivity_avglocal_undirected.nan", nan),
    ] {
        each(key, real, |f, v| {
            let got = average_clustering(&undirected_of(f), &o).unwrap();
            opt(got, v, &format!("{key} {}", f.name));
        });
    }
    let barrat = ClusteringOptions {
        weighting: ClusteringWeighting::Barrat,
        undefined: Undefined::Nan,
    };
    each(
        "igraph.transitivity_local_undirected.weight",
        |f| weighted(f) && !f.directed,
        |f, v| {
            let got = local_clustering(&f.csr(), &barrat).unwrap();
            assert_close(
                &got,
                &common::floats(v),
                EXACT,
                &format!("barrat {}", f.name),
            );
        },
    );
    let d = Csr::from_edges(2, true, &[(0, 1, 1.0)], Aggregation::Sum);
    assert!(local_clustering(&d, &barrat).is_err());
}

#[test]
fn triangles_agree_with_transitivity() {
    // 3 × triangles / connected triples = NetworkX transitivity, undirected
    each(
        "networkx.transitivity",
        |f| undirected(f) && !f.name.starts_with("case_"),
        |f, v| {
            let g = f.csr();
            let t: f64 = triangles(&g).iter().sum::<f64>() / 3.0;
            let triples: f64 = (0..g.node_count())
                .map(|u| {
                    let d = g.out_degree(u) as f64;
                    d * (d - 1.0) / 2.0
                })
                .sum();
            let want = num(v);
            assert_scalar(
                if t == 0.0 { 0.0 } else { 3.0 * t / triples },
                want,
                EXACT,
                &f.name,
            );
        },
    );
}

fn census_check(f: &Fixture, v: &Value, what: &str) {
    let c = triad_census(&f.csr());
    let obj = v.as_object().expect("census object");
    if f.directed || obj.contains_key("003") {
        for (i, name) in TRIAD_TYPES.iter().enumerate() {
            assert_eq!(
                c.0[i] as f64,
                num(&obj[*name]),
                "{what} {} type {name}",
                f.name
            );
        }
    } else {
        let u = c.undirected();
        for (i, k) in ["0", "1", "2", "3"].iter().enumerate() {
            assert_eq!(u[i] as f64, num(&obj[*k]), "{what} {} edges {k}", f.name);
        }
    }
    let total: u128 = c.0.iter().sum();
    let n = f.n as u128;
    assert_eq!(total, n * (n - 1) * (n - 2) / 6);
}

#[test]
fn triad_census_matches_networkx_igraph_sna() {
    each("networkx.triadic_census", directed, |f, v| {
        census_check(f, v, "networkx")
    });
    each("igraph.triad_census", directed, |f, v| {
        census_check(f, v, "igraph")
    });
    each("sna.triad.census", any, |f, v| census_check(f, v, "sna"));
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
    let o = |w: Weighting, u: Unreachable| DistanceOptions {
        weighting: w,
        unreachable: u,
        ..Default::default()
    };
    use Unreachable::*;
    use Weighting::*;
    for (key, w, u, mean) in [
        (
            "networkx.average_shortest_path_length",
            Unweighted,
            Undefined,
            true,
        ),
        ("networkx.diameter", Unweighted, Undefined, false),
        ("igraph.average_path_length", Unweighted, Skip, true),
        ("igraph.diameter", Unweighted, Skip, false),
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
                mean_distance(&g, &o(Distance, u))
            } else {
                diameter(&g, &o(Distance, u))
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
        for w in [Weighting::Unweighted, Weighting::Distance] {
            let run = |execution| {
                distance_summary(
                    &g,
                    &DistanceOptions {
                        weighting: w,
                        execution,
                        ..Default::default()
                    },
                )
            };
            let (s, p) = (run(Execution::Sequential), run(Execution::Parallel));
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
            let got = hierarchy(&f.csr(), &HierarchyOptions { measure });
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

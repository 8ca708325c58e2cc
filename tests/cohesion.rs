//! Cohesion measures against the reference fixtures (NetworkX, igraph, R sna):
//! density, reciprocity, transitivity, clustering and censuses. Every key is
//! compared on every fixture that should carry it. Structure measures
//! (components, cores, cuts, connectivity, distances, Krackhardt) are in
//! `cohesion_structure.rs`.

mod common;

use common::{
    EXACT, Fixture, any, assert_close, assert_scalar, directed, each, opt, undirected, weighted,
};
use coprod::measures::cohesion::*;
use coprod::model::{Aggregation, Csr};
use serde_json::Value;

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
            value: Weights::Strength,
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

/// Krackhardt hierarchy and the distance summaries give the same result
/// forced sequential and forced parallel (the one parallel driver).
#[test]
fn hierarchy_and_distances_sequential_equal_parallel() {
    use coprod::measures::Parallelism;
    use coprod::measures::cohesion::{
        DistanceOptions, HierarchyOptions, global_efficiency, krackhardt_hierarchy, mean_distance,
    };
    let g = coprod::generate::gnm(400, 900, true, 4).unwrap();
    let h = |parallelism| HierarchyOptions {
        parallelism,
        ..Default::default()
    };
    assert_eq!(
        krackhardt_hierarchy(&g, &h(Parallelism::Sequential)),
        krackhardt_hierarchy(&g, &h(Parallelism::Parallel))
    );
    let d = |parallelism| DistanceOptions {
        parallelism,
        ..Default::default()
    };
    for f in [mean_distance, global_efficiency] {
        assert_eq!(
            f(&g, &d(Parallelism::Sequential)).map(f64::to_bits),
            f(&g, &d(Parallelism::Parallel)).map(f64::to_bits)
        );
    }
}

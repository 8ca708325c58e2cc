//! Freeman centralization against `sna::centralization` fixtures.

mod common;

use common::{EXACT, assert_scalar, fixtures};
use coprod::measures::Direction;
use coprod::measures::centralization::*;
use coprod::model::{Aggregation, Csr};

/// Compare with the scalar `key` on every fixture it is expected on; the key
/// must be present (null = sna's result is ill-posed, with a note).
fn check(key: &str, directed: Option<bool>, tol: f64, got: impl Fn(&Csr) -> Option<f64>) {
    let mut compared = 0;
    for f in fixtures() {
        if directed.is_some_and(|d| d != f.directed) {
            continue;
        }
        assert!(f.values.contains_key(key), "{}: key {key} missing", f.name);
        if let Some(want) = f.scalar(key) {
            let g = got(&f.csr()).unwrap_or_else(|| panic!("{} {key}: None", f.name));
            assert_scalar(g, want, tol, &format!("{} {key}", f.name));
            compared += 1;
        }
    }
    assert!(compared >= 7, "{key}: only {compared} fixtures compared");
}

#[test]
fn degree_centralization_matches_sna() {
    check("sna.centralization.degree", Some(false), EXACT, |g| {
        degree_centralization(g, Direction::All)
    });
    for (cm, dir) in [
        ("indegree", Direction::In),
        ("outdegree", Direction::Out),
        ("freeman", Direction::All),
    ] {
        check(
            &format!("sna.centralization.degree.{cm}"),
            Some(true),
            EXACT,
            |g| degree_centralization(g, dir),
        );
    }
}

#[test]
fn closeness_centralization_matches_sna() {
    check(
        "sna.centralization.closeness",
        None,
        EXACT,
        closeness_centralization,
    );
}

#[test]
fn betweenness_centralization_matches_sna() {
    check(
        "sna.centralization.betweenness",
        None,
        EXACT,
        betweenness_centralization,
    );
}

#[test]
fn eigenvector_centralization_matches_sna() {
    check("sna.centralization.evcent", None, 1e-6, |g| {
        eigenvector_centralization(g).unwrap()
    });
}

#[test]
fn stars_are_maximally_centralized_and_small_graphs_undefined() {
    let star: Vec<_> = (1..6).map(|v| (0, v, 1.0)).collect();
    let g = Csr::from_edges(6, false, &star, Aggregation::Sum);
    assert_eq!(degree_centralization(&g, Direction::All), Some(1.0));
    assert_eq!(betweenness_centralization(&g), Some(1.0));
    assert!((closeness_centralization(&g).unwrap() - 1.0).abs() < 1e-12);
    // an out-star digraph: out-degree centralization 1
    let d = Csr::from_edges(6, true, &star, Aggregation::Sum);
    assert_eq!(degree_centralization(&d, Direction::Out), Some(1.0));
    // n = 2: betweenness and undirected degree maxima are 0
    let two = Csr::from_edges(2, false, &[(0, 1, 1.0)], Aggregation::Sum);
    assert_eq!(betweenness_centralization(&two), None);
    assert_eq!(degree_centralization(&two, Direction::All), None);
    assert_eq!(closeness_centralization(&two), None);
    assert_eq!(freeman(&[], 1.0), None);
    assert_eq!(freeman(&[1.0, f64::NAN], 1.0), None);
}

//! The summary tables (`coprod measures` / `coprod summary`) on the bundled
//! cases equal the reference tools' values in the case fixtures, column by column.

mod common;

use coprod::measures::summary::{ACTOR_COLUMNS, GRAPH_ROWS, actor_table, graph_summary};
use coprod::model::{Attribute, View};

/// Iterative methods (eigenvector, PageRank) are compared at this tolerance.
const ITERATIVE: f64 = 1e-6;

fn fixture(case: &str, view: &str) -> common::Fixture {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/reference/case_{case}_{view}.json"));
    common::load_fixture(&p)
}

#[test]
fn actor_table_columns_equal_the_reference_tools() {
    let pairs: &[(&str, &str, f64)] = &[
        (
            "degree_centrality",
            "networkx.degree_centrality",
            common::EXACT,
        ),
        ("closeness", "networkx.closeness_centrality", common::EXACT),
        ("harmonic", "networkx.harmonic_centrality", common::EXACT),
        (
            "betweenness",
            "networkx.betweenness_centrality",
            common::EXACT,
        ),
        ("eigenvector", "networkx.eigenvector_centrality", ITERATIVE),
        ("pagerank", "networkx.pagerank.weight", ITERATIVE),
        ("core_number", "networkx.core_number", common::EXACT),
        ("clustering", "networkx.clustering", common::EXACT),
        ("effective_size", "networkx.effective_size", common::EXACT),
        ("constraint", "networkx.constraint", common::EXACT),
        ("coordinator", "sna.brokerage.raw_nli.w_I", common::EXACT),
        ("itinerant", "sna.brokerage.raw_nli.w_O", common::EXACT),
        (
            "representative",
            "sna.brokerage.raw_nli.b_IO",
            common::EXACT,
        ),
        ("gatekeeper", "sna.brokerage.raw_nli.b_OI", common::EXACT),
        ("liaison", "sna.brokerage.raw_nli.b_O", common::EXACT),
        ("brokerage", "sna.brokerage.raw_nli.t", common::EXACT),
        ("coordinator_z", "sna.brokerage.z_nli.w_I", common::EXACT),
        ("liaison_z", "sna.brokerage.z_nli.b_O", common::EXACT),
        ("brokerage_z", "sna.brokerage.z_nli.t", common::EXACT),
    ];
    let mut compared = 0;
    for name in coprod::cases::names() {
        let g = coprod::cases::load(name).unwrap();
        for (vname, view) in [
            ("agg", View::aggregate(&g)),
            ("sym", View::aggregate(&g).symmetrized()),
        ] {
            let f = fixture(name, vname);
            let t = actor_table(&view, &Attribute::Sector).unwrap();
            assert_eq!(t.values[0].len(), ACTOR_COLUMNS.len());
            for &(col, key, tol) in pairs {
                let c = ACTOR_COLUMNS.iter().position(|x| x.0 == col).unwrap();
                let got: Vec<f64> = t.values.iter().map(|r| r[c]).collect();
                match f.nodes(key) {
                    Some(want) => {
                        common::assert_close(
                            &got,
                            &want,
                            tol,
                            &format!("{name} {vname} {col} vs {key}"),
                        );
                        compared += 1;
                    }
                    // Only eigenvector may be undefined (acyclic views).
                    None => assert_eq!(col, "eigenvector", "{name} {vname}: fixture lacks {key}"),
                }
            }
        }
    }
    assert!(compared > 250, "{compared}");
}

#[test]
fn graph_summary_rows_equal_the_reference_tools() {
    let pairs: &[(&str, &str)] = &[
        ("density", "networkx.density"),
        ("reciprocity", "networkx.reciprocity"),
        ("average_clustering", "networkx.average_clustering"),
        ("mean_distance", "igraph.average_path_length"),
        ("diameter", "igraph.diameter"),
        ("connectedness", "sna.connectedness"),
        ("krackhardt_hierarchy", "sna.hierarchy.krackhardt"),
        ("krackhardt_efficiency", "sna.efficiency"),
        ("lubness", "sna.lubness"),
        ("degree_centralization", "sna.centralization.degree.freeman"),
        (
            "indegree_centralization",
            "sna.centralization.degree.indegree",
        ),
        (
            "outdegree_centralization",
            "sna.centralization.degree.outdegree",
        ),
        (
            "betweenness_centralization",
            "sna.centralization.betweenness",
        ),
        (
            "party_group_closeness",
            "networkx.group_closeness_centrality",
        ),
        (
            "party_group_betweenness",
            "bruteforce.group_betweenness_centrality",
        ),
    ];
    let mut compared = 0;
    for name in coprod::cases::names() {
        let g = coprod::cases::load(name).unwrap();
        let has_party = !g.actors_of_kind(coprod::model::Kind::Party).is_empty();
        for (vname, view) in [
            ("agg", View::aggregate(&g)),
            ("sym", View::aggregate(&g).symmetrized()),
        ] {
            let f = fixture(name, vname);
            let s = graph_summary(&view, &Attribute::Sector).unwrap();
            assert_eq!(s.values.len(), GRAPH_ROWS.len());
            for &(row, key) in pairs {
                if row.starts_with("party_") && !has_party {
                    assert_eq!(s.get(row), None, "{name}: {row} without party actors");
                    continue;
                }
                if let Some(want) = f.scalar(key) {
                    let got = s.get(row).unwrap_or(f64::NAN);
                    common::assert_scalar(
                        got,
                        want,
                        common::EXACT,
                        &format!("{name} {vname} {row} vs {key}"),
                    );
                    compared += 1;
                }
            }
            if vname == "sym" && has_party {
                let want = f.scalar("networkx.group_degree_centrality").unwrap();
                common::assert_scalar(
                    s.get("party_group_degree").unwrap(),
                    want,
                    common::EXACT,
                    name,
                );
            }
            assert_eq!(s.get("actors"), Some(f.n as f64));
        }
    }
    assert!(compared > 150, "{compared}");
}

#[test]
fn summary_serialises_with_every_row() {
    let g = coprod::cases::load("ly").unwrap();
    let s = graph_summary(&View::aggregate(&g), &Attribute::Kind).unwrap();
    let csv = s.to_csv();
    assert_eq!(csv.lines().count(), GRAPH_ROWS.len() + 2);
    let json: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(json["partition"], "kind");
    for (row, _) in GRAPH_ROWS {
        assert!(json.get(*row).is_some(), "{row}");
    }
    let t = actor_table(&View::aggregate(&g), &Attribute::Kind).unwrap();
    let json: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), g.actor_count());
    assert_eq!(t.to_csv().lines().count(), g.actor_count() + 1);
}

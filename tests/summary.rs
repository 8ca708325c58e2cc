//! The summary tables (`coprod measures` / `coprod summary`) on the bundled
//! cases equal the reference tools' values in the case fixtures, column by column.

mod common;

use coprod::model::{Attribute, View};
use coprod::report::{
    ACTOR_COLUMNS, GRAPH_ROWS, HYPOTHESIS_ROWS, ReportOptions, Table, actor_table, graph_summary,
};

fn by(partition: Attribute) -> ReportOptions {
    ReportOptions {
        partition,
        ..Default::default()
    }
}

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
            let t = actor_table(&view, &by(Attribute::Sector)).unwrap();
            assert_eq!(t.values[0].len(), ACTOR_COLUMNS.len());
            for &(col, key, tol) in pairs {
                let c = ACTOR_COLUMNS.iter().position(|x| x.name == col).unwrap();
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
                    // Only eigenvector may be undefined (spectral radius 0 or
                    // a repeated dominant eigenvalue), and then it is NaN here.
                    None => {
                        assert_eq!(col, "eigenvector", "{name} {vname}: fixture lacks {key}");
                        assert!(got.iter().all(|x| x.is_nan()), "{name} {vname}: {got:?}");
                    }
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
            "core_group_closeness",
            "networkx.group_closeness_centrality",
        ),
        (
            "core_group_betweenness",
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
            let s = graph_summary(&view, &by(Attribute::Sector)).unwrap();
            assert_eq!(s.rows.len(), GRAPH_ROWS.len() + HYPOTHESIS_ROWS.len());
            for &(row, key) in pairs {
                if row.starts_with("core_") && !has_party {
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
                    s.get("core_group_degree").unwrap(),
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
    let s = graph_summary(&View::aggregate(&g), &by(Attribute::Kind)).unwrap();
    let csv = s.to_csv();
    assert_eq!(
        csv.lines().count(),
        GRAPH_ROWS.len() + HYPOTHESIS_ROWS.len() + 3
    );
    let json: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(json["partition"], "kind");
    for row in GRAPH_ROWS
        .iter()
        .map(|r| r.name)
        .chain(HYPOTHESIS_ROWS.iter().map(|r| r.name))
    {
        assert!(json.get(row).is_some(), "{row}");
    }
    assert_eq!(json["core"], "kind:party");
    let t = actor_table(&View::aggregate(&g), &by(Attribute::Kind)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&t.to_json()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), g.actor_count());
    assert_eq!(t.to_csv().lines().count(), g.actor_count() + 1);
}

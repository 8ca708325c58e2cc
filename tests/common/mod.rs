//! Shared test helpers: reference fixtures and tolerant comparison.
#![allow(dead_code)]

use coprod::model::{Aggregation, Csr, Partition};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

/// Tolerance for exact (non-iterative) measures.
pub const EXACT: f64 = 1e-9;

/// A reference fixture written by `scripts/reference/reference.py`.
pub struct Fixture {
    pub name: String,
    pub directed: bool,
    pub weighted: bool,
    pub n: usize,
    pub edges: Vec<(u32, u32, f64)>,
    pub partition: Vec<u32>,
    pub group: Vec<usize>,
    pub values: serde_json::Map<String, Value>,
    pub tools: Value,
}

impl Fixture {
    /// The fixture's group as a node set of its graph.
    #[allow(dead_code)]
    pub fn group_set(&self) -> coprod::model::NodeSet {
        coprod::model::NodeSet::new(self.n, self.group.iter().copied())
            .expect("group inside the graph")
    }

    /// The graph as a Csr (weights as given; the fixtures have no parallel edges).
    pub fn csr(&self) -> Csr {
        Csr::from_edges(self.n, self.directed, &self.edges, Aggregation::Sum)
    }

    /// The graph with every weight 1.
    pub fn csr_unweighted(&self) -> Csr {
        let e: Vec<_> = self.edges.iter().map(|&(u, v, _)| (u, v, 1.0)).collect();
        Csr::from_edges(self.n, self.directed, &e, Aggregation::Sum)
    }

    pub fn partition(&self) -> Partition {
        Partition::from_groups(self.partition.clone())
    }

    /// The raw JSON value of a key, if the fixture has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.values.get(key).filter(|v| !v.is_null())
    }

    /// A per-node list (null -> NaN), if the fixture has the key.
    pub fn nodes(&self, key: &str) -> Option<Vec<f64>> {
        self.get(key).map(floats)
    }

    /// A graph-level number, if the fixture has the key.
    pub fn scalar(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(|v| v.as_f64())
    }
}

/// A JSON array of numbers/nulls as f64 (null -> NaN).
pub fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// Every fixture in tests/fixtures/reference, sorted by name.
pub fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/reference exists (run scripts/reference/run.sh)")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths.iter().map(|p| load_fixture(p)).collect()
}

/// One fixture file.
pub fn load_fixture(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let edges = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let e = e.as_array().unwrap();
            (
                e[0].as_u64().unwrap() as u32,
                e[1].as_u64().unwrap() as u32,
                e.get(2).and_then(|w| w.as_f64()).unwrap_or(1.0),
            )
        })
        .collect();
    let ints = |k: &str| -> Vec<u64> {
        v[k].as_array()
            .map(|a| a.iter().map(|x| x.as_u64().unwrap()).collect())
            .unwrap_or_default()
    };
    Fixture {
        name: v["name"].as_str().unwrap().to_string(),
        directed: v["directed"].as_bool().unwrap(),
        weighted: v["weighted"].as_bool().unwrap_or(false),
        n: v["n"].as_u64().unwrap() as usize,
        edges,
        partition: ints("partition").into_iter().map(|x| x as u32).collect(),
        group: ints("group").into_iter().map(|x| x as usize).collect(),
        values: v["values"].as_object().cloned().unwrap_or_default(),
        tools: v["tools"].clone(),
    }
}

/// Whether `a` equals `b` within `tol` (absolute below 1, relative above); NaN equals NaN.
pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b || (a - b).abs() <= tol * b.abs().max(1.0)
}

/// Assert two per-node vectors agree within `tol`, naming the first difference.
pub fn assert_close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert!(
            close(g, w, tol),
            "{what}: node {i}: got {g}, want {w} (tol {tol})"
        );
    }
}

/// Assert two scalars agree within `tol`.
pub fn assert_scalar(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        close(got, want, tol),
        "{what}: got {got}, want {want} (tol {tol})"
    );
}

/// Every fixture, loaded once per test binary.
pub fn all() -> &'static [Fixture] {
    static F: OnceLock<Vec<Fixture>> = OnceLock::new();
    F.get_or_init(fixtures)
}

/// Run `check` on every fixture that has `key`, and assert that every fixture
/// satisfying `should` has it (so a missing key cannot silently pass).
pub fn each(key: &str, should: impl Fn(&Fixture) -> bool, mut check: impl FnMut(&Fixture, &Value)) {
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

pub fn any(_: &Fixture) -> bool {
    true
}
pub fn directed(f: &Fixture) -> bool {
    f.directed
}
pub fn undirected(f: &Fixture) -> bool {
    !f.directed
}
pub fn weighted(f: &Fixture) -> bool {
    f.weighted && !f.name.starts_with("case_")
}

/// A graph-level value that may be undefined (`null` in the fixture).
pub fn opt(got: Option<f64>, want: &Value, what: &str) {
    match want.as_f64() {
        Some(w) => assert_scalar(got.unwrap_or(f64::NAN), w, EXACT, what),
        None => assert!(
            got.is_none_or(f64::is_nan),
            "{what}: got {got:?}, want undefined"
        ),
    }
}

/// Monte-Carlo tolerance for two permutation p-values each estimated from
/// `reps` independent replicates (coprod's and the reference tool's): the
/// difference has standard deviation `sqrt(2 p (1 - p) / reps)` (binomial,
/// `p` estimated by their mean), and 4.5 of those (a false alarm about once in
/// 150,000 comparisons) plus 1e-12 for p = 0 or 1 on both sides.
pub fn mc_tolerance(p1: f64, p2: f64, reps: usize) -> f64 {
    let p = 0.5 * (p1 + p2);
    4.5 * (2.0 * p * (1.0 - p) / reps as f64).sqrt() + 1e-12
}

/// Assert two permutation p-values agree within [`mc_tolerance`].
pub fn assert_mc(got: f64, want: f64, reps: usize, what: &str) {
    let tol = mc_tolerance(got, want, reps);
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (Monte-Carlo tolerance {tol:.4} at {reps} replicates)"
    );
}

/// Monte-Carlo tolerance for a share estimated from a Markov chain whose
/// exact value `p` is known (an enumeration): the estimate's standard error
/// is `sqrt(p (1 − p) / ess)`, `ess` the effective sample size the chain
/// reports for that share's indicator (autocorrelation accounted for), and
/// 4.5 of those as in [`mc_tolerance`], plus 1e-12 for `p` = 0 or 1.
pub fn mc_share_tolerance(p: f64, ess: f64) -> f64 {
    4.5 * (p * (1.0 - p) / ess).sqrt() + 1e-12
}

/// Tolerance for closed-form statistics of integer tables (agreement κ, α):
/// the same few floating-point operations in another order.
pub const CLOSED_FORM: f64 = 1e-12;

/// As [`opt`], within `tol`.
pub fn opt_within(got: Option<f64>, want: &Value, tol: f64, what: &str) {
    match want.as_f64() {
        Some(w) => assert_scalar(got.unwrap_or(f64::NAN), w, tol, what),
        None => assert!(
            got.is_none_or(f64::is_nan),
            "{what}: got {got:?}, want undefined"
        ),
    }
}

/// A small case: actor `v{i}` of kind `kinds[i]` (level community), and one
/// tie of weight 1 per `(source, target, layer)`.
pub fn tiny(
    kinds: &[coprod::model::Kind],
    ties: &[(usize, usize, &str)],
) -> coprod::model::MultiplexGraph {
    use coprod::model::{Actor, Level, MultiplexGraph, Provenance};
    let mut g = MultiplexGraph::new();
    for (i, &k) in kinds.iter().enumerate() {
        g.add_actor(Actor::new(format!("v{i}"), k, Level::Community))
            .unwrap();
    }
    for &(u, v, l) in ties {
        g.add_tie(
            &format!("v{u}"),
            &format!("v{v}"),
            l,
            1.0,
            Provenance::default(),
        )
        .unwrap();
    }
    g
}

/// The ERGM tests' small undirected graph: 6 nodes, 8 ties, two triangles
/// joined by a path and a chord (every network on its 15 dyads can be enumerated).
pub const SIX_NODE_TIES: [(usize, usize); 8] = [
    (0, 1),
    (1, 2),
    (0, 2),
    (2, 3),
    (3, 4),
    (4, 5),
    (3, 5),
    (1, 4),
];

/// An ERGM's data on this network (no attributes).
pub fn ergm_net(
    n: usize,
    directed: bool,
    edges: &[(usize, usize)],
) -> coprod::inference::ergm::network::ErgmData {
    use coprod::inference::ergm::network::{ErgmData, Network};
    ErgmData::new(Network::from_edges(n, directed, edges).unwrap())
}

/// A fixture's edge list, `[[u, v], …]`, as 0-based pairs.
pub fn edge_pairs(edges: &Value) -> Vec<(usize, usize)> {
    edges
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_u64().unwrap() as usize,
                e[1].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

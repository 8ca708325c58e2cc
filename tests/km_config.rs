//! KM-config (Kojaku & Masuda 2018): the quality function against cpnet's
//! (`tests/fixtures/km_config/km_config.json`, written by
//! `scripts/reference/km_config.py` with the cpnet version in its header),
//! the detection heuristic and the (q, s) test.

use coprod::measures::Weights;
use coprod::measures::core_periphery::{CorePeripheryPairs, km_config_quality};
use coprod::model::{Aggregation, Csr, View};
use serde_json::Value;

const TOL: f64 = 1e-9;

fn fixture() -> Value {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/km_config/km_config.json"
    );
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn csr(g: &Value) -> Csr {
    let edges: Vec<(u32, u32, f64)> = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_u64().unwrap() as u32,
                e[1].as_u64().unwrap() as u32,
                e[2].as_f64().unwrap(),
            )
        })
        .collect();
    Csr::from_edges(
        g["n"].as_u64().unwrap() as usize,
        false,
        &edges,
        Aggregation::Sum,
    )
}

fn division(d: &Value) -> CorePeripheryPairs {
    CorePeripheryPairs {
        pair: d["pair"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap() as u32)
            .collect(),
        core: d["core"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_bool().unwrap())
            .collect(),
    }
}

#[test]
fn quality_equals_cpnet() {
    let f = fixture();
    assert_eq!(f["tools"]["cpnet"], "0.0.21");
    let mut compared = 0;
    for g in f["graphs"].as_array().unwrap() {
        let c = csr(g);
        let weights = if g["weighted"].as_bool().unwrap() {
            Weights::Strength
        } else {
            Weights::Ignore
        };
        for d in g["divisions"].as_array().unwrap() {
            let q = km_config_quality(&c, &division(d), weights)
                .unwrap()
                .unwrap();
            let want: Vec<f64> = d["quality"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_f64().unwrap())
                .collect();
            let got: Vec<f64> = q.pairs.iter().map(|p| p.quality).collect();
            let what = format!("{} / {}", g["name"], d["name"]);
            assert_eq!(got.len(), want.len(), "{what}");
            for (a, b) in got.iter().zip(&want) {
                assert!((a - b).abs() <= TOL, "{what}: {got:?} vs cpnet {want:?}");
                compared += 1;
            }
            assert!(
                (q.total - d["total"].as_f64().unwrap()).abs() <= TOL,
                "{what}"
            );
        }
    }
    assert!(compared >= 40, "only {compared} pair qualities compared");
}

/// The Jinsong graph of the fixture is the one the library builds today.
#[test]
fn the_jinsong_fixture_is_todays_graph() {
    let case = coprod::cases::load("jinsong").unwrap();
    let lib = View::aggregate(&case).symmetrized().csr();
    let f = fixture();
    let g = f["graphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "jinsong_sym_weighted")
        .unwrap();
    let fx = csr(g);
    assert_eq!(fx.node_count(), lib.node_count());
    let a: Vec<_> = fx.edges().collect();
    let b: Vec<_> = lib.edges().collect();
    assert_eq!(a, b);
}

//! KM-config (Kojaku & Masuda 2018): the quality function against cpnet's
//! (`tests/fixtures/km_config/km_config.json`, written by
//! `scripts/reference/km_config.py` with the cpnet version in its header),
//! the detection heuristic and the (q, s) test.

use coprod::measures::Weights;
use coprod::measures::core_periphery::{
    CorePeripheryPairs, KmDetectOptions, QsNull, QsTestOptions, km_config_detect,
    km_config_qs_test, km_config_quality,
};
use coprod::model::Kind;
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

/// The label switching finds divisions about as good as cpnet's search on
/// the fixture graphs (cpnet's best quality is in the fixture: within 10 %;
/// on `two_stars` single-node moves stop at 0.4898 where cpnet has 0.5204,
/// the two stars apart), and is deterministic.
#[test]
fn detection_is_close_to_cpnet_and_seeded() {
    let f = fixture();
    for g in f["graphs"].as_array().unwrap() {
        let weighted = g["weighted"].as_bool().unwrap();
        let weights = if weighted {
            Weights::Strength
        } else {
            Weights::Ignore
        };
        let c = csr(g);
        let opts = KmDetectOptions {
            weights,
            ..Default::default()
        };
        let d = km_config_detect(&c, &opts).unwrap();
        assert_eq!(d, km_config_detect(&c, &opts).unwrap());
        let ours = km_config_quality(&c, &d, weights).unwrap().unwrap().total;
        let theirs = g["divisions"][0]["total"].as_f64().unwrap();
        eprintln!(
            "{}: coprod Q = {ours:.6} ({} pairs), cpnet Q = {theirs:.6}",
            g["name"],
            d.pair.iter().max().unwrap() + 1
        );
        assert!(
            ours >= 0.9 * theirs,
            "{}: {ours} vs cpnet {theirs}",
            g["name"]
        );
    }
}

fn planted(seed: u64) -> Csr {
    // Two pairs: cores {0..5} and {15..20} (cliques), 10 periphery nodes each
    // tied to 2 nodes of their core, one edge between the cores.
    let mut r = coprod::random::rng(seed);
    let mut e = vec![(0u32, 15u32, 1.0)];
    for base in [0u32, 15] {
        for u in 0..5 {
            for v in u + 1..5 {
                e.push((base + u, base + v, 1.0));
            }
        }
        for p in 5..15 {
            let a = coprod::random::below(&mut r, 5) as u32;
            let b = (a + 1 + coprod::random::below(&mut r, 4) as u32) % 5;
            e.push((base + a, base + p, 1.0));
            e.push((base + b, base + p, 1.0));
        }
    }
    Csr::from_edges(30, false, &e, Aggregation::Sum)
}

#[test]
fn planted_pairs_are_significant_and_random_ones_are_not() {
    let g = planted(1);
    let div = CorePeripheryPairs {
        pair: (0..30).map(|u| u32::from(u >= 15)).collect(),
        core: (0..30).map(|u| u % 15 < 5).collect(),
    };
    let opts = QsTestOptions {
        randomisations: 100,
        ..Default::default()
    };
    let t = km_config_qs_test(&g, &div, &opts).unwrap();
    eprintln!(
        "planted: {:?}, Šidák α = {:.5}, {} null pairs",
        t.pairs,
        t.alpha,
        t.null.len()
    );
    assert_eq!(t.significant_pairs(), 2, "{:?}", t.pairs);
    assert!((t.alpha - (1.0 - 0.95f64.sqrt())).abs() < 1e-15);
    assert_eq!(t, km_config_qs_test(&g, &div, &opts).unwrap());
    // The same nodes cut across the planted pairs: not significant.
    let cross = CorePeripheryPairs {
        pair: (0..30).map(|u| (u % 2) as u32).collect(),
        core: (0..30).map(|u| u % 7 == 0).collect(),
    };
    let t = km_config_qs_test(&g, &cross, &opts).unwrap();
    eprintln!("cross: {:?}", t.pairs);
    assert_eq!(t.significant_pairs(), 0, "{:?}", t.pairs);
}

/// Jinsong's symmetrised aggregate: the pairs KM-config finds, their test,
/// and the party as one core (negative quality: not significant).
#[test]
fn jinsong_pairs_and_the_party_core() {
    let case = coprod::cases::load("jinsong").unwrap();
    let view = View::aggregate(&case).symmetrized();
    let g = view.csr();
    let d = km_config_detect(&g, &KmDetectOptions::default()).unwrap();
    let opts = QsTestOptions {
        randomisations: 200,
        ..Default::default()
    };
    let t = km_config_qs_test(&g, &d, &opts).unwrap();
    let ids = view.ids();
    for p in &t.pairs {
        let core: Vec<&str> = (0..ids.len())
            .filter(|&u| d.pair[u] == p.id && d.core[u])
            .map(|u| ids[u])
            .collect();
        eprintln!(
            "pair {} q = {:.4} s = {} p = {:?} core {:?}",
            p.id, p.quality, p.size, p.p_value, core
        );
    }
    eprintln!(
        "jinsong: {} of {} pairs significant (Šidák α = {:.4})",
        t.significant_pairs(),
        t.pairs.len(),
        t.alpha
    );
    assert!(
        t.pairs
            .iter()
            .all(|p| p.p_value.is_some_and(|x| (0.0..=1.0).contains(&x)))
    );
    let party = CorePeripheryPairs {
        pair: vec![0; ids.len()],
        core: (0..ids.len())
            .map(|u| case.actor(u).kind == Kind::Party)
            .collect(),
    };
    let t = km_config_qs_test(&g, &party, &opts).unwrap();
    eprintln!("party as one core: {:?}", t.pairs);
    let chung_lu = QsTestOptions {
        null: QsNull::ExpectedDegree,
        ..opts
    };
    let t2 = km_config_qs_test(&g, &d, &chung_lu).unwrap();
    eprintln!(
        "jinsong, expected-degree null: {} of {} pairs significant",
        t2.significant_pairs(),
        t2.pairs.len()
    );
    assert_eq!(t2, km_config_qs_test(&g, &d, &chung_lu).unwrap());
    assert!(t.pairs[0].quality < 0.0);
    assert_eq!(t.significant_pairs(), 0);
}

#[test]
fn bad_input_is_a_typed_error() {
    let directed = Csr::from_edges(2, true, &[(0, 1, 1.0)], Aggregation::Sum);
    let div = CorePeripheryPairs {
        pair: vec![0, 0],
        core: vec![true, false],
    };
    assert!(km_config_quality(&directed, &div, Weights::Ignore).is_err());
    let g = Csr::from_edges(3, false, &[(0, 1, 1.0)], Aggregation::Sum);
    assert!(matches!(
        km_config_quality(&g, &div, Weights::Ignore),
        Err(coprod::Error::SizeMismatch { .. })
    ));
    let empty = Csr::from_edges(2, false, &[], Aggregation::Sum);
    assert_eq!(
        km_config_quality(&empty, &div, Weights::Ignore).unwrap(),
        None
    );
    assert!(km_config_qs_test(&empty, &div, &QsTestOptions::default()).is_err());
    let bad = QsTestOptions {
        alpha: 1.5,
        ..Default::default()
    };
    let ok = Csr::from_edges(2, false, &[(0, 1, 1.0)], Aggregation::Sum);
    assert!(matches!(
        km_config_qs_test(&ok, &div, &bad),
        Err(coprod::Error::InvalidParameter { name: "alpha", .. })
    ));
    let zero = KmDetectOptions {
        runs: 0,
        ..Default::default()
    };
    assert!(km_config_detect(&ok, &zero).is_err());
}

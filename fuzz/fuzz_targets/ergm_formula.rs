//! Fuzz the ERGM formula (`coprod ergm --formula`): any text must give a
//! model or a located error, never a panic, a stack overflow or a hang. A
//! formula that builds a model on the small networks below must give finite
//! statistics, and its change statistics must equal the difference of the
//! statistics computed from the definitions (the property `tests/ergm_terms.rs`
//! checks for the formulas it names), for every dyad.
#![no_main]

use coprod::inference::ergm::formula;
use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::terms::Model;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// Five actors with the attributes a formula may name (`kind`, `sector`,
/// `core` categorical, `x` numeric) and a dyadic covariate `w`.
fn data(directed: bool) -> ErgmData {
    let edges = [(0, 1), (1, 2), (2, 0), (0, 3), (3, 4), (4, 0), (1, 3)];
    let mut d = ErgmData::new(Network::from_edges(5, directed, &edges).expect("a network"));
    d.set_attribute("kind", &["party", "state", "resident", "party", "firm"])
        .expect("kind");
    d.set_attribute("sector", &["a", "b", "a", "c", "b"]).expect("sector");
    d.set_attribute("core", &["core", "rest", "rest", "core", "rest"])
        .expect("core");
    d.set_attribute("x", &[-2.0, 0.5, 3.0, 0.5, 7.25]).expect("x");
    // Symmetric on an undirected network, zero on the diagonal.
    let w: Vec<f64> = (0..25usize)
        .map(|k| {
            let (i, j) = (k / 5, k % 5);
            let (a, b) = if directed { (i, j) } else { (i.min(j), i.max(j)) };
            if a == b { 0.0 } else { ((a * 3 + b) % 4) as f64 * 0.5 }
        })
        .collect();
    d.set_dyadic("w", w).expect("w");
    d
}

fn check(m: &Model, d: &ErgmData) {
    let mut net = d.network.clone();
    let stats = m.statistics(&net);
    assert!(
        stats.iter().all(|s| s.is_finite()),
        "{}: statistics {stats:?}",
        m.formula()
    );
    let mut delta = vec![0.0; m.len()];
    for (i, j) in net.dyads() {
        let was = net.has(i, j);
        if was {
            net.toggle(i, j);
        }
        let minus = m.statistics(&net);
        m.change(&net, i, j, &mut delta);
        net.toggle(i, j);
        let plus = m.statistics(&net);
        if !was {
            net.toggle(i, j);
        }
        for s in 0..m.len() {
            let want = plus[s] - minus[s];
            assert!(
                delta[s].is_finite()
                    && (delta[s] - want).abs() <= 1e-9 * (1.0 + plus[s].abs() + minus[s].abs()),
                "{}: {}: dyad {i}->{j}: change {} vs definition {want}",
                m.formula(),
                m.names()[s],
                delta[s]
            );
        }
    }
}

fuzz_target!(|bytes: &[u8]| {
    static DATA: OnceLock<[ErgmData; 2]> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let parsed = formula::parse(text);
    for d in DATA.get_or_init(|| [data(true), data(false)]) {
        match Model::parse(text, d) {
            Ok(m) => {
                assert!(parsed.is_ok(), "a model from a formula that does not parse");
                assert!(!m.is_empty());
                check(&m, d);
            }
            Err(e) => {
                // Every error is displayable (names the column or the name).
                assert!(!e.to_string().is_empty());
            }
        }
    }
});

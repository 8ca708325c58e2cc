//! The two-mode (actor × arena) ERGM: change statistics by brute force,
//! statistics and the dyad-independent MPLE against the reference fixture
//! (`scripts/reference/ergm/bipartite.py`: statnet's definitions recomputed
//! in Python, statsmodels Logit; versions in `tools`), the exact MLE by
//! enumeration against stochastic approximation, and the case builder.

#![allow(clippy::needless_range_loop)]

mod common;

use coprod::inference::ergm::bipartite::{DEFAULT_TWO_MODE, two_mode};
use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::exact::ExactDistribution;
use coprod::inference::ergm::mple::{MpleOptions, mple};
use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::sampler::{Proposal, SamplerOptions};
use coprod::inference::ergm::terms::{Model, bipartite::MODE};
use coprod::inference::ergm::{Estimator, FitOptions, Method, fit};
use coprod::model::{CoreSet, View};
use coprod::random::{stream, unit};
use serde_json::Value;
use std::path::Path;

/// A two-mode network: actors 0..n1, arenas n1..n1+n2, with attributes `g`
/// (actors) and `h` (arenas), and its mask (only actor – arena dyads free).
fn two_mode_data(
    n1: usize,
    n2: usize,
    edges: &[(usize, usize)],
    g: &[&str],
    h: &[&str],
) -> (ErgmData, DyadMask) {
    let n = n1 + n2;
    let mut d = ErgmData::new(Network::from_edges(n, false, edges).unwrap());
    let modes: Vec<&str> = (0..n).map(|k| if k < n1 { "1" } else { "2" }).collect();
    d.set_attribute(MODE, &modes).unwrap();
    let gv: Vec<&str> = g
        .iter()
        .copied()
        .chain(std::iter::repeat_n("-", n2))
        .collect();
    let hv: Vec<&str> = std::iter::repeat_n("-", n1)
        .chain(h.iter().copied())
        .collect();
    d.set_attribute("g", &gv).unwrap();
    d.set_attribute("h", &hv).unwrap();
    let mut mask = DyadMask::all(n, false);
    for u in 0..n {
        for v in u + 1..n {
            if (u < n1) == (v < n1) {
                mask.fix(u, v);
            }
        }
    }
    (d, mask)
}

const ALL_TERMS: &str = "edges + b1factor(\"g\") + b2factor(\"h\") + b1star(2) + b1star(3) + b2star(2) + b2star(3) + gwb1degree(0.5, fixed=TRUE) + gwb2degree(1.2, fixed=TRUE) + b1nodematch(\"g\")";

#[test]
fn change_statistics_equal_the_difference_of_the_statistics() {
    // 60 random two-mode graphs (6 actors × 4 arenas, density from 0.1 to 0.9):
    // for every actor – arena dyad, Δ = g(y⁺) − g(y⁻) exactly, given in either order.
    let (n1, n2) = (6, 4);
    let g = ["a", "b", "a", "c", "b", "a"];
    let h = ["x", "y", "y", "x"];
    let mut checked = 0;
    for rep in 0..60u64 {
        let mut rng = stream(2026, rep);
        let dens = 0.1 + 0.8 * (rep as f64 / 59.0);
        let edges: Vec<(usize, usize)> = (0..n1)
            .flat_map(|i| (n1..n1 + n2).map(move |j| (i, j)))
            .filter(|_| unit(&mut rng) < dens)
            .collect();
        let (d, mask) = two_mode_data(n1, n2, &edges, &g, &h);
        let m = Model::parse(ALL_TERMS, &d).unwrap();
        let p = m.len();
        for (i, j) in mask.free_dyads() {
            let mut plus = d.network.clone();
            let mut minus = d.network.clone();
            if !plus.has(i, j) {
                plus.toggle(i, j);
            }
            if minus.has(i, j) {
                minus.toggle(i, j);
            }
            let diff: Vec<f64> = m
                .statistics(&plus)
                .iter()
                .zip(m.statistics(&minus))
                .map(|(a, b)| a - b)
                .collect();
            for (a, b) in [(i, j), (j, i)] {
                let mut c = vec![0.0; p];
                m.change(&minus, a, b, &mut c);
                for k in 0..p {
                    assert!(
                        (c[k] - diff[k]).abs() < common::EXACT,
                        "{}: Δ {} vs {} on dyad ({a}, {b})",
                        m.names()[k],
                        c[k],
                        diff[k]
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 60 * n1 * n2);
}

fn fixture() -> Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ergm_bipartite/two_mode.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn fixture_data(v: &Value) -> (ErgmData, DyadMask) {
    let gr = &v["graph"];
    let n1 = gr["n1"].as_u64().unwrap() as usize;
    let n2 = gr["n2"].as_u64().unwrap() as usize;
    let edges = common::edge_pairs(&gr["edges"]);
    let strs = |k: &str| -> Vec<String> {
        gr[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let (g, h) = (strs("g"), strs("h"));
    let g: Vec<&str> = g.iter().map(String::as_str).collect();
    let h: Vec<&str> = h.iter().map(String::as_str).collect();
    two_mode_data(n1, n2, &edges, &g, &h)
}

#[test]
fn statistics_and_mple_equal_the_reference() {
    let v = fixture();
    assert!(v["tools"]["statsmodels"].is_string());
    let (d, mask) = fixture_data(&v);
    // Every statistic against the Python definitions (1e-9).
    let m = Model::parse(
        "edges + b1factor(\"g\") + b2factor(\"h\") + b1star(2) + b1star(3) + b2star(2) + b2star(3) + gwb1degree(0.5, fixed=TRUE) + gwb2degree(0.5, fixed=TRUE) + gwb1degree(1.2, fixed=TRUE) + b1nodematch(\"g\")",
        &d,
    )
    .unwrap();
    let ours = m.statistics(&d.network);
    let refs = v["statistics"].as_object().unwrap();
    let mut compared = 0;
    for (name, x) in m.names().iter().zip(&ours) {
        let r = refs[name.as_str()].as_f64().unwrap();
        assert!((x - r).abs() < common::EXACT, "{name}: {x} vs {r}");
        compared += 1;
    }
    assert_eq!(compared, refs.len(), "every reference statistic compared");
    // The dyad-independent formulas: MPLE = MLE = statsmodels Logit (1e-8).
    let fits = v["fits"].as_array().unwrap();
    assert_eq!(fits.len(), 2);
    for f in fits {
        let m = Model::parse(f["formula"].as_str().unwrap(), &d).unwrap();
        assert!(m.dyad_independent());
        let names: Vec<String> = f["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect();
        assert_eq!(m.names(), names.as_slice());
        let ours = mple(&m, &d.network, &mask, &MpleOptions::default()).unwrap();
        let coef = common::floats(&f["coef"]);
        let se = common::floats(&f["se"]);
        for a in 0..m.len() {
            assert!(
                (ours.coef[a] - coef[a]).abs() < 1e-8,
                "{}: {} vs {}",
                names[a],
                ours.coef[a],
                coef[a]
            );
            assert!(
                (ours.se[a] - se[a]).abs() < 1e-8,
                "{}: SE {} vs {}",
                names[a],
                ours.se[a],
                se[a]
            );
        }
        assert!((ours.log_pl - f["llf"].as_f64().unwrap()).abs() < 1e-8);
    }
}

#[test]
fn two_mode_fits_equal_the_exact_mle() {
    // 4 actors × 4 arenas = 16 free dyads (2^16 networks enumerated), a
    // dyad-dependent formula. Method::Auto picks the exact MLE; it must
    // satisfy the moment condition, and stochastic approximation on the same
    // mask must agree within its Monte-Carlo bound |offset| + 4 MC SE (the
    // derivation in tests/ergm_sa.rs). The sampler never leaves the mask:
    // every phase-3 draw has only actor – arena ties (edges ≤ 16).
    let edges = [
        (0, 4),
        (0, 5),
        (1, 4),
        (1, 6),
        (2, 4),
        (2, 7),
        (3, 5),
        (0, 6),
    ];
    let (d, mask) = two_mode_data(4, 4, &edges, &["a", "b", "a", "b"], &["x", "x", "y", "y"]);
    assert_eq!(mask.free_dyads().len(), 16);
    let m = Model::parse("edges + b1star(2) + gwb2degree(0.5, fixed=TRUE)", &d).unwrap();
    let exact = fit(&m, &d.network, &mask, &FitOptions::default()).unwrap();
    assert_eq!(exact.estimator, Estimator::Exact);
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 16).unwrap();
    assert_eq!(e.networks, 1 << 16);
    let (_, mean, _) = e.moments(&exact.coef());
    for a in 0..m.len() {
        assert!(
            (mean[a] - exact.observed[a]).abs() < 1e-6,
            "moment condition {a}"
        );
    }
    let opts = FitOptions {
        method: Method::Sa,
        sampler: SamplerOptions {
            burnin: 1000,
            interval: 50,
            draws_per_chain: 256,
            chains: 4,
            proposal: Proposal::Tnt,
            seed: 8,
        },
        bridge: None,
        ..FitOptions::default()
    };
    let sa = fit(&m, &d.network, &mask, &opts).unwrap();
    let s = sa.sa.as_ref().unwrap();
    for a in 0..m.len() {
        let bound = s.newton_offset[a].abs() + 4.0 * s.mc_se[a];
        let diff = (sa.terms[a].estimate - exact.terms[a].estimate).abs();
        assert!(
            diff <= bound,
            "{}: SA {} vs exact {} (bound {bound})",
            m.names()[a],
            sa.terms[a].estimate,
            exact.terms[a].estimate
        );
    }
    let trace = &sa.diagnostics.as_ref().unwrap().trace;
    assert!(trace.chunks(m.len()).all(|r| r[0] <= 16.0));
}

#[test]
fn the_case_builder_keeps_only_memberships_and_names_a_case_without_arena() {
    let g = coprod::cases::load("jinsong").unwrap();
    let view = View::aggregate(&g);
    let (data, model, mask) = two_mode(&view, DEFAULT_TWO_MODE, &CoreSet::default(), &[]).unwrap();
    let modes = data.attribute(MODE).unwrap().values().to_vec();
    let n1 = modes.iter().filter(|m| *m == "1").count();
    let n2 = modes.len() - n1;
    let arenas = (0..g.actor_count())
        .filter(|&i| g.actor(i).kind == coprod::model::Kind::Arena)
        .count();
    assert_eq!(n2, arenas);
    assert_eq!(mask.free_dyads().len(), n1 * n2);
    // Every tie is actor – arena, and each is a tie of the case between them.
    for (u, v) in data.network.edges() {
        assert!(u < n1 && v >= n1, "{u} {v}");
        let (a, b) = (&data.node_names[u], &data.node_names[v]);
        assert!(
            g.ties().any(|t| {
                let (s, d) = (&g.actor(t.source).id, &g.actor(t.target).id);
                (s == a && d == b) || (s == b && d == a)
            }),
            "{a} — {b} is no tie of the case"
        );
    }
    assert_eq!(model.len(), 3);
    // A case without an arena: a typed error naming it.
    let td = coprod::cases::load("elevator_td").unwrap();
    let e = two_mode(
        &View::aggregate(&td),
        DEFAULT_TWO_MODE,
        &CoreSet::default(),
        &[],
    )
    .unwrap_err();
    assert!(matches!(e, coprod::Error::NoArena { .. }), "{e}");
    assert!(e.to_string().contains("elevator_td"), "{e}");
    // A two-mode term on a one-mode network: a typed error saying what it needs.
    let one = ErgmData::new(Network::from_edges(3, false, &[(0, 1)]).unwrap());
    let e = Model::parse("edges + b1star(2)", &one).unwrap_err();
    assert!(e.to_string().contains("two-mode"), "{e}");
}

//! Goodness of fit, simulation and the counterfactual: the simulated
//! distributions against exact enumeration, the counterfactual's `edges`
//! against its closed form on a dyad-independent model.

use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::gof::{GofOptions, compare, distributions, gof};
use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::simulate::{
    CounterfactualOptions, SimulateOptions, counterfactual, simulate,
};
use coprod::inference::ergm::terms::Model;

/// Every network on the free dyads of `mask` with its probability under θ.
fn enumerate(m: &Model, net: &Network, mask: &DyadMask, theta: &[f64]) -> Vec<(Network, f64)> {
    let dyads = mask.free_dyads();
    let mut base = net.clone();
    for &(i, j) in &dyads {
        if base.has(i, j) {
            base.toggle(i, j);
        }
    }
    let mut out = Vec::new();
    for bits in 0u64..(1 << dyads.len()) {
        let mut y = base.clone();
        for (k, &(i, j)) in dyads.iter().enumerate() {
            if bits >> k & 1 == 1 {
                y.toggle(i, j);
            }
        }
        let eta: f64 = m.statistics(&y).iter().zip(theta).map(|(a, b)| a * b).sum();
        out.push((y, eta));
    }
    let mx = out.iter().map(|x| x.1).fold(f64::NEG_INFINITY, f64::max);
    let z: f64 = out.iter().map(|x| (x.1 - mx).exp()).sum();
    out.into_iter()
        .map(|(y, e)| (y, (e - mx).exp() / z))
        .collect()
}

/// Simulated mean counts against exact expectations. Tolerance: 4 exact
/// standard deviations of the count over √R. The draws are 200 steps apart
/// on at most 12 free dyads, so successive draws are practically
/// independent; a 4-sd band then fails with probability < 1e-4 per value.
fn check_against_exact(m: &Model, net: &Network, mask: &DyadMask, theta: &[f64], seed: u64) {
    let r = 3000;
    let opts = SimulateOptions {
        sampler: coprod::inference::ergm::sampler::SamplerOptions {
            burnin: 2000,
            interval: 200,
            chains: 4,
            ..Default::default()
        },
    };
    let nets = simulate(m, net, mask, theta, r, seed, &opts).unwrap();
    assert_eq!(nets.len(), r);
    let exact = enumerate(m, net, mask, theta);
    let obs = distributions(net);
    let mut compared = 0;
    for (k, (name, _)) in obs.iter().enumerate() {
        let len = 12;
        let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
        for i in 0..len {
            // Geodesic distance: index i < len(body) is distance i+1; the last entry is Inf.
            let get = |y: &Network| {
                let d = &distributions(y)[k].1;
                if name == "geodesic distance" {
                    if i < d.len() - 1 { d[i] } else { 0.0 }
                } else {
                    at(d, i)
                }
            };
            let (mut mu, mut m2) = (0.0, 0.0);
            for (y, p) in &exact {
                let c = get(y);
                mu += p * c;
                m2 += p * c * c;
            }
            let sd = (m2 - mu * mu).max(0.0).sqrt();
            let sim = nets.iter().map(get).sum::<f64>() / r as f64;
            let tol = 4.0 * sd / (r as f64).sqrt() + 1e-9;
            assert!(
                (sim - mu).abs() <= tol,
                "{name} value {i}: simulated {sim} exact {mu} (tol {tol})"
            );
            if sd > 0.0 {
                compared += 1;
            }
        }
    }
    assert!(compared >= 10, "compared only {compared} values");
}

#[test]
fn simulated_distributions_equal_the_exact_ones_undirected() {
    let net = Network::from_edges(5, false, &[(0, 1), (1, 2), (0, 2), (2, 3)]).unwrap();
    let d = ErgmData::new(net);
    let m = Model::parse("edges + triangle", &d).unwrap();
    check_against_exact(&m, &d.network, &DyadMask::all(5, false), &[-0.5, 0.4], 11);
}

#[test]
fn simulated_distributions_equal_the_exact_ones_directed_masked() {
    let net = Network::from_edges(4, true, &[(0, 1), (1, 0), (1, 2), (2, 3), (0, 2)]).unwrap();
    let d = ErgmData::new(net);
    let m = Model::parse("edges + mutual + gwesp(0.5, fixed=TRUE)", &d).unwrap();
    let mut mask = DyadMask::all(4, true);
    mask.fix(3, 0);
    check_against_exact(&m, &d.network, &mask, &[-0.8, 1.0, 0.3], 12);
}

#[test]
fn simulate_is_deterministic_and_respects_the_mask() {
    let net = Network::from_edges(6, true, &[(0, 1), (1, 2), (2, 0), (3, 4)]).unwrap();
    let d = ErgmData::new(net);
    let m = Model::parse("edges + mutual", &d).unwrap();
    let mut mask = DyadMask::all(6, true);
    mask.fix(5, 0);
    mask.fix(0, 1);
    let o = SimulateOptions::default();
    let a = simulate(&m, &d.network, &mask, &[-1.0, 1.0], 37, 9, &o).unwrap();
    let b = simulate(&m, &d.network, &mask, &[-1.0, 1.0], 37, 9, &o).unwrap();
    let c = simulate(&m, &d.network, &mask, &[-1.0, 1.0], 37, 10, &o).unwrap();
    assert_eq!(a.len(), 37);
    assert_eq!(a, b);
    assert_ne!(a, c);
    for y in &a {
        assert!(!y.has(5, 0) && y.has(0, 1), "a fixed dyad changed");
    }
    assert!(simulate(&m, &d.network, &mask, &[-1.0], 3, 9, &o).is_err());
}

#[test]
fn the_rejection_rule_reads_the_band() {
    let net = Network::from_edges(
        6,
        false,
        &[(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (0, 5)],
    )
    .unwrap();
    let d = ErgmData::new(net.clone());
    let m = Model::parse("edges", &d).unwrap();
    // Against copies of itself every band is the observed value: nothing is outside.
    let same = compare(&m, &net, &vec![net.clone(); 20], 0.25);
    assert!(!same.rejects());
    assert!(same.distributions.iter().all(|x| x.outside() == 0));
    // Against empty networks: degree 0 (observed 0, simulated 6) and degree
    // 2 (observed 5) and 3 (observed 1) are outside: 3 of 4 values > ¼.
    let empty = compare(&m, &net, &vec![Network::empty(6, false); 20], 0.25);
    assert!(empty.rejects());
    let deg = &empty.distributions[0];
    assert_eq!(deg.name, "degree");
    assert_eq!(deg.rows.len(), 4);
    assert_eq!(deg.outside(), 3);
    // The default GOF of a fitted Bernoulli model on its own network is run end to end.
    let g = gof(
        &m,
        &net,
        &DyadMask::all(6, false),
        &[(7.0f64 / 8.0).ln()],
        &GofOptions::default(),
    )
    .unwrap();
    assert_eq!(g.draws, 100);
}

/// The closed form of the counterfactual on a dyad-independent model:
/// Σ_free logistic(θ_e + θ_m · match_ij) = edges(y_obs), by Newton's method.
fn closed_form_edges(matches: &[f64], theta_m: f64, target: f64) -> (f64, f64) {
    let mut t = 0.0;
    for _ in 0..100 {
        let (mut f, mut v) = (-target, 0.0);
        for &x in matches {
            let p = 1.0 / (1.0 + (-(t + theta_m * x)).exp());
            f += p;
            v += p * (1.0 - p);
        }
        t -= f / v;
    }
    let v: f64 = matches
        .iter()
        .map(|&x| {
            let p = 1.0 / (1.0 + (-(t + theta_m * x)).exp());
            p * (1.0 - p)
        })
        .sum();
    (t, v)
}

#[test]
fn counterfactual_edges_equal_the_closed_form() {
    let net = Network::from_edges(
        8,
        false,
        &[
            (0, 1),
            (0, 2),
            (0, 3),
            (0, 4),
            (1, 2),
            (3, 4),
            (5, 6),
            (6, 7),
            (2, 5),
            (1, 7),
        ],
    )
    .unwrap();
    let mut d = ErgmData::new(net);
    d.set_attribute(
        "core",
        &[
            "core", "other", "other", "other", "other", "other", "other", "other",
        ],
    )
    .unwrap();
    d.set_attribute("g", &["a", "a", "a", "b", "b", "b", "c", "c"])
        .unwrap();
    let m = Model::parse(
        "edges + nodefactor(\"core\", levels=\"core\") + nodematch(\"g\")",
        &d,
    )
    .unwrap();
    let mask = DyadMask::all(8, false);
    let theta = [-1.5, 1.2, 0.7];
    let opts = CounterfactualOptions::default();
    let c = counterfactual(
        &m,
        &d.network,
        &mask,
        &theta,
        &["nodefactor.core.core"],
        500,
        3,
        &opts,
    )
    .unwrap();
    assert_eq!(c.theta[1], 0.0);
    assert_eq!(c.theta[2], 0.7);
    assert_eq!(c.draws.len(), 500);
    let g = ["a", "a", "a", "b", "b", "b", "c", "c"];
    let matches: Vec<f64> = mask
        .free_dyads()
        .iter()
        .map(|&(i, j)| if g[i] == g[j] { 1.0 } else { 0.0 })
        .collect();
    let (want, var) = closed_form_edges(&matches, 0.7, 10.0);
    // Tolerance: the solver's last sample (4 chains × 256 draws, 1024 TNT
    // steps apart on 28 dyads: practically independent) estimates E(edges)
    // with SE √(Var/N); the root moves by that over Var (the slope), so
    // 4 SE of the root is 4 / √(N · Var).
    let tol = 4.0 / (1024.0 * var).sqrt();
    assert!(
        (c.theta[0] - want).abs() < tol,
        "solved {} closed form {want} (tol {tol})",
        c.theta[0]
    );
    // The draws keep the tie count: within 4 MC SE of the observed 10.
    assert!((c.mean_edges - 10.0).abs() < 4.0 * c.mean_edges_se + 1e-9);
    // Unknown names are errors listing the statistics.
    let e = counterfactual(
        &m,
        &d.network,
        &mask,
        &theta,
        &["nodefactor.core"],
        5,
        3,
        &opts,
    )
    .unwrap_err();
    assert!(e.to_string().contains("nodefactor.core.core"), "{e}");
    assert!(counterfactual(&m, &d.network, &mask, &theta, &["edges"], 5, 3, &opts).is_err());
}

#[test]
fn core_evidence_names_an_mle_that_does_not_exist() {
    use coprod::inference::ergm::evidence::{EvidenceOptions, NotUsed, core_evidence};
    use coprod::model::{CoreSet, View};
    // elevator_sy (8 actors): the pseudo-likelihood of the pre-registered
    // formula separates, so E3 is not used, and says why; no number is given.
    let g = coprod::cases::load("elevator_sy").unwrap();
    let view = View::aggregate(&g);
    let ev = core_evidence(&view, &CoreSet::default(), &EvidenceOptions::default()).unwrap();
    assert!(
        matches!(ev.usable, Err(NotUsed::MleDoesNotExist(_))),
        "{:?}",
        ev.usable
    );
    assert!(ev.fit.is_none() && ev.core_terms.is_empty() && ev.counterfactual.is_empty());
    assert!(ev.delta_aic.is_none());
    assert_eq!(ev.node_ids.len(), view.ids().len());
    assert!(ev.formula.contains("nodeifactor(\"core\""));
    // A core with no actor in the view is bad input, an error.
    let none = CoreSet::Ids(vec!["no_such_actor".into()]);
    assert!(core_evidence(&view, &none, &EvidenceOptions::default()).is_err());
}

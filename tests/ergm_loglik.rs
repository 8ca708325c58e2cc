//! The MCMC-MLE's log-likelihood by bridge sampling against the exact
//! log-likelihood of every network enumerated.

mod common;

use coprod::inference::ergm::bridge::{BridgeOptions, dyad_independent_start, loglik};
use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::exact::ExactDistribution;
use coprod::inference::ergm::mple::{MpleOptions, mple};
use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::terms::Model;
use coprod::inference::ergm::{Estimator, FitOptions, Method, fit};

/// Tolerance: 4 Monte-Carlo standard errors as the bridge estimates them
/// (batch means over the chains), plus 1e-9. Under a correct estimator and
/// an accurate SE a deviation this large has probability < 1e-4.
fn within(got: f64, se: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() < 4.0 * se + 1e-9,
        "{what}: bridge {got} ± {se} vs exact {want}"
    );
}

#[test]
fn dyad_independent_start_is_the_logistic_log_likelihood() {
    // edges + triangle: θ_0 = (logit of the density, 0), ℓ(θ_0) equals the
    // exact log-likelihood at that θ (then the model is Bernoulli).
    let net =
        Network::from_edges(6, false, &[(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5)]).unwrap();
    let d = ErgmData::new(net);
    let m = Model::parse("edges + triangle", &d).unwrap();
    let mask = DyadMask::all(6, false);
    let (theta0, l0) = dyad_independent_start(&m, &d.network, &mask).unwrap();
    assert!((theta0[0] - (6.0f64 / 9.0).ln()).abs() < 1e-9);
    assert_eq!(theta0[1], 0.0);
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 15).unwrap();
    assert!(
        (l0 - e.loglik(&theta0)).abs() < 1e-9,
        "{l0} {}",
        e.loglik(&theta0)
    );
}

#[test]
fn bridge_equals_the_exact_log_likelihood_undirected() {
    let net = Network::from_edges(6, false, &common::SIX_NODE_TIES).unwrap();
    let d = ErgmData::new(net);
    let m = Model::parse("edges + gwesp(0.5, fixed=TRUE) + kstar(2)", &d).unwrap();
    let mask = DyadMask::all(6, false);
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 15).unwrap();
    for (seed, theta) in [(1, [-1.0, 0.6, -0.1]), (2, [0.2, 0.3, -0.2])] {
        let b = loglik(
            &m,
            &d.network,
            &mask,
            &theta,
            seed,
            &BridgeOptions::default(),
        )
        .unwrap();
        within(b.loglik, b.mc_se, e.loglik(&theta), "undirected");
        assert!(b.mc_se > 0.0 && b.mc_se < 0.5);
    }
}

#[test]
fn bridge_equals_the_exact_log_likelihood_directed_with_a_mask() {
    // 5 actors directed (20 dyads), two of them fixed: 2^18 networks.
    let mut d = ErgmData::new(
        Network::from_edges(
            5,
            true,
            &[(0, 1), (1, 0), (1, 2), (2, 3), (3, 1), (4, 0), (0, 2)],
        )
        .unwrap(),
    );
    d.set_attribute("g", &["a", "a", "b", "b", "b"]).unwrap();
    let m = Model::parse(
        "edges + mutual + nodematch(\"g\") + gwesp(0.5, fixed=TRUE) + gwidegree(0.5, fixed=TRUE)",
        &d,
    )
    .unwrap();
    let mut mask = DyadMask::all(5, true);
    mask.fix(4, 0);
    mask.fix(2, 4);
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 18).unwrap();
    let theta = [-1.2, 0.8, 0.4, 0.3, -0.5];
    let b = loglik(&m, &d.network, &mask, &theta, 3, &BridgeOptions::default()).unwrap();
    within(b.loglik, b.mc_se, e.loglik(&theta), "directed, masked");
}

#[test]
fn an_mcmc_fit_carries_its_bridged_log_likelihood_and_aic() {
    let net = Network::from_edges(6, false, &common::SIX_NODE_TIES).unwrap();
    let d = ErgmData::new(net);
    let m = Model::parse("edges + gwesp(0.5, fixed=TRUE)", &d).unwrap();
    let mask = DyadMask::all(6, false);
    let mut opts = FitOptions {
        method: Method::Mcmle,
        ..FitOptions::default()
    };
    opts.sampler.seed = 4;
    let f = fit(&m, &d.network, &mask, &opts).unwrap();
    assert_eq!(f.estimator, Estimator::Mcmle);
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 15).unwrap();
    let (l, se) = (f.loglik.unwrap(), f.loglik_mc_se.unwrap());
    within(l, se, e.loglik(&f.coef()), "fit");
    assert!((f.aic().unwrap() - (-2.0 * l + 4.0)).abs() < 1e-12);
    // The MPLE of a dyad-dependent model has no likelihood.
    let mp = fit(
        &m,
        &d.network,
        &mask,
        &FitOptions {
            method: Method::Mple,
            ..FitOptions::default()
        },
    )
    .unwrap();
    assert!(mp.loglik.is_none());
    let _ = mple(&m, &d.network, &mask, &MpleOptions::default()).unwrap();
}

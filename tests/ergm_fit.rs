//! ERGM estimators against exact enumeration and closed forms.

mod common;

use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::exact::ExactDistribution;
use coprod::inference::ergm::linalg::chi2_sf;
use coprod::inference::ergm::mple::{MpleOptions, Penalty, mple};
use coprod::inference::ergm::network::ErgmData;
use coprod::inference::ergm::sampler::{Proposal, SamplerOptions, simulate};
use coprod::inference::ergm::terms::Model;
use coprod::inference::ergm::{Estimator, FitOptions, Method, fit};

use common::ergm_net as net;

#[test]
fn edges_only_mle_is_the_logit_of_the_density() {
    // 7 nodes, 21 dyads, 8 ties: θ̂ = log(8/13), SE = √(1/8 + 1/13) (closed form).
    let d = net(
        7,
        false,
        &[
            (0, 1),
            (1, 2),
            (2, 3),
            (3, 4),
            (4, 5),
            (5, 6),
            (0, 6),
            (1, 4),
        ],
    );
    let m = Model::parse("edges", &d).unwrap();
    let mask = DyadMask::all(7, false);
    let f = mple(&m, &d.network, &mask, &MpleOptions::default()).unwrap();
    assert!((f.coef[0] - (8.0f64 / 13.0).ln()).abs() < common::EXACT);
    assert!((f.se[0] - (1.0 / 8.0 + 1.0 / 13.0f64).sqrt()).abs() < common::EXACT);
    // The exact MLE by enumeration (2^21 networks) is the same number.
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 21).unwrap();
    assert_eq!(e.networks, 1 << 21);
    let x = e.mle().unwrap();
    assert!(
        (x.coef[0] - f.coef[0]).abs() < common::EXACT,
        "{} {}",
        x.coef[0],
        f.coef[0]
    );
    assert!((x.se[0] - f.se[0]).abs() < common::EXACT);
}

#[test]
fn dyad_independent_exact_mle_equals_the_logistic_regression() {
    // Directed, 5 nodes (20 dyads): edges + mutual is dyad-dependent, but
    // edges + nodeofactor + nodematch is not: exact MLE = MPLE to 1e-9, and
    // the exact log-likelihood equals the log pseudo-likelihood.
    let mut d = net(
        5,
        true,
        &[
            (0, 1),
            (1, 0),
            (1, 2),
            (2, 3),
            (3, 1),
            (4, 0),
            (0, 4),
            (2, 4),
        ],
    );
    d.set_attribute("g", &["a", "b", "a", "b", "b"]).unwrap();
    let m = Model::parse("edges + nodeofactor(\"g\") + nodematch(\"g\")", &d).unwrap();
    let mask = DyadMask::all(5, true);
    let f = mple(&m, &d.network, &mask, &MpleOptions::default()).unwrap();
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 20).unwrap();
    let x = e.mle().unwrap();
    for a in 0..3 {
        assert!(
            (x.coef[a] - f.coef[a]).abs() < 1e-8,
            "{a}: {} vs {}",
            x.coef[a],
            f.coef[a]
        );
        assert!((x.se[a] - f.se[a]).abs() < 1e-8);
    }
    assert!((x.loglik - f.log_pl).abs() < 1e-8);
    // The moment condition at the MLE.
    for a in 0..3 {
        assert!((x.mean[a] - e.observed[a]).abs() < 1e-8);
    }
}

#[test]
fn firth_equals_the_closed_form_of_a_two_by_two_table() {
    // With an intercept and one binary covariate, Firth's estimate is the
    // log odds ratio with 1/2 added to every cell (Firth 1993, §3.3).
    // Covariate: edgecov x = 1 on 6 dyads (4 ties), 0 on 9 dyads (0 ties):
    // separated, so the plain MPLE has no maximum.
    let n = 6;
    let dy: Vec<(usize, usize)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect();
    let x_on: Vec<(usize, usize)> = dy[..6].to_vec();
    let ties = &dy[..4];
    let mut d = net(n, false, ties);
    let mut x = vec![0.0; n * n];
    for &(i, j) in &x_on {
        x[i * n + j] = 1.0;
        x[j * n + i] = 1.0;
    }
    d.set_dyadic("x", x).unwrap();
    let m = Model::parse("edges + edgecov(\"x\")", &d).unwrap();
    let mask = DyadMask::all(n, false);
    let e = mple(&m, &d.network, &mask, &MpleOptions::default()).unwrap_err();
    assert!(matches!(e, coprod::Error::MleDoesNotExist { .. }), "{e}");
    assert!(e.to_string().contains("edgecov.x"), "{e}");
    let f = mple(
        &m,
        &d.network,
        &mask,
        &MpleOptions {
            penalty: Penalty::Firth,
            ..MpleOptions::default()
        },
    )
    .unwrap();
    // cells: x=0: 0 ties, 9 non-ties; x=1: 4 ties, 2 non-ties.
    let b0 = (0.5f64 / 9.5).ln();
    let b1 = (4.5f64 / 2.5).ln() - b0;
    assert!((f.coef[0] - b0).abs() < 1e-8, "{} vs {b0}", f.coef[0]);
    assert!((f.coef[1] - b1).abs() < 1e-8, "{} vs {b1}", f.coef[1]);
}

/// χ² goodness of fit of the sampler's draws to the exact distribution of
/// the statistics, at level 0.001 (fixed seed). Draws are thinned by
/// `interval` steps (≥ 25 sweeps of the free dyads) so that they are close
/// to independent; cells with expected count < 5 are pooled.
fn chi_square(formula: &str, d: &ErgmData, theta: &[f64], proposal: Proposal) -> f64 {
    let m = Model::parse(formula, d).unwrap();
    let mask = DyadMask::all(d.network.n(), d.network.is_directed());
    let e = ExactDistribution::enumerate(&m, &d.network, &mask, 24).unwrap();
    let probs = e.probabilities(theta);
    let dy = mask.free_dyads().len();
    let opts = SamplerOptions {
        burnin: 50 * dy,
        interval: 25 * dy,
        draws_per_chain: 1000,
        chains: 4,
        proposal,
        seed: 20_261_206,
    };
    let s = simulate(&m, &d.network, &mask, theta, &opts);
    let key = |v: &[f64]| {
        v.iter()
            .map(|x| (x * 1e6).round() as i64)
            .collect::<Vec<_>>()
    };
    let mut counts = vec![0.0; probs.len()];
    for r in 0..s.len() {
        let k = key(s.row(r));
        let c = e
            .support
            .iter()
            .position(|(v, _)| key(v) == k)
            .expect("a draw on the support");
        counts[c] += 1.0;
    }
    let n = s.len() as f64;
    // Pool small cells (in support order) so that every cell expects ≥ 5.
    let (mut stat, mut cells, mut po, mut pe) = (0.0, 0, 0.0, 0.0);
    for (o, p) in counts.iter().zip(&probs) {
        po += o;
        pe += p * n;
        if pe >= 5.0 {
            stat += (po - pe).powi(2) / pe;
            cells += 1;
            po = 0.0;
            pe = 0.0;
        }
    }
    if pe > 0.0 {
        stat += (po - pe).powi(2) / pe.max(1e-12);
        cells += 1;
    }
    chi2_sf(stat, (cells - 1) as f64)
}

#[test]
fn sampler_draws_the_exact_distribution() {
    let u = net(5, false, &[(0, 1), (1, 2), (2, 0), (3, 4)]);
    for prop in [Proposal::Toggle, Proposal::Tnt] {
        let p = chi_square("edges + triangle + kstar(2)", &u, &[-0.4, 0.6, -0.2], prop);
        assert!(p > 0.001, "undirected {prop:?}: p = {p}");
        // Every term weighs a removal in place (no toggle around it).
        let f = "edges + triangle + gwesp(0.5, fixed=TRUE)";
        let p = chi_square(f, &u, &[-0.4, 0.3, 0.2], prop);
        assert!(p > 0.001, "undirected in place {prop:?}: p = {p}");
    }
    let mut dd = net(4, true, &[(0, 1), (1, 0), (2, 3)]);
    dd.set_attribute("g", &["a", "b", "a", "b"]).unwrap();
    for prop in [Proposal::Toggle, Proposal::Tnt] {
        let p = chi_square(
            "edges + mutual + gwesp(0.5, fixed=TRUE) + nodematch(\"g\")",
            &dd,
            &[-0.8, 1.1, 0.3, 0.4],
            prop,
        );
        assert!(p > 0.001, "directed {prop:?}: p = {p}");
    }
}

#[test]
fn sampler_detects_a_wrong_distribution() {
    // The same test must fail when the θ of the draws is not the θ of the
    // expected probabilities: the χ² check has power.
    let u = net(5, false, &[(0, 1), (1, 2), (2, 0), (3, 4)]);
    let m = Model::parse("edges + triangle", &u).unwrap();
    let mask = DyadMask::all(5, false);
    let e = ExactDistribution::enumerate(&m, &u.network, &mask, 24).unwrap();
    let wrong = e.probabilities(&[-0.4, 0.9]);
    let right = e.probabilities(&[-0.4, 0.6]);
    let tv: f64 = wrong
        .iter()
        .zip(&right)
        .map(|(a, b)| (a - b).abs())
        .sum::<f64>()
        / 2.0;
    assert!(tv > 0.02, "the alternative differs: TV = {tv}");
}

#[test]
fn same_draws_on_one_and_two_threads() {
    let d = net(
        8,
        true,
        &[
            (0, 1),
            (1, 2),
            (2, 0),
            (3, 4),
            (5, 6),
            (6, 7),
            (7, 5),
            (4, 3),
        ],
    );
    let m = Model::parse("edges + mutual + gwesp(0.5, fixed=TRUE) + istar(2)", &d).unwrap();
    let mask = DyadMask::all(8, true);
    let opts = SamplerOptions {
        burnin: 500,
        interval: 50,
        draws_per_chain: 40,
        chains: 3,
        proposal: Proposal::Tnt,
        seed: 9,
    };
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| simulate(&m, &d.network, &mask, &[-1.0, 0.5, 0.2, -0.1], &opts))
    };
    let (a, b) = (run(1), run(2));
    assert_eq!(
        a.stats.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
        b.stats.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(a.last, b.last);
    // And the recorded statistics equal the definitions on the last network.
    let last = m.statistics(&a.last[2]);
    let row = a.row(a.len() - 1);
    for (x, y) in last.iter().zip(row) {
        assert!((x - y).abs() < 1e-9);
    }
}

#[test]
fn mcmc_mle_agrees_with_the_exact_mle() {
    // 6 actors, undirected (15 dyads): the exact MLE by enumeration against
    // the MCMC-MLE. Tolerance: 4 Monte-Carlo standard errors of θ̂ (the MCMC
    // part of its covariance, I⁻¹ Var(z̄) I⁻¹) per coefficient, plus 1e-3 —
    // a 4-sd band, false alarm < 1e-4 per coefficient under a correct sampler.
    let d = net(6, false, &common::SIX_NODE_TIES);
    let m = Model::parse("edges + gwesp(0.5, fixed=TRUE)", &d).unwrap();
    let mask = DyadMask::all(6, false);
    let exact = fit(
        &m,
        &d.network,
        &mask,
        &FitOptions {
            method: Method::Exact,
            ..FitOptions::default()
        },
    )
    .unwrap();
    assert_eq!(exact.estimator, Estimator::Exact);
    let mc_opts = FitOptions {
        method: Method::Mcmle,
        sampler: SamplerOptions {
            burnin: 2000,
            interval: 100,
            draws_per_chain: 1000,
            chains: 4,
            proposal: Proposal::Tnt,
            seed: 5,
        },
        ..FitOptions::default()
    };
    let mc = fit(&m, &d.network, &mask, &mc_opts).unwrap();
    let diag = mc.diagnostics.as_ref().unwrap();
    // Stopped by Hummel's rule: the last two samples gave full steps, the
    // last one on a sample last_boost (4) times the base draws.
    let h = &diag.history;
    assert!(h.len() >= 2 && h[h.len() - 2..].iter().all(|r| r.step_length == 1.0));
    assert_eq!(diag.draws, 4 * 4 * 1000);
    let p = 2;
    for a in 0..p {
        let total = mc.cov[a * p + a];
        let info_only = exact.cov[a * p + a];
        let mc_sd = (total - info_only).abs().sqrt();
        let diff = (mc.terms[a].estimate - exact.terms[a].estimate).abs();
        assert!(
            diff < 4.0 * mc_sd + 1e-3,
            "{}: MCMC {} vs exact {} (MC sd {mc_sd})",
            mc.terms[a].term,
            mc.terms[a].estimate,
            exact.terms[a].estimate
        );
        // The SEs agree too (the MCMC one includes its Monte-Carlo part).
        assert!((mc.terms[a].se - exact.terms[a].se).abs() < 0.1 * exact.terms[a].se + 4.0 * mc_sd);
    }
}

#[test]
fn the_exact_mle_that_does_not_exist_is_named() {
    // A complete graph: g(y_obs) = max edges, on the hull's boundary.
    let d = net(4, false, &[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    let m = Model::parse("edges + triangle", &d).unwrap();
    let e = fit(
        &m,
        &d.network,
        &DyadMask::all(4, false),
        &FitOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(e, coprod::Error::MleDoesNotExist { .. }), "{e}");
}

#[test]
fn the_codebook_mask_holds_in_the_data_and_in_every_draw() {
    use coprod::inference::ergm::constraints::{Constraint, mask_of_view};
    use coprod::model::{Kind, View};
    let g = coprod::cases::load("jinsong").unwrap();
    // Leadership alone: only party actors send.
    let view = View::layer(&g, "leadership").unwrap();
    let d = ErgmData::from_view(&view);
    let mask = mask_of_view(&view, &d, &Constraint::Codebook, &[]).unwrap();
    let idx = view.actor_indices();
    let kind = |i: usize| g.actor(idx[i]).kind;
    for (i, j) in mask.free_dyads() {
        assert_eq!(kind(i), Kind::Party, "{i} -> {j}");
        assert!(!(kind(i) == Kind::Arena && kind(j) == Kind::Arena));
    }
    // The aggregate: no draw of the sampler leaves the mask.
    let view = View::aggregate(&g);
    let d = ErgmData::from_view(&view);
    let mask = mask_of_view(&view, &d, &Constraint::Codebook, &[]).unwrap();
    let free = mask.free_dyads();
    assert!(free.len() < d.network.dyad_count());
    let m = Model::parse("edges + mutual", &d).unwrap();
    let opts = SamplerOptions {
        burnin: 20_000,
        interval: 10,
        draws_per_chain: 10,
        chains: 2,
        proposal: Proposal::Tnt,
        seed: 3,
    };
    // θ that fills the network: every free dyad is tried and many are tied.
    let s = simulate(&m, &d.network, &mask, &[1.0, 0.0], &opts);
    for net in &s.last {
        for (i, j) in net.edges() {
            assert!(
                mask.is_free(i, j) || d.network.has(i, j),
                "{i} -> {j} left the mask"
            );
        }
        assert!(net.edge_count() > d.network.edge_count());
    }
    // An observed tie on a structural zero is an error naming it.
    use coprod::model::{Actor, Level, MultiplexGraph, Provenance};
    let mut h = MultiplexGraph::new();
    for (id, k) in [
        ("p", Kind::Party),
        ("b", Kind::Block),
        ("r", Kind::Resident),
    ] {
        h.add_actor(Actor::new(id, k, Level::Community)).unwrap();
    }
    h.add_tie("p", "b", "leadership", 1.0, Provenance::default())
        .unwrap();
    h.add_tie("b", "r", "leadership", 1.0, Provenance::default())
        .unwrap();
    let view = View::layer(&h, "leadership").unwrap();
    let d = ErgmData::from_view(&view);
    let e = mask_of_view(&view, &d, &Constraint::Codebook, &[]).unwrap_err();
    assert!(matches!(e, coprod::Error::StructuralZero { .. }), "{e}");
    assert!(e.to_string().contains("b -> r"), "{e}");
    // Held fixed on purpose, the same tie is allowed (and never toggled).
    let fixed = [("b".to_string(), "r".to_string())];
    let mask = mask_of_view(&view, &d, &Constraint::Codebook, &fixed).unwrap();
    assert!(!mask.is_free(1, 2));
}

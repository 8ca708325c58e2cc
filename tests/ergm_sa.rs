//! Stochastic approximation (`Method::Sa`) against the exact MLE by
//! enumeration, against the MCMC-MLE on Florentine marriage, its
//! determinism over threads, and its named failure.

#![allow(clippy::needless_range_loop)]

mod common;

use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::exact::ExactDistribution;
use coprod::inference::ergm::sampler::{Proposal, SamplerOptions};
use coprod::inference::ergm::terms::Model;
use coprod::inference::ergm::{ErgmFit, Estimator, FitOptions, Method, fit};
use serde_json::Value;
use std::path::Path;

use common::ergm_net as net;

fn sa_opts(seed: u64, interval: usize) -> FitOptions {
    FitOptions {
        method: Method::Sa,
        sampler: SamplerOptions {
            burnin: 20 * interval,
            interval,
            draws_per_chain: 256,
            chains: 4,
            proposal: Proposal::Tnt,
            seed,
        },
        bridge: None,
        ..FitOptions::default()
    }
}

/// The Monte-Carlo bound on |θ̂_SA − θ_MLE| per coefficient, from phase 3:
/// to first order θ̂ − θ_MLE = Σ⁻¹ (E_θ̂ g − g_obs) = offset + Σ⁻¹ (E_θ̂ g − ḡ),
/// where offset = Σ⁻¹ (ḡ − g_obs) is reported and the second term has the
/// reported Monte-Carlo SE (batch means). The bound is |offset| + 4 MC SE:
/// a 4-sd band, false alarm < 1e-4 per coefficient.
fn sa_bound(f: &ErgmFit) -> Vec<f64> {
    let sa = f.sa.as_ref().unwrap();
    sa.newton_offset
        .iter()
        .zip(&sa.mc_se)
        .map(|(o, s)| o.abs() + 4.0 * s)
        .collect()
}

/// The inverse of a 1 × 1 or 2 × 2 matrix (Σ from Cov(θ̂) = Σ⁻¹).
fn inverse(c: &[f64], p: usize) -> Vec<f64> {
    match p {
        1 => vec![1.0 / c[0]],
        2 => {
            let det = c[0] * c[3] - c[1] * c[2];
            vec![c[3] / det, -c[1] / det, -c[2] / det, c[0] / det]
        }
        _ => unreachable!("the tests fit two statistics at most"),
    }
}

#[test]
fn sa_equals_the_exact_mle_within_monte_carlo_error() {
    // 6 actors undirected (15 dyads) and 4 actors directed (12 dyads, edges + mutual):
    // every network enumerated.
    let cases = [
        (
            net(6, false, &common::SIX_NODE_TIES),
            "edges + gwesp(0.5, fixed=TRUE)",
        ),
        (
            net(4, true, &[(0, 1), (1, 0), (1, 2), (2, 3), (3, 1), (0, 3)]),
            "edges + mutual",
        ),
    ];
    for (d, formula) in &cases {
        let m = Model::parse(formula, d).unwrap();
        let mask = DyadMask::all(d.network.n(), d.network.is_directed());
        let e = ExactDistribution::enumerate(&m, &d.network, &mask, 16).unwrap();
        let exact = e.mle().unwrap();
        let f = fit(&m, &d.network, &mask, &sa_opts(3, 50)).unwrap();
        assert_eq!(f.estimator, Estimator::Sa);
        let sa = f.sa.as_ref().unwrap();
        assert!(
            sa.t_ratios.iter().all(|t| t.abs() < 0.1),
            "{:?}",
            sa.t_ratios
        );
        let bound = sa_bound(&f);
        let p = m.len();
        let (_, mean_at, cov_at) = e.moments(&f.coef());
        let diag = f.diagnostics.as_ref().unwrap();
        for a in 0..p {
            let diff = (f.terms[a].estimate - exact.coef[a]).abs();
            eprintln!(
                "{formula} {}: SA {:.4} (SE {:.4}) exact {:.4} (SE {:.4}); |diff| {diff:.4}, bound {:.4}, t {:.3}",
                f.terms[a].term,
                f.terms[a].estimate,
                f.terms[a].se,
                exact.coef[a],
                exact.se[a],
                bound[a],
                sa.t_ratios[a]
            );
            assert!(
                diff <= bound[a],
                "{formula} {}: SA {} vs exact {} (bound {})",
                f.terms[a].term,
                f.terms[a].estimate,
                exact.coef[a],
                bound[a]
            );
            // Phase 3's mean equals the exact E_θ̂ g within 4 of its MC SEs.
            assert!(
                (diag.simulated_mean[a] - mean_at[a]).abs() <= 4.0 * diag.simulated_mean_se[a],
                "{formula} {}: simulated mean {} vs exact {} (MC SE {})",
                f.terms[a].term,
                diag.simulated_mean[a],
                mean_at[a],
                diag.simulated_mean_se[a]
            );
            // The simulated variance (whose inverse gives the SEs) equals the
            // exact variance at θ̂: a sample variance from ESS effectively
            // independent draws has relative sd √(2/ESS) (normal theory); 4 sd.
            let var_sa = inverse(&f.cov, p)[a * p + a];
            let var_exact = cov_at[a * p + a];
            let rel = 4.0 * (2.0 / diag.ess[a]).sqrt();
            assert!(
                (var_sa - var_exact).abs() <= rel * var_exact,
                "{formula} {}: simulated variance {var_sa} vs exact {var_exact} (relative band {rel})",
                f.terms[a].term
            );
        }
    }
}

#[test]
fn sa_agrees_with_the_mcmc_mle_on_florentine_marriage() {
    // Florentine marriage (16 families, 20 ties), edges + gwesp(0.5, fixed):
    // both estimators are Monte-Carlo estimates of the same MLE. MCMC-MLE's
    // Monte-Carlo sd per coefficient is √(total − information-only)
    // variance (its I⁻¹ Var(z̄) I⁻¹ part); SA's bound is `sa_bound`. Their
    // difference must lie within SA's bound plus 4 MCMC-MLE Monte-Carlo sd.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ergm/florentine_marriage.json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let g = &v["graph"];
    let edges = common::edge_pairs(&g["edges"]);
    let d = net(g["n"].as_u64().unwrap() as usize, false, &edges);
    let m = Model::parse("edges + gwesp(0.5, fixed=TRUE)", &d).unwrap();
    let mask = DyadMask::all(d.network.n(), false);
    let sa = fit(&m, &d.network, &mask, &sa_opts(11, 100)).unwrap();
    let mc_opts = FitOptions {
        method: Method::Mcmle,
        sampler: SamplerOptions {
            burnin: 5000,
            interval: 100,
            draws_per_chain: 1000,
            chains: 4,
            proposal: Proposal::Tnt,
            seed: 11,
        },
        bridge: None,
        ..FitOptions::default()
    };
    let mc = fit(&m, &d.network, &mask, &mc_opts).unwrap();
    let bound = sa_bound(&sa);
    let p = 2;
    for a in 0..p {
        let info_only = {
            // I⁻¹ at the MCMC-MLE: the final sample's covariance, inverted
            // (Cov(θ̂) − I⁻¹ is the Monte-Carlo part).
            let dg = mc.diagnostics.as_ref().unwrap();
            let n = dg.draws;
            let col = |b: usize| -> Vec<f64> { (0..n).map(|k| dg.trace[k * p + b]).collect() };
            let (x, y) = (col(0), col(1));
            let mean = |v: &[f64]| v.iter().sum::<f64>() / n as f64;
            let (mx, my) = (mean(&x), mean(&y));
            let cxx = x.iter().map(|u| (u - mx).powi(2)).sum::<f64>() / (n - 1) as f64;
            let cyy = y.iter().map(|u| (u - my).powi(2)).sum::<f64>() / (n - 1) as f64;
            let cxy = x
                .iter()
                .zip(&y)
                .map(|(u, w)| (u - mx) * (w - my))
                .sum::<f64>()
                / (n - 1) as f64;
            let det = cxx * cyy - cxy * cxy;
            [cyy / det, cxx / det][a]
        };
        let mc_sd = (mc.cov[a * p + a] - info_only).abs().sqrt();
        let diff = (sa.terms[a].estimate - mc.terms[a].estimate).abs();
        eprintln!(
            "florentine {}: SA {:.4} (SE {:.4}) MCMC-MLE {:.4} (SE {:.4}); |diff| {diff:.4}, SA bound {:.4}, MCMC MC sd {mc_sd:.4}",
            sa.terms[a].term,
            sa.terms[a].estimate,
            sa.terms[a].se,
            mc.terms[a].estimate,
            mc.terms[a].se,
            bound[a]
        );
        assert!(
            diff <= bound[a] + 4.0 * mc_sd,
            "{}: SA {} vs MCMC-MLE {} (SA bound {}, MCMC sd {mc_sd})",
            sa.terms[a].term,
            sa.terms[a].estimate,
            mc.terms[a].estimate,
            bound[a]
        );
    }
}

#[test]
fn sa_gives_the_same_bits_on_one_and_two_threads() {
    let d = net(
        7,
        false,
        &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 6), (2, 3)],
    );
    let m = Model::parse("edges + triangle", &d).unwrap();
    let mask = DyadMask::all(7, false);
    let mut o = sa_opts(21, 20);
    o.sa.phase3_draws = 200;
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| fit(&m, &d.network, &mask, &o))
    };
    let bits = |r: coprod::Result<ErgmFit>| match r {
        Ok(f) => Ok(f
            .coef()
            .iter()
            .chain(&f.cov)
            .chain(&f.sa.unwrap().t_ratios)
            .map(|x| x.to_bits())
            .collect::<Vec<_>>()),
        Err(e) => Err(e.to_string()),
    };
    assert_eq!(bits(run(1)), bits(run(2)));
}

#[test]
fn sa_that_does_not_converge_names_the_statistic() {
    // A bound no finite phase 3 meets (|t| < 1e-9) with no rerun: the error
    // names the method and every statistic whose t-ratio failed.
    let d = net(
        7,
        false,
        &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 6), (2, 3)],
    );
    let m = Model::parse("edges + triangle", &d).unwrap();
    let mask = DyadMask::all(7, false);
    let mut o = sa_opts(4, 20);
    o.sa.max_t_ratio = 1e-9;
    o.sa.reruns = 0;
    let e = fit(&m, &d.network, &mask, &o).unwrap_err();
    let s = e.to_string();
    assert!(matches!(e, coprod::Error::NoConvergence { .. }), "{s}");
    assert!(s.contains("stochastic approximation"), "{s}");
    assert!(
        s.contains("`edges` t =") && s.contains("`triangle` t ="),
        "{s}"
    );
}

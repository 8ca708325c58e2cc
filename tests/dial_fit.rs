//! λ̂ (`compare::fit_dial`): calibration on graphs drawn at a known λ₀, the
//! same result with 1 and 2 threads, the undefined cases and the bad options.

use coprod::baselines::{DialOptions, MatchedOptions, dial, matched_plan};
use coprod::compare::{Coding, DialEstimate, DialFitOptions, fit_dial};
use coprod::model::{Actor, CoreSet, Kind, Level, MultiplexGraph, Provenance};

/// The calibration's fit: 9 grid points × 40 draws, the closest 5 % accepted.
fn calibration_options(seed: u64) -> DialFitOptions {
    DialFitOptions {
        grid: 9,
        draws: 40,
        accept: 0.05,
        seed,
        ..DialFitOptions::default()
    }
}

/// Pseudo-observed graphs drawn from the dial on `ly` (K = 4) at λ₀ = 1/K,
/// the middle of the dial and 1, 12 each (seeds 1000 + i), each fitted as if
/// it were a case. A 90 % interval should cover λ₀ in about 90 % of them:
/// with 36 fits the count is binomial with mean 32.4 and sd 1.8, so the test
/// asks for at least 29 (80 %, 1.9 sd below the mean: a calibrated interval
/// fails it by chance with probability about 3 %; measured: 36 of 36, the
/// grid's intervals are a little wide). The same fits must
/// *not* cover a λ₀ shifted by half the dial (≤ 12 of 36), so the test can
/// fail, and the mean |λ̂ − λ₀| must stay below 0.1 (the dial spans 0.75).
#[test]
fn the_interval_covers_a_known_lambda() {
    let case = coprod::cases::load("ly").unwrap();
    let k = matched_plan(&case, &MatchedOptions::default()).unwrap().k();
    assert_eq!(k, 4);
    let lo = 1.0 / k as f64;
    let half = (1.0 - lo) / 2.0;
    let mut covered = 0;
    let mut shifted = 0;
    let mut error = 0.0;
    let mut fits = 0;
    let mut not_reproduced = 0;
    let mut lines = Vec::new();
    for (a, lambda0) in [lo, lo + half, 1.0].into_iter().enumerate() {
        // Shift towards the other half of the dial.
        let other = if lambda0 < lo + half {
            lambda0 + half
        } else {
            lambda0 - half
        };
        for i in 0..12u64 {
            let d = DialOptions {
                lambda: lambda0,
                ..DialOptions::default()
            };
            let pseudo = dial(&case, &d, 1000 + 100 * a as u64 + i).unwrap();
            let fit = fit_dial(&pseudo, &calibration_options(i)).unwrap();
            // The nearest position, whether or not the check passes: the
            // calibration is of the estimator; the check is counted apart.
            let (l, [a, b]) = fit.nearest().expect("an estimate on a K = 4 case");
            not_reproduced += usize::from(!fit.check().unwrap().reproduces);
            let eps = 1e-9;
            covered += usize::from(a - eps <= lambda0 && lambda0 <= b + eps);
            shifted += usize::from(a - eps <= other && other <= b + eps);
            error += (l - lambda0).abs();
            fits += 1;
            lines.push(format!("λ₀ {lambda0:.3}: λ̂ {l:.3} [{a:.3}, {b:.3}]"));
        }
    }
    let mean_error = error / fits as f64;
    let report = format!(
        "covered {covered}/{fits}, shifted covered {shifted}/{fits}, mean |λ̂ − λ₀| {mean_error:.3}, predictive check failed on {not_reproduced}/{fits}\n{}",
        lines.join("\n")
    );
    println!("{report}");
    assert_eq!(fits, 36);
    assert!(covered >= 29, "{report}");
    assert!(shifted <= 12, "{report}");
    assert!(mean_error < 0.1, "{report}");
    // Graphs the dial drew: a check at level 0.05 fails on each with
    // probability at most 0.05 (less: the posterior was fitted to it), so
    // 7 or more failures of 36 has probability below 0.004 (binomial).
    assert!(not_reproduced <= 6, "{report}");
}

#[test]
fn one_and_two_threads_give_the_same_fit() {
    let case = coprod::cases::load("jinsong").unwrap();
    let opts = DialFitOptions {
        grid: 5,
        draws: 8,
        accept: 0.1,
        seed: 3,
        ..DialFitOptions::default()
    };
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| fit_dial(&case, &opts).unwrap())
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one.k, 4);
    assert_eq!(one.grid.len(), 5);
    // ⌈0.1 · 40⌉ = 4 accepted at least, all from the grid.
    let DialEstimate::Estimated { accepted, .. } = &one.estimate else {
        panic!("{:?}", one.estimate)
    };
    assert!(accepted.len() >= 4);
    assert!(
        accepted
            .iter()
            .all(|l| one.grid.iter().any(|p| p.lambda == *l))
    );
    assert_eq!(
        one.grid.iter().map(|p| p.accepted).sum::<usize>(),
        accepted.len()
    );
    // Another seed gives other draws.
    let other = fit_dial(
        &case,
        &DialFitOptions {
            seed: 4,
            ..opts.clone()
        },
    )
    .unwrap();
    assert_ne!(one.grid, other.grid);
}

#[test]
fn the_used_statistics_are_the_claimed_defined_ones() {
    let case = coprod::cases::load("jinsong").unwrap();
    let opts = DialFitOptions {
        grid: 3,
        draws: 6,
        ..DialFitOptions::default()
    };
    let fit = fit_dial(&case, &opts).unwrap();
    for s in &fit.statistics {
        let entry = coprod::compare::statistic(s.name).unwrap();
        assert_ne!(entry.claim, coprod::compare::Claim::None, "{}", s.name);
        if s.left_out.is_none() {
            assert!(s.observed.is_some() && s.sd.is_some_and(|sd| sd > 0.0));
        }
    }
    assert!(fit.used().count() >= 5, "{:?}", fit.statistics);
    assert!(!fit.used().any(|n| n == "transitivity"));
    // Every point reports every claimed statistic.
    for p in &fit.grid {
        assert_eq!(p.statistics.len(), fit.statistics.len());
    }
}

#[test]
fn no_core_actor_and_one_centre_are_undefined_with_the_reason() {
    let x = coprod::cases::load("x_district").unwrap();
    let fit = fit_dial(&x, &DialFitOptions::default()).unwrap();
    assert!(fit.lambda_hat().is_none() && fit.grid.is_empty());
    let DialEstimate::Undefined { reason } = &fit.estimate else {
        panic!()
    };
    assert!(reason.contains("no actor"), "{reason}");
    // Only party actors: K = 1, the dial admits only λ = 1.
    let mut g = MultiplexGraph::new();
    for id in ["p1", "p2", "p3"] {
        g.add_actor(Actor::new(id, Kind::Party, Level::Community))
            .unwrap();
    }
    g.add_tie("p1", "p2", "leadership", 1.0, Provenance::default())
        .unwrap();
    g.add_tie("p1", "p3", "leadership", 1.0, Provenance::default())
        .unwrap();
    let fit = fit_dial(&g, &DialFitOptions::default()).unwrap();
    assert_eq!(fit.k, 1);
    let DialEstimate::Undefined { reason } = &fit.estimate else {
        panic!("{:?}", fit.estimate)
    };
    assert!(reason.contains("K = 1"), "{reason}");
}

#[test]
fn bad_options_are_typed_errors() {
    let case = coprod::cases::load("ly").unwrap();
    for bad in [
        DialFitOptions {
            grid: 1,
            ..DialFitOptions::default()
        },
        DialFitOptions {
            draws: 1,
            ..DialFitOptions::default()
        },
        DialFitOptions {
            accept: 0.0,
            ..DialFitOptions::default()
        },
        DialFitOptions {
            accept: f64::NAN,
            ..DialFitOptions::default()
        },
    ] {
        let e = fit_dial(&case, &bad).unwrap_err();
        assert!(matches!(e, coprod::Error::InvalidParameter { .. }), "{e:?}");
    }
    let e = fit_dial(
        &case,
        &DialFitOptions {
            core: CoreSet::Ids(vec!["nobody".into()]),
            ..DialFitOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(e, coprod::Error::UnknownActor { .. }), "{e:?}");
    let e = fit_dial(
        &case,
        &DialFitOptions {
            coding: Coding::Layer("nolayer".into()),
            ..DialFitOptions::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("nolayer"), "{e}");
}

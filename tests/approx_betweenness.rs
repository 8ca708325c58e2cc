//! Approximate betweenness (Riondato–Kornaropoulos, KADABRA) and sampled group
//! betweenness against the exact measures, which equal NetworkX (see
//! `tests/centrality.rs`), on graphs where exact is feasible.
//!
//! The guarantee is per run: with probability ≥ 1 − δ every node is within ε.
//! Runs with different seeds are independent, so the number of failing runs
//! out of `N` is at most Binomial(N, δ); the tests allow `δN + 3√(Nδ(1−δ))`
//! (three standard deviations of Monte-Carlo margin) and print what they saw.
//! Run with `--nocapture` to see the numbers.

use coprod::generate::gnm;
use coprod::measures::EdgeLength;
use coprod::measures::centrality::*;
use coprod::model::{Aggregation, Csr, Kind, NodeSet, View};

const SEEDS: u64 = 20;
const DELTA: f64 = 0.1;

/// The graphs of the guarantee test, with their names and ε.
fn graphs() -> Vec<(String, Csr, f64)> {
    let mut out = Vec::new();
    for s in 0..2 {
        out.push((
            format!("gnm(300, 900) undirected #{s}"),
            gnm(300, 900, false, s).unwrap(),
            0.03,
        ));
        out.push((
            format!("gnm(300, 900) directed #{s}"),
            gnm(300, 900, true, s).unwrap(),
            0.03,
        ));
    }
    out.push((
        "gnm(250, 240) undirected, many components".into(),
        gnm(250, 240, false, 9).unwrap(),
        0.03,
    ));
    out.push((
        "gnm(200, 500) directed, sparse".into(),
        gnm(200, 500, true, 4).unwrap(),
        0.03,
    ));
    let path: Vec<_> = (0..59).map(|i| (i, i + 1, 1.0)).collect();
    out.push((
        "path of 60".into(),
        Csr::from_edges(60, false, &path, Aggregation::Sum),
        0.03,
    ));
    out.push((
        "directed path of 60".into(),
        Csr::from_edges(60, true, &path, Aggregation::Sum),
        0.03,
    ));
    let star: Vec<_> = (1..40).map(|i| (0, i, 1.0)).collect();
    out.push((
        "star of 40".into(),
        Csr::from_edges(40, false, &star, Aggregation::Sum),
        0.03,
    ));
    for g in coprod::cases::load_all().unwrap() {
        let id = g.meta().id.clone();
        out.push((format!("{id} aggregate"), View::aggregate(&g).csr(), 0.05));
        out.push((
            format!("{id} aggregate, symmetrised"),
            View::aggregate(&g).symmetrized().csr(),
            0.05,
        ));
    }
    out
}

fn max_error(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

/// The largest number of failing runs out of `runs` the test accepts.
fn allowed_failures(runs: usize) -> usize {
    let n = runs as f64;
    (DELTA * n + 3.0 * (n * DELTA * (1.0 - DELTA)).sqrt()).floor() as usize
}

#[test]
fn every_node_within_epsilon_across_seeds() {
    let graphs = graphs();
    for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
        let (mut runs, mut failures, mut worst, mut worst_ratio) = (0usize, 0usize, 0.0f64, 0.0f64);
        let mut samples = 0u64;
        let (mut worst_bias, mut worst_graph) = (0.0f64, String::new());
        for (name, g, eps) in &graphs {
            let exact = betweenness(g, &BetweennessOptions::default());
            let mut fails_here = 0;
            let mut mean = vec![0.0; exact.len()];
            for seed in 0..SEEDS {
                let opts = ApproxBetweennessOptions {
                    method,
                    epsilon: *eps,
                    delta: DELTA,
                    seed,
                    ..Default::default()
                };
                let a = approx_betweenness(g, &opts).unwrap();
                assert!(a.samples <= a.max_samples, "{name}");
                samples += a.samples;
                mean.iter_mut()
                    .zip(&a.scores)
                    .for_each(|(m, x)| *m += x / SEEDS as f64);
                let e = max_error(&a.scores, &exact);
                if e / eps > worst_ratio {
                    worst_graph = name.clone();
                }
                worst = worst.max(e);
                worst_ratio = worst_ratio.max(e / eps);
                runs += 1;
                if e > *eps {
                    failures += 1;
                    fails_here += 1;
                }
            }
            // the estimators are unbiased (up to KADABRA's stopping rule): the
            // mean of 20 runs is far closer than ε (sd about ε / (3 √20))
            let bias = max_error(&mean, &exact);
            worst_bias = worst_bias.max(bias / eps);
            assert!(
                bias <= eps / 4.0,
                "{method:?} {name}: mean of {SEEDS} runs off by {bias}"
            );
            assert!(
                fails_here <= allowed_failures(SEEDS as usize),
                "{method:?} {name}: {fails_here} of {SEEDS} seeds out of ε"
            );
        }
        println!(
            "{method:?}: {runs} runs on {} graphs, {failures} with some |b̃ − b| > ε \
             (allowed {}), max |b̃ − b| = {worst:.4}, max |b̃ − b| / ε = {worst_ratio:.3}, \
             mean samples per run {} (worst relative error on {worst_graph}); \
             max |mean of {SEEDS} seeds − b| / ε = {worst_bias:.3}",
            graphs.len(),
            allowed_failures(runs),
            samples / runs as u64
        );
        assert!(
            failures <= allowed_failures(runs),
            "{method:?}: {failures} of {runs}"
        );
    }
}

#[test]
fn same_seed_same_scores_sequential_equals_parallel() {
    for directed in [false, true] {
        let g = gnm(2000, 6000, directed, 3).unwrap();
        for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
            let opts = |seed, parallelism| ApproxBetweennessOptions {
                method,
                epsilon: 0.02,
                seed,
                parallelism,
                ..Default::default()
            };
            let seq = approx_betweenness(&g, &opts(5, Parallelism::Sequential)).unwrap();
            let par = approx_betweenness(&g, &opts(5, Parallelism::Parallel)).unwrap();
            assert!(
                seq == par,
                "{method:?} directed {directed}: sequential ≠ parallel"
            );
            assert_eq!(
                seq,
                approx_betweenness(&g, &opts(5, Parallelism::Auto)).unwrap()
            );
            let other = approx_betweenness(&g, &opts(6, Parallelism::Auto)).unwrap();
            assert_ne!(seq.scores, other.scores);
            println!(
                "{method:?} directed {directed}: {} samples of at most {} (+{} calibration), VD ≤ {}",
                seq.samples, seq.max_samples, seq.calibration_samples, seq.vertex_diameter_bound
            );
        }
    }
}

#[test]
fn kadabra_stops_before_the_cap_on_a_sparse_graph() {
    let g = gnm(3000, 9000, false, 1).unwrap();
    let opts = ApproxBetweennessOptions {
        method: ApproxMethod::Kadabra,
        epsilon: 0.01,
        ..Default::default()
    };
    let k = approx_betweenness(&g, &opts).unwrap();
    let rk = rk_sample_size(0.01 * 2998.0 / 3000.0, 0.1, k.vertex_diameter_bound).unwrap();
    println!(
        "KADABRA: {} + {} samples; RK would draw {rk}; cap ω {}",
        k.calibration_samples, k.samples, k.max_samples
    );
    assert!(k.samples < k.max_samples);
    assert!(k.samples + k.calibration_samples < rk);
}

#[test]
fn group_betweenness_within_epsilon() {
    let mut cases: Vec<(String, Csr, NodeSet)> = Vec::new();
    for directed in [false, true] {
        let g = gnm(300, 900, directed, 11).unwrap();
        for (i, members) in [
            vec![0usize],
            vec![1, 2, 3, 4, 5],
            (0..300).step_by(10).collect(),
        ]
        .into_iter()
        .enumerate()
        {
            let set = NodeSet::new(300, members).unwrap();
            cases.push((format!("gnm directed {directed} group {i}"), g.clone(), set));
        }
    }
    for g in coprod::cases::load_all().unwrap() {
        let v = View::aggregate(&g);
        let core = v.node_set_of_kind(Kind::Party);
        if !core.is_empty() {
            cases.push((format!("{} party", g.meta().id), v.csr(), core));
        }
    }
    let eps = 0.03;
    let (mut runs, mut failures, mut worst) = (0, 0, 0.0f64);
    for (_, g, set) in &cases {
        let exact = group_betweenness(g, set, &GroupBetweennessOptions::default())
            .unwrap()
            .unwrap();
        for seed in 0..SEEDS {
            let opts = ApproxGroupBetweennessOptions {
                epsilon: eps,
                delta: DELTA,
                seed,
                ..Default::default()
            };
            let a = approx_group_betweenness(g, set, &opts).unwrap().unwrap();
            let e = (a - exact).abs();
            worst = worst.max(e);
            runs += 1;
            failures += usize::from(e > eps);
        }
    }
    println!(
        "group betweenness: {runs} runs on {} sets, {failures} beyond ε = {eps} (allowed {}), max error {worst:.4}",
        cases.len(),
        allowed_failures(runs)
    );
    assert!(failures <= allowed_failures(runs));
    // sequential equals parallel
    let (_, g, set) = &cases[1];
    let o = |parallelism| ApproxGroupBetweennessOptions {
        parallelism,
        ..Default::default()
    };
    assert_eq!(
        approx_group_betweenness(g, set, &o(Parallelism::Sequential)).unwrap(),
        approx_group_betweenness(g, set, &o(Parallelism::Parallel)).unwrap()
    );
}

#[test]
fn bad_parameters_are_typed_errors() {
    let g = gnm(20, 40, false, 0).unwrap();
    for (epsilon, delta) in [
        (0.0, 0.1),
        (1.0, 0.1),
        (f64::NAN, 0.1),
        (0.1, 0.0),
        (0.1, 1.5),
        (-0.1, 0.1),
    ] {
        let opts = ApproxBetweennessOptions {
            epsilon,
            delta,
            ..Default::default()
        };
        let e = approx_betweenness(&g, &opts).unwrap_err();
        assert!(matches!(e, coprod::Error::InvalidParameter { .. }), "{e}");
        assert!(e.is_usage());
        let go = ApproxGroupBetweennessOptions {
            epsilon,
            delta,
            ..Default::default()
        };
        let set = NodeSet::new(20, [0]).unwrap();
        assert!(approx_group_betweenness(&g, &set, &go).is_err());
    }
    let weighted = ApproxBetweennessOptions {
        weighting: EdgeLength::Weight,
        ..Default::default()
    };
    match approx_betweenness(&g, &weighted).unwrap_err() {
        coprod::Error::InvalidParameter { name, .. } => assert_eq!(name, "weighting"),
        e => panic!("{e}"),
    }
    let other = NodeSet::new(21, [0]).unwrap();
    assert!(matches!(
        approx_group_betweenness(&g, &other, &Default::default()).unwrap_err(),
        coprod::Error::SizeMismatch { .. }
    ));
    let tiny = ApproxBetweennessOptions {
        epsilon: 1e-9,
        ..Default::default()
    };
    assert!(approx_betweenness(&g, &tiny).is_err());
    let tiny = ApproxGroupBetweennessOptions {
        epsilon: 1e-9,
        ..Default::default()
    };
    let set = NodeSet::new(20, [0]).unwrap();
    assert!(approx_group_betweenness(&g, &set, &tiny).is_err());
}

#[test]
fn degenerate_graphs_are_exactly_zero() {
    for n in [0usize, 1, 2] {
        let g = Csr::from_edges(n, false, &[], Aggregation::Sum);
        let a = approx_betweenness(&g, &Default::default()).unwrap();
        assert_eq!(a.scores, vec![0.0; n]);
        assert_eq!(a.samples, 0);
    }
    // no ties: VD = 1; a matching: VD = 2
    let g = Csr::from_edges(10, false, &[], Aggregation::Sum);
    let a = approx_betweenness(&g, &Default::default()).unwrap();
    assert_eq!((a.samples, a.vertex_diameter_bound), (0, 1));
    let m: Vec<_> = (0..5).map(|i| (2 * i, 2 * i + 1, 1.0)).collect();
    let g = Csr::from_edges(10, true, &m, Aggregation::Sum);
    for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
        let opts = ApproxBetweennessOptions {
            method,
            ..Default::default()
        };
        let a = approx_betweenness(&g, &opts).unwrap();
        assert_eq!((a.samples, a.vertex_diameter_bound), (0, 2));
        assert_eq!(a.scores, vec![0.0; 10]);
    }
    // a group holding all but one node has no pairs
    let g = gnm(10, 15, false, 0).unwrap();
    let set = NodeSet::new(10, 1..10).unwrap();
    assert_eq!(
        approx_group_betweenness(&g, &set, &Default::default()).unwrap(),
        None
    );
}

/// A progress bar only counts: scores, sample counts and the exact
/// betweenness are the same with `Progress::Auto` and `Progress::Hidden`
/// (off a terminal `Auto` draws nothing, but every `inc` and `finish` still
/// runs on the bar, sequentially and in parallel).
#[test]
fn progress_bar_does_not_change_results() {
    use coprod::progress::Progress;
    let g = gnm(1500, 4500, false, 2).unwrap();
    for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
        for parallelism in [Parallelism::Sequential, Parallelism::Parallel] {
            let opts = |progress| ApproxBetweennessOptions {
                method,
                epsilon: 0.03,
                seed: 9,
                parallelism,
                progress,
                ..Default::default()
            };
            let auto = approx_betweenness(&g, &opts(Progress::Auto)).unwrap();
            let hidden = approx_betweenness(&g, &opts(Progress::Hidden)).unwrap();
            assert!(auto.samples > 0);
            assert_eq!(auto, hidden, "{method:?} {parallelism:?}");
        }
    }
    let small = gnm(300, 900, false, 4).unwrap();
    let exact = |progress| {
        betweenness(
            &small,
            &BetweennessOptions {
                progress,
                ..Default::default()
            },
        )
    };
    assert_eq!(exact(Progress::Auto), exact(Progress::Hidden));
}

//! The posterior over the number of blocks against exact enumeration.
//!
//! On graphs of 7–8 nodes every set partition (Bell(8) = 4140) is scored by
//! `description_length` and `P(B = k | A)` summed exactly
//! (`exact_block_posterior`). The sampler's share of each `B` must lie within
//! `mc_share_tolerance(p, ess)` = 4.5 standard errors of the exact value, the
//! standard error `sqrt(p (1 − p) / ess)` from the effective sample size the
//! sampler reports for the indicator `1{B = k}` (Geyer's initial monotone
//! sequence over 4 chains: the chain's autocorrelation widens the error, it is
//! not assumed away). A `B` the chain never visited must have an exact share
//! whose expected effective count `p · ESS(B)` is below 10 (a Poisson count
//! of mean 10 is 0 with probability 4.5e-5). Chain lengths were fixed before
//! the first run; nothing here was tuned to pass.
#[path = "common/cli.rs"]
mod cli;
use cli::coprod;

mod common;

use common::mc_share_tolerance;
use coprod::inference::sbm::{
    BlockLabels, MinimizeOptions, PosteriorOptions, SbmGraph, SbmOptions, exact_block_posterior,
    minimize, posterior_blocks,
};

/// Two 4-cliques missing an edge each, joined by two edges: B = 1 and 2 both carry weight.
fn two_groups() -> SbmGraph {
    SbmGraph::from_edges(
        8,
        false,
        &[
            (0, 1),
            (0, 2),
            (0, 3),
            (1, 2),
            (1, 3),
            (4, 5),
            (4, 6),
            (4, 7),
            (5, 6),
            (6, 7),
            (3, 4),
            (2, 5),
        ],
    )
    .unwrap()
}

/// A directed star-like graph of 7 nodes with a reciprocated pair and a path.
fn directed_hub() -> SbmGraph {
    SbmGraph::from_edges(
        7,
        true,
        &[
            (1, 0),
            (2, 0),
            (3, 0),
            (4, 0),
            (0, 1),
            (5, 4),
            (6, 5),
            (6, 0),
            (2, 3),
        ],
    )
    .unwrap()
}

/// Two dense groups of 4 with one tie between them, plain SBM favours B = 2.
fn dense_pair() -> SbmGraph {
    SbmGraph::from_edges(
        8,
        false,
        &[
            (0, 1),
            (0, 2),
            (0, 3),
            (1, 2),
            (1, 3),
            (2, 3),
            (4, 5),
            (4, 6),
            (4, 7),
            (5, 6),
            (5, 7),
            (6, 7),
            (3, 4),
        ],
    )
    .unwrap()
}

fn check(name: &str, g: &SbmGraph, opts: &SbmOptions, labels: BlockLabels) {
    let exact = exact_block_posterior(g, opts, labels).unwrap();
    assert!((exact.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let best = minimize(g, opts, &MinimizeOptions::default(), &[]).unwrap();
    let o = PosteriorOptions {
        seed: 3,
        chains: 4,
        burn_in: 100,
        samples: 20_000,
        thin: 2,
        labels,
        ..PosteriorOptions::default()
    };
    let p = posterior_blocks(g, &best.blocks, opts, &o).unwrap();
    let ess_b = p.ess_blocks.expect("B moves on a tiny graph");
    eprintln!(
        "{name}: exact {exact:.4?}; sampled {:?}; ESS(B) {ess_b:.0}, R̂ {:?}, acceptance {:.3}",
        p.shares
            .iter()
            .map(|s| (s.blocks, s.share, s.ess))
            .collect::<Vec<_>>(),
        p.rhat_blocks,
        p.acceptance
    );
    for (i, &want) in exact.iter().enumerate() {
        let k = i + 1;
        match p.shares.iter().find(|s| s.blocks == k) {
            Some(s) => {
                let ess = s.ess.expect("a share below 1 has an ESS");
                let tol = mc_share_tolerance(want, ess);
                assert!(
                    (s.share - want).abs() <= tol,
                    "{name}: B = {k}: sampled {} against exact {want} (tolerance {tol:.5}, ESS {ess:.0})",
                    s.share
                );
            }
            None => assert!(
                want * ess_b < 10.0,
                "{name}: B = {k} never sampled, exact share {want} (expected {:.1} effective hits)",
                want * ess_b
            ),
        }
    }
    // The chain's incremental description lengths never drop below the true minimum.
    assert!(p.least_visited >= best.description_length.total - 1e-9);
    assert!(
        p.rhat_blocks.unwrap() < 1.01,
        "{name}: R̂ {:?}",
        p.rhat_blocks
    );
    let map = exact.iter().enumerate().fold(
        (0, f64::MIN),
        |a, (i, &x)| if x > a.1 { (i + 1, x) } else { a },
    );
    assert_eq!(p.map_blocks, map.0, "{name}: MAP number of blocks");
}

#[test]
fn degree_corrected_undirected_equals_enumeration() {
    check(
        "two groups, degree-corrected",
        &two_groups(),
        &SbmOptions::default(),
        BlockLabels::Unlabelled,
    );
}

#[test]
fn degree_corrected_directed_equals_enumeration() {
    check(
        "directed hub, degree-corrected",
        &directed_hub(),
        &SbmOptions::default(),
        BlockLabels::Unlabelled,
    );
}

#[test]
fn plain_and_labelled_equal_enumeration() {
    check(
        "dense pair, plain",
        &dense_pair(),
        &SbmOptions::plain(),
        BlockLabels::Unlabelled,
    );
    check(
        "two groups, labelled",
        &two_groups(),
        &SbmOptions::default(),
        BlockLabels::Labelled,
    );
}

#[test]
fn same_seed_same_shares_on_one_and_two_threads() {
    let g = two_groups();
    let o = PosteriorOptions {
        samples: 300,
        burn_in: 20,
        ..PosteriorOptions::default()
    };
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| posterior_blocks(&g, &[0; 8], &SbmOptions::default(), &o).unwrap())
    };
    let (a, b) = (run(1), run(2));
    assert_eq!(a.shares, b.shares);
    assert_eq!(a.acceptance.to_bits(), b.acceptance.to_bits());
    let other = posterior_blocks(
        &g,
        &[0; 8],
        &SbmOptions::default(),
        &PosteriorOptions { seed: 1, ..o },
    )
    .unwrap();
    assert_ne!(a.shares, other.shares, "another seed, another chain");
}

#[test]
fn bad_settings_are_errors() {
    let g = two_groups();
    let opts = SbmOptions::default();
    for o in [
        PosteriorOptions {
            chains: 0,
            ..PosteriorOptions::default()
        },
        PosteriorOptions {
            thin: 0,
            ..PosteriorOptions::default()
        },
        PosteriorOptions {
            samples: 3,
            ..PosteriorOptions::default()
        },
    ] {
        assert!(posterior_blocks(&g, &[0; 8], &opts, &o).is_err());
    }
    assert!(posterior_blocks(&g, &[0; 7], &opts, &PosteriorOptions::default()).is_err());
    let big = SbmGraph::from_edges(11, false, &[(0, 1)]).unwrap();
    assert!(exact_block_posterior(&big, &opts, BlockLabels::Unlabelled).is_err());
}

/// graph-tool 2.45's own MCMC (`BlockState.mcmc_sweep(beta=1)`, 16 seeded
/// chains, `scripts/reference/sbm_posterior.py`) samples the law
/// [`BlockLabels::Unlabelled`] names: its share of each `B` (exact share
/// above 0.001) lies within 4.5 standard errors of the exact value, the
/// standard error being the spread of the 16 chains' shares over sqrt(16)
/// (independent chains; a t with 15 degrees of freedom exceeds 4.5 with
/// probability 4e-4), while the labelled law's `P(B = 1)` lies outside.
#[test]
fn graph_tool_mcmc_samples_the_unlabelled_law() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sbm_posterior/posterior_mcmc.json");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(doc["tool"], "graph-tool");
    let graphs = doc["graphs"].as_object().unwrap();
    assert_eq!(graphs.len(), 3, "the fixture compares three graphs");
    for (name, gr) in graphs {
        let g = match name.as_str() {
            "two_groups" => two_groups(),
            "directed_hub" => directed_hub(),
            "dense_pair" => dense_pair(),
            other => panic!("unknown graph {other}"),
        };
        let opts = if gr["deg_corr"].as_bool().unwrap() {
            SbmOptions::default()
        } else {
            SbmOptions::plain()
        };
        let chains: Vec<Vec<f64>> = gr["chain_shares"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                c.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap())
                    .collect()
            })
            .collect();
        let m = chains.len() as f64;
        let exact = exact_block_posterior(&g, &opts, BlockLabels::Unlabelled).unwrap();
        let labelled = exact_block_posterior(&g, &opts, BlockLabels::Labelled).unwrap();
        let stats = |k: usize| {
            let mean = chains.iter().map(|c| c[k]).sum::<f64>() / m;
            let var = chains.iter().map(|c| (c[k] - mean).powi(2)).sum::<f64>() / (m - 1.0);
            (mean, (var / m).sqrt())
        };
        for (k, &want) in exact.iter().enumerate().filter(|x| *x.1 > 0.001) {
            let (mean, se) = stats(k);
            assert!(
                (mean - want).abs() <= 4.5 * se,
                "{name}: B = {}: graph-tool {mean} against exact {want} (se {se})",
                k + 1
            );
        }
        let (mean, se) = stats(0);
        assert!(
            (mean - labelled[0]).abs() > 4.5 * se,
            "{name}: graph-tool's P(B = 1) {mean} is also the labelled law's {}",
            labelled[0]
        );
    }
}

/// `coprod sbm`: the JSON's `posterior_blocks` is the library's posterior
/// (same seed, same settings, same bits), each row's `posterior_blocks` is
/// the share of its number of blocks, and the CSV carries the same column.
#[test]
fn cli_prints_the_posterior_over_blocks() {
    use coprod::inference::sbm::candidates;
    use coprod::model::{Kind, View};
    let args = [
        "sbm",
        "ly",
        "--symmetric",
        "--posterior-samples",
        "200",
        "--posterior-thin",
        "2",
        "--posterior-burn-in",
        "20",
        "--seed",
        "4",
    ];
    let (code, out, err) = coprod(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let g = coprod::cases::load("ly").unwrap();
    let view = View::aggregate(&g).symmetrized();
    let core = view.node_set_of_kind(Kind::Party);
    let opts = SbmOptions::default();
    let mut t = candidates(
        &view,
        &core,
        None,
        &opts,
        &MinimizeOptions::for_size(view.node_count(), 4),
    )
    .unwrap();
    t.add_posterior(
        &view,
        &PosteriorOptions {
            seed: 4,
            samples: 200,
            thin: 2,
            burn_in: 20,
            ..PosteriorOptions::default()
        },
    )
    .unwrap();
    let p = t.posterior_blocks.as_ref().unwrap();
    assert_eq!(
        v["posterior_blocks"]["one_block"].as_f64().unwrap(),
        p.one_block
    );
    let shares = v["posterior_blocks"]["shares"].as_array().unwrap();
    assert_eq!(shares.len(), p.shares.len());
    let total: f64 = shares.iter().map(|s| s["share"].as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-12);
    for r in v["table"]["candidates"].as_array().unwrap() {
        let b = r["blocks"].as_u64().unwrap() as usize;
        let want = p
            .shares
            .iter()
            .find(|s| s.blocks == b)
            .map_or(0.0, |s| s.share);
        assert_eq!(r["posterior_blocks"].as_f64().unwrap(), want, "{r}");
    }
    let (code, csv, err) = coprod(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(code, 0, "{err}");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "structure,blocks,description_length,difference,standing,posterior_blocks"
    );
    let one = lines.find(|l| l.starts_with("one_block,")).unwrap();
    assert_eq!(
        one.rsplit(',').next().unwrap().parse::<f64>().unwrap(),
        p.one_block
    );
    let (code, _, err) = coprod(&["sbm", "ly", "--posterior-chains", "0"]);
    assert_eq!(code, 2, "a bad setting is an error: {err}");
    assert!(err.contains("chains"), "{err}");
}

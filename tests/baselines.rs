//! The null models of `coprod::baselines`: what each keeps (property tests on
//! seeded random cases), that each samples uniformly (χ² tests on tiny cases
//! whose realisations are enumerated), and seeds.
//!
//! χ² thresholds: every test rejects at p < 0.001, i.e. it fails when the
//! statistic exceeds `qchisq(0.999, df)` (values from R 4.2.2, written next to
//! each test), with a fixed seed so a pass is reproducible.

use coprod::baselines::{
    BlockOptions, DyadCensusOptions, GnmOptions, RewireOptions, SectorRewireOptions, Trials,
    block_model, dyad_census, gnm, layer_shuffle, rewire, sector_rewire,
};
use coprod::measures::cohesion::dyad_census as census;
use coprod::model::{Actor, Csr, Dyads, Kind, Layers, Level, MultiplexGraph, Provenance, View};
use coprod::random::{below, rng};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use std::collections::BTreeMap;

// The unconstrained models (`Dyads::All`): the reference tools' models,
// checked here on cases that need not follow the codebook. The codebook's
// masks are checked in tests/codebook_nulls.rs.
fn gnm_all() -> GnmOptions {
    GnmOptions {
        dyads: Dyads::All,
        ..GnmOptions::default()
    }
}
fn census_all() -> DyadCensusOptions {
    DyadCensusOptions {
        dyads: Dyads::All,
        ..DyadCensusOptions::default()
    }
}
fn rewire_all() -> RewireOptions {
    RewireOptions {
        dyads: Dyads::All,
        ..RewireOptions::default()
    }
}
fn sector_all() -> SectorRewireOptions {
    SectorRewireOptions {
        rewire: rewire_all(),
        ..SectorRewireOptions::default()
    }
}
fn block_all() -> BlockOptions {
    BlockOptions {
        dyads: Dyads::All,
        ..BlockOptions::default()
    }
}

/// The layers the random cases use: two directed, two undirected.
const LAYERS: [&str; 4] = ["leadership", "administrative", "deliberation", "tension"];

/// A random case: `n` actors of random kinds; in each of [`LAYERS`], each
/// dyad tied with probability `pct` %, plus a few repeated ties (the same
/// pair again, reversed in an undirected layer) that null models count once.
fn random_case(n: usize, pct: u64, seed: u64) -> MultiplexGraph {
    let mut r = rng(seed);
    let mut g = MultiplexGraph::new();
    for i in 0..n {
        let kind = Kind::ALL[below(&mut r, Kind::ALL.len() as u64) as usize];
        g.add_actor(Actor::new(format!("a{i}"), kind, Level::Community))
            .unwrap();
    }
    for layer in LAYERS {
        let directed = g.layer(g.layer_id(layer).unwrap()).directed;
        for u in 0..n {
            for v in 0..n {
                if u == v || (!directed && v < u) || below(&mut r, 100) >= pct {
                    continue;
                }
                let (a, b) = (format!("a{u}"), format!("a{v}"));
                g.add_tie(&a, &b, layer, 1.0, Provenance::default())
                    .unwrap();
                if below(&mut r, 10) == 0 {
                    g.add_tie(&b, &a, layer, 2.0, Provenance::default())
                        .unwrap_or(());
                    if directed {
                        // keep the reversed arc, but also repeat the original
                        g.add_tie(&a, &b, layer, 1.0, Provenance::default())
                            .unwrap();
                    }
                }
            }
        }
    }
    g
}

/// The simple graph of one layer.
fn layer(g: &MultiplexGraph, name: &str) -> Csr {
    View::layer(g, name).unwrap().csr()
}

/// Out- and in-degree of every actor in one layer.
fn degrees(g: &MultiplexGraph, name: &str) -> Vec<(usize, usize)> {
    let c = layer(g, name);
    (0..c.node_count())
        .map(|u| (c.out_degree(u), c.in_degree(u)))
        .collect()
}

/// Tie counts per (sector, sector) of one layer: ordered pairs if the layer
/// is directed, sorted pairs if not.
fn blocks(g: &MultiplexGraph, name: &str) -> BTreeMap<(String, String), usize> {
    let c = layer(g, name);
    let s = |u: u32| g.actor(u as usize).sector().to_string();
    let mut out = BTreeMap::new();
    for (u, v, _) in c.edges() {
        let (a, b) = (s(u), s(v));
        let key = if c.is_directed() || a <= b {
            (a, b)
        } else {
            (b, a)
        };
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

/// Every random tie is between distinct actors, weight 1, no provenance, and
/// no pair is tied twice in a layer.
fn assert_simple_and_bare(g: &MultiplexGraph) {
    for name in LAYERS {
        let ties = g.ties().filter(|t| g.layer(t.layer).name == name).count();
        assert_eq!(layer(g, name).edge_count(), ties, "{name}: a repeated tie");
    }
    for t in g.ties() {
        assert_ne!(t.source, t.target);
        assert_eq!(t.weight, 1.0);
        assert_eq!(t.provenance, Provenance::default());
    }
}

fn edge_counts(g: &MultiplexGraph) -> Vec<usize> {
    LAYERS.iter().map(|l| layer(g, l).edge_count()).collect()
}

proptest! {
    // 40 cases from a fixed seed: the same cases on every run and machine.
    #![proptest_config(ProptestConfig {
        cases: 40,
        rng_seed: RngSeed::Fixed(8),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn gnm_keeps_actors_and_ties_per_layer(n in 2usize..14, pct in 0u64..90, seed in 0u64..1_000) {
        let case = random_case(n, pct, seed);
        let null = gnm(&case, &gnm_all(), seed).unwrap();
        prop_assert!(null.actors().eq(case.actors()));
        prop_assert_eq!(null.count_by_kind(), case.count_by_kind());
        prop_assert_eq!(edge_counts(&null), edge_counts(&case));
        assert_simple_and_bare(&null);
    }

    #[test]
    fn dyad_census_is_exact(n in 2usize..14, pct in 0u64..90, seed in 0u64..1_000) {
        let case = random_case(n, pct, seed);
        let null = dyad_census(&case, &census_all(), seed).unwrap();
        prop_assert!(null.actors().eq(case.actors()));
        for l in LAYERS {
            prop_assert_eq!(census(&layer(&null, l)), census(&layer(&case, l)), "{}", l);
        }
        assert_simple_and_bare(&null);
    }

    #[test]
    fn rewiring_keeps_every_degree(n in 2usize..14, pct in 0u64..90, seed in 0u64..1_000) {
        let case = random_case(n, pct, seed);
        let r = rewire(&case, &rewire_all(), seed).unwrap();
        for l in LAYERS {
            prop_assert_eq!(degrees(&r.graph, l), degrees(&case, l), "{}", l);
        }
        assert_simple_and_bare(&r.graph);
        for s in &r.swaps {
            prop_assert!(s.failed <= s.trials);
            prop_assert_eq!(s.trials, if s.ties < 2 { 0 } else { 10 * s.ties as u64 });
        }
    }

    #[test]
    fn sector_swaps_keep_degrees_and_block_counts(n in 2usize..14, pct in 0u64..90, seed in 0u64..1_000) {
        let case = random_case(n, pct, seed);
        let r = sector_rewire(&case, &sector_all(), seed).unwrap();
        for l in LAYERS {
            prop_assert_eq!(degrees(&r.graph, l), degrees(&case, l), "{}", l);
            prop_assert_eq!(blocks(&r.graph, l), blocks(&case, l), "{}", l);
        }
        assert_simple_and_bare(&r.graph);
    }

    #[test]
    fn block_model_counts_are_exact(n in 2usize..14, pct in 0u64..90, seed in 0u64..1_000) {
        let case = random_case(n, pct, seed);
        let null = block_model(&case, &block_all(), seed).unwrap();
        for l in LAYERS {
            prop_assert_eq!(blocks(&null, l), blocks(&case, l), "{}", l);
        }
        assert_simple_and_bare(&null);
    }

    #[test]
    fn layer_shuffle_keeps_every_layers_degrees(n in 2usize..14, pct in 0u64..90, seed in 0u64..1_000) {
        let case = random_case(n, pct, seed);
        let s = layer_shuffle(&case, &rewire_all(), seed).unwrap();
        for l in LAYERS {
            prop_assert_eq!(degrees(&s.rewired.graph, l), degrees(&case, l), "{}", l);
        }
        assert_simple_and_bare(&s.rewired.graph);
    }
}

/// One draw of every model, as a comparable list of ties.
fn all_models(case: &MultiplexGraph, seed: u64) -> Vec<Vec<(usize, usize, u16)>> {
    let ties = |g: &MultiplexGraph| {
        g.ties()
            .map(|t| (t.source, t.target, t.layer.0))
            .collect::<Vec<_>>()
    };
    vec![
        ties(&gnm(case, &gnm_all(), seed).unwrap()),
        ties(&dyad_census(case, &census_all(), seed).unwrap()),
        ties(&rewire(case, &rewire_all(), seed).unwrap().graph),
        ties(&sector_rewire(case, &sector_all(), seed).unwrap().graph),
        ties(&block_model(case, &block_all(), seed).unwrap()),
        ties(
            &layer_shuffle(case, &rewire_all(), seed)
                .unwrap()
                .rewired
                .graph,
        ),
    ]
}

#[test]
fn same_seed_same_draw_and_different_seeds_differ() {
    let case = coprod::cases::load("jinsong").unwrap();
    let draws: Vec<_> = (0..8).map(|s| all_models(&case, s)).collect();
    assert_eq!(draws[3], all_models(&case, 3));
    for model in 0..6 {
        let of_model: Vec<_> = draws.iter().map(|d| &d[model]).collect();
        for (a, x) in of_model.iter().enumerate() {
            for (b, y) in of_model[..a].iter().enumerate() {
                assert_ne!(x, y, "model {model}, seeds {a} {b}");
            }
        }
    }
}

/// A fixed draw of each model on a fixed case, so that a change of algorithm
/// or of generator shows (same seed ⇒ same graph on every machine: integer
/// draws only).
#[test]
fn draws_are_pinned() {
    let case = coprod::cases::load("jinsong").unwrap();
    let fingerprint = |ties: &[(usize, usize, u16)]| {
        ties.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &(s, t, l)| {
            let x = (s as u64) << 32 | (t as u64) << 16 | l as u64;
            (h ^ x).wrapping_mul(0x100_0000_01b3)
        })
    };
    let got: Vec<u64> = all_models(&case, 2026)
        .iter()
        .map(|t| fingerprint(t))
        .collect();
    // The case's ties in the null graphs' order (layer, then source, target).
    let mut own: Vec<_> = case
        .ties()
        .map(|t| (t.layer.0, t.source, t.target))
        .collect();
    own.sort_unstable();
    let own: Vec<_> = own.into_iter().map(|(l, s, t)| (s, t, l)).collect();
    assert!(
        !got.contains(&fingerprint(&own)),
        "a model returned the case"
    );
    assert_eq!(got, PINNED, "{got:?}");
}

// Re-pinned in issue 22: the Jinsong coding changed (35 actors, 88 ties).
const PINNED: [u64; 6] = [
    17078215002298238457,
    490826595746694649,
    9539367586205058553,
    4738111769525208569,
    7450611876686644729,
    3177165976450549241,
];

#[test]
fn unselected_layers_are_copied_with_their_provenance() {
    let case = coprod::cases::load("jinsong").unwrap();
    let o = GnmOptions {
        layers: Layers::only(&["leadership"]),
        ..gnm_all()
    };
    let null = gnm(&case, &o, 1).unwrap();
    let kept = |g: &MultiplexGraph| {
        g.ties()
            .filter(|t| g.layer(t.layer).name != "leadership")
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(kept(&null), kept(&case));
    assert_eq!(null.count_by_layer(), case.count_by_layer());
    let e = gnm(
        &case,
        &GnmOptions {
            layers: Layers::only(&["nope"]),
            ..gnm_all()
        },
        1,
    )
    .unwrap_err();
    assert!(e.to_string().contains("leadership"), "{e}");
}

// ---------------------------------------------------------------- uniformity

/// A case of `kinds.len()` actors with the given ties in one layer.
fn tiny(kinds: &[Kind], layer: &str, ties: &[(usize, usize)]) -> MultiplexGraph {
    let mut g = MultiplexGraph::new();
    for (i, &k) in kinds.iter().enumerate() {
        g.add_actor(Actor::new(format!("v{i}"), k, Level::Community))
            .unwrap();
    }
    for &(u, v) in ties {
        g.add_tie(
            &format!("v{u}"),
            &format!("v{v}"),
            layer,
            1.0,
            Provenance::default(),
        )
        .unwrap();
    }
    g
}

/// Every subset of `m` dyads of `n` nodes (ordered pairs if directed) that
/// `keep` accepts, as sorted tie lists.
type Ties = Vec<(usize, usize)>;
type Keep<'a> = &'a dyn Fn(&[(usize, usize)]) -> bool;

fn enumerate(
    n: usize,
    m: usize,
    directed: bool,
    keep: impl Fn(&[(usize, usize)]) -> bool,
) -> Vec<Ties> {
    let dyads: Vec<(usize, usize)> = (0..n)
        .flat_map(|u| (0..n).map(move |v| (u, v)))
        .filter(|&(u, v)| if directed { u != v } else { u < v })
        .collect();
    let mut out = Vec::new();
    let mut pick = Vec::new();
    fn rec(
        dyads: &[(usize, usize)],
        from: usize,
        m: usize,
        pick: &mut Ties,
        out: &mut Vec<Ties>,
        keep: Keep<'_>,
    ) {
        if pick.len() == m {
            if keep(pick) {
                out.push(pick.clone());
            }
            return;
        }
        for i in from..dyads.len() {
            pick.push(dyads[i]);
            rec(dyads, i + 1, m, pick, out, keep);
            pick.pop();
        }
    }
    rec(&dyads, 0, m, &mut pick, &mut out, &keep);
    out
}

/// Draw `draws` graphs with `draw(seed)`, seeds `0..draws`, tally them over
/// the enumerated `support`, and return Pearson's χ² against the uniform law
/// (failing if a draw falls outside the support or a realisation is never drawn).
fn chi2(support: &[Vec<(usize, usize)>], draws: u64, draw: impl Fn(u64) -> MultiplexGraph) -> f64 {
    let index: BTreeMap<&Vec<(usize, usize)>, usize> =
        support.iter().enumerate().map(|(i, s)| (s, i)).collect();
    let mut counts = vec![0u64; support.len()];
    for seed in 0..draws {
        let g = draw(seed);
        let mut ties: Vec<(usize, usize)> = g.ties().map(|t| (t.source, t.target)).collect();
        ties.sort_unstable();
        let i = *index
            .get(&ties)
            .unwrap_or_else(|| panic!("draw {seed} outside the support: {ties:?}"));
        counts[i] += 1;
    }
    assert!(counts.iter().all(|&c| c > 0), "never drawn: {counts:?}");
    let e = draws as f64 / support.len() as f64;
    counts.iter().map(|&c| (c as f64 - e).powi(2) / e).sum()
}

fn degree_seq(n: usize, ties: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut d = vec![(0, 0); n];
    for &(u, v) in ties {
        d[u].0 += 1;
        d[v].1 += 1;
    }
    d
}

fn total_degrees(n: usize, ties: &[(usize, usize)]) -> Vec<usize> {
    degree_seq(n, ties).iter().map(|&(a, b)| a + b).collect()
}

/// Enough trials between the case and each (independent) draw: 200 for 4 to
/// 6 ties, 30 per tie or more.
const TRIALS: Trials = Trials::PerLayer(200);

#[test]
fn rewiring_is_uniform_on_undirected_degrees_22211() {
    // The 7 simple graphs with degrees (2, 2, 2, 1, 1).
    let start = [(0, 1), (1, 2), (2, 0), (3, 4)];
    let case = tiny(&[Kind::Block; 5], "deliberation", &start);
    let want = total_degrees(5, &start);
    let support = enumerate(5, 4, false, |s| total_degrees(5, s) == want);
    assert_eq!(support.len(), 7);
    let o = RewireOptions {
        trials: TRIALS,
        ..rewire_all()
    };
    let x2 = chi2(&support, 14_000, |s| rewire(&case, &o, s).unwrap().graph);
    // df 6: qchisq(0.999, 6) = 22.458
    assert!(x2 < 22.458, "χ² = {x2}");
    println!("rewire (2,2,2,1,1): χ² = {x2:.2}, df 6");
}

#[test]
fn rewiring_is_uniform_on_undirected_degrees_222211() {
    // The 31 simple graphs with degrees (2, 2, 2, 2, 1, 1).
    let start = [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5)];
    let case = tiny(&[Kind::Block; 6], "deliberation", &start);
    let want = total_degrees(6, &start);
    let support = enumerate(6, 5, false, |s| total_degrees(6, s) == want);
    assert_eq!(support.len(), 31);
    let o = RewireOptions {
        trials: TRIALS,
        ..rewire_all()
    };
    let x2 = chi2(&support, 31_000, |s| rewire(&case, &o, s).unwrap().graph);
    // df 30: qchisq(0.999, 30) = 59.703
    assert!(x2 < 59.703, "χ² = {x2}");
    println!("rewire (2,2,2,2,1,1): χ² = {x2:.2}, df 30");
}

#[test]
fn rewiring_is_uniform_on_a_small_directed_degree_sequence() {
    // Out-degrees (2, 2, 1, 1, 0), in-degrees (1, 1, 1, 1, 2): 27 digraphs.
    let start = [(0, 1), (0, 4), (1, 2), (1, 4), (2, 3), (3, 0)];
    let case = tiny(&[Kind::Block; 5], "administrative", &start);
    let want = degree_seq(5, &start);
    let support = enumerate(5, 6, true, |s| degree_seq(5, s) == want);
    assert_eq!(support.len(), 27);
    let o = RewireOptions {
        trials: TRIALS,
        ..rewire_all()
    };
    let x2 = chi2(&support, 27_000, |s| rewire(&case, &o, s).unwrap().graph);
    // df 26: qchisq(0.999, 26) = 54.052
    assert!(x2 < 54.052, "χ² = {x2}");
    println!("rewire directed: χ² = {x2:.2}, df 26");
}

#[test]
fn sector_swaps_are_uniform_given_degrees_and_block_counts() {
    // Degrees (2, 2, 2, 2, 1, 1), actors 0–2 party, 3–5 state; block counts
    // party–party 2, party–state 2, state–state 1: 15 graphs.
    let kinds = [
        Kind::Party,
        Kind::Party,
        Kind::Party,
        Kind::Block,
        Kind::Block,
        Kind::Block,
    ];
    let start = [(0, 1), (1, 2), (2, 3), (0, 4), (3, 5)];
    let case = tiny(&kinds, "deliberation", &start);
    let sector = |u: usize| usize::from(u >= 3);
    let block_counts = |s: &[(usize, usize)]| {
        let mut b = [0; 3];
        for &(u, v) in s {
            b[sector(u) + sector(v)] += 1;
        }
        b
    };
    let (want_d, want_b) = (total_degrees(6, &start), block_counts(&start));
    let support = enumerate(6, 5, false, |s| {
        total_degrees(6, s) == want_d && block_counts(s) == want_b
    });
    assert_eq!(support.len(), 15);
    let o = SectorRewireOptions {
        rewire: RewireOptions {
            trials: TRIALS,
            ..rewire_all()
        },
        ..sector_all()
    };
    let x2 = chi2(&support, 15_000, |s| {
        sector_rewire(&case, &o, s).unwrap().graph
    });
    // df 14: qchisq(0.999, 14) = 36.123
    assert!(x2 < 36.123, "χ² = {x2}");
    println!("sector swaps: χ² = {x2:.2}, df 14");
}

#[test]
fn gnm_is_uniform_on_four_actors() {
    // 3 arcs on 4 actors: C(12, 3) = 220 digraphs.
    let case = tiny(
        &[Kind::Block; 4],
        "administrative",
        &[(0, 1), (1, 2), (2, 3)],
    );
    let support = enumerate(4, 3, true, |_| true);
    assert_eq!(support.len(), 220);
    let x2 = chi2(&support, 44_000, |s| gnm(&case, &gnm_all(), s).unwrap());
    // df 219: qchisq(0.999, 219) = 289.408
    assert!(x2 < 289.408, "χ² = {x2}");
    println!("gnm: χ² = {x2:.2}, df 219");
}

#[test]
fn dyad_census_draws_are_uniform_on_four_actors() {
    // One mutual and one asymmetric dyad on 4 actors: 6 · 5 · 2 = 60 digraphs.
    let case = tiny(
        &[Kind::Block; 4],
        "administrative",
        &[(0, 1), (1, 0), (2, 3)],
    );
    let support = enumerate(4, 3, true, |s| {
        let mutual = s.iter().filter(|&&(u, v)| s.contains(&(v, u))).count();
        mutual == 2
    });
    assert_eq!(support.len(), 60);
    let x2 = chi2(&support, 30_000, |s| {
        dyad_census(&case, &census_all(), s).unwrap()
    });
    // df 59: qchisq(0.999, 59) = 98.324
    assert!(x2 < 98.324, "χ² = {x2}");
    println!("dyad census: χ² = {x2:.2}, df 59");
}

#[test]
fn block_model_draws_are_uniform_given_block_counts() {
    // Actors 0–1 party, 2–4 state, undirected; party–party 1, party–state 2,
    // state–state 1: 1 · C(6, 2) · 3 = 45 graphs.
    let kinds = [
        Kind::Party,
        Kind::Party,
        Kind::Block,
        Kind::Block,
        Kind::Block,
    ];
    let case = tiny(&kinds, "deliberation", &[(0, 1), (0, 2), (1, 3), (2, 4)]);
    let sector = |u: usize| usize::from(u >= 2);
    let support = enumerate(5, 4, false, |s| {
        let mut b = [0; 3];
        for &(u, v) in s {
            b[sector(u) + sector(v)] += 1;
        }
        b == [1, 2, 1]
    });
    assert_eq!(support.len(), 45);
    let x2 = chi2(&support, 22_500, |s| {
        block_model(&case, &block_all(), s).unwrap()
    });
    // df 44: qchisq(0.999, 44) = 78.750
    assert!(x2 < 78.750, "χ² = {x2}");
    println!("block model: χ² = {x2:.2}, df 44");
}

// ------------------------------------------------ distributions against sna

/// The statistics `scripts/reference/baselines.R` records for one layer: density,
/// isolates, (directed) mutual dyads and edgewise reciprocity, and the tie count
/// of every sector pair (`r->t` ordered if directed, `r--t` sorted if not),
/// sector labels sorted as R sorts them.
fn layer_stats(g: &MultiplexGraph, name: &str) -> BTreeMap<String, f64> {
    let c = layer(g, name);
    let n = c.node_count();
    let directed = c.is_directed();
    let m = c.edge_count() as f64;
    let dyads = (n * (n - 1)) as f64 / if directed { 1.0 } else { 2.0 };
    let mut out = BTreeMap::new();
    out.insert("density".to_string(), m / dyads);
    let isolates = (0..n)
        .filter(|&u| c.out_degree(u) + c.in_degree(u) == 0)
        .count();
    out.insert("isolates".to_string(), isolates as f64);
    if directed {
        let d = census(&c);
        out.insert("mutual".to_string(), d.mutual as f64);
        let arcs = (2 * d.mutual + d.asymmetric) as f64;
        out.insert("reciprocity".to_string(), 2.0 * d.mutual as f64 / arcs);
    }
    let sector = |u: usize| g.actor(u).sector().to_string();
    let mut labels: Vec<String> = (0..n).map(sector).collect();
    labels.sort();
    labels.dedup();
    for r in &labels {
        for t in &labels {
            if directed {
                out.insert(format!("{r}->{t}"), 0.0);
            } else if r <= t {
                out.insert(format!("{r}--{t}"), 0.0);
            }
        }
    }
    for (u, v, _) in c.edges() {
        let (a, b) = (sector(u as usize), sector(v as usize));
        let key = if directed {
            format!("{a}->{b}")
        } else if a <= b {
            format!("{a}--{b}")
        } else {
            format!("{b}--{a}")
        };
        *out.get_mut(&key).unwrap() += 1.0;
    }
    out
}

/// Mean, sd (n − 1) and kurtosis (m₄ / m₂²) of a sample.
fn moments(xs: &[f64]) -> (f64, f64, f64) {
    let r = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / r;
    let m2 = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / r;
    let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / r;
    let sd = (m2 * r / (r - 1.0)).sqrt();
    (mean, sd, if m2 > 0.0 { m4 / (m2 * m2) } else { 3.0 })
}

/// coprod's gnm, dyad_census and block_model against sna's rgnm, rguman and
/// rgnmix (`tests/fixtures/baselines/sna_null_models.json`, written by
/// `scripts/reference/baselines.R`; tool and version in its header), on the
/// same layers, 2,000 draws each side.
///
/// Tolerance, per statistic: the two means differ by at most 4 standard errors
/// of their difference, `4 √((s_coprod² + s_sna²) / R)`; the two sds by at most
/// 4 standard errors of a difference of sds, `4 √2 · s √((κ − 1) / (4R))` with
/// `s` the larger sd and `κ` coprod's sample kurtosis (the large-sample SE of a
/// sample sd, which for a skewed count is well above the normal-theory
/// `s / √(2R)`). A statistic constant on both sides must agree to 1e-12. With
/// about 80 comparisons a false alarm at 4 SE has probability below 1 %, and the
/// seeds are fixed.
#[test]
fn distributions_match_sna_null_models() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/baselines/sna_null_models.json");
    let fx: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(fx["tool"]["name"], "R sna");
    let draws = fx["draws"].as_u64().unwrap();
    let mut compared = 0;
    for cs in fx["cases"].as_array().unwrap() {
        let case = coprod::cases::load(cs["case"].as_str().unwrap()).unwrap();
        let name = cs["layer"].as_str().unwrap();
        // Same input: the observed statistics agree exactly.
        let obs = layer_stats(&case, name);
        let want: BTreeMap<String, f64> = cs["observed"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
            .collect();
        assert_eq!(
            obs.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>()
        );
        for (k, v) in &want {
            assert!(
                (obs[k] - v).abs() < 1e-12,
                "{name} observed {k}: {} vs {v}",
                obs[k]
            );
        }
        let layers = Layers::only(&[name]);
        for model in cs["models"].as_array().unwrap() {
            let which = model["model"].as_str().unwrap();
            let draw = |seed: u64| -> MultiplexGraph {
                match which {
                    "rgnm" => gnm(
                        &case,
                        &GnmOptions {
                            layers: layers.clone(),
                            dyads: Dyads::All,
                        },
                        seed,
                    )
                    .unwrap(),
                    "rguman" => dyad_census(
                        &case,
                        &DyadCensusOptions {
                            layers: layers.clone(),
                            dyads: Dyads::All,
                        },
                        seed,
                    )
                    .unwrap(),
                    "rgnmix" => block_model(
                        &case,
                        &BlockOptions {
                            layers: layers.clone(),
                            dyads: Dyads::All,
                            ..block_all()
                        },
                        seed,
                    )
                    .unwrap(),
                    other => panic!("unknown model {other}"),
                }
            };
            let samples: Vec<BTreeMap<String, f64>> =
                (0..draws).map(|s| layer_stats(&draw(s), name)).collect();
            for st in model["stats"].as_array().unwrap() {
                let key = st["stat"].as_str().unwrap();
                let (rm, rs) = (st["mean"].as_f64().unwrap(), st["sd"].as_f64().unwrap());
                let xs: Vec<f64> = samples.iter().map(|s| s[key]).collect();
                let (cm, csd, kurt) = moments(&xs);
                let r = draws as f64;
                let constant = xs.iter().all(|&x| x == xs[0]);
                if constant && rs < 1e-12 {
                    println!(
                        "{name:12} {which:6} {key:18} constant {:9.4} vs {rm:9.4}",
                        xs[0]
                    );
                    assert!((xs[0] - rm).abs() < 1e-12, "{name} {which} {key}");
                    compared += 1;
                    continue;
                }
                let (mean_tol, sd_tol) = {
                    let se_mean = ((csd * csd + rs * rs) / r).sqrt();
                    let se_sd = 2f64.sqrt() * csd.max(rs) * ((kurt - 1.0) / (4.0 * r)).sqrt();
                    (4.0 * se_mean, 4.0 * se_sd)
                };
                println!(
                    "{name:12} {which:6} {key:18} mean {cm:9.4} vs {rm:9.4} ({:5.2} SE)  sd {csd:8.4} vs {rs:8.4} ({:5.2} SE)",
                    (cm - rm).abs() / (mean_tol / 4.0),
                    (csd - rs).abs() / (sd_tol / 4.0),
                );
                assert!(
                    (cm - rm).abs() <= mean_tol,
                    "{name} {which} {key}: mean {cm} vs sna {rm} (tol {mean_tol})"
                );
                assert!(
                    (csd - rs).abs() <= sd_tol,
                    "{name} {which} {key}: sd {csd} vs sna {rs} (tol {sd_tol})"
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 50, "compared only {compared} statistics");
}

/// The documented limit of directed double-edge swaps: the two directed
/// 3-cycles on three actors have the same degrees, but no swap turns one into
/// the other (every swap would make a self-loop), so rewiring keeps the case's
/// orientation (Rao, Jana & Bandyopadhyay 1996).
#[test]
fn directed_swaps_cannot_reverse_a_three_cycle() {
    let case = tiny(
        &[Kind::Block; 3],
        "administrative",
        &[(0, 1), (1, 2), (2, 0)],
    );
    for seed in 0..50 {
        let r = rewire(&case, &rewire_all(), seed).unwrap();
        assert_eq!(r.swaps[0].failed, r.swaps[0].trials);
        let ties: Vec<_> = r.graph.ties().map(|t| (t.source, t.target)).collect();
        assert_eq!(ties, vec![(0, 1), (1, 2), (2, 0)]);
    }
}

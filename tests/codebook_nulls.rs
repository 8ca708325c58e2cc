//! The null models under the codebook's mask (`Dyads::Codebook`, the
//! default): every draw keeps what the model keeps, places no tie on a dyad
//! the codebook rules out (arena–arena; leadership from a non-party; a
//! self-loop), has no isolate when the case has none, and is uniform over the
//! graphs that satisfy all of that (χ² against exact enumeration on small
//! cases; each threshold is R's `qchisq(0.999, df)`, so a correct sampler
//! fails a test with probability 0.001).

mod common;
use common::tiny;
use coprod::baselines::{
    BlockOptions, DyadCensusOptions, GnmOptions, RewireOptions, SectorRewireOptions, Trials,
    block_model, dyad_census, gnm, layer_shuffle, rewire, sector_rewire,
};
use coprod::measures::cohesion::dyad_census as census;
use coprod::model::{Actor, Csr, Kind, Level, MultiplexGraph, Provenance, View};
use coprod::random::{below, rng};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use std::collections::BTreeMap;

const LAYERS: [&str; 4] = [
    "leadership",
    "administrative",
    "deliberation",
    "information",
];

/// A random case that follows the codebook: random kinds; each layer's dyads
/// tied with probability `pct` % where the codebook allows them; then every
/// isolate tied by one deliberation tie to a non-arena actor (or to an arena
/// if it is not one), so the case has no isolate when `n ≥ 2` allows it.
fn codebook_case(n: usize, pct: u64, seed: u64) -> MultiplexGraph {
    let mut r = rng(seed);
    let mut g = MultiplexGraph::new();
    let mut kinds = Vec::new();
    for i in 0..n {
        let kind = Kind::ALL[below(&mut r, Kind::ALL.len() as u64) as usize];
        kinds.push(kind);
        g.add_actor(Actor::new(format!("a{i}"), kind, Level::Community))
            .unwrap();
    }
    // At least one non-arena actor, so that every actor can be reached.
    if kinds.iter().all(|&k| k == Kind::Arena) {
        return codebook_case(n, pct, seed + 1_000_003);
    }
    let allowed = |layer: &str, u: usize, v: usize| {
        u != v
            && !(kinds[u] == Kind::Arena && kinds[v] == Kind::Arena)
            && (layer != "leadership" || kinds[u] == Kind::Party)
    };
    let mut tied = vec![false; n];
    for layer in LAYERS {
        let directed = g.layer(g.layer_id(layer).unwrap()).directed;
        for u in 0..n {
            for v in 0..n {
                if (!directed && v < u) || !allowed(layer, u, v) || below(&mut r, 100) >= pct {
                    continue;
                }
                g.add_tie(
                    &format!("a{u}"),
                    &format!("a{v}"),
                    layer,
                    1.0,
                    Provenance::default(),
                )
                .unwrap();
                tied[u] = true;
                tied[v] = true;
            }
        }
    }
    let anchor = (0..n).find(|&i| kinds[i] != Kind::Arena).unwrap();
    for u in 0..n {
        if !tied[u] && n > 1 {
            let v = if u == anchor {
                (0..n).find(|&v| v != u).unwrap()
            } else {
                anchor
            };
            g.add_tie(
                &format!("a{u}"),
                &format!("a{v}"),
                "deliberation",
                1.0,
                Provenance::default(),
            )
            .unwrap();
            tied[u] = true;
            tied[v] = true;
        }
    }
    g
}

fn layer(g: &MultiplexGraph, name: &str) -> Csr {
    View::layer(g, name).unwrap().csr()
}

fn degrees(g: &MultiplexGraph, name: &str) -> Vec<(usize, usize)> {
    let c = layer(g, name);
    (0..c.node_count())
        .map(|u| (c.out_degree(u), c.in_degree(u)))
        .collect()
}

fn counts(g: &MultiplexGraph) -> Vec<usize> {
    LAYERS.iter().map(|l| layer(g, l).edge_count()).collect()
}

fn isolates(g: &MultiplexGraph) -> usize {
    let mut seen = vec![false; g.actor_count()];
    for t in g.ties() {
        seen[t.source] = true;
        seen[t.target] = true;
    }
    seen.iter().filter(|&&s| !s).count()
}

/// What every codebook draw satisfies.
fn assert_codebook(case: &MultiplexGraph, null: &MultiplexGraph) {
    assert!(null.actors().eq(case.actors()));
    assert!(
        null.codebook_violations().is_empty(),
        "{:?}",
        null.codebook_violations()
    );
    assert_eq!(counts(null), counts(case));
    if isolates(case) == 0 {
        assert_eq!(isolates(null), 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 40,
        rng_seed: RngSeed::Fixed(19),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_model_keeps_the_codebook(n in 2usize..14, pct in 5u64..60, seed in 0u64..1_000) {
        let case = codebook_case(n, pct, seed);
        prop_assert!(case.codebook_violations().is_empty());
        let g = gnm(&case, &GnmOptions::default(), seed).unwrap();
        assert_codebook(&case, &g);
        let d = dyad_census(&case, &DyadCensusOptions::default(), seed).unwrap();
        assert_codebook(&case, &d);
        for l in LAYERS {
            prop_assert_eq!(census(&layer(&d, l)), census(&layer(&case, l)), "{}", l);
        }
        let r = rewire(&case, &RewireOptions::default(), seed).unwrap().graph;
        assert_codebook(&case, &r);
        let s = sector_rewire(&case, &SectorRewireOptions::default(), seed).unwrap().graph;
        assert_codebook(&case, &s);
        let sh = layer_shuffle(&case, &RewireOptions::default(), seed).unwrap().rewired.graph;
        assert_codebook(&case, &sh);
        for l in LAYERS {
            prop_assert_eq!(degrees(&r, l), degrees(&case, l), "{}", l);
            prop_assert_eq!(degrees(&s, l), degrees(&case, l), "{}", l);
            prop_assert_eq!(degrees(&sh, l), degrees(&case, l), "{}", l);
        }
        let b = block_model(&case, &BlockOptions::default(), seed).unwrap();
        assert_codebook(&case, &b);
    }
}

#[test]
fn the_bundled_cases_draws_keep_the_codebook() {
    for name in ["jinsong", "ly", "x_district", "elevator_sy", "elevator_td"] {
        let case = coprod::cases::load(name).unwrap();
        assert!(case.codebook_violations().is_empty(), "{name}");
        for seed in 0..20 {
            assert_codebook(&case, &gnm(&case, &GnmOptions::default(), seed).unwrap());
            assert_codebook(
                &case,
                &dyad_census(&case, &DyadCensusOptions::default(), seed).unwrap(),
            );
            assert_codebook(
                &case,
                &rewire(&case, &RewireOptions::default(), seed)
                    .unwrap()
                    .graph,
            );
            assert_codebook(
                &case,
                &block_model(&case, &BlockOptions::default(), seed).unwrap(),
            );
        }
    }
}

#[test]
fn a_case_that_breaks_the_codebook_is_an_error_naming_the_tie() {
    let mut g = MultiplexGraph::new();
    g.add_actor(Actor::new("office", Kind::Block, Level::Community))
        .unwrap();
    g.add_actor(Actor::new("firm", Kind::Market, Level::Community))
        .unwrap();
    g.add_tie("office", "firm", "leadership", 1.0, Provenance::default())
        .unwrap();
    let e = gnm(&g, &GnmOptions::default(), 1).unwrap_err().to_string();
    assert!(
        e.contains("office → firm (leadership): leadership only from a party actor"),
        "{e}"
    );
}

// ---------------------------------------------------------------- uniformity

/// A drawn graph as a sorted list of (layer, source, target).
type Key = Vec<(u16, usize, usize)>;

fn key(g: &MultiplexGraph) -> Key {
    let mut k: Key = g.ties().map(|t| (t.layer.0, t.source, t.target)).collect();
    k.sort_unstable();
    k
}

/// Every `m`-subset of `items`.
fn subsets<T: Clone>(items: &[T], m: usize) -> Vec<Vec<T>> {
    if m == 0 {
        return vec![vec![]];
    }
    if items.len() < m {
        return vec![];
    }
    let mut out = subsets(&items[1..], m - 1);
    for s in &mut out {
        s.insert(0, items[0].clone());
    }
    out.extend(subsets(&items[1..], m));
    out
}

/// Pearson's χ² of `draws` draws against the uniform law on `support`
/// (failing if a draw falls outside it or a member is never drawn).
fn chi2(support: &[Key], draws: u64, draw: impl Fn(u64) -> MultiplexGraph) -> f64 {
    let index: BTreeMap<&Key, usize> = support.iter().enumerate().map(|(i, s)| (s, i)).collect();
    let mut c = vec![0u64; support.len()];
    for seed in 0..draws {
        let k = key(&draw(seed));
        let i = *index
            .get(&k)
            .unwrap_or_else(|| panic!("draw {seed} outside the support: {k:?}"));
        c[i] += 1;
    }
    assert!(c.iter().all(|&x| x > 0), "never drawn: {c:?}");
    let e = draws as f64 / support.len() as f64;
    c.iter().map(|&x| (x as f64 - e).powi(2) / e).sum()
}

fn no_isolate(n: usize, ties: &Key) -> bool {
    let mut seen = vec![false; n];
    for &(_, u, v) in ties {
        seen[u] = true;
        seen[v] = true;
    }
    seen.iter().all(|&s| s)
}

#[test]
fn gnm_is_uniform_over_the_codebook_graphs_without_isolates() {
    // party p=0, block b=1, arenas 2 and 3. Leadership (layer 0): 2 ties
    // among p → {1, 2, 3} (3 subsets); deliberation (layer 2): 2 ties among
    // the 5 pairs that are not arena–arena (10 subsets); kept if nobody is
    // isolated.
    let kinds = [Kind::Party, Kind::Block, Kind::Arena, Kind::Arena];
    let case = tiny(
        &kinds,
        &[
            (0, 1, "leadership"),
            (0, 2, "leadership"),
            (1, 2, "deliberation"),
            (0, 3, "deliberation"),
        ],
    );
    let lead: Vec<(usize, usize)> = vec![(0, 1), (0, 2), (0, 3)];
    let delib: Vec<(usize, usize)> = vec![(0, 1), (0, 2), (0, 3), (1, 2), (1, 3)];
    let mut support = Vec::new();
    for l in subsets(&lead, 2) {
        for d in subsets(&delib, 2) {
            let mut k: Key = l.iter().map(|&(u, v)| (0u16, u, v)).collect();
            k.extend(d.iter().map(|&(u, v)| (2u16, u, v)));
            k.sort_unstable();
            if no_isolate(4, &k) {
                support.push(k);
            }
        }
    }
    // Hand count: leadership {b, a2} or {b, a3} leave one arena needing one
    // of its 2 pairs: 10 − C(3, 2) = 7 each; {a2, a3} leaves b needing one of
    // its 3 pairs: 10 − 1 = 9. 7 + 7 + 9 = 23.
    assert_eq!(support.len(), 23);
    let x2 = chi2(&support, 14_000, |s| {
        gnm(&case, &GnmOptions::default(), s).unwrap()
    });
    // df 22: qchisq(0.999, 22) = 48.268
    assert!(x2 < 48.268, "χ² = {x2}");
    println!("gnm codebook: χ² = {x2:.2}, df 22");
}

#[test]
fn dyad_census_is_uniform_over_the_codebook_leadership_graphs() {
    // Parties 0, 1, 2; a block 3 and a resident 4. Leadership census: one
    // mutual dyad (only party–party can be), three asymmetric; every arc
    // from a party; nobody isolated (no other layer).
    let kinds = [
        Kind::Party,
        Kind::Party,
        Kind::Party,
        Kind::Block,
        Kind::Resident,
    ];
    let case = tiny(
        &kinds,
        &[
            (0, 1, "leadership"),
            (1, 0, "leadership"),
            (2, 3, "leadership"),
            (1, 4, "leadership"),
            (0, 2, "leadership"),
        ],
    );
    let arcs: Vec<(usize, usize)> = (0..3)
        .flat_map(|u| (0..5).filter(move |&v| v != u).map(move |v| (u, v)))
        .collect();
    let mut support = Vec::new();
    for s in subsets(&arcs, 5) {
        let mutual = s.iter().filter(|&&(u, v)| s.contains(&(v, u))).count() / 2;
        let k: Key = s.iter().map(|&(u, v)| (0u16, u, v)).collect();
        if mutual == 1 && no_isolate(5, &k) {
            support.push(k);
        }
    }
    let x2 = chi2(&support, 40 * support.len() as u64, |s| {
        dyad_census(&case, &DyadCensusOptions::default(), s).unwrap()
    });
    println!(
        "dyad census codebook: {} graphs, χ² = {x2:.2}",
        support.len()
    );
    // Before isolates: 3 mutual party pairs × (C(10, 3) − 2 · 8 = 104 sets of
    // three arcs on distinct pairs) = 312; the enumeration keeps the 150
    // where the third party and both non-parties have an arc.
    assert_eq!(support.len(), 150);
    // df 149: qchisq(0.999, 149) = 208.086
    assert!(x2 < 208.086, "χ² = {x2}");
}

#[test]
fn rewiring_keeps_memberships_two_mode_and_is_uniform_inside_the_mask() {
    // Members 0, 1, 2, 3 (block), arenas 4, 5; deliberation degrees kept.
    // Without the mask a swap could join the two arenas.
    let kinds = [
        Kind::Block,
        Kind::Block,
        Kind::Block,
        Kind::Block,
        Kind::Arena,
        Kind::Arena,
    ];
    let start = [(0, 4), (1, 4), (2, 5), (3, 5), (0, 1)];
    let ties: Vec<(usize, usize, &str)> =
        start.iter().map(|&(u, v)| (u, v, "deliberation")).collect();
    let case = tiny(&kinds, &ties);
    let deg = |s: &[(usize, usize)]| {
        let mut d = [0usize; 6];
        for &(u, v) in s {
            d[u] += 1;
            d[v] += 1;
        }
        d
    };
    let want = deg(&start);
    let pairs: Vec<(usize, usize)> = (0..6)
        .flat_map(|v| (0..v).map(move |u| (u, v)))
        .filter(|&(u, v)| !(kinds[u] == Kind::Arena && kinds[v] == Kind::Arena))
        .collect();
    let support: Vec<Key> = subsets(&pairs, 5)
        .into_iter()
        .filter(|s| deg(s) == want)
        .map(|s| {
            let mut k: Key = s.iter().map(|&(u, v)| (2u16, u, v)).collect();
            k.sort_unstable();
            k
        })
        .collect();
    let o = RewireOptions {
        trials: Trials::PerLayer(200),
        ..RewireOptions::default()
    };
    let x2 = chi2(&support, 400 * support.len() as u64, |s| {
        rewire(&case, &o, s).unwrap().graph
    });
    println!("rewire codebook: {} graphs, χ² = {x2:.2}", support.len());
    assert_eq!(support.len(), 15);
    // df 14: qchisq(0.999, 14) = 36.123
    assert!(x2 < 36.123, "χ² = {x2}");
}

//! Core–periphery (hand-computed fixtures, exhaustive search) and key-player
//! fragmentation (networkx, via `scripts/reference/structure.py`).

// The shared helper trips `clippy::redundant_closure` (`.map(|v| floats(v))`); reported to the lead.
mod common;

use common::{EXACT, assert_scalar, close};
use coprod::measures::EdgeLength;
use coprod::measures::core_periphery::*;
use coprod::measures::multiplex::Weights;
use coprod::model::{Aggregation, Csr, NodeSet};
use proptest::prelude::*;
use std::path::Path;

/// The node set marked by `core`.
fn mask(core: &[bool]) -> NodeSet {
    NodeSet::from_mask(core.to_vec())
}

/// The node set of `nodes` in `g`.
fn set(g: &Csr, nodes: &[u32]) -> NodeSet {
    NodeSet::new(g.node_count(), nodes.iter().map(|&u| u as usize)).unwrap()
}

fn model(off_diagonal: OffDiagonal) -> CorePeripheryModel {
    CorePeripheryModel {
        off_diagonal,
        entries: Weights::Ignore,
    }
}

/// ```text
///   core {0, 1, 2}        periphery {3, 4, 5}
///
///        1 ---- 0 ---- 2          edges: 0-1 0-2 0-3 1-4 2-5 3-4
///        |      |      |
///        4 ---- 3      5
/// ```
///
/// Unordered pairs (the ordered cells give the same correlation):
/// * core–core (3): 0-1 = 1, 0-2 = 1, 1-2 = 0                  ideal 1
/// * periphery–periphery (3): 3-4 = 1, 3-5 = 0, 4-5 = 0        ideal 0
/// * core–periphery (9): 0-3, 1-4, 2-5 = 1, six others 0
///
/// Missing: 6 cells, a = (1,1,0,1,0,0), δ = (1,1,1,0,0,0):
///   cov = 2/6 - 1/2 · 1/2 = 1/12, var a = var δ = 1/4  ->  r = 1/3.
/// Ties (δ = 1 on the 9 core–periphery pairs too): K = 15, Σa = 6, Σa² = 6,
///   Σδ = 12, Σaδ = 2 + 3 = 5:
///   r = (15·5 - 6·12) / sqrt((15·6 - 36)(15·12 - 144)) = 3 / sqrt(54·36) = √6 / 36.
/// NoTies (δ = 1 only on core–core): Σδ = 3, Σaδ = 2:
///   r = (15·2 - 6·3) / sqrt(54 · (45 - 9)) = 12 / sqrt(1944) = √6 / 9.
#[test]
fn fit_by_hand_undirected() {
    let e = [(0, 1), (0, 2), (0, 3), (1, 4), (2, 5), (3, 4)].map(|(u, v)| (u, v, 1.0));
    let g = Csr::from_edges(6, false, &e, Aggregation::Sum);
    let core = [true, true, true, false, false, false];
    let fit = |o| {
        core_periphery_fit(&g, &mask(&core), &model(o))
            .unwrap()
            .unwrap()
    };
    assert_scalar(fit(OffDiagonal::Missing), 1.0 / 3.0, EXACT, "missing");
    assert_scalar(fit(OffDiagonal::Ties), 6f64.sqrt() / 36.0, EXACT, "ties");
    assert_scalar(
        fit(OffDiagonal::NoTies),
        6f64.sqrt() / 9.0,
        EXACT,
        "no ties",
    );
    // The directed graph with both arcs of every edge has the same fits.
    let both: Vec<_> = g.arcs().collect();
    let d = Csr::from_edges(6, true, &both, Aggregation::Sum);
    let dfit = core_periphery_fit(&d, &mask(&core), &model(OffDiagonal::Ties))
        .unwrap()
        .unwrap();
    assert_scalar(dfit, 6f64.sqrt() / 36.0, EXACT, "directed ties");
    // Undefined fits: empty core, all-core, wrong length.
    assert_eq!(
        core_periphery_fit(&g, &mask(&[false; 6]), &model(OffDiagonal::Missing)).unwrap(),
        None
    );
    assert_eq!(
        core_periphery_fit(&g, &mask(&[true; 6]), &model(OffDiagonal::Ties)).unwrap(),
        None
    );
    assert!(core_periphery_fit(&g, &mask(&[true; 5]), &model(OffDiagonal::Ties)).is_err());
}

/// ```text
///   core {0, 1}, periphery {2, 3}; arcs 0→1, 1→0, 0→2, 3→1, 2→3 (weight 3)
/// ```
///
/// Ordered cells, diagonal left out. Missing: core–core (0,1) = 1, (1,0) = 1;
/// periphery–periphery (2,3) = 1 (binary) or 3 (weighted), (3,2) = 0.
/// * binary: a = (1,1,1,0), δ = (1,1,0,0): K = 4, Σa = 3, Σa² = 3, Σδ = 2, Σaδ = 2:
///   r = (4·2 - 3·2) / sqrt((4·3 - 9)(4·2 - 4)) = 2 / sqrt(12) = 1/√3.
/// * weighted: a = (1,1,3,0): Σa = 5, Σa² = 11, Σaδ = 2:
///   r = (8 - 10) / sqrt((44 - 25) · 4) = -1/√19.
#[test]
fn fit_by_hand_directed_and_weighted() {
    let e = [
        (0, 1, 1.0),
        (1, 0, 1.0),
        (0, 2, 1.0),
        (3, 1, 1.0),
        (2, 3, 3.0),
    ];
    let g = Csr::from_edges(4, true, &e, Aggregation::Sum);
    let core = [true, true, false, false];
    let b = core_periphery_fit(&g, &mask(&core), &model(OffDiagonal::Missing))
        .unwrap()
        .unwrap();
    assert_scalar(b, 1.0 / 3f64.sqrt(), EXACT, "binary");
    let wm = CorePeripheryModel {
        off_diagonal: OffDiagonal::Missing,
        entries: Weights::Strength,
    };
    let w = core_periphery_fit(&g, &mask(&core), &wm).unwrap().unwrap();
    assert_scalar(w, -1.0 / 19f64.sqrt(), EXACT, "weighted");
    // A self-loop is on the diagonal: it changes nothing.
    let mut e2 = e.to_vec();
    e2.push((2, 2, 1.0));
    let g2 = Csr::from_edges(4, true, &e2, Aggregation::Sum);
    let b2 = core_periphery_fit(&g2, &mask(&core), &model(OffDiagonal::Missing))
        .unwrap()
        .unwrap();
    assert_eq!(b, b2);
}

#[test]
fn search_is_seeded_and_rejects_zero_restarts() {
    let g = coprod::generate::gnm(60, 150, false, 3).unwrap();
    let s = CoreSearch {
        restarts: 5,
        seed: 9,
    };
    let a = best_core(&g, &CorePeripheryModel::default(), &s)
        .unwrap()
        .unwrap();
    let b = best_core(&g, &CorePeripheryModel::default(), &s)
        .unwrap()
        .unwrap();
    assert_eq!(a, b);
    let f = core_periphery_fit(&g, &a.core, &CorePeripheryModel::default()).unwrap();
    assert_eq!(f, Some(a.fit));
    let zero = CoreSearch {
        restarts: 0,
        seed: 0,
    };
    assert!(best_core(&g, &CorePeripheryModel::default(), &zero).is_err());
    let empty = Csr::from_edges(5, false, &[], Aggregation::Sum);
    assert_eq!(
        best_core(&empty, &CorePeripheryModel::default(), &s).unwrap(),
        None
    );
    assert!(
        best_core_exhaustive(
            &coprod::generate::gnm(25, 10, false, 1).unwrap(),
            &CorePeripheryModel::default()
        )
        .is_err()
    );
}

fn small_graph() -> impl Strategy<Value = Csr> {
    (2usize..=10, any::<bool>(), any::<u64>()).prop_map(|(n, directed, seed)| {
        let max = if directed {
            n * (n - 1) / 2
        } else {
            n * (n - 1) / 4
        };
        coprod::generate::gnm(n, seed as usize % (max + 1), directed, seed).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn search_finds_the_exhaustive_optimum(g in small_graph(), seed in any::<u64>()) {
        for off in [OffDiagonal::Missing, OffDiagonal::Ties, OffDiagonal::NoTies] {
            let m = model(off);
            let best = best_core_exhaustive(&g, &m).unwrap();
            let found = best_core(&g, &m, &CoreSearch { seed, ..CoreSearch::default() }).unwrap();
            match (best, found) {
                (None, None) => {}
                (Some(b), Some(f)) => {
                    prop_assert!((b.fit - f.fit).abs() < 1e-9, "{:?}: exhaustive {} search {}", off, b.fit, f.fit);
                    prop_assert!((-1.0..=1.0).contains(&f.fit));
                }
                (b, f) => prop_assert!(false, "{:?}: exhaustive {:?} search {:?}", off, b, f),
            }
        }
    }

    #[test]
    fn fit_is_invariant_under_relabelling(g in small_graph(), seed in any::<u64>()) {
        let n = g.node_count();
        let mut r = coprod::random::rng(seed);
        let mut perm: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            perm.swap(i, coprod::random::below(&mut r, i as u64 + 1) as usize);
        }
        let core: Vec<bool> = (0..n).map(|_| coprod::random::below(&mut r, 2) == 1).collect();
        let e: Vec<_> = g.edges().map(|(u, v, w)| (perm[u as usize], perm[v as usize], w)).collect();
        let h = Csr::from_edges(n, g.is_directed(), &e, Aggregation::Sum);
        let mut hcore = vec![false; n];
        for u in 0..n { hcore[perm[u] as usize] = core[u]; }
        for off in [OffDiagonal::Missing, OffDiagonal::Ties, OffDiagonal::NoTies] {
            let a = core_periphery_fit(&g, &mask(&core), &model(off)).unwrap();
            let b = core_periphery_fit(&h, &mask(&hcore), &model(off)).unwrap();
            prop_assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) { prop_assert!((a - b).abs() < 1e-12); }
        }
        // Fragmentation too, removing the relabelled set.
        let removed: Vec<u32> = (0..n as u32).filter(|&u| core[u as usize]).collect();
        let hremoved: Vec<u32> = removed.iter().map(|&u| perm[u as usize]).collect();
        prop_assert_eq!(fragmentation(&g, &set(&g, &removed), &FragmentationOptions::default()).unwrap(), fragmentation(&h, &set(&h, &hremoved), &FragmentationOptions::default()).unwrap());
        let o = FragmentationOptions::default();
        let (x, y) = (distance_fragmentation(&g, &set(&g, &removed), &o).unwrap(), distance_fragmentation(&h, &set(&h, &hremoved), &o).unwrap());
        prop_assert_eq!(x.is_some(), y.is_some());
        if let (Some(x), Some(y)) = (x, y) {
            prop_assert!((x - y).abs() < 1e-12);
            // DF >= F (unweighted: 1/d <= 1 for every connected pair), both in [0, 1].
            let f = fragmentation(&g, &set(&g, &removed), &FragmentationOptions::default()).unwrap().unwrap();
            prop_assert!(x >= f - 1e-12 && (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&f));
        }
    }
}

#[test]
fn fragmentation_matches_networkx() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structure");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap().to_str().unwrap().starts_with("mx_") {
            continue;
        }
        let f = common::load_fixture(&p);
        let g = f.csr();
        let group: Vec<u32> = f.group.iter().map(|&u| u as u32).collect();
        for (tag, removed) in [("none", &[][..]), ("group", &group[..])] {
            let what = format!("{} {tag}", f.name);
            let want = f
                .scalar(&format!("networkx.fragmentation.{tag}"))
                .expect("F key");
            assert_scalar(
                fragmentation(&g, &set(&g, removed), &FragmentationOptions::default())
                    .unwrap()
                    .unwrap(),
                want,
                EXACT,
                &what,
            );
            let unweighted = FragmentationOptions {
                weighting: EdgeLength::Hops,
                ..Default::default()
            };
            let df = distance_fragmentation(&g, &set(&g, removed), &unweighted)
                .unwrap()
                .unwrap();
            let want = f
                .scalar(&format!("networkx.distance_fragmentation.{tag}"))
                .expect("DF key");
            assert_scalar(df, want, EXACT, &what);
            if !f.directed {
                // DF = 1 - global efficiency of the residual graph.
                let eff = f
                    .scalar(&format!("networkx.global_efficiency.{tag}"))
                    .expect("efficiency key");
                assert!(
                    close(df, 1.0 - eff, EXACT),
                    "{what}: DF {df} vs 1 - E {}",
                    1.0 - eff
                );
            }
            if f.weighted {
                let o = FragmentationOptions {
                    weighting: EdgeLength::Weight,
                    ..Default::default()
                };
                let want = f
                    .scalar(&format!("networkx.distance_fragmentation.weighted.{tag}"))
                    .expect("weighted DF key");
                assert_scalar(
                    distance_fragmentation(&g, &set(&g, removed), &o)
                        .unwrap()
                        .unwrap(),
                    want,
                    EXACT,
                    &what,
                );
            }
        }
        count += 1;
    }
    assert!(count >= 20, "single-graph fixtures: {count}");
}

#[test]
fn fragmentation_edge_cases() {
    // Directed path 0 → 1 → 2: reachable ordered pairs (0,1) (0,2) (1,2): F = 1 - 3/6.
    let g = Csr::from_edges(3, true, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
    assert_eq!(
        fragmentation(
            &g,
            &NodeSet::empty(g.node_count()),
            &FragmentationOptions::default()
        )
        .unwrap(),
        Some(0.5)
    );
    // DF = 1 - (1 + 1/2 + 1) / 6
    let df = distance_fragmentation(&g, &set(&g, &[]), &FragmentationOptions::default())
        .unwrap()
        .unwrap();
    assert_scalar(df, 1.0 - 2.5 / 6.0, EXACT, "directed DF");
    assert_eq!(
        fragmentation(&g, &set(&g, &[0, 1]), &FragmentationOptions::default()).unwrap(),
        None
    );
    assert_eq!(
        fragmentation(&g, &set(&g, &[1, 1]), &FragmentationOptions::default()).unwrap(),
        Some(1.0)
    );
    // A node set of another graph is an error, not a silent reading.
    assert!(NodeSet::new(3, [3]).is_err());
    assert!(fragmentation(&g, &NodeSet::empty(4), &FragmentationOptions::default()).is_err());
    assert!(
        distance_fragmentation(&g, &NodeSet::empty(2), &FragmentationOptions::default()).is_err()
    );
}

#[test]
fn fragmentation_is_identical_sequential_and_parallel() {
    use coprod::measures::Parallelism;
    for directed in [false, true] {
        let g = coprod::generate::gnm(700, 1500, directed, 2).unwrap();
        let removed = set(&g, &[0, 1, 2]);
        let with = |parallelism| FragmentationOptions {
            parallelism,
            ..Default::default()
        };
        for f in [fragmentation, distance_fragmentation] {
            assert_eq!(
                f(&g, &removed, &with(Parallelism::Sequential)).unwrap(),
                f(&g, &removed, &with(Parallelism::Parallel)).unwrap()
            );
        }
    }
}

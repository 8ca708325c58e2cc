//! Benches of the `multiplex` and `core` families on seeded `gnm` graphs with
//! m ≈ 4n (three layers of ≈ 4n/3 ties each for the multiplex measures).

use coprod::generate::gnm;
use coprod::measures::Direction;
use coprod::measures::core_periphery::{
    CorePeripheryModel, CoreSearch, FragmentationOptions, best_core, distance_fragmentation,
    fragmentation,
};
use coprod::measures::multiplex::*;
use coprod::model::{Csr, NodeSet, Partition};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn layers(n: usize, directed: bool) -> Vec<Csr> {
    (0..3)
        .map(|a| gnm(n, 4 * n / 3, directed, 100 + a).unwrap())
        .collect()
}

fn multiplex(c: &mut Criterion) {
    let mut grp = c.benchmark_group("multiplex");
    grp.sample_size(10);
    for n in SIZES {
        let ls = layers(n, true);
        let o = DegreeOptions {
            direction: Direction::All,
        };
        grp.bench_with_input(BenchmarkId::new("participation", n), &ls, |b, ls| {
            b.iter(|| {
                let p = participation_coefficient(black_box(ls), &o).unwrap();
                assert_eq!(p.len(), n);
            })
        });
        grp.bench_with_input(BenchmarkId::new("relevance", n), &ls, |b, ls| {
            b.iter(|| {
                let r = relevance(black_box(ls), &[0], &o).unwrap();
                assert!(r.iter().all(|x| (0.0..=1.0).contains(x)));
            })
        });
        grp.bench_with_input(
            BenchmarkId::new("connective_redundancy", n),
            &ls,
            |b, ls| {
                b.iter(|| {
                    let r = connective_redundancy(black_box(ls), &o).unwrap();
                    assert_eq!(r.len(), n);
                })
            },
        );
        grp.bench_with_input(BenchmarkId::new("global_overlap", n), &ls, |b, ls| {
            b.iter(|| assert!(global_overlap(black_box(ls)).unwrap().is_some()))
        });
        grp.bench_with_input(BenchmarkId::new("degree_spearman", n), &ls, |b, ls| {
            b.iter(|| {
                let r = degree_correlation(&ls[0], &ls[1], Correlation::Spearman, &o).unwrap();
                assert!(r.is_some());
            })
        });
        grp.bench_with_input(BenchmarkId::new("layer_correlation", n), &ls, |b, ls| {
            b.iter(|| {
                let r = layer_correlation(black_box(ls), Weights::Ignore).unwrap();
                assert_eq!(r.dim(), (3, 3));
            })
        });
        let part = Partition::from_groups((0..n as u32).map(|u| u % 7).collect());
        grp.bench_with_input(BenchmarkId::new("mixing_matrix", n), &ls, |b, ls| {
            b.iter(|| {
                let m = mixing_matrix(black_box(&ls[0]), &part, Weights::Ignore).unwrap();
                assert_eq!(m.sum(), ls[0].edge_count() as f64);
            })
        });
    }
    // Dense nM × nM: 1,000 nodes only.
    let ls = layers(1_000, false);
    grp.bench_function("supra_adjacency/1000", |b| {
        b.iter(|| {
            let s = supra_adjacency(black_box(&ls), &SupraOptions::default()).unwrap();
            assert_eq!(s.dim(), (3_000, 3_000));
        })
    });
    grp.finish();
}

fn core(c: &mut Criterion) {
    let mut grp = c.benchmark_group("core");
    grp.sample_size(10);
    for n in SIZES {
        let g = gnm(n, 4 * n, false, 7).unwrap();
        let removed = NodeSet::new(n, [0, 1, 2]).unwrap();
        grp.bench_with_input(BenchmarkId::new("fragmentation", n), &g, |b, g| {
            b.iter(|| {
                let f = fragmentation(black_box(g), &removed, &FragmentationOptions::default())
                    .unwrap()
                    .unwrap();
                assert!((0.0..=1.0).contains(&f));
            })
        });
        // Five starts: one start is O(sweeps (n + m)) above 1,000 nodes, and
        // steepest ascent with pair moves (O(n^2) per pass) at 1,000.
        let search = CoreSearch {
            restarts: 5,
            seed: 1,
        };
        grp.bench_with_input(BenchmarkId::new("best_core", n), &g, |b, g| {
            b.iter(|| {
                let best = best_core(black_box(g), &CorePeripheryModel::default(), &search)
                    .unwrap()
                    .unwrap();
                assert!((-1.0..=1.0).contains(&best.fit));
            })
        });
        // DF is all-pairs (a BFS per node): a single run at 10^5 takes well over
        // 20 s on two cores, so it is benched at 10^3 and 10^4 only.
        if n <= 10_000 {
            grp.bench_with_input(BenchmarkId::new("distance_fragmentation", n), &g, |b, g| {
                b.iter(|| {
                    let o = FragmentationOptions::default();
                    let df = distance_fragmentation(black_box(g), &removed, &o)
                        .unwrap()
                        .unwrap();
                    assert!((0.0..=1.0).contains(&df));
                })
            });
        }
    }
    grp.finish();
}

criterion_group!(benches, multiplex, core);
criterion_main!(benches);

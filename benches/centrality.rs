//! Centrality benches on seeded G(n, m) graphs with m = 4n.
//!
//! Linear measures (degree, PageRank, eigenvector, Katz) run at n = 10^3,
//! 10^4, 10^5. All-pairs measures (betweenness, closeness) are `O(n m)`: a
//! single run at 10^5 takes well over 20 s on the project's 2-core machine,
//! so they are benched at 10^3 and 10^4 only.
//!
//! Reference point, G(10^4, 39 000) undirected, measured side by side on the
//! shared 2-core machine (load ≈ 2 from other jobs): python-igraph 1.0
//! `Graph.betweenness()` 13.8 s (about 9 s on an idle machine); `betweenness`
//! here 8.7 s sequential, 4.9 s on two cores; a directed G(10^4, 39 000) 6.2 s
//! sequential.

use coprod::generate::gnm;
use coprod::measures::centrality::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn linear(c: &mut Criterion) {
    let mut grp = c.benchmark_group("centrality_linear");
    grp.sample_size(10);
    for n in [1_000usize, 10_000, 100_000] {
        let g = gnm(n, 4 * n, false, 42).unwrap();
        grp.bench_function(format!("degree/{n}"), |b| {
            b.iter(|| {
                let d = degree(black_box(&g), &DegreeOptions::default());
                assert_eq!(d.len(), n);
            })
        });
        grp.bench_function(format!("pagerank/{n}"), |b| {
            b.iter(|| {
                let x = pagerank(black_box(&g), &PageRankOptions::default()).unwrap();
                assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-6);
            })
        });
        grp.bench_function(format!("eigenvector/{n}"), |b| {
            let o = EigenvectorOptions {
                tol: 1e-9,
                ..Default::default()
            };
            b.iter(|| {
                let x = eigenvector(black_box(&g), &o).unwrap();
                assert!(x.iter().all(|v| *v >= 0.0));
            })
        });
        grp.bench_function(format!("katz/{n}"), |b| {
            let o = KatzOptions {
                alpha: 0.05,
                ..Default::default()
            };
            b.iter(|| {
                let x = katz(black_box(&g), &o).unwrap();
                assert!(x.iter().all(|v| *v > 0.0));
            })
        });
    }
    grp.finish();
}

fn all_pairs(c: &mut Criterion) {
    let mut grp = c.benchmark_group("centrality_all_pairs");
    grp.sample_size(10);
    for n in [1_000usize, 10_000] {
        let g = gnm(n, 4 * n, false, 42).unwrap();
        for (name, par) in [("par", Parallelism::Auto), ("seq", Parallelism::Sequential)] {
            grp.bench_function(format!("betweenness_{name}/{n}"), |b| {
                let o = BetweennessOptions {
                    parallelism: par,
                    ..Default::default()
                };
                b.iter(|| {
                    let x = betweenness(black_box(&g), &o);
                    assert!(x.iter().all(|v| (0.0..=1.0).contains(v)));
                })
            });
        }
        grp.bench_function(format!("closeness/{n}"), |b| {
            b.iter(|| {
                let x = closeness(black_box(&g), &ClosenessOptions::default());
                assert_eq!(x.len(), n);
            })
        });
    }
    grp.finish();
}

criterion_group!(benches, linear, all_pairs);
criterion_main!(benches);

//! Cohesion measures on seeded G(n, m) graphs, m = 4n.
//!
//! Linear and near-linear measures run at n = 10^3, 10^4, 10^5. The all-pairs
//! distance measures (one BFS per source, `O(n m)`) and the max-flow
//! connectivities are benched at 10^3 and 10^4 only: a single run at 10^5
//! takes far more than 20 s.

use coprod::generate::gnm;
use coprod::measures::Direction;
use coprod::measures::cohesion::*;
use coprod::model::Csr;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn graphs(directed: bool, sizes: &[usize]) -> Vec<(usize, Csr)> {
    sizes
        .iter()
        .map(|&n| (n, gnm(n, 4 * n, directed, 42).unwrap()))
        .collect()
}

fn linear(c: &mut Criterion) {
    let und = graphs(false, &SIZES);
    let dir = graphs(true, &SIZES);
    let mut grp = c.benchmark_group("cohesion/near-linear");
    grp.sample_size(10);
    for ((n, g), (_, d)) in und.iter().zip(&dir) {
        grp.bench_with_input(BenchmarkId::new("triangles", n), g, |b, g| {
            b.iter(|| assert_eq!(black_box(triangles(g)).len(), g.node_count()))
        });
        grp.bench_with_input(
            BenchmarkId::new("local_clustering_directed", n),
            d,
            |b, g| {
                b.iter(|| {
                    let c = local_clustering(g, &ClusteringOptions::default()).unwrap();
                    assert!(black_box(c).iter().all(|x| (0.0..=1.0).contains(x)))
                })
            },
        );
        grp.bench_with_input(BenchmarkId::new("transitivity", n), g, |b, g| {
            b.iter(|| assert!(black_box(transitivity(g)) <= 1.0))
        });
        grp.bench_with_input(BenchmarkId::new("gtrans", n), d, |b, g| {
            b.iter(|| assert!(black_box(gtrans(g, &GtransOptions::default())) <= 1.0))
        });
        grp.bench_with_input(BenchmarkId::new("triad_census", n), d, |b, g| {
            b.iter(|| assert!(black_box(triad_census(g)).0[0] > 0))
        });
        grp.bench_with_input(BenchmarkId::new("reciprocity", n), d, |b, g| {
            b.iter(|| assert!(black_box(reciprocity(g, &ReciprocityOptions::default())).is_some()))
        });
        grp.bench_with_input(BenchmarkId::new("strong_components", n), d, |b, g| {
            b.iter(|| assert!(black_box(strong_components(g)).count() >= 1))
        });
        grp.bench_with_input(BenchmarkId::new("weak_components", n), g, |b, g| {
            b.iter(|| assert!(black_box(weak_components(g)).count() >= 1))
        });
        grp.bench_with_input(BenchmarkId::new("core_number_all", n), d, |b, g| {
            let o = CoreOptions {
                direction: Direction::All,
            };
            b.iter(|| assert_eq!(black_box(core_number(g, &o)).len(), g.node_count()))
        });
        grp.bench_with_input(BenchmarkId::new("cuts", n), g, |b, g| {
            b.iter(|| assert!(!black_box(cut_vertices_and_bridges(g)).bridges.is_empty()))
        });
        grp.bench_with_input(BenchmarkId::new("hierarchy_krackhardt", n), d, |b, g| {
            b.iter(|| {
                assert!(black_box(krackhardt_hierarchy(g, &HierarchyOptions::default())).is_some())
            })
        });
        grp.bench_with_input(BenchmarkId::new("lubness", n), d, |b, g| {
            b.iter(|| assert!(black_box(lubness(g)).is_some()))
        });
        grp.bench_with_input(BenchmarkId::new("krackhardt_efficiency", n), d, |b, g| {
            b.iter(|| assert!(black_box(krackhardt_efficiency(g)).is_some()))
        });
    }
    grp.finish();
}

fn all_pairs(c: &mut Criterion) {
    let und = graphs(false, &SIZES[..2]);
    let mut grp = c.benchmark_group("cohesion/all-pairs");
    grp.sample_size(10);
    for (n, g) in &und {
        grp.bench_with_input(BenchmarkId::new("distance_summary", n), g, |b, g| {
            let o = DistanceOptions {
                unreachable: Unreachable::Skip,
                ..Default::default()
            };
            b.iter(|| assert!(black_box(distance_summary(g, &o)).reachable_pairs > 0))
        });
        // the largest component, so that connectivity is not trivially 0
        let w = weak_components(g);
        let keep: Vec<bool> = w.membership.iter().map(|&c| c == 0).collect();
        let (h, _) = g.induced(&keep);
        grp.bench_with_input(BenchmarkId::new("edge_connectivity", n), &h, |b, h| {
            b.iter(|| assert!(black_box(edge_connectivity(h).unwrap()) <= h.node_count()))
        });
        grp.bench_with_input(BenchmarkId::new("node_connectivity", n), &h, |b, h| {
            let o = ConnectivityOptions::default();
            b.iter(|| assert!(black_box(node_connectivity(h, &o).unwrap()) <= h.node_count()))
        });
    }
    grp.finish();
}

criterion_group!(benches, linear, all_pairs);
criterion_main!(benches);

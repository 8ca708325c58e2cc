//! Brokerage family benches: seeded G(n, m) graphs, n = 10^3, 10^4, 10^5, m = 4n.

use coprod::generate::gnm;
use coprod::measures::brokerage::{
    BrokerageOptions, EiOptions, StructuralHolesOptions, brokerage, burt_hierarchy, constraint,
    effective_size, ei_index, multiplex_brokerage,
};
use coprod::model::{Aggregation, Csr, Partition};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn partition(n: usize) -> Partition {
    Partition::from_groups((0..n).map(|u| (u * 2_654_435_761 % 7) as u32).collect())
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("brokerage");
    group.sample_size(10);
    for &n in &SIZES {
        let d = gnm(n, 4 * n, true, 42).unwrap();
        let u = gnm(n, 4 * n, false, 42).unwrap();
        let p = partition(n);
        group.bench_with_input(
            BenchmarkId::new("gould_fernandez_directed", n),
            &n,
            |b, _| {
                b.iter(|| {
                    let r = brokerage(black_box(&d), &p, &BrokerageOptions::default()).unwrap();
                    assert!(r.raw_graph[5] > 0.0);
                })
            },
        );
        let o = StructuralHolesOptions::default();
        group.bench_with_input(
            BenchmarkId::new("effective_size_undirected", n),
            &n,
            |b, _| b.iter(|| assert_eq!(effective_size(black_box(&u), &o).len(), n)),
        );
        group.bench_with_input(BenchmarkId::new("constraint_directed", n), &n, |b, _| {
            b.iter(|| assert_eq!(constraint(black_box(&d), &o).len(), n))
        });
        group.bench_with_input(BenchmarkId::new("hierarchy_undirected", n), &n, |b, _| {
            b.iter(|| assert_eq!(burt_hierarchy(black_box(&u), &o).len(), n))
        });
        group.bench_with_input(BenchmarkId::new("ei_index_directed", n), &n, |b, _| {
            b.iter(|| {
                assert!(
                    ei_index(black_box(&d), &p, &EiOptions::default())
                        .unwrap()
                        .graph
                        .is_some()
                )
            })
        });
        // Three arc-disjoint layers splitting the directed graph.
        let mut split = vec![Vec::new(); 3];
        for (i, e) in d.arcs().enumerate() {
            split[i % 3].push(e);
        }
        let layers: Vec<Csr> = split
            .iter()
            .map(|e| Csr::from_edges(n, true, e, Aggregation::Sum))
            .collect();
        group.bench_with_input(BenchmarkId::new("multiplex_3_layers", n), &n, |b, _| {
            b.iter(|| {
                assert!(
                    multiplex_brokerage(black_box(&layers), &p, &BrokerageOptions::default())
                        .unwrap()
                        .sum()
                        > 0.0
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

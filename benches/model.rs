//! Building the compact snapshot: `Csr::from_edges` on seeded random edge
//! lists, and `View::csr` on a bundled case.

use coprod::model::{Aggregation, Csr, View};
use coprod::random::{below, rng};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn edges(n: usize, m: usize, seed: u64) -> Vec<(u32, u32, f64)> {
    let mut r = rng(seed);
    (0..m)
        .map(|_| {
            (
                below(&mut r, n as u64) as u32,
                below(&mut r, n as u64) as u32,
                1.0,
            )
        })
        .collect()
}

fn csr_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("csr_from_edges");
    group.sample_size(10);
    for n in [1_000usize, 10_000, 100_000, 1_000_000] {
        let e = edges(n, 4 * n, 42);
        for directed in [false, true] {
            let id = BenchmarkId::new(if directed { "directed" } else { "undirected" }, n);
            group.bench_with_input(id, &e, |b, e| {
                b.iter(|| {
                    let g = Csr::from_edges(n, directed, black_box(e), Aggregation::Sum);
                    assert_eq!(g.node_count(), n);
                    g
                })
            });
        }
    }
    group.finish();
}

fn view_csr(c: &mut Criterion) {
    let g = coprod::cases::load("jinsong").unwrap();
    c.bench_function("view_csr/jinsong_aggregate", |b| {
        b.iter(|| {
            let csr = View::aggregate(black_box(&g)).csr();
            assert_eq!(csr.node_count(), g.actor_count());
            csr
        })
    });
}

criterion_group!(benches, csr_build, view_csr);
criterion_main!(benches);

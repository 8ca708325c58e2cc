//! The ERGM sampler: tie/no-tie steps of one chain and of two chains in
//! parallel (`RAYON_NUM_THREADS=1` against 2 shows the parallel speed-up) on
//! seeded sparse random graphs of 200 to 10,000 actors (mean degree 4, three
//! groups) under `edges + nodematch("c") + gwesp(0.5, fixed=TRUE)`. A sample
//! includes `simulate`'s set-up (numbering the free dyads: O(n) since the
//! mask is a rule on classes, O(n²) before `eaa1462`); the set-up-free rate
//! against ergmx on the same inputs is `benches/peers/ergm.sh`.
//!
//! ```sh
//! RAYON_NUM_THREADS=1 nice cargo bench --bench ergm -- --noplot
//! RAYON_NUM_THREADS=2 nice cargo bench --bench ergm -- --noplot
//! ```
//!
//! (`--noplot`: criterion's plotting backend panicked on the shared machine.)
//!
//! Measured 2026-12-07 on 2 cores (steps/s, all chains counted, medians): before `eaa1462` at a
//! load average of about 12 (the one-chain rate moved 3x between two runs), and at `e93d030`
//! with `RAYON_NUM_THREADS=1` only, at a load of 4-5:
//!
//! ```text
//! actors   before, RAYON=1: 1 chain / 2 chains    RAYON=2: 1 chain / 2 chains    after, RAYON=1: 1 chain / 2 chains
//!    200          5.2e5 / 5.2e5                         1.66e6 / 1.84e6                   5.8e6 / 6.0e6
//!   1000          5.5e5 / 9.7e5                         2.08e6 / 1.83e6                   6.0e6 / 7.1e6
//!  10000          6.3e5 / 8.8e5                         6.2e5 / 8.6e5                     3.6e6 / 3.7e6
//! ```

use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::sampler::{Proposal, SamplerOptions, simulate};
use coprod::inference::ergm::terms::Model;
use coprod::random::{below, rng};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn data(n: usize, seed: u64) -> ErgmData {
    let mut r = rng(seed);
    let mut edges = Vec::new();
    for _ in 0..2 * n {
        let (u, v) = (
            below(&mut r, n as u64) as usize,
            below(&mut r, n as u64) as usize,
        );
        if u != v {
            edges.push((u, v));
        }
    }
    let mut d = ErgmData::new(Network::from_edges(n, false, &edges).expect("valid ties"));
    let c: Vec<usize> = (0..n).map(|i| i % 3).collect();
    d.set_attribute("c", &c).expect("one value per node");
    d
}

fn steps(c: &mut Criterion) {
    const STEPS: usize = 100_000;
    let mut group = c.benchmark_group("ergm_tnt_steps");
    group.sample_size(10);
    for n in [200usize, 1_000, 10_000] {
        let d = data(n, 7);
        let model = Model::parse("edges + nodematch(\"c\") + gwesp(0.5, fixed=TRUE)", &d)
            .expect("a valid formula");
        let mask = DyadMask::all(n, false);
        // Near the density of the input: edges at the log-odds of 4 / n.
        let theta = [-(n as f64 / 4.0).ln(), 0.3, 0.5];
        for chains in [1usize, 2] {
            let opts = SamplerOptions {
                burnin: STEPS,
                interval: 1,
                draws_per_chain: 1,
                chains,
                proposal: Proposal::Tnt,
                seed: 1,
            };
            group.throughput(Throughput::Elements((STEPS * chains) as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("{chains}_chains"), n),
                &opts,
                |b, o| b.iter(|| simulate(&model, black_box(&d.network), &mask, &theta, o)),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, steps);
criterion_main!(benches);

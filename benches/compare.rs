//! The comparison engine end to end: `coprod compare jinsong --baseline all
//! --draws 1000` (every baseline, 1,000 draws each, every coding of the
//! robustness table, the tied cores; no dial fit), on rayon's default pool
//! (every core). Target on the 2-core development machine: under 30 s.
//!
//! Measured on that machine, idle (`cargo bench --bench compare`, 10
//! samples): mean 9.81 s (95 % CI 9.32–10.24 s). The same run from the
//! command line, `time coprod compare jinsong --baseline all --draws 1000
//! --no-dial --format json`: 9.8 s wall on 2 threads, 20.4 s with
//! `RAYON_NUM_THREADS=1` (2.08× less on two cores), the same JSON byte for
//! byte. Before the shared Brandes run, the one-pass sector paths and the
//! sectors read once, the 8 random baselines alone took 31.5 s of CPU (21.0 s
//! after), measured under load.

use coprod::compare::{CompareOptions, PANEL, Progress, compare};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn compare_jinsong(c: &mut Criterion) {
    let g = coprod::cases::load("jinsong").unwrap();
    let opts = CompareOptions {
        draws: 1000,
        seed: 0,
        progress: Progress::Hidden,
        ..CompareOptions::default()
    };
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(60));
    group.bench_function("jinsong_all_baselines_1000_draws", |b| {
        b.iter(|| {
            let r = compare(black_box(&g), &opts).unwrap();
            assert_eq!(r.codings[0].statistics.len(), PANEL.len());
            assert_eq!(r.codings[0].statistics[0].baselines[0].summary.draws, 1000);
            r
        })
    });
    group.finish();
}

criterion_group!(benches, compare_jinsong);
criterion_main!(benches);

//! The comparison engine end to end: `coprod compare jinsong --baseline all
//! --draws 1000` (every baseline, 1,000 draws each, every coding of the
//! robustness table, the tied cores), on rayon's default pool (every core).
//! Target on the 2-core development machine: under 30 s. Measured with
//! `time coprod compare jinsong --baseline <the 8 random ones> --draws 1000
//! --format json` on that machine shared with four other builds (load ~12):
//! user (CPU) time 31.5 s before the shared Brandes run / one-pass paths /
//! sectors read once, 21.0 s after (wall 96 s -> 64 s, the load's share);
//! the JSON is byte-identical.

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

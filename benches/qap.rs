//! MR-QAP on the 35-actor Jinsong case (arenas kept as actors) with 5
//! covariates (leadership+administrative, arena, party_dyad, same_sector,
//! sender:party): `netlm` under Dekker's semi-partialling with 10^4
//! relabellings per term (6 x 10^4 replicate fits), `netlogit` under `qapy`
//! with 10^4 relabellings and under `qapspp` with 10^3, on rayon's default
//! pool. Numbers in the README ("QAP").

use coprod::inference::qap::{
    ArenaMode, DyadOptions, Dyads, LogitEstimator, NullHypothesis, QapOptions, netlm, netlogit,
};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn qap(c: &mut Criterion) {
    let g = coprod::cases::load("jinsong").unwrap();
    let d = Dyads::new(
        &g,
        &DyadOptions {
            arenas: ArenaMode::Keep,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(d.n(), 35); // 37 before issue 22's corrections
    let y = d.matrix("resource+service+information").unwrap();
    let x: Vec<_> = [
        "leadership+administrative",
        "arena",
        "party_dyad",
        "same_sector",
        "sender:party",
    ]
    .iter()
    .map(|t| d.matrix(t).unwrap())
    .collect();
    let mut group = c.benchmark_group("qap");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(10));
    for (name, null, reps, logit) in [
        ("netlm_qapspp_1e4", NullHypothesis::Qapspp, 10_000, false),
        ("netlogit_qapy_1e4", NullHypothesis::Qapy, 10_000, true),
        ("netlogit_qapspp_1e3", NullHypothesis::Qapspp, 1_000, true),
    ] {
        let opts = QapOptions {
            null,
            reps,
            seed: 1,
            ..Default::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                let f = if logit {
                    netlogit(black_box(&y), &x, &opts, LogitEstimator::Auto).unwrap()
                } else {
                    netlm(black_box(&y), &x, &opts).unwrap()
                };
                assert_eq!(f.coefficients.len(), 6);
                f
            })
        });
    }
    group.finish();
}

criterion_group!(benches, qap);
criterion_main!(benches);

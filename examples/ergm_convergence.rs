//! How often the pre-registered ERGM converges, and how long it takes: the
//! answer's formula with and without its core terms, on the bundled cases'
//! directed, symmetrised and arenas-projected codings, over seeds 0..S.
//!
//! ```text
//! cargo run --release --example ergm_convergence -- [SEEDS] [CASE ...]
//! ```
//!
//! Prints one Markdown row per case, coding and formula: converged fits out
//! of SEEDS, the named failures, the median and largest wall time of a fit
//! (one thread: run it under `RAYON_NUM_THREADS=1` for one-core numbers).

use coprod::inference::ergm::case::{CaseFitOptions, default_core, fit_view, prereg_formulas};
use coprod::model::{ArenaProjection, View};
use std::time::Instant;

fn main() -> coprod::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(10);
    let cases: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        vec!["jinsong".into(), "ly".into(), "x_district".into()]
    };
    println!("| case | coding | formula | converged | failures | median s | max s |");
    println!("|---|---|---|---:|---|---:|---:|");
    for case in &cases {
        let g = coprod::cases::load(case)?;
        let projected = g.project_arenas(&ArenaProjection::default())?;
        let codings: Vec<(&str, View<'_>)> = vec![
            ("directed", View::aggregate(&g)),
            ("symmetrised", View::aggregate(&g).symmetrized()),
            ("arenas projected", View::aggregate(&projected)),
        ];
        for (coding, view) in &codings {
            let (with, without) = prereg_formulas(view);
            for (label, formula) in [("prereg", with), ("without core", without)] {
                let mut ok = 0;
                let mut failures: Vec<String> = Vec::new();
                let mut times = Vec::new();
                for seed in 0..seeds {
                    let mut opts = CaseFitOptions {
                        core: default_core(case),
                        ..CaseFitOptions::default()
                    };
                    opts.fit.sampler.seed = seed;
                    let t = Instant::now();
                    let r = fit_view(view, formula, &opts);
                    times.push(t.elapsed().as_secs_f64());
                    match r {
                        Ok(_) => ok += 1,
                        Err(e) => {
                            let name = match e {
                                coprod::Error::NoConvergence { .. } => "no convergence",
                                coprod::Error::Degenerate { .. } => "degenerate",
                                coprod::Error::MleDoesNotExist { .. } => "MLE does not exist",
                                _ => "other error",
                            };
                            failures.push(format!("seed {seed}: {name}"));
                        }
                    }
                }
                times.sort_by(f64::total_cmp);
                println!(
                    "| {case} | {coding} | {label} | {ok}/{seeds} | {} | {:.1} | {:.1} |",
                    if failures.is_empty() {
                        "–".to_string()
                    } else {
                        failures.join("; ")
                    },
                    times[times.len() / 2],
                    times[times.len() - 1]
                );
            }
        }
    }
    Ok(())
}

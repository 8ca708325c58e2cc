//! E1's posterior over the number of blocks on every reading of a case
//! (directed, symmetrised, arenas projected, stated ties only), with the
//! chains' split R-hat, ESS of B and time: the measurement behind the
//! length of E1's chains (`compare::answer::e1_posterior_options`).
//!
//! ```text
//! cargo run --release --example e1_posterior -- [SAMPLES [THIN]] [CASE ...]
//! ```
//! Defaults: E1's chains and the cases jinsong, ly, x_district.

use coprod::compare::Coding;
use coprod::compare::answer::{
    BlockOptions, block_evidence, e1_posterior_options, registered_core,
};
use coprod::inference::sbm::PosteriorOptions;
use coprod::model::ArenaProjection;
use std::time::Instant;

fn main() -> coprod::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let nums: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let mut cases: Vec<&str> = args
        .iter()
        .filter(|a| a.parse::<usize>().is_err())
        .map(String::as_str)
        .collect();
    if cases.is_empty() {
        cases = vec!["jinsong", "ly", "x_district"];
    }
    let base = e1_posterior_options();
    let o = PosteriorOptions {
        samples: nums.first().copied().unwrap_or(base.samples),
        thin: nums.get(1).copied().unwrap_or(base.thin),
        ..base
    };
    println!(
        "{} chains, {} burn-in sweeps, {} samples every {} sweeps, seed 0\n",
        o.chains, o.burn_in, o.samples, o.thin
    );
    println!(
        "| case, coding | actors | P(B = 1) ± MCSE | MAP B | ESS of B | split R-hat | mixing | seconds |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---:|");
    for id in cases {
        let g = coprod::cases::load(id)?;
        for coding in Coding::all_for(&g)
            .into_iter()
            .filter(|c| !matches!(c, Coding::Layer(_)))
        {
            let h = match coding {
                Coding::ArenasProjected => g.project_arenas(&ArenaProjection::default())?,
                Coding::WithoutInferred => g.without_inferred(),
                _ => g.clone(),
            };
            let view = coding.view(&h)?;
            let core = registered_core(id).node_set(&view)?;
            let t = Instant::now();
            let e = block_evidence(
                &view,
                &core,
                &BlockOptions {
                    seed: 0,
                    posterior: Some(o.clone()),
                },
            )?;
            let secs = t.elapsed().as_secs_f64();
            let p = e.posterior.expect("asked for");
            let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
            println!(
                "| {id}, {coding} | {} | {:.3} ± {} | {} | {} | {} | {:?} | {secs:.1} |",
                view.node_count(),
                p.one_block,
                f(p.one_block_mcse),
                p.map_blocks,
                p.ess_blocks.map_or("-".into(), |v| format!("{v:.0}")),
                f(p.rhat_blocks),
                p.mixing
            );
        }
    }
    Ok(())
}

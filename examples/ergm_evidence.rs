//! The answer's E3/E4 model part for one case and coding, with its time:
//!
//! ```text
//! cargo run --release --example ergm_evidence -- CASE [directed|symmetrised|projected] [SEED]
//! ```

use coprod::inference::ergm::case::default_core;
use coprod::inference::ergm::evidence::{EvidenceOptions, core_evidence};
use coprod::model::{ArenaProjection, View};
use std::time::Instant;

fn main() -> coprod::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let case = args.first().map_or("jinsong", String::as_str);
    let coding = args.get(1).map_or("directed", String::as_str);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let g = coprod::cases::load(case)?;
    let projected = g.project_arenas(&ArenaProjection::default())?;
    let view = match coding {
        "symmetrised" => View::aggregate(&g).symmetrized(),
        "projected" => View::aggregate(&projected),
        _ => View::aggregate(&g),
    };
    let t = Instant::now();
    let ev = core_evidence(
        &view,
        &default_core(case),
        &EvidenceOptions {
            seed,
            ..EvidenceOptions::default()
        },
    )?;
    println!(
        "{case} {coding} seed {seed}: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    println!("formula: {}", ev.formula);
    for c in &ev.core_terms {
        let e = &c.estimate;
        println!(
            "  {} {:.3} (SE {:.3}) [{:.3}, {:.3}] p = {:.4}, p(>0) = {:.4}",
            e.term, e.estimate, e.se, e.lower, e.upper, e.p, c.p_greater
        );
    }
    println!("ΔAIC = {:?} ± {:?}", ev.delta_aic, ev.delta_aic_se);
    if let Err(e) = &ev.fit_without_core {
        println!("without core: {e}");
    }
    if let Some(gf) = &ev.gof {
        println!("GOF rejects: {}", gf.rejects());
    }
    match &ev.usable {
        Ok(()) => println!(
            "usable; {} counterfactual draws, θ' = {:?}",
            ev.counterfactual.len(),
            ev.counterfactual_theta
        ),
        Err(w) => println!("not used: {}: {}", w.name(), w.message()),
    }
    Ok(())
}

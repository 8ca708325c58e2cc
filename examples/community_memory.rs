//! Generate a synthetic community like Jinsong and take its aggregate
//! snapshot, reporting time and peak memory per tie:
//!
//! ```text
//! cargo run --release --example community_memory -- 1000000
//! cargo run --release --example community_memory -- 1000000 --approx   # and ε = 0.01, δ = 0.1 betweenness
//! ```
//!
//! Peak memory is the process's high-water mark (`VmHWM` of
//! `/proc/self/status`, Linux); elsewhere it prints `n/a`.

use coprod::generate::{CommunitySpec, community};
use std::time::Instant;

/// The resident set's high-water mark in bytes, where the system reports it.
fn peak_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() -> coprod::Result<()> {
    let residents: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let case = coprod::cases::load("jinsong")?;
    let spec = CommunitySpec::like(&case, residents)?;
    let approx = std::env::args().any(|a| a == "--approx");
    let base = peak_bytes();
    let t = Instant::now();
    let c = community(&spec, 1)?;
    let g = c.aggregate();
    let secs = t.elapsed().as_secs_f64();
    let arcs = g.edge_count();
    println!(
        "{} residents, {} households, {} buildings, {} communities, {} sub-districts; \
         {} nodes, {} arcs in the aggregate; generated and built in {secs:.2} s",
        c.residents(),
        c.households(),
        c.buildings(),
        c.communities(),
        c.subdistricts(),
        g.node_count(),
        arcs
    );
    match (base, peak_bytes()) {
        (Some(b), Some(p)) => println!(
            "peak memory {:.1} MB ({:.1} MB before generating): {:.1} bytes per arc in all, {:.1} above the start",
            p as f64 / 1e6,
            b as f64 / 1e6,
            p as f64 / arcs as f64,
            (p - b) as f64 / arcs as f64
        ),
        _ => println!("peak memory n/a"),
    }
    if approx {
        use coprod::measures::centrality::{
            ApproxBetweennessOptions, ApproxMethod, approx_betweenness,
        };
        for method in [ApproxMethod::RiondatoKornaropoulos, ApproxMethod::Kadabra] {
            let t = Instant::now();
            let opts = ApproxBetweennessOptions {
                method,
                epsilon: 0.01,
                delta: 0.1,
                ..Default::default()
            };
            let a = approx_betweenness(&g, &opts)?;
            let top = a.scores.iter().cloned().fold(0.0, f64::max);
            println!(
                "{method:?}: {:.2} s, {} samples (+{} calibration, cap {}), VD ≤ {}, top score {top:.4}",
                t.elapsed().as_secs_f64(),
                a.samples,
                a.calibration_samples,
                a.max_samples,
                a.vertex_diameter_bound
            );
        }
        if let Some(p) = peak_bytes() {
            println!("peak memory {:.1} MB", p as f64 / 1e6);
        }
    }
    Ok(())
}

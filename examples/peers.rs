//! The coprod side of `benches/peers/run.sh` (see `benches/peers/peers.py`).
//!
//! ```text
//! peers generate --residents N [--seed S] --out FILE
//!     a community like Jinsong with N residents, its ties read as undirected
//!     edges, written as a binary edge list: n and m as little-endian u64,
//!     then m pairs of little-endian u32 (u < v, each edge once)
//! peers run FILE --measures a,b,... --out DIR [--epsilon E] [--delta D] [--seed S]
//!     load FILE, then for each measure print one JSON line
//!     {"measure", "seconds", "peak_mb"} and write its values to
//!     DIR/coprod.<measure>.f64 (little-endian f64, one per node, or one for a
//!     graph-level number)
//! ```
//! `peak_mb` is the resident high-water mark during the measure: the peak is
//! reset (`/proc/self/clear_refs`, Linux) before each measure and read from
//! `VmHWM` after it, so it includes the graph held in memory. The Python side
//! measures its tools the same way.
//!
//! Measures and the convention each follows (the Python side calls each peer
//! so as to give the same numbers): degree (count), pagerank (α = 0.85, L2
//! change at most `1e-10`, NetworKit's test), core_number, components (membership numbered by
//! smallest node), transitivity, clustering (local, 0 below two neighbours),
//! closeness (Wasserman–Faust), harmonic (raw sum), betweenness (NetworkX
//! normalised); kadabra and approx_betweenness (Riondato–Kornaropoulos) estimate
//! the NetworkX-normalised betweenness within `--epsilon` (default 0.01) with
//! probability `1 − --delta` (default 0.1), seeded by `--seed` (default 1); they
//! also print the samples drawn (`samples`, `max_samples`) in their JSON line.

use coprod::generate::{CommunitySpec, community};
use coprod::measures::centrality::{
    self, ApproxBetweennessOptions, ApproxMethod, BetweennessOptions, ClosenessOptions,
    DegreeOptions, DegreeScale, HarmonicOptions, PageRankNorm, PageRankOptions,
};
use coprod::measures::cohesion::{self, ClusteringOptions, CoreOptions};
use coprod::model::{Aggregation, Csr};
use std::io::{BufWriter, Read, Write};
use std::time::Instant;

/// The resident high-water mark in MB, where Linux reports it.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Reset the high-water mark to the current resident set (Linux ≥ 4.0).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn arg<'a>(args: &'a [String], name: &str) -> Result<&'a str, String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|s| s.as_str())
        .ok_or_else(|| format!("missing {name}"))
}

fn generate(args: &[String]) -> Result<(), String> {
    let residents: usize = arg(args, "--residents")?
        .parse()
        .map_err(|e| format!("--residents: {e}"))?;
    let seed: u64 = match arg(args, "--seed") {
        Ok(s) => s.parse().map_err(|e| format!("--seed: {e}"))?,
        Err(_) => 1,
    };
    let out = arg(args, "--out")?;
    let t = Instant::now();
    let case = coprod::cases::load("jinsong").map_err(|e| e.to_string())?;
    let spec = CommunitySpec::like(&case, residents).map_err(|e| e.to_string())?;
    let c = community(&spec, seed).map_err(|e| e.to_string())?;
    let n = c.node_count();
    // Undirected straight from the tie stream: every tool reads the same simple graph.
    let g = Csr::from_edge_iter(
        n,
        false,
        c.ties()
            .filter(|&(u, v, _)| u != v)
            .map(|(u, v, _)| (u, v, 1.0)),
        Aggregation::Max,
    )
    .map_err(|e| e.to_string())?;
    let m = g.edge_count() as u64;
    let mut w = BufWriter::new(std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?);
    let io = |e: std::io::Error| format!("{out}: {e}");
    w.write_all(&(n as u64).to_le_bytes()).map_err(io)?;
    w.write_all(&m.to_le_bytes()).map_err(io)?;
    for (u, v, _) in g.edges() {
        w.write_all(&u.to_le_bytes()).map_err(io)?;
        w.write_all(&v.to_le_bytes()).map_err(io)?;
    }
    w.flush().map_err(io)?;
    eprintln!(
        "generated {residents} residents: n = {n}, m = {m} in {:.2} s -> {out}",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Read the binary edge list of [`generate`].
fn load(path: &str) -> Result<Csr, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("{path}: {e}"))?;
    if bytes.len() < 16 {
        return Err(format!("{path}: shorter than its 16-byte header"));
    }
    let word = |i: usize| u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
    let (n, m) = (word(0) as usize, word(8) as usize);
    if bytes.len() != 16 + 8 * m {
        return Err(format!(
            "{path}: {} bytes, but the header says {m} edges ({} bytes)",
            bytes.len(),
            16 + 8 * m
        ));
    }
    let body = &bytes[16..];
    let ids = (0..m).map(|k| {
        let at = |i: usize| u32::from_le_bytes(body[i..i + 4].try_into().expect("4 bytes"));
        (at(8 * k), at(8 * k + 4), 1.0)
    });
    Csr::from_edge_iter(n, false, ids, Aggregation::Max).map_err(|e| format!("{path}: {e}"))
}

fn run(args: &[String]) -> Result<(), String> {
    let path = args.get(1).ok_or("missing FILE")?;
    let dir = arg(args, "--out")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    let g = load(path)?;
    let number = |name: &str, default: f64| -> Result<f64, String> {
        arg(args, name).map_or(Ok(default), |s| {
            s.parse().map_err(|e| format!("{name}: {e}"))
        })
    };
    let (epsilon, delta) = (number("--epsilon", 0.01)?, number("--delta", 0.1)?);
    let seed: u64 = match arg(args, "--seed") {
        Ok(s) => s.parse().map_err(|e| format!("--seed: {e}"))?,
        Err(_) => 1,
    };
    let approx = |method| -> Result<(Vec<f64>, String), String> {
        let opts = ApproxBetweennessOptions {
            method,
            epsilon,
            delta,
            seed,
            ..Default::default()
        };
        let b = centrality::approx_betweenness(&g, &opts).map_err(|e| e.to_string())?;
        let extra = format!(
            ", \"samples\": {}, \"max_samples\": {}",
            b.samples, b.max_samples
        );
        Ok((b.scores, extra))
    };
    for m in arg(args, "--measures")?
        .split(',')
        .filter(|m| !m.is_empty())
    {
        reset_peak();
        let t = Instant::now();
        let mut extra = String::new();
        let values: Vec<f64> = match m {
            "degree" => centrality::degree(
                &g,
                &DegreeOptions {
                    scale: DegreeScale::Raw,
                    ..Default::default()
                },
            ),
            "pagerank" => centrality::pagerank(
                &g,
                &PageRankOptions {
                    // NetworKit's stopping test, as peers.py calls it.
                    tol: 1e-10,
                    norm: PageRankNorm::L2,
                    ..Default::default()
                },
            )
            .map_err(|e| e.to_string())?,
            "core_number" => cohesion::core_number(&g, &CoreOptions::default()),
            "components" => cohesion::weak_components(&g)
                .membership
                .iter()
                .map(|&c| c as f64)
                .collect(),
            "transitivity" => vec![cohesion::transitivity(&g)],
            "clustering" => cohesion::local_clustering(&g, &ClusteringOptions::default())
                .map_err(|e| e.to_string())?,
            "closeness" => centrality::closeness(&g, &ClosenessOptions::default()),
            "harmonic" => centrality::harmonic(&g, &HarmonicOptions::default()),
            "betweenness" => centrality::betweenness(&g, &BetweennessOptions::default()),
            "kadabra" => {
                let (v, e) = approx(ApproxMethod::Kadabra)?;
                extra = e;
                v
            }
            "approx_betweenness" => {
                let (v, e) = approx(ApproxMethod::RiondatoKornaropoulos)?;
                extra = e;
                v
            }
            other => {
                return Err(format!(
                    "unknown measure `{other}`; measures: degree, pagerank, core_number, \
                     components, transitivity, clustering, closeness, harmonic, betweenness, \
                     kadabra, approx_betweenness"
                ));
            }
        };
        let secs = t.elapsed().as_secs_f64();
        let peak = peak_mb().map_or("null".to_string(), |p| format!("{p:.1}"));
        let file = format!("{dir}/coprod.{m}.f64");
        let bytes: Vec<u8> = values.iter().flat_map(|x| x.to_le_bytes()).collect();
        std::fs::write(&file, bytes).map_err(|e| format!("{file}: {e}"))?;
        println!("{{\"measure\": \"{m}\", \"seconds\": {secs:.6}, \"peak_mb\": {peak}{extra}}}");
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(|s| s.as_str()) {
        Some("generate") => generate(&args),
        Some("run") => run(&args),
        _ => Err("usage: peers generate|run ... (see examples/peers.rs)".into()),
    };
    if let Err(e) = result {
        eprintln!("peers: {e}");
        std::process::exit(2);
    }
}

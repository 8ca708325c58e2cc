//! coprod's side of `benches/peers/sbm.sh`: minimise the degree-corrected SBM
//! description length of an edge list and print the time and the result.
//!
//! `sbm_peers EDGES.csv PARTITION_OUT [--seed S] [--plain]` reads
//! `source,target,...` (header, one undirected edge per row, as `coprod edges
//! --symmetric` writes), times `inference::sbm::minimize` (loading not timed)
//! and prints one JSON line; the partition goes to `PARTITION_OUT` (one block
//! per line, in the order of first appearance of the node ids).

use coprod::inference::sbm::{MinimizeOptions, SbmGraph, SbmOptions, minimize};
use std::collections::HashMap;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(out)) = (args.get(1), args.get(2)) else {
        return Err("usage: sbm_peers EDGES.csv PARTITION_OUT [--seed S] [--plain]".into());
    };
    let seed = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.parse::<u64>())
        .transpose()?
        .unwrap_or(1);
    let plain = args.iter().any(|a| a == "--plain");
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut edges = Vec::new();
    let mut rdr = csv::Reader::from_path(path)?;
    for rec in rdr.records() {
        let rec = rec?;
        let mut idx = |s: &str| {
            *ids.entry(s.to_string()).or_insert_with(|| {
                order.push(s.to_string());
                order.len() as u32 - 1
            })
        };
        let u = idx(&rec[0]);
        let v = idx(&rec[1]);
        edges.push((u, v));
    }
    let g = SbmGraph::from_edges(order.len(), false, &edges)?;
    let opts = if plain {
        SbmOptions::plain()
    } else {
        SbmOptions::default()
    };
    let mut search = MinimizeOptions::for_size(order.len(), seed);
    // Experiments: `--refine-levels L`, `--restarts R`, `--kicks K`, `--sweeps S`,
    // `--merge-proposals P`, `--merge-ratio X` override the size's defaults.
    let flag = |name: &str| -> Option<usize> {
        let i = args.iter().position(|a| a == name)?;
        args.get(i + 1)?.parse().ok()
    };
    if let Some(l) = flag("--refine-levels") {
        search.refine_levels = l;
    }
    if let Some(r) = flag("--restarts") {
        search.restarts = r;
    }
    if let Some(k) = flag("--kicks") {
        search.kicks = k;
    }
    if let Some(k) = flag("--sweeps") {
        search.sweeps = k;
    }
    if let Some(k) = flag("--merge-proposals") {
        search.merge_proposals = k;
    }
    if let Some(i) = args.iter().position(|a| a == "--merge-ratio") {
        search.merge_ratio = args
            .get(i + 1)
            .ok_or("--merge-ratio needs a value")?
            .parse()?;
    }
    let t = Instant::now();
    let m = minimize(&g, &opts, &search, &[])?;
    let secs = t.elapsed().as_secs_f64();
    let text: String = m.blocks.iter().map(|b| format!("{b}\n")).collect();
    std::fs::write(out, text)?;
    println!(
        "{{\"tool\": \"coprod\", \"n\": {}, \"m\": {}, \"seconds\": {secs:.3}, \"description_length\": {:.6}, \"blocks\": {}, \"threads\": {}}}",
        g.node_count(),
        g.edge_count(),
        m.description_length.total,
        m.description_length.blocks,
        rayon::current_num_threads()
    );
    Ok(())
}

//! `coprod analyse CASE`: the measures that scale (degree, PageRank, cores,
//! components, clustering, transitivity, approximate betweenness) on a case
//! of any size, read compactly.

use crate::output::OutputArgs;
use crate::view::LayerArgs;
use coprod::model::{Aggregation, CompactCase, CoreSet};
use coprod::progress::Progress;
use coprod::report::{ScaleMeasure, ScaleOptions, analyse, write_scale_csv};
use std::path::{Path, PathBuf};

/// Options of `analyse`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// A compact file (`graph.coprod`, from `coprod generate`), a directory holding one, a case directory, or a bundled case.
    pub case: String,
    /// Comma-separated measures (default: degree,pagerank,core_number,component,clustering,transitivity,approx_betweenness; also kadabra, group_betweenness of --core, closeness, harmonic, betweenness).
    #[arg(long, value_delimiter = ',')]
    pub measures: Vec<String>,
    /// The layers and how they are read (as every command's view).
    #[command(flatten)]
    pub snapshot: LayerArgs,
    /// ε of the approximate betweenness (NetworkX-normalised scale).
    #[arg(long, default_value_t = 0.01)]
    pub epsilon: f64,
    /// δ of the approximate betweenness.
    #[arg(long, default_value_t = 0.1)]
    pub delta: f64,
    /// Seed of the approximate betweenness's samples.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The core set of `group_betweenness`: `kind:<kind>` or comma-separated actor ids.
    #[arg(long, default_value = "kind:party")]
    pub core: String,
    /// Also write the graph-level numbers, timings and peak memory as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Where to write the table (CSV `id,kind,level,<measures>`).
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Read `case` compactly: a `.coprod` file, a directory holding
/// `graph.coprod`, else a case directory or bundled case (loaded whole, then
/// made compact).
pub fn load_compact(case: &str) -> coprod::Result<CompactCase> {
    let p = Path::new(case);
    if p.is_file() {
        return coprod::io::read_compact(p);
    }
    let inner = p.join("graph.coprod");
    if p.is_dir() && inner.is_file() {
        // CSV files beside the binary: say which one is read.
        if p.join("actors.csv").exists() {
            eprintln!(
                "coprod: note: read {} (the directory's CSV files are not read)",
                inner.display()
            );
        }
        return coprod::io::read_compact(inner);
    }
    CompactCase::from_source(&crate::view::load_case(case)?)
}

/// The resident high-water mark in MB, where Linux reports it.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Load, snapshot, measure, write the table (and the summary).
pub fn run(args: &Args) -> coprod::Result<()> {
    let measures = if args.measures.is_empty() {
        ScaleMeasure::DEFAULT.to_vec()
    } else {
        args.measures
            .iter()
            .map(|m| m.parse())
            .collect::<coprod::Result<Vec<_>>>()?
    };
    let core: CoreSet = args.core.parse()?;
    args.output.check_inputs(&args.case)?;
    if let Some(p) = &args.summary {
        crate::view::refuse_overwrite(p, &args.case)?;
    }
    let t = std::time::Instant::now();
    let case = load_compact(&args.case)?;
    let opts = ScaleOptions {
        core: Some(case.core_set(&core)?),
        measures,
        epsilon: args.epsilon,
        delta: args.delta,
        seed: args.seed,
        progress: Progress::Auto,
    };
    let load_s = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let mask = args.snapshot.mask(case.layers())?;
    let g = case.csr(
        &mask,
        args.snapshot.symmetric,
        Aggregation::from(args.snapshot.aggregation),
    )?;
    let snapshot_s = t.elapsed().as_secs_f64();
    let r = analyse(&g, &opts)?;
    let t = std::time::Instant::now();
    match &args.output.output {
        Some(p) => {
            // Written whole under a temporary name, then renamed into place.
            let mut f = coprod::io::AtomicFile::create(p)?;
            write_scale_csv(&case, &r, &mut f).map_err(|e| match e {
                coprod::Error::Io { source, .. } => coprod::io::write_error(p, source),
                e => e,
            })?;
            f.commit()?
        }
        None => write_scale_csv(&case, &r, std::io::stdout().lock())?,
    }
    let write_s = t.elapsed().as_secs_f64();
    if let Some(path) = &args.summary {
        let mut j = r.summary_json();
        j["case"] = case.meta().id.clone().into();
        j["ties"] = case.tie_count().into();
        let s = &mut j["seconds"];
        s["load"] = load_s.into();
        s["snapshot"] = snapshot_s.into();
        s["write"] = write_s.into();
        j["peak_mb"] = peak_mb().map_or(serde_json::Value::Null, Into::into);
        let text = serde_json::to_string_pretty(&j).expect("JSON serialises") + "\n";
        coprod::io::write_file(path, &text)?;
    }
    Ok(())
}

//! `coprod sbm CASE`: description lengths of stochastic block models, the
//! best partition found and the candidate structures side by side.

use crate::output::OutputArgs;
use crate::view::ViewArgs;
use clap::ValueEnum;
use coprod::error::{Error, Location, Names};
use coprod::inference::sbm::{CandidateTable, MinimizeOptions, SbmOptions, candidates};
use coprod::model::{Attribute, CoreSet, Partition, View};
use std::path::Path;

/// Output format of `sbm`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum SbmFormat {
    /// Markdown: the candidate table and the comparisons.
    #[default]
    Md,
    /// JSON: everything, partitions included.
    Json,
}

/// Options of `sbm`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// A partition to score: an actor attribute (`kind`, `sector`, `level`, a
    /// column of actors.csv) or a CSV file `id,block` with one row per actor of the view.
    #[arg(long)]
    pub partition: Option<String>,
    /// The degree-corrected model (graph-tool's `deg_corr`, default true) or the plain SBM.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub degree_corrected: bool,
    /// The core set: `kind:<kind>` or comma-separated actor ids.
    #[arg(long, default_value = "kind:party")]
    pub core: String,
    /// Seed of the search.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Agglomerative restarts of the search (default: 8 up to 300 actors, 2 above).
    #[arg(long)]
    pub restarts: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: SbmFormat,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A partition from `id,block` rows: every actor of the view exactly once.
fn partition_file(path: &Path, view: &View<'_>) -> coprod::Result<Partition> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let ids = view.ids();
    let mut labels: Vec<Option<String>> = vec![None; ids.len()];
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let line = i as u64 + 2;
        let rec = rec.map_err(|e| Error::MalformedCsv {
            at: Location::new(path, line, ""),
            message: e.to_string(),
        })?;
        let (Some(id), Some(block)) = (rec.get(0), rec.get(1)) else {
            return Err(Error::MalformedCsv {
                at: Location::new(path, line, ""),
                message: "a row needs two fields: id,block".into(),
            });
        };
        let (id, block) = (id.trim(), block.trim());
        let Some(k) = ids.iter().position(|x| *x == id) else {
            return Err(Error::UnknownActor {
                at: Some(Location::new(path, line, "id")),
                value: id.into(),
                available: Names::of(ids.iter(), id),
            });
        };
        if labels[k].is_some() {
            return Err(Error::InvalidParameter {
                name: "partition",
                reason: format!(
                    "{}:{line}: actor `{id}` given a block twice",
                    path.display()
                ),
            });
        }
        labels[k] = Some(block.to_string());
    }
    let missing: Vec<&str> = (0..ids.len())
        .filter(|&k| labels[k].is_none())
        .map(|k| ids[k])
        .collect();
    if !missing.is_empty() {
        return Err(Error::InvalidParameter {
            name: "partition",
            reason: format!("{}: no block for {}", path.display(), missing.join(", ")),
        });
    }
    let labels: Vec<String> = labels.into_iter().flatten().collect();
    Ok(Partition::from_labels(&labels))
}

/// The table as Markdown.
fn markdown(case: &str, t: &CandidateTable) -> String {
    let model = if t.options.degree_corrected {
        "degree-corrected"
    } else {
        "plain"
    };
    let mut s = format!(
        "# {case}: stochastic block model ({model}), description length in nats\n\n\
         Differences under ln 20 = {:.3} nats (posterior odds below 20:1) cannot be distinguished.\n\n\
         | structure | blocks | description length | − least | standing | meaning |\n|---|---:|---:|---:|---|---|\n",
        t.threshold
    );
    for c in &t.candidates {
        let standing = serde_json::to_value(c.standing)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        s.push_str(&format!(
            "| {} | {} | {:.3} | {:.3} | {} | {} |\n",
            c.name, c.blocks, c.description_length, c.difference, standing, c.meaning
        ));
    }
    s.push_str("\n| question | first − second (nats) | preferred |\n|---|---:|---|\n");
    for p in &t.comparisons {
        s.push_str(&format!(
            "| {} ({} vs {}) | {:.3} | {} |\n",
            p.question, p.first, p.second, p.difference, p.preferred
        ));
    }
    s.push_str(&format!(
        "\nBest found: {} blocks, {:.3} nats (best of {} starts: {}).\n",
        t.best.description_length.blocks,
        t.best.description_length.total,
        t.best.per_start.len(),
        t.best
            .per_start
            .iter()
            .map(|x| format!("{x:.3}"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    for n in &t.notes {
        s.push_str(&format!("\nNote: {n}.\n"));
    }
    s
}

/// Score the candidates and print them.
pub fn run(args: &Args) -> coprod::Result<()> {
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    let given = match &args.partition {
        None => None,
        Some(p) if Path::new(p).is_file() => Some(partition_file(Path::new(p), &view)?),
        Some(p) => Some(Partition::of_view(&view, &p.parse::<Attribute>()?)?),
    };
    let core = args.core.parse::<CoreSet>()?.node_set(&view)?;
    let opts = SbmOptions::default().with_degree_corrected(args.degree_corrected);
    let sized = MinimizeOptions::for_size(view.node_count(), args.seed);
    let search = MinimizeOptions {
        restarts: args.restarts.unwrap_or(sized.restarts),
        ..sized
    };
    let t = candidates(&view, &core, given.as_ref(), &opts, &search)?;
    match args.format {
        SbmFormat::Md => args.output.write(&markdown(&args.view.case, &t)),
        SbmFormat::Json => {
            let ids = view.ids();
            let given_dl = t
                .candidates
                .iter()
                .find(|c| c.name == "given")
                .map(|c| c.description_length);
            let doc = serde_json::json!({
                "case": args.view.case,
                "model": if opts.degree_corrected { "degree_corrected" } else { "plain" },
                "description_length": {
                    "given": given_dl,
                    "best_found": t.best.description_length.total,
                },
                "best_found": {
                    "blocks": t.best.description_length.blocks,
                    "parts": t.best.description_length,
                    "partition": ids.iter().zip(&t.best.blocks).map(|(id, b)| serde_json::json!({"id": id, "block": b})).collect::<Vec<_>>(),
                    "per_start": t.best.per_start,
                },
                "ids": ids,
                "table": t,
            });
            let text = serde_json::to_string_pretty(&doc).map_err(|e| Error::InvalidParameter {
                name: "format",
                reason: e.to_string(),
            })?;
            args.output.write(&(text + "\n"))
        }
    }
}

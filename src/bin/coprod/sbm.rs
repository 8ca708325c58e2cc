//! `coprod sbm CASE`: description lengths of stochastic block models, the
//! best partition found and the candidate structures side by side.

use crate::output::OutputArgs;
use crate::view::ViewArgs;
use clap::ValueEnum;
use coprod::error::{Error, Location, Names};
use coprod::inference::sbm::{CandidateTable, PosteriorOptions, SbmRequest, sbm_json};
use coprod::model::{Attribute, CoreSet, Partition, View};
use std::path::Path;

/// Output format of `sbm`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum SbmFormat {
    /// Markdown: the candidate table, the comparisons and the posterior over B.
    #[default]
    Md,
    /// CSV: one row per structure, with `posterior_blocks` (the posterior share of its B).
    Csv,
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
    /// Sample the posterior over the number of blocks (default true;
    /// Metropolis–Hastings over partitions from the best found, seeded by `--seed`).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    pub posterior: bool,
    /// Samples of B kept per chain of the posterior.
    #[arg(long, default_value_t = PosteriorOptions::default().samples)]
    pub posterior_samples: usize,
    /// Sweeps (one proposal per actor each) between two samples.
    #[arg(long, default_value_t = PosteriorOptions::default().thin)]
    pub posterior_thin: usize,
    /// Sweeps discarded at the start of each chain.
    #[arg(long, default_value_t = PosteriorOptions::default().burn_in)]
    pub posterior_burn_in: usize,
    /// Independent chains of the posterior.
    #[arg(long, default_value_t = PosteriorOptions::default().chains)]
    pub posterior_chains: usize,
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
         | structure | blocks | description length | − least | standing | P(B = blocks) | meaning |\n|---|---:|---:|---:|---|---:|---|\n",
        t.threshold
    );
    for c in &t.candidates {
        let standing = serde_json::to_value(c.standing)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let share = c
            .posterior_blocks
            .map_or_else(|| "–".to_string(), |p| format!("{p:.3}"));
        s.push_str(&format!(
            "| {} | {} | {:.3} | {:.3} | {} | {} | {} |\n",
            c.name, c.blocks, c.description_length, c.difference, standing, share, c.meaning
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
    if let Some(p) = &t.posterior_blocks {
        let o = &p.options;
        let opt = |x: Option<f64>, digits: usize| {
            x.map_or_else(|| "–".to_string(), |v| format!("{v:.digits$}"))
        };
        s.push_str(&format!(
            "\nPosterior over the number of blocks (Metropolis–Hastings over partitions, \
             {} chains × {} samples every {} sweeps after {} burn-in sweeps, seed {}, from the best found): \
             P(B = 1) = {:.3}, MAP B = {}, mean B = {:.2}; ESS of B {}, split R̂ {}, acceptance {:.3}.\n\n\
             | B | share | ± MCSE | ESS |\n|---:|---:|---:|---:|\n",
            o.chains, o.samples, o.thin, o.burn_in, o.seed,
            p.one_block, p.map_blocks, p.mean_blocks,
            opt(p.ess_blocks, 0), opt(p.rhat_blocks, 3), p.acceptance
        ));
        for b in &p.shares {
            s.push_str(&format!(
                "| {} | {:.4} | {} | {} |\n",
                b.blocks,
                b.share,
                opt(b.mcse, 4),
                opt(b.ess, 0)
            ));
        }
        if p.rhat_blocks.is_none_or(|r| r > 1.01) || p.ess_blocks.is_none_or(|e| e < 100.0) {
            s.push_str(
                "\nThe chains have not mixed at this length (split R̂ of B above 1.01 or its ESS \
                 below 100): the shares are not reliable; rerun with a larger \
                 --posterior-thin or --posterior-samples.\n",
            );
        }
        if p.least_visited < p.start_description_length - 1e-9 {
            s.push_str(&format!(
                "\nThe chains visited a partition of {:.3} nats, below the best found ({:.3}).\n",
                p.least_visited, p.start_description_length
            ));
        }
    }
    for n in &t.notes {
        s.push_str(&format!("\nNote: {n}.\n"));
    }
    s
}

/// The table as CSV: one row per structure.
fn csv(t: &CandidateTable) -> String {
    use coprod::io::csv_number;
    coprod::io::csv_string(|w| {
        w.write_record([
            "structure",
            "blocks",
            "description_length",
            "difference",
            "standing",
            "posterior_blocks",
        ])?;
        for c in &t.candidates {
            let standing = serde_json::to_value(c.standing)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            w.write_record([
                c.name.clone(),
                c.blocks.to_string(),
                csv_number(c.description_length),
                csv_number(c.difference),
                standing,
                c.posterior_blocks.map_or_else(String::new, csv_number),
            ])?;
        }
        Ok(())
    })
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
    let request = SbmRequest {
        given,
        degree_corrected: args.degree_corrected,
        core: args.core.parse::<CoreSet>()?,
        seed: args.seed,
        restarts: args.restarts,
        posterior: args.posterior.then(|| PosteriorOptions {
            chains: args.posterior_chains,
            burn_in: args.posterior_burn_in,
            samples: args.posterior_samples,
            thin: args.posterior_thin,
            ..PosteriorOptions::default()
        }),
    };
    let t = request.table(&view)?;
    match args.format {
        SbmFormat::Md => args.output.write(&markdown(&args.view.case, &t)),
        SbmFormat::Csv => args.output.write(&csv(&t)),
        SbmFormat::Json => args
            .output
            .write(&(sbm_json(&args.view.case, &view, &t)? + "\n")),
    }
}

//! `coprod compare CASE`: the case's panel against ensembles of baselines, on
//! every coding of the robustness table.

use crate::output::OutputArgs;
use crate::view::load_case;
use clap::ValueEnum;
use coprod::compare::{Coding, CompareOptions, Comparison, DEFAULT_DRAWS, baselines_named};
use coprod::report::{comparison_csv, comparison_json, comparison_markdown, cross_case_markdown};

/// Output format of `compare`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum CompareFormat {
    /// Markdown for a reader: verdict lines, the panel, the robustness table, the tied cores.
    #[default]
    Md,
    /// One row per coding, statistic and baseline.
    Csv,
    /// Everything, undefined values null.
    Json,
}

/// Options of `compare`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// A bundled case name, a case directory, or `all` for every bundled case side by side.
    pub case: String,
    /// Comma-separated baselines: gnm, dyad, rewire, sector-rewire, block, layer-shuffle,
    /// polycentric, one-core, the counterfactuals without-core and made-polycentric
    /// (one graph each, compared value to value), or all (`coprod columns` describes each).
    #[arg(long, value_delimiter = ',', default_value = "all")]
    pub baseline: Vec<String>,
    /// Draws per baseline.
    #[arg(long, default_value_t = DEFAULT_DRAWS)]
    pub draws: usize,
    /// Seed of the ensembles (draw i uses stream i of this seed).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The core set: `kind:<kind>` or comma-separated actor ids.
    #[arg(long, default_value = "kind:party")]
    pub core: String,
    /// Comma-separated codings: directed, symmetric, projected, stated, layers, layer:<name>, all (default: all; the first is the headline).
    #[arg(long, value_delimiter = ',')]
    pub views: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: CompareFormat,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

fn options(args: &Args, case: &coprod::model::MultiplexGraph) -> coprod::Result<CompareOptions> {
    Ok(CompareOptions {
        baselines: baselines_named(&args.baseline)?,
        draws: args.draws,
        seed: args.seed,
        core: args.core.parse()?,
        codings: Coding::parse_list(case, &args.views)?,
        ..CompareOptions::default()
    })
}

/// Compare one case (or every bundled case) and write the result.
pub fn run(args: &Args) -> coprod::Result<()> {
    let cs: Vec<Comparison> = if args.case == "all" && !std::path::Path::new("all").is_dir() {
        let mut out = Vec::new();
        for g in coprod::cases::load_all()? {
            out.push(coprod::compare::compare(&g, &options(args, &g)?)?);
        }
        out
    } else {
        let g = load_case(&args.case)?;
        vec![coprod::compare::compare(&g, &options(args, &g)?)?]
    };
    let text = match args.format {
        CompareFormat::Md if cs.len() == 1 => comparison_markdown(&cs[0]),
        CompareFormat::Md => {
            let mut t = cross_case_markdown(&cs);
            for c in &cs {
                t.push('\n');
                t.push_str(&comparison_markdown(c));
            }
            t
        }
        CompareFormat::Csv => comparison_csv(&cs),
        CompareFormat::Json => format!("{}\n", comparison_json(&cs)),
    };
    args.output.write(&text)
}

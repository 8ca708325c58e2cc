//! `coprod power CASE`: the pre-registered rule's power at the case's size.

use crate::output::OutputArgs;
use crate::view::load_case;
use clap::ValueEnum;
use coprod::compare::answer::{PowerOptions, power_study, registered_core};

/// Output format of `power`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum PowerFormat {
    /// Markdown: the confusion matrix.
    #[default]
    Md,
    /// JSON: everything.
    Json,
}

/// Options of `power`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// A bundled case name, a case directory or a compact file.
    pub case: String,
    /// Planted graphs per truth (the pre-registration's 200).
    #[arg(long, default_value_t = 200)]
    pub draws: usize,
    /// Seed of the study.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The core set: `kind:<kind>` or comma-separated ids (default: the case's registered core).
    #[arg(long)]
    pub core: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: PowerFormat,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Plant every truth `--draws` times at the case's size, run the whole rule
/// on each graph and print the confusion matrix.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.case)?;
    let g = load_case(&args.case)?;
    let core = match &args.core {
        Some(c) => c.parse()?,
        None => registered_core(&g.meta().id),
    };
    let study = power_study(
        &g,
        &core,
        &PowerOptions {
            draws: args.draws,
            seed: args.seed,
            ..PowerOptions::default()
        },
    )?;
    let text = match args.format {
        PowerFormat::Md => coprod::report::power_markdown(&study),
        PowerFormat::Json => format!("{}\n", coprod::report::power_json(&study)),
    };
    args.output.write(&text)
}

//! `coprod columns`: what every column and row means.

use crate::output::OutputArgs;

/// Options of `columns`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Every column of `measures` and row of `summary`, with its reference convention.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.write(&coprod::report::columns_text())
}

//! `coprod measures CASE` and `coprod summary CASE`: the actor table and the graph summary.

use crate::output::{Format, OutputArgs};
use crate::view::ViewArgs;
use coprod::report::{ReportOptions, Table, actor_table, graph_summary};

/// Options of `measures` and `summary`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// Partition for brokerage roles and the E-I index: kind, sector, level, or a user column.
    #[arg(long, default_value = "sector")]
    pub partition: String,
    /// The core set of the hypothesis rows: `kind:<kind>` or comma-separated actor ids.
    #[arg(long, default_value = "kind:party")]
    pub core: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

impl Args {
    fn options(&self) -> coprod::Result<ReportOptions> {
        Ok(ReportOptions {
            partition: self.partition.parse()?,
            core: self.core.parse()?,
        })
    }

    fn write(&self, t: &impl Table) -> coprod::Result<()> {
        match self.format {
            Format::Csv => self.output.write(&t.to_csv()),
            Format::Json => self.output.write(&format!("{}\n", t.to_json())),
        }
    }
}

/// One row per actor.
pub fn run_table(args: &Args) -> coprod::Result<()> {
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    args.write(&actor_table(&view, &args.options()?)?)
}

/// The graph-level rows and the hypothesis rows.
pub fn run_summary(args: &Args) -> coprod::Result<()> {
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    args.write(&graph_summary(&view, &args.options()?)?)
}

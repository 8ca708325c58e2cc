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

/// Seconds per actor × tie of the exact all-pairs measures (betweenness,
/// closeness, brokerage: one search from every actor). 1.2e-8 is the rate of
/// the run reported in issue 19 (200,000 actors and 10^6 ties, about 40
/// minutes of exact betweenness); on a 2-core machine under a load of 17 the
/// whole `measures` run of a generated community of 20,236 actors and
/// 77,348 ties took 116 s (7.4e-8). The lower rate is used, so the warning
/// understates rather than overstates.
const SECONDS_PER_NODE_TIE: f64 = 1.2e-8;

/// The estimate past which `measures` and `summary` warn before they start.
const WARN_SECONDS: f64 = 60.0;

/// Warn on standard error, before anything runs, when the exact all-pairs
/// measures of a view of `n` actors and `m` ties would take minutes; name
/// the estimate and the command that scales.
fn warn_cost(n: usize, m: usize) {
    let est = SECONDS_PER_NODE_TIE * n as f64 * m as f64;
    if est > WARN_SECONDS {
        eprintln!(
            "coprod: warning: {n} actors and {m} ties: the exact all-pairs measures (betweenness, closeness, brokerage) search from every actor, about {:.0} minute(s) here (n·m·{SECONDS_PER_NODE_TIE:.1e} s); `coprod analyse` computes the measures that scale (approximate betweenness within ε) in seconds",
            est / 60.0
        );
    }
}

/// One row per actor.
pub fn run_table(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.view.case)?;
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    warn_cost(g.actor_count(), g.tie_count());
    args.write(&actor_table(&view, &args.options()?)?)
}

/// The graph-level rows and the hypothesis rows.
pub fn run_summary(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.view.case)?;
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    warn_cost(g.actor_count(), g.tie_count());
    args.write(&graph_summary(&view, &args.options()?)?)
}

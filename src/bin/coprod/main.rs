//! The `coprod` command line: a thin layer over the library, one file per command.
//!
//! Exit codes (chosen in [`exit_code`] only): 0 success; 1 the data or the
//! system failed (an invalid case directory, a file that cannot be written,
//! a measure that did not converge); 2 a mistake in what was asked (an
//! unknown case, layer, actor, attribute or kind; a parameter out of range;
//! clap's own usage errors).

mod agree;
mod analyse;
mod cases;
mod columns;
mod compare;
mod edges;
mod ergm;
mod export;
mod figure;
mod generate;
mod measures;
mod multiplex_brokerage;
mod nodes;
mod output;
mod power;
mod qap;
mod report;
mod sbm;
mod validate;
mod view;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Network analysis of co-production actor graphs.
///
/// With no command: analyse every bundled case and write the report.
#[derive(Parser)]
#[command(name = "coprod", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// No progress bars (they are drawn only when standard error is a
    /// terminal anyway). Warnings and errors still print.
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Load a case directory; print a one-line summary (exit 0) or every problem found (exit 1).
    Validate(validate::Args),
    /// List the bundled cases with actors by kind and ties by layer.
    Cases(cases::Args),
    /// The main job (also what runs with no command): measure every bundled case and write the report.
    Report(report::Args),
    /// A view's edges as CSV `source,target,weight` (each edge once), for other tools.
    Edges(edges::Args),
    /// A view's actors as CSV `id,kind,sector,level` in the view's order.
    Nodes(nodes::Args),
    /// A view as GraphML, GEXF (Gephi), Pajek, UCINET DL, node-link JSON (NetworkX) or DOT: one edge per tie.
    Export(export::Args),
    /// One row per actor with every actor-level measure (columns: `coprod columns`).
    Measures(measures::Args),
    /// The graph-level measures, with the hypothesis rows about a core set (default: the party).
    Summary(measures::Args),
    /// Gould-Fernandez roles split by the layer of the tie into and out of each broker (non-zero cells).
    MultiplexBrokerage(multiplex_brokerage::Args),
    /// The panel of one-core statistics against ensembles of baselines, with the robustness table.
    Compare(compare::Args),
    /// Describe every column of `measures` and row of `summary`, with its reference convention.
    Columns(columns::Args),
    /// Draw a case (or `all`): aggregate, each layer, the arena projection; DOT beside SVG (and PNG).
    Figure(figure::Args),
    /// A synthetic community of any size from a case's figures (one-core, polycentric or between): a case directory and a compact binary file.
    Generate(generate::Args),
    /// Inter-coder agreement of two codings of one case: actors matched, Jaccard, Cohen's kappa and Krippendorff's alpha per layer, confusion tables, every disagreement with both quotes, the core statistics on A, B, A and B, A or B.
    Agree(agree::Args),
    /// The measures that scale (degree, PageRank, cores, components, clustering, approximate betweenness) on a case of any size.
    Analyse(analyse::Args),
    /// The pre-registered rule's power at a case's size: plant one core, 2 and 3 centres and
    /// no structure in graphs of its size, run the whole rule, print the confusion matrix.
    Power(power::Args),
    /// Stochastic block models by description length (graph-tool's): a given partition, the best found, and the candidate structures (one block, core vs rest, core plus sectors, sectors) side by side.
    Sbm(sbm::Args),
    /// Fit an exponential random graph model (statnet formula) to a case: coefficients, SEs, intervals, MCMC diagnostics.
    Ergm(ergm::Args),
    /// QAP / MR-QAP: netlm or netlogit of one dyadic matrix of a case on others (sna's nulls), or the layer correlation table.
    Qap(qap::Args),
}

/// The process exit code of a result.
fn exit_code(r: &coprod::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of a pipe left (`coprod measures x | head`): not a failure.
        Err(e) if is_broken_pipe(e) => ExitCode::SUCCESS,
        Err(e) if e.is_usage() => ExitCode::from(2),
        Err(_) => ExitCode::FAILURE,
    }
}

/// Whether writing to standard output failed because its reader closed the pipe.
fn is_broken_pipe(e: &coprod::Error) -> bool {
    matches!(e, coprod::Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    coprod::progress::set_quiet(cli.quiet);
    // `validate` prints its problems itself, one per line.
    let printed = matches!(cli.command, Some(Command::Validate(_)));
    let r = match cli.command {
        None => report::run(&report::Args::default()),
        Some(Command::Validate(a)) => validate::run(&a),
        Some(Command::Cases(a)) => cases::run(&a),
        Some(Command::Report(a)) => report::run(&a),
        Some(Command::Edges(a)) => edges::run(&a),
        Some(Command::Ergm(a)) => ergm::run(&a),
        Some(Command::Nodes(a)) => nodes::run(&a),
        Some(Command::Export(a)) => export::run(&a),
        Some(Command::Measures(a)) => measures::run_table(&a),
        Some(Command::Summary(a)) => measures::run_summary(&a),
        Some(Command::MultiplexBrokerage(a)) => multiplex_brokerage::run(&a),
        Some(Command::Columns(a)) => columns::run(&a),
        Some(Command::Figure(a)) => figure::run(&a),
        Some(Command::Generate(a)) => generate::run(&a),
        Some(Command::Analyse(a)) => analyse::run(&a),
        Some(Command::Compare(a)) => compare::run(&a),
        Some(Command::Power(a)) => power::run(&a),
        Some(Command::Sbm(a)) => sbm::run(&a),
        Some(Command::Qap(a)) => qap::run(&a),
        Some(Command::Agree(a)) => agree::run(&a),
    };
    if let Err(e) = &r
        && !printed
        && !is_broken_pipe(e)
    {
        eprintln!("coprod: {e}");
    }
    exit_code(&r)
}

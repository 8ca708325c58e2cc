//! The `coprod` command line.

mod cli;

use clap::{Parser, Subcommand};
use cli::ViewArgs;
use std::path::PathBuf;
use std::process::ExitCode;

/// Network analysis of co-production actor graphs.
///
/// With no command: analyse every bundled case and print the report.
#[derive(Parser)]
#[command(name = "coprod", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Load a case directory; print a one-line summary (exit 0) or every problem found (exit 1).
    Validate {
        /// The case directory (holding case.toml, actors.csv, ties.csv).
        dir: PathBuf,
    },
    /// List the bundled cases with actors by kind and ties by layer.
    Cases,
    /// Print a view's edges as CSV `source,target,weight` (each edge once), for other tools.
    Edges(ViewArgs),
    /// Print a view's actors as CSV `id,kind,sector,level` in the view's order.
    Nodes(ViewArgs),
    /// One row per actor with every actor-level measure (columns: `coprod columns`).
    Measures(cli::MeasureArgs),
    /// The graph-level measures, with the "one core, many actors" test quantities.
    Summary(cli::MeasureArgs),
    /// Describe every column of `measures` and row of `summary`, with its reference convention.
    Columns,
}

fn report() -> ExitCode {
    let mut ok = true;
    for name in coprod::cases::names() {
        match coprod::cases::load(name) {
            Ok(g) => println!("{name}: {}", g.summary_line()),
            Err(e) => {
                eprintln!("{name}: {e}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run(command: Command) -> coprod::Result<()> {
    match command {
        Command::Validate { .. } | Command::Cases => unreachable!("handled in main"),
        Command::Edges(args) => {
            let g = args.load()?;
            let view = args.view(&g)?;
            print!("{}", cli::edges_csv(&view));
        }
        Command::Nodes(args) => {
            let g = args.load()?;
            let view = args.view(&g)?;
            print!("{}", cli::nodes_csv(&view));
        }
        Command::Measures(args) => {
            let g = args.view.load()?;
            let view = args.view.view(&g)?;
            let t = coprod::measures::summary::actor_table(&view, &args.partition.parse()?)?;
            match args.format {
                cli::Format::Csv => print!("{}", t.to_csv()),
                cli::Format::Json => println!("{}", t.to_json()),
            }
        }
        Command::Summary(args) => {
            let g = args.view.load()?;
            let view = args.view.view(&g)?;
            let s = coprod::measures::summary::graph_summary(&view, &args.partition.parse()?)?;
            match args.format {
                cli::Format::Csv => print!("{}", s.to_csv()),
                cli::Format::Json => println!("{}", s.to_json()),
            }
        }
        Command::Columns => print!("{}", cli::columns_text()),
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None | Some(Command::Cases) => report(),
        Some(Command::Validate { dir }) => match coprod::io::load_case_dir(&dir) {
            Ok(g) => {
                println!("{}: {}", dir.display(), g.summary_line());
                ExitCode::SUCCESS
            }
            Err(e) => {
                for p in e.problems() {
                    println!("{p}");
                }
                eprintln!("{}: {} problem(s)", dir.display(), e.problems().len());
                ExitCode::FAILURE
            }
        },
        Some(command) => match run(command) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("coprod: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

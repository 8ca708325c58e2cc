//! The `coprod` command line.

use clap::{Parser, Subcommand};
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
    }
}

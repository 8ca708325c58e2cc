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
    /// The main job (also what runs with no command): measure every bundled case and write the report.
    Report {
        /// Where to write the report.
        #[arg(long, default_value = "report")]
        out: PathBuf,
    },
    /// Print a view's edges as CSV `source,target,weight` (each edge once), for other tools.
    Edges(ViewArgs),
    /// Print a view's actors as CSV `id,kind,sector,level` in the view's order.
    Nodes(ViewArgs),
    /// One row per actor with every actor-level measure (columns: `coprod columns`).
    Measures(cli::MeasureArgs),
    /// The graph-level measures, with the "one core, many actors" test quantities.
    Summary(cli::MeasureArgs),
    /// Gould-Fernandez roles split by the layer of the tie into and out of each broker (non-zero cells).
    MultiplexBrokerage(cli::MultiplexArgs),
    /// Describe every column of `measures` and row of `summary`, with its reference convention.
    Columns,
}

/// Summary rows that go into the cross-case table of the report.
const REPORT_ROWS: &[&str] = &[
    "actors",
    "ties",
    "density",
    "degree_centralization",
    "betweenness_centralization",
    "party_actors",
    "party_group_degree",
    "party_group_betweenness",
    "party_core_fit",
    "best_core_fit",
    "best_core_party_share",
    "fragmentation_without_party",
    "distance_fragmentation_without_party",
];

fn fmt(x: Option<f64>) -> String {
    x.map_or("-".into(), |v| format!("{v:.3}"))
}

/// The main job: every bundled case measured on the aggregate of its positive
/// layers, printed, and written to `out` (per case `actors.csv`, `summary.csv`;
/// `cases.csv` across cases).
fn report(out: &std::path::Path) -> coprod::Result<()> {
    use coprod::measures::summary::{actor_table, graph_summary};
    use coprod::model::{Attribute, View};
    let io = |path: PathBuf, text: String| {
        std::fs::write(&path, text).map_err(|source| coprod::Error::Io { path, source })
    };
    let mut cases = format!("case,{}\n", REPORT_ROWS.join(","));
    for name in coprod::cases::names() {
        let g = coprod::cases::load(name)?;
        let view = View::aggregate(&g);
        let t = actor_table(&view, &Attribute::Sector)?;
        let s = graph_summary(&view, &Attribute::Sector)?;
        println!("{name}: {}", g.summary_line());
        println!(
            "  centralization: degree {}, betweenness {}; party actors {}: group degree {}, group betweenness {}, core fit {}",
            fmt(s.get("degree_centralization")),
            fmt(s.get("betweenness_centralization")),
            s.get("party_actors").unwrap_or(0.0),
            fmt(s.get("party_group_degree")),
            fmt(s.get("party_group_betweenness")),
            fmt(s.get("party_core_fit")),
        );
        println!(
            "  best core (fit {}, party share {}): {}",
            fmt(s.get("best_core_fit")),
            fmt(s.get("best_core_party_share")),
            s.best_core.join(", ")
        );
        println!(
            "  without the party: fragmentation F {}, distance-weighted {}",
            fmt(s.get("fragmentation_without_party")),
            fmt(s.get("distance_fragmentation_without_party")),
        );
        let mut brokers: Vec<(f64, &str, String)> = t
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                (
                    t.get(id, "brokerage").unwrap_or(0.0),
                    id.as_str(),
                    t.attrs[i][1].clone(),
                )
            })
            .filter(|b| b.0 > 0.0)
            .collect();
        brokers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let top: Vec<String> = brokers
            .iter()
            .take(5)
            .map(|(v, id, sector)| format!("{id} ({sector}) {v}"))
            .collect();
        println!(
            "  top cross-sector brokers (Gould-Fernandez total by sector): {}",
            top.join(", ")
        );
        let dir = out.join(name);
        std::fs::create_dir_all(&dir).map_err(|source| coprod::Error::Io {
            path: dir.clone(),
            source,
        })?;
        io(dir.join("actors.csv"), t.to_csv())?;
        io(dir.join("summary.csv"), s.to_csv())?;
        let row: Vec<String> = REPORT_ROWS
            .iter()
            .map(|r| s.get(r).map_or(String::new(), |v| v.to_string()))
            .collect();
        cases.push_str(&format!("{name},{}\n", row.join(",")));
    }
    io(out.join("cases.csv"), cases)?;
    println!(
        "report written to {}/ (cases.csv; <case>/actors.csv, <case>/summary.csv; columns: coprod columns)",
        out.display()
    );
    Ok(())
}

fn list_cases() -> coprod::Result<()> {
    for name in coprod::cases::names() {
        println!("{name}: {}", coprod::cases::load(name)?.summary_line());
    }
    Ok(())
}

fn run(command: Command) -> coprod::Result<()> {
    match command {
        Command::Validate { .. } => unreachable!("handled in main"),
        Command::Cases => list_cases()?,
        Command::Report { out } => report(&out)?,
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
        Command::MultiplexBrokerage(args) => print!("{}", cli::multiplex_brokerage_csv(&args)?),
    }
    Ok(())
}

fn finish(r: coprod::Result<()>) -> ExitCode {
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("coprod: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => finish(report(std::path::Path::new("report"))),
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
        Some(command) => finish(run(command)),
    }
}

//! `coprod validate DIR`: load a case directory and report every problem.

use std::path::PathBuf;

/// Options of `validate`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case directory (holding case.toml, actors.csv, ties.csv), or a compact file (`graph.coprod`).
    pub dir: PathBuf,
}

/// A compact file: read it whole (every check of [`coprod::io::read_compact`])
/// and print its one-line summary, or the problem. A directory:
/// print how the files were read (an encoding other than UTF-8, a delimiter
/// other than `,`, a missing case.toml; one line each) and a one-line
/// summary, or every problem (one per line) and their count.
pub fn run(args: &Args) -> coprod::Result<()> {
    if args.dir.is_file() {
        let c = coprod::io::read_compact(&args.dir).inspect_err(|e| println!("{e}"))?;
        println!("{}: {}", args.dir.display(), c.summary_line());
        return Ok(());
    }
    match coprod::io::load_case_dir_with_notes(&args.dir) {
        Ok(loaded) => {
            for n in &loaded.notes {
                if n.is_warning() {
                    println!("warning: {n}");
                } else {
                    println!("{n}");
                }
            }
            println!("{}: {}", args.dir.display(), loaded.graph.summary_line());
            Ok(())
        }
        Err(e) => {
            for p in e.problems() {
                println!("{p}");
            }
            eprintln!("{}: {} problem(s)", args.dir.display(), e.problems().len());
            Err(e)
        }
    }
}

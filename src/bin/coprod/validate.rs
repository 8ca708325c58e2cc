//! `coprod validate DIR`: load a case directory and report every problem.

use std::path::PathBuf;

/// Options of `validate`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case directory (holding case.toml, actors.csv, ties.csv).
    pub dir: PathBuf,
}

/// Print a one-line summary, or every problem (one per line) and their count.
pub fn run(args: &Args) -> coprod::Result<()> {
    match coprod::io::load_case_dir(&args.dir) {
        Ok(g) => {
            println!("{}: {}", args.dir.display(), g.summary_line());
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

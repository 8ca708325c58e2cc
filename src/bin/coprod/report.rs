//! `coprod report` (and `coprod` alone): the main job.

use std::path::PathBuf;

/// Options of `report`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Where to write the report.
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
}

impl Default for Args {
    fn default() -> Self {
        Args {
            out: PathBuf::from("report"),
        }
    }
}

/// Draw every case's figures, then measure every bundled case, print the
/// findings and write the report (tables, `index.html` with the figures
/// inline, `index.md`).
pub fn run(args: &Args) -> coprod::Result<()> {
    crate::figure::write_bundled(&args.out)?;
    coprod::report::write_bundled_report(&args.out, &mut std::io::stdout().lock())
}

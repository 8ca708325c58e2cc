//! `coprod report` (and `coprod` alone): the main job.

use std::path::PathBuf;

/// Options of `report`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Where to write the report.
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
    /// Draws per random baseline of each case's comparison.
    #[arg(long, default_value_t = coprod::compare::DEFAULT_DRAWS)]
    pub draws: usize,
}

impl Default for Args {
    fn default() -> Self {
        Args {
            out: PathBuf::from("report"),
            draws: coprod::compare::DEFAULT_DRAWS,
        }
    }
}

/// Draw every case's figures, then measure every bundled case, print the
/// findings, compare each case with every baseline and write the report
/// (tables as CSV and JSON, the comparisons, `index.html` with the figures
/// inline, `index.md`), then the comparison plots in `<out>/plots/`.
pub fn run(args: &Args) -> coprod::Result<()> {
    crate::figure::write_bundled(&args.out)?;
    let cs = coprod::report::write_bundled_report(
        &args.out,
        &coprod::report::main_job_compare_options(args.draws),
        &mut std::io::stdout().lock(),
    )?;
    let graphs = cs
        .iter()
        .map(|c| coprod::cases::load(&c.case))
        .collect::<coprod::Result<Vec<_>>>()?;
    let dir = args.out.join("plots");
    let files = crate::compare::plots(&cs, &graphs, &dir, &Default::default(), true)?;
    println!(
        "{} comparison plots in {}/ (per case: one per statistic, the dial curves, betweenness by kind; cross_case.svg)",
        files.len(),
        dir.display()
    );
    Ok(())
}

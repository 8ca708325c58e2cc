//! `coprod generate`: a synthetic community from a case's figures, written as
//! a case directory (CSV) and a compact binary file that every command reads.

use coprod::generate::{CommunitySpec, Variant, community};
use coprod::progress::Progress;
use std::path::PathBuf;

/// Options of `generate`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case whose figures the community follows (a bundled case or a case directory).
    #[arg(long, default_value = "jinsong")]
    pub like: String,
    /// Residents in all (up to 2^31).
    #[arg(long)]
    pub residents: usize,
    /// `one-core` (the party leads every organisation), `polycentric` (each sector's head leads its own), or `dial:<λ>`.
    #[arg(long, default_value = "one-core")]
    pub variant: String,
    /// Seed of every draw.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The directory to write: case.toml, actors.csv, ties.csv and graph.coprod.
    #[arg(long)]
    pub out: PathBuf,
    /// Write only graph.coprod, not the CSV case files (about 30 bytes per tie on disk).
    #[arg(long)]
    pub binary_only: bool,
}

/// Generate, write, and print one line: the directory, actors and ties.
pub fn run(args: &Args) -> coprod::Result<()> {
    let variant: Variant = args.variant.parse()?;
    let case = crate::view::load_case(&args.like)?;
    let spec = CommunitySpec {
        variant,
        ..CommunitySpec::like(&case, args.residents)?
    };
    let c = community(&spec, args.seed)?;
    std::fs::create_dir_all(&args.out).map_err(|e| coprod::io::write_error(&args.out, e))?;
    let binary = args.out.join("graph.coprod");
    let ties = coprod::io::write_compact(&c, &binary, Progress::Auto)?;
    if !args.binary_only {
        coprod::io::write_case_csv(&c, &args.out, Progress::Auto)?;
    }
    println!(
        "{}: {} actors ({} residents, {} households, {} buildings, {} communities), {} ties, variant {}, seed {}",
        args.out.display(),
        c.node_count(),
        c.residents(),
        c.households(),
        c.buildings(),
        c.communities(),
        ties,
        spec.variant,
        args.seed
    );
    Ok(())
}

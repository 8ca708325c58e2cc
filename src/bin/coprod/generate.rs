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
    /// Write only graph.coprod, not the CSV case files (about 30 bytes per tie on disk); CSV case files already in `--out` are removed, so they cannot disagree with the binary.
    #[arg(long)]
    pub binary_only: bool,
    /// Replace the files of a non-empty `--out` directory (without it, a non-empty directory is refused).
    #[arg(long)]
    pub force: bool,
}

/// The files `generate` writes into `--out`.
const FILES: [&str; 4] = ["graph.coprod", "case.toml", "actors.csv", "ties.csv"];

/// Refuse a non-empty `out` without `--force`, and an `out` that holds the
/// `--like` case's own files even with it.
fn check_out(args: &Args) -> coprod::Result<()> {
    let out = &args.out;
    let entries: Vec<String> = match std::fs::read_dir(out) {
        Ok(rd) => rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(coprod::io::write_error(out, e)),
    };
    for f in FILES {
        crate::view::refuse_overwrite(&out.join(f), &args.like)?;
    }
    if !entries.is_empty() && !args.force {
        let mut shown: Vec<String> = entries.iter().take(4).cloned().collect();
        if entries.len() > 4 {
            shown.push(format!("… {} entries in all", entries.len()));
        }
        return Err(coprod::Error::OutputNotEmpty {
            path: out.clone(),
            found: shown.join(", "),
            flag: "--force",
        });
    }
    Ok(())
}

/// Write the binary and (unless `--binary-only`) the CSV case into a staging
/// directory inside `out`, then rename each into place: a failure before the
/// renames leaves the old files as they were; with `--binary-only`, old CSV
/// files are removed once the new binary is in place.
fn write_staged(args: &Args, c: &coprod::generate::Community) -> coprod::Result<u64> {
    let out = &args.out;
    let stage = out.join(format!(".coprod-generate-{}", std::process::id()));
    std::fs::create_dir_all(&stage).map_err(|e| coprod::io::write_error(&stage, e))?;
    let written = (|| {
        let ties = coprod::io::write_compact(c, stage.join("graph.coprod"), Progress::Auto)?;
        if !args.binary_only {
            coprod::io::write_case_csv(c, &stage, Progress::Auto)?;
        }
        Ok::<u64, coprod::Error>(ties)
    })();
    let renamed = written.and_then(|ties| {
        for f in FILES {
            let from = stage.join(f);
            let to = out.join(f);
            if from.exists() {
                std::fs::rename(&from, &to).map_err(|e| coprod::io::write_error(&to, e))?;
            } else if to.exists() {
                std::fs::remove_file(&to).map_err(|e| coprod::io::write_error(&to, e))?;
            }
        }
        Ok(ties)
    });
    std::fs::remove_dir_all(&stage).ok();
    renamed
}

/// Generate, write, and print one line: the directory, actors and ties.
pub fn run(args: &Args) -> coprod::Result<()> {
    let variant: Variant = args.variant.parse()?;
    check_out(args)?;
    let case = crate::view::load_case(&args.like)?;
    let spec = CommunitySpec {
        variant,
        ..CommunitySpec::like(&case, args.residents)?
    };
    let c = community(&spec, args.seed)?;
    let ties = write_staged(args, &c)?;
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

//! Choosing a case and a view of it: the options every command that takes a case shares.

use clap::{Args, ValueEnum};
use coprod::model::{Aggregation, ArenaProjection, Layers, MultiplexGraph, View};
use std::path::{Path, PathBuf};

/// How parallel ties merge (CLI spelling of [`Aggregation`]).
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum AggregationArg {
    /// Sum the weights.
    #[default]
    Sum,
    /// Count the ties.
    Count,
    /// Keep the largest weight.
    Max,
}

impl From<AggregationArg> for Aggregation {
    fn from(a: AggregationArg) -> Aggregation {
        match a {
            AggregationArg::Sum => Aggregation::Sum,
            AggregationArg::Count => Aggregation::Count,
            AggregationArg::Max => Aggregation::Max,
        }
    }
}

/// Which layers, and how a snapshot reads them: the flags `analyse` shares
/// with every command that takes a view.
#[derive(Args, Debug, Clone)]
pub struct LayerArgs {
    /// Comma-separated layers; `positive` for every positive layer (the default: all but tension), `all` for every layer.
    #[arg(long, value_delimiter = ',')]
    pub layers: Vec<String>,
    /// Read every tie as undirected.
    #[arg(long)]
    pub symmetric: bool,
    /// How parallel ties (several layers, repeated ties) merge.
    #[arg(long, value_enum, default_value_t)]
    pub aggregation: AggregationArg,
}

/// Which case and which view of it.
#[derive(Args, Debug, Clone)]
pub struct ViewArgs {
    /// A bundled case name (see `coprod cases`), a case directory, or a compact file (`graph.coprod`).
    pub case: String,
    /// The layers and how they are read.
    #[command(flatten)]
    pub snapshot: LayerArgs,
    /// Comma-separated actor ids to leave out.
    #[arg(long, value_delimiter = ',')]
    pub without: Vec<String>,
    /// Replace arenas by co-membership ties among their (deliberation) members.
    #[arg(long)]
    pub project_arenas: bool,
}

/// Whether `case` is meant as a path rather than a bundled case's name: it
/// holds a path separator, starts with `.` or `~`, or ends in `.coprod`.
fn looks_like_path(case: &str) -> bool {
    case.contains('/')
        || case.contains(std::path::MAIN_SEPARATOR)
        || case.starts_with('.')
        || case.starts_with('~')
        || case.ends_with(".coprod")
}

/// A compact file (`graph.coprod`, from `coprod generate`) if `case` is a
/// file, a case directory if one exists at that path, else a bundled case by
/// name. A path that exists but is neither (a FIFO, a device) is refused by
/// its type; a name that looks like a path and does not exist is a missing
/// path, not an unknown bundled case.
/// How a directory's files were read (an encoding, a delimiter) goes to
/// standard error, one `coprod: note:` line each (`coprod: warning:` for a
/// guess that could change values).
pub fn load_case(case: &str) -> coprod::Result<MultiplexGraph> {
    let p = Path::new(case);
    if p.is_file() {
        return coprod::io::read_compact(p)?.to_multiplex();
    }
    if p.is_dir() {
        let loaded = coprod::io::load_case_dir_with_notes(case)?;
        print_notes(&loaded.notes);
        if p.join("graph.coprod").exists() {
            eprintln!(
                "coprod: note: read the CSV files of {case} (its graph.coprod is read by `coprod analyse`)"
            );
        }
        return Ok(loaded.graph);
    }
    check_path(case)?;
    coprod::cases::load(case)
}

/// For a `case` that is neither a file nor a directory: an error when it
/// exists (a FIFO, a device: refused by type) or looks like a path.
pub fn check_path(case: &str) -> coprod::Result<()> {
    let p = Path::new(case);
    if p.exists() || looks_like_path(case) {
        // Says what the path is (a FIFO, a device) or that it is missing.
        coprod::io::read_compact(p)?;
    }
    Ok(())
}

/// Print load notes to standard error: warnings as `coprod: warning:`,
/// the rest as `coprod: note:`.
pub fn print_notes(notes: &[coprod::io::LoadNote]) {
    for n in notes {
        let word = if n.is_warning() { "warning" } else { "note" };
        eprintln!("coprod: {word}: {n}");
    }
}

/// The files a command reads for `case`: the file itself, or a case
/// directory's `case.toml`, `actors.csv`, `ties.csv` and `graph.coprod`
/// (none for a bundled case).
pub fn input_files(case: &str) -> Vec<PathBuf> {
    let p = Path::new(case);
    if p.is_dir() {
        ["case.toml", "actors.csv", "ties.csv", "graph.coprod"]
            .iter()
            .map(|f| p.join(f))
            .collect()
    } else if p.exists() {
        vec![p.to_path_buf()]
    } else {
        Vec::new()
    }
}

/// Refuse to write `out` when it is one of `case`'s input files (by
/// identity: the same file under another name, a link to it, counts).
pub fn refuse_overwrite(out: &Path, case: &str) -> coprod::Result<()> {
    let Ok(o) = std::fs::metadata(out) else {
        return Ok(()); // nothing there yet: not an input
    };
    for input in input_files(case) {
        if let Ok(i) = std::fs::metadata(&input)
            && same_file(&o, &i)
        {
            return Err(coprod::Error::OutputIsInput {
                path: out.to_path_buf(),
                input,
            });
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

impl LayerArgs {
    /// The mask over `layers` of the selection ([`coprod::model::select_layers`]).
    pub fn mask(&self, layers: &[coprod::model::LayerSpec]) -> coprod::Result<Vec<bool>> {
        coprod::model::select_layers(layers, &self.layers)
    }
}

impl ViewArgs {
    /// Load the case (a directory if one exists at that path, else a bundled
    /// case), with its arenas projected if asked.
    pub fn load(&self) -> coprod::Result<MultiplexGraph> {
        let g = load_case(&self.case)?;
        if self.project_arenas {
            g.project_arenas(&ArenaProjection::default())
        } else {
            Ok(g)
        }
    }

    /// The layers the options name, read by [`coprod::model::select_layers`]
    /// (`all`, `positive`, names); with projected arenas, the co-membership
    /// layer too.
    fn layers(&self, g: &MultiplexGraph) -> coprod::Result<Layers> {
        if self.snapshot.layers.is_empty() {
            return Ok(Layers::Positive);
        }
        let mask = self.snapshot.mask(g.layers())?;
        let mut names: Vec<String> = g
            .layers()
            .iter()
            .zip(&mask)
            .filter(|(_, m)| **m)
            .map(|(l, _)| l.name.clone())
            .collect();
        if self.project_arenas && !names.iter().any(|n| n == coprod::model::COMEMBERSHIP) {
            names.push(coprod::model::COMEMBERSHIP.to_string());
        }
        Ok(Layers::Only(names))
    }

    /// The view the options describe.
    pub fn view<'g>(&self, g: &'g MultiplexGraph) -> coprod::Result<View<'g>> {
        let agg = Aggregation::from(self.snapshot.aggregation);
        let mut v = View::new(g, &self.layers(g)?)?
            .with_aggregation(agg)
            .without(&self.without)?;
        if self.snapshot.symmetric {
            v = v.symmetrized();
        }
        Ok(v)
    }
}

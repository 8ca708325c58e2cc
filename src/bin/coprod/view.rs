//! Choosing a case and a view of it: the options every command that takes a case shares.

use clap::{Args, ValueEnum};
use coprod::model::{Aggregation, ArenaProjection, Layers, MultiplexGraph, Sign, View};
use std::path::Path;

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

/// Which case and which view of it.
#[derive(Args, Debug, Clone)]
pub struct ViewArgs {
    /// A bundled case name (see `coprod cases`), a case directory, or a compact file (`graph.coprod`).
    pub case: String,
    /// Comma-separated layers; `positive` for every positive layer (the default: all but tension), `all` for every layer.
    #[arg(long, value_delimiter = ',')]
    pub layers: Vec<String>,
    /// Read every tie as undirected.
    #[arg(long)]
    pub symmetric: bool,
    /// How parallel ties (several layers, repeated ties) merge.
    #[arg(long, value_enum, default_value_t)]
    pub aggregation: AggregationArg,
    /// Comma-separated actor ids to leave out.
    #[arg(long, value_delimiter = ',')]
    pub without: Vec<String>,
    /// Replace arenas by co-membership ties among their (deliberation) members.
    #[arg(long)]
    pub project_arenas: bool,
}

/// A compact file (`graph.coprod`, from `coprod generate`) if `case` is a
/// file, a case directory if one exists at that path, else a bundled case by
/// name.
/// How a directory's files were read (an encoding, a delimiter) goes to
/// standard error, one `coprod: note:` line each.
pub fn load_case(case: &str) -> coprod::Result<MultiplexGraph> {
    let p = Path::new(case);
    if p.is_file() {
        return coprod::io::read_compact(p)?.to_multiplex();
    }
    if p.is_dir() {
        let loaded = coprod::io::load_case_dir_with_notes(case)?;
        for n in &loaded.notes {
            eprintln!("coprod: note: {n}");
        }
        Ok(loaded.graph)
    } else {
        coprod::cases::load(case)
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

    /// The layers the options name: `all` anywhere means every layer;
    /// `positive` stands for every positive layer; other names are checked
    /// against the graph when the view is built.
    fn layers(&self, g: &MultiplexGraph) -> Layers {
        if self.layers.is_empty() {
            return Layers::Positive;
        }
        if self.layers.iter().any(|n| n == "all") {
            return Layers::All;
        }
        let mut names: Vec<String> = Vec::new();
        for n in &self.layers {
            if n == "positive" {
                names.extend(
                    g.layers()
                        .iter()
                        .filter(|l| l.sign == Sign::Positive)
                        .map(|l| l.name.clone()),
                );
            } else {
                names.push(n.clone());
            }
        }
        if self.project_arenas && !names.iter().any(|n| n == coprod::model::COMEMBERSHIP) {
            names.push(coprod::model::COMEMBERSHIP.to_string());
        }
        names.dedup();
        Layers::Only(names)
    }

    /// The view the options describe.
    pub fn view<'g>(&self, g: &'g MultiplexGraph) -> coprod::Result<View<'g>> {
        let agg = Aggregation::from(self.aggregation);
        let mut v = View::new(g, &self.layers(g))?
            .with_aggregation(agg)
            .without(&self.without)?;
        if self.symmetric {
            v = v.symmetrized();
        }
        Ok(v)
    }
}

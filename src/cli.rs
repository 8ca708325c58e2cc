//! Shared pieces of the command line: choosing a case and a view, writing CSV.

use clap::{Args, ValueEnum};
use coprod::model::{Aggregation, ArenaProjection, Layers, MultiplexGraph, View};
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

/// A case directory, if one exists at that path, else a bundled case by name.
pub fn load_case(case: &str) -> coprod::Result<MultiplexGraph> {
    if Path::new(case).is_dir() {
        coprod::io::load_case_dir(case)
    } else {
        coprod::cases::load(case)
    }
}

/// Which case and which view of it.
#[derive(Args, Debug, Clone)]
pub struct ViewArgs {
    /// A bundled case name (see `coprod cases`) or a case directory.
    pub case: String,
    /// Comma-separated layers (default: every positive layer, i.e. all but tension; `all` for every layer).
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

impl ViewArgs {
    /// Load the case: a directory if one exists at that path, else a bundled case.
    pub fn load(&self) -> coprod::Result<MultiplexGraph> {
        let g = load_case(&self.case)?;
        if self.project_arenas {
            g.project_arenas(&ArenaProjection::default())
        } else {
            Ok(g)
        }
    }

    /// The view the options describe.
    pub fn view<'g>(&self, g: &'g MultiplexGraph) -> coprod::Result<View<'g>> {
        let layers = match self.layers.as_slice() {
            [] => Layers::Positive,
            [one] if one == "all" => Layers::All,
            names => {
                let mut names = names.to_vec();
                if self.project_arenas && !names.iter().any(|n| n == coprod::model::COMEMBERSHIP) {
                    names.push(coprod::model::COMEMBERSHIP.to_string());
                }
                Layers::Only(names)
            }
        };
        let agg = match self.aggregation {
            AggregationArg::Sum => Aggregation::Sum,
            AggregationArg::Count => Aggregation::Count,
            AggregationArg::Max => Aggregation::Max,
        };
        let mut v = View::new(g, &layers)?
            .with_aggregation(agg)
            .without(&self.without)?;
        if self.symmetric {
            v = v.symmetrized();
        }
        Ok(v)
    }
}

fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new())
}

fn finish(w: csv::Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner().expect("in memory")).expect("utf-8")
}

/// `source,target,weight`, each edge of the view's snapshot once.
pub fn edges_csv(view: &View<'_>) -> String {
    let ids = view.ids();
    let mut w = writer();
    w.write_record(["source", "target", "weight"])
        .expect("in memory");
    for (u, v, x) in view.csr().edges() {
        w.write_record([ids[u as usize], ids[v as usize], &x.to_string()])
            .expect("in memory");
    }
    finish(w)
}

/// `id,kind,sector,level` of the view's actors, in the view's order.
pub fn nodes_csv(view: &View<'_>) -> String {
    let g = view.graph();
    let mut w = writer();
    w.write_record(["id", "kind", "sector", "level"])
        .expect("in memory");
    for i in view.actor_indices() {
        let a = g.actor(i);
        w.write_record([
            a.id.as_str(),
            a.kind.as_str(),
            a.sector().as_str(),
            a.level.as_str(),
        ])
        .expect("in memory");
    }
    finish(w)
}

/// Output format of `measures` and `summary`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum Format {
    /// Comma-separated values, undefined values empty.
    #[default]
    Csv,
    /// JSON, undefined values null.
    Json,
}

/// Options of `measures` and `summary`.
#[derive(Args, Debug, Clone)]
pub struct MeasureArgs {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// Partition for brokerage roles and the E-I index: kind, sector, level, or a user column.
    #[arg(long, default_value = "sector")]
    pub partition: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// The documentation of every column of `measures` and every row of `summary`.
pub fn columns_text() -> String {
    use coprod::measures::summary::{ACTOR_COLUMNS, GRAPH_ROWS};
    let mut out = String::from(
        "coprod measures: one row per actor\n  id, kind, sector, level: the actor\n  group: its class in --partition\n",
    );
    for (name, doc) in ACTOR_COLUMNS {
        out.push_str(&format!("  {name}: {doc}\n"));
    }
    out.push_str("\ncoprod summary: one row per graph-level measure\n");
    for (name, doc) in GRAPH_ROWS {
        out.push_str(&format!("  {name}: {doc}\n"));
    }
    out.push_str("  best_core: ids of the best core found, `;`-separated\n");
    out
}

/// Options of `multiplex-brokerage`.
#[derive(Args, Debug, Clone)]
pub struct MultiplexArgs {
    /// A bundled case name or a case directory.
    pub case: String,
    /// Comma-separated layers (default: every positive layer that has ties).
    #[arg(long, value_delimiter = ',')]
    pub layers: Vec<String>,
    /// Partition of the actors: kind, sector, level, or a user column.
    #[arg(long, default_value = "sector")]
    pub partition: String,
}

/// `id,kind,sector,group,role,layer_in,layer_out,count`, one row per non-zero
/// cell of `coprod::measures::brokerage::multiplex_brokerage`, in actor, role,
/// layer order.
pub fn multiplex_brokerage_csv(args: &MultiplexArgs) -> coprod::Result<String> {
    use coprod::measures::brokerage::{Role, multiplex_brokerage};
    use coprod::model::{Partition, Sign};
    let g = load_case(&args.case)?;
    let names: Vec<String> = if args.layers.is_empty() {
        let used: Vec<&str> = g.count_by_layer().into_iter().map(|(l, _)| l).collect();
        g.layers()
            .iter()
            .filter(|l| l.sign == Sign::Positive && used.contains(&l.name.as_str()))
            .map(|l| l.name.clone())
            .collect()
    } else {
        args.layers.clone()
    };
    let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
    let layers = coprod::measures::multiplex::layer_csrs(&g, &refs)?;
    let partition = Partition::of_graph(&g, &args.partition.parse()?);
    let x = multiplex_brokerage(&layers, &partition)?;
    let role_names = [
        "coordinator",
        "itinerant",
        "representative",
        "gatekeeper",
        "liaison",
    ];
    let mut w = writer();
    w.write_record([
        "id",
        "kind",
        "sector",
        "group",
        "role",
        "layer_in",
        "layer_out",
        "count",
    ])
    .expect("in memory");
    for (i, a) in g.actors().enumerate() {
        for role in Role::ROLES {
            for (li, lin) in names.iter().enumerate() {
                for (lo, lout) in names.iter().enumerate() {
                    let c = x[[i, role.index(), li, lo]];
                    if c != 0.0 {
                        w.write_record([
                            a.id.as_str(),
                            a.kind.as_str(),
                            a.sector().as_str(),
                            &partition.labels()[partition.group(i) as usize],
                            role_names[role.index()],
                            lin,
                            lout,
                            &c.to_string(),
                        ])
                        .expect("in memory");
                    }
                }
            }
        }
    }
    Ok(finish(w))
}

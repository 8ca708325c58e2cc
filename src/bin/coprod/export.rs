//! `coprod export CASE --format F`: a view for Gephi, NetworkX, igraph, R,
//! Pajek, UCINET or Graphviz.

use crate::output::OutputArgs;
use crate::view::ViewArgs;
use clap::ValueEnum;
use coprod::io::ExportFormat;

/// The export formats (CLI spelling of [`ExportFormat`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// GraphML: node attributes kind, sector, level, label, label_zh; edge attributes layer, weight, certainty.
    Graphml,
    /// GEXF 1.2 for Gephi, with the same attributes.
    Gexf,
    /// Pajek .net: ids as vertex labels, the layer as edge label `l`.
    Pajek,
    /// UCINET DL: one labelled full matrix per layer.
    Dl,
    /// NetworkX node-link JSON (`networkx.node_link_graph`).
    Json,
    /// Graphviz DOT.
    Dot,
}

/// Options of `export`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// The file format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Write the view in the chosen format.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.view.case)?;
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    let format = match args.format {
        FormatArg::Graphml => ExportFormat::GraphMl,
        FormatArg::Gexf => ExportFormat::Gexf,
        FormatArg::Pajek => ExportFormat::Pajek,
        FormatArg::Dl => ExportFormat::UcinetDl,
        FormatArg::Json => ExportFormat::NodeLinkJson,
        FormatArg::Dot => ExportFormat::Dot,
    };
    args.output.write(&coprod::io::export(&view, format))
}

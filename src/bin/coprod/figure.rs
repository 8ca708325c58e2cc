//! `coprod figure CASE`: the figures of a case (or of every bundled case).

use crate::view::load_case;
use coprod::model::{Layers, MultiplexGraph, View};
use coprod::report::{ReportOptions, actor_column, actor_table};
use coprod::viz::{
    ClusterBy, Column, Drawn, Engine, FigureOptions, Format, Lang, Renderer, write_case_figures,
};
use std::path::PathBuf;

/// Options of `figure`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// A bundled case name, a case directory, or `all` for every bundled case.
    pub case: String,
    /// Comma-separated layers to draw (default: every layer, tension included).
    #[arg(long, value_delimiter = ',')]
    pub layer: Vec<String>,
    /// Clusters: level, sector or none.
    #[arg(long, default_value = "level")]
    pub by: String,
    /// Size nodes by an actor column of `coprod measures` (see `coprod columns`),
    /// computed on the aggregate of the positive layers.
    #[arg(long, value_name = "COLUMN")]
    pub size_by: Option<String>,
    /// Labels in English (`en`) or Chinese: `zh-Hans` (Simplified), `zh-Hant`
    /// (Traditional), `zh` (the script of the case's own labels).
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// What to write beside each DOT file: svg, png (SVG and PNG) or dot (DOT only).
    #[arg(long, default_value = "svg")]
    pub format: String,
    /// The renderer: auto (Graphviz if installed, else pure Rust), graphviz, pure-rust.
    #[arg(long, default_value = "auto")]
    pub renderer: String,
    /// Where to write: figures go to `<out>/<case id>/`.
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
}

fn engine(name: &str) -> coprod::Result<Engine> {
    match name {
        "auto" => Ok(Engine::Auto),
        "graphviz" => Ok(Engine::Graphviz),
        "pure-rust" => Ok(Engine::PureRust),
        other => Err(coprod::Error::UnknownName {
            what: "renderer",
            value: other.to_string(),
            available: coprod::Names::of(["auto", "graphviz", "pure-rust"], other),
        }),
    }
}

/// The size column: `name` of the actor table on the aggregate view.
fn size_column(g: &MultiplexGraph, name: &str) -> coprod::Result<Column> {
    actor_column(name)?;
    let table = actor_table(&View::aggregate(g), &ReportOptions::default())?;
    let values = table
        .column(name)?
        .into_iter()
        .map(|(id, v)| (id.to_string(), v))
        .collect();
    Ok(Column::new(name, values))
}

/// Write the figures and list the files; say when Graphviz was not there.
pub fn run(args: &Args) -> coprod::Result<()> {
    let lang: Lang = args.lang.parse()?;
    let cluster_by: ClusterBy = args.by.parse()?;
    let format: Format = args.format.parse()?;
    let renderer = Renderer {
        engine: engine(&args.renderer)?,
        ..Renderer::default()
    };
    if let Some(name) = &args.size_by {
        actor_column(name)?;
    }
    let graphs: Vec<MultiplexGraph> = if args.case == "all" {
        coprod::cases::load_all()?
    } else {
        vec![load_case(&args.case)?]
    };
    let mut fell_back = false;
    for g in &graphs {
        let opts = FigureOptions {
            lang,
            cluster_by,
            layers: if args.layer.is_empty() {
                Layers::All
            } else {
                Layers::Only(args.layer.clone())
            },
            size_by: args
                .size_by
                .as_deref()
                .map(|name| size_column(g, name))
                .transpose()?,
            title: None,
            renderer: renderer.clone(),
        };
        let dir = crate::output::case_dir(&args.out, &g.meta().id)?;
        let written = write_case_figures(g, &opts, format, &dir)?;
        fell_back |= written.engine == Some(Drawn::PureRust);
        for f in &written.files {
            println!("{}", f.display());
        }
    }
    if fell_back && renderer.engine == Engine::Auto {
        warn_fallback();
    }
    Ok(())
}

fn warn_fallback() {
    eprintln!(
        "coprod: Graphviz (`dot`) not found: drew with the pure-Rust layout (no clusters); \
         `apt-get install graphviz` for Graphviz quality"
    );
}

/// The main job's figures: every bundled case, nodes sized by betweenness,
/// SVG beside DOT in `<out>/<case>/`; one line per case.
pub fn write_bundled(out: &std::path::Path) -> coprod::Result<()> {
    let mut fell_back = false;
    for g in coprod::cases::load_all()? {
        let opts = FigureOptions {
            size_by: Some(size_column(&g, "betweenness")?),
            ..FigureOptions::default()
        };
        let dir = crate::output::case_dir(out, &g.meta().id)?;
        let written = write_case_figures(&g, &opts, Format::Svg, &dir)?;
        fell_back |= written.engine == Some(Drawn::PureRust);
        // The case beside one draw of its matched polycentric baseline (same
        // actors, same ties per layer; seed 1), nodes where the case has them.
        let poly =
            coprod::baselines::polycentric(&g, &coprod::baselines::MatchedOptions::default(), 1)?;
        let side = FigureOptions {
            title: Some(format!(
                "{}: the case and a matched polycentric draw (same actors and ties per layer; seed 1)",
                g.meta().id
            )),
            size_by: None,
            ..opts.clone()
        };
        let pair = coprod::viz::write_side_by_side(
            &g,
            &poly,
            ("case", "matched polycentric"),
            &side,
            Format::Svg,
            &dir.join("vs_polycentric"),
        )?;
        println!(
            "{}: {} figure files in {}/ (aggregate.svg, layer_*.svg, layers.svg, arenas.svg, vs_polycentric.svg)",
            g.meta().id,
            written.files.len() + pair.len(),
            dir.display()
        );
    }
    if fell_back {
        warn_fallback();
    }
    Ok(())
}

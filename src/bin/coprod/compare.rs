//! `coprod compare CASE`: the case's panel against ensembles of baselines, on
//! every coding of the robustness table.

use crate::output::OutputArgs;
use crate::view::load_case;
use clap::ValueEnum;
use coprod::compare::{CompareRequest, Comparison, DEFAULT_DIAL_DRAWS, DEFAULT_DRAWS};
use coprod::report::{comparison_csv, comparison_json, comparison_markdown, cross_case_markdown};

/// Output format of `compare`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum CompareFormat {
    /// Markdown for a reader: verdict lines, the panel, the robustness table, the tied cores.
    #[default]
    Md,
    /// One row per coding, statistic and baseline.
    Csv,
    /// Everything, undefined values null.
    Json,
}

/// Options of `compare`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// A bundled case name, a case directory, or `all` for every bundled case side by side.
    pub case: String,
    /// Comma-separated baselines: gnm, dyad, rewire, sector-rewire, block, layer-shuffle,
    /// polycentric, one-core, the counterfactuals without-core and made-polycentric
    /// (one graph each, compared value to value), or all (`coprod columns` describes each).
    #[arg(long, value_delimiter = ',', default_value = "all")]
    pub baseline: Vec<String>,
    /// Draws per baseline.
    #[arg(long, default_value_t = DEFAULT_DRAWS)]
    pub draws: usize,
    /// Seed of the ensembles (draw i uses stream i of this seed).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The core set: `kind:<kind>` or comma-separated actor ids (default:
    /// `kind:party` for the panel; the answer uses the case's registered core,
    /// `civil_affairs_bureau` in x_district, the party actors elsewhere).
    #[arg(long)]
    pub core: Option<String>,
    /// Do not run the pre-registered answer (E1 SBM, E2 core–periphery pairs,
    /// E3 the fitted ERGM, E4 its counterfactual; docs/PREREGISTRATION.md).
    #[arg(long)]
    pub no_answer: bool,
    /// The case's second coding (a case directory) for the answer's codings
    /// coding_b, a_and_b and a_or_b (default: a bundled case's `coding_b/`).
    #[arg(long, value_name = "DIR")]
    pub coding_b: Option<String>,
    /// The actor map between the codings (`a,b` rows, as `coprod agree --map`;
    /// default for a bundled case: its `coding_b_map.csv`).
    #[arg(long, value_name = "FILE", requires = "coding_b")]
    pub map: Option<std::path::PathBuf>,
    /// Comma-separated codings of the exploratory panel: directed, symmetric, projected, stated, layers, layer:<name>, all (default: all; the first is the headline). The answer always runs on its pre-registered codings.
    #[arg(long, value_delimiter = ',')]
    pub views: Vec<String>,
    /// Do not estimate where the case sits on the dial (λ̂).
    #[arg(long)]
    pub no_dial: bool,
    /// Draws per grid point of the dial fit (13 points).
    #[arg(long, default_value_t = DEFAULT_DIAL_DRAWS)]
    pub dial_draws: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: CompareFormat,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
    /// Also write the plots into DIR: per statistic of the headline coding the
    /// baselines' distributions with the case marked, betweenness by kind
    /// (`DIR/<case>/`), and the cross-case z-scores (`DIR/cross_case.svg`).
    #[arg(long, value_name = "DIR")]
    pub plots: Option<std::path::PathBuf>,
    /// The plots' words in English (`en`) or Chinese (`zh-Hans` Simplified,
    /// `zh-Hant` or `zh` Traditional; needs a CJK font).
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// The plots as svg, or png (SVG and PNG).
    #[arg(long, default_value = "svg")]
    pub plot_format: String,
}

fn request(args: &Args) -> CompareRequest {
    CompareRequest {
        baselines: args.baseline.clone(),
        draws: args.draws,
        seed: args.seed,
        core: args.core.clone(),
        views: args.views.clone(),
        dial: !args.no_dial,
        dial_draws: args.dial_draws,
        answer: !args.no_answer,
    }
}

const BY_KIND: &str = "betweenness";

/// Write the plots of `cs` into `dir` and list the files on standard error.
fn write_plots(
    cs: &[Comparison],
    graphs: &[coprod::model::MultiplexGraph],
    dir: &std::path::Path,
    args: &Args,
) -> coprod::Result<()> {
    let opts = coprod::viz::PlotOptions {
        lang: args.lang.parse()?,
        format: args.plot_format.parse()?,
    };
    let ran = |b: &str| args.baseline.iter().any(|x| x == b || x == "all");
    let cross = coprod::viz::comparison::CROSS_CASE_BASELINES
        .iter()
        .any(|b| ran(b));
    if !cross {
        eprintln!(
            "note: no cross-case plot: it compares with {}, and --baseline ran neither",
            coprod::viz::comparison::CROSS_CASE_BASELINES.join(" and ")
        );
    }
    for f in plots(cs, graphs, dir, &opts, cross)? {
        eprintln!("{}", f.display());
    }
    Ok(())
}

/// The plots of `cs` in `dir`: per case `dir/<case>/` one figure per
/// statistic of the headline coding, the dial curves when the dial was fitted,
/// betweenness by kind; across cases `dir/cross_case` when `cross_case`.
pub fn plots(
    cs: &[Comparison],
    graphs: &[coprod::model::MultiplexGraph],
    dir: &std::path::Path,
    opts: &coprod::viz::PlotOptions,
    cross_case: bool,
) -> coprod::Result<Vec<std::path::PathBuf>> {
    use coprod::viz::{write_by_kind_plot, write_comparison_plots};
    let mut files = Vec::new();
    for (c, g) in cs.iter().zip(graphs) {
        let case_dir = crate::output::case_dir(dir, &c.case)?;
        files.extend(write_comparison_plots(c, &case_dir, opts)?);
        let view = coprod::model::View::aggregate(g);
        let table = coprod::report::actor_table(&view, &coprod::report::ReportOptions::default())?;
        let values = table
            .column(BY_KIND)?
            .into_iter()
            .map(|(id, v)| Ok((g.actor(g.actor_index(id)?).kind, v)))
            .collect::<coprod::Result<Vec<_>>>()?;
        files.extend(write_by_kind_plot(
            &c.case,
            BY_KIND,
            &values,
            &case_dir.join(format!("{BY_KIND}_by_kind")),
            opts,
        )?);
    }
    if cross_case {
        files.extend(coprod::viz::write_cross_case_plot(
            cs,
            &dir.join("cross_case"),
            opts,
        )?);
    }
    Ok(files)
}

/// Compare one case (or every bundled case) and write the result.
pub fn run(args: &Args) -> coprod::Result<()> {
    args.output.check_inputs(&args.case)?;
    let graphs = if args.case == "all" && !std::path::Path::new("all").is_dir() {
        coprod::cases::load_all()?
    } else {
        vec![load_case(&args.case)?]
    };
    if args.plots.is_some() {
        // Bad plot options fail before the ensembles run.
        args.lang.parse::<coprod::viz::Lang>()?;
        args.plot_format.parse::<coprod::viz::PlotFormat>()?;
    }
    let req = request(args);
    let mut cs: Vec<Comparison> = Vec::new();
    for g in &graphs {
        let bundled = coprod::cases::names().contains(&g.meta().id.as_str())
            && !std::path::Path::new(&args.case).is_dir();
        let second = match &args.coding_b {
            Some(dir) => Some((
                load_case(dir)?,
                args.map
                    .as_ref()
                    .map(coprod::agreement::Mapping::read)
                    .transpose()?,
            )),
            None => None,
        };
        cs.push(
            req.run(
                g,
                second
                    .as_ref()
                    .map(|(graph, mapping)| coprod::compare::SecondCoding {
                        graph,
                        mapping: mapping.as_ref(),
                    }),
                bundled,
            )?,
        );
    }
    if let Some(dir) = &args.plots {
        write_plots(&cs, &graphs, dir, args)?;
    }
    let text = match args.format {
        CompareFormat::Md if cs.len() == 1 => comparison_markdown(&cs[0]),
        CompareFormat::Md => {
            let mut t = cross_case_markdown(&cs);
            for c in &cs {
                t.push('\n');
                t.push_str(&comparison_markdown(c));
            }
            t
        }
        CompareFormat::Csv => comparison_csv(&cs),
        CompareFormat::Json => format!("{}\n", comparison_json(&cs)),
    };
    args.output.write(&text)
}

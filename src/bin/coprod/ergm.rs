//! `coprod ergm CASE`: fit an exponential random graph model to a view of a case.

use crate::output::OutputArgs;
use crate::view::ViewArgs;
use clap::ValueEnum;
use coprod::inference::ergm::bipartite::{default_two_mode, two_mode};
use coprod::inference::ergm::case::{
    CaseFit, CaseFitOptions, default_core, default_formula, fit_view, prepare_view, prereg_formulas,
};
use coprod::inference::ergm::constraints::Constraint;
use coprod::inference::ergm::gof::{GofOptions, gof};
use coprod::inference::ergm::sampler::{Proposal, SamplerOptions, simulate};
use coprod::inference::ergm::terms::Model;
use coprod::inference::ergm::{FitOptions, Method};

/// The estimator (CLI spelling of [`Method`]).
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum MethodArg {
    /// MPLE for dyad-independent formulas, exact for ≤ 16 free dyads, else MCMC-MLE.
    #[default]
    Auto,
    /// Maximum pseudo-likelihood.
    Mple,
    /// Firth-penalised pseudo-likelihood (finite under separation).
    Firth,
    /// Exact MLE by enumerating every network (≤ 24 free dyads).
    Exact,
    /// MCMC maximum likelihood.
    Mcmle,
    /// Stochastic approximation (Robbins-Monro, Snijders 2002; statnet's main.method="Stochastic-Approximation"):
    /// converged when every phase-3 t-ratio |t| < 0.1, SEs from the inverse simulated covariance.
    Sa,
}

/// Which dyads are modelled.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum ConstraintArg {
    /// The codebook's structural zeros (leadership only from party; arena ties member -> arena; no arena-arena).
    #[default]
    Codebook,
    /// Every dyad but self-loops.
    None,
}

/// How the arenas enter the model.
#[derive(Debug, Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
pub enum ArenasArg {
    /// Arenas are nodes of the one-mode network, under the codebook's constraints.
    #[default]
    OneMode,
    /// The actor x arena membership network as a two-mode (bipartite) ERGM: only actor-arena
    /// dyads exist (statnet's network(..., bipartite = n1)). Default formula:
    /// edges + b1factor("core", levels="core") + gwb1degree(0.5, fixed=TRUE) (no gwb1degree with
    /// a single arena); terms b1factor,
    /// b2factor, b1star, b2star, gwb1degree, gwb2degree, b1nodematch. A case without an arena is an error.
    TwoMode,
}

/// Output format.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum ErgmFormat {
    /// A Markdown report: coefficients, intervals, diagnostics.
    #[default]
    Md,
    /// One CSV row per term (with --gof: one row per GOF value instead).
    Csv,
    /// JSON with one object per term (`term`, `estimate`, `se`, …).
    Json,
}

/// Options of `ergm`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// The case and view.
    #[command(flatten)]
    pub view: ViewArgs,
    /// The model in statnet syntax, e.g. `edges + mutual + nodematch("sector") + gwesp(0.5, fixed=TRUE)`.
    /// Default: edges + mutual + nodefactor("core", levels="core") + nodematch("sector") + gwidegree(0.5, fixed=TRUE) + gwesp(0.5, fixed=TRUE)
    /// (gwdegree and no mutual on a --symmetric view). Attributes: kind, sector, level, core, the actors file's columns; edgecov("layer") reads a layer.
    #[arg(long, conflicts_with = "prereg")]
    pub formula: Option<String>,
    /// Fit the answer's pre-registered formula (docs/PREREGISTRATION.md, E3):
    /// edges + mutual + nodematch("sector") + gwesp(0.5, fixed=TRUE) + gwidegree(0.5, fixed=TRUE) +
    /// nodeifactor("core", levels="core") + nodeofactor("core", levels="core")
    /// (symmetric view: gwdegree, nodefactor, no mutual).
    #[arg(long)]
    pub prereg: bool,
    /// Add the goodness of fit: R networks simulated from the fit (statnet's gof):
    /// in/out-degree (degree), edgewise shared partners (OTP), geodesic distances,
    /// the model statistics, and the prereg rule (rejected when more than a quarter
    /// of the degree or ESP values lie outside the simulated 95 % band).
    #[arg(long)]
    pub gof: bool,
    /// Simulated networks of --gof.
    #[arg(long, default_value_t = 100)]
    pub gof_draws: usize,
    /// The core set written as the attribute `core`: `kind:<kind>` or comma-separated ids. Default: the party actors (x_district: civil_affairs_bureau).
    #[arg(long)]
    pub core: Option<String>,
    /// The estimator.
    #[arg(long, value_enum, default_value_t)]
    pub method: MethodArg,
    /// Which dyads are modelled.
    #[arg(long, value_enum, default_value_t)]
    pub constraints: ConstraintArg,
    /// The arenas as nodes of the one network (one-mode) or as the second mode of the
    /// actor x arena membership network (two-mode; choose the layers with the view, e.g.
    /// --layers deliberation for memberships only).
    #[arg(long, value_enum, default_value_t, conflicts_with_all = ["prereg", "steps"])]
    pub arenas: ArenasArg,
    /// Dyads held at their observed value, as `source:target` (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub fix: Vec<String>,
    /// The seed of the sampler.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// MCMC-MLE iterations at most.
    #[arg(long, default_value_t = 40)]
    pub max_iterations: usize,
    /// Do not fit: run one chain (see --chains) of this many sampler steps (TNT proposal) from the
    /// observed network at --coef and print the statistics where it ends, the
    /// acceptance rate and the sampler's steps per second (what benches/peers/ergm.sh
    /// times; as statnet's simulate(formula, coef=…, nsim=1, control=control.simulate.formula(MCMC.burnin=N))).
    #[arg(long, requires = "coef")]
    pub steps: Option<usize>,
    /// The coefficients of --steps, comma-separated, in the formula's statistic order.
    #[arg(
        long,
        value_delimiter = ',',
        allow_hyphen_values = true,
        requires = "steps"
    )]
    pub coef: Vec<f64>,
    /// The chains of --steps: this many independent chains of --steps steps each, run in
    /// parallel (chain c on the seed's stream c; the same draws on any number of threads);
    /// steps per second count the steps of every chain.
    #[arg(long, default_value_t = 1, requires = "steps", value_parser = clap::value_parser!(u64).range(1..))]
    pub chains: u64,
    /// Write the MCMC diagnostics of the final sample into this directory (created if
    /// absent): `mcmc_diagnostics.svg` and `.png`, the trace of every chain and the density of
    /// every statistic with the observed value marked (statnet's mcmc.diagnostics). An
    /// MCMC-MLE fit only: any other estimator has no chain, and is refused.
    #[arg(long, value_name = "DIR")]
    pub plots: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ErgmFormat,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Fit and print.
pub fn run(args: &Args) -> coprod::Result<()> {
    let g = args.view.load()?;
    let view = args.view.view(&g)?;
    let formula = match (&args.formula, args.prereg) {
        (Some(f), _) => f.clone(),
        (None, true) => prereg_formulas(&view).0.to_string(),
        (None, false) => default_formula(&view).to_string(),
    };
    let mut fixed = Vec::new();
    for f in &args.fix {
        let (a, b) = f
            .split_once(':')
            .ok_or_else(|| coprod::Error::InvalidParameter {
                name: "fix",
                reason: format!("`{f}` is not `source:target`"),
            })?;
        fixed.push((a.to_string(), b.to_string()));
    }
    let mut fit = FitOptions {
        method: match args.method {
            MethodArg::Auto => Method::Auto,
            MethodArg::Mple => Method::Mple,
            MethodArg::Firth => Method::MpleFirth,
            MethodArg::Exact => Method::Exact,
            MethodArg::Mcmle => Method::Mcmle,
            MethodArg::Sa => Method::Sa,
        },
        max_iterations: args.max_iterations,
        ..FitOptions::default()
    };
    fit.sampler.seed = args.seed;
    let core = match &args.core {
        Some(c) => c.parse()?,
        None => default_core(&g.meta().id),
    };
    let opts = CaseFitOptions {
        core,
        constraint: match args.constraints {
            ConstraintArg::Codebook => Constraint::Codebook,
            ConstraintArg::None => Constraint::None,
        },
        fixed,
        fit,
    };
    if let Some(steps) = args.steps {
        return args.output.write(&run_steps(
            &view,
            &formula,
            &opts,
            (steps, args.chains as usize),
            &args.coef,
        )?);
    }
    let f = if args.arenas == ArenasArg::TwoMode {
        let formula = args
            .formula
            .clone()
            .unwrap_or_else(|| default_two_mode(&view).to_string());
        let (data, model, mask) = two_mode(&view, &formula, &opts.core, &opts.fixed)?;
        let fit = coprod::inference::ergm::fit(&model, &data.network, &mask, &opts.fit)?;
        CaseFit { data, mask, fit }
    } else {
        fit_view(&view, &formula, &opts)?
    };
    let formula = f.fit.formula.clone();
    let name = g.meta().id.clone();
    if let Some(dir) = &args.plots {
        write_plots(&f.fit, dir)?;
    }
    let check = if args.gof {
        let model = Model::parse(&formula, &f.data)?;
        let mut o = GofOptions {
            draws: args.gof_draws,
            seed: args.seed,
            ..GofOptions::default()
        };
        if let Some(d) = &f.fit.diagnostics {
            o.simulate.sampler.interval = d.sampler.interval;
        }
        Some(gof(&model, &f.data.network, &f.mask, &f.fit.coef(), &o)?)
    } else {
        None
    };
    let text = match args.format {
        ErgmFormat::Md => {
            let mut t = coprod::report::ergm_markdown(&name, &f);
            if let Some(c) = &check {
                t.push_str(&coprod::report::gof_markdown(c));
            }
            t
        }
        ErgmFormat::Csv => match &check {
            // Two tables in one file would not parse: --gof writes the GOF table.
            Some(c) => coprod::report::gof_csv(c),
            None => coprod::report::ergm_csv(&f.fit),
        },
        ErgmFormat::Json => {
            let mut v = coprod::report::ergm_json(&name, &f.fit);
            if let Some(c) = &check {
                v["gof"] = coprod::report::gof_json(c);
            }
            format!("{v}\n")
        }
    };
    args.output.write(&text)
}

/// `--steps`: one timed chain at the given coefficients.
fn run_steps(
    view: &coprod::model::View<'_>,
    formula: &str,
    opts: &CaseFitOptions,
    (steps, chains): (usize, usize),
    coef: &[f64],
) -> coprod::Result<String> {
    let (data, model, mask) = prepare_view(view, formula, opts)?;
    if coef.len() != model.len() {
        return Err(coprod::Error::InvalidParameter {
            name: "coef",
            reason: format!(
                "{} coefficient(s) for {} statistic(s) ({})",
                coef.len(),
                model.len(),
                model.names().join(", ")
            ),
        });
    }
    let sopts = SamplerOptions {
        burnin: steps,
        interval: 1,
        draws_per_chain: 1,
        chains,
        proposal: Proposal::Tnt,
        seed: opts.fit.sampler.seed,
    };
    let start = std::time::Instant::now();
    let s = simulate(&model, &data.network, &mask, coef, &sopts);
    let seconds = start.elapsed().as_secs_f64();
    let v = serde_json::json!({
        "steps": steps + 1,
        "chains": chains,
        "free_dyads": s.free_dyads,
        "seconds": seconds,
        "steps_per_second": ((steps + 1) * chains) as f64 / seconds,
        "acceptance": s.acceptance,
        "names": model.names(),
        "statistics": s.row(0),
        "observed": model.statistics(&data.network),
    });
    Ok(format!("{v}\n"))
}

/// `--plots DIR`: the trace and density figure of the final MCMC sample.
fn write_plots(
    fit: &coprod::inference::ergm::ErgmFit,
    dir: &std::path::Path,
) -> coprod::Result<()> {
    use coprod::viz::ergm_diagnostics::{McmcTraces, TraceColumn};
    let d = fit
        .diagnostics
        .as_ref()
        .ok_or_else(|| coprod::Error::InvalidParameter {
            name: "plots",
            reason: format!(
                "the fit is the {}: it has no MCMC sample to plot (use --method mcmle)",
                fit.estimator.label()
            ),
        })?;
    let columns = fit
        .terms
        .iter()
        .enumerate()
        .map(|(a, t)| TraceColumn {
            name: t.term.clone(),
            chains: d.chain_columns(a),
            observed: fit.observed[a],
        })
        .collect();
    std::fs::create_dir_all(dir).map_err(|source| coprod::Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let files =
        coprod::viz::plots::write_plot(&McmcTraces { columns }, &dir.join("mcmc_diagnostics"))?;
    for f in files {
        eprintln!("coprod: wrote {}", f.display());
    }
    Ok(())
}

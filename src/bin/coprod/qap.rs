//! `coprod qap CASE`: MR-QAP regression (sna's netlm / netlogit) of one dyadic
//! matrix of a case on others, or the layer-by-layer QAP correlation table.

use crate::output::OutputArgs;
use crate::view::load_case;
use clap::ValueEnum;
use coprod::inference::qap::{
    ArenaMode, DyadOptions, Dyads, FitStatistics, LogitEstimator, Mode, NullHypothesis, QapOptions,
    QapRegression, TestStatistic, netlm, netlogit,
};

/// The regression model.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModelArg {
    /// Linear (OLS), `sna::netlm`.
    Lm,
    /// Logistic, `sna::netlogit` (Firth when the data separate, see --fit).
    Logit,
}

/// The null hypothesis (`sna`'s `nullhyp`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NullArg {
    /// Dekker's semi-partialling plus (sna "qap" / "qapspp").
    Qapspp,
    /// Relabel the outcome.
    Qapy,
    /// Relabel each predictor in turn.
    Qapx,
    /// Relabel every predictor.
    Qapallx,
    /// No permutation: Student's t as if dyads were independent.
    Classical,
}

/// How a logit is estimated.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FitArg {
    /// Maximum likelihood unless the data separate; then Firth, said in the output.
    Auto,
    /// Maximum likelihood; separated data are an error.
    Ml,
    /// Firth's penalised likelihood.
    Firth,
}

/// The statistic the permutations compare.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatArg {
    /// t (lm) or z (logit), sna's default.
    T,
    /// The coefficient.
    Beta,
}

/// Which dyads.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ModeArg {
    /// graph when every matrix is symmetric, else digraph.
    Auto,
    /// Every ordered pair i != j.
    Digraph,
    /// Every unordered pair once (symmetric matrices only).
    Graph,
}

/// Arenas as actors or as co-membership.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ArenasArg {
    /// Arenas are not actors; `arena` marks two members of a common arena.
    Project,
    /// Arenas stay actors.
    Keep,
}

/// Output format.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QapFormat {
    /// A Markdown table with the model's header and caveats.
    Md,
    /// CSV, one row per coefficient (or pair of layers).
    Csv,
    /// JSON: an array, one object per coefficient (intercept first) with `term`, `estimate`, `p`…
    Json,
}

/// Options of `qap`.
#[derive(clap::Args, Debug, Clone)]
#[command(after_long_help = after_help())]
pub struct Args {
    /// A bundled case name or a case directory.
    pub case: String,
    /// The regression model (required unless --correlations).
    #[arg(long, required_unless_present = "correlations")]
    pub model: Option<ModelArg>,
    /// The outcome: one term; a comma joins layers into one matrix (their union), so
    /// `resource,service,information` = `resource+service+information`.
    #[arg(long, required_unless_present = "correlations")]
    pub y: Option<String>,
    /// The predictors, separated by commas; `+` joins layers into one predictor
    /// (e.g. `leadership+administrative,arena,party_dyad`). Terms: see below.
    #[arg(long, value_delimiter = ',', required_unless_present = "correlations")]
    pub x: Vec<String>,
    /// The null hypothesis.
    #[arg(long, value_enum, default_value = "qapspp")]
    pub null: NullArg,
    /// Permutation replicates.
    #[arg(long, default_value_t = 1000)]
    pub reps: usize,
    /// Seed of the relabellings.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The statistic the permutations compare.
    #[arg(long, value_enum, default_value = "t")]
    pub statistic: StatArg,
    /// Logit estimation.
    #[arg(long, value_enum, default_value = "auto")]
    pub fit: FitArg,
    /// Which dyads.
    #[arg(long, value_enum, default_value = "auto")]
    pub mode: ModeArg,
    /// Arenas as co-membership (default) or as actors.
    #[arg(long, value_enum, default_value = "project")]
    pub arenas: ArenasArg,
    /// Actor ids left out of the model (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub without: Vec<String>,
    /// Print the layer-by-layer correlation table (gcor) with QAP p-values instead.
    #[arg(long)]
    pub correlations: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: QapFormat,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

fn after_help() -> String {
    let mut s = String::from(
        "Terms (a dyad is the ordered pair i -> j of modelled actors; the diagonal is never used):\n",
    );
    for (t, d) in coprod::inference::qap::TERMS {
        s.push_str(&format!("  {t:<18} {d}\n"));
    }
    s.push_str(
        "\nExamples:\n  coprod qap jinsong --model logit --y resource,service,information \\\n      --x leadership+administrative,arena,party_dyad --reps 10000 --seed 1\n  coprod qap jinsong --correlations --reps 10000\n",
    );
    s
}

fn options(args: &Args) -> QapOptions {
    QapOptions {
        null: match args.null {
            NullArg::Qapspp => NullHypothesis::Qapspp,
            NullArg::Qapy => NullHypothesis::Qapy,
            NullArg::Qapx => NullHypothesis::Qapx,
            NullArg::Qapallx => NullHypothesis::Qapallx,
            NullArg::Classical => NullHypothesis::Classical,
        },
        statistic: match args.statistic {
            StatArg::T => TestStatistic::Standardized,
            StatArg::Beta => TestStatistic::Beta,
        },
        reps: args.reps,
        seed: args.seed,
        mode: match args.mode {
            ModeArg::Auto => Mode::Auto,
            ModeArg::Digraph => Mode::Digraph,
            ModeArg::Graph => Mode::Graph,
        },
        ..Default::default()
    }
}

/// Run `qap`.
pub fn run(args: &Args) -> coprod::Result<()> {
    let g = load_case(&args.case)?;
    let dopts = DyadOptions {
        arenas: match args.arenas {
            ArenasArg::Project => ArenaMode::Project,
            ArenasArg::Keep => ArenaMode::Keep,
        },
        without: args.without.clone(),
        ..Default::default()
    };
    let dyads = Dyads::new(&g, &dopts)?;
    let opts = options(args);
    if args.correlations {
        let format = match args.format {
            QapFormat::Md => "md",
            QapFormat::Csv => "csv",
            QapFormat::Json => "json",
        };
        let _ = &dyads;
        let text = coprod::report::correlation_text(&g, &opts, format)?;
        return args.output.write(&text);
    }
    let (Some(model), Some(y)) = (args.model, args.y.as_deref()) else {
        unreachable!("clap requires --model and --y without --correlations")
    };
    let y = dyads.matrix(&y.replace(',', "+"))?;
    let x: Vec<_> = args
        .x
        .iter()
        .map(|t| dyads.matrix(t))
        .collect::<coprod::Result<_>>()?;
    let fit = match model {
        ModelArg::Lm => netlm(&y, &x, &opts)?,
        ModelArg::Logit => {
            let est = match args.fit {
                FitArg::Auto => LogitEstimator::Auto,
                FitArg::Ml => LogitEstimator::MaximumLikelihood,
                FitArg::Firth => LogitEstimator::Firth,
            };
            netlogit(&y, &x, &opts, est)?
        }
    };
    if let (Some(s), false) = (&fit.separation, matches!(args.format, QapFormat::Md)) {
        eprintln!(
            "coprod: note: the data separate on {} (maximum-likelihood estimates infinite); fitted with Firth's penalised likelihood",
            s.terms.join(", ")
        );
    }
    let text = match args.format {
        QapFormat::Md => markdown(&fit, &args.case, dyads.n()),
        QapFormat::Csv => csv(&fit)?,
        QapFormat::Json => json(&fit),
    };
    args.output.write(&text)
}

fn f(v: f64) -> String {
    if v.is_nan() {
        String::new()
    } else {
        format!("{v:.4}")
    }
}

fn markdown(fit: &QapRegression, case: &str, n: usize) -> String {
    let mut s = String::new();
    let model = match fit.fit {
        FitStatistics::Linear { .. } => "netlm (OLS)",
        FitStatistics::Logit { .. } => "netlogit (logistic)",
    };
    s.push_str(&format!("# QAP regression: {case}, {model}\n\n"));
    s.push_str(&format!(
        "outcome `{}`; {} actors, {} dyads ({}, diagonal excluded); estimator {}; null {}",
        fit.outcome,
        n,
        fit.n_dyads,
        fit.mode.as_str(),
        fit.estimator.as_str(),
        fit.null.as_str()
    ));
    if fit.reps > 0 {
        s.push_str(&format!(
            ", {} replicates, seed {}, statistic {}",
            fit.reps,
            fit.seed,
            match fit.statistic {
                TestStatistic::Standardized => "t/z",
                TestStatistic::Beta => "beta",
            }
        ));
    }
    s.push_str("\n\n");
    if let Some(sep) = &fit.separation {
        s.push_str(&format!(
            "**Separation:** the data separate on {} ({} dyads fitted with probability 0 or 1 on the maximum-likelihood path): those maximum-likelihood estimates are infinite (R's glm.fit would stop near ±15). Fitted with Firth's penalised likelihood instead (`--fit firth`; `--fit ml` refuses).\n\n",
            sep.terms.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", "),
            sep.cells_at_bound
        ));
    }
    let stat = if matches!(fit.fit, FitStatistics::Linear { .. }) {
        "t"
    } else {
        "z"
    };
    s.push_str(&format!(
        "| term | estimate | std. error | {stat} | p(\\|T\\|≥\\|{stat}\\|) | p(T≥{stat}) | p(T≤{stat}) | MC s.e. of p |\n|---|---:|---:|---:|---:|---:|---:|---:|\n"
    ));
    for c in &fit.coefficients {
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            c.term,
            f(c.estimate),
            f(c.std_error),
            f(c.statistic),
            f(c.p_abs),
            f(c.p_greater),
            f(c.p_less),
            c.p_abs_mc_se(fit.reps).map(f).unwrap_or_else(|| "—".into())
        ));
    }
    s.push('\n');
    match &fit.fit {
        FitStatistics::Linear { r_squared, adj_r_squared, residual_se, df_residual } => s.push_str(&format!(
            "R² {r_squared:.4}, adjusted {adj_r_squared:.4}; residual s.e. {residual_se:.4} on {df_residual} df\n"
        )),
        FitStatistics::Logit { deviance, null_deviance, aic, bic, iterations, converged, df_residual } => s.push_str(&format!(
            "deviance {deviance:.4} on {df_residual} df (null {null_deviance:.4}); AIC {aic:.4}, BIC {bic:.4}; {iterations} iterations{}\n",
            if *converged { "" } else { " (not converged)" }
        )),
    }
    if fit.failed_replicates > 0 {
        s.push_str(&format!(
            "{} replicate(s) had a singular design and were left out of the p-values\n",
            fit.failed_replicates
        ));
    }
    s.push_str(
        "\nCaveats: the p-values are permutation p-values (two-sided: |T| ≥ |t|) valid under exchangeability of the relabelled actors; \
         the standard errors assume independent dyads and are descriptive only. Coded ties from case-study texts are incomplete \
         (an absent tie is unreported, not absent), and a few dozen actors give few independent relabellings.\n",
    );
    s
}

fn csv(fit: &QapRegression) -> coprod::Result<String> {
    Ok(coprod::io::csv_string(|w| {
        w.write_record([
            "term",
            "estimate",
            "std_error",
            "statistic",
            "p",
            "p_greater",
            "p_less",
            "estimator",
            "null",
            "reps",
            "seed",
        ])?;
        for c in &fit.coefficients {
            w.write_record([
                c.term.clone(),
                c.estimate.to_string(),
                c.std_error.to_string(),
                c.statistic.to_string(),
                c.p_abs.to_string(),
                c.p_greater.to_string(),
                c.p_less.to_string(),
                fit.estimator.as_str().to_string(),
                fit.null.as_str().to_string(),
                fit.reps.to_string(),
                fit.seed.to_string(),
            ])?;
        }
        Ok(())
    }))
}

fn num(v: f64) -> serde_json::Value {
    serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
}

fn json(fit: &QapRegression) -> String {
    let rows: Vec<serde_json::Value> = fit
        .coefficients
        .iter()
        .map(|c| {
            serde_json::json!({
                "term": c.term,
                "estimate": num(c.estimate),
                "std_error": num(c.std_error),
                "statistic": num(c.statistic),
                "p": num(c.p_abs),
                "p_greater": num(c.p_greater),
                "p_less": num(c.p_less),
                "estimator": fit.estimator.as_str(),
                "null": fit.null.as_str(),
                "reps": fit.reps,
                "seed": fit.seed,
                "separation": fit.separation.as_ref().map(|s| s.terms.clone()),
            })
        })
        .collect();
    format!("{}\n", serde_json::to_string_pretty(&rows).expect("json"))
}

//! The statistical entry points: the ERGM fit's options, the SBM candidate
//! table, the comparison engine and QAP, each read as the command line
//! reads its flags.

use crate::case::Case;
use crate::errors::IntoPy;
use coprod::compare::{CompareRequest, DEFAULT_DIAL_DRAWS, DEFAULT_DRAWS};
use coprod::inference::ergm::case::{CaseFitOptions, default_core};
use coprod::inference::ergm::constraints::Constraint;
use coprod::inference::ergm::{FitOptions, Method};
use coprod::inference::qap::{
    ArenaMode, DyadOptions, Dyads, FitStatistics, LogitEstimator, Mode, NullHypothesis, QapOptions,
    TestStatistic, netlm, netlogit,
};
use coprod::inference::sbm::{PosteriorOptions, SbmRequest};
use coprod::model::{Attribute, CoreSet, MultiplexGraph, Partition, View};
use coprod::{Error, Names};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// An unknown choice among `names`.
fn unknown(what: &'static str, value: &str, names: &[&str]) -> Error {
    Error::UnknownName {
        what,
        value: value.to_string(),
        available: Names::of(names, value),
    }
}

/// The options of `coprod ergm`.
pub fn ergm_options(
    g: &MultiplexGraph,
    core: Option<String>,
    method: &str,
    constraints: &str,
    fixed: Vec<(String, String)>,
    seed: u64,
    max_iterations: usize,
) -> coprod::Result<CaseFitOptions> {
    let method = match method {
        "auto" => Method::Auto,
        "mple" => Method::Mple,
        "firth" => Method::MpleFirth,
        "exact" => Method::Exact,
        "mcmle" => Method::Mcmle,
        "sa" => Method::Sa,
        other => {
            return Err(unknown(
                "ERGM method",
                other,
                &["auto", "mple", "firth", "exact", "mcmle", "sa"],
            ));
        }
    };
    let constraint = match constraints {
        "codebook" => Constraint::Codebook,
        "none" => Constraint::None,
        other => return Err(unknown("ERGM constraint", other, &["codebook", "none"])),
    };
    let mut fit = FitOptions {
        method,
        max_iterations,
        ..FitOptions::default()
    };
    fit.sampler.seed = seed;
    Ok(CaseFitOptions {
        core: match core {
            Some(c) => c.parse()?,
            None => default_core(&g.meta().id),
        },
        constraint,
        fixed,
        fit,
    })
}

/// The posterior's settings as the command line's `--posterior-*` flags
/// read them (`None`: the default).
#[derive(Debug, Clone, Copy, Default)]
pub struct PosteriorArgs {
    pub samples: Option<usize>,
    pub thin: Option<usize>,
    pub burn_in: Option<usize>,
    pub chains: Option<usize>,
}

/// The JSON of `coprod sbm --format json` for a view.
#[allow(clippy::too_many_arguments)]
pub fn sbm_json(
    view: &View<'_>,
    case: &str,
    partition: Option<String>,
    labels: Option<Vec<String>>,
    degree_corrected: bool,
    core: &CoreSet,
    seed: u64,
    restarts: Option<usize>,
    posterior: Option<PosteriorArgs>,
) -> coprod::Result<String> {
    let given = match (partition, labels) {
        (Some(_), Some(_)) => {
            return Err(Error::InvalidParameter {
                name: "partition",
                reason: "give an attribute name or block labels, not both".into(),
            });
        }
        (Some(p), None) => Some(Partition::of_view(view, &p.parse::<Attribute>()?)?),
        (None, Some(l)) => {
            if l.len() != view.node_count() {
                return Err(Error::SizeMismatch {
                    what: "the partition's labels".into(),
                    expected: view.node_count(),
                    found: l.len(),
                });
            }
            Some(Partition::from_labels(&l))
        }
        (None, None) => None,
    };
    let d = PosteriorOptions::default();
    let request = SbmRequest {
        given,
        degree_corrected,
        core: core.clone(),
        seed,
        restarts,
        posterior: posterior.map(|p| PosteriorOptions {
            samples: p.samples.unwrap_or(d.samples),
            thin: p.thin.unwrap_or(d.thin),
            burn_in: p.burn_in.unwrap_or(d.burn_in),
            chains: p.chains.unwrap_or(d.chains),
            ..d.clone()
        }),
    };
    let t = request.table(view)?;
    coprod::inference::sbm::sbm_json(case, view, &t)
}

/// The comparison engine (`coprod compare`): the comparison as CSV, JSON
/// and Markdown, its verdict lines, its HTML and the pre-registered answer
/// (JSON). `core`: `None` for the command line's default (`kind:party` for
/// the panel, the case's registered core for the answer); a bundled case
/// is compared with its bundled second coding, as `coprod compare` does.
#[pyfunction]
#[pyo3(signature = (case, baselines=vec!["all".to_string()], draws=DEFAULT_DRAWS, seed=0, core=None, views=Vec::new(), dial=true, dial_draws=DEFAULT_DIAL_DRAWS, answer=true))]
#[allow(clippy::too_many_arguments)]
pub fn compare<'py>(
    py: Python<'py>,
    case: &Case,
    baselines: Vec<String>,
    draws: usize,
    seed: u64,
    core: Option<String>,
    views: Vec<String>,
    dial: bool,
    dial_draws: usize,
    answer: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let g = &case.g;
    let request = CompareRequest {
        baselines,
        draws,
        seed,
        core,
        views,
        dial,
        dial_draws,
        answer,
    };
    let bundled = case.bundled;
    let c = py
        .allow_threads(|| request.run(g, None, bundled))
        .py_err(py)?;
    let cs = std::slice::from_ref(&c);
    let d = PyDict::new(py);
    d.set_item("csv", coprod::report::comparison_csv(cs))?;
    d.set_item("json", coprod::report::comparison_json(cs))?;
    d.set_item("markdown", coprod::report::comparison_markdown(&c))?;
    d.set_item("robustness", coprod::report::robustness_markdown(&c))?;
    d.set_item("verdicts", coprod::report::verdict_lines(&c))?;
    d.set_item("html", c.to_html())?;
    Ok(d)
}

fn qap_options(
    null: &str,
    statistic: &str,
    reps: usize,
    seed: u64,
    mode: &str,
) -> coprod::Result<QapOptions> {
    Ok(QapOptions {
        null: match null {
            "qapspp" => NullHypothesis::Qapspp,
            "qapy" => NullHypothesis::Qapy,
            "qapx" => NullHypothesis::Qapx,
            "qapallx" => NullHypothesis::Qapallx,
            "classical" => NullHypothesis::Classical,
            other => {
                return Err(unknown(
                    "QAP null",
                    other,
                    &["qapspp", "qapy", "qapx", "qapallx", "classical"],
                ));
            }
        },
        statistic: match statistic {
            "t" => TestStatistic::Standardized,
            "beta" => TestStatistic::Beta,
            other => return Err(unknown("QAP statistic", other, &["t", "beta"])),
        },
        reps,
        seed,
        mode: match mode {
            "auto" => Mode::Auto,
            "digraph" => Mode::Digraph,
            "graph" => Mode::Graph,
            other => return Err(unknown("QAP mode", other, &["auto", "digraph", "graph"])),
        },
        ..Default::default()
    })
}

/// MR-QAP (`coprod qap`): netlm or netlogit of one dyadic matrix of a case
/// on others. Returns the coefficients (term, estimate, std_error,
/// statistic, p, p_greater, p_less) and the fit's settings and statistics.
#[pyfunction]
#[pyo3(signature = (case, model, y, x, null="qapspp", reps=1000, seed=1, statistic="t", fit="auto", mode="auto", arenas="project", without=Vec::new()))]
#[allow(clippy::too_many_arguments)]
pub fn qap<'py>(
    py: Python<'py>,
    case: &Case,
    model: &str,
    y: Vec<String>,
    x: Vec<String>,
    null: &str,
    reps: usize,
    seed: u64,
    statistic: &str,
    fit: &str,
    mode: &str,
    arenas: &str,
    without: Vec<String>,
) -> PyResult<Bound<'py, PyDict>> {
    let opts = qap_options(null, statistic, reps, seed, mode).py_err(py)?;
    let dopts = DyadOptions {
        arenas: match arenas {
            "project" => ArenaMode::Project,
            "keep" => ArenaMode::Keep,
            other => return Err(unknown("arena mode", other, &["project", "keep"])).py_err(py),
        },
        without,
        ..Default::default()
    };
    let est = match fit {
        "auto" => LogitEstimator::Auto,
        "ml" => LogitEstimator::MaximumLikelihood,
        "firth" => LogitEstimator::Firth,
        other => return Err(unknown("logit fit", other, &["auto", "ml", "firth"])).py_err(py),
    };
    if model != "lm" && model != "logit" {
        return Err(unknown("QAP model", model, &["lm", "logit"])).py_err(py);
    }
    let g = &case.g;
    let r = py
        .allow_threads(|| {
            let dyads = Dyads::new(g, &dopts)?;
            let ym = dyads.matrix(&y.join("+"))?;
            let xm: Vec<_> = x
                .iter()
                .map(|t| dyads.matrix(t))
                .collect::<coprod::Result<_>>()?;
            if model == "lm" {
                netlm(&ym, &xm, &opts)
            } else {
                netlogit(&ym, &xm, &opts, est)
            }
        })
        .py_err(py)?;
    let d = PyDict::new(py);
    let coef: Vec<_> = r
        .coefficients
        .iter()
        .map(|c| {
            (
                c.term.clone(),
                c.estimate,
                c.std_error,
                c.statistic,
                c.p_abs,
                c.p_greater,
                c.p_less,
            )
        })
        .collect();
    d.set_item("coefficients", coef)?;
    d.set_item("outcome", &r.outcome)?;
    d.set_item("estimator", r.estimator.as_str())?;
    d.set_item("null", r.null.as_str())?;
    d.set_item("mode", format!("{:?}", r.mode).to_lowercase())?;
    d.set_item("reps", r.reps)?;
    d.set_item("seed", r.seed)?;
    d.set_item("failed_replicates", r.failed_replicates)?;
    d.set_item("n_actors", r.n_actors)?;
    d.set_item("n_dyads", r.n_dyads)?;
    d.set_item("separation", r.separation.as_ref().map(|s| s.terms.clone()))?;
    let fit = PyDict::new(py);
    match r.fit {
        FitStatistics::Linear {
            r_squared,
            adj_r_squared,
            residual_se,
            df_residual,
        } => {
            fit.set_item("r_squared", r_squared)?;
            fit.set_item("adj_r_squared", adj_r_squared)?;
            fit.set_item("residual_se", residual_se)?;
            fit.set_item("df_residual", df_residual)?;
        }
        FitStatistics::Logit {
            deviance,
            null_deviance,
            aic,
            bic,
            iterations,
            converged,
            df_residual,
        } => {
            fit.set_item("deviance", deviance)?;
            fit.set_item("null_deviance", null_deviance)?;
            fit.set_item("aic", aic)?;
            fit.set_item("bic", bic)?;
            fit.set_item("iterations", iterations)?;
            fit.set_item("converged", converged)?;
            fit.set_item("df_residual", df_residual)?;
        }
    }
    d.set_item("fit", fit)?;
    Ok(d)
}

/// The layer-by-layer QAP correlation table as CSV (`coprod qap
/// --correlations --format csv`).
#[pyfunction]
#[pyo3(signature = (case, reps=1000, seed=1, null="qapspp", mode="auto"))]
pub fn qap_correlations(
    py: Python<'_>,
    case: &Case,
    reps: usize,
    seed: u64,
    null: &str,
    mode: &str,
) -> PyResult<String> {
    let opts = qap_options(null, "t", reps, seed, mode).py_err(py)?;
    let g = &case.g;
    py.allow_threads(|| coprod::report::correlation_text(g, &opts, "csv"))
        .py_err(py)
}

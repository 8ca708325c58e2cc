//! E3: the fitted ERGM of the pre-registration, and the counterfactual
//! draws E4 reads.

use crate::inference::ergm::case::{CaseFitOptions, fit_view};
use crate::inference::ergm::fit::{ErgmFit, FitOptions};
use crate::model::{CoreSet, NodeSet, View};
use serde::Serialize;

/// The pre-registered formula on a directed coding.
pub const DIRECTED_FORMULA: &str = "edges + mutual + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwidegree(0.5, fixed=TRUE) + nodeifactor(\"core\", levels=\"core\") + nodeofactor(\"core\", levels=\"core\")";
/// The same without the core's terms (for ΔAIC).
pub const DIRECTED_REDUCED: &str =
    "edges + mutual + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwidegree(0.5, fixed=TRUE)";
/// The pre-registered formula on a symmetrised coding.
pub const UNDIRECTED_FORMULA: &str = "edges + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwdegree(0.5, fixed=TRUE) + nodefactor(\"core\", levels=\"core\")";
/// The same without the core's term.
pub const UNDIRECTED_REDUCED: &str =
    "edges + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwdegree(0.5, fixed=TRUE)";

/// Options of E3 and E4.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelOptions {
    /// The estimator's options (its sampler seed is replaced by `seed`).
    pub fit: FitOptions,
    /// Counterfactual draws (default 1,000).
    pub draws: usize,
    /// The seed.
    pub seed: u64,
}

impl Default for ModelOptions {
    fn default() -> Self {
        ModelOptions {
            fit: FitOptions::default(),
            draws: 1000,
            seed: 0,
        }
    }
}

/// One term of the fitted model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelTerm {
    /// statnet's coefficient name.
    pub term: String,
    /// θ̂.
    pub estimate: f64,
    /// Its standard error.
    pub se: f64,
    /// 95 % Wald interval.
    pub interval: [f64; 2],
    /// Two-sided Wald p.
    pub p: f64,
}

/// E3.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelEvidence {
    /// The formula fitted.
    pub formula: String,
    /// The estimator.
    pub estimator: String,
    /// The terms (empty when the fit failed).
    pub terms: Vec<ModelTerm>,
    /// The term whose Wald test enters Holm's family.
    pub tested_term: String,
    /// AIC(without the core's terms) − AIC(with them).
    pub delta_aic: Option<f64>,
    /// Why E3 is not used, `None` when it is.
    pub not_used: Option<String>,
    /// The counterfactual draws (edge lists over the view's nodes); not serialised.
    #[serde(skip)]
    pub counterfactual: Option<Vec<Vec<(u32, u32)>>>,
}

impl ModelEvidence {
    /// The tested term's row.
    pub fn tested(&self) -> Option<&ModelTerm> {
        self.terms.iter().find(|t| t.term == self.tested_term)
    }
}

fn rows(f: &ErgmFit) -> Vec<ModelTerm> {
    f.terms
        .iter()
        .map(|t| ModelTerm {
            term: t.term.clone(),
            estimate: t.estimate,
            se: t.se,
            interval: [t.lower, t.upper],
            p: t.p,
        })
        .collect()
}

/// Fit E3 on `view` with the core set `core`; every failure is a named
/// `not_used` reason, not an error.
pub fn model_evidence(view: &View<'_>, core: &NodeSet, opts: &ModelOptions) -> ModelEvidence {
    let (formula, reduced, tested) = if view.is_directed() {
        (DIRECTED_FORMULA, DIRECTED_REDUCED, "nodeifactor.core.core")
    } else {
        (
            UNDIRECTED_FORMULA,
            UNDIRECTED_REDUCED,
            "nodefactor.core.core",
        )
    };
    let ids = view.ids();
    let mut fit = opts.fit.clone();
    fit.sampler.seed = opts.seed;
    let o = CaseFitOptions {
        core: CoreSet::Ids(core.iter().map(|v| ids[v].to_string()).collect()),
        fit,
        ..CaseFitOptions::default()
    };
    let mut e = ModelEvidence {
        formula: formula.into(),
        estimator: String::new(),
        terms: Vec::new(),
        tested_term: tested.into(),
        delta_aic: None,
        not_used: None,
        counterfactual: None,
    };
    let full = match fit_view(view, formula, &o) {
        Ok(f) => f,
        Err(err) => {
            e.not_used = Some(format!("the fit failed: {err}"));
            return e;
        }
    };
    e.estimator = full.fit.estimator.label().into();
    e.terms = rows(&full.fit);
    let without = fit_view(view, reduced, &o);
    e.delta_aic = match (&without, full.fit.aic()) {
        (Ok(w), Some(a)) => w.fit.aic().map(|b| b - a),
        _ => None,
    };
    if e.delta_aic.is_none() {
        e.not_used = Some(match without {
            Err(err) => format!("the fit without the core's terms failed: {err}"),
            Ok(_) => "no log-likelihood for the MCMC-MLE fit: ΔAIC cannot be computed".into(),
        });
    }
    e
}

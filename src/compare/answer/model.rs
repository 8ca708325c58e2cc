//! E3: the fitted ERGM of the pre-registration
//! ([`core_evidence`](crate::inference::ergm::evidence::core_evidence)),
//! summarised for the answer, with the counterfactual draws E4 reads.

use crate::inference::ergm::evidence::{CoreEvidence, EvidenceOptions, core_evidence};
use crate::model::{CoreSet, NodeSet, View};
use serde::Serialize;

/// Options of E3 and E4: those of
/// [`core_evidence`](crate::inference::ergm::evidence::core_evidence) (its
/// seed is replaced by the answer's).
pub type ModelOptions = EvidenceOptions;

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

/// E3, as the answer reads and prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelEvidence {
    /// The formula fitted.
    pub formula: String,
    /// The formula without the core's terms.
    pub formula_without_core: String,
    /// The estimator (empty when the fit failed).
    pub estimator: String,
    /// Every term of the full fit (empty when it failed).
    pub terms: Vec<ModelTerm>,
    /// The term whose Wald test enters Holm's family.
    pub tested_term: String,
    /// AIC(without the core's terms) − AIC(with them).
    pub delta_aic: Option<f64>,
    /// Its Monte-Carlo standard error (bridge sampling).
    pub delta_aic_se: Option<f64>,
    /// Why the fit without the core's terms failed, if it did.
    pub without_core_failed: Option<String>,
    /// The goodness-of-fit distributions outside their band ("k of m values").
    pub gof_failing: Vec<String>,
    /// Networks the goodness-of-fit check simulated (0: not run).
    pub gof_draws: usize,
    /// Why E3 is not used (`name: message`), `None` when it is.
    pub not_used: Option<String>,
    /// θ of the counterfactual (core terms 0, `edges` re-solved), by term.
    pub counterfactual_theta: Vec<(String, f64)>,
    /// The counterfactual draws (edge lists over the view's nodes, in chain
    /// order); not serialised.
    #[serde(skip)]
    pub counterfactual: Option<Vec<Vec<(u32, u32)>>>,
    /// Sampler steps between two counterfactual draws: the fit's adapted
    /// interval, at least 1,024 (0: none drawn).
    pub counterfactual_interval: usize,
    /// Chains the counterfactual draws come from (0: none drawn).
    pub counterfactual_chains: usize,
}

impl ModelEvidence {
    /// The tested term's row.
    pub fn tested(&self) -> Option<&ModelTerm> {
        self.terms.iter().find(|t| t.term == self.tested_term)
    }

    fn from_core(e: CoreEvidence, directed: bool) -> ModelEvidence {
        let terms: Vec<ModelTerm> = e.fit.as_ref().map_or_else(Vec::new, |f| {
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
        });
        let names: Vec<String> = terms.iter().map(|t| t.term.clone()).collect();
        let (gof_failing, gof_draws) = e.gof.as_ref().map_or((Vec::new(), 0), |g| {
            (
                g.failing()
                    .map(|(d, m)| format!("{}: {m}", d.name))
                    .collect(),
                g.draws,
            )
        });
        ModelEvidence {
            formula: e.formula,
            formula_without_core: e.formula_without_core,
            estimator: e
                .fit
                .as_ref()
                .map_or(String::new(), |f| f.estimator.label().to_string()),
            terms,
            tested_term: if directed {
                "nodeifactor.core.core"
            } else {
                "nodefactor.core.core"
            }
            .into(),
            delta_aic: e.delta_aic,
            delta_aic_se: e.delta_aic_se,
            without_core_failed: e.fit_without_core.err(),
            gof_failing,
            gof_draws,
            not_used: e
                .usable
                .err()
                .map(|w| format!("{}: {}", w.name(), w.message())),
            counterfactual_theta: e
                .counterfactual_theta
                .map(|t| names.iter().cloned().zip(t).collect())
                .unwrap_or_default(),
            counterfactual: (!e.counterfactual.is_empty()).then_some(e.counterfactual),
            counterfactual_interval: e.counterfactual_interval,
            counterfactual_chains: e.counterfactual_chains,
        }
    }
}

/// Fit E3 (and draw E4's counterfactual) on `view` with the core set `core`.
///
/// # Errors
/// Bad input only (see
/// [`core_evidence`](crate::inference::ergm::evidence::core_evidence)); a
/// fit that fails, does not converge or is rejected by its goodness of fit
/// is a `not_used` reason.
pub fn model_evidence(
    view: &View<'_>,
    core: &NodeSet,
    opts: &ModelOptions,
) -> crate::error::Result<ModelEvidence> {
    if core.is_empty() {
        let (formula, without) = crate::inference::ergm::case::prereg_formulas(view);
        return Ok(ModelEvidence {
            formula: formula.into(),
            formula_without_core: without.into(),
            estimator: String::new(),
            terms: Vec::new(),
            tested_term: String::new(),
            delta_aic: None,
            delta_aic_se: None,
            without_core_failed: None,
            gof_failing: Vec::new(),
            gof_draws: 0,
            not_used: Some(
                "no core actor in this coding: nothing to fit the core's terms to".into(),
            ),
            counterfactual_theta: Vec::new(),
            counterfactual: None,
            counterfactual_interval: 0,
            counterfactual_chains: 0,
        });
    }
    let ids = view.ids();
    let cs = CoreSet::Ids(core.iter().map(|v| ids[v].to_string()).collect());
    let e = core_evidence(view, &cs, opts)?;
    Ok(ModelEvidence::from_core(e, view.is_directed()))
}

//! Fitting an ERGM to a view of a case: the network, its attributes, the
//! codebook's constraints and the default formula.
//!
//! **The default formula** (the same for every bundled case, so that the
//! cases are compared on one model; directed views):
//!
//! ```text
//! edges + mutual + nodefactor("core", levels="core") + nodematch("sector")
//!       + gwidegree(0.5, fixed=TRUE) + gwesp(0.5, fixed=TRUE)
//! ```
//!
//! * `edges`: the baseline log-odds of a tie (density);
//! * `mutual`: reciprocity (bonding: ties returned);
//! * `nodefactor("core", levels="core")`: the core's factor — how much more
//!   (or less) active the core's actors are than the rest, once the other
//!   terms are held fixed: the "one core" claim as a coefficient. `core` is
//!   the node attribute `core` / `other` of [`CaseFitOptions::core`]: the
//!   party actors by default, the civil affairs bureau in `x_district`
//!   ([`default_core`]), whose paper names an administrative core;
//! * `nodematch("sector")`: sector homophily (ties within party, state,
//!   market, society rather than across them);
//! * `gwidegree(0.5, fixed=TRUE)`: popularity spread (a negative value: ties
//!   concentrate on a few popular receivers, the "bridging" hub structure);
//! * `gwesp(0.5, fixed=TRUE)`: closure (bonding: transitive two-paths).
//!
//! The governance-network literature fits exactly these to separate
//! bridging (ties to popular actors) from bonding (reciprocity and closure);
//! decay 0.5 is statnet's tutorial value. On a symmetric view `mutual` is
//! dropped and `gwidegree` becomes `gwdegree`.

use super::constraints::{Constraint, DyadMask, mask_of_view};
use super::fit::{ErgmFit, FitOptions, fit};
use super::network::ErgmData;
use super::terms::Model;
use crate::error::Result;
use crate::model::{CoreSet, View};

/// The core of a bundled case: `civil_affairs_bureau` for `x_district`
/// (003 names the civil affairs bureau as the lead unit), the party
/// actors for every other case.
pub fn default_core(case_id: &str) -> CoreSet {
    match case_id {
        "x_district" => CoreSet::Ids(vec!["civil_affairs_bureau".into()]),
        _ => CoreSet::default(),
    }
}

/// The default formula for a directed view.
pub const DEFAULT_DIRECTED: &str = "edges + mutual + nodefactor(\"core\", levels=\"core\") + nodematch(\"sector\") + gwidegree(0.5, fixed=TRUE) + gwesp(0.5, fixed=TRUE)";

/// The default formula for an undirected (symmetric) view.
pub const DEFAULT_UNDIRECTED: &str = "edges + nodefactor(\"core\", levels=\"core\") + nodematch(\"sector\") + gwdegree(0.5, fixed=TRUE) + gwesp(0.5, fixed=TRUE)";

/// The pre-registered formula of the answer (E3 of `docs/PREREGISTRATION.md`)
/// for a directed view: popularity of the core as a receiver
/// (`nodeifactor`) and as a sender (`nodeofactor`) beside reciprocity, sector
/// homophily, closure and the spread of popularity.
pub const PREREG_DIRECTED: &str = "edges + mutual + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwidegree(0.5, fixed=TRUE) + nodeifactor(\"core\", levels=\"core\") + nodeofactor(\"core\", levels=\"core\")";

/// [`PREREG_DIRECTED`] without its core terms (the AIC comparison).
pub const PREREG_DIRECTED_NO_CORE: &str =
    "edges + mutual + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwidegree(0.5, fixed=TRUE)";

/// The pre-registered formula for a symmetrised (undirected) view.
pub const PREREG_UNDIRECTED: &str = "edges + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwdegree(0.5, fixed=TRUE) + nodefactor(\"core\", levels=\"core\")";

/// [`PREREG_UNDIRECTED`] without its core term.
pub const PREREG_UNDIRECTED_NO_CORE: &str =
    "edges + nodematch(\"sector\") + gwesp(0.5, fixed=TRUE) + gwdegree(0.5, fixed=TRUE)";

/// The pre-registered formula of a view and the same without the core
/// terms: `(with, without)`.
pub fn prereg_formulas(view: &View<'_>) -> (&'static str, &'static str) {
    if view.is_directed() {
        (PREREG_DIRECTED, PREREG_DIRECTED_NO_CORE)
    } else {
        (PREREG_UNDIRECTED, PREREG_UNDIRECTED_NO_CORE)
    }
}

/// The default formula for a view (see the module doc).
pub fn default_formula(view: &View<'_>) -> &'static str {
    if view.is_directed() {
        DEFAULT_DIRECTED
    } else {
        DEFAULT_UNDIRECTED
    }
}

/// Options of [`fit_view`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CaseFitOptions {
    /// The constraint (default: the codebook's structural zeros).
    pub constraint: Constraint,
    /// Actor pairs (source id, target id) held at their observed value.
    pub fixed: Vec<(String, String)>,
    /// The core set, written as the node attribute `core` (`core` / `other`).
    pub core: CoreSet,
    /// The estimator's options.
    pub fit: FitOptions,
}

/// A fit of a view of a case with what it was fitted on.
#[derive(Debug, Clone)]
pub struct CaseFit {
    /// The network and its attributes.
    pub data: ErgmData,
    /// The dyad mask.
    pub mask: DyadMask,
    /// The fit.
    pub fit: ErgmFit,
}

/// Fit `formula` to a view of a case under the options' constraint.
///
/// # Errors
/// Every error of [`Model::parse`], [`mask_of_view`] and [`fit`].
///
/// ```no_run
/// use coprod::inference::ergm::case::{CaseFitOptions, default_formula, fit_view};
/// use coprod::model::View;
/// let g = coprod::cases::load("jinsong")?;
/// let view = View::aggregate(&g);
/// let f = fit_view(&view, default_formula(&view), &CaseFitOptions::default())?;
/// for t in &f.fit.terms {
///     println!("{:<32} {:>8.3} ({:.3})", t.term, t.estimate, t.se);
/// }
/// # Ok::<(), coprod::Error>(())
/// ```
pub fn fit_view(view: &View<'_>, formula: &str, opts: &CaseFitOptions) -> Result<CaseFit> {
    let (data, model, mask) = prepare_view(view, formula, opts)?;
    let fit = fit(&model, &data.network, &mask, &opts.fit)?;
    Ok(CaseFit { data, mask, fit })
}

/// What [`fit_view`] fits on: the network with its attributes (`core`
/// written from the options' core set), the parsed formula and the dyad mask.
///
/// # Errors
/// As [`fit_view`], but for the fit's own.
pub fn prepare_view(
    view: &View<'_>,
    formula: &str,
    opts: &CaseFitOptions,
) -> Result<(ErgmData, Model, DyadMask)> {
    let mut data = ErgmData::from_view(view);
    let core = opts.core.node_set(view)?;
    if core.is_empty() && formula.contains("\"core\"") {
        return Err(crate::Error::InvalidParameter {
            name: "core",
            reason: format!(
                "no actor of the core `{}` in this view: name the core (--core kind:<kind> or ids)",
                opts.core
            ),
        });
    }
    let labels: Vec<&str> = (0..data.network.n())
        .map(|i| if core.contains(i) { "core" } else { "other" })
        .collect();
    data.set_attribute("core", &labels)?;
    let model = Model::parse(formula, &data)?;
    let mask = mask_of_view(view, &data, &opts.constraint, &opts.fixed)?;
    Ok((data, model, mask))
}

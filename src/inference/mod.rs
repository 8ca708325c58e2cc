//! Statistical models fitted to a view of a case.
//!
//! `inference` sits between the measures and the baselines: a model is fitted
//! to a view (and may use measures for its goodness of fit), and `baselines`
//! draw from a fitted model as from a null model. Each estimator returns the
//! estimate, its uncertainty, its diagnostics and the reason it failed when it
//! did (never a silent number).
//!
//! * `ergm`: exponential random graph models (statnet `ergm`'s terms).
//! * `sbm`: stochastic block models compared by description length
//!   (graph-tool's `BlockState.entropy`).
//! * `qap`: QAP and MR-QAP regression across the layers (R `sna`'s
//!   `gcor`, `qaptest`, `netlm`, `netlogit`).
pub mod ergm;
pub(crate) mod linalg;
pub mod sbm;

pub mod qap;

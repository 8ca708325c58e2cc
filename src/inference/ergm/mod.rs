//! Exponential random graph models (ERGM), as statnet's `ergm` fits them.
//!
//! An ERGM gives every network y on the free dyads the probability
//!
//! ```text
//! P_θ(Y = y) = exp(θ · g(y)) / κ(θ),     κ(θ) = Σ_{y'} exp(θ · g(y'))
//! ```
//!
//! where g(y) is the vector of the formula's statistics ([`terms`]) and the
//! sum runs over every network that agrees with the constraints
//! ([`constraints`]). The conditional log-odds of a tie is θ · Δ_ij g(y),
//! the change statistics, which is what every estimator here works on.
//!
//! * [`formula`]: statnet's formula syntax, parsed with typed errors.
//! * [`terms`]: the registry of terms and the [`Model`](terms::Model).
//! * [`network`]: the binary network, its attributes and dyadic covariates.
//! * [`constraints`]: the codebook's structural zeros as a dyad mask.
//! * [`mple`]: the pseudo-likelihood (plain and Firth-penalised).
//! * [`exact`]: the exact likelihood of tiny networks by enumeration.
//! * [`bridge`]: the log-likelihood of an MCMC-MLE fit by bridge sampling.
//! * [`gof`]: goodness of fit (degree, ESP, distances) and the prereg rule.
//! * [`simulate`]: networks drawn from a fit, and the counterfactual.
//! * [`evidence`]: the answer's E3/E4 model part for one view ([`evidence::core_evidence`]).
//! * [`sampler`]: Metropolis–Hastings within the mask (toggle and TNT).
//! * [`mcmle`]: the MCMC-MLE's pieces; [`driver`]: its iteration (adaptation,
//!   restarts, the cap); [`fit()`] puts the estimators together.
//! * [`bipartite`]: the arenas as the second mode (actor × arena membership, two-mode terms).
//! * [`sa`]: stochastic approximation (Robbins–Monro, Snijders 2002), the alternative to MCMC-MLE.
//!
//! ```
//! use coprod::inference::ergm::{network::{ErgmData, Network}, terms::Model};
//! // A path 0 — 1 — 2 plus the tie 2 — 3.
//! let net = Network::from_edges(4, false, &[(0, 1), (1, 2), (2, 3)]).unwrap();
//! let data = ErgmData::new(net);
//! let m = Model::parse("edges + kstar(2) + triangle", &data).unwrap();
//! assert_eq!(m.names(), ["edges", "kstar2", "triangle"]);
//! assert_eq!(m.statistics(&data.network), vec![3.0, 2.0, 0.0]);
//! // Adding 0 — 2: one tie, three new 2-stars (one at 0, two at 2), the triangle 0-1-2.
//! let mut d = vec![0.0; 3];
//! m.change(&data.network, 0, 2, &mut d);
//! assert_eq!(d, vec![1.0, 3.0, 1.0]);
//! ```
//!
//! References: Hunter, Handcock, Butts, Goodreau & Morris (2008), ergm: A
//! package to fit, simulate and diagnose exponential-family models for
//! networks, *J. Stat. Softw.* 24(3), doi:10.18637/jss.v024.i03; Hunter
//! (2007), Curved exponential family models for social networks, *Social
//! Networks* 29(2), doi:10.1016/j.socnet.2006.08.005 (gwesp, gwdsp, gwdegree).

pub mod bipartite;
pub mod bridge;
pub mod case;
pub mod constraints;
pub mod driver;
pub mod evidence;
pub mod exact;
pub mod fit;
pub mod formula;
pub mod gof;
pub mod linalg;
pub mod mcmle;
pub mod mple;
pub mod network;
pub mod sa;
pub mod sampler;
pub mod simulate;
pub mod terms;

pub use fit::{ErgmFit, Estimator, FitOptions, Method, TermEstimate, fit};

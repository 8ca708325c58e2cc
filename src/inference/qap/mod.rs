//! QAP and MR-QAP: correlation and regression across the layers of a case.
//!
//! The quadratic assignment procedure tests a statistic computed on dyadic
//! matrices against its distribution when the actors of one matrix are
//! relabelled at random, which keeps every dependence among a matrix's cells
//! (an actor's ties stay together) and breaks only the alignment between
//! matrices. This module follows R `sna` (Butts, 2.7) call for call:
//!
//! * [`gcor`], [`gcov`] and [`qaptest`] (`sna::gcor`, `gcov`, `qaptest`),
//!   and the layer-by-layer table of a case, [`layer_correlations`];
//! * [`netlm`] and [`netlogit`] (`sna::netlm`, `netlogit`) with the null
//!   hypotheses sna offers ([`NullHypothesis`]: Dekker's semi-partialling,
//!   `qapy`, `qapx`, `qapallx`, `classical`) and Firth's penalised logit when
//!   the data separate;
//! * the dyadic matrices of a case ([`Dyads`]): a layer or a union of layers,
//!   the aggregate, arena co-membership, and attribute covariates.
//!
//! Randomness: replicate `i` relabels with [`crate::random::stream`]`(seed, i)`
//! ([`permutation`]), replicates are computed in parallel in fixed chunks,
//! and the result is the same on 1 and 2 threads.
//!
//! What a QAP p-value controls: the probability, under exchangeability of the
//! actors' labels in the permuted matrix (given the others), of a statistic
//! at least as extreme. It is robust to row/column autocorrelation, not to
//! every network dependence (Dekker et al. 2007); the standard errors printed
//! beside the estimates assume independent dyads and are descriptive only.

mod correlation;
mod dist;
mod dyads;
mod glm;
mod grouped;
mod linalg;
mod matrix;
mod regression;
mod replicate;

pub use correlation::{
    GraphStatistic, LayerCorrelation, QapTest, gcor, gcov, layer_correlations, qaptest,
};
pub use dyads::{ArenaMode, DyadOptions, Dyads, TERMS};
pub use matrix::{DyadicMatrix, Mode};
pub use regression::{netlm, netlogit};
pub use replicate::permutation;

use crate::measures::Parallelism;
use crate::progress::Progress;

/// What the permutations hold fixed (sna's `nullhyp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NullHypothesis {
    /// Dekker's semi-partialling plus (sna `"qapspp"`, also its `"qap"`):
    /// for each term, regress it on the others, relabel the residual matrix
    /// and refit the outcome on the others plus the relabelled residual.
    /// With one term only (no partialling possible), sna and coprod use `Qapy`.
    #[default]
    Qapspp,
    /// Relabel the outcome, keep every predictor (sna `"qapy"`).
    Qapy,
    /// Relabel each predictor in turn, keep the rest (sna `"qapx"`).
    Qapx,
    /// Relabel every predictor, each with its own permutation (sna `"qapallx"`).
    Qapallx,
    /// No permutation: Student's t with `N - p` degrees of freedom, as if the
    /// dyads were independent (sna `"classical"`; Firth fits read the normal).
    Classical,
}

impl NullHypothesis {
    /// Every value, in declaration order.
    pub const ALL: &'static [NullHypothesis] = &[
        NullHypothesis::Qapspp,
        NullHypothesis::Qapy,
        NullHypothesis::Qapx,
        NullHypothesis::Qapallx,
        NullHypothesis::Classical,
    ];

    /// sna's name.
    pub fn as_str(self) -> &'static str {
        match self {
            NullHypothesis::Qapspp => "qapspp",
            NullHypothesis::Qapy => "qapy",
            NullHypothesis::Qapx => "qapx",
            NullHypothesis::Qapallx => "qapallx",
            NullHypothesis::Classical => "classical",
        }
    }
}

/// The statistic the permutations compare (sna's `test.statistic`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TestStatistic {
    /// The t value (`netlm`, sna `"t-value"`) or z value (`netlogit`, sna
    /// `"z-value"`): sna's default, and pivotal (Dekker et al. 2007).
    #[default]
    Standardized,
    /// The coefficient itself (sna `"beta"`).
    Beta,
}

/// How [`netlogit`] estimates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogitEstimator {
    /// Maximum likelihood (R's `glm.fit`, sna's fit) unless the data separate;
    /// then Firth, and the result names the separation.
    #[default]
    Auto,
    /// Maximum likelihood; separated data are an error ([`crate::Error::Separation`]).
    MaximumLikelihood,
    /// Firth's penalised likelihood always (`brglm2`, `type = "AS_mean"`).
    Firth,
}

/// The estimator a fit used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Estimator {
    /// Ordinary least squares (`netlm`).
    LeastSquares,
    /// Logistic maximum likelihood (R's `glm.fit`).
    MaximumLikelihood,
    /// Firth's penalised logistic likelihood.
    Firth,
}

impl Estimator {
    /// A short name (`ols`, `ml`, `firth`).
    pub fn as_str(self) -> &'static str {
        match self {
            Estimator::LeastSquares => "ols",
            Estimator::MaximumLikelihood => "ml",
            Estimator::Firth => "firth",
        }
    }
}

/// Options of [`netlm`], [`netlogit`] and [`qaptest`].
#[derive(Debug, Clone, PartialEq)]
pub struct QapOptions {
    /// The null hypothesis (default: Dekker's semi-partialling).
    pub null: NullHypothesis,
    /// The statistic compared (default: t / z, as sna).
    pub statistic: TestStatistic,
    /// Replicates (default 1000, sna's).
    pub reps: usize,
    /// Seed of the relabellings.
    pub seed: u64,
    /// Which dyads (default: graph when every matrix is symmetric).
    pub mode: Mode,
    /// Whether the model has an intercept (default true, as sna).
    pub intercept: bool,
    /// Replicates in parallel or not (the same bits either way).
    pub parallelism: Parallelism,
    /// A bar counting permutations on a terminal ([`Progress::Auto`], the default).
    pub progress: Progress,
}

impl Default for QapOptions {
    fn default() -> Self {
        QapOptions {
            null: NullHypothesis::Qapspp,
            statistic: TestStatistic::Standardized,
            reps: 1000,
            seed: 1,
            mode: Mode::Auto,
            intercept: true,
            parallelism: Parallelism::Auto,
            progress: Progress::Auto,
        }
    }
}

/// One coefficient of a QAP regression.
#[derive(Debug, Clone, PartialEq)]
pub struct Coefficient {
    /// The term (`(intercept)` first).
    pub term: String,
    /// The estimate.
    pub estimate: f64,
    /// Its standard error as if the dyads were independent (descriptive).
    pub std_error: f64,
    /// t (OLS) or z (logit) value, `estimate / std_error`.
    pub statistic: f64,
    /// `P(|T| >= |t|)`: sna's `pgreqabs`, the two-sided p-value.
    pub p_abs: f64,
    /// `P(T >= t)`: sna's `pgreq`.
    pub p_greater: f64,
    /// `P(T <= t)`: sna's `pleeq`.
    pub p_less: f64,
}

impl Coefficient {
    /// Monte-Carlo standard error of [`p_abs`](Self::p_abs) from `reps`
    /// replicates, `sqrt(p (1 - p) / reps)`; `None` without replicates.
    pub fn p_abs_mc_se(&self, reps: usize) -> Option<f64> {
        (reps > 0).then(|| (self.p_abs * (1.0 - self.p_abs) / reps as f64).sqrt())
    }
}

/// Fit statistics of a QAP regression.
#[derive(Debug, Clone, PartialEq)]
pub enum FitStatistics {
    /// `netlm`.
    Linear {
        /// `1 - RSS / TSS` (TSS about the mean with an intercept).
        r_squared: f64,
        /// Adjusted for the terms.
        adj_r_squared: f64,
        /// `sqrt(RSS / (N - p))`.
        residual_se: f64,
        /// `N - p`.
        df_residual: usize,
    },
    /// `netlogit`.
    Logit {
        /// Residual deviance (of the penalised fit's estimate, for Firth).
        deviance: f64,
        /// Deviance of the intercept-only model.
        null_deviance: f64,
        /// `deviance + 2 p`.
        aic: f64,
        /// `deviance + p ln N`.
        bic: f64,
        /// Iterations of the observed fit.
        iterations: usize,
        /// Whether it met its convergence test.
        converged: bool,
        /// `N - p`.
        df_residual: usize,
    },
}

/// Separation found in a logit's data.
#[derive(Debug, Clone, PartialEq)]
pub struct Separation {
    /// Terms whose maximum-likelihood estimate is infinite.
    pub terms: Vec<String>,
    /// Dyads fitted with probability within 1e-8 of 0 or 1 on the Newton path.
    pub cells_at_bound: usize,
}

/// A fitted QAP regression.
#[derive(Debug, Clone, PartialEq)]
pub struct QapRegression {
    /// The outcome's name.
    pub outcome: String,
    /// The estimator used.
    pub estimator: Estimator,
    /// The coefficients, intercept first.
    pub coefficients: Vec<Coefficient>,
    /// The dyads used (resolved: graph or digraph).
    pub mode: Mode,
    /// The null used (`Qapy` when `Qapspp` was asked with one term).
    pub null: NullHypothesis,
    /// The statistic compared.
    pub statistic: TestStatistic,
    /// Replicates (0 for the classical null).
    pub reps: usize,
    /// Seed of the relabellings.
    pub seed: u64,
    /// Replicates whose fit failed (singular design), left out of the p-values.
    pub failed_replicates: usize,
    /// Actors.
    pub n_actors: usize,
    /// Dyads modelled, `N`.
    pub n_dyads: usize,
    /// Fit statistics.
    pub fit: FitStatistics,
    /// The separation that made a logit switch to Firth, if any.
    pub separation: Option<Separation>,
}

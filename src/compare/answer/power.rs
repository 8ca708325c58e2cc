//! The rule's power at a case's size: plant a truth in graphs of the case's
//! size, density, direction and actors, run the whole rule on each, count
//! the answers.

use super::driver::{AnswerOptions, answer_view};
use super::rule::Outcome;
use crate::baselines::{Planted, draw_planted, planted_truths};
use crate::error::Result;
use crate::model::{CoreSet, MultiplexGraph, View};
use crate::progress::Progress;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Options of [`power_study`].
#[derive(Debug, Clone, PartialEq)]
pub struct PowerOptions {
    /// Planted graphs per truth (the pre-registration's 200 by default).
    pub draws: usize,
    /// Seed of the study: draw `i` of truth `t` uses [`draw_seed`]`(seed, t, i)`.
    pub seed: u64,
    /// The truths (default [`planted_truths`]).
    pub truths: Vec<Planted>,
    /// The rule's options (its seed is replaced per draw). Default: the
    /// answer's defaults without E1's posterior, which informs and does not
    /// enter the rule.
    pub answer: AnswerOptions,
    /// A bar over the planted graphs answered (truths × draws) on a terminal.
    pub progress: Progress,
}

impl Default for PowerOptions {
    fn default() -> Self {
        PowerOptions {
            draws: 200,
            seed: 0,
            truths: planted_truths(),
            answer: AnswerOptions {
                posterior: None,
                ..AnswerOptions::default()
            },
            progress: Progress::Auto,
        }
    }
}

/// The seed of draw `i` of the `t`-th truth: distinct for every (t, i), so
/// no two planted graphs share a stream.
pub fn draw_seed(seed: u64, t: usize, i: usize) -> u64 {
    seed.wrapping_mul(1_000_003)
        .wrapping_add((t as u64) << 32)
        .wrapping_add(i as u64)
}

/// The answer that is right for a planted truth: one core for one core,
/// several centres for k centres, "cannot tell" for no structure (there is
/// no centre to find; calling it polycentric or one core is an error).
pub fn right_answer(truth: Planted) -> Outcome {
    match truth {
        Planted::OneCore => Outcome::OneCore,
        Planted::Centres(_) => Outcome::SeveralCentres,
        Planted::NoStructure => Outcome::CannotTell,
    }
}

/// One truth's row of the confusion matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerRow {
    /// The truth planted (`one_core`, `centres_2`, `centres_3`, `no_structure`).
    pub truth: String,
    /// The answer that is right for it.
    pub right: Outcome,
    /// How many draws got each answer, in the order of [`Outcome::ALL`].
    pub answers: [usize; 4],
    /// Draws the rule ran on.
    pub draws: usize,
    /// Share of draws with the right answer.
    pub recovery: f64,
    /// Its Wilson 95 % interval.
    pub recovery_interval: [f64; 2],
    /// Share of draws answered "cannot tell".
    pub cannot_tell: f64,
}

/// The power study of one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PowerStudy {
    /// The case id.
    pub case: String,
    /// The coding the graphs are planted on (the headline: directed).
    pub coding: String,
    /// Actors, ties and core actors of that coding (the planted graphs keep them).
    pub size: [usize; 3],
    /// Draws per truth.
    pub draws: usize,
    /// The seed.
    pub seed: u64,
    /// One row per truth.
    pub rows: Vec<PowerRow>,
}

/// Wilson's score interval for `k` successes in `n` trials at 95 %.
///
/// ```text
/// z = 1.959963984540054,  p̂ = k / n
/// centre = (p̂ + z²/2n) / (1 + z²/n)
/// half   = z √(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n)
/// ```
///
/// ```
/// use coprod::compare::answer::wilson;
/// let [lo, hi] = wilson(10, 20);
/// assert!((lo - 0.299298).abs() < 1e-6 && (hi - 0.700702).abs() < 1e-6);
/// ```
///
/// E. B. Wilson (1927), *J. Amer. Statist. Assoc.* 22(158), 209–212,
/// doi:10.1080/01621459.1927.10502953.
pub fn wilson(k: usize, n: usize) -> [f64; 2] {
    if n == 0 {
        return [0.0, 1.0];
    }
    let z = 1.959_963_984_540_054_f64;
    let (n, p) = (n as f64, k as f64 / n as f64);
    let d = 1.0 + z * z / n;
    let c = (p + z * z / (2.0 * n)) / d;
    let h = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / d;
    [(c - h).max(0.0), (c + h).min(1.0)]
}

/// Run the whole rule on `draws` planted graphs of each truth at the size of
/// `case`'s headline coding (directed aggregate) with the core `core`.
///
/// Deterministic: draw `i` of truth `t` plants and answers with
/// [`draw_seed`]`(seed, t, i)`, whatever the number of threads.
///
/// # Errors
/// Those of [`draw_planted`] and [`answer_view`].
pub fn power_study(
    case: &MultiplexGraph,
    core: &CoreSet,
    opts: &PowerOptions,
) -> Result<PowerStudy> {
    let view = View::aggregate(case);
    let cs = core.node_set(&view)?;
    let bar = opts.progress.bar(
        (opts.truths.len() * opts.draws) as u64,
        &format!("power {}", case.meta().id),
        "planted graphs",
    );
    let rows = opts
        .truths
        .iter()
        .enumerate()
        .map(|(t, &truth)| -> Result<PowerRow> {
            let answers: Vec<Outcome> = (0..opts.draws)
                .into_par_iter()
                .map(|i| {
                    let s = draw_seed(opts.seed, t, i);
                    let g = draw_planted(&view, &cs, truth, s)?;
                    let v = View::aggregate(&g);
                    let a = answer_view(
                        &v,
                        &cs,
                        "planted",
                        &AnswerOptions {
                            seed: s,
                            ..opts.answer.clone()
                        },
                    )?;
                    bar.inc(1);
                    Ok(a.decision.outcome)
                })
                .collect::<Result<_>>()?;
            let mut counts = [0usize; 4];
            for a in &answers {
                counts[Outcome::ALL.iter().position(|o| o == a).unwrap_or(3)] += 1;
            }
            let right = right_answer(truth);
            let k = counts[Outcome::ALL.iter().position(|o| *o == right).unwrap_or(3)];
            let n = answers.len();
            Ok(PowerRow {
                truth: truth.to_string(),
                right,
                answers: counts,
                draws: n,
                recovery: if n == 0 { 0.0 } else { k as f64 / n as f64 },
                recovery_interval: wilson(k, n),
                cannot_tell: if n == 0 {
                    0.0
                } else {
                    counts[3] as f64 / n as f64
                },
            })
        })
        .collect::<Result<_>>()?;
    bar.finish_and_clear();
    Ok(PowerStudy {
        case: case.meta().id.clone(),
        coding: "directed".into(),
        size: [view.node_count(), view.csr().edge_count(), cs.len()],
        draws: opts.draws,
        seed: opts.seed,
        rows,
    })
}

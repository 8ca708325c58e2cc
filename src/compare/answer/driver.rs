//! The whole pre-registered rule on one view, and on every coding of a case.

use super::counterfactual::{CounterfactualTest, counterfactual_tests};
use super::evidence::{
    BlockEvidence, BlockOptions, PairsEvidence, PairsOptions, block_evidence, pairs_evidence,
};
use super::holm::holm;
use super::model::{ModelEvidence, ModelOptions, model_evidence};
use super::rule::{Decision, Outcome, RuleInputs, decide};
use crate::agreement::{AgreementOptions, Combination, Mapping, agree};
use crate::compare::Coding;
use crate::error::{Error, Result};
use crate::inference::sbm::PosteriorOptions;
use crate::model::{CoreSet, MultiplexGraph, NodeSet, View};
use crate::progress::Progress;
use rayon::prelude::*;
use serde::Serialize;
use std::fmt;

/// The pre-registration the code follows (printed with every answer).
pub const PREREGISTRATION: &str =
    "docs/PREREGISTRATION.md as registered 2026-12-06, with amendments 1 to 6";

/// Options of the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOptions {
    /// The seed of every random step (E1's search, E2's runs and nulls, E3's
    /// chains, E4's draws; default 0).
    pub seed: u64,
    /// E1's posterior over the number of blocks (its seed is replaced by
    /// `seed`; default [`e1_posterior_options`](super::e1_posterior_options));
    /// `None`: not sampled. It informs and never enters the rule, so the
    /// power study leaves it out.
    pub posterior: Option<PosteriorOptions>,
    /// E2's options (its seed is replaced by `seed`).
    pub pairs: PairsOptions,
    /// E3's and E4's options (their seed is replaced by `seed`).
    pub model: ModelOptions,
    /// Family-wise level of Holm's procedure (default 0.05).
    pub alpha: f64,
    /// The size limit: fewer actors than this is "cannot tell" (default 10).
    pub min_actors: usize,
    /// The size limit: fewer ties than this is "cannot tell" (default 15).
    pub min_ties: usize,
    /// The core set; `None` (the default): the case's registered core,
    /// [`registered_core`].
    pub core: Option<CoreSet>,
    /// A bar over the codings answered by [`answer_case`], on a terminal.
    pub progress: Progress,
}

impl Default for AnswerOptions {
    fn default() -> Self {
        AnswerOptions {
            seed: 0,
            posterior: BlockOptions::default().posterior,
            pairs: PairsOptions::default(),
            model: ModelOptions::default(),
            alpha: 0.05,
            min_actors: 10,
            min_ties: 15,
            core: None,
            progress: Progress::Auto,
        }
    }
}

/// The core set registered for a case (amendment 1 of the
/// pre-registration): `civil_affairs_bureau` for `x_district`, whose paper
/// names the civil affairs bureau as the lead unit, the party actors for
/// every other case ([`crate::inference::ergm::case::default_core`]).
pub fn registered_core(case_id: &str) -> CoreSet {
    crate::inference::ergm::case::default_core(case_id)
}

/// A coding the answer is computed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerCoding {
    /// A reading of the primary coding (directed, symmetrised, arenas
    /// projected, stated ties only).
    Reading(Coding),
    /// The second coding (`coding_b/`), directed aggregate.
    SecondCoding,
    /// The ties both codings have (among matched actors), directed aggregate.
    Intersection,
    /// The ties either coding has, directed aggregate.
    Union,
}

impl fmt::Display for AnswerCoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerCoding::Reading(c) => write!(f, "{c}"),
            AnswerCoding::SecondCoding => f.write_str("coding_b"),
            AnswerCoding::Intersection => f.write_str("a_and_b"),
            AnswerCoding::Union => f.write_str("a_or_b"),
        }
    }
}

/// One test of Holm's family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HolmRow {
    /// `E2 core pair`, `E3 <term>`, `E4 <statistic>`.
    pub test: String,
    /// Its p value.
    pub p: f64,
    /// Holm-adjusted.
    pub adjusted: f64,
    /// `adjusted ≤ α`.
    pub rejected: bool,
}

/// The answer on one coding, with all of its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodingAnswer {
    /// The coding's name (`directed`, `symmetric`, `projected`, `stated`,
    /// `coding_b`, `a_and_b`, `a_or_b`).
    pub coding: String,
    /// Actors in the view.
    pub actors: usize,
    /// Distinct ties (arcs if directed) of the view.
    pub ties: usize,
    /// Core actors in the view.
    pub core_actors: usize,
    /// The size limit is hit.
    pub size_limit: bool,
    /// E1.
    pub e1: BlockEvidence,
    /// E2.
    pub e2: PairsEvidence,
    /// E3 (`None` under the size limit: not fitted).
    pub e3: Option<ModelEvidence>,
    /// E4 (`None` when E3 is not used or not fitted).
    pub e4: Option<Vec<CounterfactualTest>>,
    /// Holm's family, in the order E2, E3, E4.
    pub holm: Vec<HolmRow>,
    /// What the rule read.
    pub inputs: RuleInputs,
    /// The outcome and why.
    pub decision: Decision,
}

/// The rule on one view: E1–E4, Holm, the decision.
///
/// # Errors
/// Those of E1 and E2 (a view without ties, a core set of another size);
/// E3's failures are not errors but its `not_used` reason.
pub fn answer_view(
    view: &View<'_>,
    core: &NodeSet,
    name: &str,
    opts: &AnswerOptions,
) -> Result<CodingAnswer> {
    let actors = view.node_count();
    let ties = view.csr().edge_count();
    let size_limit = actors < opts.min_actors || ties < opts.min_ties;
    let e1 = block_evidence(
        view,
        core,
        &BlockOptions {
            seed: opts.seed,
            posterior: opts.posterior.clone(),
        },
    )?;
    let e2 = pairs_evidence(
        view,
        core,
        &PairsOptions {
            seed: opts.seed,
            ..opts.pairs
        },
    )?;
    let (e3, e4) = if size_limit {
        (None, None)
    } else {
        let m = model_evidence(
            view,
            core,
            &ModelOptions {
                seed: opts.seed,
                ..opts.model.clone()
            },
        )?;
        let e4 = match &m.counterfactual {
            Some(draws) if m.not_used.is_none() => Some(counterfactual_tests(
                view,
                core,
                draws,
                m.counterfactual_chains,
            )?),
            _ => None,
        };
        (Some(m), e4)
    };
    let mut family: Vec<(String, f64)> = Vec::new();
    if let Some(p) = e2.core_pair_p {
        family.push(("E2 core pair".into(), p));
    }
    let tested = e3
        .as_ref()
        .filter(|m| m.not_used.is_none())
        .and_then(|m| m.tested());
    if let Some(t) = tested {
        family.push((format!("E3 {}", t.term), t.p));
    }
    for t in e4.iter().flatten() {
        if let Some(p) = t.p {
            family.push((format!("E4 {}", t.statistic), p));
        }
    }
    let ps: Vec<f64> = family.iter().map(|f| f.1).collect();
    let adj = holm(&ps);
    let holm_rows: Vec<HolmRow> = family
        .into_iter()
        .zip(adj)
        .map(|((test, p), adjusted)| HolmRow {
            test,
            p,
            adjusted,
            rejected: adjusted <= opts.alpha,
        })
        .collect();
    let rejected = |prefix: &str| {
        holm_rows
            .iter()
            .any(|r| r.test.starts_with(prefix) && r.rejected)
    };
    let core_pair_significant = rejected("E2 ");
    let core_popular = tested.is_some_and(|t| t.estimate > 0.0)
        && rejected("E3 ")
        && e3
            .as_ref()
            .and_then(|m| m.delta_aic)
            .is_some_and(|d| d >= 2.0);
    let inputs = RuleInputs {
        size_limit,
        structured: e1.structured,
        core_shaped: e1.core_shaped,
        several_centre_blocks: e1.several_centre_blocks,
        core_block_not_central: e1.core_block_not_central,
        significant_pairs: e2.other_significant + usize::from(core_pair_significant),
        core_pair_significant,
        core_popular,
    };
    Ok(CodingAnswer {
        coding: name.to_string(),
        actors,
        ties,
        core_actors: core.len(),
        size_limit,
        decision: decide(&inputs),
        e1,
        e2,
        e3,
        e4,
        holm: holm_rows,
        inputs,
    })
}

/// The answer of a case on every coding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The case id.
    pub case: String,
    /// The core set, as `--core` spells it.
    pub core: String,
    /// The core's ids in the case.
    pub core_ids: Vec<String>,
    /// The headline coding's outcome (the first coding: directed).
    pub outcome: Outcome,
    /// The same outcome on every coding.
    pub robust: bool,
    /// Every coding's answer, the headline first.
    pub codings: Vec<CodingAnswer>,
    /// The pre-registration followed.
    pub preregistration: &'static str,
    /// What the reader must know (codings not independent, codings skipped).
    pub notes: Vec<String>,
}

/// The codings of the answer for `case`: directed, symmetrised, arenas
/// projected (if it has an arena), stated ties only (if it has an inferred
/// tie), then, with a second coding, the second coding, the intersection
/// and the union.
pub fn answer_codings(case: &MultiplexGraph, second: bool) -> Vec<AnswerCoding> {
    let mut out: Vec<AnswerCoding> = Coding::all_for(case)
        .into_iter()
        .filter(|c| !matches!(c, Coding::Layer(_)))
        .map(AnswerCoding::Reading)
        .collect();
    if second {
        out.extend([
            AnswerCoding::SecondCoding,
            AnswerCoding::Intersection,
            AnswerCoding::Union,
        ]);
    }
    out
}

/// A case's second coding and the actor map between the two codings.
#[derive(Debug, Clone, Copy)]
pub struct SecondCoding<'a> {
    /// The second coding.
    pub graph: &'a MultiplexGraph,
    /// Ids that name the same body differently in the two codings
    /// (`coding_b_map.csv`; `None`: actors matched by id and label only).
    pub mapping: Option<&'a Mapping>,
}

/// Run the rule on every coding of `case` (and of its second coding, if
/// given, with the actor map between the codings), in parallel over codings with the same bits on any number of
/// threads.
///
/// # Errors
/// [`Error::UnknownActor`] for a core id the case lacks; then those of
/// [`answer_view`] and of the recodings.
pub fn answer_case(
    case: &MultiplexGraph,
    second: Option<SecondCoding<'_>>,
    core: &CoreSet,
    opts: &AnswerOptions,
) -> Result<Answer> {
    let codings = answer_codings(case, second.is_some());
    answer_on(case, second, core, opts, &codings)
}

/// The rule on the four readings of two codings that `coprod agree`
/// compares: coding A (directed aggregate), coding B, their intersection
/// and their union, as [`answer_case`] computes them.
///
/// # Errors
/// As [`answer_case`].
pub fn answer_two_codings(
    case: &MultiplexGraph,
    second: SecondCoding<'_>,
    core: &CoreSet,
    opts: &AnswerOptions,
) -> Result<Answer> {
    let codings = [
        AnswerCoding::Reading(Coding::Directed),
        AnswerCoding::SecondCoding,
        AnswerCoding::Intersection,
        AnswerCoding::Union,
    ];
    answer_on(case, Some(second), core, opts, &codings)
}

/// The rule on `codings` (the first is the headline).
fn answer_on(
    case: &MultiplexGraph,
    second: Option<SecondCoding<'_>>,
    core: &CoreSet,
    opts: &AnswerOptions,
    codings: &[AnswerCoding],
) -> Result<Answer> {
    if let CoreSet::Ids(ids) = core {
        for id in ids {
            case.actor_index(id)?;
        }
    }
    let agreement = match second {
        Some(b) => Some(agree(
            case,
            b.graph,
            &AgreementOptions {
                mapping: b.mapping.cloned(),
                ..AgreementOptions::default()
            },
        )?),
        None => None,
    };
    // A core named by ids, read on the second coding through the matching.
    let b_core: Option<CoreSet> = match (core, &agreement) {
        (CoreSet::Ids(ids), Some(a)) => Some(CoreSet::Ids(
            a.matching
                .groups
                .iter()
                .filter(|g| g.a.iter().any(|x| ids.contains(x)))
                .flat_map(|g| g.b.iter().cloned())
                .collect(),
        )),
        _ => None,
    };
    let graphs: Vec<(String, MultiplexGraph, bool)> = codings
        .iter()
        .map(|c| -> Result<(String, MultiplexGraph, bool)> {
            Ok(match c {
                AnswerCoding::Reading(r) => (c.to_string(), r.recoding().apply(case)?, false),
                AnswerCoding::SecondCoding => (
                    c.to_string(),
                    second
                        .map(|b| b.graph.clone())
                        .ok_or_else(|| Error::InvalidParameter {
                            name: "coding",
                            reason: "no second coding".into(),
                        })?,
                    true,
                ),
                AnswerCoding::Intersection | AnswerCoding::Union => {
                    let which = if *c == AnswerCoding::Intersection {
                        Combination::Intersection
                    } else {
                        Combination::Union
                    };
                    let a = agreement.as_ref().ok_or_else(|| Error::InvalidParameter {
                        name: "coding",
                        reason: "no second coding".into(),
                    })?;
                    (c.to_string(), a.combined(which)?, false)
                }
            })
        })
        .collect::<Result<_>>()?;
    let bar = opts.progress.bar(
        codings.len() as u64,
        &format!("answer {}", case.meta().id),
        "codings",
    );
    let rows: Vec<CodingAnswer> = codings
        .par_iter()
        .zip(graphs.par_iter())
        .map(|(c, (name, g, is_b))| {
            let view = match c {
                AnswerCoding::Reading(r) => r.view(g)?,
                _ => View::aggregate(g),
            };
            let c = match (&b_core, is_b) {
                (Some(b), true) => b,
                _ => core,
            };
            let cs = super::super::core_in(&view, c)?;
            let a = answer_view(&view, &cs, name, opts);
            bar.inc(1);
            a
        })
        .collect::<Result<_>>()?;
    bar.finish_and_clear();
    let outcome = rows[0].decision.outcome;
    let robust = rows.iter().all(|r| r.decision.outcome == outcome);
    let headline = View::aggregate(case);
    let core_ids = core
        .node_set(&headline)?
        .iter()
        .map(|v| headline.ids()[v].to_string())
        .collect();
    let mut notes = vec![
        "each coding gets its own answer; the codings of one case share their text and are not independent tests".to_string(),
    ];
    if let Some(r) = rows.iter().find(|r| r.size_limit) {
        notes.push(format!(
            "coding {} has {} actors and {} ties: under the size limit ({} actors, {} ties), the rule does not decide there",
            r.coding, r.actors, r.ties, opts.min_actors, opts.min_ties
        ));
    }
    Ok(Answer {
        case: case.meta().id.clone(),
        core: core.to_string(),
        core_ids,
        outcome,
        robust,
        codings: rows,
        preregistration: PREREGISTRATION,
        notes,
    })
}

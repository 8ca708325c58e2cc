//! The comparison engine: is a case "one core, many actors" or polycentric,
//! by how much against which baseline, and does the answer survive the
//! coding choices?
//!
//! * [`PANEL`]: the graph-level statistics that separate one core from many
//!   centres, each one entry (name, formula, reference, the direction the
//!   one-core claim predicts, the computation); the new ones are functions
//!   of their own ([`cross_sector_path_share`], [`cross_sector_brokerage_share`],
//!   [`effective_centres`], [`participation`], [`between_sector_distance`]).
//! * [`BASELINES`]: the models a case is compared with, one entry each: the
//!   six null models of [`baselines`](crate::baselines), the matched
//!   polycentric and one-core models, and the two counterfactuals of the
//!   case (`without-core`, `made-polycentric`: one graph each, compared
//!   value to value with [`contrast`], no z and no p).
//! * [`compare`]: `R` draws per baseline in parallel, draw `i` from
//!   [`random::stream`](crate::random::stream)`(seed, i)`, every statistic
//!   summarised as `sna::cug.test` does ([`Summary`]), on every [`Coding`]
//!   of the robustness table, with the tied optima of the core–periphery search.
//! * [`fit_dial`]: λ̂, where the case sits on the dial between polycentric
//!   and one core (the [`dial_fit`] module says what it means for the claim).
//!
//! ```
//! use coprod::compare::{CompareOptions, Coding, baselines_named, compare};
//! let g = coprod::cases::load("elevator_tx11").unwrap();
//! let opts = CompareOptions {
//!     baselines: baselines_named(&["gnm"]).unwrap(),
//!     draws: 50,
//!     codings: vec![Coding::Directed],
//!     ..CompareOptions::default()
//! };
//! let c = compare(&g, &opts).unwrap();
//! let s = c.codings[0].statistic("degree_centralization").unwrap();
//! assert_eq!(s.baselines[0].summary.draws + s.baselines[0].summary.undefined_draws, 50);
//! ```

pub mod answer;
mod baseline;
pub mod dial_fit;
mod ensemble;
mod panel;
mod request;
mod robustness;
mod statistics;

pub use answer::{
    Answer, AnswerOptions, Outcome, RuleInputs, SecondCoding, answer_case, decide, holm,
};
pub use baseline::{BASELINES, Baseline, DrawContext, Draws, baseline, baselines_named};
pub use baseline::{MADE_POLYCENTRIC_ISOLATED, OTHER_PAIRS, WITHOUT_CORE_NONE, WITHOUT_CORE_SAME};
pub use dial_fit::{
    DEFAULT_DIAL_DRAWS, DIAL_LEVEL, DIAL_PPC_LEVEL, DialEstimate, DialFit, DialFitOptions,
    DialPoint, DialStatistic, MissedStatistic, PointStatistic, PredictiveCheck, fit_dial,
};
pub use ensemble::{ALPHA, DEFAULT_DRAWS, Progress, Summary, Verdict, run_draws, summarise};
pub use ensemble::{COUNTERFACTUAL_TOLERANCE, contrast};
pub use panel::{
    Claim, NO_CORE, PANEL, PanelInput, Statistic, Unit, Value, panel, panel_values, statistic,
};
pub use request::{CompareRequest, bundled_second_coding};
pub use robustness::Coding;
pub use statistics::{
    between_sector_distance, cross_sector_brokerage_share, cross_sector_path_share,
    effective_centres, participation, top_share,
};

use crate::error::Result;
use crate::measures::Weights;
use crate::measures::core_periphery::{CorePeripheryModel, CoreSearch, OffDiagonal, tied_cores};
use crate::model::{CoreSet, Dyads, MultiplexGraph, NodeSet, OutcomeStatus, View};
use robustness::Recoding;

/// What a comparison runs.
#[derive(Debug, Clone)]
pub struct CompareOptions {
    /// The baselines (default: every one of [`BASELINES`]).
    pub baselines: Vec<&'static Baseline>,
    /// Draws per random baseline (default [`DEFAULT_DRAWS`], 1,000).
    pub draws: usize,
    /// The ensemble's seed (default 0).
    pub seed: u64,
    /// The core set (default: the party actors).
    pub core: CoreSet,
    /// The readings of the robustness table; the first is the headline
    /// (default: [`Coding::all_for`] the case; empty means that).
    pub codings: Vec<Coding>,
    /// The core–periphery search whose tied optima are listed.
    pub search: CoreSearch,
    /// Fits within this of the best count as tied (default `1e-9`).
    pub tie_tolerance: f64,
    /// Progress bar on a terminal, or never.
    pub progress: Progress,
    /// Where the case sits on the dial ([`fit_dial`] with these options, as
    /// given: set their core and seed to the comparison's), or `None` (the
    /// default) not to fit it. The CLI fits it unless `--no-dial`.
    pub dial: Option<DialFitOptions>,
    /// The dyads the null models draw on (default [`Dyads::Codebook`]: only
    /// those the codebook allows, and no isolate for a case without one;
    /// [`Dyads::All`] for the reference tools' unconstrained models, e.g. to
    /// reproduce `sna::cug.test`).
    pub dyads: Dyads,
    /// The pre-registered answer ([`answer::answer_case`]) with these
    /// options, or `None` (the default) not to run it. The main job and the
    /// CLI run it.
    pub answer: Option<AnswerOptions>,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            baselines: BASELINES.iter().collect(),
            draws: DEFAULT_DRAWS,
            seed: 0,
            core: CoreSet::default(),
            codings: Vec::new(),
            search: CoreSearch::default(),
            tie_tolerance: 1e-9,
            progress: Progress::Auto,
            dial: None,
            dyads: Dyads::Codebook,
            answer: None,
        }
    }
}

/// One statistic against one baseline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BaselineSummary {
    /// The baseline's name.
    pub baseline: &'static str,
    /// The observed value against its draws.
    pub summary: Summary,
    /// What that says about the claim (at [`ALPHA`]).
    pub verdict: Verdict,
    /// The statistic on each draw where it is defined, in draw order (the
    /// distribution a plot shows; not serialised: the summary is).
    #[serde(skip)]
    pub values: Vec<f64>,
    /// Why the statistic is undefined on a counterfactual ([`Draws::Once`]),
    /// e.g. a core statistic on the graph without the core; `None` for a
    /// random baseline or a defined value (and then not serialised).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undefined: Option<String>,
}

/// One statistic of the panel on one coding.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatisticResult {
    /// The statistic's name (a [`PANEL`] entry).
    pub name: &'static str,
    /// What the one-core claim predicts.
    pub claim: Claim,
    /// The observed value, or why it is undefined.
    pub observed: Value,
    /// Against each baseline, in the options' order.
    pub baselines: Vec<BaselineSummary>,
}

impl StatisticResult {
    /// The [`PANEL`] entry.
    pub fn entry(&self) -> &'static Statistic {
        PANEL
            .iter()
            .find(|s| s.name == self.name)
            .unwrap_or(&PANEL[0])
    }
}

/// The panel on one coding against every baseline.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CodingResult {
    /// The coding (`directed`, `symmetric`, `projected`, `stated`, `layer:<name>`).
    #[serde(serialize_with = "display")]
    pub coding: Coding,
    /// Actors and ties in the coding's view.
    pub actors: usize,
    /// Distinct ties (arcs if directed) after merging layers.
    pub ties: usize,
    /// Core actors in the view.
    pub core_actors: usize,
    /// One row per [`PANEL`] statistic, in its order.
    pub statistics: Vec<StatisticResult>,
}

fn display<S: serde::Serializer, T: std::fmt::Display>(
    x: &T,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(x)
}

impl CodingResult {
    /// The row of the statistic called `name`.
    pub fn statistic(&self, name: &str) -> Option<&StatisticResult> {
        self.statistics.iter().find(|s| s.name == name)
    }
}

/// A core of the core–periphery search tied at the optimum.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TiedCoreRow {
    /// Its members' ids, in graph order.
    pub ids: Vec<String>,
    /// Its fit.
    pub fit: f64,
    /// How many starts of the search ended at it.
    pub starts: usize,
    /// The share of its members in the core set.
    pub core_share: f64,
}

/// The comparison of a case.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Comparison {
    /// The case id.
    pub case: String,
    /// The core set, as `--core` spells it.
    pub core: String,
    /// The core set's ids in the case, in graph order.
    pub core_ids: Vec<String>,
    /// Draws per random baseline.
    pub draws: usize,
    /// The seed.
    pub seed: u64,
    /// The case's recorded outcome, if any.
    pub outcome: Option<OutcomeStatus>,
    /// The panel on each coding; the first is the headline.
    pub codings: Vec<CodingResult>,
    /// Every core tied at the best core–periphery fit on the headline coding
    /// (core–periphery cells missing, ties unweighted), best first.
    pub tied_cores: Vec<TiedCoreRow>,
    /// Where the case sits on the dial, if [`CompareOptions::dial`] asked.
    pub dial: Option<DialFit>,
    /// The pre-registered answer, if [`CompareOptions::answer`] asked.
    pub answer: Option<Answer>,
}

/// The core set's members in `view`, keeping only ids the (recoded) graph
/// holds (an arena id is gone once arenas are projected).
fn core_in(view: &View<'_>, core: &CoreSet) -> Result<NodeSet> {
    match core {
        CoreSet::Kind(_) => core.node_set(view),
        CoreSet::Ids(ids) => {
            let g = view.graph();
            let kept: Vec<&String> = ids.iter().filter(|i| g.actor_index(i).is_ok()).collect();
            view.node_set(&kept)
        }
    }
}

/// Compare `case` with the baselines on every coding.
///
/// For each recoding of the case the codings need (none, arenas projected,
/// stated ties only) and each baseline, `draws` graphs are drawn from the
/// recoded case in parallel (draw `i` from `stream(seed, i)`: the same seed
/// gives the same numbers with any number of threads), and every coding's
/// view of each draw is measured with the whole [`PANEL`]. A baseline with
/// [`Draws::Once`] contributes one graph.
///
/// # Errors
/// [`Error::UnknownActor`](crate::Error::UnknownActor) for a core id the case
/// lacks (listing its ids); [`Error::UnknownLayer`](crate::Error::UnknownLayer)
/// for a coding's layer the case lacks; [`Error::InvalidParameter`](crate::Error::InvalidParameter)
/// for 0 draws, no baseline, or a bad search; a baseline's errors;
/// [`fit_dial`]'s errors when [`CompareOptions::dial`] is set.
pub fn compare(case: &MultiplexGraph, opts: &CompareOptions) -> Result<Comparison> {
    compare_with(case, None, opts)
}

/// [`compare`], with the case's second coding (`coding_b/`) and the actor
/// map between the codings for the answer's codings B, A∩B and A∪B.
///
/// # Errors
/// As [`compare`]; those of [`answer::answer_case`] when
/// [`CompareOptions::answer`] is set.
pub fn compare_with(
    case: &MultiplexGraph,
    second: Option<SecondCoding<'_>>,
    opts: &CompareOptions,
) -> Result<Comparison> {
    if opts.baselines.is_empty() {
        return Err(crate::Error::InvalidParameter {
            name: "baseline",
            reason: "no baseline to compare with".into(),
        });
    }
    if opts.draws == 0 {
        return Err(crate::Error::InvalidParameter {
            name: "draws",
            reason: "0; an ensemble needs at least one draw".into(),
        });
    }
    let headline = View::aggregate(case);
    let core_ids: Vec<String> = {
        let set = opts.core.node_set(&headline)?;
        let ids = headline.ids();
        set.iter().map(|d| ids[d].to_string()).collect()
    };
    let codings = if opts.codings.is_empty() {
        Coding::all_for(case)
    } else {
        opts.codings.clone()
    };
    let mut recodings: Vec<Recoding> = codings.iter().map(Coding::recoding).collect();
    recodings.sort();
    recodings.dedup();
    let total: u64 = (recodings.len() * opts.baselines.len()) as u64 * opts.draws as u64;
    let bar = opts.progress.bar(total, &case.meta().id, "draws");
    let mut results: Vec<Option<CodingResult>> = vec![None; codings.len()];
    for rec in recodings {
        let g = rec.apply(case)?;
        let mine: Vec<usize> = (0..codings.len())
            .filter(|&c| codings[c].recoding() == rec)
            .collect();
        // Each coding's view and core on the recoded case, and its observed panel.
        let mut views = Vec::new();
        let mut observed = Vec::new();
        for &c in &mine {
            let v = codings[c].view(&g)?;
            let core = core_in(&v, &opts.core)?;
            let x = PanelInput::new(&v, core.clone())?;
            observed.push(
                PANEL
                    .iter()
                    .map(|s| s.value(&x))
                    .collect::<Result<Vec<_>>>()?,
            );
            // a random draw has the case's actors in its order: the view's
            // sectors are the case's, read once here, not once per draw
            views.push((v, core, x.sectors));
        }
        let cx = DrawContext {
            case: &g,
            core: &opts.core,
            dyads: opts.dyads,
        };
        // per baseline: [draw][coding][statistic]
        let mut per_baseline: Vec<Vec<Vec<Vec<Option<f64>>>>> = Vec::new();
        for b in &opts.baselines {
            let draws = match b.draws {
                Draws::Random => run_draws(opts.draws, opts.seed, &bar, |r| {
                    let h = b.draw(&cx, r)?;
                    views
                        .iter()
                        .map(|(v, core, sectors)| {
                            let x = PanelInput::from_csr(
                                v.on(&h)?.csr(),
                                sectors.clone(),
                                core.clone(),
                            )?;
                            panel_values(&x)
                        })
                        .collect::<Result<Vec<_>>>()
                })?,
                Draws::Once => {
                    let h = b.draw(&cx, &mut crate::random::stream(opts.seed, 0))?;
                    bar.inc(opts.draws as u64);
                    vec![counterfactual_values(b, &h, &mine, &codings, &opts.core)?]
                }
            };
            per_baseline.push(draws);
        }
        for (k, &c) in mine.iter().enumerate() {
            let (v, core, _) = &views[k];
            let csr = v.csr();
            let statistics = PANEL
                .iter()
                .enumerate()
                .map(|(s, st)| {
                    let obs = observed[k][s].clone();
                    let baselines = opts
                        .baselines
                        .iter()
                        .zip(&per_baseline)
                        .map(|(b, draws)| {
                            let xs: Vec<Option<f64>> = draws.iter().map(|d| d[k][s]).collect();
                            if b.draws == Draws::Once {
                                return counterfactual_summary(b, st, &obs, xs[0]);
                            }
                            let summary = summarise(obs.get(), &xs);
                            BaselineSummary {
                                baseline: b.name,
                                verdict: summary.verdict(st.claim, ALPHA),
                                summary,
                                values: xs.iter().flatten().copied().collect(),
                                undefined: None,
                            }
                        })
                        .collect();
                    StatisticResult {
                        name: st.name,
                        claim: st.claim,
                        observed: obs,
                        baselines,
                    }
                })
                .collect();
            results[c] = Some(CodingResult {
                coding: codings[c].clone(),
                actors: csr.node_count(),
                ties: csr.edge_count(),
                core_actors: core.len(),
                statistics,
            });
        }
    }
    bar.finish_and_clear();
    let first = codings[0].recoding().apply(case)?;
    let fv = codings[0].view(&first)?;
    let fcore = core_in(&fv, &opts.core)?;
    let ids = fv.ids();
    let model = CorePeripheryModel {
        off_diagonal: OffDiagonal::Missing,
        entries: Weights::Ignore,
    };
    let tied = tied_cores(&fv.csr(), &model, &opts.search, opts.tie_tolerance)?
        .into_iter()
        .map(|t| TiedCoreRow {
            ids: t.core.iter().map(|d| ids[d].to_string()).collect(),
            fit: t.fit,
            starts: t.starts,
            core_share: if t.core.is_empty() {
                0.0
            } else {
                t.core.iter().filter(|&d| fcore.contains(d)).count() as f64 / t.core.len() as f64
            },
        })
        .collect();
    Ok(Comparison {
        case: case.meta().id.clone(),
        core: opts.core.to_string(),
        core_ids,
        draws: opts.draws,
        seed: opts.seed,
        outcome: case.meta().outcome.as_ref().map(|o| o.status),
        codings: results.into_iter().flatten().collect(),
        tied_cores: tied,
        dial: opts.dial.as_ref().map(|d| fit_dial(case, d)).transpose()?,
        answer: opts
            .answer
            .as_ref()
            .map(|a| {
                let core = a
                    .core
                    .clone()
                    .unwrap_or_else(|| answer::registered_core(&case.meta().id));
                answer_case(case, second, &core, a)
            })
            .transpose()?,
    })
}

/// The panel on the codings `mine` of a counterfactual graph `h` (drawn
/// from the recoded case): each coding's view of `h` and the core set's
/// members in it (none once the core is removed), every statistic `b` calls
/// meaningless left undefined.
fn counterfactual_values(
    b: &Baseline,
    h: &MultiplexGraph,
    mine: &[usize],
    codings: &[Coding],
    core: &CoreSet,
) -> Result<Vec<Vec<Option<f64>>>> {
    mine.iter()
        .map(|&c| {
            let v = codings[c].view(h)?;
            let x = PanelInput::new(&v, core_in(&v, core)?)?;
            PANEL
                .iter()
                .map(|s| match b.meaningless(s) {
                    Some(_) => Ok(None),
                    None => s.compute(&x),
                })
                .collect()
        })
        .collect()
}

/// A statistic's observed value against a counterfactual's single value
/// `x`: no distribution, so no z and no p ([`Summary::single`]), the
/// verdict value to value ([`contrast`]), and why `x` is undefined if it is.
fn counterfactual_summary(
    b: &'static Baseline,
    st: &Statistic,
    obs: &Value,
    x: Option<f64>,
) -> BaselineSummary {
    let undefined = match (b.meaningless(st), x) {
        (Some(why), _) => Some(why.to_string()),
        (None, None) => Some(st.undefined.to_string()),
        (None, Some(_)) => None,
    };
    BaselineSummary {
        baseline: b.name,
        summary: Summary::single(obs.get(), x),
        verdict: contrast(st.claim, obs.get(), x),
        values: x.into_iter().collect(),
        undefined,
    }
}

/// Compare every case of `cases` with the same options: the cross-case
/// table's numbers, in the order given (successes and failures are told
/// apart by [`Comparison::outcome`]).
///
/// # Errors
/// The first error of [`compare`].
pub fn compare_cases(cases: &[MultiplexGraph], opts: &CompareOptions) -> Result<Vec<Comparison>> {
    cases.iter().map(|c| compare(c, opts)).collect()
}

/// The comparison the main job runs on every bundled case: every baseline
/// of [`BASELINES`] (the six null models, the matched polycentric and
/// one-core models, the two counterfactuals), [`DEFAULT_DRAWS`] (1,000)
/// draws per random baseline, seed 0, the party actors as the core set,
/// every coding of the robustness table ([`Coding::all_for`] each case:
/// `codings` left empty), the default core–periphery search and tie
/// tolerance, the dial fit λ̂ with [`DialFitOptions::default`] (13 grid
/// points × 100 draws on the directed coding), a progress bar only on a
/// terminal.
///
/// Measured on the 2-core development machine under load (see the commit
/// that added it): `coprod compare all --draws 1000` with these options.
///
/// ```
/// use coprod::compare::{BASELINES, DEFAULT_DRAWS, main_job_options};
/// let o = main_job_options();
/// assert_eq!((o.draws, o.seed, o.baselines.len()), (DEFAULT_DRAWS, 0, BASELINES.len()));
/// assert!(o.codings.is_empty()); // every coding of each case
/// assert_eq!(o.dial, Some(coprod::compare::DialFitOptions::default()));
/// ```
pub fn main_job_options() -> CompareOptions {
    // The defaults are every baseline, DEFAULT_DRAWS, seed 0, the party,
    // every coding; the main job adds the dial fit.
    CompareOptions {
        dial: Some(DialFitOptions::default()),
        answer: Some(AnswerOptions::default()),
        ..CompareOptions::default()
    }
}

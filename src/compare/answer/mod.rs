//! The pre-registered answer per case and coding (`docs/PREREGISTRATION.md`).

mod counterfactual;
mod driver;
mod evidence;
mod holm;
mod model;
mod power;
mod rule;

pub use counterfactual::{COUNTERFACTUAL_STATISTICS, CounterfactualTest, counterfactual_tests};
pub use driver::{
    Answer, AnswerCoding, AnswerOptions, CodingAnswer, HolmRow, PREREGISTRATION, SecondCoding,
    answer_case, answer_codings, answer_two_codings, answer_view, registered_core,
};
pub use evidence::{
    BlockCandidate, BlockEvidence, BlockOptions, BlockPosteriorEvidence, ESS_MIXED, Mixing,
    PairRow, PairsEvidence, PairsOptions, RHAT_MIXED, block_evidence, e1_posterior_options,
    pairs_evidence,
};
pub use holm::holm;
pub use model::{ModelEvidence, ModelOptions, ModelTerm, model_evidence};
pub use power::{PowerOptions, PowerRow, PowerStudy, draw_seed, power_study, right_answer, wilson};
pub use rule::{Decision, Outcome, RuleInputs, decide};

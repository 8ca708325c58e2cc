//! The pre-registered answer per case and coding (`docs/PREREGISTRATION.md`).

mod counterfactual;
mod evidence;
mod holm;
mod rule;

pub use counterfactual::{COUNTERFACTUAL_STATISTICS, CounterfactualTest, counterfactual_tests};
pub use evidence::{
    BlockCandidate, BlockEvidence, PairRow, PairsEvidence, PairsOptions, block_evidence,
    pairs_evidence,
};
pub use holm::holm;
pub use rule::{Decision, Outcome, RuleInputs, decide};

//! The pre-registered decision rule (`docs/PREREGISTRATION.md`), as a pure
//! function of the evidence's summary so that every branch is tested.

use serde::Serialize;
use std::fmt;

/// The answer for one case and coding.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// One core above the other actors that links them (一核多元; lead-organisation governance).
    OneCore,
    /// Several centres, the core among them.
    SeveralCentres,
    /// Centres that do not include the core (polycentric; shared governance).
    Polycentric,
    /// The evidence at this size does not decide.
    CannotTell,
}

impl Outcome {
    /// Every outcome, in the order of the decision rule's outcomes.
    pub const ALL: [Outcome; 4] = [
        Outcome::OneCore,
        Outcome::SeveralCentres,
        Outcome::Polycentric,
        Outcome::CannotTell,
    ];

    /// The JSON name: `one_core`, `several_centres`, `polycentric`, `cannot_tell`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::OneCore => "one_core",
            Outcome::SeveralCentres => "several_centres",
            Outcome::Polycentric => "polycentric",
            Outcome::CannotTell => "cannot_tell",
        }
    }

    /// The phrase a card prints.
    pub fn phrase(self) -> &'static str {
        match self {
            Outcome::OneCore => "one core",
            Outcome::SeveralCentres => "several centres (core among them)",
            Outcome::Polycentric => "polycentric",
            Outcome::CannotTell => "this graph cannot tell",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the rule reads from the evidence of one coding (each field defined
/// in `docs/PREREGISTRATION.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RuleInputs {
    /// A size limit is hit (fewer than 10 actors or fewer than 15 ties).
    pub size_limit: bool,
    /// E1: the best structured partition beats one block by at least ln 20.
    pub structured: bool,
    /// E1: structured, at least half of the core in one block, and that block
    /// holds the largest share of the ties between blocks.
    pub core_shaped: bool,
    /// E1: structured, and two or more blocks are each the block that
    /// receives the largest share of some sector's ties to other blocks, the
    /// core's block among them.
    pub several_centre_blocks: bool,
    /// E1: structured, and the core's block holds no more than an even share
    /// (2 / B) of the ties between blocks.
    pub core_block_not_central: bool,
    /// E2: significant pairs, the core's pair counted by its Holm-adjusted
    /// test and every other pair by the Šidák level.
    pub significant_pairs: usize,
    /// E2: the core's pair is significant after Holm.
    pub core_pair_significant: bool,
    /// E3: used, the core's popularity interval above 0 and significant
    /// after Holm, and ΔAIC ≥ 2.
    pub core_popular: bool,
}

/// The outcome and the clause of the rule that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// The outcome.
    pub outcome: Outcome,
    /// The rule's clause, as the pre-registration numbers it (`1`–`5`).
    pub clause: u8,
    /// Why, in words a card prints.
    pub because: String,
}

/// Apply the pre-registered rule: the first clause that holds decides.
///
/// ```text
/// 1 cannot tell   size limit, or (not structured, S = 0 and not core-popular)
/// 2 one core      S = 1 and the core's pair significant, and (core-shaped or core-popular)
/// 3 several       (S ≥ 2 and the core's pair significant) or several centre blocks
/// 4 polycentric   (S ≥ 1 and the core's pair not significant) or the core's block not central
/// 5 cannot tell   the pieces disagree
/// ```
///
/// ```
/// use coprod::compare::{decide, Outcome, RuleInputs};
/// let one = RuleInputs { significant_pairs: 1, core_pair_significant: true, core_popular: true, ..Default::default() };
/// assert_eq!(decide(&one).outcome, Outcome::OneCore);
/// assert_eq!(decide(&RuleInputs::default()).outcome, Outcome::CannotTell);
/// ```
pub fn decide(x: &RuleInputs) -> Decision {
    let d = |outcome, clause, because: String| Decision {
        outcome,
        clause,
        because,
    };
    if x.size_limit {
        return d(
            Outcome::CannotTell,
            1,
            "below the size limit (10 actors, 15 ties): the rule does not decide at this size"
                .into(),
        );
    }
    if !x.structured && x.significant_pairs == 0 && !x.core_popular {
        return d(
            Outcome::CannotTell,
            1,
            "no block structure beyond ln 20 nats, no significant core–periphery pair, and the fitted ERGM does not single out the core (not more popular after Holm, or not used)".into(),
        );
    }
    if x.significant_pairs == 1 && x.core_pair_significant && (x.core_shaped || x.core_popular) {
        let why = match (x.core_shaped, x.core_popular) {
            (true, true) => "the block structure and the fitted ERGM single",
            (true, false) => "the block structure singles",
            _ => "the fitted ERGM singles",
        };
        return d(
            Outcome::OneCore,
            2,
            format!(
                "the core's pair is the only significant core–periphery pair, and {why} out the core"
            ),
        );
    }
    let several_pairs = x.significant_pairs >= 2 && x.core_pair_significant;
    if several_pairs || x.several_centre_blocks {
        let why = match (several_pairs, x.several_centre_blocks) {
            (true, true) => format!(
                "{} significant core–periphery pairs, the core's among them, and several blocks each centre a sector's ties",
                x.significant_pairs
            ),
            (true, false) => format!(
                "{} significant core–periphery pairs, the core's among them",
                x.significant_pairs
            ),
            _ => "several blocks each centre some sector's ties to other blocks, the core's block among them".into(),
        };
        return d(Outcome::SeveralCentres, 3, why);
    }
    let other_pairs = x.significant_pairs >= 1 && !x.core_pair_significant;
    if other_pairs || x.core_block_not_central {
        let why = if other_pairs {
            format!(
                "{} significant core–periphery pair(s), none of them the core's",
                x.significant_pairs
            )
        } else {
            "a block structure in which the core's block holds no more than an even share of the ties between blocks".into()
        };
        return d(Outcome::Polycentric, 4, why);
    }
    let mut said = Vec::new();
    if x.significant_pairs == 1 && x.core_pair_significant {
        said.push(
            "the core's pair is the only significant core–periphery pair, but neither the block structure nor the fitted ERGM singles out the core",
        );
    } else if x.core_pair_significant {
        said.push("the core's pair is significant");
    }
    if x.structured {
        said.push("the block structure does not single out the core");
    }
    if x.core_popular {
        said.push("the fitted ERGM makes the core more popular, but no significant core–periphery pair and no block structure agree");
    }
    d(
        Outcome::CannotTell,
        5,
        format!("the pieces of evidence disagree: {}", said.join("; ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl Fn(&mut RuleInputs)) -> Decision {
        let mut x = RuleInputs::default();
        f(&mut x);
        decide(&x)
    }

    #[test]
    fn every_clause() {
        assert_eq!(with(|_| {}).clause, 1);
        let d = with(|x| {
            x.size_limit = true;
            x.significant_pairs = 1;
            x.core_pair_significant = true;
            x.core_popular = true;
        });
        assert_eq!((d.outcome, d.clause), (Outcome::CannotTell, 1));
        let d = with(|x| {
            x.structured = true;
            x.core_shaped = true;
            x.significant_pairs = 1;
            x.core_pair_significant = true;
        });
        assert_eq!((d.outcome, d.clause), (Outcome::OneCore, 2));
        // one significant pair, the core's, but nothing singles the core out
        let d = with(|x| {
            x.significant_pairs = 1;
            x.core_pair_significant = true;
        });
        assert_eq!((d.outcome, d.clause), (Outcome::CannotTell, 5));
        let d = with(|x| {
            x.significant_pairs = 2;
            x.core_pair_significant = true;
            x.core_popular = true;
        });
        assert_eq!((d.outcome, d.clause), (Outcome::SeveralCentres, 3));
        let d = with(|x| {
            x.structured = true;
            x.several_centre_blocks = true;
        });
        assert_eq!((d.outcome, d.clause), (Outcome::SeveralCentres, 3));
        let d = with(|x| x.significant_pairs = 1);
        assert_eq!((d.outcome, d.clause), (Outcome::Polycentric, 4));
        let d = with(|x| {
            x.structured = true;
            x.core_block_not_central = true;
        });
        assert_eq!((d.outcome, d.clause), (Outcome::Polycentric, 4));
        // core popular in the ERGM only: no pair, no structure → disagree
        let d = with(|x| x.core_popular = true);
        assert_eq!((d.outcome, d.clause), (Outcome::CannotTell, 5));
    }
}

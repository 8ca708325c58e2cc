//! `coprod columns`: what every column and row means.

use crate::output::OutputArgs;
use coprod::compare::{BASELINES, Claim, Draws, PANEL};

/// Options of `columns`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Every column of `measures` and row of `summary`, with its reference
/// convention; then the statistics of the comparison panel and the baselines
/// of `compare`.
pub fn run(args: &Args) -> coprod::Result<()> {
    let mut text = coprod::report::columns_text();
    text.push_str(&compare_text());
    args.output.write(&text)
}

/// The comparison panel (name, what the one-core claim predicts, meaning,
/// reference, when undefined) and every baseline (name, random or
/// counterfactual, what it keeps, reference), in report order.
fn compare_text() -> String {
    let mut out = String::from(
        "\ncoprod compare: the panel, one row per statistic (claim: what one core predicts against a baseline)\n",
    );
    for s in PANEL {
        let claim = match s.claim {
            Claim::Higher => "higher",
            Claim::Lower => "lower",
            Claim::None => "none (descriptive)",
        };
        out.push_str(&format!(
            "  {}: claim {claim}; {} [{}]; undefined when {}{}\n",
            s.name,
            s.doc,
            s.reference,
            s.undefined,
            if s.uses_core {
                " or the core set has no actor in the view"
            } else {
                ""
            }
        ));
    }
    out.push_str("\ncoprod compare --baseline: the baselines\n");
    for b in BASELINES {
        let draws = match b.draws {
            Draws::Random => "random, --draws graphs",
            Draws::Once => "counterfactual, one graph, value to value (no z, no p)",
        };
        out.push_str(&format!(
            "  {}: {draws}; {} [{}]\n",
            b.name, b.doc, b.reference
        ));
    }
    out
}

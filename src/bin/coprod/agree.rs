//! `coprod agree A B`: inter-coder agreement of two codings of one case.

use crate::output::OutputArgs;
use clap::ValueEnum;
use coprod::agreement::{AgreementOptions, Mapping, Scope};
use coprod::compare::AnswerOptions;
use coprod::model::{CoreSet, MultiplexGraph};
use coprod::report::{
    AgreementTable, agreement_csv, agreement_json, agreement_markdown, compare_codings,
    compare_codings_answered,
};

/// Output format of `agree`.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum AgreeFormat {
    /// Markdown for a reader: actors, agreement per layer, confusion tables,
    /// the answer table and every disagreement with both quotes.
    #[default]
    Md,
    /// One table as CSV (`--table`).
    Csv,
    /// Everything, undefined values null.
    Json,
}

/// The table `--format csv` writes.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum TableArg {
    /// One row per layer and the pooled row `all`.
    #[default]
    Layers,
    /// One row per disagreement, both codings' ties and quotes side by side.
    Disagreements,
    /// One row per actor group: A's ids, B's ids, how matched.
    Actors,
    /// The headline statistics about the core on A, B, A ∩ B and A ∪ B.
    Answer,
    /// The pre-registered answer on A, B, A ∩ B and A ∪ B (outcome, clause, why).
    Outcomes,
}

/// Which dyads are compared.
#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum ScopeArg {
    /// Every actor of either coding: a tie to an actor the other lacks disagrees.
    #[default]
    All,
    /// Only the actors both codings have.
    Matched,
}

/// Options of `agree`.
#[derive(clap::Args, Debug, Clone)]
pub struct Args {
    /// Coding A (the primary): a case directory, a bundled case name, or
    /// `<case>/coding_b` for a bundled case's second coding.
    pub a: String,
    /// Coding B, likewise.
    pub b: String,
    /// A mapping file: CSV with columns `a,b` (an id of A, an id of B); an id
    /// may appear on several rows (one actor against several). An actor it
    /// names is matched only as it says; the others by id, then by label.
    #[arg(long, value_name = "MAP.CSV")]
    pub map: Option<std::path::PathBuf>,
    /// Which dyads are items.
    #[arg(long, value_enum, default_value_t)]
    pub scope: ScopeArg,
    /// The core set of the answer table: `kind:<kind>` or ids of coding A.
    #[arg(long, default_value = "kind:party")]
    pub core: String,
    /// Skip the pre-registered answer on A, B, A ∩ B and A ∪ B (its four
    /// runs take about a minute on a case of Jinsong's size).
    #[arg(long)]
    pub no_answer: bool,
    /// The core set of the pre-registered answer (`kind:<kind>` or ids of
    /// coding A; default: the case's registered core, as `coprod compare`).
    #[arg(long)]
    pub answer_core: Option<String>,
    /// The seed of the answer's random steps.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: AgreeFormat,
    /// The table `--format csv` writes.
    #[arg(long, value_enum, default_value_t)]
    pub table: TableArg,
    /// Where to write.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A coding: a directory, `<case>/coding_b` of a bundled case, or a bundled case.
fn load(s: &str) -> coprod::Result<MultiplexGraph> {
    if !std::path::Path::new(s).exists()
        && let Some(case) = s.strip_suffix("/coding_b")
    {
        return coprod::cases::load_coding_b(case)?.ok_or_else(|| coprod::Error::UnknownCase {
            name: s.to_string(),
            available: coprod::cases::names_with_coding_b()
                .iter()
                .map(|n| format!("{n}/coding_b"))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    crate::view::load_case(s)
}

pub fn run(args: &Args) -> coprod::Result<()> {
    let a = load(&args.a)?;
    let b = load(&args.b)?;
    let core: CoreSet = args.core.parse()?;
    let opts = AgreementOptions {
        mapping: args.map.as_ref().map(Mapping::read).transpose()?,
        scope: match args.scope {
            ScopeArg::All => Scope::All,
            ScopeArg::Matched => Scope::Matched,
        },
    };
    let c = if args.no_answer {
        compare_codings(&a, &b, &opts, &core)?
    } else {
        let answer = AnswerOptions {
            seed: args.seed,
            core: args
                .answer_core
                .as_deref()
                .map(str::parse::<CoreSet>)
                .transpose()?,
            ..AnswerOptions::default()
        };
        compare_codings_answered(&a, &b, &opts, &core, &answer)?
    };
    let text = match args.format {
        AgreeFormat::Md => agreement_markdown(&c, true),
        AgreeFormat::Json => agreement_json(&c)?,
        AgreeFormat::Csv => agreement_csv(
            &c,
            match args.table {
                TableArg::Layers => AgreementTable::Layers,
                TableArg::Disagreements => AgreementTable::Disagreements,
                TableArg::Actors => AgreementTable::Actors,
                TableArg::Answer => AgreementTable::Answer,
                TableArg::Outcomes => AgreementTable::Outcomes,
            },
        ),
    };
    args.output.write(&text)
}

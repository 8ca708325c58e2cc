//! Two codings of one case side by side: the agreement of
//! [`agreement`](crate::agreement) and whether the headline statistics about
//! the core change between coding A, coding B, their intersection and their
//! union (`coprod agree`, and the report's section for a case with a second
//! coding).

pub use super::agreement_files::{AgreementTable, agreement_csv, agreement_json};
use super::page::Block;
use crate::agreement::{Agreement, AgreementOptions, Combination, Side, agree};
use crate::compare::answer::{Answer, AnswerOptions, SecondCoding, answer_two_codings};
use crate::compare::{Coding, PanelInput, Value, statistic};
use crate::error::Result;
use crate::model::{CoreSet, MultiplexGraph};
use serde::Serialize;

/// The readings compared, in column order.
pub const READINGS: [&str; 4] = ["A", "B", "A ∩ B", "A ∪ B"];

/// One row of the answer table: a statistic computed on each reading.
pub struct AnswerRow {
    /// The row's name.
    pub name: &'static str,
    /// What it is (the panel statistic's meaning).
    pub doc: &'static str,
    compute: fn(&MultiplexGraph, &CoreSet) -> Result<Value>,
}

/// A statistic of the comparison panel ([`PANEL`](crate::compare::PANEL))
/// on the headline reading (the directed aggregate of the positive layers).
fn panel_value(name: &str, g: &MultiplexGraph, core: &CoreSet) -> Result<Value> {
    let view = Coding::Directed.view(g)?;
    let x = PanelInput::new(&view, core.node_set(&view)?)?;
    statistic(name)?.value(&x)
}

/// The rows of the answer table: the comparison's headline statistics about
/// the core set on the directed aggregate of the positive layers, each equal
/// to the [`PANEL`](crate::compare::PANEL) entry of the same name. The
/// answer rule's outcome (issue 18) is meant to be one more entry here.
pub const ANSWER_ROWS: &[AnswerRow] = &[
    AnswerRow {
        name: "degree_centralization",
        doc: "Freeman degree centralization",
        compute: |g, c| panel_value("degree_centralization", g, c),
    },
    AnswerRow {
        name: "betweenness_centralization",
        doc: "Freeman betweenness centralization",
        compute: |g, c| panel_value("betweenness_centralization", g, c),
    },
    AnswerRow {
        name: "core_group_betweenness",
        doc: "group betweenness of the core set",
        compute: |g, c| panel_value("core_group_betweenness", g, c),
    },
    AnswerRow {
        name: "fragmentation_without_core",
        doc: "Borgatti's fragmentation after removing the core set",
        compute: |g, c| panel_value("fragmentation_without_core", g, c),
    },
    AnswerRow {
        name: "core_brokerage_share",
        doc: "the core set's share of cross-sector brokerage (Gould–Fernandez)",
        compute: |g, c| panel_value("core_brokerage_share", g, c),
    },
];

/// One row of the answer table computed: the values on [`READINGS`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerValues {
    /// The row's name.
    pub name: &'static str,
    /// On A, B, A ∩ B, A ∪ B.
    pub values: Vec<Value>,
}

/// Two codings compared: the agreement and the answer table.
#[derive(Debug, Clone, Serialize)]
pub struct CodingComparison {
    /// Tie and actor agreement.
    pub agreement: Agreement,
    /// The core set (`kind:party` or ids of coding A).
    pub core: String,
    /// The core's ids on each reading (empty for a kind).
    pub core_ids: Vec<Vec<String>>,
    /// The answer table, one entry per [`ANSWER_ROWS`].
    pub answer: Vec<AnswerValues>,
    /// The pre-registered answer (`docs/PREREGISTRATION.md`) on A (directed
    /// aggregate), B, A ∩ B and A ∪ B, with all of its evidence; `None`
    /// when not computed ([`compare_codings`] alone).
    pub outcomes: Option<Answer>,
}

/// The core set on B and on the combinations: a kind as it is; ids of A
/// through the matching (`Err(reason)` when an id matched nothing there).
fn translate(
    core: &CoreSet,
    x: &Agreement,
    reading: usize,
) -> std::result::Result<CoreSet, String> {
    let CoreSet::Ids(ids) = core else {
        return Ok(core.clone());
    };
    let mut out = Vec::new();
    for id in ids {
        let g = x
            .matching
            .groups
            .iter()
            .find(|g| g.a.contains(id))
            .ok_or_else(|| format!("`{id}` is not an actor of coding A"))?;
        match reading {
            0 => out.push(id.clone()),
            1 if g.b.is_empty() => {
                return Err(format!("core actor `{id}` matched no actor of coding B"));
            }
            1 => out.extend(g.b.iter().cloned()),
            2 if !g.is_matched() => {
                return Err(format!("core actor `{id}` is not in both codings"));
            }
            3 if !g.is_matched() && x.scope == crate::agreement::Scope::Matched => {
                return Err(format!(
                    "core actor `{id}` is not in both codings, and the scope is the matched actors"
                ));
            }
            _ => out.push(g.id.clone()),
        }
    }
    out.dedup();
    Ok(CoreSet::Ids(out))
}

/// Compare coding `b` with coding `a` ([`agree`]) and compute the
/// [`ANSWER_ROWS`] on A, B, their intersection and their union with the
/// core set `core` (ids are A's; B's and the combinations' follow the
/// matching). A and B are read as coded; the intersection and the union are
/// on the matched actor groups ([`Agreement::combined`]).
///
/// ```
/// use coprod::report::compare_codings;
/// let a = coprod::cases::load("ly").unwrap();
/// let c = compare_codings(&a, &a, &Default::default(), &Default::default()).unwrap();
/// let v = &c.answer[0].values;
/// assert_eq!(v[0], v[1]);
/// assert_eq!(v[0], v[2]); // identical codings: every reading equal
/// ```
///
/// # Errors
/// [`agree`]'s; [`Error::UnknownActor`](crate::Error::UnknownActor) for a core id coding A lacks; a
/// measure's error (none on a loaded case).
pub fn compare_codings(
    a: &MultiplexGraph,
    b: &MultiplexGraph,
    opts: &AgreementOptions,
    core: &CoreSet,
) -> Result<CodingComparison> {
    if let CoreSet::Ids(ids) = core {
        for id in ids {
            a.actor_index(id)?;
        }
    }
    let x = agree(a, b, opts)?;
    let and = x.combined(Combination::Intersection)?;
    let or = x.combined(Combination::Union)?;
    let graphs = [a, b, &and, &or];
    let cores: Vec<std::result::Result<CoreSet, String>> =
        (0..4).map(|r| translate(core, &x, r)).collect();
    let mut answer = Vec::new();
    for row in ANSWER_ROWS {
        let mut values = Vec::new();
        for (g, c) in graphs.iter().zip(&cores) {
            values.push(match c {
                Ok(c) => (row.compute)(g, c)?,
                Err(why) => Value::Undefined(why.clone()),
            });
        }
        answer.push(AnswerValues {
            name: row.name,
            values,
        });
    }
    Ok(CodingComparison {
        core: core.to_string(),
        core_ids: cores
            .iter()
            .map(|c| match c {
                Ok(CoreSet::Ids(ids)) => ids.clone(),
                _ => Vec::new(),
            })
            .collect(),
        agreement: x,
        answer,
        outcomes: None,
    })
}

/// [`compare_codings`], and the pre-registered answer on A, B, A ∩ B and
/// A ∪ B ([`answer_two_codings`]: the rule of `docs/PREREGISTRATION.md` on
/// each reading, its own Holm family each). The answer's core set is
/// `answer.core`, else the case's registered core
/// ([`registered_core`](crate::compare::answer::registered_core)); its ids
/// are A's, read on B through the matching.
///
/// # Errors
/// Those of [`compare_codings`] and of [`answer_two_codings`].
pub fn compare_codings_answered(
    a: &MultiplexGraph,
    b: &MultiplexGraph,
    opts: &AgreementOptions,
    core: &CoreSet,
    answer: &AnswerOptions,
) -> Result<CodingComparison> {
    let mut c = compare_codings(a, b, opts, core)?;
    let answer_core = answer
        .core
        .clone()
        .unwrap_or_else(|| crate::compare::answer::registered_core(&a.meta().id));
    c.outcomes = Some(answer_two_codings(
        a,
        SecondCoding {
            graph: b,
            mapping: opts.mapping.as_ref(),
        },
        &answer_core,
        answer,
    )?);
    Ok(c)
}

/// The answer table of the pre-registered outcome, as Markdown: one row per
/// reading, and whether the outcome changes between them.
fn outcomes_markdown(a: &Answer) -> String {
    let mut o = format!(
        "\nThe pre-registered answer ({}; core `{}`) on each reading, each with its own Holm family. {}\n\n| reading | actors | ties | answer | clause | why |\n|---|---|---|---|---|---|\n",
        a.preregistration,
        a.core,
        if a.robust {
            format!(
                "The answer does not change: {} on all four.",
                a.outcome.phrase()
            )
        } else {
            "**The answer changes between the readings.**".to_string()
        }
    );
    for (r, c) in READINGS.iter().zip(&a.codings) {
        o.push_str(&format!(
            "| {r} | {} | {} | {} | {} | {} |\n",
            c.actors,
            c.ties,
            c.decision.outcome.phrase(),
            c.decision.clause,
            cell(&c.decision.because)
        ));
    }
    o
}

fn num(v: Option<f64>) -> String {
    v.map_or("-".into(), |x| format!("{x:.3}"))
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn value(v: &Value) -> String {
    match v {
        Value::Defined(x) => format!("{x:.3}"),
        Value::Undefined(why) => format!("undefined ({why})"),
    }
}

/// The comparison as Markdown: actors, agreement per layer with the
/// prevalence caveat, the confusion tables, the answer table and (with
/// `disagreements`) every disagreement with both quotes side by side.
pub fn agreement_markdown(c: &CodingComparison, disagreements: bool) -> String {
    let x = &c.agreement;
    let mut o = format!("# {} against {}: inter-coder agreement\n\n", x.a, x.b);
    let m = &x.matching;
    let matched = m.groups.iter().filter(|g| g.is_matched()).count();
    o.push_str(&format!(
        "Coding A has {} actors and {} ties, coding B {} and {}. {} actor groups are matched ({} by id, {} by Chinese label, {} by English label, {} by the mapping); dyads compared: {}.\n\n",
        x.actors[0], x.ties[0], x.actors[1], x.ties[1], matched,
        m.links.iter().filter(|l| l.rule.as_str() == "id").count(),
        m.links.iter().filter(|l| l.rule.as_str() == "label_zh").count(),
        m.links.iter().filter(|l| l.rule.as_str() == "label").count(),
        m.links.iter().filter(|l| l.rule.as_str() == "map").count(),
        match x.scope { crate::agreement::Scope::All => "among every actor of either coding", crate::agreement::Scope::Matched => "among the matched actors only" },
    ));
    o.push_str("## Actors\n\n");
    for (side, what) in [(Side::A, "Only in A"), (Side::B, "Only in B")] {
        let u = m.unmatched(side);
        o.push_str(&format!(
            "- {what} ({}): {}\n",
            u.len(),
            if u.is_empty() {
                "none".into()
            } else {
                u.join(", ")
            }
        ));
    }
    let merges: Vec<String> = m
        .groups
        .iter()
        .filter(|g| g.is_matched() && (g.a.len() > 1 || g.b.len() > 1))
        .map(|g| format!("{} = {}", g.a.join(" + "), g.b.join(" + ")))
        .collect();
    o.push_str(&format!(
        "- Splits and merges: {}\n",
        if merges.is_empty() {
            "none".into()
        } else {
            merges.join("; ")
        }
    ));
    let renamed: Vec<String> = m
        .links
        .iter()
        .filter(|l| l.a != l.b)
        .map(|l| format!("{} = {} ({})", l.a, l.b, l.rule.as_str()))
        .collect();
    o.push_str(&format!(
        "- Matched under another id: {}\n",
        if renamed.is_empty() {
            "none".into()
        } else {
            renamed.join(", ")
        }
    ));
    for a in &m.ambiguous {
        o.push_str(&format!(
            "- Ambiguous label ({} `{}`): candidates {}\n",
            a.side.as_str(),
            a.id,
            a.candidates.join(", ")
        ));
    }
    for d in &x.actor_differences {
        o.push_str(&format!(
            "- {} of `{}`: A {}, B {}\n",
            d.attribute,
            d.group,
            d.a.join("/"),
            d.b.join("/")
        ));
    }
    o.push_str("\n## Tie agreement\n\n");
    o.push_str("| layer | items | both | only A | only B | reversed | Jaccard | positive agreement | p_o | κ | α |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for l in x.layers.iter().chain([&x.overall]) {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            l.layer,
            l.items,
            l.both,
            l.only_a,
            l.only_b,
            l.reversed,
            num(l.jaccard),
            num(l.positive_agreement),
            num(l.observed),
            num(l.kappa),
            num(l.alpha)
        ));
    }
    o.push_str(&format!("\n{}\n\n", x.overall.prevalence_caveat()));
    o.push_str("## Direction confusion\n\nDirected layers, per pair with a tie in either coding: A's orientation (rows) against B's (columns), B's read against A's direction.\n\n| A \\ B | none | same | reversed | both |\n|---|---|---|---|---|\n");
    for (r, row) in x.direction.rows.iter().zip(&x.direction.counts) {
        let name = serde_json::to_value(r)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        o.push_str(&format!(
            "| {name} | {} |\n",
            row.iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    o.push_str("\n## Layer confusion\n\nPairs with a tie in either coding: layers both code on the diagonal; a layer only A codes against each layer only B codes between the pair (or none). Only layers that occur are shown.\n\n");
    let lc = &x.layer_confusion;
    let used: Vec<usize> = (0..lc.labels.len())
        .filter(|&i| lc.counts[i].iter().any(|&v| v > 0) || lc.counts.iter().any(|r| r[i] > 0))
        .collect();
    o.push_str(&format!(
        "| A \\ B | {} |\n|---|{}\n",
        used.iter()
            .map(|&i| lc.labels[i].as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        "---|".repeat(used.len())
    ));
    for &i in &used {
        o.push_str(&format!(
            "| {} | {} |\n",
            lc.labels[i],
            used.iter()
                .map(|&j| lc.counts[i][j].to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    o.push_str(&format!(
        "\n## Whether the answer changes\n\nThe comparison's headline statistics about the core (`{}`) on the directed aggregate of the positive layers: A and B as coded, their intersection (ties both code, among the matched actors) and union (ties either codes).\n\n| statistic | {} |\n|---|---|---|---|---|\n",
        c.core,
        READINGS.join(" | ")
    ));
    for r in &c.answer {
        o.push_str(&format!(
            "| {} | {} |\n",
            r.name,
            r.values
                .iter()
                .map(|v| cell(&value(v)))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    if let Some(a) = &c.outcomes {
        o.push_str(&outcomes_markdown(a));
    }
    if disagreements {
        o.push_str(&format!("\n## Disagreements\n\n{} ties one coding has and the other lacks; each with both codings' ties between the pair.\n\n| layer | source | target | only in | kind | A | B |\n|---|---|---|---|---|---|---|\n", x.disagreements.len()));
        for d in &x.disagreements {
            let side = |v: &[crate::agreement::TieRef]| {
                if v.is_empty() {
                    "—".to_string()
                } else {
                    v.iter()
                        .map(|t| {
                            format!(
                                "{} → {} {} ({}): «{}»",
                                t.source,
                                t.target,
                                t.layer,
                                t.certainty,
                                cell(&t.quote)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("<br>")
                }
            };
            o.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                d.layer,
                d.source,
                d.target,
                d.only_in.as_str(),
                d.kind.as_str(),
                side(&d.a),
                side(&d.b)
            ));
        }
        if !x.excluded.is_empty() {
            o.push_str("\n## Ties not compared\n\n");
            for e in &x.excluded {
                o.push_str(&format!(
                    "- {}: {} → {} {} ({})\n",
                    e.side.as_str(),
                    e.tie.source,
                    e.tie.target,
                    e.tie.layer,
                    e.reason
                ));
            }
        }
    }
    o
}

/// The report's section for a bundled case with a second coding: the
/// agreement (without the disagreement list, which is linked) as page
/// blocks, and `<dir>/agreement.{md,csv,json}` written (the md with every
/// disagreement). `None` for a case without a second coding.
pub(super) fn agreement_section(
    name: &str,
    g: &MultiplexGraph,
    answer: Option<&Answer>,
    dir: &std::path::Path,
) -> Result<Option<Vec<Block>>> {
    let Some(b) = crate::cases::load_coding_b(name)? else {
        return Ok(None);
    };
    let opts = AgreementOptions {
        mapping: crate::cases::coding_b_mapping(name)?,
        ..AgreementOptions::default()
    };
    let mut c = compare_codings(g, &b, &opts, &CoreSet::default())?;
    // The comparison's answer already holds the four readings.
    c.outcomes = answer.and_then(four_readings);
    crate::io::write_file(&dir.join("agreement.md"), &agreement_markdown(&c, true))?;
    crate::io::write_file(
        &dir.join("agreement.csv"),
        &agreement_csv(&c, AgreementTable::Disagreements),
    )?;
    crate::io::write_file(&dir.join("agreement.json"), &agreement_json(&c)?)?;
    let mut blocks = vec![
        Block::Heading("Second coding: inter-coder agreement".into()),
        Block::Para(format!(
            "A blind second coding (`data/{name}/coding_b/`) against this one: `coprod agree {name} {name}/coding_b{}`. Every disagreement with both quotes: [agreement.md]({name}/agreement.md), [agreement.csv]({name}/agreement.csv), [agreement.json]({name}/agreement.json).",
            if opts.mapping.is_some() {
                format!(" --map data/{name}/coding_b_map.csv")
            } else {
                String::new()
            }
        )),
    ];
    blocks.extend(super::page::markdown_blocks(
        &agreement_markdown(&c, false),
        &format!("{name}/agreement"),
    ));
    Ok(Some(blocks))
}

/// The answer restricted to the four readings `coprod agree` compares
/// (directed A, B, A ∩ B, A ∪ B), in that order; `None` if one is missing.
fn four_readings(a: &Answer) -> Option<Answer> {
    let codings = ["directed", "coding_b", "a_and_b", "a_or_b"]
        .iter()
        .map(|n| a.codings.iter().find(|c| c.coding == *n).cloned())
        .collect::<Option<Vec<_>>>()?;
    let outcome = codings[0].decision.outcome;
    Some(Answer {
        robust: codings.iter().all(|c| c.decision.outcome == outcome),
        outcome,
        codings,
        ..a.clone()
    })
}

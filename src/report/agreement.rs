//! Two codings of one case side by side: the agreement of
//! [`agreement`](crate::agreement) and whether the headline statistics about
//! the core change between coding A, coding B, their intersection and their
//! union (`coprod agree`, and the report's section for a case with a second
//! coding).

use super::page::Block;
use crate::agreement::{Agreement, AgreementOptions, Combination, Side, agree};
use crate::compare::{Coding, PanelInput, Value, statistic};
use crate::error::{Error, Result};
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
/// [`agree`]'s; [`Error::UnknownActor`] for a core id coding A lacks; a
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
    })
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

/// Which table `agreement_csv` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AgreementTable {
    /// One row per layer and the pooled row (`all`).
    #[default]
    Layers,
    /// One row per disagreement, A's and B's ties and quotes side by side.
    Disagreements,
    /// One row per actor group: A's ids, B's ids, how matched.
    Actors,
    /// The answer table: one row per statistic, one column per reading.
    Answer,
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_num(v: Option<f64>) -> String {
    v.map_or(String::new(), crate::io::csv_number)
}

/// One table of the comparison as CSV (numbers exact, undefined empty).
pub fn agreement_csv(c: &CodingComparison, table: AgreementTable) -> String {
    let x = &c.agreement;
    let mut o = String::new();
    let row = |o: &mut String, cells: Vec<String>| {
        o.push_str(
            &cells
                .iter()
                .map(|s| csv_field(s))
                .collect::<Vec<_>>()
                .join(","),
        );
        o.push('\n');
    };
    match table {
        AgreementTable::Layers => {
            o.push_str("layer,directed,items,both,only_a,only_b,neither,reversed,jaccard,positive_agreement,observed,expected,kappa,alpha\n");
            for l in x.layers.iter().chain([&x.overall]) {
                row(
                    &mut o,
                    vec![
                        l.layer.clone(),
                        l.directed.to_string(),
                        l.items.to_string(),
                        l.both.to_string(),
                        l.only_a.to_string(),
                        l.only_b.to_string(),
                        l.neither.to_string(),
                        l.reversed.to_string(),
                        csv_num(l.jaccard),
                        csv_num(l.positive_agreement),
                        csv_num(l.observed),
                        csv_num(l.expected),
                        csv_num(l.kappa),
                        csv_num(l.alpha),
                    ],
                );
            }
        }
        AgreementTable::Disagreements => {
            o.push_str("layer,source,target,only_in,kind,a_ties,a_quotes,b_ties,b_quotes\n");
            for d in &x.disagreements {
                let ties = |v: &[crate::agreement::TieRef]| {
                    v.iter()
                        .map(|t| {
                            format!("{} -> {} {} ({})", t.source, t.target, t.layer, t.certainty)
                        })
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let quotes = |v: &[crate::agreement::TieRef]| {
                    v.iter()
                        .map(|t| t.quote.clone())
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                row(
                    &mut o,
                    vec![
                        d.layer.clone(),
                        d.source.clone(),
                        d.target.clone(),
                        d.only_in.as_str().into(),
                        d.kind.as_str().into(),
                        ties(&d.a),
                        quotes(&d.a),
                        ties(&d.b),
                        quotes(&d.b),
                    ],
                );
            }
        }
        AgreementTable::Actors => {
            o.push_str("group,a,b,matched_by\n");
            for g in &x.matching.groups {
                let rules: Vec<&str> = x
                    .matching
                    .links
                    .iter()
                    .filter(|l| g.a.contains(&l.a))
                    .map(|l| l.rule.as_str())
                    .collect();
                let mut rules = rules;
                rules.dedup();
                row(
                    &mut o,
                    vec![g.id.clone(), g.a.join(" "), g.b.join(" "), rules.join(" ")],
                );
            }
        }
        AgreementTable::Answer => {
            o.push_str("statistic,a,b,intersection,union\n");
            for r in &c.answer {
                let mut cells = vec![r.name.to_string()];
                cells.extend(r.values.iter().map(|v| csv_num(v.get())));
                row(&mut o, cells);
            }
        }
    }
    o
}

/// The whole comparison as JSON (undefined values null).
///
/// # Errors
/// None in practice (the structures serialise); a serialiser error as
/// [`Error::InvalidParameter`].
pub fn agreement_json(c: &CodingComparison) -> Result<String> {
    serde_json::to_string_pretty(c)
        .map(|s| s + "\n")
        .map_err(|e| Error::InvalidParameter {
            name: "agreement",
            reason: e.to_string(),
        })
}

/// The report's section for a bundled case with a second coding: the
/// agreement (without the disagreement list, which is linked) as page
/// blocks, and `<dir>/agreement.{md,csv,json}` written (the md with every
/// disagreement). `None` for a case without a second coding.
pub(super) fn agreement_section(
    name: &str,
    g: &MultiplexGraph,
    dir: &std::path::Path,
) -> Result<Option<Vec<Block>>> {
    let Some(b) = crate::cases::load_coding_b(name)? else {
        return Ok(None);
    };
    let c = compare_codings(g, &b, &AgreementOptions::default(), &CoreSet::default())?;
    crate::io::write_file(&dir.join("agreement.md"), &agreement_markdown(&c, true))?;
    crate::io::write_file(
        &dir.join("agreement.csv"),
        &agreement_csv(&c, AgreementTable::Disagreements),
    )?;
    crate::io::write_file(&dir.join("agreement.json"), &agreement_json(&c)?)?;
    let mut blocks = vec![
        Block::Heading("Second coding: inter-coder agreement".into()),
        Block::Para(format!(
            "A blind second coding (`data/{name}/coding_b/`) against this one: `coprod agree {name} data/{name}/coding_b`. Every disagreement with both quotes: [agreement.md]({name}/agreement.md), [agreement.csv]({name}/agreement.csv), [agreement.json]({name}/agreement.json)."
        )),
    ];
    blocks.extend(super::page::markdown_blocks(
        &agreement_markdown(&c, false),
        &format!("{name}/agreement"),
    ));
    Ok(Some(blocks))
}

//! `coprod agree`'s CSV tables and JSON: the files a spreadsheet or a
//! script reads, from the same [`CodingComparison`].

use super::agreement::CodingComparison;
use crate::error::{Error, Result};

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
    /// The pre-registered answer: one row per reading (A, B, A ∩ B, A ∪ B)
    /// with its outcome, clause and reason; only a header when it was not
    /// computed.
    Outcomes,
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
        AgreementTable::Outcomes => {
            o.push_str("reading,coding,actors,ties,outcome,clause,why\n");
            for (r, a) in super::agreement::READINGS
                .iter()
                .zip(c.outcomes.iter().flat_map(|x| &x.codings))
            {
                row(
                    &mut o,
                    vec![
                        (*r).to_string(),
                        a.coding.clone(),
                        a.actors.to_string(),
                        a.ties.to_string(),
                        a.decision.outcome.to_string(),
                        a.decision.clause.to_string(),
                        a.decision.because.clone(),
                    ],
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

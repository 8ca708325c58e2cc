//! The comparison written for a reader: verdict lines, the panel against
//! each baseline, the robustness table, the tied cores, and the cross-case
//! table; CSV and JSON for other tools.

use crate::compare::{
    Claim, CodingResult, Comparison, PANEL, Statistic, Summary, Unit, Value, Verdict,
};
use crate::io::csv_number;
use crate::model::OutcomeStatus;

/// The core set's name in a sentence: `kind:party` → "party set".
fn core_name(c: &Comparison) -> String {
    match c.core.strip_prefix("kind:") {
        Some(k) => format!("{k} set"),
        None => format!("core set ({})", c.core),
    }
}

/// A value in a statistic's unit: `83 %` or `0.412`.
fn value(st: &Statistic, x: f64) -> String {
    match st.unit {
        Unit::Share => percent(x),
        Unit::Number => format!("{x:.3}"),
    }
}

fn percent(x: f64) -> String {
    let p = 100.0 * x;
    if p != 0.0 && p.abs() < 10.0 {
        format!("{p:.1} %")
    } else {
        format!("{p:.0} %")
    }
}

/// `21 ± 6 %` or `0.210 ± 0.060`.
fn mean_sd(st: &Statistic, s: &Summary) -> String {
    match (s.mean, s.sd) {
        (Some(m), Some(sd)) => match st.unit {
            Unit::Share => {
                let (m, sd) = (percent(m), percent(sd));
                format!("{} ± {sd}", m.trim_end_matches(" %"))
            }
            Unit::Number => format!("{m:.3} ± {sd:.3}"),
        },
        (Some(m), None) => value(st, m),
        _ => "undefined".into(),
    }
}

fn p_text(p: Option<f64>) -> String {
    match p {
        Some(p) if p < 0.001 => "p < 0.001".into(),
        Some(p) => format!("p = {p:.3}"),
        None => "p undefined".into(),
    }
}

fn z_text(z: Option<f64>) -> String {
    z.map_or("z undefined".into(), |z| format!("z = {z:.1}"))
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Supports => "supports one core",
        Verdict::Contradicts => "against one core",
        Verdict::NoDifference => "no difference",
        Verdict::Descriptive => "descriptive",
        Verdict::Undefined => "undefined",
        Verdict::Exceeds => "value to value, not a test: the case is further towards one core",
        Verdict::FallsShort => "value to value, not a test: the case is less one-core",
        Verdict::Matches => "value to value, not a test: equal within 1 %",
    }
}

/// A verdict as a CSV cell: `supports-one-core`, …, `exceeds`, `falls-short`, `matches`.
fn verdict_key(v: Verdict) -> String {
    match v {
        Verdict::Exceeds => "exceeds".into(),
        Verdict::FallsShort => "falls-short".into(),
        Verdict::Matches => "matches".into(),
        _ => verdict_word(v).replace(' ', "-"),
    }
}

/// A counterfactual's value in a verdict line: `without-core 0.412 (value
/// to value, …)` or `without-core undefined (why)`; no z, no p.
fn counterfactual_text(st: &Statistic, b: &crate::compare::BaselineSummary) -> String {
    match (b.summary.mean, &b.undefined) {
        (Some(x), _) => format!(
            "{} {} ({})",
            b.baseline,
            value(st, x),
            verdict_word(b.verdict)
        ),
        (None, Some(why)) => format!("{} undefined ({why})", b.baseline),
        (None, None) => format!("{} undefined", b.baseline),
    }
}

/// The verdict lines of the headline coding: one per statistic with a claim,
/// e.g. "the party set holds 83 % of cross-sector brokerage; gnm 21 ± 6 %
/// (z = 10.4, p < 0.001: supports one core); …".
pub fn verdict_lines(c: &Comparison) -> Vec<String> {
    let Some(head) = c.codings.first() else {
        return Vec::new();
    };
    let core = core_name(c);
    head.statistics
        .iter()
        .filter(|r| r.claim != Claim::None)
        .map(|r| {
            let st = r.entry();
            match &r.observed {
                Value::Undefined(why) => format!("{}: undefined ({why})", r.name),
                Value::Defined(x) => {
                    let subject = st
                        .phrase
                        .replace("{core}", &core)
                        .replace("{value}", &value(st, *x));
                    let vs: Vec<String> = r
                        .baselines
                        .iter()
                        .map(|b| {
                            let s = &b.summary;
                            if b.verdict.is_value_to_value() || b.undefined.is_some() {
                                return counterfactual_text(st, b);
                            }
                            format!(
                                "{} {} ({}, {}: {})",
                                b.baseline,
                                mean_sd(st, s),
                                z_text(s.z),
                                p_text(s.p_claimed(r.claim)),
                                verdict_word(b.verdict)
                            )
                        })
                        .collect();
                    format!("{subject}; {}", vs.join("; "))
                }
            }
        })
        .collect()
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The comparison as Markdown: verdict lines, the panel against each
/// baseline on the headline coding, the robustness table, the tied cores.
pub fn comparison_markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let core = core_name(c);
    out.push_str(&format!("# {}: one core or many centres?\n\n", c.case));
    let baselines: Vec<&str> = c
        .codings
        .first()
        .and_then(|h| h.statistics.first())
        .map(|s| s.baselines.iter().map(|b| b.baseline).collect())
        .unwrap_or_default();
    out.push_str(&format!(
        "Core: the {core} (`{}`; {} actors{}). Baselines: {}; {} draws each, seed {}. \
         p is the one-sided Monte-Carlo p-value (1 + #)/(R + 1) in the direction the one-core claim predicts; \
         a verdict needs p ≤ {}. A counterfactual (without-core, made-polycentric) is one graph: \
         its value is set beside the case's value to value (▲ further towards one core, ▼ less, ≈ within {} %), \
         with no z and no p: not a test.\n",
        c.core,
        c.core_ids.len(),
        if c.core_ids.is_empty() {
            String::new()
        } else {
            format!(": {}", c.core_ids.join(", "))
        },
        baselines.join(", "),
        c.draws,
        c.seed,
        crate::compare::ALPHA,
        100.0 * crate::compare::COUNTERFACTUAL_TOLERANCE,
    ));
    if let Some(o) = c.outcome {
        out.push_str(&format!("Recorded outcome: {o}.\n"));
    }
    if let Some(a) = &c.answer {
        out.push_str(&super::answer::answer_markdown(a));
    }
    let Some(head) = c.codings.first() else {
        return out;
    };
    out.push_str(&format!(
        "\n## Exploratory: verdicts against each baseline ({}: {} actors, {} ties)\n\n\
         Not the answer: {} statistics against {} baselines, each at p ≤ {}, with no correction for the number of tests and strongly correlated; read them as description.\n\n",
        head.coding, head.actors, head.ties, head.statistics.len(), baselines.len(), crate::compare::ALPHA
    ));
    for l in verdict_lines(c) {
        out.push_str(&format!("- {l}\n"));
    }
    out.push_str(&format!(
        "\n## Exploratory: the panel against each baseline ({})\n\nmean ± sd of the baseline, z; verdict mark (+ supports one core, − against, 0 no difference, · descriptive); \
         a counterfactual: its single value, ▲ ▼ ≈ value to value (not a test).\n\n",
        head.coding
    ));
    out.push_str("| statistic | claim | observed |");
    for b in &baselines {
        out.push_str(&format!(" {b} |"));
    }
    out.push_str("\n|---|---|---|");
    out.push_str(&"---|".repeat(baselines.len()));
    out.push('\n');
    for r in &head.statistics {
        let st = r.entry();
        let obs = match &r.observed {
            Value::Defined(x) => value(st, *x),
            Value::Undefined(why) => format!("undefined: {why}"),
        };
        out.push_str(&format!(
            "| {} | {} | {} |",
            r.name,
            claim_text(r.claim),
            md_escape(&obs)
        ));
        for b in &r.baselines {
            let s = &b.summary;
            if b.verdict.is_value_to_value() || b.undefined.is_some() {
                let cell = s.mean.map_or("undefined".into(), |x| value(st, x));
                out.push_str(&format!(" {cell} {} |", b.verdict.mark()));
                continue;
            }
            out.push_str(&format!(
                " {} (z {}) {} |",
                mean_sd(st, s),
                s.z.map_or("–".into(), |z| format!("{z:.1}")),
                b.verdict.mark()
            ));
        }
        out.push('\n');
    }
    if let Some(d) = &c.dial {
        out.push_str(&super::dial::dial_markdown(d));
    }
    out.push_str(&robustness_markdown(c));
    out.push_str(&tied_markdown(c));
    out
}

fn claim_text(c: Claim) -> &'static str {
    match c {
        Claim::Higher => "higher",
        Claim::Lower => "lower",
        Claim::None => "–",
    }
}

/// The legend of the robustness table's marks, one line per mark.
pub const ROBUSTNESS_LEGEND: &str = "- `+` the baseline supports one core (p ≤ 0.05 in the direction the claim predicts)\n\
- `−` against one core (p ≤ 0.05 the other way)\n\
- `0` no difference from the baseline\n\
- `·` descriptive: the claim predicts no direction\n\
- `n/a` undefined (on the case, or on every draw)\n\
- `▲` `▼` `≈` a counterfactual, value to value (not a test): further towards one core, less, equal within 1 %\n";

/// The robustness table: one row per statistic, one column per coding; a
/// cell is the observed value and one verdict mark per baseline, in order,
/// separated by spaces; the legend ([`ROBUSTNESS_LEGEND`]) above it.
pub fn robustness_markdown(c: &Comparison) -> String {
    let mut out = String::from("\n## Robustness to coding\n\n");
    let baselines: Vec<&str> = c
        .codings
        .first()
        .and_then(|h| h.statistics.first())
        .map(|s| s.baselines.iter().map(|b| b.baseline).collect())
        .unwrap_or_default();
    out.push_str(&format!(
        "Each cell: the case's value on that coding, then one mark per baseline, in this order: {}. \
         directed / symmetric: the aggregate of the positive layers; projected: arenas replaced by co-membership ties; \
         stated: without the inferred ties; layer:x: one layer. Baselines are drawn from the recoded case.\n\n",
        baselines.join(", ")
    ));
    out.push_str(ROBUSTNESS_LEGEND);
    out.push('\n');
    out.push_str("| statistic |");
    for k in &c.codings {
        out.push_str(&format!(" {} |", k.coding));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(c.codings.len()));
    out.push('\n');
    out.push_str("| actors / ties / core |");
    for k in &c.codings {
        out.push_str(&format!(" {} / {} / {} |", k.actors, k.ties, k.core_actors));
    }
    out.push('\n');
    for (i, st) in PANEL.iter().enumerate() {
        out.push_str(&format!("| {} |", st.name));
        for k in &c.codings {
            let r = &k.statistics[i];
            let marks = r
                .baselines
                .iter()
                .map(|b| b.verdict.mark())
                .collect::<Vec<_>>()
                .join(" ");
            match &r.observed {
                Value::Defined(x) => out.push_str(&format!(" {} {marks} |", value(st, *x))),
                Value::Undefined(_) => out.push_str(" undefined |"),
            }
        }
        out.push('\n');
    }
    out
}

fn tied_markdown(c: &Comparison) -> String {
    let mut out = String::from("\n## Ties at the optimum\n\n");
    let core = core_name(c);
    match c.tied_cores.as_slice() {
        [] => out.push_str("The core–periphery search found no core with a defined fit.\n"),
        [one] => out.push_str(&format!(
            "One core reaches the best core–periphery fit {:.6} ({} of the search's starts): {} ({} in the {core}).\n",
            one.fit,
            one.starts,
            one.ids.join(", "),
            percent(one.core_share)
        )),
        many => {
            out.push_str(&format!(
                "{} different cores fit within 1e-9 of the best core–periphery fit {:.6}; naming one of them \"the\" core would mislead.\n\n| core | actors | fit | starts | share in the {core} |\n|---|---|---|---|---|\n",
                many.len(),
                many[0].fit
            ));
            for t in many {
                out.push_str(&format!(
                    "| {} | {} | {:.9} | {} | {} |\n",
                    t.ids.join(", "),
                    t.ids.len(),
                    t.fit,
                    t.starts,
                    percent(t.core_share)
                ));
            }
        }
    }
    out
}

/// The comparison as CSV: one row per coding, statistic and baseline
/// (undefined values empty, the reason in `undefined`).
pub fn comparison_csv(cs: &[Comparison]) -> String {
    let mut out = String::from(
        "case,coding,statistic,claim,observed,undefined,baseline,draws,undefined_draws,mean,sd,z,p_ge,p_le,p_mc_ge,p_mc_le,verdict,lambda_hat,lambda_low,lambda_high,dial_check_p\n",
    );
    let num = |x: Option<f64>| x.map_or(String::new(), csv_number);
    for c in cs {
        let fit = c.dial.as_ref();
        // λ̂ and its interval only where the dial reproduces the case; the
        // posterior predictive check's p always (empty when not estimated).
        let dial = format!(
            "{},{},{},{}",
            num(fit.and_then(|d| d.lambda_hat())),
            num(fit.and_then(|d| d.interval()).map(|i| i[0])),
            num(fit.and_then(|d| d.interval()).map(|i| i[1])),
            num(fit.and_then(|d| d.check()).map(|c| c.p))
        );
        for k in &c.codings {
            for r in &k.statistics {
                let (obs, why) = match &r.observed {
                    Value::Defined(x) => (csv_number(*x), String::new()),
                    Value::Undefined(w) => {
                        (String::new(), format!("\"{}\"", w.replace('"', "\"\"")))
                    }
                };
                for b in &r.baselines {
                    let s = &b.summary;
                    out.push_str(&format!(
                        "{},{},{},{},{obs},{why},{},{},{},{},{},{},{},{},{},{},{},{dial}\n",
                        c.case,
                        k.coding,
                        r.name,
                        claim_text(r.claim).replace('–', ""),
                        b.baseline,
                        s.draws,
                        s.undefined_draws,
                        num(s.mean),
                        num(s.sd),
                        num(s.z),
                        num(s.p_ge),
                        num(s.p_le),
                        num(s.p_mc_ge),
                        num(s.p_mc_le),
                        verdict_key(b.verdict),
                    ));
                }
            }
        }
    }
    out
}

/// The comparisons as JSON (an array; undefined values `null`).
pub fn comparison_json(cs: &[Comparison]) -> String {
    serde_json::to_string_pretty(cs).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The statistics of the cross-case table.
pub const CROSS_CASE_STATISTICS: &[&str] = &[
    "betweenness_centralization",
    "core_brokerage_share",
    "core_path_share",
    "effective_centres",
    "fragmentation_without_core",
];

/// Every case side by side on its headline coding: outcome, core actors, for
/// each statistic of [`CROSS_CASE_STATISTICS`] the observed value and its z
/// against the first baseline, and the pre-registered answer. Rows are grouped by recorded outcome (succeeded,
/// failed, unknown, none) so successes stand beside failures.
pub fn cross_case_markdown(cs: &[Comparison]) -> String {
    let mut rows: Vec<&Comparison> = cs.iter().collect();
    let rank = |o: Option<OutcomeStatus>| match o {
        Some(OutcomeStatus::Succeeded) => 0,
        Some(OutcomeStatus::Failed) => 1,
        Some(OutcomeStatus::Unknown) => 2,
        None => 3,
    };
    rows.sort_by_key(|c| (rank(c.outcome), c.case.clone()));
    let first = cs
        .first()
        .and_then(|c| c.codings.first())
        .and_then(|h| h.statistics.first())
        .and_then(|s| s.baselines.first())
        .map_or("", |b| b.baseline);
    let mut out = format!(
        "# Every case side by side\n\nHeadline coding of each case; value (z against {first}, exploratory); answer: the pre-registered rule's outcome on the headline coding (the elevator stairwells are all successes: no failed site can be coded, so they are compared among successes only); λ̂: where the case sits on the dial from 1/K (K equal centres) to 1 (one core), – not fitted.\n\n| case | outcome | core actors | λ̂ [90 % interval] |"
    );
    for s in CROSS_CASE_STATISTICS {
        out.push_str(&format!(" {s} |"));
    }
    out.push_str(" answer |\n|---|---|---|---|");
    out.push_str(&"---|".repeat(CROSS_CASE_STATISTICS.len() + 1));
    out.push('\n');
    for c in rows {
        let Some(h) = c.codings.first() else { continue };
        out.push_str(&format!(
            "| {} | {} | {} | {} |",
            c.case,
            c.outcome.map_or("–".into(), |o| o.to_string()),
            h.core_actors,
            super::dial::dial_cell(c.dial.as_ref())
        ));
        for name in CROSS_CASE_STATISTICS {
            let cell = h.statistic(name).map_or("–".into(), |r| match &r.observed {
                Value::Defined(x) => format!(
                    "{} ({})",
                    value(r.entry(), *x),
                    r.baselines
                        .first()
                        .and_then(|b| b.summary.z)
                        .map_or("–".into(), |z| format!("{z:.1}"))
                ),
                Value::Undefined(_) => "undefined".into(),
            });
            out.push_str(&format!(" {cell} |"));
        }
        out.push_str(&format!(
            " {} |\n",
            c.answer.as_ref().map_or("not run".into(), |a| format!(
                "{}{}",
                a.outcome.phrase(),
                if a.robust {
                    ""
                } else {
                    " (not robust to coding)"
                }
            ))
        ));
    }
    out
}

/// The tests' verdicts of a coding over every claimed statistic and random
/// baseline: `(supports, contradicts, no difference)`; descriptive,
/// undefined and value-to-value rows are not tests and are not counted.
pub fn verdict_tally(h: &CodingResult) -> (usize, usize, usize) {
    let (mut plus, mut minus, mut zero) = (0, 0, 0);
    for b in h.statistics.iter().flat_map(|r| &r.baselines) {
        match b.verdict {
            Verdict::Supports => plus += 1,
            Verdict::Contradicts => minus += 1,
            Verdict::NoDifference => zero += 1,
            _ => {}
        }
    }
    (plus, minus, zero)
}

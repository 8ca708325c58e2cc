//! The pre-registered answer as the report prints it: a card per case (the
//! top of the page), a Markdown section, and the cross-case table.

use crate::compare::answer::{Answer, CodingAnswer, PowerStudy};

fn num(x: f64) -> String {
    if x == 0.0 || (x.abs() >= 0.001 && x.abs() < 1e4) {
        format!("{x:.3}")
    } else {
        format!("{x:.2e}")
    }
}

fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".into()
    } else {
        format!("p = {p:.3}")
    }
}

/// E1 in one sentence.
pub fn e1_line(c: &CodingAnswer) -> String {
    let e = &c.e1;
    let mut s = format!(
        "Block structure (degree-corrected SBM): the best structured partition ({}) saves {} nats over one block ({}; ln 20 = 3.0)",
        e.best_structured,
        num(e.gain),
        if e.structured {
            "structured"
        } else {
            "cannot distinguish"
        }
    );
    if e.structured
        && let Some(b) = e.core_block
    {
        s.push_str(&format!(
            "; the best partition has {} blocks, the core's block holds {} of {} core actors and {} of the ties between blocks (even share {})",
            e.best_blocks,
            e.core_in_block[0],
            e.core_in_block[1],
            num(e.between_shares[b as usize]),
            num(e.even_share)
        ));
    }
    if let Some(p) = &e.posterior {
        let best = p.shares.iter().find(|x| x.blocks == e.best_blocks);
        let best_share = match best {
            Some(x) if e.best_blocks != 1 => format!(
                ", P(B = {}) = {}{}",
                e.best_blocks,
                num(x.share),
                x.mcse.map_or(String::new(), |m| format!(" ± {}", num(m)))
            ),
            None if e.best_blocks != 1 => format!(", P(B = {}) = 0 (never sampled)", e.best_blocks),
            _ => String::new(),
        };
        s.push_str(&format!(
            "; posterior P(B = 1) = {}{}{best_share} (± MCSE; MAP B = {}, mean B = {}; informs, not in the rule): {}",
            num(p.one_block),
            p.one_block_mcse
                .map_or(String::new(), |m| format!(" ± {}", num(m))),
            p.map_blocks,
            num(p.mean_blocks),
            p.note
        ));
    }
    s.push('.');
    s
}

fn holm_of(c: &CodingAnswer, prefix: &str) -> Option<f64> {
    c.holm
        .iter()
        .find(|h| h.test.starts_with(prefix))
        .map(|h| h.adjusted)
}

/// E2 in one sentence.
pub fn e2_line(c: &CodingAnswer) -> String {
    let e = &c.e2;
    let cp = e
        .core_pair
        .and_then(|id| e.pairs.iter().find(|p| p.id == id));
    let core_part = match cp {
        None => "no pair's core holds a core actor".to_string(),
        Some(p) => format!(
            "the core's pair (core: {}; {} periphery) has q = {}, {}{}",
            p.core.join(", "),
            p.periphery.len(),
            num(p.quality),
            p.p.map_or("no p (degenerate null)".into(), p_text),
            holm_of(c, "E2 ").map_or(String::new(), |a| format!(", Holm-adjusted {}", num(a)))
        ),
    };
    format!(
        "Core–periphery pairs (KM-config, {} exact-degree randomisations): {} pairs, {} significant; {core_part}.",
        e.randomisations,
        e.pairs.len(),
        c.inputs.significant_pairs,
    )
}

/// E3 in one sentence.
pub fn e3_line(c: &CodingAnswer) -> String {
    let Some(m) = &c.e3 else {
        return "Fitted ERGM: not fitted (under the size limit).".into();
    };
    let t = m.tested().map_or(String::new(), |t| {
        format!(
            "{} = {} [{}, {}], {}",
            t.term,
            num(t.estimate),
            num(t.interval[0]),
            num(t.interval[1]),
            p_text(t.p)
        )
    });
    match &m.not_used {
        Some(why) if t.is_empty() => format!("Fitted ERGM: not used: {why}."),
        Some(why) => format!("Fitted ERGM ({t}): not used: {why}."),
        None => format!(
            "Fitted ERGM ({}): {t}{}, ΔAIC without the core's terms {}.",
            m.estimator,
            holm_of(c, "E3 ").map_or(String::new(), |a| format!(", Holm-adjusted {}", num(a))),
            m.delta_aic.map_or("–".into(), num)
        ),
    }
}

/// E4 in one sentence.
pub fn e4_line(c: &CodingAnswer) -> String {
    let Some(tests) = &c.e4 else {
        return "Counterfactual (the fitted ERGM with the core's terms at 0): not drawn (E3 not used).".into();
    };
    let parts: Vec<String> = tests
        .iter()
        .map(|t| {
            format!(
                "{} {} against {} [{}, {}], {} (draws worth {:.0} independent)",
                t.statistic,
                t.observed.map_or("undefined".into(), num),
                t.mean.map_or("–".into(), num),
                t.band.map_or("–".into(), |b| num(b[0])),
                t.band.map_or("–".into(), |b| num(b[1])),
                t.p.map_or("no p".into(), p_text),
                t.effective_draws
            )
        })
        .collect();
    format!(
        "Counterfactual (the fitted ERGM with the core's terms at 0, edges re-solved; {} draws): {}.",
        tests.first().map_or(0, |t| t.draws),
        parts.join("; ")
    )
}

/// The codings' outcomes in one line.
pub fn codings_line(a: &Answer) -> String {
    if a.robust {
        return format!(
            "The same outcome on all {} codings ({}).",
            a.codings.len(),
            a.codings
                .iter()
                .map(|c| c.coding.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let parts: Vec<String> = a
        .codings
        .iter()
        .map(|c| format!("{}: {}", c.coding, c.decision.outcome.phrase()))
        .collect();
    format!("Not robust to coding: {}.", parts.join("; "))
}

/// The lines of a case's card: the outcome first, then the evidence of the
/// headline coding, the codings, and the notes.
pub fn answer_card(a: &Answer) -> (String, Vec<String>) {
    let h = &a.codings[0];
    let title = format!(
        "{} (on the {} coding: {})",
        a.outcome.phrase(),
        h.coding,
        h.decision.because
    );
    let mut lines = vec![
        e1_line(h),
        e2_line(h),
        e3_line(h),
        e4_line(h),
        codings_line(a),
    ];
    lines.extend(a.notes.iter().skip(1).cloned());
    (title, lines)
}

/// The answer as a Markdown section.
pub fn answer_markdown(a: &Answer) -> String {
    let mut o = format!(
        "\n## The answer: {}\n\nThe rule of {} on each coding (core: `{}`: {}). Holm's procedure across the confirmatory tests of each coding, family-wise level 0.05. {}\n\n",
        a.outcome.phrase(),
        a.preregistration,
        a.core,
        if a.core_ids.is_empty() {
            "none".into()
        } else {
            a.core_ids.join(", ")
        },
        codings_line(a)
    );
    o.push_str("| coding | actors | ties | answer | clause | why |\n|---|---|---|---|---|---|\n");
    for c in &a.codings {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            c.coding,
            c.actors,
            c.ties,
            c.decision.outcome.phrase(),
            c.decision.clause,
            c.decision.because.replace('|', "/")
        ));
    }
    for c in &a.codings {
        o.push_str(&format!("\n### Evidence on the {} coding\n\n", c.coding));
        for l in [e1_line(c), e2_line(c), e3_line(c), e4_line(c)] {
            o.push_str(&format!("- {l}\n"));
        }
        if !c.holm.is_empty() {
            o.push_str("\n| test | p | Holm-adjusted | rejected at 0.05 |\n|---|---|---|---|\n");
            for h in &c.holm {
                o.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    h.test,
                    num(h.p),
                    num(h.adjusted),
                    if h.rejected { "yes" } else { "no" }
                ));
            }
        }
    }
    for n in &a.notes {
        o.push_str(&format!("\n*Note:* {n}\n"));
    }
    o
}

/// The power study as Markdown: the confusion matrix (truth × answer).
pub fn power_markdown(p: &PowerStudy) -> String {
    let mut o = format!(
        "# The rule's power at the size of {}\n\n{} planted graphs per truth on the {} coding ({} actors, {} ties, {} core actors), seed {}; the whole pre-registered rule on each. Recovery: the share of draws given the right answer (one core → one core; k centres → several centres; no structure → cannot tell), with its Wilson 95 % interval.\n\n| truth | one core | several centres | polycentric | cannot tell | recovery [95 %] |\n|---|---|---|---|---|---|\n",
        p.case, p.draws, p.coding, p.size[0], p.size[1], p.size[2], p.seed
    );
    for r in &p.rows {
        o.push_str(&format!(
            "| {} | {} | {} | {} | {} | {:.0} % [{:.0}, {:.0}] |\n",
            r.truth,
            r.answers[0],
            r.answers[1],
            r.answers[2],
            r.answers[3],
            100.0 * r.recovery,
            100.0 * r.recovery_interval[0],
            100.0 * r.recovery_interval[1]
        ));
    }
    o
}

/// The power study as JSON.
pub fn power_json(p: &PowerStudy) -> String {
    serde_json::to_string_pretty(p).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The card's line on what the rule detects at this size.
pub fn power_line(p: &PowerStudy) -> String {
    let parts: Vec<String> = p
        .rows
        .iter()
        .map(|r| {
            format!(
                "{} recovered {}/{} ({:.0} % [{:.0}, {:.0}]), cannot tell {:.0} %",
                r.truth.replace('_', " "),
                (r.recovery * r.draws as f64).round(),
                r.draws,
                100.0 * r.recovery,
                100.0 * r.recovery_interval[0],
                100.0 * r.recovery_interval[1],
                100.0 * r.cannot_tell
            )
        })
        .collect();
    format!(
        "What the rule detects at this size ({} actors, {} ties; {} planted graphs per truth, `coprod power {} --draws {} --seed {}`): {}.",
        p.size[0],
        p.size[1],
        p.draws,
        p.case,
        p.draws,
        p.seed,
        parts.join("; ")
    )
}

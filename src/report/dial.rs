//! λ̂ written for a reader: where a case sits on the dial between
//! polycentric (`λ = 1/K`) and one core (`λ = 1`), in words grounded in the
//! interval.

use crate::compare::{DialEstimate, DialFit};

/// Within this of an end, an interval "reaches" it (the grid's ends are exact).
const END: f64 = 1e-9;

/// Where the interval puts the case, in words:
///
/// ```text
/// lo = 1/K, [a, b] the interval, span = (b − a)/(1 − lo)
/// a ≤ lo and b ≥ 1, or span ≥ 2/3  → "the panel cannot place the case on the dial"
/// b ≥ 1                             → "consistent with the one-core end"
/// a ≤ lo                            → "consistent with the polycentric end"
/// otherwise, by p = (λ̂ − lo)/(1 − lo): p > 0.5 "nearer the one-core end",
///   p < 0.5 "nearer the polycentric end", p = 0.5 "midway"
/// ```
pub fn dial_reading(fit: &DialFit) -> Option<String> {
    let (l, [a, b]) = (fit.lambda_hat()?, fit.interval()?);
    let lo = fit.lower_end();
    let range = 1.0 - lo;
    let span = (b - a) / range;
    let (at_lo, at_hi) = (a <= lo + END, b >= 1.0 - END);
    Some(if (at_lo && at_hi) || span >= 2.0 / 3.0 {
        format!(
            "the panel cannot place the case on the dial (the interval spans {:.0} % of it)",
            100.0 * span
        )
    } else if at_hi {
        "consistent with the one-core end (the interval reaches λ = 1)".into()
    } else if at_lo {
        format!("consistent with the polycentric end (the interval reaches λ = 1/K = {lo:.2})")
    } else {
        let p = (l - lo) / range;
        if p > 0.5 + END {
            "between the ends, nearer the one-core end".into()
        } else if p < 0.5 - END {
            "between the ends, nearer the polycentric end".into()
        } else {
            "midway between the ends".into()
        }
    })
}

/// The line of the comparison report: "λ̂ = 0.82, 90 % interval [0.67, 0.95],
/// K = 4 centres: nearer the one-core end", then how it was fitted, or why
/// there is no λ̂. When the posterior predictive check fails (the fitted dial
/// does not reproduce the case, [`PredictiveCheck`](crate::compare::PredictiveCheck)),
/// it shows no λ̂: it says "the dial does not reproduce this case" with the
/// check's p and the statistics outside the predictive range.
pub fn dial_markdown(fit: &DialFit) -> String {
    let mut out = String::from("\n## Where on the dial\n\n");
    let lo = fit.lower_end();
    match &fit.estimate {
        DialEstimate::Undefined { reason } => {
            out.push_str(&format!("λ̂ undefined (K = {}): {reason}.\n", fit.k));
        }
        DialEstimate::Estimated {
            lambda_hat,
            interval: [a, b],
            threshold,
            min_distance,
            model_distance,
            accepted,
            check,
        } if check.reproduces => {
            out.push_str(&format!(
                "λ̂ = {lambda_hat:.2}, {:.0} % interval [{a:.2}, {b:.2}], K = {} centres (the dial runs from λ = 1/K = {lo:.2}, K equal centres, to λ = 1, one core): {}.\n\n",
                100.0 * fit.level,
                fit.k,
                dial_reading(fit).unwrap_or_default()
            ));
            out.push_str(&format!(
                "Posterior predictive check: p = {:.3} (the case is as far from the fitted dial's mean panel as {:.0} % of its draws; nearest draw at standardised distance {min_distance:.2}, the model's own draws a median {model_distance:.2} from their point's mean).\n\n",
                check.p,
                100.0 * check.p
            ));
            let used: Vec<&str> = fit.used().collect();
            let left: Vec<String> = fit
                .statistics
                .iter()
                .filter_map(|s| s.left_out.as_ref().map(|w| format!("{} ({w})", s.name)))
                .collect();
            out.push_str(&format!(
                "ABC rejection on the {} coding: {} grid points × {} draws of the matched dial, seed {}; the {} draws nearest the case ({:.0} % of all, ties included; standardised distance ≤ {threshold:.2}, nearest {min_distance:.2}) give λ̂ (median) and the interval (central quantiles). Statistics: {}.{}\n",
                fit.coding,
                fit.grid.len(),
                fit.draws,
                fit.seed,
                accepted.len(),
                100.0 * fit.accept,
                used.join(", "),
                if left.is_empty() {
                    String::new()
                } else {
                    format!(" Left out: {}.", left.join("; "))
                }
            ));
        }
        DialEstimate::Estimated {
            check,
            min_distance,
            model_distance,
            ..
        } => {
            let missed: Vec<String> = check
                .missed
                .iter()
                .map(|m| {
                    format!(
                        "{} {:.3} (draws [{:.3}, {:.3}])",
                        m.name, m.observed, m.low, m.high
                    )
                })
                .collect();
            out.push_str(&format!(
                "The dial does not reproduce this case (K = {}): posterior predictive p = {:.3} < {}; the case lies at standardised distance {:.2} from the fitted dial's mean panel (its nearest draw at {min_distance:.2}, the model's own draws a median {model_distance:.2} from their point's mean). {} No λ̂ is reported: a position on a model that does not reproduce the case is not a fit.\n",
                fit.k,
                check.p,
                crate::compare::DIAL_PPC_LEVEL,
                check.distance,
                if missed.is_empty() {
                    "No single statistic lies outside its predictive 95 % range; their combination does.".to_string()
                } else {
                    format!("Outside the predictive 95 % range: {}.", missed.join("; "))
                }
            ));
        }
    }
    out
}

/// The cross-case cell: `0.82 [0.67, 0.95]`, `not reproduced (p 0.004)`
/// when the posterior predictive check fails, `undefined`, or `–` when not
/// fitted.
pub fn dial_cell(fit: Option<&DialFit>) -> String {
    match fit {
        None => "–".into(),
        Some(f) => match (f.lambda_hat(), f.interval(), f.check()) {
            (Some(l), Some([a, b]), _) => format!("{l:.2} [{a:.2}, {b:.2}]"),
            (_, _, Some(c)) if !c.reproduces => format!("not reproduced (p {:.3})", c.p),
            _ => "undefined".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Coding;

    fn fit(k: usize, l: f64, a: f64, b: f64) -> DialFit {
        DialFit {
            coding: Coding::Directed,
            core: "kind:party".into(),
            k,
            draws: 10,
            accept: 0.05,
            seed: 0,
            level: 0.9,
            statistics: Vec::new(),
            grid: Vec::new(),
            estimate: DialEstimate::Estimated {
                lambda_hat: l,
                interval: [a, b],
                threshold: 1.0,
                min_distance: 0.5,
                model_distance: 1.0,
                accepted: vec![a, l, b],
                check: crate::compare::PredictiveCheck {
                    p: 0.5,
                    distance: 1.0,
                    reproduces: true,
                    missed: Vec::new(),
                },
            },
        }
    }

    #[test]
    fn readings_follow_the_interval() {
        let r = |f: DialFit| dial_reading(&f).unwrap();
        assert!(r(fit(4, 0.9, 0.7, 1.0)).contains("one-core end (the interval reaches"));
        assert!(r(fit(4, 0.3, 0.25, 0.5)).contains("polycentric end (the interval reaches"));
        assert!(r(fit(4, 0.82, 0.67, 0.95)).contains("nearer the one-core end"));
        assert!(r(fit(4, 0.4, 0.3, 0.55)).contains("nearer the polycentric end"));
        assert!(r(fit(4, 0.6, 0.25, 1.0)).contains("cannot place"));
        assert!(r(fit(4, 0.6, 0.3, 0.9)).contains("cannot place")); // 80 % of the dial
        assert_eq!(
            dial_cell(Some(&fit(4, 0.82, 0.67, 0.95))),
            "0.82 [0.67, 0.95]"
        );
        assert_eq!(dial_cell(None), "–");
        let md = dial_markdown(&fit(4, 0.82, 0.67, 0.95));
        assert!(
            md.contains("λ̂ = 0.82, 90 % interval [0.67, 0.95], K = 4 centres"),
            "{md}"
        );
        assert!(md.contains("Posterior predictive check: p = 0.500"), "{md}");
        let mut far = fit(4, 0.82, 0.67, 0.95);
        if let DialEstimate::Estimated { check, .. } = &mut far.estimate {
            check.p = 0.004;
            check.reproduces = false;
            check.missed.push(crate::compare::MissedStatistic {
                name: "core_betweenness",
                observed: 0.232,
                low: 0.05,
                high: 0.12,
            });
        }
        let md = dial_markdown(&far);
        assert!(md.contains("The dial does not reproduce this case"), "{md}");
        assert!(
            md.contains("core_betweenness 0.232 (draws [0.050, 0.120])"),
            "{md}"
        );
        assert!(!md.contains("λ̂ = 0.82"), "{md}");
        assert_eq!(dial_reading(&far), None);
        assert_eq!(dial_cell(Some(&far)), "not reproduced (p 0.004)");
    }
}

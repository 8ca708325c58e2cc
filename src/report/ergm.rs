//! A fitted ERGM as a table a person reads (Markdown), a spreadsheet reads
//! (CSV) or another tool reads (JSON: one object per term with `term`,
//! `estimate`, `se`).

use crate::inference::ergm::gof::Gof;
use crate::inference::ergm::{ErgmFit, case::CaseFit};
use serde_json::{Value, json};
use std::fmt::Write;

fn num(x: f64) -> Value {
    if x.is_finite() { json!(x) } else { Value::Null }
}

/// The fit as Markdown: the header, the coefficient table, the diagnostics.
pub fn ergm_markdown(case: &str, f: &CaseFit) -> String {
    let fit = &f.fit;
    let mut s = String::new();
    let _ = writeln!(s, "# ERGM of `{case}`\n");
    let _ = writeln!(s, "- formula: `{}`", fit.formula);
    let _ = writeln!(s, "- estimator: {}", fit.estimator.label());
    let _ = writeln!(
        s,
        "- network: {} actors, {} ties, {}; {} free dyads of {}",
        f.data.network.n(),
        f.data.network.edge_count(),
        if f.data.network.is_directed() {
            "directed"
        } else {
            "undirected"
        },
        fit.dyads,
        f.data.network.dyad_count()
    );
    if let (Some(l), Some(a), Some(b)) = (fit.loglik, fit.aic(), fit.bic()) {
        match fit.loglik_mc_se {
            Some(se) => {
                let _ = writeln!(
                    s,
                    "- log-likelihood {l:.4} ± {se:.4} (bridge sampling, Monte-Carlo SE), AIC {a:.2}, BIC {b:.2}"
                );
            }
            None => {
                let _ = writeln!(s, "- log-likelihood {l:.4}, AIC {a:.2}, BIC {b:.2}");
            }
        }
    }
    let _ = writeln!(
        s,
        "\n| term | estimate | SE | z | p | 95 % interval | observed |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---|---:|");
    for (t, o) in fit.terms.iter().zip(&fit.observed) {
        let _ = writeln!(
            s,
            "| {} | {:.4} | {:.4} | {:.2} | {} | [{:.3}, {:.3}] | {} |",
            t.term,
            t.estimate,
            t.se,
            t.z,
            pval(t.p),
            t.lower,
            t.upper,
            stat(*o)
        );
    }
    if let Some(sa) = &fit.sa {
        let t: Vec<String> = fit
            .terms
            .iter()
            .zip(&sa.t_ratios)
            .map(|(t, x)| format!("{} {x:.3}", t.term))
            .collect();
        let _ = writeln!(
            s,
            "\nStochastic approximation: {} phase-2 sub-phase(s) in {} run(s), {} phase-1 draws; phase-3 t-ratios (converged: every |t| < {}): {}.",
            sa.subphases.len(),
            sa.runs,
            sa.phase1_draws,
            sa.max_t_ratio,
            t.join(", ")
        );
    }
    if let Some(d) = &fit.diagnostics {
        let head = if fit.sa.is_some() {
            format!(
                "Phase 3 at θ̂ after {} phase-2 iteration(s): Hotelling T² = {:.2}, p = {:.3} (a joint test of E(g) = g(y_obs), for reading only: SA's criterion is the t-ratios)",
                d.iterations, d.hotelling_t2, d.hotelling_p
            )
        } else {
            format!(
                "MCMC: converged after {} iteration(s); Hotelling T² = {:.2}, p = {:.3} (of the last sample, drawn at the θ before the final step: a small p says that step moved θ by more than the sample's Monte-Carlo error; the fit stops at two consecutive full Hummel steps)",
                d.iterations, d.hotelling_t2, d.hotelling_p
            )
        };
        let _ = writeln!(
            s,
            "\n{head}; {} draws ({} chains × {}, interval {}, burn-in {}); acceptance {:.3}.\n",
            d.draws,
            d.sampler.chains,
            d.sampler.draws_per_chain,
            d.sampler.interval,
            d.sampler.burnin,
            d.acceptance
        );
        let _ = writeln!(
            s,
            "| term | observed | simulated mean ± MC SE | ESS | lag-1 autocorrelation |"
        );
        let _ = writeln!(s, "|---|---:|---:|---:|---:|");
        for (a, t) in fit.terms.iter().enumerate() {
            let _ = writeln!(
                s,
                "| {} | {} | {:.3} ± {:.3} | {:.0} | {:.3} |",
                t.term,
                stat(fit.observed[a]),
                d.simulated_mean[a],
                d.simulated_mean_se[a],
                d.ess[a],
                d.lag1[a]
            );
        }
    }
    s
}

/// A statistic: an integer as such, else four decimals.
fn stat(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x}")
    } else {
        format!("{x:.4}")
    }
}

fn pval(p: f64) -> String {
    if p < 1e-4 {
        "< 0.0001".into()
    } else {
        format!("{p:.4}")
    }
}

/// The coefficient table as CSV.
pub fn ergm_csv(fit: &ErgmFit) -> String {
    let mut s = String::from("term,estimate,se,z,p,lower,upper,observed,ess,lag1\n");
    for (a, t) in fit.terms.iter().enumerate() {
        let (ess, lag) = fit
            .diagnostics
            .as_ref()
            .map_or((String::new(), String::new()), |d| {
                (format!("{}", d.ess[a]), format!("{}", d.lag1[a]))
            });
        let _ = writeln!(
            s,
            "{},{},{},{},{},{},{},{},{ess},{lag}",
            t.term, t.estimate, t.se, t.z, t.p, t.lower, t.upper, fit.observed[a]
        );
    }
    s
}

/// The fit as JSON: `{"case", "formula", "estimator", "terms": [{"term",
/// "estimate", "se", "z", "p", "lower", "upper", "observed"}], "loglik",
/// "aic", "bic", "diagnostics"}`.
pub fn ergm_json(case: &str, fit: &ErgmFit) -> Value {
    let terms: Vec<Value> = fit
        .terms
        .iter()
        .zip(&fit.observed)
        .map(|(t, o)| {
            json!({"term": t.term, "estimate": num(t.estimate), "se": num(t.se), "z": num(t.z), "p": num(t.p),
                   "lower": num(t.lower), "upper": num(t.upper), "observed": o})
        })
        .collect();
    let diagnostics = fit.diagnostics.as_ref().map(|d| {
        json!({"iterations": d.iterations, "hotelling_t2": num(d.hotelling_t2), "hotelling_p": num(d.hotelling_p),
               "acceptance": d.acceptance, "draws": d.draws, "ess": d.ess, "lag1": d.lag1.iter().map(|x| num(*x)).collect::<Vec<_>>(),
               "simulated_mean": d.simulated_mean, "simulated_mean_se": d.simulated_mean_se,
               "seed": d.sampler.seed, "interval": d.sampler.interval, "burnin": d.sampler.burnin, "chains": d.sampler.chains})
    });
    let sa = fit.sa.as_ref().map(|a| {
        json!({"t_ratios": a.t_ratios, "max_t_ratio": a.max_t_ratio, "runs": a.runs, "phase1_draws": a.phase1_draws,
               "phase2_iterations": a.subphases.iter().map(|k| k.iterations).collect::<Vec<_>>(),
               "newton_offset": a.newton_offset, "mc_se": a.mc_se})
    });
    json!({"case": case, "formula": fit.formula, "estimator": fit.estimator.label(), "dyads": fit.dyads, "sa": sa,
           "terms": terms, "loglik": fit.loglik, "loglik_mc_se": fit.loglik_mc_se, "aic": fit.aic(), "bic": fit.bic(), "diagnostics": diagnostics})
}

/// A goodness-of-fit check as Markdown: one table per distribution
/// (value, observed, simulated mean, 95 % band, inside), then the rule.
pub fn gof_markdown(g: &Gof) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\n## Goodness of fit ({} simulated networks)\n", g.draws);
    for d in &g.distributions {
        let _ = writeln!(
            s,
            "### {}{}\n\n| value | observed | simulated mean | 2.5 % | 97.5 % | inside |\n|---|---:|---:|---:|---:|---|",
            d.name,
            if d.in_rule { " (in the rule)" } else { "" }
        );
        for r in &d.rows {
            let _ = writeln!(
                s,
                "| {} | {} | {:.3} | {:.3} | {:.3} | {} |",
                r.label,
                stat(r.observed),
                r.mean,
                r.lower,
                r.upper,
                if r.inside { "yes" } else { "**no**" }
            );
        }
        let _ = writeln!(s);
    }
    let failing: Vec<String> = g.failing().map(|(_, m)| m).collect();
    let _ = writeln!(
        s,
        "Rule (more than {:.0} % of the degree or ESP values outside the band): {}",
        100.0 * g.max_outside_share,
        if failing.is_empty() {
            "the fit is not rejected".to_string()
        } else {
            format!("**rejected**: {}", failing.join("; "))
        }
    );
    s
}

/// A goodness-of-fit check as CSV: `distribution,value,observed,mean,lower,upper,inside`.
pub fn gof_csv(g: &Gof) -> String {
    let mut s = String::from("distribution,value,observed,mean,lower,upper,inside\n");
    for d in &g.distributions {
        for r in &d.rows {
            let _ = writeln!(
                s,
                "{},{},{},{},{},{},{}",
                d.name, r.label, r.observed, r.mean, r.lower, r.upper, r.inside
            );
        }
    }
    s
}

/// A goodness-of-fit check as JSON: `{"draws", "rejects", "failing",
/// "distributions": [{"name", "in_rule", "rows": [{"value", "observed",
/// "mean", "lower", "upper", "inside"}]}]}`.
pub fn gof_json(g: &Gof) -> Value {
    let dists: Vec<Value> = g
        .distributions
        .iter()
        .map(|d| {
            let rows: Vec<Value> = d
                .rows
                .iter()
                .map(|r| json!({"value": r.label, "observed": r.observed, "mean": num(r.mean), "lower": num(r.lower), "upper": num(r.upper), "inside": r.inside}))
                .collect();
            json!({"name": d.name, "in_rule": d.in_rule, "rows": rows})
        })
        .collect();
    let failing: Vec<String> = g.failing().map(|(_, m)| m).collect();
    json!({"draws": g.draws, "rejects": g.rejects(), "failing": failing, "distributions": dists})
}

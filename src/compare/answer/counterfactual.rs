//! E4: the case's statistics against draws of its fitted ERGM with the
//! core's terms at 0.

use crate::compare::panel::{Claim, PanelInput, statistic};
use crate::error::Result;
use crate::model::{Aggregation, Attribute, Csr, NodeSet, Partition, View};
use serde::Serialize;

/// The panel statistics E4 compares, in the pre-registration's order.
pub const COUNTERFACTUAL_STATISTICS: [&str; 3] = [
    "fragmentation_without_core",
    "core_brokerage_share",
    "core_path_share",
];

/// One statistic of E4.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CounterfactualTest {
    /// The panel statistic's name.
    pub statistic: String,
    /// Its value on the case (`None`: undefined on the case).
    pub observed: Option<f64>,
    /// Counterfactual draws.
    pub draws: usize,
    /// Draws on which it is defined.
    pub defined: usize,
    /// Effective sample size of the statistic over the draws' chains
    /// (Geyer's initial monotone sequence, as `inference::sbm`'s
    /// diagnostics); `None` when it is undefined on a draw, constant over
    /// the draws, or the chains are shorter than 4.
    pub ess: Option<f64>,
    /// The number of draws the p value counts as independent:
    /// `min(ess, defined)`, or `defined` when `ess` is `None`.
    pub effective_draws: f64,
    /// Mean over those draws.
    pub mean: Option<f64>,
    /// 2.5 % and 97.5 % quantiles over those draws (type 7, as R's default).
    pub band: Option<[f64; 2]>,
    /// One-sided Monte-Carlo p in the direction the one-core claim predicts,
    /// counting the autocorrelated draws as `effective_draws` independent
    /// ones: `(1 + D_eff · p̂) / (1 + D_eff)` with `p̂` the share of defined
    /// draws at least as extreme; `(1 + #extreme) / (1 + defined)` when the
    /// draws are as good as independent. `None` when the case's value or
    /// every draw's is undefined.
    pub p: Option<f64>,
}

/// E4's statistics: each of [`COUNTERFACTUAL_STATISTICS`] on the view and on
/// every draw (an edge list over the view's node indices, as directed as
/// the view), the draws in chain order from `chains` chains of
/// `⌈draws / chains⌉` consecutive draws (the last may hold fewer).
///
/// ```text
/// claim Higher:  p̂ = #{d : T(d) ≥ T(case)} / D
/// claim Lower:   p̂ = #{d : T(d) ≤ T(case)} / D
/// ESS            of T(d) over the chains (cut to the shortest chain)
/// D_eff          = min(ESS, D), or D when ESS is undefined
/// p              = (1 + D_eff · p̂) / (1 + D_eff)
/// ```
/// `D` counts the draws on which `T` is defined; an undefined draw is left
/// out and counted in `defined`'s complement. With independent draws
/// (`D_eff = D`) `p` is the usual `(1 + #extreme) / (1 + D)`; draws of a
/// Markov chain carry less information than their number, and the p value
/// counts them as the `ESS` independent draws they are worth (amendment 4
/// of the pre-registration). The three statistics all
/// claim Higher (a core that holds the graph together, brokers across
/// sectors and sits on cross-sector paths).
///
/// # Errors
/// A statistic's own errors; [`crate::Error::SizeMismatch`] for a draw
/// with a node outside the view.
pub fn counterfactual_tests(
    view: &View<'_>,
    core: &NodeSet,
    draws: &[Vec<(u32, u32)>],
    chains: usize,
) -> Result<Vec<CounterfactualTest>> {
    let n = view.node_count();
    let sectors = Partition::of_view(view, &Attribute::Sector)?;
    let case = PanelInput::from_csr(view.csr(), sectors.clone(), core.clone())?;
    let stats: Vec<_> = COUNTERFACTUAL_STATISTICS
        .iter()
        .map(|s| statistic(s))
        .collect::<Result<_>>()?;
    let mut values: Vec<Vec<f64>> = vec![Vec::with_capacity(draws.len()); stats.len()];
    let mut in_order: Vec<Vec<Option<f64>>> = vec![Vec::with_capacity(draws.len()); stats.len()];
    for d in draws {
        if let Some(&(u, v)) = d.iter().find(|&&(u, v)| u as usize >= n || v as usize >= n) {
            return Err(crate::Error::SizeMismatch {
                what: format!("a counterfactual draw's tie {u} → {v}"),
                expected: n,
                found: u.max(v) as usize + 1,
            });
        }
        let e: Vec<(u32, u32, f64)> = d.iter().map(|&(u, v)| (u, v, 1.0)).collect();
        let csr = Csr::from_edges(n, view.is_directed(), &e, Aggregation::Max);
        let x = PanelInput::from_csr(csr, sectors.clone(), core.clone())?;
        for (k, s) in stats.iter().enumerate() {
            let v = s.compute(&x)?;
            if let Some(v) = v {
                values[k].push(v);
            }
            in_order[k].push(v);
        }
    }
    let per_chain = draws.len().div_ceil(chains.max(1));
    stats
        .iter()
        .zip(values)
        .zip(in_order)
        .map(|((s, mut xs), order)| {
            let observed = s.compute(&case)?;
            xs.sort_by(f64::total_cmp);
            let defined = xs.len();
            let ess = chain_ess(&order, per_chain);
            let effective_draws = ess.map_or(defined as f64, |e| e.min(defined as f64));
            let mean = (defined > 0).then(|| xs.iter().sum::<f64>() / defined as f64);
            let band = (defined > 0).then(|| [quantile7(&xs, 0.025), quantile7(&xs, 0.975)]);
            let p = observed.filter(|_| defined > 0).map(|o| {
                let extreme = match s.claim {
                    Claim::Lower => xs.iter().filter(|&&x| x <= o).count(),
                    _ => xs.iter().filter(|&&x| x >= o).count(),
                };
                if effective_draws >= defined as f64 {
                    (1 + extreme) as f64 / (1 + defined) as f64
                } else {
                    let share = extreme as f64 / defined as f64;
                    (1.0 + effective_draws * share) / (1.0 + effective_draws)
                }
            });
            Ok(CounterfactualTest {
                statistic: s.name.to_string(),
                observed,
                draws: draws.len(),
                defined,
                ess,
                effective_draws,
                mean,
                band,
                p,
            })
        })
        .collect()
}

/// The ESS of a statistic over chains of `per_chain` consecutive draws,
/// each cut to the shortest; `None` when it is undefined on some draw.
fn chain_ess(order: &[Option<f64>], per_chain: usize) -> Option<f64> {
    let values: Option<Vec<f64>> = order.iter().copied().collect();
    let values = values?;
    let chains: Vec<Vec<f64>> = values
        .chunks(per_chain.max(1))
        .map(<[f64]>::to_vec)
        .collect();
    let shortest = chains.iter().map(Vec::len).min()?;
    let cut: Vec<Vec<f64>> = chains.into_iter().map(|c| c[..shortest].to_vec()).collect();
    crate::inference::sbm::effective_sample_size(&cut)
}

/// R's type-7 quantile of sorted values.
fn quantile7(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

//! Goodness of fit: does the fitted model reproduce the network it was
//! fitted to? As statnet's `gof(fit)`: simulate R networks from θ̂ (default
//! 100) and set the observed distributions against the simulated ones.
//!
//! The distributions (statnet's default `gof` terms), each a count per value:
//!
//! ```text
//! degree            undirected: nodes with degree k, k = 0, 1, …
//! in-degree         directed: nodes with in-degree k  (statnet `idegree`)
//! out-degree        directed: nodes with out-degree k (statnet `odegree`)
//! ESP               ties with k edgewise shared partners (statnet `espartners`):
//!                   undirected: k = #{h : i–h, h–j} for the tie i–j;
//!                   directed, type OTP (statnet's default): k = #{h : i→h→j}
//!                   for the tie i→j
//! geodesic distance ordered (directed) or unordered (undirected) pairs at
//!                   distance d = 1, 2, …, plus the unreachable pairs (statnet's `Inf`)
//! model statistics  g(y), one row per statistic
//! ```
//!
//! For each value: the observed count, the simulated mean, the 2.5 % and
//! 97.5 % quantiles of the simulated counts (R's `quantile` type 7, which
//! statnet uses) and whether the observed count lies inside [lower, upper].
//! **Values listed**: 0 (1 for distances) up to the largest value with a
//! nonzero count in the observed network or in any simulated one; the
//! unreachable row always.
//!
//! **The rejection rule** ([`Gof::rejects`], E3 of `docs/PREREGISTRATION.md`):
//! the fit is rejected when, in the degree distribution (directed: the
//! in-degree or the out-degree distribution) or the ESP distribution, more
//! than a quarter of the values listed (as above) have the observed count
//! outside the simulated 95 % band. Distances and model statistics are
//! reported, not part of the rule.
//!
//! Complexity: R × (sampler steps + O(n·m) for ESP + O(n·(n + m)) for the
//! distances).

use super::constraints::DyadMask;
use super::network::Network;
use super::simulate::{SimulateOptions, simulate};
use super::terms::Model;
use crate::error::Result;

/// Options of [`gof`].
#[derive(Debug, Clone, PartialEq)]
pub struct GofOptions {
    /// Simulated networks R (statnet's `nsim`, 100).
    pub draws: usize,
    /// The sampler.
    pub simulate: SimulateOptions,
    /// The seed.
    pub seed: u64,
    /// The share of values outside the band above which a distribution fails (¼).
    pub max_outside_share: f64,
}

impl Default for GofOptions {
    fn default() -> Self {
        GofOptions {
            draws: 100,
            simulate: SimulateOptions::default(),
            seed: 1,
            max_outside_share: 0.25,
        }
    }
}

/// One value of a distribution (or one model statistic).
#[derive(Debug, Clone, PartialEq)]
pub struct GofRow {
    /// The value (`0`, `1`, …, `Inf` for unreachable pairs, or a statistic's name).
    pub label: String,
    /// The observed count.
    pub observed: f64,
    /// The simulated mean.
    pub mean: f64,
    /// The 2.5 % quantile of the simulated counts.
    pub lower: f64,
    /// The 97.5 % quantile.
    pub upper: f64,
    /// Whether lower ≤ observed ≤ upper.
    pub inside: bool,
}

/// One distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct GofDistribution {
    /// `degree`, `in-degree`, `out-degree`, `ESP`, `geodesic distance`, `model`.
    pub name: String,
    /// One row per value.
    pub rows: Vec<GofRow>,
    /// Whether the rejection rule reads it.
    pub in_rule: bool,
}

impl GofDistribution {
    /// Values whose observed count lies outside the band.
    pub fn outside(&self) -> usize {
        self.rows.iter().filter(|r| !r.inside).count()
    }
}

/// A goodness-of-fit check.
#[derive(Debug, Clone, PartialEq)]
pub struct Gof {
    /// Networks simulated.
    pub draws: usize,
    /// The distributions, then the model statistics (name `model`).
    pub distributions: Vec<GofDistribution>,
    /// The rule's share.
    pub max_outside_share: f64,
}

impl Gof {
    /// The prereg rule: some distribution the rule reads has more than
    /// `max_outside_share` of its values outside the band.
    pub fn rejects(&self) -> bool {
        self.failing().next().is_some()
    }

    /// The distributions that fail the rule, with "k of m values outside".
    pub fn failing(&self) -> impl Iterator<Item = (&GofDistribution, String)> {
        self.distributions
            .iter()
            .filter(|d| {
                d.in_rule && d.outside() as f64 > self.max_outside_share * d.rows.len() as f64
            })
            .map(|d| {
                (
                    d,
                    format!(
                        "{}: {} of {} values outside the simulated 95 % band",
                        d.name,
                        d.outside(),
                        d.rows.len()
                    ),
                )
            })
    }
}

/// Degree counts: index k = nodes with that degree.
fn counts(values: impl Iterator<Item = usize>) -> Vec<f64> {
    let mut c: Vec<f64> = Vec::new();
    for v in values {
        if c.len() <= v {
            c.resize(v + 1, 0.0);
        }
        c[v] += 1.0;
    }
    c
}

/// The ESP distribution (OTP when directed): index k = ties with k shared partners.
pub fn esp(net: &Network) -> Vec<f64> {
    let n = net.n();
    counts(net.edges().into_iter().map(|(i, j)| {
        (0..n)
            .filter(|&h| h != i && h != j && net.has(i, h) && net.has(h, j))
            .count()
    }))
}

/// The geodesic distance distribution: index d − 1 = pairs at distance d
/// (ordered pairs when directed, unordered otherwise), and the unreachable pairs.
pub fn distances(net: &Network) -> (Vec<f64>, f64) {
    let n = net.n();
    let mut c: Vec<f64> = Vec::new();
    let mut unreachable = 0.0;
    let mut dist = vec![usize::MAX; n];
    let mut queue = Vec::with_capacity(n);
    for s in 0..n {
        dist.fill(usize::MAX);
        dist[s] = 0;
        queue.clear();
        queue.push(s);
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            for v in 0..n {
                if dist[v] == usize::MAX && net.has(u, v) {
                    dist[v] = dist[u] + 1;
                    queue.push(v);
                }
            }
        }
        let lo = if net.is_directed() { 0 } else { s + 1 };
        for (t, &d) in dist.iter().enumerate().skip(lo) {
            if t == s {
                continue;
            }
            if d == usize::MAX {
                unreachable += 1.0;
            } else {
                if c.len() < d {
                    c.resize(d, 0.0);
                }
                c[d - 1] += 1.0;
            }
        }
    }
    (c, unreachable)
}

/// Every distribution of one network, by name, each a vector of counts.
pub fn distributions(net: &Network) -> Vec<(String, Vec<f64>)> {
    let n = net.n();
    let mut out = Vec::new();
    if net.is_directed() {
        out.push((
            "in-degree".to_string(),
            counts((0..n).map(|i| net.in_degree(i))),
        ));
        out.push((
            "out-degree".to_string(),
            counts((0..n).map(|i| net.out_degree(i))),
        ));
    } else {
        out.push((
            "degree".to_string(),
            counts((0..n).map(|i| net.out_degree(i))),
        ));
    }
    out.push(("ESP".to_string(), esp(net)));
    let (d, inf) = distances(net);
    let mut d = d;
    d.push(inf);
    out.push(("geodesic distance".to_string(), d));
    out
}

/// R's `quantile(x, q, type = 7)` of `x`, sorted ascending.
pub fn quantile7(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

fn row(label: String, observed: f64, sims: &mut [f64]) -> GofRow {
    sims.sort_by(f64::total_cmp);
    let mean = sims.iter().sum::<f64>() / sims.len() as f64;
    let (lower, upper) = (quantile7(sims, 0.025), quantile7(sims, 0.975));
    GofRow {
        label,
        observed,
        mean,
        lower,
        upper,
        inside: observed >= lower && observed <= upper,
    }
}

/// Simulate `opts.draws` networks at θ and compare (see the module doc).
///
/// # Errors
/// The errors of [`simulate`].
pub fn gof(
    model: &Model,
    net: &Network,
    mask: &DyadMask,
    theta: &[f64],
    opts: &GofOptions,
) -> Result<Gof> {
    let nets = simulate(
        model,
        net,
        mask,
        theta,
        opts.draws.max(2),
        opts.seed,
        &opts.simulate,
    )?;
    Ok(compare(model, net, &nets, opts.max_outside_share))
}

/// The check of `net` against networks already drawn.
pub fn compare(model: &Model, net: &Network, nets: &[Network], max_outside_share: f64) -> Gof {
    let obs = distributions(net);
    let sims: Vec<Vec<(String, Vec<f64>)>> = nets.iter().map(distributions).collect();
    let mut out = Vec::new();
    for (k, (name, o)) in obs.iter().enumerate() {
        let is_dist = name == "geodesic distance";
        // Values: 0..=max (distances 1..=max), max over observed and simulated.
        let len_of = |v: &Vec<f64>| {
            let body = if is_dist { &v[..v.len() - 1] } else { &v[..] };
            body.iter().rposition(|x| *x > 0.0).map_or(0, |p| p + 1)
        };
        let len = sims
            .iter()
            .map(|s| len_of(&s[k].1))
            .fold(len_of(o), usize::max);
        let at = |v: &Vec<f64>, i: usize| {
            let body = if is_dist { v.len() - 1 } else { v.len() };
            if i < body { v[i] } else { 0.0 }
        };
        let mut rows = Vec::new();
        for i in 0..len.max(1) {
            let mut s: Vec<f64> = sims.iter().map(|x| at(&x[k].1, i)).collect();
            let label = if is_dist {
                (i + 1).to_string()
            } else {
                i.to_string()
            };
            rows.push(row(label, at(o, i), &mut s));
        }
        if is_dist {
            let mut s: Vec<f64> = sims
                .iter()
                .map(|x| *x[k].1.last().unwrap_or(&0.0))
                .collect();
            rows.push(row("Inf".into(), *o.last().unwrap_or(&0.0), &mut s));
        }
        out.push(GofDistribution {
            name: name.clone(),
            rows,
            in_rule: !is_dist,
        });
    }
    let g_obs = model.statistics(net);
    let g_sim: Vec<Vec<f64>> = nets.iter().map(|x| model.statistics(x)).collect();
    let rows = model
        .names()
        .iter()
        .enumerate()
        .map(|(a, nm)| {
            let mut s: Vec<f64> = g_sim.iter().map(|g| g[a]).collect();
            row(nm.clone(), g_obs[a], &mut s)
        })
        .collect();
    out.push(GofDistribution {
        name: "model".into(),
        rows,
        in_rule: false,
    });
    Gof {
        draws: nets.len(),
        distributions: out,
        max_outside_share,
    }
}

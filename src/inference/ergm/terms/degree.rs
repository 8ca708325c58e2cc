//! Degree terms: stars and geometrically weighted degrees.
//!
//! ```text
//! kstar(k)     Σ_i C(d_i, k)                       (undirected)
//! istar(k)     Σ_i C(d⁻_i, k)      ostar(k)  Σ_i C(d⁺_i, k)
//! gwdegree(α)  e^α Σ_{k≥1} (1 − (1 − e^−α)^k) D_k  = e^α Σ_i (1 − (1 − e^−α)^{d_i})
//! gwidegree, gwodegree: the same on in- and out-degrees
//! ```
//!
//! d_i is the degree of i, D_k the number of nodes of degree k, α the decay
//! (statnet's `decay`, with `fixed=TRUE`). Adding the tie i → j raises d_i
//! (and d_j) by one, so
//! Δ kstar = C(d_i, k−1) + C(d_j, k−1) and Δ gwdegree = r^{d_i} + r^{d_j},
//! r = 1 − e^−α (degrees before the tie). O(1) per change statistic, O(n)
//! for the statistics from scratch.
//! statnet names: `kstar2`, `istar2`, `ostar2`, `gwdeg.fixed.0.5`,
//! `gwideg.fixed.0.5`, `gwodeg.fixed.0.5`.

use super::super::formula::Bound;
use super::super::network::{ErgmData, Network};
use super::dyadic::unsupported;
use super::{Term, r_number};
use crate::error::Result;

/// Which degree a term reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Undirected degree of both ends.
    Both,
    /// In-degree of the receiver.
    In,
    /// Out-degree of the sender.
    Out,
}

fn binom(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    let mut r = 1.0;
    for t in 0..k {
        r = r * (n - t) as f64 / (t + 1) as f64;
    }
    r.round()
}

#[derive(Debug)]
struct Star {
    k: usize,
    side: Side,
    name: String,
}

impl Term for Star {
    fn names(&self) -> Vec<String> {
        vec![self.name.clone()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        out[0] += match self.side {
            Side::Both => {
                binom(net.out_degree(i), self.k - 1) + binom(net.out_degree(j), self.k - 1)
            }
            Side::Out => binom(net.out_degree(i), self.k - 1),
            Side::In => binom(net.in_degree(j), self.k - 1),
        };
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        let n = net.n();
        let deg = |i: usize| -> usize {
            match self.side {
                Side::In => net.in_degree(i),
                _ => net.out_degree(i),
            }
        };
        out[0] = (0..n).map(|i| binom(deg(i), self.k)).sum();
    }
    fn dyad_independent(&self) -> bool {
        self.k <= 1
    }
}

fn star(b: &Bound<'_>, side: Side, prefix: &str) -> Result<Box<dyn Term>> {
    unsupported(b, &["attr"])?;
    let k = b.number("k", None)?;
    if k < 1.0 || k.fract() != 0.0 || k > 64.0 {
        return Err(b.bad("k", format!("{k} is not a whole number in 1..64")));
    }
    Ok(Box::new(Star {
        k: k as usize,
        side,
        name: format!("{prefix}{}", k as usize),
    }))
}

pub(super) fn kstar(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    star(b, Side::Both, "kstar")
}
pub(super) fn istar(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    star(b, Side::In, "istar")
}
pub(super) fn ostar(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    star(b, Side::Out, "ostar")
}

#[derive(Debug)]
struct GwDegree {
    decay: f64,
    /// r = 1 − e^−α.
    r: f64,
    side: Side,
    name: String,
}

impl Term for GwDegree {
    fn names(&self) -> Vec<String> {
        vec![self.name.clone()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        let p = |d: usize| self.r.powi(d as i32);
        out[0] += match self.side {
            Side::Both => p(net.out_degree(i)) + p(net.out_degree(j)),
            Side::Out => p(net.out_degree(i)),
            Side::In => p(net.in_degree(j)),
        };
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        let n = net.n();
        // D_k from the definition: count nodes per degree, then weight.
        let mut dk = vec![0usize; n.max(1)];
        for i in 0..n {
            let d = match self.side {
                Side::In => net.in_degree(i),
                _ => net.out_degree(i),
            };
            dk[d] += 1;
        }
        out[0] = dk
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, &c)| gw_weight(self.decay, k) * c as f64)
            .sum::<f64>();
    }
    fn dyad_independent(&self) -> bool {
        false
    }
}

/// The geometric weight of a count k ≥ 0 under the decay α ≥ 0,
///
/// ```text
/// w(k) = e^α (1 − r^k) = Σ_{j<k} r^j,   r = 1 − e^−α,
/// computed as −expm1(k · ln1p(−e^−α)) / e^−α   (k for e^−α = 0)
/// ```
///
/// the same number as the first form, without its cancellation: that form
/// lost every digit past α ≈ 37 (r rounds to 1, e^α · 0) and was NaN past
/// α ≈ 709 (∞ · 0); this one is accurate for every α and tends to k, the
/// limit of the weight as α → ∞.
pub(super) fn gw_weight(decay: f64, k: usize) -> f64 {
    if k == 0 {
        return 0.0;
    }
    let x = (-decay).exp();
    if x == 0.0 {
        return k as f64;
    }
    -(k as f64 * (-x).ln_1p()).exp_m1() / x
}

/// The decay of a `fixed=TRUE` geometrically weighted term.
pub(super) fn fixed_decay(b: &Bound<'_>) -> Result<f64> {
    if !b.logical("fixed", false)? {
        return Err(b.bad(
            "fixed",
            "only fixed=TRUE is supported (the curved model, which estimates the decay, is not)",
        ));
    }
    let decay = b.number("decay", None)?;
    if !decay.is_finite() || decay < 0.0 {
        return Err(b.bad("decay", format!("{decay} is not a finite number ≥ 0")));
    }
    Ok(decay)
}

fn gw(b: &Bound<'_>, side: Side, prefix: &str) -> Result<Box<dyn Term>> {
    unsupported(b, &["attr", "cutoff", "levels"])?;
    let decay = fixed_decay(b)?;
    Ok(Box::new(GwDegree {
        decay,
        r: 1.0 - (-decay).exp(),
        side,
        name: format!("{prefix}.fixed.{}", r_number(decay)),
    }))
}

pub(super) fn gwdegree(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    gw(b, Side::Both, "gwdeg")
}
pub(super) fn gwidegree(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    gw(b, Side::In, "gwideg")
}
pub(super) fn gwodegree(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    gw(b, Side::Out, "gwodeg")
}

#[cfg(test)]
mod tests {
    use super::gw_weight;

    #[test]
    fn the_geometric_weight_is_exact_at_every_decay() {
        for decay in [0.1f64, 0.5, 1.2, 3.0] {
            let r = 1.0 - (-decay).exp();
            for k in 0..12 {
                let naive = decay.exp() * (1.0 - r.powi(k as i32));
                assert!(
                    (gw_weight(decay, k) - naive).abs() <= 1e-12 * (1.0 + naive),
                    "{decay} {k}"
                );
            }
        }
        // α = 0: every count ≥ 1 weighs 1; α → ∞: the weight tends to k.
        assert_eq!((gw_weight(0.0, 0), gw_weight(0.0, 5)), (0.0, 1.0));
        for k in 0..12 {
            assert_eq!(gw_weight(1e300, k), k as f64);
            assert!((gw_weight(60.0, k) - k as f64).abs() < 1e-12);
        }
    }
}

//! KADABRA's adaptive sampling (Borassi & Natale 2016): per-node stopping
//! conditions from Freedman's inequality, checked at fixed points.

use super::{Sampler, rk_sample_size};
use crate::error::Result;
use crate::measures::paths::PathSampler;
use std::collections::BTreeMap;

/// What a KADABRA run returns: the second phase's counts and sizes.
pub(super) struct Run {
    pub(super) counts: Vec<u64>,
    pub(super) samples: u64,
    pub(super) omega: u64,
    pub(super) calibration: u64,
}

/// The lower-deviation bound: with probability `1 − δ_L`, `b ≥ b̃ − f` at every
/// `τ ≤ ω` (`l = ln(1/δ_L)`).
pub(super) fn f(b: f64, l: f64, omega: f64, tau: f64) -> f64 {
    let a = 1.0 / 3.0 - omega / tau;
    l / tau * (a + (a * a + 2.0 * b * omega / l).sqrt())
}

/// The upper-deviation bound: with probability `1 − δ_U`, `b ≤ b̃ + g` at every
/// `τ ≤ ω` (`l = ln(1/δ_U)`).
pub(super) fn g(b: f64, l: f64, omega: f64, tau: f64) -> f64 {
    let a = 1.0 / 3.0 + omega / tau;
    l / tau * (a + (a * a + 2.0 * b * omega / l).sqrt())
}

/// The largest `l = ln(1/δ)` for which `f(b, l, ω, τ) ≤ ε` (`lower`) or
/// `g(b, l, ω, τ) ≤ ε` holds; infinite when `f ≤ ε` holds for every `l`.
///
/// `l a + √(l² a² + 2 b ω l) ≤ ε τ`, squared (both sides are non-negative
/// where it can hold), is `2 l (b ω + ε τ a) ≤ ε² τ²`.
fn largest_log(b: f64, eps: f64, omega: f64, tau: f64, lower: bool) -> f64 {
    let a = if lower {
        1.0 / 3.0 - omega / tau
    } else {
        1.0 / 3.0 + omega / tau
    };
    let den = b * omega + eps * tau * a;
    if den <= 0.0 {
        f64::INFINITY
    } else {
        eps * eps * tau * tau / (2.0 * den)
    }
}

/// Per-node `ln(1/δ_L(v))` and `ln(1/δ_U(v))` from first-phase estimates,
/// with `Σ_v δ_L(v) + δ_U(v) ≤ δ/2`.
///
/// A share `δ/(8n)` of each goes to every node whatever its estimate. The
/// other `δ/4` goes where it is needed: for a target `τ*`, node `v` with
/// first-phase estimate `b̂(v)` needs `δ_X(v) ≥ exp(−largest_log(b̂(v), τ*))`
/// to stop at `τ*` if `b̃ = b̂`; `τ*` is the smallest in `[1, ω]` (found by
/// bisection) for which those needs sum to at most `δ/4`. If even `ω` needs
/// more, every `δ_X(v) = δ/(4n)`. Any sharing keeps the guarantee; this one
/// only tries to stop early.
fn share_delta(calib: &[u64], k0: u64, eps: f64, delta: f64, omega: f64) -> (Vec<f64>, Vec<f64>) {
    let n = calib.len();
    // nodes with the same first-phase count share their needs
    let mut hist: BTreeMap<u64, f64> = BTreeMap::new();
    for &c in calib {
        *hist.entry(c).or_insert(0.0) += 1.0;
    }
    let need = |b: f64, tau: f64| {
        (-largest_log(b, eps, omega, tau, true)).exp()
            + (-largest_log(b, eps, omega, tau, false)).exp()
    };
    let total = |tau: f64| -> f64 {
        hist.iter()
            .map(|(&c, &m)| m * need(c as f64 / k0 as f64, tau))
            .sum()
    };
    let spare = delta / 4.0;
    if total(omega) > spare {
        let l = (4.0 * n as f64 / delta).ln();
        return (vec![l; n], vec![l; n]);
    }
    let (mut lo, mut hi) = (1.0f64, omega);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if total(mid) <= spare {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let base = delta / (8.0 * n as f64);
    let logs = |lower: bool| -> Vec<f64> {
        calib
            .iter()
            .map(|&c| {
                let b = c as f64 / k0 as f64;
                -(base + (-largest_log(b, eps, omega, hi, lower)).exp()).ln()
            })
            .collect()
    };
    (logs(true), logs(false))
}

/// KADABRA on the pair-fraction scale with error `eps`.
pub(super) fn run<I: Fn() -> PathSampler + Sync>(
    sampler: &Sampler<'_, I>,
    eps: f64,
    delta: f64,
    vd: usize,
) -> Result<Run> {
    let n = sampler.node_count();
    let omega = rk_sample_size(eps, delta / 2.0, vd)?;
    let k0 = omega.div_ceil(20);
    let mut calib = vec![0u64; n];
    sampler.add(0..k0, &mut calib);
    let (log_l, log_u) = share_delta(&calib, k0, eps, delta, omega as f64);
    drop(calib);
    let mut counts = vec![0u64; n];
    let mut tau = 0u64;
    let mut next = k0.min(omega);
    // the node that failed the last check: start the next one there
    let mut first = 0usize;
    loop {
        sampler.add(k0 + tau..k0 + next, &mut counts);
        tau = next;
        if tau >= omega {
            break;
        }
        let (om, t) = (omega as f64, tau as f64);
        let ok = |v: usize| {
            let b = counts[v] as f64 / t;
            f(b, log_l[v], om, t) <= eps && g(b, log_u[v], om, t) <= eps
        };
        match (first..n).chain(0..first).find(|&v| !ok(v)) {
            None => break,
            Some(v) => first = v,
        }
        next = omega.min(tau + tau.div_ceil(20));
    }
    Ok(Run {
        counts,
        samples: tau,
        omega,
        calibration: k0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The closed form of the largest admissible `ln(1/δ)` agrees with `f` and `g`.
    #[test]
    fn largest_log_inverts_f_and_g() {
        let (eps, omega) = (0.02, 20_000.0);
        for &tau in &[500.0, 2_000.0, 10_000.0, 20_000.0] {
            for &b in &[0.0, 0.001, 0.01, 0.1, 0.5] {
                for lower in [true, false] {
                    let l = largest_log(b, eps, omega, tau, lower);
                    let h = |l: f64| {
                        if lower {
                            f(b, l, omega, tau)
                        } else {
                            g(b, l, omega, tau)
                        }
                    };
                    if l.is_finite() {
                        assert!((h(l) - eps).abs() < 1e-9, "b {b} tau {tau} {lower}");
                        assert!(h(l * 1.01) > eps);
                        assert!(h(l * 0.99) <= eps);
                    } else {
                        assert!(h(1e6) <= eps);
                    }
                }
            }
        }
    }

    #[test]
    fn shares_stay_within_half_delta() {
        let calib: Vec<u64> = (0..1000)
            .map(|i| if i < 10 { 300 } else { i % 3 })
            .collect();
        let (delta, omega) = (0.1, 40_000.0);
        let (l, u) = share_delta(&calib, 2000, 0.01, delta, omega);
        let sum: f64 = l.iter().chain(&u).map(|x| (-x).exp()).sum();
        assert!(sum <= delta / 2.0 * (1.0 + 1e-12), "{sum}");
        assert!(l.iter().chain(&u).all(|&x| x > 0.0 && x.is_finite()));
    }
}

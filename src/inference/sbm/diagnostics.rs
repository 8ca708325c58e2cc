//! Autocorrelation diagnostics of Markov chains: the effective sample size
//! (Geyer's initial monotone sequence over the multi-chain autocorrelation)
//! and the split potential scale reduction `R̂`.
//!
//! ```text
//! M chains of N draws x_{m,i};  x̄_m chain mean;  x̄ grand mean
//! γ_{m,t} = (1/N) Σ_{i<N−t} (x_{m,i} − x̄_m)(x_{m,i+t} − x̄_m)       (lag-t autocovariance)
//! W   = mean_m γ_{m,0} · N/(N−1)                                 (within-chain variance)
//! B/N = Σ_m (x̄_m − x̄)² / (M − 1)            (between-chain variance; 0 when M = 1)
//! v⁺  = (N−1)/N · W + B/N
//! ρ_t = 1 − (W − mean_m γ_{m,t}) / v⁺                            (multi-chain autocorrelation)
//! P_k = ρ_{2k} + ρ_{2k+1}, summed while positive, each cut to the one before (monotone)
//! τ   = −1 + 2 Σ_k P_k          ESS = M·N / τ   (at most M·N·log10(M·N))
//! R̂  = sqrt(v⁺ / W) over the 2M half-chains (split R̂)
//! ```
//!
//! These are the estimators of Gelman et al., *Bayesian Data Analysis*, 3rd
//! ed. (CRC, 2013), §11.4–11.5 (as Stan computes them), with Geyer's initial
//! monotone sequence (C. J. Geyer, "Practical Markov chain Monte Carlo",
//! Statist. Sci. 7, 473 (1992), doi:10.1214/ss/1177011137). The Monte-Carlo
//! standard error of a mean is `sqrt(v⁺ / ESS)`; of a share `p`,
//! `sqrt(p (1 − p) / ESS)`.

/// The effective sample size of the draws of `chains` (equal lengths of at
/// least 4); `None` when every draw is the same value (no variance: the
/// chains never moved in this quantity) or the chains are too short.
pub(crate) fn effective_sample_size(chains: &[Vec<f64>]) -> Option<f64> {
    let m = chains.len();
    let n = chains.first()?.len();
    if n < 4 || chains.iter().any(|c| c.len() != n) {
        return None;
    }
    let means: Vec<f64> = chains
        .iter()
        .map(|c| c.iter().sum::<f64>() / n as f64)
        .collect();
    let acov = |t: usize| -> f64 {
        chains
            .iter()
            .zip(&means)
            .map(|(c, &mu)| {
                (0..n - t)
                    .map(|i| (c[i] - mu) * (c[i + t] - mu))
                    .sum::<f64>()
                    / n as f64
            })
            .sum::<f64>()
            / m as f64
    };
    let g0 = acov(0);
    let w = g0 * n as f64 / (n as f64 - 1.0);
    let between = if m > 1 {
        let grand = means.iter().sum::<f64>() / m as f64;
        means.iter().map(|x| (x - grand).powi(2)).sum::<f64>() / (m as f64 - 1.0)
    } else {
        0.0
    };
    let var_plus = (n as f64 - 1.0) / n as f64 * w + between;
    if var_plus <= 0.0 {
        return None;
    }
    let rho = |t: usize| 1.0 - (w - acov(t)) / var_plus;
    let mut sum = 0.0;
    let mut previous = f64::INFINITY;
    let mut k = 0;
    while 2 * k + 1 < n {
        let p = rho(2 * k) + rho(2 * k + 1);
        if p <= 0.0 {
            break;
        }
        let p = p.min(previous);
        sum += p;
        previous = p;
        k += 1;
    }
    let total = (m * n) as f64;
    let tau = (-1.0 + 2.0 * sum).max(1.0 / total.log10());
    Some(total / tau)
}

/// Split `R̂` of `chains` (equal lengths of at least 4): each chain cut in
/// two halves, `sqrt(v⁺ / W)` over the halves. Near 1 when the chains agree;
/// `None` when every draw is the same value, infinite when each half-chain
/// is constant but they differ.
pub(crate) fn split_rhat(chains: &[Vec<f64>]) -> Option<f64> {
    let n = chains.first()?.len();
    if n < 4 || chains.iter().any(|c| c.len() != n) {
        return None;
    }
    let h = n / 2;
    let halves: Vec<&[f64]> = chains.iter().flat_map(|c| [&c[..h], &c[n - h..]]).collect();
    let m = halves.len() as f64;
    let hn = h as f64;
    let means: Vec<f64> = halves.iter().map(|c| c.iter().sum::<f64>() / hn).collect();
    let w = halves
        .iter()
        .zip(&means)
        .map(|(c, &mu)| c.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / (hn - 1.0))
        .sum::<f64>()
        / m;
    let grand = means.iter().sum::<f64>() / m;
    let between = means.iter().map(|x| (x - grand).powi(2)).sum::<f64>() / (m - 1.0);
    let var_plus = (hn - 1.0) / hn * w + between;
    if var_plus <= 0.0 {
        None
    } else if w <= 0.0 {
        Some(f64::INFINITY)
    } else {
        Some((var_plus / w).sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::{stream, unit};

    /// An AR(1) chain x_{i+1} = φ x_i + ε has τ = (1 + φ) / (1 − φ): with
    /// φ = 0.5, τ = 3, so 4 chains of 20,000 draws have ESS ≈ 26,667.
    /// The estimator's relative error at this length is a few per cent; 10 %
    /// is the stated bound.
    #[test]
    fn ess_of_an_ar1_chain_is_n_over_tau() {
        let phi = 0.5;
        let chains: Vec<Vec<f64>> = (0..4)
            .map(|c| {
                let mut rng = stream(11, c);
                let mut x = 0.0;
                (0..20_000)
                    .map(|_| {
                        // A uniform innovation: variance does not enter τ.
                        x = phi * x + (unit(&mut rng) - 0.5);
                        x
                    })
                    .collect()
            })
            .collect();
        let ess = effective_sample_size(&chains).unwrap();
        let expected = 80_000.0 / 3.0;
        assert!((ess / expected - 1.0).abs() < 0.1, "{ess} vs {expected}");
        let r = split_rhat(&chains).unwrap();
        assert!((r - 1.0).abs() < 0.01, "{r}");
    }

    #[test]
    fn constant_and_stuck_chains() {
        let same = vec![vec![1.0; 10], vec![1.0; 10]];
        assert_eq!(effective_sample_size(&same), None);
        assert_eq!(split_rhat(&same), None);
        let stuck = vec![vec![1.0; 10], vec![2.0; 10]];
        assert_eq!(split_rhat(&stuck), Some(f64::INFINITY));
        // Two chains stuck at different values: the draws are worth about
        // one per chain, far below the 20 draws.
        assert!(effective_sample_size(&stuck).unwrap() < 2.5);
    }
}

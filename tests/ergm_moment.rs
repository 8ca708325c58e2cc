//! The MLE's moment condition on the bundled cases: the fitted default model
//! of every case whose MCMC-MLE converges, simulated at θ̂, reproduces the
//! case's observed statistics within Monte-Carlo error (issue 17: "the fitted
//! model's simulated means equal the observed statistics within Monte-Carlo
//! error on every bundled case it converges on").
//!
//! At the MLE, E_θ̂ g(Y) = g(y_obs). θ̂ is itself a Monte-Carlo estimate: its
//! Monte-Carlo covariance is I⁻¹ V I⁻¹ with V the covariance of the fit's
//! final mean statistic, so in the statistics' space the mean at θ̂ moves
//! from g(y_obs) by an error of covariance I (I⁻¹ V I⁻¹) I = V, whose
//! diagonal the fit reports as `simulated_mean_se²`. The fresh sample's mean
//! adds its own error, se² = s² (1 + ρ)/(N (1 − ρ)) per chain pooled (lag-1
//! autocorrelation ρ, the AR(1) approximation the fit also uses). The test
//! asks |mean − observed| ≤ 4 √(se² + simulated_mean_se²) for each
//! statistic: with 20 statistics over the three cases and normal errors a
//! correct fit fails by chance with probability about 20 · 6.3e-5 ≈ 1e-3
//! (the seeds are fixed, so the outcome is reproducible). An estimate off by
//! one of its standard errors moves the mean by about one standard deviation
//! of the statistic, tens of these Monte-Carlo units, so the test can fail.

use coprod::inference::ergm::case::{
    CaseFitOptions, default_core, default_formula, fit_view, prepare_view,
};
use coprod::inference::ergm::simulate::{SimulateOptions, simulate};
use coprod::inference::ergm::{FitOptions, Method};
use coprod::model::View;

/// Draws of the fresh sample at θ̂ (4 chains of 256).
const DRAWS: usize = 1024;

/// Mean, and the Monte-Carlo SE of the mean, of one statistic over `chains`
/// consecutive equal runs of draws (AR(1) within each chain).
fn mean_and_se(xs: &[f64], chains: usize) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    if var == 0.0 {
        return (mean, 0.0);
    }
    let per = xs.len() / chains;
    let (mut num, mut den) = (0.0, 0.0);
    for c in 0..chains {
        let ch = &xs[c * per..(c + 1) * per];
        for k in 1..per {
            num += (ch[k] - mean) * (ch[k - 1] - mean);
        }
        den += ch.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
    }
    let rho = (num / den).clamp(-0.99, 0.99);
    (mean, (var / n * (1.0 + rho) / (1.0 - rho)).sqrt())
}

#[test]
fn simulated_means_at_the_fit_equal_the_observed_statistics() {
    let mut checked = 0;
    let mut report = Vec::new();
    for (case, seed) in [("jinsong", 1u64), ("ly", 2), ("x_district", 3)] {
        let g = coprod::cases::load(case).unwrap();
        let view = View::aggregate(&g);
        let formula = default_formula(&view);
        let mut opts = CaseFitOptions {
            fit: FitOptions {
                method: Method::Mcmle,
                bridge: None,
                ..FitOptions::default()
            },
            core: default_core(case),
            ..CaseFitOptions::default()
        };
        opts.fit.sampler.seed = seed;
        let f = fit_view(&view, formula, &opts).unwrap_or_else(|e| panic!("{case}: {e}"));
        let diag = f.fit.diagnostics.as_ref().expect("an MCMC-MLE fit");
        let (_, model, _) = prepare_view(&view, formula, &opts).unwrap();
        let sim = SimulateOptions {
            sampler: diag.sampler.clone(),
        };
        let chains = sim.sampler.chains;
        let nets = simulate(
            &model,
            &f.data.network,
            &f.mask,
            &f.fit.coef(),
            DRAWS,
            seed + 100,
            &sim,
        )
        .unwrap();
        assert_eq!(nets.len(), DRAWS);
        let stats: Vec<Vec<f64>> = nets.iter().map(|y| model.statistics(y)).collect();
        for (a, t) in f.fit.terms.iter().enumerate() {
            let xs: Vec<f64> = stats.iter().map(|s| s[a]).collect();
            let (mean, se) = mean_and_se(&xs, chains);
            let obs = f.fit.observed[a];
            let tol = 4.0 * (se * se + diag.simulated_mean_se[a].powi(2)).sqrt();
            report.push(format!(
                "{case} {}: observed {obs}, simulated {mean:.3} (MC SE {se:.3}, fit's {:.3})",
                t.term, diag.simulated_mean_se[a]
            ));
            assert!(
                (mean - obs).abs() <= tol,
                "{case} {}: simulated mean {mean} vs observed {obs} (tolerance {tol})\n{}",
                t.term,
                report.join("\n")
            );
            checked += 1;
        }
    }
    println!("{}", report.join("\n"));
    assert!(checked >= 15, "{checked} statistics checked");
}

//! Ensembles of baseline draws and what they say about an observed value:
//! mean, sd, z, the `sna::cug.test` tail shares and the Monte-Carlo p-values.

use super::panel::Claim;
use crate::error::{Error, Result};
use crate::random::{CoprodRng, stream};
use indicatif::ProgressBar;
use rayon::prelude::*;

/// The default number of draws per baseline.
pub const DEFAULT_DRAWS: usize = 1000;

pub use crate::progress::Progress;

/// Draws `0..draws` of an ensemble seeded with `seed`, in parallel on rayon's
/// pool: draw `i` gets its own generator [`stream`]`(seed, i)` and the
/// results come back in draw order, so the output does not depend on the
/// number of threads. The first error (in draw order) is returned.
///
/// # Errors
/// [`Error::InvalidParameter`] (`draws`) for `draws == 0`; the first error of `f`.
pub fn run_draws<T, F>(draws: usize, seed: u64, bar: &ProgressBar, f: F) -> Result<Vec<T>>
where
    T: Send,
    F: Fn(&mut CoprodRng) -> Result<T> + Sync + Send,
{
    if draws == 0 {
        return Err(Error::InvalidParameter {
            name: "draws",
            reason: "0; an ensemble needs at least one draw".into(),
        });
    }
    (0..draws as u64)
        .into_par_iter()
        .map(|i| {
            let x = f(&mut stream(seed, i));
            bar.inc(1);
            x
        })
        .collect()
}

/// An observed value against a baseline's draws.
///
/// The tail shares are those of `sna::cug.test`: `p_ge` is `pgteobs`, the
/// share of draws `>=` the observed value, and `p_le` is `plteobs`, the share
/// `<=` it, compared exactly (`>=`, `<=` on the numbers, as sna does; the
/// observed value and the draws come from the same code, so equal graphs give
/// equal bits). The Monte-Carlo p-values count the observed value as one
/// more draw, `(1 + #{X_i >= x}) / (R + 1)` and `(1 + #{X_i <= x}) / (R + 1)`
/// (Davison & Hinkley 1997, §4.2), never 0.
///
/// A draw on which the statistic is undefined is left out of every number
/// (`draws` counts the others; sna would return `NA`); `R` is `draws`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Summary {
    /// The observed value (`None` if undefined on the case).
    pub observed: Option<f64>,
    /// Draws with a defined value.
    pub draws: usize,
    /// Draws where the statistic is undefined.
    pub undefined_draws: usize,
    /// Mean over the defined draws.
    pub mean: Option<f64>,
    /// Standard deviation over them (`n − 1` denominator; `None` below 2 draws).
    pub sd: Option<f64>,
    /// `(observed − mean) / sd`; `None` when `sd` is 0 or undefined.
    pub z: Option<f64>,
    /// `sna::cug.test`'s `pgteobs`: share of draws `>=` observed.
    pub p_ge: Option<f64>,
    /// `sna::cug.test`'s `plteobs`: share of draws `<=` observed.
    pub p_le: Option<f64>,
    /// `(1 + #{X >= obs}) / (R + 1)`.
    pub p_mc_ge: Option<f64>,
    /// `(1 + #{X <= obs}) / (R + 1)`.
    pub p_mc_le: Option<f64>,
}

impl Summary {
    /// The observed value against one counterfactual value (`None`:
    /// undefined on the counterfactual): `mean` is that value, `draws` 1 (0
    /// when undefined); no sd, z or p-value (one graph has no distribution).
    ///
    /// ```
    /// use coprod::compare::Summary;
    /// let s = Summary::single(Some(0.4), Some(0.1));
    /// assert_eq!((s.draws, s.mean, s.sd, s.z, s.p_mc_ge), (1, Some(0.1), None, None, None));
    /// assert_eq!(Summary::single(Some(0.4), None).undefined_draws, 1);
    /// ```
    pub fn single(observed: Option<f64>, value: Option<f64>) -> Summary {
        Summary {
            observed,
            draws: usize::from(value.is_some()),
            undefined_draws: usize::from(value.is_none()),
            mean: value,
            sd: None,
            z: None,
            p_ge: None,
            p_le: None,
            p_mc_ge: None,
            p_mc_le: None,
        }
    }
}

/// The summary of `observed` against the draws `xs` (`None` entries are
/// draws where the statistic is undefined).
///
/// ```
/// use coprod::compare::summarise;
/// let xs: Vec<Option<f64>> = [1.0, 2.0, 3.0, 4.0].into_iter().map(Some).chain([None]).collect();
/// let s = summarise(Some(3.0), &xs);
/// assert_eq!((s.draws, s.undefined_draws), (4, 1));
/// assert_eq!(s.mean, Some(2.5));
/// assert_eq!((s.p_ge, s.p_le), (Some(0.5), Some(0.75)));
/// assert_eq!((s.p_mc_ge, s.p_mc_le), (Some(0.6), Some(0.8)));
/// // Draws that differ only by rounding have sd 0 and no z.
/// let c = summarise(Some(1.0), &[Some(0.3), Some(0.1 + 0.2), Some(0.3)]);
/// assert_eq!((c.sd, c.z), (Some(0.0), None));
/// ```
pub fn summarise(observed: Option<f64>, xs: &[Option<f64>]) -> Summary {
    let vals: Vec<f64> = xs.iter().flatten().copied().collect();
    let r = vals.len();
    let mean = (r > 0).then(|| vals.iter().sum::<f64>() / r as f64);
    // Draws equal up to rounding (a statistic the baseline fixes) have sd 0,
    // not the 1e-17 left by summing them: no z then, rather than 10^13.
    let (lo, hi) = vals
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        });
    let constant = hi - lo <= 1e-12 * lo.abs().max(hi.abs());
    let sd = match mean {
        Some(_) if r > 1 && constant => Some(0.0),
        Some(m) if r > 1 => {
            Some((vals.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (r - 1) as f64).sqrt())
        }
        _ => None,
    };
    let z = match (observed, mean, sd) {
        (Some(x), Some(m), Some(s)) if s > 0.0 => Some((x - m) / s),
        _ => None,
    };
    let (mut ge, mut le) = (None, None);
    let (mut mc_ge, mut mc_le) = (None, None);
    if let Some(x) = observed
        && r > 0
    {
        let n_ge = vals.iter().filter(|&&v| v >= x).count();
        let n_le = vals.iter().filter(|&&v| v <= x).count();
        ge = Some(n_ge as f64 / r as f64);
        le = Some(n_le as f64 / r as f64);
        mc_ge = Some((1 + n_ge) as f64 / (r + 1) as f64);
        mc_le = Some((1 + n_le) as f64 / (r + 1) as f64);
    }
    Summary {
        observed,
        draws: r,
        undefined_draws: xs.len() - r,
        mean,
        sd,
        z,
        p_ge: ge,
        p_le: le,
        p_mc_ge: mc_ge,
        p_mc_le: mc_le,
    }
}

/// What a comparison says about the one-core claim for one statistic and one baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The observed value is beyond the baseline in the claimed direction
    /// (Monte-Carlo p in that tail `<= alpha`).
    Supports,
    /// Beyond it in the other direction.
    Contradicts,
    /// Neither tail reaches `alpha`.
    NoDifference,
    /// The statistic has no claimed direction.
    Descriptive,
    /// The statistic is undefined on the case or on every draw (or means
    /// nothing on a counterfactual).
    Undefined,
    /// A counterfactual, value to value (not a test): the case's value is
    /// beyond the counterfactual's in the claimed direction by more than
    /// [`COUNTERFACTUAL_TOLERANCE`].
    Exceeds,
    /// A counterfactual, value to value: the case's value is beyond the
    /// counterfactual's in the other direction by more than the tolerance.
    FallsShort,
    /// A counterfactual, value to value: the two values are within the tolerance.
    Matches,
}

impl Verdict {
    /// Every verdict, in declaration order.
    pub const ALL: [Verdict; 8] = [
        Verdict::Supports,
        Verdict::Contradicts,
        Verdict::NoDifference,
        Verdict::Descriptive,
        Verdict::Undefined,
        Verdict::Exceeds,
        Verdict::FallsShort,
        Verdict::Matches,
    ];

    /// A short mark for tables: `+`, `−`, `0` for the tests; `▲`, `▼`, `≈`
    /// for the value-to-value comparisons with a counterfactual (a different
    /// mark, so none reads as a test); `·`, `n/a`.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Supports => "+",
            Verdict::Contradicts => "−",
            Verdict::NoDifference => "0",
            Verdict::Descriptive => "·",
            Verdict::Undefined => "n/a",
            Verdict::Exceeds => "▲",
            Verdict::FallsShort => "▼",
            Verdict::Matches => "≈",
        }
    }

    /// Whether the verdict compares two values (a counterfactual), not a
    /// value with a distribution.
    pub fn is_value_to_value(self) -> bool {
        matches!(
            self,
            Verdict::Exceeds | Verdict::FallsShort | Verdict::Matches
        )
    }
}

/// The relative tolerance of a value-to-value comparison with a
/// counterfactual: two values `x` (the case) and `y` (the counterfactual)
/// are the same when `|x − y| <= 0.01 · max(|x|, |y|)`, 1 % of the larger.
pub const COUNTERFACTUAL_TOLERANCE: f64 = 0.01;

/// The verdict of a value-to-value comparison of the case's value `observed`
/// with a counterfactual's value `counterfactual`, for a statistic whose
/// claim is `claim`.
///
/// ```text
/// d   = observed − counterfactual
/// tol = COUNTERFACTUAL_TOLERANCE · max(|observed|, |counterfactual|)
/// Higher:  d > tol → Exceeds;  d < −tol → FallsShort;  else Matches
/// Lower:   d < −tol → Exceeds;  d > tol → FallsShort;  else Matches
/// None:    Descriptive;   either value undefined: Undefined
/// ```
/// A single graph has no distribution: there is no z and no p-value, and
/// `Exceeds` says only that the case is further towards one core than the
/// counterfactual on this statistic, not that the difference is significant.
///
/// ```
/// use coprod::compare::{Claim, Verdict, contrast};
/// assert_eq!(contrast(Claim::Higher, Some(0.5), Some(0.3)), Verdict::Exceeds);
/// assert_eq!(contrast(Claim::Lower, Some(0.5), Some(0.3)), Verdict::FallsShort);
/// assert_eq!(contrast(Claim::Higher, Some(1.0), Some(0.995)), Verdict::Matches);
/// assert_eq!(contrast(Claim::Higher, Some(0.0), Some(0.0)), Verdict::Matches);
/// assert_eq!(contrast(Claim::None, Some(1.0), Some(0.0)), Verdict::Descriptive);
/// assert_eq!(contrast(Claim::Higher, Some(1.0), None), Verdict::Undefined);
/// ```
pub fn contrast(claim: Claim, observed: Option<f64>, counterfactual: Option<f64>) -> Verdict {
    let (Some(x), Some(y)) = (observed, counterfactual) else {
        return Verdict::Undefined;
    };
    let tol = COUNTERFACTUAL_TOLERANCE * x.abs().max(y.abs());
    let d = match claim {
        Claim::Higher => x - y,
        Claim::Lower => y - x,
        Claim::None => return Verdict::Descriptive,
    };
    if d > tol {
        Verdict::Exceeds
    } else if d < -tol {
        Verdict::FallsShort
    } else {
        Verdict::Matches
    }
}

/// The significance level of the verdicts.
pub const ALPHA: f64 = 0.05;

impl Summary {
    /// The verdict for a statistic whose claim is `claim`, at level `alpha`,
    /// from the one-sided Monte-Carlo p-values.
    pub fn verdict(&self, claim: Claim, alpha: f64) -> Verdict {
        let (Some(ge), Some(le)) = (self.p_mc_ge, self.p_mc_le) else {
            return Verdict::Undefined;
        };
        let (with, against) = match claim {
            Claim::Higher => (ge, le),
            Claim::Lower => (le, ge),
            Claim::None => return Verdict::Descriptive,
        };
        if with <= alpha {
            Verdict::Supports
        } else if against <= alpha {
            Verdict::Contradicts
        } else {
            Verdict::NoDifference
        }
    }

    /// The Monte-Carlo p-value in the claimed direction (the upper tail for
    /// a descriptive statistic whose observed value is above the mean, else
    /// the lower).
    pub fn p_claimed(&self, claim: Claim) -> Option<f64> {
        match claim {
            Claim::Higher => self.p_mc_ge,
            Claim::Lower => self.p_mc_le,
            Claim::None => match (self.observed, self.mean) {
                (Some(x), Some(m)) if x >= m => self.p_mc_ge,
                _ => self.p_mc_le,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_two_threads_give_the_same_draws() {
        let f = |r: &mut CoprodRng| Ok(crate::random::below(r, 1 << 40));
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| run_draws(257, 9, &ProgressBar::hidden(), f).unwrap())
        };
        assert_eq!(run(1), run(2));
        assert!(run_draws(0, 9, &ProgressBar::hidden(), f).is_err());
    }

    #[test]
    fn verdicts_follow_the_claimed_tail() {
        let xs: Vec<Option<f64>> = (0..99).map(|i| Some(i as f64)).collect();
        let hi = summarise(Some(200.0), &xs);
        assert_eq!(hi.p_mc_ge, Some(0.01));
        assert_eq!(hi.verdict(Claim::Higher, ALPHA), Verdict::Supports);
        assert_eq!(hi.verdict(Claim::Lower, ALPHA), Verdict::Contradicts);
        assert_eq!(hi.verdict(Claim::None, ALPHA), Verdict::Descriptive);
        let mid = summarise(Some(50.0), &xs);
        assert_eq!(mid.verdict(Claim::Higher, ALPHA), Verdict::NoDifference);
        let undef = summarise(None, &xs);
        assert_eq!(undef.verdict(Claim::Higher, ALPHA), Verdict::Undefined);
        assert_eq!(summarise(Some(1.0), &[Some(1.0), Some(1.0)]).z, None);
    }
}

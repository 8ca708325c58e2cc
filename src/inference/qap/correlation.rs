//! Graph correlation and covariance (`sna::gcor`, `sna::gcov`) and their QAP
//! test (`sna::qaptest`), and the layer-by-layer table of a case.

use super::matrix::{DyadicMatrix, Mode, cells, gather};
use super::replicate::{draw, map_replicates};
use super::{Dyads, QapOptions};
use crate::error::{Error, Result};
use crate::progress::Progress;

/// Sums over the cells that give a correlation and a covariance.
struct Moments {
    n: f64,
    sa: f64,
    sb: f64,
    saa: f64,
    sbb: f64,
}

impl Moments {
    fn of(a: &[f64], b: &[f64]) -> Moments {
        Moments {
            n: a.len() as f64,
            sa: a.iter().sum(),
            sb: b.iter().sum(),
            saa: a.iter().map(|v| v * v).sum(),
            sbb: b.iter().map(|v| v * v).sum(),
        }
    }
    fn cov(&self, sab: f64) -> f64 {
        (sab - self.sa * self.sb / self.n) / (self.n - 1.0)
    }
    fn cor(&self, sab: f64) -> Option<f64> {
        let va = self.n * self.saa - self.sa * self.sa;
        let vb = self.n * self.sbb - self.sb * self.sb;
        (va > 0.0 && vb > 0.0).then(|| (self.n * sab - self.sa * self.sb) / (va * vb).sqrt())
    }
}

/// The resolved mode, its cells and both matrices read at them.
type Vectors = (Mode, Vec<(u32, u32)>, Vec<f64>, Vec<f64>);

fn vectors(a: &DyadicMatrix, b: &DyadicMatrix, mode: Mode) -> Result<Vectors> {
    if a.n != b.n {
        return Err(Error::InvalidParameter {
            name: "matrix",
            reason: format!("`{}` has {} actors, `{}` {}", a.name, a.n, b.name, b.n),
        });
    }
    if a.n < 2 {
        return Err(Error::InvalidParameter {
            name: "matrix",
            reason: format!("`{}` has {} actor(s); a dyad needs two", a.name, a.n),
        });
    }
    let mode = mode.resolve(&[a, b])?;
    let c = cells(a.n, mode);
    let (mut va, mut vb) = (vec![0.0; c.len()], vec![0.0; c.len()]);
    gather(&a.values, a.n, &c, None, &mut va);
    gather(&b.values, b.n, &c, None, &mut vb);
    Ok((mode, c, va, vb))
}

/// The product-moment correlation of two matrices over the dyads of `mode`:
/// `sna::gcor(a, b, mode = ..., diag = FALSE)`.
///
/// ```text
/// r = sum (a_ij - mean a)(b_ij - mean b) / sqrt(sum (a_ij - mean a)^2 sum (b_ij - mean b)^2)
/// over i != j (digraph) or i > j (graph)
/// ```
/// `None` when either matrix is constant on those dyads (sna: `NA`).
/// `O(n^2)`.
///
/// ```
/// use coprod::inference::qap::{DyadicMatrix, Mode, gcor};
/// let a = DyadicMatrix::new("a", 3, vec![0., 1., 0., 0., 0., 1., 1., 0., 0.]).unwrap();
/// assert!((gcor(&a, &a, Mode::Digraph).unwrap().unwrap() - 1.0).abs() < 1e-12);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for matrices of different sizes or mode graph
/// with an asymmetric matrix.
pub fn gcor(a: &DyadicMatrix, b: &DyadicMatrix, mode: Mode) -> Result<Option<f64>> {
    let (_, _, va, vb) = vectors(a, b, mode)?;
    let sab = va.iter().zip(&vb).map(|(x, y)| x * y).sum();
    Ok(Moments::of(&va, &vb).cor(sab))
}

/// The covariance (denominator `N - 1`) of two matrices over the dyads of
/// `mode`: `sna::gcov(a, b, mode = ..., diag = FALSE)`. `O(n^2)`.
///
/// ```
/// use coprod::inference::qap::{DyadicMatrix, Mode, gcov};
/// let a = DyadicMatrix::new("a", 2, vec![0., 1., 0., 0.]).unwrap();
/// assert!((gcov(&a, &a, Mode::Digraph).unwrap() - 0.5).abs() < 1e-12);
/// ```
///
/// # Errors
/// As [`gcor`].
pub fn gcov(a: &DyadicMatrix, b: &DyadicMatrix, mode: Mode) -> Result<f64> {
    let (_, _, va, vb) = vectors(a, b, mode)?;
    let sab = va.iter().zip(&vb).map(|(x, y)| x * y).sum();
    Ok(Moments::of(&va, &vb).cov(sab))
}

/// Which statistic [`qaptest`] permutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GraphStatistic {
    /// [`gcor`].
    #[default]
    Correlation,
    /// [`gcov`].
    Covariance,
}

/// The QAP test of a graph statistic.
#[derive(Debug, Clone, PartialEq)]
pub struct QapTest {
    /// The observed statistic (`None`: a constant matrix, no correlation).
    pub observed: Option<f64>,
    /// `P(T >= t)`, sna's `pgreq`.
    pub p_greater: f64,
    /// `P(T <= t)`, sna's `pleeq`.
    pub p_less: f64,
    /// `P(|T| >= |t|)` (sna's `qaptest` does not report it).
    pub p_abs: f64,
    /// Replicates.
    pub reps: usize,
    /// The dyads used.
    pub mode: Mode,
}

/// `sna::qaptest(list(a, b), gcor, g1 = 1, g2 = 2, reps, mode)`: the statistic
/// of `a` and `b` against its distribution when `b` is relabelled
/// (replicate `r` uses [`super::permutation`]`(seed, offset + r, n)`; sna
/// relabels both matrices, which has the same distribution).
///
/// ```text
/// p(T >= t) = #{r : T(a, b^(r)) >= t} / R,  p(T <= t) likewise, p(|T| >= |t|)
/// ```
/// Ties within 1e-10 (relative) of the observed value count as equal.
/// `O(R n^2)`.
///
/// ```
/// use coprod::inference::qap::{DyadicMatrix, GraphStatistic, QapOptions, qaptest};
/// let a = DyadicMatrix::new("a", 4, (0..16).map(|v| ((v * 5) % 3 == 0) as u8 as f64).collect()).unwrap();
/// let t = qaptest(&a, &a, GraphStatistic::Correlation, &QapOptions { reps: 200, ..Default::default() }).unwrap();
/// assert_eq!(t.observed, Some(1.0)); // a 0/1 matrix with itself: exact sums
/// assert_eq!(t.p_less, 1.0); // no correlation exceeds 1
/// assert!(t.p_greater > 0.0 && t.p_greater <= 1.0);
/// ```
///
/// # Errors
/// As [`gcor`]; [`Error::InvalidParameter`] for `reps == 0`.
pub fn qaptest(
    a: &DyadicMatrix,
    b: &DyadicMatrix,
    stat: GraphStatistic,
    opts: &QapOptions,
) -> Result<QapTest> {
    qaptest_from(a, b, stat, opts, 0)
}

fn qaptest_from(
    a: &DyadicMatrix,
    b: &DyadicMatrix,
    stat: GraphStatistic,
    opts: &QapOptions,
    offset: u64,
) -> Result<QapTest> {
    if opts.reps == 0 {
        return Err(Error::InvalidParameter {
            name: "reps",
            reason: "a QAP test needs at least one replicate".into(),
        });
    }
    let (mode, c, va, vb) = vectors(a, b, opts.mode)?;
    let mom = Moments::of(&va, &vb);
    let value = |sab: f64| match stat {
        GraphStatistic::Correlation => mom.cor(sab),
        GraphStatistic::Covariance => Some(mom.cov(sab)),
    };
    let observed = value(va.iter().zip(&vb).map(|(x, y)| x * y).sum());
    let Some(t) = observed else {
        return Ok(QapTest {
            observed,
            p_greater: f64::NAN,
            p_less: f64::NAN,
            p_abs: f64::NAN,
            reps: opts.reps,
            mode,
        });
    };
    let n = a.n;
    let par = opts.parallelism.enabled_from(opts.reps * c.len(), 1 << 16);
    let bar = opts
        .progress
        .bar(opts.reps as u64, "QAP test", "permutations");
    let dist: Vec<f64> = map_replicates(opts.reps, par, &bar, |r, sc| {
        draw(opts.seed, offset + r as u64, n, &mut sc.perm);
        sc.buf.resize(c.len(), 0.0);
        gather(&b.values, n, &c, Some(&sc.perm), &mut sc.buf);
        let sab = va.iter().zip(sc.buf.iter()).map(|(x, y)| x * y).sum();
        value(sab).unwrap_or(f64::NAN)
    });
    let eps = 1e-10 * t.abs().max(1.0);
    let r = dist.len() as f64;
    Ok(QapTest {
        observed,
        p_greater: dist.iter().filter(|&&v| v >= t - eps).count() as f64 / r,
        p_less: dist.iter().filter(|&&v| v <= t + eps).count() as f64 / r,
        p_abs: dist.iter().filter(|&&v| v.abs() >= t.abs() - eps).count() as f64 / r,
        reps: opts.reps,
        mode,
    })
}

/// One pair of layers in [`layer_correlations`].
#[derive(Debug, Clone, PartialEq)]
pub struct LayerCorrelation {
    /// First layer.
    pub a: String,
    /// Second layer.
    pub b: String,
    /// The QAP test of their correlation (binary matrices).
    pub test: QapTest,
}

/// The correlation of every pair of the case's layers that hold a tie among
/// the modelled actors (binary matrices; digraph unless both layers are
/// undirected), each with its QAP test. Pair `q` (in layer order) uses the
/// replicate streams `q * reps ..`, so the table is reproducible from one seed.
///
/// ```
/// use coprod::inference::qap::{DyadOptions, Dyads, QapOptions, layer_correlations};
/// let g = coprod::cases::load("jinsong").unwrap();
/// let d = Dyads::new(&g, &DyadOptions::default()).unwrap();
/// let t = layer_correlations(&d, &QapOptions { reps: 50, ..Default::default() }).unwrap();
/// assert!(t.iter().any(|c| c.a == "leadership" && c.b == "administrative"));
/// ```
///
/// # Errors
/// As [`qaptest`].
pub fn layer_correlations(dyads: &Dyads, opts: &QapOptions) -> Result<Vec<LayerCorrelation>> {
    let layers = dyads.layers_with_ties();
    let mats: Vec<DyadicMatrix> = layers
        .iter()
        .map(|l| dyads.matrix(l))
        .collect::<Result<_>>()?;
    let mut out = Vec::new();
    let mut q = 0u64;
    let pairs = mats.len() * mats.len().saturating_sub(1) / 2;
    let bar = opts.progress.bar(
        pairs as u64,
        &format!("QAP layer correlations ({} permutations each)", opts.reps),
        "pairs",
    );
    for i in 0..mats.len() {
        for j in i + 1..mats.len() {
            let test = qaptest_from(
                &mats[i],
                &mats[j],
                GraphStatistic::Correlation,
                &QapOptions {
                    mode: Mode::Auto,
                    progress: Progress::Hidden,
                    ..opts.clone()
                },
                q * opts.reps as u64,
            )?;
            bar.inc(1);
            out.push(LayerCorrelation {
                a: layers[i].clone(),
                b: layers[j].clone(),
                test,
            });
            q += 1;
        }
    }
    Ok(out)
}

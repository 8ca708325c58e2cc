//! Dyadic matrices and how a QAP model reads them: the cells it uses (`mode`,
//! diagonal excluded) and the relabelling a permutation applies.

use crate::error::{Error, Result};

/// A square matrix of dyadic values on `n` actors, with a name.
///
/// Stored row-major (`values[i * n + j]` is the value of the ordered dyad
/// `i → j`). The diagonal is never read by a QAP model (sna's `diag = FALSE`).
#[derive(Debug, Clone, PartialEq)]
pub struct DyadicMatrix {
    /// The name the model reports (the term as written, e.g. `leadership+administrative`).
    pub name: String,
    /// Number of actors.
    pub n: usize,
    /// Row-major values, `n * n`.
    pub values: Vec<f64>,
}

impl DyadicMatrix {
    /// A matrix from row-major values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`matrix`) if `values.len() != n * n` or a
    /// value is not finite.
    pub fn new(name: impl Into<String>, n: usize, values: Vec<f64>) -> Result<Self> {
        let name = name.into();
        if values.len() != n * n {
            return Err(Error::InvalidParameter {
                name: "matrix",
                reason: format!("`{name}` has {} values, {n} x {n} expected", values.len()),
            });
        }
        if let Some(k) = values.iter().position(|v| !v.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "matrix",
                reason: format!(
                    "`{name}` has the value {} at ({}, {}); dyadic values must be finite",
                    values[k],
                    k / n,
                    k % n
                ),
            });
        }
        Ok(DyadicMatrix { name, n, values })
    }

    /// The matrix of ones (the intercept).
    pub fn ones(n: usize) -> Self {
        DyadicMatrix {
            name: "(intercept)".into(),
            n,
            values: vec![1.0; n * n],
        }
    }

    /// The value of the ordered dyad `i → j`.
    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.values[i * self.n + j]
    }

    /// Whether `m[i][j] == m[j][i]` for every pair off the diagonal.
    pub fn is_symmetric(&self) -> bool {
        let n = self.n;
        (0..n).all(|i| (i + 1..n).all(|j| self.values[i * n + j] == self.values[j * n + i]))
    }

    /// Whether every off-diagonal value is 0 or 1.
    pub fn is_binary(&self) -> bool {
        let n = self.n;
        (0..n).all(|i| (0..n).all(|j| i == j || matches!(self.values[i * n + j], 0.0 | 1.0)))
    }

    /// The matrix relabelled by `perm`: `out[i][j] = self[perm[i]][perm[j]]`
    /// (sna's `rmperm`: `m[o, o]`).
    pub fn permuted(&self, perm: &[usize]) -> DyadicMatrix {
        let n = self.n;
        let mut values = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                values[i * n + j] = self.values[perm[i] * n + perm[j]];
            }
        }
        DyadicMatrix {
            name: self.name.clone(),
            n,
            values,
        }
    }
}

/// Which cells of the matrices a model reads (sna's `mode`; the diagonal is
/// always excluded, sna's `diag = FALSE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The first matrix (the outcome) decides: [`Mode::Graph`] when it and
    /// every predictor are symmetric, else [`Mode::Digraph`].
    #[default]
    Auto,
    /// Every ordered dyad `i ≠ j`: `n (n - 1)` cells (sna `mode = "digraph"`).
    Digraph,
    /// Every unordered pair once, `n (n - 1) / 2` cells, read from the lower
    /// triangle (sna `mode = "graph"`); every matrix must be symmetric.
    Graph,
}

impl Mode {
    /// The mode used for these matrices: `Auto` resolved.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`mode`) for [`Mode::Graph`] with an
    /// asymmetric matrix (named): sna would silently drop its upper triangle.
    pub fn resolve(self, mats: &[&DyadicMatrix]) -> Result<Mode> {
        match self {
            Mode::Digraph => Ok(Mode::Digraph),
            Mode::Auto if mats.iter().all(|m| m.is_symmetric()) => Ok(Mode::Graph),
            Mode::Auto => Ok(Mode::Digraph),
            Mode::Graph => match mats.iter().find(|m| !m.is_symmetric()) {
                Some(m) => Err(Error::InvalidParameter {
                    name: "mode",
                    reason: format!(
                        "`{}` is not symmetric; mode graph reads one triangle (use mode digraph)",
                        m.name
                    ),
                }),
                None => Ok(Mode::Graph),
            },
        }
    }

    /// sna's name of the mode (`"digraph"` or `"graph"`; `Auto` is `"auto"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Auto => "auto",
            Mode::Digraph => "digraph",
            Mode::Graph => "graph",
        }
    }
}

/// The cells a resolved mode reads, as `(row, column)` pairs in a fixed order
/// (row-major; in graph mode the lower triangle `i > j`).
pub(crate) fn cells(n: usize, mode: Mode) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(n * n.saturating_sub(1));
    for i in 0..n as u32 {
        for j in 0..n as u32 {
            let keep = match mode {
                Mode::Graph => i > j,
                _ => i != j,
            };
            if keep {
                out.push((i, j));
            }
        }
    }
    out
}

/// The values of `m` at `cells` after relabelling by `perm` (`None`: the
/// identity), written into `out`.
pub(crate) fn gather(
    m: &[f64],
    n: usize,
    cells: &[(u32, u32)],
    perm: Option<&[u32]>,
    out: &mut [f64],
) {
    match perm {
        None => {
            for (o, &(i, j)) in out.iter_mut().zip(cells) {
                *o = m[i as usize * n + j as usize];
            }
        }
        Some(p) => {
            for (o, &(i, j)) in out.iter_mut().zip(cells) {
                *o = m[p[i as usize] as usize * n + p[j as usize] as usize];
            }
        }
    }
}

/// A uniformly random relabelling of `0..n` from `rng` (Fisher–Yates).
pub(crate) fn random_perm(rng: &mut crate::random::CoprodRng, n: usize, out: &mut Vec<u32>) {
    out.clear();
    out.extend(0..n as u32);
    crate::random::shuffle(rng, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_count_and_graph_mode_reads_the_lower_triangle() {
        assert_eq!(cells(4, Mode::Digraph).len(), 12);
        let g = cells(4, Mode::Graph);
        assert_eq!(g.len(), 6);
        assert!(g.iter().all(|&(i, j)| i > j));
    }

    #[test]
    fn permuted_is_a_relabelling() {
        let m = DyadicMatrix::new("m", 3, (0..9).map(f64::from).collect()).unwrap();
        let p = m.permuted(&[2, 0, 1]);
        for i in 0..3 {
            for j in 0..3 {
                assert_eq!(p.get(i, j), m.get([2, 0, 1][i], [2, 0, 1][j]));
            }
        }
    }

    #[test]
    fn graph_mode_refuses_an_asymmetric_matrix() {
        let m = DyadicMatrix::new("asym", 2, vec![0.0, 1.0, 0.0, 0.0]).unwrap();
        assert!(Mode::Graph.resolve(&[&m]).is_err());
        assert_eq!(Mode::Auto.resolve(&[&m]).unwrap(), Mode::Digraph);
    }
}

//! Special functions of the description length: `ln n!`, `ln C(n, k)` with
//! graph-tool's conventions, `x ln x`, and the logarithm of the number of
//! integer partitions `q(n, k)` of the degree prior.

use std::sync::{Arc, OnceLock, RwLock};

/// `ln n!` for a non-negative integer, accurate to a few units in the last
/// place of the result (exact products below 20, Stirling's series with five
/// correction terms above, whose truncation error is below `1e-17`).
pub fn ln_factorial(n: u64) -> f64 {
    match ln_factorial_table().get(n as usize) {
        Some(&v) => v,
        None => ln_factorial_direct(n),
    }
}

/// Entries of the `ln n!` table (`n < 2^20`, 8 MiB): the search evaluates
/// `ln n!` several times per move, and a lookup is several times faster than
/// the series. Each entry is [`ln_factorial_direct`]'s value, so results are
/// the same to the bit with or without the table.
const LN_FACTORIAL_TABLE: usize = 1 << 20;

fn ln_factorial_table() -> &'static [f64] {
    static TABLE: OnceLock<Vec<f64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..LN_FACTORIAL_TABLE as u64)
            .map(ln_factorial_direct)
            .collect()
    })
}

/// `ln n!` computed (see [`ln_factorial`]).
fn ln_factorial_direct(n: u64) -> f64 {
    if n < 20 {
        let mut p: u64 = 1;
        for i in 2..=n {
            p *= i;
        }
        return (p as f64).ln();
    }
    // ln Γ(x) with x = n + 1.
    let x = n as f64 + 1.0;
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    let series = inv
        * (1.0 / 12.0
            - inv2
                * (1.0 / 360.0
                    - inv2 * (1.0 / 1260.0 - inv2 * (1.0 / 1680.0 - inv2 * (1.0 / 1188.0)))));
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + series
}

/// `ln C(n, k)` as graph-tool's `lbinom` / `lbinom_fast` compute it: `0` when
/// `n = 0`, `k = 0` or `k ≥ n` (so `C(n, n) = 1`, and `k > n` is not an
/// error but `0`).
pub fn ln_binom(n: u64, k: u64) -> f64 {
    if n == 0 || k == 0 || k >= n {
        return 0.0;
    }
    (ln_factorial(n) - ln_factorial(k)) - ln_factorial(n - k)
}

/// `x ln x`, with `0 ln 0 = 0`.
pub fn xlogx(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// `ln x`, with `0` for `x = 0` (graph-tool's `safelog`).
pub fn safelog(x: u64) -> f64 {
    if x == 0 { 0.0 } else { (x as f64).ln() }
}

/// How the number of partitions `q(n, k)` of the degree prior is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum PartitionCount {
    /// As graph-tool 2.45 tabulates it (`init_q_cache`): the recurrence
    /// `Q(n, k) = Q(n, k−1) + [n > k] Q(n−k, k)`, `Q(n, 1) = 1`, with
    /// `Q(m, j) = 0` for `j > m` and `Q(0, ·) = 0`. This undercounts the true
    /// `q(n, k)` (e.g. `Q(4, 3) = 2` against `q(4, 3) = 4`, `Q(n, n) = p(n) − 1`),
    /// but it is what `BlockState.entropy()` adds, so it is the default.
    #[default]
    GraphTool,
    /// The true number of partitions of `n` into at most `k` parts:
    /// `q(n, k) = q(n, k−1) + q(n−k, k)`, `q(0, k) = 1`, `q(m, k) = q(m, m)` for `k > m`.
    Exact,
}

/// Largest `n` for which graph-tool reads `q(n, k)` from its table
/// (`_q_cache_max_n` in `blockmodel.py`); above it, both use the asymptotic
/// approximation [`log_q_approx`].
pub const Q_TABLE_MAX_N: u64 = 10_000;

/// `ln(e^a + e^b)`.
fn log_sum(a: f64, b: f64) -> f64 {
    if a == b {
        a + std::f64::consts::LN_2
    } else if a > b {
        a + (b - a).exp().ln_1p()
    } else {
        b + (a - b).exp().ln_1p()
    }
}

/// A table of `ln Q(n, k)` for `n ≤ max_n`.
///
/// For [`PartitionCount::GraphTool`], `Q(n, k) = Q(n, ⌊n/2⌋)` for
/// `⌊n/2⌋ ≤ k ≤ n` (the term `Q(n−k, k)` vanishes when `k > n − k`), so a
/// row keeps `k ≤ max(1, ⌊n/2⌋)` only: `max_n²/4` values (200 MB at
/// `n = 10^4`, where graph-tool keeps `10^8`). [`PartitionCount::Exact`]
/// keeps the whole triangle.
#[derive(Debug)]
pub struct QTable {
    kind: PartitionCount,
    max_n: usize,
    /// Row `n` starts at `start[n]`; column `k` (from 1) at `start[n] + k - 1`.
    start: Vec<usize>,
    values: Vec<f64>,
}

impl QTable {
    fn row_len(kind: PartitionCount, n: usize) -> usize {
        match kind {
            PartitionCount::GraphTool => (n / 2).max(1),
            PartitionCount::Exact => n.max(1),
        }
    }

    /// The table up to `max_n`.
    pub fn new(kind: PartitionCount, max_n: usize) -> QTable {
        let mut start = Vec::with_capacity(max_n + 1);
        let mut total = 0usize;
        for n in 0..=max_n {
            start.push(total);
            total += Self::row_len(kind, n);
        }
        let mut t = QTable {
            kind,
            max_n,
            start,
            values: vec![f64::NEG_INFINITY; total],
        };
        for n in 1..=max_n {
            let len = Self::row_len(kind, n);
            let base = t.start[n];
            t.values[base] = 0.0;
            for k in 2..=len {
                let mut v = t.values[base + k - 2];
                match kind {
                    PartitionCount::GraphTool => {
                        if n > k {
                            v = log_sum(v, t.get_stored(n - k, k));
                        }
                    }
                    PartitionCount::Exact => {
                        let m = n - k;
                        let rest = if m == 0 { 0.0 } else { t.get_stored(m, k) };
                        v = log_sum(v, rest);
                    }
                }
                t.values[base + k - 1] = v;
            }
        }
        t
    }

    /// `ln Q(m, k)` for `1 ≤ m ≤ max_n`, `k ≥ 1`, from the stored part.
    fn get_stored(&self, m: usize, k: usize) -> f64 {
        match self.kind {
            PartitionCount::GraphTool => {
                if k > m {
                    return f64::NEG_INFINITY;
                }
                let k = k.min(m / 2).max(1);
                self.values[self.start[m] + k - 1]
            }
            PartitionCount::Exact => {
                let k = k.min(m);
                self.values[self.start[m] + k - 1]
            }
        }
    }

    /// Largest `n` held.
    pub fn max_n(&self) -> usize {
        self.max_n
    }

    /// The kind of count held.
    pub fn kind(&self) -> PartitionCount {
        self.kind
    }

    /// `ln q(n, k)` as graph-tool's `log_q`: `0` for `n = 0` or `k = 0`;
    /// `k` capped at `n`; the table for `n ≤ 10^4`, [`log_q_approx`] above.
    ///
    /// # Panics
    /// If `10^4 ≥ n > max_n` (the table was built too small: a bug of the caller).
    pub fn log_q(&self, n: u64, k: u64) -> f64 {
        if n == 0 || k == 0 {
            return 0.0;
        }
        let k = k.min(n);
        if n <= Q_TABLE_MAX_N {
            assert!(n as usize <= self.max_n, "q table built too small");
            self.get_stored(n as usize, k as usize)
        } else {
            log_q_approx(n, k)
        }
    }
}

/// The shared tables, grown on demand (one per kind).
static TABLES: OnceLock<RwLock<[Option<Arc<QTable>>; 2]>> = OnceLock::new();

/// A table of `kind` holding at least every `n ≤ min(need, 10^4)`; built once
/// per process and shared.
pub fn q_table(kind: PartitionCount, need: u64) -> Arc<QTable> {
    let need = need.min(Q_TABLE_MAX_N) as usize;
    let slot = match kind {
        PartitionCount::GraphTool => 0,
        PartitionCount::Exact => 1,
    };
    let lock = TABLES.get_or_init(|| RwLock::new([None, None]));
    if let Some(t) = lock.read().unwrap_or_else(|e| e.into_inner())[slot].as_ref()
        && t.max_n >= need
    {
        return Arc::clone(t);
    }
    let mut w = lock.write().unwrap_or_else(|e| e.into_inner());
    if let Some(t) = w[slot].as_ref()
        && t.max_n >= need
    {
        return Arc::clone(t);
    }
    // Grow geometrically so repeated requests do not rebuild each time.
    let old = w[slot].as_ref().map_or(0, |t| t.max_n);
    let size = need.max((old * 3 / 2).min(Q_TABLE_MAX_N as usize)).max(64);
    let t = Arc::new(QTable::new(kind, size));
    w[slot] = Some(Arc::clone(&t));
    t
}

/// The dilogarithm `Li₂(z) = Σ_{j≥1} z^j / j²` for `0 ≤ z ≤ 1`.
fn dilog(z: f64) -> f64 {
    if z <= 0.5 {
        let mut sum = 0.0;
        let mut p = z;
        for j in 1..=120u32 {
            sum += p / f64::from(j * j);
            p *= z;
            if p < 1e-20 {
                break;
            }
        }
        sum
    } else {
        // Euler's reflection: Li₂(z) + Li₂(1 − z) = π²/6 − ln z ln(1 − z).
        let w = 1.0 - z;
        let rest = if w > 0.0 { z.ln() * w.ln() } else { 0.0 };
        std::f64::consts::PI.powi(2) / 6.0 - rest - dilog(w)
    }
}

/// Cephes' `spence(x) = −∫₁ˣ ln t / (t − 1) dt = Li₂(1 − x)`, for `0 < x ≤ 1`.
fn spence(x: f64) -> f64 {
    dilog(1.0 - x)
}

/// graph-tool's `log_q_approx(n, k)`: for `k < n^{1/4}`,
/// `ln C(n−1, k−1) − ln k!`; otherwise Szekeres' uniform asymptotic formula
/// with `u = k/√n` and `v` the fixed point of `v = u √Li₂(1 − e^{−v})`
/// (iterated from `v = u` until a step is below `10^-8`, as graph-tool does).
pub fn log_q_approx(n: u64, k: u64) -> f64 {
    let nf = n as f64;
    let kf = k as f64;
    if kf < nf.powf(0.25) {
        return ln_binom(n - 1, k - 1) - ln_factorial(k);
    }
    let u = kf / nf.sqrt();
    let mut v = u;
    loop {
        let nv = u * spence((-v).exp()).sqrt();
        let delta = (nv - v).abs();
        v = nv;
        if delta <= 1e-8 {
            break;
        }
    }
    let lf = v.ln()
        - (-(-v).exp() * (1.0 + u * u / 2.0)).ln_1p() / 2.0
        - 2f64.ln() * 1.5
        - u.ln()
        - std::f64::consts::PI.ln();
    let g = 2.0 * v / u - u * (-(-v).exp()).ln_1p();
    lf - nf.ln() + nf.sqrt() * g
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `q(n, k)` by brute-force enumeration of partitions into at most `k` parts.
    fn q_brute(n: u64, k: u64, max_part: u64) -> u64 {
        if n == 0 {
            return 1;
        }
        if k == 0 {
            return 0;
        }
        (1..=max_part.min(n))
            .map(|p| q_brute(n - p, k - 1, p))
            .sum()
    }

    #[test]
    fn ln_factorial_matches_products_and_known_values() {
        let mut acc = 0.0f64;
        for n in 1..25u64 {
            acc += (n as f64).ln();
            assert!((ln_factorial(n) - acc).abs() < 1e-12, "{n}");
        }
        // ln(100!) = 363.73937555556347... (exact to 17 digits).
        assert!((ln_factorial(100) - 363.739_375_555_563_47).abs() < 1e-11);
    }

    #[test]
    fn exact_table_counts_partitions() {
        let t = QTable::new(PartitionCount::Exact, 30);
        for n in 1..=30u64 {
            for k in 1..=32u64 {
                let want = (q_brute(n, k, n) as f64).ln();
                assert!((t.log_q(n, k) - want).abs() < 1e-12, "q({n},{k})");
            }
        }
    }

    #[test]
    fn graph_tool_table_is_its_recurrence() {
        let t = QTable::new(PartitionCount::GraphTool, 40);
        // The recurrence in integers, the whole triangle.
        let mut q = vec![vec![0u64; 41]; 41];
        for n in 1..=40 {
            q[n][1] = 1;
            for k in 2..=n {
                q[n][k] = q[n][k - 1] + if n > k { q[n - k][k] } else { 0 };
            }
        }
        assert_eq!((q[4][3], q[10][5]), (2, 16));
        for n in 1..=40u64 {
            for k in 1..=45u64 {
                let want = (q[n as usize][k.min(n) as usize] as f64).ln();
                assert!((t.log_q(n, k) - want).abs() < 1e-12, "Q({n},{k})");
            }
        }
    }

    #[test]
    fn approximation_is_close_to_exact_for_large_n() {
        let t = QTable::new(PartitionCount::Exact, 3000);
        for &(n, k) in &[(3000u64, 50u64), (3000, 400), (2000, 2000), (2500, 5)] {
            let rel = (log_q_approx(n, k) - t.log_q(n, k)).abs() / t.log_q(n, k);
            assert!(rel < 0.01, "{n} {k} {rel}");
        }
    }
}

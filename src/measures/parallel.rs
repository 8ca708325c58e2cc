//! The one parallel driver of the crate's all-pairs and per-ego measures.
//!
//! Every measure that runs a kernel per source (closeness, harmonic,
//! betweenness, group betweenness, distances, efficiency, fragmentation) or
//! per ego (the brokerage censuses, structural holes) goes through these
//! functions, switched by one [`Parallelism`] option. Work is cut into fixed
//! pieces that do not depend on the number of threads and combined in a fixed
//! order, so 1 and 2 threads give the same bits.

use rayon::prelude::*;
use std::ops::Range;
use std::sync::Mutex;

/// Whether an all-pairs measure runs over sources in parallel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Parallelism {
    /// Parallel when the graph has at least [`PARALLEL_MIN_NODES`] nodes.
    #[default]
    Auto,
    /// Always on the calling thread.
    Sequential,
    /// Always on rayon's pool.
    Parallel,
}

/// The node count from which [`Parallelism::Auto`] runs in parallel.
pub const PARALLEL_MIN_NODES: usize = 256;

impl Parallelism {
    /// Whether to run in parallel on `n` items when [`Parallelism::Auto`]
    /// switches at `min` (a per-ego census pays off later than an all-pairs
    /// kernel).
    pub fn enabled_from(self, n: usize, min: usize) -> bool {
        match self {
            Parallelism::Auto => n >= min,
            Parallelism::Sequential => false,
            Parallelism::Parallel => true,
        }
    }

    /// Whether to run in parallel on a graph of `n` nodes.
    pub fn enabled(self, n: usize) -> bool {
        match self {
            Parallelism::Auto => n >= PARALLEL_MIN_NODES,
            Parallelism::Sequential => false,
            Parallelism::Parallel => true,
        }
    }
}

/// `f(state, s)` for every source `s` in `0..n`, with one reusable `state` per
/// worker; in parallel when `par`. Each value depends on its source only, so
/// both paths give identical results.
pub(crate) fn map_sources<S, T, I, F>(n: usize, par: bool, init: I, f: F) -> Vec<T>
where
    T: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize) -> T + Sync + Send,
{
    if par {
        (0..n)
            .into_par_iter()
            .map_init(&init, |s, u| f(s, u))
            .collect()
    } else {
        let mut s = init();
        (0..n).map(|u| f(&mut s, u)).collect()
    }
}

/// Sum over sources `0..n` of the contributions `f(state, s, acc)` adds into a
/// vector of `width` numbers. Sources are cut into at most 64 fixed chunks
/// (independent of the thread count), each chunk summed in source order and
/// the chunks added in order, so sequential and parallel runs are
/// bit-identical. Beyond 2^19 numbers per vector, chunks run in waves of
/// `8 × threads`, so that at most that many partial vectors are alive at once.
pub(crate) fn sum_sources<S, I, F>(n: usize, width: usize, par: bool, init: I, f: F) -> Vec<f64>
where
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &mut [f64]) + Sync + Send,
{
    let size = n.div_ceil(64).max(16);
    let chunks: Vec<Range<usize>> = (0..n).step_by(size).map(|a| a..(a + size).min(n)).collect();
    let run = |st: &mut S, r: Range<usize>| {
        let mut acc = vec![0.0; width];
        for s in r {
            f(st, s, &mut acc);
        }
        acc
    };
    let mut total = vec![0.0; width];
    let mut add = |p: Vec<f64>| {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    };
    if par {
        // all chunks at once up to 64 × 2^19 numbers (256 MiB), else in waves
        let wave = if width <= 1 << 19 {
            chunks.len().max(1)
        } else {
            8 * rayon::current_num_threads().max(1)
        };
        for group in chunks.chunks(wave) {
            let parts: Vec<Vec<f64>> = group.par_iter().cloned().map_init(&init, run).collect();
            parts.into_iter().for_each(&mut add);
        }
    } else {
        let mut st = init();
        for r in chunks {
            add(run(&mut st, r));
        }
    }
    total
}

/// The shared driver of the brokerage censuses: `visit(i, mark, acc)` adds
/// ego `i`'s contributions to a flat `u64` accumulator of `cells` entries,
/// using a mark buffer of `n` entries (initialised to `u32::MAX`). In parallel
/// over chunks of egos when `parallel`; integer sums make both paths equal.
pub(crate) fn ego_census(
    n: usize,
    cells: usize,
    parallel: bool,
    visit: impl Fn(usize, &mut [u32], &mut [u64]) + Sync,
) -> Vec<u64> {
    use rayon::prelude::*;
    let fresh = || (vec![0u64; cells], vec![u32::MAX; n]);
    if parallel {
        // At most 2 chunks per thread: one accumulator per chunk bounds the memory.
        let chunk = n.div_ceil(rayon::current_num_threads().max(1) * 2).max(64);
        let starts: Vec<usize> = (0..n).step_by(chunk).collect();
        starts
            .into_par_iter()
            .fold(fresh, |(mut acc, mut mark), s| {
                for i in s..(s + chunk).min(n) {
                    visit(i, &mut mark, &mut acc);
                }
                (acc, mark)
            })
            .map(|(acc, _)| acc)
            .reduce(
                || vec![0u64; cells],
                |mut a, b| {
                    a.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
                    a
                },
            )
    } else {
        let (mut acc, mut mark) = fresh();
        for i in 0..n {
            visit(i, &mut mark, &mut acc);
        }
        acc
    }
}

/// Per-worker states that outlive one parallel call: a worker takes a state
/// (building one with `init` when none is free) and gives it back, so a loop of
/// many parallel batches (adaptive sampling) allocates about one state per
/// thread in all, not one per batch and split.
pub(crate) struct Pool<S, I> {
    free: Mutex<Vec<S>>,
    init: I,
}

impl<S, I: Fn() -> S> Pool<S, I> {
    /// An empty pool building states with `init`.
    pub(crate) fn new(init: I) -> Self {
        Pool {
            free: Mutex::new(Vec::new()),
            init,
        }
    }

    /// Run `f` with a state of the pool.
    pub(crate) fn with<R>(&self, f: impl FnOnce(&mut S) -> R) -> R {
        let taken = self.free.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut st = taken.unwrap_or_else(&self.init);
        let r = f(&mut st);
        self.free.lock().unwrap_or_else(|e| e.into_inner()).push(st);
        r
    }
}

/// `f(state, range)` over the items `range` cut into fixed chunks of `chunk`
/// items (the last one shorter), with states from `pool`; the results in chunk
/// order. The cut depends only on `range` and `chunk`, never on the number of
/// threads, so when each item depends only on its own index (a random sample
/// drawn from `random::stream(seed, i)`), 1 and 2 threads give the same results.
pub(crate) fn map_chunks<S, I, R, F>(
    range: Range<u64>,
    chunk: u64,
    par: bool,
    pool: &Pool<S, I>,
    f: F,
) -> Vec<R>
where
    S: Send,
    I: Fn() -> S + Sync,
    R: Send,
    F: Fn(&mut S, Range<u64>) -> R + Sync,
{
    let chunk = chunk.max(1);
    let pieces: Vec<Range<u64>> = (range.start..range.end)
        .step_by(chunk as usize)
        .map(|a| a..(a + chunk).min(range.end))
        .collect();
    let run = |r: Range<u64>| pool.with(|st| f(st, r));
    if par {
        pieces.into_par_iter().map(run).collect()
    } else {
        pieces.into_iter().map(run).collect()
    }
}

/// Run `f` on a fresh rayon pool of `threads` threads (tests: 1 and 2
/// threads must give the same bits).
#[cfg(test)]
pub(crate) fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a pool")
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sequential and parallel sums are bit-identical, including the waves
    /// used for vectors wider than 2^19.
    #[test]
    fn sum_sources_sequential_equals_parallel() {
        for (n, width) in [(1000, 7), (100, (1 << 19) + 3)] {
            let f = |_: &mut (), s: usize, acc: &mut [f64]| {
                for k in 0..5 {
                    acc[(s * 7919 + k * 104_729) % width] +=
                        1.0 / (s as f64 + 0.1 * k as f64 + 0.3);
                }
            };
            let seq = sum_sources(n, width, false, || (), f);
            let par = sum_sources(n, width, true, || (), f);
            assert!(seq == par, "n {n} width {width}");
            assert!(seq.iter().sum::<f64>() > 0.0);
        }
        let m = map_sources(500, true, Vec::<u8>::new, |_, s| s * 2);
        let pool = Pool::new(|| 0u64);
        let f = |st: &mut u64, r: Range<u64>| {
            *st += 1;
            r.map(|i| i * i).sum::<u64>()
        };
        let a = map_chunks(3..1000, 64, false, &pool, f);
        let b = map_chunks(3..1000, 64, true, &pool, f);
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_eq!(
            a.iter().sum::<u64>(),
            (3..1000u64).map(|i| i * i).sum::<u64>()
        );
        assert_eq!(m, (0..500).map(|s| s * 2).collect::<Vec<_>>());
    }
}

//! Shortest-path betweenness (Brandes' algorithm).

use super::{Parallelism, sum_sources};
use crate::measures::EdgeLength;
use crate::measures::paths::Brandes;
pub use crate::measures::paths::Endpoints;
use crate::model::Csr;
use crate::progress::Progress;

/// How [`betweenness`] scales the sum over pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BetweennessScale {
    /// NetworkX `normalized=True`: divided by `(n−1)(n−2)` for a digraph and by
    /// `(n−1)(n−2)/2` for an undirected graph (`n(n−1)` and `n(n−1)/2` with
    /// endpoints); unscaled when `n − 1 < 2` (`n < 2` with endpoints).
    #[default]
    NetworkX,
    /// The sum over ordered pairs (digraph) or unordered pairs (undirected):
    /// NetworkX `normalized=False`, `sna::betweenness`, igraph `betweenness`.
    Raw,
    /// Raw divided by its sum over nodes (`sna::betweenness(rescale=TRUE)`;
    /// NaN when every score is 0).
    SumToOne,
}

/// Options of [`betweenness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BetweennessOptions {
    /// Hop counts or weights read as lengths (NetworkX `weight="weight"`).
    pub weighting: EdgeLength,
    /// Whether end points count.
    pub endpoints: Endpoints,
    /// Scaling.
    pub scale: BetweennessScale,
    /// Sequential or parallel over sources.
    pub parallelism: Parallelism,
    /// A bar of one step per source on a terminal ([`Progress::Auto`], the
    /// default) or none; it never changes the scores.
    pub progress: Progress,
}

/// Shortest-path betweenness centrality of every node.
///
/// ```text
/// B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
/// ```
/// `σ_st` is the number of shortest paths from `s` to `t` (ties followed
/// `s → t` in a digraph), `σ_st(v)` the number of them through `v`; pairs with
/// no path add 0. The sum runs over ordered pairs in a digraph and over
/// unordered pairs in an undirected graph. With [`Endpoints::Included`], `v`
/// also counts on paths it starts or ends. Scaled by [`BetweennessScale`].
///
/// # Reference
/// * Default equals `networkx.betweenness_centrality(G, normalized=True)`;
///   `Raw` equals `normalized=False`, `sna::betweenness(g, gmode=...)` and
///   igraph `Graph.betweenness()`; `Endpoints::Included` equals
///   `endpoints=True`; `SumToOne` equals `sna::betweenness(rescale=TRUE)`.
/// * `EdgeLength::Weight` equals `networkx.betweenness_centrality(G,
///   weight="weight")`: path lengths are sums of weights in path order and
///   two paths tie only when their sums are equal as floating-point numbers,
///   exactly as NetworkX compares them. igraph and sna compare with a
///   tolerance and can count different ties when weights are decimals.
///
/// # Edge cases
/// An isolate has 0; `n ≤ 2` gives 0 everywhere (without endpoints).
///
/// # Complexity
/// `O(n m)` unweighted, `O(n m + n² log n)` weighted, `O(n + m)` memory per
/// worker; parallel over sources (see [`Parallelism`]), with bit-identical results.
/// The progress bar ([`BetweennessOptions::progress`]) counts finished sources.
///
/// ```
/// use coprod::measures::centrality::{betweenness, BetweennessOptions, BetweennessScale};
/// use coprod::model::{Aggregation, Csr};
/// // path 0 - 1 - 2: node 1 lies on the one path between 0 and 2
/// let g = Csr::from_edges(3, false, &[(0, 1, 1.0), (1, 2, 1.0)], Aggregation::Sum);
/// let raw = BetweennessOptions { scale: BetweennessScale::Raw, ..Default::default() };
/// assert_eq!(betweenness(&g, &raw), [0.0, 1.0, 0.0]);
/// assert_eq!(betweenness(&g, &BetweennessOptions::default()), [0.0, 1.0, 0.0]);
/// ```
///
/// # References
/// * Freeman, L. C. (1977). A set of measures of centrality based on
///   betweenness. *Sociometry* 40(1), 35–41. doi:10.2307/3033543
/// * Brandes, U. (2001). A faster algorithm for betweenness centrality.
///   *J. Math. Sociology* 25(2), 163–177. doi:10.1080/0022250X.2001.9990249
pub fn betweenness(g: &Csr, opts: &BetweennessOptions) -> Vec<f64> {
    let n = g.node_count();
    let bar = opts.progress.bar(n as u64, "betweenness", "sources");
    let mut b = sum_sources(
        n,
        n,
        opts.parallelism.enabled(n),
        || Brandes::new(n, opts.weighting),
        |st, s, acc| {
            st.count(g, s);
            st.accumulate(g, s, opts.endpoints, acc);
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    let big_n = match opts.endpoints {
        Endpoints::Excluded => n as f64 - 1.0,
        Endpoints::Included => n as f64,
    };
    let scale = match opts.scale {
        _ if big_n < 2.0 => 1.0,
        BetweennessScale::NetworkX => 1.0 / (big_n * (big_n - 1.0)),
        BetweennessScale::Raw | BetweennessScale::SumToOne if !g.is_directed() => 0.5,
        _ => 1.0,
    };
    if scale != 1.0 {
        b.iter_mut().for_each(|x| *x *= scale);
    }
    if opts.scale == BetweennessScale::SumToOne {
        let total: f64 = b.iter().sum();
        b.iter_mut().for_each(|x| *x /= total);
    }
    b
}

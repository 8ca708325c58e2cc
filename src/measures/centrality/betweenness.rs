//! Shortest-path betweenness (Brandes' algorithm).

use super::closeness::Sp;
use super::{Parallelism, sum_sources};
use crate::measures::{Direction, Weighting};
use crate::model::Csr;

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

/// Whether the end points of a path count as lying on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Endpoints {
    /// Only inner nodes (the usual definition).
    #[default]
    Excluded,
    /// Source and target too (NetworkX `endpoints=True`).
    Included,
}

/// Options of [`betweenness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BetweennessOptions {
    /// Hop counts or weights read as lengths (NetworkX `weight="weight"`).
    pub weighting: Weighting,
    /// Whether end points count.
    pub endpoints: Endpoints,
    /// Scaling.
    pub scale: BetweennessScale,
    /// Sequential or parallel over sources.
    pub parallelism: Parallelism,
}

/// Per-node state of one Brandes run, kept together for cache locality.
#[derive(Clone, Copy)]
struct Node {
    /// Hop count from the source (`u32::MAX` = unreached); unweighted runs only.
    hops: u32,
    /// Number of shortest paths from the source.
    sigma: f64,
    /// Dependency δ (weighted runs) or `(1 + δ) / σ` (unweighted runs).
    delta: f64,
}

const UNSEEN: Node = Node {
    hops: u32::MAX,
    sigma: 0.0,
    delta: 0.0,
};

/// Per-worker buffers of Brandes' algorithm.
pub(crate) struct Brandes {
    /// Weighted runs: the shared Dijkstra's buffers.
    sp: Sp,
    /// Per-node state, reset after each run only where that run reached.
    st: Vec<Node>,
    /// Nodes reached by the last run, in non-decreasing distance.
    pub(crate) order: Vec<u32>,
    weighted: bool,
}

impl Brandes {
    pub(crate) fn new(n: usize, weighting: Weighting) -> Brandes {
        Brandes {
            sp: Sp::new(),
            st: vec![UNSEEN; n],
            order: Vec::with_capacity(n),
            weighted: weighting == Weighting::Distance,
        }
    }

    /// Distance of a node reached by the last run.
    #[inline]
    pub(crate) fn d(&self, v: usize) -> f64 {
        if self.weighted {
            self.sp.dist[v]
        } else {
            self.st[v].hops as f64
        }
    }

    /// Number of shortest paths from the last run's source to `v`.
    #[inline]
    pub(crate) fn sigma(&self, v: usize) -> f64 {
        self.st[v].sigma
    }

    /// Whether `v` was reached by the last run.
    #[inline]
    pub(crate) fn reached(&self, v: usize) -> bool {
        if self.weighted {
            self.sp.dist[v].is_finite()
        } else {
            self.st[v].hops != u32::MAX
        }
    }

    /// Shortest paths from `s` with their counts σ (clears the previous run).
    pub(crate) fn count(&mut self, g: &Csr, s: usize) {
        for &v in &self.order {
            self.st[v as usize] = UNSEEN;
        }
        if self.weighted {
            self.count_weighted(g, s);
        } else {
            self.count_hops(g, s);
        }
    }

    /// Brandes' forward phase, unweighted: a breadth-first search that counts
    /// shortest paths as it goes (one pass over the ties).
    fn count_hops(&mut self, g: &Csr, s: usize) {
        let (st, order) = (&mut self.st[..], &mut self.order);
        order.clear();
        st[s].hops = 0;
        st[s].sigma = 1.0;
        order.push(s as u32);
        let mut head = 0;
        while head < order.len() {
            let u = order[head] as usize;
            head += 1;
            let next = st[u].hops + 1;
            let su = st[u].sigma;
            for &v in g.out_neighbors(u) {
                let x = &mut st[v as usize];
                if x.hops == u32::MAX {
                    x.hops = next;
                    x.sigma = su;
                    order.push(v);
                } else if x.hops == next {
                    x.sigma += su;
                }
            }
        }
    }

    /// Brandes' forward phase, weighted: the shared Dijkstra, then path counts
    /// in settling order. A tie `v → t` lies on a shortest path when
    /// `dist[v] + w == dist[t]` exactly, as NetworkX compares.
    fn count_weighted(&mut self, g: &Csr, s: usize) {
        self.sp.run(g, s, Direction::Out, Weighting::Distance);
        std::mem::swap(&mut self.order, &mut self.sp.order);
        let dist = &self.sp.dist;
        self.st[s].sigma = 1.0;
        for i in 1..self.order.len() {
            let t = self.order[i] as usize;
            let mut sig = 0.0;
            for (&v, &len) in g.in_neighbors(t).iter().zip(g.in_weights(t)) {
                if dist[v as usize] + len == dist[t] {
                    sig += self.st[v as usize].sigma;
                }
            }
            self.st[t].sigma = sig;
        }
    }

    /// Brandes' dependency accumulation after [`Brandes::count`] from `s`,
    /// added into `acc`.
    fn accumulate(&mut self, g: &Csr, s: usize, endpoints: Endpoints, acc: &mut [f64]) {
        if endpoints == Endpoints::Included {
            acc[s] += (self.order.len() - 1) as f64;
        }
        let plus = match endpoints {
            Endpoints::Excluded => 0.0,
            Endpoints::Included => 1.0,
        };
        // The source is first in `order` and gets nothing.
        let order = &self.order[1..];
        let st = &mut self.st[..];
        if self.weighted {
            // push form: each node passes its dependency to its predecessors
            let dist = &self.sp.dist[..];
            for &t in order.iter().rev() {
                let t = t as usize;
                let coeff = (1.0 + st[t].delta) / st[t].sigma;
                for (&v, &len) in g.in_neighbors(t).iter().zip(g.in_weights(t)) {
                    let v = v as usize;
                    if dist[v] + len == dist[t] {
                        st[v].delta += st[v].sigma * coeff;
                    }
                }
                acc[t] += st[t].delta + plus;
            }
        } else {
            // pull form: δ(t) = σ_t Σ_{w: t → w on a shortest path} (1 + δ(w)) / σ_w,
            // with (1 + δ(w)) / σ_w kept in `delta` (read only for nodes of this run)
            for &t in order.iter().rev() {
                let t = t as usize;
                let next = st[t].hops + 1;
                let mut sum = 0.0;
                for &w in g.out_neighbors(t) {
                    let x = &st[w as usize];
                    if x.hops == next {
                        sum += x.delta;
                    }
                }
                let dt = st[t].sigma * sum;
                acc[t] += dt + plus;
                st[t].delta = (1.0 + dt) / st[t].sigma;
            }
        }
    }
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
/// * `Weighting::Distance` equals `networkx.betweenness_centrality(G,
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
    let mut b = sum_sources(
        n,
        n,
        opts.parallelism.enabled(n),
        || Brandes::new(n, opts.weighting),
        |st, s, acc| {
            st.count(g, s);
            st.accumulate(g, s, opts.endpoints, acc);
        },
    );
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

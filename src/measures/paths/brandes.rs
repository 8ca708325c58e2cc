//! Brandes' algorithm: shortest-path counts from one source and the
//! dependency accumulation, shared by betweenness and group betweenness.

use super::Sp;
use crate::measures::{Direction, EdgeLength};
use crate::model::Csr;

/// Whether the end points of a path count as lying on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Endpoints {
    /// Only inner nodes (the usual definition).
    #[default]
    Excluded,
    /// Source and target too (NetworkX `endpoints=True`).
    Included,
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
    pub(crate) fn new(n: usize, weighting: EdgeLength) -> Brandes {
        Brandes {
            sp: Sp::new(),
            st: vec![UNSEEN; n],
            order: Vec::with_capacity(n),
            weighted: weighting == EdgeLength::Weight,
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
        self.sp.run(g, s, Direction::Out, EdgeLength::Weight);
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
    pub(crate) fn accumulate(&mut self, g: &Csr, s: usize, endpoints: Endpoints, acc: &mut [f64]) {
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

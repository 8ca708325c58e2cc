//! Internal: the simple undirected skeleton of a graph (each unordered pair of
//! distinct adjacent nodes once per row, self-loops dropped), with one value per
//! pair computed from the arc weights `w(u → v)` and `w(v → u)`.

use crate::model::Csr;

/// Undirected simple skeleton in CSR form: `adj[off[u]..off[u + 1]]` are the
/// distinct neighbours of `u` other than `u`, ascending; `val` aligned with it.
pub(crate) struct Skeleton {
    pub off: Vec<usize>,
    pub adj: Vec<u32>,
    pub val: Vec<f64>,
}

impl Skeleton {
    /// Build the skeleton; `pair(w_uv, w_vu)` gives the value stored for `{u, v}`
    /// in the row of `u` (`None` where that arc is absent). For an undirected
    /// graph both arguments are the edge weight.
    pub fn new(g: &Csr, pair: impl Fn(Option<f64>, Option<f64>) -> f64) -> Skeleton {
        let n = g.node_count();
        let mut off = Vec::with_capacity(n + 1);
        off.push(0);
        let mut adj = Vec::new();
        let mut val = Vec::new();
        for u in 0..n {
            let (a, aw) = (g.out_neighbors(u), g.out_weights(u));
            let (b, bw) = (g.in_neighbors(u), g.in_weights(u));
            let (mut i, mut j) = (0, 0);
            while i < a.len() || j < b.len() {
                let (v, wo, wi) = if j == b.len() || (i < a.len() && a[i] < b[j]) {
                    i += 1;
                    (a[i - 1], Some(aw[i - 1]), None)
                } else if i == a.len() || b[j] < a[i] {
                    j += 1;
                    (b[j - 1], None, Some(bw[j - 1]))
                } else {
                    i += 1;
                    j += 1;
                    (a[i - 1], Some(aw[i - 1]), Some(bw[j - 1]))
                };
                if v as usize != u {
                    adj.push(v);
                    val.push(pair(wo, wi));
                }
            }
            off.push(adj.len());
        }
        Skeleton { off, adj, val }
    }

    /// Number of nodes.
    pub fn n(&self) -> usize {
        self.off.len() - 1
    }

    /// Degree of `u` in the skeleton.
    #[inline]
    pub fn degree(&self, u: usize) -> usize {
        self.off[u + 1] - self.off[u]
    }

    /// Call `f(u, v, w, x_uv, x_vw, x_uw)` once for every triangle `{u, v, w}`
    /// (the pair values `x`), with the forward algorithm over the degree
    /// ordering: `O(m^{3/2})` time, `O(n + m)` extra memory.
    pub fn for_each_triangle(&self, mut f: impl FnMut(usize, usize, usize, f64, f64, f64)) {
        let n = self.n();
        // rank by (degree, index); orient every edge towards the higher rank.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&u| (self.degree(u as usize), u));
        let mut rank = vec![0u32; n];
        for (r, &u) in order.iter().enumerate() {
            rank[u as usize] = r as u32;
        }
        let mut foff = Vec::with_capacity(n + 1);
        foff.push(0usize);
        let mut fadj: Vec<u32> = Vec::with_capacity(self.adj.len() / 2);
        let mut fval: Vec<f64> = Vec::with_capacity(self.adj.len() / 2);
        for u in 0..n {
            for k in self.off[u]..self.off[u + 1] {
                let v = self.adj[k] as usize;
                if rank[v] > rank[u] {
                    fadj.push(v as u32);
                    fval.push(self.val[k]);
                }
            }
            foff.push(fadj.len());
        }
        // mark[w] = 1 + position of w in the forward row of u, 0 if absent.
        let mut mark = vec![0usize; n];
        for u in 0..n {
            let (a, b) = (foff[u], foff[u + 1]);
            for k in a..b {
                mark[fadj[k] as usize] = k + 1;
            }
            for k in a..b {
                let v = fadj[k] as usize;
                for l in foff[v]..foff[v + 1] {
                    let w = fadj[l] as usize;
                    let p = mark[w];
                    if p != 0 {
                        f(u, v, w, fval[k], fval[l], fval[p - 1]);
                    }
                }
            }
            for k in a..b {
                mark[fadj[k] as usize] = 0;
            }
        }
    }
}

//! A compact, immutable compressed-sparse-row snapshot of a graph.
//!
//! Measures traverse a [`Csr`]: dense `u32` node indices, neighbours sorted
//! ascending, parallel ties already merged, out- and in-adjacency for
//! directed graphs. Building one is `O(n + m log d)`; it is the form the
//! algorithms use at 10^7 nodes.

use serde::{Deserialize, Serialize};

/// How parallel ties between the same two actors are merged into one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Aggregation {
    /// The weights are summed (default).
    #[default]
    Sum,
    /// The merged weight is the number of ties.
    Count,
    /// The largest weight is kept.
    Max,
}

/// A compressed-sparse-row graph with merged parallel edges.
///
/// * Directed: arcs `u → v`; `out_*` and `in_*` adjacency are both stored.
/// * Undirected: each edge `{u, v}` is stored in the rows of `u` and of `v`
///   (a self-loop once, in the row of `u`); `in_*` equals `out_*`.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    directed: bool,
    n: usize,
    out_off: Vec<usize>,
    out_adj: Vec<u32>,
    out_w: Vec<f64>,
    in_off: Vec<usize>,
    in_adj: Vec<u32>,
    in_w: Vec<f64>,
    /// Whether some node has an arc to itself (found once, when built).
    self_loops: bool,
}

/// Group `(row, col, w)` triples by row with a counting sort, sort each row by
/// column, merge duplicates. Returns offsets, columns and weights.
fn build_rows(
    n: usize,
    triples: impl Iterator<Item = (u32, u32, f64)> + Clone,
    agg: Aggregation,
) -> (Vec<usize>, Vec<u32>, Vec<f64>) {
    let mut count = vec![0usize; n + 1];
    for (r, _, _) in triples.clone() {
        count[r as usize + 1] += 1;
    }
    for i in 0..n {
        count[i + 1] += count[i];
    }
    let m = count[n];
    let mut cols = vec![0u32; m];
    let mut ws = vec![0f64; m];
    let mut next = count.clone();
    for (r, c, w) in triples {
        let p = &mut next[r as usize];
        cols[*p] = c;
        ws[*p] = if agg == Aggregation::Count { 1.0 } else { w };
        *p += 1;
    }
    // Sort each row and merge duplicates in place.
    let mut off = Vec::with_capacity(n + 1);
    off.push(0usize);
    let mut write = 0usize;
    let mut row: Vec<(u32, f64)> = Vec::new();
    for i in 0..n {
        let (a, b) = (count[i], count[i + 1]);
        let sorted = cols[a..b].windows(2).all(|x| x[0] < x[1]);
        if sorted {
            cols.copy_within(a..b, write);
            ws.copy_within(a..b, write);
            write += b - a;
        } else {
            row.clear();
            row.extend(cols[a..b].iter().copied().zip(ws[a..b].iter().copied()));
            row.sort_by_key(|&(c, _)| c);
            let mut k = 0;
            while k < row.len() {
                let (c, mut w) = row[k];
                k += 1;
                while k < row.len() && row[k].0 == c {
                    w = match agg {
                        Aggregation::Sum | Aggregation::Count => w + row[k].1,
                        Aggregation::Max => w.max(row[k].1),
                    };
                    k += 1;
                }
                cols[write] = c;
                ws[write] = w;
                write += 1;
            }
        }
        off.push(write);
    }
    cols.truncate(write);
    ws.truncate(write);
    (off, cols, ws)
}

impl Csr {
    /// Build from edges over nodes `0..n`, merging parallel edges with `agg`.
    ///
    /// For an undirected graph, `(u, v)` and `(v, u)` are the same edge.
    ///
    /// # Panics
    /// If an endpoint is `>= n` or `n > u32::MAX`.
    pub fn from_edges(
        n: usize,
        directed: bool,
        edges: &[(u32, u32, f64)],
        agg: Aggregation,
    ) -> Csr {
        assert!(n <= u32::MAX as usize, "too many nodes for a Csr");
        assert!(
            edges
                .iter()
                .all(|&(u, v, _)| (u as usize) < n && (v as usize) < n),
            "edge endpoint out of range"
        );
        Csr::build(n, directed, edges.iter().copied(), agg)
    }

    /// Build from a stream of edges that can be replayed (`Clone`), without
    /// collecting it: the stream is read three times (a check, the row
    /// counts, the rows), so a generator that recomputes its ties from a seed
    /// goes straight into the snapshot at about 12 bytes per stored arc plus
    /// 24 per node while building. Otherwise as [`Csr::from_edges`].
    ///
    /// ```
    /// use coprod::model::{Aggregation, Csr};
    /// let ring = (0..5u32).map(|i| (i, (i + 1) % 5, 1.0));
    /// let g = Csr::from_edge_iter(5, false, ring, Aggregation::Sum).unwrap();
    /// assert_eq!(g.edge_count(), 5);
    /// assert!(Csr::from_edge_iter(2, false, [(0, 2, 1.0)].into_iter(), Aggregation::Sum).is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`](crate::Error::InvalidParameter) for an
    /// endpoint `>= n` or `n > u32::MAX`.
    pub fn from_edge_iter(
        n: usize,
        directed: bool,
        edges: impl Iterator<Item = (u32, u32, f64)> + Clone,
        agg: Aggregation,
    ) -> crate::Result<Csr> {
        if n > u32::MAX as usize {
            return Err(crate::Error::InvalidParameter {
                name: "n",
                reason: format!("{n} nodes is more than the 2^32 - 1 a snapshot indexes"),
            });
        }
        if let Some((u, v, _)) = edges
            .clone()
            .find(|&(u, v, _)| (u as usize) >= n || (v as usize) >= n)
        {
            return Err(crate::Error::InvalidParameter {
                name: "edges",
                reason: format!("edge ({u}, {v}) has an endpoint outside 0..{n}"),
            });
        }
        Ok(Csr::build(n, directed, edges, agg))
    }

    /// Build from edges already checked to lie in `0..n`.
    fn build(
        n: usize,
        directed: bool,
        edges: impl Iterator<Item = (u32, u32, f64)> + Clone,
        agg: Aggregation,
    ) -> Csr {
        if directed {
            let (out_off, out_adj, out_w) = build_rows(n, edges, agg);
            let mut csr = Csr {
                directed,
                n,
                out_off,
                out_adj,
                out_w,
                in_off: Vec::new(),
                in_adj: Vec::new(),
                in_w: Vec::new(),
                self_loops: false,
            };
            csr.self_loops = csr.find_self_loop();
            // Transpose the merged arcs; rows come out sorted because sources are visited in order.
            let (in_off, in_adj, in_w) =
                build_rows(n, csr.arcs().map(|(u, v, w)| (v, u, w)), Aggregation::Sum);
            csr.in_off = in_off;
            csr.in_adj = in_adj;
            csr.in_w = in_w;
            csr
        } else {
            // Each edge in both rows (a self-loop once); (u,v) and (v,u) meet in
            // the same rows and merge there by `agg`, symmetrically.
            let both = edges.flat_map(|(u, v, w)| {
                [(u, v, w), (v, u, w)]
                    .into_iter()
                    .take(if u == v { 1 } else { 2 })
            });
            let (out_off, out_adj, out_w) = build_rows(n, both, agg);
            let mut csr = Csr {
                directed: false,
                n,
                out_off,
                out_adj,
                out_w,
                in_off: Vec::new(),
                in_adj: Vec::new(),
                in_w: Vec::new(),
                self_loops: false,
            };
            csr.self_loops = csr.find_self_loop();
            csr
        }
    }

    /// Whether some row holds its own node (binary search; rows are sorted).
    fn find_self_loop(&self) -> bool {
        (0..self.n).any(|u| self.out_neighbors(u).binary_search(&(u as u32)).is_ok())
    }

    /// Whether some node has an arc (or edge) to itself; found once when the
    /// snapshot is built, so measures that treat self-loops specially (degree
    /// counts an undirected one twice) can skip looking.
    ///
    /// ```
    /// use coprod::model::{Aggregation, Csr};
    /// assert!(Csr::from_edges(2, false, &[(0, 0, 1.0), (0, 1, 1.0)], Aggregation::Sum).has_self_loops());
    /// assert!(!Csr::from_edges(2, true, &[(0, 1, 1.0)], Aggregation::Sum).has_self_loops());
    /// ```
    pub fn has_self_loops(&self) -> bool {
        self.self_loops
    }

    /// Whether the graph is directed.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of arcs (directed) or edges (undirected), after merging.
    pub fn edge_count(&self) -> usize {
        if self.directed {
            self.out_adj.len()
        } else {
            let loops = (0..self.n)
                .filter(|&u| self.out_neighbors(u).binary_search(&(u as u32)).is_ok())
                .count();
            (self.out_adj.len() + loops) / 2
        }
    }

    /// Out-neighbours of `u` (all neighbours, if undirected), ascending.
    #[inline]
    pub fn out_neighbors(&self, u: usize) -> &[u32] {
        &self.out_adj[self.out_off[u]..self.out_off[u + 1]]
    }

    /// Weights aligned with [`out_neighbors`](Self::out_neighbors).
    #[inline]
    pub fn out_weights(&self, u: usize) -> &[f64] {
        &self.out_w[self.out_off[u]..self.out_off[u + 1]]
    }

    /// In-neighbours of `u` (all neighbours, if undirected), ascending.
    #[inline]
    pub fn in_neighbors(&self, u: usize) -> &[u32] {
        if self.directed {
            &self.in_adj[self.in_off[u]..self.in_off[u + 1]]
        } else {
            self.out_neighbors(u)
        }
    }

    /// Weights aligned with [`in_neighbors`](Self::in_neighbors).
    #[inline]
    pub fn in_weights(&self, u: usize) -> &[f64] {
        if self.directed {
            &self.in_w[self.in_off[u]..self.in_off[u + 1]]
        } else {
            self.out_weights(u)
        }
    }

    /// Out-degree (degree, if undirected; a self-loop counts once).
    #[inline]
    pub fn out_degree(&self, u: usize) -> usize {
        self.out_off[u + 1] - self.out_off[u]
    }

    /// In-degree (degree, if undirected).
    #[inline]
    pub fn in_degree(&self, u: usize) -> usize {
        if self.directed {
            self.in_off[u + 1] - self.in_off[u]
        } else {
            self.out_degree(u)
        }
    }

    /// The weight of the arc `u → v` (edge `{u, v}` if undirected), if present.
    pub fn weight(&self, u: usize, v: usize) -> Option<f64> {
        self.out_neighbors(u)
            .binary_search(&(v as u32))
            .ok()
            .map(|i| self.out_weights(u)[i])
    }

    /// Whether the arc `u → v` (edge `{u, v}`) exists.
    pub fn has_edge(&self, u: usize, v: usize) -> bool {
        self.out_neighbors(u).binary_search(&(v as u32)).is_ok()
    }

    /// Every stored arc `(u, v, w)` in row order; an undirected edge appears twice
    /// (once from each end; a self-loop once).
    pub fn arcs(&self) -> impl Iterator<Item = (u32, u32, f64)> + Clone + '_ {
        (0..self.n).flat_map(move |u| {
            self.out_neighbors(u)
                .iter()
                .zip(self.out_weights(u))
                .map(move |(&v, &w)| (u as u32, v, w))
        })
    }

    /// Every edge once: all arcs if directed, `u <= v` if undirected.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32, f64)> + Clone + '_ {
        let directed = self.directed;
        self.arcs().filter(move |&(u, v, _)| directed || u <= v)
    }

    /// The undirected version: `{u, v}` wherever `u → v` or `v → u`; weights merged by `agg`.
    pub fn to_undirected(&self, agg: Aggregation) -> Csr {
        if !self.directed {
            return self.clone();
        }
        let e: Vec<_> = self.arcs().collect();
        Csr::from_edges(self.n, false, &e, agg)
    }

    /// The subgraph induced by the nodes with `keep[u]`; returns it and, for each
    /// new index, the old one.
    pub fn induced(&self, keep: &[bool]) -> (Csr, Vec<u32>) {
        let mut new_of = vec![u32::MAX; self.n];
        let mut old_of = Vec::new();
        for (u, &k) in keep.iter().enumerate().take(self.n) {
            if k {
                new_of[u] = old_of.len() as u32;
                old_of.push(u as u32);
            }
        }
        let e: Vec<_> = self
            .edges()
            .filter(|&(u, v, _)| new_of[u as usize] != u32::MAX && new_of[v as usize] != u32::MAX)
            .map(|(u, v, w)| (new_of[u as usize], new_of[v as usize], w))
            .collect();
        (
            Csr::from_edges(old_of.len(), self.directed, &e, Aggregation::Sum),
            old_of,
        )
    }

    /// Whether every weight is 1.
    pub fn is_unweighted(&self) -> bool {
        self.out_w.iter().all(|&w| w == 1.0)
    }
}

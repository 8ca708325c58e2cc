//! The pure-Rust layout of a [`Figure`]: levels (or sectors) as horizontal
//! bands from top to bottom, as Graphviz's clusters group them, and inside
//! each band a layered (Sugiyama) drawing.
//!
//! 1. **Rows.** A band's actors are ranked by the longest path over the
//!    figure's ranking ties inside the band (leadership, administrative,
//!    service in a figure of several layers: [`FigureEdge::ranks`]), cycles
//!    broken by a depth-first search in actor order; a row wider than the
//!    figure's row budget is wrapped into several rows of neighbours.
//! 2. **Order.** A tie spanning several rows passes a dummy point in every
//!    row between; rows are ordered by barycentre sweeps down and up (the
//!    ordering with the fewest crossings is kept), then adjacent swaps while
//!    they remove crossings (Gansner et al. 1993, §3).
//! 3. **Coordinates.** Each row is placed in its order with a gap between
//!    boxes, every point as close as it can be to the mean of its neighbours
//!    in the row before (a weighted isotonic regression, solved exactly by
//!    pooling adjacent violators); dummy points weigh more, so long ties run
//!    straight.
//! 4. **Routes.** A tie leaves its source's bottom (or top) edge at a port
//!    spread by where it goes, runs through its dummy points vertically and
//!    meets its target's top (or bottom) edge, with vertical tangents; a tie
//!    inside one row is a straight line between neighbours or an arc above
//!    the row.
//!
//! The row budget is the narrowest of a few widths (260–1,200 pt) whose
//! drawing is at most 2.6 times as tall as wide (a column of a paper is
//! 8.5 cm wide and about 22 cm tall), so that a figure prints as narrow as
//! its ties allow.
//!
//! Gansner, Koutsofios, North & Vo (1993), "A technique for drawing directed
//! graphs", *IEEE TSE* 19(3), 214–230, doi:10.1109/32.221135.

use super::figure::Figure;
use super::text::text_width;

/// Gap between rows (room for the ties), points.
const ROW_GAP: f64 = 30.0;
/// Room above a band's first row for its label, points.
const BAND_LABEL: f64 = 18.0;
/// Gap between two boxes of a row, points.
const NODE_GAP: f64 = 14.0;
/// Margin around the drawing, points.
const MARGIN: f64 = 6.0;

/// A node's box: centre, size, font size and the vertical offset of its text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NodeBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub font: f64,
    /// Where the text's centre sits below the box's centre (a house's roof).
    pub text_dy: f64,
}

/// A band (a level or sector cluster): its label and rectangle.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Band {
    pub label: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A tie's route: the SVG path data, source to target.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Route {
    pub d: String,
}

/// The laid-out figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub nodes: Vec<NodeBox>,
    pub bands: Vec<Band>,
    /// One per edge of the figure (`None`: a self-loop, not drawn).
    pub routes: Vec<Option<Route>>,
    pub width: f64,
    pub height: f64,
    /// Crossings between adjacent rows in the chosen order.
    pub crossings: usize,
}

/// The size of a node's box for its label: `(w, h, text_dy)`.
pub(crate) fn node_size(label: &str, font: f64, shape: &str) -> (f64, f64, f64) {
    let lines = label.lines().count().max(1) as f64;
    let tw = text_width(label, font);
    let th = lines * font * 1.2;
    let (w, h, dy) = match shape {
        "ellipse" => (tw * 1.2 + 14.0, th * 1.35 + 8.0, 0.0),
        "octagon" => {
            let h = th + 10.0;
            (tw + 0.6 * h + 8.0, h, 0.0)
        }
        "hexagon" => {
            let h = th + 10.0;
            (tw + 0.8 * h + 6.0, h, 0.0)
        }
        "parallelogram" => {
            let h = th + 10.0;
            (tw + 0.7 * h + 10.0, h, 0.0)
        }
        "house" => {
            let roof = (th + 8.0) * 0.4;
            (tw + 14.0, th + 8.0 + roof, roof / 2.0)
        }
        _ => (tw + 14.0, th + 10.0, 0.0),
    };
    (w.max(36.0), h.max(22.0), dy)
}

/// A vertex of the rows: an actor, or a dummy point of a long tie.
#[derive(Debug, Clone, Copy)]
struct Vertex {
    row: usize,
    w: f64,
    dummy: bool,
}

/// The rows and the chains of every tie, for one row assignment.
struct Rows {
    verts: Vec<Vertex>,
    rows: Vec<Vec<usize>>,
    /// Segments between adjacent rows: `(upper, lower)`.
    segs: Vec<(usize, usize)>,
    /// Per edge: its vertices from source to target (`[s, t]` when they
    /// share a row or are in adjacent rows).
    chains: Vec<Vec<usize>>,
}

impl Rows {
    fn build(row_of: &[usize], widths: &[f64], nrows: usize, edges: &[(usize, usize)]) -> Rows {
        let mut verts: Vec<Vertex> = row_of
            .iter()
            .zip(widths)
            .map(|(&row, &w)| Vertex {
                row,
                w,
                dummy: false,
            })
            .collect();
        let mut chains = Vec::with_capacity(edges.len());
        let mut segs = Vec::new();
        for &(s, t) in edges {
            let (rs, rt) = (row_of[s], row_of[t]);
            let mut chain = vec![s];
            if rs.abs_diff(rt) > 1 {
                let between: Vec<usize> = if rs < rt {
                    (rs + 1..rt).collect()
                } else {
                    (rt + 1..rs).rev().collect()
                };
                for row in between {
                    verts.push(Vertex {
                        row,
                        w: 0.0,
                        dummy: true,
                    });
                    chain.push(verts.len() - 1);
                }
            }
            chain.push(t);
            if rs != rt {
                for p in chain.windows(2) {
                    let (a, b) = (p[0], p[1]);
                    segs.push(if verts[a].row < verts[b].row {
                        (a, b)
                    } else {
                        (b, a)
                    });
                }
            }
            chains.push(chain);
        }
        let mut rows = vec![Vec::new(); nrows];
        for (v, vx) in verts.iter().enumerate() {
            rows[vx.row].push(v);
        }
        Rows {
            verts,
            rows,
            segs,
            chains,
        }
    }

    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.verts.len()];
        for r in &self.rows {
            for (i, &v) in r.iter().enumerate() {
                pos[v] = i;
            }
        }
        pos
    }

    /// Crossings between adjacent rows.
    fn crossings(&self) -> usize {
        let pos = self.positions();
        let mut by_row: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.rows.len()];
        for &(u, l) in &self.segs {
            by_row[self.verts[u].row].push((pos[u], pos[l]));
        }
        let mut n = 0;
        for segs in &by_row {
            for (i, a) in segs.iter().enumerate() {
                for b in &segs[i + 1..] {
                    if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                        n += 1;
                    }
                }
            }
        }
        n
    }

    /// Neighbours of every vertex in the row above and the row below.
    fn neighbours(&self) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let mut up = vec![Vec::new(); self.verts.len()];
        let mut down = vec![Vec::new(); self.verts.len()];
        for &(u, l) in &self.segs {
            down[u].push(l);
            up[l].push(u);
        }
        (up, down)
    }

    /// Barycentre sweeps, keeping the best order, then adjacent swaps.
    fn order(&mut self) -> usize {
        let (up, down) = self.neighbours();
        let mut best = self.rows.clone();
        let mut best_n = self.crossings();
        for round in 0..16 {
            let pos = self.positions();
            let mut pos: Vec<f64> = pos.iter().map(|&p| p as f64).collect();
            let nrows = self.rows.len();
            let rows: Vec<usize> = if round % 2 == 0 {
                (1..nrows).collect()
            } else {
                (0..nrows.saturating_sub(1)).rev().collect()
            };
            for r in rows {
                let side = if round % 2 == 0 { &up } else { &down };
                let mut keyed: Vec<(f64, usize)> = self.rows[r]
                    .iter()
                    .map(|&v| {
                        let n = &side[v];
                        let key = if n.is_empty() {
                            pos[v]
                        } else {
                            n.iter().map(|&u| pos[u]).sum::<f64>() / n.len() as f64
                        };
                        (key, v)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                self.rows[r] = keyed.iter().map(|&(_, v)| v).collect();
                for (i, &v) in self.rows[r].iter().enumerate() {
                    pos[v] = i as f64;
                }
            }
            let n = self.crossings();
            if n < best_n {
                best_n = n;
                best = self.rows.clone();
            }
        }
        self.rows = best;
        self.transpose(&up, &down);
        self.crossings()
    }

    /// Swap adjacent vertices of a row while that removes crossings.
    fn transpose(&mut self, up: &[Vec<usize>], down: &[Vec<usize>]) {
        let pairs = |a: &[usize], b: &[usize], pos: &[usize]| -> usize {
            let mut n = 0;
            for &x in a {
                for &y in b {
                    if pos[x] > pos[y] {
                        n += 1;
                    }
                }
            }
            n
        };
        for _ in 0..8 {
            let mut improved = false;
            for r in 0..self.rows.len() {
                let mut pos = self.positions();
                for i in 0..self.rows[r].len().saturating_sub(1) {
                    let (v, w) = (self.rows[r][i], self.rows[r][i + 1]);
                    let now = pairs(&up[v], &up[w], &pos) + pairs(&down[v], &down[w], &pos);
                    let swapped = pairs(&up[w], &up[v], &pos) + pairs(&down[w], &down[v], &pos);
                    if swapped < now {
                        self.rows[r].swap(i, i + 1);
                        pos[v] = i + 1;
                        pos[w] = i;
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// The gap to keep between two neighbours of a row, centre to centre.
    fn gap(&self, a: usize, b: usize) -> f64 {
        let (va, vb) = (self.verts[a], self.verts[b]);
        let space = match (va.dummy, vb.dummy) {
            (false, false) => NODE_GAP,
            (true, true) => 5.0,
            _ => 8.0,
        };
        va.w / 2.0 + space + vb.w / 2.0
    }

    /// x of every vertex (see the module's step 3).
    fn place(&self) -> Vec<f64> {
        let (up, down) = self.neighbours();
        let mut x = vec![0.0; self.verts.len()];
        // Each row packed and centred on 0: where a point goes when nothing pulls it.
        let mut packed = vec![0.0; self.verts.len()];
        for r in &self.rows {
            let mut at = 0.0;
            for (i, &v) in r.iter().enumerate() {
                if i > 0 {
                    at += self.gap(r[i - 1], v);
                }
                packed[v] = at;
            }
            for &v in r {
                packed[v] -= at / 2.0;
                x[v] = packed[v];
            }
        }
        let nrows = self.rows.len();
        for round in 0..12 {
            let order: Vec<usize> = if round % 2 == 0 {
                (0..nrows).collect()
            } else {
                (0..nrows).rev().collect()
            };
            for r in order {
                let row = &self.rows[r];
                if row.is_empty() {
                    continue;
                }
                let desired: Vec<(f64, f64)> = row
                    .iter()
                    .map(|&v| {
                        let n: Vec<usize> = if round >= 10 {
                            up[v].iter().chain(&down[v]).copied().collect()
                        } else if round % 2 == 0 {
                            up[v].clone()
                        } else {
                            down[v].clone()
                        };
                        let weight = if self.verts[v].dummy { 4.0 } else { 1.0 };
                        if n.is_empty() {
                            (packed[v], 0.5)
                        } else {
                            let m = n.iter().map(|&u| x[u]).sum::<f64>() / n.len() as f64;
                            // A pull towards the packed row keeps the drawing
                            // from drifting wider than its widest row.
                            (PULL * m + (1.0 - PULL) * packed[v], weight)
                        }
                    })
                    .collect();
                let gaps: Vec<f64> = (0..row.len())
                    .map(|i| {
                        if i == 0 {
                            0.0
                        } else {
                            self.gap(row[i - 1], row[i])
                        }
                    })
                    .collect();
                for (v, xv) in row.iter().zip(isotonic_with_gaps(&desired, &gaps)) {
                    x[*v] = xv;
                }
            }
        }
        x
    }
}

/// How much a point follows its neighbours (against its packed place).
const PULL: f64 = 0.6;

/// Minimise `Σ w_i (x_i − d_i)²` subject to `x_i − x_{i−1} ≥ g_i`:
/// with `S_i = Σ_{j≤i} g_j` and `y_i = x_i − S_i` the constraint is `y`
/// non-decreasing, solved exactly by pooling adjacent violators.
fn isotonic_with_gaps(desired: &[(f64, f64)], gaps: &[f64]) -> Vec<f64> {
    let mut cum = Vec::with_capacity(gaps.len());
    let mut s = 0.0;
    for g in gaps {
        s += g;
        cum.push(s);
    }
    // Blocks of (mean, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for (i, &(d, w)) in desired.iter().enumerate() {
        blocks.push((d - cum[i], w, 1));
        while blocks.len() > 1 {
            let n = blocks.len();
            let (b, a) = (blocks[n - 1], blocks[n - 2]);
            if a.0 <= b.0 {
                break;
            }
            let w = a.1 + b.1;
            blocks[n - 2] = ((a.0 * a.1 + b.0 * b.1) / w, w, a.2 + b.2);
            blocks.pop();
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (mean, _, count) in blocks {
        for _ in 0..count {
            let i = out.len();
            out.push(mean + cum[i]);
        }
    }
    out
}

/// Ranks inside each band by the longest path over the band's ranking ties
/// (back edges of a depth-first search in actor order ignored).
fn ranks_in_bands(fig: &Figure, band: &[usize]) -> Vec<usize> {
    let n = fig.nodes.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in &fig.edges {
        if e.ranks && e.source != e.target && band[e.source] == band[e.target] {
            out[e.source].push(e.target);
        }
    }
    // Depth-first search: keep only tree, forward and cross edges (an acyclic subgraph).
    let mut state = vec![0u8; n];
    let mut keep: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if *k < out[v].len() {
                let w = out[v][*k];
                *k += 1;
                match state[w] {
                    0 => {
                        keep.push((v, w));
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => {} // a back edge closes a cycle
                    _ => keep.push((v, w)),
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    let mut rank = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(s, t) in &keep {
            if rank[t] < rank[s] + 1 {
                rank[t] = rank[s] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    rank
}

/// Lay `fig` out (see the module's steps).
pub(crate) fn layout(fig: &Figure) -> Layout {
    let n = fig.nodes.len();
    let sizes: Vec<(f64, f64, f64, f64)> = fig
        .nodes
        .iter()
        .map(|nd| {
            let font = ((10.0 + 4.0 * nd.scale.unwrap_or(0.0)) * 10.0).round() / 10.0;
            let (w, h, dy) = node_size(&nd.label, font, nd.style.shape);
            (w, h, dy, font)
        })
        .collect();
    let none_band = fig.clusters.len();
    let band: Vec<usize> = fig
        .nodes
        .iter()
        .map(|nd| nd.cluster.unwrap_or(none_band))
        .collect();
    let rank = ranks_in_bands(fig, &band);
    let edges: Vec<(usize, usize)> = fig
        .edges
        .iter()
        .filter(|e| e.source != e.target)
        .map(|e| (e.source, e.target))
        .collect();
    let widths: Vec<f64> = sizes.iter().map(|s| s.0).collect();
    let widest = widths.iter().copied().fold(0.0, f64::max);
    let mut best: Option<Layout> = None;
    for budget in [260.0f64, 320.0, 400.0, 500.0, 650.0, 850.0, 1200.0] {
        let l = layout_with(fig, &sizes, &band, &rank, &edges, budget.max(widest));
        let fits = l.height <= 2.6 * l.width;
        best = Some(l);
        if fits || n == 0 {
            break;
        }
    }
    best.expect("at least one budget")
}

fn layout_with(
    fig: &Figure,
    sizes: &[(f64, f64, f64, f64)],
    band: &[usize],
    rank: &[usize],
    edges: &[(usize, usize)],
    budget: f64,
) -> Layout {
    let n = fig.nodes.len();
    let widths: Vec<f64> = sizes.iter().map(|s| s.0).collect();
    // Unwrapped rows: (band, rank) in order.
    let mut keys: Vec<(usize, usize)> = (0..n).map(|i| (band[i], rank[i])).collect();
    keys.sort();
    keys.dedup();
    let row_of: Vec<usize> = (0..n)
        .map(|i| keys.binary_search(&(band[i], rank[i])).expect("a key"))
        .collect();
    let mut first = Rows::build(&row_of, &widths, keys.len(), edges);
    first.order();
    // Wrap each row into rows within the budget, neighbours in order together.
    let mut wrapped: Vec<(usize, Vec<usize>)> = Vec::new();
    for (r, row) in first.rows.iter().enumerate() {
        let reals: Vec<usize> = row.iter().copied().filter(|&v| v < n).collect();
        let total: f64 =
            reals.iter().map(|&v| widths[v]).sum::<f64>() + NODE_GAP * reals.len() as f64;
        let pieces = (total / budget).ceil().max(1.0) as usize;
        let per = reals.len().div_ceil(pieces).max(1);
        for chunk in reals.chunks(per) {
            wrapped.push((keys[r].0, chunk.to_vec()));
        }
    }
    let mut row_of = vec![0usize; n];
    for (r, (_, chunk)) in wrapped.iter().enumerate() {
        for &v in chunk {
            row_of[v] = r;
        }
    }
    let mut rows = Rows::build(&row_of, &widths, wrapped.len(), edges);
    // Start from the first ordering.
    for (r, (_, chunk)) in wrapped.iter().enumerate() {
        let dummies: Vec<usize> = rows.rows[r].iter().copied().filter(|&v| v >= n).collect();
        rows.rows[r] = chunk.iter().copied().chain(dummies).collect();
    }
    let crossings = rows.order();
    let mut x = rows.place();
    let min_left = rows
        .verts
        .iter()
        .zip(&x)
        .map(|(v, x)| x - v.w / 2.0)
        .fold(f64::INFINITY, f64::min);
    let pad = 8.0;
    let shift = if min_left.is_finite() {
        MARGIN + pad - min_left
    } else {
        0.0
    };
    for xv in &mut x {
        *xv += shift;
    }
    let right = rows
        .verts
        .iter()
        .zip(&x)
        .map(|(v, x)| x + v.w / 2.0)
        .fold(0.0, f64::max);
    let band_w = (right + pad) - MARGIN;
    // y: bands top to bottom, rows inside.
    let mut row_y = vec![0.0; wrapped.len()];
    let mut row_h = vec![0.0; wrapped.len()];
    let mut bands = Vec::new();
    let mut y = MARGIN;
    let mut r = 0;
    while r < wrapped.len() {
        let b = wrapped[r].0;
        let top = y;
        let label = fig.clusters.get(b).cloned().unwrap_or_default();
        y += if label.is_empty() { 8.0 } else { BAND_LABEL };
        while r < wrapped.len() && wrapped[r].0 == b {
            let h = wrapped[r]
                .1
                .iter()
                .map(|&v| sizes[v].1)
                .fold(10.0, f64::max);
            row_h[r] = h;
            row_y[r] = y + h / 2.0;
            y += h + ROW_GAP;
            r += 1;
        }
        y -= ROW_GAP - 8.0;
        bands.push(Band {
            label,
            x: MARGIN,
            y: top,
            w: band_w,
            h: y - top,
        });
        y += ROW_GAP * 0.6;
    }
    let height = y - ROW_GAP * 0.6 + MARGIN;
    let nodes: Vec<NodeBox> = (0..n)
        .map(|i| NodeBox {
            x: x[i],
            y: row_y[row_of[i]],
            w: sizes[i].0,
            h: sizes[i].1,
            font: sizes[i].3,
            text_dy: sizes[i].2,
        })
        .collect();
    let routes = routes(fig, &rows, &nodes, &x, &row_y, &row_h);
    Layout {
        nodes,
        bands,
        routes,
        width: band_w + 2.0 * MARGIN,
        height,
        crossings,
    }
}

/// The routes of every edge of the figure (see the module's step 4).
fn routes(
    fig: &Figure,
    rows: &Rows,
    nodes: &[NodeBox],
    x: &[f64],
    row_y: &[f64],
    row_h: &[f64],
) -> Vec<Option<Route>> {
    let n = nodes.len();
    // Ports: per node and side (0 top, 1 bottom), the chains leaving there, by where they go.
    let mut ports: Vec<[Vec<(f64, usize)>; 2]> = vec![[Vec::new(), Vec::new()]; n];
    let chain_of: Vec<Option<usize>> = {
        let mut k = 0;
        fig.edges
            .iter()
            .map(|e| {
                if e.source == e.target {
                    None
                } else {
                    k += 1;
                    Some(k - 1)
                }
            })
            .collect()
    };
    for (k, chain) in rows.chains.iter().enumerate() {
        let (s, t) = (chain[0], chain[chain.len() - 1]);
        if rows.verts[s].row == rows.verts[t].row {
            continue;
        }
        let down = rows.verts[s].row < rows.verts[t].row;
        let next = chain[1];
        let prev = chain[chain.len() - 2];
        ports[s][usize::from(down)].push((x[next], k));
        ports[t][usize::from(!down)].push((x[prev], k));
    }
    let mut port_x: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (v, sides) in ports.iter_mut().enumerate() {
        for side in sides.iter_mut() {
            side.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let m = side.len();
            let spread = (nodes[v].w * 0.5 / m.max(1) as f64).min(7.0);
            for (i, &(_, k)) in side.iter().enumerate() {
                let off = (i as f64 - (m as f64 - 1.0) / 2.0) * spread;
                port_x[v].push((k, nodes[v].x + off));
            }
        }
    }
    let port = |v: usize, k: usize| -> f64 {
        // The first port of chain k at v that is not yet used is the source's when s == v.
        port_x[v]
            .iter()
            .find(|(c, _)| *c == k)
            .map_or(nodes[v].x, |p| p.1)
    };
    let mut out = Vec::with_capacity(fig.edges.len());
    for (e, ch) in fig.edges.iter().zip(&chain_of) {
        let Some(k) = *ch else {
            out.push(None);
            continue;
        };
        let chain = &rows.chains[k];
        let (s, t) = (e.source, e.target);
        let (rs, rt) = (rows.verts[s].row, rows.verts[t].row);
        let d = if rs == rt {
            same_row(rows, &nodes[s], &nodes[t], s, t)
        } else {
            let down = rs < rt;
            let sign = if down { 1.0 } else { -1.0 };
            let start = (port(s, k), nodes[s].y + sign * nodes[s].h / 2.0);
            let end = (
                port_x[t]
                    .iter()
                    .rev()
                    .find(|(c, _)| *c == k)
                    .map_or(nodes[t].x, |p| p.1),
                nodes[t].y - sign * nodes[t].h / 2.0,
            );
            let mut pts = vec![start];
            for &v in &chain[1..chain.len() - 1] {
                let r = rows.verts[v].row;
                let half = row_h[r] / 2.0;
                pts.push((x[v], row_y[r] - sign * half));
                pts.push((x[v], row_y[r] + sign * half));
            }
            pts.push(end);
            let mut d = format!("M {:.1} {:.1}", pts[0].0, pts[0].1);
            for (i, q) in pts.iter().enumerate().skip(1) {
                let p = pts[i - 1];
                if i % 2 == 0 {
                    // Through a dummy's row: straight down (or up).
                    d.push_str(&format!(" L {:.1} {:.1}", q.0, q.1));
                } else {
                    let dy = (q.1 - p.1) / 2.0;
                    d.push_str(&format!(
                        " C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
                        p.0,
                        p.1 + dy,
                        q.0,
                        q.1 - dy,
                        q.0,
                        q.1
                    ));
                }
            }
            d
        };
        out.push(Some(Route { d }));
    }
    out
}

/// A tie between two actors of one row: a straight line between neighbours,
/// else an arc above the row.
fn same_row(rows: &Rows, a: &NodeBox, b: &NodeBox, s: usize, t: usize) -> String {
    let row = &rows.rows[rows.verts[s].row];
    let (ps, pt) = (
        row.iter().position(|&v| v == s).unwrap_or(0),
        row.iter().position(|&v| v == t).unwrap_or(0),
    );
    let between_real = row[ps.min(pt) + 1..ps.max(pt)]
        .iter()
        .any(|&v| !rows.verts[v].dummy);
    if !between_real {
        let dir = if a.x < b.x { 1.0 } else { -1.0 };
        return format!(
            "M {:.1} {:.1} L {:.1} {:.1}",
            a.x + dir * a.w / 2.0,
            a.y,
            b.x - dir * b.w / 2.0,
            b.y
        );
    }
    let (ya, yb) = (a.y - a.h / 2.0, b.y - b.h / 2.0);
    let lift = ROW_GAP * 0.9;
    format!(
        "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
        a.x,
        ya,
        a.x,
        ya - lift,
        b.x,
        yb - lift,
        b.x,
        yb
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isotonic_keeps_order_and_gaps_and_meets_free_targets() {
        // Free targets are met exactly.
        let x = isotonic_with_gaps(&[(0.0, 1.0), (50.0, 1.0)], &[0.0, 20.0]);
        assert_eq!(x, vec![0.0, 50.0]);
        // Two boxes wanting the same x split it: mean 10, gap 20 -> 0 and 20.
        let x = isotonic_with_gaps(&[(10.0, 1.0), (10.0, 1.0)], &[0.0, 20.0]);
        assert_eq!(x, vec![0.0, 20.0]);
        // A heavier point moves less: minimise (x − 10)² + 3 (x + 20 − 10)²,
        // 8x + 40 = 0, x = −5 -> −5 and 15.
        let x = isotonic_with_gaps(&[(10.0, 1.0), (10.0, 3.0)], &[0.0, 20.0]);
        assert_eq!(x, vec![-5.0, 15.0]);
    }
}

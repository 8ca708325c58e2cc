//! The Gould–Fernandez null model of `sna::brokerage`: expected role counts and
//! their standard deviations under independent arcs of equal probability.
//!
//! With `N` nodes, `m` arcs, `d = m / (N (N − 1))`, group sizes `n_g`,
//! `q = d²(1 − d)`, `r3 = d³(1 − d)³`, `r4 = d⁴(1 − d)²`, `r5 = d⁵(1 − d)`, the
//! graph-level moments are (as coded in `sna` 2.7):
//!
//! ```text
//! E[w_I]  = q Σ_g n(n−1)(n−2)
//! V[w_I]  = E(1−q) + Σ_g n(n−1)(n−2) [(4n−10) r3 − 4(n−3) r4 + (n−3) r5]
//! E[w_O]  = q Σ_g n(N−n)(n−1)
//! V[w_O]  = E(1−q) + Σ_x Σ_y x y (x−1) [(2x+2y−6) r3 + (N−x−1) r5]
//!                  − Σ_x x² (x−1) [(4x−6) r3 + (N−x−1) r5]
//! E[b_IO] = E[b_OI] = q Σ_g n(N−n)(n−1)
//! V[b_IO] = V[b_OI] = E(1−q) + Σ_g n(N−n)(n−1) [(N−3) r3 + (n−2) r5]
//! E[b_O]  = q [Σ_x Σ_y x y (N−x−y) − Σ_x x² (N−2x)]
//! V[b_O]  = E(1−q) + Σ_{g,h,l distinct} n_g n_h n_l
//!             [(4(N−n_h) − 2(n_g+n_l+1)) r3 − (4(N−n_l) − 2(n_g+n_h+1)) r4
//!              + (N − n_g − n_l − 1) r5]
//! E[t]    = q N(N−1)(N−2)
//! V[t]    = E(1−q) + N(N−1)(N−2) [(4N−10) r3 − 4(N−3) r4 + (N−3) r5]
//! ```
//!
//! (x, y, g, h, l range over the groups; `Σ_x Σ_y` includes `x = y`.) The
//! double and triple sums are expanded into power sums `S_p = Σ_g n_g^p`, so
//! the statistics cost `O(k)` for `k` groups instead of `O(k³)`: over ordered
//! triples of distinct groups, `Σ n_g n_h n_l = T0` and `Σ n_g² n_h n_l = T1`
//! (the same whichever position carries the square), with
//! `T0 = Σ_g n_g B_g`, `T1 = Σ_g n_g² B_g`, `B_g = (S1 − n_g)² − (S2 − n_g²)`,
//! so the `b_O` correction is `(r3 − r4)[(4N−2) T0 − 8 T1] + r5 [(N−1) T0 − 2 T1]`.

use super::roles::RoleRow;

/// Group sizes indexed by group number (groups without members have size 0).
pub(crate) fn group_sizes(groups: &[u32]) -> Vec<f64> {
    let k = groups.iter().map(|&g| g as usize + 1).max().unwrap_or(0);
    let mut sizes = vec![0.0; k];
    for &g in groups {
        sizes[g as usize] += 1.0;
    }
    sizes
}

/// Pre-computed power sums of the group sizes and the density terms.
pub(crate) struct NullModel {
    n: f64,
    q: f64,
    r3: f64,
    r4: f64,
    r5: f64,
    s2: f64,
    s3: f64,
    sizes: Vec<f64>,
}

fn choose2(x: f64) -> f64 {
    x * (x - 1.0) / 2.0
}

impl NullModel {
    /// `nodes` N, `arcs` m (self-loops included), sizes of the groups.
    pub(crate) fn new(nodes: usize, arcs: usize, sizes: &[f64]) -> NullModel {
        let n = nodes as f64;
        let d = arcs as f64 / (n * (n - 1.0));
        let e = 1.0 - d;
        let sizes: Vec<f64> = sizes.iter().copied().filter(|&s| s > 0.0).collect();
        NullModel {
            n,
            q: d * d * e,
            r3: d.powi(3) * e.powi(3),
            r4: d.powi(4) * e.powi(2),
            r5: d.powi(5) * e,
            s2: sizes.iter().map(|x| x * x).sum(),
            s3: sizes.iter().map(|x| x * x * x).sum(),
            sizes,
        }
    }

    /// Expected values and standard deviations of an actor in a group of size `a`.
    pub(crate) fn actor(&self, a: f64) -> (RoleRow, RoleRow) {
        let (n, q, r3) = (self.n, self.q, self.r3);
        // Power sums over the other groups.
        let o1 = n - a;
        let o2 = self.s2 - a * a;
        let o3 = self.s3 - a * a * a;
        let mut e = [0.0; 6];
        let mut v = [0.0; 6];
        e[0] = q * (a - 1.0) * (a - 2.0);
        v[0] = e[0] * (1.0 - q) + 2.0 * (a - 1.0) * (a - 2.0) * (a - 3.0) * r3;
        // Σ b(b−1) and Σ b(b−1)(b−2) over the other groups.
        let pairs = o2 - o1;
        let triples = o3 - 3.0 * o2 + 2.0 * o1;
        e[1] = q * pairs;
        v[1] = e[1] * (1.0 - q) + 2.0 * triples * r3;
        e[2] = q * (n - a) * (a - 1.0);
        v[2] =
            e[2] * (1.0 - q) + 2.0 * ((a - 1.0) * choose2(n - a) + (n - a) * choose2(a - 1.0)) * r3;
        e[3] = e[2];
        v[3] = v[2];
        e[4] = q * (o1 * o1 - o2);
        // Σ_h b C(c − b, 2) with c = N − a, expanded in power sums.
        let c = n - a;
        let liaison = 0.5 * (c * c * o1 - 2.0 * c * o2 + o3 - c * o1 + o2);
        v[4] = e[4] * (1.0 - q) + 4.0 * liaison * r3;
        e[5] = q * (n - 1.0) * (n - 2.0);
        v[5] = e[5] * (1.0 - q) + 2.0 * (n - 1.0) * (n - 2.0) * (n - 3.0) * r3;
        (e, v.map(f64::sqrt))
    }

    /// Graph-level expected values and standard deviations.
    pub(crate) fn graph(&self) -> (RoleRow, RoleRow) {
        let (n, q, r3, r4, r5) = (self.n, self.q, self.r3, self.r4, self.r5);
        let s1 = n;
        let s2 = self.s2;
        let mut e = [0.0; 6];
        let mut v = [0.0; 6];
        let mut e0 = 0.0;
        let mut v0 = 0.0;
        let mut cross = 0.0; // Σ n(N−n)(n−1)
        let mut v1 = 0.0;
        let mut v2 = 0.0;
        let mut e4 = 0.0;
        let (mut t0, mut t1) = (0.0, 0.0);
        for &x in &self.sizes {
            let tri = x * (x - 1.0) * (x - 2.0);
            e0 += tri;
            v0 += tri * ((4.0 * x - 10.0) * r3 - 4.0 * (x - 3.0) * r4 + (x - 3.0) * r5);
            let c = x * (n - x) * (x - 1.0);
            cross += c;
            // Σ_y x y (x−1)[(2x+2y−6) r3 + (N−x−1) r5] minus the y = x diagonal.
            let xx = x * (x - 1.0);
            v1 += xx * ((2.0 * x - 6.0) * s1 * r3 + 2.0 * s2 * r3 + (n - x - 1.0) * s1 * r5)
                - x * xx * ((4.0 * x - 6.0) * r3 + (n - x - 1.0) * r5);
            v2 += c * ((n - 3.0) * r3 + (x - 2.0) * r5);
            e4 += x * ((n - x) * s1 - s2) - x * x * (n - 2.0 * x);
            let b = (s1 - x) * (s1 - x) - (s2 - x * x);
            t0 += x * b;
            t1 += x * x * b;
        }
        e[0] = q * e0;
        v[0] = e[0] * (1.0 - q) + v0;
        e[1] = q * cross;
        v[1] = e[1] * (1.0 - q) + v1;
        e[2] = q * cross;
        v[2] = e[2] * (1.0 - q) + v2;
        e[3] = e[2];
        v[3] = v[2];
        e[4] = q * e4;
        v[4] = e[4] * (1.0 - q)
            + (r3 - r4) * ((4.0 * n - 2.0) * t0 - 8.0 * t1)
            + r5 * ((n - 1.0) * t0 - 2.0 * t1);
        let nnn = n * (n - 1.0) * (n - 2.0);
        e[5] = q * nnn;
        v[5] = e[5] * (1.0 - q)
            + nnn * ((4.0 * n - 10.0) * r3 - 4.0 * (n - 3.0) * r4 + (n - 3.0) * r5);
        (e, v.map(f64::sqrt))
    }
}

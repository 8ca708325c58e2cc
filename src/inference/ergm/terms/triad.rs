//! Closure terms: triangles and geometrically weighted shared partners.
//!
//! ```text
//! triangle     undirected: Σ_{i<j<k} y_ij y_jk y_ik
//!              directed:   Σ_{i,j,k} y_ij y_jk y_ik  +  (1/3) Σ_{i,j,k} y_ij y_jk y_ki
//!                          (statnet: ttriple + ctriple)
//! gwesp(α)     e^α Σ_{ties i→j} (1 − r^{sp_ij})            r = 1 − e^−α
//! gwdsp(α)     e^α Σ_{dyads i,j} (1 − r^{sp_ij})
//! ```
//!
//! sp_ij counts the shared partners k ∉ {i, j} of the dyad, by type (statnet's
//! `dgwesp` / `dgwdsp` `type`):
//!
//! ```text
//! UTP (undirected)   y_ik y_jk
//! OTP                y_ik y_kj      (i → k → j; the default on directed networks)
//! ITP                y_jk y_ki      (j → k → i)
//! OSP                y_ik y_jk      (i → k ← j)
//! ISP                y_ki y_kj      (i ← k → j)
//! ```
//!
//! gwesp sums over ties (an undirected tie once), gwdsp over dyads (unordered
//! when undirected, ordered when directed). Adding the tie i → j gives it its
//! own term e^α (1 − r^{sp_ij}) (gwesp only) and one more shared partner to
//! each tie (dyad) it closes a two-path with; one more partner adds
//! e^α (r^s − r^{s+1}) = r^s. Shared partners are intersections of sorted
//! neighbour lists ([`Network`]), so a change statistic costs
//! O(Σ_{k ∈ N(i) ∪ N(j)} (d_k + d_i + d_j)) (O(d_i + d_j) for triangle),
//! whatever n; the statistics from scratch O(m · d) (gwdsp: O(Σ_k d_k²)),
//! d a degree and m the number of ties.
//! statnet names: `triangle`, `gwesp.fixed.0.5` (undirected), `gwesp.OTP.fixed.0.5`
//! (`gwesp` or `dgwesp` on a directed network), `gwdsp.fixed.0.5`, `gwdsp.OTP.fixed.0.5`.
//! statnet's `cutoff` (30 shared partners) only matters for the curved
//! variant; here sp is never cut.

use super::super::formula::{Bound, Value};
use super::super::network::{ErgmData, Network, common_count, for_union};
use super::degree::{fixed_decay, gw_weight};
use super::dyadic::unsupported;
use super::{Term, r_number};
use crate::error::Result;

/// The type of shared partner of a dyad (statnet's `type` of `dgwesp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpType {
    /// Undirected: k adjacent to both.
    Utp,
    /// Outgoing two-path i → k → j.
    Otp,
    /// Incoming two-path j → k → i.
    Itp,
    /// Outgoing shared partner i → k ← j.
    Osp,
    /// Incoming shared partner i ← k → j.
    Isp,
}

impl SpType {
    fn label(self) -> &'static str {
        match self {
            SpType::Utp => "UTP",
            SpType::Otp => "OTP",
            SpType::Itp => "ITP",
            SpType::Osp => "OSP",
            SpType::Isp => "ISP",
        }
    }
}

/// sp_ij of a type: the intersection of two neighbour lists, by lookups
/// in the bit matrix when the network keeps one (O(min(d_i, d_j))), else a
/// merge (O(d_i + d_j)). A list never holds its own node, so k ∉ {i, j}.
#[inline]
fn sp(net: &Network, t: SpType, i: usize, j: usize) -> usize {
    let (o, n) = (|x| net.out_neighbours(x), |x| net.in_neighbours(x));
    match t {
        SpType::Utp | SpType::Osp => net.common_out(i, j),
        // x ∈ out(i) ∩ in(j): i → x and x → j.
        SpType::Otp => net.common_by(o(i), n(j), |x| (x, j), |x| (i, x)),
        // x ∈ out(j) ∩ in(i): j → x and x → i.
        SpType::Itp => net.common_by(o(j), n(i), |x| (x, i), |x| (j, x)),
        // x ∈ in(i) ∩ in(j): x → i and x → j.
        SpType::Isp => net.common_by(n(i), n(j), |x| (x, j), |x| (x, i)),
    }
}

/// The dyads (a, b) that gain one shared partner of type `t` when the tie
/// i → j (absent) is added; calls `f(a, b)` once for each, by ascending
/// partner k (the order of the definition's scan over k, so that sums over
/// the calls are the same floating-point numbers). O(d_i + d_j): only the
/// neighbours of i and j can be such partners.
fn gaining(net: &Network, t: SpType, i: usize, j: usize, mut f: impl FnMut(usize, usize)) {
    let skip = |k: usize| k == i || k == j;
    match t {
        // (i, k) gains j when k ~ j; (j, k) gains i when k ~ i.
        SpType::Utp => for_union(net.out_neighbours(j), net.out_neighbours(i), |k, jk, ik| {
            if !skip(k) {
                if jk {
                    f(i, k);
                }
                if ik {
                    f(j, k);
                }
            }
        }),
        // a → b via a → k → b: (i, k) gains j when j → k; (k, j) gains i when k → i.
        SpType::Otp => for_union(net.out_neighbours(j), net.in_neighbours(i), |k, jk, ki| {
            if !skip(k) {
                if jk {
                    f(i, k);
                }
                if ki {
                    f(k, j);
                }
            }
        }),
        // a → b via b → k → a: (k, i) gains j when j → k; (j, k) gains i when k → i.
        SpType::Itp => for_union(net.out_neighbours(j), net.in_neighbours(i), |k, jk, ki| {
            if !skip(k) {
                if jk {
                    f(k, i);
                }
                if ki {
                    f(j, k);
                }
            }
        }),
        // a → k ← b: (i, k) and (k, i) gain j when k → j.
        SpType::Osp => {
            for &k in net.in_neighbours(j) {
                let k = k as usize;
                if !skip(k) {
                    f(i, k);
                    f(k, i);
                }
            }
        }
        // k → a, k → b: (j, k) and (k, j) gain i when i → k.
        SpType::Isp => {
            for &k in net.out_neighbours(i) {
                let k = k as usize;
                if !skip(k) {
                    f(j, k);
                    f(k, j);
                }
            }
        }
    }
}

#[derive(Debug)]
struct Triangle;
impl Term for Triangle {
    fn names(&self) -> Vec<String> {
        vec!["triangle".into()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        // Counts of partners k ∉ {i, j} (integers: exact in any order).
        let (o, n) = (|x| net.out_neighbours(x), |x| net.in_neighbours(x));
        let c = if net.is_directed() {
            // ttriple: i→j as (a→b, b→c, a→c) in each of its three roles; ctriple: j→k→i.
            common_count(o(j), o(i))
                + common_count(n(i), n(j))
                + common_count(o(i), n(j))
                + common_count(o(j), n(i))
        } else {
            net.common_out(i, j)
        };
        out[0] += c as f64;
    }
    fn change_with_tie(&self) -> bool {
        // Partners k ∉ {i, j}: no list intersected holds the tie i → j.
        true
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        // Every triangle through its ties: a ttriple once per tie a→b with
        // a→c and b→c, a cycle three times, an undirected triangle three times.
        let (mut t, mut cyc) = (0usize, 0usize);
        for (a, b) in net.edges() {
            t += common_count(net.out_neighbours(a), net.out_neighbours(b));
            if net.is_directed() {
                cyc += common_count(net.out_neighbours(b), net.in_neighbours(a));
            }
        }
        out[0] = if net.is_directed() {
            t as f64 + (cyc / 3) as f64
        } else {
            (t / 3) as f64
        };
    }
    fn dyad_independent(&self) -> bool {
        false
    }
}

pub(super) fn triangle(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    unsupported(b, &["attr", "diff", "levels"])?;
    Ok(Box::new(Triangle))
}

/// Shared-partner counts below this have their weight and power tabulated.
const TABLE: usize = 128;

/// Geometrically weighted edgewise (`edgewise`) or dyadwise shared partners.
#[derive(Debug)]
struct GwSp {
    decay: f64,
    r: f64,
    /// `weight[s]` = w(s) = e^α (1 − r^s) for s < [`TABLE`] (the same
    /// function values [`gw_weight`] returns).
    weight: Vec<f64>,
    /// `power[s]` = r^s for s < [`TABLE`] (`powi`, as computed otherwise).
    power: Vec<f64>,
    t: SpType,
    edgewise: bool,
    name: String,
}

impl GwSp {
    /// w(s) = e^α (1 − r^s).
    #[inline]
    fn weight(&self, s: usize) -> f64 {
        match self.weight.get(s) {
            Some(&w) => w,
            None => gw_weight(self.decay, s),
        }
    }

    /// r^s.
    #[inline]
    fn power(&self, s: usize) -> f64 {
        match self.power.get(s) {
            Some(&p) => p,
            None => self.r.powi(s as i32),
        }
    }
}

impl Term for GwSp {
    fn names(&self) -> Vec<String> {
        vec![self.name.clone()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        // With the tie i → j present (a removal the sampler weighs without
        // toggling), each dyad it gives a partner already counts that
        // partner: its count without the tie is sp − 1. sp_ij itself never
        // counts i or j, so it is the same with the tie or without.
        let off = usize::from(net.has(i, j));
        let mut c = 0.0;
        if self.edgewise && self.t == SpType::Utp {
            // The ties (i, k) and (j, k) gain a partner for every common
            // neighbour k of i and j (ascending k, (i, k) before (j, k): the
            // order of `gaining`, so the same floating-point sum).
            c += self.weight(net.common_out(i, j));
            net.for_common_out(i, j, |k| {
                c += self.power(net.common_out(i, k) - off);
                c += self.power(net.common_out(j, k) - off);
            });
            out[0] += c;
            return;
        }
        if self.edgewise {
            c += self.weight(sp(net, self.t, i, j));
        }
        gaining(net, self.t, i, j, |a, b| {
            if !self.edgewise || net.has(a, b) {
                c += self.power(sp(net, self.t, a, b) - off);
            }
        });
        out[0] += c;
    }
    fn change_with_tie(&self) -> bool {
        true
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        // Σ over ties (gwesp) or over dyads with a shared partner (gwdsp: a
        // dyad without one weighs w(0) = 0), ascending. O(m · d) and
        // O(Σ_k d_k²) for gwdsp's two-paths.
        let mut s = 0.0;
        if self.edgewise {
            for (a, b) in net.edges() {
                s += gw_weight(self.decay, sp(net, self.t, a, b));
            }
        } else {
            let n = net.n();
            let mut count = vec![0usize; n];
            let mut touched = Vec::new();
            for a in 0..n {
                // sp_ab by the two-paths from a through its partners k (the
                // type's definition read from a's side).
                let first = match self.t {
                    SpType::Utp | SpType::Otp | SpType::Osp => net.out_neighbours(a),
                    SpType::Itp | SpType::Isp => net.in_neighbours(a),
                };
                for &k in first {
                    let second = match self.t {
                        SpType::Utp | SpType::Otp | SpType::Isp => net.out_neighbours(k as usize),
                        SpType::Itp | SpType::Osp => net.in_neighbours(k as usize),
                    };
                    for &b in second {
                        let b = b as usize;
                        if b == a || (!net.is_directed() && b < a) {
                            continue;
                        }
                        if count[b] == 0 {
                            touched.push(b);
                        }
                        count[b] += 1;
                    }
                }
                touched.sort_unstable();
                for &b in &touched {
                    s += gw_weight(self.decay, count[b]);
                    count[b] = 0;
                }
                touched.clear();
            }
        }
        out[0] = s;
    }
    fn dyad_independent(&self) -> bool {
        false
    }
}

fn gwsp(
    b: &Bound<'_>,
    data: &ErgmData,
    edgewise: bool,
    explicit_type: bool,
) -> Result<Box<dyn Term>> {
    unsupported(b, &["cutoff"])?;
    let decay = fixed_decay(b)?;
    let directed = data.network.is_directed();
    let t = match (b.get("type"), directed) {
        (_, false) => SpType::Utp,
        (None, true) => SpType::Otp,
        (Some(Value::Str(s)), true) => match s.to_ascii_uppercase().as_str() {
            "OTP" => SpType::Otp,
            "ITP" => SpType::Itp,
            "OSP" => SpType::Osp,
            "ISP" => SpType::Isp,
            other => {
                return Err(b.bad(
                    "type",
                    format!("\"{other}\" is not one of OTP, ITP, OSP, ISP"),
                ));
            }
        },
        (Some(v), true) => {
            return Err(b.bad(
                "type",
                format!(
                    "expected \"OTP\", \"ITP\", \"OSP\" or \"ISP\", found {}",
                    v.describe()
                ),
            ));
        }
    };
    if !edgewise && !matches!(t, SpType::Utp | SpType::Otp) {
        return Err(b.bad("type", "gwdsp supports OTP only on a directed network"));
    }
    let base = if edgewise { "gwesp" } else { "gwdsp" };
    // statnet 4 names every directed shared-partner term by its type.
    let _ = explicit_type;
    let name = if directed {
        format!("{base}.{}.fixed.{}", t.label(), r_number(decay))
    } else {
        format!("{base}.fixed.{}", r_number(decay))
    };
    let r = 1.0 - (-decay).exp();
    Ok(Box::new(GwSp {
        decay,
        r,
        weight: (0..TABLE).map(|s| gw_weight(decay, s)).collect(),
        power: (0..TABLE).map(|s| r.powi(s as i32)).collect(),
        t,
        edgewise,
        name,
    }))
}

pub(super) fn gwesp(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    gwsp(b, d, true, false)
}
pub(super) fn dgwesp(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    gwsp(b, d, true, true)
}
pub(super) fn gwdsp(b: &Bound<'_>, d: &ErgmData) -> Result<Box<dyn Term>> {
    gwsp(b, d, false, false)
}

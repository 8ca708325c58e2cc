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
//! e^α (r^s − r^{s+1}) = r^s. Cost: O(n²) per change statistic (O(n) for
//! triangle); the statistics from scratch O(n³).
//! statnet names: `triangle`, `gwesp.fixed.0.5` (undirected), `gwesp.OTP.fixed.0.5`
//! (`gwesp` or `dgwesp` on a directed network), `gwdsp.fixed.0.5`, `gwdsp.OTP.fixed.0.5`.
//! statnet's `cutoff` (30 shared partners) only matters for the curved
//! variant; here sp is never cut.

use super::super::formula::{Bound, Value};
use super::super::network::{ErgmData, Network};
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

    /// Whether k is a shared partner of (i, j) of this type.
    #[inline]
    fn partner(self, net: &Network, i: usize, j: usize, k: usize) -> bool {
        match self {
            SpType::Utp | SpType::Osp => net.has(i, k) && net.has(j, k),
            SpType::Otp => net.has(i, k) && net.has(k, j),
            SpType::Itp => net.has(j, k) && net.has(k, i),
            SpType::Isp => net.has(k, i) && net.has(k, j),
        }
    }
}

/// sp_ij of a type.
fn sp(net: &Network, t: SpType, i: usize, j: usize) -> usize {
    (0..net.n())
        .filter(|&k| k != i && k != j && t.partner(net, i, j, k))
        .count()
}

/// The dyads (a, b) that gain one shared partner of type `t` when the tie
/// i → j (absent) is added; calls `f(a, b)` once for each.
fn gaining(net: &Network, t: SpType, i: usize, j: usize, mut f: impl FnMut(usize, usize)) {
    for k in 0..net.n() {
        if k == i || k == j {
            continue;
        }
        match t {
            SpType::Utp => {
                // (i, k) gains j when k ~ j; (j, k) gains i when k ~ i.
                if net.has(j, k) {
                    f(i, k);
                }
                if net.has(i, k) {
                    f(j, k);
                }
            }
            SpType::Otp => {
                // a → b via a → k → b: (i, k) gains j when j → k; (k, j) gains i when k → i.
                if net.has(j, k) {
                    f(i, k);
                }
                if net.has(k, i) {
                    f(k, j);
                }
            }
            SpType::Itp => {
                // a → b via b → k → a: (k, i) gains j when j → k; (j, k) gains i when k → i.
                if net.has(j, k) {
                    f(k, i);
                }
                if net.has(k, i) {
                    f(j, k);
                }
            }
            SpType::Osp => {
                // a → k ← b: (i, k) and (k, i) gain j when k → j.
                if net.has(k, j) {
                    f(i, k);
                    f(k, i);
                }
            }
            SpType::Isp => {
                // k → a, k → b: (j, k) and (k, j) gain i when i → k.
                if net.has(i, k) {
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
        let mut c = 0.0;
        for k in 0..net.n() {
            if k == i || k == j {
                continue;
            }
            if net.is_directed() {
                // ttriple: i→j as (a→b, b→c, a→c) in each of its three roles; ctriple: j→k→i.
                c += net.y(j, k) * net.y(i, k)
                    + net.y(k, i) * net.y(k, j)
                    + net.y(i, k) * net.y(k, j);
                c += net.y(j, k) * net.y(k, i);
            } else {
                c += net.y(i, k) * net.y(j, k);
            }
        }
        out[0] += c;
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        let n = net.n();
        let mut s = 0.0;
        if net.is_directed() {
            let mut cyc = 0.0;
            for a in 0..n {
                for b in 0..n {
                    for c in 0..n {
                        if a == b || b == c || a == c {
                            continue;
                        }
                        s += net.y(a, b) * net.y(b, c) * net.y(a, c);
                        cyc += net.y(a, b) * net.y(b, c) * net.y(c, a);
                    }
                }
            }
            s += cyc / 3.0;
        } else {
            for a in 0..n {
                for b in a + 1..n {
                    for c in b + 1..n {
                        s += net.y(a, b) * net.y(b, c) * net.y(a, c);
                    }
                }
            }
        }
        out[0] = s;
    }
    fn dyad_independent(&self) -> bool {
        false
    }
}

pub(super) fn triangle(b: &Bound<'_>, _: &ErgmData) -> Result<Box<dyn Term>> {
    unsupported(b, &["attr", "diff", "levels"])?;
    Ok(Box::new(Triangle))
}

/// Geometrically weighted edgewise (`edgewise`) or dyadwise shared partners.
#[derive(Debug)]
struct GwSp {
    decay: f64,
    r: f64,
    t: SpType,
    edgewise: bool,
    name: String,
}

impl Term for GwSp {
    fn names(&self) -> Vec<String> {
        vec![self.name.clone()]
    }
    fn change(&self, net: &Network, i: usize, j: usize, out: &mut [f64]) {
        let mut c = 0.0;
        if self.edgewise {
            c += gw_weight(self.decay, sp(net, self.t, i, j));
        }
        gaining(net, self.t, i, j, |a, b| {
            if !self.edgewise || net.has(a, b) {
                c += self.r.powi(sp(net, self.t, a, b) as i32);
            }
        });
        out[0] += c;
    }
    fn statistic(&self, net: &Network, out: &mut [f64]) {
        let n = net.n();
        let mut s = 0.0;
        for a in 0..n {
            let lo = if net.is_directed() { 0 } else { a + 1 };
            for b in lo..n {
                if a == b || (self.edgewise && !net.has(a, b)) {
                    continue;
                }
                s += gw_weight(self.decay, sp(net, self.t, a, b));
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
    Ok(Box::new(GwSp {
        decay,
        r: 1.0 - (-decay).exp(),
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

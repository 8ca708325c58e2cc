//! Seeded, portable random graphs.
//!
//! Every generator takes a `seed` and draws from [`crate::random`] (ChaCha8,
//! integer arithmetic only), so the same seed gives the same graph on every
//! machine.
//!
//! * [`gnm`]: Erdős–Rényi G(n, m).
//! * [`community`]: synthetic communities from a case's figures
//!   ([`CommunitySpec::like`]), one-core, polycentric or between
//!   ([`Variant`]), streamed into a [`Csr`] or, as a
//!   [`CaseSource`](crate::model::CaseSource), into a case directory and a
//!   compact file ([`io::write_case_csv`](crate::io::write_case_csv),
//!   [`io::write_compact`](crate::io::write_compact)).

mod community;

pub use community::{COMMUNITY_LAYERS, Community, CommunitySpec, Variant, community};

use crate::error::{Error, Result};
use crate::model::{Aggregation, Csr};
use crate::random::{below, rng};

/// Erdős–Rényi G(n, m): `m` distinct edges (arcs, if directed) without
/// self-loops, drawn uniformly; weight 1.
///
/// Complexity: expected `O(n + m log m)` while `m` is at most half the possible edges.
///
/// ```
/// let a = coprod::generate::gnm(100, 300, false, 7).unwrap();
/// let b = coprod::generate::gnm(100, 300, false, 7).unwrap();
/// assert_eq!(a, b);
/// assert_eq!(a.edge_count(), 300);
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] (`m`) when `m` is more than half of the
/// `n (n - 1)` possible arcs (`n (n - 1) / 2` edges if undirected), and (`n`)
/// when `n` exceeds the `u32` indices of a [`Csr`].
pub fn gnm(n: usize, m: usize, directed: bool, seed: u64) -> Result<Csr> {
    let possible = if directed {
        n as u128 * n.saturating_sub(1) as u128
    } else {
        n as u128 * n.saturating_sub(1) as u128 / 2
    };
    if m as u128 > possible / 2 {
        return Err(Error::InvalidParameter {
            name: "m",
            reason: format!("{m} edges is more than half of the {possible} possible on {n} nodes"),
        });
    }
    if n > u32::MAX as usize {
        return Err(Error::InvalidParameter {
            name: "n",
            reason: format!("{n} nodes is more than the 2^32 - 1 a snapshot indexes"),
        });
    }
    let mut r = rng(seed);
    let mut seen = std::collections::HashSet::with_capacity(m);
    let mut edges = Vec::with_capacity(m);
    while edges.len() < m {
        let u = below(&mut r, n as u64) as u32;
        let v = below(&mut r, n as u64) as u32;
        if u == v {
            continue;
        }
        let key = if directed {
            (u, v)
        } else {
            (u.min(v), u.max(v))
        };
        if seen.insert(key) {
            edges.push((u, v, 1.0));
        }
    }
    Ok(Csr::from_edges(n, directed, &edges, Aggregation::Sum))
}

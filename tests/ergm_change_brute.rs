//! The structural terms' statistics and change statistics, computed by
//! coprod from sorted neighbour lists, against their textbook definitions
//! evaluated by brute force on a dense 0/1 matrix held by this test (a code
//! path that shares nothing with coprod's `Network`), on random directed and
//! undirected graphs; and the sampler under a random dyad mask: it toggles
//! only free dyads, and the statistics it carries along the chain equal the
//! definitions on the networks it records.
//!
//! Definitions (statnet `ergm` 4; w(k) = e^α (1 − (1 − e^−α)^k), sp_ab the
//! shared partners k ∉ {a, b} of the given type):
//!
//! ```text
//! edges Σ y_ab   mutual Σ_{a<b} y_ab y_ba   kstar(2) Σ_i C(d_i, 2)   istar/ostar(2) on d⁻/d⁺
//! gwdegree Σ_i w(d_i)   triangle Σ_{a<b<c} y_ab y_bc y_ac (directed: ttriple + ctriple)
//! gwesp Σ_{ties} w(sp_ab)   gwdsp Σ_{dyads} w(sp_ab)
//! ```

mod common;

use coprod::inference::ergm::constraints::DyadMask;
use coprod::inference::ergm::network::{ErgmData, Network};
use coprod::inference::ergm::sampler::{Proposal, SamplerOptions, run_chains};
use coprod::inference::ergm::terms::Model;
use proptest::prelude::*;

const UNDIRECTED: &str = "edges + kstar(2) + gwdegree(0.5, fixed=TRUE) + triangle + \
    gwesp(0.5, fixed=TRUE) + gwdsp(0.7, fixed=TRUE)";
const DIRECTED: &str = "edges + mutual + istar(2) + ostar(2) + gwidegree(0.5, fixed=TRUE) + \
    gwodegree(1.2, fixed=TRUE) + triangle + gwesp(0.5, fixed=TRUE) + dgwesp(0.4, fixed=TRUE, type=\"ITP\") + \
    dgwesp(0.3, fixed=TRUE, type=\"OSP\") + dgwesp(0.2, fixed=TRUE, type=\"ISP\") + gwdsp(0.6, fixed=TRUE)";

/// The terms whose change statistic is computed with the tie present (the
/// sampler weighs a removal in place when every term of a model allows it).
const WITH_TIE_UNDIRECTED: &str =
    "edges + triangle + gwesp(0.5, fixed=TRUE) + gwdsp(0.7, fixed=TRUE)";
const WITH_TIE_DIRECTED: &str = "edges + mutual + triangle + gwesp(0.5, fixed=TRUE) + \
    dgwesp(0.4, fixed=TRUE, type=\"ITP\") + dgwesp(0.3, fixed=TRUE, type=\"OSP\") + \
    dgwesp(0.2, fixed=TRUE, type=\"ISP\") + gwdsp(0.6, fixed=TRUE)";

/// A dense 0/1 adjacency matrix.
struct Dense {
    n: usize,
    directed: bool,
    a: Vec<bool>,
}

impl Dense {
    fn of(net: &Network) -> Dense {
        let n = net.n();
        let mut a = vec![false; n * n];
        for (i, j) in net.edges() {
            a[i * n + j] = true;
            if !net.is_directed() {
                a[j * n + i] = true;
            }
        }
        Dense {
            n,
            directed: net.is_directed(),
            a,
        }
    }
    fn y(&self, i: usize, j: usize) -> usize {
        usize::from(self.a[i * self.n + j])
    }
    /// Shared partners of (a, b): "UTP", "OTP", "ITP", "OSP", "ISP".
    fn sp(&self, t: &str, a: usize, b: usize) -> usize {
        (0..self.n)
            .filter(|&k| k != a && k != b)
            .map(|k| match t {
                "UTP" | "OSP" => self.y(a, k) * self.y(b, k),
                "OTP" => self.y(a, k) * self.y(k, b),
                "ITP" => self.y(b, k) * self.y(k, a),
                _ => self.y(k, a) * self.y(k, b),
            })
            .sum()
    }
    /// Ordered pairs (directed) or a < b.
    fn pairs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for a in 0..self.n {
            for b in 0..self.n {
                if a != b && (self.directed || a < b) {
                    out.push((a, b));
                }
            }
        }
        out
    }
    fn deg(&self, i: usize, inward: bool) -> usize {
        (0..self.n)
            .map(|h| if inward { self.y(h, i) } else { self.y(i, h) })
            .sum()
    }
    fn triangle(&self) -> f64 {
        let n = self.n;
        let (mut t, mut c) = (0usize, 0usize);
        for a in 0..n {
            for b in 0..n {
                for k in 0..n {
                    if a == b || b == k || a == k {
                        continue;
                    }
                    t += self.y(a, b) * self.y(b, k) * self.y(a, k);
                    c += self.y(a, b) * self.y(b, k) * self.y(k, a);
                }
            }
        }
        if self.directed {
            t as f64 + c as f64 / 3.0
        } else {
            t as f64 / 6.0
        }
    }
    /// The statistics of the formulas above, in order.
    fn stats(&self) -> Vec<f64> {
        let w = |alpha: f64, k: usize| alpha.exp() * (1.0 - (1.0 - (-alpha).exp()).powi(k as i32));
        let c2 = |d: usize| (d * d.saturating_sub(1) / 2) as f64;
        let ties: Vec<_> = self
            .pairs()
            .into_iter()
            .filter(|&(a, b)| self.y(a, b) == 1)
            .collect();
        let gwesp = |t: &str, alpha: f64| {
            ties.iter()
                .map(|&(a, b)| w(alpha, self.sp(t, a, b)))
                .sum::<f64>()
        };
        let gwdsp = |t: &str, alpha: f64| {
            self.pairs()
                .iter()
                .map(|&(a, b)| w(alpha, self.sp(t, a, b)))
                .sum::<f64>()
        };
        let n = self.n;
        if !self.directed {
            vec![
                ties.len() as f64,
                (0..n).map(|i| c2(self.deg(i, false))).sum(),
                (0..n).map(|i| w(0.5, self.deg(i, false))).sum(),
                self.triangle(),
                gwesp("UTP", 0.5),
                gwdsp("UTP", 0.7),
            ]
        } else {
            let mutual = self
                .pairs()
                .iter()
                .filter(|&&(a, b)| a < b)
                .map(|&(a, b)| self.y(a, b) * self.y(b, a))
                .sum::<usize>();
            vec![
                ties.len() as f64,
                mutual as f64,
                (0..n).map(|i| c2(self.deg(i, true))).sum(),
                (0..n).map(|i| c2(self.deg(i, false))).sum(),
                (0..n).map(|i| w(0.5, self.deg(i, true))).sum(),
                (0..n).map(|i| w(1.2, self.deg(i, false))).sum(),
                self.triangle(),
                gwesp("OTP", 0.5),
                gwesp("ITP", 0.4),
                gwesp("OSP", 0.3),
                gwesp("ISP", 0.2),
                gwdsp("OTP", 0.6),
            ]
        }
    }
}

fn close(a: &[f64], b: &[f64], what: &str) {
    for (s, (x, y)) in a.iter().zip(b).enumerate() {
        assert!(
            (x - y).abs() <= common::EXACT * (1.0 + y.abs()),
            "{what}: statistic {s}: coprod {x}, definition {y}"
        );
    }
}

fn network(n: usize, directed: bool, bits: &[bool]) -> Network {
    let mut edges = Vec::new();
    let mut k = 0;
    for i in 0..n {
        for j in 0..n {
            if i != j && (directed || i < j) {
                if bits[k % bits.len()] {
                    edges.push((i, j));
                }
                k += 1;
            }
        }
    }
    Network::from_edges(n, directed, &edges).unwrap()
}

fn check_changes(net: &Network) {
    let data = ErgmData::new(net.clone());
    let m = Model::parse(
        if net.is_directed() {
            DIRECTED
        } else {
            UNDIRECTED
        },
        &data,
    )
    .unwrap();
    close(&m.statistics(net), &Dense::of(net).stats(), "statistics");
    let mut y = net.clone();
    let mut delta = vec![0.0; m.len()];
    for (i, j) in net.dyads() {
        let was = y.has(i, j);
        if was {
            y.toggle(i, j);
        }
        let minus = Dense::of(&y).stats();
        m.change(&y, i, j, &mut delta);
        y.toggle(i, j);
        let plus = Dense::of(&y).stats();
        if !was {
            y.toggle(i, j);
        }
        let want: Vec<f64> = plus.iter().zip(&minus).map(|(p, q)| p - q).collect();
        close(&delta, &want, &format!("change of {i}->{j}"));
    }
    assert_eq!(&y, net);
    check_with_tie(net);
}

/// The change statistic of a present tie computed in place equals, bit for
/// bit, the one computed with the tie removed; with the bit matrix (n ≤
/// 2,048) and on the same ties among 2,100 nodes (neighbour lists only).
fn check_with_tie(net: &Network) {
    let (n, directed) = (net.n(), net.is_directed());
    let big = Network::from_edges(2_100, directed, &net.edges()).unwrap();
    for g in [net, &big] {
        let m = Model::parse(
            if directed {
                WITH_TIE_DIRECTED
            } else {
                WITH_TIE_UNDIRECTED
            },
            &ErgmData::new(g.clone()),
        )
        .unwrap();
        assert!(m.change_with_tie());
        let (mut here, mut off) = (vec![0.0; m.len()], vec![0.0; m.len()]);
        let mut y = g.clone();
        for (i, j) in net.edges() {
            m.change(&y, i, j, &mut here);
            y.toggle(i, j);
            m.change(&y, i, j, &mut off);
            y.toggle(i, j);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(
                bits(&here),
                bits(&off),
                "tie {i}->{j} of {n} nodes, {} in all",
                g.n()
            );
        }
    }
}

fn check_masked_chain(net: &Network, fixed: &[bool], seed: u64) {
    let directed = net.is_directed();
    // The full formulas (a removal toggles the tie off for the degree
    // terms) and those whose removals are weighed in place.
    let (all, in_place, pick): (_, _, &[usize]) = if directed {
        (DIRECTED, WITH_TIE_DIRECTED, &[0, 1, 6, 7, 8, 9, 10, 11])
    } else {
        (UNDIRECTED, WITH_TIE_UNDIRECTED, &[0, 3, 4, 5])
    };
    let every: Vec<usize> = (0..64).collect();
    check_masked_chain_of(net, fixed, seed, all, &every);
    check_masked_chain_of(net, fixed, seed, in_place, pick);
}

/// `pick`: the indices of the formula's statistics among the definitions'.
fn check_masked_chain_of(net: &Network, fixed: &[bool], seed: u64, formula: &str, pick: &[usize]) {
    let (n, directed) = (net.n(), net.is_directed());
    let data = ErgmData::new(net.clone());
    let m = Model::parse(formula, &data).unwrap();
    let mut mask = DyadMask::all(n, directed);
    for (k, (i, j)) in net.dyads().into_iter().enumerate() {
        if fixed[k % fixed.len()] {
            mask.fix(i, j);
        }
    }
    if mask.free_dyads().is_empty() {
        return;
    }
    let theta: Vec<f64> = (0..m.len())
        .map(|k| if k == 0 { -1.0 } else { 0.1 })
        .collect();
    let opts = SamplerOptions {
        burnin: 50,
        interval: 17,
        draws_per_chain: 8,
        chains: 2,
        proposal: if seed.is_multiple_of(2) {
            Proposal::Tnt
        } else {
            Proposal::Toggle
        },
        seed,
    };
    let (s, kept) = run_chains(&m, std::slice::from_ref(net), &mask, &theta, &opts, true);
    for (r, y) in kept.iter().enumerate() {
        for (i, j) in net.dyads() {
            if !mask.is_free(i, j) {
                assert_eq!(y.has(i, j), net.has(i, j), "fixed dyad {i}->{j} toggled");
            }
        }
        let def = Dense::of(y).stats();
        let want: Vec<f64> = pick.iter().take(m.len()).map(|&k| def[k]).collect();
        close(s.row(r), &want, &format!("draw {r}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn undirected_terms_equal_their_definitions(
        n in 3usize..10, bits in proptest::collection::vec(any::<bool>(), 1..50),
        fixed in proptest::collection::vec(any::<bool>(), 1..12), seed in 0u64..1000,
    ) {
        let net = network(n, false, &bits);
        check_changes(&net);
        check_masked_chain(&net, &fixed, seed);
    }

    #[test]
    fn directed_terms_equal_their_definitions(
        n in 3usize..8, bits in proptest::collection::vec(any::<bool>(), 1..60),
        fixed in proptest::collection::vec(any::<bool>(), 1..12), seed in 0u64..1000,
    ) {
        let net = network(n, true, &bits);
        check_changes(&net);
        check_masked_chain(&net, &fixed, seed);
    }
}
